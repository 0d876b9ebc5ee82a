//! periop: a procedure block and its short-stay ward, from the keyboard.
//!
//! Arrows point one way: `ui` and `cli` → `app` → `store` → `domain`; the
//! `shell` (terminal, event threads, the loop) ties them together.

// First, so its `tr!` is in scope in every module below.
#[macro_use]
pub mod i18n;
pub mod app;
pub mod cli;
pub mod domain;
pub mod logging;
pub mod shell;
pub mod store;
pub mod ui;
