//! Boxes drawn over the screen: the help (from the keymap) and confirmations.

use super::theme::Theme;
use crate::app::State;
use crate::app::keymap::{self, BINDINGS, Scope};
use crate::app::router;
use crate::app::state::Dialog;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))]).flex(Flex::Center).areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))]).flex(Flex::Center).areas(row);
    cell
}

/// The status glyphs, so a word or mark never has to be guessed (every
/// status carries one: DESIGN.md, the screen).
const LEGEND: &[(&str, &str)] = &[
    ("▶", "selected"),
    ("✓", "ready, done"),
    ("!", "at risk, warning"),
    ("!!", "urgent"),
    ("✗", "not ready, cancelled, closed"),
    ("·", "planned, free"),
    ("→", "ready to go"),
    ("↷", "postponed"),
    ("◉", "in the room"),
    ("◆", "reserved"),
    ("●", "occupied; live"),
    ("~", "to clean"),
    ("i", "for information"),
];

/// The keys of what is under the help (the screen, or the box open on it),
/// straight from the table that dispatches them (a key that cannot act now
/// is greyed); then the keys of filters, forms and confirmations, and the
/// glyph legend. In two columns when that fits, else one that scrolls.
pub fn help(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let mut scopes: Vec<Scope> = router::under_help(state).into_iter().flat_map(|l| l.scopes()).collect();
    scopes.push(Scope::Anywhere);
    let mut entries: Vec<HelpEntry> = Vec::new();
    for scope in &scopes {
        let bindings: Vec<_> = BINDINGS.iter().filter(|b| b.scope == *scope).collect();
        if bindings.is_empty() {
            continue;
        }
        entries.push(HelpEntry::Title(scope.title()));
        for b in bindings {
            let on = router::applies(state, b.scope, b.action);
            entries.push(HelpEntry::Key { keys: keys_for(b, state), help: b.help, on });
        }
    }
    let mut footer: Vec<String> = [Scope::Filter, Scope::Form, Scope::Dialog]
        .iter()
        .filter(|scope| !scopes.contains(scope))
        .map(|scope| {
            let keys: Vec<String> = BINDINGS
                .iter()
                .filter(|b| b.scope == *scope && b.hint.is_some())
                .map(|b| {
                    format!("{} {}", b.keys.first().map(|k| k.label()).unwrap_or_default(), b.hint.unwrap_or(b.help))
                })
                .collect();
            format!("{}: {}", scope.title(), keys.join(" · "))
        })
        .collect();
    let legend: Vec<String> = LEGEND.iter().map(|(glyph, words)| format!("{glyph} {words}")).collect();
    footer.push(format!("Marks: {}", legend.join(" · ")));

    let width = area.width.min(100);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let inner_height = usize::from(area.height.saturating_sub(2)).max(1);
    let footer_rows: usize = footer.iter().map(|l| l.width().div_ceil(inner_width).max(1)).sum();
    // Found in use (#8): at 80 columns descriptions were cut ("add to the
    // list shown (st…"); each now wraps under itself in its column's width.
    let lines: Vec<Line<'static>> = help_lines(&entries, inner_width, theme).into_iter().map(|(l, _)| l).collect();
    let (left, right) = split_columns(help_lines(&entries, inner_width / 2, theme));
    let two_columns = inner_width >= 76 && left.len() + footer_rows <= inner_height;
    let block = Block::bordered().border_style(theme.key());
    if lines.len() + footer_rows <= inner_height || two_columns {
        let one = lines.len() + footer_rows <= inner_height;
        let body_rows = if one { lines.len() } else { left.len() };
        let rect = centered(area, width, (body_rows + footer_rows) as u16 + 2);
        frame.render_widget(Clear, rect);
        let inner = block.clone().inner(rect);
        frame.render_widget(block.title(" Keys · ? or Esc closes "), rect);
        let [columns, foot] = Layout::vertical([Constraint::Length(body_rows as u16), Constraint::Min(0)]).areas(inner);
        let footer_lines: Vec<Line> = footer.into_iter().map(Line::raw).collect();
        frame.render_widget(Paragraph::new(footer_lines).wrap(Wrap { trim: false }), foot);
        let cut = |lines: Vec<Line<'static>>, w: u16| -> Vec<Line<'static>> {
            lines.into_iter().map(|l| cut_line(l, usize::from(w))).collect()
        };
        if one {
            frame.render_widget(Paragraph::new(cut(lines, columns.width)), columns);
        } else {
            let half = u16::try_from(inner_width / 2).unwrap_or(u16::MAX);
            let [l, r] = Layout::horizontal([Constraint::Length(half), Constraint::Min(0)]).areas(columns);
            frame.render_widget(Paragraph::new(cut(left, l.width)), l);
            frame.render_widget(Paragraph::new(cut(right, r.width)), r);
        }
        return;
    }
    // Taller than the window: one column that scrolls (j/k, PgDn/PgUp).
    let mut all: Vec<Line<'static>> = lines.into_iter().map(|l| cut_line(l, inner_width)).collect();
    for text in footer {
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let (piece, tail) = split_at_width(rest, inner_width);
            all.push(Line::raw(piece.to_string()));
            rest = tail;
        }
    }
    let first = state.help.unwrap_or(0).min(all.len().saturating_sub(inner_height));
    let shown: Vec<Line> = all.iter().skip(first).take(inner_height).cloned().collect();
    let more = all.len().saturating_sub(first + inner_height);
    let title = match (first, more) {
        (0, m) => format!(" Keys · ↓ {m} more (j) · ? or Esc closes "),
        (f, 0) => format!(" Keys · ↑ {f} above (k) · ? or Esc closes "),
        (f, m) => format!(" Keys · ↑ {f} (k) ↓ {m} (j) · Esc closes "),
    };
    let rect = centered(area, width, area.height);
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(shown).block(block.title(title)), rect);
}

