//! Errors a caller must tell apart. Each message names the thing, the cause
//! and the next step, and never a patient (R-PRIV-1).

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: no such file; create a database with `periop init --db {}`", shown(.0), shown(.0))]
    Missing(PathBuf),
    #[error(
        "{}: the folder {} does not exist; check the path (or create the folder first)",
        shown(path),
        shown(folder)
    )]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("{}: is a directory, not a database; pass the database file inside it", shown(.0))]
    NotAFile(PathBuf),
    #[error("{}: the file is empty, not a periop database; remove it or pass another path, then `periop init`", shown(.0))]
    Empty(PathBuf),
    #[error("{}: not an SQLite database ({what}); check the path", shown(path))]
    NotSqlite { path: PathBuf, what: &'static str },
    #[error("{}: an SQLite database of another application (application_id {found:#x}); check the path", shown(path))]
    ForeignApplication { path: PathBuf, found: u32 },
    #[error("{}: the database is damaged ({detail}); restore the latest backup and run `periop check`", shown(path))]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "{}: written by a newer periop (schema {found}, this program knows up to {known}); upgrade periop",
        shown(path)
    )]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error(
        "{}: {cause}; ask whoever runs the ward's database to give your account write access (see README, \"Deploying on a ward\")",
        shown(path)
    )]
    ReadOnly { path: PathBuf, cause: String },
    #[error("{}: already exists; pick another path or open it without `init`", shown(.0))]
    AlreadyExists(PathBuf),
    /// A file a command would write is there already (a backup's target):
    /// it is never overwritten; `next` says what to do instead.
    #[error("{}: already exists; {next}", shown(path))]
    Exists { path: PathBuf, next: &'static str },
    #[error(
        "{}: the disk is full (or a file-size limit was reached); nothing was left at that path: free some space there, then run the command again",
        shown(.0)
    )]
    DiskFull(PathBuf),
    #[error(
        "{what} was saved by {by} at {at} after you opened it; your change was not saved: look at the new values and try again"
    )]
    Conflict { what: String, by: String, at: String },
    #[error("the database stayed busy (another terminal is saving a long change); try again in a moment")]
    Busy,
    #[error(
        "{}: another program holds the database's write lock (a long save, a backup, an sqlite3 shell); try again in a moment, or close that program",
        shown(.0)
    )]
    Held(PathBuf),
    #[error("{0} no longer exists; it may have been removed by someone else, refresh the list")]
    NotFound(String),
    /// R-ROLE-1: the actor's role may not make this change.
    #[error("{}", not_allowed(change, role, needs))]
    NotAllowed { change: &'static str, role: &'static str, needs: String },
    #[error("{what}: {why}")]
    Invalid { what: String, why: String },
    /// R-STOCK-2: not enough free units (another terminal may have taken
    /// the last one a moment ago); nothing was taken.
    /// `next` says what the user can do where they asked (issue 10: a
    /// reservation, which already takes from every lot, said "pick another
    /// lot" though its form has no lot to pick).
    #[error("{what}: {asked} asked, {free} free (the rest is reserved for cases or gone); nothing was taken: {next}")]
    OutOfStock { what: String, asked: u32, free: u32, next: &'static str },
    /// R-PATH-6: a planned date already past. The screen asks "record it as a
    /// retrospective entry?" and, if so, repeats the call with the confirmation.
    #[error(
        "{what} is planned for {when}, which has already passed; confirm it as a retrospective entry (recorded as such in the audit) or correct the date"
    )]
    Retrospective { what: String, when: String },
    /// R-BLOCK-3, R-BLOCK-4: the change meets the schedule's conflicts.
    /// With `can_override`, the same change with a reason is recorded as an
    /// override; without, it cannot be made as it is.
    #[error(
        "{what} conflicts with the schedule: {}; {}",
        conflicts.join("; "),
        if *can_override {
            "give a reason to override (recorded in the audit), or change the time, room or staff"
        } else {
            "pick another time, room or staff"
        }
    )]
    BlockConflict { what: String, conflicts: Vec<String>, can_override: bool },
    #[error(
        "{0}: a value this program does not know (written by another program, or damaged); run `periop check` to list such rows, then restore the latest backup or ask for help"
    )]
    Undecodable(super::decode::Undecodable),
    /// A stored day or instant that does not read back.
    #[error("{0}")]
    Unreadable(super::rows::Unreadable),
    /// The disk under an existing file failed or filled (found in use,
    /// #12: a bare "disk I/O error" named neither the file nor what to do).
    #[error(
        "{}: {cause}; nothing was saved: check the disk (`df -h` for space) and the file's folder, then try again",
        shown(path)
    )]
    Disk { path: PathBuf, cause: String },
    /// A search index (`audit_search`, `patient_search`) cannot be read,
    /// while the records it points to are whole: searches would miss them.
    /// Rebuilding the indexes from the records mends it (R-AUDIT-3).
    #[error(
        "{}: the search index {index} is damaged ({detail}), so a filter could miss records; \
         an admin rebuilds it from the records with `periop reindex --db {}`, then runs `periop check`",
        shown(path),
        shown(path)
    )]
    SearchDamaged { path: PathBuf, index: &'static str, detail: String },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

/// R-ROLE-1's refusal: the change, the role, the roles that may, and what
/// to do; a retired account ([`super::permission::RETIRED`]) is told so.
fn not_allowed(change: &str, role: &str, needs: &str) -> String {
    if role == super::permission::RETIRED {
        return format!(
            "{change}: your account is retired from the staff list, so it may only read (this change needs {needs}); \
             if you are back on the ward, an admin brings it back (`periop staff set ACCOUNT --active true`)"
        );
    }
    format!("{change}: your role is {role}, and this change needs {needs}; {}", role_next_step(role))
}

/// What someone refused a change can do: an account with no role yet asks
/// for one; one with a role asks for the role the change needs.
fn role_next_step(role: &str) -> &'static str {
    if role == crate::domain::roles::Role::Unassigned.code() {
        "ask an admin to give your account a role (`periop staff set ACCOUNT --role ROLE`)"
    } else {
        "if your work needs it, an admin can change your role (`periop staff set ACCOUNT --role ROLE`)"
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = &e
            && let Some(found) = inner.downcast_ref::<super::decode::Undecodable>()
        {
            return StoreError::Undecodable(found.clone());
        }
        if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = &e
            && let Some(found) = inner.downcast_ref::<super::rows::Unreadable>()
        {
            return StoreError::Unreadable(found.clone());
        }
        // Text that is not UTF-8 (written by another program, or damaged).
        let not_utf8 = matches!(&e, rusqlite::Error::Utf8Error(..))
            || matches!(&e, rusqlite::Error::FromSqlConversionFailure(_, _, inner) if inner.is::<std::str::Utf8Error>());
        if not_utf8 {
            return StoreError::Unreadable(super::rows::Unreadable { what: "text", text: String::new() });
        }
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl StoreError {
    /// True when the query was stopped by an [`super::Interrupter`]: a newer
    /// request took its place, and nobody waits for this answer.
    pub fn is_interrupted(&self) -> bool {
        matches!(self, StoreError::Sqlite(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted))
    }

    pub fn invalid(what: impl Into<String>, why: impl Into<String>) -> Self {
        StoreError::Invalid { what: what.into(), why: why.into() }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A path as messages show it: control characters (a newline, an escape
/// sequence that would recolour or clear the terminal) are written as
/// escapes (`\n`, `\u{1b}`), so a message stays one honest line.
pub fn shown(path: &Path) -> String {
    shown_text(&path.to_string_lossy())
}

/// [`shown`] for a name that is not a path (a trigger's, a table's).
pub fn shown_text(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// The nearest folder above `path` that does not exist, when its folder is
/// missing (the real cause behind "no such file" for `/nonexistent/x.db`).
pub fn missing_folder(path: &Path) -> Option<PathBuf> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty())?;
    if folder.exists() {
        return None;
    }
    let mut missing = folder;
    while let Some(up) = missing.parent().filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        missing = up;
    }
    Some(missing.to_path_buf())
}

/// `2026-11-22T07:30:00Z`: the one text form of an instant in the file.
pub fn instant_text(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
