//! `periop stock`, `periop recall` and `periop implants` (R-STOCK-4,
//! R-TRACE-1, R-TRACE-2, R-TRACE-3): arguments read into domain values, the
//! store called, the output in text (for people), JSON and CSV (for
//! scripts; the columns below are stable).

use super::admissions::quote;
use super::args::{ListFormat, StockAction};
use crate::domain::attention::{Alert, Subject};
use crate::domain::board::AheadCase;
use crate::domain::stock::alerts::StockLine;
use crate::domain::stock::scan as labels;
use crate::domain::stock::trace::{ImplantRecord, VoidTo};
use crate::domain::stock::{DeviceKind, gs1};
use crate::domain::ward_time;
use crate::store::Store;
use crate::store::stock_moves::{self, NewReference, Receipt};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use color_eyre::Result;
use color_eyre::eyre::eyre;
use serde_json::json;

/// `periop stock [add|receive]`.
pub fn run(store: &mut Store, action: Option<StockAction>, format: ListFormat, now: DateTime<Utc>) -> Result<String> {
    let today = ward_time::local_day(now, store.zone());
    match action {
        None => {
            let lines = store.stock().map_err(|e| store.explain(e))?;
            let alerts = store.stock_alerts(today).map_err(|e| store.explain(e))?;
            let cases = store.alert_cases(&alerts).map_err(|e| store.explain(e))?;
            let days = store.settings().integer(crate::domain::settings::STOCK_EXPIRY_ALERT_DAYS);
            Ok(match format {
                ListFormat::Text => text(&lines, &alerts, &cases, today, days),
                ListFormat::Json => json_out(&lines, &alerts, today, days),
                ListFormat::Csv => csv(&lines, today, days),
            })
        }
        Some(StockAction::Add { code, manufacturer, name, kind, implantable, gtin, min, mm_per_turn }) => {
            let kind = DeviceKind::from_code(&kind).ok_or_else(|| {
                let kinds: Vec<&str> = DeviceKind::ALL.iter().map(|k| k.code()).collect();
                eyre!("--kind {kind:?} is not a device kind; use one of: {}", kinds.join(", "))
            })?;
            let new = NewReference { code, manufacturer, name, kind, implantable, gtin, min_stock: min, mm_per_turn };
            store.write(now, |tx| stock_moves::add_reference(tx, &new)).map_err(|e| store.explain(e))?;
            Ok(format!("reference {} added: {} ({})", new.code.trim(), new.name.trim(), kind.label()))
        }
        Some(StockAction::Receive { scan, reference, lot, serial, expiry, units, location, expired_ok }) => {
            let asked = ReceiveAsked { scan, reference, lot, serial, expiry, units, location, expired_ok };
            receive(store, now, today, asked)
        }
        Some(StockAction::Lift { reference, lot, reason, recall }) => {
            let found = store.find_reference(&reference).map_err(|e| store.explain(e))?;
            let lots = store.find_lots(&found, &lot).map_err(|e| store.explain(e))?;
            let Some(chosen) = lots.iter().find(|l| l.quarantine.is_some()).or(lots.first()) else {
                return Err(eyre!("{} lot {lot:?} was never received here; check the lot number", found.name));
            };
            let id = chosen.id;
            let lifted =
                store.write(now, |tx| stock_moves::lift(tx, id, &reason, recall)).map_err(|e| store.explain(e))?;
            Ok(format!(
                "{}: {} lifted (was: {}); {} unit(s) usable again",
                lifted.what,
                if recall { "recall" } else { "quarantine" },
                lifted.was,
                lifted.quantity
            ))
        }
    }
}

/// What `periop stock receive` was asked (its options, as typed).
struct ReceiveAsked {
    scan: Option<String>,
    reference: Option<String>,
    lot: Option<String>,
    serial: Option<String>,
    /// YYYY-MM-DD.
    expiry: Option<String>,
    units: Option<u32>,
    location: String,
    /// R-STOCK-3: receive a lot whose use-by day has passed.
    expired_ok: bool,
}

