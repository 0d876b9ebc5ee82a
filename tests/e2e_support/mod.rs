//! A harness for driving the real `periop` binary in a pseudo-terminal
//! (DESIGN.md, "Tests" item 4): a ward folder with a demo database, a
//! terminal that types keys and reads the screen through vt100, and a few
//! readers of what the screen shows.
//!
//! Waiting is always polling with a generous limit: the limit catches a hang,
//! it is not a performance assertion.
//!
//! A demo ward is on this run's engine (`engine_support`): with
//! `PERIOP_TEST_ENGINE=postgres` the demo file is copied by `periop
//! migrate` into a throwaway PostgreSQL database and removed, so a test
//! that still reached for the file would fail rather than pass on SQLite.
#![allow(dead_code)] // each test binary uses its own subset

#[path = "../engine_support/mod.rs"]
mod engine_support;
#[cfg(feature = "postgres")]
#[path = "../pg_support/mod.rs"]
pub mod pg_support;

#[allow(unused_imports)] // each test binary uses its own subset
pub use engine_support::{file_only, on_postgres};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

/// The program under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_periop");

/// The fixed ward clock for every run: Sunday 22 November 2026, 09:30.
pub const NOW: &str = "2026-11-22T09:30";

/// How long to wait for something to appear before calling it a hang.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// How often to look at the screen while waiting.
const POLL: Duration = Duration::from_millis(20);

/// A screen counts as drawn when no byte has arrived for this long: a frame
/// reaches the terminal in several writes, and a half-drawn frame must not
/// pass (or fail) a check.
const SETTLE: Duration = Duration::from_millis(60);

pub const ESC: &str = "\x1b";
pub const TAB: &str = "\t";

/// A temporary folder holding the log file and a demo ward database (the
/// file, or on a PostgreSQL run the server's database).
pub struct Ward {
    dir: tempfile::TempDir,
    /// The ward's database on a PostgreSQL run; dropped with the ward.
    #[cfg(feature = "postgres")]
    server: Option<pg_support::TempDb>,
}

impl Ward {
    /// A fresh demo ward, made by `periop demo` around the fixed clock, on
    /// this run's engine.
    pub fn demo() -> Ward {
        #[allow(unused_mut)] // a build without PostgreSQL
        let mut ward = Ward::demo_file();
        #[cfg(feature = "postgres")]
        if on_postgres() {
            ward.move_to(pg_support::TempDb::new().expect("PERIOP_TEST_ENGINE=postgres needs PERIOP_TEST_PG"));
        }
        ward
    }

    /// A fresh demo ward in a new database on the PostgreSQL `server` (a
    /// connection string), whatever this run's engine.
    #[cfg(feature = "postgres")]
    pub fn demo_on(server: &str) -> Ward {
        let mut ward = Ward::demo_file();
        ward.move_to(pg_support::TempDb::on(server.to_string()));
        ward
    }

    /// `periop demo` into the file [`Ward::db`].
    fn demo_file() -> Ward {
        let ward = Ward::empty();
        let out = ward.command().args(["demo", "--db"]).arg(ward.db()).args(["--now", NOW]).output().expect("run demo");
        assert!(out.status.success(), "periop demo failed: {}", String::from_utf8_lossy(&out.stderr));
        assert!(ward.db().is_file(), "periop demo wrote no database");
        ward
    }

    /// The demo file copied into `db` by `periop migrate`, then removed.
    #[cfg(feature = "postgres")]
    fn move_to(&mut self, db: pg_support::TempDb) {
        let out = self.command().args(["migrate", "--from"]).arg(self.db()).args(["--to", db.url()]).output();
        let out = out.expect("run migrate");
        assert!(out.status.success(), "periop migrate failed: {}", String::from_utf8_lossy(&out.stderr));
        std::fs::remove_file(self.db()).expect("remove the migrated file");
        self.server = Some(db);
    }

    /// An empty folder, for tests that bring their own (bad) files.
    pub fn empty() -> Ward {
        Ward {
            dir: tempfile::tempdir().expect("a temporary folder"),
            #[cfg(feature = "postgres")]
            server: None,
        }
    }

