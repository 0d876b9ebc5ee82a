//! PostgreSQL behind the door, through the `postgres` crate's blocking
//! client (issue 15).
//!
//! The store's SQL keeps SQLite's placeholders (rewritten here to `$N`) and
//! SQLite's five value classes: parameters are prepared untyped, so the
//! server infers each one's type, and every value is converted to that type
//! here; every column is read back as one of the five classes. Results are
//! read whole before the caller sees a row, so a row's callback may run
//! another query on the same connection.

use super::error::BindMismatch;
use super::placeholders;
use super::types::{Value, ValueRef};
use super::{Bound, Error, ErrorCode, Result};
use postgres::error::SqlState;
use postgres::types::private::BytesMut;
use postgres::types::{FromSql, IsNull, Kind, ToSql, Type};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

/// The key `pg_advisory_xact_lock` takes for a write transaction: "PeRi",
/// as SQLite's `application_id`. Every periop writer takes it first, so
/// writers queue as with SQLite's `BEGIN IMMEDIATE`; readers never wait.
const WRITE_LOCK: i64 = 0x5065_5269;

/// A connection to a PostgreSQL server, with its statement cache.
pub(super) struct Client {
    /// The `postgres` client needs `&mut` for every call; the door's API
    /// is `&self`, as rusqlite's. Never borrowed across a caller's code
    /// (results are read whole), so the borrow cannot clash.
    client: RefCell<postgres::Client>,
    /// Prepared statements by the store's own SQL text (before the
    /// placeholder rewrite, so a cache hit costs no rewrite).
    cache: RefCell<HashMap<String, Prepared>>,
    /// To connect again after a loss (a failover, a restart).
    params: String,
    /// The session settings to give a new connection (the lock wait).
    session: RefCell<String>,
    /// Between `BEGIN` and its end: a connection lost there is never
    /// replaced under the transaction (what followed would commit alone).
    in_transaction: Cell<bool>,
    /// The writing transaction's id (`pg_current_xact_id`), to ask the
    /// server after a `COMMIT` whose answer the loss swallowed.
    xid: RefCell<Option<String>>,
}

#[derive(Clone)]
struct Prepared {
    stmt: postgres::Statement,
    /// `(":name", N)` of the statement's named parameters.
    names: Arc<[(String, usize)]>,
}

impl Client {
    /// Connects without TLS; `params` is a `postgres://` URL or
    /// `key=value` pairs.
    pub(super) fn connect(params: &str) -> Result<Self> {
        let client = postgres::Client::connect(params, postgres::NoTls)?;
        Ok(Client {
            client: RefCell::new(client),
            cache: RefCell::default(),
            params: params.to_owned(),
            session: RefCell::default(),
            in_transaction: Cell::new(false),
            xid: RefCell::default(),
        })
    }

    /// Outside a transaction, a connection the server closed (a failover,
    /// a restart, an administrator) is made again, with its session
    /// settings, before the next statement: the caller that met the loss
    /// was told ([`ErrorCode::Disconnected`]); the next call goes on.
    fn revive(&self) -> Result<()> {
        if self.in_transaction.get() || !self.client.borrow().is_closed() {
            return Ok(());
        }
        let mut fresh = postgres::Client::connect(&self.params, postgres::NoTls)?;
        let session = self.session.borrow().clone();
        if !session.is_empty() {
            fresh.batch_execute(&session)?;
        }
        *self.client.borrow_mut() = fresh;
        self.cache.borrow_mut().clear();
        log::info!("connected again to the database server");
        Ok(())
    }

