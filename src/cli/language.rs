//! Which language the screen speaks (issue 14), read from the command line
//! and the environment here, and chosen by `domain::language::choose`; and
//! `periop staff language`, which keeps an account's own.

use crate::domain::language::{self, Asked, Language, Source};
use crate::store::{Store, staff};
use chrono::{DateTime, Utc};
use color_eyre::Result;
use color_eyre::eyre::eyre;

/// What the command line and the environment say, read once at start.
#[derive(Debug, Clone, Default)]
pub struct Preset {
    pub flag: Option<Language>,
    pub periop_lang: Option<Language>,
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` as set.
    pub locale: [Option<String>; 3],
}

impl Preset {
    /// `--lang` (already checked by clap) and the environment. Errors: a
    /// `PERIOP_LANG` that is not a language periop speaks (named, with the
    /// ones it does and how to go on). A locale periop does not speak is
    /// not an error: the choice goes on to the site setting.
    pub fn read(flag: Option<Language>) -> Result<Preset> {
        let periop_lang = match std::env::var("PERIOP_LANG") {
            Ok(v) if v.trim().is_empty() => None,
            Ok(v) => Some(Language::from_code(&v).ok_or_else(|| {
                eyre!("{}", tr!("cli-language-bad-env", value = format!("{v:?}"), codes = Language::codes()))
            })?),
            Err(_) => None,
        };
        let locale = language::LOCALE_VARIABLES.map(|name| std::env::var(name).ok());
        Ok(Preset { flag, periop_lang, locale })
    }

    /// The language before a database is open (its errors, `periop init`):
    /// the command line, `PERIOP_LANG`, the locale, else English.
    pub fn before_store(&self) -> (Language, Source) {
        self.with(None, Language::En)
    }

    /// The language in force for the account at the keyboard of `store`,
    /// and where it came from.
    pub fn choose(&self, store: &Store) -> (Language, Source) {
        self.with(store.actor().language, store.settings().language())
    }

    /// The language in force given the account's own (`account`) and the
    /// site's, wherever they were read from (the order is `domain::language::choose`'s).
    pub fn with(&self, account: Option<Language>, site: Language) -> (Language, Source) {
        let locale = [0, 1, 2].map(|i| self.locale[i].as_deref());
        language::choose(&Asked { flag: self.flag, periop_lang: self.periop_lang, account, locale, site })
    }
}

/// `periop staff language [en|fr|none]`: says the language in force and
/// why, after keeping the one given on the account at the keyboard.
pub fn staff_language(store: &mut Store, asked: Option<&str>, preset: &Preset, now: DateTime<Utc>) -> Result<String> {
    let mut said = String::new();
    if let Some(word) = asked {
        let chosen = match word.trim() {
            w if w.eq_ignore_ascii_case(NONE) => None,
            w => Some(Language::from_code(w).ok_or_else(|| {
                eyre!("{}", tr!("cli-language-bad-word", word = format!("{w:?}"), codes = Language::codes()))
            })?),
        };
        store.write(now, |tx| staff::set_own_language(tx, chosen))?;
        let _in_force = crate::i18n::scope(preset.choose(store).0);
        let account = store.actor().account.as_str();
        said = match chosen {
            Some(l) => tr!("cli-language-kept", account = account, code = l.code()),
            None => tr!("cli-language-kept-none", account = account),
        }
        .into_owned();
        said.push('\n');
    }
    let (in_force, source) = preset.choose(store);
    // Said in the language now in force (the account's own may have just changed).
    let _in_force = crate::i18n::scope(in_force);
    let own = store.actor().language.map_or_else(|| tr!("cli-language-none"), |l| l.code().into());
    let from = match source {
        Source::Account => tr!("cli-language-source-account"),
        Source::Site => tr!("cli-language-source-site"),
        other => other.describe(),
    };
    let in_force_line = tr!("cli-language-in-force", code = in_force.code(), source = from, own = own);
    let order = tr!("cli-language-order", site = store.settings().language().code());
    said.push_str(&format!("{in_force_line}\n{order}\n"));
    Ok(said)
}

/// `periop staff language none`: the account keeps no language of its own.
const NONE: &str = "none";
