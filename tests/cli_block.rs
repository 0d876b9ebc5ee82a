//! `periop block`: the day's list as text (80 columns), JSON and CSV, on a demo ward.

use std::path::Path;
use std::process::{Command, Output};

fn periop(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_periop"))
        .args(args)
        .env("PERIOP_LOG", dir.join("log"))
        .env_remove("PERIOP_DB")
        .env_remove("PERIOP_NOW")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// R-BLOCK-3: the printed list names each room's cases with their staff,
/// readiness and conflicts within 80 columns; JSON and CSV carry the
/// documented keys and columns; a bad date says how to write one.
#[test]
fn r_block_3_the_printed_day_list_in_text_json_and_csv() {
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let now = "2026-11-22T09:30";
    assert!(periop(dir.path(), &["--db", db, "--now", now, "demo"]).status.success());
    let args =
        |format: &'static str| vec!["--db", db, "--now", now, "block", "--date", "2026-11-23", "--format", format];

    let text = stdout(&periop(dir.path(), &args("text")));
    assert!(text.starts_with("Block list for Mon 23/11/2026, as of 22/11 09:30\n"), "{text}");
    assert!(text.contains("ROOM 1 CT (08:00–18:00) — 3 cases"), "{text}");
    assert!(text.contains("Dr Lemaire"), "{text}");
    assert!(text.contains("! no bed for the J-1 night"), "{text}");
    assert!(text.contains("CONFLICTS (2)  turnover 20 min"), "{text}");
    for line in text.lines() {
        assert!(line.width() <= 80, "{} cells: {line}", line.width());
    }

    let json: serde_json::Value = serde_json::from_str(&stdout(&periop(dir.path(), &args("json")))).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["day"], "2026-11-23");
    assert_eq!(json["rooms"].as_array().unwrap().len(), 2);
    let case = &json["cases"][0];
    for key in [
        "case_id",
        "room_id",
        "start",
        "end",
        "minutes",
        "patient",
        "procedure",
        "operator",
        "anaesthetist",
        "anaesthesia_mode",
        "state",
        "readiness",
        "conflicts",
    ] {
        assert!(case.get(key).is_some(), "no {key} in {case}");
    }
    let conflict = &json["conflicts"][0];
    assert_eq!(conflict["kind"], "no_bed_for_night");
    assert!(conflict["text"].as_str().unwrap().contains("no bed for the J-1 night"));

    let csv = stdout(&periop(dir.path(), &args("csv")));
    assert!(csv.starts_with("case_id,room,start,end,surname,first_name,birth_date,procedure,"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + 5, "{csv}");

    let bad = periop(dir.path(), &["--db", db, "block", "--date", "23/11/2026"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("2026-11-23"), "{}", String::from_utf8_lossy(&bad.stderr));
}

/// R-BLOCK-6: `periop block stats` gives each room's planned use per ISO
/// week (booked minutes within the hours ÷ open minutes), in text and CSV;
/// a range the wrong way round says what to give.
#[test]
fn r_block_6_block_stats_per_room_and_week() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let now = "2026-11-22T09:30";
    assert!(periop(dir.path(), &["--db", db, "--now", now, "demo"]).status.success());
    let text = stdout(&periop(
        dir.path(),
        &["--db", db, "--now", now, "block", "stats", "--from", "2026-11-23", "--to", "2026-11-29"],
    ));
    assert!(text.contains("23/11/2026  Room 1 CT"), "{text}");
    assert!(text.contains("23/11/2026  Room 2 Angio"), "{text}");
    let csv = stdout(&periop(
        dir.path(),
        &["--db", db, "--now", now, "block", "stats", "--from", "2026-11-23", "--to", "2026-11-23", "--format", "csv"],
    ));
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("week,room,cases,booked_min,open_min,utilisation,called_off"));
    // The 23rd: Room 1 has 90 + 90 + 120 minutes booked of 600 open.
    assert_eq!(lines.next(), Some("2026-11-23,Room 1 CT,3,300,600,0.500,0"), "{csv}");
    let bad = periop(dir.path(), &["--db", db, "block", "stats", "--from", "2026-11-29", "--to", "2026-11-23"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("give a last day on or after the first"));
}
