//! `periop demo`: a realistic ward around today, the same for the same seed.
//!
//! Around today: yesterday's and today's cases with their admissions, today's
//! arrivals for tomorrow, departures, one overdue discharge, one prolonged
//! stay with its incident, one missed arrival. With `--years N`, N years of a
//! busy ward before that (8 cases a weekday on 2 rooms) for benchmarks.

use crate::domain::case::{AnaesthesiaMode, CaseState};
use crate::domain::pathway::{AdmissionState, Step};
use crate::domain::ward_time;
use crate::store::admissions::{self, NewAdmission};
use crate::store::cases::{self, NewCase};
use crate::store::patients::{self, NewPatient};
use crate::store::write::WriteTx;
use crate::store::{Account, Result, Store, reference};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use std::path::Path;

/// Cases a weekday in the history (R-BLOCK figures for a busy block).
pub const CASES_PER_DAY: u32 = 8;

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
const KINDS: &[&str] = &[
    "vertebroplasty",
    "vertebroplasty",
    "cementoplasty",
    "cemented_screw_fixation",
];
const LEVELS: &[&str] = &[
    "T12",
    "L1",
    "L2",
    "L3",
    "L4",
    "T11-T12",
    "L1-L2",
    "left acetabulum",
    "right iliac wing",
];
const MODES: &[AnaesthesiaMode] = &[
    AnaesthesiaMode::General,
    AnaesthesiaMode::SedationLocal,
    AnaesthesiaMode::LocalOnly,
    AnaesthesiaMode::General,
];

struct Ward {
    zone: Tz,
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
    let today = ward_time::local_day(now, zone);
    let mut dice = Dice(options.seed);
    let mut ward = store.write(now, |tx| reference_data(tx, zone))?;

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
    store.write(now, |tx| around_today(tx, &mut ward, &mut dice, today, now))?;
    Ok(store)
}

fn is_weekday(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

fn reference_data(tx: &mut WriteTx<'_>, zone: Tz) -> Result<Ward> {
    let rooms = [
        reference::add_room(tx, "Room 1 CT", "ct_fluoro", "08:00", "18:00")?,
        reference::add_room(tx, "Room 2 Angio", "angio_fluoro", "08:00", "18:00")?,
    ];
    let mut operators = Vec::new();
    for name in ["Dr Lemaire", "Dr Caron", "Dr Aubert"] {
        operators.push(reference::add_staff(tx, None, name, "radiologist")?);
    }
    let mut anaesthetists = Vec::new();
    for name in ["Dr Noël", "Dr Barbier"] {
        anaesthetists.push(reference::add_staff(tx, None, name, "anaesthetist")?);
    }
    let mut beds = Vec::new();
    for n in 1..=14 {
        beds.push(reference::add_bed(tx, &format!("B{n:02}"))?);
    }
    let mut kinds = Vec::new();
    for (code, _, _) in reference::PROCEDURE_KINDS {
        if let Some(id) = reference::procedure_kind_id(tx, code)? {
            kinds.push(((*code).to_string(), id));
        }
    }
    Ok(Ward {
        zone,
        rooms,
        operators,
        anaesthetists,
        beds,
        kinds,
        next_hospital_number: 100_000,
    })
}

/// One booked stay: patient, admission and case, at the given states.
struct Booking {
    procedure_day: NaiveDate,
    slot: u32,
    admission: AdmissionState,
    case: CaseState,
    incident: Option<&'static str>,
}

fn book(tx: &mut WriteTx<'_>, ward: &mut Ward, dice: &mut Dice, booking: &Booking) -> Result<i64> {
    let zone = ward.zone;
    let female = dice.below(2) == 0;
    let first_name = if female { dice.pick(FIRST_F) } else { dice.pick(FIRST_M) };
    let birth = NaiveDate::from_ymd_opt(
        1935 + dice.below(50) as i32,
        1 + dice.below(12) as u32,
        1 + dice.below(28) as u32,
    )
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
    let bed = ward.beds[(booking.slot as usize + day.ordinal() as usize * 3) % ward.beds.len()];
    let admission_id = admissions::create(
        tx,
        &NewAdmission {
            patient_id,
            planned_admit_on: day - Duration::days(1),
            planned_discharge_on: day + Duration::days(1),
            bed_id: Some(bed),
        },
    )?;
    let room_index = (booking.slot % 2) as usize;
    let kind_code = dice.pick(KINDS);
    let kind_id = ward.kinds.iter().find(|(c, _)| c == kind_code).map_or(1, |(_, id)| *id);
    let minutes = if kind_code == "cemented_screw_fixation" {
        120
    } else {
        90
    };
    let start_minutes = 8 * 60 + (booking.slot / 2) * 120;
    let start = ward_time::at_local(
        day,
        NaiveTime::from_hms_opt(start_minutes / 60, start_minutes % 60, 0).unwrap_or(NaiveTime::MIN),
        zone,
    );
    let mode = MODES[dice.below(MODES.len())];
    cases::create(
        tx,
        &NewCase {
            admission_id,
            procedure_kind_id: kind_id,
            room_id: Some(ward.rooms[room_index]),
            operator_id: Some(ward.operators[dice.below(ward.operators.len())]),
            anaesthetist_id: mode
                .needs_anaesthetist()
                .then(|| ward.anaesthetists[dice.below(ward.anaesthetists.len())]),
            scheduled_start: start,
            duration_min: minutes,
            anaesthesia_mode: mode,
            side_level: Some(dice.pick(LEVELS).to_string()),
            state: booking.case,
        },
    )?;
    walk_to(tx, admission_id, booking, zone, start)?;
    Ok(admission_id)
}

/// Takes the recorded steps from planned to the booking's state, each at a
/// plausible time, so the history reads like a real one.
fn walk_to(tx: &mut WriteTx<'_>, admission_id: i64, booking: &Booking, zone: Tz, start: DateTime<Utc>) -> Result<()> {
    let day = booking.procedure_day;
    let evening =
        |d: NaiveDate, h: u32| ward_time::at_local(d, NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN), zone);
    let path: &[(Step, DateTime<Utc>, Option<&str>)] = &[
        (Step::Admit, evening(day - Duration::days(1), 17), None),
        (Step::MarkProcedureDone, start + Duration::minutes(150), None),
        (Step::ReadyForDischarge, evening(day + Duration::days(1), 9), None),
        (Step::Discharge, evening(day + Duration::days(1), 11), None),
    ];
    let stop_after = match booking.admission {
        AdmissionState::Planned => 0,
        AdmissionState::Admitted => 1,
        AdmissionState::ProcedureDone | AdmissionState::Prolonged => 2,
        AdmissionState::ReadyForDischarge => 3,
        _ => 4,
    };
    let restore = tx.at();
    let mut version = 1;
    for (step, at, reason) in &path[..stop_after] {
        tx.set_at(*at);
        version = admissions::take_step(tx, admission_id, version, *step, *reason)?.version;
    }
    if booking.admission == AdmissionState::Prolonged {
        tx.set_at(evening(day + Duration::days(1), 10));
        admissions::take_step(tx, admission_id, version, Step::Prolong, booking.incident)?;
    }
    tx.set_at(restore);
    Ok(())
}

