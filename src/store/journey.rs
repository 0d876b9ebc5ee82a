//! Loaders: the stored facts the journey's rules read, for one case or many
//! at once. A list or the board asks for all its cases in one call, which
//! runs a fixed handful of indexed queries whatever the number of rows (no
//! query per row).

use super::db::{Connection, Row, params};
use super::decode::known;
use super::dialect;
use super::error::{Result, StoreError, instant_text};
use super::rows;
use super::table::Table;
use crate::domain::anaesthesia::{AnaesthesiaFacts, Cpa};
use crate::domain::block_timeline::{self, RoomTurn};
use crate::domain::board::CaseInputs;
use crate::domain::case::{AnaesthesiaMode, CaseState};
use crate::domain::checklist::CheckItem;
use crate::domain::discharge::{DischargeFacts, Padss};
use crate::domain::fasting::{FastingCase, IntakeKind, LastIntake, PatientKind};
use crate::domain::journey::{self, BleedingRisk};
use crate::domain::medication::{DrugClass, LabResult, Labs};
use crate::domain::readiness::CaseFacts;
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::collections::{BTreeMap, BTreeSet};

/// A case's own row, with what it needs from its admission, patient and kind.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseRecord {
    pub case_id: i64,
    pub version: i64,
    pub admission_id: i64,
    pub patient_id: i64,
    pub birth_date: NaiveDate,
    pub insulin_treated_diabetic: bool,
    pub state: CaseState,
    pub start: DateTime<Utc>,
    pub minutes: u32,
    pub mode: AnaesthesiaMode,
    pub emergency: bool,
    pub pre_visit_at: Option<DateTime<Utc>>,
    pub bleeding_risk: BleedingRisk,
    pub iodinated_contrast: bool,
    pub planned_admit_on: NaiveDate,
    pub procedure_code: String,
    pub procedure: String,
}

impl CaseRecord {
    /// R-FAST-1: adult or child on the procedure day.
    pub fn patient_kind(&self, zone: Tz) -> PatientKind {
        journey::patient_kind(self.birth_date, ward_time::local_day(self.start, zone))
    }
}

/// Everything loaded for one case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseBundle {
    pub record: CaseRecord,
    pub checks: BTreeSet<CheckItem>,
    pub cpa: Option<Cpa>,
    pub drugs: Vec<DrugClass>,
    pub labs: Labs,
    pub intakes: Vec<LastIntake>,
    /// R-BLOCK-6: the J0 timeline's events recorded (not voided), in order.
    pub timeline: Vec<crate::domain::block_timeline::TimelineEvent>,
    /// R-FAST-4: the cases ahead in the same room in the 24 h before this
    /// one's start (the ward day is kept in [`CaseBundle::fasting`]).
    pub room_ahead: Vec<RoomTurn>,
}

impl CaseBundle {
    /// R-READY-3: the facts readiness is computed from.
    pub fn facts(&self) -> CaseFacts {
        let r = &self.record;
        let mut facts = CaseFacts {
            start: r.start,
            admit_day: r.planned_admit_on,
            emergency: r.emergency,
            rcp_decision: false,
            radiology_consultation: false,
            signed_consent: false,
            anaesthesia: AnaesthesiaFacts { mode: r.mode, cpa: self.cpa.clone(), pre_visit_at: r.pre_visit_at },
            imaging_file: false,
            carte_vitale: false,
            mutuelle_card: false,
            escort: false,
            drugs: self.drugs.clone(),
            medication_plan_reviewed: false,
            iodinated_contrast: r.iodinated_contrast,
            high_bleeding_risk: r.bleeding_risk == BleedingRisk::High,
            labs: self.labs,
        };
        for item in &self.checks {
            item.record(&mut facts, true);
        }
        facts
    }

    /// R-FAST-3..5: the facts the fasting alerts read. The J0 timeline
    /// (R-BLOCK-6) gives the real time the patient went to the room (in
    /// room, or the first later event of the room) once recorded: the fast
    /// ends there. Until then the start expected follows the room's list
    /// that ward day (`block_timeline::expected_start`).
    pub fn fasting(&self, zone: Tz) -> FastingCase {
        let r = &self.record;
        let day = ward_time::local_day(r.start, zone);
        FastingCase {
            case_id: r.case_id,
            patient: r.patient_kind(zone),
            scheduled_start: r.start,
            room_ahead: self
                .room_ahead
                .iter()
                .filter(|t| ward_time::local_day(t.scheduled_start, zone) == day)
                .copied()
                .collect(),
            in_room_at: block_timeline::went_to_room_at(&self.timeline),
            insulin_treated_diabetic: r.insulin_treated_diabetic,
            intakes: self.intakes.clone(),
        }
    }

    pub fn inputs(&self, zone: Tz) -> CaseInputs {
        CaseInputs { state: self.record.state, readiness: self.facts(), fasting: self.fasting(zone) }
    }
}

