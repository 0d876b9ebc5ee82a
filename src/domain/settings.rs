//! Every site-adjustable number, with its unit and where it comes from.
//!
//! DOMAIN.md marks these `cfg`: defaults, not laws. They live in the
//! `settings` table; a warning that uses one can cite it with [`Settings::cite`].

use super::ward_time::parse_time_of_day;
use chrono::NaiveTime;
use chrono_tz::Tz;
use std::borrow::Cow;
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
    /// R-TRACE-3: the key a barcode scanner sends in place of the GS1 group
    /// separator (ASCII 29): one character outside the GS1 set 82, or `none`.
    ScanKey,
    /// Issue 14: a language periop speaks, `en` or `fr`.
    Language,
}

#[derive(Debug, Clone, Copy)]
pub struct Def {
    pub key: &'static str,
    pub default: &'static str,
    /// The unit as a code (`days`); [`Def::unit_text`] says it.
    pub unit: &'static str,
    pub kind: Kind,
    pub rule: &'static str,
}

const fn def(key: &'static str, default: &'static str, unit: &'static str, kind: Kind, rule: &'static str) -> Def {
    Def { key, default, unit, kind, rule }
}

impl Def {
    /// Where the value comes from (a guideline, the source hospital's
    /// pathway, the site's policy), in the language in force: the message
    /// `settings-source-` and the key with `-` for `.` and `_`.
    pub fn source(&self) -> Cow<'static, str> {
        crate::i18n::t(crate::i18n::language(), &source_id(self.key))
    }

    /// The unit in the language in force (`days`, `jours`).
    pub fn unit_text(&self) -> Cow<'static, str> {
        unit_text(self.unit)
    }
}

/// The catalogue message describing the setting `key`.
fn source_id(key: &str) -> String {
    format!("settings-source-{}", key.replace(['.', '_'], "-"))
}

