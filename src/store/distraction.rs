//! Distraction cases (R-DO-1), their phase steps (R-DO-7), sessions and
//! rounds with pin grades (R-DO-5). What they mean is decided in
//! `domain::distraction`; here the facts are read and the changes written,
//! all through the one audited write path.

use super::Store;
use super::db::{Connection, OptionalExtension, ToSql};
use super::decode::known;
use super::dialect;
use super::error::{Result, StoreError, instant_text};
use super::rows;
use super::table::Table;
use super::write::WriteTx;
use crate::domain::distraction::alerts::{self, Record, Status};
use crate::domain::distraction::hexapod_log::Sheet;
use crate::domain::distraction::plan::{self, Plan};
use crate::domain::distraction::sheet;
use crate::domain::distraction::{PhaseEvent, PhaseKind, Prescription, Round, SessionDone};
use crate::domain::identity::Identity;
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

/// A new distraction case.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDistraction {
    pub patient_id: i64,
    pub prescription: Prescription,
    /// Turns at home; sessions are reported by phone.
    pub outpatient: bool,
}

/// A distraction case with everything recorded for it.
#[derive(Debug, Clone, PartialEq)]
pub struct DistractionCase {
    pub id: i64,
    pub version: i64,
    pub patient: Identity,
    pub hospital_number: String,
    pub outpatient: bool,
    pub prescription: Prescription,
    /// In the order recorded.
    pub events: Vec<PhaseEvent>,
    /// By day, then session.
    pub sessions: Vec<SessionDone>,
    /// The rounds that count, oldest first: none voided.
    pub rounds: Vec<Round>,
    /// Every round recorded, voided ones too, oldest first: what a round
    /// entered by mistake is chosen from, and the history shows.
    pub round_log: Vec<RoundRecord>,
    /// R-DO-8: a hexapod frame's prescription in force, with its log.
    pub hexapod: Option<Sheet>,
    /// Every phase step recorded, voided ones too, in the order recorded:
    /// what a step entered by mistake is chosen from (R-DO-7). `events`
    /// holds those that count.
    pub step_log: Vec<StepRecord>,
}

/// A phase step as recorded: its number (`periop void step ID` takes it),
/// who recorded it, and why it was voided (R-DO-7: a step entered by
/// mistake stops counting in the plan, the audit keeps it).
#[derive(Debug, Clone, PartialEq)]
pub struct StepRecord {
    pub id: i64,
    pub event: PhaseEvent,
    pub recorded_by: String,
    pub void_reason: Option<String>,
}

/// A round as recorded: its number, who recorded it, and why it was voided
/// (R-DO-5: a round entered by mistake stops counting, the audit keeps it).
#[derive(Debug, Clone, PartialEq)]
pub struct RoundRecord {
    pub id: i64,
    pub round: Round,
    pub recorded_by: String,
    pub void_reason: Option<String>,
}

impl DistractionCase {
    pub fn record(&self) -> Record<'_> {
        Record {
            case_id: self.id,
            prescription: &self.prescription,
            events: &self.events,
            sessions: &self.sessions,
            rounds: &self.rounds,
            hexapod: self.hexapod.as_ref(),
        }
    }

    pub fn plan(&self) -> Plan {
        alerts::plan_of(&self.record())
    }
}

/// One line of the rounds list: the case and its status at the time asked.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundsRow {
    pub case: DistractionCase,
    pub status: Status,
}

pub use super::distraction_sessions::{SessionCorrection, SessionEntry};

/// What a nurse records at a round (R-DO-5): the round itself (its `at` is
/// the save's time) and the sessions of the day done since the last round.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundEntry {
    pub round: Round,
    pub sessions: Vec<SessionEntry>,
}

const CASE_COLUMNS: &str = "d.id, d.version, p.id, p.surname, p.first_name, p.birth_date, p.hospital_number,
    d.outpatient, d.site, d.device, d.mm_per_turn, d.osteotomy_on, d.latency_days, d.rate_mm_day,
    d.sessions_per_day, d.target_mm, d.pins, d.pin_sites";

