//! The Admin tab: one of four lists at a time — staff and their roles
//! (R-ROLE-1), rooms (R-BLOCK-1), beds, procedure kinds (R-BLOCK-2) — each
//! with its own selection, added to, changed and retired from the keyboard.

use super::theme::Theme;
use crate::app::State;
use crate::app::keymap::{Action, Scope};
use crate::app::screens::key_for;
use crate::app::state::{AdminSection, Keyed, Listing};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A bed's stored state when it is free (reserved from a day, or not).
const FREE: &str = concat!("fr", "ee");

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let v = &state.admin;
    // The sections, the shown one in capitals: ← → (or [ ]) go round them.
    let mut spans = vec![Span::styled(" ", theme.section())];
    for (i, section) in AdminSection::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        let (title, style) = if section == v.section {
            (format!("[{}]", section.title().to_uppercase()), theme.section())
        } else {
            (section.title().to_string(), theme.dim())
        };
        spans.push(Span::styled(title, style));
    }
    spans.push(Span::styled(super::filter_text(state, v.filter()), theme.key()));
    let mut lines = vec![Line::from(spans)];
    let width = usize::from(area.width).saturating_sub(3);
    let list = match v.section {
        AdminSection::Staff => {
            let active = v.staff.rows.iter().filter(|s| s.active).count();
            let summary = tr!("admin-staff-summary", active = active, retired = v.staff.rows.len() - active);
            rows(&v.staff, format!(" {summary}"), width, theme, |s| {
                let status = if s.active { tr!("admin-active") } else { tr!("admin-retired") };
                let no_account = tr!("admin-no-account");
                let text = format!(
                    "{}{}{}{status}",
                    super::column(&s.display_name, 26),
                    super::column(s.account.as_deref().unwrap_or(&no_account), 16),
                    super::column(&s.role.name(), 14)
                );
                (text, s.active)
            })
        }
        AdminSection::Rooms => {
            let summary = tr!("admin-rooms-summary", count = v.rooms.rows.len());
            rows(&v.rooms, format!(" {summary}"), width, theme, |r| {
                let status = if r.active { String::new() } else { format!("  {}", tr!("admin-retired")) };
                (format!("{}{:<14}{}–{}{status}", super::column(&r.name, 24), r.kind, r.opens, r.closes), r.active)
            })
        }
        AdminSection::Beds => {
            let active = v.beds.rows.iter().filter(|b| b.active).count();
            let summary = tr!("admin-beds-summary", active = active, retired = v.beds.rows.len() - active);
            rows(&v.beds, format!(" {summary}"), width, theme, |b| {
                let state_word = match (b.state.as_str(), b.reserved_from) {
                    (FREE, Some(day)) => tr!("admin-bed-reserved", day = day.format("%d/%m").to_string()),
                    (code, _) => tr!("admin-bed-state", code = code),
                };
                let status = if b.active { String::new() } else { format!("  {}", tr!("admin-retired")) };
                let no_unit = tr!("admin-no-unit");
                let unit = b.unit.as_deref().unwrap_or(&no_unit);
                (format!("{}{}{state_word}{status}", super::column(&b.label, 14), super::column(unit, 20)), b.active)
            })
        }
        AdminSection::Kinds => {
            let summary = tr!("admin-kinds-summary", count = v.kinds.rows.len());
            rows(&v.kinds, format!(" {summary}"), width, theme, |k| {
                let mut expects = Vec::new();
                if k.anaesthesia_expected {
                    expects.push(tr!("admin-expects-anaesthesia"));
                }
                if k.implants_expected {
                    expects.push(tr!("admin-expects-implants"));
                }
                let status = if k.active { String::new() } else { format!("  {}", tr!("admin-retired")) };
                let minutes = tr!("admin-kind-minutes", minutes = format!("{:>4}", k.minutes));
                let text = format!(
                    "{}{minutes}  {}{status}",
                    super::column(&k.label, 34),
                    super::column(&expects.join(", "), 22)
                );
                (text, k.active)
            })
        }
    };
    let header = lines.len() + 1;
    lines.extend(list.lines);
    super::draw_list(frame, area, lines, header, list.selected_line, list.full, theme, state.language);
}

/// A section's lines: its summary, then a line per visible row.
struct Rows {
    lines: Vec<Line<'static>>,
    /// The selected row's line, counted after the summary.
    selected_line: Option<usize>,
    full: Option<String>,
}

fn rows<T: Keyed>(
    list: &Listing<T>,
    summary: String,
    width: usize,
    theme: &Theme,
    text: impl Fn(&T) -> (String, bool),
) -> Rows {
    let mut lines = vec![Line::styled(summary, theme.section())];
    let (mut selected_line, mut full) = (None, None);
    if let Some(error) = &list.error {
        lines.push(Line::styled(format!(" {}", tr!("admin-list-error", error = error.as_str())), theme.urgent()));
    } else if !list.loaded {
        lines.push(Line::styled(format!(" {}", tr!("admin-reading")), theme.dim()));
    } else if list.rows.is_empty() {
        let key = key_for(Scope::Admin, Action::AddEntry);
        lines.push(Line::styled(format!("   {}", tr!("admin-list-empty", key = key)), theme.dim()));
    } else if list.visible().next().is_none() {
        let key = key_for(Scope::List, Action::Back);
        lines.push(Line::styled(format!("   {}", tr!("admin-list-no-match", key = key)), theme.dim()));
    }
    for row in list.visible() {
        let is_selected = list.selected == Some(row.key());
        let (text, active) = text(row);
        if is_selected {
            selected_line = Some(lines.len() - 1);
            full = Some(text.clone());
        }
        let style = if active { Style::new() } else { theme.dim() };
        lines.push(super::row_line(&text, width + 3, is_selected, style, theme));
    }
    Rows { lines, selected_line, full }
}
