//! The account's own language for a command that opens no store (issue 14):
//! `periop roles`, `rules`, `check`, `--help`, a refusal before the store is
//! open. The language is otherwise chosen once the store is open (main's
//! `open`: [`Preset::choose`]); these read the account's and the site's
//! from the database file instead, read-only.

use super::language::Preset;
use crate::domain::language::{Language, Source};
use crate::store::Account;
use std::path::Path;

/// The language in force for the account at the keyboard, with the
/// account's own and the site's read from the database at `path`; `None`
/// when `--lang` or `PERIOP_LANG` decides (the file has no say: it is not
/// read) or when the file cannot be read as a periop database (a missing
/// one, or one another program is making: the command says why, or never
/// needed it).
pub fn choose(preset: &Preset, path: &Path) -> Option<(Language, Source)> {
    // A server is not asked before the command needs it (the store, once
    // open, applies the account's own).
    if preset.flag.is_some()
        || preset.periop_lang.is_some()
        || !crate::store::Location::parse(path.as_os_str()).is_file()
    {
        return None;
    }
    let (account, site) = crate::store::peek::languages(path, &Account::current().name)
        .inspect_err(|e| log::debug!("no account language from {}: {e}", path.display()))
        .ok()?;
    Some(preset.with(account, site))
}
