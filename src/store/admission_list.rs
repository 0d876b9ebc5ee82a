//! The Admissions list and one admission's detail: what the Admissions tab
//! and `periop admissions` show. A list is a fixed handful of indexed
//! queries (the rows, then the rules' inputs for all of them at once).

use super::Store;
use super::board::identity;
use super::db::types::Value;
use super::db::{Connection, OptionalExtension, Row};
use super::decode::{known, opt_known};
use super::error::{Result, StoreError};
use super::journey::{self, CaseBundle, opt_instant};
use super::table::Table;
use super::{admissions, checks, consultations, discharge, intakes, labs, treatments};
use crate::domain::anaesthesia;
use crate::domain::case::CaseState;
use crate::domain::discharge as rules;
use crate::domain::fasting;
use crate::domain::journey::{
    AdmissionDetail, AdmissionSummary, CaseView, PatientView, ReadinessSummary, StopView, TreatmentView,
    discharge_missing, fasting_times,
};
use crate::domain::names;
use crate::domain::pathway::AdmissionState;
use crate::domain::readiness;
use crate::domain::settings::Settings;
use crate::domain::ward_time;
use chrono::{DateTime, Days, NaiveDate, Utc};
use std::collections::BTreeMap;

/// What to list. `None` everywhere lists the newest admissions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// Admissions whose stay covers this ward day: planned (admission day to
    /// discharge day) or actual (on the ward now, from the admission day on).
    pub day: Option<NaiveDate>,
    pub state: Option<AdmissionState>,
    /// Part of the surname, first name, hospital number, bed or procedure.
    pub text: Option<String>,
}

/// At most this many rows (newest first when no day is given).
pub const LIST_LIMIT: usize = 500;

/// Planned stays longer than this are found by the day only while on the ward.
pub const LONGEST_PLANNED_STAY_DAYS: u64 = 60;

const SUMMARY_COLUMNS: &str = "
    a.id, a.version, p.id, p.surname, p.first_name, p.birth_date, a.state,
    a.planned_admit_on, a.planned_discharge_on, a.admitted_at, a.discharged_at, a.bed_id, b.label,
    a.incident, c.id, c.version, c.state, k.label, c.scheduled_start, c.anaesthesia_mode, c.emergency,
    c.iodinated_contrast
";

/// An admission with its patient, its bed and its main case (the first one
/// not cancelled or postponed): `a`, `p`, `b`, `c`, `k`.
pub(super) const STAY_WITH_CASE: &str = "
    FROM admissions a
    JOIN patients p ON p.id = a.patient_id
    LEFT JOIN beds b ON b.id = a.bed_id
    LEFT JOIN cases c ON c.id = (
        SELECT c2.id FROM cases c2
        WHERE c2.admission_id = a.id AND c2.state NOT IN ('cancelled', 'postponed')
        ORDER BY c2.scheduled_start LIMIT 1)
    LEFT JOIN procedure_kinds k ON k.id = c.procedure_kind_id";

/// A row before the rules have looked at it.
struct Raw {
    summary: AdmissionSummary,
    iodinated_contrast: bool,
}

fn raw(row: &Row<'_>) -> super::db::Result<Raw> {
    let state: String = row.get(6)?;
    let case_state: Option<String> = row.get(16)?;
    let mode: Option<String> = row.get(19)?;
    let emergency: Option<bool> = row.get(20)?;
    let contrast: Option<bool> = row.get(21)?;
    Ok(Raw {
        summary: AdmissionSummary {
            admission_id: row.get(0)?,
            version: row.get(1)?,
            patient: identity(row, 2)?,
            state: known(&state, Table::Admissions, "state", row.get(0)?)?,
            planned_admit_on: super::rows::day(row, 7)?,
            planned_discharge_on: super::rows::day(row, 8)?,
            admitted_at: opt_instant(row, 9)?,
            discharged_at: opt_instant(row, 10)?,
            bed_id: row.get(11)?,
            bed: row.get(12)?,
            incident: row.get(13)?,
            case_id: row.get(14)?,
            case_version: row.get(15)?,
            case_state: opt_known(case_state.as_deref(), Table::Cases, "state", row.get(14)?)?,
            procedure: row.get(17)?,
            procedure_start: opt_instant(row, 18)?,
            anaesthesia_mode: opt_known(mode.as_deref(), Table::Cases, "anaesthesia_mode", row.get(14)?)?,
            emergency: emergency.unwrap_or(false),
            readiness: None,
            fasting: None,
            stops: Vec::new(),
        },
        iodinated_contrast: contrast.unwrap_or(false),
    })
}

