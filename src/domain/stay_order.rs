//! R-PATH-6: the instants of a stay are in order — birth ≤ admission ≤
//! procedure ≤ discharge — and nothing that records what happened (an
//! intake, a lab, a consultation, a visit, a step) is in the future. A
//! planned procedure already past needs a confirmation: a retrospective
//! entry, recorded as such.
//!
//! Nothing recorded about a patient is before their birth, and an intake or
//! a lab result is not more than [`SPAN_BEFORE_STAY_DAYS`] before the stay
//! ([`recorded_about`]).
//!
//! This is the one check: every store path that writes one of these instants
//! calls [`check`] (or [`recorded_about`] for an event), and `periop check`
//! runs the same functions over the stored rows.
//!
//! Days are ward days (the zone is passed in): a patient admitted at 23:30 on
//! 21/11 in Paris arrived on 21/11, whatever UTC says.

use super::ward_time;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// Minutes of clock drift tolerated between terminals when something that
/// happened "now" is recorded.
pub const CLOCK_SLACK_MIN: i64 = 5;

/// Days before the stay's planned admission day an intake or a lab result
/// may be dated. An intake counts for the fast (the last hours before the
/// procedure) and a result for the days before it (R-FAST-3, R-MED-2): one
/// dated a month or more before the stay is a typing slip (a year, a
/// month), not a fact of this stay. 30 days keeps a result taken at the
/// pre-operative consultation, weeks ahead.
pub const SPAN_BEFORE_STAY_DAYS: i64 = 30;

/// What a recorded instant is, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    Arrival,
    Departure,
    Intake,
    Lab,
    Consultation,
    PreVisit,
    Step,
    /// The procedure, marked done (it starts at its scheduled start).
    Procedure,
    /// An event of the J0 timeline (R-BLOCK-6).
    Timeline,
    /// R-DO-1: a distraction case's osteotomy (a ward day).
    Osteotomy,
    /// R-DO-7: a distraction phase step (a ward day).
    DistractionStep,
    /// R-DO-5: a session of turns (a ward day).
    Session,
    /// R-DO-5: a distraction round.
    Round,
    /// R-COMP-1: a complication's onset (a ward day).
    Complication,
    /// R-HO-1: the surgery an ossification follow-up is about.
    Surgery,
}

impl Event {
    pub fn label(self) -> std::borrow::Cow<'static, str> {
        match self {
            Event::Arrival => tr!("ward-event-arrival"),
            Event::Departure => tr!("ward-event-departure"),
            Event::Intake => tr!("ward-event-intake"),
            Event::Lab => tr!("ward-event-lab"),
            Event::Consultation => tr!("ward-event-consultation"),
            Event::PreVisit => tr!("ward-event-pre-visit"),
            Event::Step => tr!("ward-event-step"),
            Event::Procedure => tr!("ward-event-procedure"),
            Event::Timeline => tr!("ward-event-timeline"),
            Event::Osteotomy => tr!("ward-event-osteotomy"),
            Event::DistractionStep => tr!("ward-event-distraction-step"),
            Event::Session => tr!("ward-event-session"),
            Event::Round => tr!("ward-event-round"),
            Event::Complication => tr!("ward-event-complication"),
            Event::Surgery => tr!("ward-event-surgery"),
        }
    }
}

/// The instants of one stay, as stored or as about to be stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StayInstants {
    pub birth_date: NaiveDate,
    pub planned_admit_on: NaiveDate,
    pub planned_discharge_on: NaiveDate,
    /// When the patient actually arrived and left, once they have.
    pub admitted_at: Option<DateTime<Utc>>,
    pub discharged_at: Option<DateTime<Utc>>,
    /// The scheduled start of the stay's procedure (not cancelled or postponed).
    pub procedure_start: Option<DateTime<Utc>>,
}

