//! R-AUDIT-3: the audit trail is tamper-evident. Someone with write access
//! to the database edits it behind the program's back with a raw connection
//! (as the sqlite3 shell or psql would): drops the append-only triggers,
//! deletes or edits audit rows, forges one dated 2020, updates a patient
//! directly. `periop check` finds each, naming the row; the next save puts
//! the triggers back. On either engine: on a PostgreSQL run the same tamper
//! is done by a raw client of the ward's database (its owner).

mod store_common;

use periop::store::check::{self, Report};
use periop::store::{Store, patients};
use std::path::{Path, PathBuf};
use store_common::*;

/// A ward with a few audited saves: the admin, then three patients.
fn ward(dir: &Path) -> Ward {
    let ward = new_ward(dir);
    let mut store = open_as_staff(&ward, &nurse());
    for n in 1..=3 {
        add_patient(&mut store, n);
    }
    ward
}

/// A ward as a file, for what only a file has.
fn ward_file(dir: &Path) -> PathBuf {
    let path = new_db(dir);
    let mut store = open_as_staff(&path, &nurse());
    for n in 1..=3 {
        add_patient(&mut store, n);
    }
    path
}

fn checked<D: Db + ?Sized>(db: &D) -> Report {
    check::check_location(&db.location(), chrono::Utc::now()).expect("check the database")
}

fn id_of_patient_insert(ward: &Ward, patient_id: i64) -> i64 {
    count(
        &ward.door(),
        "SELECT id FROM audit WHERE table_name = 'patients' AND row_id = ?1 AND action = 'insert'",
        [patient_id],
    )
}

/// Behind the store's back: `sqlite` through a raw read-write connection
/// to the file (as the sqlite3 shell would), or on a PostgreSQL run
/// `postgres` through a raw client of the ward's database (as psql would).
fn tamper(ward: &Ward, sqlite: &str, postgres: &str) {
    match ward.location.file() {
        Some(path) => raw_rw(path).execute_batch(sqlite).unwrap_or_else(|e| panic!("{sqlite}: {e}")),
        None => tamper_on_server(ward, postgres),
    }
}

#[cfg(feature = "postgres")]
fn tamper_on_server(ward: &Ward, sql: &str) {
    let db = ward.server().expect("a PostgreSQL ward");
    db.client().batch_execute(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
}

#[cfg(not(feature = "postgres"))]
fn tamper_on_server(_ward: &Ward, _sql: &str) {
    unreachable!("on_postgres() refuses a build without the feature")
}

/// A statement behind the store's back that the database must refuse; its
/// message.
fn refused(ward: &Ward, sql: &str) -> String {
    match ward.location.file() {
        Some(path) => raw_rw(path).execute_batch(sql).expect_err(sql).to_string(),
        None => refused_on_server(ward, sql),
    }
}

#[cfg(feature = "postgres")]
fn refused_on_server(ward: &Ward, sql: &str) -> String {
    let db = ward.server().expect("a PostgreSQL ward");
    let err = db.client().batch_execute(sql).expect_err(sql);
    err.as_db_error().map_or_else(|| err.to_string(), |e| e.message().to_string())
}

#[cfg(not(feature = "postgres"))]
fn refused_on_server(_ward: &Ward, _sql: &str) -> String {
    unreachable!("on_postgres() refuses a build without the feature")
}

fn audit_total(ward: &Ward) -> i64 {
    count(&ward.door(), "SELECT count(*) FROM audit", [])
}

#[test]
fn r_audit_3_a_ward_saved_only_through_periop_is_healthy() {
    let dir = tempfile::tempdir().unwrap();
    let ward = ward(dir.path());
    let report = checked(&ward);
    assert!(report.is_healthy(), "{report:#?}");
    assert!(!report.chain.head_flagged);
    let (head, hash) = report.chain.head.expect("a chain head");
    assert_eq!(head, count(&ward.door(), "SELECT max(id) FROM audit", []));
    assert_eq!(hash.len(), 64);
}

#[test]
fn r_audit_3_a_patient_updated_directly_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let ward = ward(dir.path());
    let forge = "UPDATE patients SET surname = 'Forged' WHERE id = 2";
    tamper(&ward, forge, forge);
    let report = checked(&ward);
    assert!(!report.is_healthy());
    assert_eq!(report.differences, ["patient #2: differs from its last audit row (columns surname)"]);
    assert!(!format!("{report:?}").contains("Forged"), "the report shows a patient's value (R-PRIV-1)");
}

