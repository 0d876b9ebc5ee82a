//! `periop migrate --from ward.db --to postgres://…` (issue 15): a ward's
//! SQLite file copied into an empty PostgreSQL database in one
//! transaction, every row as it is (ids, audit rows and their chain
//! hashes), then verified before the commit: the same number of rows in
//! every table, and the audit chain whole with the same head. An
//! interrupted copy commits nothing: the target stays empty, and the same
//! command starts it again.

#![cfg(feature = "postgres")]

use super::db::types::Value;
use super::db::{Connection, ToSql, TransactionBehavior};
use super::error::{Result, StoreError};
use super::table::Table;
use super::{Location, chain, check, schema, search};
use std::path::Path;

/// What was copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    /// Rows per table, in copy order (the data tables, then `audit`).
    pub tables: Vec<(&'static str, i64)>,
    /// The audit chain's head on both sides (the same, or nothing was committed).
    pub head: Option<(i64, String)>,
}

/// Rows per INSERT: fewer statements, within PostgreSQL's 65 535 parameters.
const ROWS_PER_INSERT: usize = 500;

/// Copies the file at `from` into the empty database at `to`, telling
/// `progress` (rows copied, rows in all) as it goes.
///
/// Errors: the refusals of opening either side; the source not at this
/// program's schema (`periop check` then an open upgrades it) or with a
/// broken audit chain ([`StoreError::Invalid`]: copy a sound ward only);
/// the target not empty; a count or the chain differing after the copy
/// ([`StoreError::Invalid`], nothing committed).
pub fn migrate(from: &Path, to: &Location, progress: &mut dyn FnMut(u64, u64)) -> Result<Migrated> {
    let Location::Postgres(url) = to else {
        return Err(StoreError::invalid(tr!("store-migrate-target"), tr!("store-migrate-needs-server")));
    };
    let (source, _guard) = check::open_read_only(from)?;
    let version = source.schema_version()?;
    if version != schema::VERSION {
        return Err(StoreError::invalid(
            super::error::shown(from),
            tr!("store-migrate-old-schema", found = version, known = schema::VERSION),
        ));
    }
    let before = chain::verify(&source)?;
    if !before.problems.is_empty() {
        return Err(StoreError::invalid(
            super::error::shown(from),
            tr!("store-migrate-chain-broken", count = before.problems.len()),
        ));
    }
    let mut target = super::server::connect(to, url)?;
    // Found by the tester (issue 15): a database with other tables was
    // filled, and one holding a ward was refused as "already exists".
    let tables = super::server::foreign_tables(&target)?;
    if !tables.is_empty() {
        return Err(StoreError::NotEmpty { location: to.shown(), tables });
    }
    let tables: Vec<&'static str> = Table::ALL.iter().map(|t| t.name()).chain(["audit"]).collect();
    let counts: Vec<i64> = tables
        .iter()
        .map(|t| source.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)))
        .collect::<super::db::Result<_>>()?;
    let all = counts.iter().map(|&n| n.unsigned_abs()).sum();
    let tx = target.transaction_with_behavior(TransactionBehavior::Immediate)?;
    schema::create_in(&tx)?;
    let mut done = 0;
    for table in &tables {
        copy_table(&source, &tx, table, &mut |n| {
            done += n;
            progress(done, all);
        })?;
    }
    // The highest audit id ever given, gaps included (AUTOINCREMENT's).
    let seq: Option<i64> = super::db::OptionalExtension::optional(source.query_row(
        "SELECT seq FROM sqlite_sequence WHERE name = 'audit'",
        [],
        |r| r.get(0),
    ))?;
    tx.execute("UPDATE audit_seq SET seq = ?1", [seq.unwrap_or(0)])?;
    search::build_indexes(&tx)?;
    for (table, expected) in tables.iter().zip(&counts) {
        let copied: i64 = tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        if copied != *expected {
            return Err(StoreError::invalid(
                to.shown(),
                tr!("store-migrate-count-differs", table = *table, copied = copied, expected = *expected),
            ));
        }
    }
    let after = chain::verify(&tx)?;
    if !after.problems.is_empty() || after.head != before.head {
        return Err(StoreError::invalid(to.shown(), tr!("store-migrate-chain-differs")));
    }
    tx.commit()?;
    // The planner's statistics now, not when autovacuum comes round.
    target.execute_batch("ANALYZE")?;
    Ok(Migrated { tables: tables.into_iter().zip(counts).collect(), head: after.head })
}

/// Copies every row of `table`, in id order, a batch of rows per INSERT;
/// tells `copied` each batch's size.
fn copy_table(source: &Connection, target: &Connection, table: &str, copied: &mut dyn FnMut(u64)) -> Result<()> {
    let mut stmt = source.prepare(&format!("SELECT * FROM {table} ORDER BY id"))?;
    let columns: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
    let per_insert = ROWS_PER_INSERT.min(60_000 / columns.len().max(1));
    let mut rows = stmt.query([])?;
    let mut batch: Vec<Value> = Vec::with_capacity(per_insert * columns.len());
    loop {
        let row = rows.next()?;
        if let Some(row) = &row {
            for i in 0..columns.len() {
                batch.push(row.get_ref(i)?.into());
            }
        }
        let full = batch.len() == per_insert * columns.len();
        if (full || row.is_none()) && !batch.is_empty() {
            insert(target, table, &columns, &batch)?;
            copied((batch.len() / columns.len()) as u64);
            batch.clear();
        }
        if row.is_none() {
            return Ok(());
        }
    }
}

/// One INSERT of `values` (whole rows of `columns`, in order).
fn insert(target: &Connection, table: &str, columns: &[String], values: &[Value]) -> Result<()> {
    let width = columns.len();
    let rows: Vec<String> = (0..values.len() / width)
        .map(|r| {
            let marks: Vec<String> = (1..=width).map(|c| format!("?{}", r * width + c)).collect();
            format!("({})", marks.join(", "))
        })
        .collect();
    let sql = format!("INSERT INTO {table} ({}) VALUES {}", columns.join(", "), rows.join(", "));
    let params: Vec<&dyn ToSql> = values.iter().map(|v| v as &dyn ToSql).collect();
    target.execute(&sql, params.as_slice())?;
    Ok(())
}
