//! Beds (R-PATH-4): a bed is reserved for the J-1 admission and freed only
//! when the patient has actually left and the bed was cleaned.
//!
//! The file stores a bed's physical state (free, occupied, to clean, closed).
//! "Reserved" is derived: a free bed that a planned admission holds for the
//! night, so it cannot drift from the admissions.

use super::pathway::AdmissionState;
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::borrow::Cow;

/// R-PATH-4: what the bed physically is, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BedState {
    Free,
    Occupied,
    ToClean,
    Closed,
}

impl BedState {
    pub const ALL: [BedState; 4] = [BedState::Free, BedState::Occupied, BedState::ToClean, BedState::Closed];

    pub fn code(self) -> &'static str {
        match self {
            BedState::Free => "free",
            BedState::Occupied => "occupied",
            BedState::ToClean => "to_clean",
            BedState::Closed => "closed",
        }
    }

    /// The state in words, for sentences: `to clean`.
    pub fn words(self) -> std::borrow::Cow<'static, str> {
        match self {
            BedState::Free => tr!("ward-bed-state-free"),
            BedState::Occupied => tr!("ward-bed-state-occupied"),
            BedState::ToClean => tr!("ward-bed-state-to-clean"),
            BedState::Closed => tr!("ward-bed-state-closed"),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// R-PATH-4: the five states the bed board shows; `Reserved` is derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BedStatus {
    Free,
    Reserved,
    Occupied,
    ToClean,
    Closed,
}

impl BedStatus {
    pub fn code(self) -> &'static str {
        match self {
            BedStatus::Free => "free",
            BedStatus::Reserved => "reserved",
            BedStatus::Occupied => "occupied",
            BedStatus::ToClean => "to_clean",
            BedStatus::Closed => "closed",
        }
    }

    /// With a glyph, so status never rests on colour alone.
    pub fn label(self) -> std::borrow::Cow<'static, str> {
        match self {
            BedStatus::Free => tr!("ward-bed-free"),
            BedStatus::Reserved => tr!("ward-bed-reserved"),
            BedStatus::Occupied => tr!("ward-bed-occupied"),
            BedStatus::ToClean => tr!("ward-bed-to-clean"),
            BedStatus::Closed => tr!("ward-bed-closed"),
        }
    }

    /// The status in words, without its glyph (the text commands' columns).
    pub fn words(self) -> std::borrow::Cow<'static, str> {
        match self {
            BedStatus::Free => tr!("ward-bed-free.words"),
            BedStatus::Reserved => tr!("ward-bed-reserved.words"),
            BedStatus::Occupied => tr!("ward-bed-occupied.words"),
            BedStatus::ToClean => tr!("ward-bed-to-clean.words"),
            BedStatus::Closed => tr!("ward-bed-closed.words"),
        }
    }
}

/// R-PATH-4: the status shown for a night: a free bed held by a planned
/// admission is reserved; anything else is what the bed physically is.
pub fn status(physical: BedState, held_by_planned_arrival: bool) -> BedStatus {
    match physical {
        BedState::Free if held_by_planned_arrival => BedStatus::Reserved,
        BedState::Free => BedStatus::Free,
        BedState::Occupied => BedStatus::Occupied,
        BedState::ToClean => BedStatus::ToClean,
        BedState::Closed => BedStatus::Closed,
    }
}

/// What a member of staff does to a bed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BedAction {
    /// The bed was cleaned after the patient left.
    Cleaned,
    /// Out of use (repair, isolation).
    Close,
    /// Back in use.
    Reopen,
}

impl BedAction {
    pub fn verb(self) -> std::borrow::Cow<'static, str> {
        match self {
            BedAction::Cleaned => tr!("ward-bed-verb-cleaned"),
            BedAction::Close => tr!("ward-bed-verb-close"),
            BedAction::Reopen => tr!("ward-bed-verb-reopen"),
        }
    }
}

/// Why a bed cannot take a change, with what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("ward-bed-refused", what = what.clone(), state = from.words(), hint = hint.as_str()))]
pub struct BedRefused {
    pub what: std::borrow::Cow<'static, str>,
    pub from: BedState,
    pub hint: String,
}

