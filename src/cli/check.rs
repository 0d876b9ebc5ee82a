//! `periop check`: is the file whole and of our schema?

use crate::store::Location;
use crate::store::check::{self, Report, Verdict};
use color_eyre::Result;

/// Checks the file at `path` without changing it (read-only) and prints the
/// report; `Ok(false)` when something is wrong.
/// Stored rows are judged against the rules at `now` (the one clock).
pub fn run(location: &Location, now: chrono::DateTime<chrono::Utc>) -> Result<bool> {
    let report = check::check_location(location, now)?;
    print!("{}", describe(&location.shown(), &report));
    Ok(report.is_healthy())
}

fn describe(database: &str, r: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let ok = || String::from("ok");
    let integrity = if r.integrity == [ok()] { ok() } else { crate::i18n::joined(&r.integrity) };
    row(&mut out, tr!("cli-check-database"), database);
    row(
        &mut out,
        tr!("cli-check-schema"),
        tr!("cli-check-schema-value", version = r.schema_version, known = r.known_version),
    );
    row(&mut out, tr!("cli-check-integrity"), integrity);
    let said = match r.foreign_key_problems {
        0 => ok(),
        n => tr!("cli-check-broken-references", count = n).into_owned(),
    };
    row(&mut out, tr!("cli-check-foreign-keys"), said);
    let said = match r.undecodable.len() {
        0 => ok(),
        n => tr!("cli-check-values-unreadable", count = n).into_owned(),
    };
    row(&mut out, tr!("cli-check-values"), said);
    for line in &r.undecodable {
        let _ = writeln!(out, "  {line}");
    }
    row(&mut out, tr!("cli-check-audit-rows"), r.audit_rows);
    let said = match r.chain.problems.len() {
        0 => ok(),
        n => tr!("cli-check-chain-breaks", count = n).into_owned(),
    };
    row(&mut out, tr!("cli-check-audit-chain"), said);
    for problem in &r.chain.problems {
        let _ = writeln!(out, "  {problem}");
    }
    if let Some((id, hash)) = &r.chain.head {
        let said = if r.chain.head_flagged {
            tr!("cli-check-chain-head-flagged", id = *id)
        } else {
            tr!("cli-check-chain-head-value", id = *id, hash = hash.as_str())
        };
        row(&mut out, tr!("cli-check-chain-head"), said);
    }
    let said = match r.differences.len() {
        0 => tr!("cli-check-data-rows-ok"),
        n => tr!("cli-check-data-rows-differ", count = n),
    };
    row(&mut out, tr!("cli-check-data-rows"), said);
    for line in &r.differences {
        let _ = writeln!(out, "  {line}");
    }
    let said = match r.search_indexes.len() {
        0 if r.schema_version == r.known_version => tr!("cli-check-search-ok"),
        0 => tr!("cli-check-search-rebuilt"),
        n => tr!("cli-check-search-problems", count = n),
    };
    row(&mut out, tr!("cli-check-search"), said);
    for problem in &r.search_indexes {
        let _ = writeln!(out, "  {problem}");
    }
    if !r.triggers_damaged.is_empty() {
        let names = r.triggers_damaged.join(", ");
        row(&mut out, tr!("cli-check-triggers"), tr!("cli-check-triggers-damaged", names = names));
    }
    for note in &r.triggers_put_back {
        row(&mut out, tr!("cli-check-history"), note);
    }
    if !r.foreign_objects.is_empty() {
        let names = r.foreign_objects.join(", ");
        row(&mut out, tr!("cli-check-foreign"), tr!("cli-check-foreign-objects", names = names));
    }
    let said = match r.side_files.len() {
        0 => ok(),
        n => tr!("cli-check-side-files-problems", count = n).into_owned(),
    };
    row(&mut out, tr!("cli-check-side-files"), said);
    for problem in &r.side_files {
        let _ = writeln!(out, "  {problem}");
    }
    let said = match r.settings_refused.len() {
        0 => ok(),
        n => tr!("cli-check-settings-refused", count = n).into_owned(),
    };
    row(&mut out, tr!("cli-check-settings"), said);
    for refused in &r.settings_refused {
        let _ = writeln!(out, "  {refused}");
    }
    if r.undecodable.is_empty() {
        row(&mut out, tr!("cli-check-rules"), findings(&r.findings));
    } else {
        row(&mut out, tr!("cli-check-rules"), tr!("cli-check-rules-not-judged"));
    }
    let verdict = match r.verdict() {
        Verdict::Healthy => tr!("cli-check-healthy"),
        Verdict::OlderSchema => tr!("cli-check-older-schema"),
        // Found in use (#12): with the append-only triggers gone, audit rows
        // deleted from the end leave no trace; "the data is whole" overclaimed.
        Verdict::SetupProblems if r.triggers_damaged.iter().any(|t| t.starts_with(AUDIT_TRIGGERS)) => {
            tr!("cli-check-audit-unprotected")
        }
        // Found in use (#12): other keep-triggers (implants, stock movements)
        // were said to leave "the audit log" unprotected.
        Verdict::SetupProblems if !r.triggers_damaged.is_empty() => tr!("cli-check-kept-unprotected"),
        Verdict::SetupProblems => tr!("cli-check-setup-problems"),
        Verdict::RulesBroken => tr!("cli-check-rules-broken"),
        Verdict::SearchIndexes => tr!("cli-check-search-indexes"),
        Verdict::Damaged => tr!("cli-check-damaged"),
    };
    row(&mut out, tr!("cli-check-verdict"), verdict);
    out
}

/// The audit log's own triggers are named `audit_…` (a code, not words).
const AUDIT_TRIGGERS: &str = "audit_";

/// One line of the report: its label in a column of 13 cells and a space
/// (`database:     …`), then its value.
fn row(out: &mut String, label: std::borrow::Cow<'static, str>, value: impl std::fmt::Display) {
    use std::fmt::Write;
    let _ = writeln!(out, "{label:<13} {value}");
}

/// `ok`, or the count then one finding a line (each names its record and rule).
fn findings(found: &[String]) -> String {
    if found.is_empty() {
        return String::from("ok");
    }
    let mut out = tr!("cli-check-found", count = found.len()).into_owned();
    for f in found {
        out.push_str("\n  ");
        out.push_str(f);
    }
    out
}
