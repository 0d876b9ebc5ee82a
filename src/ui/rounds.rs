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
use crate::domain::day_label::day_text;
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

/// `21/11`, `21/11 14:05`: a day of the sheet, a report's time.
const DAY: &str = "%d/%m";
const DAY_AND_TIME: &str = "%d/%m %H:%M";

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
        (n, DayShown::Gone) => format!("{}  ", tr!("rounds-row-missed", count = n)),
        (n, _) => format!("{}  ", tr!("rounds-row-overdue", count = n)),
    };
    let sessions = match sheet {
        // R-DO-8: a hexapod frame's struts (`struts 3/5 (rev 2)`).
        _ if s.struts_today.is_some() => s.today_text(),
        DayShown::ToCome => tr!("rounds-row-planned", count = s.sessions_due).into_owned(),
        _ => s.today_text(),
    };
    let pin = match s.worst_pin {
        Some((pin, g)) => format!("  {}", tr!("rounds-row-pin", pin = pin, grade = g)),
        None if rounds_by(&c.rounds, day, zone).is_empty() => format!("  {}", tr!("rounds-row-no-round")),
        // A device without pin sites (an internal jaw distractor).
        None => String::new(),
    };
    let alert = s.alerts.first().map(|a| format!("  {} {}", a.severity.glyph(), a.message)).unwrap_or_default();
    format!(
        "{late}{}{}  {}  {sessions}  {}{pin}{alert}",
        super::column(name, 34),
        if c.outpatient { " ☎" } else { "" },
        phase_day(s.phase, s.day_number),
        tr!(
            "rounds-row-length",
            done = fmt_mm(s.achieved_mm),
            planned = fmt_mm(s.planned_mm),
            target = fmt_mm(s.target_mm)
        ),
    )
}

/// ` DISTRACTION ROUNDS Sun 22/11/2026 (4) · today`; another day says how
/// it reads and the key back to today.
fn title(state: &State) -> String {
    let v = &state.rounds;
    let day = state.rounds_day();
    let back = key_for(Scope::Rounds, Action::Today);
    let when = match DayShown::of(state) {
        DayShown::Today => tr!("rounds-title-today"),
        DayShown::Gone => tr!("rounds-title-gone", key = back),
        DayShown::ToCome => tr!("rounds-title-to-come", key = back),
    };
    let title = tr!("rounds-title", day = day_text(day), count = v.list.rows.len(), when = when.into_owned());
    format!("{title}{}", super::filter_text(state, &v.list.filter))
}

fn draw_list(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let v = &state.rounds.list;
    let sheet = DayShown::of(state);
    let mut lines = vec![Line::styled(super::fit(&title(state), usize::from(area.width)), theme.section())];
    let header = lines.len();
    let width = usize::from(area.width).saturating_sub(3);
    let mut selected_line = None;
    if let Some(error) = &v.error {
        lines.push(Line::styled(tr!("rounds-list-error", error = error.as_str()), theme.urgent()));
    } else if !v.loaded {
        lines.push(Line::styled(tr!("rounds-list-reading"), theme.dim()));
    } else if v.rows.is_empty() {
        let empty =
            if sheet == DayShown::Today { tr!("rounds-list-empty-today") } else { tr!("rounds-list-empty-day") };
        lines.push(Line::styled(empty, theme.dim()));
    } else if v.visible().next().is_none() {
        lines.push(Line::styled(tr!("rounds-list-none-match"), theme.dim()));
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
                    tr!("rounds-session-done-at", time = clock_text(d.done_at, zone))
                } else {
                    tr!(
                        "rounds-session-reported",
                        when = d.done_at.with_timezone(&zone).format(DAY_AND_TIME).to_string()
                    )
                };
                let phone = if d.by_phone { " ☎" } else { "" };
                let corrected = if d.corrected() { tr!("rounds-session-corrected") } else { "".into() };
                format!("{n} ✓ {} {when}{phone}{corrected}", tr!("rounds-session-turns", turns = d.turns))
            }
            None if sheet == DayShown::ToCome => {
                tr!("rounds-session-to-come", session = n, time = clock_text(due, zone), turns = turns).into_owned()
            }
            None if s.overdue_sessions.contains(&n) && sheet == DayShown::Gone => {
                tr!("rounds-session-missed", session = n).into_owned()
            }
            None if s.overdue_sessions.contains(&n) => tr!("rounds-session-overdue", session = n).into_owned(),
            None if due <= state.now => {
                tr!("rounds-session-due", session = n, time = clock_text(due, zone)).into_owned()
            }
            None => tr!("rounds-session-at", session = n, time = clock_text(due, zone)).into_owned(),
        });
    }
    let on = day.format(DAY).to_string();
    match (parts.is_empty(), sheet == DayShown::Today) {
        (true, true) => tr!("rounds-sessions-none-today"),
        (true, false) => tr!("rounds-sessions-none-day", day = on),
        (false, true) => tr!("rounds-sessions-today", sessions = parts.join(" · ")),
        (false, false) => tr!("rounds-sessions-day", day = on, sessions = parts.join(" · ")),
    }
    .into_owned()
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
                return tr!("rounds-round-voided", id = r.id, time = at, why = why.as_str()).into_owned();
            }
            let pins: Vec<String> = r.round.pin_grades.iter().map(u8::to_string).collect();
            let pins = if pins.is_empty() {
                String::new()
            } else {
                tr!("rounds-round-pins", pins = pins.join(" ")).into_owned()
            };
            tr!("rounds-round", id = r.id, time = at, pain = r.round.pain, pins = pins).into_owned()
        })
        .collect();
    match sheet {
        DayShown::ToCome => None,
        _ if made.is_empty() => Some(
            if sheet == DayShown::Today { tr!("rounds-round-none-today") } else { tr!("rounds-round-none-day") }
                .into_owned(),
        ),
        _ => Some(made.join(" · ")),
    }
}

