//! Medication stops before the procedure (R-MED-1) and the labs a high
//! bleeding risk procedure needs (R-MED-2).
//!
//! The software computes dates for the anaesthetist to confirm; it does not
//! prescribe. Its words are "last dose on …", never "stop".

use super::day_label::{day_text, j_label};
use super::fasting::duration_of_hours;
use super::settings::Settings;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Dabigatran is cleared by the kidney, so its stop depends on renal function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RenalFunction {
    /// Creatinine clearance 50 mL/min or more.
    Normal,
    /// Creatinine clearance below 50 mL/min.
    Impaired,
}

impl RenalFunction {
    pub fn from_clearance_ml_min(clearance: f64) -> Self {
        if clearance >= 50.0 { RenalFunction::Normal } else { RenalFunction::Impaired }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DrugClass {
    /// Anti-Xa DOAC: apixaban, rivaroxaban, edoxaban.
    Doac,
    Dabigatran(RenalFunction),
    /// Vitamin-K antagonist: warfarin, fluindione, acenocoumarol.
    Vka,
    Aspirin,
    Clopidogrel,
    Ticagrelor,
    Prasugrel,
    Metformin,
    Glp1Agonist,
}

impl DrugClass {
    pub const ALL: [DrugClass; 10] = [
        DrugClass::Doac,
        DrugClass::Dabigatran(RenalFunction::Normal),
        DrugClass::Dabigatran(RenalFunction::Impaired),
        DrugClass::Vka,
        DrugClass::Aspirin,
        DrugClass::Clopidogrel,
        DrugClass::Ticagrelor,
        DrugClass::Prasugrel,
        DrugClass::Metformin,
        DrugClass::Glp1Agonist,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DrugClass::Doac => "doac",
            DrugClass::Dabigatran(RenalFunction::Normal) => "dabigatran_renal_normal",
            DrugClass::Dabigatran(RenalFunction::Impaired) => "dabigatran_renal_impaired",
            DrugClass::Vka => "vka",
            DrugClass::Aspirin => "aspirin",
            DrugClass::Clopidogrel => "clopidogrel",
            DrugClass::Ticagrelor => "ticagrelor",
            DrugClass::Prasugrel => "prasugrel",
            DrugClass::Metformin => "metformin",
            DrugClass::Glp1Agonist => "glp1_agonist",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label(self) -> std::borrow::Cow<'static, str> {
        match self {
            DrugClass::Doac => tr!("ward-drug-doac"),
            DrugClass::Dabigatran(RenalFunction::Normal) => tr!("ward-drug-dabigatran-renal-normal"),
            DrugClass::Dabigatran(RenalFunction::Impaired) => tr!("ward-drug-dabigatran-renal-impaired"),
            DrugClass::Vka => tr!("ward-drug-vka"),
            DrugClass::Aspirin => tr!("ward-drug-aspirin"),
            DrugClass::Clopidogrel => tr!("ward-drug-clopidogrel"),
            DrugClass::Ticagrelor => tr!("ward-drug-ticagrelor"),
            DrugClass::Prasugrel => tr!("ward-drug-prasugrel"),
            DrugClass::Metformin => tr!("ward-drug-metformin"),
            DrugClass::Glp1Agonist => tr!("ward-drug-glp1-agonist"),
        }
    }

    /// The longest [`DrugClass::last_dose_offset`]: a stop can be missed
    /// from this many days before the procedure (prasugrel, J-7).
    pub const LONGEST_STOP_DAYS: u64 = 7;

    /// R-MED-1 (GIHP / SFAR, high bleeding risk): the last dose is on J-n.
    /// Metformin is only stopped around iodinated contrast; GLP-1 agonists get no date.
    pub fn last_dose_offset(self, iodinated_contrast: bool) -> Option<u64> {
        match self {
            DrugClass::Doac | DrugClass::Aspirin => Some(3),
            DrugClass::Dabigatran(RenalFunction::Normal) => Some(4),
            DrugClass::Dabigatran(RenalFunction::Impaired) => Some(5),
            DrugClass::Vka | DrugClass::Clopidogrel | DrugClass::Ticagrelor => Some(5),
            DrugClass::Prasugrel => Some(7),
            DrugClass::Metformin => iodinated_contrast.then_some(1),
            DrugClass::Glp1Agonist => None,
        }
    }
}

/// What goes with a last-dose day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// Vitamin-K antagonist: INR checked on J-1.
    InrCheck { on: NaiveDate },
    /// Metformin: not on the day of contrast nor the 48 h after.
    Restart { on: NaiveDate },
    /// No date: the anaesthetist decides (GLP-1 agonists delay gastric emptying).
    Review,
}

/// R-MED-1: the dates for one drug class around one procedure day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StopPlan {
    pub class: DrugClass,
    pub procedure_day: NaiveDate,
    /// `None` when the class has no stop here (or the date is out of the calendar).
    pub last_dose: Option<NaiveDate>,
    pub actions: Vec<Action>,
}

