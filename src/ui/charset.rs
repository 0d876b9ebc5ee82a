//! Terminals that are not UTF-8: on-call staff come in over SSH from
//! machines whose locale is Latin-1 or plain ASCII. Every frame is drawn in
//! UTF-8 as usual and translated on its way out, in one place, so no glyph
//! can be missed: a character the terminal has is sent in its encoding, any
//! other is replaced by an ASCII twin of the same width (`✓` → `+`, a box
//! corner → `+`, a CJK character → `??`), so the columns stay straight.
//!
//! The unit is the grapheme, as ratatui's cells hold them, and a twin takes
//! exactly the cells ratatui gave the grapheme (found in use, issue 10: an
//! emoji of several code points, `👩‍⚕️`, took two cells on ratatui's
//! screen but five `?` once replaced code point by code point, pushing the
//! rest of its line right and leaving a stray `?` no redraw cleared).

use std::io::{self, Write};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What the terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    /// ISO 8859-1 (and -15, close enough for names): one byte per character.
    Latin1,
    Ascii,
}

/// What a Latin-1 locale's name holds: `fr_FR.ISO-8859-1`, `fr_FR@euro`.
const LATIN_1: [&str; 3] = ["8859", "latin", "@euro"]; // i18n: locale names

impl Charset {
    /// From `--ascii`, else the locale (`LC_ALL`, then `LC_CTYPE`, then
    /// `LANG`, the first one set, as POSIX reads them); no locale at all is
    /// the C locale, which is ASCII.
    pub fn from_env(ascii_flag: bool) -> Charset {
        if ascii_flag {
            return Charset::Ascii;
        }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        Charset::of_locale(&locale)
    }

    /// `fr_FR.UTF-8` → UTF-8, `fr_FR.ISO-8859-1` or `fr_FR@euro` → Latin-1,
    /// `C`, `POSIX` or nothing → ASCII.
    pub fn of_locale(locale: &str) -> Charset {
        let lower = locale.to_ascii_lowercase().replace(['-', '_'], "");
        if lower.contains("utf8") {
            Charset::Utf8
        } else if LATIN_1.iter().any(|name| lower.contains(name)) {
            Charset::Latin1
        } else if lower.is_empty() || lower == "c" || lower == "posix" || lower.contains("ascii") {
            Charset::Ascii
        } else {
            // A locale with no charset named (`fr_FR`) is Latin-1 on the
            // systems that still have one.
            Charset::Latin1
        }
    }

    /// The bytes that show the grapheme `g` on this terminal, in as many
    /// cells as ratatui gives it ([`cells`]): itself when the terminal has
    /// it (composed, for Latin-1), else its ASCII twin, else `?` per cell.
    pub fn encode(self, g: &str, out: &mut Vec<u8>) {
        if self == Charset::Utf8 || g.is_ascii() {
            out.extend_from_slice(g.as_bytes());
            return;
        }
        let width = cells(g);
        if self == Charset::Latin1 {
            let composed: String = g.nfc().collect();
            if composed.chars().all(|c| u32::from(c) <= 0xFF) && composed.width() == width {
                out.extend(composed.chars().map(|c| u32::from(c) as u8));
                return;
            }
        }
        out.extend_from_slice(twin_of(g, width).as_bytes());
    }
}

/// The cells ratatui gives a grapheme (`ratatui::buffer::CellWidth`): one
/// for a single byte, else its Unicode width.
pub fn cells(g: &str) -> usize {
    if g.len() == 1 { 1 } else { g.width() }
}

/// An ASCII stand-in for the grapheme `g` taking exactly `width` cells.
fn twin_of(g: &str, width: usize) -> String {
    let mut chars = g.chars();
    let twin = match (chars.next(), chars.next()) {
        (Some(c), None) => ascii_twin(c),
        _ => {
            let bare: String = g.nfd().filter(|c| !is_combining_mark(*c)).collect();
            if bare.is_ascii() && !bare.is_empty() { bare } else { String::new() }
        }
    };
    if twin.width() == width && twin.is_ascii() { twin } else { "?".repeat(width) }
}

/// `text` with each grapheme outside ASCII replaced by its ASCII twin of
/// the same width (the text commands' `--ascii`).
pub fn ascii_text(text: &str) -> String {
    let mut out = Vec::new();
    for g in text.graphemes(true) {
        Charset::Ascii.encode(g, &mut out);
    }
    String::from_utf8(out).unwrap_or_default()
}

