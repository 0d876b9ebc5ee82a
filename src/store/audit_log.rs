//! Reading the audit log (R-AUDIT-1). There is no function here, or anywhere,
//! that changes or deletes an audit row; the schema's triggers refuse it too.

use super::Store;
use super::db::params;
use super::error::Result;
use super::rows;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub table: String,
    pub row_id: i64,
    pub action: String,
    pub changes: Vec<Change>,
}

/// One field's move: `state: planned → admitted`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub field: String,
    pub before: Option<String>,
    pub after: String,
}

/// How many entries one page of the Audit tab reads: a few screens; each
/// row costs two JSON parses, so a page stays well inside a frame.
pub const PAGE: usize = 200;

impl Store {
    /// The newest entries first, those matching every word of `filter` (at
    /// the start of a word of who, what or the values, without regard to case
    /// or accents: the FTS5 index of `store/search.rs`), older than
    /// `before_id` when paging. A filter with nothing searchable in it (only
    /// punctuation) filters nothing.
    ///
    /// Errors: [`super::StoreError::SearchDamaged`] when the index cannot be
    /// read (`periop reindex` mends it); others from SQLite.
    pub fn audit_entries(&self, filter: &str, before_id: Option<i64>, limit: usize) -> Result<Vec<Entry>> {
        self.audit_page(filter, before_id, limit)
            .map_err(|e| super::search::damaged_index(self.path(), "audit_search", e))
    }

    fn audit_page(&self, filter: &str, before_id: Option<i64>, limit: usize) -> Result<Vec<Entry>> {
        const COLUMNS: &str = "SELECT a.id, a.at, s.display_name, a.table_name, a.row_id, a.action, a.before, a.after
             FROM audit a JOIN staff s ON s.id = a.actor_id";
        let matching = super::search::audit_query(self.conn(), filter)?;
        let sql = if matching.is_some() {
            // The index reads its newest matches first and stops at the page.
            format!(
                "{COLUMNS} WHERE a.id IN (SELECT rowid FROM audit_search
                     WHERE audit_search MATCH ?2 AND rowid < ?1 ORDER BY rowid DESC LIMIT ?3)
                 ORDER BY a.id DESC LIMIT ?3"
            )
        } else {
            format!("{COLUMNS} WHERE a.id < ?1 AND CAST(?2 AS TEXT) IS NULL ORDER BY a.id DESC LIMIT ?3")
        };
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(params![before_id.unwrap_or(i64::MAX), matching, limit], |row| {
            let before: Option<String> = row.get(6)?;
            let after: String = row.get(7)?;
            Ok(Entry {
                id: row.get(0)?,
                at: rows::instant(row, 1)?,
                actor: row.get(2)?,
                table: row.get(3)?,
                row_id: row.get(4)?,
                action: row.get(5)?,
                changes: changes(before.as_deref(), &after),
            })
        })?;
        Ok(rows.collect::<super::db::Result<Vec<_>>>()?)
    }

    /// The id of the newest audit row, 0 in an empty log.
    pub fn last_audit_id(&self) -> Result<i64> {
        Ok(self.conn().query_row("SELECT COALESCE(MAX(id), 0) FROM audit", [], |r| r.get(0))?)
    }
}

/// The fields that differ between two row images; every field of an insert.
pub fn changes(before: Option<&str>, after: &str) -> Vec<Change> {
    let parse = |text: &str| match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let before = before.map(parse);
    let after = parse(after);
    after
        .iter()
        .filter(|(field, _)| field.as_str() != "version")
        .filter_map(|(field, new)| {
            let old = before.as_ref().map(|b| b.get(field).cloned().unwrap_or(Value::Null));
            if old.as_ref() == Some(new) {
                return None;
            }
            Some(Change { field: field.clone(), before: old.map(|v| text(&v)), after: text(new) })
        })
        .collect()
}

fn text(value: &Value) -> String {
    match value {
        Value::Null => "∅".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Store {
    /// The ward day of the first audit row (the database's creation).
    pub fn created_on(&self) -> Result<Option<chrono::NaiveDate>> {
        use super::db::OptionalExtension;
        let first: Option<String> =
            self.conn().query_row("SELECT at FROM audit ORDER BY id LIMIT 1", [], |r| r.get(0)).optional()?;
        Ok(first.as_deref().and_then(rows::parse_instant).map(|t| crate::domain::ward_time::local_day(t, self.zone())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_fields_are_listed_and_version_is_skipped() {
        let before = r#"{"id":1,"state":"planned","admitted_at":null,"version":1}"#;
        let after = r#"{"id":1,"state":"admitted","admitted_at":"2026-11-22T18:00:00Z","version":2}"#;
        let c = changes(Some(before), after);
        assert_eq!(
            c,
            vec![
                Change {
                    field: "admitted_at".into(), before: Some("∅".into()), after: "2026-11-22T18:00:00Z".into()
                },
                Change { field: "state".into(), before: Some("planned".into()), after: "admitted".into() },
            ]
        );
    }

    #[test]
    fn an_insert_lists_every_field_without_before() {
        let c = changes(None, r#"{"id":3,"label":"Bed 3","version":1}"#);
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|c| c.before.is_none()));
    }
}
