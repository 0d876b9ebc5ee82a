//! Errors a caller must tell apart. Each message names the thing, the cause
//! and the next step, and never a patient (R-PRIV-1).

use chrono::{DateTime, Utc};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: no such file; create a database with `periop init --db {}`", .0.display(), .0.display())]
    Missing(PathBuf),
    #[error("{}: is a directory, not a database; pass the database file inside it", .0.display())]
    NotAFile(PathBuf),
    #[error("{}: the file is empty, not a periop database; remove it or pass another path, then `periop init`", .0.display())]
    Empty(PathBuf),
    #[error("{}: not an SQLite database ({what}); check the path", path.display())]
    NotSqlite { path: PathBuf, what: &'static str },
    #[error("{}: an SQLite database of another application (application_id {found:#x}); check the path", path.display())]
    ForeignApplication { path: PathBuf, found: u32 },
    #[error("{}: the database is damaged ({detail}); restore the latest backup and run `periop check`", path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error("{}: written by a newer periop (schema {found}, this program knows up to {known}); upgrade periop", path.display())]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error("{}: {cause}; ask whoever runs the ward's database to give your account write access (see README, \"Deploying on a ward\")", path.display())]
    ReadOnly { path: PathBuf, cause: String },
    #[error("{}: already exists; pick another path or open it without `init`", .0.display())]
    AlreadyExists(PathBuf),
    #[error(
        "{what} was saved by {by} at {at} after you opened it; your change was not saved: look at the new values and try again"
    )]
    Conflict { what: String, by: String, at: String },
    #[error("the database stayed busy (another terminal is saving a long change); try again in a moment")]
    Busy,
    #[error("{0} no longer exists; it may have been removed by someone else, refresh the list")]
    NotFound(String),
    #[error("{what}: {why}")]
    Invalid { what: String, why: String },
    /// R-PATH-6: a planned date already past. The screen asks "record it as a
    /// retrospective entry?" and, if so, repeats the call with the confirmation.
    #[error(
        "{what} is planned for {when}, which has already passed; confirm it as a retrospective entry (recorded as such in the audit) or correct the date"
    )]
    Retrospective { what: String, when: String },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl StoreError {
    pub fn invalid(what: impl Into<String>, why: impl Into<String>) -> Self {
        StoreError::Invalid { what: what.into(), why: why.into() }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// `2026-11-22T07:30:00Z`: the one text form of an instant in the file.
pub fn instant_text(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
