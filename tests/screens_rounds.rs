//! The Rounds tab from the keyboard (issue 11 follow-ups): the sheet of
//! another day (`[` `]`, back with the key the title names), what can be
//! recorded there and what is refused, saying why; snapshots at 80×24.

mod screen_support;

use chrono::NaiveDate;
use screen_support::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// R-DO-4, R-DO-5: two days back the femur patient missed sessions 3 and
/// 4 (the demo's); the sheet of that day says so, a round is refused there
/// (a round is made at the bedside, today), and the turns phoned in late
/// are recorded with `t` on that day, which then misses nothing.
#[test]
fn r_do_4_a_day_gone_by_shows_the_sessions_missed_and_takes_turns_reported_late() {
    let mut w = ward();
    press(&mut w, "6/garnier\n[[");
    assert_eq!(w.state.rounds_day(), day(20));
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("DISTRACTION ROUNDS Fri 20/11/2026 (5) · as the day ended (T: today)"), "{shown}");
    assert!(shown.contains("! 2 MISSED"), "{shown}");
    assert!(shown.contains("3 ✗ missed · 4 ✗"), "{shown}");
    assert!(!shown.contains("Enter round"), "a round is not offered on a day gone by:\n{shown}");
    insta::assert_snapshot!("rounds_a_day_gone_by_80x24", shown);

    press(&mut w, "r");
    let shown = flat(&screen(&w, 80, 24));
    assert!(shown.contains("Fri 20/11/2026 is gone by: a round is recorded at the bedside"), "{shown}");
    assert!(shown.contains("reported late are recorded with t"), "{shown}");

    // A hexapod frame's struts are logged as they are read, today.
    press(&mut w, "x");
    assert!(flat(&screen(&w, 80, 24)).contains("struts are logged on today's sheet, as they are read"));

    press(&mut w, "t");
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("Turns of Fri 20/11/2026 (reported late): femur"), "{shown}");
    assert!(shown.contains("Session 3 turns") && shown.contains("Session 4 turns"), "{shown}");
    assert!(shown.contains("Session 1 turns (recorded)"), "recorded ones are offered to correct:\n{shown}");
    insta::assert_snapshot!("rounds_turns_reported_late_80x24", shown);
    // Session 3: 1 turn; session 4 left empty (not recorded); by phone; saved.
    press(&mut w, "1\t\t ");
    ctrl(&mut w, 's');
    let shown = flat(&screen(&w, 80, 24));
    assert!(shown.contains("1 session, 1 turn recorded for Fri 20/11/2026, reported late (by phone)"), "{shown}");
    let row = w.state.rounds.list.selected_row().unwrap();
    assert_eq!((row.status.sessions_done, row.status.overdue_sessions.clone()), (3, vec![4]));
    let case = w.store.distraction(row.case.id).unwrap();
    let late = case.sessions.iter().find(|s| s.day == day(20) && s.session == 3).unwrap();
    assert_eq!((late.turns, late.by_phone, late.done_at), (1, true, now()));
    let shown = screen(&w, 160, 48);
    assert!(shown.contains("3 ✓ 1 turn reported") && shown.contains("22/11 09:30 ☎ · 4 ✗ missed"), "{shown}");
}

/// R-DO-2: a day to come is its plan; a round or turns are refused there,
/// naming the day and the key back to today, which follows the clock.
#[test]
fn r_do_2_a_day_to_come_is_the_plan_and_t_capital_goes_back_to_today() {
    let mut w = ward();
    press(&mut w, "6/lefevre\n]");
    assert_eq!(w.state.rounds_day(), day(23));
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("DISTRACTION ROUNDS Mon 23/11/2026 (5) · the plan of a day to come (T: today)"), "{shown}");
    assert!(shown.contains("4 sessions planned"), "{shown}");
    assert!(shown.contains("alerts are judged on today's sheet (T)"), "{shown}");
    insta::assert_snapshot!("rounds_a_day_to_come_80x24", shown);
    for key in ["\n", "r", "t", "x"] {
        press(&mut w, key);
        let shown = flat(&screen(&w, 80, 24));
        assert!(shown.contains("Mon 23/11/2026 has not come"), "{key:?}: {shown}");
        assert!(shown.contains("T goes back to today"), "{key:?}: {shown}");
    }
    // A step is dated: it opens on the day shown.
    press(&mut w, "s");
    assert!(screen(&w, 80, 24).contains("23/11/2026"));
    press(&mut w, "\x1b");
    press(&mut w, "T");
    assert_eq!(w.state.rounds.day, None, "today's sheet follows the clock");
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("DISTRACTION ROUNDS Sun 22/11/2026 (5) · today"), "{shown}");
    assert!(shown.contains("Enter round"), "{shown}");
    // The arrows move by day too, as on the Board.
    press_code(&mut w, crossterm::event::KeyCode::Left);
    assert_eq!(w.state.rounds_day(), day(21));
    press_code(&mut w, crossterm::event::KeyCode::Right);
    assert_eq!(w.state.rounds.day, None);
}

