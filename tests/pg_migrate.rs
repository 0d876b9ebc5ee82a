//! `periop migrate` (issue 15): a ward's SQLite file copied into an empty
//! PostgreSQL database, every row as it is, verified before the commit; the
//! copy then checks healthy with the file's audit chain head. A target that
//! is not empty is refused, naming its tables, and left as it was.
#![cfg(feature = "postgres")]

mod store_common;

use periop::store::StoreError;
use periop::store::check;
use periop::store::migrate::migrate;
use store_common::pg_support::TempDb;
use store_common::*;

/// A demo ward (a few weeks of history) in a file of `dir`.
fn demo_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("ward.db");
    let options = periop::cli::demo::Options { seed: 7, years: 0 };
    let store = periop::cli::demo::build(&path, &admin(), at(), &options, &mut |_| {}).unwrap();
    store.close().unwrap();
    path
}

#[test]
fn a_ward_file_is_copied_whole_and_checks_with_the_same_chain_head() {
    let Some(db) = TempDb::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(dir.path());
    let mut told = Vec::new();
    let copied = migrate(&file, &db.location, &mut |done, all| told.push((done, all))).unwrap();
    let from_file = check::check_file(&file, at()).unwrap();
    assert!(from_file.is_healthy(), "{from_file:#?}");
    let on_server = check::check_location(&db.location, at()).unwrap();
    assert!(on_server.is_healthy(), "{on_server:#?}");
    assert_eq!(on_server.chain.head, from_file.chain.head, "the same audit chain head");
    assert_eq!(copied.head, from_file.chain.head);
    assert_eq!(on_server.audit_rows, from_file.audit_rows);
    let (done, all) = *told.last().expect("progress told");
    assert_eq!(done, all, "progress ends at all rows");
    let patients = copied.tables.iter().find(|(t, _)| *t == "patients").unwrap().1;
    let mut client = db.client();
    assert_eq!(client.query_one("SELECT count(*) FROM patients", &[]).unwrap().get::<_, i64>(0), patients);
    // The copy is a ward like any other: a search finds a patient by a folded name.
    let store = periop::store::Store::connect(&db.location, &admin()).unwrap();
    assert!(!store.audit_entries("patient", None, 5).unwrap().is_empty());
}

#[test]
fn a_target_that_is_not_empty_is_refused_naming_its_tables_and_left_as_it_was() {
    let Some(db) = TempDb::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(dir.path());
    let mut client = db.client();
    client.batch_execute("CREATE TABLE other (x BIGINT); INSERT INTO other VALUES (1)").unwrap();
    let err = migrate(&file, &db.location, &mut |_, _| {}).unwrap_err();
    assert!(matches!(&err, StoreError::NotEmpty { tables, .. } if tables == &["other".to_string()]), "{err:?}");
    let tables: i64 = client
        .query_one("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", &[])
        .unwrap()
        .get(0);
    assert_eq!(tables, 1, "nothing was made");
}
