//! The store's guarantees on PostgreSQL (issue 15): creating and opening a
//! ward's database, the refusals that name what is wrong, the one write path
//! (versions, the audit row in the same transaction, the chain, roles) and
//! the watcher. Each test runs on a database of its own on the server
//! `PERIOP_TEST_PG` names (`.ci/test` starts one; see tests/pg_support).
#![cfg(feature = "postgres")]

mod store_common;

use chrono::NaiveDate;
use periop::domain::pathway::Step;
use periop::domain::roles::Role;
use periop::store::admissions::{self, NewAdmission};
use periop::store::watch::Watcher;
use periop::store::{Location, Store, StoreError, chain, check, patients};
use std::time::{Duration, Instant};
use store_common::pg_support::TempDb;
use store_common::*;

/// `Store` is not `Debug`: the error of a call that must fail.
fn refused(result: Result<Store, StoreError>) -> StoreError {
    match result {
        Ok(_) => panic!("the call succeeded but should have been refused"),
        Err(e) => e,
    }
}

/// One number from `sql` through a raw connection.
fn number(db: &TempDb, sql: &str) -> i64 {
    db.client().query_one(sql, &[]).unwrap_or_else(|e| panic!("{sql}: {e}")).get(0)
}

#[test]
fn init_then_connect_opens_the_ward_as_its_first_admin() {
    let Some(db) = pg_ward() else { return };
    let store = Store::connect(&db.location, &admin()).unwrap();
    assert_eq!(store.location(), &db.location);
    assert_eq!((store.actor().account.as_str(), store.actor().role.as_str()), ("admin1", "admin"));
    assert!(store.refused_settings().is_empty(), "{:?}", store.refused_settings());
    // The seed lists came with the schema.
    assert!(number(&db, "SELECT count(*) FROM procedure_kinds") > 0);
}

#[test]
fn init_twice_is_refused_and_changes_nothing() {
    let Some(db) = pg_ward() else { return };
    let audit = number(&db, "SELECT count(*) FROM audit");
    let err = refused(Store::init_at(&db.location, &admin(), at_plus(5)));
    assert!(matches!(err, StoreError::AlreadyExists(_)), "{err:?}");
    assert!(err.to_string().contains(&db.name), "{err}");
    assert_eq!(number(&db, "SELECT count(*) FROM audit"), audit);
}

#[test]
fn init_on_a_database_holding_other_tables_is_refused_naming_them() {
    let Some(db) = TempDb::new() else { return };
    db.client().batch_execute("CREATE TABLE ward_notes (id bigint)").unwrap();
    let err = refused(Store::init_at(&db.location, &admin(), at()));
    match &err {
        StoreError::NotEmpty { tables, .. } => assert_eq!(tables, &["ward_notes"]),
        other => panic!("expected NotEmpty, got {other:?}"),
    }
    let text = err.to_string();
    assert!(text.contains("ward_notes") && text.contains(&db.name), "{text}");
    // Nothing of periop's was left beside it.
    let tables = "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()";
    assert_eq!(number(&db, tables), 1);
}

#[test]
fn connect_to_an_empty_database_says_it_has_no_schema() {
    let Some(db) = TempDb::new() else { return };
    let err = refused(Store::connect(&db.location, &admin()));
    assert!(matches!(err, StoreError::NoSchema(_)), "{err:?}");
    assert!(err.to_string().contains(&db.name), "{err}");
    // Opening created nothing.
    let tables = "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()";
    assert_eq!(number(&db, tables), 0);
}

#[test]
fn an_unreachable_server_is_named_without_its_password() {
    // Port 1 on this machine: nothing listens, the connection is refused at once.
    for text in
        ["postgres://periop:secret@127.0.0.1:1/ward", "host=127.0.0.1 port=1 user=periop password=secret dbname=ward"]
    {
        let location = Location::parse(text.as_ref());
        assert!(!location.is_file(), "{text}");
        for err in [refused(Store::connect(&location, &admin())), refused(Store::init_at(&location, &admin(), at()))] {
            assert!(matches!(err, StoreError::Unreachable { .. }), "{err:?}");
            let (shown, debug) = (err.to_string(), format!("{err:?}"));
            assert!(shown.contains(&location.shown()) && shown.contains("127.0.0.1"), "{shown}");
            assert!(!shown.contains("secret") && !debug.contains("secret"), "{shown} / {debug}");
            assert!(!shown.contains('\n'), "{shown}");
        }
    }
}