/// R-READY-3: the facts for one case.
pub fn case_facts(conn: &Connection, case_id: i64) -> Result<CaseFacts> {
    bundles(conn, &[case_id])?
        .remove(&case_id)
        .map(|b| b.facts())
        .ok_or_else(|| StoreError::NotFound(Table::Cases.numbered(case_id)))
}

/// R-READY-3: the facts for many cases at once, by case.
pub fn case_facts_for(conn: &Connection, case_ids: &[i64]) -> Result<BTreeMap<i64, CaseFacts>> {
    Ok(bundles(conn, case_ids)?.into_iter().map(|(id, b)| (id, b.facts())).collect())
}

/// The facts for every case (not cancelled or postponed) starting on the
/// ward days `from` to `to`, both included.
pub fn case_facts_for_days(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    zone: Tz,
) -> Result<BTreeMap<i64, CaseFacts>> {
    let ids = case_ids_for_days(conn, from, to, zone)?;
    case_facts_for(conn, &ids)
}

/// The cases (not cancelled or postponed) starting on the ward days `from` to `to`.
pub fn case_ids_for_days(conn: &Connection, from: NaiveDate, to: NaiveDate, zone: Tz) -> Result<Vec<i64>> {
    let (start, _) = ward_time::day_bounds(from, zone);
    let (_, end) = ward_time::day_bounds(to, zone);
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM cases WHERE scheduled_start >= ?1 AND scheduled_start < ?2
           AND state NOT IN ('cancelled', 'postponed') ORDER BY scheduled_start, id",
    )?;
    let ids = stmt
        .query_map(params![instant_text(start), instant_text(end)], |r| r.get(0))?
        .collect::<super::db::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// The board's rule inputs for these cases.
pub fn case_inputs(conn: &Connection, case_ids: &[i64], zone: Tz) -> Result<BTreeMap<i64, CaseInputs>> {
    Ok(bundles(conn, case_ids)?.into_iter().map(|(id, b)| (id, b.inputs(zone))).collect())
}

fn id_list(ids: impl IntoIterator<Item = i64>) -> String {
    let ids: Vec<i64> = ids.into_iter().collect();
    serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into())
}

pub(super) fn opt_instant(row: &Row<'_>, idx: usize) -> super::db::Result<Option<DateTime<Utc>>> {
    let text: Option<String> = row.get(idx)?;
    Ok(text.as_deref().and_then(rows::parse_instant))
}

pub(super) fn opt_day(row: &Row<'_>, idx: usize) -> super::db::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(idx)?;
    Ok(text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok()))
}

/// The columns [`case_record`] reads, after `FROM` joins named c, a, p, k.
pub(super) const CASE_RECORD_COLUMNS: &str = "c.id, c.version, c.admission_id, a.patient_id, p.birth_date,
    p.insulin_treated_diabetic, c.state, c.scheduled_start, c.duration_min, c.anaesthesia_mode, c.emergency,
    c.pre_visit_at, c.bleeding_risk, c.iodinated_contrast, a.planned_admit_on, k.code, k.label";

pub(super) fn case_record(row: &Row<'_>) -> super::db::Result<CaseRecord> {
    let state: String = row.get(6)?;
    let mode: String = row.get(9)?;
    let risk: String = row.get(12)?;
    Ok(CaseRecord {
        case_id: row.get(0)?,
        version: row.get(1)?,
        admission_id: row.get(2)?,
        patient_id: row.get(3)?,
        birth_date: rows::day(row, 4)?,
        insulin_treated_diabetic: row.get(5)?,
        state: known(&state, Table::Cases, "state", row.get(0)?)?,
        start: rows::instant(row, 7)?,
        minutes: row.get(8)?,
        mode: known(&mode, Table::Cases, "anaesthesia_mode", row.get(0)?)?,
        emergency: row.get(10)?,
        pre_visit_at: opt_instant(row, 11)?,
        bleeding_risk: known(&risk, Table::Cases, "bleeding_risk", row.get(0)?)?,
        iodinated_contrast: row.get(13)?,
        planned_admit_on: rows::day(row, 14)?,
        procedure_code: row.get(15)?,
        procedure: row.get(16)?,
    })
}

