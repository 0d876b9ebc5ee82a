//! The staff list: who works here, with which role (R-ROLE-1). Rows are never
//! deleted (history points at them); a member of staff who leaves is retired
//! (`active = 0`) and may then only read.

use super::db::{Connection, OptionalExtension};
use super::error::{Result, StoreError};
use super::table::Table;
use super::write::{Field, WriteTx};
use crate::domain::language::Language;
use crate::domain::roles::Role;
use crate::domain::{names, ward_setup};
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

fn read(r: &super::db::Row<'_>) -> super::db::Result<StaffRow> {
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
    Ok(rows.collect::<super::db::Result<_>>()?)
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
            tr!("store-staff-who", who = format!("{who:?}")),
            tr!("store-staff-same-name", count = n),
        )),
    }
}

/// A display name as stored: [`ward_setup::label`] (one line, at most 60
/// characters, no control characters or direction marks), and no other
/// member of staff with the same name without regard to case or accents,
/// since a ward file, a command and the pick lists name staff by it.
fn display_name(tx: &WriteTx<'_>, text: &str, what: &str, except: Option<i64>) -> Result<String> {
    let name = ward_setup::label(text, &tr!("store-the-display-name"))
        .map_err(|why| StoreError::invalid(what, why).on_field("name"))?;
    let folded = names::folded(&name);
    if let Some(other) =
        list(tx.conn())?.into_iter().find(|s| Some(s.staff_id) != except && names::folded(&s.display_name) == folded)
    {
        let name = format!("{name:?}");
        let why = match other.account.as_deref() {
            Some(account) => tr!("store-staff-name-taken-account", name = name, id = other.staff_id, account = account),
            None => tr!("store-staff-name-taken", name = name, id = other.staff_id),
        };
        return Err(StoreError::invalid(what, why).on_field("name"));
    }
    Ok(name)
}

/// R-ROLE-1: a role that can change things goes only to an account that
/// exists on this machine: a misspelt account can never log in, and as the
/// only admin it would leave nobody able to give roles.
fn account_exists(tx: &WriteTx<'_>, account: &str, role: Role) -> Result<()> {
    if !role.changes_anything() || tx.accounts().exists(account) {
        return Ok(());
    }
    Err(StoreError::invalid(
        tr!("store-account", account = format!("{account:?}")),
        tr!("store-no-such-account", role = role.code(), account = account),
    )
    .on_field("account"))
}

/// Adds a member of staff (R-ROLE-1: needs the role admin). An account may
/// appear once, and must exist on this machine for a role that changes
/// things; a display name once (see [`display_name`]).
pub fn add(tx: &mut WriteTx<'_>, account: Option<&str>, display_name: &str, role: Role) -> Result<i64> {
    let account = account.map(str::trim).filter(|a| !a.is_empty());
    if let Some(account) = account {
        if account.chars().any(names::is_unsafe) {
            let why = tr!("store-account-control-character");
            return Err(StoreError::invalid(tr!("store-account-word"), why).on_field("account"));
        }
        if let Some(found) = super::actor::find(tx.conn(), account)? {
            return Err(StoreError::invalid(
                tr!("store-account", account = account),
                tr!(
                    "store-account-on-the-list",
                    name = found.display_name.as_str(),
                    role = found.role.as_str(),
                    account = account
                ),
            )
            .on_field("account"));
        }
        account_exists(tx, account, role)?;
    }
    let display_name = self::display_name(tx, display_name, &tr!("store-staff-member"), None)?;
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
/// Refused when it would leave the ward without an active admin on an
/// account that exists (nobody could then give roles), and when it gives a
/// role that changes things to an account this machine does not have.
pub fn set(tx: &mut WriteTx<'_>, staff_id: i64, expected_version: i64, change: &StaffChange) -> Result<i64> {
    let what = Table::Staff.row(staff_id);
    let name = change.display_name.as_deref().map(|n| display_name(tx, n, &what, Some(staff_id))).transpose()?;
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
        return Err(StoreError::invalid(what, tr!("store-staff-nothing-to-change")));
    }
    if change.active == Some(false) {
        let booked = super::setup::upcoming_cases(tx, &["operator_id", "anaesthetist_id", "nurse_id"], staff_id)?;
        if booked > 0 {
            // Named, as a room or a bed is (found in use: "the staff member:
            // 5 upcoming cases" never said who). Staff names are not patients'.
            let name: String =
                tx.conn().query_row("SELECT display_name FROM staff WHERE id = ?1", [staff_id], |r| r.get(0))?;
            let what = tr!("store-staff-member-named", name = format!("{name:?}")).into_owned();
            return Err(StoreError::invalid(what, tr!("store-staff-still-booked", count = booked)).on_field("active"));
        }
    }
    let version = tx.update(Table::Staff, staff_id, expected_version, &fields)?;
    let row = find(tx.conn(), &format!("#{staff_id}"))?.ok_or_else(|| StoreError::NotFound(what.clone()))?;
    if let Some(account) = row.account.as_deref()
        && row.active
        && (change.role.is_some() || change.active == Some(true))
    {
        account_exists(tx, account, row.role)?;
    }
    let admins: Vec<StaffRow> = list(tx.conn())?.into_iter().filter(|s| s.role == Role::Admin && s.active).collect();
    let can_log_in = admins.iter().filter(|s| s.account.as_deref().is_some_and(|a| tx.accounts().exists(a))).count();
    if can_log_in == 0 {
        let ghosts: Vec<String> =
            admins.iter().map(|s| s.account.clone().unwrap_or_else(|| s.display_name.clone())).collect();
        let why = if ghosts.is_empty() {
            tr!("store-no-admin-left")
        } else {
            tr!("store-no-admin-left-ghosts", ghosts = ghosts.join(", "))
        };
        return Err(StoreError::invalid(what, why).on_field("role"));
    }
    Ok(version)
}

/// Issue 14: the language the account at the keyboard keeps for itself
/// (`None` gives the choice back to the locale, then the site setting).
/// Any role may, for its own row only; the new version.
pub fn set_own_language(tx: &mut WriteTx<'_>, language: Option<Language>) -> Result<i64> {
    let id = tx.actor_id();
    let version: i64 = tx
        .conn()
        .query_row("SELECT version FROM staff WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(Table::Staff.row(id)))?;
    tx.update_own_language(version, language.map(Language::code))
}

impl super::Store {
    pub fn staff(&self) -> Result<Vec<StaffRow>> {
        list(self.conn())
    }

    pub fn find_staff(&self, who: &str) -> Result<Option<StaffRow>> {
        find(self.conn(), who)
    }
}
