//! Issue 14 end to end: the real binary chooses its language from `--lang`,
//! `PERIOP_LANG`, the account's own, the locale and the site setting, in that
//! order, and refuses a language it does not speak, naming the ones it does.

mod e2e_support;

use e2e_support::*;
use std::ffi::OsStr;

fn text(out: &std::process::Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_language_periop_does_not_speak_is_refused_naming_en_and_fr() {
    let ward = Ward::demo();
    let db = ward.db_arg();
    let out = ward.run(&["--lang".as_ref(), "de".as_ref(), "board".as_ref(), "--db".as_ref(), db.as_os_str()]);
    let (_, err) = text(&out);
    assert!(!out.status.success());
    assert!(err.contains("'de'") && err.contains("en, fr"), "{err}");

    let out = ward.command().env("PERIOP_LANG", "de").args(["board", "--db"]).arg(&db).output().unwrap();
    let (_, err) = text(&out);
    assert!(!out.status.success());
    assert!(err.contains("PERIOP_LANG=\"de\"") && err.contains("en, fr"), "{err}");

    let out = ward.run(&["staff".as_ref(), "language".as_ref(), "klingon".as_ref(), "--db".as_ref(), db.as_os_str()]);
    let (_, err) = text(&out);
    assert!(!out.status.success());
    assert!(err.contains("\"klingon\" is not a language periop speaks; give one of: en, fr, or none"), "{err}");
}

#[test]
fn the_account_s_own_comes_before_the_locale_and_after_periop_lang() {
    let ward = Ward::demo();
    let db = ward.db_arg();
    let staff_language = |word: Option<&str>, env: &[(&str, &str)]| {
        let mut cmd = ward.command();
        cmd.env_remove("PERIOP_LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.args(["staff", "language"]).args(word).arg("--db").arg(&db);
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(staff_language(None, &[]).starts_with("language: en (from LANG)"));
    // Said in the language in force (issue 14): French from here.
    assert!(
        staff_language(None, &[("LC_MESSAGES", "fr_FR.UTF-8")]).starts_with("langue\u{a0}: fr (d'après LC_MESSAGES)")
    );
    let said = staff_language(Some("fr"), &[]);
    assert!(said.contains("garde fr comme langue"), "{said}");
    assert!(said.contains("langue\u{a0}: fr (d'après le choix propre de votre compte)"), "{said}");
    let said = staff_language(None, &[("PERIOP_LANG", "en")]);
    assert!(said.starts_with("language: en (from PERIOP_LANG)"), "{said}");
    // The site's setting comes last: a locale periop does not speak leaves it.
    staff_language(Some("none"), &[]);
    let out = ward.command().args(["settings", "set", "site.language", "fr", "--db"]).arg(&db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = staff_language(None, &[("LANG", "de_DE.UTF-8")]);
    assert!(said.starts_with("langue\u{a0}: fr (d'après le réglage du site site.language)"), "{said}");

    // The screen follows: the account's own French, with PERIOP_LANG unset
    // and an English locale.
    staff_language(Some("fr"), &[]);
    let mut tui = ward.open_with(
        "account-french",
        80,
        24,
        &[("PERIOP_LANG", OsStr::new("")), ("LANG", OsStr::new("C.UTF-8")), ("LC_ALL", OsStr::new(""))],
        &[],
    );
    let screen = tui.wait_for_all(&["1 Tableau", "? aide  q quitter", "● direct"]);
    assert!(screen.contains("Entrée ouvrir"), "{screen}");
    tui.send("?");
    tui.wait_for_all(&["Touches · ? ou Échap ferme"]);
    tui.send("q");
    tui.send("q");
    assert!(tui.wait_exit().success());
    // --lang wins over the account's own.
    let mut tui = ward.open_with("flag-english", 80, 24, &[("PERIOP_LANG", OsStr::new(""))], &["--lang", "en"]);
    tui.wait_for_all(&["1 Board", "? help  q quit", "● live"]);
    tui.send("q");
    assert!(tui.wait_exit().success());
}
