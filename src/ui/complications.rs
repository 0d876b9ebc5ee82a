//! R-COMP-1 on an admission's page: the patient's complications (from any
//! stay), open ones first, each with its status in words and a glyph, and
//! the keys that record and close them (named from the keymap).

use super::theme::Theme;
use crate::app::keymap::{Action, Scope};
use crate::app::screens::key_for;
use crate::domain::complications::Complication;
use chrono::{DateTime, Utc};
use ratatui::text::Line;

/// The section's lines; nothing for a patient without any complication.
pub fn section(list: &[Complication], theme: &Theme, when: &dyn Fn(DateTime<Utc>) -> String) -> Vec<Line<'static>> {
    if list.is_empty() {
        return Vec::new();
    }
    let open = list.iter().filter(|c| c.is_open()).count();
    let keys = tr!(
        "admission-complications-keys",
        record = key_for(Scope::Detail, Action::RecordComplication),
        close = key_for(Scope::Detail, Action::CloseComplication)
    );
    let title = tr!("admission-complications", count = open, keys = keys);
    let mut lines = vec![Line::styled(format!(" {title}"), theme.section())];
    for c in list {
        if c.voided.is_some() {
            let text = format!("#{} {}", c.complication_id, c.summary());
            lines.push(super::detail::voided_line(&text, c.voided.as_deref(), theme));
            continue;
        }
        let text = format!("   #{} {} {}", c.complication_id, c.status_label(), c.summary());
        lines.push(if c.is_open() { Line::styled(text, severity_style(c, theme)) } else { Line::raw(text) });
        if !c.description.is_empty() {
            lines.push(Line::styled(format!("     {}", c.description), theme.dim()));
        }
        if let Some(closed) = &c.closed {
            lines.push(Line::styled(
                format!(
                    "     {}",
                    tr!(
                        "admission-complication-closed",
                        at = when(closed.at),
                        by = closed.by.as_str(),
                        outcome = closed.outcome.as_str()
                    )
                ),
                theme.dim(),
            ));
        }
    }
    lines
}

/// How urgent an open complication looks: the board's severity (R-COMP-1).
fn severity_style(c: &Complication, theme: &Theme) -> ratatui::style::Style {
    use crate::domain::attention::Severity;
    match c.severity.attention() {
        Severity::Urgent => theme.urgent(),
        Severity::Warning => theme.warning(),
        Severity::Info => ratatui::style::Style::default(),
    }
}
