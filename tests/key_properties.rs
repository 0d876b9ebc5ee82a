//! The input router's invariants, as properties over random key sequences
//! (DESIGN.md, the screen; issue "Keys a nurse can trust"), on the app state
//! machine with a demo ward and its real store: no terminal needed.
//!
//! From every state a random sequence reaches:
//! - no panic, and the state's own invariants hold (a selection points at a
//!   row the screen shows, a cursor at an item, a filter only on a list);
//! - a few `Esc` (answering `y` when asked to throw typing away) return to a
//!   tab's list, and `q` then quits;
//! - `Ctrl-C` quits, asking first only when a form holds typing;
//! - every key the hint bar or the help shows changes something, starts a
//!   load or a save, or says why not (moving past the end of a list excepted).

use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use periop::app::clock::Clock;
use periop::app::keymap::{self, BINDINGS, Key, Scope};
use periop::app::router;
use periop::app::state::{Mode, Tab};
use periop::app::{Effect, Msg, State, board_rows, update};
use periop::cli::demo;
use periop::shell;
use periop::store::{Account, Store};
use proptest::prelude::*;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap()
}

fn nurse() -> Account {
    Account { name: "nurse1".into(), full_name: Some("Nurse One".into()) }
}

/// One demo ward built once; each case works on its own copy.
fn template() -> &'static PathBuf {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let path = dir.join("template.db");
        let store = demo::build(&path, &nurse(), now(), &demo::Options { seed: 3, years: 0 }, &mut |_| {}).unwrap();
        drop(store);
        path
    })
}

struct Ward {
    _dir: tempfile::TempDir,
    store: Store,
    state: State,
}

fn ward() -> Ward {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    std::fs::copy(template(), &path).unwrap();
    let mut store = Store::open_as(&path, &nurse()).unwrap();
    let mut state = State::new(now(), store.zone(), store.actor().clone(), path.display().to_string());
    let mut pending = VecDeque::from([Effect::LoadBoard(state.board_day()), Effect::LoadLists]);
    shell::settle(&mut store, Clock::Fixed(now()), &mut state, &mut pending);
    Ward { _dir: dir, store, state }
}

impl Ward {
    fn send(&mut self, msg: Msg) {
        shell::handle(&mut self.store, Clock::Fixed(now()), &mut self.state, msg);
    }

    fn press(&mut self, key: KeyEvent) {
        self.send(Msg::Key(key));
    }
}

fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// The key events a binding's key stands for.
fn events(key: Key) -> Vec<KeyEvent> {
    match key {
        Key::Char(c) => vec![plain(KeyCode::Char(c))],
        Key::Ctrl(c) => vec![ctrl(c)],
        Key::Code(code) => vec![plain(code)],
        Key::Digit => (1..=9).map(|n| plain(KeyCode::Char(char::from(b'0' + n)))).collect(),
    }
}

/// Every key the keymap knows, and some it does not.
fn key_pool() -> Vec<KeyEvent> {
    let mut pool: Vec<KeyEvent> = BINDINGS.iter().flat_map(|b| b.keys.iter().copied().flat_map(events)).collect();
    for c in ['x', 'z', 'é', '0', '-', '.', ',', '/', ':', 'Z', '山'] {
        pool.push(plain(KeyCode::Char(c)));
    }
    pool.extend([plain(KeyCode::Backspace), plain(KeyCode::Delete), plain(KeyCode::F(5)), ctrl('w'), ctrl('a')]);
    pool.sort_by_key(|k| format!("{k:?}"));
    pool.dedup();
    pool
}

#[derive(Debug, Clone)]
enum Event {
    Key(KeyEvent),
    Resize(u16, u16),
    Tick,
}

fn event() -> impl Strategy<Value = Event> {
    let pool = key_pool();
    prop_oneof![
        20 => proptest::sample::select(pool).prop_map(Event::Key),
        1 => prop_oneof![Just((60u16, 20u16)), Just((80, 24)), Just((160, 48))].prop_map(|(w, h)| Event::Resize(w, h)),
        1 => Just(Event::Tick),
    ]
}

/// The state machine's own invariants.
fn check_invariants(state: &State) -> Result<(), String> {
    if let Some(id) = state.board.selected {
        let rows = board_rows::all_rows(&state.board);
        if !rows.contains(&id) {
            return Err(format!("board selection {id:?} is not a row on screen"));
        }
    }
    for (name, selected, visible) in [
        (
            "admissions",
            state.admissions.list.selected,
            state.admissions.list.visible().map(|r| r.admission_id).collect::<Vec<_>>(),
        ),
        ("beds", state.beds.selected, state.beds.visible().map(|r| r.bed_id).collect()),
        ("anaesthesia", state.anaesthesia.selected, state.anaesthesia.visible().map(|r| r.case_id).collect()),
    ] {
        // The Admissions list's selection may name an admission opened from
        // another tab, before the list is read again.
        if name != "admissions"
            && let Some(id) = selected
            && !visible.contains(&id)
        {
            return Err(format!("{name} selection {id} is not a visible row"));
        }
    }
    if let Some(view) = &state.admissions.detail
        && let Some(d) = &view.data
        && !d.checklist.is_empty()
        && view.cursor >= d.checklist.len()
    {
        return Err(format!("detail cursor {} past {} items", view.cursor, d.checklist.len()));
    }
    if state.mode == Mode::Filter && state.detail().is_some() {
        return Err("a filter is open on an admission's page".into());
    }
    if let Mode::Form(open) = &state.mode
        && open.form.focus >= open.form.fields.len()
    {
        return Err("form focus past its fields".into());
    }
    Ok(())
}

/// True when the state shows a tab's list, nothing over it.
fn at_a_list(state: &State) -> bool {
    state.mode == Mode::Normal && state.help.is_none() && state.detail().is_none()
}

/// `Esc` a few times, answering `y` when asked to throw typing away.
fn escape_to_list(ward: &mut Ward) -> Result<(), String> {
    for _ in 0..8 {
        if at_a_list(&ward.state) {
            return Ok(());
        }
        let asking =
            ward.state.help.is_none() && matches!(&ward.state.mode, Mode::Form(open) if open.form.confirm_discard);
        ward.press(plain(if asking { KeyCode::Char('y') } else { KeyCode::Esc }));
    }
    Err(format!("8 Esc did not reach a list: mode {:?}, tab {:?}", mode_name(&ward.state), ward.state.tab))
}

