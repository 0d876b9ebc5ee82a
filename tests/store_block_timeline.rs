//! The J0 timeline through the write path (R-BLOCK-6): events in order and
//! never in the future, corrected by a void and a new row, the case's state
//! following, nurses and schedulers recording it, the prolonged-fast rule
//! reading the real time the patient went in (R-FAST-4), the block's day
//! showing where each patient is, and a schema 9 file upgraded.

mod store_common;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use periop::domain::block_timeline::EventKind;
use periop::domain::case::{AnaesthesiaMode, CaseState};
use periop::domain::roles::Role;
use periop::domain::settings::Settings;
use periop::store::admissions::{self, NewStay};
use periop::store::{Store, StoreError, case_events, reference};
use store_common::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// Ward time on the 25th.
fn paris(h: u32, m: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 11, 25, h, m, 0).unwrap().with_timezone(&Utc)
}

/// A ward with a room and an operator, and one case at 10:00 on the 25th
/// under sedation; returns the store (as admin) and the case.
fn ward<D: Db + ?Sized>(db: &D) -> (Store, i64) {
    let mut store = open_playing(db, &admin());
    let (kind, room, operator) = store
        .write(at(), |tx| {
            let room = reference::add_room(tx, "Room 1 CT", "ct_fluoro", "08:00", "18:00")?;
            let operator = reference::add_staff(tx, None, "Dr Lemaire", "doctor")?;
            let kind = reference::procedure_kind_id(tx, "vertebroplasty")?.expect("the seeded kinds");
            Ok((kind, room, operator))
        })
        .unwrap();
    let patient = add_patient(&mut store, 1);
    let stay = NewStay {
        patient_id: patient,
        procedure_kind_id: kind,
        procedure_day: day(),
        start_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        duration_min: None,
        side_level: None,
        anaesthesia_mode: AnaesthesiaMode::SedationLocal,
        bleeding_risk: None,
        operator_id: Some(operator),
        anaesthetist_id: None,
        room_id: Some(room),
        bed_id: None,
        emergency: false,
        iodinated_contrast: false,
        retrospective: false,
        override_reason: None,
    };
    let (_, case) = store.write(at(), |tx| admissions::create_stay(tx, &stay, &Settings::default())).unwrap();
    (store, case)
}

fn case_state<D: Db + ?Sized>(db: &D, case: i64) -> String {
    door(db).query_row("SELECT state FROM cases WHERE id = ?1", [case], |r| r.get(0)).unwrap()
}

