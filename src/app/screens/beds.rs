//! The Beds tab (R-PATH-4): each bed's state tonight; cleaned, closed, reopened.

use super::super::forms::Request;
use super::super::keymap::{Action, Scope};
use super::super::state::{Dialog, Mode, State};
use super::super::update::{Effect, Outcome};
use super::{Screen, problem};
use crate::domain::beds::BedAction;

pub struct BedsScreen;

impl Screen for BedsScreen {
    fn scope(&self) -> Scope {
        Scope::Beds
    }

    fn on_action(&self, state: &mut State, action: Action) -> Outcome {
        let Action::BedAction(bed_action) = action else { return Outcome::default() };
        let Some(bed) = state.beds.selected_row().cloned() else {
            return problem(state, tr!("board-beds-none-selected"));
        };
        let request = Request::BedState {
            bed_id: bed.bed_id,
            version: bed.version,
            action: bed_action,
            label: bed.label.clone(),
        };
        // R-PATH-4: say why not before asking, not after `y`.
        let expected = bed.expected.as_ref().map(|e| e.admission_id);
        if let Err(refused) = crate::domain::beds::apply(bed.physical, bed_action, expected) {
            return problem(state, tr!("board-beds-refused", bed = bed.label.as_str(), why = refused.to_string()));
        }
        let title = match bed_action {
            BedAction::Cleaned => tr!("board-beds-ask-cleaned", bed = bed.label.as_str()),
            BedAction::Close => tr!("board-beds-ask-close", bed = bed.label.as_str()),
            BedAction::Reopen => tr!("board-beds-ask-reopen", bed = bed.label.as_str()),
        };
        state.mode = Mode::Dialog(Box::new(Dialog {
            title: title.into_owned(),
            lines: vec![tr!("board-beds-now", status = bed.status.label()).into_owned()],
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
