//! The Stock tab's forms (R-STOCK-1..3, R-TRACE-1..3): receiving by scan
//! (first the GS1 string, then its parsed fields to check and correct before
//! saving), reserving for a case, using a device, releasing, returning,
//! wasting, quarantining, recalling, and a new reference.

use super::{OpenForm, Purpose, Request};
use crate::app::form::{Choice, Field, Form, parse_date};
use crate::app::state::StockRow;
use crate::domain::day_label::date_text;
use crate::domain::stock::gs1::{self, GS};
use crate::domain::stock::lots::{self, Lot, lot_words};
use crate::domain::stock::movement::{self, Counts, MAX_UNITS, MovementKind};
use crate::domain::stock::scan;
use crate::domain::stock::trace::VoidTo;
use crate::domain::stock::{DeviceKind, Reference};
use crate::store::stock::{LotHold, StockCase};
use crate::store::stock_moves::{Move, NewReference, Receipt};
use chrono::NaiveDate;
use chrono_tz::Tz;
use std::borrow::Cow;

/// How a GS typed into a form shows (ASCII 29 cannot be drawn):
/// U+241D SYMBOL FOR GROUP SEPARATOR.
pub const GS_SHOWN: char = '␝';

/// A request of the Stock tab.
#[derive(Debug, Clone, PartialEq)]
pub enum StockRequest {
    AddReference(Box<NewReference>),
    Receive { receipt: Box<Receipt>, who: String },
    Reserve { ref_id: i64, case_id: i64, units: u32, who: String },
    Move { movement: Move, who: String },
    Recall { code: String, number: String, reason: String },
    Operator { implant_id: i64, version: i64, operator_id: i64, who: String },
    VoidImplant { implant_id: i64, reason: String, to: VoidTo, who: String },
    Lift { lot_id: i64, reason: String, recall: bool, who: String },
}

impl StockRequest {
    /// The question to ask before a change that throws away or withdraws
    /// stock, or receives a lot whose use-by day has passed before `today`
    /// (R-STOCK-3); `None` for the others. Each says what undoes it, if
    /// anything does.
    pub fn confirmation(&self, today: NaiveDate) -> Option<(String, Vec<String>)> {
        match self {
            StockRequest::Receive { receipt, .. } if receipt.expiry.is_some_and(|e| e < today) => Some((
                tr!("stock-confirm-expired").into_owned(),
                vec![
                    tr!(
                        "stock-confirm-expired-passed",
                        lot = lot_number_words(receipt),
                        expiry = receipt.expiry.map(date_text).unwrap_or_default(),
                        today = date_text(today)
                    )
                    .into_owned(),
                    tr!("stock-confirm-expired-unusable").into_owned(),
                    tr!("stock-confirm-expired-keys").into_owned(),
                ],
            )),
            StockRequest::Move { movement, who } => {
                let kind = movement.kind;
                let reason = reason_words(movement.reason.as_deref());
                let what = if kind == MovementKind::Quarantine {
                    tr!("stock-confirm-move-lot", done = kind.done(), reason = reason)
                } else {
                    tr!("stock-confirm-move-units", count = movement.units, done = kind.done(), reason = reason)
                };
                // Issue 10: a quarantine said "cannot be undone" though `L` lifts it.
                let (title, undo) = match kind {
                    MovementKind::Quarantine => (tr!("stock-confirm-quarantine"), tr!("stock-confirm-quarantine-keys")),
                    MovementKind::Return => (tr!("stock-confirm-return"), tr!("stock-confirm-return-keys")),
                    MovementKind::Waste => (tr!("stock-confirm-waste"), tr!("stock-confirm-waste-keys")),
                    _ => return None,
                };
                Some((title.into_owned(), vec![who.clone(), what.into_owned(), undo.into_owned()]))
            }
            StockRequest::VoidImplant { reason, to, who, .. } => Some((
                tr!("stock-confirm-void").into_owned(),
                vec![
                    crate::i18n::labelled(who, reason),
                    tr!("stock-confirm-void-kept", units = to.words()).into_owned(),
                    tr!("stock-confirm-void-keys").into_owned(),
                ],
            )),
            StockRequest::Lift { reason, recall: true, who, .. } => Some((
                tr!("stock-confirm-lift-recall").into_owned(),
                vec![
                    crate::i18n::labelled(who, reason),
                    tr!("stock-confirm-lift-recall-usable").into_owned(),
                    tr!("stock-confirm-lift-recall-keys").into_owned(),
                ],
            )),
            StockRequest::Recall { code, number, reason } => Some((
                tr!("stock-confirm-recall").into_owned(),
                vec![
                    tr!(
                        "stock-confirm-recall-what",
                        code = code.as_str(),
                        number = number.as_str(),
                        reason = reason.as_str()
                    )
                    .into_owned(),
                    tr!("stock-confirm-recall-effect").into_owned(),
                    tr!("stock-confirm-recall-keys").into_owned(),
                ],
            )),
            _ => None,
        }
    }

