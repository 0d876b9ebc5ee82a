//! Is this file whole? A quick look on every open, a full one on demand.

use super::db::Connection;
use super::error::{Result, StoreError};
use super::file_check::{self, Access, OpenGuard as FileGuard};
use super::schema;
use super::table::Table;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::OpenFlags;
use serde::Serialize;
use std::path::Path;

/// Cheap enough for every open: reads the schema pages and looks for our tables.
pub fn tables_present(conn: &Connection, path: &Path) -> Result<()> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?;
    let names: Vec<String> = stmt.query_map([], |row| row.get(0))?.collect::<super::db::Result<_>>()?;
    // A table added by a later schema is made by the upgrade that follows.
    let version: i64 = conn.schema_version()?;
    let missing: Vec<&str> = Table::ALL
        .iter()
        .filter(|t| t.since() <= version)
        .map(|t| t.name())
        .chain(["audit"])
        .filter(|t| !names.iter().any(|n| n == t))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        let detail = tr!("files-tables-missing", tables = missing.join(", ")).into_owned();
        Err(StoreError::Damaged { path: path.into(), detail })
    }
}

/// The tables every open reads first (who you are, the site's settings):
/// small, so checking their pages costs next to nothing.
const READ_AT_OPEN: [Table; 2] = [Table::Staff, Table::Settings];

/// Cheap enough for every open: SQLite's quick check of the small tables an
/// open relies on (a lookup that finds no row would not read them all).
pub fn open_tables_whole(conn: &Connection, path: &Path) -> Result<()> {
    for table in READ_AT_OPEN {
        let sql = format!("PRAGMA quick_check({})", table.name());
        let found: Vec<String> =
            conn.prepare(&sql)?.query_map([], |row| row.get(0))?.collect::<super::db::Result<_>>()?;
        if found != ["ok"] {
            let detail = tr!("files-table-damaged", table = table.name(), found = found.join("; ")).into_owned();
            return Err(StoreError::Damaged { path: path.into(), detail });
        }
    }
    Ok(())
}

