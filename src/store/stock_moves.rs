//! Device stock, written (R-STOCK-1, R-STOCK-2, R-STOCK-3, R-TRACE-1,
//! R-TRACE-2). Every change is a movement row written in the one audited
//! transaction that also keeps the lot's counts, the case's held units and,
//! for a use, the implant record. The counts follow
//! `domain::stock::movement::apply`, read and written inside the same
//! `BEGIN IMMEDIATE` transaction, so two terminals taking the last unit at
//! once cannot both have it; the schema's CHECKs refuse a negative count
//! whatever writes it.

use super::db::OptionalExtension;
use super::error::{Result, StoreError, instant_text};
use super::stock::{LOT_COLUMNS, lot_row, reference_by_code};
use super::table::Table;
use super::write::WriteTx;
use super::{rows, stock};
use crate::domain::block_timeline;
use crate::domain::case::CaseState;
use crate::domain::roles::Role;
use crate::domain::stock::lots::{self, Lot};
use crate::domain::stock::movement::{self, Counts, MovementKind, Refused};
use crate::domain::stock::trace::{self, ImplantRecord, VoidTo};
use crate::domain::stock::{DeviceKind, Reference, gs1};
use crate::domain::ward_time;
use chrono::NaiveDate;

/// A new device reference (R-STOCK-1).
#[derive(Debug, Clone, PartialEq)]
pub struct NewReference {
    /// The catalogue code (`REF` on the label); unique.
    pub code: String,
    pub manufacturer: String,
    pub name: String,
    pub kind: DeviceKind,
    pub implantable: bool,
    /// 8 to 14 digits; checked and padded to a GTIN-14.
    pub gtin: Option<String>,
    /// R-STOCK-4: units; 0 for no minimum.
    pub min_stock: u32,
    /// Distractors only: mm per turn.
    pub mm_per_turn: Option<f64>,
}

/// R-STOCK-1: adds a reference to the catalogue. Refuses a blank field, a
/// code or GTIN already used, a GTIN whose check digit is wrong.
pub fn add_reference(tx: &mut WriteTx<'_>, new: &NewReference) -> Result<i64> {
    let code = new.code.trim();
    for (what, value) in [
        ("store-reference-code", code),
        ("store-manufacturer", new.manufacturer.trim()),
        ("store-name", new.name.trim()),
    ] {
        if value.is_empty() {
            return Err(StoreError::invalid(crate::i18n::t(crate::i18n::language(), what), tr!("store-empty-field")));
        }
    }
    if reference_by_code(tx.conn(), code)?.is_some() {
        return Err(StoreError::invalid(tr!("store-reference", code = code), tr!("store-reference-exists")));
    }
    let gtin = match new.gtin.as_deref().map(str::trim).filter(|g| !g.is_empty()) {
        Some(g) => {
            let gtin = gs1::Gtin::parse(g).map_err(|e| StoreError::invalid("GTIN", e.to_string()))?;
            if let Some(other) = stock::reference_by_gtin(tx.conn(), gtin.as_str())? {
                return Err(StoreError::invalid(
                    tr!("store-gtin", gtin = gtin.to_string()),
                    tr!("store-gtin-taken", code = other.code.as_str()),
                ));
            }
            Some(gtin.to_string())
        }
        None => None,
    };
    if let Some(mm) = new.mm_per_turn
        && !(mm > 0.0 && mm <= 10.0)
    {
        return Err(StoreError::invalid(tr!("store-mm-per-turn"), tr!("store-not-a-turn", mm = format!("{mm}"))));
    }
    tx.insert(
        Table::DeviceRefs,
        &[
            ("code", &code),
            ("manufacturer", &new.manufacturer.trim()),
            ("name", &new.name.trim()),
            ("kind", &new.kind.code()),
            ("implantable", &new.implantable),
            ("gtin", &gtin),
            ("min_stock", &new.min_stock),
            ("mm_per_turn", &new.mm_per_turn),
        ],
    )
}