/// Loads each case with its checklist, latest consultation, treatments,
/// labs, intakes and timeline: seven queries in all, whatever the number of cases.
pub fn bundles(conn: &Connection, case_ids: &[i64]) -> Result<BTreeMap<i64, CaseBundle>> {
    if case_ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let ids = id_list(case_ids.iter().copied());
    let sql = format!(
        "SELECT {CASE_RECORD_COLUMNS}
         FROM cases c
         JOIN admissions a ON a.id = c.admission_id
         JOIN patients p ON p.id = a.patient_id
         JOIN procedure_kinds k ON k.id = c.procedure_kind_id
         WHERE c.id IN ({})",
        dialect::ids_in(conn.dialect(), "?1")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let records = stmt.query_map([&ids], case_record)?.collect::<super::db::Result<Vec<_>>>()?;
    let mut out: BTreeMap<i64, CaseBundle> = records
        .into_iter()
        .map(|record| {
            (
                record.case_id,
                CaseBundle {
                    record,
                    checks: BTreeSet::new(),
                    cpa: None,
                    drugs: Vec::new(),
                    labs: Labs::default(),
                    intakes: Vec::new(),
                    timeline: Vec::new(),
                    room_ahead: Vec::new(),
                },
            )
        })
        .collect();

    // R-READY-1, -2, R-MED-1: the ticked items.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT case_id, item, id FROM case_checks
         WHERE done = 1 AND case_id IN ({})",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let checks = stmt.query_map([&ids], |r| {
        let item: String = r.get(1)?;
        Ok((r.get::<_, i64>(0)?, known::<CheckItem>(&item, Table::CaseChecks, "item", r.get(2)?)?))
    })?;
    for check in checks {
        let (case_id, item) = check?;
        if let Some(b) = out.get_mut(&case_id) {
            b.checks.insert(item);
        }
    }

    // R-ANES-1..5: the latest consultation counts.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT case_id, held_at, outcome, asa, notes, id FROM anaesthesia_consultations
         WHERE voided_at IS NULL AND case_id IN ({}) ORDER BY case_id, held_at, id",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let cpas = stmt.query_map([&ids], |r| {
        let outcome: String = r.get(2)?;
        let asa: Option<String> = r.get(3)?;
        Ok((
            r.get::<_, i64>(0)?,
            Cpa {
                at: rows::instant(r, 1)?,
                outcome: known(&outcome, Table::AnaesthesiaConsultations, "outcome", r.get(5)?)?,
                asa: asa.and_then(|a| a.parse().ok()),
                notes: r.get(4)?,
            },
        ))
    })?;
    for cpa in cpas {
        let (case_id, cpa) = cpa?;
        if let Some(b) = out.get_mut(&case_id) {
            b.cpa = Some(cpa);
        }
    }

    let patients = id_list(out.values().map(|b| b.record.patient_id).collect::<BTreeSet<_>>());
    let mut by_patient: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for b in out.values() {
        by_patient.entry(b.record.patient_id).or_default().push(b.record.case_id);
    }

    // R-MED-1: active treatments.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT patient_id, drug_class, id FROM treatments
         WHERE active = 1 AND voided_at IS NULL AND patient_id IN ({}) ORDER BY id",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let drugs = stmt.query_map([&patients], |r| {
        let class: String = r.get(1)?;
        Ok((r.get::<_, i64>(0)?, known::<DrugClass>(&class, Table::Treatments, "drug_class", r.get(2)?)?))
    })?;
    for drug in drugs {
        let (patient_id, class) = drug?;
        for case_id in by_patient.get(&patient_id).into_iter().flatten() {
            if let Some(b) = out.get_mut(case_id) {
                b.drugs.push(class);
            }
        }
    }

    // R-MED-2: for each case, the latest INR and platelets taken before its start
    // (or, if none was, the latest at all, which the rule reports as after the start).
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT patient_id, test, value, taken_at FROM lab_results
         WHERE voided_at IS NULL AND patient_id IN ({}) ORDER BY taken_at, id",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let labs = stmt.query_map([&patients], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            LabResult { value: r.get(2)?, taken_at: rows::instant(r, 3)? },
        ))
    })?;
    for lab in labs {
        let (patient_id, test, result) = lab?;
        for case_id in by_patient.get(&patient_id).into_iter().flatten() {
            let Some(b) = out.get_mut(case_id) else { continue };
            let slot = match test.as_str() {
                "inr" => &mut b.labs.inr,
                "platelets" => &mut b.labs.platelets,
                _ => continue,
            };
            let keep_old = slot.is_some_and(|old| old.taken_at <= b.record.start && result.taken_at > b.record.start);
            if !keep_old {
                *slot = Some(result);
            }
        }
    }

    // R-FAST-3: what the patient took during the stay.
    let admissions = id_list(out.values().map(|b| b.record.admission_id).collect::<BTreeSet<_>>());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT admission_id, kind, taken_at, id FROM intakes
         WHERE voided_at IS NULL AND admission_id IN ({}) ORDER BY taken_at, id",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let intakes = stmt.query_map([&admissions], |r| {
        let kind: String = r.get(1)?;
        let kind = known::<IntakeKind>(&kind, Table::Intakes, "kind", r.get(3)?)?;
        Ok((r.get::<_, i64>(0)?, kind, rows::instant(r, 2)?))
    })?;
    let mut by_admission: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for b in out.values() {
        by_admission.entry(b.record.admission_id).or_default().push(b.record.case_id);
    }
    for intake in intakes {
        let (admission_id, kind, at) = intake?;
        for case_id in by_admission.get(&admission_id).into_iter().flatten() {
            if let Some(b) = out.get_mut(case_id) {
                b.intakes.push(LastIntake { kind, at });
            }
        }
    }

    // R-BLOCK-6, R-FAST-4: the J0 timeline.
    for (case_id, events) in super::case_events::of_cases(conn, case_ids)? {
        if let Some(b) = out.get_mut(&case_id) {
            b.timeline = events;
        }
    }
    room_ahead(conn, &ids, &mut out)?;
    Ok(out)
}

