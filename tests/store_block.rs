//! The block schedule's one conflict check in the write path (R-BLOCK-3,
//! R-BLOCK-4): run inside the transaction of every booking and move, so two
//! schedulers saving at once cannot make an overlap neither saw; and the
//! demo ward books through it.
//!
//! The parent re-runs this test executable as its children: the `#[ignore]`d
//! test `child_booker` books one case when `PERIOP_TEST_CHILD_DB` is set, and
//! returns at once otherwise.

mod store_common;

use chrono::{NaiveDate, NaiveTime};
use periop::domain::block_conflicts::Policy;
use periop::domain::case::AnaesthesiaMode;
use periop::domain::roles::Role;
use periop::domain::settings::Settings;
use periop::store::Location;
use periop::store::admissions::{self, NewStay};
use periop::store::{Store, StoreError, block, reference};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use store_common::*;

const CHILD_DB: &str = "PERIOP_TEST_CHILD_DB";
const CHILD_NAME: &str = "PERIOP_TEST_CHILD_NAME";
const CHILD_PATIENT: &str = "PERIOP_TEST_CHILD_PATIENT";
const CHILD_OPERATOR: &str = "PERIOP_TEST_CHILD_OPERATOR";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A stay in the first room at 10:00 on the 25th (a vertebroplasty, 90 min).
fn stay(store: &mut Store, patient_id: i64, operator_id: i64) -> NewStay {
    let (kind, room) = store
        .write(at(), |tx| {
            let kind = reference::procedure_kind_id(tx, "vertebroplasty")?.expect("the seeded kinds");
            let room: i64 = tx.conn().query_row("SELECT min(id) FROM rooms", [], |r| r.get(0))?;
            Ok((kind, room))
        })
        .unwrap();
    NewStay {
        patient_id,
        procedure_kind_id: kind,
        procedure_day: day(),
        start_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        duration_min: None,
        side_level: None,
        anaesthesia_mode: AnaesthesiaMode::LocalOnly,
        bleeding_risk: None,
        operator_id: Some(operator_id),
        anaesthetist_id: None,
        room_id: Some(room),
        bed_id: None,
        emergency: false,
        iodinated_contrast: false,
        retrospective: false,
        override_reason: None,
    }
}

/// One scheduler: opens the store as its own account, says READY, waits for
/// the parent's go, books its case and says `BOOKED` or `REFUSED <message>`.
#[test]
#[ignore = "helper: a child process of the two-schedulers test"]
fn child_booker() {
    let Ok(db) = std::env::var(CHILD_DB) else { return };
    let name = std::env::var(CHILD_NAME).unwrap();
    let patient: i64 = std::env::var(CHILD_PATIENT).unwrap().parse().unwrap();
    let operator: i64 = std::env::var(CHILD_OPERATOR).unwrap().parse().unwrap();
    let location = Location::parse(std::ffi::OsStr::new(&db));
    let mut store = Store::connect(&location, &account(&name, None)).unwrap();
    let new = stay(&mut store, patient, operator);
    println!("READY");
    std::io::stdout().flush().unwrap();
    let mut go = String::new();
    std::io::stdin().read_line(&mut go).unwrap();
    match store.write(at(), |tx| admissions::create_stay(tx, &new, &Settings::default())) {
        Ok(_) => println!("BOOKED"),
        Err(e @ StoreError::BlockConflict { can_override: false, .. }) => println!("REFUSED {e}"),
        Err(e) => panic!("{name}: {e:?} ({e})"),
    }
}

