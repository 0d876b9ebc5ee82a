//! Issue 14: the Board, Admissions, Beds and Anaesthesia tabs in French,
//! snapshotted at 80×24 on the demo ward: every line fits, and the words a
//! nurse reads are French (the test fails if one fell back to English).

mod screen_support;

use periop::domain::language::Language;
use screen_support::*;

/// The ward in French, its lists read again in French (`keys` after a trip
/// to the Admissions tab and back, so the board's alerts are judged anew).
fn french(keys: &str) -> String {
    let mut w = ward();
    w.state.language = Language::Fr;
    press(&mut w, "21");
    press(&mut w, keys);
    screen(&w, 80, 24)
}

/// No line wider than 80 cells; each of `words` is on the screen, none of `english`.
fn check(shown: &str, words: &[&str], english: &[&str]) {
    for line in shown.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    for word in words {
        assert!(shown.contains(word), "no {word:?} in:\n{shown}");
    }
    for word in english {
        assert!(!shown.contains(word), "{word:?} still in English in:\n{shown}");
    }
}

#[test]
fn board_80x24_french() {
    let shown = french("");
    check(
        &shown,
        &["dimanche 22/11/2026", "aujourd'hui", "À TRAITER", "PAS À JEUN"],
        &["NEEDS ATTENTION", "NOT FASTED"],
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn board_arrivals_and_procedures_80x24_french() {
    let shown = french(&"j".repeat(19));
    check(&shown, &["ARRIVÉES", "INTERVENTIONS", "lit "], &["ARRIVING", "PROCEDURES", "planned"]);
    insta::assert_snapshot!(shown);
}

#[test]
fn board_departures_80x24_french() {
    let shown = french(&"j".repeat(40));
    check(&shown, &["SORTIES"], &["LEAVING", "planned"]);
    insta::assert_snapshot!(shown);
}

#[test]
fn board_filtered_80x24_french() {
    let shown = french("/martin");
    check(&shown, &["filtre\u{a0}:", " sur "], &["filter:", " of "]);
    insta::assert_snapshot!(shown);
}

#[test]
fn board_another_day_80x24_french() {
    let shown = french("]");
    check(&shown, &["lundi 23/11/2026", "pas aujourd'hui"], &["not today"]);
    insta::assert_snapshot!(shown);
}

#[test]
fn admissions_80x24_french() {
    let shown = french("2");
    check(&shown, &["ENTRÉES", "préparation", "séjours couvrant"], &["ADMISSIONS", "readiness", "stays covering"]);
    insta::assert_snapshot!(shown);
}

#[test]
fn admit_confirmation_80x24_french() {
    let shown = french("jja");
    check(&shown, &["Admettre ce patient\u{a0}?", "arrivée prévue le"], &["Admit this patient?", "planned arrival"]);
    insta::assert_snapshot!(shown);
}

#[test]
fn beds_80x24_french() {
    let shown = french("3");
    check(&shown, &["LITS", "libres", "occupé"], &["BEDS", "occupied"]);
    insta::assert_snapshot!(shown);
}

#[test]
fn bed_refused_80x24_french() {
    // The first bed is occupied: it cannot be marked cleaned.
    let shown = french("3c");
    check(&shown, &["lit "], &["cannot"]);
    insta::assert_snapshot!(shown);
}

#[test]
fn anaesthesia_worklist_80x24_french() {
    let shown = french("4");
    check(&shown, &["CONSULTATIONS À RÉGLER"], &["CONSULTATIONS TO SEE TO"]);
    insta::assert_snapshot!(shown);
}
