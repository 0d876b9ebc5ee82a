//! The short-stay pathway: admitted on J-1, procedure on J0, home on J+1.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// R-PATH-2: where an admission stands. Side exits (cancelled, postponed,
/// prolonged) leave the main line; every change is a recorded step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdmissionState {
    Planned,
    Admitted,
    ProcedureDone,
    ReadyForDischarge,
    Discharged,
    Cancelled,
    Postponed,
    Prolonged,
}

impl AdmissionState {
    pub const ALL: [AdmissionState; 8] = [
        AdmissionState::Planned,
        AdmissionState::Admitted,
        AdmissionState::ProcedureDone,
        AdmissionState::ReadyForDischarge,
        AdmissionState::Discharged,
        AdmissionState::Cancelled,
        AdmissionState::Postponed,
        AdmissionState::Prolonged,
    ];

    /// The word stored in the database and printed by `--format json`.
    pub fn code(self) -> &'static str {
        match self {
            AdmissionState::Planned => "planned",
            AdmissionState::Admitted => "admitted",
            AdmissionState::ProcedureDone => "procedure_done",
            AdmissionState::ReadyForDischarge => "ready_for_discharge",
            AdmissionState::Discharged => "discharged",
            AdmissionState::Cancelled => "cancelled",
            AdmissionState::Postponed => "postponed",
            AdmissionState::Prolonged => "prolonged",
        }
    }

    /// The state in words, for sentences: `ready for discharge`.
    pub fn words(self) -> std::borrow::Cow<'static, str> {
        match self {
            AdmissionState::Planned => tr!("ward-stay-planned"),
            AdmissionState::Admitted => tr!("ward-stay-admitted"),
            AdmissionState::ProcedureDone => tr!("ward-stay-procedure-done"),
            AdmissionState::ReadyForDischarge => tr!("ward-stay-ready-for-discharge"),
            AdmissionState::Discharged => tr!("ward-stay-discharged"),
            AdmissionState::Cancelled => tr!("ward-stay-cancelled"),
            AdmissionState::Postponed => tr!("ward-stay-postponed"),
            AdmissionState::Prolonged => tr!("ward-stay-prolonged"),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Words for the screen, with a glyph so state never rests on colour.
    pub fn label(self) -> std::borrow::Cow<'static, str> {
        match self {
            AdmissionState::Planned => tr!("ward-stay-planned.label"),
            AdmissionState::Admitted => tr!("ward-stay-admitted.label"),
            AdmissionState::ProcedureDone => tr!("ward-stay-procedure-done.label"),
            AdmissionState::ReadyForDischarge => tr!("ward-stay-ready-for-discharge.label"),
            AdmissionState::Discharged => tr!("ward-stay-discharged.label"),
            AdmissionState::Cancelled => tr!("ward-stay-cancelled.label"),
            AdmissionState::Postponed => tr!("ward-stay-postponed.label"),
            AdmissionState::Prolonged => tr!("ward-stay-prolonged.label"),
        }
    }

    /// The patient is in a bed on the ward.
    pub fn is_on_ward(self) -> bool {
        matches!(
            self,
            AdmissionState::Admitted
                | AdmissionState::ProcedureDone
                | AdmissionState::ReadyForDischarge
                | AdmissionState::Prolonged
        )
    }
}

impl fmt::Display for AdmissionState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A step a user can take on an admission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Admit,
    MarkProcedureDone,
    ReadyForDischarge,
    Discharge,
    Cancel,
    Postpone,
    Prolong,
}

