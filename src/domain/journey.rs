//! The patient's journey as the screens and `--format json` show it: plain
//! data, serialised with stable snake_case codes, plus the few small rules
//! that pick which facts apply (a child's fasting times, a procedure's
//! bleeding risk). The judgements themselves live in their rule modules.

use super::anaesthesia::{AsaClass, CpaOutcome, Finding, Gate};
use super::attention::Alert;
use super::beds::{BedState, BedStatus};
use super::case::{AnaesthesiaMode, CaseState};
use super::checklist::CheckItem;
use super::discharge::DischargeItem;
use super::fasting::{self, IntakeKind, PatientKind};
use super::identity::Identity;
use super::medication::{self, Action, DrugClass, LabItem};
use super::pathway::AdmissionState;
use super::readiness::{Level, Readiness, Status};
use super::settings::Settings;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Serialize, Serializer};

fn mode_code<S: Serializer>(mode: &AnaesthesiaMode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(mode.code())
}

fn mode_code_opt<S: Serializer>(mode: &Option<AnaesthesiaMode>, s: S) -> Result<S::Ok, S::Error> {
    match mode {
        Some(m) => s.serialize_str(m.code()),
        None => s.serialize_none(),
    }
}

fn drug_code<S: Serializer>(drug: &DrugClass, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(drug.code())
}

/// R-MED-2: how much a procedure may bleed; vertebroplasty and cementoplasty are high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BleedingRisk {
    Standard,
    High,
}

impl BleedingRisk {
    pub fn code(self) -> &'static str {
        match self {
            BleedingRisk::Standard => "standard",
            BleedingRisk::High => "high",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [BleedingRisk::Standard, BleedingRisk::High].into_iter().find(|r| r.code() == code)
    }

    /// R-MED-2: the default for a procedure kind, by its code.
    pub fn for_procedure(code: &str) -> Self {
        if medication::is_high_bleeding_risk(code) { BleedingRisk::High } else { BleedingRisk::Standard }
    }
}

/// R-FAST-1: children have their own fasting times; a child is under 18 on the procedure day.
pub fn patient_kind(birth_date: NaiveDate, procedure_day: NaiveDate) -> PatientKind {
    let mut age = procedure_day.year() - birth_date.year();
    if (procedure_day.month(), procedure_day.day()) < (birth_date.month(), birth_date.day()) {
        age -= 1;
    }
    if age < 18 { PatientKind::Child } else { PatientKind::Adult }
}

/// R-DISCH-1: procedure kinds that are a percutaneous osteosynthesis (a 48 h work stop follows).
pub const PERCUTANEOUS_OSTEOSYNTHESIS: &[&str] = &["cemented_screw_fixation"];

pub fn is_percutaneous_osteosynthesis(procedure_code: &str) -> bool {
    PERCUTANEOUS_OSTEOSYNTHESIS.contains(&procedure_code)
}

/// R-FAST-1: the times the ward tells the patient, from the scheduled start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FastingTimes {
    pub solids_until: DateTime<Utc>,
    pub clear_fluids_until: DateTime<Utc>,
    /// Children only.
    pub breast_milk_until: Option<DateTime<Utc>>,
    pub formula_until: Option<DateTime<Utc>>,
}

impl FastingTimes {
    /// R-FAST-1, the one wording: `solids until 02:00, clear fluids until 06:00` (ward time).
    pub fn summary(&self, zone: chrono_tz::Tz) -> String {
        tr!(
            "store-fasting-summary",
            solids = crate::domain::ward_time::clock_text(self.solids_until, zone),
            fluids = crate::domain::ward_time::clock_text(self.clear_fluids_until, zone)
        )
        .into_owned()
    }
}

/// R-FAST-1, R-FAST-2: for a case under anaesthesia, computed from its start
/// every time (so a moved case has moved times); `None` under local anaesthesia only.
pub fn fasting_times(
    start: DateTime<Utc>,
    mode: AnaesthesiaMode,
    patient: PatientKind,
    settings: &Settings,
) -> Option<FastingTimes> {
    if !mode.needs_anaesthetist() {
        return None;
    }
    let w = fasting::window(start, patient, settings);
    Some(FastingTimes {
        solids_until: w.solids_until,
        clear_fluids_until: w.clear_fluids_until,
        breast_milk_until: w.breast_milk_until,
        formula_until: w.formula_until,
    })
}

