//! A form in a box over the screen: one line per field, its problem beside it.

use super::theme::Theme;
use crate::app::form::{Form, Kind};
use crate::app::keymap::{self, Scope};
use crate::domain::language::Language;
use crate::i18n;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame<'_>, area: Rect, form: &Form, theme: &Theme, language: Language) {
    let width = area.width.min(90);
    let label_width = form.fields.iter().map(|f| f.label.width()).max().unwrap_or(0) + 2;
    let mut lines = Vec::new();
    if let Some(subtitle) = &form.subtitle {
        lines.push(Line::styled(format!(" {subtitle}"), theme.section()));
        lines.push(Line::raw(""));
    }
    if let Some(warning) = &form.warning {
        let inner = usize::from(width.saturating_sub(2));
        for line in super::wrap(warning, inner, " ! ", "   ") {
            lines.push(Line::styled(line, theme.warning()));
        }
        lines.push(Line::raw(""));
    }
    let header = lines.len();
    let inner = usize::from(width.saturating_sub(2)).max(1);
    // Each field's lines: its label and value, then what is wrong with it.
    let mut field_lines: Vec<Vec<Line<'static>>> = Vec::new();
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let marker = if focused { "▶" } else { " " };
        let star = if field.required { "*" } else { " " };
        let shown = if focused && field.is_typed() {
            // The cursor where typing goes (←/→ move it).
            let at = field.value.char_indices().nth(field.cursor).map_or(field.value.len(), |(b, _)| b);
            format!("{}▏{}", &field.value[..at], &field.value[at..])
        } else {
            field.shown()
        };
        let value_style = if focused { theme.selected() } else { ratatui::style::Style::new() };
        let head = format!("{marker}{star}{}", super::fit(&field.label, label_width));
        let head_width = head.width();
        let spans = vec![Span::styled(head, theme.key()), Span::styled(shown, value_style)];
        let mut notes = Vec::new();
        // Empty required fields are only nagged about once the user has typed something.
        if let Some(problem) = field.problem()
            && (form.dirty || !field.value.is_empty())
            && (!field.value.trim().is_empty() || form.error.is_some())
        {
            notes.push((format!("! {problem}"), theme.warning()));
        }
        // R-AUDIT-2: someone saved first; what is stored now, beside the typing.
        if let Some((_, theirs)) = form.theirs.iter().find(|(key, _)| *key == field.key) {
            let theirs = match &field.kind {
                Kind::Pick(choices) => {
                    choices.iter().find(|c| c.code == *theirs).map_or_else(|| theirs.clone(), |c| c.label.clone())
                }
                _ => theirs.clone(),
            };
            notes.push((i18n::fmt(language, "form-now-stored", &[("value", theirs.into())]), theme.urgent()));
        }
        field_lines.push(field_with_notes(spans, head_width, notes, inner));
    }
    lines.push(Line::raw(""));
    // Found in use (#8): a refusal of two lines wrapped under the border and,
    // counted as one, made the form taller than the window. Wrapped here,
    // indented, and counted line by line.
    if let Some(error) = &form.error {
        let inner = usize::from(width.saturating_sub(2));
        let lead = if form.maybe_saved { "form-maybe-saved" } else { "form-not-saved" };
        let lead = format!(" ! {} ", i18n::t(language, lead));
        for line in super::wrap(error, inner, &lead, "   ") {
            lines.push(Line::styled(line, theme.urgent()));
        }
    }
    if form.confirm_discard && form.quit_after_discard {
        lines.push(Line::styled(format!(" {}", i18n::t(language, "form-quit-discard")), theme.urgent()));
    } else if form.confirm_discard {
        lines.push(Line::styled(format!(" {}", i18n::t(language, "form-discard")), theme.urgent()));
    } else {
        let mut spans = vec![Span::raw(" ")];
        for b in keymap::hints(&[Scope::Form]) {
            spans.push(Span::styled(keymap::first_key(b, language), theme.key()));
            spans.push(Span::raw(format!(" {}  ", b.hint(language))));
        }
        lines.push(Line::from(spans));
    }
    // A form taller than the window shows the fields around the one typed
    // in (the header and the keys stay), and says which ones it shows.
    let footer = lines.len() - header;
    let rows = |ls: &[Line<'_>]| -> usize { ls.iter().map(|l| l.width().div_ceil(inner).max(1)).sum() };
    let room = usize::from(area.height).saturating_sub(2 + header + footer).max(1);
    let heights: Vec<usize> = field_lines.iter().map(|f| rows(f)).collect();
    let fields = field_lines.len();
    let (first, last) = window(&heights, form.focus, room);
    let mut title = format!(" {} ", form.title);
    if (first, last) != (0, fields) {
        let shown = i18n::fmt(
            language,
            "form-fields-shown",
            &[("first", (first + 1).into()), ("last", last.into()), ("count", fields.into())],
        );
        title = format!(" {} {shown} ", form.title);
    }
    let shown: Vec<Line<'static>> = field_lines.drain(first..last).flatten().collect();
    lines.splice(header..header, shown);
    let height = (rows(&lines) as u16 + 2).min(area.height);
    let [row] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(row);
    let block = Block::bordered().title(title).border_style(theme.key());
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), rect);
}

