//! R-DO-8 against a real ward (a file, or a PostgreSQL database on that
//! run, `store_common::new_ward`): a hexapod prescription imported, re-planned
//! (the revision before is void and refuses adjustments), struts logged by
//! a nurse through the audited write path, one voided, what the log calls
//! for on the rounds list and the Board; `periop check` is clean; a schema
//! 12 file is upgraded.

mod store_common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use periop::domain::distraction::hexapod_csv;
use periop::domain::distraction::{Device, Prescription, Site};
use periop::domain::roles::Role;
use periop::store::Store;
use periop::store::distraction::NewDistraction;
use periop::store::hexapod::NewAdjustment;
use periop::store::void::{self, Voidable};
use store_common::*;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

/// Ward time, Europe/Paris.
fn paris(m: u32, day: u32, h: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Paris.with_ymd_and_hms(2026, m, day, h, 0, 0).unwrap().with_timezone(&Utc)
}

/// A 5 mm correction at 1 mm/day from 23/11 (the frame as fitted on 22/11).
const PLAN: &str = "\
# TSF plan, revision as printed
plan,5,1
strut,1,red,medium,151,251
strut,2,orange,medium,151,251
strut,3,yellow,medium,151,251
strut,4,green,medium,151,251
strut,5,blue,medium,151,251
strut,6,purple,short,116,176
day,2026-11-22,160,170,180,190,200,170
day,2026-11-23,161,171,179,190,201,171
day,2026-11-24,162,172,178,190,202,172
day,2026-11-25,163,173,177,190,203,173
day,2026-11-26,164,174,176,190,204,174
day,2026-11-27,165,175,175,190,205,175
";

/// A distraction case on `device` of a new patient `n`, osteotomy 15/11.
fn case_of(store: &mut Store, n: u32, device: Device) -> i64 {
    let patient_id = add_patient(store, n);
    let prescription = Prescription {
        site: Site::Tibia,
        device,
        mm_per_turn: 1.0,
        osteotomy_on: d(11, 15),
        latency_days: 7,
        rate_mm_day: 1.0,
        sessions_per_day: 1,
        target_mm: 5.0,
        pins: 6,
        pin_sites: String::new(),
    };
    store.add_distraction(at(), &NewDistraction { patient_id, prescription, outpatient: false }).unwrap()
}

fn case(store: &mut Store, device: Device) -> i64 {
    case_of(store, 1, device)
}

/// A new ward on this run's engine (its folder kept while the first value
/// lives), the store as admin, and a hexapod case of patient 1.
fn hexapod_ward() -> (tempfile::TempDir, Ward, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let case_id = case(&mut store, Device::Hexapod);
    (dir, ward, store, case_id)
}

fn all_due(store: &Store, case_id: i64, day: NaiveDate) -> Vec<NewAdjustment> {
    let sheet = store.hexapod_revisions(case_id).unwrap().pop().unwrap().sheet;
    sheet
        .plan
        .struts_due(day)
        .into_iter()
        .map(|s| NewAdjustment { day, strut: s, length_mm: sheet.plan.length(s, day).unwrap(), by_phone: false })
        .collect()
}

