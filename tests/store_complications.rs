//! R-COMP-1 and R-HO-1 against a real ward (a file, or a PostgreSQL
//! database on that run, `store_common::new_ward`): complications recorded,
//! closed and voided, ossification follow-ups with their timing check and
//! X-ray, each through the audited write path with the roles of R-ROLE-1;
//! the board lists what is open or due; `periop check` finds every row
//! matching its audit row; a schema 10 file is upgraded.

mod store_common;

use chrono::{Duration, NaiveDate};
use periop::domain::complications::{Kind, NewComplication, Severity};
use periop::domain::ossification::{Brooker, Prophylaxis};
use periop::domain::roles::Role;
use periop::store::ossification::{self, NewFollowUp};
use periop::store::void::{self, Voidable};
use periop::store::{Store, StoreError, complications};
use store_common::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn infection(patient_id: i64) -> NewComplication {
    NewComplication {
        patient_id,
        case_id: None,
        kind: Kind::Infection,
        onset_on: day(21),
        severity: Severity::Severe,
        description: "pin site 3 red, pus".into(),
    }
}

fn open_list(store: &Store, patient_id: i64) -> Vec<periop::store::complications::ComplicationRow> {
    let q = complications::ComplicationQuery { patient_id: Some(patient_id), open_only: true };
    store.complications(q).unwrap()
}

#[test]
fn r_comp_1_a_complication_is_recorded_shown_on_the_board_closed_and_audited() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let patient = add_patient(&mut store, 1);
    let id = store.write(at(), |tx| complications::record(tx, &infection(patient))).unwrap();

    let list = open_list(&store, patient);
    assert_eq!(list.len(), 1);
    let c = &list[0].complication;
    assert_eq!((c.kind, c.severity, c.onset_on), (Kind::Infection, Severity::Severe, day(21)));
    assert_eq!(c.recorded_by, "Ada Admin");
    assert!(c.is_open());

    // R-COMP-1: open, it is on the board beside the patient, as urgent as it is severe.
    let board = store.board(day(22), at()).unwrap();
    let alert = board.attention.iter().find(|a| a.rule == "R-COMP-1").expect("on the board");
    assert_eq!(alert.severity, periop::domain::attention::Severity::Urgent);
    assert_eq!(board.patient_for(alert.subject).unwrap().patient_id, patient);
    assert!(!alert.message.contains("Testpatient"), "R-PRIV-1: {}", alert.message);
    let json = periop::cli::board::json(&board, at(), store.zone());
    assert!(json.contains("\"patient_alerts\"") && json.contains("\"kind\": \"patient\""), "{json}");

    // Closing needs an outcome; closed, it leaves the board.
    let err = store.write(at_plus(5), |tx| complications::close(tx, id, Some(1), " ")).unwrap_err();
    assert!(err.to_string().contains("say what came of it"), "{err}");
    store.write(at_plus(5), |tx| complications::close(tx, id, Some(1), "healed on oral antibiotics")).unwrap();
    assert!(open_list(&store, patient).is_empty());
    let all = store.complications(complications::ComplicationQuery { patient_id: Some(patient), open_only: false });
    let closed = all.unwrap()[0].complication.closed.clone().expect("closed");
    assert_eq!(closed.outcome, "healed on oral antibiotics");
    assert!(store.board(day(22), at_plus(6)).unwrap().attention.iter().all(|a| a.rule != "R-COMP-1"));
    // R-AUDIT-2: a second close of the version seen is refused, naming why.
    let err = store.write(at_plus(7), |tx| complications::close(tx, id, Some(1), "again")).unwrap_err();
    assert!(err.to_string().contains("already closed"), "{err}");

    let conn = door(&ward);
    assert_eq!(audit_rows_of(&conn, "complications", id), 2, "recorded, then closed");
    drop(store);
    let report = periop::store::check::check_location(&ward.location, at_plus(10)).unwrap();
    assert!(report.is_healthy(), "{report:?}");
}

