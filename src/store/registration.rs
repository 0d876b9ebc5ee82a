//! Registering a patient at admission: the hospital number is the key; a
//! number already on file must come with the same identity (identity vigilance).

use super::db::OptionalExtension;
use super::error::{Result, StoreError};
use super::patients::{self, NewPatient};
use super::write::WriteTx;
use crate::domain::names;

/// The patient's id: the one already registered under this hospital number
/// with the same identity, or a new registration.
pub fn register_or_match(tx: &mut WriteTx<'_>, patient: &NewPatient) -> Result<i64> {
    let found: Option<(i64, String, String, String)> = tx
        .conn()
        .query_row(
            "SELECT id, surname, first_name, birth_date FROM patients WHERE hospital_number = ?1",
            [&patient.hospital_number],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    match found {
        None => patients::register(tx, patient),
        Some((id, surname, first_name, birth_date)) => {
            let same = names::folded(&surname) == names::folded(&names::stored(&patient.surname))
                && names::folded(&first_name) == names::folded(&names::stored(&patient.first_name))
                && birth_date == patient.birth_date.to_string();
            if same {
                Ok(id)
            } else {
                // R-PRIV-1: the message names the number, not the people.
                Err(StoreError::invalid(
                    tr!("store-hospital-number", number = patient.hospital_number.as_str()),
                    tr!("store-registered-differently"),
                ))
            }
        }
    }
}
