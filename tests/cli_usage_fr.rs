//! The command line itself in French (issue 14): `--help` and clap's
//! refusals follow `--lang`, `PERIOP_LANG` and the locale, decided before
//! clap reads the line; and the commands that open no store (`roles`,
//! `rules`, `--help`) follow the account's own language, read from the
//! database file without changing it.

mod cli_support;

use cli_support::{ok, periop_at};
use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-11-22T09:30";
const NBSP: char = '\u{a0}';

/// `periop ARGS…` with no language, database or clock from the test's own
/// environment; `env` adds to it.
fn periop(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_periop"));
    command.args(args).env("PERIOP_LOG", dir.join("log"));
    for name in ["PERIOP_DB", "PERIOP_NOW", "PERIOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied()).output().unwrap()
}

/// The help printed, on stdout, with status 0.
fn help(out: Output) -> String {
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(0), "{text}{}", String::from_utf8_lossy(&out.stderr));
    text
}

/// The refusal of a command line clap cannot read: stderr, status 2 (as clap exits).
fn refused_by_clap(out: Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}{}", String::from_utf8_lossy(&out.stdout));
    assert!(out.stdout.is_empty() && !err.contains("panicked"), "{err}");
    err
}

fn assert_has(text: &str, words: &[&str]) {
    for word in words {
        let word = word.replace('~', &NBSP.to_string());
        assert!(text.contains(&word), "no {word:?} in:\n{text}");
    }
}

fn assert_lacks(text: &str, words: &[&str]) {
    for word in words {
        assert!(!text.contains(word), "{word:?} in:\n{text}");
    }
}

#[test]
fn help_is_in_french_from_the_flag_periop_lang_and_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let root = help(periop(dir.path(), &["--lang", "fr", "--help"], &[]));
    assert_has(
        &root,
        &[
            "Un bloc d'actes et son unité de court séjour, au clavier.",
            "Usage~: periop [OPTIONS] [COMMAND]",
            "Commandes~:",
            "  board          Afficher le tableau d'un jour~: arrivées, actes, sorties, ce qui est à traiter",
            "  help           Afficher ce message ou l'aide des sous-commandes données",
            "Options~:",
            "  -h, --help            Afficher l'aide",
            "  -V, --version         Afficher la version",
        ],
    );
    assert_lacks(&root, &["Usage:", "Commands:", "Print help", "Print version", "possible values"]);

    let board = help(periop(dir.path(), &["board", "--help"], &[("PERIOP_LANG", "fr")]));
    assert_has(
        &board,
        &[
            "Usage~: periop board [OPTIONS]",
            "--date <YYYY-MM-DD>  Le jour du service, comme 2026-11-23 (par défaut~: aujourd'hui)",
            "[par défaut~: text] [valeurs possibles~: text, json]",
        ],
    );
    let receive = help(periop(dir.path(), &["stock", "receive", "-h"], &[("LANG", "fr_FR.UTF-8")]));
    assert_has(&receive, &["Réceptionner des unités", "Le numéro de lot", "Usage~: periop stock receive"]);
    // `help SUBCOMMAND`, clap's other way to ask, says the same.
    let by_word = help(periop(dir.path(), &["--lang", "fr", "help", "board"], &[]));
    assert_eq!(by_word, help(periop(dir.path(), &["--lang", "fr", "board", "--help"], &[])));

    // English as before; the flag wins over the locale.
    let english = help(periop(dir.path(), &["--lang", "en", "board", "--help"], &[("LANG", "fr_FR.UTF-8")]));
    assert_has(&english, &["Print a day's board: arrivals,", "Usage: periop board [OPTIONS]", "[default: text]"]);
    assert_lacks(&english, &["Usage\u{a0}:", "Afficher"]);
}

#[test]
fn refusals_of_the_command_line_are_in_french_with_clap_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let unknown = refused_by_clap(periop(dir.path(), &["--lang", "fr", "bord"], &[]));
    assert_eq!(
        unknown,
        "erreur~: sous-commande inconnue «~bord~»\n\n  astuce~: une sous-commande proche existe~: «~board~»\n\n\
         Usage~: periop [OPTIONS] [COMMAND]\n\nPour en savoir plus, essayez «~--help~».\n"
            .replace('~', &NBSP.to_string())
    );
    let argument = refused_by_clap(periop(dir.path(), &["board", "--dat", "x"], &[("PERIOP_LANG", "fr")]));
    assert_has(&argument, &["argument inattendu «~--dat~»", "un argument proche existe~: «~--date~»"]);
    let value = refused_by_clap(periop(dir.path(), &["board", "--format", "xml"], &[("LANG", "fr_FR.UTF-8")]));
    assert_has(&value, &["valeur «~xml~» invalide pour «~--format <FORMAT>~»\n  [valeurs possibles~: text, json]"]);
    let missing = refused_by_clap(periop(dir.path(), &["--lang", "fr", "implants"], &[]));
    assert_has(&missing, &["ces arguments obligatoires manquent~:\n  --patient <HOSPITAL_NUMBER>"]);
    // A --lang periop does not speak is refused in the language the rest says.
    let language = refused_by_clap(periop(dir.path(), &["--lang", "de", "board"], &[("LANG", "fr_FR.UTF-8")]));
    assert_has(&language, &["valeur «~de~» invalide pour «~--lang <LANG>~»\n  [valeurs possibles~: en, fr]"]);
    for french in [unknown, argument, value, missing, language] {
        assert_lacks(&french, &["error:", "tip:", "Usage:", "For more information"]);
    }
    // English exactly as clap says it.
    let english = refused_by_clap(periop(dir.path(), &["bord"], &[]));
    assert_eq!(
        english,
        "error: unrecognized subcommand 'bord'\n\n  tip: a similar subcommand exists: 'board'\n\n\
         Usage: periop [OPTIONS] [COMMAND]\n\nFor more information, try '--help'.\n"
    );
}