    /// The request as confirmed: a receipt of an expired lot says so to the
    /// store, which refuses it otherwise (R-STOCK-3).
    pub fn confirmed(self) -> StockRequest {
        match self {
            StockRequest::Receive { mut receipt, who } => {
                receipt.expired_ok = true;
                StockRequest::Receive { receipt, who }
            }
            other => other,
        }
    }

    /// R-STOCK-2: the check the save runs on the units, made before asking
    /// (issue 10: wasting 2 of 1 was asked for and only then refused), on
    /// the lot as last read (`lot`) and the units it holds for the case
    /// (`held`). The store checks again in its transaction.
    pub fn precheck(&self, lot: Option<&Lot>, held: u32) -> Result<(), String> {
        let (StockRequest::Move { movement, who }, Some(lot)) = (self, lot) else { return Ok(()) };
        let before = Counts { quantity: lot.quantity, reserved: lot.reserved, for_case: held };
        movement::apply(before, movement.kind, movement.units)
            .map(|_| ())
            .map_err(|e| crate::i18n::labelled(who, &e.to_string()))
    }
}

fn lot_number_words(receipt: &Receipt) -> String {
    lot_words(receipt.lot.as_deref(), receipt.serial.as_deref())
}

fn reason_words(reason: Option<&str>) -> String {
    reason.map(|r| tr!("stock-reason", reason = r).into_owned()).unwrap_or_default()
}

/// The reference choices, by name.
fn reference_choices(refs: &[Reference]) -> Vec<Choice> {
    refs.iter().map(|r| Choice::new(r.id.to_string(), format!("{} {} ({})", r.code, r.name, r.manufacturer))).collect()
}

/// The case choices: patient (R-PATH-5), day and time, procedure.
fn case_choices(cases: &[StockCase], zone: Tz) -> Vec<Choice> {
    cases
        .iter()
        .map(|c| {
            let when = c.start.with_timezone(&zone).format("%d/%m %H:%M");
            Choice::new(c.case_id.to_string(), format!("{} {when} {}", c.patient, c.procedure))
        })
        .collect()
}

/// Step 1 of a receipt: the scanned (or typed) GS1 string. Empty: type
/// the parts in step 2.
pub fn scan(refs: &[Reference], gs_key: Option<char>, today: NaiveDate) -> OpenForm {
    let key = gs_key.map(|k| tr!("stock-scan-or-key", key = k.to_string()).into_owned()).unwrap_or_default();
    let fields = vec![Field::text("scan", tr!("stock-field-scan"), 200).optional()];
    let form = Form::new(tr!("stock-form-scan"), fields).with_subtitle(tr!("stock-form-scan-help", key = key));
    OpenForm::new(form, Purpose::Scan { refs: refs.to_vec(), gs_key, today }, &tr!("stock-who-receipt"))
}

