//! The Admissions tab: stays covering a day, with readiness, fasting and bed.

use super::fit;
use super::theme::Theme;
use crate::app::State;
use crate::app::state::Mode;
use crate::domain::journey::AdmissionSummary;
use crate::domain::readiness::Status;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    if state.admissions.detail.is_some() {
        super::detail::draw(frame, area, state, theme);
        return;
    }
    let v = &state.admissions;
    let list = &v.list;
    let day = v.day.map_or_else(
        || tr!("board-admissions-every-day"),
        |d| tr!("board-admissions-covering", day = crate::domain::day_label::day_text(d)),
    );
    let filter_state = v.state.map_or_else(|| tr!("board-admissions-any-state"), |s| s.words());
    let cursor = if state.mode == Mode::Filter { "▏" } else { "" };
    // The filter first after the count: what is typed stays in sight; the
    // rest is cut with an ellipsis on a narrow screen.
    let title = format!(" {} ", tr!("board-admissions-title", count = list.rows.len()));
    let filter = tr!("board-admissions-filter", text = format!("{}{cursor}", v.filter));
    let rest = format!(" {filter} · {filter_state} · {day}");
    let room = usize::from(area.width).saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str()));
    let mut lines =
        vec![Line::from(vec![Span::styled(title, theme.section()), Span::styled(fit(&rest, room), theme.dim())])];
    let width = usize::from(area.width).saturating_sub(3);
    let cols = Columns::for_rows(list.rows.iter().filter_map(|r| r.bed.as_deref()), width);
    lines.push(Line::styled(
        fit(
            &format!(
                "   {:<17}{:<p$}{:<6}{:<b$}{:<13}{}",
                tr!("board-admissions-head-state"),
                tr!("board-admissions-head-patient"),
                "J0",
                tr!("board-admissions-head-bed"),
                tr!("board-admissions-head-readiness"),
                tr!("board-admissions-head-procedure"),
                p = cols.patient,
                b = cols.bed
            ),
            width + 3,
        ),
        theme.dim(),
    ));
    let header = lines.len();
    let mut selected_line = None;
    if let Some(error) = &list.error {
        lines.push(Line::styled(format!(" {}", tr!("board-admissions-error", error = error.as_str())), theme.urgent()));
    } else if !list.loaded {
        lines.push(Line::styled(format!(" {}", tr!("board-reading")), theme.dim()));
    } else if list.rows.is_empty() {
        lines.push(Line::styled(format!("   {}", tr!("board-admissions-empty")), theme.dim()));
    }
    let mut full = None;
    let mut cut = false;
    for row in list.visible() {
        let is_selected = list.selected == Some(row.admission_id);
        let (text, whole, style) = summary(row, state, cols, theme);
        if is_selected {
            selected_line = Some(lines.len() - header);
            full = Some(whole);
            cut = row.bed.as_deref().is_some_and(|b| super::is_cut(b, cols.bed));
        }
        lines.push(super::row_line(&text, width + 3, is_selected, style, theme));
    }
    super::draw_list_foot(frame, area, lines, header, selected_line, full, cut, theme, state.language);
}

/// The widths (cells) of the patient and bed columns. The bed column is as
/// wide as the longest label, to a cap (issue 8: `Box 12A` and `Box 12B`
/// both read `Box …`); below 120 columns the patient column gives up what
/// it takes, so the row keeps its length.
#[derive(Debug, Clone, Copy)]
struct Columns {
    patient: usize,
    bed: usize,
}

impl Columns {
    const PATIENT: usize = 36;
    const BED: usize = 5;

    fn for_rows<'a>(beds: impl Iterator<Item = &'a str>, width: usize) -> Columns {
        let bed = super::label_column(beds, Self::BED, 13);
        let patient = if width < 120 { Self::PATIENT - (bed - Self::BED) } else { Self::PATIENT };
        Columns { patient, bed }
    }
}

/// The row in columns, the row whole (for the foot of the list when the
/// columns cut it), and its style.
fn summary(row: &AdmissionSummary, state: &State, cols: Columns, theme: &Theme) -> (String, String, Style) {
    let j0 = row
        .procedure_start
        .map(|t| t.with_timezone(&state.zone).format("%d/%m").to_string())
        .unwrap_or_else(|| "-".into());
    let bed = row.bed.clone().unwrap_or_else(|| "-".into());
    let (readiness, style) = match &row.readiness {
        Some(r) if r.status == Status::NotReady => (r.status.label(), theme.urgent()),
        Some(r) if r.status == Status::AtRisk => (r.status.label(), theme.warning()),
        Some(r) => (r.status.label(), Style::new()),
        None => (std::borrow::Cow::Borrowed("-"), Style::new()),
    };
    let procedure = row.procedure.clone().unwrap_or_default();
    let fasting = row.fasting.as_ref().map(|f| format!(" · {}", f.summary(state.zone))).unwrap_or_default();
    let missing = row
        .readiness
        .as_ref()
        .filter(|r| !r.missing.is_empty())
        .map(|r| format!(" · {}", tr!("board-missing", items = r.missing_text())))
        .unwrap_or_default();
    let text = format!(
        "{:<17}{}{:<6}{}{:<13}{procedure}{fasting}{missing}",
        row.state.label(),
        super::column(&row.patient.to_string(), cols.patient),
        j0,
        super::column(&bed, cols.bed),
        readiness
    );
    let whole = format!(
        "{} · {} · J0 {j0} · {} · {readiness} · {procedure}{fasting}{missing}",
        row.state.label(),
        row.patient,
        tr!("board-bed", bed = bed.as_str())
    );
    (text, whole, style)
}
