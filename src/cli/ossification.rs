//! `periop ossification --patient HOSPNUM`, `add` and `xray` (R-HO-1): a
//! patient's heterotopic ossification follow-ups with the prophylaxis, its
//! timing, the X-ray check due (`cfg ho.followup_months`) and its Brooker
//! grade. JSON is stable: keys are only ever added.

use super::args::{Format, OssificationAction};
use super::complications::{day, patient};
use crate::domain::ossification::{self, Brooker, Prophylaxis, ProphylaxisKind};
use crate::domain::settings::Settings;
use crate::domain::ward_time;
use crate::store::Store;
use crate::store::ossification::{self as store_ho, FollowUpRow, NewFollowUp};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use color_eyre::Result;
use color_eyre::eyre::eyre;
use serde::Serialize;
use std::fmt::Write;

pub const JSON_SCHEMA: u32 = 1;

/// A typed instant: `2026-11-23T08:12` (ward time) or `…Z` (UTC).
fn instant(text: &str, option: &str, zone: Tz) -> Result<DateTime<Utc>> {
    // The parse error already gives the example (found in use: it was given twice).
    crate::app::clock::NowArg::parse(text).map(|t| t.resolve(zone)).map_err(|e| eyre!("{option} {e}"))
}

/// `periop ossification [--patient HOSPNUM] [add|xray]`.
pub fn run(
    store: &mut Store,
    number: Option<&str>,
    format: Format,
    action: Option<OssificationAction>,
    now: DateTime<Utc>,
) -> Result<String> {
    let zone = store.zone();
    let today = ward_time::local_day(now, zone);
    match action {
        None => {
            let number = number.ok_or_else(|| eyre!("say whose follow-up: --patient HOSPITAL_NUMBER"))?;
            let who = patient(store, number)?;
            let rows = store.ossification_of(who.patient_id).map_err(|e| store.explain(e))?;
            Ok(match format {
                Format::Json => json(&rows, now, store.settings()),
                Format::Text => text(&rows, &who.to_string(), today, store.settings()),
            })
        }
        Some(OssificationAction::Add {
            patient: number,
            case_id,
            surgery,
            prophylaxis,
            given,
            dose,
            drug,
            days,
            reason,
        }) => {
            let surgery_at = instant(&surgery, "--surgery", zone)?;
            let kind = ProphylaxisKind::from_code(prophylaxis.trim()).ok_or_else(|| {
                eyre!("--prophylaxis {prophylaxis:?} is not one; use one of: {}", ProphylaxisKind::codes_text())
            })?;
            // Found in use: `--prophylaxis none --dose 7` was accepted and the
            // dose dropped; an option the kind does not record is refused.
            if dose.is_some() && kind != ProphylaxisKind::Radiotherapy {
                return Err(eyre!(
                    "--dose is a radiotherapy's; a prophylaxis {:?} has no dose: leave --dose out, or say \
                     --prophylaxis radiotherapy",
                    kind.code()
                ));
            }
            if given.is_some() && kind == ProphylaxisKind::None {
                return Err(eyre!("--given is when a prophylaxis was given; with --prophylaxis none, leave it out"));
            }
            let given = match given {
                Some(text) => instant(&text, "--given", zone)?,
                None => surgery_at,
            };
            let prophylaxis = match kind {
                ProphylaxisKind::None => Prophylaxis::None,
                ProphylaxisKind::Nsaid => Prophylaxis::Nsaid { drug, from: given, days },
                ProphylaxisKind::Radiotherapy => Prophylaxis::Radiotherapy {
                    at: given,
                    dose_gy: dose
                        .ok_or_else(|| eyre!("a radiotherapy needs its dose: --dose GY (one dose of 7-8 Gy)"))?,
                },
            };
            let who = patient(store, &number)?;
            let words = prophylaxis.words(zone);
            let new =
                NewFollowUp { patient_id: who.patient_id, case_id, surgery_at, prophylaxis, timing_reason: reason };
            let (id, warnings) = store.write(now, |tx| store_ho::record(tx, &new)).map_err(|e| store.explain(e))?;
            let months = ossification::followup_months(store.settings());
            let due = ossification::xray_due_by(surgery_at, store.settings());
            let mut out = format!(
                "recorded ossification follow-up #{id} for {who}: {words}; X-ray check due {} ({}={months} months, R-HO-1)",
                due.format("%d/%m/%Y"),
                ossification::FOLLOWUP_MONTHS
            );
            for w in warnings {
                let _ = write!(out, "\n! {w}");
            }
            Ok(out)
        }
        Some(OssificationAction::Xray { id, on, brooker }) => {
            let grade = Brooker::parse(&brooker)
                .ok_or_else(|| eyre!("--brooker {brooker:?} is not a Brooker grade; use 0, I, II, III or IV"))?;
            let on = match on {
                Some(text) => day(&text, "--on")?,
                None => today,
            };
            store.write(now, |tx| store_ho::record_xray(tx, id, None, on, grade)).map_err(|e| store.explain(e))?;
            Ok(format!(
                "recorded the X-ray check of follow-up #{id} on {}: Brooker {} (R-HO-1)",
                on.format("%d/%m/%Y"),
                grade.label()
            ))
        }
    }
}

pub fn text(rows: &[FollowUpRow], who: &str, today: chrono::NaiveDate, settings: &Settings) -> String {
    let zone = settings.zone();
    let mut out = format!("Heterotopic ossification follow-up of {who} ({})\n", rows.len());
    for r in rows {
        let f = &r.follow_up;
        let surgery = f.surgery_at.with_timezone(&zone).format("%d/%m/%Y %H:%M");
        let _ = writeln!(out, "  #{:<4} surgery {surgery}: {}", f.follow_up_id, f.prophylaxis.words(zone));
        if let Some(reason) = &f.timing_reason {
            let _ = writeln!(out, "        recorded outside the window because: {reason}");
        }
        match (f.xray_on, f.brooker) {
            (Some(on), grade) => {
                let grade = grade.map_or_else(|| "-".into(), Brooker::label);
                let _ = writeln!(out, "        X-ray {}: Brooker {grade}", on.format("%d/%m/%Y"));
            }
            (None, _) => {
                let _ = writeln!(out, "        X-ray check due {}", f.xray_due(settings).format("%d/%m/%Y"));
            }
        }
        for a in ossification::alerts(f, today, settings) {
            let _ = writeln!(out, "        {} {} ({})", a.severity.glyph(), a.message, a.rule);
        }
    }
    out
}

#[derive(Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    follow_up: &'a ossification::FollowUp,
    xray_due: chrono::NaiveDate,
    patient: &'a crate::domain::identity::Identity,
    hospital_number: &'a str,
}

#[derive(Serialize)]
struct JsonList<'a> {
    schema: u32,
    generated_at: DateTime<Utc>,
    zone: String,
    follow_ups: Vec<JsonRow<'a>>,
}

pub fn json(rows: &[FollowUpRow], now: DateTime<Utc>, settings: &Settings) -> String {
    let follow_ups = rows
        .iter()
        .map(|r| JsonRow {
            follow_up: &r.follow_up,
            xray_due: r.follow_up.xray_due(settings),
            patient: &r.patient,
            hospital_number: &r.hospital_number,
        })
        .collect();
    let doc = JsonList { schema: JSON_SCHEMA, generated_at: now, zone: settings.zone().name().to_string(), follow_ups };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
