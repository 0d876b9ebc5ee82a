//! The catalogues against each other and against the code.

use super::*;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

/// Each message (and `message.attribute`) with the variables it uses.
fn shape(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        let (id, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_string(), m.value, m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
            Entry::Junk { content } => panic!("a line the parser could not read: {content:?}"),
            _ => continue,
        };
        assert!(!out.contains_key(&id), "{id} twice");
        let mut vars = BTreeSet::new();
        if let Some(value) = &value {
            variables(value, &mut vars);
        }
        out.insert(id.clone(), vars);
        for attribute in attributes {
            let mut vars = BTreeSet::new();
            variables(&attribute.value, &mut vars);
            out.insert(format!("{id}.{}", attribute.id.name), vars);
        }
    }
    out
}

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
        }
        _ => {}
    }
}

#[test]
fn both_catalogues_have_the_same_messages_attributes_and_arguments() {
    for catalogue in CATALOGUES {
        let name = catalogue.name;
        let (en, fr) = (shape(catalogue.en), shape(catalogue.fr));
        let only_en: Vec<&String> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
        let only_fr: Vec<&String> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "in en/{name}.ftl, not in fr/{name}.ftl: {only_en:?}");
        assert!(only_fr.is_empty(), "in fr/{name}.ftl, not in en/{name}.ftl: {only_fr:?}");
        for (id, vars) in &en {
            assert_eq!(vars, &fr[id], "{id}: the arguments differ between en/{name}.ftl and fr/{name}.ftl");
        }
    }
}

/// Every file in `locales/en` and `locales/fr` is shipped (listed in
/// [`CATALOGUES`]), and no id is in two of them.
#[test]
fn every_catalogue_file_is_shipped_and_each_id_is_in_one_file() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/locales"));
    for language in Language::ALL {
        let mut files: Vec<String> = std::fs::read_dir(root.join(language.code()))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut listed: Vec<String> = CATALOGUES.iter().map(|c| format!("{}.ftl", c.name)).collect();
        listed.sort();
        assert_eq!(files, listed, "locales/{} against CATALOGUES", language.code());
    }
    let mut seen = BTreeMap::new();
    for catalogue in CATALOGUES {
        for id in shape(catalogue.en).into_keys().filter(|id| !id.contains('.')) {
            if let Some(other) = seen.insert(id.clone(), catalogue.name) {
                panic!("{id} is in both {other}.ftl and {}.ftl", catalogue.name);
            }
        }
    }
}

#[test]
fn a_scope_sets_the_language_of_its_thread_until_dropped() {
    assert_eq!(language(), Language::En, "tests never set the process's language");
    {
        let _french = scope(Language::Fr);
        assert_eq!(tr!("day-tomorrow"), "demain");
        assert_eq!(tr!("day-in", count = 2), "dans 2 jours");
        let _english = scope(Language::En);
        assert_eq!(tr!("day-tomorrow"), "tomorrow");
    }
    assert_eq!(tr!("day-tomorrow"), "tomorrow");
}

/// The checks above, shown failing on catalogues made to differ.
#[test]
fn a_message_missing_or_with_other_arguments_is_caught() {
    let en = shape("a = one { $n }\nb = two\n    .hint = 2\n");
    let fr = shape("a = un { $m }\nb = deux\n");
    assert_ne!(en["a"], fr["a"]);
    assert!(en.contains_key("b.hint") && !fr.contains_key("b.hint"));
}

