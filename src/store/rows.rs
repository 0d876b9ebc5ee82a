//! Reading our text forms of days and instants back out of rows.

use super::db::Row;
use super::db::types::Type;
use chrono::{DateTime, NaiveDate, Utc};

/// A stored day or instant that does not read back (written by another
/// program, or damaged). Row readers do not know their row's table and id,
/// so the message sends the user to `periop check`, which names the row.
/// The value is not in the message: it may be a patient's (a birth date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// `day`, `instant` or `text`.
    pub what: &'static str,
    pub text: String,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&tr!("store-unreadable", what = self.what))
    }
}

impl std::error::Error for Unreadable {}

fn bad(idx: usize, what: &'static str, text: &str) -> super::db::Error {
    let err = Unreadable { what, text: text.to_string() };
    super::db::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(err))
}

pub fn day(row: &Row<'_>, idx: usize) -> super::db::Result<NaiveDate> {
    let text: String = row.get(idx)?;
    parse_day(&text).ok_or_else(|| bad(idx, "day", &text))
}

/// A ward day as the file writes it (`2026-11-23`).
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

pub fn instant(row: &Row<'_>, idx: usize) -> super::db::Result<DateTime<Utc>> {
    let text: String = row.get(idx)?;
    parse_instant(&text).ok_or_else(|| bad(idx, "instant", &text))
}

pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

/// A text column read as text whatever its bytes: a value that is not
/// UTF-8 (written by another program, or damaged) comes back with
/// replacement characters instead of failing the whole read, so `periop
/// check` can go on and name the row (found in use, #12). `None`: NULL.
pub fn lossy_text(row: &Row<'_>, idx: usize) -> super::db::Result<Option<String>> {
    Ok(lossy(row.get_ref(idx)?))
}

/// [`lossy_text`] of a value already read.
pub fn lossy(value: super::db::types::ValueRef<'_>) -> Option<String> {
    use super::db::types::ValueRef;
    match value {
        ValueRef::Null => None,
        ValueRef::Integer(n) => Some(n.to_string()),
        ValueRef::Real(x) => Some(x.to_string()),
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(String::from_utf8_lossy(t).into_owned()),
    }
}
