//! The demo ward's complications (R-COMP-1) and one heterotopic
//! ossification follow-up (R-HO-1), built through the same store calls as a
//! nurse's or a doctor's entries, so the demo passes `periop check`:
//! a wound infection of a prolonged stay and a pain settled before going
//! home (both closed), and a hip operated on almost `ho.followup_months`
//! ago whose X-ray check is due in a month (`periop ossification`).

use crate::domain::complications::{Kind, NewComplication, Severity};
use crate::domain::ossification::{self, Prophylaxis};
use crate::domain::pathway::AdmissionState;
use crate::domain::ward_time;
use crate::store::admission_list::ListQuery;
use crate::store::ossification::NewFollowUp;
use crate::store::patients::{self, NewPatient};
use crate::store::{Result, Store, complications};
use chrono::{DateTime, Days, Duration, Months, NaiveDate, Utc};

/// Days before the X-ray check is due, for the demo's follow-up: beyond
/// the board's 14 days, so the demo day's board is the one the screen
/// tests and the pseudo-terminal tests read (an attention row more pushes
/// `ARRIVING` off an 80×24 board).
const XRAY_IN_DAYS: u64 = 30;

/// The first stay in `state` covering today, as (patient, case).
fn stay_in(store: &Store, state: AdmissionState, now: DateTime<Utc>) -> Result<Option<(i64, Option<i64>)>> {
    let today = ward_time::local_day(now, store.zone());
    let query = ListQuery { day: Some(today), state: Some(state), text: None };
    Ok(store.admissions(&query, now)?.into_iter().next().map(|s| (s.patient.patient_id, s.case_id)))
}

/// Adds the complications and the follow-up. `hospital_number` is free.
pub fn build(store: &mut Store, now: DateTime<Utc>, hospital_number: u64) -> Result<()> {
    let zone = store.zone();
    let today = ward_time::local_day(now, zone);
    let yesterday = today.checked_sub_days(Days::new(1)).unwrap_or(today);
    if let Some((patient_id, case_id)) = stay_in(store, AdmissionState::Prolonged, now)? {
        let new = NewComplication {
            patient_id,
            case_id,
            kind: Kind::Infection,
            onset_on: yesterday,
            severity: Severity::Moderate,
            description: "wound red and warm at the puncture site, 38.2 °C; swab sent".into(),
        };
        // Closed already, for the same reason as `XRAY_IN_DAYS`: `C` and
        // `K` on the admission page record and close one.
        let id = store.write(now - Duration::hours(3), |tx| complications::record(tx, &new))?;
        store.write(now - Duration::hours(1), |tx| {
            complications::close(tx, id, None, "swab negative; wound clean after local care")
        })?;
    }
    if let Some((patient_id, case_id)) = stay_in(store, AdmissionState::ReadyForDischarge, now)? {
        let new = NewComplication {
            patient_id,
            case_id,
            kind: Kind::PersistentPain,
            onset_on: yesterday,
            severity: Severity::Mild,
            description: "pain 5/10 at the access site overnight".into(),
        };
        let id = store.write(now - Duration::hours(5), |tx| complications::record(tx, &new))?;
        store.write(now - Duration::hours(2), |tx| {
            complications::close(tx, id, None, "settled with oral analgesia; pain 1/10 this morning")
        })?;
    }
    // R-HO-1: a hip operated on so that its X-ray check falls due soon.
    let months = ossification::followup_months(store.settings());
    let due = today.checked_add_days(Days::new(XRAY_IN_DAYS)).unwrap_or(today);
    let surgery_day = due.checked_sub_months(Months::new(months)).unwrap_or(due);
    let surgery_at =
        ward_time::at_local(surgery_day, chrono::NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default(), zone);
    let patient = NewPatient {
        surname: "Rousseau".into(),
        first_name: "Gérard".into(),
        birth_date: NaiveDate::from_ymd_opt(1954, 3, 8).unwrap_or(NaiveDate::MIN),
        sex: 'M',
        hospital_number: format!("H{hospital_number}"),
    };
    let given = surgery_at + Duration::hours(20);
    store.write(given.min(now), |tx| {
        let patient_id = patients::register(tx, &patient)?;
        let prophylaxis = Prophylaxis::Radiotherapy { at: given, dose_gy: 7.0 };
        let new = NewFollowUp { patient_id, case_id: None, surgery_at, prophylaxis, timing_reason: None };
        crate::store::ossification::record(tx, &new).map(drop)
    })?;
    Ok(())
}