/// One instant out of order, with the two days it compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "fault", rename_all = "snake_case")]
pub enum Fault {
    /// The birth date is after today.
    BirthInFuture { birth: NaiveDate },
    /// Born after the admission day.
    BirthAfterAdmission { birth: NaiveDate, admit: NaiveDate },
    /// The procedure day is before the planned admission day.
    ProcedureBeforeAdmission { procedure: NaiveDate, admit: NaiveDate },
    /// The procedure day is before the day the patient actually arrived.
    ProcedureBeforeArrival { procedure: NaiveDate, arrived: NaiveDate },
    /// The procedure day is after the planned discharge day.
    ProcedureAfterDischarge { procedure: NaiveDate, discharge: NaiveDate },
    /// The procedure day is after the day the patient actually left.
    ProcedureAfterDeparture { procedure: NaiveDate, left: NaiveDate },
    /// Left before arriving.
    DepartureBeforeArrival { arrived: DateTime<Utc>, left: DateTime<Utc> },
    /// Something recorded as having happened is later than now.
    InFuture { event: Event, at: DateTime<Utc> },
    /// Something recorded about the patient is before their birth date.
    BeforeBirth { event: Event, at: DateTime<Utc>, birth: NaiveDate },
    /// Something recorded on a ward day (an osteotomy, a phase step, a
    /// session, a complication's onset) is before the patient's birth date.
    DayBeforeBirth { event: Event, day: NaiveDate, birth: NaiveDate },
    /// An intake or a lab result more than [`SPAN_BEFORE_STAY_DAYS`] before
    /// the stay's planned admission day.
    LongBeforeStay { event: Event, at: DateTime<Utc>, admit: NaiveDate },
}

impl Fault {
    /// Words for an error or a report, with what to do; never a patient's name (R-PRIV-1).
    pub fn describe(&self, zone: Tz) -> String {
        let day = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        let when = |t: DateTime<Utc>| t.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string();
        match *self {
            Fault::BirthInFuture { birth } => tr!("ward-fault-birth-in-future", birth = day(birth)).into_owned(),
            Fault::BirthAfterAdmission { birth, admit } => {
                tr!("ward-fault-birth-after-admission", birth = day(birth), admit = day(admit)).into_owned()
            }
            Fault::ProcedureBeforeAdmission { procedure, admit } => {
                tr!("ward-fault-procedure-before-admission", procedure = day(procedure), admit = day(admit))
                    .into_owned()
            }
            Fault::ProcedureBeforeArrival { procedure, arrived } => {
                tr!("ward-fault-procedure-before-arrival", procedure = day(procedure), arrived = day(arrived))
                    .into_owned()
            }
            Fault::ProcedureAfterDischarge { procedure, discharge } => {
                tr!("ward-fault-procedure-after-discharge", procedure = day(procedure), discharge = day(discharge))
                    .into_owned()
            }
            Fault::ProcedureAfterDeparture { procedure, left } => {
                tr!("ward-fault-procedure-after-departure", procedure = day(procedure), left = day(left)).into_owned()
            }
            Fault::DepartureBeforeArrival { arrived, left } => {
                tr!("ward-fault-departure-before-arrival", left = when(left), arrived = when(arrived)).into_owned()
            }
            Fault::InFuture { event, at } => {
                tr!("ward-fault-in-future", event = event.label(), at = when(at)).into_owned()
            }
            Fault::BeforeBirth { event, at, birth } => {
                tr!("ward-fault-before-birth", event = event.label(), at = when(at), birth = day(birth)).into_owned()
            }
            Fault::DayBeforeBirth { event, day: on, birth } => {
                tr!("ward-fault-day-before-birth", event = event.label(), day = day(on), birth = day(birth))
                    .into_owned()
            }
            Fault::LongBeforeStay { event, at, admit } => tr!(
                "ward-fault-long-before-stay",
                event = event.label(),
                at = when(at),
                days = SPAN_BEFORE_STAY_DAYS,
                admit = day(admit)
            )
            .into_owned(),
        }
    }
}

