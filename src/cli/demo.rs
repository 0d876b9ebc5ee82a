//! `periop demo`: a realistic ward around today, the same for the same seed.
//!
//! Around today: the last days' stays gone home (one follow-up call due
//! today), one overdue discharge, one prolonged stay with its incident,
//! today's departures with their discharge checks (one complete, one PADSS
//! 8), today's cases under way (one patient not fasted, one insulin-treated
//! diabetic, one long clear-fluid fast, one without a pre-anaesthesia visit),
//! tomorrow's arrivals (most ready; one missing the signed consent, one the
//! carte Vitale, one without a bed, one whose consultation came too late, one
//! pending), one missed arrival and next week's list. Treatments (a DOAC
//! marked stopped, aspirin past its last-dose day, metformin with contrast)
//! and labs (one too old) go with them.
//! With `--years N`, N years of a busy ward before that (8 cases a weekday on
//! 2 rooms, each with its checklist, consultation, discharge check and call)
//! for benchmarks.

use crate::domain::anaesthesia::{AsaClass, CpaOutcome};
use crate::domain::beds::BedAction;
use crate::domain::block_changes;
use crate::domain::block_conflicts::{self, AnaesthesiaGate, BookedCase, Schedule};
use crate::domain::case::{AnaesthesiaMode, CaseState};
use crate::domain::checklist::CheckItem;
use crate::domain::fasting::{self, IntakeKind, PatientKind};
use crate::domain::journey::BleedingRisk;
use crate::domain::medication::{DrugClass, LabItem};
use crate::domain::pathway::{AdmissionState, Step};
use crate::domain::settings::Settings;
use crate::domain::ward_time;
use crate::store::admissions::{self, NewStay};
use crate::store::consultations::{self, NewConsultation};
use crate::store::discharge::{self, DischargeCheckInput};
use crate::store::patients::{self, NewPatient};
use crate::store::write::WriteTx;
use crate::store::{Account, Result, Store, beds, block, cases, checks, intakes, labs, reference, treatments};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use std::path::Path;

/// Cases a weekday in the history (R-BLOCK figures for a busy block).
pub const CASES_PER_DAY: u32 = 8;

/// Beds on the ward: two days of cases overlap on one night, plus spares.
pub const BEDS: u32 = 18;

pub struct Options {
    pub seed: u64,
    pub years: u32,
}

/// SplitMix64: small, fast, and the same sequence on every machine.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SURNAMES: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "Andre",
    "Lefevre",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "Francois",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guerin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clement",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
];
const FIRST_F: &[&str] = &[
    "Marie",
    "Jeanne",
    "Françoise",
    "Monique",
    "Catherine",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Anne",
    "Martine",
    "Christine",
    "Sophie",
    "Claire",
    "Hélène",
    "Odile",
    "Josiane",
];
const FIRST_M: &[&str] = &[
    "Jean",
    "Pierre",
    "Michel",
    "André",
    "Philippe",
    "Alain",
    "Bernard",
    "Jacques",
    "Daniel",
    "Patrick",
    "Gérard",
    "Christian",
    "René",
    "Louis",
    "Marcel",
    "Yves",
];
const KINDS: &[&str] = &["vertebroplasty", "vertebroplasty", "cementoplasty", "cemented_screw_fixation"];
const LEVELS: &[&str] = &["T12", "L1", "L2", "L3", "L4", "T11-T12", "L1-L2", "left acetabulum", "right iliac wing"];
const MODES: &[AnaesthesiaMode] =
    &[AnaesthesiaMode::General, AnaesthesiaMode::SedationLocal, AnaesthesiaMode::LocalOnly, AnaesthesiaMode::General];

struct Ward {
    zone: Tz,
    settings: Settings,
    today: NaiveDate,
    now: DateTime<Utc>,
    rooms: [i64; 2],
    operators: Vec<i64>,
    anaesthetists: Vec<i64>,
    beds: Vec<i64>,
    kinds: Vec<(String, i64)>,
    next_hospital_number: u64,
}

