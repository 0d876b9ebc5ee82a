//! `periop block`: a day's block list, printable at 80 columns, or as JSON
//! and CSV for scripts (README, "periop block").
//!
//! JSON and CSV are stable: keys and columns are only ever added, and
//! `schema` goes up if one must change meaning.

use crate::domain::block_list::{BlockCase, BlockDay};
use crate::domain::names;
use crate::domain::ward_time::clock_text;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::fmt::Write;

pub const JSON_SCHEMA: u32 = 1;

/// The printed list's width, in terminal cells.
pub const WIDTH: usize = 80;

#[derive(Serialize)]
struct JsonDay<'a> {
    schema: u32,
    generated_at: DateTime<Utc>,
    zone: String,
    #[serde(flatten)]
    day: &'a BlockDay,
}

pub fn json(day: &BlockDay, now: DateTime<Utc>, zone: Tz) -> String {
    let doc = JsonDay { schema: JSON_SCHEMA, generated_at: now, zone: zone.name().to_string(), day };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "case_id",
    "room",
    "start",
    "end",
    "surname",
    "first_name",
    "birth_date",
    "procedure",
    "side_level",
    "operator",
    "anaesthetist",
    "anaesthesia_mode",
    "state",
    "readiness",
    "conflicts",
    "nurse",
];

fn room_name(day: &BlockDay, case: &BlockCase) -> String {
    case.room_id
        .and_then(|id| day.rooms.iter().find(|r| r.room_id == id))
        .map_or_else(|| "no room".to_string(), |r| r.name.clone())
}

