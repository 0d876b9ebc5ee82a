//! Issue 14: the Rounds tab and its forms in French, snapshotted at 80×24
//! on the demo ward: every line fits in 80 columns and the words are the
//! French catalogue's (a text fallen back to English fails here).

mod screen_support;

use periop::domain::distraction::hexapod::StrutColour;
use periop::domain::distraction::{Colour, Device, Motor, Phase, PhaseKind, Sensation, Site};
use periop::domain::language::Language;
use screen_support::*;

fn french(keys: &str) -> Ward {
    let mut w = ward();
    w.state.language = Language::Fr;
    press(&mut w, keys);
    w
}

/// The screen at 80×24, each line at most 80 columns, with each of `words`.
fn shown(w: &Ward, words: &[&str]) -> String {
    let text = screen(w, 80, 24);
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    let flat = flat(&text);
    for word in words {
        assert!(flat.contains(word), "no {word:?} in:\n{text}");
    }
    text
}

#[test]
fn rounds_today_french() {
    let w = french("6");
    let text =
        shown(&w, &["TOURNÉES DISTRACTION dim. 22/11/2026 (5) · aujourd'hui", "vérins 0/5 (rév. 2)", "séances 1/4"]);
    assert!(text.contains("ALERTES") && text.contains("VÉRINS, mm · révision 2"), "{text}");
    assert!(text.contains("tibia, hexapode\u{a0}: révision 2"), "{text}");
    assert!(text.contains("+ fait ! écart/2× x manqué _ à faire * change"), "{text}");
    assert!(text.contains("jour    1ro    2or    3ja    4ve    5bl    6vi"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn rounds_a_patient_with_a_chart_french() {
    let w = french("6/garnier\n");
    let text = shown(&w, &["LONGUEUR, mm par jour", "séances du jour\u{a0}:", "mm/j ×"]);
    assert!(!text.contains("sessions"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn rounds_a_day_gone_by_french() {
    let mut w = french("6/garnier\n[[");
    let text = shown(&w, &["le jour écoulé (T\u{a0}: aujourd'hui)", "! 2 MANQUÉES", "3 ✗ manquée"]);
    insta::assert_snapshot!(text);
    press(&mut w, "r");
    shown(&w, &["est passé\u{a0}: une tournée s'enregistre au lit du patient"]);
}

#[test]
fn rounds_a_day_to_come_french() {
    let mut w = french("6/lefevre\n]");
    let text = shown(&w, &["le plan à venir (T\u{a0}: aujourd'hui)", "4 séances prévues", "les alertes se jugent"]);
    insta::assert_snapshot!(text);
    press(&mut w, "t");
    shown(&w, &["n'est pas encore là", "T revient à aujourd'hui"]);
}

#[test]
fn round_form_french() {
    let w = french("6/lefevre\n\n");
    let text = shown(
        &w,
        &[
            "Tournée\u{a0}: tibia distraction, 5,25 sur 30 mm",
            "Douleur (0-10)",
            "Sensibilité",
            "Motricité",
            "Fiche 1\u{a0}: grade (0-6)",
        ],
    );
    insta::assert_snapshot!(text);
}

#[test]
fn turns_form_reported_late_french() {
    let w = french("6/garnier\n[[t");
    let text = shown(
        &w,
        &["Tours du ven. 20/11/2026 (signalés en retard)", "Séance 3\u{a0}: tours", "Séance 1\u{a0}: tours (saisis)"],
    );
    insta::assert_snapshot!(text);
}

#[test]
fn struts_form_french() {
    let w = french("6x");
    let text = shown(
        &w,
        &["Vérins du 22/11, révision 2", "Vérin 1 réglé à (mm)", "la feuille indique (mm)", "Signalé par téléphone"],
    );
    insta::assert_snapshot!(text);
}

#[test]
fn step_form_french() {
    let w = french("6/garnier\ns");
    let text = shown(&w, &["Étape de distraction", "Le (jj/mm/aaaa)", "Pourquoi (requis pour une pause)"]);
    insta::assert_snapshot!(text);
}

#[test]
fn void_form_french() {
    let w = french("6/garnier\nV");
    let text = shown(
        &w,
        &["Annuler tournée, étape ou vérin saisi par erreur (R-DO-5, R-DO-7, R-DO-8)", "Laquelle", "Ce qui était faux"],
    );
    insta::assert_snapshot!(text);
}

#[test]
fn hexapod_import_form_french() {
    let w = french("6H");
    let text = shown(&w, &["Prescription hexapode (R-DO-8)", "Fichier de la table (chemin)"]);
    insta::assert_snapshot!(text);
}

/// A saved round says so in French, with what the round calls for.
#[test]
fn a_round_saved_says_so_in_french() {
    let mut w = french("6/lefevre\n\n");
    press(&mut w, "\t\t\t\t3\t \t \t \t\t\t0\t4\t0\t0\t0\t0\t\t\n");
    let text = shown(&w, &["FICHE GRADE 4\u{a0}: fiche 2\u{a0}; infection majeure"]);
    assert!(flat(&text).contains("tournée enregistrée"), "{text}");
}

/// Words spelt the same in both languages (a bone, a phase, a colour).
const SAME_IN_BOTH: &[&str] = &["tibia", "distraction", "consolidation", "orange"];

fn check_labels(labels: impl Iterator<Item = (String, String)>) {
    for (en, fr) in labels {
        assert!(!en.is_empty() && !en.starts_with("rounds-"), "{en:?}");
        assert!(!fr.is_empty() && !fr.starts_with("rounds-"), "{en}: {fr:?}");
        assert!(fr != en || SAME_IN_BOTH.contains(&en.as_str()), "{en} is not in French");
    }
}

macro_rules! labels_of {
    ($($enum:ident),+) => {{
        let mut out = Vec::new();
        $(for v in $enum::ALL {
            let en = v.label().into_owned();
            let fr = { let _fr = periop::i18n::scope(Language::Fr); v.label().into_owned() };
            out.push((en, fr));
        })+
        out
    }};
}

#[test]
fn the_distraction_labels_are_in_french() {
    check_labels(labels_of!(Site, Device, Sensation, Motor, Colour, PhaseKind, Phase, StrutColour).into_iter());
    let _fr = periop::i18n::scope(Language::Fr);
    assert_eq!(Site::Femur.label(), "fémur");
    assert_eq!(Device::Hexapod.label(), "hexapode");
    assert_eq!(PhaseKind::EndDistraction.label(), "fin de distraction");
    assert_eq!(periop::domain::distraction::plan::phase_day(Phase::Distraction, 4), "distraction jour 4");
    assert_eq!(periop::domain::distraction::alerts::fmt_mm(10.75), "10,75");
    assert_eq!(periop::domain::distraction::alerts::fmt_mm(12.0), "12");
    // Green and purple both begin with a v in French: two letters each.
    let initials: Vec<String> = StrutColour::ALL.iter().map(|c| c.initial().into_owned()).collect();
    assert_eq!(initials, ["ro", "or", "ja", "ve", "bl", "vi"]);
    drop(_fr);
    let initials: Vec<String> = StrutColour::ALL.iter().map(|c| c.initial().into_owned()).collect();
    assert_eq!(initials, ["r", "o", "y", "g", "b", "p"]);
}
