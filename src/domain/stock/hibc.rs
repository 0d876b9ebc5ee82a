//! R-TRACE-3 (stretch): HIBC, the other UDI carrier on implants in Europe
//! (EU MDR), in the Supplier Labeling Standard's LIC form (ANSI/HIBC 2.6):
//!
//! - primary `+` LIC (4 characters, the first a letter) PCN (1-18) U/M (a
//!   digit) and a check character;
//! - secondary `+` data, the link character (the primary's check) and a
//!   check character; data is `$` lot, `$+` serial, `$$` with an expiry
//!   (`MMYY`, `2` MMDDYY, `3` YYMMDD, `4` YYMMDDHH, `5` YYJJJ, `6` YYJJJHH,
//!   `7` none) then a lot, `$$+` the same with a serial, or the old `YYJJJ`
//!   date then a lot;
//! - concatenated: primary `/` secondary data, one check character.
//!
//! The check character is the sum of every character's value (0-9, A-Z
//! 10-35, `-` 36, `.` 37, space 38, `$` 39, `/` 40, `+` 41, `%` 42) modulo
//! 43. Never panics; a malformed string is refused naming the bad part.

use chrono::NaiveDate;

/// What an HIBC label said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hibc {
    /// Labeler identification code (4 characters).
    pub lic: String,
    /// Product or catalogue number.
    pub pcn: String,
    /// Unit of measure digit (0: the unit of use).
    pub unit: u8,
    pub expiry: Option<NaiveDate>,
    pub lot: Option<String>,
    pub serial: Option<String>,
}

/// Why a string is not an HIBC label this program reads, naming the bad
/// part; the words are the catalogue's (`labels-hibc-…`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HibcError {
    #[error("{}", tr!("labels-hibc-not-hibc", found = found.as_str()))]
    NotHibc { found: String },
    #[error("{}", tr!("labels-hibc-check", found = found.as_str(), want = want.to_string(), got = got.to_string()))]
    Check { found: String, want: char, got: char },
    #[error("{}", tr!("labels-hibc-bad-char", found = found.as_str(), bad = format!("{bad:?}")))]
    BadChar { found: String, bad: char },
    #[error("{}", tr!("labels-hibc-malformed", found = found.as_str(), why = why.words()))]
    Malformed { found: String, why: Fault },
}

/// What is wrong inside a label whose characters are HIBC's ([`HibcError::Malformed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The secondary's link character is not the primary's check character.
    Link,
    /// The product number is not 1 to 18 letters or digits and a unit digit.
    ProductNumber,
    /// The expiry after the date format flag is not a day.
    ExpiryNotADay,
    /// The secondary starts with neither `$`, `$$` nor a date `YYJJJ`.
    SecondaryStart,
    /// `$$` with no date format flag after it.
    NoDateFlag,
    /// A date or quantity format flag this program does not read.
    DateFormat,
    /// The lot or serial is not 1 to 18 characters.
    NumberLength,
}

impl Fault {
    /// What is wrong, in the language in force.
    pub fn words(self) -> std::borrow::Cow<'static, str> {
        match self {
            Fault::Link => tr!("labels-hibc-link"),
            Fault::ProductNumber => tr!("labels-hibc-product-number"),
            Fault::ExpiryNotADay => tr!("labels-hibc-expiry-not-a-day"),
            Fault::SecondaryStart => tr!("labels-hibc-secondary-start"),
            Fault::NoDateFlag => tr!("labels-hibc-no-date-flag"),
            Fault::DateFormat => tr!("labels-hibc-date-format"),
            Fault::NumberLength => tr!("labels-hibc-number-length"),
        }
    }
}

const CHARS: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%"; // i18n: the HIBC alphabet

fn value(c: char) -> Option<usize> {
    CHARS.find(c)
}

/// The mod-43 check character of `text`, or `None` if a character is not
/// in the HIBC set.
pub fn check_char(text: &str) -> Option<char> {
    let mut sum = 0;
    for c in text.chars() {
        sum += value(c)?;
    }
    CHARS.chars().nth(sum % 43)
}

