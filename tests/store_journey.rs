//! The patient's journey through the store, on real files: booking a stay
//! (R-PATH-1), moving it (R-PATH-1, R-FAST-2), its steps with their bed side
//! effects and undo (R-PATH-2, R-PATH-4), the bed board (R-PATH-4), the
//! readiness checklist and confirmation (R-READY-1..3), consultations
//! (R-ANES-1..5), intakes (R-FAST-3..5), treatments and labs (R-MED-1, -2),
//! discharge and the call the day after (R-DISCH-1, -2), the lists and the
//! board built from all of it, and the demo ward. On this run's engine
//! (`store_common::new_ward`): a file, or a throwaway PostgreSQL database.

mod store_common;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use periop::cli::demo;
use periop::domain::anaesthesia::{AsaClass, CpaOutcome};
use periop::domain::beds::{BedAction, BedState, BedStatus};
use periop::domain::case::{AnaesthesiaMode, CaseState};
use periop::domain::checklist::CheckItem;
use periop::domain::fasting::IntakeKind;
use periop::domain::journey::BleedingRisk;
use periop::domain::medication::{DrugClass, LabItem};
use periop::domain::pathway::{AdmissionState, Step};
use periop::domain::readiness::Status;
use periop::domain::settings::Settings;
use periop::store::admission_list::{self, ListQuery};
use periop::store::admissions::{self, NewStay};
use periop::store::consultations::{self, NewConsultation};
use periop::store::db::Connection;
use periop::store::discharge::{self, DischargeCheckInput};
use periop::store::patients::{self, NewPatient};
use periop::store::{Account, Store, StoreError, beds, cases, checks, intakes, journey, labs, reference, treatments};
use std::path::Path;
use store_common::{file_only, new_ward, open_playing};

fn account(name: &str, full: &str) -> Account {
    Account { name: name.into(), full_name: Some(full.into()) }
}

fn admin() -> Account {
    account("admin1", "Ada Admin")
}

fn nurse() -> Account {
    account("nurse1", "Nurse One")
}

/// A wall-clock time on the ward (Europe/Paris) in November 2026.
fn paris(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    Paris.with_ymd_and_hms(2026, 11, day, h, m, 0).single().unwrap().to_utc()
}

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// Sunday 22 November 2026, 08:30 on the ward.
fn now() -> DateTime<Utc> {
    paris(22, 8, 30)
}

fn settings() -> Settings {
    Settings::default()
}

/// A small ward: two rooms, an operator, an anaesthetist, four beds.
struct Ward {
    /// Declared first: the store lets go of its database before it goes.
    store: Store,
    db: store_common::Ward,
    _dir: tempfile::TempDir,
    room: i64,
    operator: i64,
    anaesthetist: i64,
    beds: Vec<i64>,
    next_patient: u32,
}

fn ward() -> Ward {
    let dir = tempfile::tempdir().unwrap();
    // Made by admin1 at 07:30 UTC on the 22nd: `now()`.
    let db = new_ward(dir.path());
    let mut store = open_playing(&db, &admin());
    let (room, operator, anaesthetist, beds) = store
        .write(now(), |tx| {
            let room = reference::add_room(tx, "Room 1", "ct_fluoro", "08:00", "18:00")?;
            let operator = reference::add_staff(tx, None, "Dr Lemaire", "radiologist")?;
            let anaesthetist = reference::add_staff(tx, None, "Dr Noël", "anaesthetist")?;
            // R-ROLE-1: the second member of staff the tests play.
            reference::add_staff(tx, Some("nurse1"), "Nurse One", "nurse")?;
            let mut beds = Vec::new();
            for n in 1..=4 {
                beds.push(reference::add_bed(tx, &format!("B0{n}"))?);
            }
            Ok((room, operator, anaesthetist, beds))
        })
        .unwrap();
    Ward { store, db, _dir: dir, room, operator, anaesthetist, beds, next_patient: 0 }
}

fn kind(store: &mut Store, code: &str) -> i64 {
    store.write(now(), |tx| reference::procedure_kind_id(tx, code)).unwrap().unwrap()
}

impl Ward {
    fn patient(&mut self) -> i64 {
        self.next_patient += 1;
        let n = self.next_patient;
        self.store
            .write(now(), |tx| {
                patients::register(
                    tx,
                    &NewPatient {
                        surname: format!("Testpatient{n}"),
                        first_name: "Camille".into(),
                        birth_date: NaiveDate::from_ymd_opt(1960, 3, 14).unwrap(),
                        sex: 'F',
                        hospital_number: format!("H{n:06}"),
                    },
                )
            })
            .unwrap()
    }

    fn new_stay(&mut self, patient_id: i64, day: NaiveDate, start: NaiveTime, bed: Option<i64>) -> NewStay {
        let kind = kind(&mut self.store, "vertebroplasty");
        NewStay {
            patient_id,
            procedure_kind_id: kind,
            procedure_day: day,
            start_time: start,
            duration_min: None,
            side_level: Some("L2".into()),
            anaesthesia_mode: AnaesthesiaMode::SedationLocal,
            bleeding_risk: None,
            operator_id: Some(self.operator),
            anaesthetist_id: Some(self.anaesthetist),
            room_id: Some(self.room),
            bed_id: bed,
            emergency: false,
            iodinated_contrast: false,
            retrospective: false,
            override_reason: None,
        }
    }

    /// A new patient booked on `day` at `start`, with `bed`: (admission, case).
    /// A start already past is booked as a confirmed retrospective entry (R-PATH-6).
    fn stay(&mut self, day: NaiveDate, start: NaiveTime, bed: Option<i64>) -> (i64, i64) {
        let patient = self.patient();
        let mut stay = self.new_stay(patient, day, start, bed);
        // As a user confirms it: a past start, or a J-1 already past (R-PATH-1).
        stay.retrospective = Paris.from_local_datetime(&day.and_time(start)).unwrap().to_utc() < now()
            || day - Duration::days(1) < d(22);
        self.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap()
    }

    /// A read-only connection through the store's door, beside the store.
    fn conn(&self) -> Connection {
        self.db.door()
    }

    fn bed_state(&self, bed: i64) -> BedState {
        beds::get(&self.conn(), bed).unwrap().state
    }

    fn admission_version(&self, id: i64) -> i64 {
        self.conn().query_row("SELECT version FROM admissions WHERE id = ?1", [id], |r| r.get(0)).unwrap()
    }

    fn case_version(&self, id: i64) -> i64 {
        self.conn().query_row("SELECT version FROM cases WHERE id = ?1", [id], |r| r.get(0)).unwrap()
    }

    fn step(
        &mut self,
        at: DateTime<Utc>,
        id: i64,
        step: Step,
        reason: Option<&str>,
    ) -> Result<AdmissionState, StoreError> {
        let version = self.admission_version(id);
        self.store.write(at, |tx| admissions::take_step(tx, id, version, step, reason)).map(|t| t.to)
    }

    /// Ticks every checklist item of a case.
    fn tick_all(&mut self, case_id: i64) {
        self.store
            .write(now(), |tx| {
                for item in CheckItem::ALL {
                    checks::set(tx, case_id, item, true, None)?;
                }
                Ok(())
            })
            .unwrap();
    }

    fn cpa(&mut self, case_id: i64, held_at: DateTime<Utc>, outcome: CpaOutcome) -> i64 {
        let c = NewConsultation {
            case_id,
            held_at,
            anaesthetist_id: Some(self.anaesthetist),
            asa: AsaClass::new(2, false),
            planned_mode: AnaesthesiaMode::SedationLocal,
            outcome,
            notes: None,
        };
        self.store.write(now(), |tx| consultations::record(tx, &c)).unwrap()
    }
}

