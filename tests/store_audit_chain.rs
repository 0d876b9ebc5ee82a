//! R-AUDIT-3: the audit trail is tamper-evident. Someone with write access
//! to the file edits it behind the program's back with a raw connection (as
//! the sqlite3 shell would): drops the append-only triggers, deletes or edits
//! audit rows, forges one dated 2020, updates a patient directly. `periop
//! check` finds each, naming the row; the next save puts the triggers back.

mod store_common;

use periop::store::check::{self, Report};
use periop::store::{Store, patients};
use std::path::{Path, PathBuf};
use store_common::*;

/// A ward with a few audited saves: the admin, then three patients.
fn ward(dir: &Path) -> PathBuf {
    let path = new_db(dir);
    let mut store = open_as_staff(&path, &nurse());
    for n in 1..=3 {
        add_patient(&mut store, n);
    }
    path
}

fn checked(path: &Path) -> Report {
    check::check_file(path, chrono::Utc::now()).expect("check the file")
}

fn id_of_patient_insert(path: &Path, patient_id: i64) -> i64 {
    count(
        &raw_ro(path),
        "SELECT id FROM audit WHERE table_name = 'patients' AND row_id = ?1 AND action = 'insert'",
        [patient_id],
    )
}

#[test]
fn r_audit_3_a_ward_saved_only_through_periop_is_healthy() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward(dir.path());
    let report = checked(&path);
    assert!(report.is_healthy(), "{report:#?}");
    assert!(!report.chain.head_flagged);
    let (head, hash) = report.chain.head.expect("a chain head");
    assert_eq!(head, count(&raw_ro(&path), "SELECT max(id) FROM audit", []));
    assert_eq!(hash.len(), 64);
}

#[test]
fn r_audit_3_a_patient_updated_directly_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward(dir.path());
    raw_rw(&path).execute("UPDATE patients SET surname = 'Forged' WHERE id = 2", []).unwrap();
    let report = checked(&path);
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
    let path = ward(dir.path());
    raw_rw(&path).execute("UPDATE patients SET surname = 'Forged' WHERE id = 2", []).unwrap();
    let mut store = open_as_staff(&path, &nurse());
    let version = count(&raw_ro(&path), "SELECT version FROM patients WHERE id = 2", []);
    store.write(at(), |tx| patients::set_insulin_treated(tx, 2, version, true)).expect("save through periop");
    drop(store);
    let report = checked(&path);
    assert!(!report.is_healthy(), "{report:#?}");
    let insert = id_of_patient_insert(&path, 2);
    let update = count(&raw_ro(&path), "SELECT max(id) FROM audit WHERE table_name = 'patients' AND row_id = 2", []);
    assert_eq!(
        report.differences,
        [format!("patient #2: changed behind periop's back between audit #{insert} and #{update} (columns surname)")]
    );
    assert!(!format!("{report:?}").contains("Forged"), "the report shows a patient's value (R-PRIV-1)");
}

#[test]
fn r_audit_3_rows_written_or_deleted_outside_periop_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward(dir.path());
    let raw = raw_rw(&path);
    raw.execute_batch(
        "INSERT INTO patients (surname, first_name, birth_date, sex, hospital_number)
         VALUES ('Ghost', 'Gil', '1970-01-01', 'M', 'H999999');
         PRAGMA foreign_keys = OFF; DELETE FROM patients WHERE id = 1;",
    )
    .unwrap();
    let report = checked(&path);
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
    let path = ward(dir.path());
    let middle = id_of_patient_insert(&path, 1);
    let last = count(&raw_ro(&path), "SELECT max(id) FROM audit", []);
    let raw = raw_rw(&path);
    raw.execute_batch("DROP TRIGGER audit_is_append_only_delete").unwrap();
    raw.execute("DELETE FROM audit WHERE id = ?1 OR id = ?2", [middle, last]).unwrap();
    let report = checked(&path);
    assert!(report.chain.problems.contains(&format!("audit #{middle}: missing (deleted)")), "{report:#?}");
    assert!(report.chain.problems.contains(&format!("audit #{last}: missing from the end (deleted)")), "{report:#?}");
    assert_eq!(report.triggers_damaged, ["audit_is_append_only_delete"]);
    assert!(!report.is_healthy());
}

