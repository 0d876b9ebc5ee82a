//! The ward's make-up: rooms (R-BLOCK-1), beds, procedure kinds (R-BLOCK-2).
//! Added, changed and retired through the write path (R-ROLE-1: admin;
//! closing a bed is also the nurses'); never deleted, since history points
//! at them. Each `put_*` finds the row by its key (room name, bed label,
//! procedure code) and adds it, changes what differs, or leaves it alone.

use super::db::Connection;
use super::decode::HOLDING_STATES;
use super::error::{Result, StoreError, instant_text};
use super::table::Table;
use super::write::{Field, WriteTx};
use crate::domain::beds::BedAction;
use crate::domain::ward_setup::{self, RoomKind};
use serde::Serialize;

/// Whether the key must be new, must exist, or either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Add,
    Set,
    Either,
}

/// What a put did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    Added(i64),
    Changed(i64),
    Unchanged(i64),
}

impl Put {
    /// `added`, in the language in force.
    pub fn word(self) -> std::borrow::Cow<'static, str> {
        match self {
            Put::Added(_) => tr!("store-put-added"),
            Put::Changed(_) => tr!("store-put-changed"),
            Put::Unchanged(_) => tr!("store-put-unchanged"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomRow {
    pub room_id: i64,
    pub name: String,
    pub kind: String,
    pub opens: String,
    pub closes: String,
    pub active: bool,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BedSetupRow {
    pub bed_id: i64,
    pub label: String,
    pub unit: Option<String>,
    /// free, occupied, to_clean or closed (reserved is derived, not stored).
    pub state: String,
    /// R-PATH-4: the first night a planned admission holds this bed, if any
    /// (found in use, #8: a reserved bed was listed as plainly free).
    pub reserved_from: Option<chrono::NaiveDate>,
    pub active: bool,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProcedureKindRow {
    pub procedure_kind_id: i64,
    pub code: String,
    pub label: String,
    pub minutes: i64,
    pub anaesthesia_expected: bool,
    pub implants_expected: bool,
    pub active: bool,
    pub version: i64,
}

pub fn rooms(conn: &Connection) -> Result<Vec<RoomRow>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, kind, opens, closes, active, version FROM rooms ORDER BY name")?;
    let rows = stmt.query_map([], |r| {
        Ok(RoomRow {
            room_id: r.get(0)?,
            name: r.get(1)?,
            kind: r.get(2)?,
            opens: r.get(3)?,
            closes: r.get(4)?,
            active: r.get(5)?,
            version: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<super::db::Result<_>>()?)
}

pub fn beds(conn: &Connection) -> Result<Vec<BedSetupRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.id, b.label, b.unit, b.state, b.active, b.version,
                (SELECT min(a.planned_admit_on) FROM admissions a WHERE a.bed_id = b.id AND a.state = 'planned')
         FROM beds b ORDER BY b.label",
    )?;
    let rows = stmt.query_map([], |r| {
        let held: Option<String> = r.get(6)?;
        Ok(BedSetupRow {
            bed_id: r.get(0)?,
            label: r.get(1)?,
            unit: r.get(2)?,
            state: r.get(3)?,
            reserved_from: held.as_deref().and_then(super::rows::parse_day),
            active: r.get(4)?,
            version: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<super::db::Result<_>>()?)
}

pub fn procedure_kinds(conn: &Connection) -> Result<Vec<ProcedureKindRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, code, label, default_minutes, anaesthesia_expected, implants_expected, active, version
         FROM procedure_kinds ORDER BY label",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ProcedureKindRow {
            procedure_kind_id: r.get(0)?,
            code: r.get(1)?,
            label: r.get(2)?,
            minutes: r.get(3)?,
            anaesthesia_expected: r.get(4)?,
            implants_expected: r.get(5)?,
            active: r.get(6)?,
            version: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<super::db::Result<_>>()?)
}

/// What the Admin tab reads in one go.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AdminData {
    pub staff: Vec<super::staff::StaffRow>,
    pub rooms: Vec<RoomRow>,
    pub beds: Vec<BedSetupRow>,
    pub kinds: Vec<ProcedureKindRow>,
}

/// A room to add or change; `None` keeps (or, for a new room, is required).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoomInput {
    pub name: String,
    pub rename: Option<String>,
    pub kind: Option<String>,
    pub opens: Option<String>,
    pub closes: Option<String>,
    pub active: Option<bool>,
    /// The version the user saw (a screen's edit): a change saved since is
    /// refused as a conflict rather than overwritten. `None`: the stored one.
    pub seen_version: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BedInput {
    pub label: String,
    pub rename: Option<String>,
    /// `Some("")` clears the unit.
    pub unit: Option<String>,
    pub closed: Option<bool>,
    pub active: Option<bool>,
    /// The version the user saw (a screen's edit): a change saved since is
    /// refused as a conflict rather than overwritten. `None`: the stored one.
    pub seen_version: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProcedureInput {
    pub code: String,
    pub label: Option<String>,
    pub minutes: Option<i64>,
    pub anaesthesia_expected: Option<bool>,
    pub implants_expected: Option<bool>,
    pub active: Option<bool>,
    /// The version the user saw (a screen's edit): a change saved since is
    /// refused as a conflict rather than overwritten. `None`: the stored one.
    pub seen_version: Option<i64>,
}

fn invalid(what: impl Into<String>, why: impl Into<String>) -> StoreError {
    StoreError::invalid(what, why)
}

/// Refuses `name` when another row (not `this`) has the same name without
/// regard to case or accents: "B 1" and "b 1" would be two beds nobody can
/// tell apart by voice, on a screen or in a ward file.
/// `exists` is the refusal's message id (`store-room-exists`), given `$name`;
/// `field` the input field that names it (`name`, `label`).
fn not_taken(
    others: &[(i64, &str)],
    this: Option<i64>,
    name: &str,
    what: &str,
    exists: &str,
    field: &'static str,
) -> Result<()> {
    let folded = crate::domain::names::folded(name);
    match others.iter().find(|(id, other)| Some(*id) != this && crate::domain::names::folded(other) == folded) {
        Some((_, other)) => {
            let other = format!("{other:?}");
            let why = crate::i18n::fmt(crate::i18n::language(), exists, &[("name", other.as_str().into())]);
            Err(invalid(what, why).on_field(field))
        }
        None => Ok(()),
    }
}

/// The stored entry `key` names: the one spelt so, else the one that reads
/// the same without case or accents (issue 8: `box 12b` in a ward file, or
/// `beds set "box 12b"`, is Box 12B, not a clash with it). Names are kept
/// unique that way ([`not_taken`]), so at most one matches.
fn by_key<'a, T>(rows: &'a [T], key: &str, of: impl Fn(&T) -> &str) -> Option<&'a T> {
    let folded = crate::domain::names::folded(key);
    rows.iter().find(|r| of(r) == key).or_else(|| rows.iter().find(|r| crate::domain::names::folded(of(r)) == folded))
}

/// `Add` refuses a key already there, `Set` one not there.
fn check_mode(mode: Mode, found: bool, what: &str, command: &str) -> Result<()> {
    match (mode, found) {
        (Mode::Add, true) => Err(invalid(what, tr!("store-setup-already-exists", command = command))),
        (Mode::Set, false) => Err(invalid(what, tr!("store-setup-no-such-entry", command = command))),
        _ => Ok(()),
    }
}

/// The cases still to come (planned or confirmed, starting from now) that
/// name row `id` in any of `columns`: a room, an operator, an anaesthetist
/// or a procedure kind they need cannot be retired under them.
pub(super) fn upcoming_cases(tx: &WriteTx<'_>, columns: &[&str], id: i64) -> Result<i64> {
    let names: Vec<String> = columns.iter().map(|c| format!("{c} = ?1")).collect();
    let sql = format!(
        "SELECT count(*) FROM cases WHERE ({}) AND state IN ('planned', 'confirmed') AND scheduled_start >= ?2",
        names.join(" OR ")
    );
    Ok(tx.conn().query_row(&sql, super::db::params![id, instant_text(tx.at())], |r| r.get(0))?)
}

/// R-BLOCK-1: adds or changes a room, checking its kind and hours.
pub fn put_room(tx: &mut WriteTx<'_>, input: &RoomInput, mode: Mode) -> Result<Put> {
    let what = tr!("store-room-named", room = format!("{:?}", input.name.trim())).into_owned();
    let name = ward_setup::label(&input.name, &tr!("store-the-room-name"))
        .map_err(|e| invalid(what.clone(), e).on_field("name"))?;
    let all = rooms(tx.conn())?;
    let found = by_key(&all, &name, |r| &r.name).cloned();
    let others: Vec<(i64, &str)> = all.iter().map(|r| (r.room_id, r.name.as_str())).collect();
    if mode == Mode::Add {
        not_taken(&others, None, &name, &what, "store-room-exists", "name")?;
    }
    check_mode(mode, found.is_some(), &what, "rooms")?;
    let this = found.as_ref().map(|r| r.room_id);
    if found.is_none() {
        not_taken(&others, this, &name, &what, "store-room-exists", "name")?;
    }
    let kind = match &input.kind {
        Some(k) => Some(
            RoomKind::from_code(k.trim())
                .ok_or_else(|| {
                    invalid(
                        what.clone(),
                        tr!("store-room-kind-unknown", kind = format!("{k:?}"), codes = RoomKind::codes()),
                    )
                    .on_field("kind")
                })?
                .code(),
        ),
        None => None,
    };
    let Some(old) = found else {
        let (Some(kind), Some(opens), Some(closes)) = (kind, &input.opens, &input.closes) else {
            return Err(invalid(what, tr!("store-new-room-needs")));
        };
        let (opens, closes) = stored_hours(opens, closes, &what)?;
        let active = input.active.unwrap_or(true);
        let id = tx.insert(
            Table::Rooms,
            &[("name", &name), ("kind", &kind), ("opens", &opens), ("closes", &closes), ("active", &active)],
        )?;
        return Ok(Put::Added(id));
    };
    let opens = input.opens.as_deref().unwrap_or(&old.opens);
    let closes = input.closes.as_deref().unwrap_or(&old.closes);
    let (opens, closes) = stored_hours(opens, closes, &what)?;
    let rename = input.rename.as_deref().map(|n| ward_setup::label(n, &tr!("store-the-new-name"))).transpose();
    let rename = rename.map_err(|e| invalid(what.clone(), e).on_field("rename"))?;
    if let Some(new) = &rename {
        not_taken(&others, this, new, &what, "store-room-exists", "rename")?;
    }
    if input.active == Some(false) && old.active {
        let booked = upcoming_cases(tx, &["room_id"], old.room_id)?;
        if booked > 0 {
            return Err(invalid(what, tr!("store-room-still-booked", count = booked)).on_field("active"));
        }
    }
    let mut fields: Vec<Field<'_>> = Vec::new();
    if let Some(n) = rename.as_ref().filter(|n| **n != old.name) {
        fields.push(("name", n));
    }
    if let Some(k) = kind.as_ref().filter(|k| **k != old.kind) {
        fields.push(("kind", k));
    }
    if opens != old.opens {
        fields.push(("opens", &opens));
    }
    if closes != old.closes {
        fields.push(("closes", &closes));
    }
    if let Some(a) = input.active.as_ref().filter(|a| **a != old.active) {
        fields.push(("active", a));
    }
    if fields.is_empty() {
        return Ok(Put::Unchanged(old.room_id));
    }
    tx.update(Table::Rooms, old.room_id, input.seen_version.unwrap_or(old.version), &fields)?;
    Ok(Put::Changed(old.room_id))
}

/// R-BLOCK-1: a room's hours as stored, `HH:MM`, however they were typed
/// (`8h30`, `8:30`): the schedule reads only that form back (found in use: `7h`
/// was stored as typed and read as midnight).
fn stored_hours(opens: &str, closes: &str, what: &str) -> Result<(String, String)> {
    let (opens, closes) =
        ward_setup::opening_hours(opens, closes).map_err(|(field, e)| invalid(what.to_string(), e).on_field(field))?;
    Ok((opens.format("%H:%M").to_string(), closes.format("%H:%M").to_string()))
}

/// Adds or changes a bed. Retiring one is refused while a stay holds it
/// (R-PATH-4); `closed` closes or reopens it (as the Beds screen does).
pub fn put_bed(tx: &mut WriteTx<'_>, input: &BedInput, mode: Mode) -> Result<Put> {
    let what = tr!("store-bed", bed = format!("{:?}", input.label.trim())).into_owned();
    let label = ward_setup::label(&input.label, &tr!("store-the-bed-label"))
        .map_err(|e| invalid(what.clone(), e).on_field("label"))?;
    let all = beds(tx.conn())?;
    let found = by_key(&all, &label, |b| &b.label).cloned();
    let others: Vec<(i64, &str)> = all.iter().map(|b| (b.bed_id, b.label.as_str())).collect();
    if mode == Mode::Add {
        not_taken(&others, None, &label, &what, "store-bed-exists", "label")?;
    }
    check_mode(mode, found.is_some(), &what, "beds")?;
    let this = found.as_ref().map(|b| b.bed_id);
    if found.is_none() {
        not_taken(&others, this, &label, &what, "store-bed-exists", "label")?;
    }
    let unit = match input.unit.as_deref().map(str::trim) {
        Some("") => Some(None),
        Some(u) => Some(Some(
            ward_setup::label(u, &tr!("store-the-unit")).map_err(|e| invalid(what.clone(), e).on_field("unit"))?,
        )),
        None => None,
    };
    let (id, put) = match found {
        None => {
            let unit = unit.flatten();
            let active = input.active.unwrap_or(true);
            let id = tx.insert(Table::Beds, &[("label", &label), ("unit", &unit), ("active", &active)])?;
            (id, Put::Added(id))
        }
        Some(old) => {
            let rename = input.rename.as_deref().map(|n| ward_setup::label(n, &tr!("store-the-new-label"))).transpose();
            let rename = rename.map_err(|e| invalid(what.clone(), e).on_field("rename"))?;
            if let Some(new) = &rename {
                not_taken(&others, this, new, &what, "store-bed-exists", "rename")?;
            }
            if input.active == Some(false) && old.active {
                let holding: i64 = tx.conn().query_row(
                    &format!("SELECT count(*) FROM admissions WHERE bed_id = ?1 AND state IN {HOLDING_STATES}"),
                    [old.bed_id],
                    |r| r.get(0),
                )?;
                if holding > 0 {
                    return Err(invalid(what, tr!("store-bed-still-held", count = holding)).on_field("active"));
                }
            }
            let mut fields: Vec<Field<'_>> = Vec::new();
            if let Some(n) = rename.as_ref().filter(|n| **n != old.label) {
                fields.push(("label", n));
            }
            if let Some(u) = unit.as_ref().filter(|u| **u != old.unit) {
                fields.push(("unit", u));
            }
            if let Some(a) = input.active.as_ref().filter(|a| **a != old.active) {
                fields.push(("active", a));
            }
            if fields.is_empty() {
                (old.bed_id, Put::Unchanged(old.bed_id))
            } else {
                tx.update(Table::Beds, old.bed_id, input.seen_version.unwrap_or(old.version), &fields)?;
                (old.bed_id, Put::Changed(old.bed_id))
            }
        }
    };
    if let Some(closed) = input.closed {
        let bed = super::beds::get(tx.conn(), id)?;
        let is_closed = bed.state == crate::domain::beds::BedState::Closed;
        if closed != is_closed {
            let action = if closed { BedAction::Close } else { BedAction::Reopen };
            super::beds::set_state(tx, id, bed.version, action).map_err(|e| e.on_field("closed"))?;
            return Ok(if let Put::Unchanged(id) = put { Put::Changed(id) } else { put });
        }
    }
    Ok(put)
}

/// R-BLOCK-2: adds or changes a procedure kind and its default duration.
pub fn put_procedure(tx: &mut WriteTx<'_>, input: &ProcedureInput, mode: Mode) -> Result<Put> {
    let what = tr!("store-kind-named", kind = format!("{:?}", input.code.trim())).into_owned();
    let code = ward_setup::code(&input.code).map_err(|e| invalid(what.clone(), e).on_field("code"))?;
    let found = procedure_kinds(tx.conn())?.into_iter().find(|p| p.code == code);
    check_mode(mode, found.is_some(), &what, "procedures")?;
    let minutes = input.minutes.map(ward_setup::duration).transpose();
    let minutes = minutes.map_err(|e| invalid(what.clone(), e).on_field("minutes"))?;
    let label = input.label.as_deref().map(|l| ward_setup::label(l, &tr!("store-the-label"))).transpose();
    let label = label.map_err(|e| invalid(what.clone(), e).on_field("label"))?;
    let Some(old) = found else {
        let (Some(label), Some(minutes)) = (label, minutes) else {
            return Err(invalid(what, tr!("store-new-kind-needs")));
        };
        let (anaesthesia, implants) =
            (input.anaesthesia_expected.unwrap_or(false), input.implants_expected.unwrap_or(false));
        let active = input.active.unwrap_or(true);
        let id = tx.insert(
            Table::ProcedureKinds,
            &[
                ("code", &code),
                ("label", &label),
                ("default_minutes", &minutes),
                ("anaesthesia_expected", &anaesthesia),
                ("implants_expected", &implants),
                ("active", &active),
            ],
        )?;
        return Ok(Put::Added(id));
    };
    if input.active == Some(false) && old.active {
        let booked = upcoming_cases(tx, &["procedure_kind_id"], old.procedure_kind_id)?;
        if booked > 0 {
            return Err(invalid(what, tr!("store-kind-still-booked", count = booked)).on_field("active"));
        }
    }
    let mut fields: Vec<Field<'_>> = Vec::new();
    if let Some(l) = label.as_ref().filter(|l| **l != old.label) {
        fields.push(("label", l));
    }
    if let Some(m) = minutes.as_ref().filter(|m| **m != old.minutes) {
        fields.push(("default_minutes", m));
    }
    if let Some(a) = input.anaesthesia_expected.as_ref().filter(|a| **a != old.anaesthesia_expected) {
        fields.push(("anaesthesia_expected", a));
    }
    if let Some(i) = input.implants_expected.as_ref().filter(|i| **i != old.implants_expected) {
        fields.push(("implants_expected", i));
    }
    if let Some(a) = input.active.as_ref().filter(|a| **a != old.active) {
        fields.push(("active", a));
    }
    if fields.is_empty() {
        return Ok(Put::Unchanged(old.procedure_kind_id));
    }
    tx.update(Table::ProcedureKinds, old.procedure_kind_id, input.seen_version.unwrap_or(old.version), &fields)?;
    Ok(Put::Changed(old.procedure_kind_id))
}

impl super::Store {
    pub fn rooms(&self) -> Result<Vec<RoomRow>> {
        rooms(self.conn())
    }

    pub fn bed_setup(&self) -> Result<Vec<BedSetupRow>> {
        beds(self.conn())
    }

    pub fn procedure_kinds(&self) -> Result<Vec<ProcedureKindRow>> {
        procedure_kinds(self.conn())
    }

    /// Everything the Admin tab shows, read in one go.
    pub fn admin_data(&self) -> Result<AdminData> {
        let conn = self.conn();
        Ok(AdminData {
            staff: super::staff::list(conn)?,
            rooms: rooms(conn)?,
            beds: beds(conn)?,
            kinds: procedure_kinds(conn)?,
        })
    }
}