/// Found in use (#12): a patient edited directly, then saved again through
/// periop, was laundered: the new audit row's `before` took the edit and its
/// `after` matched the data. The break between one audit row's `after` and
/// the next one's `before` now names it.
#[test]
fn r_audit_3_an_edit_behind_the_back_then_a_save_through_periop_is_still_named() {
    let dir = tempfile::tempdir().unwrap();
    let ward = ward(dir.path());
    let forge = "UPDATE patients SET surname = 'Forged' WHERE id = 2";
    tamper(&ward, forge, forge);
    let mut store = open_as_staff(&ward, &nurse());
    let version = count(&ward.door(), "SELECT version FROM patients WHERE id = 2", []);
    store.write(at(), |tx| patients::set_insulin_treated(tx, 2, version, true)).expect("save through periop");
    drop(store);
    let report = checked(&ward);
    assert!(!report.is_healthy(), "{report:#?}");
    let insert = id_of_patient_insert(&ward, 2);
    let update = count(&ward.door(), "SELECT max(id) FROM audit WHERE table_name = 'patients' AND row_id = 2", []);
    assert_eq!(
        report.differences,
        [format!("patient #2: changed behind periop's back between audit #{insert} and #{update} (columns surname)")]
    );
    assert!(!format!("{report:?}").contains("Forged"), "the report shows a patient's value (R-PRIV-1)");
}

#[test]
fn r_audit_3_rows_written_or_deleted_outside_periop_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let ward = ward(dir.path());
    let ghost = "INSERT INTO patients (surname, first_name, birth_date, sex, hospital_number)
                 VALUES ('Ghost', 'Gil', '1970-01-01', 'M', 'H999999');";
    // The foreign keys off: PostgreSQL's are triggers, which a replica
    // session does not fire.
    tamper(
        &ward,
        &format!("{ghost} PRAGMA foreign_keys = OFF; DELETE FROM patients WHERE id = 1;"),
        &format!("{ghost} SET session_replication_role = replica; DELETE FROM patients WHERE id = 1;"),
    );
    let report = checked(&ward);
    assert!(
        report.differences.contains(&"patient #1: deleted (it has audit rows, but no row)".to_string()),
        "{report:#?}"
    );
    assert!(
        report.differences.contains(&"patient #4: no audit row (written outside periop)".to_string()),
        "{report:#?}"
    );
}

#[test]
fn r_audit_3_a_deleted_audit_row_is_a_gap_and_a_deleted_tail_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let ward = ward(dir.path());
    let middle = id_of_patient_insert(&ward, 1);
    let last = count(&ward.door(), "SELECT max(id) FROM audit", []);
    let delete = format!("DELETE FROM audit WHERE id = {middle} OR id = {last};");
    tamper(
        &ward,
        &format!("DROP TRIGGER audit_is_append_only_delete; {delete}"),
        &format!("DROP TRIGGER audit_is_append_only_delete ON audit; {delete}"),
    );
    let report = checked(&ward);
    assert!(report.chain.problems.contains(&format!("audit #{middle}: missing (deleted)")), "{report:#?}");
    assert!(report.chain.problems.contains(&format!("audit #{last}: missing from the end (deleted)")), "{report:#?}");
    assert_eq!(report.triggers_damaged, ["audit_is_append_only_delete"]);
    assert!(!report.is_healthy());
}

#[test]
fn r_audit_3_an_edited_audit_row_and_a_forged_one_dated_2020_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let ward = ward(dir.path());
    let edited = id_of_patient_insert(&ward, 3);
    let forge = format!(
        "UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE id = {edited};
         INSERT INTO audit (at, actor_id, table_name, row_id, action, before, after, hash)
         VALUES ('2020-01-01T00:00:00Z', 1, 'settings', 99, 'insert', NULL, '{{}}', '{}');",
        "0".repeat(64)
    );
    tamper(
        &ward,
        &format!("DROP TRIGGER audit_is_append_only_update; {forge}"),
        &format!("DROP TRIGGER audit_is_append_only_update ON audit; {forge}"),
    );
    let forged = count(&ward.door(), "SELECT max(id) FROM audit", []);
    let report = checked(&ward);
    assert!(
        report
            .chain
            .problems
            .contains(&format!("audit #{edited}: edited or forged (its hash does not follow the chain)")),
        "{report:#?}"
    );
    assert!(
        report
            .chain
            .problems
            .contains(&format!("audit #{forged}: edited or forged (its hash does not follow the chain)")),
        "{report:#?}"
    );
    assert!(report.differences.contains(&"setting #99: deleted (it has audit rows, but no row)".to_string()));
    // The forged row is the last: its hash is no head to keep (found in use, #12).
    assert_eq!(report.chain.head.as_ref().map(|h| h.0), Some(forged));
    assert!(report.chain.head_flagged, "{report:#?}");
}

#[test]
fn r_audit_3_the_next_save_recreates_dropped_triggers_and_chains_on() {
    let dir = tempfile::tempdir().unwrap();
    let ward = ward(dir.path());
    tamper(
        &ward,
        "DROP TRIGGER audit_is_append_only_update; DROP TRIGGER audit_is_append_only_delete;
         DROP TRIGGER audit_is_append_only_replace;",
        "DROP TRIGGER audit_is_append_only_update ON audit; DROP TRIGGER audit_is_append_only_delete ON audit;
         DROP TRIGGER audit_is_append_only_replace ON audit;",
    );
    assert_eq!(checked(&ward).triggers_damaged.len(), 3);

    let mut store = open_as_staff(&ward, &nurse());
    store.write(at(), |tx| patients::register(tx, &patient(4))).unwrap();
    drop(store);

    let report = checked(&ward);
    assert!(report.is_healthy(), "{report:#?}");
    // Found in use (#12): putting them back left no trace; the save says so
    // in the audit, and check lists it for good.
    assert_eq!(report.triggers_put_back.len(), 1, "{report:#?}");
    assert!(report.triggers_put_back[0].contains("audit_is_append_only_delete"), "{report:#?}");
    assert!(report.triggers_put_back[0].contains("compare with a backup from before"), "{report:#?}");
    let err = refused(&ward, "DELETE FROM audit WHERE id = 1");
    assert!(err.contains("cannot be deleted"), "{err}");
}

