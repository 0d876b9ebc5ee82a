//! The block schedule as the one conflict check reads it (R-BLOCK-3), the
//! check run inside the write transaction of every booking and move, the
//! freeze window (R-BLOCK-4) and the overrides both record.

use super::db::{Connection, params};
use super::dialect;
use super::error::{Result, StoreError, instant_text};
use super::journey;
use super::rows;
use super::table::Table;
use super::write::WriteTx;
use crate::domain::anaesthesia::CpaOutcome;
use crate::domain::block_changes;
use crate::domain::block_conflicts::{
    self, AnaesthesiaGate, BookedCase, Conflict, ConflictKind, HeldDevice, Policy, RoomHours, Schedule,
};
use crate::domain::settings::Settings;
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;

/// The longest a case lasts (`admissions::MAX_MINUTES`) plus the longest
/// turnover a site may set: cases starting further apart cannot meet.
const REACH: TimeDelta = TimeDelta::hours(12 + 4);

/// The cases on the schedule (not cancelled or postponed) starting in
/// `[from, to)`, with the facts the check reads. A fixed handful of queries.
pub fn schedule_between(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    zone: Tz,
) -> Result<Vec<BookedCase>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, a.patient_id, c.room_id, c.operator_id, c.anaesthetist_id,
                CASE WHEN a.bed_id IS NOT NULL THEN 1 ELSE 0 END,
                CASE WHEN c.state IN ('in_progress', 'done') THEN 1 ELSE 0 END, c.nurse_id
         FROM cases c JOIN admissions a ON a.id = c.admission_id
         WHERE c.scheduled_start >= ?1 AND c.scheduled_start < ?2 AND c.state NOT IN ('cancelled', 'postponed')
         ORDER BY c.scheduled_start, c.id",
    )?;
    type Row = (i64, i64, Option<i64>, Option<i64>, Option<i64>, bool, bool, Option<i64>);
    let found: Vec<Row> = stmt
        .query_map(params![instant_text(from), instant_text(to)], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
        })?
        .collect::<super::db::Result<_>>()?;
    let ids: Vec<i64> = found.iter().map(|r| r.0).collect();
    let mut bundles = journey::bundles(conn, &ids)?;
    let mut devices = held_devices(conn, &ids)?;
    let mut out = Vec::with_capacity(found.len());
    for (case_id, patient_id, room_id, operator_id, anaesthetist_id, bed, done_or_going, nurse_id) in found {
        let Some(b) = bundles.remove(&case_id) else { continue };
        let anaesthesia = if !b.record.mode.needs_anaesthetist() {
            AnaesthesiaGate::NotNeeded
        } else if b.cpa.as_ref().is_some_and(|c| c.outcome == CpaOutcome::Cleared) {
            AnaesthesiaGate::Cleared
        } else {
            AnaesthesiaGate::NotCleared
        };
        out.push(BookedCase {
            case_id,
            patient_id,
            room_id,
            operator_id,
            anaesthetist_id,
            nurse_id,
            start: b.record.start,
            minutes: b.record.minutes,
            anaesthesia,
            bed_for_night: bed,
            patient: b.record.patient_kind(zone),
            intakes: b.intakes,
            devices: devices.remove(&case_id).unwrap_or_default(),
            // R-BLOCK-6: gone to the room by the timeline, or marked so.
            under_way: done_or_going || crate::domain::block_timeline::went_to_room_at(&b.timeline).is_some(),
        });
    }
    Ok(out)
}

/// R-STOCK-3: the units of lots held for these cases (case_devices), with
/// what each lot is now; one query.
fn held_devices(conn: &Connection, ids: &[i64]) -> Result<std::collections::BTreeMap<i64, Vec<HeldDevice>>> {
    let mut out: std::collections::BTreeMap<i64, Vec<HeldDevice>> = std::collections::BTreeMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT d.case_id, d.lot_id, d.units, l.quantity, l.expiry_on,
                CASE WHEN l.quarantine_reason IS NOT NULL THEN 1 ELSE 0 END
         FROM case_devices d JOIN device_lots l ON l.id = d.lot_id
         WHERE d.units > 0 AND d.case_id IN ({}) ORDER BY d.case_id, d.id",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let rows = stmt.query_map([&list], |r| {
        let expiry: Option<String> = r.get(4)?;
        Ok((
            r.get::<_, i64>(0)?,
            HeldDevice {
                lot_id: r.get(1)?,
                units: r.get(2)?,
                quantity: r.get(3)?,
                expiry: expiry.as_deref().and_then(rows::parse_day),
                quarantined: r.get(5)?,
            },
        ))
    })?;
    for row in rows {
        let (case_id, device) = row?;
        out.entry(case_id).or_default().push(device);
    }
    Ok(out)
}

