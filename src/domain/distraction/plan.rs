//! R-DO-2 and R-DO-7: the plan of a distraction day by day, from the
//! prescription and the recorded phase events (a pause holds the length, a
//! resume may change the rate from its day on, an end of distraction stops
//! the turns early).
//!
//! Lengths are whole turns of the device (mm = turns × mm per turn), so the
//! planned length is exact and never decreases.

use super::case::Prescription;
use crate::domain::day_label::date_text;
use crate::domain::ward_time;
use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

crate::domain::worded::worded! {
    /// R-DO-7: a recorded phase transition.
    PhaseKind {
        Start = "start", "rounds-step-start";
        Pause = "pause", "rounds-step-pause";
        Resume = "resume", "rounds-step-resume";
        EndDistraction = "end_distraction", "rounds-step-end-distraction";
        Removal = "removal", "rounds-step-removal";
    }
}

/// R-DO-7: one recorded transition, on a ward day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseEvent {
    pub kind: PhaseKind,
    pub on: NaiveDate,
    /// Why (a pause needs one).
    pub reason: Option<String>,
    /// A resume at a new rate, in mm/day (the plan is recomputed from its day).
    pub rate_mm_day: Option<f64>,
    /// When the step was saved (the audit's time), if known: a step is
    /// day-granular, and turns made on its day before it was saved were
    /// made before it (R-DO-3).
    #[serde(skip)]
    pub recorded_at: Option<DateTime<Utc>>,
}

crate::domain::worded::worded! {
    /// Where a distraction is on a day.
    Phase {
        Latency = "latency", "rounds-phase-latency";
        Distraction = "distraction", "rounds-phase-distraction";
        Paused = "paused", "rounds-phase-paused";
        Consolidation = "consolidation", "rounds-phase-consolidation";
        Removed = "removed", "rounds-phase-removed";
    }
}

/// One day of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDay {
    pub day: NaiveDate,
    /// The turns of each session, in order (a session of 0 turns is not due).
    pub sessions: Vec<u32>,
    /// The length planned by the end of the day, in turns.
    pub cumulative_turns: u32,
    pub paused: bool,
}

impl PlanDay {
    pub fn turns(&self) -> u32 {
        self.sessions.iter().sum()
    }
}

/// R-DO-2: the computed plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The first day of turning: osteotomy + latency, or the recorded start.
    pub start: NaiveDate,
    /// The first day without turns once the target is reached (or the
    /// recorded end of distraction); `None` while a pause has no resume.
    pub end: Option<NaiveDate>,
    /// Turning days, from `start` to the day before `end`.
    pub days: Vec<PlanDay>,
    pub target_turns: u32,
    pub mm_per_turn: f64,
    pub removed_on: Option<NaiveDate>,
}

/// A plan longer than this many days is cut (a slip in the prescription; the
/// validated ranges give at most 3000 days).
const MAX_PLAN_DAYS: usize = 4000;

/// `turns` spread over `sessions` (the first sessions take one more turn
/// when they do not divide evenly).
pub fn split(turns: u32, sessions: u32) -> Vec<u32> {
    let sessions = sessions.max(1);
    (0..sessions).map(|i| turns / sessions + u32::from(i < turns % sessions)).collect()
}

impl Plan {
    /// R-DO-2 with R-DO-7's events (in the order recorded).
    pub fn build(p: &Prescription, events: &[PhaseEvent]) -> Plan {
        let start = events.iter().find(|e| e.kind == PhaseKind::Start).map_or_else(|| p.computed_start(), |e| e.on);
        let removed_on = events.iter().find(|e| e.kind == PhaseKind::Removal).map(|e| e.on);
        let target = p.target_turns();
        let mut per_day = p.turns_per_day(p.rate_mm_day).unwrap_or(1).max(1);
        let (mut day, mut cumulative, mut paused) = (start, 0u32, false);
        let mut days = Vec::new();
        let mut end = None;
        while days.len() < MAX_PLAN_DAYS {
            let mut stop = false;
            for e in events.iter().filter(|e| e.on == day) {
                match e.kind {
                    PhaseKind::Pause => paused = true,
                    PhaseKind::Resume => {
                        paused = false;
                        if let Some(rate) = e.rate_mm_day {
                            per_day = p.turns_per_day(rate).unwrap_or(per_day).max(1);
                        }
                    }
                    PhaseKind::EndDistraction | PhaseKind::Removal => stop = true,
                    PhaseKind::Start => {}
                }
            }
            if stop || cumulative >= target {
                end = Some(day);
                break;
            }
            if paused && !events.iter().any(|e| e.kind == PhaseKind::Resume && e.on > day) {
                break;
            }
            let turns = if paused { 0 } else { per_day.min(target - cumulative) };
            cumulative += turns;
            days.push(PlanDay {
                day,
                sessions: split(turns, p.sessions_per_day),
                cumulative_turns: cumulative,
                paused,
            });
            day = day + Days::new(1);
        }
        Plan { start, end, days, target_turns: target, mm_per_turn: p.mm_per_turn, removed_on }
    }

