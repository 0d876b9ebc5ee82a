//! R-TRACE-3: GS1 element strings, as a keyboard-wedge scanner types them.
//!
//! Reads (01) GTIN, (17) expiry, (10) lot, (21) serial, (11) production date
//! and (30) count, in the bracketed form printed under a barcode
//! (`(01)03453120000011(17)271231(10)AB12`) and in the raw form a scanner
//! sends (`0103453120000011172712311OAB12`, with the group separator GS,
//! ASCII 29, after a variable-length field that is not last), with or
//! without a symbology identifier in front (`]C1` GS1-128, `]d2` GS1
//! DataMatrix, `]Q3` GS1 QR, `]e0` GS1 DataBar).
//!
//! Following the GS1 General Specifications (release 24, sections 3.2, 7.8
//! and 7.12): the GTIN's check digit is verified (mod 10, weights 3 and 1
//! from the right); an expiry or production day `00` means the last day of
//! that month; a fixed-length AI needs no separator after it; the century of
//! a `YYMMDD` date is the one that puts it within 49 years before and 50
//! after the reference year (the year of the scan).
//!
//! Scanners send GS in several ways: ASCII 29 itself, another key the site
//! configures ([`Options::separator`], a character outside the GS1 set 82 so
//! it can never be part of a value), or nothing at all (some peers drop it,
//! and a lot runs into the next field). The first two are accepted; the
//! third is caught when the run-on value breaks a field's length or
//! characters, and otherwise shows in the parsed fields the user confirms
//! before saving. The whole scanned string is kept beside its parts.
//!
//! Never panics, whatever it is given (a proptest below feeds it anything).

use crate::domain::day_label;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The group separator, ASCII 29.
pub const GS: char = '\u{1d}';

/// How one site's scanners send their strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// A character the scanner sends in place of GS (a configured key).
    /// `None`: only ASCII 29.
    pub separator: Option<char>,
    /// The year of the scan, for the century of `YYMMDD` dates.
    pub reference_year: i32,
}

/// A GTIN-14 whose check digit is right (GTIN-8, -12 and -13 are carried in
/// (01) padded with zeros on the left to 14 digits).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Gtin(String);

impl Gtin {
    /// Reads 8, 12, 13 or 14 digits (padded to 14) and checks the last one.
    pub fn parse(text: &str) -> Result<Gtin, Gs1Error> {
        let text = text.trim();
        if !matches!(text.len(), 8 | 12 | 13 | 14) || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Gs1Error::BadGtin { found: shown(text) });
        }
        let padded = format!("{text:0>14}");
        let expected = check_digit(&padded[..13]);
        let found = padded.as_bytes()[13] - b'0';
        if expected != found {
            return Err(Gs1Error::CheckDigit { gtin: padded, expected, found });
        }
        Ok(Gtin(padded))
    }

    /// The 14 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Gtin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The GS1 mod-10 check digit of `digits` (ASCII digits only): weights 3
/// and 1 alternating from the rightmost digit, then the step up to a
/// multiple of ten.
pub fn check_digit(digits: &str) -> u8 {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| u32::from(b.wrapping_sub(b'0') % 10) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// What a scan said. Every field is optional: a label may carry only some.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Gs1 {
    /// (01)
    pub gtin: Option<Gtin>,
    /// (17) use by; a day `00` read as the month's last day.
    pub expiry: Option<NaiveDate>,
    /// (10) batch or lot, 1 to 20 characters of set 82.
    pub lot: Option<String>,
    /// (21) serial number, 1 to 20 characters of set 82.
    pub serial: Option<String>,
    /// (11) production date.
    pub production: Option<NaiveDate>,
    /// (30) count of items, 1 to 8 digits.
    pub count: Option<u32>,
}

