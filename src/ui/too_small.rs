//! Below 80×24: say what size is needed, and still show what is most urgent.

use super::theme::Theme;
use super::{MIN_HEIGHT, MIN_WIDTH, fit};
use crate::app::State;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let width = usize::from(area.width);
    let mut lines = vec![
        Line::styled(
            format!("periop needs {MIN_WIDTH}×{MIN_HEIGHT}; this window is {}×{}.", area.width, area.height),
            theme.urgent(),
        ),
        Line::raw("Enlarge it for the full screen. q quits."),
        Line::raw(""),
    ];
    match &state.board.board {
        Some(board) if board.attention.is_empty() => {
            lines.push(Line::styled("✓ nothing needs attention", theme.good()))
        }
        Some(board) => {
            lines.push(Line::styled(format!("NEEDS ATTENTION ({})", board.attention.len()), theme.section()));
            for alert in &board.attention {
                let who = board.patient_for(alert.subject).map(ToString::to_string).unwrap_or_default();
                lines.push(Line::styled(fit(&format!("{} {who}", alert.severity.glyph()), width), theme.warning()));
                lines.push(Line::raw(fit(&format!("  {}", alert.message), width)));
            }
        }
        None => lines.push(Line::styled("reading the board…", theme.dim())),
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
