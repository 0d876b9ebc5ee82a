//! The Admin tab: staff and their roles (R-ROLE-1), then the ward's rooms
//! (R-BLOCK-1), beds and procedure kinds (R-BLOCK-2) as set up.

use super::theme::Theme;
use crate::app::State;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let v = &state.admin;
    let active = v.staff.rows.iter().filter(|s| s.active).count();
    let mut lines = vec![Line::styled(
        format!(" STAFF  {active} active · {} retired", v.staff.rows.len() - active),
        theme.section(),
    )];
    if let Some(Line { spans, .. }) = lines.first_mut() {
        spans.push(Span::styled(super::filter_text(state, &v.staff.filter), theme.key()));
    }
    let header = lines.len();
    let width = usize::from(area.width).saturating_sub(3);
    let mut selected_line = None;
    let mut full = None;
    if let Some(error) = &v.staff.error {
        lines.push(Line::styled(format!(" ! could not read the staff list: {error}"), theme.urgent()));
    } else if !v.staff.loaded {
        lines.push(Line::styled(" reading…", theme.dim()));
    } else if v.staff.visible().next().is_none() {
        lines.push(Line::styled("   nothing here matches the filter (Esc clears it)", theme.dim()));
    }
    for s in v.staff.visible() {
        let is_selected = v.staff.selected == Some(s.staff_id);
        if is_selected {
            selected_line = Some(lines.len() - header);
        }
        let status = if s.active { "✓ active" } else { "✗ retired" };
        let text = format!(
            "{}{}{:<14}{status}",
            super::column(&s.display_name, 26),
            super::column(s.account.as_deref().unwrap_or("(no account)"), 16),
            s.role.code()
        );
        let style = if s.active { ratatui::style::Style::new() } else { theme.dim() };
        if is_selected {
            full = Some(text.clone());
        }
        lines.push(super::row_line(&text, width + 3, is_selected, style, theme));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(format!(" ROOMS  {}", v.rooms.len()), theme.section()));
    for r in &v.rooms {
        let retired = if r.active { "" } else { "  ✗ retired" };
        lines.push(Line::raw(format!(
            "   {}{:<14}{}–{}{retired}",
            super::column(&r.name, 24),
            r.kind,
            r.opens,
            r.closes
        )));
    }
    // Beds in one line (the Beds tab lists them): counts by state, and units.
    let in_use: Vec<_> = v.beds.iter().filter(|b| b.active).collect();
    let count = |state: &str| {
        in_use.iter().filter(|b| b.state == state && (state != "free" || b.reserved_from.is_none())).count()
    };
    let reserved = in_use.iter().filter(|b| b.state == "free" && b.reserved_from.is_some()).count();
    let mut units: Vec<&str> = in_use.iter().filter_map(|b| b.unit.as_deref()).collect();
    units.sort_unstable();
    units.dedup();
    // A state no bed is in is left out, so the line fits 80 columns.
    let counts = [
        ("reserved", reserved),
        ("occupied", count("occupied")),
        ("to clean", count("to_clean")),
        ("closed", count("closed")),
        ("retired", v.beds.len() - in_use.len()),
    ];
    let mut line = format!(" BEDS  {} · free {}", in_use.len(), count("free"));
    for (label, n) in counts.iter().filter(|(_, n)| *n > 0) {
        line.push_str(&format!(" · {label} {n}"));
    }
    lines.push(Line::styled(line, theme.section()));
    if !units.is_empty() {
        lines.push(Line::raw(format!("   units: {}", units.join(", "))));
    }
    lines.push(Line::styled(format!(" PROCEDURE KINDS  {}", v.kinds.len()), theme.section()));
    for k in &v.kinds {
        let retired = if k.active { "" } else { "  ✗ retired" };
        lines.push(Line::raw(format!("   {}{:>4} min{retired}", super::column(&k.label, 38), k.minutes)));
    }
    lines.push(Line::styled(
        "   to change them: `periop setup --from FILE`, `periop rooms|beds|procedures`",
        theme.dim(),
    ));
    super::draw_list(frame, area, lines, header, selected_line, full, theme);
}
