//! Several terminals saving at once (DESIGN.md, "The store"; R-AUDIT-1,
//! R-AUDIT-2): processes, not threads, since the ward's terminals are
//! separate programs sharing one file.
//!
//! The parent re-runs this test executable as its children: the `#[ignore]`d
//! test `child_incrementer` does a child's increments when
//! `PERIOP_TEST_CHILD_DB` is set, and returns at once otherwise.
//!
//! Each guarantee is a function of the database's [`Location`], run on a
//! file and, as its `_on_postgresql` twin, on a PostgreSQL database
//! (tests/pg_support: skipped without `PERIOP_TEST_PG`).

mod store_common;

use periop::store::table::Table;
use periop::store::write::WriteTx;
use periop::store::{Location, Store, StoreError, patients, settings};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};
use store_common::*;

const CHILDREN: usize = 8;
const INCREMENTS: u32 = 200;
/// A validated numeric setting, used as the counter.
const KEY: &str = "stock.expiry_alert_days";

/// How long an optimistic child waits between reading and saving.
const THINK: Duration = Duration::from_millis(1);

const CHILD_DB: &str = "PERIOP_TEST_CHILD_DB";
const CHILD_NAME: &str = "PERIOP_TEST_CHILD_NAME";
const CHILD_MODE: &str = "PERIOP_TEST_CHILD_MODE";
/// Read the version in one call and save with it in another, as a user's form does.
const OPTIMISTIC: &str = "optimistic";
/// Read and save in the same `BEGIN IMMEDIATE` transaction.
const IN_TRANSACTION: &str = "in_transaction";

/// One child: opens the store as its own account, says READY, waits for the
/// parent's go (a line on stdin, so that all children start together), then
/// saves `INCREMENTS` increments, retrying on Conflict. Any other error,
/// StoreError::Busy included, fails the child.
#[test]
#[ignore = "helper: a child process of the concurrency tests"]
fn child_incrementer() {
    let Some(db) = std::env::var_os(CHILD_DB) else { return };
    let name = std::env::var(CHILD_NAME).expect("child name");
    let mode = std::env::var(CHILD_MODE).expect("child mode");
    let mut store = Store::connect(&Location::parse(&db), &account(&name, None))
        .unwrap_or_else(|e| panic!("{name}: open: {e:?} ({e})"));
    println!("READY");
    std::io::stdout().flush().unwrap();
    let mut go = String::new();
    std::io::stdin().read_line(&mut go).unwrap();

    let mut saves = 0;
    let mut conflicts = 0;
    while saves < INCREMENTS {
        let saved = if mode == OPTIMISTIC {
            let (value, version) = store
                .write(at(), |tx| settings::stored(tx.conn(), KEY))
                .unwrap_or_else(|e| panic!("{name}: read: {e:?} ({e})"))
                .expect("the counter exists");
            let next = value.parse::<u32>().unwrap() + 1;
            // The user's pause between seeing the value and saving: long
            // enough for the other children, asleep in SQLite's busy handler,
            // to take the lock, so that stale versions (conflicts) happen.
            std::thread::sleep(THINK);
            store.write(at(), |tx| save_counter(tx, next, version))
        } else {
            store.write(at(), |tx| {
                let (value, version) = settings::stored(tx.conn(), KEY)?.expect("the counter exists");
                let next = value.parse::<u32>().unwrap() + 1;
                save_counter(tx, next, version)
            })
        };
        match saved {
            Ok(_) => saves += 1,
            Err(StoreError::Conflict { .. }) if mode == OPTIMISTIC => conflicts += 1,
            Err(e) => panic!("{name}: save: {e:?} ({e})"),
        }
    }
    println!("SUMMARY {name} saves={saves} conflicts={conflicts}");
}

/// Saves the counter through the write path's versioned update. The counter
/// runs past any setting's range (R-AUDIT-2 is what is under test here, not
/// the catalogue), so it is written as a plain row.
fn save_counter(tx: &mut WriteTx<'_>, value: u32, version: i64) -> periop::store::Result<i64> {
    let id = count(tx.conn(), "SELECT id FROM settings WHERE key = ?1", [KEY]);
    tx.update(Table::Settings, id, version, &[("value", &value.to_string())])
}