fn receive(store: &mut Store, now: DateTime<Utc>, today: NaiveDate, asked: ReceiveAsked) -> Result<String> {
    let ReceiveAsked { scan, reference, lot, serial, expiry, units, location, expired_ok } = asked;
    let options = gs1::Options { separator: store.settings().scanner_gs_key(), reference_year: today.year() };
    // R-TRACE-3: one reader for GS1 and HIBC, the Stock tab's.
    let label = match &scan {
        Some(text) => Some(labels::read(text, options).map_err(|e| eyre!("the scanned string: {e}"))?),
        None => None,
    };
    let found = match (&reference, &label) {
        (Some(code), _) => store.find_reference(code).map_err(|e| match store.explain(e) {
            e @ crate::store::StoreError::Invalid { .. } => eyre!("{e} (or add it with `periop stock add`)"),
            e => e.into(),
        })?,
        (None, Some(label)) => {
            let refs: Vec<_> = store.stock().map_err(|e| store.explain(e))?.into_iter().map(|l| l.reference).collect();
            match label.reference(&refs) {
                Ok(Some(r)) => r.clone(),
                Ok(None) => return Err(eyre!("which device? the label has no (01) GTIN; pass --ref CODE")),
                Err(missing) => {
                    let add = match (missing.gtin(), missing.code()) {
                        (Some(g), _) => format!("`periop stock add --gtin {g}`"),
                        (_, Some(c)) => format!("`periop stock add --ref {c}`"),
                        _ => "`periop stock add`".to_string(),
                    };
                    return Err(eyre!("{missing}; add it with {add}"));
                }
            }
        }
        (None, None) => {
            return Err(eyre!("which device? pass --scan with a (01) GTIN or an HIBC label, or --ref CODE"));
        }
    };
    if let (Some(labels::Label::Gs1(parsed)), Some(known)) = (&label, &found.gtin)
        && let Some(g) = &parsed.gtin
        && g.as_str() != known
    {
        return Err(eyre!("the scanned GTIN {g} is not reference {}'s ({known}); check the label", found.code));
    }
    let expiry = match expiry {
        Some(text) => Some(
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .map_err(|_| eyre!("--expiry {text:?} is not a day; write it like 2027-06-30"))?,
        ),
        None => label.as_ref().and_then(labels::Label::expiry),
    };
    let units = units.or(label.as_ref().and_then(labels::Label::count)).unwrap_or(1);
    let receipt = Receipt {
        ref_id: found.id,
        lot: lot.or(label.as_ref().and_then(|l| l.lot().cloned())),
        serial: serial.or(label.as_ref().and_then(|l| l.serial().cloned())),
        expiry,
        units,
        location,
        scanned: scan,
        expired_ok,
    };
    let got = store.write(now, |tx| stock_moves::receive(tx, &receipt)).map_err(|e| store.explain(e))?;
    let lots = lot_words(&receipt.lot, &receipt.serial);
    let expiry = receipt.expiry.map(|e| format!(", use by {}", e.format("%d/%m/%Y"))).unwrap_or_default();
    let joined = if got.added_to_existing { " (added to the lot on the shelf)" } else { "" };
    // R-TRACE-3 (issue 10): what a dropped GS may have run into the lot.
    let warnings: String = label
        .as_ref()
        .map(|l| l.warnings(today.year()))
        .unwrap_or_default()
        .iter()
        .map(|w| format!("\n! {w}"))
        .collect();
    Ok(format!("received {units} × {} {lots}{expiry}{joined}{warnings}", found.name))
}

fn lot_words(lot: &Option<String>, serial: &Option<String>) -> String {
    match (lot, serial) {
        (Some(l), Some(s)) => format!("lot {l} serial {s}"),
        (Some(l), None) => format!("lot {l}"),
        (None, Some(s)) => format!("serial {s}"),
        (None, None) => "no lot".into(),
    }
}

fn day_text(day: Option<NaiveDate>) -> String {
    day.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_else(|| "-".into())
}

/// The mark a lot gets beside its status: expiring soon.
/// and expired besides quarantined or recalled (`✗ EXPIRED`).
fn expiring_mark(lot: &crate::domain::stock::lots::Lot, today: NaiveDate, days: i64) -> String {
    let also = lot.also(today).map(|m| format!(" {m}")).unwrap_or_default();
    let expiring = crate::domain::stock::lots::expiring(lot, today, days) && !lot.expired_on(today);
    format!("{also}{}", if expiring { " ! expiring" } else { "" })
}