    /// A ward with no database yet, for `periop init`: the folder, and on
    /// a PostgreSQL run an empty database on the test server.
    pub fn uninitialised() -> Ward {
        #[allow(unused_mut)] // a build without PostgreSQL
        let mut ward = Ward::empty();
        #[cfg(feature = "postgres")]
        if on_postgres() {
            ward.server = Some(pg_support::TempDb::new().expect("PERIOP_TEST_ENGINE=postgres needs PERIOP_TEST_PG"));
        }
        ward
    }

    /// What `--db` names: the PostgreSQL database on a PostgreSQL run,
    /// else the file [`Ward::db`].
    pub fn db_arg(&self) -> std::ffi::OsString {
        #[cfg(feature = "postgres")]
        if let Some(db) = &self.server {
            return db.url().into();
        }
        self.db().into_os_string()
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("d.db")
    }

    pub fn log(&self) -> PathBuf {
        self.dir.path().join("periop.log")
    }

    /// The binary as a plain process (no terminal), with a clean environment
    /// for the variables it reads.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.current_dir(self.dir())
            .env_remove("PERIOP_DB")
            .env_remove("NO_COLOR")
            .env("PERIOP_NOW", NOW)
            .env("PERIOP_LANG", "en")
            .env("PERIOP_LOG", self.log())
            .stdin(Stdio::null());
        cmd
    }

    /// Runs the binary to the end without a terminal; kills it and fails if
    /// it has not ended within `PATIENCE`.
    pub fn run(&self, args: &[&std::ffi::OsStr]) -> Output {
        let mut child =
            self.command().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("start periop");
        let start = Instant::now();
        while child.try_wait().expect("ask whether periop ended").is_none() {
            if start.elapsed() > PATIENCE {
                let _ = child.kill();
                let _ = child.wait();
                panic!("periop {args:?} did not end within {PATIENCE:?}");
            }
            thread::sleep(POLL);
        }
        child.wait_with_output().expect("read what periop wrote")
    }

    /// The TUI on this ward's database, in a `cols`×`rows` terminal.
    pub fn open(&self, name: &str, cols: u16, rows: u16) -> Tui {
        Tui::spawn(name, self, cols, rows, NOW, &[], &[])
    }

    /// The TUI with its fixed clock read from `file` at each tick
    /// (`PERIOP_NOW_FILE`): a test moves the ward clock by rewriting it.
    pub fn open_with_clock_file(&self, name: &str, cols: u16, rows: u16, file: &Path) -> Tui {
        Tui::spawn(name, self, cols, rows, NOW, &[("PERIOP_NOW_FILE", file.as_os_str())], &[])
    }

    /// The TUI with these environment variables and arguments added (issue
    /// 14: `("PERIOP_LANG", "")` leaves the language to the account and the
    /// locale).
    pub fn open_with(&self, name: &str, cols: u16, rows: u16, env: &[(&str, &std::ffi::OsStr)], args: &[&str]) -> Tui {
        Tui::spawn(name, self, cols, rows, NOW, env, args)
    }

    /// The TUI with the ward clock fixed at `now` (`2026-11-23T14:00`): a
    /// later shift on the same ward.
    pub fn open_at(&self, name: &str, cols: u16, rows: u16, now: &str) -> Tui {
        Tui::spawn(name, self, cols, rows, now, &[], &[])
    }

    /// `periop --demo` in this folder at `now` (the demo of the day, in
    /// `./periop-demo.db`).
    pub fn open_demo(&self, name: &str, cols: u16, rows: u16, now: &str) -> Tui {
        Tui::spawn(name, self, cols, rows, now, &[], &["--demo"])
    }

    /// A direct connection to the database (the file read-only, or the
    /// server), through the store's door, to check what was saved.
    pub fn conn(&self) -> periop::store::db::Connection {
        #[cfg(feature = "postgres")]
        if let Some(db) = &self.server {
            return periop::store::db::Connection::open_postgres(db.url()).expect("connect for checking");
        }
        let file = rusqlite::Connection::open_with_flags(self.db(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY);
        periop::store::db::Connection::from_sqlite(file.expect("open the database for checking"))
    }
}

