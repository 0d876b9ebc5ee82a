//! The block schedule from the keyboard (issue 9): the scheduler moves a
//! case to another day on the Block tab; a second terminal on the ward shows
//! the new admission day and fasting times (R-PATH-1, R-FAST-2) within a
//! second, without a key pressed there.

mod e2e_support;

use e2e_support::{TAB, Ward};
use std::time::Instant;

const CTRL_S: &str = "\x13";
const BACKSPACE: &str = "\x7f";

#[test]
fn r_path_1_r_fast_2_a_case_moved_on_the_block_reaches_the_wards_terminal() {
    let ward = Ward::demo();
    let mut scheduler = ward.open("scheduler", 160, 48);
    let mut nurse = ward.open("nurse", 160, 48);
    scheduler.wait_for_all(&["ARRIVING", "● live"]);
    nurse.wait_for_all(&["ARRIVING", "● live"]);
    // The ward's terminal shows the board of the 24th: HENRY leaves that day
    // (a stay of 22–24/11), nobody arrives for a procedure on the 25th.
    nurse.send("]]");
    let before = nurse.wait_for_all(&["Tuesday 24/11/2026"]);
    let henry_for_25th = |s: &str| s.lines().any(|l| l.contains("HENRY Hélène") && l.contains("25/11"));
    assert!(!henry_for_25th(&before), "{before}");

    // The scheduler: Block tab, tomorrow, the first case of Room 1 (08:00).
    scheduler.send("7]");
    scheduler.wait_for_all(&["BLOCK  Mon 23/11/2026  tomorrow", "▶ 08:00 HENRY Hélène (20/05/1971)"]);
    scheduler.send("m");
    scheduler.wait_for_all(&["Move the procedure", "‹ Room 1 CT ›", "Override reason"]);
    let keys = [&BACKSPACE.repeat(10), "25/11/2026", TAB, &BACKSPACE.repeat(5), "13:00"].concat();
    scheduler.send(&keys);
    scheduler.wait_for_all(&["25/11/2026", "13:00"]);
    scheduler.send(CTRL_S);
    let saved = Instant::now();
    scheduler.wait_for_all(&["procedure moved to 25/11 13:00; admission moved to 24/11, discharge to 26/11"]);

    // R-PATH-1: the ward's board of the 24th now has her arriving, for the 25th.
    let arriving = nurse.first_sight("HENRY arriving on the 24th", henry_for_25th);
    let seen_after = saved.elapsed();
    assert!(arriving.contains("ARRIVING"), "{arriving}");
    eprintln!("the move reached the ward's terminal {} ms after the save", seen_after.as_millis());

    // R-FAST-2: the fasting times follow the new start (13:00: solids until
    // 07:00, clear fluids until 11:00) on the ward's Admissions list.
    nurse.send("2]]");
    nurse.wait_for("HENRY's new fasting times", |s| {
        s.lines().any(|l| l.contains("HENRY Hélène") && l.contains("solids until 07:00, clear fluids until 11:00"))
    });
    let conn = ward.conn();
    let (admit, start): (String, String) = conn
        .query_row(
            "SELECT a.planned_admit_on, c.scheduled_start FROM cases c JOIN admissions a ON a.id = c.admission_id
             JOIN patients p ON p.id = a.patient_id WHERE p.surname = 'Henry'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((admit.as_str(), start.as_str()), ("2026-11-24", "2026-11-25T12:00:00Z"));
}
