//! Admissions and their recorded steps (R-PATH-1, R-PATH-2, R-PATH-4).

use super::Store;
use super::beds;
use super::db::{Connection, OptionalExtension, params};
use super::decode::known;
use super::error::{Result, StoreError, instant_text};
use super::stay_order;
use super::table::Table;
use super::write::{Field, WriteTx};
use crate::domain::case::{AnaesthesiaMode, CaseState};
use crate::domain::journey::{BleedingRisk, TimelineStep};
use crate::domain::pathway::{self, AdmissionState, RecordedStep, Step, UNDO_PREFIX};
use crate::domain::settings::{self, Settings};
use crate::domain::stay_order::StayInstants;
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAdmission {
    pub patient_id: i64,
    pub planned_admit_on: NaiveDate,
    pub planned_discharge_on: NaiveDate,
    pub bed_id: Option<i64>,
}

/// An admission alone, with the days given. Prefer [`create_stay`], which
/// proposes the days from the procedure (R-PATH-1) and checks the bed.
/// R-PATH-6: refuses days out of order with the patient's birth date.
pub fn create(tx: &mut WriteTx<'_>, admission: &NewAdmission) -> Result<i64> {
    let birth_date = birth_date(tx.conn(), admission.patient_id)?;
    let stay = StayInstants {
        birth_date,
        planned_admit_on: admission.planned_admit_on,
        planned_discharge_on: admission.planned_discharge_on,
        admitted_at: None,
        discharged_at: None,
        procedure_start: None,
    };
    stay_order::ensure(tx, &tr!("store-admission-for-patient", id = admission.patient_id), &stay, tx.zone())?;
    tx.insert(
        Table::Admissions,
        &[
            ("patient_id", &admission.patient_id),
            ("planned_admit_on", &admission.planned_admit_on.to_string()),
            ("planned_discharge_on", &admission.planned_discharge_on.to_string()),
            ("bed_id", &admission.bed_id),
        ],
    )
}

/// A stay to book: the procedure, and the admission around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStay {
    pub patient_id: i64,
    pub procedure_kind_id: i64,
    /// The ward day of the procedure (J0).
    pub procedure_day: NaiveDate,
    /// Wall-clock start in the ward's zone.
    pub start_time: NaiveTime,
    /// `None`: the procedure kind's default duration.
    pub duration_min: Option<u32>,
    pub side_level: Option<String>,
    pub anaesthesia_mode: AnaesthesiaMode,
    /// `None`: from the procedure kind (R-MED-2: vertebroplasty, cementoplasty are high).
    pub bleeding_risk: Option<BleedingRisk>,
    pub operator_id: Option<i64>,
    pub anaesthetist_id: Option<i64>,
    pub room_id: Option<i64>,
    pub bed_id: Option<i64>,
    /// R-READY-1: relaxes the confirmation gate; recorded and reported.
    pub emergency: bool,
    /// R-MED-1: metformin stops around iodinated contrast.
    pub iodinated_contrast: bool,
    /// R-PATH-6: the user confirmed that a start already past is a
    /// retrospective entry (stored on the case, so the audit says so).
    /// Without it such a start is refused with [`StoreError::Retrospective`].
    pub retrospective: bool,
    /// R-BLOCK-3, R-BLOCK-4: the reason recorded when the booking meets a
    /// conflict that allows an override, or the frozen list of J0; `None`
    /// lets such a booking be refused with [`StoreError::BlockConflict`].
    pub override_reason: Option<String>,
}

/// The longest a procedure can be booked for, in minutes.
pub const MAX_MINUTES: u32 = 12 * 60;

fn birth_date(conn: &Connection, patient_id: i64) -> Result<NaiveDate> {
    conn.query_row("SELECT birth_date FROM patients WHERE id = ?1", [patient_id], |r| super::rows::day(r, 0))
        .optional()?
        .ok_or_else(|| {
            StoreError::invalid(tr!("store-patient-numbered", id = patient_id), tr!("store-no-such-patient"))
        })
}