/// A unit code in the language in force; symbols (`h`, `mm`, `°C`) are the same in both.
fn unit_text(unit: &'static str) -> Cow<'static, str> {
    match unit {
        "days" => tr!("settings-unit-days"),
        "months" => tr!("settings-unit-months"),
        "degrees" => tr!("settings-unit-degrees"),
        "sessions/day" => tr!("settings-unit-sessions-day"),
        "mm/day" => tr!("settings-unit-mm-day"),
        "d/cm" => tr!("settings-unit-d-cm"),
        "time" => tr!("settings-unit-time"),
        "zone" => tr!("settings-unit-zone"),
        "language" => tr!("settings-unit-language"),
        "key" => tr!("settings-unit-key"),
        symbol => Cow::Borrowed(symbol),
    }
}

use Kind::{Integer, Number, Time, Zone};

pub const WARD_TIMEZONE: &str = "ward.timezone";
pub const ADMIT_OFFSET_DAYS: &str = "path.admit_offset_days";
pub const DISCHARGE_OFFSET_DAYS: &str = "path.discharge_offset_days";
pub const ADMIT_EXPECTED_BY: &str = "path.admit_expected_by";
/// R-BLOCK-2: minutes a room needs between two cases.
pub const TURNOVER_MIN: &str = "block.turnover_min";
/// R-BLOCK-4: the time on J-1 after which the next day's list is frozen.
pub const FREEZE_TIME: &str = "block.freeze_time";
/// Issue 14: the screen's language when neither the command line, nor
/// PERIOP_LANG, nor the account, nor the locale names one.
pub const SITE_LANGUAGE: &str = "site.language";

/// The catalogue: one line per `cfg` value named in DOMAIN.md.
pub const CATALOGUE: &[Def] = &[
    def(WARD_TIMEZONE, "Europe/Paris", "zone", Zone, "-"),
    def(SITE_LANGUAGE, "en", "language", Kind::Language, "-"),
    def(ADMIT_OFFSET_DAYS, "-1", "days", Integer, "R-PATH-1"),
    def(DISCHARGE_OFFSET_DAYS, "1", "days", Integer, "R-PATH-1"),
    def(ADMIT_EXPECTED_BY, "20:00", "time", Time, "R-PATH-2"),
    def("anes.cpa_min_delay_h", "48", "h", Number, "R-ANES-1"),
    def("anes.cpa_validity_days", "60", "days", Integer, "R-ANES-2"),
    def("fast.solids_h", "6", "h", Number, "R-FAST-1"),
    def("fast.fatty_meal_h", "8", "h", Number, "R-FAST-1"),
    def("fast.clear_h", "2", "h", Number, "R-FAST-1"),
    def("fast.child_breast_milk_h", "3", "h", Number, "R-FAST-1"),
    def("fast.child_formula_h", "4", "h", Number, "R-FAST-1"),
    def("fast.child_clear_h", "1", "h", Number, "R-FAST-1"),
    def("fast.excess_alert_h", "4", "h", Number, "R-FAST-4"),
    def("fast.diabetic_max_h", "6", "h", Number, "R-FAST-5"),
    def("med.inr_max", "1.5", "INR", Number, "R-MED-2"),
    def("med.platelets_min", "50", "G/L", Number, "R-MED-2"),
    def("med.lab_validity_h", "72", "h", Number, "R-MED-2"),
    def("block.turnover_min", "20", "min", Integer, "R-BLOCK-2"),
    def("block.freeze_time", "14:00", "time", Time, "R-BLOCK-4"),
    def("stock.expiry_alert_days", "60", "days", Integer, "R-STOCK-4"),
    def(SCANNER_GS_KEY, "none", "key", Kind::ScanKey, "R-TRACE-3"),
    def("do.max_rate_mm_day", "1.5", "mm/day", Number, "R-DO-3"),
    def("do.latency_limb_days", "7", "days", Integer, "R-DO-1"),
    def("do.latency_craniofacial_days", "3", "days", Integer, "R-DO-1"),
    def("do.rate_mm_day", "1", "mm/day", Number, "R-DO-1"),
    def("do.rhythm_limb", "4", "sessions/day", Integer, "R-DO-1"),
    def("do.rhythm_craniofacial", "2", "sessions/day", Integer, "R-DO-1"),
    def("do.first_session", "08:00", "time", Time, "R-DO-4"),
    def("do.last_session", "20:00", "time", Time, "R-DO-4"),
    def("do.daily_tolerance_mm", "0.25", "mm", Number, "R-DO-3"),
    def("do.length_tolerance_mm", "2", "mm", Number, "R-DO-3"),
    def("do.session_late_h", "2", "h", Number, "R-DO-4"),
    def("do.fever_c", "38.5", "°C", Number, "R-DO-6"),
    def("do.rom_loss_deg", "20", "degrees", Number, "R-DO-6"),
    def("do.hi_alert", "60", "d/cm", Number, "R-DO-7"),
    def("do.strut_max_mm_day", "3", "mm", Number, "R-DO-8"),
    def("do.strut_travel_margin_mm", "5", "mm", Number, "R-DO-8"),
    def(HO_FOLLOWUP_MONTHS, "6", "months", Integer, "R-HO-1"),
    def(IDLE_LOCK_MIN, "5", "min", Number, "R-PRIV-2"),
];

/// R-PRIV-2: minutes without a key before patient identities are hidden.
pub const IDLE_LOCK_MIN: &str = "ui.idle_lock_min";

/// R-STOCK-4: lots expiring within this many days are listed.
pub const STOCK_EXPIRY_ALERT_DAYS: &str = "stock.expiry_alert_days";

/// R-HO-1: months from surgery to the heterotopic ossification X-ray check.
pub const HO_FOLLOWUP_MONTHS: &str = "ho.followup_months";

/// R-TRACE-3: the key scanners send in place of GS.
pub const SCANNER_GS_KEY: &str = "stock.scanner_gs_key";

/// Pairs of time settings where the first must come before the second in
/// the day (R-DO-4: the first session of the day before the last).
pub const ORDERED_TIMES: &[(&str, &str)] = &[("do.first_session", "do.last_session")];

/// Checks a time setting against its partner of [`ORDERED_TIMES`]:
/// `value_of` gives the value in force of another key. Errors: the pair
/// out of order, named (found in use, #12: 21:00 then 07:00 was accepted).
pub fn check_order(key: &str, value: &str, value_of: impl Fn(&str) -> String) -> Result<(), String> {
    for &(first, last) in ORDERED_TIMES {
        let (early, late) = if key == first {
            (value.trim().to_string(), value_of(last))
        } else if key == last {
            (value_of(first), value.trim().to_string())
        } else {
            continue;
        };
        if let (Some(a), Some(b)) = (parse_time_of_day(&early), parse_time_of_day(&late))
            && a >= b
        {
            return Err(tr!("settings-order", first = first, early = early, last = last, late = late).into_owned());
        }
    }
    Ok(())
}

pub fn definition(key: &str) -> Option<&'static Def> {
    CATALOGUE.iter().find(|d| d.key == key)
}

