//! The anaesthesia worklist (R-ANES-1, -2, -5): consultations missing,
//! pending, too late or too old, for the cases to come.

use super::super::forms;
use super::super::keymap::{Action, Scope};
use super::super::state::{Mode, State};
use super::super::update::{Effect, Outcome};
use super::{Screen, detail, problem};

pub struct AnaesthesiaScreen;

impl Screen for AnaesthesiaScreen {
    fn scope(&self) -> Scope {
        Scope::Anaesthesia
    }

    fn on_action(&self, state: &mut State, action: Action) -> Outcome {
        let Some(row) = state.anaesthesia.selected_row().cloned() else {
            return problem(state, tr!("board-anaesthesia-none-selected"));
        };
        match action {
            Action::Open => detail::open(state, row.admission_id),
            Action::Consultation => {
                let who = row.patient.to_string();
                let form =
                    forms::consultation(row.case_id, row.anaesthesia_mode, &state.lists, state.now, state.zone, &who);
                state.mode = Mode::Form(Box::new(form));
                Outcome::redraw()
            }
            _ => Outcome::default(),
        }
    }

    fn move_by(&self, state: &mut State, delta: isize) -> Outcome {
        state.anaesthesia.move_by(delta);
        Outcome::redraw()
    }

    fn filter<'a>(&self, state: &'a State) -> &'a str {
        &state.anaesthesia.filter
    }

    fn set_filter(&self, state: &mut State, text: String) -> Outcome {
        state.anaesthesia.filter = text;
        state.anaesthesia.keep_selection();
        Outcome::redraw()
    }

    fn loads(&self, state: &State, first_time: bool) -> Vec<Effect> {
        let read = if first_time { !state.anaesthesia.loaded } else { state.anaesthesia.loaded };
        if read { vec![Effect::LoadAnaesthesia(state.today())] } else { Vec::new() }
    }

    fn applies(&self, state: &State, action: Action) -> bool {
        match action {
            Action::Open | Action::Consultation => state.anaesthesia.selected_row().is_some(),
            _ => true,
        }
    }
}