fn mode_name(state: &State) -> &'static str {
    if state.help.is_some() {
        return "help";
    }
    match state.mode {
        Mode::Normal if state.detail().is_some() => "admission page",
        Mode::Normal => "list",
        Mode::Filter => "filter",
        Mode::Dialog(_) => "confirmation",
        Mode::Form(_) => "form",
    }
}

/// What a key did, seen from outside: the state as text, and the effects.
fn effect_of(state: &State, key: KeyEvent) -> (bool, String) {
    // A notice already on screen would hide the same notice said again.
    let mut copy = state.clone();
    copy.notice = None;
    let before = format!("{copy:?}");
    let outcome = update(&mut copy, Msg::Key(key));
    let changed = !outcome.effects.is_empty() || copy.quit || format!("{copy:?}") != before;
    (changed, format!("{:?}", copy.notice))
}

/// Every key the hint bar or the help shows for this state does something
/// or says why not.
fn check_shown_keys(state: &State) -> Result<(), String> {
    if state.help.is_some() {
        // The help's own keys here; what it lists, on the state under it.
        check_keys(state, &router::scopes(state))?;
        let mut under = state.clone();
        under.help = None;
        return check_shown_keys(&under);
    }
    let mut scopes = router::scopes(state);
    scopes.push(Scope::Anywhere);
    check_keys(state, &scopes)
}

fn check_keys(state: &State, scopes: &[Scope]) -> Result<(), String> {
    for binding in BINDINGS.iter().filter(|b| scopes.contains(&b.scope)) {
        use periop::app::keymap::Action::*;
        // Moving past either end of a list leaves the selection where it is.
        if matches!(binding.action, Down | Up | PageDown | PageUp | Top | Bottom) {
            continue;
        }
        // A form's keys act on its fields; a form is checked by its own tests.
        if binding.scope == Scope::Form {
            continue;
        }
        // What cannot act now is left off the hint bar and greyed in the help.
        if !router::applies(state, binding.scope, binding.action) {
            continue;
        }
        let Some(key) = binding.keys.first().copied() else { continue };
        let key = events(key)[0];
        // Digits past the last tab are not bound at all.
        if keymap::resolve(scopes, &key).is_none() && !matches!(state.mode, Mode::Filter) {
            continue;
        }
        let (changed, _) = effect_of(state, key);
        if !changed {
            return Err(format!(
                "{} ({}) shown in {:?} did nothing and said nothing (state: {}, tab {:?})",
                keymap::keys_label(binding, state.language),
                binding.help(state.language),
                binding.scope,
                mode_name(state),
                state.tab
            ));
        }
    }
    Ok(())
}

fn run(events: &[Event]) -> Result<(), TestCaseError> {
    let mut ward = ward();
    for (i, e) in events.iter().enumerate() {
        match e {
            Event::Key(k) => ward.press(*k),
            Event::Resize(w, h) => ward.send(Msg::Resized(*w, *h)),
            Event::Tick => ward.send(Msg::Tick(now())),
        }
        if ward.state.quit {
            return Ok(());
        }
        check_invariants(&ward.state)
            .map_err(|e| TestCaseError::fail(format!("after event {i} ({:?}): {e}", events[i])))?;
    }
    check_shown_keys(&ward.state).map_err(TestCaseError::fail)?;
    // Ctrl-C from here: quits, or asks once when a form holds typing.
    let mut copy = ward.state.clone();
    update(&mut copy, Msg::Key(ctrl('c')));
    if !copy.quit {
        let asked = matches!(&copy.mode, Mode::Form(open) if open.form.dirty && open.form.confirm_discard);
        prop_assert!(asked, "Ctrl-C neither quit nor asked (state {})", mode_name(&ward.state));
        update(&mut copy, Msg::Key(plain(KeyCode::Char('y'))));
        prop_assert!(copy.quit, "y after Ctrl-C did not quit");
    }
    // A few Esc reach a list (in a window big enough to show one); q quits.
    ward.send(Msg::Resized(80, 24));
    escape_to_list(&mut ward).map_err(TestCaseError::fail)?;
    ward.press(plain(KeyCode::Char('q')));
    prop_assert!(ward.state.quit, "q on a list did not quit (tab {:?})", ward.state.tab);
    Ok(())
}

