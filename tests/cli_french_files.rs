//! The commands about the database file in French (issue 14): `--lang fr`
//! turns the words of `periop backup`, `restore`, `check`'s findings about
//! the search indexes and `reindex` into French (the index names stay:
//! they are codes), on a demo ward whose `patient_search` lost a patient
//! behind periop's back (as in tests/guarantees.rs).

mod cli_support;

use cli_support::{ok, periop_at, refused};
use std::path::Path;

const NOW: &str = "2026-11-22T09:30";

fn run(dir: &Path, lang: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    periop_at(dir, NOW, &all, None)
}

/// French typography's no-break spaces (before `:`, `;`, `%`) are the
/// catalogues' business (their own test): read here as spaces.
fn assert_has(text: &str, words: &[&str]) {
    let text = text.replace('\u{a0}', " ");
    for word in words {
        assert!(text.contains(&word.replace('\u{a0}', " ")), "no {word:?} in:\n{text}");
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A demo ward whose search index lost patient #2.
fn ward_missing_from_the_index(dir: &Path) {
    ok(periop_at(dir, NOW, &["demo"], None));
    let raw = rusqlite::Connection::open(dir.join("w.db")).unwrap();
    raw.execute("DELETE FROM patient_search WHERE rowid = 2", []).unwrap();
}

#[test]
fn check_names_a_search_index_that_differs_in_french_and_reindex_mends_it() {
    let dir = tempfile::tempdir().unwrap();
    ward_missing_from_the_index(dir.path());

    let out = run(dir.path(), "fr", &["check"]);
    let said = text(&out.stdout);
    assert!(!out.status.success(), "{said}");
    assert_has(
        &said,
        &[
            "  patient_search\u{a0}: il y manque patient #2 (un filtre par nom ou par numéro",
            "un admin reconstruit les index de recherche à partir des enregistrements avec `periop reindex`",
            "INDEX DE RECHERCHE",
        ],
    );
    assert!(!said.contains("not in it") && !said.contains("an admin rebuilds"), "English left in:\n{said}");
    // The English report is as it was.
    let english = text(&run(dir.path(), "en", &["check"]).stdout);
    assert_has(&english, &["  patient_search: patient #2 not in it", "verdict:      SEARCH INDEXES"]);

    // A backup of it is made, with the finding as a warning, in French.
    let out = run(dir.path(), "fr", &["backup", dir.path().join("bk.db").to_str().unwrap()]);
    let said = ok(out);
    assert_has(&said, &["sauvegardé dans", "attention : les index de recherche diffèrent", "il y manque patient #2"]);

    let out = run(dir.path(), "fr", &["reindex"]);
    let said = ok(run(dir.path(), "fr", &["check"]));
    assert_has(&text(&out.stderr), &["indexation : 100 %"]);
    assert_has(&said, &["recherche :", "verdict :     sain"]);
}

#[test]
fn backup_and_restore_refuse_in_french() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop_at(dir.path(), NOW, &["demo"], None));
    let backup = dir.path().join("bk.db");
    let backup_arg = backup.to_str().unwrap();
    let out = run(dir.path(), "fr", &["backup", backup_arg]);
    assert_has(&text(&out.stderr), &["copie : 100 % ("]);
    assert_has(&ok(out), &["sauvegardé dans", "`periop check` sur la copie : sain"]);

    let err = refused(run(dir.path(), "fr", &["backup", backup_arg]));
    assert_has(&err, &["existe déjà ; une sauvegarde n'écrase jamais un fichier\u{a0}: donnez un nouveau chemin"]);
    let err = refused(run(dir.path(), "en", &["backup", backup_arg]));
    assert_has(&err, &["already exists; a backup never overwrites a file: give a new path"]);

    let missing = dir.path().join("x.db");
    let err = refused(run(dir.path(), "fr", &["restore", missing.to_str().unwrap()]));
    assert_has(&err, &["x.db : pas de fichier de sauvegarde à ce chemin\u{a0}; rien n'a été modifié"]);

    // A backup edited behind periop's back is not restored.
    let raw = rusqlite::Connection::open(&backup).unwrap();
    raw.execute("UPDATE patients SET hospital_number = 'H999999' WHERE id = 1", []).unwrap();
    drop(raw);
    let err = refused(run(dir.path(), "fr", &["restore", backup_arg]));
    assert_has(&err, &["cette sauvegarde n'est pas entière", "choisissez une autre sauvegarde"]);
    assert!(!err.contains("not whole"), "{err}");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_in_french() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("w.db"), "Bed 3: free\n").unwrap();
    let err = refused(run(dir.path(), "fr", &["check"]));
    assert_has(&err, &["pas une base SQLite (il contient du texte)"]);
    let err = refused(run(dir.path(), "en", &["check"]));
    assert_has(&err, &["not an SQLite database (it holds text)"]);
}
