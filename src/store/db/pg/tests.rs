//! The PostgreSQL engine: pure conversions here; against a server (set
//! `PERIOP_TEST_PG`) below.

use super::*;

fn numeric_of(count: u16, weight: i16, sign: u16, scale: u16, digits: &[u16]) -> Option<Value> {
    let mut raw = Vec::new();
    for w in [count, weight as u16, sign, scale].iter().chain(digits) {
        raw.extend_from_slice(&w.to_be_bytes());
    }
    numeric(&raw)
}

#[test]
fn numeric_reads_as_sqlite_would() {
    // 123456789 = 1 2345 6789, weight 2.
    assert_eq!(numeric_of(3, 2, 0, 0, &[1, 2345, 6789]), Some(Value::Integer(123_456_789)));
    // 20000 = 2 × 10000^1 with the trailing zero group left out.
    assert_eq!(numeric_of(1, 1, 0, 0, &[2]), Some(Value::Integer(20_000)));
    assert_eq!(numeric_of(1, 0, 0x4000, 0, &[7]), Some(Value::Integer(-7)));
    assert_eq!(numeric_of(0, 0, 0, 0, &[]), Some(Value::Integer(0)));
    // avg: 2.5 with scale 16; and 2 with scale 16 stays a Real.
    assert_eq!(numeric_of(2, 0, 0, 16, &[2, 5000]), Some(Value::Real(2.5)));
    assert_eq!(numeric_of(1, 0, 0, 16, &[2]), Some(Value::Real(2.0)));
    assert_eq!(numeric_of(2, 0, 0x4000, 2, &[1, 2500]), Some(Value::Real(-1.25)));
    // 0.0001 = 1 × 10000^-1.
    assert_eq!(numeric_of(1, -1, 0, 4, &[1]), Some(Value::Real(0.0001)));
    // Beyond 64 bits: a Real. 10^20 = 1 × 10000^5.
    assert_eq!(numeric_of(1, 5, 0, 0, &[1]), Some(Value::Real(1e20)));
    assert!(matches!(numeric_of(0, 0, 0xC000, 0, &[]), Some(Value::Real(x)) if x.is_nan()));
    assert_eq!(numeric_of(3, 0, 0, 0, &[1]), None);
}

#[test]
fn encode_converts_to_the_inferred_type_or_refuses() {
    let mut out = BytesMut::new();
    assert!(encode(&Value::Integer(1 << 40), &Type::INT4, &mut out).is_none());
    assert!(encode(&Value::Integer(7), &Type::INT4, &mut out).is_some());
    assert_eq!(&out[..], &7i32.to_be_bytes());
    let mut out = BytesMut::new();
    assert!(encode(&Value::Text("{}".into()), &Type::JSONB, &mut out).is_some());
    assert_eq!(&out[..], b"\x01{}");
    assert!(encode(&Value::Text("x".into()), &Type::INT8, &mut BytesMut::new()).is_none());
    assert!(encode(&Value::Blob(vec![1]), &Type::TEXT, &mut BytesMut::new()).is_none());
    assert!(encode(&Value::Integer(2), &Type::BOOL, &mut BytesMut::new()).is_none());
    assert!(matches!(encode(&Value::Null, &Type::INT8, &mut BytesMut::new()), Some(IsNull::Yes)));
}

// Against a server: each test makes its own database and drops it after.

use crate::store::db::{Connection, OptionalExtension, TransactionBehavior, params};
use std::time::{Duration, Instant};

/// A database of its own on the server `PERIOP_TEST_PG` names, dropped
/// (with its connections) when the test ends.
struct TestDb {
    admin: String,
    name: String,
    params: String,
}

