//! Search without scanning history (issue 13): the Audit tab's filter and the
//! patients behind the Admissions filter read FTS5 indexes that the write
//! path keeps in step, in the same transaction; a file of schema 3 gets them
//! built on open; whatever a user types is searched, never parsed.

mod store_common;

use periop::store::db::Connection;
use periop::store::table::Table;
use periop::store::{Store, patients, search};
use store_common::*;

/// The patients `text` finds in patient_search, read behind the store's
/// back with the engine's own match (FTS5's MATCH, or tsvector @@ tsquery).
fn patients_found(conn: &Connection, text: &str) -> Vec<i64> {
    let sql = search::patient_ids_matching(conn.dialect(), "?1");
    conn.prepare(&sql)
        .unwrap()
        .query_map([search::query_in(conn.dialect(), text).unwrap()], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Behind the store's back: `sqlite` on the file opened read-write (as the
/// sqlite3 shell would), or `postgres` on the ward's database (as psql would).
fn tamper(ward: &Ward, sqlite: impl FnOnce(&rusqlite::Connection), postgres: &str) {
    match ward.location.file() {
        Some(path) => sqlite(&raw_rw(path)),
        None => ward.door().execute_batch(postgres).unwrap_or_else(|e| panic!("{postgres}: {e}")),
    }
}

fn found(store: &Store, filter: &str) -> Vec<(String, i64)> {
    store.audit_entries(filter, None, 100).unwrap().into_iter().map(|e| (e.table, e.row_id)).collect()
}

fn hélène() -> patients::NewPatient {
    patients::NewPatient { surname: "Mercier".into(), first_name: "Marie-Hélène".into(), ..patient(7) }
}

#[test]
fn the_audit_filter_finds_a_save_at_once_without_case_or_accents_and_by_the_start_of_words() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_as_staff(&ward, &alice());
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
    let ward = new_ward(dir.path());
    let mut store = open_as_staff(&ward, &alice());
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
    let ward = new_ward(dir.path());
    let mut store = open_as_staff(&ward, &alice());
    let id = store.write(at(), |tx| patients::register(tx, &hélène())).unwrap();
    store.write(at_plus(1), |tx| tx.update(Table::Patients, id, 1, &[("surname", &"Lefèvre")]).map(|_| ())).unwrap();
    let conn = ward.door();
    let by = |text: &str| patients_found(&conn, text);
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
    if file_only("an older file's schema upgraded on open: a PostgreSQL ward starts at the current schema") {
        return;
    }
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
    let ward = new_ward(dir.path());
    let mut store = open_as_staff(&ward, &alice());
    let strasse = patients::NewPatient { surname: "Œuvrard-Straße".into(), first_name: "Anne".into(), ..patient(8) };
    let id = store.write(at(), |tx| patients::register(tx, &strasse)).unwrap();
    drop(store);
    let conn = ward.door();
    let by = |text: &str| patients_found(&conn, text);
    for text in ["strasse", "straße", "STRASSE", "oeuvrard", "œuvrard", "ŒUVRARD anne"] {
        assert_eq!(by(text), vec![id], "{text}");
    }
    let store = open_playing(&ward, &alice());
    for text in ["strasse", "straße", "oeuvrard", "œuvrard"] {
        assert_eq!(found(&store, text), vec![("patients".to_string(), id)], "{text}");
    }
    drop(store);
    // What follows is an older file's upgrade on open: a PostgreSQL ward
    // starts at the current schema.
    let Some(path) = ward.location.file() else { return };

    // Indexed as schema 6 did (the tokenizer's folding only), then opened.
    {
        let raw = raw_rw(path);
        raw.execute_batch(
            "DELETE FROM patient_search; INSERT INTO audit_search (audit_search) VALUES ('delete-all');
             DELETE FROM audit_terms; PRAGMA user_version = 7;",
        )
        .unwrap();
        raw.execute("INSERT INTO patient_search (rowid, doc) VALUES (?1, 'Œuvrard-Straße Anne H000008')", [id])
            .unwrap();
    }
    let store = Store::open_as(path, &alice()).unwrap();
    for text in ["strasse", "straße", "oeuvrard"] {
        assert_eq!(by(text), vec![id], "{text} after the upgrade");
        assert_eq!(found(&store, text), vec![("patients".to_string(), id)], "{text} after the upgrade");
    }
}

// Issue 12, the indexes: someone with write access changes or damages a
// search index behind periop's back; `periop check` compares each index with
// the records and names what differs; `periop reindex` (admin) builds them
// again from the records, in one audited transaction.

/// A ward with five patients, each saved (and renamed once) by a nurse.
fn indexed_ward(dir: &std::path::Path) -> Ward {
    let ward = new_ward(dir);
    let mut store = open_as_staff(&ward, &nurse());
    for n in 1..=5 {
        let id = add_patient(&mut store, n);
        store
            .write(at_plus(i64::from(n)), |tx| {
                tx.update(Table::Patients, id, 1, &[("surname", &format!("Renamed{n}"))]).map(|_| ())
            })
            .unwrap();
    }
    ward
}

fn checked(ward: &Ward) -> periop::store::check::Report {
    periop::store::check::check_location(&ward.location, at()).expect("check the database")
}

fn search_problems(ward: &Ward) -> Vec<String> {
    let report = checked(ward);
    assert!(report.file_whole(), "index damage is not the records' damage: {report:#?}");
    report.search_indexes
}

fn reindex_as_admin(ward: &Ward) -> periop::store::reindex::Reindexed {
    let mut store = Store::connect(&ward.location, &admin()).unwrap();
    let mut told = Vec::new();
    let done = store.reindex(at_plus(60), &mut |done, all| told.push((done, all))).expect("reindex");
    assert_eq!(told.last().map(|&(done, all)| done == all), Some(true), "progress ends at 100%: {told:?}");
    done
}

#[test]
fn r_audit_3_the_indexes_of_a_ward_saved_through_periop_match_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let ward = indexed_ward(dir.path());
    assert_eq!(search_problems(&ward), Vec::<String>::new());

    // Found when this landed: the index holds a writer's name as it was then;
    // the check and the rebuild read it so after a rename too.
    let mut store = Store::connect(&ward.location, &admin()).unwrap();
    let (nurse_id, version): (i64, i64) = ward
        .door()
        .query_row("SELECT id, version FROM staff WHERE account = 'nurse1'", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    store
        .write(at_plus(30), |tx| {
            tx.update(Table::Staff, nurse_id, version, &[("display_name", &"Nurse Wed")]).map(|_| ())
        })
        .unwrap();
    drop(store);
    let mut store = open_as_staff(&ward, &nurse());
    add_patient(&mut store, 8);
    drop(store);
    assert_eq!(search_problems(&ward), Vec::<String>::new());
    reindex_as_admin(&ward);
    assert_eq!(search_problems(&ward), Vec::<String>::new());
}

#[test]
fn r_audit_3_a_patient_deleted_from_patient_search_is_named_and_reindex_puts_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let ward = indexed_ward(dir.path());
    tamper(
        &ward,
        |raw| {
            raw.execute("DELETE FROM patient_search WHERE rowid = 3", []).unwrap();
        },
        "DELETE FROM patient_search WHERE id = 3",
    );
    let found = search_problems(&ward);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("patient_search: patient #3 not in it"), "{found:#?}");
    assert!(found[0].contains("`periop reindex`"), "{found:#?}");
    assert!(!found[0].contains("Renamed3"), "a finding shows a patient's name (R-PRIV-1)");

    let done = reindex_as_admin(&ward);
    assert_eq!(done.patients, 5);
    assert_eq!(search_problems(&ward), Vec::<String>::new());
    let report = checked(&ward);
    assert!(report.is_healthy(), "{report:#?}");
    // One audit row says who rebuilt the indexes and when.
    let conn = ward.door();
    assert_eq!(count(&conn, "SELECT count(*) FROM audit WHERE table_name = 'search_indexes'", []), 1);
}

