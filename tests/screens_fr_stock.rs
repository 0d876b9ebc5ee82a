//! Issue 14: the Stock tab in French at 80×24 (the list and its panel, the
//! receipt by scan, the movement forms and their questions, a new
//! reference, a recall), on the demo ward with a fixed clock; no line is
//! wider than 80 and the French words are there (the text did not fall
//! back to English). Then each domain label set of the stock in French.

mod screen_support;

use periop::domain::language::Language;
use screen_support::*;

fn french() -> Ward {
    let mut w = ward();
    w.state.language = Language::Fr;
    w
}

/// No line wider than 80, and each of `words` shown.
fn check(shown: &str, words: &[&str]) {
    for line in shown.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "too wide: {line}");
    }
    let flat = flat(shown);
    for word in words {
        assert!(flat.contains(word), "{word}: {shown}");
    }
}

/// The demo ward with what the stock alerts name: a trocar lot expired on
/// the shelf, a screw lot expiring in 20 days, a cement kit wasted so the
/// kits fall under their minimum (as in tests/screens.rs).
fn ward_with_stock_alerts() -> Ward {
    use periop::domain::stock::movement::MovementKind;
    use periop::store::stock_moves::{self, Move, Receipt};
    let mut w = french();
    let conn = w.door();
    let id = |code: &str| -> i64 {
        conn.query_row("SELECT id FROM device_refs WHERE code = ?1", [code], |r| r.get(0)).unwrap()
    };
    let (trocar, screw, cement) = (id("TRO-11"), id("SCR-70"), id("CEM-10"));
    let cement_lot: i64 =
        conn.query_row("SELECT id FROM device_lots WHERE ref_id = ?1", [cement], |r| r.get(0)).unwrap();
    drop(conn);
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 12, d);
    let receipt = |ref_id, lot: &str, expiry| Receipt {
        ref_id,
        lot: Some(lot.into()),
        serial: None,
        expiry,
        units: 2,
        location: "block cupboard B".into(),
        scanned: None,
        expired_ok: true,
    };
    w.store
        .write(now(), |tx| {
            stock_moves::receive(tx, &receipt(trocar, "T0001", chrono::NaiveDate::from_ymd_opt(2026, 11, 1)))?;
            stock_moves::receive(tx, &receipt(screw, "A2512", day(12)))?;
            let waste = Move {
                lot_id: cement_lot,
                kind: MovementKind::Waste,
                units: 1,
                case_id: None,
                reason: Some("dropped".into()),
            };
            stock_moves::move_stock(tx, &waste).map(drop)
        })
        .unwrap();
    w
}

#[test]
fn stock_list_80x24_french() {
    let mut w = ward_with_stock_alerts();
    press(&mut w, "8");
    let shown = screen(&w, 80, 24);
    check(
        &shown,
        &["DISPOSITIFS ET IMPLANTS", "dispositif", "péremption", "statut", "✗ PÉRIMÉ", "! BAS", "utilisables"],
    );
    assert!(!shown.contains("EXPIRED") && !shown.contains("usable"), "{shown}");
    insta::assert_snapshot!(shown);
}

/// The panel of a lot held for a case and implanted: who holds it, who received it.
#[test]
fn stock_panel_80x24_french() {
    let mut w = french();
    press(&mut w, "8/A2608\n");
    let shown = screen(&w, 80, 24);
    check(&shown, &["SÉLECTION", "réservé\u{a0}:", "réservée(s)"]);
    insta::assert_snapshot!(shown);
}

#[test]
fn stock_receive_scan_80x24_french() {
    let mut w = french();
    press(&mut w, "8r");
    let shown = screen(&w, 80, 24);
    check(&shown, &["Réception\u{a0}: scanner l'étiquette", "Code GS1", "vide\u{a0}: taper"]);
    insta::assert_snapshot!("stock_receive_scan_80x24_french", shown);
    press(&mut w, "(01)03453120000073(17)280331(10)B777\n");
    let shown = screen(&w, 80, 24);
    check(&shown, &["Réception\u{a0}: vérifier et enregistrer", "Référence", "Péremption (17)", "Emplacement"]);
    insta::assert_snapshot!("stock_receive_check_80x24_french", shown);
}

/// An expired lot is asked about in French.
#[test]
fn stock_receive_expired_question_80x24_french() {
    let mut w = french();
    press(&mut w, "8r(01)03453120000073(17)250101(10)OLD9\n\n");
    let shown = screen(&w, 80, 24);
    check(&shown, &["Recevoir un lot PÉRIMÉ\u{a0}?", "date passée"]);
    insta::assert_snapshot!(shown);
}