    /// A statement, prepared once per connection and text.
    pub(super) fn prepare(&self, sql: &str) -> Result<Statement<'_>> {
        self.revive()?;
        if let Some(prepared) = self.cache.borrow().get(sql) {
            return Ok(Statement { client: self, prepared: prepared.clone() });
        }
        let rewritten = placeholders::rewrite(sql);
        let stmt = self.client.borrow_mut().prepare(&rewritten.sql)?;
        let prepared = Prepared { stmt, names: rewritten.names.into() };
        self.cache.borrow_mut().insert(sql.to_owned(), prepared.clone());
        Ok(Statement { client: self, prepared })
    }

    /// Statements separated by `;`, without parameters.
    pub(super) fn batch(&self, sql: &str) -> Result<()> {
        self.revive()?;
        Ok(self.client.borrow_mut().batch_execute(sql)?)
    }

    /// `COMMIT` or `ROLLBACK`: the transaction is over whatever the answer.
    fn end(&self, sql: &str) -> Result<()> {
        let done = self.batch(sql);
        self.in_transaction.set(false);
        self.xid.borrow_mut().take();
        done
    }

    pub(super) fn rollback(&self) -> Result<()> {
        self.end("ROLLBACK") // i18n: SQL
    }

    /// `BEGIN`; for a writer, then the write lock, which waits for the
    /// writer before (up to `lock_timeout`). READ COMMITTED takes a new
    /// snapshot per statement, so what the writer reads after the lock
    /// includes the previous writer's commit.
    pub(super) fn begin(&self, write: bool) -> Result<()> {
        match self.batch("BEGIN") {
            // Lost while idle (a restart overnight): nothing was asked yet,
            // so the same BEGIN on a new connection is safe.
            Err(e) if e.is_disconnected() => {
                log::info!("the connection was lost while idle ({e}); connecting again");
                self.batch("BEGIN")?; // i18n: SQL
            }
            done => done?,
        }
        self.in_transaction.set(true);
        if write && let Err(e) = self.lock_for_writing() {
            // The failed statement has aborted the transaction: end it, so
            // the connection is usable for the next try.
            let _ = self.rollback();
            return Err(e);
        }
        Ok(())
    }

    /// The write lock, then the transaction's id (kept for [`Client::commit`]).
    fn lock_for_writing(&self) -> Result<()> {
        let mut client = self.client.borrow_mut();
        client.batch_execute(&format!("SELECT pg_advisory_xact_lock({WRITE_LOCK})"))?;
        let xid: String = client.query_one("SELECT CAST(pg_current_xact_id() AS TEXT)", &[])?.get(0);
        *self.xid.borrow_mut() = Some(xid);
        Ok(())
    }

    /// `COMMIT`; a writer's commit first queues a notification on
    /// `periop_audit`, which the server delivers to listeners only if the
    /// commit succeeds. The notification also fails in a transaction a
    /// failed statement has aborted, where `COMMIT` alone would roll
    /// back and report success.
    pub(super) fn commit(&self, write: bool) -> Result<()> {
        if write {
            self.batch(&format!("SELECT pg_notify('{}', '')", super::AUDIT_CHANNEL))?;
        }
        let xid = self.xid.borrow().clone();
        match self.end("COMMIT") {
            // The answer to COMMIT was lost with the connection: the server
            // knows whether it committed. Never "not saved" for a save that
            // was, never saved twice.
            Err(e) if e.is_disconnected() && write && xid.is_some() => match self.committed(xid.as_deref()) {
                Ok(true) => Ok(()),
                Ok(false) => Err(e),
                // Found by the tester (issue 15): after a crash the server
                // was not back in time to say, and "nothing was saved" was
                // said of a save that was.
                Err(_) => Err(Error::CommitUnknown(Box::new(e))),
            },
            done => done,
        }
    }

    /// Whether transaction `xid` committed, asked over a new connection.
    fn committed(&self, xid: Option<&str>) -> Result<bool> {
        // A restarting server: ask for a few seconds before giving up.
        let mut wait = std::time::Duration::from_millis(200);
        while let Err(e) = self.revive() {
            if wait > std::time::Duration::from_secs(3) {
                return Err(e);
            }
            std::thread::sleep(wait);
            wait *= 2;
        }
        let status: Option<String> =
            self.client.borrow_mut().query_one("SELECT pg_xact_status(CAST($1 AS xid8))", &[&xid])?.get(0);
        log::warn!("the answer to a COMMIT was lost; the server says {status:?}");
        Ok(status.as_deref() == Some("committed"))
    }

    /// The lock wait (SQLite's busy timeout): `lock_timeout`, at least
    /// 1 ms since 0 would mean wait for ever, where SQLite's 0 means do not
    /// wait. Statements themselves are not timed out.
    pub(super) fn busy_timeout(&self, wait: std::time::Duration) -> Result<()> {
        let ms = wait.as_millis().max(1);
        let session = format!("SET lock_timeout = '{ms}ms'; SET statement_timeout = 0"); // i18n: SQL
        self.batch(&session)?;
        *self.session.borrow_mut() = session;
        Ok(())
    }

    pub(super) fn cancel_token(&self) -> postgres::CancelToken {
        self.client.borrow().cancel_token()
    }

    pub(super) fn close(self) -> Result<()> {
        Ok(self.client.into_inner().close()?)
    }
}