fn invalid_text(err: StoreError) -> String {
    match err {
        StoreError::Invalid { .. } => err.to_string(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

/// R-PRIV-1: no patient's name in an error message.
fn assert_no_name(text: &str) {
    assert!(!text.contains("Testpatient") && !text.contains("Camille"), "R-PRIV-1: {text}");
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn r_path_1_a_stay_is_planned_from_j_minus_1_to_j_plus_1_around_the_procedure() {
    let mut w = ward();
    let (admission, case) = w.stay(d(24), time(9, 0), Some(w.beds[0]));
    let conn = w.conn();
    let (admit, discharge, bed): (String, String, i64) = conn
        .query_row(
            "SELECT planned_admit_on, planned_discharge_on, bed_id FROM admissions WHERE id = ?1",
            [admission],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((admit.as_str(), discharge.as_str(), bed), ("2026-11-23", "2026-11-25", w.beds[0]));
    let (start, minutes, risk, state): (String, i64, String, String) = conn
        .query_row("SELECT scheduled_start, duration_min, bleeding_risk, state FROM cases WHERE id = ?1", [case], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap();
    // 09:00 in Paris is 08:00 UTC in November; the vertebroplasty default is 90 minutes;
    // R-MED-2: a vertebroplasty is high bleeding risk.
    assert_eq!(
        (start.as_str(), minutes, risk.as_str(), state.as_str()),
        ("2026-11-24T08:00:00Z", 90, "high", "planned")
    );
    // R-PATH-1: the offsets come from the site's settings.
    let (s, _) = Settings::from_pairs([("path.admit_offset_days".to_string(), "-2".to_string())]);
    let patient = w.patient();
    let stay = w.new_stay(patient, d(26), time(9, 0), None);
    let (admission, _) = w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &s)).unwrap();
    let admit: String =
        w.conn().query_row("SELECT planned_admit_on FROM admissions WHERE id = ?1", [admission], |r| r.get(0)).unwrap();
    assert_eq!(admit, "2026-11-24");
}

#[test]
fn r_path_1_a_stay_is_refused_with_the_reason_and_nothing_is_written() {
    let mut w = ward();
    let (_held, _) = w.stay(d(24), time(9, 0), Some(w.beds[0]));

    // Unknown procedure kind.
    let patient = w.patient();
    let mut stay = w.new_stay(patient, d(25), time(9, 0), None);
    stay.procedure_kind_id = 999;
    let err = w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap_err();
    let text = invalid_text(err);
    assert!(text.starts_with("procedure kind #999: no such procedure kind"), "{text}");

    // R-PATH-4: the bed is held by another admission on one of the nights.
    let audit_before = count(&w.conn(), "SELECT count(*) FROM audit");
    let stay = w.new_stay(patient, d(25), time(9, 0), Some(w.beds[0]));
    let err = w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap_err();
    let text = invalid_text(err);
    assert!(text.contains("bed B01") && text.contains("already held by another stay"), "{text}");
    assert!(text.contains("choose another bed"), "{text}");
    assert_no_name(&text);
    assert_eq!(count(&w.conn(), "SELECT count(*) FROM audit"), audit_before, "nothing written");
    assert_eq!(count(&w.conn(), "SELECT count(*) FROM admissions"), 1);

    // A stay that leaves on the day another arrives does not overlap it.
    let stay = w.new_stay(patient, d(26), time(9, 0), Some(w.beds[0]));
    w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap();

    // The same patient cannot be booked twice for the same nights.
    let stay = w.new_stay(patient, d(27), time(9, 0), Some(w.beds[1]));
    let text = invalid_text(w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap_err());
    assert!(text.contains("the patient: already has a stay from 25/11 to 27/11"), "{text}");

    // A closed bed, a zero duration.
    let bed = w.beds[3];
    w.store.write(now(), |tx| beds::set_state(tx, bed, 1, BedAction::Close)).unwrap();
    let other = w.patient();
    let stay = w.new_stay(other, d(30), time(9, 0), Some(bed));
    let text = invalid_text(w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap_err());
    assert!(text.starts_with("bed B04: the bed is closed; reopen it"), "{text}");
    let mut stay = w.new_stay(other, d(30), time(9, 0), None);
    stay.duration_min = Some(0);
    let text = invalid_text(w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap_err());
    assert!(text.contains("give 1 to 720 minutes"), "{text}");
}

#[test]
fn r_path_1_and_r_fast_2_moving_a_case_moves_the_plans_until_the_patient_is_admitted() {
    let mut w = ward();
    let (admission, case) = w.stay(d(24), time(9, 0), Some(w.beds[0]));
    let moved = w.store.write(now(), |tx| cases::move_case(tx, case, 1, paris(25, 14, 0), false, &settings())).unwrap();
    assert!(moved.plans_moved);
    assert_eq!((moved.planned_admit_on, moved.planned_discharge_on), (d(24), d(26)));
    assert_eq!(
        moved.message,
        "procedure moved to 25/11 14:00; admission moved to 24/11, discharge to 26/11; \
         fasting: solids until 08:00, clear fluids until 12:00; \
         still to resolve: the case at 25/11 14:00–15:30: anaesthesia not cleared"
    );
    // R-FAST-2: the times follow the start.
    let fasting = moved.fasting.unwrap();
    assert_eq!(fasting.clear_fluids_until, paris(25, 12, 0));
    let summary =
        admission_list::list(&w.conn(), &ListQuery { day: Some(d(25)), ..ListQuery::default() }, now(), &settings())
            .unwrap();
    assert_eq!(summary[0].fasting.map(|f| f.solids_until), Some(paris(25, 8, 0)));
    assert_eq!(summary[0].planned_admit_on, d(24));

    // A stale version is a conflict, naming who saved first.
    let err =
        w.store.write(now(), |tx| cases::move_case(tx, case, 1, paris(25, 9, 0), false, &settings())).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");

    // Once admitted, the plans stay and the message says so.
    // (Before 14:00: the 25th's list is not frozen yet, R-BLOCK-4.)
    w.step(paris(24, 11, 0), admission, Step::Admit, None).unwrap();
    let version = w.case_version(case);
    let moved = w
        .store
        .write(paris(24, 13, 0), |tx| cases::move_case(tx, case, version, paris(26, 10, 0), false, &settings()))
        .unwrap();
    assert!(!moved.plans_moved);
    assert!(
        moved.message.contains("the patient is already admitted: the plans stay (discharge planned 26/11)"),
        "{}",
        moved.message
    );
    assert_eq!((moved.planned_admit_on, moved.planned_discharge_on), (d(24), d(26)));
}

#[test]
fn r_path_1_a_move_gives_up_a_bed_held_on_the_new_nights_and_says_so() {
    let mut w = ward();
    let bed = w.beds[0];
    let (_, case) = w.stay(d(24), time(9, 0), Some(bed));
    let (_other, _) = w.stay(d(27), time(9, 0), Some(bed));
    let moved = w.store.write(now(), |tx| cases::move_case(tx, case, 1, paris(26, 9, 0), false, &settings())).unwrap();
    assert_eq!(moved.bed_released.as_deref(), Some("B01"));
    assert!(
        moved.message.contains("bed B01 is held by another stay on those nights (from 26/11) and was given up"),
        "{}",
        moved.message
    );
    let bed_id: Option<i64> =
        w.conn().query_row("SELECT bed_id FROM admissions WHERE id = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(bed_id, None);
}

#[test]
fn r_path_4_admit_occupies_the_bed_discharge_leaves_it_to_clean_and_cleaning_frees_it() {
    let mut w = ward();
    let bed = w.beds[0];
    let (first, _) = w.stay(d(23), time(9, 0), Some(bed));
    assert_eq!(w.bed_state(bed), BedState::Free);
    assert_eq!(w.step(paris(22, 17, 0), first, Step::Admit, None).unwrap(), AdmissionState::Admitted);
    assert_eq!(w.bed_state(bed), BedState::Occupied);
    w.step(paris(23, 11, 0), first, Step::MarkProcedureDone, None).unwrap();
    w.step(paris(24, 9, 0), first, Step::ReadyForDischarge, None).unwrap();
    // R-PATH-4: the bed is not freed when discharge is ordered, only once the patient has left.
    assert_eq!(w.bed_state(bed), BedState::Occupied);
    let version = w.admission_version(first);
    w.store
        .write(paris(24, 10, 0), |tx| {
            admissions::take_step(tx, first, version, Step::Discharge, Some("checked by phone with the surgeon"))
        })
        .unwrap();
    assert_eq!(w.bed_state(bed), BedState::ToClean);

    // The next patient cannot go into a bed waiting to be cleaned.
    let (next, _) = w.stay(d(25), time(9, 0), Some(bed));
    let text = invalid_text(w.step(paris(24, 17, 0), next, Step::Admit, None).unwrap_err());
    assert!(
        text.starts_with("bed B01: cannot admit a patient into a bed that is to clean: mark it cleaned first"),
        "{text}"
    );
    assert!(text.contains("R-PATH-4"), "{text}");
    assert_no_name(&text);
    // Cleaning frees it; a second "cleaned" is refused.
    let version = beds::get(&w.conn(), bed).unwrap().version;
    w.store.write(paris(24, 16, 0), |tx| beds::set_state(tx, bed, version, BedAction::Cleaned)).unwrap();
    assert_eq!(w.bed_state(bed), BedState::Free);
    let err =
        w.store.write(paris(24, 16, 0), |tx| beds::set_state(tx, bed, version + 1, BedAction::Cleaned)).unwrap_err();
    assert!(invalid_text(err).contains("already clean"));
    w.step(paris(24, 17, 0), next, Step::Admit, None).unwrap();
    assert_eq!(w.bed_state(bed), BedState::Occupied);
}

#[test]
fn r_path_4_a_bed_occupied_by_someone_else_refuses_the_admission() {
    let mut w = ward();
    let bed = w.beds[1];
    let (staying, _) = w.stay(d(23), time(9, 0), Some(bed));
    w.step(paris(22, 17, 0), staying, Step::Admit, None).unwrap();
    // Booked for the night after the first patient's planned departure…
    let (next, _) = w.stay(d(25), time(9, 0), Some(bed));
    // …but the first patient is still there (overdue on the 25th): the second one cannot go in.
    let text = invalid_text(w.step(paris(25, 17, 0), next, Step::Admit, None).unwrap_err());
    assert!(text.contains("bed B02: another patient is still in it"), "{text}");
    assert!(text.contains("choose another bed for this one"), "{text}");
}

#[test]
fn r_path_4_cancelling_before_arrival_frees_nothing_physical_but_ends_the_reservation() {
    let mut w = ward();
    let bed = w.beds[0];
    let (admission, _) = w.stay(d(23), time(9, 0), Some(bed));
    let board = beds::board(&w.conn(), d(22), Paris).unwrap();
    assert_eq!(board[0].status, BedStatus::Reserved);
    assert_eq!(board[0].expected.as_ref().map(|e| e.admission_id), Some(admission));
    w.step(now(), admission, Step::Cancel, Some("patient declined")).unwrap();
    let board = beds::board(&w.conn(), d(22), Paris).unwrap();
    assert_eq!(
        (board[0].physical, board[0].status, board[0].expected.is_none()),
        (BedState::Free, BedStatus::Free, true)
    );
    // The bed can be booked again for those nights.
    w.stay(d(23), time(10, 0), Some(bed));
}

#[test]
fn r_path_4_the_bed_board_shows_all_five_states_and_refuses_bad_transitions() {
    let mut w = ward();
    let [b1, b2, b3, b4] = [w.beds[0], w.beds[1], w.beds[2], w.beds[3]];
    let (in_bed, _) = w.stay(d(22), time(9, 0), Some(b1));
    w.step(paris(21, 17, 0), in_bed, Step::Admit, None).unwrap();
    let (arriving, _) = w.stay(d(23), time(9, 0), Some(b2));
    let (left, _) = w.stay(d(21), time(9, 0), Some(b3));
    w.step(paris(20, 17, 0), left, Step::Admit, None).unwrap();
    w.step(paris(21, 12, 0), left, Step::Postpone, Some("fever on arrival")).unwrap();
    w.store.write(now(), |tx| beds::set_state(tx, b4, 1, BedAction::Close)).unwrap();

    let board = w.store.beds(d(22)).unwrap();
    let shown: Vec<_> = board.iter().map(|b| (b.label.as_str(), b.status)).collect();
    assert_eq!(
        shown,
        [
            ("B01", BedStatus::Occupied),
            ("B02", BedStatus::Reserved),
            ("B03", BedStatus::ToClean),
            ("B04", BedStatus::Closed)
        ]
    );
    assert_eq!(board[0].occupant.as_ref().map(|o| o.admission_id), Some(in_bed));
    assert_eq!(board[0].occupant.as_ref().map(|o| o.patient.surname.as_str()), Some("Testpatient1"));
    assert_eq!(board[1].expected.as_ref().map(|o| o.admission_id), Some(arriving));

    // R-PATH-4: an occupied bed cannot be closed; a reserved one not under its admission.
    let version = board[0].version;
    let text = invalid_text(w.store.write(now(), |tx| beds::set_state(tx, b1, version, BedAction::Close)).unwrap_err());
    assert_eq!(
        text,
        "bed B01: cannot close a bed that is occupied: a patient is in it; move or discharge the patient first (R-PATH-4)"
    );
    let version = board[1].version;
    let text = invalid_text(w.store.write(now(), |tx| beds::set_state(tx, b2, version, BedAction::Close)).unwrap_err());
    assert!(text.contains("reserved for another stay"), "{text}");
    // A stale version is a conflict.
    let err = w.store.write(now(), |tx| beds::set_state(tx, b4, 1, BedAction::Reopen)).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    w.store.write(now(), |tx| beds::set_state(tx, b4, 2, BedAction::Reopen)).unwrap();
    assert_eq!(w.bed_state(b4), BedState::Free);

    // Beds free for the night of the 22nd: B03 is waiting to be cleaned but held by no one.
    let free: Vec<_> =
        beds::available(&w.conn(), (d(22), d(23)), d(22)).unwrap().into_iter().map(|b| b.label).collect();
    assert_eq!(free, ["B04", "B03"]);
}

#[test]
fn r_path_4_assigning_a_bed_checks_the_nights_and_moves_a_patient_already_in() {
    let mut w = ward();
    let [b1, b2, b3] = [w.beds[0], w.beds[1], w.beds[2]];
    let (_first, _) = w.stay(d(23), time(9, 0), Some(b1));
    let (second, _) = w.stay(d(23), time(11, 0), None);
    let text = invalid_text(w.store.write(now(), |tx| beds::assign(tx, second, 1, b1)).unwrap_err());
    assert!(text.contains("bed B01: already held by another stay for the nights 22/11 to 24/11"), "{text}");
    let version = w.store.write(now(), |tx| beds::assign(tx, second, 1, b2)).unwrap();
    assert_eq!(version, 2);
    // A patient on the ward changes beds: the old one is to clean, the new one occupied.
    w.step(paris(22, 17, 0), second, Step::Admit, None).unwrap();
    let version = w.admission_version(second);
    w.store.write(paris(22, 19, 0), |tx| beds::assign(tx, second, version, b3)).unwrap();
    assert_eq!((w.bed_state(b2), w.bed_state(b3)), (BedState::ToClean, BedState::Occupied));
    let version = w.admission_version(second);
    let text = invalid_text(w.store.write(now(), |tx| beds::unassign(tx, second, version)).unwrap_err());
    assert!(text.contains("the patient is in the bed"), "{text}");
}

#[test]
fn r_path_2_a_mistaken_step_is_undone_by_a_new_recorded_step() {
    let mut w = ward();
    let bed = w.beds[0];
    let (admission, _) = w.stay(d(23), time(9, 0), Some(bed));
    w.step(paris(22, 17, 0), admission, Step::Admit, None).unwrap();
    w.step(paris(23, 9, 30), admission, Step::MarkProcedureDone, None).unwrap();

    // A reason is required.
    let version = w.admission_version(admission);
    let text =
        invalid_text(w.store.write(now(), |tx| admissions::undo_last_step(tx, admission, version, "  ")).unwrap_err());
    assert!(text.ends_with("to undo a step, give a reason"), "{text}");

    // A second member of staff undoes the mistaken "procedure done", then the admission.
    let mut nurse = open_playing(&w.db, &nurse());
    let taken = nurse
        .write(paris(23, 9, 35), |tx| admissions::undo_last_step(tx, admission, version, "wrong patient ticked"))
        .unwrap();
    assert_eq!((taken.from, taken.to), (AdmissionState::ProcedureDone, AdmissionState::Admitted));
    let taken = nurse
        .write(paris(23, 9, 36), |tx| {
            admissions::undo_last_step(tx, admission, taken.version, "wrong patient admitted")
        })
        .unwrap();
    assert_eq!(taken.to, AdmissionState::Planned);
    // R-PATH-4: the patient never slept there; the bed is free again, and admitted_at is cleared.
    assert_eq!(w.bed_state(bed), BedState::Free);
    let admitted_at: Option<String> =
        w.conn().query_row("SELECT admitted_at FROM admissions WHERE id = ?1", [admission], |r| r.get(0)).unwrap();
    assert_eq!(admitted_at, None);
    // Nothing left to undo.
    let text = invalid_text(
        nurse.write(now(), |tx| admissions::undo_last_step(tx, admission, taken.version, "again")).unwrap_err(),
    );
    assert!(text.ends_with("there is no step left to undo"), "{text}");

    // History is never edited: four steps, with who and why.
    let timeline = w.store.timeline(admission).unwrap();
    let read: Vec<_> =
        timeline.iter().map(|s| (s.from.code(), s.to.code(), s.by.as_str(), s.reason.as_deref(), s.undo)).collect();
    assert_eq!(
        read,
        [
            ("planned", "admitted", "Ada Admin", None, false),
            ("admitted", "procedure_done", "Ada Admin", None, false),
            ("procedure_done", "admitted", "Nurse One", Some("undo: wrong patient ticked"), true),
            ("admitted", "planned", "Nurse One", Some("undo: wrong patient admitted"), true),
        ]
    );
    assert_eq!(timeline[2].at, paris(23, 9, 35));
}

#[test]
fn r_path_2_undoing_a_discharge_puts_the_patient_back_in_their_bed() {
    let mut w = ward();
    let bed = w.beds[0];
    let (admission, _) = w.stay(d(23), time(9, 0), Some(bed));
    w.step(paris(22, 17, 0), admission, Step::Admit, None).unwrap();
    w.step(paris(23, 11, 0), admission, Step::MarkProcedureDone, None).unwrap();
    w.step(paris(24, 9, 0), admission, Step::ReadyForDischarge, None).unwrap();
    w.step(paris(24, 10, 0), admission, Step::Discharge, Some("letter sent by post")).unwrap();
    assert_eq!(w.bed_state(bed), BedState::ToClean);
    let version = w.admission_version(admission);
    let taken = w
        .store
        .write(paris(24, 10, 5), |tx| {
            admissions::undo_last_step(tx, admission, version, "discharged the wrong patient")
        })
        .unwrap();
    assert_eq!(taken.to, AdmissionState::ReadyForDischarge);
    assert_eq!(w.bed_state(bed), BedState::Occupied);
    // R-DISCH-2: no call is due for a patient who has not left.
    assert!(discharge::calls_due(&w.conn(), d(25)).unwrap().is_empty());
}

#[test]
fn r_ready_1_confirmation_is_refused_naming_every_missing_item_until_they_are_recorded() {
    let mut w = ward();
    let (_, case) = w.stay(d(24), time(9, 0), None);
    let text =
        invalid_text(w.store.write(now(), |tx| checks::confirm_case(tx, case, 1, now(), &settings())).unwrap_err());
    assert_eq!(
        text,
        format!(
            "the case: cannot be confirmed without: RCP decision, radiology consultation, signed consent, \
             anaesthesia consultation (CPA) (R-READY-1); record them first, or mark the case an emergency"
        )
    );
    // R-READY-3: ticked with who and when; the version guards a second ticker.
    let mut nurse = open_playing(&w.db, &nurse());
    let v = nurse.write(paris(22, 9, 0), |tx| checks::set(tx, case, CheckItem::RcpDecision, true, None)).unwrap();
    assert_eq!(v, 1);
    let err = w.store.write(now(), |tx| checks::set(tx, case, CheckItem::RcpDecision, false, None)).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { ref by, .. } if by == "Nurse One"), "{err:?}");
    let rows = checks::rows(&w.conn(), case).unwrap();
    assert_eq!(rows.len(), 8);
    assert_eq!(
        (rows[0].item, rows[0].done, rows[0].checked_by.as_deref(), rows[0].checked_at),
        (CheckItem::RcpDecision, true, Some("Nurse One"), Some(paris(22, 9, 0)))
    );
    assert_eq!((rows[1].done, rows[1].version), (false, None));

    w.store
        .write(now(), |tx| {
            for item in CheckItem::ALL.into_iter().skip(1) {
                checks::set(tx, case, item, true, None)?;
            }
            Ok(())
        })
        .unwrap();
    w.cpa(case, paris(10, 10, 0), CpaOutcome::Cleared);
    let version = w.store.write(now(), |tx| checks::confirm_case(tx, case, 1, now(), &settings())).unwrap();
    assert_eq!(version, 2);
    let state: String = w.conn().query_row("SELECT state FROM cases WHERE id = ?1", [case], |r| r.get(0)).unwrap();
    assert_eq!(state, CaseState::Confirmed.code());
    let text =
        invalid_text(w.store.write(now(), |tx| checks::confirm_case(tx, case, 2, now(), &settings())).unwrap_err());
    assert!(text.ends_with("already confirmed"), "{text}");
}

#[test]
fn r_ready_1_an_emergency_relaxes_confirmation_and_is_reported() {
    let mut w = ward();
    let (_, case) = w.stay(d(22), time(15, 0), None);
    let v = w.store.write(now(), |tx| cases::set_emergency(tx, case, 1, true)).unwrap();
    w.store.write(now(), |tx| checks::confirm_case(tx, case, v, now(), &settings())).unwrap();
    let facts = journey::case_facts(&w.conn(), case).unwrap();
    assert!(facts.emergency);
    let list = w.store.admissions(&ListQuery { day: Some(d(22)), ..ListQuery::default() }, now()).unwrap();
    let readiness = list[0].readiness.as_ref().unwrap();
    assert_eq!(readiness.status, Status::AtRisk);
    assert!(readiness.emergency);
    assert!(readiness.missing.iter().any(|m| m.code == "emergency"));
}

#[test]
fn r_ready_3_readiness_is_computed_from_the_stored_facts_in_one_batch() {
    let mut w = ward();
    let (_, ready) = w.stay(d(23), time(9, 0), Some(w.beds[0]));
    w.tick_all(ready);
    w.cpa(ready, paris(2, 10, 0), CpaOutcome::Cleared);
    w.store
        .write(now(), |tx| {
            labs::record(tx, 1, LabItem::Inr, 1.1, paris(22, 8, 0))?;
            labs::record(tx, 1, LabItem::Platelets, 240.0, paris(22, 8, 0))
        })
        .unwrap();
    let (_, missing) = w.stay(d(23), time(11, 0), Some(w.beds[1]));
    w.tick_all(missing);
    w.store.write(now(), |tx| checks::set(tx, missing, CheckItem::CarteVitale, false, Some(1))).unwrap();
    w.cpa(missing, paris(2, 10, 0), CpaOutcome::Pending);

    let conn = w.conn();
    let batch = journey::case_facts_for_days(&conn, d(23), d(23), Paris).unwrap();
    assert_eq!(batch.keys().copied().collect::<Vec<_>>(), [ready, missing]);
    for (id, facts) in &batch {
        assert_eq!(&journey::case_facts(&conn, *id).unwrap(), facts, "batch and single loads agree");
    }
    assert!(!batch[&missing].carte_vitale);

    let list = w.store.admissions(&ListQuery { day: Some(d(22)), ..ListQuery::default() }, now()).unwrap();
    let status: Vec<_> = list
        .iter()
        .map(|a| {
            let r = a.readiness.as_ref().unwrap();
            (r.status, r.missing_text())
        })
        .collect();
    assert_eq!(
        status,
        [
            (Status::Ready, String::new()),
            (Status::NotReady, "CPA outcome pending, carte Vitale, INR, platelets".to_string())
        ]
    );
    let err = journey::case_facts(&conn, 999).unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err:?}");
}

#[test]
fn r_anes_1_2_5_the_worklist_lists_missing_pending_late_and_old_consultations_soonest_first() {
    let mut w = ward();
    let (_, late) = w.stay(d(23), time(9, 0), None);
    w.cpa(late, paris(22, 8, 0), CpaOutcome::Cleared); // 25 h before: too late
    let (_, missing) = w.stay(d(24), time(9, 0), None);
    let (_, pending) = w.stay(d(25), time(9, 0), None);
    w.cpa(pending, paris(20, 10, 0), CpaOutcome::Pending);
    let (_, old) = w.stay(d(26), time(9, 0), None);
    w.cpa(
        old,
        NaiveDate::from_ymd_opt(2026, 9, 1).unwrap().and_hms_opt(9, 0, 0).unwrap().and_utc(),
        CpaOutcome::Cleared,
    );
    let (_, fine) = w.stay(d(27), time(9, 0), None);
    w.cpa(fine, paris(10, 10, 0), CpaOutcome::Cleared);
    let patient = w.patient();
    let mut local = w.new_stay(patient, d(28), time(9, 0), None);
    local.anaesthesia_mode = AnaesthesiaMode::LocalOnly;
    w.store.write(now(), |tx| admissions::create_stay(tx, &local, &settings())).unwrap();

    let list = consultations::worklist(&w.conn(), d(22), now(), Paris, &settings()).unwrap();
    let seen: Vec<_> = list.iter().map(|c| (c.case_id, c.findings[0].issue.code())).collect();
    assert_eq!(seen, [(late, "cpa_late"), (missing, "no_cpa"), (pending, "cpa_pending"), (old, "cpa_expired")]);
    assert_eq!(list[2].latest.as_ref().map(|c| c.outcome), Some(CpaOutcome::Pending));
    assert!(list[0].findings[0].detail.starts_with("25 h before (anes.cpa_min_delay_h=48 h"), "{:?}", list[0].findings);
    assert_eq!(list[0].patient.surname, "Testpatient1");
    // From a later day, the earlier cases drop off.
    assert_eq!(w.store.consultation_worklist(d(25), now()).unwrap().len(), 2);
}

#[test]
fn r_anes_5_a_refusal_needs_notes_and_a_consultation_is_recorded_once_held() {
    let mut w = ward();
    let (_, case) = w.stay(d(24), time(9, 0), None);
    let mut c = NewConsultation {
        case_id: case,
        held_at: paris(20, 10, 0),
        anaesthetist_id: Some(w.anaesthetist),
        asa: "III E".parse().ok(),
        planned_mode: AnaesthesiaMode::General,
        outcome: CpaOutcome::Refused,
        notes: Some(" ".into()),
    };
    let text = invalid_text(w.store.write(now(), |tx| consultations::record(tx, &c)).unwrap_err());
    assert!(text.ends_with("a refusal needs notes saying why (R-ANES-5)"), "{text}");
    c.held_at = paris(23, 10, 0);
    c.notes = Some("unstable angina".into());
    let text = invalid_text(w.store.write(now(), |tx| consultations::record(tx, &c)).unwrap_err());
    assert!(text.contains("in the future"), "{text}");
    c.held_at = paris(20, 10, 0);
    w.store.write(now(), |tx| consultations::record(tx, &c)).unwrap();
    let detail = w.store.admission(1, now()).unwrap();
    let cpa = &detail.consultations[0];
    assert_eq!((cpa.asa.map(|a| a.to_string()), cpa.anaesthetist.as_deref()), (Some("III E".into()), Some("Dr Noël")));
    assert_eq!(detail.readiness.unwrap().status, Status::NotReady);
}

#[test]
fn r_anes_3_the_pre_anaesthesia_visit_is_flagged_on_the_j0_board_until_recorded() {
    let mut w = ward();
    let (_, case) = w.stay(d(22), time(14, 0), Some(w.beds[0]));
    w.tick_all(case);
    w.cpa(case, paris(2, 10, 0), CpaOutcome::Cleared);
    let rules = |store: &Store| store.board(d(22), now()).unwrap().attention.iter().map(|a| a.rule).collect::<Vec<_>>();
    assert!(rules(&w.store).contains(&"R-ANES-3"), "{:?}", rules(&w.store));
    w.store.write(now(), |tx| cases::set_pre_visit(tx, case, 1, Some(paris(22, 8, 0)))).unwrap();
    assert!(!rules(&w.store).contains(&"R-ANES-3"), "{:?}", rules(&w.store));
}

#[test]
fn r_fast_3_an_intake_in_the_window_is_on_the_board_and_r_fast_2_moving_the_case_clears_it() {
    let mut w = ward();
    let (admission, case) = w.stay(d(22), time(10, 0), Some(w.beds[0]));
    w.step(paris(21, 17, 0), admission, Step::Admit, None).unwrap();
    w.store.write(now(), |tx| intakes::record(tx, admission, IntakeKind::Solids, paris(22, 7, 0))).unwrap();
    let board = w.store.board(d(22), now()).unwrap();
    let fast: Vec<_> = board.attention.iter().filter(|a| a.rule.starts_with("R-FAST")).collect();
    assert_eq!(fast.len(), 1, "{fast:?}");
    assert!(fast[0].message.starts_with("NOT FASTED: solids at 07:00"), "{}", fast[0].message);
    let slot = &board.facts.procedures[0];
    assert_eq!(slot.fasting.map(|f| f.solids_until), Some(paris(22, 4, 0)));
    // R-FAST-2: moved to 14:00, the breakfast is more than six hours before.
    w.store.write(now(), |tx| cases::move_case(tx, case, 1, paris(22, 14, 0), false, &settings())).unwrap();
    let board = w.store.board(d(22), now()).unwrap();
    assert!(!board.attention.iter().any(|a| a.rule == "R-FAST-3"), "{:?}", board.attention);
    // An intake in the future is refused.
    let text = invalid_text(
        w.store
            .write(now(), |tx| intakes::record(tx, admission, IntakeKind::ClearFluids, paris(22, 12, 0)))
            .unwrap_err(),
    );
    assert!(text.contains("in the future"), "{text}");
}

#[test]
fn r_fast_5_an_insulin_treated_diabetic_gets_the_shorter_limit() {
    let mut w = ward();
    let (admission, case) = w.stay(d(22), time(12, 0), Some(w.beds[0]));
    w.step(paris(21, 17, 0), admission, Step::Admit, None).unwrap();
    w.store.write(now(), |tx| intakes::record(tx, admission, IntakeKind::Solids, paris(21, 19, 0))).unwrap();
    let has = |store: &Store, rule| store.board(d(22), now()).unwrap().attention.iter().any(|a| a.rule == rule);
    assert!(!has(&w.store, "R-FAST-5"));
    w.store.write(now(), |tx| patients::set_insulin_treated(tx, 1, 1, true)).unwrap();
    assert!(has(&w.store, "R-FAST-5"));
    let detail = w.store.admission(admission, now()).unwrap();
    assert!(detail.patient.insulin_treated_diabetic);
    assert!(detail.fasting_alerts.iter().any(|a| a.rule == "R-FAST-5"));
    assert_eq!(detail.intakes.len(), 1);
    let _ = case;
}

#[test]
fn r_med_1_stop_plans_come_with_each_treatment_and_follow_the_procedure_day() {
    let mut w = ward();
    let patient = w.patient();
    let mut stay = w.new_stay(patient, d(27), time(9, 0), None);
    stay.procedure_kind_id = kind(&mut w.store, "cemented_screw_fixation");
    stay.iodinated_contrast = true;
    let (admission, case) = w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap();
    let doac = w.store.write(now(), |tx| treatments::add(tx, patient, DrugClass::Doac)).unwrap();
    w.store.write(now(), |tx| treatments::add(tx, patient, DrugClass::Metformin)).unwrap();
    let text = invalid_text(w.store.write(now(), |tx| treatments::add(tx, patient, DrugClass::Doac)).unwrap_err());
    assert!(text.contains("already recorded for this patient"), "{text}");

    let list = w.store.admissions(&ListQuery { day: Some(d(27)), ..ListQuery::default() }, now()).unwrap();
    let stops: Vec<_> = list[0].stops.iter().map(|s| (s.drug, s.last_dose)).collect();
    assert_eq!(stops, [(DrugClass::Doac, Some(d(24))), (DrugClass::Metformin, Some(d(26)))]);
    assert!(list[0].stops[1].lines[1].contains("restart day Sun 29/11/2026 (J+2)"), "{:?}", list[0].stops[1].lines);
    assert!(list[0].readiness.as_ref().unwrap().missing.iter().any(|m| m.code == "medication_plan"));
    // Moving the case recomputes the dates.
    w.store.write(now(), |tx| cases::move_case(tx, case, 1, paris(30, 9, 0), false, &settings())).unwrap();
    let detail = w.store.admission(admission, now()).unwrap();
    assert_eq!(detail.treatments[0].stop.as_ref().and_then(|s| s.last_dose), Some(d(27)));
    // A stopped treatment has no plan.
    w.store.write(now(), |tx| treatments::stop(tx, doac, 1)).unwrap();
    let detail = w.store.admission(admission, now()).unwrap();
    let doac_row = detail.treatments.iter().find(|t| t.treatment_id == doac).unwrap();
    assert_eq!((doac_row.active, doac_row.stop.is_none()), (false, true));
    assert_eq!(detail.admission.stops.len(), 1);
}

/// Found in use (#7): a stop missed days before the procedure (prasugrel,
/// last dose J-7) reached the Board only once the case was tomorrow's. It
/// shows the day the last dose passes, naming the drug and the day.
#[test]
fn r_med_3_a_stop_missed_days_ahead_is_on_todays_board() {
    let mut w = ward();
    let patient = w.patient();
    let stay = w.new_stay(patient, d(27), time(9, 0), None);
    w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap();
    w.store.write(now(), |tx| treatments::add(tx, patient, DrugClass::Prasugrel)).unwrap();
    let board = w.store.board(d(22), now()).unwrap();
    let missed: Vec<&str> =
        board.attention.iter().filter(|a| a.rule == "R-MED-3").map(|a| a.message.as_str()).collect();
    assert_eq!(missed.len(), 1, "{:?}", board.attention);
    assert!(missed[0].contains("prasugrel") && missed[0].contains("20/11/2026 (J-7)"), "{missed:?}");
    // Found in use (#7): the alert named no patient and opened nothing.
    let alert = board.attention.iter().find(|a| a.rule == "R-MED-3").unwrap();
    assert_eq!(board.patient_for(alert.subject).map(|p| p.patient_id), Some(patient));
    assert!(board.admission_for(alert.subject).is_some());
    // Only the stop: the case's other readiness waits for its own days.
    assert!(board.attention.iter().all(|a| a.rule == "R-MED-3"), "{:?}", board.attention);
}

/// Found in use (#7): a patient past their planned discharge still in the
/// bed a planned arrival holds tonight showed in `periop check`, not on the
/// Board. The arrival's line says the bed is taken; a patient leaving on
/// the day (the usual turnover) raises nothing.
#[test]
fn r_path_4_an_arrivals_bed_still_taken_by_an_overdue_stay_is_on_the_board() {
    let taken = |board: &periop::domain::board::Board| {
        board
            .attention
            .iter()
            .filter(|a| a.message.starts_with("BED TAKEN"))
            .map(|a| a.message.clone())
            .collect::<Vec<_>>()
    };
    // Booked on 18/11: the first stay leaves B01 on 21/11, the second takes it on 22/11.
    let booked = |w: &mut Ward, procedure_day: u32| {
        let patient = w.patient();
        let stay = w.new_stay(patient, d(procedure_day), time(9, 0), Some(w.beds[0]));
        w.store.write(paris(18, 9, 0), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap().0
    };
    let mut w = ward();
    let first = booked(&mut w, 20);
    booked(&mut w, 23);
    w.step(paris(19, 17, 0), first, Step::Admit, None).unwrap();
    // 22/11: the first patient is still in, a day past the planned discharge.
    let board = w.store.board(d(22), now()).unwrap();
    assert_eq!(
        taken(&board),
        [
            "BED TAKEN: bed B01 is still occupied by a patient due to leave on 21/11; discharge them or assign another bed"
        ]
    );
    assert!(board.attention.iter().any(|a| a.message.starts_with("BED TAKEN") && a.rule == "R-PATH-4"));
    // Leaving on the day the next one arrives is the usual turnover.
    let mut w = ward();
    let first = booked(&mut w, 21);
    booked(&mut w, 23);
    w.step(paris(20, 17, 0), first, Step::Admit, None).unwrap();
    assert_eq!(taken(&w.store.board(d(22), now()).unwrap()), Vec::<String>::new());
}

/// Found in use (#7): a stay entered after its procedure had passed (a
/// retrospective entry) could never be admitted: arriving now comes after
/// the procedure. The arrival is given with its own time, kept in order.
#[test]
fn r_path_6_a_retrospective_stay_is_admitted_at_the_time_the_patient_arrived() {
    let mut w = ward();
    let (admission, _) = w.stay(d(20), time(10, 0), None);
    let version = w.admission_version(admission);
    let now_refused = w.store.write(now(), |tx| admissions::take_step(tx, admission, version, Step::Admit, None));
    assert!(now_refused.is_err(), "arriving now, after the procedure");
    let future = w.store.write(now(), |tx| admissions::admit_at(tx, admission, version, paris(23, 8, 0)));
    assert!(invalid_text(future.unwrap_err()).contains("in the future"));
    let after = w.store.write(now(), |tx| admissions::admit_at(tx, admission, version, paris(21, 9, 0)));
    assert!(after.is_err(), "an arrival after the procedure day is still refused");
    let taken = w.store.write(now(), |tx| admissions::admit_at(tx, admission, version, paris(19, 18, 0))).unwrap();
    assert_eq!(taken.to, AdmissionState::Admitted);
    let stored: String =
        w.conn().query_row("SELECT admitted_at FROM admissions WHERE id = ?1", [admission], |r| r.get(0)).unwrap();
    assert_eq!(stored, "2026-11-19T17:00:00Z");
}

#[test]
fn r_med_2_labs_too_old_or_implausible() {
    let mut w = ward();
    let (admission, _) = w.stay(d(24), time(9, 0), None);
    w.store
        .write(now(), |tx| {
            labs::record(tx, 1, LabItem::Inr, 1.2, paris(20, 8, 0))?;
            labs::record(tx, 1, LabItem::Platelets, 180.0, paris(22, 8, 0))
        })
        .unwrap();
    let detail = w.store.admission(admission, now()).unwrap();
    let codes: Vec<_> = detail.readiness.unwrap().items.iter().map(|i| i.code).collect();
    assert!(codes.contains(&"inr_too_old") && !codes.contains(&"platelets_too_old"), "{codes:?}");
    assert_eq!(detail.labs.len(), 2);
    let text =
        invalid_text(w.store.write(now(), |tx| labs::record(tx, 1, LabItem::Inr, 85.0, paris(22, 8, 0))).unwrap_err());
    assert!(text.starts_with("INR result: 85 is not a plausible value"), "{text}");
    let text = invalid_text(
        w.store.write(now(), |tx| labs::record(tx, 1, LabItem::Platelets, f64::NAN, paris(22, 8, 0))).unwrap_err(),
    );
    assert!(text.contains("not a plausible value"), "{text}");
}

#[test]
fn r_disch_1_discharge_is_refused_naming_what_is_missing_or_overridden_with_a_reason() {
    let mut w = ward();
    let bed = w.beds[0];
    let (admission, _) = w.stay(d(23), time(9, 0), Some(bed));
    w.step(paris(22, 17, 0), admission, Step::Admit, None).unwrap();
    w.step(paris(23, 11, 0), admission, Step::MarkProcedureDone, None).unwrap();
    w.step(paris(24, 9, 0), admission, Step::ReadyForDischarge, None).unwrap();
    let mut check = DischargeCheckInput {
        padss: [Some(2), Some(3), Some(1), Some(1), Some(2)],
        escort: true,
        letter_given_on: Some(d(24)),
        work_stop_certificate: false,
        follow_up_appointment: true,
    };
    let text = invalid_text(
        w.store.write(paris(24, 9, 30), |tx| discharge::save_check(tx, admission, None, &check)).unwrap_err(),
    );
    assert!(text.contains("activity and mental state was given 3"), "{text}");
    check.padss[1] = Some(2);
    let v = w.store.write(paris(24, 9, 30), |tx| discharge::save_check(tx, admission, None, &check)).unwrap();
    assert_eq!(v, 1);

    let version = w.admission_version(admission);
    let text = invalid_text(
        w.store
            .write(paris(24, 10, 0), |tx| discharge::discharge(tx, admission, version, None, &settings()))
            .unwrap_err(),
    );
    assert_eq!(
        text,
        format!(
            "the admission: cannot discharge yet: PADSS 8/10, at least 9 needed; \
             complete them or give a reason to override (R-DISCH-1)"
        )
    );
    assert_eq!(w.bed_state(bed), BedState::Occupied, "nothing changed");
    let done = w
        .store
        .write(paris(24, 10, 0), |tx| {
            discharge::discharge(tx, admission, version, Some("seen by the anaesthetist, fit to go"), &settings())
        })
        .unwrap();
    assert_eq!(done.step.to, AdmissionState::Discharged);
    assert_eq!(done.overridden.len(), 1);
    assert_eq!(done.call_due_on, d(25));
    let detail = w.store.admission(admission, paris(24, 10, 5)).unwrap();
    assert_eq!(
        detail.discharge_check.as_ref().and_then(|c| c.override_reason.as_deref()),
        Some("seen by the anaesthetist, fit to go")
    );
    assert_eq!(detail.discharge_check.as_ref().and_then(|c| c.padss_total), Some(8));
    let last = detail.timeline.last().unwrap();
    assert_eq!(
        last.reason.as_deref(),
        Some("seen by the anaesthetist, fit to go (override R-DISCH-1, missing: PADSS 8/10, at least 9 needed)")
    );
    assert_eq!(w.bed_state(bed), BedState::ToClean);
}

#[test]
fn r_disch_2_the_call_is_due_the_next_day_and_listed_until_done() {
    let mut w = ward();
    let (admission, _) = w.stay(d(23), time(9, 0), Some(w.beds[0]));
    w.step(paris(22, 17, 0), admission, Step::Admit, None).unwrap();
    w.step(paris(23, 11, 0), admission, Step::MarkProcedureDone, None).unwrap();
    w.step(paris(24, 9, 0), admission, Step::ReadyForDischarge, None).unwrap();
    let complete = DischargeCheckInput {
        padss: [Some(2); 5],
        escort: true,
        letter_given_on: Some(d(24)),
        work_stop_certificate: true,
        follow_up_appointment: true,
    };
    w.store.write(paris(24, 9, 30), |tx| discharge::save_check(tx, admission, None, &complete)).unwrap();
    // take_step's discharge goes through the same check (no reason needed: complete).
    w.step(paris(24, 11, 0), admission, Step::Discharge, None).unwrap();
    let conn = w.conn();
    assert!(discharge::calls_due(&conn, d(24)).unwrap().is_empty());
    let due = discharge::calls_due(&conn, d(25)).unwrap();
    assert_eq!((due.len(), due[0].due_on, due[0].overdue), (1, d(25), false));
    assert!(discharge::calls_due(&conn, d(26)).unwrap()[0].overdue);
    let board = w.store.board(d(25), paris(25, 9, 0)).unwrap();
    let call = board.attention.iter().find(|a| a.rule == "R-DISCH-2").unwrap();
    assert_eq!(call.message, "CALL DUE: follow-up phone call due today");
    assert_eq!(board.patient_for(call.subject).map(|p| p.surname.as_str()), Some("Testpatient1"));

    let call = &due[0];
    w.store
        .write(paris(25, 10, 0), |tx| discharge::call_done(tx, call.call_id, call.version, Some("all well")))
        .unwrap();
    assert!(discharge::calls_due(&w.conn(), d(26)).unwrap().is_empty());
    let text = invalid_text(
        w.store
            .write(paris(25, 10, 0), |tx| discharge::call_done(tx, call.call_id, call.version + 1, None))
            .unwrap_err(),
    );
    assert!(text.contains("already recorded as done"), "{text}");
    let detail = w.store.admission(admission, paris(25, 11, 0)).unwrap();
    assert_eq!(detail.follow_up_call.and_then(|c| c.notes).as_deref(), Some("all well"));
}

/// The demo ward at the screens' fixed clock: 09:30 in Paris on Sunday 22
/// November 2026, on this run's engine: on PostgreSQL the demo file is
/// copied into a throwaway database (as `periop migrate` does) and removed,
/// as `e2e_support`'s `Ward::demo`.
fn demo_ward(dir: &Path) -> Demo {
    let path = dir.join("demo.db");
    let now = paris(22, 9, 30);
    let store = demo::build(&path, &nurse(), now, &demo::Options { seed: 1, years: 0 }, &mut |_| {}).unwrap();
    store.close().unwrap();
    let ward = store_common::on_this_engine(&path);
    Demo { store: Store::connect(&ward.location, &nurse()).unwrap(), _ward: ward }
}

/// The demo ward's store, and the ward (on PostgreSQL its database, dropped after the store).
struct Demo {
    store: Store,
    _ward: store_common::Ward,
}

impl std::ops::Deref for Demo {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

#[test]
fn the_demo_board_shows_every_kind_of_alert_with_the_patient_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_ward(dir.path());
    let now = paris(22, 9, 30);
    let board = store.board(d(22), now).unwrap();
    let mut rules: Vec<_> = board.attention.iter().map(|a| a.rule).collect();
    rules.sort_unstable();
    rules.dedup();
    assert_eq!(
        rules,
        [
            "R-ANES-3",
            "R-DISCH-2",
            "R-FAST-3",
            "R-FAST-4",
            "R-FAST-5",
            "R-MED-3",
            "R-PATH-2",
            "R-PATH-3",
            "R-PATH-4",
            "R-READY-3"
        ]
    );
    for alert in &board.attention {
        assert!(board.patient_for(alert.subject).is_some(), "{alert:?} has no patient");
    }
    // Tomorrow's arrivals: ready, not ready (consent, pending CPA), at risk (carte Vitale, late CPA).
    let mut statuses: Vec<_> =
        board.facts.arrivals.iter().map(|s| s.readiness.as_ref().unwrap().status.code()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, ["at_risk", "at_risk", "not_ready", "not_ready", "ready"]);
    assert_eq!(board.facts.arrivals.iter().filter(|s| s.bed.is_none()).count(), 1);
    // Departures: one complete discharge check, one with PADSS 8.
    let mut checks: Vec<_> = board
        .facts
        .departures
        .iter()
        .filter_map(|s| s.discharge.as_ref())
        .filter(|c| c.padss_total.is_some())
        .map(|c| (c.padss_total, c.missing.len()))
        .collect();
    checks.sort_unstable();
    assert_eq!(checks, [(Some(8), 1), (Some(10), 0)]);
    // The bed board has every status.
    let mut statuses: Vec<_> = store.beds(d(22)).unwrap().iter().map(|b| b.status.code()).collect();
    statuses.sort_unstable();
    statuses.dedup();
    assert_eq!(statuses, ["closed", "occupied", "reserved", "to_clean"]);
    // The consultations worklist: the pending one, the late one, next week's missing ones.
    let list = store.consultation_worklist(d(22), now).unwrap();
    let mut codes: Vec<_> = list.iter().map(|c| c.findings[0].issue.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes, ["cpa_late", "cpa_pending", "no_cpa"]);
}

#[test]
fn the_demo_is_the_same_for_the_same_seed() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let now = paris(22, 9, 30);
    let board_a = demo_ward(a.path()).board(d(22), now).unwrap();
    let board_b = demo_ward(b.path()).board(d(22), now).unwrap();
    assert_eq!(board_a, board_b);
}

#[test]
fn the_admissions_list_filters_by_day_state_and_text_and_the_detail_shows_everything() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_ward(dir.path());
    let now = paris(22, 9, 30);
    let today = store.admissions(&ListQuery { day: Some(d(22)), ..ListQuery::default() }, now).unwrap();
    // Arriving tonight (5), on the ward (the prolonged and overdue ones, yesterday's
    // and today's), the missed arrival; not those who left before today.
    assert!(today.iter().all(|a| a.planned_admit_on <= d(22)), "{today:?}");
    assert!(today.iter().any(|a| a.state == AdmissionState::Prolonged));
    assert!(!today.iter().any(|a| a.planned_discharge_on < d(21)));
    let planned = store
        .admissions(&ListQuery { day: Some(d(22)), state: Some(AdmissionState::Planned), text: None }, now)
        .unwrap();
    assert_eq!(planned.len(), 6, "five arrivals and the missed one");
    let first = &planned[0];
    let by_text = store
        .admissions(&ListQuery { text: Some(first.patient.surname.to_lowercase()), ..ListQuery::default() }, now)
        .unwrap();
    assert!(by_text.iter().any(|a| a.admission_id == first.admission_id));
    // `%` and `_` are text, not wildcards (as wildcards `1%0_` would find H100000).
    let none = store.admissions(&ListQuery { text: Some("1%0_".into()), ..ListQuery::default() }, now).unwrap();
    assert!(none.is_empty());

    // The detail of a patient on the ward today.
    let gone = today.iter().find(|a| a.state == AdmissionState::ReadyForDischarge).unwrap();
    let detail = store.admission(gone.admission_id, now).unwrap();
    assert!(detail.patient.hospital_number.starts_with('H'));
    assert!(["F", "M"].contains(&detail.patient.sex.as_str()));
    assert_eq!(detail.timeline.len(), 3);
    assert_eq!(detail.checklist.iter().filter(|c| c.done).count(), 8);
    assert!(detail.consultations.len() <= 1);
    assert!(detail.discharge_check.is_some());
    assert!(detail.case.as_ref().is_some_and(|c| c.state == CaseState::Done));
    let json = serde_json::to_value(&detail).unwrap();
    for key in ["patient", "admission", "case", "timeline", "checklist", "discharge_check", "discharge_missing"] {
        assert!(json.get(key).is_some(), "{key} missing from the JSON");
    }
    assert_eq!(
        json["case"]["bleeding_risk"],
        serde_json::json!(BleedingRisk::for_procedure(&detail.case.as_ref().unwrap().procedure_code).code())
    );
    let err = store.admission(9999, now).unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err:?}");
}

