//! PostgreSQL's schema (`src/store/pg_schema.sql`, issue 15) is SQLite's:
//! the same tables and columns in the same order, each of the same class
//! and nullability, with the same keys, indexes and foreign keys as a file
//! `Store::init` makes; ids given as SQLite's `INTEGER PRIMARY KEY` and
//! `AUTOINCREMENT` give them; the append-only triggers refuse with SQLite's
//! words (and TRUNCATE too); the CHECKs refuse what SQLite's refuse.
//!
//! Needs a server: `PERIOP_TEST_PG` (a libpq connection string or URL of a
//! role that may create databases and roles); skipped without it, unless
//! `PERIOP_REQUIRE_PG=1` (tests/pg_support). Each test makes its own
//! database, owned by a role without superuser power (as a site's DBA
//! would), runs the script as that role, and drops both after.
#![cfg(feature = "postgres")]

mod store_common;

use periop::store::schema::{PG_SCHEMA, SCHEMA};
use postgres::{Client, Config, NoTls};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU32, Ordering};
use store_common::{new_db, pg_support, raw_ro};

/// A throwaway database holding `pg_schema.sql`, and a client connected
/// to it as its owner.
struct PgDb {
    client: Client,
    _dropped: DropOnExit,
}

/// Drops the database and its owner role when the test ends, pass or fail.
struct DropOnExit {
    server: Config,
    name: String,
}

impl Drop for DropOnExit {
    fn drop(&mut self) {
        let name = &self.name;
        let dropped = self.server.connect(NoTls).and_then(|mut c| {
            c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))?;
            c.batch_execute(&format!("DROP ROLE IF EXISTS {name}"))
        });
        if let Err(e) = dropped {
            eprintln!("could not drop the test database {name}: {e}");
        }
    }
}

impl PgDb {
    /// A new database with the schema; `None` (said on stderr) without
    /// `PERIOP_TEST_PG`.
    fn new() -> Option<PgDb> {
        // Skipped without a server, failed instead under PERIOP_REQUIRE_PG=1 (CI).
        let server = pg_support::server()?;
        let server: Config = server.parse().expect("PERIOP_TEST_PG is a connection string");
        static MADE: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
        let name = format!("periop_schema_{}_{}_{nanos}", std::process::id(), MADE.fetch_add(1, Ordering::Relaxed));
        let mut root = server.connect(NoTls).expect("connect to PERIOP_TEST_PG");
        let dropped = DropOnExit { server: server.clone(), name: name.clone() };
        // One statement per call: CREATE DATABASE refuses a transaction block.
        root.batch_execute(&format!("CREATE ROLE {name} NOLOGIN")).unwrap();
        root.batch_execute(&format!("CREATE DATABASE {name} OWNER {name}")).unwrap();
        drop(root);
        let mut config = server.clone();
        config.dbname(&name);
        let mut client = config.connect(NoTls).expect("connect to the new database");
        // As the owner, not as a superuser: `periop init` runs as the site's
        // periop role.
        client.batch_execute(&format!("SET ROLE {name}")).unwrap();
        let mut tx = client.transaction().unwrap();
        tx.batch_execute(PG_SCHEMA).expect("pg_schema.sql runs as the database's owner");
        tx.commit().unwrap();
        Some(PgDb { client, _dropped: dropped })
    }
}

/// The same statements on both engines.
trait Engine {
    /// Runs `sql` (one or more statements); Err holds the engine's message.
    fn run(&mut self, sql: &str) -> Result<(), String>;
    /// The first column of `sql`'s rows, as numbers.
    fn numbers(&mut self, sql: &str) -> Vec<i64>;
    /// The first column of `sql`'s rows, as text.
    fn texts(&mut self, sql: &str) -> Vec<String>;
}

impl Engine for rusqlite::Connection {
    fn run(&mut self, sql: &str) -> Result<(), String> {
        self.execute_batch(sql).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(_, Some(message)) => message,
            other => other.to_string(),
        })
    }

    fn numbers(&mut self, sql: &str) -> Vec<i64> {
        let mut stmt = self.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    }

    fn texts(&mut self, sql: &str) -> Vec<String> {
        let mut stmt = self.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    }
}