/// What a site could mean, for every number of the catalogue: `(key, lowest,
/// highest)`, both included, in the setting's unit. A value outside is a slip
/// (a fast of 0 h or 1e308 h, an admission 5 days *after* the procedure) and
/// is refused, naming the range. Wide on purpose: sites differ, typos do not
/// land inside.
pub const RANGES: &[(&str, f64, f64)] = &[
    // R-PATH-1: admitted on or before the procedure day, home on or after it.
    (ADMIT_OFFSET_DAYS, -7.0, 0.0),
    (DISCHARGE_OFFSET_DAYS, 0.0, 14.0),
    // R-ANES-1/2: "several days" before by law (CSP D.6124-92), so at least a
    // day (found in use, #12: 0 was accepted); valid up to a year.
    ("anes.cpa_min_delay_h", 24.0, 720.0),
    ("anes.cpa_validity_days", 1.0, 365.0),
    // R-FAST-1/4/5: fasts are hours, never zero, never beyond a day.
    ("fast.solids_h", 1.0, 24.0),
    ("fast.fatty_meal_h", 1.0, 24.0),
    ("fast.clear_h", 0.5, 12.0),
    ("fast.child_breast_milk_h", 0.5, 12.0),
    ("fast.child_formula_h", 0.5, 12.0),
    ("fast.child_clear_h", 0.5, 12.0),
    ("fast.excess_alert_h", 0.5, 24.0),
    ("fast.diabetic_max_h", 1.0, 24.0),
    // R-MED-2: INR thresholds in use run 1.2-2; platelets 20-100 G/L.
    ("med.inr_max", 1.0, 3.0),
    ("med.platelets_min", 10.0, 200.0),
    ("med.lab_validity_h", 1.0, 720.0),
    ("block.turnover_min", 0.0, 240.0),
    // R-PRIV-2: from a minute to a shift.
    (IDLE_LOCK_MIN, 1.0, 480.0),
    ("stock.expiry_alert_days", 0.0, 730.0),
    // R-DO-3..7: distraction runs at 0.25-2 mm/day; fever thresholds 37.5-40 °C.
    ("do.latency_limb_days", 0.0, 30.0),
    ("do.latency_craniofacial_days", 0.0, 30.0),
    ("do.rate_mm_day", 0.1, 3.0),
    ("do.rhythm_limb", 1.0, 12.0),
    ("do.rhythm_craniofacial", 1.0, 12.0),
    ("do.max_rate_mm_day", 0.1, 3.0),
    ("do.daily_tolerance_mm", 0.0, 2.0),
    ("do.length_tolerance_mm", 0.0, 20.0),
    ("do.session_late_h", 0.25, 24.0),
    ("do.fever_c", 37.0, 42.0),
    ("do.rom_loss_deg", 1.0, 180.0),
    ("do.hi_alert", 10.0, 200.0),
    ("do.strut_travel_margin_mm", 0.0, 50.0),
    ("do.strut_max_mm_day", 0.5, 50.0),
    // R-HO-1: the X-ray check from a month to five years after surgery.
    (HO_FOLLOWUP_MONTHS, 1.0, 60.0),
];

/// The range of a number setting (`None` for a time or a zone).
pub fn range(key: &str) -> Option<(f64, f64)> {
    RANGES.iter().find(|(k, _, _)| *k == key).map(|&(_, low, high)| (low, high))
}

/// A value refused, said in the language in force.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingError {
    Unknown {
        key: String,
    },
    /// `expected`: the message saying what is expected (`settings-expected-number`).
    Invalid {
        key: String,
        value: String,
        expected: &'static str,
    },
    /// `unit`: the unit's code.
    OutOfRange {
        key: String,
        value: String,
        low: f64,
        high: f64,
        unit: &'static str,
    },
}