/// Step 2 of a receipt: the parsed fields to check (the whole scanned
/// string is kept beside them), or the error naming the bad part. One
/// reader for GS1 and HIBC (`domain::stock::scan`, as the command's). A
/// label whose GTIN (or HIBC product) is in no reference opens the new
/// reference form with it filled in (found in use, fix 10).
pub fn confirm_scan(open: &OpenForm) -> Result<OpenForm, String> {
    let Purpose::Scan { refs, gs_key, today } = &open.purpose else {
        return Err(tr!("stock-not-a-scan").into_owned());
    };
    let text: String = open.form.value("scan").chars().map(|c| if c == GS_SHOWN { GS } else { c }).collect();
    let scanned = Some(text.trim().to_string()).filter(|t| !t.is_empty());
    let label = match &scanned {
        Some(t) => {
            let options = gs1::Options { separator: *gs_key, reference_year: chrono::Datelike::year(today) };
            Some(scan::read(t, options).map_err(|e| e.to_string())?)
        }
        None => None,
    };
    let chosen = match label.as_ref().map(|l| l.reference(refs)) {
        Some(Err(missing)) => return Ok(new_reference_for(&missing)),
        Some(Ok(found)) => found.map(|r| r.id.to_string()),
        None => None,
    };
    if refs.is_empty() {
        return Err(tr!("stock-no-reference-yet").into_owned());
    }
    let mut reference = Field::pick("reference", tr!("stock-field-reference"), reference_choices(refs));
    if let Some(id) = chosen {
        reference = reference.with(id);
    }
    let day = |d: Option<NaiveDate>| d.map(date_text).unwrap_or_default();
    let hibc = matches!(label, Some(scan::Label::Hibc(_)));
    // GS1 labels name each field's application identifier, `Lot (10)`.
    let ai = |gs1_label: Cow<'static, str>, plain: Cow<'static, str>| if hibc { plain } else { gs1_label };
    let text_of = |v: Option<&String>| v.cloned().unwrap_or_default();
    let fields = vec![
        reference,
        Field::text("lot", ai(tr!("stock-field-lot.ai"), tr!("stock-field-lot")), 20)
            .optional()
            .with(text_of(label.as_ref().and_then(|l| l.lot()))),
        Field::text("serial", ai(tr!("stock-field-serial.ai"), tr!("stock-field-serial")), 20)
            .optional()
            .with(text_of(label.as_ref().and_then(|l| l.serial()))),
        Field::date("expiry", ai(tr!("stock-field-use-by.ai"), tr!("stock-field-use-by")))
            .optional()
            .with(day(label.as_ref().and_then(|l| l.expiry()))),
        Field::whole("units", ai(tr!("stock-field-units.ai"), tr!("stock-field-units")), 1, MAX_UNITS)
            .with(label.as_ref().and_then(|l| l.count()).map_or_else(|| 1.to_string(), |n| n.to_string())),
        Field::text("location", tr!("stock-field-location"), 40).optional(),
    ];
    let subtitle = match &label {
        Some(l) => tr!("stock-form-check-read", read = l.shown()),
        None => tr!("stock-form-check-typed"),
    };
    let mut form = Form::new(tr!("stock-form-check"), fields).with_subtitle(subtitle);
    // R-TRACE-3 (issue 10): a lot or serial that may hold a field the
    // scanner ran into it, said before anything is saved.
    let warnings = label.as_ref().map(|l| l.warnings(chrono::Datelike::year(today))).unwrap_or_default();
    form.warning = (!warnings.is_empty()).then(|| crate::i18n::joined(&warnings));
    form.dirty = scanned.is_some();
    // Focus the first field to fill: the location when the scan said the rest.
    form.focus = if scanned.is_some() { 5 } else { 0 };
    Ok(OpenForm::new(form, Purpose::Receive { scanned }, "receipt"))
}

/// The new reference form for a label the catalogue does not know, its
/// GTIN (or HIBC product number as the code) filled in.
fn new_reference_for(missing: &scan::NoReference) -> OpenForm {
    let mut open = new_reference();
    if let Some(g) = missing.gtin() {
        open.form.set("gtin", g);
    }
    if let Some(code) = missing.code() {
        open.form.set("code", code);
    }
    open.form.dirty = true;
    open.form.subtitle = Some(tr!("stock-form-unknown-label", missing = missing.to_string()).into_owned());
    open
}

fn units(form: &Form) -> Result<u32, String> {
    form.whole::<u32>("units")?.ok_or_else(|| tr!("stock-units-whole").into_owned())
}

fn optional(form: &Form, key: &str) -> Option<String> {
    Some(form.value(key).to_string()).filter(|v| !v.is_empty())
}

