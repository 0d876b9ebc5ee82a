//! A PostgreSQL connection lost in the middle of a session (issue 15): the
//! server restarted, a DBA ended the backend, the network dropped it. A save
//! cut off inside its transaction is refused saying so, with nothing saved
//! and no panic; the next save connects again and saves once. A connection
//! lost while idle is made again by the next save without a word; a watcher
//! cut off connects again and reports what was saved meanwhile. The tests
//! end the backend from another connection, as a DBA's
//! `pg_terminate_backend` does.
#![cfg(feature = "postgres")]

mod store_common;

use periop::store::watch::Watcher;
use periop::store::{Store, StoreError, patients};
use std::time::{Duration, Instant};
use store_common::pg_support::TempDb;
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

fn counts(db: &TempDb) -> (i64, i64) {
    let mut client = db.client();
    let mut one = |sql: &str| -> i64 { client.query_one(sql, &[]).unwrap().get(0) };
    (one("SELECT count(*) FROM patients"), one("SELECT count(*) FROM audit"))
}

/// A save whose connection the server ends after its first row: the
/// second row's statement meets the lost connection.
fn save_cut_off(db: &TempDb, store: &mut Store) -> periop::store::Result<i64> {
    store.write(at(), |tx| {
        patients::register(tx, &patient(2))?;
        end_other_connections(db);
        patients::register(tx, &patient(3))
    })
}

#[test]
fn a_save_cut_off_inside_its_transaction_is_refused_saying_so_and_saves_nothing() {
    let Some(db) = pg_ward() else { return };
    let mut store = connect_playing(&db.location, &admin());
    add_patient(&mut store, 1);
    let before = counts(&db);
    let err = save_cut_off(&db, &mut store).unwrap_err();
    assert!(matches!(err, StoreError::SaveCutOff(_)), "{err:?}");
    let text = err.to_string();
    let lower = text.to_lowercase();
    assert!(lower.contains("connection") && lower.contains("lost"), "does not say the connection was lost: {text}");
    assert!(lower.contains("nothing") && lower.contains("saved"), "does not say nothing was saved: {text}");
    assert!(!text.contains('\n'), "{text}");
    assert_eq!(counts(&db), before);
}

#[test]
fn after_a_save_cut_off_the_next_save_connects_again_and_saves_once() {
    let Some(db) = pg_ward() else { return };
    let mut store = connect_playing(&db.location, &admin());
    add_patient(&mut store, 1);
    let refused = save_cut_off(&db, &mut store);
    assert!(matches!(refused, Err(StoreError::SaveCutOff(_))), "{refused:?}");
    // The user saves the kept form again.
    let id = store
        .write(at(), |tx| patients::register(tx, &patient(2)))
        .unwrap_or_else(|e| panic!("the save after the loss: {e:?} ({e})"));
    assert_eq!(counts(&db).0, 2);
    assert_eq!(store.patient_by_hospital_number("H000002").unwrap().map(|p| p.patient_id), Some(id));
    assert_healthy(&db.location);
}

#[test]
fn a_connection_lost_while_idle_is_made_again_by_the_next_save() {
    let Some(db) = pg_ward() else { return };
    let mut store = connect_playing(&db.location, &admin());
    add_patient(&mut store, 1);
    end_other_connections(&db);
    let before = counts(&db);
    let id = store
        .write(at(), |tx| patients::register(tx, &patient(2)))
        .unwrap_or_else(|e| panic!("the save after an idle loss: {e:?} ({e})"));
    assert_eq!(counts(&db), (before.0 + 1, before.1 + 1), "saved once, audited once");
    assert_eq!(store.patient_by_hospital_number("H000002").unwrap().map(|p| p.patient_id), Some(id));
    assert_healthy(&db.location);
}

#[test]
fn a_watcher_cut_off_connects_again_and_reports_what_was_saved_meanwhile() {
    let Some(db) = pg_ward() else { return };
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
