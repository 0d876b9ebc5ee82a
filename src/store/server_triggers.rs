//! R-AUDIT-3 on PostgreSQL: the triggers that keep the audit log append-only,
//! implants and stock movements kept, and ids given as SQLite gives them
//! (`pg_schema.sql`), checked before every write as `chain.rs` checks
//! SQLite's: a trigger missing, disabled (`ALTER TABLE … DISABLE TRIGGER`)
//! or whose function was rewritten is put back from the schema and the save
//! says so in the audit log; a trigger that is not periop's is refused.

use super::db::Connection;
use super::error::Result;
use super::schema::PG_SCHEMA;
use std::sync::OnceLock;

/// One trigger of the schema: its name, its table, its function, the
/// statement that makes it.
struct Trigger {
    name: &'static str,
    table: &'static str,
    function: &'static str,
    create: &'static str,
}

/// One trigger function of the schema: its name, its body (as
/// `pg_proc.prosrc` keeps it), the statement that makes it.
struct Function {
    name: &'static str,
    body: &'static str,
    create: &'static str,
}

struct Schema {
    triggers: Vec<Trigger>,
    functions: Vec<Function>,
}

fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| parse(PG_SCHEMA))
}

/// Reads the `CREATE FUNCTION … AS $$…$$;` and `CREATE TRIGGER …;`
/// statements of `sql`.
fn parse(sql: &'static str) -> Schema {
    let mut functions = Vec::new();
    let mut rest = sql;
    while let Some(start) = rest.find("CREATE FUNCTION ") {
        let from = &rest[start..];
        let name = from["CREATE FUNCTION ".len()..].split('(').next().unwrap_or_default().trim();
        let Some(open) = from.find("$$") else { break };
        let Some(close) = from[open + 2..].find("$$") else { break };
        let body = &from[open + 2..open + 2 + close];
        let end = from[open + 2 + close..].find(';').map_or(from.len(), |e| open + 2 + close + e + 1);
        functions.push(Function { name, body, create: &from[..end] });
        rest = &from[end..];
    }
    let mut triggers = Vec::new();
    let mut rest = sql;
    while let Some(start) = rest.find("CREATE TRIGGER ") {
        let from = &rest[start..];
        let end = from.find(';').map_or(from.len(), |e| e + 1);
        let statement = &from[..end];
        let mut words = statement.split_whitespace();
        let name = words.nth(2).unwrap_or_default();
        let table = statement.split_whitespace().skip_while(|w| *w != "ON").nth(1).unwrap_or_default();
        let function = statement
            .split("EXECUTE FUNCTION") // i18n: SQL
            .nth(1)
            .and_then(|f| f.split('(').next())
            .map(str::trim)
            .unwrap_or_default();
        triggers.push(Trigger { name, table, function, create: statement });
        rest = &from[end..];
    }
    Schema { triggers, functions }
}

/// The triggers on the schema's tables as the server has them: name,
/// enabled (`tgenabled` other than `D`), the function's body.
fn present(conn: &Connection) -> Result<Vec<(String, bool, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.tgname::text, t.tgenabled <> 'D', p.prosrc
         FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_proc p ON p.oid = t.tgfoid
         WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? != 0, r.get(2)?)))?;
    Ok(rows.collect::<super::db::Result<_>>()?)
}

/// The schema's triggers missing, disabled or whose function differs, by name.
pub(super) fn damaged(conn: &Connection) -> Result<Vec<&'static str>> {
    let present = present(conn)?;
    let schema = schema();
    let body_of = |function: &str| schema.functions.iter().find(|f| f.name == function).map(|f| f.body);
    Ok(schema
        .triggers
        .iter()
        .filter(|t| {
            !present.iter().any(|(name, enabled, body)| {
                name == t.name && *enabled && body_of(t.function).is_some_and(|b| b == body)
            })
        })
        .map(|t| t.name)
        .collect())
}

/// Inside a write: puts back every damaged trigger (its function, then the
/// trigger). Returns the names put back. Needs the tables' owner: a role
/// that is not gets the server's refusal, naming the table.
pub(super) fn ensure(conn: &Connection) -> Result<Vec<&'static str>> {
    let damaged = damaged(conn)?;
    let schema = schema();
    for trigger in schema.triggers.iter().filter(|t| damaged.contains(&t.name)) {
        if let Some(function) = schema.functions.iter().find(|f| f.name == trigger.function) {
            conn.execute_batch(&function.create.replacen("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))?;
        }
        conn.execute_batch(&format!(
            "DROP TRIGGER IF EXISTS {} ON {}; {}",
            trigger.name, trigger.table, trigger.create
        ))?;
    }
    if !damaged.is_empty() {
        log::warn!("triggers missing, disabled or altered ({}); put back", damaged.join(", "));
    }
    Ok(damaged)
}

/// Triggers on the schema's tables that are not periop's, by name.
pub(super) fn foreign(conn: &Connection) -> Result<Vec<String>> {
    let schema = schema();
    Ok(present(conn)?
        .into_iter()
        .map(|(name, _, _)| name)
        .filter(|name| !schema.triggers.iter().any(|t| t.name == name))
        .collect())
}

/// What another program added to the ward's schema on the server, as
/// `check::foreign_objects` names it on a file (`table notes`, `trigger
/// x`, `view y`), sorted by kind then name: tables and views that
/// `pg_schema.sql` does not create, and triggers not its own.
pub(super) fn foreign_objects(conn: &Connection) -> Result<Vec<String>> {
    let ours = own_relations();
    let mut stmt = conn.prepare(
        "SELECT CASE WHEN c.relkind IN ('v', 'm') THEN 'view' ELSE 'table' END, c.relname::text
         FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
         AND c.relkind IN ('r', 'p', 'v', 'm', 'f')", // i18n: SQL
    )?;
    let relations: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<super::db::Result<_>>()?;
    let mut found: Vec<(String, String)> =
        relations.into_iter().filter(|(_, name)| !ours.contains(&name.as_str())).collect();
    found.extend(foreign(conn)?.into_iter().map(|name| ("trigger".to_string(), name))); // i18n: an object's kind, as on a file
    found.sort();
    let named = |(kind, name): (String, String)| format!("{kind} {}", super::error::shown_text(&name)); // i18n: as on a file
    Ok(found.into_iter().map(named).collect())
}

/// The tables and views `pg_schema.sql` creates, by name.
fn own_relations() -> Vec<&'static str> {
    super::schema::PG_SCHEMA
        .lines()
        .filter_map(|line| line.strip_prefix("CREATE TABLE ").or_else(|| line.strip_prefix("CREATE VIEW "))) // i18n: SQL
        .filter_map(|rest| rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_s_own_tables_are_known_by_name() {
        let ours = own_relations();
        for table in ["audit", "patients", "admissions", "patient_search", "audit_terms", "periop_meta"] {
            assert!(ours.contains(&table), "{table} in {ours:?}");
        }
    }

    #[test]
    fn every_trigger_of_the_schema_is_read_with_its_function() {
        let schema = schema();
        assert!(schema.triggers.len() >= 10, "{}", schema.triggers.len());
        for t in &schema.triggers {
            assert!(!t.table.is_empty() && t.create.ends_with(';'), "{}", t.name);
            let f = schema.functions.iter().find(|f| f.name == t.function);
            assert!(f.is_some_and(|f| f.create.trim_end().ends_with("$$;")), "{} -> {}", t.name, t.function);
        }
        for name in ["audit_is_append_only_update", "audit_is_append_only_delete", "implants_are_kept"] {
            assert!(schema.triggers.iter().any(|t| t.name == name), "{name}");
        }
    }
}
