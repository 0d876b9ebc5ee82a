//! `periop complications [add|close]` and `periop ossification [add|xray]`
//! on a demo ward (R-COMP-1, R-HO-1): what a user types, what is printed,
//! what is refused in words (never a panic), and `periop check` healthy
//! afterwards; `periop board --format json` carries the alerts.

mod cli_support;

use cli_support::*;
use std::path::Path;
use std::process::Output;

const NOW: &str = "2026-11-23T09:00";

fn periop(dir: &Path, args: &[&str]) -> Output {
    periop_at(dir, NOW, args, None)
}

fn first_patient(dir: &Path) -> String {
    let conn = rusqlite::Connection::open(dir.join("w.db")).unwrap();
    conn.query_row("SELECT hospital_number FROM patients ORDER BY id LIMIT 1", [], |r| r.get(0)).unwrap()
}

#[test]
fn r_comp_1_complications_are_recorded_listed_and_closed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop(dir.path(), &["demo"]));
    let hn = first_patient(dir.path());
    let added = ok(periop(
        dir.path(),
        &[
            "complications",
            "add",
            "--patient",
            &hn,
            "--kind",
            "nerve damage",
            "--on",
            "2026-11-22",
            "--severity",
            "severe",
            "--note",
            "foot drop",
        ],
    ));
    assert!(added.contains("nerve damage (severe) since 22/11/2026"), "{added}");
    let id: String = added.split('#').nth(1).unwrap().chars().take_while(char::is_ascii_digit).collect();

    let listed = ok(periop(dir.path(), &["complications", "--patient", &hn, "--open"]));
    assert!(listed.contains("! open") && listed.contains("foot drop"), "{listed}");
    let csv = ok(periop(dir.path(), &["complications", "--open", "--format", "csv"]));
    assert!(csv.starts_with("complication_id,surname,first_name"), "{csv}");
    let json = ok(periop(dir.path(), &["complications", "--format", "json"]));
    assert!(json.contains("\"kind\": \"nerve_damage\"") && json.contains("\"open\": true"), "{json}");
    let board = ok(periop(dir.path(), &["board", "--format", "json"]));
    assert!(board.contains("\"rule\": \"R-COMP-1\"") && board.contains("\"patient_alerts\""), "{board}");

    let closed = ok(periop(dir.path(), &["complications", "close", &id, "--outcome", "recovered at 6 weeks"]));
    assert!(closed.contains(&format!("closed complication #{id}")), "{closed}");
    let still = ok(periop(dir.path(), &["complications", "--patient", &hn, "--open"]));
    assert!(!still.contains("foot drop"), "{still}");

    let report = ok(periop(dir.path(), &["check"]));
    assert!(report.contains("verdict:      healthy"), "{report}");
}

#[test]
fn r_comp_1_bad_input_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop(dir.path(), &["demo"]));
    let hn = first_patient(dir.path());
    let err = refused(periop(
        dir.path(),
        &["complications", "add", "--patient", &hn, "--kind", "gout", "--severity", "mild"],
    ));
    assert!(err.contains("\"gout\" is not a complication kind; use one of: infection"), "{err}");
    let err = refused(periop(
        dir.path(),
        &["complications", "add", "--patient", &hn, "--kind", "other", "--severity", "bad"],
    ));
    assert!(err.contains("use one of: mild, moderate, severe"), "{err}");
    let err = refused(periop(
        dir.path(),
        &["complications", "add", "--patient", &hn, "--kind", "other", "--severity", "mild", "--on", "23.11.2026"],
    ));
    assert!(err.contains("write it like 2026-11-23"), "{err}");
    let err = refused(periop(
        dir.path(),
        &["complications", "add", "--patient", "NOPE", "--kind", "other", "--severity", "mild"],
    ));
    assert!(err.contains("no patient has hospital number"), "{err}");
    let err = refused(periop(dir.path(), &["complications", "close", "9999", "--outcome", "x"]));
    assert!(err.contains("no complication with that number"), "{err}");
}

