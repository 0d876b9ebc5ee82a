//! The one conflict check of the block schedule (R-BLOCK-3).
//!
//! [`check`] runs every check in [`CHECKS`] over one [`Schedule`] (the cases
//! of a day, or of any span, with their rooms) in one pass and returns every
//! conflict, each named by its [`ConflictKind`]; none is silent. The store
//! runs it inside the write transaction of every booking and move, so two
//! schedulers saving at once cannot make an overlap neither saw; the grid,
//! the printed list and `periop check` run the same function.
//!
//! Overlap is judged on instants, `[start, start + minutes)`, plus the
//! room's turnover for rooms (R-BLOCK-2), never by slot: a case that crosses
//! midnight or a clock change is judged on its real instants.
//!
//! A kind of conflict is one fact on [`BookedCase`], one [`ConflictKind`]
//! and one function in [`CHECKS`] (the last added: a reserved device not
//! available, R-STOCK-3).

use super::fasting::{self, LastIntake, PatientKind};
use super::settings::{self, Settings};
use super::ward_time;
use chrono::{DateTime, NaiveTime, TimeDelta, Utc};
use serde::Serialize;

/// R-ANES-5: where a case stands at the anaesthesia gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnaesthesiaGate {
    /// Local anaesthesia only: no consultation needed.
    NotNeeded,
    /// The latest consultation cleared the patient.
    Cleared,
    /// No consultation, or the latest one is pending or refused.
    NotCleared,
}

/// A case as the schedule holds it, with the facts the checks read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BookedCase {
    pub case_id: i64,
    pub patient_id: i64,
    pub room_id: Option<i64>,
    pub operator_id: Option<i64>,
    pub anaesthetist_id: Option<i64>,
    /// The block nurse assigned to the case (R-BLOCK-3: checked like operators).
    pub nurse_id: Option<i64>,
    pub start: DateTime<Utc>,
    /// Minutes the case lasts (R-BLOCK-2), without turnover.
    pub minutes: u32,
    pub anaesthesia: AnaesthesiaGate,
    /// R-PATH-4: the stay holds a bed for the night before the procedure
    /// (or the patient is already in one).
    pub bed_for_night: bool,
    /// R-FAST-3: the patient's recorded intakes (not voided), and whether
    /// the patient is an adult or a child on the procedure day.
    pub intakes: Vec<LastIntake>,
    pub patient: PatientKind,
    /// R-STOCK-3: the units of device lots held for the case.
    pub devices: Vec<HeldDevice>,
    /// The patient has gone to the room (the case is in progress or done):
    /// a fast is judged no more (R-FAST-3 judged it at the room's door).
    pub under_way: bool,
}

/// R-STOCK-3: units of one lot reserved for a case, with what the lot is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeldDevice {
    pub lot_id: i64,
    /// Units held for the case.
    pub units: u32,
    /// Units of the lot on the shelf.
    pub quantity: u32,
    pub expiry: Option<chrono::NaiveDate>,
    pub quarantined: bool,
}

impl HeldDevice {
    /// R-STOCK-3: why the held units cannot be used on `day`, if they
    /// cannot: the lot quarantined, expired before the day, or short of
    /// the units held.
    pub fn unavailable_on(&self, day: chrono::NaiveDate) -> Option<std::borrow::Cow<'static, str>> {
        if self.units == 0 {
            None
        } else if self.quarantined {
            Some(tr!("block-device-quarantined"))
        } else if self.expiry.is_some_and(|e| e < day) {
            Some(tr!("block-device-expired"))
        } else if self.quantity < self.units {
            Some(tr!("block-device-short"))
        } else {
            None
        }
    }
}

impl BookedCase {
    /// `[start, end)`: a case ending at 10:00 does not overlap one starting at 10:00.
    pub fn end(&self) -> DateTime<Utc> {
        after(self.start, TimeDelta::minutes(i64::from(self.minutes)))
    }
}