fn case_row(r: &super::db::Row<'_>) -> super::db::Result<DistractionCase> {
    let id: i64 = r.get(0)?;
    let t = Table::DistractionCases;
    let site: String = r.get(8)?;
    let device: String = r.get(9)?;
    Ok(DistractionCase {
        id,
        version: r.get(1)?,
        patient: Identity {
            patient_id: r.get(2)?,
            surname: r.get(3)?,
            first_name: r.get(4)?,
            birth_date: rows::day(r, 5)?,
        },
        hospital_number: r.get(6)?,
        outpatient: r.get(7)?,
        prescription: Prescription {
            site: known(&site, t, "site", id)?,
            device: known(&device, t, "device", id)?,
            mm_per_turn: r.get(10)?,
            osteotomy_on: rows::day(r, 11)?,
            latency_days: r.get(12)?,
            rate_mm_day: r.get(13)?,
            sessions_per_day: r.get(14)?,
            target_mm: r.get(15)?,
            pins: r.get(16)?,
            pin_sites: r.get(17)?,
        },
        events: Vec::new(),
        sessions: Vec::new(),
        rounds: Vec::new(),
        round_log: Vec::new(),
        hexapod: None,
        step_log: Vec::new(),
    })
}

/// Cases chosen by `filter` (SQL over `d`, with `?1` bound to `arg`, of the
/// type of what it is compared with), with their steps, sessions and rounds:
/// four queries whatever the number of cases.
fn load(conn: &Connection, filter: &str, arg: &dyn ToSql) -> Result<Vec<DistractionCase>> {
    let sql = format!(
        "SELECT {CASE_COLUMNS} FROM distraction_cases d JOIN patients p ON p.id = d.patient_id
         WHERE {filter} ORDER BY p.surname, p.first_name, d.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut cases: Vec<DistractionCase> = stmt.query_map([arg], case_row)?.collect::<super::db::Result<_>>()?;
    if cases.is_empty() {
        return Ok(cases);
    }
    let ids = serde_json::Value::from(cases.iter().map(|c| c.id).collect::<Vec<_>>()).to_string();
    let index: BTreeMap<i64, usize> = cases.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    // When each step was saved: the audit's time of its insert.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.case_id, p.id, p.kind, p.on_day, p.reason, p.rate_mm_day, s.display_name, p.voided_at,
                p.void_reason,
                (SELECT min(a.at) FROM audit a
                 WHERE a.table_name = 'distraction_phases' AND a.row_id = p.id AND a.action = 'insert')
         FROM distraction_phases p JOIN staff s ON s.id = p.recorded_by
         WHERE p.case_id IN ({}) ORDER BY p.id",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let events = stmt.query_map([&ids], |r| {
        let kind: String = r.get(2)?;
        let id: i64 = r.get(1)?;
        let voided: Option<String> = r.get(7)?;
        let recorded_at: Option<String> = r.get(9)?;
        let event = PhaseEvent {
            kind: known(&kind, Table::DistractionPhases, "kind", id)?,
            on: rows::day(r, 3)?,
            reason: r.get(4)?,
            rate_mm_day: r.get(5)?,
            recorded_at: recorded_at.as_deref().and_then(rows::parse_instant),
        };
        // A voided row always has its reason (`void`); an empty one still voids.
        let void_reason = voided.map(|_| r.get::<_, Option<String>>(8)).transpose()?.map(Option::unwrap_or_default);
        Ok((r.get::<_, i64>(0)?, StepRecord { id, event, recorded_by: r.get(6)?, void_reason }))
    })?;
    for row in events {
        let (case_id, record) = row?;
        let case = &mut cases[index[&case_id]];
        // R-DO-7: a voided step counts nowhere; the plan is built without it.
        if record.void_reason.is_none() {
            case.events.push(record.event.clone());
        }
        case.step_log.push(record);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT case_id, day, session, turns, done_at, by_phone, version FROM distraction_sessions
         WHERE case_id IN ({}) ORDER BY day, session",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let sessions = stmt.query_map([&ids], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            SessionDone {
                day: rows::day(r, 1)?,
                session: r.get(2)?,
                turns: r.get(3)?,
                done_at: rows::instant(r, 4)?,
                by_phone: r.get(5)?,
                version: r.get(6)?,
            },
        ))
    })?;
    for row in sessions {
        let (case_id, session) = row?;
        cases[index[&case_id]].sessions.push(session);
    }
    let mut grades: BTreeMap<i64, Vec<u8>> = BTreeMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT g.round_id, g.grade FROM pin_grades g JOIN distraction_rounds r ON r.id = g.round_id
         WHERE r.case_id IN ({}) ORDER BY g.round_id, g.pin",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    for row in stmt.query_map([&ids], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, u8>(1)?)))? {
        let (round_id, grade) = row?;
        grades.entry(round_id).or_default().push(grade);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT r.case_id, r.id, r.at, r.pain, r.sensation, r.motor, r.colour, r.rom_deg, r.mouth_opening_mm,
                r.occlusion_ok, r.temperature_c, r.pin_care_done, r.note, s.display_name, r.voided_at,
                r.void_reason
         FROM distraction_rounds r JOIN staff s ON s.id = r.recorded_by
         WHERE r.case_id IN ({}) ORDER BY r.at, r.id",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let t = Table::DistractionRounds;
    let rounds = stmt.query_map([&ids], |r| {
        let id: i64 = r.get(1)?;
        let (sensation, motor, colour): (String, String, String) = (r.get(4)?, r.get(5)?, r.get(6)?);
        let voided: Option<String> = r.get(14)?;
        let round = Round {
            at: rows::instant(r, 2)?,
            pain: r.get(3)?,
            sensation: known(&sensation, t, "sensation", id)?,
            motor: known(&motor, t, "motor", id)?,
            colour: known(&colour, t, "colour", id)?,
            rom_deg: r.get(7)?,
            mouth_opening_mm: r.get(8)?,
            occlusion_ok: r.get(9)?,
            temperature_c: r.get(10)?,
            pin_grades: grades.get(&id).cloned().unwrap_or_default(),
            pin_care_done: r.get(11)?,
            note: r.get(12)?,
        };
        // A voided row always has its reason (`void`); an empty one still voids.
        let void_reason = voided.map(|_| r.get::<_, Option<String>>(15)).transpose()?.map(Option::unwrap_or_default);
        Ok((r.get::<_, i64>(0)?, RoundRecord { id, round, recorded_by: r.get(13)?, void_reason }))
    })?;
    for row in rounds {
        let (case_id, record) = row?;
        let case = &mut cases[index[&case_id]];
        // R-DO-5: a voided round counts in no alert and no worst grade.
        if record.void_reason.is_none() {
            case.rounds.push(record.round.clone());
        }
        case.round_log.push(record);
    }
    let ids: Vec<i64> = cases.iter().map(|c| c.id).collect();
    for (case_id, sheet) in super::hexapod::current_sheets(conn, &ids)? {
        cases[index[&case_id]].hexapod = Some(sheet);
    }
    Ok(cases)
}

