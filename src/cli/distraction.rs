//! `periop rounds` (the day's distraction round sheet, for the handover) and
//! `periop distraction` (a patient's plan and log day by day; `add` records a
//! case, `step` a phase step). JSON and CSV are stable: keys and columns are
//! only ever added.

use crate::domain::attention::Alert;
use crate::domain::distraction::Prescription;
use crate::domain::distraction::alerts::{StrutsToday, fmt_mm, fmt_mm_data, with_article};
use crate::domain::identity::Identity;
use crate::domain::names;
use crate::store::distraction::{DistractionCase, RoundsRow};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::fmt::Write;

pub const JSON_SCHEMA: u32 = 1;

#[derive(Serialize)]
struct JsonRounds<'a> {
    schema: u32,
    generated_at: DateTime<Utc>,
    zone: String,
    day: NaiveDate,
    rounds: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
struct JsonPin {
    pin: u32,
    grade: u8,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    case_id: i64,
    patient: &'a Identity,
    hospital_number: &'a str,
    outpatient: bool,
    site: &'static str,
    device: &'static str,
    phase: &'static str,
    day_number: i64,
    sessions_done: u32,
    sessions_due: u32,
    overdue: u32,
    achieved_mm: f64,
    planned_mm: f64,
    target_mm: f64,
    worst_pin: Option<JsonPin>,
    healing_index: Option<f64>,
    alerts: &'a [Alert],
    /// R-DO-8: a hexapod frame's struts today (null otherwise).
    struts_today: Option<&'a StrutsToday>,
}

pub fn json(rows: &[RoundsRow], day: NaiveDate, now: DateTime<Utc>, zone: Tz) -> String {
    let rounds = rows
        .iter()
        .map(|r| {
            let (c, s) = (&r.case, &r.status);
            JsonRow {
                case_id: c.id,
                patient: &c.patient,
                hospital_number: &c.hospital_number,
                outpatient: c.outpatient,
                site: c.prescription.site.code(),
                device: c.prescription.device.code(),
                phase: s.phase.code(),
                day_number: s.day_number,
                sessions_done: s.sessions_done,
                sessions_due: s.sessions_due,
                overdue: s.overdue,
                achieved_mm: s.achieved_mm,
                planned_mm: s.planned_mm,
                target_mm: s.target_mm,
                worst_pin: s.worst_pin.map(|(pin, grade)| JsonPin { pin, grade }),
                healing_index: s.healing_index.map(|h| (h * 10.0).round() / 10.0),
                alerts: &s.alerts,
                struts_today: s.struts_today.as_ref(),
            }
        })
        .collect();
    let doc = JsonRounds { schema: JSON_SCHEMA, generated_at: now, zone: zone.name().to_string(), day, rounds };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "case_id",
    "surname",
    "first_name",
    "birth_date",
    "hospital_number",
    "outpatient",
    "site",
    "device",
    "phase",
    "day_number",
    "sessions_done",
    "sessions_due",
    "overdue",
    "achieved_mm",
    "planned_mm",
    "target_mm",
    "worst_pin_grade",
    "alerts",
    "struts_done",
    "struts_due",
];

