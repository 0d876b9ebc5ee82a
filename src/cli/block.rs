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
    // R-BLOCK-6: each room's planned utilisation.
    line(&mut out, "");
    line(&mut out, "UTILISATION (planned: booked minutes within the room's hours ÷ open minutes)");
    for u in crate::domain::block_list::utilisation(day, zone) {
        let name = day.rooms.iter().find(|r| r.room_id == u.room_id).map_or("", |r| r.name.as_str());
        line(
            &mut out,
            &format!("  {:<24} {:>4} / {:>4} min  {:>3.0} %", name, u.booked_min, u.open_min, u.ratio() * 100.0),
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
    /// booked ÷ open, 0 to 1 (planned: the J0 timeline's real times are not used).
    pub utilisation: f64,
    /// The room's cases booked that week then cancelled or postponed is not
    /// per room: counted on the week's first room row only.
    pub called_off: u32,
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
            match rows.iter_mut().find(|r| r.week == week && r.room == room) {
                Some(r) => {
                    r.cases += cases;
                    r.booked_min += u.booked_min;
                    r.open_min += u.open_min;
                    r.called_off += called;
                }
                None => rows.push(WeekRow {
                    week,
                    room,
                    cases,
                    booked_min: u.booked_min,
                    open_min: u.open_min,
                    utilisation: 0.0,
                    called_off: called,
                }),
            }
        }
    }
    for r in &mut rows {
        r.utilisation = if r.open_min > 0 { r.booked_min as f64 / r.open_min as f64 } else { 0.0 };
    }
    rows
}

pub fn stats_text(rows: &[WeekRow], from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    let mut out = String::new();
    line(
        &mut out,
        &format!("Block use from {} to {} (planned, R-BLOCK-6)", from.format("%d/%m/%Y"), to.format("%d/%m/%Y")),
    );
    line(&mut out, "week of     room                     cases  booked / open min   use  called off");
    for r in rows {
        line(
            &mut out,
            &format!(
                "{}  {}  {:>5}  {:>6} / {:>6}     {:>3.0} %  {:>5}",
                r.week.format("%d/%m/%Y"),
                crate::ui::fit(&r.room, 23),
                r.cases,
                r.booked_min,
                r.open_min,
                r.utilisation * 100.0,
                r.called_off
            ),
        );
    }
    if rows.is_empty() {
        line(&mut out, "  no rooms");
    }
    out
}

pub fn stats_json(rows: &[WeekRow], from: chrono::NaiveDate, to: chrono::NaiveDate, now: DateTime<Utc>) -> String {
    let doc = serde_json::json!({ "schema": JSON_SCHEMA, "generated_at": now, "from": from, "to": to, "weeks": rows });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub fn stats_csv(rows: &[WeekRow]) -> String {
    let mut out = "week,room,cases,booked_min,open_min,utilisation,called_off\n".to_string();
    for r in rows {
        let fields = [
            r.week.to_string(),
            r.room.clone(),
            r.cases.to_string(),
            r.booked_min.to_string(),
            r.open_min.to_string(),
            format!("{:.3}", r.utilisation),
            r.called_off.to_string(),
        ];
        let line: Vec<String> = fields.iter().map(|f| super::admissions::quote(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}
