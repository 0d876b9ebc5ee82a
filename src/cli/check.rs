//! `periop check`: is the file whole and of our schema?

use crate::store::Store;
use crate::store::check::Report;
use color_eyre::Result;

/// Prints the report; `Ok(false)` when something is wrong.
pub fn run(store: &Store) -> Result<bool> {
    let report = store.check()?;
    print!("{}", describe(store, &report));
    Ok(report.is_healthy())
}

fn describe(store: &Store, r: &Report) -> String {
    let integrity = if r.integrity == ["ok"] { "ok".to_string() } else { r.integrity.join("; ") };
    format!(
        "database:     {}\nschema:       {} (this program: {})\nintegrity:    {integrity}\nforeign keys: {}\naudit rows:   {}\nverdict:      {}\n",
        store.path().display(),
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
