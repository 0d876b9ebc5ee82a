//! `periop hexapod` on a real file (R-DO-8): a doctor imports a table the
//! planning software printed (one that cannot be is refused, naming its
//! line), a nurse logs struts, the sheet prints with its marks, a re-plan
//! makes the revision before print as void, a strut entered by mistake is
//! voided, and `periop check` finds everything audited.

mod cli_support;

use cli_support::*;
use std::path::Path;
use std::process::Output;

const NOW: &str = "2026-11-24T09:00";

fn periop(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    periop_at(dir, NOW, args, stdin)
}

const PLAN: &str = "\
plan,3,1
strut,1,red,medium,151,251
strut,2,orange,medium,151,251
strut,3,yellow,medium,151,251
strut,4,green,medium,151,251
strut,5,blue,medium,151,251
strut,6,purple,medium,151,251
day,2026-11-22,160,170,180,190,200,170
day,2026-11-23,161,171,179,190,201,170
day,2026-11-24,162,172,178,190,202,170
day,2026-11-25,163,173,177,190,203,170
";

#[test]
fn r_do_8_a_doctor_imports_a_nurse_logs_and_the_sheet_prints() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop(dir.path(), &["demo"], None));
    let hn = free_patient(dir.path());
    let hn = hn.as_str();
    ok(periop(
        dir.path(),
        &[
            "distraction",
            "add",
            "--patient",
            hn,
            "--site",
            "tibia",
            "--device",
            "hexapod",
            "--osteotomy",
            "2026-11-15",
            "--target",
            "3",
            "--mm-per-turn",
            "1",
        ],
        None,
    ));
    // A table with a fault is refused, naming the line.
    let bad = PLAN.replace("strut,6,purple", "strut,6,pink");
    let err = refused(periop(dir.path(), &["hexapod", "import", "--patient", hn, "--file", "-"], Some(&bad)));
    assert!(err.contains("line 7: \"pink\" is not a strut colour"), "{err}");
    let file = dir.path().join("plan.csv");
    std::fs::write(&file, PLAN).unwrap();
    let said = ok(periop(dir.path(), &["hexapod", "import", "--patient", hn, "--file", file.to_str().unwrap()], None));
    assert!(said.contains("recorded hexapod prescription revision 1"), "{said}");
    assert!(said.contains("3 mm at 1 mm/day, 3 days of adjustment from 23/11/2026 to 25/11/2026"), "{said}");

    // Yesterday's struts but strut 5; today's strut 1 off the sheet.
    ok(periop(
        dir.path(),
        &[
            "hexapod",
            "adjust",
            "--patient",
            hn,
            "--day",
            "2026-11-23",
            "--set",
            "1=161",
            "--set",
            "2=171",
            "--set",
            "3=179",
        ],
        None,
    ));
    let logged = ok(periop(dir.path(), &["hexapod", "adjust", "--patient", hn, "--set", "1=163.5"], None));
    assert!(logged.contains("logged for 24/11/2026 (revision 1): strut 1 to 163.5 mm"), "{logged}");
    assert!(logged.contains("STRUT OFF SHEET: strut 1 set to 163.5 mm for 24/11, the sheet says 162 mm"), "{logged}");
    let err = refused(periop(dir.path(), &["hexapod", "adjust", "--patient", hn, "--set", "2=300"], None));
    assert!(err.contains("cannot be set to 300 mm: outside its catalogue range"), "{err}");
    let err = refused(periop(dir.path(), &["hexapod", "adjust", "--patient", hn, "--set", "9=160"], None));
    assert!(err.contains("struts are 1 to 6"), "{err}");

    let sheet = ok(periop(dir.path(), &["hexapod", "--patient", hn], None));
    assert!(sheet.contains("Hexapod prescription revision 1 of 1"), "{sheet}");
    assert!(sheet.contains("STRUT MISSED: strut 5 not adjusted for 23/11"), "{sheet}");
    let row_23 = sheet.lines().find(|l| l.starts_with("  23/11/2026")).unwrap();
    assert!(row_23.contains("161 +") && row_23.contains("201 x"), "{row_23}");
    let row_24 = sheet.lines().find(|l| l.starts_with("  24/11/2026")).unwrap();
    assert!(row_24.contains("162 !") && row_24.ends_with("< today"), "{row_24}");
    // The table reads back as the import takes it.
    let csv = ok(periop(dir.path(), &["hexapod", "--patient", hn, "--format", "csv"], None));
    assert_eq!(csv, PLAN);

    // A re-plan: the first revision prints as void at its top and foot.
    ok(periop(
        dir.path(),
        &["hexapod", "import", "--patient", hn, "--file", "-", "--note", "after the X-ray"],
        Some(PLAN),
    ));
    let void = ok(periop(dir.path(), &["hexapod", "--patient", hn, "--revision", "1"], None));
    assert!(void.starts_with("VOID: revision 1 was replaced at 24/11/2026 09:00"), "{void}");
    assert!(void.trim_end().ends_with("do not adjust from this sheet"), "{void}");
    let err = refused(periop(dir.path(), &["hexapod", "--patient", hn, "--revision", "3"], None));
    assert!(err.contains("has no revision 3; it has 1 to 2"), "{err}");

    // A strut entered by mistake is voided by its number.
    let json = ok(periop(dir.path(), &["hexapod", "--patient", hn, "--revision", "1", "--format", "json"], None));
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["void"], true);
    let id = doc["log"][0]["id"].as_i64().unwrap().to_string();
    let voided = ok(periop(dir.path(), &["void", "strut", &id, "--reason", "typed on the wrong patient"], None));
    assert!(voided.contains("voided strut adjustment #") && voided.contains("strut 1 set to 161 mm"), "{voided}");
    let report = ok(periop(dir.path(), &["check"], None));
    assert!(!report.contains("FAULT"), "{report}");
}
