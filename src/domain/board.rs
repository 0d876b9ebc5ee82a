//! Today's board: who arrives, who is in the block, who leaves, and what
//! needs attention. The store gathers the facts; this module decides what
//! they mean, so the TUI and `periop board` say the same thing.

use super::anaesthesia::{self, Issue};
use super::attention::{self, Alert, Severity, Subject};
use super::beds::BedStatus;
use super::case::{AnaesthesiaMode, CaseState};
use super::day_label;
use super::discharge::{self, DischargeFacts};
use super::fasting::{self, FastingCase};
use super::identity::Identity;
use super::journey::{self, DischargeStatus, FastingTimes, FollowUpCall, ReadinessSummary};
use super::medication;
use super::pathway::{self, AdmissionState};
use super::readiness::{self, CaseFacts, Level};
use super::settings::{self, Settings};
use super::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

fn mode_code_opt<S: Serializer>(mode: &Option<AnaesthesiaMode>, s: S) -> Result<S::Ok, S::Error> {
    match mode {
        Some(m) => s.serialize_str(m.code()),
        None => s.serialize_none(),
    }
}

fn mode_code<S: Serializer>(mode: &AnaesthesiaMode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(mode.code())
}

/// One admission as the board lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stay {
    pub admission_id: i64,
    /// For optimistic concurrency: the version the user saw when acting.
    pub version: i64,
    pub patient: Identity,
    pub state: AdmissionState,
    pub planned_admit_on: NaiveDate,
    pub planned_discharge_on: NaiveDate,
    pub bed: Option<String>,
    pub incident: Option<String>,
    /// The stay's procedure, when one is booked.
    pub procedure: Option<String>,
    pub procedure_day: Option<NaiveDate>,
    /// The stay's case (the first one not cancelled or postponed).
    pub case_id: Option<i64>,
    pub procedure_start: Option<DateTime<Utc>>,
    #[serde(serialize_with = "mode_code_opt")]
    pub anaesthesia_mode: Option<AnaesthesiaMode>,
    /// R-PATH-4: the bed's status for the board day's night (`reserved` derived).
    pub bed_status: Option<BedStatus>,
    /// R-READY-3: filled by [`Board::build`] for a case still to come.
    pub readiness: Option<ReadinessSummary>,
    /// R-FAST-1: filled by [`Board::build`] for a case under anaesthesia still to come.
    pub fasting: Option<FastingTimes>,
    /// R-DISCH-1: filled by [`Board::build`] for a departure still on the ward.
    pub discharge: Option<DischargeStatus>,
}

/// One case on the block schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slot {
    pub case_id: i64,
    pub admission_id: i64,
    pub patient: Identity,
    pub room: String,
    pub start: DateTime<Utc>,
    pub minutes: u32,
    pub procedure: String,
    pub operator: String,
    pub state: CaseState,
    #[serde(serialize_with = "mode_code")]
    pub anaesthesia_mode: AnaesthesiaMode,
    /// R-READY-1: recorded and reported.
    pub emergency: bool,
    pub admission_state: AdmissionState,
    pub bed: Option<String>,
    pub bed_status: Option<BedStatus>,
    /// R-READY-3: filled by [`Board::build`] for a case still to come.
    pub readiness: Option<ReadinessSummary>,
    /// R-FAST-1: filled by [`Board::build`] for a case under anaesthesia still to come.
    pub fasting: Option<FastingTimes>,
    /// R-BLOCK-6: the latest event of the J0 timeline: where the patient is now.
    pub where_now: Option<super::block_timeline::TimelineEvent>,
}

impl Slot {
    /// R-BLOCK-6: where the patient is, in one wording for the Board, its
    /// text and the JSON's `where_now`: the latest timeline event once the
    /// timeline has begun, the case's state before.
    pub fn where_label(&self) -> std::borrow::Cow<'static, str> {
        self.where_now.map_or_else(|| self.state.label(), |e| e.kind.where_now())
    }
}

/// The stored facts the rules read for one case on the board.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseInputs {
    pub state: CaseState,
    /// R-READY-*, R-ANES-*, R-MED-*.
    pub readiness: CaseFacts,
    /// R-FAST-*.
    pub fasting: FastingCase,
}

impl CaseInputs {
    /// Planned or confirmed: readiness and fasting still matter.
    fn to_come(&self) -> bool {
        matches!(self.state, CaseState::Planned | CaseState::Confirmed)
    }
}

/// What the rules read, keyed by case and by admission. Not printed: the
/// board prints what they mean.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleInputs {
    /// The day's cases and the next day's (the arrivals').
    pub cases: BTreeMap<i64, CaseInputs>,
    /// R-DISCH-1: departures still on the ward, by admission.
    pub discharges: BTreeMap<i64, DischargeFacts>,
    /// R-MED-3: cases of the days after (up to
    /// [`medication::DrugClass::LONGEST_STOP_DAYS`]) of patients on a treatment to
    /// stop, not already in `cases`: a stop missed today shows today, not
    /// only once the case is tomorrow's.
    pub stops_ahead: BTreeMap<i64, CaseInputs>,
}

