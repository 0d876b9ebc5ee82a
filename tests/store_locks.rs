//! POSIX locks belong to the process: closing any descriptor of the database
//! file drops all of them. If opening a second connection (the live-refresh
//! watcher, a second store) read the file with `std::fs`, SQLite's locks
//! would silently go, and another process closing its connection would
//! believe it was the last one and delete the WAL under us, losing saves.

use chrono::Utc;
use periop::store::watch::Watcher;
use periop::store::{Account, Store, settings};
use std::path::Path;
use std::process::Command;

fn wal(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

/// Another process reads the file and closes it: the `sqlite3` shell, as an
/// administrator or a backup script would. It is what deleted a live
/// terminal's WAL before the fix (SQLite 3.40 here); where it is missing, the
/// bundled SQLite in a child process stands in (it did not show the bug).
fn read_from_another_process(path: &Path) {
    let shell = Command::new("sqlite3").arg(path).arg("SELECT count(*) FROM audit;").output();
    match shell {
        Ok(out) => assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr)),
        Err(_) => {
            eprintln!("no sqlite3 shell on this machine: using a bundled-SQLite child process instead");
            let out = Command::new(std::env::current_exe().unwrap())
                .args(["child_reader", "--exact", "--ignored", "--nocapture"])
                .env("PERIOP_TEST_READ_DB", path)
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
        }
    }
}

#[test]
#[ignore = "run by a_second_open_in_this_process_keeps_our_locks_and_our_wal as its other process"]
fn child_reader() {
    let Some(path) = std::env::var_os("PERIOP_TEST_READ_DB") else { return };
    let conn = rusqlite::Connection::open(path).unwrap();
    let _: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0)).unwrap();
}

#[test]
fn a_second_open_in_this_process_keeps_our_locks_and_our_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    let account = Account { name: "nurse1".into(), full_name: None };
    drop(Store::init(&path, &account, Utc::now()).unwrap());

    let mut store = Store::open_as(&path, &account).unwrap();
    store.write(Utc::now(), |tx| settings::set(tx, "fast.clear_h", "3", None)).unwrap();
    // What the TUI does next: the watcher and, in tests, a second store.
    let _watcher = Watcher::open(&path).unwrap();
    let _second = Store::open_as(&path, &account).unwrap();
    assert!(wal(&path).exists(), "the WAL exists while we write");

    // Another process opens the file and closes it again.
    read_from_another_process(&path);
    assert!(wal(&path).exists(), "another process deleted our WAL: our locks were lost");

    // Our next save still reaches other processes.
    store.write(Utc::now(), |tx| settings::set(tx, "fast.clear_h", "4", Some(1))).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let value: String =
        conn.query_row("SELECT value FROM settings WHERE key = 'fast.clear_h'", [], |r| r.get(0)).unwrap();
    assert_eq!(value, "4");
}

/// In WAL mode the header (application_id, user_version) written by `init`
/// stays in the -wal until a checkpoint. Another process opening the file
/// while its creator still has it open (the first `--demo` terminal) must
/// not take it for another application's database.
#[test]
fn a_database_just_made_and_still_open_opens_in_another_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    let account = Account { name: "nurse1".into(), full_name: None };
    let mut first = Store::init(&path, &account, Utc::now()).unwrap();
    first.write(Utc::now(), |tx| settings::set(tx, "fast.clear_h", "3", None)).unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_periop"))
        .args(["--db", path.to_str().unwrap(), "check"])
        .env("PERIOP_LOG", dir.path().join("log"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    drop(first);
}