fn after(at: DateTime<Utc>, delta: TimeDelta) -> DateTime<Utc> {
    at.checked_add_signed(delta).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// R-BLOCK-1: a room's opening hours, in the ward's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RoomHours {
    pub room_id: i64,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

/// What the check reads: the cases, their rooms, and the site's settings
/// (turnover R-BLOCK-2, fasting R-FAST-1, the ward's zone).
#[derive(Debug, Clone, Copy)]
pub struct Schedule<'a> {
    pub cases: &'a [BookedCase],
    pub rooms: &'a [RoomHours],
    pub settings: &'a Settings,
}

impl Schedule<'_> {
    /// R-BLOCK-2: `block.turnover_min`, never negative.
    pub fn turnover(&self) -> TimeDelta {
        TimeDelta::minutes(self.settings.integer(settings::TURNOVER_MIN).max(0))
    }
}

/// What a conflict lets the scheduler do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// The change is refused: it cannot happen (one room, one patient, one
    /// operator at a time).
    Refused,
    /// The change needs an override with a reason, recorded in the audit.
    Override,
    /// The change is saved and the conflict stays on the grid and the list
    /// until it is resolved (readiness the ward still has time to fix).
    Shown,
}

/// The kinds of conflict R-BLOCK-3 names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    RoomOverlap,
    OutsideRoomHours,
    OperatorOverlap,
    AnaesthetistOverlap,
    NurseOverlap,
    SamePatientTwice,
    NoBedForNight,
    FastingCannotBeMet,
    AnaesthesiaNotCleared,
    DeviceNotAvailable,
}

impl ConflictKind {
    pub const ALL: [ConflictKind; 10] = [
        ConflictKind::RoomOverlap,
        ConflictKind::OutsideRoomHours,
        ConflictKind::OperatorOverlap,
        ConflictKind::AnaesthetistOverlap,
        ConflictKind::NurseOverlap,
        ConflictKind::SamePatientTwice,
        ConflictKind::NoBedForNight,
        ConflictKind::FastingCannotBeMet,
        ConflictKind::AnaesthesiaNotCleared,
        ConflictKind::DeviceNotAvailable,
    ];

    /// The stable code the JSON and CSV carry (documented in the README).
    pub fn code(self) -> &'static str {
        match self {
            ConflictKind::RoomOverlap => "room_overlap",
            ConflictKind::OutsideRoomHours => "outside_room_hours",
            ConflictKind::OperatorOverlap => "operator_overlap",
            ConflictKind::AnaesthetistOverlap => "anaesthetist_overlap",
            ConflictKind::NurseOverlap => "nurse_overlap",
            ConflictKind::SamePatientTwice => "same_patient_twice",
            ConflictKind::NoBedForNight => "no_bed_for_night",
            ConflictKind::FastingCannotBeMet => "fasting_cannot_be_met",
            ConflictKind::AnaesthesiaNotCleared => "anaesthesia_not_cleared",
            ConflictKind::DeviceNotAvailable => "device_not_available",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Words a scheduler reads, in the language in force.
    pub fn words(self) -> std::borrow::Cow<'static, str> {
        match self {
            ConflictKind::RoomOverlap => tr!("block-conflict-room-overlap"),
            ConflictKind::OutsideRoomHours => tr!("block-conflict-outside-room-hours"),
            ConflictKind::OperatorOverlap => tr!("block-conflict-operator-overlap"),
            ConflictKind::AnaesthetistOverlap => tr!("block-conflict-anaesthetist-overlap"),
            ConflictKind::NurseOverlap => tr!("block-conflict-nurse-overlap"),
            ConflictKind::SamePatientTwice => tr!("block-conflict-same-patient-twice"),
            ConflictKind::NoBedForNight => tr!("block-conflict-no-bed-for-night"),
            ConflictKind::FastingCannotBeMet => tr!("block-conflict-fasting-cannot-be-met"),
            ConflictKind::AnaesthesiaNotCleared => tr!("block-conflict-anaesthesia-not-cleared"),
            ConflictKind::DeviceNotAvailable => tr!("block-conflict-device-not-available"),
        }
    }