/// Builds a demo database at `path` around the ward day that contains `now`.
/// `progress` is told the fraction done while the history is written.
pub fn build(
    path: &Path,
    account: &Account,
    now: DateTime<Utc>,
    options: &Options,
    progress: &mut dyn FnMut(f64),
) -> Result<Store> {
    let mut store = Store::init(path, account, now)?;
    let zone = store.zone();
    let settings = store.settings().clone();
    let today = ward_time::local_day(now, zone);
    let mut dice = Dice(options.seed);
    let mut ward = store.write(now, |tx| reference_data(tx, zone, settings, today, now))?;

    let first = today - Duration::days(365 * i64::from(options.years));
    let history_end = today - Duration::days(4);
    let total = (history_end - first).num_days().max(1) as f64;
    let mut day = first;
    while day < history_end {
        if is_weekday(day) {
            let start = ward_time::at_local(day - Duration::days(1), NaiveTime::MIN, zone);
            store.write(start, |tx| history_day(tx, &mut ward, &mut dice, day))?;
        }
        progress((day - first).num_days() as f64 / total);
        day += Duration::days(1);
    }
    progress(1.0);
    store.write(now, |tx| around_today(tx, &mut ward, &mut dice))?;
    super::demo_distraction::build(&mut store, now, ward.next_hospital_number + 1)?;
    super::demo_hexapod::build(&mut store, now, format!("H{}", ward.next_hospital_number + 10))?;
    super::demo_stock::build(&mut store, now)?;
    // After the distraction patients' hospital numbers.
    super::demo_complications::build(&mut store, now, ward.next_hospital_number + 20)?;
    Ok(store)
}

fn is_weekday(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

fn reference_data(
    tx: &mut WriteTx<'_>,
    zone: Tz,
    settings: Settings,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Ward> {
    let rooms = [
        reference::add_room(tx, "Room 1 CT", "ct_fluoro", "08:00", "18:00")?,
        reference::add_room(tx, "Room 2 Angio", "angio_fluoro", "08:00", "18:00")?,
    ];
    let mut operators = Vec::new();
    for name in ["Dr Lemaire", "Dr Caron", "Dr Aubert"] {
        operators.push(reference::add_staff(tx, None, name, "doctor")?);
    }
    let mut anaesthetists = Vec::new();
    for name in ["Dr Noël", "Dr Barbier"] {
        anaesthetists.push(reference::add_staff(tx, None, name, "anaesthetist")?);
    }
    // R-BLOCK-3: block nurses to give cases (m on the Block tab); they have
    // no account here, as visiting staff.
    for name in ["Inès Martin", "Paul Girard"] {
        reference::add_staff(tx, None, name, "nurse")?;
    }
    let mut beds = Vec::new();
    for n in 1..=BEDS {
        beds.push(reference::add_bed(tx, &format!("B{n:02}"))?);
    }
    // R-PATH-4: one bed out of use (repairs).
    if let Some(last) = beds.last() {
        beds::set_state(tx, *last, 1, BedAction::Close)?;
    }
    let mut kinds = Vec::new();
    for (code, _, _) in reference::PROCEDURE_KINDS {
        if let Some(id) = reference::procedure_kind_id(tx, code)? {
            kinds.push(((*code).to_string(), id));
        }
    }
    Ok(Ward { zone, settings, today, now, rooms, operators, anaesthetists, beds, kinds, next_hospital_number: 100_000 })
}

/// Which bed a booking gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BedPick {
    /// The history: two sets of beds on alternate days, one bed per slot.
    Alternate,
    /// The first bed free for the stay's nights (free ones first).
    First,
    None,
}

/// What was recorded before the procedure (checklist, consultation, visit).
#[derive(Debug, Clone, Copy)]
struct Prep {
    /// Checklist items left unticked.
    missing: &'static [CheckItem],
    /// Hours before the start, and outcome; `None`: no consultation.
    cpa: Option<(i64, CpaOutcome)>,
    pre_visit: bool,
}

const READY: Prep = Prep { missing: &[], cpa: Some((24 * 20, CpaOutcome::Cleared)), pre_visit: true };

/// One booked stay: patient, admission and case, at the given states.
#[derive(Debug, Clone, Copy)]
struct Booking {
    procedure_day: NaiveDate,
    slot: u32,
    admission: AdmissionState,
    case: CaseState,
    incident: Option<&'static str>,
    kind: Option<&'static str>,
    mode: Option<AnaesthesiaMode>,
    bed: BedPick,
    prep: Prep,
    /// The discharge check's PADSS, when the patient is ready to go (or gone).
    padss: [u8; 5],
}

impl Booking {
    fn new(procedure_day: NaiveDate, slot: u32, admission: AdmissionState, case: CaseState) -> Self {
        Booking {
            procedure_day,
            slot,
            admission,
            case,
            incident: None,
            kind: None,
            mode: None,
            bed: BedPick::First,
            prep: READY,
            padss: [2, 2, 2, 2, 2],
        }
    }
}

/// What `book` made.
#[derive(Debug, Clone, Copy)]
struct Booked {
    patient_id: i64,
    admission_id: i64,
    case_id: i64,
    start: DateTime<Utc>,
    bed_id: Option<i64>,
    /// R-MED-2, from the procedure kind (the store decides it the same way).
    high_bleeding_risk: bool,
}

fn at_local(ward: &Ward, day: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
    ward_time::at_local(day, NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN), ward.zone)
}