impl Step {
    /// The step as its serde name writes it (`cancel`, `ready_for_discharge`):
    /// for a catalogue's selector, the same in every language.
    pub fn code(self) -> &'static str {
        match self {
            Step::Admit => "admit",
            Step::MarkProcedureDone => "mark_procedure_done",
            Step::ReadyForDischarge => "ready_for_discharge",
            Step::Discharge => "discharge",
            Step::Cancel => "cancel",
            Step::Postpone => "postpone",
            Step::Prolong => "prolong",
        }
    }

    pub fn verb(self) -> std::borrow::Cow<'static, str> {
        match self {
            Step::Admit => tr!("ward-step-admit.verb"),
            Step::MarkProcedureDone => tr!("ward-step-procedure-done.verb"),
            Step::ReadyForDischarge => tr!("ward-step-ready-for-discharge.verb"),
            Step::Discharge => tr!("ward-step-discharge.verb"),
            Step::Cancel => tr!("ward-step-cancel.verb"),
            Step::Postpone => tr!("ward-step-postpone.verb"),
            Step::Prolong => tr!("ward-step-prolong.verb"),
        }
    }

    /// The step's name, as the timeline and the hint bar write it.
    pub fn name(self) -> std::borrow::Cow<'static, str> {
        match self {
            Step::Admit => tr!("ward-step-admit"),
            Step::MarkProcedureDone => tr!("ward-step-procedure-done"),
            Step::ReadyForDischarge => tr!("ward-step-ready-for-discharge"),
            Step::Discharge => tr!("ward-step-discharge"),
            Step::Cancel => tr!("ward-step-cancel"),
            Step::Postpone => tr!("ward-step-postpone"),
            Step::Prolong => tr!("ward-step-prolong"),
        }
    }

    /// Side exits must say why (R-PATH-2: prolonged needs the incident).
    pub fn needs_reason(self) -> bool {
        matches!(self, Step::Cancel | Step::Postpone | Step::Prolong)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("ward-step-refused", verb = step.verb(), state = from.words(), hint = hint.as_str()))]
pub struct StepRefused {
    pub step: Step,
    pub from: AdmissionState,
    /// What to do instead: the step that comes first, or why none does.
    pub hint: String,
}

/// R-PATH-2: the state a step leads to, or why it cannot be taken from here.
pub fn next_state(from: AdmissionState, step: Step) -> Result<AdmissionState, StepRefused> {
    use AdmissionState as S;
    let Some(to) = transition(from, step) else {
        let hint = match (from, step_first(from, step)) {
            (S::Discharged | S::Cancelled, _) => tr!("ward-step-hint-closed"),
            (_, Some(first)) => tr!("ward-step-hint-first", step = first.name()),
            (_, None) if from == S::Admitted && step == Step::Admit => tr!("ward-step-hint-already-admitted"),
            (_, None) => tr!("ward-step-hint-no-way", state = from.words(), step = step.name()),
        }
        .into_owned();
        return Err(StepRefused { step, from, hint });
    };
    Ok(to)
}

/// R-PATH-2: the transition table itself.
fn transition(from: AdmissionState, step: Step) -> Option<AdmissionState> {
    use AdmissionState as S;
    let to = match (from, step) {
        (S::Planned | S::Postponed, Step::Admit) => S::Admitted,
        (S::Admitted | S::Prolonged, Step::MarkProcedureDone) => S::ProcedureDone,
        (S::ProcedureDone | S::Prolonged, Step::ReadyForDischarge) => S::ReadyForDischarge,
        (S::ReadyForDischarge, Step::Discharge) => S::Discharged,
        (S::Planned | S::Admitted | S::Postponed, Step::Cancel) => S::Cancelled,
        (S::Planned | S::Admitted, Step::Postpone) => S::Postponed,
        (S::Admitted | S::ProcedureDone | S::ReadyForDischarge, Step::Prolong) => S::Prolonged,
        _ => return None,
    };
    Some(to)
}

/// R-PATH-2: the step to take first, from `from`, on the way to `step`: the
/// next step of the main line (admit → procedure done → ready for discharge
/// → discharge) when `step` cannot be taken yet. `None` when `step` can be
/// taken now, or when no step leads there (a closed stay).
pub fn step_first(from: AdmissionState, step: Step) -> Option<Step> {
    use AdmissionState as S;
    if transition(from, step).is_some() {
        return None;
    }
    let mut here = from;
    let mut first = None;
    // The main line is at most four steps long.
    for _ in 0..4 {
        let next = match here {
            S::Planned | S::Postponed => Step::Admit,
            S::Admitted => Step::MarkProcedureDone,
            S::ProcedureDone | S::Prolonged => Step::ReadyForDischarge,
            S::ReadyForDischarge => Step::Discharge,
            S::Discharged | S::Cancelled => return None,
        };
        let to = transition(here, next)?;
        first = first.or(Some(next));
        if transition(to, step).is_some() {
            return first;
        }
        here = to;
    }
    None
}

/// R-PATH-2: a step that undid the one before it carries a reason starting with this.
pub const UNDO_PREFIX: &str = "undo: "; // i18n: stored: the code that marks an undo step

/// One recorded step, as `admission_steps` holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordedStep {
    pub id: i64,
    pub from: AdmissionState,
    pub to: AdmissionState,
    /// Its reason starts with [`UNDO_PREFIX`].
    pub undo: bool,
}

