//! The J0 timeline at the store's door (R-BLOCK-6): each event of a case
//! recorded, corrected or voided through the write path, its order checked
//! by `domain::block_timeline::check_event` (in order, not in the future, around the case's day) inside the transaction, and the
//! case's state following it (a patient gone to the room puts the case
//! under way, `in_progress`).
//!
//! A correction is a void and a new row in one transaction (as an intake
//! entered wrongly is voided and entered again): nothing is edited in place,
//! the audit keeps both images, and the voided row says who, when and why.
//! R-ROLE-1: nurses and schedulers (and admins) record the timeline.

use super::admissions::StayAfterEnd;
use super::db::{Connection, OptionalExtension};
use super::decode::known;
use super::dialect;
use super::error::{Result, StoreError, instant_text};
use super::rows;
use super::table::Table;
use super::write::WriteTx;
use crate::domain::block_timeline::{self, EventKind, OrderError, TimelineEvent};
use crate::domain::case::CaseState;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::collections::BTreeMap;

/// What a recording did, for the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub event_id: i64,
    pub kind: EventKind,
    pub at: DateTime<Utc>,
    /// The case's new state, when the timeline changed it (R-PATH-2).
    pub case_state: Option<CaseState>,
    /// What the procedure end did to the stay, or why it waits
    /// (`admissions::procedure_ended`).
    pub stay: Option<StayAfterEnd>,
}

impl Recorded {
    /// `in room at 08:12; the case is now ◉ in progress`, in ward time; the
    /// date too when the event is not on the ward day of `now`.
    pub fn words(&self, zone: Tz, now: DateTime<Utc>) -> String {
        let state = self.case_state.map(|s| tr!("store-case-now", state = s.label()).into_owned()).unwrap_or_default();
        let stay = self.stay.as_ref().map(|s| tr!("store-then", words = s.words()).into_owned()).unwrap_or_default();
        tr!("store-event-at", event = self.kind.words(), at = when_text(self.at, zone, now)).into_owned()
            + &state
            + &stay
    }
}

/// `08:12` on the ward day of `now`, `Sun 29/11/2026 08:12` on another.
pub fn when_text(at: DateTime<Utc>, zone: Tz, now: DateTime<Utc>) -> String {
    use crate::domain::ward_time::{clock_text, local_day};
    let clock = clock_text(at, zone);
    if local_day(at, zone) == local_day(now, zone) {
        clock
    } else {
        format!("{} {clock}", crate::domain::day_label::day_text(local_day(at, zone)))
    }
}

/// The events of these cases not voided, by case, in the timeline's order.
pub fn of_cases(conn: &Connection, case_ids: &[i64]) -> Result<BTreeMap<i64, Vec<TimelineEvent>>> {
    let mut out: BTreeMap<i64, Vec<TimelineEvent>> = BTreeMap::new();
    if case_ids.is_empty() {
        return Ok(out);
    }
    let ids = serde_json::to_string(case_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT case_id, id, version, kind, at FROM case_events
         WHERE voided_at IS NULL AND case_id IN ({}) ORDER BY case_id, at, id",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let rows = stmt.query_map([&ids], |r| {
        let id: i64 = r.get(1)?;
        let kind: String = r.get(3)?;
        Ok((
            r.get::<_, i64>(0)?,
            TimelineEvent {
                event_id: id,
                version: r.get(2)?,
                kind: known(&kind, Table::CaseEvents, "kind", id)?,
                at: rows::instant(r, 4)?,
            },
        ))
    })?;
    for row in rows {
        let (case_id, event) = row?;
        out.entry(case_id).or_default().push(event);
    }
    for events in out.values_mut() {
        events.sort_by_key(|e| (e.kind, e.at));
    }
    Ok(out)
}

/// The events of one case not voided, in the timeline's order.
pub fn of_case(conn: &Connection, case_id: i64) -> Result<Vec<TimelineEvent>> {
    Ok(of_cases(conn, &[case_id])?.remove(&case_id).unwrap_or_default())
}

/// The case's state and version; refused for a case taken off the schedule.
fn open_case(tx: &WriteTx<'_>, case_id: i64) -> Result<(CaseState, i64)> {
    let what = Table::Cases.row(case_id);
    let (state, version) = super::checks::case_state(tx.conn(), case_id)?;
    if matches!(state, CaseState::Cancelled | CaseState::Postponed) {
        return Err(StoreError::invalid(what, tr!("store-timeline-case-off", state = state.code())));
    }
    Ok((state, version))
}