impl std::fmt::Display for SettingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            SettingError::Unknown { key } => tr!("settings-unknown", key = format!("{key:?}")),
            SettingError::Invalid { key, value, expected } => tr!(
                "settings-invalid",
                key = key.as_str(),
                expected = crate::i18n::t(crate::i18n::language(), expected),
                value = format!("{value:?}")
            ),
            SettingError::OutOfRange { key, value, low, high, unit } => tr!(
                "settings-out-of-range",
                key = key.as_str(),
                low = *low,
                high = *high,
                unit = unit_text(unit),
                value = format!("{value:?}")
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SettingError {}

/// `value` as stored: a number's decimal comma (`1,4`, as French writes
/// it) becomes a point; anything else as typed.
pub fn normalized(key: &str, value: &str) -> String {
    match definition(key) {
        // One form whatever was typed (`1,5`, `1.50`); a value that is not a
        // number is left as typed, for the refusal to quote.
        Some(def) if def.kind == Kind::Number => {
            super::decimal::parse(value).map_or_else(|| value.to_string(), |n| n.to_string())
        }
        // A time typed the French way (`14h`) is stored as the others, `14:00`.
        Some(def) if def.kind == Kind::Time => {
            parse_time_of_day(value).map_or_else(|| value.to_string(), |t| t.format("%H:%M").to_string())
        }
        _ => value.to_string(),
    }
}

/// Checks a value against its definition before it is stored.
pub fn validate(key: &str, value: &str) -> Result<(), SettingError> {
    let def = definition(key).ok_or_else(|| SettingError::Unknown { key: key.to_string() })?;
    let invalid = |expected| SettingError::Invalid { key: key.to_string(), value: value.to_string(), expected };
    let value = value.trim();
    let number = match def.kind {
        Kind::Number => match super::decimal::parse(value) {
            Some(n) => n,
            None => return Err(invalid("settings-expected-number")),
        },
        Kind::Integer => match value.parse::<i64>() {
            Ok(n) => n as f64,
            Err(_) => return Err(invalid("settings-expected-integer")),
        },
        Kind::Time => return parse_time_of_day(value).map(drop).ok_or_else(|| invalid("settings-expected-time")),
        Kind::Zone => {
            return value.parse::<Tz>().map(drop).map_err(|_| invalid("settings-expected-zone"));
        }
        Kind::Language => {
            return super::language::Language::from_code(value)
                .map(drop)
                .ok_or_else(|| invalid("settings-expected-language"));
        }
        Kind::ScanKey => {
            return scan_key(value).map(drop).ok_or_else(|| invalid("settings-expected-scan-key"));
        }
    };
    match range(key) {
        Some((low, high)) if !(low..=high).contains(&number) => {
            Err(SettingError::OutOfRange { key: key.to_string(), value: value.to_string(), low, high, unit: def.unit })
        }
        _ => Ok(()),
    }
}

/// R-TRACE-3: `none` (only ASCII 29), or the one character a scanner sends
/// for GS; `None` when the text is neither.
fn scan_key(value: &str) -> Option<Option<char>> {
    if value.eq_ignore_ascii_case("none") {
        return Some(None);
    }
    let mut chars = value.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !super::stock::gs1::in_set_82(c) && !c.is_whitespace() => Some(Some(c)),
        _ => None,
    }
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
        parse_time_of_day(self.raw(key)).or_else(|| parse_time_of_day(default_of(key))).unwrap_or(NaiveTime::MIN)
    }

    /// R-TRACE-3: the key the site's scanners send for GS, if any.
    pub fn scanner_gs_key(&self) -> Option<char> {
        scan_key(self.raw(SCANNER_GS_KEY)).flatten()
    }

    /// Issue 14: the site's language (the last of the choice's steps).
    pub fn language(&self) -> super::language::Language {
        super::language::Language::from_code(self.raw(SITE_LANGUAGE)).unwrap_or_default()
    }

    pub fn zone(&self) -> Tz {
        self.raw(WARD_TIMEZONE).parse().unwrap_or(chrono_tz::Europe::Paris)
    }

    /// `fast.clear_h=2 h (ASA 2017 …)`: how a warning says where its number
    /// comes from, in the language in force (a decimal comma in French).
    pub fn cite(&self, key: &str) -> String {
        let def = definition(key);
        let source = def.map_or(Cow::Borrowed(""), Def::source);
        let mut value = self.raw(key).to_string();
        if def.is_some_and(|d| d.kind == Kind::Number) && crate::i18n::language() == super::language::Language::Fr {
            value = value.replace('.', ",");
        }
        // A measure's unit follows its value (`12 h`); a time, a zone, a
        // language or a key says what it is by itself (found in use: `20:00 time`).
        if let Some(def) = def.filter(|d| !matches!(d.unit, "" | "time" | "zone" | "language" | "key")) {
            value = format!("{value} {}", def.unit_text());
        }
        if self.stored.get(key).is_some_and(|v| v != default_of(key)) {
            tr!("settings-cite-customised", key = key, value = value, source = source).into_owned()
        } else {
            tr!("settings-cite", key = key, value = value, source = source).into_owned()
        }
    }
}

