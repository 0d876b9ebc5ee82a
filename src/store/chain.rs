//! The tamper-evident audit trail (R-AUDIT-3).
//!
//! Each audit row carries `hash` = SHA-256 over the previous row's hash and
//! every field of its own (id, time, actor, table, row, action, before,
//! after), each length-prefixed so no two rows hash alike. Editing, deleting
//! or inserting a row behind the program's back breaks the chain at that row;
//! `periop check` ([`verify`]) finds it, finds gaps in the ids, and
//! reconciles every data row with the `after` of its last audit row
//! ([`reconcile`]), naming each row that differs.
//!
//! The chain has no secret: someone who edits the file *and* recomputes every
//! later hash is caught only by comparing the head hash that `check` prints
//! with one written down earlier (or in a backup).
//!
//! The append-only triggers are part of the same defence: the write path
//! recreates any that are missing or altered before it writes ([`ensure_triggers`]).

use super::db::Connection;
use super::db::types::ValueRef;
use super::error::{Result, StoreError};
use super::schema::SCHEMA;
use super::table::Table;
use super::write::row_json;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The fields of one audit row, as they are hashed.
pub struct Link<'a> {
    pub id: i64,
    pub at: &'a str,
    pub actor_id: i64,
    pub table: &'a str,
    pub row_id: i64,
    pub action: &'a str,
    pub before: Option<&'a str>,
    pub after: &'a str,
}

/// The hash of `link` chained to `previous` (the hash of the row before it;
/// empty for the first row), as 64 lowercase hex digits.
pub fn hash(previous: &str, link: &Link<'_>) -> String {
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_be_bytes());
        h.update(bytes);
    };
    field(previous.as_bytes());
    field(link.id.to_string().as_bytes());
    field(link.at.as_bytes());
    field(link.actor_id.to_string().as_bytes());
    field(link.table.as_bytes());
    field(link.row_id.to_string().as_bytes());
    field(link.action.as_bytes());
    match link.before {
        None => field(b"\x00none"),
        Some(before) => field(format!("\x01{before}").as_bytes()),
    }
    field(link.after.as_bytes());
    hex(&h.finalize())
}

/// Lowercase hex digits of `bytes`.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

/// Inside a write: the id the next audit row takes and the hash it chains
/// to. The id is the one AUTOINCREMENT would give (past any id ever used,
/// so rows deleted from the end leave a gap `check` reports).
pub(super) fn next(conn: &Connection) -> Result<(i64, String)> {
    use super::db::OptionalExtension;
    let last: Option<(i64, Option<String>)> = conn
        .prepare_cached("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let seq = highest_audit_id_given(conn)?;
    let (last_id, last_hash) = last.unwrap_or((0, None));
    Ok((last_id.max(seq) + 1, last_hash.unwrap_or_default()))
}

/// The highest audit id ever given (0 for none): SQLite's AUTOINCREMENT
/// counter, or the table `pg_schema.sql` keeps for it.
fn highest_audit_id_given(conn: &Connection) -> Result<i64> {
    let counter = match conn.dialect() {
        super::db::Dialect::Sqlite => "SELECT max(seq) FROM sqlite_sequence WHERE name = 'audit'",
        super::db::Dialect::Postgres => "SELECT max(seq) FROM audit_seq",
    };
    Ok(conn.prepare_cached(counter)?.query_row([], |r| r.get::<_, Option<i64>>(0))?.unwrap_or(0))
}

/// The append-only triggers of `schema.sql`, by name, with their statements
/// (as SQLite keeps them in `sqlite_master`).
pub fn triggers() -> &'static [(&'static str, &'static str)] {
    static TRIGGERS: std::sync::OnceLock<Vec<(&'static str, &'static str)>> = std::sync::OnceLock::new();
    TRIGGERS.get_or_init(parse_triggers)
}