/// Every `i18n::t(_, "id")` and `i18n::fmt(_, "id", …)` in the code names a
/// message both catalogues have.
#[test]
fn every_id_the_code_asks_for_is_in_both_catalogues() {
    let mut missing = Vec::new();
    let mut found = 0;
    for path in rust_files(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
        if path.components().any(|c| c.as_os_str() == "i18n") {
            continue; // this module's own examples
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for call in ["i18n::t(", "i18n::fmt(", "tr!("] {
            for (at, _) in text.match_indices(call) {
                // `tr!(` itself, not `include_str!(`.
                if text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[at + call.len()..];
                // The id is the first string literal of the call.
                let Some(open) = rest.find('"') else { continue };
                if rest[..open].contains(')') {
                    continue; // an id computed, checked with its table
                }
                let id: String = rest[open + 1..].chars().take_while(|c| *c != '"').collect();
                found += 1;
                for language in Language::ALL {
                    if !has(language, &id) {
                        missing.push(format!("{} in {} ({})", id, path.display(), language.code()));
                    }
                }
            }
        }
    }
    assert!(found > 20, "the scan found only {found} ids");
    assert!(missing.is_empty(), "ids asked for and missing: {missing:#?}");
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The tables whose ids are computed: the keymap (help, and `.hint` for the
/// bindings in the hint bar), the help's scopes, the tabs, the roles.
#[test]
fn every_id_of_the_tables_is_in_both_catalogues() {
    use crate::app::keymap::{BINDINGS, Scope};
    use crate::app::state::Tab;
    for language in Language::ALL {
        for b in BINDINGS {
            assert!(has(language, b.text), "{} ({})", b.text, language.code());
            let hint = format!("{}.hint", b.text);
            assert_eq!(has(language, &hint), b.hinted, "{hint}: hinted in the table exactly when it has a .hint");
            assert!(has(language, b.scope.title_id()), "{} ({})", b.scope.title_id(), language.code());
            for key in b.keys {
                let label = key.label(language);
                assert!(!label.contains("keycap-"), "{key:?}: no {label} in {}", language.code());
            }
        }
        assert!(has(language, Scope::Anywhere.title_id()));
        for tab in Tab::ALL {
            assert!(has(language, tab.title_id()), "{:?}", tab);
            assert!(has(language, &format!("{}.short", tab.title_id())), "{:?}", tab);
        }
        for role in crate::domain::roles::Role::ALL {
            assert!(has(language, &format!("role-{}", role.code().replace('_', "-"))), "{role:?}");
        }
    }
}

#[test]
fn numbers_take_a_decimal_comma_in_french_and_plurals_follow_the_language() {
    assert_eq!(decimal(Language::Fr, 1.5, 1), "1,5");
    assert_eq!(decimal(Language::En, 1.5, 2), "1.50");
    let more = |language, count: f64| fmt(language, "help-title-more-below", &[("count", count.into())]);
    assert_eq!(more(Language::Fr, 1.5), "Touches · ↓ 1,5 ligne de plus (j) · ? ou Échap ferme");
    // French counts 0 and 1 as singular.
    assert_eq!(more(Language::Fr, 0.0), "Touches · ↓ 0 ligne de plus (j) · ? ou Échap ferme");
    assert_eq!(more(Language::Fr, 3.0), "Touches · ↓ 3 lignes de plus (j) · ? ou Échap ferme");
    assert_eq!(more(Language::En, 3.0), "Keys · ↓ 3 more (j) · ? or Esc closes");
    let above = |language, count: usize| fmt(language, "list-more-above", &[("count", count.into())]);
    assert_eq!(above(Language::En, 1), "↑ 1 more above (k)");
    assert_eq!(above(Language::Fr, 1), "↑ 1 autre au-dessus (k)");
    assert_eq!(above(Language::Fr, 3), "↑ 3 autres au-dessus (k)");
    // An id nobody wrote shows as itself, never a panic.
    assert_eq!(t(Language::Fr, "no-such-message"), "no-such-message");
    assert_eq!(t(Language::En, "tab-board.nope"), "tab-board.nope");
}

/// Fluent would put Unicode isolation marks around each argument; a
/// terminal counts them as cells.
#[test]
fn arguments_carry_no_isolation_marks() {
    let text = fmt(Language::En, "too-small-size", &[("width", 60.into()), ("height", 15.into())]);
    assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
    assert!(text.contains("60×15"), "{text}");
}

/// Every source file is checked (issue 14: "a test fails when a string a
/// user can see is built outside the catalogues"), but for the files whose
/// text nobody reads on a screen or a command's output ([`NOT_SHOWN`], each
/// with why). The check is textual: a string literal holding a word (three
/// letters or more, outside `{placeholders}`) must be a catalogue id
/// (`status-live`), an argument's name (`("count", …)`), a code or key
/// (`snake_case`, `do.strut_max_mm_day`), or sit on a line the reader sees
/// is not shown: a log line, a serde attribute, SQL, a panic's text, or a
/// line marked `// i18n: why` (a stored code, a note written into the
/// record, a file name), or in a function that only writes the log
/// ([`LOG_ONLY`]).
const NOT_SHOWN: &[(&str, &str)] = &[
    ("lib.rs", "module list"),
    ("logging.rs", "the log file, read by developers"),
    ("cli/bench.rs", "the benchmark's figures, read by developers"),
    ("cli/demo.rs", "the demo's invented patients and notes (data, not interface)"),
    ("cli/demo_complications.rs", "demo data"),
    ("cli/demo_distraction.rs", "demo data"),
    ("cli/demo_hexapod.rs", "demo data"),
    ("cli/demo_stock.rs", "demo data: device names and lots"),
    ("store/schema.rs", "SQL"),
    ("store/db/types.rs", "the engine's own words for a value it cannot convert, as rusqlite's (README)"),
    ("store/db/error.rs", "the engine's own words, as rusqlite's and PostgreSQL's (README)"),
    ("store/reference.rs", "the seed list of devices (data, kept as the ward types it)"),
];

/// Functions whose text only the log file reads (the request a save was for).
const LOG_ONLY: &[(&str, &str)] = &[
    ("shell/save.rs", "request_label"),
    ("shell/save_rounds.rs", "label"),
    ("shell/save_stock.rs", "label"),
    ("shell/save_setup.rs", "label"),
    ("shell/save_ossification.rs", "label"),
];

/// Without the functions of `file` in [`LOG_ONLY`] (each up to its closing
/// brace at the start of a line).
fn without_log_only(file: &str, source: &str) -> String {
    let mut source = source.to_string();
    for (_, name) in LOG_ONLY.iter().filter(|(f, _)| *f == file) {
        let start = source.find(&format!("fn {name}(")).unwrap_or_else(|| panic!("LOG_ONLY: no fn {name} in {file}"));
        let end = source[start..].find("\n}\n").map_or(source.len(), |e| start + e + 3);
        source.replace_range(start..end, "");
    }
    source
}

/// A line whose literals nobody reads on a screen or in a command's output.
fn not_shown_line(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("//")
        || line.starts_with("#[")
        || line.contains("// i18n: ")
        || ["log::", "panic!(", "unreachable!(", ".expect(", "debug_assert", "assert!("]
            .iter()
            .any(|m| line.contains(m))
}

/// A code, a key or a name no one translates: `used_up`, `do.fever_c`, a
/// single lower-case word (a stored code, a field's or a JSON key: the words
/// a user reads are sentences the catalogues build), `LC_ALL`, a rule id
/// (`R-STOCK-4`), a path (`/dev/tty`).
fn a_code(bare: &str) -> bool {
    // A CSV header (`staff_id,account,…`) is a list of codes.
    // A CSV header or an SQL column list (`staff_id,account`, `id, version`) is a list of codes.
    let listed = bare.contains(',') && bare.chars().all(|c| c.is_ascii_lowercase() || matches!(c, '_' | ',' | ' '));
    let lower =
        listed || bare.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.' | ','));
    let upper = bare.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    let rule = bare.starts_with("R-") && bare.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    // A unit, a time zone or a path: `mm/day`, `Europe/Paris`, `/dev/tty`.
    let slashed = bare.contains('/') && bare.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '_' | '.'));
    lower || upper || rule || slashed
}

/// SQL text (the store's queries and their column lists; never shown).
fn sql(literal: &str) -> bool {
    let keywords = ["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "DROP ", " FROM ", " WHERE ", "PRAGMA "];
    let more = [" JOIN ", " AND ", "ORDER BY", "CAST(", "COALESCE(", " NOT IN ", "END;", " <> ", "('"];
    // A column of an aliased table (`p.surname`), a named parameter (`:day`).
    let chars: Vec<char> = literal.chars().collect();
    let column = chars
        .windows(4)
        .any(|w| !w[0].is_alphanumeric() && w[1].is_ascii_lowercase() && w[2] == '.' && w[3].is_ascii_lowercase())
        || (chars.get(1) == Some(&'.') && chars[0].is_ascii_lowercase());
    let parameter = literal.split_whitespace().any(|w| w.trim_start_matches(['+', '=']).starts_with(':'));
    column || parameter || keywords.iter().chain(&more).any(|k| literal.contains(k))
}

fn words_outside_the_catalogues(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let code: Vec<&str> = code.lines().filter(|l| !not_shown_line(l)).collect();
    let code = code.join("\n");
    let bytes: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != '"' || (i > 0 && bytes[i - 1] == '\'') {
            i += 1;
            continue;
        }
        let start = i;
        let mut literal = String::new();
        i += 1;
        while i < bytes.len() && bytes[i] != '"' {
            if bytes[i] == '\\' {
                i += 1;
            }
            if i < bytes.len() {
                literal.push(bytes[i]);
            }
            i += 1;
        }
        let before = start.checked_sub(1).map(|b| bytes[b]);
        let after = bytes.get(i + 1).copied();
        i += 1;
        let mut bare = String::new();
        let mut depth = 0;
        for c in literal.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                c if depth == 0 => bare.push(c),
                _ => {}
            }
        }
        let has_word = bare.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() >= 3);
        // An id, or an id's attribute (`stock-field-lot.ai`).
        let message = bare.split_once('.').map_or(bare.as_str(), |(m, _)| m);
        let id = !message.is_empty()
            && bare.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
            && message.contains('-');
        let argument =
            before == Some('(') && after == Some(',') && bare.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if has_word && !id && !argument && !a_code(&bare) && !sql(&literal) {
            found.push(literal);
        }
    }
    found
}