/// How many random sequences each property runs; `PROPTEST_CASES` raises it.
fn config() -> ProptestConfig {
    ProptestConfig { cases: 96, max_shrink_iters: 200, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_keys_keep_every_invariant(events in proptest::collection::vec(event(), 1..60)) {
        run(&events)?;
    }
}

/// The faults found in use, each pinned: they failed on the old router.
mod found_in_use {
    use super::*;

    fn keys(ward: &mut Ward, text: &str) {
        for c in text.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                '\x1b' => KeyCode::Esc,
                c => KeyCode::Char(c),
            };
            ward.press(plain(code));
        }
    }

    /// Opens the first admission of the Admissions tab (every day) whose
    /// state is `wanted`.
    fn open_admission(ward: &mut Ward, wanted: &str) {
        open_where(ward, wanted, |_| true);
    }

    /// Opens the first admission in state `wanted` that `also` accepts.
    pub(super) fn open_where(
        ward: &mut Ward,
        wanted: &str,
        also: impl Fn(&periop::domain::journey::AdmissionSummary) -> bool,
    ) {
        keys(ward, "2w");
        let id = ward
            .state
            .admissions
            .list
            .rows
            .iter()
            .find(|r| r.state.code() == wanted && also(r))
            .map(|r| r.admission_id)
            .unwrap_or_else(|| panic!("the demo has an admission {wanted}"));
        ward.state.admissions.list.selected = Some(id);
        keys(ward, "\n");
        assert!(ward.state.detail().and_then(|d| d.data.as_ref()).is_some(), "the admission opened");
    }

    #[test]
    fn a_confirmation_opened_from_an_admission_answers_y_and_esc() {
        let mut w = ward();
        // Admitted, with the procedure already started (R-PATH-6).
        open_where(&mut w, "admitted", |r| r.procedure_start.is_some_and(|s| s <= now()));
        keys(&mut w, "p");
        assert!(matches!(w.state.mode, Mode::Dialog(_)), "p asks first: {:?}", w.state.notice);
        keys(&mut w, "\x1b");
        assert_eq!(w.state.mode, Mode::Normal, "Esc cancels");
        keys(&mut w, "py");
        let d = w.state.detail().and_then(|d| d.data.as_ref()).unwrap();
        assert_eq!(d.admission.state.code(), "procedure_done", "y confirmed and the step was saved");
    }

    #[test]
    fn ctrl_c_leaves_help_filters_and_confirmations() {
        for opening in ["?", "/", "jja"] {
            let mut w = ward();
            keys(&mut w, opening);
            assert!(w.state.mode != Mode::Normal || w.state.help.is_some(), "{opening} opened a box");
            w.press(ctrl('c'));
            assert!(w.state.quit, "Ctrl-C after {opening:?}");
        }
    }

    #[test]
    fn esc_closes_the_help_over_an_admission_and_leaves_the_admission_open() {
        let mut w = ward();
        open_admission(&mut w, "admitted");
        keys(&mut w, "?\x1b");
        assert_eq!(w.state.mode, Mode::Normal);
        assert!(w.state.detail().is_some(), "the admission stays open");
    }

    #[test]
    fn slash_filters_beds_and_anaesthesia_and_typing_is_not_a_command() {
        for tab in ["3", "4"] {
            let mut w = ward();
            keys(&mut w, tab);
            let before = w.state.tab;
            keys(&mut w, "/B1");
            assert_eq!(w.state.tab, before, "typing B1 in a filter stays on the tab");
            assert_eq!(w.state.mode, Mode::Filter);
        }
        let mut w = ward();
        keys(&mut w, "3/B01\n");
        assert!(w.state.beds.visible().all(|b| b.label.contains("B01")), "the filter narrows the beds");
        // Found in use (#10): Ctrl-U on an empty filter line closed it, and
        // the digits typed next switched tabs. It only clears.
        let mut w = ward();
        keys(&mut w, "3/");
        w.press(ctrl('u'));
        assert_eq!(w.state.mode, Mode::Filter, "Ctrl-U on an empty filter keeps it open");
        keys(&mut w, "A2608");
        assert_eq!(w.state.tab, Tab::Beds, "the digits went to the filter");
    }

    #[test]
    fn digits_past_the_last_tab_are_not_offered_and_do_nothing() {
        let mut w = ward();
        // 0 names no tab; nor does the digit after the last tab, if any.
        keys(&mut w, "0");
        if let Some(past) = char::from_digit(Tab::ALL.len() as u32 + 1, 10) {
            keys(&mut w, &past.to_string());
        }
        assert_eq!(w.state.tab, Tab::Board);
        let digit = BINDINGS.iter().find(|b| b.keys.contains(&Key::Digit)).unwrap();
        assert_eq!(keymap::keys_label(digit, periop::domain::language::Language::En), format!("1-{}", Tab::ALL.len()));
    }

    #[test]
    fn esc_from_an_admission_goes_back_where_it_was_opened() {
        let mut w = ward();
        // From the Board: the first row that opens an admission.
        while periop::app::screens::board::selected_admission(&w.state).is_none() {
            keys(&mut w, "j");
        }
        keys(&mut w, "\n");
        assert!(w.state.detail().is_some());
        keys(&mut w, "\x1b");
        assert_eq!(w.state.tab, Tab::Board);
        // From the anaesthesia worklist.
        let mut w = ward();
        keys(&mut w, "4");
        if !w.state.anaesthesia.rows.is_empty() {
            keys(&mut w, "\n\x1b");
            assert_eq!(w.state.tab, Tab::Anaesthesia);
        }
    }

    #[test]
    fn a_notice_goes_after_a_few_ticks_with_a_fixed_clock_and_on_another_tab() {
        let mut w = ward();
        keys(&mut w, "3x\x1b");
        assert!(w.state.notice.is_some(), "cancel says nothing was changed");
        for _ in 0..10 {
            w.send(Msg::Tick(now()));
        }
        assert!(w.state.notice.is_none(), "gone though the ward clock stood still");
        keys(&mut w, "x\x1b1");
        assert!(w.state.notice.is_none(), "a notice does not follow the user to another tab");
    }

    #[test]
    fn discharging_an_admitted_patient_names_the_step_that_comes_first_and_its_key() {
        let mut w = ward();
        open_admission(&mut w, "admitted");
        keys(&mut w, "d");
        let text = w.state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
        assert!(text.contains("\"procedure done\" (p)"), "{text}");
        assert_eq!(w.state.mode, Mode::Normal, "no form for a step that cannot be taken");
    }

    #[test]
    fn below_80x24_only_the_urgent_list_acts() {
        let mut w = ward();
        w.send(Msg::Resized(60, 20));
        keys(&mut w, "jjay");
        assert_eq!(w.state.mode, Mode::Normal, "a and y reached no hidden screen");
        assert!(w.state.urgent_scroll > 0, "j scrolls the urgent list");
        let alerts = w.state.board.board.as_ref().map_or(0, |b| b.attention.len());
        for _ in 0..alerts + 3 {
            keys(&mut w, "j");
        }
        assert_eq!(w.state.urgent_scroll, alerts - 1, "every alert can be reached, no further");
        keys(&mut w, "q");
        assert!(w.state.quit);
    }

    #[test]
    fn a_refused_save_shows_the_new_values_and_the_retry_is_saved() {
        let mut w = ward();
        open_admission(&mut w, "planned");
        // Move the procedure, while another terminal moves it first.
        keys(&mut w, "m");
        assert!(matches!(w.state.mode, Mode::Form(_)));
        let (case_id, version) = {
            let d = w.state.detail().and_then(|d| d.data.as_ref()).unwrap();
            let c = d.case.as_ref().unwrap();
            (c.case_id, c.version)
        };
        let other = Account { name: "nurse2".into(), full_name: Some("Nurse Two".into()) };
        let path = Path::new(&w.state.database).to_path_buf();
        // R-ROLE-1: moving a case is the block schedule's (the admin gives the role).
        w.store.set_accounts(periop::store::Accounts::only(&["nurse2"]));
        w.store
            .write(now(), |tx| {
                periop::store::staff::add(tx, Some("nurse2"), "Nurse Two", periop::domain::roles::Role::Scheduler)
            })
            .unwrap();
        let mut peer = Store::open_as(&path, &other).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let time = chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap();
        let settings = peer.settings().clone();
        let at = periop::domain::ward_time::at_local(day, time, settings.zone());
        peer.write(now(), |tx| periop::store::cases::move_case(tx, case_id, version, at, false, &settings)).unwrap();
        // Our own move: Ctrl-U clears the time, type 15:30, save.
        keys(&mut w, "\t");
        w.press(ctrl('u'));
        keys(&mut w, "15:30");
        w.press(ctrl('s'));
        let Mode::Form(open) = &w.state.mode else { panic!("the form stays open after a conflict") };
        let error = open.form.error.clone().unwrap_or_default();
        assert!(error.contains("Nurse Two") || error.contains("nurse2"), "names who saved first: {error}");
        assert_eq!(open.form.value("time"), "15:30", "the typing is kept");
        assert!(open.form.theirs.iter().any(|(k, v)| *k == "time" && v == "14:00"), "{:?}", open.form.theirs);
        // The retry, having seen their values, is saved.
        w.press(ctrl('s'));
        assert_eq!(w.state.mode, Mode::Normal, "saved: {:?}", w.state.notice);
        let d = w.state.detail().and_then(|d| d.data.as_ref()).unwrap();
        let start = d.case.as_ref().unwrap().start.with_timezone(&settings.zone());
        assert_eq!(start.format("%d/%m %H:%M").to_string(), "27/11 15:30");
    }
}