/// R-PATH-4: a staff action on a bed. `reserved_for` is the planned admission
/// holding the bed, if any: a reserved bed cannot be closed under it.
pub fn apply(from: BedState, action: BedAction, reserved_for: Option<i64>) -> Result<BedState, BedRefused> {
    use BedAction as A;
    use BedState as S;
    let refuse = |hint: Cow<'static, str>| BedRefused { what: action.verb(), from, hint: hint.into_owned() };
    match (from, action) {
        (S::ToClean, A::Cleaned) => Ok(S::Free),
        (S::Free, A::Close) => match reserved_for {
            Some(_) => Err(refuse(tr!("ward-bed-hint-reserved"))),
            None => Ok(S::Closed),
        },
        (S::Closed, A::Reopen) => Ok(S::Free),
        (S::Occupied, A::Close) => Err(refuse(tr!("ward-bed-hint-occupied-close"))),
        (S::ToClean, A::Close) => Err(refuse(tr!("ward-bed-hint-clean-first"))),
        (S::Free, A::Cleaned) => Err(refuse(tr!("ward-bed-hint-already-clean"))),
        (S::Occupied, A::Cleaned) => Err(refuse(tr!("ward-bed-hint-occupied-clean"))),
        (S::Closed, A::Cleaned | A::Close) => Err(refuse(tr!("ward-bed-hint-reopen-first"))),
        (_, A::Reopen) => Err(refuse(tr!("ward-bed-hint-only-closed"))),
    }
}

/// R-PATH-4: the patient arrives in the bed. Only a free bed takes a patient
/// (a bed still occupied by this very patient is accepted as it is).
pub fn arrive(from: BedState) -> Result<BedState, BedRefused> {
    let refuse =
        |hint: Cow<'static, str>| BedRefused { what: tr!("ward-bed-verb-admit"), from, hint: hint.into_owned() };
    match from {
        BedState::Free | BedState::Occupied => Ok(BedState::Occupied),
        BedState::ToClean => Err(refuse(tr!("ward-bed-hint-clean-or-another"))),
        BedState::Closed => Err(refuse(tr!("ward-bed-hint-reopen-or-another"))),
    }
}

/// R-PATH-4: the patient has actually left: the bed is to clean (a closed bed stays closed).
pub fn leave(from: BedState) -> BedState {
    match from {
        BedState::Closed => BedState::Closed,
        _ => BedState::ToClean,
    }
}

/// An admission recorded by mistake is undone: the patient never slept there,
/// so an occupied bed goes back to free.
pub fn arrival_undone(from: BedState) -> BedState {
    match from {
        BedState::Occupied => BedState::Free,
        other => other,
    }
}

/// A departure recorded by mistake is undone: the patient is back in their
/// own bed, cleaned since or not; a bed closed meanwhile cannot take them.
pub fn departure_undone(from: BedState) -> Result<BedState, BedRefused> {
    match from {
        BedState::Free | BedState::ToClean | BedState::Occupied => Ok(BedState::Occupied),
        BedState::Closed => Err(BedRefused {
            what: tr!("ward-bed-verb-back"),
            from,
            hint: tr!("ward-bed-hint-reopen-or-another").into_owned(),
        }),
    }
}

/// R-PATH-4: the nights `[first, end)` an admission holds its bed, as seen on
/// the ward day `today`; `None` once it holds none (left, cancelled, postponed).
///
/// A planned stay holds the nights of its plan. A patient still on the ward
/// past the planned day (or prolonged) holds tonight too: the bed is freed
/// only when the patient has actually left.
pub fn held_nights(
    state: AdmissionState,
    planned_admit_on: NaiveDate,
    planned_discharge_on: NaiveDate,
    today: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    use AdmissionState as S;
    match state {
        S::Discharged | S::Cancelled | S::Postponed => None,
        S::Planned => Some((planned_admit_on, planned_discharge_on)),
        S::Admitted | S::ProcedureDone | S::ReadyForDischarge | S::Prolonged => {
            let staying = planned_discharge_on < today || state == S::Prolonged;
            let end = if staying {
                planned_discharge_on.max(today.checked_add_days(Days::new(1)).unwrap_or(today))
            } else {
                planned_discharge_on
            };
            Some((planned_admit_on, end))
        }
    }
}

