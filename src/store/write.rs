//! The one write path (R-AUDIT-1, R-AUDIT-2).
//!
//! Every change goes: `BEGIN IMMEDIATE` → check the row's `version` → write →
//! append the audit row (actor, time, table, row, before and after as JSON) →
//! commit. A save that finds the version moved on is refused with a
//! [`StoreError::Conflict`] naming who saved first and when; nothing is
//! overwritten. No transaction outlives the closure given to [`write`].

use super::db::types::ValueRef;
use super::db::{Connection, OptionalExtension, ToSql, Transaction, TransactionBehavior, params};
use super::error::{Result, StoreError, instant_text};
use super::table::Table;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde_json::{Map, Value};

/// A column name and the value to store in it.
pub type Field<'a> = (&'static str, &'a dyn ToSql);

/// An open write transaction. Made only by [`write`].
pub struct WriteTx<'c> {
    tx: Transaction<'c>,
    actor_id: i64,
    at: DateTime<Utc>,
    zone: Tz,
    accounts: super::actor::Accounts,
}

/// Refuses text holding a control character or a direction mark
/// ([`crate::domain::names::is_unsafe`]; a line break is kept, for notes)
/// in any column written: an escape stored in a reason or a name would be
/// obeyed by the next terminal or spreadsheet that shows it. Every free
/// text a screen or a command stores passes here.
fn plain_text(table: Table, id: Option<i64>, fields: &[Field<'_>]) -> Result<()> {
    use super::db::types::{ToSqlOutput, Value, ValueRef};
    for (column, value) in fields {
        let text = match value.to_sql()? {
            ToSqlOutput::Borrowed(ValueRef::Text(bytes)) => String::from_utf8_lossy(bytes).into_owned(),
            ToSqlOutput::Owned(Value::Text(text)) => text,
            _ => continue,
        };
        // R-TRACE-3: the whole scanned label is kept as the scanner sent it,
        // GS1's group separator (ASCII 29) included.
        let scan = table == Table::DeviceLots && *column == "scanned";
        if text.chars().any(|c| c != '\n' && !(scan && c == '\u{1d}') && crate::domain::names::is_unsafe(c)) {
            let what = id.map_or_else(|| table.new_row(), |id| table.row(id));
            return Err(StoreError::invalid(
                tr!("store-field-of", record = what, field = super::table::column_words(column)),
                tr!("store-control-character"),
            ));
        }
    }
    Ok(())
}

/// Runs `change` in one `BEGIN IMMEDIATE` transaction as `actor_id` at `at`,
/// and commits only if it returns `Ok`.
pub fn write<T>(
    conn: &mut Connection,
    actor_id: i64,
    at: DateTime<Utc>,
    zone: Tz,
    accounts: super::actor::Accounts,
    change: impl FnOnce(&mut WriteTx<'_>) -> Result<T>,
) -> Result<T> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // R-AUDIT-3: never write while the audit log could be edited.
    let recreated = super::chain::ensure_triggers(&tx)?;
    super::chain::refuse_foreign_triggers(&tx)?;
    let mut wtx = WriteTx { tx, actor_id, at, zone, accounts };
    // Found in use (#12): putting them back left no trace in the file, so
    // the next `check` said healthy. The save that does it says so.
    if !recreated.is_empty() {
        wtx.audit_file_change(
            super::chain::TRIGGERS_SUBJECT,
            "update",
            &serde_json::json!({ "append_only_triggers_put_back": recreated }),
        )?;
    }
    let value = change(&mut wtx)?;
    wtx.tx.commit()?;
    Ok(value)
}

impl WriteTx<'_> {
    /// Reads inside the transaction see its own writes.
    pub fn conn(&self) -> &Connection {
        &self.tx
    }

    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// The ward's zone, for ward days and messages.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// For loading history (the demo's past years): later rows carry this time.
    pub(crate) fn set_at(&mut self, at: DateTime<Utc>) {
        self.at = at;
    }

    /// Which operating-system accounts exist (R-ROLE-1).
    pub fn accounts(&self) -> &super::actor::Accounts {
        &self.accounts
    }

    pub fn actor_id(&self) -> i64 {
        self.actor_id
    }

    /// Used once, when an account registers itself: the audit row of its own
    /// staff row names it as the actor.
    pub(super) fn set_actor(&mut self, actor_id: i64) {
        self.actor_id = actor_id;
    }

    /// Inserts a row and audits it; returns the new row's id.
    pub fn insert(&mut self, table: Table, fields: &[Field<'_>]) -> Result<i64> {
        let columns: Vec<&str> = fields.iter().map(|(c, _)| *c).collect();
        // The kind of change is judged on the columns given a value: a new
        // case with no room or operator is a plan, with them a booking.
        let given: Vec<&str> = fields.iter().filter(|(_, v)| !is_null(*v)).map(|(c, _)| *c).collect();
        self.permit(table, true, &given)?;
        plain_text(table, None, fields)?;
        let marks = vec!["?"; fields.len()].join(", ");
        let sql = format!("INSERT INTO {} ({}) VALUES ({marks})", table.name(), columns.join(", "));
        let values: Vec<&dyn ToSql> = fields.iter().map(|(_, v)| *v).collect();
        // RETURNING: the id the row got, on every engine (no connection-wide
        // "last id" another statement could move).
        let id: i64 = self.tx.query_row(&format!("{sql} RETURNING id"), values.as_slice(), |r| r.get(0))?; // i18n: SQL
        super::search::after_row_write(&self.tx, table, id)?;
        self.audit_insert(table, id)?;
        Ok(id)
    }

    /// Audits a row that was just inserted by other means (self-registration).
    pub(super) fn audit_insert(&mut self, table: Table, id: i64) -> Result<()> {
        let after = row_json(&self.tx, table, id)?.ok_or_else(|| StoreError::NotFound(table.row(id)))?;
        self.audit(table, id, "insert", None, &after)
    }

    /// Updates a row if it is still at `expected_version`, bumps its version and
    /// audits the change; returns the new version.
    pub fn update(&mut self, table: Table, id: i64, expected_version: i64, fields: &[Field<'_>]) -> Result<i64> {
        let columns: Vec<&str> = fields.iter().map(|(c, _)| *c).collect();
        self.permit(table, false, &columns)?;
        self.update_unchecked(table, id, expected_version, fields)
    }

    /// [`WriteTx::update`] for a row that follows a change already permitted
    /// in this transaction (a case following its stay's step, R-PATH-2):
    /// the step's permission covers it (R-ROLE-1), the audit row is written.
    pub(super) fn update_following(
        &mut self,
        table: Table,
        id: i64,
        expected_version: i64,
        fields: &[Field<'_>],
    ) -> Result<i64> {
        self.update_unchecked(table, id, expected_version, fields)
    }

    fn update_unchecked(&mut self, table: Table, id: i64, expected_version: i64, fields: &[Field<'_>]) -> Result<i64> {
        plain_text(table, Some(id), fields)?;
        let before = row_json(&self.tx, table, id)?.ok_or_else(|| StoreError::NotFound(table.row(id)))?;
        let sets: Vec<String> = fields.iter().map(|(c, _)| format!("{c} = ?")).collect();
        let sql = format!(
            "UPDATE {} SET {}, version = version + 1 WHERE id = ? AND version = ?",
            table.name(),
            sets.join(", ")
        );
        let mut values: Vec<&dyn ToSql> = fields.iter().map(|(_, v)| *v).collect();
        values.push(&id);
        values.push(&expected_version);
        if self.tx.execute(&sql, values.as_slice())? == 0 {
            return Err(self.conflict(table, id));
        }
        super::search::after_row_write(&self.tx, table, id)?;
        let after = row_json(&self.tx, table, id)?.ok_or_else(|| StoreError::NotFound(table.row(id)))?;
        self.audit(table, id, "update", Some(&before), &after)?;
        Ok(expected_version + 1)
    }

    /// Issue 14: the actor's own staff row, its `language` only (`None`:
    /// follow the locale, then the site). Every account may choose the
    /// language it reads, whatever its role: it records nothing about care
    /// and changes nobody else's screen. Audited like any write.
    pub(super) fn update_own_language(&mut self, expected_version: i64, code: Option<&str>) -> Result<i64> {
        self.update_unchecked(Table::Staff, self.actor_id, expected_version, &[("language", &code)])
    }

    /// R-ROLE-1: the actor's role, read inside this transaction (a role given
    /// or taken a moment ago counts at once), must allow this kind of change.
    fn permit(&self, table: Table, insert: bool, columns: &[&str]) -> Result<()> {
        self.may(super::permission::change_of(table, insert, columns))
    }

    /// R-ROLE-1: refuses `change` unless the actor, read inside this
    /// transaction, may make it (a whole ward file asks before any row).
    pub fn may(&self, change: crate::domain::roles::Change) -> Result<()> {
        super::permission::permit_staff(&self.tx, self.actor_id, change)
    }

    /// R-ROLE-1 for a change that writes no record (rebuilding the search
    /// indexes): the actor's role, read inside this transaction, must allow
    /// `change`. Errors: [`StoreError::NotAllowed`] naming the roles that may.
    pub fn permit_change(&self, change: crate::domain::roles::Change) -> Result<()> {
        let role = super::permission::role_of(&self.tx, self.actor_id)?;
        super::permission::permit(role, change)
    }

    /// Audits a change made to the file rather than to a record (R-AUDIT-1):
    /// one audit row naming `subject` (not a table of records, so no data row
    /// is reconciled with it), row 0, `action`, with `after` saying what was
    /// done. Chained and indexed like every audit row (R-AUDIT-3).
    pub(super) fn audit_file_change(&mut self, subject: &'static str, action: &str, after: &Value) -> Result<()> {
        self.audit_named(subject, 0, action, None, after)
    }

    /// The actor's role now, inside the transaction (R-ROLE-1).
    pub fn role(&self) -> Result<crate::domain::roles::Role> {
        super::permission::role_of(&self.tx, self.actor_id)
    }

    /// R-AUDIT-2: who saved the row last, and when, in the ward's time.
    pub(super) fn conflict(&self, table: Table, id: i64) -> StoreError {
        let last = self
            .tx
            .query_row(
                "SELECT a.at, s.display_name FROM audit a JOIN staff s ON s.id = a.actor_id
                 WHERE a.table_name = ?1 AND a.row_id = ?2 ORDER BY a.id DESC LIMIT 1",
                params![table.name(), id],
                |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
            )
            .optional();
        match last {
            Ok(Some((at, by))) => {
                let at = DateTime::parse_from_rfc3339(&at)
                    .map(|t| {
                        let t = t.with_timezone(&self.zone);
                        tr!(
                            "store-conflict-at",
                            time = t.format("%H:%M").to_string(),
                            day = t.format("%d/%m").to_string()
                        )
                        .into_owned()
                    })
                    .unwrap_or(at);
                StoreError::Conflict { what: table.this(), by, at }
            }
            Ok(None) => StoreError::Conflict {
                what: table.this(),
                by: tr!("store-conflict-someone").into_owned(),
                at: tr!("store-conflict-unknown-time").into_owned(),
            },
            Err(e) => e.into(),
        }
    }

    /// Appends the audit row, chained to the one before it (R-AUDIT-3).
    fn audit(&self, table: Table, id: i64, action: &str, before: Option<&Value>, after: &Value) -> Result<()> {
        self.audit_named(table.name(), id, action, before, after)
    }

    /// [`WriteTx::audit`] under a name: a table's, or a subject of the file.
    fn audit_named(&self, name: &str, id: i64, action: &str, before: Option<&Value>, after: &Value) -> Result<()> {
        let (audit_id, previous) = super::chain::next(&self.tx)?;
        let (at, before, after) = (instant_text(self.at), before.map(Value::to_string), after.to_string());
        let link = super::chain::Link {
            id: audit_id,
            at: &at,
            actor_id: self.actor_id,
            table: name,
            row_id: id,
            action,
            before: before.as_deref(),
            after: &after,
        };
        let hash = super::chain::hash(&previous, &link);
        self.tx.execute(
            "INSERT INTO audit (id, at, actor_id, table_name, row_id, action, before, after, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![audit_id, at, self.actor_id, name, id, action, before, after, hash],
        )?;
        super::search::index_audit(&self.tx, audit_id, self.actor_id, name, id, action, before.as_deref(), &after)
    }
}

/// One row as a JSON object, column by column, for the audit log.
/// True when `value` is SQL NULL (a `None`).
fn is_null(value: &dyn ToSql) -> bool {
    use super::db::types::{ToSqlOutput, Value, ValueRef};
    matches!(value.to_sql(), Ok(ToSqlOutput::Owned(Value::Null) | ToSqlOutput::Borrowed(ValueRef::Null)))
}

pub fn row_json(conn: &Connection, table: Table, id: i64) -> Result<Option<Value>> {
    let sql = format!("SELECT * FROM {} WHERE id = ?1", table.name());
    let mut stmt = conn.prepare_cached(&sql)?;
    let names: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
    let row = stmt
        .query_row([id], |row| {
            let mut object = Map::new();
            for (i, name) in names.iter().enumerate() {
                let value = match row.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => Value::from(n),
                    ValueRef::Real(x) => Value::from(x),
                    ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Value::from(format!("<{} bytes>", b.len())), // i18n: the audit's stand-in for a blob
                };
                object.insert(name.clone(), value);
            }
            Ok(Value::Object(object))
        })
        .optional()?;
    Ok(row)
}