/// One line of the help before it is laid out: a scope's title or a key.
enum HelpEntry {
    Title(&'static str),
    Key { keys: String, help: &'static str, on: bool },
}

/// The cells of the help's key column (one blank before, one after).
const KEY_WIDTH: usize = 12;

/// The help's lines for a column `width` cells wide: each description
/// wraps between words under itself. Each line says whether it begins an
/// entry (a column break goes only there).
fn help_lines(entries: &[HelpEntry], width: usize, theme: &Theme) -> Vec<(Line<'static>, bool)> {
    let mut out = Vec::new();
    let indent = " ".repeat(KEY_WIDTH + 1);
    for entry in entries {
        match entry {
            HelpEntry::Title(title) => out.push((Line::styled(*title, theme.section()), true)),
            HelpEntry::Key { keys, help, on } => {
                let (key_style, text_style) =
                    if *on { (theme.key(), Style::new()) } else { (theme.dim(), theme.dim()) };
                let keys = format!(" {}", super::column(keys, KEY_WIDTH));
                let text = super::wrap(help, width.max(KEY_WIDTH + 12), &indent, &indent);
                for (i, piece) in text.into_iter().enumerate() {
                    let piece = piece[indent.len()..].to_string();
                    let lead = if i == 0 { Span::styled(keys.clone(), key_style) } else { Span::raw(indent.clone()) };
                    out.push((Line::from(vec![lead, Span::styled(piece, text_style)]), i == 0));
                }
            }
        }
    }
    out
}

/// Two columns of about half each, the break at the start of an entry.
fn split_columns(lines: Vec<(Line<'static>, bool)>) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let mut at = lines.len().div_ceil(2);
    while at < lines.len() && !lines[at].1 {
        at += 1;
    }
    let mut left: Vec<Line<'static>> = lines.into_iter().map(|(l, _)| l).collect();
    let right = left.split_off(at);
    (left, right)
}

/// A line cut to `width` cells, ending in `…` when cut.
fn cut_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut out = Vec::new();
    let mut left = width;
    for span in line.spans {
        if left == 0 {
            break;
        }
        let w = span.content.width();
        if w < left {
            left -= w;
            out.push(span);
        } else {
            out.push(Span::styled(super::fit(&span.content, left), span.style));
            left = 0;
        }
    }
    Line::from(out)
}

/// The first part of `text` that fits `width` cells, and the rest.
fn split_at_width(text: &str, width: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            return text.split_at(i);
        }
        used += w;
    }
    (text, "")
}

/// A binding's keys as this user can press them: the tab digits run to the
/// tabs this user has (found in use, #8: a nurse's help offered 1-7, and
/// tab 7, Admin, is for admins only).
fn keys_for(b: &keymap::Binding, state: &State) -> String {
    if b.keys.contains(&keymap::Key::Digit) {
        return format!("1-{}", state.tabs().len());
    }
    keymap::keys_label(b)
}

pub fn dialog(frame: &mut Frame<'_>, area: Rect, dialog: &Dialog, theme: &Theme) {
    let width = area.width.min(70);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    // Long lines wrap between words, indented, inside the border (as in forms).
    let mut lines: Vec<Line> = dialog
        .lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .flat_map(|l| super::wrap(l, inner, " ", "  "))
        .map(Line::from)
        .collect();
    lines.push(Line::raw(""));
    let mut spans = vec![Span::raw(" ")];
    for b in keymap::hints(&[Scope::Dialog]) {
        spans.push(Span::styled(keymap::keys_label(b), theme.key()));
        spans.push(Span::raw(format!(" {}   ", b.hint.unwrap_or(b.help))));
    }
    lines.push(Line::from(spans));
    // The box grows with the lines, so the keys stay in sight.
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let rect = centered(area, width, rows as u16 + 2);
    let block = Block::bordered().title(format!(" {} ", dialog.title)).border_style(theme.warning());
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), rect);
}