#[test]
fn r_ho_1_a_follow_up_is_recorded_warned_and_its_x_ray_done_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop(dir.path(), &["demo"]));
    let hn = first_patient(dir.path());
    let base = [
        "ossification",
        "add",
        "--patient",
        hn.as_str(),
        "--surgery",
        "2026-11-20T08:00",
        "--prophylaxis",
        "radiotherapy",
        "--dose",
        "7",
    ];
    let late = [&base[..], &["--given", "2026-11-23T08:01"]].concat();
    let err = refused(periop(dir.path(), &late));
    assert!(err.contains("72 h 01 min after surgery") && err.contains("give the reason"), "{err}");
    let in_window = [&base[..], &["--given", "2026-11-23T08:00"]].concat();
    let added = ok(periop(dir.path(), &in_window));
    assert!(added.contains("X-ray check due 20/05/2027 (ho.followup_months=6 months, R-HO-1)"), "{added}");
    assert!(!added.contains('!'), "no warning in the window: {added}");
    let err = refused(periop(
        dir.path(),
        &["ossification", "add", "--patient", &hn, "--surgery", "2026-11-20T10:00", "--prophylaxis", "radiotherapy"],
    ));
    assert!(err.contains("needs its dose"), "{err}");
    let err = refused(periop(
        dir.path(),
        &["ossification", "add", "--patient", &hn, "--surgery", "soon", "--prophylaxis", "none"],
    ));
    assert!(err.contains("--surgery"), "{err}");
    assert_eq!(err.matches("write it like").count(), 1, "the example once: {err}");
    // Found in use: the dose of no prophylaxis was accepted and dropped.
    let err = refused(periop(
        dir.path(),
        &[
            "ossification",
            "add",
            "--patient",
            &hn,
            "--surgery",
            "2026-11-20T10:00",
            "--prophylaxis",
            "none",
            "--dose",
            "7",
        ],
    ));
    assert!(err.contains("--dose is a radiotherapy's; a prophylaxis \"none\" has no dose"), "{err}");

    let listed = ok(periop(dir.path(), &["ossification", "--patient", &hn, "--format", "json"]));
    let id: String =
        listed.split("\"follow_up_id\": ").nth(1).unwrap().chars().take_while(char::is_ascii_digit).collect();
    let err = refused(periop(dir.path(), &["ossification", "xray", &id, "--brooker", "V"]));
    assert!(err.contains("use 0, I, II, III or IV"), "{err}");
    let done = ok(periop(dir.path(), &["ossification", "xray", &id, "--brooker", "1"]));
    assert!(done.contains("Brooker I: islands of bone"), "{done}");
    let err = refused(periop(dir.path(), &["ossification", "xray", &id, "--brooker", "II"]));
    assert!(err.contains("its X-ray check is already recorded: Brooker I on 23/11/2026"), "{err}");
    let text = ok(periop(dir.path(), &["ossification", "--patient", &hn]));
    assert!(text.contains("X-ray 23/11/2026: Brooker I"), "{text}");
    let rule = ok(periop(dir.path(), &["rules", "R-HO-1"]));
    assert!(rule.contains("Brooker"), "{rule}");
    let report = ok(periop(dir.path(), &["check"]));
    assert!(report.contains("verdict:      healthy"), "{report}");
}

/// R-PATH-6 (found in use): a complication dated 1900, a surgery in 1850,
/// an osteotomy in 1850 (`consolidation day 64606`) were accepted and
/// `periop check` stayed healthy. Refused at the write, naming the birth
/// date; found by `check` in a file written before.
#[test]
fn r_path_6_nothing_is_recorded_before_the_patients_birth() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop(dir.path(), &["demo"]));
    let hn = first_patient(dir.path());
    let add = ["complications", "add", "--patient", &hn, "--kind", "other", "--severity", "mild"];
    let err = refused(periop(dir.path(), &[&add[..], &["--on", "1900-01-01"]].concat()));
    assert!(err.contains("complication onset on 01/01/1900 is before the patient's birth date"), "{err}");
    let err = refused(periop(
        dir.path(),
        &["ossification", "add", "--patient", &hn, "--surgery", "1850-01-01T08:00", "--prophylaxis", "none"],
    ));
    assert!(err.contains("surgery on 01/01/1850 is before the patient's birth date"), "{err}");
    let hn = free_patient(dir.path());
    let args = ["distraction", "add", "--patient", &hn, "--site", "tibia", "--device", "circular_frame"];
    let err = refused(periop(dir.path(), &[&args[..], &["--osteotomy", "1850-01-01", "--target", "20"]].concat()));
    assert!(err.contains("osteotomy on 01/01/1850 is before the patient's birth date"), "{err}");
    ok(periop(dir.path(), &[&args[..], &["--osteotomy", "2026-11-01", "--target", "20"]].concat()));
    let report = ok(periop(dir.path(), &["check"]));
    assert!(report.contains("verdict:      healthy"), "{report}");
    // A file written before the rule: `check` names the record, not the patient.
    let conn = rusqlite::Connection::open(dir.path().join("w.db")).unwrap();
    let id: i64 = conn
        .query_row(
            "UPDATE distraction_cases SET osteotomy_on = '1850-01-01' WHERE patient_id =
               (SELECT id FROM patients WHERE hospital_number = ?1) RETURNING id",
            [&hn],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    let out = periop(dir.path(), &["check"]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains(&format!("distraction case #{id}: osteotomy on 01/01/1850 is before")), "{report}");
}
