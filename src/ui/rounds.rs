//! The Rounds tab: the rounds sheet of a ward day, overdue sessions first
//! (R-DO-4), then the selected patient's alerts (R-DO-3, R-DO-6, R-DO-7),
//! the day's sessions and rounds, and the length chart: planned against
//! done, day by day. A day gone by reads as it ended (the sessions missed),
//! a day to come as its plan.

use super::theme::Theme;
use crate::app::State;
use crate::app::keymap::{Action, Scope};
use crate::app::screens::key_for;
use crate::domain::attention::Severity;
use crate::domain::distraction::alerts::fmt_mm;
use crate::domain::distraction::plan::phase_day;
use crate::domain::distraction::round::pin_trends;
use crate::domain::distraction::sheet::rounds_by;
use crate::domain::ward_time::{clock_text, local_day};
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

/// Rows of the panel under the list for the selected patient, at least:
/// it takes every row the list does not need.
const PANEL_ROWS: u16 = 11;

/// Rows the list may need besides its rows: the title, and the selected
/// row in full at its foot (up to three lines).
const LIST_EXTRA_ROWS: usize = 4;

/// Where the day shown stands against today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayShown {
    Gone,
    Today,
    ToCome,
}

impl DayShown {
    fn of(state: &State) -> DayShown {
        match state.rounds_day().cmp(&state.today()) {
            std::cmp::Ordering::Less => DayShown::Gone,
            std::cmp::Ordering::Equal => DayShown::Today,
            std::cmp::Ordering::Greater => DayShown::ToCome,
        }
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let wanted = state.rounds.list.visible().count().max(1) + LIST_EXTRA_ROWS;
    let room = area.height.saturating_sub(PANEL_ROWS).max(4);
    let list_rows = u16::try_from(wanted).unwrap_or(u16::MAX).clamp(4, room);
    let [list, panel] = Layout::vertical([Constraint::Length(list_rows), Constraint::Min(PANEL_ROWS)]).areas(area);
    draw_list(frame, list, state, theme);
    if let Some(row) = state.rounds.list.selected_row() {
        // R-DO-8: a hexapod frame's strut sheet takes the chart's place (and
        // its width: six struts side by side).
        let hexapod = row.case.hexapod.as_ref().zip(row.status.struts_today.as_ref());
        let split = if hexapod.is_some() { [40, 60] } else { [50, 50] };
        let [left, right] = Layout::horizontal(split.map(Constraint::Percentage)).areas(panel);
        draw_alerts(frame, left, row, state, theme);
        match hexapod {
            Some((sheet, struts)) => super::hexapod::draw(frame, right, sheet, struts, state.rounds_day(), theme),
            None => draw_chart(frame, right, row, state.rounds_day().min(state.today()), theme),
        }
    }
}

fn row_text(row: &RoundsRow, name: &str, day: NaiveDate, sheet: DayShown, zone: chrono_tz::Tz) -> String {
    let (c, s) = (&row.case, &row.status);
    let late = match (s.overdue, sheet) {
        (0, _) => String::new(),
        (n, DayShown::Gone) => format!("! {n} MISSED  "),
        (n, _) => format!("! {n} OVERDUE  "),
    };
    let sessions = match sheet {
        // R-DO-8: a hexapod frame's struts (`struts 3/5 (rev 2)`).
        _ if s.struts_today.is_some() => s.today_text(),
        DayShown::ToCome => {
            format!("{} planned", crate::domain::distraction::alerts::counted(s.sessions_due, "session"))
        }
        _ => s.today_text(),
    };
    let pin = match s.worst_pin {
        Some((pin, g)) => format!("  pin {pin} grade {g}"),
        None if rounds_by(&c.rounds, day, zone).is_empty() => "  no round".into(),
        // A device without pin sites (an internal jaw distractor).
        None => String::new(),
    };
    let alert = s.alerts.first().map(|a| format!("  {} {}", a.severity.glyph(), a.message)).unwrap_or_default();
    format!(
        "{late}{}{}  {}  {sessions}  {}/{} mm (target {}){pin}{alert}",
        super::column(name, 34),
        if c.outpatient { " ☎" } else { "" },
        phase_day(s.phase, s.day_number),
        fmt_mm(s.achieved_mm),
        fmt_mm(s.planned_mm),
        fmt_mm(s.target_mm),
    )
}

/// ` DISTRACTION ROUNDS Sun 22/11/2026 (4) · today`; another day says how
/// it reads and the key back to today.
fn title(state: &State) -> String {
    let v = &state.rounds;
    let day = state.rounds_day();
    let back = key_for(Scope::Rounds, Action::Today);
    let when = match DayShown::of(state) {
        DayShown::Today => "today".to_string(),
        DayShown::Gone => format!("as the day ended ({back}: today)"),
        DayShown::ToCome => format!("the plan of a day to come ({back}: today)"),
    };
    format!(
        " DISTRACTION ROUNDS {} ({}) · {when}{}",
        day.format("%a %d/%m/%Y"),
        v.list.rows.len(),
        super::filter_text(state, &v.list.filter)
    )
}

fn draw_list(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let v = &state.rounds.list;
    let sheet = DayShown::of(state);
    let mut lines = vec![Line::styled(super::fit(&title(state), usize::from(area.width)), theme.section())];
    let header = lines.len();
    let width = usize::from(area.width).saturating_sub(3);
    let mut selected_line = None;
    if let Some(error) = &v.error {
        lines.push(Line::styled(format!(" ! could not read the rounds: {error}"), theme.urgent()));
    } else if !v.loaded {
        lines.push(Line::styled(" reading…", theme.dim()));
    } else if v.rows.is_empty() {
        let on = if sheet == DayShown::Today { "today".to_string() } else { "on this day".to_string() };
        lines.push(Line::styled(format!("   no patient is in distraction {on}"), theme.dim()));
    } else if v.visible().next().is_none() {
        lines.push(Line::styled("   nothing here matches the filter (Esc clears it)", theme.dim()));
    }
    let mut full = None;
    for row in v.visible() {
        let is_selected = v.selected == Some(row.case.id);
        if is_selected {
            selected_line = Some(lines.len() - header);
        }
        let name = crate::app::screens::rounds::patient_and_case(&v.rows, row);
        let text = row_text(row, &name, state.rounds_day(), sheet, state.zone);
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
    super::draw_list(frame, area, lines, header, selected_line, full, theme, state.language);
}

/// The day's sessions, each done (its turns, and when when reported
/// later), missed, overdue, due or to come: `21/11: 1 ✓ 1 turn · 2 ✗ missed`.
fn sessions_line(row: &RoundsRow, state: &State, sheet: DayShown) -> String {
    let (day, zone) = (state.rounds_day(), state.zone);
    let s = &row.status;
    let mut parts = Vec::new();
    for &(n, turns, due) in &s.due_today {
        let done = row.case.sessions.iter().find(|d| d.day == day && d.session == n);
        parts.push(match done {
            Some(d) => {
                let when = if local_day(d.done_at, zone) == day {
                    format!("at {}", clock_text(d.done_at, zone))
                } else {
                    format!("reported {}", d.done_at.with_timezone(&zone).format("%d/%m %H:%M"))
                };
                let phone = if d.by_phone { " ☎" } else { "" };
                let corrected = if d.corrected() { " (corrected)" } else { "" };
                format!("{n} ✓ {} {when}{phone}{corrected}", plural(d.turns, "turn"))
            }
            None if sheet == DayShown::ToCome => {
                format!("{n} at {} ({})", clock_text(due, zone), plural(turns, "turn"))
            }
            None if s.overdue_sessions.contains(&n) && sheet == DayShown::Gone => format!("{n} ✗ missed"),
            None if s.overdue_sessions.contains(&n) => format!("{n} ! overdue"),
            None if due <= state.now => format!("{n} due {}", clock_text(due, zone)),
            None => format!("{n} at {}", clock_text(due, zone)),
        });
    }
    let on = if sheet == DayShown::Today { "today".to_string() } else { day.format("%d/%m").to_string() };
    if parts.is_empty() {
        return format!("sessions {on}: none due");
    }
    format!("sessions {on}: {}", parts.join(" · "))
}

/// The rounds made on the day shown, each with its number (what `V` and
/// `periop void round` name): `round #12 09:40: pain 2/10, pins 0 1 0 0`;
/// a voided one says so, and why (never by style alone).
fn rounds_line(row: &RoundsRow, state: &State, sheet: DayShown) -> Option<String> {
    let day = state.rounds_day();
    let made: Vec<String> = row
        .case
        .round_log
        .iter()
        .filter(|r| local_day(r.round.at, state.zone) == day)
        .map(|r| {
            let at = clock_text(r.round.at, state.zone);
            if let Some(why) = &r.void_reason {
                return format!("round #{} {at} ✗ voided: {why}", r.id);
            }
            let pins: Vec<String> = r.round.pin_grades.iter().map(u8::to_string).collect();
            let pins = if pins.is_empty() { String::new() } else { format!(", pins {}", pins.join(" ")) };
            format!("round #{} {at}: pain {}/10{pins}", r.id, r.round.pain)
        })
        .collect();
    match sheet {
        DayShown::ToCome => None,
        _ if made.is_empty() => {
            Some(if sheet == DayShown::Today { "no round yet today".into() } else { "no round that day".into() })
        }
        _ => Some(made.join(" · ")),
    }
}

fn plural(n: u32, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

fn draw_alerts(frame: &mut Frame<'_>, area: Rect, row: &RoundsRow, state: &State, theme: &Theme) {
    let (c, s) = (&row.case, &row.status);
    let p = &c.prescription;
    let (day, sheet) = (state.rounds_day(), DayShown::of(state));
    let said = match &c.hexapod {
        // R-DO-8: the prescription in force, not the turns.
        Some(hexapod) => format!(
            "{}, {}: revision {}, {} mm at {} mm/day",
            p.site.label(),
            p.device.label(),
            hexapod.revision,
            fmt_mm(hexapod.plan.correction_mm),
            fmt_mm(hexapod.plan.rate_mm_day)
        ),
        None => format!(
            "{}, {}: {} mm/day × {}, {} mm a turn",
            p.site.label(),
            p.device.label(),
            fmt_mm(crate::domain::distraction::alerts::current_rate(&c.record(), day)),
            crate::domain::distraction::alerts::counted(p.sessions_per_day, "session"),
            fmt_mm(p.mm_per_turn)
        ),
    };
    let mut lines = vec![Line::styled(said, theme.dim())];
    if let Some(hi) = s.healing_index {
        lines.push(Line::styled(format!("healing index {hi:.0} d/cm (R-DO-7)"), theme.dim()));
    }
    let mut alerts = Vec::new();
    match sheet {
        DayShown::ToCome => {
            let back = key_for(Scope::Rounds, Action::Today);
            alerts.push(Line::styled(format!("alerts are judged on today's sheet ({back})"), theme.dim()));
        }
        _ if s.alerts.is_empty() => alerts.push(Line::styled("✓ nothing to act on", theme.good())),
        _ => {}
    }
    for a in &s.alerts {
        let style = if a.severity == Severity::Urgent { theme.urgent() } else { theme.warning() };
        alerts.push(Line::styled(format!("{} {} {}", a.severity.glyph(), a.rule, a.message), style));
    }
    let sessions_style = if s.overdue > 0 { theme.warning() } else { Style::default() };
    // A hexapod frame's struts are on its sheet beside, not sessions.
    let mut done = Vec::new();
    if c.hexapod.is_none() {
        done.push(Line::styled(sessions_line(row, state, sheet), sessions_style));
    }
    done.extend(rounds_line(row, state, sheet).map(Line::raw));
    // Today the alerts come first; a day gone by is read for what was done.
    if sheet == DayShown::Gone {
        lines.extend(done);
        lines.extend(alerts);
    } else {
        lines.extend(alerts);
        lines.extend(done);
    }
    let trends = pin_trends(rounds_by(&c.rounds, day, state.zone), PIN_TREND_ROUNDS);
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
fn draw_chart(frame: &mut Frame<'_>, area: Rect, row: &RoundsRow, until: NaiveDate, theme: &Theme) {
    let (planned, done) = series(row, until);
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