#[test]
fn r_audit_3_a_patient_indexed_under_other_words_or_an_entry_for_no_patient_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let ward = indexed_ward(dir.path());
    tamper(
        &ward,
        |raw| {
            raw.execute("UPDATE patient_search SET doc = 'someone else' WHERE rowid = 2", []).unwrap();
            raw.execute("INSERT INTO patient_search (rowid, doc) VALUES (99, 'ghost')", []).unwrap();
        },
        "UPDATE patient_search SET doc = 'someone else', tsv = array_to_tsvector('{someone,else}') WHERE id = 2;
         INSERT INTO patient_search (id, doc, tsv) VALUES (99, 'ghost', array_to_tsvector('{ghost}'));",
    );
    let found = search_problems(&ward);
    assert!(found.iter().any(|f| f.starts_with("patient_search: patient #2 indexed under other words")), "{found:#?}");
    assert!(found.iter().any(|f| f.starts_with("patient_search: entry #99 for no patient")), "{found:#?}");
}

#[test]
fn r_audit_3_an_audit_search_doc_changed_or_deleted_and_audit_terms_deleted_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let ward = indexed_ward(dir.path());
    let conn = ward.door();
    let last = count(&conn, "SELECT max(id) FROM audit", []);
    let (actor, account, table, row_id, action, before, after): (
        String,
        Option<String>,
        String,
        i64,
        String,
        Option<String>,
        String,
    ) = conn
        .query_row(
            "SELECT s.display_name, s.account, a.table_name, a.row_id, a.action, a.before, a.after
             FROM audit a JOIN staff s ON s.id = a.actor_id WHERE a.id = ?1",
            [last],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )
        .unwrap();
    let doc = periop::store::search::audit_doc(
        &actor,
        account.as_deref(),
        &table,
        row_id,
        &action,
        before.as_deref(),
        &after,
    );

    // The last audit row's words replaced (a contentless index is told the old words to forget them).
    tamper(
        &ward,
        |raw| {
            raw.execute(
                "INSERT INTO audit_search (audit_search, rowid, doc) VALUES ('delete', ?1, ?2)",
                rusqlite::params![last, doc],
            )
            .unwrap();
            raw.execute("INSERT INTO audit_search (rowid, doc) VALUES (?1, 'nothing to see')", [last]).unwrap();
        },
        &format!("UPDATE audit_search SET tsv = array_to_tsvector('{{nothing,to,see}}') WHERE id = {last}"),
    );
    let found = search_problems(&ward);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("audit_search: its words differ from those of the audit rows"), "{found:#?}");

    // Deleted from the index: named by its audit id.
    tamper(
        &ward,
        |raw| {
            raw.execute(
                "INSERT INTO audit_search (audit_search, rowid, doc) VALUES ('delete', ?1, 'nothing to see')",
                [last],
            )
            .unwrap();
        },
        &format!("DELETE FROM audit_search WHERE id = {last}"),
    );
    let found = search_problems(&ward);
    assert!(found.iter().any(|f| f.starts_with(&format!("audit_search: audit #{last} not in it"))), "{found:#?}");

    // Words the prefix search relies on, deleted: counted, never shown (R-PRIV-1).
    let forget = "DELETE FROM audit_terms WHERE term IN ('renamed3', 'nurse')";
    tamper(
        &ward,
        |raw| {
            raw.execute(forget, []).unwrap();
        },
        forget,
    );
    let found = search_problems(&ward);
    assert!(found.iter().any(|f| f.starts_with("audit_terms: 2 word(s) of the audit rows missing")), "{found:#?}");
    assert!(!found.iter().any(|f| f.contains("renamed3")), "{found:#?}");

    reindex_as_admin(&ward);
    assert_eq!(search_problems(&ward), Vec::<String>::new());
    let store = Store::connect(&ward.location, &admin()).unwrap();
    assert!(!found_in(&store, "renamed3").is_empty(), "the rebuilt index finds the renamed patient");
}

