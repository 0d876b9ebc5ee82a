//! The live shell: the terminal, the threads that feed one channel, and the
//! loop that drains it, updates the state, runs effects and draws only when
//! something changed (DESIGN.md, "The loop").

mod byte_input;
pub mod effects;
mod events;
mod save;
mod terminal;
pub mod tty_keys;

use crate::app::clock::Clock;
use crate::app::{self, Effect, Msg, State};
use crate::domain::settings::IDLE_LOCK_MIN;
use crate::store::Store;
use crate::ui::charset::Charset;
use crate::ui::{self, theme::Theme};
use color_eyre::Result;
use std::collections::VecDeque;
use std::sync::mpsc;

/// A terminal that cannot move its cursor (`TERM=dumb`: an editor's shell,
/// a pipe) gets this instead of a full screen.
pub const DUMB_TERMINAL: &str = "this terminal (TERM=dumb) cannot show the full screen; \
     use the text commands instead: `periop board`, `periop admissions`, `periop --help`";

/// Opens the TUI on `store` until the user quits or the terminal goes away.
/// Refuses a `TERM=dumb` terminal with [`DUMB_TERMINAL`].
pub fn run(mut store: Store, clock: Clock, theme: Theme, charset: Charset) -> Result<()> {
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return Err(color_eyre::eyre::eyre!(DUMB_TERMINAL));
    }
    let (tx, rx) = mpsc::channel();
    events::spawn_all(tx, store.path().to_path_buf(), clock, charset == Charset::Utf8);
    let mut guard = terminal::Guard::enter(charset)?;

    let now = clock.now();
    let mut state = State::new(now, store.zone(), store.actor().clone(), store.path().display().to_string());
    state.idle_lock = crate::domain::privacy::idle_limit(store.settings().number(IDLE_LOCK_MIN));
    let mut pending: VecDeque<Effect> = VecDeque::from([Effect::LoadBoard(state.board_day()), Effect::LoadLists]);
    let mut redraw = true;
    loop {
        redraw |= settle(&mut store, clock, &mut state, &mut pending);
        if state.quit {
            break;
        }
        if redraw {
            guard.draw(|frame| {
                let area = frame.area();
                state.page_rows = ui::body_rows(area.height).saturating_sub(2).max(1);
                // The keys follow what is drawn: below 80×24 only the urgent list acts.
                app::update(&mut state, Msg::Resized(area.width, area.height));
                ui::draw(frame, &state, &theme);
            })?;
            redraw = false;
        }
        // Block for the next message, then take everything already waiting,
        // so a burst (resizes, a flurry of saves) costs one frame.
        let Ok(first) = rx.recv() else { break };
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            // Each message's loads run before the next key is read, so a
            // key typed ahead (2 then Enter) acts on what it will see.
            redraw |= handle(&mut store, clock, &mut state, msg);
        }
    }
    drop(guard);
    Ok(())
}

/// Runs the waiting effects, and those their answers ask for, until none is
/// left. True if the screen needs drawing.
pub fn settle(store: &mut Store, clock: Clock, state: &mut State, pending: &mut VecDeque<Effect>) -> bool {
    let mut redraw = false;
    while let Some(effect) = pending.pop_front() {
        let msg = effects::run(store, clock, effect);
        let outcome = app::update(state, msg);
        redraw |= outcome.redraw;
        queue(pending, outcome.effects);
    }
    redraw
}

/// Handles one message to the end: update, then its effects. For the benchmark.
pub fn handle(store: &mut Store, clock: Clock, state: &mut State, msg: Msg) -> bool {
    let outcome = app::update(state, msg);
    let mut pending = VecDeque::new();
    queue(&mut pending, outcome.effects);
    outcome.redraw | settle(store, clock, state, &mut pending)
}

/// Adds effects, skipping one already waiting (two saves seen at once need one reload).
fn queue(pending: &mut VecDeque<Effect>, effects: Vec<Effect>) {
    for effect in effects {
        if !pending.contains(&effect) {
            pending.push_back(effect);
        }
    }
}