/// What the store reads for one ward day.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facts {
    /// Admissions planned to arrive on the day.
    pub arrivals: Vec<Stay>,
    /// Cases scheduled on the day, by room then start.
    pub procedures: Vec<Slot>,
    /// Planned to leave on the day, or still on the ward past their planned day.
    pub departures: Vec<Stay>,
    /// Planned admissions whose day has passed without an arrival.
    pub missed_arrivals: Vec<Stay>,
    /// R-DISCH-2: follow-up calls due on the day or overdue, not yet done.
    pub follow_up_calls: Vec<FollowUpCall>,
    #[serde(skip)]
    pub inputs: RuleInputs,
    /// R-DO-3..7: patients in distraction and what their plan, sessions and
    /// rounds call for (computed by `distraction::alerts`).
    #[serde(skip)]
    pub distraction: Vec<DistractionFlags>,
    /// R-STOCK-3, R-STOCK-4: the device stock's alerts (computed by
    /// `stock::alerts`).
    #[serde(skip)]
    pub stock: Vec<Alert>,
    /// R-COMP-1, R-HO-1: patients with an open complication or an
    /// ossification follow-up calling for something, with those alerts
    /// (the same alerts are in the attention list).
    pub patient_alerts: Vec<PatientFlags>,
    /// R-MED-3: who the cases of `inputs.stops_ahead` are, so their alerts
    /// name the patient (R-PATH-5) and open the admission.
    #[serde(skip)]
    pub ahead: Vec<AheadCase>,
    /// R-STOCK-3, R-PATH-5: who the cases of the stock's alerts are (a
    /// device not available for a case of another day), so those alerts
    /// name the patient and open the admission (found in use, issue 10).
    #[serde(skip)]
    pub stock_cases: Vec<AheadCase>,
}

/// A case of a day after the board's, whose stop may already be missed.
#[derive(Debug, Clone, PartialEq)]
pub struct AheadCase {
    pub case_id: i64,
    pub admission_id: i64,
    pub patient: Identity,
}

/// A patient in distraction with the alerts their case raises.
#[derive(Debug, Clone, PartialEq)]
pub struct DistractionFlags {
    pub case_id: i64,
    pub patient: Identity,
    pub alerts: Vec<Alert>,
}

/// A patient with open complications (R-COMP-1) or an ossification
/// follow-up due (R-HO-1), and the alerts they raise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PatientFlags {
    pub patient: Identity,
    /// The patient's latest stay, to open from the board.
    pub admission_id: Option<i64>,
    pub alerts: Vec<Alert>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Board {
    pub day: NaiveDate,
    #[serde(flatten)]
    pub facts: Facts,
    pub attention: Vec<Alert>,
}

impl Board {
    /// Builds the board for `day` as seen at `now`. `now` matters only when
    /// `day` is today (an arrival is late only once its expected time passed).
    pub fn build(day: NaiveDate, mut facts: Facts, now: DateTime<Utc>, settings: &Settings) -> Board {
        annotate(day, &mut facts, now, settings);
        let attention = attention_for(day, &facts, now, settings);
        Board { day, facts, attention }
    }

    /// The stay an alert is about, to show the patient's identity beside it.
    pub fn stay(&self, admission_id: i64) -> Option<&Stay> {
        let f = &self.facts;
        f.arrivals.iter().chain(&f.departures).chain(&f.missed_arrivals).find(|s| s.admission_id == admission_id)
    }

    /// The admission an alert is about: itself, or the case's admission
    /// (today's procedures or the arrivals' cases), to open or act on it.
    pub fn admission_for(&self, subject: Subject) -> Option<i64> {
        let f = &self.facts;
        match subject {
            Subject::Admission(id) => Some(id),
            Subject::Case(id) => f.procedures.iter().find(|p| p.case_id == id).map(|p| p.admission_id).or_else(|| {
                f.arrivals
                    .iter()
                    .chain(&f.departures)
                    .chain(&f.missed_arrivals)
                    .find(|s| s.case_id == Some(id))
                    .map(|s| s.admission_id)
                    .or_else(|| f.ahead.iter().chain(&f.stock_cases).find(|a| a.case_id == id).map(|a| a.admission_id))
            }),
            Subject::Patient(id) => f.patient_alerts.iter().find(|p| p.patient.patient_id == id)?.admission_id,
            Subject::Bed(_) | Subject::Distraction(_) | Subject::Stock(_) => None,
        }
    }

