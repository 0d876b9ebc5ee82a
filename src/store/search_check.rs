//! R-AUDIT-3 for the search indexes: does each one still say what the
//! records say? Someone with write access can delete or add rows in
//! `patient_search`, `audit_search`, their shadow tables or `audit_terms`,
//! or flip bytes in an FTS5 segment; a filter would then miss a patient or
//! an audit row without a word. `periop check` compares, read-only:
//!
//! - both indexes with FTS5's own integrity check (`PRAGMA integrity_check`
//!   runs it for every FTS5 table; its lines are taken from `integrity` and
//!   said here, since rebuilding the index mends them);
//! - `patient_search`: every patient's indexed words equal
//!   [`super::search::patient_doc`] of the row, and no entry is for no patient;
//! - `audit_search` (contentless, so its words cannot be read back): a copy of
//!   its shadow tables is checked by FTS5 against the words each audit row
//!   gives ([`super::search::audit_doc`], its writer named as they were
//!   then: [`ActorNames`]), through a TEMP view, so every entry
//!   of the index and of its prefix indexes is counted (FTS5's checksum);
//!   audit rows missing from it or extra in it are named by id;
//! - `audit_terms` against the words of every audit row.
//!
//! Nothing is written to the file: the copy and the view live in the
//! connection's TEMP schema and are dropped before returning. Each finding
//! names the index, what differs (records by number, never a patient's
//! words, R-PRIV-1) and the next step (`files-search-next-step`, the
//! same in every finding), in the language in force.
//! Cost on a `demo --years 10` file: README, "What periop guarantees".

use super::db::types::ValueRef;
use super::db::{Connection, ErrorCode};
use super::error::{Result, StoreError};
use super::search::{ActorNames, audit_doc, patient_doc, terms};
use rusqlite::functions::{Context, FunctionFlags};
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

/// periop's FTS5 tables (their shadow tables are named after them).
pub const INDEXES: [&str; 2] = ["audit_search", "patient_search"];

/// How many records one finding names before it counts the rest.
const NAMED: usize = 10;

/// The search index a line of `PRAGMA integrity_check` is about, when FTS5
/// wrote it about one of [`INDEXES`] (`malformed inverted index for FTS5
/// table main.patient_search`, `fts5: corruption found reading blob … from
/// table "audit_search"`). Damage to the file's pages is not such a line.
pub fn index_of_integrity_line(line: &str) -> Option<&'static str> {
    if !line.to_ascii_lowercase().contains("fts5") {
        return None;
    }
    INDEXES.into_iter().find(|index| line.contains(&format!("main.{index}")) || line.contains(&format!("\"{index}\"")))
}

