//! `periop check`: is the file whole and of our schema?

use crate::store::Store;
use crate::store::check::Report;
use color_eyre::Result;

/// Prints the report at `now` (the one clock); `Ok(false)` when something is wrong.
pub fn run(store: &Store, now: chrono::DateTime<chrono::Utc>) -> Result<bool> {
    let report = store.check(now)?;
    print!("{}", describe(store, &report));
    Ok(report.is_healthy())
}

fn describe(store: &Store, r: &Report) -> String {
    let integrity = if r.integrity == ["ok"] { "ok".to_string() } else { r.integrity.join("; ") };
    let file_ok = r.integrity == ["ok"] && r.foreign_key_problems == 0 && r.schema_version == r.known_version;
    format!(
        "database:     {}\nschema:       {} (this program: {})\nintegrity:    {integrity}\nforeign keys: {}\naudit rows:   {}\nrules:        {}\nverdict:      {}\n",
        store.path().display(),
        r.schema_version,
        r.known_version,
        if r.foreign_key_problems == 0 {
            "ok".to_string()
        } else {
            format!("{} broken references", r.foreign_key_problems)
        },
        r.audit_rows,
        findings(&r.findings),
        if r.is_healthy() {
            "healthy"
        } else if r.findings.is_empty() || !file_ok {
            "PROBLEMS FOUND: restore the latest backup or ask for help"
        } else {
            "RULES BROKEN: the file is whole, but the records above break the rules; correct each one"
        },
    )
}

/// `ok`, or the count then one finding a line (each names its record and rule).
fn findings(found: &[String]) -> String {
    if found.is_empty() {
        return "ok".to_string();
    }
    let mut out = format!("{} found", found.len());
    for f in found {
        out.push_str("\n  ");
        out.push_str(f);
    }
    out
}
