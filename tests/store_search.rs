//! Search without scanning history (issue 13): the Audit tab's filter and the
//! patients behind the Admissions filter read FTS5 indexes that the write
//! path keeps in step, in the same transaction; a file of schema 3 gets them
//! built on open; whatever a user types is searched, never parsed.

mod store_common;

use periop::store::table::Table;
use periop::store::{Store, patients};
use store_common::*;

fn found(store: &Store, filter: &str) -> Vec<(String, i64)> {
    store.audit_entries(filter, None, 100).unwrap().into_iter().map(|e| (e.table, e.row_id)).collect()
}

fn hélène() -> patients::NewPatient {
    patients::NewPatient { surname: "Mercier".into(), first_name: "Marie-Hélène".into(), ..patient(7) }
}

#[test]
fn the_audit_filter_finds_a_save_at_once_without_case_or_accents_and_by_the_start_of_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut store = open_as_staff(&path, &alice());
    let id = store.write(at(), |tx| patients::register(tx, &hélène())).unwrap();
    let want = vec![("patients".to_string(), id)];
    assert_eq!(found(&store, "helene"), want);
    assert_eq!(found(&store, "HÉLÈNE merc"), want);
    assert_eq!(found(&store, "H000007"), want);
    assert!(found(&store, "mercier paul").is_empty());
    // Who saved it, by name or account.
    assert!(found(&store, "alice mart").contains(&want[0]));

    // A later save is found by its new value, in the same transaction as the save.
    store.write(at_plus(1), |tx| tx.update(Table::Patients, id, 1, &[("surname", &"Lefèvre")]).map(|_| ())).unwrap();
    let entries = store.audit_entries("lefevre", None, 10).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].action, "update");

    // Paging: older than a given id.
    let newest = store.audit_entries("mercier", None, 10).unwrap();
    assert_eq!(newest.len(), 2, "the insert and the update's before");
    let older = store.audit_entries("mercier", Some(newest[0].id), 10).unwrap();
    assert_eq!(older, newest[1..]);
}

#[test]
fn anything_a_user_types_is_searched_never_an_fts_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut store = open_as_staff(&path, &alice());
    store.write(at(), |tx| patients::register(tx, &hélène())).unwrap();
    let all = store.audit_entries("", None, 100).unwrap();
    for text in ["\"", "AND(", "NEAR(", "a OR b", "*", "^", "-", ":", "'", "\\", "%", "_", "(", ")", "{x}", "NOT"] {
        let entries = store.audit_entries(text, None, 100).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let text_of_punctuation = !text.chars().any(char::is_alphanumeric);
        if text_of_punctuation {
            assert_eq!(entries, all, "{text:?}: nothing searchable filters nothing");
        }
        let q = periop::store::admission_list::ListQuery { text: Some(text.into()), ..Default::default() };
        store.admissions(&q, at()).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

#[test]
fn the_admissions_filter_finds_a_renamed_patient_by_the_new_name_only() {
    use periop::store::admission_list::ListQuery;
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut store = open_as_staff(&path, &alice());
    let id = store.write(at(), |tx| patients::register(tx, &hélène())).unwrap();
    store.write(at_plus(1), |tx| tx.update(Table::Patients, id, 1, &[("surname", &"Lefèvre")]).map(|_| ())).unwrap();
    let conn = raw_ro(&path);
    let by = |text: &str| -> Vec<i64> {
        conn.prepare("SELECT rowid FROM patient_search WHERE patient_search MATCH ?1")
            .unwrap()
            .query_map([periop::store::search::query(text).unwrap()], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert_eq!(by("lefevre"), vec![id]);
    assert!(by("mercier").is_empty());
    // The number without its letter, as the substring match found it.
    assert_eq!(by("000007"), vec![id]);
    // No admission yet: the list is empty, and asking is no error.
    assert!(
        store.admissions(&ListQuery { text: Some("lefevre".into()), ..Default::default() }, at()).unwrap().is_empty()
    );
}

#[test]
fn a_schema_3_file_gets_its_search_indexes_built_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut store = open_as_staff(&path, &alice());
    store.write(at(), |tx| patients::register(tx, &hélène())).unwrap();
    drop(store);
    {
        // Back to schema 4: no indexes.
        let conn = raw_rw(&path);
        conn.execute_batch(
            "DROP TABLE audit_search; DROP TABLE patient_search; DROP TABLE audit_terms; PRAGMA user_version = 4;",
        )
        .unwrap();
    }
    let store = Store::open_as(&path, &alice()).unwrap();
    assert_eq!(found(&store, "helene").len(), 1);
    let conn = raw_ro(&path);
    assert_eq!(count(&conn, "SELECT count(*) FROM patient_search", []), 1);
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, periop::store::schema::VERSION);
}

/// Found in use (#13): a patient entered as ŒUVRARD-STRAßE (shown as
/// ŒUVRARD-STRASSE) was found by `strasse` on the Board and not in the Audit
/// or Admissions filters, and by `straße` the other way round. Every filter
/// now folds ß as ss and œ as oe, the indexes too; a file indexed before
/// (schema 6) is indexed again on open.
#[test]
fn ss_and_oe_are_found_both_ways_in_every_index_including_one_built_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut store = open_as_staff(&path, &alice());
    let strasse = patients::NewPatient { surname: "Œuvrard-Straße".into(), first_name: "Anne".into(), ..patient(8) };
    let id = store.write(at(), |tx| patients::register(tx, &strasse)).unwrap();
    drop(store);
    let conn = raw_ro(&path);
    let by = |text: &str| -> Vec<i64> {
        conn.prepare("SELECT rowid FROM patient_search WHERE patient_search MATCH ?1")
            .unwrap()
            .query_map([periop::store::search::query(text).unwrap()], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    for text in ["strasse", "straße", "STRASSE", "oeuvrard", "œuvrard", "ŒUVRARD anne"] {
        assert_eq!(by(text), vec![id], "{text}");
    }
    let store = Store::open_as(&path, &alice()).unwrap();
    for text in ["strasse", "straße", "oeuvrard", "œuvrard"] {
        assert_eq!(found(&store, text), vec![("patients".to_string(), id)], "{text}");
    }
    drop(store);

    // Indexed as schema 6 did (the tokenizer's folding only), then opened.
    {
        let raw = raw_rw(&path);
        raw.execute_batch(
            "DELETE FROM patient_search; INSERT INTO audit_search (audit_search) VALUES ('delete-all');
             DELETE FROM audit_terms; PRAGMA user_version = 7;",
        )
        .unwrap();
        raw.execute("INSERT INTO patient_search (rowid, doc) VALUES (?1, 'Œuvrard-Straße Anne H000008')", [id])
            .unwrap();
    }
    let store = Store::open_as(&path, &alice()).unwrap();
    for text in ["strasse", "straße", "oeuvrard"] {
        assert_eq!(by(text), vec![id], "{text} after the upgrade");
        assert_eq!(found(&store, text), vec![("patients".to_string(), id)], "{text} after the upgrade");
    }
}
