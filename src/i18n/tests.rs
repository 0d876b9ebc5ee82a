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

/// The parts of the screen converted so far: no word a user reads is
/// written in them outside the catalogues. A module joins this list when it
/// is converted; the check is textual: a string literal holding a word (three
/// letters or more, outside `{placeholders}`) must be a catalogue id
/// (`status-live`), an argument's name (`("count", …)`) or a status glyph
/// the domain names.
const CONVERTED: &[&str] = &[
    "ui/status.rs",
    "ui/too_small.rs",
    "ui/locked.rs",
    "ui/form.rs",
    "ui/overlays.rs",
    "ui/detail.rs",
    "ui/complications.rs",
    "ui/ossification.rs",
    "app/screens/detail.rs",
];

/// Glyphs with a word, shown as the domain writes them (a lot's status).
const GLYPH_WORDS: &[&str] = &["✗ EXPIRED"];

fn words_outside_the_catalogues(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let code: Vec<&str> = code.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
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
        let id = !bare.is_empty()
            && bare.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && bare.contains('-');
        let argument =
            before == Some('(') && after == Some(',') && bare.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if has_word && !id && !argument && !GLYPH_WORDS.contains(&literal.as_str()) {
            found.push(literal);
        }
    }
    found
}

#[test]
fn the_converted_parts_write_no_word_outside_the_catalogues() {
    let src = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    for file in CONVERTED {
        let text = std::fs::read_to_string(src.join(file)).unwrap();
        let found = words_outside_the_catalogues(&text);
        assert!(found.is_empty(), "{file} writes words outside the catalogues: {found:?}");
    }
    // The check itself: a sentence is caught, ids and argument names are not.
    let sample = r#"t(l, "status-live"); fmt(l, "x-y", &[("count", 1.into())]); format!("{n} more below");"#;
    assert_eq!(words_outside_the_catalogues(sample), ["{n} more below"]);
}
