//! Every site-adjustable number, with its unit and where it comes from.
//!
//! DOMAIN.md marks these `cfg`: defaults, not laws. They live in the
//! `settings` table; a warning that uses one can cite it with [`Settings::cite`].

use chrono::NaiveTime;
use chrono_tz::Tz;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A decimal number (hours, millimetres, degrees…).
    Number,
    /// A whole number, possibly negative (day offsets).
    Integer,
    /// A wall-clock time `HH:MM` in the ward's zone.
    Time,
    /// An IANA time-zone name such as `Europe/Paris`.
    Zone,
}

#[derive(Debug, Clone, Copy)]
pub struct Def {
    pub key: &'static str,
    pub default: &'static str,
    pub unit: &'static str,
    pub kind: Kind,
    pub rule: &'static str,
    pub source: &'static str,
}

const fn def(
    key: &'static str,
    default: &'static str,
    unit: &'static str,
    kind: Kind,
    rule: &'static str,
    source: &'static str,
) -> Def {
    Def { key, default, unit, kind, rule, source }
}

use Kind::{Integer, Number, Time, Zone};

pub const WARD_TIMEZONE: &str = "ward.timezone";
pub const ADMIT_OFFSET_DAYS: &str = "path.admit_offset_days";
pub const DISCHARGE_OFFSET_DAYS: &str = "path.discharge_offset_days";
pub const ADMIT_EXPECTED_BY: &str = "path.admit_expected_by";

/// The catalogue: one line per `cfg` value named in DOMAIN.md.
pub const CATALOGUE: &[Def] = &[
    def(WARD_TIMEZONE, "Europe/Paris", "zone", Zone, "-", "site: the ward's local time for display and for \"today\""),
    def(ADMIT_OFFSET_DAYS, "-1", "days", Integer, "R-PATH-1", "source hospital pathway: admitted the evening before"),
    def(
        DISCHARGE_OFFSET_DAYS,
        "1",
        "days",
        Integer,
        "R-PATH-1",
        "source hospital pathway: home the day after, absent incident",
    ),
    def(ADMIT_EXPECTED_BY, "20:00", "time", Time, "R-PATH-2", "site: latest expected arrival on J-1"),
    def(
        "anes.cpa_min_delay_h",
        "48",
        "h",
        Number,
        "R-ANES-1",
        "CSP D.6124-92; decree of 5 Dec 1994 (\"several days\")",
    ),
    def("anes.cpa_validity_days", "60", "days", Integer, "R-ANES-2", "site policy"),
    def("fast.solids_h", "6", "h", Number, "R-FAST-1", "ASA 2017 / SFAR / ESAIC adult guidelines"),
    def("fast.fatty_meal_h", "8", "h", Number, "R-FAST-1", "ASA 2017 / SFAR / ESAIC adult guidelines"),
    def("fast.clear_h", "2", "h", Number, "R-FAST-1", "ASA 2017 / SFAR / ESAIC adult guidelines"),
    def("fast.child_breast_milk_h", "3", "h", Number, "R-FAST-1", "ESAIC 2022 paediatric guidelines"),
    def("fast.child_formula_h", "4", "h", Number, "R-FAST-1", "ESAIC 2022 paediatric guidelines"),
    def("fast.child_clear_h", "1", "h", Number, "R-FAST-1", "ESAIC 2022 paediatric guidelines"),
    def(
        "fast.excess_alert_h",
        "4",
        "h",
        Number,
        "R-FAST-4",
        "site: offer clear fluids when the fast outruns the prescription",
    ),
    def("fast.diabetic_max_h", "6", "h", Number, "R-FAST-5", "SFAR/SFD perioperative diabetes guidance"),
    def("med.inr_max", "1.5", "INR", Number, "R-MED-2", "GIHP / SFAR high bleeding risk procedures"),
    def("med.platelets_min", "50", "G/L", Number, "R-MED-2", "GIHP / SFAR high bleeding risk procedures"),
    def("med.lab_validity_h", "72", "h", Number, "R-MED-2", "site policy"),
    def("block.turnover_min", "20", "min", Integer, "R-BLOCK-2", "site: room cleaning and set-up"),
    def("block.freeze_time", "14:00", "time", Time, "R-BLOCK-4", "site: next day's list frozen after this time on J-1"),
    def("stock.expiry_alert_days", "60", "days", Integer, "R-STOCK-4", "site policy"),
    def(
        "do.max_rate_mm_day",
        "1.5",
        "mm/day",
        Number,
        "R-DO-3",
        "Ilizarov; poor regenerate risk rises about ninefold above",
    ),
    def("do.daily_tolerance_mm", "0.25", "mm", Number, "R-DO-3", "site policy"),
    def("do.length_tolerance_mm", "2", "mm", Number, "R-DO-3", "site policy"),
    def("do.session_late_h", "2", "h", Number, "R-DO-4", "site policy"),
    def("do.fever_c", "38.5", "°C", Number, "R-DO-6", "site policy"),
    def("do.rom_loss_deg", "20", "degrees", Number, "R-DO-6", "site policy"),
    def("do.hi_alert", "60", "d/cm", Number, "R-DO-7", "healing index literature: 30-50 d/cm expected"),
    def("ho.followup_months", "6", "months", Integer, "R-HO-1", "site policy"),
];