    pub fn patient_for(&self, subject: Subject) -> Option<&Identity> {
        let f = &self.facts;
        let stays = || f.arrivals.iter().chain(&f.departures).chain(&f.missed_arrivals);
        match subject {
            Subject::Admission(id) => self
                .stay(id)
                .map(|s| &s.patient)
                .or_else(|| f.follow_up_calls.iter().find(|c| c.admission_id == id).map(|c| &c.patient)),
            Subject::Case(id) => f
                .procedures
                .iter()
                .find(|p| p.case_id == id)
                .map(|p| &p.patient)
                .or_else(|| stays().find(|s| s.case_id == Some(id)).map(|s| &s.patient))
                .or_else(|| f.ahead.iter().chain(&f.stock_cases).find(|a| a.case_id == id).map(|a| &a.patient)),
            Subject::Distraction(id) => f.distraction.iter().find(|d| d.case_id == id).map(|d| &d.patient),
            Subject::Patient(id) => f.patient_alerts.iter().find(|p| p.patient.patient_id == id).map(|p| &p.patient),
            Subject::Bed(_) | Subject::Stock(_) => None,
        }
    }
}

/// Fills the computed columns (readiness, fasting times, discharge check)
/// from the rule inputs, so every reader shows the same meaning.
fn annotate(day: NaiveDate, facts: &mut Facts, now: DateTime<Utc>, settings: &Settings) {
    let inputs = &facts.inputs;
    let case_view = |case_id: i64| -> (Option<ReadinessSummary>, Option<FastingTimes>) {
        let Some(c) = inputs.cases.get(&case_id).filter(|c| c.to_come()) else {
            return (None, None);
        };
        let r = readiness::readiness(&c.readiness, now, settings);
        let times = journey::fasting_times(
            c.fasting.scheduled_start,
            c.readiness.anaesthesia.mode,
            c.fasting.patient,
            settings,
        );
        (Some(ReadinessSummary::of(&r)), times)
    };
    for slot in &mut facts.procedures {
        (slot.readiness, slot.fasting) = case_view(slot.case_id);
    }
    for stay in facts.arrivals.iter_mut().chain(&mut facts.missed_arrivals) {
        if let Some(id) = stay.case_id {
            (stay.readiness, stay.fasting) = case_view(id);
        }
    }
    // R-DISCH-2: overdue as of the same day the alerts use.
    let as_of = day.min(ward_time::local_day(now, settings.zone()));
    for call in &mut facts.follow_up_calls {
        call.overdue = discharge::follow_up_call_overdue(call.due_on, call.done_at.is_some(), as_of);
    }
    for stay in &mut facts.departures {
        stay.discharge = inputs.discharges.get(&stay.admission_id).map(|d| {
            let missing = discharge::missing(d, day);
            DischargeStatus::new(
                d.padss.is_some() || d.escort || d.letter_given_on.is_some(),
                d.padss.map(|p| p.total()),
                &missing,
            )
        });
    }
}

/// Every alert the board knows about. Later rules add a line here.
fn attention_for(day: NaiveDate, facts: &Facts, now: DateTime<Utc>, settings: &Settings) -> Vec<Alert> {
    let zone = settings.zone();
    // Lateness is judged as of the clock: looking at tomorrow's board does
    // not make today's arrivals late or today's departures overdue.
    let today = ward_time::local_day(now, zone);
    let as_of = day.min(today);
    let mut alerts = Vec::new();
    alerts.extend(late_admissions(as_of, facts, now, zone, settings));
    alerts.extend(overdue_discharges(as_of, day, today, facts));
    alerts.extend(beds_for_arrivals(day, today, facts));
    for (&case_id, case) in facts.inputs.cases.iter().filter(|(_, c)| c.to_come()) {
        let procedure = day_label::of(case.readiness.start, None, day, now, zone);
        let j0 = procedure.day == day;
        let when =
            tr!("ward-when", day = procedure.day.format("%d/%m").to_string(), relative = procedure.relative.as_str());
        alerts.extend(case_readiness(case_id, case, j0, &when, now, settings));
        alerts.extend(missed_stops(case_id, case, now, settings));
        if j0 {
            alerts.extend(anaesthesia_gate(case_id, case, now, settings));
            if case.readiness.anaesthesia.mode.needs_anaesthetist() {
                // R-FAST-3, R-FAST-4, R-FAST-5.
                alerts.extend(fasting::alerts(&case.fasting, now, settings));
            }
        }
    }
    for (&case_id, case) in facts.inputs.stops_ahead.iter().filter(|(_, c)| c.to_come()) {
        alerts.extend(missed_stops(case_id, case, now, settings));
    }
    alerts.extend(follow_up_calls(as_of, day, today, facts));
    // R-DO-3, R-DO-4, R-DO-6, R-DO-7: the rounds' alerts, on the board too.
    alerts.extend(facts.distraction.iter().flat_map(|d| d.alerts.iter().cloned()));
    // R-STOCK-4: low stock, expiring lots, tomorrow's held devices.
    alerts.extend(facts.stock.iter().cloned());
    // R-COMP-1, R-HO-1: open complications, ossification follow-ups due.
    alerts.extend(facts.patient_alerts.iter().flat_map(|p| p.alerts.iter().cloned()));
    attention::sort(&mut alerts);
    alerts
}

