//! Running `periop rounds` and `periop distraction [add|step]`: arguments
//! read into domain values, the store called, the output made by
//! [`super::distraction`].

use super::args::{DistractionAction, ListFormat};
use super::distraction as out;
use crate::domain::distraction::case::{DEFAULT_RATE, default_latency_days, default_rhythm};
use crate::domain::distraction::{Device, PhaseEvent, PhaseKind, Prescription, Site};
use crate::domain::ward_time;
use crate::store::Store;
use crate::store::distraction::{DistractionCase, NewDistraction};
use chrono::{DateTime, NaiveDate, Utc};
use color_eyre::Result;
use color_eyre::eyre::eyre;

/// A day typed for `option`, `2026-11-23`.
pub fn day(text: &str, option: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| eyre!("{option} {text:?} is not a day; write it like 2026-11-23"))
}

/// `periop rounds`.
pub fn rounds(store: &Store, date: Option<&str>, format: ListFormat, now: DateTime<Utc>) -> Result<String> {
    let day = match date {
        Some(text) => day(text, "--date")?,
        None => ward_time::local_day(now, store.zone()),
    };
    let rows = store.rounds(day, now).map_err(|e| store.explain(e))?;
    Ok(match format {
        ListFormat::Text => out::text(&rows, day),
        ListFormat::Json => out::json(&rows, day, now, store.zone()),
        ListFormat::Csv => out::csv(&rows),
    })
}

/// The patient's distraction case `case_id`, or their latest.
pub fn case_of(store: &Store, patient: &str, case_id: Option<i64>) -> Result<DistractionCase> {
    let who = store
        .patient_by_hospital_number(patient)
        .map_err(|e| store.explain(e))?
        .ok_or_else(|| eyre!("no patient has hospital number {patient:?}; check the number"))?;
    let mut cases = store.distractions_of(who.patient_id).map_err(|e| store.explain(e))?;
    match case_id {
        Some(id) => cases.into_iter().find(|c| c.id == id).ok_or_else(|| {
            eyre!("hospital number {patient:?} has no distraction case #{id}; leave out --case for the latest")
        }),
        None => cases.pop().ok_or_else(|| {
            eyre!("hospital number {patient:?} has no distraction case; record one with `periop distraction add`")
        }),
    }
}

/// `periop distraction [--patient ID] [add|step]`.
pub fn run(
    store: &mut Store,
    patient: Option<&str>,
    case_id: Option<i64>,
    action: Option<DistractionAction>,
    now: DateTime<Utc>,
) -> Result<String> {
    let zone = store.zone();
    let today = ward_time::local_day(now, zone);
    match action {
        None => {
            let patient = patient.ok_or_else(|| eyre!("say whose plan: --patient HOSPITAL_NUMBER"))?;
            Ok(out::plan_text(&case_of(store, patient, case_id)?, today, zone))
        }
        Some(DistractionAction::Add {
            patient,
            site,
            device,
            osteotomy,
            target,
            mm_per_turn,
            latency,
            rate,
            rhythm,
            pins,
            pin_sites,
            outpatient,
        }) => {
            let site = Site::from_code(&site)
                .ok_or_else(|| eyre!("--site {site:?} is not a site; use one of: {}", Site::codes_text()))?;
            let device = Device::from_code(&device)
                .ok_or_else(|| eyre!("--device {device:?} is not a device; use one of: {}", Device::codes_text()))?;
            let who = store
                .patient_by_hospital_number(&patient)
                .map_err(|e| store.explain(e))?
                .ok_or_else(|| eyre!("no patient has hospital number {patient:?}; register the patient first"))?;
            let settings = store.settings();
            let prescription = Prescription {
                site,
                device,
                mm_per_turn,
                osteotomy_on: day(&osteotomy, "--osteotomy")?,
                latency_days: latency
                    .unwrap_or_else(|| u32::try_from(default_latency_days(site, settings)).unwrap_or(7)),
                rate_mm_day: rate.unwrap_or_else(|| settings.number(DEFAULT_RATE)),
                sessions_per_day: rhythm.unwrap_or_else(|| u32::try_from(default_rhythm(site, settings)).unwrap_or(4)),
                target_mm: target,
                pins,
                pin_sites,
            };
            let warning = prescription.rate_warning(prescription.rate_mm_day, settings);
            let new = NewDistraction { patient_id: who.patient_id, prescription, outpatient };
            let id = store.add_distraction(now, &new).map_err(|e| store.explain(e))?;
            let case = store.distraction(id).map_err(|e| store.explain(e))?;
            let plan = case.plan();
            let mut text = format!(
                "recorded distraction case #{id} for {}: {}\ndistraction from {} to {} (R-DO-2)",
                case.patient,
                out::prescription_line(&case.prescription),
                plan.start.format("%d/%m/%Y"),
                plan.end.map_or_else(|| "-".into(), |e| e.format("%d/%m/%Y").to_string())
            );
            if let Some(w) = warning {
                text.push_str(&format!("\n! R-DO-3 {w}"));
            }
            Ok(text)
        }
        Some(DistractionAction::Step { patient, kind, on, reason, rate }) => {
            let kind = PhaseKind::from_code(&kind)
                .ok_or_else(|| eyre!("--kind {kind:?} is not a step; use one of: {}", PhaseKind::codes_text()))?;
            let on = match on {
                Some(text) => day(&text, "--on")?,
                None => today,
            };
            let case = case_of(store, &patient, case_id)?;
            let event = PhaseEvent { kind, on, reason, rate_mm_day: rate, recorded_at: None };
            let id = store.record_phase(now, case.id, &event).map_err(|e| store.explain(e))?;
            Ok(format!(
                "recorded step #{id}: {} on {} for {} (R-DO-7); if it was a mistake: periop void step {id} --reason …",
                kind.label(),
                on.format("%d/%m/%Y"),
                case.patient
            ))
        }
    }
}
