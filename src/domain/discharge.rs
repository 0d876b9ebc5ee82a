//! Going home (R-DISCH-1) and the call the day after (R-DISCH-2).

use super::attention::{Alert, Severity, Subject};
use super::day_label;
use super::ward_time;
use super::worded::worded;
use chrono::{DateTime, Days, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// R-DISCH-1: the PADSS total needed to go home (Chung's Post-Anaesthetic Discharge Scoring System).
pub const PADSS_MIN: u8 = 9;

/// R-DISCH-1: the work stop after a percutaneous osteosynthesis (source hospital pathway).
pub const WORK_STOP_H: i64 = 48;

/// R-DISCH-1: five items, each scored 0 to 2. Fields are private so a score
/// out of range cannot exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Padss {
    vital_signs: u8,
    activity_mental_state: u8,
    pain_nausea_vomiting: u8,
    surgical_bleeding: u8,
    intake_output: u8,
}

worded! {
    /// R-DISCH-1: the five items of Chung's PADSS, in the order they are
    /// scored. The code is the item's key in the JSON of a [`Padss`]; the
    /// words are the ward's (in French: signes vitaux, activité et état mental…).
    PadssItem {
        VitalSigns = "vital_signs", "discharge-padss-vital-signs";
        ActivityMentalState = "activity_mental_state", "discharge-padss-activity-mental-state";
        PainNauseaVomiting = "pain_nausea_vomiting", "discharge-padss-pain-nausea-vomiting";
        SurgicalBleeding = "surgical_bleeding", "discharge-padss-surgical-bleeding";
        IntakeOutput = "intake_output", "discharge-padss-intake-output";
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("discharge-padss-score", item = item.label(), value = *value))]
pub struct PadssError {
    pub item: PadssItem,
    pub value: u8,
}

impl Padss {
    pub const ITEMS: [PadssItem; 5] = [
        PadssItem::VitalSigns,
        PadssItem::ActivityMentalState,
        PadssItem::PainNauseaVomiting,
        PadssItem::SurgicalBleeding,
        PadssItem::IntakeOutput,
    ];

    /// Scores in the order of [`Padss::ITEMS`].
    pub fn new(scores: [u8; 5]) -> Result<Self, PadssError> {
        if let Some((&item, &value)) = Self::ITEMS.iter().zip(&scores).find(|(_, v)| **v > 2) {
            return Err(PadssError { item, value });
        }
        let [vital_signs, activity_mental_state, pain_nausea_vomiting, surgical_bleeding, intake_output] = scores;
        Ok(Padss { vital_signs, activity_mental_state, pain_nausea_vomiting, surgical_bleeding, intake_output })
    }

    pub fn scores(self) -> [u8; 5] {
        [
            self.vital_signs,
            self.activity_mental_state,
            self.pain_nausea_vomiting,
            self.surgical_bleeding,
            self.intake_output,
        ]
    }

    /// 0 to 10.
    pub fn total(self) -> u8 {
        self.scores().iter().sum()
    }
}

/// What the ward has recorded for a patient about to go home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DischargeFacts {
    pub padss: Option<Padss>,
    pub escort: bool,
    /// The day the discharge letter was handed over (CSP R.1112-1-2).
    pub letter_given_on: Option<NaiveDate>,
    /// The stay's procedure was a percutaneous osteosynthesis: a work stop follows.
    pub percutaneous_osteosynthesis: bool,
    pub work_stop_certificate: bool,
    pub follow_up_appointment: bool,
}

/// R-DISCH-1: one item missing for discharge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum DischargeItem {
    PadssNotScored,
    PadssTooLow {
        total: u8,
    },
    Escort,
    /// Not given, or given on another day.
    DischargeLetter,
    WorkStopCertificate,
    FollowUpAppointment,
}

