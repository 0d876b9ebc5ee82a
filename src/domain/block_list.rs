//! One day of the block schedule as the grid, the printed list and its JSON
//! show it: rooms side by side, each case with its patient, procedure,
//! staff, readiness and conflicts (R-BLOCK-1..4).

use super::block_conflicts::{Conflict, ConflictKind};
use super::block_timeline::TimelineEvent;
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
    /// R-BLOCK-3: the block nurse, if assigned.
    pub nurse: Option<String>,
    #[serde(serialize_with = "mode_code")]
    pub anaesthesia_mode: AnaesthesiaMode,
    #[serde(serialize_with = "state_code")]
    pub state: CaseState,
    /// R-READY-3, computed now.
    #[serde(serialize_with = "status_code")]
    pub readiness: Status,
    /// R-BLOCK-3: the kinds of conflict this case is in (codes in the JSON).
    pub conflicts: Vec<ConflictKind>,
    /// R-BLOCK-6: the J0 timeline's events recorded (not voided), in order.
    pub timeline: Vec<TimelineEvent>,
}

impl BlockCase {
    /// R-BLOCK-6: where the patient is now (the latest event), if any.
    pub fn where_now(&self) -> Option<&TimelineEvent> {
        super::block_timeline::where_now(&self.timeline)
    }
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
    /// R-BLOCK-5: the day's cases called off, counted by reason.
    pub called_off: Vec<super::block_changes::CallOffCount>,
    /// R-BLOCK-5: the postponed cases waiting to be booked again (any day,
    /// longest waiting first).
    pub postponed: Vec<PostponedCase>,
}

/// R-BLOCK-5: a postponed case on the waiting list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostponedCase {
    pub case_id: i64,
    #[serde(skip)]
    pub version: i64,
    pub patient: Identity,
    pub procedure: String,
    /// The start it had when it was postponed.
    pub was_start: DateTime<Utc>,
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

/// R-BLOCK-6: one room's use of its opening hours on a day, planned and,
/// where the J0 timeline is recorded, real.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomUse {
    pub room_id: i64,
    /// Minutes the room is open (closing − opening, ward time).
    pub open_min: i64,
    /// Minutes of cases inside the opening hours, as planned (turnover not counted).
    pub booked_min: i64,
    /// Minutes occupied inside the opening hours: in room → out of room
    /// where both are recorded, the planned minutes otherwise.
    pub occupied_min: i64,
    /// Cases whose occupation is from recorded times.
    pub recorded_cases: u32,
    /// The first patient in the room against the room's first scheduled
    /// start, in minutes (negative: early); `None` until that is recorded.
    pub start_delay_min: Option<i64>,
    /// Each turnover recorded: out of room → the next case in room, in minutes.
    pub turnovers_min: Vec<i64>,
}

impl RoomUse {
    /// R-BLOCK-6: utilisation = occupied time ÷ opened time (0 for a room
    /// that does not open): real times where recorded, planned otherwise.
    pub fn ratio(&self) -> f64 {
        if self.open_min <= 0 { 0.0 } else { self.occupied_min as f64 / self.open_min as f64 }
    }

    /// The planned use: booked minutes ÷ opened minutes.
    pub fn planned_ratio(&self) -> f64 {
        if self.open_min <= 0 { 0.0 } else { self.booked_min as f64 / self.open_min as f64 }
    }

    /// The mean turnover recorded, in whole minutes.
    pub fn turnover_avg_min(&self) -> Option<i64> {
        let n = i64::try_from(self.turnovers_min.len()).ok().filter(|n| *n > 0)?;
        Some(self.turnovers_min.iter().sum::<i64>() / n)
    }
}