mod retrospective {
    use super::*;

    fn type_text(ward: &mut Ward, text: &str) {
        for c in text.chars() {
            ward.press(plain(if c == '\t' { KeyCode::Tab } else { KeyCode::Char(c) }));
        }
    }

    /// R-PATH-6: a planned date already past asks first; `n` goes back to
    /// the form with the typing, `y` records it as a retrospective entry.
    #[test]
    fn r_path_6_a_past_procedure_day_asks_and_n_keeps_the_typing_y_records_it() {
        let mut w = ward();
        type_text(&mut w, "2n");
        type_text(&mut w, "H900\tRétro\tÉlise\t01/02/1950\tf\tv\t");
        w.press(ctrl('u'));
        type_text(&mut w, "21/11/2026\t");
        w.press(ctrl('u'));
        type_text(&mut w, "08:00\t\tl");
        w.press(ctrl('s'));
        let Mode::Dialog(dialog) = &w.state.mode else { panic!("asks first: {:?}", w.state.notice) };
        assert_eq!(dialog.title, "Record a past date?");
        assert!(dialog.lines.iter().any(|l| l.contains("already passed")), "{:?}", dialog.lines);
        w.press(plain(KeyCode::Char('n')));
        let Mode::Form(open) = &w.state.mode else { panic!("n goes back to the form") };
        assert_eq!(open.form.value("surname"), "Rétro", "the typing is kept");
        w.press(ctrl('s'));
        assert!(matches!(w.state.mode, Mode::Dialog(_)), "asks again");
        w.press(plain(KeyCode::Char('y')));
        assert_eq!(w.state.mode, Mode::Normal, "saved: {:?}", w.state.notice);
        let conn = rusqlite::Connection::open(&w.state.database).unwrap();
        let retrospective: bool = conn
            .query_row(
                "SELECT c.retrospective FROM cases c JOIN admissions a ON a.id = c.admission_id
                 JOIN patients p ON p.id = a.patient_id WHERE p.hospital_number = 'H900'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(retrospective, "recorded as a retrospective entry");
    }

    /// Found in use: Ctrl-C on "Record a past date?" quit and threw away
    /// the whole form; it asks, since the form holds typing.
    #[test]
    fn ctrl_c_on_a_past_date_question_asks_before_throwing_the_form_away() {
        let mut w = ward();
        type_text(&mut w, "2n");
        type_text(&mut w, "H901\tRetro\tAnne\t01/02/1950\tf\tv\t");
        w.press(ctrl('u'));
        type_text(&mut w, "21/11/2026\t\t\tl");
        w.press(ctrl('s'));
        assert!(matches!(w.state.mode, Mode::Dialog(_)));
        w.press(ctrl('c'));
        assert!(!w.state.quit, "asks first");
        let Mode::Form(open) = &w.state.mode else { panic!("the form is back, asking") };
        assert!(open.form.confirm_discard && open.form.quit_after_discard);
        w.press(plain(KeyCode::Char('n')));
        let Mode::Form(open) = &w.state.mode else { panic!("n keeps the form") };
        assert_eq!(open.form.value("surname"), "Retro", "n keeps the typing");
    }
}

mod found_in_use_too {
    use super::*;

    fn type_text(ward: &mut Ward, text: &str) {
        for c in text.chars() {
            ward.press(plain(if c == '\t' { KeyCode::Tab } else { KeyCode::Char(c) }));
        }
    }

    /// Found in use: in a small window, `?` then Esc then `q` quit without
    /// asking, because the help replaced the form.
    #[test]
    fn help_over_a_form_in_a_small_window_keeps_the_form_and_q_asks() {
        let mut w = ward();
        type_text(&mut w, "nZZ9");
        w.send(Msg::Resized(60, 20));
        type_text(&mut w, "?");
        assert!(w.state.help.is_some());
        w.press(plain(KeyCode::Esc));
        type_text(&mut w, "q");
        assert!(!w.state.quit, "asks: the form holds typing");
        type_text(&mut w, "y");
        assert!(w.state.quit);
    }

    /// Found in use: F1 did nothing in a form; `?` on a list field marked
    /// the form as holding typing.
    #[test]
    fn f1_in_a_form_opens_the_help_over_it_and_question_mark_on_a_choice_changes_nothing() {
        let mut w = ward();
        type_text(&mut w, "n");
        w.press(plain(KeyCode::F(1)));
        assert!(w.state.help.is_some(), "F1 opens the help");
        assert!(matches!(w.state.mode, Mode::Form(_)), "over the form");
        w.press(plain(KeyCode::Esc));
        assert!(w.state.help.is_none() && matches!(w.state.mode, Mode::Form(_)));
        // The sex field is a choice: `?` there opens the help, types nothing.
        type_text(&mut w, "\t\t\t\t?");
        w.press(plain(KeyCode::Esc));
        let Mode::Form(open) = &w.state.mode else { panic!() };
        assert!(!open.form.dirty, "nothing was typed");
    }

    /// Found in use: the Beds tab asked "Close bed B01?" for an occupied bed,
    /// then refused after `y`. It says why at once.
    #[test]
    fn a_bed_action_that_cannot_be_taken_says_why_before_asking() {
        let mut w = ward();
        type_text(&mut w, "3");
        let occupied = w.state.beds.rows.iter().position(|b| b.occupant.is_some()).expect("an occupied bed");
        w.state.beds.selected = Some(w.state.beds.rows[occupied].bed_id);
        type_text(&mut w, "x");
        assert_eq!(w.state.mode, Mode::Normal, "no question for a refusal");
        let text = w.state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
        assert!(text.contains("cannot close a bed that is occupied"), "{text}");
    }