impl DischargeItem {
    pub fn code(self) -> &'static str {
        match self {
            DischargeItem::PadssNotScored => "padss_not_scored",
            DischargeItem::PadssTooLow { .. } => "padss_too_low",
            DischargeItem::Escort => "escort",
            DischargeItem::DischargeLetter => "discharge_letter",
            DischargeItem::WorkStopCertificate => "work_stop_certificate",
            DischargeItem::FollowUpAppointment => "follow_up_appointment",
        }
    }

    pub fn label(self) -> String {
        match self {
            DischargeItem::PadssNotScored => tr!("ward-discharge-padss-not-scored"),
            DischargeItem::PadssTooLow { total } => tr!("ward-discharge-padss-too-low", total = total, min = PADSS_MIN),
            DischargeItem::Escort => tr!("ward-discharge-escort"),
            DischargeItem::DischargeLetter => tr!("ward-discharge-letter"),
            DischargeItem::WorkStopCertificate => tr!("ward-discharge-work-stop", hours = WORK_STOP_H),
            DischargeItem::FollowUpAppointment => tr!("ward-discharge-follow-up-appointment"),
        }
        .into_owned()
    }
}

/// R-DISCH-1: every missing item for a discharge on the ward day `today`.
pub fn missing(facts: &DischargeFacts, today: NaiveDate) -> Vec<DischargeItem> {
    let mut out = Vec::new();
    match facts.padss {
        None => out.push(DischargeItem::PadssNotScored),
        Some(p) if p.total() < PADSS_MIN => out.push(DischargeItem::PadssTooLow { total: p.total() }),
        Some(_) => {}
    }
    if !facts.escort {
        out.push(DischargeItem::Escort);
    }
    if facts.letter_given_on != Some(today) {
        out.push(DischargeItem::DischargeLetter);
    }
    if facts.percutaneous_osteosynthesis && !facts.work_stop_certificate {
        out.push(DischargeItem::WorkStopCertificate);
    }
    if !facts.follow_up_appointment {
        out.push(DischargeItem::FollowUpAppointment);
    }
    out
}

/// A discharge that may go ahead; `overridden` is what the audit log must show with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clearance {
    pub overridden: Vec<DischargeItem>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("ward-discharge-refused", missing = labels(missing)))]
pub struct DischargeRefused {
    pub missing: Vec<DischargeItem>,
}

fn labels(items: &[DischargeItem]) -> String {
    items.iter().map(|i| i.label()).collect::<Vec<_>>().join(", ")
}

/// R-DISCH-1: discharging with anything missing needs a reason (a blank one is none).
pub fn clear_for_discharge(
    facts: &DischargeFacts,
    today: NaiveDate,
    override_reason: Option<&str>,
) -> Result<Clearance, DischargeRefused> {
    let missing = missing(facts, today);
    let reason = override_reason.map(str::trim).filter(|r| !r.is_empty()).map(str::to_string);
    match (missing.is_empty(), reason) {
        (true, reason) => Ok(Clearance { overridden: Vec::new(), reason }),
        (false, Some(reason)) => Ok(Clearance { overridden: missing, reason: Some(reason) }),
        (false, None) => Err(DischargeRefused { missing }),
    }
}

/// R-DISCH-1: the end of the work stop the certificate covers.
pub fn work_stop_until(procedure_end: DateTime<Utc>) -> DateTime<Utc> {
    procedure_end.checked_add_signed(TimeDelta::hours(WORK_STOP_H)).unwrap_or(procedure_end)
}

/// R-DISCH-2: the follow-up call is due on the ward day after the discharge.
pub fn follow_up_call_due(discharged_at: DateTime<Utc>, zone: Tz) -> NaiveDate {
    let day = ward_time::local_day(discharged_at, zone);
    day.checked_add_days(Days::new(1)).unwrap_or(day)
}

/// R-DISCH-2: overdue once its due day has passed (as of the ward day `as_of`) without the call.
pub fn follow_up_call_overdue(due_on: NaiveDate, call_done: bool, as_of: NaiveDate) -> bool {
    !call_done && as_of > due_on
}