fn late_admissions(day: NaiveDate, facts: &Facts, now: DateTime<Utc>, zone: Tz, settings: &Settings) -> Vec<Alert> {
    let expected_by = settings.time(settings::ADMIT_EXPECTED_BY);
    let past_expected = now >= ward_time::at_local(day, expected_by, zone) && ward_time::local_day(now, zone) >= day;
    facts
        .arrivals
        .iter()
        .chain(&facts.missed_arrivals)
        .filter(|s| pathway::late_admission(s.state, s.planned_admit_on, day, past_expected))
        .map(|s| {
            let message = if s.planned_admit_on < day {
                tr!("ward-late-admission-planned", day = s.planned_admit_on.format("%d/%m").to_string()).into_owned()
            } else {
                tr!("ward-late-admission-expected", by = settings.cite(settings::ADMIT_EXPECTED_BY)).into_owned()
            };
            Alert {
                rule: "R-PATH-2",
                severity: Severity::Warning,
                subject: Subject::Admission(s.admission_id),
                message,
            }
        })
        .collect()
}

/// R-PATH-3: past the planned day (as of `as_of`) with no incident recorded;
/// how long ago is said against the day viewed.
fn overdue_discharges(as_of: NaiveDate, viewed: NaiveDate, today: NaiveDate, facts: &Facts) -> Vec<Alert> {
    facts
        .departures
        .iter()
        .filter(|s| pathway::overdue_discharge(s.state, s.planned_discharge_on, s.incident.as_deref(), as_of))
        .map(|s| Alert {
            rule: "R-PATH-3",
            severity: Severity::Warning,
            subject: Subject::Admission(s.admission_id),
            message: tr!(
                "ward-overdue-discharge",
                day = s.planned_discharge_on.format("%d/%m").to_string(),
                relative = day_label::relative(s.planned_discharge_on, viewed, today)
            )
            .into_owned(),
        })
        .collect()
}

/// R-PATH-4: a J-1 arrival needs a bed for the night, and one that can take a patient.
fn beds_for_arrivals(day: NaiveDate, today: NaiveDate, facts: &Facts) -> Vec<Alert> {
    facts
        .arrivals
        .iter()
        .filter(|s| s.planned_admit_on == day && matches!(s.state, AdmissionState::Planned | AdmissionState::Admitted))
        .filter_map(|s| {
            let message = match (&s.bed, s.bed_status) {
                (None, _) => {
                    let arriving = s.planned_admit_on.format("%d/%m").to_string();
                    match s.procedure_day {
                        Some(d) => {
                            tr!("ward-no-bed-for", arriving = arriving, procedure = d.format("%d/%m").to_string())
                        }
                        None => tr!("ward-no-bed", arriving = arriving),
                    }
                    .into_owned()
                }
                (Some(bed), Some(BedStatus::Closed)) => tr!("ward-bed-closed-alert", bed = bed.as_str()).into_owned(),
                // Found in use (#7): a stay that outlived its planned day
                // still lies in the bed a planned arrival holds tonight (only
                // `periop check` said so). Someone leaving on the day is the
                // usual turnover, not a clash.
                (Some(bed), _) if s.state == AdmissionState::Planned && day <= today => {
                    let overdue = facts.departures.iter().find(|d| {
                        d.admission_id != s.admission_id
                            && d.bed.as_ref() == Some(bed)
                            && d.state.is_on_ward()
                            && d.planned_discharge_on < day
                    })?;
                    tr!(
                        "ward-bed-taken",
                        bed = bed.as_str(),
                        day = overdue.planned_discharge_on.format("%d/%m").to_string()
                    )
                    .into_owned()
                }
                _ => return None,
            };
            Some(Alert {
                rule: "R-PATH-4",
                severity: Severity::Warning,
                subject: Subject::Admission(s.admission_id),
                message,
            })
        })
        .collect()
}