    /// The plan of `day`, if it is a turning (or paused) day.
    pub fn day(&self, day: NaiveDate) -> Option<&PlanDay> {
        let index = usize::try_from((day - self.start).num_days()).ok()?;
        self.days.get(index)
    }

    /// R-DO-2: the length planned by the end of `day`, in turns.
    pub fn planned_turns_by(&self, day: NaiveDate) -> u32 {
        if day < self.start {
            return 0;
        }
        match self.day(day) {
            Some(d) => d.cumulative_turns,
            None => self.days.last().map_or(0, |d| d.cumulative_turns),
        }
    }

    pub fn planned_mm_by(&self, day: NaiveDate) -> f64 {
        f64::from(self.planned_turns_by(day)) * self.mm_per_turn
    }

    /// The turns each session of `day` is to make (empty outside distraction).
    pub fn sessions_on(&self, day: NaiveDate) -> &[u32] {
        self.day(day).map_or(&[], |d| d.sessions.as_slice())
    }

    /// R-DO-7: the phase on `day`.
    pub fn phase_on(&self, day: NaiveDate) -> Phase {
        if self.removed_on.is_some_and(|r| r <= day) {
            Phase::Removed
        } else if day < self.start {
            Phase::Latency
        } else if self.end.is_some_and(|e| e <= day) {
            Phase::Consolidation
        } else if self.day(day).is_none_or(|d| d.paused) {
            Phase::Paused
        } else {
            Phase::Distraction
        }
    }

    /// The day number within the phase (day 1 is its first day), counting
    /// latency from the day after the osteotomy.
    pub fn day_number(&self, day: NaiveDate, osteotomy_on: NaiveDate) -> i64 {
        let from = match self.phase_on(day) {
            Phase::Latency => return (day - osteotomy_on).num_days(),
            Phase::Consolidation => self.end.unwrap_or(self.start),
            Phase::Removed => self.removed_on.unwrap_or(day),
            Phase::Distraction | Phase::Paused => self.start,
        };
        (day - from).num_days() + 1
    }
}

/// `distraction day 5`, `latency day 3`, `consolidation day 12`.
pub fn phase_day(phase: Phase, day_number: i64) -> String {
    tr!("rounds-phase-day", phase = phase.label(), day = day_number).into_owned()
}

/// How a refusal says where a case is: `in latency`, `paused`, `removed`.
pub fn phase_words(phase: Phase) -> std::borrow::Cow<'static, str> {
    match phase {
        Phase::Latency => tr!("rounds-phase-in-latency"),
        Phase::Distraction => tr!("rounds-phase-in-distraction"),
        Phase::Paused => tr!("rounds-phase-in-pause"),
        Phase::Consolidation => tr!("rounds-phase-in-consolidation"),
        Phase::Removed => tr!("rounds-phase-in-removed"),
    }
}

/// R-DO-7: the steps a case may take from `phase`, in words, for a refusal.
fn steps_from(phase: Phase) -> std::borrow::Cow<'static, str> {
    match phase {
        Phase::Latency => tr!("rounds-steps-from-latency"),
        Phase::Distraction => tr!("rounds-steps-from-distraction"),
        Phase::Paused => tr!("rounds-steps-from-paused"),
        Phase::Consolidation => tr!("rounds-steps-from-consolidation"),
        Phase::Removed => tr!("rounds-steps-from-removed"),
    }
}

