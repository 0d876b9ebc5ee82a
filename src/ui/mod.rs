//! Drawing only: a pure function of the state. No decisions, no SQL.

mod admin;
mod admissions;
mod anaesthesia;
mod audit;
mod beds;
mod block;
mod board;
pub mod charset;
mod complications;
mod detail;
mod form;
mod hexapod;
mod locked;
mod ossification;
mod overlays;
mod rounds;
mod status;
mod stock;
pub mod theme;
mod too_small;

use crate::app::State;
use crate::app::state::{Mode, Tab};
use crate::domain::language::Language;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use theme::Theme;

/// The smallest screen the full layout fits (DESIGN.md, "The screen").
pub use crate::app::{MIN_HEIGHT, MIN_WIDTH};

/// French typography's no-break space (before `:` `;` `!` `?` `%`, inside
/// « »): never a place to break a line.
const NBSP: char = '\u{a0}';

/// Rows the body of a screen of this size shows (for page up/down).
pub fn body_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(4))
}

pub fn draw(frame: &mut Frame<'_>, state: &State, theme: &Theme) {
    // Every word below in the screen's language (`tr!` reads it).
    let _language = crate::i18n::scope(state.language);
    let area = frame.area();
    if state.locked {
        locked::draw(frame, area, state, theme);
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT || state.too_small {
        too_small::draw(frame, area, state, theme);
        if state.help.is_some() {
            overlays::help(frame, area, state, theme);
        }
        return;
    }
    // A notice longer than the line (a refusal that says what to do, a
    // move's message) gets the lines it needs, up to a third of the screen.
    let hint_rows = state.notice.as_ref().map_or(1, |n| status::notice_rows(&n.text, area.width, area.height));
    let [tabs, body, hints, status_line] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(hint_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_tabs(frame, tabs, state, theme);
    match state.tab {
        Tab::Board => board::draw(frame, body, state, theme),
        Tab::Admissions => admissions::draw(frame, body, state, theme),
        Tab::Beds => beds::draw(frame, body, state, theme),
        Tab::Anaesthesia => anaesthesia::draw(frame, body, state, theme),
        Tab::Audit => audit::draw(frame, body, state, theme),
        Tab::Rounds => rounds::draw(frame, body, state, theme),
        Tab::Block => block::draw(frame, body, state, theme),
        Tab::Stock => stock::draw(frame, body, state, theme),
        Tab::Admin => admin::draw(frame, body, state, theme),
    }
    status::draw_hints(frame, hints, state, theme);
    status::draw_status(frame, status_line, state, theme);
    match &state.mode {
        Mode::Dialog(dialog) => overlays::dialog(frame, area, dialog, theme, state.language),
        Mode::Form(open) => form::draw(frame, area, &open.form, theme, state.language),
        Mode::Normal | Mode::Filter => {}
    }
    if state.help.is_some() {
        overlays::help(frame, area, state, theme);
    }
}

fn draw_tabs(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    use unicode_width::UnicodeWidthStr;
    let tabs: Vec<(usize, Tab)> =
        Tab::ALL.iter().copied().enumerate().filter(|(_, t)| state.tabs().contains(t)).collect();
    let width = usize::from(area.width);
    let language = state.language;
    let wide: usize =
        8 + tabs.iter().map(|(i, t)| format!("  {} {} ", i + 1, t.title_in(language)).width()).sum::<usize>();
    // Every tab stays in sight: on a narrow screen the name and the gaps go
    // first (one space between tabs, none inside), then the other tabs'
    // names are shortened (the one shown keeps its name).
    let roomy = wide <= width;
    let tight: usize = tabs.iter().map(|(i, t)| format!(" {} {}", i + 1, t.title_in(language)).width()).sum();
    let short = !roomy && tight > width;
    let mut spans = if roomy { vec![Span::styled(" periop ", theme.title())] } else { Vec::new() }; // i18n: the program's name
    for (i, tab) in tabs {
        let title = if short && tab != state.tab { tab.short_title_in(language) } else { tab.title_in(language) };
        let text = if roomy { format!(" {} {title} ", i + 1) } else { format!("{} {title}", i + 1) };
        let style = if tab == state.tab { theme.tab_active() } else { theme.tab() };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(text, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// One selectable row of a list: the `▶` marker and the selection style when
/// selected (a glyph as well as a style: never colour alone).
pub(crate) fn row_line(text: &str, width: usize, selected: bool, style: Style, theme: &Theme) -> Line<'static> {
    let marker = if selected { " ▶ " } else { "   " };
    let style = if selected { theme.selected() } else { style };
    Line::styled(format!("{marker}{}", fit(text, width.saturating_sub(3))), style)
}

/// Draws a list screen: the first `header` lines stay put, the rest scrolls
/// to keep `selected_line` (counted after the header) in view. `full` is the
/// selected row's whole text: when the row had to be cut, it is shown on
/// the last lines, so nothing is out of reach at 80 columns.
#[allow(clippy::too_many_arguments)]
pub(crate) fn draw_list(
    frame: &mut Frame<'_>,
    area: Rect,
    lines: Vec<Line<'static>>,
    header: usize,
    selected_line: Option<usize>,
    full: Option<String>,
    theme: &Theme,
    language: Language,
) {
    draw_list_foot(frame, area, lines, header, selected_line, full, false, theme, language);
}

/// [`draw_list`], with the selected row whole at the foot also when it fits
/// the width but a column cut part of it (`cut`: a long bed label).
#[allow(clippy::too_many_arguments)]
pub(crate) fn draw_list_foot(
    frame: &mut Frame<'_>,
    area: Rect,
    mut lines: Vec<Line<'static>>,
    header: usize,
    selected_line: Option<usize>,
    full: Option<String>,
    cut: bool,
    theme: &Theme,
    language: Language,
) {
    use unicode_width::UnicodeWidthStr;
    let width = usize::from(area.width).max(1);
    let full = full.map(|t| t.trim().to_string()).filter(|t| cut || t.width() + 3 > width);
    let footer = full.as_ref().map_or(0, |t| t.width().div_ceil(width).min(3));
    let height = usize::from(area.height).saturating_sub(header + footer);
    let body = lines.split_off(header.min(lines.len()));
    lines.extend(window(body, selected_line, height, theme, language));
    if let Some(text) = full {
        while lines.len() < header + height {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(text, theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }), area);
}

/// `filter: text▏` for a list's header: the cursor while typing.
pub(crate) fn filter_text(state: &State, text: &str) -> String {
    let cursor = if state.mode == Mode::Filter { "▏" } else { "" };
    if text.is_empty() && cursor.is_empty() {
        String::new()
    } else {
        crate::i18n::fmt(state.language, "list-filter", &[("text", format!("{text}{cursor}").into())])
    }
}

/// `04:00 (in 1 h 20)` or `04:00 (passed)`: a time the ward counts down to.
/// Redrawn at each minute by the clock tick.
pub(crate) fn countdown(
    at: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
    zone: chrono_tz::Tz,
) -> String {
    let clock = crate::domain::ward_time::clock_text(at, zone);
    let minutes = (at - now).num_minutes();
    let clock = clock.as_str();
    match minutes {
        m if m < 0 => tr!("admin-countdown-passed", clock = clock),
        m if m < 60 => tr!("admin-countdown-minutes", clock = clock, minutes = m.to_string()),
        m => tr!(
            "admin-countdown-hours",
            clock = clock,
            hours = (m / 60).to_string(),
            minutes = format!("{:02}", m % 60)
        ),
    }
    .into_owned()
}

/// Cuts `text` to `width` terminal cells, marking the cut with `…`, and pads
/// it to exactly `width` cells. Measured in cells, not characters, so
/// combining accents take none and CJK takes two: columns stay straight.
pub(crate) fn fit(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let text = &*crate::domain::names::for_terminal(text);
    let cells = text.width();
    if cells <= width {
        return format!("{text}{}", " ".repeat(width - cells));
    }
    if width == 0 {
        return String::new();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        cut.push(c);
        used += w;
    }
    cut.push('…');
    used += 1;
    cut.push_str(&" ".repeat(width - used));
    cut
}

/// `text` broken between words into lines of at most `width` cells, the
/// first starting with `first`, the others with `indent` (a word longer
/// than a line is cut with `…`). A no-break space (French `lit\u{a0}:`)
/// holds its words together, as ratatui's own wrapping does.
pub(crate) fn wrap(text: &str, width: usize, first: &str, indent: &str) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(first.width().max(indent.width()) + 1);
    let mut lines = vec![first.to_string()];
    let mut fresh = true;
    let words = text.split(|c: char| c.is_whitespace() && c != NBSP).filter(|w| !w.is_empty());
    for word in words {
        let line = lines.last_mut().expect("one line at least");
        let gap = usize::from(!fresh);
        if !fresh && line.width() + gap + word.width() > width {
            lines.push(format!("{indent}{word}"));
        } else {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
        }
        fresh = false;
    }
    lines.into_iter().map(|l| if l.width() > width { fit(&l, width).trim_end().to_string() } else { l }).collect()
}

/// The width in cells of a column of `labels` (bed labels): the longest
/// and one blank, at least `min`, at most `cap` (the whole label is then
/// at the foot of the list for the selected row). Found in use (#8): the
/// bed column was fixed at a few cells, so `Box 12A` and `Box 12B` both
/// read `Box …`, even at 160 columns.
pub(crate) fn label_column<'a>(labels: impl Iterator<Item = &'a str>, min: usize, cap: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    labels.map(|l| l.width() + 1).max().unwrap_or(0).clamp(min, cap.max(min))
}

/// Whether `text` is cut in a column `width` cells wide ([`column`]).
pub(crate) fn is_cut(text: &str, width: usize) -> bool {
    unicode_width::UnicodeWidthStr::width(text) > width.saturating_sub(1)
}

/// A column `width` cells wide: the text cut to leave one blank before the
/// next column, so a long name never runs into it.
pub(crate) fn column(text: &str, width: usize) -> String {
    format!("{} ", fit(text, width.saturating_sub(1)))
}

/// The part of `lines` that fits `height`, scrolled so the `selected` line
/// stays in view, with a note on the first or last line when more is hidden.
pub(crate) fn window<'a>(
    lines: Vec<Line<'a>>,
    selected: Option<usize>,
    height: usize,
    theme: &Theme,
    language: Language,
) -> Vec<Line<'a>> {
    let total = lines.len();
    if total <= height {
        return lines;
    }
    let offset = scroll_offset(selected, total, height);
    let mut shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    let below = total - offset - shown.len();
    if offset > 0 && selected != Some(offset) {
        let more = crate::i18n::fmt(language, "list-more-above", &[("count", offset.into())]);
        shown[0] = Line::styled(format!("   {more}"), theme.dim());
    }
    if below > 0
        && let Some(last) = shown.last_mut()
        && selected != Some(offset + height - 1)
    {
        let more = crate::i18n::fmt(language, "list-more-below", &[("count", (below + 1).into())]);
        *last = Line::styled(format!("   {more}"), theme.dim());
    }
    shown
}

