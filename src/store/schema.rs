//! The schema, its version, the connection settings and the upgrade steps.

use super::db::{Connection, Dialect, TransactionBehavior};
use super::error::{Result, StoreError};
use super::file_check::APPLICATION_ID;
use std::path::Path;
use std::time::Duration;

/// The top-level `schema.sql`: the shape of a database made by this program.
pub const SCHEMA: &str = include_str!("../../schema.sql");

/// `pg_schema.sql`: the same tables and columns on PostgreSQL, at
/// [`VERSION`] from the start (no upgrade steps yet), with the row
/// `periop_meta('application', 'periop')`. Runs in one transaction as the
/// database's owner; needs no superuser and no extension.
#[cfg(feature = "postgres")]
pub const PG_SCHEMA: &str = include_str!("pg_schema.sql");

/// The schema version a database made by `schema.sql` has.
pub const VERSION: i64 = 15;
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
    // 5 → 6 (R-ROLE-1, R-BLOCK-2): roles, bed units, retiring, procedure kinds.
    Step { sql: "", then: Some(upgrade_6_setup) },
    // 6 → 7 (R-BLOCK-3, R-BLOCK-4, issue 9): overrides of the block schedule.
    Step { sql: BLOCK_TABLES, then: None },
    // 7 → 8 (issue 13): search documents folded as the queries are (ß as ss).
    Step { sql: "", then: Some(super::search::rebuild_indexes) },
    // 8 → 9 (R-STOCK-1, R-STOCK-2, R-TRACE-1): device references, lots,
    // movements, case holds and implant records, as in schema.sql.
    Step { sql: STOCK_TABLES, then: Some(upgrade_9_keep) },
    // 9 → 10 (R-BLOCK-6): the J0 timeline's events, as in schema.sql.
    Step { sql: TIMELINE_TABLES, then: None },
    // 10 → 11 (R-BLOCK-3): the block nurse of a case, checked like operators.
    Step { sql: "", then: Some(upgrade_11_nurse) },
    // 11 → 12 (R-COMP-1, R-HO-1): complications and ossification
    // follow-ups, as in schema.sql.
    Step { sql: COMPLICATION_TABLES, then: None },
    // 12 → 13 (R-DO-8, R-DO-5): hexapod prescriptions, their struts, day ×
    // strut lengths and adjustments, as in schema.sql; a round entered by
    // mistake can be voided.
    Step { sql: HEXAPOD_TABLES, then: Some(upgrade_13_round_voids) },
    // 13 → 14 (issue 14): the language each account may keep, as in schema.sql.
    Step { sql: "", then: Some(upgrade_14_language) },
    // 14 → 15 (R-DO-7): a phase step entered by mistake can be voided.
    Step { sql: "", then: Some(upgrade_15_step_voids) },
];

/// The block tables of `schema.sql` (6 → 7), kept word for word.
const BLOCK_TABLES: &str = include_str!("schema_7_block.sql");

/// The stock tables of `schema.sql` (8 → 9), kept word for word.
const STOCK_TABLES: &str = include_str!("schema_9_stock.sql");

/// The J0 timeline's table of `schema.sql` (9 → 10), kept word for word.
const TIMELINE_TABLES: &str = include_str!("schema_10_timeline.sql");

/// The complication and ossification tables of `schema.sql` (10 → 11),
/// kept word for word.
const COMPLICATION_TABLES: &str = include_str!("schema_12_complications.sql");

/// The hexapod tables of `schema.sql` (12 → 13), kept word for word.
const HEXAPOD_TABLES: &str = include_str!("schema_13_hexapod.sql");

/// The distraction tables as schema 4 made them (3 → 4); schema 13 added
/// the void columns of rounds ([`upgrade_13_round_voids`]).
const DISTRACTION_TABLES: &str = include_str!("schema_4_distraction.sql");

