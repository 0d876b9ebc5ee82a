//! Entering and leaving the full-screen terminal. The guard restores it when
//! dropped: on quit, on error, and (through ratatui's hook) on panic.

use crate::ui::charset::{Charset, Transcoding};
use color_eyre::Result;
use ratatui::backend::CrosstermBackend;
use ratatui::{Frame, Terminal};
use std::io::Stdout;

pub struct Guard {
    terminal: Terminal<CrosstermBackend<Transcoding<Stdout>>>,
}

impl Guard {
    /// Enters the full screen; frames go out in the terminal's `charset`.
    pub fn enter(charset: Charset) -> Result<Guard> {
        // ratatui::init installs a panic hook that restores the terminal
        // before the previous hook (color-eyre's) prints the report; it is
        // dropped at once for our own terminal, which writes through the charset.
        drop(ratatui::try_init()?);
        let backend = CrosstermBackend::new(Transcoding::new(std::io::stdout(), charset));
        let terminal = Terminal::new(backend)?;
        Ok(Guard { terminal })
    }

    pub fn draw(&mut self, render: impl FnOnce(&mut Frame<'_>)) -> Result<()> {
        self.terminal.draw(render)?;
        Ok(())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}
