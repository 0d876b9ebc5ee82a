//! Running the built `periop` on a file in a test's directory, as a user
//! would from a shell: the commands' tests share it.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `periop --db DIR/w.db --now NOW ARGS…`, with the log in `DIR/log` and
/// the environment's database and clock left out; `stdin` is typed in.
pub fn periop_at(dir: &Path, now: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_periop"))
        .args(["--db", dir.join("w.db").to_str().unwrap(), "--now", now])
        .args(args)
        .env("PERIOP_LOG", dir.join("log"))
        .env_remove("PERIOP_DB")
        .env_remove("PERIOP_NOW")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

/// Standard output of a command that succeeded (else both streams, failing).
pub fn ok(out: Output) -> String {
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{text}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The error of a refused command: exit 1, no panic.
pub fn refused(out: Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}{}", String::from_utf8_lossy(&out.stdout));
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// A hospital number of the demo ward with no distraction case.
pub fn free_patient(dir: &Path) -> String {
    let conn = rusqlite::Connection::open(dir.join("w.db")).unwrap();
    conn.query_row(
        "SELECT hospital_number FROM patients WHERE id NOT IN (SELECT patient_id FROM distraction_cases) ORDER BY id LIMIT 1",
        [],
        |r| r.get(0),
    )
    .unwrap()
}
