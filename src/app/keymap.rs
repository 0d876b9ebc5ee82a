//! The keymap is data: the same table dispatches keys, draws the hint bar and
//! writes the help overlay, so help cannot drift from what the keys do.
//! Every binding works on a plain terminal over SSH (no kitty protocol).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies. Lookup goes from the innermost scope outwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Dialog,
    Filter,
    Help,
    Board,
    Audit,
    List,
    Global,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Dialog => "In a confirmation",
            Scope::Filter => "While filtering",
            Scope::Help => "In this help",
            Scope::Board => "Board",
            Scope::Audit => "Audit",
            Scope::List => "Any list",
            Scope::Global => "Everywhere",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    NextTab,
    PrevTab,
    GoTab,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Filter,
    Back,
    Admit,
    PrevDay,
    NextDay,
    Today,
    Confirm,
    Cancel,
    AcceptFilter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// Any digit 1-9 (GoTab uses its value).
    Digit,
}

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        // Alt-x (or Esc typed fast before x) is not x.
        if event.modifiers.contains(KeyModifiers::ALT) {
            return false;
        }
        match (self, event.code) {
            (Key::Char(c), KeyCode::Char(got)) => !ctrl && got == c,
            (Key::Ctrl(c), KeyCode::Char(got)) => ctrl && got.eq_ignore_ascii_case(&c),
            (Key::Digit, KeyCode::Char(got)) => !ctrl && ('1'..='9').contains(&got),
            (Key::Code(code), got) => !ctrl && code == got,
            _ => false,
        }
    }

    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Digit => "1-9".into(),
            Key::Code(KeyCode::Enter) => "Enter".into(),
            Key::Code(KeyCode::Esc) => "Esc".into(),
            Key::Code(KeyCode::Tab) => "Tab".into(),
            Key::Code(KeyCode::BackTab) => "Shift-Tab".into(),
            Key::Code(KeyCode::Up) => "↑".into(),
            Key::Code(KeyCode::Down) => "↓".into(),
            Key::Code(KeyCode::Left) => "←".into(),
            Key::Code(KeyCode::Right) => "→".into(),
            Key::Code(KeyCode::PageUp) => "PgUp".into(),
            Key::Code(KeyCode::PageDown) => "PgDn".into(),
            Key::Code(KeyCode::Home) => "Home".into(),
            Key::Code(KeyCode::End) => "End".into(),
            Key::Code(other) => format!("{other:?}"),
        }
    }
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// The few words shown in the hint bar at the bottom of the screen, if any.
    pub hint: Option<&'static str>,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        help,
        hint,
    }
}

use Key::{Char, Code, Ctrl, Digit};
use Scope::{Board, Dialog, Filter, Global, Help, List};

pub const BINDINGS: &[Binding] = &[
    bind(
        Dialog,
        &[Char('y'), Code(KeyCode::Enter)],
        Action::Confirm,
        "confirm",
        Some("confirm"),
    ),
    bind(
        Dialog,
        &[Char('n'), Code(KeyCode::Esc)],
        Action::Cancel,
        "cancel, change nothing",
        Some("cancel"),
    ),
    bind(
        Filter,
        &[Code(KeyCode::Enter)],
        Action::AcceptFilter,
        "keep the filter",
        Some("keep"),
    ),
    bind(
        Filter,
        &[Code(KeyCode::Esc)],
        Action::Back,
        "clear the filter",
        Some("clear"),
    ),
    bind(
        Help,
        &[Char('?'), Code(KeyCode::Esc), Char('q')],
        Action::Back,
        "close this help",
        Some("close"),
    ),
    bind(
        Board,
        &[Char('a')],
        Action::Admit,
        "admit the selected arrival",
        Some("admit"),
    ),
    bind(
        Board,
        &[Char('['), Code(KeyCode::Left)],
        Action::PrevDay,
        "the day before",
        Some("day before"),
    ),
    bind(
        Board,
        &[Char(']'), Code(KeyCode::Right)],
        Action::NextDay,
        "the day after",
        Some("day after"),
    ),
    bind(Board, &[Char('t')], Action::Today, "back to today", None),
    bind(List, &[Char('j'), Code(KeyCode::Down)], Action::Down, "next row", None),
    bind(List, &[Char('k'), Code(KeyCode::Up)], Action::Up, "previous row", None),
    bind(
        List,
        &[Code(KeyCode::PageDown), Ctrl('d')],
        Action::PageDown,
        "page down",
        None,
    ),
    bind(
        List,
        &[Code(KeyCode::PageUp), Ctrl('u')],
        Action::PageUp,
        "page up",
        None,
    ),
    bind(List, &[Char('g'), Code(KeyCode::Home)], Action::Top, "first row", None),
    bind(List, &[Char('G'), Code(KeyCode::End)], Action::Bottom, "last row", None),
    bind(
        List,
        &[Char('/')],
        Action::Filter,
        "filter the list by typing",
        Some("filter"),
    ),
    bind(List, &[Code(KeyCode::Esc)], Action::Back, "clear the filter", None),
    bind(Global, &[Code(KeyCode::Tab)], Action::NextTab, "next tab", None),
    bind(Global, &[Code(KeyCode::BackTab)], Action::PrevTab, "previous tab", None),
    bind(Global, &[Digit], Action::GoTab, "go to tab by number", None),
    bind(Global, &[Char('?')], Action::Help, "show all keys", Some("help")),
    bind(Global, &[Char('q'), Ctrl('c')], Action::Quit, "quit", Some("quit")),
];

/// The action `event` means in the given scopes, innermost first.
pub fn resolve(scopes: &[Scope], event: &KeyEvent) -> Option<Action> {
    scopes.iter().find_map(|scope| {
        BINDINGS
            .iter()
            .filter(|b| b.scope == *scope)
            .find(|b| b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.action)
    })
}

/// The bindings to hint at in these scopes, innermost first, without repeats.
pub fn hints(scopes: &[Scope]) -> Vec<&'static Binding> {
    let mut seen = Vec::new();
    let mut out: Vec<&'static Binding> = Vec::new();
    for scope in scopes {
        for b in BINDINGS.iter().filter(|b| b.scope == *scope) {
            if b.hint.is_some() && !seen.contains(&b.action) {
                seen.push(b.action);
                out.push(b);
            }
        }
    }
    out
}

pub fn keys_label(binding: &Binding) -> String {
    binding.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn inner_scopes_win_over_outer_ones() {
        let q = press(KeyCode::Char('q'));
        assert_eq!(
            resolve(&[Scope::Board, Scope::List, Scope::Global], &q),
            Some(Action::Quit)
        );
        assert_eq!(resolve(&[Scope::Help, Scope::Global], &q), Some(Action::Back));
        let esc = press(KeyCode::Esc);
        assert_eq!(resolve(&[Scope::Dialog, Scope::Global], &esc), Some(Action::Cancel));
    }

    #[test]
    fn ctrl_c_is_not_c_and_shifted_letters_match_capitals() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(resolve(&[Scope::Global], &ctrl_c), Some(Action::Quit));
        let big_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(resolve(&[Scope::List], &big_g), Some(Action::Bottom));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.scope == b.scope {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.scope);
                    }
                }
            }
        }
    }
}
