//! The patient's journey from the keyboard (issue 3): a nurse registers a
//! patient and plans the stay for the day after tomorrow, ticks the readiness
//! checklist, records the lab results and the anaesthesia consultation, and
//! a second terminal's board shows the case turn ready.

mod e2e_support;

use e2e_support::{TAB, Ward, count};

const CTRL_S: &str = "\x13";
const BACKSPACE: &str = "\x7f";

/// Clears a form field that came filled in (a default day or time).
fn clear(n: usize) -> String {
    BACKSPACE.repeat(n)
}

#[test]
fn nurse_registers_plans_ticks_and_a_second_board_sees_the_case_turn_ready() {
    let ward = Ward::demo();
    let mut nurse = ward.open("nurse", 160, 48);
    let mut board = ward.open("board", 160, 48);
    nurse.wait_for_all(&["ARRIVING", "● live"]);
    board.wait_for_all(&["ARRIVING", "● live"]);
    // The second terminal looks at tomorrow, when the patient arrives (J-1).
    board.send("]");
    board.wait_for_all(&["Monday 23/11/2026"]);

    // R-PATH-5 and R-PATH-1: register and plan from the Admissions tab.
    nurse.send("2");
    nurse.wait_for_all(&["ADMISSIONS"]);
    nurse.send("n");
    nurse.wait_for_all(&["New admission", "Hospital number"]);
    let form = [
        "H777",
        TAB,
        "Lebrun",
        TAB,
        "Alice",
        TAB,
        "03/04/1960",
        TAB, // identity
        "f",
        TAB,
        "v",
        TAB, // sex: female (a required choice, no default); procedure: Vertebroplasty
        &clear(10),
        "24/11/2026",
        TAB,
        &clear(5),
        "09:00",
        TAB,
        "L2",
        TAB, // J0 the day after tomorrow
        "g", // general anaesthesia
    ]
    .concat();
    nurse.send(&form);
    nurse.wait_for_all(&["‹ Vertebroplasty ›", "‹ general ›", "24/11/2026"]);
    nurse.send(CTRL_S);
    nurse.wait_for_all(&["admission planned: arrives 23/11, procedure 24/11 09:00, home 25/11"]);

    // The second board sees the new arrival for tomorrow, not ready yet.
    // The arrival row (the attention list may name the patient too).
    let row = |s: &str| {
        s.lines().find(|l| l.contains("LEBRUN Alice (03/04/1960)") && l.contains("· planned")).map(str::to_string)
    };
    board.wait_for("the new arrival on the other board", |s| row(s).is_some_and(|r| r.contains("✗ not ready")));

    // Open it on the nurse's list for the day after tomorrow.
    nurse.send("]]");
    nurse.wait_for_all(&["stays covering Tue 24/11/2026", "LEBRUN Alice"]);
    nurse.send("/lebrun\r\r");
    nurse.wait_for_all(&["READINESS", "RCP decision"]);

    // R-READY-1..3: tick all eight checklist items, one key each.
    nurse.send(&" j".repeat(8));
    nurse.wait_for("every item ticked", |s| s.matches("[x]").count() == 8);

    // R-MED-2: a vertebroplasty needs INR and platelets within 72 h.
    nurse.send(&["L", "i", TAB, "1.1", CTRL_S].concat());
    nurse.wait_for_all(&["lab result recorded"]);
    nurse.send(&["L", "p", TAB, "210", CTRL_S].concat());
    nurse.wait_for("both lab results", |s| s.contains("INR 1.1") && s.contains("platelets 210"));

    // R-ANES-1, -5: a cleared consultation well before the procedure.
    nurse.send("c");
    nurse.wait_for_all(&["Anaesthesia consultation"]);
    let consult = [&clear(10), "10/11/2026", TAB, TAB, TAB, "II", TAB, TAB, "c", CTRL_S].concat();
    nurse.send(&consult);
    nurse.wait_for_all(&["consultation recorded (cleared)"]);
    nurse.wait_for_all(&["READINESS  ✓ ready"]);

    // The other terminal's board turns the case ready on its own.
    board.wait_for("the case to turn ready on the other board", |s| row(s).is_some_and(|r| r.contains("✓ ready")));

    // Every change was audited as the nurse's account (R-AUDIT-1).
    let conn = ward.conn();
    let patient: i64 =
        conn.query_row("SELECT id FROM patients WHERE hospital_number = 'H777'", [], |r| r.get(0)).unwrap();
    let checks = count(
        &conn,
        "SELECT count(*) FROM audit WHERE table_name = 'case_checks' AND after LIKE '%\"done\":1%'
         AND row_id IN (SELECT k.id FROM case_checks k JOIN cases c ON c.id = k.case_id
                        JOIN admissions a ON a.id = c.admission_id WHERE a.patient_id = ?1)",
        [patient],
    );
    assert_eq!(checks, 8, "eight ticks, each audited");
    let (admit, discharge): (String, String) = conn
        .query_row(
            "SELECT planned_admit_on, planned_discharge_on FROM admissions WHERE patient_id = ?1",
            [patient],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((admit.as_str(), discharge.as_str()), ("2026-11-23", "2026-11-25"), "R-PATH-1: J-1 and J+1");

    // R-PRIV-1: the log names records, never patients.
    drop(nurse);
    drop(board);
    let log = std::fs::read_to_string(ward.log()).expect("the log file");
    assert!(log.contains("saved: case #"), "the log records the saves:\n{log}");
    let mut stmt = conn.prepare("SELECT surname, first_name, hospital_number FROM patients").unwrap();
    let people: Vec<[String; 3]> =
        stmt.query_map([], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?])).unwrap().map(Result::unwrap).collect();
    for word in log.split(|c: char| !c.is_alphanumeric()) {
        for person in &people {
            assert!(!person.iter().any(|p| p == word), "R-PRIV-1: the log names a patient ({word:?}):\n{log}");
        }
    }
}