#[test]
fn no_file_writes_a_word_outside_the_catalogues() {
    let src = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let mut offending = Vec::new();
    for path in rust_files(src) {
        let file = path.strip_prefix(src).unwrap().to_string_lossy().replace('\\', "/");
        if file.starts_with("i18n/") || file.ends_with("/tests.rs") || NOT_SHOWN.iter().any(|(f, _)| *f == file) {
            continue;
        }
        let found = words_outside_the_catalogues(&without_log_only(&file, &std::fs::read_to_string(&path).unwrap()));
        if !found.is_empty() {
            offending.push(format!("{file}: {found:?}"));
        }
    }
    assert!(offending.is_empty(), "words outside the catalogues:\n{}", offending.join("\n"));
    for (file, _) in NOT_SHOWN {
        assert!(src.join(file).exists(), "NOT_SHOWN names {file}, which is gone");
    }
    // The check itself: a sentence is caught; ids, argument names, codes,
    // log lines and marked lines are not.
    let sample = r#"t(l, "status-live"); fmt(l, "x-y", &[("count", 1.into())]); format!("{n} more below");
        let code = "used_up"; log::warn!("no such message");
        let key = "reason"; let rule = "R-STOCK-4"; let env = "LC_ALL";
        let label = "Reason for the change"; // i18n: code
        let sql = "SELECT id FROM beds WHERE label = ?1";
        let shown = "no such bed";"#;
    assert_eq!(words_outside_the_catalogues(sample), ["{n} more below", "no such bed"]);
}