fn book(tx: &mut WriteTx<'_>, ward: &mut Ward, dice: &mut Dice, booking: &Booking) -> Result<Booked> {
    let female = dice.below(2) == 0;
    let first_name = if female { dice.pick(FIRST_F) } else { dice.pick(FIRST_M) };
    let birth =
        NaiveDate::from_ymd_opt(1935 + dice.below(50) as i32, 1 + dice.below(12) as u32, 1 + dice.below(28) as u32)
            .unwrap_or(NaiveDate::MIN);
    ward.next_hospital_number += 1;
    let patient_id = patients::register(
        tx,
        &NewPatient {
            surname: dice.pick(SURNAMES).to_string(),
            first_name: first_name.to_string(),
            birth_date: birth,
            sex: if female { 'F' } else { 'M' },
            hospital_number: format!("H{}", ward.next_hospital_number),
        },
    )?;
    let day = booking.procedure_day;
    let kind_code = dice.pick(KINDS);
    let kind_code = booking.kind.unwrap_or(kind_code);
    let kind_id = ward.kinds.iter().find(|(c, _)| c == kind_code).map_or(1, |(_, id)| *id);
    let start_minutes = slot_start_minutes(booking.slot);
    let start_time = NaiveTime::from_hms_opt(start_minutes / 60, start_minutes % 60, 0).unwrap_or(NaiveTime::MIN);
    let mode = MODES[dice.below(MODES.len())];
    let mode = booking.mode.unwrap_or(mode);
    let start = ward_time::at_local(day, start_time, ward.zone);
    let minutes = reference::PROCEDURE_KINDS.iter().find(|(c, _, _)| *c == kind_code).map_or(90, |(_, _, m)| *m);
    let operator = free_operator(tx, ward, dice.below(ward.operators.len()), start, minutes as u32)?;
    // R-BLOCK-3: one anaesthetist per room, so none is in two cases at once.
    // The dice still rolls, so each seed keeps the patients it always had.
    let _ = dice.below(ward.anaesthetists.len());
    let anaesthetist = ward.anaesthetists[booking.slot as usize % ward.anaesthetists.len()];
    let level = dice.pick(LEVELS).to_string();
    let (admit_on, discharge_on) = admissions::planned_days(day, &ward.settings)?;
    let bed_id = match booking.bed {
        BedPick::Alternate => {
            let set = usize::try_from(day.num_days_from_ce().rem_euclid(2)).unwrap_or(0);
            ward.beds.get(set * CASES_PER_DAY as usize + booking.slot as usize).copied()
        }
        BedPick::First => beds::available(tx.conn(), (admit_on, discharge_on), ward.today)?.first().map(|b| b.bed_id),
        BedPick::None => None,
    };
    let (admission_id, case_id) = admissions::create_stay(
        tx,
        &NewStay {
            patient_id,
            procedure_kind_id: kind_id,
            procedure_day: day,
            start_time,
            duration_min: None,
            side_level: Some(level),
            anaesthesia_mode: mode,
            bleeding_risk: None,
            operator_id: Some(operator),
            anaesthetist_id: mode.needs_anaesthetist().then_some(anaesthetist),
            room_id: Some(ward.rooms[(booking.slot % 2) as usize]),
            bed_id,
            emergency: false,
            iodinated_contrast: kind_code == "cemented_screw_fixation",
            // R-PATH-6: a case around today already under way, or whose
            // admission day has passed, is entered retrospectively, and
            // confirmed as such, as a user would.
            retrospective: ward_time::at_local(day, start_time, ward.zone) < tx.at() || admit_on < ward.today,
            // R-BLOCK-4: a demo made after the freeze time stands for lists
            // booked days before; the override says so.
            override_reason: block_changes::frozen(day, tx.at(), &ward.settings)
                .then(|| "demo ward: booked before the freeze".to_string()),
        },
        &ward.settings,
    )?;
    let high_bleeding_risk = BleedingRisk::for_procedure(kind_code) == BleedingRisk::High;
    let booked = Booked { patient_id, admission_id, case_id, start, bed_id, high_bleeding_risk };
    prepare(tx, ward, booking, &booked, mode, anaesthetist)?;
    walk_to(tx, ward, booking, &booked)?;
    Ok(booked)
}

