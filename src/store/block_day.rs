//! One ward day of the block schedule, read for the grid, the printed list
//! (`periop block`) and its JSON: a fixed handful of queries per day.

use super::Store;
use super::db::{Connection, params};
use super::error::{Result, instant_text};
use super::{block, journey, rows};
use crate::domain::block_changes;
use crate::domain::block_conflicts::{self, Schedule};
use crate::domain::block_list::{BlockCase, BlockDay, BlockRoom, ConflictLine, PostponedCase};
use crate::domain::identity::Identity;
use crate::domain::readiness;
use crate::domain::settings::{self, Settings};
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};

/// The rooms in use, and any retired room a case of the day is still in.
fn rooms(conn: &Connection, cases: &[BlockCase]) -> Result<Vec<BlockRoom>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, opens, closes, active FROM rooms ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get(4)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (room_id, name, opens, closes, active): (i64, String, String, String, bool) = row?;
        if !active && !cases.iter().any(|c| c.room_id == Some(room_id)) {
            continue;
        }
        let time = |t: &str| NaiveTime::parse_from_str(t, "%H:%M").unwrap_or(NaiveTime::MIN);
        out.push(BlockRoom { room_id, name, opens: time(&opens), closes: time(&closes) });
    }
    Ok(out)
}

/// R-BLOCK-1..4: the day's list at `now`: rooms, cases (not cancelled or
/// postponed) with readiness (R-READY-3) and conflicts (R-BLOCK-3), and
/// whether the list is frozen (R-BLOCK-4).
pub fn day(conn: &Connection, day: NaiveDate, now: DateTime<Utc>, settings: &Settings) -> Result<BlockDay> {
    let zone = settings.zone();
    let (from, to) = ward_time::day_bounds(day, zone);
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.version, c.admission_id, c.room_id, c.scheduled_start, c.duration_min,
                p.id, p.surname, p.first_name, p.birth_date, k.label, c.side_level, o.display_name,
                an.display_name, nu.display_name
         FROM cases c JOIN admissions a ON a.id = c.admission_id JOIN patients p ON p.id = a.patient_id
         JOIN procedure_kinds k ON k.id = c.procedure_kind_id
         LEFT JOIN staff o ON o.id = c.operator_id LEFT JOIN staff an ON an.id = c.anaesthetist_id
         LEFT JOIN staff nu ON nu.id = c.nurse_id
         WHERE c.scheduled_start >= ?1 AND c.scheduled_start < ?2 AND c.state NOT IN ('cancelled', 'postponed')
         ORDER BY c.scheduled_start, c.room_id NULLS FIRST, c.id",
    )?;
    type Row = (
        i64,
        i64,
        i64,
        Option<i64>,
        DateTime<Utc>,
        u32,
        Identity,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let found: Vec<Row> = stmt
        .query_map(params![instant_text(from), instant_text(to)], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                rows::instant(r, 4)?,
                r.get(5)?,
                super::board::identity(r, 6)?,
                r.get(10)?,
                r.get(11)?,
                r.get(12)?,
                r.get(13)?,
                r.get(14)?,
            ))
        })?
        .collect::<super::db::Result<_>>()?;
    let ids: Vec<i64> = found.iter().map(|r| r.0).collect();
    let bundles = journey::bundles(conn, &ids)?;
    // R-BLOCK-3: the same check every save runs, over the day (and the
    // evening before, whose cases may run into it).
    let booked = block::schedule_between(conn, from - TimeDelta::hours(16), to, zone)?;
    let hours = block::room_hours(conn)?;
    let conflicts: Vec<_> = block_conflicts::check(&Schedule { cases: &booked, rooms: &hours, settings })
        .into_iter()
        .filter(|c| ids.iter().any(|id| c.involves(*id)))
        .collect();
    let mut cases = Vec::with_capacity(found.len());
    for (
        case_id,
        version,
        admission_id,
        room_id,
        start,
        minutes,
        patient,
        procedure,
        side_level,
        operator,
        anaesthetist,
        nurse,
    ) in found
    {
        let Some(bundle) = bundles.get(&case_id) else { continue };
        let mut kinds: Vec<_> = conflicts.iter().filter(|c| c.involves(case_id)).map(|c| c.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        cases.push(BlockCase {
            case_id,
            version,
            admission_id,
            room_id,
            start,
            end: start + TimeDelta::minutes(i64::from(minutes)),
            minutes,
            patient,
            procedure,
            side_level,
            operator,
            anaesthetist,
            nurse,
            anaesthesia_mode: bundle.record.mode,
            state: bundle.record.state,
            readiness: readiness::readiness(&bundle.facts(), now, settings).status,
            conflicts: kinds,
            timeline: bundle.timeline.clone(),
        });
    }
    let mut lines = Vec::with_capacity(conflicts.len());
    for conflict in conflicts {
        let text = block::describe(conn, &conflict, &booked, settings)?;
        lines.push(ConflictLine { conflict, text });
    }
    Ok(BlockDay {
        day,
        rooms: rooms(conn, &cases)?,
        cases,
        conflicts: lines,
        turnover_min: settings.integer(settings::TURNOVER_MIN),
        frozen: block_changes::frozen(day, now, settings),
        called_off: super::call_off::counts(conn, from, to)?,
        postponed: postponed(conn)?,
    })
}

/// The most postponed cases the waiting list shows.
const WAITING_MAX: i64 = 100;

/// R-BLOCK-5: the postponed cases, longest waiting (earliest start) first.
fn postponed(conn: &Connection) -> Result<Vec<PostponedCase>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.version, p.id, p.surname, p.first_name, p.birth_date, k.label, c.scheduled_start
         FROM cases c JOIN admissions a ON a.id = c.admission_id JOIN patients p ON p.id = a.patient_id
         JOIN procedure_kinds k ON k.id = c.procedure_kind_id
         WHERE c.state = 'postponed' AND a.state = 'postponed' ORDER BY c.scheduled_start, c.id LIMIT ?1",
    )?;
    let rows = stmt.query_map([WAITING_MAX], |r| {
        Ok(PostponedCase {
            case_id: r.get(0)?,
            version: r.get(1)?,
            patient: super::board::identity(r, 2)?,
            procedure: r.get(6)?,
            was_start: rows::instant(r, 7)?,
        })
    })?;
    Ok(rows.collect::<super::db::Result<_>>()?)
}

/// The seven ward days from `monday`, each as [`day`] reads it (the week view).
pub fn week(conn: &Connection, monday: NaiveDate, now: DateTime<Utc>, settings: &Settings) -> Result<Vec<BlockDay>> {
    (0..7).map(|i| day(conn, monday + chrono::Duration::days(i), now, settings)).collect()
}

impl Store {
    /// [`week`] for this store's ward.
    pub fn block_week(&self, monday: NaiveDate, now: DateTime<Utc>) -> Result<Vec<BlockDay>> {
        week(self.conn(), monday, now, self.settings())
    }

    /// [`day`] for this store's ward.
    pub fn block_day(&self, on: NaiveDate, now: DateTime<Utc>) -> Result<BlockDay> {
        day(self.conn(), on, now, self.settings())
    }
}