fn to_come(state: Option<CaseState>) -> bool {
    matches!(state, Some(CaseState::Planned | CaseState::Confirmed))
}

/// Reads the rows, then the rules' inputs for the cases still to come, in one batch.
fn summaries(
    conn: &Connection,
    filter: &str,
    order: &str,
    params: &[(&str, Value)],
    now: DateTime<Utc>,
    settings: &Settings,
) -> Result<(Vec<AdmissionSummary>, BTreeMap<i64, CaseBundle>)> {
    let sql = format!("SELECT {SUMMARY_COLUMNS} {STAY_WITH_CASE} WHERE {filter} ORDER BY {order} LIMIT {LIST_LIMIT}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let named: Vec<(&str, &dyn super::db::ToSql)> =
        params.iter().map(|(k, v)| (*k, v as &dyn super::db::ToSql)).collect();
    let rows = stmt.query_map(named.as_slice(), raw)?.collect::<super::db::Result<Vec<_>>>()?;
    let ids: Vec<i64> =
        rows.iter().filter(|r| to_come(r.summary.case_state)).filter_map(|r| r.summary.case_id).collect();
    let bundles = journey::bundles(conn, &ids)?;
    let zone = settings.zone();
    let out = rows
        .into_iter()
        .map(|r| {
            let mut s = r.summary;
            if let Some(b) = s.case_id.and_then(|id| bundles.get(&id)) {
                let facts = b.facts();
                s.readiness = Some(ReadinessSummary::of(&readiness::readiness(&facts, now, settings)));
                s.fasting = fasting_times(b.record.start, b.record.mode, b.record.patient_kind(zone), settings);
                let day = ward_time::local_day(b.record.start, zone);
                s.stops = b.drugs.iter().map(|d| StopView::new(*d, day, r.iodinated_contrast, settings)).collect();
            }
            s
        })
        .collect();
    Ok((out, bundles))
}

/// `periop_fold(text)`: [`names::folded`] in SQL, so a filter matches
/// `Hélène` when `helene` is typed.
fn register_fold(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.file("periop_fold")?.create_scalar_function(
        "periop_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|t| names::folded(&t))),
    )?;
    Ok(())
}

fn like(text: &str) -> String {
    let escaped: String = text
        .trim()
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

/// The Admissions list: each admission with its patient, state, bed,
/// procedure and start, readiness and missing items (R-READY-3), fasting times
/// (R-FAST-1) and stop plans (R-MED-1) for a case still to come. At most
/// [`LIST_LIMIT`] rows.
pub fn list(
    conn: &Connection,
    q: &ListQuery,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Result<Vec<AdmissionSummary>> {
    let today = ward_time::local_day(now, settings.zone());
    let mut filters = vec!["1 = 1".to_string()];
    let mut params: Vec<(&str, Value)> = Vec::new();
    let order = match q.day {
        Some(day) => {
            let since = day.checked_sub_days(Days::new(LONGEST_PLANNED_STAY_DAYS)).unwrap_or(day);
            // A cancelled or postponed stay covers no day, unless that state is asked for.
            let side_exit = matches!(q.state, Some(AdmissionState::Cancelled | AdmissionState::Postponed));
            let staying = if side_exit { "" } else { "AND a.state NOT IN ('cancelled', 'postponed')" };
            filters.push(format!(
                "((a.planned_admit_on BETWEEN :since AND :day AND a.planned_discharge_on >= :day {staying})
                  OR (a.id IN (SELECT id FROM admissions WHERE state IN {on_ward})
                      AND a.planned_admit_on <= :day AND (:day <= a.planned_discharge_on OR :day <= :today)))",
                on_ward = super::decode::ON_WARD_STATES
            ));
            params.push((":since", Value::Text(since.to_string())));
            params.push((":day", Value::Text(day.to_string())));
            params.push((":today", Value::Text(today.to_string())));
            "a.planned_admit_on, p.surname, p.first_name, a.id"
        }
        None => "a.planned_admit_on DESC, a.id DESC",
    };
    if let Some(state) = q.state {
        // Most of the history is discharged: without a day, read the newest by
        // admission day rather than every discharged admission by state.
        // With a day, the day's index finds the few stays: never walk every
        // stay of a state (most of history is discharged). `|| ''` keeps the
        // state's index out of the plan on both engines (same plan as SQLite's `+`).
        let by_state = if state == AdmissionState::Discharged || q.day.is_some() {
            "a.state || '' = :state"
        } else {
            "a.state = :state"
        };
        filters.push(by_state.to_string());
        params.push((":state", Value::Text(state.code().to_string())));
    }
    let words: Vec<String> =
        q.text.as_deref().map(names::folded).unwrap_or_default().split_whitespace().map(String::from).collect();
    if !words.is_empty() {
        register_fold(conn)?;
    }
    let keys: Vec<(String, String)> = (0..words.len()).map(|i| (format!(":w{i}"), format!(":p{i}"))).collect();
    let narrow = q.day.is_some() || q.state.is_some_and(|s| s != AdmissionState::Discharged);
    // Every word must match somewhere, without regard to case or accents: the
    // patient (name, number) through the search index (store/search.rs), the
    // bed and the procedure (small tables) by their folded label.
    for (word, (label, indexed)) in words.iter().zip(&keys) {
        let patient = match super::search::query(word) {
            Some(phrase) => {
                params.push((indexed.as_str(), Value::Text(phrase)));
                format!("a.patient_id IN (SELECT rowid FROM patient_search WHERE patient_search MATCH {indexed})")
            }
            None => "0".to_string(),
        };
        let matching = if narrow {
            // A few rows already: test each one.
            format!(
                "({patient} OR periop_fold(COALESCE(b.label, '') || ' ' || COALESCE(k.label, ''))
                      LIKE {label} ESCAPE '\\')"
            )
        } else {
            // The whole history: match in the small tables first, then only probe each admission.
            format!(
                "({patient}
                  OR a.bed_id IN (SELECT id FROM beds WHERE periop_fold(label) LIKE {label} ESCAPE '\\')
                  OR a.id IN (SELECT admission_id FROM cases WHERE procedure_kind_id IN
                      (SELECT id FROM procedure_kinds WHERE periop_fold(label) LIKE {label} ESCAPE '\\')))"
            )
        };
        filters.push(matching);
        params.push((label.as_str(), Value::Text(like(word))));
    }
    Ok(summaries(conn, &filters.join(" AND "), order, &params, now, settings)?.0)
}

