//! The filter line of a list (`/`): what is typed narrows the list at once.
//! It takes every key while open, so nothing typed runs as a command.

use super::keymap::Action;
use super::screens;
use super::state::{Mode, State};
use super::update::Outcome;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key while the filter line is open: `action` is what the Filter scope
/// binds it to, if anything; any other printable character is typed.
pub fn on_key(state: &mut State, action: Option<Action>, key: KeyEvent) -> Outcome {
    let screen = screens::of(state.tab);
    let mut text = screen.filter(state).to_string();
    match action {
        Some(Action::Help) => return super::router::open_help(state),
        Some(Action::AcceptFilter) => {
            state.mode = Mode::Normal;
            return Outcome::redraw();
        }
        Some(Action::Back) => {
            state.mode = Mode::Normal;
            return screen.set_filter(state, String::new());
        }
        // On an empty filter line, Backspace closes it (as a shell's line
        // does); Ctrl-U only clears (found in use, #10: a Ctrl-U on an empty
        // line closed it, and the lot number typed next switched tabs).
        Some(Action::EraseChar) if text.is_empty() => {
            state.mode = Mode::Normal;
            return Outcome::redraw();
        }
        Some(Action::EraseChar) => {
            text.pop();
        }
        Some(Action::ClearText) => text.clear(),
        _ => match key.code {
            KeyCode::Char(c) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => text.push(c),
            _ => return Outcome::default(),
        },
    }
    screen.set_filter(state, text)
}
