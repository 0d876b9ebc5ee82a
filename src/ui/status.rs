//! The two bottom lines: key hints (or the latest notice), and who, where, when.

use super::theme::Theme;
use crate::app::State;
use crate::app::state::{Live, NoticeKind};
use crate::app::{keymap, router};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw_hints(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let line = match &state.notice {
        Some(notice) => {
            let (glyph, style) = match notice.kind {
                NoticeKind::Done => ("✓", theme.good()),
                NoticeKind::Problem => ("!", theme.urgent()),
            };
            let text = format!(" {glyph} {}", notice.text);
            frame.render_widget(Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: false }), area);
            return;
        }
        None => {
            let shown: Vec<&keymap::Binding> = keymap::hints(&router::scopes(state))
                .into_iter()
                .filter(|b| router::applies(state, b.scope, b.action))
                .collect();
            let shown = fitting(shown, usize::from(area.width));
            let mut spans = vec![Span::raw(" ")];
            for binding in shown {
                spans.push(Span::styled(hint_keys(binding), theme.key()));
                spans.push(Span::raw(format!(" {}  ", binding.hint.unwrap_or_default())));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The hints that fit `width` whole: when they do not all fit, the screen's
/// own last hints go first, then the list's; help and quit stay (found in
/// use: at 80 columns the Block tab's bar ended in a bare `q`). The help
/// lists every key.
fn fitting(mut shown: Vec<&keymap::Binding>, width: usize) -> Vec<&keymap::Binding> {
    let cells = |b: &[&keymap::Binding]| {
        1 + b.iter().map(|b| hint_keys(b).width() + 1 + b.hint.unwrap_or_default().width() + 2).sum::<usize>()
    };
    use keymap::Scope::{Global, List};
    while cells(&shown) > width {
        let own = shown.iter().rposition(|b| !matches!(b.scope, Global | List));
        let Some(i) = own.or_else(|| shown.iter().rposition(|b| b.scope == List)) else { break };
        shown.remove(i);
    }
    shown
}

/// Lines a notice takes at this width: one to three.
pub fn notice_rows(text: &str, width: u16) -> u16 {
    let cells = text.width() + 3;
    (cells.div_ceil(usize::from(width.max(1))) as u16).clamp(1, 3)
}

pub fn draw_status(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let live = match &state.live {
        Live::Starting => "○ live: starting".to_string(),
        Live::Watching => "● live".to_string(),
        Live::Stopped(why) => format!("✗ live refresh stopped ({why})"),
    };
    let clock = state.now.with_timezone(&state.zone).format("%a %d/%m %H:%M").to_string();
    let who = format!(
        " {} · {} ({})",
        state.actor.account,
        crate::domain::names::for_terminal(&state.actor.display_name),
        state.actor.role
    );
    let right = format!("{clock} · {live} ");
    let width = usize::from(area.width);
    let room = width.saturating_sub(who.width() + right.width() + 4);
    let database = super::fit(&state.database, room);
    let text = format!("{who} · {database:<room$} {right}");
    frame.render_widget(Paragraph::new(Line::styled(super::fit(&text, width), theme.status())), area);
}

/// The hint bar shows the first key only (the help lists them all);
/// `[`/`]` read better side by side as `[ ]`.
fn hint_keys(binding: &keymap::Binding) -> String {
    binding.keys.first().map(|k| k.label()).unwrap_or_default()
}
