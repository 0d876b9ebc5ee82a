//! The facts behind one ward day's board. A fixed number of indexed queries
//! whatever the size of the history: the day's stays and cases, then the
//! rules' inputs for all of them at once (no query per row).

use super::Store;
use super::admission_list::STAY_WITH_CASE;
use super::db::{Connection, Row, params};
use super::decode::{known, opt_known};
use super::error::{Result, instant_text};
use super::table::Table;
use super::{discharge, journey, rows};
use crate::domain::beds::{self, BedState};
use crate::domain::board::{AheadCase, Board, DistractionFlags, Facts, RuleInputs, Slot, Stay};
use crate::domain::identity::Identity;
use crate::domain::medication::DrugClass;
use crate::domain::pathway::AdmissionState;
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

impl Store {
    /// The board for `day` as seen at `now`: facts from the file, meaning from `domain`.
    pub fn board(&self, day: NaiveDate, now: DateTime<Utc>) -> Result<Board> {
        let mut facts = facts(self.conn(), day, self.zone())?;
        // R-DO-6: a round's alerts, as of the clock (not for a day to come).
        if day <= ward_time::local_day(now, self.zone()) {
            facts.distraction = self
                .rounds(day, now)?
                .into_iter()
                .filter(|r| !r.status.alerts.is_empty())
                .map(|r| DistractionFlags { case_id: r.case.id, patient: r.case.patient, alerts: r.status.alerts })
                .collect();
        }
        // R-COMP-1, R-HO-1: open complications and follow-ups due, as of
        // the day shown (never a day to come).
        let today = ward_time::local_day(now, self.zone());
        if day <= today {
            facts.patient_alerts = super::follow_up::patient_alerts(self.conn(), day, self.settings())?;
        }
        // R-STOCK-4: the stock as it is now, on today's board.
        if day == ward_time::local_day(now, self.zone()) {
            facts.stock = self.stock_alerts(day)?;
            facts.stock_cases = super::stock::alert_cases(self.conn(), &facts.stock)?;
        }
        Ok(Board::build(day, facts, now, self.settings()))
    }
}

/// The stay's columns; its case is the first one not cancelled or postponed.
const STAY_COLUMNS: &str = "
    a.id, a.version, p.id, p.surname, p.first_name, p.birth_date, a.state,
    a.planned_admit_on, a.planned_discharge_on, b.label, a.incident, k.label,
    c.scheduled_start, c.id, c.anaesthesia_mode, b.state, a.bed_id
";

pub fn facts(conn: &Connection, day: NaiveDate, zone: Tz) -> Result<Facts> {
    let day_text = day.to_string();
    let stays = |filter: &str, order: &str| -> Result<Vec<Stay>> {
        let sql = format!("SELECT {STAY_COLUMNS} {STAY_WITH_CASE} WHERE {filter} ORDER BY {order}");
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([&day_text], |row| stay(row, zone, day))?;
        Ok(rows.collect::<super::db::Result<Vec<_>>>()?)
    };
    let arrivals =
        stays("a.planned_admit_on = ?1 AND a.state <> 'cancelled'", "a.state <> 'planned', p.surname, p.first_name")?;
    // Two indexed halves: planned to leave on the day, and still here after the planned day.
    let departures = stays(
        &format!(
            "a.id IN (
            SELECT id FROM admissions WHERE planned_discharge_on = ?1 AND state NOT IN ('cancelled', 'postponed')
            UNION
            SELECT id FROM admissions WHERE state IN {} AND planned_discharge_on < ?1)",
            super::decode::ON_WARD_STATES
        ),
        "a.planned_discharge_on, p.surname, p.first_name",
    )?;
    let missed_arrivals = stays("a.state = 'planned' AND a.planned_admit_on < ?1", "a.planned_admit_on, p.surname")?;

    let (start, end) = ward_time::day_bounds(day, zone);
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.admission_id, p.id, p.surname, p.first_name, p.birth_date,
                COALESCE(r.name, '-'), c.scheduled_start, c.duration_min, k.label,
                COALESCE(o.display_name, '-'), c.state, c.anaesthesia_mode, c.emergency,
                a.state, b.label, b.state, a.planned_admit_on, a.planned_discharge_on, a.bed_id
         FROM cases c
         JOIN admissions a ON a.id = c.admission_id
         JOIN patients p ON p.id = a.patient_id
         JOIN procedure_kinds k ON k.id = c.procedure_kind_id
         LEFT JOIN rooms r ON r.id = c.room_id
         LEFT JOIN staff o ON o.id = c.operator_id
         LEFT JOIN beds b ON b.id = a.bed_id
         WHERE c.scheduled_start >= ?1 AND c.scheduled_start < ?2
         ORDER BY r.name, c.scheduled_start",
    )?;
    let mut procedures = stmt
        .query_map(params![instant_text(start), instant_text(end)], |row| slot(row, day))?
        .collect::<super::db::Result<Vec<_>>>()?;
    // R-BLOCK-6: where each patient of the day is now (the J0 timeline).
    let ids: Vec<i64> = procedures.iter().map(|p| p.case_id).collect();
    let mut timelines = super::case_events::of_cases(conn, &ids)?;
    for p in &mut procedures {
        p.where_now = timelines.remove(&p.case_id).and_then(|t| crate::domain::block_timeline::where_now(&t).copied());
    }

    // The rules' inputs: the day's cases and the arrivals' (tomorrow's), in one batch.
    let mut case_ids: Vec<i64> = procedures.iter().map(|p| p.case_id).collect();
    case_ids.extend(arrivals.iter().chain(&missed_arrivals).filter_map(|s| s.case_id));
    case_ids.sort_unstable();
    case_ids.dedup();
    let on_ward: Vec<i64> = departures.iter().filter(|s| s.state.is_on_ward()).map(|s| s.admission_id).collect();
    // R-MED-3: the cases of the days after, of patients on a treatment to
    // stop (one indexed range of the schedule).
    let ahead_end = ward_time::day_bounds(
        day.checked_add_days(chrono::Days::new(DrugClass::LONGEST_STOP_DAYS)).unwrap_or(day),
        zone,
    )
    .0;
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, a.id, p.id, p.surname, p.first_name, p.birth_date
         FROM cases c JOIN admissions a ON a.id = c.admission_id JOIN patients p ON p.id = a.patient_id
         WHERE c.scheduled_start >= ?1 AND c.scheduled_start < ?2
           AND EXISTS (SELECT 1 FROM treatments t WHERE t.patient_id = a.patient_id
                       AND t.active = 1 AND t.voided_at IS NULL)",
    )?;
    let ahead_cases: Vec<AheadCase> = stmt
        .query_map(params![instant_text(end), instant_text(ahead_end)], |row| {
            Ok(AheadCase { case_id: row.get(0)?, admission_id: row.get(1)?, patient: identity(row, 2)? })
        })?
        .collect::<super::db::Result<Vec<_>>>()?
        .into_iter()
        .filter(|a| case_ids.binary_search(&a.case_id).is_err())
        .collect();
    let ahead: Vec<i64> = ahead_cases.iter().map(|a| a.case_id).collect();
    let inputs = RuleInputs {
        cases: journey::case_inputs(conn, &case_ids, zone)?,
        discharges: journey::discharge_facts_for(conn, &on_ward)?,
        stops_ahead: journey::case_inputs(conn, &ahead, zone)?,
    };
    Ok(Facts {
        arrivals,
        procedures,
        departures,
        missed_arrivals,
        follow_up_calls: discharge::calls_due(conn, day)?,
        inputs,
        distraction: Vec::new(),
        stock: Vec::new(),
        patient_alerts: Vec::new(),
        ahead: ahead_cases,
        stock_cases: Vec::new(),
    })
}

