//! End to end, issue 11: a nurse records a round with a grade-3 pin site in
//! one terminal (R-DO-5), and the Board of a second terminal shows the
//! urgent review within a second (R-DO-6), through the real binary in two
//! pseudo-terminals on one demo ward.

mod e2e_support;

use e2e_support::*;
use std::time::{Duration, Instant};

#[test]
fn r_do_6_a_grade_3_pin_site_recorded_in_one_terminal_is_an_urgent_review_on_the_board_of_another() {
    let ward = Ward::demo();
    let mut a = ward.open("A", 160, 48);
    let b = ward.open("B", 160, 48);
    for tui in [&a, &b] {
        tui.wait_for_all(&["NEEDS ATTENTION", "● live"]);
    }
    assert!(!b.screen().contains("PIN SITE GRADE 3"), "nothing urgent about pins before the round");

    // The Rounds tab; the femur patient; Enter opens the round.
    a.send("6");
    a.wait_for_all(&["DISTRACTION ROUNDS", "GARNIER Hugo"]);
    a.send("/garnier\r");
    a.wait_for("the filter to keep one patient", |s| s.contains("filter: garnier") && !s.contains("LEFÈVRE"));
    a.send("\r");
    a.wait_for_all(&["Round: femur distraction", "Pin 4 grade (0-6)"]);
    // Sessions 2-4 are not due yet and stay empty; the phone flag; pain 2;
    // sensation, motor and colour chosen (Space: normal; nothing is chosen
    // for the nurse); range of motion and
    // temperature left out; pins 0 0 3 0.
    a.send("\t\t\t\t2\t \t \t \t\t\t0\t0\t3\t0");
    let start = Instant::now();
    a.send("\x13");
    let screen_a = a.wait_for("A to say the round is saved", |s| s.contains("round recorded"));
    assert!(screen_a.contains("urgent medical review"), "A's notice says what the round calls for:\n{screen_a}");

    let screen_b = b.first_sight("B's board to show the urgent review", |s| s.contains("PIN SITE GRADE 3: pin 3"));
    let latency = start.elapsed();
    eprintln!("second terminal latency: {latency:?} (from Ctrl-S in A to B showing the pin alert)");
    // The requirement is under a second (a budget measured by benchmarks);
    // this bound only guards against a hang or a lost refresh.
    assert!(latency < Duration::from_secs(3), "terminal B took {latency:?} to show the alert");
    let line = screen_b.lines().find(|l| l.contains("PIN SITE GRADE 3")).unwrap();
    assert!(line.contains("!!") && line.contains("GARNIER Hugo (17/09/2004)"), "{line}");

    // In the file: one round, four pin grades, audited.
    let conn = ward.conn();
    let grade: i64 = conn
        .query_row(
            "SELECT g.grade FROM pin_grades g JOIN distraction_rounds r ON r.id = g.round_id
             WHERE g.pin = 3 ORDER BY r.id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(grade, 3);
}