/// R-MED-1: `procedure_day` is the ward-local day of the start
/// (`ward_time::local_day(start, settings.zone())`).
pub fn stop_plan(class: DrugClass, procedure_day: NaiveDate, iodinated_contrast: bool) -> StopPlan {
    let offset = class.last_dose_offset(iodinated_contrast);
    let last_dose = offset.and_then(|n| procedure_day.checked_sub_days(Days::new(n)));
    let actions = match class {
        DrugClass::Vka => procedure_day.pred_opt().map(|on| Action::InrCheck { on }).into_iter().collect(),
        DrugClass::Metformin if iodinated_contrast => {
            let restart = procedure_day.checked_add_days(Days::new(2));
            restart.map(|on| Action::Restart { on }).into_iter().collect()
        }
        DrugClass::Glp1Agonist => vec![Action::Review],
        _ => Vec::new(),
    };
    StopPlan { class, procedure_day, last_dose, actions }
}

impl StopPlan {
    /// One line per date, for the anaesthetist's review.
    pub fn lines(&self, settings: &Settings) -> Vec<String> {
        let day = |d: NaiveDate| format!("{} ({})", day_text(d), j_label(d, self.procedure_day));
        let mut out = Vec::new();
        if let Some(d) = self.last_dose {
            out.push(tr!("ward-med-last-dose-on", drug = self.class.label(), day = day(d)).into_owned());
        } else if self.actions.is_empty() {
            out.push(tr!("ward-med-no-date", drug = self.class.label()).into_owned());
        }
        for action in &self.actions {
            out.push(match action {
                Action::InrCheck { on } => {
                    tr!("ward-med-inr-check", day = day(*on), limit = settings.cite("med.inr_max")).into_owned()
                }
                Action::Restart { on } => {
                    tr!("ward-med-restart", drug = self.class.label(), day = day(*on)).into_owned()
                }
                Action::Review => tr!("ward-med-review", drug = self.class.label()).into_owned(),
            });
        }
        out
    }
}

/// R-MED-3: a stop whose last-dose day has passed while the treatment is
/// still recorded as taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MissedStop {
    pub class: DrugClass,
    /// The ward day the last dose was due (R-MED-1).
    pub last_dose: NaiveDate,
    pub procedure_day: NaiveDate,
}

impl MissedStop {
    /// `anti-Xa DOAC: last dose was Sat 28/11/2026 (J-3), still recorded as taken`.
    pub fn describe(&self) -> String {
        tr!(
            "ward-med-missed-stop",
            drug = self.class.label(),
            day = day_text(self.last_dose),
            j = j_label(self.last_dose, self.procedure_day)
        )
        .into_owned()
    }
}

/// R-MED-3: every active treatment (`drugs`) whose last-dose day (R-MED-1)
/// is before `today`, the ward day of the clock. On the last-dose day itself
/// the dose is still allowed. Drugs with no date (GLP-1 agonists, metformin
/// without contrast) never miss a stop.
pub fn missed_stops(
    drugs: &[DrugClass],
    procedure_day: NaiveDate,
    iodinated_contrast: bool,
    today: NaiveDate,
) -> Vec<MissedStop> {
    drugs
        .iter()
        .filter_map(|&class| {
            let last_dose = stop_plan(class, procedure_day, iodinated_contrast).last_dose?;
            (today > last_dose).then_some(MissedStop { class, last_dose, procedure_day })
        })
        .collect()
}