/// R-PATH-4: the nights `[first, end)` an admission occupied or holds: for
/// a patient who has left, `stayed` (the ward days of arrival and
/// departure; none if both are the same day); otherwise what it holds on
/// `today` ([`held_nights`]).
pub fn occupied_nights(
    state: AdmissionState,
    planned_admit_on: NaiveDate,
    planned_discharge_on: NaiveDate,
    stayed: Option<(NaiveDate, NaiveDate)>,
    today: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    match (state, stayed) {
        // Arrived and left the same day: no night spent in the bed.
        (AdmissionState::Discharged, Some((first, end))) => (end > first).then_some((first, end)),
        _ => held_nights(state, planned_admit_on, planned_discharge_on, today),
    }
}

/// One bed's nights, as [`bed_overlaps`] reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BedNights {
    pub bed_id: i64,
    pub admission_id: i64,
    pub nights: (NaiveDate, NaiveDate),
}

/// R-PATH-4: every pair of admissions on the same bed for at least one common
/// night, with the first night they share. Sorted by bed, then night.
pub fn bed_overlaps(stays: &[BedNights]) -> Vec<(BedNights, BedNights, NaiveDate)> {
    let mut sorted = stays.to_vec();
    sorted.sort_by_key(|s| (s.bed_id, s.nights.0, s.admission_id));
    let mut out = Vec::new();
    for (i, a) in sorted.iter().enumerate() {
        for b in sorted[i + 1..].iter().take_while(|b| b.bed_id == a.bed_id) {
            if b.nights.0 >= a.nights.1.max(a.nights.0.succ_opt().unwrap_or(a.nights.0)) {
                break;
            }
            if nights_overlap(a.nights, b.nights) {
                out.push((*a, *b, b.nights.0.max(a.nights.0)));
            }
        }
    }
    out
}