fn default_of(key: &str) -> &'static str {
    definition(key).map_or("", |d| d.default)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the French tester: `1,2,3` was refused quoting `"1.2,3"`,
    /// and `1.` or `,5` were stored as typed.
    #[test]
    fn a_number_setting_is_stored_in_one_form_and_a_bad_one_quoted_as_typed() {
        let key = "do.daily_tolerance_mm";
        assert_eq!(normalized(key, "1,50"), "1.5");
        for typed in ["1,2,3", "1.", ",5"] {
            let stored = normalized(key, typed);
            assert_eq!(stored, typed);
            let refused = validate(key, &stored).unwrap_err();
            assert!(matches!(&refused, SettingError::Invalid { value, .. } if value == typed), "{refused:?}");
        }
    }

    /// A cited time of day is not followed by the word "time" (found by the
    /// French tester: `path.admit_expected_by=20:00 heure`); a measure keeps its unit.
    #[test]
    fn a_cited_time_has_no_unit_word_and_a_measure_keeps_its_unit() {
        let settings = Settings::default();
        let (en, fr) = crate::i18n::in_both(|| settings.cite(ADMIT_EXPECTED_BY));
        assert!(en.starts_with("path.admit_expected_by=20:00 ("), "{en}");
        assert!(fr.starts_with("path.admit_expected_by=20:00 ("), "{fr}");
        let rate = settings.cite("do.rate_mm_day");
        assert!(rate.starts_with("do.rate_mm_day=1 mm/day ("), "{rate}");
    }

    /// Found in use (issue 14): `settings set med.inr_max 1,4`, as French
    /// writes it, was refused; it is stored as `1.4`.
    #[test]
    fn a_decimal_comma_is_stored_as_a_point() {
        assert_eq!(normalized("med.inr_max", "1,4"), "1.4");
        assert_eq!(validate("med.inr_max", &normalized("med.inr_max", "1,4")), Ok(()));
        assert_eq!(normalized("ward.timezone", "Europe/Paris"), "Europe/Paris");
        assert_eq!(normalized("path.admit_offset_days", "1,4"), "1,4", "an integer keeps its refusal");
    }

    /// Found by the French tester (issue 14): a time typed `14h` (or `8:00`)
    /// is read by the one reader of times and stored as the others, `14:00`.
    #[test]
    fn a_time_typed_the_french_way_is_stored_as_hh_mm() {
        assert_eq!(normalized("block.freeze_time", "14h"), "14:00");
        assert_eq!(normalized("do.first_session", "8:00"), "08:00");
        assert_eq!(validate("block.freeze_time", "13h30"), Ok(()));
        assert_eq!(normalized("block.freeze_time", "noon"), "noon", "a time not read keeps its refusal");
        assert!(validate("block.freeze_time", "noon").is_err());
    }

    #[test]
    fn every_default_is_valid_and_every_key_is_unique() {
        for def in CATALOGUE {
            assert_eq!(validate(def.key, def.default), Ok(()), "{}", def.key);
            assert_eq!(CATALOGUE.iter().filter(|d| d.key == def.key).count(), 1, "{}", def.key);
        }
    }

    #[test]
    fn r_trace_3_the_scanner_gs_key_is_none_or_a_character_outside_set_82() {
        assert_eq!(Settings::default().scanner_gs_key(), None);
        assert_eq!(validate(SCANNER_GS_KEY, "~"), Ok(()));
        assert!(validate(SCANNER_GS_KEY, "A").is_err(), "a letter could be part of a lot");
        assert!(validate(SCANNER_GS_KEY, "~~").is_err());
        let (s, bad) = Settings::from_pairs([(SCANNER_GS_KEY.to_string(), "|".to_string())]);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(s.scanner_gs_key(), Some('|'));
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
        assert_eq!(err.to_string(), "fast.clear_h must be a number, such as 6 or 1.5, not \"two\"");
        assert!(validate("block.freeze_time", "25:00").is_err());
        assert!(validate("ward.timezone", "Mars/Olympus").is_err());
        assert!(matches!(validate("no.such", "1"), Err(SettingError::Unknown { .. })));
    }

    #[test]
    fn every_number_has_a_range_holding_its_default() {
        for def in CATALOGUE.iter().filter(|d| matches!(d.kind, Kind::Number | Kind::Integer)) {
            let (low, high) = range(def.key).unwrap_or_else(|| panic!("{} has no range", def.key));
            let default: f64 = def.default.parse().unwrap();
            assert!(low <= default && default <= high, "{}: default {default} outside {low}..={high}", def.key);
        }
        for (key, _, _) in RANGES {
            assert!(definition(key).is_some(), "a range for {key}, which is not in the catalogue");
        }
    }

    #[test]
    fn values_a_site_could_not_mean_are_refused_naming_the_range() {
        // R-FAST-1: 1e308 h printed dates in year -262143; 0 h is no fast.
        // An exponent is not how a ward writes a number; a large one is out of range.
        let err = validate("fast.solids_h", "1e308").unwrap_err();
        assert_eq!(err.to_string(), "fast.solids_h must be a number, such as 6 or 1.5, not \"1e308\"");
        let err = validate("fast.solids_h", "99999").unwrap_err();
        assert_eq!(err.to_string(), "fast.solids_h must be from 1 to 24 h, not \"99999\"");
        assert!(matches!(validate("fast.solids_h", "0"), Err(SettingError::OutOfRange { .. })));
        assert!(validate("fast.solids_h", "NaN").is_err());
        assert!(validate("fast.solids_h", "inf").is_err());
        // R-PATH-1: an admission after the procedure day.
        let err = validate(ADMIT_OFFSET_DAYS, "5").unwrap_err();
        assert_eq!(err.to_string(), "path.admit_offset_days must be from -7 to 0 days, not \"5\"");
        assert_eq!(validate(ADMIT_OFFSET_DAYS, "-2"), Ok(()));
        assert_eq!(validate("fast.solids_h", "24"), Ok(()));
        assert_eq!(validate("fast.clear_h", "0.5"), Ok(()));
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

    /// Found in use (#12): the first session at 21:00 and the last at 07:00
    /// were both accepted; and a CPA 0 h before the start.
    #[test]
    fn r_do_4_the_first_session_comes_before_the_last_and_r_anes_1_a_cpa_delay_of_a_day_at_least() {
        let defaults = |k: &str| definition(k).map(|d| d.default.to_string()).unwrap_or_default();
        assert!(check_order("do.first_session", "07:00", defaults).is_ok());
        let err = check_order("do.first_session", "21:00", defaults).unwrap_err();
        assert_eq!(err, "do.first_session (21:00) must come before do.last_session (20:00) in the day");
        assert!(check_order("do.last_session", "07:00", defaults).is_err());
        assert!(validate("anes.cpa_min_delay_h", "0").is_err());
        assert!(validate("anes.cpa_min_delay_h", "48").is_ok());
    }

    /// Issue 14: every setting says where it comes from, and its unit and
    /// refusals, in both languages; the French differs from the English.
    #[test]
    fn descriptions_units_and_refusals_are_in_both_languages() {
        use crate::domain::language::Language;
        for def in CATALOGUE {
            for language in Language::ALL {
                assert!(crate::i18n::has(language, &source_id(def.key)), "{} ({})", def.key, language.code());
            }
        }
        let english: Vec<(String, String)> =
            CATALOGUE.iter().map(|d| (d.source().into_owned(), d.unit_text().into_owned())).collect();
        let refusal = validate("fast.clear_h", "two").unwrap_err().to_string();
        let _french = crate::i18n::scope(Language::Fr);
        for (def, (source, unit)) in CATALOGUE.iter().zip(&english) {
            assert!(!def.source().is_empty() && def.source() != *source, "{}: {}", def.key, def.source());
            assert!(!def.unit_text().is_empty(), "{}", def.key);
            if unit.chars().filter(char::is_ascii_alphabetic).count() > 3 {
                assert_ne!(def.unit_text(), *unit, "{}", def.key);
            }
        }
        assert_ne!(validate("fast.clear_h", "two").unwrap_err().to_string(), refusal);
        assert_eq!(
            validate("fast.clear_h", "0.1").unwrap_err().to_string(),
            "fast.clear_h doit aller de 0,5 à 12 h, pas \"0.1\""
        );
        assert_eq!(
            Settings::default().cite("med.inr_max"),
            "med.inr_max=1,5 INR (GIHP / SFAR, actes à haut risque hémorragique)"
        );
        assert_eq!(
            check_order("do.first_session", "21:00", |k| definition(k)
                .map(|d| d.default.to_string())
                .unwrap_or_default())
            .unwrap_err(),
            "do.first_session (21:00) doit précéder do.last_session (20:00) dans la journée"
        );
    }
}
