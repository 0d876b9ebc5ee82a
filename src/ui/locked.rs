//! R-PRIV-2: the idle lock. After `cfg ui.idle_lock_min` without a key,
//! nothing that names a patient is drawn (no name, birth date or hospital
//! number): only counts, the clock and who is logged in. Any key unlocks.

use super::theme::Theme;
use crate::app::State;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let local = state.now.with_timezone(&state.zone);
    let mut lines = vec![
        Line::styled(" periop · screen locked", theme.title()),
        Line::raw(""),
        Line::raw(format!(
            "   No key for {} min: patients' names are hidden (R-PRIV-2).",
            state.idle_lock.num_minutes()
        )),
        Line::raw(""),
        Line::styled(format!("   {}", local.format("%A %d/%m/%Y  %H:%M")), theme.section()),
        Line::raw(""),
    ];
    match &state.board.board {
        Some(board) => {
            let f = &board.facts;
            lines.push(Line::raw(format!(
                "   {}: {} arriving · {} procedures · {} leaving · {} need attention",
                board.day.format("%d/%m"),
                f.arrivals.len(),
                f.procedures.len(),
                f.departures.len(),
                board.attention.len()
            )));
        }
        None => lines.push(Line::raw("   (the board is not read yet)")),
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("   Press any key to show the screen again.", theme.key()));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "   {} · {} ({})",
            state.actor.account,
            crate::domain::names::for_terminal(&state.actor.display_name),
            state.actor.role
        ),
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), area);
}
