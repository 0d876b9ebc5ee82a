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

pub fn draw(frame: &mut Frame<'_>, area: Rect, form: &Form, theme: &Theme, language: Language) {
    let width = area.width.min(90);
    let label_width =
        form.fields.iter().map(|f| unicode_width::UnicodeWidthStr::width(f.label.as_ref())).max().unwrap_or(0) + 2;
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
        let mut spans = vec![
            Span::styled(format!("{marker}{star}{}", super::fit(&field.label, label_width)), theme.key()),
            Span::styled(shown, value_style),
        ];
        // Empty required fields are only nagged about once the user has typed something.
        if let Some(problem) = field.problem()
            && (form.dirty || !field.value.is_empty())
            && (!field.value.trim().is_empty() || form.error.is_some())
        {
            spans.push(Span::styled(format!("  ! {problem}"), theme.warning()));
        }
        // R-AUDIT-2: someone saved first; what is stored now, beside the typing.
        if let Some((_, theirs)) = form.theirs.iter().find(|(key, _)| *key == field.key) {
            let theirs = match &field.kind {
                Kind::Pick(choices) => {
                    choices.iter().find(|c| c.code == *theirs).map_or_else(|| theirs.clone(), |c| c.label.clone())
                }
                _ => theirs.clone(),
            };
            let now_stored = i18n::fmt(language, "form-now-stored", &[("value", theirs.into())]);
            spans.push(Span::styled(format!("  {now_stored}"), theme.urgent()));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    // Found in use (#8): a refusal of two lines wrapped under the border and,
    // counted as one, made the form taller than the window. Wrapped here,
    // indented, and counted line by line.
    if let Some(error) = &form.error {
        let inner = usize::from(width.saturating_sub(2));
        let lead = format!(" ! {} ", i18n::t(language, "form-not-saved"));
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
    let fields = form.fields.len();
    let footer = lines.len() - header - fields;
    let room = usize::from(area.height).saturating_sub(2 + header + footer).max(1);
    let mut title = format!(" {} ", form.title);
    if fields > room {
        let first = form.focus.saturating_sub(room - 1).min(fields - room);
        lines.drain(header + first + room..header + fields);
        lines.drain(header..header + first);
        let shown = i18n::fmt(
            language,
            "form-fields-shown",
            &[("first", (first + 1).into()), ("last", (first + room).into()), ("count", fields.into())],
        );
        title = format!(" {} {shown} ", form.title);
    }
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner_width).max(1)).sum();
    let height = (rows as u16 + 2).min(area.height);
    let [row] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(row);
    let block = Block::bordered().title(title).border_style(theme.key());
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), rect);
}