/// Runs the children against `location` and returns their conflict counts.
fn run_children(location: &Location, mode: &str) -> Vec<u32> {
    // R-ROLE-1: settings are the admin's; each child is made one.
    for i in 0..CHILDREN {
        give_role(location, &account(&format!("child{i}"), None), periop::domain::roles::Role::Admin);
    }
    let exe = std::env::current_exe().unwrap();
    let mut children: Vec<_> = (0..CHILDREN)
        .map(|i| {
            let mut child = Command::new(&exe)
                .args(["child_incrementer", "--exact", "--ignored", "--nocapture"])
                .env(CHILD_DB, location_text(location))
                .env(CHILD_NAME, format!("child{i}"))
                .env(CHILD_MODE, mode)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn a child");
            let stdout = BufReader::new(child.stdout.take().unwrap());
            (child, stdout)
        })
        .collect();
    // Wait until every child has opened the store, then let them all go.
    for (_, stdout) in &mut children {
        let mut line = String::new();
        while !line.contains("READY") {
            line.clear();
            if stdout.read_line(&mut line).unwrap() == 0 {
                break; // the child ended early: its status and stderr, below, say why
            }
        }
    }
    for (child, _) in &mut children {
        let _ = writeln!(child.stdin.as_mut().unwrap(), "go");
    }
    children
        .into_iter()
        .enumerate()
        .map(|(i, (mut child, mut stdout))| {
            drop(child.stdin.take());
            let mut rest = String::new();
            std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
            let mut stderr = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
            let status = child.wait().unwrap();
            assert!(status.success(), "child{i} failed ({status}):\n{rest}\n{stderr}");
            let summary = rest.lines().find_map(|l| l.split_once("SUMMARY ")).map(|(_, s)| s.to_string());
            let summary = summary.unwrap_or_else(|| panic!("child{i} gave no summary:\n{rest}\n{stderr}"));
            assert!(summary.contains(&format!("saves={INCREMENTS}")), "{summary}");
            summary.rsplit_once("conflicts=").unwrap().1.parse().unwrap()
        })
        .collect()
}

/// Sets the counter to 0 through the write path; returns the settings row id.
fn new_counter(location: &Location) -> i64 {
    let mut store = Store::connect(location, &admin()).unwrap();
    assert_eq!(store.write(at(), |tx| settings::set(tx, KEY, "0", None)).unwrap(), 1);
    count(&door(location), "SELECT id FROM settings WHERE key = ?1", [KEY])
}

