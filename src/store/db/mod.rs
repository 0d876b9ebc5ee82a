//! The store's one door to a database engine (issue 15).
//!
//! Everything in `store` speaks to a [`Connection`] here, never to an
//! engine's own types: rows are read through [`Row::get`] into [`FromSql`]
//! types, parameters bound from [`ToSql`] values, failures reported as one
//! [`Error`] whose [`Error::code`] says busy, interrupted, full or damaged
//! whatever the engine. The call shapes are rusqlite's (`query_row`,
//! `prepare_cached`, `query_map`, `params!`, `.optional()`), so the SQL the
//! store has written and measured stays as it is.
//!
//! SQLite sits behind the door, and PostgreSQL with the cargo feature
//! `postgres` ([`Connection::open_postgres`]). What is SQLite's alone (the
//! file header, pragmas, the online backup, registered functions) is
//! reached by [`Connection::sqlite`], in the modules that are about the
//! file.

mod error;
#[cfg(feature = "postgres")]
mod pg;
#[cfg_attr(not(feature = "postgres"), allow(dead_code))]
mod placeholders;
mod sqlite;
pub mod types;

pub use error::{BindMismatch, Error, ErrorCode, OptionalExtension, Result};
pub use types::{FromSql, ToSql};

use types::{Value, ValueRef};

/// A connection to the ward's database.
pub struct Connection {
    engine: Engine,
}

enum Engine {
    Sqlite(rusqlite::Connection),
    #[cfg(feature = "postgres")]
    Pg(Box<pg::Client>),
}

/// The channel every save notifies on PostgreSQL, inside its transaction
/// (delivered when it commits); watchers listen on it.
pub const AUDIT_CHANNEL: &str = "periop_audit";

/// Which SQL the connection speaks, for the few statements that differ
/// between engines (`store::dialect` keeps them, one function each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    Postgres,
}

/// How a write transaction starts: [`TransactionBehavior::Immediate`] takes
/// the write lock first, so two writers queue instead of one failing at
/// its first write (R-AUDIT-1's one write path).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransactionBehavior {
    Deferred,
    Immediate,
}

impl Connection {
    /// Wraps a SQLite connection already opened and configured (pragmas,
    /// busy timeout) by the file's own modules.
    pub fn from_sqlite(conn: rusqlite::Connection) -> Self {
        Connection { engine: Engine::Sqlite(conn) }
    }

    /// Connects to a PostgreSQL server. `params` is a `postgres://…` or
    /// `postgresql://…` URL or `key=value` pairs (`host=/run/postgresql
    /// user=periop dbname=ward`). Without TLS: for a local socket or a
    /// trusted network only. Errors: the server unreachable
    /// ([`ErrorCode::Disconnected`]), refused or misnamed.
    #[cfg(feature = "postgres")]
    pub fn open_postgres(params: &str) -> Result<Self> {
        Ok(Connection { engine: Engine::Pg(Box::new(pg::Client::connect(params)?)) })
    }

    pub fn dialect(&self) -> Dialect {
        match &self.engine {
            Engine::Sqlite(_) => Dialect::Sqlite,
            #[cfg(feature = "postgres")]
            Engine::Pg(_) => Dialect::Postgres,
        }
    }

    /// Opens a SQLite file with `flags`; [`Connection::from_sqlite`] once
    /// configured is the usual way.
    pub fn open_sqlite(path: &std::path::Path, flags: rusqlite::OpenFlags) -> Result<Self> {
        Ok(Connection::from_sqlite(rusqlite::Connection::open_with_flags(path, flags)?))
    }