/// R-BLOCK-3: two schedulers in two processes book the same room at the same
/// time, released together: one is booked, the other refused with the
/// overlap named (the check runs again inside the write transaction), and
/// the file holds one case in that slot.
#[test]
fn r_block_3_two_processes_booking_one_slot_at_once_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let (room, operators) = store
        .write(at(), |tx| {
            let room = reference::add_room(tx, "Room 1 CT", "ct_fluoro", "08:00", "18:00")?;
            let a = reference::add_staff(tx, None, "Dr Lemaire", "doctor")?;
            let b = reference::add_staff(tx, None, "Dr Caron", "doctor")?;
            Ok((room, [a, b]))
        })
        .unwrap();
    let patients = [add_patient(&mut store, 1), add_patient(&mut store, 2)];
    drop(store);
    for name in ["sched1", "sched2"] {
        give_role(&ward, &account(name, None), Role::Scheduler);
    }
    let exe = std::env::current_exe().unwrap();
    let mut children: Vec<_> = (0..2)
        .map(|i| {
            let mut child = Command::new(&exe)
                .args(["child_booker", "--exact", "--ignored", "--nocapture"])
                .env(CHILD_DB, ward.text())
                .env(CHILD_NAME, format!("sched{}", i + 1))
                .env(CHILD_PATIENT, patients[i].to_string())
                .env(CHILD_OPERATOR, operators[i].to_string())
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let stdout = BufReader::new(child.stdout.take().unwrap());
            (child, stdout)
        })
        .collect();
    for (_, stdout) in &mut children {
        let mut line = String::new();
        while !line.contains("READY") {
            line.clear();
            if stdout.read_line(&mut line).unwrap() == 0 {
                break;
            }
        }
    }
    for (child, _) in &mut children {
        writeln!(child.stdin.as_mut().unwrap(), "go").unwrap();
    }
    let mut outcomes = Vec::new();
    for (mut child, mut stdout) in children {
        drop(child.stdin.take());
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
        let mut stderr = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
        assert!(child.wait().unwrap().success(), "{rest}\n{stderr}");
        outcomes.push(rest.lines().find(|l| l.starts_with("BOOKED") || l.starts_with("REFUSED")).unwrap().to_string());
    }
    outcomes.sort();
    assert_eq!(outcomes[0], "BOOKED", "{outcomes:?}");
    assert!(outcomes[1].starts_with("REFUSED the procedure conflicts with the schedule: Room 1 CT: "), "{outcomes:?}");
    assert!(outcomes[1].contains("overlap, turnover included; pick another time, room or staff"), "{outcomes:?}");
    let conn = ward.door();
    assert_eq!(count(&conn, "SELECT count(*) FROM cases WHERE room_id = ?1", [room]), 1);
}

/// R-BLOCK-3: an override is refused where the rule allows none, required
/// where it allows one (a room running late), and recorded with its reason.
#[test]
fn r_block_3_an_override_is_recorded_only_where_the_rule_allows_it() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    give_role(&ward, &alice(), Role::Scheduler);
    let mut store = open_playing(&ward, &alice());
    let mut admin_store = open_playing(&ward, &admin());
    let (a, b) = admin_store
        .write(at(), |tx| {
            reference::add_room(tx, "Room 1 CT", "ct_fluoro", "08:00", "11:00")?;
            Ok((
                reference::add_staff(tx, None, "Dr Lemaire", "doctor")?,
                reference::add_staff(tx, None, "Dr Caron", "doctor")?,
            ))
        })
        .unwrap();
    drop(admin_store);
    let p1 = add_patient(&mut store, 1);
    let p2 = add_patient(&mut store, 2);
    // 10:00 + 90 min ends 11:30, after the room closes at 11:00: an override.
    let first = stay(&mut store, p1, a);
    let err = store.write(at(), |tx| admissions::create_stay(tx, &first, &Settings::default())).unwrap_err();
    assert!(matches!(&err, StoreError::BlockConflict { can_override: true, .. }), "{err}");
    assert!(
        err.to_string().contains("Room 1 CT: the case at 25/11 10:00–11:30 is outside the room's hours (08:00–11:00)"),
        "{err}"
    );
    let with_reason = NewStay { override_reason: Some("list runs late on Wednesdays".into()), ..first };
    let (_, case) = store.write(at(), |tx| admissions::create_stay(tx, &with_reason, &Settings::default())).unwrap();
    let conn = ward.door();
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM block_overrides WHERE case_id = ?1 AND conflict = 'outside_room_hours'",
            [case]
        ),
        1
    );
    // The same room at 10:15, even with a reason: refused.
    let mut second = stay(&mut store, p2, b);
    second.start_time = NaiveTime::from_hms_opt(10, 15, 0).unwrap();
    second.override_reason = Some("urgent".into());
    let err = store.write(at(), |tx| admissions::create_stay(tx, &second, &Settings::default())).unwrap_err();
    assert!(matches!(&err, StoreError::BlockConflict { can_override: false, .. }), "{err}");
    assert_eq!(count(&conn, "SELECT count(*) FROM cases", []), 1, "nothing of the refused booking stays");
}

