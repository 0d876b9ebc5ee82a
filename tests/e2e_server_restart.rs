//! Issue 15, "done when": the PostgreSQL server dies mid-session (a crash,
//! a failover) and comes back; the TUI says so on the status line, refuses
//! a save while it is gone (saying nothing was saved), and recovers when it
//! returns, without losing a save it had confirmed.
//!
//! The server here is the test's own (initdb in a temporary folder, a Unix
//! socket only): stopping the shared test server would fail every other
//! test running beside this one. It runs where the other PostgreSQL tests
//! do (`PERIOP_TEST_PG` set: `.ci/test`'s PostgreSQL pass); skipped
//! otherwise, unless `PERIOP_REQUIRE_PG=1` (CI).
#![cfg(feature = "postgres")]

mod e2e_support;

use e2e_support::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// PostgreSQL's server programs: on the PATH, or where Debian puts them
/// (as `.ci/test` finds them).
fn server_programs() -> Option<PathBuf> {
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .and_then(|paths| std::env::split_paths(&paths).map(|d| d.join(name)).find(|p| p.is_file()))
    };
    if let (Some(initdb), Some(_)) = (on_path("initdb"), on_path("pg_ctl")) {
        return initdb.parent().map(Path::to_path_buf);
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|d| d.join("initdb").is_file() && d.join("pg_ctl").is_file())
        .collect();
    // The newest major version, compared as a number (10 after 9).
    dirs.sort_by_key(|d| d.parent().and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok()));
    dirs.pop()
}

/// A PostgreSQL server of this test's own, stopped and removed when dropped.
struct OwnServer {
    bin: PathBuf,
    dir: tempfile::TempDir,
}

impl OwnServer {
    /// initdb and start; `None` (the test is skipped) without PostgreSQL.
    fn start() -> Option<OwnServer> {
        let Some(bin) = server_programs() else {
            assert!(
                std::env::var("PERIOP_REQUIRE_PG").as_deref() != Ok("1"),
                "PERIOP_REQUIRE_PG=1: install postgresql"
            );
            eprintln!("PostgreSQL not installed: skipped");
            return None;
        };
        let server = OwnServer { bin, dir: tempfile::tempdir().expect("a temporary folder") };
        std::fs::create_dir(server.socket_dir()).unwrap();
        if is_root() {
            // PostgreSQL refuses to run as root: its own account runs it.
            let chown = Command::new("chown").arg("-R").arg("postgres:").arg(server.dir.path()).status();
            assert!(chown.expect("run chown").success(), "chown the server's folder to postgres");
        }
        let data = server.data_dir();
        server.run("initdb", &["-D", path(&data), "-A", "trust", "-U", "periop", "-E", "UTF8", "--no-sync"]);
        server.run_pg_ctl("start");
        Some(server)
    }

    fn socket_dir(&self) -> PathBuf {
        self.dir.path().join("sock")
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// A connection string to its `postgres` database.
    fn url(&self) -> String {
        format!("host={} user=periop dbname=postgres", self.socket_dir().display())
    }

    /// `pg_ctl start`, or `stop -m immediate`: every server process killed
    /// at once, as a crash or a failover looks to a client.
    fn run_pg_ctl(&self, action: &str) {
        let (data, log) = (self.data_dir(), self.dir.path().join("log"));
        let options = format!("-k {} -c listen_addresses=''", self.socket_dir().display());
        match action {
            "start" => self.run("pg_ctl", &["-D", path(&data), "-l", path(&log), "-w", "-o", &options, "start"]),
            _ => self.run("pg_ctl", &["-D", path(&data), "-m", "immediate", "-w", "stop"]),
        }
    }

    fn run(&self, program: &str, args: &[&str]) {
        let program = self.bin.join(program);
        let mut cmd = if is_root() {
            let mut cmd = Command::new("runuser");
            cmd.args(["-u", "postgres", "--"]).arg(&program);
            cmd
        } else {
            Command::new(&program)
        };
        let out = cmd.args(args).output().unwrap_or_else(|e| panic!("run {}: {e}", program.display()));
        let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "{} {args:?} failed: {said}", program.display());
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        let data = self.data_dir();
        let pg_ctl = self.bin.join("pg_ctl");
        let args = ["-D", path(&data), "-m", "immediate", "-w", "stop"];
        let _ = if is_root() {
            Command::new("runuser").args(["-u", "postgres", "--"]).arg(pg_ctl).args(args).output()
        } else {
            Command::new(pg_ctl).args(args).output()
        };
    }
}

