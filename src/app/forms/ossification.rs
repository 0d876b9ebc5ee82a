//! R-HO-1 from an admission's page: the form that records a heterotopic
//! ossification follow-up (the surgery, the prophylaxis given and when),
//! asked again as a confirmation when R-HO-1 warns (a radiotherapy outside
//! 4 h before to 72 h after the surgery needs the reason it was given then;
//! a dose outside 7-8 Gy), and the form that records the X-ray check with
//! its Brooker grade. The same checks as `periop ossification add|xray`:
//! the rules are `domain::ossification`'s, the refusals the store's.

use super::{OpenForm, Purpose, Request};
use crate::app::form::{Choice, Field, Form, parse_date, parse_time};
use crate::domain::ossification::{
    self, Brooker, FollowUpView, NSAID_DAYS, NSAID_DAYS_MAX, Prophylaxis, ProphylaxisKind, RT_DOSE_MAX_GY, Timing,
};
use crate::domain::ward_time;
use crate::store::ossification::NewFollowUp;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// What the ossification forms ask the store to do.
#[derive(Debug, Clone, PartialEq)]
pub enum OssificationRequest {
    /// `warnings`: what R-HO-1 says of it, asked before it is saved.
    Record {
        new: NewFollowUp,
        warnings: Vec<String>,
        who: String,
    },
    Xray {
        follow_up_id: i64,
        version: i64,
        on: NaiveDate,
        grade: Brooker,
        who: String,
    },
}

impl OssificationRequest {
    /// The question asked before a follow-up R-HO-1 warns about is saved.
    pub fn confirmation(&self) -> Option<(String, Vec<String>)> {
        let OssificationRequest::Record { new, warnings, who } = self else { return None };
        if warnings.is_empty() {
            return None;
        }
        let mut lines = vec![who.clone()];
        lines.extend(warnings.iter().map(|w| format!("! {w}")));
        if let Some(reason) = &new.timing_reason {
            lines.push(format!("Given then because: {reason}"));
        }
        Some(("Record it despite the R-HO-1 warning?".into(), lines))
    }
}

/// R-HO-1: a new follow-up of the patient, on this stay's case when there
/// is one: the surgery at the case's start once it has passed (else now).
pub fn record(
    patient_id: i64,
    case: Option<(i64, DateTime<Utc>)>,
    now: DateTime<Utc>,
    zone: Tz,
    who: &str,
) -> OpenForm {
    let today = ward_time::local_day(now, zone);
    let surgery = case.map(|(_, start)| start).filter(|start| *start <= now).unwrap_or(now).with_timezone(&zone);
    let kinds = ProphylaxisKind::ALL.iter().map(|k| Choice::new(k.code(), k.label())).collect();
    let form = Form::new(
        "Ossification follow-up (R-HO-1)",
        vec![
            Field::date("surgery_day", "Surgery on (dd/mm/yyyy)")
                .with(surgery.format("%d/%m/%Y").to_string())
                .not_after(today),
            Field::time("surgery_time", "Surgery at (HH:MM)").with(surgery.format("%H:%M").to_string()),
            Field::pick("prophylaxis", "Prophylaxis", kinds),
            Field::date("given_day", "Given on (empty: surgery's)").optional().not_after(today),
            Field::time("given_time", "Given at (empty: surgery's)").optional(),
            Field::text("drug", "NSAID (e.g. indomethacin)", 60).optional(),
            Field::whole("days", "NSAID days (empty: 10)", 1, NSAID_DAYS_MAX).optional(),
            Field::number("dose", "Radiotherapy dose (Gy)", 0.1, RT_DOSE_MAX_GY).optional(),
            Field::text("reason", "Why given out of window", 200).optional(),
        ],
    )
    .with_subtitle(who);
    OpenForm::new(form, Purpose::RecordOssification { patient_id, case_id: case.map(|(id, _)| id), zone }, who)
}

/// A field that belongs to another prophylaxis: refused, not dropped.
fn only_for(form: &Form, key: &str, label: &str, kind: &str) -> Result<(), String> {
    if form.value(key).is_empty() {
        Ok(())
    } else {
        Err(format!("{label}: only {kind} has one; clear it or choose {kind}"))
    }
}

