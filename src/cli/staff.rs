//! `periop roles` and `periop staff`: the permission table (R-ROLE-1) and the
//! staff list an admin keeps (add, change, retire; never delete: history
//! points at every row).

use super::admissions::quote;
use crate::domain::roles::{self, Change, Role};
use crate::store::staff::{self, StaffChange, StaffRow};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use color_eyre::Result;
use color_eyre::eyre::eyre;
use std::fmt::Write;

/// `periop roles`: one line per change kind, a mark under each role that may.
pub fn roles_text() -> String {
    let mut out = String::new();
    let width = Change::ALL.iter().map(|c| c.label().chars().count()).max().unwrap_or(0);
    let _ = write!(out, "{:<width$}", tr!("cli-roles-change"));
    for role in Role::ALL {
        let _ = write!(out, " {:>12}", role.code());
    }
    out.push('\n');
    for change in Change::ALL {
        let _ = write!(out, "{:<width$}", change.label());
        for role in Role::ALL {
            let may = if roles::may(role, change) { tr!("cli-roles-yes") } else { "-".into() };
            let _ = write!(out, " {may:>12}");
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\n{}", tr!("cli-roles-explained"));
    out
}

/// `periop roles --format json`: `{schema, roles[], changes[{change, label, roles[]}]}`.
pub fn roles_json() -> String {
    let changes: Vec<serde_json::Value> = Change::ALL
        .iter()
        .map(|&c| {
            let allowed: Vec<&str> = roles::allowed(c).iter().map(|r| r.code()).collect();
            serde_json::json!({ "change": c.code(), "label": c.label(), "roles": allowed })
        })
        .collect();
    let all: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
    let doc = serde_json::json!({ "schema": 1, "roles": all, "changes": changes });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// `periop roles --format csv`: `change, ROLE…` with `1` where allowed.
pub fn roles_csv() -> String {
    let mut out = String::from("change");
    for role in Role::ALL {
        let _ = write!(out, ",{}", role.code());
    }
    out.push('\n');
    for change in Change::ALL {
        out.push_str(change.code());
        for role in Role::ALL {
            out.push_str(if roles::may(role, change) { ",1" } else { ",0" });
        }
        out.push('\n');
    }
    out
}

pub fn list_text(rows: &[StaffRow]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|s| {
            vec![
                format!("#{}", s.staff_id),
                s.account.clone().unwrap_or_else(|| "-".into()),
                s.display_name.clone(),
                s.role.code().to_string(),
                super::active_word(s.active),
            ]
        })
        .collect();
    let header = [
        tr!("cli-staff-id"),
        tr!("cli-staff-account"),
        tr!("cli-staff-name"),
        tr!("cli-staff-role"),
        tr!("cli-staff-active"),
    ];
    super::columns::table(&header.each_ref().map(|h| h.as_ref()), &cells)
}

/// `{schema: 1, staff: [{staff_id, account, display_name, role, active, version}]}`.
pub fn list_json(rows: &[StaffRow]) -> String {
    serde_json::to_string_pretty(&serde_json::json!({ "schema": 1, "staff": rows })).unwrap_or_default()
}

/// Columns: `staff_id, account, display_name, role, active` (1 or 0).
pub fn list_csv(rows: &[StaffRow]) -> String {
    let mut out = String::from("staff_id,account,display_name,role,active\n");
    for s in rows {
        let _ = writeln!(
            out,
            "{},{},{},{},{}",
            s.staff_id,
            quote(s.account.as_deref().unwrap_or("")),
            quote(&s.display_name),
            s.role.code(),
            u8::from(s.active)
        );
    }
    out
}

/// A role typed on the command line.
pub fn role(code: &str) -> Result<Role> {
    Role::from_code(code).filter(|r| *r != Role::Unassigned).ok_or_else(|| {
        let known: Vec<&str> = Role::ALL.iter().filter(|r| **r != Role::Unassigned).map(|r| r.code()).collect();
        eyre!("{}", tr!("cli-not-a-role", code = format!("{code:?}"), roles = known.join(", ")))
    })
}

pub fn add(store: &mut Store, account: Option<&str>, name: &str, role: Role, now: DateTime<Utc>) -> Result<String> {
    let id = store.write(now, |tx| staff::add(tx, account, name, role))?;
    let account = account.map_or_else(|| tr!("cli-staff-no-account"), |a| a.to_string().into());
    Ok(tr!("cli-staff-added", id = id, name = name, account = account.into_owned(), role = role.code()).into_owned())
}

/// Changes the member of staff `who` names (account, `#id` or name).
pub fn set(store: &mut Store, who: &str, change: &StaffChange, now: DateTime<Utc>) -> Result<String> {
    let row = find(store, who)?;
    store.write(now, |tx| staff::set(tx, row.staff_id, row.version, change))?;
    let after = find(store, &format!("#{}", row.staff_id))?;
    let account = after.account.clone().unwrap_or_else(|| tr!("cli-staff-no-account").into_owned());
    let retired = if after.active { String::new() } else { tr!("cli-staff-retired").into_owned() };
    Ok(tr!(
        "cli-staff-changed",
        id = after.staff_id,
        name = after.display_name.as_str(),
        account = account,
        role = after.role.code(),
        retired = retired
    )
    .into_owned())
}

fn find(store: &Store, who: &str) -> Result<StaffRow> {
    store.find_staff(who)?.ok_or_else(|| {
        StoreError::invalid(
            tr!("cli-staff-who", who = format!("{who:?}")).into_owned(),
            tr!("cli-staff-not-listed").into_owned(),
        )
        .into()
    })
}
