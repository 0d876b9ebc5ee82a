//! The command line's words against the catalogues, and against clap's own
//! English.

use super::*;
use std::collections::BTreeSet;

/// Every command's message and every argument's attribute, as ids.
fn wanted(cmd: &Command, path: &mut Vec<String>, out: &mut BTreeSet<String>) {
    let id = message_id(path);
    for arg in cmd.get_arguments() {
        out.insert(format!("{id}.{}", attribute(arg.get_id().as_str())));
    }
    out.insert(id);
    for sub in cmd.get_subcommands() {
        path.push(sub.get_name().to_owned());
        wanted(sub, path, out);
        path.pop();
    }
}

/// Every command path from `periop`: `[]`, `["block"]`, `["block", "event"]`…
fn paths(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(path.clone());
    for sub in cmd.get_subcommands() {
        path.push(sub.get_name().to_owned());
        paths(sub, path, out);
        path.pop();
    }
}

/// What `periop ARGS…` prints or refuses, as the user reads it (`ansi`:
/// with clap's colour codes, to compare styles too).
fn said(cmd: &Command, args: &[&str], ansi: bool) -> String {
    let mut all = vec!["periop"];
    all.extend_from_slice(args);
    let error = cmd.clone().try_get_matches_from(all).map(|_| ()).expect_err("a help or a refusal");
    let rendered = error.apply::<Localized>().render();
    if ansi { rendered.ansi().to_string() } else { rendered.to_string() }
}

/// A new argument or command without its words in both catalogues fails
/// here; so does a text left behind for one that is gone.
#[test]
fn every_command_and_argument_has_its_words_in_both_catalogues() {
    let mut ids = BTreeSet::new();
    wanted(&Cli::command(), &mut Vec::new(), &mut ids);
    assert!(ids.len() > 200, "{}", ids.len());
    for language in Language::ALL {
        for id in &ids {
            assert!(i18n::has(language, id), "no {id} in locales/{}/usage.ftl", language.code());
            assert!(!i18n::t(language, id).trim().is_empty(), "{id} is empty ({})", language.code());
        }
    }
    let catalogue = i18n::CATALOGUES.iter().find(|c| c.name == "usage").expect("the usage catalogue");
    let resource = fluent_syntax::parser::parse(catalogue.en).unwrap_or_else(|(_, e)| panic!("{e:?}"));
    for entry in resource.body {
        let fluent_syntax::ast::Entry::Message(message) = entry else { continue };
        let name = message.id.name;
        if !name.starts_with("usage-periop") {
            continue;
        }
        assert!(ids.contains(name), "{name}: no such command");
        for attribute in message.attributes {
            let id = format!("{name}.{}", attribute.id.name);
            assert!(ids.contains(&id), "{id}: no such argument");
        }
    }
}

/// English refusals written from the catalogue are clap's own, to the
/// byte and the colour code.
#[test]
fn english_refusals_are_clap_own() {
    let _en = i18n::scope(Language::En);
    let cmd = command(Some("periop"));
    for args in [
        &["bord"][..],
        &["frobnicate"],
        &["board", "--dat", "2026-11-23"],
        &["board", "--zzz"],
        &["--frob"],
        &["rules", "R-X", "-x"],
        &["rules", "A", "B"],
        &["board", "--format", "xml"],
        &["board", "--format="],
        &["board", "--date"],
        &["--lang", "de"],
        &["staff", "set", "alice", "--active", "maybe"],
        &["implants"],
        &["recall", "--ref", "X"],
        &["hexapod", "adjust", "--patient", "P"],
        &["--demo", "--db", "x.db"],
        &["admissions", "--date", "2026-01-01", "--all-days"],
        &["block", "event", "--correct", "3", "--case", "4", "--at", "10:00"],
        &["block", "event", "--void", "3"],
        &["demo", "--years", "21"],
        &["bench", "--keys", "0"],
        &["complications", "close", "abc", "--outcome", "x"],
        &["block", "event", "--case="],
        &["distraction", "add", "--patient", "P", "--site", "femur", "--device", "hexapod"],
        &["distraction", "--patient", "P", "add"],
        &["--", "board"],
        &["help", "nope"],
        &["--lang", "en", "--lang", "fr"],
    ] {
        let mut all = vec!["periop"];
        all.extend_from_slice(args);
        let error = cmd.clone().try_get_matches_from(&all).map(|_| ()).expect_err("a refusal");
        let clap_own = error.render().ansi().to_string();
        assert_eq!(said(&cmd, args, true), clap_own, "periop {}", args.join(" "));
    }
    let float = said(
        &cmd,
        &[
            "distraction",
            "add",
            "--patient",
            "P",
            "--site",
            "s",
            "--device",
            "d",
            "--osteotomy",
            "x",
            "--target",
            "twelve",
        ],
        false,
    );
    assert!(float.contains("for '--target <MM>': invalid float literal"), "{float}");
}