pub fn csv(rows: &[RoundsRow]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    for r in rows {
        let (c, s) = (&r.case, &r.status);
        let fields = [
            c.id.to_string(),
            names::surname_shown(&c.patient.surname),
            names::first_name_shown(&c.patient.first_name),
            c.patient.birth_date.to_string(),
            c.hospital_number.clone(),
            u8::from(c.outpatient).to_string(),
            c.prescription.site.code().to_string(),
            c.prescription.device.code().to_string(),
            s.phase.code().to_string(),
            s.day_number.to_string(),
            s.sessions_done.to_string(),
            s.sessions_due.to_string(),
            s.overdue.to_string(),
            fmt_mm_data(s.achieved_mm),
            fmt_mm_data(s.planned_mm),
            fmt_mm_data(s.target_mm),
            s.worst_pin.map(|(_, g)| g.to_string()).unwrap_or_default(),
            s.alerts.iter().map(|a| format!("{} {}", a.rule, a.message)).collect::<Vec<_>>().join("; "),
            s.struts_today.as_ref().map(|t| t.done.len().to_string()).unwrap_or_default(),
            s.struts_today.as_ref().map(|t| t.due.len().to_string()).unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// The one CSV writer's field (RFC 4180 quoting, text formulas neutralised).
use super::admissions::quote;

pub use crate::domain::distraction::plan::phase_day;

pub fn text(rows: &[RoundsRow], day: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", tr!("cli-rounds-title", day = super::day_long(day), count = rows.len()));
    for r in rows {
        let (c, s) = (&r.case, &r.status);
        let pin = match s.worst_pin {
            Some((pin, g)) => tr!("cli-rounds-worst-pin", grade = g, pin = pin),
            None if c.prescription.pins == 0 => tr!("cli-rounds-no-pins"),
            None => tr!("cli-rounds-no-round"),
        };
        let outpatient = if c.outpatient { format!(" {}", tr!("cli-rounds-outpatient")) } else { String::new() };
        let progress = tr!(
            "cli-rounds-progress",
            done = fmt_mm(s.achieved_mm),
            target = fmt_mm(s.target_mm),
            planned = fmt_mm(s.planned_mm)
        );
        let _ = writeln!(
            out,
            "  {}  {}{outpatient}  {}, {}  {}  {}  {progress}  {pin}",
            c.patient,
            c.hospital_number,
            c.prescription.site.label(),
            c.prescription.device.label(),
            phase_day(s.phase, s.day_number),
            s.today_text(),
        );
        for a in &s.alerts {
            let _ = writeln!(out, "      {} {} {}", a.severity.glyph(), a.rule, a.message);
        }
    }
    out
}

/// The prescription in one line.
pub fn prescription_line(p: &Prescription) -> String {
    // English says `a`/`an` before the device; French names it bare.
    let device = match crate::i18n::language() {
        crate::domain::language::Language::En => with_article(&p.device.label()),
        crate::domain::language::Language::Fr => p.device.label().to_string(),
    };
    tr!(
        "cli-rx-line",
        site = p.site.label(),
        device = device,
        osteotomy = p.osteotomy_on.format("%d/%m/%Y").to_string(),
        latency = tr!("cli-rx-days", count = p.latency_days),
        rate = fmt_mm(p.rate_mm_day),
        sessions = tr!("cli-rx-sessions", count = p.sessions_per_day),
        turn = fmt_mm(p.mm_per_turn),
        target = fmt_mm(p.target_mm),
        pins = tr!("cli-rx-pins", count = p.pins),
        sites = if p.pin_sites.is_empty() { String::new() } else { format!(" ({})", p.pin_sites) }
    )
    .into_owned()
}

/// `periop distraction --patient ID`: the plan and the log, day by day, up to `today`.
pub fn plan_text(case: &DistractionCase, today: NaiveDate, zone: Tz) -> String {
    let p = &case.prescription;
    let plan = case.plan();
    let mut out = String::new();
    let said =
        tr!("cli-plan-case", patient = case.patient.to_string(), number = case.hospital_number.as_str(), id = case.id);
    let _ = writeln!(out, "{said}");
    let _ = writeln!(out, "  {}", prescription_line(p));
    let end = plan.end.map_or_else(|| tr!("cli-plan-open").into_owned(), |e| e.format("%d/%m/%Y").to_string());
    if case.hexapod.is_none() {
        let from = plan.start.format("%d/%m/%Y").to_string();
        let _ = writeln!(out, "  {}", tr!("cli-plan-from-to", from = from, to = end));
    }
    // Each step with its number (`periop void step ID` takes it); a voided
    // one is kept, said voided and why, and counts in no plan (R-DO-7).
    for s in &case.step_log {
        let e = &s.event;
        let rate = e.rate_mm_day.map(|r| format!(" {}", tr!("cli-plan-at-rate", rate = fmt_mm(r)))).unwrap_or_default();
        let reason = e.reason.as_deref().map(|r| format!(": {r}")).unwrap_or_default();
        let voided =
            s.void_reason.as_deref().map(|why| format!("  {}", tr!("cli-plan-voided", why = why))).unwrap_or_default();
        let said = tr!(
            "cli-plan-step",
            id = s.id,
            day = e.on.format("%d/%m/%Y").to_string(),
            kind = e.kind.label(),
            rate = rate,
            reason = reason,
            voided = voided
        );
        let _ = writeln!(out, "  {said}");
    }
    // R-DO-8: on a hexapod frame with its prescription the strut sheet is
    // the plan; a turns table would contradict it (found in use).
    if let Some(sheet) = &case.hexapod {
        let said = tr!(
            "cli-plan-hexapod",
            revision = sheet.revision,
            plan = super::hexapod::plan_line(&sheet.plan),
            number = case.hospital_number.as_str()
        );
        let _ = writeln!(out, "  {said}");
    } else {
        let _ = writeln!(out, "  {}", tr!("cli-plan-head"));
    }
    let mut day = p.osteotomy_on;
    let last = if case.hexapod.is_some() { NaiveDate::MIN } else { plan.end.unwrap_or(today).max(today) };
    let mut done_turns = 0u32;
    while day <= last {
        let sessions = plan.sessions_on(day);
        let done: u32 = case.sessions.iter().filter(|s| s.day == day).map(|s| s.turns).sum();
        done_turns += done;
        let plan_cell = if sessions.is_empty() {
            "-".to_string()
        } else {
            sessions.iter().map(u32::to_string).collect::<Vec<_>>().join(" ")
        };
        let done_cell = if day <= today { fmt_mm(p.mm(done_turns)) } else { String::new() };
        let _ = writeln!(
            out,
            "  {}  {:<17}  {:<23}  {:>10}  {:>7}",
            day.format("%d/%m/%Y"),
            crate::domain::distraction::alerts::phase_on(&case.record(), &plan, day).0.label(),
            plan_cell,
            fmt_mm(plan.planned_mm_by(day)),
            done_cell
        );
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    // Each round with its number (`periop void round ID` takes it); a voided
    // one is kept, said voided and why, and counts in no alert (R-DO-5).
    for record in &case.round_log {
        let r = &record.round;
        let at = r.at.with_timezone(&zone).format("%d/%m %H:%M");
        if let Some(why) = &record.void_reason {
            let said = tr!("cli-plan-round-voided", id = record.id, at = at.to_string(), why = why.as_str());
            let _ = writeln!(out, "  {said}");
            continue;
        }
        let grades = r.pin_grades.iter().map(u8::to_string).collect::<Vec<_>>().join(" ");
        let language = crate::i18n::language();
        let temperature =
            r.temperature_c.map(|t| format!(", {} °C", crate::i18n::decimal(language, t, 1))).unwrap_or_default();
        let said = tr!(
            "cli-plan-round",
            id = record.id,
            at = at.to_string(),
            pain = r.pain,
            sensation = r.sensation.label(),
            motor = r.motor.label(),
            colour = r.colour.label(),
            grades = grades,
            temperature = temperature
        );
        let _ = writeln!(out, "  {said}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_with_commas_are_quoted() {
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(phase_day(crate::domain::distraction::Phase::Distraction, 5), "distraction day 5");
    }
}