/// Every difference between the search indexes and the records, one line
/// each (empty when they agree). `fts5_lines` are the lines of SQLite's
/// integrity check that FTS5 wrote about an index ([`index_of_integrity_line`]).
/// Read-only. Errors: SQLite errors other than damage (damage met while
/// comparing is a finding).
pub fn problems(conn: &Connection, fts5_lines: &[(&'static str, String)]) -> Result<Vec<String>> {
    let mut out: Vec<String> = fts5_lines
        .iter()
        .map(|(index, line)| tr!("files-search-fts5", index = *index, line = line.as_str()).into_owned())
        .collect();
    out.extend(unreadable_as_finding("patient_search", patients(conn))?);
    let terms = Arc::new(Mutex::new(Words::default()));
    let audit = unreadable_as_finding("audit_search", audit(conn, &terms));
    let cleanup = drop_temp(conn);
    out.extend(audit?);
    cleanup?;
    let words = std::mem::take(&mut *terms.lock().unwrap_or_else(|e| e.into_inner()));
    out.extend(unreadable_as_finding("audit_terms", audit_terms(conn, &words))?);
    Ok(out)
}

/// [`problems`] on a PostgreSQL server, where the indexes are plain tables
/// (`pg_schema.sql`): `patient_search` (the document and its `tsvector`)
/// and `audit_search` (a `tsvector` per audit row) against the words
/// [`patient_doc`] and [`audit_doc`] give, compared by the server
/// (`tsvector` equality) a batch of records at a time; `audit_terms` as on
/// a file. Read-only. Errors: the server's.
pub fn problems_on_server(conn: &Connection) -> Result<Vec<String>> {
    let mut out = patients_on_server(conn)?;
    let mut words = Words::default();
    out.extend(audit_on_server(conn, &mut words)?);
    out.extend(audit_terms(conn, &words)?);
    Ok(out)
}

/// How many expected documents go to the server in one comparison.
const BATCH: usize = 2_000;

/// The ids among `expected` (id, space-separated lexemes) whose row of
/// `table` has another `tsvector` (a row missing from `table` is not
/// named here). `table` is one of [`INDEXES`].
fn tsv_differs(conn: &Connection, table: &str, expected: &[(i64, String)]) -> Result<Vec<i64>> {
    let sql = format!(
        "SELECT s.id FROM jsonb_to_recordset(CAST(CAST(?1 AS TEXT) AS jsonb)) AS e(id BIGINT, terms TEXT)          JOIN {table} s ON s.id = e.id          WHERE s.tsv <> array_to_tsvector(string_to_array(e.terms, ' ')) ORDER BY s.id" // i18n: SQL
    );
    let mut differ = Vec::new();
    for batch in expected.chunks(BATCH) {
        let json: Vec<serde_json::Value> =
            batch.iter().map(|(id, terms)| serde_json::json!({ "id": id, "terms": terms })).collect();
        let json = serde_json::Value::Array(json).to_string();
        let mut stmt = conn.prepare(&sql)?;
        differ.extend(stmt.query_map([json], |r| r.get::<_, i64>(0))?.collect::<super::db::Result<Vec<_>>>()?);
    }
    Ok(differ)
}

/// The ids of `sql` (one column).
fn ids_of(conn: &Connection, sql: &str) -> Result<Vec<i64>> {
    Ok(conn.prepare(sql)?.query_map([], |r| r.get(0))?.collect::<super::db::Result<_>>()?)
}

/// `patient_search` on a server: missing, different (document or words), extra.
fn patients_on_server(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.surname, p.first_name, p.hospital_number, s.doc, s.id IS NOT NULL
         FROM patients p LEFT JOIN patient_search s ON s.id = p.id ORDER BY p.id",
    )?;
    let mut rows = stmt.query([])?;
    let (mut missing, mut different, mut expected) = (Vec::new(), Vec::new(), Vec::new());
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if !r.get::<_, bool>(5)? {
            missing.push(id);
            continue;
        }
        let doc = patient_doc(&r.get::<_, String>(1)?, &r.get::<_, String>(2)?, &r.get::<_, String>(3)?);
        if r.get::<_, Option<String>>(4)?.as_deref() != Some(doc.as_str()) {
            different.push(id);
        }
        expected.push((id, super::search::distinct_terms(&doc).join(" ")));
    }
    drop(rows);
    drop(stmt);
    different.extend(tsv_differs(conn, "patient_search", &expected)?);
    different.sort_unstable();
    different.dedup();
    let extra = ids_of(conn, "SELECT id FROM patient_search WHERE id NOT IN (SELECT id FROM patients) ORDER BY id")?;
    Ok(patient_findings(&missing, &different, &extra))
}

/// `audit_search` on a server: every audit row's words, gathered into
/// `words` for [`audit_terms`]; rows missing, extra, or indexed under
/// other words.
fn audit_on_server(conn: &Connection, words: &mut Words) -> Result<Vec<String>> {
    let names = ActorNames::read(conn)?;
    let mut stmt =
        conn.prepare("SELECT id, actor_id, table_name, row_id, action, before, after FROM audit ORDER BY id")?;
    let mut rows = stmt.query([])?;
    let mut expected = Vec::new();
    while let Some(r) = rows.next()? {
        let (id, actor_id): (i64, i64) = (r.get(0)?, r.get(1)?);
        let (actor, account) = names.at(actor_id, id);
        let before: Option<String> = r.get(5)?;
        let doc = audit_doc(
            actor,
            account,
            &r.get::<_, String>(2)?,
            r.get(3)?,
            &r.get::<_, String>(4)?,
            before.as_deref(),
            &r.get::<_, String>(6)?,
        );
        let lexemes = super::search::distinct_terms(&doc);
        words.terms.extend(lexemes.iter().cloned());
        words.rows += 1;
        expected.push((id, lexemes.join(" ")));
    }
    drop(rows);
    drop(stmt);
    let differ = tsv_differs(conn, "audit_search", &expected)?;
    let missing = ids_of(conn, "SELECT id FROM audit WHERE id NOT IN (SELECT id FROM audit_search) ORDER BY id")?;
    let extra = ids_of(conn, "SELECT id FROM audit_search WHERE id NOT IN (SELECT id FROM audit) ORDER BY id")?;
    let mut out = Vec::new();
    if !missing.is_empty() {
        out.push(tr!("files-search-audit-missing", records = listed(Noun::Audit, &missing)).into_owned());
    }
    if !extra.is_empty() {
        out.push(tr!("files-search-audit-extra", records = listed(Noun::Entry, &extra)).into_owned());
    }
    if !differ.is_empty() {
        out.push(tr!("files-search-audit-differs").into_owned());
    }
    Ok(out)
}

