//! Full-text search (SQLite FTS5): what users type into a filter is looked up
//! in an index, never matched with `LIKE '%…%'` against every row of history.
//!
//! Two indexes, both in `schema.sql` and kept in step by the write path
//! (`store/write.rs`), in the same transaction as the row they describe:
//! - `audit_search`: one document per audit row (who, the table and row, the
//!   action, each changed field with its before and after), rowid = audit id.
//!   Contentless: the audit log is append-only, so the index only grows.
//! - `patient_search`: one document per patient (surname, first name,
//!   hospital number), rowid = patient id, rewritten on each save.
//!
//! Both fold case and accents in the tokenizer (`unicode61 remove_diacritics
//! 2`), and queries are folded by [`names::folded`] first, so `helene` finds
//! `Hélène` as the name filter always did. Each typed word matches the start
//! of a word (`merc` finds MERCIER); every word must match. User text never
//! reaches FTS5's query syntax: each word is one quoted phrase, so `"`,
//! `AND(` or `NEAR` are searched as text, never parsed.

use super::db::{Connection, Dialect, params};
use super::error::{Result, StoreError};
use super::table::Table;
use crate::domain::names;

/// The SQL that creates both indexes (also the 3 → 4 upgrade step's SQL; a
/// shipped step is frozen, so a later change to the index is a new step).
pub const INDEXES_V5: &str = "
CREATE VIRTUAL TABLE audit_search USING fts5(
    doc, content = '', tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
CREATE VIRTUAL TABLE patient_search USING fts5(
    doc, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');
CREATE TABLE audit_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
";

/// The longest prefix `audit_search` keeps an index for (its `prefix` option).
const INDEXED_PREFIX: usize = 3;

/// A longer prefix starting more whole words than this is asked as a prefix.
const MOST_WORDS: usize = 64;

/// The words of `text` as the indexes split and fold them: runs of letters
/// and digits, without case or accents.
pub fn terms(text: &str) -> Vec<String> {
    names::folded(text).split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(String::from).collect()
}

/// The FTS5 query for the Audit filter: every word of `text` required, each
/// matching the start of a word. A word up to [`INDEXED_PREFIX`] letters is
/// a prefix query (the prefix index answers it); a longer one becomes the
/// whole words of the log it starts (`admi` → `admin OR admission OR
/// admitted…`), which FTS5 reads newest first and stops at the page, where a
/// bare prefix would merge every match in history first (tens of ms for a
/// word in most rows). `None` when nothing in `text` is searchable.
pub fn audit_query(conn: &Connection, text: &str) -> Result<Option<String>> {
    // The word list runs in the index's own order (`COLLATE "C"` on
    // PostgreSQL, as SQLite's binary order), so `term < term || MAX` is
    // every word `term` starts.
    let mut words = conn.prepare_cached("SELECT term FROM audit_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3")?;
    let mut parts = Vec::new();
    for term in terms(text) {
        if term.chars().count() <= INDEXED_PREFIX {
            parts.push(Part::Prefix(term));
            continue;
        }
        let end = format!("{term}{}", char::MAX);
        let whole: Vec<String> = words
            .query_map(params![term, end, MOST_WORDS as i64 + 1], |r| r.get(0))?
            .collect::<super::db::Result<_>>()?;
        if whole.is_empty() || whole.len() > MOST_WORDS {
            parts.push(Part::Prefix(term));
        } else {
            parts.push(Part::AnyOf(whole));
        }
    }
    Ok(render(&parts, conn.dialect()))
}

/// One required part of a search: a word's start, or any of whole words.
enum Part {
    Prefix(String),
    AnyOf(Vec<String>),
}

/// The query for `parts`, all required, in the engine's syntax: FTS5's
/// (`"merc"* AND ("admin" OR "admission")`) or PostgreSQL's `tsquery`
/// (`'merc':* & ('admin' | 'admission')`). Each word is quoted: user text
/// never reaches either syntax as operators. `None` for no parts.
fn render(parts: &[Part], dialect: Dialect) -> Option<String> {
    let (quote, prefix, or, and): (fn(&str) -> String, &str, &str, &str) = match dialect {
        Dialect::Sqlite => (|w| format!("\"{}\"", w.replace('"', "\"\"")), "*", " OR ", " AND "),
        Dialect::Postgres => (|w| format!("'{}'", w.replace('\\', "\\\\").replace('\'', "''")), ":*", " | ", " & "),
    };
    let rendered: Vec<String> = parts
        .iter()
        .map(|part| match part {
            Part::Prefix(word) => format!("{}{prefix}", quote(word)),
            Part::AnyOf(words) => format!("({})", words.iter().map(|w| quote(w)).collect::<Vec<_>>().join(or)),
        })
        .collect();
    (!rendered.is_empty()).then(|| rendered.join(and))
}

/// The FTS5 query for `text`: each word, folded, as a quoted prefix phrase,
/// all of them required. `None` when no word holds a letter or a digit
/// (nothing the index could hold), which the caller treats as no filter.
pub fn query(text: &str) -> Option<String> {
    query_in(Dialect::Sqlite, text)
}

/// [`query`] in `dialect`'s syntax. On PostgreSQL a word is its terms
/// (`o'brien` → `o`, `brien`), each a required prefix: the index holds
/// terms, not FTS5's phrases.
pub fn query_in(dialect: Dialect, text: &str) -> Option<String> {
    let folded = names::folded(text);
    let words = folded.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric));
    let parts: Vec<Part> = match dialect {
        Dialect::Sqlite => words.map(|w| Part::Prefix(w.to_string())).collect(),
        Dialect::Postgres => words.flat_map(terms).map(Part::Prefix).collect(),
    };
    render(&parts, dialect)
}

