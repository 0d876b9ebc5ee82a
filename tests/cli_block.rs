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

    // The day as every screen writes it is read too (issue 14); a day the
    // calendar lacks is refused with the way to write one.
    let french =
        stdout(&periop(dir.path(), &["--db", db, "--now", now, "block", "--date", "23/11/2026", "--format", "csv"]));
    assert_eq!(french, csv);
    let bad = periop(dir.path(), &["--db", db, "block", "--date", "31/11/2026"]);
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
    assert_eq!(
        lines.next(),
        Some(
            "week,room,cases,booked_min,open_min,utilisation,called_off,occupied_min,occupancy,recorded_cases,\
             started_days,start_delay_avg_min,turnovers,turnover_avg_min"
        )
    );
    // The 23rd: Room 1 has 90 + 90 + 120 minutes booked of 600 open; no
    // timeline recorded yet, so the real use is the planned one.
    assert_eq!(lines.next(), Some("2026-11-23,Room 1 CT,3,300,600,0.500,0,300,0.500,0,0,,0,"), "{csv}");
    let bad = periop(dir.path(), &["--db", db, "block", "stats", "--from", "2026-11-29", "--to", "2026-11-23"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("give a last day on or after the first"));
}

/// R-BLOCK-6: `periop block event` records the J0 timeline (the next event
/// now, or a named one at a time), refuses one out of order naming why,
/// corrects and voids; the day's list and `block stats` then give the real
/// use, the start delay and the turnover.
#[test]
fn r_block_6_block_event_records_the_timeline_and_stats_use_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let now = "2026-11-23T16:00";
    assert!(periop(dir.path(), &["--db", db, "--now", "2026-11-22T09:30", "demo"]).status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&periop(
        dir.path(),
        &["--db", db, "--now", now, "block", "--date", "2026-11-23", "--format", "json"],
    )))
    .unwrap();
    let room1 = json["rooms"][0]["room_id"].as_i64().unwrap();
    let ids: Vec<String> = json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["room_id"].as_i64() == Some(room1))
        .map(|c| c["case_id"].to_string())
        .collect();
    assert_eq!(ids.len(), 3, "{json}");
    let event = |args: &[&str]| {
        let mut all = vec!["--db", db, "--now", now, "block", "event"];
        all.extend_from_slice(args);
        periop(dir.path(), &all)
    };
    for (case, kind, at) in [
        (&ids[1], "in-room", "10:40"),
        (&ids[1], "out-of-room", "12:05"),
        (&ids[2], "in-room", "13:10"),
        (&ids[2], "out-of-room", "14:30"),
    ] {
        let said = stdout(&event(&["--case", case, "--kind", kind, "--at", at]));
        assert!(said.contains(&format!("at {at}")), "{said}");
    }
    let refused = event(&["--case", &ids[2], "--kind", "procedure-start", "--at", "14:40"]);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("procedure start cannot be after out of room (R-BLOCK-6)"), "{err}");
    let bad = event(&["--case", &ids[2], "--kind", "lunch"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("in-room"), "{}", String::from_utf8_lossy(&bad.stderr));
    // The next event now: recovery follows out of room.
    let said = stdout(&event(&["--case", &ids[2]]));
    assert!(said.contains("in recovery at 16:00"), "{said}");

    let text = stdout(&periop(dir.path(), &["--db", db, "--now", now, "block", "--date", "2026-11-23"]));
    // Room 1: 90 planned (nothing recorded) + 85 + 80 real of 600; first in
    // the room at 10:40 against 08:00 scheduled; one turnover 12:05 → 13:10.
    assert!(text.contains("Room 1 CT                 300  50 %   255  42 %   +160  65 (1)"), "{text}");
    let csv = stdout(&periop(
        dir.path(),
        &["--db", db, "--now", now, "block", "stats", "--from", "2026-11-23", "--to", "2026-11-23", "--format", "csv"],
    ));
    assert!(csv.contains("2026-11-23,Room 1 CT,3,300,600,0.500,0,255,0.425,2,1,160,1,65"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&periop(
        dir.path(),
        &["--db", db, "--now", now, "block", "--date", "2026-11-23", "--format", "json"],
    )))
    .unwrap();
    let case = json["cases"].as_array().unwrap().iter().find(|c| c["case_id"].as_i64() == ids[2].parse().ok()).unwrap();
    let timeline = case["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 3);
    assert_eq!(timeline[0]["kind"], "in_room");
    let first = timeline[0]["event_id"].to_string();
    let said = stdout(&event(&["--correct", &first, "--at", "13:05"]));
    assert!(said.contains("corrected: in room at 13:05"), "{said}");
    let voided = stdout(&event(&["--void", &timeline[2]["event_id"].to_string(), "--reason", "pressed twice"]));
    assert!(voided.contains("voided"), "{voided}");
}

/// R-BLOCK-6 (issue 9): `periop block event` refuses a time outside the
/// case's day (a case of tomorrow put in room today, an arrival in 2020),
/// naming the day; the usage never offers `--case` with `--correct`.
#[test]
fn r_block_6_block_event_only_around_the_cases_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let now = "2026-11-22T16:00";
    assert!(periop(dir.path(), &["--db", db, "--now", "2026-11-22T09:30", "demo"]).status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&periop(
        dir.path(),
        &["--db", db, "--now", now, "block", "--date", "2026-11-23", "--format", "json"],
    )))
    .unwrap();
    let case = json["cases"][0]["case_id"].to_string();
    for at in ["2026-11-22T10:00", "2020-01-01T08:00", "10:00"] {
        let out = periop(
            dir.path(),
            &["--db", db, "--now", now, "block", "event", "--case", &case, "--kind", "in-room", "--at", at],
        );
        assert!(!out.status.success(), "{at} accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("booked on Mon 23/11/2026") && err.contains("R-BLOCK-6"), "{at}: {err}");
    }
    let usage = periop(dir.path(), &["--db", db, "block", "event", "--correct", "5"]);
    let err = String::from_utf8_lossy(&usage.stderr);
    assert!(!usage.status.success() && err.contains("--correct <EVENT> --at <TIME>"), "{err}");
    assert!(!err.lines().any(|l| l.contains("--case") && l.contains("--correct")), "{err}");
}

