//! One day of the block schedule as the grid, the printed list and its JSON
//! show it: rooms side by side, each case with its patient, procedure,
//! staff, readiness and conflicts (R-BLOCK-1..4).

use super::block_conflicts::{Conflict, ConflictKind};
use super::case::{AnaesthesiaMode, CaseState};
use super::identity::Identity;
use super::readiness::Status;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

/// A room of the block, with its opening hours (ward time, R-BLOCK-1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockRoom {
    pub room_id: i64,
    pub name: String,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

/// One case on the day's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockCase {
    pub case_id: i64,
    #[serde(skip)]
    pub version: i64,
    pub admission_id: i64,
    /// `None`: booked without a room yet.
    pub room_id: Option<i64>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Minutes, without turnover (R-BLOCK-2).
    pub minutes: u32,
    pub patient: Identity,
    pub procedure: String,
    pub side_level: Option<String>,
    pub operator: Option<String>,
    pub anaesthetist: Option<String>,
    #[serde(serialize_with = "mode_code")]
    pub anaesthesia_mode: AnaesthesiaMode,
    #[serde(serialize_with = "state_code")]
    pub state: CaseState,
    /// R-READY-3, computed now.
    #[serde(serialize_with = "status_code")]
    pub readiness: Status,
    /// R-BLOCK-3: the kinds of conflict this case is in (codes in the JSON).
    pub conflicts: Vec<ConflictKind>,
}

fn mode_code<S: serde::Serializer>(m: &AnaesthesiaMode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(m.code())
}

fn state_code<S: serde::Serializer>(c: &CaseState, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.code())
}

fn status_code<S: serde::Serializer>(r: &Status, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(r.code())
}

/// R-BLOCK-3: one conflict, with its words (naming rooms, staff and ward
/// times; never a patient, so the same line serves the screen and the log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictLine {
    #[serde(flatten)]
    pub conflict: Conflict,
    pub text: String,
}

/// One ward day of the block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockDay {
    pub day: NaiveDate,
    pub rooms: Vec<BlockRoom>,
    /// By start, then room.
    pub cases: Vec<BlockCase>,
    pub conflicts: Vec<ConflictLine>,
    /// R-BLOCK-2: `block.turnover_min`.
    pub turnover_min: i64,
    /// R-BLOCK-4: changes to this day's list need an override now.
    pub frozen: bool,
    /// R-BLOCK-5: the day's cases cancelled or postponed, counted by reason.
    pub called_off: Vec<super::block_changes::CallOffCount>,
}

impl BlockDay {
    /// The cases in `room_id`, by start.
    pub fn in_room(&self, room_id: i64) -> impl Iterator<Item = &BlockCase> {
        self.cases.iter().filter(move |c| c.room_id == Some(room_id))
    }

    /// The conflicts `case_id` is in.
    pub fn conflicts_of(&self, case_id: i64) -> impl Iterator<Item = &ConflictLine> {
        self.conflicts.iter().filter(move |c| c.conflict.involves(case_id))
    }
}