fn history_day(tx: &mut WriteTx<'_>, ward: &mut Ward, dice: &mut Dice, day: NaiveDate) -> Result<()> {
    for slot in 0..CASES_PER_DAY {
        let booking = Booking {
            procedure_day: day,
            slot,
            admission: AdmissionState::Discharged,
            case: CaseState::Done,
            incident: None,
        };
        book(tx, ward, dice, &booking)?;
    }
    Ok(())
}

fn around_today(
    tx: &mut WriteTx<'_>,
    ward: &mut Ward,
    dice: &mut Dice,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    let zone = ward.zone;
    let plain = |procedure_day, slot, admission, case| Booking {
        procedure_day,
        slot,
        admission,
        case,
        incident: None,
    };
    let day = |n: i64| today + Duration::days(n);
    let mut bookings = Vec::new();
    // Procedures three and two days ago: home, but for one overdue and one prolonged.
    for slot in 0..4 {
        bookings.push(plain(day(-3), slot, AdmissionState::Discharged, CaseState::Done));
    }
    bookings.push(plain(day(-2), 0, AdmissionState::Discharged, CaseState::Done));
    bookings.push(plain(day(-2), 1, AdmissionState::ProcedureDone, CaseState::Done));
    bookings.push(Booking {
        incident: Some("haematoma at the puncture site, observation 24 h"),
        ..plain(day(-2), 2, AdmissionState::Prolonged, CaseState::Done)
    });
    // Yesterday's cases leave today.
    for slot in 0..5 {
        let state = if slot < 2 {
            AdmissionState::ReadyForDischarge
        } else {
            AdmissionState::ProcedureDone
        };
        bookings.push(plain(day(-1), slot, state, CaseState::Done));
    }
    // Today's cases: done, in the room or to come, by the clock.
    for slot in 0..6 {
        let start_h = 8 + (slot / 2) * 2;
        let start = ward_time::at_local(
            today,
            NaiveTime::from_hms_opt(start_h, 0, 0).unwrap_or(NaiveTime::MIN),
            zone,
        );
        let (admission, case) = if now >= start + Duration::minutes(120) {
            (AdmissionState::ProcedureDone, CaseState::Done)
        } else if now >= start {
            (AdmissionState::Admitted, CaseState::InProgress)
        } else {
            (AdmissionState::Admitted, CaseState::Confirmed)
        };
        bookings.push(plain(today, slot, admission, case));
    }
    // Tomorrow's cases arrive today; one of them has not been planned a bed yet.
    for slot in 0..5 {
        bookings.push(plain(day(1), slot, AdmissionState::Planned, CaseState::Planned));
    }
    // Planned for yesterday evening, never came: a missed arrival.
    bookings.push(plain(today, 7, AdmissionState::Planned, CaseState::Planned));
    // Next week, to fill the lists.
    for n in 2..=6 {
        for slot in 0..4 {
            if is_weekday(day(n)) {
                bookings.push(plain(day(n), slot, AdmissionState::Planned, CaseState::Planned));
            }
        }
    }
    for booking in &bookings {
        book(tx, ward, dice, booking)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_sequence() {
        let (mut a, mut b) = (Dice(7), Dice(7));
        assert_eq!(
            (0..5).map(|_| a.next()).collect::<Vec<_>>(),
            (0..5).map(|_| b.next()).collect::<Vec<_>>()
        );
        assert_ne!(Dice(7).next(), Dice(8).next());
    }
}