/// Text: each reference with usable / reserved / total, then its lots,
/// then the alerts; an alert about a case names its patient (R-PATH-5)
/// and case, from `cases`.
pub fn text(lines: &[StockLine], alerts: &[Alert], cases: &[AheadCase], today: NaiveDate, days: i64) -> String {
    let mut out = format!("Stock on {}\n", today.format("%d/%m/%Y"));
    if lines.is_empty() {
        out.push_str("no device references yet; add one with `periop stock add`\n");
    }
    for line in lines {
        let r = &line.reference;
        let low = if line.low(today) { "  ! LOW" } else { "" };
        out.push_str(&format!(
            "\n{} {} ({}, {}{}) usable {} reserved {} total {} min {}{low}\n",
            r.code,
            r.name,
            r.manufacturer,
            r.kind.label(),
            if r.implantable { ", implant" } else { "" },
            line.usable(today),
            line.reserved(),
            line.total(),
            r.min_stock
        ));
        for lot in &line.lots {
            out.push_str(&format!(
                "  {:<28} use by {:<10} qty {:>4} reserved {:>3} {:<14} {}{}\n",
                lot_words(&lot.lot, &lot.serial),
                day_text(lot.expiry),
                lot.quantity,
                lot.reserved,
                lot.location,
                lot.status(today).label(),
                expiring_mark(lot, today, days)
            ));
        }
    }
    out.push_str(&format!("\nAlerts ({})\n", alerts.len()));
    for a in alerts {
        let who = match a.subject {
            Subject::Case(id) => cases
                .iter()
                .find(|c| c.case_id == id)
                .map(|c| format!(" — {}, case #{id}", c.patient))
                .unwrap_or_else(|| format!(" — case #{id}")),
            _ => String::new(),
        };
        out.push_str(&format!("  {} {} ({}){who}\n", a.severity.glyph(), a.message, a.rule));
    }
    out
}