/// The first line to show so that `selected` stays in view with some context.
fn scroll_offset(selected: Option<usize>, total: usize, height: usize) -> usize {
    let Some(line) = selected else { return 0 };
    if height == 0 || total <= height {
        return 0;
    }
    let margin = 2.min(height / 4);
    let max_offset = total - height;
    line.saturating_sub(height.saturating_sub(1 + margin)).min(max_offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn wrap_breaks_between_words_and_indents_what_follows() {
        let lines = wrap("hospital number H1: already registered with a different name", 30, " ! not saved: ", "   ");
        assert_eq!(lines, [" ! not saved: hospital number", "   H1: already registered with", "   a different name"]);
    }

    /// French typography (issue 14): a no-break space before `:` keeps the
    /// colon on its word's line, and is kept; no line starts with `:`.
    #[test]
    fn wrap_never_breaks_at_a_no_break_space() {
        assert_eq!(wrap("lot A\u{a0}: abcdef", 6, "", ""), ["lot", "A\u{a0}:", "abcdef"]);
    }

    #[test]
    fn fit_measures_cells_so_accents_and_cjk_keep_columns_straight() {
        use unicode_width::UnicodeWidthStr;
        for name in ["MARTIN Claire", "HÉLÈNE Noël", "He\u{301}le\u{300}ne", "山田 太郎", "ÇA-Ñ"] {
            for width in 0..16 {
                let cut = fit(name, width);
                assert_eq!(cut.width(), width, "{name:?} in {width} cells gave {cut:?}");
            }
        }
        assert_eq!(fit("山田 太郎", 6), "山田 …");
        assert_eq!(fit("Noël", 6), "Noël  ");
    }

    #[test]
    fn r_fast_1_fasting_times_count_down_in_ward_time() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap();
        let zone = chrono_tz::Europe::Paris;
        assert_eq!(countdown(now + chrono::Duration::minutes(80), now, zone), "10:50 (in 1 h 20)");
        assert_eq!(countdown(now + chrono::Duration::minutes(5), now, zone), "09:35 (in 5 min)");
        assert_eq!(countdown(now - chrono::Duration::minutes(1), now, zone), "09:29 (passed)");
    }
}