impl Store {
    /// A patient by hospital number, if registered.
    pub fn patient_by_hospital_number(&self, number: &str) -> Result<Option<Identity>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, surname, first_name, birth_date FROM patients WHERE hospital_number = ?1",
                [number.trim()],
                |r| {
                    Ok(Identity {
                        patient_id: r.get(0)?,
                        surname: r.get(1)?,
                        first_name: r.get(2)?,
                        birth_date: rows::day(r, 3)?,
                    })
                },
            )
            .optional()?)
    }

    /// One distraction case with all it records.
    pub fn distraction(&self, case_id: i64) -> Result<DistractionCase> {
        load(self.conn(), "d.id = ?1", &case_id)?
            .pop()
            .ok_or_else(|| StoreError::NotFound(Table::DistractionCases.row(case_id)))
    }

    /// A patient's distraction cases, oldest first.
    pub fn distractions_of(&self, patient_id: i64) -> Result<Vec<DistractionCase>> {
        let mut cases = load(self.conn(), "d.patient_id = ?1", &patient_id)?;
        cases.sort_by_key(|c| c.id);
        Ok(cases)
    }

    /// R-DO-4: the rounds sheet of `day`: every case operated on or before
    /// it and not removed before it, overdue sessions first, judged as
    /// [`sheet::status_on`] says (a day gone by as it ended, a day to come
    /// as planned).
    pub fn rounds(&self, day: NaiveDate, now: DateTime<Utc>) -> Result<Vec<RoundsRow>> {
        rounds_list(self.conn(), day, now, self.zone(), self.settings())
    }

    /// R-DO-1: records a new distraction case; refused when the prescription
    /// cannot be followed. Returns the case's id.
    pub fn add_distraction(&mut self, now: DateTime<Utc>, new: &NewDistraction) -> Result<i64> {
        self.write(now, |tx| add(tx, new))
    }

    /// R-DO-7: records a phase step, refused when the case is not in a phase
    /// it may leave that way. Returns the step's id.
    pub fn record_phase(&mut self, now: DateTime<Utc>, case_id: i64, event: &PhaseEvent) -> Result<i64> {
        self.write(now, |tx| record_phase(tx, case_id, event))
    }

    /// R-DO-5: records a round and the day's sessions done with it. Returns
    /// the round's id.
    pub fn record_round(&mut self, now: DateTime<Utc>, case_id: i64, entry: &RoundEntry) -> Result<i64> {
        self.write(now, |tx| record_round(tx, case_id, entry))
    }
}

