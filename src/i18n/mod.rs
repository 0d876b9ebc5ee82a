//! The message catalogues (issue 14): every word the translated parts of
//! periop show comes from `locales/en.ftl` or `locales/fr.ftl`, embedded in
//! the binary, never from a string in the code.
//!
//! Fluent (Mozilla's `fluent-bundle`) and not a key → string table: French
//! and English disagree on plurals (French `1,5 jour` and `0 patient` are
//! singular), and a message's arguments are named, so a translator can move
//! them. The catalogues are read once per process ([`OnceLock`]); a lookup
//! of a message without arguments borrows its text (no allocation per frame).
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
use std::sync::OnceLock;

pub use fluent_bundle::FluentValue as Value;

/// The catalogues' text, as shipped.
pub const SOURCES: [(Language, &str); 2] =
    [(Language::En, include_str!("../../locales/en.ftl")), (Language::Fr, include_str!("../../locales/fr.ftl"))];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| SOURCES.map(|(language, source)| bundle(language, source)))
}

fn bundle(language: Language, source: &str) -> Bundle {
    // A catalogue that does not parse is a fault of this build (the tests
    // parse both); what did parse is still used, the rest shows its id.
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, errors)| {
        log::error!("the {} catalogue has errors: {errors:?}", language.code());
        partial
    });
    let id = language.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: a terminal would count
    // them as cells and shift the columns.
    bundle.set_use_isolating(false);
    if language == Language::Fr {
        bundle.set_formatter(Some(french_number));
    }
    if let Err(errors) = bundle.add_resource(resource) {
        log::error!("the {} catalogue repeats messages: {errors:?}", language.code());
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

#[cfg(test)]
mod tests;