#[test]
fn the_board_json_carries_the_new_facts_with_stable_codes() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_ward(dir.path());
    let now = paris(22, 9, 30);
    let board = store.board(d(22), now).unwrap();
    let json: serde_json::Value = serde_json::from_str(&periop::cli::board::json(&board, now, Paris)).unwrap();
    let arrival = &json["arrivals"][0];
    for key in ["case_id", "procedure_start", "anaesthesia_mode", "bed_status", "readiness", "fasting", "discharge"] {
        assert!(arrival.get(key).is_some(), "arrivals[].{key}");
    }
    assert!(["ready", "at_risk", "not_ready"].contains(&arrival["readiness"]["status"].as_str().unwrap()));
    let slot = &json["procedures"][0];
    for key in ["anaesthesia_mode", "emergency", "admission_state", "bed", "bed_status", "readiness", "fasting"] {
        assert!(slot.get(key).is_some(), "procedures[].{key}");
    }
    assert!(json["follow_up_calls"].as_array().is_some_and(|c| c.len() == 1));
    assert!(json.get("inputs").is_none(), "the rules' raw inputs are not printed");
    let text = periop::cli::board::text(&board, now, Paris);
    assert!(text.contains("fasting: solids until"), "{text}");
    assert!(text.contains("discharge check ✓ complete (PADSS 10/10)"), "{text}");
    assert!(text.contains("FOLLOW-UP CALLS (1)"), "{text}");
}

