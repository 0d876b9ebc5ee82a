//! A PostgreSQL connection lost in the middle of a session (issue 15): the
//! server restarted, a DBA ended the backend, the network dropped it. The
//! next save must be refused saying so, with nothing saved and no panic.
//! The next save after that connects again and saves once; a watcher cut
//! off connects again and reports what was saved meanwhile. The tests end
//! the backend from another connection, as a DBA's `pg_terminate_backend`
//! does.
#![cfg(feature = "postgres")]

mod pg_support;
mod store_common;

use periop::store::watch::Watcher;
use periop::store::{Store, StoreError, patients};
use pg_support::{TempDb, new_ward};
use std::time::{Duration, Instant};
use store_common::*;

/// Ends every other connection to `db` (the one store's or watcher's),
/// from a connection of its own, and waits until the server has let it go.
fn end_other_connections(db: &TempDb) {
    let mut dba = db.client();
    let others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
    let ended: Vec<bool> = dba
        .query(&format!("SELECT pg_terminate_backend(pid) {others}"), &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(ended, [true], "one connection, ended");
    let started = Instant::now();
    while dba.query_one(&format!("SELECT count(*) {others}"), &[]).unwrap().get::<_, i64>(0) > 0 {
        assert!(started.elapsed() < Duration::from_secs(5), "the ended backend is still there");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn patients_saved(db: &TempDb) -> i64 {
    db.client().query_one("SELECT count(*) FROM patients", &[]).unwrap().get(0)
}

/// A store with one patient saved, whose connection the server then ended.
fn store_cut_off(db: &TempDb) -> Store {
    let mut store = connect_playing(&db.location, &admin());
    add_patient(&mut store, 1);
    end_other_connections(db);
    store
}

/// Lost while idle (a restart overnight): nothing was asked on it yet, so
/// the next save connects again and saves, once.
#[test]
fn after_a_connection_lost_while_idle_the_next_save_connects_again_and_saves_once() {
    let Some(db) = new_ward() else { return };
    let mut store = store_cut_off(&db);
    let id = store
        .write(at(), |tx| patients::register(tx, &patient(2)))
        .unwrap_or_else(|e| panic!("the save after the loss: {e:?} ({e})"));
    assert_eq!(patients_saved(&db), 2);
    assert_eq!(store.patient_by_hospital_number("H000002").unwrap().map(|p| p.patient_id), Some(id));
    assert_healthy(&db.location);
}

/// Lost in the middle of a save: refused saying so, nothing of it saved,
/// no panic; the user's next try (the form is kept) connects again and
/// saves once.
#[test]
fn a_save_cut_off_mid_way_is_refused_saying_so_and_saves_nothing_then_the_next_try_saves_once() {
    let Some(db) = new_ward() else { return };
    let mut store = connect_playing(&db.location, &admin());
    add_patient(&mut store, 1);
    let err = store
        .write(at(), |tx| {
            patients::register(tx, &patient(2))?;
            end_other_connections(&db);
            patients::register(tx, &patient(3))
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::SaveCutOff(_)), "{err:?}");
    let text = err.to_string();
    let lower = text.to_lowercase();
    assert!(lower.contains("connection") && lower.contains("lost"), "does not say the connection was lost: {text}");
    assert!(lower.contains("nothing") && lower.contains("saved"), "does not say nothing was saved: {text}");
    assert!(!text.contains('\n'), "{text}");
    assert_eq!(patients_saved(&db), 1, "nothing of the cut-off save");
    store.write(at(), |tx| patients::register(tx, &patient(2))).unwrap_or_else(|e| panic!("the next try: {e:?} ({e})"));
    assert_eq!(patients_saved(&db), 2, "saved once");
    assert_healthy(&db.location);
}

#[test]
fn a_watcher_cut_off_connects_again_and_reports_what_was_saved_meanwhile() {
    let Some(db) = new_ward() else { return };
    let mut watch = Watcher::connect(&db.location).unwrap();
    end_other_connections(&db);
    let mut store = connect_playing(&db.location, &admin());
    let id = add_patient(&mut store, 1);
    let lost = watch.wait(Duration::from_secs(2));
    assert!(matches!(lost, Err(StoreError::Disconnected(_))), "{lost:?}");
    watch.reconnect(&db.location).unwrap();
    let rows: Vec<_> = watch.poll().unwrap().into_iter().map(|c| (c.table, c.row_id)).collect();
    assert_eq!(rows, [("patients".to_string(), id)]);
}
