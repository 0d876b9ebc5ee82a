//! Entering and leaving the full-screen terminal. The guard restores it when
//! dropped: on quit, on error, on a signal (the loop ends, see `events`), and
//! through our panic hook on panic.
//!
//! A terminal can vanish under us (the SSH connection dropped, the window
//! closed): every write then fails. Leaving must still be a clean exit, so
//! nothing here panics or prints an error: a failed write marks the
//! terminal gone (the cause goes to the log), later writes are dropped, and
//! the event threads end the loop (`events::spawn_hangup_watch`).

use crate::ui::charset::{Charset, Transcoding};
use color_eyre::Result;
use crossterm::cursor::Show;
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::backend::CrosstermBackend;
use ratatui::{Frame, Terminal};
use std::io::{self, Stdout, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// A write to the terminal failed: it is gone, and nothing more is written.
static GONE: AtomicBool = AtomicBool::new(false);

/// Raw mode and the alternate screen are on, and need undoing.
static ENTERED: AtomicBool = AtomicBool::new(false);

/// True once a write to the terminal has failed (it hung up or closed).
pub fn is_gone() -> bool {
    GONE.load(Ordering::SeqCst)
}

/// Records that the terminal is gone, once, with the cause in the log.
fn mark_gone(cause: &dyn std::fmt::Display) {
    if !GONE.swap(true, Ordering::SeqCst) {
        log::warn!("the terminal is gone: {cause}");
    }
}

/// Standard output that never fails: once a write fails the terminal is
/// gone, and every later write is dropped (reported as done), so neither
/// ratatui nor the restore can stumble on it.
pub struct TermOut(Stdout);

impl Write for TermOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if is_gone() {
            return Ok(buf.len());
        }
        match self.0.write(buf) {
            Ok(n) => Ok(n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Err(e),
            Err(e) => {
                mark_gone(&e);
                Ok(buf.len())
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if is_gone() {
            return Ok(());
        }
        if let Err(e) = self.0.flush() {
            mark_gone(&e);
        }
        Ok(())
    }
}

pub struct Guard {
    terminal: Terminal<CrosstermBackend<Transcoding<TermOut>>>,
}

impl Guard {
    /// Raw mode, the alternate screen, and a panic hook that undoes both;
    /// frames go out in the terminal's `charset`.
    pub fn enter(charset: Charset) -> Result<Guard> {
        install_panic_hook();
        enable_raw_mode()?;
        ENTERED.store(true, Ordering::SeqCst);
        let entered =
            execute!(TermOut(io::stdout()), EnterAlternateScreen).map_err(color_eyre::Report::from).and_then(|()| {
                let out = Transcoding::new(TermOut(io::stdout()), charset);
                Terminal::new(CrosstermBackend::new(out)).map_err(Into::into)
            });
        match entered {
            Ok(terminal) => Ok(Guard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Draws a frame. A terminal that is gone is not an error here: the
    /// frame is dropped and the event threads end the loop.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame<'_>)) -> Result<()> {
        if is_gone() {
            return Ok(());
        }
        if let Err(e) = self.terminal.draw(render) {
            mark_gone(&e);
        }
        Ok(())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        // Show the cursor through ratatui, so its own drop has nothing left to
        // do (it would print to stderr on failure).
        let _ = self.terminal.show_cursor();
        restore();
    }
}

/// Leaves the alternate screen, shows the cursor and leaves raw mode. Never
/// panics and never prints: on a terminal that is gone each step fails
/// quietly. Does nothing unless [`Guard::enter`] entered.
pub fn restore() {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = TermOut(io::stdout());
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = execute!(out, Show);
    let _ = disable_raw_mode();
}

/// Restores the terminal before the previous hook (color-eyre's) prints the
/// report. When the terminal is gone there is nowhere to print: the panic
/// goes to the log only (printing would panic again and abort).
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            if is_gone() {
                log::error!("panic after the terminal went away: {info}");
            } else {
                previous(info);
            }
        }));
    });
}