pub fn definition(key: &str) -> Option<&'static Def> {
    CATALOGUE.iter().find(|d| d.key == key)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingError {
    #[error("there is no setting called {key:?}; `periop settings` lists them all")]
    Unknown { key: String },
    #[error("{key} must be {expected}, not {value:?}")]
    Invalid { key: String, value: String, expected: &'static str },
}

/// Checks a value against its definition before it is stored.
pub fn validate(key: &str, value: &str) -> Result<(), SettingError> {
    let def = definition(key).ok_or_else(|| SettingError::Unknown { key: key.to_string() })?;
    let invalid = |expected| SettingError::Invalid { key: key.to_string(), value: value.to_string(), expected };
    let value = value.trim();
    match def.kind {
        Kind::Number => match value.parse::<f64>() {
            Ok(n) if n.is_finite() && n >= 0.0 => Ok(()),
            _ => Err(invalid("a number zero or above, such as 6 or 1.5")),
        },
        Kind::Integer => value.parse::<i64>().map(drop).map_err(|_| invalid("a whole number, such as -1 or 60")),
        Kind::Time => parse_time(value).map(drop).ok_or_else(|| invalid("a time HH:MM, such as 14:00")),
        Kind::Zone => value.parse::<Tz>().map(drop).map_err(|_| invalid("a time-zone name, such as Europe/Paris")),
    }
}

fn parse_time(value: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(value, "%H:%M").ok()
}

/// The site's values, validated; anything not stored takes the catalogue default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    stored: BTreeMap<String, String>,
}

impl Settings {
    /// Keeps the valid pairs among those given and returns the rest as errors,
    /// so one bad row cannot stop the ward from working.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> (Self, Vec<SettingError>) {
        let mut stored = BTreeMap::new();
        let mut errors = Vec::new();
        for (key, value) in pairs {
            match validate(&key, &value) {
                Ok(()) => {
                    stored.insert(key, value.trim().to_string());
                }
                Err(e) => errors.push(e),
            }
        }
        (Settings { stored }, errors)
    }

    /// The value in force, as text (stored, or the catalogue default).
    pub fn raw_value(&self, key: &str) -> &str {
        self.raw(key)
    }

    fn raw(&self, key: &str) -> &str {
        match self.stored.get(key) {
            Some(v) => v,
            None => definition(key).map_or("", |d| d.default),
        }
    }

    pub fn number(&self, key: &str) -> f64 {
        self.raw(key).parse().unwrap_or_else(|_| default_of(key).parse().unwrap_or(0.0))
    }

    pub fn integer(&self, key: &str) -> i64 {
        self.raw(key).parse().unwrap_or_else(|_| default_of(key).parse().unwrap_or(0))
    }

    pub fn time(&self, key: &str) -> NaiveTime {
        parse_time(self.raw(key)).or_else(|| parse_time(default_of(key))).unwrap_or(NaiveTime::MIN)
    }

    pub fn zone(&self) -> Tz {
        self.raw(WARD_TIMEZONE).parse().unwrap_or(chrono_tz::Europe::Paris)
    }

    /// `fast.clear_h=2 h (ASA 2017 …)`: how a warning says where its number comes from.
    pub fn cite(&self, key: &str) -> String {
        let (unit, source) = definition(key).map_or(("", ""), |d| (d.unit, d.source));
        let customised =
            if self.stored.get(key).is_some_and(|v| v != default_of(key)) { ", set for this site" } else { "" };
        format!("{key}={} {unit} ({source}{customised})", self.raw(key))
    }
}

fn default_of(key: &str) -> &'static str {
    definition(key).map_or("", |d| d.default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_valid_and_every_key_is_unique() {
        for def in CATALOGUE {
            assert_eq!(validate(def.key, def.default), Ok(()), "{}", def.key);
            assert_eq!(CATALOGUE.iter().filter(|d| d.key == def.key).count(), 1, "{}", def.key);
        }
    }

    #[test]
    fn r_path_1_offsets_default_to_j_minus_1_and_j_plus_1() {
        let s = Settings::default();
        assert_eq!(s.integer(ADMIT_OFFSET_DAYS), -1);
        assert_eq!(s.integer(DISCHARGE_OFFSET_DAYS), 1);
    }

    #[test]
    fn bad_values_are_refused_with_what_is_expected() {
        let err = validate("fast.clear_h", "two").unwrap_err();
        assert_eq!(err.to_string(), "fast.clear_h must be a number zero or above, such as 6 or 1.5, not \"two\"");
        assert!(validate("block.freeze_time", "25:00").is_err());
        assert!(validate("ward.timezone", "Mars/Olympus").is_err());
        assert!(matches!(validate("no.such", "1"), Err(SettingError::Unknown { .. })));
    }

    #[test]
    fn stored_values_override_defaults_and_bad_rows_are_reported() {
        let (s, errors) = Settings::from_pairs([
            ("fast.clear_h".to_string(), "3".to_string()),
            ("fast.solids_h".to_string(), "lots".to_string()),
        ]);
        assert_eq!(s.number("fast.clear_h"), 3.0);
        assert_eq!(s.number("fast.solids_h"), 6.0);
        assert_eq!(errors.len(), 1);
        assert!(s.cite("fast.clear_h").contains("set for this site"));
        assert_eq!(s.cite("fast.solids_h"), "fast.solids_h=6 h (ASA 2017 / SFAR / ESAIC adult guidelines)");
    }
}
