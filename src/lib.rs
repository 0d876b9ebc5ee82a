//! periop: a procedure block and its short-stay ward, from the keyboard.
//!
//! Arrows point one way: `ui` and `cli` → `app` → `store` → `domain`.

pub mod domain;
pub mod store;