/// Why a string is not a GS1 element string this program reads. Each names
/// the bad part, so the user can see what the scanner sent; the words are
/// the catalogue's (`labels-gs1-…`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Gs1Error {
    #[error("{}", tr!("labels-gs1-empty"))]
    Empty,
    #[error("{}", tr!("labels-gs1-bad-gtin", found = found.as_str()))]
    BadGtin { found: String },
    /// In an element string (01) always carries 14 digits (a GTIN-8, -12
    /// or -13 is padded with zeros on the left); 8, 12 or 13 are for a
    /// GTIN typed alone (found in use, issue 10: a 13-digit (01) was told
    /// "8, 12, 13 or 14 digits").
    #[error("{}", tr!("labels-gs1-gtin-length", found = found.as_str(), digits = *digits))]
    GtinLength { found: String, digits: usize },
    /// (17) before (11): a misprinted or misread label (found in use, issue 10).
    #[error(
        "{}",
        tr!(
            "labels-gs1-expiry-before-production",
            expiry = day_label::date_text(*expiry),
            production = day_label::date_text(*production)
        )
    )]
    ExpiryBeforeProduction { expiry: NaiveDate, production: NaiveDate },
    #[error("{}", tr!("labels-gs1-check-digit", gtin = gtin.as_str(), expected = *expected, found = *found))]
    CheckDigit { gtin: String, expected: u8, found: u8 },
    #[error("{}", tr!("labels-gs1-bad-date", ai = *ai, found = found.as_str()))]
    BadDate { ai: &'static str, found: String },
    #[error("{}", tr!("labels-gs1-too-long", ai = *ai, found = found.as_str(), max = *max))]
    TooLong { ai: &'static str, found: String, max: usize },
    #[error("{}", tr!("labels-gs1-bad-value", ai = *ai, found = found.as_str(), why = why.words()))]
    BadValue { ai: &'static str, found: String, why: ValueFault },
    #[error("{}", tr!("labels-gs1-missing", ai = *ai))]
    Missing { ai: &'static str },
    #[error("{}", tr!("labels-gs1-twice", ai = *ai))]
    Twice { ai: &'static str },
    #[error("{}", tr!("labels-gs1-unknown-ai", found = found.as_str(), at = *at))]
    UnknownAi { found: String, at: usize },
    #[error("{}", tr!("labels-gs1-unclosed", found = found.as_str()))]
    Unclosed { found: String },
}

/// What is wrong with a lot's, a serial's or a count's value ([`Gs1Error::BadValue`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueFault {
    /// A group separator inside a lot or a serial.
    HoldsGs,
    /// A character outside GS1's set 82 in a lot or a serial.
    NotInSet82,
    /// A count that is not 1 to 8 digits.
    NotACount,
}

impl ValueFault {
    /// What is wrong, in the language in force.
    pub fn words(self) -> std::borrow::Cow<'static, str> {
        match self {
            ValueFault::HoldsGs => tr!("labels-gs1-holds-gs"),
            ValueFault::NotInSet82 => tr!("labels-gs1-not-set-82"),
            ValueFault::NotACount => tr!("labels-gs1-not-a-count"),
        }
    }
}

/// The identifiers read, with the length of their value (fixed) or its
/// largest (variable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ai {
    Gtin,
    Production,
    Expiry,
    Lot,
    Serial,
    Count,
}

impl Ai {
    const ALL: [Ai; 6] = [Ai::Gtin, Ai::Production, Ai::Expiry, Ai::Lot, Ai::Serial, Ai::Count];

    fn code(self) -> &'static str {
        match self {
            Ai::Gtin => "01",
            Ai::Production => "11",
            Ai::Expiry => "17",
            Ai::Lot => "10",
            Ai::Serial => "21",
            Ai::Count => "30",
        }
    }

    /// `Some(n)`: exactly n characters; `None`: variable, up to [`Ai::max`].
    fn fixed(self) -> Option<usize> {
        match self {
            Ai::Gtin => Some(14),
            Ai::Production | Ai::Expiry => Some(6),
            Ai::Lot | Ai::Serial | Ai::Count => None,
        }
    }

    fn max(self) -> usize {
        match self {
            Ai::Count => 8,
            Ai::Lot | Ai::Serial => 20,
            other => other.fixed().unwrap_or(0),
        }
    }

    fn from_code(code: &str) -> Option<Ai> {
        Ai::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Parses one scanned or typed string. Leading and trailing whitespace (the
/// Enter a scanner sends) is ignored.
///
/// Errors: [`Gs1Error`] naming the bad part; nothing is guessed.
pub fn parse(input: &str, options: Options) -> Result<Gs1, Gs1Error> {
    let text = input.trim_matches(|c: char| c.is_whitespace() && c != GS);
    let text = strip_symbology(text);
    let text: String = text.chars().map(|c| if Some(c) == options.separator { GS } else { c }).collect();
    let text = text.trim_start_matches(GS);
    if text.is_empty() {
        return Err(Gs1Error::Empty);
    }
    let pairs = if text.starts_with('(') { split_bracketed(text)? } else { split_raw(text)? };
    let mut out = Gs1::default();
    let mut seen: Vec<Ai> = Vec::new();
    for (ai, value) in pairs {
        if seen.contains(&ai) {
            return Err(Gs1Error::Twice { ai: ai.code() });
        }
        seen.push(ai);
        read_value(&mut out, ai, &value, options.reference_year)?;
    }
    if let (Some(expiry), Some(production)) = (out.expiry, out.production)
        && expiry < production
    {
        return Err(Gs1Error::ExpiryBeforeProduction { expiry, production });
    }
    Ok(out)
}

/// R-TRACE-3: what a variable-length value (lot (10), serial (21)) may
/// have swallowed when a scanner dropped the group separator after it: an
/// identifier the label otherwise lacks, inside the value, followed by a
/// plausible value of its own (`17` and a real YYMMDD day, `11` likewise,
/// `21` or `10` and at least one character). Only identifiers missing from
/// the label are looked for, so a lot that merely holds the digits `17`
/// beside an expiry of its own says nothing. Each warning names the field,
/// what it may hold and the way to check (found in use, issue 10:
/// `…10NOGS2117290131` was read as lot `NOGS2117290131`, no expiry).
pub fn swallowed(gs1: &Gs1, reference_year: i32) -> Vec<String> {
    let mut out = Vec::new();
    // The field and what it may hold by their codes; the catalogue words them.
    let fields = [("lot", Ai::Lot, gs1.lot.as_deref()), ("serial", Ai::Serial, gs1.serial.as_deref())];
    for (field, own, value) in fields {
        let Some(value) = value else { continue };
        let missing: Vec<(Ai, &str)> = [
            (Ai::Expiry, "expiry", gs1.expiry.is_none()),
            (Ai::Production, "production", gs1.production.is_none()),
            (Ai::Serial, "serial", gs1.serial.is_none()),
            (Ai::Lot, "lot", gs1.lot.is_none()),
        ]
        .into_iter()
        .filter(|(ai, _, absent)| *absent && *ai != own)
        .map(|(ai, what, _)| (ai, what))
        .collect();
        // A date found is strong evidence; a variable field only when none is.
        let dated = missing.iter().filter(|(ai, _)| ai.fixed().is_some());
        let open = missing.iter().filter(|(ai, _)| ai.fixed().is_none());
        for group in [dated.collect::<Vec<_>>(), open.collect::<Vec<_>>()] {
            if let Some(found) =
                group.iter().find_map(|(ai, what)| inside(value, *ai, reference_year).map(|v| (ai, what, v)))
            {
                let (ai, what, v) = found;
                out.push(
                    tr!("labels-gs1-swallowed", field = field, what = *what, ai = ai.code(), value = v).into_owned(),
                );
                break;
            }
        }
    }
    out
}

/// The value of `ai` inside `value` (not at its start), when its code is
/// followed by a plausible value: a real day for a date, any character for
/// a variable field.
fn inside(value: &str, ai: Ai, reference_year: i32) -> Option<String> {
    value.char_indices().skip(1).find_map(|(i, _)| {
        let tail = value[i..].strip_prefix(ai.code())?;
        match ai.fixed() {
            Some(n) => tail.get(..n).filter(|d| date(d, reference_year).is_some()).map(String::from),
            None => (!tail.is_empty()).then(|| tail.to_string()),
        }
    })
}

/// `]C1`, `]d2`, `]Q3`, `]e0`…: a `]`, a letter and a digit the scanner
/// puts in front to say which symbology it read.
fn strip_symbology(text: &str) -> &str {
    let b = text.as_bytes();
    if b.len() >= 3 && b[0] == b']' && b[1].is_ascii_alphabetic() && b[2].is_ascii_digit() { &text[3..] } else { text }
}

/// `(01)…(17)…`: a value runs to the next bracket that holds an identifier
/// this program reads (a lot may itself hold a bracket).
fn split_bracketed(text: &str) -> Result<Vec<(Ai, String)>, Gs1Error> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(close) = rest.find(')') else {
            return Err(Gs1Error::Unclosed { found: shown(rest) });
        };
        let code = &rest[1..close];
        let ai = Ai::from_code(code)
            .ok_or_else(|| Gs1Error::UnknownAi { found: shown(&rest[..=close]), at: text.len() - rest.len() + 1 })?;
        let body = &rest[close + 1..];
        let end = next_bracket(body).unwrap_or(body.len());
        out.push((ai, body[..end].trim_end_matches(GS).to_string()));
        rest = &body[end..];
    }
    Ok(out)
}

/// Where the next identifier starts in `body`: a bracket holding one this
/// program reads, or any 2 to 4 digits in brackets (the shape of every GS1
/// identifier), so that an unknown one is named as such, at its place, and
/// not read as part of the value before it (found in use, fix 10: `(99)`
/// after a GTIN was blamed on the GTIN). A lot holding other brackets
/// (`A(B)`) keeps them.
fn next_bracket(body: &str) -> Option<usize> {
    body.char_indices().map(|(i, _)| i).find(|&i| {
        let tail = &body[i..];
        tail.starts_with('(')
            && tail.find(')').is_some_and(|close| {
                let inner = &tail[1..close];
                Ai::from_code(inner).is_some()
                    || ((2..=4).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit()))
            })
    })
}