impl TestDb {
    /// `None` (and a line saying so) when `PERIOP_TEST_PG` is unset.
    fn new() -> Option<TestDb> {
        let Ok(admin) = std::env::var("PERIOP_TEST_PG") else {
            eprintln!("PERIOP_TEST_PG unset: skipped");
            return None;
        };
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(Instant::now().elapsed().as_nanos() ^ u128::from(std::process::id()));
        let name = format!("periop_t_{:016x}", h.finish());
        let conn = Connection::open_postgres(&admin).expect("connect to PERIOP_TEST_PG");
        conn.execute_batch(&format!("CREATE DATABASE {name}")).expect("create the test database");
        let params = match admin.split_once("://") {
            // postgres://user@host:port/db?options → …/name?options
            Some((scheme, rest)) => {
                let (rest, query) = rest.split_once('?').map_or((rest, ""), |(r, q)| (r, q));
                let host = rest.split_once('/').map_or(rest, |(h, _)| h);
                let query = if query.is_empty() { String::new() } else { format!("?{query}") };
                format!("{scheme}://{host}/{name}{query}")
            }
            // key=value: the last dbname wins.
            None => format!("{admin} dbname={name}"),
        };
        Some(TestDb { admin, name, params })
    }

    fn open(&self) -> Connection {
        Connection::open_postgres(&self.params).expect("connect to the test database")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(conn) = Connection::open_postgres(&self.admin) {
            let _ = conn.execute_batch(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

fn table(conn: &Connection) {
    conn.execute_batch(
        "CREATE TABLE t (id BIGINT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, s TEXT, b BYTEA);
         CREATE TABLE counter (n BIGINT NOT NULL); INSERT INTO counter VALUES (0);",
    )
    .unwrap();
}

#[test]
fn every_class_round_trips() {
    let Some(db) = TestDb::new() else { return };
    let conn = db.open();
    assert_eq!(conn.dialect(), crate::store::db::Dialect::Postgres);
    assert!(conn.sqlite().is_none());
    assert!(matches!(conn.file("backup"), Err(Error::NotAFile("backup"))));
    table(&conn);
    let text = "Zoë Ünal 漢字 \u{1F642} 'quoted' ?1 :name";
    let sql = "INSERT INTO t (id, i, r, s, b) VALUES (?1, ?2, ?3, ?4, ?5)";
    assert_eq!(conn.execute(sql, params![1, i64::MIN, 1.5, text, vec![0u8, 1, 255]]).unwrap(), 1);
    assert_eq!(conn.execute(sql, params![2, i64::MAX, -0.25, "", Vec::<u8>::new()]).unwrap(), 1);
    let none: (Option<i64>, Option<f64>, Option<String>, Option<Vec<u8>>) = (None, None, None, None);
    assert_eq!(conn.execute(sql, params![3, none.0, none.1, none.2, none.3]).unwrap(), 1);

    let read = |id: i64| {
        conn.query_row("SELECT i, r, s, b FROM t WHERE id = ?1", [id], |r| {
            Ok((r.get::<_, Value>(0)?, r.get::<_, Value>(1)?, r.get::<_, Value>(2)?, r.get::<_, Value>(3)?))
        })
        .unwrap()
    };
    assert_eq!(
        read(1),
        (Value::Integer(i64::MIN), Value::Real(1.5), Value::Text(text.into()), Value::Blob(vec![0, 1, 255]))
    );
    assert_eq!(
        read(2),
        (Value::Integer(i64::MAX), Value::Real(-0.25), Value::Text(String::new()), Value::Blob(vec![]))
    );
    assert_eq!(read(3), (Value::Null, Value::Null, Value::Null, Value::Null));

    // Typed reads, by position and by name (any ASCII case), and Option.
    conn.query_row("SELECT i, r, s, b FROM t WHERE id = 1", (), |r| {
        assert_eq!(r.get::<_, i64>("i")?, i64::MIN);
        assert_eq!(r.get::<_, f64>("R")?, 1.5);
        assert_eq!(r.get::<_, String>(2)?, text);
        assert_eq!(r.get::<_, Option<Vec<u8>>>("b")?, Some(vec![0, 1, 255]));
        assert!(matches!(r.get_ref(0)?, ValueRef::Integer(i64::MIN)));
        assert!(matches!(r.get::<_, i64>("nope"), Err(Error::InvalidColumnName(_))));
        assert!(matches!(r.get::<_, i64>(9), Err(Error::InvalidColumnIndex(9))));
        Ok(())
    })
    .unwrap();
    let missing: Option<i64> = conn.query_row("SELECT i FROM t WHERE id = 3", (), |r| r.get(0)).unwrap();
    assert_eq!(missing, None);

    // Aggregates read as SQLite's: count and sum of integers are Integer
    // (sum is numeric on the server), avg is Real.
    let (count, sum, avg, fsum): (Value, Value, Value, Value) = conn
        .query_row("SELECT count(*), sum(i), avg(id), sum(r) FROM t", (), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap();
    assert_eq!((count, sum, avg, fsum), (Value::Integer(3), Value::Integer(-1), Value::Real(2.0), Value::Real(1.25)));
    // bool, int4 and a text literal.
    let row: (i64, i64, String) =
        conn.query_row("SELECT true, CAST(7 AS INTEGER), 'x'", (), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
    assert_eq!(row, (1, 7, "x".into()));
    // A type with no reading is a clear error, not a wrong value.
    assert!(matches!(conn.query_row("SELECT now()", (), |r| r.get::<_, Value>(0)), Err(Error::UnreadableColumn(0, _))));
}

#[test]
fn binding_converts_to_the_server_type_or_names_the_mismatch() {
    let Some(db) = TestDb::new() else { return };
    let conn = db.open();
    table(&conn);
    conn.execute("INSERT INTO t (id, s) VALUES (?1, ?2)", params![1, "one"]).unwrap();
    // Text that is a number binds to a BIGINT; an integer binds to TEXT.
    assert_eq!(conn.query_row("SELECT s FROM t WHERE id = ?1", ["1"], |r| r.get::<_, String>(0)).unwrap(), "one");
    assert_eq!(conn.query_row("SELECT CAST(?1 AS TEXT)", [42], |r| r.get::<_, String>(0)).unwrap(), "42");
    assert_eq!(conn.query_row("SELECT CAST(?1 AS INTEGER) + 1", [41], |r| r.get::<_, i64>(0)).unwrap(), 42);
    let err = conn.query_row("SELECT CAST(?1 AS INTEGER)", [1i64 << 40], |r| r.get::<_, i64>(0)).unwrap_err();
    assert!(matches!(err, Error::ToSqlConversionFailure(_)), "{err:?}");
    let err = conn.execute("UPDATE t SET b = ?2 WHERE id = ?1", params![1, "not bytes"]).unwrap_err();
    let Error::ToSqlConversionFailure(inner) = &err else { panic!("{err:?}") };
    let mismatch = inner.downcast_ref::<BindMismatch>().expect("a BindMismatch");
    assert_eq!(
        (mismatch.param, mismatch.class, mismatch.server_type.as_str()),
        (2, crate::store::db::types::Type::Text, "bytea")
    );
    assert!(!err.to_string().contains("not bytes"), "{err}");
    // Counts are checked before the server sees them.
    assert!(matches!(conn.execute("UPDATE t SET s = ?1", params![]), Err(Error::InvalidParameterCount(0, 1))));
}

#[test]
fn rows_named_parameters_optional_and_row_counts() {
    let Some(db) = TestDb::new() else { return };
    let conn = db.open();
    table(&conn);
    for id in 1..=5 {
        conn.execute("INSERT INTO t (id, s) VALUES (?, ?)", params![id, format!("n{id}")]).unwrap();
    }
    let mut stmt = conn.prepare_cached("SELECT id, s AS label FROM t WHERE id >= ?1 ORDER BY id").unwrap();
    assert_eq!(stmt.column_names(), ["id", "label"]);
    let ids: Vec<i64> = stmt.query_map([3], |r| r.get(0)).unwrap().collect::<Result<_>>().unwrap();
    assert_eq!(ids, [3, 4, 5]);
    let mut rows = stmt.query([4]).unwrap();
    let mut labels = Vec::new();
    while let Some(row) = rows.next().unwrap() {
        labels.push(row.get::<_, String>("label").unwrap());
    }
    assert_eq!(labels, ["n4", "n5"]);
    // A row's callback may query the same connection (rows are read whole).
    let nested: Vec<i64> = conn
        .prepare("SELECT id FROM t WHERE id <= 2 ORDER BY id")
        .unwrap()
        .query_map((), |r| conn.query_row("SELECT ?1 * 10", [r.get::<_, i64>(0)?], |r| r.get(0)))
        .unwrap()
        .collect::<Result<_>>()
        .unwrap();
    assert_eq!(nested, [10, 20]);

    let named = "SELECT count(*) FROM t WHERE id >= :low AND id <= :high AND :low > 0";
    let count: i64 = conn.query_row(named, &[(":high", 4), (":low", 2)][..], |r| r.get(0)).unwrap();
    assert_eq!(count, 3);
    assert!(matches!(
        conn.query_row(named, &[(":nope", 1)][..], |r| r.get::<_, i64>(0)),
        Err(Error::InvalidParameterName(name)) if name == ":nope"
    ));
    let none = conn.query_row("SELECT s FROM t WHERE id = 99", (), |r| r.get::<_, String>(0));
    assert!(matches!(none, Err(Error::QueryReturnedNoRows)));
    assert_eq!(
        conn.query_row("SELECT s FROM t WHERE id = 99", (), |r| r.get::<_, String>(0)).optional().unwrap(),
        None
    );
    assert!(conn.prepare("SELECT 1 FROM t WHERE id = 1").unwrap().exists(()).unwrap());
    assert_eq!(conn.execute("UPDATE t SET i = 0 WHERE id >= ?1", [2]).unwrap(), 4);
    assert_eq!(conn.execute("DELETE FROM t WHERE id = 99", ()).unwrap(), 0);
}

#[test]
fn transactions_commit_roll_back_and_keep_the_version() {
    let Some(db) = TestDb::new() else { return };
    let mut conn = db.open();
    table(&conn);
    assert_eq!(conn.schema_version().unwrap(), 0);
    {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).unwrap();
        tx.execute("INSERT INTO t (id) VALUES (1)", ()).unwrap();
        // Dropped uncommitted: rolled back.
    }
    assert_eq!(conn.query_row("SELECT count(*) FROM t", (), |r| r.get::<_, i64>(0)).unwrap(), 0);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).unwrap();
    tx.execute_batch("CREATE TABLE periop_meta (key TEXT PRIMARY KEY, value TEXT)").unwrap();
    tx.execute("INSERT INTO t (id) VALUES (1)", ()).unwrap();
    tx.set_schema_version(15).unwrap();
    tx.set_schema_version(16).unwrap();
    tx.commit().unwrap();
    assert_eq!(conn.schema_version().unwrap(), 16);
    assert_eq!(conn.query_row("SELECT count(*) FROM t", (), |r| r.get::<_, i64>(0)).unwrap(), 1);

    // A failed statement aborts a PostgreSQL transaction: commit says so
    // instead of rolling back quietly.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).unwrap();
    tx.execute("INSERT INTO t (id) VALUES (2)", ()).unwrap();
    let dup = tx.execute("INSERT INTO t (id, s) VALUES (1, 'Zoë')", ()).unwrap_err();
    assert_eq!(dup.code(), Some(ErrorCode::ConstraintViolation));
    assert!(!dup.to_string().contains("(1)"), "the key's value is left out: {dup}");
    assert!(tx.commit().is_err());
    assert_eq!(conn.query_row("SELECT count(*) FROM t", (), |r| r.get::<_, i64>(0)).unwrap(), 1);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred).unwrap();
    tx.rollback().unwrap();
}

#[test]
fn writers_queue_and_a_short_wait_is_busy() {
    let Some(db) = TestDb::new() else { return };
    let mut first = db.open();
    table(&first);
    let mut second = db.open();
    let tx = first.transaction_with_behavior(TransactionBehavior::Immediate).unwrap();

    // With a short wait, the second writer gives up: busy, and its
    // connection stays usable.
    second.busy_timeout(Duration::from_millis(100)).unwrap();
    let t0 = Instant::now();
    let busy = second.transaction_with_behavior(TransactionBehavior::Immediate).err().expect("busy");
    assert_eq!(busy.code(), Some(ErrorCode::DatabaseBusy), "{busy}");
    assert!(t0.elapsed() < Duration::from_secs(3));
    assert_eq!(second.query_row("SELECT count(*) FROM t", (), |r| r.get::<_, i64>(0)).unwrap(), 0);
    // A reader does not wait for the writer.
    second.transaction_with_behavior(TransactionBehavior::Deferred).unwrap().commit().unwrap();

    // With a long wait, it queues until the first commits, then sees its
    // write: both increments land.
    second.busy_timeout(Duration::from_secs(20)).unwrap();
    let (started, waited) = std::sync::mpsc::channel();
    let queued = std::thread::spawn(move || {
        let tx = second.transaction_with_behavior(TransactionBehavior::Immediate).unwrap();
        started.send(()).unwrap();
        let n: i64 = tx.query_row("SELECT n FROM counter", (), |r| r.get(0)).unwrap();
        tx.execute("UPDATE counter SET n = ?1", [n + 1]).unwrap();
        tx.commit().unwrap();
    });
    let n: i64 = tx.query_row("SELECT n FROM counter", (), |r| r.get(0)).unwrap();
    assert!(waited.recv_timeout(Duration::from_millis(500)).is_err(), "the second writer did not wait");
    tx.execute("UPDATE counter SET n = ?1", [n + 1]).unwrap();
    tx.commit().unwrap();
    waited.recv_timeout(Duration::from_secs(10)).expect("the second writer goes on after the commit");
    queued.join().unwrap();
    assert_eq!(first.query_row("SELECT n FROM counter", (), |r| r.get::<_, i64>(0)).unwrap(), 2);
}

#[test]
fn the_interrupter_stops_a_running_statement() {
    let Some(db) = TestDb::new() else { return };
    let conn = db.open();
    let handle = conn.get_interrupt_handle();
    handle.interrupt(); // idle: nothing happens
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        handle.interrupt();
    });
    let t0 = Instant::now();
    let err = conn.query_row("SELECT CAST(pg_sleep(10) AS TEXT)", (), |r| r.get::<_, Value>(0)).unwrap_err();
    stopper.join().unwrap();
    assert_eq!(err.code(), Some(ErrorCode::OperationInterrupted), "{err}");
    assert!(t0.elapsed() < Duration::from_secs(8));
    assert_eq!(conn.query_row("SELECT 1", (), |r| r.get::<_, i64>(0)).unwrap(), 1);
}

#[test]
fn a_terminated_backend_is_disconnected() {
    let Some(db) = TestDb::new() else { return };
    let victim = db.open();
    let other = db.open();
    let pid: i64 = victim.query_row("SELECT pg_backend_pid()", (), |r| r.get(0)).unwrap();
    assert!(other.query_row("SELECT pg_terminate_backend(?1, 5000)", [pid], |r| r.get::<_, bool>(0)).unwrap());
    let err = victim.query_row("SELECT 1", (), |r| r.get::<_, i64>(0)).unwrap_err();
    assert!(err.is_disconnected(), "{err:?}");
    assert_eq!(other.query_row("SELECT 1", (), |r| r.get::<_, i64>(0)).unwrap(), 1);
    // No server at all: disconnected too.
    let Err(err) = Connection::open_postgres("host=/nonexistent user=periop dbname=x") else { panic!("connected") };
    assert!(err.is_disconnected(), "{err:?}");
}