pub fn rounds_list(
    conn: &Connection,
    day: NaiveDate,
    now: DateTime<Utc>,
    zone: chrono_tz::Tz,
    settings: &crate::domain::settings::Settings,
) -> Result<Vec<RoundsRow>> {
    let cases = load(
        conn,
        "d.osteotomy_on <= ?1 AND NOT EXISTS (SELECT 1 FROM distraction_phases x
             WHERE x.case_id = d.id AND x.kind = 'removal' AND x.on_day < ?1 AND x.voided_at IS NULL)",
        &day.to_string(),
    )?;
    // R-DO-8: a hexapod frame is judged by the revision in force then.
    let ids: Vec<i64> = cases.iter().filter(|c| c.hexapod.is_some()).map(|c| c.id).collect();
    let judged = sheet::judged_at(day, now, zone);
    let mut in_force = super::hexapod::sheets_as_of(conn, &ids, judged)?;
    let mut rows: Vec<RoundsRow> = cases
        .into_iter()
        .map(|mut case| {
            if case.hexapod.is_some() {
                case.hexapod = in_force.remove(&case.id);
            }
            let status = sheet::status_on(&case.record(), day, now, zone, settings);
            RoundsRow { case, status }
        })
        .collect();
    rows.sort_by(|a, b| alerts::list_order(&a.status, &b.status));
    Ok(rows)
}

pub(super) fn invalid_case(case_id: i64, why: String) -> StoreError {
    StoreError::invalid(Table::DistractionCases.row(case_id), why)
}

pub fn add(tx: &mut WriteTx<'_>, new: &NewDistraction) -> Result<i64> {
    let p = &new.prescription;
    p.validate().map_err(|why| {
        StoreError::invalid(
            tr!("store-the-distraction-prescription"),
            tr!("store-rule", why = why.to_string(), rule = "R-DO-1"),
        )
    })?;
    super::patients::ensure_exists(tx, new.patient_id)?;
    super::stay_order::on_or_after_birth(
        tx,
        &tr!("store-the-distraction-prescription"),
        crate::domain::stay_order::Event::Osteotomy,
        p.osteotomy_on,
        new.patient_id,
    )?;
    tx.insert(
        Table::DistractionCases,
        &[
            ("patient_id", &new.patient_id),
            ("site", &p.site.code()),
            ("device", &p.device.code()),
            ("mm_per_turn", &p.mm_per_turn),
            ("osteotomy_on", &p.osteotomy_on.to_string()),
            ("latency_days", &p.latency_days),
            ("rate_mm_day", &p.rate_mm_day),
            ("sessions_per_day", &p.sessions_per_day),
            ("target_mm", &p.target_mm),
            ("pins", &p.pins),
            ("pin_sites", &p.pin_sites),
            ("outpatient", &new.outpatient),
        ],
    )
}