#[test]
fn r_comp_1_an_onset_after_today_and_another_patients_case_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let patient = add_patient(&mut store, 1);
    let tomorrow = NewComplication { onset_on: day(23), ..infection(patient) };
    let err = store.write(at(), |tx| complications::record(tx, &tomorrow)).unwrap_err();
    assert!(err.to_string().contains("after today"), "{err}");
    let no_case = NewComplication { case_id: Some(999), ..infection(patient) };
    let err = store.write(at(), |tx| complications::record(tx, &no_case)).unwrap_err();
    assert!(err.to_string().contains("no case with that number"), "{err}");
    let err = store.write(at(), |tx| complications::close(tx, 42, None, "healed")).unwrap_err();
    assert!(err.to_string().contains("no complication with that number"), "{err}");
}

#[test]
fn r_comp_1_a_complication_entered_by_mistake_is_voided_and_leaves_every_list() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let patient = add_patient(&mut store, 1);
    let id = store.write(at(), |tx| complications::record(tx, &infection(patient))).unwrap();
    let voided = store.write(at_plus(1), |tx| void::void(tx, Voidable::Complication, id, "wrong patient")).unwrap();
    assert_eq!(voided.value, "infection");
    assert!(open_list(&store, patient).is_empty());
    let err = store.write(at_plus(2), |tx| complications::close(tx, id, None, "healed")).unwrap_err();
    assert!(err.to_string().contains("voided"), "{err}");
    assert!(store.board(day(22), at_plus(2)).unwrap().attention.iter().all(|a| a.rule != "R-COMP-1"));
    assert_eq!(audit_rows_of(&door(&ward), "complications", id), 2, "kept, with its void");
}

#[test]
fn r_comp_1_nurses_record_doctors_close_and_readers_are_refused_with_the_role_named() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let patient = add_patient(&mut store, 1);
    drop(store);
    let as_role = |role: Role| {
        let account = account(&format!("as_{}", role.code()), None);
        give_role(&ward, &account, role);
        open_playing(&ward, &account)
    };
    let mut nurse = as_role(Role::Nurse);
    let id = nurse.write(at(), |tx| complications::record(tx, &infection(patient))).unwrap();
    let err = nurse.write(at(), |tx| complications::close(tx, id, None, "healed")).unwrap_err();
    assert!(matches!(err, StoreError::NotAllowed { .. }), "{err}");
    assert!(err.to_string().contains("your role is nurse") && err.to_string().contains("doctor or admin"), "{err}");
    let mut reader = as_role(Role::ReadOnly);
    let err = reader.write(at(), |tx| complications::record(tx, &infection(patient))).unwrap_err();
    assert!(err.to_string().contains("your role is read_only"), "{err}");
    assert!(err.to_string().contains("the role nurse, doctor or admin"), "{err}");
    let mut doctor = as_role(Role::Doctor);
    doctor.write(at(), |tx| complications::close(tx, id, None, "healed")).unwrap();
}

fn follow_up(patient_id: i64, given_after_h: i64, reason: Option<&str>) -> NewFollowUp {
    let surgery_at = at() - Duration::hours(100);
    NewFollowUp {
        patient_id,
        case_id: None,
        surgery_at,
        prophylaxis: Prophylaxis::Radiotherapy { at: surgery_at + Duration::hours(given_after_h), dose_gy: 7.0 },
        timing_reason: reason.map(String::from),
    }
}

