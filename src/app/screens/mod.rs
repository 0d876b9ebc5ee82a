//! The screens, one module each: its keys, what it reads and its filter.
//! A new screen is a module, a [`Tab`] and one line in [`of`].

pub mod admin;
pub mod admissions;
pub mod anaesthesia;
pub mod audit;
pub mod beds;
pub mod block;
pub mod board;
pub mod detail;
pub mod rounds;
pub mod stock;

use super::keymap::{Action, Scope};
use super::state::{Mode, NoticeKind, State, Tab};
use super::update::{Effect, Outcome, notify};

/// What every tab's screen knows how to do.
pub trait Screen: Sync {
    /// The keymap scope of the screen's own keys (list keys come from [`Scope::List`]).
    fn scope(&self) -> Scope;
    /// A key of the screen's own scope.
    fn on_action(&self, state: &mut State, action: Action) -> Outcome;
    /// Moves the selection `delta` rows (clamped).
    fn move_by(&self, state: &mut State, delta: isize) -> Outcome;
    /// The text typed after `/`.
    fn filter<'a>(&self, state: &'a State) -> &'a str;
    /// Sets the filter and narrows (or reloads) the list.
    fn set_filter(&self, state: &mut State, text: String) -> Outcome;
    /// What the screen reads; `first_time` only when it was never read yet.
    fn loads(&self, state: &State, first_time: bool) -> Vec<Effect>;
    /// Whether the action can do something now (the hint bar leaves out
    /// what cannot; the help greys it).
    fn applies(&self, _state: &State, _action: Action) -> bool {
        true
    }
}

/// The screen of a tab: the registry.
pub fn of(tab: Tab) -> &'static dyn Screen {
    match tab {
        Tab::Board => &board::BoardScreen,
        Tab::Admissions => &admissions::AdmissionsScreen,
        Tab::Beds => &beds::BedsScreen,
        Tab::Anaesthesia => &anaesthesia::AnaesthesiaScreen,
        Tab::Audit => &audit::AuditScreen,
        Tab::Rounds => &rounds::RoundsScreen,
        Tab::Block => &block::BlockScreen,
        Tab::Stock => &stock::StockScreen,
        Tab::Admin => &admin::AdminScreen,
    }
}

/// A key of the tab's screen or of its list.
pub fn on_action(tab: Tab, state: &mut State, action: Action) -> Outcome {
    let screen = of(tab);
    let page = state.page_rows.max(1) as isize;
    let delta = match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        Action::Filter => {
            state.mode = Mode::Filter;
            return Outcome::redraw();
        }
        Action::Back if screen.filter(state).is_empty() => {
            let key = key_for(Scope::List, Action::Filter);
            notify(state, NoticeKind::Done, tr!("admin-no-filter", key = key).into_owned());
            return Outcome::redraw();
        }
        Action::Back => return screen.set_filter(state, String::new()),
        _ => return screen.on_action(state, action),
    };
    screen.move_by(state, delta)
}

/// Shows a tab, reading it the first time.
pub fn show(state: &mut State, tab: Tab) -> Outcome {
    if state.tab != tab {
        // A notice speaks of the screen it was made on.
        state.notice = None;
    }
    state.tab = tab;
    Outcome { redraw: true, effects: of(tab).loads(state, true) }
}

/// Everything on screen, or read before, that comes from the database: to
/// read again after a save here or in another terminal. The pick lists too
/// (found in use, #8: a doctor, room, bed or procedure kind added in the
/// Admin tab, another terminal or a command was not offered by `n` until
/// the program restarted, and a retired one still was).
pub fn reloads(state: &State) -> Vec<Effect> {
    let mut out: Vec<Effect> = Tab::ALL.iter().flat_map(|tab| of(*tab).loads(state, false)).collect();
    // The tab on screen also when its first read failed (found on
    // PostgreSQL: a tab opened while the server was gone kept its error,
    // under `● live`, after the server came back and others saved).
    for effect in of(state.tab).loads(state, true) {
        if !out.contains(&effect) {
            out.push(effect);
        }
    }
    out.push(Effect::LoadLists);
    if let Some(detail) = &state.admissions.detail {
        out.push(Effect::LoadDetail(detail.admission_id));
    }
    out
}

/// Says why a key did nothing, in the hint bar.
pub(super) fn problem(state: &mut State, text: impl Into<String>) -> Outcome {
    notify(state, NoticeKind::Problem, text.into());
    Outcome::redraw()
}

/// The first key bound to `action` in `scope`, as the help writes it: for
/// messages that tell the user what to press, so they follow the keymap;
/// named in the language in force (`Échap`).
pub fn key_for(scope: Scope, action: Action) -> String {
    super::keymap::BINDINGS
        .iter()
        .find(|b| b.scope == scope && b.action == action)
        .and_then(|b| b.keys.first())
        .map_or_else(|| "?".to_string(), |k| k.label(crate::i18n::language()))
}
