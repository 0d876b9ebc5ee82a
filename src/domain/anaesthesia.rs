//! The anaesthesia gate (R-ANES-1..5): consultation (CPA), its outcome, its
//! age, the pre-anaesthesia visit, and the ASA class recorded at the CPA.

use super::case::AnaesthesiaMode;
use super::fasting::duration_of_hours;
use super::settings::Settings;
use super::ward_time;
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// R-ANES-3 (decree 2018-934): the visit must fall within this many hours before the start.
pub const PRE_VISIT_WINDOW_H: i64 = 24;

/// R-ANES-4: ASA physical status I–VI, with E for an emergency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AsaClass {
    level: u8,
    emergency: bool,
}

const ROMAN: [&str; 6] = ["I", "II", "III", "IV", "V", "VI"];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("ward-asa-invalid", text = format!("{:?}", .0)))]
pub struct AsaParseError(pub String);

impl AsaClass {
    /// `level` 1 to 6.
    pub fn new(level: u8, emergency: bool) -> Option<Self> {
        (1..=6).contains(&level).then_some(AsaClass { level, emergency })
    }
}

/// Accepts `III E`, `3E`, `iii-e`, `ASA 2`: the ways it gets typed.
impl FromStr for AsaClass {
    type Err = AsaParseError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let upper = input.trim().to_ascii_uppercase();
        let body = upper.strip_prefix("ASA").unwrap_or(&upper).trim();
        // Roman numerals use only I and V, so a trailing E is always the suffix.
        let (body, emergency) = match body.strip_suffix('E') {
            Some(rest) => (rest.trim_end().trim_end_matches(['-', ' ']), true),
            None => (body, false),
        };
        let level = ROMAN
            .iter()
            .position(|r| *r == body)
            .or_else(|| body.parse::<usize>().ok().and_then(|n| n.checked_sub(1)))
            .and_then(|i| u8::try_from(i + 1).ok());
        level.and_then(|l| AsaClass::new(l, emergency)).ok_or_else(|| AsaParseError(input.to_string()))
    }
}

impl fmt::Display for AsaClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let roman = ROMAN.get(usize::from(self.level).saturating_sub(1)).copied().unwrap_or("?");
        if self.emergency { write!(f, "{roman} E") } else { f.write_str(roman) }
    }
}

/// Stored and sent as its display text (`"III E"`).
impl Serialize for AsaClass {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for AsaClass {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(serde::de::Error::custom)
    }
}

/// R-ANES-5: only `Cleared` lets the case through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CpaOutcome {
    Pending,
    Cleared,
    Refused,
}

impl CpaOutcome {
    pub const ALL: [CpaOutcome; 3] = [CpaOutcome::Pending, CpaOutcome::Cleared, CpaOutcome::Refused];

    pub fn code(self) -> &'static str {
        match self {
            CpaOutcome::Pending => "pending",
            CpaOutcome::Cleared => "cleared",
            CpaOutcome::Refused => "refused",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// The anaesthesia consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cpa {
    pub at: DateTime<Utc>,
    pub outcome: CpaOutcome,
    pub asa: Option<AsaClass>,
    pub notes: Option<String>,
}

/// What the gate needs to know about one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnaesthesiaFacts {
    pub mode: AnaesthesiaMode,
    pub cpa: Option<Cpa>,
    pub pre_visit_at: Option<DateTime<Utc>>,
}

/// One thing the gate found, with a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Issue {
    /// R-ANES-1: blocks confirmation.
    NoCpa,
    /// R-ANES-5.
    CpaPending,
    /// R-ANES-5.
    CpaRefused,
    /// R-ANES-1: fewer than `anes.cpa_min_delay_h` hours before the start.
    CpaLate { hours_before: i64 },
    /// R-ANES-2: more than `anes.cpa_validity_days` ward days before the start.
    CpaExpired { days_before: i64 },
    /// R-ANES-3: checked on J0 only.
    NoPreVisit,
}

impl Issue {
    pub fn code(self) -> &'static str {
        match self {
            Issue::NoCpa => "no_cpa",
            Issue::CpaPending => "cpa_pending",
            Issue::CpaRefused => "cpa_refused",
            Issue::CpaLate { .. } => "cpa_late",
            Issue::CpaExpired { .. } => "cpa_expired",
            Issue::NoPreVisit => "no_pre_visit",
        }
    }

    pub fn rule(self) -> &'static str {
        match self {
            Issue::NoCpa | Issue::CpaLate { .. } => "R-ANES-1",
            Issue::CpaExpired { .. } => "R-ANES-2",
            Issue::NoPreVisit => "R-ANES-3",
            Issue::CpaPending | Issue::CpaRefused => "R-ANES-5",
        }
    }

    pub fn label(self) -> std::borrow::Cow<'static, str> {
        match self {
            Issue::NoCpa => tr!("ward-issue-no-cpa"),
            Issue::CpaPending => tr!("ward-issue-cpa-pending"),
            Issue::CpaRefused => tr!("ward-issue-cpa-refused"),
            Issue::CpaLate { .. } => tr!("ward-issue-cpa-late"),
            Issue::CpaExpired { .. } => tr!("ward-issue-cpa-expired"),
            Issue::NoPreVisit => tr!("ward-issue-no-pre-visit"),
        }
    }

    /// The gate is closed: the case is not ready until this is resolved.
    pub fn is_blocking(self) -> bool {
        matches!(self, Issue::NoCpa | Issue::CpaPending | Issue::CpaRefused)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub issue: Issue,
    /// The detail for the screen, citing the setting behind any number.
    pub detail: String,
}