    /// R-BLOCK-3: what a conflict of this kind lets the scheduler do. A room,
    /// a patient, an operator and a block nurse are in one place at a time; an anaesthetist
    /// may cover two rooms under sedation, and a room may run late, each by a
    /// recorded override; a missing bed, a fast or the anaesthesia gate are
    /// the ward's to resolve before the day and stay shown until then.
    pub fn policy(self) -> Policy {
        match self {
            ConflictKind::RoomOverlap
            | ConflictKind::SamePatientTwice
            | ConflictKind::OperatorOverlap
            | ConflictKind::NurseOverlap => Policy::Refused,
            ConflictKind::AnaesthetistOverlap | ConflictKind::OutsideRoomHours => Policy::Override,
            ConflictKind::NoBedForNight
            | ConflictKind::FastingCannotBeMet
            | ConflictKind::AnaesthesiaNotCleared
            | ConflictKind::DeviceNotAvailable => Policy::Shown,
        }
    }
}

/// One conflict: its kind, the case it is about and, for an overlap, the
/// case it overlaps (the earlier one first, by start then id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub case_id: i64,
    pub other_case_id: Option<i64>,
    /// The room, operator, anaesthetist, nurse or patient shared by an overlap, or
    /// the room of a case outside its hours.
    pub shared_id: Option<i64>,
}

impl Conflict {
    /// Whether `case_id` is one of the cases this conflict is about.
    pub fn involves(&self, case_id: i64) -> bool {
        self.case_id == case_id || self.other_case_id == Some(case_id)
    }
}

