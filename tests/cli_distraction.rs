//! `periop distraction add|step`, `periop distraction --patient` and
//! `periop rounds` on a real file (R-DO-1, R-DO-2, R-DO-3, R-DO-4, R-DO-7),
//! and `periop check` finding every row audited afterwards.

mod cli_support;

use cli_support::*;
use std::path::Path;
use std::process::Output;

const NOW: &str = "2026-11-12T09:00";

fn periop(dir: &Path, args: &[&str]) -> Output {
    periop_at(dir, NOW, args, None)
}

#[test]
fn r_do_1_a_ward_records_a_case_from_the_command_line_and_prints_its_round_sheet() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop(dir.path(), &["demo"]));
    let hn = free_patient(dir.path());
    let added = ok(periop(
        dir.path(),
        &[
            "distraction",
            "add",
            "--patient",
            &hn,
            "--site",
            "tibia",
            "--device",
            "circular_frame",
            "--osteotomy",
            "2026-11-01",
            "--target",
            "20",
            "--pins",
            "4",
            "--rate",
            "1.75",
        ],
    ));
    // R-DO-2: 20 mm at 1.75 mm/day from 08/11: the target in place on 20/11.
    assert!(added.contains("distraction from 08/11/2026 to 20/11/2026 (R-DO-2)"), "{added}");
    assert!(added.contains("! R-DO-3 RATE HIGH: 1.75 mm/day"), "{added}");
    let refused = periop(
        dir.path(),
        &[
            "distraction",
            "add",
            "--patient",
            &hn,
            "--site",
            "knee",
            "--device",
            "hexapod",
            "--osteotomy",
            "2026-11-01",
            "--target",
            "20",
        ],
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--site \"knee\" is not a site; use one of: femur"));

    let plan = ok(periop(dir.path(), &["distraction", "--patient", &hn]));
    assert!(plan.contains("  08/11/2026  distraction        2 2 2 1                        1.75        0"), "{plan}");

    let json: serde_json::Value =
        serde_json::from_str(&ok(periop(dir.path(), &["rounds", "--format", "json"]))).unwrap();
    let row = json["rounds"].as_array().unwrap().iter().find(|r| r["hospital_number"] == hn.as_str()).unwrap().clone();
    assert_eq!(row["phase"], "distraction");
    assert_eq!(row["day_number"], 5);
    assert_eq!(row["sessions_due"], 4);
    let rules: Vec<&str> = row["alerts"].as_array().unwrap().iter().map(|a| a["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"R-DO-3"), "{rules:?}");
    let csv = ok(periop(dir.path(), &["rounds", "--format", "csv"]));
    assert!(csv.starts_with("case_id,surname,first_name,birth_date,hospital_number,"), "{csv}");

    // R-DO-7: a pause needs a reason.
    let refused = periop(dir.path(), &["distraction", "step", "--patient", &hn, "--kind", "pause"]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("a pause needs a reason"));
    ok(periop(dir.path(), &["distraction", "step", "--patient", &hn, "--kind", "pause", "--reason", "pain"]));
    let text = ok(periop(dir.path(), &["rounds"]));
    assert!(text.contains("paused day"), "{text}");

    ok(periop(dir.path(), &["check"]));
}

/// R-DO-5: `periop void round ID --reason` voids a round entered by
/// mistake, says whose and what it was; `periop distraction --patient`
/// lists each round with its number and the voided one as voided; the
/// rounds list no longer counts it; an unknown kind names the kinds.
#[test]
fn r_do_5_a_round_is_voided_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop(dir.path(), &["demo"]));
    let conn = rusqlite::Connection::open(dir.path().join("w.db")).unwrap();
    let (round_id, hn): (i64, String) = conn
        .query_row(
            "SELECT r.id, p.hospital_number FROM distraction_rounds r JOIN distraction_cases d ON d.id = r.case_id
             JOIN patients p ON p.id = d.patient_id ORDER BY r.at DESC, r.id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let id = round_id.to_string();
    let said = ok(periop(dir.path(), &["void", "round", &id, "--reason", "wrong patient"]));
    assert!(said.starts_with(&format!("voided distraction round #{id}: round: pain ")), "{said}");
    assert!(said.contains(", made ") && said.contains("; reason: wrong patient"), "{said}");
    let plan = ok(periop(dir.path(), &["distraction", "--patient", &hn]));
    assert!(plan.contains(&format!("round #{id} ")) && plan.contains("✗ voided: wrong patient"), "{plan}");
    let again = periop(dir.path(), &["void", "round", &id, "--reason", "again"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("already voided"), "{again:?}");
    let unknown = periop(dir.path(), &["void", "rounds", &id, "--reason", "x"]);
    let err = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        err.contains(
            "use one of: intake, treatment, lab, consultation, complication, ossification, round, strut, step, implant"
        ),
        "{err}"
    );
    ok(periop(dir.path(), &["check"]));
}

