//! What the screen tests share: the demo ward with a fixed clock and a
//! fixed account, keys pressed as a nurse would, and the screen read back as
//! text (ratatui TestBackend), the same on every machine.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use periop::app::clock::Clock;
use periop::app::{Effect, Msg, State};
use periop::cli::demo;
use periop::shell;
use periop::store::{Account, Store};
use periop::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::VecDeque;

pub fn now() -> DateTime<Utc> {
    // 09:30 in Paris on Sunday 22 November 2026.
    Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap()
}

pub struct Ward {
    pub _dir: tempfile::TempDir,
    pub store: Store,
    pub state: State,
}

pub fn nurse() -> Account {
    Account { name: "nurse1".into(), full_name: Some("Nurse One".into()) }
}

pub fn ward() -> Ward {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    let mut store = demo::build(&path, &nurse(), now(), &demo::Options { seed: 1, years: 0 }, &mut |_| {}).unwrap();
    let mut state = State::new(now(), store.zone(), store.actor().clone(), "/srv/periop/ward.db".into());
    let mut pending = VecDeque::from([Effect::LoadBoard(state.board_day()), Effect::LoadLists]);
    shell::settle(&mut store, Clock::Fixed(now()), &mut state, &mut pending);
    state.live = periop::app::state::Live::Watching;
    Ward { _dir: dir, store, state }
}

pub fn press(ward: &mut Ward, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\t' => KeyCode::Tab,
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            '\x08' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        };
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        shell::handle(&mut ward.store, Clock::Fixed(now()), &mut ward.state, Msg::Key(key));
    }
}

pub fn press_code(ward: &mut Ward, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    shell::handle(&mut ward.store, Clock::Fixed(now()), &mut ward.state, Msg::Key(key));
}

pub fn screen(ward: &Ward, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::draw(f, &ward.state, &Theme { color: false })).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        // A wide character (CJK) covers the cell after it: skip that cell,
        // as a terminal does.
        let mut line = String::new();
        let mut covered = 0;
        for x in 0..buffer.area.width {
            if covered > 0 {
                covered -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            covered = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn ctrl(ward: &mut Ward, c: char) {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    shell::handle(&mut ward.store, Clock::Fixed(now()), &mut ward.state, Msg::Key(key));
}

/// The screen's lines joined by one space: for a message wrapped over lines.
pub fn flat(shown: &str) -> String {
    shown.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}
