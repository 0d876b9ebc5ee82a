//! `periop migrate --from ward.db --to postgres://…` (issue 15): a ward
//! moves from its file to the hospital's server.

use crate::store::Location;
use crate::store::migrate::{self, Migrated};
use color_eyre::Result;
use std::io::IsTerminal;
use std::path::Path;

/// Copies, showing progress on stderr (in place on a terminal, every 10 %
/// otherwise), and returns what to print.
pub fn run(from: &Path, to: &Location) -> Result<String> {
    let interactive = std::io::stderr().is_terminal();
    let mut shown = -1i64;
    let mut progress = |done: u64, all: u64| {
        let percent = (done * 100).checked_div(all).map_or(100, |p| p as i64);
        if percent != shown && (interactive || percent % 10 == 0) {
            shown = percent;
            let said = tr!("cli-migrate-copying", percent = percent, done = done, all = all);
            if interactive { eprint!("\r{said}") } else { eprintln!("{said}") }
        }
    };
    let copied = migrate::migrate(from, to, &mut progress);
    if interactive && shown >= 0 {
        eprintln!();
    }
    Ok(said(from, to, &copied?))
}

fn said(from: &Path, to: &Location, m: &Migrated) -> String {
    let (id, hash) = m.head.clone().unwrap_or_default();
    format!(
        "{}\n{}\n",
        tr!(
            "cli-migrate-done",
            file = crate::store::error::shown(from),
            location = to.shown(),
            rows = m.tables.iter().map(|(_, n)| n).sum::<i64>(),
            tables = m.tables.len(),
            id = id,
            hash = hash
        ),
        tr!("cli-migrate-next", location = to.shown())
    )
}
