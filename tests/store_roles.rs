//! R-ROLE-1: every kind of change × every role, through the one write path.
//! A member of staff of each role tries a write of each kind on a demo ward;
//! the write path must refuse exactly what `domain::roles::PERMISSIONS`
//! refuses, naming the roles that may. Each try that is allowed is rolled
//! back (its closure ends in an error), so every try sees the same ward.

mod store_common;

use chrono::Duration;
use periop::cli::demo;
use periop::domain::roles::{self, Change, Role};
use periop::store::table::Table;
use periop::store::void::{self, Voidable};
use periop::store::write::WriteTx;
use periop::store::{Store, StoreError, patients, staff};
use std::path::Path;
use store_common::*;

/// The demo ward on this run's engine (`store_common::on_this_engine`).
fn demo_ward(dir: &Path) -> Ward {
    let path = dir.join("ward.db");
    drop(demo::build(&path, &admin(), at(), &demo::Options { seed: 1, years: 0 }, &mut |_| {}).unwrap());
    on_this_engine(&path)
}

/// `Store::connect` as `account`, with the machine's accounts as they are
/// (as `Store::open_as` did).
fn connect<D: Db + ?Sized>(db: &D, account: &periop::store::Account) -> Store {
    let location = db.location();
    Store::connect(&location, account).unwrap_or_else(|e| panic!("open {}: {e}", location.shown()))
}

fn audit_total<D: Db + ?Sized>(db: &D) -> i64 {
    count(&door(db), "SELECT count(*) FROM audit", [])
}

/// Ids of rows of the demo ward that each kind of change touches.
struct Rows {
    patient: i64,
    admission: (i64, i64),
    case: (i64, i64),
    bed: (i64, i64),
    staff: (i64, i64),
    distraction: (i64, i64),
    complication: (i64, i64),
}

fn rows<D: Db + ?Sized>(db: &D) -> Rows {
    let conn = door(db);
    let pair = |sql: &str| -> (i64, i64) { conn.query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap() };
    Rows {
        patient: count(&conn, "SELECT min(id) FROM patients", []),
        admission: pair("SELECT id, version FROM admissions WHERE state = 'planned' ORDER BY id LIMIT 1"),
        case: pair(
            "SELECT id, version FROM cases WHERE id NOT IN (SELECT case_id FROM case_checks WHERE item = 'escort')
             ORDER BY id LIMIT 1",
        ),
        bed: pair("SELECT id, version FROM beds WHERE state = 'free' ORDER BY id LIMIT 1"),
        staff: pair("SELECT id, version FROM staff WHERE account IS NULL ORDER BY id LIMIT 1"),
        distraction: pair("SELECT id, version FROM distraction_cases ORDER BY id LIMIT 1"),
        complication: pair("SELECT id, version FROM complications ORDER BY id LIMIT 1"),
    }
}