/// An ASCII stand-in for `c` taking the same number of cells.
pub fn ascii_twin(c: char) -> String {
    let twin = match c {
        '✓' | '✔' => "+",
        '✗' | '✘' | '×' => "x",
        '·' | '•' => ".",
        '▶' | '›' | '»' => ">",
        '→' => "=",
        '←' | '‹' | '«' => "<",
        '↑' => "^",
        '↓' => "v",
        '↷' => "%",
        '◆' => "*",
        '●' => "#",
        '◉' => "@",
        '○' => "o",
        '⊘' => "Q",
        '␝' => "]",
        '…' => "~",
        '▏' | '│' | '┃' | '║' => "|",
        '─' | '━' | '═' | '–' | '—' => "-",
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╯' | '╰' => "+",
        '≥' => ">",
        '≤' => "<",
        '┄' | '−' => "-",
        '█' => "#",
        '◀' => "<",
        '☎' => "T",
        '❄' => "*",
        '÷' => "/",
        '°' => "o",
        '∅' => "0",
        '‘' | '’' => "'",
        '“' | '”' => "\"",
        // French typography's no-break spaces (before `:`, inside « »).
        '\u{a0}' | '\u{202f}' => " ",
        // The charts' braille dots (a line of the plan): a dot, so the
        // line is still seen in ASCII; the empty pattern is a blank.
        '\u{2800}' => " ",
        '\u{2801}'..='\u{28FF}' => ".",
        _ => "",
    };
    if !twin.is_empty() {
        return twin.to_string();
    }
    // A letter with accents: the letter without them (é → e).
    let bare: String = c.to_string().nfd().filter(|c| !is_combining_mark(*c)).collect();
    if bare.is_ascii() && !bare.is_empty() {
        return bare;
    }
    "?".repeat(c.width().unwrap_or(1).max(1))
}

/// A writer that sends UTF-8 text to a terminal in its own charset,
/// grapheme by grapheme. Escape sequences are ASCII and pass unchanged; a
/// character cut between two writes waits for its other bytes, and the
/// last grapheme of a write waits for the next write or the flush (its
/// next code point may belong to it: a joined emoji, an accent).
pub struct Transcoding<W: Write> {
    inner: W,
    charset: Charset,
    pending: Vec<u8>,
}

impl<W: Write> Transcoding<W> {
    pub fn new(inner: W, charset: Charset) -> Self {
        Transcoding { inner, charset, pending: Vec::new() }
    }
}