fn found_in(store: &Store, filter: &str) -> Vec<(String, i64)> {
    found(store, filter)
}

#[test]
fn r_audit_3_a_damaged_fts_segment_is_reported_a_filter_says_so_and_reindex_mends_it() {
    use periop::store::StoreError;
    use periop::store::admission_list::ListQuery;
    if file_only("FTS5's segments are a file's own: PostgreSQL's search indexes are plain tables") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ward = indexed_ward(dir.path());
    let path = ward.path().to_path_buf();
    let mut store = open_as_staff(&path, &nurse());
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let stay = periop::store::admissions::NewAdmission {
        patient_id: 1,
        planned_admit_on: day,
        planned_discharge_on: day.succ_opt().unwrap(),
        bed_id: None,
    };
    store.write(at_plus(20), |tx| periop::store::admissions::create(tx, &stay)).unwrap();
    drop(store);
    {
        // Every segment of both indexes (ids past the structure records) overwritten.
        let raw = raw_rw(&path);
        for index in ["audit_search", "patient_search"] {
            raw.execute(&format!("UPDATE {index}_data SET block = randomblob(length(block)) WHERE id > 10"), [])
                .unwrap();
        }
    }
    let found = search_problems(&ward);
    assert!(found.iter().any(|f| f.starts_with("audit_search: ")), "{found:#?}");
    assert!(found.iter().any(|f| f.starts_with("patient_search: ")), "{found:#?}");

    // A filter meets the damage: a typed error naming the file and the next step, no panic.
    let store = Store::open_as(&path, &nurse()).unwrap();
    let err = store.audit_entries("renamed", None, 10).map(|_| ()).expect_err("a damaged index is said");
    assert!(matches!(err, StoreError::SearchDamaged { index: "audit_search", .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.starts_with(&format!("{}: the search index audit_search is damaged", path.display())), "{text}");
    assert!(text.contains("`periop reindex --db"), "{text}");
    let query = ListQuery { text: Some("renamed".into()), day: None, ..Default::default() };
    let err = store.admissions(&query, at()).map(|_| ()).expect_err("a damaged index is said");
    assert!(matches!(err, StoreError::SearchDamaged { index: "patient_search", .. }), "{err:?}");
    drop(store);

    // A save is refused before it writes into the damaged index, naming the rebuild.
    let mut store = Store::open_as(&path, &nurse()).unwrap();
    let err = store.write(at_plus(30), |tx| patients::register(tx, &patient(9))).map(|_| ()).expect_err("refused");
    assert!(matches!(err, StoreError::SearchDamaged { .. }), "{err:?}");
    assert!(err.to_string().contains("nothing was saved"), "{err}");
    drop(store);

    // Only an admin rebuilds (R-ROLE-1).
    let mut store = Store::open_as(&path, &nurse()).unwrap();
    let err = store.reindex(at_plus(40), &mut |_, _| {}).map(|_| ()).expect_err("a nurse may not");
    assert!(matches!(err, StoreError::NotAllowed { .. }), "{err:?}");
    drop(store);

    reindex_as_admin(&ward);
    let report = periop::store::check::check_file(&path, at()).unwrap();
    assert!(report.is_healthy(), "{report:#?}");
    let store = Store::open_as(&path, &nurse()).unwrap();
    assert_eq!(store.audit_entries("renamed2", None, 10).unwrap().len(), 1);
}
