//! The Rounds tab: today's patients in distraction, overdue sessions first
//! (R-DO-4), then the selected patient's alerts (R-DO-3, R-DO-6, R-DO-7)
//! and the length chart: planned against done, day by day.

use super::theme::Theme;
use crate::app::State;
use crate::domain::attention::Severity;
use crate::domain::distraction::alerts::fmt_mm;
use crate::domain::distraction::plan::phase_day;
use crate::domain::distraction::round::pin_trends;
use crate::store::distraction::RoundsRow;
use chrono::{Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Wrap};

/// Rounds a pin's grade trend looks back over.
const PIN_TREND_ROUNDS: usize = 5;

/// Rows of the panel under the list for the selected patient.
const PANEL_ROWS: u16 = 11;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let [list, panel] = Layout::vertical([Constraint::Min(4), Constraint::Length(PANEL_ROWS)]).areas(area);
    draw_list(frame, list, state, theme);
    if let Some(row) = state.rounds.selected_row() {
        // R-DO-8: a hexapod frame's strut sheet takes the chart's place (and
        // its width: six struts side by side).
        let hexapod = row.case.hexapod.as_ref().zip(row.status.struts_today.as_ref());
        let split = if hexapod.is_some() { [40, 60] } else { [50, 50] };
        let [left, right] = Layout::horizontal(split.map(Constraint::Percentage)).areas(panel);
        draw_alerts(frame, left, row, state.today(), theme);
        match hexapod {
            Some((sheet, struts)) => super::hexapod::draw(frame, right, sheet, struts, state.today(), theme),
            None => draw_chart(frame, right, row, state.today(), theme),
        }
    }
}

fn row_text(row: &RoundsRow) -> String {
    let (c, s) = (&row.case, &row.status);
    let late = if s.overdue > 0 { format!("! {} OVERDUE  ", s.overdue) } else { String::new() };
    let pin = s.worst_pin.map_or_else(|| "no round".into(), |(pin, g)| format!("pin {pin} grade {g}"));
    let alert = s.alerts.first().map(|a| format!("  {} {}", a.severity.glyph(), a.message)).unwrap_or_default();
    format!(
        "{late}{}{}  {}  {}  {}/{} mm (target {})  {pin}{alert}",
        super::column(&c.patient.to_string(), 34),
        if c.outpatient { " ☎" } else { "" },
        phase_day(s.phase, s.day_number),
        s.today_text(),
        fmt_mm(s.achieved_mm),
        fmt_mm(s.planned_mm),
        fmt_mm(s.target_mm),
    )
}

fn draw_list(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let v = &state.rounds;
    let title = format!(" DISTRACTION ROUNDS ({}){}", v.rows.len(), super::filter_text(state, &v.filter));
    let mut lines = vec![Line::styled(title, theme.section())];
    let header = lines.len();
    let width = usize::from(area.width).saturating_sub(3);
    let mut selected_line = None;
    if let Some(error) = &v.error {
        lines.push(Line::styled(format!(" ! could not read the rounds: {error}"), theme.urgent()));
    } else if !v.loaded {
        lines.push(Line::styled(" reading…", theme.dim()));
    } else if v.rows.is_empty() {
        lines.push(Line::styled("   no patient is in distraction today", theme.dim()));
    } else if v.visible().next().is_none() {
        lines.push(Line::styled("   nothing here matches the filter (Esc clears it)", theme.dim()));
    }
    let mut full = None;
    for row in v.visible() {
        let is_selected = v.selected == Some(row.case.id);
        if is_selected {
            selected_line = Some(lines.len() - header);
        }
        let text = row_text(row);
        let style = match row.status.alerts.iter().map(|a| a.severity).max() {
            Some(Severity::Urgent) => theme.urgent(),
            Some(Severity::Warning) => theme.warning(),
            _ if row.status.overdue > 0 => theme.warning(),
            _ => Style::default(),
        };
        if is_selected {
            full = Some(text.clone());
        }
        lines.push(super::row_line(&text, width + 3, is_selected, style, theme));
    }
    super::draw_list(frame, area, lines, header, selected_line, full, theme);
}

