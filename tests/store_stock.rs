//! Device stock against real wards (R-STOCK-1..4, R-TRACE-1, R-TRACE-2):
//! movements through the one write path, counts kept in the same
//! transaction, the schema refusing a negative count, and 8 processes
//! taking the last units of one lot at once. On either engine: a file, or
//! with `PERIOP_TEST_ENGINE=postgres` a database on the test server.
//!
//! The parent re-runs this test executable as its children: the `#[ignore]`d
//! test `child_taker` does a child's attempts when `PERIOP_TEST_STOCK_DB` is
//! set, and returns at once otherwise.

mod store_common;

use chrono::{NaiveDate, NaiveTime};
use periop::domain::case::AnaesthesiaMode;
use periop::domain::pathway::Step;
use periop::domain::roles::Role;
use periop::domain::settings::Settings;
use periop::domain::stock::DeviceKind;
use periop::domain::stock::movement::MovementKind;
use periop::domain::stock::trace::VoidTo;
use periop::store::admissions::{self, NewStay};
use periop::store::db::{Connection, Dialect};
use periop::store::stock_moves::{self, Move, NewReference, Receipt};
use periop::store::{Location, Store, StoreError, check, reference, stock};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use store_common::*;

/// The fixture: a ward with a doctor, one patient booked tomorrow
/// (23/11/2026 09:00), a screw reference and a lot of `units`.
struct Stock {
    ward: Ward,
    _dir: tempfile::TempDir,
    store: Store,
    case_id: i64,
    admission_id: i64,
    ref_id: i64,
    lot_id: i64,
}

fn tomorrow() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn screw() -> NewReference {
    NewReference {
        code: "SCR-70".into(),
        manufacturer: "Acme Spine".into(),
        name: "cannulated screw 7.0".into(),
        kind: DeviceKind::Screw,
        implantable: true,
        gtin: Some("03453120000011".into()),
        min_stock: 5,
        mm_per_turn: None,
    }
}

fn receipt(ref_id: i64, lot: &str, expiry: Option<NaiveDate>, units: u32) -> Receipt {
    Receipt {
        ref_id,
        lot: Some(lot.into()),
        serial: None,
        expiry,
        units,
        location: "cupboard A".into(),
        scanned: None,
        expired_ok: true,
    }
}

fn fixture(units: u32, with_operator: bool) -> Stock {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let Filled { store, case_id, admission_id, ref_id, lot_id } = fill(&ward.location, units, with_operator);
    Stock { ward, _dir: dir, store, case_id, admission_id, ref_id, lot_id }
}

/// A connection that may write behind the store's back: the file opened
/// read-write, or a client of the ward's database (the triggers and
/// CHECKs still stand).
fn door_rw(ward: &Ward) -> Connection {
    match ward.location.file() {
        Some(path) => Connection::from_sqlite(raw_rw(path)),
        None => ward.door(),
    }
}

fn audit_total(conn: &Connection) -> i64 {
    count(conn, "SELECT count(*) FROM audit", [])
}

/// How the engine words a CHECK constraint's refusal.
fn check_refusal(conn: &Connection) -> &'static str {
    match conn.dialect() {
        Dialect::Sqlite => "CHECK constraint failed",
        Dialect::Postgres => "violates check constraint",
    }
}

/// The fixture's rows, written into a database anywhere (a file or PostgreSQL).
struct Filled {
    store: Store,
    case_id: i64,
    admission_id: i64,
    ref_id: i64,
    lot_id: i64,
}

fn fill(location: &Location, units: u32, with_operator: bool) -> Filled {
    let mut store = Store::connect(location, &admin()).unwrap();
    let patient = add_patient(&mut store, 1);
    let (admission_id, case_id, ref_id, lot_id) = store
        .write(at(), |tx| {
            let operator = reference::add_staff(tx, None, "Dr Roux", "doctor")?;
            let kind = reference::procedure_kind_id(tx, "vertebroplasty")?.unwrap();
            let stay = NewStay {
                patient_id: patient,
                procedure_kind_id: kind,
                procedure_day: tomorrow(),
                start_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                duration_min: None,
                side_level: None,
                anaesthesia_mode: AnaesthesiaMode::SedationLocal,
                bleeding_risk: None,
                operator_id: with_operator.then_some(operator),
                anaesthetist_id: None,
                room_id: None,
                bed_id: None,
                emergency: false,
                iodinated_contrast: false,
                retrospective: false,
                override_reason: None,
            };
            let (admission, case) = admissions::create_stay(tx, &stay, &Settings::default())?;
            let ref_id = stock_moves::add_reference(tx, &screw())?;
            let expiry = NaiveDate::from_ymd_opt(2027, 6, 30);
            let lot = stock_moves::receive(tx, &receipt(ref_id, "A100", expiry, units))?.lot_id;
            Ok((admission, case, ref_id, lot))
        })
        .unwrap();
    Filled { store, case_id, admission_id, ref_id, lot_id }
}

