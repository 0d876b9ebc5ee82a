//! The commands' text for people in French (issue 14): `--lang fr` turns
//! the words of `periop board`, `admissions`, `block`, `stock`, `check`,
//! `staff language` and a refusal into French, and leaves the JSON keys
//! exactly as in English (scripts read them).

mod cli_support;

use cli_support::{ok, periop_at, refused};
use std::collections::BTreeSet;
use std::path::Path;

const NOW: &str = "2026-11-22T09:30";

fn demo(dir: &Path) {
    ok(periop_at(dir, NOW, &["demo"], None));
}

fn run(dir: &Path, lang: &str, args: &[&str]) -> String {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    ok(periop_at(dir, NOW, &all, None))
}

/// Every key path of a JSON document (`board.attention[].rule`), without the values.
fn keys(value: &serde_json::Value, at: &str, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let path = format!("{at}.{k}");
                out.insert(path.clone());
                keys(v, &path, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                keys(item, &format!("{at}[]"), out);
            }
        }
        _ => {}
    }
}

fn key_set(text: &str) -> BTreeSet<String> {
    let value: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    let mut out = BTreeSet::new();
    keys(&value, "", &mut out);
    out
}

fn assert_has(text: &str, words: &[&str]) {
    for word in words {
        assert!(text.contains(word), "no {word:?} in:\n{text}");
    }
}

#[test]
fn the_board_and_the_admissions_speak_french_and_keep_their_json_keys() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let board = run(dir.path(), "fr", &["board"]);
    assert_has(
        &board,
        &["Tableau du dimanche 22/11/2026", "À TRAITER (", "ARRIVÉES (", "INTERVENTIONS (", "SORTIES ("],
    );
    assert!(!board.contains("NEEDS ATTENTION"), "{board}");
    // French spacing where a status is followed by what it lacks (second tester).
    assert!(board.contains("pas prêt\u{a0}: "), "{board}");
    let english = run(dir.path(), "en", &["board"]);
    assert_has(&english, &["Board for Sunday 22/11/2026", "NEEDS ATTENTION (", "ARRIVING ("]);
    for command in [&["board", "--format", "json"][..], &["admissions", "--format", "json"]] {
        let (fr, en) = (run(dir.path(), "fr", command), run(dir.path(), "en", command));
        assert!(!key_set(&en).is_empty());
        assert_eq!(key_set(&fr), key_set(&en), "{command:?}: the JSON keys do not depend on the language");
    }
    let csv_fr = run(dir.path(), "fr", &["admissions", "--format", "csv"]);
    let csv_en = run(dir.path(), "en", &["admissions", "--format", "csv"]);
    assert_eq!(csv_fr.lines().next(), csv_en.lines().next(), "the CSV columns stay as they are");

    let admissions = run(dir.path(), "fr", &["admissions", "--all-days"]);
    assert_has(&admissions, &["Admissions couvrant tous les jours (", "lit "]);
    let today = run(dir.path(), "fr", &["admissions"]);
    assert_has(&today, &["Admissions couvrant dimanche 22/11/2026"]);
}

#[test]
fn the_block_list_the_stock_and_the_staff_list_speak_french() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let block = run(dir.path(), "fr", &["block", "--date", "2026-11-23"]);
    assert_has(&block, &["Programme opératoire du lun. 23/11/2026", "CONFLITS (", "OCCUPATION", "ANNULÉS OU REPORTÉS"]);
    for line in block.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "wider than 80: {line}");
    }
    let stats = run(dir.path(), "fr", &["block", "stats", "--from", "2026-11-16", "--to", "2026-11-29"]);
    assert_has(&stats, &["Occupation du bloc du 16/11/2026 au 29/11/2026", "semaine du", "rotation"]);
    let stock = run(dir.path(), "fr", &["stock"]);
    assert_has(&stock, &["Stock au 22/11/2026", "utilisables", "Alertes ("]);
    let staff = run(dir.path(), "fr", &["staff"]);
    assert_has(&staff, &["compte", "nom", "rôle", "actif"]);
    let rooms = run(dir.path(), "fr", &["rooms"]);
    assert_has(&rooms, &["salle", "horaires"]);
}

