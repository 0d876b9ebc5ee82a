//! The Beds tab (R-PATH-4): each bed's state tonight; cleaned, closed, reopened.

use super::super::forms::Request;
use super::super::keymap::{Action, Scope};
use super::super::state::{Dialog, Mode, State};
use super::super::update::{Effect, Outcome};
use super::{Screen, problem};

pub struct BedsScreen;

impl Screen for BedsScreen {
    fn scope(&self) -> Scope {
        Scope::Beds
    }

    fn on_action(&self, state: &mut State, action: Action) -> Outcome {
        let Action::BedAction(bed_action) = action else { return Outcome::default() };
        let Some(bed) = state.beds.selected_row().cloned() else {
            return problem(state, "no bed selected (the filter may hide them all)");
        };
        let request = Request::BedState {
            bed_id: bed.bed_id,
            version: bed.version,
            action: bed_action,
            label: bed.label.clone(),
        };
        let verb = bed_action.verb();
        let title = format!("{}{} bed {}?", verb[..1].to_uppercase(), &verb[1..], bed.label);
        state.mode = Mode::Dialog(Box::new(Dialog {
            title,
            lines: vec![format!("now: {}", bed.status.label())],
            on_confirm: Effect::Save(request),
            form: None,
        }));
        Outcome::redraw()
    }

    fn move_by(&self, state: &mut State, delta: isize) -> Outcome {
        state.beds.move_by(delta);
        Outcome::redraw()
    }

    fn filter<'a>(&self, state: &'a State) -> &'a str {
        &state.beds.filter
    }

    fn set_filter(&self, state: &mut State, text: String) -> Outcome {
        state.beds.filter = text;
        state.beds.keep_selection();
        Outcome::redraw()
    }

    fn loads(&self, state: &State, first_time: bool) -> Vec<Effect> {
        let read = if first_time { !state.beds.loaded } else { state.beds.loaded };
        if read { vec![Effect::LoadBeds(state.today())] } else { Vec::new() }
    }

    fn applies(&self, state: &State, action: Action) -> bool {
        match action {
            Action::BedAction(_) => state.beds.selected_row().is_some(),
            _ => true,
        }
    }
}