/// R-PATH-6: an admitted patient (arrived 22/11) cannot have the procedure
/// moved to 21/11, the day before the arrival.
#[test]
fn r_path_6_a_procedure_cannot_move_before_the_arrival() {
    let mut w = ward();
    let (admission, case) = w.stay(d(23), time(9, 0), Some(w.beds[0]));
    w.step(paris(22, 17, 0), admission, Step::Admit, None).unwrap();
    let at = paris(22, 18, 0);
    let err = w.store.write(at, |tx| cases::move_case(tx, case, 1, paris(21, 9, 0), true, &settings())).unwrap_err();
    let text = invalid_text(err);
    assert!(text.contains("procedure day 21/11/2026 is before the patient arrived (22/11/2026)"), "{text}");
    assert!(text.contains("R-PATH-6"), "{text}");
    assert_no_name(&text);
}

/// R-PATH-6: a new admission with its procedure three days ago is refused
/// with a typed error the screen turns into a question; confirmed, it is
/// saved and the case (and its audit row) says it was retrospective.
#[test]
fn r_path_6_a_past_start_needs_a_retrospective_confirmation() {
    let mut w = ward();
    let patient = w.patient();
    let mut stay = w.new_stay(patient, d(19), time(9, 0), None);
    let err = w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap_err();
    assert!(matches!(&err, StoreError::Retrospective { when, .. } if when == "19/11/2026 09:00"), "{err:?}");
    assert!(err.to_string().contains("confirm it as a retrospective entry"), "{err}");
    stay.retrospective = true;
    let (_, case) = w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap();
    let conn = w.conn();
    let flag: bool = conn.query_row("SELECT retrospective FROM cases WHERE id = ?1", [case], |r| r.get(0)).unwrap();
    assert!(flag);
    let after: String = conn
        .query_row("SELECT after FROM audit WHERE table_name = 'cases' AND row_id = ?1", [case], |r| r.get(0))
        .unwrap();
    assert!(after.contains("\"retrospective\":1"), "{after}");
    // Moving a planned case to a past start asks the same question.
    let (_, later) = w.stay(d(26), time(9, 0), None);
    let err = w.store.write(now(), |tx| cases::move_case(tx, later, 1, paris(22, 7, 0), false, &settings()));
    assert!(matches!(err, Err(StoreError::Retrospective { .. })), "{err:?}");
}

