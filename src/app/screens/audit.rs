//! The Audit tab: who changed what and when, newest first, filtered by typing.

use super::super::keymap::{Action, Scope};
use super::super::state::State;
use super::super::update::{Effect, Outcome};
use super::Screen;
use super::board::step;

pub struct AuditScreen;

impl Screen for AuditScreen {
    fn scope(&self) -> Scope {
        Scope::Audit
    }

    fn on_action(&self, _state: &mut State, _action: Action) -> Outcome {
        Outcome::default()
    }

    /// Moving past the last entry read asks for the next page.
    fn move_by(&self, state: &mut State, delta: isize) -> Outcome {
        let ids: Vec<i64> = state.audit.entries.iter().map(|e| e.id).collect();
        state.audit.selected = step(&ids, state.audit.selected.as_ref(), delta).copied();
        let at_end = state.audit.selected == ids.last().copied();
        if at_end && state.audit.more && delta > 0 {
            let before_id = ids.last().copied();
            return Outcome::with(Effect::LoadAudit { filter: state.audit.filter.clone(), before_id });
        }
        Outcome::redraw()
    }

    fn filter<'a>(&self, state: &'a State) -> &'a str {
        &state.audit.filter
    }

    fn set_filter(&self, state: &mut State, text: String) -> Outcome {
        state.audit.filter = text.clone();
        Outcome::with(Effect::LoadAudit { filter: text, before_id: None })
    }

    fn loads(&self, state: &State, first_time: bool) -> Vec<Effect> {
        let read = if first_time { !state.audit.loaded } else { state.audit.loaded };
        let load = Effect::LoadAudit { filter: state.audit.filter.clone(), before_id: None };
        if read { vec![load] } else { Vec::new() }
    }
}

/// After a reload, stay on the same entry; if it is gone, on the first.
pub fn keep_selection(state: &mut State) {
    let ids: Vec<i64> = state.audit.entries.iter().map(|e| e.id).collect();
    if !state.audit.selected.is_some_and(|s| ids.contains(&s)) {
        state.audit.selected = ids.first().copied();
    }
}