/// R-MED-2: procedure kinds that count as high bleeding risk, by code.
pub const HIGH_BLEEDING_RISK: &[&str] = &["vertebroplasty", "cementoplasty"];

pub fn is_high_bleeding_risk(procedure_code: &str) -> bool {
    let code = procedure_code.trim().to_ascii_lowercase();
    HIGH_BLEEDING_RISK.iter().any(|k| code.contains(k))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabItem {
    Inr,
    Platelets,
}

impl LabItem {
    pub fn label(self) -> std::borrow::Cow<'static, str> {
        match self {
            LabItem::Inr => tr!("ward-lab-inr"),
            LabItem::Platelets => tr!("ward-lab-platelets"),
        }
    }

    /// Values a laboratory can return (INR without unit, platelets in G/L):
    /// anything else is a typing error. The form and the store both refuse
    /// outside it, in the words of [`LabItem::implausible`].
    pub fn plausible(self) -> (f64, f64, &'static str) {
        match self {
            LabItem::Inr => (0.5, 20.0, ""),
            LabItem::Platelets => (0.0, 2000.0, " G/L"),
        }
    }

    /// `None` when `value` is plausible; otherwise what to give instead.
    pub fn implausible(self, value: f64) -> Option<String> {
        let (low, high, unit) = self.plausible();
        // A NaN fails both comparisons: refused too.
        (!(value >= low && value <= high)).then(|| {
            let (value, low, high) = (number(value), number(low), number(high));
            tr!("ward-lab-implausible", value = value, low = low, high = high, unit = unit).into_owned()
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LabResult {
    pub value: f64,
    pub taken_at: DateTime<Utc>,
}

/// The latest result of each item, if any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Labs {
    pub inr: Option<LabResult>,
    /// G/L.
    pub platelets: Option<LabResult>,
}

/// A value as Rust writes it (`2.5`, `2`), with a decimal comma in French.
fn number(value: f64) -> String {
    let text = value.to_string();
    match crate::i18n::language() {
        crate::domain::language::Language::Fr => text.replace('.', ","),
        crate::domain::language::Language::En => text,
    }
}

/// R-MED-2: why one item does not clear a high bleeding risk procedure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum LabProblem {
    Missing {
        item: LabItem,
    },
    OutOfRange {
        item: LabItem,
        value: f64,
        limit: f64,
    },
    /// Taken more than `med.lab_validity_h` before the procedure.
    TooOld {
        item: LabItem,
        taken_at: DateTime<Utc>,
    },
    /// Dated after the start: it cannot clear the procedure.
    AfterStart {
        item: LabItem,
        taken_at: DateTime<Utc>,
    },
}

impl LabProblem {
    pub fn item(&self) -> LabItem {
        match *self {
            LabProblem::Missing { item }
            | LabProblem::OutOfRange { item, .. }
            | LabProblem::TooOld { item, .. }
            | LabProblem::AfterStart { item, .. } => item,
        }
    }

    /// Stable snake_case code, for JSON and tests.
    pub fn code(&self) -> &'static str {
        match (self, self.item()) {
            (LabProblem::Missing { .. }, LabItem::Inr) => "inr_missing",
            (LabProblem::Missing { .. }, LabItem::Platelets) => "platelets_missing",
            (LabProblem::OutOfRange { .. }, LabItem::Inr) => "inr_out_of_range",
            (LabProblem::OutOfRange { .. }, LabItem::Platelets) => "platelets_out_of_range",
            (LabProblem::TooOld { .. }, LabItem::Inr) => "inr_too_old",
            (LabProblem::TooOld { .. }, LabItem::Platelets) => "platelets_too_old",
            (LabProblem::AfterStart { .. }, LabItem::Inr) => "inr_after_start",
            (LabProblem::AfterStart { .. }, LabItem::Platelets) => "platelets_after_start",
        }
    }

    /// The words for the screen, citing the setting behind the number.
    pub fn describe(&self, settings: &Settings) -> String {
        let key = |item| {
            if item == LabItem::Inr { "med.inr_max" } else { "med.platelets_min" }
        };
        match *self {
            LabProblem::Missing { item } => tr!("ward-lab-missing", item = item.label()).into_owned(),
            LabProblem::OutOfRange { item, value, .. } => tr!(
                "ward-lab-out-of-range",
                item = item.label(),
                value = number(value),
                limit = settings.cite(key(item))
            )
            .into_owned(),
            LabProblem::TooOld { item, .. } => {
                tr!("ward-lab-too-old", item = item.label(), limit = settings.cite("med.lab_validity_h")).into_owned()
            }
            LabProblem::AfterStart { item, .. } => tr!("ward-lab-after-start", item = item.label()).into_owned(),
        }
    }
}

/// R-MED-2: INR ≤ `med.inr_max` and platelets ≥ `med.platelets_min`, each
/// taken within `med.lab_validity_h` before `start`. Empty means cleared.
pub fn check_labs(labs: &Labs, start: DateTime<Utc>, settings: &Settings) -> Vec<LabProblem> {
    let validity = duration_of_hours(settings.number("med.lab_validity_h"));
    let oldest = start.checked_sub_signed(validity).unwrap_or(DateTime::<Utc>::MIN_UTC);
    let inr_max = settings.number("med.inr_max");
    let platelets_min = settings.number("med.platelets_min");
    let inr = labs.inr.map(|r| (r, r.value <= inr_max, inr_max));
    let platelets = labs.platelets.map(|r| (r, r.value >= platelets_min, platelets_min));
    let mut out = Vec::new();
    for (item, result) in [(LabItem::Inr, inr), (LabItem::Platelets, platelets)] {
        out.extend(match result {
            None => Some(LabProblem::Missing { item }),
            Some((r, _, _)) if r.taken_at > start => Some(LabProblem::AfterStart { item, taken_at: r.taken_at }),
            Some((r, _, _)) if r.taken_at < oldest => Some(LabProblem::TooOld { item, taken_at: r.taken_at }),
            // A NaN fails both comparisons, so it is out of range, never accepted.
            Some((r, false, limit)) => Some(LabProblem::OutOfRange { item, value: r.value, limit }),
            Some(_) => None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ward_time;
    use chrono::{TimeDelta, TimeZone};
    use chrono_tz::Europe::Paris;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// R-MED-1
    #[test]
    fn r_med_1_last_dose_days_by_class() {
        use DrugClass as C;
        use RenalFunction::{Impaired, Normal};
        let j0 = d(2026, 11, 23);
        let table = [
            (C::Doac, 20),
            (C::Dabigatran(Normal), 19),
            (C::Dabigatran(Impaired), 18),
            (C::Vka, 18),
            (C::Aspirin, 20),
            (C::Clopidogrel, 18),
            (C::Ticagrelor, 18),
            (C::Prasugrel, 16),
        ];
        for (class, day) in table {
            assert_eq!(stop_plan(class, j0, false).last_dose, Some(d(2026, 11, day)), "{class:?}");
        }
        assert_eq!(RenalFunction::from_clearance_ml_min(42.0), Impaired);
    }

    /// R-MED-1
    #[test]
    fn r_med_1_vka_inr_check_on_j_minus_1_and_wording() {
        let plan = stop_plan(DrugClass::Vka, d(2026, 3, 1), false);
        assert_eq!(plan.actions, [Action::InrCheck { on: d(2026, 2, 28) }]);
        let lines = plan.lines(&Settings::default());
        assert_eq!(lines[0], "vitamin-K antagonist: last dose on Tue 24/02/2026 (J-5)");
        assert!(lines[1].starts_with("INR check on Sat 28/02/2026 (J-1): at most med.inr_max=1.5 INR"), "{lines:?}");
    }

    /// R-MED-1
    #[test]
    fn r_med_1_metformin_only_around_iodinated_contrast() {
        let plan = stop_plan(DrugClass::Metformin, d(2026, 12, 31), true);
        assert_eq!(plan.last_dose, Some(d(2026, 12, 30)));
        assert_eq!(plan.actions, [Action::Restart { on: d(2027, 1, 2) }]);
        assert!(plan.lines(&Settings::default())[1].contains("restart day Sat 02/01/2027 (J+2)"));
        let none = stop_plan(DrugClass::Metformin, d(2026, 12, 31), false);
        assert_eq!((none.last_dose, none.actions.len()), (None, 0));
        assert_eq!(none.lines(&Settings::default()), ["metformin: no date to compute for this procedure"]);
    }

    /// R-MED-1
    #[test]
    fn r_med_1_glp1_agonist_is_flagged_for_review_without_a_date() {
        let plan = stop_plan(DrugClass::Glp1Agonist, d(2026, 11, 23), true);
        assert_eq!(plan.last_dose, None);
        assert_eq!(plan.actions, [Action::Review]);
        assert_eq!(
            plan.lines(&Settings::default()),
            ["GLP-1 agonist: for the anaesthetist's review, no date computed"]
        );
    }

    /// R-MED-1
    #[test]
    fn r_med_1_dates_at_the_edge_of_the_calendar_do_not_panic() {
        let plan = stop_plan(DrugClass::Prasugrel, NaiveDate::MIN, true);
        assert_eq!(plan.last_dose, None);
        assert!(stop_plan(DrugClass::Metformin, NaiveDate::MAX, true).actions.is_empty());
        for class in DrugClass::ALL {
            assert_eq!(DrugClass::from_code(class.code()), Some(class));
        }
    }

    /// R-MED-1: the renal threshold is 50 mL/min inclusive.
    #[test]
    fn r_med_1_creatinine_clearance_of_exactly_50_is_normal() {
        assert_eq!(RenalFunction::from_clearance_ml_min(50.0), RenalFunction::Normal);
        assert_eq!(RenalFunction::from_clearance_ml_min(49.9), RenalFunction::Impaired);
    }

    /// R-MED-3: a DOAC for a procedure tomorrow had its last dose on J-3; on
    /// J-1 that day has passed.
    #[test]
    fn r_med_3_the_board_looks_as_far_ahead_as_the_longest_stop() {
        let longest = DrugClass::ALL.iter().filter_map(|c| c.last_dose_offset(true)).max();
        assert_eq!(longest, Some(DrugClass::LONGEST_STOP_DAYS));
    }

    #[test]
    fn r_med_3_a_passed_last_dose_day_is_a_missed_stop() {
        let j0 = d(2026, 12, 1);
        let drugs = [DrugClass::Doac, DrugClass::Glp1Agonist, DrugClass::Metformin];
        let missed = missed_stops(&drugs, j0, false, d(2026, 11, 30));
        assert_eq!(missed, [MissedStop { class: DrugClass::Doac, last_dose: d(2026, 11, 28), procedure_day: j0 }]);
        assert_eq!(
            missed[0].describe(),
            "anti-Xa DOAC (apixaban, rivaroxaban, edoxaban): last dose was Sat 28/11/2026 (J-3), \
             still recorded as taken; mark it stopped or tell the anaesthetist"
        );
        // On the last-dose day itself it is not missed yet.
        assert_eq!(missed_stops(&drugs, j0, false, d(2026, 11, 28)), []);
        // Metformin with contrast: last dose J-1, missed on J0.
        let metformin = missed_stops(&[DrugClass::Metformin], j0, true, j0);
        assert_eq!(metformin.iter().map(|m| m.last_dose).collect::<Vec<_>>(), [d(2026, 11, 30)]);
    }

    /// R-MED-2
    #[test]
    fn r_med_2_vertebroplasty_and_cementoplasty_are_high_bleeding_risk() {
        assert!(is_high_bleeding_risk("vertebroplasty"));
        assert!(is_high_bleeding_risk(" Cementoplasty_hip "));
        assert!(!is_high_bleeding_risk("distractor_removal"));
    }

    fn at(h: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap() + TimeDelta::hours(h)
    }

    /// R-MED-2
    #[test]
    fn r_med_2_labs_in_range_and_recent_clear_the_procedure() {
        let s = Settings::default();
        let labs = Labs {
            inr: Some(LabResult { value: 1.5, taken_at: at(-72) }),
            platelets: Some(LabResult { value: 50.0, taken_at: at(-1) }),
        };
        assert_eq!(check_labs(&labs, at(0), &s), []);
        // Taken exactly at the start still counts; a minute later does not.
        let at_start = Labs {
            inr: Some(LabResult { value: 1.0, taken_at: at(0) }),
            platelets: Some(LabResult { value: 200.0, taken_at: at(0) + TimeDelta::minutes(1) }),
        };
        let codes: Vec<_> = check_labs(&at_start, at(0), &s).iter().map(|p| p.code()).collect();
        assert_eq!(codes, ["platelets_after_start"]);
    }

    /// R-MED-2
    #[test]
    fn r_med_2_missing_out_of_range_and_too_old_are_named() {
        let s = Settings::default();
        let codes = |labs: &Labs| check_labs(labs, at(0), &s).iter().map(|p| p.code()).collect::<Vec<_>>();
        assert_eq!(codes(&Labs::default()), ["inr_missing", "platelets_missing"]);
        let labs = Labs {
            inr: Some(LabResult { value: 1.6, taken_at: at(-2) }),
            platelets: Some(LabResult { value: 120.0, taken_at: at(-73) }),
        };
        assert_eq!(codes(&labs), ["inr_out_of_range", "platelets_too_old"]);
        let problems = check_labs(&labs, at(0), &s);
        assert_eq!(
            problems[0].describe(&s),
            "INR 1.6 out of range (med.inr_max=1.5 INR (GIHP / SFAR high bleeding risk procedures))"
        );
        assert!(problems[1].describe(&s).starts_with("platelets too old (med.lab_validity_h=72 h"));
        let odd = Labs {
            inr: Some(LabResult { value: f64::NAN, taken_at: at(-1) }),
            platelets: Some(LabResult { value: 49.9, taken_at: at(1) }),
        };
        assert_eq!(codes(&odd), ["inr_out_of_range", "platelets_after_start"]);
    }

    proptest! {
        /// R-MED-1
        #[test]
        fn r_med_1_last_dose_is_n_calendar_days_before(
            days in -200_000i64..200_000, class in 0usize..DrugClass::ALL.len(), contrast in any::<bool>(),
        ) {
            let j0 = d(2000, 1, 1) + TimeDelta::days(days);
            let class = DrugClass::ALL[class];
            let plan = stop_plan(class, j0, contrast);
            let n = class.last_dose_offset(contrast);
            prop_assert_eq!(plan.last_dose.map(|l| (j0 - l).num_days()), n.map(|n| n as i64));
        }

        /// R-MED-1
        #[test]
        fn r_med_1_procedure_day_is_the_ward_day_across_dst(minutes in 0i64..6 * 24 * 60, spring in any::<bool>()) {
            // Starts across the last Sunday of March or October, Paris time.
            let from = if spring { d(2026, 3, 27) } else { d(2026, 10, 23) };
            let start = ward_time::at_local(from, chrono::NaiveTime::MIN, Paris) + TimeDelta::minutes(minutes);
            let j0 = ward_time::local_day(start, Paris);
            let plan = stop_plan(DrugClass::Doac, j0, false);
            prop_assert_eq!(plan.last_dose.map(|l| (j0 - l).num_days()), Some(3));
            prop_assert_eq!(plan.last_dose.map(|l| j_label(l, j0)), Some("J-3".to_string()));
        }

        /// R-MED-2
        #[test]
        fn r_med_2_never_panics(inr in any::<f64>(), plt in any::<f64>(), h in -1000i64..1000, v in 0.0f64..1e15) {
            let (s, _) = Settings::from_pairs([("med.lab_validity_h".to_string(), v.to_string())]);
            let labs = Labs {
                inr: Some(LabResult { value: inr, taken_at: at(h) }),
                platelets: Some(LabResult { value: plt, taken_at: at(-h) }),
            };
            for p in check_labs(&labs, at(0), &s) {
                let _ = p.describe(&s);
            }
        }
    }
}

/// Issue 14: drugs and labs (the names alike in both languages left out) in French, none left in English.
#[cfg(test)]
mod french_labels {
    use super::*;

    use crate::i18n::in_both as both;

    #[test]
    fn every_label_is_said_in_french() {
        for (en, fr) in [
            DrugClass::ALL
                .map(|d| both(|| d.label().into_owned()))
                .into_iter()
                .filter(|(en, _)| !["clopidogrel", "prasugrel"].contains(&en.as_str()))
                .collect::<Vec<_>>(),
            vec![both(|| LabItem::Platelets.label().into_owned())],
        ]
        .into_iter()
        .flatten()
        {
            assert!(!fr.is_empty() && !fr.contains("ward-"), "{en}: {fr:?}");
            assert_ne!(en, fr, "{en} is the same in French");
        }
    }
}
