//! The input router: a key goes to the layers on screen, innermost first —
//! confirmation, help, filter, form, the open record, the tab, global — and
//! the first layer that binds it consumes it. A box that is open (a
//! confirmation, the help, a filter, a form) answers every key itself, so
//! nothing reaches a screen hidden behind it; each binds its own way out.
//! `Ctrl-C` is checked before any layer. The hint bar and the help read the
//! same [`layers`], so what they show is what the keys do.

use super::filter;
use super::form_keys;
use super::keymap::{self, Action, Scope};
use super::screens::{self, detail};
use super::state::{Mode, NoticeKind, State, Tab};
use super::update::{Effect, Outcome, notify};
use crate::domain::roles;
use crossterm::event::{KeyCode, KeyEvent};

/// One layer of the screen that can take keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The window is below 80×24: only the urgent list and its keys.
    TooSmall,
    Confirm,
    Help,
    Filter,
    Form,
    /// One admission, opened from a list.
    Record,
    /// The tab's own screen.
    Screen(Tab),
    Global,
}

impl Layer {
    /// The keymap scopes this layer answers, innermost first.
    pub fn scopes(self) -> Vec<Scope> {
        match self {
            Layer::TooSmall => vec![Scope::TooSmall],
            Layer::Confirm => vec![Scope::Dialog],
            Layer::Help => vec![Scope::Help],
            Layer::Filter => vec![Scope::Filter],
            Layer::Form => vec![Scope::Form],
            Layer::Record => vec![Scope::Detail],
            Layer::Screen(tab) => vec![screens::of(tab).scope(), Scope::List],
            Layer::Global => vec![Scope::Global],
        }
    }

    /// A box that takes every key: nothing falls through it to a screen behind.
    fn is_modal(self) -> bool {
        !matches!(self, Layer::Record | Layer::Screen(_) | Layer::Global)
    }
}

/// The layers that take keys now, innermost first.
pub fn layers(state: &State) -> Vec<Layer> {
    if state.help.is_some() {
        return vec![Layer::Help];
    }
    under_help(state)
}

/// The layers under the help: what the help describes.
pub fn under_help(state: &State) -> Vec<Layer> {
    if state.too_small {
        return vec![Layer::TooSmall];
    }
    match state.mode {
        Mode::Dialog(_) => return vec![Layer::Confirm],
        Mode::Filter => return vec![Layer::Filter],
        Mode::Form(_) => return vec![Layer::Form],
        Mode::Normal => {}
    }
    screen_layers(state)
}

/// The layers of the screen itself, as if no box were open.
pub fn screen_layers(state: &State) -> Vec<Layer> {
    if state.too_small {
        return vec![Layer::TooSmall];
    }
    let screen = if state.detail().is_some() { Layer::Record } else { Layer::Screen(state.tab) };
    vec![screen, Layer::Global]
}

/// The keymap scopes of [`layers`], innermost first: what the hint bar shows.
pub fn scopes(state: &State) -> Vec<Scope> {
    layers(state).into_iter().flat_map(Layer::scopes).collect()
}

/// Whether an action of `scope` can do something now: the hint bar leaves
/// out what cannot, the help greys it (it still says why when pressed).
pub fn applies(state: &State, scope: Scope, action: Action) -> bool {
    if role_refuses(state, action).is_some() {
        return false;
    }
    match scope {
        Scope::Detail => detail::applies(state, action),
        Scope::Board
        | Scope::Admissions
        | Scope::Beds
        | Scope::Anaesthesia
        | Scope::Audit
        | Scope::Rounds
        | Scope::Block
        | Scope::Stock
        | Scope::Admin => screens::of(state.tab).applies(state, action),
        // Ctrl-U clears what is typed: nothing to clear on an empty line.
        Scope::Filter if action == Action::ClearText => !screens::of(state.tab).filter(state).is_empty(),
        _ => true,
    }
}

/// R-ROLE-1: why the user's role cannot take `action`, if it cannot.
pub fn role_refuses(state: &State, action: Action) -> Option<String> {
    let change = keymap::change_of(action)?;
    let role = state.role();
    if !state.actor.active && !roles::may(role, change) {
        return Some(
            tr!("admin-router-retired", change = change.label(), account = state.actor.account.as_str()).into_owned(),
        );
    }
    (!roles::may(role, change)).then(|| {
        tr!(
            "admin-router-not-allowed",
            change = change.label(),
            role = roles::role_word(role.code()),
            needs = roles::needed(change),
            account = state.actor.account.as_str()
        )
        .into_owned()
    })
}

/// Routes one key press.
pub fn on_key(state: &mut State, key: KeyEvent) -> Outcome {
    if keymap::resolve(&[Scope::Anywhere], &key) == Some(Action::Quit) {
        return quit(state);
    }
    for layer in layers(state) {
        let action = keymap::resolve(&layer.scopes(), &key);
        let refused = match layer {
            Layer::Record | Layer::Screen(_) => action.and_then(|a| role_refuses(state, a)),
            _ => None,
        };
        if let Some(why) = refused {
            notify(state, NoticeKind::Problem, why);
            // The README's promise: an account's first attempt to save puts
            // it on the staff list, even when refused, so the advice works.
            let effects = if state.actor.staff_id == crate::store::actor::UNREGISTERED {
                vec![Effect::Register]
            } else {
                Vec::new()
            };
            return Outcome { redraw: true, effects };
        }
        let handled = match layer {
            Layer::Confirm => Some(confirm(state, action)),
            Layer::Help => Some(help(state, action)),
            Layer::TooSmall => Some(too_small(state, action, key)),
            Layer::Filter => Some(filter::on_key(state, action, key)),
            Layer::Form => Some(form_keys::on_key(state, action, key)),
            Layer::Record => action.map(|a| detail::on_action(state, a)),
            Layer::Screen(tab) => action.map(|a| screens::on_action(tab, state, a)),
            Layer::Global => action.map(|a| global(state, a, key)),
        };
        match handled {
            Some(outcome) => return outcome,
            None if layer.is_modal() => return Outcome::default(),
            None => {}
        }
    }
    Outcome::default()
}