impl Engine for Client {
    fn run(&mut self, sql: &str) -> Result<(), String> {
        self.batch_execute(sql).map_err(|e| e.as_db_error().map_or_else(|| e.to_string(), |d| d.message().to_owned()))
    }

    fn numbers(&mut self, sql: &str) -> Vec<i64> {
        self.query(sql, &[]).unwrap().iter().map(|r| r.get(0)).collect()
    }

    fn texts(&mut self, sql: &str) -> Vec<String> {
        self.query(sql, &[]).unwrap().iter().map(|r| r.get(0)).collect()
    }
}

/// An empty SQLite database made by `schema.sql` (what `periop init` runs),
/// foreign keys on as the store has them.
fn sqlite() -> rusqlite::Connection {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
    conn.execute_batch(SCHEMA).unwrap();
    conn
}

/// One column as both engines are compared: its name, PostgreSQL type,
/// collation, NOT NULL and default (as written, without PostgreSQL's cast).
#[derive(Debug, PartialEq, Eq, Clone)]
struct Column {
    name: String,
    class: String,
    collation: Option<String>,
    not_null: bool,
    default: Option<String>,
}

fn column(name: &str, class: &str, collation: Option<&str>, not_null: bool) -> Column {
    Column { name: name.into(), class: class.into(), collation: collation.map(String::from), not_null, default: None }
}

/// The keys, indexes and constraints of one table, comparable across engines.
#[derive(Debug, PartialEq, Eq, Default)]
struct Keys {
    primary: Vec<String>,
    unique: BTreeSet<Vec<String>>,
    /// (column, referenced table, referenced column).
    foreign: BTreeSet<(String, String, String)>,
    checks: usize,
}

/// An index made by name (not for a key): table, columns, partial predicate.
type Indexes = BTreeMap<String, (String, Vec<String>, Option<String>)>;

/// What SQLite's file holds, as PostgreSQL must hold it.
struct SqliteShape {
    /// Ordinary tables, in name order, with their columns in order.
    tables: BTreeMap<String, Vec<Column>>,
    /// FTS5 tables (their shadow tables left out).
    virtual_tables: BTreeSet<String>,
    keys: BTreeMap<String, Keys>,
    indexes: Indexes,
}

/// The PostgreSQL type a SQLite declared type maps to, with its collation.
fn pg_class(declared: &str) -> (&'static str, Option<&'static str>) {
    match declared {
        "INTEGER" => ("bigint", None),
        "REAL" => ("double precision", None),
        "TEXT" => ("text", Some("C")),
        "BLOB" => ("bytea", None),
        other => panic!("a SQLite column of type {other}: map it here and in pg_schema.sql"),
    }
}

