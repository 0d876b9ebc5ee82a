//! `periop check`: is the file whole and of our schema?

use crate::store::check::{self, Report};
use color_eyre::Result;
use std::path::Path;

/// Checks the file at `path` without changing it (read-only) and prints the
/// report; `Ok(false)` when something is wrong.
pub fn run(path: &Path) -> Result<bool> {
    let report = check::check_file(path)?;
    print!("{}", describe(path, &report));
    Ok(report.is_healthy())
}

fn describe(path: &Path, r: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let integrity = if r.integrity == ["ok"] { "ok".to_string() } else { r.integrity.join("; ") };
    let _ = writeln!(out, "database:     {}", crate::store::error::shown(path));
    let _ = writeln!(out, "schema:       {} (this program: {})", r.schema_version, r.known_version);
    let _ = writeln!(out, "integrity:    {integrity}");
    let _ = match r.foreign_key_problems {
        0 => writeln!(out, "foreign keys: ok"),
        n => writeln!(out, "foreign keys: {n} broken references"),
    };
    let _ = match r.undecodable.len() {
        0 => writeln!(out, "values:       ok"),
        n => writeln!(out, "values:       {n} rows hold a value this program does not know"),
    };
    for row in &r.undecodable {
        let _ = writeln!(out, "  {row}");
    }
    let _ = writeln!(out, "audit rows:   {}", r.audit_rows);
    let _ = match r.chain.problems.len() {
        0 => writeln!(out, "audit chain:  ok"),
        n => writeln!(out, "audit chain:  {n} breaks (rows edited, forged or deleted behind periop's back)"),
    };
    for problem in &r.chain.problems {
        let _ = writeln!(out, "  {problem}");
    }
    if let Some((id, hash)) = &r.chain.head {
        let _ = writeln!(out, "chain head:   audit #{id} {hash}");
    }
    let _ = match r.differences.len() {
        0 => writeln!(out, "data rows:    ok (each matches its last audit row)"),
        n => writeln!(out, "data rows:    {n} differ from the audit log (changed behind periop's back)"),
    };
    for row in &r.differences {
        let _ = writeln!(out, "  {row}");
    }
    if !r.triggers_damaged.is_empty() {
        let _ = writeln!(
            out,
            "triggers:     missing or altered: {} (the next save recreates them)",
            r.triggers_damaged.join(", ")
        );
    }
    let verdict = if r.is_healthy() {
        "healthy"
    } else if r.schema_version < r.known_version && r.integrity == ["ok"] {
        "OLDER SCHEMA: open it once with this periop (e.g. `periop board`) to upgrade it, then check again"
    } else {
        "PROBLEMS FOUND: restore the latest backup or ask for help"
    };
    let _ = writeln!(out, "verdict:      {verdict}");
    out
}