/// The state of DAVID Christian's stay and case, and his follow-up call.
fn david(ward: &Ward) -> (String, String, Option<String>) {
    let conn = ward.conn();
    conn.query_row(
        "SELECT a.state, c.state, (SELECT done_at FROM follow_up_calls f WHERE f.admission_id = a.id)
         FROM admissions a JOIN patients p ON p.id = a.patient_id JOIN cases c ON c.admission_id = a.id
         WHERE p.surname = 'David' AND p.first_name = 'Christian'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .expect("the demo's DAVID Christian")
}

/// The whole journey from the admission's own page, one shift at a time
/// (issue 6, item 3): admit; confirm the case (refused, naming what is
/// missing, then accepted); procedure done; ready for discharge; discharge
/// check; discharge; follow-up call. Each step is checked in the database.
#[test]
fn the_whole_journey_from_the_admission_page_in_three_shifts() {
    let ward = Ward::demo();

    // J-1, Sunday morning: the patient arrives.
    let mut nurse = ward.open("J-1", 100, 30);
    nurse.wait_for_all(&["ARRIVING", "● live"]);
    nurse.send("2");
    nurse.wait_for_all(&["ADMISSIONS"]);
    nurse.send("/david christian\r\r");
    nurse.wait_for_all(&["DAVID Christian (09/10/1938)", "READINESS", "a admit"]);
    nurse.send("a");
    nurse.wait_for_all(&["Admit?", "y Enter yes"]);
    nurse.send("y");
    nurse.wait_for_all(&["now admitted"]);
    assert_eq!(david(&ward).0, "admitted");

    // R-READY-1: the confirmation is refused, naming what is missing.
    nurse.send("f");
    nurse.wait_for_all(&["Confirm the case on the schedule?"]);
    nurse.send("y");
    nurse.wait_for_all(&["not saved", "signed consent"]);
    assert_eq!(david(&ward).1, "planned");
    // Tick the consent (third item), confirm again: accepted.
    nurse.send("jj ");
    nurse.wait_for_all(&["signed consent ✓ done"]);
    nurse.send("fy");
    nurse.wait_for_all(&["case confirmed on the schedule"]);
    assert_eq!(david(&ward).1, "confirmed");
    nurse.send("q");
    nurse.wait_exit();

    // J0, Monday afternoon, after the 08:00 procedure.
    let mut nurse = ward.open_at("J0", 100, 30, "2026-11-23T14:00");
    nurse.wait_for_all(&["● live"]);
    nurse.send("2/david christian\r\r");
    nurse.wait_for_all(&["DAVID Christian (09/10/1938)", "p done"]);
    // Discharge now is refused: the step that comes first, and its key.
    nurse.send("d");
    nurse.wait_for_all(&["first \"procedure done\" (p)"]);
    nurse.send("p");
    nurse.wait_for_all(&["Procedure done?"]);
    nurse.send("y");
    nurse.wait_for_all(&["now procedure done"]);
    assert_eq!(david(&ward).0, "procedure_done");
    nurse.send("r");
    nurse.wait_for_all(&["Ready for discharge?"]);
    nurse.send("\r");
    nurse.wait_for_all(&["now ready for discharge"]);
    assert_eq!(david(&ward).0, "ready_for_discharge");
    // R-DISCH-1: PADSS 2 on each of the five items, escort, letter, work stop, follow-up.
    nurse.send("D");
    nurse.wait_for_all(&["Discharge check", "PADSS vital signs"]);
    nurse.send(&["2", TAB, "2", TAB, "2", TAB, "2", TAB, "2", TAB, "y", TAB, "y", TAB, "y", TAB, "y", CTRL_S].concat());
    nurse.wait_for_all(&["discharge check saved"]);
    nurse.send("d");
    nurse.wait_for_all(&["Discharge"]);
    nurse.send(CTRL_S);
    nurse.wait_for_all(&["discharged; follow-up call due 24/11"]);
    assert_eq!(david(&ward).0, "discharged");
    nurse.send("q");
    nurse.wait_exit();

    // J+1: the follow-up phone call (R-DISCH-2).
    let mut nurse = ward.open_at("J+1", 100, 30, "2026-11-24T10:00");
    nurse.wait_for_all(&["● live"]);
    nurse.send("2w/david christian\r\r");
    nurse.wait_for_all(&["DAVID Christian (09/10/1938)", "F call done"]);
    nurse.send("F");
    nurse.wait_for_all(&["Follow-up call done?"]);
    nurse.send("y");
    nurse.wait_for_all(&["follow-up call done"]);
    assert!(david(&ward).2.is_some(), "the call is recorded as done");
    nurse.send("\x1b");
    nurse.wait_for_all(&["ADMISSIONS"]);
    nurse.send("q");
    nurse.wait_exit();
}
