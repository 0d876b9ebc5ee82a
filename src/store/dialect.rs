//! The few SQL texts that cannot be one text for SQLite and PostgreSQL
//! (issue 15, docs/postgresql-plan.md section 2): one function each, taking
//! the connection's [`Dialect`], so the store's modules keep one statement
//! and never test the engine themselves.
//!
//! Everything else the store writes is meant to run unchanged on both: where
//! a portable form exists (`IS DISTINCT FROM`, `string_agg … ORDER BY`,
//! `NULLS FIRST`, `CASE` for a scalar maximum) the statement uses it instead.

use super::db::Dialect;

/// A sub-select of the integers in the JSON array bound at `param` (e.g.
/// `"?1"`, bound as text like `[3,5,8]`), for `id IN (…)`: one parameter
/// however many ids, so the statement stays cached. (PostgreSQL: the
/// parameter is cast to text first, so the server types it as the text the
/// store binds, not as jsonb.)
pub fn ids_in(d: Dialect, param: &str) -> String {
    match d {
        Dialect::Sqlite => format!("SELECT value FROM json_each({param})"),
        Dialect::Postgres => {
            format!("SELECT CAST(value AS BIGINT) FROM jsonb_array_elements_text(CAST(CAST({param} AS TEXT) AS jsonb))")
        }
    }
}

/// A sub-select of the strings in the JSON array bound at `param` (e.g.
/// `"?1"`, bound as text like `["a","b"]`), for `code IN (…)`.
pub fn texts_in(d: Dialect, param: &str) -> String {
    match d {
        Dialect::Sqlite => format!("SELECT value FROM json_each({param})"),
        Dialect::Postgres => {
            format!("SELECT value FROM jsonb_array_elements_text(CAST(CAST({param} AS TEXT) AS jsonb))")
        }
    }
}

/// The text of a top-level `field` of the JSON object stored as text in
/// `column` (an audit image); NULL if the column is NULL or has no such
/// field. `field` is a plain name written by the store, never user input.
pub fn json_text(d: Dialect, column: &str, field: &str) -> String {
    match d {
        Dialect::Sqlite => format!("json_extract({column}, '$.{field}')"), // i18n: SQL
        Dialect::Postgres => format!("(CAST({column} AS jsonb) ->> '{field}')"),
    }
}

/// The instant one day (24 hours) before `instant`, both UTC text
/// `YYYY-MM-DDTHH:MM:SSZ`, so it compares with other instants as text.
pub fn day_before(d: Dialect, instant: &str) -> String {
    match d {
        Dialect::Sqlite => format!("strftime('%Y-%m-%dT%H:%M:%SZ', {instant}, '-1 day')"),
        Dialect::Postgres => format!(
            "to_char(CAST({instant} AS timestamptz) AT TIME ZONE 'UTC' - interval '1 day', \
             'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::db::Connection;

    fn sqlite() -> Connection {
        Connection::open_in_memory().unwrap()
    }

    #[test]
    fn ids_and_texts_come_back_from_their_json_list() {
        let conn = sqlite();
        let sql = format!("SELECT group_concat(value, ',') FROM ({}) AS ids", ids_in(Dialect::Sqlite, "?1"));
        let ids: String = conn.query_row(&sql, ["[3,5,8]"], |r| r.get(0)).unwrap();
        assert_eq!(ids, "3,5,8");
        let sql = format!("SELECT count(*) FROM ({}) AS codes WHERE value = 'b'", texts_in(Dialect::Sqlite, "?1"));
        let n: i64 = conn.query_row(&sql, [r#"["a","b"]"#], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn a_json_field_reads_as_text_or_null() {
        let conn = sqlite();
        let sql = format!(
            "SELECT {}, {}",
            json_text(Dialect::Sqlite, "?1", "state"),
            json_text(Dialect::Sqlite, "?1", "none")
        );
        let (state, none): (Option<String>, Option<String>) =
            conn.query_row(&sql, [r#"{"state":"planned"}"#], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!((state.as_deref(), none), (Some("planned"), None));
    }

    #[test]
    fn the_day_before_crosses_a_month_and_keeps_the_seconds() {
        let conn = sqlite();
        let sql = format!("SELECT {}", day_before(Dialect::Sqlite, "?1"));
        let before: String = conn.query_row(&sql, ["2026-03-01T07:30:15Z"], |r| r.get(0)).unwrap();
        assert_eq!(before, "2026-02-28T07:30:15Z");
    }

    #[test]
    fn postgres_texts_name_their_parameter_and_no_sqlite_function() {
        for sql in [
            ids_in(Dialect::Postgres, "?2"),
            texts_in(Dialect::Postgres, "?2"),
            json_text(Dialect::Postgres, "?2", "state"),
            day_before(Dialect::Postgres, "?2"),
        ] {
            assert!(sql.contains("?2"), "{sql}");
            assert!(!sql.contains("json_each") && !sql.contains("strftime") && !sql.contains("json_extract"), "{sql}");
        }
    }
}
