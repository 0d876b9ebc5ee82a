//! The Admin tab (admins only): the staff list, where an admin gives a role
//! or retires a member of staff (R-ROLE-1), and the ward's rooms, beds and
//! procedure kinds as set up (`periop setup`, `periop rooms|beds|procedures`).

use super::super::forms::{self, Request};
use super::super::keymap::{Action, Scope};
use super::super::state::{Dialog, Mode, State};
use super::super::update::{Effect, Outcome};
use super::{Screen, problem};
use crate::domain::roles::Role;

pub struct AdminScreen;

impl Screen for AdminScreen {
    fn scope(&self) -> Scope {
        Scope::Admin
    }

    fn on_action(&self, state: &mut State, action: Action) -> Outcome {
        let Some(row) = state.admin.staff.selected_row().cloned() else {
            return problem(state, "no member of staff selected (the filter may hide them all)");
        };
        match action {
            Action::GiveRole => {
                state.mode = Mode::Form(Box::new(forms::staff_role(&row)));
                Outcome::redraw()
            }
            Action::RetireStaff => {
                let active = !row.active;
                let title = if active {
                    format!("Bring back {}?", row.display_name)
                } else {
                    format!("Retire {}?", row.display_name)
                };
                let lines = vec![if active {
                    format!("they may again act as {}", row.role.code())
                } else {
                    "kept in the history; they may then only read".to_string()
                }];
                let request = Request::StaffActive {
                    staff_id: row.staff_id,
                    version: row.version,
                    active,
                    who: row.display_name.clone(),
                };
                state.mode =
                    Mode::Dialog(Box::new(Dialog { title, lines, on_confirm: Effect::Save(request), form: None }));
                Outcome::redraw()
            }
            _ => Outcome::default(),
        }
    }

    fn move_by(&self, state: &mut State, delta: isize) -> Outcome {
        state.admin.staff.move_by(delta);
        Outcome::redraw()
    }

    fn filter<'a>(&self, state: &'a State) -> &'a str {
        &state.admin.staff.filter
    }

    fn set_filter(&self, state: &mut State, text: String) -> Outcome {
        state.admin.staff.filter = text;
        state.admin.staff.keep_selection();
        Outcome::redraw()
    }

    fn loads(&self, state: &State, first_time: bool) -> Vec<Effect> {
        if state.role() != Role::Admin {
            return Vec::new();
        }
        let read = if first_time { !state.admin.staff.loaded } else { state.admin.staff.loaded };
        if read { vec![Effect::LoadAdmin] } else { Vec::new() }
    }

    fn applies(&self, state: &State, action: Action) -> bool {
        match action {
            Action::GiveRole | Action::RetireStaff => state.admin.staff.selected_row().is_some(),
            _ => true,
        }
    }
}
