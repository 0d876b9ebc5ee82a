//! R-PATH-6 at the store's door: every write of a stay's instant loads the
//! stay's instants, applies the change and asks `domain::stay_order::check`
//! before writing; `periop check` runs the same check over every stored stay.

use super::db::{Connection, OptionalExtension};
use super::error::{Result, StoreError};
use super::journey::opt_instant;
use super::rows;
use super::write::WriteTx;
use crate::domain::stay_order::{self, About, Event, Fault, StayInstants};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

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

fn stay_row(r: &super::db::Row<'_>) -> super::db::Result<StayInstants> {
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
    StoreError::invalid(what, tr!("store-out-of-order", faults = why.join(&tr!("store-list-separator"))))
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

/// Whom a recorded instant is about: a stay, a patient (a lab result) or a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Subject {
    Admission(i64),
    Patient(i64),
    Case(i64),
}

/// The patient's birth date and the stay's planned admission day (a
/// patient: their first stay not cancelled), as [`About`] holds them.
fn about(conn: &Connection, subject: Subject) -> Result<About> {
    const FIRST_STAY: &str = "(SELECT min(s.planned_admit_on) FROM admissions s
        WHERE s.patient_id = p.id AND s.state <> 'cancelled')";
    let (sql, id, table) = match subject {
        Subject::Admission(id) => (
            "SELECT p.birth_date, a.planned_admit_on FROM admissions a JOIN patients p ON p.id = a.patient_id
             WHERE a.id = ?1"
                .to_string(),
            id,
            super::table::Table::Admissions,
        ),
        Subject::Patient(id) => (
            format!("SELECT p.birth_date, {FIRST_STAY} FROM patients p WHERE p.id = ?1"),
            id,
            super::table::Table::Patients,
        ),
        Subject::Case(id) => (
            "SELECT p.birth_date, a.planned_admit_on FROM cases c JOIN admissions a ON a.id = c.admission_id
             JOIN patients p ON p.id = a.patient_id WHERE c.id = ?1"
                .to_string(),
            id,
            super::table::Table::Cases,
        ),
    };
    conn.query_row(&sql, [id], |r| Ok(About { birth_date: rows::day(r, 0)?, admit_on: opt_day(r, 1)? }))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(table.row(id)))
}

fn opt_day(r: &super::db::Row<'_>, i: usize) -> super::db::Result<Option<NaiveDate>> {
    match r.get_ref(i)? {
        super::db::types::ValueRef::Null => Ok(None),
        _ => rows::day(r, i).map(Some),
    }
}

/// R-PATH-6: refuses something recorded about `subject` at `at` that is in
/// the future, before the patient's birth, or (an intake, a lab result)
/// more than `SPAN_BEFORE_STAY_DAYS` before the stay
/// (`domain::stay_order::recorded_about`).
pub(super) fn recorded_about(
    tx: &WriteTx<'_>,
    what: &str,
    event: Event,
    at: DateTime<Utc>,
    subject: Subject,
) -> Result<()> {
    let about = about(tx.conn(), subject)?;
    stay_order::recorded_about(event, at, tx.at(), &about, tx.zone()).map_err(|f| refused(what, &[f], tx.zone()))
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
                what: tr!("store-the-admission-j-1").into_owned(),
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
            let planned = stay.planned_admit_on.format("%d/%m/%Y").to_string();
            let fault = fault.describe(zone);
            out.push(
                match bed.as_deref() {
                    Some(bed) => tr!("store-check-stay-in-bed", id = id, planned = planned, bed = bed, fault = fault),
                    None => tr!("store-check-stay", id = id, planned = planned, fault = fault),
                }
                .into_owned(),
            );
        }
    }
    out.extend(recorded_findings(conn, now, zone)?);
    Ok(out)
}

/// Each recorded instant with the patient's birth date and the stay's
/// planned admission day, as [`About`] reads them (voided rows left out:
/// no rule counts them). Mirrors [`about`].
const RECORDED: [(&str, &str, Event); 8] = [
    (
        "store-record-intake",
        "SELECT i.id, i.taken_at, p.birth_date, a.planned_admit_on FROM intakes i
         JOIN admissions a ON a.id = i.admission_id JOIN patients p ON p.id = a.patient_id WHERE i.voided_at IS NULL",
        Event::Intake,
    ),
    (
        "store-record-lab-result",
        "SELECT l.id, l.taken_at, p.birth_date, (SELECT min(s.planned_admit_on) FROM admissions s
                WHERE s.patient_id = p.id AND s.state <> 'cancelled')
         FROM lab_results l JOIN patients p ON p.id = l.patient_id WHERE l.voided_at IS NULL",
        Event::Lab,
    ),
    (
        "store-record-consultation",
        "SELECT h.id, h.held_at, p.birth_date, a.planned_admit_on FROM anaesthesia_consultations h
         JOIN cases c ON c.id = h.case_id JOIN admissions a ON a.id = c.admission_id
         JOIN patients p ON p.id = a.patient_id WHERE h.voided_at IS NULL",
        Event::Consultation,
    ),
    (
        "store-record-case",
        "SELECT c.id, c.pre_visit_at, p.birth_date, a.planned_admit_on FROM cases c
         JOIN admissions a ON a.id = c.admission_id JOIN patients p ON p.id = a.patient_id
         WHERE c.pre_visit_at IS NOT NULL",
        Event::PreVisit,
    ),
    (
        "store-record-step",
        "SELECT s.id, s.at, p.birth_date, a.planned_admit_on FROM admission_steps s
         JOIN admissions a ON a.id = s.admission_id JOIN patients p ON p.id = a.patient_id",
        Event::Step,
    ),
    (
        "store-record-timeline-event",
        "SELECT e.id, e.at, p.birth_date, a.planned_admit_on FROM case_events e
         JOIN cases c ON c.id = e.case_id JOIN admissions a ON a.id = c.admission_id
         JOIN patients p ON p.id = a.patient_id WHERE e.voided_at IS NULL",
        Event::Timeline,
    ),
    (
        "store-record-distraction-round",
        "SELECT r.id, r.at, p.birth_date, NULL FROM distraction_rounds r
         JOIN distraction_cases d ON d.id = r.case_id JOIN patients p ON p.id = d.patient_id WHERE r.voided_at IS NULL",
        Event::Round,
    ),
    (
        "store-record-ossification-follow-up",
        "SELECT h.id, h.surgery_at, p.birth_date, NULL FROM ho_follow_ups h
         JOIN patients p ON p.id = h.patient_id WHERE h.voided_at IS NULL",
        Event::Surgery,
    ),
];