/// R-PATH-1: books a procedure on `procedure_day` and its admission, planned
/// on D + `path.admit_offset_days` and discharged on D + `path.discharge_offset_days`.
/// Refuses an unknown patient, kind, operator, room or bed, a bed closed or
/// held by another admission on one of the nights (R-PATH-4), a patient
/// who already has a stay on those nights, instants out of order (R-PATH-6:
/// born after the admission day) and, unless `stay.retrospective`, a start
/// already past ([`StoreError::Retrospective`]), and a case that meets the
/// schedule's conflicts (R-BLOCK-3) or the frozen list (R-BLOCK-4) without
/// the override they allow ([`StoreError::BlockConflict`]). Returns
/// (admission id, case id).
pub fn create_stay(tx: &mut WriteTx<'_>, stay: &NewStay, settings: &Settings) -> Result<(i64, i64)> {
    let conn = tx.conn();
    let birth = birth_date(conn, stay.patient_id)?;
    // Issue 8: a retired kind, room or member of staff is booked on no new stay.
    let (kind_code, default_minutes) = super::in_use::procedure_kind(conn, stay.procedure_kind_id)?;
    let minutes = stay.duration_min.unwrap_or(default_minutes);
    if minutes == 0 || minutes > MAX_MINUTES {
        return Err(StoreError::invalid(
            tr!("store-duration"),
            tr!("store-duration-out-of-range", minutes = minutes, max = MAX_MINUTES),
        ));
    }
    super::in_use::placement(conn, stay.room_id, stay.operator_id, stay.anaesthetist_id)?;
    let (admit_on, discharge_on) = planned_days(stay.procedure_day, settings)?;
    let zone = settings.zone();
    let today = ward_time::local_day(tx.at(), zone);
    let nights = (admit_on, discharge_on);
    if let Some((_, first, end)) = patient_stay_overlapping(conn, stay.patient_id, nights, 0, today)? {
        return Err(StoreError::invalid(
            tr!("store-the-patient"),
            tr!(
                "store-patient-has-a-stay",
                first = first.format("%d/%m").to_string(),
                end = end.format("%d/%m").to_string()
            ),
        ));
    }
    if let Some(bed_id) = stay.bed_id {
        let bed = beds::get(conn, bed_id)?;
        beds::check_bookable(conn, &bed, nights, 0, today)?;
    }
    let start = ward_time::at_local(stay.procedure_day, stay.start_time, zone);
    // R-PATH-6: in order, and a past start only as a confirmed retrospective entry.
    let instants = StayInstants {
        birth_date: birth,
        planned_admit_on: admit_on,
        planned_discharge_on: discharge_on,
        admitted_at: None,
        discharged_at: None,
        procedure_start: Some(start),
    };
    let what = tr!("store-the-procedure").into_owned();
    stay_order::ensure(tx, &what, &instants, zone)?;
    let retrospective = stay_order::confirm_past_plans(tx, &what, start, Some(admit_on), stay.retrospective)?;
    let risk = stay.bleeding_risk.unwrap_or_else(|| BleedingRisk::for_procedure(&kind_code));
    let side_level = stay.side_level.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let admission_id = create(
        tx,
        &NewAdmission {
            patient_id: stay.patient_id,
            planned_admit_on: admit_on,
            planned_discharge_on: discharge_on,
            bed_id: stay.bed_id,
        },
    )?;
    let case_id = tx.insert(
        Table::Cases,
        &[
            ("admission_id", &admission_id),
            ("procedure_kind_id", &stay.procedure_kind_id),
            ("room_id", &stay.room_id),
            ("operator_id", &stay.operator_id),
            ("anaesthetist_id", &stay.anaesthetist_id),
            ("scheduled_start", &instant_text(start)),
            ("duration_min", &minutes),
            ("anaesthesia_mode", &stay.anaesthesia_mode.code()),
            ("side_level", &side_level),
            ("bleeding_risk", &risk.code()),
            ("iodinated_contrast", &stay.iodinated_contrast),
            ("emergency", &stay.emergency),
            ("state", &CaseState::Planned.code()),
            ("retrospective", &retrospective),
        ],
    )?;
    // R-BLOCK-3, R-BLOCK-4: checked with the case in place, in this transaction.
    let answer = super::block::Answer { override_reason: stay.override_reason.clone() };
    super::block::guard(tx, &what, case_id, &[stay.procedure_day], &answer, settings)?;
    Ok((admission_id, case_id))
}