/// A prepared statement of a [`Client`].
pub(super) struct Statement<'c> {
    client: &'c Client,
    prepared: Prepared,
}

/// The value bound to an unnamed slot of a named statement, as SQLite does.
static NULL: Value = Value::Null;

impl Statement<'_> {
    /// The values for `$1…$N`, in order.
    fn values<'v>(&self, bound: &'v Bound) -> Result<Vec<Bind<'v>>> {
        let expected = self.prepared.stmt.params().len();
        let values: Vec<&Value> = match bound {
            Bound::Positional(values) => {
                if values.len() != expected {
                    return Err(Error::InvalidParameterCount(values.len(), expected));
                }
                values.iter().collect()
            }
            Bound::Named(pairs) => {
                let mut slots = vec![&NULL; expected];
                for (name, value) in pairs {
                    let n = self.prepared.names.iter().find(|(seen, _)| seen == name).map(|&(_, n)| n);
                    match n.and_then(|n| slots.get_mut(n - 1)) {
                        Some(slot) => *slot = value,
                        None => return Err(Error::InvalidParameterName(name.clone())),
                    }
                }
                slots
            }
        };
        Ok(values.into_iter().enumerate().map(|(i, value)| Bind { value, param: i + 1 }).collect())
    }

    /// Runs the statement; the number of rows it changed (or returned).
    pub(super) fn execute(&mut self, bound: &Bound) -> Result<usize> {
        let values = self.values(bound)?;
        let params: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        let n = self.client.client.borrow_mut().execute(&self.prepared.stmt, &params)?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    /// Runs the statement and reads every row.
    pub(super) fn query(&mut self, bound: &Bound) -> Result<Rows> {
        let values = self.values(bound)?;
        let params: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        let rows = self.client.client.borrow_mut().query(&self.prepared.stmt, &params)?;
        let columns = self.prepared.stmt.columns();
        let mut read = Vec::with_capacity(rows.len());
        for row in rows {
            let mut values = Vec::with_capacity(columns.len());
            for (i, column) in columns.iter().enumerate() {
                match row.try_get::<_, Read>(i)? {
                    Read::Value(value) => values.push(value),
                    Read::Unreadable => return Err(Error::UnreadableColumn(i, column.type_().name().to_owned())),
                }
            }
            read.push(values);
        }
        Ok(Rows {
            names: self.column_names().into_iter().map(str::to_owned).collect(),
            rows: read.into_iter(),
            current: None,
        })
    }

    pub(super) fn column_names(&self) -> Vec<&str> {
        self.prepared.stmt.columns().iter().map(|c| c.name()).collect()
    }
}

/// A result read whole, handed out one row at a time.
pub(super) struct Rows {
    names: Vec<String>,
    rows: std::vec::IntoIter<Vec<Value>>,
    current: Option<Vec<Value>>,
}

