//! R-PRIV-2: the idle lock. After `cfg ui.idle_lock_min` without a key,
//! nothing that names a patient is drawn (no name, birth date or hospital
//! number): only counts, the clock and who is logged in. Any key unlocks.

use super::theme::Theme;
use crate::app::State;
use crate::i18n;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let language = state.language;
    let local = state.now.with_timezone(&state.zone);
    let minutes = [("minutes", state.idle_lock.num_minutes().into())];
    let mut lines = vec![
        Line::styled(format!(" {}", i18n::t(language, "locked-title")), theme.title()),
        Line::raw(""),
        Line::raw(format!("   {}", i18n::fmt(language, "locked-why", &minutes))),
        Line::raw(""),
        Line::styled(
            format!("   {} {}", i18n::weekday_long(language, local.weekday()), local.format("%d/%m/%Y  %H:%M")),
            theme.section(),
        ),
        Line::raw(""),
    ];
    match &state.board.board {
        Some(board) => {
            let f = &board.facts;
            let counts = [
                ("day", board.day.format("%d/%m").to_string().into()),
                ("arrivals", f.arrivals.len().into()),
                ("procedures", f.procedures.len().into()),
                ("departures", f.departures.len().into()),
                ("attention", board.attention.len().into()),
            ];
            lines.push(Line::raw(format!("   {}", i18n::fmt(language, "locked-counts", &counts))));
        }
        None => lines.push(Line::raw(format!("   {}", i18n::t(language, "locked-not-read")))),
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(format!("   {}", i18n::t(language, "locked-press")), theme.key()));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "   {} · {} ({})",
            state.actor.account,
            crate::domain::names::for_terminal(&state.actor.display_name),
            super::status::role_name(language, &state.actor.role)
        ),
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), area);
}
