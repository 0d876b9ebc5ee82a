//! Issue 14: the screen's chrome in French and English, snapshotted at 80×24
//! on the demo ward (fixed clock and account), and the layout held: the
//! French chrome takes the same rows as the English one, every tab and the
//! help and quit hints stay in sight, and the body keeps its rows.

mod screen_support;

use periop::domain::language::Language;
use screen_support::*;

fn in_language(language: Language, keys: &str) -> Ward {
    let mut w = ward();
    w.state.language = language;
    press(&mut w, keys);
    w
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

/// The chrome (tab bar, hint bar, status line) is in French; the body keeps
/// its rows (a blank line stays blank, a filled one filled); the tab bar
/// keeps every tab's number and the hint bar ends with help and quit.
fn assert_same_layout(en: &str, fr: &str) {
    let (en, fr) = (lines(en), lines(fr));
    assert_eq!(en.len(), 24);
    assert_eq!(fr.len(), 24);
    for row in [0, 22, 23] {
        assert_ne!(en[row], fr[row], "row {row} is chrome: it should be in French");
    }
    for (e, f) in en[1..22].iter().zip(&fr[1..22]) {
        assert_eq!(e.trim().is_empty(), f.trim().is_empty(), "the body held its rows:\n{e}\n{f}");
    }
    for n in 1..=9 {
        assert!(fr[0].contains(&format!("{n} ")), "tab {n} out of sight: {}", fr[0]);
    }
    assert!(fr[22].ends_with("? aide  q quitter"), "{}", fr[22]);
    assert!(en[22].ends_with("? help  q quit"), "{}", en[22]);
    for line in fr {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
}

#[test]
fn board_80x24_english() {
    insta::assert_snapshot!(screen(&in_language(Language::En, ""), 80, 24));
}

#[test]
fn board_80x24_french() {
    insta::assert_snapshot!(screen(&in_language(Language::Fr, ""), 80, 24));
}

#[test]
fn rounds_80x24_english() {
    insta::assert_snapshot!(screen(&in_language(Language::En, "6"), 80, 24));
}

#[test]
fn rounds_80x24_french() {
    insta::assert_snapshot!(screen(&in_language(Language::Fr, "6"), 80, 24));
}

#[test]
fn the_board_and_the_rounds_keep_their_layout_in_french() {
    for keys in ["", "6"] {
        let en = screen(&in_language(Language::En, keys), 80, 24);
        let fr = screen(&in_language(Language::Fr, keys), 80, 24);
        assert_same_layout(&en, &fr);
    }
    // The English board is the one the other snapshots show.
    let en = screen(&in_language(Language::En, ""), 80, 24);
    assert_eq!(en, screen(&ward(), 80, 24));
}

#[test]
fn help_80x24_french() {
    insta::assert_snapshot!(screen(&in_language(Language::Fr, "?"), 80, 24));
}

/// A form's chrome: its keys, a refusal, the discard question.
#[test]
fn round_form_80x24_french() {
    let mut w = in_language(Language::Fr, "6j\n");
    ctrl(&mut w, 's');
    let refused = screen(&w, 80, 24);
    assert!(refused.contains("! non enregistré\u{a0}:"), "{refused}");
    assert!(refused.contains("Tab suivant  Espace choisir  Ctrl-S enregistrer  Échap fermer"), "{refused}");
    press(&mut w, "3\x1b");
    let asking = screen(&w, 80, 24);
    assert!(asking.contains("Abandonner la saisie\u{a0}?  y abandonner   n continuer"), "{asking}");
    insta::assert_snapshot!(asking);
    press(&mut w, "y");
    assert!(!screen(&w, 80, 24).contains("Abandonner"));
}

/// A confirmation's keys are yes and no (found in use: "n annuler" under
/// "Annuler cette intervention ?" read as "n cancels the case").
#[test]
fn confirmation_keys_in_french() {
    let mut w = in_language(Language::Fr, "jja");
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("y Entrée oui   n Échap non"), "{shown}");
    press(&mut w, "n");
    assert!(!screen(&w, 80, 24).contains("Entrée oui"));
}

#[test]
fn too_small_60x15_french() {
    let mut w = in_language(Language::Fr, "");
    let text = screen(&w, 60, 15);
    assert!(text.contains("periop a besoin de 80×24\u{a0}; cette fenêtre fait 60×15."), "{text}");
    // A key stays with its word (found over SSH: `q` at a line's end, `quitter` below).
    assert!(text.contains("q\u{a0}quitter"), "{text}");
    insta::assert_snapshot!(text);
    w.state.too_small = true;
    press(&mut w, "j");
    assert!(screen(&w, 60, 15).contains("À TRAITER (14) ↑ 1 au-dessus"), "{}", screen(&w, 60, 15));
}

/// R-PRIV-2's lock in French: its words, the day's name and plural counts.
#[test]
fn idle_lock_80x24_french() {
    let mut w = in_language(Language::Fr, "");
    w.state.locked = true;
    let text = screen(&w, 80, 24);
    assert!(!text.contains("BERTRAND"), "{text}");
    assert!(text.contains("periop · écran verrouillé"), "{text}");
    assert!(text.contains("dimanche 22/11/2026  09:30"), "{text}");
    insta::assert_snapshot!(text);
}

/// Found in use (issue 14): asked "Abandonner la saisie ? y abandonner n
/// continuer", a French nurse's `o` (oui) closed the question and the next
/// keys went into the field. Only `y`, `n` and Esc answer it.
#[test]
fn only_y_n_or_esc_answer_the_question_before_typing_is_thrown_away() {
    use crossterm::event::KeyCode;
    use periop::app::state::Mode;
    let mut w = in_language(Language::Fr, "n");
    press(&mut w, "Dupont");
    press_code(&mut w, KeyCode::Esc);
    let asking = |w: &Ward| matches!(&w.state.mode, Mode::Form(open) if open.form.confirm_discard);
    assert!(asking(&w));
    press(&mut w, "oyT");
    // `o` left the question asked; `y` threw the typing away.
    assert!(matches!(w.state.mode, Mode::Normal), "the form closed on y");
    let mut w = in_language(Language::Fr, "n");
    press(&mut w, "Dupont");
    press_code(&mut w, KeyCode::Esc);
    press(&mut w, "o");
    assert!(asking(&w), "o is not an answer");
    press(&mut w, "n");
    assert!(matches!(&w.state.mode, Mode::Form(open) if !open.form.confirm_discard), "n keeps the typing");
    let screen = screen(&w, 80, 24);
    assert!(screen.contains("Dupont") && !screen.contains("Dupontoy"), "{screen}");
}
