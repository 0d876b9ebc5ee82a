//! The demo ward's patients in distraction (issue 11): built through the
//! same store calls as a nurse's entries, so the demo passes `periop check`.
//! Four patients around today: a tibia on a circular frame with a pin site
//! to watch, a femur whose turns fell behind, a jaw turned at home and
//! reported by phone, a femur in consolidation.

use crate::domain::distraction::{Colour, Device, Motor, Prescription, Round, Sensation, Site};
use crate::domain::ward_time;
use crate::store::distraction::{self, NewDistraction, RoundEntry, SessionEntry};
use crate::store::patients::{self, NewPatient};
use crate::store::{Result, Store};
use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

struct Patient {
    surname: &'static str,
    first_name: &'static str,
    birth: (i32, u32, u32),
    sex: char,
    /// Days before today.
    osteotomy_ago: u64,
    site: Site,
    device: Device,
    mm_per_turn: f64,
    latency_days: u32,
    sessions_per_day: u32,
    target_mm: f64,
    pins: u32,
    outpatient: bool,
    /// Sessions left out: (days ago, session number).
    missed: &'static [(u64, u32)],
    /// Today's round pin grades (empty: no round today).
    grades_today: &'static [u8],
}

const PATIENTS: &[Patient] = &[
    Patient {
        surname: "Lefèvre",
        first_name: "Anne",
        birth: (1988, 4, 2),
        sex: 'F',
        osteotomy_ago: 12,
        site: Site::Tibia,
        device: Device::CircularFrame,
        mm_per_turn: 0.25,
        latency_days: 7,
        sessions_per_day: 4,
        target_mm: 30.0,
        pins: 6,
        outpatient: false,
        missed: &[],
        grades_today: &[0, 1, 2, 0, 1, 0],
    },
    Patient {
        surname: "Garnier",
        first_name: "Hugo",
        birth: (2004, 9, 17),
        sex: 'M',
        osteotomy_ago: 18,
        site: Site::Femur,
        device: Device::MonolateralRail,
        mm_per_turn: 0.25,
        latency_days: 7,
        sessions_per_day: 4,
        target_mm: 40.0,
        pins: 4,
        outpatient: false,
        missed: &[(2, 3), (2, 4)],
        grades_today: &[],
    },
    Patient {
        surname: "Perrin",
        first_name: "Lucas",
        birth: (2015, 2, 8),
        sex: 'M',
        osteotomy_ago: 9,
        site: Site::Mandible,
        device: Device::InternalCraniofacial,
        mm_per_turn: 0.5,
        latency_days: 3,
        sessions_per_day: 2,
        target_mm: 20.0,
        pins: 0,
        outpatient: true,
        missed: &[],
        grades_today: &[],
    },
    Patient {
        surname: "Faure",
        first_name: "Claire",
        birth: (1979, 11, 23),
        sex: 'F',
        osteotomy_ago: 70,
        site: Site::Femur,
        device: Device::CircularFrame,
        mm_per_turn: 0.25,
        latency_days: 7,
        sessions_per_day: 4,
        target_mm: 25.0,
        pins: 6,
        outpatient: false,
        missed: &[],
        grades_today: &[0, 0, 1, 0, 0, 0],
    },
];

/// Today's round is at 10:00: a demo made earlier in the morning (the tests'
/// fixed 09:30) has no distraction alert yet, so the Board's first screen
/// keeps its other sections in view at 80×24.
const TODAY_ROUND_H: u32 = 10;

/// Past rounds are recorded over this many days before today.
const ROUND_DAYS: u64 = 3;

fn round(grades: &[u8], craniofacial: bool) -> Round {
    Round {
        at: DateTime::UNIX_EPOCH,
        pain: 2,
        sensation: Sensation::Normal,
        motor: Motor::Normal,
        colour: Colour::Normal,
        rom_deg: (!craniofacial).then_some(100),
        mouth_opening_mm: craniofacial.then_some(30),
        occlusion_ok: craniofacial.then_some(true),
        temperature_c: Some(37.1),
        pin_grades: grades.to_vec(),
        pin_care_done: !grades.is_empty(),
        note: String::new(),
    }
}

