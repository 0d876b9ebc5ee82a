//! Changing the block schedule: the freeze window (R-BLOCK-4) and the
//! reasons a case is cancelled or postponed (R-BLOCK-5).

use super::settings::{self, Settings};
use super::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// R-BLOCK-4: the instant the list of `procedure_day` freezes:
/// `block.freeze_time` (14:00 by default) on J-1, in the ward's zone.
pub fn freezes_at(procedure_day: NaiveDate, settings: &Settings) -> DateTime<Utc> {
    let j_minus_1 = procedure_day.pred_opt().unwrap_or(procedure_day);
    ward_time::at_local(j_minus_1, settings.time(settings::FREEZE_TIME), settings.zone())
}

/// R-BLOCK-4: whether a change to the list of `procedure_day` made at `now`
/// needs an override with a reason: from the freeze time on J-1 until the
/// day begins. On J0 itself the list is run, not planned: a late start or an
/// added emergency is recorded on the J0 timeline (R-BLOCK-6), and the
/// conflict check still guards every change.
pub fn frozen(procedure_day: NaiveDate, now: DateTime<Utc>, settings: &Settings) -> bool {
    let (day_begins, _) = ward_time::day_bounds(procedure_day, settings.zone());
    freezes_at(procedure_day, settings) <= now && now < day_begins
}

/// R-BLOCK-5: why a case is cancelled or postponed (the list DOMAIN.md gives).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CancelReason {
    NotFasted,
    NotReady,
    NoBed,
    DeviceMissing,
    PatientDeclined,
    Medical,
    Other,
}

impl CancelReason {
    pub const ALL: [CancelReason; 7] = [
        CancelReason::NotFasted,
        CancelReason::NotReady,
        CancelReason::NoBed,
        CancelReason::DeviceMissing,
        CancelReason::PatientDeclined,
        CancelReason::Medical,
        CancelReason::Other,
    ];

    /// The stored code (and the JSON's).
    pub fn code(self) -> &'static str {
        match self {
            CancelReason::NotFasted => "not_fasted",
            CancelReason::NotReady => "not_ready",
            CancelReason::NoBed => "no_bed",
            CancelReason::DeviceMissing => "device_missing",
            CancelReason::PatientDeclined => "patient_declined",
            CancelReason::Medical => "medical",
            CancelReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Words for the picker and the counts, in the language in force.
    pub fn words(self) -> std::borrow::Cow<'static, str> {
        match self {
            CancelReason::NotFasted => tr!("block-reason-not-fasted"),
            CancelReason::NotReady => tr!("block-reason-not-ready"),
            CancelReason::NoBed => tr!("block-reason-no-bed"),
            CancelReason::DeviceMissing => tr!("block-reason-device-missing"),
            CancelReason::PatientDeclined => tr!("block-reason-patient-declined"),
            CancelReason::Medical => tr!("block-reason-medical"),
            CancelReason::Other => tr!("block-reason-other"),
        }
    }
}

/// Cancelled for good, or postponed to be booked again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallOff {
    Cancelled,
    Postponed,
}

impl CallOff {
    pub fn code(self) -> &'static str {
        match self {
            CallOff::Cancelled => "cancelled",
            CallOff::Postponed => "postponed",
        }
    }

    /// The word a user reads (`cancelled`, `annulé`).
    pub fn label(self) -> std::borrow::Cow<'static, str> {
        match self {
            CallOff::Cancelled => tr!("block-call-off-cancelled"),
            CallOff::Postponed => tr!("block-call-off-postponed"),
        }
    }

    /// The stay's step that goes with it (R-PATH-2).
    pub fn step(self) -> super::pathway::Step {
        match self {
            CallOff::Cancelled => super::pathway::Step::Cancel,
            CallOff::Postponed => super::pathway::Step::Postpone,
        }
    }
}

/// R-BLOCK-5: how many cases of a list were called off, of one kind, for one reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CallOffCount {
    pub kind: CallOff,
    pub reason: CancelReason,
    pub count: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn paris(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap().with_timezone(&Utc)
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    /// R-BLOCK-4: tomorrow's list is open until 14:00 today, frozen from then
    /// until midnight; today's list is run on the J0 timeline, not frozen; the
    /// day after tomorrow is open.
    #[test]
    fn r_block_4_the_next_days_list_freezes_at_14_00_on_j_minus_1() {
        let s = Settings::default();
        assert!(!frozen(day(24), paris(23, 13, 59), &s));
        assert!(frozen(day(24), paris(23, 14, 0), &s));
        assert!(frozen(day(24), paris(23, 18, 30), &s));
        assert!(frozen(day(24), paris(23, 23, 59), &s));
        assert!(!frozen(day(24), paris(24, 0, 0), &s), "J0: the timeline's");
        assert!(!frozen(day(23), paris(23, 8, 0), &s), "today's list");
        assert!(!frozen(day(25), paris(23, 18, 30), &s));
        assert_eq!(freezes_at(day(24), &s), paris(23, 14, 0));
    }

    /// R-BLOCK-4: the freeze time is the site's setting, in the ward's zone
    /// (across the autumn clock change too).
    #[test]
    fn r_block_4_freeze_time_is_a_setting() {
        let (s, errors) = Settings::from_pairs([("block.freeze_time".to_string(), "12:00".to_string())]);
        assert!(errors.is_empty());
        assert!(frozen(day(24), paris(23, 12, 0), &s));
        assert!(!frozen(day(24), paris(23, 11, 59), &s));
        let oct = |d, h| chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 10, d, h, 0, 0).unwrap().with_timezone(&Utc);
        let last_sunday = NaiveDate::from_ymd_opt(2026, 10, 26).unwrap();
        assert_eq!(freezes_at(last_sunday, &s), oct(25, 12));
    }

    /// R-BLOCK-5: the reasons are the list DOMAIN.md gives, and codes round-trip.
    #[test]
    fn r_block_5_cancel_reasons_are_a_fixed_list() {
        for r in CancelReason::ALL {
            assert_eq!(CancelReason::from_code(r.code()), Some(r));
        }
        assert_eq!(CancelReason::from_code("bored"), None);
        assert_eq!(CancelReason::ALL.len(), 7);
    }

    /// Issue 14: the reasons and the kinds of call-off in French.
    #[test]
    fn reasons_and_call_offs_are_french_in_french() {
        use crate::domain::language::Language;
        let english: Vec<String> = CancelReason::ALL.iter().map(|r| r.words().into_owned()).collect();
        let kinds = [CallOff::Cancelled, CallOff::Postponed];
        let english_kinds: Vec<String> = kinds.iter().map(|k| k.label().into_owned()).collect();
        let _french = crate::i18n::scope(Language::Fr);
        for (r, en) in CancelReason::ALL.iter().zip(&english) {
            assert!(!r.words().is_empty() && r.words() != *en, "{r:?}");
        }
        for (k, en) in kinds.iter().zip(&english_kinds) {
            assert!(!k.label().is_empty() && k.label() != *en, "{k:?}");
        }
    }
}
