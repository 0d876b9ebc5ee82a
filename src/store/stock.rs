//! Device stock, read (R-STOCK-1, R-STOCK-4, R-TRACE-1, R-TRACE-2): the
//! references with their lots, the units held for cases, implant records by
//! case, patient and lot. What they mean (status, FEFO, alerts) is decided in
//! `domain::stock`; the changes are in [`super::stock_moves`].

use super::Store;
use super::db::{Connection, OptionalExtension};
use super::decode::known;
use super::error::{Result, StoreError};
use super::rows;
use super::table::Table;
use crate::domain::attention::{Alert, Subject};
use crate::domain::board::AheadCase;
use crate::domain::identity::Identity;
use crate::domain::stock::Reference;
use crate::domain::stock::alerts::{self, Hold, StockLine};
use crate::domain::stock::lookup::{self, Found};
use crate::domain::stock::lots;
use crate::domain::stock::lots::Lot;
use crate::domain::stock::movement::MovementKind;
use crate::domain::stock::trace::{ImplantRecord, RecallMark, VoidMark, VoidTo};
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::collections::BTreeMap;

const REF_COLUMNS: &str = "id, version, code, manufacturer, name, kind, implantable, gtin, min_stock, mm_per_turn";

fn reference_row(r: &super::db::Row<'_>) -> super::db::Result<Reference> {
    let id: i64 = r.get(0)?;
    let kind: String = r.get(5)?;
    Ok(Reference {
        id,
        version: r.get(1)?,
        code: r.get(2)?,
        manufacturer: r.get(3)?,
        name: r.get(4)?,
        kind: known(&kind, Table::DeviceRefs, "kind", id)?,
        implantable: r.get(6)?,
        gtin: r.get(7)?,
        min_stock: r.get(8)?,
        mm_per_turn: r.get(9)?,
    })
}

pub(super) const LOT_COLUMNS: &str = "l.id, l.version, l.ref_id, l.lot, l.serial, l.expiry_on, l.quantity, l.reserved, l.location, l.quarantine_reason, l.scanned";

pub(super) fn lot_row(r: &super::db::Row<'_>) -> super::db::Result<Lot> {
    let expiry: Option<String> = r.get(5)?;
    Ok(Lot {
        id: r.get(0)?,
        version: r.get(1)?,
        reference_id: r.get(2)?,
        lot: r.get(3)?,
        serial: r.get(4)?,
        expiry: match expiry {
            Some(_) => Some(rows::day(r, 5)?),
            None => None,
        },
        quantity: r.get(6)?,
        reserved: r.get(7)?,
        location: r.get(8)?,
        quarantine: r.get(9)?,
        scanned: r.get(10)?,
    })
}

/// Every reference, by name, with its lots that still hold units (oldest
/// expiry first), and those used up with an implant record still lacking
/// its operator (R-TRACE-1: to complete it); with `used_up`, every lot
/// ever received (traceability: a used-up lot stays findable, found in
/// use, fix 10). Two queries whatever the size.
pub fn lines(conn: &Connection, used_up: bool) -> Result<Vec<StockLine>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {REF_COLUMNS} FROM device_refs ORDER BY name, code"))?;
    let mut out: Vec<StockLine> = stmt
        .query_map([], reference_row)?
        .map(|r| r.map(|reference| StockLine { reference, lots: Vec::new() }))
        .collect::<super::db::Result<_>>()?;
    let index: BTreeMap<i64, usize> = out.iter().enumerate().map(|(i, l)| (l.reference.id, i)).collect();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LOT_COLUMNS} FROM device_lots l
         WHERE CAST(?1 AS BIGINT) = 1 OR l.quantity > 0 OR l.id IN (SELECT lot_id FROM implants WHERE operator_id IS NULL)
         ORDER BY l.expiry_on IS NULL, l.expiry_on, l.id"
    ))?;
    for lot in stmt.query_map([used_up], lot_row)? {
        let lot = lot?;
        if let Some(&i) = index.get(&lot.reference_id) {
            out[i].lots.push(lot);
        }
    }
    Ok(out)
}