/// One write of the kind `change`, as the program's own functions make it.
fn try_change(tx: &mut WriteTx<'_>, change: Change, r: &Rows) -> periop::store::Result<()> {
    let text = "2026-11-22T07:00:00Z";
    let earlier = periop::store::error::instant_text(tx.at() - Duration::hours(1));
    match change {
        Change::Staff => tx.update(Table::Staff, r.staff.0, r.staff.1, &[("display_name", &"Dr Renamed")]).map(drop),
        Change::Settings => tx.insert(Table::Settings, &[("key", &"fast.clear_h"), ("value", &"3")]).map(drop),
        Change::Rooms => tx
            .insert(Table::Rooms, &[("name", &"Room 9"), ("kind", &"ct"), ("opens", &"08:00"), ("closes", &"18:00")])
            .map(drop),
        Change::ProcedureKinds => tx
            .insert(Table::ProcedureKinds, &[("code", &"biopsy"), ("label", &"Biopsy"), ("default_minutes", &30)])
            .map(drop),
        Change::BedSetup => tx.insert(Table::Beds, &[("label", &"Z99")]).map(drop),
        Change::BedState => tx.update(Table::Beds, r.bed.0, r.bed.1, &[("state", &"closed")]).map(drop),
        Change::Patient => tx.update(Table::Patients, r.patient, 1, &[("insulin_treated_diabetic", &true)]).map(drop),
        Change::StayPlan => tx
            .insert(
                Table::Admissions,
                &[
                    ("patient_id", &r.patient),
                    ("planned_admit_on", &"2027-01-04"),
                    ("planned_discharge_on", &"2027-01-06"),
                ],
            )
            .map(drop),
        Change::StayStep => {
            tx.update(Table::Admissions, r.admission.0, r.admission.1, &[("state", &"cancelled")]).map(drop)
        }
        Change::CaseSchedule => tx.update(Table::Cases, r.case.0, r.case.1, &[("emergency", &true)]).map(drop),
        Change::Checklist => tx
            .insert(
                Table::CaseChecks,
                &[
                    ("case_id", &r.case.0),
                    ("item", &"escort"),
                    ("done", &true),
                    ("checked_at", &text),
                    ("checked_by", &tx.actor_id()),
                ],
            )
            .map(drop),
        Change::Anaesthesia => tx.update(Table::Cases, r.case.0, r.case.1, &[("pre_visit_at", &text)]).map(drop),
        Change::Intake => tx
            .insert(Table::Intakes, &[("admission_id", &r.admission.0), ("kind", &"solids"), ("taken_at", &earlier)])
            .map(drop),
        Change::Medication => {
            tx.insert(Table::Treatments, &[("patient_id", &r.patient), ("drug_class", &"aspirin")]).map(drop)
        }
        Change::Discharge => tx.insert(Table::DischargeChecks, &[("admission_id", &r.admission.0)]).map(drop),
        Change::Distraction => tx
            .update(Table::DistractionCases, r.distraction.0, r.distraction.1, &[("pin_sites", &"pins 1-4 lateral")])
            .map(drop),
        // `periop reindex` (Store::reindex) asks the write path for it first.
        Change::SearchIndexes => tx.permit_change(Change::SearchIndexes),
        Change::Timeline => tx
            .insert(
                Table::CaseEvents,
                &[("case_id", &r.case.0), ("kind", &"arrived"), ("at", &earlier), ("recorded_by", &tx.actor_id())],
            )
            .map(drop),
        // R-COMP-1: nurses and doctors record, doctors close.
        Change::Complication => tx
            .insert(
                Table::Complications,
                &[
                    ("patient_id", &r.patient),
                    ("kind", &"infection"),
                    ("onset_on", &"2026-11-21"),
                    ("severity", &"mild"),
                    ("recorded_by", &tx.actor_id()),
                    ("recorded_at", &earlier),
                ],
            )
            .map(drop),
        Change::ComplicationClose => tx
            .update(
                Table::Complications,
                r.complication.0,
                r.complication.1,
                &[("closed_at", &earlier), ("closed_by", &tx.actor_id()), ("outcome", &"healed at 6 weeks")],
            )
            .map(drop),
        // R-HO-1: a doctor's record.
        Change::Ossification => tx
            .insert(
                Table::HoFollowUps,
                &[
                    ("patient_id", &r.patient),
                    ("surgery_at", &text),
                    ("prophylaxis", &"none"),
                    ("recorded_by", &tx.actor_id()),
                    ("recorded_at", &earlier),
                ],
            )
            .map(drop),
        Change::Round => tx
            .insert(
                Table::DistractionSessions,
                &[
                    ("case_id", &r.distraction.0),
                    ("day", &"2026-11-21"),
                    ("session", &9),
                    ("turns", &1),
                    ("done_at", &earlier),
                ],
            )
            .map(drop),
        Change::DeviceCatalogue => tx
            .insert(
                Table::DeviceRefs,
                &[
                    ("code", &"T-1"),
                    ("manufacturer", &"Acme"),
                    ("name", &"trocar"),
                    ("kind", &"trocar"),
                    ("implantable", &false),
                ],
            )
            .map(drop),
        Change::Stock => {
            let lot = raw_lot(tx, text);
            tx.update(Table::DeviceLots, lot, 1, &[("location", &"shelf 2")]).map(drop)
        }
        Change::Implant => {
            let lot = raw_lot(tx, text);
            let movement: i64 = tx
                .conn()
                .query_row(
                    "INSERT INTO stock_movements (lot_id, kind, units, at, actor_id) VALUES (?1, 'implant', 1, ?2, 1) RETURNING id",
                    periop::store::db::params![lot, text],
                    |r| r.get(0),
                )
                .unwrap();
            tx.insert(
                Table::Implants,
                &[
                    ("movement_id", &movement),
                    ("lot_id", &lot),
                    ("case_id", &r.case.0),
                    ("patient_id", &r.patient),
                    ("units", &1),
                    ("at", &text),
                    ("recorded_by", &tx.actor_id()),
                ],
            )
            .map(drop)
        }
    }
}

