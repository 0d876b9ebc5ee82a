//! The input thread for a terminal that is not UTF-8: reads the terminal's
//! bytes itself and decodes them with [`KeyDecoder`] (crossterm would drop
//! what is not UTF-8). Window size changes come from SIGWINCH.
//! Why the terminal went away is for the log only (see `events`).

use super::tty_keys::KeyDecoder;
use crate::app::Msg;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use std::fs::File;
use std::io::Read;
use std::os::fd::AsFd;
use std::sync::mpsc::Sender;
use std::thread;

/// How long a byte that may start a sequence (`Esc`, a Latin-1 letter that
/// looks like the start of a UTF-8 one) waits for the rest, in ms. Terminals
/// send a sequence in one write; a person does not type that fast.
const SEQUENCE_WAIT_MS: u16 = 50;

pub fn spawn(tx: Sender<Msg>) {
    spawn_resize(tx.clone());
    thread::spawn(move || {
        let mut tty = match File::open("/dev/tty") {
            Ok(f) => f,
            Err(e) => {
                let _ = tx.send(Msg::TerminalGone(format!("cannot read the terminal: {e}"))); // i18n: log only
                return;
            }
        };
        let mut decoder = KeyDecoder::default();
        let mut buf = [0u8; 256];
        loop {
            if decoder.is_waiting() {
                let mut fds = [PollFd::new(tty.as_fd(), PollFlags::POLLIN)];
                if matches!(poll(&mut fds, PollTimeout::from(SEQUENCE_WAIT_MS)), Ok(0)) {
                    for key in decoder.flush() {
                        if tx.send(Msg::Key(key)).is_err() {
                            return;
                        }
                    }
                    continue;
                }
            }
            let keys = match tty.read(&mut buf) {
                // End of file: the terminal is gone.
                Ok(0) => Err("the terminal closed".to_string()), // i18n: log only
                Ok(n) => Ok(decoder.feed(&buf[..n])),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => Err(format!("cannot read the terminal: {e}")), // i18n: log only
            };
            match keys {
                Ok(keys) => {
                    for key in keys {
                        if tx.send(Msg::Key(key)).is_err() {
                            return;
                        }
                    }
                }
                Err(why) => {
                    let _ = tx.send(Msg::TerminalGone(why));
                    return;
                }
            }
        }
    });
}

fn spawn_resize(tx: Sender<Msg>) {
    let Ok(mut signals) = signal_hook::iterator::Signals::new([signal_hook::consts::SIGWINCH]) else {
        log::warn!("could not listen for window size changes");
        return;
    };
    thread::spawn(move || {
        for _ in signals.forever() {
            let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
            if tx.send(Msg::Resized(width, height)).is_err() {
                return;
            }
        }
    });
}
