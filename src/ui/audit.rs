//! The Audit tab: every change, newest first (R-AUDIT-1).

use super::theme::Theme;

use crate::app::State;
use crate::app::state::Mode;
use crate::store::audit_log::Entry;
use crate::store::table::Table;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let view = &state.audit;
    let [list_area, detail_area] = Layout::vertical([Constraint::Min(3), Constraint::Length(6)]).areas(area);
    let mut lines = Vec::new();
    let cursor = if state.mode == Mode::Filter { "▏" } else { "" };
    let count = view.entries.len();
    let shown = if view.more {
        tr!("admin-audit-shown-newest", count = count)
    } else {
        tr!("admin-audit-shown", count = count)
    };
    lines.push(Line::from(vec![
        Span::styled(format!(" {} ", tr!("admin-audit-title")), theme.section()),
        Span::styled(format!(" {shown} · "), theme.dim()),
        Span::styled(format!("{} ", tr!("admin-audit-filter")), theme.key()),
        Span::raw(format!("{}{cursor}", view.filter)),
    ]));
    let header = lines.len();
    let width = usize::from(area.width);
    let mut selected_line = None;
    if let Some(error) = &view.error {
        lines.push(Line::styled(format!(" {}", tr!("admin-audit-error", error = error.as_str())), theme.urgent()));
    } else if !view.loaded {
        lines.push(Line::styled(format!(" {}", tr!("admin-reading")), theme.dim()));
    } else if view.entries.is_empty() {
        lines.push(Line::styled(format!("   {}", tr!("admin-audit-no-match")), theme.dim()));
    }
    // Only the rows that can be in view are written out: the log grows by a
    // page at a time, and a frame must not cost more as it does. The others
    // are blank lines, so `draw_list` scrolls exactly as if they were there.
    let at = view.entries.iter().position(|e| Some(e.id) == view.selected).unwrap_or(0);
    let reach = usize::from(list_area.height);
    for (i, entry) in view.entries.iter().enumerate() {
        let is_selected = view.selected == Some(entry.id);
        if is_selected {
            selected_line = Some(lines.len() - header);
        }
        if i.abs_diff(at) > reach {
            lines.push(Line::default());
            continue;
        }
        lines.push(super::row_line(&summary(entry, state), width, is_selected, ratatui::style::Style::new(), theme));
    }
    super::draw_list(frame, list_area, lines, header, selected_line, None, theme, state.language);

    let detail =
        view.entries.iter().find(|e| Some(e.id) == view.selected).map(|e| details(e, state)).unwrap_or_default();
    let block =
        Block::new().borders(Borders::TOP).title(format!(" {} ", tr!("admin-audit-change"))).border_style(theme.dim());
    frame.render_widget(Paragraph::new(detail).block(block).wrap(Wrap { trim: false }), detail_area);
}

fn when(entry: &Entry, state: &State) -> String {
    entry.at.with_timezone(&state.zone).format("%d/%m/%Y %H:%M").to_string()
}

/// What was changed, in words: `admission`, `readiness check`.
fn record(entry: &Entry) -> String {
    let noun = Table::from_name(&entry.table).map_or_else(|| entry.table.replace('_', " "), |t| t.noun().to_string());
    tr!("admin-audit-record", table = entry.table.as_str(), noun = noun).into_owned()
}

/// The stored action (`insert`, `update`) as the log says it.
fn action(entry: &Entry) -> String {
    tr!("admin-audit-action", action = entry.action.as_str()).into_owned()
}

/// A column name as a label: `planned_admit_on` → `planned arrival`
/// (`arrivée prévue`), from the catalogue ([`crate::store::table::column_words`]).
fn field_label(field: &str) -> String {
    crate::store::table::column_words(field).into_owned()
}

/// Columns that hold yes or no (stored 0 or 1).
const FLAGS: &[&str] = &[
    "done",
    "emergency",
    "escort",
    "work_stop_certificate",
    "follow_up_appointment",
    "insulin_treated_diabetic",
    "iodinated_contrast",
    "retrospective",
    "active",
    "anaesthesia_expected",
    "implants_expected",
    "implantable",
    "by_phone",
    "occlusion_ok",
    "outpatient",
    "pin_care_done",
];

