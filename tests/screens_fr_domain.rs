//! Issue 14: the domain's refusals where a nurse reads them, in French at
//! 80×24 on the demo ward (fixed clock and account): a barcode label the
//! Stock tab cannot read (GS1 and HIBC), a lot that may have swallowed the
//! next field, a hexapod table refused line by line and a new rate that is
//! no whole number of turns on the Rounds tab. Each keeps to 80 columns and
//! shows the French words (a fall back to English fails here).

mod screen_support;

use periop::domain::language::Language;
use screen_support::*;

fn french(keys: &str) -> Ward {
    let mut w = ward();
    w.state.language = Language::Fr;
    press(&mut w, keys);
    w
}

/// The screen at 80×24: no line wider than the terminal, each of `words`
/// in sight (each within one line of the screen), none of `not`.
fn shown(w: &Ward, words: &[&str], not: &[&str]) -> String {
    let text = screen(w, 80, 24);
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "wider than 80: {line}");
    }
    for word in words {
        assert!(text.contains(word), "no {word:?} in:\n{text}");
    }
    for word in not {
        assert!(!text.contains(word), "{word:?} in:\n{text}");
    }
    text
}

/// R-TRACE-3: a GS1 label whose check digit is wrong, refused in French.
#[test]
fn stock_scan_refused_80x24_french() {
    let w = french("8r(01)03453120000074(17)281340\n");
    let text = shown(
        &w,
        &["GTIN 03453120000074\u{a0}: la clé de contrôle", "donnent 3", "scannez à nouveau"],
        &["check digit"],
    );
    insta::assert_snapshot!(text);
}

/// R-TRACE-3: an HIBC label whose check character is wrong, refused in French.
#[test]
fn stock_scan_hibc_refused_80x24_french() {
    let w = french("8r+A123BJC5D6E71H\n");
    let text = shown(&w, &["étiquette HIBC +A123BJC5D6E71H\u{a0}: le caractère", "donnent G"], &["check character"]);
    insta::assert_snapshot!(text);
}

/// R-TRACE-3: a lot that may hold an expiry whose separator was lost,
/// flagged in French on the receipt to check.
#[test]
fn stock_scan_swallowed_expiry_80x24_french() {
    let w = french("8r]C1010345312000007310NOGS2117290131\n");
    let text =
        shown(&w, &["le lot a peut-être absorbé une péremption (17)290131", "séparateur de groupe"], &["swallowed"]);
    insta::assert_snapshot!(text);
}

/// R-DO-7, R-DO-1: a distraction resumed at a rate that is no whole number
/// of the frame's turns is refused in French, with decimal commas.
#[test]
fn rounds_resume_rate_refused_80x24_french() {
    // Pause today (the second step), for pain; then resume (the third) at 0,3 mm/j.
    let mut w = french("6/lefevre\ns  \t\tdouleur");
    ctrl(&mut w, 's');
    press(&mut w, "s   \t\t\t0,3");
    ctrl(&mut w, 's');
    let text = shown(
        &w,
        &["une vitesse de 0,3 mm/j n'est pas", "tours de 0,25 mm", "prenez 0,25 ou 0,5 mm/j"],
        &["whole number"],
    );
    insta::assert_snapshot!(text);
}

/// R-DO-8: a doctor's hexapod table refused in French, naming its line;
/// the line's format keeps the file's words. (No snapshot: the message
/// names the file, whose temporary path differs from run to run.)
#[test]
fn hexapod_import_refused_french() {
    let mut w = french("6H");
    let file = w._dir.path().join("plan.csv");
    std::fs::write(&file, "# plan\nplan,5\n").unwrap();
    press(&mut w, file.to_str().unwrap());
    ctrl(&mut w, 's');
    shown(&w, &["ligne 2\u{a0}: 2 valeurs", "plan,CORRECTION_MM,RATE_MM_PER_DAY en a 3"], &["values where"]);
}
