//! Screen snapshots (ratatui TestBackend + insta) at 80×24 and 160×48, on the
//! demo ward with a fixed clock and a fixed account, so they are the same on
//! every machine. `cargo insta review` after an intended change.

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

fn now() -> DateTime<Utc> {
    // 09:30 in Paris on Sunday 22 November 2026.
    Utc.with_ymd_and_hms(2026, 11, 22, 8, 30, 0).unwrap()
}

struct Ward {
    _dir: tempfile::TempDir,
    store: Store,
    state: State,
}

fn nurse() -> Account {
    Account { name: "nurse1".into(), full_name: Some("Nurse One".into()) }
}

fn ward() -> Ward {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    let mut store = demo::build(&path, &nurse(), now(), &demo::Options { seed: 1, years: 0 }, &mut |_| {}).unwrap();
    let mut state = State::new(now(), store.zone(), store.actor().clone(), "/srv/periop/ward.db".into());
    let mut pending = VecDeque::from([Effect::LoadBoard(state.board_day())]);
    shell::settle(&mut store, Clock::Fixed(now()), &mut state, &mut pending);
    state.live = periop::app::state::Live::Watching;
    Ward { _dir: dir, store, state }
}

fn press(ward: &mut Ward, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\t' => KeyCode::Tab,
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        shell::handle(&mut ward.store, Clock::Fixed(now()), &mut ward.state, Msg::Key(key));
    }
}

fn screen(ward: &Ward, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::draw(f, &ward.state, &Theme { color: false })).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let line: String = (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn board_80x24() {
    insta::assert_snapshot!(screen(&ward(), 80, 24));
}

#[test]
fn board_160x48() {
    insta::assert_snapshot!(screen(&ward(), 160, 48));
}

#[test]
fn admit_confirmation_names_the_patient_80x24() {
    let mut w = ward();
    press(&mut w, "jja");
    insta::assert_snapshot!(screen(&w, 80, 24));
}

#[test]
fn help_80x24() {
    let mut w = ward();
    press(&mut w, "?");
    insta::assert_snapshot!(screen(&w, 80, 24));
}

#[test]
fn help_160x48() {
    let mut w = ward();
    press(&mut w, "?");
    insta::assert_snapshot!(screen(&w, 160, 48));
}

#[test]
fn board_filtered_80x24() {
    let mut w = ward();
    press(&mut w, "/martin");
    insta::assert_snapshot!(screen(&w, 80, 24));
}

#[test]
fn audit_after_an_admission_80x24() {
    let mut w = ward();
    press(&mut w, "jjay5");
    insta::assert_snapshot!(screen(&w, 80, 24));
}

#[test]
fn audit_160x48() {
    let mut w = ward();
    press(&mut w, "jjay5");
    insta::assert_snapshot!(screen(&w, 160, 48));
}

#[test]
fn too_small_shows_the_size_needed_and_the_urgent_list() {
    let w = ward();
    let text = screen(&w, 60, 20);
    assert!(text.contains("periop needs 80×24; this window is 60×20."), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn r_path_5_every_board_row_about_a_patient_shows_surname_first_name_and_birth_date() {
    let w = ward();
    let board = w.state.board.board.as_ref().unwrap();
    let text = screen(&w, 160, 48);
    for stay in board.facts.arrivals.iter().chain(&board.facts.departures) {
        assert!(text.contains(&stay.patient.to_string()), "{} missing from\n{text}", stay.patient);
    }
    for slot in &board.facts.procedures {
        assert!(text.contains(&slot.patient.to_string()), "{} missing", slot.patient);
    }
}

#[test]
fn admissions_80x24() {
    let mut w = ward();
    press(&mut w, "2");
    insta::assert_snapshot!(screen(&w, 80, 24));
}

#[test]
fn admissions_160x48() {
    let mut w = ward();
    press(&mut w, "2");
    insta::assert_snapshot!(screen(&w, 160, 48));
}

#[test]
fn admission_detail_80x24() {
    let mut w = ward();
    press(&mut w, "2G\n");
    insta::assert_snapshot!(screen(&w, 80, 24));
}

#[test]
fn admission_detail_160x48() {
    let mut w = ward();
    press(&mut w, "2G\n");
    insta::assert_snapshot!(screen(&w, 160, 48));
}

#[test]
fn new_admission_form_80x24() {
    let mut w = ward();
    press(&mut w, "2n");
    insta::assert_snapshot!(screen(&w, 80, 24));
}

#[test]
fn new_admission_form_names_a_bad_date_as_it_is_typed_80x24() {
    let mut w = ward();
    press(&mut w, "2nH1\tDupuis\tMarie\t31/02/1950");
    let text = screen(&w, 80, 24);
    assert!(text.contains("! a date dd/mm/yyyy"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn consultation_form_160x48() {
    let mut w = ward();
    press(&mut w, "2G\nc");
    insta::assert_snapshot!(screen(&w, 160, 48));
}

#[test]
fn discharge_check_form_80x24() {
    let mut w = ward();
    press(&mut w, "2jjj\nD");
    insta::assert_snapshot!(screen(&w, 80, 24));
}

#[test]
fn beds_80x24() {
    let mut w = ward();
    press(&mut w, "3");
    insta::assert_snapshot!(screen(&w, 80, 24));
}

#[test]
fn anaesthesia_worklist_80x24() {
    let mut w = ward();
    press(&mut w, "4");
    insta::assert_snapshot!(screen(&w, 80, 24));
}
