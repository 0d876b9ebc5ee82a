//! The facts behind one ward day's board.

use super::Store;
use super::error::{Result, instant_text};
use super::rows;
use crate::domain::board::{Board, Facts, Slot, Stay};
use crate::domain::case::CaseState;
use crate::domain::identity::Identity;
use crate::domain::pathway::AdmissionState;
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row, params};

impl Store {
    /// The board for `day` as seen at `now`: facts from the file, meaning from `domain`.
    pub fn board(&self, day: NaiveDate, now: DateTime<Utc>) -> Result<Board> {
        let facts = facts(self.conn(), day, self.zone())?;
        Ok(Board::build(day, facts, now, self.settings()))
    }
}

const STAY_COLUMNS: &str = "
    a.id, a.version, p.id, p.surname, p.first_name, p.birth_date, a.state,
    a.planned_admit_on, a.planned_discharge_on, b.label, a.incident,
    (SELECT k.label FROM cases c JOIN procedure_kinds k ON k.id = c.procedure_kind_id
      WHERE c.admission_id = a.id AND c.state NOT IN ('cancelled', 'postponed')
      ORDER BY c.scheduled_start LIMIT 1),
    (SELECT c.scheduled_start FROM cases c
      WHERE c.admission_id = a.id AND c.state NOT IN ('cancelled', 'postponed')
      ORDER BY c.scheduled_start LIMIT 1)
    FROM admissions a
    JOIN patients p ON p.id = a.patient_id
    LEFT JOIN beds b ON b.id = a.bed_id";

pub fn facts(conn: &Connection, day: NaiveDate, zone: chrono_tz::Tz) -> Result<Facts> {
    let day_text = day.to_string();
    let stays = |filter: &str, order: &str, args: &[&dyn rusqlite::ToSql]| -> Result<Vec<Stay>> {
        let sql = format!("SELECT {STAY_COLUMNS} WHERE {filter} ORDER BY {order}");
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(args, |row| stay(row, zone))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    };
    let arrivals = stays(
        "a.planned_admit_on = ?1 AND a.state <> 'cancelled'",
        "a.state <> 'planned', p.surname, p.first_name",
        &[&day_text],
    )?;
    let departures = stays(
        "(a.planned_discharge_on = ?1 AND a.state NOT IN ('cancelled', 'postponed'))
         OR (a.planned_discharge_on < ?1
             AND a.state IN ('admitted', 'procedure_done', 'ready_for_discharge', 'prolonged'))",
        "a.planned_discharge_on, p.surname, p.first_name",
        &[&day_text],
    )?;
    let missed_arrivals = stays(
        "a.state = 'planned' AND a.planned_admit_on < ?1",
        "a.planned_admit_on, p.surname",
        &[&day_text],
    )?;

    let (start, end) = ward_time::day_bounds(day, zone);
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.admission_id, p.id, p.surname, p.first_name, p.birth_date,
                COALESCE(r.name, '-'), c.scheduled_start, c.duration_min, k.label,
                COALESCE(o.display_name, '-'), c.state
         FROM cases c
         JOIN admissions a ON a.id = c.admission_id
         JOIN patients p ON p.id = a.patient_id
         JOIN procedure_kinds k ON k.id = c.procedure_kind_id
         LEFT JOIN rooms r ON r.id = c.room_id
         LEFT JOIN staff o ON o.id = c.operator_id
         WHERE c.scheduled_start >= ?1 AND c.scheduled_start < ?2
         ORDER BY r.name, c.scheduled_start",
    )?;
    let procedures = stmt
        .query_map(params![instant_text(start), instant_text(end)], slot)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Facts {
        arrivals,
        procedures,
        departures,
        missed_arrivals,
    })
}

fn identity(row: &Row<'_>, first: usize) -> rusqlite::Result<Identity> {
    Ok(Identity {
        patient_id: row.get(first)?,
        surname: row.get(first + 1)?,
        first_name: row.get(first + 2)?,
        birth_date: rows::day(row, first + 3)?,
    })
}

fn stay(row: &Row<'_>, zone: chrono_tz::Tz) -> rusqlite::Result<Stay> {
    let state: String = row.get(6)?;
    let start: Option<String> = row.get(12)?;
    Ok(Stay {
        admission_id: row.get(0)?,
        version: row.get(1)?,
        patient: identity(row, 2)?,
        state: AdmissionState::from_code(&state).unwrap_or(AdmissionState::Planned),
        planned_admit_on: rows::day(row, 7)?,
        planned_discharge_on: rows::day(row, 8)?,
        bed: row.get(9)?,
        incident: row.get(10)?,
        procedure: row.get(11)?,
        procedure_day: start
            .as_deref()
            .and_then(rows::parse_instant)
            .map(|t| ward_time::local_day(t, zone)),
    })
}

fn slot(row: &Row<'_>) -> rusqlite::Result<Slot> {
    let state: String = row.get(11)?;
    Ok(Slot {
        case_id: row.get(0)?,
        admission_id: row.get(1)?,
        patient: identity(row, 2)?,
        room: row.get(6)?,
        start: rows::instant(row, 7)?,
        minutes: row.get(8)?,
        procedure: row.get(9)?,
        operator: row.get(10)?,
        state: CaseState::from_code(&state).unwrap_or(CaseState::Planned),
    })
}