fn parse_triggers() -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let mut rest = SCHEMA;
    while let Some(start) = rest.find("CREATE TRIGGER ") {
        let from = &rest[start..];
        let end = from.find("END;").map_or(from.len(), |e| e + "END".len());
        let statement = &from[..end];
        let name = statement["CREATE TRIGGER ".len()..].split_whitespace().next().unwrap_or_default();
        out.push((name, statement));
        rest = &from[end..];
    }
    out
}

/// The triggers that are missing or differ from `schema.sql`, by name.
pub fn damaged_triggers(conn: &Connection) -> Result<Vec<&'static str>> {
    #[cfg(feature = "postgres")]
    if conn.dialect() == super::db::Dialect::Postgres {
        return super::server_triggers::damaged(conn);
    }
    let mut stmt = conn.prepare_cached("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")?;
    let present: Vec<(String, Option<String>)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<super::db::Result<_>>()?;
    let mut stmt = conn.prepare_cached("SELECT name FROM sqlite_master WHERE type = 'table'")?;
    let tables: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<super::db::Result<_>>()?;
    // A trigger on a table a later upgrade step makes (an older file being
    // upgraded) is made with that table.
    let table_present = |sql: &str| {
        let on = sql.split_whitespace().skip_while(|w| *w != "ON").nth(1).unwrap_or_default();
        tables.iter().any(|t| t == on)
    };
    Ok(triggers()
        .iter()
        .filter(|(_, sql)| table_present(sql))
        .filter(|(name, sql)| !present.iter().any(|(n, s)| n == name && s.as_deref() == Some(*sql)))
        .map(|&(name, _)| name)
        .collect())
}

/// The audit subject of a save that put missing append-only triggers back
/// (R-AUDIT-3): `periop check` lists each such row ([`triggers_put_back`]).
pub const TRIGGERS_SUBJECT: &str = "audit_triggers";

/// R-AUDIT-3: every time a save found the append-only triggers missing or
/// altered and put them back: the audit rows that say so, in words (when,
/// which). While they were missing the log could be edited unseen, so each
/// stays listed; compare with a backup from before that day. Read-only.
pub fn triggers_put_back(conn: &Connection, zone: chrono_tz::Tz) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT id, at, after FROM audit WHERE table_name = ?1 ORDER BY id")?;
    let rows = stmt.query_map([TRIGGERS_SUBJECT], |r| {
        Ok((r.get::<_, i64>(0)?, super::rows::lossy_text(r, 1)?, super::rows::lossy_text(r, 2)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, at, after) = row?;
        let when = at
            .as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string())
            .unwrap_or_else(|| tr!("store-unreadable-time").into_owned());
        let which: Vec<String> = after
            .as_deref()
            .and_then(|a| serde_json::from_str::<Value>(a).ok())
            .and_then(|v| v.get("append_only_triggers_put_back").cloned())
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        out.push(tr!("store-audit-triggers-put-back", id = id, when = when, triggers = which.join(", ")).into_owned());
    }
    Ok(out)
}

/// Inside a write: recreates any append-only trigger that is missing or was
/// altered, and logs it (the file was edited behind the program's back;
/// `periop check` shows what changed meanwhile). Returns the names recreated.
pub(super) fn ensure_triggers(conn: &Connection) -> Result<Vec<&'static str>> {
    #[cfg(feature = "postgres")]
    if conn.dialect() == super::db::Dialect::Postgres {
        return super::server_triggers::ensure(conn);
    }
    let damaged = damaged_triggers(conn)?;
    for (name, sql) in triggers().iter().filter(|(n, _)| damaged.contains(n)) {
        conn.execute_batch(&format!("DROP TRIGGER IF EXISTS {name}; {sql};"))?;
    }
    if !damaged.is_empty() {
        log::warn!("the audit log's append-only triggers were missing or altered ({}); recreated", damaged.join(", "));
    }
    Ok(damaged)
}

