//! Below 80×24: say what size is needed, and still show what is most urgent.
//! Only what this screen shows acts: scrolling the list, help, quit.

use super::theme::Theme;
use super::{MIN_HEIGHT, MIN_WIDTH, fit};
use crate::app::State;
use crate::app::keymap::{self, Scope};
use crate::app::state::{Live, Mode};
use crate::i18n;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let width = usize::from(area.width);
    let language = state.language;
    let keys: Vec<String> = keymap::hints(&[Scope::TooSmall])
        .iter()
        // A no-break space: a key never ends a line without its word (`q` / `quitter`).
        .map(|b| format!("{}\u{a0}{}", keymap::first_key(b, language), b.hint(language)))
        .collect();
    let asking = matches!(&state.mode, Mode::Form(open) if open.form.quit_after_discard);
    let size = [
        ("need_width", MIN_WIDTH.into()),
        ("need_height", MIN_HEIGHT.into()),
        ("width", area.width.into()),
        ("height", area.height.into()),
    ];
    let mut lines = vec![
        Line::styled(i18n::fmt(language, "too-small-size", &size), theme.urgent()),
        Line::raw(format!("{} {}", i18n::t(language, "too-small-enlarge"), keys.join(" · "))),
        Line::raw(""),
    ];
    if asking {
        lines.insert(0, Line::styled(i18n::t(language, "too-small-quit-discard"), theme.urgent()));
    }
    // Found on PostgreSQL (#15): with no status line, nothing said the
    // alerts below were read before the connection went.
    if matches!(state.live, Live::Reconnecting(_) | Live::Stopped(_)) {
        let at = lines.len() - 1;
        lines.insert(at, Line::styled(super::status::live_text(state), theme.urgent()));
    }
    match &state.board.board {
        Some(board) if board.attention.is_empty() => {
            lines.push(Line::styled(i18n::t(language, "too-small-nothing"), theme.good()))
        }
        Some(board) => {
            let total = board.attention.len();
            let first = state.urgent_scroll.min(total - 1);
            let mut heading = i18n::fmt(language, "too-small-attention", &[("count", total.into())]);
            if first > 0 {
                heading.push(' ');
                heading.push_str(&i18n::fmt(language, "too-small-above", &[("count", first.into())]));
            }
            lines.push(Line::styled(heading, theme.section()));
            for alert in board.attention.iter().skip(first) {
                let who = board.patient_for(alert.subject).map(ToString::to_string).unwrap_or_default();
                lines.push(Line::styled(fit(&format!("{} {who}", alert.severity.glyph()), width), theme.warning()));
                lines.push(Line::raw(fit(&format!("  {}", alert.message), width)));
            }
        }
        None => lines.push(Line::styled(i18n::t(language, "too-small-reading"), theme.dim())),
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
