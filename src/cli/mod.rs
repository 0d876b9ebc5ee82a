//! The non-interactive commands.

pub mod account_language;
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
pub mod help;
pub mod hexapod;
pub mod language;
#[cfg(feature = "postgres")]
pub mod migrate;
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

/// `periop init`: the registration is audited at `now`, the one clock's time.
pub fn init(location: &crate::store::Location, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
    let store = Store::init_at(location, &Account::current(), now)?;
    let actor = store.actor();
    println!(
        "{}",
        tr!(
            "cli-init-created",
            path = location.shown(),
            schema = crate::store::schema::VERSION,
            account = actor.account.as_str()
        )
    );
    Ok(())
}

/// `Monday 23/11/2026` (`lundi 23/11/2026`): a day in full, its weekday
/// whole, in the language in force.
pub(crate) fn day_long(day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let weekday = crate::i18n::weekday_long(crate::i18n::language(), day.weekday());
    format!("{weekday} {}", crate::domain::day_label::date_text(day))
}

/// `yes` or `retired`: the `active` column of the list commands.
pub(crate) fn active_word(active: bool) -> String {
    if active { tr!("cli-yes") } else { tr!("cli-retired") }.into_owned()
}