/// R-BLOCK-6: one call records the next event now; an event before the one
/// before it, or in the future, or recorded twice, is refused naming both;
/// the patient going to the room puts the case under way (R-PATH-2), and
/// voiding that puts it back; a correction voids the row and records the
/// right time as a new one, both kept.
#[test]
fn r_block_6_events_in_order_corrected_and_driving_the_case_state() {
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let (mut store, case) = ward(&w);
    let arrived = store.write(paris(9, 40), |tx| case_events::record_next(tx, case, None)).unwrap();
    assert_eq!((arrived.kind, arrived.at, arrived.case_state), (EventKind::Arrived, paris(9, 40), None));
    let in_room = store.write(paris(10, 12), |tx| case_events::record_next(tx, case, None)).unwrap();
    assert_eq!(in_room.kind, EventKind::InRoom);
    assert_eq!(in_room.case_state, Some(CaseState::InProgress));
    assert_eq!(case_state(&w, case), "in_progress");

    // Out of order, in the future, twice: refused, naming why, nothing written.
    let err = store
        .write(paris(10, 30), |tx| case_events::record(tx, case, EventKind::ProcedureStart, Some(paris(10, 5))))
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    assert!(err.to_string().contains("procedure start cannot be before in room (R-BLOCK-6)"), "{err}");
    assert!(err.to_string().contains("(that was at 10:12)"), "{err}");
    let err = store
        .write(paris(10, 30), |tx| case_events::record(tx, case, EventKind::ProcedureStart, Some(paris(10, 31))))
        .unwrap_err();
    assert!(err.to_string().contains("cannot be in the future"), "{err}");
    let err = store
        .write(paris(10, 30), |tx| case_events::record(tx, case, EventKind::InRoom, Some(paris(10, 20))))
        .unwrap_err();
    assert!(err.to_string().contains("already recorded"), "{err}");
    let conn = door(&w);
    assert_eq!(count(&conn, "SELECT count(*) FROM case_events WHERE case_id = ?1", [case]), 2);

    // A correction: the old row voided with why, the new one recorded.
    let fixed =
        store.write(paris(10, 40), |tx| case_events::correct(tx, in_room.event_id, Some(1), paris(10, 8))).unwrap();
    assert_ne!(fixed.event_id, in_room.event_id);
    let reason: String =
        conn.query_row("SELECT void_reason FROM case_events WHERE id = ?1", [in_room.event_id], |r| r.get(0)).unwrap();
    assert_eq!(reason, "corrected to 25/11 10:08");
    let events = case_events::of_case(&conn, case).unwrap();
    assert_eq!(
        events.iter().map(|e| (e.kind, e.at)).collect::<Vec<_>>(),
        [(EventKind::Arrived, paris(9, 40)), (EventKind::InRoom, paris(10, 8))]
    );
    assert_eq!(audit_rows_of(&conn, "case_events", in_room.event_id), 2, "recorded, then voided");
    // A stale version is a conflict naming who saved first.
    let err =
        store.write(paris(10, 41), |tx| case_events::correct(tx, in_room.event_id, Some(1), paris(10, 9))).unwrap_err();
    assert!(err.to_string().contains("already corrected or voided"), "{err}");

    // Voided by mistake: the case goes back to what it was.
    let back = store.write(paris(10, 45), |tx| case_events::void(tx, fixed.event_id, None, "wrong patient")).unwrap();
    assert_eq!(back.case_state, Some(CaseState::Planned));
    assert_eq!(case_state(&w, case), "planned");
    let err = store.write(paris(10, 46), |tx| case_events::void(tx, arrived.event_id, None, "  ")).unwrap_err();
    assert!(err.to_string().contains("give a reason"), "{err}");
}

/// R-BLOCK-6 with R-ROLE-1: nurses and schedulers record the timeline (the
/// case following it needs no schedule permission); a doctor or a
/// pharmacist may not, and the refusal names who may.
#[test]
fn r_block_6_nurses_and_schedulers_record_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let (store, case) = ward(&w);
    drop(store);
    for (name, role, allowed) in [
        ("nurse1", Role::Nurse, true),
        ("alice", Role::Scheduler, true),
        ("bob", Role::Doctor, false),
        ("nurse2", Role::Pharmacist, false),
    ] {
        give_role(&w, &account(name, None), role);
        let mut store = open_playing(&w, &account(name, None));
        let result = store.write(paris(10, 5), |tx| case_events::record_next(tx, case, None));
        match (allowed, result) {
            (true, Ok(_)) => {}
            (false, Err(e @ StoreError::NotAllowed { .. })) => {
                assert!(e.to_string().contains("the role nurse, scheduler or admin"), "{e}")
            }
            (_, other) => panic!("{name} as {role:?}: {other:?}"),
        }
    }
    // The nurse recorded the arrival, the scheduler the patient in the room.
    assert_eq!(case_state(&w, case), "in_progress");
}

/// R-FAST-4 with R-BLOCK-6: a case running late raises the prolonged-fast
/// alert; once the J0 timeline says the patient went to the room, the fast
/// is over and the alert goes, whatever the schedule says; the Board and
/// the block's day show where the patient is now.
#[test]
fn r_fast_4_the_real_time_in_the_room_ends_the_fast() {
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let (mut store, case) = ward(&w);
    let prolonged =
        |store: &Store, now| store.board(day(), now).unwrap().attention.iter().any(|a| a.rule == "R-FAST-4");
    assert!(prolonged(&store, paris(14, 10)), "clear fluids until 08:00, still waiting at 14:10");
    store.write(paris(14, 15), |tx| case_events::record(tx, case, EventKind::InRoom, None)).unwrap();
    assert!(!prolonged(&store, paris(14, 30)), "in the room at 14:15: the fast is over");
    let board = store.board(day(), paris(14, 30)).unwrap();
    let slot = board.facts.procedures.iter().find(|p| p.case_id == case).unwrap();
    assert_eq!(slot.where_now.map(|e| e.kind), Some(EventKind::InRoom), "the Board says where the patient is");
    let conn = door(&w);
    let bundles = periop::store::journey::bundles(&conn, &[case]).unwrap();
    assert_eq!(bundles[&case].fasting(chrono_tz::Europe::Paris).in_room_at, Some(paris(14, 15)));
    let list = store.block_day(day(), paris(14, 30)).unwrap();
    let shown = list.cases.iter().find(|c| c.case_id == case).unwrap();
    assert_eq!(shown.where_now().map(|e| (e.kind, e.at)), Some((EventKind::InRoom, paris(14, 15))));
    let u = &periop::domain::block_list::utilisation(&list, chrono_tz::Europe::Paris)[0];
    assert_eq!(u.start_delay_min, Some(255), "scheduled 10:00, in the room 14:15");
}

