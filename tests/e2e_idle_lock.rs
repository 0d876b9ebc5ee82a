//! R-PRIV-2 in a pseudo-terminal: with the ward clock fixed, then moved past
//! `ui.idle_lock_min` without a key, every patient's name, birth date and
//! hospital number leaves the screen, which shows counts and the clock; any
//! key brings the board back. The lock is in the log, not the audit.

mod e2e_support;

use e2e_support::{Ward, count};

#[test]
fn r_priv_2_an_idle_screen_hides_every_patient_and_a_key_brings_it_back() {
    let ward = Ward::demo();
    let clock = ward.dir().join("now");
    std::fs::write(&clock, "2026-11-22T09:30").unwrap();
    let conn = ward.conn();
    let column = |sql: &str| -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let names = column("SELECT upper(surname) FROM patients");
    // As the screen writes them: dd/mm/yyyy.
    let births = column(
        "SELECT substr(birth_date, 9, 2) || '/' || substr(birth_date, 6, 2) || '/' || substr(birth_date, 1, 4) FROM patients",
    );
    let numbers = column("SELECT hospital_number FROM patients");
    let audit_before = count(&conn, "SELECT count(*) FROM audit", []);
    let shows_a_patient = |screen: &str| names.iter().any(|n| screen.contains(n.as_str()));

    let mut tui = ward.open_with_clock_file("nurse", 120, 40, &clock);
    let screen = tui.wait_for_all(&["ARRIVING", "● live"]);
    assert!(shows_a_patient(&screen), "the board names patients");

    // Four minutes on: not yet (the default is five).
    std::fs::write(&clock, "2026-11-22T09:34").unwrap();
    tui.wait_for("the clock to reach 09:34", |s| s.contains("09:34"));
    assert!(shows_a_patient(&tui.screen()));

    // Past five minutes without a key: locked.
    std::fs::write(&clock, "2026-11-22T09:36").unwrap();
    let locked = tui.wait_for("the lock screen", |s| s.contains("screen locked"));
    assert!(!shows_a_patient(&locked), "a name is still on the lock screen:\n{locked}");
    assert!(!births.iter().any(|b| locked.contains(b.as_str())), "a birth date is on the lock screen:\n{locked}");
    assert!(!numbers.iter().any(|n| locked.contains(n.as_str())), "a hospital number is on the lock screen:\n{locked}");
    assert!(locked.contains("09:36") && locked.contains("arriving"), "counts and the clock stay:\n{locked}");

    // Any key brings it back, and does nothing else.
    tui.send("x");
    let back = tui.wait_for("the board again", |s| s.contains("ARRIVING"));
    assert!(shows_a_patient(&back));
    drop(tui);
    assert_eq!(count(&ward.conn(), "SELECT count(*) FROM audit", []), audit_before, "the lock is not audited");
    let log = std::fs::read_to_string(ward.log()).unwrap();
    assert!(log.contains("idle lock: no key for 5 min"), "the lock is in the log:\n{log}");
}
