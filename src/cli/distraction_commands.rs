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

/// A day typed for `option`: `23/11/2026` or `2026-11-23` ([`crate::domain::day_label::parse_day`]).
pub fn day(text: &str, option: &str) -> Result<NaiveDate> {
    crate::domain::day_label::parse_day(text)
        .map_err(|_| eyre!("{}", tr!("cli-not-a-day", option = option, text = format!("{text:?}"))))
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
        .ok_or_else(|| eyre!("{}", tr!("cli-stock-no-patient", number = format!("{patient:?}"))))?;
    let mut cases = store.distractions_of(who.patient_id).map_err(|e| store.explain(e))?;
    match case_id {
        Some(id) => cases
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| eyre!("{}", tr!("cli-distraction-no-case-id", number = format!("{patient:?}"), id = id))),
        None => cases.pop().ok_or_else(|| eyre!("{}", tr!("cli-distraction-no-case", number = format!("{patient:?}")))),
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
            let patient = patient.ok_or_else(|| eyre!("{}", tr!("cli-distraction-whose")))?;
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
            let site = Site::from_code(&site).ok_or_else(|| {
                eyre!("{}", tr!("cli-distraction-not-a-site", site = format!("{site:?}"), codes = Site::codes_text()))
            })?;
            let device = Device::from_code(&device).ok_or_else(|| {
                let device = format!("{device:?}");
                eyre!("{}", tr!("cli-distraction-not-a-device", device = device, codes = Device::codes_text()))
            })?;
            let who = store
                .patient_by_hospital_number(&patient)
                .map_err(|e| store.explain(e))?
                .ok_or_else(|| eyre!("{}", tr!("cli-distraction-register-first", number = format!("{patient:?}"))))?;
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
            let recorded = tr!(
                "cli-distraction-recorded",
                id = id,
                patient = case.patient.to_string(),
                prescription = out::prescription_line(&case.prescription)
            );
            let from_to = tr!(
                "cli-plan-from-to",
                from = plan.start.format("%d/%m/%Y").to_string(),
                to = plan.end.map_or_else(|| "-".into(), |e| e.format("%d/%m/%Y").to_string())
            );
            let mut text = format!("{recorded}\n{from_to}");
            if let Some(w) = warning {
                text.push_str(&format!("\n! R-DO-3 {w}"));
            }
            Ok(text)
        }
        Some(DistractionAction::Step { patient, kind, on, reason, rate }) => {
            let kind = PhaseKind::from_code(&kind).ok_or_else(|| {
                let kind = format!("{kind:?}");
                eyre!("{}", tr!("cli-distraction-not-a-step", kind = kind, codes = PhaseKind::codes_text()))
            })?;
            let on = match on {
                Some(text) => day(&text, "--on")?,
                None => today,
            };
            let case = case_of(store, &patient, case_id)?;
            let event = PhaseEvent { kind, on, reason, rate_mm_day: rate, recorded_at: None };
            let id = store.record_phase(now, case.id, &event).map_err(|e| store.explain(e))?;
            Ok(tr!(
                "cli-distraction-step-recorded",
                id = id,
                kind = kind.label(),
                day = on.format("%d/%m/%Y").to_string(),
                patient = case.patient.to_string()
            )
            .into_owned())
        }
    }
}