fn sqlite_shape(conn: &rusqlite::Connection) -> SqliteShape {
    let mut all = conn.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").unwrap();
    let all: Vec<(String, String)> =
        all.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap();
    let virtual_tables: BTreeSet<String> =
        all.iter().filter(|(_, sql)| sql.starts_with("CREATE VIRTUAL TABLE")).map(|(n, _)| n.clone()).collect();
    let shadow = |name: &str| virtual_tables.iter().any(|v| name.starts_with(&format!("{v}_")));
    let ordinary: Vec<&(String, String)> =
        all.iter().filter(|(n, _)| !n.starts_with("sqlite_") && !virtual_tables.contains(n) && !shadow(n)).collect();
    let mut tables = BTreeMap::new();
    let mut keys = BTreeMap::new();
    for (table, sql) in ordinary {
        let mut info = conn
            .prepare("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1) ORDER BY cid")
            .unwrap();
        let rows: Vec<(String, String, bool, Option<String>, i64)> = info
            .query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut primary: Vec<(i64, String)> = rows.iter().filter(|r| r.4 > 0).map(|r| (r.4, r.0.clone())).collect();
        primary.sort();
        // A primary key column holds no NULL (a rowid, or WITHOUT ROWID's key).
        let columns = rows
            .into_iter()
            .map(|(name, declared, not_null, default, pk)| {
                let (class, collation) = pg_class(&declared);
                Column {
                    name,
                    class: class.into(),
                    collation: collation.map(String::from),
                    not_null: not_null || pk > 0,
                    default,
                }
            })
            .collect();
        tables.insert(table.clone(), columns);
        let mut unique = BTreeSet::new();
        let mut list = conn.prepare("SELECT name FROM pragma_index_list(?1) WHERE origin = 'u'").unwrap();
        let names: Vec<String> = list.query_map([table], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
        for index in names {
            unique.insert(index_columns(conn, &index));
        }
        let mut fks = conn.prepare("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?1)").unwrap();
        let foreign = fks
            .query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let checks = sql.matches("CHECK (").count();
        keys.insert(
            table.clone(),
            Keys { primary: primary.into_iter().map(|(_, c)| c).collect(), unique, foreign, checks },
        );
    }
    let mut stmt =
        conn.prepare("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").unwrap();
    let named: Vec<(String, String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<Result<_, _>>().unwrap();
    let indexes = named
        .into_iter()
        .map(|(name, table, sql)| {
            let predicate = sql.split_once(" WHERE ").map(|(_, p)| p.trim().to_owned());
            let columns = index_columns(conn, &name);
            (name, (table, columns, predicate))
        })
        .collect();
    SqliteShape { tables, virtual_tables, keys, indexes }
}

fn index_columns(conn: &rusqlite::Connection, index: &str) -> Vec<String> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_index_info(?1) ORDER BY seqno").unwrap();
    stmt.query_map([index], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

fn pg_tables(client: &mut Client) -> BTreeSet<String> {
    let sql = "SELECT table_name::text FROM information_schema.tables
               WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
    client.query(sql, &[]).unwrap().iter().map(|r| r.get(0)).collect()
}

fn pg_columns(client: &mut Client, table: &str) -> Vec<Column> {
    let sql = "SELECT column_name::text, data_type::text, collation_name::text, is_nullable::text = 'NO',
                      column_default::text
               FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position";
    let rows = client.query(sql, &[&table]).unwrap();
    rows.iter()
        .map(|r| {
            let default: Option<String> = r.get(4);
            Column {
                name: r.get(0),
                class: r.get(1),
                collation: r.get(2),
                not_null: r.get(3),
                default: default.map(|d| d.trim_end_matches("::text").to_owned()),
            }
        })
        .collect()
}

/// The names of a constraint's columns, in key order.
const KEY_COLUMNS: &str = "array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)";

fn pg_keys(client: &mut Client, table: &str) -> Keys {
    let sql = format!(
        "SELECT c.contype::text, {KEY_COLUMNS}, c.confrelid::regclass::text,
                array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i),
                c.confupdtype::text, c.confdeltype::text, c.condeferrable
         FROM pg_constraint c WHERE c.conrelid = $1::text::regclass"
    );
    let mut keys = Keys::default();
    for row in client.query(&sql, &[&table]).unwrap() {
        let kind: String = row.get(0);
        let columns: Vec<String> = row.get(1);
        match kind.as_str() {
            "p" => keys.primary = columns,
            "u" => {
                keys.unique.insert(columns);
            }
            "f" => {
                // SQLite's defaults: NO ACTION on both, checked at each statement.
                let actions: (String, String, bool) = (row.get(4), row.get(5), row.get(6));
                assert_eq!(actions, ("a".into(), "a".into(), false), "{table}: foreign key on {columns:?}");
                let to: Vec<String> = row.get(3);
                assert_eq!((columns.len(), to.len()), (1, 1), "{table}: one-column foreign keys only");
                keys.foreign.insert((columns[0].clone(), row.get(2), to[0].clone()));
            }
            "c" => keys.checks += 1,
            other => panic!("{table}: a constraint of kind {other}"),
        }
    }
    keys
}

fn pg_indexes(client: &mut Client) -> Indexes {
    let sql = "SELECT i.relname::text, t.relname::text,
                      array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                            JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o),
                      pg_get_expr(x.indpred, x.indrelid)
               FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
               WHERE t.relnamespace = current_schema()::text::regnamespace
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)";
    client
        .query(sql, &[])
        .unwrap()
        .iter()
        .map(|r| {
            let predicate: Option<String> = r.get(3);
            // pg_get_expr puts the predicate in parentheses.
            let predicate = predicate.map(|p| p.trim_start_matches('(').trim_end_matches(')').to_owned());
            (r.get(0), (r.get(1), r.get(2), predicate))
        })
        .collect()
}