/// R-PATH-6 with R-PATH-1: a case booked for later today has its planned
/// admission (J-1) yesterday, a planned date already past: it asks the same
/// confirmation (found in use, #7: it saved without a word), and so does a
/// move of a stay not yet admitted to today. A time later today on a stay
/// already planned for today does not ask.
#[test]
fn r_path_6_a_past_admission_day_needs_a_retrospective_confirmation() {
    let mut w = ward();
    let patient = w.patient();
    let mut stay = w.new_stay(patient, d(22), time(14, 0), None);
    let err = w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap_err();
    assert!(
        matches!(&err, StoreError::Retrospective { what, when } if when == "21/11/2026" && what.contains("admission")),
        "{err:?}"
    );
    stay.retrospective = true;
    let (_, case) = w.store.write(now(), |tx| admissions::create_stay(tx, &stay, &settings())).unwrap();
    let flag: bool = w.conn().query_row("SELECT retrospective FROM cases WHERE id = ?1", [case], |r| r.get(0)).unwrap();
    assert!(flag, "the audit says it was entered retrospectively");
    // Later the same day: the plans do not move, nothing to confirm.
    let v = w.case_version(case);
    w.store.write(now(), |tx| cases::move_case(tx, case, v, paris(22, 16, 0), false, &settings())).unwrap();
    // A stay planned for the 26th moved to today asks; tomorrow (J-1 today) does not.
    let (_, later) = w.stay(d(26), time(9, 0), None);
    let err = w.store.write(now(), |tx| cases::move_case(tx, later, 1, paris(22, 15, 0), false, &settings()));
    assert!(matches!(err, Err(StoreError::Retrospective { .. })), "{err:?}");
    w.store.write(now(), |tx| cases::move_case(tx, later, 1, paris(23, 15, 0), false, &settings())).unwrap();
}

