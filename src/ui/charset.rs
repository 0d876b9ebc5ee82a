//! Terminals that are not UTF-8: on-call staff come in over SSH from
//! machines whose locale is Latin-1 or plain ASCII. Every frame is drawn in
//! UTF-8 as usual and translated on its way out, in one place, so no glyph
//! can be missed: a character the terminal has is sent in its encoding, any
//! other is replaced by an ASCII twin of the same width (`✓` → `+`, a box
//! corner → `+`, a CJK character → `??`), so the columns stay straight.

use std::io::{self, Write};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_width::UnicodeWidthChar;

/// What the terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    /// ISO 8859-1 (and -15, close enough for names): one byte per character.
    Latin1,
    Ascii,
}

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
        } else if lower.contains("8859") || lower.contains("latin") || lower.contains("@euro") {
            Charset::Latin1
        } else if lower.is_empty() || lower == "c" || lower == "posix" || lower.contains("ascii") {
            Charset::Ascii
        } else {
            // A locale with no charset named (`fr_FR`) is Latin-1 on the
            // systems that still have one.
            Charset::Latin1
        }
    }

    /// The bytes that show `c` on this terminal, in as many cells as `c` takes.
    pub fn encode(self, c: char, out: &mut Vec<u8>) {
        match self {
            Charset::Utf8 => {
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            _ if c.is_ascii() => out.push(c as u8),
            Charset::Latin1 if u32::from(c) <= 0xFF => out.push(u32::from(c) as u8),
            _ => out.extend_from_slice(ascii_twin(c).as_bytes()),
        }
    }
}

/// `text` with each character outside ASCII replaced by its [`ascii_twin`]
/// (the text commands' `--ascii`).
pub fn ascii_text(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii() { c.to_string() } else { ascii_twin(c) }).collect()
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

/// A writer that sends UTF-8 text to a terminal in its own charset.
/// Escape sequences are ASCII and pass unchanged; a character cut between
/// two writes waits for its other bytes.
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
        match std::str::from_utf8(&self.pending[..valid]) {
            Ok(text) => text.chars().for_each(|c| self.charset.encode(c, &mut out)),
            Err(_) => out.extend_from_slice(&self.pending[..valid]),
        }
        self.pending.drain(..valid);
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
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

    /// Found in use (#9): the Block tab's turnover `┄` came out as `?` over
    /// an ASCII terminal. Every glyph the program's source holds (not a
    /// letter) has a twin of the same width.
    #[test]
    fn every_glyph_in_the_source_has_an_ascii_twin() {
        fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    files(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let mut paths = Vec::new();
        files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut paths);
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
