//! A decimal number as a nurse types it: `12`, `12.5` or, as French writes
//! it, `12,5` (issue 14). The one reader for the forms, the commands, the
//! settings and the strut tables.

/// `text` (trimmed) as a finite number: digits, then at most one `.` or `,`
/// with digits on both sides, after an optional `-`. `None` for anything
/// else: a number cut short (`177,`, `1.`, `,5`: found in use, `177,` was
/// logged as 177 mm), `1,2,3`, `1e3`, `+5`, `inf`, `NaN`.
pub fn parse(text: &str) -> Option<f64> {
    let text = text.trim();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, fraction) = match digits.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || fraction.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let written = match fraction {
        Some(fraction) => format!("{sign}{whole}.{fraction}"),
        None => format!("{sign}{whole}"),
    };
    written.parse::<f64>().ok().filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn a_point_or_a_comma_with_digits_on_both_sides() {
        for (text, value) in
            [("12", 12.0), ("12.5", 12.5), ("12,5", 12.5), (" 0,25 ", 0.25), ("-1,5", -1.5), ("007", 7.0)]
        {
            assert_eq!(parse(text), Some(value), "{text}");
        }
    }

    /// Found by the French tester: `177,` (a length cut short) was saved as 177.
    #[test]
    fn a_number_cut_short_or_not_a_number_is_refused() {
        for text in
            ["", "177,", "1.", ",5", ".5", "1,2,3", "1.2.3", "1e3", "+5", "inf", "NaN", "1 5", "-", "douze", "1,-5"]
        {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }
}
