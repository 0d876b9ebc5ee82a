//! Is a case ready for its procedure? (R-READY-1..3)
//!
//! R-READY-3: the status is computed here, every time, from the stored facts;
//! it is never stored as a flag that could drift from them.

use super::anaesthesia::{self, AnaesthesiaFacts, Issue};
use super::attention::{Alert, Severity, Subject};
use super::medication::{self, DrugClass, LabProblem, Labs};
use super::settings::Settings;
use super::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How much a missing item weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// At risk: shown until resolved; the user may go on.
    Warns,
    /// Not ready, but the case may still be confirmed on the schedule.
    NotReady,
    /// Not ready, and confirmation is refused (R-READY-1).
    Blocks,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ready,
    AtRisk,
    NotReady,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Ready => "ready",
            Status::AtRisk => "at_risk",
            Status::NotReady => "not_ready",
        }
    }

    /// With a glyph, so status never rests on colour alone.
    pub fn label(self) -> std::borrow::Cow<'static, str> {
        match self {
            Status::Ready => tr!("ward-ready"),
            Status::AtRisk => tr!("ward-at-risk"),
            Status::NotReady => tr!("ward-not-ready"),
        }
    }
}

/// One missing item, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingItem {
    /// Stable snake_case code for JSON and scripts.
    pub code: &'static str,
    /// What is missing, in words (the language in force).
    pub label: Cow<'static, str>,
    /// Why, citing any setting behind a number.
    pub detail: String,
    pub rule: &'static str,
    pub level: Level,
}

/// The stored facts readiness is computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseFacts {
    pub start: DateTime<Utc>,
    /// The planned admission day: R-READY-2 items count from then.
    pub admit_day: NaiveDate,
    pub emergency: bool,
    pub rcp_decision: bool,
    pub radiology_consultation: bool,
    pub signed_consent: bool,
    pub anaesthesia: AnaesthesiaFacts,
    pub imaging_file: bool,
    pub carte_vitale: bool,
    pub mutuelle_card: bool,
    pub escort: bool,
    /// Drugs the patient takes that have a stop plan or need review (R-MED-1).
    pub drugs: Vec<DrugClass>,
    pub medication_plan_reviewed: bool,
    /// R-MED-1, R-MED-3: metformin stops around iodinated contrast.
    pub iodinated_contrast: bool,
    /// R-MED-2: vertebroplasty, cementoplasty.
    pub high_bleeding_risk: bool,
    pub labs: Labs,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Readiness {
    pub status: Status,
    /// Recorded and reported: it relaxed the confirmation requirements.
    pub emergency: bool,
    pub items: Vec<MissingItem>,
}

fn item(code: &'static str, label: Cow<'static, str>, detail: &str, rule: &'static str, level: Level) -> MissingItem {
    MissingItem { code, label, detail: detail.to_string(), rule, level }
}