    /// The schema version the database carries (0: none yet). SQLite keeps
    /// it in the file header (`user_version`), PostgreSQL in the row
    /// `schema_version` of `periop_meta` (0 while that table or row is
    /// missing).
    pub fn schema_version(&self) -> Result<i64> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?),
            #[cfg(feature = "postgres")]
            Engine::Pg(_) => {
                let meta: Option<String> =
                    self.query_row("SELECT CAST(to_regclass('periop_meta') AS TEXT)", (), |r| r.get(0))?;
                if meta.is_none() {
                    return Ok(0);
                }
                let sql = "SELECT value FROM periop_meta WHERE key = 'schema_version'";
                let version: Option<String> = self.query_row(sql, (), |r| r.get(0)).optional()?;
                version.map_or(Ok(0), |v| {
                    v.parse().map_err(|e| Error::FromSqlConversionFailure(0, types::Type::Text, Box::new(e)))
                })
            }
        }
    }

    /// Records the schema version, inside the caller's transaction (on
    /// PostgreSQL, `periop_meta` must exist).
    pub fn set_schema_version(&self, version: i64) -> Result<()> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(conn.pragma_update(None, "user_version", version)?),
            #[cfg(feature = "postgres")]
            Engine::Pg(_) => {
                let sql = "INSERT INTO periop_meta (key, value) VALUES ('schema_version', ?1) \
                           ON CONFLICT (key) DO UPDATE SET value = excluded.value";
                self.execute(sql, [version.to_string()]).map(drop)
            }
        }
    }

    /// An in-memory SQLite database, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Ok(Connection::from_sqlite(rusqlite::Connection::open_in_memory()?))
    }

    /// The SQLite connection, for what only a file has (pragmas, the
    /// header, the online backup, registered functions); `None` on another
    /// engine.
    pub fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match &self.engine {
            Engine::Sqlite(conn) => Some(conn),
            #[cfg(feature = "postgres")]
            Engine::Pg(_) => None,
        }
    }

    /// The SQLite connection, for a step only a file has; on another engine
    /// [`Error::NotAFile`] naming the step.
    pub fn file(&self, step: &'static str) -> Result<&rusqlite::Connection> {
        self.sqlite().ok_or(Error::NotAFile(step))
    }

    /// Runs one statement; returns the number of rows changed.
    pub fn execute<P: Params>(&self, sql: &str, params: P) -> Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    /// Runs statements separated by `;`, with no parameters (schema text,
    /// `BEGIN`/`COMMIT`).
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            #[cfg(feature = "postgres")]
            Engine::Pg(client) => client.batch(sql),
        }
    }

    /// The first row of `sql` mapped by `f`; [`Error::QueryReturnedNoRows`]
    /// if there is none (`.optional()` turns that into `None`).
    pub fn query_row<T, P: Params, F>(&self, sql: &str, params: P, f: F) -> Result<T>
    where
        F: FnOnce(&Row<'_>) -> Result<T>,
    {
        self.prepare_cached(sql)?.query_row(params, f)
    }

    /// A statement, compiled anew (on PostgreSQL, from the connection's
    /// cache too: a server-side statement costs a round trip).
    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(Statement { inner: StatementInner::Sqlite(conn.prepare(sql)?.into()) }),
            #[cfg(feature = "postgres")]
            Engine::Pg(client) => Ok(Statement { inner: StatementInner::Pg(client.prepare(sql)?) }),
        }
    }

    /// A statement from the connection's cache: the screens run the same
    /// few hundred queries on every key.
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(Statement { inner: StatementInner::Sqlite(conn.prepare_cached(sql)?.into()) }),
            #[cfg(feature = "postgres")]
            Engine::Pg(client) => Ok(Statement { inner: StatementInner::Pg(client.prepare(sql)?) }),
        }
    }

    /// Starts a transaction; it rolls back when dropped uncommitted.
    ///
    /// On PostgreSQL, [`TransactionBehavior::Immediate`] is `BEGIN` (READ
    /// COMMITTED) then the periop write lock (`pg_advisory_xact_lock`),
    /// waited for up to the [`Connection::busy_timeout`]: writers queue as
    /// on SQLite, readers do not wait.
    pub fn transaction_with_behavior(&mut self, behavior: TransactionBehavior) -> Result<Transaction<'_>> {
        match &self.engine {
            Engine::Sqlite(_) => self.execute_batch(match behavior {
                TransactionBehavior::Deferred => "BEGIN DEFERRED",   // i18n: SQL
                TransactionBehavior::Immediate => "BEGIN IMMEDIATE", // i18n: SQL
            })?,
            #[cfg(feature = "postgres")]
            Engine::Pg(client) => client.begin(behavior == TransactionBehavior::Immediate)?,
        }
        Ok(Transaction { conn: self, behavior, done: false })
    }

    /// How long a statement waits for another program's lock before
    /// failing with [`ErrorCode::DatabaseBusy`] (PostgreSQL:
    /// `lock_timeout`, at least 1 ms).
    pub fn busy_timeout(&self, wait: std::time::Duration) -> Result<()> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(conn.busy_timeout(wait)?),
            #[cfg(feature = "postgres")]
            Engine::Pg(client) => client.busy_timeout(wait),
        }
    }

    /// A handle another thread uses to stop the statement running here.
    pub fn get_interrupt_handle(&self) -> Interrupter {
        match &self.engine {
            Engine::Sqlite(conn) => {
                Interrupter(Interrupt::Sqlite(sqlite::Interrupter::sqlite(conn.get_interrupt_handle())))
            }
            #[cfg(feature = "postgres")]
            Engine::Pg(client) => Interrupter(Interrupt::Pg(client.cancel_token())),
        }
    }

    /// Starts listening for the write path's notifications
    /// ([`AUDIT_CHANNEL`]); a server's only.
    #[cfg(feature = "postgres")]
    pub fn listen(&self, channel: &str) -> Result<()> {
        match &self.engine {
            Engine::Pg(client) => client.listen(channel),
            // A file's watcher is woken by the file's own events.
            Engine::Sqlite(_) => Ok(()),
        }
    }

    /// Waits up to `timeout` for a notification on a channel listened to
    /// ([`Connection::listen`]); true if one came, false on the timeout.
    #[cfg(feature = "postgres")]
    pub fn wait_for_notification(&self, timeout: std::time::Duration) -> Result<bool> {
        match &self.engine {
            Engine::Pg(client) => client.wait_for_notification(timeout),
            Engine::Sqlite(_) => {
                std::thread::sleep(timeout);
                Ok(false)
            }
        }
    }

    /// Closes the connection, reporting a failure to close cleanly.
    pub fn close(self) -> Result<()> {
        match self.engine {
            Engine::Sqlite(conn) => conn.close().map_err(|(_, e)| e.into()),
            #[cfg(feature = "postgres")]
            Engine::Pg(client) => (*client).close(),
        }
    }

    #[cfg_attr(not(feature = "postgres"), allow(unused_variables))]
    fn commit_transaction(&self, behavior: TransactionBehavior) -> Result<()> {
        match &self.engine {
            Engine::Sqlite(_) => self.execute_batch("COMMIT"),
            #[cfg(feature = "postgres")]
            Engine::Pg(client) => client.commit(behavior == TransactionBehavior::Immediate),
        }
    }

    fn rollback_transaction(&self) -> Result<()> {
        match &self.engine {
            Engine::Sqlite(_) => self.execute_batch("ROLLBACK"),
            #[cfg(feature = "postgres")]
            Engine::Pg(client) => client.rollback(),
        }
    }
}

