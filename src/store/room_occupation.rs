//! One patient in a room at a time (R-BLOCK-6), at the store's door: the
//! real occupations of a room read from the J0 timelines of its cases, a
//! room event refused inside the write transaction when another case holds
//! the room at that time (`domain::block_timeline::room_clash`), and
//! `periop check` naming every stored overlap (`room_overlaps`).
//! Cases are named by number, never by patient (R-PRIV-1).

use super::db::{Connection, OptionalExtension, params};
use super::error::{Result, StoreError};
use super::write::WriteTx;
use crate::domain::block_timeline::{self, EventKind, OPEN_OCCUPATION_MAX_H, Occupation};
use crate::domain::ward_time::clock_text;
use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use std::collections::BTreeMap;

/// The occupations of the cases of `room_id` (not cancelled or postponed)
/// with an event within [`OPEN_OCCUPATION_MAX_H`] of `at`, either side.
fn occupations_near(conn: &Connection, room_id: i64, at: DateTime<Utc>) -> Result<Vec<Occupation>> {
    let span = TimeDelta::hours(OPEN_OCCUPATION_MAX_H);
    let (from, to) = (at.checked_sub_signed(span).unwrap_or(at), at.checked_add_signed(span).unwrap_or(at));
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT c.id FROM cases c JOIN case_events e ON e.case_id = c.id AND e.voided_at IS NULL
         WHERE c.room_id = ?1 AND c.state NOT IN ('cancelled', 'postponed') AND e.at BETWEEN ?2 AND ?3",
    )?;
    let text = super::error::instant_text;
    let ids = stmt
        .query_map(params![room_id, text(from), text(to)], |r| r.get::<_, i64>(0))?
        .collect::<super::db::Result<Vec<i64>>>()?;
    let events = super::case_events::of_cases(conn, &ids)?;
    Ok(events.iter().filter_map(|(id, events)| Occupation::of(*id, events)).collect())
}

/// `case #17 (in room since 10:12, no out of room recorded)`, in ward time.
fn occupant(o: &Occupation, zone: Tz) -> String {
    let until = o.until.map_or_else(
        || tr!("store-no-out-of-room").into_owned(),
        |u| tr!("store-out-of-room-at", at = clock_text(u, zone)).into_owned(),
    );
    tr!("store-occupant", case = o.case_id, since = clock_text(o.from, zone), until = until).into_owned()
}

/// R-BLOCK-6: refuses `kind` for `case_id` at `at` when another case holds
/// the case's room then; the refusal names that case, its times, and what
/// to do. A case with no room, or an event that does not put the patient in
/// the room, passes.
pub(super) fn ensure_free(tx: &WriteTx<'_>, case_id: i64, kind: EventKind, at: DateTime<Utc>) -> Result<()> {
    if !block_timeline::implies_presence(kind) {
        return Ok(());
    }
    let room: Option<i64> =
        tx.conn().query_row("SELECT room_id FROM cases WHERE id = ?1", [case_id], |r| r.get(0)).optional()?.flatten();
    let Some(room) = room else { return Ok(()) };
    let others = occupations_near(tx.conn(), room, at)?;
    let Some(other) = block_timeline::room_clash(case_id, kind, at, &others) else { return Ok(()) };
    let zone = tx.zone();
    Err(StoreError::invalid(
        tr!("store-the-timeline"),
        tr!("store-room-held", event = kind.words(), at = clock_text(at, zone), occupant = occupant(&other, zone)),
    ))
}

/// R-BLOCK-6 for `periop check`: every stored overlap of two cases' real
/// occupation of one room, named by room and case numbers and ward times.
pub fn findings(conn: &Connection, zone: Tz) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT c.room_id, c.id, r.name FROM cases c JOIN rooms r ON r.id = c.room_id
         JOIN case_events e ON e.case_id = c.id AND e.voided_at IS NULL
         WHERE c.state NOT IN ('cancelled', 'postponed') ORDER BY c.room_id, c.id",
    )?;
    let mut rooms: BTreeMap<i64, (String, Vec<i64>)> = BTreeMap::new();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?)))?;
    for row in rows {
        let (room, case, name) = row?;
        rooms.entry(room).or_insert_with(|| (name, Vec::new())).1.push(case);
    }
    let mut out = Vec::new();
    for (name, cases) in rooms.values() {
        let events = super::case_events::of_cases(conn, cases)?;
        let occupations: Vec<Occupation> =
            events.iter().filter_map(|(id, events)| Occupation::of(*id, events)).collect();
        for (a, b) in block_timeline::room_overlaps(&occupations) {
            out.push(
                tr!(
                    "store-check-room-overlap",
                    room = super::error::shown_text(name),
                    day = a.from.with_timezone(&zone).format("%d/%m/%Y").to_string(),
                    first = occupant(&a, zone),
                    second = occupant(&b, zone)
                )
                .into_owned(),
            );
        }
    }
    Ok(out)
}