/// R-DO-7: whether `kind` may be recorded on `on` after `events`, the case
/// being in `phase` that day. Each step leaves one phase: a start leaves
/// latency, a pause distraction, a resume a pause, an end of distraction
/// distraction or a pause, a removal consolidation (a device removed early
/// has its distraction ended first, on the same day if need be). A step is
/// recorded once it happens: never after `today` (R-PATH-6). The refusal
/// says what may be recorded instead.
pub fn check_event(
    phase: Phase,
    events: &[PhaseEvent],
    kind: PhaseKind,
    on: NaiveDate,
    osteotomy_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), String> {
    if on > today {
        return Err(tr!("rounds-step-in-future", step = kind.label(), day = date_text(on), today = date_text(today))
            .into_owned());
    }
    if on < osteotomy_on {
        return Err(
            tr!("rounds-step-before-osteotomy", step = kind.label(), day = date_text(osteotomy_on)).into_owned()
        );
    }
    if let Some(last) = events.iter().map(|e| e.on).max().filter(|last| on < *last) {
        return Err(tr!("rounds-step-before-last", step = kind.label(), day = date_text(last)).into_owned());
    }
    if kind == PhaseKind::Start
        && let Some(start) = events.iter().find(|e| e.kind == PhaseKind::Start)
    {
        return Err(tr!("rounds-step-already-started", day = date_text(start.on)).into_owned());
    }
    let allowed = match kind {
        PhaseKind::Start => matches!(phase, Phase::Latency | Phase::Distraction),
        PhaseKind::Pause => phase == Phase::Distraction,
        PhaseKind::Resume => phase == Phase::Paused,
        PhaseKind::EndDistraction => matches!(phase, Phase::Distraction | Phase::Paused),
        PhaseKind::Removal => phase == Phase::Consolidation,
    };
    if allowed {
        Ok(())
    } else {
        Err(tr!(
            "rounds-step-not-now",
            step = kind.label(),
            day = date_text(on),
            phase = phase_words(phase),
            next = steps_from(phase)
        )
        .into_owned())
    }
}

/// R-DO-4: when each session of a day is due, spread evenly from `first` to
/// `last` (wall-clock in the ward's zone); one session a day is due at `first`.
pub fn due_times(day: NaiveDate, sessions: usize, first: NaiveTime, last: NaiveTime, zone: Tz) -> Vec<DateTime<Utc>> {
    let span = (last - first).num_minutes().max(0);
    let gaps = i64::try_from(sessions.saturating_sub(1)).unwrap_or(1).max(1);
    (0..sessions)
        .map(|i| {
            let minutes = span * i64::try_from(i).unwrap_or(0) / gaps;
            ward_time::at_local(day, first, zone) + chrono::Duration::minutes(minutes)
        })
        .collect()
}

/// R-DO-7: the healing index, days with the device per cm gained (d/cm), or
/// `None` before any length is gained.
pub fn healing_index(osteotomy_on: NaiveDate, until: NaiveDate, gained_mm: f64) -> Option<f64> {
    (gained_mm >= 1.0).then(|| (until - osteotomy_on).num_days().max(0) as f64 / (gained_mm / 10.0))
}

#[cfg(test)]
mod tests {
    use super::super::case::tests::{d, tibia};
    use super::*;
    use proptest::prelude::*;

    fn event(kind: PhaseKind, on: NaiveDate, rate: Option<f64>) -> PhaseEvent {
        PhaseEvent { kind, on, reason: None, rate_mm_day: rate, recorded_at: None }
    }

    #[test]
    fn r_do_2_latency_rate_rhythm_and_turns() {
        let p = tibia();
        let plan = Plan::build(&p, &[]);
        assert_eq!(plan.start, d(11, 8));
        // 20 mm at 1 mm/day: 20 turning days, the target in place on day 21.
        assert_eq!(plan.end, Some(d(11, 28)));
        assert_eq!(plan.days.len(), 20);
        assert_eq!(plan.sessions_on(d(11, 8)), &[1, 1, 1, 1]);
        assert_eq!(plan.planned_mm_by(d(11, 7)), 0.0);
        assert_eq!(plan.planned_mm_by(d(11, 8)), 1.0);
        assert_eq!(plan.planned_mm_by(d(11, 17)), 10.0);
        assert_eq!(plan.planned_mm_by(d(12, 20)), 20.0);
        assert_eq!(plan.phase_on(d(11, 5)), Phase::Latency);
        assert_eq!(plan.phase_on(d(11, 8)), Phase::Distraction);
        assert_eq!(plan.phase_on(d(11, 28)), Phase::Consolidation);
        assert_eq!(plan.day_number(d(11, 10), p.osteotomy_on), 3);
        assert_eq!(plan.day_number(d(11, 5), p.osteotomy_on), 4);
    }

    #[test]
    fn r_do_2_an_uneven_rate_and_a_partial_last_day() {
        // 5 mm at 1.5 mm/day (6 turns) in 4 sessions: 2,2,1,1; the last day 2 turns.
        let p = Prescription { rate_mm_day: 1.5, target_mm: 5.0, ..tibia() };
        let plan = Plan::build(&p, &[]);
        assert_eq!(plan.sessions_on(plan.start), &[2, 2, 1, 1]);
        assert_eq!(plan.days.len(), 4);
        assert_eq!(plan.days[3].sessions, vec![1, 1, 0, 0]);
        assert_eq!(plan.planned_mm_by(plan.end.unwrap()), 5.0);
    }

