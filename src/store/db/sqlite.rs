//! SQLite behind the door, through rusqlite.

use super::types::{Value, ValueRef};
use super::{Bound, ErrorCode, Result};

/// Stops the statement a connection is running, from another thread.
pub struct Interrupter(rusqlite::InterruptHandle);

impl Interrupter {
    pub(super) fn sqlite(handle: rusqlite::InterruptHandle) -> Self {
        Interrupter(handle)
    }

    /// Does nothing when the connection is idle.
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

pub(super) fn code(code: rusqlite::ErrorCode) -> ErrorCode {
    use rusqlite::ErrorCode as E;
    match code {
        E::DatabaseBusy => ErrorCode::DatabaseBusy,
        E::DatabaseLocked => ErrorCode::DatabaseLocked,
        E::OperationInterrupted => ErrorCode::OperationInterrupted,
        E::DiskFull => ErrorCode::DiskFull,
        E::SystemIoFailure => ErrorCode::SystemIoFailure,
        E::DatabaseCorrupt => ErrorCode::DatabaseCorrupt,
        E::NotADatabase => ErrorCode::NotADatabase,
        E::ConstraintViolation => ErrorCode::ConstraintViolation,
        _ => ErrorCode::Other,
    }
}

/// For SQLite's own callbacks (a registered function's arguments).
impl<'a> From<rusqlite::types::ValueRef<'a>> for ValueRef<'a> {
    fn from(value: rusqlite::types::ValueRef<'a>) -> Self {
        use rusqlite::types::ValueRef as V;
        match value {
            V::Null => ValueRef::Null,
            V::Integer(n) => ValueRef::Integer(n),
            V::Real(x) => ValueRef::Real(x),
            V::Text(t) => ValueRef::Text(t),
            V::Blob(b) => ValueRef::Blob(b),
        }
    }
}

/// Our value bound by rusqlite without another copy.
struct Bind<'a>(&'a Value);

impl rusqlite::ToSql for Bind<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::ValueRef as V;
        Ok(rusqlite::types::ToSqlOutput::Borrowed(match self.0 {
            Value::Null => V::Null,
            Value::Integer(n) => V::Integer(*n),
            Value::Real(x) => V::Real(*x),
            Value::Text(t) => V::Text(t.as_bytes()),
            Value::Blob(b) => V::Blob(b),
        }))
    }
}

/// A cached or a fresh rusqlite statement.
pub(super) enum Statement<'c> {
    Cached(rusqlite::CachedStatement<'c>),
    Fresh(rusqlite::Statement<'c>),
}

impl<'c> From<rusqlite::CachedStatement<'c>> for Statement<'c> {
    fn from(stmt: rusqlite::CachedStatement<'c>) -> Self {
        Statement::Cached(stmt)
    }
}

impl<'c> From<rusqlite::Statement<'c>> for Statement<'c> {
    fn from(stmt: rusqlite::Statement<'c>) -> Self {
        Statement::Fresh(stmt)
    }
}

impl<'c> Statement<'c> {
    fn raw(&mut self) -> &mut rusqlite::Statement<'c> {
        match self {
            Statement::Cached(stmt) => stmt,
            Statement::Fresh(stmt) => stmt,
        }
    }

    fn bind(&mut self, bound: &Bound) -> Result<()> {
        let stmt = self.raw();
        stmt.clear_bindings();
        match bound {
            Bound::Positional(values) => {
                let expected = stmt.parameter_count();
                if values.len() != expected {
                    return Err(rusqlite::Error::InvalidParameterCount(values.len(), expected).into());
                }
                for (i, value) in values.iter().enumerate() {
                    stmt.raw_bind_parameter(i + 1, Bind(value))?;
                }
            }
            Bound::Named(pairs) => {
                for (name, value) in pairs {
                    let i = stmt
                        .parameter_index(name)?
                        .ok_or_else(|| rusqlite::Error::InvalidParameterName(name.clone()))?;
                    stmt.raw_bind_parameter(i, Bind(value))?;
                }
            }
        }
        Ok(())
    }

    pub(super) fn execute(&mut self, bound: &Bound) -> Result<usize> {
        self.bind(bound)?;
        Ok(self.raw().raw_execute()?)
    }

    pub(super) fn query(&mut self, bound: &Bound) -> Result<rusqlite::Rows<'_>> {
        self.bind(bound)?;
        Ok(self.raw().raw_query())
    }

    pub(super) fn column_names(&self) -> Vec<&str> {
        match self {
            Statement::Cached(stmt) => stmt.column_names().collect(),
            Statement::Fresh(stmt) => stmt.column_names().collect(),
        }
    }
}
