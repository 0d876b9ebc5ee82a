//! R-HO-1: heterotopic ossification follow-up after surgery: the
//! prophylaxis given (an NSAID course, such as indomethacin for about 10
//! days, or one radiotherapy dose of 7–8 Gy within 4 h before or 72 h after
//! surgery), the X-ray check due `cfg ho.followup_months` (6) months after
//! the surgery, and the Brooker grade (0–IV) read on it.
//!
//! Plain types and pure functions; times are UTC instants, the due day is a
//! ward day (the surgery's ward day plus whole calendar months).

use super::attention::{Alert, Severity, Subject};
use super::settings::Settings;
use super::worded::worded;
use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::borrow::Cow;

/// The setting: months from surgery to the X-ray check (R-HO-1).
pub const FOLLOWUP_MONTHS: &str = super::settings::HO_FOLLOWUP_MONTHS;

/// R-HO-1: radiotherapy may be given up to this long before surgery…
pub const RT_BEFORE: Duration = Duration::hours(4);
/// …and up to this long after it.
pub const RT_AFTER: Duration = Duration::hours(72);
/// R-HO-1: the single radiotherapy dose, in Gy (7–8 Gy; outside is warned).
pub const RT_DOSE_GY: (f64, f64) = (7.0, 8.0);
/// A typed dose above this is a slip (Gy), refused.
pub const RT_DOSE_MAX_GY: f64 = 30.0;
/// The usual NSAID course, in days (indomethacin, about 10 days).
pub const NSAID_DAYS: u32 = 10;
/// A typed course longer than this is a slip (days), refused.
pub const NSAID_DAYS_MAX: u32 = 60;
/// The board names an X-ray check this many days before it is due.
pub const XRAY_SOON_DAYS: i64 = 14;

worded! {
    /// R-HO-1: the Brooker classification of heterotopic ossification at the hip.
    Brooker {
        Grade0 = "0", "clinical-brooker-0";
        I = "I", "clinical-brooker-1";
        II = "II", "clinical-brooker-2";
        III = "III", "clinical-brooker-3";
        IV = "IV", "clinical-brooker-4";
    }
}

impl Brooker {
    /// Reads a typed grade: `0`..`IV`, or the digits `1`..`4`.
    pub fn parse(text: &str) -> Option<Brooker> {
        let t = text.trim().to_ascii_uppercase();
        let t = match t.as_str() {
            "1" => "I",
            "2" => "II",
            "3" => "III",
            "4" => "IV",
            other => other,
        };
        Brooker::from_code(t)
    }
}

worded! {
    /// R-HO-1: which prophylaxis was given.
    ProphylaxisKind {
        None = "none", "clinical-prophylaxis-none";
        Nsaid = "nsaid", "clinical-prophylaxis-nsaid";
        Radiotherapy = "radiotherapy", "clinical-prophylaxis-radiotherapy";
    }
}

/// R-HO-1: the prophylaxis given, with what each kind records.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Prophylaxis {
    None,
    /// A course of an NSAID from `from` (UTC) for `days` days.
    Nsaid {
        drug: String,
        from: DateTime<Utc>,
        days: u32,
    },
    /// One dose of `dose_gy` Gy given at `at` (UTC).
    Radiotherapy {
        at: DateTime<Utc>,
        dose_gy: f64,
    },
}

impl Prophylaxis {
    pub fn kind(&self) -> ProphylaxisKind {
        match self {
            Prophylaxis::None => ProphylaxisKind::None,
            Prophylaxis::Nsaid { .. } => ProphylaxisKind::Nsaid,
            Prophylaxis::Radiotherapy { .. } => ProphylaxisKind::Radiotherapy,
        }
    }

    /// `radiotherapy 7 Gy on 23/11 07:00`, in ward time.
    pub fn words(&self, zone: Tz) -> String {
        let when = |t: DateTime<Utc>| t.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string();
        match self {
            Prophylaxis::None => tr!("clinical-ho-no-prophylaxis"),
            Prophylaxis::Nsaid { drug, from, days } => {
                tr!("clinical-ho-nsaid-words", drug = drug.as_str(), days = *days, from = when(*from))
            }
            Prophylaxis::Radiotherapy { at, dose_gy } => {
                tr!("clinical-ho-radiotherapy-words", dose = *dose_gy, at = when(*at))
            }
        }
        .into_owned()
    }

