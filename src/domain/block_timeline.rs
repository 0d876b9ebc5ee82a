//! The J0 timeline of a case (R-BLOCK-6): arrived, in room, anaesthesia
//! start, procedure start, procedure end, out of room, recovery, back on
//! ward, each with the time it happened.
//!
//! The events have an order ([`EventKind::ALL`]); one may be skipped (no
//! anaesthesia start under local anaesthesia) or recorded late (the
//! anaesthesia start entered after the procedure start), but their times
//! must follow that order and none may be in the future ([`check_order`]),
//! and each happens around the case's own day ([`window`]: from the start
//! of its ward day to noon the next day, so a case that runs past midnight
//! is covered and a case of another day cannot be put "in room" today).
//! Where the patient is now is the latest event in that order
//! ([`where_now`]); the real times feed the prolonged-fast rule (R-FAST-4,
//! [`went_to_room_at`]) and the day's statistics (`block_list::utilisation`).
//! No I/O; time comes in as an argument; never panics.

use super::case::CaseState;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// R-BLOCK-6: one step of the patient's way through the block, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Arrived,
    InRoom,
    AnaesthesiaStart,
    ProcedureStart,
    ProcedureEnd,
    OutOfRoom,
    Recovery,
    BackOnWard,
}

impl EventKind {
    /// In the order they happen.
    pub const ALL: [EventKind; 8] = [
        EventKind::Arrived,
        EventKind::InRoom,
        EventKind::AnaesthesiaStart,
        EventKind::ProcedureStart,
        EventKind::ProcedureEnd,
        EventKind::OutOfRoom,
        EventKind::Recovery,
        EventKind::BackOnWard,
    ];

    /// The stored code (and the JSON's, and `periop block event --kind`'s
    /// with `-` for `_`).
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Arrived => "arrived",
            EventKind::InRoom => "in_room",
            EventKind::AnaesthesiaStart => "anaesthesia_start",
            EventKind::ProcedureStart => "procedure_start",
            EventKind::ProcedureEnd => "procedure_end",
            EventKind::OutOfRoom => "out_of_room",
            EventKind::Recovery => "recovery",
            EventKind::BackOnWard => "back_on_ward",
        }
    }

    /// Reads a stored code, or one typed with `-` (`in-room`).
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim().replace('-', "_");
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Words for a sentence: `anaesthesia start`, in the language in force.
    pub fn words(self) -> Cow<'static, str> {
        match self {
            EventKind::Arrived => tr!("block-event-arrived"),
            EventKind::InRoom => tr!("block-event-in-room"),
            EventKind::AnaesthesiaStart => tr!("block-event-anaesthesia-start"),
            EventKind::ProcedureStart => tr!("block-event-procedure-start"),
            EventKind::ProcedureEnd => tr!("block-event-procedure-end"),
            EventKind::OutOfRoom => tr!("block-event-out-of-room"),
            EventKind::Recovery => tr!("block-event-recovery"),
            EventKind::BackOnWard => tr!("block-event-back-on-ward"),
        }
    }

    /// Where the patient is once this is the latest event, with a glyph
    /// (status is never colour alone); at most [`WHERE_NOW_CELLS`] cells in
    /// either language, so the Board's column shows it whole.
    pub fn where_now(self) -> Cow<'static, str> {
        match self {
            EventKind::Arrived => tr!("block-where-arrived"),
            EventKind::InRoom => tr!("block-where-in-room"),
            EventKind::AnaesthesiaStart => tr!("block-where-anaesthesia-start"),
            EventKind::ProcedureStart => tr!("block-where-procedure-start"),
            EventKind::ProcedureEnd => tr!("block-where-procedure-end"),
            EventKind::OutOfRoom => tr!("block-where-out-of-room"),
            EventKind::Recovery => tr!("block-where-recovery"),
            EventKind::BackOnWard => tr!("block-where-back-on-ward"),
        }
    }

    /// Whether the patient has gone to the room by this event.
    pub fn in_or_past_room(self) -> bool {
        self >= EventKind::InRoom
    }

    fn position(self) -> usize {
        self as usize
    }
}

/// The widest [`EventKind::where_now`], in terminal cells.
pub const WHERE_NOW_CELLS: usize = 14;