/// The database file and its side files: whether each exists, its length
/// and a hash of its bytes.
fn snapshot(db: &Path) -> Vec<Option<(usize, u64)>> {
    use std::hash::{Hash, Hasher};
    let mut files = vec![db.to_path_buf()];
    files.extend(periop::store::sidecars::paths(db));
    let digest = |bytes: Vec<u8>| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        (bytes.len(), hasher.finish())
    };
    files.iter().map(|f| std::fs::read(f).ok().map(digest)).collect()
}

#[test]
fn commands_that_open_no_store_speak_the_account_language_and_leave_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop_at(dir.path(), NOW, &["demo"], None));
    let db = dir.path().join("w.db");
    let db_arg = db.to_str().unwrap();
    // Before the account keeps a language: English.
    let roles = ok(periop(dir.path(), &["--db", db_arg, "roles"], &[]));
    assert_has(&roles, &["change", "R-ROLE-1: the write path refuses"]);

    ok(periop_at(dir.path(), NOW, &["--lang", "en", "staff", "language", "fr"], None));
    let before = snapshot(&db);
    let roles = ok(periop(dir.path(), &["--db", db_arg, "roles"], &[]));
    assert_has(&roles, &["modification", "l'écriture refuse une modification"]);
    assert_lacks(&roles, &["the write path"]);
    let rule = ok(periop(dir.path(), &["rules", "R-FAST-4"], &[("PERIOP_DB", db_arg)]));
    assert_has(&rule, &["### R-FAST-4 — un jeûne hydrique prolongé", "liquides clairs"]);
    let all = ok(periop(dir.path(), &["--db", db_arg, "rules"], &[]));
    assert!(all.starts_with("# Les règles que periop applique\n"), "{all}");
    let root = help(periop(dir.path(), &["--db", db_arg, "--help"], &[]));
    assert_has(&root, &["Usage~: periop [OPTIONS] [COMMAND]", "Commandes~:"]);
    let refusal = refused_by_clap(periop(dir.path(), &["bord"], &[("PERIOP_DB", db_arg)]));
    assert_has(&refusal, &["erreur~: sous-commande inconnue «~bord~»"]);
    // Read only: no write, no side file made, nothing migrated.
    assert_eq!(snapshot(&db), before, "the database or its side files changed");

    // The account's own language comes after --lang and PERIOP_LANG, before the locale.
    let english = ok(periop(dir.path(), &["--db", db_arg, "--lang", "en", "roles"], &[]));
    assert_has(&english, &["R-ROLE-1: the write path refuses"]);
    let english = ok(periop(dir.path(), &["--db", db_arg, "roles"], &[("PERIOP_LANG", "en")]));
    assert_has(&english, &["R-ROLE-1: the write path refuses"]);
    let french = ok(periop(dir.path(), &["--db", db_arg, "roles"], &[("LANG", "C.UTF-8")]));
    assert_has(&french, &["l'écriture refuse une modification"]);

    // A path that is not a periop database leaves the choice to what follows.
    let missing = dir.path().join("none.db");
    let roles = ok(periop(dir.path(), &["--db", missing.to_str().unwrap(), "roles"], &[]));
    assert_has(&roles, &["R-ROLE-1: the write path refuses"]);
    assert!(!missing.exists(), "a missing database is not made");
}

/// While another terminal has the file open (its journal beside it), the
/// language just kept, still in the journal, is the one read.
#[test]
fn the_account_language_is_read_while_another_program_has_the_file_open() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop_at(dir.path(), NOW, &["demo"], None));
    let db = dir.path().join("w.db");
    let other_terminal = periop::store::Store::open(&db).unwrap();
    let [wal, shm] = periop::store::sidecars::paths(&db);
    assert!(wal.exists() && shm.exists(), "an open database has its side files");
    ok(periop_at(dir.path(), NOW, &["--lang", "en", "staff", "language", "fr"], None));
    let roles = ok(periop(dir.path(), &["--db", db.to_str().unwrap(), "roles"], &[]));
    assert_has(&roles, &["l'écriture refuse une modification"]);
    drop(other_terminal);
}