/// R-PATH-1: the planned days for a procedure day, refusing site offsets
/// that would put the discharge before the admission.
pub fn planned_days(procedure_day: NaiveDate, settings: &Settings) -> Result<(NaiveDate, NaiveDate)> {
    let (admit_on, discharge_on) = pathway::planned_stay(
        procedure_day,
        settings.integer(settings::ADMIT_OFFSET_DAYS),
        settings.integer(settings::DISCHARGE_OFFSET_DAYS),
    );
    if discharge_on < admit_on {
        return Err(StoreError::invalid(
            tr!("store-pathway-settings"),
            tr!(
                "store-discharge-before-admission",
                admit = settings.cite(settings::ADMIT_OFFSET_DAYS),
                discharge = settings.cite(settings::DISCHARGE_OFFSET_DAYS)
            ),
        ));
    }
    Ok((admit_on, discharge_on))
}

/// Another stay of the same patient on any of `nights`: (admission, first night, end).
pub(super) fn patient_stay_overlapping(
    conn: &Connection,
    patient_id: i64,
    nights: (NaiveDate, NaiveDate),
    except: i64,
    today: NaiveDate,
) -> Result<Option<(i64, NaiveDate, NaiveDate)>> {
    let sql = format!(
        "SELECT id, state, planned_admit_on, planned_discharge_on FROM admissions
         WHERE patient_id = ?1 AND id <> ?2 AND state IN {}",
        super::decode::HOLDING_STATES
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![patient_id, except], |r| {
        let state: String = r.get(1)?;
        Ok((
            r.get::<_, i64>(0)?,
            known(&state, Table::Admissions, "state", r.get(0)?)?,
            super::rows::day(r, 2)?,
            super::rows::day(r, 3)?,
        ))
    })?;
    for row in rows {
        let (id, state, first, end) = row?;
        let held = crate::domain::beds::held_nights(state, first, end, today);
        if held.is_some_and(|h| crate::domain::beds::nights_overlap(h, nights)) {
            return Ok(Some((id, first, end)));
        }
    }
    Ok(None)
}

/// What a step changed, for the message the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepTaken {
    pub from: AdmissionState,
    pub to: AdmissionState,
    pub version: i64,
}

/// An admission's row, as the step logic needs it.
struct Current {
    state: AdmissionState,
    version: i64,
    bed_id: Option<i64>,
}

