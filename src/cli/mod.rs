//! The non-interactive commands.

pub mod admissions;
pub mod args;
pub mod backup;
pub mod bench;
pub mod block;
pub mod board;
pub mod check;
pub mod columns;
pub mod complications;
pub mod demo;
pub mod demo_complications;
pub mod demo_distraction;
pub mod demo_hexapod;
pub mod demo_stock;
pub mod distraction;
pub mod distraction_commands;
pub mod hexapod;
pub mod language;
pub mod ossification;
pub mod reindex;
pub mod rules;
pub mod settings;
pub mod setup;
pub mod staff;
pub mod stock;
pub mod void;

use crate::store::{Account, Store};
use color_eyre::Result;
use std::path::Path;

/// `periop init`: the registration is audited at `now`, the one clock's time.
pub fn init(path: &Path, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
    let store = Store::init(path, &Account::current(), now)?;
    let actor = store.actor();
    println!(
        "created {} (schema {}); {} registered as admin",
        crate::store::error::shown(path),
        crate::store::schema::VERSION,
        actor.account
    );
    Ok(())
}
