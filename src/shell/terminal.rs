//! Entering and leaving the full-screen terminal. The guard restores it when
//! dropped: on quit, on error, and (through ratatui's hook) on panic.

use color_eyre::Result;
use ratatui::DefaultTerminal;
use ratatui::Frame;

pub struct Guard {
    terminal: DefaultTerminal,
}

impl Guard {
    pub fn enter() -> Result<Guard> {
        // ratatui::init installs a panic hook that restores the terminal
        // before the previous hook (color-eyre's) prints the report.
        let terminal = ratatui::try_init()?;
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
