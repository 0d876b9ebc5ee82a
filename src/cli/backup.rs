//! `periop backup PATH` and `periop restore PATH`.

use crate::store::backup::{self, BackupReport};
use crate::store::error::shown;
use crate::store::{Account, Store};
use chrono::{DateTime, Utc};
use color_eyre::Result;
use std::io::Write;
use std::path::Path;

/// Copies the live database to `target`, with progress on stderr (each
/// time another tenth is done), then says what the check of the copy found.
pub fn backup(store: &Store, target: &Path, now: DateTime<Utc>) -> Result<String> {
    let mut last_tenth = -1;
    let mut progress = |done: i64, all: i64| {
        let tenth = if all == 0 { 10 } else { done * 10 / all };
        if tenth != last_tenth {
            last_tenth = tenth;
            let _ = writeln!(std::io::stderr(), "{}", progress_line(done, all));
        }
    };
    let report = store.backup_to(target, now, &mut progress).map_err(|e| store.explain(e))?;
    Ok(said(store.path(), &report))
}

/// `copying: 8% (1024 of 12616 pages)`: the percent is of the pages shown.
fn progress_line(done: i64, all: i64) -> String {
    let percent = if all == 0 { 100 } else { done * 100 / all };
    format!("copying: {percent}% ({done} of {all} pages)")
}

fn said(live: &Path, r: &BackupReport) -> String {
    let head = r.check.chain.head.as_ref().map_or_else(|| "empty".to_string(), |(id, hash)| format!("#{id} {hash}"));
    let verdict = if r.check.is_healthy() { "healthy" } else { "whole" };
    let mut out = format!(
        "backed up {} to {} (mode 0640): {} pages, {:.1} MB in {:.2} s\n\
         `periop check` on the copy: {verdict} (audit rows {}, chain head {head}; keep it with the backup)",
        shown(live),
        shown(&r.path),
        r.pages,
        r.bytes as f64 / 1_000_000.0,
        r.took.as_secs_f64(),
        r.check.audit_rows,
    );
    out.push_str(&warnings(&r.check.warnings()));
    out
}

/// The warnings of a whole file that is not healthy, one a line.
fn warnings(found: &[String]) -> String {
    found.iter().map(|w| format!("\nwarning: {w}")).collect()
}

/// Puts `from` in place of the live database (admin; refused while another
/// process has it open).
pub fn restore(live: &Path, from: &Path, now: DateTime<Utc>) -> Result<String> {
    let done = backup::restore(live, from, &Account::current(), now)?;
    let mut out = format!(
        "restored {} from {}; the file it replaced is kept as {} (delete it once the ward has checked the restore)",
        shown(live),
        shown(from),
        shown(&done.kept)
    );
    if done.from_schema < done.check.schema_version {
        out.push_str(&format!(
            "\nthe backup was of schema {}: upgraded to {} as it was put in place",
            done.from_schema, done.check.schema_version
        ));
    }
    out.push_str(&warnings(&done.check.warnings()));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found in use (#8): the progress read "0% (1024 of 12616)": the percent
    /// was of whole tenths, the count of pages.
    #[test]
    fn the_backup_progress_gives_the_percent_of_the_pages_it_counts() {
        assert_eq!(progress_line(1024, 12616), "copying: 8% (1024 of 12616 pages)");
        assert_eq!(progress_line(12616, 12616), "copying: 100% (12616 of 12616 pages)");
        assert_eq!(progress_line(0, 0), "copying: 100% (0 of 0 pages)");
    }
}