/// The audit ids matching query `?{param}` ([`audit_query`]'s), below
/// `?{below}`, newest first, at most `?{limit}`: a sub-select.
pub fn audit_ids_matching(dialect: Dialect, param: usize, below: usize, limit: usize) -> String {
    match dialect {
        Dialect::Sqlite => format!(
            "SELECT rowid FROM audit_search WHERE audit_search MATCH ?{param} AND rowid < ?{below} \
             ORDER BY rowid DESC LIMIT ?{limit}"
        ),
        Dialect::Postgres => format!(
            "SELECT id FROM audit_search WHERE tsv @@ CAST(CAST(?{param} AS TEXT) AS tsquery) AND id < ?{below} \
             ORDER BY id DESC LIMIT ?{limit}"
        ),
    }
}

/// The patient ids matching query `{param}` ([`query_in`]'s): a sub-select.
pub fn patient_ids_matching(dialect: Dialect, param: &str) -> String {
    match dialect {
        Dialect::Sqlite => format!("SELECT rowid FROM patient_search WHERE patient_search MATCH {param}"),
        Dialect::Postgres => {
            format!("SELECT id FROM patient_search WHERE tsv @@ CAST(CAST({param} AS TEXT) AS tsquery)")
        }
    }
}

/// The words one audit row is found by: who, what, and each change.
pub fn audit_doc(
    actor: &str,
    account: Option<&str>,
    table: &str,
    row_id: i64,
    action: &str,
    before: Option<&str>,
    after: &str,
) -> String {
    let mut doc = format!("{actor} {} {table} #{row_id} {action}", account.unwrap_or(""));
    for change in super::audit_log::changes(before, after) {
        doc.push(' ');
        doc.push_str(&change.field);
        if let Some(b) = change.before {
            doc.push(' ');
            doc.push_str(&b);
        }
        doc.push(' ');
        doc.push_str(&change.after);
    }
    // Folded like the queries (`ß` as `ss`): the tokenizer folds only
    // accents and case.
    names::folded(&doc)
}

/// Who wrote each audit row, by the name and account they had then: what
/// the write path indexed (it reads the staff row as the row is written),
/// so a rebuild and `periop check` give the words it gave, after a member
/// of staff was renamed too. Read from the staff rows' audit images; a
/// staff row with none (written outside periop) counts by its name now.
pub struct ActorNames {
    /// Per staff id: (audit id from which it holds, name, account), in id order.
    history: std::collections::HashMap<i64, Vec<(i64, String, Option<String>)>>,
    now: std::collections::HashMap<i64, (String, Option<String>)>,
}