/// One reference by its catalogue code (`REF` on the label).
pub fn reference_by_code(conn: &Connection, code: &str) -> Result<Option<Reference>> {
    let sql = format!("SELECT {REF_COLUMNS} FROM device_refs WHERE code = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([code.trim()], reference_row).optional()?)
}

/// R-TRACE-2: the reference a user typed (a recall notice, `--ref`):
/// exactly, else without regard to case; refused naming the codes when two
/// differ only by case, or suggesting the close ones when none matches
/// (see `domain::stock::lookup`). The catalogue is small: its codes are
/// read whole.
pub fn find_reference(conn: &Connection, code: &str) -> Result<Reference> {
    let codes: Vec<String> = conn
        .prepare_cached("SELECT code FROM device_refs ORDER BY code")?
        .query_map([], |r| r.get(0))?
        .collect::<super::db::Result<_>>()?;
    let what = tr!("store-reference", code = code.trim()).into_owned();
    match lookup::lookup(code, &codes) {
        Found::One(found) => reference_by_code(conn, found)?
            .ok_or_else(|| StoreError::NotFound(tr!("store-the-device-reference").into_owned())),
        Found::Several(all) => Err(StoreError::invalid(what, differ_by_case(&all))),
        Found::Nothing(close) => Err(StoreError::invalid(
            what,
            tr!("store-reference-unknown", did_you_mean = crate::domain::stock::lookup::did_you_mean(&close)),
        )),
    }
}

/// R-TRACE-2: the lots of `reference` numbered `number` (lot or serial) as
/// a user typed it, matched as [`find_reference`] matches codes, whatever
/// they hold; refused naming the reference and the number otherwise.
pub fn find_lots(conn: &Connection, reference: &Reference, number: &str) -> Result<Vec<Lot>> {
    let numbers: Vec<String> = conn
        .prepare_cached(
            "SELECT lot FROM device_lots WHERE ref_id = ?1 AND lot IS NOT NULL
             UNION SELECT serial FROM device_lots WHERE ref_id = ?1 AND serial IS NOT NULL",
        )?
        .query_map([reference.id], |r| r.get(0))?
        .collect::<super::db::Result<_>>()?;
    let what = tr!("store-reference-lot", name = reference.name.as_str(), number = number.trim()).into_owned();
    match lookup::lookup(number, &numbers) {
        Found::One(found) => lots_numbered(conn, reference.id, found),
        Found::Several(all) => Err(StoreError::invalid(what, differ_by_case(&all))),
        Found::Nothing(close) => Err(StoreError::invalid(
            what,
            tr!("store-lot-unknown", did_you_mean = crate::domain::stock::lookup::did_you_mean(&close)),
        )),
    }
}

/// `A and a differ only by case; …`: codes or numbers a notice must give exactly.
fn differ_by_case(all: &[&str]) -> String {
    let all = all.join(&tr!("store-and"));
    tr!("store-differ-by-case", all = all).into_owned()
}

/// R-TRACE-3: the reference a scanned GTIN names, if the catalogue has it.
pub fn reference_by_gtin(conn: &Connection, gtin: &str) -> Result<Option<Reference>> {
    let sql = format!("SELECT {REF_COLUMNS} FROM device_refs WHERE gtin = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([gtin], reference_row).optional()?)
}

pub fn reference(conn: &Connection, id: i64) -> Result<Option<Reference>> {
    let sql = format!("SELECT {REF_COLUMNS} FROM device_refs WHERE id = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([id], reference_row).optional()?)
}

/// The lots of a reference holding units.
pub fn lots_of(conn: &Connection, ref_id: i64) -> Result<Vec<Lot>> {
    let sql = format!(
        "SELECT {LOT_COLUMNS} FROM device_lots l WHERE l.ref_id = ?1 AND l.quantity > 0
         ORDER BY l.expiry_on IS NULL, l.expiry_on, l.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(stmt.query_map([ref_id], lot_row)?.collect::<super::db::Result<_>>()?)
}

/// Lots of the reference `code` whose lot or serial number is `number`
/// (a recall names either), whatever they hold.
pub fn lots_numbered(conn: &Connection, ref_id: i64, number: &str) -> Result<Vec<Lot>> {
    let sql = format!(
        "SELECT {LOT_COLUMNS} FROM device_lots l WHERE l.ref_id = ?1 AND (l.lot = ?2 OR l.serial = ?2) ORDER BY l.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(stmt.query_map(super::db::params![ref_id, number.trim()], lot_row)?.collect::<super::db::Result<_>>()?)
}

/// Units held for cases still to come (not cancelled, postponed or done),
/// with each case's procedure day in the ward's zone.
pub fn holds(conn: &Connection, zone: Tz) -> Result<Vec<Hold>> {
    let sql = format!(
        "SELECT d.case_id, c.scheduled_start, r.name, d.units, {LOT_COLUMNS}
         FROM case_devices d JOIN cases c ON c.id = d.case_id JOIN device_lots l ON l.id = d.lot_id
         JOIN device_refs r ON r.id = l.ref_id
         WHERE d.units > 0 AND c.state IN ('planned', 'confirmed', 'in_progress') ORDER BY c.scheduled_start, d.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| {
        let start = rows::instant(r, 1)?;
        let lot = lot_row_at(r, 4)?;
        Ok(Hold {
            case_id: r.get(0)?,
            procedure_day: ward_time::local_day(start, zone),
            device: r.get(2)?,
            lot,
            units: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<super::db::Result<_>>()?)
}

/// [`lot_row`] for lot columns starting at `at`.
fn lot_row_at(r: &super::db::Row<'_>, at: usize) -> super::db::Result<Lot> {
    let expiry: Option<String> = r.get(at + 5)?;
    Ok(Lot {
        id: r.get(at)?,
        version: r.get(at + 1)?,
        reference_id: r.get(at + 2)?,
        lot: r.get(at + 3)?,
        serial: r.get(at + 4)?,
        expiry: match expiry {
            Some(_) => Some(rows::day(r, at + 5)?),
            None => None,
        },
        quantity: r.get(at + 6)?,
        reserved: r.get(at + 7)?,
        location: r.get(at + 8)?,
        quarantine: r.get(at + 9)?,
        scanned: r.get(at + 10)?,
    })
}

/// Columns 20..: the movement the record points at (an implant or consume
/// while it stands; the release or waste that voided it, see
/// `domain::stock::trace::VoidTo::of_movement`), and the lot's quarantine
/// with the time of its last quarantine movement (R-TRACE-2: recalled).
const IMPLANT_COLUMNS: &str = "i.id, i.version, i.case_id, i.lot_id, r.code, r.name, r.manufacturer, r.implantable,
    l.lot, l.serial, l.expiry_on, i.units, p.id, p.surname, p.first_name, p.birth_date, p.hospital_number,
    i.at, o.display_name, s.display_name, m.kind, m.at, m.reason, l.quarantine_reason,
    (SELECT q.at FROM stock_movements q WHERE q.lot_id = i.lot_id AND q.kind = 'quarantine' ORDER BY q.id DESC LIMIT 1)";

const IMPLANT_JOINS: &str = "FROM implants i JOIN device_lots l ON l.id = i.lot_id
    JOIN device_refs r ON r.id = l.ref_id LEFT JOIN patients p ON p.id = i.patient_id
    LEFT JOIN staff o ON o.id = i.operator_id JOIN staff s ON s.id = i.recorded_by
    JOIN stock_movements m ON m.id = i.movement_id";

/// The text a void's movement carries before the user's reason.
pub(super) fn void_reason(implant_id: i64, reason: &str) -> String {
    format!("implant record #{implant_id} voided: {}", reason.trim()) // i18n: stored: the void's note
}

fn implant_row(r: &super::db::Row<'_>) -> super::db::Result<ImplantRecord> {
    let expiry: Option<String> = r.get(10)?;
    let patient_id: Option<i64> = r.get(12)?;
    let patient = match patient_id {
        Some(patient_id) => {
            Some(Identity { patient_id, surname: r.get(13)?, first_name: r.get(14)?, birth_date: rows::day(r, 15)? })
        }
        None => None,
    };
    let at: Option<String> = r.get(17)?;
    Ok(ImplantRecord {
        id: r.get(0)?,
        version: r.get(1)?,
        case_id: r.get(2)?,
        lot_id: r.get(3)?,
        reference_code: r.get(4)?,
        device: r.get(5)?,
        manufacturer: r.get(6)?,
        implantable: r.get(7)?,
        lot: r.get(8)?,
        serial: r.get(9)?,
        expiry: match expiry {
            Some(_) => Some(rows::day(r, 10)?),
            None => None,
        },
        units: r.get(11)?,
        patient,
        hospital_number: r.get(16)?,
        at: at.as_deref().and_then(rows::parse_instant),
        operator: r.get(18)?,
        recorded_by: r.get(19)?,
        voided: {
            let kind: String = r.get(20)?;
            let id: i64 = r.get(0)?;
            let kind: MovementKind = known(&kind, Table::StockMovements, "kind", id)?;
            match VoidTo::of_movement(kind) {
                Some(to) => {
                    let reason: Option<String> = r.get(22)?;
                    let reason = reason.unwrap_or_default();
                    let reason = reason.split_once(" voided: ").map_or(reason.as_str(), |(_, r)| r).to_string(); // i18n: stored: the void's note
                    Some(VoidMark { at: rows::instant(r, 21)?, reason, to })
                }
                None => None,
            }
        },
        recalled: {
            let reason: Option<String> = r.get(23)?;
            let at: Option<String> = r.get(24)?;
            match (reason, at.as_deref().and_then(rows::parse_instant)) {
                (Some(reason), Some(at)) if lots::recall_text(&reason) => Some(RecallMark { at, reason }),
                _ => None,
            }
        },
    })
}

fn implants_where(conn: &Connection, filter: &str, params: impl super::db::Params) -> Result<Vec<ImplantRecord>> {
    let sql = format!("SELECT {IMPLANT_COLUMNS} {IMPLANT_JOINS} WHERE {filter} ORDER BY i.at, i.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(stmt.query_map(params, implant_row)?.collect::<super::db::Result<_>>()?)
}

/// Records that stand: not voided (their movement is still the use).
const STANDING: &str = "m.kind IN ('implant', 'consume')";

/// R-TRACE-1: one implant record, voided or not.
pub fn implant(conn: &Connection, implant_id: i64) -> Result<Option<ImplantRecord>> {
    Ok(implants_where(conn, "i.id = ?1", [implant_id])?.into_iter().next())
}

/// R-TRACE-1: the devices recorded for a case, those voided included
/// (marked so; the gates skip them).
pub fn implants_of_case(conn: &Connection, case_id: i64) -> Result<Vec<ImplantRecord>> {
    implants_where(conn, "i.case_id = ?1", [case_id])
}

/// R-TRACE-1: the devices recorded for the cases of an admission.
/// Only implantable devices: the list is the discharge letter's (found in
/// use, #10: a trocar used on the patient was listed as an implant).
pub fn implants_of_admission(conn: &Connection, admission_id: i64) -> Result<Vec<ImplantRecord>> {
    implants_where(
        conn,
        &format!("i.case_id IN (SELECT id FROM cases WHERE admission_id = ?1) AND r.implantable = 1 AND {STANDING}"),
        [admission_id],
    )
}

/// R-TRACE-1, R-DISCH-1: a patient's implant record, by hospital number:
/// the card given to the patient, so implantable devices only (a trocar or
/// a cannula used on them stays traced by lot for a recall, not on it).
pub fn implants_of_patient(conn: &Connection, hospital_number: &str) -> Result<Vec<ImplantRecord>> {
    implants_where(
        conn,
        &format!("p.hospital_number = ?1 AND r.implantable = 1 AND {STANDING}"),
        [hospital_number.trim()],
    )
}

/// R-TRACE-2: everyone who received units of these lots (a record voided
/// as made by mistake is not a patient who received it).
pub fn implants_of_lots(conn: &Connection, lot_ids: &[i64]) -> Result<Vec<ImplantRecord>> {
    let ids = serde_json::Value::from(lot_ids.to_vec()).to_string();
    let lots = super::dialect::ids_in(conn.dialect(), "?1");
    implants_where(conn, &format!("i.lot_id IN ({lots}) AND {STANDING}"), [ids])
}

/// A case's devices: the units held for it, and what was used.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseStock {
    pub case_id: i64,
    pub procedure_day: NaiveDate,
    /// (reference, lot, units held), units > 0.
    pub held: Vec<(Reference, Lot, u32)>,
    pub used: Vec<ImplantRecord>,
}

/// A case's held devices and records, or `None` for no such case.
pub fn case_stock(conn: &Connection, case_id: i64, zone: Tz) -> Result<Option<CaseStock>> {
    let start: Option<DateTime<Utc>> = conn
        .prepare_cached("SELECT scheduled_start FROM cases WHERE id = ?1")?
        .query_row([case_id], |r| rows::instant(r, 0))
        .optional()?;
    let Some(start) = start else { return Ok(None) };
    let sql = format!(
        "SELECT d.units, {LOT_COLUMNS} FROM case_devices d JOIN device_lots l ON l.id = d.lot_id
         WHERE d.case_id = ?1 AND d.units > 0 ORDER BY d.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let pairs: Vec<(u32, Lot)> =
        stmt.query_map([case_id], |r| Ok((r.get(0)?, lot_row_at(r, 1)?)))?.collect::<super::db::Result<_>>()?;
    let mut held = Vec::new();
    for (units, lot) in pairs {
        if let Some(reference) = reference(conn, lot.reference_id)? {
            held.push((reference, lot, units));
        }
    }
    Ok(Some(CaseStock {
        case_id,
        procedure_day: ward_time::local_day(start, zone),
        held,
        used: implants_of_case(conn, case_id)?,
    }))
}

/// A case the Stock tab can reserve for or record against: today's and the
/// coming days' not called off, and the past days' done or under way
/// whose stay is not closed (R-TRACE-1: a device is recorded after the
/// procedure, until the stay is discharged).
#[derive(Debug, Clone, PartialEq)]
pub struct StockCase {
    pub case_id: i64,
    pub patient: Identity,
    pub start: DateTime<Utc>,
    pub procedure: String,
    /// The procedure is marked done: a use may be recorded, nothing reserved.
    pub done: bool,
}

/// Days back the Stock tab offers cases done or under way, for recording
/// what was used after the procedure (a stay longer than this is rare;
/// `move_stock` itself allows any until the stay closes).
pub const DAYS_BACK: u64 = 7;

/// Cases starting from the ward day `from` for `days` days, by start, then
/// those of the [`DAYS_BACK`] days before it done or under way whose stay
/// is still open, the latest first (the coming cases stay first in a picker).
pub fn cases_from(conn: &Connection, from: NaiveDate, days: u32, zone: Tz) -> Result<Vec<StockCase>> {
    let (lo, _) = ward_time::day_bounds(from - chrono::Days::new(DAYS_BACK), zone);
    let (today, _) = ward_time::day_bounds(from, zone);
    let to = from + chrono::Days::new(u64::from(days));
    let (hi, _) = ward_time::day_bounds(to, zone);
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, p.id, p.surname, p.first_name, p.birth_date, c.scheduled_start, k.label,
                CASE WHEN c.state = 'done' THEN 1 ELSE 0 END
         FROM cases c JOIN admissions a ON a.id = c.admission_id JOIN patients p ON p.id = a.patient_id
         JOIN procedure_kinds k ON k.id = c.procedure_kind_id
         WHERE c.scheduled_start >= ?1 AND c.scheduled_start < ?2 AND a.state <> 'discharged'
           AND (c.state IN ('in_progress', 'done')
                OR (c.scheduled_start >= ?3 AND c.state IN ('planned', 'confirmed')))
         ORDER BY c.scheduled_start < ?3, CASE WHEN c.scheduled_start < ?3 THEN '' ELSE c.scheduled_start END,
                  c.scheduled_start DESC, c.id",
    )?;
    let (lo, hi, today) =
        (super::error::instant_text(lo), super::error::instant_text(hi), super::error::instant_text(today));
    let rows = stmt.query_map([lo, hi, today], |r| {
        Ok(StockCase {
            case_id: r.get(0)?,
            patient: Identity {
                patient_id: r.get(1)?,
                surname: r.get(2)?,
                first_name: r.get(3)?,
                birth_date: rows::day(r, 4)?,
            },
            start: rows::instant(r, 5)?,
            procedure: r.get(6)?,
            done: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<super::db::Result<_>>()?)
}

/// R-STOCK-3, R-PATH-5: who the cases named by `alerts` are (admission and
/// patient), so an alert about a case of any day names the patient and
/// opens the admission. One indexed read per case named (a handful).
pub fn alert_cases(conn: &Connection, alerts: &[Alert]) -> Result<Vec<AheadCase>> {
    let mut ids: Vec<i64> = alerts
        .iter()
        .filter_map(|a| match a.subject {
            Subject::Case(id) => Some(id),
            _ => None,
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, a.id, p.id, p.surname, p.first_name, p.birth_date
         FROM cases c JOIN admissions a ON a.id = c.admission_id JOIN patients p ON p.id = a.patient_id
         WHERE c.id = ?1",
    )?;
    let mut out = Vec::new();
    for id in ids {
        let found = stmt
            .query_row([id], |r| {
                Ok(AheadCase { case_id: r.get(0)?, admission_id: r.get(1)?, patient: super::board::identity(r, 2)? })
            })
            .optional()?;
        out.extend(found);
    }
    Ok(out)
}

/// R-STOCK-4: the stock's alerts on `today`.
pub fn stock_alerts(conn: &Connection, today: NaiveDate, zone: Tz, expiry_days: i64) -> Result<Vec<Alert>> {
    Ok(alerts::alerts(&lines(conn, false)?, &holds(conn, zone)?, today, expiry_days))
}

/// Units of a lot held for a case: which case (day and time, procedure)
/// and whose (R-PATH-5), for the lot panel and the release form (found in
/// use, issue 10: neither said which case held the units).
#[derive(Debug, Clone, PartialEq)]
pub struct LotHold {
    pub lot_id: i64,
    pub case_id: i64,
    /// The case's scheduled start (UTC).
    pub start: DateTime<Utc>,
    pub patient: Identity,
    pub procedure: String,
    /// Units held, > 0.
    pub units: u32,
}

/// Every lot's held units, by lot id, the earliest case first. One query.
pub fn lot_holds(conn: &Connection) -> Result<BTreeMap<i64, Vec<LotHold>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.lot_id, c.id, c.scheduled_start, p.id, p.surname, p.first_name, p.birth_date, k.label, d.units
         FROM case_devices d JOIN cases c ON c.id = d.case_id JOIN admissions a ON a.id = c.admission_id
         JOIN patients p ON p.id = a.patient_id JOIN procedure_kinds k ON k.id = c.procedure_kind_id
         WHERE d.units > 0 ORDER BY c.scheduled_start, d.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(LotHold {
            lot_id: r.get(0)?,
            case_id: r.get(1)?,
            start: rows::instant(r, 2)?,
            patient: super::board::identity(r, 3)?,
            procedure: r.get(7)?,
            units: r.get(8)?,
        })
    })?;
    let mut out: BTreeMap<i64, Vec<LotHold>> = BTreeMap::new();
    for hold in rows {
        let hold = hold?;
        out.entry(hold.lot_id).or_default().push(hold);
    }
    Ok(out)
}

/// What the Stock tab reads at once.
#[derive(Debug, Clone, PartialEq)]
pub struct StockData {
    pub lines: Vec<StockLine>,
    /// Cases from today for a week: what a movement can be for.
    pub cases: Vec<StockCase>,
    /// R-TRACE-2: who received units of each listed lot.
    pub recipients: BTreeMap<i64, Vec<ImplantRecord>>,
    /// R-STOCK-2: the cases holding units of each lot.
    pub holds: BTreeMap<i64, Vec<LotHold>>,
    /// R-TRACE-3: the key the site's scanners send for GS.
    pub gs_key: Option<char>,
    /// R-STOCK-4: `stock.expiry_alert_days`, for the `! expiring` mark.
    pub expiry_days: i64,
}

/// Days of cases the Stock tab offers, from today.
pub const CASE_DAYS: u32 = 7;

impl Store {
    /// The Stock tab on `today`: references and lots, the week's cases, the
    /// listed lots' recipients.
    /// With `used_up`, the lots used up too (see [`lines`]).
    pub fn stock_view(&self, today: NaiveDate, used_up: bool) -> Result<StockData> {
        let lines = lines(self.conn(), used_up)?;
        let ids: Vec<i64> = lines.iter().flat_map(|l| l.lots.iter().map(|lot| lot.id)).collect();
        let mut recipients: BTreeMap<i64, Vec<ImplantRecord>> = BTreeMap::new();
        if !ids.is_empty() {
            for record in implants_of_lots(self.conn(), &ids)? {
                recipients.entry(record.lot_id).or_default().push(record);
            }
        }
        Ok(StockData {
            lines,
            cases: cases_from(self.conn(), today, CASE_DAYS, self.zone())?,
            recipients,
            holds: lot_holds(self.conn())?,
            gs_key: self.settings().scanner_gs_key(),
            expiry_days: self.settings().integer(crate::domain::settings::STOCK_EXPIRY_ALERT_DAYS),
        })
    }

    /// The Stock tab: every reference and its lots.
    pub fn stock(&self) -> Result<Vec<StockLine>> {
        lines(self.conn(), false)
    }

    /// One reference by its catalogue code.
    pub fn reference_by_code(&self, code: &str) -> Result<Option<Reference>> {
        reference_by_code(self.conn(), code)
    }

    /// R-TRACE-2: the reference a user typed (see [`find_reference`]).
    pub fn find_reference(&self, code: &str) -> Result<Reference> {
        find_reference(self.conn(), code)
    }

    /// R-TRACE-2: the lots of a reference a user typed the number of (see [`find_lots`]).
    pub fn find_lots(&self, reference: &Reference, number: &str) -> Result<Vec<Lot>> {
        find_lots(self.conn(), reference, number)
    }

    /// R-TRACE-3: the reference a scanned GTIN names.
    pub fn reference_by_gtin(&self, gtin: &str) -> Result<Option<Reference>> {
        reference_by_gtin(self.conn(), gtin)
    }

    /// R-TRACE-1: a patient's implant record, by hospital number.
    /// Lots of a reference numbered `number` (lot or serial), whatever they hold.
    pub fn lots_numbered(&self, ref_id: i64, number: &str) -> Result<Vec<Lot>> {
        lots_numbered(self.conn(), ref_id, number)
    }

    /// R-TRACE-2: what a recall of lot `number` of reference `code` would
    /// quarantine, and who received it; read only (any account).
    pub fn recall_preview(&self, code: &str, number: &str) -> Result<super::stock_moves::Recall> {
        super::stock_moves::recall_preview(self.conn(), code, number)
    }

    pub fn implants_of_patient(&self, hospital_number: &str) -> Result<Vec<ImplantRecord>> {
        implants_of_patient(self.conn(), hospital_number)
    }

    /// R-PATH-5: who the cases of these stock alerts are.
    pub fn alert_cases(&self, alerts: &[Alert]) -> Result<Vec<AheadCase>> {
        alert_cases(self.conn(), alerts)
    }

    /// R-STOCK-4 on `today`, with the site's `stock.expiry_alert_days`.
    pub fn stock_alerts(&self, today: NaiveDate) -> Result<Vec<Alert>> {
        let days = self.settings().integer(crate::domain::settings::STOCK_EXPIRY_ALERT_DAYS);
        stock_alerts(self.conn(), today, self.zone(), days)
    }
}