#[test]
fn the_tables_and_columns_are_sqlites() {
    let Some(mut pg) = PgDb::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = raw_ro(&new_db(dir.path()));
    let sqlite = sqlite_shape(&file);
    // The comparisons below compare something: SQLite's side is not empty.
    let counted = |f: fn(&Keys) -> usize| sqlite.keys.values().map(f).sum::<usize>();
    assert!(counted(|k| k.foreign.len()) > 0 && counted(|k| k.unique.len()) > 0 && counted(|k| k.checks) > 0);
    assert!(sqlite.indexes.values().any(|(_, _, predicate)| predicate.is_some()), "a partial index");
    let fts: BTreeSet<String> = ["audit_search", "patient_search"].map(String::from).into();
    assert_eq!(sqlite.virtual_tables, fts, "the FTS5 tables pg_schema.sql has as tables");

    let mut expected: BTreeMap<String, Vec<Column>> = sqlite.tables.clone();
    let id = column("id", "bigint", None, true);
    let tsv = column("tsv", "tsvector", None, true);
    let text = |name: &str| column(name, "text", Some("C"), true);
    expected.insert("audit_search".into(), vec![id.clone(), tsv.clone()]);
    expected.insert("patient_search".into(), vec![id, text("doc"), tsv]);
    expected.insert("periop_meta".into(), vec![text("key"), text("value")]);
    expected.insert("audit_seq".into(), vec![column("seq", "bigint", None, true)]);

    let found = pg_tables(&mut pg.client);
    let wanted: BTreeSet<String> = expected.keys().cloned().collect();
    assert_eq!(found, wanted, "PostgreSQL's tables");
    for (table, columns) in &expected {
        assert_eq!(&pg_columns(&mut pg.client, table), columns, "the columns of {table}");
    }
    for (table, keys) in &sqlite.keys {
        assert_eq!(&pg_keys(&mut pg.client, table), keys, "the keys and CHECKs of {table}");
    }

    let mut indexes = sqlite.indexes.clone();
    for table in ["audit_search", "patient_search"] {
        indexes.insert(format!("{table}_by_word"), (table.into(), vec!["tsv".into()], None));
    }
    assert_eq!(pg_indexes(&mut pg.client), indexes, "the indexes made by name");
    let gin = pg.client.numbers(
        "SELECT count(*) FROM pg_indexes
         WHERE indexname LIKE '%search_by_word' AND indexdef LIKE '% USING gin (tsv)'",
    );
    assert_eq!(gin, [2], "the search tables' words are in GIN indexes");

    let meta = pg.client.texts("SELECT key || '=' || value FROM periop_meta ORDER BY key");
    assert_eq!(meta, ["application=periop"], "the version is the program's to write");
    assert_eq!(pg.client.numbers("SELECT seq FROM audit_seq"), [0]);
}