/// Triggers that are not periop's, by name.
fn foreign_triggers(conn: &Connection) -> Result<Vec<String>> {
    #[cfg(feature = "postgres")]
    if conn.dialect() == super::db::Dialect::Postgres {
        return super::server_triggers::foreign(conn);
    }
    let ours: Vec<&str> = triggers().iter().map(|(name, _)| *name).collect();
    let found: Vec<String> = conn
        .prepare_cached("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<super::db::Result<_>>()?;
    Ok(found.into_iter().filter(|n| !ours.contains(&n.as_str())).collect())
}

/// Inside a write, before anything is written: refuses while the file holds
/// a trigger that is not periop's (found in use, #12: a trigger added with
/// the sqlite3 shell rewrote each save, and the audit blamed the user).
/// Errors: [`StoreError::Invalid`] naming the triggers and the next step.
pub(super) fn refuse_foreign_triggers(conn: &Connection) -> Result<()> {
    let foreign = foreign_triggers(conn)?;
    if foreign.is_empty() {
        return Ok(());
    }
    Err(StoreError::invalid(
        tr!("store-the-wards-database"),
        tr!(
            "store-foreign-trigger",
            triggers = foreign.iter().map(|n| super::error::shown_text(n)).collect::<Vec<_>>().join(", ")
        ),
    ))
}

/// Schema upgrade 1 → 2: seals the rows written before the chain existed,
/// in id order (the update trigger is dropped around it by the step's SQL).
pub(super) fn seal_existing(conn: &Connection) -> Result<()> {
    struct Stored {
        id: i64,
        at: String,
        actor_id: i64,
        table: String,
        row_id: i64,
        action: String,
        before: Option<String>,
        after: String,
    }
    let rows: Vec<Stored> = conn
        .prepare("SELECT id, at, actor_id, table_name, row_id, action, before, after FROM audit ORDER BY id")?
        .query_map([], |r| {
            Ok(Stored {
                id: r.get(0)?,
                at: r.get(1)?,
                actor_id: r.get(2)?,
                table: r.get(3)?,
                row_id: r.get(4)?,
                action: r.get(5)?,
                before: r.get(6)?,
                after: r.get(7)?,
            })
        })?
        .collect::<super::db::Result<_>>()?;
    let mut update = conn.prepare("UPDATE audit SET hash = ?1 WHERE id = ?2")?;
    let mut previous = String::new();
    for row in &rows {
        let link = Link {
            id: row.id,
            at: &row.at,
            actor_id: row.actor_id,
            table: &row.table,
            row_id: row.row_id,
            action: &row.action,
            before: row.before.as_deref(),
            after: &row.after,
        };
        previous = hash(&previous, &link);
        update.execute(super::db::params![previous, row.id])?;
    }
    Ok(())
}

/// What [`verify`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ChainReport {
    pub rows: i64,
    /// The last row's id and hash: write it down to detect a rewritten chain.
    pub head: Option<(i64, String)>,
    /// The last row is itself one of the `problems` (its hash does not
    /// follow): the head is no reference to keep (found in use, #12).
    pub head_flagged: bool,
    /// Each break, in id order: `audit #12: edited or forged (its hash does not match)`.
    pub problems: Vec<String>,
}

/// Text of a stored value as the write path hashed it.
fn text(value: ValueRef<'_>) -> Option<String> {
    match value {
        ValueRef::Null => None,
        ValueRef::Integer(n) => Some(n.to_string()),
        ValueRef::Real(x) => Some(x.to_string()),
        ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Some(hex(b)),
    }
}

