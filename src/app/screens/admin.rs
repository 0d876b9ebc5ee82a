//! The Admin tab (admins only, issue 8): four lists — staff (R-ROLE-1),
//! rooms (R-BLOCK-1), beds, procedure kinds (R-BLOCK-2) — one shown at a
//! time; `a` adds to it, `e` changes the selected entry, `x` retires or
//! brings it back (never deleted: history points at it), `r` gives a role.

use super::super::forms::{self, Request, ward_setup};
use super::super::keymap::{Action, Scope};
use super::super::state::{AdminSection, Dialog, Mode, State};
use super::super::update::{Effect, Outcome};
use super::{Screen, problem};
use crate::domain::roles::Role;

pub struct AdminScreen;

impl Screen for AdminScreen {
    fn scope(&self) -> Scope {
        Scope::Admin
    }

    fn on_action(&self, state: &mut State, action: Action) -> Outcome {
        let v = &state.admin;
        match action {
            Action::NextSection | Action::PrevSection => {
                state.admin.section = v.section.step(action == Action::NextSection);
                Outcome::redraw()
            }
            Action::AddEntry => {
                let form = match v.section {
                    AdminSection::Staff => ward_setup::add_staff(),
                    AdminSection::Rooms => ward_setup::room(None),
                    AdminSection::Beds => ward_setup::bed(None),
                    AdminSection::Kinds => ward_setup::procedure(None),
                };
                state.mode = Mode::Form(Box::new(form));
                Outcome::redraw()
            }
            Action::GiveRole if v.section != AdminSection::Staff => {
                let key = super::key_for(Scope::Admin, Action::GiveRole);
                problem(state, tr!("admin-give-role-elsewhere", key = key))
            }
            Action::EditEntry | Action::GiveRole | Action::RetireEntry => {
                let Some(opened) = selected(state, action) else {
                    let list = v.section.title();
                    return problem(state, tr!("admin-nothing-selected", list = list));
                };
                state.mode = opened;
                Outcome::redraw()
            }
            _ => Outcome::default(),
        }
    }

    fn move_by(&self, state: &mut State, delta: isize) -> Outcome {
        state.admin.move_by(delta);
        Outcome::redraw()
    }

    fn filter<'a>(&self, state: &'a State) -> &'a str {
        state.admin.filter()
    }

    fn set_filter(&self, state: &mut State, text: String) -> Outcome {
        state.admin.set_filter(text);
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
            Action::GiveRole => {
                state.admin.section == AdminSection::Staff && state.admin.staff.selected_row().is_some()
            }
            Action::EditEntry | Action::RetireEntry => state.admin.has_selection(),
            _ => true,
        }
    }
}

/// The form or the question `action` opens on the selected entry, if any.
fn selected(state: &State, action: Action) -> Option<Mode> {
    let v = &state.admin;
    let form = |open: forms::OpenForm| Mode::Form(Box::new(open));
    let ask = |(title, line, request): (String, String, Request)| {
        Mode::Dialog(Box::new(Dialog { title, lines: vec![line], on_confirm: Effect::Save(request), form: None }))
    };
    Some(match (v.section, action) {
        (AdminSection::Staff, Action::GiveRole) => form(forms::staff_role(v.staff.selected_row()?)),
        (AdminSection::Staff, Action::EditEntry) => form(ward_setup::edit_staff(v.staff.selected_row()?)),
        (AdminSection::Staff, _) => ask(retire_staff(v.staff.selected_row()?)),
        (AdminSection::Rooms, Action::EditEntry) => form(ward_setup::room(Some(v.rooms.selected_row()?))),
        (AdminSection::Rooms, _) => ask(ward_setup::retire_room(v.rooms.selected_row()?)),
        (AdminSection::Beds, Action::EditEntry) => form(ward_setup::bed(Some(v.beds.selected_row()?))),
        (AdminSection::Beds, _) => ask(ward_setup::retire_bed(v.beds.selected_row()?)),
        (AdminSection::Kinds, Action::EditEntry) => form(ward_setup::procedure(Some(v.kinds.selected_row()?))),
        (AdminSection::Kinds, _) => ask(ward_setup::retire_procedure(v.kinds.selected_row()?)),
    })
}

/// R-ROLE-1: retiring keeps a member of staff in the history, able only to read.
fn retire_staff(row: &crate::store::staff::StaffRow) -> (String, String, Request) {
    let active = !row.active;
    let name = row.display_name.as_str();
    let (title, line) = if active {
        (tr!("admin-restore-staff", name = name), tr!("admin-restore-staff-then", role = row.role.name()))
    } else {
        (tr!("admin-retire-staff", name = name), tr!("admin-retire-staff-then"))
    };
    let (title, line) = (title.into_owned(), line.into_owned());
    let request =
        Request::StaffActive { staff_id: row.staff_id, version: row.version, active, who: row.display_name.clone() };
    (title, line, request)
}