/// R-FAST-4: for each case still to go to the room, the cases booked before
/// it in the same room within the 24 h before its start (not cancelled nor
/// postponed), with what their timelines say.
fn room_ahead(conn: &Connection, ids: &str, out: &mut BTreeMap<i64, CaseBundle>) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, o.id, o.scheduled_start, o.duration_min, o.state
         FROM cases c JOIN cases o ON o.room_id = c.room_id AND o.id <> c.id
          AND o.scheduled_start >= {}
          AND (o.scheduled_start < c.scheduled_start OR (o.scheduled_start = c.scheduled_start AND o.id < c.id))
         WHERE c.id IN ({}) AND c.state IN ('planned', 'confirmed')
          AND o.state NOT IN ('cancelled', 'postponed')",
        dialect::day_before(conn.dialect(), "c.scheduled_start"),
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let rows = stmt.query_map([ids], |r| {
        let state: String = r.get(4)?;
        let other: i64 = r.get(1)?;
        Ok((
            r.get::<_, i64>(0)?,
            other,
            rows::instant(r, 2)?,
            r.get::<_, i64>(3)?,
            known::<CaseState>(&state, Table::Cases, "state", other)?,
        ))
    })?;
    let mut ahead: Vec<(i64, i64, DateTime<Utc>, i64, CaseState)> = Vec::new();
    for row in rows {
        ahead.push(row?);
    }
    let others: Vec<i64> = ahead.iter().map(|a| a.1).collect::<BTreeSet<_>>().into_iter().collect();
    let timelines = super::case_events::of_cases(conn, &others)?;
    for (case_id, other, scheduled_start, minutes, state) in ahead {
        let events = timelines.get(&other).map(Vec::as_slice).unwrap_or_default();
        if let Some(b) = out.get_mut(&case_id) {
            b.room_ahead.push(RoomTurn {
                scheduled_start,
                minutes,
                in_room_at: block_timeline::went_to_room_at(events),
                out_of_room_at: block_timeline::out_of_room_at(events),
                finished: state == CaseState::Done,
            });
        }
    }
    Ok(())
}

/// R-DISCH-1: the discharge facts of these admissions (all missing when no
/// check was recorded), by admission.
pub fn discharge_facts_for(conn: &Connection, admission_ids: &[i64]) -> Result<BTreeMap<i64, DischargeFacts>> {
    if admission_ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let ids = id_list(admission_ids.iter().copied());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.id, d.padss_vitals, d.padss_activity, d.padss_pain_nausea, d.padss_bleeding,
                d.padss_intake_output, COALESCE(d.escort, 0), d.letter_given_on,
                COALESCE(d.work_stop_certificate, 0), COALESCE(d.follow_up_appointment, 0),
                (SELECT k.code FROM cases c JOIN procedure_kinds k ON k.id = c.procedure_kind_id
                  WHERE c.admission_id = a.id AND c.state NOT IN ('cancelled', 'postponed')
                  ORDER BY c.scheduled_start LIMIT 1)
         FROM admissions a LEFT JOIN discharge_checks d ON d.admission_id = a.id
         WHERE a.id IN ({})",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let rows = stmt.query_map([&ids], |r| {
        let padss: [Option<u8>; 5] = [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?];
        let code: Option<String> = r.get(10)?;
        Ok((
            r.get::<_, i64>(0)?,
            DischargeFacts {
                padss: padss_of(padss),
                escort: r.get(6)?,
                letter_given_on: opt_day(r, 7)?,
                percutaneous_osteosynthesis: code.as_deref().is_some_and(journey::is_percutaneous_osteosynthesis),
                work_stop_certificate: r.get(8)?,
                follow_up_appointment: r.get(9)?,
            },
        ))
    })?;
    Ok(rows.collect::<super::db::Result<BTreeMap<_, _>>>()?)
}

/// R-DISCH-1: a PADSS counts once all five items are scored.
pub fn padss_of(scores: [Option<u8>; 5]) -> Option<Padss> {
    let [a, b, c, d, e] = scores;
    Padss::new([a?, b?, c?, d?, e?]).ok()
}
