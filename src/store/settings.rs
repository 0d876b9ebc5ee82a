//! The site's `cfg` values (DOMAIN.md): stored rows override catalogue defaults.

use super::db::{Connection, OptionalExtension};
use super::error::{Result, StoreError};
use super::table::Table;
use super::write::WriteTx;
use crate::domain::settings::{self as cfg, SettingError, Settings};

/// Reads the stored settings; rows that fail validation are returned apart
/// (and the default used) rather than stopping the ward.
pub fn load(conn: &Connection) -> Result<(Settings, Vec<SettingError>)> {
    let mut stmt = conn.prepare_cached("SELECT key, value FROM settings")?;
    let pairs = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<super::db::Result<Vec<_>>>()?;
    Ok(Settings::from_pairs(pairs))
}

/// The stored value and its version, if the key has ever been set here.
pub fn stored(conn: &Connection, key: &str) -> Result<Option<(String, i64)>> {
    let row = conn
        .query_row("SELECT value, version FROM settings WHERE key = ?1", [key], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    Ok(row)
}

/// Sets `key` to `value` if the stored row is still at `expected_version`
/// (`None`: the key was never set). Returns the new version.
pub fn set(tx: &mut WriteTx<'_>, key: &str, value: &str, expected_version: Option<i64>) -> Result<i64> {
    // A decimal comma (`1,4`, as French writes it) is stored as a point.
    let value = &cfg::normalized(key, value);
    cfg::validate(key, value).map_err(|e| StoreError::invalid(tr!("store-setting", key = key), e.to_string()))?;
    let (current, _) = load(tx.conn())?;
    cfg::check_order(key, value, |other| current.raw_value(other).to_string())
        .map_err(|why| StoreError::invalid(tr!("store-setting", key = key), why))?;
    let value = value.trim();
    let current = tx
        .conn()
        .query_row("SELECT id, version FROM settings WHERE key = ?1", [key], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
        })
        .optional()?;
    match (current, expected_version) {
        (Some((id, _)), Some(expected)) => tx.update(Table::Settings, id, expected, &[("value", &value)]),
        (None, None) => tx.insert(Table::Settings, &[("key", &key), ("value", &value)]).map(|_| 1),
        (Some((id, _)), None) => Err(tx.conflict(Table::Settings, id)),
        (None, Some(_)) => Err(StoreError::NotFound(tr!("store-setting", key = key).into_owned())),
    }
}

impl super::Store {
    /// The version of a stored setting (`None`: never set here), to save against.
    pub fn setting_version(&self, key: &str) -> Result<Option<i64>> {
        Ok(stored(self.conn(), key)?.map(|(_, version)| version))
    }
}
