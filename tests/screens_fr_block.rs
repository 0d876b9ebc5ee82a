//! Issue 14: the Block tab in French at 80×24 on the demo ward (fixed
//! clock and account): the day's grid and its conflicts panel, tomorrow's
//! list, the week, the form correcting a timeline event, and what the
//! tab's keys say back. Each snapshot holds its columns (no line wider
//! than 80) and shows French words, so a text fallen back to English fails.

mod screen_support;

use periop::domain::language::Language;
use screen_support::*;

fn in_french(keys: &str) -> Ward {
    let mut w = ward();
    w.state.language = Language::Fr;
    press(&mut w, keys);
    w
}

/// No line wider than the screen, and each of `words` shown.
fn assert_french(shown: &str, words: &[&str]) {
    for line in shown.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "wider than 80: {line}");
    }
    for word in words {
        assert!(shown.contains(word), "{word:?} not shown:\n{shown}");
    }
}

#[test]
fn block_day_80x24_french() {
    let w = in_french("7");
    let shown = screen(&w, 80, 24);
    assert_french(
        &shown,
        &[
            "BLOC  dim. 22/11/2026  aujourd'hui · 7 interv. · ! 2 conflits",
            "┄ rotation",
            "CONFLITS (2) · rotation 20 min",
            "JOUR (R-BLOCK-6)",
            // French typography in a line the code composes (issue 14).
            "FOURNIER\u{a0}: pas de lit pour la nuit de J-1",
            "jeûne impossible à respecter",
            "◉ intervention",
        ],
    );
    assert!(!shown.contains("turnover"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn block_tomorrow_80x24_french() {
    let w = in_french("7]lj");
    let shown = screen(&w, 80, 24);
    assert_french(&shown, &["BLOC  lun. 23/11/2026  demain · 5 interv.", "anesthésie non validée"]);
    insta::assert_snapshot!(shown);
}

#[test]
fn block_week_80x24_french() {
    let mut w = in_french("7w");
    let shown = screen(&w, 80, 24);
    assert_french(
        &shown,
        &[
            "BLOC  semaine du lun. 16/11/2026  (w\u{a0}: retour au jour)",
            "▶dim. 22",
            "chaque jour\u{a0}: interventions",
            "2 28\u{a0}%",
        ],
    );
    insta::assert_snapshot!(shown);
    // The week has no cursor: the key says so, in French.
    press(&mut w, "j");
    let shown = screen(&w, 80, 24);
    assert_french(&shown, &["la semaine n'a pas de curseur"]);
}

/// R-BLOCK-6: `E` opens the form correcting a recorded event.
#[test]
fn block_correct_event_form_80x24_french() {
    let w = in_french("7E");
    let shown = screen(&w, 80, 24);
    assert_french(
        &shown,
        &["Corriger un événement de la chronologie", "Événement", "Le (jj/mm/aaaa)", "début d'intervention"],
    );
    insta::assert_snapshot!(shown);
}

/// What the keys say back: no room before the first.
#[test]
fn block_refusals_in_french() {
    let w = in_french("7h");
    assert_french(&screen(&w, 80, 24), &["déjà dans la première salle"]);
}

/// Found by the French tester (issue 14): the Block tab's `❄` (a list
/// frozen, R-BLOCK-4) was explained nowhere. The help over the Block tab
/// names it in its legend, in both languages; over the Board, where it is
/// never drawn, the legend keeps to its own marks.
#[test]
fn the_help_over_the_block_explains_the_frozen_mark() {
    let shown = screen(&in_french("7?"), 160, 48);
    assert!(shown.contains("❄ programme figé"), "{shown}");
    let mut english = ward();
    press(&mut english, "7?");
    let shown = screen(&english, 160, 48);
    assert!(shown.contains("❄ list frozen"), "{shown}");
    assert!(!screen(&in_french("1?"), 160, 48).contains('❄'));
}