pub(super) fn receive_request(form: &Form, scanned: Option<String>) -> Result<Request, String> {
    let ref_id = form.value("reference").parse().map_err(|_| tr!("stock-choose-reference").into_owned())?;
    let expiry = match optional(form, "expiry") {
        Some(text) => Some(parse_date(&text)?),
        None => None,
    };
    let (lot, serial) = (optional(form, "lot"), optional(form, "serial"));
    if lot.is_none() && serial.is_none() {
        return Err(tr!("stock-lot-or-serial-needed").into_owned());
    }
    // Found in use (#10): a second box scanned straight after the first
    // landed in this last field, and its Enter saved the first box with the
    // second label as its location. A field holding a label, or the start
    // of one (issue 10: a scan cut short), is refused.
    for key in ["location", "lot", "serial"] {
        if scan::looks_like_label(form.value(key)) {
            let field = form.fields.iter().find(|f| f.key == key).map_or(key, |f| &f.label);
            return Err(tr!("stock-label-in-field", field = field).into_owned());
        }
    }
    let receipt = Receipt {
        ref_id,
        lot,
        serial,
        expiry,
        units: units(form)?,
        location: form.value("location").to_string(),
        scanned,
        expired_ok: false,
    };
    Ok(Request::Stock(StockRequest::Receive { receipt: Box::new(receipt), who: tr!("stock-who-receipt").into_owned() }))
}

/// What the selected row is called in a form's subtitle.
fn row_words(row: &StockRow) -> String {
    match &row.lot {
        Some(lot) => format!(
            "{} {} — {}",
            row.reference.code,
            row.reference.name,
            tr!("stock-row-words", lot = lot.label(), quantity = lot.quantity, reserved = lot.reserved)
        ),
        None => format!("{} {} — {}", row.reference.code, row.reference.name, tr!("stock-row-nothing")),
    }
}

/// R-STOCK-3: reserve units of the selected reference for a case; the store
/// takes them from the lot FEFO picks for the case's day.
pub fn reserve(row: &StockRow, cases: &[StockCase], zone: Tz) -> Option<OpenForm> {
    // Nothing is reserved for a case already done (it is offered for a use).
    let cases: Vec<StockCase> = cases.iter().filter(|c| !c.done).cloned().collect();
    let cases = cases.as_slice();
    let fields = vec![
        Field::pick("case", tr!("stock-field-case"), case_choices(cases, zone)),
        Field::whole("units", tr!("stock-field-units"), 1, MAX_UNITS).with(1.to_string()),
    ];
    (!cases.is_empty()).then(|| {
        let form = Form::new(tr!("stock-form-reserve"), fields).with_subtitle(row_words(row));
        OpenForm::new(form, Purpose::Reserve { ref_id: row.reference.id }, &row.reference.code)
    })
}

/// A movement of the selected lot: use (for a case), release (for a case),
/// return, waste (reason), quarantine (reason).
pub fn movement(row: &StockRow, kind: MovementKind, cases: &[StockCase], zone: Tz) -> Option<OpenForm> {
    let lot = row.lot.as_ref()?;
    let mut fields = Vec::new();
    let for_case = kind.uses() || kind == MovementKind::Release;
    if for_case {
        if cases.is_empty() {
            return None;
        }
        fields.push(Field::pick("case", tr!("stock-field-case"), case_choices(cases, zone)));
    }
    if kind != MovementKind::Quarantine {
        fields.push(Field::whole("units", tr!("stock-field-units"), 1, MAX_UNITS).with(1.to_string()));
    }
    if kind.needs_reason() {
        fields.push(Field::text("reason", tr!("stock-field-reason"), 120));
    }
    let title = match kind {
        MovementKind::Implant | MovementKind::Consume if row.reference.implantable => tr!("stock-form-implant"),
        MovementKind::Implant | MovementKind::Consume => tr!("stock-form-use"),
        MovementKind::Release => tr!("stock-form-release"),
        MovementKind::Return => tr!("stock-form-return"),
        MovementKind::Waste => tr!("stock-form-waste"),
        MovementKind::Quarantine => tr!("stock-form-quarantine"),
        MovementKind::Receive | MovementKind::Reserve => return None,
    };
    let form = Form::new(title, fields).with_subtitle(row_words(row));
    let who = format!("{} {}", row.reference.code, lot.label());
    Some(OpenForm::new(form, Purpose::Movement { lot_id: lot.id, kind }, &who))
}