fn current(tx: &WriteTx<'_>, admission_id: i64) -> Result<Current> {
    let what = Table::Admissions.row(admission_id);
    let (state, version, bed_id): (String, i64, Option<i64>) = tx
        .conn()
        .query_row("SELECT state, version, bed_id FROM admissions WHERE id = ?1", [admission_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?
        .ok_or_else(|| StoreError::NotFound(what.clone()))?;
    let state = known(&state, Table::Admissions, "state", admission_id)?;
    Ok(Current { state, version, bed_id })
}

/// R-PATH-2: moves an admission one step, if it is still at the version the
/// user saw, and records who, when and why in `admission_steps`.
///
/// R-PATH-4: admitting puts the patient in the admission's bed (refused if
/// the bed is closed, waiting to be cleaned or occupied by someone else);
/// leaving the ward (discharge, or a cancel or postponement after arrival)
/// leaves the bed to clean. Before arrival nothing physical changes: the
/// reservation simply ends, because it is derived.
///
/// R-DISCH-1: a discharge goes through [`super::discharge::discharge`], with
/// `reason` as the override reason for any missing item.
pub fn take_step(
    tx: &mut WriteTx<'_>,
    admission_id: i64,
    expected_version: i64,
    step: Step,
    reason: Option<&str>,
) -> Result<StepTaken> {
    if step == Step::Discharge {
        let settings = super::settings::load(tx.conn())?.0;
        return super::discharge::discharge(tx, admission_id, expected_version, reason, &settings).map(|d| d.step);
    }
    apply_step_at(tx, admission_id, expected_version, step, reason, None)
}

/// R-PATH-6: admits a patient who arrived at `arrived` (UTC), before now: a
/// stay entered after its procedure had passed (a retrospective entry) could
/// not be admitted at all, since arriving now comes after the procedure
/// (found in use, #7). The instant keeps the stay's order and is not in the
/// future; the step is recorded now, saying when the patient arrived.
pub fn admit_at(
    tx: &mut WriteTx<'_>,
    admission_id: i64,
    expected_version: i64,
    arrived: DateTime<Utc>,
) -> Result<StepTaken> {
    if arrived > tx.at() {
        return Err(StoreError::invalid(Table::Admissions.row(admission_id), tr!("store-arrival-in-future")));
    }
    let note = format!("arrived {}", arrived.with_timezone(&tx.zone()).format("%d/%m/%Y %H:%M")); // i18n: stored: the step's note
    apply_step_at(tx, admission_id, expected_version, Step::Admit, Some(&note), Some(arrived))
}

/// The step itself, with its bed side effects and its record.
pub(super) fn apply_step(
    tx: &mut WriteTx<'_>,
    admission_id: i64,
    expected_version: i64,
    step: Step,
    reason: Option<&str>,
) -> Result<StepTaken> {
    apply_step_at(tx, admission_id, expected_version, step, reason, None)
}

/// [`apply_step`], the arrival or departure at `when` (now when `None`).
fn apply_step_at(
    tx: &mut WriteTx<'_>,
    admission_id: i64,
    expected_version: i64,
    step: Step,
    reason: Option<&str>,
    when: Option<DateTime<Utc>>,
) -> Result<StepTaken> {
    let event_at = when.unwrap_or(tx.at());
    let what = Table::Admissions.row(admission_id);
    let now = current(tx, admission_id)?;
    if now.version != expected_version {
        return Err(tx.conflict(Table::Admissions, admission_id));
    }
    let from = now.state;
    let to = pathway::next_state(from, step).map_err(|e| StoreError::invalid(&what, e.to_string()))?;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if step.needs_reason() && reason.is_none() {
        return Err(StoreError::invalid(&what, tr!("store-step-needs-reason", verb = step.verb())));
    }
    if let Some(bed) = now.bed_id {
        if to.is_on_ward() && !from.is_on_ward() {
            beds::arrive(tx, bed, admission_id)?;
        } else if from.is_on_ward() && !to.is_on_ward() {
            beds::leave(tx, bed)?;
        }
    }
    // R-PATH-6: a procedure is marked done once it has started, not before.
    if step == Step::MarkProcedureDone
        && let Some(start) = stay_order::instants(tx.conn(), admission_id)?.procedure_start
    {
        stay_order::recorded(tx, &what, crate::domain::stay_order::Event::Procedure, start)?;
    }
    // R-PATH-6: arriving or leaving now keeps the stay's instants in order.
    if matches!(step, Step::Admit | Step::Discharge) {
        let mut instants = stay_order::instants(tx.conn(), admission_id)?;
        if step == Step::Admit {
            instants.admitted_at = Some(event_at);
        } else {
            instants.discharged_at = Some(event_at);
        }
        stay_order::ensure(tx, &what, &instants, tx.zone())?;
    }
    let at = instant_text(event_at);
    let code = to.code();
    let mut fields: Vec<Field<'_>> = vec![("state", &code)];
    match step {
        Step::Admit => fields.push(("admitted_at", &at)),
        Step::Discharge => fields.push(("discharged_at", &at)),
        Step::Prolong => fields.push(("incident", &reason)),
        _ => {}
    }
    let version = tx.update(Table::Admissions, admission_id, expected_version, &fields)?;
    record_step(tx, admission_id, from, to, reason)?;
    super::cases::follow_stay(tx, admission_id, to)?;
    Ok(StepTaken { from, to, version })
}

/// What recording (or voiding) a case's procedure end did to its stay
/// (R-BLOCK-6 with R-PATH-2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StayAfterEnd {
    /// The stay took its "procedure done" step.
    ProcedureDone,
    /// The step waits, for the reason given.
    Waits(String),
    /// The procedure end was voided: the step it took was undone.
    Undone,
    /// The procedure end was voided, but the stay's step stays, for the
    /// reason given.
    Stays(String),
}

impl StayAfterEnd {
    pub fn words(&self) -> String {
        let said = match self {
            StayAfterEnd::ProcedureDone => tr!("store-stay-now", state = AdmissionState::ProcedureDone.words()),
            StayAfterEnd::Waits(why) => tr!("store-stay-done-waits", why = why.as_str()),
            StayAfterEnd::Undone => tr!("store-stay-back-to", state = AdmissionState::Admitted.words()),
            StayAfterEnd::Stays(why) => {
                tr!("store-stay-stays", state = AdmissionState::ProcedureDone.words(), why = why.as_str())
            }
        };
        said.into_owned()
    }
}

/// R-BLOCK-6 with R-PATH-2: the procedure end recorded on a case's
/// timeline takes its stay's "procedure done" step in the same transaction,
/// when the patient is on the ward (admitted) and no other case of the stay
/// is still to come. The step waits, and says why, when the implant records
/// are incomplete (R-TRACE-1) or the role may record the timeline but not
/// the stay's steps (R-ROLE-1). `None`: nothing to do (not admitted, already
/// marked, another case to come).
pub(super) fn procedure_ended(tx: &mut WriteTx<'_>, case_id: i64) -> Result<Option<StayAfterEnd>> {
    let admission_id: i64 =
        tx.conn().query_row("SELECT admission_id FROM cases WHERE id = ?1", [case_id], |r| r.get(0))?;
    let now = current(tx, admission_id)?;
    // Found in use (#9): a stay never admitted kept its case under way
    // without a word. The ward admits first; the step follows.
    if now.state == AdmissionState::Planned {
        return Ok(Some(StayAfterEnd::Waits(tr!("store-stay-still-planned").into_owned())));
    }
    if now.state != AdmissionState::Admitted {
        return Ok(None);
    }
    let to_come: i64 = tx.conn().query_row(
        "SELECT count(*) FROM cases WHERE admission_id = ?1 AND id <> ?2
           AND state IN ('planned', 'confirmed', 'in_progress')",
        [admission_id, case_id],
        |r| r.get(0),
    )?;
    if to_come > 0 {
        return Ok(None);
    }
    let change = super::permission::change_of(Table::Admissions, false, &["state"]);
    if super::permission::permit(tx.role()?, change).is_err() {
        return Ok(Some(StayAfterEnd::Waits(tr!("store-ward-marks-it").into_owned())));
    }
    if let Err(e) = super::stock_moves::close_gate(tx, case_id) {
        return Ok(Some(StayAfterEnd::Waits(e.to_string())));
    }
    apply_step(tx, admission_id, now.version, Step::MarkProcedureDone, None)?;
    Ok(Some(StayAfterEnd::ProcedureDone))
}

/// R-BLOCK-6 with R-PATH-2: a procedure end voided (recorded by mistake)
/// undoes the "procedure done" its stay took, by a new recorded step back
/// (reason: the void's), while that is still the stay's state; later steps
/// (ready for discharge, discharged) are the ward's to undo. `None`:
/// nothing to undo.
pub(super) fn procedure_end_voided(tx: &mut WriteTx<'_>, case_id: i64, reason: &str) -> Result<Option<StayAfterEnd>> {
    let admission_id: i64 =
        tx.conn().query_row("SELECT admission_id FROM cases WHERE id = ?1", [case_id], |r| r.get(0))?;
    let now = current(tx, admission_id)?;
    if now.state != AdmissionState::ProcedureDone {
        return Ok(None);
    }
    let change = super::permission::change_of(Table::Admissions, false, &["state"]);
    if super::permission::permit(tx.role()?, change).is_err() {
        return Ok(Some(StayAfterEnd::Stays(tr!("store-ward-undoes-it").into_owned())));
    }
    let history = recorded_steps(tx.conn(), admission_id)?;
    if pathway::undo_target(&history, now.state).is_err() {
        return Ok(Some(StayAfterEnd::Stays(tr!("store-cannot-undo-here").into_owned())));
    }
    undo_last_step(tx, admission_id, now.version, &format!("procedure end voided: {reason}"))?; // i18n: stored: the step's reason
    Ok(Some(StayAfterEnd::Undone))
}

/// R-BLOCK-5 with R-PATH-2: a postponed stay whose case is booked again is
/// planned again, by a recorded step (postponed → planned, with `reason`),
/// in the booking's transaction. An arrival recorded before the
/// postponement is cleared (the patient is admitted again on the new J-1;
/// the audit keeps the old time). Returns the stay's new version.
pub(super) fn planned_again(
    tx: &mut WriteTx<'_>,
    admission_id: i64,
    expected_version: i64,
    reason: &str,
) -> Result<i64> {
    let now = current(tx, admission_id)?;
    if now.state != AdmissionState::Postponed {
        return Ok(expected_version);
    }
    let (planned, none) = (AdmissionState::Planned.code(), None::<String>);
    let version =
        tx.update(Table::Admissions, admission_id, expected_version, &[("state", &planned), ("admitted_at", &none)])?;
    record_step(tx, admission_id, AdmissionState::Postponed, AdmissionState::Planned, Some(reason))?;
    Ok(version)
}

fn record_step(
    tx: &mut WriteTx<'_>,
    admission_id: i64,
    from: AdmissionState,
    to: AdmissionState,
    reason: Option<&str>,
) -> Result<i64> {
    let at = instant_text(tx.at());
    let actor = tx.actor_id();
    tx.insert(
        Table::AdmissionSteps,
        &[
            ("admission_id", &admission_id),
            ("from_state", &from.code()),
            ("to_state", &to.code()),
            ("at", &at),
            ("actor_id", &actor),
            ("reason", &reason),
        ],
    )
}

/// R-PATH-2: undoes the last step still in force by a NEW recorded step back
/// to the state before it (reason required, stored as "undo: …"); history is
/// never edited. Undoing an admission frees the bed (the patient never slept
/// there); undoing a departure puts the patient back in their bed if no one
/// else is in it (R-PATH-4).
pub fn undo_last_step(
    tx: &mut WriteTx<'_>,
    admission_id: i64,
    expected_version: i64,
    reason: &str,
) -> Result<StepTaken> {
    let what = Table::Admissions.row(admission_id);
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(StoreError::invalid(&what, tr!("store-undo-needs-reason")));
    }
    let now = current(tx, admission_id)?;
    if now.version != expected_version {
        return Err(tx.conflict(Table::Admissions, admission_id));
    }
    let history = recorded_steps(tx.conn(), admission_id)?;
    let undo = pathway::undo_target(&history, now.state).map_err(|e| StoreError::invalid(&what, e.to_string()))?;
    let (from, to) = (now.state, undo.back_to);
    if let Some(bed) = now.bed_id {
        if from.is_on_ward() && !to.is_on_ward() {
            beds::arrival_undone(tx, bed)?;
        } else if !from.is_on_ward() && to.is_on_ward() {
            beds::departure_undone(tx, bed, admission_id)?;
        }
    }
    let none: Option<String> = None;
    let to_code = to.code();
    let mut fields: Vec<super::write::Field<'_>> = vec![("state", &to_code)];
    if from.is_on_ward() && !to.is_on_ward() {
        fields.push(("admitted_at", &none));
    }
    if from == AdmissionState::Discharged {
        fields.push(("discharged_at", &none));
    }
    if from == AdmissionState::Prolonged {
        fields.push(("incident", &none));
    }
    let version = tx.update(Table::Admissions, admission_id, expected_version, &fields)?;
    record_step(tx, admission_id, from, to, Some(&format!("{UNDO_PREFIX}{reason}")))?;
    super::cases::follow_stay(tx, admission_id, to)?;
    Ok(StepTaken { from, to, version })
}