pub fn csv(day: &BlockDay, zone: Tz) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    let local = |t: DateTime<Utc>| t.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string();
    for c in &day.cases {
        let fields = [
            c.case_id.to_string(),
            room_name(day, c),
            local(c.start),
            local(c.end),
            names::surname_shown(&c.patient.surname),
            names::first_name_shown(&c.patient.first_name),
            c.patient.birth_date.to_string(),
            c.procedure.clone(),
            c.side_level.clone().unwrap_or_default(),
            c.operator.clone().unwrap_or_default(),
            c.anaesthetist.clone().unwrap_or_default(),
            c.anaesthesia_mode.code().to_string(),
            c.state.code().to_string(),
            c.readiness.code().to_string(),
            c.conflicts.iter().map(|k| k.code()).collect::<Vec<_>>().join(";"),
            c.nurse.clone().unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| super::admissions::quote(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

fn line(out: &mut String, text: &str) {
    let _ = writeln!(out, "{}", crate::ui::fit(text, WIDTH).trim_end());
}

/// The printable list: each room, its cases by time with patient,
/// procedure, operator, anaesthesia, readiness and conflicts; then every
/// conflict in words. Every line fits in [`WIDTH`] cells.
pub fn text(day: &BlockDay, now: DateTime<Utc>, zone: Tz) -> String {
    let mut out = String::new();
    let frozen = if day.frozen { "  · list frozen (R-BLOCK-4)" } else { "" };
    line(
        &mut out,
        &format!(
            "Block list for {}, as of {}{frozen}",
            day.day.format("%a %d/%m/%Y"),
            now.with_timezone(&zone).format("%d/%m %H:%M")
        ),
    );
    let unroomed = day.cases.iter().filter(|c| c.room_id.is_none()).count();
    let mut rooms: Vec<(String, Vec<&BlockCase>)> = day
        .rooms
        .iter()
        .map(|r| {
            (
                format!("{} ({}–{})", r.name, r.opens.format("%H:%M"), r.closes.format("%H:%M")),
                day.in_room(r.room_id).collect(),
            )
        })
        .collect();
    if unroomed > 0 {
        rooms.push(("No room yet".to_string(), day.cases.iter().filter(|c| c.room_id.is_none()).collect()));
    }
    for (title, cases) in rooms {
        line(&mut out, "");
        line(
            &mut out,
            &format!("{} — {} case{}", title.to_uppercase(), cases.len(), if cases.len() == 1 { "" } else { "s" }),
        );
        if cases.is_empty() {
            line(&mut out, "  nothing booked");
        }
        for c in cases {
            let mark = if c.conflicts.is_empty() { " " } else { "!" };
            line(
                &mut out,
                &format!(
                    "{mark} {}–{}  {:<44} {}",
                    clock_text(c.start, zone),
                    clock_text(c.end, zone),
                    crate::ui::fit(&c.patient.to_string(), 44),
                    c.readiness.label()
                ),
            );
            let level = c.side_level.as_deref().map(|l| format!(" {l}")).unwrap_or_default();
            let anaesthesia = match (&c.anaesthetist, c.anaesthesia_mode.needs_anaesthetist()) {
                (Some(a), true) => format!("{} ({a})", crate::app::forms::mode_label(c.anaesthesia_mode)),
                _ => crate::app::forms::mode_label(c.anaesthesia_mode).to_string(),
            };
            line(&mut out, &format!("               {}{level}", c.procedure));
            line(
                &mut out,
                &format!(
                    "               {} · {anaesthesia}   {}",
                    c.operator.as_deref().unwrap_or("no operator"),
                    c.state.label()
                ),
            );
            if let Some(nurse) = &c.nurse {
                line(&mut out, &format!("               block nurse {nurse}"));
            }
            for k in &c.conflicts {
                line(&mut out, &format!("               ! {}", k.words()));
            }
        }
    }
    line(&mut out, "");
    line(
        &mut out,
        &format!("CONFLICTS ({})  turnover {} min (block.turnover_min)", day.conflicts.len(), day.turnover_min),
    );
    if day.conflicts.is_empty() {
        line(&mut out, "  none");
    }
    for c in &day.conflicts {
        // The words can be long: wrapped, never cut.
        let text = format!("! {}", c.text);
        for (i, part) in wrap(&text, WIDTH - 4).into_iter().enumerate() {
            line(&mut out, &format!("{}{part}", if i == 0 { "  " } else { "    " }));
        }
    }
    // R-BLOCK-6: each room's utilisation, planned and real.
    line(&mut out, "");
    line(&mut out, "UTILISATION (R-BLOCK-6; real: in room → out of room where recorded)");
    line(&mut out, "  room                     planned      real  start   turnover");
    for u in crate::domain::block_list::utilisation(day, zone) {
        let name = day.rooms.iter().find(|r| r.room_id == u.room_id).map_or("", |r| r.name.as_str());
        let delay = u.start_delay_min.map_or_else(|| "–".to_string(), |d| format!("{d:+}"));
        let turnover =
            u.turnover_avg_min().map_or_else(|| "–".to_string(), |t| format!("{t} ({})", u.turnovers_min.len()));
        line(
            &mut out,
            &format!(
                "  {:<24} {:>4} {:>3.0} %  {:>4} {:>3.0} %  {:>5}  {}",
                crate::ui::fit(name, 24),
                u.booked_min,
                u.planned_ratio() * 100.0,
                u.occupied_min,
                u.ratio() * 100.0,
                delay,
                turnover
            ),
        );
    }
    // R-BLOCK-5: the day's cases called off, counted by reason.
    let total: u32 = day.called_off.iter().map(|c| c.count).sum();
    line(&mut out, "");
    line(&mut out, &format!("CANCELLED OR POSTPONED ({total})"));
    for c in &day.called_off {
        line(&mut out, &format!("  {:<10} {:<18} {}", c.kind.code(), c.reason.words(), c.count));
    }
    out
}

/// Splits at spaces into lines of at most `width` cells (a longer word is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        if !current.is_empty() && current.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// R-BLOCK-6, R-BLOCK-5: one room's week.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekRow {
    /// The Monday of the ISO week.
    pub week: chrono::NaiveDate,
    pub room: String,
    pub cases: u32,
    pub booked_min: i64,
    pub open_min: i64,
    /// booked ÷ open, 0 to 1 (planned).
    pub utilisation: f64,
    /// The room's cases booked that week then cancelled or postponed is not
    /// per room: counted on the week's first room row only.
    pub called_off: u32,
    /// Minutes occupied within the hours: in room → out of room where the
    /// J0 timeline has both, planned otherwise.
    pub occupied_min: i64,
    /// occupied ÷ open, 0 to 1 (real where recorded).
    pub occupancy: f64,
    /// Cases whose occupation is from recorded times.
    pub recorded_cases: u32,
    /// Days whose first patient in the room was recorded.
    pub started_days: u32,
    /// The mean start delay of those days, in minutes (negative: early).
    pub start_delay_avg_min: Option<i64>,
    /// Turnovers recorded (out of room → next in room).
    pub turnovers: u32,
    /// Their mean, in minutes.
    pub turnover_avg_min: Option<i64>,
    #[serde(skip)]
    delay_sum: i64,
    #[serde(skip)]
    turnover_sum: i64,
}

fn mean(sum: i64, n: u32) -> Option<i64> {
    (n > 0).then(|| sum / i64::from(n))
}

/// Groups days into ISO weeks per room (R-BLOCK-6).
pub fn weekly(days: &[BlockDay], zone: Tz) -> Vec<WeekRow> {
    use chrono::Datelike;
    let mut rows: Vec<WeekRow> = Vec::new();
    for d in days {
        let week = d.day - chrono::Duration::days(i64::from(d.day.weekday().num_days_from_monday()));
        let called: u32 = d.called_off.iter().map(|c| c.count).sum();
        for (i, u) in crate::domain::block_list::utilisation(d, zone).into_iter().enumerate() {
            let room = d.rooms.iter().find(|r| r.room_id == u.room_id).map_or(String::new(), |r| r.name.clone());
            let cases = d.in_room(u.room_id).count() as u32;
            let called = if i == 0 { called } else { 0 };
            let index = match rows.iter().position(|r| r.week == week && r.room == room) {
                Some(index) => index,
                None => {
                    rows.push(WeekRow {
                        week,
                        room,
                        cases: 0,
                        booked_min: 0,
                        open_min: 0,
                        utilisation: 0.0,
                        called_off: 0,
                        occupied_min: 0,
                        occupancy: 0.0,
                        recorded_cases: 0,
                        started_days: 0,
                        start_delay_avg_min: None,
                        turnovers: 0,
                        turnover_avg_min: None,
                        delay_sum: 0,
                        turnover_sum: 0,
                    });
                    rows.len() - 1
                }
            };
            let r = &mut rows[index];
            r.cases += cases;
            r.booked_min += u.booked_min;
            r.open_min += u.open_min;
            r.called_off += called;
            r.occupied_min += u.occupied_min;
            r.recorded_cases += u.recorded_cases;
            if let Some(delay) = u.start_delay_min {
                r.started_days += 1;
                r.delay_sum += delay;
            }
            r.turnovers += u.turnovers_min.len() as u32;
            r.turnover_sum += u.turnovers_min.iter().sum::<i64>();
        }
    }
    for r in &mut rows {
        let ratio = |n: i64| if r.open_min > 0 { n as f64 / r.open_min as f64 } else { 0.0 };
        (r.utilisation, r.occupancy) = (ratio(r.booked_min), ratio(r.occupied_min));
        r.start_delay_avg_min = mean(r.delay_sum, r.started_days);
        r.turnover_avg_min = mean(r.turnover_sum, r.turnovers);
    }
    rows
}

pub fn stats_text(rows: &[WeekRow], from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    let mut out = String::new();
    line(&mut out, &format!("Block use from {} to {} (R-BLOCK-6)", from.format("%d/%m/%Y"), to.format("%d/%m/%Y")));
    line(&mut out, "week of     room              cases  planned   real  start    turnover  called off");
    for r in rows {
        let delay = r.start_delay_avg_min.map_or_else(|| "–".to_string(), |d| format!("{d:+}"));
        let turnover = r.turnover_avg_min.map_or_else(|| "–".to_string(), |t| format!("{t} ({})", r.turnovers));
        line(
            &mut out,
            &format!(
                "{}  {}  {:>5}  {:>5.0} %  {:>3.0} %  {:>5}  {:>10}  {:>5}",
                r.week.format("%d/%m/%Y"),
                crate::ui::fit(&r.room, 16),
                r.cases,
                r.utilisation * 100.0,
                r.occupancy * 100.0,
                delay,
                turnover,
                r.called_off
            ),
        );
    }
    if rows.is_empty() {
        line(&mut out, "  no rooms");
    }
    line(&mut out, "");
    line(&mut out, "planned: booked minutes within the hours ÷ open minutes (every day of the range counted);");
    line(&mut out, "real: in room → out of room where recorded (J0 timeline), planned otherwise; start: mean");
    line(&mut out, "minutes from the first scheduled start to the first patient in the room; turnover: mean");
    line(&mut out, "minutes from out of room to the next in room (how many recorded)");
    out
}

pub fn stats_json(rows: &[WeekRow], from: chrono::NaiveDate, to: chrono::NaiveDate, now: DateTime<Utc>) -> String {
    let doc = serde_json::json!({ "schema": JSON_SCHEMA, "generated_at": now, "from": from, "to": to, "weeks": rows });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The stats CSV columns, in order.
pub const STATS_CSV_COLUMNS: &[&str] = &[
    "week",
    "room",
    "cases",
    "booked_min",
    "open_min",
    "utilisation",
    "called_off",
    "occupied_min",
    "occupancy",
    "recorded_cases",
    "started_days",
    "start_delay_avg_min",
    "turnovers",
    "turnover_avg_min",
];

pub fn stats_csv(rows: &[WeekRow]) -> String {
    let mut out = STATS_CSV_COLUMNS.join(",");
    out.push('\n');
    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    for r in rows {
        let fields = [
            r.week.to_string(),
            r.room.clone(),
            r.cases.to_string(),
            r.booked_min.to_string(),
            r.open_min.to_string(),
            format!("{:.3}", r.utilisation),
            r.called_off.to_string(),
            r.occupied_min.to_string(),
            format!("{:.3}", r.occupancy),
            r.recorded_cases.to_string(),
            r.started_days.to_string(),
            opt(r.start_delay_avg_min),
            r.turnovers.to_string(),
            opt(r.turnover_avg_min),
        ];
        let line: Vec<String> = fields.iter().map(|f| super::admissions::quote(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// `periop block event`: what to do with the J0 timeline (R-BLOCK-6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventCommand {
    Record { case_id: i64, kind: Option<String>, at: Option<String> },
    Correct { event_id: i64, at: String },
    Void { event_id: i64, reason: String },
}

/// Reads `--at`: `HH:MM` on the ward day of `now`, or a date and time
/// (`2026-11-23T08:12`, ward time; `…Z` for UTC).
pub fn event_time(text: &str, now: DateTime<Utc>, zone: Tz) -> color_eyre::Result<DateTime<Utc>> {
    if let Ok(time) = chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M") {
        let day = crate::domain::ward_time::local_day(now, zone);
        return Ok(crate::domain::ward_time::at_local(day, time, zone));
    }
    crate::app::clock::NowArg::parse(text)
        .map(|t| t.resolve(zone))
        .map_err(|e| color_eyre::eyre::eyre!("--at {e}, or HH:MM for today"))
}

/// R-BLOCK-6: records, corrects or voids a timeline event through the
/// write path, and says what it did (naming no patient).
pub fn event(store: &mut crate::store::Store, command: EventCommand, now: DateTime<Utc>) -> color_eyre::Result<String> {
    use crate::domain::block_timeline::EventKind;
    use crate::store::case_events;
    let zone = store.zone();
    let kinds = || EventKind::ALL.iter().map(|k| k.code().replace('_', "-")).collect::<Vec<_>>().join(", ");
    match command {
        EventCommand::Record { case_id, kind, at } => {
            let kind = match kind {
                Some(text) => Some(EventKind::from_code(&text).ok_or_else(|| {
                    color_eyre::eyre::eyre!("--kind {text:?} is not an event; use one of: {}", kinds())
                })?),
                None => None,
            };
            let at = at.map(|t| event_time(&t, now, zone)).transpose()?;
            let done = store
                .write(now, |tx| match kind {
                    Some(kind) => case_events::record(tx, case_id, kind, at),
                    None if at.is_none() => case_events::record_next(tx, case_id, None),
                    None => Err(crate::store::StoreError::invalid(
                        "the timeline",
                        "--at needs --kind (which event happened then)",
                    )),
                })
                .map_err(|e| match e {
                    crate::store::StoreError::NotFound(what)
                        if what == crate::store::table::Table::Cases.row(case_id) =>
                    {
                        color_eyre::eyre::eyre!(
                            "there is no case {case_id}: `periop block --date D --format json` lists each day's cases \
                             with their case_id"
                        )
                    }
                    e => store.explain(e).into(),
                })?;
            Ok(format!("case #{case_id}: {} recorded (event {})", done.words(zone), done.event_id))
        }
        EventCommand::Correct { event_id, at } => {
            let at = event_time(&at, now, zone)?;
            let done =
                store.write(now, |tx| case_events::correct(tx, event_id, None, at)).map_err(|e| store.explain(e))?;
            Ok(format!("event {event_id} corrected: {} (now event {})", done.words(zone), done.event_id))
        }
        EventCommand::Void { event_id, reason } => {
            let voided =
                store.write(now, |tx| case_events::void(tx, event_id, None, &reason)).map_err(|e| store.explain(e))?;
            Ok(format!("event {event_id} voided; kept in the history, no longer counted{}", voided.words()))
        }
    }
}
