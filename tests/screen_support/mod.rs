//! What the screen tests share: the demo ward with a fixed clock and a
//! fixed account, keys pressed as a nurse would, and the screen read back as
//! text (ratatui TestBackend), the same on every machine.
//!
//! The ward is on this run's engine (`engine_support`): with
//! `PERIOP_TEST_ENGINE=postgres` the demo file is copied into a throwaway
//! PostgreSQL database (`store::migrate`) and removed, and the screens read
//! the server.
#![allow(dead_code)]

#[path = "../engine_support/mod.rs"]
mod engine_support;
#[cfg(feature = "postgres")]
#[path = "../pg_support/mod.rs"]
pub mod pg_support;

#[allow(unused_imports)] // each test binary uses its own subset
pub use engine_support::{file_only, on_postgres};

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
    /// The ward's database on a PostgreSQL run; dropped with the ward.
    #[cfg(feature = "postgres")]
    pub server: Option<pg_support::TempDb>,
}

impl Ward {
    /// A connection behind the store's back, on either engine.
    pub fn door(&self) -> periop::store::db::Connection {
        match self.store.location() {
            periop::store::Location::File(path) => {
                periop::store::db::Connection::from_sqlite(rusqlite::Connection::open(path).expect("open the file"))
            }
            #[cfg(feature = "postgres")]
            periop::store::Location::Postgres(url) => {
                periop::store::db::Connection::open_postgres(url).expect("connect to the ward")
            }
            #[cfg(not(feature = "postgres"))]
            periop::store::Location::Postgres(_) => unreachable!("a build without PostgreSQL"),
        }
    }
}

pub fn nurse() -> Account {
    Account { name: "nurse1".into(), full_name: Some("Nurse One".into()) }
}

pub fn ward() -> Ward {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    #[allow(unused_mut)] // a build without PostgreSQL
    let mut store = demo::build(&path, &nurse(), now(), &demo::Options { seed: 1, years: 0 }, &mut |_| {}).unwrap();
    #[cfg(feature = "postgres")]
    let mut server = None;
    #[cfg(feature = "postgres")]
    if on_postgres() {
        store.close().unwrap();
        let db = pg_support::TempDb::new().expect("PERIOP_TEST_ENGINE=postgres needs PERIOP_TEST_PG");
        periop::store::migrate::migrate(&path, &db.location, &mut |_, _| {}).expect("copy the demo to the server");
        std::fs::remove_file(&path).unwrap();
        store = Store::connect(&db.location, &nurse()).unwrap();
        server = Some(db);
    }
    let mut state = State::new(now(), store.zone(), store.actor().clone(), "/srv/periop/ward.db".into());
    let mut pending = VecDeque::from([Effect::LoadBoard(state.board_day()), Effect::LoadLists]);
    shell::settle(&mut store, Clock::Fixed(now()), &mut state, &mut pending);
    state.live = periop::app::state::Live::Watching;
    Ward {
        _dir: dir,
        store,
        state,
        #[cfg(feature = "postgres")]
        server,
    }
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
