//! The Admin tab: one of four lists at a time — staff and their roles
//! (R-ROLE-1), rooms (R-BLOCK-1), beds, procedure kinds (R-BLOCK-2) — each
//! with its own selection, added to, changed and retired from the keyboard.

use super::theme::Theme;
use crate::app::State;
use crate::app::state::{AdminSection, Keyed, Listing};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

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
            let summary = format!(" {active} active · {} retired", v.staff.rows.len() - active);
            rows(&v.staff, summary, width, theme, |s| {
                let status = if s.active { "✓ active" } else { "✗ retired" };
                let text = format!(
                    "{}{}{:<14}{status}",
                    super::column(&s.display_name, 26),
                    super::column(s.account.as_deref().unwrap_or("(no account)"), 16),
                    s.role.code()
                );
                (text, s.active)
            })
        }
        AdminSection::Rooms => rows(&v.rooms, format!(" {} rooms", v.rooms.rows.len()), width, theme, |r| {
            let status = if r.active { "" } else { "  ✗ retired" };
            (format!("{}{:<14}{}–{}{status}", super::column(&r.name, 24), r.kind, r.opens, r.closes), r.active)
        }),
        AdminSection::Beds => {
            let active = v.beds.rows.iter().filter(|b| b.active).count();
            let summary = format!(" {active} beds in use · {} retired", v.beds.rows.len() - active);
            rows(&v.beds, summary, width, theme, |b| {
                let state_word = match (b.state.as_str(), b.reserved_from) {
                    ("free", Some(day)) => format!("reserved from {}", day.format("%d/%m")),
                    ("to_clean", _) => "to clean".to_string(),
                    (other, _) => other.to_string(),
                };
                let status = if b.active { "" } else { "  ✗ retired" };
                let unit = b.unit.as_deref().unwrap_or("(no unit)");
                (format!("{}{}{state_word}{status}", super::column(&b.label, 14), super::column(unit, 20)), b.active)
            })
        }
        AdminSection::Kinds => rows(&v.kinds, format!(" {} procedure kinds", v.kinds.rows.len()), width, theme, |k| {
            let mut expects = Vec::new();
            if k.anaesthesia_expected {
                expects.push("anaesthesia");
            }
            if k.implants_expected {
                expects.push("implants");
            }
            let status = if k.active { "" } else { "  ✗ retired" };
            let text = format!(
                "{}{:>4} min  {}{status}",
                super::column(&k.label, 34),
                k.minutes,
                super::column(&expects.join(", "), 22)
            );
            (text, k.active)
        }),
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
        lines.push(Line::styled(format!(" ! could not read the ward's set-up: {error}"), theme.urgent()));
    } else if !list.loaded {
        lines.push(Line::styled(" reading…", theme.dim()));
    } else if list.rows.is_empty() {
        lines.push(Line::styled("   none yet: a adds one", theme.dim()));
    } else if list.visible().next().is_none() {
        lines.push(Line::styled("   nothing here matches the filter (Esc clears it)", theme.dim()));
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