/// Each thing recorded on a ward day with the patient's birth date (voided
/// rows left out): an osteotomy, a phase step, a session of turns, a
/// complication's onset (found in use: an osteotomy in 1850 and a
/// complication in 1900 left `periop check` healthy).
const RECORDED_DAYS: [(&str, &str, Event); 4] = [
    (
        "store-record-distraction-case",
        "SELECT d.id, d.osteotomy_on, p.birth_date FROM distraction_cases d JOIN patients p ON p.id = d.patient_id",
        Event::Osteotomy,
    ),
    (
        "store-record-distraction-step",
        "SELECT x.id, x.on_day, p.birth_date FROM distraction_phases x
         JOIN distraction_cases d ON d.id = x.case_id JOIN patients p ON p.id = d.patient_id WHERE x.voided_at IS NULL",
        Event::DistractionStep,
    ),
    (
        "store-record-session",
        "SELECT s.id, s.day, p.birth_date FROM distraction_sessions s
         JOIN distraction_cases d ON d.id = s.case_id JOIN patients p ON p.id = d.patient_id",
        Event::Session,
    ),
    (
        "store-record-complication",
        "SELECT c.id, c.onset_on, p.birth_date FROM complications c JOIN patients p ON p.id = c.patient_id
         WHERE c.voided_at IS NULL",
        Event::Complication,
    ),
];

/// R-PATH-6: refuses the write of `what`, recorded on ward day `day` about
/// patient `patient_id`, when the day is before the patient's birth.
pub(super) fn on_or_after_birth(
    tx: &WriteTx<'_>,
    what: &str,
    event: Event,
    day: NaiveDate,
    patient_id: i64,
) -> Result<()> {
    let birth: Option<NaiveDate> = tx
        .conn()
        .query_row("SELECT birth_date FROM patients WHERE id = ?1", [patient_id], |r| rows::day(r, 0))
        .optional()?;
    let Some(birth) = birth else { return Err(StoreError::NotFound(super::table::Table::Patients.row(patient_id))) };
    stay_order::on_or_after_birth(event, day, birth).map_err(|f| refused(what, &[f], tx.zone()))
}

/// R-PATH-6 for `periop check`: every recorded instant (not voided) in the
/// future, before the patient's birth, or an intake or a lab result long
/// before the stay, named by record.
fn recorded_findings(conn: &Connection, now: DateTime<Utc>, zone: Tz) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (name, sql, event) in RECORDED {
        let mut stmt = conn.prepare(&format!("{sql} ORDER BY 1"))?;
        let rows = stmt.query_map([], |r| {
            let about = About { birth_date: rows::day(r, 2)?, admit_on: opt_day(r, 3)? };
            Ok((r.get::<_, i64>(0)?, rows::instant(r, 1)?, about))
        })?;
        for row in rows {
            let (id, at, about) = row?;
            if let Err(fault) = stay_order::recorded_about(event, at, now, &about, zone) {
                out.push(record_finding(name, id, fault.describe(zone)));
            }
        }
    }
    for (name, sql, event) in RECORDED_DAYS {
        let mut stmt = conn.prepare(&format!("{sql} ORDER BY 1"))?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, rows::day(r, 1)?, rows::day(r, 2)?)))?;
        for row in rows {
            let (id, day, birth) = row?;
            if let Err(fault) = stay_order::on_or_after_birth(event, day, birth) {
                out.push(record_finding(name, id, fault.describe(zone)));
            }
        }
    }
    Ok(out)
}

/// `intake #3: …`: a finding of `periop check` about one record, its name
/// (`store-record-intake`) in the language in force.
fn record_finding(name_id: &str, id: i64, fault: String) -> String {
    let name = crate::i18n::t(crate::i18n::language(), name_id);
    tr!("store-check-record", name = name, id = id, fault = fault).into_owned()
}