/// Units arriving (R-STOCK-2, receive).
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    pub ref_id: i64,
    pub lot: Option<String>,
    pub serial: Option<String>,
    pub expiry: Option<NaiveDate>,
    pub units: u32,
    pub location: String,
    /// R-TRACE-3: the whole scanned string, kept beside its parts.
    pub scanned: Option<String>,
    /// R-STOCK-3: the use-by day has passed and the user said to receive
    /// it anyway (to quarantine or return it); without it such a lot is
    /// refused, naming the day (found in use, issue 10: expired lots were
    /// received without a word).
    pub expired_ok: bool,
}

/// What a receipt did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Received {
    pub lot_id: i64,
    /// The units joined a lot already on the shelf.
    pub added_to_existing: bool,
}

/// R-STOCK-2: receives units. The same lot number (and serial) of the same
/// reference with the same expiry adds to the lot on the shelf; a serial
/// number is one unit and may not arrive twice.
pub fn receive(tx: &mut WriteTx<'_>, receipt: &Receipt) -> Result<Received> {
    let clean = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    let (lot, serial) = (clean(&receipt.lot), clean(&receipt.serial));
    let Some(reference) = stock::reference(tx.conn(), receipt.ref_id)? else {
        return Err(StoreError::NotFound(tr!("store-the-device-reference").into_owned()));
    };
    let what = tr!("store-receipt", name = reference.name.as_str()).into_owned();
    if lot.is_none() && serial.is_none() {
        return Err(StoreError::invalid(what, tr!("store-receipt-no-lot")));
    }
    for (name, value) in [("store-lot", &lot), ("store-serial", &serial)] {
        if let Some(v) = value
            && (v.chars().count() > 20 || v.chars().any(|c| !gs1::in_set_82(c)))
        {
            return Err(StoreError::invalid(
                crate::i18n::fmt(crate::i18n::language(), name, &[("number", v.as_str().into())]),
                tr!("store-gs1-rule"),
            ));
        }
    }
    let today = ward_time::local_day(tx.at(), tx.zone());
    if let Some(expiry) = receipt.expiry
        && expiry < today
        && !receipt.expired_ok
    {
        return Err(StoreError::invalid(
            what,
            tr!(
                "store-receipt-expired",
                expiry = expiry.format("%d/%m/%Y").to_string(),
                today = today.format("%d/%m/%Y").to_string()
            ),
        ));
    }
    // Issue 10: a second label, or the start of one, typed into Location.
    if crate::domain::stock::scan::looks_like_label(&receipt.location) {
        return Err(StoreError::invalid(
            tr!("store-location", location = format!("{:?}", receipt.location.trim())),
            tr!("store-location-is-a-label"),
        ));
    }
    if serial.is_some() && receipt.units != 1 {
        return Err(StoreError::invalid(what, tr!("store-serial-one-unit", units = receipt.units)));
    }
    let units = receipt.units;
    movement::apply(Counts { quantity: 0, reserved: 0, for_case: 0 }, MovementKind::Receive, units)
        .map_err(|e| StoreError::invalid(&what, e.to_string()))?;
    if let Some(s) = &serial {
        let seen: Option<i64> = tx
            .conn()
            .query_row(
                "SELECT id FROM device_lots WHERE ref_id = ?1 AND serial = ?2 AND quantity > 0",
                super::db::params![reference.id, s],
                |r| r.get(0),
            )
            .optional()?;
        if seen.is_some() {
            return Err(StoreError::invalid(tr!("store-serial", number = s.as_str()), tr!("store-serial-on-shelf")));
        }
    }
    let expiry_text = receipt.expiry.map(|d| d.to_string());
    let existing: Option<Lot> = if serial.is_none() {
        let sql = format!(
            "SELECT {LOT_COLUMNS} FROM device_lots l WHERE l.ref_id = ?1 AND l.lot IS NOT DISTINCT FROM ?2
             AND l.serial IS NULL AND l.expiry_on IS NOT DISTINCT FROM ?3 ORDER BY l.id LIMIT 1"
        );
        tx.conn().query_row(&sql, super::db::params![reference.id, lot, expiry_text], lot_row).optional()?
    } else {
        None
    };
    // Found in use (#10): one lot number received with two use-by days (or
    // with none) made two lines a recall could not tell apart. A lot number
    // the shelf already holds with another use-by day is refused.
    if existing.is_none()
        && let Some(lot_number) = &lot
        && serial.is_none()
    {
        let other: Option<Option<String>> = tx
            .conn()
            .query_row(
                "SELECT expiry_on FROM device_lots WHERE ref_id = ?1 AND lot = ?2 AND serial IS NULL AND quantity > 0
                 ORDER BY id LIMIT 1",
                super::db::params![reference.id, lot_number],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = other {
            let shown = |e: &Option<String>| match e.as_deref().and_then(super::rows::parse_day) {
                Some(day) => tr!("store-use-by", day = day.format("%d/%m/%Y").to_string()).into_owned(),
                None => tr!("store-no-use-by").into_owned(),
            };
            return Err(StoreError::invalid(
                tr!("store-lot", number = lot_number.as_str()),
                tr!("store-lot-other-use-by", shelf = shown(&other), label = shown(&expiry_text)),
            ));
        }
    }
    let location = receipt.location.trim().to_string();
    let (lot_id, added) = match existing {
        Some(found) => {
            let quantity = found.quantity + units;
            // Found in use (#10): more units with another location moved the
            // whole lot there. One lot is one place: a different one is refused.
            if !location.is_empty() && location != found.location {
                return Err(StoreError::invalid(
                    found.label(),
                    tr!("store-lot-kept-at", location = format!("{:?}", found.location)),
                ));
            }
            let fields: Vec<super::write::Field<'_>> = vec![("quantity", &quantity)];
            tx.update(Table::DeviceLots, found.id, found.version, &fields)?;
            (found.id, true)
        }
        None => {
            let at = instant_text(tx.at());
            let id = tx.insert(
                Table::DeviceLots,
                &[
                    ("ref_id", &reference.id),
                    ("lot", &lot),
                    ("serial", &serial),
                    ("expiry_on", &expiry_text),
                    ("quantity", &units),
                    ("location", &location),
                    ("scanned", &receipt.scanned),
                    ("received_at", &at),
                ],
            )?;
            (id, false)
        }
    };
    record(tx, lot_id, MovementKind::Receive, units, None, None)?;
    Ok(Received { lot_id, added_to_existing: added })
}

fn record(
    tx: &mut WriteTx<'_>,
    lot_id: i64,
    kind: MovementKind,
    units: u32,
    case_id: Option<i64>,
    reason: Option<&str>,
) -> Result<i64> {
    let at = instant_text(tx.at());
    let actor = tx.actor_id();
    tx.insert(
        Table::StockMovements,
        &[
            ("lot_id", &lot_id),
            ("kind", &kind.code()),
            ("units", &units),
            ("case_id", &case_id),
            ("reason", &reason),
            ("at", &at),
            ("actor_id", &actor),
        ],
    )
}

/// What the case a movement is for says about it.
struct CaseFacts {
    patient_id: i64,
    /// The scheduled start (UTC).
    start: chrono::DateTime<chrono::Utc>,
    procedure_day: NaiveDate,
    operator_id: Option<i64>,
    state: CaseState,
    /// The stay was discharged by the movement's time: its record is closed
    /// (R-TRACE-1). A use dated before the discharge (entered afterwards,
    /// as the demo's history) is not refused.
    stay_closed: bool,
}

fn case_facts(tx: &WriteTx<'_>, case_id: i64) -> Result<CaseFacts> {
    let zone = tx.zone();
    tx.conn()
        .query_row(
            "SELECT a.patient_id, c.scheduled_start, c.operator_id, c.state,
                    CASE WHEN a.state = 'discharged' AND (a.discharged_at IS NULL OR a.discharged_at <= ?2)
                         THEN 1 ELSE 0 END
             FROM cases c
             JOIN admissions a ON a.id = c.admission_id WHERE c.id = ?1",
            super::db::params![case_id, instant_text(tx.at())],
            |r| {
                let state: String = r.get(3)?;
                let start = rows::instant(r, 1)?;
                Ok(CaseFacts {
                    patient_id: r.get(0)?,
                    start,
                    procedure_day: ward_time::local_day(start, zone),
                    operator_id: r.get(2)?,
                    state: super::decode::known(&state, Table::Cases, "state", case_id)?,
                    stay_closed: r.get(4)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(Table::Cases.row(case_id)))
}

fn lot_in(tx: &WriteTx<'_>, lot_id: i64) -> Result<Lot> {
    let sql = format!("SELECT {LOT_COLUMNS} FROM device_lots l WHERE l.id = ?1");
    tx.conn()
        .query_row(&sql, [lot_id], lot_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(Table::DeviceLots.row(lot_id)))
}

/// The units of `lot_id` held for `case_id`, and the row that holds them.
fn held_for(tx: &WriteTx<'_>, case_id: i64, lot_id: i64) -> Result<Option<(i64, i64, u32)>> {
    Ok(tx
        .conn()
        .query_row(
            "SELECT id, version, units FROM case_devices WHERE case_id = ?1 AND lot_id = ?2",
            [case_id, lot_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

/// A movement asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub lot_id: i64,
    pub kind: MovementKind,
    pub units: u32,
    /// Reserve, release, implant and consume are for a case.
    pub case_id: Option<i64>,
    /// Waste and quarantine need one.
    pub reason: Option<String>,
}

/// What a movement did.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub movement_id: i64,
    /// The lot's counts after it.
    pub quantity: u32,
    pub reserved: u32,
    /// R-TRACE-1: the implant record a use wrote.
    pub implant_id: Option<i64>,
    /// The kind actually recorded (a use of a non-implantable device is a consume).
    pub kind: MovementKind,
}

/// R-STOCK-2: the one door for every movement but a receipt. Reads the lot,
/// the case and the units held for it inside the transaction, asks
/// `movement::apply`, then writes the lot's counts, the case's held units,
/// the movement and (for a use) the implant record (R-TRACE-1).
///
/// R-STOCK-3: a reservation or a use needs a lot usable on the case's day
/// (not expired before it, not quarantined); return, waste and quarantine
/// take any lot. A use of an implantable device is recorded as an implant,
/// of another as a consume, whichever was asked.
///
/// Errors: [`StoreError::OutOfStock`] when too few units are free (another
/// terminal may have just taken them); [`StoreError::Invalid`] naming the
/// lot and why for anything else; [`StoreError::NotFound`] for a lot or case
/// that is not there.
pub fn move_stock(tx: &mut WriteTx<'_>, m: &Move) -> Result<Moved> {
    let lot = lot_in(tx, m.lot_id)?;
    let reference = stock::reference(tx.conn(), lot.reference_id)?
        .ok_or_else(|| StoreError::NotFound(tr!("store-the-reference").into_owned()))?;
    let what = format!("{} {}", reference.name, lot.label());
    let mut kind = m.kind;
    if kind.uses() {
        kind = if reference.implantable { MovementKind::Implant } else { MovementKind::Consume };
    }
    let reason = m.reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
    if kind.needs_reason() && reason.is_none() {
        return Err(StoreError::invalid(what, tr!("store-move-needs-reason", done = kind.done())));
    }
    if kind == MovementKind::Receive {
        return Err(StoreError::invalid(what, tr!("store-receipt-through-receive")));
    }
    let for_case = matches!(kind, MovementKind::Reserve | MovementKind::Release) || kind.uses();
    let case = match (for_case, m.case_id) {
        (true, Some(id)) => Some((id, case_facts(tx, id)?)),
        (true, None) => {
            return Err(StoreError::invalid(what, tr!("store-move-which-case", kind = kind.code())));
        }
        (false, _) => None,
    };
    if let Some((_, facts)) = &case {
        if kind == MovementKind::Reserve
            && matches!(facts.state, CaseState::Cancelled | CaseState::Postponed | CaseState::Done)
        {
            return Err(StoreError::invalid(what, tr!("store-case-not-reservable", state = facts.state.code())));
        }
        if matches!(kind, MovementKind::Reserve) || kind.uses() {
            lot.usable_on(facts.procedure_day).map_err(|e| StoreError::invalid(&what, e.to_string()))?;
        }
        // R-TRACE-1: a device is used during the procedure, so not before it
        // starts (found in use, #10: an implant was recorded six days ahead),
        // and may be recorded once it is done, until the stay closes (a
        // nurse records the implant after the procedure).
        if kind.uses() {
            // R-BLOCK-6: once the ward keeps the case's timeline, it is the
            // patient in the room that starts it, not the scheduled time.
            let case_id = m.case_id.unwrap_or_default();
            let events = super::case_events::of_cases(tx.conn(), &[case_id])?.remove(&case_id).unwrap_or_default();
            let started = block_timeline::procedure_started(&events, facts.start, tx.at());
            trace::may_record_use(facts.state, started, facts.stay_closed).map_err(|e| {
                let e = match e {
                    trace::UseRefused::NotStarted if !events.is_empty() => tr!("store-use-not-in-room").into_owned(),
                    trace::UseRefused::NotStarted => {
                        let starts = facts.start.with_timezone(&tx.zone()).format("%d/%m %H:%M").to_string();
                        tr!("store-use-not-started", starts = starts).into_owned()
                    }
                    other => other.to_string(),
                };
                StoreError::invalid(&what, e)
            })?;
        }
    }
    if kind == MovementKind::Quarantine && lot.quarantine.is_some() {
        return Err(StoreError::invalid(what, tr!("store-already-quarantined")));
    }
    let held = match &case {
        Some((id, _)) => held_for(tx, *id, lot.id)?,
        None => None,
    };
    let before = Counts { quantity: lot.quantity, reserved: lot.reserved, for_case: held.map_or(0, |h| h.2) };
    let after = movement::apply(before, kind, m.units).map_err(|e| match e {
        Refused::OutOfStock { asked, free } => {
            StoreError::OutOfStock { what: what.clone(), asked, free, next: tr!("store-out-of-stock-next-lot") }
        }
        other => StoreError::invalid(&what, other.to_string()),
    })?;
    // The lot's counts, in this transaction (read above, inside it).
    let mut fields: Vec<super::write::Field<'_>> = Vec::new();
    if after.quantity != before.quantity {
        fields.push(("quantity", &after.quantity));
    }
    if after.reserved != before.reserved {
        fields.push(("reserved", &after.reserved));
    }
    if kind == MovementKind::Quarantine {
        fields.push(("quarantine_reason", &reason));
    }
    if !fields.is_empty() {
        tx.update(Table::DeviceLots, lot.id, lot.version, &fields)?;
    }
    if let Some((case_id, _)) = &case
        && after.for_case != before.for_case
    {
        match held {
            Some((id, version, _)) => {
                tx.update(Table::CaseDevices, id, version, &[("units", &after.for_case)])?;
            }
            None => {
                tx.insert(
                    Table::CaseDevices,
                    &[("case_id", case_id), ("lot_id", &lot.id), ("units", &after.for_case)],
                )?;
            }
        }
    }
    let movement_id = record(tx, lot.id, kind, m.units, case.as_ref().map(|c| c.0), reason)?;
    let implant_id = match &case {
        Some((case_id, facts)) if kind.uses() => {
            // R-TRACE-1: the case's operator; a doctor recording it
            // themselves when the case has none.
            let operator = facts.operator_id.or_else(|| (tx.role().ok() == Some(Role::Doctor)).then(|| tx.actor_id()));
            let (at, actor) = (instant_text(tx.at()), tx.actor_id());
            Some(tx.insert(
                Table::Implants,
                &[
                    ("movement_id", &movement_id),
                    ("lot_id", &lot.id),
                    ("case_id", case_id),
                    ("patient_id", &facts.patient_id),
                    ("units", &m.units),
                    ("at", &at),
                    ("operator_id", &operator),
                    ("recorded_by", &actor),
                ],
            )?)
        }
        _ => None,
    };
    Ok(Moved { movement_id, quantity: after.quantity, reserved: after.reserved, implant_id, kind })
}

/// R-STOCK-3 (FEFO): the lot to pick of reference `ref_id` for a case on
/// `day` needing `units`; `None` when no usable lot has them free.
pub fn pick(tx: &WriteTx<'_>, ref_id: i64, day: NaiveDate, units: u32) -> Result<Option<Lot>> {
    let lots = stock::lots_of(tx.conn(), ref_id)?;
    Ok(lots::fefo(&lots, day, units).cloned())
}

/// Units of one lot a reservation took.
#[derive(Debug, Clone, PartialEq)]
pub struct Picked {
    pub lot: Lot,
    pub units: u32,
    pub moved: Moved,
}

/// R-STOCK-3: reserves `units` of reference `ref_id` for `case_id` across
/// its lots usable on the case's day, the earliest-expiring first (FEFO;
/// a lot without expiry last), each lot's hold recorded as its own
/// movement, all in the caller's transaction (found in use, issue 10: a
/// reservation could not span lots, and was refused with "pick another
/// lot" though the form has none to pick). Refused, nothing reserved,
/// when the usable lots hold fewer free units than asked.
pub fn reserve_fefo(tx: &mut WriteTx<'_>, ref_id: i64, case_id: i64, units: u32) -> Result<Vec<Picked>> {
    let day = case_facts(tx, case_id)?.procedure_day;
    if units == 0 || units > movement::MAX_UNITS {
        let why = if units == 0 { Refused::Zero } else { Refused::TooMany(units) };
        return Err(StoreError::invalid(tr!("store-the-reservation"), why.to_string()));
    }
    let plan = lots::fefo_split(&stock::lots_of(tx.conn(), ref_id)?, day, units);
    let Ok(plan) = plan else {
        let free = plan.err().unwrap_or(0);
        let name =
            stock::reference(tx.conn(), ref_id)?.map_or_else(|| tr!("store-the-reference").into_owned(), |r| r.name);
        return Err(StoreError::OutOfStock {
            what: tr!("store-out-of-stock-every-lot", name = name, day = day.format("%d/%m").to_string()).into_owned(),
            asked: units,
            free,
            next: tr!("store-out-of-stock-next-reserve"),
        });
    };
    let mut out = Vec::new();
    for (lot, take) in plan {
        let moved = move_stock(
            tx,
            &Move { lot_id: lot.id, kind: MovementKind::Reserve, units: take, case_id: Some(case_id), reason: None },
        )?;
        out.push(Picked { lot, units: take, moved });
    }
    Ok(out)
}

/// R-STOCK-2: gives back every unit held for `case_id` (a cancelled or
/// postponed case, a closed one), each as a recorded release. Returns the
/// units released.
pub fn release_case(tx: &mut WriteTx<'_>, case_id: i64) -> Result<u32> {
    let held: Vec<(i64, u32)> = {
        let mut stmt =
            tx.conn().prepare_cached("SELECT lot_id, units FROM case_devices WHERE case_id = ?1 AND units > 0")?;
        stmt.query_map([case_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<super::db::Result<_>>()?
    };
    let mut total = 0;
    for (lot_id, units) in held {
        move_stock(tx, &Move { lot_id, kind: MovementKind::Release, units, case_id: Some(case_id), reason: None })?;
        total += units;
    }
    Ok(total)
}

/// R-TRACE-2: what a recall did.
#[derive(Debug, Clone, PartialEq)]
pub struct Recall {
    pub reference: Reference,
    pub number: String,
    /// Lots put in quarantine now, with the units left in each.
    pub quarantined: Vec<(String, u32)>,
    /// Everyone who received units of the lot.
    pub patients: Vec<ImplantRecord>,
}

/// R-TRACE-2: the lots of reference `code` numbered `number`, refused
/// (naming the reference or the lot) when there are none.
fn recalled_lots(conn: &super::db::Connection, code: &str, number: &str) -> Result<(Reference, Vec<Lot>)> {
    // Issue 10: typed as on the notice, whatever the case; close ones suggested.
    let reference = stock::find_reference(conn, code)?;
    let found = stock::find_lots(conn, &reference, number)?;
    Ok((reference, found))
}

/// The lot or serial number as stored, for what the user typed (whatever its case).
fn number_as_stored(found: &[Lot], typed: &str) -> String {
    let typed = typed.trim();
    found
        .iter()
        .flat_map(|l| [l.lot.as_deref(), l.serial.as_deref()])
        .flatten()
        .find(|n| n.eq_ignore_ascii_case(typed))
        .unwrap_or(typed)
        .to_string()
}

/// R-TRACE-2: what a recall would do, read only (any account that may
/// read): the lots it would quarantine, with their units, and everyone who
/// received the lot. Nothing is written.
pub fn recall_preview(conn: &super::db::Connection, code: &str, number: &str) -> Result<Recall> {
    let (reference, found) = recalled_lots(conn, code, number)?;
    let quarantined = found.iter().filter(|l| !l.recalled()).map(|l| (l.label(), l.quantity)).collect();
    let ids: Vec<i64> = found.iter().map(|l| l.id).collect();
    let patients = stock::implants_of_lots(conn, &ids)?;
    let number = number_as_stored(&found, number);
    Ok(Recall { reference, number, quarantined, patients })
}

/// R-TRACE-2: recalls the lot (or serial) `number` of reference `code`:
/// each of its lots is marked recalled (a quarantine whose reason says so,
/// with its movement row), those used up too, so that every patient's
/// implant record shows the recall with its date; then lists every patient
/// who received it. A lot already recalled stays so; one quarantined for
/// another reason becomes recalled; a lot never received is refused.
pub fn recall(tx: &mut WriteTx<'_>, code: &str, number: &str, reason: &str) -> Result<Recall> {
    let (reference, found) = recalled_lots(tx.conn(), code, number)?;
    let reason = lots::recall_reason(reason);
    let mut quarantined = Vec::new();
    for lot in &found {
        if lot.recalled() {
            continue;
        }
        tx.update(Table::DeviceLots, lot.id, lot.version, &[("quarantine_reason", &reason)])?;
        record(tx, lot.id, MovementKind::Quarantine, 0, None, Some(&reason))?;
        quarantined.push((lot.label(), lot.quantity));
    }
    let ids: Vec<i64> = found.iter().map(|l| l.id).collect();
    let patients = stock::implants_of_lots(tx.conn(), &ids)?;
    let number = number_as_stored(&found, number);
    Ok(Recall { reference, number, quarantined, patients })
}

/// What lifting a quarantine or a recall did.
#[derive(Debug, Clone, PartialEq)]
pub struct Lifted {
    pub what: String,
    /// The quarantine's (or recall's) reason, now lifted.
    pub was: String,
    pub quantity: u32,
}

/// R-STOCK-3, R-TRACE-2: lifts the quarantine of lot `lot_id` (a box
/// found undamaged), or its recall when `recall` is true (the notice
/// withdrawn), with `reason`: the lot's quarantine is cleared and a
/// movement row records it ([`movement::LIFT`]). A recalled lot is refused
/// unless `recall` (see `lots::may_lift`). Role: the stock's (the write
/// path checks it).
pub fn lift(tx: &mut WriteTx<'_>, lot_id: i64, reason: &str, recall: bool) -> Result<Lifted> {
    let lot = lot_in(tx, lot_id)?;
    let reference = stock::reference(tx.conn(), lot.reference_id)?
        .ok_or_else(|| StoreError::NotFound(tr!("store-the-reference").into_owned()))?;
    let what = format!("{} {}", reference.name, lot.label());
    let reason = reason.trim();
    let word = if recall { "recall" } else { "quarantine" };
    if reason.is_empty() {
        let why =
            if recall { tr!("store-lift-recall-needs-reason") } else { tr!("store-lift-quarantine-needs-reason") };
        return Err(StoreError::invalid(what, why));
    }
    if reason.chars().any(crate::domain::names::is_unsafe) {
        return Err(StoreError::invalid(what, tr!("store-reason-control-character")));
    }
    lots::may_lift(&lot, recall).map_err(|e| {
        let why = match e {
            lots::NotLifted::Recalled { .. } => tr!("store-lift-recalled", why = e.to_string()),
            _ => e.to_string().into(),
        };
        StoreError::invalid(&what, why)
    })?;
    let was = lot.quarantine.clone().unwrap_or_default();
    let none: Option<String> = None;
    tx.update(Table::DeviceLots, lot.id, lot.version, &[("quarantine_reason", &none)])?;
    let text = format!("{word} lifted: {reason}"); // i18n: stored: the movement's note, in the record's words
    record(tx, lot.id, movement::LIFT, 0, None, Some(&text))?;
    Ok(Lifted { what, was, quantity: lot.quantity })
}

/// What voiding an implant record did.
#[derive(Debug, Clone, PartialEq)]
pub struct VoidedImplant {
    pub implant_id: i64,
    pub device: String,
    pub lot: String,
    pub units: u32,
    pub to: VoidTo,
    pub case_id: i64,
    /// R-PATH-5: whose record it was. For the screen and stdout, never a log.
    pub patient: Option<crate::domain::identity::Identity>,
    /// The lot's units on the shelf afterwards.
    pub quantity: u32,
}

/// R-TRACE-1: voids an implant (or traced use) record made by mistake,
/// with `reason`; its units go back on the shelf or to waste (`to`). The
/// record is kept (never deleted): it now points at the movement that
/// voided it (a release or a waste, with the case and the reason), which
/// is how it reads as voided (`trace::VoidTo::of_movement`). The lot's
/// count follows `movement::apply_void` in the same transaction; audited
/// as every write. Refused for a record already voided (naming when), one
/// that does not exist, without a reason, and for a role that may not
/// record implants or move stock (R-ROLE-1).
pub fn void_implant(tx: &mut WriteTx<'_>, implant_id: i64, reason: &str, to: VoidTo) -> Result<VoidedImplant> {
    let row = Table::Implants.row(implant_id);
    let reason = super::void::reason_given(&row, reason)?;
    let record_of = stock::implant(tx.conn(), implant_id)?
        .ok_or_else(|| StoreError::invalid(Table::Implants.row(implant_id), tr!("store-no-such-implant")))?;
    if let Some(v) = &record_of.voided {
        return Err(StoreError::invalid(
            row,
            tr!("store-implant-already-voided", at = instant_text(v.at), reason = v.reason.as_str()),
        ));
    }
    let lot = lot_in(tx, record_of.lot_id)?;
    let before = Counts { quantity: lot.quantity, reserved: lot.reserved, for_case: 0 };
    let after = movement::apply_void(before, to, record_of.units)
        .map_err(|e| StoreError::invalid(Table::Implants.row(implant_id), e.to_string()))?;
    if after.quantity != before.quantity {
        tx.update(Table::DeviceLots, lot.id, lot.version, &[("quantity", &after.quantity)])?;
    }
    let text = stock::void_reason(implant_id, reason);
    let movement_id = record(tx, lot.id, to.movement(), record_of.units, Some(record_of.case_id), Some(&text))?;
    tx.update(Table::Implants, implant_id, record_of.version, &[("movement_id", &movement_id)])?;
    Ok(VoidedImplant {
        implant_id,
        device: record_of.device.clone(),
        lot: record_of.lot_label(),
        units: record_of.units,
        to,
        case_id: record_of.case_id,
        patient: record_of.patient,
        quantity: after.quantity,
    })
}

/// R-TRACE-1: refuses to call off (cancel, postpone) a case while an
/// implant record of it stands, naming each and the way to void it.
pub fn call_off_gate(tx: &WriteTx<'_>, case_id: i64) -> Result<()> {
    let records = stock::implants_of_case(tx.conn(), case_id)?;
    trace::may_call_off(&records).map_err(|standing| {
        StoreError::invalid(
            tr!("store-case-implant-records"),
            tr!("store-implants-standing", implants = standing.join(", ")),
        )
    })
}

/// R-TRACE-1: sets who implanted a recorded device (a case with no operator
/// when it was recorded).
pub fn set_operator(tx: &mut WriteTx<'_>, implant_id: i64, version: i64, operator_id: i64) -> Result<i64> {
    let doctor: Option<String> = tx
        .conn()
        .query_row("SELECT role FROM staff WHERE id = ?1 AND active = 1", [operator_id], |r| r.get(0))
        .optional()?;
    if doctor.as_deref().and_then(Role::from_code) != Some(Role::Doctor) {
        return Err(StoreError::invalid(tr!("store-operator"), tr!("store-not-a-doctor")));
    }
    tx.update(Table::Implants, implant_id, version, &[("operator_id", &operator_id)])
}

/// R-TRACE-1: refuses to close (mark done) a case while one of its implant
/// records lacks lot/serial, patient, time or operator, naming each missing
/// item.
pub fn close_gate(tx: &WriteTx<'_>, case_id: i64) -> Result<()> {
    let records = stock::implants_of_case(tx.conn(), case_id)?;
    crate::domain::stock::trace::close_gate(&records).map_err(|problems| {
        StoreError::invalid(
            tr!("store-case-implant-records"),
            tr!("store-implants-incomplete", problems = problems.join(&tr!("store-list-separator"))),
        )
    })
}