/// ids given by both engines to the same inserts without one: max + 1,
/// rows of one statement in turn, none lost to a rollback.
#[test]
fn an_insert_without_an_id_gets_the_id_sqlite_gives() {
    let Some(mut pg) = PgDb::new() else { return };
    let mut file = sqlite();
    let reference = |code: &str| format!("('{code}', 'Maker', 'Screw 4.5', 'screw', 0)");
    let statements = [
        "INSERT INTO device_refs (id, code, manufacturer, name, kind, implantable) VALUES (7, 'R7', 'M', 'N', 'screw', 0)"
            .to_owned(),
        format!("INSERT INTO device_refs (code, manufacturer, name, kind, implantable) VALUES {}", reference("R8")),
        format!(
            "INSERT INTO device_refs (code, manufacturer, name, kind, implantable) VALUES {}, {}",
            reference("R9"),
            reference("R10")
        ),
        format!(
            "BEGIN; INSERT INTO device_refs (code, manufacturer, name, kind, implantable) VALUES {}; ROLLBACK",
            reference("gone")
        ),
        format!("INSERT INTO device_refs (code, manufacturer, name, kind, implantable) VALUES {}", reference("R11")),
    ];
    for sql in &statements {
        file.run(sql).unwrap();
        pg.client.run(sql).unwrap();
    }
    let ids = "SELECT id || ' ' || code FROM device_refs ORDER BY id";
    assert_eq!(file.texts(ids), ["7 R7", "8 R8", "9 R9", "10 R10", "11 R11"]);
    assert_eq!(pg.client.texts(ids), file.texts(ids));

    // Every table with an id gets it so, but audit (its own, next test) and
    // the search tables (their id is the row they describe).
    let missing = pg.client.texts(
        "SELECT c.table_name::text FROM information_schema.columns c
         WHERE c.table_schema = current_schema() AND c.column_name = 'id'
           AND c.table_name NOT IN ('audit', 'audit_search', 'patient_search')
           AND NOT EXISTS (SELECT 1 FROM pg_trigger t
                           WHERE t.tgrelid = c.table_name::text::regclass
                             AND t.tgname = c.table_name::text || '_next_id'
                             AND t.tgfoid = 'periop_next_id'::regproc AND t.tgenabled = 'O')
         ORDER BY 1",
    );
    assert!(missing.is_empty(), "tables without the max + 1 trigger: {missing:?}");
}

/// SQLite's AUTOINCREMENT on audit, with `audit_seq` as sqlite_sequence:
/// an id past every id ever used, so rows taken off the end leave a gap.
#[test]
fn audit_ids_never_come_back() {
    let Some(mut pg) = PgDb::new() else { return };
    let mut file = sqlite();
    let next = "INSERT INTO audit (at, actor_id, table_name, row_id, action, after)
                VALUES ('2026-11-22T07:30:00Z', 1, 'staff', 1, 'insert', '{}')";
    let fifth = "INSERT INTO audit (id, at, actor_id, table_name, row_id, action, after)
                 VALUES (5, '2026-11-22T07:30:00Z', 1, 'staff', 1, 'insert', '{}')";
    let rolled_back = format!("BEGIN; {next}; ROLLBACK");
    let steps =
        ["INSERT INTO staff (display_name, role) VALUES ('Ada', 'admin')", next, fifth, next, &rolled_back, next];
    for sql in steps {
        file.run(sql).unwrap_or_else(|e| panic!("SQLite, {sql}: {e}"));
        pg.client.run(sql).unwrap_or_else(|e| panic!("PostgreSQL, {sql}: {e}"));
    }
    let ids = "SELECT id FROM audit ORDER BY id";
    assert_eq!(file.numbers(ids), [1, 5, 6, 7]);
    assert_eq!(pg.client.numbers(ids), file.numbers(ids));
    assert_eq!(file.numbers("SELECT seq FROM sqlite_sequence WHERE name = 'audit'"), [7]);
    assert_eq!(pg.client.numbers("SELECT seq FROM audit_seq"), [7]);

    // The last row taken off behind the triggers' back: the next id is not
    // its id again, so the chain shows the gap.
    file.run("DROP TRIGGER audit_is_append_only_delete; DELETE FROM audit WHERE id = 7").unwrap();
    pg.client
        .run(
            "ALTER TABLE audit DISABLE TRIGGER audit_is_append_only_delete; DELETE FROM audit WHERE id = 7;
             ALTER TABLE audit ENABLE TRIGGER audit_is_append_only_delete",
        )
        .unwrap();
    file.run(next).unwrap();
    pg.client.run(next).unwrap();
    assert_eq!(file.numbers(ids), [1, 5, 6, 8]);
    assert_eq!(pg.client.numbers(ids), file.numbers(ids));
    assert_eq!(pg.client.numbers("SELECT seq FROM audit_seq"), [8]);
}

/// Rows each table's CHECKs, keys and triggers rest on, the same text on
/// both engines.
const SEED: &str = "
INSERT INTO staff (id, display_name, role) VALUES (1, 'Ada Admin', 'admin');
INSERT INTO patients (id, surname, first_name, birth_date, sex, hospital_number)
    VALUES (1, 'Surname', 'First', '1970-01-01', 'F', 'H1');