/// R-BLOCK-6 with R-PATH-2: the procedure end recorded on the timeline is
/// the stay's "procedure done" (found in use, #9: the case stayed under way
/// until someone pressed p on the admission); a scheduler, who may record
/// the timeline but not the stay's steps, is told the ward marks it.
#[test]
fn r_block_6_the_procedure_end_marks_the_stay_procedure_done() {
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let (mut store, case) = ward(&w);
    let admission: i64 =
        w.door().query_row("SELECT admission_id FROM cases WHERE id = ?1", [case], |r| r.get(0)).unwrap();
    let stay_state = |w: &Ward| -> String {
        w.door().query_row("SELECT state FROM admissions WHERE id = ?1", [admission], |r| r.get(0)).unwrap()
    };
    store
        .write(paris(9, 0) - chrono::Duration::hours(16), |tx| {
            admissions::take_step(tx, admission, 1, periop::domain::pathway::Step::Admit, None)
        })
        .unwrap();
    for (kind, (h, m)) in [(EventKind::InRoom, (10, 0)), (EventKind::ProcedureStart, (10, 10))] {
        store.write(paris(h, m), |tx| case_events::record(tx, case, kind, None)).unwrap();
    }
    drop(store);
    // A scheduler records the end: the event stands, the stay waits for the ward.
    give_role(&w, &account("alice", None), Role::Scheduler);
    let mut scheduler = open_playing(&w, &account("alice", None));
    let ended =
        scheduler.write(paris(10, 50), |tx| case_events::record(tx, case, EventKind::ProcedureEnd, None)).unwrap();
    assert_eq!(ended.stay, Some(admissions::StayAfterEnd::Waits("the ward marks it (p on the admission)".into())));
    assert!(
        ended.words(chrono_tz::Europe::Paris, ended.at).contains("the stay's procedure done waits"),
        "{}",
        ended.words(chrono_tz::Europe::Paris, ended.at)
    );
    assert_eq!(stay_state(&w), "admitted");
    // Voided and recorded again by a nurse: the stay is procedure done, the case done.
    give_role(&w, &account("nurse1", None), Role::Nurse);
    let mut nurse = open_playing(&w, &account("nurse1", None));
    nurse
        .write(paris(10, 55), |tx| case_events::void(tx, ended.event_id, None, "recorded by the wrong account"))
        .unwrap();
    let ended = nurse
        .write(paris(10, 56), |tx| case_events::record(tx, case, EventKind::ProcedureEnd, Some(paris(10, 50))))
        .unwrap();
    assert_eq!(ended.stay, Some(admissions::StayAfterEnd::ProcedureDone));
    assert_eq!(ended.case_state, Some(CaseState::Done));
    assert!(
        ended.words(chrono_tz::Europe::Paris, ended.at).contains("the stay is now procedure done"),
        "{}",
        ended.words(chrono_tz::Europe::Paris, ended.at)
    );
    assert_eq!((stay_state(&w), case_state(&w, case)), ("procedure_done".to_string(), "done".to_string()));
    // Voided (found in use, #9: the case stayed done): the stay's step is
    // undone by a recorded step back, the case is under way again.
    let voided = nurse.write(paris(10, 58), |tx| case_events::void(tx, ended.event_id, None, "not finished")).unwrap();
    assert_eq!(voided.stay, Some(admissions::StayAfterEnd::Undone));
    assert_eq!((stay_state(&w), case_state(&w, case)), ("admitted".to_string(), "in_progress".to_string()));
    assert!(voided.words().contains("the stay is back to admitted"), "{}", voided.words());
    let ended = nurse.write(paris(11, 5), |tx| case_events::record(tx, case, EventKind::ProcedureEnd, None)).unwrap();
    assert_eq!(ended.stay, Some(admissions::StayAfterEnd::ProcedureDone));
    // The rest of the timeline is still recorded on a done case.
    nurse.write(paris(11, 10), |tx| case_events::record(tx, case, EventKind::OutOfRoom, None)).unwrap();
}