/// `q` and `Ctrl-C`: leave, unless a form holds typing (then ask first;
/// asked twice, leave).
fn quit(state: &mut State) -> Outcome {
    // A confirmation asked over a form (a past date) holds that form's typing.
    if let Mode::Dialog(dialog) = &mut state.mode
        && let Some(form) = dialog.form.take()
    {
        state.mode = Mode::Form(form);
    }
    if let Mode::Form(open) = &mut state.mode
        && open.form.dirty
        && !open.form.quit_after_discard
    {
        open.form.confirm_discard = true;
        open.form.quit_after_discard = true;
        // The question must be in sight to be answered.
        state.help = None;
        return Outcome::redraw();
    }
    state.quit = true;
    Outcome::default()
}

fn confirm(state: &mut State, action: Option<Action>) -> Outcome {
    match action {
        Some(Action::Confirm) => {
            let Mode::Dialog(dialog) = std::mem::replace(&mut state.mode, Mode::Normal) else {
                return Outcome::default();
            };
            if let Some(mut form) = dialog.form {
                form.saving = true;
                state.mode = Mode::Form(form);
            }
            Outcome::with(dialog.on_confirm)
        }
        Some(Action::Help) => open_help(state),
        Some(Action::Cancel) => {
            let Mode::Dialog(dialog) = std::mem::replace(&mut state.mode, Mode::Normal) else {
                return Outcome::default();
            };
            match dialog.form {
                Some(form) => state.mode = Mode::Form(form),
                None => notify(state, NoticeKind::Done, tr!("admin-cancelled-nothing-changed").into_owned()),
            }
            Outcome::redraw()
        }
        _ => Outcome::default(),
    }
}

/// The help answers every key: it closes, or scrolls when taller than the window.
fn help(state: &mut State, action: Option<Action>) -> Outcome {
    let line = state.help.unwrap_or(0);
    let page = state.page_rows.max(1);
    state.help = match action {
        Some(Action::Back) => None,
        Some(Action::Down) => Some(line + 1),
        Some(Action::Up) => Some(line.saturating_sub(1)),
        Some(Action::PageDown) => Some(line + page),
        Some(Action::PageUp) => Some(line.saturating_sub(page)),
        Some(Action::Top) => Some(0),
        _ => return Outcome::default(),
    };
    // The drawing stops at the last line; keep the count from running away.
    if let Some(line) = &mut state.help {
        *line = (*line).min(crate::app::HELP_MAX_SCROLL);
    }
    Outcome::redraw()
}

/// Opens the help over whatever is on screen.
pub(crate) fn open_help(state: &mut State) -> Outcome {
    state.help = Some(0);
    Outcome::redraw()
}

fn too_small(state: &mut State, action: Option<Action>, key: KeyEvent) -> Outcome {
    // Quitting over a form that holds typing asked first: the question shows
    // on this screen too, and only `y` leaves.
    if let Mode::Form(open) = &mut state.mode
        && open.form.quit_after_discard
    {
        state.quit = key.code == KeyCode::Char('y');
        open.form.confirm_discard = false;
        open.form.quit_after_discard = false;
        return Outcome::redraw();
    }
    match action {
        Some(Action::Quit) => quit(state),
        Some(Action::Help) => open_help(state),
        Some(Action::Down) => {
            let alerts = state.board.board.as_ref().map_or(0, |b| b.attention.len());
            state.urgent_scroll = (state.urgent_scroll + 1).min(alerts.saturating_sub(1));
            Outcome::redraw()
        }
        Some(Action::Up) => {
            state.urgent_scroll = state.urgent_scroll.saturating_sub(1);
            Outcome::redraw()
        }
        _ => Outcome::default(),
    }
}

fn global(state: &mut State, action: Action, key: KeyEvent) -> Outcome {
    match action {
        Action::Quit => quit(state),
        Action::Help => open_help(state),
        Action::NextTab | Action::PrevTab | Action::GoTab => {
            // Tab and Shift-Tab go round the tabs this user sees; a digit names
            // a tab by its number, and the Admin tab says it is for admins.
            let tabs = state.tabs();
            let count = tabs.len();
            let index = tabs.iter().position(|t| *t == state.tab).unwrap_or(0);
            let next = match (action, key.code) {
                (Action::NextTab, _) => tabs[(index + 1) % count],
                (Action::PrevTab, _) => tabs[(index + count - 1) % count],
                (_, KeyCode::Char(c)) => match c.to_digit(10) {
                    Some(n) if (1..=Tab::ALL.len() as u32).contains(&n) => Tab::ALL[n as usize - 1],
                    _ => return Outcome::default(),
                },
                _ => return Outcome::default(),
            };
            if !tabs.contains(&next) {
                notify(
                    state,
                    NoticeKind::Problem,
                    tr!("admin-tab-for-admins", tab = next.title(), role = roles::role_word(&state.actor.role))
                        .into_owned(),
                );
                return Outcome::redraw();
            }
            screens::show(state, next)
        }
        _ => Outcome::default(),
    }
}