pub(super) fn identity(row: &Row<'_>, first: usize) -> super::db::Result<Identity> {
    Ok(Identity {
        patient_id: row.get(first)?,
        surname: row.get(first + 1)?,
        first_name: row.get(first + 2)?,
        birth_date: rows::day(row, first + 3)?,
    })
}

/// R-PATH-4: the bed's status for the night of `day`; a free bed is reserved
/// when a planned admission holds it that night.
fn bed_status(
    (physical, bed_id): (Option<String>, Option<i64>),
    state: AdmissionState,
    admit: NaiveDate,
    discharge: NaiveDate,
    day: NaiveDate,
) -> super::db::Result<Option<beds::BedStatus>> {
    let Some(physical) = opt_known::<BedState>(physical.as_deref(), Table::Beds, "state", bed_id)? else {
        return Ok(None);
    };
    let held = state == AdmissionState::Planned && admit <= day && day < discharge;
    Ok(Some(beds::status(physical, held)))
}

fn stay(row: &Row<'_>, zone: Tz, day: NaiveDate) -> super::db::Result<Stay> {
    let state: String = row.get(6)?;
    let state = known(&state, Table::Admissions, "state", row.get(0)?)?;
    let start: Option<String> = row.get(12)?;
    let start = start.as_deref().and_then(rows::parse_instant);
    let mode: Option<String> = row.get(14)?;
    let (admit, discharge) = (rows::day(row, 7)?, rows::day(row, 8)?);
    Ok(Stay {
        admission_id: row.get(0)?,
        version: row.get(1)?,
        patient: identity(row, 2)?,
        state,
        planned_admit_on: admit,
        planned_discharge_on: discharge,
        bed: row.get(9)?,
        incident: row.get(10)?,
        procedure: row.get(11)?,
        procedure_day: start.map(|t| ward_time::local_day(t, zone)),
        case_id: row.get(13)?,
        procedure_start: start,
        anaesthesia_mode: opt_known(mode.as_deref(), Table::Cases, "anaesthesia_mode", row.get(13)?)?,
        bed_status: bed_status((row.get(15)?, row.get(16)?), state, admit, discharge, day)?,
        readiness: None,
        fasting: None,
        discharge: None,
    })
}

fn slot(row: &Row<'_>, day: NaiveDate) -> super::db::Result<Slot> {
    let state: String = row.get(11)?;
    let mode: String = row.get(12)?;
    let stay_state: String = row.get(14)?;
    let stay_state = known(&stay_state, Table::Admissions, "state", row.get(1)?)?;
    Ok(Slot {
        case_id: row.get(0)?,
        admission_id: row.get(1)?,
        patient: identity(row, 2)?,
        room: row.get(6)?,
        start: rows::instant(row, 7)?,
        minutes: row.get(8)?,
        procedure: row.get(9)?,
        operator: row.get(10)?,
        state: known(&state, Table::Cases, "state", row.get(0)?)?,
        anaesthesia_mode: known(&mode, Table::Cases, "anaesthesia_mode", row.get(0)?)?,
        emergency: row.get(13)?,
        admission_state: stay_state,
        bed: row.get(15)?,
        where_now: None,
        bed_status: bed_status(
            (row.get(16)?, row.get(19)?),
            stay_state,
            rows::day(row, 17)?,
            rows::day(row, 18)?,
            day,
        )?,
        readiness: None,
        fasting: None,
    })
}