/// Walks the whole audit log in id order: every hash must follow from the
/// one before, ids must run without gaps, and none may be missing at the end
/// (SQLite's AUTOINCREMENT counter remembers the last id ever given). Read-only.
pub fn verify(conn: &Connection) -> Result<ChainReport> {
    let mut report = ChainReport::default();
    let mut stmt = conn
        .prepare("SELECT id, at, actor_id, table_name, row_id, action, before, after, hash FROM audit ORDER BY id")?;
    let mut rows = stmt.query([])?;
    let mut previous = String::new();
    let mut last_id = 0i64;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        report.rows += 1;
        if id != last_id + 1 {
            report.problems.push(match id - last_id {
                2 => tr!("store-audit-missing", id = last_id + 1).into_owned(),
                _ => tr!("store-audit-missing-range", first = last_id + 1, last = id - 1).into_owned(),
            });
        }
        let field = |i: usize| text(r.get_ref(i).unwrap_or(ValueRef::Null));
        let (at, actor, table, row_id, action, before, after) =
            (field(1), field(2), field(3), field(4), field(5), field(6), field(7));
        let stored = field(8);
        let link = Link {
            id,
            at: at.as_deref().unwrap_or_default(),
            actor_id: actor.as_deref().and_then(|a| a.parse().ok()).unwrap_or(i64::MIN),
            table: table.as_deref().unwrap_or_default(),
            row_id: row_id.as_deref().and_then(|a| a.parse().ok()).unwrap_or(i64::MIN),
            action: action.as_deref().unwrap_or_default(),
            before: before.as_deref(),
            after: after.as_deref().unwrap_or_default(),
        };
        let expected = hash(&previous, &link);
        report.head_flagged = stored.as_deref() != Some(expected.as_str());
        match &stored {
            None => report.problems.push(tr!("store-audit-no-hash", id = id).into_owned()),
            Some(h) if *h != expected => report.problems.push(tr!("store-audit-forged", id = id).into_owned()),
            Some(_) => {}
        }
        // Go on from what is stored, so one edit is reported once.
        previous = stored.unwrap_or(expected);
        report.head = Some((id, previous.clone()));
        last_id = id;
    }
    let seq = highest_audit_id_given(conn)?;
    if seq > last_id {
        report.problems.push(match seq - last_id {
            1 => tr!("store-audit-missing-end", id = seq).into_owned(),
            _ => tr!("store-audit-missing-end-range", first = last_id + 1, last = seq).into_owned(),
        });
    }
    Ok(report)
}

/// Compares every data row with the `after` of its last audit row, table by
/// table in id order, and names each row that differs (with the columns,
/// never their values: R-PRIV-1), has no audit row, or was deleted. Read-only.
pub fn reconcile(conn: &Connection) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for table in Table::ALL {
        let mut stmt = conn.prepare_cached(
            "SELECT row_id, after FROM audit WHERE id IN
               (SELECT max(id) FROM audit WHERE table_name = ?1 GROUP BY row_id) ORDER BY row_id",
        )?;
        let audited: Vec<(i64, String)> = stmt
            .query_map([table.name()], |r| Ok((r.get(0)?, super::rows::lossy_text(r, 1)?.unwrap_or_default())))?
            .collect::<super::db::Result<_>>()?;
        let ids: Vec<i64> = conn
            .prepare(&format!("SELECT id FROM {} ORDER BY id", table.name()))?
            .query_map([], |r| r.get(0))?
            .collect::<super::db::Result<_>>()?;
        found.extend(edits_between_saves(conn, table)?);
        let (mut a, mut d) = (0, 0);
        while a < audited.len() || d < ids.len() {
            match (audited.get(a), ids.get(d)) {
                (Some((row_id, after)), Some(id)) if row_id == id => {
                    let now = row_json(conn, table, *id)?.unwrap_or(Value::Null);
                    let mut then: Value = serde_json::from_str(after).unwrap_or(Value::Null);
                    with_added_columns(table, &mut then);
                    if now != then {
                        let (record, columns) = (table.numbered(*id), changed(&now, &then));
                        found.push(tr!("store-audit-differs", record = record, columns = columns).into_owned());
                    }
                    a += 1;
                    d += 1;
                }
                (Some((row_id, _)), id) if id.is_none_or(|id| row_id < id) => {
                    found.push(tr!("store-audit-row-deleted", record = table.numbered(*row_id)).into_owned());
                    a += 1;
                }
                (_, Some(id)) => {
                    found.push(tr!("store-audit-no-row", record = table.numbered(*id)).into_owned());
                    d += 1;
                }
                (_, None) => a += 1,
            }
        }
    }
    Ok(found)
}

