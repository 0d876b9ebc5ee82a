//! The threads that feed the loop: key presses, other terminals' saves, the clock.

use crate::app::Msg;
use crate::app::clock::Clock;
use crate::store::watch::Watcher;
use crossterm::event::{self, Event, KeyEventKind};
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

/// How often the watcher asks SQLite whether another connection committed.
pub const WATCH_EVERY: Duration = Duration::from_millis(300);

/// Starts every thread; keys are read by crossterm on a UTF-8 terminal and
/// byte by byte on any other (see `byte_input`).
pub fn spawn_all(tx: Sender<Msg>, path: PathBuf, clock: Clock, utf8: bool) {
    if utf8 {
        spawn_input(tx.clone());
    } else {
        super::byte_input::spawn(tx.clone());
    }
    spawn_watcher(tx.clone(), path);
    spawn_tick(tx.clone(), clock);
    spawn_signals(tx);
}

fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => Msg::Key(key),
                Ok(Event::Resize(width, height)) => Msg::Resized(width, height),
                Ok(_) => continue,
                Err(e) => Msg::TerminalGone(format!("cannot read the terminal: {e}")),
            };
            let stop = matches!(&msg, Msg::TerminalGone(_));
            if tx.send(msg).is_err() || stop {
                return;
            }
        }
    });
}

fn spawn_watcher(tx: Sender<Msg>, path: PathBuf) {
    thread::spawn(move || {
        let mut watcher = match Watcher::open(&path) {
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
            thread::sleep(WATCH_EVERY);
            match watcher.poll() {
                Ok(changed) if changed.is_empty() => {}
                Ok(changed) => {
                    if tx.send(Msg::Changed(changed)).is_err() {
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

/// SIGTERM and SIGHUP (the SSH connection dropped) end the loop like `q`, so
/// the terminal is restored and no transaction is left open.
fn spawn_signals(tx: Sender<Msg>) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) else {
        log::warn!("could not listen for SIGTERM/SIGHUP");
        return;
    };
    thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let name = if signal == SIGHUP { "SIGHUP" } else { "SIGTERM" };
            let _ = tx.send(Msg::TerminalGone(name.to_string()));
        }
    });
}
