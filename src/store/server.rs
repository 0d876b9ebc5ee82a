//! Opening and creating the store on a PostgreSQL server (issue 15).
//!
//! What a file needs and a server does not (the header, the mode, the
//! sidecars, the build-beside, the quick check of every page) is left out:
//! the server keeps its own checksums, and the DBA its own backups.

use super::actor;
use super::db::Connection;
use super::{Account, Location, Result, Store, StoreError, schema, settings};
use chrono::{DateTime, Utc};

/// Connects; a refused or unanswered connection is [`StoreError::Unreachable`].
pub(super) fn connect(location: &Location, url: &str) -> Result<Connection> {
    let conn = Connection::open_postgres(url)
        .map_err(|e| StoreError::Unreachable { location: location.shown(), cause: e.to_string() })?;
    conn.busy_timeout(schema::BUSY_TIMEOUT)?;
    Ok(conn)
}

/// [`Store::connect`] on PostgreSQL.
pub(super) fn open(location: &Location, url: &str, account: &Account) -> Result<Store> {
    let conn = connect(location, url)?;
    let version = conn.schema_version()?;
    if version == 0 {
        return Err(StoreError::NoSchema(location.shown()));
    }
    if version != schema::VERSION {
        return Err(StoreError::TooNew { path: location.label(), found: version, known: schema::VERSION });
    }
    let (settings, bad) = settings::load(&conn)?;
    let actor = match actor::find(&conn, &account.name)? {
        Some(actor) => actor,
        None => actor::unregistered(account),
    };
    // The server keeps its own checksums: no quick check owed.
    Ok(Store::opened(conn, location.clone(), account, actor, settings, super::refused(bad), true))
}

/// [`Store::init_at`] on PostgreSQL: the schema, the first administrator
/// and the seed lists in one transaction each; an interrupted init leaves
/// the database empty (PostgreSQL's DDL is transactional).
pub(super) fn init(location: &Location, url: &str, account: &Account, now: DateTime<Utc>) -> Result<Store> {
    let mut conn = connect(location, url)?;
    if conn.schema_version()? != 0 {
        return Err(StoreError::AlreadyExists(location.label()));
    }
    let tables = foreign_tables(&conn)?;
    if !tables.is_empty() {
        return Err(StoreError::NotEmpty { location: location.shown(), tables });
    }
    schema::create(&mut conn)?;
    Store::first_admin(conn, location.clone(), account, now)
}

/// Tables already in the connection's schema (at most five named).
pub(super) fn foreign_tables(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT table_name FROM information_schema.tables \
         WHERE table_schema = current_schema() ORDER BY table_name LIMIT 5",
    )?;
    Ok(stmt.query_map([], |r| r.get(0))?.collect::<super::db::Result<_>>()?)
}
