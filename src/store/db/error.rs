//! One error for every engine. [`Error::code`] says what happened in the
//! terms the store acts on (busy, interrupted, full, damaged); the
//! engine's own error is kept for its message.

use super::types::{FromSqlError, Type};
use std::fmt;

/// What went wrong, in the terms the store acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// Another writer holds the lock past the wait allowed.
    DatabaseBusy,
    DatabaseLocked,
    /// Stopped by an [`super::Interrupter`].
    OperationInterrupted,
    DiskFull,
    SystemIoFailure,
    DatabaseCorrupt,
    NotADatabase,
    ConstraintViolation,
    /// The connection to a database server was lost (never on SQLite).
    Disconnected,
    Other,
}

#[derive(Debug)]
pub enum Error {
    /// SQLite's own error, for its message and code.
    Sqlite(rusqlite::Error),
    /// Column `.0` held a value of class `.1` that its reader refused.
    FromSqlConversionFailure(usize, Type, Box<dyn std::error::Error + Send + Sync + 'static>),
    /// Column `.0` held an integer `.1` too large for the type asked for.
    IntegralValueOutOfRange(usize, i64),
    /// A value that cannot be bound (an integer beyond 64 bits).
    ToSqlConversionFailure(Box<dyn std::error::Error + Send + Sync + 'static>),
    /// `query_row` found no row.
    QueryReturnedNoRows,
    /// A step only a SQLite file has (its header, its pages), asked of
    /// another engine.
    NotAFile(&'static str),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(super) fn from_sql(column: usize, class: Type, e: FromSqlError) -> Self {
        match e {
            FromSqlError::InvalidType => {
                Error::FromSqlConversionFailure(column, class, format!("unexpected {class} value").into())
            }
            FromSqlError::OutOfRange(n) => Error::IntegralValueOutOfRange(column, n),
            FromSqlError::Other(inner) => Error::FromSqlConversionFailure(column, class, inner),
        }
    }

    /// What happened, whatever the engine; `None` for the store's own
    /// conversion errors.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Error::Sqlite(e) => e.sqlite_error_code().map(super::sqlite::code),
            _ => None,
        }
    }

    /// True when a full-text index's own pages are damaged (SQLite:
    /// `SQLITE_CORRUPT_VTAB`, a kind of [`ErrorCode::DatabaseCorrupt`]): the
    /// records it points to may be whole.
    pub fn is_search_index_corrupt(&self) -> bool {
        matches!(self, Error::Sqlite(e) if e.sqlite_error().is_some_and(|f| f.extended_code == rusqlite::ffi::SQLITE_CORRUPT_VTAB))
    }

    /// True for text that is not UTF-8 (written by another program, or
    /// damaged).
    pub fn is_not_utf8(&self) -> bool {
        match self {
            Error::Sqlite(rusqlite::Error::Utf8Error(..)) => true,
            Error::FromSqlConversionFailure(_, _, inner) => inner.is::<std::str::Utf8Error>(),
            _ => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Sqlite(e) => e.fmt(f),
            Error::FromSqlConversionFailure(i, t, e) => write!(f, "Conversion error from type {t} at index: {i}, {e}"),
            Error::IntegralValueOutOfRange(i, n) => write!(f, "Integer {n} out of range at index {i}"),
            Error::ToSqlConversionFailure(e) => e.fmt(f),
            Error::QueryReturnedNoRows => f.write_str("Query returned no rows"),
            Error::NotAFile(step) => f.write_str(&tr!("errors-needs-sqlite-file", step = *step)),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Sqlite(e) => Some(e),
            Error::FromSqlConversionFailure(_, _, e) | Error::ToSqlConversionFailure(e) => Some(&**e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => Error::QueryReturnedNoRows,
            other => Error::Sqlite(other),
        }
    }
}

/// `.optional()`: no row is `None`, not an error.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(value) => Ok(Some(value)),
            Err(Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
