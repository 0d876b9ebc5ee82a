//! R-COMP-1 from an admission's page: the form that records a complication
//! of the patient (kind, severity, the day it began, a note) and the one
//! that closes an open one with its outcome (a confirmation follows).

use super::{OpenForm, Purpose, Request};
use crate::app::form::{Choice, Field, Form, parse_date};
use crate::domain::complications::{Complication, Kind, MAX_TEXT, NewComplication, Severity};
use chrono::NaiveDate;

/// What the complication forms ask the store to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ComplicationRequest {
    Record {
        new: NewComplication,
        who: String,
    },
    /// `summary`: the complication in words, for the confirmation.
    Close {
        complication_id: i64,
        version: i64,
        outcome: String,
        summary: String,
        who: String,
    },
}

impl ComplicationRequest {
    /// The question asked before a complication is closed.
    pub fn confirmation(&self) -> Option<(String, Vec<String>)> {
        match self {
            ComplicationRequest::Close { summary, outcome, who, .. } => Some((
                tr!("clinical-close-ask").into_owned(),
                vec![
                    who.clone(),
                    summary.clone(),
                    tr!("clinical-close-outcome", outcome = outcome.as_str()).into_owned(),
                ],
            )),
            ComplicationRequest::Record { .. } => None,
        }
    }
}

/// R-COMP-1: a new complication of the patient, on this stay's case when
/// there is one; it began today unless the day is changed.
pub fn record(patient_id: i64, case_id: Option<i64>, today: NaiveDate, who: &str) -> OpenForm {
    let kinds = Kind::ALL.iter().map(|k| Choice::new(k.code(), k.label())).collect();
    let severities = Severity::ALL.iter().map(|s| Choice::new(s.code(), s.label())).collect();
    let form = Form::new(
        tr!("clinical-record-complication"),
        vec![
            Field::pick("kind", tr!("clinical-kind"), kinds),
            Field::pick("severity", tr!("clinical-severity"), severities),
            Field::date("onset", tr!("clinical-began-on")).with(today.format("%d/%m/%Y").to_string()).not_after(today),
            Field::text("note", tr!("clinical-what-seen"), MAX_TEXT).optional(),
        ],
    )
    .with_subtitle(who);
    OpenForm::new(form, Purpose::RecordComplication { patient_id, case_id }, who)
}

pub(super) fn record_request(
    form: &Form,
    patient_id: i64,
    case_id: Option<i64>,
    who: String,
) -> Result<Request, String> {
    let kind = Kind::from_code(form.value("kind")).ok_or_else(|| tr!("clinical-kind-choose").into_owned())?;
    let severity =
        Severity::from_code(form.value("severity")).ok_or_else(|| tr!("clinical-severity-choose").into_owned())?;
    let onset_on = parse_date(form.value("onset")).map_err(|e| tr!("clinical-began-on-bad", why = e).into_owned())?;
    let description = form.value("note").trim().to_string();
    let new = NewComplication { patient_id, case_id, kind, onset_on, severity, description };
    Ok(Request::Complication(ComplicationRequest::Record { new, who }))
}

/// R-COMP-1: which open complication to close, and what came of it.
/// `None` when none is open.
pub fn close(complications: &[Complication], who: &str) -> Option<OpenForm> {
    let choices: Vec<Choice> = complications
        .iter()
        .filter(|c| c.is_open())
        .map(|c| {
            Choice::new(
                format!("{}:{}", c.complication_id, c.version),
                format!("#{} {}", c.complication_id, c.summary()),
            )
        })
        .collect();
    // The list's first open one (the latest begun) is offered first.
    let first = choices.first()?.code.clone();
    let form = Form::new(
        tr!("clinical-close-complication"),
        vec![
            Field::pick("complication", tr!("clinical-complication"), choices).with(first),
            Field::text("outcome", tr!("clinical-close-outcome-field"), MAX_TEXT),
        ],
    )
    .with_subtitle(who);
    Some(OpenForm::new(form, Purpose::CloseComplication, who))
}

pub(super) fn close_request(form: &Form, who: String) -> Result<Request, String> {
    let bad = || tr!("clinical-complication-choose").into_owned();
    let picked = form.value("complication");
    let (id, version) = picked.split_once(':').ok_or_else(bad)?;
    let complication_id = id.parse().map_err(|_| bad())?;
    let version = version.parse().map_err(|_| bad())?;
    let outcome = form.value("outcome").trim().to_string();
    crate::domain::complications::check_outcome(&outcome)
        .map_err(|e| tr!("clinical-outcome-bad", why = e).into_owned())?;
    let summary = form.fields.iter().find(|f| f.key == "complication").map(|f| f.shown()).unwrap_or_default();
    Ok(Request::Complication(ComplicationRequest::Close { complication_id, version, outcome, summary, who }))
}