/// R-READY-3: one alert per case that is not ready, naming every missing
/// item (on J0 the anaesthesia items have their own alerts, below).
/// `when` says the procedure day against the day viewed (`23/11, tomorrow`).
/// R-MED-3 items have their own alert, naming the drug and the day.
fn case_readiness(
    case_id: i64,
    case: &CaseInputs,
    j0: bool,
    when: &str,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Option<Alert> {
    let r = readiness::readiness(&case.readiness, now, settings);
    let items: Vec<_> =
        r.items.iter().filter(|i| !(j0 && i.rule.starts_with("R-ANES")) && i.rule != "R-MED-3").collect();
    let worst = items.iter().map(|i| i.level).max()?;
    let (head, severity) = match worst {
        Level::Warns => (tr!("ward-head-at-risk"), Severity::Warning),
        Level::NotReady | Level::Blocks => (tr!("ward-head-not-ready"), Severity::Urgent),
    };
    let names: Vec<std::borrow::Cow<'static, str>> = items
        .iter()
        .map(|i| if i.code == "emergency" { tr!("ward-emergency-flag") } else { i.label.clone() })
        .collect();
    Some(Alert {
        rule: "R-READY-3",
        severity,
        subject: Subject::Case(case_id),
        message: tr!("ward-not-ready-alert", head = head, items = names.join(", "), when = when).into_owned(),
    })
}

/// R-MED-3: one alert per stop whose last-dose day has passed while the
/// treatment is still recorded as taken, naming the drug and the day.
fn missed_stops(case_id: i64, case: &CaseInputs, now: DateTime<Utc>, settings: &Settings) -> Vec<Alert> {
    let zone = settings.zone();
    let f = &case.readiness;
    let procedure_day = ward_time::local_day(f.start, zone);
    medication::missed_stops(&f.drugs, procedure_day, f.iodinated_contrast, ward_time::local_day(now, zone))
        .into_iter()
        .map(|m| Alert {
            rule: "R-MED-3",
            severity: Severity::Warning,
            subject: Subject::Case(case_id),
            message: tr!("ward-missed-stop-alert", stop = m.describe()).into_owned(),
        })
        .collect()
}

/// R-ANES-1..5 on J0, including the pre-anaesthesia visit (R-ANES-3).
fn anaesthesia_gate(case_id: i64, case: &CaseInputs, now: DateTime<Utc>, settings: &Settings) -> Vec<Alert> {
    let gate = anaesthesia::gate(&case.readiness.anaesthesia, case.readiness.start, now, settings);
    // R-READY-1: an emergency relaxes a missing CPA (a refusal stays a refusal).
    let relaxed = |issue: Issue| case.readiness.emergency && issue != Issue::CpaRefused;
    gate.findings()
        .into_iter()
        .map(|f| Alert {
            rule: f.issue.rule(),
            severity: if f.issue.is_blocking() && !relaxed(f.issue) { Severity::Urgent } else { Severity::Warning },
            subject: Subject::Case(case_id),
            message: tr!("ward-anaesthesia-alert", issue = f.issue.label(), detail = f.detail.as_str()).into_owned(),
        })
        .collect()
}

/// R-DISCH-2: the call on its day, and overdue after it, as of `as_of`
/// (the day viewed, or today when a later day is viewed): the same judgement
/// as the calls' `overdue` flag, which [`annotate`] sets.
fn follow_up_calls(as_of: NaiveDate, viewed: NaiveDate, today: NaiveDate, facts: &Facts) -> Vec<Alert> {
    facts
        .follow_up_calls
        .iter()
        .filter(|c| c.discharged_at.is_some())
        .filter_map(|c| {
            discharge::follow_up_call_alert(c.admission_id, c.due_on, c.done_at.is_some(), as_of, viewed, today)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn stay(id: i64, state: AdmissionState, admit: NaiveDate, discharge: NaiveDate) -> Stay {
        Stay {
            admission_id: id,
            version: 1,
            patient: Identity {
                patient_id: id,
                surname: "Durand".into(),
                first_name: "Anne".into(),
                birth_date: d(1, 2),
            },
            state,
            planned_admit_on: admit,
            planned_discharge_on: discharge,
            bed: None,
            incident: None,
            procedure: None,
            procedure_day: None,
            case_id: None,
            procedure_start: None,
            anaesthesia_mode: None,
            bed_status: None,
            readiness: None,
            fasting: None,
            discharge: None,
        }
    }

    #[test]
    fn r_path_3_overdue_discharge_is_on_the_attention_list() {
        let facts = Facts {
            departures: vec![stay(7, AdmissionState::ProcedureDone, d(11, 19), d(11, 21))],
            ..Facts::default()
        };
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        let board = Board::build(d(11, 22), facts, now, &Settings::default());
        assert_eq!(board.attention.len(), 1);
        assert_eq!(board.attention[0].rule, "R-PATH-3");
        assert_eq!(board.attention[0].message, "OVERDUE DISCHARGE: planned 21/11 (yesterday), no incident recorded");
        assert!(!board.attention[0].message.contains("Durand"), "R-PRIV-1: no names in alert text");
    }

    #[test]
    fn arrival_becomes_late_after_the_expected_time_only() {
        let arrival = Stay { bed: Some("B01".into()), ..stay(3, AdmissionState::Planned, d(11, 22), d(11, 24)) };
        let facts = Facts { arrivals: vec![arrival], ..Facts::default() };
        let settings = Settings::default();
        // 18:00 in Paris (UTC+1 in November): not yet late.
        let evening = Utc.with_ymd_and_hms(2026, 11, 22, 17, 0, 0).unwrap();
        assert!(Board::build(d(11, 22), facts.clone(), evening, &settings).attention.is_empty());
        // 20:30 in Paris: late.
        let night = Utc.with_ymd_and_hms(2026, 11, 22, 19, 30, 0).unwrap();
        let board = Board::build(d(11, 22), facts, night, &settings);
        assert_eq!(board.attention.len(), 1);
        assert!(board.attention[0].message.starts_with("LATE ADMISSION: expected by path.admit_expected_by=20:00"));
    }

    #[test]
    fn r_path_2_and_r_path_3_tomorrows_board_does_not_make_today_late() {
        // Today is 22/11; the user looks at the board for 23/11.
        let facts = Facts {
            missed_arrivals: vec![stay(4, AdmissionState::Planned, d(11, 22), d(11, 24))],
            departures: vec![stay(5, AdmissionState::ProcedureDone, d(11, 20), d(11, 22))],
            ..Facts::default()
        };
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap();
        let board = Board::build(d(11, 23), facts, now, &Settings::default());
        assert!(board.attention.is_empty(), "{:?}", board.attention);
    }

    #[test]
    fn a_missed_arrival_from_yesterday_is_late() {
        let facts =
            Facts { missed_arrivals: vec![stay(4, AdmissionState::Planned, d(11, 21), d(11, 23))], ..Facts::default() };
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 7, 0, 0).unwrap();
        let board = Board::build(d(11, 22), facts, now, &Settings::default());
        assert_eq!(board.attention[0].message, "LATE ADMISSION: planned for 21/11, not admitted");
        assert_eq!(board.patient_for(Subject::Admission(4)).map(|p| p.patient_id), Some(4));
    }

    fn paris(day: u32, h: u32) -> DateTime<Utc> {
        use chrono_tz::Europe::Paris;
        Paris.with_ymd_and_hms(2026, 11, day, h, 0, 0).single().unwrap().to_utc()
    }

    /// A case on 23/11 at 08:00 under sedation, ready in every respect.
    fn ready_case(case_id: i64) -> CaseInputs {
        use crate::domain::anaesthesia::{AnaesthesiaFacts, Cpa, CpaOutcome};
        use crate::domain::fasting::PatientKind;
        use crate::domain::medication::Labs;
        let start = paris(23, 8);
        CaseInputs {
            state: CaseState::Confirmed,
            readiness: CaseFacts {
                start,
                admit_day: d(11, 22),
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
                drugs: vec![],
                medication_plan_reviewed: false,
                iodinated_contrast: false,
                high_bleeding_risk: false,
                labs: Labs::default(),
            },
            fasting: FastingCase {
                case_id,
                patient: PatientKind::Adult,
                scheduled_start: start,
                room_ahead: vec![],
                in_room_at: None,
                insulin_treated_diabetic: false,
                intakes: vec![],
            },
        }
    }

    fn rules(board: &Board) -> Vec<&'static str> {
        board.attention.iter().map(|a| a.rule).collect()
    }

    /// R-PATH-4
    #[test]
    fn r_path_4_an_arrival_without_a_bed_is_on_the_attention_list() {
        let facts = Facts {
            arrivals: vec![Stay {
                procedure_day: Some(d(11, 23)),
                ..stay(5, AdmissionState::Planned, d(11, 22), d(11, 24))
            }],
            ..Facts::default()
        };
        let board = Board::build(d(11, 22), facts, paris(22, 9), &Settings::default());
        assert_eq!(rules(&board), ["R-PATH-4"]);
        assert_eq!(board.attention[0].message, "NO BED: arriving 22/11 for the procedure on 23/11; assign a bed");
        // A bed that cannot take the patient tonight is flagged too.
        let closed = Stay {
            bed: Some("B04".into()),
            bed_status: Some(BedStatus::Closed),
            ..stay(6, AdmissionState::Planned, d(11, 22), d(11, 24))
        };
        let facts = Facts { arrivals: vec![closed], ..Facts::default() };
        let board = Board::build(d(11, 22), facts, paris(22, 9), &Settings::default());
        assert_eq!(board.attention[0].message, "BED CLOSED: bed B04 is closed; reopen it or assign another bed");
    }

    /// R-READY-3, R-READY-2
    #[test]
    fn r_ready_3_one_alert_per_case_names_every_missing_item() {
        let mut case = ready_case(9);
        case.readiness.signed_consent = false;
        case.readiness.carte_vitale = false;
        let mut facts = Facts::default();
        facts.arrivals.push(Stay {
            case_id: Some(9),
            bed: Some("B01".into()),
            ..stay(5, AdmissionState::Planned, d(11, 22), d(11, 24))
        });
        facts.inputs.cases.insert(9, case);
        let board = Board::build(d(11, 22), facts, paris(22, 9), &Settings::default());
        assert_eq!(rules(&board), ["R-READY-3"]);
        let alert = &board.attention[0];
        assert_eq!(
            (alert.severity, alert.message.as_str()),
            (Severity::Urgent, "NOT READY: signed consent, carte Vitale (procedure 23/11, tomorrow)")
        );
        let arrival = &board.facts.arrivals[0];
        let summary = arrival.readiness.as_ref().unwrap();
        assert_eq!(summary.status, readiness::Status::NotReady);
        assert_eq!(summary.missing_text(), "signed consent, carte Vitale");
        assert!(arrival.fasting.is_some(), "R-FAST-1: times for a case under sedation");
        assert_eq!(board.patient_for(Subject::Case(9)).map(|p| p.patient_id), Some(5));
        assert_eq!(board.admission_for(Subject::Case(9)), Some(5));
    }

    /// R-ANES-3, R-FAST-3, R-FAST-5
    #[test]
    fn r_anes_3_and_fasting_alerts_on_j0() {
        use crate::domain::fasting::{IntakeKind, LastIntake};
        let mut case = ready_case(4);
        case.readiness.anaesthesia.pre_visit_at = None;
        case.fasting.intakes.push(LastIntake { kind: IntakeKind::Solids, at: paris(23, 5) });
        let mut facts = Facts::default();
        facts.inputs.cases.insert(4, case.clone());
        let board = Board::build(d(11, 23), facts.clone(), paris(23, 6), &Settings::default());
        assert_eq!(rules(&board), ["R-FAST-3", "R-ANES-3"]);
        assert!(board.attention[1].message.starts_with("ANAESTHESIA: pre-anaesthesia visit"));
        // The day before, neither is due yet.
        let before = Board::build(d(11, 22), facts, paris(22, 9), &Settings::default());
        assert_eq!(rules(&before), Vec::<&str>::new());
        // R-FAST-5: an insulin-treated diabetic whose case slipped.
        case.readiness.anaesthesia.pre_visit_at = Some(paris(22, 18));
        case.fasting.intakes.clear();
        case.fasting.insulin_treated_diabetic = true;
        let mut facts = Facts::default();
        facts.inputs.cases.insert(4, case);
        // Still waiting at 13:00 for an 08:00 start.
        let board = Board::build(d(11, 23), facts, paris(23, 13), &Settings::default());
        assert_eq!(rules(&board), ["R-FAST-5", "R-FAST-4"]);
    }

    /// R-DISCH-2, R-DISCH-1
    #[test]
    fn r_disch_2_a_call_due_today_and_a_departure_discharge_check() {
        use crate::domain::discharge::Padss;
        let mut facts = Facts::default();
        facts.follow_up_calls.push(FollowUpCall {
            call_id: 1,
            version: 1,
            admission_id: 8,
            patient: stay(8, AdmissionState::Discharged, d(11, 20), d(11, 21)).patient,
            discharged_at: Some(paris(21, 11)),
            due_on: d(11, 22),
            done_at: None,
            notes: None,
            overdue: false,
        });
        facts.departures.push(stay(3, AdmissionState::ReadyForDischarge, d(11, 20), d(11, 22)));
        facts.inputs.discharges.insert(
            3,
            DischargeFacts {
                padss: Padss::new([2, 2, 1, 1, 2]).ok(),
                escort: true,
                letter_given_on: Some(d(11, 22)),
                percutaneous_osteosynthesis: false,
                work_stop_certificate: false,
                follow_up_appointment: true,
            },
        );
        let board = Board::build(d(11, 22), facts, paris(22, 9), &Settings::default());
        assert_eq!(rules(&board), ["R-DISCH-2"]);
        assert_eq!(board.attention[0].message, "CALL DUE: follow-up phone call due today");
        assert_eq!(board.patient_for(Subject::Admission(8)).map(|p| p.patient_id), Some(8));
        let check = board.facts.departures[0].discharge.as_ref().unwrap();
        assert_eq!(check.padss_total, Some(8));
        assert_eq!(check.missing[0].code, "padss_too_low");
    }

    /// Day labels count from the day viewed: a missed arrival whose procedure
    /// was three days ago is not "J+1"; an overdue discharge on tomorrow's
    /// board is not "1 day ago".
    #[test]
    fn day_labels_count_from_the_day_viewed() {
        let mut case = ready_case(9);
        case.readiness.signed_consent = false;
        case.readiness.start = paris(20, 8);
        case.readiness.admit_day = d(11, 19);
        let mut facts = Facts::default();
        facts.missed_arrivals.push(Stay { case_id: Some(9), ..stay(5, AdmissionState::Planned, d(11, 19), d(11, 21)) });
        facts.inputs.cases.insert(9, case);
        let board = Board::build(d(11, 23), facts, paris(23, 9), &Settings::default());
        let readiness = board.attention.iter().find(|a| a.rule == "R-READY-3").unwrap();
        assert!(readiness.message.ends_with("(procedure 20/11, 3 days ago)"), "{}", readiness.message);
        // Tomorrow's board, today 22/11: a discharge planned 21/11 is overdue as of
        // today, and said against the day viewed.
        let facts = Facts {
            departures: vec![stay(7, AdmissionState::ProcedureDone, d(11, 19), d(11, 21))],
            ..Facts::default()
        };
        let board = Board::build(d(11, 23), facts, paris(22, 9), &Settings::default());
        assert_eq!(
            board.attention[0].message,
            "OVERDUE DISCHARGE: planned 21/11 (2 days before 23/11), no incident recorded"
        );
    }

    /// R-DISCH-2: the alert and the calls' `overdue` (the JSON) agree, on
    /// today's board and on a day looked back at.
    #[test]
    fn r_disch_2_the_alert_and_the_json_agree_on_overdue() {
        let call = FollowUpCall {
            call_id: 1,
            version: 1,
            admission_id: 8,
            patient: stay(8, AdmissionState::Discharged, d(11, 19), d(11, 20)).patient,
            discharged_at: Some(paris(20, 11)),
            due_on: d(11, 21),
            done_at: None,
            notes: None,
            // As a loader might have set it against another day: the board decides.
            overdue: false,
        };
        let facts = Facts { follow_up_calls: vec![call], ..Facts::default() };
        let board = Board::build(d(11, 22), facts.clone(), paris(22, 9), &Settings::default());
        assert!(board.facts.follow_up_calls[0].overdue);
        assert_eq!(board.attention[0].message, "CALL OVERDUE: follow-up phone call was due 21/11/2026 (yesterday)");
        let json = serde_json::to_value(&board).unwrap();
        assert_eq!(json["follow_up_calls"][0]["overdue"], serde_json::Value::Bool(true));
        // The board of 21/11, looked at on 22/11: due that day, not overdue, and not "today".
        let back = Board::build(d(11, 21), facts, paris(22, 9), &Settings::default());
        assert!(!back.facts.follow_up_calls[0].overdue);
        assert_eq!(back.attention[0].message, "CALL DUE: follow-up phone call due the day viewed");
    }

    /// R-MED-3: a DOAC whose last dose (J-3) has passed, still recorded as
    /// taken, is on the attention list naming the drug and the day, and the
    /// case is at risk.
    #[test]
    fn r_med_3_a_missed_stop_is_on_the_attention_list() {
        let mut case = ready_case(9);
        case.readiness.drugs = vec![crate::domain::medication::DrugClass::Doac];
        case.readiness.medication_plan_reviewed = true;
        let mut facts = Facts::default();
        facts.arrivals.push(Stay {
            case_id: Some(9),
            bed: Some("B01".into()),
            ..stay(5, AdmissionState::Planned, d(11, 22), d(11, 24))
        });
        facts.inputs.cases.insert(9, case);
        let board = Board::build(d(11, 22), facts, paris(22, 9), &Settings::default());
        assert_eq!(rules(&board), ["R-MED-3"]);
        assert!(
            board.attention[0].message.starts_with(
                "MISSED STOP: anti-Xa DOAC (apixaban, rivaroxaban, edoxaban): last dose was Fri 20/11/2026 (J-3)"
            ),
            "{}",
            board.attention[0].message
        );
        assert_eq!(board.facts.arrivals[0].readiness.as_ref().unwrap().status, readiness::Status::AtRisk);
    }

    /// R-ANES-3: "the procedure day" is a ward day: a case at 00:30 in Paris
    /// on 23/11 (23:30 UTC on 22/11) is on the J0 board of 23/11.
    #[test]
    fn r_anes_3_the_procedure_day_is_a_ward_day() {
        use chrono_tz::Europe::Paris;
        let mut case = ready_case(4);
        let start = Paris.with_ymd_and_hms(2026, 11, 23, 0, 30, 0).single().unwrap().to_utc();
        (case.readiness.start, case.fasting.scheduled_start) = (start, start);
        case.readiness.anaesthesia.pre_visit_at = None;
        let mut facts = Facts::default();
        facts.inputs.cases.insert(4, case);
        let now = Paris.with_ymd_and_hms(2026, 11, 23, 0, 10, 0).single().unwrap().to_utc();
        let board = Board::build(d(11, 23), facts.clone(), now, &Settings::default());
        assert!(rules(&board).contains(&"R-ANES-3"), "{:?}", board.attention);
        let before = Board::build(d(11, 22), facts, now, &Settings::default());
        assert!(!rules(&before).contains(&"R-ANES-3"), "{:?}", before.attention);
    }
}
