//! R-TRACE-1: what an implant record must hold, and the gate that keeps a
//! case with implants open until each one holds it. R-TRACE-2: the recall
//! list is the same records, chosen by lot.

use super::movement::MovementKind;
use crate::domain::case::CaseState;
use crate::domain::identity::Identity;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::borrow::Cow;

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
    /// Recorded by mistake and voided (R-TRACE-1: kept, no longer counted).
    pub voided: Option<VoidMark>,
    /// R-TRACE-2: the lot was recalled after it was implanted.
    pub recalled: Option<RecallMark>,
}

/// R-TRACE-1: where the units of a voided implant record go: back on the
/// shelf (never opened), or to waste (opened, not implanted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VoidTo {
    Shelf,
    Waste,
}

impl VoidTo {
    pub const ALL: [VoidTo; 2] = [VoidTo::Shelf, VoidTo::Waste];

    /// The word typed on the command line (`--to shelf`).
    pub fn code(self) -> &'static str {
        match self {
            VoidTo::Shelf => "shelf",
            VoidTo::Waste => "waste",
        }
    }

    pub fn from_code(code: &str) -> Option<VoidTo> {
        Self::ALL.into_iter().find(|v| v.code() == code.trim())
    }

    /// The movement that records the correction (R-STOCK-2: every movement
    /// is a row): a release puts the units back on the shelf, a waste
    /// records them thrown away. The stored kinds are the schema's.
    pub fn movement(self) -> MovementKind {
        match self {
            VoidTo::Shelf => MovementKind::Release,
            VoidTo::Waste => MovementKind::Waste,
        }
    }

    /// The other way: the kind of the movement an implant record points
    /// at says whether it stands (implant, consume) or was voided (release,
    /// waste). `None` for a record that stands.
    pub fn of_movement(kind: MovementKind) -> Option<VoidTo> {
        match kind {
            MovementKind::Release => Some(VoidTo::Shelf),
            MovementKind::Waste => Some(VoidTo::Waste),
            _ => None,
        }
    }

    /// What happens to the units, after a count: `2 unit(s) put back on
    /// the shelf` (issue 10: `unit(s) units put back` said "units" twice).
    pub fn done(self) -> Cow<'static, str> {
        match self {
            VoidTo::Shelf => tr!("stock-void-done-shelf"),
            VoidTo::Waste => tr!("stock-void-done-waste"),
        }
    }

    /// Where the units go, said alone: `units put back on the shelf`.
    pub fn words(self) -> Cow<'static, str> {
        match self {
            VoidTo::Shelf => tr!("stock-void-words-shelf"),
            VoidTo::Waste => tr!("stock-void-words-waste"),
        }
    }

    /// The choice in the void form: `back on the shelf (never opened)`.
    pub fn choice(self) -> Cow<'static, str> {
        match self {
            VoidTo::Shelf => tr!("stock-void-choice-shelf"),
            VoidTo::Waste => tr!("stock-void-choice-waste"),
        }
    }
}

/// R-TRACE-1: an implant record voided: when, why, where its units went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VoidMark {
    pub at: DateTime<Utc>,
    pub reason: String,
    pub to: VoidTo,
}

/// R-TRACE-2: the recall of the record's lot: when, and the notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecallMark {
    pub at: DateTime<Utc>,
    pub reason: String,
}

/// R-TRACE-1: why a device cannot be recorded as used in a case now.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UseRefused {
    /// The case's state, by its code (`cancelled`).
    CalledOff(&'static str),
    Closed,
    NotStarted,
}

impl std::fmt::Display for UseRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            UseRefused::CalledOff(state) => tr!("stock-use-refused-called-off", state = *state),
            UseRefused::Closed => tr!("stock-use-refused-closed"),
            UseRefused::NotStarted => tr!("stock-use-refused-not-started"),
        })
    }
}

