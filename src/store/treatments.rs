//! Treatments that need a stop date before a procedure (R-MED-1). The dates
//! are computed by `domain::medication`, never stored.

use super::db::{Connection, OptionalExtension, params};
use super::error::{Result, StoreError};
use super::table::Table;
use super::write::WriteTx;
use crate::domain::medication::DrugClass;

/// One recorded treatment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Treatment {
    pub id: i64,
    pub version: i64,
    pub drug: DrugClass,
    pub active: bool,
    /// Voided with this reason (entered by mistake).
    pub voided: Option<String>,
}

/// R-MED-1: records that the patient takes a drug of this class. Refused if
/// the same class is already recorded as active. Returns the treatment's id.
pub fn add(tx: &mut WriteTx<'_>, patient_id: i64, drug: DrugClass) -> Result<i64> {
    let patient = tx.conn().query_row("SELECT 1 FROM patients WHERE id = ?1", [patient_id], |_| Ok(())).optional()?;
    if patient.is_none() {
        return Err(StoreError::NotFound(Table::Patients.row(patient_id)));
    }
    let existing: Option<i64> = tx
        .conn()
        .query_row(
            "SELECT id FROM treatments WHERE patient_id = ?1 AND drug_class = ?2 AND active = 1 AND voided_at IS NULL",
            params![patient_id, drug.code()],
            |r| r.get(0),
        )
        .optional()?;
    if existing.is_some() {
        return Err(StoreError::invalid(drug.label().to_string(), tr!("store-treatment-already-recorded")));
    }
    tx.insert(Table::Treatments, &[("patient_id", &patient_id), ("drug_class", &drug.code())])
}

/// The patient no longer takes it (kept for the record). Returns the new version.
pub fn stop(tx: &mut WriteTx<'_>, treatment_id: i64, expected_version: i64) -> Result<i64> {
    let active: Option<bool> =
        tx.conn().query_row("SELECT active FROM treatments WHERE id = ?1", [treatment_id], |r| r.get(0)).optional()?;
    match active {
        None => Err(StoreError::NotFound(Table::Treatments.row(treatment_id))),
        Some(false) => {
            Err(StoreError::invalid(Table::Treatments.row(treatment_id), tr!("store-treatment-already-stopped")))
        }
        Some(true) => tx.update(Table::Treatments, treatment_id, expected_version, &[("active", &false)]),
    }
}

/// The patient's treatments, active first.
pub fn list(conn: &Connection, patient_id: i64) -> Result<Vec<Treatment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, version, drug_class, active, void_reason FROM treatments WHERE patient_id = ?1
         ORDER BY active DESC, id",
    )?;
    let rows = stmt.query_map([patient_id], |r| {
        let class: String = r.get(2)?;
        Ok(Treatment {
            id: r.get(0)?,
            version: r.get(1)?,
            drug: super::decode::known(&class, Table::Treatments, "drug_class", r.get(0)?)?,
            active: r.get(3)?,
            voided: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<super::db::Result<Vec<_>>>()?)
}