/// Before the first write of a process: SQLite's quick check of every page
/// (b-tree structure, without matching each index against its table), so a
/// damaged file is refused before a save lands in it. It reads the whole
/// file once: measured in the README ("What periop guarantees").
///
/// SQLite's quick check runs FTS5's own check of each search index too:
/// damage found only there is [`StoreError::SearchDamaged`] (nothing is
/// saved until `periop reindex` mends it, which is let through), damage
/// anywhere else [`StoreError::Damaged`] (restore the latest backup).
pub fn whole_before_writing(conn: &Connection, path: &Path) -> Result<()> {
    let found: Vec<String> =
        conn.prepare("PRAGMA quick_check(20)")?.query_map([], |row| row.get(0))?.collect::<super::db::Result<_>>()?;
    let (rest, indexes) = split_index_lines(found);
    if rest != ["ok"] {
        // One line: SQLite heads its report with "*** in database main ***\n".
        let first = rest[0].replace("*** in database main ***", ""); // i18n: SQLite's own heading, taken out
        let first: Vec<&str> = first.split_whitespace().collect();
        let detail = tr!("files-quick-check", found = first.join(" ")).into_owned();
        return Err(StoreError::Damaged { path: path.into(), detail });
    }
    match indexes.first() {
        None => Ok(()),
        Some((index, line)) => Err(StoreError::SearchDamaged {
            path: path.into(),
            index,
            detail: tr!("files-quick-check-index", found = line.as_str()).into_owned(),
        }),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub schema_version: i64,
    pub known_version: i64,
    /// `ok`, or each problem SQLite's integrity check found.
    pub integrity: Vec<String>,
    pub foreign_key_problems: usize,
    /// Rows holding a code this program does not know: `admission #12,
    /// column state: "plannd"` (see `store::decode`).
    pub undecodable: Vec<String>,
    pub audit_rows: i64,
    /// Stored rows that break a rule the program enforces on entry, each
    /// naming the record (admission, bed, case, day), never a patient:
    /// R-PATH-6 (a stay's instants out of order, events in the future),
    /// R-PATH-4 (two patients in one bed the same night), R-BLOCK-3 (one
    /// operator in two cases at once), R-BLOCK-6 (two patients in one room
    /// at once, by their recorded times).
    pub findings: Vec<String>,
    /// R-AUDIT-3: the chain's breaks and gaps, and its head.
    pub chain: super::chain::ChainReport,
    /// R-AUDIT-3: data rows that differ from their last audit row.
    pub differences: Vec<String>,
    /// Append-only triggers missing or altered (the next save recreates them).
    pub triggers_damaged: Vec<String>,
    /// R-AUDIT-3: each earlier save that put them back (a note, kept for
    /// good: the log was open to edits before it; [`super::chain::triggers_put_back`]).
    pub triggers_put_back: Vec<String>,
    /// SQLite's `-wal`/`-shm` beside the file with another group or mode
    /// than the database's: the ward's other accounts cannot save
    /// ([`super::sidecars::not_shared`]).
    pub side_files: Vec<String>,
    /// Stored settings refused when read (their default is used instead).
    pub settings_refused: Vec<String>,
    /// Tables, views, indexes and triggers that are not periop's schema
    /// ([`foreign_objects`]): a trigger can change rows behind its back.
    pub foreign_objects: Vec<String>,
    /// R-AUDIT-3: where a search index (`patient_search`, `audit_search`,
    /// `audit_terms`) differs from the records or is damaged, each naming the
    /// index, what differs and the next step (`periop reindex`); see
    /// [`super::search_check`]. FTS5's own lines of the integrity check are
    /// here, not in `integrity`: rebuilding the index mends them.
    pub search_indexes: Vec<String>,
}

/// What `periop check` concludes about a file, from most to least serious.
/// Backup and restore take any file that is [`Report::file_whole`]: the
/// rest is said as a warning with its next step, never a reason to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Healthy,
    /// The file itself is damaged or was changed behind periop's back.
    Damaged,
    /// Whole, of an older schema: the next read-write open upgrades it.
    OlderSchema,
    /// Whole, but stored records break a clinical rule: correct each one.
    RulesBroken,
    /// The records are whole, but a search index differs from them or is
    /// damaged, so filters may miss records: rebuild it (`periop reindex`).
    SearchIndexes,
    /// Whole: side files, settings, triggers or objects to fix.
    SetupProblems,
}

impl Report {
    pub fn is_healthy(&self) -> bool {
        self.file_whole()
            && self.triggers_damaged.is_empty()
            && self.side_files.is_empty()
            && self.settings_refused.is_empty()
            && self.foreign_objects.is_empty()
            && self.search_indexes.is_empty()
            && self.schema_version == self.known_version
            && self.findings.is_empty()
    }

    /// The file itself is whole: SQLite's integrity check, every foreign
    /// key, every stored code readable, the audit chain unbroken, every data
    /// row matching its last audit row, and a schema this program can read
    /// (its own or an older one, which an open upgrades). The one notion of
    /// "whole" behind `check`'s verdict, `backup` and `restore`: stored rows
    /// that break a clinical rule, an older schema or a setup problem are
    /// the ward's to correct, and never a reason to stop copying its data.
    pub fn file_whole(&self) -> bool {
        self.integrity == ["ok"]
            && self.foreign_key_problems == 0
            && self.undecodable.is_empty()
            && self.chain.problems.is_empty()
            && self.differences.is_empty()
            && self.schema_version <= self.known_version
    }

    /// A faithful copy of the file can be trusted as a copy: SQLite's
    /// integrity check and the foreign keys pass, of a schema this program
    /// reads. What backup asks of its copy (found in use, #12: one row edited
    /// behind periop's back stopped every nightly backup, while the ward
    /// kept working on the file). Values it cannot read, a broken audit
    /// chain or rows that differ from the audit are copied as they are and
    /// warned about ([`Report::warnings`]), for someone to look into.
    pub fn copy_sound(&self) -> bool {
        self.integrity == ["ok"] && self.foreign_key_problems == 0 && self.schema_version <= self.known_version
    }

