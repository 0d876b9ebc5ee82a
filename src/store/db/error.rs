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
    /// The connection to the server is lost (closed, broken, or the
    /// server shut down); a new connection may succeed. SQLite never
    /// gives it.
    Disconnected,
    /// The connection was lost as a save committed, and whether it did is
    /// not known (never on SQLite).
    CommitUnknown,
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
    /// The connection was lost as a save's `COMMIT` went out, and the server
    /// could not be asked whether it committed: the save may or may not be
    /// stored.
    CommitUnknown(Box<Error>),
    /// A step only a SQLite file has (its header, its pages), asked of
    /// another engine.
    NotAFile(&'static str),
    /// PostgreSQL's own error (the server's or the client's), for its
    /// message and SQLSTATE.
    #[cfg(feature = "postgres")]
    Postgres(postgres::Error),
    /// No column at this position (from 0).
    InvalidColumnIndex(usize),
    /// No column of this name.
    InvalidColumnName(String),
    /// `.0` values bound to a statement that has `.1` parameters.
    InvalidParameterCount(usize, usize),
    /// A `:name` bound that the statement does not have.
    InvalidParameterName(String),
    /// Column `.0` is of a server type `.1` the store cannot read (cast it
    /// in the query).
    UnreadableColumn(usize, String),
}

/// A value whose class the server's inferred parameter type cannot take
/// (text for an integer column, an integer beyond int4): carried in
/// [`Error::ToSqlConversionFailure`]. Names the parameter (from 1) and both
/// types, never the value, which may be a patient's.
#[derive(Debug)]
pub struct BindMismatch {
    pub param: usize,
    pub class: Type,
    pub server_type: String,
}

impl fmt::Display for BindMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let BindMismatch { param, class, server_type } = self;
        write!(f, "parameter {param}: a {class} value cannot be bound as {server_type} (or is out of its range)")
    }
}

impl std::error::Error for BindMismatch {}

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
            Error::CommitUnknown(_) => Some(ErrorCode::CommitUnknown),
            #[cfg(feature = "postgres")]
            Error::Postgres(e) => super::pg::code(e),
            _ => None,
        }
    }

    /// True when the connection to the server is lost
    /// ([`ErrorCode::Disconnected`]): reconnecting may help, retrying on
    /// this connection will not.
    pub fn is_disconnected(&self) -> bool {
        self.code() == Some(ErrorCode::Disconnected)
    }

    /// True when a full-text index's own pages are damaged (SQLite:
    /// `SQLITE_CORRUPT_VTAB`, a kind of [`ErrorCode::DatabaseCorrupt`]): the
    /// records it points to may be whole.
    pub fn is_search_index_corrupt(&self) -> bool {
        matches!(self, Error::Sqlite(e) if e.sqlite_error().is_some_and(|f| f.extended_code == rusqlite::ffi::SQLITE_CORRUPT_VTAB))
    }

    /// True for text that is not UTF-8 (written by another program, or
    /// damaged). Never on PostgreSQL: the server enforces UTF-8.
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
            Error::CommitUnknown(e) => write!(f, "{e}"),
            Error::NotAFile(step) => f.write_str(&tr!("errors-needs-sqlite-file", step = *step)),
            #[cfg(feature = "postgres")]
            Error::Postgres(e) => postgres_message(e, f),
            Error::InvalidColumnIndex(i) => write!(f, "Invalid column index: {i}"),
            Error::InvalidColumnName(name) => write!(f, "Invalid column name: {name}"),
            Error::InvalidParameterCount(given, expected) => {
                write!(f, "Wrong number of parameters passed to query. Got {given}, needed {expected}")
            }
            Error::InvalidParameterName(name) => write!(f, "Invalid parameter name: {name}"),
            Error::UnreadableColumn(i, server_type) => {
                write!(f, "Column {i} is of type {server_type}, which the store does not read; cast it in the query")
            }
        }
    }
}

/// The server's message and detail, and the SQLSTATE. A data error's
/// message and a constraint's detail quote the value refused (`invalid
/// input syntax for type bigint: "…"`, `Key (name)=(…) already exists`),
/// which may be a patient's: they are cut before the value.
#[cfg(feature = "postgres")]
fn postgres_message(e: &postgres::Error, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let Some(db) = e.as_db_error() else {
        return fmt::Display::fmt(e, f);
    };
    let state = db.code().code();
    let quotes_values = state.starts_with("22") || state.starts_with("23");
    match quotes_values {
        true => f.write_str(db.message().split(": \"").next().unwrap_or_default())?,
        false => f.write_str(db.message())?,
    }
    if let Some(detail) = db.detail().filter(|_| !quotes_values) {
        write!(f, ": {detail}")?;
    }
    write!(f, " (SQLSTATE {state})")
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Sqlite(e) => Some(e),
            #[cfg(feature = "postgres")]
            Error::Postgres(e) => Some(e),
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