/// Two spans of nights `[first, end)` share at least one night. A stay that
/// leaves on the day another arrives does not overlap it.
pub fn nights_overlap(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> bool {
    let nonempty = |(first, end): (NaiveDate, NaiveDate)| (first, end.max(first.succ_opt().unwrap_or(first)));
    let (a, b) = (nonempty(a), nonempty(b));
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use AdmissionState as A;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    /// R-PATH-4
    #[test]
    fn r_path_4_reserved_is_a_free_bed_held_by_a_planned_arrival() {
        assert_eq!(status(BedState::Free, true), BedStatus::Reserved);
        assert_eq!(status(BedState::Free, false), BedStatus::Free);
        assert_eq!(status(BedState::ToClean, true), BedStatus::ToClean);
        assert_eq!(status(BedState::Closed, false).label(), "✗ closed");
        for s in BedState::ALL {
            assert_eq!(BedState::from_code(s.code()), Some(s));
        }
    }

    /// R-PATH-4
    #[test]
    fn r_path_4_bed_transitions() {
        use BedAction as Act;
        use BedState as S;
        assert_eq!(apply(S::ToClean, Act::Cleaned, None), Ok(S::Free));
        assert_eq!(apply(S::Free, Act::Close, None), Ok(S::Closed));
        assert_eq!(apply(S::Closed, Act::Reopen, None), Ok(S::Free));
        let err = apply(S::Occupied, Act::Close, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot close a bed that is occupied: a patient is in it; move or discharge the patient first (R-PATH-4)"
        );
        let err = apply(S::Free, Act::Close, Some(12)).unwrap_err();
        assert!(err.to_string().contains("reserved for another stay"), "{err}");
        assert!(apply(S::Occupied, Act::Cleaned, None).is_err());
        assert!(apply(S::Free, Act::Reopen, None).is_err());
    }

    /// R-PATH-4
    #[test]
    fn r_path_4_freed_only_after_leaving_and_cleaning() {
        assert_eq!(arrive(BedState::Free), Ok(BedState::Occupied));
        assert!(arrive(BedState::ToClean).unwrap_err().to_string().contains("mark it cleaned first"));
        assert!(arrive(BedState::Closed).is_err());
        assert_eq!(leave(BedState::Occupied), BedState::ToClean);
        assert_eq!(arrival_undone(BedState::Occupied), BedState::Free);
        assert_eq!(departure_undone(BedState::ToClean), Ok(BedState::Occupied));
        assert!(departure_undone(BedState::Closed).is_err());
    }

    /// R-PATH-4
    #[test]
    fn r_path_4_held_nights_follow_the_plan_until_the_patient_overstays() {
        assert_eq!(held_nights(A::Planned, d(22), d(24), d(20)), Some((d(22), d(24))));
        assert_eq!(held_nights(A::Admitted, d(22), d(24), d(23)), Some((d(22), d(24))));
        // Leaving today: tonight is free for the next arrival.
        assert_eq!(held_nights(A::ReadyForDischarge, d(20), d(22), d(22)), Some((d(20), d(22))));
        // Still here after the planned day, or prolonged: holds tonight.
        assert_eq!(held_nights(A::ProcedureDone, d(19), d(21), d(22)), Some((d(19), d(23))));
        assert_eq!(held_nights(A::Prolonged, d(20), d(22), d(22)), Some((d(20), d(23))));
        assert_eq!(held_nights(A::Discharged, d(20), d(22), d(21)), None);
        assert_eq!(held_nights(A::Cancelled, d(20), d(22), d(19)), None);
    }

    #[test]
    fn r_path_4_a_departure_day_is_the_next_arrival_night() {
        assert!(!nights_overlap((d(21), d(23)), (d(23), d(25))));
        assert!(nights_overlap((d(21), d(23)), (d(22), d(24))));
        assert!(nights_overlap((d(22), d(22)), (d(22), d(23))));
    }

    /// R-PATH-4: two patients in one bed on the same night are found; a
    /// departure on the day of the next arrival is not an overlap.
    #[test]
    fn r_path_4_two_stays_on_one_bed_the_same_night_overlap() {
        let n = |bed_id, admission_id, a, b| BedNights { bed_id, admission_id, nights: (d(a), d(b)) };
        let stays = [n(7, 1, 20, 22), n(7, 2, 21, 23), n(7, 3, 23, 24), n(8, 4, 21, 23)];
        let found: Vec<_> =
            bed_overlaps(&stays).iter().map(|(a, b, night)| (a.admission_id, b.admission_id, *night)).collect();
        assert_eq!(found, [(1, 2, d(21))]);
        // A discharged stay occupied the nights it stayed, not its plan.
        assert_eq!(occupied_nights(A::Discharged, d(20), d(22), Some((d(20), d(23))), d(25)), Some((d(20), d(23))));
        assert_eq!(occupied_nights(A::Discharged, d(20), d(22), None, d(25)), None);
        assert_eq!(occupied_nights(A::Discharged, d(20), d(22), Some((d(21), d(21))), d(25)), None);
        assert_eq!(occupied_nights(A::Planned, d(26), d(28), None, d(25)), Some((d(26), d(28))));
    }
}

/// Issue 14: a bed's states and actions in French, none left in English.
#[cfg(test)]
mod french_labels {
    use super::*;

    use crate::i18n::in_both as both;

    #[test]
    fn every_label_is_said_in_french() {
        for (en, fr) in [
            [BedStatus::Free, BedStatus::Reserved, BedStatus::Occupied, BedStatus::ToClean, BedStatus::Closed]
                .map(|s| both(|| s.label().into_owned()))
                .to_vec(),
            BedState::ALL.map(|s| both(|| s.words().into_owned())).to_vec(),
            [BedAction::Cleaned, BedAction::Close, BedAction::Reopen].map(|a| both(|| a.verb().into_owned())).to_vec(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(!fr.is_empty() && !fr.contains("ward-"), "{en}: {fr:?}");
            assert_ne!(en, fr, "{en} is the same in French");
        }
    }
}
