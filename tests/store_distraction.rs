//! Distraction rounds through the store, on real files: a case (R-DO-1), its
//! plan and phase steps (R-DO-2, R-DO-7), a round with its sessions and pin
//! grades (R-DO-5), the rounds list with its alerts (R-DO-4, R-DO-6), every
//! write audited, and a file of schema 3 upgraded.

mod store_common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use periop::domain::attention::Severity;
use periop::domain::distraction::{
    Colour, Device, Motor, Phase, PhaseEvent, PhaseKind, Prescription, Round, Sensation, Site,
};
use periop::store::distraction::{NewDistraction, RoundEntry, SessionEntry};
use periop::store::patients::{self, NewPatient};
use periop::store::{Account, Location, Store, StoreError};
use store_common::{door, file_only};

fn paris(month: u32, day: u32, h: u32) -> DateTime<Utc> {
    Paris.with_ymd_and_hms(2026, month, day, h, 0, 0).single().unwrap().to_utc()
}

fn d(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn tibia() -> Prescription {
    Prescription {
        site: Site::Tibia,
        device: Device::CircularFrame,
        mm_per_turn: 0.25,
        osteotomy_on: d(11, 1),
        latency_days: 7,
        rate_mm_day: 1.0,
        sessions_per_day: 4,
        target_mm: 20.0,
        pins: 4,
        pin_sites: "proximal 1-2, distal 3-4".into(),
    }
}

fn round(grades: &[u8]) -> Round {
    Round {
        at: paris(11, 12, 9),
        pain: 2,
        sensation: Sensation::Normal,
        motor: Motor::Normal,
        colour: Colour::Normal,
        rom_deg: Some(110),
        mouth_opening_mm: None,
        occlusion_ok: None,
        temperature_c: Some(37.2),
        pin_grades: grades.to_vec(),
        pin_care_done: true,
        note: "clean".into(),
    }
}

fn setup() -> (Place, Store, i64) {
    let place = Place::new();
    let account = Account { name: "nurse1".into(), full_name: Some("Nurse One".into()) };
    let mut store = Store::init_at(&place.location, &account, paris(11, 1, 8)).unwrap();
    let patient = store
        .write(paris(11, 1, 8), |tx| {
            patients::register(
                tx,
                &NewPatient {
                    surname: "Lefèvre".into(),
                    first_name: "Anne".into(),
                    birth_date: NaiveDate::from_ymd_opt(1990, 4, 2).unwrap(),
                    sex: 'F',
                    hospital_number: "H100".into(),
                },
            )
        })
        .unwrap();
    let id = store
        .add_distraction(
            paris(11, 1, 9),
            &NewDistraction { patient_id: patient, prescription: tibia(), outpatient: false },
        )
        .unwrap();
    (place, store, id)
}

/// Where a test's ward goes on this run's engine, not made yet: `w.db` in a
/// folder of its own, or an empty throwaway database on the PostgreSQL test
/// server (dropped with this). A helper of this file: its wards are made by
/// nurse1 on 1 November, not by `new_ward`'s admin on the 22nd.
struct Place {
    location: Location,
    _dir: tempfile::TempDir,
    #[cfg(feature = "postgres")]
    _server: Option<store_common::pg_support::TempDb>,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().unwrap();
        #[cfg(feature = "postgres")]
        if store_common::on_postgres() {
            let db = store_common::pg_support::TempDb::new().expect("PERIOP_TEST_ENGINE=postgres needs PERIOP_TEST_PG");
            return Place { location: db.location.clone(), _dir: dir, _server: Some(db) };
        }
        Place {
            location: Location::File(dir.path().join("w.db")),
            _dir: dir,
            #[cfg(feature = "postgres")]
            _server: None,
        }
    }
}