/// R-BLOCK-1: every room's opening hours (rooms in use or not: a retired
/// room's old cases are still judged by its hours).
pub fn room_hours(conn: &Connection) -> Result<Vec<RoomHours>> {
    let mut stmt = conn.prepare_cached("SELECT id, opens, closes FROM rooms ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (room_id, opens, closes) = row?;
        let time = |t: &str| NaiveTime::parse_from_str(t, "%H:%M").ok();
        if let (Some(opens), Some(closes)) = (time(&opens), time(&closes)) {
            out.push(RoomHours { room_id, opens, closes });
        }
    }
    Ok(out)
}

/// R-BLOCK-3: every conflict among the cases starting on the ward day `day`
/// (cases of the evening before that run into it are read too, and their
/// conflicts with this day's cases kept).
pub fn conflicts_on(conn: &Connection, day: NaiveDate, settings: &Settings) -> Result<Vec<Conflict>> {
    let zone = settings.zone();
    let (from, to) = ward_time::day_bounds(day, zone);
    let cases = schedule_between(conn, from - REACH, to, zone)?;
    let rooms = room_hours(conn)?;
    let on_day: Vec<i64> = cases.iter().filter(|c| c.start >= from).map(|c| c.case_id).collect();
    let all = block_conflicts::check(&Schedule { cases: &cases, rooms: &rooms, settings });
    Ok(all.into_iter().filter(|c| on_day.iter().any(|id| c.involves(*id))).collect())
}

/// R-BLOCK-3 over every stored case, for `periop check`: each conflict a
/// case cannot be saved with (refused or needing an override), named by
/// room, staff and ward time, never by patient (R-PRIV-1). Overrides already
/// recorded for a case are not findings.
pub fn findings(conn: &Connection, now: DateTime<Utc>, settings: &Settings) -> Result<Vec<String>> {
    let zone = settings.zone();
    let far = |years: i64| TimeDelta::days(366 * years);
    let cases = schedule_between(conn, now - far(200), now + far(200), zone)?;
    let rooms = room_hours(conn)?;
    let mut out = Vec::new();
    for c in block_conflicts::check(&Schedule { cases: &cases, rooms: &rooms, settings }) {
        if c.kind.policy() == Policy::Shown || overridden(conn, &c)? {
            continue;
        }
        let conflict = describe(conn, &c, &cases, settings)?;
        out.push(tr!("store-check-block-conflict", case = c.case_id, conflict = conflict).into_owned());
    }
    Ok(out)
}

fn overridden(conn: &Connection, c: &Conflict) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT 1 FROM block_overrides WHERE conflict = ?1 AND (case_id = ?2 OR case_id = ?3) LIMIT 1",
    )?;
    Ok(stmt.exists(params![c.kind.code(), c.case_id, c.other_case_id.unwrap_or(c.case_id)])?)
}

/// The name of row `id`, else the `fallback` message (`store-room-numbered`,
/// given `$id`): `room #3`, or `room` alone without an id.
fn name_of(conn: &Connection, sql: &str, id: Option<i64>, fallback: &str) -> Result<String> {
    let language = crate::i18n::language();
    let Some(id) = id else { return Ok(crate::i18n::attr(language, fallback, "alone").into_owned()) };
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([id])?;
    Ok(match rows.next()? {
        Some(r) => r.get(0)?,
        None => {
            let args = [("id", id.into())];
            crate::i18n::fmt(language, fallback, &args)
        }
    })
}