/// Schema 2 → 3 (a numbered upgrade step): a file from before the chain is
/// sealed on its first read-write open, and checks healthy afterwards.
#[test]
fn r_audit_3_a_file_from_before_the_chain_is_sealed_by_the_upgrade() {
    if file_only("an older file's schema upgraded on open: a PostgreSQL ward starts at the current schema") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = ward_file(dir.path());
    let sealed_head = checked(&path).chain.head;
    // Back to schema 2: no hash column (the triggers are dropped to allow it),
    // no search indexes (schema 4).
    raw_rw(&path)
        .execute_batch(
            "DROP TRIGGER audit_is_append_only_update; ALTER TABLE audit DROP COLUMN hash;
             DROP TABLE audit_search; DROP TABLE patient_search; DROP TABLE audit_terms;
             CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
             BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
             PRAGMA user_version = 2;",
        )
        .unwrap();
    let old = checked(&path);
    assert_eq!(old.schema_version, 2);
    assert!(!old.is_healthy());

    drop(Store::open_as(&path, &nurse()).unwrap());
    let report = checked(&path);
    assert!(report.is_healthy(), "{report:#?}");
    assert_eq!(report.chain.head, sealed_head, "the upgrade seals the same chain the write path builds");
}

/// Found in use (#12): a trigger added by another program (one that could
/// rewrite every save) and a stray table were not reported. Check names
/// each object that is not periop's schema.
#[test]
fn r_audit_3_foreign_triggers_and_tables_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let ward = ward(dir.path());
    tamper(
        &ward,
        "CREATE TABLE notes (x); CREATE TRIGGER sneaky AFTER UPDATE ON patients BEGIN SELECT 1; END;",
        "CREATE TABLE notes (x BIGINT);
         CREATE FUNCTION sneaky() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END; $$;
         CREATE TRIGGER sneaky AFTER UPDATE ON patients FOR EACH ROW EXECUTE FUNCTION sneaky();",
    );
    let report = checked(&ward);
    assert!(!report.is_healthy());
    assert_eq!(report.foreign_objects, ["table notes", "trigger sneaky"]);
}

/// Found in use (#12): a trigger added with the sqlite3 shell rewrote a save
/// (the user typed 4, 99 was stored) and the audit recorded 99 as theirs.
/// Saves are refused while a trigger that is not periop's is in the file.
#[test]
fn r_audit_3_no_save_while_a_foreign_trigger_could_rewrite_it() {
    let dir = tempfile::tempdir().unwrap();
    let ward = ward(dir.path());
    tamper(
        &ward,
        "CREATE TRIGGER evil AFTER UPDATE ON patients BEGIN UPDATE patients SET surname = 'X' WHERE id = NEW.id; END;",
        "CREATE FUNCTION evil() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN UPDATE patients SET surname = 'X' WHERE id = NEW.id; RETURN NULL; END; $$;
         CREATE TRIGGER evil AFTER UPDATE ON patients FOR EACH ROW WHEN (pg_trigger_depth() < 1)
         EXECUTE FUNCTION evil();",
    );
    let before = audit_total(&ward);
    let mut store = Store::connect(&ward.location, &nurse()).unwrap();
    let err = store.write(at(), |tx| patients::set_insulin_treated(tx, 1, 1, true)).unwrap_err();
    assert!(err.to_string().contains("holds a trigger periop did not make (evil)"), "{err}");
    assert_eq!(audit_total(&ward), before, "nothing was saved");
}

/// R-AUDIT-3, found in use (#12): an audit row whose text is not UTF-8
/// (written by another program, or damaged bytes that SQLite's own checks
/// pass) made `check` give up with "run `periop check`". It now reads on
/// and names the row.
#[test]
fn r_audit_3_an_audit_row_that_is_not_text_is_named_and_the_check_goes_on() {
    if file_only("bytes that are not UTF-8 in a text column: PostgreSQL refuses them on the way in") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = ward_file(dir.path());
    let id = count(
        &raw_ro(&path),
        "SELECT id FROM audit WHERE table_name = 'patients' AND row_id = 2 AND action = 'insert'",
        [],
    );
    raw_rw(&path)
        .execute_batch(&format!(
            "DROP TRIGGER audit_is_append_only_update;
             UPDATE audit SET after = CAST(x'7b22ff227d' AS TEXT) WHERE id = {id};"
        ))
        .unwrap();
    let report = checked(&path);
    assert!(!report.is_healthy());
    assert!(
        report.chain.problems.contains(&format!("audit #{id}: edited or forged (its hash does not follow the chain)")),
        "{report:#?}"
    );
}