    pub fn verdict(&self) -> Verdict {
        if self.is_healthy() {
            Verdict::Healthy
        } else if !self.file_whole() {
            Verdict::Damaged
        } else if self.schema_version < self.known_version {
            Verdict::OlderSchema
        } else if !self.findings.is_empty() {
            Verdict::RulesBroken
        } else if !self.search_indexes.is_empty() {
            Verdict::SearchIndexes
        } else {
            Verdict::SetupProblems
        }
    }

    /// What a whole file that is not healthy still needs, one line each with
    /// its next step (empty when healthy), as `backup` and `restore` warn.
    /// Names records by number, never a patient (R-PRIV-1).
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.undecodable.is_empty() {
            let example = self.undecodable[0].to_string();
            out.push(tr!("store-warn-undecodable", count = self.undecodable.len(), example = example).into_owned());
        }
        if !self.chain.problems.is_empty() || !self.differences.is_empty() {
            let (breaks, rows) = (self.chain.problems.len(), self.differences.len());
            out.push(tr!("store-warn-audit", breaks = breaks, rows = rows).into_owned());
        }
        if self.schema_version < self.known_version {
            let (schema, known) = (self.schema_version, self.known_version);
            out.push(tr!("store-warn-old-schema", schema = schema, known = known).into_owned());
        }
        if !self.findings.is_empty() {
            let example = self.findings[0].as_str();
            out.push(tr!("store-warn-findings", count = self.findings.len(), example = example).into_owned());
        }
        if !self.search_indexes.is_empty() {
            let example = self.search_indexes[0].as_str();
            out.push(tr!("store-warn-search", count = self.search_indexes.len(), example = example).into_owned());
        }
        if !self.settings_refused.is_empty() {
            out.push(tr!("store-warn-settings", count = self.settings_refused.len()).into_owned());
        }
        if !self.triggers_damaged.is_empty() {
            out.push(tr!("store-warn-triggers", triggers = self.triggers_damaged.join(", ")).into_owned());
        }
        if !self.foreign_objects.is_empty() {
            out.push(tr!("store-warn-foreign", objects = self.foreign_objects.join(", ")).into_owned());
        }
        if !self.side_files.is_empty() {
            out.push(tr!("store-warn-side-files", count = self.side_files.len()).into_owned());
        }
        out
    }
}

/// The full check behind `periop check`: reads every page.
pub fn full(conn: &Connection) -> Result<Report> {
    if conn.dialect() == super::db::Dialect::Postgres {
        return full_on_server(conn);
    }
    let schema_version = conn.schema_version()?;
    let mut stmt = conn.prepare("PRAGMA integrity_check(20)")?;
    let lines = stmt.query_map([], |row| row.get::<_, String>(0))?.collect::<super::db::Result<Vec<_>>>()?;
    let (integrity, fts5_lines) = split_index_lines(lines);
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let foreign_key_problems = stmt.query_map([], |_| Ok(()))?.count();
    let undecodable = super::decode::undecodable_rows(conn)?.iter().map(ToString::to_string).collect();
    let audit_rows = conn.query_row("SELECT count(*) FROM audit", [], |row| row.get(0))?;
    let foreign_objects = if schema_version == schema::VERSION { foreign_objects(conn)? } else { Vec::new() };
    // In ward time once the settings are read (`full_at`); UTC here.
    let triggers_put_back = if schema_version == schema::VERSION {
        super::chain::triggers_put_back(conn, chrono_tz::UTC)?
    } else {
        Vec::new()
    };
    let (chain, differences, triggers_damaged) = if schema_version == schema::VERSION {
        let damaged = super::chain::damaged_triggers(conn)?.into_iter().map(String::from).collect();
        (super::chain::verify(conn)?, super::chain::reconcile(conn)?, damaged)
    } else {
        // An older file has no chain yet: the first read-write open upgrades it.
        (super::chain::ChainReport { rows: audit_rows, ..Default::default() }, Vec::new(), Vec::new())
    };
    // An older file's indexes are built again by its upgrade.
    let search_indexes =
        if schema_version == schema::VERSION { super::search_check::problems(conn, &fts5_lines)? } else { Vec::new() };
    Ok(Report {
        schema_version,
        known_version: schema::VERSION,
        integrity,
        foreign_key_problems,
        undecodable,
        audit_rows,
        chain,
        differences,
        triggers_damaged,
        triggers_put_back,
        foreign_objects,
        search_indexes,
        side_files: Vec::new(),
        settings_refused: Vec::new(),
        findings: Vec::new(),
    })
}