/// R-BLOCK-3: the demo ward books every case through the check and has no
/// conflict a booking would be refused for or need an override for, on any
/// day; what it shows (a missing bed, a patient not fasted, a consultation
/// pending) is readiness it demonstrates on purpose. `periop check` agrees.
#[test]
fn r_block_3_the_demo_ward_has_no_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 22, 8, 30, 0).unwrap();
    let options = periop::cli::demo::Options { seed: 7, years: 0 };
    let store = periop::cli::demo::build(&path, &admin(), now, &options, &mut |_| {}).unwrap();
    let settings = store.settings().clone();
    drop(store);
    let demo = on_this_engine(&path);
    let conn = door(&demo.location);
    let first = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let mut shown = 0;
    for offset in 0..40 {
        let d = first + chrono::Duration::days(offset);
        for c in block::conflicts_on(&conn, d, &settings).unwrap() {
            assert_eq!(c.kind.policy(), Policy::Shown, "{d}: {c:?}");
            shown += 1;
        }
    }
    assert!(shown > 0, "the demo shows its readiness problems");
    assert_eq!(block::findings(&conn, now, &settings).unwrap(), Vec::<String>::new());
}

/// R-BLOCK-2, R-BLOCK-3: a resize is checked like a move: 08:00 for 110
/// minutes plus 20 of turnover runs into a 10:00 case in the same room and is
/// refused; 100 minutes ends the turnover at 10:00 and is saved.
#[test]
fn r_block_2_a_resize_meets_the_next_case_with_turnover() {
    use periop::store::block::Answer;
    use periop::store::cases::{self, Placement};
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let (room, a, b) = store
        .write(at(), |tx| {
            Ok((
                reference::add_room(tx, "Room 1 CT", "ct_fluoro", "08:00", "18:00")?,
                reference::add_staff(tx, None, "Dr Lemaire", "doctor")?,
                reference::add_staff(tx, None, "Dr Caron", "doctor")?,
            ))
        })
        .unwrap();
    let (p1, p2) = (add_patient(&mut store, 1), add_patient(&mut store, 2));
    let mut early = stay(&mut store, p1, a);
    early.start_time = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
    let (_, first) = store.write(at(), |tx| admissions::create_stay(tx, &early, &Settings::default())).unwrap();
    let late = stay(&mut store, p2, b);
    store.write(at(), |tx| admissions::create_stay(tx, &late, &Settings::default())).unwrap();
    let start = periop::domain::ward_time::at_local(day(), early.start_time, chrono_tz::Europe::Paris);
    let resize = |store: &mut Store, minutes: u32| {
        let placement = Placement {
            room_id: Some(room),
            operator_id: Some(a),
            anaesthetist_id: None,
            nurse_id: None,
            minutes: Some(minutes),
        };
        store.write(at(), |tx| {
            cases::reschedule(tx, first, 1, start, Some(&placement), false, &Answer::default(), &Settings::default())
        })
    };
    let err = resize(&mut store, 110).expect_err("refused");
    assert!(matches!(err, StoreError::BlockConflict { can_override: false, .. }), "{err}");
    assert!(err.to_string().contains("the cases at 25/11 08:00–09:50 and 25/11 10:00–11:30 overlap"), "{err}");
    resize(&mut store, 100).unwrap();
    let conn = ward.door();
    assert_eq!(count(&conn, "SELECT duration_min FROM cases WHERE id = ?1", [first]), 100);
}