/// The help's template lays out every command's help as clap's default
/// does: in English, each help is clap's own to the byte.
#[test]
fn english_help_is_laid_out_as_clap_lays_it_out() {
    let _en = i18n::scope(Language::En);
    let ours = command(Some("periop"));
    let mut clap_own = with_texts(Cli::command(), &mut Vec::new(), Language::En, false).bin_name("periop");
    clap_own.build();
    frame(&mut clap_own, Language::En);
    let mut all = Vec::new();
    paths(&Cli::command(), &mut Vec::new(), &mut all);
    for path in all {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        assert_eq!(said(&ours, &args, true), said(&clap_own, &args, true), "periop {}", args.join(" "));
    }
    let root = said(&ours, &["--help"], false);
    assert!(root.starts_with("A procedure block and its short-stay ward, from the keyboard.\n\nUsage: periop [OPTIONS] [COMMAND]\n\nCommands:\n  init "), "{root}");
    assert!(root.contains("\n  help           Print this message or the help of the given subcommand(s)\n"), "{root}");
    assert!(root.ends_with("  -h, --help            Print help\n  -V, --version         Print version\n"), "{root}");
    let board = said(&ours, &["board", "-h"], false);
    assert!(
        board.contains(
            "--format <FORMAT>    text for people; json for scripts [default: text] [possible values: text, json]"
        ),
        "{board}"
    );
}

#[test]
fn french_help_says_every_word_in_french() {
    let _fr = i18n::scope(Language::Fr);
    let cmd = command(Some("periop"));
    let root = said(&cmd, &["--help"], false);
    for words in [
        "Un bloc d'actes et son unité de court séjour, au clavier.",
        "Usage\u{a0}: periop [OPTIONS] [COMMAND]",
        "Commandes\u{a0}:\n  init ",
        "Afficher le tableau d'un jour\u{a0}: arrivées, actes, sorties",
        "  help           Afficher ce message ou l'aide des sous-commandes données",
        "Options\u{a0}:\n",
        "[env\u{a0}: PERIOP_DB=",
        "[valeurs possibles\u{a0}: en, fr]",
        "  -h, --help            Afficher l'aide\n",
        "  -V, --version         Afficher la version\n",
    ] {
        assert!(root.contains(words), "no {words:?} in:\n{root}");
    }
    let board = said(&cmd, &["--lang", "fr", "board", "--help"], false);
    for words in [
        "Usage\u{a0}: periop board [OPTIONS]",
        "--date <YYYY-MM-DD>  Le jour du service, comme 2026-11-23 (par défaut\u{a0}: aujourd'hui)",
        "[par défaut\u{a0}: text] [valeurs possibles\u{a0}: text, json]",
    ] {
        assert!(board.contains(words), "no {words:?} in:\n{board}");
    }
    let set = said(&cmd, &["settings", "set", "--help"], false);
    assert!(set.contains("Arguments\u{a0}:\n  <KEY>    Le réglage"), "{set}");
    let receive = said(&cmd, &["stock", "receive", "--help"], false);
    assert!(receive.contains("Où les unités sont rangées [par défaut\u{a0}: \"\"]"), "{receive}");
    for help in [root, board, set, receive] {
        for english in ["Usage:", "Commands:", "Options:", "Print help", "possible values", "default:", "[env:"] {
            assert!(!help.contains(english), "{english:?} in:\n{help}");
        }
    }
}