/// R-BLOCK-6 with R-PATH-2: a stay never admitted keeps its case under
/// way at the procedure end, and the message says why and what to do
/// (found in use, #9: nothing said it).
#[test]
fn r_block_6_a_procedure_end_on_a_stay_not_admitted_says_to_admit_first() {
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let (mut store, case) = ward(&w);
    for (kind, (h, m)) in [(EventKind::InRoom, (10, 0)), (EventKind::ProcedureStart, (10, 10))] {
        store.write(paris(h, m), |tx| case_events::record(tx, case, kind, None)).unwrap();
    }
    let ended = store.write(paris(10, 50), |tx| case_events::record(tx, case, EventKind::ProcedureEnd, None)).unwrap();
    let words = ended.words(chrono_tz::Europe::Paris, ended.at);
    assert!(words.contains("the stay is still planned: admit the patient (a on the admission page)"), "{words}");
    assert_eq!(case_state(&w, case), "in_progress");
}

/// R-FAST-4 with R-BLOCK-6: the list ahead in the room moves the start a
/// waiting patient's fast is counted to (found in use, #7: the alert came
/// only once the scheduled time had passed, too late to offer a drink).
#[test]
fn r_fast_4_a_slipping_list_warns_the_next_patient_before_their_time() {
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let (mut store, first) = ward(&w);
    let (room, kind): (i64, i64) = w
        .door()
        .query_row("SELECT room_id, procedure_kind_id FROM cases WHERE id = ?1", [first], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    let patient = add_patient(&mut store, 2);
    let second = NewStay {
        patient_id: patient,
        procedure_kind_id: kind,
        procedure_day: day(),
        start_time: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        duration_min: None,
        side_level: None,
        anaesthesia_mode: AnaesthesiaMode::SedationLocal,
        bleeding_risk: None,
        operator_id: None,
        anaesthetist_id: None,
        room_id: Some(room),
        bed_id: None,
        emergency: false,
        iodinated_contrast: false,
        retrospective: false,
        override_reason: None,
    };
    let (_, second) = store.write(at(), |tx| admissions::create_stay(tx, &second, &Settings::default())).unwrap();
    let alert = |store: &Store, now| {
        store
            .board(day(), now)
            .unwrap()
            .attention
            .into_iter()
            .find(|a| a.rule == "R-FAST-4" && a.subject == periop::domain::attention::Subject::Case(second))
    };
    // The first went in at 10:00 and is still there at 15:50: the second,
    // told to drink until 14:00, cannot go before 16:10 — no alert yet.
    store.write(paris(10, 0), |tx| case_events::record(tx, first, EventKind::InRoom, None)).unwrap();
    assert!(alert(&store, paris(15, 50)).is_none());
    // Still there at 19:45: 20:05 at the earliest, 6 h 05 without a drink by then.
    let warned = alert(&store, paris(19, 45)).expect("the list ran late: offer clear fluids now");
    assert!(
        warned.message.contains("by the expected start at 20:05 (the room's list runs 4 h 05 behind)"),
        "{}",
        warned.message
    );
    // Out of the room at 19:50: the second goes at 20:10 (turnover).
    store.write(paris(19, 50), |tx| case_events::record(tx, first, EventKind::OutOfRoom, None)).unwrap();
    let conn = door(&w);
    let bundles = periop::store::journey::bundles(&conn, &[second]).unwrap();
    let ahead = bundles[&second].fasting(chrono_tz::Europe::Paris).room_ahead;
    assert_eq!(
        ahead.iter().map(|t| (t.in_room_at, t.out_of_room_at)).collect::<Vec<_>>(),
        [(Some(paris(10, 0)), Some(paris(19, 50)))]
    );
}

/// R-BLOCK-6: a file of schema 9 is upgraded with the timeline's table.
#[test]
fn r_block_6_a_schema_9_file_is_upgraded_with_the_timeline() {
    if file_only("a schema 9 file upgraded on opening: a PostgreSQL ward is made at the current schema") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    {
        let conn = raw_rw(&path);
        conn.execute_batch("DROP TABLE case_events; PRAGMA user_version = 9;").unwrap();
    }
    let report = periop::store::check::check_file(&path, at()).unwrap();
    assert_eq!(report.schema_version, 9);
    assert!(report.undecodable.is_empty());
    let (mut store, case) = ward(&path);
    store.write(paris(9, 0), |tx| case_events::record_next(tx, case, None)).unwrap();
    let conn = door(&path);
    let version: i64 = conn.schema_version().unwrap();
    assert_eq!(version, periop::store::schema::VERSION);
    assert_eq!(count(&conn, "SELECT count(*) FROM case_events", []), 1);
}

/// R-BLOCK-3 with R-STOCK-3: a device reserved for the case whose lot
/// expires before the new day: the move is saved and says which device is
/// no longer valid; the conflict stays shown on the day's list.
#[test]
fn r_block_3_a_move_says_which_reserved_devices_are_not_valid() {
    use periop::store::table::Table;
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let (mut store, case) = ward(&w);
    store
        .write(at(), |tx| {
            let reference = tx.insert(
                Table::DeviceRefs,
                &[
                    ("code", &"KYPHO-1"),
                    ("manufacturer", &"Acme"),
                    ("name", &"Cement kit"),
                    ("kind", &"cement_kit"),
                    ("implantable", &false),
                ],
            )?;
            let lot = tx.insert(
                Table::DeviceLots,
                &[
                    ("ref_id", &reference),
                    ("lot", &"L42"),
                    ("expiry_on", &"2026-11-26"),
                    ("quantity", &3),
                    ("reserved", &1),
                    ("received_at", &"2026-11-01T08:00:00Z"),
                ],
            )?;
            tx.insert(Table::CaseDevices, &[("case_id", &case), ("lot_id", &lot), ("units", &1)])
        })
        .unwrap();
    let settings = Settings::default();
    let devices = |on: NaiveDate| -> Vec<&'static str> {
        let all = periop::store::block::conflicts_on(&door(&w), on, &settings).unwrap();
        all.iter().map(|c| c.kind.code()).filter(|k| *k == "device_not_available").collect()
    };
    assert!(devices(day()).is_empty(), "the lot is good on the 25th");
    let new_start = chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap().with_timezone(&Utc);
    let moved =
        store.write(at(), |tx| periop::store::cases::move_case(tx, case, 1, new_start, false, &settings)).unwrap();
    assert!(
        moved
            .message
            .contains("a reserved device not available: Cement kit lot L42 (expired before the procedure day)"),
        "{}",
        moved.message
    );
    let day27 = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    assert_eq!(devices(day27), ["device_not_available"], "shown until put right");
}