/// R-READY-3: the one function that says how ready a case is at `now`.
pub fn readiness(facts: &CaseFacts, now: DateTime<Utc>, settings: &Settings) -> Readiness {
    let mut items = Vec::new();
    // R-READY-1: the confirmation requirements.
    let required = [
        (facts.rcp_decision, "rcp_decision", tr!("ward-item-rcp-decision")),
        (facts.radiology_consultation, "radiology_consultation", tr!("ward-item-radiology-consultation")),
        (facts.signed_consent, "signed_consent", tr!("ward-item-signed-consent")),
    ];
    for (present, code, label) in required {
        if !present {
            items.push(item(code, label, &tr!("ward-item-not-recorded"), "R-READY-1", Level::Blocks));
        }
    }
    for finding in anaesthesia::gate(&facts.anaesthesia, facts.start, now, settings).findings() {
        let level = match finding.issue {
            // R-ANES-1 (missing CPA) is a confirmation requirement; a refusal is a recorded "no".
            Issue::NoCpa | Issue::CpaRefused => Level::Blocks,
            // R-ANES-5: only cleared counts as ready.
            Issue::CpaPending => Level::NotReady,
            Issue::CpaLate { .. } | Issue::CpaExpired { .. } | Issue::NoPreVisit => Level::Warns,
        };
        let (code, label, rule) = (finding.issue.code(), finding.issue.label(), finding.issue.rule());
        items.push(item(code, label, &finding.detail, rule, level));
    }

    // R-READY-2: what the patient brings, from the admission day on.
    let today = ward_time::local_day(now, settings.zone());
    if today >= facts.admit_day {
        let brought = [
            (facts.imaging_file, "imaging_file", tr!("ward-item-imaging-file")),
            (facts.carte_vitale, "carte_vitale", tr!("ward-item-carte-vitale")),
            (facts.mutuelle_card, "mutuelle_card", tr!("ward-item-mutuelle-card")),
            (facts.escort, "escort", tr!("ward-item-escort")),
        ];
        for (present, code, label) in brought {
            if !present {
                items.push(item(code, label, &tr!("ward-item-not-recorded-at-admission"), "R-READY-2", Level::Warns));
            }
        }
    }

    // R-MED-1: dates are computed elsewhere; here, only whether someone reviewed them.
    if !facts.drugs.is_empty() && !facts.medication_plan_reviewed {
        let drugs: Vec<_> = facts.drugs.iter().map(|d| d.label()).collect();
        let detail = tr!("ward-item-not-reviewed", drugs = drugs.join(", "));
        items.push(item("medication_plan", tr!("ward-item-medication-plan"), &detail, "R-MED-1", Level::Warns));
    }

    // R-MED-3: a last-dose day passed while the treatment is still recorded as taken.
    let procedure_day = ward_time::local_day(facts.start, settings.zone());
    for missed in medication::missed_stops(&facts.drugs, procedure_day, facts.iodinated_contrast, today) {
        items.push(item("missed_stop", tr!("ward-item-missed-stop"), &missed.describe(), "R-MED-3", Level::Warns));
    }

    // R-MED-2: a value out of range stops the case; a missing or old one can still be drawn.
    if facts.high_bleeding_risk {
        for problem in medication::check_labs(&facts.labs, facts.start, settings) {
            let level = match problem {
                LabProblem::OutOfRange { .. } => Level::NotReady,
                _ => Level::Warns,
            };
            items.push(item(problem.code(), problem.item().label(), &problem.describe(settings), "R-MED-2", level));
        }
    }

    // R-READY-1: an emergency relaxes the missing requirements (not a refusal), and says so.
    let mut relaxed = Vec::new();
    if facts.emergency {
        for it in items.iter_mut().filter(|i| i.level == Level::Blocks && i.code != "cpa_refused") {
            it.level = Level::Warns;
            it.detail.push_str(&tr!("ward-item-relaxed"));
            relaxed.push(it.label.clone());
        }
    }
    if !relaxed.is_empty() {
        let detail = tr!("ward-item-confirmed-without", items = relaxed.join(", "));
        items.push(item("emergency", tr!("ward-item-emergency"), &detail, "R-READY-1", Level::Warns));
    }

    let status = match items.iter().map(|i| i.level).max() {
        None => Status::Ready,
        Some(Level::Warns) => Status::AtRisk,
        Some(Level::NotReady | Level::Blocks) => Status::NotReady,
    };
    Readiness { status, emergency: facts.emergency, items }
}

/// R-READY-1: may the case be confirmed on the schedule? If not, every item
/// that refuses it, by name.
pub fn can_confirm(facts: &CaseFacts, now: DateTime<Utc>, settings: &Settings) -> Result<(), Vec<MissingItem>> {
    let blocking: Vec<_> =
        readiness(facts, now, settings).items.into_iter().filter(|i| i.level == Level::Blocks).collect();
    if blocking.is_empty() { Ok(()) } else { Err(blocking) }
}

