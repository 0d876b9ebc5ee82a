//! Only what is in use can be booked (issue 8): a retired room (R-BLOCK-1),
//! procedure kind (R-BLOCK-2), bed (R-PATH-4) or member of staff is kept for
//! the history, and every path that assigns one to a stay or a case asks
//! here first. A form opened before the retire still offers it; the write
//! path refuses it, naming the entry and what to do. `periop check` lists
//! what was booked on one before these checks existed ([`findings`]).

use super::db::{Connection, OptionalExtension};
use super::decode::HOLDING_STATES;
use super::error::{Result, StoreError, instant_text};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// A row's shown name and whether it is in use, if the row exists.
fn lookup(conn: &Connection, sql: &str, id: i64) -> Result<Option<(String, bool)>> {
    Ok(conn.prepare_cached(sql)?.query_row([id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?)
}

/// The procedure kind `id`, refused when missing or retired. Returns its
/// code and default duration (minutes).
pub fn procedure_kind(conn: &Connection, id: i64) -> Result<(String, u32)> {
    let row: Option<(String, String, u32, bool)> = conn
        .prepare_cached("SELECT code, label, default_minutes, active FROM procedure_kinds WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    match row {
        None => Err(StoreError::invalid(tr!("store-kind-numbered", id = id), tr!("store-no-such-kind"))),
        Some((code, label, _, false)) => Err(StoreError::invalid(
            tr!("store-kind-named", kind = format!("{label:?}")),
            tr!("store-kind-retired", code = code),
        )),
        Some((code, _, minutes, true)) => Ok((code, minutes)),
    }
}

/// R-BLOCK-1: the room `id`, if given, refused when missing or retired.
pub fn room(conn: &Connection, id: Option<i64>) -> Result<()> {
    let Some(id) = id else { return Ok(()) };
    match lookup(conn, "SELECT name, active FROM rooms WHERE id = ?1", id)? {
        None => Err(StoreError::invalid(tr!("store-room-numbered", id = id), tr!("store-no-such-room"))),
        Some((name, false)) => Err(StoreError::invalid(
            tr!("store-room-named", room = format!("{name:?}")),
            tr!("store-room-retired", room = format!("{name:?}")),
        )),
        Some((_, true)) => Ok(()),
    }
}

/// The member of staff `id`, if given, as `what` (operator, anaesthetist):
/// refused when missing or retired.
pub fn staff(conn: &Connection, id: Option<i64>, what: &str) -> Result<()> {
    let Some(id) = id else { return Ok(()) };
    match lookup(conn, "SELECT display_name, active FROM staff WHERE id = ?1", id)? {
        None => Err(StoreError::invalid(tr!("store-staff-numbered", what = what, id = id), tr!("store-no-such-staff"))),
        Some((name, false)) => Err(StoreError::invalid(
            tr!("store-staff-named", what = what, name = name),
            tr!("store-staff-retired", id = id),
        )),
        Some((_, true)) => Ok(()),
    }
}

/// A case's room, operator and anaesthetist, each in use.
pub fn placement(
    conn: &Connection,
    room_id: Option<i64>,
    operator: Option<i64>,
    anaesthetist: Option<i64>,
) -> Result<()> {
    room(conn, room_id)?;
    staff(conn, operator, &tr!("store-operator"))?;
    staff(conn, anaesthetist, &tr!("store-anaesthetist"))
}

/// R-PATH-4: a retired bed is given to no stay.
pub fn bed(label: &str, active: bool) -> Result<()> {
    if active {
        return Ok(());
    }
    Err(StoreError::invalid(tr!("store-bed", bed = label), tr!("store-bed-retired", bed = format!("{label:?}"))))
}

/// For `periop check`: cases still to come (planned or confirmed, starting
/// from `now`) booked in a retired room, as a retired kind or with retired
/// staff, and stays not yet over holding a retired bed. Names records by
/// number, never a patient (R-PRIV-1).
pub fn findings(conn: &Connection, now: DateTime<Utc>, zone: Tz) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let cases = [
        ("rooms", "room_id", "name", "store-check-retired-room"),
        ("procedure_kinds", "procedure_kind_id", "label", "store-check-retired-kind"),
        ("staff", "operator_id", "display_name", "store-check-retired-operator"),
        ("staff", "anaesthetist_id", "display_name", "store-check-retired-anaesthetist"),
        ("staff", "nurse_id", "display_name", "store-check-retired-nurse"),
    ];
    for (table, column, name, finding) in cases {
        let sql = format!(
            "SELECT c.id, t.{name} FROM cases c JOIN {table} t ON t.id = c.{column}
             WHERE t.active = 0 AND c.state IN ('planned', 'confirmed') AND c.scheduled_start >= ?1 ORDER BY c.id"
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([instant_text(now)], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (case_id, shown) = row?;
            let shown = format!("{shown:?}");
            let args = [("case", case_id.into()), ("name", shown.as_str().into())];
            out.push(crate::i18n::fmt(crate::i18n::language(), finding, &args));
        }
    }
    let today = crate::domain::ward_time::local_day(now, zone).format("%Y-%m-%d").to_string();
    let sql = format!(
        "SELECT a.id, b.label FROM admissions a JOIN beds b ON b.id = a.bed_id
         WHERE b.active = 0 AND a.state IN {HOLDING_STATES} AND a.planned_discharge_on >= ?1 ORDER BY a.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    for row in stmt.query_map([today], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (admission_id, label) = row?;
        out.push(tr!("store-check-retired-bed", id = admission_id, bed = format!("{label:?}")).into_owned());
    }
    Ok(out)
}
