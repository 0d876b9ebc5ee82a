//! Keys from a terminal that is not UTF-8. crossterm reads input as UTF-8
//! and drops what is not: on a Latin-1 terminal `hél` then `ene` became
//! `hene`. Here the bytes are decoded as UTF-8 where they are valid and as
//! Latin-1 where they are not, so nothing typed is lost, and the few
//! sequences the keymap uses (arrows, Home/End, PgUp/PgDn, Delete, F1–F4,
//! Shift-Tab, Alt-x) are read the way xterm and its kin send them.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Decodes a byte stream into key events. Bytes that may start a longer
/// sequence wait for the next read, or for [`KeyDecoder::flush`] when the
/// terminal has sent nothing more (a lone `Esc`, a Latin-1 `é`).
#[derive(Debug, Default)]
pub struct KeyDecoder {
    pending: Vec<u8>,
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn with(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

/// What the first bytes of `input` are: a key and how many bytes it took,
/// `None` when more bytes are needed to tell.
fn parse(input: &[u8], complete: bool) -> Option<(Option<KeyEvent>, usize)> {
    let first = *input.first()?;
    match first {
        0x1b => parse_escape(input, complete),
        b'\r' | b'\n' => Some((Some(key(KeyCode::Enter)), 1)),
        b'\t' => Some((Some(key(KeyCode::Tab)), 1)),
        0x7f | 0x08 => Some((Some(key(KeyCode::Backspace)), 1)),
        0x01..=0x1a => Some((Some(with(KeyCode::Char(char::from(first + 0x60)), KeyModifiers::CONTROL)), 1)),
        // R-TRACE-3: the GS1 group separator a barcode scanner sends (Ctrl-]).
        0x1d => Some((Some(with(KeyCode::Char(']'), KeyModifiers::CONTROL)), 1)),
        0x00 | 0x1c | 0x1e | 0x1f => Some((None, 1)),
        0x20..=0x7e => Some((Some(key(KeyCode::Char(char::from(first)))), 1)),
        _ => parse_non_ascii(input, complete),
    }
}

/// A UTF-8 character if the bytes are one, else the first byte as Latin-1.
fn parse_non_ascii(input: &[u8], complete: bool) -> Option<(Option<KeyEvent>, usize)> {
    let len = match input[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 1,
    };
    if len > 1 {
        if input.len() < len && !complete && input[1..].iter().all(|b| (0x80..0xc0).contains(b)) {
            return None;
        }
        if let Some(Ok(text)) = input.get(..len).map(std::str::from_utf8)
            && let Some(c) = text.chars().next()
        {
            return Some((Some(key(KeyCode::Char(c))), len));
        }
    }
    // ISO 8859-1 maps each byte to the code point of the same value.
    Some((Some(key(KeyCode::Char(char::from(input[0])))), 1))
}

fn parse_escape(input: &[u8], complete: bool) -> Option<(Option<KeyEvent>, usize)> {
    let Some(&second) = input.get(1) else {
        return if complete { Some((Some(key(KeyCode::Esc)), 1)) } else { None };
    };
    match second {
        b'[' => parse_csi(input, complete),
        b'O' => match input.get(2) {
            None if !complete => None,
            None => Some((Some(with(KeyCode::Char('O'), KeyModifiers::ALT)), 2)),
            Some(&b) => {
                let code = match b {
                    b'P' => KeyCode::F(1),
                    b'Q' => KeyCode::F(2),
                    b'R' => KeyCode::F(3),
                    b'S' => KeyCode::F(4),
                    b'A' => KeyCode::Up,
                    b'B' => KeyCode::Down,
                    b'C' => KeyCode::Right,
                    b'D' => KeyCode::Left,
                    b'H' => KeyCode::Home,
                    b'F' => KeyCode::End,
                    _ => return Some((None, 3)),
                };
                Some((Some(key(code)), 3))
            }
        },
        0x1b => Some((Some(key(KeyCode::Esc)), 1)),
        // Esc then a key, sent together: Alt and that key.
        _ => {
            let (inner, used) = parse(&input[1..], complete)?;
            Some((inner.map(|k| with(k.code, k.modifiers | KeyModifiers::ALT)), used + 1))
        }
    }
}

/// `ESC [ params final`: arrows, Home/End, `~` keys, Shift-Tab.
fn parse_csi(input: &[u8], complete: bool) -> Option<(Option<KeyEvent>, usize)> {
    let end = input[2..].iter().position(|b| (0x40..=0x7e).contains(b));
    let Some(end) = end.map(|i| i + 2) else {
        return if complete { Some((None, input.len())) } else { None };
    };
    let params = std::str::from_utf8(&input[2..end]).unwrap_or("");
    let number = params.split(';').next().and_then(|p| p.parse::<u8>().ok());
    let code = match (input[end], number) {
        (b'A', _) => Some(KeyCode::Up),
        (b'B', _) => Some(KeyCode::Down),
        (b'C', _) => Some(KeyCode::Right),
        (b'D', _) => Some(KeyCode::Left),
        (b'H', _) | (b'~', Some(1 | 7)) => Some(KeyCode::Home),
        (b'F', _) | (b'~', Some(4 | 8)) => Some(KeyCode::End),
        (b'Z', _) => Some(KeyCode::BackTab),
        (b'~', Some(2)) => Some(KeyCode::Insert),
        (b'~', Some(3)) => Some(KeyCode::Delete),
        (b'~', Some(5)) => Some(KeyCode::PageUp),
        (b'~', Some(6)) => Some(KeyCode::PageDown),
        (b'~', Some(n @ 11..=15)) => Some(KeyCode::F(n - 10)),
        (b'~', Some(n @ 17..=21)) => Some(KeyCode::F(n - 11)),
        (b'~', Some(n @ 23..=24)) => Some(KeyCode::F(n - 12)),
        _ => None,
    };
    let modifiers = if input[end] == b'Z' { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
    Some((code.map(|c| with(c, modifiers)), end + 1))
}

impl KeyDecoder {
    /// Takes the bytes read and returns the keys they complete.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<KeyEvent> {
        self.pending.extend_from_slice(bytes);
        self.drain(false)
    }

    /// The terminal sent nothing more: what waits is whole (a lone `Esc`,
    /// a Latin-1 byte that looked like the start of a UTF-8 character).
    pub fn flush(&mut self) -> Vec<KeyEvent> {
        self.drain(true)
    }

    /// True when some bytes wait for more (the reader then waits briefly
    /// before calling [`KeyDecoder::flush`]).
    pub fn is_waiting(&self) -> bool {
        !self.pending.is_empty()
    }

    fn drain(&mut self, complete: bool) -> Vec<KeyEvent> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < self.pending.len() {
            match parse(&self.pending[at..], complete) {
                Some((event, used)) => {
                    out.extend(event);
                    at += used.max(1);
                }
                None => break,
            }
        }
        self.pending.drain(..at);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(chunks: &[&[u8]]) -> Vec<KeyEvent> {
        let mut d = KeyDecoder::default();
        let mut out = Vec::new();
        for chunk in chunks {
            out.extend(d.feed(chunk));
        }
        out.extend(d.flush());
        out
    }

    fn text(events: &[KeyEvent]) -> String {
        events
            .iter()
            .map(|e| match e.code {
                KeyCode::Char(c) if e.modifiers.is_empty() => c.to_string(),
                other => format!("<{other:?}{}>", if e.modifiers.is_empty() { "" } else { "+" }),
            })
            .collect()
    }

    #[test]
    fn latin1_letters_typed_in_two_reads_are_not_lost() {
        // `hél` then `ene` from a Latin-1 terminal: é is the single byte 0xE9.
        assert_eq!(text(&typed(&[b"h\xe9l", b"ene"])), "hélene");
        assert_eq!(text(&typed(&[b"\xe9"])), "é", "a lone é waits for the pause, then is Latin-1");
        assert_eq!(text(&typed(&[b"No\xebl \xc7a"])), "Noël Ça");
    }

    #[test]
    fn utf8_is_read_as_utf8_even_in_pieces() {
        let bytes = "hélène 山".as_bytes();
        assert_eq!(text(&typed(&[&bytes[..2], &bytes[2..]])), "hélène 山");
    }

    #[test]
    fn the_keys_the_keymap_uses_are_read() {
        let events = typed(&[b"\x1b[A\x1b[B\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[3~\x1bOP\x1b[Z\r\t\x7f\x03"]);
        let codes: Vec<KeyCode> = events.iter().map(|e| e.code).collect();
        assert_eq!(
            codes,
            vec![
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::Delete,
                KeyCode::F(1),
                KeyCode::BackTab,
                KeyCode::Enter,
                KeyCode::Tab,
                KeyCode::Backspace,
                KeyCode::Char('c'),
            ]
        );
        assert_eq!(events.last().unwrap().modifiers, KeyModifiers::CONTROL, "Ctrl-C");
    }

    #[test]
    fn a_lone_escape_is_esc_after_the_pause_and_esc_x_is_alt_x() {
        let mut d = KeyDecoder::default();
        assert!(d.feed(b"\x1b").is_empty(), "waits: it may start a sequence");
        assert!(d.is_waiting());
        assert_eq!(d.flush(), vec![key(KeyCode::Esc)]);
        let alt = typed(&[b"\x1bx"]);
        assert_eq!(alt, vec![with(KeyCode::Char('x'), KeyModifiers::ALT)]);
    }

    #[test]
    fn no_input_makes_the_decoder_panic_or_lose_a_printable_byte() {
        for a in 0u8..=255 {
            for b in [0u8, 0x1b, b'[', b'e', 0x80, 0xc3, 0xe9, 0xff] {
                let events = typed(&[&[a, b]]);
                let printable = |x: u8| x >= 0x20 && x != 0x7f && x != 0x1b && x != b'[';
                if a != 0x1b && printable(a) && printable(b) {
                    assert!(!events.is_empty(), "{a:#x} {b:#x} gave nothing");
                }
            }
        }
    }
}