/// R-BLOCK-6: each room's use of the day: the minutes of its cases that fall
/// inside its hours (real from the J0 timeline where in room and out of room
/// are recorded, planned otherwise) against the minutes it is open; the
/// start delay (the first patient in the room against the first scheduled
/// start) and the turnovers (out of room → the next in room).
pub fn utilisation(day: &BlockDay, zone: chrono_tz::Tz) -> Vec<RoomUse> {
    use super::block_timeline::{occupied, out_of_room_at, went_to_room_at};
    day.rooms
        .iter()
        .map(|r| {
            let opens = super::ward_time::at_local(day.day, r.opens, zone);
            let closes = super::ward_time::at_local(day.day, r.closes, zone);
            let inside =
                |from: DateTime<Utc>, to: DateTime<Utc>| (to.min(closes) - from.max(opens)).num_minutes().max(0);
            let cases: Vec<&BlockCase> = day.in_room(r.room_id).collect();
            let booked_min = cases.iter().map(|c| inside(c.start, c.end)).sum();
            let mut occupied_min = 0;
            let mut recorded_cases = 0;
            for c in &cases {
                match occupied(&c.timeline) {
                    Some((from, to)) => {
                        occupied_min += inside(from, to);
                        recorded_cases += 1;
                    }
                    None => occupied_min += inside(c.start, c.end),
                }
            }
            let first_scheduled = cases.iter().map(|c| c.start).min();
            let first_in = cases.iter().filter_map(|c| went_to_room_at(&c.timeline)).min();
            let start_delay_min = match (first_scheduled, first_in) {
                (Some(s), Some(i)) => Some((i - s).num_minutes()),
                _ => None,
            };
            // By the time each patient went in: each one out, the next one in.
            let mut ins: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> = cases
                .iter()
                .filter_map(|c| Some((went_to_room_at(&c.timeline)?, out_of_room_at(&c.timeline))))
                .collect();
            ins.sort();
            let turnovers_min =
                ins.windows(2).filter_map(|w| Some((w[1].0 - w[0].1?).num_minutes()).filter(|m| *m >= 0)).collect();
            RoomUse {
                room_id: r.room_id,
                open_min: (closes - opens).num_minutes().max(0),
                booked_min,
                occupied_min,
                recorded_cases,
                start_delay_min,
                turnovers_min,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::identity::Identity;
    use chrono::TimeZone;

    fn case(id: i64, room: i64, h: u32, m: u32, minutes: u32) -> BlockCase {
        let start = chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap().with_timezone(&Utc);
        BlockCase {
            case_id: id,
            version: 1,
            admission_id: id,
            room_id: Some(room),
            start,
            end: start + chrono::TimeDelta::minutes(i64::from(minutes)),
            minutes,
            patient: Identity {
                patient_id: id,
                surname: "X".into(),
                first_name: "Y".into(),
                birth_date: NaiveDate::from_ymd_opt(1960, 1, 1).unwrap(),
            },
            procedure: "Vertebroplasty".into(),
            side_level: None,
            operator: None,
            anaesthetist: None,
            nurse: None,
            anaesthesia_mode: AnaesthesiaMode::LocalOnly,
            state: CaseState::Planned,
            readiness: Status::Ready,
            conflicts: Vec::new(),
            timeline: Vec::new(),
        }
    }

    /// R-BLOCK-6: utilisation = occupied time ÷ opened time; a case running
    /// past closing counts only up to closing.
    #[test]
    fn r_block_6_utilisation_is_occupied_time_over_opened_time() {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        let day = BlockDay {
            day: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            rooms: vec![
                BlockRoom { room_id: 1, name: "Room 1".into(), opens: t(8), closes: t(18) },
                BlockRoom { room_id: 2, name: "Room 2".into(), opens: t(8), closes: t(12) },
            ],
            cases: vec![case(1, 1, 8, 0, 90), case(2, 1, 10, 30, 120), case(3, 2, 11, 0, 120)],
            conflicts: Vec::new(),
            turnover_min: 20,
            frozen: false,
            called_off: Vec::new(),
            postponed: Vec::new(),
        };
        let uses = utilisation(&day, chrono_tz::Europe::Paris);
        assert_eq!((uses[0].booked_min, uses[0].open_min), (210, 600));
        assert!((uses[0].ratio() - 0.35).abs() < 1e-9);
        assert_eq!((uses[1].booked_min, uses[1].open_min), (60, 240), "counted up to closing");
        assert_eq!(uses[0].occupied_min, 210, "nothing recorded: the plan");
        assert_eq!((uses[0].start_delay_min, uses[0].turnover_avg_min()), (None, None));
    }

    /// R-BLOCK-6: with the J0 timeline recorded, the occupied time is in
    /// room → out of room; the start delay is the first in room against the
    /// first scheduled start; the turnover is out of room → next in room.
    #[test]
    fn r_block_6_real_times_give_occupation_start_delay_and_turnover() {
        use crate::domain::block_timeline::{EventKind, TimelineEvent};
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        let paris = |h: u32, m: u32| {
            chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap().with_timezone(&Utc)
        };
        let ev = |id, kind, h, m| TimelineEvent { event_id: id, version: 1, kind, at: paris(h, m) };
        let mut first = case(1, 1, 8, 0, 90);
        first.timeline = vec![ev(1, EventKind::InRoom, 8, 15), ev(2, EventKind::OutOfRoom, 9, 55)];
        let mut second = case(2, 1, 10, 0, 60);
        second.timeline = vec![ev(3, EventKind::InRoom, 10, 20)];
        let day = BlockDay {
            day: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            rooms: vec![BlockRoom { room_id: 1, name: "Room 1".into(), opens: t(8), closes: t(18) }],
            cases: vec![first, second],
            conflicts: Vec::new(),
            turnover_min: 20,
            frozen: false,
            called_off: Vec::new(),
            postponed: Vec::new(),
        };
        let u = &utilisation(&day, chrono_tz::Europe::Paris)[0];
        assert_eq!(u.booked_min, 150);
        assert_eq!(u.occupied_min, 100 + 60, "08:15–09:55 recorded, the second still planned");
        assert_eq!(u.recorded_cases, 1);
        assert!((u.ratio() - 160.0 / 600.0).abs() < 1e-9);
        assert_eq!(u.start_delay_min, Some(15));
        assert_eq!(u.turnovers_min, vec![25]);
        assert_eq!(u.turnover_avg_min(), Some(25));
    }
}