/// R-BLOCK-3: a block nurse is checked like an operator (found in use, #9:
/// nurses were never checked): giving the nurse of a 10:00 case in room 1
/// to a 10:30 case in room 2 is refused naming the nurse; a nurse retired
/// or not on the staff list is refused; the day's list and its JSON carry
/// the nurse.
#[test]
fn r_block_3_a_block_nurse_in_two_rooms_at_once_is_refused() {
    use periop::store::block::Answer;
    use periop::store::cases::{self, Placement};
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let (rooms, a, b, nurse) = store
        .write(at(), |tx| {
            Ok((
                [
                    reference::add_room(tx, "Room 1 CT", "ct_fluoro", "08:00", "18:00")?,
                    reference::add_room(tx, "Room 2 fluoro", "ct_fluoro", "08:00", "18:00")?,
                ],
                reference::add_staff(tx, None, "Dr Lemaire", "doctor")?,
                reference::add_staff(tx, None, "Dr Caron", "doctor")?,
                reference::add_staff(tx, None, "Inès Martin", "nurse")?,
            ))
        })
        .unwrap();
    let (p1, p2) = (add_patient(&mut store, 1), add_patient(&mut store, 2));
    let first = stay(&mut store, p1, a);
    let (_, first) = store.write(at(), |tx| admissions::create_stay(tx, &first, &Settings::default())).unwrap();
    let mut second = stay(&mut store, p2, b);
    second.room_id = Some(rooms[1]);
    second.start_time = NaiveTime::from_hms_opt(10, 30, 0).unwrap();
    let (_, second) = store.write(at(), |tx| admissions::create_stay(tx, &second, &Settings::default())).unwrap();
    let zone = chrono_tz::Europe::Paris;
    let conn = ward.door();
    let place = |store: &mut Store, case: i64, room: i64, operator: i64, start: (u32, u32), nurse: Option<i64>| {
        let version = count(&conn, "SELECT version FROM cases WHERE id = ?1", [case]);
        let placement = Placement {
            room_id: Some(room),
            operator_id: Some(operator),
            anaesthetist_id: None,
            nurse_id: nurse,
            minutes: None,
        };
        let at_time =
            periop::domain::ward_time::at_local(day(), NaiveTime::from_hms_opt(start.0, start.1, 0).unwrap(), zone);
        store.write(at(), |tx| {
            cases::reschedule(
                tx,
                case,
                version,
                at_time,
                Some(&placement),
                false,
                &Answer::default(),
                &Settings::default(),
            )
        })
    };
    place(&mut store, first, rooms[0], a, (10, 0), Some(nurse)).unwrap();
    let err = place(&mut store, second, rooms[1], b, (10, 30), Some(nurse)).expect_err("one nurse, two rooms");
    assert!(matches!(err, StoreError::BlockConflict { can_override: false, .. }), "{err}");
    assert!(err.to_string().contains("block nurse Inès Martin is in the cases at"), "{err}");
    assert_eq!(periop::domain::block_conflicts::ConflictKind::NurseOverlap.policy(), Policy::Refused);
    // After the first case (10:00–11:30) she is free.
    place(&mut store, second, rooms[1], b, (11, 30), Some(nurse)).unwrap();
    let err = place(&mut store, second, rooms[1], b, (11, 30), Some(9999)).expect_err("no such nurse");
    assert!(err.to_string().contains("the block nurse"), "{err}");
    let list = store.block_day(day(), at()).unwrap();
    assert!(list.cases.iter().all(|c| c.nurse.as_deref() == Some("Inès Martin")), "{:?}", list.cases);
    let json = serde_json::to_value(&list).unwrap();
    assert_eq!(json["cases"][0]["nurse"], "Inès Martin");
}

/// A ward with one room and one operator, and a stay at 10:00 on the 25th
/// under sedation; returns the store, the patient, the admission and the case.
fn sedation_ward(ward: &Ward) -> (Store, i64, i64, i64) {
    let mut store = open_playing(ward, &admin());
    let operator = store
        .write(at(), |tx| {
            reference::add_room(tx, "Room 1 CT", "ct_fluoro", "08:00", "18:00")?;
            reference::add_staff(tx, None, "Dr Lemaire", "doctor")
        })
        .unwrap();
    let patient = add_patient(&mut store, 1);
    let mut new = stay(&mut store, patient, operator);
    new.anaesthesia_mode = AnaesthesiaMode::SedationLocal;
    let (admission, case) = store.write(at(), |tx| admissions::create_stay(tx, &new, &Settings::default())).unwrap();
    (store, patient, admission, case)
}

fn case_version(ward: &Ward, case: i64) -> i64 {
    count(&ward.door(), "SELECT version FROM cases WHERE id = ?1", [case])
}