#[test]
fn check_and_staff_language_speak_french() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let check = run(dir.path(), "fr", &["check"]);
    assert_has(&check, &["base\u{a0}:", "intégrité\u{a0}:", "verdict\u{a0}:     sain"]);
    assert!(!check.contains("database:"), "{check}");
    let english = run(dir.path(), "en", &["check"]);
    assert_has(&english, &["database:     ", "verdict:      healthy"]);

    let said = run(dir.path(), "fr", &["staff", "language"]);
    assert_has(&said, &["langue\u{a0}: fr (d'après --lang)", "ordre\u{a0}: --lang"]);
    // Kept on the account, the reply is in the language now in force.
    let kept = ok(periop_at(dir.path(), NOW, &["staff", "language", "fr"], None));
    assert_has(&kept, &["garde fr comme langue", "langue\u{a0}: fr (d'après le choix propre de votre compte)"]);
    let board = ok(periop_at(dir.path(), NOW, &["board"], None));
    assert_has(&board, &["Tableau du"]);
}

#[test]
fn a_refusal_of_the_command_line_is_in_french() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let err = refused(periop_at(dir.path(), NOW, &["--lang", "fr", "board", "--date", "demain"], None));
    assert_has(
        &err,
        &["periop\u{a0}: --date \"demain\" n'est pas un jour\u{a0}; écrivez-le comme 23/11/2026 (ou 2026-11-23)"],
    );
    let err = refused(periop_at(dir.path(), NOW, &["--lang", "fr", "admissions", "--state", "nope"], None));
    assert_has(&err, &["n'est pas un état"]);
    let err = refused(periop_at(dir.path(), NOW, &["--lang", "en", "board", "--date", "tomorrow"], None));
    assert_has(&err, &["periop: --date \"tomorrow\" is not a day; write it like 2026-11-23"]);
}

#[test]
fn the_rounds_a_plan_and_a_hexapod_sheet_speak_french() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let rounds = run(dir.path(), "fr", &["rounds"]);
    assert_has(&rounds, &["Tour des distractions, dimanche 22/11/2026 (", " sur ", " mm (plan "]);
    let json: serde_json::Value =
        serde_json::from_str(&run(dir.path(), "en", &["rounds", "--format", "json"])).unwrap();
    let rows = json["rounds"].as_array().unwrap();
    let turns = rows.iter().find(|r| r["struts_today"].is_null()).expect("a case turned by sessions");
    let plan = run(dir.path(), "fr", &["distraction", "--patient", turns["hospital_number"].as_str().unwrap()]);
    assert_has(
        &plan,
        &["distraction n° ", "ostéotomie ", "jour        phase              plan\u{a0}: tours par séance"],
    );
    let frame = rows.iter().find(|r| !r["struts_today"].is_null()).expect("a hexapod frame");
    let sheet = run(dir.path(), "fr", &["hexapod", "--patient", frame["hospital_number"].as_str().unwrap()]);
    assert_has(&sheet, &["Prescription hexapode révision ", "réglez les vérins dans l'ordre", "  jour  "]);
    assert!(!plan.contains("osteotomy") && !sheet.contains("adjust the struts"), "English left in:\n{plan}\n{sheet}");
}

/// Found by the French tester (issue 14): `--date` took only `2026-12-01`
/// while every screen writes `01/12/2026`. Both are read, in both languages.
#[test]
fn a_date_is_taken_as_the_screens_write_it() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    for lang in ["fr", "en"] {
        let iso = run(dir.path(), lang, &["board", "--date", "2026-11-23"]);
        assert_eq!(run(dir.path(), lang, &["board", "--date", "23/11/2026"]), iso);
        assert_eq!(
            run(dir.path(), lang, &["block", "--date", "23/11/2026"]),
            run(dir.path(), lang, &["block", "--date", "2026-11-23"])
        );
    }
    assert_has(&run(dir.path(), "fr", &["board", "--date", "23/11/2026"]), &["lundi 23/11/2026"]);
    let err = refused(periop_at(dir.path(), NOW, &["--lang", "fr", "board", "--date", "31/02/2026"], None));
    assert_has(&err, &["--date \"31/02/2026\" n'est pas un jour"]);
}
