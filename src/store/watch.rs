//! Seeing other terminals' saves. A second, read-only connection polls
//! `PRAGMA data_version`, which moves only when another connection commits;
//! then the audit log past the last seen id says what changed.

use super::error::Result;
use super::open_checked;
use rusqlite::{Connection, params};
use std::path::Path;

/// One changed row, as the audit log names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub audit_id: i64,
    pub table: String,
    pub row_id: i64,
}

/// Rows read per poll; a larger commit is read over the next polls.
const POLL_PAGE: i64 = 10_000;

pub struct Watcher {
    conn: Connection,
    _guard: super::file_check::OpenGuard,
    data_version: i64,
    last_audit_id: i64,
}

impl Watcher {
    /// Starts watching from the current end of the audit log.
    pub fn open(path: &Path) -> Result<Watcher> {
        let (conn, guard) = open_checked(path)?;
        let data_version = data_version(&conn)?;
        let last_audit_id = conn.query_row("SELECT COALESCE(MAX(id), 0) FROM audit", [], |r| r.get(0))?;
        Ok(Watcher { conn, _guard: guard, data_version, last_audit_id })
    }

    /// What changed since the last call; empty when nothing was committed.
    pub fn poll(&mut self) -> Result<Vec<Changed>> {
        let now = data_version(&self.conn)?;
        if now == self.data_version {
            return Ok(Vec::new());
        }
        let mut stmt =
            self.conn.prepare_cached("SELECT id, table_name, row_id FROM audit WHERE id > ?1 ORDER BY id LIMIT ?2")?;
        let changed = stmt
            .query_map(params![self.last_audit_id, POLL_PAGE], |row| {
                Ok(Changed { audit_id: row.get(0)?, table: row.get(1)?, row_id: row.get(2)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if let Some(last) = changed.last() {
            self.last_audit_id = last.audit_id;
        }
        // A commit larger than a page is read over several polls.
        if (changed.len() as i64) < POLL_PAGE {
            self.data_version = now;
        }
        Ok(changed)
    }
}

fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "data_version", |row| row.get(0))?)
}
