//! `periop bench` on PostgreSQL (issue 15): the live-refresh figure is
//! measured there too, in a scratch database made on the ward's server and
//! dropped after; a role that may not create one is told so, and the bench
//! still ends well with its other figures.
#![cfg(feature = "postgres")]

mod store_common;

use std::process::{Command, Output, Stdio};
use store_common::pg_support::TempDb;
use store_common::pg_ward;

/// `periop bench --db URL --keys 20`, with the log in `dir`: its output
/// and the name its scratch database would have.
fn bench(url: &str, dir: &std::path::Path) -> (Output, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_periop"))
        .args(["bench", "--db", url, "--keys", "20"])
        .env_remove("PERIOP_DB")
        .env("PERIOP_LOG", dir.join("periop.log"))
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run periop");
    let scratch = format!("periop_bench_{}", child.id());
    (child.wait_with_output().expect("run periop"), scratch)
}

/// The databases named like `pattern` on the server.
fn databases(db: &TempDb, pattern: &str) -> Vec<String> {
    let rows = db.client().query("SELECT datname FROM pg_database WHERE datname LIKE $1", &[&pattern]).unwrap();
    rows.iter().map(|r| r.get(0)).collect()
}

/// The figures of the row named `label`: `[p50, p99, max]` in ms and runs.
fn figures(out: &str, label: &str) -> Option<([f64; 3], usize)> {
    let line = out.lines().find(|l| l.starts_with(label))?;
    let words: Vec<&str> = line[label.len()..].split_whitespace().collect();
    let ms = |i: usize| -> Option<f64> { (words.get(i + 1) == Some(&"ms")).then(|| words[i].parse().ok())? };
    Some(([ms(0)?, ms(2)?, ms(4)?], words.get(6)?.parse().ok()?))
}

#[test]
fn the_live_refresh_is_measured_on_a_scratch_database_dropped_after() {
    let Some(db) = pg_ward() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (output, _) = bench(db.url(), dir.path());
    let (out, err) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{out}\n{err}");
    assert!(out.contains("\nlive refresh: saves in another connection"), "{out}");
    let (ms, runs) = figures(&out, "server notification (NOTIFY)").unwrap_or_else(|| panic!("{out}"));
    assert_eq!(runs, 200, "{out}");
    // The watcher may name the row before the saving store returns (0 ms).
    assert!(ms[0] >= 0.0 && ms[0] <= ms[1] && ms[1] <= ms[2] && ms[2] < 5000.0, "{out}");
    // A server's watcher has no timer-alone mode: no row for it.
    assert!(!out.contains("timer alone"), "{out}");
    // The other test here never makes one: none may be left.
    assert_eq!(databases(&db, "periop_bench_%"), Vec::<String>::new(), "the scratch database is dropped");
}

/// A role that may not `CREATE DATABASE` (taken at connection through
/// `options=-c role=…`, so no login of its own is needed) runs the bench:
/// one line says what the figure needs, the other figures are printed, and
/// the bench ends well.
#[test]
fn a_role_that_may_not_create_a_database_is_told_and_the_bench_ends_well() {
    let Some(db) = pg_ward() else { return };
    let url = db.url().to_string();
    if url.contains("://") {
        eprintln!("a URL for PERIOP_TEST_PG: this test takes libpq's key=value form; skipped");
        return;
    }
    let role = format!("periop_bench_nocreate_{}", std::process::id());
    let mut client = db.client();
    let owner: String = client.query_one("SELECT CAST(current_user AS TEXT)", &[]).unwrap().get(0);
    // Members of the ward's owner use its tables; CREATEDB is never inherited.
    let made = client.batch_execute(&format!("CREATE ROLE {role} NOLOGIN NOCREATEDB; GRANT \"{owner}\" TO {role}"));
    if let Err(e) = made {
        eprintln!("cannot make a role on the test server ({e}): skipped");
        return;
    }
    struct DropRole(TempDb, String);
    impl Drop for DropRole {
        fn drop(&mut self) {
            let _ = self.0.client().batch_execute(&format!("DROP ROLE IF EXISTS {}", self.1));
        }
    }
    let guard = DropRole(db, role.clone());
    let dir = tempfile::tempdir().unwrap();
    let (output, scratch) = bench(&format!("{url} options='-c role={role}'"), dir.path());
    let (out, err) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{out}\n{err}");
    assert!(out.contains("key to frame: every screen"), "the other figures are printed: {out}");
    let told: Vec<&str> = out.lines().filter(|l| l.contains("CREATE DATABASE")).collect();
    assert_eq!(told.len(), 1, "{out}");
    assert!(told[0].starts_with("live refresh: not measured;"), "{out}");
    assert!(!out.contains("notification"), "{out}");
    assert_eq!(databases(&guard.0, &scratch), Vec::<String>::new());
}
