//! `periop board`: a day's board as text for a phone screen, or as JSON for scripts.
//!
//! The JSON is stable (README, "periop board --format json"): keys are only
//! ever added, and `schema` goes up if one must change meaning.

use crate::domain::beds::BedStatus;
use crate::domain::board::{Board, Slot, Stay};
use crate::domain::journey::{DischargeStatus, FastingTimes, ReadinessSummary};
use crate::domain::ward_time::clock_text;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::fmt::Write;

pub const JSON_SCHEMA: u32 = 1;

#[derive(Serialize)]
struct JsonBoard<'a> {
    schema: u32,
    generated_at: DateTime<Utc>,
    zone: String,
    #[serde(flatten)]
    board: &'a Board,
}

pub fn json(board: &Board, now: DateTime<Utc>, zone: Tz) -> String {
    let doc = JsonBoard { schema: JSON_SCHEMA, generated_at: now, zone: zone.name().to_string(), board };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub fn text(board: &Board, now: DateTime<Utc>, zone: Tz) -> String {
    let mut out = String::new();
    let local_now = now.with_timezone(&zone);
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "cli-board-title",
            day = super::day_long(board.day),
            zone = zone.name(),
            now = local_now.format("%d/%m %H:%M").to_string()
        )
    );
    let f = &board.facts;

    let _ = writeln!(out, "\n{}", tr!("cli-board-attention", count = board.attention.len()));
    for alert in &board.attention {
        let who = board.patient_for(alert.subject).map(ToString::to_string).unwrap_or_default();
        let _ = writeln!(out, "  {:<2} {:<9} {}  {}", alert.severity.glyph(), alert.rule, alert.message, who);
    }

    let _ = writeln!(out, "\n{}", tr!("cli-board-arriving", count = f.arrivals.len()));
    for stay in &f.arrivals {
        let _ = writeln!(out, "  {}", stay_line(stay, true));
        let _ = write!(out, "{}", case_lines(stay.readiness.as_ref(), stay.fasting.as_ref(), zone));
    }

    let _ = writeln!(out, "\n{}", tr!("cli-board-procedures", count = f.procedures.len()));
    let mut room = None;
    for slot in &f.procedures {
        if room != Some(&slot.room) {
            let _ = writeln!(out, "  {}", slot.room);
            room = Some(&slot.room);
        }
        let _ = writeln!(out, "    {}", slot_line(slot, zone));
        let _ = write!(out, "{}", case_lines(slot.readiness.as_ref(), slot.fasting.as_ref(), zone));
    }

    let _ = writeln!(out, "\n{}", tr!("cli-board-leaving", count = f.departures.len()));
    for stay in &f.departures {
        let _ = writeln!(out, "  {}", stay_line(stay, false));
        if let Some(check) = &stay.discharge {
            let _ = writeln!(out, "      {}", discharge_text(check));
        }
    }

    let _ = writeln!(out, "\n{}", tr!("cli-board-calls", count = f.follow_up_calls.len()));
    for call in &f.follow_up_calls {
        let (day, patient, id) = (call.due_on.format("%d/%m").to_string(), call.patient.to_string(), call.admission_id);
        let line = if call.overdue {
            tr!("cli-board-call-overdue", day = day, patient = patient, id = id)
        } else {
            tr!("cli-board-call-due", day = day, patient = patient, id = id)
        };
        let _ = writeln!(out, "  {line}");
    }
    out
}

/// R-READY-3 and R-FAST-1 under a case: status with its missing items, and the fasting times.
fn case_lines(readiness: Option<&ReadinessSummary>, fasting: Option<&FastingTimes>, zone: Tz) -> String {
    let mut out = String::new();
    if let Some(r) = readiness {
        let status = r.status.label();
        let line =
            if r.missing.is_empty() { status.into_owned() } else { crate::i18n::labelled(&status, &r.missing_text()) };
        let _ = writeln!(out, "      {line}");
    }
    if let Some(f) = fasting {
        let _ = writeln!(out, "      {}", fasting_text(f, zone));
    }
    out
}

/// R-FAST-1: `fasting: solids until 02:00, clear fluids until 06:00`.
pub fn fasting_text(f: &FastingTimes, zone: Tz) -> String {
    tr!("cli-board-fasting", times = f.summary(zone)).into_owned()
}

/// R-DISCH-1: `discharge check ✓ complete (PADSS 10/10)` or what is missing.
pub fn discharge_text(check: &DischargeStatus) -> String {
    let padss = check.padss_total.map(|t| format!(" {}", tr!("cli-board-padss", total = t))).unwrap_or_default();
    if check.missing.is_empty() {
        tr!("cli-board-discharge-complete", padss = padss).into_owned()
    } else {
        let missing: Vec<&str> = check.missing.iter().map(|m| m.label.as_str()).collect();
        tr!("cli-board-discharge-missing", missing = missing.join(", ")).into_owned()
    }
}

fn stay_line(stay: &Stay, arriving: bool) -> String {
    let bed = match (stay.bed.as_deref(), stay.bed_status) {
        (None, _) => tr!("cli-board-no-bed").into_owned(),
        (Some(b), Some(status)) => tr!("cli-board-bed-status", bed = b, status = BedStatus::words(status)).into_owned(),
        (Some(b), None) => tr!("cli-board-bed", bed = b).into_owned(),
    };
    let procedure = match (&stay.procedure, stay.procedure_day) {
        (Some(p), Some(d)) => format!("{p} {}", d.format("%d/%m")),
        (Some(p), None) => p.clone(),
        _ => "-".to_string(),
    };
    let when = if arriving {
        String::new()
    } else {
        format!("  {}", tr!("cli-board-planned", day = stay.planned_discharge_on.format("%d/%m").to_string()))
    };
    let incident =
        stay.incident.as_deref().map(|i| format!("  {}", tr!("cli-board-incident", text = i))).unwrap_or_default();
    format!("{:<18} {}  {bed}  {procedure}{when}{incident}", stay.state.label(), stay.patient)
}

pub fn slot_line(slot: &Slot, zone: Tz) -> String {
    let end = slot.start + Duration::minutes(i64::from(slot.minutes));
    format!(
        "{}-{}  {}  {}  {}  {}",
        clock_text(slot.start, zone),
        clock_text(end, zone),
        slot.patient,
        slot.procedure,
        slot.operator,
        slot.where_label()
    )
}