/// R-PATH-6: something recorded as having happened at `at` is not later than
/// `now` (give or take [`CLOCK_SLACK_MIN`]).
pub fn recorded(event: Event, at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), Fault> {
    let latest = now.checked_add_signed(TimeDelta::minutes(CLOCK_SLACK_MIN)).unwrap_or(now);
    if at > latest { Err(Fault::InFuture { event, at }) } else { Ok(()) }
}

/// What a recorded instant is held to besides now: the patient's birth
/// date and, for an intake or a lab result, the stay's planned admission
/// day (a lab: the patient's first stay not cancelled; `None`: no stay).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct About {
    pub birth_date: NaiveDate,
    pub admit_on: Option<NaiveDate>,
}

/// R-PATH-6: something recorded about a patient at `at` is not in the
/// future ([`recorded`]), not before their birth (ward days, in `zone`),
/// and, for an intake or a lab result, not more than
/// [`SPAN_BEFORE_STAY_DAYS`] before the stay's planned admission day.
pub fn recorded_about(
    event: Event,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    about: &About,
    zone: Tz,
) -> Result<(), Fault> {
    recorded(event, at, now)?;
    let day = ward_time::local_day(at, zone);
    if day < about.birth_date {
        return Err(Fault::BeforeBirth { event, at, birth: about.birth_date });
    }
    if matches!(event, Event::Intake | Event::Lab)
        && let Some(admit) = about.admit_on
        && day < admit - TimeDelta::days(SPAN_BEFORE_STAY_DAYS)
    {
        return Err(Fault::LongBeforeStay { event, at, admit });
    }
    Ok(())
}

/// R-PATH-6: something recorded on ward day `day` (an osteotomy, a phase
/// step, a session, a complication's onset) is not before the patient's
/// birth date (found in use: an osteotomy in 1850 gave `consolidation day
/// 64606`).
pub fn on_or_after_birth(event: Event, day: NaiveDate, birth: NaiveDate) -> Result<(), Fault> {
    if day < birth { Err(Fault::DayBeforeBirth { event, day, birth }) } else { Ok(()) }
}

/// R-PATH-6: a birth date is not after `today` (the ward day of the clock).
pub fn born(birth_date: NaiveDate, today: NaiveDate) -> Result<(), Fault> {
    if birth_date > today { Err(Fault::BirthInFuture { birth: birth_date }) } else { Ok(()) }
}

/// R-PATH-6: every instant of the stay out of order at `now`, in the ward's
/// `zone`. Empty means in order. Arrival and departure count as recorded events.
pub fn check(stay: &StayInstants, now: DateTime<Utc>, zone: Tz) -> Vec<Fault> {
    let mut faults = Vec::new();
    let today = ward_time::local_day(now, zone);
    let day = |t: DateTime<Utc>| ward_time::local_day(t, zone);
    if let Err(fault) = born(stay.birth_date, today) {
        faults.push(fault);
    }
    let admit = stay.admitted_at.map_or(stay.planned_admit_on, |t| day(t).min(stay.planned_admit_on));
    if stay.birth_date > admit {
        faults.push(Fault::BirthAfterAdmission { birth: stay.birth_date, admit });
    }
    if let Some(start) = stay.procedure_start {
        let procedure = day(start);
        // One fault for one fact, its advice fitting the stay: once the
        // patient has arrived the arrival is the admission (it cannot be
        // moved), before that the planned day is.
        match stay.admitted_at.map(day) {
            Some(arrived) if procedure < arrived => faults.push(Fault::ProcedureBeforeArrival { procedure, arrived }),
            Some(_) => {}
            None if procedure < stay.planned_admit_on => {
                faults.push(Fault::ProcedureBeforeAdmission { procedure, admit: stay.planned_admit_on });
            }
            None => {}
        }
        if procedure > stay.planned_discharge_on && stay.discharged_at.is_none() {
            faults.push(Fault::ProcedureAfterDischarge { procedure, discharge: stay.planned_discharge_on });
        }
        if let Some(left) = stay.discharged_at.map(day)
            && procedure > left
        {
            faults.push(Fault::ProcedureAfterDeparture { procedure, left });
        }
    }
    if let (Some(arrived), Some(left)) = (stay.admitted_at, stay.discharged_at)
        && left < arrived
    {
        faults.push(Fault::DepartureBeforeArrival { arrived, left });
    }
    for (event, at) in [(Event::Arrival, stay.admitted_at), (Event::Departure, stay.discharged_at)] {
        if let Some(at) = at
            && let Err(fault) = recorded(event, at, now)
        {
            faults.push(fault);
        }
    }
    faults
}