/// R-PATH-6: a birth date of tomorrow is refused, whatever the procedure day.
#[test]
fn r_path_6_a_birth_date_in_the_future_is_refused() {
    let mut w = ward();
    let born = NewPatient {
        surname: "Futur".into(),
        first_name: "Bébé".into(),
        birth_date: d(23),
        sex: 'F',
        hospital_number: "H777777".into(),
    };
    let err = w.store.write(now(), |tx| patients::register(tx, &born)).unwrap_err();
    let text = invalid_text(err);
    assert!(text.starts_with("hospital number H777777: birth date 23/11/2026 is in the future"), "{text}");
    assert_no_name(&text);
}

/// R-PATH-6: `periop check`'s stored-data check names the record (admission
/// number, bed, day), never the patient, for rows written around the store.
#[test]
fn r_path_6_check_reports_stored_rows_out_of_order() {
    let mut w = ward();
    let (admission, _) = w.stay(d(23), time(9, 0), Some(w.beds[1]));
    w.stay(d(24), time(9, 0), None);
    assert_eq!(periop::store::stay_order::findings(&w.conn(), now(), Paris).unwrap(), Vec::<String>::new());
    // Behind the store's back: a raw connection to the file, or to the server.
    let moved = "UPDATE cases SET scheduled_start = '2026-11-20T08:00:00Z' WHERE admission_id = ";
    #[cfg(feature = "postgres")]
    if let Some(server) = w.db.server() {
        server.client().execute(&format!("{moved}$1"), &[&admission]).unwrap();
    }
    if !store_common::on_postgres() {
        rusqlite::Connection::open(w.db.path()).unwrap().execute(&format!("{moved}?1"), [admission]).unwrap();
    }
    let found = periop::store::stay_order::findings(&w.conn(), now(), Paris).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .starts_with(&format!("admission #{admission} (planned 22/11/2026, bed B02): procedure day 20/11/2026")),
        "{found:?}"
    );
    assert_no_name(&found[0]);
}