/// R-BLOCK-5 with R-PATH-2, R-PATH-1 (issue 9): a postponed case booked
/// again puts its stay back to planned by a recorded step, in the same
/// transaction, with its plans following the new day; it is listed among
/// the day's admissions again. "Other" needs a note.
#[test]
fn r_block_5_a_postponed_case_booked_again_plans_its_stay_again() {
    use periop::domain::block_changes::{CallOff, CancelReason};
    use periop::store::{call_off, cases};
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let (mut store, _, admission, case) = sedation_ward(&ward);
    let v = case_version(&ward, case);
    let err = store
        .write(at(), |tx| call_off::call_off(tx, case, v, CallOff::Postponed, CancelReason::Other, Some("  ")))
        .unwrap_err();
    assert!(err.to_string().contains("add a note saying what it was (R-BLOCK-5)"), "{err}");
    store.write(at(), |tx| call_off::call_off(tx, case, v, CallOff::Postponed, CancelReason::NoBed, None)).unwrap();
    let new_start = periop::domain::ward_time::at_local(
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        chrono_tz::Europe::Paris,
    );
    let v = case_version(&ward, case);
    let moved = store.write(at(), |tx| cases::move_case(tx, case, v, new_start, false, &Settings::default())).unwrap();
    assert!(moved.message.contains("the stay is planned again"), "{}", moved.message);
    assert!(moved.message.contains("admission moved to 01/12, discharge to 03/12"), "{}", moved.message);
    let conn = ward.door();
    let (state, admit): (String, String) = conn
        .query_row("SELECT state, planned_admit_on FROM admissions WHERE id = ?1", [admission], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((state.as_str(), admit.as_str()), ("planned", "2026-12-01"));
    let step: (String, String, String) = conn
        .query_row(
            "SELECT from_state, to_state, reason FROM admission_steps WHERE admission_id = ?1 ORDER BY id DESC LIMIT 1",
            [admission],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((step.0.as_str(), step.1.as_str()), ("postponed", "planned"));
    assert!(step.2.contains("booked again: procedure 02/12 09:00"), "{}", step.2);
    let query = periop::store::admission_list::ListQuery {
        day: Some(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
        state: None,
        text: None,
    };
    let listed = store.admissions(&query, at()).unwrap();
    assert!(listed.iter().any(|r| r.admission_id == admission), "listed on its J-1 again");
}

/// R-BLOCK-3 with R-FAST-3 (issue 9): a fast that cannot be met names the
/// intake and its time and the next step; once the patient is in the room
/// it is no longer raised. R-MED-1: a move names the last-dose days it changes.
#[test]
fn r_block_3_a_fast_that_cannot_be_met_says_why_and_goes_once_in_the_room() {
    use periop::domain::block_conflicts::ConflictKind;
    use periop::domain::block_timeline::EventKind;
    use periop::domain::fasting::IntakeKind;
    use periop::domain::medication::DrugClass;
    use periop::store::{case_events, cases, intakes, treatments};
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let (mut store, patient, admission, case) = sedation_ward(&ward);
    let paris = |d, h, m| {
        periop::domain::ward_time::at_local(
            NaiveDate::from_ymd_opt(2026, 11, d).unwrap(),
            NaiveTime::from_hms_opt(h, m, 0).unwrap(),
            chrono_tz::Europe::Paris,
        )
    };
    store.write(at(), |tx| treatments::add(tx, patient, DrugClass::Doac)).unwrap();
    // R-MED-1: moved from the 25th to the 26th, the DOAC's last dose moves from 22/11 to 23/11.
    let v = case_version(&ward, case);
    let moved =
        store.write(at(), |tx| cases::move_case(tx, case, v, paris(26, 10, 0), false, &Settings::default())).unwrap();
    assert!(moved.message.contains("last doses now (R-MED-1):"), "{}", moved.message);
    assert!(moved.message.contains("23/11 (was 22/11)"), "{}", moved.message);
    let now = paris(26, 7, 0);
    store.write(now, |tx| intakes::record(tx, admission, IntakeKind::Solids, paris(26, 6, 0))).unwrap();
    let list = store.block_day(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(), now).unwrap();
    let line = list.conflicts.iter().find(|c| c.conflict.kind == ConflictKind::FastingCannotBeMet).expect("raised");
    assert!(line.text.contains("solids recorded at 26/11 06:00 (fasted from 26/11 12:00)"), "{}", line.text);
    assert!(line.text.contains("start at 26/11 12:00 or later, or postpone it"), "{}", line.text);
    store.write(paris(26, 10, 5), |tx| case_events::record(tx, case, EventKind::InRoom, None)).unwrap();
    let list = store.block_day(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(), paris(26, 10, 10)).unwrap();
    assert!(
        !list.conflicts.iter().any(|c| c.conflict.kind == ConflictKind::FastingCannotBeMet),
        "in the room: the fast is over, not a conflict"
    );
}