/// `?` on the Rounds tab is the keymap: the day keys are in it.
#[test]
fn the_rounds_help_names_the_day_keys() {
    let mut w = ward();
    press(&mut w, "6?");
    let shown = screen(&w, 160, 48);
    assert!(shown.contains("the day before: what was done, the sessions missed"), "{shown}");
    assert!(shown.contains("the day after: the plan of a day to come"), "{shown}");
    assert!(shown.contains("back to today (t records turns here)"), "{shown}");
}

/// R-DO-5, R-DO-6: a round with a grade 4 typed for 1 calls the surgeon on
/// the Rounds tab and the Board; `V` lists the patient's recent rounds,
/// asks which and why, and once voided the alert is gone from both, the
/// worst grade is the last round that counts, and the sheet shows the
/// round voided, with why.
#[test]
fn r_do_5_a_round_entered_by_mistake_is_voided_from_the_rounds_tab() {
    let mut w = ward();
    press(&mut w, "6/lefevre\n\n");
    // Session 1 is recorded; pain 3, sensation, motor and colour chosen (Space: normal), pins 0 4 0 0 0 0.
    press(&mut w, "\t\t\t\t3\t \t \t \t\t\t0\t4\t0\t0\t0\t0\t\t\n");
    let alert = "PIN SITE GRADE 4: pin 2";
    let board_has =
        |w: &Ward| w.state.board.board.as_ref().unwrap().attention.iter().any(|a| a.message.starts_with(alert));
    assert!(screen(&w, 160, 48).contains(alert));
    assert!(board_has(&w));
    let wrong = w.state.rounds.list.selected_row().unwrap().case.round_log.last().unwrap().id;

    press(&mut w, "V");
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("Void a round, a step or a strut entered by mistake"), "{shown}");
    insta::assert_snapshot!("rounds_void_a_round_80x24", shown);
    // Space: the newest round first; the reason; Enter on the last field saves.
    press(&mut w, " ");
    let shown = screen(&w, 80, 24);
    assert!(shown.contains(&format!("#{wrong} 22/11 09:30 · pain 3/10 · pins 0 4 0 0 0 0 · Nurse One")), "{shown}");
    press(&mut w, "\tgrade 4 typed for 1\n");
    let shown = screen(&w, 160, 48);
    assert!(
        flat(&shown).contains(&format!("distraction round #{wrong} voided (round: pain 3/10, pin grades 0 4 0 0 0 0)")),
        "{shown}"
    );
    assert!(!shown.contains(alert), "{shown}");
    assert!(shown.contains(&format!("round #{wrong} 09:30 ✗ voided: grade 4 typed for 1")), "{shown}");
    assert_eq!(w.state.rounds.list.selected_row().unwrap().status.worst_pin, Some((1, 0)));
    assert!(!board_has(&w), "the Board no longer counts it");
    // R-ROLE-1 and the audit: a voided round stays in the file.
    let kept: i64 = w
        .door()
        .query_row("SELECT count(*) FROM distraction_rounds WHERE id = ?1 AND voided_at IS NOT NULL", [wrong], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(kept, 1);
}

