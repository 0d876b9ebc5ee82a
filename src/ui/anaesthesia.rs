//! The anaesthesia worklist: upcoming cases whose consultation is missing,
//! pending, too late or too old, soonest first (R-ANES-1, -2, -5).

use super::theme::Theme;
use crate::app::State;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let v = &state.anaesthesia;
    let title =
        format!(" {}{}", tr!("board-anaesthesia-title", count = v.rows.len()), super::filter_text(state, &v.filter));
    let mut lines = vec![Line::styled(title, theme.section())];
    let header = lines.len();
    let width = usize::from(area.width).saturating_sub(3);
    let mut selected_line = None;
    if let Some(error) = &v.error {
        lines
            .push(Line::styled(format!(" {}", tr!("board-anaesthesia-error", error = error.as_str())), theme.urgent()));
    } else if !v.loaded {
        lines.push(Line::styled(format!(" {}", tr!("board-reading")), theme.dim()));
    } else if v.rows.is_empty() {
        lines.push(Line::styled(format!("   {}", tr!("board-anaesthesia-empty")), theme.good()));
    } else if v.visible().next().is_none() {
        lines.push(Line::styled(format!("   {}", tr!("board-no-match-esc")), theme.dim()));
    }
    let mut full = None;
    for row in v.visible() {
        let is_selected = v.selected == Some(row.case_id);
        if is_selected {
            selected_line = Some(lines.len() - header);
        }
        let start = row.start.with_timezone(&state.zone).format("%d/%m %H:%M");
        let findings: Vec<String> = row.findings.iter().map(|f| f.issue.label().to_string()).collect();
        // The finding first: it is what the anaesthetist acts on; the procedure can be cut.
        let who = super::column(&row.patient.to_string(), 36);
        let text = format!("{start}  {who}! {}  · {}", findings.join(", "), row.procedure);
        if is_selected {
            full = Some(text.clone());
        }
        lines.push(super::row_line(&text, width + 3, is_selected, theme.warning(), theme));
    }
    super::draw_list(frame, area, lines, header, selected_line, full, theme, state.language);
}