INSERT INTO admissions (id, patient_id, planned_admit_on, planned_discharge_on)
    VALUES (1, 1, '2026-11-22', '2026-11-23');
INSERT INTO procedure_kinds (id, code, label, default_minutes) VALUES (1, 'vp', 'Vertebroplasty', 60);
INSERT INTO cases (id, admission_id, procedure_kind_id, scheduled_start, duration_min, anaesthesia_mode)
    VALUES (1, 1, 1, '2026-11-22T08:00:00Z', 60, 'local');
INSERT INTO device_refs (id, code, manufacturer, name, kind, implantable) VALUES (1, 'REF1', 'M', 'Screw', 'screw', 1);
INSERT INTO device_lots (id, ref_id, lot, quantity, received_at) VALUES (1, 1, 'L1', 1, '2026-11-20T08:00:00Z');
INSERT INTO stock_movements (id, lot_id, kind, units, case_id, at, actor_id)
    VALUES (1, 1, 'implant', 1, 1, '2026-11-22T09:00:00Z', 1);
INSERT INTO implants (id, movement_id, lot_id, case_id, patient_id, units, at, recorded_by)
    VALUES (1, 1, 1, 1, 1, 1, '2026-11-22T09:00:00Z', 1);
INSERT INTO audit (at, actor_id, table_name, row_id, action, after)
    VALUES ('2026-11-22T09:00:00Z', 1, 'implants', 1, 'insert', '{}');
";

#[test]
fn the_kept_tables_refuse_with_sqlites_words() {
    let Some(mut pg) = PgDb::new() else { return };
    let mut file = sqlite();
    file.run(SEED).unwrap();
    pg.client.run(SEED).unwrap();
    let refused = [
        ("UPDATE audit SET hash = 'forged'", "the audit log cannot be changed"),
        ("UPDATE audit SET at = '2000-01-01T00:00:00Z' WHERE id = 1", "the audit log cannot be changed"),
        ("DELETE FROM audit", "the audit log cannot be deleted"),
        (
            "INSERT INTO audit (id, at, actor_id, table_name, row_id, action, after)
             VALUES (1, '2026-11-22T10:00:00Z', 1, 'staff', 1, 'insert', '{}')",
            "the audit log cannot be changed",
        ),
        ("DELETE FROM implants WHERE id = 1", "implant records are kept (R-TRACE-1)"),
        ("DELETE FROM stock_movements", "stock movements are kept (R-STOCK-2)"),
    ];
    for (sql, message) in refused {
        assert_eq!(file.run(sql), Err(message.to_owned()), "SQLite: {sql}");
        assert_eq!(pg.client.run(sql), Err(message.to_owned()), "PostgreSQL: {sql}");
    }
    // TRUNCATE fires no row trigger; its own trigger refuses it, also when
    // it comes by a CASCADE from a table they reference.
    let truncated = [
        ("TRUNCATE audit", &["the audit log cannot be deleted"][..]),
        ("TRUNCATE implants", &["implant records are kept (R-TRACE-1)"]),
        (
            "TRUNCATE stock_movements CASCADE",
            &["stock movements are kept (R-STOCK-2)", "implant records are kept (R-TRACE-1)"],
        ),
        (
            "TRUNCATE staff CASCADE",
            &[
                "the audit log cannot be deleted",
                "stock movements are kept (R-STOCK-2)",
                "implant records are kept (R-TRACE-1)",
            ],
        ),
    ];
    for (sql, messages) in truncated {
        let err = pg.client.run(sql).expect_err(sql);
        assert!(messages.contains(&err.as_str()), "{sql}: {err}");
    }
    let left = "SELECT (SELECT count(*) FROM audit) + (SELECT count(*) FROM implants)
                     + (SELECT count(*) FROM stock_movements) + (SELECT count(*) FROM staff)";
    assert_eq!(pg.client.numbers(left), [4]);
    assert_eq!(file.numbers(left), [4]);
}