/// The French text of a pattern as one string: text and string literals as
/// they read, any other placeable (an argument, a select) as `\0`, which
/// stands for a word; each variant of a select is read on its own.
fn french_texts(pattern: &Pattern<&str>, out: &mut Vec<String>) {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    text.push_str(&value.replace("\\\"", "\"").replace("\\\\", "\\"));
                }
                Expression::Select { variants, .. } => {
                    text.push('\0');
                    for variant in variants {
                        french_texts(&variant.value, out);
                    }
                }
                _ => text.push('\0'),
            },
        }
    }
    out.push(text);
}

/// Where `text` breaks French typography: `:` `;` `!` `?` `%` after a
/// letter, a digit or an ordinary space (French puts a no-break space,
/// U+00A0, there), and « » without one inside. Not faults: a time or a
/// format (`08:30`, `HH:MM`), a URL or `::`, anything in backticks (a
/// command), a key or a mark standing alone (`· ? ou Échap`, `! BAS`).
fn typography_faults(text: &str) -> Vec<String> {
    const NBSP: char = '\u{a0}';
    let chars: Vec<char> = text.chars().collect();
    let word_end = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || "\0)]»….’".contains(*c));
    let mut faults = Vec::new();
    let mut code = false;
    for (i, &c) in chars.iter().enumerate() {
        if c == '`' {
            code = !code;
        }
        if code {
            continue;
        }
        let (prev, next) = (i.checked_sub(1).map(|p| &chars[p]), chars.get(i + 1));
        let shown = || chars.iter().collect::<String>().replace('\0', "{…}").replace(NBSP, "[nbsp]");
        if ":;!?%".contains(c) {
            // A time, a URL, a list of characters: the mark is inside a word.
            let closing = next.is_none_or(|n| " \u{a0})»],.…\0".contains(*n));
            let mark = c == '!' && next == Some(&' ');
            if !closing || mark || prev == Some(&':') {
                continue;
            }
            let before_space = i.checked_sub(2).map(|p| &chars[p]);
            let fault = match prev {
                Some(p) if p.is_alphanumeric() || *p == '\0' => true,
                // A key alone (`· ?`) is not punctuation; `; ` joined after other text is.
                Some(' ') => word_end(before_space) || (before_space.is_none() && ":;".contains(c)),
                // Text joined after other text (`; relaxed`) needs its space too.
                None => ":;".contains(c),
                _ => false,
            };
            if fault {
                faults.push(format!("{c:?} in {:?}", shown()));
            }
        }
        if (c == '«' && next != Some(&NBSP)) || (c == '»' && prev != Some(&NBSP)) {
            faults.push(format!("{c:?} in {:?}", shown()));
        }
    }
    faults
}