/// R-DISCH-2: the board's reminder, on the due day and after it, judged as
/// of `as_of`; the due day is said against the day `viewed`
/// ([`day_label::relative`]).
pub fn follow_up_call_alert(
    admission_id: i64,
    due_on: NaiveDate,
    call_done: bool,
    as_of: NaiveDate,
    viewed: NaiveDate,
    today: NaiveDate,
) -> Option<Alert> {
    if call_done || as_of < due_on {
        return None;
    }
    let when = day_label::relative(due_on, viewed, today);
    let (severity, message) = if follow_up_call_overdue(due_on, call_done, as_of) {
        (
            Severity::Warning,
            tr!("ward-call-overdue", day = due_on.format("%d/%m/%Y").to_string(), when = when).into_owned(),
        )
    } else {
        (Severity::Info, tr!("ward-call-due", when = when).into_owned())
    };
    Some(Alert { rule: "R-DISCH-2", severity, subject: Subject::Admission(admission_id), message })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Paris;
    use proptest::prelude::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn complete() -> DischargeFacts {
        DischargeFacts {
            padss: Padss::new([2, 2, 1, 2, 2]).ok(),
            escort: true,
            letter_given_on: Some(d(11, 24)),
            percutaneous_osteosynthesis: true,
            work_stop_certificate: true,
            follow_up_appointment: true,
        }
    }

    /// R-DISCH-1
    #[test]
    fn r_disch_1_padss_items_are_0_to_2_and_9_of_10_is_enough() {
        assert_eq!(Padss::new([2, 2, 2, 2, 1]).map(Padss::total), Ok(9));
        let err = Padss::new([2, 3, 2, 2, 2]).unwrap_err();
        assert_eq!(err.to_string(), "each PADSS item is scored 0, 1 or 2; activity and mental state was given 3");
        assert_eq!(missing(&complete(), d(11, 24)), []);
        let low = DischargeFacts { padss: Padss::new([2, 2, 1, 1, 2]).ok(), ..complete() };
        assert_eq!(missing(&low, d(11, 24)), [DischargeItem::PadssTooLow { total: 8 }]);
    }

    /// R-DISCH-1
    #[test]
    fn r_disch_1_every_missing_item_is_named() {
        let none = DischargeFacts {
            padss: None,
            escort: false,
            letter_given_on: Some(d(11, 23)),
            percutaneous_osteosynthesis: true,
            work_stop_certificate: false,
            follow_up_appointment: false,
        };
        let codes: Vec<_> = missing(&none, d(11, 24)).into_iter().map(DischargeItem::code).collect();
        assert_eq!(
            codes,
            ["padss_not_scored", "escort", "discharge_letter", "work_stop_certificate", "follow_up_appointment"]
        );
        // No work stop after a procedure that is not an osteosynthesis.
        let other = DischargeFacts { percutaneous_osteosynthesis: false, work_stop_certificate: false, ..complete() };
        assert_eq!(missing(&other, d(11, 24)), []);
    }

    /// R-DISCH-1
    #[test]
    fn r_disch_1_missing_items_need_an_override_reason() {
        let facts = DischargeFacts { escort: false, ..complete() };
        let err = clear_for_discharge(&facts, d(11, 24), Some("   ")).unwrap_err();
        assert_eq!(err.to_string(), "cannot discharge yet: no escort; complete them or give a reason to override");
        let ok = clear_for_discharge(&facts, d(11, 24), Some(" taxi booked by the family ")).unwrap();
        assert_eq!(ok.overridden, [DischargeItem::Escort]);
        assert_eq!(ok.reason.as_deref(), Some("taxi booked by the family"));
        assert_eq!(clear_for_discharge(&complete(), d(11, 24), None).map(|c| c.overridden.len()), Ok(0));
    }

    /// R-DISCH-1
    #[test]
    fn r_disch_1_work_stop_is_48_hours() {
        let end = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
        assert_eq!(work_stop_until(end) - end, TimeDelta::hours(48));
    }

    /// R-DISCH-2
    #[test]
    fn r_disch_2_call_due_the_ward_day_after_discharge() {
        // 23:30 UTC on 24 Nov is already 25 Nov in Paris: the call is due on the 26th.
        let left = Utc.with_ymd_and_hms(2026, 11, 24, 23, 30, 0).unwrap();
        assert_eq!(follow_up_call_due(left, Paris), d(11, 26));
        let due_on = follow_up_call_due(left, Paris);
        assert!(!follow_up_call_overdue(due_on, false, d(11, 26)));
        assert!(follow_up_call_overdue(due_on, false, d(11, 27)));
        assert!(!follow_up_call_overdue(due_on, true, d(11, 27)));
        let alert = |as_of, today| follow_up_call_alert(4, due_on, false, as_of, as_of, today);
        assert_eq!(alert(d(11, 25), d(11, 25)), None);
        let due = alert(d(11, 26), d(11, 26)).unwrap();
        assert_eq!((due.rule, due.severity), ("R-DISCH-2", Severity::Info));
        assert_eq!(due.message, "CALL DUE: follow-up phone call due today");
        let late = alert(d(11, 28), d(11, 28)).unwrap();
        assert_eq!(late.message, "CALL OVERDUE: follow-up phone call was due 26/11/2026 (2 days ago)");
        assert_eq!(follow_up_call_alert(4, due_on, true, d(11, 28), d(11, 28), d(11, 28)), None);
        // Looking back at the due day itself: due that day, not "today".
        let back = alert(d(11, 26), d(11, 29)).unwrap();
        assert_eq!(back.message, "CALL DUE: follow-up phone call due the day viewed");
    }

    proptest! {
        /// R-DISCH-2
        #[test]
        fn r_disch_2_due_day_is_the_next_calendar_day_across_dst(minutes in 0i64..8 * 24 * 60, spring in any::<bool>()) {
            let from = if spring { d(3, 26) } else { d(10, 22) };
            let left = ward_time::at_local(from, chrono::NaiveTime::MIN, Paris) + TimeDelta::minutes(minutes);
            let day = ward_time::local_day(left, Paris);
            prop_assert_eq!((follow_up_call_due(left, Paris) - day).num_days(), 1);
        }

        /// R-DISCH-1
        #[test]
        fn r_disch_1_padss_accepts_exactly_0_to_2(scores in proptest::array::uniform5(0u8..=255)) {
            let valid = scores.iter().all(|s| *s <= 2);
            prop_assert_eq!(Padss::new(scores).is_ok(), valid);
            if let Ok(p) = Padss::new(scores) {
                prop_assert!(p.total() <= 10);
            }
        }
    }
}