/// R-BLOCK-6 (issue 7): with a patient in room in Room 1, `in-room` for
/// another case of the room is refused naming that case's time and what to
/// do; once it is out, accepted. An unknown case says there is none and
/// where to find the ids.
#[test]
fn r_block_6_two_patients_in_one_room_refused_and_an_unknown_case_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let now = "2026-11-23T16:00";
    assert!(periop(dir.path(), &["--db", db, "--now", "2026-11-22T09:30", "demo"]).status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&periop(
        dir.path(),
        &["--db", db, "--now", now, "block", "--date", "2026-11-23", "--format", "json"],
    )))
    .unwrap();
    let room1 = json["rooms"][0]["room_id"].as_i64().unwrap();
    let ids: Vec<String> = json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["room_id"].as_i64() == Some(room1))
        .map(|c| c["case_id"].to_string())
        .collect();
    let event = |args: &[&str]| {
        let mut all = vec!["--db", db, "--now", now, "block", "event"];
        all.extend_from_slice(args);
        periop(dir.path(), &all)
    };
    stdout(&event(&["--case", &ids[1], "--kind", "in-room", "--at", "10:40"]));
    let refused = event(&["--case", &ids[2], "--kind", "in-room", "--at", "11:00"]);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains(&format!("the room holds case #{} (in room since 10:40, no out of room recorded)", ids[1])),
        "{err}"
    );
    assert!(err.contains("record that case's out of room first"), "{err}");
    let refused = event(&["--case", &ids[2], "--kind", "procedure-start", "--at", "11:00"]);
    assert!(!refused.status.success(), "procedure start implies presence too");
    stdout(&event(&["--case", &ids[1], "--kind", "out-of-room", "--at", "11:30"]));
    let refused = event(&["--case", &ids[2], "--kind", "in-room", "--at", "11:00"]);
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("out of room at 11:30"), "an out of room later than this time: {err}");
    stdout(&event(&["--case", &ids[2], "--kind", "in-room", "--at", "11:45"]));

    let missing = event(&["--case", "999"]);
    assert!(!missing.status.success());
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(err.contains("there is no case 999"), "{err}");
    assert!(err.contains("periop block --date D --format json"), "{err}");
    assert!(!err.contains("removed by someone else"), "{err}");
}