/// `patient_search`'s findings: patients missing from it, indexed under
/// other words, and entries for no patient (each list by id).
fn patient_findings(missing: &[i64], different: &[i64], extra: &[i64]) -> Vec<String> {
    let mut out = Vec::new();
    if !missing.is_empty() {
        out.push(tr!("files-search-patients-missing", records = listed(Noun::Patient, missing)).into_owned());
    }
    if !different.is_empty() {
        out.push(tr!("files-search-patients-different", records = listed(Noun::Patient, different)).into_owned());
    }
    if !extra.is_empty() {
        out.push(tr!("files-search-patients-extra", records = listed(Noun::Entry, extra)).into_owned());
    }
    out
}

/// Damage met while reading an index is a finding about it, not a failed check.
fn unreadable_as_finding(index: &str, found: Result<Vec<String>>) -> Result<Vec<String>> {
    match found {
        Err(StoreError::Database(e))
            if matches!(e.code(), Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)) =>
        {
            Ok(vec![tr!("files-search-unreadable", index = index, error = e.to_string()).into_owned()])
        }
        other => other,
    }
}

/// The records a finding names.
#[derive(Clone, Copy)]
enum Noun {
    Patient,
    Audit,
    Entry,
}

/// `patient #3, #7` or `patient #1, … #10 and 4 more`.
fn listed(noun: Noun, ids: &[i64]) -> String {
    let shown: Vec<String> = ids.iter().take(NAMED).map(|id| format!("#{id}")).collect();
    let more = ids.len().saturating_sub(NAMED);
    let more = if more > 0 { tr!("files-search-more", count = more) } else { "".into() };
    let noun = match noun {
        Noun::Patient => tr!("files-search-patient"),
        Noun::Audit => tr!("files-search-audit"),
        Noun::Entry => tr!("files-search-entry"),
    };
    tr!("files-search-records", noun = noun, ids = shown.join(", "), more = more).into_owned()
}

/// `patient_search` against the patients: missing, different, extra.
fn patients(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.surname, p.first_name, p.hospital_number, s.doc, s.rowid IS NOT NULL
         FROM patients p LEFT JOIN patient_search s ON s.rowid = p.id ORDER BY p.id",
    )?;
    let mut rows = stmt.query([])?;
    let (mut missing, mut different) = (Vec::new(), Vec::new());
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if !r.get::<_, bool>(5)? {
            missing.push(id);
            continue;
        }
        let field = |i: usize| super::rows::lossy(r.get_ref(i).unwrap_or(ValueRef::Null)).unwrap_or_default();
        if super::rows::lossy(r.get_ref(4)?) != Some(patient_doc(&field(1), &field(2), &field(3))) {
            different.push(id);
        }
    }
    let extra: Vec<i64> = conn
        .prepare("SELECT rowid FROM patient_search WHERE rowid NOT IN (SELECT id FROM patients) ORDER BY rowid")?
        .query_map([], |r| r.get(0))?
        .collect::<super::db::Result<_>>()?;
    Ok(patient_findings(&missing, &different, &extra))
}

/// The words of every audit row, gathered as FTS5 reads the TEMP view.
#[derive(Default)]
struct Words {
    terms: BTreeSet<String>,
    /// Audit rows read: the view is read again if FTS5 stopped early.
    rows: u64,
}

/// The TEMP objects the comparison makes (dropped by [`drop_temp`]): the
/// words each audit row gives, and an FTS5 table of `audit_search`'s
/// options whose index is a copy of `audit_search`'s, its content the view.
const TEMP_COPY: &str = "
DROP TABLE IF EXISTS temp.periop_audit_copy;
DROP VIEW IF EXISTS temp.periop_audit_docs;
CREATE TEMP VIEW periop_audit_docs AS
    SELECT a.id AS id,
           periop_audit_doc(a.id, a.actor_id, a.table_name, a.row_id, a.action, a.before, a.after) AS doc
    FROM audit a JOIN staff s ON s.id = a.actor_id;