#[test]
fn french_refusals_say_what_is_wrong_in_french() {
    let _fr = i18n::scope(Language::Fr);
    let cmd = command(Some("periop"));
    let cases: [(&[&str], &[&str]); 12] = [
        (
            &["bord"],
            &[
                "erreur\u{a0}: sous-commande inconnue «\u{a0}bord\u{a0}»\n\n",
                "  astuce\u{a0}: une sous-commande proche existe\u{a0}: «\u{a0}board\u{a0}»\n\n",
                "Usage\u{a0}: periop [OPTIONS] [COMMAND]\n\n",
                "Pour en savoir plus, essayez «\u{a0}--help\u{a0}».\n",
            ],
        ),
        (
            &["board", "--dat", "x"],
            &["argument inattendu «\u{a0}--dat\u{a0}»", "un argument proche existe\u{a0}: «\u{a0}--date\u{a0}»"],
        ),
        (
            &["board", "--format", "xml"],
            &[
                "valeur «\u{a0}xml\u{a0}» invalide pour «\u{a0}--format <FORMAT>\u{a0}»\n  [valeurs possibles\u{a0}: text, json]",
            ],
        ),
        (&["board", "--date"], &["«\u{a0}--date <YYYY-MM-DD>\u{a0}» demande une valeur, mais aucune n'a été donnée"]),
        (
            &["implants"],
            &[
                "ces arguments obligatoires manquent\u{a0}:\n  --patient <HOSPITAL_NUMBER>\n\nUsage\u{a0}: periop implants",
            ],
        ),
        (
            &["admissions", "--date", "2026-01-01", "--all-days"],
            &["l'argument «\u{a0}--date <YYYY-MM-DD>\u{a0}» ne peut pas être utilisé avec «\u{a0}--all-days\u{a0}»"],
        ),
        (
            &["demo", "--years", "21"],
            &["valeur «\u{a0}21\u{a0}» invalide pour «\u{a0}--years <YEARS>\u{a0}»\u{a0}: 21 n'est pas entre 0 et 20"],
        ),
        (&["bench", "--keys", "0"], &["0 est inférieur à 1"]),
        (&["complications", "close", "abc", "--outcome", "x"], &["un nombre entier est attendu"]),
        (&["rules", "R-X", "-x"], &["pour passer «\u{a0}-x\u{a0}» comme valeur, écrivez «\u{a0}-- -x\u{a0}»"]),
        (
            &["--", "board"],
            &[
                "la sous-commande «\u{a0}board\u{a0}» existe\u{a0}; pour l'utiliser, retirez le «\u{a0}--\u{a0}» qui la précède",
            ],
        ),
        (
            &["distraction", "--patient", "P", "add"],
            &["la sous-commande «\u{a0}add\u{a0}» ne peut pas être utilisée avec «\u{a0}--patient"],
        ),
    ];
    for (args, words) in cases {
        let text = said(&cmd, args, false);
        for w in words {
            assert!(text.contains(w), "periop {}: no {w:?} in:\n{text}", args.join(" "));
        }
        for english in ["error:", "tip:", "Usage:", "For more information", "found", "not provided", "values:"] {
            assert!(!text.contains(english), "periop {}: {english:?} in:\n{text}", args.join(" "));
        }
    }
    let float = said(
        &cmd,
        &[
            "distraction",
            "add",
            "--patient",
            "P",
            "--site",
            "s",
            "--device",
            "d",
            "--osteotomy",
            "x",
            "--target",
            "douze",
        ],
        false,
    );
    assert!(float.contains("un nombre est attendu, comme 12,5"), "{float}");
}

#[test]
fn the_language_and_the_database_are_found_before_clap_reads_the_line() {
    let args = |line: &str| -> Vec<OsString> { line.split(' ').map(OsString::from).collect() };
    assert_eq!(option_value(&args("periop --lang fr board"), "--lang").as_deref(), Some("fr"));
    assert_eq!(option_value(&args("periop board --lang=fr"), "--lang").as_deref(), Some("fr"));
    assert_eq!(option_value(&args("periop --lang en board --lang fr"), "--lang").as_deref(), Some("fr"));
    assert_eq!(option_value(&args("periop --db w.db roles"), "--db").as_deref(), Some("w.db"));
    // After `--` the words are values, not options; a name alone is no value.
    assert_eq!(option_value(&args("periop rules -- --lang fr"), "--lang"), None);
    assert_eq!(option_value(&args("periop --lang"), "--lang"), None);
    assert_eq!(option_value(&args("periop --language fr"), "--lang"), None);
    assert_eq!(option_value(&args("--lang fr"), "--lang"), None, "the first word is the program");
}

#[test]
fn ids_name_the_command_path_and_the_argument() {
    assert_eq!(message_id::<&str>(&[]), "usage-periop");
    assert_eq!(message_id(&["block", "event"]), "usage-periop-block-event");
    assert_eq!(attribute("case_id"), "case-id");
}