    /// Found in use: a case with its consultation pending could be confirmed
    /// without a word; the question says what it still lacks.
    #[test]
    fn the_confirmation_says_what_the_case_still_lacks() {
        let mut w = ward();
        super::found_in_use::open_where(&mut w, "planned", |r| {
            r.readiness.as_ref().is_some_and(|x| x.status != periop::domain::readiness::Status::Ready)
                && r.case_state == Some(periop::domain::case::CaseState::Planned)
        });
        type_text(&mut w, "f");
        let Mode::Dialog(dialog) = &w.state.mode else { panic!("asks") };
        assert!(dialog.lines.iter().any(|l| l.contains("not ready") || l.contains("at risk")), "{:?}", dialog.lines);
    }
}

/// R-ROLE-1 on screen: a read-only account (staff on call) is shown no key
/// that would change anything, the help greys them, and each such key still
/// says which role it needs instead of doing nothing.
mod roles_on_screen {
    use super::*;
    use periop::app::keymap::Action;

    #[test]
    fn r_role_1_a_read_only_account_is_hinted_no_change_and_told_the_role_needed() {
        let mut w = ward();
        w.state.actor.role = "read_only".into();
        assert!(!router::applies(&w.state, Scope::Board, Action::Admit));
        assert!(!router::applies(&w.state, Scope::Board, Action::NewAdmission));
        assert!(router::applies(&w.state, Scope::Board, Action::NextDay), "looking is allowed");
        for b in keymap::hints(&router::scopes(&w.state)) {
            if router::applies(&w.state, b.scope, b.action) {
                assert!(keymap::change_of(b.action).is_none(), "{:?} hinted to a read-only account", b.action);
            }
        }
        let audit_before = {
            let conn = rusqlite::Connection::open(&w.state.database).unwrap();
            conn.query_row("SELECT count(*) FROM audit", [], |r| r.get::<_, i64>(0)).unwrap()
        };
        w.press(plain(KeyCode::Char('a')));
        let notice = w.state.notice.as_ref().expect("the key says why it did nothing");
        assert!(notice.text.contains("needs the role nurse, doctor or admin"), "{}", notice.text);
        assert!(notice.text.contains("your role is read_only"), "{}", notice.text);
        assert_eq!(w.state.mode, Mode::Normal, "no dialog or form opens");
        // A nurse may admit: the same key asks for confirmation.
        w.state.actor.role = "nurse".into();
        w.press(plain(KeyCode::Char('a')));
        assert!(
            matches!(w.state.mode, Mode::Dialog(_))
                || w.state.notice.as_ref().is_some_and(|n| !n.text.contains("role"))
        );
        let conn = rusqlite::Connection::open(&w.state.database).unwrap();
        let audit_after: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0)).unwrap();
        assert_eq!(audit_after, audit_before);
    }
}

/// Issue 10: on the Stock tab every key the hint bar and the help offer
/// opens its form or says why not; a scan's GS typed as Alt+029 is read.
mod stock_tab {
    use super::*;

    fn keys(ward: &mut Ward, text: &str) {
        for c in text.chars() {
            let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
            ward.press(plain(code));
        }
    }

    #[test]
    fn every_stock_key_does_something_or_says_why() {
        let mut w = ward();
        keys(&mut w, "8");
        assert_eq!(w.state.tab, Tab::Stock);
        check_shown_keys(&w.state).unwrap();
        // On a lot, then on a reference with nothing on the shelf.
        keys(&mut w, "/A2611\n");
        check_shown_keys(&w.state).unwrap();
        for key in ["r", "v", "u", "l", "b", "w", "x", "R", "n", "o"] {
            let mut copy = ward();
            keys(&mut copy, "8/A2611\n");
            keys(&mut copy, key);
            let opened = matches!(copy.state.mode, Mode::Form(_));
            assert!(opened || copy.state.notice.is_some(), "{key} neither opened a form nor said why");
        }
    }

    /// R-TRACE-3 (stretch): an HIBC label (concatenated, expiry YYMMDD,
    /// lot; check character verified) finds the reference whose code is its
    /// product number.
    #[test]
    fn r_trace_3_an_hibc_label_fills_the_receipt() {
        let mut w = ward();
        let body = "+A123SCR700/$$3271231LOTH1";
        let check = periop::domain::stock::hibc::check_char(body).unwrap();
        keys(&mut w, &format!("8r{body}{check}\n"));
        let Mode::Form(open) = &w.state.mode else { panic!("the parsed fields: {:?}", w.state.notice) };
        assert_eq!(open.form.value("lot"), "LOTH1");
        assert_eq!(open.form.value("expiry"), "31/12/2027");
        let scr = w.state.stock.list.rows.iter().find(|r| r.reference.code == "SCR-70").unwrap().reference.id;
        assert_eq!(open.form.value("reference"), scr.to_string());
    }

    /// Found in use (#10): a second box scanned straight after the first
    /// landed in the confirmation's last field, and its Enter saved the
    /// first box with the second label as its location. It is refused, and
    /// nothing is received.
    #[test]
    fn r_trace_3_a_second_scan_into_the_confirmation_is_refused_not_saved_as_a_location() {
        let mut w = ward();
        keys(&mut w, "8");
        let lots = w.state.stock.list.rows.len();
        keys(&mut w, "r01034531200000731727123110FIRST2\n");
        assert!(matches!(w.state.mode, Mode::Form(_)), "the parsed fields: {:?}", w.state.notice);
        keys(&mut w, "01034531200000731728123110SECOND2\n");
        let Mode::Form(open) = &w.state.mode else { panic!("the form was saved: {:?}", w.state.notice) };
        let error = open.form.error.clone().unwrap_or_default();
        assert!(error.contains("this is a scanned label"), "{error}");
        assert_eq!(w.state.stock.list.rows.len(), lots, "nothing was received");
    }

    #[test]
    fn r_trace_3_alt_029_in_the_scan_field_is_a_group_separator() {
        let mut w = ward();
        keys(&mut w, "8r0103453120000073");
        keys(&mut w, "10A1");
        for d in ['0', '2', '9'] {
            w.press(KeyEvent::new(KeyCode::Char(d), KeyModifiers::ALT));
        }
        keys(&mut w, "21S9\n");
        let Mode::Form(open) = &w.state.mode else { panic!("the parsed fields: {:?}", w.state.notice) };
        assert_eq!(open.form.value("lot"), "A1");
        assert_eq!(open.form.value("serial"), "S9");
    }
}

/// Issue 8: the Admin tab is the admins'. An admin gives a role from it (a
/// form, audited through the write path); anyone else is told it is theirs.
mod admin_tab {
    use super::*;

