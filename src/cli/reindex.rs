//! `periop reindex`: rebuilds the search indexes (admin), with progress on stderr.

use crate::store::Store;
use crate::store::error::shown;
use chrono::{DateTime, Utc};
use color_eyre::Result;
use std::io::Write;

/// Rebuilds the indexes of `store`'s file, telling stderr each tenth done,
/// and says what was indexed and how long it took.
pub fn run(store: &mut Store, now: DateTime<Utc>) -> Result<String> {
    let started = std::time::Instant::now();
    let mut last_tenth = -1;
    let mut progress = |done: u64, all: u64| {
        let tenth = (done * 10).checked_div(all).map_or(10, |t| t as i64);
        if tenth != last_tenth {
            last_tenth = tenth;
            let _ = writeln!(std::io::stderr(), "{}", progress_line(done, all));
        }
    };
    let done = store.reindex(now, &mut progress).map_err(|e| store.explain(e))?;
    let seconds = crate::i18n::decimal(crate::i18n::language(), started.elapsed().as_secs_f64(), 1);
    Ok(tr!(
        "cli-reindex-done",
        path = shown(store.path()),
        patients = done.patients,
        rows = done.audit_rows,
        seconds = seconds
    )
    .into_owned())
}

/// `indexing: 40% (325000 of 813000 rows)`.
fn progress_line(done: u64, all: u64) -> String {
    let percent = (done * 100).checked_div(all).unwrap_or(100);
    tr!("cli-reindex-progress", percent = percent, done = done, all = all).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_gives_the_percent_of_the_rows_it_counts() {
        assert_eq!(progress_line(325, 1000), "indexing: 32% (325 of 1000 rows)");
        assert_eq!(progress_line(0, 0), "indexing: 100% (0 of 0 rows)");
    }
}
