//! Boxes drawn over the screen: the help (from the keymap) and confirmations.

use super::theme::Theme;
use crate::app::State;
use crate::app::keymap::{self, BINDINGS, Scope};
use crate::app::state::Dialog;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))]).flex(Flex::Center).areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))]).flex(Flex::Center).areas(row);
    cell
}

/// The keys of the screen underneath, straight from the table that
/// dispatches them; forms and confirmations in one line each at the foot.
/// In two columns when one would not fit.
pub fn help(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let blocks: Vec<Vec<Line>> = state
        .screen_scopes()
        .iter()
        .map(|scope| {
            let mut lines = vec![Line::styled(scope.title(), theme.section())];
            for b in BINDINGS.iter().filter(|b| b.scope == *scope) {
                lines.push(Line::from(vec![
                    Span::styled(format!(" {:<12}", keymap::keys_label(b)), theme.key()),
                    Span::raw(b.help),
                ]));
            }
            lines
        })
        .filter(|lines| lines.len() > 1)
        .collect();
    let footer: Vec<Line> = [Scope::Form, Scope::Dialog]
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
    let total: usize = blocks.iter().map(Vec::len).sum();
    let inner_height = usize::from(area.height.saturating_sub(2 + footer.len() as u16));
    let block = Block::bordered().title(" Keys on this screen · ? or Esc closes ").border_style(theme.key());
    if total <= inner_height {
        let rect = centered(area, 72, (total + footer.len()) as u16 + 2);
        frame.render_widget(Clear, rect);
        let mut lines = blocks.concat();
        lines.extend(footer);
        frame.render_widget(Paragraph::new(lines).block(block), rect);
        return;
    }
    // Split by line, so one long block (an admission's keys) flows on.
    let mut left = blocks.concat();
    let right = left.split_off(total.div_ceil(2));
    let height = (left.len().max(right.len()) + footer.len()) as u16 + 2;
    let rect = centered(area, area.width.min(100), height);
    frame.render_widget(Clear, rect);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [columns, foot] = Layout::vertical([Constraint::Min(1), Constraint::Length(footer.len() as u16)]).areas(inner);
    frame.render_widget(Paragraph::new(footer).wrap(Wrap { trim: false }), foot);
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
