//! Below 80×24: say what size is needed, and still show what is most urgent.
//! Only what this screen shows acts: scrolling the list, help, quit.

use super::theme::Theme;
use super::{MIN_HEIGHT, MIN_WIDTH, fit};
use crate::app::State;
use crate::app::keymap::{self, Scope};
use crate::app::state::Mode;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let width = usize::from(area.width);
    let keys: Vec<String> = keymap::hints(&[Scope::TooSmall])
        .iter()
        .map(|b| format!("{} {}", b.keys.first().map(|k| k.label()).unwrap_or_default(), b.hint.unwrap_or(b.help)))
        .collect();
    let asking = matches!(&state.mode, Mode::Form(open) if open.form.quit_after_discard);
    let mut lines = vec![
        Line::styled(
            format!("periop needs {MIN_WIDTH}×{MIN_HEIGHT}; this window is {}×{}.", area.width, area.height),
            theme.urgent(),
        ),
        Line::raw(format!("Enlarge it for the full screen. {}", keys.join(" · "))),
        Line::raw(""),
    ];
    if asking {
        lines.insert(
            0,
            Line::styled("Quit and throw away what you typed? y quit, any other key: keep it", theme.urgent()),
        );
    }
    match &state.board.board {
        Some(board) if board.attention.is_empty() => {
            lines.push(Line::styled("✓ nothing needs attention", theme.good()))
        }
        Some(board) => {
            let total = board.attention.len();
            let first = state.urgent_scroll.min(total - 1);
            let above = if first > 0 { format!(" ↑ {first} above") } else { String::new() };
            lines.push(Line::styled(format!("NEEDS ATTENTION ({total}){above}"), theme.section()));
            for alert in board.attention.iter().skip(first) {
                let who = board.patient_for(alert.subject).map(ToString::to_string).unwrap_or_default();
                lines.push(Line::styled(fit(&format!("{} {who}", alert.severity.glyph()), width), theme.warning()));
                lines.push(Line::raw(fit(&format!("  {}", alert.message), width)));
            }
        }
        None => lines.push(Line::styled("reading the board…", theme.dim())),
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