/// One board alert per missing item (R-READY-2: "shown on the board until resolved").
pub fn alerts(case_id: i64, readiness: &Readiness) -> Vec<Alert> {
    readiness
        .items
        .iter()
        .map(|i| {
            let (head, severity) = match i.level {
                _ if i.code == "emergency" => (tr!("ward-head-emergency"), Severity::Warning),
                Level::Blocks | Level::NotReady => (tr!("ward-head-not-ready"), Severity::Urgent),
                Level::Warns => (tr!("ward-head-at-risk"), Severity::Warning),
            };
            Alert {
                rule: i.rule,
                severity,
                subject: Subject::Case(case_id),
                message: tr!("ward-alert-item", head = head, label = i.label.clone(), detail = i.detail.as_str())
                    .into_owned(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::anaesthesia::{Cpa, CpaOutcome};
    use crate::domain::case::AnaesthesiaMode;
    use crate::domain::medication::LabResult;
    use chrono::TimeZone;
    use chrono_tz::Europe::Paris;

    fn paris(d: u32, h: u32) -> DateTime<Utc> {
        Paris.with_ymd_and_hms(2026, 11, d, h, 0, 0).single().unwrap().with_timezone(&Utc)
    }

    fn ready_facts() -> CaseFacts {
        CaseFacts {
            start: paris(23, 8),
            admit_day: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            emergency: false,
            rcp_decision: true,
            radiology_consultation: true,
            signed_consent: true,
            anaesthesia: AnaesthesiaFacts {
                mode: AnaesthesiaMode::SedationLocal,
                cpa: Some(Cpa { at: paris(2, 10), outcome: CpaOutcome::Cleared, asa: None, notes: None }),
                pre_visit_at: Some(paris(22, 18)),
            },
            imaging_file: true,
            carte_vitale: true,
            mutuelle_card: true,
            escort: true,
            // No stop date, so R-MED-3 never fires for the fixture.
            drugs: vec![DrugClass::Glp1Agonist],
            medication_plan_reviewed: true,
            iodinated_contrast: false,
            high_bleeding_risk: true,
            labs: Labs {
                inr: Some(LabResult { value: 1.0, taken_at: paris(22, 8) }),
                platelets: Some(LabResult { value: 210.0, taken_at: paris(22, 8) }),
            },
        }
    }

    fn codes(r: &Readiness) -> Vec<&'static str> {
        r.items.iter().map(|i| i.code).collect()
    }

    /// R-READY-3
    #[test]
    fn r_ready_3_everything_present_is_ready() {
        let r = readiness(&ready_facts(), paris(23, 7), &Settings::default());
        assert_eq!((r.status, r.items.len()), (Status::Ready, 0));
        assert_eq!(r.status.label(), "✓ ready");
    }

    /// R-READY-1
    #[test]
    fn r_ready_1_confirmation_blocked_without_rcp_radiology_consent_or_cpa() {
        let s = Settings::default();
        let mut f = ready_facts();
        (f.rcp_decision, f.radiology_consultation, f.signed_consent) = (false, false, false);
        f.anaesthesia.cpa = None;
        let err = can_confirm(&f, paris(10, 9), &s).unwrap_err();
        let names: Vec<_> = err.iter().map(|i| i.code).collect();
        assert_eq!(names, ["rcp_decision", "radiology_consultation", "signed_consent", "no_cpa"]);
        assert_eq!(readiness(&f, paris(10, 9), &s).status, Status::NotReady);
        // Local only: no CPA needed.
        (f.rcp_decision, f.radiology_consultation, f.signed_consent) = (true, true, true);
        f.anaesthesia.mode = AnaesthesiaMode::LocalOnly;
        assert_eq!(can_confirm(&f, paris(10, 9), &s), Ok(()));
    }

    /// R-READY-1
    #[test]
    fn r_ready_1_emergency_relaxes_and_is_reported_but_not_a_refusal() {
        let s = Settings::default();
        let mut f = ready_facts();
        f.emergency = true;
        f.signed_consent = false;
        f.anaesthesia.cpa = None;
        assert_eq!(can_confirm(&f, paris(22, 9), &s), Ok(()));
        let r = readiness(&f, paris(22, 9), &s);
        assert_eq!(r.status, Status::AtRisk);
        let last = r.items.last().unwrap();
        assert_eq!(
            (last.code, last.detail.as_str()),
            ("emergency", "confirmed without: signed consent, anaesthesia consultation (CPA)")
        );
        let a = alerts(3, &r);
        assert!(a.last().unwrap().message.starts_with("EMERGENCY: emergency: confirmed without"), "{a:?}");
        f.anaesthesia.cpa = Some(Cpa { at: paris(2, 10), outcome: CpaOutcome::Refused, asa: None, notes: None });
        let err = can_confirm(&f, paris(22, 9), &s).unwrap_err();
        assert_eq!(err[0].code, "cpa_refused");
    }

    /// R-READY-2
    #[test]
    fn r_ready_2_admission_items_are_warnings_from_the_admission_day() {
        let s = Settings::default();
        let mut f = ready_facts();
        (f.imaging_file, f.carte_vitale, f.mutuelle_card, f.escort) = (false, false, false, false);
        assert_eq!(readiness(&f, paris(21, 23), &s).status, Status::Ready);
        let r = readiness(&f, paris(22, 15), &s);
        assert_eq!(r.status, Status::AtRisk);
        assert_eq!(codes(&r), ["imaging_file", "carte_vitale", "mutuelle_card", "escort"]);
        assert_eq!(can_confirm(&f, paris(22, 15), &s), Ok(()));
        let a = alerts(9, &r);
        assert_eq!(a[1].message, "AT RISK: carte Vitale: not recorded at admission");
        assert_eq!((a[1].rule, a[1].severity, a[1].subject), ("R-READY-2", Severity::Warning, Subject::Case(9)));
    }

    /// R-MED-2: an out-of-range INR or platelet count alone makes the case not
    /// ready (it may still be confirmed); a missing or old one only puts it at risk.
    #[test]
    fn r_med_2_out_of_range_labs_make_the_case_not_ready() {
        let s = Settings::default();
        for (inr, platelets) in [(1.6, 210.0), (1.0, 49.0)] {
            let mut f = ready_facts();
            f.labs.inr = Some(LabResult { value: inr, taken_at: paris(22, 8) });
            f.labs.platelets = Some(LabResult { value: platelets, taken_at: paris(22, 8) });
            let r = readiness(&f, paris(22, 9), &s);
            assert_eq!(r.status, Status::NotReady, "{inr} {platelets}");
            assert_eq!(r.items.iter().map(|i| (i.rule, i.level)).collect::<Vec<_>>(), [("R-MED-2", Level::NotReady)]);
            assert_eq!(can_confirm(&f, paris(22, 9), &s), Ok(()));
        }
        let mut f = ready_facts();
        f.labs.inr = None;
        let r = readiness(&f, paris(22, 9), &s);
        assert_eq!((r.status, r.items[0].level), (Status::AtRisk, Level::Warns));
    }

    /// R-MED-3: a DOAC whose last dose (J-3) has passed, still recorded as
    /// taken, puts a case that was ready at risk, naming the drug and the day.
    #[test]
    fn r_med_3_a_missed_stop_puts_the_case_at_risk() {
        let s = Settings::default();
        let mut f = ready_facts();
        f.drugs = vec![DrugClass::Doac];
        // J-3 is Fri 20/11; on that day the last dose is still due.
        assert_eq!(readiness(&f, paris(20, 20), &s).status, Status::Ready);
        let r = readiness(&f, paris(22, 9), &s);
        assert_eq!(r.status, Status::AtRisk);
        assert_eq!((r.items[0].code, r.items[0].rule, r.items[0].level), ("missed_stop", "R-MED-3", Level::Warns));
        assert!(
            r.items[0]
                .detail
                .starts_with("anti-Xa DOAC (apixaban, rivaroxaban, edoxaban): last dose was Fri 20/11/2026 (J-3)")
        );
        // Ward days: 23:30 UTC on 20/11 is already 21/11 in Paris, the day after J-3.
        use chrono::TimeZone;
        let late = Utc.with_ymd_and_hms(2026, 11, 20, 23, 30, 0).unwrap();
        assert_eq!(readiness(&f, late, &s).status, Status::AtRisk);
        let earlier = Utc.with_ymd_and_hms(2026, 11, 20, 22, 30, 0).unwrap();
        assert_eq!(readiness(&f, earlier, &s).status, Status::Ready);
        // Marked stopped: no longer among the active drugs.
        f.drugs.clear();
        assert_eq!(readiness(&f, paris(22, 9), &s).status, Status::Ready);
    }

    /// R-READY-2: the admission day is a ward day: 23:30 UTC on 21/11 is
    /// already 22/11 in Paris.
    #[test]
    fn r_ready_2_counts_from_the_ward_admission_day() {
        use chrono::TimeZone;
        let s = Settings::default();
        let mut f = ready_facts();
        f.escort = false;
        let late = Utc.with_ymd_and_hms(2026, 11, 21, 23, 30, 0).unwrap();
        assert_eq!(codes(&readiness(&f, late, &s)), ["escort"]);
        let earlier = Utc.with_ymd_and_hms(2026, 11, 21, 22, 30, 0).unwrap();
        assert_eq!(readiness(&f, earlier, &s).status, Status::Ready);
    }

    /// R-READY-3
    #[test]
    fn r_ready_3_lists_anaesthesia_medication_and_lab_items_by_name() {
        let s = Settings::default();
        let mut f = ready_facts();
        f.anaesthesia.cpa = f.anaesthesia.cpa.map(|c| Cpa { outcome: CpaOutcome::Pending, ..c });
        f.anaesthesia.pre_visit_at = None;
        f.medication_plan_reviewed = false;
        f.labs.platelets = Some(LabResult { value: 30.0, taken_at: paris(22, 8) });
        f.labs.inr = None;
        let r = readiness(&f, paris(23, 6), &s);
        assert_eq!(r.status, Status::NotReady);
        assert_eq!(
            codes(&r),
            ["cpa_pending", "no_pre_visit", "medication_plan", "inr_missing", "platelets_out_of_range"]
        );
        assert_eq!(r.items[2].detail, "not reviewed: GLP-1 agonist");
        // Pending and out-of-range labs make the case not ready without refusing confirmation.
        assert_eq!(can_confirm(&f, paris(23, 6), &s), Ok(()));
        assert_eq!(alerts(1, &r)[1].rule, "R-ANES-3");
        // Not high bleeding risk: the labs are not asked for.
        f.high_bleeding_risk = false;
        assert!(!codes(&readiness(&f, paris(23, 6), &s)).contains(&"inr_missing"));
    }
}

/// Issue 14: readiness in French, none left in English.
#[cfg(test)]
mod french_labels {
    use super::*;

    use crate::i18n::in_both as both;

    #[test]
    fn every_label_is_said_in_french() {
        for (en, fr) in
            [[Status::Ready, Status::AtRisk, Status::NotReady].map(|s| both(|| s.label().into_owned())).to_vec()]
                .into_iter()
                .flatten()
        {
            assert!(!fr.is_empty() && !fr.contains("ward-"), "{en}: {fr:?}");
            assert_ne!(en, fr, "{en} is the same in French");
        }
    }
}
