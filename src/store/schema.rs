//! The schema, its version, the connection settings and the upgrade steps.

use super::error::{Result, StoreError};
use super::file_check::APPLICATION_ID;
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// The top-level `schema.sql`: the shape of a database made by this program.
pub const SCHEMA: &str = include_str!("../../schema.sql");

/// The schema version a database made by `schema.sql` has.
pub const VERSION: i64 = 5;
/// One upgrade step: SQL, then (optionally) work only Rust can do, in the
/// same transaction.
pub struct Step {
    pub sql: &'static str,
    pub then: Option<fn(&Connection) -> Result<()>>,
}

/// `UPGRADES[n]` takes a file from version `n + 1` to `n + 2`. Append only;
/// never edit a step that has shipped.
pub const UPGRADES: &[Step] = &[
    // 1 → 2, R-PATH-6: a case booked or moved to a start already past is a
    // confirmed retrospective entry, and says so.
    Step {
        sql: "ALTER TABLE cases ADD COLUMN retrospective INTEGER NOT NULL DEFAULT 0 CHECK (retrospective IN (0, 1));",
        then: None,
    },
    // 2 → 3 (R-AUDIT-3): the audit chain. The update trigger is dropped while
    // the existing rows are sealed, then put back (the write path recreates
    // any missing trigger from schema.sql before it writes).
    Step {
        sql: "ALTER TABLE audit ADD COLUMN hash TEXT; DROP TRIGGER audit_is_append_only_update;",
        then: Some(upgrade_3_seal),
    },
    // 3 → 4 (R-DO-1, R-DO-5, R-DO-7): distraction cases, their phase steps,
    // sessions, rounds and pin grades, as in schema.sql.
    Step { sql: DISTRACTION_TABLES, then: None },
    // 4 → 5 (issue 13): the search indexes, filled from the existing rows.
    Step { sql: super::search::INDEXES_V5, then: Some(super::search::build_indexes) },
];

/// The distraction tables of `schema.sql` (3 → 4), kept word for word.
const DISTRACTION_TABLES: &str = include_str!("schema_4_distraction.sql");

fn upgrade_3_seal(conn: &Connection) -> Result<()> {
    super::chain::seal_existing(conn)?;
    super::chain::ensure_triggers(conn)?;
    Ok(())
}

/// How long a writer waits for another terminal's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The pragmas every connection gets (DESIGN.md, "The store").
pub fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::invalid("journal mode", format!("SQLite refused WAL mode (got {mode})")));
    }
    // Clinical data: a confirmed save survives a power cut.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Copies the WAL into the main file, so that the header (application_id,
/// user_version) a new or upgraded file carries is on disk for the next
/// process to read. Best effort: a busy reader only delays it.
pub fn checkpoint(conn: &Connection) {
    if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())) {
        log::warn!("checkpoint after writing the schema: {e}");
    }
}

/// Writes the schema into a new, empty database in one transaction.
pub fn create(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(SCHEMA)?;
    tx.pragma_update(None, "application_id", i64::from(APPLICATION_ID))?;
    tx.pragma_update(None, "user_version", VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Brings an older database up to `target` with `steps`. Runs under
/// `BEGIN IMMEDIATE` and re-reads the version inside it, so that when two
/// terminals start at once only the first one upgrades.
pub fn upgrade(conn: &mut Connection, path: &Path, steps: &[Step], target: i64) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if found > target {
        return Err(StoreError::TooNew { path: path.into(), found, known: target });
    }
    if found < 1 {
        return Err(StoreError::Damaged { path: path.into(), detail: format!("schema version {found}") });
    }
    for version in found..target {
        let step = usize::try_from(version - 1).ok().and_then(|i| steps.get(i)).ok_or_else(|| StoreError::Damaged {
            path: path.into(),
            detail: format!("no upgrade step from schema {version}"),
        })?;
        tx.execute_batch(step.sql)?;
        if let Some(then) = step.then {
            then(&tx)?;
        }
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(conn: &Connection) -> i64 {
        conn.pragma_query_value(None, "user_version", |row| row.get(0)).unwrap()
    }

    #[test]
    fn upgrade_runs_each_missing_step_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("u.db");
        let mut conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;").unwrap();
        let steps =
            [Step { sql: "ALTER TABLE t ADD COLUMN y;", then: None }, Step { sql: "CREATE TABLE u (z);", then: None }];
        upgrade(&mut conn, &path, &steps, 3).unwrap();
        assert_eq!(version(&conn), 3);
        conn.execute("INSERT INTO u (z) SELECT y FROM t", []).unwrap();
        // A second start finds nothing to do.
        upgrade(&mut conn, &path, &steps, 3).unwrap();
        assert_eq!(version(&conn), 3);
    }

    #[test]
    fn the_distraction_step_is_the_schema_word_for_word() {
        assert!(SCHEMA.contains(DISTRACTION_TABLES), "schema.sql and schema_4_distraction.sql differ");
    }

    #[test]
    fn upgrade_refuses_a_newer_file_and_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.db");
        let mut conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 9;").unwrap();
        let err = upgrade(&mut conn, &path, &[], 1).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 9, known: 1, .. }), "{err}");
        assert_eq!(version(&conn), 9);
    }
}