/// R-TRACE-1: a device is recorded as used (implanted, consumed) while
/// the procedure is under way or once it is done, until the stay closes
/// (discharged), and never before it started (found in use, #10: an
/// implant recorded six days ahead; and after: a nurse records the implant
/// once the procedure is marked done). `started` is
/// [`crate::domain::block_timeline::procedure_started`]: the patient is in
/// the room or, where no timeline is kept, the scheduled start has passed.
pub fn may_record_use(state: CaseState, started: bool, stay_closed: bool) -> Result<(), UseRefused> {
    match state {
        CaseState::Cancelled | CaseState::Postponed => Err(UseRefused::CalledOff(state.code())),
        _ if stay_closed => Err(UseRefused::Closed),
        CaseState::Done | CaseState::InProgress => Ok(()),
        CaseState::Planned | CaseState::Confirmed if started => Ok(()),
        CaseState::Planned | CaseState::Confirmed => Err(UseRefused::NotStarted),
    }
}

/// R-TRACE-1, R-STOCK-2: a case is called off (cancelled, postponed) only
/// when no implant record of it stands: a device recorded in a patient says
/// the procedure happened. The records recorded by mistake are voided
/// first (each with its reason). The error lists those standing.
pub fn may_call_off(records: &[ImplantRecord]) -> Result<(), Vec<String>> {
    let standing: Vec<String> = records
        .iter()
        .filter(|r| r.voided.is_none())
        .map(|r| format!("#{} {} ({})", r.id, r.device, r.lot_label()))
        .collect();
    if standing.is_empty() { Ok(()) } else { Err(standing) }
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
    pub fn label(self) -> Cow<'static, str> {
        match self {
            Missing::LotOrSerial => tr!("stock-missing-lot-or-serial"),
            Missing::Patient => tr!("stock-missing-patient"),
            Missing::Time => tr!("stock-missing-time"),
            Missing::Operator => tr!("stock-missing-operator"),
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
        super::lots::lot_words(self.lot.as_deref(), self.serial.as_deref())
    }
}

/// R-TRACE-1: a case with implants may be closed (its procedure marked
/// done) only when every implant record is complete. The error lists each
/// record's missing items by name, device first: `screw 7.0 (lot A1):
/// operator missing`.
pub fn close_gate(records: &[ImplantRecord]) -> Result<(), Vec<String>> {
    let problems: Vec<String> = records
        .iter()
        .filter(|r| r.implantable && r.voided.is_none())
        .filter_map(|r| {
            let missing = r.missing();
            (!missing.is_empty()).then(|| {
                let items: Vec<Cow<'static, str>> = missing.iter().map(|m| m.label()).collect();
                tr!("stock-gate-missing", device = r.device.as_str(), lot = r.lot_label(), items = items.join(", "))
                    .into_owned()
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
            voided: None,
            recalled: None,
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

    #[test]
    fn r_trace_1_a_voided_record_does_not_hold_the_case_nor_stop_its_cancel() {
        let mut r = record();
        r.operator = None;
        assert!(close_gate(&[r.clone()]).is_err());
        assert_eq!(may_call_off(&[r.clone()]), Err(vec!["#1 cannulated screw 7.0 (lot A1)".to_string()]));
        r.voided = Some(VoidMark { at: r.at.unwrap(), reason: "wrong patient".into(), to: VoidTo::Shelf });
        assert_eq!(close_gate(&[r.clone()]), Ok(()));
        assert_eq!(may_call_off(&[r]), Ok(()));
        for to in VoidTo::ALL {
            assert_eq!(VoidTo::of_movement(to.movement()), Some(to));
            assert_eq!(VoidTo::from_code(to.code()), Some(to));
        }
        assert_eq!(VoidTo::of_movement(MovementKind::Implant), None);
    }

    #[test]
    fn r_trace_1_use_is_recorded_once_started_and_after_done_until_closed() {
        use CaseState as C;
        assert_eq!(may_record_use(C::Confirmed, false, false), Err(UseRefused::NotStarted));
        assert_eq!(may_record_use(C::Confirmed, true, false), Ok(()));
        assert_eq!(may_record_use(C::InProgress, false, false), Ok(()), "in the room early");
        assert_eq!(may_record_use(C::Done, true, false), Ok(()), "a nurse records it after the procedure");
        assert_eq!(may_record_use(C::Done, true, true), Err(UseRefused::Closed));
        assert_eq!(may_record_use(C::Cancelled, true, false), Err(UseRefused::CalledOff("cancelled")));
    }
}