/// A field's line, with its notes (its problem, what someone else stored)
/// beside the value when they fit, else each on lines of its own under the
/// value, wrapped in the value's column: never under the labels (found by
/// the French tester, issue 14: a long refusal wrapped to the left edge).
fn field_with_notes(
    mut spans: Vec<Span<'static>>,
    head_width: usize,
    notes: Vec<(String, ratatui::style::Style)>,
    inner: usize,
) -> Vec<Line<'static>> {
    let line_width: usize = spans.iter().map(|s| s.content.width()).sum();
    let beside: usize = notes.iter().map(|(text, _)| 2 + text.width()).sum();
    if line_width + beside <= inner {
        spans.extend(notes.into_iter().map(|(text, style)| Span::styled(format!("  {text}"), style)));
        return vec![Line::from(spans)];
    }
    // The value's column, unless that leaves the note too narrow to read.
    let column = head_width.min(inner.saturating_sub(24));
    let pad = " ".repeat(column);
    let mut out = Vec::new();
    // A value longer than its column (a case described in full) wraps in it too.
    match spans.pop() {
        Some(value) if line_width > inner && column == head_width => {
            for (i, part) in super::wrap(&value.content, inner - column, "", "").into_iter().enumerate() {
                let lead = if i == 0 { spans[0].clone() } else { Span::raw(pad.clone()) };
                out.push(Line::from(vec![lead, Span::styled(part, value.style)]));
            }
        }
        Some(value) => {
            spans.push(value);
            out.push(Line::from(spans));
        }
        None => {}
    }
    for (text, style) in notes {
        for part in super::wrap(&text, inner - column, "", "  ") {
            out.push(Line::from(vec![Span::raw(pad.clone()), Span::styled(part, style)]));
        }
    }
    out
}

/// The fields to show, `first..last`, when they are `heights` rows tall and
/// `room` rows are free: all when they fit; else the one in `focus`, those
/// before it that fit, then those after.
fn window(heights: &[usize], focus: usize, room: usize) -> (usize, usize) {
    if heights.iter().sum::<usize>() <= room || heights.is_empty() {
        return (0, heights.len());
    }
    let focus = focus.min(heights.len() - 1);
    let (mut first, mut last, mut used) = (focus, focus + 1, heights[focus]);
    while first > 0 && used + heights[first - 1] <= room {
        first -= 1;
        used += heights[first];
    }
    while last < heights.len() && used + heights[last] <= room {
        used += heights[last];
        last += 1;
    }
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::window;

    /// One row a field: the window ends at the field typed in, as before
    /// refusals could take rows of their own.
    #[test]
    fn the_window_keeps_the_field_typed_in() {
        assert_eq!(window(&[1; 5], 2, 10), (0, 5));
        assert_eq!(window(&[1; 10], 0, 4), (0, 4));
        assert_eq!(window(&[1; 10], 6, 4), (3, 7));
        assert_eq!(window(&[1; 10], 9, 4), (6, 10));
        // A field with a refusal of three rows takes them from the others.
        assert_eq!(window(&[1, 1, 4, 1, 1], 2, 5), (1, 3));
        assert_eq!(window(&[1, 1, 1, 1, 1], 4, 0), (4, 5));
    }
}