fn cut(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Reads one HIBC string: a primary, a secondary joined to a primary by `/`
/// (concatenated), or a primary then a secondary scanned one after the
/// other (two `+` strings, the second's link character the first's check).
pub fn parse(input: &str) -> Result<Hibc, HibcError> {
    // Only the Enter a scanner sends is dropped: a space may be the check character.
    let text = input.trim_matches(|c| c == '\r' || c == '\n');
    let text = text.strip_prefix("]C0").or_else(|| text.strip_prefix("]d1")).unwrap_or(text);
    let found = cut(text);
    if let Some(bad) = text.chars().find(|c| value(*c).is_none()) {
        return Err(HibcError::BadChar { found, bad });
    }
    // A primary and a secondary scanned one after the other: `+…C+…LC`.
    if let Some(at) = text[1.min(text.len())..].find('+').map(|i| i + 1)
        && !text[..at].contains('/')
        && !text[at..].starts_with("$+")
        && text.get(at - 1..at) != Some("$")
    {
        let (primary, secondary) = text.split_at(at);
        let mut out = parse_primary(primary, true)?;
        let link = primary.chars().last().unwrap_or(' ');
        let body = checked(secondary)?;
        let Some(data) = body.strip_prefix('+').and_then(|b| b.strip_suffix(link)) else {
            return Err(HibcError::Malformed { found, why: Fault::Link });
        };
        read_secondary(&mut out, data, &found)?;
        return Ok(out);
    }
    let body = checked(text)?;
    match body.split_once('/') {
        Some((primary, data)) => {
            let mut out = parse_primary(primary, false)?;
            read_secondary(&mut out, data, &found)?;
            Ok(out)
        }
        None => parse_primary(body, false),
    }
}

/// `text` without its last (check) character, once the check is right.
fn checked(text: &str) -> Result<&str, HibcError> {
    let found = cut(text);
    let Some(got) = text.chars().last() else {
        return Err(HibcError::NotHibc { found });
    };
    let body = &text[..text.len() - got.len_utf8()];
    let want = check_char(body).ok_or(HibcError::NotHibc { found: found.clone() })?;
    if want != got {
        return Err(HibcError::Check { found, want, got });
    }
    Ok(body)
}

/// `+LIC PCN U/M` (with its check character when `with_check`).
fn parse_primary(text: &str, with_check: bool) -> Result<Hibc, HibcError> {
    let found = cut(text);
    let body = if with_check { checked(text)? } else { text };
    let Some(rest) = body.strip_prefix('+') else {
        return Err(HibcError::NotHibc { found });
    };
    let chars: Vec<char> = rest.chars().collect();
    if chars.len() < 6 || !chars[0].is_ascii_uppercase() || !chars[..4].iter().all(char::is_ascii_alphanumeric) {
        return Err(HibcError::NotHibc { found });
    }
    let unit = chars[chars.len() - 1];
    let pcn: String = chars[4..chars.len() - 1].iter().collect();
    if !unit.is_ascii_digit() || pcn.len() > 18 || !pcn.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(HibcError::Malformed { found, why: Fault::ProductNumber });
    }
    Ok(Hibc { lic: chars[..4].iter().collect(), pcn, unit: unit as u8 - b'0', ..Hibc::default() })
}

fn digits(text: &str, n: usize) -> Option<(&str, &str)> {
    (text.len() >= n && text.as_bytes()[..n].iter().all(u8::is_ascii_digit)).then(|| text.split_at(n))
}