impl ActorNames {
    /// Reads every staff row and its audit images. Errors: SQLite's.
    pub fn read(conn: &Connection) -> Result<ActorNames> {
        let mut now = std::collections::HashMap::new();
        let mut stmt = conn.prepare("SELECT id, display_name, account FROM staff")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            now.insert(r.get::<_, i64>(0)?, (r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?));
        }
        let mut history: std::collections::HashMap<i64, Vec<_>> = std::collections::HashMap::new();
        let mut stmt = conn.prepare("SELECT id, row_id, after FROM audit WHERE table_name = 'staff' ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, staff_id) = (r.get(0)?, r.get(1)?);
            let after: String = super::rows::lossy_text(&r, 2)?.unwrap_or_default();
            let Ok(serde_json::Value::Object(image)) = serde_json::from_str::<serde_json::Value>(&after) else {
                continue;
            };
            let Some(name) = image.get("display_name").and_then(|v| v.as_str()) else { continue };
            let account = image.get("account").and_then(|v| v.as_str()).map(String::from);
            history.entry(staff_id).or_default().push((id, name.to_string(), account));
        }
        Ok(ActorNames { history, now })
    }

    /// The name and account `actor_id` had when audit row `audit_id` was written.
    pub fn at(&self, actor_id: i64, audit_id: i64) -> (&str, Option<&str>) {
        let then = self.history.get(&actor_id).and_then(|images| {
            let upto = images.partition_point(|(from, _, _)| *from <= audit_id);
            upto.checked_sub(1).map(|i| &images[i])
        });
        match then {
            Some((_, name, account)) => (name, account.as_deref()),
            None => self.now.get(&actor_id).map_or(("", None), |(name, account)| (name, account.as_deref())),
        }
    }
}