#[test]
fn r_ho_1_radiotherapy_outside_its_window_needs_a_reason_and_the_x_ray_closes_the_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let patient = add_patient(&mut store, 1);
    // 72 h after: in the window, no warning.
    let (ok, warnings) = store.write(at(), |tx| ossification::record(tx, &follow_up(patient, 72, None))).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    // A minute later: refused without a reason, recorded with one and warned.
    let late = NewFollowUp {
        surgery_at: at() - Duration::hours(100),
        prophylaxis: Prophylaxis::Radiotherapy { at: at() - Duration::hours(28) + Duration::minutes(1), dose_gy: 7.0 },
        ..follow_up(patient, 0, None)
    };
    let err = store.write(at(), |tx| ossification::record(tx, &late)).unwrap_err();
    assert!(
        err.to_string().contains("72 h 01 min after surgery") && err.to_string().contains("give the reason"),
        "{err}"
    );
    let late = NewFollowUp { timing_reason: Some("linac down for maintenance".into()), ..late };
    let (id, warnings) = store.write(at(), |tx| ossification::record(tx, &late)).unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let rows = store.ossification_of(patient).unwrap();
    assert_eq!(rows.len(), 2);
    let stored = rows.iter().find(|r| r.follow_up.follow_up_id == id).unwrap();
    assert_eq!(stored.follow_up.timing_reason.as_deref(), Some("linac down for maintenance"));
    // The timing warning is on the board until the X-ray check.
    let board = store.board(day(22), at()).unwrap();
    assert!(board.attention.iter().any(|a| a.rule == "R-HO-1" && a.message.starts_with("HO RADIOTHERAPY TIMING")));
    let err = store.write(at(), |tx| ossification::record_xray(tx, id, Some(1), day(30), Brooker::II)).unwrap_err();
    assert!(err.to_string().contains("not between the surgery and today"), "{err}");
    store.write(at(), |tx| ossification::record_xray(tx, id, Some(1), day(22), Brooker::II)).unwrap();
    // Found in use: a second check overwrote the grade. Refused, saying
    // what was recorded, by whom, and how to correct it.
    let err = store.write(at(), |tx| ossification::record_xray(tx, id, None, day(22), Brooker::III)).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("its X-ray check is already recorded: Brooker II on 22/11/2026 (recorded by "), "{text}");
    assert!(text.contains(&format!("void the follow-up (periop void ossification {id} --reason …)")), "{text}");
    assert_eq!(
        store
            .ossification_of(patient)
            .unwrap()
            .iter()
            .find(|r| r.follow_up.follow_up_id == id)
            .unwrap()
            .follow_up
            .brooker,
        Some(Brooker::II)
    );
    let board = store.board(day(22), at()).unwrap();
    assert!(board.attention.iter().all(|a| a.rule != "R-HO-1"), "{:?}", board.attention);
    // Voided, a follow-up leaves the patient's list.
    store.write(at(), |tx| void::void(tx, Voidable::Ossification, ok, "duplicate")).unwrap();
    assert_eq!(store.ossification_of(patient).unwrap().len(), 1);
    drop(store);
    let report = periop::store::check::check_location(&ward.location, at_plus(10)).unwrap();
    assert!(report.is_healthy(), "{report:?}");
}

#[test]
fn r_ho_1_a_nurse_may_not_record_a_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let patient = add_patient(&mut store, 1);
    drop(store);
    give_role(&ward, &nurse(), Role::Nurse);
    let mut nurse_store = open_playing(&ward, &nurse());
    let err = nurse_store.write(at(), |tx| ossification::record(tx, &follow_up(patient, 10, None))).unwrap_err();
    assert!(err.to_string().contains("the role doctor or admin"), "{err}");
}

/// R-COMP-1, R-HO-1: a file of schema 10 is upgraded with the new tables.
#[test]
fn r_comp_1_a_schema_10_file_is_upgraded_with_the_complication_tables() {
    if file_only("a schema 10 file's upgrade: a PostgreSQL ward starts at the current schema") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    {
        let conn = raw_rw(&path);
        conn.execute_batch("DROP TABLE complications; DROP TABLE ho_follow_ups; PRAGMA user_version = 10;").unwrap();
    }
    let report = periop::store::check::check_file(&path, at()).unwrap();
    assert_eq!(report.schema_version, 10);
    let mut store = open_playing(&path, &admin());
    let patient = add_patient(&mut store, 1);
    store.write(at(), |tx| complications::record(tx, &infection(patient))).unwrap();
    let conn = raw_ro(&path);
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, periop::store::schema::VERSION);
    assert_eq!(count(&conn, "SELECT count(*) FROM complications", []), 1);
}