#[test]
fn r_do_8_a_prescription_is_imported_logged_by_a_nurse_and_judged() {
    let (_dir, ward, mut store, case_id) = hexapod_ward();
    let plan = hexapod_csv::read(PLAN).unwrap();
    let (rx, revision) = store.record_hexapod(at(), case_id, &plan, "plan.csv", "").unwrap();
    assert_eq!(revision, 1);
    drop(store);

    // R-ROLE-1: a nurse logs struts, but does not prescribe.
    give_role(&ward, &nurse(), Role::Nurse);
    let mut nurse_store = open_playing(&ward, &nurse());
    let err = nurse_store.record_hexapod(at(), case_id, &plan, "plan.csv", "").unwrap_err();
    assert!(err.to_string().contains("the role doctor or admin"), "{err}");
    let mut on_23 = all_due(&nurse_store, case_id, d(11, 23));
    assert_eq!(on_23.len(), 5, "strut 4 does not move");
    // Strut 3 forgotten on 23/11.
    on_23.retain(|a| a.strut != 3);
    nurse_store.log_struts(paris(11, 23, 9), rx, &on_23).unwrap();

    // The next morning the miss is on the rounds list and the Board.
    let rows = nurse_store.rounds(d(11, 24), paris(11, 24, 8)).unwrap();
    let status = &rows[0].status;
    let struts = status.struts_today.as_ref().expect("a hexapod's struts");
    assert_eq!((struts.revision, struts.done.len(), struts.due.len()), (1, 0, 5));
    assert_eq!(status.today_text(), "struts 0/5 (rev 1)");
    let missed = status.alerts.iter().find(|a| a.rule == "R-DO-8").expect("R-DO-8 alert");
    assert_eq!(
        missed.message,
        "STRUT MISSED: strut 3 not adjusted for 23/11; adjust now to the sheet's length or ask the surgeon"
    );
    // Turns are not asked of a hexapod frame with its sheet (R-DO-3 turns, R-DO-4 sessions).
    assert!(status.alerts.iter().all(|a| a.rule != "R-DO-4" && !a.message.starts_with("DAILY TOTAL")));
    let board = nurse_store.board(d(11, 24), paris(11, 24, 8)).unwrap();
    assert!(board.attention.iter().any(|a| a.rule == "R-DO-8" && a.message.starts_with("STRUT MISSED")));

    // Out of range is refused, naming the strut and its catalogue range.
    let far = [NewAdjustment { day: d(11, 24), strut: 6, length_mm: 180.0, by_phone: false }];
    let err = nurse_store.log_struts(paris(11, 24, 9), rx, &far).unwrap_err();
    assert!(err.to_string().contains("strut 6 (purple, short 116–176 mm) cannot be set to 180 mm"), "{err}");

    // Strut 3 logged late; then a doubled entry, voided with a reason.
    let late = [NewAdjustment { day: d(11, 23), strut: 3, length_mm: 179.0, by_phone: false }];
    let ids = nurse_store.log_struts(paris(11, 24, 9), rx, &late).unwrap();
    let again = nurse_store.log_struts(paris(11, 24, 9), rx, &late).unwrap();
    let rows = nurse_store.rounds(d(11, 24), paris(11, 24, 10)).unwrap();
    assert!(rows[0].status.alerts.iter().any(|a| a.message.starts_with("STRUT DOUBLED: strut 3 adjusted 2 times")));
    let voided = nurse_store
        .write(paris(11, 24, 10), |tx| void::void(tx, Voidable::StrutAdjustment, again[0], "typed twice"))
        .unwrap();
    assert_eq!(voided.value, "strut 3 set to 179 mm");
    let rows = nurse_store.rounds(d(11, 24), paris(11, 24, 10)).unwrap();
    // Nothing left to act on: strut 6 nearing the end of its short travel is said, no more.
    let left: Vec<&str> =
        rows[0].status.alerts.iter().filter(|a| a.rule == "R-DO-8").map(|a| a.message.as_str()).collect();
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(
        left[0].starts_with("STRUT NEAR END OF TRAVEL: strut 6 (purple, short 116–176 mm) reaches 172 mm on 24/11")
    );
    assert_eq!(ids.len(), 1);
    drop(nurse_store);
    let conn = door(&ward);
    assert_eq!(audit_rows_of(&conn, "hexapod_adjustments", again[0]), 2, "logged, then voided");
    drop(conn);
    let report = periop::store::check::check_location(&ward.location, paris(11, 24, 11)).unwrap();
    assert!(report.is_healthy(), "{report:?}");
}

#[test]
fn r_do_8_a_re_plan_makes_the_revision_before_void() {
    let (_dir, _ward, mut store, case_id) = hexapod_ward();
    let plan = hexapod_csv::read(PLAN).unwrap();
    let (first, _) = store.record_hexapod(paris(11, 22, 9), case_id, &plan, "plan.csv", "").unwrap();
    let (second, revision) =
        store.record_hexapod(paris(11, 22, 10), case_id, &plan, "plan-2.csv", "after the X-ray").unwrap();
    assert_eq!(revision, 2);
    let list = store.hexapod_revisions(case_id).unwrap();
    assert!(list[0].sheet.void && !list[1].sheet.void);
    assert_eq!(list[0].superseded_at, Some(paris(11, 22, 10)));
    let entry = [NewAdjustment { day: d(11, 23), strut: 1, length_mm: 161.0, by_phone: false }];
    let err = store.log_struts(paris(11, 23, 9), first, &entry).unwrap_err();
    assert!(
        err.to_string().contains("revision 1 is void: revision 2 replaced it at 10:00; log against revision 2"),
        "{err}"
    );
    store.log_struts(paris(11, 23, 9), second, &entry).unwrap();
    // The rounds read the revision in force.
    let rows = store.rounds(d(11, 23), paris(11, 23, 9)).unwrap();
    assert_eq!(rows[0].status.struts_today.as_ref().unwrap().revision, 2);
}

#[test]
fn r_do_8_a_table_that_cannot_be_or_a_frame_that_is_not_a_hexapod_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let rail = case(&mut store, Device::MonolateralRail);
    let plan = hexapod_csv::read(PLAN).unwrap();
    let err = store.record_hexapod(at(), rail, &plan, "plan.csv", "").unwrap_err();
    assert!(err.to_string().contains("its device is a monolateral rail, not a hexapod"), "{err}");
    // Seventeen days for 5 mm (R-DO-8's example) never reaches the store.
    let long = PLAN.replace("plan,5,1", "plan,17,1");
    assert!(hexapod_csv::read(&long).unwrap_err().contains("5 days of adjustment for a 17 mm correction"));
    // A table before the osteotomy.
    let early = PLAN.replace("2026-11-2", "2026-11-1");
    let hexapod = case_of(&mut store, 2, Device::Hexapod);
    let err = store.record_hexapod(at(), hexapod, &hexapod_csv::read(&early).unwrap(), "x", "").unwrap_err();
    assert!(err.to_string().contains("the table starts on 12/11/2026, before the osteotomy on 15/11/2026"), "{err}");
}