/// Inside a write: indexes the audit row just appended.
#[allow(clippy::too_many_arguments)]
pub(super) fn index_audit(
    conn: &Connection,
    audit_id: i64,
    actor_id: i64,
    table: &str,
    row_id: i64,
    action: &str,
    before: Option<&str>,
    after: &str,
) -> Result<()> {
    let (actor, account): (String, Option<String>) = conn
        .prepare_cached("SELECT display_name, account FROM staff WHERE id = ?1")?
        .query_row([actor_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let doc = audit_doc(&actor, account.as_deref(), table, row_id, action, before, after);
    let dialect = conn.dialect();
    conn.prepare_cached(insert_audit_doc(dialect))?.execute(params![audit_id, indexed(dialect, &doc)])?;
    let mut known = conn.prepare_cached("INSERT INTO audit_terms (term) VALUES (?1) ON CONFLICT DO NOTHING")?;
    for term in distinct_terms(&doc) {
        known.execute([term])?;
    }
    Ok(())
}

/// The words of `doc` ([`terms`]), sorted, each once: on PostgreSQL, the
/// lexemes of its `tsvector` (`search_check` compares them).
pub(super) fn distinct_terms(doc: &str) -> Vec<String> {
    let mut terms = terms(doc);
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// What the engine's index is given for `doc`: FTS5 tokenizes the text
/// itself; PostgreSQL is given the terms, space-separated, made into a
/// `tsvector` as they are (`array_to_tsvector`): its own parser splits
/// `Marie-Hélène` and `a/b` differently from FTS5, and the queries are
/// made of [`terms`].
fn indexed(dialect: Dialect, doc: &str) -> String {
    match dialect {
        Dialect::Sqlite => doc.to_string(),
        Dialect::Postgres => distinct_terms(doc).join(" "),
    }
}

/// `?1`: the audit id, `?2`: [`indexed`].
fn insert_audit_doc(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Sqlite => "INSERT INTO audit_search (rowid, doc) VALUES (?1, ?2)",
        Dialect::Postgres => {
            "INSERT INTO audit_search (id, tsv) VALUES (?1, array_to_tsvector(string_to_array(CAST(?2 AS TEXT), ' ')))"
        }
    }
}

/// The words a patient is found by: names, hospital number, and the
/// number's digits alone (`123456` finds `H123456`, as the substring match
/// before the index did).
/// Folded like the queries ([`names::folded`]: `ß` as `ss`), since the
/// tokenizer folds only accents and case.
pub fn patient_doc(surname: &str, first_name: &str, hospital_number: &str) -> String {
    let digits = hospital_number.trim_start_matches(|c: char| !c.is_ascii_digit());
    let doc = if digits.is_empty() || digits == hospital_number {
        format!("{surname} {first_name} {hospital_number}")
    } else {
        format!("{surname} {first_name} {hospital_number} {digits}")
    };
    names::folded(&doc)
}

/// Inside a write: (re)indexes a patient row after it was inserted or saved.
pub(super) fn index_patient(conn: &Connection, patient_id: i64) -> Result<()> {
    let (surname, first, number): (String, String, String) = conn
        .prepare_cached("SELECT surname, first_name, hospital_number FROM patients WHERE id = ?1")?
        .query_row([patient_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let doc = patient_doc(&surname, &first, &number);
    match conn.dialect() {
        Dialect::Sqlite => {
            conn.prepare_cached("DELETE FROM patient_search WHERE rowid = ?1")?.execute([patient_id])?;
            conn.prepare_cached("INSERT INTO patient_search (rowid, doc) VALUES (?1, ?2)")?
                .execute(params![patient_id, doc])?;
        }
        Dialect::Postgres => {
            conn.prepare_cached("DELETE FROM patient_search WHERE id = ?1")?.execute([patient_id])?;
            conn.prepare_cached(
                "INSERT INTO patient_search (id, doc, tsv) \
                 VALUES (?1, ?2, array_to_tsvector(string_to_array(CAST(?3 AS TEXT), ' ')))",
            )?
            .execute(params![patient_id, doc, indexed(Dialect::Postgres, &doc)])?;
        }
    }
    Ok(())
}

/// Inside a write, for the tables the indexes describe.
pub(super) fn after_row_write(conn: &Connection, table: Table, id: i64) -> Result<()> {
    if table == Table::Patients {
        index_patient(conn, id)?;
    }
    Ok(())
}

/// Schema upgrade 7 → 8: the documents are folded as the queries are
/// (`ß` as `ss`, `œ` as `oe`); both indexes are built again.
pub(super) fn rebuild_indexes(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM patient_search;
         INSERT INTO audit_search (audit_search) VALUES ('delete-all');
         DELETE FROM audit_terms;",
    )?;
    build_indexes(conn)
}

/// A search that met a damaged index ([`StoreError::SearchDamaged`]): FTS5
/// found a segment of `index` it cannot read (`SQLITE_CORRUPT_VTAB`). Other
/// errors pass unchanged (damage in the file's pages is the file's:
/// [`StoreError::Damaged`], said by `Store::explain`).
pub(super) fn damaged_index(path: &std::path::Path, index: &'static str, e: StoreError) -> StoreError {
    match e {
        StoreError::Database(inner) if inner.is_search_index_corrupt() => {
            log::warn!("the search index {index} is damaged ({inner})");
            StoreError::SearchDamaged { path: path.into(), index, detail: tr!("files-search-segment").into_owned() }
        }
        other => other,
    }
}

/// Schema upgrade 3 → 4: indexes every existing patient and audit row.
pub(super) fn build_indexes(conn: &Connection) -> Result<()> {
    build_indexes_telling(conn, &mut |_, _| {}).map(|_| ())
}

/// `periop reindex` (inside its write): drops all three indexes, whatever
/// state they are in (a damaged segment is never read), makes them again
/// and fills them from the records, telling `progress` (rows done, rows in
/// all: patients then audit rows) as it goes. Returns (patients, audit rows)
/// indexed.
pub(super) fn remake_indexes(conn: &Connection, progress: &mut dyn FnMut(u64, u64)) -> Result<(u64, u64)> {
    match conn.dialect() {
        Dialect::Sqlite => {
            conn.execute_batch(
                "DROP TABLE IF EXISTS audit_search; DROP TABLE IF EXISTS patient_search; DROP TABLE IF EXISTS audit_terms;",
            )?;
            conn.execute_batch(INDEXES_V5)?;
        }
        // Plain tables there, whose pages the server checks itself.
        Dialect::Postgres => {
            conn.execute_batch("DELETE FROM audit_search; DELETE FROM patient_search; DELETE FROM audit_terms;")?
        }
    }
    build_indexes_telling(conn, progress)
}

/// Indexes every patient and audit row into empty indexes, telling
/// `progress` (rows done, rows in all) about every thousandth row.
fn build_indexes_telling(conn: &Connection, progress: &mut dyn FnMut(u64, u64)) -> Result<(u64, u64)> {
    let ids: Vec<i64> =
        conn.prepare("SELECT id FROM patients")?.query_map([], |r| r.get(0))?.collect::<super::db::Result<_>>()?;
    let audit_rows: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))?;
    let audit_rows = audit_rows.unsigned_abs();
    let patients = ids.len() as u64;
    let all = patients + audit_rows;
    for (done, id) in ids.into_iter().enumerate() {
        index_patient(conn, id)?;
        if done.is_multiple_of(1000) {
            progress(done as u64, all);
        }
    }
    let names = ActorNames::read(conn)?;
    let mut read = conn.prepare(
        "SELECT a.id, a.actor_id, a.table_name, a.row_id, a.action, a.before, a.after
         FROM audit a JOIN staff s ON s.id = a.actor_id ORDER BY a.id",
    )?;
    let dialect = conn.dialect();
    let mut insert = conn.prepare(insert_audit_doc(dialect))?;
    let mut rows = read.query([])?;
    let mut known = std::collections::BTreeSet::new();
    let mut done = patients;
    while let Some(r) = rows.next()? {
        if done.is_multiple_of(1000) {
            progress(done, all);
        }
        done += 1;
        let (id, actor_id, before): (i64, i64, Option<String>) =
            (r.get(0)?, r.get(1)?, super::rows::lossy_text(&r, 5)?);
        let text = |i| super::rows::lossy_text(&r, i).map(Option::unwrap_or_default);
        let (table, action, after): (String, String, String) = (text(2)?, text(4)?, text(6)?);
        let (actor, account) = names.at(actor_id, id);
        let doc = audit_doc(actor, account, &table, r.get(3)?, &action, before.as_deref(), &after);
        insert.execute(params![r.get::<_, i64>(0)?, indexed(dialect, &doc)])?;
        known.extend(terms(&doc));
    }
    let mut add = conn.prepare("INSERT INTO audit_terms (term) VALUES (?1)")?;
    for term in known {
        add.execute([term])?;
    }
    if dialect == Dialect::Sqlite {
        conn.execute_batch("INSERT INTO audit_search (audit_search) VALUES ('optimize');")?;
    }
    progress(all, all);
    Ok((patients, done - patients))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 15: the same folded words reach PostgreSQL's `tsquery`, each
    /// quoted (a quote or a backslash typed in a name is text, not syntax).
    #[test]
    fn a_query_in_postgresql_syntax_has_the_same_words_quoted() {
        assert_eq!(query_in(Dialect::Postgres, "Hélène O'Brien").as_deref(), Some("'helene':* & 'o':* & 'brien':*"));
        assert_eq!(query_in(Dialect::Sqlite, "Hélène O'Brien").as_deref(), Some("\"helene\"* AND \"o'brien\"*"));
        assert_eq!(query_in(Dialect::Postgres, " -- ; "), None);
        let parts = [Part::Prefix("adm".into()), Part::AnyOf(vec!["mercier".into(), "merle".into()])];
        assert_eq!(render(&parts, Dialect::Postgres).as_deref(), Some("'adm':* & ('mercier' | 'merle')"));
        assert_eq!(render(&parts, Dialect::Sqlite).as_deref(), Some("\"adm\"* AND (\"mercier\" OR \"merle\")"));
    }

    fn memory() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(INDEXES_V5).unwrap();
        conn
    }

    fn found(conn: &Connection, text: &str) -> Vec<i64> {
        let Some(q) = query(text) else { return vec![-1] };
        conn.prepare("SELECT rowid FROM patient_search WHERE patient_search MATCH ?1 ORDER BY rowid")
            .unwrap()
            .query_map([q], |r| r.get(0))
            .unwrap()
            .collect::<super::super::db::Result<_>>()
            .unwrap()
    }

    #[test]
    fn words_match_the_start_of_words_without_case_or_accents() {
        let conn = memory();
        conn.execute_batch(
            "INSERT INTO patient_search (rowid, doc) VALUES (1, 'MERCIER Marie-Hélène H000123'),
                                                         (2, 'NGUYỄN Élodie H000456');",
        )
        .unwrap();
        assert_eq!(found(&conn, "helene merc"), vec![1]);
        assert_eq!(found(&conn, "ÉLO nguyen"), vec![2]);
        assert_eq!(found(&conn, "h000"), vec![1, 2]);
        assert_eq!(found(&conn, "mercier paul"), Vec::<i64>::new());
    }

    #[test]
    fn query_syntax_typed_by_a_user_is_searched_as_text_never_parsed() {
        let conn = memory();
        conn.execute_batch("INSERT INTO patient_search (rowid, doc) VALUES (1, 'AND NEAR Or');").unwrap();
        for text in ["\"", "AND(", "NEAR(a b)", "a OR", "*", "\"and\"", "-x", "^near", "col:and", "'", "\\"] {
            let _ = found(&conn, text); // never an error
        }
        assert_eq!(found(&conn, "AND("), vec![1]);
        assert_eq!(found(&conn, "\"near"), vec![1]);
        // Nothing searchable: no filter (the caller shows everything).
        assert_eq!(query("\" ( *"), None);
        assert_eq!(query("   "), None);
    }

    #[test]
    fn a_long_prefix_becomes_the_whole_words_it_starts_and_a_short_one_stays_a_prefix() {
        let conn = memory();
        conn.execute_batch("INSERT INTO audit_terms (term) VALUES ('admin'), ('admitted'), ('admissions'), ('bed');")
            .unwrap();
        let q = |text: &str| audit_query(&conn, text).unwrap();
        assert_eq!(q("ADMI").as_deref(), Some("(\"admin\" OR \"admissions\" OR \"admitted\")"));
        assert_eq!(q("ad bé").as_deref(), Some("\"ad\"* AND \"be\"*"));
        assert_eq!(q("zzzz").as_deref(), Some("\"zzzz\"*"));
        assert_eq!(q("o'brien").as_deref(), Some("\"o\"* AND \"brien\"*"));
        assert_eq!(q("\" AND( *").as_deref(), Some("\"and\"*"));
        assert_eq!(q(" ( * "), None);
        let many: Vec<String> = (0..=MOST_WORDS).map(|i| format!("('many{i:03}')")).collect();
        conn.execute_batch(&format!("INSERT INTO audit_terms (term) VALUES {};", many.join(", "))).unwrap();
        assert_eq!(q("many").as_deref(), Some("\"many\"*"));
    }

    /// FTS5 meeting a segment it cannot read is said in the language in force.
    #[test]
    fn a_damaged_index_is_said_in_french() {
        let said = || {
            let corrupt = rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT_VTAB);
            let e = StoreError::from(rusqlite::Error::SqliteFailure(corrupt, None));
            damaged_index(std::path::Path::new("w.db"), "patient_search", e).to_string()
        };
        let (en, fr) = crate::i18n::in_both(said);
        assert!(en.contains("the search index patient_search is damaged (FTS5 cannot read a segment)"), "{en}");
        assert!(fr.contains("(FTS5 ne peut pas lire un segment)"), "{fr}");
        assert!(!fr.contains("cannot read"), "{fr}");
    }
}
