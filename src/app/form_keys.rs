//! Keys inside an open form, and what happens when its save comes back:
//! the typing is kept on a refusal, the form closes on success.

use super::admissions;
use super::forms::{self, Request};
use super::keymap::{self, Action};
use super::state::{Mode, NoticeKind, State};
use super::update::{Effect, Outcome, notify};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key in a form asks of the state around it.
pub(super) enum FormOutcome {
    Stay,
    Close,
    Save(Request),
}

impl FormOutcome {
    pub(super) fn apply(self, state: &mut State) -> Outcome {
        match self {
            FormOutcome::Stay => Outcome::redraw(),
            FormOutcome::Close => {
                state.mode = Mode::Normal;
                Outcome::redraw()
            }
            FormOutcome::Save(request) => Outcome::with(Effect::Save(request)),
        }
    }
}

pub(super) fn on_key(open: &mut forms::OpenForm, key: KeyEvent) -> FormOutcome {
    let form = &mut open.form;
    if form.confirm_discard {
        return match key.code {
            KeyCode::Char('y') => FormOutcome::Close,
            _ => {
                form.confirm_discard = false;
                FormOutcome::Stay
            }
        };
    }
    let plain = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let typing =
        form.focused().is_some_and(|f| !matches!(f.kind, super::form::Kind::Pick(_) | super::form::Kind::Flag));
    match key.code {
        KeyCode::Char(c) if plain && (typing || c != ' ') => {
            form.type_char(c);
            return FormOutcome::Stay;
        }
        KeyCode::Backspace => {
            form.backspace();
            return FormOutcome::Stay;
        }
        _ => {}
    }
    let last = form.focus + 1 == form.fields.len();
    match keymap::resolve(&[keymap::Scope::Form], &key) {
        Some(Action::NextField) if key.code == KeyCode::Enter && last => save(open),
        Some(Action::NextField) => {
            form.next();
            FormOutcome::Stay
        }
        Some(Action::PreviousField) => {
            form.previous();
            FormOutcome::Stay
        }
        Some(Action::ChoiceBack) => {
            form.cycle(false);
            FormOutcome::Stay
        }
        Some(Action::ChoiceForward) => {
            form.cycle(true);
            FormOutcome::Stay
        }
        Some(Action::Save) => save(open),
        Some(Action::Back) if form.dirty => {
            form.confirm_discard = true;
            FormOutcome::Stay
        }
        Some(Action::Back) => FormOutcome::Close,
        _ => FormOutcome::Stay,
    }
}

fn save(open: &mut forms::OpenForm) -> FormOutcome {
    if open.saving {
        return FormOutcome::Stay;
    }
    match forms::request(open) {
        Ok(request) => {
            open.saving = true;
            FormOutcome::Save(request)
        }
        Err(problem) => {
            if let Some((i, _)) = open.form.problems().first() {
                open.form.focus = *i;
            }
            open.form.error = Some(problem);
            FormOutcome::Stay
        }
    }
}

/// A save came back: close the form and say what changed, or keep the
/// user's typing and say why not.
pub(super) fn on_saved(state: &mut State, result: Result<String, String>) -> Outcome {
    match (result, &mut state.mode) {
        (Ok(message), _) => {
            if matches!(state.mode, Mode::Form(_)) {
                state.mode = Mode::Normal;
            }
            notify(state, NoticeKind::Done, message);
        }
        (Err(e), Mode::Form(open)) => {
            open.saving = false;
            open.form.error = Some(e);
        }
        (Err(e), _) => notify(state, NoticeKind::Problem, format!("not saved: {e}")),
    }
    Outcome { redraw: true, effects: admissions::reloads(state) }
}
