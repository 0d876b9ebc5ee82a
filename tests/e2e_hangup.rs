//! The terminal going away under the TUI (issue 12, item 5): the SSH
//! connection dropped, the window closed. The real binary runs in a
//! pseudo-terminal whose master side the test closes; periop must end on its
//! own (no spinning on end-of-file), cleanly (no SIGABRT from a panic while
//! restoring a terminal that is gone), and say why in its log.
//!
//! The shared harness keeps a reader on the master for the child's whole
//! life, so the terminal could never close; this one reads with `poll` and
//! can let go of every master descriptor.

mod e2e_support;

use e2e_support::{BIN, NOW, PATIENCE, Ward, framed};
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use std::num::NonZeroU16;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// A pseudo-terminal whose master side can be closed while the child runs.
struct Closable {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    parser: Arc<Mutex<vt100::Parser>>,
    stop: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
}

impl Closable {
    fn spawn(ward: &Ward, program: &str, args: &[&str]) -> Closable {
        let pair = native_pty_system()
            .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(ward.dir());
        cmd.env("TERM", "xterm-256color");
        cmd.env("PERIOP_NOW", NOW);
        cmd.env("PERIOP_LOG", ward.log());
        cmd.env_remove("PERIOP_DB");
        let child = pair.slave.spawn_command(cmd).expect("start the program in the pseudo-terminal");
        drop(pair.slave);

        let raw = pair.master.as_raw_fd().expect("the master's descriptor");
        // SAFETY: `raw` is open for as long as `pair.master`, which outlives this line.
        let fd: OwnedFd = unsafe { BorrowedFd::borrow_raw(raw) }.try_clone_to_owned().expect("dup the master");
        let parser =
            Arc::new(Mutex::new(vt100::Parser::new(NonZeroU16::new(24).unwrap(), NonZeroU16::new(80).unwrap(), 0)));
        let stop = Arc::new(AtomicBool::new(false));
        let reader = {
            let (parser, stop) = (Arc::clone(&parser), Arc::clone(&stop));
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while !stop.load(Ordering::SeqCst) {
                    let mut fds = [PollFd::new(fd.as_fd(), PollFlags::POLLIN)];
                    match poll(&mut fds, PollTimeout::from(20u16)) {
                        Ok(0) | Err(nix::errno::Errno::EINTR) => continue,
                        Ok(_) => {}
                        Err(_) => break,
                    }
                    match nix::unistd::read(&fd, &mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => parser.lock().unwrap_or_else(|e| e.into_inner()).process(&buf[..n]),
                    }
                }
            })
        };
        Closable { child, master: Some(pair.master), parser, stop, reader: Some(reader) }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap_or_else(|e| e.into_inner()).screen().contents()
    }

    /// Polls (bounded by `PATIENCE`) until the screen shows `text`.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.screen().contains(text) {
            assert!(start.elapsed() < PATIENCE, "waited {PATIENCE:?} for {text:?}:\n{}", framed(&self.screen()));
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Closes the master side: the terminal is gone for the child.
    fn close_terminal(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the reader thread");
        }
        self.master = None;
    }

    /// Waits (bounded) for the child to end.
    fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("ask whether the child ended") {
                return status;
            }
            assert!(start.elapsed() < PATIENCE, "the program did not end within {PATIENCE:?} of losing its terminal");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Closable {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn log_of(ward: &Ward) -> String {
    std::fs::read_to_string(ward.log()).unwrap_or_default()
}

/// The SSH connection drops: periop, the session leader, gets SIGHUP and
/// restores a terminal that is gone. That is a clean exit (before: a panic
/// while printing the restore error, repeated during cleanup, SIGABRT), and
/// the log says why.
#[test]
fn a_lost_terminal_is_a_clean_exit_that_logs_why() {
    let ward = Ward::demo();
    let db = ward.db_arg();
    let mut tui = Closable::spawn(&ward, BIN, &["--db", db.to_str().unwrap(), "--now", NOW]);
    tui.wait_for("ARRIVING");
    let start = Instant::now();
    tui.close_terminal();
    let status = tui.wait_exit();
    eprintln!("lost terminal: ended with {status:?} after {:?}", start.elapsed());
    assert!(status.signal().is_none(), "periop died of a signal when its terminal went away: {status:?}");
    assert!(status.success(), "losing the terminal should be a clean exit: {status:?}");
    let log = log_of(&ward);
    // The SIGHUP or the hang-up seen on the terminal, whichever came first.
    assert!(
        log.contains("leaving: SIGHUP") || log.contains("leaving: the terminal hung up"),
        "the log does not say why periop left:\n{log}"
    );
    assert!(!log.contains("panic"), "the log records a panic:\n{log}");
}

/// The shell that started periop ignores SIGHUP (so periop, not the session
/// leader, gets none) and the terminal goes away: reading it gives
/// end-of-file. periop takes that as the terminal gone and ends (before: it
/// stayed, spinning at 55-72 % CPU).
#[test]
fn a_lost_terminal_ends_periop_even_without_sighup() {
    let ward = Ward::demo();
    let db = ward.db_arg();
    // `sh` stays the session leader (the command after periop stops it from
    // exec-ing), ignores SIGHUP, and periop inherits the ignored SIGHUP.
    let script = r#"trap "" HUP; "$0" "$@"; status=$?; exit $status"#;
    let mut tui = Closable::spawn(&ward, "sh", &["-c", script, BIN, "--db", db.to_str().unwrap(), "--now", NOW]);
    tui.wait_for("ARRIVING");
    let start = Instant::now();
    tui.close_terminal();
    let status = tui.wait_exit();
    eprintln!("lost terminal, SIGHUP ignored: ended with {status:?} after {:?}", start.elapsed());
    assert!(status.success(), "losing the terminal should be a clean exit: {status:?}");
    let log = log_of(&ward);
    assert!(log.contains("leaving: the terminal hung up"), "the log does not say why periop left:\n{log}");
}