impl Rows {
    /// The next row's values and the column names, or `None` after the
    /// last.
    pub(super) fn next(&mut self) -> Option<(&[Value], &[String])> {
        self.current = self.rows.next();
        self.current.as_deref().map(|values| (values, self.names.as_slice()))
    }
}

/// PostgreSQL's built-in type ids (`pg_type.oid`), fixed since 8.x.
mod oid {
    pub const BOOL: u32 = 16;
    pub const BYTEA: u32 = 17;
    pub const CHAR: u32 = 18;
    pub const NAME: u32 = 19;
    pub const INT8: u32 = 20;
    pub const INT2: u32 = 21;
    pub const INT4: u32 = 23;
    pub const REGPROC: u32 = 24;
    pub const TEXT: u32 = 25;
    pub const OID: u32 = 26;
    pub const XID: u32 = 28;
    pub const JSON: u32 = 114;
    pub const XML: u32 = 142;
    pub const FLOAT4: u32 = 700;
    pub const FLOAT8: u32 = 701;
    pub const UNKNOWN: u32 = 705;
    pub const BPCHAR: u32 = 1042;
    pub const VARCHAR: u32 = 1043;
    pub const NUMERIC: u32 = 1700;
    pub const REGCLASS: u32 = 2205;
    pub const REGTYPE: u32 = 2206;
    pub const JSONB: u32 = 3802;
    pub const XID8: u32 = 5069;
}

/// A domain reads and binds as its base type.
fn base(ty: &Type) -> &Type {
    match ty.kind() {
        Kind::Domain(inner) => base(inner),
        _ => ty,
    }
}

/// A value bound as parameter `param` (from 1), converted to the type the
/// server inferred for it.
struct Bind<'a> {
    value: &'a Value,
    param: usize,
}

/// The class only: a value may be a patient's.
impl std::fmt::Debug for Bind<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "${} {}", self.param, ValueRef::from(self.value).data_type())
    }
}

impl ToSql for Bind<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        encode(self.value, base(ty), out).ok_or_else(|| {
            let class = ValueRef::from(self.value).data_type();
            BindMismatch { param: self.param, class, server_type: ty.name().to_owned() }.into()
        })
    }

    /// Every type: [`encode`] refuses what does not fit, naming the
    /// parameter.
    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// `value` in `ty`'s binary format; `None` if it does not fit (another
/// class, out of range, text that is not a number for a number).
fn encode(value: &Value, ty: &Type, out: &mut BytesMut) -> Option<IsNull> {
    let text_like = |oid| matches!(oid, oid::TEXT | oid::VARCHAR | oid::BPCHAR | oid::NAME | oid::UNKNOWN | oid::JSON);
    match value {
        Value::Null => return Some(IsNull::Yes),
        Value::Integer(n) => match ty.oid() {
            oid::INT8 => out.extend_from_slice(&n.to_be_bytes()),
            oid::INT4 => out.extend_from_slice(&i32::try_from(*n).ok()?.to_be_bytes()),
            oid::INT2 => out.extend_from_slice(&i16::try_from(*n).ok()?.to_be_bytes()),
            oid::FLOAT8 => out.extend_from_slice(&(*n as f64).to_be_bytes()),
            oid::FLOAT4 => out.extend_from_slice(&(*n as f32).to_be_bytes()),
            oid::BOOL if matches!(n, 0 | 1) => out.extend_from_slice(&[*n as u8]),
            oid::JSONB => {
                out.extend_from_slice(&[1]);
                out.extend_from_slice(n.to_string().as_bytes());
            }
            t if text_like(t) => out.extend_from_slice(n.to_string().as_bytes()),
            _ => return None,
        },
        Value::Real(x) => match ty.oid() {
            oid::FLOAT8 => out.extend_from_slice(&x.to_be_bytes()),
            oid::FLOAT4 => out.extend_from_slice(&(*x as f32).to_be_bytes()),
            _ => return None,
        },
        Value::Text(t) => match ty.oid() {
            oid::JSONB => {
                // jsonb's binary format: a version byte, then the text.
                out.extend_from_slice(&[1]);
                out.extend_from_slice(t.as_bytes());
            }
            oid::INT8 => out.extend_from_slice(&t.parse::<i64>().ok()?.to_be_bytes()),
            oid::INT4 => out.extend_from_slice(&t.parse::<i32>().ok()?.to_be_bytes()),
            oid::INT2 => out.extend_from_slice(&t.parse::<i16>().ok()?.to_be_bytes()),
            oid::FLOAT8 => out.extend_from_slice(&t.parse::<f64>().ok()?.to_be_bytes()),
            oid::FLOAT4 => out.extend_from_slice(&t.parse::<f32>().ok()?.to_be_bytes()),
            o if text_like(o) => out.extend_from_slice(t.as_bytes()),
            _ => return None,
        },
        Value::Blob(b) => match ty.oid() {
            oid::BYTEA => out.extend_from_slice(b),
            _ => return None,
        },
    }
    Some(IsNull::No)
}

