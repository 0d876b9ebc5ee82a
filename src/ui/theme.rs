//! Colours, or their monochrome stand-ins (bold, reverse, underline) under
//! `NO_COLOR`. Meaning never rests on colour alone: every status carries a
//! glyph or a word too.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `--no-color`, a non-empty `NO_COLOR` (no-color.org), or
    /// a terminal that declares none (`TERM` of a monochrome terminal).
    pub fn from_env(no_color_flag: bool) -> Theme {
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let term = std::env::var("TERM").unwrap_or_default();
        Theme { color: !(no_color_flag || no_color_env || Theme::is_monochrome(&term)) }
    }

    /// Terminals that declare no colour: `vt100`, `vt220`, `*-m`, `*-mono`.
    pub fn is_monochrome(term: &str) -> bool {
        matches!(term, "vt52" | "vt100" | "vt102" | "vt220" | "vt320" | "dumb")
            || term.ends_with("-m")
            || term.ends_with("-mono")
    }

    fn pick(self, colored: Style, mono: Style) -> Style {
        if self.color { colored } else { mono }
    }

    pub fn title(self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    }

    pub fn tab(self) -> Style {
        Style::new()
    }

    pub fn tab_active(self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn section(self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn selected(self) -> Style {
        self.pick(
            Style::new().bg(Color::DarkGray).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn urgent(self) -> Style {
        self.pick(
            Style::new().fg(Color::LightRed).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn warning(self) -> Style {
        self.pick(Style::new().fg(Color::Yellow), Style::new().add_modifier(Modifier::BOLD))
    }

    pub fn good(self) -> Style {
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    pub fn dim(self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray), Style::new())
    }

    pub fn key(self) -> Style {
        self.pick(Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD), Style::new().add_modifier(Modifier::BOLD))
    }

    pub fn status(self) -> Style {
        self.pick(Style::new().bg(Color::Blue).fg(Color::White), Style::new().add_modifier(Modifier::REVERSED))
    }
}