fn day(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2000 + y.parse::<i32>().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn julian(yy: &str, jjj: &str) -> Option<NaiveDate> {
    NaiveDate::from_yo_opt(2000 + yy.parse::<i32>().ok()?, jjj.parse().ok()?)
}

fn month_end(y: &str, m: &str) -> Option<NaiveDate> {
    let (y, m): (i32, u32) = (2000 + y.parse::<i32>().ok()?, m.parse().ok()?);
    let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
    next.pred_opt().filter(|_| (1..=12).contains(&m))
}

/// The secondary data: a date (by its format flag) then a lot or a serial.
fn read_secondary(out: &mut Hibc, data: &str, found: &str) -> Result<(), HibcError> {
    let bad = |why| HibcError::Malformed { found: found.to_string(), why };
    let bad_date = || bad(Fault::ExpiryNotADay);
    let (serial, rest, dated) = if let Some(r) = data.strip_prefix("$$+") {
        (true, r, true)
    } else if let Some(r) = data.strip_prefix("$$") {
        (false, r, true)
    } else if let Some(r) = data.strip_prefix("$+") {
        (true, r, false)
    } else if let Some(r) = data.strip_prefix('$') {
        (false, r, false)
    } else {
        // The old form: YYJJJ then the lot.
        let (date, lot) = digits(data, 5).ok_or_else(|| bad(Fault::SecondaryStart))?;
        out.expiry = Some(julian(&date[..2], &date[2..]).ok_or_else(bad_date)?);
        return set_number(out, lot, false, found);
    };
    let rest = if dated {
        let flag = rest.chars().next().ok_or_else(|| bad(Fault::NoDateFlag))?;
        let (expiry, number) = match flag {
            '0' | '1' => {
                let (d, n) = digits(rest, 4).ok_or_else(bad_date)?;
                (month_end(&d[2..], &d[..2]), n)
            }
            '2' => {
                let (d, n) = digits(&rest[1..], 6).ok_or_else(bad_date)?;
                (day(&d[4..], &d[..2], &d[2..4]), n)
            }
            '3' | '4' => {
                let len = if flag == '3' { 6 } else { 8 };
                let (d, n) = digits(&rest[1..], len).ok_or_else(bad_date)?;
                (day(&d[..2], &d[2..4], &d[4..6]), n)
            }
            '5' | '6' => {
                let len = if flag == '5' { 5 } else { 7 };
                let (d, n) = digits(&rest[1..], len).ok_or_else(bad_date)?;
                (julian(&d[..2], &d[2..5]), n)
            }
            '7' => (None, &rest[1..]),
            _ => return Err(bad(Fault::DateFormat)),
        };
        if flag != '7' {
            out.expiry = Some(expiry.ok_or_else(bad_date)?);
        }
        number
    } else {
        rest
    };
    set_number(out, rest, serial, found)
}

fn set_number(out: &mut Hibc, number: &str, serial: bool, found: &str) -> Result<(), HibcError> {
    // Supplemental data (`/16D…`) is not read; the number stops at it.
    let number = number.split('/').next().unwrap_or_default();
    if number.is_empty() || number.len() > 18 {
        return Err(HibcError::Malformed { found: found.to_string(), why: Fault::NumberLength });
    }
    if serial {
        out.serial = Some(number.to_string());
    } else {
        out.lot = Some(number.to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Appends the check character.
    fn with_check(body: &str) -> String {
        format!("{body}{}", check_char(body).unwrap())
    }

    #[test]
    fn r_trace_3_hibc_check_character_is_mod_43() {
        // The standard's example primary, +A123BJC5D6E71G: 145 mod 43 = 16, G.
        assert_eq!(check_char("+A123BJC5D6E71"), Some('G'));
        assert_eq!(check_char("+"), Some('+'));
        assert!(parse("+A123BJC5D6E71G").is_ok());
        let err = parse("+A123BJC5D6E71H").unwrap_err();
        assert_eq!(err, HibcError::Check { found: "+A123BJC5D6E71H".into(), want: 'G', got: 'H' });
        assert!(err.to_string().contains("check character is H"), "{err}");
    }

    #[test]
    fn r_trace_3_hibc_primary_concatenated_and_separate_secondary() {
        let p = parse(&with_check("+A123BJC5D6E71")).unwrap();
        assert_eq!((p.lic.as_str(), p.pcn.as_str(), p.unit), ("A123", "BJC5D6E7", 1));
        // Concatenated: expiry YYMMDD (flag 3) and a lot.
        let c = parse(&with_check("+A123BJC5D6E71/$$3271231LOT42")).unwrap();
        assert_eq!(c.expiry, NaiveDate::from_ymd_opt(2027, 12, 31));
        assert_eq!(c.lot.as_deref(), Some("LOT42"));
        // MMYY: the month's last day; a serial with $$+.
        let s = parse(&with_check("+A123BJC5D6E71/$$+0228SN7")).unwrap();
        assert_eq!(s.expiry, NaiveDate::from_ymd_opt(2028, 2, 29));
        assert_eq!(s.serial.as_deref(), Some("SN7"));
        // Separate primary then secondary, linked by the primary's check.
        let primary = with_check("+A123BJC5D6E71");
        let link = primary.chars().last().unwrap();
        let both = format!("{primary}{}", with_check(&format!("+$LOT9{link}")));
        let t = parse(&both).unwrap();
        assert_eq!((t.pcn.as_str(), t.lot.as_deref()), ("BJC5D6E7", Some("LOT9")));
        // The old form: YYJJJ.
        let o = parse(&with_check("+A123BJC5D6E71/27032LOT1")).unwrap();
        assert_eq!(o.expiry, NaiveDate::from_ymd_opt(2027, 2, 1));
    }

    #[test]
    fn r_trace_3_hibc_malformed_labels_name_the_bad_part() {
        assert!(matches!(parse("+a"), Err(HibcError::BadChar { bad: 'a', .. })));
        assert!(matches!(parse(&with_check("+1BCD22")), Err(HibcError::NotHibc { .. })));
        let err = parse(&with_check("+A123BJC5D6E71/$$3271340LOT")).unwrap_err();
        assert!(err.to_string().contains("not a day"), "{err}");
    }

    /// Issue 14: each refusal in French.
    #[test]
    fn r_trace_3_hibc_refusals_are_said_in_french() {
        let _fr = crate::i18n::scope(crate::domain::language::Language::Fr);
        let refused = |input: &str| parse(input).unwrap_err().to_string();
        assert_eq!(
            refused("+A123BJC5D6E71H"),
            "+A123BJC5D6E71H\u{a0}: le caractère de contrôle est H mais les caractères qui le précèdent donnent G\u{a0}; \
             scannez à nouveau"
        );
        assert_eq!(refused("+a"), "+a\u{a0}: contient 'a', que HIBC n'utilise pas");
        assert!(refused(&with_check("+1BCD22")).contains("pas une étiquette HIBC"));
        let malformed = [
            ("+A123BJC5D6E71/$$3271340LOT", "la date de péremption après l'indicateur de format n'est pas un jour"),
            ("+A123BJC5D6E71/$$", "un indicateur de format de date doit suivre $$"),
            ("+A123BJC5D6E71/$$9X", "ce format de date ou de quantité n'est pas lu"),
            ("+A123BJC5D6E71/X", "la partie secondaire commence par $, $$ ou une date AAJJJ"),
            ("+A123BJC5D6E71/$", "le lot ou la série fait 1 à 18 caractères"),
            ("+A123BJC5D6E7X", "le numéro de produit fait 1 à 18 lettres ou chiffres"),
        ];
        for (body, said) in malformed {
            let err = refused(&with_check(body));
            assert!(err.contains(said), "{body}: {err}");
        }
        let other = format!("{}{}", with_check("+A123BJC5D6E71"), with_check("+$LOT9Q"));
        assert!(refused(&other).contains("l'étiquette d'un autre produit"), "{}", refused(&other));
        let _en = crate::i18n::scope(crate::domain::language::Language::En);
        assert!(refused(&other).contains("a label of another product"));
    }

    proptest! {
        #[test]
        fn r_trace_3_hibc_no_input_panics(input in "[+$/0-9A-Z%. -]{0,40}") {
            let _ = parse(&input);
        }
    }
}