fn draw_alerts(frame: &mut Frame<'_>, area: Rect, row: &RoundsRow, state: &State, theme: &Theme) {
    let (c, s) = (&row.case, &row.status);
    let p = &c.prescription;
    let (day, sheet) = (state.rounds_day(), DayShown::of(state));
    let said = match &c.hexapod {
        // R-DO-8: the prescription in force, not the turns.
        Some(hexapod) => tr!(
            "rounds-panel-hexapod",
            site = p.site.label(),
            device = p.device.label(),
            revision = hexapod.revision,
            mm = fmt_mm(hexapod.plan.correction_mm),
            rate = fmt_mm(hexapod.plan.rate_mm_day),
        ),
        None => tr!(
            "rounds-panel-prescription",
            site = p.site.label(),
            device = p.device.label(),
            rate = fmt_mm(crate::domain::distraction::alerts::current_rate(&c.record(), day)),
            count = p.sessions_per_day,
            mm = fmt_mm(p.mm_per_turn),
        ),
    };
    let mut lines = vec![Line::styled(said, theme.dim())];
    if let Some(hi) = s.healing_index {
        lines.push(Line::styled(tr!("rounds-panel-healing", index = format!("{hi:.0}")), theme.dim()));
    }
    let mut alerts = Vec::new();
    match sheet {
        DayShown::ToCome => {
            let back = key_for(Scope::Rounds, Action::Today);
            alerts.push(Line::styled(tr!("rounds-panel-to-come", key = back), theme.dim()));
        }
        // Found in use (issue 14): "nothing to act on" beside a strut sheet
        // with struts still to turn today.
        _ if s.struts_today.as_ref().is_some_and(|t| t.done.len() < t.due.len()) && s.alerts.is_empty() => {
            let t = s.struts_today.as_ref().map_or((0, 0), |t| (t.due.len() - t.done.len(), t.due.len()));
            let key = key_for(Scope::Rounds, Action::LogStruts);
            alerts.push(Line::styled(tr!("rounds-panel-struts-left", left = t.0, due = t.1, key = key), theme.dim()));
        }
        _ if s.alerts.is_empty() => alerts.push(Line::styled(tr!("rounds-panel-nothing"), theme.good())),
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
                tr!("rounds-panel-pin-trend", pin = *pin, grades = grades.join("→")).into_owned()
            })
            .collect();
        lines.push(Line::styled(
            tr!("rounds-panel-pin-trends", count = PIN_TREND_ROUNDS, trends = text.join("  ")),
            theme.dim(),
        ));
    }
    let block = Block::default().borders(Borders::TOP).title(tr!("rounds-panel-title"));
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), area);
}

/// The length chart: the plan as a thin line, what was done as blocks, so
/// the two read apart without colour. Days are counted from the osteotomy.
fn draw_chart(frame: &mut Frame<'_>, area: Rect, row: &RoundsRow, until: NaiveDate, theme: &Theme) {
    let (planned, done) = series(row, until);
    let last_day = planned.last().map_or(1.0, |(d, _)| *d).max(1.0);
    let top = row.case.prescription.target_mm.max(done.iter().map(|(_, mm)| *mm).fold(0.0, f64::max)).max(1.0);
    let datasets = vec![
        Dataset::default()
            .name(tr!("rounds-chart-plan"))
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .data(&planned),
        Dataset::default()
            .name(tr!("rounds-chart-done"))
            .marker(Marker::Block)
            .graph_type(GraphType::Scatter)
            .style(theme.section())
            .data(&done),
    ];
    let chart = Chart::new(datasets)
        .block(Block::default().borders(Borders::TOP).title(tr!("rounds-chart-title")))
        .x_axis(
            Axis::default()
                .bounds([0.0, last_day])
                .labels(["0".to_string(), tr!("rounds-chart-days", days = format!("{last_day:.0}")).into_owned()]),
        )
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
