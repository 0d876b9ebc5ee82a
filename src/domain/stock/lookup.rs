//! R-TRACE-2: finding a reference code or a lot number as a user types it
//! from a recall notice: exactly, else without regard to case (and
//! trimmed), and when nothing matches, the close ones to suggest. Found in
//! use (issue 10): `--ref SCR-70 --lot raw1` said "never received here" of
//! lot RAW1, and `--ref scr-70` "not in the catalogue".

/// What a typed code matched among the known ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found<'a> {
    /// One code: the typed one exactly, or the only one equal to it but for case.
    One(&'a str),
    /// Several codes equal to it but for case (and none exactly): ask which.
    Several(Vec<&'a str>),
    /// None: these are the closest (at most [`MAX_SUGGESTIONS`]).
    Nothing(Vec<&'a str>),
}

/// Suggestions given at most.
pub const MAX_SUGGESTIONS: usize = 3;

/// Looks `typed` up in `known` (see [`Found`]).
pub fn lookup<'a>(typed: &str, known: &'a [String]) -> Found<'a> {
    let typed = typed.trim();
    if let Some(exact) = known.iter().find(|k| k.as_str() == typed) {
        return Found::One(exact);
    }
    let mut same: Vec<&str> = known.iter().filter(|k| k.eq_ignore_ascii_case(typed)).map(String::as_str).collect();
    same.sort_unstable();
    same.dedup();
    match same.len() {
        1 => return Found::One(same[0]),
        n if n > 1 => return Found::Several(same),
        _ => {}
    }
    let bare = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_uppercase();
    let want = bare(typed);
    let mut close: Vec<(usize, &str)> = known
        .iter()
        .filter_map(|k| {
            let have = bare(k);
            let d = distance(&want, &have);
            let near = d <= 2.min(want.len().max(have.len()) / 3 + 1);
            let within = want.len() >= 3 && (have.contains(&want) || want.contains(&have)) && have.len() >= 3;
            (near || within).then_some((d, k.as_str()))
        })
        .collect();
    close.sort_unstable();
    close.dedup_by_key(|(_, k)| *k);
    // The closest only: `A260` suggests A2608, not A2611 too.
    let best = close.first().map_or(0, |(d, _)| *d);
    Found::Nothing(close.into_iter().filter(|(d, _)| *d == best).take(MAX_SUGGESTIONS).map(|(_, k)| k).collect())
}

/// "did you mean A or B? " for suggestions, empty for none.
pub fn did_you_mean(close: &[&str]) -> String {
    let question = match close {
        [] => return String::new(),
        [one] => tr!("stock-did-you-mean", code = *one),
        [first @ .., last] => tr!("stock-did-you-mean-several", first = first.join(", "), last = *last),
    };
    format!("{question} ")
}

/// Levenshtein distance between two strings, in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb)).min(row[j] + 1).min(here + 1);
            previous = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn r_trace_2_a_code_matches_without_regard_to_case_and_spaces() {
        let k = known(&["SCR-70", "RAW1", "CEM-10"]);
        assert_eq!(lookup(" scr-70 ", &k), Found::One("SCR-70"));
        assert_eq!(lookup("raw1", &k), Found::One("RAW1"));
        assert_eq!(lookup("RAW1", &k), Found::One("RAW1"));
    }

    #[test]
    fn r_trace_2_two_codes_differing_by_case_are_asked_about() {
        let k = known(&["raw1", "RAW1"]);
        assert_eq!(lookup("RAW1", &k), Found::One("RAW1"), "an exact match wins");
        assert_eq!(lookup("Raw1", &k), Found::Several(vec!["RAW1", "raw1"]));
    }

    #[test]
    fn r_trace_2_nothing_matching_suggests_the_close_ones() {
        let k = known(&["SCR-70", "RAW1", "CEM-10", "A2608"]);
        assert_eq!(lookup("RAW", &k), Found::Nothing(vec!["RAW1"]));
        assert_eq!(lookup("SCR70", &k), Found::Nothing(vec!["SCR-70"]));
        assert_eq!(lookup("A2680", &k), Found::Nothing(vec!["A2608"]));
        assert_eq!(lookup("ZZZZZZ", &k), Found::Nothing(vec![]));
        assert_eq!(did_you_mean(&["RAW1"]), "did you mean RAW1? ");
        assert_eq!(did_you_mean(&["A", "B", "C"]), "did you mean A, B or C? ");
    }
}