CREATE VIRTUAL TABLE temp.periop_audit_copy USING fts5(
    doc, content = 'periop_audit_docs', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
DELETE FROM temp.periop_audit_copy_data;
DELETE FROM temp.periop_audit_copy_idx;
DELETE FROM temp.periop_audit_copy_docsize;
DELETE FROM temp.periop_audit_copy_config;
INSERT INTO temp.periop_audit_copy_data SELECT * FROM main.audit_search_data;
INSERT INTO temp.periop_audit_copy_idx SELECT * FROM main.audit_search_idx;
INSERT INTO temp.periop_audit_copy_docsize SELECT * FROM main.audit_search_docsize;
INSERT INTO temp.periop_audit_copy_config SELECT * FROM main.audit_search_config;
";

/// `audit_search` against the audit rows (see the module's doc).
fn audit(conn: &Connection, words: &Arc<Mutex<Words>>) -> Result<Vec<String>> {
    let gathered = words.clone();
    let names = ActorNames::read(conn)?;
    // Not deterministic: it gathers the words as a side effect.
    conn.file("periop_audit_doc")?.create_scalar_function(
        "periop_audit_doc",
        7,
        FunctionFlags::SQLITE_UTF8,
        move |ctx: &Context<'_>| {
            let field = |i: usize| ctx.get_raw(i).into();
            let text = |i: usize| super::rows::lossy(field(i));
            let number = |i: usize| match field(i) {
                ValueRef::Integer(n) => n,
                _ => i64::MIN,
            };
            let (actor, account) = names.at(number(1), number(0));
            let doc = audit_doc(
                actor,
                account,
                &text(2).unwrap_or_default(),
                number(3),
                &text(4).unwrap_or_default(),
                text(5).as_deref(),
                &text(6).unwrap_or_default(),
            );
            let mut words = gathered.lock().unwrap_or_else(|e| e.into_inner());
            words.terms.extend(terms(&doc));
            words.rows += 1;
            Ok(doc)
        },
    )?;
    conn.execute_batch(TEMP_COPY)?;
    let checked =
        conn.execute("INSERT INTO temp.periop_audit_copy (periop_audit_copy, rank) VALUES ('integrity-check', 1)", []);
    let audit_rows: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))?;
    let audit_rows = audit_rows.unsigned_abs();
    if words.lock().unwrap_or_else(|e| e.into_inner()).rows < audit_rows {
        // FTS5 stopped at the first difference: read every row's words.
        conn.query_row("SELECT count(doc) FROM temp.periop_audit_docs", [], |_| Ok(()))?;
    }
    match checked {
        Ok(_) => return Ok(Vec::new()),
        Err(e) if e.code() == Some(ErrorCode::DatabaseCorrupt) => {}
        Err(e) => return Err(e.into()),
    }
    let ids = |sql: &str| -> Result<Vec<i64>> {
        Ok(conn.prepare(sql)?.query_map([], |r| r.get(0))?.collect::<super::db::Result<_>>()?)
    };
    let missing = ids("SELECT id FROM audit WHERE id NOT IN (SELECT id FROM main.audit_search_docsize) ORDER BY id")?;
    let extra = ids("SELECT id FROM main.audit_search_docsize WHERE id NOT IN (SELECT id FROM audit) ORDER BY id")?;
    let mut out = Vec::new();
    if !missing.is_empty() {
        out.push(tr!("files-search-audit-missing", records = listed(Noun::Audit, &missing)).into_owned());
    }
    if !extra.is_empty() {
        out.push(tr!("files-search-audit-extra", records = listed(Noun::Entry, &extra)).into_owned());
    }
    if out.is_empty() {
        out.push(tr!("files-search-audit-differs").into_owned());
    }
    Ok(out)
}

/// Drops what [`audit`] made, whatever it got to.
fn drop_temp(conn: &Connection) -> Result<()> {
    conn.execute_batch("DROP TABLE IF EXISTS temp.periop_audit_copy; DROP VIEW IF EXISTS temp.periop_audit_docs;")?;
    conn.file("periop_audit_doc")?.remove_function("periop_audit_doc", 7)?;
    Ok(())
}