pub(super) fn loaded(tx: &WriteTx<'_>, case_id: i64) -> Result<DistractionCase> {
    load(tx.conn(), "d.id = ?1", &case_id)?
        .pop()
        .ok_or_else(|| StoreError::NotFound(Table::DistractionCases.row(case_id)))
}

pub fn record_phase(tx: &mut WriteTx<'_>, case_id: i64, event: &PhaseEvent) -> Result<i64> {
    // R-ROLE-1 first: one who may not record a step is told so, not why the
    // step would not fit.
    tx.may(super::permission::change_of(Table::DistractionPhases, true, &[]))?;
    let case = loaded(tx, case_id)?;
    let plan = case.plan();
    let today = ward_time::local_day(tx.at(), tx.zone());
    let refuse = |why: String| invalid_case(case_id, tr!("store-rule", why = why, rule = "R-DO-7").into_owned());
    let (phase, _) = alerts::phase_on(&case.record(), &plan, event.on);
    plan::check_event(phase, &case.events, event.kind, event.on, case.prescription.osteotomy_on, today)
        .map_err(refuse)?;
    // R-PATH-6: an osteotomy stored before the birth date (an old file) does
    // not carry its steps with it.
    crate::domain::stay_order::on_or_after_birth(
        crate::domain::stay_order::Event::DistractionStep,
        event.on,
        case.patient.birth_date,
    )
    .map_err(|f| super::stay_order::refused(&tr!("store-the-distraction-step"), &[f], tx.zone()))?;
    let reason = event.reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
    if event.kind == PhaseKind::Pause && reason.is_none() {
        return Err(refuse(tr!("store-pause-needs-reason").into_owned()));
    }
    if let Some(rate) = event.rate_mm_day {
        if event.kind != PhaseKind::Resume {
            return Err(refuse(tr!("store-only-resume-sets-rate").into_owned()));
        }
        case.prescription.check_rate(rate).map_err(refuse)?;
    }
    let actor = tx.actor_id();
    tx.insert(
        Table::DistractionPhases,
        &[
            ("case_id", &case_id),
            ("kind", &event.kind.code()),
            ("on_day", &event.on.to_string()),
            ("reason", &reason),
            ("rate_mm_day", &event.rate_mm_day),
            ("recorded_by", &actor),
        ],
    )
}

pub fn record_round(tx: &mut WriteTx<'_>, case_id: i64, entry: &RoundEntry) -> Result<i64> {
    let case = loaded(tx, case_id)?;
    let refuse = |why: String| invalid_case(case_id, tr!("store-rule", why = why, rule = "R-DO-5").into_owned());
    entry.round.validate(case.prescription.pins).map_err(refuse)?;
    super::distraction_sessions::record_of(tx, &case, ward_time::local_day(tx.at(), tx.zone()), &entry.sessions)?;
    let at = instant_text(tx.at());
    let r = &entry.round;
    let actor = tx.actor_id();
    let round_id = tx.insert(
        Table::DistractionRounds,
        &[
            ("case_id", &case_id),
            ("at", &at),
            ("pain", &r.pain),
            ("sensation", &r.sensation.code()),
            ("motor", &r.motor.code()),
            ("colour", &r.colour.code()),
            ("rom_deg", &r.rom_deg),
            ("mouth_opening_mm", &r.mouth_opening_mm),
            ("occlusion_ok", &r.occlusion_ok),
            ("temperature_c", &r.temperature_c),
            ("pin_care_done", &r.pin_care_done),
            ("note", &r.note.trim()),
            ("recorded_by", &actor),
        ],
    )?;
    for (i, grade) in r.pin_grades.iter().enumerate() {
        let pin = i as u32 + 1;
        tx.insert(Table::PinGrades, &[("round_id", &round_id), ("pin", &pin), ("grade", grade)])?;
    }
    Ok(round_id)
}