/// R-PATH-6: a planned procedure start already past at `now` needs a
/// confirmation that this is a retrospective entry.
pub fn needs_retrospective(start: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    start < now
}

/// R-PATH-6: a planned day (an admission day, in ward days) before `today`
/// needs the same confirmation.
pub fn needs_retrospective_day(day: NaiveDate, today: NaiveDate) -> bool {
    day < today
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

    fn paris(m: u32, day: u32, h: u32) -> DateTime<Utc> {
        Paris.with_ymd_and_hms(2026, m, day, h, 0, 0).single().unwrap().to_utc()
    }

    fn stay() -> StayInstants {
        StayInstants {
            birth_date: NaiveDate::from_ymd_opt(1950, 3, 1).unwrap(),
            planned_admit_on: d(11, 22),
            planned_discharge_on: d(11, 24),
            admitted_at: Some(paris(11, 22, 17)),
            discharged_at: None,
            procedure_start: Some(paris(11, 23, 8)),
        }
    }

    fn now() -> DateTime<Utc> {
        paris(11, 22, 20)
    }

    /// R-PATH-6
    #[test]
    fn r_path_6_a_stay_in_order_has_no_fault() {
        assert_eq!(check(&stay(), now(), Paris), []);
    }

    /// R-PATH-6: arrived 22/11, procedure moved to 21/11.
    #[test]
    fn r_path_6_a_procedure_before_the_arrival_is_a_fault() {
        let s = StayInstants { procedure_start: Some(paris(11, 21, 8)), ..stay() };
        let faults = check(&s, now(), Paris);
        assert_eq!(faults, [Fault::ProcedureBeforeArrival { procedure: d(11, 21), arrived: d(11, 22) }]);
        assert_eq!(
            faults[0].describe(Paris),
            "procedure day 21/11/2026 is before the patient arrived (22/11/2026); pick a day from the arrival on"
        );
    }

    /// R-PATH-6: the move refusal says each fault once, with advice that
    /// fits the stay: a patient already admitted cannot have the admission
    /// moved; one still to come can.
    #[test]
    fn r_path_6_one_sentence_per_fault_advice_fitting_the_stay() {
        let admitted = StayInstants { procedure_start: Some(paris(11, 21, 8)), ..stay() };
        let text: Vec<String> = check(&admitted, now(), Paris).iter().map(|f| f.describe(Paris)).collect();
        assert_eq!(text.len(), 1, "{text:?}");
        assert!(!text[0].contains("admission"), "already admitted: {}", text[0]);
        let planned = StayInstants { admitted_at: None, ..admitted };
        let text: Vec<String> = check(&planned, paris(11, 20, 9), Paris).iter().map(|f| f.describe(Paris)).collect();
        assert_eq!(
            text,
            [
                "procedure day 21/11/2026 is before the planned admission day 22/11/2026; move the procedure, or plan the admission earlier"
            ]
        );
    }

    /// R-PATH-6: nothing recorded about a patient is before their birth; an
    /// intake or a lab result is not more than 30 days before the stay.
    #[test]
    fn r_path_6_nothing_recorded_before_birth_nor_long_before_the_stay() {
        let jan = |y, m, dd| Paris.with_ymd_and_hms(y, m, dd, 8, 0, 0).single().unwrap().to_utc();
        let about = About { birth_date: NaiveDate::from_ymd_opt(1960, 2, 1).unwrap(), admit_on: Some(d(11, 22)) };
        for event in [Event::Intake, Event::Lab, Event::Consultation, Event::PreVisit, Event::Timeline] {
            assert!(matches!(
                recorded_about(event, jan(1900, 1, 1), now(), &about, Paris),
                Err(Fault::BeforeBirth { .. })
            ));
        }
        let osteotomy = NaiveDate::from_ymd_opt(1850, 1, 1).unwrap();
        assert_eq!(
            on_or_after_birth(Event::Osteotomy, osteotomy, about.birth_date).unwrap_err().describe(Paris),
            "osteotomy on 01/01/1850 is before the patient's birth date 01/02/1960; check the date (or the birth date on the label)"
        );
        assert!(on_or_after_birth(Event::Session, about.birth_date, about.birth_date).is_ok());
        let inr = recorded_about(Event::Lab, jan(1955, 6, 15), now(), &about, Paris).unwrap_err();
        assert_eq!(
            inr.describe(Paris),
            "lab result at 15/06/1955 08:00 is before the patient's birth date 01/02/1960; check the date (or the birth date on the label)"
        );
        // Born that day is not before birth (ward days).
        let born_day = About { admit_on: None, ..about };
        assert_eq!(recorded_about(Event::Lab, jan(1960, 2, 1), now(), &born_day, Paris), Ok(()));
        // 30 days before the planned admission holds; 31 does not, for intakes and labs only.
        assert_eq!(recorded_about(Event::Intake, paris(10, 23, 8), now(), &about, Paris), Ok(()));
        let old = recorded_about(Event::Intake, paris(10, 22, 8), now(), &about, Paris).unwrap_err();
        assert!(matches!(old, Fault::LongBeforeStay { .. }));
        assert!(old.describe(Paris).contains("more than 30 days before the planned admission 22/11/2026"));
        assert_eq!(recorded_about(Event::Consultation, paris(10, 1, 8), now(), &about, Paris), Ok(()));
        // The future is still refused first.
        assert!(matches!(
            recorded_about(Event::Intake, paris(11, 23, 8), now(), &about, Paris),
            Err(Fault::InFuture { .. })
        ));
    }

    /// R-PATH-6: a birth date of tomorrow, with the procedure later.
    #[test]
    fn r_path_6_a_birth_date_in_the_future_is_a_fault() {
        let s = StayInstants {
            birth_date: d(11, 23),
            admitted_at: None,
            planned_admit_on: d(11, 25),
            planned_discharge_on: d(11, 27),
            procedure_start: Some(paris(11, 26, 8)),
            ..stay()
        };
        assert_eq!(check(&s, now(), Paris), [Fault::BirthInFuture { birth: d(11, 23) }]);
        // Born today is not in the future.
        assert_eq!(born(d(11, 22), d(11, 22)), Ok(()));
        let born_late =
            StayInstants { birth_date: d(11, 21), admitted_at: None, planned_admit_on: d(11, 20), ..stay() };
        let faults = check(&born_late, now(), Paris);
        assert_eq!(faults, [Fault::BirthAfterAdmission { birth: d(11, 21), admit: d(11, 20) }]);
    }

    /// R-PATH-6: procedure ≤ discharge, planned and actual; left after arriving.
    #[test]
    fn r_path_6_a_procedure_after_the_discharge_is_a_fault() {
        let late = StayInstants { procedure_start: Some(paris(11, 25, 8)), ..stay() };
        assert_eq!(
            check(&late, paris(11, 23, 9), Paris),
            [Fault::ProcedureAfterDischarge { procedure: d(11, 25), discharge: d(11, 24) }]
        );
        let gone =
            StayInstants { discharged_at: Some(paris(11, 22, 19)), procedure_start: Some(paris(11, 23, 8)), ..stay() };
        assert_eq!(
            check(&gone, now(), Paris),
            [Fault::ProcedureAfterDeparture { procedure: d(11, 23), left: d(11, 22) }]
        );
        let backwards = StayInstants { discharged_at: Some(paris(11, 22, 10)), procedure_start: None, ..stay() };
        assert!(matches!(check(&backwards, now(), Paris)[..], [Fault::DepartureBeforeArrival { .. }]));
    }

    /// R-PATH-6: nothing recorded is in the future (a few minutes of clock drift allowed).
    #[test]
    fn r_path_6_nothing_recorded_is_in_the_future() {
        let t = paris(11, 22, 20);
        assert_eq!(recorded(Event::Intake, t + TimeDelta::minutes(CLOCK_SLACK_MIN), t), Ok(()));
        let late = t + TimeDelta::minutes(CLOCK_SLACK_MIN + 1);
        let fault = recorded(Event::Lab, late, t).unwrap_err();
        assert_eq!(
            fault.describe(Paris),
            "lab result at 22/11/2026 20:06 is in the future; record it once it has happened"
        );
        let arrived_later = StayInstants { admitted_at: Some(paris(11, 22, 21)), ..stay() };
        assert!(matches!(check(&arrived_later, now(), Paris)[..], [Fault::InFuture { event: Event::Arrival, .. }]));
    }

    /// R-PATH-6: days are ward days: 23:30 UTC on 21/11 is 22/11 in Paris, the admission day.
    #[test]
    fn r_path_6_days_are_ward_days() {
        let s = StayInstants { admitted_at: Some(Utc.with_ymd_and_hms(2026, 11, 21, 23, 30, 0).unwrap()), ..stay() };
        assert_eq!(check(&s, now(), Paris), []);
    }

    /// R-PATH-6: a planned start already past asks for a retrospective confirmation.
    #[test]
    fn r_path_6_a_past_planned_start_needs_a_retrospective_confirmation() {
        assert!(needs_retrospective(paris(11, 19, 8), now()));
        assert!(!needs_retrospective(now(), now()));
        assert!(!needs_retrospective(paris(11, 23, 8), now()));
    }

    proptest! {
        /// R-PATH-6: a stay built in order (birth, then admission, procedure
        /// and discharge days in order, all before now) never has a fault.
        #[test]
        fn r_path_6_ordered_stays_have_no_fault(
            age in 0i64..40_000, admit in 0i64..400, to_proc in 0i64..5, to_leave in 0i64..5, minute in 0i64..1440,
        ) {
            let today = d(11, 30);
            let admit_on = today - TimeDelta::days(admit + 10);
            let birth = admit_on - TimeDelta::days(age);
            let procedure = admit_on + TimeDelta::days(to_proc);
            let discharge = procedure + TimeDelta::days(to_leave);
            let at = |day: NaiveDate| ward_time::at_local(day, chrono::NaiveTime::MIN, Paris) + TimeDelta::minutes(minute);
            let s = StayInstants {
                birth_date: birth,
                planned_admit_on: admit_on,
                planned_discharge_on: discharge,
                admitted_at: Some(at(admit_on)),
                discharged_at: Some(at(discharge).max(at(admit_on))),
                procedure_start: Some(at(procedure)),
            };
            prop_assert_eq!(check(&s, at(today), Paris), vec![]);
        }
    }
}

/// Issue 14: the recorded events in French, none left in English.
#[cfg(test)]
mod french_labels {
    use super::*;
    use crate::domain::language::Language;

    #[test]
    fn every_event_is_said_in_french() {
        let all = [
            Event::Arrival,
            Event::Departure,
            Event::Intake,
            Event::Lab,
            Event::Consultation,
            Event::PreVisit,
            Event::Step,
            Event::Procedure,
            Event::Timeline,
            Event::Osteotomy,
            Event::DistractionStep,
            Event::Session,
            Event::Round,
            Event::Complication,
            Event::Surgery,
        ];
        for event in all {
            let en = event.label().into_owned();
            let _fr = crate::i18n::scope(Language::Fr);
            let fr = event.label();
            assert!(!fr.is_empty() && !fr.contains("ward-"), "{en}: {fr:?}");
            assert_ne!(en, fr, "{en} is the same in French");
        }
    }
}