    #[test]
    fn r_do_7_a_pause_holds_the_length_and_a_resume_changes_the_rate() {
        let p = tibia();
        let events = [
            event(PhaseKind::Start, d(11, 8), None),
            event(PhaseKind::Pause, d(11, 13), None),
            event(PhaseKind::Resume, d(11, 16), Some(0.5)),
        ];
        let plan = Plan::build(&p, &events);
        assert_eq!(plan.planned_mm_by(d(11, 12)), 5.0);
        assert_eq!(plan.phase_on(d(11, 14)), Phase::Paused);
        assert_eq!(plan.planned_mm_by(d(11, 15)), 5.0);
        assert_eq!(plan.sessions_on(d(11, 16)), &[1, 1, 0, 0]);
        assert_eq!(plan.planned_mm_by(d(11, 16)), 5.5);
        // 15 mm left at 0.5 mm/day: 30 days from the 16th.
        assert_eq!(plan.end, Some(d(12, 16)));
        // A pause with no resume yet: no end, paused from then on.
        let open = Plan::build(&p, &events[..2]);
        assert_eq!(open.end, None);
        assert_eq!(open.phase_on(d(12, 30)), Phase::Paused);
        assert_eq!(open.planned_mm_by(d(12, 30)), 5.0);
    }

    #[test]
    fn r_do_7_an_early_end_and_removal() {
        let p = tibia();
        let events = [event(PhaseKind::EndDistraction, d(11, 18), None), event(PhaseKind::Removal, d(12, 30), None)];
        let plan = Plan::build(&p, &events);
        assert_eq!(plan.end, Some(d(11, 18)));
        assert_eq!(plan.planned_mm_by(d(12, 1)), 10.0);
        assert_eq!(plan.phase_on(d(11, 18)), Phase::Consolidation);
        assert_eq!(plan.phase_on(d(12, 30)), Phase::Removed);
    }

    #[test]
    fn r_do_7_transitions_are_checked() {
        let p = tibia();
        let today = d(12, 31);
        let plan = Plan::build(&p, &[]);
        let check = |plan: &Plan, events: &[PhaseEvent], kind, on| {
            check_event(plan.phase_on(on), events, kind, on, p.osteotomy_on, today)
        };
        assert!(check(&plan, &[], PhaseKind::Pause, d(11, 10)).is_ok());
        let err = check(&plan, &[], PhaseKind::Resume, d(11, 10)).unwrap_err();
        assert_eq!(
            err,
            "cannot record \"distraction resumed\" on 10/11/2026: the case is in distraction then; \
             from distraction, record a pause (pause) or its end (end_distraction)"
        );
        assert!(check(&plan, &[], PhaseKind::Pause, d(11, 3)).is_err());
        assert!(check(&plan, &[], PhaseKind::Start, d(10, 3)).is_err());
        let events = [event(PhaseKind::Pause, d(11, 12), None)];
        let paused = Plan::build(&p, &events);
        assert!(check(&paused, &events, PhaseKind::Resume, d(11, 14)).is_ok());
        assert!(check(&paused, &events, PhaseKind::Resume, d(11, 11)).is_err());
    }

    #[test]
    fn r_do_7_each_step_only_from_the_phase_it_leaves() {
        let p = tibia();
        let today = d(12, 31);
        let plan = Plan::build(&p, &[]);
        let check = |kind, on| check_event(plan.phase_on(on), &[], kind, on, p.osteotomy_on, today);
        // Found in use: removal from latency was accepted.
        let err = check(PhaseKind::Removal, d(11, 3)).unwrap_err();
        assert!(err.contains("the case is in latency then; record the start of distraction (start) first"), "{err}");
        assert!(check(PhaseKind::Removal, d(11, 10)).unwrap_err().contains("end_distraction"));
        assert!(check(PhaseKind::Removal, d(12, 1)).is_ok(), "from consolidation");
        assert!(check(PhaseKind::Pause, d(11, 3)).is_err(), "no pause in latency");
        assert!(check(PhaseKind::EndDistraction, d(12, 1)).is_err(), "already over");
        let removed = [event(PhaseKind::Removal, d(12, 1), None)];
        let gone = Plan::build(&p, &removed);
        let err = check_event(gone.phase_on(d(12, 2)), &removed, PhaseKind::Removal, d(12, 2), p.osteotomy_on, today)
            .unwrap_err();
        assert!(err.contains("the case is removed (the device is out) then"), "{err}");
        let started = [event(PhaseKind::Start, d(11, 8), None)];
        let err =
            check_event(Phase::Distraction, &started, PhaseKind::Start, d(11, 9), p.osteotomy_on, today).unwrap_err();
        assert!(err.starts_with("distraction is already started (on 08/11/2026)"), "{err}");
    }