#[test]
fn stock_implant_and_release_forms_80x24_french() {
    let mut w = french();
    press(&mut w, "8/A2611\nu");
    let shown = screen(&w, 80, 24);
    check(&shown, &["dans une intervention (tracé)", "Intervention", "Unités", "en rayon"]);
    insta::assert_snapshot!("stock_implant_form_80x24_french", shown);
    press(&mut w, "\x1b\x1b/A2608\nl");
    let shown = screen(&w, 80, 24);
    check(&shown, &["Libérer des unités réservées pour une intervention", "réservée(s)"]);
    insta::assert_snapshot!("stock_release_form_80x24_french", shown);
}

/// Wasting more than the lot holds is refused before asking; a quarantine
/// is asked about, saying what lifts it.
#[test]
fn stock_waste_and_quarantine_80x24_french() {
    let mut w = french();
    press(&mut w, "8/A2611\nw");
    let shown = screen(&w, 80, 24);
    check(&shown, &["Mettre au rebut", "Motif"]);
    insta::assert_snapshot!("stock_waste_form_80x24_french", shown);
    ctrl(&mut w, 'u');
    press(&mut w, "99\tdropped\n");
    let shown = screen(&w, 80, 24);
    check(&shown, &["99 demandée(s), 12 libre(s)"]);
    press(&mut w, "\x1by\x1b/A2611\nx");
    press(&mut w, "box damp\n");
    let shown = screen(&w, 80, 24);
    check(&shown, &["Quarantaine\u{a0}?", "L lève la quarantaine plus tard"]);
    insta::assert_snapshot!("stock_quarantine_question_80x24_french", shown);
}

#[test]
fn stock_new_reference_and_recall_80x24_french() {
    let mut w = french();
    press(&mut w, "8n");
    let shown = screen(&w, 80, 24);
    check(&shown, &["Nouvelle référence de dispositif", "Fabricant", "Type", "Stock minimum"]);
    insta::assert_snapshot!("stock_new_reference_80x24_french", shown);
    press(&mut w, "\x1b\x1b/A2611\nR");
    let shown = screen(&w, 80, 24);
    check(&shown, &["Rappel", "Lot ou série", "Motif (l'avis)"]);
    insta::assert_snapshot!("stock_recall_form_80x24_french", shown);
    press(&mut w, "\n\n");
    let shown = screen(&w, 80, 24);
    check(&shown, &["Rappeler ce lot\u{a0}?", "lot ou série A2611"]);
    insta::assert_snapshot!("stock_recall_question_80x24_french", shown);
}

/// Each label set of the stock's domain, in French: not the English one, never empty.
#[test]
fn the_stock_labels_are_said_in_french() {
    use periop::domain::stock::DeviceKind;
    use periop::domain::stock::lots::LotStatus;
    use periop::domain::stock::movement::MovementKind;
    use periop::domain::stock::trace::{Missing, VoidTo};
    fn differ(en: Vec<String>, fr: Vec<String>) {
        for (e, f) in en.iter().zip(&fr) {
            assert!(!f.is_empty() && e != f, "{e} / {f}");
        }
    }
    fn both(words: impl Fn() -> Vec<String>) {
        let en = {
            let _en = periop::i18n::scope(Language::En);
            words()
        };
        let fr = {
            let _fr = periop::i18n::scope(Language::Fr);
            words()
        };
        differ(en, fr);
    }
    use LotStatus::*;
    both(|| [Available, Reserved, Quarantined, Expired, UsedUp, Recalled].map(|s| s.label().into_owned()).to_vec());
    // "trocar" and "distractor" differ in French too; "other" is "autre".
    both(|| DeviceKind::ALL.map(|k| k.label().into_owned()).to_vec());
    // "quarantined" / "mis en quarantaine": every past tense differs.
    both(|| MovementKind::ALL.map(|k| k.done().into_owned()).to_vec());
    both(|| VoidTo::ALL.iter().flat_map(|t| [t.done(), t.words(), t.choice()].map(|w| w.into_owned())).collect());
    // "patient" is the same word in both languages.
    both(|| [Missing::LotOrSerial, Missing::Time, Missing::Operator].map(|m| m.label().into_owned()).to_vec());
    let _fr = periop::i18n::scope(Language::Fr);
    assert_eq!(Missing::Patient.label(), "patient");
    assert_eq!(periop::domain::stock::lots::lot_words(Some("A1"), Some("S9")), "lot A1 série S9");
    // A kind is read back from its code or its English words, whatever the language.
    assert_eq!(DeviceKind::from_code("cement kit"), Some(DeviceKind::CementKit));
    assert_eq!(DeviceKind::from_code("kit de ciment"), Some(DeviceKind::CementKit));
}