/// The real binary running in a pseudo-terminal, its output parsed by vt100.
/// Dropping it kills the process if it is still running.
pub struct Tui {
    name: String,
    cols: u16,
    parser: Arc<Mutex<vt100::Parser>>,
    /// The reader has seen the end of the output (every writer closed).
    drained: Arc<AtomicBool>,
    /// Bytes of output parsed so far.
    received: Arc<AtomicU64>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    // Kept open so the terminal exists for the child's whole life.
    _master: Box<dyn MasterPty + Send>,
    status: Option<ExitStatus>,
    log: PathBuf,
}

impl Tui {
    fn spawn(
        name: &str,
        ward: &Ward,
        cols: u16,
        rows: u16,
        now: &str,
        env: &[(&str, &std::ffi::OsStr)],
        args: &[&str],
    ) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(BIN);
        if args.contains(&"--demo") {
            cmd.args(["--now", now]);
        } else {
            cmd.args(["--db".as_ref(), ward.db_arg().as_os_str(), "--now".as_ref(), now.as_ref()]);
        }
        cmd.args(args.iter().filter(|a| **a != "--demo"));
        if args.contains(&"--demo") {
            cmd.arg("--demo");
        }
        cmd.cwd(ward.dir());
        cmd.env("TERM", "xterm-256color");
        cmd.env("PERIOP_NOW", now);
        cmd.env("PERIOP_LANG", "en");
        cmd.env("PERIOP_LOG", ward.log());
        cmd.env_remove("PERIOP_DB");
        cmd.env_remove("NO_COLOR");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("start periop in the pseudo-terminal");
        // Only the child holds the terminal's slave side now, so the reader
        // sees the end of the output when the child is gone.
        drop(pair.slave);

        let size = |n: u16| NonZeroU16::new(n).expect("a terminal has a size");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let drained = Arc::new(AtomicBool::new(false));
        let received = Arc::new(AtomicU64::new(0));
        let mut reader = pair.master.try_clone_reader().expect("read the pseudo-terminal");
        {
            let parser = Arc::clone(&parser);
            let drained = Arc::clone(&drained);
            let received = Arc::clone(&received);
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            parser.lock().unwrap_or_else(|e| e.into_inner()).process(&buf[..n]);
                            received.fetch_add(n as u64, Ordering::SeqCst);
                        }
                    }
                }
                drained.store(true, Ordering::SeqCst);
            });
        }
        let writer = pair.master.take_writer().expect("write to the pseudo-terminal");
        Tui {
            name: name.to_string(),
            cols,
            parser,
            drained,
            received,
            writer,
            child,
            _master: pair.master,
            status: None,
            log: ward.log(),
        }
    }

    /// The parsed terminal, for its modes (alternate screen, cursor).
    pub fn vt(&self) -> MutexGuard<'_, vt100::Parser> {
        self.parser.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The screen as text: one line per terminal row, trailing blanks kept.
    pub fn screen(&self) -> String {
        self.vt().screen().rows(0, self.cols).collect::<Vec<_>>().join("\n")
    }

    /// Types `keys` (raw bytes: letters, `ESC`, `TAB`, "\r").
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type into the terminal");
        self.writer.flush().expect("flush the terminal");
    }

    /// Polls the screen until `ready` holds on a fully drawn screen (no
    /// output for `SETTLE`), and returns that screen; after `PATIENCE`,
    /// fails showing the screen.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.poll(what, true, ready)
    }

    /// Like `wait_for`, but returns at the first sight of `ready`, even in a
    /// frame still being drawn: for measuring when something appeared.
    pub fn first_sight(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.poll(what, false, ready)
    }

    fn poll(&self, what: &str, settled: bool, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let seen = self.received.load(Ordering::SeqCst);
            let screen = self.screen();
            if !ready(&screen) {
                thread::sleep(POLL);
            } else if !settled {
                return screen;
            } else {
                thread::sleep(SETTLE);
                if self.received.load(Ordering::SeqCst) == seen {
                    return screen;
                }
            }
            if start.elapsed() > PATIENCE {
                panic!("[{}] waited {:?} for {what}; the screen shows:\n{}", self.name, PATIENCE, framed(&screen));
            }
        }
    }

    /// Waits until every one of `texts` is on the screen.
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        self.wait_for(&format!("{texts:?}"), |s| texts.iter().all(|t| s.contains(t)))
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// Waits (bounded) for the process to end, then for its last output to
    /// reach the parser.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("ask whether periop ended") {
                break status;
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "[{}] periop did not end within {PATIENCE:?}; the screen shows:\n{}",
                    self.name,
                    framed(&self.screen())
                );
            }
            thread::sleep(POLL);
        };
        self.status = Some(status.clone());
        while !self.drained.load(Ordering::SeqCst) {
            assert!(start.elapsed() < PATIENCE * 2, "[{}] the terminal output never ended", self.name);
            thread::sleep(POLL);
        }
        status
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if thread::panicking() {
            eprintln!("[{}] screen at the failure:\n{}", self.name, framed(&self.screen()));
            if let Ok(log) = std::fs::read_to_string(&self.log) {
                let tail: Vec<&str> = log.lines().rev().take(20).collect();
                eprintln!("[{}] last lines of {}:", self.name, self.log.display());
                for line in tail.iter().rev() {
                    eprintln!("  {line}");
                }
            }
        }
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            // SIGHUP, a short grace, then SIGKILL (portable-pty's kill).
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The screen with a border, so trailing blanks and empty rows show.
pub fn framed(screen: &str) -> String {
    screen.lines().map(|l| format!("|{l}|")).collect::<Vec<_>>().join("\n")
}