#[test]
fn r_audit_3_an_edited_audit_row_and_a_forged_one_dated_2020_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward(dir.path());
    let edited = id_of_patient_insert(&path, 3);
    let raw = raw_rw(&path);
    raw.execute_batch("DROP TRIGGER audit_is_append_only_update").unwrap();
    raw.execute("UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE id = ?1", [edited]).unwrap();
    raw.execute(
        "INSERT INTO audit (at, actor_id, table_name, row_id, action, before, after, hash)
         VALUES ('2020-01-01T00:00:00Z', 1, 'settings', 99, 'insert', NULL, '{}', ?1)",
        [&"0".repeat(64)],
    )
    .unwrap();
    let forged = count(&raw, "SELECT max(id) FROM audit", []);
    let report = checked(&path);
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
    let path = ward(dir.path());
    raw_rw(&path)
        .execute_batch(
            "DROP TRIGGER audit_is_append_only_update; DROP TRIGGER audit_is_append_only_delete;
             DROP TRIGGER audit_is_append_only_replace;",
        )
        .unwrap();
    assert_eq!(checked(&path).triggers_damaged.len(), 3);

    let mut store = open_as_staff(&path, &nurse());
    store.write(at(), |tx| patients::register(tx, &patient(4))).unwrap();
    drop(store);

    let report = checked(&path);
    assert!(report.is_healthy(), "{report:#?}");
    // Found in use (#12): putting them back left no trace; the save says so
    // in the audit, and check lists it for good.
    assert_eq!(report.triggers_put_back.len(), 1, "{report:#?}");
    assert!(report.triggers_put_back[0].contains("audit_is_append_only_delete"), "{report:#?}");
    assert!(report.triggers_put_back[0].contains("compare with a backup from before"), "{report:#?}");
    let err = raw_rw(&path).execute("DELETE FROM audit WHERE id = 1", []).unwrap_err();
    assert!(err.to_string().contains("cannot be deleted"), "{err}");
}

/// Schema 2 → 3 (a numbered upgrade step): a file from before the chain is
/// sealed on its first read-write open, and checks healthy afterwards.
#[test]
fn r_audit_3_a_file_from_before_the_chain_is_sealed_by_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward(dir.path());
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
    let path = ward(dir.path());
    raw_rw(&path)
        .execute_batch("CREATE TABLE notes (x); CREATE TRIGGER sneaky AFTER UPDATE ON patients BEGIN SELECT 1; END;")
        .unwrap();
    let report = checked(&path);
    assert!(!report.is_healthy());
    assert_eq!(report.foreign_objects, ["table notes", "trigger sneaky"]);
}

/// Found in use (#12): a trigger added with the sqlite3 shell rewrote a save
/// (the user typed 4, 99 was stored) and the audit recorded 99 as theirs.
/// Saves are refused while a trigger that is not periop's is in the file.
#[test]
fn r_audit_3_no_save_while_a_foreign_trigger_could_rewrite_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward(dir.path());
    raw_rw(&path)
        .execute_batch(
            "CREATE TRIGGER evil AFTER UPDATE ON patients BEGIN UPDATE patients SET surname = 'X' WHERE id = NEW.id; END;",
        )
        .unwrap();
    let before = audit_total(&raw_ro(&path));
    let mut store = Store::open_as(&path, &nurse()).unwrap();
    let err = store.write(at(), |tx| patients::set_insulin_treated(tx, 1, 1, true)).unwrap_err();
    assert!(err.to_string().contains("holds a trigger periop did not make (evil)"), "{err}");
    assert_eq!(audit_total(&raw_ro(&path)), before, "nothing was saved");
}

/// R-AUDIT-3, found in use (#12): an audit row whose text is not UTF-8
/// (written by another program, or damaged bytes that SQLite's own checks
/// pass) made `check` give up with "run `periop check`". It now reads on
/// and names the row.
#[test]
fn r_audit_3_an_audit_row_that_is_not_text_is_named_and_the_check_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = ward(dir.path());
    let id = id_of_patient_insert(&path, 2);
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
