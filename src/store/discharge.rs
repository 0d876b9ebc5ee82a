//! Going home (R-DISCH-1) and the phone call the day after (R-DISCH-2).

use super::Store;
use super::admissions::{self, StepTaken};
use super::board::identity;
use super::db::{Connection, OptionalExtension, params};
use super::error::{Result, StoreError, instant_text};
use super::journey::{self, opt_day, opt_instant};
use super::table::Table;
use super::write::WriteTx;
use crate::domain::discharge::{self, DischargeItem, Padss};
use crate::domain::journey::{DischargeCheckView, FollowUpCall};
use crate::domain::pathway::Step;
use crate::domain::settings::Settings;
use crate::domain::ward_time;
use chrono::NaiveDate;

/// R-DISCH-1: what the nurse records before the patient goes home.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DischargeCheckInput {
    /// Vital signs, activity and mental state, pain/nausea/vomiting,
    /// surgical bleeding, intake and output; each 0 to 2, `None` if not scored.
    pub padss: [Option<u8>; 5],
    pub escort: bool,
    /// The day the discharge letter was handed over (CSP R.1112-1-2).
    pub letter_given_on: Option<NaiveDate>,
    pub work_stop_certificate: bool,
    pub follow_up_appointment: bool,
}

fn admission_exists(conn: &Connection, admission_id: i64) -> Result<()> {
    conn.query_row("SELECT 1 FROM admissions WHERE id = ?1", [admission_id], |_| Ok(()))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(Table::Admissions.row(admission_id)))
}