/// R-PATH-6: arriving after the procedure day is refused: the procedure must
/// be moved first (a missed arrival whose procedure was three days ago).
#[test]
fn r_path_6_admitting_after_the_procedure_day_is_refused() {
    let mut w = ward();
    let (admission, _) = w.stay(d(19), time(9, 0), None);
    let text = invalid_text(w.step(now(), admission, Step::Admit, None).unwrap_err());
    assert!(text.contains("procedure day 19/11/2026 is before the patient arrived (22/11/2026)"), "{text}");
    assert_no_name(&text);
}

/// R-PATH-6: a file of schema 1 (before `cases.retrospective`) is upgraded on open.
#[test]
fn r_path_6_a_schema_1_file_gains_the_retrospective_column() {
    if file_only("a schema 1 file's upgrade: a PostgreSQL ward starts at the current schema") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    // Schema 1 had no search indexes either (schema 4).
    let schema =
        &periop::store::schema::SCHEMA[..periop::store::schema::SCHEMA.find("\n-- Search (schema 4)").unwrap()];
    let start = schema.find("    version           INTEGER NOT NULL DEFAULT 1,\n    -- R-PATH-6").unwrap();
    let end = schema[start..].find("\n);").unwrap() + start;
    let old = format!("{}    version           INTEGER NOT NULL DEFAULT 1{}", &schema[..start], &schema[end..]);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL;").unwrap();
    conn.execute_batch(&old).unwrap();
    // Schema 1 had no audit chain either (schema 3).
    conn.execute_batch("ALTER TABLE audit DROP COLUMN hash;").unwrap();
    conn.pragma_update(None, "application_id", i64::from(periop::store::file_check::APPLICATION_ID)).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    assert!(conn.prepare("SELECT retrospective FROM cases").is_err());
    drop(conn);
    let store = Store::open_as(&path, &admin()).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, periop::store::schema::VERSION);
    assert!(conn.prepare("SELECT retrospective FROM cases").is_ok());
}

