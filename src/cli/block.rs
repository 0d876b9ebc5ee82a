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
        .map_or_else(|| tr!("cli-block-no-room").into_owned(), |r| r.name.clone())
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

/// One printed line; a longer one is wrapped between words onto indented
/// lines (issue 9: never cut, so a patient's identity and a case's state
/// stay whole on paper). What follows is indented by the line's own
/// indentation plus four.
fn line(out: &mut String, text: &str) {
    let lead = text.len() - text.trim_start_matches(' ').len();
    line_with(out, text, lead + 4);
}

/// [`line`], what follows indented by `indent` cells.
fn line_with(out: &mut String, text: &str, indent: usize) {
    use unicode_width::UnicodeWidthStr;
    let text = crate::domain::names::for_terminal(text);
    if text.width() <= WIDTH {
        let _ = writeln!(out, "{}", text.trim_end());
        return;
    }
    let lead = text.len() - text.trim_start_matches(' ').len();
    for part in crate::ui::wrap(text.trim_start(), WIDTH, &" ".repeat(lead), &" ".repeat(indent.min(WIDTH / 2))) {
        let _ = writeln!(out, "{}", part.trim_end());
    }
}

/// A paragraph of explanation, wrapped at [`WIDTH`].
fn paragraph(out: &mut String, text: &str) {
    for part in crate::ui::wrap(text, WIDTH, "", "") {
        let _ = writeln!(out, "{part}");
    }
}