/// The raw form: two-digit identifiers; a fixed-length value takes its
/// length, a variable one runs to GS or the end.
fn split_raw(text: &str) -> Result<Vec<(Ai, String)>, Gs1Error> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == GS {
            i += 1;
            continue;
        }
        let code: String = chars[i..chars.len().min(i + 2)].iter().collect();
        let Some(ai) = Ai::from_code(&code).filter(|_| code.len() == 2) else {
            let found: String = chars[i..chars.len().min(i + 4)].iter().collect();
            return Err(Gs1Error::UnknownAi { found: shown(&found), at: i + 1 });
        };
        i += 2;
        let value: String = match ai.fixed() {
            Some(n) => {
                let end = chars.len().min(i + n);
                let value: String = chars[i..end].iter().take_while(|c| **c != GS).collect();
                i += value.chars().count();
                value
            }
            None => {
                let value: String = chars[i..].iter().take_while(|c| **c != GS).collect();
                i += value.chars().count();
                value
            }
        };
        out.push((ai, value));
    }
    Ok(out)
}

fn read_value(out: &mut Gs1, ai: Ai, value: &str, year: i32) -> Result<(), Gs1Error> {
    let code = ai.code();
    if value.is_empty() {
        return Err(Gs1Error::Missing { ai: code });
    }
    if value.chars().count() > ai.max() && ai.fixed().is_none() {
        return Err(Gs1Error::TooLong { ai: code, found: shown(value), max: ai.max() });
    }
    match ai {
        Ai::Gtin => {
            if value.chars().count() != 14 || !value.bytes().all(|b| b.is_ascii_digit()) {
                let digits = value.bytes().filter(u8::is_ascii_digit).count();
                if digits == value.chars().count() {
                    return Err(Gs1Error::GtinLength { found: shown(value), digits });
                }
                return Err(Gs1Error::BadGtin { found: shown(value) });
            }
            out.gtin = Some(Gtin::parse(value)?);
        }
        Ai::Expiry | Ai::Production => {
            let day = date(value, year).ok_or(Gs1Error::BadDate { ai: code, found: shown(value) })?;
            if ai == Ai::Expiry {
                out.expiry = Some(day);
            } else {
                out.production = Some(day);
            }
        }
        Ai::Lot | Ai::Serial => {
            if let Some(bad) = value.chars().find(|c| !in_set_82(*c)) {
                let why = if bad == GS { ValueFault::HoldsGs } else { ValueFault::NotInSet82 };
                return Err(Gs1Error::BadValue { ai: code, found: shown(value), why });
            }
            if ai == Ai::Lot {
                out.lot = Some(value.to_string());
            } else {
                out.serial = Some(value.to_string());
            }
        }
        Ai::Count => {
            let n = value
                .parse::<u32>()
                .ok()
                .filter(|_| value.bytes().all(|b| b.is_ascii_digit()))
                .ok_or(Gs1Error::BadValue { ai: code, found: shown(value), why: ValueFault::NotACount })?;
            out.count = Some(n);
        }
    }
    Ok(())
}