/// Adds the distraction patients, their sessions up to `now` and a few rounds.
pub fn build(store: &mut Store, now: DateTime<Utc>, hospital_numbers_from: u64) -> Result<()> {
    let zone = store.zone();
    let settings = store.settings().clone();
    let today = ward_time::local_day(now, zone);
    for (i, p) in PATIENTS.iter().enumerate() {
        let osteotomy_on = today - Days::new(p.osteotomy_ago);
        let at = |day: NaiveDate, h: u32| {
            ward_time::at_local(day, NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default(), zone)
        };
        let prescription = Prescription {
            site: p.site,
            device: p.device,
            mm_per_turn: p.mm_per_turn,
            osteotomy_on,
            latency_days: p.latency_days,
            rate_mm_day: 1.0,
            sessions_per_day: p.sessions_per_day,
            target_mm: p.target_mm,
            pins: p.pins,
            pin_sites: if p.pins > 0 { "proximal ring 1-3, distal ring 4-6".into() } else { String::new() },
        };
        let patient = NewPatient {
            surname: p.surname.into(),
            first_name: p.first_name.into(),
            birth_date: NaiveDate::from_ymd_opt(p.birth.0, p.birth.1, p.birth.2).unwrap_or(NaiveDate::MIN),
            sex: p.sex,
            hospital_number: format!("H{}", hospital_numbers_from + i as u64),
        };
        let case_id = store.write(at(osteotomy_on, 18).min(now), |tx| {
            let patient_id = patients::register(tx, &patient)?;
            distraction::add(
                tx,
                &NewDistraction { patient_id, prescription: prescription.clone(), outpatient: p.outpatient },
            )
        })?;
        let case = store.distraction(case_id)?;
        let plan = case.plan();
        let mut day = plan.start;
        while day <= today {
            let due = crate::domain::distraction::alerts::due_sessions(&plan, day, zone, &settings);
            let ago = (today - day).num_days().max(0) as u64;
            let sessions: Vec<SessionEntry> = due
                .iter()
                .filter(|(n, _, at)| *at + chrono::Duration::minutes(10) <= now && !p.missed.contains(&(ago, *n)))
                .map(|(n, turns, _)| SessionEntry { session: *n, turns: *turns, by_phone: p.outpatient })
                .collect();
            let last_due = due.last().map(|(_, _, t)| *t + chrono::Duration::minutes(10));
            if let Some(when) = last_due.map(|t| t.min(now)).filter(|_| !sessions.is_empty()) {
                store.write(when, |tx| crate::store::distraction_sessions::record(tx, case_id, day, &sessions))?;
            }
            let Some(next) = day.checked_add_days(Days::new(1)) else { break };
            day = next;
        }
        // Rounds at 09:00 on the last days, and today at 10:00 when the demo is built after it.
        let craniofacial = p.site.is_craniofacial();
        let calm: Vec<u8> = vec![0; p.pins as usize];
        for ago in (1..=ROUND_DAYS).rev() {
            let day = today - Days::new(ago);
            if day > osteotomy_on {
                let entry = RoundEntry { round: round(&calm, craniofacial), sessions: Vec::new() };
                store.write(at(day, 9), |tx| distraction::record_round(tx, case_id, &entry))?;
            }
        }
        if !p.grades_today.is_empty() && at(today, TODAY_ROUND_H) <= now {
            let entry = RoundEntry { round: round(p.grades_today, craniofacial), sessions: Vec::new() };
            store.write(at(today, TODAY_ROUND_H), |tx| distraction::record_round(tx, case_id, &entry))?;
        }
    }
    Ok(())
}