/// [`full`] on a PostgreSQL server: the audit chain, the rows against
/// their audit images, the triggers and the stored codes, as on a file.
/// The pages are the server's to check (data checksums, `amcheck`, README
/// "PostgreSQL"), its foreign keys always enforced, its text always UTF-8,
/// its search index plain tables: those lines say `ok`.
fn full_on_server(conn: &Connection) -> Result<Report> {
    let audit_rows = conn.query_row("SELECT count(*) FROM audit", [], |row| row.get(0))?;
    Ok(Report {
        schema_version: conn.schema_version()?,
        known_version: schema::VERSION,
        integrity: vec!["ok".to_string()],
        foreign_key_problems: 0,
        undecodable: super::decode::undecodable_rows(conn)?.iter().map(ToString::to_string).collect(),
        audit_rows,
        chain: super::chain::verify(conn)?,
        differences: super::chain::reconcile(conn)?,
        triggers_damaged: super::chain::damaged_triggers(conn)?.into_iter().map(String::from).collect(),
        triggers_put_back: super::chain::triggers_put_back(conn, chrono_tz::UTC)?,
        foreign_objects: foreign_on_server(conn)?,
        search_indexes: super::search_check::problems_on_server(conn)?,
        side_files: Vec::new(),
        settings_refused: Vec::new(),
        findings: Vec::new(),
    })
}

#[cfg(feature = "postgres")]
fn foreign_on_server(conn: &Connection) -> Result<Vec<String>> {
    super::server_triggers::foreign_objects(conn)
}

#[cfg(not(feature = "postgres"))]
fn foreign_on_server(_: &Connection) -> Result<Vec<String>> {
    Err(StoreError::NoPostgres)
}