pub(super) fn record_request(
    form: &Form,
    patient_id: i64,
    case_id: Option<i64>,
    zone: Tz,
    who: String,
) -> Result<Request, String> {
    let day = parse_date(form.value("surgery_day")).map_err(|e| format!("Surgery on: {e}"))?;
    let time = parse_time(form.value("surgery_time")).map_err(|e| format!("Surgery at: {e}"))?;
    let surgery_at = ward_time::at_local(day, time, zone);
    let kind = ProphylaxisKind::from_code(form.value("prophylaxis")).ok_or("Prophylaxis: choose one with ← →")?;
    let given_day = match form.value("given_day") {
        "" => day,
        text => parse_date(text).map_err(|e| format!("Given on: {e}"))?,
    };
    let given_time = match form.value("given_time") {
        "" => time,
        text => parse_time(text).map_err(|e| format!("Given at: {e}"))?,
    };
    let given = ward_time::at_local(given_day, given_time, zone);
    if kind == ProphylaxisKind::None && (!form.value("given_day").is_empty() || !form.value("given_time").is_empty()) {
        return Err("Given on: no prophylaxis was given; clear the day and time, or choose what was given".into());
    }
    let prophylaxis = match kind {
        ProphylaxisKind::None => Prophylaxis::None,
        ProphylaxisKind::Nsaid => Prophylaxis::Nsaid {
            drug: form.value("drug").to_string(),
            from: given,
            days: form.whole::<u32>("days")?.unwrap_or(NSAID_DAYS),
        },
        ProphylaxisKind::Radiotherapy => Prophylaxis::Radiotherapy {
            at: given,
            dose_gy: match form.value("dose") {
                "" => return Err("Radiotherapy dose: a radiotherapy needs its dose (one dose of 7-8 Gy)".into()),
                text => text.replace(',', ".").parse().map_err(|_| "Radiotherapy dose: a number such as 7.5")?,
            },
        },
    };
    if kind != ProphylaxisKind::Nsaid {
        only_for(form, "drug", "NSAID", "an NSAID course")?;
        only_for(form, "days", "NSAID course", "an NSAID course")?;
    }
    if kind != ProphylaxisKind::Radiotherapy {
        only_for(form, "dose", "Radiotherapy dose", "a radiotherapy")?;
    }
    prophylaxis.check().map_err(|e| format!("Prophylaxis: {e} (R-HO-1)"))?;
    let reason = Some(form.value("reason").to_string()).filter(|r| !r.is_empty());
    let outside = match &prophylaxis {
        Prophylaxis::Radiotherapy { at, .. } => ossification::radiotherapy_timing(surgery_at, *at) != Timing::InWindow,
        _ => false,
    };
    let warnings = ossification::warnings(surgery_at, &prophylaxis);
    match (outside, &reason) {
        (true, None) => {
            let warning = warnings.first().cloned().unwrap_or_default();
            return Err(format!("Why given out of window: {warning}; to record it anyway, say why it was given then"));
        }
        (false, Some(_)) => {
            return Err("Why given out of window: the prophylaxis is within the R-HO-1 window; clear this field".into());
        }
        _ => {}
    }
    let new = NewFollowUp { patient_id, case_id, surgery_at, prophylaxis, timing_reason: reason };
    Ok(Request::Ossification(OssificationRequest::Record { new, warnings, who }))
}

/// R-HO-1: which follow-up waiting for its X-ray check (the earliest due
/// first), the day it was done and the Brooker grade read on it. `None`
/// when none waits.
pub fn xray(list: &[FollowUpView], today: NaiveDate, zone: Tz, who: &str) -> Option<OpenForm> {
    let choices: Vec<Choice> = list
        .iter()
        .filter(|v| v.follow_up.xray_on.is_none() && v.follow_up.voided.is_none())
        .map(|v| {
            let f = &v.follow_up;
            Choice::new(
                format!("{}:{}", f.follow_up_id, f.version),
                format!(
                    "#{} surgery {} · due {}",
                    f.follow_up_id,
                    f.surgery_at.with_timezone(&zone).format("%d/%m/%Y"),
                    v.xray_due.format("%d/%m/%Y")
                ),
            )
        })
        .collect();
    let first = choices.first()?.code.clone();
    let grades = Brooker::ALL.iter().map(|g| Choice::new(g.code(), g.label())).collect();
    let form = Form::new(
        "Ossification X-ray check (R-HO-1)",
        vec![
            Field::pick("follow_up", "Follow-up", choices).with(first),
            Field::date("day", "X-ray on (dd/mm/yyyy)").with(today.format("%d/%m/%Y").to_string()).not_after(today),
            Field::pick("grade", "Brooker grade", grades),
        ],
    )
    .with_subtitle(who);
    Some(OpenForm::new(form, Purpose::OssificationXray, who))
}

pub(super) fn xray_request(form: &Form, who: String) -> Result<Request, String> {
    let bad = || "Follow-up: choose one with ← →".to_string();
    let (id, version) = form.value("follow_up").split_once(':').ok_or_else(bad)?;
    let follow_up_id = id.parse().map_err(|_| bad())?;
    let version = version.parse().map_err(|_| bad())?;
    let on = parse_date(form.value("day")).map_err(|e| format!("X-ray on: {e}"))?;
    let grade = Brooker::from_code(form.value("grade")).ok_or("Brooker grade: choose one with ← →")?;
    Ok(Request::Ossification(OssificationRequest::Xray { follow_up_id, version, on, grade, who }))
}
