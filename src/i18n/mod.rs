//! The message catalogues (issue 14): every word the translated parts of
//! periop show comes from `locales/en/*.ftl` or `locales/fr/*.ftl` (one file
//! per part of the program, the same names in both folders), embedded in the
//! binary, never from a string in the code.
//!
//! Fluent (Mozilla's `fluent-bundle`) and not a key → string table: French
//! and English disagree on plurals (French `1,5 jour` and `0 patient` are
//! singular), and a message's arguments are named, so a translator can move
//! them. The catalogues are read once per process ([`OnceLock`]); a lookup
//! of a message without arguments borrows its text (no allocation per frame).
//!
//! The language is the process's, chosen once at start ([`set_language`]);
//! drawing a screen or handling a key scopes it to the screen's own
//! ([`scope`]), so tests of both languages can run side by side. Code deep
//! in the domain or the store says `tr!("id")` or `tr!("id", count = n)`
//! without a language to carry.
//!
//! Ids are kebab-case and name where the text is shown: `tab-board`,
//! `key-board-open` (with a `.hint` attribute when the hint bar shows it),
//! `status-live`, `form-not-saved`. A test fails when a message exists in one
//! catalogue and not the other, when their arguments or attributes differ,
//! or when the code asks for an id no catalogue has.

use crate::domain::language::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub use fluent_bundle::FluentValue as Value;

/// One part's catalogue in both languages: `locales/en/NAME.ftl`, `locales/fr/NAME.ftl`.
pub struct Catalogue {
    pub name: &'static str,
    pub en: &'static str,
    pub fr: &'static str,
}

macro_rules! catalogues {
    ($($name:literal),+ $(,)?) => {
        &[$(Catalogue {
            name: $name,
            en: include_str!(concat!("../../locales/en/", $name, ".ftl")),
            fr: include_str!(concat!("../../locales/fr/", $name, ".ftl")),
        }),+]
    };
}

/// The catalogues as shipped, one per part of the program.
pub const CATALOGUES: &[Catalogue] = catalogues![
    "chrome",
    "days",
    "stock",
    "cli",
    "admin",
    "errors",
    "block",
    "settings",
    "board",
    "ward",
    "store",
    "rounds",
    "admission",
    "terminal",
    "clinical",
    "setup",
    "discharge",
    "labels",
    "prescription",
    "files",
    "usage",
    "screens"
];

impl Catalogue {
    pub fn text(&self, language: Language) -> &'static str {
        match language {
            Language::En => self.en,
            Language::Fr => self.fr,
        }
    }
}

static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static SCOPED: Cell<Option<Language>> = const { Cell::new(None) };
}

/// The process's language, chosen at start (`--lang`, `PERIOP_LANG`, the
/// account's own, the locale, the site: `domain::language::choose`).
pub fn set_language(language: Language) {
    PROCESS.store(u8::from(language == Language::Fr), Ordering::Relaxed);
}

/// The language in force on this thread: the scoped one, else the process's.
pub fn language() -> Language {
    SCOPED.with(Cell::get).unwrap_or(if PROCESS.load(Ordering::Relaxed) == 1 { Language::Fr } else { Language::En })
}

/// While the returned guard lives, this thread speaks `language` (a screen
/// drawn in its own language; a test of the French screens).
#[must_use = "the language holds only while the guard lives"]
pub fn scope(language: Language) -> Scope {
    Scope(SCOPED.with(|s| s.replace(Some(language))))
}

/// Puts back the language before [`scope`] when dropped.
pub struct Scope(Option<Language>);

impl Drop for Scope {
    fn drop(&mut self) {
        SCOPED.with(|s| s.set(self.0));
    }
}

/// Message `id` in the language in force: `tr!("board-empty")`, or with its
/// arguments `tr!("list-more-above", count = n)` (names as in the catalogue).
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::t($crate::i18n::language(), $id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        std::borrow::Cow::<'static, str>::Owned($crate::i18n::fmt(
            $crate::i18n::language(),
            $id,
            &[$((stringify!($name), $crate::i18n::Value::from($value))),+],
        ))
    };
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| Language::ALL.map(bundle))
}

fn bundle(language: Language) -> Bundle {
    let id = language.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: a terminal would count
    // them as cells and shift the columns.
    bundle.set_use_isolating(false);
    if language == Language::Fr {
        bundle.set_formatter(Some(french_number));
    }
    for catalogue in CATALOGUES {
        // A catalogue that does not parse is a fault of this build (the
        // tests parse them all); what did parse is still used, the rest
        // shows its id.
        let resource =
            FluentResource::try_new(catalogue.text(language).to_string()).unwrap_or_else(|(partial, errors)| {
                log::error!("the {}/{} catalogue has errors: {errors:?}", language.code(), catalogue.name);
                partial
            });
        if let Err(errors) = bundle.add_resource(resource) {
            log::error!("the {}/{} catalogue repeats messages: {errors:?}", language.code(), catalogue.name);
        }
    }
    bundle
}