/// A tibia case for a free patient of the demo ward, from 01/11/2026.
fn tibia_case(dir: &Path) -> String {
    ok(periop(dir, &["demo"]));
    let hn = free_patient(dir);
    let args = ["distraction", "add", "--patient", &hn, "--site", "tibia", "--device", "circular_frame"];
    ok(periop(dir, &[&args[..], &["--osteotomy", "2026-11-01", "--target", "20", "--pins", "4"]].concat()));
    hn
}

/// R-DO-7 (found in use): `--on 2026-12-05` was accepted on 12/11, and a
/// step recorded by mistake could not be voided (`"step" cannot be
/// voided`). A step after today is refused; the sheet numbers each step;
/// `periop void step ID --reason` voids it, and the right one is recorded.
#[test]
fn r_do_7_a_step_is_never_in_the_future_and_is_voided_by_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let hn = tibia_case(dir.path());
    let step = ["distraction", "step", "--patient", &hn, "--kind", "pause", "--reason", "pain"];
    let err = refused(periop(dir.path(), &[&step[..], &["--on", "2026-12-05"]].concat()));
    assert!(err.contains("cannot be dated 05/12/2026, after today (12/11/2026)"), "{err}");
    let said = ok(periop(dir.path(), &[&step[..], &["--on", "2026-11-11"]].concat()));
    let id = said.strip_prefix("recorded step #").and_then(|t| t.split(':').next()).expect(&said).to_string();
    assert!(said.contains(&format!("if it was a mistake: periop void step {id} --reason")), "{said}");
    let sheet = ok(periop(dir.path(), &["distraction", "--patient", &hn]));
    assert!(sheet.contains(&format!("step #{id} 11/11/2026 distraction paused: pain")), "{sheet}");
    let voided = ok(periop(dir.path(), &["void", "step", &id, "--reason", "wrong day"]));
    assert!(
        voided.starts_with(&format!("voided distraction step #{id}: distraction paused on 11/11/2026")),
        "{voided}"
    );
    let sheet = ok(periop(dir.path(), &["distraction", "--patient", &hn]));
    assert!(sheet.contains("✗ voided: wrong day"), "{sheet}");
    assert!(sheet.contains("  12/11/2026  distraction "), "the plan is rebuilt without it: {sheet}");
    ok(periop(dir.path(), &step));
    // R-DO-7: removal leaves consolidation only.
    let err = refused(periop(dir.path(), &["distraction", "step", "--patient", &hn, "--kind", "removal"]));
    assert!(err.contains("the case is paused then; from a pause, record the resume (resume)"), "{err}");
    ok(periop(dir.path(), &["check"]));
}

/// R-DO-1 (found in use): `--target 30.3` with 0.25 mm turns was planned to
/// 30.5 mm; refused, naming the nearest targets the device can reach.
#[test]
fn r_do_1_a_target_between_two_turns_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop(dir.path(), &["demo"]));
    let hn = free_patient(dir.path());
    let args = ["distraction", "add", "--patient", &hn, "--site", "tibia", "--device", "circular_frame"];
    let err = refused(periop(dir.path(), &[&args[..], &["--osteotomy", "2026-11-01", "--target", "30.3"]].concat()));
    assert!(err.contains("a target of 30.3 mm is not a whole number of 0.25 mm turns"), "{err}");
    assert!(err.contains("use 30.25 or 30.5 mm"), "{err}");
}

/// Found in use: `on a internal`, `1 sessions`. The prescription reads as
/// English whatever the numbers.
#[test]
fn a_prescription_line_reads_as_english() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop(dir.path(), &["demo"]));
    let hn = free_patient(dir.path());
    let args = ["distraction", "add", "--patient", &hn, "--site", "mandible", "--device", "internal_craniofacial"];
    let more = ["--osteotomy", "2026-11-01", "--target", "12", "--mm-per-turn", "0.5", "--rhythm", "1", "--pins", "1"];
    let added = ok(periop(dir.path(), &[&args[..], &more].concat()));
    assert!(added.contains("mandible on an internal craniofacial distractor:"), "{added}");
    assert!(added.contains(" in 1 session of 0.5 mm turns, target 12 mm, 1 pin site"), "{added}");
}