#[test]
fn a_patient_saved_reads_back_with_one_audit_row() {
    let Some(db) = pg_ward() else { return };
    let mut store = connect_playing(&db.location, &admin());
    let audit = number(&db, "SELECT count(*) FROM audit");
    let id = add_patient(&mut store, 1);
    let found = store.patient_by_hospital_number("H000001").unwrap().expect("the patient reads back");
    assert_eq!(found.patient_id, id);
    assert_eq!((found.surname.as_str(), found.first_name.as_str()), ("Testpatient1", "Camille"));
    assert_eq!(found.birth_date, NaiveDate::from_ymd_opt(1960, 3, 14).unwrap());
    assert_eq!(number(&db, "SELECT count(*) FROM audit"), audit + 1);
    let row = db
        .client()
        .query_one("SELECT table_name, row_id, action, at FROM audit ORDER BY id DESC LIMIT 1", &[])
        .unwrap();
    let last: (String, i64, String, String) = (row.get(0), row.get(1), row.get(2), row.get(3));
    assert_eq!(last, ("patients".into(), id, "insert".into(), "2026-11-22T07:30:00Z".into()));
    // A second connection sees it too.
    let other = connect_playing(&db.location, &nurse());
    assert_eq!(other.patient_by_hospital_number("H000001").unwrap().map(|p| p.patient_id), Some(id));
}

#[test]
fn the_audit_log_finds_a_save_by_the_patients_name() {
    let Some(db) = pg_ward() else { return };
    let mut store = connect_playing(&db.location, &admin());
    add_patient(&mut store, 1);
    add_patient(&mut store, 2);
    let entries = store.audit_entries("testpatient2", None, 10).unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
}

/// A planned admission by `admin()`, with alice and bob nurses; returns its id.
fn planned_admission(location: &Location) -> i64 {
    give_role(location, &alice(), Role::Nurse);
    give_role(location, &bob(), Role::Nurse);
    let mut admin = connect_playing(location, &admin());
    let patient_id = add_patient(&mut admin, 1);
    let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let admission =
        NewAdmission { patient_id, planned_admit_on: day, planned_discharge_on: day.succ_opt().unwrap(), bed_id: None };
    admin.write(at(), |tx| admissions::create(tx, &admission)).unwrap()
}

