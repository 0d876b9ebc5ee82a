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
    tr!("cli-backup-copying", percent = percent, done = done, all = all).into_owned()
}

fn said(live: &Path, r: &BackupReport) -> String {
    let head = r
        .check
        .chain
        .head
        .as_ref()
        .map_or_else(|| tr!("cli-backup-empty").into_owned(), |(id, hash)| format!("#{id} {hash}"));
    let verdict = if r.check.is_healthy() { tr!("cli-backup-healthy") } else { tr!("cli-backup-whole") };
    let language = crate::i18n::language();
    let done = tr!(
        "cli-backup-done",
        live = shown(live),
        path = shown(&r.path),
        pages = r.pages,
        megabytes = crate::i18n::decimal(language, r.bytes as f64 / 1_000_000.0, 1),
        seconds = crate::i18n::decimal(language, r.took.as_secs_f64(), 2)
    );
    let checked = tr!("cli-backup-checked", verdict = verdict, rows = r.check.audit_rows, head = head);
    let mut out = format!("{done}\n{checked}");
    out.push_str(&warnings(&r.check.warnings()));
    out
}

/// The warnings of a whole file that is not healthy, one a line.
fn warnings(found: &[String]) -> String {
    found.iter().map(|w| format!("\n{}", tr!("cli-backup-warning", text = w.as_str()))).collect()
}

/// Puts `from` in place of the live database (admin; refused while another
/// process has it open).
pub fn restore(live: &Path, from: &Path, now: DateTime<Utc>) -> Result<String> {
    let done = backup::restore(live, from, &Account::current(), now)?;
    let mut out =
        tr!("cli-restore-done", live = shown(live), from = shown(from), kept = shown(&done.kept)).into_owned();
    if done.from_schema < done.check.schema_version {
        let said = tr!("cli-restore-upgraded", from = done.from_schema, to = done.check.schema_version);
        out.push_str(&format!("\n{said}"));
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