/// One conflict in words, naming the room or staff and the other case's
/// ward times (never a patient, R-PRIV-1): `Room 1 CT: overlaps the case at
/// 10:00–11:30 (turnover 20 min included)`.
pub fn describe(conn: &Connection, c: &Conflict, cases: &[BookedCase], settings: &Settings) -> Result<String> {
    let zone = settings.zone();
    let span = |id: Option<i64>| {
        cases
            .iter()
            .find(|k| Some(k.case_id) == id)
            .map(|k| {
                format!(
                    "{} {}–{}",
                    ward_time::local_day(k.start, zone).format("%d/%m"),
                    ward_time::clock_text(k.start, zone),
                    ward_time::clock_text(k.end(), zone)
                )
            })
            .unwrap_or_else(|| tr!("store-another-case").into_owned())
    };
    let other = if c.other_case_id.is_some() { span(c.other_case_id) } else { String::new() };
    let staff = "SELECT display_name FROM staff WHERE id = ?1";
    let room = "SELECT name FROM rooms WHERE id = ?1";
    Ok(match c.kind {
        ConflictKind::RoomOverlap => {
            let room = name_of(conn, room, c.shared_id, "store-room-numbered")?;
            tr!("store-conflict-room-overlap", room = room, case = span(Some(c.case_id)), other = other).into_owned()
        }
        ConflictKind::OutsideRoomHours => {
            let hours: Option<(String, String)> = match c.shared_id {
                Some(id) => conn
                    .prepare_cached("SELECT opens, closes FROM rooms WHERE id = ?1")?
                    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .ok(),
                None => None,
            };
            let hours = hours.map(|(o, c)| format!(" ({o}–{c})")).unwrap_or_default();
            let room = name_of(conn, room, c.shared_id, "store-room-numbered")?;
            tr!("store-conflict-outside-hours", room = room, case = span(Some(c.case_id))).into_owned() + &hours
        }
        ConflictKind::OperatorOverlap | ConflictKind::AnaesthetistOverlap | ConflictKind::NurseOverlap => {
            let who = match c.kind {
                ConflictKind::OperatorOverlap => "operator",
                ConflictKind::AnaesthetistOverlap => "anaesthetist",
                _ => "nurse",
            };
            let name = name_of(conn, staff, c.shared_id, "store-staff-no")?;
            tr!("store-conflict-staff-overlap", who = who, name = name, case = span(Some(c.case_id)), other = other)
                .into_owned()
        }
        ConflictKind::SamePatientTwice => {
            tr!("store-conflict-same-patient", case = span(Some(c.case_id)), other = other).into_owned()
        }
        ConflictKind::DeviceNotAvailable => {
            let case = cases.iter().find(|k| k.case_id == c.case_id);
            let day = case.map(|k| ward_time::local_day(k.start, zone));
            let mut which = Vec::new();
            for d in case.map(|k| k.devices.as_slice()).unwrap_or_default() {
                let Some(why) = day.and_then(|day| d.unavailable_on(day)) else { continue };
                let name: Option<String> = conn
                    .prepare_cached(
                        "SELECT r.name || ' lot ' || COALESCE(l.lot, l.serial) FROM device_lots l
                         JOIN device_refs r ON r.id = l.ref_id WHERE l.id = ?1",
                    )?
                    .query_row([d.lot_id], |r| r.get(0))
                    .ok();
                let name = name.unwrap_or_else(|| tr!("store-a-lot").into_owned());
                which.push(format!("{name} ({why})"));
            }
            let (case, words, lots) = (span(Some(c.case_id)), c.kind.words(), which.join(", "));
            tr!("store-conflict-device", case = case, words = words, lots = lots).into_owned()
        }
        ConflictKind::FastingCannotBeMet => {
            // Issue 9: which intake, when, and what to do about it.
            let case = cases.iter().find(|k| k.case_id == c.case_id);
            let found = case
                .map(|k| crate::domain::fasting::not_fasted(&k.intakes, k.start, k.patient, settings))
                .unwrap_or_default();
            let when = |t: DateTime<Utc>| {
                format!("{} {}", ward_time::local_day(t, zone).format("%d/%m"), ward_time::clock_text(t, zone))
            };
            let causes: Vec<String> = found
                .iter()
                .map(|n| {
                    tr!(
                        "store-conflict-intake",
                        intake = n.intake.kind.label(),
                        at = when(n.intake.at),
                        fasted = when(n.fasted_from)
                    )
                    .into_owned()
                })
                .collect();
            let latest = found.iter().map(|n| n.fasted_from).max();
            let next =
                latest.map_or_else(String::new, |t| tr!("store-conflict-fasting-next", at = when(t)).into_owned());
            let (case, words, causes) = (span(Some(c.case_id)), c.kind.words(), causes.join(", "));
            tr!("store-conflict-fasting", case = case, words = words, causes = causes).into_owned() + &next
        }
        kind => tr!("store-conflict-other", case = span(Some(c.case_id)), words = kind.words()).into_owned(),
    })
}