fn draw_alerts(frame: &mut Frame<'_>, area: Rect, row: &RoundsRow, today: NaiveDate, theme: &Theme) {
    let (c, s) = (&row.case, &row.status);
    let p = &c.prescription;
    let said = match &c.hexapod {
        // R-DO-8: the prescription in force, not the turns.
        Some(sheet) => format!(
            "{}, {}: revision {}, {} mm at {} mm/day",
            p.site.label(),
            p.device.label(),
            sheet.revision,
            fmt_mm(sheet.plan.correction_mm),
            fmt_mm(sheet.plan.rate_mm_day)
        ),
        None => format!(
            "{}, {}: {} mm/day × {} sessions, {} mm a turn",
            p.site.label(),
            p.device.label(),
            fmt_mm(crate::domain::distraction::alerts::current_rate(&c.record(), today)),
            p.sessions_per_day,
            fmt_mm(p.mm_per_turn)
        ),
    };
    let mut lines = vec![Line::styled(said, theme.dim())];
    if let Some(hi) = s.healing_index {
        lines.push(Line::styled(format!("healing index {hi:.0} d/cm (R-DO-7)"), theme.dim()));
    }
    if s.alerts.is_empty() {
        lines.push(Line::styled("✓ nothing to act on", theme.good()));
    }
    for a in &s.alerts {
        let style = if a.severity == Severity::Urgent { theme.urgent() } else { theme.warning() };
        lines.push(Line::styled(format!("{} {} {}", a.severity.glyph(), a.rule, a.message), style));
    }
    let trends = pin_trends(&c.rounds, PIN_TREND_ROUNDS);
    if !trends.is_empty() {
        let text: Vec<String> = trends
            .iter()
            .map(|(pin, grades)| {
                let grades: Vec<String> = grades.iter().map(u8::to_string).collect();
                format!("pin {pin}: {}", grades.join("→"))
            })
            .collect();
        lines.push(Line::styled(
            format!("pin grades, last {PIN_TREND_ROUNDS} rounds: {}", text.join("  ")),
            theme.dim(),
        ));
    }
    let block = Block::default().borders(Borders::TOP).title(" ALERTS ");
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), area);
}

/// The length chart: the plan as a thin line, what was done as blocks, so
/// the two read apart without colour. Days are counted from the osteotomy.
fn draw_chart(frame: &mut Frame<'_>, area: Rect, row: &RoundsRow, today: NaiveDate, theme: &Theme) {
    let (planned, done) = series(row, today);
    let last_day = planned.last().map_or(1.0, |(d, _)| *d).max(1.0);
    let top = row.case.prescription.target_mm.max(done.iter().map(|(_, mm)| *mm).fold(0.0, f64::max)).max(1.0);
    let datasets = vec![
        Dataset::default().name("plan ─").marker(Marker::Braille).graph_type(GraphType::Line).data(&planned),
        Dataset::default()
            .name("done █")
            .marker(Marker::Block)
            .graph_type(GraphType::Scatter)
            .style(theme.section())
            .data(&done),
    ];
    let chart = Chart::new(datasets)
        .block(Block::default().borders(Borders::TOP).title(" LENGTH, mm by day "))
        .x_axis(Axis::default().bounds([0.0, last_day]).labels(["0".to_string(), format!("{last_day:.0} d")]))
        .y_axis(Axis::default().bounds([0.0, top]).labels(["0".to_string(), fmt_mm(top)]));
    frame.render_widget(chart, area);
}

/// Chart points: `(day since the osteotomy, mm)`.
pub type Points = Vec<(f64, f64)>;

/// `(day since the osteotomy, mm)`: planned to the end of the plan, done up to today.
pub fn series(row: &RoundsRow, today: NaiveDate) -> (Points, Points) {
    let case = &row.case;
    let p = &case.prescription;
    let plan = case.plan();
    let end = plan.end.unwrap_or(today).max(today);
    let mut planned = Vec::new();
    let mut done = Vec::new();
    let mut turns = 0u32;
    let mut day = p.osteotomy_on;
    let mut x = 0.0;
    while day <= end {
        planned.push((x, plan.planned_mm_by(day)));
        if day <= today {
            turns += case.sessions.iter().filter(|s| s.day == day).map(|s| s.turns).sum::<u32>();
            if day >= plan.start {
                done.push((x, p.mm(turns)));
            }
        }
        let Some(next) = day.checked_add_days(Days::new(1)) else { break };
        day = next;
        x += 1.0;
    }
    (planned, done)
}
