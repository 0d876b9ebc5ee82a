//! The Stock tab's forms (R-STOCK-1..3, R-TRACE-1..3): receiving by scan
//! (first the GS1 string, then its parsed fields to check and correct before
//! saving), reserving for a case, using a device, releasing, returning,
//! wasting, quarantining, recalling, and a new reference.

use super::{OpenForm, Purpose, Request};
use crate::app::form::{Choice, Field, Form, parse_date};
use crate::app::state::StockRow;
use crate::domain::stock::gs1::{self, GS};
use crate::domain::stock::lots::Lot;
use crate::domain::stock::movement::{self, Counts, MAX_UNITS, MovementKind};
use crate::domain::stock::scan;
use crate::domain::stock::trace::VoidTo;
use crate::domain::stock::{DeviceKind, Reference};
use crate::store::stock::{LotHold, StockCase};
use crate::store::stock_moves::{Move, NewReference, Receipt};
use chrono::NaiveDate;
use chrono_tz::Tz;

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
                "Receive an EXPIRED lot?".into(),
                vec![
                    format!(
                        "{}: use by {}, which has passed (today is {})",
                        lot_number_words(receipt),
                        receipt.expiry.map(|e| e.format("%d/%m/%Y").to_string()).unwrap_or_default(),
                        today.format("%d/%m/%Y")
                    ),
                    "it cannot be used (R-STOCK-3); receive it only to quarantine or return it".into(),
                    "y receives it, n goes back to the form (check the use-by day on the label)".into(),
                ],
            )),
            StockRequest::Move { movement, who } => {
                let kind = movement.kind;
                let units = if kind == MovementKind::Quarantine {
                    String::new()
                } else {
                    format!("{} unit(s) ", movement.units)
                };
                // Issue 10: a quarantine said "cannot be undone" though `L` lifts it.
                let undo = match kind {
                    MovementKind::Quarantine => "y records it (L lifts the quarantine later, with a reason)",
                    MovementKind::Return => "y records it (units returned come back only as a new receipt, r)",
                    _ => "y records it (nothing undoes a waste)",
                };
                match kind {
                    MovementKind::Waste | MovementKind::Return | MovementKind::Quarantine => Some((
                        format!("{}?", capitalised(kind.code())),
                        vec![
                            who.clone(),
                            format!("{units}to be {}{}", kind.done(), reason_words(movement.reason.as_deref())),
                            format!("{undo}, n goes back to the form"),
                        ],
                    )),
                    _ => None,
                }
            }
            StockRequest::VoidImplant { reason, to, who, .. } => Some((
                "Void this implant record?".into(),
                vec![
                    format!("{who}: {reason}"),
                    format!("{}; the record is kept, marked voided", to.words()),
                    "y voids it (a void is not undone), n goes back to the form".into(),
                ],
            )),
            StockRequest::Lift { reason, recall: true, who, .. } => Some((
                "Lift the RECALL?".into(),
                vec![
                    format!("{who}: {reason}"),
                    "the lot becomes usable again for implants".into(),
                    "y lifts the recall (R recalls it again), n goes back to the form".into(),
                ],
            )),
            StockRequest::Recall { code, number, reason } => Some((
                "Recall this lot?".into(),
                vec![
                    format!("reference {code}, lot or serial {number} ({reason})"),
                    "what is left goes to quarantine; the patients who received it are listed".into(),
                    "y recalls it (L on the lot lifts a recall, explicitly, with a reason), n goes back to the form"
                        .into(),
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
        movement::apply(before, movement.kind, movement.units).map(|_| ()).map_err(|e| format!("{who}: {e}"))
    }
}

fn lot_number_words(receipt: &Receipt) -> String {
    match (&receipt.lot, &receipt.serial) {
        (Some(l), Some(s)) => format!("lot {l} serial {s}"),
        (Some(l), None) => format!("lot {l}"),
        (None, Some(s)) => format!("serial {s}"),
        (None, None) => "no lot".into(),
    }
}

fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn reason_words(reason: Option<&str>) -> String {
    reason.map(|r| format!(": {r}")).unwrap_or_default()
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
    let key = gs_key.map(|k| format!(", or {k}")).unwrap_or_default();
    let form = Form::new("Receive: scan the label", vec![Field::text("scan", "GS1 string", 200).optional()])
        .with_subtitle(format!("scan, or type (01)…(17)…(10)…; GS is Ctrl-] or Alt+029{key}; empty: type the parts"));
    OpenForm::new(form, Purpose::Scan { refs: refs.to_vec(), gs_key, today }, "receipt")
}

/// Step 2 of a receipt: the parsed fields to check (the whole scanned
/// string is kept beside them), or the error naming the bad part. One
/// reader for GS1 and HIBC (`domain::stock::scan`, as the command's). A
/// label whose GTIN (or HIBC product) is in no reference opens the new
/// reference form with it filled in (found in use, fix 10).
pub fn confirm_scan(open: &OpenForm) -> Result<OpenForm, String> {
    let Purpose::Scan { refs, gs_key, today } = &open.purpose else {
        return Err("not a scan".into());
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
        return Err("no device reference yet; add one first (n on the Stock tab)".into());
    }
    let mut reference = Field::pick("reference", "Reference", reference_choices(refs));
    if let Some(id) = chosen {
        reference = reference.with(id);
    }
    let day = |d: Option<NaiveDate>| d.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
    let hibc = matches!(label, Some(scan::Label::Hibc(_)));
    let ai = |gs1_label: &'static str, plain: &'static str| if hibc { plain } else { gs1_label };
    let text_of = |v: Option<&String>| v.cloned().unwrap_or_default();
    let fields = vec![
        reference,
        Field::text("lot", ai("Lot (10)", "Lot"), 20).optional().with(text_of(label.as_ref().and_then(|l| l.lot()))),
        Field::text("serial", ai("Serial (21)", "Serial"), 20)
            .optional()
            .with(text_of(label.as_ref().and_then(|l| l.serial()))),
        Field::date("expiry", ai("Use by (17)", "Use by"))
            .optional()
            .with(day(label.as_ref().and_then(|l| l.expiry()))),
        Field::whole("units", ai("Units (30)", "Units"), 1, MAX_UNITS)
            .with(label.as_ref().and_then(|l| l.count()).map_or_else(|| "1".to_string(), |n| n.to_string())),
        Field::text("location", "Location", 40).optional(),
    ];
    let subtitle = match &label {
        Some(l) => format!("read: {} — check each field, then save", l.shown()),
        None => "typed from the label — every field as printed".to_string(),
    };
    let mut form = Form::new("Receive: check and save", fields).with_subtitle(subtitle);
    // R-TRACE-3 (issue 10): a lot or serial that may hold a field the
    // scanner ran into it, said before anything is saved.
    let warnings = label.as_ref().map(|l| l.warnings(chrono::Datelike::year(today))).unwrap_or_default();
    form.warning = (!warnings.is_empty()).then(|| warnings.join("; "));
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
    open.form.subtitle =
        Some(format!("{missing}: add the reference (the label's number is filled in), then r to receive"));
    open
}

fn units(form: &Form) -> Result<u32, String> {
    form.whole::<u32>("units")?.ok_or_else(|| "Units: a whole number, such as 1".to_string())
}

fn optional(form: &Form, key: &str) -> Option<String> {
    Some(form.value(key).to_string()).filter(|v| !v.is_empty())
}

pub(super) fn receive_request(form: &Form, scanned: Option<String>) -> Result<Request, String> {
    let ref_id = form.value("reference").parse().map_err(|_| "Reference: choose one with ← →".to_string())?;
    let expiry = match optional(form, "expiry") {
        Some(text) => Some(parse_date(&text)?),
        None => None,
    };
    let (lot, serial) = (optional(form, "lot"), optional(form, "serial"));
    if lot.is_none() && serial.is_none() {
        return Err("Lot or serial: type one as on the label (R-TRACE-1)".into());
    }
    // Found in use (#10): a second box scanned straight after the first
    // landed in this last field, and its Enter saved the first box with the
    // second label as its location. A field holding a label, or the start
    // of one (issue 10: a scan cut short), is refused.
    for key in ["location", "lot", "serial"] {
        if scan::looks_like_label(form.value(key)) {
            return Err(format!(
                "{}: this is a scanned label (a second box?): clear it (Ctrl-U) and save this box, then r to scan the next",
                form.fields.iter().find(|f| f.key == key).map_or(key, |f| f.label)
            ));
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
    Ok(Request::Stock(StockRequest::Receive { receipt: Box::new(receipt), who: "receipt".into() }))
}

/// What the selected row is called in a form's subtitle.
fn row_words(row: &StockRow) -> String {
    match &row.lot {
        Some(lot) => format!(
            "{} {} — {}, {} on the shelf, {} reserved",
            row.reference.code,
            row.reference.name,
            lot.label(),
            lot.quantity,
            lot.reserved
        ),
        None => format!("{} {} — nothing on the shelf", row.reference.code, row.reference.name),
    }
}

/// R-STOCK-3: reserve units of the selected reference for a case; the store
/// takes them from the lot FEFO picks for the case's day.
pub fn reserve(row: &StockRow, cases: &[StockCase], zone: Tz) -> Option<OpenForm> {
    // Nothing is reserved for a case already done (it is offered for a use).
    let cases: Vec<StockCase> = cases.iter().filter(|c| !c.done).cloned().collect();
    let cases = cases.as_slice();
    let fields = vec![
        Field::pick("case", "Case", case_choices(cases, zone)),
        Field::whole("units", "Units", 1, MAX_UNITS).with("1"),
    ];
    (!cases.is_empty()).then(|| {
        let form = Form::new("Reserve for a case (FEFO)", fields).with_subtitle(row_words(row));
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
        fields.push(Field::pick("case", "Case", case_choices(cases, zone)));
    }
    if kind != MovementKind::Quarantine {
        fields.push(Field::whole("units", "Units", 1, MAX_UNITS).with("1"));
    }
    if kind.needs_reason() {
        fields.push(Field::text("reason", "Reason", 120));
    }
    let title = match kind {
        MovementKind::Implant | MovementKind::Consume if row.reference.implantable => "Implant in a case (traced)",
        MovementKind::Implant | MovementKind::Consume => "Use in a case (traced)",
        MovementKind::Release => "Release units held for a case",
        MovementKind::Return => "Return to the supplier",
        MovementKind::Waste => "Waste",
        MovementKind::Quarantine => "Quarantine the lot",
        MovementKind::Receive | MovementKind::Reserve => return None,
    };
    let form = Form::new(title, fields).with_subtitle(row_words(row));
    let who = format!("{} {}", row.reference.code, lot.label());
    Some(OpenForm::new(form, Purpose::Movement { lot_id: lot.id, kind }, &who))
}

/// How a case holding units of a lot is named: patient (R-PATH-5), day
/// and time, procedure, units held.
pub fn hold_words(hold: &LotHold, zone: Tz) -> String {
    let when = hold.start.with_timezone(&zone).format("%d/%m %H:%M");
    format!("{} {when} {} (case #{}), {} held", hold.patient, hold.procedure, hold.case_id, hold.units)
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
    let mut case = Field::pick("case", "Case", choices);
    let mut units = Field::whole("units", "Units", 1, MAX_UNITS).with("1");
    if let [only] = holds {
        case = case.with(only.case_id.to_string());
        units = units.with(only.units.to_string());
    }
    let form = Form::new("Release units held for a case", vec![case, units]).with_subtitle(row_words(row));
    let who = format!("{} {}", row.reference.code, lot.label());
    Some(OpenForm::new(form, Purpose::Movement { lot_id: lot.id, kind: MovementKind::Release }, &who))
}

pub(super) fn movement_request(form: &Form, lot_id: i64, kind: MovementKind, who: String) -> Result<Request, String> {
    let case_id = match form.fields.iter().any(|f| f.key == "case") {
        true => Some(form.value("case").parse().map_err(|_| "Case: choose one with ← →".to_string())?),
        false => None,
    };
    let units = if kind == MovementKind::Quarantine { 0 } else { units(form)? };
    let movement = Move { lot_id, kind, units, case_id, reason: optional(form, "reason") };
    Ok(Request::Stock(StockRequest::Move { movement, who }))
}

pub(super) fn reserve_request(form: &Form, ref_id: i64, who: String) -> Result<Request, String> {
    let case_id = form.value("case").parse().map_err(|_| "Case: choose one with ← →".to_string())?;
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
            let who = r.patient.as_ref().map_or_else(|| "patient missing".to_string(), ToString::to_string);
            let when = r.at.map(|t| t.with_timezone(&zone).format("%d/%m %H:%M").to_string()).unwrap_or_default();
            Choice::new(format!("{}:{}", r.id, r.version), format!("{who} case #{} {when}", r.case_id))
        })
        .collect();
    if open.is_empty() || operators.is_empty() {
        return None;
    }
    let doctors = operators.iter().map(|(id, name)| Choice::new(id.to_string(), name.clone())).collect();
    let fields = vec![Field::pick("implant", "Implant", open), Field::pick("operator", "Operator", doctors)];
    let form = Form::new("Who implanted it (R-TRACE-1)", fields);
    Some(OpenForm::new(form, Purpose::ImplantOperator, "implant record"))
}

pub(super) fn operator_request(form: &Form) -> Result<Request, String> {
    let bad = || "Implant: choose one with ← →".to_string();
    let (id, version) = form.value("implant").split_once(':').ok_or_else(bad)?;
    let (implant_id, version) = (id.parse().map_err(|_| bad())?, version.parse().map_err(|_| bad())?);
    let operator_id = form.value("operator").parse().map_err(|_| "Operator: choose one with ← →".to_string())?;
    Ok(Request::Stock(StockRequest::Operator { implant_id, version, operator_id, who: "implant record".into() }))
}

/// R-TRACE-1: void an implant record of the selected lot made by mistake:
/// which record (patient, case, time), why, and where its units go.
pub fn void_implant(recipients: &[crate::domain::stock::trace::ImplantRecord], zone: Tz) -> Option<OpenForm> {
    let records: Vec<Choice> = recipients
        .iter()
        .filter(|r| r.voided.is_none())
        .map(|r| {
            let who = r.patient.as_ref().map_or_else(|| "patient missing".to_string(), ToString::to_string);
            let when = r.at.map(|t| t.with_timezone(&zone).format("%d/%m %H:%M").to_string()).unwrap_or_default();
            Choice::new(r.id.to_string(), format!("#{} {who} case #{} {when} ×{}", r.id, r.case_id, r.units))
        })
        .collect();
    if records.is_empty() {
        return None;
    }
    let to = VoidTo::ALL
        .iter()
        .map(|t| {
            Choice::new(
                t.code(),
                if *t == VoidTo::Shelf { "back on the shelf (never opened)" } else { "to waste (opened)" },
            )
        })
        .collect();
    let only = (records.len() == 1).then(|| records[0].code.clone());
    let mut record = Field::pick("implant", "Record", records);
    if let Some(id) = only {
        record = record.with(id);
    }
    let fields = vec![record, Field::text("reason", "Reason (what was wrong)", 120), Field::pick("to", "Units go", to)];
    let form = Form::new("Void an implant record (R-TRACE-1)", fields)
        .with_subtitle("the record is kept, marked voided; a void is not undone");
    Some(OpenForm::new(form, Purpose::VoidImplant, "implant record"))
}

pub(super) fn void_request(form: &Form) -> Result<Request, String> {
    let implant_id = form.value("implant").parse().map_err(|_| "Record: choose one with ← →".to_string())?;
    let to = VoidTo::from_code(form.value("to")).ok_or_else(|| "Units go: choose one with ← →".to_string())?;
    let reason = form.value("reason").trim().to_string();
    if reason.is_empty() {
        return Err("Reason: say what was wrong with the record".into());
    }
    Ok(Request::Stock(StockRequest::VoidImplant {
        implant_id,
        reason,
        to,
        who: format!("implant record #{implant_id}"),
    }))
}

/// R-STOCK-3, R-TRACE-2: lift the selected lot's quarantine, or its recall
/// (said so in the title and asked again before saving).
pub fn lift(row: &StockRow) -> Option<OpenForm> {
    let lot = row.lot.as_ref().filter(|l| l.quarantine.is_some())?;
    let recall = lot.recalled();
    let title = if recall { "Lift the RECALL of this lot" } else { "Lift the quarantine" };
    let form = Form::new(title, vec![Field::text("reason", "Reason (who said it may be used)", 120)])
        .with_subtitle(format!("{} — {}", row_words(row), lot.quarantine.as_deref().unwrap_or_default()));
    let who = format!("{} {}", row.reference.code, lot.label());
    Some(OpenForm::new(form, Purpose::Lift { lot_id: lot.id, recall }, &who))
}

pub(super) fn lift_request(form: &Form, lot_id: i64, recall: bool, who: String) -> Result<Request, String> {
    let reason = form.value("reason").trim().to_string();
    if reason.is_empty() {
        return Err("Reason: say who said it may be used again".into());
    }
    Ok(Request::Stock(StockRequest::Lift { lot_id, reason, recall, who }))
}

/// R-TRACE-2: recall the selected lot (its number prefilled).
pub fn recall(row: &StockRow) -> OpenForm {
    let number = row.lot.as_ref().and_then(|l| l.lot.clone().or_else(|| l.serial.clone())).unwrap_or_default();
    let fields = vec![
        Field::text("number", "Lot or serial", 20).with(number),
        Field::text("reason", "Reason (the notice)", 120).optional(),
    ];
    let form = Form::new("Recall", fields).with_subtitle(format!("{} {}", row.reference.code, row.reference.name));
    OpenForm::new(form, Purpose::Recall { code: row.reference.code.clone() }, &row.reference.name)
}

pub(super) fn recall_request(form: &Form, code: String) -> Result<Request, String> {
    let reason = optional(form, "reason").unwrap_or_else(|| "recall".into());
    Ok(Request::Stock(StockRequest::Recall { code, number: form.value("number").to_string(), reason }))
}

/// R-STOCK-1: a new reference for the catalogue.
pub fn new_reference() -> OpenForm {
    let kinds = DeviceKind::ALL.iter().map(|k| Choice::new(k.code(), k.label())).collect();
    let fields = vec![
        Field::text("code", "Reference (REF)", 40),
        Field::text("manufacturer", "Manufacturer", 80),
        Field::text("name", "Name", 80),
        Field::pick("kind", "Kind", kinds),
        Field::flag("implantable", "Implantable"),
        Field::text("gtin", "GTIN (01)", 14).optional(),
        Field::whole("min", "Minimum stock", 0, MAX_UNITS).with("0"),
        Field::number("mm_per_turn", "mm per turn (distractor)", 0.1, 10.0).optional(),
    ];
    OpenForm::new(Form::new("New device reference", fields), Purpose::NewReference, "catalogue")
}

pub(super) fn new_reference_request(form: &Form) -> Result<Request, String> {
    let kind = DeviceKind::from_code(form.value("kind")).ok_or_else(|| "Kind: choose one with ← →".to_string())?;
    let min = form.whole::<u32>("min")?.ok_or_else(|| "Minimum stock: a whole number, such as 5".to_string())?;
    let mm_per_turn = match optional(form, "mm_per_turn") {
        Some(v) => Some(v.replace(',', ".").parse::<f64>().map_err(|_| "mm per turn: a number, such as 0.25")?),
        None => None,
    };
    let gtin = optional(form, "gtin");
    if let Some(g) = &gtin {
        gs1::Gtin::parse(g).map_err(|e| format!("GTIN: {e}"))?;
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