/// How a case holding units of a lot is named: patient (R-PATH-5), day
/// and time, procedure, units held.
pub fn hold_words(hold: &LotHold, zone: Tz) -> String {
    let when = hold.start.with_timezone(&zone).format("%d/%m %H:%M").to_string();
    tr!(
        "stock-hold-words",
        patient = hold.patient.to_string(),
        when = when,
        procedure = hold.procedure.as_str(),
        case = hold.case_id,
        units = hold.units
    )
    .into_owned()
}

/// R-STOCK-2: release units of the selected lot held for a case: only the
/// cases holding units of it are offered (found in use, issue 10: the form
/// offered every case of the week and never said which held them). `None`
/// when no case holds any.
pub fn release(row: &StockRow, holds: &[LotHold], zone: Tz) -> Option<OpenForm> {
    let lot = row.lot.as_ref()?;
    if holds.is_empty() {
        return None;
    }
    let choices = holds.iter().map(|h| Choice::new(h.case_id.to_string(), hold_words(h, zone))).collect();
    let mut case = Field::pick("case", tr!("stock-field-case"), choices);
    let mut units = Field::whole("units", tr!("stock-field-units"), 1, MAX_UNITS).with(1.to_string());
    if let [only] = holds {
        case = case.with(only.case_id.to_string());
        units = units.with(only.units.to_string());
    }
    let form = Form::new(tr!("stock-form-release"), vec![case, units]).with_subtitle(row_words(row));
    let who = format!("{} {}", row.reference.code, lot.label());
    Some(OpenForm::new(form, Purpose::Movement { lot_id: lot.id, kind: MovementKind::Release }, &who))
}

pub(super) fn movement_request(form: &Form, lot_id: i64, kind: MovementKind, who: String) -> Result<Request, String> {
    let case_id = match form.fields.iter().any(|f| f.key == "case") {
        true => Some(form.value("case").parse().map_err(|_| tr!("stock-choose-case").into_owned())?),
        false => None,
    };
    let units = if kind == MovementKind::Quarantine { 0 } else { units(form)? };
    let movement = Move { lot_id, kind, units, case_id, reason: optional(form, "reason") };
    Ok(Request::Stock(StockRequest::Move { movement, who }))
}

pub(super) fn reserve_request(form: &Form, ref_id: i64, who: String) -> Result<Request, String> {
    let case_id = form.value("case").parse().map_err(|_| tr!("stock-choose-case").into_owned())?;
    Ok(Request::Stock(StockRequest::Reserve { ref_id, case_id, units: units(form)?, who }))
}

/// R-TRACE-1: who implanted a recorded device whose record lacks the
/// operator (a case booked without one). `None` when no record of the lot
/// lacks it, or no operator is on the staff list.
pub fn operator(
    recipients: &[crate::domain::stock::trace::ImplantRecord],
    operators: &[(i64, String)],
    zone: Tz,
) -> Option<OpenForm> {
    let open: Vec<Choice> = recipients
        .iter()
        .filter(|r| r.operator.is_none())
        .map(|r| {
            let who = r.patient.as_ref().map_or_else(|| tr!("stock-patient-missing").into_owned(), ToString::to_string);
            let when = r.at.map(|t| t.with_timezone(&zone).format("%d/%m %H:%M").to_string()).unwrap_or_default();
            Choice::new(
                format!("{}:{}", r.id, r.version),
                tr!("stock-implant-choice", who = who, case = r.case_id, when = when),
            )
        })
        .collect();
    if open.is_empty() || operators.is_empty() {
        return None;
    }
    let doctors = operators.iter().map(|(id, name)| Choice::new(id.to_string(), name.clone())).collect();
    let fields = vec![
        Field::pick("implant", tr!("stock-field-implant"), open),
        Field::pick("operator", tr!("stock-field-operator"), doctors),
    ];
    let form = Form::new(tr!("stock-form-operator"), fields);
    Some(OpenForm::new(form, Purpose::ImplantOperator, &tr!("stock-who-implant-record")))
}