/// R-DO-5: a session recorded with the wrong turns is corrected from `t`
/// (its field marked recorded, filled with what is stored); the save says
/// so, the sheet marks it corrected. Another terminal's correction in
/// between is a conflict: nothing is overwritten, the form shows what is
/// stored now, and the next save takes it (R-AUDIT-2).
#[test]
fn r_do_5_the_turns_of_a_recorded_session_are_corrected_from_t() {
    use crossterm::event::KeyCode;
    let mut w = ward();
    press(&mut w, "6/perrin\nt");
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("Session 1 turns (recorded)") && shown.contains("Session 2 turns"), "{shown}");
    insta::assert_snapshot!("rounds_turns_with_a_recorded_session_80x24", shown);
    // Session 2 is not due yet (20:00): left empty; the phone flag; session 1: 0 turns, not 1.
    press(&mut w, "\t\t");
    press_code(&mut w, KeyCode::Backspace);
    press(&mut w, "0");
    // Meanwhile another terminal corrects session 1 to 2 turns.
    let row = w.state.rounds.list.selected_row().unwrap().clone();
    let seen = row.case.sessions.iter().find(|s| s.day == w.state.today() && s.session == 1).unwrap().clone();
    let other = periop::store::distraction::SessionCorrection { session: 1, turns: 2, version: seen.version };
    w.store.correct_sessions(now(), row.case.id, w.state.today(), &[other]).unwrap();
    press(&mut w, "\n");
    let shown = flat(&screen(&w, 80, 24));
    assert!(shown.contains("after you opened it; your change was not saved"), "{shown}");
    assert!(shown.contains("(now stored: 2)"), "{shown}");
    ctrl(&mut w, 's');
    let shown = flat(&screen(&w, 80, 24));
    assert!(
        shown.contains("PERRIN Lucas (08/02/2015): session 1 corrected from 2 to 0 turns (kept in the audit)"),
        "{shown}"
    );
    let shown = screen(&w, 160, 48);
    assert!(shown.contains("1 ✓ 0 turns at") && shown.contains("☎ (corrected)"), "{shown}");
    let session = w
        .store
        .distraction(row.case.id)
        .unwrap()
        .sessions
        .into_iter()
        .find(|s| s.day == w.state.today() && s.session == 1)
        .unwrap();
    assert_eq!((session.turns, session.version), (0, 3));
}

/// R-DO-4: a round's alert on the Board of a day gone by opens the patient
/// on the Rounds tab's sheet of that same day, not today's.
#[test]
fn a_boards_round_alert_opens_the_sheet_of_the_boards_day() {
    use periop::app::state::RowKey;
    use periop::domain::attention::Subject;
    let mut w = ward();
    press(&mut w, "[[");
    assert_eq!(w.state.board_day(), day(20));
    let is_round = |k: &RowKey| matches!(k, RowKey::Alert { subject: Subject::Distraction(_), .. });
    let rows = periop::app::board_rows::all_rows(&w.state.board);
    let target = *rows.iter().find(|k| is_round(k)).expect("a round's alert on 20/11");
    while w.state.board.selected != Some(target) {
        press(&mut w, "j");
    }
    press(&mut w, "\n");
    assert_eq!(w.state.tab, periop::app::state::Tab::Rounds);
    assert_eq!(w.state.rounds_day(), day(20));
    let RowKey::Alert { subject: Subject::Distraction(case), .. } = target else { unreachable!() };
    assert_eq!(w.state.rounds.list.selected_row().map(|r| r.case.id), Some(case));
    assert!(screen(&w, 80, 24).contains("DISTRACTION ROUNDS Fri 20/11/2026 (5) · as the day ended"));
}

/// R-DO-7 (found in use): the `s` form saved a step dated in the future,
/// and a step recorded by mistake could not be undone; `V` offers the
/// patient's latest step beside the rounds, and voiding it takes it out of
/// the plan.
#[test]
fn r_do_7_a_step_is_refused_in_the_future_and_voided_from_v() {
    let mut w = ward();
    // Step: pause (the second choice); the day 05/12/2026; why: pain.
    press(&mut w, "6/perrin\ns  \t\x08\x08\x08\x08\x08\x08\x08\x08\x08\x0805/12/2026\tpain");
    ctrl(&mut w, 's');
    let shown = flat(&screen(&w, 160, 48));
    assert!(shown.contains("cannot be dated 05/12/2026,") && shown.contains("after today (22/11/2026)"), "{shown}");
    // Back to the day (Tab wraps round), today's date: saved.
    press(&mut w, "\t\t\t\x08\x08\x08\x08\x08\x08\x08\x08\x08\x0822/11/2026");
    ctrl(&mut w, 's');
    let case = w.state.rounds.list.selected_row().unwrap().case.clone();
    let step = case.step_log.last().expect("recorded");
    assert_eq!(case.events.len(), case.step_log.len());
    press(&mut w, "V");
    let mut shown = String::new();
    for _ in 0..12 {
        press(&mut w, " ");
        shown = screen(&w, 80, 24);
        if shown.contains("step #") {
            break;
        }
    }
    assert!(shown.contains(&format!("step #{} 22/11/2026 distraction paused", step.id)), "{shown}");
    press(&mut w, "\tpaused the wrong patient\n");
    let shown = flat(&screen(&w, 160, 48));
    assert!(
        shown.contains(&format!("distraction step #{} voided (distraction paused on 22/11/2026)", step.id)),
        "{shown}"
    );
    let row = w.state.rounds.list.selected_row().unwrap();
    assert_eq!(row.case.events.len() + 1, row.case.step_log.len(), "voided, kept in the log");
    assert_eq!(row.status.phase, periop::domain::distraction::Phase::Distraction);
}

