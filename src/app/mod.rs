//! The application as a state machine: `update(state, msg)` changes the state
//! and returns effects (loads and saves) for the shell to run. No terminal or
//! SQL work happens here, so behaviour tests need neither.

pub mod admissions;
pub mod board_rows;
pub mod clock;
pub mod form;
mod form_keys;
pub mod forms;
pub mod keymap;
pub mod state;
pub mod update;

pub use state::State;
pub use update::{Effect, Msg, Outcome, update};
