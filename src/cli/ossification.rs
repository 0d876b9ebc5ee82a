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
            let number = number.ok_or_else(|| eyre!("{}", tr!("cli-ho-whose")))?;
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
                let text = format!("{prophylaxis:?}");
                eyre!("{}", tr!("cli-ho-not-a-prophylaxis", text = text, codes = ProphylaxisKind::codes_text()))
            })?;
            // Found in use: `--prophylaxis none --dose 7` was accepted and the
            // dose dropped; an option the kind does not record is refused.
            if dose.is_some() && kind != ProphylaxisKind::Radiotherapy {
                return Err(eyre!("{}", tr!("cli-ho-dose-radiotherapy", kind = format!("{:?}", kind.code()))));
            }
            if given.is_some() && kind == ProphylaxisKind::None {
                return Err(eyre!("{}", tr!("cli-ho-given-none")));
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
                    dose_gy: dose.ok_or_else(|| eyre!("{}", tr!("cli-ho-dose-needed")))?,
                },
            };
            let who = patient(store, &number)?;
            let words = prophylaxis.words(zone);
            let new =
                NewFollowUp { patient_id: who.patient_id, case_id, surgery_at, prophylaxis, timing_reason: reason };
            let (id, warnings) = store.write(now, |tx| store_ho::record(tx, &new)).map_err(|e| store.explain(e))?;
            let months = ossification::followup_months(store.settings());
            let due = ossification::xray_due_by(surgery_at, store.settings());
            let mut out = tr!(
                "cli-ho-recorded",
                id = id,
                patient = who.to_string(),
                words = words,
                day = due.format("%d/%m/%Y").to_string(),
                setting = ossification::FOLLOWUP_MONTHS,
                months = months
            )
            .into_owned();
            for w in warnings {
                let _ = write!(out, "\n! {w}");
            }
            Ok(out)
        }
        Some(OssificationAction::Xray { id, on, brooker }) => {
            let grade = Brooker::parse(&brooker)
                .ok_or_else(|| eyre!("{}", tr!("cli-ho-not-brooker", text = format!("{brooker:?}"))))?;
            let on = match on {
                Some(text) => day(&text, "--on")?,
                None => today,
            };
            store.write(now, |tx| store_ho::record_xray(tx, id, None, on, grade)).map_err(|e| store.explain(e))?;
            Ok(tr!("cli-ho-xray-recorded", id = id, day = on.format("%d/%m/%Y").to_string(), grade = grade.label())
                .into_owned())
        }
    }
}

pub fn text(rows: &[FollowUpRow], who: &str, today: chrono::NaiveDate, settings: &Settings) -> String {
    let zone = settings.zone();
    let mut out = format!("{}\n", tr!("cli-ho-title", patient = who, count = rows.len()));
    for r in rows {
        let f = &r.follow_up;
        let surgery = f.surgery_at.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string();
        let said = tr!(
            "cli-ho-surgery",
            id = format!("{:<4}", f.follow_up_id),
            at = surgery,
            words = f.prophylaxis.words(zone)
        );
        let _ = writeln!(out, "  {said}");
        if let Some(reason) = &f.timing_reason {
            let _ = writeln!(out, "        {}", tr!("cli-ho-outside-window", reason = reason.as_str()));
        }
        match (f.xray_on, f.brooker) {
            (Some(on), grade) => {
                let grade = grade.map_or_else(|| "-".into(), Brooker::label);
                let said = tr!("cli-ho-xray", day = on.format("%d/%m/%Y").to_string(), grade = grade);
                let _ = writeln!(out, "        {said}");
            }
            (None, _) => {
                let day = f.xray_due(settings).format("%d/%m/%Y").to_string();
                let _ = writeln!(out, "        {}", tr!("cli-ho-xray-due", day = day));
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