/// A row changed behind the program's back and then saved again by it: the
/// later save's `before` is the edited row, and its `after` matches the data,
/// so only the break between one audit row's `after` and the next one's
/// `before` shows the edit. Each names the row, the two audit rows and the
/// columns (never their values, R-PRIV-1).
fn edits_between_saves(conn: &Connection, table: Table) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT row_id, id, before, after FROM audit WHERE table_name = ?1 ORDER BY row_id, id")?;
    let mut rows = stmt.query([table.name()])?;
    let mut found = Vec::new();
    let mut previous: Option<(i64, i64, String)> = None;
    while let Some(row) = rows.next()? {
        let (row_id, id): (i64, i64) = (row.get(0)?, row.get(1)?);
        let before: Option<String> = super::rows::lossy_text(&row, 2)?;
        let after: String = super::rows::lossy_text(&row, 3)?.unwrap_or_default();
        if let (Some((prev_row, prev_id, prev_after)), Some(before)) = (&previous, &before)
            && *prev_row == row_id
            && prev_after != before
        {
            let image = |text: &str| {
                let mut value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
                with_added_columns(table, &mut value);
                value
            };
            let (then, now) = (image(prev_after), image(before));
            if then != now {
                let (record, columns) = (table.numbered(row_id), changed(&now, &then));
                let said =
                    tr!("store-audit-edited-between", record = record, first = *prev_id, last = id, columns = columns);
                found.push(said.into_owned());
            }
        }
        previous = Some((row_id, id, after));
    }
    Ok(found)
}

/// An audit image written before an upgrade added a column has no key for
/// it: it held the column's default ([`super::schema::ADDED_COLUMNS`]).
fn with_added_columns(table: Table, image: &mut Value) {
    let Some(object) = image.as_object_mut() else { return };
    for (name, column, default) in super::schema::ADDED_COLUMNS {
        if *name == table.name() && !object.contains_key(*column) {
            object.insert((*column).to_string(), default.map_or(Value::Null, Value::from));
        }
    }
}

/// The columns whose values differ between two row images, by name.
fn changed(now: &Value, then: &Value) -> String {
    let (Some(now), Some(then)) = (now.as_object(), then.as_object()) else {
        return tr!("store-unreadable-audit-image").into_owned();
    };
    let mut names: Vec<&str> =
        now.keys().chain(then.keys()).filter(|k| now.get(*k) != then.get(*k)).map(String::as_str).collect();
    names.sort_unstable();
    names.dedup();
    tr!("store-columns", columns = names.join(", ")).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_append_only_triggers_are_found_in_the_schema() {
        let names: Vec<&str> = triggers().iter().map(|&(n, _)| n).collect();
        // R-TRACE-1, R-STOCK-2: implant records and stock movements are kept too.
        assert_eq!(
            names,
            [
                "implants_are_kept",
                "stock_movements_are_kept",
                "audit_is_append_only_update",
                "audit_is_append_only_replace",
                "audit_is_append_only_delete"
            ]
        );
        assert!(triggers().iter().all(|(_, sql)| sql.ends_with("END")));
    }

    #[test]
    fn r_audit_3_a_hash_depends_on_every_field_and_the_previous_hash() {
        let link = Link {
            id: 1,
            at: "2026-11-22T07:30:00Z",
            actor_id: 1,
            table: "patients",
            row_id: 1,
            action: "insert",
            before: None,
            after: "{}",
        };
        let base = hash("", &link);
        assert_eq!(base.len(), 64);
        assert_ne!(hash("x", &link), base);
        assert_ne!(hash("", &Link { id: 2, ..link }), base);
        assert_ne!(hash("", &Link { before: Some(""), ..link }), base);
        assert_ne!(hash("", &Link { at: "2020-01-01T00:00:00Z", ..link }), base);
        assert_ne!(hash("", &Link { after: "{ }", ..link }), base);
    }
}
