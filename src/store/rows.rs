//! Reading our text forms of days and instants back out of rows.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Row;
use rusqlite::types::Type;

fn bad(idx: usize, what: &str, text: &str) -> rusqlite::Error {
    let err: Box<dyn std::error::Error + Send + Sync> = format!("{what} {text:?} is not readable").into();
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, err)
}

pub fn day(row: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(idx)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| bad(idx, "day", &text))
}

pub fn instant(row: &Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = row.get(idx)?;
    parse_instant(&text).ok_or_else(|| bad(idx, "instant", &text))
}

pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}