/// Columns added by an upgrade step to a table whose rows may already have
/// audit rows: an audit image from before the step has no such key, and it
/// means the column's default (`None` for NULL). `check` reads it so.
pub const ADDED_COLUMNS: &[(&str, &str, Option<i64>)] = &[
    ("cases", "retrospective", Some(0)),
    ("cases", "nurse_id", None),
    ("beds", "unit", None),
    ("beds", "active", Some(1)),
    ("procedure_kinds", "anaesthesia_expected", Some(0)),
    ("procedure_kinds", "implants_expected", Some(0)),
    ("procedure_kinds", "active", Some(1)),
    ("anaesthesia_consultations", "voided_at", None),
    ("anaesthesia_consultations", "voided_by", None),
    ("anaesthesia_consultations", "void_reason", None),
    ("intakes", "voided_at", None),
    ("intakes", "voided_by", None),
    ("intakes", "void_reason", None),
    ("treatments", "voided_at", None),
    ("treatments", "voided_by", None),
    ("treatments", "void_reason", None),
    ("lab_results", "voided_at", None),
    ("lab_results", "voided_by", None),
    ("lab_results", "void_reason", None),
    ("distraction_rounds", "voided_at", None),
    ("distraction_rounds", "voided_by", None),
    ("distraction_rounds", "void_reason", None),
    ("staff", "language", None),
    ("distraction_phases", "voided_at", None),
    ("distraction_phases", "voided_by", None),
    ("distraction_phases", "void_reason", None),
];

/// 3 → 4 (R-ROLE-1, R-BLOCK-2): the roles of the permission table, beds with
/// a unit and retirement, procedure kinds with what they expect; intakes,
/// treatments, lab results and consultations that can be voided. Each part
/// is skipped when the file already has it (a file put back to an older
/// version number by a test or by hand).
fn upgrade_6_setup(conn: &Connection) -> Result<()> {
    let columns = [
        ("beds", "unit", "TEXT"),
        ("beds", "active", "INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"),
        (
            "procedure_kinds",
            "anaesthesia_expected",
            "INTEGER NOT NULL DEFAULT 0 CHECK (anaesthesia_expected IN (0, 1))",
        ),
        ("procedure_kinds", "implants_expected", "INTEGER NOT NULL DEFAULT 0 CHECK (implants_expected IN (0, 1))"),
        ("procedure_kinds", "active", "INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"),
    ];
    let voidable = ["anaesthesia_consultations", "intakes", "treatments", "lab_results"];
    let void_columns = voidable.into_iter().flat_map(|t| {
        [(t, "voided_at", "TEXT"), (t, "voided_by", "INTEGER REFERENCES staff(id)"), (t, "void_reason", "TEXT")]
    });
    for (table, column, declaration) in columns.into_iter().chain(void_columns) {
        add_column(conn, table, column, declaration)?;
    }
    widen_staff_roles(conn)
}

/// Adds a column unless the file already has it (a file put back to an
/// older version number by a test or by hand).
fn add_column(conn: &Connection, table: &str, column: &str, declaration: &str) -> Result<()> {
    let found: i64 =
        conn.query_row("SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2", [table, column], |r| r.get(0))?;
    if found == 0 {
        conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {declaration};"))?;
    }
    Ok(())
}

/// 10 → 11 (R-BLOCK-3): the block nurse of a case, as in schema.sql.
fn upgrade_11_nurse(conn: &Connection) -> Result<()> {
    add_column(conn, "cases", "nurse_id", "INTEGER REFERENCES staff(id)")
}

/// 12 → 13 (R-DO-5): a round entered by mistake is voided (who, when,
/// why), as in schema.sql.
fn upgrade_13_round_voids(conn: &Connection) -> Result<()> {
    let columns = [("voided_at", "TEXT"), ("voided_by", "INTEGER REFERENCES staff(id)"), ("void_reason", "TEXT")];
    for (column, declaration) in columns {
        add_column(conn, "distraction_rounds", column, declaration)?;
    }
    Ok(())
}

/// 13 → 14 (issue 14): the language an account keeps (NULL: the locale,
/// then the site's), as in schema.sql.
fn upgrade_14_language(conn: &Connection) -> Result<()> {
    add_column(conn, "staff", "language", "TEXT CHECK (language IN ('en', 'fr'))")
}

/// The staff table as schema 6 wrote it: [`widen_staff_roles`] puts this
/// text in place, so a file upgraded from before schema 6 gets the columns
/// it has then (later steps add theirs with `ALTER TABLE`, which SQLite
/// writes into the same text).
const STAFF_TABLE_6: &str = "CREATE TABLE staff (
    id           INTEGER PRIMARY KEY,
    account      TEXT UNIQUE,
    display_name TEXT NOT NULL CHECK (length(display_name) > 0),
    -- R-ROLE-1 (domain/roles.rs): what the account may change. `unassigned`
    -- (a new account) and `read_only` only read. `radiologist` and `surgeon`
    -- are schema 3's words for a doctor, kept so old rows match their audit.
    role         TEXT NOT NULL CHECK (role IN
                   ('nurse', 'scheduler', 'anaesthetist', 'doctor', 'pharmacist', 'admin', 'read_only',
                    'unassigned', 'radiologist', 'surgeon')),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version      INTEGER NOT NULL DEFAULT 1
)";