/// French writes a decimal comma: `1,5 mm`.
fn french_number<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(n.as_string().replace('.', ",")),
        _ => None,
    }
}

fn of(language: Language) -> &'static Bundle {
    &bundles()[usize::from(language == Language::Fr)]
}

/// The text of message `id` (or of its attribute, `id.attr`) in `language`.
/// An id no catalogue has shows as the id itself (a test keeps that from
/// shipping), never a panic.
pub fn t(language: Language, id: &str) -> Cow<'static, str> {
    match id.split_once('.') {
        Some((message, attribute)) => format(language, message, Some(attribute), None),
        None => format(language, id, None, None),
    }
}

/// The text of attribute `attribute` of message `id` (`key-board-open`, `hint`).
pub fn attr(language: Language, id: &str, attribute: &str) -> Cow<'static, str> {
    format(language, id, Some(attribute), None)
}

/// Message `id` with its arguments: `fmt(lang, "too-small-size", &[("width", 80.into())])`.
/// Numbers are written as the language writes them (a decimal comma in French).
pub fn fmt(language: Language, id: &str, args: &[(&str, Value<'_>)]) -> String {
    let args: FluentArgs<'_> = args.iter().map(|(k, v)| (*k, v.clone())).collect();
    format(language, id, None, Some(&args)).into_owned()
}

fn format(
    language: Language,
    message: &str,
    attribute: Option<&str>,
    args: Option<&FluentArgs<'_>>,
) -> Cow<'static, str> {
    let bundle = of(language);
    let id = || attribute.map_or_else(|| message.to_string(), |a| format!("{message}.{a}"));
    let pattern = bundle.get_message(message).and_then(|m| match attribute {
        Some(a) => m.get_attribute(a).map(|a| a.value()),
        None => m.value(),
    });
    let Some(pattern) = pattern else {
        let id = id();
        log::warn!("no message {id:?} in the {} catalogue", language.code());
        return Cow::Owned(id);
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        log::warn!("message {:?} ({}): {errors:?}", id(), language.code());
    }
    text
}

/// Whether message `id` (or `id.attr`) is in the `language` catalogue.
pub fn has(language: Language, id: &str) -> bool {
    let (message, attribute) = id.split_once('.').map_or((id, None), |(m, a)| (m, Some(a)));
    of(language).get_message(message).is_some_and(|m| match attribute {
        Some(a) => m.get_attribute(a).is_some(),
        None => m.value().is_some(),
    })
}

/// `label: text` in the language in force: `FOURNIER: no bed` /
/// `FOURNIER\u{a0}: pas de lit` (French puts a no-break space before the
/// colon), from the catalogue, never `format!("{label}: {text}")`.
pub fn labelled(label: &str, text: &str) -> String {
    fmt(language(), "screens-labelled", &[("label", label.into()), ("text", text.into())])
}

/// Items of a list of refusals or warnings, in the language in force:
/// `a; b` / `a\u{a0}; b`.
pub fn joined<S: AsRef<str>>(items: &[S]) -> String {
    let separator = t(language(), "screens-list-separator");
    items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(&separator)
}

/// A number with `places` decimals as `language` writes it: `1.5` / `1,5`.
pub fn decimal(language: Language, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match language {
        Language::En => text,
        Language::Fr => text.replace('.', ","),
    }
}

/// The short name of a weekday (`Mon` / `lun.`).
pub fn weekday(language: Language, day: chrono::Weekday) -> Cow<'static, str> {
    t(language, weekday_id(day))
}

/// The whole name of a weekday (`Monday` / `lundi`).
pub fn weekday_long(language: Language, day: chrono::Weekday) -> Cow<'static, str> {
    attr(language, weekday_id(day), "long")
}

fn weekday_id(day: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match day {
        Mon => "weekday-mon",
        Tue => "weekday-tue",
        Wed => "weekday-wed",
        Thu => "weekday-thu",
        Fri => "weekday-fri",
        Sat => "weekday-sat",
        Sun => "weekday-sun",
    }
}

/// `text` said in English, then in French (for tests of both catalogues).
#[cfg(test)]
pub(crate) fn in_both(text: impl Fn() -> String) -> (String, String) {
    let en = {
        let _en = scope(Language::En);
        text()
    };
    let _fr = scope(Language::Fr);
    (en, text())
}

#[cfg(test)]
mod tests;