fn is_root() -> bool {
    nix::unistd::getuid().is_root()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a temporary path in UTF-8")
}

/// The admission's state, read on the server.
fn state_of(ward: &Ward, admission_id: i64) -> String {
    ward.conn()
        .query_row("SELECT state FROM admissions WHERE id = ?1", [admission_id], |r| r.get(0))
        .expect("the admission")
}

fn live(screen: &str) -> bool {
    screen.lines().last().is_some_and(|l| l.contains("● live"))
}

#[test]
fn the_server_dies_mid_session_and_the_tui_recovers_without_losing_a_confirmed_save() {
    if pg_support::server().is_none() {
        return;
    }
    let Some(server) = OwnServer::start() else { return };
    let ward = Ward::demo_on(&server.url());
    let planned = planned_arrivals(&ward.conn());
    assert!(planned.len() >= 2, "the demo plans two arrivals today: {planned:?}");

    let mut tui = ward.open("nurse", 100, 30);
    tui.wait_for("the board, live", |s| s.contains("ARRIVING") && live(s));

    // A save confirmed on the screen before the server dies.
    let first = patient_on(&select_planned_arrival(&mut tui, 1), &planned);
    tui.send("a");
    tui.wait_for_all(&["Admit this patient?"]);
    tui.send("y");
    tui.wait_for_all(&["now admitted"]);
    assert_eq!(state_of(&ward, first.admission_id), "admitted");

    // The server dies: the status line says so, and keeps saying it.
    server.run_pg_ctl("stop");
    tui.wait_for("the status line saying the connection is lost", |s| {
        s.lines().last().is_some_and(|l| l.contains("connection lost, reconnecting"))
    });

    // A save while it is gone is refused, saying nothing was saved. (The
    // admitted row went down the list: back to the top first.)
    tui.send("g");
    let second = patient_on(&select_planned_arrival(&mut tui, 1), &planned);
    assert_ne!(second, first, "the first patient is admitted: no longer the first planned arrival");
    tui.send("a");
    tui.wait_for_all(&["Admit this patient?"]);
    tui.send("y");
    // The refusal wraps over the notice lines: read them as one text.
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    tui.wait_for("the save refused", |s| flat(s).contains("not saved: the connection to the database server was lost"));
    // Found by this test: the failed reloads after the refusal blanked the
    // board and put 'could not read the pick lists' over the refusal.
    std::thread::sleep(std::time::Duration::from_secs(1));
    let screen = tui.screen();
    assert!(flat(&screen).contains("not saved:"), "the refusal went before it could be read:\n{}", framed(&screen));
    assert!(!screen.contains("now admitted"), "a save with no server said it was saved:\n{}", framed(&screen));
    assert!(
        screen.contains("could not read the board") && screen.contains(&second.identity),
        "the board's last rows should stay under the error:\n{}",
        framed(&screen)
    );

    // The server returns: live again, on its own.
    server.run_pg_ctl("start");
    tui.wait_for("the status line live again", live);
    assert_eq!(state_of(&ward, first.admission_id), "admitted", "the confirmed save was lost");
    assert_eq!(state_of(&ward, second.admission_id), "planned", "the refused save was saved");

    // And the same keys save now.
    tui.send("g");
    assert_eq!(patient_on(&select_planned_arrival(&mut tui, 1), &planned), second);
    tui.send("a");
    tui.wait_for_all(&["Admit this patient?"]);
    tui.send("y");
    tui.wait_for_all(&["now admitted"]);
    assert_eq!(state_of(&ward, second.admission_id), "admitted");
    assert_eq!(state_of(&ward, first.admission_id), "admitted");
    tui.send("q");
    assert!(tui.wait_exit().success(), "periop did not end cleanly after the server came back");
}