/// Minutes after midnight a slot starts: two rooms side by side, a case
/// every 2 h 30 from 08:00, so the longest kind (120 min) plus the default
/// turnover (20 min, R-BLOCK-2) fits before the next.
fn slot_start_minutes(slot: u32) -> u32 {
    8 * 60 + (slot / 2) * 150
}

/// R-BLOCK-3: the first operator from `first` on (in turn) who is in no other
/// case at that time, by the same domain check every booking runs.
fn free_operator(tx: &WriteTx<'_>, ward: &Ward, first: usize, start: DateTime<Utc>, minutes: u32) -> Result<i64> {
    let day = ward_time::local_day(start, ward.zone);
    let (from, to) = ward_time::day_bounds(day, ward.zone);
    let booked = block::schedule_between(tx.conn(), from - Duration::hours(16), to, ward.zone)?;
    let n = ward.operators.len();
    (0..n)
        .map(|k| ward.operators[(first + k) % n])
        .find(|&operator_id| {
            let candidate = BookedCase {
                case_id: 0,
                patient_id: 0,
                room_id: None,
                operator_id: Some(operator_id),
                anaesthetist_id: None,
                nurse_id: None,
                start,
                minutes,
                anaesthesia: AnaesthesiaGate::NotNeeded,
                bed_for_night: true,
                intakes: Vec::new(),
                patient: PatientKind::Adult,
                devices: Vec::new(),
                under_way: false,
            };
            let mut cases = booked.clone();
            cases.push(candidate);
            let schedule = Schedule { cases: &cases, rooms: &[], settings: &ward.settings };
            block_conflicts::operator_overlaps(&schedule).iter().all(|o| !o.involves(0))
        })
        .ok_or_else(|| {
            crate::store::StoreError::invalid(
                format!("the demo's schedule on {day}"),
                "every operator is already in a case at that time (R-BLOCK-3)",
            )
        })
}

/// The checklist, consultation, labs and pre-anaesthesia visit, each at a
/// plausible time before the procedure (never after `now`); then the case's state.
fn prepare(
    tx: &mut WriteTx<'_>,
    ward: &Ward,
    booking: &Booking,
    booked: &Booked,
    mode: AnaesthesiaMode,
    anaesthetist: i64,
) -> Result<()> {
    let restore = tx.at();
    let not_after_now = |t: DateTime<Utc>| t.min(ward.now - Duration::hours(1));
    let prep = booking.prep;
    if let Some((hours, outcome)) = prep.cpa.filter(|_| mode.needs_anaesthetist()) {
        let held_at = booked.start - Duration::hours(hours);
        tx.set_at(not_after_now(held_at));
        consultations::record(
            tx,
            &NewConsultation {
                case_id: booked.case_id,
                held_at: not_after_now(held_at),
                anaesthetist_id: Some(anaesthetist),
                asa: AsaClass::new(2, false),
                planned_mode: mode,
                outcome,
                notes: None,
            },
        )?;
    }
    tx.set_at(not_after_now(booked.start - Duration::days(7)));
    for item in CheckItem::ALL {
        if !prep.missing.contains(&item) {
            checks::set(tx, booked.case_id, item, true, None)?;
        }
    }
    // R-MED-2: labs the day before a high-bleeding-risk procedure (for a case
    // in the next three days, drawn by now; later ones are not drawn yet).
    let lab_at = (booked.start - Duration::hours(22)).min(ward.now - Duration::hours(2));
    let lab_validity = fasting::duration_of_hours(ward.settings.number("med.lab_validity_h"));
    if booked.high_bleeding_risk && booked.start - lab_at <= lab_validity {
        tx.set_at(lab_at);
        labs::record(tx, booked.patient_id, LabItem::Inr, 1.1, lab_at)?;
        labs::record(tx, booked.patient_id, LabItem::Platelets, 230.0, lab_at)?;
    }
    let mut version = 1;
    let visit_at = booked.start - Duration::hours(14);
    if prep.pre_visit && mode.needs_anaesthetist() && visit_at < ward.now {
        tx.set_at(visit_at);
        version = cases::set_pre_visit(tx, booked.case_id, version, Some(visit_at))?;
    }
    if booking.case != CaseState::Planned {
        tx.set_at(not_after_now(booked.start - Duration::days(2)));
        checks::confirm_case(tx, booked.case_id, version, tx.at(), &ward.settings)?;
        if matches!(booking.case, CaseState::InProgress | CaseState::Done) {
            timeline(tx, ward, booking, booked)?;
        }
    }
    tx.set_at(restore);
    Ok(())
}