/// R-BLOCK-6 (issue 9): an event is recorded only around its case's day,
/// from its 00:00 to noon the next day: the next event two days early, an
/// arrival in 2020 and a correction to the day before are refused naming
/// the case's day; a time after midnight is accepted and said with its
/// date; `periop check` reports an event stored outside the window.
#[test]
fn r_block_6_an_event_only_around_the_cases_day() {
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let (mut store, case) = ward(&w);
    let two_days_early = chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap().to_utc();
    let err = store.write(two_days_early, |tx| case_events::record_next(tx, case, None)).unwrap_err();
    assert!(err.to_string().contains("Wed 25/11/2026") && err.to_string().contains("R-BLOCK-6"), "{err}");
    assert_eq!(case_state(&w, case), "planned", "nothing recorded, the case not under way");
    let in_2020 = Utc.with_ymd_and_hms(2020, 1, 1, 7, 0, 0).unwrap();
    let err =
        store.write(paris(9, 0), |tx| case_events::record(tx, case, EventKind::Arrived, Some(in_2020))).unwrap_err();
    assert!(err.to_string().contains("booked on Wed 25/11/2026"), "{err}");
    let arrived = store.write(paris(9, 40), |tx| case_events::record_next(tx, case, None)).unwrap();
    assert_eq!(arrived.words(chrono_tz::Europe::Paris, paris(9, 40)), "arrived in the block at 09:40");
    let evening_before = paris(0, 0) - chrono::TimeDelta::minutes(30);
    let err =
        store.write(paris(9, 50), |tx| case_events::correct(tx, arrived.event_id, None, evening_before)).unwrap_err();
    assert!(err.to_string().contains("Wed 25/11/2026"), "{err}");
    // Recorded the next morning for the night before: said with its date.
    let next_morning = paris(0, 0) + chrono::TimeDelta::hours(33);
    let late =
        store.write(next_morning, |tx| case_events::record(tx, case, EventKind::InRoom, Some(paris(23, 10)))).unwrap();
    assert_eq!(
        late.words(chrono_tz::Europe::Paris, next_morning),
        "in room at Wed 25/11/2026 23:10; the case is now ◉ in room"
    );
    // A row stored before the check (here written behind its back) is found.
    door_rw(&w)
        .execute(
            "INSERT INTO case_events (case_id, kind, at, recorded_by) VALUES (?1, 'out_of_room', '2020-01-01T08:00:00Z', 1)",
            [case],
        )
        .unwrap();
    let conn = door(&w);
    let found = case_events::findings(&conn, next_morning, chrono_tz::Europe::Paris).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains(&format!("case #{case}")) && found[0].contains("outside the case's day 25/11/2026"));
}

