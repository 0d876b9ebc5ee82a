//! `periop settings`: the site's `cfg` values (DOMAIN.md), where each comes
//! from, and changing one (audited like every change).

use crate::domain::settings::CATALOGUE;
use crate::store::{Store, settings};
use chrono::{DateTime, Utc};
use color_eyre::Result;
use std::fmt::Write;

pub fn list(store: &Store) -> Result<String> {
    let current = store.settings();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<28} {:>14} {:<8} {:<12} {:<10} {}",
        tr!("cli-settings-key"),
        tr!("cli-settings-value"),
        tr!("cli-settings-unit"),
        tr!("cli-settings-range"),
        tr!("cli-settings-rule"),
        tr!("cli-settings-source")
    );
    for def in CATALOGUE {
        let value = current.raw_value(def.key);
        let marker = if value != def.default { " *" } else { "" };
        // Found in use (#12): the README promised the range; the list lacked it.
        let range = crate::domain::settings::range(def.key).map_or_else(
            || "-".to_string(),
            |(low, high)| format!("{}–{}", shown(&low.to_string()), shown(&high.to_string())),
        );
        // A number as the language writes it (`1,5` in French); the rest as stored.
        let value = if def.kind == crate::domain::settings::Kind::Number { shown(value) } else { value.to_string() };
        let _ = writeln!(
            out,
            "{:<28} {:>14} {:<8} {:<12} {:<10} {}{marker}",
            def.key,
            value,
            def.unit_text(),
            range,
            def.rule,
            def.source()
        );
    }
    let _ = writeln!(out, "\n{}", tr!("cli-settings-footnote"));
    for refused in store.refused_settings() {
        let _ = writeln!(out, "{}", tr!("cli-settings-refused", text = refused.to_string()));
    }
    Ok(out)
}

/// A stored number (`1.5`) with the language's decimal mark (`1,5` in French).
fn shown(number: &str) -> String {
    match crate::i18n::language() {
        crate::domain::language::Language::En => number.to_string(),
        crate::domain::language::Language::Fr => number.replace('.', ","),
    }
}

/// Sets a value if nobody changed it since it was read here.
pub fn set(store: &mut Store, key: &str, value: &str, now: DateTime<Utc>) -> Result<String> {
    let before = store.settings().raw_value(key).to_string();
    let version = store.setting_version(key)?;
    store.write(now, |tx| settings::set(tx, key, value, version))?;
    store.reload_settings()?;
    let change = format!("{before} → {} ({})", store.settings().raw_value(key), store.settings().cite(key));
    Ok(crate::i18n::labelled(key, &change))
}
