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
                eyre!("{}", tr!("cli-stock-not-a-kind", kind = format!("{kind:?}"), kinds = kinds.join(", ")))
            })?;
            let new = NewReference { code, manufacturer, name, kind, implantable, gtin, min_stock: min, mm_per_turn };
            store.write(now, |tx| stock_moves::add_reference(tx, &new)).map_err(|e| store.explain(e))?;
            Ok(tr!("cli-stock-added", code = new.code.trim(), name = new.name.trim(), kind = kind.label()).into_owned())
        }
        Some(StockAction::Receive { scan, reference, lot, serial, expiry, units, location, expired_ok }) => {
            let asked = ReceiveAsked { scan, reference, lot, serial, expiry, units, location, expired_ok };
            receive(store, now, today, asked)
        }
        Some(StockAction::Lift { reference, lot, reason, recall }) => {
            let found = store.find_reference(&reference).map_err(|e| store.explain(e))?;
            let lots = store.find_lots(&found, &lot).map_err(|e| store.explain(e))?;
            let Some(chosen) = lots.iter().find(|l| l.quarantine.is_some()).or(lots.first()) else {
                let said = tr!("cli-stock-never-received", name = found.name.as_str(), lot = format!("{lot:?}"));
                return Err(eyre!("{said}"));
            };
            let id = chosen.id;
            let lifted =
                store.write(now, |tx| stock_moves::lift(tx, id, &reason, recall)).map_err(|e| store.explain(e))?;
            let (what, was, count) = (lifted.what.to_string(), lifted.was.to_string(), lifted.quantity);
            Ok(if recall {
                tr!("cli-stock-lifted-recall", what = what, was = was, count = count)
            } else {
                tr!("cli-stock-lifted-quarantine", what = what, was = was, count = count)
            }
            .into_owned())
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
        Some(text) => Some(
            labels::read(text, options).map_err(|e| eyre!("{}", tr!("cli-stock-scanned", error = e.to_string())))?,
        ),
        None => None,
    };
    let found = match (&reference, &label) {
        (Some(code), _) => store.find_reference(code).map_err(|e| match store.explain(e) {
            e @ crate::store::StoreError::Invalid { .. } => eyre!("{}", tr!("cli-stock-or-add", error = e.to_string())),
            e => e.into(),
        })?,
        (None, Some(label)) => {
            let refs: Vec<_> = store.stock().map_err(|e| store.explain(e))?.into_iter().map(|l| l.reference).collect();
            match label.reference(&refs) {
                Ok(Some(r)) => r.clone(),
                Ok(None) => return Err(eyre!("{}", tr!("cli-stock-no-gtin"))),
                Err(missing) => {
                    let add = match (missing.gtin(), missing.code()) {
                        (Some(g), _) => format!("`periop stock add --gtin {g}`"), // i18n: a command
                        (_, Some(c)) => format!("`periop stock add --ref {c}`"),  // i18n: a command
                        _ => "`periop stock add`".to_string(),                    // i18n: a command
                    };
                    return Err(eyre!("{}", tr!("cli-stock-add-it", missing = missing.to_string(), command = add)));
                }
            }
        }
        (None, None) => {
            return Err(eyre!("{}", tr!("cli-stock-which-device")));
        }
    };
    if let (Some(labels::Label::Gs1(parsed)), Some(known)) = (&label, &found.gtin)
        && let Some(g) = &parsed.gtin
        && g.as_str() != known
    {
        let said =
            tr!("cli-stock-other-gtin", gtin = g.to_string(), code = found.code.as_str(), known = known.as_str());
        return Err(eyre!("{said}"));
    }
    let expiry = match expiry {
        Some(text) => Some(
            crate::domain::day_label::parse_day(&text)
                .map_err(|_| eyre!("{}", tr!("cli-stock-not-an-expiry", text = format!("{text:?}"))))?,
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
    let expiry = receipt
        .expiry
        .map(|e| tr!("cli-stock-use-by", day = e.format("%d/%m/%Y").to_string()).into_owned())
        .unwrap_or_default();
    let joined = if got.added_to_existing { format!(" {}", tr!("cli-stock-joined")) } else { String::new() };
    // R-TRACE-3 (issue 10): what a dropped GS may have run into the lot.
    let warnings: String = label
        .as_ref()
        .map(|l| l.warnings(today.year()))
        .unwrap_or_default()
        .iter()
        .map(|w| format!("\n! {w}"))
        .collect();
    let name = found.name.as_str();
    Ok(tr!(
        "cli-stock-received",
        units = units,
        name = name,
        lots = lots,
        expiry = expiry,
        joined = joined,
        warnings = warnings
    )
    .into_owned())
}

fn lot_words(lot: &Option<String>, serial: &Option<String>) -> String {
    match (lot, serial) {
        (Some(l), Some(s)) => tr!("cli-stock-lot-serial", lot = l.as_str(), serial = s.as_str()),
        (Some(l), None) => tr!("cli-stock-lot", lot = l.as_str()),
        (None, Some(s)) => tr!("cli-stock-serial", serial = s.as_str()),
        (None, None) => tr!("cli-stock-no-lot"),
    }
    .into_owned()
}

fn day_text(day: Option<NaiveDate>) -> String {
    day.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_else(|| "-".into())
}

/// The mark a lot gets beside its status: expiring soon.
/// and expired besides quarantined or recalled (`✗ EXPIRED`).
fn expiring_mark(lot: &crate::domain::stock::lots::Lot, today: NaiveDate, days: i64) -> String {
    let also = lot.also(today).map(|m| format!(" {m}")).unwrap_or_default();
    let expiring = crate::domain::stock::lots::expiring(lot, today, days) && !lot.expired_on(today);
    if expiring { format!("{also} {}", tr!("cli-stock-expiring")) } else { also }
}

/// Text: each reference with usable / reserved / total, then its lots,
/// then the alerts; an alert about a case names its patient (R-PATH-5)
/// and case, from `cases`.
pub fn text(lines: &[StockLine], alerts: &[Alert], cases: &[AheadCase], today: NaiveDate, days: i64) -> String {
    let mut out = format!("{}\n", tr!("cli-stock-title", day = today.format("%d/%m/%Y").to_string()));
    if lines.is_empty() {
        out.push_str(&format!("{}\n", tr!("cli-stock-empty")));
    }
    for line in lines {
        let r = &line.reference;
        let low = if line.low(today) { format!("  {}", tr!("cli-stock-low")) } else { String::new() };
        let implant = if r.implantable { tr!("cli-stock-implant").into_owned() } else { String::new() };
        let said = tr!(
            "cli-stock-line",
            code = r.code.as_str(),
            name = r.name.as_str(),
            manufacturer = r.manufacturer.as_str(),
            kind = r.kind.label(),
            implant = implant,
            usable = line.usable(today),
            reserved = line.reserved(),
            total = line.total(),
            min = r.min_stock,
            low = low
        );
        out.push_str(&format!("\n{said}\n"));
        for lot in &line.lots {
            let said = tr!(
                "cli-stock-lot-line",
                lot = format!("{:<28}", lot_words(&lot.lot, &lot.serial)),
                expiry = format!("{:<10}", day_text(lot.expiry)),
                quantity = format!("{:>4}", lot.quantity),
                reserved = format!("{:>3}", lot.reserved),
                location = format!("{:<14}", lot.location),
                status = lot.status(today).label(),
                mark = expiring_mark(lot, today, days)
            );
            out.push_str(&format!("  {said}\n"));
        }
    }
    out.push_str(&format!("\n{}\n", tr!("cli-stock-alerts", count = alerts.len())));
    for a in alerts {
        let who = match a.subject {
            Subject::Case(id) => cases
                .iter()
                .find(|c| c.case_id == id)
                .map(|c| format!(" {}", tr!("cli-stock-case-of", patient = c.patient.to_string(), id = id)))
                .unwrap_or_else(|| format!(" {}", tr!("cli-stock-case", id = id))),
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
                eyre!("{}", tr!("cli-stock-recall-refused", error = e.to_string()))
            }
            e => e.into(),
        })?
    };
    let zone = store.zone();
    Ok(match format {
        ListFormat::Text => {
            let title = if preview { tr!("cli-stock-recall-preview") } else { tr!("cli-stock-recall") };
            let said = tr!(
                "cli-stock-recall-title",
                title = title,
                code = recall.reference.code.as_str(),
                name = recall.reference.name.as_str(),
                manufacturer = recall.reference.manufacturer.as_str(),
                number = recall.number.as_str()
            );
            let mut out = format!("{said}\n");
            if recall.quarantined.is_empty() {
                out.push_str(&format!("{}\n", tr!("cli-stock-nothing-to-quarantine")));
            }
            for (lot, units) in &recall.quarantined {
                let (lot, units) = (lot.to_string(), *units);
                let said = if preview {
                    tr!("cli-stock-would-quarantine", lot = lot, units = units)
                } else {
                    tr!("cli-stock-quarantined", lot = lot, units = units)
                };
                out.push_str(&format!("{said}\n"));
            }
            out.push_str(&format!("\n{}\n", tr!("cli-stock-received-by", count = recall.patients.len())));
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
        .ok_or_else(|| eyre!("{}", tr!("cli-stock-no-patient", number = format!("{patient:?}"))))?;
    let records = store.implants_of_patient(patient).map_err(|e| store.explain(e))?;
    let zone = store.zone();
    Ok(match format {
        ListFormat::Text => {
            let mut out = format!("{}\n", tr!("cli-stock-card", patient = who.to_string(), number = patient.trim()));
            if records.is_empty() {
                out.push_str(&format!("{}\n", tr!("cli-stock-no-implant")));
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
    r.at.map(|t| t.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_else(|| tr!("cli-stock-time-missing").into_owned())
}

fn records_text(records: &[ImplantRecord], zone: Tz) -> String {
    let mut out = String::new();
    for r in records {
        let who = r.patient.as_ref().map_or_else(|| tr!("cli-stock-patient-missing").into_owned(), ToString::to_string);
        let missing = r.missing();
        let gap = if missing.is_empty() {
            String::new()
        } else {
            let items: Vec<_> = missing.iter().map(|m| m.label()).collect();
            format!("  {}", tr!("cli-stock-missing", items = items.join(", ")))
        };
        let recalled = r
            .recalled
            .as_ref()
            .map(|m| {
                let day = m.at.with_timezone(&zone).format("%d/%m/%Y").to_string();
                format!("  {}", tr!("cli-stock-recalled", lot = r.lot_label(), day = day, reason = m.reason.as_str()))
            })
            .unwrap_or_default();
        let said = tr!(
            "cli-stock-record",
            id = r.id,
            patient = who,
            number = r.hospital_number.as_deref().unwrap_or("-"),
            case = r.case_id,
            when = when(r, zone),
            code = r.reference_code.as_str(),
            device = r.device.as_str(),
            manufacturer = r.manufacturer.as_str(),
            lot = r.lot_label(),
            operator = r.operator.as_deref().unwrap_or("-"),
            gap = gap,
            recalled = recalled
        );
        out.push_str(&format!("  {said}\n"));
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
            .ok_or_else(|| eyre!("{}", tr!("cli-stock-void-where", word = format!("{word:?}"))))?,
        None => {
            return Err(eyre!("{}", tr!("cli-stock-void-to")));
        }
    };
    let v = store.write(now, |tx| stock_moves::void_implant(tx, id, reason, to)).map_err(|e| store.explain(e))?;
    let who = v.patient.as_ref().map_or_else(|| tr!("cli-stock-patient-missing").into_owned(), ToString::to_string);
    let voided = tr!(
        "cli-stock-voided",
        id = v.implant_id,
        device = v.device.as_str(),
        lot = v.lot.to_string(),
        units = v.units,
        case = v.case_id,
        patient = who,
        reason = reason.trim()
    );
    let after = tr!("cli-stock-voided-after", to = to.words(), quantity = v.quantity);
    Ok(format!("{voided}\n{after}"))
}
