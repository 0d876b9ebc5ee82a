//! R-TRACE-1: what an implant record must hold, and the gate that keeps a
//! case with implants open until each one holds it. R-TRACE-2: the recall
//! list is the same records, chosen by lot.

use crate::domain::identity::Identity;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// One device used on a patient (an implant, or a traced single-use device),
/// as read back for the gate, the patient's card and a recall.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImplantRecord {
    pub id: i64,
    pub version: i64,
    pub case_id: i64,
    pub lot_id: i64,
    /// The reference's catalogue code and name.
    pub reference_code: String,
    pub device: String,
    pub manufacturer: String,
    pub implantable: bool,
    pub lot: Option<String>,
    pub serial: Option<String>,
    pub expiry: Option<chrono::NaiveDate>,
    pub units: u32,
    /// R-PATH-5: surname, first name, birth date; `None` when the row lost
    /// its patient (written by another program).
    pub patient: Option<Identity>,
    pub hospital_number: Option<String>,
    pub at: Option<DateTime<Utc>>,
    /// The operator who implanted it (display name).
    pub operator: Option<String>,
    /// Who recorded it (display name).
    pub recorded_by: String,
}

/// An item an implant record lacks (R-TRACE-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    LotOrSerial,
    Patient,
    Time,
    Operator,
}

impl Missing {
    pub fn label(self) -> &'static str {
        match self {
            Missing::LotOrSerial => "lot or serial number",
            Missing::Patient => "patient",
            Missing::Time => "time",
            Missing::Operator => "operator",
        }
    }
}

impl ImplantRecord {
    /// R-TRACE-1: what this record lacks (empty when complete).
    pub fn missing(&self) -> Vec<Missing> {
        let mut out = Vec::new();
        let blank = |s: &Option<String>| s.as_deref().is_none_or(|t| t.trim().is_empty());
        if blank(&self.lot) && blank(&self.serial) {
            out.push(Missing::LotOrSerial);
        }
        if self.patient.is_none() {
            out.push(Missing::Patient);
        }
        if self.at.is_none() {
            out.push(Missing::Time);
        }
        if blank(&self.operator) {
            out.push(Missing::Operator);
        }
        out
    }

    /// `lot AB12`, `serial S9`, `lot AB12 serial S9`.
    pub fn lot_label(&self) -> String {
        match (&self.lot, &self.serial) {
            (Some(l), Some(s)) => format!("lot {l} serial {s}"),
            (Some(l), None) => format!("lot {l}"),
            (None, Some(s)) => format!("serial {s}"),
            (None, None) => "no lot".into(),
        }
    }
}

/// R-TRACE-1: a case with implants may be closed (its procedure marked
/// done) only when every implant record is complete. The error lists each
/// record's missing items by name, device first: `screw 7.0 (lot A1):
/// operator missing`.
pub fn close_gate(records: &[ImplantRecord]) -> Result<(), Vec<String>> {
    let problems: Vec<String> = records
        .iter()
        .filter(|r| r.implantable)
        .filter_map(|r| {
            let missing = r.missing();
            (!missing.is_empty()).then(|| {
                let items: Vec<&str> = missing.iter().map(|m| m.label()).collect();
                format!("{} ({}): {} missing", r.device, r.lot_label(), items.join(", "))
            })
        })
        .collect();
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    pub fn record() -> ImplantRecord {
        ImplantRecord {
            id: 1,
            version: 1,
            case_id: 7,
            lot_id: 2,
            reference_code: "SCR-70".into(),
            device: "cannulated screw 7.0".into(),
            manufacturer: "Acme".into(),
            implantable: true,
            lot: Some("A1".into()),
            serial: None,
            expiry: None,
            units: 1,
            patient: Some(Identity {
                patient_id: 3,
                surname: "Martin".into(),
                first_name: "Claire".into(),
                birth_date: NaiveDate::from_ymd_opt(1956, 3, 12).unwrap(),
            }),
            hospital_number: Some("H1".into()),
            at: Some(Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()),
            operator: Some("Dr Roux".into()),
            recorded_by: "Nurse One".into(),
        }
    }

    #[test]
    fn r_trace_1_a_complete_record_lets_the_case_close() {
        assert_eq!(record().missing(), vec![]);
        assert_eq!(close_gate(&[record()]), Ok(()));
    }

    #[test]
    fn r_trace_1_the_gate_names_each_missing_item() {
        let mut r = record();
        r.operator = None;
        r.lot = None;
        assert_eq!(r.missing(), vec![Missing::LotOrSerial, Missing::Operator]);
        let err = close_gate(&[r.clone()]).unwrap_err();
        assert_eq!(err, vec!["cannulated screw 7.0 (no lot): lot or serial number, operator missing".to_string()]);
        // A traced single-use device (not an implant) does not hold the case.
        r.implantable = false;
        assert_eq!(close_gate(&[r]), Ok(()));
    }
}