fn recorded_steps(conn: &Connection, admission_id: i64) -> Result<Vec<RecordedStep>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, from_state, to_state, reason FROM admission_steps WHERE admission_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([admission_id], |r| {
        let (from, to): (String, String) = (r.get(1)?, r.get(2)?);
        let reason: Option<String> = r.get(3)?;
        Ok(RecordedStep {
            id: r.get(0)?,
            from: known(&from, Table::AdmissionSteps, "from_state", r.get(0)?)?,
            to: known(&to, Table::AdmissionSteps, "to_state", r.get(0)?)?,
            undo: reason.is_some_and(|r| r.starts_with(UNDO_PREFIX)),
        })
    })?;
    Ok(rows.collect::<super::db::Result<Vec<_>>>()?)
}

/// R-PATH-2: the admission's recorded steps, oldest first, with who took each.
pub fn timeline(conn: &Connection, admission_id: i64) -> Result<Vec<TimelineStep>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.at, s.from_state, s.to_state, st.display_name, s.reason
         FROM admission_steps s JOIN staff st ON st.id = s.actor_id
         WHERE s.admission_id = ?1 ORDER BY s.id",
    )?;
    let rows = stmt.query_map([admission_id], |r| {
        let (from, to): (String, String) = (r.get(2)?, r.get(3)?);
        let reason: Option<String> = r.get(5)?;
        Ok(TimelineStep {
            step_id: r.get(0)?,
            at: super::rows::instant(r, 1)?,
            from: known(&from, Table::AdmissionSteps, "from_state", r.get(0)?)?,
            to: known(&to, Table::AdmissionSteps, "to_state", r.get(0)?)?,
            by: r.get(4)?,
            undo: reason.as_deref().is_some_and(|r| r.starts_with(UNDO_PREFIX)),
            reason,
        })
    })?;
    Ok(rows.collect::<super::db::Result<Vec<_>>>()?)
}

impl Store {
    /// [`timeline`].
    pub fn timeline(&self, admission_id: i64) -> Result<Vec<TimelineStep>> {
        timeline(self.conn(), admission_id)
    }
}
