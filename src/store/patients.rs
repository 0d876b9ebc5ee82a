//! Patients: identity as the hospital registered it.

use super::error::Result;
use super::table::Table;
use super::write::WriteTx;
use crate::domain::names;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPatient {
    pub surname: String,
    pub first_name: String,
    pub birth_date: NaiveDate,
    /// `F`, `M` or `X`.
    pub sex: char,
    pub hospital_number: String,
}

/// Registers a patient; names are stored in NFC with single spaces
/// ([`names::stored`]), so the same name typed two ways is one name.
/// R-PATH-6: a birth date after today (the ward day of the transaction) is
/// refused. Returns the patient's id.
/// The patient `patient_id` is on file, or [`super::StoreError::NotFound`]
/// naming it: a record about a patient is refused before anything is written.
pub fn ensure_exists(tx: &WriteTx<'_>, patient_id: i64) -> Result<()> {
    let exists: bool =
        tx.conn().query_row("SELECT count(*) FROM patients WHERE id = ?1", [patient_id], |r| r.get(0))?;
    if exists { Ok(()) } else { Err(super::StoreError::NotFound(Table::Patients.row(patient_id))) }
}

pub fn register(tx: &mut WriteTx<'_>, patient: &NewPatient) -> Result<i64> {
    let today = crate::domain::ward_time::local_day(tx.at(), tx.zone());
    crate::domain::stay_order::born(patient.birth_date, today).map_err(|f| {
        super::stay_order::refused(
            &tr!("store-hospital-number", number = patient.hospital_number.as_str()),
            &[f],
            tx.zone(),
        )
    })?;
    tx.insert(
        Table::Patients,
        &[
            ("surname", &names::stored(&patient.surname)),
            ("first_name", &names::stored(&patient.first_name)),
            ("birth_date", &patient.birth_date.to_string()),
            ("sex", &patient.sex.to_string()),
            ("hospital_number", &patient.hospital_number),
        ],
    )
}

/// R-FAST-5: whether the patient is an insulin-treated diabetic (a shorter
/// fasting limit). Returns the patient's new version.
pub fn set_insulin_treated(
    tx: &mut WriteTx<'_>,
    patient_id: i64,
    expected_version: i64,
    insulin_treated: bool,
) -> Result<i64> {
    tx.update(Table::Patients, patient_id, expected_version, &[("insulin_treated_diabetic", &insulin_treated)])
}
