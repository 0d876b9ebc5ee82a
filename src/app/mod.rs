//! The application as a state machine: `update(state, msg)` changes the state
//! and returns effects (loads and saves) for the shell to run. No terminal or
//! SQL work happens here, so behaviour tests need neither.
//!
//! Keys go through [`router`] (layers, innermost first) to the screen of the
//! current tab, one module each under [`screens`].

pub mod board_rows;
pub mod clock;
mod filter;
pub mod form;
mod form_keys;
pub mod forms;
pub mod keymap;
pub mod refusal;
pub mod router;
pub mod screens;
pub mod state;
pub mod update;

pub use state::State;
pub use update::{Effect, Msg, Outcome, update};

/// The smallest window the full layout fits (DESIGN.md, "The screen"); below
/// it only the urgent list shows, and only its keys act.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The help is never longer than this many lines: scrolling stops there.
pub const HELP_MAX_SCROLL: usize = 200;
