//! INR and platelets before high-bleeding-risk procedures (R-MED-2).

use super::db::{Connection, OptionalExtension};
use super::error::{Result, StoreError, instant_text};
use super::intakes::not_in_future;
use super::table::Table;
use super::write::WriteTx;
use crate::domain::journey::LabView;
use crate::domain::medication::LabItem;
use crate::domain::stay_order::Event;
use chrono::{DateTime, Utc};

pub fn code(item: LabItem) -> &'static str {
    match item {
        LabItem::Inr => "inr",
        LabItem::Platelets => "platelets",
    }
}

pub fn from_code(code: &str) -> Option<LabItem> {
    match code {
        "inr" => Some(LabItem::Inr),
        "platelets" => Some(LabItem::Platelets),
        _ => None,
    }
}

/// R-MED-2: records a result. Returns its id.
pub fn record(
    tx: &mut WriteTx<'_>,
    patient_id: i64,
    item: LabItem,
    value: f64,
    taken_at: DateTime<Utc>,
) -> Result<i64> {
    let patient = tx.conn().query_row("SELECT 1 FROM patients WHERE id = ?1", [patient_id], |_| Ok(())).optional()?;
    if patient.is_none() {
        return Err(StoreError::NotFound(Table::Patients.row(patient_id)));
    }
    if let Some(why) = item.implausible(value) {
        return Err(StoreError::invalid(tr!("store-lab-result-of", item = item.label()), why));
    }
    let about = super::stay_order::Subject::Patient(patient_id);
    not_in_future(tx, taken_at, &tr!("store-lab-result-of", item = item.label()), Event::Lab, about)?;
    tx.insert(
        Table::LabResults,
        &[("patient_id", &patient_id), ("test", &code(item)), ("value", &value), ("taken_at", &instant_text(taken_at))],
    )
}

/// The patient's results, newest first.
pub fn list(conn: &Connection, patient_id: i64) -> Result<Vec<LabView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, test, value, taken_at, void_reason FROM lab_results WHERE patient_id = ?1 ORDER BY taken_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([patient_id], |r| {
        let test: String = r.get(1)?;
        Ok(LabView {
            lab_id: r.get(0)?,
            item: super::decode::known(&test, Table::LabResults, "test", r.get(0)?)?,
            value: r.get(2)?,
            taken_at: super::rows::instant(r, 3)?,
            voided: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<super::db::Result<Vec<_>>>()?)
}