/// One recorded event (not voided).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    /// The stored row, to correct it.
    pub event_id: i64,
    #[serde(skip)]
    pub version: i64,
    pub kind: EventKind,
    pub at: DateTime<Utc>,
}

/// Why an event cannot be recorded at that time (R-BLOCK-6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderError {
    /// The time is after now: what is recorded here has happened.
    InFuture { kind: EventKind },
    /// The event is already recorded (correct its time instead).
    AlreadyRecorded { kind: EventKind, at: DateTime<Utc> },
    /// Earlier than an event that comes before it.
    BeforePrevious { kind: EventKind, previous: EventKind, previous_at: DateTime<Utc> },
    /// Later than an event that comes after it.
    AfterNext { kind: EventKind, next: EventKind, next_at: DateTime<Utc> },
    /// Every event is recorded: nothing comes next.
    Complete,
    /// The time is not around the case's day ([`window`]): an event of a
    /// case booked on `day` happens on that day (or, for a case running
    /// past midnight, before noon the next day).
    OutsideDay { kind: EventKind, day: NaiveDate },
}

impl fmt::Display for OrderError {
    /// Times in UTC here; the store says them again in ward time.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrderError::InFuture { kind } => f.write_str(&tr!("block-order-in-future", event = kind.words())),
            OrderError::AlreadyRecorded { kind, .. } => {
                f.write_str(&tr!("block-order-already-recorded", event = kind.words()))
            }
            OrderError::BeforePrevious { kind, previous, .. } => {
                f.write_str(&tr!("block-order-before-previous", event = kind.words(), previous = previous.words()))
            }
            OrderError::AfterNext { kind, next, .. } => {
                f.write_str(&tr!("block-order-after-next", event = kind.words(), next = next.words()))
            }
            OrderError::Complete => f.write_str(&tr!("block-order-complete")),
            OrderError::OutsideDay { kind, day } => f.write_str(&tr!(
                "block-order-outside-day",
                event = kind.words(),
                day = super::day_label::day_text(*day)
            )),
        }
    }
}

/// R-BLOCK-6: whether `kind` may be recorded at `at` among `events` (the
/// case's events not voided), `replacing` the event with that id (a
/// correction) if given: not in the future, each kind once, and no earlier
/// than any event that comes before it nor later than any that comes after.
pub fn check_order(
    events: &[TimelineEvent],
    kind: EventKind,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    replacing: Option<i64>,
) -> Result<(), OrderError> {
    if at > now {
        return Err(OrderError::InFuture { kind });
    }
    let others = events.iter().filter(|e| Some(e.event_id) != replacing);
    for e in others {
        if e.kind == kind {
            return Err(OrderError::AlreadyRecorded { kind, at: e.at });
        }
        if e.kind < kind && e.at > at {
            return Err(OrderError::BeforePrevious { kind, previous: e.kind, previous_at: e.at });
        }
        if e.kind > kind && e.at < at {
            return Err(OrderError::AfterNext { kind, next: e.kind, next_at: e.at });
        }
    }
    Ok(())
}