/// The gate for one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "gate", rename_all = "snake_case")]
pub enum Gate {
    Clear,
    Warnings { warnings: Vec<Finding> },
    Blocked { blocking: Vec<Finding>, warnings: Vec<Finding> },
}

impl Gate {
    pub fn findings(&self) -> Vec<&Finding> {
        match self {
            Gate::Clear => Vec::new(),
            Gate::Warnings { warnings } => warnings.iter().collect(),
            Gate::Blocked { blocking, warnings } => blocking.iter().chain(warnings).collect(),
        }
    }
}

/// R-ANES-1, 2, 3, 5: the anaesthesia gate for a case starting at `start`, seen at `now`.
/// A local-only case needs no anaesthetist and always passes.
pub fn gate(facts: &AnaesthesiaFacts, start: DateTime<Utc>, now: DateTime<Utc>, settings: &Settings) -> Gate {
    if !facts.mode.needs_anaesthetist() {
        return Gate::Clear;
    }
    let zone = settings.zone();
    let mut found = Vec::new();
    let mut push = |issue, detail: String| found.push(Finding { issue, detail });
    match &facts.cpa {
        None => push(Issue::NoCpa, tr!("ward-cpa-none", mode = facts.mode.code()).into_owned()),
        Some(cpa) => {
            let notes = cpa.notes.as_deref().map(str::trim).filter(|n| !n.is_empty());
            match cpa.outcome {
                CpaOutcome::Cleared => {}
                CpaOutcome::Pending => push(Issue::CpaPending, tr!("ward-cpa-only-cleared").into_owned()),
                CpaOutcome::Refused => {
                    push(
                        Issue::CpaRefused,
                        notes.map_or_else(|| tr!("ward-cpa-no-notes").into_owned(), str::to_string),
                    );
                }
            }
            let min_delay = duration_of_hours(settings.number("anes.cpa_min_delay_h"));
            let ahead = start - cpa.at;
            if ahead < min_delay {
                let hours_before = ahead.num_hours();
                let detail =
                    tr!("ward-cpa-hours-before", hours = hours_before, rule = settings.cite("anes.cpa_min_delay_h"))
                        .into_owned();
                push(Issue::CpaLate { hours_before }, detail);
            }
            let days_before = (ward_time::local_day(start, zone) - ward_time::local_day(cpa.at, zone)).num_days();
            if days_before > settings.integer("anes.cpa_validity_days") {
                let detail =
                    tr!("ward-cpa-days-before", days = days_before, rule = settings.cite("anes.cpa_validity_days"))
                        .into_owned();
                push(Issue::CpaExpired { days_before }, detail);
            }
        }
    }
    // R-ANES-3: flagged on the J0 board only; earlier, the visit is simply not due yet.
    let window_open = start.checked_sub_signed(TimeDelta::hours(PRE_VISIT_WINDOW_H)).unwrap_or(start);
    let visited = facts.pre_visit_at.is_some_and(|v| v >= window_open && v <= start);
    if !visited && ward_time::local_day(now, zone) == ward_time::local_day(start, zone) {
        push(Issue::NoPreVisit, tr!("ward-pre-visit-none", hours = PRE_VISIT_WINDOW_H).into_owned());
    }
    let (blocking, warnings): (Vec<_>, Vec<_>) = found.into_iter().partition(|f| f.issue.is_blocking());
    match (blocking.is_empty(), warnings.is_empty()) {
        (true, true) => Gate::Clear,
        (true, false) => Gate::Warnings { warnings },
        (false, _) => Gate::Blocked { blocking, warnings },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Paris;
    use proptest::prelude::*;

    fn paris(m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Paris.with_ymd_and_hms(2026, m, d, h, 0, 0).single().unwrap().with_timezone(&Utc)
    }

    fn facts(mode: AnaesthesiaMode, cpa_at: Option<DateTime<Utc>>, outcome: CpaOutcome) -> AnaesthesiaFacts {
        AnaesthesiaFacts {
            mode,
            cpa: cpa_at.map(|at| Cpa { at, outcome, asa: AsaClass::new(2, false), notes: None }),
            pre_visit_at: Some(paris(11, 22, 18)),
        }
    }

    fn codes(gate: &Gate) -> Vec<&'static str> {
        gate.findings().iter().map(|f| f.issue.code()).collect()
    }

    fn start() -> DateTime<Utc> {
        paris(11, 23, 8)
    }

    fn now() -> DateTime<Utc> {
        paris(11, 20, 9)
    }

    /// R-ANES-1
    #[test]
    fn r_anes_1_no_cpa_blocks_unless_local_only() {
        let s = Settings::default();
        let g = gate(&facts(AnaesthesiaMode::General, None, CpaOutcome::Cleared), start(), now(), &s);
        assert!(matches!(&g, Gate::Blocked { blocking, .. } if blocking[0].issue == Issue::NoCpa), "{g:?}");
        let local = facts(AnaesthesiaMode::LocalOnly, None, CpaOutcome::Cleared);
        assert_eq!(gate(&local, start(), now(), &s), Gate::Clear);
    }

    /// R-ANES-1
    #[test]
    fn r_anes_1_cpa_less_than_48_h_before_warns() {
        let s = Settings::default();
        let f = facts(AnaesthesiaMode::SedationLocal, Some(paris(11, 21, 14)), CpaOutcome::Cleared);
        let g = gate(&f, start(), now(), &s);
        let Gate::Warnings { warnings } = &g else { panic!("{g:?}") };
        assert_eq!(warnings[0].issue, Issue::CpaLate { hours_before: 42 });
        assert!(warnings[0].detail.starts_with("42 h before (anes.cpa_min_delay_h=48 h"), "{}", warnings[0].detail);
        let on_time = facts(AnaesthesiaMode::SedationLocal, Some(paris(11, 21, 8)), CpaOutcome::Cleared);
        assert_eq!(gate(&on_time, start(), now(), &s), Gate::Clear);
    }

    /// R-ANES-2
    #[test]
    fn r_anes_2_cpa_older_than_validity_is_flagged() {
        let s = Settings::default();
        // 24 Sep to 23 Nov is 60 ward days: still valid; one day more is not.
        let valid = facts(AnaesthesiaMode::General, Some(paris(9, 24, 10)), CpaOutcome::Cleared);
        assert_eq!(gate(&valid, start(), now(), &s), Gate::Clear);
        let old = facts(AnaesthesiaMode::General, Some(paris(9, 23, 10)), CpaOutcome::Cleared);
        assert_eq!(codes(&gate(&old, start(), now(), &s)), ["cpa_expired"]);
    }

    /// R-ANES-3
    #[test]
    fn r_anes_3_pre_visit_flagged_on_j0_only() {
        let s = Settings::default();
        let mut f = facts(AnaesthesiaMode::Regional, Some(paris(11, 2, 10)), CpaOutcome::Cleared);
        f.pre_visit_at = Some(paris(11, 22, 7)); // 25 h before: too early
        assert_eq!(gate(&f, start(), now(), &s), Gate::Clear);
        let g = gate(&f, start(), paris(11, 23, 6), &s);
        assert_eq!(codes(&g), ["no_pre_visit"]);
        assert_eq!(g.findings()[0].issue.rule(), "R-ANES-3");
        f.pre_visit_at = Some(paris(11, 22, 8));
        assert_eq!(gate(&f, start(), paris(11, 23, 6), &s), Gate::Clear);
    }

    /// R-ANES-3: a visit exactly at the start, or exactly 24 h before, counts.
    #[test]
    fn r_anes_3_a_visit_exactly_at_either_end_of_the_window_counts() {
        let s = Settings::default();
        let mut f = facts(AnaesthesiaMode::General, Some(paris(11, 2, 10)), CpaOutcome::Cleared);
        for visit in [start(), paris(11, 22, 8)] {
            f.pre_visit_at = Some(visit);
            assert_eq!(gate(&f, start(), paris(11, 23, 7), &s), Gate::Clear, "{visit}");
        }
        f.pre_visit_at = Some(start() + TimeDelta::minutes(1));
        assert_eq!(codes(&gate(&f, start(), paris(11, 23, 7), &s)), ["no_pre_visit"]);
    }

    /// R-ANES-3, R-ANES-2: "the procedure day" and the CPA's age are ward
    /// days, not UTC days: 23:30 UTC on 22/11 is already J0 in Paris.
    #[test]
    fn r_anes_3_and_r_anes_2_count_ward_days_not_utc_days() {
        use chrono::TimeZone;
        let s = Settings::default();
        let mut f = facts(AnaesthesiaMode::General, Some(paris(11, 2, 10)), CpaOutcome::Cleared);
        f.pre_visit_at = None;
        let after_local_midnight = Utc.with_ymd_and_hms(2026, 11, 22, 23, 30, 0).unwrap();
        assert_eq!(codes(&gate(&f, start(), after_local_midnight, &s)), ["no_pre_visit"]);
        let before_local_midnight = Utc.with_ymd_and_hms(2026, 11, 22, 22, 30, 0).unwrap();
        assert_eq!(gate(&f, start(), before_local_midnight, &s), Gate::Clear);
        // 00:30 in Paris on 24/09 is 22:30 UTC on 23/09: 60 ward days before 23/11, still valid.
        f.pre_visit_at = Some(paris(11, 22, 18));
        f.cpa = Some(Cpa {
            at: Utc.with_ymd_and_hms(2026, 9, 23, 22, 30, 0).unwrap(),
            outcome: CpaOutcome::Cleared,
            asa: None,
            notes: None,
        });
        assert_eq!(gate(&f, start(), now(), &s), Gate::Clear);
    }

    /// R-ANES-5
    #[test]
    fn r_anes_5_only_cleared_passes() {
        let s = Settings::default();
        let mut f = facts(AnaesthesiaMode::General, Some(paris(11, 2, 10)), CpaOutcome::Pending);
        assert_eq!(codes(&gate(&f, start(), now(), &s)), ["cpa_pending"]);
        f.cpa = f.cpa.map(|c| Cpa { outcome: CpaOutcome::Refused, notes: Some("unstable angina".into()), ..c });
        let g = gate(&f, start(), now(), &s);
        assert!(matches!(&g, Gate::Blocked { blocking, .. } if blocking[0].detail == "unstable angina"), "{g:?}");
        for o in CpaOutcome::ALL {
            assert_eq!(CpaOutcome::from_code(o.code()), Some(o));
        }
    }

    /// R-ANES-4
    #[test]
    fn r_anes_4_asa_class_parses_the_usual_spellings() {
        let parse = |s: &str| s.parse::<AsaClass>().map(|a| a.to_string());
        assert_eq!(parse("III E").as_deref(), Ok("III E"));
        assert_eq!(parse("3E").as_deref(), Ok("III E"));
        assert_eq!(parse(" asa iv-e ").as_deref(), Ok("IV E"));
        assert_eq!(parse("ASA 2").as_deref(), Ok("II"));
        assert_eq!(parse("VI").as_deref(), Ok("VI"));
        for bad in ["", "E", "0", "7", "VII", "IIII", "3EE", "-1", "18446744073709551617"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let err = "7".parse::<AsaClass>().unwrap_err().to_string();
        assert!(err.starts_with("ASA class must be I to VI"), "{err}");
        assert_eq!(AsaClass::new(0, false), None);
    }

    proptest! {
        /// R-ANES-4
        #[test]
        fn r_anes_4_asa_class_round_trips(level in 1u8..=6, emergency in any::<bool>()) {
            let asa = AsaClass::new(level, emergency).unwrap();
            prop_assert_eq!(asa.to_string().parse::<AsaClass>(), Ok(asa));
            prop_assert_eq!(format!("{level}{}", if emergency { "e" } else { "" }).parse::<AsaClass>(), Ok(asa));
        }

        /// R-ANES-4
        #[test]
        fn r_anes_4_asa_parse_never_panics(input in "\\PC{0,12}") {
            let _ = input.parse::<AsaClass>();
        }

        #[test]
        fn gate_never_panics(start in any::<i64>(), cpa in any::<i64>(), visit in any::<i64>(), now in any::<i64>()) {
            let t = |s: i64| DateTime::<Utc>::from_timestamp(s % 8_000_000_000_000, 0).unwrap_or_default();
            let mut f = facts(AnaesthesiaMode::General, Some(t(cpa)), CpaOutcome::Cleared);
            f.pre_visit_at = Some(t(visit));
            let _ = gate(&f, t(start), t(now), &Settings::default());
        }
    }
}

/// Issue 14: the anaesthesia worklist's findings in French, none left in English.
#[cfg(test)]
mod french_labels {
    use super::*;

    use crate::i18n::in_both as both;

    #[test]
    fn every_label_is_said_in_french() {
        for (en, fr) in [[
            Issue::NoCpa,
            Issue::CpaPending,
            Issue::CpaRefused,
            Issue::CpaLate { hours_before: 2 },
            Issue::CpaExpired { days_before: 90 },
            Issue::NoPreVisit,
        ]
        .map(|i| both(|| i.label().into_owned()))
        .to_vec()]
        .into_iter()
        .flatten()
        {
            assert!(!fr.is_empty() && !fr.contains("ward-"), "{en}: {fr:?}");
            assert_ne!(en, fr, "{en} is the same in French");
        }
    }
}
