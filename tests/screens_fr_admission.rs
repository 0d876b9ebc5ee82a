//! Issue 14: an admission's page, its forms and its questions in French,
//! snapshotted at 80×24 on the demo ward (fixed clock and account): each
//! keeps to 80 columns and shows French words (a fall back to English would
//! fail here).

mod screen_support;

use periop::domain::language::Language;
use screen_support::*;

fn french(keys: &str) -> Ward {
    let mut w = ward();
    w.state.language = Language::Fr;
    press(&mut w, keys);
    w
}

/// The screen at 80×24: no line wider than the terminal, and each of
/// `words` in sight.
fn shown(w: &Ward, words: &[&str]) -> String {
    let text = screen(w, 80, 24);
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "wider than 80: {line}");
    }
    for word in words {
        assert!(flat(&text).contains(word), "no {word:?} in:\n{text}");
    }
    text
}

#[test]
fn admission_page_80x24_french() {
    let w = french("2G\n");
    let text = shown(&w, &["sexe M · n° hôpital", "séjour\u{a0}: entrée", "PRÉPARATION", "décision RCP", "ANESTHÉSIE"]);
    assert!(text.contains("CPA 17/11 13:00 · Dr Noël · ASA II · en attente"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn admission_page_scrolled_80x24_french() {
    let mut w = french("2G\n");
    press_code(&mut w, crossterm::event::KeyCode::PageDown);
    let text = shown(&w, &["JEÛNE", "TRAITEMENTS", "SORTIE", "CHRONOLOGIE"]);
    insta::assert_snapshot!(text);
}

/// R-COMP-1 and R-HO-1 on the page: a complication and a follow-up
/// recorded from the keyboard, their sections in French.
#[test]
fn complications_and_ossification_sections_80x24_french() {
    let mut w = french("2\n");
    press(&mut w, "C  \n \n\nœdème\n");
    press(&mut w, "H\t\t \t");
    ctrl(&mut w, 's');
    let text = shown(&w, &["COMPLICATIONS (1 ouverte\u{a0}; C note, K clôt)", "! ouverte", "depuis le 22/11/2026"]);
    insta::assert_snapshot!("complications_section_80x24_french", text);
    let wide = screen(&w, 160, 48);
    assert!(wide.contains("SUIVI OSSIFICATION (R-HO-1\u{a0}; H note, X la radio)"), "{wide}");
    assert!(wide.contains("pas de prophylaxie"), "{wide}");
    assert!(wide.contains("radio prévue 20/05/2027"), "{wide}");
    // The X-ray form and the close form.
    press(&mut w, "X");
    insta::assert_snapshot!("xray_form_80x24_french", shown(&w, &["Radio de contrôle", "Grade de Brooker"]));
    press(&mut w, "\x1b");
    press(&mut w, "K");
    insta::assert_snapshot!(
        "close_complication_form_80x24_french",
        shown(&w, &["Clore une complication", "Évolution"])
    );
}

#[test]
fn complication_form_80x24_french() {
    let w = french("2\nC");
    let text = shown(&w, &["Noter une complication (R-COMP-1)", "Gravité", "Début le (jj/mm/aaaa)"]);
    insta::assert_snapshot!(text);
}

#[test]
fn ossification_form_80x24_french() {
    let mut w = french("2\nX");
    assert!(
        flat(&screen(&w, 80, 24)).contains("aucun suivi d'ossification n'attend sa radio de contrôle (H en note un)")
    );
    press(&mut w, "H");
    let text = shown(&w, &["Suivi d'ossification (R-HO-1)", "Prophylaxie", "Dose de radiothérapie (Gy)"]);
    insta::assert_snapshot!(text);
    // The timing warning, refused until a reason is given, in French.
    ctrl(&mut w, 'u');
    press(&mut w, "21/11/2026\t");
    ctrl(&mut w, 'u');
    press(&mut w, "10:00\t   \t21/11/2026\t04:00\t\t\t7");
    ctrl(&mut w, 's');
    let text = shown(
        &w,
        &["Motif hors fenêtre\u{a0}: RADIOTHÉRAPIE OH HORS DÉLAI\u{a0}: donnée", "pour l'enregistrer quand même"],
    );
    insta::assert_snapshot!("ossification_form_refused_80x24_french", text);
    press(&mut w, "\tseul créneau");
    ctrl(&mut w, 's');
    let text = shown(&w, &["L'enregistrer malgré l'alerte R-HO-1\u{a0}?", "Donnée alors car\u{a0}: seul créneau"]);
    insta::assert_snapshot!("ossification_confirmation_80x24_french", text);
    press(&mut w, "y");
    shown(&w, &["suivi d'ossification n°", "radiothérapie 7 Gy le 21/11/2026 04:00"]);
}

#[test]
fn new_admission_form_80x24_french() {
    let w = french("2n");
    let text = shown(&w, &["Nouvelle admission", "N° hôpital", "Né(e) le (jj/mm/aaaa)", "Jour de l'intervention"]);
    insta::assert_snapshot!(text);
}

#[test]
fn consultation_form_80x24_french() {
    let w = french("2G\nc");
    let text = shown(&w, &["Consultation d'anesthésie (CPA)", "Classe ASA (I-VI, E)", "Anesthésie prévue"]);
    insta::assert_snapshot!(text);
}

#[test]
fn intake_lab_and_treatment_forms_80x24_french() {
    let mut w = french("2G\ni");
    insta::assert_snapshot!("intake_form_80x24_french", shown(&w, &["Dernière prise", "Quoi", "Heure (HH:MM)"]));
    press(&mut w, "\x1bL");
    insta::assert_snapshot!("lab_form_80x24_french", shown(&w, &["Résultat de bilan", "Examen", "Prélevé le"]));
    press(&mut w, "\x1bT");
    insta::assert_snapshot!("treatment_form_80x24_french", shown(&w, &["Traitement à arrêter ou revoir", "Classe"]));
}

#[test]
fn stay_forms_80x24_french() {
    let mut w = french("2G\nm");
    insta::assert_snapshot!(
        "move_form_80x24_french",
        shown(&w, &["Déplacer l'intervention", "Nouveau jour de l'intervention"])
    );
    press(&mut w, "\x1bb");
    insta::assert_snapshot!("bed_form_80x24_french", shown(&w, &["Lit du séjour"]));
    press(&mut w, "\x1bx");
    insta::assert_snapshot!("cancel_form_80x24_french", shown(&w, &["le séjour", "Motif"]));
}

#[test]
fn discharge_check_form_80x24_french() {
    let w = french("2jjj\nD");
    let text = shown(&w, &["Contrôle de sortie", "PADSS signes vitaux", "Accompagnant au retour"]);
    insta::assert_snapshot!(text);
}

/// The page's questions: unticking, the emergency flag, the pre-anaesthesia
/// visit, insulin.
#[test]
fn admission_questions_80x24_french() {
    let mut w = french("2G\n ");
    let text = shown(&w, &["Décocher cet élément\u{a0}?", "décision RCP\u{a0}: coché par Nurse One le 16/11 13:00"]);
    insta::assert_snapshot!("untick_question_80x24_french", text);
    press(&mut w, "ne");
    insta::assert_snapshot!("emergency_question_80x24_french", shown(&w, &["Marquer comme urgence\u{a0}?"]));
    press(&mut w, "nv");
    shown(&w, &["Visite pré-anesthésique faite maintenant\u{a0}?"]);
    press(&mut w, "nI");
    shown(&w, &["Diabétique insulinotraité\u{a0}?", "R-FAST-5"]);
}

/// Found by the French tester (issue 14): a field's refusal longer than the
/// line wrapped to the box's left edge, under the labels. It now wraps in
/// the value's column, under the value it is about.
#[test]
fn long_refusal_wraps_in_the_value_column_80x24_french() {
    // The new admission's start time (the 8th field), typed as no time.
    let w = french(&format!("2n{}{}25h", "\t".repeat(7), "\x08".repeat(5)));
    let text = shown(&w, &["Début (HH:MM)", "25h", "! une heure HH:MM", "02:05 (2e)"]);
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.contains("25h")).expect("the field typed in");
    let column = |line: &str, byte: usize| line[..byte].chars().count();
    let value_column = column(lines[at], lines[at].find("25h").expect("its value"));
    // The refusal's lines, up to the next field: each starts in the value's column.
    let refusal: Vec<&&str> = lines[at + 1..].iter().take_while(|l| !l.contains("Côté / niveau")).collect();
    assert!(refusal.len() >= 2, "the refusal takes lines of its own:\n{text}");
    for line in &refusal {
        let start = line.chars().skip(1).position(|c| c != ' ').map_or(0, |i| i + 1);
        assert!(start >= value_column, "a refusal line starts under the labels: {line:?}\n{text}");
    }
    assert!(!lines[at].contains('!'), "the refusal does not run on beside the value: {}", lines[at]);
    insta::assert_snapshot!(text);
}