/// One missing item, short: what lists and the board show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    pub code: &'static str,
    pub label: String,
    pub rule: &'static str,
    /// `blocks`, `not_ready` or `warns` (readiness); `missing` for a discharge item.
    pub level: &'static str,
}

/// R-READY-3: one computed status and the missing items by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadinessSummary {
    pub status: Status,
    pub emergency: bool,
    pub missing: Vec<Missing>,
}

impl ReadinessSummary {
    pub fn of(readiness: &Readiness) -> Self {
        let missing = readiness
            .items
            .iter()
            .map(|i| Missing {
                code: i.code,
                label: i.label.to_string(),
                rule: i.rule,
                level: match i.level {
                    Level::Blocks => "blocks",
                    Level::NotReady => "not_ready",
                    Level::Warns => "warns",
                },
            })
            .collect();
        ReadinessSummary { status: readiness.status, emergency: readiness.emergency, missing }
    }

    /// `signed consent, carte Vitale`: the missing items in words.
    pub fn missing_text(&self) -> String {
        self.missing.iter().map(|m| m.label.as_str()).collect::<Vec<_>>().join(", ")
    }
}

/// R-MED-1: one drug's dates around the procedure, for the anaesthetist to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StopView {
    #[serde(serialize_with = "drug_code")]
    pub drug: DrugClass,
    pub label: std::borrow::Cow<'static, str>,
    pub last_dose: Option<NaiveDate>,
    pub actions: Vec<Action>,
    /// One sentence per date ("aspirin: last dose on Fri 20/11/2026 (J-3)").
    pub lines: Vec<String>,
}

impl StopView {
    pub fn new(drug: DrugClass, procedure_day: NaiveDate, iodinated_contrast: bool, settings: &Settings) -> Self {
        let plan = medication::stop_plan(drug, procedure_day, iodinated_contrast);
        StopView {
            drug,
            label: drug.label(),
            last_dose: plan.last_dose,
            lines: plan.lines(settings),
            actions: plan.actions,
        }
    }
}

/// R-DISCH-1: where a patient about to go home stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DischargeStatus {
    /// Recorded at all.
    pub checked: bool,
    pub padss_total: Option<u8>,
    pub missing: Vec<Missing>,
}

impl DischargeStatus {
    pub fn new(checked: bool, padss_total: Option<u8>, missing: &[DischargeItem]) -> Self {
        DischargeStatus { checked, padss_total, missing: discharge_missing(missing) }
    }
}

pub fn discharge_missing(items: &[DischargeItem]) -> Vec<Missing> {
    items.iter().map(|i| Missing { code: i.code(), label: i.label(), rule: "R-DISCH-1", level: "missing" }).collect()
}

/// R-PATH-2: one recorded step of an admission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineStep {
    pub step_id: i64,
    pub at: DateTime<Utc>,
    pub from: AdmissionState,
    pub to: AdmissionState,
    /// Display name of who took it.
    pub by: String,
    pub reason: Option<String>,
    /// A step that undid the one before it.
    pub undo: bool,
}

/// A patient with the admission that puts them in (or expects them in) a bed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BedOccupant {
    pub admission_id: i64,
    pub patient: Identity,
}

/// R-PATH-4: one bed on the bed board for a night.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BedRow {
    pub bed_id: i64,
    pub version: i64,
    pub label: String,
    /// What the bed is, as stored.
    pub physical: BedState,
    /// What the board shows, with `reserved` derived.
    pub status: BedStatus,
    /// The patient in it now.
    pub occupant: Option<BedOccupant>,
    /// The planned admission holding it for the night.
    pub expected: Option<BedOccupant>,
}

/// A bed a stay could take for its nights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BedChoice {
    pub bed_id: i64,
    pub label: String,
    pub physical: BedState,
}