    /// Refuses what cannot be meant (a dose of 0 or 300 Gy, a course of 0 or
    /// 100 days, no drug named); a dose outside 7–8 Gy is only warned
    /// ([`warnings`]).
    pub fn check(&self) -> Result<(), String> {
        match self {
            Prophylaxis::None => Ok(()),
            Prophylaxis::Nsaid { drug, days, .. } => {
                if drug.trim().is_empty() {
                    return Err(tr!("clinical-ho-name-nsaid").into_owned());
                }
                if !(1..=NSAID_DAYS_MAX).contains(days) {
                    return Err(tr!(
                        "clinical-ho-nsaid-days-bad",
                        max = NSAID_DAYS_MAX,
                        usual = NSAID_DAYS,
                        days = *days
                    )
                    .into_owned());
                }
                Ok(())
            }
            Prophylaxis::Radiotherapy { dose_gy, .. } => {
                if !dose_gy.is_finite() || *dose_gy <= 0.0 || *dose_gy > RT_DOSE_MAX_GY {
                    // A NaN is said as Rust writes it: Fluent has no word for it.
                    let dose: crate::i18n::Value<'_> =
                        if dose_gy.is_finite() { (*dose_gy).into() } else { dose_gy.to_string().into() };
                    return Err(crate::i18n::fmt(
                        crate::i18n::language(),
                        "clinical-ho-dose-bad",
                        &[("max", RT_DOSE_MAX_GY.into()), ("dose", dose)],
                    ));
                }
                Ok(())
            }
        }
    }
}

/// R-HO-1: when a radiotherapy dose was given against the surgery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// From 4 h before to 72 h after surgery, both ends included.
    InWindow,
    /// Earlier than 4 h before surgery, by this many minutes before it.
    TooEarly { minutes_before: i64 },
    /// Later than 72 h after surgery, by this many minutes after it.
    TooLate { minutes_after: i64 },
}

/// R-HO-1: whether radiotherapy given at `given` falls within [`RT_BEFORE`]
/// before to [`RT_AFTER`] after the surgery at `surgery` (both included).
/// Never panics.
pub fn radiotherapy_timing(surgery: DateTime<Utc>, given: DateTime<Utc>) -> Timing {
    let offset = given.signed_duration_since(surgery);
    if offset < -RT_BEFORE {
        Timing::TooEarly { minutes_before: -offset.num_minutes() }
    } else if offset > RT_AFTER {
        Timing::TooLate { minutes_after: offset.num_minutes() }
    } else {
        Timing::InWindow
    }
}

/// `5 h 30 min`.
fn hours_text(minutes: i64) -> Cow<'static, str> {
    match (minutes / 60, minutes % 60) {
        (h, 0) => tr!("clinical-ho-hours", hours = h),
        (h, m) => tr!("clinical-ho-hours-minutes", hours = h, minutes = format!("{m:02}")),
    }
}

/// R-HO-1: what the prophylaxis calls for, in words (no patient named):
/// radiotherapy outside its window, a dose outside 7–8 Gy.
pub fn warnings(surgery: DateTime<Utc>, prophylaxis: &Prophylaxis) -> Vec<String> {
    let Prophylaxis::Radiotherapy { at, dose_gy } = prophylaxis else { return Vec::new() };
    let mut out = Vec::new();
    match radiotherapy_timing(surgery, *at) {
        Timing::InWindow => {}
        Timing::TooEarly { minutes_before } => {
            out.push(tr!("clinical-ho-rt-too-early", time = hours_text(minutes_before)).into_owned())
        }
        Timing::TooLate { minutes_after } => {
            out.push(tr!("clinical-ho-rt-too-late", time = hours_text(minutes_after)).into_owned())
        }
    }
    let (low, high) = RT_DOSE_GY;
    if !(low..=high).contains(dose_gy) {
        out.push(tr!("clinical-ho-rt-dose", dose = *dose_gy).into_owned());
    }
    out
}