/// Stops the statement a connection is running, from another thread
/// (SQLite: `sqlite3_interrupt`; PostgreSQL: a cancel request on a
/// connection of its own). The statement then fails with
/// [`ErrorCode::OperationInterrupted`].
pub struct Interrupter(Interrupt);

enum Interrupt {
    Sqlite(sqlite::Interrupter),
    #[cfg(feature = "postgres")]
    Pg(postgres::CancelToken),
}

impl Interrupter {
    /// Does nothing when the connection is idle (on PostgreSQL, a request
    /// that finds no statement running is dropped by the server).
    pub fn interrupt(&self) {
        match &self.0 {
            Interrupt::Sqlite(handle) => handle.interrupt(),
            #[cfg(feature = "postgres")]
            Interrupt::Pg(token) => {
                // Nothing to report: the server unreachable means the
                // statement fails on its own.
                let _ = token.cancel_query(postgres::NoTls);
            }
        }
    }
}

/// A transaction; derefs to its connection. Rolled back when dropped
/// without [`Transaction::commit`].
pub struct Transaction<'c> {
    conn: &'c mut Connection,
    behavior: TransactionBehavior,
    done: bool,
}

impl Transaction<'_> {
    /// Commits. On PostgreSQL a write transaction also wakes the
    /// watchers (`pg_notify('periop_audit')`, delivered on commit), and a
    /// transaction a failed statement aborted reports that error instead
    /// of rolling back as if committed.
    pub fn commit(mut self) -> Result<()> {
        self.conn.commit_transaction(self.behavior)?;
        self.done = true;
        Ok(())
    }

    pub fn rollback(mut self) -> Result<()> {
        self.done = true;
        self.conn.rollback_transaction()
    }
}

impl std::ops::Deref for Transaction<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.conn
    }
}

impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        if !self.done {
            // Nothing to report to: the caller is already returning an error.
            let _ = self.conn.rollback_transaction();
        }
    }
}

/// A compiled statement.
pub struct Statement<'c> {
    inner: StatementInner<'c>,
}

enum StatementInner<'c> {
    Sqlite(sqlite::Statement<'c>),
    #[cfg(feature = "postgres")]
    Pg(pg::Statement<'c>),
}

impl Statement<'_> {
    pub fn execute<P: Params>(&mut self, params: P) -> Result<usize> {
        let bound = params.bind()?;
        match &mut self.inner {
            StatementInner::Sqlite(stmt) => stmt.execute(&bound),
            #[cfg(feature = "postgres")]
            StatementInner::Pg(stmt) => stmt.execute(&bound),
        }
    }

    /// Rows mapped by `f`, read as the caller iterates.
    pub fn query_map<T, P: Params, F>(&mut self, params: P, f: F) -> Result<MappedRows<'_, F>>
    where
        F: FnMut(&Row<'_>) -> Result<T>,
    {
        Ok(MappedRows { rows: self.query(params)?, map: f })
    }

    /// Rows, read one by one with [`Rows::next`].
    pub fn query<P: Params>(&mut self, params: P) -> Result<Rows<'_>> {
        let bound = params.bind()?;
        match &mut self.inner {
            StatementInner::Sqlite(stmt) => Ok(Rows { inner: RowsInner::Sqlite(stmt.query(&bound)?) }),
            #[cfg(feature = "postgres")]
            StatementInner::Pg(stmt) => Ok(Rows { inner: RowsInner::Pg(stmt.query(&bound)?) }),
        }
    }

    pub fn query_row<T, P: Params, F>(&mut self, params: P, f: F) -> Result<T>
    where
        F: FnOnce(&Row<'_>) -> Result<T>,
    {
        let mut rows = self.query(params)?;
        match rows.next()? {
            Some(row) => f(&row),
            None => Err(Error::QueryReturnedNoRows),
        }
    }

    /// True if the statement returns at least one row.
    pub fn exists<P: Params>(&mut self, params: P) -> Result<bool> {
        Ok(self.query(params)?.next()?.is_some())
    }

    /// The result's column names, in order.
    pub fn column_names(&self) -> Vec<&str> {
        match &self.inner {
            StatementInner::Sqlite(stmt) => stmt.column_names(),
            #[cfg(feature = "postgres")]
            StatementInner::Pg(stmt) => stmt.column_names(),
        }
    }
}

/// A statement's rows, read one at a time.
pub struct Rows<'s> {
    inner: RowsInner<'s>,
}

enum RowsInner<'s> {
    Sqlite(rusqlite::Rows<'s>),
    /// Read whole when the statement ran.
    #[cfg(feature = "postgres")]
    Pg(pg::Rows),
}

impl Rows<'_> {
    /// The next row, or `None` after the last.
    #[allow(clippy::should_implement_trait)] // a row borrows the cursor: not an Iterator
    pub fn next(&mut self) -> Result<Option<Row<'_>>> {
        match &mut self.inner {
            RowsInner::Sqlite(rows) => Ok(rows.next()?.map(|row| Row { inner: RowInner::Sqlite(row) })),
            #[cfg(feature = "postgres")]
            RowsInner::Pg(rows) => Ok(rows.next().map(|(values, names)| Row { inner: RowInner::Pg { values, names } })),
        }
    }
}

/// Rows mapped by a function, as an iterator of results.
pub struct MappedRows<'s, F> {
    rows: Rows<'s>,
    map: F,
}