/// SQLite's integrity check, without the lines FTS5 wrote about a search
/// index (returned apart, with the index): `["ok"]` when only those were found.
fn split_index_lines(lines: Vec<String>) -> (Vec<String>, Vec<(&'static str, String)>) {
    let mut rest = Vec::new();
    let mut indexes = Vec::new();
    for line in lines {
        match super::search_check::index_of_integrity_line(&line) {
            Some(index) => indexes.push((index, line)),
            None => rest.push(line),
        }
    }
    if rest.is_empty() {
        rest.push("ok".to_string());
    }
    (rest, indexes)
}

/// Every object of the file's schema (`type name`, e.g. `trigger x`) that a
/// new file of this version does not have: added by another program. A
/// trigger may rewrite rows as periop saves them, a view may mislead a
/// reader; periop never makes either, so each is named for removal.
pub fn foreign_objects(conn: &Connection) -> Result<Vec<String>> {
    let ours = Connection::open_in_memory()?;
    ours.execute_batch(schema::SCHEMA)?;
    let names = |conn: &Connection| -> Result<Vec<(String, String)>> {
        let mut stmt = conn.prepare("SELECT type, name FROM sqlite_schema ORDER BY type, name")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<super::db::Result<_>>()?;
        Ok(rows)
    };
    let expected = names(&ours)?;
    Ok(names(conn)?
        .into_iter()
        .filter(|object| !expected.contains(object))
        .map(|(kind, name)| format!("{kind} {}", crate::store::error::shown_text(&name)))
        .collect())
}

/// The stored-data checks (see [`Report::findings`]) at `now`, in the ward's `zone`.
pub fn findings(conn: &Connection, now: DateTime<Utc>, zone: Tz) -> Result<Vec<String>> {
    let mut out = super::stay_order::findings(conn, now, zone)?;
    out.extend(super::beds::overlaps(conn, crate::domain::ward_time::local_day(now, zone), zone)?);
    let (settings, _) = super::settings::load(conn)?;
    out.extend(super::block::findings(conn, now, &settings)?);
    out.extend(super::in_use::findings(conn, now, zone)?);
    out.extend(super::case_events::findings(conn, now, zone)?);
    out.extend(super::room_occupation::findings(conn, zone)?);
    Ok(out)
}

/// The file at `path`, then (when whole) the stored data against the rules at `now`.
fn full_at(conn: &Connection, path: Option<&Path>, now: DateTime<Utc>) -> Result<Report> {
    let mut report = full(conn)?;
    report.side_files = path.map(super::sidecars::not_shared).unwrap_or_default();
    // The rules read the rows as the screens do: a value that does not
    // read back (listed in `undecodable`) would stop them at the first row.
    if report.integrity == ["ok"] && report.schema_version == schema::VERSION && report.undecodable.is_empty() {
        let (settings, bad) = super::settings::load(conn)?;
        report.settings_refused = super::refused(bad);
        report.findings = findings(conn, now, settings.zone())?;
        report.triggers_put_back = super::chain::triggers_put_back(conn, settings.zone())?;
    }
    Ok(report)
}

impl super::Store {
    /// The full check on this store's own (read-write) connection, at `now`.
    pub fn check(&self, now: DateTime<Utc>) -> Result<Report> {
        full_at(self.conn(), self.location().file(), now)
    }
}

/// `periop check`: opens `path` read-only and runs the full check. Changes
/// nothing: no upgrade, no account registered, no checkpoint (a read-only
/// connection cannot write the WAL into the file, nor delete it on close).
/// SQLite may create the shared-memory index `-shm` beside a file whose
/// `-wal` was left by a crash; the database and its `-wal` stay byte for byte.
///
/// Errors: every refusal of [`super::Store::open`] (missing, not ours,
/// damaged, too new), except that the file need not be writable.
/// The stored-data checks run at `now` (the one clock).
pub fn check_file(path: &Path, now: DateTime<Utc>) -> Result<Report> {
    let (conn, _guard) = open_read_only(path)?;
    full_at(&conn, Some(path), now).map_err(|e| super::damaged(path, e))
}

/// `periop check` on the database at `location`: [`check_file`] for a
/// file; on PostgreSQL the same checks over a connection of its own, which
/// writes nothing. Errors: those of opening it.
pub fn check_location(location: &super::Location, now: DateTime<Utc>) -> Result<Report> {
    match location {
        super::Location::File(path) => check_file(path, now),
        #[cfg(feature = "postgres")]
        super::Location::Postgres(url) => {
            let conn = super::server::connect(location, url)?;
            match conn.schema_version()? {
                0 => Err(StoreError::NoSchema(location.shown())),
                _ => full_at(&conn, None, now),
            }
        }
        #[cfg(not(feature = "postgres"))]
        super::Location::Postgres(_) => Err(StoreError::NoPostgres),
    }
}

/// Opens an existing periop file read-only, after the same checks as a
/// read-write open. The guard must live as long as the connection.
pub(crate) fn open_read_only(path: &Path) -> Result<(Connection, FileGuard)> {
    let (header, guard) = file_check::check_existing_for(path, Access::Read)?;
    if let Some(header) = header
        && header.user_version > schema::VERSION
    {
        return Err(StoreError::TooNew { path: path.into(), found: header.user_version, known: schema::VERSION });
    }
    let damaged = |e| super::damaged(path, e);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_sqlite(path, flags).map_err(|e| damaged(e.into()))?;
    conn.busy_timeout(schema::BUSY_TIMEOUT).map_err(|e| damaged(e.into()))?;
    file_check::confirm_ours(&conn, path).map_err(damaged)?;
    tables_present(&conn, path).map_err(damaged)?;
    super::sidecars::share_like_database(path);
    Ok((conn, guard))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_periops_tables_is_refused_in_the_language_in_force() {
        let conn = Connection::open_in_memory().unwrap();
        let (en, fr) = crate::i18n::in_both(|| tables_present(&conn, Path::new("w.db")).unwrap_err().to_string());
        assert!(en.starts_with("w.db: the database is damaged (tables missing: "), "{en}");
        assert!(fr.starts_with("w.db\u{a0}: la base est endommagée (tables manquantes\u{a0}: "), "{fr}");
        assert!(!fr.contains("missing"), "{fr}");
    }
}