/// R-BLOCK-6: the J0 timeline as the block records it, each event when it
/// happened and none after now; the patient going into the room makes the
/// case in progress (the timeline drives it), the end of the list done.
fn timeline(tx: &mut WriteTx<'_>, ward: &Ward, booking: &Booking, booked: &Booked) -> Result<()> {
    use crate::domain::block_timeline::EventKind as E;
    let done = booking.case == CaseState::Done;
    let mut events = vec![(E::Arrived, -25), (E::InRoom, 0)];
    if done {
        events.extend([(E::ProcedureStart, 15), (E::ProcedureEnd, 70), (E::OutOfRoom, 85), (E::Recovery, 90)]);
    } else {
        events.push((E::ProcedureStart, 15));
    }
    for (kind, minutes) in events {
        let at = booked.start + Duration::minutes(minutes);
        if at > ward.now {
            break;
        }
        tx.set_at(at);
        crate::store::case_events::record(tx, booked.case_id, kind, Some(at))?;
    }
    if done {
        tx.set_at((booked.start + Duration::minutes(100)).min(ward.now));
        let (_, version) = checks::case_state(tx.conn(), booked.case_id)?;
        cases::set_state(tx, booked.case_id, version, CaseState::Done)?;
    }
    Ok(())
}

/// Takes the recorded steps from planned to the booking's state, each at a
/// plausible time, so the history reads like a real one: the discharge check
/// before leaving, the bed cleaned after, the follow-up call the next day.
fn walk_to(tx: &mut WriteTx<'_>, ward: &Ward, booking: &Booking, booked: &Booked) -> Result<()> {
    let day = booking.procedure_day;
    let (before, after) = (day - Duration::days(1), day + Duration::days(1));
    let path: [(Step, DateTime<Utc>); 4] = [
        (Step::Admit, at_local(ward, before, 17, 0)),
        (Step::MarkProcedureDone, booked.start + Duration::minutes(150)),
        (Step::ReadyForDischarge, at_local(ward, after, 9, 0)),
        (Step::Discharge, at_local(ward, after, 11, 0)),
    ];
    let stop_after = match booking.admission {
        AdmissionState::Planned => 0,
        AdmissionState::Admitted => 1,
        AdmissionState::ProcedureDone | AdmissionState::Prolonged => 2,
        AdmissionState::ReadyForDischarge => 3,
        _ => 4,
    };
    let restore = tx.at();
    let id = booked.admission_id;
    let mut version = 1;
    for (step, at) in &path[..stop_after] {
        // R-PATH-6: a step is recorded once it has happened, never later than now.
        tx.set_at((*at).min(ward.now));
        if *step == Step::ReadyForDischarge {
            // R-DISCH-1: the check is filled in as the patient gets ready.
            let check = DischargeCheckInput {
                padss: booking.padss.map(Some),
                escort: true,
                letter_given_on: Some(after),
                work_stop_certificate: true,
                follow_up_appointment: true,
            };
            discharge::save_check(tx, id, None, &check)?;
        }
        version = admissions::take_step(tx, id, version, *step, None)?.version;
    }
    if booking.admission == AdmissionState::Prolonged {
        tx.set_at(at_local(ward, after, 10, 0));
        admissions::take_step(tx, id, version, Step::Prolong, booking.incident)?;
    }
    if booking.admission == AdmissionState::Discharged {
        // R-PATH-4: cleaned an hour after the patient left.
        let cleaned = path[3].1 + Duration::hours(1);
        if let Some(bed) = booked.bed_id
            && cleaned < ward.now
        {
            tx.set_at(cleaned);
            let version = beds::get(tx.conn(), bed)?.version;
            beds::set_state(tx, bed, version, BedAction::Cleaned)?;
        }
        // R-DISCH-2: the call, made on its day if that day is over.
        let due = after + Duration::days(1);
        if due < ward.today {
            tx.set_at(at_local(ward, due, 10, 30));
            let call = discharge::call_of(tx.conn(), id, ward.today)?;
            if let Some(call) = call {
                discharge::call_done(tx, call.call_id, call.version, Some("no complaint"))?;
            }
        }
    }
    tx.set_at(restore);
    Ok(())
}