    #[test]
    fn r_path_6_a_step_is_never_dated_after_today() {
        let p = tibia();
        let plan = Plan::build(&p, &[]);
        let today = d(11, 10);
        let err =
            check_event(plan.phase_on(d(12, 5)), &[], PhaseKind::Pause, d(12, 5), p.osteotomy_on, today).unwrap_err();
        assert_eq!(
            err,
            "\"distraction paused\" cannot be dated 05/12/2026, after today (10/11/2026): a step is recorded once it \
             has happened; record it on its day"
        );
        assert!(check_event(Phase::Distraction, &[], PhaseKind::Pause, today, p.osteotomy_on, today).is_ok());
    }

    #[test]
    fn r_do_4_sessions_are_due_evenly_across_the_day() {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        let due = due_times(d(11, 10), 4, t(8), t(20), chrono_tz::UTC);
        let hours: Vec<_> = due.iter().map(|x| x.format("%H:%M").to_string()).collect();
        assert_eq!(hours, ["08:00", "12:00", "16:00", "20:00"]);
        assert_eq!(due_times(d(11, 10), 1, t(8), t(20), chrono_tz::UTC).len(), 1);
    }

    #[test]
    fn r_do_7_healing_index_is_days_per_cm() {
        // 20 mm gained over 100 days with the device: 50 d/cm.
        assert_eq!(healing_index(d(1, 1), d(4, 11), 20.0), Some(50.0));
        assert_eq!(healing_index(d(1, 1), d(4, 11), 0.0), None);
    }

    fn prescription() -> impl Strategy<Value = (Prescription, Vec<PhaseEvent>)> {
        (1u32..=8, 1u32..=8, 1u32..=12, 4u32..=1200, 0u32..=14, 0u32..40, 0u32..20, 1u32..=8).prop_map(
            |(quarter_turns, turns_a_day, sessions, target_quarters, latency, pause_at, pause_len, new_rate)| {
                // 0.1 to 0.8 mm a turn: every rate is at least 0.1 mm/day, as validated.
                let mm_per_turn = f64::from(quarter_turns) * 0.1;
                let p = Prescription {
                    mm_per_turn,
                    rate_mm_day: f64::from(turns_a_day) * mm_per_turn,
                    sessions_per_day: sessions,
                    target_mm: f64::from(target_quarters) * 0.25,
                    latency_days: latency,
                    ..tibia()
                };
                let start = p.computed_start();
                let pause = start + Days::new(u64::from(pause_at));
                let resume = pause + Days::new(u64::from(pause_len) + 1);
                let events = vec![
                    event(PhaseKind::Pause, pause, None),
                    event(PhaseKind::Resume, resume, Some(f64::from(new_rate) * mm_per_turn)),
                ];
                (p, events)
            },
        )
    }

    proptest! {
        /// R-DO-2: the planned length never decreases, and it reaches the
        /// target on the computed end day (with or without a pause and a
        /// rate change).
        #[test]
        fn r_do_2_planned_length_never_decreases_and_reaches_the_target_on_the_end_day(
            (p, events) in prescription(),
            with_events in any::<bool>(),
        ) {
            let events = if with_events { events } else { Vec::new() };
            let plan = Plan::build(&p, &events);
            let end = plan.end.expect("a resumed plan ends");
            let mut day = p.osteotomy_on;
            let mut last = 0;
            while day <= end {
                let now = plan.planned_turns_by(day);
                prop_assert!(now >= last, "decreased on {day}");
                last = now;
                day = day + Days::new(1);
            }
            prop_assert_eq!(plan.planned_turns_by(end), p.target_turns());
            prop_assert!(plan.planned_mm_by(end) + 1e-9 >= p.target_mm);
            prop_assert!(plan.planned_mm_by(end) < p.target_mm + p.mm_per_turn);
            let before = end.pred_opt().unwrap();
            prop_assert!(plan.planned_turns_by(before.pred_opt().unwrap()) < p.target_turns() || plan.days.len() <= 1);
            prop_assert_eq!(plan.phase_on(end), Phase::Consolidation);
            for d in &plan.days {
                prop_assert_eq!(d.sessions.len() as u32, p.sessions_per_day);
            }
        }
    }
}