/// The counter ends at exactly CHILDREN × INCREMENTS, with one audit row per
/// save, each naming the value it wrote, every value from 1 up written once.
fn assert_no_save_lost(location: &Location, id: i64) {
    let total = (CHILDREN as u32 * INCREMENTS) as i64;
    let conn = door(location);
    let (value, version): (String, i64) = conn
        .query_row("SELECT value, version FROM settings WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((value.as_str(), version), (total.to_string().as_str(), total + 1));

    let updates = "SELECT count(*) FROM audit WHERE table_name = 'settings' AND row_id = ?1 AND action = 'update'";
    assert_eq!(count(&conn, updates, [id]), total);
    assert_eq!(audit_rows_of(&conn, "settings", id), total + 1); // and the insert of the 0
    let mut stmt = conn
        .prepare(
            "SELECT after FROM audit WHERE table_name = 'settings' AND row_id = ?1 AND action = 'update' ORDER BY id",
        )
        .unwrap();
    let written: Vec<i64> =
        stmt.query_map([id], |r| r.get::<_, String>(0)).unwrap().map(|a| image_number(&a.unwrap(), "value")).collect();
    assert_eq!(written, (1..=total).collect::<Vec<_>>(), "audit rows out of order or values lost");

    // Each child's 200 saves are audited under its own name.
    let mut stmt = conn
        .prepare(
            "SELECT s.account, count(*) FROM audit a JOIN staff s ON s.id = a.actor_id
             WHERE a.table_name = 'settings' AND a.row_id = ?1 AND a.action = 'update' GROUP BY s.account
             ORDER BY s.account",
        )
        .unwrap();
    let by: Vec<(String, i64)> =
        stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    assert_eq!(by.len(), CHILDREN, "{by:?}");
    assert!(by.iter().all(|(_, n)| *n == i64::from(INCREMENTS)), "{by:?}");

    assert_healthy(location);
}

/// R-AUDIT-1, R-AUDIT-2: 8 processes × 200 increments of one record, each read
/// then saved with the version it read (as a user's save does), retrying on
/// Conflict: exactly 1,600 saves, 1,600 audit rows, no Busy reaches a caller.
fn optimistic_saves_lose_nothing(location: &Location) {
    let id = new_counter(location);
    let started = Instant::now();
    let conflicts = run_children(location, OPTIMISTIC);
    eprintln!(
        "{CHILDREN} processes × {INCREMENTS} optimistic saves in {:.2?}; conflicts retried: {conflicts:?}",
        started.elapsed()
    );
    assert_no_save_lost(location, id);
}

#[test]
fn r_audit_2_eight_processes_saving_one_record_lose_no_save() {
    let dir = tempfile::tempdir().unwrap();
    optimistic_saves_lose_nothing(&new_db(dir.path()).into());
}

#[cfg(feature = "postgres")]
#[test]
fn r_audit_2_eight_processes_saving_one_record_lose_no_save_on_postgresql() {
    let Some(db) = pg_ward() else { return };
    optimistic_saves_lose_nothing(&db.location);
}

/// R-AUDIT-1: the same, reading inside the saving transaction: the write
/// lock (`BEGIN IMMEDIATE`, PostgreSQL's advisory lock) serialises the
/// writers, so no save ever conflicts.
fn in_transaction_saves_never_conflict(location: &Location) {
    let id = new_counter(location);
    let started = Instant::now();
    let conflicts = run_children(location, IN_TRANSACTION);
    eprintln!("{CHILDREN} processes × {INCREMENTS} in-transaction saves in {:.2?}", started.elapsed());
    assert!(conflicts.iter().all(|&n| n == 0), "{conflicts:?}");
    assert_no_save_lost(location, id);
}

#[test]
fn r_audit_1_eight_processes_incrementing_inside_the_transaction_never_conflict() {
    let dir = tempfile::tempdir().unwrap();
    in_transaction_saves_never_conflict(&new_db(dir.path()).into());
}

#[cfg(feature = "postgres")]
#[test]
fn r_audit_1_eight_processes_incrementing_inside_the_transaction_never_conflict_on_postgresql() {
    let Some(db) = pg_ward() else { return };
    in_transaction_saves_never_conflict(&db.location);
}

const TERMINALS: usize = 4;
const ROUNDS: usize = 20;

/// A new account registers at its first save, looking itself up inside that
/// save's transaction: several terminals of one new account saving at once
/// register it once (a second insert would break `staff.account UNIQUE`).
/// `round` numbers the fresh database at `location`, for the messages.
fn new_account_registered_once(round: usize, location: &Location) {
    let barrier = Arc::new(Barrier::new(TERMINALS));
    let handles: Vec<_> = (0..TERMINALS)
        .map(|i| {
            let (location, barrier) = (location.clone(), Arc::clone(&barrier));
            std::thread::spawn(move || {
                let mut store = Store::connect(&location, &account("newcomer", Some("New Comer")))?;
                barrier.wait();
                store.write(at(), |tx| patients::register(tx, &patient(i as u32)))?;
                Ok::<_, StoreError>(store.actor().clone())
            })
        })
        .collect();
    let opened: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    // R-ROLE-1: a new account may only read, so each save is refused for
    // its role (not for a clash between the registrations).
    for result in &opened {
        match result {
            Err(StoreError::NotAllowed { .. }) => {}
            Err(e) => panic!("round {round}: a terminal failed: {e:?} ({e})"),
            Ok(_) => panic!("round {round}: an unassigned account saved a patient"),
        }
    }
    assert_eq!(count(&door(location), "SELECT count(*) FROM staff WHERE account = 'newcomer'", []), 1);
}

#[test]
fn a_new_account_saving_from_several_terminals_at_once_is_registered_once() {
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().unwrap();
        new_account_registered_once(round, &new_db(dir.path()).into());
    }
}

#[cfg(feature = "postgres")]
#[test]
fn a_new_account_saving_from_several_terminals_at_once_is_registered_once_on_postgresql() {
    for round in 0..ROUNDS {
        let Some(db) = pg_ward() else { return };
        new_account_registered_once(round, &db.location);
    }
}