/// R-BLOCK-6 (issue 9): on the night the clocks go back (25/10/2026,
/// Europe/Paris) a time of the repeated hour has two readings: `periop
/// block event` takes the second 02:05 when the order refuses the first,
/// reads an explicit offset, and says which reading it recorded.
#[test]
fn r_block_6_the_second_0205_of_the_autumn_night() {
    use periop::cli::block::{EventCommand, event};
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let mut store = open_playing(&w, &admin());
    let kind = store.write(at(), |tx| reference::procedure_kind_id(tx, "vertebroplasty")).unwrap().unwrap();
    let patient = add_patient(&mut store, 1);
    let stay = NewStay {
        patient_id: patient,
        procedure_kind_id: kind,
        procedure_day: NaiveDate::from_ymd_opt(2026, 10, 25).unwrap(),
        start_time: NaiveTime::from_hms_opt(1, 30, 0).unwrap(),
        duration_min: None,
        side_level: None,
        anaesthesia_mode: AnaesthesiaMode::LocalOnly,
        bleeding_risk: None,
        operator_id: None,
        anaesthetist_id: None,
        room_id: None,
        bed_id: None,
        emergency: true,
        iodinated_contrast: false,
        retrospective: true,
        override_reason: None,
    };
    let (_, case) = store.write(at(), |tx| admissions::create_stay(tx, &stay, &Settings::default())).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 10, 25, 6, 0, 0).unwrap();
    let record = |store: &mut Store, kind: &str, at: &str| {
        let command = EventCommand::Record { case_id: case, kind: Some(kind.into()), at: Some(at.into()) };
        event(store, command, now).map_err(|e| e.to_string())
    };
    let said = record(&mut store, "in-room", "2026-10-25T02:50").unwrap();
    assert!(said.contains("in room at 02:50 (1st)"), "{said}");
    // The first 02:05 is before the patient went in: the second is taken.
    let said = record(&mut store, "out-of-room", "2026-10-25T02:05").unwrap();
    assert!(said.contains("out of room at 02:05 (2nd)"), "{said}");
    let events = case_events::of_case(&door(&w), case).unwrap();
    assert_eq!(events[1].at - events[0].at, chrono::TimeDelta::minutes(15), "02:50 +02:00 to 02:05 +01:00");
    // An explicit offset says which reading.
    let said = record(&mut store, "recovery", "2026-10-25T02:10+01:00").unwrap();
    assert!(said.contains("in recovery at 02:10 (2nd)"), "{said}");
    assert!(record(&mut store, "back-on-ward", "7:5").unwrap_err().contains("two digits"), "7:5 is not a time");
}