/// The index and text of the row carrying the selection marker `▶`.
pub fn selected(screen: &str) -> Option<(usize, String)> {
    screen.lines().enumerate().find(|(_, l)| l.starts_with(" ▶ ")).map(|(i, l)| (i, l.to_string()))
}

/// The board's sections, in screen order.
pub const SECTIONS: [&str; 4] = ["NEEDS ATTENTION", "ARRIVING", "PROCEDURES", "LEAVING"];

/// The section a heading line such as ` ARRIVING (5)` opens.
fn heading(line: &str) -> Option<&'static str> {
    let rest = line.strip_prefix(' ')?;
    SECTIONS.into_iter().find(|s| rest.starts_with(&format!("{s} (")))
}

/// The board section the row at `index` belongs to: the nearest heading
/// above it or, when that heading has scrolled off the top, the section
/// before the nearest heading below it.
pub fn section_of(screen: &str, index: usize) -> Option<&'static str> {
    let lines: Vec<&str> = screen.lines().collect();
    let index = index.min(lines.len());
    if let Some(above) = lines[..index].iter().rev().find_map(|l| heading(l)) {
        return Some(above);
    }
    let below = lines.get(index + 1..)?.iter().find_map(|l| heading(l))?;
    let at = SECTIONS.iter().position(|s| *s == below)?;
    at.checked_sub(1).map(|i| SECTIONS[i])
}

/// A board row without its three-column selection margin (`   ` or ` ▶ `).
pub fn row_body(line: &str) -> String {
    line.chars().skip(3).collect()
}

/// The row at `index` is an arrival still planned (`· planned` in ARRIVING).
pub fn is_planned_arrival(screen: &str, index: usize, row: &str) -> bool {
    row_body(row).starts_with("· planned") && section_of(screen, index) == Some("ARRIVING")
}

/// The fully drawn screen, with the index and text of the selected row.
pub fn current(tui: &Tui) -> (String, usize, String) {
    let screen = tui.wait_for("a selected row", |s| selected(s).is_some());
    let (index, row) = selected(&screen).expect("a selected row");
    (screen, index, row)
}

/// Presses `key` (`j` or `k`) and waits for the selection to move. Call it
/// on a drawn screen (after a `wait_for`).
pub fn step(tui: &mut Tui, key: &str) -> (String, usize, String) {
    let before = selected(&tui.screen());
    assert!(before.is_some(), "no selected row to move from:\n{}", framed(&tui.screen()));
    tui.send(key);
    let screen =
        tui.wait_for(&format!("{key} to move the selection"), |s| selected(s).is_some() && selected(s) != before);
    let (index, row) = selected(&screen).expect("a selected row");
    (screen, index, row)
}

/// Presses `key` until the selected row satisfies `wanted(screen, index,
/// row)`; returns that row.
pub fn step_until(tui: &mut Tui, key: &str, what: &str, wanted: impl Fn(&str, usize, &str) -> bool) -> String {
    let (mut screen, mut index, mut row) = current(tui);
    for _ in 0..100 {
        if wanted(&screen, index, &row) {
            return row;
        }
        (screen, index, row) = step(tui, key);
    }
    panic!("pressing {key} never reached {what}; the screen shows:\n{}", framed(&tui.screen()));
}

