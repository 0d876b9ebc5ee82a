//! The languages periop speaks, and which one a terminal gets (issue 14).
//!
//! The choice, first found wins:
//! 1. `--lang en|fr` on the command line;
//! 2. `PERIOP_LANG`;
//! 3. the account's own (`staff.language`, set with `periop staff language`);
//! 4. the locale: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
//!    and not empty (`fr_FR.UTF-8` is French; `C`, `POSIX` and `en_*` are
//!    English; another language, such as `de_DE`, says nothing and the
//!    choice goes on);
//! 5. the site setting `site.language` (default `en`).
//!
//! The account's own choice sits above the locale on purpose: a nurse who
//! chose French keeps it on a shared terminal or over SSH, where `LANG` is
//! often `C.UTF-8` that nobody chose. The command line and `PERIOP_LANG`
//! stay above it, for one session or one terminal.
//!
//! Pure: the caller reads the environment and the store and passes them in.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    En,
    Fr,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Fr];

    /// The code stored (`staff.language`, `site.language`) and typed
    /// (`--lang`, `PERIOP_LANG`).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
        }
    }

    /// `en` or `fr` exactly as stored or typed (surrounding blanks and case
    /// ignored); `None` for anything else.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim();
        Language::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The codes, for a refusal: `en, fr`.
    pub fn codes() -> String {
        Language::ALL.map(Language::code).join(", ")
    }

    /// A POSIX locale name: `fr_FR.UTF-8`, `fr`, `fr_BE@euro` are French;
    /// `C`, `POSIX`, `C.UTF-8` and `en_*` English; anything else `None`.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let locale = locale.trim();
        let base = locale.split(['.', '@']).next().unwrap_or_default();
        if base == "C" || base == "POSIX" {
            return Some(Language::En);
        }
        let language = base.split(['_', '-']).next().unwrap_or_default();
        Language::from_code(language)
    }
}

/// Where the language in force came from (said by `periop staff language`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    PeriopLang,
    Account,
    /// The locale variable that decided (`LC_ALL`, `LC_MESSAGES` or `LANG`).
    Locale(&'static str),
    Site,
}

impl Source {
    /// Where the language came from, in words (`the site setting site.language`).
    pub fn describe(self) -> std::borrow::Cow<'static, str> {
        match self {
            Source::Flag => tr!("store-language-from-flag"),
            Source::PeriopLang => tr!("store-language-from-env"),
            Source::Account => tr!("store-language-from-account"),
            Source::Locale(name) => std::borrow::Cow::Borrowed(name),
            Source::Site => tr!("store-language-from-site"),
        }
    }
}

/// Everything the choice looks at, as read by the caller.
#[derive(Debug, Clone, Default)]
pub struct Asked<'a> {
    pub flag: Option<Language>,
    pub periop_lang: Option<Language>,
    pub account: Option<Language>,
    /// `LC_ALL`, `LC_MESSAGES`, `LANG`, in that order, as set (or not).
    pub locale: [Option<&'a str>; 3],
    pub site: Language,
}

/// The locale variables, in the order POSIX reads them.
pub const LOCALE_VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// The language in force and where it came from (see the module's order).
pub fn choose(asked: &Asked<'_>) -> (Language, Source) {
    if let Some(l) = asked.flag {
        return (l, Source::Flag);
    }
    if let Some(l) = asked.periop_lang {
        return (l, Source::PeriopLang);
    }
    if let Some(l) = asked.account {
        return (l, Source::Account);
    }
    // The first variable set and not empty is the locale in force (POSIX);
    // a language periop does not speak leaves the choice to the site.
    let in_force = asked.locale.iter().zip(LOCALE_VARIABLES).find(|(v, _)| v.is_some_and(|v| !v.trim().is_empty()));
    if let Some((Some(value), name)) = in_force
        && let Some(l) = Language::from_locale(value)
    {
        return (l, Source::Locale(name));
    }
    (asked.site, Source::Site)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_a_language_or_say_nothing() {
        assert_eq!(Language::from_locale("fr_FR.UTF-8"), Some(Language::Fr));
        assert_eq!(Language::from_locale("fr_BE@euro"), Some(Language::Fr));
        assert_eq!(Language::from_locale("fr"), Some(Language::Fr));
        assert_eq!(Language::from_locale("C"), Some(Language::En));
        assert_eq!(Language::from_locale("C.UTF-8"), Some(Language::En));
        assert_eq!(Language::from_locale("POSIX"), Some(Language::En));
        assert_eq!(Language::from_locale("en_GB.UTF-8"), Some(Language::En));
        assert_eq!(Language::from_locale("de_DE.UTF-8"), None);
        assert_eq!(Language::from_locale(""), None);
        assert_eq!(Language::from_code(" FR "), Some(Language::Fr));
        assert_eq!(Language::from_code("français"), None);
    }

    #[test]
    fn the_flag_then_periop_lang_then_the_account_then_the_locale_then_the_site() {
        let mut asked = Asked {
            flag: Some(Language::En),
            periop_lang: Some(Language::Fr),
            account: Some(Language::En),
            locale: [None, Some("fr_FR.UTF-8"), Some("C")],
            site: Language::En,
        };
        assert_eq!(choose(&asked), (Language::En, Source::Flag));
        asked.flag = None;
        assert_eq!(choose(&asked), (Language::Fr, Source::PeriopLang));
        asked.periop_lang = None;
        assert_eq!(choose(&asked), (Language::En, Source::Account));
        asked.account = None;
        assert_eq!(choose(&asked), (Language::Fr, Source::Locale("LC_MESSAGES")));
        // LC_ALL set wins over LC_MESSAGES; an empty one does not count.
        asked.locale[0] = Some("C.UTF-8");
        assert_eq!(choose(&asked), (Language::En, Source::Locale("LC_ALL")));
        asked.locale[0] = Some("");
        assert_eq!(choose(&asked), (Language::Fr, Source::Locale("LC_MESSAGES")));
        // A language periop does not speak leaves it to the site.
        asked.locale = [Some("de_DE.UTF-8"), Some("fr_FR.UTF-8"), None];
        asked.site = Language::Fr;
        assert_eq!(choose(&asked), (Language::Fr, Source::Site));
        asked.locale = [None, None, None];
        assert_eq!(choose(&asked), (Language::Fr, Source::Site));
    }
}