/// The order error in words, with the other event's time in ward time.
fn refused(error: OrderError, zone: Tz) -> StoreError {
    let clock = |t| crate::domain::ward_time::clock_text(t, zone);
    let detail = match error {
        OrderError::AlreadyRecorded { at, .. } => tr!("store-timeline-recorded-at", at = clock(at)).into_owned(),
        OrderError::BeforePrevious { previous_at, .. } => {
            tr!("store-timeline-that-was", at = clock(previous_at)).into_owned()
        }
        OrderError::AfterNext { next_at, .. } => tr!("store-timeline-that-was", at = clock(next_at)).into_owned(),
        OrderError::InFuture { .. } | OrderError::Complete | OrderError::OutsideDay { .. } => String::new(),
    };
    StoreError::invalid(tr!("store-the-timeline"), format!("{error}{detail}"))
}

/// R-BLOCK-6: the one check of an event's time, in the transaction: inside
/// the window of the case's ward day, in order, not in the future
/// ([`block_timeline::check_event`]).
fn check_time(
    tx: &WriteTx<'_>,
    case_id: i64,
    events: &[TimelineEvent],
    kind: EventKind,
    at: DateTime<Utc>,
    replacing: Option<i64>,
) -> Result<()> {
    let zone = tx.zone();
    let start: DateTime<Utc> =
        tx.conn().query_row("SELECT scheduled_start FROM cases WHERE id = ?1", [case_id], |r| rows::instant(r, 0))?;
    let day = crate::domain::ward_time::local_day(start, zone);
    block_timeline::check_event(events, kind, at, tx.at(), replacing, day, zone).map_err(|e| refused(e, zone))
}

/// R-PATH-6: an event of the case's timeline is not before the patient's
/// birth (the one order check every write path calls).
fn within_stay(tx: &WriteTx<'_>, case_id: i64, at: DateTime<Utc>) -> Result<()> {
    use super::stay_order::{Subject, recorded_about};
    recorded_about(
        tx,
        &tr!("store-the-timeline"),
        crate::domain::stay_order::Event::Timeline,
        at,
        Subject::Case(case_id),
    )
}

/// R-BLOCK-6 with R-PATH-2: the case's state follows its timeline, in this
/// transaction (the timeline's permission covers it, R-ROLE-1).
fn follow(tx: &mut WriteTx<'_>, case_id: i64) -> Result<Option<CaseState>> {
    let (state, version) = super::checks::case_state(tx.conn(), case_id)?;
    let events = of_case(tx.conn(), case_id)?;
    let before = if state == CaseState::InProgress {
        super::cases::state_before(tx.conn(), case_id, CaseState::InProgress)?
    } else {
        None
    };
    let Some(to) = block_timeline::state_after(state, &events, before) else { return Ok(None) };
    tx.update_following(Table::Cases, case_id, version, &[("state", &to.code())])?;
    Ok(Some(to))
}

/// R-BLOCK-6: records `kind` for the case at `at` (`None`: now). Refused
/// for a case cancelled or postponed, a time in the future or out of order
/// with the events recorded, an event already recorded (correct it), and a
/// room event while another case holds the room (`room_occupation`).
pub fn record(tx: &mut WriteTx<'_>, case_id: i64, kind: EventKind, at: Option<DateTime<Utc>>) -> Result<Recorded> {
    open_case(tx, case_id)?;
    let at = at.unwrap_or_else(|| tx.at());
    let events = of_case(tx.conn(), case_id)?;
    check_time(tx, case_id, &events, kind, at, None)?;
    super::room_occupation::ensure_free(tx, case_id, kind, at)?;
    within_stay(tx, case_id, at)?;
    let actor = tx.actor_id();
    let event_id = tx.insert(
        Table::CaseEvents,
        &[("case_id", &case_id), ("kind", &kind.code()), ("at", &instant_text(at)), ("recorded_by", &actor)],
    )?;
    let mut case_state = follow(tx, case_id)?;
    // R-PATH-2: the procedure's end is the stay's "procedure done".
    let stay = if kind == EventKind::ProcedureEnd { super::admissions::procedure_ended(tx, case_id)? } else { None };
    if stay == Some(StayAfterEnd::ProcedureDone) {
        case_state = Some(super::checks::case_state(tx.conn(), case_id)?.0);
    }
    Ok(Recorded { event_id, kind, at, case_state, stay })
}

