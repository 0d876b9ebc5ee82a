//! The one write path (DESIGN.md, "The store"): R-AUDIT-1 (every change leaves
//! one audit row per changed row, in the same transaction; the log is
//! append-only) and R-AUDIT-2 (a save over someone else's newer save is refused
//! with a Conflict naming who and when), with R-PATH-2's admission steps and
//! the settings as the records two members of staff edit.

mod store_common;

use chrono::NaiveDate;
use periop::domain::pathway::{AdmissionState, Step};
use periop::store::admissions::{self, NewAdmission};
use periop::store::db::{Connection, Dialect, params, types};
use periop::store::{Store, StoreError, settings};
use serde_json::{Value, json};
use store_common::*;

/// One audit row, as the database holds it.
#[derive(Debug, Clone, PartialEq)]
struct AuditRow {
    id: i64,
    at: String,
    actor_id: i64,
    table: String,
    row_id: i64,
    action: String,
    before: Option<Value>,
    after: Value,
}

fn audit_after(conn: &Connection, last_id: i64) -> Vec<AuditRow> {
    let mut stmt = conn
        .prepare(
            "SELECT id, at, actor_id, table_name, row_id, action, before, after FROM audit WHERE id > ?1 ORDER BY id",
        )
        .unwrap();
    let json = |text: String| serde_json::from_str::<Value>(&text).expect("audit JSON");
    stmt.query_map([last_id], |r| {
        Ok(AuditRow {
            id: r.get(0)?,
            at: r.get(1)?,
            actor_id: r.get(2)?,
            table: r.get(3)?,
            row_id: r.get(4)?,
            action: r.get(5)?,
            before: r.get::<_, Option<String>>(6)?.map(json),
            after: json(r.get(7)?),
        })
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// A row as a JSON object, read here independently of the store's own code.
fn row_image(conn: &Connection, table: &str, id: i64) -> Value {
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table} WHERE id = ?1")).unwrap();
    let names: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
    stmt.query_row([id], |r| {
        let mut object = serde_json::Map::new();
        for (i, name) in names.iter().enumerate() {
            let value = match r.get::<_, types::Value>(i)? {
                types::Value::Null => Value::Null,
                types::Value::Integer(n) => json!(n),
                types::Value::Real(x) => json!(x),
                types::Value::Text(t) => json!(t),
                types::Value::Blob(b) => json!(format!("<{} bytes>", b.len())),
            };
            object.insert(name.clone(), value);
        }
        Ok(Value::Object(object))
    })
    .unwrap()
}

fn last_audit_id(conn: &Connection) -> i64 {
    count(conn, "SELECT COALESCE(MAX(id), 0) FROM audit", [])
}

fn audit_total(conn: &Connection) -> i64 {
    count(conn, "SELECT count(*) FROM audit", [])
}

/// A connection that may write behind the store's back: the file opened
/// read-write, or a client of the ward's database (its owner: the triggers
/// still stand).
fn door_rw(ward: &Ward) -> Connection {
    match ward.location.file() {
        Some(path) => Connection::from_sqlite(raw_rw(path)),
        None => ward.door(),
    }
}

fn ward_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A patient and a planned admission arriving on `ward_day()`, made by the admin.
fn planned_admission(ward: &Ward) -> (i64, i64) {
    let mut admin = open_as_staff(ward, &admin());
    let patient_id = add_patient(&mut admin, 1);
    let admission = NewAdmission {
        patient_id,
        planned_admit_on: ward_day(),
        planned_discharge_on: ward_day().succ_opt().unwrap(),
        bed_id: None,
    };
    let admission_id = admin.write(at(), |tx| admissions::create(tx, &admission)).unwrap();
    (patient_id, admission_id)
}

/// What a member of staff sees on the board: the admission's state and version.
fn seen_on_board(store: &Store, admission_id: i64) -> (AdmissionState, i64) {
    let board = store.board(ward_day(), at()).unwrap();
    let stay =
        board.facts.arrivals.iter().find(|s| s.admission_id == admission_id).expect("the admission is on the board");
    (stay.state, stay.version)
}

/// A read through the store: a write call that only reads, committed empty.
fn read_setting(store: &mut Store, key: &str) -> Option<(String, i64)> {
    store.write(at(), |tx| settings::stored(tx.conn(), key)).unwrap()
}

fn assert_conflict_by(err: &StoreError, who: &str, when: &str) {
    match err {
        StoreError::Conflict { by, at, .. } => {
            assert_eq!(by, who, "{err}");
            assert_eq!(at, when, "{err}");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let text = err.to_string();
    assert!(text.contains(who) && text.contains(when) && !text.contains('\n'), "{text}");
}

#[test]
fn r_audit_1_an_insert_appends_one_audit_row_with_actor_time_table_row_and_values() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut nurse = open_as_staff(&ward, &nurse());
    let conn = ward.door();
    let last = last_audit_id(&conn);

    let id = add_patient(&mut nurse, 7);

    let rows = audit_after(&conn, last);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = &rows[0];
    assert_eq!(row.at, "2026-11-22T07:30:00Z");
    assert_eq!(row.actor_id, nurse.actor().staff_id);
    assert_eq!((row.table.as_str(), row.row_id, row.action.as_str()), ("patients", id, "insert"));
    assert_eq!(row.before, None);
    // The after image is the whole row as stored, column by column.
    assert_eq!(row.after, row_image(&conn, "patients", id));
    let expected = json!({"id": id, "surname": "Testpatient7", "first_name": "Camille", "birth_date": "1960-03-14",
                          "sex": "F", "hospital_number": "H000007", "version": 1});
    for (field, value) in expected.as_object().unwrap() {
        assert_eq!(&row.after[field], value, "{field}");
    }
}

#[test]
fn r_audit_1_r_path_2_a_step_audits_each_changed_row_with_before_and_after() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let (_, admission_id) = planned_admission(&ward);
    let mut nurse = open_as_staff(&ward, &nurse());
    let conn = ward.door();
    let last = last_audit_id(&conn);

    let taken = nurse.write(at_plus(60), |tx| admissions::take_step(tx, admission_id, 1, Step::Admit, None)).unwrap();
    assert_eq!((taken.from, taken.to, taken.version), (AdmissionState::Planned, AdmissionState::Admitted, 2));

    // Two rows changed (the admission, and a new step), so two audit rows.
    let rows = audit_after(&conn, last);
    assert_eq!(rows.len(), 2, "{rows:?}");
    for row in &rows {
        assert_eq!(row.at, "2026-11-22T08:30:00Z");
        assert_eq!(row.actor_id, nurse.actor().staff_id);
    }
    let update = &rows[0];
    assert_eq!((update.table.as_str(), update.row_id, update.action.as_str()), ("admissions", admission_id, "update"));
    let before = update.before.as_ref().expect("an update keeps the row as it was");
    assert_eq!(
        (&before["state"], &before["admitted_at"], &before["version"]),
        (&json!("planned"), &Value::Null, &json!(1))
    );
    let after = &update.after;
    assert_eq!(
        (&after["state"], &after["admitted_at"], &after["version"]),
        (&json!("admitted"), &json!("2026-11-22T08:30:00Z"), &json!(2))
    );

    assert_eq!(update.after, row_image(&conn, "admissions", admission_id));

    let step = &rows[1];
    assert_eq!((step.table.as_str(), step.action.as_str(), step.before.as_ref()), ("admission_steps", "insert", None));
    assert_eq!(step.after["admission_id"], json!(admission_id));
    assert_eq!((&step.after["from_state"], &step.after["to_state"]), (&json!("planned"), &json!("admitted")));
    assert_eq!(step.after["actor_id"], json!(nurse.actor().staff_id));
    assert_eq!(step.after, row_image(&conn, "admission_steps", step.row_id));
}

#[test]
fn r_audit_1_a_change_that_fails_after_writing_leaves_neither_the_row_nor_its_audit_row() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let (_, admission_id) = planned_admission(&ward);
    let mut nurse = open_as_staff(&ward, &nurse());
    let conn = ward.door();
    let audit_before = audit_total(&conn);

    // The closure wrote, then gave up.
    let err = nurse
        .write(at(), |tx| {
            periop::store::patients::register(tx, &patient(2))?;
            Err::<(), _>(StoreError::invalid("test", "the user cancelled"))
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err:?}");
    assert_eq!(count(&conn, "SELECT count(*) FROM patients WHERE hospital_number = 'H000002'", []), 0);
    assert_eq!(audit_total(&conn), audit_before);

    // A step, then a second write that the file refuses (a hospital number
    // already taken): the step and its audit rows go too.
    let err = nurse
        .write(at(), |tx| {
            admissions::take_step(tx, admission_id, 1, Step::Admit, None)?;
            periop::store::patients::register(tx, &patient(1))
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::Database(_)), "{err:?}");
    let (state, version): (String, i64) = conn
        .query_row("SELECT state, version FROM admissions WHERE id = ?1", [admission_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((state.as_str(), version), ("planned", 1));
    assert_eq!(count(&conn, "SELECT count(*) FROM admission_steps", []), 0);
    assert_eq!(audit_total(&conn), audit_before);

    // A value the catalogue refuses is never written.
    let err = nurse.write(at(), |tx| settings::set(tx, "fast.solids_h", "-1", None)).unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err:?}");
    assert_eq!(count(&conn, "SELECT count(*) FROM settings", []), 0);
    assert_eq!(audit_total(&conn), audit_before);

    // The store is still usable after the failed transactions.
    nurse.write(at(), |tx| admissions::take_step(tx, admission_id, 1, Step::Admit, None)).unwrap();
    assert_eq!(audit_total(&conn), audit_before + 2);
}

#[test]
fn r_audit_1_the_audit_log_cannot_be_changed_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut nurse = open_as_staff(&ward, &nurse());
    add_patient(&mut nurse, 1);
    drop(nurse);

    let conn = door_rw(&ward);
    let before = audit_after(&conn, 0);
    assert!(!before.is_empty());
    let attempts = [
        ("UPDATE audit SET actor_id = 1, after = '{}' WHERE id = (SELECT MAX(id) FROM audit)", "cannot be changed"),
        ("UPDATE audit SET at = '2000-01-01T00:00:00Z'", "cannot be changed"),
        ("DELETE FROM audit WHERE id = (SELECT MAX(id) FROM audit)", "cannot be deleted"),
        ("DELETE FROM audit", "cannot be deleted"),
        // An upsert is an UPDATE, so the update trigger fires.
        (
            "INSERT INTO audit (id, at, actor_id, table_name, row_id, action, after)
             SELECT id, at, actor_id, table_name, row_id, action, '{}' FROM audit WHERE id = 1
             ON CONFLICT (id) DO UPDATE SET after = excluded.after",
            "cannot be changed",
        ),
    ];
    for (sql, refusal) in attempts {
        let err = conn.execute(sql, []).expect_err(sql);
        assert!(err.to_string().contains(refusal), "{sql}: {err}");
    }
    assert_eq!(audit_after(&conn, 0), before);
}

#[test]
fn r_audit_2_r_path_2_two_terminals_admit_the_same_patient_and_the_second_gets_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let (_, admission_id) = planned_admission(&ward);
    let mut alice = open_as_staff(&ward, &alice());
    let mut bob = open_as_staff(&ward, &bob());
    let conn = ward.door();

    // Both open the admission: planned, version 1.
    assert_eq!(seen_on_board(&alice, admission_id), (AdmissionState::Planned, 1));
    assert_eq!(seen_on_board(&bob, admission_id), (AdmissionState::Planned, 1));

    // Alice admits at 08:30 on the ward (07:30 UTC).
    alice.write(at(), |tx| admissions::take_step(tx, admission_id, 1, Step::Admit, None)).unwrap();
    let audit_after_alice = audit_total(&conn);

    // Bob, five minutes later, still with version 1.
    let err = bob.write(at_plus(5), |tx| admissions::take_step(tx, admission_id, 1, Step::Admit, None)).unwrap_err();
    assert_conflict_by(&err, "Alice Martin", "08:30 on 22/11");
    assert!(err.to_string().starts_with("this admission was saved by"), "{err}");
    assert!(!err.to_string().contains("Testpatient"), "R-PRIV-1: no patient in a message: {err}");

    // Nothing of Bob's was written.
    let (admitted_at, version): (String, i64) = conn
        .query_row("SELECT admitted_at, version FROM admissions WHERE id = ?1", [admission_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((admitted_at.as_str(), version), ("2026-11-22T07:30:00Z", 2));
    let steps_by_bob = count(&conn, "SELECT count(*) FROM admission_steps WHERE actor_id = ?1", [bob.actor().staff_id]);
    assert_eq!(steps_by_bob, 0);
    // (The admin put him on the staff list: nothing at all is his.)
    assert_eq!(count(&conn, "SELECT count(*) FROM audit WHERE actor_id = ?1", [bob.actor().staff_id]), 0);
    assert_eq!(audit_total(&conn), audit_after_alice);

    // Bob refreshes, sees Alice's admission, and takes the next step.
    assert_eq!(seen_on_board(&bob, admission_id), (AdmissionState::Admitted, 2));
    let taken =
        bob.write(at_plus(90), |tx| admissions::take_step(tx, admission_id, 2, Step::MarkProcedureDone, None)).unwrap();
    assert_eq!((taken.to, taken.version), (AdmissionState::ProcedureDone, 3));
    let audit = alice.audit_entries("", None, 2).unwrap();
    assert!(audit.iter().all(|e| e.actor == "Bob Durand"), "{audit:?}");
    assert_eq!(audit_rows_of(&conn, "admissions", admission_id), 3); // insert, Alice's step, Bob's step
}

#[test]
fn r_audit_2_two_terminals_change_the_same_setting_and_the_second_gets_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    // R-ROLE-1: settings are the admins'.
    give_role(&ward, &alice(), periop::domain::roles::Role::Admin);
    give_role(&ward, &bob(), periop::domain::roles::Role::Admin);
    let mut alice = open_playing(&ward, &alice());
    let mut bob = open_playing(&ward, &bob());
    let conn = ward.door();
    let key = "fast.solids_h";

    // Never set: both see the default and save "the first value".
    assert_eq!(read_setting(&mut alice, key), None);
    assert_eq!(read_setting(&mut bob, key), None);
    assert_eq!(alice.write(at(), |tx| settings::set(tx, key, "7", None)).unwrap(), 1);
    let err = bob.write(at_plus(1), |tx| settings::set(tx, key, "8", None)).unwrap_err();
    assert_conflict_by(&err, "Alice Martin", "08:30 on 22/11");
    assert_eq!(read_setting(&mut bob, key), Some(("7".into(), 1)));

    // Both at version 1 now; Alice saves first again.
    assert_eq!(read_setting(&mut alice, key), Some(("7".into(), 1)));
    assert_eq!(alice.write(at_plus(10), |tx| settings::set(tx, key, "6.5", Some(1))).unwrap(), 2);
    let err = bob.write(at_plus(11), |tx| settings::set(tx, key, "8", Some(1))).unwrap_err();
    assert_conflict_by(&err, "Alice Martin", "08:40 on 22/11");
    assert_eq!(read_setting(&mut bob, key), Some(("6.5".into(), 2)));

    // With the new version, Bob's save goes through.
    assert_eq!(bob.write(at_plus(12), |tx| settings::set(tx, key, "8", Some(2))).unwrap(), 3);
    alice.reload_settings().unwrap();
    assert_eq!(alice.settings().number(key), 8.0);

    let id = count(&conn, "SELECT id FROM settings WHERE key = ?1", params![key]);
    assert_eq!(audit_rows_of(&conn, "settings", id), 3);
    let by_bob = count(
        &conn,
        "SELECT count(*) FROM audit WHERE table_name = 'settings' AND actor_id = ?1",
        [bob.actor().staff_id],
    );
    assert_eq!(by_bob, 1);
}

/// Bug: `INSERT OR REPLACE` (or `REPLACE INTO`) over an existing audit id
/// deletes and re-inserts the row, and SQLite fires no DELETE trigger for a
/// REPLACE unless `recursive_triggers` is on: the audit row is rewritten.
/// PostgreSQL has no REPLACE: its way to write over an id is an insert
/// carrying that id, which the replace trigger refuses in the same words.
#[test]
fn r_audit_1_the_audit_log_cannot_be_rewritten_by_a_replace() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let conn = door_rw(&ward);
    let before = audit_after(&conn, 0);
    let verbs: &[&str] = match conn.dialect() {
        Dialect::Sqlite => &["INSERT OR REPLACE", "REPLACE"],
        _ => &["INSERT"],
    };
    for verb in verbs {
        let sql = format!(
            "{verb} INTO audit (id, at, actor_id, table_name, row_id, action, after)
             SELECT id, '2000-01-01T00:00:00Z', actor_id, table_name, row_id, action, '{{}}' FROM audit WHERE id = 1"
        );
        let result = conn.execute(&sql, []);
        assert!(result.is_err(), "{verb} rewrote audit row 1");
        if conn.dialect() != Dialect::Sqlite {
            let err = result.unwrap_err().to_string();
            assert!(err.contains("cannot be changed"), "{verb}: {err}");
        }
    }
    assert_eq!(audit_after(&conn, 0), before);
}