/// A state code, a 0/1 flag, a GTIN, and a few more: what SQLite's CHECKs
/// refuse, PostgreSQL's refuse, and what they let through passes both.
#[test]
fn the_checks_refuse_what_sqlites_refuse() {
    let Some(mut pg) = PgDb::new() else { return };
    let mut file = sqlite();
    file.run(SEED).unwrap();
    pg.client.run(SEED).unwrap();
    let gtin = |id: i64, gtin: &str| {
        format!(
            "INSERT INTO device_refs (id, code, manufacturer, name, kind, implantable, gtin)
             VALUES ({id}, 'G{id}', 'M', 'N', 'screw', 0, '{gtin}')"
        )
    };
    let cases: Vec<(String, bool)> = vec![
        ("INSERT INTO beds (id, label, state) VALUES (10, 'B10', 'closed')".into(), true),
        ("INSERT INTO beds (id, label, state) VALUES (11, 'B11', 'reserved')".into(), false),
        ("UPDATE admissions SET state = 'ready_for_discharge' WHERE id = 1".into(), true),
        ("UPDATE admissions SET state = 'gone_home' WHERE id = 1".into(), false),
        ("UPDATE patients SET insulin_treated_diabetic = 1 WHERE id = 1".into(), true),
        ("UPDATE patients SET insulin_treated_diabetic = 2 WHERE id = 1".into(), false),
        ("UPDATE patients SET insulin_treated_diabetic = -1 WHERE id = 1".into(), false),
        (gtin(20, "03661234567897"), true),
        (gtin(21, "0366123456789"), false),
        (gtin(22, "0366123456789X"), false),
        (gtin(23, "0366123456789 "), false),
        (gtin(24, "0366123456789\n"), false),
        (gtin(25, "036612345678٩٧"), false),
        (gtin(26, "036612345678９７"), false),
        ("INSERT INTO device_refs (id, code, manufacturer, name, kind, implantable) VALUES (27, 'G27', 'M', 'N', 'screw', 0)".into(), true),
        ("UPDATE staff SET language = 'fr' WHERE id = 1".into(), true),
        ("UPDATE staff SET language = 'de' WHERE id = 1".into(), false),
        ("UPDATE staff SET display_name = '' WHERE id = 1".into(), false),
        ("UPDATE admissions SET planned_discharge_on = '2026-11-21' WHERE id = 1".into(), false),
        (
            "INSERT INTO block_overrides (case_id, conflict, detail, reason, at, actor_id)
             VALUES (1, 'room', 'd', '   ', '2026-11-22T09:00:00Z', 1)"
                .into(),
            false,
        ),
        ("UPDATE device_lots SET reserved = 2 WHERE id = 1".into(), false),
        ("UPDATE device_lots SET lot = NULL WHERE id = 1".into(), false),
        ("INSERT INTO discharge_checks (admission_id, padss_vitals) VALUES (1, 3)".into(), false),
        ("INSERT INTO beds (id, label, state) VALUES (12, 'B10', 'free')".into(), false),
        ("INSERT INTO cases (admission_id, procedure_kind_id, scheduled_start, duration_min, anaesthesia_mode)
          VALUES (99, 1, '2026-11-22T08:00:00Z', 60, 'local')".into(), false),
    ];
    for (sql, passes) in &cases {
        assert_eq!(file.run(sql).is_ok(), *passes, "SQLite: {sql}");
        assert_eq!(pg.client.run(sql).is_ok(), *passes, "PostgreSQL: {sql}");
    }
    // Text sorts in SQLite's binary order, whatever the server's locale.
    let words = "INSERT INTO audit_terms (term) VALUES ('b'), ('B'), ('a'), ('é'), ('e'), ('Z'), ('10'), ('9')";
    file.run(words).unwrap();
    pg.client.run(words).unwrap();
    let sorted = "SELECT term FROM audit_terms ORDER BY term";
    assert_eq!(pg.client.texts(sorted), file.texts(sorted));
    let range = "SELECT term FROM audit_terms WHERE term >= 'a' AND term < 'e' ORDER BY term";
    assert_eq!(pg.client.texts(range), ["a", "b"]);
}