impl<W: Write> Write for Transcoding<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.charset == Charset::Utf8 {
            return self.inner.write(buf);
        }
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            // Not UTF-8 at all: pass the bytes as they are rather than lose them.
            Err(_) => self.pending.len(),
        };
        let mut out = Vec::with_capacity(valid);
        let done = match std::str::from_utf8(&self.pending[..valid]) {
            Ok(text) => {
                // Hold the last grapheme back: what follows may extend it.
                let last = text.grapheme_indices(true).next_back().map_or(0, |(i, _)| i);
                text[..last].graphemes(true).for_each(|g| self.charset.encode(g, &mut out));
                last
            }
            Err(_) => {
                out.extend_from_slice(&self.pending[..valid]);
                valid
            }
        };
        self.pending.drain(..done);
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.charset != Charset::Utf8 && !self.pending.is_empty() {
            let mut out = Vec::new();
            match std::str::from_utf8(&self.pending) {
                Ok(text) => text.graphemes(true).for_each(|g| self.charset.encode(g, &mut out)),
                Err(e) if e.error_len().is_none() => {
                    // A character still cut: send what is whole, keep the rest.
                    let valid = e.valid_up_to();
                    let text = std::str::from_utf8(&self.pending[..valid]).unwrap_or_default();
                    text.graphemes(true).for_each(|g| self.charset.encode(g, &mut out));
                    self.pending.drain(..valid);
                    self.inner.write_all(&out)?;
                    return self.inner.flush();
                }
                Err(_) => out.extend_from_slice(&self.pending),
            }
            self.pending.clear();
            self.inner.write_all(&out)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn through(charset: Charset, chunks: &[&[u8]]) -> Vec<u8> {
        let mut w = Transcoding::new(Vec::new(), charset);
        for chunk in chunks {
            w.write_all(chunk).unwrap();
        }
        w.flush().unwrap();
        w.inner
    }

    #[test]
    fn the_locale_names_the_charset() {
        assert_eq!(Charset::of_locale("fr_FR.UTF-8"), Charset::Utf8);
        assert_eq!(Charset::of_locale("en_GB.utf8"), Charset::Utf8);
        assert_eq!(Charset::of_locale("fr_FR.ISO-8859-1"), Charset::Latin1);
        assert_eq!(Charset::of_locale("fr_FR@euro"), Charset::Latin1);
        assert_eq!(Charset::of_locale("C"), Charset::Ascii);
        assert_eq!(Charset::of_locale("POSIX"), Charset::Ascii);
        assert_eq!(Charset::of_locale(""), Charset::Ascii);
    }

    /// Found in use over SSH with LC_ALL=C: the length chart's plan line
    /// (braille dots) came out as `????`.
    #[test]
    fn the_charts_braille_dots_are_dots_in_ascii() {
        assert_eq!(ascii_text("⣀⡠⠔⠊⠉ ⠀"), ".....  ");
        assert_eq!(ascii_twin('\u{28FF}'), ".");
    }

    #[test]
    fn latin1_keeps_accented_names_and_replaces_glyphs_by_ascii_twins() {
        let out = through(Charset::Latin1, &["▶ ✓ HÉLÈNE Noël · 山".as_bytes()]);
        // Each status glyph keeps a twin of its own (▶ selected, → ready to go).
        let twins: Vec<String> = "▶→↷~◆●◉○".chars().map(ascii_twin).collect();
        let mut distinct = twins.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), twins.len(), "{twins:?}");
        assert_eq!(out, b"> + H\xc9L\xc8NE No\xebl \xb7 ??".to_vec(), "the middle dot is Latin-1");
    }

    #[test]
    fn ascii_strips_accents_and_keeps_escape_sequences() {
        let out = through(Charset::Ascii, &["\x1b[1;31m✗ Hélène\x1b[0m┌─┐".as_bytes()]);
        assert_eq!(String::from_utf8(out).unwrap(), "\x1b[1;31mx Helene\x1b[0m+-+");
    }

    #[test]
    fn a_character_cut_between_two_writes_is_not_lost() {
        let bytes = "é✓".as_bytes();
        let out = through(Charset::Latin1, &[&bytes[..1], &bytes[1..3], &bytes[3..]]);
        assert_eq!(out, b"\xe9+".to_vec());
    }

    #[test]
    fn every_twin_takes_the_cells_of_its_glyph() {
        for c in "▶✓✗·→↷◆●◉○…▏│─┌┐└┘↑↓←‹›≥≤×山田é".chars() {
            let twin = ascii_twin(c);
            assert!(twin.is_ascii(), "{c} → {twin}");
            assert_eq!(twin.width(), c.width().unwrap_or(1), "{c} → {twin}");
        }
    }

    /// Found in use (issue 10, #10): an emoji of several code points in a
    /// reference name took the two cells ratatui gave it on screen but five
    /// `?` on an ASCII terminal, shifting the line and leaving a stray `?`.
    /// Each cell ratatui fills goes out in exactly its width, whatever the
    /// grapheme and however the writes are cut.
    #[test]
    fn every_cell_keeps_the_width_ratatui_gave_it() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        let text = "a👩\u{200D}⚕\u{FE0F}b ⚕\u{FE0F} 山x e\u{301}ı\u{308} \u{1F1EB}\u{1F1F7} ✓ ⊘ ✗ Hélène ok";
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 1));
        let (end, _) = buf.set_stringn(0, 0, text, 60, ratatui::style::Style::new());
        for charset in [Charset::Ascii, Charset::Latin1] {
            let mut skip = 0;
            for cell in &buf.content {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = cell.symbol();
                let want = cells(symbol);
                skip = want.saturating_sub(1);
                // Whole, and cut after every byte: the same cells.
                for out in [through(charset, &[symbol.as_bytes()]), {
                    let chunks: Vec<&[u8]> = symbol.as_bytes().chunks(1).collect();
                    through(charset, &chunks)
                }] {
                    let shown: String = out.iter().map(|b| char::from(*b)).collect();
                    assert_eq!(shown.width(), want, "{charset:?} {symbol:?} → {shown:?}");
                }
            }
        }
        let line = String::from_utf8(through(Charset::Ascii, &[text.as_bytes()])).unwrap();
        assert_eq!(line.width(), usize::from(end), "{line}");
        assert!(line.starts_with("a??b ?? ??x e"), "{line}");
    }

    /// Found in use (#9): the Block tab's turnover `┄` came out as `?` over
    /// an ASCII terminal. Every glyph the program's source and catalogues
    /// hold (not a letter) has a twin of the same width.
    #[test]
    fn every_glyph_in_the_source_has_an_ascii_twin() {
        fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    files(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs" || e == "ftl") {
                    out.push(path);
                }
            }
        }
        let mut paths = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        // The source and the catalogues (issue 14: French's no-break space).
        files(&root.join("src"), &mut paths);
        files(&root.join("locales"), &mut paths);
        let mut missing = std::collections::BTreeSet::new();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            // Not glyphs of the program: U+FFFD (its twin is `?` on purpose),
            // and the parts of a joined emoji a test of names types.
            let data = ['\u{FFFD}', '\u{200D}', '👩', '⚕'];
            for c in text.chars().filter(|c| !c.is_ascii() && !c.is_alphabetic() && !is_combining_mark(*c)) {
                if data.contains(&c) {
                    continue;
                }
                let twin = ascii_twin(c);
                if twin.contains('?') || twin.width() != c.width().unwrap_or(1) {
                    missing.insert(c);
                }
            }
        }
        assert!(missing.is_empty(), "glyphs without an ASCII twin: {missing:?}");
    }
}