/// R-BLOCK-6: on the next ward day, the timeline of a case may run until
/// this hour (ward time): a case starting late in the evening ends, leaves
/// the room and reaches recovery after midnight.
pub const WINDOW_ENDS_NEXT_DAY_AT: NaiveTime = match NaiveTime::from_hms_opt(12, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// R-BLOCK-6: `[from, to)`, the instants the events of a case booked on the
/// ward day `day` may have: from the day's 00:00 to
/// [`WINDOW_ENDS_NEXT_DAY_AT`] the next day, in the ward's zone (DST-safe:
/// the day may be 23 or 25 hours long). Arrival in the block is on J0, not
/// the evening before (that is the ward's admission, R-PATH-2).
pub fn window(day: NaiveDate, zone: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
    let (from, _) = super::ward_time::day_bounds(day, zone);
    let next = day.succ_opt().unwrap_or(day);
    (from, super::ward_time::at_local(next, WINDOW_ENDS_NEXT_DAY_AT, zone))
}

/// R-BLOCK-6: [`check_order`], and the time inside the [`window`] of the
/// case's ward day `day`. Every write path (the key, the correction form,
/// `periop block event`) goes through this one check in the store.
pub fn check_event(
    events: &[TimelineEvent],
    kind: EventKind,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    replacing: Option<i64>,
    day: NaiveDate,
    zone: Tz,
) -> Result<(), OrderError> {
    let (from, to) = window(day, zone);
    if at < from || at >= to {
        return Err(OrderError::OutsideDay { kind, day });
    }
    check_order(events, kind, at, now, replacing)
}

/// R-BLOCK-6: whether an event may be recorded now for a case booked on
/// `day` (the key greys out otherwise, and says why).
pub fn open_now(day: NaiveDate, now: DateTime<Utc>, zone: Tz) -> bool {
    let (from, to) = window(day, zone);
    from <= now && now < to
}

/// R-BLOCK-6: the event one key records: the one after the latest recorded
/// (skipped events stay skipped; correct a time with the correction form).
pub fn next_kind(events: &[TimelineEvent]) -> Result<EventKind, OrderError> {
    match where_now(events) {
        None => Ok(EventKind::Arrived),
        Some(last) => EventKind::ALL.get(last.kind.position() + 1).copied().ok_or(OrderError::Complete),
    }
}

/// R-BLOCK-6: where the patient is now: the latest event in the timeline's
/// order (`None`: nothing recorded yet).
pub fn where_now(events: &[TimelineEvent]) -> Option<&TimelineEvent> {
    events.iter().max_by_key(|e| (e.kind, e.at))
}

/// R-FAST-4, R-BLOCK-6: when the patient went to the room: `in room`, or,
/// if that was not recorded, the first later event of the room (the fast is
/// over by then).
pub fn went_to_room_at(events: &[TimelineEvent]) -> Option<DateTime<Utc>> {
    events.iter().filter(|e| e.kind.in_or_past_room() && e.kind <= EventKind::OutOfRoom).map(|e| e.at).min()
}

/// When the patient left the room, if recorded.
pub fn out_of_room_at(events: &[TimelineEvent]) -> Option<DateTime<Utc>> {
    events.iter().find(|e| e.kind == EventKind::OutOfRoom).map(|e| e.at)
}

/// R-BLOCK-6: the room's real occupation by this case, `[in room, out of
/// room)`, when both are recorded.
pub fn occupied(events: &[TimelineEvent]) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    Some((went_to_room_at(events)?, out_of_room_at(events)?))
}

/// R-BLOCK-6: hours an occupation without "out of room" is taken to hold
/// its room: a forgotten "out of room" of an earlier day must not lock the
/// room for ever (`periop check` names it), while a patient still in the
/// room holds it for the rest of any list.
pub const OPEN_OCCUPATION_MAX_H: i64 = 24;

/// R-BLOCK-6: one case's real presence in its room, from "in room" (or its
/// first room event) to "out of room" (`None`: not recorded yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Occupation {
    pub case_id: i64,
    pub from: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
}

impl Occupation {
    /// The case's occupation as its events say, if it went to the room.
    pub fn of(case_id: i64, events: &[TimelineEvent]) -> Option<Occupation> {
        Some(Occupation { case_id, from: went_to_room_at(events)?, until: out_of_room_at(events) })
    }

    /// The end used to compare: out of room, or at most
    /// [`OPEN_OCCUPATION_MAX_H`] after going in.
    fn end(&self) -> DateTime<Utc> {
        let cap = self.from.checked_add_signed(TimeDelta::hours(OPEN_OCCUPATION_MAX_H)).unwrap_or(self.from);
        self.until.map_or(cap, |u| u.min(cap))
    }

    /// Whether the case is in the room at `at`.
    pub fn holds_at(&self, at: DateTime<Utc>) -> bool {
        self.from <= at && at < self.end()
    }

    /// Whether the two overlap (half-open: one out at 10:30, the next in at
    /// 10:30 is fine; an empty occupation overlaps nothing).
    pub fn overlaps(&self, other: &Occupation) -> bool {
        self.from < self.end() && other.from < other.end() && self.from < other.end() && other.from < self.end()
    }
}

/// Whether recording `kind` says the patient is in the room (in room,
/// anaesthesia start, procedure start or end).
pub fn implies_presence(kind: EventKind) -> bool {
    (EventKind::InRoom..=EventKind::ProcedureEnd).contains(&kind)
}

