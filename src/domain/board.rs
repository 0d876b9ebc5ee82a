//! Today's board: who arrives, who is in the block, who leaves, and what
//! needs attention. The store gathers the facts; this module decides what
//! they mean, so the TUI and `periop board` say the same thing.

use super::attention::{self, Alert, Severity, Subject};
use super::case::CaseState;
use super::identity::Identity;
use super::pathway::{self, AdmissionState};
use super::settings::{self, Settings};
use super::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

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
    pub fn build(day: NaiveDate, facts: Facts, now: DateTime<Utc>, settings: &Settings) -> Board {
        let attention = attention_for(day, &facts, now, settings);
        Board { day, facts, attention }
    }

    /// The stay an alert is about, to show the patient's identity beside it.
    pub fn stay(&self, admission_id: i64) -> Option<&Stay> {
        let f = &self.facts;
        f.arrivals
            .iter()
            .chain(&f.departures)
            .chain(&f.missed_arrivals)
            .find(|s| s.admission_id == admission_id)
    }

    pub fn patient_for(&self, subject: Subject) -> Option<&Identity> {
        match subject {
            Subject::Admission(id) => self.stay(id).map(|s| &s.patient),
            Subject::Case(id) => self
                .facts
                .procedures
                .iter()
                .find(|p| p.case_id == id)
                .map(|p| &p.patient),
            Subject::Bed(_) => None,
        }
    }
}

/// Every alert the board knows about. Later rules add a line here.
fn attention_for(day: NaiveDate, facts: &Facts, now: DateTime<Utc>, settings: &Settings) -> Vec<Alert> {
    let zone = settings.zone();
    let mut alerts = Vec::new();
    alerts.extend(late_admissions(day, facts, now, zone, settings));
    alerts.extend(overdue_discharges(day, facts));
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
                format!(
                    "LATE ADMISSION: planned for {}, not admitted",
                    s.planned_admit_on.format("%d/%m")
                )
            } else {
                format!(
                    "LATE ADMISSION: expected by {}, not yet admitted",
                    settings.cite(settings::ADMIT_EXPECTED_BY)
                )
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

/// R-PATH-3: past the planned day with no incident recorded.
fn overdue_discharges(day: NaiveDate, facts: &Facts) -> Vec<Alert> {
    facts
        .departures
        .iter()
        .filter(|s| pathway::overdue_discharge(s.state, s.planned_discharge_on, s.incident.as_deref(), day))
        .map(|s| {
            let days = (day - s.planned_discharge_on).num_days();
            Alert {
                rule: "R-PATH-3",
                severity: Severity::Warning,
                subject: Subject::Admission(s.admission_id),
                message: format!(
                    "OVERDUE DISCHARGE: planned {} ({days} day{} ago), no incident recorded",
                    s.planned_discharge_on.format("%d/%m"),
                    if days == 1 { "" } else { "s" }
                ),
            }
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
        assert_eq!(
            board.attention[0].message,
            "OVERDUE DISCHARGE: planned 21/11 (1 day ago), no incident recorded"
        );
        assert!(
            !board.attention[0].message.contains("Durand"),
            "R-PRIV-1: no names in alert text"
        );
    }

    #[test]
    fn arrival_becomes_late_after_the_expected_time_only() {
        let facts = Facts {
            arrivals: vec![stay(3, AdmissionState::Planned, d(11, 22), d(11, 24))],
            ..Facts::default()
        };
        let settings = Settings::default();
        // 18:00 in Paris (UTC+1 in November): not yet late.
        let evening = Utc.with_ymd_and_hms(2026, 11, 22, 17, 0, 0).unwrap();
        assert!(
            Board::build(d(11, 22), facts.clone(), evening, &settings)
                .attention
                .is_empty()
        );
        // 20:30 in Paris: late.
        let night = Utc.with_ymd_and_hms(2026, 11, 22, 19, 30, 0).unwrap();
        let board = Board::build(d(11, 22), facts, night, &settings);
        assert_eq!(board.attention.len(), 1);
        assert!(
            board.attention[0]
                .message
                .starts_with("LATE ADMISSION: expected by path.admit_expected_by=20:00")
        );
    }

    #[test]
    fn a_missed_arrival_from_yesterday_is_late() {
        let facts = Facts {
            missed_arrivals: vec![stay(4, AdmissionState::Planned, d(11, 21), d(11, 23))],
            ..Facts::default()
        };
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 7, 0, 0).unwrap();
        let board = Board::build(d(11, 22), facts, now, &Settings::default());
        assert_eq!(
            board.attention[0].message,
            "LATE ADMISSION: planned for 21/11, not admitted"
        );
        assert_eq!(board.patient_for(Subject::Admission(4)).map(|p| p.patient_id), Some(4));
    }
}
