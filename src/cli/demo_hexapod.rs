//! The demo ward's hexapod patient (R-DO-8): a tibia on a hexapod frame,
//! its first prescription re-planned after an X-ray two days ago (revision
//! 1 is void), every strut logged as the sheet said up to yesterday, a
//! strut change coming. Built through the same store calls as a doctor's
//! import and a nurse's log, so the demo passes `periop check`. The strut
//! catalogue ranges are examples: a ward types its manufacturer's.

use crate::domain::distraction::hexapod::{DayLengths, HexapodPlan, STRUTS, StrutColour, StrutFit};
use crate::domain::distraction::{Device, Prescription, Site};
use crate::domain::ward_time;
use crate::store::distraction::{self, NewDistraction};
use crate::store::hexapod::{self, NewAdjustment};
use crate::store::patients::{self, NewPatient};
use crate::store::{Result, Store};
use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

/// Each strut's length on the first day of the first revision, in mm.
const FITTED: [f64; STRUTS as usize] = [180.0, 168.0, 195.0, 175.0, 160.0, 185.0];
/// Each strut's change a day, in mm (strut 6 does not move).
const PER_DAY: [f64; STRUTS as usize] = [0.5, 1.0, -0.5, 0.5, 1.0, 0.0];

fn fits(first: NaiveDate, strut_change: Option<NaiveDate>) -> Vec<StrutFit> {
    let fit = |strut: u8, from_day, size: &str, min_mm, max_mm| StrutFit {
        strut,
        from_day,
        colour: StrutColour::usual(strut).unwrap_or(StrutColour::Red),
        size: size.into(),
        min_mm,
        max_mm,
    };
    let mut out: Vec<StrutFit> = (1..=STRUTS)
        .map(|s| if s == 2 { fit(s, first, "short", 116.0, 176.0) } else { fit(s, first, "medium", 151.0, 251.0) })
        .collect();
    if let Some(day) = strut_change {
        out.push(fit(2, day, "medium", 151.0, 251.0));
    }
    out
}

/// `days` adjustment days from `first`, each strut moving as [`PER_DAY`]
/// from `start`.
fn table(first: NaiveDate, start: [f64; STRUTS as usize], days: u64) -> Vec<DayLengths> {
    (0..=days)
        .map(|k| DayLengths {
            day: first + Days::new(k),
            lengths: std::array::from_fn(|i| start[i] + PER_DAY[i] * k as f64),
        })
        .collect()
}

/// Adds the hexapod patient with hospital number `hospital_number`.
pub fn build(store: &mut Store, now: DateTime<Utc>, hospital_number: String) -> Result<()> {
    let zone = store.zone();
    let today = ward_time::local_day(now, zone);
    let at =
        |day: NaiveDate, h: u32| ward_time::at_local(day, NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default(), zone);
    let osteotomy_on = today - Days::new(10);
    let prescription = Prescription {
        site: Site::Tibia,
        device: Device::Hexapod,
        mm_per_turn: 1.0,
        osteotomy_on,
        latency_days: 7,
        rate_mm_day: 1.0,
        sessions_per_day: 1,
        target_mm: 10.0,
        pins: 6,
        pin_sites: "proximal ring 1-3, distal ring 4-6".into(),
    };
    let patient = NewPatient {
        surname: "Charpentier".into(),
        first_name: "Jules".into(),
        birth_date: NaiveDate::from_ymd_opt(1996, 6, 14).unwrap_or(NaiveDate::MIN),
        sex: 'M',
        hospital_number,
    };
    let case_id = store.write(at(osteotomy_on, 18).min(now), |tx| {
        let patient_id = patients::register(tx, &patient)?;
        distraction::add(tx, &NewDistraction { patient_id, prescription, outpatient: false })
    })?;
    // Revision 1, from the distraction's first day: 10 mm at 1 mm/day.
    let first = osteotomy_on + Days::new(6);
    let plan_1 = HexapodPlan {
        correction_mm: 10.0,
        rate_mm_day: 1.0,
        fits: fits(first, Some(first + Days::new(7))),
        days: table(first, FITTED, 10),
    };
    let (rev_1, _) = store.write(at(first, 17).min(now), |tx| {
        hexapod::record(tx, case_id, &plan_1, "tsf-plan-1.csv", "postoperative plan")
    })?;
    let log = |store: &mut Store, id: i64, plan: &HexapodPlan, day: NaiveDate| -> Result<()> {
        let entries: Vec<NewAdjustment> = plan
            .struts_due(day)
            .into_iter()
            .filter_map(|s| {
                plan.length(s, day).map(|length_mm| NewAdjustment { day, strut: s, length_mm, by_phone: false })
            })
            .collect();
        if entries.is_empty() || at(day, 9) > now {
            return Ok(());
        }
        store.write(at(day, 9), |tx| hexapod::log(tx, id, &entries)).map(|_| ())
    };
    for k in 1..=2 {
        log(store, rev_1, &plan_1, first + Days::new(k))?;
    }
    // Revision 2 after the X-ray, from the frame as it stood: 8 mm more, the
    // short strut 2 changed for a medium one in four days.
    let second = first + Days::new(2);
    let stood = plan_1.days[2].lengths;
    let plan_2 = HexapodPlan {
        correction_mm: 8.0,
        rate_mm_day: 1.0,
        fits: fits(second, Some(second + Days::new(4))),
        days: table(second, stood, 8),
    };
    let (rev_2, _) = store.write(at(second, 15).min(now), |tx| {
        hexapod::record(tx, case_id, &plan_2, "tsf-plan-2.csv", "re-planned after the X-ray")
    })?;
    let mut day = second + Days::new(1);
    while day < today {
        log(store, rev_2, &plan_2, day)?;
        day = day + Days::new(1);
    }
    Ok(())
}