/// R-BLOCK-6: one patient in a room at a time. Recording `kind` (one that
/// says the patient is in the room) for case `case_id` at `at` clashes with
/// another case of the same room (`others`) that holds it then: gone in at
/// or before `at`, and not out by `at` (out of room not recorded, or later).
/// The earliest such one; `None` when the room is free then. Overlaps a
/// late entry makes in the past are for `periop check` ([`room_overlaps`]).
pub fn room_clash(case_id: i64, kind: EventKind, at: DateTime<Utc>, others: &[Occupation]) -> Option<Occupation> {
    if !implies_presence(kind) {
        return None;
    }
    others.iter().filter(|o| o.case_id != case_id && o.holds_at(at)).min_by_key(|o| o.from).copied()
}

/// R-BLOCK-6: every pair of `occupations` (one room's) that overlap, each
/// pair once, earlier first.
pub fn room_overlaps(occupations: &[Occupation]) -> Vec<(Occupation, Occupation)> {
    let mut sorted = occupations.to_vec();
    sorted.sort_by_key(|o| (o.from, o.case_id));
    let mut out = Vec::new();
    for (i, a) in sorted.iter().enumerate() {
        out.extend(sorted[i + 1..].iter().filter(|b| a.overlaps(b)).map(|b| (*a, *b)));
    }
    out
}

/// R-TRACE-1 with R-BLOCK-6: whether a case's procedure can be taken as
/// started at `now` (devices used in it may be recorded): once the patient
/// is recorded in the room; for a case whose timeline is not kept (nothing
/// recorded), once its scheduled start has passed.
pub fn procedure_started(events: &[TimelineEvent], scheduled: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    if events.is_empty() { scheduled <= now } else { went_to_room_at(events).is_some() }
}

/// A case ahead of another in the same room on the same ward day, as far as
/// the expected start of the later one reads it (R-FAST-4, R-BLOCK-6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomTurn {
    pub scheduled_start: DateTime<Utc>,
    /// Its planned length in minutes (R-BLOCK-2).
    pub minutes: i64,
    /// From its timeline ([`went_to_room_at`], [`out_of_room_at`]).
    pub in_room_at: Option<DateTime<Utc>>,
    pub out_of_room_at: Option<DateTime<Utc>>,
    /// Marked done without "out of room" recorded: it no longer holds the room.
    pub finished: bool,
}

impl RoomTurn {
    /// Still in the room past its planned length at `now`: its end cannot
    /// be counted on (R-FAST-4 then asks the room).
    pub fn overrunning(&self, now: DateTime<Utc>) -> bool {
        self.out_of_room_at.is_none()
            && self.in_room_at.is_some_and(|went| went + TimeDelta::minutes(self.minutes) < now)
    }
}

/// R-FAST-4 with R-BLOCK-6: when a case can be expected to start, given the
/// cases ahead of it in its room that day (`ahead`, any order) and what
/// their timelines say. Each one ahead went in when recorded, or, not yet
/// gone, goes at the latest of its own time, the room being free and `now`;
/// it holds the room until it came out, or for its planned length and at
/// least until `now`; then the room takes `turnover` (R-BLOCK-2). The
/// result is never before `scheduled` nor before `now`: a list that slipped
/// moves the start the fast is counted to.
pub fn expected_start(
    scheduled: DateTime<Utc>,
    ahead: &[RoomTurn],
    now: DateTime<Utc>,
    turnover: TimeDelta,
) -> DateTime<Utc> {
    let mut ahead: Vec<&RoomTurn> = ahead.iter().collect();
    ahead.sort_by_key(|t| (t.in_room_at.unwrap_or(t.scheduled_start), t.scheduled_start));
    let mut free = scheduled.min(now);
    for turn in ahead {
        let out = match (turn.in_room_at, turn.out_of_room_at) {
            (_, Some(out)) => out,
            // Done by the stay's step, no timeline kept: not in the room.
            (None, None) if turn.finished => continue,
            // Procedure over, the patient still in the room (found in use,
            // #7: the next one lost the turnover): leaving now at the earliest.
            (Some(went), None) if turn.finished => went.max(now),
            (went, None) => {
                let went = went.unwrap_or_else(|| turn.scheduled_start.max(free).max(now));
                went.checked_add_signed(TimeDelta::minutes(turn.minutes)).unwrap_or(went).max(now)
            }
        };
        free = free.max(out.checked_add_signed(turnover).unwrap_or(out));
    }
    scheduled.max(free).max(now)
}