#[test]
fn a_save_with_a_stale_version_is_a_conflict_naming_who_saved_first() {
    let Some(db) = pg_ward() else { return };
    let admission_id = planned_admission(&db.location);
    let mut alice = connect_playing(&db.location, &alice());
    let mut bob = connect_playing(&db.location, &bob());
    alice.write(at(), |tx| admissions::take_step(tx, admission_id, 1, Step::Admit, None)).unwrap();
    let audit = number(&db, "SELECT count(*) FROM audit");
    let err = bob.write(at_plus(5), |tx| admissions::take_step(tx, admission_id, 1, Step::Admit, None)).unwrap_err();
    match &err {
        StoreError::Conflict { by, at, .. } => {
            assert_eq!((by.as_str(), at.as_str()), ("Alice Martin", "08:30 on 22/11"))
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(number(&db, "SELECT count(*) FROM audit"), audit, "the refused save wrote an audit row");
    let version = format!("SELECT version FROM admissions WHERE id = {admission_id}");
    assert_eq!(number(&db, &version), 2);
}

#[test]
fn a_change_that_fails_leaves_neither_its_rows_nor_their_audit_rows() {
    let Some(db) = pg_ward() else { return };
    let mut store = connect_playing(&db.location, &admin());
    add_patient(&mut store, 1);
    let counts = |db: &TempDb| (number(db, "SELECT count(*) FROM patients"), number(db, "SELECT count(*) FROM audit"));
    let before = counts(&db);
    // Refused by the change itself, after a row and its audit row were written.
    let failed = store.write(at(), |tx| {
        patients::register(tx, &patient(2))?;
        Err::<(), _>(StoreError::invalid("test", "cancelled"))
    });
    assert!(matches!(failed, Err(StoreError::Invalid { .. })), "{failed:?}");
    assert_eq!(counts(&db), before);
    // Refused by the server (the hospital number is taken), after the same.
    let failed = store.write(at(), |tx| {
        patients::register(tx, &patient(3))?;
        patients::register(tx, &patient(1))
    });
    assert!(failed.is_err(), "a second patient with hospital number H000001 was saved");
    assert_eq!(counts(&db), before);
    // The connection is still good for the next save.
    add_patient(&mut store, 4);
    assert_eq!(counts(&db), (before.0 + 1, before.1 + 1));
}

#[test]
fn the_audit_chain_verifies_and_an_edited_audit_row_breaks_it() {
    let Some(db) = pg_ward() else { return };
    let mut store = connect_playing(&db.location, &admin());
    for n in 1..=3 {
        add_patient(&mut store, n);
    }
    let conn = door(&db.location);
    let report = chain::verify(&conn).unwrap();
    assert_eq!(report.rows, number(&db, "SELECT count(*) FROM audit"));
    assert!(report.problems.is_empty(), "{report:?}");
    assert_eq!(report.head.as_ref().map(|h| h.0), Some(report.rows));
    assert!(chain::reconcile(&conn).unwrap().is_empty());
    assert_healthy(&db.location);

    // Behind the store's back (triggers off, as the owner can): one image edited.
    let edited = number(&db, "SELECT max(id) FROM audit WHERE table_name = 'patients'");
    db.client()
        .batch_execute(&format!(
            "SET session_replication_role = replica;
             UPDATE audit SET after = replace(after, 'Camille', 'Camilla') WHERE id = {edited}"
        ))
        .unwrap();
    let report = chain::verify(&conn).unwrap();
    assert_eq!(report.problems.len(), 1, "{report:?}");
    assert!(report.problems[0].contains(&format!("#{edited}")), "{report:?}");
    assert!(!check::full(&conn).unwrap().is_healthy(), "periop check missed the edited audit row");
}

#[test]
fn an_unassigned_account_may_not_save_but_is_listed() {
    let Some(db) = pg_ward() else { return };
    let mut store = connect_playing(&db.location, &account("as_unassigned", None));
    let err = store.write(at(), |tx| patients::register(tx, &patient(1))).unwrap_err();
    assert!(matches!(err, StoreError::NotAllowed { .. }), "{err:?}");
    assert_eq!(number(&db, "SELECT count(*) FROM patients"), 0);
    let listed = "SELECT count(*) FROM staff WHERE account = 'as_unassigned' AND role = 'unassigned'";
    assert_eq!(number(&db, listed), 1);
}

#[test]
fn the_watcher_sees_another_connections_save_within_a_second() {
    let Some(db) = pg_ward() else { return };
    let mut watch = Watcher::connect(&db.location).unwrap();
    assert!(watch.notified());
    assert!(watch.poll().unwrap().is_empty());
    let location = db.location.clone();
    let saver = std::thread::spawn(move || {
        let mut store = connect_playing(&location, &admin());
        std::thread::sleep(Duration::from_millis(300));
        let saved = Instant::now();
        (add_patient(&mut store, 1), saved)
    });
    // The fallback is long: only the server's notification can wake it in time.
    let started = Instant::now();
    let mut changed = Vec::new();
    while changed.is_empty() && started.elapsed() < Duration::from_secs(10) {
        changed = watch.wait(Duration::from_secs(10)).unwrap();
    }
    let woke = Instant::now();
    let (id, saved) = saver.join().unwrap();
    let rows: Vec<_> = changed.iter().map(|c| (c.table.as_str(), c.row_id)).collect();
    assert_eq!(rows, [("patients", id)]);
    let late = woke.saturating_duration_since(saved);
    assert!(late < Duration::from_secs(1), "the watcher saw the save after {late:?}");
    assert!(watch.poll().unwrap().is_empty(), "a change is reported once");
}
