//! `periop bench`: the figures DESIGN.md budgets, measured on a real file.
//!
//! Launch to first frame (open, read the board, draw it), the board query
//! alone, and key press to frame (update, its store calls, a full draw), each
//! as p50 / p99 / max over many runs. Drawing goes to an off-screen buffer, so
//! the figures are this program's work, not the terminal's.

use crate::app::clock::Clock;
use crate::app::{Msg, State};
use crate::shell;
use crate::store::Store;
use crate::ui::{self, theme::Theme};
use color_eyre::Result;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::VecDeque;
use std::path::Path;
use std::time::{Duration, Instant};

const LAUNCHES: usize = 30;
const BOARD_QUERIES: usize = 200;

pub fn run(path: &Path, clock: Clock, keys: usize) -> Result<()> {
    let theme = Theme { color: true };
    let mut launch = Vec::with_capacity(LAUNCHES);
    for _ in 0..LAUNCHES {
        let started = Instant::now();
        let mut store = Store::open(path)?;
        let mut state = State::new(clock.now(), store.zone(), store.actor().clone(), path.display().to_string());
        let mut pending = VecDeque::from([crate::app::Effect::LoadBoard(state.board_day())]);
        shell::settle(&mut store, clock, &mut state, &mut pending);
        let mut terminal = Terminal::new(TestBackend::new(160, 48))?;
        terminal.draw(|f| ui::draw(f, &state, &theme))?;
        launch.push(started.elapsed());
    }

    let mut store = Store::open(path)?;
    let day = crate::domain::ward_time::local_day(clock.now(), store.zone());
    let mut board = Vec::with_capacity(BOARD_QUERIES);
    for _ in 0..BOARD_QUERIES {
        let started = Instant::now();
        store.board(day, clock.now())?;
        board.push(started.elapsed());
    }

    let mut state = State::new(clock.now(), store.zone(), store.actor().clone(), path.display().to_string());
    let mut pending = VecDeque::from([crate::app::Effect::LoadBoard(state.board_day())]);
    shell::settle(&mut store, clock, &mut state, &mut pending);
    let mut terminal = Terminal::new(TestBackend::new(160, 48))?;
    let script = key_script();
    let mut presses = Vec::with_capacity(keys);
    for i in 0..keys {
        let key = script[i % script.len()];
        let started = Instant::now();
        if shell::handle(&mut store, clock, &mut state, Msg::Key(key)) {
            terminal.draw(|f| ui::draw(f, &state, &theme))?;
        }
        presses.push(started.elapsed());
    }

    let audit_rows = crate::store::check::full(store.conn())?.audit_rows;
    println!("database: {} ({audit_rows} audit rows)", path.display());
    println!("{:<34} {:>9} {:>9} {:>9} {:>6}", "measure", "p50", "p99", "max", "runs");
    report("launch to first frame", &mut launch);
    report("board query", &mut board);
    report("key press to frame", &mut presses);
    Ok(())
}

/// What a nurse does: move through the board and the audit log, filter, switch days.
fn key_script() -> Vec<KeyEvent> {
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let ch = |c| key(KeyCode::Char(c));
    let mut script = vec![ch('j'), ch('j'), ch('j'), ch('k'), ch('G'), ch('g')];
    script.extend([ch('/'), ch('m'), ch('a'), key(KeyCode::Backspace), key(KeyCode::Esc)]);
    script.extend([ch(']'), ch('j'), ch('['), ch('t')]);
    script.extend([
        key(KeyCode::Tab),
        ch('j'),
        ch('j'),
        ch('/'),
        ch('a'),
        ch('d'),
        key(KeyCode::Esc),
        key(KeyCode::Tab),
    ]);
    script
}

fn report(name: &str, samples: &mut [Duration]) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    if samples.is_empty() {
        return;
    }
    println!("{name:<34} {:>9} {:>9} {:>9} {:>6}", ms(at(0.5)), ms(at(0.99)), ms(at(1.0)), samples.len());
}