/// Issue 14: what a discharge lacks in French, none left in English.
#[cfg(test)]
mod french_labels {
    use super::*;

    use crate::i18n::in_both as both;

    #[test]
    fn every_label_is_said_in_french() {
        for (en, fr) in [[
            DischargeItem::PadssNotScored,
            DischargeItem::PadssTooLow { total: 7 },
            DischargeItem::Escort,
            DischargeItem::DischargeLetter,
            DischargeItem::WorkStopCertificate,
            DischargeItem::FollowUpAppointment,
        ]
        .map(|i| both(|| i.label()))
        .to_vec()]
        .into_iter()
        .flatten()
        {
            assert!(!fr.is_empty() && !fr.contains("ward-"), "{en}: {fr:?}");
            assert_ne!(en, fr, "{en} is the same in French");
        }
    }

    /// R-DISCH-1: the PADSS items in the ward's French words, in a refused score too.
    #[test]
    fn the_padss_items_are_said_in_french() {
        let (en, fr) = both(|| Padss::new([2, 3, 2, 2, 2]).unwrap_err().to_string());
        assert_eq!(en, "each PADSS item is scored 0, 1 or 2; activity and mental state was given 3");
        assert_eq!(fr, "chaque item du PADSS est coté 0, 1 ou 2\u{a0}; «\u{a0}activité et état mental\u{a0}» a reçu 3");
        let _fr = crate::i18n::scope(crate::domain::language::Language::Fr);
        assert_eq!(
            Padss::ITEMS.map(|i| i.label().into_owned()),
            [
                "signes vitaux",
                "activité et état mental",
                "douleur, nausées/vomissements",
                "saignement chirurgical",
                "ingesta et diurèse"
            ]
        );
    }

    /// An item's code is its key in a PADSS's JSON, in every language.
    #[test]
    fn an_item_code_is_its_json_key() {
        let _fr = crate::i18n::scope(crate::domain::language::Language::Fr);
        let json = serde_json::to_value(Padss::new([0, 1, 2, 0, 1]).unwrap()).unwrap();
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut codes = Padss::ITEMS.map(PadssItem::code);
        codes.sort_unstable();
        assert_eq!(keys, codes);
        assert_eq!(Padss::ITEMS.map(|i| json[i.code()].as_u64().unwrap()), [0, 1, 2, 0, 1]);
    }
}
