//! Names as the ward writes, stores and looks for them.
//!
//! Stored in Unicode NFC, so `é` typed on one keyboard and `e` + combining
//! acute pasted from another are the same name; matched without case or
//! accents, several words at once (`mercier marie` finds MERCIER Marie).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A name as stored: NFC, no leading or trailing blanks, single spaces.
pub fn stored(text: &str) -> String {
    text.nfc().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters a name must not carry to a terminal or a spreadsheet: control
/// characters (an escape sequence recolours or clears the screen, a newline
/// splits a row) and the bidirectional formatting marks that reorder what
/// follows (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C). Forms
/// refuse them; a file edited behind periop's back may still hold them.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `text` with each [`is_unsafe`] character but `keep` shown as U+FFFD `�`,
/// so it is seen, not obeyed.
pub fn made_safe<'a>(text: &'a str, keep: &[char]) -> std::borrow::Cow<'a, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep.contains(&c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars().map(|c| if is_unsafe(c) && !keep.contains(&c) { '\u{FFFD}' } else { c }).collect()
}

/// Text as a terminal cell grid shows it: [`made_safe`], and without the
/// joiners and presentation selectors (U+200D, U+FE0E, U+FE0F) whose width
/// terminals disagree on (found in use, #8: a nurse's name ending in 👩‍⚕️
/// shifted the whole screen in tmux). Each emoji of a joined sequence then
/// shows on its own, at the width every terminal gives it.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    let joiner = |c: char| matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}');
    if !text.chars().any(joiner) {
        return made_safe(text, &[]);
    }
    let parts: String = text.chars().filter(|&c| !joiner(c)).collect();
    std::borrow::Cow::Owned(made_safe(&parts, &[]).into_owned())
}

/// R-PATH-5: a surname in capitals, so it cannot be read as a first name.
pub fn surname_shown(surname: &str) -> String {
    for_terminal(surname).to_uppercase()
}

/// A first name with an initial capital on each part (`jean-pierre` →
/// `Jean-Pierre`); a part typed in capitals is lowered after its initial
/// (`JEAN` → `Jean`, `éLISE` → `Élise`); any other is kept as typed
/// (`McKenzie`).
pub fn first_name_shown(first_name: &str) -> String {
    let first_name = for_terminal(first_name);
    let mut out = String::with_capacity(first_name.len());
    let mut part = String::new();
    let flush = |part: &mut String, out: &mut String| {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            let rest: String = chars.collect();
            out.extend(first.to_uppercase());
            let shouting = rest.chars().any(char::is_alphabetic) && !rest.chars().any(char::is_lowercase);
            if shouting { out.push_str(&rest.to_lowercase()) } else { out.push_str(&rest) }
        }
        part.clear();
    };
    for c in first_name.chars() {
        if c == ' ' || c == '-' || c == '\'' {
            flush(&mut part, &mut out);
            out.push(c);
        } else {
            part.push(c);
        }
    }
    flush(&mut part, &mut out);
    out
}

/// Text folded for matching: no accents (NFD, combining marks dropped), lower case.
pub fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase) {
        // Letters NFD does not split, written as their spelled-out forms
        // (the surname shown in capitals has them so: STRASSE). Found in
        // use (#13): `strasse` found the Board's ß but not the Audit's.
        match c {
            'ß' => out.push_str("ss"),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'đ' => out.push('d'),
            'ł' => out.push('l'),
            c => out.push(c),
        }
    }
    out
}

/// True when every word of `query` is found in `haystack`, ignoring case and
/// accents. An empty query matches everything.
pub fn matches(haystack: &str, query: &str) -> bool {
    let hay = folded(haystack);
    folded(query).split_whitespace().all(|word| hay.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found in use (#13): `strasse` and `oeuvrard` found ŒUVRARD-STRAßE on
    /// one tab and not on another; every filter folds through here.
    #[test]
    fn letters_nfd_keeps_whole_fold_to_their_spelled_out_forms() {
        assert_eq!(folded("ŒUVRARD-Straße"), "oeuvrard-strasse");
        assert_eq!(folded("Ærø Łódź"), "aero lodz");
        assert!(matches("ŒUVRARD-STRASSE Anne", "oeuvrard straße"));
    }

    /// Found in use (#12): a name edited behind periop's back with an escape
    /// sequence recoloured the terminal of `periop board`, and a right-to-left
    /// override reversed the CSV row after it.
    #[test]
    fn control_characters_and_direction_marks_in_a_stored_name_are_shown_not_obeyed() {
        assert_eq!(surname_shown("\u{1b}[31mevil\u{202E}x"), "\u{FFFD}[31MEVIL\u{FFFD}X");
        assert_eq!(first_name_shown("a\nb"), "A\u{FFFD}b");
        assert_eq!(made_safe("one\ttwo\nthree\u{7}", &['\n', '\t']), "one\ttwo\nthree\u{FFFD}");
        assert!(matches!(made_safe("Hélène", &[]), std::borrow::Cow::Borrowed(_)));
    }

    /// Found in use (#8): a joined emoji (👩‍⚕️) is one cluster whose width
    /// terminals disagree on; shown as its parts, every terminal agrees.
    #[test]
    fn joined_emoji_are_shown_as_their_parts() {
        use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
        let shown = for_terminal("Noël 👩\u{200D}⚕\u{FE0F}");
        assert_eq!(shown, "Noël 👩⚕");
        let by_char: usize = shown.chars().map(|c| c.width().unwrap_or(0)).sum();
        assert_eq!(shown.width(), by_char);
    }

    #[test]
    fn names_are_stored_in_nfc_with_single_spaces() {
        let decomposed = "He\u{301}le\u{300}ne  ";
        assert_eq!(stored(decomposed), "Hélène");
        assert_eq!(stored(decomposed), stored("Hélène"));
        assert_eq!(stored(" Le   Gall "), "Le Gall");
    }

    #[test]
    fn matching_ignores_case_and_accents_and_takes_several_words() {
        assert!(matches("MERCIER Marie-Hélène (01/02/1950)", "mercier marie"));
        assert!(matches("MERCIER Marie-Hélène", "helene MERC"));
        assert!(matches("ÉLODIE", "elodie"));
        assert!(!matches("MERCIER Marie", "mercier paul"));
        assert!(matches("anything", "  "));
    }

    #[test]
    fn r_path_5_surnames_in_capitals_first_names_with_an_initial_capital() {
        assert_eq!(surname_shown("le gall"), "LE GALL");
        assert_eq!(surname_shown("Nguyễn"), "NGUYỄN");
        assert_eq!(first_name_shown("jean-pierre"), "Jean-Pierre");
        assert_eq!(first_name_shown("élodie"), "Élodie");
        assert_eq!(first_name_shown("McKenzie"), "McKenzie");
        assert_eq!(first_name_shown("JEAN-PIERRE o'neil éLISE"), "Jean-Pierre O'Neil Élise");
        assert_eq!(first_name_shown("O'NEIL"), "O'Neil");
        assert_eq!(first_name_shown("A"), "A");
    }
}