/// R-DO-5, R-DO-6 (found in use): the round form started sensation, motor
/// and colour on the last round's values, so a neuro check could be saved
/// unseen. They start empty; a round saved without them is refused, naming
/// the field.
#[test]
fn r_do_5_the_neurovascular_check_starts_empty_and_must_be_chosen() {
    let mut w = ward();
    press(&mut w, "6/lefevre\n\n");
    let shown = screen(&w, 160, 48);
    for label in ["Sensation", "Motor", "Colour / refill"] {
        let line = shown.lines().find(|l| l.contains(label)).unwrap_or_else(|| panic!("{label}: {shown}"));
        assert!(line.contains("choose with ← →") && !line.contains("normal"), "{line}");
    }
    // Pain 3, the pins graded, nothing chosen for the neuro check.
    press(&mut w, "\t\t\t\t3\t\t\t\t\t\t0\t0\t0\t0\t0\t0");
    ctrl(&mut w, 's');
    let shown = flat(&screen(&w, 160, 48));
    assert!(shown.contains("not saved: Sensation: choose one with ← →"), "{shown}");
    assert!(!shown.contains("round recorded"), "{shown}");
    assert!(w.state.rounds.list.selected_row().unwrap().case.rounds.iter().all(|r| r.pain != 3 || r.at != now()));
}

/// Found in use: two cases of one patient read as identical rows on the
/// list and in the step form. With more than one case, the case's number
/// says which.
#[test]
fn two_cases_of_one_patient_are_told_apart_by_their_number() {
    use periop::app::{Effect, clock::Clock};
    use periop::shell;
    use std::collections::VecDeque;
    let mut w = ward();
    press(&mut w, "6/lefevre\n");
    let first = w.state.rounds.list.selected_row().unwrap().case.clone();
    let new = periop::store::distraction::NewDistraction {
        patient_id: first.patient.patient_id,
        prescription: first.prescription.clone(),
        outpatient: false,
    };
    let second = w.store.add_distraction(now(), &new).unwrap();
    let mut pending = VecDeque::from([Effect::LoadRounds(w.state.today())]);
    shell::settle(&mut w.store, Clock::Fixed(now()), &mut w.state, &mut pending);
    let shown = screen(&w, 160, 48);
    let name = first.patient.to_string();
    for id in [first.id, second] {
        assert!(shown.contains(&format!("{name} case #{id}")), "{shown}");
    }
    press(&mut w, "s");
    let shown = screen(&w, 160, 48);
    let selected = w.state.rounds.list.selected_row().unwrap().case.id;
    assert!(shown.contains(&format!("│ {name} case #{selected}")), "the step form says which: {shown}");
}

/// Found in use: the form's help cut the key names at 80 columns (`Tab
/// Down E…`). Keys too long for their column are kept whole.
#[test]
fn the_form_help_keeps_key_names_whole_at_80_columns() {
    use crossterm::event::KeyCode;
    let mut w = ward();
    press(&mut w, "6/lefevre\n\n");
    press_code(&mut w, KeyCode::F(1));
    let mut seen = String::new();
    // The help may scroll at 80×24: read it page by page.
    for _ in 0..6 {
        let shown = screen(&w, 80, 24);
        assert!(!shown.contains("E…"), "{shown}");
        seen.push_str(&shown);
        press(&mut w, "j");
    }
    assert!(seen.contains("Tab Down Enter"), "{seen}");
    assert!(seen.contains("Backspace Ctrl-H"), "{seen}");
}

/// R-DO-8 (found in use: struts could be voided from the command line
/// only): `V` on a hexapod patient offers the strut adjustments, newest
/// first; voided, the strut is missed again on the sheet and the Rounds tab.
#[test]
fn r_do_8_a_strut_entered_by_mistake_is_voided_from_v() {
    let mut w = ward();
    press(&mut w, "6/charpentier\nV ");
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("strut 5 set to 163 mm for 21/11"), "{shown}");
    press(&mut w, "\tread on the wrong strut\n");
    let row = w.state.rounds.list.selected_row().unwrap();
    assert!(
        row.status.alerts.iter().any(|a| a.message.starts_with("STRUT MISSED: strut 5 not adjusted for 21/11")),
        "{:?}",
        row.status.alerts
    );
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("163x"), "{shown}");
}