/// A second case in the first one's room on the 25th at `hour`.
fn second_case(store: &mut Store, ward: &Ward, first: i64, hour: u32) -> i64 {
    let (room, kind): (i64, i64) = ward
        .door()
        .query_row("SELECT room_id, procedure_kind_id FROM cases WHERE id = ?1", [first], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    let patient = add_patient(store, 2);
    let stay = NewStay {
        patient_id: patient,
        procedure_kind_id: kind,
        procedure_day: day(),
        start_time: NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
        duration_min: None,
        side_level: None,
        anaesthesia_mode: AnaesthesiaMode::SedationLocal,
        bleeding_risk: None,
        operator_id: None,
        anaesthetist_id: None,
        room_id: Some(room),
        bed_id: None,
        emergency: false,
        iodinated_contrast: false,
        retrospective: false,
        override_reason: None,
    };
    store.write(at(), |tx| admissions::create_stay(tx, &stay, &Settings::default())).unwrap().1
}

/// R-BLOCK-6 (issue 7): one patient in a room at a time. In room (or a
/// procedure start) for a case while another case of the room is in —
/// out of room not recorded, or later — is refused in the write
/// transaction naming that case's times and what to do; nothing written.
/// An overlap stored anyway (a later correction) is a `periop check` finding.
#[test]
fn r_block_6_two_patients_cannot_be_in_one_room_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let (mut store, first) = ward(&w);
    let second = second_case(&mut store, &w, first, 12);
    store.write(paris(10, 0), |tx| case_events::record(tx, first, EventKind::InRoom, None)).unwrap();
    for kind in [EventKind::InRoom, EventKind::AnaesthesiaStart, EventKind::ProcedureStart] {
        let err = store.write(paris(11, 0), |tx| case_events::record(tx, second, kind, None)).unwrap_err();
        assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
        let text = err.to_string();
        assert!(
            text.contains(&format!("the room holds case #{first} (in room since 10:00, no out of room recorded)")),
            "{text}"
        );
        assert!(text.contains("record that case's out of room first, or correct its times or this one"), "{text}");
    }
    let conn = door(&w);
    assert_eq!(count(&conn, "SELECT count(*) FROM case_events WHERE case_id = ?1", [second]), 0);
    // Arriving in the block is not being in the room.
    store.write(paris(11, 0), |tx| case_events::record(tx, second, EventKind::Arrived, None)).unwrap();
    // Out at 11:20 (recorded at 11:30): the second may not be in at 11:10, may at 11:20.
    let out = store
        .write(paris(11, 30), |tx| case_events::record(tx, first, EventKind::OutOfRoom, Some(paris(11, 20))))
        .unwrap();
    let err = store
        .write(paris(11, 30), |tx| case_events::record(tx, second, EventKind::InRoom, Some(paris(11, 10))))
        .unwrap_err();
    assert!(err.to_string().contains("out of room at 11:20"), "{err}");
    store.write(paris(11, 30), |tx| case_events::record(tx, second, EventKind::InRoom, Some(paris(11, 20)))).unwrap();
    assert_eq!(
        periop::store::room_occupation::findings(&conn, chrono_tz::Europe::Paris).unwrap(),
        Vec::<String>::new()
    );
    // The first's out of room corrected to 11:40: the two overlap; check names it.
    store.write(paris(11, 45), |tx| case_events::correct(tx, out.event_id, None, paris(11, 40))).unwrap();
    let found = periop::store::room_occupation::findings(&conn, chrono_tz::Europe::Paris).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains(&format!("case #{first} (in room since 10:00, out of room at 11:40)")), "{found:?}");
    assert!(found[0].contains("were in it at once (R-BLOCK-6)"), "{found:?}");
    let all = periop::store::check::findings(&conn, paris(12, 0), chrono_tz::Europe::Paris).unwrap();
    assert!(all.iter().any(|f| f.contains("were in it at once")), "{all:?}");
}

/// R-AUDIT-2 (issue 7): `e` sends the event it showed as next; when
/// another terminal recorded it meanwhile, the second press is a conflict
/// naming who recorded what, and nothing is written.
#[test]
fn r_audit_2_the_next_event_key_records_what_it_showed_or_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let (mut store, case) = ward(&w);
    // Two terminals both show "arrived" as next; the first press records it.
    store.write(paris(9, 40), |tx| case_events::record_next(tx, case, Some(EventKind::Arrived))).unwrap();
    let err = store.write(paris(9, 41), |tx| case_events::record_next(tx, case, Some(EventKind::Arrived))).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    let text = err.to_string();
    assert!(text.contains("its latest event is now arrived in the block at 09:40"), "{text}");
    assert!(text.contains("the next event is in room, not arrived in the block as you saw it"), "{text}");
    assert!(text.contains("saved by Ada Admin"), "{text}");
    let conn = door(&w);
    assert_eq!(count(&conn, "SELECT count(*) FROM case_events WHERE case_id = ?1", [case]), 1);
    // What the screen shows next now is recorded.
    let done = store.write(paris(10, 0), |tx| case_events::record_next(tx, case, Some(EventKind::InRoom))).unwrap();
    assert_eq!(done.kind, EventKind::InRoom);
}