/// R-BLOCK-6: one key records the next event now (the one after the
/// latest recorded). `expected` is the event the user was shown as next
/// (`None`: computed here, in this transaction, as the CLI does); when the
/// timeline has moved on meanwhile, refused as a conflict naming who
/// recorded what (R-AUDIT-2), nothing written.
pub fn record_next(tx: &mut WriteTx<'_>, case_id: i64, expected: Option<EventKind>) -> Result<Recorded> {
    open_case(tx, case_id)?;
    let events = of_case(tx.conn(), case_id)?;
    let next = block_timeline::next_kind(&events);
    if let Some(expected) = expected
        && next != Ok(expected)
    {
        return Err(moved_on(tx, case_id, &events, expected, next.ok()));
    }
    let kind = next.map_err(|e| refused(e, tx.zone()))?;
    record(tx, case_id, kind, None)
}

/// R-AUDIT-2: the timeline changed since the user read it: who last
/// recorded or voided one of its events and when, and what it now says.
fn moved_on(
    tx: &WriteTx<'_>,
    case_id: i64,
    events: &[TimelineEvent],
    expected: EventKind,
    next: Option<EventKind>,
) -> StoreError {
    let last_row: Option<i64> = tx
        .conn()
        .query_row(
            "SELECT row_id FROM audit WHERE table_name = 'case_events'
             AND row_id IN (SELECT id FROM case_events WHERE case_id = ?1) ORDER BY id DESC LIMIT 1",
            [case_id],
            |r| r.get(0),
        )
        .optional()
        .unwrap_or(None);
    let latest = block_timeline::where_now(events).map_or_else(
        || tr!("store-timeline-nothing-now").into_owned(),
        |e| {
            let at = crate::domain::ward_time::clock_text(e.at, tx.zone());
            tr!("store-timeline-latest", event = e.kind.words(), at = at).into_owned()
        },
    );
    let next = next.map_or_else(|| tr!("store-timeline-all-recorded").into_owned(), |k| k.words().to_string());
    let what =
        tr!("store-timeline-conflict", case = case_id, latest = latest, next = next, expected = expected.words())
            .into_owned();
    match last_row.map(|id| tx.conflict(Table::CaseEvents, id)) {
        Some(StoreError::Conflict { by, at, .. }) => StoreError::Conflict { what, by, at },
        Some(other) => other,
        None => StoreError::Conflict {
            what,
            by: tr!("store-conflict-someone").into_owned(),
            at: tr!("store-conflict-unknown-time").into_owned(),
        },
    }
}

