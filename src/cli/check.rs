//! `periop check`: is the file whole and of our schema?

use crate::store::check::{self, Report, Verdict};
use color_eyre::Result;
use std::path::Path;

/// Checks the file at `path` without changing it (read-only) and prints the
/// report; `Ok(false)` when something is wrong.
/// Stored rows are judged against the rules at `now` (the one clock).
pub fn run(path: &Path, now: chrono::DateTime<chrono::Utc>) -> Result<bool> {
    let report = check::check_file(path, now)?;
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
        n => writeln!(out, "values:       {n} rows hold a value this program cannot read"),
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
        if r.chain.head_flagged {
            let _ = writeln!(
                out,
                "chain head:   audit #{id} is flagged above: no head to keep; compare with the one kept with your backups"
            );
        } else {
            let _ = writeln!(out, "chain head:   audit #{id} {hash}");
        }
    }
    let _ = match r.differences.len() {
        0 => writeln!(out, "data rows:    ok (each matches its last audit row)"),
        n => writeln!(out, "data rows:    {n} differ from the audit log (changed behind periop's back)"),
    };
    for row in &r.differences {
        let _ = writeln!(out, "  {row}");
    }
    let _ = match r.search_indexes.len() {
        0 if r.schema_version == r.known_version => {
            writeln!(out, "search:       ok (each index matches the records)")
        }
        0 => writeln!(out, "search:       built again by the upgrade"),
        n => writeln!(out, "search:       {n} problems (filters may miss records)"),
    };
    for problem in &r.search_indexes {
        let _ = writeln!(out, "  {problem}");
    }
    if !r.triggers_damaged.is_empty() {
        let _ = writeln!(
            out,
            "triggers:     missing or altered: {} (the next save recreates them)",
            r.triggers_damaged.join(", ")
        );
    }
    for note in &r.triggers_put_back {
        let _ = writeln!(out, "history:      {note}");
    }
    if !r.foreign_objects.is_empty() {
        let _ = writeln!(
            out,
            "foreign:      not periop's (added by another program; remove them, they can change rows behind its back): {}",
            r.foreign_objects.join(", ")
        );
    }
    let _ = match r.side_files.len() {
        0 => writeln!(out, "side files:   ok"),
        n => writeln!(out, "side files:   {n} not shared with the database's group"),
    };
    for problem in &r.side_files {
        let _ = writeln!(out, "  {problem}");
    }
    let _ = match r.settings_refused.len() {
        0 => writeln!(out, "settings:     ok"),
        n => writeln!(out, "settings:     {n} stored values refused"),
    };
    for refused in &r.settings_refused {
        let _ = writeln!(out, "  {refused}");
    }
    if r.undecodable.is_empty() {
        let _ = writeln!(out, "rules:        {}", findings(&r.findings));
    } else {
        let _ = writeln!(out, "rules:        not judged until the values above are corrected");
    }
    let verdict = match r.verdict() {
        Verdict::Healthy => "healthy",
        Verdict::OlderSchema => {
            "OLDER SCHEMA: open it once with this periop (e.g. `periop board`) to upgrade it, then check again"
        }
        // Found in use (#12): with the append-only triggers gone, audit rows
        // deleted from the end leave no trace; "the data is whole" overclaimed.
        Verdict::SetupProblems if r.triggers_damaged.iter().any(|t| t.starts_with("audit_")) => {
            "SETUP PROBLEMS: the audit log was unprotected, so its last rows may have been deleted without a trace: \
             compare the chain head above with the one kept with your backups"
        }
        // Found in use (#12): other keep-triggers (implants, stock movements)
        // were said to leave "the audit log" unprotected.
        Verdict::SetupProblems if !r.triggers_damaged.is_empty() => {
            "SETUP PROBLEMS: records meant to be kept (named above) were unprotected and may have been changed: \
             the next save puts the triggers back; compare those records with your latest backup"
        }
        Verdict::SetupProblems => "SETUP PROBLEMS: the stored data checks out; fix what is named above",
        Verdict::RulesBroken => {
            "RULES BROKEN: the file is whole, but the records above break the rules; correct each one"
        }
        Verdict::SearchIndexes => {
            "SEARCH INDEXES: the records are whole, but a filter may miss them; an admin runs `periop reindex`, then check again"
        }
        Verdict::Damaged => "PROBLEMS FOUND: restore the latest backup or ask for help",
    };
    let _ = writeln!(out, "verdict:      {verdict}");
    out
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