fn history_day(tx: &mut WriteTx<'_>, ward: &mut Ward, dice: &mut Dice, day: NaiveDate) -> Result<()> {
    for slot in 0..CASES_PER_DAY {
        let booking =
            Booking { bed: BedPick::Alternate, ..Booking::new(day, slot, AdmissionState::Discharged, CaseState::Done) };
        book(tx, ward, dice, &booking)?;
    }
    Ok(())
}

fn around_today(tx: &mut WriteTx<'_>, ward: &mut Ward, dice: &mut Dice) -> Result<()> {
    use AdmissionState as A;
    use CaseState as C;
    let (today, now) = (ward.today, ward.now);
    let day = |n: i64| today + Duration::days(n);
    let zone = ward.zone;
    let local = |d: NaiveDate, h: u32, m: u32| {
        ward_time::at_local(d, NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN), zone)
    };
    let mut book = |tx: &mut WriteTx<'_>, b: Booking| book(tx, ward, dice, &b);

    // Procedures three and two days ago: home, but for one overdue and one
    // prolonged; the one who left yesterday gets a call today (R-DISCH-2).
    for slot in 0..4 {
        book(tx, Booking::new(day(-3), slot, A::Discharged, C::Done))?;
    }
    book(tx, Booking::new(day(-2), 0, A::Discharged, C::Done))?;
    book(tx, Booking::new(day(-2), 1, A::ProcedureDone, C::Done))?;
    book(
        tx,
        Booking {
            incident: Some("haematoma at the puncture site, observation 24 h"),
            ..Booking::new(day(-2), 2, A::Prolonged, C::Done)
        },
    )?;

    // Yesterday's cases leave today (R-DISCH-1): one check complete, one with
    // PADSS 8, two not yet checked, one already gone this morning.
    book(tx, Booking::new(day(-1), 0, A::ReadyForDischarge, C::Done))?;
    book(tx, Booking { padss: [2, 2, 1, 1, 2], ..Booking::new(day(-1), 1, A::ReadyForDischarge, C::Done) })?;
    for slot in 2..4 {
        book(tx, Booking::new(day(-1), slot, A::ProcedureDone, C::Done))?;
    }
    let leaving = book(tx, Booking::new(day(-1), 4, A::ReadyForDischarge, C::Done))?;
    tx.set_at(local(today, 9, 0).min(now));
    admissions::take_step(tx, leaving.admission_id, 4, Step::Discharge, None)?;
    tx.set_at(now);

    // Today's cases: done, in the room or to come, by the clock.
    let mut todays = Vec::new();
    for slot in 0..6 {
        let start = local(today, slot_start_minutes(slot) / 60, slot_start_minutes(slot) % 60);
        let (admission, case) = if now >= start + Duration::minutes(120) {
            (A::ProcedureDone, C::Done)
        } else if now >= start {
            (A::Admitted, C::InProgress)
        } else {
            (A::Admitted, C::Confirmed)
        };
        let mode = (slot >= 2).then_some(AnaesthesiaMode::SedationLocal);
        // R-ANES-3: one case under sedation without its pre-anaesthesia visit.
        let prep = if slot == 3 { Prep { pre_visit: false, ..READY } } else { READY };
        todays.push(book(tx, Booking { mode, prep, ..Booking::new(today, slot, admission, case) })?);
    }
    let evening = local(day(-1), 19, 0);
    // R-FAST-3: breakfast at 07:00 for a 10:00 start.
    let breakfast = local(today, 7, 0).min(now);
    intakes::record(tx, todays[2].admission_id, IntakeKind::Solids, breakfast)?;
    // R-FAST-5: an insulin-treated diabetic, nothing eaten since dinner, at noon.
    patients::set_insulin_treated(tx, todays[4].patient_id, 1, true)?;
    intakes::record(tx, todays[4].admission_id, IntakeKind::Solids, evening)?;
    intakes::record(tx, todays[4].admission_id, IntakeKind::ClearFluids, local(today, 9, 0).min(now))?;
    // R-FAST-4: nothing to drink since 22:00 for a noon start.
    let late_drink = local(day(-1), 22, 0);
    intakes::record(tx, todays[5].admission_id, IntakeKind::ClearFluids, late_drink)?;

    // Tomorrow's cases arrive today (R-READY-1..3, R-ANES-1..5, R-PATH-4, R-MED-1, -2).
    let sedation = Some(AnaesthesiaMode::SedationLocal);
    let general = Some(AnaesthesiaMode::General);
    let ready = book(
        tx,
        Booking { kind: Some("vertebroplasty"), mode: sedation, ..Booking::new(day(1), 0, A::Planned, C::Confirmed) },
    )?;
    // R-MED-1, R-MED-3: the DOAC was stopped on its last-dose day (J-3) and marked so.
    let doac = treatments::add(tx, ready.patient_id, DrugClass::Doac)?;
    treatments::stop(tx, doac, 1)?;
    book(
        tx,
        Booking {
            mode: sedation,
            prep: Prep { missing: &[CheckItem::SignedConsent], ..READY },
            ..Booking::new(day(1), 1, A::Planned, C::Planned)
        },
    )?;
    let old_labs = book(
        tx,
        Booking {
            kind: Some("vertebroplasty"),
            mode: sedation,
            prep: Prep { missing: &[CheckItem::CarteVitale], ..READY },
            ..Booking::new(day(1), 2, A::Planned, C::Confirmed)
        },
    )?;
    // R-MED-3: aspirin still recorded as taken after its last-dose day (J-3).
    treatments::add(tx, old_labs.patient_id, DrugClass::Aspirin)?;
    let taken = local(day(-6), 8, 30);
    labs::record(tx, old_labs.patient_id, LabItem::Inr, 1.0, taken)?;
    labs::record(tx, old_labs.patient_id, LabItem::Platelets, 250.0, taken)?;
    book(
        tx,
        Booking {
            kind: Some("cemented_screw_fixation"),
            mode: general,
            bed: BedPick::None,
            prep: Prep { cpa: Some((40, CpaOutcome::Cleared)), ..READY },
            ..Booking::new(day(1), 3, A::Planned, C::Confirmed)
        },
    )?;
    let contrast = book(
        tx,
        Booking {
            kind: Some("cemented_screw_fixation"),
            mode: general,
            prep: Prep { cpa: Some((24 * 6, CpaOutcome::Pending)), ..READY },
            ..Booking::new(day(1), 4, A::Planned, C::Planned)
        },
    )?;
    treatments::add(tx, contrast.patient_id, DrugClass::Metformin)?;

    // Planned for yesterday evening, never came: a missed arrival.
    book(
        tx,
        Booking {
            mode: Some(AnaesthesiaMode::LocalOnly),
            prep: Prep {
                missing: &[CheckItem::ImagingFile, CheckItem::CarteVitale, CheckItem::MutuelleCard, CheckItem::Escort],
                ..READY
            },
            ..Booking::new(today, 7, A::Planned, C::Planned)
        },
    )?;
    // Next week, to fill the lists; one a day has no consultation yet.
    for n in 2..=6 {
        for slot in 0..4 {
            if is_weekday(day(n)) {
                let prep = if slot == 3 {
                    Prep { cpa: None, ..READY }
                } else {
                    Prep { cpa: Some((24 * 10, CpaOutcome::Cleared)), ..READY }
                };
                let mode = (slot == 3).then_some(AnaesthesiaMode::General);
                book(tx, Booking { prep, mode, ..Booking::new(day(n), slot, A::Planned, C::Planned) })?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_sequence() {
        let (mut a, mut b) = (Dice(7), Dice(7));
        assert_eq!((0..5).map(|_| a.next()).collect::<Vec<_>>(), (0..5).map(|_| b.next()).collect::<Vec<_>>());
        assert_ne!(Dice(7).next(), Dice(8).next());
    }
}
