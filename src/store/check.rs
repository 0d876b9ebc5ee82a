//! Is this file whole? A quick look on every open, a full one on demand.

use super::error::{Result, StoreError};
use super::schema;
use super::table::Table;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use serde::Serialize;
use std::path::Path;

/// Cheap enough for every open: reads the schema pages and looks for our tables.
pub fn tables_present(conn: &Connection, path: &Path) -> Result<()> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?;
    let names: Vec<String> = stmt.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    let missing: Vec<&str> =
        Table::ALL.iter().map(|t| t.name()).chain(["audit"]).filter(|t| !names.iter().any(|n| n == t)).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Damaged { path: path.into(), detail: format!("tables missing: {}", missing.join(", ")) })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub schema_version: i64,
    pub known_version: i64,
    /// `ok`, or each problem SQLite's integrity check found.
    pub integrity: Vec<String>,
    pub foreign_key_problems: usize,
    pub audit_rows: i64,
    /// Stored rows that break a rule the program enforces on entry, each
    /// naming the record (admission, bed, case, day), never a patient:
    /// R-PATH-6 (a stay's instants out of order, events in the future),
    /// R-PATH-4 (two patients in one bed the same night), R-BLOCK-3 (one
    /// operator in two cases at once).
    pub findings: Vec<String>,
}

impl Report {
    pub fn is_healthy(&self) -> bool {
        self.integrity == ["ok"]
            && self.foreign_key_problems == 0
            && self.schema_version == self.known_version
            && self.findings.is_empty()
    }
}

/// The full check behind `periop check`: reads every page.
pub fn full(conn: &Connection) -> Result<Report> {
    let schema_version = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let mut stmt = conn.prepare("PRAGMA integrity_check(20)")?;
    let integrity = stmt.query_map([], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let foreign_key_problems = stmt.query_map([], |_| Ok(()))?.count();
    let audit_rows = conn.query_row("SELECT count(*) FROM audit", [], |row| row.get(0))?;
    Ok(Report {
        schema_version,
        known_version: schema::VERSION,
        integrity,
        foreign_key_problems,
        audit_rows,
        findings: Vec::new(),
    })
}

/// The stored-data checks (see [`Report::findings`]) at `now`, in the ward's `zone`.
pub fn findings(conn: &Connection, now: DateTime<Utc>, zone: Tz) -> Result<Vec<String>> {
    let mut out = super::stay_order::findings(conn, now, zone)?;
    out.extend(super::beds::overlaps(conn, crate::domain::ward_time::local_day(now, zone), zone)?);
    out.extend(super::cases::operator_overlaps(conn, zone)?);
    Ok(out)
}

impl super::Store {
    /// The full check behind `periop check`: the file, then the stored data
    /// against the rules at `now` (the one clock).
    pub fn check(&self, now: DateTime<Utc>) -> Result<Report> {
        let mut report = full(self.conn())?;
        if report.integrity == ["ok"] {
            report.findings = findings(self.conn(), now, self.zone())?;
        }
        Ok(report)
    }
}