/// `audit_terms` against the words of every audit row: counted, never
/// shown (a word may be a patient's name, R-PRIV-1).
fn audit_terms(conn: &Connection, words: &Words) -> Result<Vec<String>> {
    let stored: BTreeSet<String> = conn
        .prepare("SELECT term FROM audit_terms")?
        .query_map([], |r| Ok(super::rows::lossy(r.get_ref(0)?).unwrap_or_default()))?
        .collect::<super::db::Result<_>>()?;
    let missing = words.terms.difference(&stored).count();
    let extra = stored.difference(&words.terms).count();
    let mut out = Vec::new();
    if missing > 0 {
        out.push(tr!("files-search-terms-missing", count = missing).into_owned());
    }
    if extra > 0 {
        out.push(tr!("files-search-terms-extra", count = extra).into_owned());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts5_lines_of_the_integrity_check_name_their_index_and_page_damage_does_not() {
        assert_eq!(
            index_of_integrity_line("malformed inverted index for FTS5 table main.patient_search"),
            Some("patient_search")
        );
        assert_eq!(
            index_of_integrity_line("fts5: corruption found reading blob 824633720847 from table \"audit_search\""),
            Some("audit_search")
        );
        assert_eq!(index_of_integrity_line("Tree 45 page 1234 cell 3: Rowid 9 out of order"), None);
    }

    #[test]
    fn a_finding_names_ten_records_then_counts_the_rest() {
        assert_eq!(listed(Noun::Patient, &[3, 7]), "patient #3, #7");
        let many: Vec<i64> = (1..=13).collect();
        assert_eq!(listed(Noun::Audit, &many), "audit #1, #2, #3, #4, #5, #6, #7, #8, #9, #10 and 3 more");
    }

    /// Patients 1 and 2 in a new file's schema, only 1 indexed, and an
    /// index entry for no patient.
    fn a_patient_missing_from_the_index() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::store::schema::SCHEMA).unwrap();
        conn.execute_batch(
            "INSERT INTO patients (id, surname, first_name, birth_date, sex, hospital_number)
             VALUES (1, 'Martin', 'Anne', '1970-01-01', 'F', 'H1'), (2, 'Durand', 'Paul', '1960-01-01', 'M', 'H2');",
        )
        .unwrap();
        conn.execute(
            "INSERT INTO patient_search (rowid, doc) VALUES (1, ?1), (99, 'x')",
            [patient_doc("Martin", "Anne", "H1")],
        )
        .unwrap();
        conn
    }

    #[test]
    fn the_findings_about_the_search_indexes_are_in_the_language_in_force() {
        let conn = a_patient_missing_from_the_index();
        let (en, fr) = crate::i18n::in_both(|| patients(&conn).unwrap().join("\n"));
        assert!(en.starts_with("patient_search: patient #2 not in it (a filter by name or number"), "{en}");
        assert!(en.contains("patient_search: entry #99 for no patient; an admin rebuilds the search indexes"), "{en}");
        assert!(fr.starts_with("patient_search\u{a0}: il y manque patient #2 (un filtre par nom"), "{fr}");
        assert!(fr.contains("entrée #99 sans aucun patient\u{a0}; un admin reconstruit les index"), "{fr}");
        assert!(!fr.contains("not in it") && !fr.contains("rebuilds"), "{fr}");

        let words = Words { terms: ["alpha", "beta"].map(String::from).into(), rows: 2 };
        let (en, fr) = crate::i18n::in_both(|| audit_terms(&conn, &words).unwrap().join("\n"));
        assert!(en.starts_with("audit_terms: 2 word(s) of the audit rows missing"), "{en}");
        assert!(fr.starts_with("audit_terms\u{a0}: 2 mots des lignes d'audit manquent (un mot tapé"), "{fr}");
        let one = Words { terms: ["alpha"].map(String::from).into(), rows: 1 };
        let fr = crate::i18n::in_both(|| audit_terms(&conn, &one).unwrap().join("\n")).1;
        assert!(fr.starts_with("audit_terms\u{a0}: 1 mot des lignes d'audit manque ("), "{fr}");

        let many: Vec<i64> = (1..=13).collect();
        let (_, fr) = crate::i18n::in_both(|| listed(Noun::Audit, &many));
        assert_eq!(fr, "audit #1, #2, #3, #4, #5, #6, #7, #8, #9, #10 et 3 autres");
        assert_eq!(crate::i18n::in_both(|| listed(Noun::Entry, &[4])).1, "entrée #4");
    }
}
