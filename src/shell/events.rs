//! The threads that feed the loop: key presses, other terminals' saves, the clock.
//!
//! Why the terminal went away ([`Msg::TerminalGone`]) is for the log only,
//! in English like the rest of it: the screen is closing, and a terminal
//! that hung up has no one left to read it.

use crate::app::Msg;
use crate::app::clock::Clock;
use crate::store::Location;
use crate::store::StoreError;
use crate::store::watch::Watcher;
use crossterm::event::{self, Event, KeyEventKind};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

/// How often the watcher asks SQLite whether another connection committed
/// when no file notification wakes it first (the fallback: a notification
/// wakes it within milliseconds of a commit; see `store::watch`).
pub const WATCH_EVERY: Duration = Duration::from_millis(300);

/// Starts every thread; keys are read by crossterm on a UTF-8 terminal and
/// byte by byte on any other (see `byte_input`).
pub fn spawn_all(tx: Sender<Msg>, location: Location, clock: Clock, utf8: bool) {
    if utf8 {
        spawn_input(tx.clone());
    } else {
        super::byte_input::spawn(tx.clone());
    }
    spawn_watcher(tx.clone(), location);
    spawn_tick(tx.clone(), clock);
    spawn_hangup_watch(tx.clone());
    spawn_signals(tx);
}

fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => Msg::Key(key),
                Ok(Event::Resize(width, height)) => Msg::Resized(width, height),
                Ok(_) => continue,
                Err(e) => Msg::TerminalGone(format!("cannot read the terminal: {e}")), // i18n: log only
            };
            let stop = matches!(&msg, Msg::TerminalGone(_));
            if tx.send(msg).is_err() || stop {
                return;
            }
        }
    });
}

/// Tries again, waiting longer each time up to [`RECONNECT_MOST`], until
/// the server answers (true) or the screen is gone (false). Each failure
/// is said on the status line.
fn reconnect(watcher: &mut Watcher, location: &Location, tx: &Sender<Msg>) -> bool {
    let mut wait = RECONNECT_FIRST;
    loop {
        thread::sleep(wait);
        match watcher.reconnect(location) {
            Ok(()) => return true,
            Err(e) => {
                log::warn!("watcher: still no server: {e}");
                let why = match e {
                    StoreError::Unreachable { cause, .. } | StoreError::Disconnected(cause) => cause,
                    other => other.to_string(),
                };
                if tx.send(Msg::LiveLost(why)).is_err() {
                    return false;
                }
            }
        }
        wait = (wait * 2).min(RECONNECT_MOST);
    }
}

/// The first wait before reconnecting, and the longest.
const RECONNECT_FIRST: Duration = Duration::from_millis(500);
const RECONNECT_MOST: Duration = Duration::from_secs(5);

fn spawn_watcher(tx: Sender<Msg>, location: Location) {
    thread::spawn(move || {
        let mut watcher = match Watcher::connect(&location) {
            Ok(w) => w,
            Err(e) => {
                let _ = tx.send(Msg::LiveStopped(e.to_string()));
                return;
            }
        };
        if tx.send(Msg::Changed(Vec::new())).is_err() {
            return;
        }
        loop {
            match watcher.wait(WATCH_EVERY) {
                Ok(changed) if changed.is_empty() => {}
                Ok(changed) => {
                    if tx.send(Msg::Changed(changed)).is_err() {
                        return;
                    }
                }
                Err(StoreError::Disconnected(why)) => {
                    log::warn!("watcher lost the server: {why}");
                    if tx.send(Msg::LiveLost(why)).is_err() || !reconnect(&mut watcher, &location, &tx) {
                        return;
                    }
                    // Back: what was saved meanwhile, and the status line says live.
                    if tx.send(Msg::Changed(watcher.poll().unwrap_or_default())).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    log::warn!("watcher stopped: {e}");
                    let _ = tx.send(Msg::LiveStopped(e.to_string()));
                    return;
                }
            }
        }
    });
}

fn spawn_tick(tx: Sender<Msg>, clock: Clock) {
    thread::spawn(move || {
        loop {
            thread::sleep(Duration::from_secs(1));
            if tx.send(Msg::Tick(clock.now())).is_err() {
                return;
            }
        }
    });
}

/// SIGINT (`kill -INT`: in raw mode Ctrl-C is a key, not a signal), SIGTERM,
/// SIGHUP (the SSH connection dropped) and SIGQUIT (found in use, #12: it
/// left the alternate screen behind) end the loop like `q`, so the terminal
/// is restored and no transaction is left open.
fn spawn_signals(tx: Sender<Msg>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT]) else {
        log::warn!("could not listen for SIGINT/SIGTERM/SIGHUP/SIGQUIT");
        return;
    };
    thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let name = match signal {
                SIGHUP => "SIGHUP (the terminal hung up)", // i18n: log only
                SIGINT => "SIGINT",
                SIGQUIT => "SIGQUIT",
                _ => "SIGTERM",
            };
            let _ = tx.send(Msg::TerminalGone(name.to_string()));
        }
    });
}

/// How often the hang-up watch also looks whether a write found the terminal
/// gone (a hang-up itself wakes it at once).
pub const GONE_CHECK_EVERY: Duration = Duration::from_millis(250);

/// Ends the loop when the terminal goes away without a SIGHUP reaching us
/// (the shell that started us ignores SIGHUP, or we are not its session
/// leader): reading it then gives end-of-file or an error forever, which
/// crossterm retries in a busy loop. `poll` reports the hang-up (POLLHUP,
/// POLLERR) on the same terminal crossterm reads (standard input if it is a
/// terminal, else `/dev/tty`). A failed write (see `terminal::is_gone`)
/// ends the loop too.
fn spawn_hangup_watch(tx: Sender<Msg>) {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    use std::io::IsTerminal;
    use std::os::fd::{AsFd, OwnedFd};
    let fd: OwnedFd = if std::io::stdin().is_terminal() {
        match std::io::stdin().as_fd().try_clone_to_owned() {
            Ok(fd) => fd,
            Err(e) => return log::warn!("cannot watch the terminal for a hang-up: {e}"),
        }
    } else {
        match std::fs::File::open("/dev/tty") {
            Ok(file) => file.into(),
            Err(e) => return log::warn!("cannot watch the terminal for a hang-up: {e}"),
        }
    };
    let timeout = PollTimeout::try_from(GONE_CHECK_EVERY).unwrap_or(PollTimeout::MAX);
    thread::spawn(move || {
        let why = loop {
            if super::terminal::is_gone() {
                break "cannot write to the terminal".to_string(); // i18n: log only
            }
            let mut fds = [PollFd::new(fd.as_fd(), PollFlags::empty())];
            match poll(&mut fds, timeout) {
                Ok(0) | Err(nix::errno::Errno::EINTR) => {}
                Ok(_) => {
                    let gone = PollFlags::POLLHUP | PollFlags::POLLERR | PollFlags::POLLNVAL;
                    if fds[0].revents().is_some_and(|r| r.intersects(gone)) {
                        break "the terminal hung up (end of file)".to_string(); // i18n: log only
                    }
                }
                Err(e) => break format!("cannot watch the terminal ({e})"), // i18n: log only
            }
        };
        let _ = tx.send(Msg::TerminalGone(why));
    });
}