/// R-BLOCK-6 with R-PATH-2: the case's state as its timeline drives it: a
/// planned or confirmed case whose patient has gone to the room is under
/// way (`in_progress`); an `in_progress` case whose room events were all
/// voided goes back to the state it had (`before`, read from its history;
/// confirmed when unknown). Done, cancelled and postponed are the stay's
/// steps to set. `None`: no change.
pub fn state_after(state: CaseState, events: &[TimelineEvent], before: Option<CaseState>) -> Option<CaseState> {
    let in_room = events.iter().any(|e| e.kind.in_or_past_room());
    match (state, in_room) {
        (CaseState::Planned | CaseState::Confirmed, true) => Some(CaseState::InProgress),
        (CaseState::InProgress, false) => Some(match before {
            Some(CaseState::Planned) => CaseState::Planned,
            _ => CaseState::Confirmed,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap().with_timezone(&Utc)
    }

    fn ev(id: i64, kind: EventKind, t: DateTime<Utc>) -> TimelineEvent {
        TimelineEvent { event_id: id, version: 1, kind, at: t }
    }

    /// R-TRACE-1, R-BLOCK-6: the timeline, once kept, says when the
    /// procedure started; without it the scheduled start does.
    #[test]
    fn r_trace_1_a_procedure_starts_in_the_room_not_at_its_scheduled_time() {
        assert!(!procedure_started(&[], at(10, 0), at(9, 59)));
        assert!(procedure_started(&[], at(10, 0), at(10, 0)));
        // Arrived at 09:30, the list slipped: not started at 10:30.
        let arrived = [ev(1, EventKind::Arrived, at(9, 30))];
        assert!(!procedure_started(&arrived, at(10, 0), at(10, 30)));
        // In the room early, at 09:45: started before its time.
        let in_room = [arrived[0], ev(2, EventKind::InRoom, at(9, 45))];
        assert!(procedure_started(&in_room, at(10, 0), at(9, 50)));
    }

    fn turn(start: DateTime<Utc>, minutes: i64) -> RoomTurn {
        RoomTurn { scheduled_start: start, minutes, in_room_at: None, out_of_room_at: None, finished: false }
    }

    /// R-FAST-4, R-BLOCK-6: the case ahead runs late, so the next starts later.
    #[test]
    fn r_fast_4_expected_start_follows_the_room_list() {
        let turnover = TimeDelta::minutes(20);
        // Nothing ahead: the scheduled start, or now once it has passed.
        assert_eq!(expected_start(at(10, 0), &[], at(9, 0), turnover), at(10, 0));
        assert_eq!(expected_start(at(10, 0), &[], at(10, 30), turnover), at(10, 30));
        // On time: 08:00 for 90 min, out 09:30, turnover to 09:50: 10:00 holds.
        let first = turn(at(8, 0), 90);
        assert_eq!(expected_start(at(10, 0), &[first], at(7, 0), turnover), at(10, 0));
        // It went in at 09:00 instead: out 10:30, next at 10:50.
        let late = RoomTurn { in_room_at: Some(at(9, 0)), ..first };
        assert_eq!(expected_start(at(10, 0), &[late], at(9, 30), turnover), at(10, 50));
        // Still in at 11:00, past its planned length: at least now + turnover.
        assert_eq!(expected_start(at(10, 0), &[late], at(11, 0), turnover), at(11, 20));
        // Out at 09:40 (recorded): the room is free at 10:00.
        let out = RoomTurn { out_of_room_at: Some(at(9, 40)), ..late };
        assert_eq!(expected_start(at(10, 0), &[out], at(9, 45), turnover), at(10, 0));
        // Done without a timeline: it no longer holds the room.
        let done = RoomTurn { finished: true, ..first };
        assert_eq!(expected_start(at(10, 0), &[done], at(9, 45), turnover), at(10, 0));
        // Done (procedure ended) but still in the room at 10:30: the turnover
        // starts when it leaves, now at the earliest.
        let ending = RoomTurn { finished: true, ..late };
        assert_eq!(expected_start(at(10, 0), &[ending], at(10, 30), turnover), at(10, 50));
        // Two ahead, the first late: the second waits for it, and this one for both.
        let second = turn(at(9, 50), 60);
        assert_eq!(expected_start(at(11, 10), &[second, late], at(9, 30), turnover), at(12, 10));
        // Exactly on the turnover's end is on time; a minute more is late.
        let edge = RoomTurn { in_room_at: Some(at(8, 10)), ..first };
        assert_eq!(expected_start(at(10, 0), &[edge], at(8, 30), turnover), at(10, 0));
        let edge = RoomTurn { in_room_at: Some(at(8, 11)), ..first };
        assert_eq!(expected_start(at(10, 0), &[edge], at(8, 30), turnover), at(10, 1));
    }

    /// R-BLOCK-6: an event's time is no earlier than the one before it and
    /// none is in the future.
    #[test]
    fn r_block_6_events_are_in_order_and_never_in_the_future() {
        let now = at(10, 0);
        let events = [ev(1, EventKind::Arrived, at(8, 0)), ev(2, EventKind::InRoom, at(8, 20))];
        assert_eq!(check_order(&events, EventKind::ProcedureStart, at(8, 40), now, None), Ok(()));
        assert_eq!(check_order(&events, EventKind::ProcedureStart, at(8, 20), now, None), Ok(()), "same minute");
        assert!(matches!(
            check_order(&events, EventKind::ProcedureStart, at(8, 10), now, None),
            Err(OrderError::BeforePrevious { previous: EventKind::InRoom, .. })
        ));
        assert_eq!(
            check_order(&events, EventKind::ProcedureStart, at(10, 1), now, None),
            Err(OrderError::InFuture { kind: EventKind::ProcedureStart })
        );
        assert_eq!(check_order(&events, EventKind::ProcedureStart, now, now, None), Ok(()), "now is not the future");
        // A skipped event recorded late must fit between its neighbours.
        let later = [ev(1, EventKind::InRoom, at(8, 20)), ev(2, EventKind::ProcedureStart, at(8, 40))];
        assert_eq!(check_order(&later, EventKind::AnaesthesiaStart, at(8, 30), now, None), Ok(()));
        assert!(matches!(
            check_order(&later, EventKind::AnaesthesiaStart, at(8, 45), now, None),
            Err(OrderError::AfterNext { next: EventKind::ProcedureStart, .. })
        ));
        assert!(matches!(
            check_order(&later, EventKind::InRoom, at(8, 25), now, None),
            Err(OrderError::AlreadyRecorded { .. })
        ));
        // A correction replaces its own row.
        assert_eq!(check_order(&later, EventKind::InRoom, at(8, 25), now, Some(1)), Ok(()));
        assert!(check_order(&later, EventKind::InRoom, at(8, 45), now, Some(1)).is_err(), "after procedure start");
        assert!(
            OrderError::BeforePrevious {
                kind: EventKind::ProcedureStart,
                previous: EventKind::InRoom,
                previous_at: now
            }
            .to_string()
            .contains("procedure start cannot be before in room (R-BLOCK-6)")
        );
    }

    /// R-BLOCK-6: one key records the next event; where the patient is now
    /// is the latest event in the order.
    #[test]
    fn r_block_6_next_event_and_where_now() {
        assert_eq!(next_kind(&[]), Ok(EventKind::Arrived));
        assert_eq!(where_now(&[]), None);
        let events = [ev(1, EventKind::Arrived, at(8, 0)), ev(2, EventKind::ProcedureStart, at(8, 40))];
        assert_eq!(next_kind(&events), Ok(EventKind::ProcedureEnd), "skipped events stay skipped");
        assert_eq!(where_now(&events).map(|e| e.kind), Some(EventKind::ProcedureStart));
        assert_eq!(went_to_room_at(&events), Some(at(8, 40)), "no in-room: the first event in the room");
        let all: Vec<TimelineEvent> =
            EventKind::ALL.iter().enumerate().map(|(i, k)| ev(i as i64, *k, at(8, i as u32))).collect();
        assert_eq!(next_kind(&all), Err(OrderError::Complete));
        assert_eq!(occupied(&all), Some((at(8, 1), at(8, 5))));
        assert_eq!(EventKind::from_code("in-room"), Some(EventKind::InRoom));
        assert_eq!(EventKind::from_code("lunch"), None);
        // Issue 9: each fits the Board's column whole.
        for k in EventKind::ALL {
            assert!(unicode_width::UnicodeWidthStr::width(&*k.where_now()) <= WHERE_NOW_CELLS, "{}", k.where_now());
        }
    }

    /// Issue 14: the events and where the patient is, in French, the latter
    /// within the Board's column too; a refusal in French names the day.
    #[test]
    fn events_are_french_in_french() {
        use crate::domain::language::Language;
        let english: Vec<(String, String)> =
            EventKind::ALL.iter().map(|k| (k.words().into_owned(), k.where_now().into_owned())).collect();
        let _french = crate::i18n::scope(Language::Fr);
        for (k, (words, where_now)) in EventKind::ALL.iter().zip(&english) {
            assert!(!k.words().is_empty() && k.words() != *words, "{k:?}");
            assert!(!k.where_now().is_empty() && k.where_now() != *where_now, "{k:?}");
            assert!(unicode_width::UnicodeWidthStr::width(&*k.where_now()) <= WHERE_NOW_CELLS, "{}", k.where_now());
        }
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let message = OrderError::OutsideDay { kind: EventKind::InRoom, day }.to_string();
        assert!(message.starts_with("«\u{a0}entrée en salle\u{a0}» ne peut être enregistré"), "{message}");
        assert!(message.contains("lun. 23/11/2026"), "{message}");
        let message = OrderError::BeforePrevious {
            kind: EventKind::ProcedureStart,
            previous: EventKind::InRoom,
            previous_at: at(8, 0),
        }
        .to_string();
        assert!(
            message.contains("«\u{a0}début d'intervention\u{a0}» ne peut précéder «\u{a0}entrée en salle\u{a0}»"),
            "{message}"
        );
    }

    /// R-BLOCK-6: a room holds one patient at a time: in room while another
    /// case is in (no out of room, or out later) is a clash naming it.
    #[test]
    fn r_block_6_two_patients_cannot_be_in_one_room_at_once() {
        let other = |from, until| Occupation { case_id: 17, from, until };
        // The other is in since 10:00, no out: in room at 11:00 clashes.
        let open = [other(at(10, 0), None)];
        assert_eq!(room_clash(18, EventKind::InRoom, at(11, 0), &open), Some(open[0]));
        assert_eq!(room_clash(17, EventKind::InRoom, at(11, 0), &open), None, "its own occupation");
        // Out at 11:30, later than 11:00: still a clash; at 11:30, free.
        let closed = [other(at(10, 0), Some(at(11, 30)))];
        assert!(room_clash(18, EventKind::InRoom, at(11, 0), &closed).is_some());
        assert_eq!(room_clash(18, EventKind::InRoom, at(11, 30), &closed), None, "out at 11:30, in at 11:30");
        assert_eq!(room_clash(18, EventKind::InRoom, at(9, 59), &open), None, "before it went in");
        // Any event that puts the patient in the room; not arriving or leaving.
        assert!(room_clash(18, EventKind::AnaesthesiaStart, at(11, 0), &open).is_some());
        assert!(room_clash(18, EventKind::ProcedureEnd, at(11, 0), &open).is_some());
        assert_eq!(room_clash(18, EventKind::Arrived, at(11, 0), &open), None);
        assert_eq!(room_clash(18, EventKind::OutOfRoom, at(11, 0), &open), None);
        // A forgotten out of room of yesterday does not hold the room today.
        let stale = [other(at(10, 0) - TimeDelta::hours(OPEN_OCCUPATION_MAX_H), None)];
        assert_eq!(room_clash(18, EventKind::InRoom, at(11, 0), &stale), None);
        // Stored overlaps, each pair once; back to back is not one.
        let next = Occupation { case_id: 18, from: at(11, 0), until: None };
        assert_eq!(room_overlaps(&[next, open[0]]), [(open[0], next)]);
        assert_eq!(room_overlaps(&[closed[0], Occupation { from: at(11, 30), ..next }]), []);
        let gone = [ev(1, EventKind::InRoom, at(9, 0)), ev(2, EventKind::OutOfRoom, at(9, 50))];
        assert_eq!(Occupation::of(18, &gone), Some(Occupation { case_id: 18, from: at(9, 0), until: Some(at(9, 50)) }));
    }

    /// R-BLOCK-6 with R-PATH-2: the patient going to the room puts the case
    /// under way; voiding that puts it back as it was.
    #[test]
    fn r_block_6_the_timeline_drives_the_case_state() {
        let arrived = [ev(1, EventKind::Arrived, at(8, 0))];
        let in_room = [ev(1, EventKind::Arrived, at(8, 0)), ev(2, EventKind::InRoom, at(8, 20))];
        assert_eq!(state_after(CaseState::Confirmed, &arrived, None), None);
        assert_eq!(state_after(CaseState::Confirmed, &in_room, None), Some(CaseState::InProgress));
        assert_eq!(state_after(CaseState::Planned, &in_room, None), Some(CaseState::InProgress));
        assert_eq!(state_after(CaseState::InProgress, &in_room, None), None);
        assert_eq!(state_after(CaseState::InProgress, &arrived, Some(CaseState::Planned)), Some(CaseState::Planned));
        assert_eq!(state_after(CaseState::InProgress, &[], None), Some(CaseState::Confirmed));
        assert_eq!(state_after(CaseState::Done, &in_room, None), None, "the stay's step sets done");
    }

    /// R-BLOCK-6 (issue 9): an event is recorded only around the case's
    /// day: from its 00:00 to noon the next day; a case two days ahead
    /// cannot be put in room today, nor one of 2020.
    #[test]
    fn r_block_6_events_only_around_the_cases_day() {
        let zone = chrono_tz::Europe::Paris;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let now = at(23, 0) + chrono::TimeDelta::hours(13);
        let ok = |t| check_event(&[], EventKind::Arrived, t, now, None, day, zone);
        assert_eq!(ok(at(0, 0)), Ok(()), "the day's start");
        assert_eq!(ok(at(8, 0)), Ok(()));
        assert_eq!(ok(at(23, 59) + chrono::TimeDelta::hours(12)), Ok(()), "past midnight, before noon");
        let outside = Err(OrderError::OutsideDay { kind: EventKind::Arrived, day });
        assert_eq!(ok(at(0, 0) - chrono::TimeDelta::minutes(1)), outside, "the evening before");
        assert_eq!(ok(at(0, 0) + chrono::TimeDelta::hours(36)), outside, "noon the next day");
        let old = chrono_tz::Europe::Paris.with_ymd_and_hms(2020, 1, 1, 8, 0, 0).unwrap().with_timezone(&Utc);
        assert_eq!(ok(old), outside);
        let message = OrderError::OutsideDay { kind: EventKind::InRoom, day }.to_string();
        assert!(message.contains("Mon 23/11/2026") && message.contains("R-BLOCK-6"), "{message}");
        // Two days ahead: not open now.
        assert!(!open_now(day + chrono::TimeDelta::days(2), at(10, 0), zone));
        assert!(open_now(day, at(10, 0), zone));
        // The 25-hour day of the clock change is whole.
        let autumn = chrono::NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
        let (from, to) = window(autumn, zone);
        assert_eq!(to - from, chrono::TimeDelta::hours(25 + 12));
    }

    proptest! {
        /// R-BLOCK-6: whatever is accepted one by one stays in order.
        #[test]
        fn r_block_6_accepted_events_are_always_in_order(
            tries in proptest::collection::vec((0usize..8, 0u32..600), 0..30)
        ) {
            let now = at(18, 0);
            let mut events: Vec<TimelineEvent> = Vec::new();
            for (i, (k, minute)) in tries.into_iter().enumerate() {
                let kind = EventKind::ALL[k];
                let t = at(8, 0) + chrono::TimeDelta::minutes(i64::from(minute));
                if check_order(&events, kind, t, now, None).is_ok() {
                    events.push(ev(i as i64, kind, t));
                }
            }
            let mut sorted = events.clone();
            sorted.sort_by_key(|e| e.kind);
            prop_assert!(sorted.windows(2).all(|w| w[0].at <= w[1].at && w[0].kind < w[1].kind));
        }
    }
}