/// Everything the admission's detail screen shows, computed at `now`.
pub fn detail(
    conn: &Connection,
    admission_id: i64,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Result<AdmissionDetail> {
    let zone = settings.zone();
    let today = ward_time::local_day(now, zone);
    let (mut rows, bundles) =
        summaries(conn, "a.id = :id", "a.id", &[(":id", Value::Integer(admission_id))], now, settings)?;
    let admission = rows.pop().ok_or_else(|| StoreError::NotFound(Table::Admissions.numbered(admission_id)))?;
    let patient_id = admission.patient.patient_id;
    let patient = conn.query_row(
        "SELECT sex, hospital_number, insulin_treated_diabetic, version FROM patients WHERE id = ?1",
        [patient_id],
        |r| {
            Ok(PatientView {
                identity: admission.patient.clone(),
                sex: r.get(0)?,
                hospital_number: r.get(1)?,
                insulin_treated_diabetic: r.get(2)?,
                version: r.get(3)?,
            })
        },
    )?;
    let case = match admission.case_id {
        Some(id) => case_view(conn, id)?,
        None => None,
    };
    let bundle = admission.case_id.and_then(|id| bundles.get(&id));
    let readiness = bundle.map(|b| readiness::readiness(&b.facts(), now, settings));
    let gate = bundle.map(|b| {
        let f = b.facts();
        anaesthesia::gate(&f.anaesthesia, f.start, now, settings)
    });
    let fasting_alerts = bundle
        .filter(|b| b.record.mode.needs_anaesthetist())
        .map(|b| fasting::alerts(&b.fasting(zone), now, settings))
        .unwrap_or_default();
    let procedure_day = case.as_ref().map(|c| ward_time::local_day(c.start, zone));
    let contrast = case.as_ref().is_some_and(|c| c.iodinated_contrast);
    let treatments = treatments::list(conn, patient_id)?
        .into_iter()
        .map(|t| TreatmentView {
            treatment_id: t.id,
            version: t.version,
            drug: t.drug,
            label: t.drug.label(),
            active: t.active,
            stop: procedure_day
                .filter(|_| t.active && t.voided.is_none())
                .map(|day| StopView::new(t.drug, day, contrast, settings)),
            voided: t.voided,
        })
        .collect();
    let discharge_missing = if admission.state.is_on_ward() {
        journey::discharge_facts_for(conn, &[admission_id])?
            .get(&admission_id)
            .map(|f| discharge_missing(&rules::missing(f, today)))
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    Ok(AdmissionDetail {
        timeline: admissions::timeline(conn, admission_id)?,
        checklist: match admission.case_id {
            Some(id) => checks::rows(conn, id)?,
            None => Vec::new(),
        },
        consultations: match admission.case_id {
            Some(id) => consultations::for_cases(conn, &[id])?.remove(&id).unwrap_or_default(),
            None => Vec::new(),
        },
        intakes: intakes::list(conn, admission_id)?,
        fasting: admission.fasting,
        labs: labs::list(conn, patient_id)?,
        discharge_check: discharge::check(conn, admission_id)?,
        follow_up_call: discharge::call_of(conn, admission_id, today)?,
        implants: super::stock::implants_of_admission(conn, admission_id)?,
        complications: super::complications::history(conn, patient_id)?,
        ossification: super::ossification::history(conn, patient_id)?
            .into_iter()
            .map(|f| crate::domain::ossification::FollowUpView::on(f, today, settings))
            .collect(),
        patient,
        case,
        readiness,
        gate,
        fasting_alerts,
        treatments,
        discharge_missing,
        admission,
    })
}

fn case_view(conn: &Connection, case_id: i64) -> Result<Option<CaseView>> {
    conn.query_row(
        "SELECT c.id, c.version, c.state, k.label, k.code, c.scheduled_start, c.duration_min, r.name,
                    o.display_name, an.display_name, c.side_level, c.anaesthesia_mode, c.bleeding_risk,
                    c.iodinated_contrast, c.emergency, c.pre_visit_at
             FROM cases c
             JOIN procedure_kinds k ON k.id = c.procedure_kind_id
             LEFT JOIN rooms r ON r.id = c.room_id
             LEFT JOIN staff o ON o.id = c.operator_id
             LEFT JOIN staff an ON an.id = c.anaesthetist_id
             WHERE c.id = ?1",
        [case_id],
        |r| {
            let (state, mode, risk): (String, String, String) = (r.get(2)?, r.get(11)?, r.get(12)?);
            Ok(CaseView {
                case_id: r.get(0)?,
                version: r.get(1)?,
                state: known(&state, Table::Cases, "state", r.get(0)?)?,
                procedure: r.get(3)?,
                procedure_code: r.get(4)?,
                start: super::rows::instant(r, 5)?,
                minutes: r.get(6)?,
                room: r.get(7)?,
                operator: r.get(8)?,
                anaesthetist: r.get(9)?,
                side_level: r.get(10)?,
                anaesthesia_mode: known(&mode, Table::Cases, "anaesthesia_mode", r.get(0)?)?,
                bleeding_risk: known(&risk, Table::Cases, "bleeding_risk", r.get(0)?)?,
                iodinated_contrast: r.get(13)?,
                emergency: r.get(14)?,
                pre_visit_at: opt_instant(r, 15)?,
                next_event: None,
            })
        },
    )
    .optional()?
    .map(|mut view| -> Result<CaseView> {
        let events = super::case_events::of_case(conn, case_id)?;
        view.next_event = crate::domain::block_timeline::next_kind(&events).ok();
        Ok(view)
    })
    .transpose()
}

impl Store {
    /// [`list`] at `now`. Errors: [`StoreError::SearchDamaged`] when a text
    /// filter meets a damaged `patient_search` (`periop reindex` mends it).
    pub fn admissions(&self, q: &ListQuery, now: DateTime<Utc>) -> Result<Vec<AdmissionSummary>> {
        list(self.conn(), q, now, self.settings())
            .map_err(|e| super::search::damaged_index(self.path(), "patient_search", e))
    }

    /// [`detail`] at `now`.
    pub fn admission(&self, admission_id: i64, now: DateTime<Utc>) -> Result<AdmissionDetail> {
        detail(self.conn(), admission_id, now, self.settings())
    }
}