/// R-DO-8: a file of schema 12 is upgraded with the hexapod tables and the
/// rounds' void columns.
#[test]
fn r_do_8_a_schema_12_file_is_upgraded_with_the_hexapod_tables() {
    if file_only("a schema 12 file's upgrade: a PostgreSQL ward starts at the current schema") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    {
        let conn = raw_rw(&path);
        conn.execute_batch(
            "DROP TABLE hexapod_adjustments; DROP TABLE hexapod_lengths; DROP TABLE hexapod_struts;
             DROP TABLE hexapod_prescriptions;
             ALTER TABLE distraction_rounds DROP COLUMN voided_at; ALTER TABLE distraction_rounds DROP COLUMN voided_by;
             ALTER TABLE distraction_rounds DROP COLUMN void_reason; PRAGMA user_version = 12;",
        )
        .unwrap();
    }
    let report = periop::store::check::check_file(&path, at()).unwrap();
    assert_eq!(report.schema_version, 12);
    let mut store = open_playing(&path, &admin());
    let case_id = case(&mut store, Device::Hexapod);
    store.record_hexapod(at(), case_id, &hexapod_csv::read(PLAN).unwrap(), "plan.csv", "").unwrap();
    drop(store);
    let conn = raw_ro(&path);
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, periop::store::schema::VERSION);
    assert_eq!(count(&conn, "SELECT count(*) FROM hexapod_lengths", []), 36);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM pragma_table_info('distraction_rounds') WHERE name = 'void_reason'", []),
        1
    );
}

/// Found in use (#11): a re-plan made the struts already turned that day
/// look undone (a second turn invited); the log is the frame's. A day gone
/// by is judged by the revision in force that day.
#[test]
fn r_do_8_a_re_plan_keeps_the_struts_already_turned_and_a_past_day_its_own_revision() {
    let (_dir, _ward, mut store, case_id) = hexapod_ward();
    let plan = hexapod_csv::read(PLAN).unwrap();
    let (first, _) = store.record_hexapod(paris(11, 22, 9), case_id, &plan, "plan.csv", "").unwrap();
    let on_23 = all_due(&store, case_id, d(11, 23));
    store.log_struts(paris(11, 23, 9), first, &on_23).unwrap();
    let (second, _) = store.record_hexapod(paris(11, 23, 10), case_id, &plan, "plan-2.csv", "").unwrap();
    let rows = store.rounds(d(11, 23), paris(11, 23, 11)).unwrap();
    let struts = rows[0].status.struts_today.as_ref().unwrap();
    assert_eq!((struts.revision, struts.done.len(), struts.due.len()), (2, 5, 5));
    assert!(rows[0].status.alerts.iter().all(|a| a.severity == periop::domain::attention::Severity::Info));
    // Turned again on the new sheet: doubled.
    let again = [NewAdjustment { day: d(11, 23), strut: 1, length_mm: 161.0, by_phone: false }];
    store.log_struts(paris(11, 23, 12), second, &again).unwrap();
    let rows = store.rounds(d(11, 23), paris(11, 23, 12)).unwrap();
    assert!(rows[0].status.alerts.iter().any(|a| a.message.starts_with("STRUT DOUBLED: strut 1 adjusted 2 times")));
    // A third revision the next day: 23/11 is still judged by the second.
    store.record_hexapod(paris(11, 24, 9), case_id, &plan, "plan-3.csv", "").unwrap();
    let rows = store.rounds(d(11, 23), paris(11, 24, 10)).unwrap();
    assert_eq!(rows[0].status.struts_today.as_ref().unwrap().revision, 2);
    let rows = store.rounds(d(11, 24), paris(11, 24, 10)).unwrap();
    assert_eq!(rows[0].status.struts_today.as_ref().unwrap().revision, 3);
}

/// R-DO-8: a strut moving more than the site's limit in a day is refused.
#[test]
fn r_do_8_a_strut_jumping_in_a_day_is_refused() {
    let (_dir, _ward, mut store, case_id) = hexapod_ward();
    let jump = hexapod_csv::read(&PLAN.replace("day,2026-11-24,162,", "day,2026-11-24,200,")).unwrap();
    let err = store.record_hexapod(at(), case_id, &jump, "plan.csv", "").unwrap_err();
    assert!(
        err.to_string().contains("strut 1 moves 39 mm from 23/11/2026 to 24/11/2026, more than 3 mm in a day"),
        "{err}"
    );
}