/// What the scheduler gave to answer the check: a reason to record for the
/// conflicts (and the freeze window) that allow an override.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    /// Free text, recorded with each override (trimmed; empty is none).
    pub override_reason: Option<String>,
}

impl Answer {
    pub fn reason(&self) -> Option<&str> {
        self.override_reason.as_deref().map(str::trim).filter(|r| !r.is_empty())
    }
}

/// R-BLOCK-3, R-BLOCK-4, inside the write transaction of a booking or a
/// move of `case_id` (already written, so the check sees the schedule as it
/// will be): refuses a conflict that cannot happen, refuses one that needs
/// an override when no reason is given, and records the override otherwise;
/// `days` are the ward days whose lists change (the old and new day of a
/// move), each checked against the freeze window. Returns the conflicts
/// that stay shown (bed, fasting, anaesthesia gate), in words, for the
/// save's message. Because the whole write holds SQLite's write lock,
/// another terminal's booking is either already in the schedule read here or
/// waits for this one to commit, and then meets it in its own check.
pub fn guard(
    tx: &mut WriteTx<'_>,
    what: &str,
    case_id: i64,
    days: &[NaiveDate],
    answer: &Answer,
    settings: &Settings,
) -> Result<Vec<String>> {
    let zone = settings.zone();
    let now = tx.at();
    let (start, minutes): (DateTime<Utc>, u32) =
        tx.conn().query_row("SELECT scheduled_start, duration_min FROM cases WHERE id = ?1", [case_id], |r| {
            Ok((rows::instant(r, 0)?, r.get(1)?))
        })?;
    let end = start + TimeDelta::minutes(i64::from(minutes));
    let cases = schedule_between(tx.conn(), start - REACH, end + REACH, zone)?;
    let rooms = room_hours(tx.conn())?;
    let found = block_conflicts::involving(
        &block_conflicts::check(&Schedule { cases: &cases, rooms: &rooms, settings }),
        case_id,
    );
    let mut refused = Vec::new();
    let mut needs_override = Vec::new();
    let mut shown = Vec::new();
    for c in &found {
        let words = describe(tx.conn(), c, &cases, settings)?;
        match c.kind.policy() {
            Policy::Refused => refused.push(words),
            Policy::Override => needs_override.push((c.kind.code(), words)),
            Policy::Shown => shown.push(words),
        }
    }
    let mut days: Vec<NaiveDate> = days.to_vec();
    days.sort_unstable();
    days.dedup();
    for day in days {
        if block_changes::frozen(day, now, settings) {
            let since = block_changes::freezes_at(day, settings);
            needs_override.push((
                FREEZE_WINDOW,
                tr!(
                    "store-list-frozen",
                    day = day.format("%d/%m").to_string(),
                    since = ward_time::local_day(since, zone).format("%d/%m").to_string(),
                    time = ward_time::clock_text(since, zone)
                )
                .into_owned(),
            ));
        }
    }
    if !refused.is_empty() {
        refused.extend(needs_override.into_iter().map(|(_, w)| w));
        return Err(StoreError::BlockConflict { what: what.to_string(), conflicts: refused, can_override: false });
    }
    if !needs_override.is_empty() {
        let Some(reason) = answer.reason() else {
            let conflicts = needs_override.into_iter().map(|(_, w)| w).collect();
            return Err(StoreError::BlockConflict { what: what.to_string(), conflicts, can_override: true });
        };
        for (code, words) in needs_override {
            tx.insert(
                Table::BlockOverrides,
                &[
                    ("case_id", &case_id),
                    ("conflict", &code),
                    ("detail", &words),
                    ("reason", &reason),
                    ("at", &instant_text(now)),
                    ("actor_id", &tx.actor_id()),
                ],
            )?;
        }
    }
    Ok(shown)
}

/// The code an override of the freeze window is recorded under.
pub const FREEZE_WINDOW: &str = "freeze_window";