/// A column read as one of the five classes, whatever its server type.
enum Read {
    Value(Value),
    /// A type with no reading here (a timestamp, an array): the query
    /// should cast it.
    Unreadable,
}

impl<'a> FromSql<'a> for Read {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        decode(base(ty), raw)
    }

    fn from_sql_null(_: &Type) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Read::Value(Value::Null))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// `raw`, in `ty`'s binary format, as a value: integers (and `bool`, `oid`)
/// as Integer, floats as Real, `numeric` as Integer if it has no decimals
/// (`sum` of a BIGINT column) else Real, text types as Text, `bytea` as
/// Blob.
fn decode(ty: &Type, raw: &[u8]) -> Result<Read, Box<dyn std::error::Error + Sync + Send>> {
    let text = |raw: &[u8]| Ok(Read::Value(Value::Text(String::from_utf8(raw.to_vec())?)));
    let value = match ty.oid() {
        oid::INT8 => Value::Integer(i64::from_be_bytes(raw.try_into()?)),
        oid::INT4 => Value::Integer(i32::from_be_bytes(raw.try_into()?).into()),
        oid::INT2 => Value::Integer(i16::from_be_bytes(raw.try_into()?).into()),
        oid::OID | oid::XID | oid::REGCLASS | oid::REGPROC | oid::REGTYPE => {
            Value::Integer(u32::from_be_bytes(raw.try_into()?).into())
        }
        oid::XID8 => match i64::try_from(u64::from_be_bytes(raw.try_into()?)) {
            Ok(n) => Value::Integer(n),
            Err(_) => return Ok(Read::Unreadable),
        },
        oid::BOOL => Value::Integer(i64::from(raw.first().copied().unwrap_or_default() != 0)),
        oid::FLOAT8 => Value::Real(f64::from_be_bytes(raw.try_into()?)),
        oid::FLOAT4 => Value::Real(f32::from_be_bytes(raw.try_into()?).into()),
        oid::NUMERIC => match numeric(raw) {
            Some(value) => value,
            None => return Ok(Read::Unreadable),
        },
        oid::BYTEA => Value::Blob(raw.to_vec()),
        // jsonb's binary format: a version byte (1), then the text.
        oid::JSONB => return text(raw.get(1..).unwrap_or_default()),
        oid::TEXT | oid::VARCHAR | oid::BPCHAR | oid::NAME | oid::CHAR | oid::UNKNOWN | oid::JSON | oid::XML => {
            return text(raw);
        }
        // An enum's binary format is its label.
        _ if matches!(ty.kind(), Kind::Enum(_)) => return text(raw),
        _ => return Ok(Read::Unreadable),
    };
    Ok(Read::Value(value))
}

