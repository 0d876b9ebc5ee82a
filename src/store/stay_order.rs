//! R-PATH-6 at the store's door: every write of a stay's instant loads the
//! stay's instants, applies the change and asks `domain::stay_order::check`
//! before writing; `periop check` runs the same check over every stored stay.

use super::error::{Result, StoreError};
use super::journey::opt_instant;
use super::rows;
use super::write::WriteTx;
use crate::domain::stay_order::{self, Event, Fault, StayInstants};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, OptionalExtension};

/// The stay's case: the earliest not cancelled or postponed.
const STAY_CASE: &str = "(SELECT c.scheduled_start FROM cases c WHERE c.admission_id = a.id
      AND c.state NOT IN ('cancelled', 'postponed') ORDER BY c.scheduled_start, c.id LIMIT 1)";

/// The stored instants of one admission.
pub(super) fn instants(conn: &Connection, admission_id: i64) -> Result<StayInstants> {
    let sql = format!(
        "SELECT p.birth_date, a.planned_admit_on, a.planned_discharge_on, a.admitted_at, a.discharged_at, {STAY_CASE}
         FROM admissions a JOIN patients p ON p.id = a.patient_id WHERE a.id = ?1"
    );
    conn.query_row(&sql, [admission_id], stay_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(super::table::Table::Admissions.row(admission_id)))
}

fn stay_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StayInstants> {
    Ok(StayInstants {
        birth_date: rows::day(r, 0)?,
        planned_admit_on: rows::day(r, 1)?,
        planned_discharge_on: rows::day(r, 2)?,
        admitted_at: opt_instant(r, 3)?,
        discharged_at: opt_instant(r, 4)?,
        procedure_start: opt_instant(r, 5)?,
    })
}

/// The error for faults found while writing `what`: each fault in words.
pub(super) fn refused(what: &str, faults: &[Fault], zone: Tz) -> StoreError {
    let why: Vec<String> = faults.iter().map(|f| f.describe(zone)).collect();
    StoreError::invalid(what, format!("{} (R-PATH-6)", why.join("; ")))
}

/// R-PATH-6: refuses the write of `what` if `stay` (the stay as it will be
/// after it) is out of order at the transaction's time.
pub(super) fn ensure(tx: &WriteTx<'_>, what: &str, stay: &StayInstants, zone: Tz) -> Result<()> {
    let faults = stay_order::check(stay, tx.at(), zone);
    if faults.is_empty() { Ok(()) } else { Err(refused(what, &faults, zone)) }
}

/// R-PATH-6: refuses an event recorded as having happened later than the
/// transaction's time.
pub(super) fn recorded(tx: &WriteTx<'_>, what: &str, event: Event, at: DateTime<Utc>) -> Result<()> {
    stay_order::recorded(event, at, tx.at()).map_err(|f| refused(what, &[f], tx.zone()))
}

/// R-PATH-6: a planned start already past, or a planned admission day
/// already past (J-1 of a procedure booked for today), is written only as
/// a confirmed retrospective entry; otherwise [`StoreError::Retrospective`]
/// naming the first such date, which the screen turns into a question.
/// `admit_on` is the planned admission day being written (`None`: not
/// changed). Returns whether the write is retrospective (stored on the case
/// so its audit row says so).
pub(super) fn confirm_past_plans(
    tx: &WriteTx<'_>,
    what: &str,
    start: DateTime<Utc>,
    admit_on: Option<NaiveDate>,
    retrospective: bool,
) -> Result<bool> {
    let zone = tx.zone();
    let today = crate::domain::ward_time::local_day(tx.at(), zone);
    let past_admission = admit_on.filter(|day| stay_order::needs_retrospective_day(*day, today));
    let past_start = stay_order::needs_retrospective(start, tx.at());
    if !retrospective {
        if past_start {
            return Err(StoreError::Retrospective {
                what: what.to_string(),
                when: start.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string(),
            });
        }
        if let Some(day) = past_admission {
            return Err(StoreError::Retrospective {
                what: "the admission (J-1, R-PATH-1)".to_string(),
                when: day.format("%d/%m/%Y").to_string(),
            });
        }
    }
    Ok(past_start || past_admission.is_some())
}

/// R-PATH-6 for `periop check`: every stored stay out of order at `now`, and
/// every recorded event in the future, named by record (admission number,
/// bed, day), never by patient (R-PRIV-1).
pub fn findings(conn: &Connection, now: DateTime<Utc>, zone: Tz) -> Result<Vec<String>> {
    let sql = format!(
        "SELECT p.birth_date, a.planned_admit_on, a.planned_discharge_on, a.admitted_at, a.discharged_at, {STAY_CASE},
                a.id, b.label
         FROM admissions a JOIN patients p ON p.id = a.patient_id LEFT JOIN beds b ON b.id = a.bed_id
         WHERE a.state <> 'cancelled' ORDER BY a.id"
    );
    let mut out = Vec::new();
    let mut stmt = conn.prepare(&sql)?;
    let stays = stmt.query_map([], |r| Ok((stay_row(r)?, r.get::<_, i64>(6)?, r.get::<_, Option<String>>(7)?)))?;
    for row in stays {
        let (stay, id, bed) = row?;
        for fault in stay_order::check(&stay, now, zone) {
            let bed = bed.as_deref().map(|b| format!(", bed {b}")).unwrap_or_default();
            out.push(format!(
                "admission #{id} ({}{bed}): {}",
                stay.planned_admit_on.format("planned %d/%m/%Y"),
                fault.describe(zone)
            ));
        }
    }
    let events = [
        ("intakes", "intake", "taken_at", Event::Intake),
        ("lab_results", "lab result", "taken_at", Event::Lab),
        ("anaesthesia_consultations", "consultation", "held_at", Event::Consultation),
        ("cases", "case", "pre_visit_at", Event::PreVisit),
        ("admission_steps", "step", "at", Event::Step),
    ];
    // Text comparison is exact: instants are stored as `YYYY-MM-DDTHH:MM:SSZ`.
    let latest = super::error::instant_text(now + chrono::TimeDelta::minutes(stay_order::CLOCK_SLACK_MIN));
    for (table, name, column, event) in events {
        let sql = format!("SELECT id, {column} FROM {table} WHERE {column} > ?1 ORDER BY id");
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([&latest], |r| Ok((r.get::<_, i64>(0)?, rows::instant(r, 1)?)))?;
        for row in rows {
            let (id, at) = row?;
            if let Err(fault) = stay_order::recorded(event, at, now) {
                out.push(format!("{name} #{id}: {}", fault.describe(zone)));
            }
        }
    }
    Ok(out)
}
