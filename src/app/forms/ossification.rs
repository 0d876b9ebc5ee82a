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
            lines.push(tr!("clinical-ho-given-because", reason = reason.as_str()).into_owned());
        }
        Some((tr!("clinical-ho-record-anyway").into_owned(), lines))
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
        tr!("clinical-ho-title"),
        vec![
            Field::date("surgery_day", tr!("clinical-ho-surgery-on"))
                .with(surgery.format("%d/%m/%Y").to_string())
                .not_after(today),
            Field::time("surgery_time", tr!("clinical-ho-surgery-at")).with(surgery.format("%H:%M").to_string()),
            Field::pick("prophylaxis", tr!("clinical-ho-prophylaxis"), kinds),
            Field::date("given_day", tr!("clinical-ho-given-on")).optional().not_after(today),
            Field::time("given_time", tr!("clinical-ho-given-at")).optional(),
            Field::text("drug", tr!("clinical-ho-drug"), 60).optional(),
            Field::whole("days", tr!("clinical-ho-days"), 1, NSAID_DAYS_MAX).optional(),
            Field::number("dose", tr!("clinical-ho-dose"), 0.1, RT_DOSE_MAX_GY).optional(),
            Field::text("reason", tr!("clinical-ho-reason"), 200).optional(),
        ],
    )
    .with_subtitle(who);
    OpenForm::new(form, Purpose::RecordOssification { patient_id, case_id: case.map(|(id, _)| id), zone }, who)
}

/// A field that belongs to another prophylaxis: refused, not dropped.
fn only_for(form: &Form, key: &str, refusal: impl FnOnce() -> String) -> Result<(), String> {
    if form.value(key).is_empty() { Ok(()) } else { Err(refusal()) }
}

pub(super) fn record_request(
    form: &Form,
    patient_id: i64,
    case_id: Option<i64>,
    zone: Tz,
    who: String,
) -> Result<Request, String> {
    let day =
        parse_date(form.value("surgery_day")).map_err(|e| tr!("clinical-ho-surgery-on-bad", why = e).into_owned())?;
    let time =
        parse_time(form.value("surgery_time")).map_err(|e| tr!("clinical-ho-surgery-at-bad", why = e).into_owned())?;
    let surgery_at = ward_time::at_local(day, time, zone);
    let kind = ProphylaxisKind::from_code(form.value("prophylaxis"))
        .ok_or_else(|| tr!("clinical-ho-prophylaxis-choose").into_owned())?;
    let given_day = match form.value("given_day") {
        "" => day,
        text => parse_date(text).map_err(|e| tr!("clinical-ho-given-on-bad", why = e).into_owned())?,
    };
    let given_time = match form.value("given_time") {
        "" => time,
        text => parse_time(text).map_err(|e| tr!("clinical-ho-given-at-bad", why = e).into_owned())?,
    };
    let given = ward_time::at_local(given_day, given_time, zone);
    if kind == ProphylaxisKind::None && (!form.value("given_day").is_empty() || !form.value("given_time").is_empty()) {
        return Err(tr!("clinical-ho-none-given").into_owned());
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
                "" => return Err(tr!("clinical-ho-dose-needed").into_owned()),
                text => {
                    crate::domain::decimal::parse(text).ok_or_else(|| tr!("clinical-ho-dose-number").into_owned())?
                }
            },
        },
    };
    if kind != ProphylaxisKind::Nsaid {
        only_for(form, "drug", || tr!("clinical-ho-only-nsaid-drug").into_owned())?;
        only_for(form, "days", || tr!("clinical-ho-only-nsaid-days").into_owned())?;
    }
    if kind != ProphylaxisKind::Radiotherapy {
        only_for(form, "dose", || tr!("clinical-ho-only-radiotherapy").into_owned())?;
    }
    prophylaxis.check().map_err(|e| tr!("clinical-ho-prophylaxis-bad", why = e).into_owned())?;
    let reason = Some(form.value("reason").to_string()).filter(|r| !r.is_empty());
    let outside = match &prophylaxis {
        Prophylaxis::Radiotherapy { at, .. } => ossification::radiotherapy_timing(surgery_at, *at) != Timing::InWindow,
        _ => false,
    };
    let warnings = ossification::warnings(surgery_at, &prophylaxis);
    match (outside, &reason) {
        (true, None) => {
            let warning = warnings.first().cloned().unwrap_or_default();
            return Err(tr!("clinical-ho-reason-needed", warning = warning).into_owned());
        }
        (false, Some(_)) => {
            return Err(tr!("clinical-ho-reason-not-needed").into_owned());
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
                tr!(
                    "clinical-ho-choice",
                    id = f.follow_up_id,
                    surgery = f.surgery_at.with_timezone(&zone).format("%d/%m/%Y").to_string(),
                    due = v.xray_due.format("%d/%m/%Y").to_string()
                ),
            )
        })
        .collect();
    let first = choices.first()?.code.clone();
    let grades = Brooker::ALL.iter().map(|g| Choice::new(g.code(), g.label())).collect();
    let form = Form::new(
        tr!("clinical-ho-xray-title"),
        vec![
            Field::pick("follow_up", tr!("clinical-ho-follow-up"), choices).with(first),
            Field::date("day", tr!("clinical-ho-xray-on")).with(today.format("%d/%m/%Y").to_string()).not_after(today),
            Field::pick("grade", tr!("clinical-ho-grade"), grades),
        ],
    )
    .with_subtitle(who);
    Some(OpenForm::new(form, Purpose::OssificationXray, who))
}

pub(super) fn xray_request(form: &Form, who: String) -> Result<Request, String> {
    let bad = || tr!("clinical-ho-follow-up-choose").into_owned();
    let (id, version) = form.value("follow_up").split_once(':').ok_or_else(bad)?;
    let follow_up_id = id.parse().map_err(|_| bad())?;
    let version = version.parse().map_err(|_| bad())?;
    let on = parse_date(form.value("day")).map_err(|e| tr!("clinical-ho-xray-on-bad", why = e).into_owned())?;
    let grade = Brooker::from_code(form.value("grade")).ok_or_else(|| tr!("clinical-ho-grade-choose").into_owned())?;
    Ok(Request::Ossification(OssificationRequest::Xray { follow_up_id, version, on, grade, who }))
}
