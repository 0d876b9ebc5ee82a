//! Cases: one procedure for one admission, on the block schedule.

use super::error::{Result, instant_text};
use super::table::Table;
use super::write::WriteTx;
use crate::domain::case::{AnaesthesiaMode, CaseState};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    pub admission_id: i64,
    pub procedure_kind_id: i64,
    pub room_id: Option<i64>,
    pub operator_id: Option<i64>,
    pub anaesthetist_id: Option<i64>,
    pub scheduled_start: DateTime<Utc>,
    pub duration_min: u32,
    pub anaesthesia_mode: AnaesthesiaMode,
    pub side_level: Option<String>,
    pub state: CaseState,
}

pub fn create(tx: &mut WriteTx<'_>, case: &NewCase) -> Result<i64> {
    tx.insert(
        Table::Cases,
        &[
            ("admission_id", &case.admission_id),
            ("procedure_kind_id", &case.procedure_kind_id),
            ("room_id", &case.room_id),
            ("operator_id", &case.operator_id),
            ("anaesthetist_id", &case.anaesthetist_id),
            ("scheduled_start", &instant_text(case.scheduled_start)),
            ("duration_min", &case.duration_min),
            ("anaesthesia_mode", &case.anaesthesia_mode.code()),
            ("side_level", &case.side_level),
            ("state", &case.state.code()),
        ],
    )
}
