//! The Beds tab: each bed's state tonight (R-PATH-4).

use super::theme::Theme;
use crate::app::State;
use crate::domain::beds::BedStatus;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let v = &state.beds;
    let count = |s: BedStatus| v.rows.iter().filter(|b| b.status == s).count();
    let mut lines = vec![Line::styled(
        format!(
            " {}",
            tr!(
                "board-beds-title",
                free = count(BedStatus::Free),
                reserved = count(BedStatus::Reserved),
                occupied = count(BedStatus::Occupied),
                to_clean = count(BedStatus::ToClean),
                closed = count(BedStatus::Closed)
            )
        ),
        theme.section(),
    )];
    if let Some(Line { spans, .. }) = lines.first_mut() {
        spans.push(ratatui::text::Span::styled(super::filter_text(state, &v.filter), theme.key()));
    }
    let header = lines.len();
    let width = usize::from(area.width).saturating_sub(3);
    let mut selected_line = None;
    if let Some(error) = &v.error {
        lines.push(Line::styled(format!(" {}", tr!("board-beds-error", error = error.as_str())), theme.urgent()));
    } else if !v.loaded {
        lines.push(Line::styled(format!(" {}", tr!("board-reading")), theme.dim()));
    } else if v.rows.is_empty() {
        lines.push(Line::styled(format!("   {}", tr!("board-beds-empty")), theme.dim()));
    } else if v.visible().next().is_none() {
        lines.push(Line::styled(format!("   {}", tr!("board-no-match-esc")), theme.dim()));
    }
    let mut full = None;
    let mut cut = false;
    // Issue 8: as wide as the longest label (to a cap; the whole label is
    // then at the foot), so two beds never read alike.
    let label_width = super::label_column(v.rows.iter().map(|b| b.label.as_str()), 6, 22);
    for bed in v.visible() {
        let is_selected = v.selected == Some(bed.bed_id);
        if is_selected {
            selected_line = Some(lines.len() - header);
        }
        let who = match (&bed.occupant, &bed.expected) {
            (Some(o), _) => o.patient.to_string(),
            (None, Some(e)) => tr!("board-beds-expected", patient = e.patient.to_string()).into_owned(),
            _ => String::new(),
        };
        let text = format!("{}{:<14}{who}", super::column(&bed.label, label_width), bed.status.label());
        let style = match bed.status {
            BedStatus::ToClean | BedStatus::Closed => theme.warning(),
            BedStatus::Free => theme.good(),
            _ => ratatui::style::Style::new(),
        };
        if is_selected {
            cut = super::is_cut(&bed.label, label_width);
            full = Some(if cut {
                format!("{} · {} {who}", tr!("board-bed", bed = bed.label.as_str()), bed.status.label())
            } else {
                text.clone()
            });
        }
        lines.push(super::row_line(&text, width + 3, is_selected, style, theme));
    }
    super::draw_list_foot(frame, area, lines, header, selected_line, full, cut, theme, state.language);
}