/// 14 → 15 (R-DO-7): a phase step entered by mistake is voided (who,
/// when, why), as in schema.sql. Self-contained: one function, one line in
/// `UPGRADES`.
fn upgrade_15_step_voids(conn: &Connection) -> Result<()> {
    let columns = [("voided_at", "TEXT"), ("voided_by", "INTEGER REFERENCES staff(id)"), ("void_reason", "TEXT")];
    for (column, declaration) in columns {
        add_column(conn, "distraction_phases", column, declaration)?;
    }
    Ok(())
}

/// The staff table's role CHECK gains the new roles. Only a constraint is
/// relaxed (no stored byte changes), so SQLite's documented procedure for
/// such changes applies: rewrite the table's text in `sqlite_schema` and
/// bump the schema cookie, inside this step's transaction
/// (<https://sqlite.org/lang_altertable.html#otheralter>). Rebuilding the
/// table instead would trip the foreign keys every other table holds on it.
fn widen_staff_roles(conn: &Connection) -> Result<()> {
    let stored: String =
        conn.query_row("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'staff'", [], |r| r.get(0))?;
    if stored.contains("'pharmacist'") {
        return Ok(());
    }
    let text = STAFF_TABLE_6;
    // Only a SQLite file can be this old: PostgreSQL starts at the current schema.
    let Some(conn) = conn.sqlite() else { return Ok(()) };
    let cookie: i64 = conn.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    conn.pragma_update(None, "writable_schema", true)?;
    let written = conn.execute("UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = 'staff'", [text]);
    conn.pragma_update(None, "schema_version", cookie + 1)?;
    conn.pragma_update(None, "writable_schema", false)?;
    written?;
    Ok(())
}

/// 8 → 9 (R-TRACE-1, R-STOCK-2): the triggers that keep implant records
/// and stock movements, as in schema.sql (made like the audit log's).
fn upgrade_9_keep(conn: &Connection) -> Result<()> {
    super::chain::ensure_triggers(conn)?;
    Ok(())
}

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
    let Some(conn) = conn.sqlite() else { return Ok(()) };
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

/// Writes the schema into a new, empty database in one transaction, then
/// the schema version: `schema.sql` and the application id in the file
/// header on SQLite; `pg_schema.sql` (its `periop_meta` row included) on
/// PostgreSQL.
pub fn create(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    create_in(&tx)?;
    tx.commit()?;
    Ok(())
}

/// [`create`] inside the caller's transaction (a migration's).
pub fn create_in(tx: &Connection) -> Result<()> {
    match tx.dialect() {
        Dialect::Sqlite => {
            tx.execute_batch(SCHEMA)?;
            if let Some(file) = tx.sqlite() {
                file.pragma_update(None, "application_id", i64::from(APPLICATION_ID))?;
            }
        }
        // Only a build with the `postgres` feature can open such a
        // connection, so without it this arm is never reached.
        Dialect::Postgres => {
            #[cfg(feature = "postgres")]
            tx.execute_batch(PG_SCHEMA)?;
        }
    }
    tx.set_schema_version(VERSION)?;
    Ok(())
}