pub(super) fn operator_request(form: &Form) -> Result<Request, String> {
    let bad = || tr!("stock-choose-implant").into_owned();
    let (id, version) = form.value("implant").split_once(':').ok_or_else(bad)?;
    let (implant_id, version) = (id.parse().map_err(|_| bad())?, version.parse().map_err(|_| bad())?);
    let operator_id = form.value("operator").parse().map_err(|_| tr!("stock-choose-operator").into_owned())?;
    let who = tr!("stock-who-implant-record").into_owned();
    Ok(Request::Stock(StockRequest::Operator { implant_id, version, operator_id, who }))
}

/// R-TRACE-1: void an implant record of the selected lot made by mistake:
/// which record (patient, case, time), why, and where its units go.
pub fn void_implant(recipients: &[crate::domain::stock::trace::ImplantRecord], zone: Tz) -> Option<OpenForm> {
    let records: Vec<Choice> = recipients
        .iter()
        .filter(|r| r.voided.is_none())
        .map(|r| {
            let who = r.patient.as_ref().map_or_else(|| tr!("stock-patient-missing").into_owned(), ToString::to_string);
            let when = r.at.map(|t| t.with_timezone(&zone).format("%d/%m %H:%M").to_string()).unwrap_or_default();
            let text = tr!("stock-implant-choice", who = who, case = r.case_id, when = when);
            Choice::new(r.id.to_string(), format!("#{} {text} ×{}", r.id, r.units))
        })
        .collect();
    if records.is_empty() {
        return None;
    }
    let to = VoidTo::ALL.iter().map(|t| Choice::new(t.code(), t.choice())).collect();
    let only = (records.len() == 1).then(|| records[0].code.clone());
    let mut record = Field::pick("implant", tr!("stock-field-record"), records);
    if let Some(id) = only {
        record = record.with(id);
    }
    let fields = vec![
        record,
        Field::text("reason", tr!("stock-field-void-reason"), 120),
        Field::pick("to", tr!("stock-field-units-go"), to),
    ];
    let form = Form::new(tr!("stock-form-void"), fields).with_subtitle(tr!("stock-form-void-help"));
    Some(OpenForm::new(form, Purpose::VoidImplant, &tr!("stock-who-implant-record")))
}

pub(super) fn void_request(form: &Form) -> Result<Request, String> {
    let implant_id = form.value("implant").parse().map_err(|_| tr!("stock-choose-record").into_owned())?;
    let to = VoidTo::from_code(form.value("to")).ok_or_else(|| tr!("stock-choose-units-go").into_owned())?;
    let reason = form.value("reason").trim().to_string();
    if reason.is_empty() {
        return Err(tr!("stock-void-reason-needed").into_owned());
    }
    Ok(Request::Stock(StockRequest::VoidImplant {
        implant_id,
        reason,
        to,
        who: tr!("stock-who-implant-record-id", id = implant_id).into_owned(),
    }))
}

/// R-STOCK-3, R-TRACE-2: lift the selected lot's quarantine, or its recall
/// (said so in the title and asked again before saving).
pub fn lift(row: &StockRow) -> Option<OpenForm> {
    let lot = row.lot.as_ref().filter(|l| l.quarantine.is_some())?;
    let recall = lot.recalled();
    let title = if recall { tr!("stock-form-lift-recall") } else { tr!("stock-form-lift") };
    let form = Form::new(title, vec![Field::text("reason", tr!("stock-field-lift-reason"), 120)])
        .with_subtitle(format!("{} — {}", row_words(row), lot.quarantine.as_deref().unwrap_or_default()));
    let who = format!("{} {}", row.reference.code, lot.label());
    Some(OpenForm::new(form, Purpose::Lift { lot_id: lot.id, recall }, &who))
}

pub(super) fn lift_request(form: &Form, lot_id: i64, recall: bool, who: String) -> Result<Request, String> {
    let reason = form.value("reason").trim().to_string();
    if reason.is_empty() {
        return Err(tr!("stock-lift-reason-needed").into_owned());
    }
    Ok(Request::Stock(StockRequest::Lift { lot_id, reason, recall, who }))
}

