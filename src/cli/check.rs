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
    let integrity = if r.integrity == ["ok"] { "ok".to_string() } else { r.integrity.join("; ") };
    format!(
        "database:     {}\nschema:       {} (this program: {})\nintegrity:    {integrity}\nforeign keys: {}\naudit rows:   {}\nverdict:      {}\n",
        crate::store::error::shown(path),
        r.schema_version,
        r.known_version,
        if r.foreign_key_problems == 0 {
            "ok".to_string()
        } else {
            format!("{} broken references", r.foreign_key_problems)
        },
        r.audit_rows,
        if r.is_healthy() { "healthy" } else { "PROBLEMS FOUND: restore the latest backup or ask for help" },
    )
}
