//! The Audit tab: every change, newest first (R-AUDIT-1).

use super::theme::Theme;

use crate::app::State;
use crate::app::state::Mode;
use crate::store::audit_log::Entry;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let view = &state.audit;
    let [list_area, detail_area] = Layout::vertical([Constraint::Min(3), Constraint::Length(6)]).areas(area);
    let mut lines = Vec::new();
    let cursor = if state.mode == Mode::Filter { "▏" } else { "" };
    let shown = if view.more { format!("newest {}", view.entries.len()) } else { view.entries.len().to_string() };
    lines.push(Line::from(vec![
        Span::styled(" AUDIT LOG ", theme.section()),
        Span::styled(format!(" {shown} changes, newest first · "), theme.dim()),
        Span::styled("filter: ", theme.key()),
        Span::raw(format!("{}{cursor}", view.filter)),
    ]));
    let header = lines.len();
    let width = usize::from(area.width);
    let mut selected_line = None;
    if let Some(error) = &view.error {
        lines.push(Line::styled(format!(" ! could not read the audit log: {error}"), theme.urgent()));
    } else if !view.loaded {
        lines.push(Line::styled(" reading…", theme.dim()));
    } else if view.entries.is_empty() {
        lines.push(Line::styled("   no change matches the filter", theme.dim()));
    }
    for entry in &view.entries {
        let is_selected = view.selected == Some(entry.id);
        if is_selected {
            selected_line = Some(lines.len() - header);
        }
        lines.push(super::row_line(&summary(entry, state), width, is_selected, ratatui::style::Style::new(), theme));
    }
    super::draw_list(frame, list_area, lines, header, selected_line, theme);

    let detail =
        view.entries.iter().find(|e| Some(e.id) == view.selected).map(|e| details(e, state)).unwrap_or_default();
    let block = Block::new().borders(Borders::TOP).title(" change ").border_style(theme.dim());
    frame.render_widget(Paragraph::new(detail).block(block).wrap(Wrap { trim: false }), detail_area);
}

fn when(entry: &Entry, state: &State) -> String {
    entry.at.with_timezone(&state.zone).format("%d/%m/%Y %H:%M:%S").to_string()
}

fn summary(entry: &Entry, state: &State) -> String {
    let fields: Vec<String> = entry
        .changes
        .iter()
        .filter(|c| c.field != "id")
        .map(|c| match &c.before {
            Some(before) => format!("{}: {before} → {}", c.field, c.after),
            None => format!("{}={}", c.field, c.after),
        })
        .collect();
    format!(
        "{}  {:<14} {} {} #{}  {}",
        when(entry, state),
        entry.actor,
        entry.action,
        entry.table,
        entry.row_id,
        fields.join(", ")
    )
}

fn details(entry: &Entry, state: &State) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(format!(
        "{} by {} · {} {} #{}",
        when(entry, state),
        entry.actor,
        entry.action,
        entry.table,
        entry.row_id
    ))];
    for c in entry.changes.iter().filter(|c| c.field != "id") {
        let text = match &c.before {
            Some(before) => format!("  {}: {before} → {}", c.field, c.after),
            None => format!("  {}: {}", c.field, c.after),
        };
        lines.push(Line::from(text));
    }
    lines
}
