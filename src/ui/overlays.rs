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

/// The keys of the screen underneath, straight from the table that
/// dispatches them (a key that cannot act now is greyed); then the keys of
/// filters, forms and confirmations, and the glyph legend. In two columns
/// when one would not fit.
pub fn help(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let mut scopes: Vec<Scope> = router::screen_layers(state).into_iter().flat_map(|l| l.scopes()).collect();
    scopes.push(Scope::Anywhere);
    let blocks: Vec<Vec<Line>> = scopes
        .iter()
        .map(|scope| {
            let mut lines = vec![Line::styled(scope.title(), theme.section())];
            for b in BINDINGS.iter().filter(|b| b.scope == *scope) {
                let style = if router::applies(state, b.scope, b.action) { theme.key() } else { theme.dim() };
                let text = if router::applies(state, b.scope, b.action) { Style::new() } else { theme.dim() };
                lines.push(Line::from(vec![
                    Span::styled(format!(" {:<12}", keymap::keys_label(b)), style),
                    Span::styled(b.help, text),
                ]));
            }
            lines
        })
        .filter(|lines| lines.len() > 1)
        .collect();
    let mut footer: Vec<Line> = [Scope::Filter, Scope::Form, Scope::Dialog]
        .iter()
        .map(|scope| {
            let keys: Vec<String> = BINDINGS
                .iter()
                .filter(|b| b.scope == *scope && b.hint.is_some())
                .map(|b| {
                    format!("{} {}", b.keys.first().map(|k| k.label()).unwrap_or_default(), b.hint.unwrap_or(b.help))
                })
                .collect();
            Line::from(vec![Span::styled(format!("{}: ", scope.title()), theme.section()), Span::raw(keys.join(" · "))])
        })
        .collect();
    let legend: Vec<String> = LEGEND.iter().map(|(glyph, words)| format!("{glyph} {words}")).collect();
    footer.push(Line::from(vec![Span::styled("Marks: ", theme.section()), Span::raw(legend.join(" · "))]));
    let total: usize = blocks.iter().map(Vec::len).sum();
    let width = area.width.min(100);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let footer_rows: usize = footer.iter().map(|l| l.width().div_ceil(inner_width).max(1)).sum();
    let inner_height = usize::from(area.height.saturating_sub(2)).saturating_sub(footer_rows);
    let block = Block::bordered().title(" Keys on this screen · ? or Esc closes ").border_style(theme.key());
    let (left, right) = if total <= inner_height {
        (blocks.concat(), Vec::new())
    } else {
        // Split by line, so one long block (an admission's keys) flows on.
        let mut left = blocks.concat();
        let right = left.split_off(total.div_ceil(2));
        (left, right)
    };
    let height = (left.len().max(right.len()) + footer_rows) as u16 + 2;
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [columns, foot] = Layout::vertical([Constraint::Min(1), Constraint::Length(footer_rows as u16)]).areas(inner);
    frame.render_widget(Paragraph::new(footer).wrap(Wrap { trim: false }), foot);
    if right.is_empty() {
        frame.render_widget(Paragraph::new(left), columns);
        return;
    }
    let [l, r] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(columns);
    frame.render_widget(Paragraph::new(left), l);
    frame.render_widget(Paragraph::new(right), r);
}

pub fn dialog(frame: &mut Frame<'_>, area: Rect, dialog: &Dialog, theme: &Theme) {
    let mut lines: Vec<Line> = dialog.lines.iter().map(|l| Line::from(format!(" {l}"))).collect();
    lines.push(Line::raw(""));
    let mut spans = vec![Span::raw(" ")];
    for b in keymap::hints(&[Scope::Dialog]) {
        spans.push(Span::styled(keymap::keys_label(b), theme.key()));
        spans.push(Span::raw(format!(" {}   ", b.hint.unwrap_or(b.help))));
    }
    lines.push(Line::from(spans));
    let rect = centered(area, 66, lines.len() as u16 + 2);
    let block = Block::bordered().title(format!(" {} ", dialog.title)).border_style(theme.warning());
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), rect);
}