    #[test]
    fn r_role_1_an_admin_gives_a_role_and_others_are_told_the_tab_is_for_admins() {
        let mut w = ward();
        w.press(plain(KeyCode::Char('9')));
        assert_eq!(w.state.tab, Tab::Admin);
        let barbier = w.state.admin.staff.rows.iter().find(|s| s.display_name == "Dr Barbier").unwrap().staff_id;
        while w.state.admin.staff.selected != Some(barbier) {
            w.press(plain(KeyCode::Char('j')));
        }
        w.press(plain(KeyCode::Char('r')));
        assert!(matches!(w.state.mode, Mode::Form(_)), "r opens the role form");
        w.press(plain(KeyCode::Char('p')));
        w.press(ctrl('s'));
        assert_eq!(w.state.mode, Mode::Normal, "saved: {:?}", w.state.notice);
        let conn = rusqlite::Connection::open(&w.state.database).unwrap();
        let role: String = conn.query_row("SELECT role FROM staff WHERE id = ?1", [barbier], |r| r.get(0)).unwrap();
        assert_eq!(role, "pharmacist");
        let row = w.state.admin.staff.rows.iter().find(|s| s.staff_id == barbier).unwrap();
        assert_eq!(row.role.code(), "pharmacist", "the list is read again after the save");

        // x retires, after a confirmation; not an operator of upcoming
        // cases (found in use, #8): the refusal says how many and what to do.
        w.press(plain(KeyCode::Char('x')));
        assert!(matches!(w.state.mode, Mode::Dialog(_)));
        w.press(plain(KeyCode::Char('y')));
        let active: bool = conn.query_row("SELECT active FROM staff WHERE id = ?1", [barbier], |r| r.get(0)).unwrap();
        let booked: i64 = conn
            .query_row(
                "SELECT count(*) FROM cases WHERE (operator_id = ?1 OR anaesthetist_id = ?1)
                 AND state IN ('planned', 'confirmed') AND scheduled_start >= ?2",
                rusqlite::params![barbier, periop::store::error::instant_text(now())],
                |r| r.get(0),
            )
            .unwrap();
        if booked > 0 {
            assert!(active);
            let notice = w.state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
            assert!(notice.contains(&format!("{booked} upcoming case(s)")), "{notice}");
        } else {
            assert!(!active);
        }

        // A nurse does not see the tab; its number says why.
        let mut n = ward();
        n.state.actor.role = "nurse".into();
        assert!(!n.state.tabs().contains(&Tab::Admin));
        n.press(plain(KeyCode::Char('9')));
        assert_eq!(n.state.tab, Tab::Board);
        let notice = n.state.notice.as_ref().expect("says why");
        assert!(notice.text.contains("the Admin tab is for admins"), "{}", notice.text);
        // Tab goes round the tabs a nurse sees.
        n.press(plain(KeyCode::BackTab));
        assert_eq!(n.state.tab, Tab::Stock, "the last tab a nurse sees");
    }

    fn type_text(w: &mut Ward, text: &str) {
        for c in text.chars() {
            w.press(plain(KeyCode::Char(c)));
        }
    }

    fn one<T: rusqlite::types::FromSql>(w: &Ward, sql: &str) -> T {
        let conn = rusqlite::Connection::open(&w.state.database).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    /// Issue 8, item 1 (found in use: the Admin tab could only give roles;
    /// rooms, beds and procedure kinds needed the commands): `]` goes to
    /// the next list, `a` adds, `e` changes, `x` retires, each audited.
    #[test]
    fn r_block_1_r_block_2_an_admin_adds_changes_and_retires_rooms_beds_and_kinds() {
        use periop::app::state::AdminSection;
        let mut w = ward();
        w.press(plain(KeyCode::Char('9')));
        w.press(plain(KeyCode::Char(']')));
        assert_eq!(w.state.admin.section, AdminSection::Rooms);
        // A room: name, kind (Space chooses), hours.
        w.press(plain(KeyCode::Char('a')));
        type_text(&mut w, "Room 3 CT");
        w.press(plain(KeyCode::Tab));
        w.press(plain(KeyCode::Char(' ')));
        w.press(plain(KeyCode::Tab));
        type_text(&mut w, "07:30");
        w.press(plain(KeyCode::Tab));
        type_text(&mut w, "16:00");
        w.press(ctrl('s'));
        assert_eq!(w.state.mode, Mode::Normal, "saved: {:?}", w.state.notice);
        let hours: String = one(&w, "SELECT opens || '-' || closes FROM rooms WHERE name = 'Room 3 CT'");
        assert_eq!(hours, "07:30-16:00");
        assert!(w.state.admin.rooms.rows.iter().any(|r| r.name == "Room 3 CT"), "the list is read again");
        let audited: i64 = one(
            &w,
            "SELECT count(*) FROM audit WHERE table_name = 'rooms' AND action = 'insert'
             AND row_id = (SELECT id FROM rooms WHERE name = 'Room 3 CT')",
        );
        assert!(audited >= 1, "R-AUDIT-1: the room's row is in the audit");

        // A bed renamed with `e`: the form opens on what is stored.
        w.press(plain(KeyCode::Char(']')));
        assert_eq!(w.state.admin.section, AdminSection::Beds);
        let first = w.state.admin.beds.selected_row().unwrap().clone();
        w.press(plain(KeyCode::Char('e')));
        let Mode::Form(open) = &w.state.mode else { panic!("e opens the bed's form") };
        assert_eq!(open.form.value("label"), first.label);
        w.press(ctrl('u'));
        type_text(&mut w, "Bed window");
        w.press(ctrl('s'));
        assert_eq!(w.state.mode, Mode::Normal, "saved: {:?}", w.state.notice);
        let label: String = one(&w, &format!("SELECT label FROM beds WHERE id = {}", first.bed_id));
        assert_eq!(label, "Bed window");

        // A procedure kind retired after a question; one booked upcoming is
        // refused with the count and what to do.
        w.press(plain(KeyCode::Right));
        assert_eq!(w.state.admin.section, AdminSection::Kinds);
        w.press(plain(KeyCode::Char('a')));
        type_text(&mut w, "kyphoplasty");
        w.press(plain(KeyCode::Tab));
        type_text(&mut w, "Kyphoplasty");
        w.press(plain(KeyCode::Tab));
        type_text(&mut w, "75");
        w.press(ctrl('s'));
        assert_eq!(w.state.mode, Mode::Normal, "saved: {:?}", w.state.notice);
        let id: i64 = one(&w, "SELECT id FROM procedure_kinds WHERE code = 'kyphoplasty'");
        for _ in 0..20 {
            if w.state.admin.kinds.selected == Some(id) {
                break;
            }
            w.press(plain(KeyCode::Char('j')));
        }
        assert_eq!(w.state.admin.kinds.selected, Some(id), "j reaches the new kind");
        w.press(plain(KeyCode::Char('x')));
        assert!(matches!(w.state.mode, Mode::Dialog(_)), "x asks first");
        w.press(plain(KeyCode::Char('y')));
        let active: bool = one(&w, &format!("SELECT active FROM procedure_kinds WHERE id = {id}"));
        assert!(!active, "retired: {:?}", w.state.notice);
        let booked = w.state.admin.kinds.rows.iter().find(|k| k.code == "vertebroplasty").unwrap().procedure_kind_id;
        for key in "jjjjjjjjjjkkkkkkkkkk".chars() {
            if w.state.admin.kinds.selected == Some(booked) {
                break;
            }
            w.press(plain(KeyCode::Char(key)));
        }
        assert_eq!(w.state.admin.kinds.selected, Some(booked), "k reaches vertebroplasty");
        w.press(plain(KeyCode::Char('x')));
        w.press(plain(KeyCode::Char('y')));
        let notice = w.state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
        assert!(notice.contains("upcoming case(s)"), "{notice}");
        // `r` gives a role in the staff list only, and says so elsewhere.
        w.press(plain(KeyCode::Char('r')));
        let notice = w.state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
        assert!(notice.contains("staff list"), "{notice}");
    }

    /// No lost update: a room changed in another terminal while the form
    /// was open is refused, not overwritten.
    #[test]
    fn a_room_changed_meanwhile_is_a_conflict_not_overwritten() {
        let mut w = ward();
        w.press(plain(KeyCode::Char('9')));
        w.press(plain(KeyCode::Char(']')));
        let room = w.state.admin.rooms.selected_row().unwrap().clone();
        w.press(plain(KeyCode::Char('e')));
        let conn = rusqlite::Connection::open(&w.state.database).unwrap();
        conn.execute("UPDATE rooms SET closes = '17:00', version = version + 1 WHERE id = ?1", [room.room_id]).unwrap();
        for _ in 0..3 {
            w.press(plain(KeyCode::Tab));
        }
        w.press(ctrl('u'));
        type_text(&mut w, "19:00");
        w.press(ctrl('s'));
        let closes: String =
            conn.query_row("SELECT closes FROM rooms WHERE id = ?1", [room.room_id], |r| r.get(0)).unwrap();
        assert_eq!(closes, "17:00", "the other terminal's change is kept: {:?}", w.state.notice);
    }
}

/// Issue 8, item 5: from an admission's page, `V` voids an entry made by
/// mistake (a form: which entry, and why); the page then shows it voided.
mod voiding {
    use super::*;