/// What an undo does: the step it reverses, and the state it goes back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undo {
    pub undoes: RecordedStep,
    pub back_to: AdmissionState,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UndoRefused {
    #[error("{}", tr!("ward-undo-nothing"))]
    NothingToUndo,
    #[error("{}", tr!("ward-undo-out-of-step", recorded = recorded.code(), current = current.code()))]
    OutOfStep { recorded: AdmissionState, current: AdmissionState },
}

/// R-PATH-2: a mistaken step is undone by a new, recorded step back to the
/// state before it; history is never edited. Earlier undos are honoured, so
/// undoing twice walks two steps back rather than redoing the first undo.
pub fn undo_target(history: &[RecordedStep], current: AdmissionState) -> Result<Undo, UndoRefused> {
    let mut stack: Vec<RecordedStep> = Vec::new();
    for step in history {
        let reverses_top = stack.last().is_some_and(|top| top.to == step.from && top.from == step.to);
        if step.undo && reverses_top {
            stack.pop();
        } else {
            stack.push(*step);
        }
    }
    let undoes = *stack.last().ok_or(UndoRefused::NothingToUndo)?;
    if undoes.to != current {
        return Err(UndoRefused::OutOfStep { recorded: undoes.to, current });
    }
    Ok(Undo { undoes, back_to: undoes.from })
}

/// R-PATH-1: the planned admission and discharge days for a procedure day,
/// from the site's offsets (`path.admit_offset_days`, `path.discharge_offset_days`).
pub fn planned_stay(procedure_day: NaiveDate, admit_offset: i64, discharge_offset: i64) -> (NaiveDate, NaiveDate) {
    (shift(procedure_day, admit_offset), shift(procedure_day, discharge_offset))
}

fn shift(day: NaiveDate, offset: i64) -> NaiveDate {
    let days = Days::new(offset.unsigned_abs());
    let moved = if offset < 0 { day.checked_sub_days(days) } else { day.checked_add_days(days) };
    moved.unwrap_or(day)
}

/// R-PATH-3: still on the ward after the planned discharge day, with no incident recorded.
pub fn overdue_discharge(
    state: AdmissionState,
    planned_discharge: NaiveDate,
    incident: Option<&str>,
    today: NaiveDate,
) -> bool {
    let explained = incident.is_some_and(|reason| !reason.trim().is_empty());
    state.is_on_ward() && planned_discharge < today && !explained
}

/// A J-1 admission not done by the end of its planned day (or, on the day
/// itself, after the site's latest expected arrival time).
pub fn late_admission(
    state: AdmissionState,
    planned_admit: NaiveDate,
    today: NaiveDate,
    past_expected_arrival_time: bool,
) -> bool {
    state == AdmissionState::Planned
        && (planned_admit < today || (planned_admit == today && past_expected_arrival_time))
}

#[cfg(test)]
mod tests {
    use super::*;
    use AdmissionState as S;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn r_path_2_admit_is_the_first_step_from_planned() {
        assert_eq!(next_state(S::Planned, Step::Admit), Ok(S::Admitted));
    }

    #[test]
    fn r_path_2_main_line_runs_to_discharge() {
        let mut state = S::Planned;
        for step in [Step::Admit, Step::MarkProcedureDone, Step::ReadyForDischarge, Step::Discharge] {
            state = next_state(state, step).unwrap();
        }
        assert_eq!(state, S::Discharged);
    }

    #[test]
    fn r_path_2_closed_stays_refuse_every_step_with_a_hint() {
        for from in [S::Discharged, S::Cancelled] {
            for step in [Step::Admit, Step::Discharge, Step::Cancel, Step::Prolong] {
                let err = next_state(from, step).unwrap_err();
                assert!(err.to_string().contains("open a new admission"), "{err}");
            }
        }
    }

    #[test]
    fn r_path_2_cannot_admit_twice() {
        let err = next_state(S::Admitted, Step::Admit).unwrap_err();
        assert_eq!(err.to_string(), "cannot admit an admission that is admitted: the patient is already admitted");
    }