/// Brings an older database up to `target` with `steps`. Runs under
/// `BEGIN IMMEDIATE` and re-reads the version inside it, so that when two
/// terminals start at once only the first one upgrades.
pub fn upgrade(conn: &mut Connection, path: &Path, steps: &[Step], target: i64) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: i64 = tx.schema_version()?;
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
    tx.set_schema_version(target)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(conn: &Connection) -> i64 {
        conn.schema_version().unwrap()
    }

    #[test]
    fn upgrade_runs_each_missing_step_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("u.db");
        let mut conn = Connection::open_sqlite(&path, rusqlite::OpenFlags::default()).unwrap();
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

    /// The columns of `table` as `name type notnull default`, in order.
    fn columns(conn: &Connection, table: &str) -> Vec<String> {
        let mut stmt = conn.prepare("SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info(?1)").unwrap();
        let rows = stmt.query_map([table], |r| {
            Ok(format!(
                "{} {} {} {:?}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<String>>(3)?
            ))
        });
        rows.unwrap().collect::<super::super::db::Result<_>>().unwrap()
    }

    #[test]
    fn the_distraction_tables_upgraded_are_the_schema() {
        // Schema 4's text, then schema 13's and 14's added columns, give the shape a
        // new file has: the same columns, in the same order.
        let upgraded = Connection::open_in_memory().unwrap();
        upgraded
            .execute_batch(
                "CREATE TABLE patients (id INTEGER PRIMARY KEY); CREATE TABLE staff (id INTEGER PRIMARY KEY);",
            )
            .unwrap();
        upgraded.execute_batch(DISTRACTION_TABLES).unwrap();
        upgrade_13_round_voids(&upgraded).unwrap();
        upgrade_15_step_voids(&upgraded).unwrap();
        // A second run (a file put back to an older number) changes nothing.
        upgrade_13_round_voids(&upgraded).unwrap();
        upgrade_15_step_voids(&upgraded).unwrap();
        let new = Connection::open_in_memory().unwrap();
        new.execute_batch(SCHEMA).unwrap();
        for table in
            ["distraction_cases", "distraction_phases", "distraction_sessions", "distraction_rounds", "pin_grades"]
        {
            assert_eq!(columns(&upgraded, table), columns(&new, table), "{table}");
        }
        assert!(columns(&new, "distraction_rounds").iter().any(|c| c.starts_with("void_reason ")));
        assert!(columns(&new, "distraction_phases").iter().any(|c| c.starts_with("void_reason ")));
    }

    /// Issue 14: a file upgraded from before schema 6 (the roles widened
    /// from the text of that time) then 14 (the language added) has the
    /// staff table of a new file, column for column.
    #[test]
    fn the_staff_table_upgraded_is_the_schema() {
        let upgraded = Connection::open_in_memory().unwrap();
        upgraded
            .execute_batch(
                "CREATE TABLE staff (id INTEGER PRIMARY KEY, account TEXT UNIQUE, display_name TEXT NOT NULL, \
                 role TEXT NOT NULL CHECK (role IN ('nurse', 'admin')), active INTEGER NOT NULL DEFAULT 1, \
                 version INTEGER NOT NULL DEFAULT 1);",
            )
            .unwrap();
        widen_staff_roles(&upgraded).unwrap();
        upgrade_14_language(&upgraded).unwrap();
        upgrade_14_language(&upgraded).unwrap();
        let new = Connection::open_in_memory().unwrap();
        new.execute_batch(SCHEMA).unwrap();
        assert_eq!(columns(&upgraded, "staff"), columns(&new, "staff"));
        upgraded
            .execute("INSERT INTO staff (display_name, role, language) VALUES ('A', 'pharmacist', 'fr')", [])
            .unwrap();
        assert!(upgraded.execute("UPDATE staff SET language = 'de'", []).is_err(), "en or fr only");
        // Schema 6's text is the schema's, up to the columns added since.
        assert!(SCHEMA.contains(&STAFF_TABLE_6[..STAFF_TABLE_6.len() - 2]));
    }

    #[test]
    fn the_hexapod_step_is_the_schema_word_for_word() {
        assert!(SCHEMA.contains(HEXAPOD_TABLES), "schema.sql and schema_13_hexapod.sql differ");
    }

    #[test]
    fn the_block_step_is_the_schema_word_for_word() {
        assert!(SCHEMA.contains(BLOCK_TABLES), "schema.sql and schema_7_block.sql differ");
    }

    #[test]
    fn the_stock_step_is_the_schema_word_for_word() {
        assert!(SCHEMA.contains(STOCK_TABLES), "schema.sql and schema_9_stock.sql differ");
    }

    #[test]
    fn the_timeline_step_is_the_schema_word_for_word() {
        assert!(SCHEMA.contains(TIMELINE_TABLES), "schema.sql and schema_10_timeline.sql differ");
    }

    #[test]
    fn the_complications_step_is_the_schema_word_for_word() {
        assert!(SCHEMA.contains(COMPLICATION_TABLES), "schema.sql and schema_12_complications.sql differ");
    }

    #[test]
    fn upgrade_refuses_a_newer_file_and_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.db");
        let mut conn = Connection::open_sqlite(&path, rusqlite::OpenFlags::default()).unwrap();
        conn.execute_batch("PRAGMA user_version = 9;").unwrap();
        let err = upgrade(&mut conn, &path, &[], 1).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 9, known: 1, .. }), "{err}");
        assert_eq!(version(&conn), 9);
    }
}