/// A `numeric` in its binary format (digit count, weight, sign, display
/// scale, then base-10000 digits, most significant first): Integer when its
/// display scale is 0 and it fits 64 bits (`sum` of a BIGINT column, as
/// SQLite's `sum` of integers), else Real (`avg`, as SQLite's). `None` if
/// malformed.
fn numeric(raw: &[u8]) -> Option<Value> {
    let word = |i: usize| raw.get(2 * i..2 * i + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let (count, weight, sign, scale) = (usize::from(word(0)?), word(1)? as i16, word(2)?, word(3)?);
    let digits: Vec<u16> = (0..count).map(|k| word(4 + k)).collect::<Option<_>>()?;
    let negative = match sign {
        0x0000 => false,
        0x4000 => true,
        0xC000 => return Some(Value::Real(f64::NAN)),
        0xD000 => return Some(Value::Real(f64::INFINITY)),
        0xF000 => return Some(Value::Real(f64::NEG_INFINITY)),
        _ => return None,
    };
    // The number is 0.d0d1d2… × 10000^(weight + 1).
    let places = i32::from(weight) + 1;
    if scale == 0 && places >= count as i32 {
        let whole = digits
            .iter()
            .try_fold(0i128, |n, &d| n.checked_mul(10_000)?.checked_add(i128::from(d)))
            .and_then(|n| (count as i32..places).try_fold(n, |n, _| n.checked_mul(10_000)))
            .map(|n| if negative { -n } else { n })
            .and_then(|n| i64::try_from(n).ok());
        if let Some(n) = whole {
            return Some(Value::Integer(n));
        }
    }
    // The decimal text, parsed: the nearest double, as the server's own
    // `numeric::float8`.
    let mut text = String::from(if negative { "-0." } else { "0." });
    for d in &digits {
        text.push_str(&format!("{d:04}"));
    }
    text.push('0');
    text.push('e');
    text.push_str(&(4 * places).to_string());
    text.parse().ok().map(Value::Real)
}

/// What a PostgreSQL error means for the store; see [`ErrorCode`].
pub(super) fn code(e: &postgres::Error) -> Option<ErrorCode> {
    if e.is_closed() {
        return Some(ErrorCode::Disconnected);
    }
    let Some(state) = e.code() else {
        // No SQLSTATE: the client's own failure. A broken socket is a lost
        // connection; a value refused is not an engine's code.
        let io = std::error::Error::source(e).is_some_and(|s| s.is::<std::io::Error>());
        return io.then_some(ErrorCode::Disconnected);
    };
    let class = state.code().get(..2).unwrap_or_default();
    Some(match state {
        s if [SqlState::LOCK_NOT_AVAILABLE, SqlState::T_R_DEADLOCK_DETECTED, SqlState::T_R_SERIALIZATION_FAILURE]
            .contains(s) =>
        {
            ErrorCode::DatabaseBusy
        }
        s if *s == SqlState::QUERY_CANCELED => ErrorCode::OperationInterrupted,
        s if *s == SqlState::DISK_FULL => ErrorCode::DiskFull,
        s if *s == SqlState::IO_ERROR => ErrorCode::SystemIoFailure,
        s if [SqlState::DATA_CORRUPTED, SqlState::INDEX_CORRUPTED].contains(s) => ErrorCode::DatabaseCorrupt,
        s if [SqlState::ADMIN_SHUTDOWN, SqlState::CRASH_SHUTDOWN, SqlState::CANNOT_CONNECT_NOW].contains(s) => {
            ErrorCode::Disconnected
        }
        _ if class == "08" => ErrorCode::Disconnected,
        _ if class == "23" => ErrorCode::ConstraintViolation,
        _ => ErrorCode::Other,
    })
}

impl From<postgres::Error> for Error {
    /// A value refused by [`encode`] becomes
    /// [`Error::ToSqlConversionFailure`], as on SQLite.
    fn from(e: postgres::Error) -> Self {
        let refused = std::error::Error::source(&e).is_some_and(|s| s.is::<BindMismatch>());
        match refused {
            true => Error::ToSqlConversionFailure(e.into_source().expect("checked above: a BindMismatch")),
            false => Error::Postgres(e),
        }
    }
}

mod listen;
#[cfg(test)]
mod tests;
