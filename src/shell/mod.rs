//! The live shell: the terminal, the threads that feed one channel, and the
//! loop that drains it, updates the state, runs effects and draws only when
//! something changed (DESIGN.md, "The loop").

mod byte_input;
pub mod effects;
mod events;
pub use events::WATCH_EVERY;
mod save;
mod save_ossification;
mod save_rounds;
mod save_setup;
mod save_stock;
mod search;
mod terminal;
pub mod tty_keys;

use crate::app::clock::Clock;
use crate::app::{self, Effect, Msg, State};
use crate::domain::language::Language;
use crate::domain::settings::IDLE_LOCK_MIN;
use crate::store::Store;
use crate::ui::charset::Charset;
use crate::ui::{self, theme::Theme};
use color_eyre::Result;
use std::collections::VecDeque;
use std::sync::mpsc;

/// Opens the TUI on `store` until the user quits or the terminal goes away.
/// Refuses a terminal that cannot show it (`no_screen`) before touching it.
pub fn run(mut store: Store, clock: Clock, theme: Theme, charset: Charset, language: Language) -> Result<()> {
    use std::io::IsTerminal;
    let term = std::env::var("TERM").ok();
    if let Some(why) = no_screen(term.as_deref(), std::io::stdin().is_terminal(), std::io::stdout().is_terminal()) {
        return Err(color_eyre::eyre::eyre!(why));
    }
    store.set_patience(SAVE_PATIENCE)?;
    let (tx, rx) = mpsc::channel();
    let searcher = search::Searcher::spawn(store.location(), clock, tx.clone());
    // ‹ › ← → are outside ASCII and Latin-1: forms then name the keys.
    crate::app::form::ARROWS_IN_WORDS.store(charset != Charset::Utf8, std::sync::atomic::Ordering::Relaxed);
    events::spawn_all(tx, store.location().clone(), clock, charset == Charset::Utf8);
    let mut guard = terminal::Guard::enter(charset)?;

    let now = clock.now();
    let mut state = State::new(now, store.zone(), store.actor().clone(), store.location().ward_name());
    state.language = language;
    state.idle_lock = crate::domain::privacy::idle_limit(store.settings().number(IDLE_LOCK_MIN));
    if let Some(refused) = store.refused_settings().first() {
        crate::app::update::warn_at_start(&mut state, refused);
    }
    let mut pending: VecDeque<Effect> = VecDeque::from([Effect::LoadBoard(state.board_day()), Effect::LoadLists]);
    let mut redraw = true;
    let mut held: VecDeque<(Msg, std::time::Instant)> = VecDeque::new();
    loop {
        redraw |= settle_with(&mut store, clock, &mut state, &mut pending, searcher.as_ref());
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
        let first = if held.is_empty() {
            match rx.recv() {
                Ok(msg) => Some(msg),
                Err(_) => break,
            }
        } else {
            match rx.recv_timeout(HOLD_KEYS_AT_MOST) {
                Ok(msg) => Some(msg),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        };
        for msg in one_tick(first.into_iter().chain(rx.try_iter()).collect()) {
            // Each message's loads run before the next key is read, so a
            // key typed ahead (2 then Enter) acts on what it will see; a key
            // for the list while its search is out waits for the answer
            // (typing in the filter line does not: it supersedes it).
            if matches!(msg, Msg::Key(_)) && (!held.is_empty() || waits_for_search(&state, searcher.as_ref())) {
                held.push_back((msg, std::time::Instant::now()));
                continue;
            }
            redraw |= handle_with(&mut store, clock, &mut state, msg, searcher.as_ref());
        }
        while let Some((_, since)) = held.front() {
            if waits_for_search(&state, searcher.as_ref()) && since.elapsed() < HOLD_KEYS_AT_MOST {
                break;
            }
            let Some((msg, _)) = held.pop_front() else { break };
            redraw |= handle_with(&mut store, clock, &mut state, msg, searcher.as_ref());
        }
    }
    drop(guard);
    Ok(())
}

/// Why the full screen cannot open here, if it cannot: a terminal that
/// cannot move its cursor (`TERM=dumb`: an editor's shell), or standard
/// input or output that is not a terminal (a pipe, a script). Said before
/// the terminal is touched, on stderr by `main`, so in the process's
/// language, which `main` has set (`i18n::set_language`) to the one it hands
/// the screen. Both point at the text commands.
fn no_screen(term: Option<&str>, stdin_is_terminal: bool, stdout_is_terminal: bool) -> Option<String> {
    if term == Some("dumb") {
        return Some(tr!("terminal-dumb").into_owned());
    }
    (!stdin_is_terminal || !stdout_is_terminal).then(|| tr!("terminal-not-a-terminal").into_owned())
}

/// The batch with only its latest tick. Ticks queue up while the loop is
/// held (a save waiting on another program's lock); counted one by one they
/// would age a notice shown right after the wait (the save's refusal) to
/// nothing before anyone could read it.
fn one_tick(batch: Vec<Msg>) -> Vec<Msg> {
    let last = batch.iter().rposition(|m| matches!(m, Msg::Tick(_)));
    batch
        .into_iter()
        .enumerate()
        .filter(|(i, m)| !matches!(m, Msg::Tick(_)) || Some(*i) == last)
        .map(|(_, m)| m)
        .collect()
}

/// How long a save from the screen waits for another program's write lock
/// before it is refused with [`crate::store::StoreError::Held`]: the screen
/// does not answer keys meanwhile, so less than the commands' patience.
const SAVE_PATIENCE: std::time::Duration = std::time::Duration::from_secs(2);

/// A key for a list waits at most this long for the list's search to answer.
const HOLD_KEYS_AT_MOST: std::time::Duration = std::time::Duration::from_secs(1);

/// True when a key now would act on a list whose search is still out.
fn waits_for_search(state: &State, searcher: Option<&search::Searcher>) -> bool {
    !matches!(state.mode, app::state::Mode::Filter) && searcher.is_some_and(search::Searcher::busy)
}

/// Runs the waiting effects, and those their answers ask for, until none is
/// left. True if the screen needs drawing.
pub fn settle(store: &mut Store, clock: Clock, state: &mut State, pending: &mut VecDeque<Effect>) -> bool {
    settle_with(store, clock, state, pending, None)
}

/// [`settle`], handing searches to `searcher` (their answers come back later
/// on the loop's channel).
fn settle_with(
    store: &mut Store,
    clock: Clock,
    state: &mut State,
    pending: &mut VecDeque<Effect>,
    searcher: Option<&search::Searcher>,
) -> bool {
    let mut redraw = false;
    while let Some(effect) = pending.pop_front() {
        let effect = match searcher {
            Some(searcher) => match searcher.offer(effect) {
                Some(effect) => effect,
                None => continue,
            },
            None => effect,
        };
        let msg = effects::run(store, clock, effect);
        let outcome = app::update(state, msg);
        redraw |= outcome.redraw;
        queue(pending, outcome.effects);
    }
    redraw
}

/// Handles one message to the end: update, then its effects. For the benchmark.
pub fn handle(store: &mut Store, clock: Clock, state: &mut State, msg: Msg) -> bool {
    handle_with(store, clock, state, msg, None)
}

fn handle_with(
    store: &mut Store,
    clock: Clock,
    state: &mut State,
    msg: Msg,
    searcher: Option<&search::Searcher>,
) -> bool {
    // The effects' notices and refusals in the screen's language.
    let _language = crate::i18n::scope(state.language);
    let outcome = app::update(state, msg);
    let mut pending = VecDeque::new();
    queue(&mut pending, outcome.effects);
    outcome.redraw | settle_with(store, clock, state, &mut pending, searcher)
}

/// Adds effects, skipping one already waiting (two saves seen at once need one reload).
fn queue(pending: &mut VecDeque<Effect>, effects: Vec<Effect>) {
    for effect in effects {
        if !pending.contains(&effect) {
            pending.push_back(effect);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_terminal_that_cannot_show_the_screen_is_refused_in_the_language_in_force() {
        assert_eq!(no_screen(Some("xterm-256color"), true, true), None);
        assert_eq!(
            no_screen(Some("dumb"), true, true).as_deref(),
            Some(
                "this terminal (TERM=dumb) cannot show the full screen; use the text commands instead: \
                 `periop board`, `periop admissions`, `periop --help`"
            )
        );
        assert_eq!(
            no_screen(None, false, true).as_deref(),
            Some(
                "the full screen needs a terminal, and standard input or output is not one; \
                 for scripts use the text commands: `periop board`, `periop admissions`, `periop --help`"
            )
        );
        let _fr = crate::i18n::scope(Language::Fr);
        let dumb = no_screen(Some("dumb"), true, true).unwrap();
        assert!(dumb.starts_with("ce terminal (TERM=dumb) ne peut pas afficher l'écran complet\u{a0};"), "{dumb}");
        let piped = no_screen(Some("xterm"), true, false).unwrap();
        assert!(piped.starts_with("l'écran complet a besoin d'un terminal"), "{piped}");
        for said in [dumb, piped] {
            assert!(said.contains("`periop board`") && !said.contains("full screen"), "{said}");
        }
    }

    #[test]
    fn a_burst_of_ticks_counts_once_and_keeps_the_other_messages_in_order() {
        let at = |s| Msg::Tick(Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, s).unwrap());
        let batch = vec![at(1), Msg::Resized(80, 24), at(2), at(3), Msg::Resized(100, 30)];
        let kept = one_tick(batch);
        assert_eq!(kept.len(), 3);
        assert!(matches!(kept[0], Msg::Resized(80, 24)));
        assert!(matches!(kept[1], Msg::Tick(t) if t.timestamp() % 60 == 3));
        assert!(matches!(kept[2], Msg::Resized(100, 30)));
    }
}
