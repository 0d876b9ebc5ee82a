//! Issue 14: what periop says when the full screen cannot open (standard
//! input not a terminal, `TERM=dumb`) and when a time is not one, in the
//! language in force: `--lang`, or the account's own with no flag. Said on
//! stderr before any screen, so in the process's language.

use std::path::Path;
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-11-22T09:30";

/// `periop --db DIR/w.db --now NOW ARGS…` with standard input and output
/// piped (not a terminal), no language from the environment but `env`'s,
/// `TERM` as given.
fn periop(dir: &Path, term: &str, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_periop"));
    command
        .args(["--db", dir.join("w.db").to_str().unwrap(), "--now", NOW])
        .args(args)
        .env("PERIOP_LOG", dir.join("log"))
        .env("TERM", term)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PERIOP_LANG")
        .env_remove("PERIOP_DB")
        .env_remove("PERIOP_NOW")
        .env_remove("PERIOP_NOW_FILE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

fn ward() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = periop(dir.path(), "xterm", &[], &["init"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir
}

/// The one line a refused run leaves on stderr (exit 1, no panic).
fn refused(out: Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn the_screen_refused_without_a_terminal_says_why_in_french() {
    let dir = ward();
    let fr = refused(periop(dir.path(), "xterm-256color", &[], &["--lang", "fr"]));
    assert_eq!(
        fr.trim_end(),
        "periop\u{a0}: l'écran complet a besoin d'un terminal, et l'entrée ou la sortie standard n'en est pas un\u{a0}; \
         pour les scripts, utilisez les commandes texte\u{a0}: `periop board`, `periop admissions`, `periop --help`"
    );
    let en = refused(periop(dir.path(), "xterm-256color", &[], &["--lang", "en"]));
    assert_eq!(
        en.trim_end(),
        "periop: the full screen needs a terminal, and standard input or output is not one; \
         for scripts use the text commands: `periop board`, `periop admissions`, `periop --help`"
    );

    let dumb = refused(periop(dir.path(), "dumb", &[], &["--lang", "fr"]));
    assert!(dumb.starts_with("periop\u{a0}: ce terminal (TERM=dumb) ne peut pas afficher l'écran complet"), "{dumb}");
    assert!(dumb.contains("utilisez plutôt les commandes texte") && !dumb.contains("cannot"), "{dumb}");
}

/// No `--lang`, an English locale: the account's own French is the
/// process's language by the time the screen is refused.
#[test]
fn the_refusal_follows_the_account_s_own_language() {
    let dir = ward();
    let out = periop(dir.path(), "xterm", &[], &["staff", "language", "fr"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = refused(periop(dir.path(), "xterm", &[], &[]));
    assert!(said.starts_with("periop\u{a0}: l'écran complet a besoin d'un terminal"), "{said}");
    let said = refused(periop(dir.path(), "xterm", &[("PERIOP_LANG", "en")], &[]));
    assert!(said.starts_with("periop: the full screen needs a terminal"), "{said}");
}

/// A time that is not one, read once the language is set (`--at`).
#[test]
fn a_time_that_is_not_one_is_refused_in_french() {
    let dir = ward();
    let args = ["block", "event", "--correct", "1", "--at", "2026-11-32T08:00"];
    let fr = refused(periop(dir.path(), "xterm", &[], &[&["--lang", "fr"][..], &args].concat()));
    assert_eq!(
        fr.trim_end(),
        "periop\u{a0}: --at \"2026-11-32T08:00\" n'est pas une date et une heure\u{a0}; écrivez par exemple \
         2026-11-23T08:00 (heure du service) ou 2026-11-23T07:00Z, ou HH:MM pour aujourd'hui"
    );
    let en = refused(periop(dir.path(), "xterm", &[], &[&["--lang", "en"][..], &args].concat()));
    assert!(en.contains("--at \"2026-11-32T08:00\" is not a date and time; write it like"), "{en}");
}

/// `--now` is refused in the language chosen before the database is open
/// (the command line's, the environment's, the account's own).
#[test]
fn a_now_that_is_not_a_time_is_refused_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_periop"));
    command.args(["--lang", "fr", "--now", "garbage", "board", "--db"]).arg(dir.path().join("w.db"));
    let out = command.env("PERIOP_LOG", dir.path().join("log")).env_remove("PERIOP_NOW").output().unwrap();
    let said = refused(out);
    assert!(said.starts_with("periop\u{a0}: \"garbage\" n'est pas une date et une heure\u{a0};"), "{said}");
}
