//! Anaesthesia consultations (R-ANES-1..5) and the list of cases whose
//! consultation needs attention.

use super::Store;
use super::board::identity;
use super::checks::case_state;
use super::db::{Connection, OptionalExtension, params};
use super::decode::known;
use super::dialect;
use super::error::{Result, StoreError, instant_text};
use super::intakes::not_in_future;
use super::journey;
use super::table::Table;
use super::write::WriteTx;
use crate::domain::anaesthesia::{self, AsaClass, CpaOutcome, Issue};
use crate::domain::case::AnaesthesiaMode;
use crate::domain::identity::Identity;
use crate::domain::journey::{ConsultationDue, ConsultationView};
use crate::domain::settings::Settings;
use crate::domain::stay_order::Event;
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::collections::BTreeMap;

/// R-ANES-4, R-ANES-5: a consultation as the anaesthetist records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConsultation {
    pub case_id: i64,
    pub held_at: DateTime<Utc>,
    pub anaesthetist_id: Option<i64>,
    pub asa: Option<AsaClass>,
    pub planned_mode: AnaesthesiaMode,
    pub outcome: CpaOutcome,
    pub notes: Option<String>,
}

/// R-ANES-1..5: records a consultation for a case; the latest one counts.
/// A refusal must say why (R-ANES-5). Returns the consultation's id.
pub fn record(tx: &mut WriteTx<'_>, c: &NewConsultation) -> Result<i64> {
    case_state(tx.conn(), c.case_id)?;
    let what = tr!("store-the-consultation").into_owned();
    not_in_future(tx, c.held_at, &what, Event::Consultation, super::stay_order::Subject::Case(c.case_id))?;
    if let Some(id) = c.anaesthetist_id {
        let known = tx.conn().query_row("SELECT 1 FROM staff WHERE id = ?1", [id], |_| Ok(())).optional()?;
        if known.is_none() {
            return Err(StoreError::invalid(
                tr!("store-staff-numbered", what = tr!("store-anaesthetist"), id = id),
                tr!("store-no-such-staff-member"),
            ));
        }
    }
    let notes = c.notes.as_deref().map(str::trim).filter(|n| !n.is_empty());
    if c.outcome == CpaOutcome::Refused && notes.is_none() {
        return Err(StoreError::invalid(what, tr!("store-refusal-needs-notes")));
    }
    let asa = c.asa.map(|a| a.to_string());
    tx.insert(
        Table::AnaesthesiaConsultations,
        &[
            ("case_id", &c.case_id),
            ("held_at", &instant_text(c.held_at)),
            ("anaesthetist_id", &c.anaesthetist_id),
            ("asa", &asa),
            ("planned_mode", &c.planned_mode.code()),
            ("outcome", &c.outcome.code()),
            ("notes", &notes),
        ],
    )
}

/// Every consultation of these cases, oldest first, by case.
pub fn for_cases(conn: &Connection, case_ids: &[i64]) -> Result<BTreeMap<i64, Vec<ConsultationView>>> {
    let ids = serde_json::to_string(case_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.case_id, c.id, c.version, c.held_at, s.display_name, c.asa, c.planned_mode, c.outcome, c.notes,
                c.void_reason
         FROM anaesthesia_consultations c LEFT JOIN staff s ON s.id = c.anaesthetist_id
         WHERE c.case_id IN ({}) ORDER BY c.case_id, c.held_at, c.id",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let rows = stmt.query_map([&ids], |r| {
        let asa: Option<String> = r.get(5)?;
        let mode: String = r.get(6)?;
        let outcome: String = r.get(7)?;
        Ok((
            r.get::<_, i64>(0)?,
            ConsultationView {
                consultation_id: r.get(1)?,
                version: r.get(2)?,
                held_at: super::rows::instant(r, 3)?,
                anaesthetist: r.get(4)?,
                asa: asa.and_then(|a| a.parse().ok()),
                planned_mode: known(&mode, Table::AnaesthesiaConsultations, "planned_mode", r.get(1)?)?,
                outcome: known(&outcome, Table::AnaesthesiaConsultations, "outcome", r.get(1)?)?,
                notes: r.get(8)?,
                voided: r.get(9)?,
            },
        ))
    })?;
    let mut out: BTreeMap<i64, Vec<ConsultationView>> = BTreeMap::new();
    for row in rows {
        let (case_id, view) = row?;
        out.entry(case_id).or_default().push(view);
    }
    Ok(out)
}

/// R-ANES-1, -2, -5: upcoming cases under anaesthesia (from the ward day
/// `from_day`, not cancelled, postponed or done) whose consultation is
/// missing, pending, refused, too late (under `anes.cpa_min_delay_h`) or too
/// old (over `anes.cpa_validity_days`), soonest procedure first. The
/// judgement is `domain::anaesthesia::gate`'s.
pub fn worklist(
    conn: &Connection,
    from_day: NaiveDate,
    now: DateTime<Utc>,
    zone: Tz,
    settings: &Settings,
) -> Result<Vec<ConsultationDue>> {
    let (from, _) = ward_time::day_bounds(from_day, zone);
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.version, c.admission_id, k.label, p.id, p.surname, p.first_name, p.birth_date
         FROM cases c
         JOIN admissions a ON a.id = c.admission_id
         JOIN patients p ON p.id = a.patient_id
         JOIN procedure_kinds k ON k.id = c.procedure_kind_id
         WHERE c.scheduled_start >= ?1 AND c.state IN ('planned', 'confirmed') AND c.anaesthesia_mode <> 'local'
         ORDER BY c.scheduled_start, c.id",
    )?;
    let upcoming = stmt
        .query_map(params![instant_text(from)], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get::<_, String>(3)?, identity(r, 4)?))
        })?
        .collect::<super::db::Result<Vec<(i64, i64, i64, String, Identity)>>>()?;
    let ids: Vec<i64> = upcoming.iter().map(|u| u.0).collect();
    let bundles = journey::bundles(conn, &ids)?;
    let mut views = for_cases(conn, &ids)?;
    let mut out = Vec::new();
    for (case_id, case_version, admission_id, procedure, patient) in upcoming {
        let Some(bundle) = bundles.get(&case_id) else { continue };
        let facts = bundle.facts();
        let gate = anaesthesia::gate(&facts.anaesthesia, facts.start, now, settings);
        let findings: Vec<_> = gate.findings().into_iter().filter(|f| f.issue != Issue::NoPreVisit).cloned().collect();
        if findings.is_empty() {
            continue;
        }
        out.push(ConsultationDue {
            case_id,
            case_version,
            admission_id,
            patient,
            procedure,
            start: facts.start,
            anaesthesia_mode: facts.anaesthesia.mode,
            latest: views.get_mut(&case_id).and_then(Vec::pop),
            findings,
        });
    }
    Ok(out)
}

impl Store {
    /// [`worklist`] from the ward day `from_day`.
    pub fn consultation_worklist(&self, from_day: NaiveDate, now: DateTime<Utc>) -> Result<Vec<ConsultationDue>> {
        worklist(self.conn(), from_day, now, self.zone(), self.settings())
    }
}
