//! What follows a patient beyond one stay, for the board: open
//! complications (R-COMP-1) and ossification follow-ups whose X-ray check is
//! not done (R-HO-1), gathered by patient with the alerts they raise.

use super::db::Connection;
use super::dialect;
use super::error::Result;
use super::{complications, ossification};
use crate::domain::attention::{self, Alert};
use crate::domain::board::PatientFlags;
use crate::domain::complications::alert;
use crate::domain::identity::Identity;
use crate::domain::ossification as ho;
use crate::domain::settings::Settings;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The patients with an alert of R-COMP-1 or R-HO-1 on `day`, each with
/// their latest stay (to open from the board). Three queries, whatever the
/// number of patients.
pub fn patient_alerts(conn: &Connection, day: NaiveDate, settings: &Settings) -> Result<Vec<PatientFlags>> {
    let mut by_patient: BTreeMap<i64, (Identity, Vec<Alert>)> = BTreeMap::new();
    let open = complications::ComplicationQuery { patient_id: None, open_only: true };
    for row in complications::list(conn, open)? {
        if let Some(a) = alert(&row.complication) {
            by_patient.entry(row.patient.patient_id).or_insert_with(|| (row.patient.clone(), Vec::new())).1.push(a);
        }
    }
    for row in ossification::list(conn, None)? {
        let alerts = ho::alerts(&row.follow_up, day, settings);
        if !alerts.is_empty() {
            by_patient
                .entry(row.patient.patient_id)
                .or_insert_with(|| (row.patient.clone(), Vec::new()))
                .1
                .extend(alerts);
        }
    }
    // Each patient's latest stay, in one query.
    let ids = serde_json::Value::from(by_patient.keys().copied().collect::<Vec<_>>()).to_string();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT patient_id, id FROM admissions WHERE patient_id IN ({})
         ORDER BY patient_id, planned_admit_on DESC, id DESC",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let mut latest: BTreeMap<i64, i64> = BTreeMap::new();
    for pair in stmt.query_map([&ids], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (patient_id, admission_id) = pair?;
        latest.entry(patient_id).or_insert(admission_id);
    }
    Ok(by_patient
        .into_iter()
        .map(|(patient_id, (patient, mut alerts))| {
            attention::sort(&mut alerts);
            PatientFlags { patient, admission_id: latest.get(&patient_id).copied(), alerts }
        })
        .collect())
}