impl<T, F> Iterator for MappedRows<'_, F>
where
    F: FnMut(&Row<'_>) -> Result<T>,
{
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        match self.rows.next() {
            Ok(Some(row)) => Some((self.map)(&row)),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

/// One row of a result.
pub struct Row<'r> {
    inner: RowInner<'r>,
}

enum RowInner<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    #[cfg(feature = "postgres")]
    Pg {
        values: &'r [Value],
        names: &'r [String],
    },
}

/// A column, by position (from 0) or by name.
pub trait RowIndex {
    fn index(&self, row: &Row<'_>) -> Result<usize>;
}

impl RowIndex for usize {
    fn index(&self, _row: &Row<'_>) -> Result<usize> {
        Ok(*self)
    }
}

impl RowIndex for &str {
    fn index(&self, row: &Row<'_>) -> Result<usize> {
        match &row.inner {
            RowInner::Sqlite(r) => Ok(r.as_ref().column_index(self)?),
            // As SQLite: the first column of that name, in any ASCII case.
            #[cfg(feature = "postgres")]
            RowInner::Pg { names, .. } => names
                .iter()
                .position(|n| n.eq_ignore_ascii_case(self))
                .ok_or_else(|| Error::InvalidColumnName((*self).to_owned())),
        }
    }
}

impl Row<'_> {
    /// The value in column `idx` as a `T`; a value of another class, or
    /// one `T`'s reader refuses, is [`Error::FromSqlConversionFailure`].
    pub fn get<I: RowIndex, T: FromSql>(&self, idx: I) -> Result<T> {
        let i = idx.index(self)?;
        let value = self.get_ref(i)?;
        T::column_result(value).map_err(|e| Error::from_sql(i, value.data_type(), e))
    }

    /// The value in column `idx` as it is stored.
    pub fn get_ref<I: RowIndex>(&self, idx: I) -> Result<ValueRef<'_>> {
        let i = idx.index(self)?;
        match &self.inner {
            RowInner::Sqlite(r) => Ok(r.get_ref(i)?.into()),
            #[cfg(feature = "postgres")]
            RowInner::Pg { values, .. } => values.get(i).map(ValueRef::from).ok_or(Error::InvalidColumnIndex(i)),
        }
    }
}

/// A statement's parameters: `()`, `[]`, an array or a tuple of values,
/// `params![…]`, a slice of `&dyn ToSql`, or `(name, value)` pairs for
/// `:name` parameters.
pub trait Params {
    fn bind(self) -> Result<Bound>;
}

/// Parameters, owned, ready for any engine.
pub enum Bound {
    Positional(Vec<Value>),
    Named(Vec<(String, Value)>),
}

fn owned(value: &dyn ToSql) -> Result<Value> {
    Ok(match value.to_sql()? {
        types::ToSqlOutput::Borrowed(v) => v.into(),
        types::ToSqlOutput::Owned(v) => v,
    })
}

impl Params for () {
    fn bind(self) -> Result<Bound> {
        Ok(Bound::Positional(Vec::new()))
    }
}

impl Params for [&dyn ToSql; 0] {
    fn bind(self) -> Result<Bound> {
        Ok(Bound::Positional(Vec::new()))
    }
}

impl Params for &[&dyn ToSql] {
    fn bind(self) -> Result<Bound> {
        Ok(Bound::Positional(self.iter().map(|v| owned(*v)).collect::<Result<_>>()?))
    }
}

impl<S: AsRef<str>, T: ToSql> Params for &[(S, T)] {
    fn bind(self) -> Result<Bound> {
        Ok(Bound::Named(self.iter().map(|(k, v)| Ok((k.as_ref().to_owned(), owned(v)?))).collect::<Result<_>>()?))
    }
}

macro_rules! tuple_params {
    ($(($($t:ident $i:tt),+))+) => {$(
        impl<$($t: ToSql),+> Params for ($($t,)+) {
            fn bind(self) -> Result<Bound> {
                Ok(Bound::Positional(vec![$(owned(&self.$i)?),+]))
            }
        }
    )+};
}
tuple_params! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7)
}

macro_rules! array_params {
    ($($n:literal)+) => {$(
        impl<T: ToSql> Params for [T; $n] {
            fn bind(self) -> Result<Bound> {
                Ok(Bound::Positional(self.iter().map(|v| owned(v)).collect::<Result<_>>()?))
            }
        }
        impl<T: ToSql> Params for &[&T; $n] {
            fn bind(self) -> Result<Bound> {
                Ok(Bound::Positional(self.iter().map(|v| owned(*v)).collect::<Result<_>>()?))
            }
        }
    )+};
}
array_params!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);

/// Parameters of different types, in order: `params![id, name, note]`.
#[macro_export]
macro_rules! db_params {
    () => {
        &[] as &[&dyn $crate::store::db::ToSql]
    };
    ($($param:expr),+ $(,)?) => {
        &[$(&$param as &dyn $crate::store::db::ToSql),+] as &[&dyn $crate::store::db::ToSql]
    };
}
pub use db_params as params;