    #[test]
    fn a_mistaken_intake_is_voided_from_the_admission_page() {
        let mut w = ward();
        let conn = rusqlite::Connection::open(&w.state.database).unwrap();
        let (admission, intake): (i64, i64) = conn
            .query_row(
                "SELECT admission_id, id FROM intakes WHERE admission_id =
                   (SELECT admission_id FROM intakes ORDER BY id LIMIT 1) ORDER BY taken_at, id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("the demo ward records intakes");
        let out = periop::app::screens::detail::open(&mut w.state, admission);
        let mut pending = VecDeque::from(out.effects);
        shell::settle(&mut w.store, Clock::Fixed(now()), &mut w.state, &mut pending);
        w.press(plain(KeyCode::Char('V')));
        assert!(matches!(w.state.mode, Mode::Form(_)), "V opens the form: {:?}", w.state.notice);
        w.press(plain(KeyCode::Char(' '))); // the first entry: the earliest intake
        w.press(plain(KeyCode::Tab));
        for c in "wrong patient".chars() {
            w.press(plain(KeyCode::Char(c)));
        }
        w.press(ctrl('s'));
        assert_eq!(w.state.mode, Mode::Normal, "saved: {:?}", w.state.notice);
        let reason: Option<String> =
            conn.query_row("SELECT void_reason FROM intakes WHERE id = ?1", [intake], |r| r.get(0)).unwrap();
        assert_eq!(reason.as_deref(), Some("wrong patient"));
        let d = w.state.detail().and_then(|d| d.data.as_ref()).unwrap();
        assert!(d.intakes.iter().any(|i| i.intake_id == intake && i.voided.is_some()), "the page shows it voided");
    }
}

/// Issue 9: the Block tab's move answers the one conflict check (R-BLOCK-3):
/// over another case it is refused and says so in the form (the typing
/// kept); past the room's closing it asks for a reason, and with one it is
/// saved and the override recorded.
mod block_tab {
    use super::*;

    fn type_text(ward: &mut Ward, text: &str) {
        for c in text.chars() {
            ward.press(plain(if c == '\t' { KeyCode::Tab } else { KeyCode::Char(c) }));
        }
    }

    fn form_error(w: &Ward) -> String {
        let Mode::Form(open) = &w.state.mode else { panic!("the form stays open: {:?}", w.state.notice) };
        open.form.error.clone().unwrap_or_default()
    }