    #[test]
    fn r_path_2_a_refused_step_names_the_step_that_comes_first() {
        assert_eq!(step_first(S::Admitted, Step::Discharge), Some(Step::MarkProcedureDone));
        assert_eq!(step_first(S::Planned, Step::ReadyForDischarge), Some(Step::Admit));
        assert_eq!(step_first(S::ProcedureDone, Step::Discharge), Some(Step::ReadyForDischarge));
        assert_eq!(step_first(S::ReadyForDischarge, Step::Discharge), None, "can be taken now");
        assert_eq!(step_first(S::Discharged, Step::Discharge), None, "closed");
        let err = next_state(S::Admitted, Step::Discharge).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot discharge an admission that is admitted: the step \"procedure done\" comes first"
        );
        let err = next_state(S::ProcedureDone, Step::Postpone).unwrap_err();
        assert!(err.to_string().contains("undo it"), "{err}");
    }

    #[test]
    fn state_codes_round_trip() {
        for s in S::ALL {
            assert_eq!(S::from_code(s.code()), Some(s));
        }
        assert_eq!(S::from_code("nonsense"), None);
    }

    fn rec(id: i64, from: S, to: S, undo: bool) -> RecordedStep {
        RecordedStep { id, from, to, undo }
    }

    #[test]
    fn r_path_2_undo_goes_back_one_recorded_step_at_a_time() {
        let history = [rec(1, S::Planned, S::Admitted, false), rec(2, S::Admitted, S::ProcedureDone, false)];
        let undo = undo_target(&history, S::ProcedureDone).unwrap();
        assert_eq!((undo.undoes.id, undo.back_to), (2, S::Admitted));
        // After that undo, the next one reverses the admission, not the undo.
        let history = [history[0], history[1], rec(3, S::ProcedureDone, S::Admitted, true)];
        let undo = undo_target(&history, S::Admitted).unwrap();
        assert_eq!((undo.undoes.id, undo.back_to), (1, S::Planned));
        let history = [history[0], history[1], history[2], rec(4, S::Admitted, S::Planned, true)];
        assert_eq!(undo_target(&history, S::Planned), Err(UndoRefused::NothingToUndo));
        assert_eq!(undo_target(&[], S::Planned), Err(UndoRefused::NothingToUndo));
    }

    #[test]
    fn r_path_2_undo_refuses_when_history_and_state_disagree() {
        let history = [rec(1, S::Planned, S::Admitted, false)];
        let err = undo_target(&history, S::Discharged).unwrap_err();
        assert!(err.to_string().contains("led to admitted but it is discharged"), "{err}");
    }

    #[test]
    fn r_path_1_stay_brackets_the_procedure_day() {
        assert_eq!(planned_stay(d(2026, 3, 1), -1, 1), (d(2026, 2, 28), d(2026, 3, 2)));
        assert_eq!(planned_stay(d(2026, 12, 31), -1, 1), (d(2026, 12, 30), d(2027, 1, 1)));
    }

    #[test]
    fn r_path_3_overdue_only_without_an_incident() {
        let planned = d(2026, 11, 21);
        let today = d(2026, 11, 22);
        assert!(overdue_discharge(S::Admitted, planned, None, today));
        assert!(overdue_discharge(S::Prolonged, planned, Some("  "), today));
        assert!(!overdue_discharge(S::Prolonged, planned, Some("haematoma at puncture site"), today));
        assert!(!overdue_discharge(S::Admitted, today, None, today));
        assert!(!overdue_discharge(S::Discharged, planned, None, today));
    }

    #[test]
    fn late_admission_after_the_day_or_the_expected_time() {
        let today = d(2026, 11, 22);
        assert!(late_admission(S::Planned, d(2026, 11, 21), today, false));
        assert!(!late_admission(S::Planned, today, today, false));
        assert!(late_admission(S::Planned, today, today, true));
        assert!(!late_admission(S::Admitted, d(2026, 11, 21), today, true));
    }
}

/// Issue 14: a stay's states and steps in French, none left in English.
#[cfg(test)]
mod french_labels {
    use super::*;

    use crate::i18n::in_both as both;

    #[test]
    fn every_label_is_said_in_french() {
        for (en, fr) in [
            AdmissionState::ALL.map(|s| both(|| s.label().into_owned())).to_vec(),
            AdmissionState::ALL.map(|s| both(|| s.words().into_owned())).to_vec(),
            [
                Step::Admit,
                Step::MarkProcedureDone,
                Step::ReadyForDischarge,
                Step::Discharge,
                Step::Cancel,
                Step::Postpone,
                Step::Prolong,
            ]
            .map(|s| both(|| format!("{} {}", s.name(), s.verb())))
            .to_vec(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(!fr.is_empty() && !fr.contains("ward-"), "{en}: {fr:?}");
            assert_ne!(en, fr, "{en} is the same in French");
        }
    }
}