fn json_out(lines: &[StockLine], alerts: &[Alert], today: NaiveDate, days: i64) -> String {
    let refs: Vec<serde_json::Value> = lines
        .iter()
        .map(|l| {
            let lots: Vec<serde_json::Value> = l
                .lots
                .iter()
                .map(|lot| {
                    json!({
                        "lot": lot.lot, "serial": lot.serial, "expiry": lot.expiry,
                        "quantity": lot.quantity, "reserved": lot.reserved, "location": lot.location,
                        "status": lot.status(today).code(),
                        "expiring": crate::domain::stock::lots::expiring(lot, today, days) && !lot.expired_on(today),
                        "quarantine_reason": lot.quarantine, "scanned": lot.scanned,
                    })
                })
                .collect();
            json!({
                "code": l.reference.code, "name": l.reference.name, "manufacturer": l.reference.manufacturer,
                "kind": l.reference.kind, "implantable": l.reference.implantable, "gtin": l.reference.gtin,
                "min_stock": l.reference.min_stock, "mm_per_turn": l.reference.mm_per_turn,
                "usable": l.usable(today), "reserved": l.reserved(), "total": l.total(), "low": l.low(today),
                "lots": lots,
            })
        })
        .collect();
    let value = json!({ "day": today, "references": refs, "alerts": alerts });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// CSV: one line per lot. Columns: code, name, kind, implantable, lot,
/// serial, expiry (YYYY-MM-DD), quantity, reserved, location, status,
/// expiring (yes/no), low (yes/no, the reference's).
fn csv(lines: &[StockLine], today: NaiveDate, days: i64) -> String {
    let mut out =
        String::from("code,name,kind,implantable,lot,serial,expiry,quantity,reserved,location,status,expiring,low\n");
    let yes = |b: bool| if b { "yes" } else { "no" }.to_string();
    for l in lines {
        for lot in &l.lots {
            let fields = [
                l.reference.code.clone(),
                l.reference.name.clone(),
                l.reference.kind.code().to_string(),
                yes(l.reference.implantable),
                lot.lot.clone().unwrap_or_default(),
                lot.serial.clone().unwrap_or_default(),
                lot.expiry.map(|d| d.to_string()).unwrap_or_default(),
                lot.quantity.to_string(),
                lot.reserved.to_string(),
                lot.location.clone(),
                lot.status(today).code().to_string(),
                yes(crate::domain::stock::lots::expiring(lot, today, days) && !lot.expired_on(today)),
                yes(l.low(today)),
            ];
            let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
    }
    out
}

/// What `periop recall` was asked.
pub struct RecallAsked<'a> {
    pub code: &'a str,
    pub number: &'a str,
    pub reason: Option<&'a str>,
    /// Only list (any account that may read); nothing is written.
    pub preview: bool,
}

/// `periop recall --ref R --lot L`: quarantines and lists (R-TRACE-2);
/// with `--preview`, only lists.
pub fn recall(store: &mut Store, asked: RecallAsked<'_>, format: ListFormat, now: DateTime<Utc>) -> Result<String> {
    let RecallAsked { code, number, reason, preview } = asked;
    let recall = if preview {
        store.recall_preview(code, number).map_err(|e| store.explain(e))?
    } else {
        let reason = reason.unwrap_or("recall");
        store.write(now, |tx| stock_moves::recall(tx, code, number, reason)).map_err(|e| match store.explain(e) {
            e @ crate::store::StoreError::NotAllowed { .. } => {
                eyre!("{e}; `periop recall --preview` lists who received it without quarantining")
            }
            e => e.into(),
        })?
    };
    let zone = store.zone();
    let would = if preview { "would be " } else { "" };
    Ok(match format {
        ListFormat::Text => {
            let mut out = format!(
                "{} of {} {} ({}), lot or serial {}\n",
                if preview { "Recall preview (nothing written)" } else { "Recall" },
                recall.reference.code,
                recall.reference.name,
                recall.reference.manufacturer,
                recall.number
            );
            if recall.quarantined.is_empty() {
                out.push_str("nothing more to quarantine (already recalled)\n");
            }
            for (lot, units) in &recall.quarantined {
                out.push_str(&format!("{would}quarantined: {lot}, {units} unit(s) left on the shelf\n"));
            }
            out.push_str(&format!("\nPatients who received it ({})\n", recall.patients.len()));
            out.push_str(&records_text(&recall.patients, zone));
            out
        }
        ListFormat::Json => {
            let value = json!({
                "preview": preview,
                "reference": recall.reference.code, "name": recall.reference.name, "number": recall.number,
                "quarantined": recall.quarantined.iter().map(|(l, u)| json!({"lot": l, "units": u})).collect::<Vec<_>>(),
                "patients": records_json(&recall.patients, zone),
            });
            serde_json::to_string_pretty(&value).unwrap_or_default()
        }
        ListFormat::Csv => records_csv(&recall.patients, zone),
    })
}

/// `periop implants --patient ID`: the patient's implant card (R-TRACE-1).
pub fn implants(store: &Store, patient: &str, format: ListFormat) -> Result<String> {
    let who = store
        .patient_by_hospital_number(patient)
        .map_err(|e| store.explain(e))?
        .ok_or_else(|| eyre!("no patient has hospital number {patient:?}; check the number"))?;
    let records = store.implants_of_patient(patient).map_err(|e| store.explain(e))?;
    let zone = store.zone();
    Ok(match format {
        ListFormat::Text => {
            let mut out = format!("Implant card: {who}, hospital number {}\n", patient.trim());
            if records.is_empty() {
                out.push_str("no implant recorded\n");
            }
            out.push_str(&records_text(&records, zone));
            out
        }
        ListFormat::Json => {
            let value = json!({ "patient": who, "implants": records_json(&records, zone) });
            serde_json::to_string_pretty(&value).unwrap_or_default()
        }
        ListFormat::Csv => records_csv(&records, zone),
    })
}

fn when(r: &ImplantRecord, zone: Tz) -> String {
    r.at.map(|t| t.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string()).unwrap_or_else(|| "time missing".into())
}

fn records_text(records: &[ImplantRecord], zone: Tz) -> String {
    let mut out = String::new();
    for r in records {
        let who = r.patient.as_ref().map_or_else(|| "patient missing".to_string(), ToString::to_string);
        let missing = r.missing();
        let gap = if missing.is_empty() {
            String::new()
        } else {
            let items: Vec<_> = missing.iter().map(|m| m.label()).collect();
            format!("  ! missing: {}", items.join(", "))
        };
        let recalled = r
            .recalled
            .as_ref()
            .map(|m| {
                format!(
                    "  ! RECALLED {} on {} ({})",
                    r.lot_label(),
                    m.at.with_timezone(&zone).format("%d/%m/%Y"),
                    m.reason
                )
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "  #{}  {who}  {}  case #{}  {}  {} {} ({}) {}  operator {}{gap}{recalled}\n",
            r.id,
            r.hospital_number.as_deref().unwrap_or("-"),
            r.case_id,
            when(r, zone),
            r.reference_code,
            r.device,
            r.manufacturer,
            r.lot_label(),
            r.operator.as_deref().unwrap_or("-"),
        ));
    }
    out
}

fn records_json(records: &[ImplantRecord], zone: Tz) -> Vec<serde_json::Value> {
    records
        .iter()
        .map(|r| {
            json!({
                "patient": r.patient, "hospital_number": r.hospital_number, "case": r.case_id,
                "at": r.at.map(|t| t.with_timezone(&zone).to_rfc3339()),
                "reference": r.reference_code, "device": r.device, "manufacturer": r.manufacturer,
                "lot": r.lot, "serial": r.serial, "expiry": r.expiry, "units": r.units,
                "operator": r.operator, "recorded_by": r.recorded_by,
                "missing": r.missing(), "record": r.id,
                "recalled": r.recalled.as_ref().map(|m| json!({
                    "at": m.at.with_timezone(&zone).to_rfc3339(), "reason": m.reason,
                })),
            })
        })
        .collect()
}

/// CSV: surname, first_name, birth_date, hospital_number, case, at (ward
/// time, RFC 3339), reference, device, lot, serial, units, operator.
fn records_csv(records: &[ImplantRecord], zone: Tz) -> String {
    let mut out = String::from(
        "surname,first_name,birth_date,hospital_number,case,at,reference,device,lot,serial,units,operator\n",
    );
    for r in records {
        let (surname, first, birth) = match &r.patient {
            Some(p) => (
                crate::domain::names::surname_shown(&p.surname),
                crate::domain::names::first_name_shown(&p.first_name),
                p.birth_date.to_string(),
            ),
            None => Default::default(),
        };
        let fields = [
            surname,
            first,
            birth,
            r.hospital_number.clone().unwrap_or_default(),
            r.case_id.to_string(),
            r.at.map(|t| t.with_timezone(&zone).to_rfc3339()).unwrap_or_default(),
            r.reference_code.clone(),
            r.device.clone(),
            r.lot.clone().unwrap_or_default(),
            r.serial.clone().unwrap_or_default(),
            r.units.to_string(),
            r.operator.clone().unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// `periop void implant ID --reason … --to shelf|waste` (R-TRACE-1): the
/// record kept, marked voided; its units back on the shelf or wasted.
pub fn void_implant(store: &mut Store, id: i64, reason: &str, to: Option<&str>, now: DateTime<Utc>) -> Result<String> {
    let to = match to {
        Some(word) => VoidTo::from_code(word)
            .ok_or_else(|| eyre!("--to {word:?}: say where the units go, `shelf` (never opened) or `waste`"))?,
        None => {
            return Err(eyre!(
                "an implant's units go back on the shelf or to waste: add --to shelf (never opened) or --to waste"
            ));
        }
    };
    let v = store.write(now, |tx| stock_moves::void_implant(tx, id, reason, to)).map_err(|e| store.explain(e))?;
    let who = v.patient.as_ref().map_or_else(|| "patient missing".to_string(), ToString::to_string);
    Ok(format!(
        "voided implant record #{}: {} ({}), {} unit(s), case #{}, of {who}; reason: {}\n\
         {}: {} on the shelf now; the record is kept in the history, no longer counted (a void is not undone)",
        v.implant_id,
        v.device,
        v.lot,
        v.units,
        v.case_id,
        reason.trim(),
        to.words(),
        v.quantity
    ))
}