/// A stored value as the ward reads it: yes/no, a name for a staff, room,
/// bed or procedure id the pick lists know, instants in ward time, days as
/// dd/mm/yyyy, codes in words.
fn field_value(table: &str, field: &str, value: &str, state: &State) -> String {
    if let Some(words) = coded(table, field, value) {
        return words;
    }
    if FLAGS.contains(&field) {
        match value {
            "1" | "true" => return tr!("admin-audit-yes").into_owned(),
            "0" | "false" => return tr!("admin-audit-no").into_owned(),
            _ => {}
        }
    }
    let lists = &state.lists;
    let named = |list: &[(i64, String)]| -> Option<String> {
        let id = value.parse::<i64>().ok()?;
        list.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone())
    };
    let staff: Vec<(i64, String)> = lists.operators.iter().chain(&lists.anaesthetists).cloned().collect();
    let found = match field {
        "operator_id" | "anaesthetist_id" | "actor_id" | "checked_by" => named(&staff),
        "room_id" => named(&lists.rooms),
        "bed_id" => named(&lists.beds).map(|n| tr!("admin-audit-bed", name = n).into_owned()),
        "procedure_kind_id" => value
            .parse::<i64>()
            .ok()
            .and_then(|id| lists.procedure_kinds.iter().find(|(i, _, _)| *i == id))
            .map(|(_, n, _)| n.clone()),
        _ => None,
    };
    found.unwrap_or_else(|| value_text(value, state))
}

/// A state stored as a code, in the words the ward's screens use for it
/// (`planned` → `prévu`): a stay's, a bed's, a case's.
fn coded(table: &str, field: &str, value: &str) -> Option<String> {
    use crate::domain::{beds::BedState, case::CaseState, pathway::AdmissionState};
    match (table, field) {
        ("admissions", "state") | ("admission_steps", "from_state" | "to_state") => {
            AdmissionState::from_code(value).map(|s| s.words().into_owned())
        }
        ("beds", "state") => BedState::from_code(value).map(|s| s.words().into_owned()),
        ("cases", "state") => CaseState::from_code(value).map(|s| s.label().into_owned()),
        _ => None,
    }
}

fn value_text(value: &str, state: &State) -> String {
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(value) {
        return at.with_timezone(&state.zone).format("%d/%m/%Y %H:%M").to_string();
    }
    if let Ok(day) = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return day.format("%d/%m/%Y").to_string();
    }
    if value.contains('_') && !value.contains(' ') {
        return value.replace('_', " ");
    }
    value.to_string()
}

/// The fields that changed, in words; the row version is bookkeeping.
fn changes(entry: &Entry, state: &State) -> Vec<String> {
    entry
        .changes
        .iter()
        .filter(|c| c.field != "id" && c.field != "version")
        .map(|c| {
            let value = |v: &str| field_value(&entry.table, &c.field, v, state);
            let after = value(&c.after);
            let text = match &c.before {
                Some(before) => format!("{} → {after}", value(before)),
                None => after,
            };
            crate::i18n::labelled(&field_label(&c.field), &text)
        })
        .collect()
}

fn summary(entry: &Entry, state: &State) -> String {
    let who = super::fit(&entry.actor, 14);
    format!("{}  {who} {} {}  {}", when(entry, state), action(entry), record(entry), changes(entry, state).join(", "))
}

fn details(entry: &Entry, state: &State) -> Vec<Line<'static>> {
    let details = tr!(
        "admin-audit-details",
        when = when(entry, state),
        actor = entry.actor.as_str(),
        action = action(entry),
        record = record(entry),
        row = entry.row_id.to_string()
    );
    let mut lines = vec![Line::from(details.into_owned())];
    lines.extend(changes(entry, state).into_iter().map(|c| Line::from(format!("  {c}"))));
    lines
}
