//! `periop backup PATH` and `periop restore PATH`.

use crate::store::backup::{self, BackupReport};
use crate::store::error::shown;
use crate::store::{Account, Store};
use chrono::{DateTime, Utc};
use color_eyre::Result;
use std::io::Write;
use std::path::Path;

/// Copies the live database to `target`, with progress on stderr (every
/// tenth), then says what the check of the copy found.
pub fn backup(store: &Store, target: &Path, now: DateTime<Utc>) -> Result<String> {
    let mut last_tenth = -1;
    let mut progress = |done: i64, all: i64| {
        let tenth = if all == 0 { 10 } else { done * 10 / all };
        if tenth != last_tenth {
            last_tenth = tenth;
            let _ = writeln!(std::io::stderr(), "copying: {}% ({done} of {all} pages)", tenth * 10);
        }
    };
    let report = store.backup_to(target, now, &mut progress).map_err(|e| store.explain(e))?;
    Ok(said(store.path(), &report))
}

fn said(live: &Path, r: &BackupReport) -> String {
    let head = r.check.chain.head.as_ref().map_or_else(|| "empty".to_string(), |(id, hash)| format!("#{id} {hash}"));
    format!(
        "backed up {} to {} (mode 0640): {} pages, {:.1} MB in {:.2} s\n\
         `periop check` on the copy: healthy (audit rows {}, chain head {head}; keep it with the backup)",
        shown(live),
        shown(&r.path),
        r.pages,
        r.bytes as f64 / 1_000_000.0,
        r.took.as_secs_f64(),
        r.check.audit_rows,
    )
}

/// Puts `from` in place of the live database (admin; refused while another
/// process has it open).
pub fn restore(live: &Path, from: &Path, now: DateTime<Utc>) -> Result<String> {
    let done = backup::restore(live, from, &Account::current(), now)?;
    Ok(format!(
        "restored {} from {}; the file it replaced is kept as {} (delete it once the ward has checked the restore)",
        shown(live),
        shown(from),
        shown(&done.kept)
    ))
}