/// Found by the French tester (issue 14): `FOURNIER: pas de lit`, `42%`.
/// Every French message puts a no-break space before `:` `;` `!` `?` `%`
/// and inside « » (the code composes no such line itself: `labelled`,
/// `screens-percent`).
#[test]
fn french_messages_keep_french_typography() {
    let mut faults = Vec::new();
    for catalogue in CATALOGUES {
        let resource = fluent_syntax::parser::parse(catalogue.fr).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                Entry::Message(m) => (m.id.name.to_string(), m.value, m.attributes),
                Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                _ => continue,
            };
            let mut texts = Vec::new();
            if let Some(value) = &value {
                french_texts(value, &mut texts);
            }
            for attribute in &attributes {
                french_texts(&attribute.value, &mut texts);
            }
            for text in texts {
                faults.extend(typography_faults(&text).into_iter().map(|f| format!("{}: {id}: {f}", catalogue.name)));
            }
        }
    }
    assert!(faults.is_empty(), "French typography ({} faults):\n{}", faults.len(), faults.join("\n"));
    // The check itself.
    let fault = |text: &str| !typography_faults(text).is_empty();
    for wrong in ["FOURNIER: pas de lit", "42%", "\0 : \0", "Retirer \0 ?", "; levé", " ; levé", "« autre »", "x ;"]
    {
        assert!(fault(wrong), "{wrong:?} passed");
    }
    for right in [
        "FOURNIER\u{a0}: pas de lit",
        "42\u{a0}%",
        "08:30",
        "HH:MM",
        "https://example.org",
        "store::cases",
        "Touches · ? ou Échap ferme",
        "! BAS",
        "\0 ! en retard",
        "`periop x --at 08:30: y`",
        "«\u{a0}autre\u{a0}»",
        "\u{a0}; levé",
        "ou !\"%&'()*+,-./:;<=>?_",
    ] {
        assert!(!fault(right), "{right:?}: {:?}", typography_faults(right));
    }
}

/// The punctuation the code used to write itself (`{name}: {text}`,
/// `{n}%`, `a; b`), from the catalogues: French puts its no-break space.
#[test]
fn a_label_a_list_and_a_percentage_are_punctuated_as_each_language_writes() {
    assert_eq!(
        in_both(|| labelled("FOURNIER", "no bed")),
        ("FOURNIER: no bed".into(), "FOURNIER\u{a0}: no bed".into())
    );
    assert_eq!(in_both(|| joined(&["a", "b"])), ("a; b".into(), "a\u{a0}; b".into()));
    let percent = |language| fmt(language, "screens-percent", &[("percent", "42".into())]);
    assert_eq!((percent(Language::En), percent(Language::Fr)), ("42%".to_string(), "42\u{a0}%".to_string()));
    let question = |language| fmt(language, "screens-question", &[("text", "Admit".into())]);
    assert_eq!((question(Language::En), question(Language::Fr)), ("Admit?".to_string(), "Admit\u{a0}?".to_string()));
}