#[test]
fn r_do_1_a_case_is_stored_and_read_back_with_its_plan() {
    let (_dir, store, id) = setup();
    let case = store.distraction(id).unwrap();
    assert_eq!(case.prescription, tibia());
    assert_eq!(store.patient_by_hospital_number("H100").unwrap().map(|p| p.patient_id), Some(case.patient.patient_id));
    let plan = case.plan();
    assert_eq!((plan.start, plan.end), (d(11, 8), Some(d(11, 28))));
    let audited: i64 = door(store.location())
        .query_row("SELECT count(*) FROM audit WHERE table_name = 'distraction_cases'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(audited, 1);
}

#[test]
fn r_do_1_a_prescription_that_cannot_be_followed_is_refused() {
    let (_dir, mut store, _) = setup();
    let bad =
        NewDistraction { patient_id: 1, prescription: Prescription { rate_mm_day: 0.3, ..tibia() }, outpatient: false };
    let err = store.add_distraction(paris(11, 1, 9), &bad).unwrap_err();
    assert!(err.to_string().contains("not a whole number of 0.25 mm turns"), "{err}");
}

#[test]
fn r_do_5_r_do_6_a_round_with_a_grade_3_pin_is_an_urgent_review_on_the_rounds_list() {
    let (_dir, mut store, id) = setup();
    let entry = RoundEntry {
        round: round(&[0, 3, 1, 0]),
        sessions: vec![SessionEntry { session: 1, turns: 1, by_phone: false }],
    };
    store.record_round(paris(11, 12, 9), id, &entry).unwrap();
    let rows = store.rounds(d(11, 12), paris(11, 12, 9)).unwrap();
    assert_eq!(rows.len(), 1);
    let status = &rows[0].status;
    assert_eq!(status.phase, Phase::Distraction);
    assert_eq!(status.sessions_done, 1);
    assert_eq!(status.worst_pin, Some((2, 3)));
    let urgent = status.alerts.iter().find(|a| a.rule == "R-DO-6").unwrap();
    assert_eq!(
        (urgent.severity, urgent.message.as_str()),
        (Severity::Urgent, "PIN SITE GRADE 3: pin 2; urgent medical review")
    );
    // The same session twice is refused, naming it.
    let err = store.record_round(paris(11, 12, 10), id, &entry).unwrap_err();
    assert!(err.to_string().contains("session 1 of today is already recorded"), "{err}");
    // A grade out of range is refused with its range.
    let bad = RoundEntry { round: round(&[0, 7, 0, 0]), sessions: vec![] };
    let err = store.record_round(paris(11, 12, 10), id, &bad).unwrap_err();
    assert!(err.to_string().contains("pin 2 grade is 0 to 6"), "{err}");
}

#[test]
fn r_do_7_phase_steps_are_checked_and_change_the_plan() {
    let (_dir, mut store, id) = setup();
    let step = |kind, on, reason: Option<&str>, rate| PhaseEvent {
        kind,
        on,
        reason: reason.map(String::from),
        rate_mm_day: rate,
        recorded_at: None,
    };
    let err = store.record_phase(paris(11, 12, 9), id, &step(PhaseKind::Pause, d(11, 12), None, None)).unwrap_err();
    assert!(err.to_string().contains("a pause needs a reason"), "{err}");
    store.record_phase(paris(11, 12, 9), id, &step(PhaseKind::Pause, d(11, 12), Some("pain"), None)).unwrap();
    let err =
        store.record_phase(paris(11, 12, 9), id, &step(PhaseKind::Pause, d(11, 12), Some("again"), None)).unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    store.record_phase(paris(11, 14, 9), id, &step(PhaseKind::Resume, d(11, 14), None, Some(0.5))).unwrap();
    let case = store.distraction(id).unwrap();
    assert_eq!(case.events.len(), 2);
    let plan = case.plan();
    assert_eq!(plan.phase_on(d(11, 13)), Phase::Paused);
    assert_eq!(plan.sessions_on(d(11, 14)), &[1, 1, 0, 0]);
    // A removal takes the case off the rounds list from the next day (a
    // removal leaves consolidation: distraction is ended first).
    store.record_phase(paris(11, 20, 9), id, &step(PhaseKind::EndDistraction, d(11, 20), None, None)).unwrap();
    store.record_phase(paris(11, 20, 9), id, &step(PhaseKind::Removal, d(11, 20), None, None)).unwrap();
    assert_eq!(store.rounds(d(11, 20), paris(11, 20, 9)).unwrap().len(), 1);
    assert!(store.rounds(d(11, 21), paris(11, 21, 9)).unwrap().is_empty());
}

#[test]
fn a_file_of_schema_3_is_upgraded_with_the_distraction_tables() {
    if file_only("a schema 3 file upgraded on opening: a PostgreSQL ward is made at the current schema") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let account = Account { name: "nurse1".into(), full_name: None };
    drop(Store::init(&path, &account, paris(11, 1, 8)).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE pin_grades; DROP TABLE distraction_rounds; DROP TABLE distraction_sessions;
             DROP TABLE distraction_phases; DROP TABLE distraction_cases;
             DROP TABLE audit_search; DROP TABLE patient_search; DROP TABLE audit_terms; PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    // `periop check` reads it before any upgrade (found in use: "no such
    // table: distraction_cases") and says it is of an older schema.
    let report = periop::store::check::check_file(&path, paris(11, 2, 8)).unwrap();
    assert_eq!(report.schema_version, 3);
    assert!(report.undecodable.is_empty());
    let store = Store::open_as(&path, &account).unwrap();
    assert!(store.rounds(d(11, 2), paris(11, 2, 8)).unwrap().is_empty());
}

/// R-DO-6 on the Board: a grade-3 pin site is an urgent review on the
/// attention list, beside the patient's identity.
#[test]
fn r_do_6_the_urgent_review_is_on_the_board() {
    let (_dir, mut store, id) = setup();
    let entry = RoundEntry { round: round(&[0, 0, 3, 0]), sessions: vec![] };
    store.record_round(paris(11, 12, 9), id, &entry).unwrap();
    let board = store.board(d(11, 12), paris(11, 12, 9)).unwrap();
    let alert = board.attention.iter().find(|a| a.rule == "R-DO-6").expect("on the board");
    assert_eq!(alert.severity, Severity::Urgent);
    assert_eq!(alert.message, "PIN SITE GRADE 3: pin 3; urgent medical review");
    assert_eq!(board.patient_for(alert.subject).map(ToString::to_string).as_deref(), Some("LEFÈVRE Anne (02/04/1990)"));
    // Not on a day to come.
    assert!(store.board(d(11, 13), paris(11, 12, 9)).unwrap().attention.iter().all(|a| a.rule != "R-DO-6"));
}

/// R-DO-5: turns of a day gone by, phoned in late, are recorded on that day
/// (the sheet of that day no longer misses them); a day to come and a day
/// before the osteotomy are refused, saying why.
#[test]
fn r_do_5_sessions_of_a_day_gone_by_are_recorded_late_and_a_day_to_come_is_refused() {
    let (_dir, mut store, id) = setup();
    let now = paris(11, 12, 9);
    let yesterday = store.rounds(d(11, 11), now).unwrap().remove(0).status;
    assert_eq!((yesterday.sessions_done, yesterday.overdue), (0, 4), "nothing recorded on 11/11: all missed");
    let late =
        [SessionEntry { session: 1, turns: 1, by_phone: true }, SessionEntry { session: 2, turns: 1, by_phone: true }];
    store.record_sessions(now, id, d(11, 11), &late).unwrap();
    let case = store.distraction(id).unwrap();
    let recorded: Vec<(NaiveDate, u32)> = case.sessions.iter().map(|s| (s.day, s.session)).collect();
    assert_eq!(recorded, [(d(11, 11), 1), (d(11, 11), 2)]);
    assert_eq!(case.sessions[0].done_at, now, "done_at says when it was reported");
    let yesterday = store.rounds(d(11, 11), now).unwrap().remove(0).status;
    assert_eq!((yesterday.sessions_done, yesterday.overdue_sessions.clone()), (2, vec![3, 4]));

    let again = store.record_sessions(now, id, d(11, 11), &late[..1]).unwrap_err();
    assert!(again.to_string().contains("session 1 of 11/11/2026 is already recorded"), "{again}");
    let ahead = store.record_sessions(now, id, d(11, 13), &late[..1]).unwrap_err();
    assert!(ahead.to_string().contains("the sessions of 13/11/2026 cannot be recorded before the day"), "{ahead}");
    let before = store.record_sessions(now, id, d(10, 31), &late[..1]).unwrap_err();
    assert!(before.to_string().contains("31/10/2026 is before the osteotomy (01/11/2026)"), "{before}");
}

/// R-DO-6: the sheet of a day gone by counts the rounds made by its end
/// only: a grade-3 pin recorded today is not yesterday's alert.
#[test]
fn r_do_6_yesterdays_sheet_is_judged_without_todays_round() {
    let (_dir, mut store, id) = setup();
    let entry = RoundEntry { round: round(&[0, 3, 0, 0]), sessions: Vec::new() };
    store.record_round(paris(11, 12, 9), id, &entry).unwrap();
    let now = paris(11, 12, 10);
    let today = store.rounds(d(11, 12), now).unwrap().remove(0).status;
    assert!(today.alerts.iter().any(|a| a.message.starts_with("PIN SITE GRADE 3")), "{:?}", today.alerts);
    let yesterday = store.rounds(d(11, 11), now).unwrap().remove(0).status;
    assert_eq!(yesterday.worst_pin, None);
    assert!(!yesterday.alerts.iter().any(|a| a.rule == "R-DO-6"), "{:?}", yesterday.alerts);
    let tomorrow = store.rounds(d(11, 13), now).unwrap().remove(0).status;
    assert!(tomorrow.alerts.is_empty(), "a day to come is its plan: {:?}", tomorrow.alerts);
    assert_eq!(tomorrow.sessions_due, 4);
}

fn messages(store: &Store, day: NaiveDate, now: DateTime<Utc>) -> Vec<String> {
    store.rounds(day, now).unwrap().remove(0).status.alerts.into_iter().map(|a| a.message).collect()
}

/// R-DO-5, R-DO-6: a round entered by mistake (grade 4 typed for 1, a
/// fever, the pain, the range of motion of another patient) raises every
/// alert until it is voided with a reason; then it counts in no alert and
/// in no worst grade, and the file keeps it, audited, with who and why.
#[test]
fn r_do_5_a_round_voided_counts_in_no_alert_and_no_worst_grade() {
    use periop::store::void::{self, Voidable};
    let (_dir, mut store, id) = setup();
    store.record_round(paris(11, 11, 9), id, &RoundEntry { round: round(&[0, 1, 0, 0]), sessions: vec![] }).unwrap();
    let wrong = Round { pain: 6, rom_deg: Some(80), temperature_c: Some(39.2), ..round(&[0, 4, 0, 0]) };
    let wrong_id = store.record_round(paris(11, 12, 9), id, &RoundEntry { round: wrong, sessions: vec![] }).unwrap();
    let now = paris(11, 12, 10);
    let before = messages(&store, d(11, 12), now);
    for alert in ["PIN SITE GRADE 4", "FEVER 39.2 °C", "PAIN UP: 6/10", "RANGE OF MOTION DOWN: 80°"] {
        assert!(before.iter().any(|m| m.starts_with(alert)), "{alert}: {before:?}");
    }
    let voided = store.write(now, |tx| void::void(tx, Voidable::Round, wrong_id, "grade 4 typed for 1")).unwrap();
    assert_eq!(voided.value, "round: pain 6/10, pin grades 0 4 0 0");
    let status = store.rounds(d(11, 12), now).unwrap().remove(0).status;
    assert!(status.alerts.iter().all(|a| a.rule != "R-DO-6"), "{:?}", status.alerts);
    assert_eq!(status.worst_pin, Some((2, 1)), "the worst grade is the last round that counts");
    let case = store.distraction(id).unwrap();
    assert_eq!(case.rounds.len(), 1);
    let kept = case.round_log.iter().find(|r| r.id == wrong_id).unwrap();
    assert_eq!(kept.void_reason.as_deref(), Some("grade 4 typed for 1"));
    let conn = door(store.location());
    let audited: String = conn
        .query_row(
            "SELECT after FROM audit WHERE table_name = 'distraction_rounds' AND row_id = ?1 ORDER BY id DESC LIMIT 1",
            [wrong_id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(audited.contains("grade 4 typed for 1"), "{audited}");
    let again = store.write(now, |tx| void::void(tx, Voidable::Round, wrong_id, "again")).unwrap_err();
    assert!(again.to_string().contains("already voided by Nurse One"), "{again}");
    let bare = store.write(now, |tx| void::void(tx, Voidable::Round, id, " ")).unwrap_err();
    assert!(bare.to_string().contains("give a reason"), "{bare}");
}

/// R-DO-6: a voided first round is no longer the range-of-motion baseline,
/// and a voided round is not "the previous round" of a pain jump.
#[test]
fn r_do_6_a_voided_round_is_neither_the_baseline_nor_the_previous_round() {
    use periop::store::void::{self, Voidable};
    let (_dir, mut store, id) = setup();
    let entry =
        |pain, rom| RoundEntry { round: Round { pain, rom_deg: Some(rom), ..round(&[0, 0, 0, 0]) }, sessions: vec![] };
    let typo = store.record_round(paris(11, 10, 9), id, &entry(1, 150)).unwrap();
    store.record_round(paris(11, 11, 9), id, &entry(4, 120)).unwrap();
    let low = store.record_round(paris(11, 11, 15), id, &entry(0, 120)).unwrap();
    store.record_round(paris(11, 12, 9), id, &entry(4, 118)).unwrap();
    let now = paris(11, 12, 10);
    let before = messages(&store, d(11, 12), now);
    assert!(before.iter().any(|m| m.starts_with("RANGE OF MOTION DOWN: 118° from 150°")), "{before:?}");
    assert!(before.iter().any(|m| m.starts_with("PAIN UP: 4/10 from 0/10")), "{before:?}");
    store.write(now, |tx| void::void(tx, Voidable::Round, typo, "150 typed for 105")).unwrap();
    store.write(now, |tx| void::void(tx, Voidable::Round, low, "another patient's pain")).unwrap();
    let after = messages(&store, d(11, 12), now);
    assert!(!after.iter().any(|m| m.starts_with("RANGE OF MOTION") || m.starts_with("PAIN UP")), "{after:?}");
}

/// R-DO-5: the turns of a recorded session are corrected (the row keeps its
/// day and number), against the version seen: someone else's correction in
/// between is a conflict, not overwritten (R-AUDIT-2); the audit keeps both.
#[test]
fn r_do_5_a_recorded_sessions_turns_are_corrected_with_a_version_check() {
    use periop::store::distraction::SessionCorrection;
    let (_dir, mut store, id) = setup();
    let now = paris(11, 12, 10);
    store.record_sessions(now, id, d(11, 12), &[SessionEntry { session: 1, turns: 3, by_phone: false }]).unwrap();
    let seen = store.distraction(id).unwrap().sessions[0].clone();
    assert!(!seen.corrected());
    let fix = SessionCorrection { session: 1, turns: 1, version: seen.version };
    let done = store.correct_sessions(now, id, d(11, 12), &[fix]).unwrap();
    assert_eq!((done[0].from, done[0].to), (3, 1));
    let session = store.distraction(id).unwrap().sessions[0].clone();
    assert_eq!((session.turns, session.corrected(), session.done_at), (1, true, seen.done_at));
    // A second terminal still holding version 1.
    let stale = store.correct_sessions(now, id, d(11, 12), &[SessionCorrection { turns: 2, ..fix }]).unwrap_err();
    assert!(matches!(stale, StoreError::Conflict { .. }), "{stale}");
    let missing = SessionCorrection { session: 2, turns: 1, version: 1 };
    let err = store.correct_sessions(now, id, d(11, 12), &[missing]).unwrap_err();
    assert!(err.to_string().contains("session 2 of today is not recorded, so there is nothing to correct"), "{err}");
    let err = store.correct_sessions(now, id, d(11, 12), &[SessionCorrection { session: 5, ..fix }]).unwrap_err();
    assert!(err.to_string().contains("session 5 does not exist: the rhythm is 4 a day"), "{err}");
    let conn = door(store.location());
    let (before, after): (String, String) = conn
        .query_row(
            "SELECT before, after FROM audit WHERE table_name = 'distraction_sessions' AND action = 'update'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(before.contains("\"turns\":3") && after.contains("\"turns\":1"), "{before} → {after}");
}

fn step(kind: PhaseKind, on: NaiveDate, reason: Option<&str>) -> PhaseEvent {
    PhaseEvent { kind, on, reason: reason.map(String::from), rate_mm_day: None, recorded_at: None }
}

/// R-DO-7, R-PATH-6 (found in use): a step dated after the day it is saved
/// was accepted (a pause on 05/12 saved on 12/11); refused, saying why.
#[test]
fn r_do_7_a_step_dated_after_today_is_refused() {
    let (_dir, mut store, id) = setup();
    let err = store.record_phase(paris(11, 12, 9), id, &step(PhaseKind::Pause, d(12, 5), Some("pain"))).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("\"distraction paused\" cannot be dated 05/12/2026, after today (12/11/2026)"), "{text}");
    assert!(text.contains("record it on its day"), "{text}");
    assert!(store.distraction(id).unwrap().events.is_empty());
    // The ward day of the save: late in the evening is still today.
    store.record_phase(paris(11, 12, 23), id, &step(PhaseKind::Pause, d(11, 12), Some("pain"))).unwrap();
}

/// R-DO-7 (found in use): removal from latency was accepted. Each step is
/// allowed only from the phase it leaves, and the refusal says what may be.
#[test]
fn r_do_7_a_removal_in_latency_is_refused_naming_the_step_that_may_come() {
    let (_dir, mut store, id) = setup();
    let err = store.record_phase(paris(11, 3, 9), id, &step(PhaseKind::Removal, d(11, 3), None)).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("the case is in latency then; record the start of distraction (start) first"), "{text}");
}

/// R-DO-7 (found in use): a step recorded by mistake could never be undone,
/// and every later step was refused. It is voided with a reason, newest
/// first; it then counts in no plan, and the right step can be recorded.
#[test]
fn r_do_7_a_step_recorded_by_mistake_is_voided_and_leaves_the_plan() {
    use periop::store::void::{self, Voidable};
    let (_dir, mut store, id) = setup();
    let pause = store.record_phase(paris(11, 10, 9), id, &step(PhaseKind::Pause, d(11, 10), Some("pain"))).unwrap();
    let end = store.record_phase(paris(11, 12, 9), id, &step(PhaseKind::EndDistraction, d(11, 12), None)).unwrap();
    let now = paris(11, 12, 10);
    // The pause is not the latest: the end is voided first.
    let err = store.write(now, |tx| void::void(tx, Voidable::Step, pause, "wrong patient")).unwrap_err();
    let text = err.to_string();
    assert!(text.contains(&format!("step #{end} (distraction ended on 12/11/2026) was recorded after it")), "{text}");
    let voided = store.write(now, |tx| void::void(tx, Voidable::Step, end, "typed for another case")).unwrap();
    assert_eq!(voided.value, "distraction ended on 12/11/2026");
    store.write(now, |tx| void::void(tx, Voidable::Step, pause, "wrong patient")).unwrap();
    let case = store.distraction(id).unwrap();
    assert!(case.events.is_empty(), "voided steps count nowhere");
    assert_eq!(case.step_log.len(), 2);
    assert!(case.step_log.iter().all(|s| s.void_reason.is_some()));
    assert_eq!(case.plan().phase_on(d(11, 12)), Phase::Distraction);
    // The step meant can now be recorded.
    store.record_phase(now, id, &step(PhaseKind::Pause, d(11, 12), Some("pain"))).unwrap();
    let again = store.write(now, |tx| void::void(tx, Voidable::Step, pause, "again")).unwrap_err();
    assert!(again.to_string().contains("already voided by Nurse One"), "{again}");
    let audited: i64 = door(store.location())
        .query_row(
            "SELECT count(*) FROM audit WHERE table_name = 'distraction_phases' AND after LIKE '%wrong patient%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);
}

/// R-DO-3 (found in use): a case with no turn recorded showed
/// `consolidation day 10 … 0 of 5 mm` with no alert once its planned days
/// were over. It stays in distraction, LENGTH OFF PLAN, until the length is
/// gained or distraction is ended.
#[test]
fn r_do_3_turns_undone_once_the_plan_is_over_are_length_off_plan() {
    let (_dir, store, _id) = setup();
    // Planned 08/11 to 27/11 (20 mm); nothing turned by 07/12.
    let status = store.rounds(d(12, 7), paris(12, 7, 9)).unwrap().remove(0).status;
    assert_eq!(status.phase, Phase::Distraction, "not consolidating a length never gained");
    assert_eq!(status.day_number, 30);
    let off = status.alerts.iter().find(|a| a.message.starts_with("LENGTH OFF PLAN")).expect("raised");
    assert!(off.message.contains("0 mm done against 20 mm planned by now"), "{}", off.message);
    assert!(off.message.contains("the planned turns ended on 28/11/2026"), "{}", off.message);
}

/// R-DO-3 (found in use): turns made on the morning of a pause, before it
/// was saved, were flagged `TURNS IN PAUSED` for the rest of the day.
#[test]
fn r_do_3_turns_made_before_a_pause_on_its_day_are_not_turns_in_the_pause() {
    let (_dir, mut store, id) = setup();
    let s = |session| SessionEntry { session, turns: 1, by_phone: false };
    for day in 8..12 {
        store.record_sessions(paris(11, day, 21), id, d(11, day), &[s(1), s(2), s(3), s(4)]).unwrap();
    }
    store.record_sessions(paris(11, 12, 8), id, d(11, 12), &[s(1)]).unwrap();
    store.record_sessions(paris(11, 12, 12), id, d(11, 12), &[s(2)]).unwrap();
    store.record_phase(paris(11, 12, 13), id, &step(PhaseKind::Pause, d(11, 12), Some("pain"))).unwrap();
    let status = store.rounds(d(11, 12), paris(11, 12, 18)).unwrap().remove(0).status;
    assert_eq!(status.phase, Phase::Paused);
    assert!(status.alerts.iter().all(|a| !a.message.starts_with("TURNS IN")), "{:?}", status.alerts);
    // A turn made after the pause was saved is flagged.
    store.record_sessions(paris(11, 12, 16), id, d(11, 12), &[s(3)]).unwrap();
    let status = store.rounds(d(11, 12), paris(11, 12, 18)).unwrap().remove(0).status;
    let flagged: Vec<&str> = status.alerts.iter().map(|a| a.message.as_str()).collect();
    assert!(flagged.iter().any(|m| m.starts_with("TURNS IN PAUSED: 0.25 mm turned today")), "{flagged:?}");
}

/// R-DO-5 (found in use): voiding a round left the sessions recorded with it
/// counted, silently. They stay (turns made are facts whatever the round),
/// and the void says so, with how to correct them.
#[test]
fn r_do_5_voiding_a_round_says_its_sessions_stay_and_how_to_correct_them() {
    use periop::store::void::{self, Voidable};
    let (_dir, mut store, id) = setup();
    let entry = RoundEntry {
        round: round(&[0, 0, 0, 0]),
        sessions: vec![
            SessionEntry { session: 1, turns: 1, by_phone: false },
            SessionEntry { session: 2, turns: 1, by_phone: false },
        ],
    };
    let round_id = store.record_round(paris(11, 12, 13), id, &entry).unwrap();
    let voided =
        store.write(paris(11, 12, 14), |tx| void::void(tx, Voidable::Round, round_id, "wrong patient")).unwrap();
    let note = voided.note.expect("said");
    assert_eq!(
        note,
        "the 2 sessions recorded with it stay counted (session 1: 1 turn, session 2: 1 turn); if those turns were \
         not made on this patient, correct them to 0 (t on the Rounds tab)"
    );
    let bare = store.record_round(paris(11, 12, 15), id, &RoundEntry { round: round(&[0, 0, 0, 0]), sessions: vec![] });
    let voided = store.write(paris(11, 12, 16), |tx| void::void(tx, Voidable::Round, bare.unwrap(), "twice")).unwrap();
    assert_eq!(voided.note, None, "a round without sessions has nothing to say");
}

/// R-ROLE-1 (found in use): a nurse's step on a removed case was told the
/// phase ("removed then") instead of the role needed. The role comes first.
#[test]
fn r_role_1_a_nurses_step_is_refused_for_the_role_before_the_phase() {
    use store_common::{add_patient, admin, at, new_ward, nurse, open_as_staff, open_playing};
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let patient = add_patient(&mut store, 1);
    let prescription = Prescription { osteotomy_on: d(10, 1), ..tibia() };
    let id =
        store.add_distraction(at(), &NewDistraction { patient_id: patient, prescription, outpatient: false }).unwrap();
    store.record_phase(at(), id, &step(PhaseKind::EndDistraction, d(11, 20), None)).unwrap();
    store.record_phase(at(), id, &step(PhaseKind::Removal, d(11, 21), None)).unwrap();
    drop(store);
    let mut store = open_as_staff(&ward, &nurse());
    let err = store.record_phase(at(), id, &step(PhaseKind::Pause, d(11, 22), Some("pain"))).unwrap_err();
    assert!(matches!(err, StoreError::NotAllowed { .. }), "{err}");
    assert!(err.to_string().contains("doctor"), "{err}");
}

/// R-DO-7: a removal recorded by mistake and voided no longer takes the
/// case off the rounds list.
#[test]
fn r_do_7_a_voided_removal_keeps_the_case_on_the_rounds_list() {
    use periop::store::void::{self, Voidable};
    let (_dir, mut store, id) = setup();
    store.record_phase(paris(11, 20, 9), id, &step(PhaseKind::EndDistraction, d(11, 20), None)).unwrap();
    let removal = store.record_phase(paris(11, 20, 9), id, &step(PhaseKind::Removal, d(11, 20), None)).unwrap();
    assert!(store.rounds(d(11, 22), paris(11, 22, 9)).unwrap().is_empty());
    store.write(paris(11, 22, 9), |tx| void::void(tx, Voidable::Step, removal, "the other leg's frame")).unwrap();
    let rows = store.rounds(d(11, 22), paris(11, 22, 9)).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].status.phase, Phase::Consolidation);
}
