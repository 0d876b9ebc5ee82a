//! The staff list: who works here, with which role (R-ROLE-1). Rows are never
//! deleted (history points at them); a member of staff who leaves is retired
//! (`active = 0`) and may then only read.

use super::error::{Result, StoreError};
use super::table::Table;
use super::write::{Field, WriteTx};
use crate::domain::names;
use crate::domain::roles::Role;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

/// One member of staff as the admin commands and the Admin tab show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffRow {
    pub staff_id: i64,
    /// The operating-system account; `None` for staff who never log in.
    pub account: Option<String>,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    pub version: i64,
}

const COLUMNS: &str = "id, account, display_name, role, active, version";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<StaffRow> {
    let code: String = r.get(3)?;
    let id: i64 = r.get(0)?;
    Ok(StaffRow {
        staff_id: id,
        account: r.get(1)?,
        display_name: r.get(2)?,
        role: super::decode::known_role(&code, id)?,
        active: r.get(4)?,
        version: r.get(5)?,
    })
}

/// Every member of staff, by name.
pub fn list(conn: &Connection) -> Result<Vec<StaffRow>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM staff ORDER BY display_name, id"))?;
    let rows = stmt.query_map([], read)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The member of staff `who` names: an account, `#12`, or a display name
/// (without regard to case or accents).
pub fn find(conn: &Connection, who: &str) -> Result<Option<StaffRow>> {
    let who = who.trim();
    if let Some(id) = who.strip_prefix('#').and_then(|n| n.parse::<i64>().ok()) {
        let sql = format!("SELECT {COLUMNS} FROM staff WHERE id = ?1");
        return Ok(conn.prepare_cached(&sql)?.query_row([id], read).optional()?);
    }
    let sql = format!("SELECT {COLUMNS} FROM staff WHERE account = ?1");
    if let Some(row) = conn.prepare_cached(&sql)?.query_row([who], read).optional()? {
        return Ok(Some(row));
    }
    let folded = names::folded(who);
    let matches: Vec<StaffRow> = list(conn)?.into_iter().filter(|s| names::folded(&s.display_name) == folded).collect();
    match matches.len() {
        0 => Ok(None),
        1 => Ok(matches.into_iter().next()),
        n => Err(StoreError::invalid(
            format!("staff {who:?}"),
            format!("{n} members of staff have that name; name the account or the number (#id) instead"),
        )),
    }
}

/// Adds a member of staff (R-ROLE-1: needs the role admin). An account may
/// appear once.
pub fn add(tx: &mut WriteTx<'_>, account: Option<&str>, display_name: &str, role: Role) -> Result<i64> {
    let display_name = names::stored(display_name.trim());
    if display_name.is_empty() {
        return Err(StoreError::invalid("staff member", "give a display name"));
    }
    let account = account.map(str::trim).filter(|a| !a.is_empty());
    if let Some(account) = account
        && let Some(found) = super::actor::find(tx.conn(), account)?
    {
        return Err(StoreError::invalid(
            format!("account {account}"),
            format!(
                "already on the staff list as {} ({}); change it with `periop staff set {account} --role ROLE`",
                found.display_name, found.role
            ),
        ));
    }
    tx.insert(Table::Staff, &[("account", &account), ("display_name", &display_name), ("role", &role.code())])
}

/// What `set` changes; `None` keeps the value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffChange {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
}

/// Changes a member of staff if nobody saved it since `expected_version`.
/// Refused when it would leave the ward without an active admin (nobody
/// could then give roles).
pub fn set(tx: &mut WriteTx<'_>, staff_id: i64, expected_version: i64, change: &StaffChange) -> Result<i64> {
    let name = change.display_name.as_deref().map(|n| names::stored(n.trim()));
    if name.as_deref() == Some("") {
        return Err(StoreError::invalid(Table::Staff.row(staff_id), "a display name cannot be empty"));
    }
    let role = change.role.map(Role::code);
    let mut fields: Vec<Field<'_>> = Vec::new();
    if let Some(name) = &name {
        fields.push(("display_name", name));
    }
    if let Some(role) = &role {
        fields.push(("role", role));
    }
    if let Some(active) = &change.active {
        fields.push(("active", active));
    }
    if fields.is_empty() {
        return Err(StoreError::invalid(
            Table::Staff.row(staff_id),
            "nothing to change; give --name, --role or --active",
        ));
    }
    let version = tx.update(Table::Staff, staff_id, expected_version, &fields)?;
    let admins: i64 =
        tx.conn().query_row("SELECT count(*) FROM staff WHERE role = 'admin' AND active = 1", [], |r| r.get(0))?;
    if admins == 0 {
        return Err(StoreError::invalid(
            Table::Staff.row(staff_id),
            "this would leave no active admin, and nobody could give roles again; make someone else admin first",
        ));
    }
    Ok(version)
}

impl super::Store {
    pub fn staff(&self) -> Result<Vec<StaffRow>> {
        list(self.conn())
    }

    pub fn find_staff(&self, who: &str) -> Result<Option<StaffRow>> {
        find(self.conn(), who)
    }
}