/// A reference and a lot written behind the write path (rolled back with
/// the try), for the stock changes to act on.
fn raw_lot(tx: &WriteTx<'_>, at: &str) -> i64 {
    let ref_id: i64 = tx
        .conn()
        .query_row(
            "INSERT INTO device_refs (code, manufacturer, name, kind, implantable) VALUES ('R-ROLE', 'Acme', 'screw', 'screw', 1) RETURNING id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    tx.conn()
        .query_row(
            "INSERT INTO device_lots (ref_id, lot, quantity, received_at) VALUES (?1, 'L1', 5, ?2) RETURNING id",
            periop::store::db::params![ref_id, at],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn r_role_1_every_change_kind_is_allowed_or_refused_by_every_role_as_the_table_says() {
    let dir = tempfile::tempdir().unwrap();
    let ward = demo_ward(dir.path());
    let now = at();
    let mut admin_store = open_playing(&ward, &admin());
    for role in Role::ALL {
        let name = format!("as_{}", role.code());
        admin_store.write(now, |tx| staff::add(tx, Some(&name), &name, role).map(drop)).unwrap();
    }
    drop(admin_store);
    let r = rows(&ward);
    let before = audit_total(&ward);

    let mut tried = 0;
    for role in Role::ALL {
        let mut store = connect(&ward, &account(&format!("as_{}", role.code()), None));
        assert_eq!(store.actor().role, role.code());
        for change in Change::ALL {
            let result = store.write(now, |tx| {
                try_change(tx, change, &r)?;
                Err::<(), _>(StoreError::invalid("test", "rolled back"))
            });
            let err = result.unwrap_err();
            let refused = matches!(err, StoreError::NotAllowed { .. });
            assert_eq!(refused, !roles::may(role, change), "{role:?} × {change:?}: {err}");
            if refused {
                let text = err.to_string();
                assert!(text.contains(&roles::needed(change)), "the refusal names the roles needed: {text}");
                assert!(text.contains(&format!("your role is {}", role.code())), "{text}");
            } else {
                // The try wrote its row and was rolled back by the test.
                assert!(err.to_string().ends_with("rolled back"), "{role:?} × {change:?}: {err}");
            }
            tried += 1;
        }
    }
    assert_eq!(tried, Role::ALL.len() * Change::ALL.len());
    assert_eq!(audit_total(&ward), before, "nothing was written");
}

/// Found in use (#8): a nurse voided an anaesthesia consultation (which
/// only an anaesthetist or an admin may record), and a pharmacist could not
/// void a treatment they may enter. Every role × every kind of record.
#[test]
fn r_role_1_voiding_a_record_needs_the_role_that_may_record_it() {
    let dir = tempfile::tempdir().unwrap();
    let ward = demo_ward(dir.path());
    let now = at();
    let mut admin_store = open_playing(&ward, &admin());
    for role in Role::ALL {
        let name = format!("as_{}", role.code());
        admin_store.write(now, |tx| staff::add(tx, Some(&name), &name, role).map(drop)).unwrap();
    }
    // R-DO-7: a phase step to void (the demo records none): a pause today
    // on a case in distraction.
    let rows = admin_store.rounds(periop::domain::ward_time::local_day(now, admin_store.zone()), now).unwrap();
    let turning = rows.iter().find(|r| r.status.phase == periop::domain::distraction::Phase::Distraction).unwrap();
    let pause = periop::domain::distraction::PhaseEvent {
        kind: periop::domain::distraction::PhaseKind::Pause,
        on: periop::domain::ward_time::local_day(now, admin_store.zone()),
        reason: Some("pain".into()),
        rate_mm_day: None,
        recorded_at: None,
    };
    admin_store.record_phase(now, turning.case.id, &pause).unwrap();
    drop(admin_store);
    let conn = door(&ward);
    let before = audit_total(&ward);
    for what in Voidable::ALL {
        let table = what.table();
        let sql = format!("SELECT min(id) FROM {} WHERE voided_at IS NULL", table.name());
        let id = count(&conn, &sql, []);
        let change = periop::store::permission::change_of(table, true, &[]);
        for role in Role::ALL {
            let mut store = connect(&ward, &account(&format!("as_{}", role.code()), None));
            let err = store
                .write(now, |tx| {
                    void::void(tx, what, id, "entered by mistake")?;
                    Err::<(), _>(StoreError::invalid("test", "rolled back"))
                })
                .unwrap_err();
            let refused = matches!(err, StoreError::NotAllowed { .. });
            assert_eq!(refused, !roles::may(role, change), "{role:?} voids {what:?}: {err}");
            if refused {
                assert!(err.to_string().contains(&roles::needed(change)), "{err}");
            }
        }
    }
    assert!(!roles::may(Role::Nurse, Change::Anaesthesia));
    assert!(roles::may(Role::Pharmacist, Change::Medication));
    assert_eq!(audit_total(&ward), before, "nothing was written");
}

#[test]
fn r_role_1_a_retired_member_of_staff_only_reads_and_the_last_admin_cannot_go() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    give_role(&ward, &nurse(), Role::Nurse);
    let mut nurse_store = connect(&ward, &nurse());
    add_patient(&mut nurse_store, 1);

    let mut admin_store = open_playing(&ward, &admin());
    let row = admin_store.find_staff("nurse1").unwrap().unwrap();
    let change = staff::StaffChange { active: Some(false), ..Default::default() };
    admin_store.write(at(), |tx| staff::set(tx, row.staff_id, row.version, &change)).unwrap();
    let err = nurse_store.write(at(), |tx| periop::store::patients::register(tx, &patient(2))).unwrap_err();
    // Found in use (#8): it said "your role is read_only"; it is retired.
    assert!(err.to_string().contains("your account is retired"), "{err}");

    // The only admin cannot retire themself or give up the role.
    let me = admin_store.find_staff("admin1").unwrap().unwrap();
    for change in [
        staff::StaffChange { active: Some(false), ..Default::default() },
        staff::StaffChange { role: Some(Role::Nurse), ..Default::default() },
    ] {
        let err = admin_store.write(at(), |tx| staff::set(tx, me.staff_id, me.version, &change)).unwrap_err();
        assert!(err.to_string().contains("no active admin"), "{err}");
    }
}

/// Schema 3 → 4: a file whose staff table knows only the old roles (and
/// whose beds and procedure kinds lack the new columns) is upgraded on open;
/// the new roles can then be given, and the file checks healthy (old audit
/// images lack the new columns: they held the defaults).
#[test]
fn r_role_1_a_schema_5_file_gains_the_new_roles_and_columns() {
    if file_only("an older file's schema upgraded on open: a PostgreSQL ward starts at the current schema") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    give_role(&path, &nurse(), Role::Nurse);
    {
        let conn = raw_rw(&path);
        let schema = periop::store::schema::SCHEMA;
        let start = schema.find("CREATE TABLE staff (").unwrap();
        let end = schema[start..].find("\n);").unwrap() + start;
        let old_staff = schema[start..end + 2].replace(
            "'doctor', 'pharmacist', 'admin', 'read_only',\n                    'unassigned', 'radiologist', 'surgeon'",
            "'admin', 'unassigned', 'radiologist', 'surgeon'",
        );
        assert!(!old_staff.contains("pharmacist"));
        let cookie: i64 = conn.pragma_query_value(None, "schema_version", |r| r.get(0)).unwrap();
        conn.execute_batch("PRAGMA writable_schema = ON;").unwrap();
        conn.execute("UPDATE sqlite_schema SET sql = ?1 WHERE name = 'staff'", [old_staff.trim_end_matches(';')])
            .unwrap();
        conn.pragma_update(None, "schema_version", cookie + 1).unwrap();
        conn.execute_batch(
            "PRAGMA writable_schema = OFF;
             ALTER TABLE beds DROP COLUMN unit; ALTER TABLE beds DROP COLUMN active;
             ALTER TABLE procedure_kinds DROP COLUMN anaesthesia_expected;
             ALTER TABLE procedure_kinds DROP COLUMN implants_expected;
             ALTER TABLE procedure_kinds DROP COLUMN active;
             PRAGMA user_version = 5;",
        )
        .unwrap();
        let err = conn.execute("UPDATE staff SET role = 'pharmacist' WHERE account = 'nurse1'", []).unwrap_err();
        assert!(err.to_string().contains("CHECK"), "{err}");
    }
    give_role(&path, &nurse(), Role::Pharmacist);
    let conn = raw_ro(&path);
    assert_eq!(count(&conn, "SELECT count(*) FROM staff WHERE role = 'pharmacist'", []), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM procedure_kinds WHERE active = 1", []), 5);
    let report = periop::store::check::full(&door_ro(&path)).unwrap();
    assert!(report.is_healthy(), "{report:#?}");
    assert_eq!(report.schema_version, periop::store::schema::VERSION);
}

/// Found in use (#8): a nurse refused a change was told to "ask an admin to
/// give your account a role", though she has one: the refusal names the
/// role the change needs and that an admin can change hers.
#[test]
fn r_role_1_a_refusal_tells_someone_with_a_role_how_to_get_the_one_needed() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    give_role(&ward, &nurse(), Role::Nurse);
    let mut store = connect(&ward, &nurse());
    let add = periop::store::setup::BedInput { label: "Z1".into(), ..Default::default() };
    let err = store
        .write(at(), |tx| periop::store::setup::put_bed(tx, &add, periop::store::setup::Mode::Add))
        .unwrap_err()
        .to_string();
    assert!(err.contains("your role is nurse, and this change needs the role admin"), "{err}");
    assert!(err.contains("an admin can change your role"), "{err}");
    assert!(!err.contains("give your account a role"), "{err}");
    let mut newcomer = connect(&ward, &account("newcomer", None));
    let err = newcomer.write(at(), |tx| periop::store::setup::put_bed(tx, &add, periop::store::setup::Mode::Add));
    assert!(err.unwrap_err().to_string().contains("ask an admin to give your account a role"));
}

/// Found in use (#8): a nurse booked the block (a room and an operator)
/// through the new-admission form. A new case with a room, an operator or
/// an anaesthetist is a booking of the block (Change::CaseSchedule); without
/// them, a plan of the stay (Change::StayPlan). Judged on the columns given
/// a value, so a `None` does not count.
#[test]
fn r_role_1_a_new_case_with_a_room_or_an_operator_is_a_booking() {
    let dir = tempfile::tempdir().unwrap();
    let ward = demo_ward(dir.path());
    let now = at();
    let mut admin_store = open_playing(&ward, &admin());
    for role in [Role::Nurse, Role::Scheduler] {
        let name = format!("as_{}", role.code());
        admin_store.write(now, |tx| staff::add(tx, Some(&name), &name, role).map(drop)).unwrap();
    }
    drop(admin_store);
    let r = rows(&ward);
    let (kind, room): (i64, i64) = door(&ward)
        .query_row("SELECT (SELECT min(id) FROM procedure_kinds), (SELECT min(id) FROM rooms)", [], |x| {
            Ok((x.get(0)?, x.get(1)?))
        })
        .unwrap();
    let insert = |store: &mut Store, room: Option<i64>| {
        store
            .write(now, |tx| {
                tx.insert(
                    Table::Cases,
                    &[
                        ("admission_id", &r.admission.0),
                        ("procedure_kind_id", &kind),
                        ("room_id", &room),
                        ("scheduled_start", &"2027-01-05T08:00:00Z"),
                        ("duration_min", &60),
                        ("anaesthesia_mode", &"local"),
                    ],
                )?;
                Err::<(), _>(StoreError::invalid("test", "rolled back"))
            })
            .unwrap_err()
    };
    let mut nurse = connect(&ward, &account("as_nurse", None));
    assert!(matches!(insert(&mut nurse, Some(room)), StoreError::NotAllowed { .. }), "a nurse booked a room");
    assert!(insert(&mut nurse, None).to_string().ends_with("rolled back"), "a nurse plans a case without a room");
    let mut scheduler = connect(&ward, &account("as_scheduler", None));
    assert!(insert(&mut scheduler, Some(room)).to_string().ends_with("rolled back"), "the scheduler books");
}

/// Found in use (#8): a retired member of staff was told "your role is
/// read_only … an admin can change your role (`staff set --role`)"; the
/// account is retired, and the fix is to bring it back.
#[test]
fn r_role_1_a_retired_account_is_told_it_is_retired_and_how_to_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    give_role(&ward, &nurse(), Role::Nurse);
    let mut admin_store = open_playing(&ward, &admin());
    let row = admin_store.find_staff("nurse1").unwrap().unwrap();
    let retire = staff::StaffChange { active: Some(false), ..Default::default() };
    admin_store.write(at(), |tx| staff::set(tx, row.staff_id, row.version, &retire)).unwrap();
    let mut store = open_playing(&ward, &nurse());
    assert!(!store.actor().active);
    let err = store.write(at(), |tx| patients::register(tx, &patient(1))).unwrap_err();
    assert!(matches!(err, StoreError::NotAllowed { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("your account is retired"), "{text}");
    assert!(text.contains("`periop staff set ACCOUNT --active true`"), "{text}");
    assert!(!text.contains("your role is read_only"), "{text}");
}

/// Found in use (#8): voiding one lab from two terminals told the second
/// `already voided at 2026-12-01T10:03:43Z`: ward time and who, now.
#[test]
fn r_audit_1_a_second_void_says_who_voided_it_and_when_in_ward_time() {
    use periop::domain::medication::LabItem;
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let patient_id = add_patient(&mut store, 1);
    let lab = store.write(at(), |tx| periop::store::labs::record(tx, patient_id, LabItem::Inr, 1.1, at())).unwrap();
    store.write(at(), |tx| void::void(tx, Voidable::Lab, lab, "wrong patient")).unwrap();
    let err = store.write(at(), |tx| void::void(tx, Voidable::Lab, lab, "wrong patient")).unwrap_err().to_string();
    // at() is 07:30 UTC on 22/11: 08:30 in Paris.
    assert!(err.contains("already voided by Ada Admin at 08:30 on 22/11 (ward time)"), "{err}");
    assert!(!err.contains("Z"), "{err}");
}

/// Issue 14: any account keeps its own language, whatever its role (a new
/// account, a read-only one, a retired one), audited; only its own row is
/// written, and the check still finds the file healthy.
#[test]
fn any_account_keeps_its_own_language_and_only_its_own() {
    use periop::domain::language::Language;
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    give_role(&ward, &account("as_read_only", None), Role::ReadOnly);
    for who in ["as_read_only", "as_unassigned"] {
        let mut store = open_playing(&ward, &account(who, None));
        assert_eq!(store.actor().language, None);
        store.write(at(), |tx| staff::set_own_language(tx, Some(Language::Fr))).unwrap();
        assert_eq!(store.actor().language, Some(Language::Fr), "{who}");
        let conn = door(&ward);
        let id = store.actor().staff_id;
        let language: Option<String> =
            conn.query_row("SELECT language FROM staff WHERE id = ?1", [id], |r| r.get(0)).unwrap();
        assert_eq!(language.as_deref(), Some("fr"));
        assert!(audit_rows_of(&conn, "staff", id) >= 2, "{who}: the change is audited");
        store.write(at(), |tx| staff::set_own_language(tx, None)).unwrap();
        assert_eq!(store.actor().language, None);
    }
    // Nobody else's row changed: the admin's language is still unset.
    let conn = door(&ward);
    let others: i64 = count(&conn, "SELECT count(*) FROM staff WHERE language IS NOT NULL", []);
    assert_eq!(others, 0);
    drop(conn);
    let report = periop::store::check::check_location(&ward.location, at()).unwrap();
    assert!(report.is_healthy(), "{report:?}");
}