fn check_row(conn: &Connection, admission_id: i64) -> Result<Option<(i64, i64)>> {
    Ok(conn
        .query_row("SELECT id, version FROM discharge_checks WHERE admission_id = ?1", [admission_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// R-DISCH-1: saves the discharge check of an admission (`expected_version`
/// `None` for the first save). Each PADSS item must be 0, 1 or 2. Returns the
/// check's new version.
pub fn save_check(
    tx: &mut WriteTx<'_>,
    admission_id: i64,
    expected_version: Option<i64>,
    input: &DischargeCheckInput,
) -> Result<i64> {
    admission_exists(tx.conn(), admission_id)?;
    for (item, score) in Padss::ITEMS.iter().zip(input.padss) {
        if let Some(value) = score
            && value > 2
        {
            return Err(StoreError::invalid(
                tr!("store-the-discharge-check"),
                tr!("store-padss-score", item = item.label(), value = value),
            ));
        }
    }
    let [vitals, activity, pain, bleeding, intake] = input.padss;
    let letter = input.letter_given_on.map(|d| d.to_string());
    let fields: [super::write::Field<'_>; 9] = [
        ("padss_vitals", &vitals),
        ("padss_activity", &activity),
        ("padss_pain_nausea", &pain),
        ("padss_bleeding", &bleeding),
        ("padss_intake_output", &intake),
        ("escort", &input.escort),
        ("letter_given_on", &letter),
        ("work_stop_certificate", &input.work_stop_certificate),
        ("follow_up_appointment", &input.follow_up_appointment),
    ];
    match (check_row(tx.conn(), admission_id)?, expected_version) {
        (Some((id, _)), Some(expected)) => tx.update(Table::DischargeChecks, id, expected, &fields),
        (None, None) => {
            let mut all = vec![("admission_id", &admission_id as &dyn super::db::ToSql)];
            all.extend(fields);
            tx.insert(Table::DischargeChecks, &all).map(|_| 1)
        }
        (Some((id, _)), None) => Err(tx.conflict(Table::DischargeChecks, id)),
        (None, Some(_)) => Err(StoreError::NotFound(tr!("store-discharge-check-of", id = admission_id).into_owned())),
    }
}

/// What a discharge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discharged {
    pub step: StepTaken,
    /// R-DISCH-1: items missing, discharged anyway with the reason given.
    pub overridden: Vec<DischargeItem>,
    /// R-DISCH-2: the follow-up call and its day.
    pub call_id: i64,
    pub call_due_on: NaiveDate,
}

/// R-DISCH-1, R-DISCH-2: discharges the patient if the discharge check is
/// complete, or with `override_reason` if not (stored on the check and in the
/// step); refused with every missing item named otherwise. The bed is left to
/// clean (R-PATH-4) and the follow-up call is due the next ward day.
pub fn discharge(
    tx: &mut WriteTx<'_>,
    admission_id: i64,
    expected_version: i64,
    override_reason: Option<&str>,
    settings: &Settings,
) -> Result<Discharged> {
    let what = Table::Admissions.row(admission_id);
    let zone = settings.zone();
    let today = ward_time::local_day(tx.at(), zone);
    let facts = journey::discharge_facts_for(tx.conn(), &[admission_id])?
        .remove(&admission_id)
        .ok_or_else(|| StoreError::NotFound(what.clone()))?;
    let clearance = discharge::clear_for_discharge(&facts, today, override_reason)
        .map_err(|refused| StoreError::invalid(&what, tr!("store-discharge-refused", refused = refused.to_string())))?;
    let step_reason = match (&clearance.reason, clearance.overridden.is_empty()) {
        (Some(reason), false) => {
            let labels: Vec<String> = clearance.overridden.iter().map(|i| i.label()).collect();
            Some(format!("{reason} (override R-DISCH-1, missing: {})", labels.join(", "))) // i18n: stored: the override's reason
        }
        (reason, _) => reason.clone(),
    };
    let step = admissions::apply_step(tx, admission_id, expected_version, Step::Discharge, step_reason.as_deref())?;
    if !clearance.overridden.is_empty() {
        let reason = clearance.reason.clone();
        match check_row(tx.conn(), admission_id)? {
            Some((id, version)) => {
                tx.update(Table::DischargeChecks, id, version, &[("override_reason", &reason)])?;
            }
            None => {
                tx.insert(Table::DischargeChecks, &[("admission_id", &admission_id), ("override_reason", &reason)])?;
            }
        }
    }
    // R-DISCH-2: due the ward day after the patient left.
    let due = discharge::follow_up_call_due(tx.at(), zone).to_string();
    let existing: Option<(i64, i64)> = tx
        .conn()
        .query_row("SELECT id, version FROM follow_up_calls WHERE admission_id = ?1", [admission_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let none: Option<String> = None;
    let call_id = match existing {
        // Discharged again after an undo: the call moves to the new day.
        Some((id, version)) => {
            tx.update(Table::FollowUpCalls, id, version, &[("due_on", &due), ("done_at", &none)])?;
            id
        }
        None => tx.insert(Table::FollowUpCalls, &[("admission_id", &admission_id), ("due_on", &due)])?,
    };
    Ok(Discharged {
        step,
        overridden: clearance.overridden,
        call_id,
        call_due_on: discharge::follow_up_call_due(tx.at(), zone),
    })
}

/// R-DISCH-2: the call was made. Returns the call's new version.
pub fn call_done(tx: &mut WriteTx<'_>, call_id: i64, expected_version: i64, notes: Option<&str>) -> Result<i64> {
    let done: Option<Option<String>> =
        tx.conn().query_row("SELECT done_at FROM follow_up_calls WHERE id = ?1", [call_id], |r| r.get(0)).optional()?;
    match done {
        None => return Err(StoreError::NotFound(Table::FollowUpCalls.row(call_id))),
        Some(Some(_)) => {
            return Err(StoreError::invalid(Table::FollowUpCalls.row(call_id), tr!("store-call-already-done")));
        }
        Some(None) => {}
    }
    let at = instant_text(tx.at());
    let notes = notes.map(str::trim).filter(|n| !n.is_empty());
    tx.update(Table::FollowUpCalls, call_id, expected_version, &[("done_at", &at), ("notes", &notes)])
}

pub(super) const CALL_COLUMNS: &str = "f.id, f.version, f.admission_id, p.id, p.surname, p.first_name, p.birth_date,
    a.discharged_at, f.due_on, f.done_at, f.notes";

pub(super) fn call_row(row: &super::db::Row<'_>, today: NaiveDate) -> super::db::Result<FollowUpCall> {
    let due_on = super::rows::day(row, 8)?;
    let done_at = opt_instant(row, 9)?;
    Ok(FollowUpCall {
        call_id: row.get(0)?,
        version: row.get(1)?,
        admission_id: row.get(2)?,
        patient: identity(row, 3)?,
        discharged_at: opt_instant(row, 7)?,
        due_on,
        overdue: done_at.is_none() && today > due_on,
        done_at,
        notes: row.get(10)?,
    })
}

/// How far back an overdue call is still listed. The schema has no index on
/// open calls, so the list reads the calls due in this window (a few hundred
/// rows at most) rather than every call ever made; an older one still shows
/// in its admission's detail.
pub const CALL_LOOKBACK_DAYS: u64 = 30;

/// R-DISCH-2: calls not yet made that are due on `day` or overdue (up to
/// [`CALL_LOOKBACK_DAYS`]), for patients who have left, oldest first.
pub fn calls_due(conn: &Connection, day: NaiveDate) -> Result<Vec<FollowUpCall>> {
    // `a.state || ''` (no index on it, on SQLite as `+a.state` and on PostgreSQL alike):
    // read the calls by their due day, not every discharged admission by state.
    let sql = format!(
        "SELECT {CALL_COLUMNS}
         FROM follow_up_calls f
         JOIN admissions a ON a.id = f.admission_id
         JOIN patients p ON p.id = a.patient_id
         WHERE f.done_at IS NULL AND f.due_on BETWEEN ?1 AND ?2 AND a.state || '' = 'discharged'
         ORDER BY f.due_on, f.id"
    );
    let since = day.checked_sub_days(chrono::Days::new(CALL_LOOKBACK_DAYS)).unwrap_or(day);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![since.to_string(), day.to_string()], |r| call_row(r, day))?;
    Ok(rows.collect::<super::db::Result<Vec<_>>>()?)
}

/// The admission's follow-up call, if it was discharged.
pub fn call_of(conn: &Connection, admission_id: i64, today: NaiveDate) -> Result<Option<FollowUpCall>> {
    let sql = format!(
        "SELECT {CALL_COLUMNS}
         FROM follow_up_calls f
         JOIN admissions a ON a.id = f.admission_id
         JOIN patients p ON p.id = a.patient_id
         WHERE f.admission_id = ?1"
    );
    Ok(conn.query_row(&sql, [admission_id], |r| call_row(r, today)).optional()?)
}

/// R-DISCH-1: the admission's discharge check as recorded.
pub fn check(conn: &Connection, admission_id: i64) -> Result<Option<DischargeCheckView>> {
    Ok(conn
        .query_row(
            "SELECT id, version, padss_vitals, padss_activity, padss_pain_nausea, padss_bleeding,
                    padss_intake_output, escort, letter_given_on, work_stop_certificate,
                    follow_up_appointment, override_reason
             FROM discharge_checks WHERE admission_id = ?1",
            [admission_id],
            |r| {
                let padss: [Option<u8>; 5] = [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?];
                Ok(DischargeCheckView {
                    check_id: r.get(0)?,
                    version: r.get(1)?,
                    padss,
                    padss_total: journey::padss_of(padss).map(Padss::total),
                    escort: r.get(7)?,
                    letter_given_on: opt_day(r, 8)?,
                    work_stop_certificate: r.get(9)?,
                    follow_up_appointment: r.get(10)?,
                    override_reason: r.get(11)?,
                })
            },
        )
        .optional()?)
}

impl Store {
    /// [`calls_due`].
    pub fn calls_due(&self, day: NaiveDate) -> Result<Vec<FollowUpCall>> {
        calls_due(self.conn(), day)
    }
}