/// From a selection above ARRIVING (a fresh board starts on its first row),
/// presses `j` to the `n`th (1-based) planned arrival; returns its row.
pub fn select_planned_arrival(tui: &mut Tui, n: usize) -> String {
    let mut seen = 0;
    let (mut screen, mut index, mut row) = current(tui);
    for _ in 0..100 {
        if is_planned_arrival(&screen, index, &row) {
            seen += 1;
            if seen == n {
                return row;
            }
        }
        (screen, index, row) = step(tui, "j");
    }
    panic!("found no planned arrival #{n}; the screen shows:\n{}", framed(&tui.screen()));
}

/// The tabs along the top, as (digit key, title).
pub fn tabs(screen: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = screen.lines().next().unwrap_or_default().split_whitespace().collect();
    words
        .windows(2)
        .filter(|w| w[0].len() == 1 && w[0].chars().all(|c| c.is_ascii_digit()))
        .map(|w| (w[0].to_string(), w[1].to_string()))
        .collect()
}

/// A patient as the screen must name them (R-PATH-5): `SURNAME First (dd/mm/yyyy)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patient {
    pub admission_id: i64,
    pub identity: String,
    pub surname: String,
}

/// Today's planned arrivals, read from the file, named as the screen should.
pub fn planned_arrivals(conn: &periop::store::db::Connection) -> Vec<Patient> {
    let mut stmt = conn
        .prepare(
            "SELECT a.id, p.surname, p.first_name, p.birth_date FROM admissions a
             JOIN patients p ON p.id = a.patient_id
             WHERE a.state = 'planned' AND a.planned_admit_on = ?1 ORDER BY a.id",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([&NOW[..10]], |row| {
            let (id, surname, first, birth): (i64, String, String, String) =
                (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
            Ok((id, surname, first, birth))
        })
        .expect("query")
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    rows.into_iter()
        .map(|(admission_id, surname, first, birth)| {
            let parts: Vec<&str> = birth.split('-').collect();
            assert_eq!(parts.len(), 3, "birth date {birth:?} is not YYYY-MM-DD");
            let identity = format!("{} {first} ({}/{}/{})", surname.to_uppercase(), parts[2], parts[1], parts[0]);
            Patient { admission_id, identity, surname: surname.to_uppercase() }
        })
        .collect()
}

/// The patient whose identity `row` shows.
pub fn patient_on(row: &str, patients: &[Patient]) -> Patient {
    let found: Vec<&Patient> = patients.iter().filter(|p| row.contains(&p.identity)).collect();
    assert_eq!(found.len(), 1, "row {row:?} should name exactly one of {patients:#?}");
    found[0].clone()
}

/// The row of the screen that names `identity` in the section `section`.
pub fn row_of(screen: &str, section: &str, identity: &str) -> Option<String> {
    screen
        .lines()
        .enumerate()
        .find(|(i, l)| l.contains(identity) && section_of(screen, *i) == Some(section))
        .map(|(_, l)| l.to_string())
}

/// The operating-system account running the tests, as the program names it
/// (from the uid, not `$USER`).
/// An account this machine has, other than the one running the tests (to
/// be given a role: R-ROLE-1 gives one only to an account that exists).
pub fn another_account() -> String {
    let me = current_account();
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    passwd
        .lines()
        .filter_map(|line| line.split(':').next())
        .find(|name| *name != me && matches!(nix::unistd::User::from_name(name), Ok(Some(_))))
        .expect("a second account on this machine")
        .to_string()
}

pub fn current_account() -> String {
    let uid = nix::unistd::getuid();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(user)) => user.name,
        _ => format!("uid-{uid}"),
    }
}

/// Sends `signal` (a name such as `TERM`) to `pid` with kill(1).
pub fn signal(pid: u32, signal: &str) {
    let status = Command::new("kill").arg(format!("-{signal}")).arg(pid.to_string()).status().expect("run kill");
    assert!(status.success(), "kill -{signal} {pid} failed");
}

/// Counts rows of a query returning one number.
pub fn count(conn: &periop::store::db::Connection, sql: &str, params: impl periop::store::db::Params) -> i64 {
    conn.query_row(sql, params, |row| row.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
}