/// One row of the Admissions list and of `periop admissions`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdmissionSummary {
    pub admission_id: i64,
    pub version: i64,
    pub patient: Identity,
    pub state: AdmissionState,
    pub planned_admit_on: NaiveDate,
    pub planned_discharge_on: NaiveDate,
    pub admitted_at: Option<DateTime<Utc>>,
    pub discharged_at: Option<DateTime<Utc>>,
    pub bed_id: Option<i64>,
    pub bed: Option<String>,
    pub incident: Option<String>,
    pub case_id: Option<i64>,
    pub case_version: Option<i64>,
    pub case_state: Option<CaseState>,
    pub procedure: Option<String>,
    pub procedure_start: Option<DateTime<Utc>>,
    #[serde(serialize_with = "mode_code_opt")]
    pub anaesthesia_mode: Option<AnaesthesiaMode>,
    pub emergency: bool,
    /// R-READY-3, for a case still to come (planned or confirmed).
    pub readiness: Option<ReadinessSummary>,
    /// R-FAST-1, for a case under anaesthesia still to come.
    pub fasting: Option<FastingTimes>,
    /// R-MED-1, one per active treatment.
    pub stops: Vec<StopView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PatientView {
    #[serde(flatten)]
    pub identity: Identity,
    /// `F`, `M` or `X`.
    pub sex: String,
    pub hospital_number: String,
    /// R-FAST-5.
    pub insulin_treated_diabetic: bool,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseView {
    pub case_id: i64,
    pub version: i64,
    pub state: CaseState,
    pub procedure: String,
    pub procedure_code: String,
    pub start: DateTime<Utc>,
    pub minutes: u32,
    pub room: Option<String>,
    pub operator: Option<String>,
    pub anaesthetist: Option<String>,
    pub side_level: Option<String>,
    #[serde(serialize_with = "mode_code")]
    pub anaesthesia_mode: AnaesthesiaMode,
    pub bleeding_risk: BleedingRisk,
    pub iodinated_contrast: bool,
    pub emergency: bool,
    /// R-ANES-3.
    pub pre_visit_at: Option<DateTime<Utc>>,
    /// R-BLOCK-6: the J0 timeline's next event as read (`None`: every event
    /// recorded); `J` sends it, so a change meanwhile is a conflict (R-AUDIT-2).
    #[serde(skip)]
    pub next_event: Option<crate::domain::block_timeline::EventKind>,
}

/// One checklist line, ticked or not, with who and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckRow {
    pub item: CheckItem,
    pub label: std::borrow::Cow<'static, str>,
    pub rule: &'static str,
    pub done: bool,
    pub checked_at: Option<DateTime<Utc>>,
    pub checked_by: Option<String>,
    /// `None` until first ticked (pass it back to `checks::set`).
    pub version: Option<i64>,
}

/// R-ANES-1..5: an anaesthesia consultation (CPA).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsultationView {
    pub consultation_id: i64,
    pub version: i64,
    pub held_at: DateTime<Utc>,
    pub anaesthetist: Option<String>,
    pub asa: Option<AsaClass>,
    #[serde(serialize_with = "mode_code")]
    pub planned_mode: AnaesthesiaMode,
    pub outcome: CpaOutcome,
    pub notes: Option<String>,
    /// Entered by mistake: the reason it was voided (shown struck through;
    /// no rule counts it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voided: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntakeView {
    pub intake_id: i64,
    pub kind: IntakeKind,
    pub taken_at: DateTime<Utc>,
    /// Entered by mistake: the reason it was voided (shown struck through;
    /// no rule counts it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voided: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreatmentView {
    pub treatment_id: i64,
    pub version: i64,
    #[serde(serialize_with = "drug_code")]
    pub drug: DrugClass,
    pub label: std::borrow::Cow<'static, str>,
    pub active: bool,
    /// R-MED-1: the dates around this stay's procedure, for an active treatment.
    pub stop: Option<StopView>,
    /// Entered by mistake: the reason it was voided (shown struck through;
    /// no rule counts it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voided: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabView {
    pub lab_id: i64,
    pub item: LabItem,
    pub value: f64,
    pub taken_at: DateTime<Utc>,
    /// Entered by mistake: the reason it was voided (shown struck through;
    /// no rule counts it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voided: Option<String>,
}

/// R-DISCH-1: the discharge check as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DischargeCheckView {
    pub check_id: i64,
    pub version: i64,
    /// Vital signs, activity and mental state, pain/nausea/vomiting, bleeding, intake/output.
    pub padss: [Option<u8>; 5],
    pub padss_total: Option<u8>,
    pub escort: bool,
    pub letter_given_on: Option<NaiveDate>,
    pub work_stop_certificate: bool,
    pub follow_up_appointment: bool,
    pub override_reason: Option<String>,
}