/// R-HO-1: the ward day the X-ray check is due: the surgery's ward day plus
/// `months` calendar months (a day the month lacks becomes its last day:
/// 31/08 + 6 months is 28/02 or 29/02). Never panics: a date past the
/// calendar's end stays the surgery's day.
pub fn xray_due(surgery: DateTime<Utc>, months: u32, zone: Tz) -> NaiveDate {
    let day = super::ward_time::local_day(surgery, zone);
    day.checked_add_months(Months::new(months)).unwrap_or(day)
}

/// One heterotopic ossification follow-up, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub follow_up_id: i64,
    pub version: i64,
    pub patient_id: i64,
    pub case_id: Option<i64>,
    /// When the surgery was (UTC).
    pub surgery_at: DateTime<Utc>,
    pub prophylaxis: Prophylaxis,
    /// Why radiotherapy outside its window was recorded anyway.
    pub timing_reason: Option<String>,
    /// The ward day the X-ray check was done, and its grade.
    pub xray_on: Option<NaiveDate>,
    /// Written as its code: `0`, `I` … `IV`.
    #[serde(serialize_with = "brooker_code")]
    pub brooker: Option<Brooker>,
    pub recorded_by: String,
    /// Why it was voided as entered by mistake: it then counts nowhere
    /// (only a patient's history lists it, marked).
    pub voided: Option<String>,
}

fn brooker_code<S: serde::Serializer>(grade: &Option<Brooker>, s: S) -> Result<S::Ok, S::Error> {
    match grade {
        Some(g) => s.serialize_str(g.code()),
        None => s.serialize_none(),
    }
}

impl FollowUp {
    /// R-HO-1: the day the X-ray check is due, by the site's setting.
    pub fn xray_due(&self, settings: &Settings) -> NaiveDate {
        xray_due_by(self.surgery_at, settings)
    }
}

/// R-HO-1: the months from surgery to the X-ray check, by the site's setting.
pub fn followup_months(settings: &Settings) -> u32 {
    u32::try_from(settings.integer(FOLLOWUP_MONTHS)).unwrap_or(6)
}

/// R-HO-1: the ward day the X-ray check of a surgery at `surgery` is due,
/// by the site's setting ([`xray_due`]).
pub fn xray_due_by(surgery: DateTime<Utc>, settings: &Settings) -> NaiveDate {
    xray_due(surgery, followup_months(settings), settings.zone())
}

/// R-HO-1: a follow-up as a page shows it on a day: when its X-ray check
/// is due (by the site's setting) and what it calls for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpView {
    pub follow_up: FollowUp,
    pub xray_due: NaiveDate,
    pub alerts: Vec<Alert>,
}

impl FollowUpView {
    pub fn on(follow_up: FollowUp, today: NaiveDate, settings: &Settings) -> FollowUpView {
        FollowUpView { xray_due: follow_up.xray_due(settings), alerts: alerts(&follow_up, today, settings), follow_up }
    }
}