/// The printable list: each room, its cases by time with patient,
/// procedure, operator, anaesthesia, readiness and conflicts; then every
/// conflict in words. Every line fits in [`WIDTH`] cells.
pub fn text(day: &BlockDay, now: DateTime<Utc>, zone: Tz) -> String {
    let mut out = String::new();
    let frozen = if day.frozen { format!("  {}", tr!("cli-block-frozen")) } else { String::new() };
    line(
        &mut out,
        &tr!(
            "cli-block-title",
            day = crate::domain::day_label::day_text(day.day),
            now = now.with_timezone(&zone).format("%d/%m %H:%M").to_string(),
            frozen = frozen
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
        rooms.push((
            tr!("cli-block-no-room-yet").into_owned(),
            day.cases.iter().filter(|c| c.room_id.is_none()).collect(),
        ));
    }
    for (title, cases) in rooms {
        line(&mut out, "");
        line(&mut out, &tr!("cli-block-room", room = title.to_uppercase(), count = cases.len()));
        if cases.is_empty() {
            line(&mut out, &format!("  {}", tr!("cli-block-nothing-booked")));
        }
        for c in cases {
            let mark = if c.conflicts.is_empty() { " " } else { "!" };
            // R-PATH-5: the whole identity, on paper too: a long one wraps.
            let patient = c.patient.to_string();
            let patient = if unicode_width::UnicodeWidthStr::width(patient.as_str()) <= 44 {
                crate::ui::fit(&patient, 44)
            } else {
                patient
            };
            line_with(
                &mut out,
                &format!(
                    "{mark} {}–{}  {patient} {}",
                    clock_text(c.start, zone),
                    clock_text(c.end, zone),
                    c.readiness.label()
                ),
                15,
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
                    c.operator.clone().unwrap_or_else(|| tr!("cli-block-no-operator").into_owned()),
                    c.state.label()
                ),
            );
            if let Some(nurse) = &c.nurse {
                line(&mut out, &format!("               {}", tr!("cli-block-nurse", nurse = nurse.as_str())));
            }
            for k in &c.conflicts {
                line(&mut out, &format!("               ! {}", k.words()));
            }
        }
    }
    line(&mut out, "");
    line(&mut out, &tr!("cli-block-conflicts", count = day.conflicts.len(), minutes = day.turnover_min));
    if day.conflicts.is_empty() {
        line(&mut out, &format!("  {}", tr!("cli-block-none")));
    }
    for c in &day.conflicts {
        // The words can be long: wrapped, never cut.
        line_with(&mut out, &format!("  ! {}", c.text), 4);
    }
    // R-BLOCK-6: each room's utilisation, planned and real.
    line(&mut out, "");
    line(&mut out, &tr!("cli-block-utilisation"));
    line(&mut out, &format!("  {}", tr!("cli-block-utilisation-head")));
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
    line(&mut out, &tr!("cli-block-called-off", count = total));
    for c in &day.called_off {
        line(&mut out, &format!("  {:<10} {:<18} {}", c.kind.code(), c.reason.words(), c.count));
    }
    out
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
    let (from, to) = (from.format("%d/%m/%Y").to_string(), to.format("%d/%m/%Y").to_string());
    line(&mut out, &tr!("cli-block-stats-title", from = from, to = to));
    line(
        &mut out,
        &format!(
            "{:<10}  {:<16}  {:>5}  {:>7}  {:>5}  {:>5}  {:>10}  {:>6}",
            tr!("cli-block-week-of"),
            tr!("cli-block-room-head"),
            tr!("cli-block-cases"),
            tr!("cli-block-planned"),
            tr!("cli-block-real"),
            tr!("cli-block-start"),
            tr!("cli-block-turnover"),
            tr!("cli-block-called")
        ),
    );
    for r in rows {
        let delay = r.start_delay_avg_min.map_or_else(|| "–".to_string(), |d| format!("{d:+}"));
        let turnover = r.turnover_avg_min.map_or_else(|| "–".to_string(), |t| format!("{t} ({})", r.turnovers));
        line(
            &mut out,
            &format!(
                "{}  {}  {:>5}  {:>5.0} %  {:>3.0} %  {:>5}  {:>10}  {:>6}",
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
        line(&mut out, &format!("  {}", tr!("cli-block-no-rooms")));
    }
    line(&mut out, "");
    paragraph(&mut out, &tr!("cli-block-stats-explained"));
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

/// Reads `--at`: `HH:MM` on the ward day of `now` (two digits each; `02:05
/// (2nd)` for the second reading on the night the clocks go back), or a
/// date and time (`2026-11-23T08:12`, ward time; `…Z` for UTC; an offset,
/// `2026-10-25T02:05+01:00`, for one reading of a repeated hour). Returns
/// every instant it may be, earliest first: two for a ward time the autumn
/// change repeats with no reading given, one otherwise.
pub fn event_time(text: &str, now: DateTime<Utc>, zone: Tz) -> color_eyre::Result<Vec<DateTime<Utc>>> {
    use crate::domain::ward_time;
    let text = text.trim();
    if text.len() <= 11 && !text.contains('-') {
        let (time, reading) = ward_time::parse_clock(text)
            .ok_or_else(|| color_eyre::eyre::eyre!("{}", tr!("cli-block-not-a-time", text = format!("{text:?}"))))?;
        let day = ward_time::local_day(now, zone);
        return Ok(match reading {
            Some(r) => vec![ward_time::at_local_reading(day, time, Some(r), zone)],
            None => ward_time::readings(day.and_time(time), zone),
        });
    }
    let at = crate::app::clock::NowArg::parse(text)
        .map_err(|e| color_eyre::eyre::eyre!("{}", tr!("cli-block-at-or-today", error = e.to_string())))?;
    match at {
        crate::app::clock::NowArg::Absolute(t) => Ok(vec![t]),
        crate::app::clock::NowArg::Ward(local) => Ok(ward_time::readings(local, zone)),
    }
}

/// Tries `write` at each reading of a time, earliest first, until one is
/// accepted (issue 9: the second 02:05 of the autumn night is taken when the
/// order check refuses the first); the first refusal otherwise.
fn first_accepted<T>(
    store: &mut crate::store::Store,
    now: DateTime<Utc>,
    readings: &[DateTime<Utc>],
    mut write: impl FnMut(&mut crate::store::write::WriteTx<'_>, DateTime<Utc>) -> crate::store::Result<T>,
) -> color_eyre::Result<T> {
    let mut refusal = None;
    for at in readings {
        match store.write(now, |tx| write(tx, *at)) {
            Ok(done) => return Ok(done),
            Err(e) => {
                refusal.get_or_insert(e);
            }
        }
    }
    let e = refusal.unwrap_or_else(|| {
        crate::store::StoreError::invalid(tr!("cli-block-timeline").into_owned(), tr!("cli-block-no-time").into_owned())
    });
    Err(store.explain(e).into())
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
                    color_eyre::eyre::eyre!(
                        "{}",
                        tr!("cli-block-not-an-event", text = format!("{text:?}"), kinds = kinds())
                    )
                })?),
                None => None,
            };
            // Found in use (#7): an unknown case was "removed by someone else".
            let no_case = |store: &crate::store::Store, e: crate::store::StoreError| match e {
                crate::store::StoreError::NotFound(what) if what == crate::store::table::Table::Cases.row(case_id) => {
                    color_eyre::eyre::eyre!("{}", tr!("cli-block-no-case", id = case_id))
                }
                e => store.explain(e).into(),
            };
            let done = match (kind, at) {
                (Some(kind), Some(at)) => {
                    let readings = event_time(&at, now, zone)?;
                    first_accepted(store, now, &readings, |tx, at| case_events::record(tx, case_id, kind, Some(at)))?
                }
                (Some(kind), None) => store
                    .write(now, |tx| case_events::record(tx, case_id, kind, None))
                    .map_err(|e| no_case(store, e))?,
                (None, None) => {
                    store.write(now, |tx| case_events::record_next(tx, case_id, None)).map_err(|e| no_case(store, e))?
                }
                (None, Some(_)) => {
                    return Err(color_eyre::eyre::eyre!("{}", tr!("cli-block-at-needs-kind")));
                }
            };
            Ok(tr!("cli-block-recorded", id = case_id, what = done.words(zone, now), event = done.event_id)
                .into_owned())
        }
        EventCommand::Correct { event_id, at } => {
            let readings = event_time(&at, now, zone)?;
            let done = first_accepted(store, now, &readings, |tx, at| case_events::correct(tx, event_id, None, at))?;
            Ok(tr!("cli-block-corrected", id = event_id, what = done.words(zone, now), event = done.event_id)
                .into_owned())
        }
        EventCommand::Void { event_id, reason } => {
            let voided =
                store.write(now, |tx| case_events::void(tx, event_id, None, &reason)).map_err(|e| store.explain(e))?;
            Ok(tr!("cli-block-voided", id = event_id, what = voided.words()).into_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::block_list::BlockRoom;
    use crate::domain::case::{AnaesthesiaMode, CaseState};
    use crate::domain::identity::Identity;
    use crate::domain::readiness::Status;
    use chrono::{NaiveDate, NaiveTime, TimeZone};
    use unicode_width::UnicodeWidthStr;

    fn paris(h: u32, m: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap().to_utc()
    }

    /// R-PATH-5 (issue 9): on paper, a long surname wraps rather than cutting
    /// the first name and birth date; a long operator's name wraps rather
    /// than cutting the anaesthesia and the case's state.
    #[test]
    fn r_path_5_the_printed_list_wraps_and_never_cuts_identity_or_state() {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        let case = BlockCase {
            case_id: 1,
            version: 1,
            admission_id: 1,
            room_id: Some(1),
            start: paris(8, 0),
            end: paris(9, 30),
            minutes: 90,
            patient: Identity {
                patient_id: 1,
                surname: "Delacroix-Montmorency de la Tour d'Auvergne".into(),
                first_name: "Marie-Antoinette".into(),
                birth_date: NaiveDate::from_ymd_opt(1950, 1, 2).unwrap(),
            },
            procedure: "Vertebroplasty".into(),
            side_level: None,
            operator: Some("Professeur Jean-Baptiste Delacroix-Montmorency".into()),
            anaesthetist: None,
            nurse: None,
            anaesthesia_mode: AnaesthesiaMode::LocalOnly,
            state: CaseState::Planned,
            readiness: Status::Ready,
            conflicts: Vec::new(),
            timeline: Vec::new(),
        };
        let day = BlockDay {
            day: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            rooms: vec![BlockRoom { room_id: 1, name: "Room 1 CT".into(), opens: t(8), closes: t(18) }],
            cases: vec![case],
            conflicts: Vec::new(),
            turnover_min: 20,
            frozen: false,
            called_off: Vec::new(),
            postponed: Vec::new(),
        };
        let text = text(&day, paris(7, 0), chrono_tz::Europe::Paris);
        assert!(!text.contains('…'), "{text}");
        for line in text.lines() {
            assert!(line.width() <= WIDTH, "{line}");
        }
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Marie-Antoinette (02/01/1950)"), "{text}");
        assert!(flat.contains("local only · planned"), "{text}");
    }

    /// R-BLOCK-6 (issue 9): `block stats` explains itself whole at 80
    /// columns, and its CSV writes a negative delay as a number.
    #[test]
    fn r_block_6_stats_text_is_whole_and_csv_numbers_are_numbers() {
        let mut row = weekly(&[], chrono_tz::Europe::Paris);
        assert!(row.is_empty());
        row.push(WeekRow {
            week: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            room: "Room 1 CT".into(),
            cases: 3,
            booked_min: 300,
            open_min: 600,
            utilisation: 0.5,
            called_off: 0,
            occupied_min: 255,
            occupancy: 0.425,
            recorded_cases: 2,
            started_days: 1,
            start_delay_avg_min: Some(-660),
            turnovers: 1,
            turnover_avg_min: Some(65),
            delay_sum: 0,
            turnover_sum: 0,
        });
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let text = stats_text(&row, day, day);
        assert!(!text.contains('…'), "{text}");
        for line in text.lines() {
            assert!(line.width() <= WIDTH, "{line}");
        }
        assert!(text.contains("(how many recorded)"), "{text}");
        let csv = stats_csv(&row);
        assert!(csv.contains(",-660,"), "{csv}");
        assert!(!csv.contains("'-"), "{csv}");
    }
}
