//! Admissions and their recorded steps (R-PATH-2).

use super::error::{Result, StoreError, instant_text};
use super::table::Table;
use super::write::WriteTx;
use crate::domain::pathway::{self, AdmissionState, Step};
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAdmission {
    pub patient_id: i64,
    pub planned_admit_on: NaiveDate,
    pub planned_discharge_on: NaiveDate,
    pub bed_id: Option<i64>,
}

pub fn create(tx: &mut WriteTx<'_>, admission: &NewAdmission) -> Result<i64> {
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

/// What a step changed, for the message the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepTaken {
    pub from: AdmissionState,
    pub to: AdmissionState,
    pub version: i64,
}

/// R-PATH-2: moves an admission one step, if it is still at the version the
/// user saw, and records who, when and why in `admission_steps`.
pub fn take_step(
    tx: &mut WriteTx<'_>,
    admission_id: i64,
    expected_version: i64,
    step: Step,
    reason: Option<&str>,
) -> Result<StepTaken> {
    let what = Table::Admissions.row(admission_id);
    let (state, version): (String, i64) = tx
        .conn()
        .query_row(
            "SELECT state, version FROM admissions WHERE id = ?1",
            [admission_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(what.clone()))?;
    if version != expected_version {
        return Err(tx.conflict(Table::Admissions, admission_id));
    }
    let from = AdmissionState::from_code(&state)
        .ok_or_else(|| StoreError::invalid(&what, format!("unknown state {state:?} in the file")))?;
    let to = pathway::next_state(from, step).map_err(|e| StoreError::invalid(&what, e.to_string()))?;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if step.needs_reason() && reason.is_none() {
        return Err(StoreError::invalid(
            &what,
            format!("to {} it, give a reason", step.verb()),
        ));
    }
    let at = instant_text(tx.at());
    let version = match step {
        Step::Admit => tx.update(
            Table::Admissions,
            admission_id,
            expected_version,
            &[("state", &to.code()), ("admitted_at", &at)],
        )?,
        Step::Discharge => tx.update(
            Table::Admissions,
            admission_id,
            expected_version,
            &[("state", &to.code()), ("discharged_at", &at)],
        )?,
        Step::Prolong => tx.update(
            Table::Admissions,
            admission_id,
            expected_version,
            &[("state", &to.code()), ("incident", &reason)],
        )?,
        _ => tx.update(
            Table::Admissions,
            admission_id,
            expected_version,
            &[("state", &to.code())],
        )?,
    };
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
    )?;
    Ok(StepTaken { from, to, version })
}