/// One check of R-BLOCK-3: every conflict of its kind in the schedule.
pub type CheckFn = fn(&Schedule<'_>) -> Vec<Conflict>;

/// R-BLOCK-3: the checks, in the order the conflicts are listed.
pub const CHECKS: &[CheckFn] = &[
    room_overlaps,
    outside_room_hours,
    operator_overlaps,
    anaesthetist_overlaps,
    nurse_overlaps,
    same_patient_twice,
    no_bed_for_night,
    fasting_cannot_be_met,
    anaesthesia_not_cleared,
    device_not_available,
];

/// R-BLOCK-3: every conflict in `schedule`, by kind then by case. Never panics.
pub fn check(schedule: &Schedule<'_>) -> Vec<Conflict> {
    CHECKS.iter().flat_map(|f| f(schedule)).collect()
}

/// R-BLOCK-3: the conflicts a change to `case_id` must answer for: those
/// that involve it.
pub fn involving(conflicts: &[Conflict], case_id: i64) -> Vec<Conflict> {
    conflicts.iter().copied().filter(|c| c.involves(case_id)).collect()
}

/// Every pair of cases sharing `key` whose `[start, end + pad)` intersect.
/// Sorted by key then start; a sweep over the sorted cases.
fn overlaps(
    cases: &[BookedCase],
    kind: ConflictKind,
    key: fn(&BookedCase) -> Option<i64>,
    pad: TimeDelta,
) -> Vec<Conflict> {
    let mut keyed: Vec<(i64, &BookedCase)> = cases.iter().filter_map(|c| key(c).map(|k| (k, c))).collect();
    keyed.sort_by_key(|(k, c)| (*k, c.start, c.case_id));
    let mut out = Vec::new();
    for (i, (k, first)) in keyed.iter().enumerate() {
        let busy_until = after(first.end(), pad);
        for (_, second) in keyed[i + 1..].iter().take_while(|(k2, _)| k2 == k) {
            if second.start >= busy_until {
                break;
            }
            out.push(Conflict {
                kind,
                case_id: first.case_id,
                other_case_id: Some(second.case_id),
                shared_id: Some(*k),
            });
        }
    }
    out
}

/// R-BLOCK-3 with R-BLOCK-2: two cases in one room whose time plus the
/// room's turnover intersect (a case ending at 10:00 with 20 min turnover
/// keeps the room until 10:20).
pub fn room_overlaps(s: &Schedule<'_>) -> Vec<Conflict> {
    overlaps(s.cases, ConflictKind::RoomOverlap, |c| c.room_id, s.turnover())
}

/// R-BLOCK-3: one operator in two cases at once. Turnover is the room's,
/// not the operator's, so it is not added.
pub fn operator_overlaps(s: &Schedule<'_>) -> Vec<Conflict> {
    overlaps(s.cases, ConflictKind::OperatorOverlap, |c| c.operator_id, TimeDelta::zero())
}

/// R-BLOCK-3: one anaesthetist in two cases at once, checked like operators.
pub fn anaesthetist_overlaps(s: &Schedule<'_>) -> Vec<Conflict> {
    overlaps(s.cases, ConflictKind::AnaesthetistOverlap, |c| c.anaesthetist_id, TimeDelta::zero())
}

/// R-BLOCK-3: one block nurse in two cases at once, checked like
/// operators (peers keep the nurse as free text and never check it).
pub fn nurse_overlaps(s: &Schedule<'_>) -> Vec<Conflict> {
    overlaps(s.cases, ConflictKind::NurseOverlap, |c| c.nurse_id, TimeDelta::zero())
}

/// R-BLOCK-3: one patient in two cases at once.
pub fn same_patient_twice(s: &Schedule<'_>) -> Vec<Conflict> {
    overlaps(s.cases, ConflictKind::SamePatientTwice, |c| Some(c.patient_id), TimeDelta::zero())
}

/// R-BLOCK-1: a case starting before its room opens or ending after it
/// closes, on the ward day it starts (a case crossing midnight ends after
/// closing). A room with no hours known is not judged.
pub fn outside_room_hours(s: &Schedule<'_>) -> Vec<Conflict> {
    let zone = s.settings.zone();
    s.cases
        .iter()
        .filter_map(|c| {
            let room = s.rooms.iter().find(|r| Some(r.room_id) == c.room_id)?;
            let day = ward_time::local_day(c.start, zone);
            let (opens, closes) =
                (ward_time::at_local(day, room.opens, zone), ward_time::at_local(day, room.closes, zone));
            (c.start < opens || c.end() > closes).then_some(Conflict {
                kind: ConflictKind::OutsideRoomHours,
                case_id: c.case_id,
                other_case_id: None,
                shared_id: Some(room.room_id),
            })
        })
        .collect()
}

fn each(s: &Schedule<'_>, kind: ConflictKind, found: impl Fn(&BookedCase) -> bool) -> Vec<Conflict> {
    s.cases
        .iter()
        .filter(|c| found(c))
        .map(|c| Conflict { kind, case_id: c.case_id, other_case_id: None, shared_id: None })
        .collect()
}

/// R-BLOCK-3 with R-PATH-4: the stay holds no bed for the J-1 night.
pub fn no_bed_for_night(s: &Schedule<'_>) -> Vec<Conflict> {
    each(s, ConflictKind::NoBedForNight, |c| !c.bed_for_night)
}

/// R-BLOCK-3 with R-FAST-3: an intake already recorded inside the window of
/// the (new) start, so the patient cannot be fasted in time. Not raised once
/// the patient has gone to the room or the case is done (issue 9): the
/// fast is over then, and the alert would stay on a finished case.
pub fn fasting_cannot_be_met(s: &Schedule<'_>) -> Vec<Conflict> {
    each(s, ConflictKind::FastingCannotBeMet, |c| {
        !c.under_way && !fasting::not_fasted(&c.intakes, c.start, c.patient, s.settings).is_empty()
    })
}

/// R-BLOCK-3 with R-ANES-5: a case under anaesthesia whose patient is not cleared.
pub fn anaesthesia_not_cleared(s: &Schedule<'_>) -> Vec<Conflict> {
    each(s, ConflictKind::AnaesthesiaNotCleared, |c| c.anaesthesia == AnaesthesiaGate::NotCleared)
}

/// R-BLOCK-3 with R-STOCK-3: a device reserved for the case whose lot cannot
/// be used on its day (quarantined, expired before it, or short), shown until
/// put right (another lot reserved, the case moved).
pub fn device_not_available(s: &Schedule<'_>) -> Vec<Conflict> {
    let zone = s.settings.zone();
    each(s, ConflictKind::DeviceNotAvailable, |c| {
        let day = ward_time::local_day(c.start, zone);
        c.devices.iter().any(|d| d.unavailable_on(day).is_some())
    })
}

#[cfg(test)]
mod tests;