/// R-TRACE-2: recall the selected lot (its number prefilled).
pub fn recall(row: &StockRow) -> OpenForm {
    let number = row.lot.as_ref().and_then(|l| l.lot.clone().or_else(|| l.serial.clone())).unwrap_or_default();
    let fields = vec![
        Field::text("number", tr!("stock-field-lot-or-serial"), 20).with(number),
        Field::text("reason", tr!("stock-field-recall-reason"), 120).optional(),
    ];
    let form = Form::new(tr!("stock-form-recall"), fields)
        .with_subtitle(format!("{} {}", row.reference.code, row.reference.name));
    OpenForm::new(form, Purpose::Recall { code: row.reference.code.clone() }, &row.reference.name)
}

pub(super) fn recall_request(form: &Form, code: String) -> Result<Request, String> {
    // The stored notice when none is typed: a code, not a word to translate
    // (domain::stock::lots::recall_reason).
    let reason = optional(form, "reason").unwrap_or_else(|| lots::BARE_RECALL.into());
    Ok(Request::Stock(StockRequest::Recall { code, number: form.value("number").to_string(), reason }))
}

/// R-STOCK-1: a new reference for the catalogue.
pub fn new_reference() -> OpenForm {
    let kinds = DeviceKind::ALL.iter().map(|k| Choice::new(k.code(), k.label())).collect();
    let fields = vec![
        Field::text("code", tr!("stock-field-code"), 40),
        Field::text("manufacturer", tr!("stock-field-manufacturer"), 80),
        Field::text("name", tr!("stock-field-name"), 80),
        Field::pick("kind", tr!("stock-field-kind"), kinds),
        Field::flag("implantable", tr!("stock-field-implantable")),
        Field::text("gtin", tr!("stock-field-gtin"), 14).optional(),
        Field::whole("min", tr!("stock-field-minimum"), 0, MAX_UNITS).with(0.to_string()),
        Field::number("mm_per_turn", tr!("stock-field-mm-per-turn"), 0.1, 10.0).optional(),
    ];
    OpenForm::new(
        Form::new(tr!("stock-form-new-reference"), fields),
        Purpose::NewReference,
        &tr!("stock-who-catalogue"),
    )
}

pub(super) fn new_reference_request(form: &Form) -> Result<Request, String> {
    let kind = DeviceKind::from_code(form.value("kind")).ok_or_else(|| tr!("stock-choose-kind").into_owned())?;
    let min = form.whole::<u32>("min")?.ok_or_else(|| tr!("stock-minimum-whole").into_owned())?;
    let mm_per_turn = match optional(form, "mm_per_turn") {
        Some(v) => Some(crate::domain::decimal::parse(&v).ok_or_else(|| tr!("stock-mm-per-turn-number").into_owned())?),
        None => None,
    };
    let gtin = optional(form, "gtin");
    if let Some(g) = &gtin {
        gs1::Gtin::parse(g).map_err(|e| tr!("stock-gtin-bad", error = e.to_string()).into_owned())?;
    }
    Ok(Request::Stock(StockRequest::AddReference(Box::new(NewReference {
        code: form.value("code").to_string(),
        manufacturer: form.value("manufacturer").to_string(),
        name: form.value("name").to_string(),
        kind,
        implantable: form.flag("implantable"),
        gtin,
        min_stock: min,
        mm_per_turn,
    }))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned(text: &str, refs: &[Reference]) -> Result<OpenForm, String> {
        let mut open = scan(refs, None, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        open.form.set("scan", text);
        confirm_scan(&open)
    }

    /// Found in use (fix 10, #11): an unknown GTIN opened nothing; the new
    /// reference form opens with it filled in (R-TRACE-3).
    #[test]
    fn r_trace_3_an_unknown_gtin_prefills_the_new_reference() {
        let open = scanned("(01)03453120000011(10)A1", &[]).unwrap();
        assert!(matches!(open.purpose, Purpose::NewReference));
        assert_eq!(open.form.value("gtin"), "03453120000011");
        assert!(open.form.subtitle.as_deref().unwrap().contains("GTIN 03453120000011 is in no reference"));
        let primary = "+A123PCN10";
        let check = crate::domain::stock::hibc::check_char(primary).unwrap();
        let open = scanned(&format!("{primary}{check}"), &[]).unwrap();
        assert_eq!(open.form.value("code"), "PCN1");
    }
}
