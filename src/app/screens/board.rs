//! The Board: today's attention list, arrivals, procedures and departures.

use super::super::board_rows;
use super::super::keymap::{Action, Scope};
use super::super::state::{RowKey, State};
use super::super::update::{Effect, Outcome};
use super::{Screen, admissions, detail, key_for, problem};
use crate::domain::attention::Subject;
use crate::domain::board::Stay;
use crate::domain::pathway::AdmissionState;

pub struct BoardScreen;

impl Screen for BoardScreen {
    fn scope(&self) -> Scope {
        Scope::Board
    }

    fn on_action(&self, state: &mut State, action: Action) -> Outcome {
        match action {
            Action::Open => match (selected_admission(state), selected_distraction(state)) {
                (Some(id), _) => detail::open(state, id),
                (None, Some(case_id)) => open_distraction(state, case_id),
                (None, None) if selected_reference(state).is_some() => {
                    // R-STOCK-4: a stock alert opens the reference on the Stock tab.
                    state.stock.focus_reference = selected_reference(state);
                    super::stock::focus(state);
                    super::show(state, crate::app::state::Tab::Stock)
                }
                (None, None) => match selected_patient(state) {
                    // R-COMP-1, R-HO-1 (found in use): a patient followed
                    // without a stay (a distraction at home) had no next step.
                    Some(patient_id) => match patient_distraction(state, patient_id) {
                        Some(case_id) => open_distraction(state, case_id),
                        None => problem(state, tr!("board-no-admission-to-open")),
                    },
                    None => problem(state, tr!("board-not-one-admission")),
                },
            },
            Action::Admit => match selected_stay(state).cloned() {
                Some(stay) => admissions::ask_to_admit(state, &admissions::Admittable::from_stay(&stay)),
                None => {
                    let keys = format!("{}/{}", key_for(Scope::List, Action::Down), key_for(Scope::List, Action::Up));
                    problem(state, tr!("board-select-arriving", keys = keys))
                }
            },
            Action::NewAdmission => admissions::new_admission(state),
            Action::PrevDay | Action::NextDay | Action::Today => {
                let day = state.board_day();
                let next = match action {
                    Action::PrevDay => day.pred_opt().unwrap_or(day),
                    Action::NextDay => day.succ_opt().unwrap_or(day),
                    _ => state.today(),
                };
                state.board.follow_today = next == state.today();
                state.board.day = Some(next);
                state.board.board = None;
                state.board.selected = None;
                Outcome::with(Effect::LoadBoard(next))
            }
            _ => Outcome::default(),
        }
    }

    fn move_by(&self, state: &mut State, delta: isize) -> Outcome {
        let rows = board_rows::all_rows(&state.board);
        state.board.selected = step(&rows, state.board.selected.as_ref(), delta).copied();
        Outcome::redraw()
    }

    fn filter<'a>(&self, state: &'a State) -> &'a str {
        &state.board.filter
    }

    fn set_filter(&self, state: &mut State, text: String) -> Outcome {
        state.board.filter = text;
        keep_selection(state);
        Outcome::redraw()
    }

    fn loads(&self, state: &State, _first_time: bool) -> Vec<Effect> {
        // The board is read at start and after every save: always reload it.
        vec![Effect::LoadBoard(state.board_day())]
    }

    fn applies(&self, state: &State, action: Action) -> bool {
        match action {
            Action::Open => {
                selected_admission(state).is_some()
                    || selected_distraction(state).is_some()
                    || selected_reference(state).is_some()
                    || selected_patient(state).is_some()
            }
            Action::Admit => selected_stay(state)
                .is_some_and(|s| matches!(s.state, AdmissionState::Planned | AdmissionState::Postponed)),
            _ => true,
        }
    }
}

/// The item `delta` rows from `current`, clamped to the list.
pub fn step<'a, T: PartialEq>(items: &'a [T], current: Option<&T>, delta: isize) -> Option<&'a T> {
    if items.is_empty() {
        return None;
    }
    let here = current.and_then(|c| items.iter().position(|i| i == c));
    let target = match here {
        None => 0,
        Some(i) => (i as isize).saturating_add(delta).clamp(0, items.len() as isize - 1) as usize,
    };
    items.get(target)
}

/// After a reload, stay on the same record; if it is gone, on the first row.
pub fn keep_selection(state: &mut State) {
    let rows = board_rows::all_rows(&state.board);
    if !state.board.selected.is_some_and(|s| rows.contains(&s)) {
        state.board.selected = rows.first().copied();
    }
}

/// The admission behind the selected row, if the row is about one.
/// The distraction case of the selected alert, if it is about one.
pub fn selected_distraction(state: &State) -> Option<i64> {
    match state.board.selected? {
        RowKey::Alert { subject: Subject::Distraction(id), .. } => Some(id),
        _ => None,
    }
}

/// R-DO-6: the patient of distraction case `case_id` on the Rounds tab, on
/// the sheet of the Board's day (the day the alert was judged).
fn open_distraction(state: &mut State, case_id: i64) -> Outcome {
    state.rounds.list.selected = Some(case_id);
    let day = state.board_day();
    if day != state.rounds_day() {
        // Its read is left to `show`, which reads what is not loaded.
        super::rounds::go_to_day(state, day);
    }
    super::show(state, crate::app::state::Tab::Rounds)
}

/// The patient of the selected alert, if it is about a patient (R-COMP-1, R-HO-1).
pub fn selected_patient(state: &State) -> Option<i64> {
    match state.board.selected? {
        RowKey::Alert { subject: Subject::Patient(id), .. } => Some(id),
        _ => None,
    }
}

/// The patient's distraction case on the Board or the rounds list (the
/// latest), if they are in one.
fn patient_distraction(state: &State, patient_id: i64) -> Option<i64> {
    let on_board = state.board.board.as_ref().and_then(|b| {
        b.facts.distraction.iter().filter(|d| d.patient.patient_id == patient_id).map(|d| d.case_id).max()
    });
    on_board.or_else(|| {
        state.rounds.list.rows.iter().filter(|r| r.case.patient.patient_id == patient_id).map(|r| r.case.id).max()
    })
}

/// The device reference of the selected alert, if it is about one (R-STOCK-4).
pub fn selected_reference(state: &State) -> Option<i64> {
    match state.board.selected? {
        RowKey::Alert { subject: Subject::Stock(id), .. } => Some(id),
        _ => None,
    }
}

pub fn selected_admission(state: &State) -> Option<i64> {
    let board = state.board.board.as_ref()?;
    match state.board.selected? {
        RowKey::Arrival(id) | RowKey::Departure(id) => Some(id),
        RowKey::Alert { subject, .. } => board.admission_for(subject),
        RowKey::Procedure(case) => board.admission_for(Subject::Case(case)),
    }
}

/// The arrival or departure behind the selected row, if the row is about one.
pub fn selected_stay(state: &State) -> Option<&Stay> {
    state.board.board.as_ref()?.stay(selected_admission(state)?)
}
