//! Patients: identity as the hospital registered it.

use super::error::Result;
use super::table::Table;
use super::write::WriteTx;
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

pub fn register(tx: &mut WriteTx<'_>, patient: &NewPatient) -> Result<i64> {
    tx.insert(
        Table::Patients,
        &[
            ("surname", &patient.surname),
            ("first_name", &patient.first_name),
            ("birth_date", &patient.birth_date.to_string()),
            ("sex", &patient.sex.to_string()),
            ("hospital_number", &patient.hospital_number),
        ],
    )
}