    #[test]
    fn r_block_3_a_move_over_a_case_is_refused_and_past_closing_needs_a_reason() {
        let mut w = ward();
        type_text(&mut w, "7]");
        assert_eq!(w.state.tab, Tab::Block);
        let first = w.state.block.selected.expect("the first case of the first room");
        type_text(&mut w, "m\t");
        w.press(ctrl('u'));
        // Over the 10:30 case of the same room: refused, whatever the reason.
        type_text(&mut w, "10:45");
        w.press(ctrl('s'));
        let error = form_error(&w);
        assert!(error.contains("conflicts with the schedule: Room 1 CT: the cases at 23/11 10:30"), "{error}");
        assert!(error.contains("pick another time, room or staff"), "{error}");
        // Past closing time (18:00): allowed with a reason, recorded.
        w.press(ctrl('u'));
        type_text(&mut w, "17:30");
        w.press(ctrl('s'));
        let error = form_error(&w);
        assert!(error.contains("is outside the room's hours (08:00–18:00)"), "{error}");
        assert!(error.contains("give a reason to override"), "{error}");
        // time → room, operator, anaesthetist, nurse, minutes → override.
        type_text(&mut w, "\t\t\t\t\t\tlist runs late today");
        w.press(ctrl('s'));
        assert_eq!(w.state.mode, Mode::Normal, "saved: {:?}", w.state.notice);
        let notice = w.state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
        assert!(notice.contains("procedure moved to 23/11 17:30"), "{notice}");
        let conn = rusqlite::Connection::open(&w.state.database).unwrap();
        let reason: String = conn
            .query_row(
                "SELECT reason FROM block_overrides WHERE case_id = ?1 AND conflict = 'outside_room_hours'",
                [first],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(reason, "list runs late today");
        // The grid, read again, keeps the cursor on the moved case.
        assert_eq!(w.state.block.selected, Some(first));
        let moved = w.state.block.data.as_ref().unwrap().cases.iter().find(|c| c.case_id == first).unwrap();
        assert_eq!(moved.conflicts, [periop::domain::block_conflicts::ConflictKind::OutsideRoomHours]);
    }

    /// R-BLOCK-5: `x` cancels the case under the cursor with a reason from
    /// the list (none chosen for you); it leaves the grid, its stay is
    /// cancelled with the reason's words, and the day counts it.
    #[test]
    fn r_block_5_cancelling_from_the_block_needs_a_reason_and_is_counted() {
        let mut w = ward();
        type_text(&mut w, "7]");
        let case = w.state.block.selected.expect("a case under the cursor");
        type_text(&mut w, "x");
        w.press(ctrl('s'));
        assert!(form_error(&w).contains("Reason"), "no reason chosen: {}", form_error(&w));
        type_text(&mut w, " \tfever since last night");
        // Found in use: the form was the only confirmation. Cancelling asks,
        // `n` gives the form back as typed, `y` saves.
        w.press(ctrl('s'));
        let Mode::Dialog(dialog) = &w.state.mode else { panic!("a cancellation asks first: {:?}", w.state.mode) };
        assert_eq!(dialog.title, "Cancel this case?");
        assert!(dialog.lines.iter().any(|l| l == "Reason: patient not fasted — fever since last night"), "{dialog:?}");
        w.press(plain(KeyCode::Char('n')));
        assert!(matches!(w.state.mode, Mode::Form(_)), "n: back to the form");
        assert!(w.state.block.data.as_ref().unwrap().cases.iter().any(|c| c.case_id == case), "not cancelled yet");
        w.press(ctrl('s'));
        w.press(plain(KeyCode::Char('y')));
        assert_eq!(w.state.mode, Mode::Normal, "saved: {:?}", w.state.notice);
        let notice = w.state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
        assert!(notice.contains("case cancelled (patient not fasted: fever since last night)"), "{notice}");
        let data = w.state.block.data.as_ref().unwrap();
        assert!(data.cases.iter().all(|c| c.case_id != case), "off the grid");
        assert_eq!(data.called_off.len(), 1);
        assert_eq!((data.called_off[0].count, data.called_off[0].reason.code()), (1, "not_fasted"));
        let conn = rusqlite::Connection::open(&w.state.database).unwrap();
        let (state, reason): (String, String) = conn
            .query_row(
                "SELECT a.state, s.reason FROM cases c JOIN admissions a ON a.id = c.admission_id
                 JOIN admission_steps s ON s.admission_id = a.id WHERE c.id = ?1 ORDER BY s.id DESC LIMIT 1",
                [case],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((state.as_str(), reason.as_str()), ("cancelled", "patient not fasted: fever since last night"));
    }

    /// R-PATH-2: `x` on an admission's page asks for the reason, then asks
    /// once more before the stay is cancelled (found in use: the reason
    /// form was the only confirmation); `n` keeps the stay as it was.
    #[test]
    fn r_path_2_cancelling_a_stay_asks_before_it_is_saved() {
        let mut w = ward();
        w.press(plain(KeyCode::Enter));
        let id = w.state.detail().map(|d| d.admission_id).expect("Enter opens the admission's page");
        let state = |w: &Ward| -> String {
            let conn = rusqlite::Connection::open(&w.state.database).unwrap();
            conn.query_row("SELECT state FROM admissions WHERE id = ?1", [id], |r| r.get(0)).unwrap()
        };
        let before = state(&w);
        type_text(&mut w, "xpatient changed their mind");
        w.press(ctrl('s'));
        let Mode::Dialog(dialog) = &w.state.mode else { panic!("a cancellation asks first: {:?}", w.state.notice) };
        assert_eq!(dialog.title, "Cancel this stay?");
        assert!(dialog.lines.iter().any(|l| l == "Reason: patient changed their mind"), "{dialog:?}");
        w.press(plain(KeyCode::Char('n')));
        assert_eq!(state(&w), before, "n changes nothing");
        w.press(ctrl('s'));
        w.press(plain(KeyCode::Char('y')));
        assert_eq!(state(&w), "cancelled", "{:?}", w.state.notice);
    }

    /// R-BLOCK-5: `o` postpones the case (a reason from the list); it waits
    /// in the postponed list, and `r` books it again on another day, through
    /// the same check as a move.
    #[test]
    fn r_block_5_a_postponed_case_waits_and_is_booked_again() {
        let mut w = ward();
        type_text(&mut w, "7]");
        let case = w.state.block.selected.expect("a case under the cursor");
        type_text(&mut w, "o ");
        w.press(ctrl('s'));
        assert_eq!(w.state.mode, Mode::Normal, "saved: {:?}", w.state.notice);
        let data = w.state.block.data.as_ref().unwrap();
        assert_eq!(data.postponed.iter().map(|p| p.case_id).collect::<Vec<_>>(), [case]);
        type_text(&mut w, "r \t");
        w.press(ctrl('u'));
        type_text(&mut w, "25/11/2026\t13:00");
        w.press(ctrl('s'));
        assert_eq!(w.state.mode, Mode::Normal, "saved: {:?}", w.state.notice);
        let notice = w.state.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
        assert!(notice.contains("postponed case booked again to 25/11 13:00"), "{notice}");
        assert!(w.state.block.data.as_ref().unwrap().postponed.is_empty(), "no longer waiting");
        let conn = rusqlite::Connection::open(&w.state.database).unwrap();
        let (state, start): (String, String) = conn
            .query_row("SELECT state, scheduled_start FROM cases WHERE id = ?1", [case], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!((state.as_str(), start.as_str()), ("planned", "2026-11-25T12:00:00Z"));
    }
}

/// Keys shown on the hint bar after one step each do something (pinned from
/// the random property: `/` alone on the Board left Ctrl-U "shown" on an
/// empty filter line).
#[test]
fn every_key_shown_after_one_step_does_something() {
    for step in ['/', '?', 'n', '2', '6', '7', '8'] {
        let mut ward = ward();
        ward.press(plain(KeyCode::Char(step)));
        if let Err(e) = check_shown_keys(&ward.state) {
            panic!("after {step:?}: {e}");
        }
    }
}