/// R-HO-1: what a follow-up asks for on `today`: the X-ray check soon
/// (within [`XRAY_SOON_DAYS`]), due or overdue, and, until the X-ray is
/// done, a radiotherapy given outside its window. Each message cites the
/// setting it uses. Nothing once the X-ray is done, nor for one voided.
pub fn alerts(f: &FollowUp, today: NaiveDate, settings: &Settings) -> Vec<Alert> {
    if f.xray_on.is_some() || f.voided.is_some() {
        return Vec::new();
    }
    let alert =
        |severity, message| Alert { rule: "R-HO-1", severity, subject: Subject::Patient(f.patient_id), message };
    let mut out = Vec::new();
    let due = f.xray_due(settings);
    let cite = format!("{FOLLOWUP_MONTHS}={}", settings.raw_value(FOLLOWUP_MONTHS));
    let days = (due - today).num_days();
    let on = due.format("%d/%m/%Y").to_string();
    if days < 0 {
        let text = tr!("clinical-ho-xray-overdue", on = on, count = -days, cite = cite);
        out.push(alert(Severity::Warning, text.into_owned()));
    } else if days == 0 {
        out.push(alert(Severity::Warning, tr!("clinical-ho-xray-due-today", cite = cite).into_owned()));
    } else if days <= XRAY_SOON_DAYS {
        let text = tr!("clinical-ho-xray-due-soon", on = on, count = days, cite = cite);
        out.push(alert(Severity::Info, text.into_owned()));
    }
    for text in warnings(f.surgery_at, &f.prophylaxis) {
        out.push(alert(Severity::Warning, text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn surgery() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 20, 8, 0, 0).unwrap()
    }

    fn rt(at: DateTime<Utc>) -> Prophylaxis {
        Prophylaxis::Radiotherapy { at, dose_gy: 7.0 }
    }

    fn follow_up(prophylaxis: Prophylaxis) -> FollowUp {
        FollowUp {
            follow_up_id: 1,
            version: 1,
            patient_id: 3,
            case_id: None,
            surgery_at: surgery(),
            prophylaxis,
            timing_reason: None,
            xray_on: None,
            brooker: None,
            recorded_by: "Dr".into(),
            voided: None,
        }
    }

    #[test]
    fn r_ho_1_radiotherapy_4_h_before_is_in_the_window_and_a_minute_earlier_is_not() {
        let s = surgery();
        assert_eq!(radiotherapy_timing(s, s - Duration::hours(4)), Timing::InWindow);
        assert_eq!(
            radiotherapy_timing(s, s - Duration::hours(4) - Duration::minutes(1)),
            Timing::TooEarly { minutes_before: 241 }
        );
    }

    #[test]
    fn r_ho_1_radiotherapy_72_h_after_is_in_the_window_and_a_minute_later_is_not() {
        let s = surgery();
        assert_eq!(radiotherapy_timing(s, s + Duration::hours(72)), Timing::InWindow);
        assert_eq!(
            radiotherapy_timing(s, s + Duration::hours(72) + Duration::minutes(1)),
            Timing::TooLate { minutes_after: 72 * 60 + 1 }
        );
        assert_eq!(radiotherapy_timing(s, s), Timing::InWindow);
    }

    #[test]
    fn r_ho_1_timing_and_dose_outside_are_warned_in_words() {
        let s = surgery();
        assert!(warnings(s, &rt(s + Duration::hours(72))).is_empty());
        let late = warnings(s, &rt(s + Duration::hours(72) + Duration::minutes(1)));
        assert_eq!(
            late,
            [
                "HO RADIOTHERAPY TIMING: given 72 h 01 min after surgery; R-HO-1 wants it within 4 h before to 72 h after"
            ]
        );
        let early = warnings(s, &rt(s - Duration::hours(5)));
        assert!(early[0].contains("given 5 h before surgery"), "{early:?}");
        let dose = warnings(s, &Prophylaxis::Radiotherapy { at: s, dose_gy: 6.0 });
        assert_eq!(dose, ["HO RADIOTHERAPY DOSE: 6 Gy; R-HO-1 gives one dose of 7-8 Gy"]);
        assert!(warnings(s, &Prophylaxis::Radiotherapy { at: s, dose_gy: 8.0 }).is_empty());
        assert!(warnings(s, &Prophylaxis::None).is_empty());
    }

    #[test]
    fn r_ho_1_impossible_prophylaxis_is_refused() {
        let s = surgery();
        assert!(Prophylaxis::Radiotherapy { at: s, dose_gy: 0.0 }.check().is_err());
        assert!(Prophylaxis::Radiotherapy { at: s, dose_gy: f64::NAN }.check().is_err());
        assert!(Prophylaxis::Radiotherapy { at: s, dose_gy: 7.5 }.check().is_ok());
        let nsaid = |drug: &str, days| Prophylaxis::Nsaid { drug: drug.into(), from: s, days };
        assert!(nsaid("indomethacin", 10).check().is_ok());
        assert!(nsaid("indomethacin", 0).check().is_err());
        assert!(nsaid(" ", 10).check().is_err());
    }

    #[test]
    fn r_ho_1_the_x_ray_is_due_whole_months_after_the_surgery_ward_day() {
        let paris = chrono_tz::Europe::Paris;
        assert_eq!(xray_due(surgery(), 6, paris), NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
        // 23:30 UTC on 31/08 is already 01/09 in Paris.
        let late = Utc.with_ymd_and_hms(2026, 8, 31, 23, 30, 0).unwrap();
        assert_eq!(xray_due(late, 6, paris), NaiveDate::from_ymd_opt(2027, 3, 1).unwrap());
        let end_of_august = Utc.with_ymd_and_hms(2026, 8, 31, 8, 0, 0).unwrap();
        assert_eq!(xray_due(end_of_august, 6, paris), NaiveDate::from_ymd_opt(2027, 2, 28).unwrap());
    }

    #[test]
    fn r_ho_1_the_x_ray_check_is_named_soon_then_due_then_overdue_and_cites_the_setting() {
        let settings = Settings::default();
        let f = follow_up(Prophylaxis::None);
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert!(alerts(&f, day(11, 5), &settings).is_empty(), "15 days before: nothing yet");
        let soon = alerts(&f, day(11, 6), &settings);
        assert_eq!(soon[0].message, "HO X-RAY DUE: on 20/11/2026, in 14 days (ho.followup_months=6 after surgery)");
        assert_eq!(soon[0].severity, Severity::Info);
        assert_eq!(
            alerts(&f, day(11, 20), &settings)[0].message,
            "HO X-RAY DUE: today (ho.followup_months=6 after surgery)"
        );
        let overdue = alerts(&f, day(11, 23), &settings);
        assert_eq!(
            overdue[0].message,
            "HO X-RAY OVERDUE: due 20/11/2026 (3 days ago, ho.followup_months=6 after surgery)"
        );
        assert_eq!(overdue[0].subject, Subject::Patient(3));
        let voided = FollowUp { voided: Some("wrong patient".into()), ..f.clone() };
        assert!(alerts(&voided, day(11, 23), &settings).is_empty(), "a voided follow-up asks nothing");
        let done = FollowUp { xray_on: Some(day(11, 21)), brooker: Some(Brooker::II), ..f };
        assert!(alerts(&done, day(11, 23), &settings).is_empty());
    }

    #[test]
    fn r_ho_1_radiotherapy_out_of_window_stays_on_the_list_until_the_x_ray() {
        let settings = Settings::default();
        let f = follow_up(rt(surgery() + Duration::hours(80)));
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let list = alerts(&f, today, &settings);
        assert_eq!(list.len(), 1);
        assert!(list[0].message.starts_with("HO RADIOTHERAPY TIMING: given 80 h after"), "{list:?}");
    }

    /// Issue 14: every grade and prophylaxis has its own French words, and
    /// the warnings and alerts are said in French.
    #[test]
    fn every_grade_and_prophylaxis_has_french_words() {
        use crate::domain::language::Language;
        let ids = Brooker::ALL.iter().map(|b| b.label_id()).chain(ProphylaxisKind::ALL.iter().map(|k| k.label_id()));
        for id in ids {
            let (en, fr) = (crate::i18n::t(Language::En, id), crate::i18n::t(Language::Fr, id));
            assert!(!fr.is_empty() && fr != en && fr != id && en != id, "{id}: {en} / {fr}");
        }
        let _fr = crate::i18n::scope(Language::Fr);
        let s = surgery();
        let dose = warnings(s, &Prophylaxis::Radiotherapy { at: s, dose_gy: 6.5 });
        assert_eq!(dose, ["RADIOTHÉRAPIE OH DOSE\u{a0}: 6,5 Gy\u{a0}; R-HO-1 donne une dose unique de 7-8 Gy"]);
        let f = follow_up(Prophylaxis::None);
        let soon = alerts(&f, NaiveDate::from_ymd_opt(2026, 11, 19).unwrap(), &Settings::default());
        assert!(soon[0].message.contains("dans 1 jour"), "{}", soon[0].message);
    }

    #[test]
    fn r_ho_1_brooker_grades_read_as_roman_or_digits() {
        assert_eq!(Brooker::ALL.len(), 5);
        assert_eq!(Brooker::parse("iii"), Some(Brooker::III));
        assert_eq!(Brooker::parse("4"), Some(Brooker::IV));
        assert_eq!(Brooker::parse("0"), Some(Brooker::Grade0));
        assert_eq!(Brooker::parse("V"), None);
    }
}