fn lot_counts(ward: &Ward, lot_id: i64) -> (i64, i64) {
    ward.door()
        .query_row("SELECT quantity, reserved FROM device_lots WHERE id = ?1", [lot_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
}

/// During the fixture's procedure (tomorrow 09:00 Paris): a device is used
/// once the procedure is under way (R-TRACE-1).
fn during() -> chrono::DateTime<chrono::Utc> {
    at_plus(25 * 60 + 30)
}

fn use_one(store: &mut Store, lot_id: i64, case_id: i64) -> periop::store::Result<stock_moves::Moved> {
    store.write(during(), |tx| {
        stock_moves::move_stock(
            tx,
            &Move { lot_id, kind: MovementKind::Implant, units: 1, case_id: Some(case_id), reason: None },
        )
    })
}

#[test]
fn r_stock_2_each_movement_is_a_row_and_the_counts_follow() {
    let mut s = fixture(10, true);
    let (lot, case) = (s.lot_id, s.case_id);
    let picked = s.store.write(at(), |tx| stock_moves::reserve_fefo(tx, s.ref_id, case, 3)).unwrap();
    let [one] = picked.as_slice() else { panic!("{picked:?}") };
    assert_eq!((one.lot.id, one.units, one.moved.quantity, one.moved.reserved), (lot, 3, 10, 3));
    let moved = use_one(&mut s.store, lot, case).unwrap();
    assert_eq!((moved.quantity, moved.reserved, moved.kind), (9, 2, MovementKind::Implant));
    let waste = Move { lot_id: lot, kind: MovementKind::Waste, units: 2, case_id: None, reason: None };
    let err = s.store.write(at(), |tx| stock_moves::move_stock(tx, &waste)).unwrap_err();
    assert!(err.to_string().contains("give a reason"), "{err}");
    let waste = Move { reason: Some("dropped".into()), ..waste };
    assert_eq!(s.store.write(at(), |tx| stock_moves::move_stock(tx, &waste)).unwrap().quantity, 7);
    let release = Move { lot_id: lot, kind: MovementKind::Release, units: 2, case_id: Some(case), reason: None };
    assert_eq!(s.store.write(at(), |tx| stock_moves::move_stock(tx, &release)).unwrap().reserved, 0);
    assert_eq!(lot_counts(&s.ward, lot), (7, 0));
    let conn = s.ward.door();
    let kinds: Vec<String> = conn
        .prepare("SELECT kind || ' ' || units FROM stock_movements WHERE lot_id = ?1 ORDER BY id")
        .unwrap()
        .query_map([lot], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(kinds, ["receive 10", "reserve 3", "implant 1", "waste 2", "release 2"]);
    // Every row written is audited, and the file reconciles.
    assert!(audit_rows_of(&conn, "stock_movements", 1) == 1);
    let report = check::full(&s.ward.door()).unwrap();
    assert!(report.is_healthy(), "{report:?}");
}

#[test]
fn r_stock_2_the_schema_itself_refuses_a_negative_count() {
    let s = fixture(1, true);
    let conn = door_rw(&s.ward);
    let err = conn.execute("UPDATE device_lots SET quantity = -1 WHERE id = ?1", [s.lot_id]).unwrap_err();
    assert!(err.to_string().contains(check_refusal(&conn)), "{err}");
    let err = conn.execute("UPDATE device_lots SET reserved = 2 WHERE id = ?1", [s.lot_id]).unwrap_err();
    assert!(err.to_string().contains(check_refusal(&conn)), "{err}");
    let err = conn.execute("DELETE FROM stock_movements", []).unwrap_err();
    assert!(err.to_string().contains("kept"), "{err}");
}

#[test]
fn r_stock_3_expired_and_quarantined_lots_cannot_be_used_but_can_be_moved() {
    let mut s = fixture(4, true);
    // A lot expiring today: expired for tomorrow's case (R-STOCK-3).
    let old = s
        .store
        .write(at(), |tx| stock_moves::receive(tx, &receipt(s.ref_id, "OLD1", Some(at().date_naive()), 2)))
        .unwrap()
        .lot_id;
    let err = use_one(&mut s.store, old, s.case_id).unwrap_err();
    assert!(err.to_string().contains("expired on 22/11/2026 (before the procedure on 23/11/2026)"), "{err}");
    // FEFO skips it and proposes the usable lot.
    let picked = s.store.write(at(), |tx| stock_moves::reserve_fefo(tx, s.ref_id, s.case_id, 1)).unwrap();
    assert_eq!(picked.iter().map(|p| p.lot.id).collect::<Vec<_>>(), [s.lot_id]);
    // It can still be returned, quarantined or wasted.
    let ret = Move { lot_id: old, kind: MovementKind::Return, units: 1, case_id: None, reason: None };
    s.store.write(at(), |tx| stock_moves::move_stock(tx, &ret)).unwrap();
    let q =
        Move { lot_id: old, kind: MovementKind::Quarantine, units: 0, case_id: None, reason: Some("expired".into()) };
    s.store.write(at(), |tx| stock_moves::move_stock(tx, &q)).unwrap();
    let waste =
        Move { lot_id: old, kind: MovementKind::Waste, units: 1, case_id: None, reason: Some("expired".into()) };
    s.store.write(at(), |tx| stock_moves::move_stock(tx, &waste)).unwrap();
    assert_eq!(lot_counts(&s.ward, old), (0, 0));
    // A quarantined lot is refused for a use.
    let q = Move {
        lot_id: s.lot_id,
        kind: MovementKind::Quarantine,
        units: 0,
        case_id: None,
        reason: Some("damaged box".into()),
    };
    s.store.write(at(), |tx| stock_moves::move_stock(tx, &q)).unwrap();
    let err = use_one(&mut s.store, s.lot_id, s.case_id).unwrap_err();
    assert!(err.to_string().contains("quarantined (damaged box)"), "{err}");
    // R-STOCK-4: tomorrow's case holds a unit it cannot use.
    let alerts = s.store.stock_alerts(at().date_naive()).unwrap();
    assert!(alerts.iter().any(|a| a.message.starts_with("DEVICE NOT AVAILABLE tomorrow")), "{alerts:?}");
    assert!(alerts.iter().any(|a| a.message.starts_with("LOW STOCK cannulated screw 7.0: 0 usable")), "{alerts:?}");
}

#[test]
fn r_trace_1_a_case_with_an_incomplete_implant_record_cannot_close() {
    let mut s = fixture(3, false);
    let nurse = account("nurse1", Some("Nurse One"));
    give_role(&s.ward, &nurse, Role::Nurse);
    let mut by_nurse = Store::connect(&s.ward.location, &nurse).unwrap();
    let moved = use_one(&mut by_nurse, s.lot_id, s.case_id).unwrap();
    let implant = moved.implant_id.unwrap();
    let records = stock::implants_of_case(&s.ward.door(), s.case_id).unwrap();
    assert_eq!(records[0].missing(), vec![periop::domain::stock::trace::Missing::Operator]);
    // Admit, then try to mark the procedure done.
    let version =
        |s: &Stock| -> i64 { count(&s.ward.door(), "SELECT version FROM admissions WHERE id = ?1", [s.admission_id]) };
    let v = version(&s);
    by_nurse.write(at(), |tx| admissions::take_step(tx, s.admission_id, v, Step::Admit, None)).unwrap();
    let v = version(&s);
    // The day after, once the procedure has happened (R-PATH-6).
    let after = at_plus(26 * 60);
    let err = by_nurse
        .write(after, |tx| admissions::take_step(tx, s.admission_id, v, Step::MarkProcedureDone, None))
        .unwrap_err();
    assert!(err.to_string().contains("cannulated screw 7.0 (lot A100): operator missing"), "{err}");
    // The operator recorded, it closes.
    let doctor = count(&s.ward.door(), "SELECT id FROM staff WHERE display_name = 'Dr Roux'", []);
    s.store.write(at(), |tx| stock_moves::set_operator(tx, implant, 1, doctor)).unwrap();
    // A unit held but not used goes back to the shelf when the case closes.
    s.store.write(at(), |tx| stock_moves::reserve_fefo(tx, s.ref_id, s.case_id, 1)).unwrap();
    assert_eq!(lot_counts(&s.ward, s.lot_id), (2, 1));
    by_nurse.write(after, |tx| admissions::take_step(tx, s.admission_id, v, Step::MarkProcedureDone, None)).unwrap();
    assert_eq!(lot_counts(&s.ward, s.lot_id), (2, 0));
    let state: String =
        s.ward.door().query_row("SELECT state FROM cases WHERE id = ?1", [s.case_id], |r| r.get(0)).unwrap();
    assert_eq!(state, "done");
    // R-TRACE-1: the records are never deleted.
    let err = door_rw(&s.ward).execute("DELETE FROM implants", []).unwrap_err();
    assert!(err.to_string().contains("implant records are kept"), "{err}");
}

#[test]
fn r_stock_2_a_cancelled_case_gives_its_held_devices_back() {
    let mut s = fixture(5, true);
    s.store.write(at(), |tx| stock_moves::reserve_fefo(tx, s.ref_id, s.case_id, 2)).unwrap();
    assert_eq!(lot_counts(&s.ward, s.lot_id), (5, 2));
    let v = count(&s.ward.door(), "SELECT version FROM admissions WHERE id = ?1", [s.admission_id]);
    s.store
        .write(at(), |tx| admissions::take_step(tx, s.admission_id, v, Step::Cancel, Some("patient declined")))
        .unwrap();
    assert_eq!(lot_counts(&s.ward, s.lot_id), (5, 0));
}

#[test]
fn r_trace_2_a_recall_quarantines_the_rest_and_lists_the_patients() {
    let mut s = fixture(4, true);
    use_one(&mut s.store, s.lot_id, s.case_id).unwrap();
    let recall = s.store.write(at(), |tx| stock_moves::recall(tx, "SCR-70", "A100", "FSN 2026-11")).unwrap();
    assert_eq!(recall.quarantined, vec![("lot A100".to_string(), 3)]);
    assert_eq!(recall.patients.len(), 1);
    let who = recall.patients[0].patient.as_ref().unwrap().to_string();
    assert_eq!(who, "TESTPATIENT1 Camille (14/03/1960)");
    assert_eq!(recall.patients[0].operator.as_deref(), Some("Dr Roux"));
    let err = s.store.write(at(), |tx| stock_moves::recall(tx, "SCR-70", "ZZZ", "")).unwrap_err();
    assert!(err.to_string().contains("never received here"), "{err}");
}

#[test]
fn r_stock_1_a_reference_refuses_a_bad_gtin_and_a_code_twice() {
    let mut s = fixture(1, true);
    let err = s.store.write(at(), |tx| stock_moves::add_reference(tx, &screw())).unwrap_err();
    assert!(err.to_string().contains("already in the catalogue"), "{err}");
    let bad = NewReference { code: "X".into(), gtin: Some("03453120000012".into()), ..screw() };
    let err = s.store.write(at(), |tx| stock_moves::add_reference(tx, &bad)).unwrap_err();
    assert!(err.to_string().contains("check digit"), "{err}");
    // R-ROLE-1: a nurse receives stock but does not edit the catalogue.
    let nurse = account("nurse1", Some("Nurse One"));
    give_role(&s.ward, &nurse, Role::Nurse);
    let mut by_nurse = Store::connect(&s.ward.location, &nurse).unwrap();
    let other = NewReference { code: "T1".into(), gtin: None, ..screw() };
    let err = by_nurse.write(at(), |tx| stock_moves::add_reference(tx, &other)).unwrap_err();
    assert!(matches!(err, StoreError::NotAllowed { .. }), "{err:?}");
    let same_day = NaiveDate::from_ymd_opt(2027, 6, 30);
    by_nurse.write(at(), |tx| stock_moves::receive(tx, &receipt(s.ref_id, "A100", same_day, 1))).unwrap();
}

const CHILDREN: usize = 8;
const ATTEMPTS: u32 = 20;
const UNITS: u32 = 100;
const CHILD_DB: &str = "PERIOP_TEST_STOCK_DB";
const CHILD_NAME: &str = "PERIOP_TEST_STOCK_NAME";
const CHILD_LOT: &str = "PERIOP_TEST_STOCK_LOT";
const CHILD_CASE: &str = "PERIOP_TEST_STOCK_CASE";

/// One child: opens the store as its own nurse account, says READY, waits
/// for the go, then tries `ATTEMPTS` implants of one unit. Out of stock is
/// counted; any other error fails the child.
#[test]
#[ignore = "helper: a child process of the stock concurrency test"]
fn child_taker() {
    let Some(db) = std::env::var_os(CHILD_DB) else { return };
    let name = std::env::var(CHILD_NAME).unwrap();
    let lot: i64 = std::env::var(CHILD_LOT).unwrap().parse().unwrap();
    let case: i64 = std::env::var(CHILD_CASE).unwrap().parse().unwrap();
    let mut store = Store::connect(&Location::parse(&db), &account(&name, None)).unwrap();
    println!("READY");
    std::io::stdout().flush().unwrap();
    let mut go = String::new();
    std::io::stdin().read_line(&mut go).unwrap();
    let (mut taken, mut refused) = (0, 0);
    for _ in 0..ATTEMPTS {
        match use_one(&mut store, lot, case) {
            Ok(_) => taken += 1,
            Err(StoreError::OutOfStock { .. }) => refused += 1,
            Err(e) => panic!("{name}: {e:?} ({e})"),
        }
    }
    println!("SUMMARY taken={taken} refused={refused}");
}

/// R-STOCK-2, R-TRACE-1: 100 units of one lot, 8 processes × 20 implant
/// attempts at once: exactly 100 succeed and 60 are refused as out of
/// stock, the count never goes below zero, one traceability row per success.
/// `location` holds the fixture's rows ([`fill`] with `UNITS`).
fn last_units_never_go_below_zero(location: &Location, lot_id: i64, case_id: i64) {
    for i in 0..CHILDREN {
        give_role(location, &account(&format!("taker{i}"), None), Role::Nurse);
    }
    let exe = std::env::current_exe().unwrap();
    let mut children: Vec<_> = (0..CHILDREN)
        .map(|i| {
            let mut child = Command::new(&exe)
                .args(["child_taker", "--exact", "--ignored", "--nocapture"])
                .env(CHILD_DB, location_text(location))
                .env(CHILD_NAME, format!("taker{i}"))
                .env(CHILD_LOT, lot_id.to_string())
                .env(CHILD_CASE, case_id.to_string())
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
        let _ = writeln!(child.stdin.as_mut().unwrap(), "go");
    }
    let (mut taken, mut refused) = (0u32, 0u32);
    for (i, (mut child, mut stdout)) in children.into_iter().enumerate() {
        drop(child.stdin.take());
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
        let mut stderr = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
        assert!(child.wait().unwrap().success(), "taker{i} failed:\n{rest}\n{stderr}");
        let summary = rest.lines().find_map(|l| l.split_once("SUMMARY ")).map(|(_, s)| s.to_string()).unwrap();
        let number = |key: &str| -> u32 {
            summary.split_whitespace().find_map(|w| w.strip_prefix(key)).unwrap().parse().unwrap()
        };
        taken += number("taken=");
        refused += number("refused=");
    }
    assert_eq!((taken, refused), (UNITS, CHILDREN as u32 * ATTEMPTS - UNITS));
    let conn = door(location);
    let counts: (i64, i64) = conn
        .query_row("SELECT quantity, reserved FROM device_lots WHERE id = ?1", [lot_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(counts, (0, 0));
    assert_eq!(count(&conn, "SELECT count(*) FROM implants WHERE lot_id = ?1", [lot_id]), i64::from(UNITS));
    let uses = "SELECT count(*) FROM stock_movements WHERE lot_id = ?1 AND kind = 'implant'";
    assert_eq!(count(&conn, uses, [lot_id]), i64::from(UNITS));
    // The lot's quantity, as each save wrote it, went 100 → 0 one unit at a time.
    let mut stmt =
        conn.prepare("SELECT after FROM audit WHERE table_name = 'device_lots' AND row_id = ?1 ORDER BY id").unwrap();
    let written: Vec<i64> = stmt
        .query_map([lot_id], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|a| image_number(&a.unwrap(), "quantity"))
        .collect();
    assert_eq!(written, (0..=i64::from(UNITS)).rev().collect::<Vec<_>>());
    assert_healthy(location);
}

/// On either engine (it had a twin `…_on_postgresql` before the whole file
/// ran on both): `.ci/test` runs it on PostgreSQL in the BOTH_ENGINES pass.
#[test]
fn r_stock_2_eight_processes_taking_the_last_units_never_go_below_zero() {
    let s = fixture(UNITS, true);
    let Stock { ward, _dir, store, lot_id, case_id, .. } = s;
    drop(store);
    last_units_never_go_below_zero(&ward.location, lot_id, case_id);
}

/// Found in use (#10): an implant was recorded on a case six days ahead,
/// stamped now, for a patient not yet in hospital; and a trocar used on a
/// patient was listed on their implant card. A device is used once the
/// procedure is under way; the card lists implantable devices only.
#[test]
fn r_trace_1_no_use_before_the_procedure_and_the_card_lists_implants_only() {
    let mut s = fixture(3, true);
    let early = s.store.write(at(), |tx| {
        stock_moves::move_stock(
            tx,
            &Move { lot_id: s.lot_id, kind: MovementKind::Implant, units: 1, case_id: Some(s.case_id), reason: None },
        )
    });
    assert!(early.unwrap_err().to_string().contains("once it is under way"));
    use_one(&mut s.store, s.lot_id, s.case_id).unwrap();
    let trocar =
        NewReference { code: "TRO-1".into(), name: "trocar".into(), implantable: false, gtin: None, ..screw() };
    let trocar_ref = s.store.write(at(), |tx| stock_moves::add_reference(tx, &trocar)).unwrap();
    let trocar_lot =
        s.store.write(at(), |tx| stock_moves::receive(tx, &receipt(trocar_ref, "T1", None, 2))).unwrap().lot_id;
    use_one(&mut s.store, trocar_lot, s.case_id).unwrap();
    let conn = s.ward.door();
    let number: String = conn
        .query_row(
            "SELECT p.hospital_number FROM admissions a JOIN patients p ON p.id = a.patient_id WHERE a.id = ?1",
            [s.admission_id],
            |r| r.get(0),
        )
        .unwrap();
    let card = stock::implants_of_patient(&s.ward.door(), &number).unwrap();
    assert_eq!(card.iter().map(|i| i.reference_code.as_str()).collect::<Vec<_>>(), ["SCR-70"]);
    // The trocar stays traced by its lot, for a recall.
    assert_eq!(stock::implants_of_lots(&s.ward.door(), &[trocar_lot]).unwrap().len(), 1);
}

/// R-TRACE-1 with R-BLOCK-6: once the ward keeps the case's J0 timeline,
/// it is the patient in the room that starts the procedure, not the clock
/// (found in use, #9: a list that slipped let an implant be recorded on a
/// patient still waiting on the ward).
#[test]
fn r_trace_1_a_device_is_used_once_the_patient_is_in_the_room() {
    use periop::domain::block_timeline::EventKind;
    use periop::store::case_events;
    let mut s = fixture(3, true);
    let arrived = during() - chrono::Duration::minutes(70);
    s.store.write(arrived, |tx| case_events::record(tx, s.case_id, EventKind::Arrived, None)).unwrap();
    let err = use_one(&mut s.store, s.lot_id, s.case_id).unwrap_err();
    assert!(err.to_string().contains("the patient is not recorded in the room yet"), "{err}");
    s.store.write(during(), |tx| case_events::record(tx, s.case_id, EventKind::InRoom, None)).unwrap();
    use_one(&mut s.store, s.lot_id, s.case_id).unwrap();
}

/// Found in use (#10): one lot number received again with another use-by
/// day made a second line a recall could not tell apart; more units with
/// another location moved the whole lot. Both are refused; more units of
/// the same lot, same day, same place, add up.
#[test]
fn r_stock_1_a_lot_keeps_one_use_by_day_and_one_place() {
    let mut s = fixture(3, true);
    let other_day = NaiveDate::from_ymd_opt(2026, 12, 31);
    let err = s.store.write(at(), |tx| stock_moves::receive(tx, &receipt(s.ref_id, "A100", other_day, 2))).unwrap_err();
    assert!(err.to_string().contains("lot A100: is on the shelf with use-by 30/06/2027"), "{err}");
    let err = s.store.write(at(), |tx| stock_moves::receive(tx, &receipt(s.ref_id, "A100", None, 2))).unwrap_err();
    assert!(err.to_string().contains("this label says no use-by day"), "{err}");
    let same_day = NaiveDate::from_ymd_opt(2027, 6, 30);
    let elsewhere = Receipt { location: "fridge".into(), ..receipt(s.ref_id, "A100", same_day, 2) };
    let err = s.store.write(at(), |tx| stock_moves::receive(tx, &elsewhere)).unwrap_err();
    assert!(err.to_string().contains("is kept at \"cupboard A\""), "{err}");
    s.store.write(at(), |tx| stock_moves::receive(tx, &receipt(s.ref_id, "A100", same_day, 2))).unwrap();
    assert_eq!(lot_counts(&s.ward, s.lot_id).0, 5);
}

fn admission_version(s: &Stock) -> i64 {
    count(&s.ward.door(), "SELECT version FROM admissions WHERE id = ?1", [s.admission_id])
}

fn hospital_number(s: &Stock) -> String {
    s.ward
        .door()
        .query_row(
            "SELECT p.hospital_number FROM admissions a JOIN patients p ON p.id = a.patient_id WHERE a.id = ?1",
            [s.admission_id],
            |r| r.get(0),
        )
        .unwrap()
}

/// Found in use (fix 10, #1): an implant recorded by mistake could not be
/// corrected, and its case could not be cancelled cleanly. It is voided
/// with a reason (audited, kept), its units back on the shelf or wasted as
/// asked; the case cancels once no record stands (R-TRACE-1).
#[test]
fn r_trace_1_an_implant_recorded_by_mistake_is_voided_and_the_case_then_cancels() {
    let mut s = fixture(3, true);
    let first = use_one(&mut s.store, s.lot_id, s.case_id).unwrap().implant_id.unwrap();
    let second = use_one(&mut s.store, s.lot_id, s.case_id).unwrap().implant_id.unwrap();
    assert_eq!(lot_counts(&s.ward, s.lot_id), (1, 0));
    let v = admission_version(&s);
    let err = s
        .store
        .write(during(), |tx| admissions::take_step(tx, s.admission_id, v, Step::Cancel, Some("wrong patient")))
        .unwrap_err();
    assert!(err.to_string().contains("void each first"), "{err}");
    assert!(err.to_string().contains(&format!("#{first} cannulated screw 7.0 (lot A100)")), "{err}");
    // A reason is needed; a read-only account may not void.
    let err = s.store.write(during(), |tx| stock_moves::void_implant(tx, first, " ", VoidTo::Shelf)).unwrap_err();
    assert!(err.to_string().contains("give a reason"), "{err}");
    let reader = account("reader1", Some("Reader One"));
    give_role(&s.ward, &reader, Role::ReadOnly);
    let mut by_reader = Store::connect(&s.ward.location, &reader).unwrap();
    let err = by_reader.write(during(), |tx| stock_moves::void_implant(tx, first, "typo", VoidTo::Shelf)).unwrap_err();
    assert!(matches!(err, StoreError::NotAllowed { .. }), "{err}");
    // Back on the shelf, then to waste.
    let audits = audit_rows_of(&s.ward.door(), "implants", first);
    let voided =
        s.store.write(during(), |tx| stock_moves::void_implant(tx, first, "wrong case", VoidTo::Shelf)).unwrap();
    assert_eq!((voided.quantity, voided.units), (2, 1));
    assert_eq!(audit_rows_of(&s.ward.door(), "implants", first), audits + 1, "audited");
    s.store.write(during(), |tx| stock_moves::void_implant(tx, second, "opened, dropped", VoidTo::Waste)).unwrap();
    assert_eq!(lot_counts(&s.ward, s.lot_id), (2, 0));
    let kinds: Vec<(String, i64, Option<String>)> = {
        let conn = s.ward.door();
        let mut stmt = conn
            .prepare("SELECT kind, units, reason FROM stock_movements WHERE lot_id = ?1 AND id > 3 ORDER BY id")
            .unwrap();
        stmt.query_map([s.lot_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(
        kinds.iter().map(|k| (k.0.as_str(), k.1)).collect::<Vec<_>>(),
        [("release", 1), ("waste", 1)],
        "{kinds:?}"
    );
    assert!(kinds[0].2.as_deref().unwrap().contains("wrong case"));
    let err = s.store.write(during(), |tx| stock_moves::void_implant(tx, first, "again", VoidTo::Shelf)).unwrap_err();
    assert!(err.to_string().contains("already voided"), "{err}");
    // Kept, marked voided; off the card and the recall list.
    let conn = s.ward.door();
    let records = stock::implants_of_case(&conn, s.case_id).unwrap();
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|r| r.voided.is_some()));
    assert_eq!(records[0].voided.as_ref().unwrap().reason, "wrong case");
    assert!(stock::implants_of_patient(&s.ward.door(), &hospital_number(&s)).unwrap().is_empty());
    assert!(stock::implants_of_lots(&s.ward.door(), &[s.lot_id]).unwrap().is_empty());
    let v = admission_version(&s);
    s.store
        .write(during(), |tx| admissions::take_step(tx, s.admission_id, v, Step::Cancel, Some("wrong patient")))
        .unwrap();
    let report = check::full(&s.ward.door()).unwrap();
    assert!(report.is_healthy(), "{report:?}");
}

/// Found in use (fix 10, #2): an implant could not be recorded once the
/// procedure was marked done; a nurse records it after. Allowed until the
/// stay closes, never before the procedure started (R-TRACE-1).
#[test]
fn r_trace_1_an_implant_is_recorded_after_the_procedure_is_marked_done() {
    let mut s = fixture(3, true);
    let v = admission_version(&s);
    s.store.write(at(), |tx| admissions::take_step(tx, s.admission_id, v, Step::Admit, None)).unwrap();
    let v = admission_version(&s);
    let after = at_plus(26 * 60);
    s.store.write(after, |tx| admissions::take_step(tx, s.admission_id, v, Step::MarkProcedureDone, None)).unwrap();
    let moved = s
        .store
        .write(after, |tx| {
            stock_moves::move_stock(
                tx,
                &Move {
                    lot_id: s.lot_id,
                    kind: MovementKind::Implant,
                    units: 1,
                    case_id: Some(s.case_id),
                    reason: None,
                },
            )
        })
        .unwrap();
    assert!(moved.implant_id.is_some());
    // The Stock tab offers the done case for a use.
    let cases = stock::cases_from(&s.ward.door(), tomorrow(), 7, chrono_tz::Europe::Paris).unwrap();
    assert!(cases.iter().any(|c| c.case_id == s.case_id && c.done), "{cases:?}");
    // Nothing is reserved for a done case.
    let err = s.store.write(after, |tx| stock_moves::reserve_fefo(tx, s.ref_id, s.case_id, 1)).unwrap_err();
    assert!(err.to_string().contains("nothing can be reserved"), "{err}");
}

/// Found in use (fix 10, #3): a quarantine could not be lifted. It is, with
/// a reason and a movement row, by the stock's roles; a recalled lot stays
/// refused unless the recall itself is lifted (R-STOCK-3, R-TRACE-2).
#[test]
fn r_stock_3_a_quarantine_is_lifted_with_a_reason_and_a_recall_only_explicitly() {
    let mut s = fixture(3, true);
    let quarantine = Move {
        lot_id: s.lot_id,
        kind: MovementKind::Quarantine,
        units: 0,
        case_id: None,
        reason: Some("box damp".into()),
    };
    s.store.write(at(), |tx| stock_moves::move_stock(tx, &quarantine)).unwrap();
    assert!(use_one(&mut s.store, s.lot_id, s.case_id).is_err());
    let err = s.store.write(at(), |tx| stock_moves::lift(tx, s.lot_id, "", false)).unwrap_err();
    assert!(err.to_string().contains("give a reason"), "{err}");
    let reader = account("reader1", Some("Reader One"));
    give_role(&s.ward, &reader, Role::ReadOnly);
    let mut by_reader = Store::connect(&s.ward.location, &reader).unwrap();
    let err = by_reader.write(at(), |tx| stock_moves::lift(tx, s.lot_id, "dry inside", false)).unwrap_err();
    assert!(err.to_string().contains("device stock"), "names what it needs: {err}");
    let lifted = s.store.write(at(), |tx| stock_moves::lift(tx, s.lot_id, "dry inside, checked", false)).unwrap();
    assert_eq!(lifted.was, "box damp");
    let reason: String = s
        .ward
        .door()
        .query_row("SELECT reason FROM stock_movements WHERE lot_id = ?1 ORDER BY id DESC LIMIT 1", [s.lot_id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(reason, "quarantine lifted: dry inside, checked");
    use_one(&mut s.store, s.lot_id, s.case_id).unwrap();
    // A recall: the quarantine key does not lift it, the recall's does.
    s.store.write(at(), |tx| stock_moves::recall(tx, "SCR-70", "A100", "FSN 2026-11")).unwrap();
    let err = s.store.write(at(), |tx| stock_moves::lift(tx, s.lot_id, "looks fine", false)).unwrap_err();
    assert!(err.to_string().contains("recalled (recall: FSN 2026-11)"), "{err}");
    assert!(use_one(&mut s.store, s.lot_id, s.case_id).unwrap_err().to_string().contains("recalled"));
    s.store.write(at(), |tx| stock_moves::lift(tx, s.lot_id, "notice withdrawn 2026-12-01", true)).unwrap();
    use_one(&mut s.store, s.lot_id, s.case_id).unwrap();
    let report = check::full(&s.ward.door()).unwrap();
    assert!(report.is_healthy(), "{report:?}");
}

/// Found in use (fix 10, #7): a recall did not mark the patients' implant
/// records. After it, the card and the admission show the recall with its
/// day, a used-up lot included (R-TRACE-2).
#[test]
fn r_trace_2_a_recall_marks_the_patients_implant_records_even_of_a_used_up_lot() {
    let mut s = fixture(1, true);
    use_one(&mut s.store, s.lot_id, s.case_id).unwrap();
    assert_eq!(lot_counts(&s.ward, s.lot_id), (0, 0));
    let conn = s.ward.door();
    assert!(stock::implants_of_patient(&s.ward.door(), &hospital_number(&s)).unwrap()[0].recalled.is_none());
    let recall_at = at_plus(3 * 24 * 60);
    let recall = s.store.write(recall_at, |tx| stock_moves::recall(tx, "SCR-70", "A100", "FSN 2026-11")).unwrap();
    assert_eq!(recall.quarantined, vec![("lot A100".to_string(), 0)]);
    let card = stock::implants_of_patient(&s.ward.door(), &hospital_number(&s)).unwrap();
    let mark = card[0].recalled.as_ref().expect("marked recalled");
    assert_eq!(mark.at, recall_at);
    assert_eq!(mark.reason, "recall: FSN 2026-11");
    let stay = stock::implants_of_admission(&s.ward.door(), s.admission_id).unwrap();
    assert!(stay[0].recalled.is_some());
    // A preview writes nothing and is open to a reader.
    let reader = account("reader1", Some("Reader One"));
    give_role(&s.ward, &reader, Role::ReadOnly);
    let audits = audit_total(&conn);
    let by_reader = Store::connect(&s.ward.location, &reader).unwrap();
    let seen = by_reader.recall_preview("SCR-70", "A100").unwrap();
    assert_eq!(seen.patients.len(), 1);
    assert_eq!(audit_total(&conn), audits);
}

/// A stay for patient `n` whose procedure is on `day` at 09:00, no operator.
fn stay_on(store: &mut Store, n: u32, day: NaiveDate) -> (i64, i64) {
    let patient = add_patient(store, n);
    store
        .write(at(), |tx| {
            let kind = reference::procedure_kind_id(tx, "vertebroplasty")?.unwrap();
            let stay = NewStay {
                patient_id: patient,
                procedure_kind_id: kind,
                procedure_day: day,
                start_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                duration_min: None,
                side_level: None,
                anaesthesia_mode: AnaesthesiaMode::SedationLocal,
                bleeding_risk: None,
                operator_id: None,
                anaesthetist_id: None,
                room_id: None,
                bed_id: None,
                emergency: false,
                iodinated_contrast: false,
                retrospective: false,
                override_reason: None,
            };
            admissions::create_stay(tx, &stay, &Settings::default())
        })
        .unwrap()
}

/// Found in use (issue 10, #2): a "device not available" alert for a case
/// not on the Board's day named no patient and could not be opened. The
/// alert names the case's day; the board and `periop stock` name the
/// patient and the admission (R-PATH-5, R-STOCK-3).
#[test]
fn r_stock_3_a_device_not_available_for_a_later_case_names_the_patient() {
    let mut s = fixture(4, true);
    let later = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let (admission, case) = stay_on(&mut s.store, 2, later);
    s.store.write(at(), |tx| stock_moves::reserve_fefo(tx, s.ref_id, case, 1)).unwrap();
    let quarantine =
        Move { lot_id: s.lot_id, kind: MovementKind::Quarantine, units: 0, case_id: None, reason: Some("damp".into()) };
    s.store.write(at(), |tx| stock_moves::move_stock(tx, &quarantine)).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let board = s.store.board(today, at()).unwrap();
    let subject = periop::domain::attention::Subject::Case(case);
    let alert = board.attention.iter().find(|a| a.subject == subject).expect("the case's alert");
    assert!(
        alert.message.starts_with("DEVICE NOT AVAILABLE on 05/12/2026: cannulated screw 7.0 lot A100"),
        "{alert:?}"
    );
    assert_eq!(board.admission_for(subject), Some(admission));
    let who = board.patient_for(subject).map(ToString::to_string);
    assert_eq!(who.as_deref(), Some("TESTPATIENT2 Camille (14/03/1960)"));
    // `periop stock`'s text names them too.
    let alerts = s.store.stock_alerts(today).unwrap();
    let cases = s.store.alert_cases(&alerts).unwrap();
    let text = periop::cli::stock::text(&s.store.stock().unwrap(), &alerts, &cases, today, 60);
    assert!(text.contains(&format!("(R-STOCK-4) — TESTPATIENT2 Camille (14/03/1960), case #{case}")), "{text}");
}

/// Found in use (issue 10, #4): a lot past its use-by day was received
/// without a word. It is refused naming the day, unless the user said to
/// receive it anyway (R-STOCK-3).
#[test]
fn r_stock_3_an_expired_lot_is_received_only_when_said_so() {
    let mut s = fixture(1, true);
    let past = NaiveDate::from_ymd_opt(2026, 11, 1);
    let expired = Receipt { expired_ok: false, ..receipt(s.ref_id, "OLD1", past, 2) };
    let err = s.store.write(at(), |tx| stock_moves::receive(tx, &expired)).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("its use-by day 01/11/2026 has passed (today is 22/11/2026)"), "{text}");
    assert!(text.contains("--expired-ok"), "{text}");
    let ok = Receipt { expired_ok: true, ..expired };
    s.store.write(at(), |tx| stock_moves::receive(tx, &ok)).unwrap();
    // Expiring today is not expired.
    let today = Receipt { expired_ok: false, ..receipt(s.ref_id, "TODAY1", NaiveDate::from_ymd_opt(2026, 11, 22), 1) };
    s.store.write(at(), |tx| stock_moves::receive(tx, &today)).unwrap();
}

/// Found in use (issue 10, #6): a reservation could not span lots, and its
/// refusal said "pick another lot" though the form has none. It takes
/// from the earliest-expiring usable lot first, then the next, each hold
/// recorded; short of units, it says what the form can do (R-STOCK-3).
#[test]
fn r_stock_3_a_reservation_spans_lots_earliest_expiry_first() {
    let mut s = fixture(2, true);
    let sooner = NaiveDate::from_ymd_opt(2027, 1, 31);
    let sooner_lot = s.store.write(at(), |tx| stock_moves::receive(tx, &receipt(s.ref_id, "B200", sooner, 2))).unwrap();
    let picked = s.store.write(at(), |tx| stock_moves::reserve_fefo(tx, s.ref_id, s.case_id, 3)).unwrap();
    let taken: Vec<(i64, u32)> = picked.iter().map(|p| (p.lot.id, p.units)).collect();
    assert_eq!(taken, [(sooner_lot.lot_id, 2), (s.lot_id, 1)]);
    assert_eq!(lot_counts(&s.ward, sooner_lot.lot_id), (2, 2));
    assert_eq!(lot_counts(&s.ward, s.lot_id), (2, 1));
    let held = count(&s.ward.door(), "SELECT count(*) FROM case_devices WHERE case_id = ?1", [s.case_id]);
    assert_eq!(held, 2, "one hold per lot");
    let err = s.store.write(at(), |tx| stock_moves::reserve_fefo(tx, s.ref_id, s.case_id, 2)).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("2 asked, 1 free") && text.contains("reserve fewer, or receive more"), "{text}");
    assert!(!text.contains("pick another lot"), "{text}");
    assert_eq!(lot_counts(&s.ward, s.lot_id), (2, 1), "nothing reserved");
}

/// Found in use (issue 10, #5): a recall matched the REF and the lot only
/// as typed with their case, and suggested nothing (R-TRACE-2).
#[test]
fn r_trace_2_a_recall_matches_whatever_the_case_and_suggests_close_ones() {
    let mut s = fixture(2, true);
    let recall = s.store.write(at(), |tx| stock_moves::recall(tx, " scr-70 ", "a100", "FSN")).unwrap();
    assert_eq!((recall.reference.code.as_str(), recall.number.as_str()), ("SCR-70", "A100"));
    let err = s.store.write(at(), |tx| stock_moves::recall(tx, "SCR-70", "A10", "")).unwrap_err();
    assert!(err.to_string().contains("never received here; did you mean A100?"), "{err}");
    let err = s.store.write(at(), |tx| stock_moves::recall(tx, "SCR70", "A100", "")).unwrap_err();
    assert!(err.to_string().contains("not in the catalogue; did you mean SCR-70?"), "{err}");
    // Two lots differing only by case: asked which; an exact match wins.
    let day = NaiveDate::from_ymd_opt(2027, 6, 30);
    s.store.write(at(), |tx| stock_moves::receive(tx, &receipt(s.ref_id, "Ab1", day, 1))).unwrap();
    s.store.write(at(), |tx| stock_moves::receive(tx, &receipt(s.ref_id, "aB1", day, 1))).unwrap();
    assert_eq!(s.store.recall_preview("SCR-70", "Ab1").unwrap().number, "Ab1");
    let err = s.store.recall_preview("SCR-70", "ab1").unwrap_err();
    assert!(err.to_string().contains("Ab1 and aB1 differ only by case"), "{err}");
}

/// Found in use (issue 10, #7, #9): messages that said a word twice
/// (`lot lot A100`), and the start of a second label saved as the location.
#[test]
fn r_stock_1_receipt_messages_say_each_word_once_and_a_label_is_no_location() {
    let mut s = fixture(1, true);
    let day = NaiveDate::from_ymd_opt(2027, 6, 30);
    let elsewhere = Receipt { location: "fridge".into(), ..receipt(s.ref_id, "A100", day, 1) };
    let err = s.store.write(at(), |tx| stock_moves::receive(tx, &elsewhere)).unwrap_err().to_string();
    assert!(err.starts_with("lot A100: is kept at"), "{err}");
    for twice in ["lot lot", "units units", "unit(s) units"] {
        assert!(!err.contains(twice), "{err}");
    }
    let cut_short = Receipt { location: "(01)0345312000007".into(), ..receipt(s.ref_id, "N1", day, 1) };
    let err = s.store.write(at(), |tx| stock_moves::receive(tx, &cut_short)).unwrap_err().to_string();
    assert!(err.contains("this is a scanned label (a second box?), not a place"), "{err}");
}