/// An event row as stored: case, kind, version, voided.
fn event_row(tx: &WriteTx<'_>, event_id: i64) -> Result<(i64, EventKind, i64, bool)> {
    let row: Option<(i64, String, i64, Option<String>)> = tx
        .conn()
        .query_row("SELECT case_id, kind, version, voided_at FROM case_events WHERE id = ?1", [event_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let (case_id, kind, version, voided) =
        row.ok_or_else(|| StoreError::invalid(Table::CaseEvents.row(event_id), tr!("store-no-such-event")))?;
    let kind = known(&kind, Table::CaseEvents, "kind", event_id)?;
    Ok((case_id, kind, version, voided.is_some()))
}

/// R-BLOCK-6: corrects the time of event `event_id` (seen at
/// `expected_version`; `None`: as it is now) to `at`: the row is voided and the right time
/// recorded as a new row, after the same order check.
pub fn correct(
    tx: &mut WriteTx<'_>,
    event_id: i64,
    expected_version: Option<i64>,
    at: DateTime<Utc>,
) -> Result<Recorded> {
    let what = Table::CaseEvents.row(event_id);
    let (case_id, kind, version, voided) = event_row(tx, event_id)?;
    if voided {
        return Err(StoreError::invalid(what, tr!("store-event-gone-read-again")));
    }
    if expected_version.is_some_and(|v| v != version) {
        return Err(tx.conflict(Table::CaseEvents, event_id));
    }
    open_case(tx, case_id)?;
    let events = of_case(tx.conn(), case_id)?;
    check_time(tx, case_id, &events, kind, at, Some(event_id))?;
    super::room_occupation::ensure_free(tx, case_id, kind, at)?;
    within_stay(tx, case_id, at)?;
    let zone = tx.zone();
    let reason = format!(
        "corrected to {} {}", // i18n: stored: the correction's reason
        at.with_timezone(&zone).format("%d/%m"),
        crate::domain::ward_time::clock_text(at, zone)
    );
    let (when, by) = (instant_text(tx.at()), tx.actor_id());
    tx.update(
        Table::CaseEvents,
        event_id,
        version,
        &[("voided_at", &when), ("voided_by", &by), ("void_reason", &reason)],
    )?;
    let new_id = tx.insert(
        Table::CaseEvents,
        &[("case_id", &case_id), ("kind", &kind.code()), ("at", &instant_text(at)), ("recorded_by", &by)],
    )?;
    let case_state = follow(tx, case_id)?;
    Ok(Recorded { event_id: new_id, kind, at, case_state, stay: None })
}

/// What voiding an event did: the case's new state, if it changed, and
/// what became of the stay (a voided procedure end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voided {
    pub case_state: Option<CaseState>,
    pub stay: Option<StayAfterEnd>,
}

impl Voided {
    /// `; the case is now … ; the stay is back to admitted`, or nothing.
    pub fn words(&self) -> String {
        let state = self.case_state.map(|s| tr!("store-case-now", state = s.label()).into_owned()).unwrap_or_default();
        let stay = self.stay.as_ref().map(|s| tr!("store-then", words = s.words()).into_owned()).unwrap_or_default();
        state + &stay
    }
}

/// R-BLOCK-6: voids event `event_id` recorded by mistake, with a reason;
/// the case's state follows (no room event left: back to what it was), and
/// a voided procedure end undoes the stay's "procedure done" it took
/// (`admissions::procedure_end_voided`). `expected_version` as in [`correct`].
pub fn void(tx: &mut WriteTx<'_>, event_id: i64, expected_version: Option<i64>, reason: &str) -> Result<Voided> {
    let what = Table::CaseEvents.row(event_id);
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(StoreError::invalid(what, tr!("store-void-needs-reason")));
    }
    let (case_id, kind, version, voided) = event_row(tx, event_id)?;
    if voided {
        return Err(StoreError::invalid(what, tr!("store-event-gone")));
    }
    if expected_version.is_some_and(|v| v != version) {
        return Err(tx.conflict(Table::CaseEvents, event_id));
    }
    open_case(tx, case_id)?;
    let (when, by) = (instant_text(tx.at()), tx.actor_id());
    tx.update(
        Table::CaseEvents,
        event_id,
        version,
        &[("voided_at", &when), ("voided_by", &by), ("void_reason", &reason)],
    )?;
    let ended = of_case(tx.conn(), case_id)?.iter().any(|e| e.kind == EventKind::ProcedureEnd);
    let stay = if kind == EventKind::ProcedureEnd && !ended {
        super::admissions::procedure_end_voided(tx, case_id, reason)?
    } else {
        None
    };
    let case_state = follow(tx, case_id)?;
    let case_state = match (&stay, case_state) {
        (Some(StayAfterEnd::Undone), None) => Some(super::checks::case_state(tx.conn(), case_id)?.0),
        (_, state) => state,
    };
    Ok(Voided { case_state, stay })
}

/// R-BLOCK-6, for `periop check`: each stored event (not voided) outside
/// the window of its case's ward day ([`block_timeline::window`]), or in the
/// future, named by case and event, never by patient (R-PRIV-1). Such rows
/// were written before the window was checked: correct or void each one.
pub fn findings(conn: &Connection, now: DateTime<Utc>, zone: Tz) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.case_id, e.kind, e.at, c.scheduled_start FROM case_events e
         JOIN cases c ON c.id = e.case_id WHERE e.voided_at IS NULL ORDER BY e.case_id, e.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let id: i64 = r.get(0)?;
        let kind: String = r.get(2)?;
        Ok((
            id,
            r.get::<_, i64>(1)?,
            known::<EventKind>(&kind, Table::CaseEvents, "kind", id)?,
            rows::instant(r, 3)?,
            rows::instant(r, 4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (event_id, case_id, kind, at, start) = row?;
        let day = crate::domain::ward_time::local_day(start, zone);
        let (from, to) = block_timeline::window(day, zone);
        let when = at.with_timezone(&zone).format("%d/%m/%Y %H:%M");
        if at < from || at >= to {
            out.push(
                tr!(
                    "store-check-event-outside-day",
                    case = case_id,
                    event = event_id,
                    kind = kind.words(),
                    when = when.to_string(),
                    day = day.format("%d/%m/%Y").to_string()
                )
                .into_owned(),
            );
        } else if at > now {
            out.push(
                tr!(
                    "store-check-event-in-future",
                    case = case_id,
                    event = event_id,
                    kind = kind.words(),
                    when = when.to_string()
                )
                .into_owned(),
            );
        }
    }
    Ok(out)
}