/// R-PATH-6 (issue 7): nothing recorded about a patient (intake, lab,
/// timeline event) is before their birth (14/03/1960); an intake or a lab
/// more than 30 days before the planned admission (24/11) is refused; and
/// `periop check` lists stored rows that break it, and a J0 event in the future.
#[test]
fn r_path_6_nothing_recorded_before_birth_nor_long_before_the_stay() {
    use periop::domain::fasting::IntakeKind;
    use periop::domain::medication::LabItem;
    let dir = tempfile::tempdir().unwrap();
    let w = new_ward(dir.path());
    let (mut store, case) = ward(&w);
    let (admission, patient): (i64, i64) = w
        .door()
        .query_row(
            "SELECT a.id, a.patient_id FROM cases c JOIN admissions a ON a.id = c.admission_id WHERE c.id = ?1",
            [case],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let utc = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 8, 0, 0).unwrap();
    let now = paris(12, 0);
    let err = store
        .write(now, |tx| periop::store::intakes::record(tx, admission, IntakeKind::Solids, utc(1900, 1, 1)))
        .unwrap_err();
    assert!(err.to_string().contains("is before the patient's birth date 14/03/1960"), "{err}");
    let err = store
        .write(now, |tx| periop::store::labs::record(tx, patient, LabItem::Inr, 1.1, utc(1955, 6, 15)))
        .unwrap_err();
    assert!(err.to_string().contains("lab result at 15/06/1955 09:00 is before the patient's birth date"), "{err}");
    let err =
        store.write(now, |tx| case_events::record(tx, case, EventKind::Arrived, Some(utc(1950, 1, 1)))).unwrap_err();
    // The case's day window (R-BLOCK-6) refuses it first; birth would too.
    assert!(err.to_string().contains("its timeline runs from that day's 00:00"), "{err}");
    let err = store
        .write(now, |tx| periop::store::intakes::record(tx, admission, IntakeKind::Solids, utc(2026, 10, 24)))
        .unwrap_err();
    assert!(err.to_string().contains("more than 30 days before the planned admission 24/11/2026"), "{err}");
    store
        .write(now, |tx| periop::store::intakes::record(tx, admission, IntakeKind::Solids, utc(2026, 11, 24)))
        .unwrap();
    store.write(now, |tx| periop::store::labs::record(tx, patient, LabItem::Inr, 1.1, utc(2026, 10, 30))).unwrap();
    drop(store);

    // Rows stored behind the program's back: `periop check` names each.
    let rw = door_rw(&w);
    rw.execute(
        "INSERT INTO intakes (admission_id, kind, taken_at) VALUES (?1, 'solids', '1900-01-01T08:00:00Z')",
        [admission],
    )
    .unwrap();
    rw.execute(
        "INSERT INTO lab_results (patient_id, test, value, taken_at) VALUES (?1, 'inr', 1.0, '1955-06-15T08:00:00Z')",
        [patient],
    )
    .unwrap();
    rw.execute(
        "INSERT INTO case_events (case_id, kind, at, recorded_by) VALUES (?1, 'arrived', '2026-11-25T20:00:00Z', 1)",
        [case],
    )
    .unwrap();
    let found = periop::store::check::findings(&door(&w), now, chrono_tz::Europe::Paris).unwrap();
    let has = |text: &str| found.iter().any(|f| f.contains(text));
    assert!(has("before the patient's birth date 14/03/1960"), "{found:?}");
    assert!(
        found.iter().any(|f| f.starts_with("intake #") && f.contains("before the patient's birth date")),
        "{found:?}"
    );
    assert!(found.iter().any(|f| f.starts_with("lab result #") && f.contains("15/06/1955")), "{found:?}");
    assert!(
        found.iter().any(|f| f.starts_with("timeline event #") && f.contains("25/11/2026 21:00 is in the future")),
        "{found:?}"
    );
}