/// R-DISCH-2: the phone call the day after discharge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUpCall {
    pub call_id: i64,
    pub version: i64,
    pub admission_id: i64,
    pub patient: Identity,
    pub discharged_at: Option<DateTime<Utc>>,
    pub due_on: NaiveDate,
    pub done_at: Option<DateTime<Utc>>,
    pub notes: Option<String>,
    /// Not done and its day has passed.
    pub overdue: bool,
}

/// Everything the admission's detail screen shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdmissionDetail {
    pub patient: PatientView,
    pub admission: AdmissionSummary,
    pub case: Option<CaseView>,
    pub timeline: Vec<TimelineStep>,
    pub checklist: Vec<CheckRow>,
    /// R-READY-3 in full, with each item's detail.
    pub readiness: Option<Readiness>,
    /// Every CPA of the case, oldest first; the last one counts.
    pub consultations: Vec<ConsultationView>,
    /// R-ANES-1..5 for the case at `now`.
    pub gate: Option<Gate>,
    pub intakes: Vec<IntakeView>,
    pub fasting: Option<FastingTimes>,
    /// R-FAST-3..5 at `now`.
    pub fasting_alerts: Vec<Alert>,
    pub treatments: Vec<TreatmentView>,
    pub labs: Vec<LabView>,
    pub discharge_check: Option<DischargeCheckView>,
    /// R-DISCH-1 for a discharge today, while the patient is on the ward.
    pub discharge_missing: Vec<Missing>,
    pub follow_up_call: Option<FollowUpCall>,
    /// R-TRACE-1: the devices implanted in (or used on) the patient in this
    /// stay's cases; the discharge letter lists them (R-DISCH-1).
    pub implants: Vec<super::stock::trace::ImplantRecord>,
    /// R-COMP-1: the patient's complications (any stay), open ones first,
    /// voided ones last (marked).
    pub complications: Vec<super::complications::Complication>,
    /// R-HO-1: the patient's ossification follow-ups (any stay; voided ones
    /// marked), by surgery, oldest first.
    pub ossification: Vec<super::ossification::FollowUpView>,
}

/// R-ANES-1, -2, -5: a case under anaesthesia whose consultation needs attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsultationDue {
    pub case_id: i64,
    pub case_version: i64,
    pub admission_id: i64,
    pub patient: Identity,
    pub procedure: String,
    pub start: DateTime<Utc>,
    #[serde(serialize_with = "mode_code")]
    pub anaesthesia_mode: AnaesthesiaMode,
    pub latest: Option<ConsultationView>,
    pub findings: Vec<Finding>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// R-FAST-1
    #[test]
    fn r_fast_1_a_child_is_under_18_on_the_procedure_day() {
        assert_eq!(patient_kind(d(2008, 11, 23), d(2026, 11, 22)), PatientKind::Child);
        assert_eq!(patient_kind(d(2008, 11, 22), d(2026, 11, 22)), PatientKind::Adult);
        assert_eq!(patient_kind(d(1950, 1, 1), d(2026, 11, 22)), PatientKind::Adult);
    }

    /// R-FAST-1
    #[test]
    fn r_fast_1_times_only_under_anaesthesia() {
        let s = Settings::default();
        let start = Utc.with_ymd_and_hms(2026, 11, 23, 7, 0, 0).unwrap();
        assert_eq!(fasting_times(start, AnaesthesiaMode::LocalOnly, PatientKind::Adult, &s), None);
        let t = fasting_times(start, AnaesthesiaMode::General, PatientKind::Adult, &s).unwrap();
        assert_eq!(start - t.solids_until, chrono::TimeDelta::hours(6));
        assert_eq!(start - t.clear_fluids_until, chrono::TimeDelta::hours(2));
        assert_eq!(t.breast_milk_until, None);
    }

    /// R-MED-2
    #[test]
    fn r_med_2_vertebroplasty_defaults_to_high_bleeding_risk() {
        assert_eq!(BleedingRisk::for_procedure("vertebroplasty"), BleedingRisk::High);
        assert_eq!(BleedingRisk::for_procedure("cemented_screw_fixation"), BleedingRisk::Standard);
        assert_eq!(BleedingRisk::from_code("high"), Some(BleedingRisk::High));
        assert!(is_percutaneous_osteosynthesis("cemented_screw_fixation"));
    }
}
