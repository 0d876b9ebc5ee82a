//! Who is at the keyboard: the operating-system account running the program
//! (from the uid, not `$USER`, which anyone can set), mapped to a staff row.

use super::db::{Connection, OptionalExtension, params};
use super::error::Result;
use super::table::Table;
use super::write::WriteTx;
use crate::domain::language::Language;
use serde::Serialize;

/// An operating-system account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub name: String,
    /// The first field of the account's GECOS comment, if any.
    pub full_name: Option<String>,
}

impl Account {
    /// The account of the process's real uid.
    pub fn current() -> Account {
        let uid = nix::unistd::getuid();
        match nix::unistd::User::from_uid(uid) {
            Ok(Some(user)) => {
                let gecos = user.gecos.to_string_lossy().into_owned();
                let full_name = gecos.split(',').next().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
                Account { name: user.name, full_name }
            }
            _ => Account { name: format!("uid-{uid}"), full_name: None },
        }
    }
}

/// Which operating-system accounts exist (R-ROLE-1: a role that can change
/// things goes only to an account that can log in, so a misspelt account
/// never takes the ward's last admin). The program asks the machine; tests
/// that play staff on accounts no machine has name them ([`Accounts::only`]).
/// The account running the program exists by definition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accounts {
    /// `None`: the machine's account database (`getpwnam`).
    listed: Option<std::sync::Arc<[String]>>,
    running: Option<String>,
}

impl Accounts {
    /// Exactly these accounts exist (for tests playing members of staff).
    pub fn only(names: &[&str]) -> Accounts {
        Accounts { listed: Some(names.iter().map(|n| n.to_string()).collect()), running: None }
    }

    /// The same, with the account running this process known too.
    pub(super) fn running_as(&self, account: &str) -> Accounts {
        Accounts { running: Some(account.to_string()), ..self.clone() }
    }

    /// Whether `account` exists: an unreadable account database counts as
    /// "no" (the refusal then says to check the spelling or create it).
    pub fn exists(&self, account: &str) -> bool {
        if self.running.as_deref() == Some(account) {
            return true;
        }
        match &self.listed {
            Some(names) => names.iter().any(|n| n == account),
            None => matches!(nix::unistd::User::from_name(account), Ok(Some(_))),
        }
    }
}

/// The staff member behind the account, as the status line shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub staff_id: i64,
    pub account: String,
    pub display_name: String,
    pub role: String,
    /// False once retired: the account may then only read (R-ROLE-1), and a
    /// refusal says so rather than naming a role it was never given.
    pub active: bool,
    /// Issue 14: the language this account chose for itself, if any
    /// (`staff.language`, whose CHECK holds it to en or fr).
    #[serde(skip)]
    pub language: Option<Language>,
}

pub(super) fn find(conn: &Connection, account: &str) -> Result<Option<Actor>> {
    let actor = conn
        .query_row(
            "SELECT id, account, display_name, role, active, language FROM staff WHERE account = ?1",
            [account],
            |row| {
                Ok(Actor {
                    staff_id: row.get(0)?,
                    account: row.get(1)?,
                    display_name: row.get(2)?,
                    role: row.get(3)?,
                    active: row.get(4)?,
                    language: row.get::<_, Option<String>>(5)?.as_deref().and_then(Language::from_code),
                })
            },
        )
        .optional()?;
    Ok(actor)
}

/// The staff id of an account not yet on the staff list (ids start at 1).
pub const UNREGISTERED: i64 = 0;

/// How an account not yet on the staff list is shown until its first save
/// registers it: `unassigned`, which may read but is given no role.
pub(super) fn unregistered(account: &Account) -> Actor {
    Actor {
        staff_id: UNREGISTERED,
        account: account.name.clone(),
        display_name: display_name(account),
        role: "unassigned".to_string(),
        active: true,
        language: None,
    }
}

fn display_name(account: &Account) -> String {
    account.full_name.clone().unwrap_or_else(|| account.name.clone())
}

/// Inside a save: the account's staff row, registering it as `unassigned`
/// (audited as its own act) if it has none. Two terminals of a new account
/// may save at once: the look happens inside the transaction, so the
/// account is registered once.
pub(super) fn find_or_register(tx: &mut WriteTx<'_>, account: &Account) -> Result<Actor> {
    if let Some(actor) = find(tx.conn(), &account.name)? {
        tx.set_actor(actor.staff_id);
        return Ok(actor);
    }
    log::info!("registering account {} as unassigned staff", account.name);
    register(tx, account, "unassigned")
}

/// Adds the account to the staff table with `role`, audited as its own act.
pub(super) fn register(tx: &mut WriteTx<'_>, account: &Account, role: &str) -> Result<Actor> {
    let display_name = display_name(account);
    let staff_id: i64 = tx.conn().query_row(
        "INSERT INTO staff (account, display_name, role) VALUES (?1, ?2, ?3) RETURNING id",
        params![account.name, display_name, role],
        |r| r.get(0),
    )?;
    tx.set_actor(staff_id);
    tx.audit_insert(Table::Staff, staff_id)?;
    Ok(Actor {
        staff_id,
        account: account.name.clone(),
        display_name,
        role: role.to_string(),
        active: true,
        language: None,
    })
}