/// R-PATH-6, R-PATH-1: an admitted patient's procedure moved past the planned
/// discharge takes the discharge plan with it (procedure ≤ discharge); the
/// admission day stays.
#[test]
fn r_path_6_a_later_procedure_takes_the_discharge_plan_with_it() {
    let mut w = ward();
    let (admission, case) = w.stay(d(23), time(9, 0), Some(w.beds[0]));
    w.step(paris(22, 17, 0), admission, Step::Admit, None).unwrap();
    let at = paris(22, 18, 0);
    // R-BLOCK-4: the 23rd's list is frozen at 18:00 on the 22nd; without a
    // reason the move is refused, with one it is made and the override kept.
    let err = w.store.write(at, |tx| cases::move_case(tx, case, 1, paris(26, 9, 0), false, &settings())).unwrap_err();
    assert!(
        matches!(&err, StoreError::BlockConflict { can_override: true, conflicts, .. }
            if conflicts == &["the list of 23/11 is frozen since 22/11 14:00 (R-BLOCK-4)".to_string()]),
        "{err}"
    );
    let answer = periop::store::block::Answer { override_reason: Some("patient asked for Thursday".into()) };
    let moved = w
        .store
        .write(at, |tx| cases::move_answering(tx, case, 1, paris(26, 9, 0), false, &answer, &settings()))
        .unwrap();
    let recorded: (String, String) = w
        .conn()
        .query_row("SELECT conflict, reason FROM block_overrides WHERE case_id = ?1", [case], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(recorded, ("freeze_window".to_string(), "patient asked for Thursday".to_string()));
    assert_eq!((moved.planned_admit_on, moved.planned_discharge_on), (d(22), d(27)));
    assert!(
        moved.message.contains("the discharge plan follows the procedure to 27/11 (R-PATH-6)"),
        "{}",
        moved.message
    );
    assert_eq!(periop::store::stay_order::findings(&w.conn(), at, Paris).unwrap(), Vec::<String>::new());
}

/// R-PATH-2: the case follows its stay: a procedure marked done marks the
/// case done (and an undo puts it back), a cancelled or postponed stay takes
/// its case off the schedule. Found in use: a discharged patient's case
/// stayed "confirmed" on the board.
#[test]
fn r_path_2_the_case_follows_its_stay() {
    let mut w = ward();
    let case_state = |w: &Ward, case: i64| -> String {
        w.conn().query_row("SELECT state FROM cases WHERE id = ?1", [case], |r| r.get(0)).unwrap()
    };
    let (admission, case) = w.stay(d(23), time(9, 0), None);
    w.step(paris(22, 17, 0), admission, Step::Admit, None).unwrap();
    w.step(paris(23, 10, 0), admission, Step::MarkProcedureDone, None).unwrap();
    assert_eq!(case_state(&w, case), "done");
    let version = w.admission_version(admission);
    w.store.write(paris(23, 10, 5), |tx| admissions::undo_last_step(tx, admission, version, "too soon")).unwrap();
    // Found in use (#7): the undo gave back "confirmed" to a case never
    // confirmed; it gives back the state the case had.
    assert_eq!(case_state(&w, case), "planned", "undone: back to what it was");

    let (cancelled, case) = w.stay(d(24), time(9, 0), None);
    w.step(now(), cancelled, Step::Cancel, Some("patient declined")).unwrap();
    assert_eq!(case_state(&w, case), "cancelled");
    let (postponed, case) = w.stay(d(25), time(9, 0), None);
    w.step(now(), postponed, Step::Postpone, Some("not fasted")).unwrap();
    assert_eq!(case_state(&w, case), "postponed");
}

/// R-PATH-6: a procedure is marked done once it has started, not before
/// (found in use: `p` two days early, then a discharge refused at the end).
#[test]
fn r_path_6_a_procedure_cannot_be_marked_done_before_it_starts() {
    let mut w = ward();
    let (admission, _) = w.stay(d(24), time(9, 0), None);
    w.step(paris(23, 17, 0), admission, Step::Admit, None).unwrap();
    let text = invalid_text(w.step(paris(23, 18, 0), admission, Step::MarkProcedureDone, None).unwrap_err());
    assert!(text.contains("the procedure at 24/11") && text.contains("is in the future"), "{text}");
    w.step(paris(24, 9, 30), admission, Step::MarkProcedureDone, None).unwrap();
}

/// Issue 8, item 5: an intake entered by mistake is voided with a reason; the
/// NOT FASTED alert it raised goes away, the history keeps it (struck
/// through, with the reason), the audit has both images, and a second void
/// or an empty reason is refused (R-FAST-3, R-AUDIT-1, R-ROLE-1).
#[test]
fn r_fast_3_a_mistaken_intake_is_voided_and_its_alert_goes_away() {
    use periop::store::void::{self, Voidable};
    let mut w = ward();
    let (admission, _) = w.stay(d(22), time(10, 0), Some(w.beds[0]));
    w.step(paris(21, 17, 0), admission, Step::Admit, None).unwrap();
    let intake =
        w.store.write(now(), |tx| intakes::record(tx, admission, IntakeKind::Solids, paris(22, 7, 0))).unwrap();
    let fasting_alerts =
        |store: &Store| store.board(d(22), now()).unwrap().attention.iter().filter(|a| a.rule == "R-FAST-3").count();
    assert_eq!(fasting_alerts(&w.store), 1);

    let text = invalid_text(w.store.write(now(), |tx| void::void(tx, Voidable::Intake, intake, " ")).unwrap_err());
    assert!(text.contains("give a reason"), "{text}");
    w.store.write(now(), |tx| void::void(tx, Voidable::Intake, intake, "typed in the wrong patient")).unwrap();
    assert_eq!(fasting_alerts(&w.store), 0, "the alert went away");
    let detail = w.store.admission(admission, now()).unwrap();
    assert!(detail.fasting_alerts.is_empty());
    assert_eq!(detail.intakes.len(), 1, "the history keeps it");
    assert_eq!(detail.intakes[0].voided.as_deref(), Some("typed in the wrong patient"));
    let text = invalid_text(w.store.write(now(), |tx| void::void(tx, Voidable::Intake, intake, "again")).unwrap_err());
    assert!(text.contains("already voided"), "{text}");

    // A new intake is recorded as usual and counts.
    w.store.write(now(), |tx| intakes::record(tx, admission, IntakeKind::Solids, paris(22, 7, 30))).unwrap();
    assert_eq!(fasting_alerts(&w.store), 1);
    let report = periop::store::check::full(&w.conn()).unwrap();
    assert!(report.is_healthy(), "{report:#?}");
}

/// Issue 8, item 5: a treatment and a lab result entered by mistake are
/// voided: the stop plan (R-MED-1) and the result (R-MED-2) no longer count.
#[test]
fn r_med_1_r_med_2_a_mistaken_treatment_and_lab_are_voided() {
    use periop::store::void::{self, Voidable};
    let mut w = ward();
    let (admission, _) = w.stay(d(24), time(10, 0), Some(w.beds[0]));
    let patient = w.store.admission(admission, now()).unwrap().patient.identity.patient_id;
    let treatment = w.store.write(now(), |tx| treatments::add(tx, patient, DrugClass::Clopidogrel)).unwrap();
    let lab = w.store.write(now(), |tx| labs::record(tx, patient, LabItem::Inr, 2.5, paris(22, 7, 0))).unwrap();
    let detail = w.store.admission(admission, now()).unwrap();
    assert!(detail.treatments[0].stop.is_some());
    let readiness = |detail: &periop::domain::journey::AdmissionDetail| format!("{:?}", detail.readiness);
    assert!(readiness(&detail).contains("2.5"), "{}", readiness(&detail));
    w.store.write(now(), |tx| void::void(tx, Voidable::Treatment, treatment, "another patient's list")).unwrap();
    w.store.write(now(), |tx| void::void(tx, Voidable::Lab, lab, "wrong tube")).unwrap();
    let detail = w.store.admission(admission, now()).unwrap();
    assert_eq!(detail.treatments[0].voided.as_deref(), Some("another patient's list"));
    assert!(detail.treatments[0].stop.is_none(), "no stop plan for a voided treatment");
    assert_eq!(detail.labs[0].voided.as_deref(), Some("wrong tube"));
    assert!(!readiness(&detail).contains("2.5"), "the voided INR no longer counts: {}", readiness(&detail));
    // The same drug can be recorded again once the mistaken entry is voided.
    w.store.write(now(), |tx| treatments::add(tx, patient, DrugClass::Clopidogrel)).unwrap();
}

/// Found in use (#8): retiring an operator or a procedure kind with
/// upcoming booked cases was accepted silently (rooms and beds refuse the
/// same): refused, naming how many cases and what to do first.
#[test]
fn r_block_1_an_operator_or_a_procedure_kind_with_upcoming_cases_is_not_retired() {
    use periop::store::setup::{Mode, ProcedureInput, put_procedure};
    use periop::store::staff::{self, StaffChange};
    let mut w = ward();
    w.stay(d(24), time(9, 0), None);
    let operator = w.operator;
    let err = w
        .store
        .write(now(), |tx| {
            let row = staff::find(tx.conn(), &format!("#{operator}"))?.unwrap();
            staff::set(tx, operator, row.version, &StaffChange { active: Some(false), ..Default::default() })
        })
        .unwrap_err();
    let text = invalid_text(err);
    assert!(text.contains("1 upcoming case(s) have them as operator, anaesthetist or block nurse"), "{text}");
    assert!(text.contains("give those cases someone else first"), "{text}");
    // Named, as a room is (found in use: "the staff member: …" said not who).
    assert!(text.starts_with("staff \""), "{text}");
    let retire = ProcedureInput { code: "vertebroplasty".into(), active: Some(false), ..Default::default() };
    let text = invalid_text(w.store.write(now(), |tx| put_procedure(tx, &retire, Mode::Set)).unwrap_err());
    assert!(text.contains("1 upcoming case(s) are booked as this procedure; rebook or cancel them first"), "{text}");
    // A kind no case needs goes.
    let retire = ProcedureInput { code: "cementoplasty".into(), active: Some(false), ..Default::default() };
    w.store.write(now(), |tx| put_procedure(tx, &retire, Mode::Set)).unwrap();
}

/// Found in use (#8): `periop void` said only "the lab result: voided", so
/// a mistyped number voided another patient's result unseen; and a number
/// with no record said it "may have been removed by someone else". The
/// void returns the record (kind, value, time) and whose it was; a missing
/// number says there is none and where numbers are shown; a reason holding
/// a control character (ESC, BEL) is refused.
#[test]
fn r_path_5_a_void_says_what_it_voided_and_whose_it_was() {
    use periop::store::void::{self, Voidable};
    let mut w = ward();
    let (admission, _) = w.stay(d(24), time(10, 0), Some(w.beds[0]));
    let patient = w.store.admission(admission, now()).unwrap().patient.identity.patient_id;
    let lab = w.store.write(now(), |tx| labs::record(tx, patient, LabItem::Inr, 2.5, paris(22, 7, 0))).unwrap();
    for reason in ["wrong\u{1b}[2Jtube", "wrong tube\u{7}", "wrong \u{202E}tube"] {
        let text = invalid_text(w.store.write(now(), |tx| void::void(tx, Voidable::Lab, lab, reason)).unwrap_err());
        assert!(text.contains("control character or a direction mark"), "{text}");
    }
    let voided = w.store.write(now(), |tx| void::void(tx, Voidable::Lab, lab, "wrong tube")).unwrap();
    assert_eq!((voided.what, voided.id, voided.value.as_str()), (Voidable::Lab, lab, "INR 2.5"));
    assert_eq!(voided.at, Some(paris(22, 7, 0)));
    assert_eq!(voided.patient.patient_id, patient);
    let said = periop::cli::void::said(&voided, "wrong tube", Paris);
    assert!(
        said.starts_with("voided lab result #")
            && said.contains(
                ": INR 2.5, taken 22/11/2026 07:00, of TESTPATIENT1 Camille (14/03/1960); reason: wrong tube"
            ),
        "{said}"
    );

    let text = invalid_text(w.store.write(now(), |tx| void::void(tx, Voidable::Intake, 99999, "x")).unwrap_err());
    assert!(text.contains("there is no intake with that number"), "{text}");
    assert!(text.contains("the Audit tab and the patient's history show each entry's number"), "{text}");
    assert!(!text.contains("removed by someone else"), "{text}");
}

/// R-PATH-6 (found in use): giving a case whose start has passed another
/// room, member of staff or length, at the same time, does not ask the
/// retrospective question (no date changes); moving it does.
#[test]
fn r_path_6_a_placement_change_at_the_same_past_time_does_not_ask() {
    use periop::store::block::Answer;
    use periop::store::cases::Placement;
    let mut w = ward();
    let (_, case) = w.stay(d(22), time(8, 0), None);
    let placement = Placement {
        room_id: Some(w.room),
        operator_id: Some(w.operator),
        anaesthetist_id: Some(w.anaesthetist),
        nurse_id: None,
        minutes: Some(60),
    };
    let v = w.case_version(case);
    w.store
        .write(now(), |tx| {
            cases::reschedule(tx, case, v, paris(22, 8, 0), Some(&placement), false, &Answer::default(), &settings())
        })
        .unwrap();
    let v = w.case_version(case);
    let err = w.store.write(now(), |tx| {
        cases::reschedule(tx, case, v, paris(22, 8, 15), Some(&placement), false, &Answer::default(), &settings())
    });
    assert!(matches!(err, Err(StoreError::Retrospective { .. })), "{err:?}");
}