/// `YYMMDD` with the GS1 century rule around `year`; day `00` is the
/// month's last day.
fn date(text: &str, year: i32) -> Option<NaiveDate> {
    if text.len() != 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (yy, mm, dd): (i32, u32, u32) = (text[0..2].parse().ok()?, text[2..4].parse().ok()?, text[4..6].parse().ok()?);
    let full = century(yy, year);
    if dd == 0 {
        return last_day_of_month(full, mm);
    }
    NaiveDate::from_ymd_opt(full, mm, dd)
}

/// GS1 General Specifications 7.12: the year within [-49, +50] of the
/// reference year whose last two digits are `yy`.
fn century(yy: i32, reference: i32) -> i32 {
    let base = reference - reference.rem_euclid(100) + yy;
    let diff = base - reference;
    if diff > 50 {
        base - 100
    } else if diff < -49 {
        base + 100
    } else {
        base
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month.checked_add(1)?, 1)?
    };
    first_next.pred_opt().filter(|_| (1..=12).contains(&month))
}

/// GS1 AI encodable character set 82 (General Specifications, figure 7.11-1).
pub fn in_set_82(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!\"%&'()*+,-./:;<=>?_".contains(c)
}

/// A value as an error shows it: control characters escaped (GS as `<GS>`),
/// cut at 40 characters.
fn shown(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == 40 {
            out.push('…');
            break;
        }
        match c {
            GS => out.push_str("<GS>"),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

fn yymmdd(day: NaiveDate) -> String {
    format!("{:02}{:02}{:02}", day.year().rem_euclid(100), day.month(), day.day())
}

/// The fields in GS1's order, as (identifier, value) text.
fn elements(gs1: &Gs1) -> Vec<(&'static str, String, bool)> {
    let mut out = Vec::new();
    if let Some(g) = &gs1.gtin {
        out.push(("01", g.to_string(), true));
    }
    if let Some(d) = gs1.production {
        out.push(("11", yymmdd(d), true));
    }
    if let Some(d) = gs1.expiry {
        out.push(("17", yymmdd(d), true));
    }
    if let Some(n) = gs1.count {
        out.push(("30", n.to_string(), false));
    }
    if let Some(l) = &gs1.lot {
        out.push(("10", l.clone(), false));
    }
    if let Some(s) = &gs1.serial {
        out.push(("21", s.clone(), false));
    }
    out
}

/// The human-readable form: `(01)03453120000011(17)271231(10)AB12`.
pub fn bracketed(gs1: &Gs1) -> String {
    elements(gs1).into_iter().map(|(ai, value, _)| format!("({ai}){value}")).collect()
}

/// The form a scanner sends: fixed-length fields first, a GS after each
/// variable-length field except the last.
pub fn raw(gs1: &Gs1) -> String {
    let items = elements(gs1);
    let last = items.len().saturating_sub(1);
    let mut out = String::new();
    for (i, (ai, value, fixed)) in items.into_iter().enumerate() {
        out.push_str(ai);
        out.push_str(&value);
        if !fixed && i != last {
            out.push(GS);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn options() -> Options {
        Options { separator: None, reference_year: 2026 }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A real GTIN: 0345312000001 + its check digit 1.
    const GTIN: &str = "03453120000011";

    #[test]
    fn r_trace_3_the_check_digit_is_verified() {
        assert_eq!(check_digit("0345312000001"), 1);
        assert_eq!(Gtin::parse(GTIN).unwrap().as_str(), GTIN);
        // GTIN-13 4006381333931 (a well-known example) is padded to 14.
        assert_eq!(Gtin::parse("4006381333931").unwrap().as_str(), "04006381333931");
        let err = Gtin::parse("03453120000012").unwrap_err();
        assert_eq!(err, Gs1Error::CheckDigit { gtin: "03453120000012".into(), expected: 1, found: 2 });
        assert!(err.to_string().contains("check digit is 2"), "{err}");
        assert!(matches!(Gtin::parse("12345"), Err(Gs1Error::BadGtin { .. })));
    }

    #[test]
    fn r_trace_3_bracketed_raw_and_prefixed_forms_read_the_same() {
        let want = Gs1 {
            gtin: Some(Gtin::parse(GTIN).unwrap()),
            expiry: Some(day(2027, 12, 31)),
            lot: Some("AB12".into()),
            serial: Some("S0001".into()),
            production: Some(day(2025, 1, 15)),
            count: Some(5),
        };
        let forms = [
            format!("(01){GTIN}(11)250115(17)271231(30)5(10)AB12(21)S0001"),
            format!("01{GTIN}1125011517271231305{GS}10AB12{GS}21S0001"),
            format!("]C101{GTIN}1125011517271231305{GS}10AB12{GS}21S0001\r\n"),
            format!("]d201{GTIN}1125011517271231305{GS}10AB12{GS}21S0001"),
            format!("]Q3(01){GTIN}(11)250115(17)271231(30)5(10)AB12(21)S0001"),
        ];
        for form in &forms {
            let parsed = parse(form, options());
            assert_eq!(parsed.as_ref().ok(), Some(&want), "{form:?}: {parsed:?}");
        }
    }

    #[test]
    fn r_trace_3_a_configured_key_stands_for_gs() {
        let text = format!("01{GTIN}10LOT7~21SER9");
        let with = Options { separator: Some('~'), reference_year: 2026 };
        let parsed = parse(&text, with).unwrap();
        assert_eq!((parsed.lot.as_deref(), parsed.serial.as_deref()), (Some("LOT7"), Some("SER9")));
        // Without the setting the tilde is a bad character in the lot.
        let err = parse(&text, options()).unwrap_err();
        assert!(matches!(err, Gs1Error::BadValue { ai: "10", .. }), "{err:?}");
    }

    #[test]
    fn r_trace_3_fixed_length_fields_need_no_separator() {
        let parsed = parse(&format!("01{GTIN}1727063010X1"), options()).unwrap();
        assert_eq!(parsed.expiry, Some(day(2027, 6, 30)));
        assert_eq!(parsed.lot.as_deref(), Some("X1"));
    }

    #[test]
    fn r_trace_3_expiry_day_00_is_the_last_day_of_the_month() {
        let parsed = parse("(17)280200", options()).unwrap();
        assert_eq!(parsed.expiry, Some(day(2028, 2, 29)));
        assert_eq!(parse("(17)271200", options()).unwrap().expiry, Some(day(2027, 12, 31)));
        assert_eq!(parse("(17)270400", options()).unwrap().expiry, Some(day(2027, 4, 30)));
    }

    #[test]
    fn r_trace_3_the_century_follows_the_gs1_rule() {
        assert_eq!(century(76, 2026), 2076);
        assert_eq!(century(77, 2026), 1977);
        assert_eq!(century(0, 2026), 2000);
        assert_eq!(century(30, 2090), 2130);
    }

    /// Found in use (fix 10, #9): an unknown identifier after a GTIN was
    /// reported as a bad GTIN. The message names the identifier and where.
    #[test]
    fn r_trace_3_an_unknown_identifier_is_named_not_the_gtin_before_it() {
        let text = format!("(01){GTIN}(99)X1(10)A1");
        let err = parse(&text, options()).unwrap_err();
        assert_eq!(err, Gs1Error::UnknownAi { found: "(99)".into(), at: 19 });
        assert!(err.to_string().starts_with("(99): not an application identifier this program reads, at character 19"));
        let err = parse(&format!("(01){GTIN}(10)A1(240)X"), options()).unwrap_err();
        assert!(matches!(err, Gs1Error::UnknownAi { ref found, .. } if found == "(240)"), "{err}");
        let err = parse(&format!("01{GTIN}99X1"), options()).unwrap_err();
        assert!(matches!(err, Gs1Error::UnknownAi { at: 17, .. }), "{err}");
        // A lot with brackets that are no identifier keeps them.
        assert_eq!(parse(&format!("(01){GTIN}(10)A(B)"), options()).unwrap().lot.as_deref(), Some("A(B)"));
    }

    #[test]
    fn r_trace_3_malformed_strings_name_the_bad_part() {
        let cases: [(&str, &str); 9] = [
            ("", "nothing scanned"),
            ("(01)03453120000012", "check digit is 2"),
            ("(17)271340", "(17) 271340: not a date"),
            ("(99)ABC", "(99): not an application identifier"),
            ("(10)", "(10) is empty"),
            ("(10)A(10)B", "(10) appears twice"),
            ("(10)ABCDEFGHIJKLMNOPQRSTUVWXYZ", "longer than 20 characters"),
            ("(01", "a bracket is not closed"),
            ("(30)12x", "not a count"),
        ];
        for (input, said) in cases {
            let err = parse(input, options()).unwrap_err().to_string();
            assert!(err.contains(said), "{input:?}: {err}");
        }
        // A peer that dropped GS: the lot runs into the serial and is too long.
        let err = parse(&format!("01{GTIN}10LOT123456789012345621SER"), options()).unwrap_err();
        assert!(matches!(err, Gs1Error::TooLong { ai: "10", .. }), "{err:?}");
        // A raw string that is cut short names where.
        let err = parse("0103453", options()).unwrap_err();
        assert!(matches!(err, Gs1Error::GtinLength { digits: 5, .. }), "{err:?}");
    }

    /// Found in use (issue 10, #7): a 13-digit (01) was refused as "not a
    /// GTIN (8, 12, 13 or 14 digits)", which allowed 13. In an element
    /// string (01) is always 14 digits, and the message says so.
    #[test]
    fn r_trace_3_a_short_01_says_it_needs_14_digits() {
        let err = parse("(01)4006381333931(10)A1", options()).unwrap_err();
        assert_eq!(err, Gs1Error::GtinLength { found: "4006381333931".into(), digits: 13 });
        let text = err.to_string();
        assert!(text.contains("13 digit(s), but in a GS1 string (01) is always 14 digits"), "{text}");
        assert!(!text.contains("8, 12, 13 or 14"), "{text}");
    }

    /// Found in use (issue 10, #4): an expiry before the production date
    /// was saved without a word. It is refused, naming both dates.
    #[test]
    fn r_trace_3_an_expiry_before_the_production_date_is_refused() {
        let err = parse("(11)260101(17)250101(10)A1", options()).unwrap_err();
        assert_eq!(err, Gs1Error::ExpiryBeforeProduction { expiry: day(2025, 1, 1), production: day(2026, 1, 1) });
        let text = err.to_string();
        assert!(text.contains("use-by 01/01/2025 is before (11) production date 01/01/2026"), "{text}");
        assert!(parse("(11)250101(17)250101(10)A1", options()).is_ok(), "the same day is allowed");
    }

    /// Found in use (issue 10, #9): a raw string whose GS was dropped after
    /// the lot was read as one long lot, no expiry, without a hint. The
    /// identifiers the label lacks, found inside the lot with a plausible
    /// value, are named; a lot beside its own expiry says nothing.
    #[test]
    fn r_trace_3_a_lot_that_swallowed_an_identifier_is_flagged() {
        let parsed = parse("]C1010345312000007310NOGS2117290131", options()).unwrap();
        assert_eq!(parsed.lot.as_deref(), Some("NOGS2117290131"));
        let warnings = swallowed(&parsed, 2026);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("the lot may have swallowed"), "{warnings:?}");
        let parsed = parse(&format!("01{GTIN}10AB1729013"), options()).unwrap();
        assert!(swallowed(&parsed, 2026).is_empty(), "17 and 5 digits is no date: {parsed:?}");
        let parsed = parse(&format!("01{GTIN}10AB17290131"), options()).unwrap();
        let w = swallowed(&parsed, 2026);
        assert!(w[0].contains("an expiry (17)290131: the scanner may have dropped the group separator"), "{w:?}");
        // The label has its own expiry and serial: digits in the lot are the lot's.
        let parsed = parse(&format!("01{GTIN}17271231{GS}10AB1729013121X{GS}21S1"), options()).unwrap();
        assert!(swallowed(&parsed, 2026).is_empty(), "{parsed:?}");
    }

    /// Issue 14: each refusal and the swallowed-field warning in French;
    /// the identifiers keep their standard names (GTIN, lot, péremption).
    #[test]
    fn r_trace_3_refusals_are_said_in_french() {
        let _fr = crate::i18n::scope(crate::domain::language::Language::Fr);
        let refused = |input: &str| parse(input, options()).unwrap_err().to_string();
        assert_eq!(
            refused("(01)03453120000012"),
            "GTIN 03453120000012\u{a0}: la clé de contrôle est 2 mais les chiffres qui la précèdent donnent 1\u{a0}; \
             un chiffre a été mal lu ou mal tapé, scannez à nouveau"
        );
        assert_eq!(
            refused("(11)260101(17)250101(10)A1"),
            "(17) péremption 01/01/2025 avant (11) date de fabrication 01/01/2026\u{a0}: étiquette mal lue ou mal \
             imprimée\u{a0}; vérifiez les deux dates sur la boîte"
        );
        assert!(refused("(99)ABC").ends_with(
            "il lit (01) GTIN, (17) péremption, (10) lot, (21) série, (11) date de fabrication et (30) quantité"
        ));
        let cases: [(&str, &str); 8] = [
            ("", "rien de scanné"),
            ("(17)271340", "(17) 271340\u{a0}: pas une date AAMMJJ"),
            ("(10)", "(10) est vide"),
            ("(10)A(10)B", "(10) apparaît deux fois"),
            ("(10)ABCDEFGHIJKLMNOPQRSTUVWXYZ", "plus de 20 caractères"),
            ("(01", "une parenthèse n'est pas fermée"),
            ("(30)12x", "(30) 12x\u{a0}: pas une quantité (1 à 8 chiffres)"),
            ("(01)4006381333931", "13 chiffre(s), or dans un code GS1 (01) a toujours 14 chiffres"),
        ];
        for (input, said) in cases {
            let err = refused(input);
            assert!(err.contains(said), "{input:?}: {err}");
        }
        assert!(refused(&format!("01{GTIN}10LOT7~21S")).ends_with(
            "contient un caractère que GS1 n'admet pas dans un \
             lot ou une série (lettres, chiffres et\u{a0}!\"%&'()*+,-./:;<=>?_ seulement)"
        ));
        assert!(refused("(10)A\u{1d}B(10)C").contains("(10) A<GS>B\u{a0}: contient un séparateur de groupe"));
        let parsed = parse("]C1010345312000007310NOGS2117290131", options()).unwrap();
        assert_eq!(
            swallowed(&parsed, 2026),
            ["le lot a peut-être absorbé une péremption (17)290131\u{a0}: le lecteur a peut-être perdu le \
              séparateur de groupe\u{a0}; vérifiez l'étiquette"]
        );
        let parsed = parse(&format!("01{GTIN}1727123121S10X1"), options()).unwrap();
        assert_eq!(swallowed(&parsed, 2026).len(), 1, "{parsed:?}");
        assert!(swallowed(&parsed, 2026)[0].starts_with("la série a peut-être absorbé un lot (10)X1"));
    }

    fn set_82() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[A-Za-z0-9!\"%&'*+,\\-./:;<=>?_]{1,20}").unwrap()
    }

    fn any_gs1() -> impl Strategy<Value = Gs1> {
        let days = (1977i32..2076, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        let gtin = proptest::string::string_regex("[0-9]{13}").unwrap().prop_map(|d| {
            let full = format!("{d}{}", check_digit(&d));
            Gtin::parse(&full).unwrap()
        });
        (
            proptest::option::of(gtin),
            proptest::option::of(days.clone()),
            proptest::option::of(set_82()),
            proptest::option::of(set_82()),
            proptest::option::of(days),
            proptest::option::of(0u32..100_000_000),
        )
            .prop_map(|(gtin, expiry, lot, serial, production, count)| Gs1 {
                gtin,
                expiry,
                lot,
                serial,
                production,
                count,
            })
            .prop_filter("at least one field", |g| g != &Gs1::default())
            .prop_filter("no expiry before the production date", |g| match (g.expiry, g.production) {
                (Some(e), Some(p)) => e >= p,
                _ => true,
            })
    }

    proptest! {
        #[test]
        fn r_trace_3_no_input_panics(input in ".{0,80}", sep in proptest::option::of(any::<char>())) {
            let _ = parse(&input, Options { separator: sep, reference_year: 2026 });
        }

        #[test]
        fn r_trace_3_no_scanner_like_input_panics(input in "(\\]C1|\\]d2)?[0-9()A-Z\u{1d}]{0,60}") {
            let _ = parse(&input, options());
        }

        #[test]
        fn r_trace_3_parse_of_format_is_the_same(gs1 in any_gs1(), prefix in "(|\\]C1|\\]d2|\\]Q3)") {
            prop_assert_eq!(parse(&raw(&gs1), options()), Ok(gs1.clone()));
            prop_assert_eq!(parse(&format!("{prefix}{}", raw(&gs1)), options()), Ok(gs1.clone()));
            prop_assert_eq!(parse(&bracketed(&gs1), options()), Ok(gs1.clone()));
        }
    }
}
