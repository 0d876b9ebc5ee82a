//! The two bottom lines: key hints (or the latest notice), and who, where, when.

use super::theme::Theme;
use crate::app::State;
use crate::app::state::{Live, NoticeKind};
use crate::app::{keymap, router};
use crate::domain::language::Language;
use crate::i18n;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn draw_hints(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let line = match &state.notice {
        Some(notice) => {
            let (glyph, style) = match notice.kind {
                NoticeKind::Done => ("✓", theme.good()),
                NoticeKind::Problem => ("!", theme.urgent()),
            };
            let lines: Vec<Line<'_>> =
                notice_lines(&notice.text, glyph, area.width).into_iter().map(|l| Line::styled(l, style)).collect();
            frame.render_widget(Paragraph::new(lines), area);
            return;
        }
        None => {
            let shown: Vec<&keymap::Binding> = keymap::hints(&router::scopes(state))
                .into_iter()
                .filter(|b| router::applies(state, b.scope, b.action))
                .collect();
            let language = state.language;
            let shown = fitting(shown, usize::from(area.width), language);
            let mut spans = vec![Span::raw(" ")];
            for binding in shown {
                spans.push(Span::styled(keymap::first_key(binding, language), theme.key()));
                spans.push(Span::raw(format!(" {}  ", binding.hint(language))));
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
fn fitting(mut shown: Vec<&keymap::Binding>, width: usize, language: Language) -> Vec<&keymap::Binding> {
    let cells = |b: &[&keymap::Binding]| {
        1 + b.iter().map(|b| keymap::first_key(b, language).width() + 1 + b.hint(language).width() + 2).sum::<usize>()
    };
    use keymap::Scope::{Global, List};
    while cells(&shown) > width {
        let own = shown.iter().rposition(|b| !matches!(b.scope, Global | List));
        let Some(i) = own.or_else(|| shown.iter().rposition(|b| b.scope == List)) else { break };
        shown.remove(i);
    }
    shown
}

/// A notice broken between words at `width`, after its glyph, what follows
/// indented under the text.
fn notice_lines(text: &str, glyph: &str, width: u16) -> Vec<String> {
    super::wrap(text, usize::from(width.max(8)) - 1, &format!(" {glyph} "), "   ")
}

/// Lines a notice takes at this width on a screen this high: all it needs
/// (issue 9: a move's message names the bed, the device and the fasting
/// times, and was cut after three lines), up to a third of the screen;
/// the body keeps the rest.
pub fn notice_rows(text: &str, width: u16, height: u16) -> u16 {
    let needed = notice_lines(text, "!", width).len();
    let most = usize::from((height / 3).max(3));
    needed.clamp(1, most) as u16
}

pub fn draw_status(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let language = state.language;
    let live = live_text(state);
    let local = state.now.with_timezone(&state.zone);
    // Dates dd/mm and times HH:MM in both languages; the day's name in the language.
    let clock = format!("{} {}", i18n::weekday(language, local.weekday()), local.format("%d/%m %H:%M"));
    let who = format!(
        " {} · {} ({})",
        state.actor.account,
        crate::domain::names::for_terminal(&state.actor.display_name),
        role_name(language, &state.actor.role)
    );
    let width = usize::from(area.width);
    // A long cause (the server's whole error while reconnecting) is cut
    // before the database's name is: which ward it is matters more, and the
    // log has the cause whole.
    let database_at_least = state.database.width().min(DATABASE_AT_LEAST);
    let live_room = width.saturating_sub(who.width() + clock.width() + database_at_least + 8);
    let live_room = live_room.max(LIVE_AT_LEAST);
    let live = if live.width() > live_room { super::fit(&live, live_room) } else { live };
    let right = format!("{clock} · {live} ");
    let room = width.saturating_sub(who.width() + right.width() + 4);
    let database = super::fit(&state.database, room);
    let text = format!("{who} · {database:<room$} {right}");
    frame.render_widget(Paragraph::new(Line::styled(super::fit(&text, width), theme.status())), area);
}

/// Whether other terminals' saves reach this one, in words (`● live`,
/// `○ connection lost, reconnecting (…)`).
pub fn live_text(state: &State) -> String {
    let language = state.language;
    match &state.live {
        Live::Starting => i18n::t(language, "status-live-starting").into_owned(),
        Live::Watching => i18n::t(language, "status-live").into_owned(),
        Live::Stopped(why) => i18n::fmt(language, "status-live-stopped", &[("why", why.as_str().into())]),
        Live::Reconnecting(why) => i18n::fmt(language, "status-live-reconnecting", &[("why", why.as_str().into())]),
    }
}

/// Cells of the database's name kept on the status line before the live
/// state's cause is cut; and the live state's least (its glyph and first words).
const DATABASE_AT_LEAST: usize = 24;
const LIVE_AT_LEAST: usize = 10;

/// A stored role code (`read_only`) as the language names it; a code the
/// catalogues do not know (an old file's `surgeon`) as it is.
pub(crate) fn role_name(language: Language, code: &str) -> String {
    let id = format!("role-{}", code.replace('_', "-"));
    if i18n::has(language, &id) { i18n::t(language, &id).into_owned() } else { code.to_string() }
}

#[cfg(test)]
mod tests {
    /// Issue 9: a long confirmation (a move naming the bed, a device and the
    /// fasting times) takes the lines it needs, not three.
    #[test]
    fn a_long_notice_gets_the_lines_it_needs() {
        let text = "word ".repeat(100);
        assert_eq!(super::notice_rows("saved", 80, 24), 1);
        assert_eq!(super::notice_rows(&text, 80, 24), 7);
        assert_eq!(super::notice_rows(&text, 80, 12), 4, "at most a third of the screen");
    }
}
