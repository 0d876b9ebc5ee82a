//! Values as the store reads and binds them, whatever the engine: SQLite's
//! five storage classes, which PostgreSQL's columns map onto (BIGINT →
//! integer, DOUBLE PRECISION → real, TEXT → text, BYTEA → blob). The
//! audit chain hashes these values as text, so both engines must hand back
//! the same class for a column (docs/postgresql-plan.md, section 3).

use std::borrow::Cow;
use std::fmt;

/// A value owned.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// A value borrowed from a row. Text is bytes: a value another program
/// wrote may not be UTF-8, and `periop check` reads it anyway.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueRef<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a [u8]),
    Blob(&'a [u8]),
}

/// The storage class of a value, for conversion errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Null,
    Integer,
    Real,
    Text,
    Blob,
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Type::Null => "Null",
            Type::Integer => "Integer",
            Type::Real => "Real",
            Type::Text => "Text",
            Type::Blob => "Blob",
        })
    }
}

impl ValueRef<'_> {
    pub fn data_type(&self) -> Type {
        match self {
            ValueRef::Null => Type::Null,
            ValueRef::Integer(_) => Type::Integer,
            ValueRef::Real(_) => Type::Real,
            ValueRef::Text(_) => Type::Text,
            ValueRef::Blob(_) => Type::Blob,
        }
    }

    /// The text, or a conversion error (not text, or not UTF-8).
    pub fn as_str(&self) -> FromSqlResult<&str> {
        match self {
            ValueRef::Text(t) => std::str::from_utf8(t).map_err(FromSqlError::other),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

impl<'a> From<&'a Value> for ValueRef<'a> {
    fn from(value: &'a Value) -> Self {
        match value {
            Value::Null => ValueRef::Null,
            Value::Integer(n) => ValueRef::Integer(*n),
            Value::Real(x) => ValueRef::Real(*x),
            Value::Text(t) => ValueRef::Text(t.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }
    }
}

impl From<ValueRef<'_>> for Value {
    fn from(value: ValueRef<'_>) -> Self {
        match value {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(n) => Value::Integer(n),
            ValueRef::Real(x) => Value::Real(x),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        }
    }
}

/// Why a stored value did not convert to what the caller asked for.
#[derive(Debug)]
pub enum FromSqlError {
    /// Another storage class than the one asked for (text for a number).
    InvalidType,
    /// An integer that does not fit the type asked for.
    OutOfRange(i64),
    /// The caller's own reason (an unreadable day, an undecodable code).
    Other(Box<dyn std::error::Error + Send + Sync + 'static>),
}

impl FromSqlError {
    pub fn other<E: std::error::Error + Send + Sync + 'static>(error: E) -> Self {
        FromSqlError::Other(Box::new(error))
    }
}

impl fmt::Display for FromSqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FromSqlError::InvalidType => f.write_str("invalid type"),
            FromSqlError::OutOfRange(n) => write!(f, "value {n} out of range"),
            FromSqlError::Other(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for FromSqlError {}

pub type FromSqlResult<T> = std::result::Result<T, FromSqlError>;

/// A type read from a column.
pub trait FromSql: Sized {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self>;
}

/// A value to bind: borrowed where it can be, so a long note is not copied
/// before SQLite copies it.
#[derive(Debug, Clone, PartialEq)]
pub enum ToSqlOutput<'a> {
    Borrowed(ValueRef<'a>),
    Owned(Value),
}

impl ToSqlOutput<'_> {
    pub fn value_ref(&self) -> ValueRef<'_> {
        match self {
            ToSqlOutput::Borrowed(v) => *v,
            ToSqlOutput::Owned(v) => v.into(),
        }
    }
}

/// A type bound as a statement's parameter.
pub trait ToSql {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>>;
}

macro_rules! integer {
    ($($t:ty),*) => {$(
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                match value {
                    ValueRef::Integer(n) => <$t>::try_from(n).map_err(|_| FromSqlError::OutOfRange(n)),
                    _ => Err(FromSqlError::InvalidType),
                }
            }
        }
        impl ToSql for $t {
            fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
                let n = i64::try_from(*self).map_err(|_| super::Error::ToSqlConversionFailure(
                    format!("{} does not fit a 64-bit integer", self).into(),
                ))?;
                Ok(ToSqlOutput::Owned(Value::Integer(n)))
            }
        }
    )*};
}
integer!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl FromSql for f64 {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Integer(n) => Ok(n as f64),
            ValueRef::Real(x) => Ok(x),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

impl ToSql for f64 {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(Value::Real(*self)))
    }
}

impl FromSql for f32 {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        f64::column_result(value).map(|x| x as f32)
    }
}

impl ToSql for f32 {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(Value::Real(f64::from(*self))))
    }
}

/// Flags are stored 0/1 (INTEGER on SQLite, BIGINT on PostgreSQL).
impl FromSql for bool {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(value).map(|n| n != 0)
    }
}

impl ToSql for bool {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(Value::Integer(i64::from(*self))))
    }
}

impl FromSql for String {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value.as_str().map(str::to_owned)
    }
}

impl FromSql for Vec<u8> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Blob(b) | ValueRef::Text(b) => Ok(b.to_vec()),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

impl FromSql for Value {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Ok(value.into())
    }
}

/// JSON stored as text (the audit's before and after).
impl FromSql for serde_json::Value {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        serde_json::from_slice(match value {
            ValueRef::Text(t) | ValueRef::Blob(t) => t,
            _ => return Err(FromSqlError::InvalidType),
        })
        .map_err(FromSqlError::other)
    }
}

impl<T: FromSql> FromSql for Option<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Null => Ok(None),
            _ => T::column_result(value).map(Some),
        }
    }
}

impl ToSql for str {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(self.as_bytes())))
    }
}

impl ToSql for String {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        self.as_str().to_sql()
    }
}

impl ToSql for Cow<'_, str> {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        self.as_ref().to_sql()
    }
}

impl ToSql for [u8] {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Blob(self)))
    }
}

impl ToSql for Vec<u8> {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        self.as_slice().to_sql()
    }
}

impl ToSql for Value {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(self.into()))
    }
}

impl ToSql for ValueRef<'_> {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(*self))
    }
}

impl ToSql for ToSqlOutput<'_> {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(self.value_ref()))
    }
}

/// JSON bound as its text.
impl ToSql for serde_json::Value {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(Value::Text(self.to_string())))
    }
}

impl<T: ToSql> ToSql for Option<T> {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        match self {
            None => Ok(ToSqlOutput::Owned(Value::Null)),
            Some(value) => value.to_sql(),
        }
    }
}

impl<T: ToSql + ?Sized> ToSql for &T {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        (**self).to_sql()
    }
}

impl<T: ToSql + ?Sized> ToSql for Box<T> {
    fn to_sql(&self) -> super::Result<ToSqlOutput<'_>> {
        (**self).to_sql()
    }
}
