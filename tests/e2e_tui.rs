//! End to end (DESIGN.md, "Tests" item 4): the real binary in a
//! pseudo-terminal, keys typed as a nurse would, the screen read through
//! vt100, the database checked behind the program's back.

mod e2e_support;

use e2e_support::*;
use std::time::{Duration, Instant};

/// The line of the screen that shows notices and key hints (second from the bottom).
fn notice_line(screen: &str) -> &str {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - 2]
}

/// The row naming `identity` in ARRIVING shows the patient as admitted.
fn shows_admitted(screen: &str, identity: &str) -> bool {
    row_of(screen, "ARRIVING", identity).is_some_and(|row| row_body(&row).starts_with("✓ admitted"))
}

/// The dialog asking to admit, with the line that names the patient.
fn admit_dialog(screen: &str) -> Option<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let title = lines.iter().position(|l| l.contains("Admit this patient?"))?;
    lines.get(title + 1).map(|l| l.to_string())
}

/// After the program ended: out of the alternate screen, cursor shown.
fn assert_terminal_restored(tui: &Tui, when: &str) {
    let vt = tui.vt();
    let screen = vt.screen();
    assert!(!screen.alternate_screen(), "{when}: the terminal is still in the alternate screen");
    assert!(!screen.hide_cursor(), "{when}: the cursor is still hidden");
}

#[test]
fn nurse_reads_the_board_admits_a_patient_and_quits() {
    let ward = Ward::demo();
    let me = current_account();
    let (planned, steps_before) = {
        let conn = ward.conn();
        (planned_arrivals(&conn), count(&conn, "SELECT count(*) FROM admission_steps", []))
    };
    assert!(!planned.is_empty(), "the demo ward has no planned arrival today");

    let mut tui = ward.open("nurse", 80, 24);
    let screen = tui.wait_for_all(&["NEEDS ATTENTION", "ARRIVING"]);
    assert!(tui.vt().screen().alternate_screen(), "the TUI should draw on the alternate screen");

    let status = screen.lines().last().unwrap_or_default();
    assert!(status.starts_with(&format!(" {me} · ")), "the status line does not name the account {me:?}: {status:?}");

    // R-PATH-5: walking down ARRIVING (it scrolls at 80×24), every planned
    // arrival is named SURNAME First name (dd/mm/yyyy), as the file has them.
    let first = select_planned_arrival(&mut tui, 1);
    let mut named = vec![patient_on(&first, &planned).identity];
    while named.len() < planned.len() {
        let (screen, index, row) = step(&mut tui, "j");
        assert!(is_planned_arrival(&screen, index, &row), "ARRIVING ended after {named:?}:\n{}", framed(&screen));
        named.push(patient_on(&row, &planned).identity);
    }
    let mut expected: Vec<String> = planned.iter().map(|p| p.identity.clone()).collect();
    expected.sort();
    named.sort();
    assert_eq!(named, expected, "the planned arrivals on the board are not those of the file");

    // Back up to the first planned arrival, and admit that patient.
    let patient = patient_on(&first, &planned);
    let row = step_until(&mut tui, "k", "the first planned arrival", |_, _, row| row == first);
    assert!(row.contains(&patient.identity));

    tui.send("a");
    let screen = tui.wait_for("the admit dialog", |s| admit_dialog(s).is_some());
    let dialog_line = admit_dialog(&screen).unwrap_or_default();
    assert!(dialog_line.contains(&patient.identity), "the dialog names {dialog_line:?}, not {:?}", patient.identity);

    tui.send("y");
    let screen = tui.wait_for("the arrival to show ✓ admitted and a notice", |s| {
        shows_admitted(s, &patient.identity) && notice_line(s).contains("now admitted") && admit_dialog(s).is_none()
    });
    let notice = notice_line(&screen);
    assert!(notice.contains(&patient.identity), "the notice does not name the patient: {notice:?}");
    assert!(notice.trim_start().starts_with('✓'), "the notice has no ✓ glyph: {notice:?}");

    tui.send("q");
    let status = tui.wait_exit();
    assert!(status.success(), "q should end periop with status 0, got {status:?}");
    assert_terminal_restored(&tui, "after q");

    let conn = ward.conn();
    let id = patient.admission_id;
    let staff_id: i64 = conn
        .query_row("SELECT id FROM staff WHERE account = ?1", [&me], |r| r.get(0))
        .unwrap_or_else(|e| panic!("no staff row for the account {me:?}: {e}"));
    let (state, admitted_at): (String, Option<String>) = conn
        .query_row("SELECT state, admitted_at FROM admissions WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("the admission");
    assert_eq!(state, "admitted");
    // The fixed clock: 09:30 on the ward (Europe/Paris) is 08:30 UTC.
    assert_eq!(admitted_at.as_deref(), Some("2026-11-22T08:30:00Z"));

    // R-PATH-2: one step planned → admitted, by this account.
    assert_eq!(count(&conn, "SELECT count(*) FROM admission_steps", []), steps_before + 1);
    let step: (String, String, i64, String) = conn
        .query_row(
            "SELECT from_state, to_state, actor_id, at FROM admission_steps WHERE admission_id = ?1 ORDER BY id DESC",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("an admission step");
    assert_eq!(step, ("planned".into(), "admitted".into(), staff_id, "2026-11-22T08:30:00Z".into()));

    // R-AUDIT-1: the update is in the audit log, before and after, by this account.
    let audits: Vec<(i64, Option<String>, String)> = conn
        .prepare("SELECT actor_id, before, after FROM audit WHERE table_name = 'admissions' AND row_id = ?1 AND action = 'update'")
        .expect("prepare")
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("audit rows");
    assert_eq!(audits.len(), 1, "one audited update of admission #{id}, got {audits:?}");
    let (actor, before, after) = &audits[0];
    assert_eq!(*actor, staff_id, "the audit row's actor is not the current account");
    let state_in = |json: &str| -> String {
        let value: serde_json::Value = serde_json::from_str(json).expect("audit JSON");
        value["state"].as_str().unwrap_or_default().to_string()
    };
    assert_eq!(state_in(before.as_deref().expect("a before image")), "planned");
    assert_eq!(state_in(after), "admitted");
    let step_audits = count(
        &conn,
        "SELECT count(*) FROM audit a JOIN admission_steps s ON s.id = a.row_id
         WHERE a.table_name = 'admission_steps' AND a.action = 'insert' AND s.admission_id = ?1 AND a.actor_id = ?2",
        [id, staff_id],
    );
    assert_eq!(step_audits, 1, "the new admission step is not audited as an insert by the current account");
}

#[test]
fn second_terminal_sees_the_admission_within_a_second() {
    let ward = Ward::demo();
    let planned = planned_arrivals(&ward.conn());
    assert!(planned.len() >= 2, "the demo ward needs two planned arrivals today");

    // A admits; B has the same patient selected (so the row stays in view
    // while it moves down the list); C has the next arrival selected.
    let mut a = ward.open("A", 80, 24);
    let mut b = ward.open("B", 80, 24);
    let mut c = ward.open("C", 80, 24);
    // All three watch the file before anything is saved.
    for tui in [&a, &b, &c] {
        tui.wait_for_all(&["ARRIVING", "● live"]);
    }
    let admitted = patient_on(&select_planned_arrival(&mut a, 1), &planned);
    let row_b = select_planned_arrival(&mut b, 1);
    assert!(row_b.contains(&admitted.identity), "A and B should select the same first arrival: {row_b:?}");
    let kept = patient_on(&select_planned_arrival(&mut c, 2), &planned);
    assert_ne!(admitted, kept);
    let (_, line_b_before, _) = current(&b);
    let (_, line_c_before, _) = current(&c);

    a.send("a");
    a.wait_for("the admit dialog", |s| admit_dialog(s).is_some_and(|l| l.contains(&admitted.identity)));
    let start = Instant::now();
    a.send("y");
    b.first_sight("terminal B to show the admission", |s| shows_admitted(s, &admitted.identity));
    let latency = start.elapsed();
    eprintln!("second terminal latency: {latency:?} (from pressing y in A to B showing ✓ admitted)");
    // The requirement is under a second (a budget measured by benchmarks);
    // this bound only guards against a hang or a lost refresh.
    assert!(latency < Duration::from_secs(3), "terminal B took {latency:?} to show the admission");

    // B's selection followed the record to its new place in the list.
    let screen_b = b.wait_for("B's selected row to show the admission", |s| {
        selected(s).is_some_and(|(_, row)| row.contains(&admitted.identity) && row_body(&row).starts_with("✓ admitted"))
    });
    let (line_b_after, _) = selected(&screen_b).expect("B has a selected row");

    // C refreshed too (no planned row left for that patient) and kept its selection.
    let screen_c = c.wait_for("terminal C to drop the planned row", |s| {
        !s.lines().enumerate().any(|(i, l)| l.contains(&admitted.identity) && is_planned_arrival(s, i, l))
    });
    let (line_c_after, row_c) = selected(&screen_c).expect("C has a selected row");
    assert!(row_c.contains(&kept.identity), "C's selection moved off {:?} to {row_c:?}", kept.identity);
    assert!(row_body(&row_c).starts_with("· planned"), "C's patient is still planned: {row_c:?}");
    eprintln!(
        "selection kept on its record: B line {line_b_before} -> {line_b_after}, C line {line_c_before} -> {line_c_after}"
    );
}

#[test]
fn cancel_changes_nothing() {
    let ward = Ward::demo();
    let conn = ward.conn();
    let planned = planned_arrivals(&conn);
    let totals = |conn: &periop::store::db::Connection| {
        (
            count(conn, "SELECT count(*) FROM admission_steps", []),
            count(conn, "SELECT count(*) FROM audit", []),
            count(conn, "SELECT count(*) FROM admissions WHERE state = 'planned'", []),
            count(conn, "SELECT coalesce(sum(version), 0) FROM admissions", []),
        )
    };
    let before = totals(&conn);
    drop(conn);

    let mut tui = ward.open("nurse", 80, 24);
    tui.wait_for_all(&["NEEDS ATTENTION", "ARRIVING"]);
    let patient = patient_on(&select_planned_arrival(&mut tui, 1), &planned);

    // `n` cancels; so does Esc on its own.
    for (key, name) in [("n", "n"), (ESC, "Esc")] {
        tui.send("a");
        tui.wait_for("the admit dialog", |s| admit_dialog(s).is_some_and(|l| l.contains(&patient.identity)));
        tui.send(key);
        let screen = tui.wait_for(&format!("{name} to close the dialog with a notice"), |s| {
            admit_dialog(s).is_none() && notice_line(s).contains("nothing was changed")
        });
        let (_, row) = selected(&screen).expect("a selected row");
        assert!(row.contains(&patient.identity), "after {name}, the selection moved to {row:?}");
        assert!(row_body(&row).starts_with("· planned"), "after {name}, the row is no longer planned: {row:?}");
    }

    tui.send("q");
    assert!(tui.wait_exit().success());
    assert_eq!(totals(&ward.conn()), before, "(steps, audit rows, planned admissions, versions) changed");
}

#[test]
fn help_lists_the_keys_and_tabs_switch() {
    let ward = Ward::demo();
    let planned = planned_arrivals(&ward.conn());
    let mut tui = ward.open("nurse", 100, 30);
    tui.wait_for_all(&["NEEDS ATTENTION", "ARRIVING"]);

    tui.send("?");
    tui.wait_for_all(&["Keys", "admit the selected arrival", "quit"]);
    tui.send("?");
    tui.wait_for("the help to close", |s| !s.contains("admit the selected arrival") && s.contains("ARRIVING"));

    // The digit shown beside "Audit" in the tab bar opens it.
    let bar = tabs(&tui.screen());
    let audit = bar.iter().position(|(_, title)| title == "Audit").expect("an Audit tab");
    assert_eq!(bar[0].1, "Board", "the first tab is the Board: {bar:?}");
    tui.send(&bar[audit].0);
    let mut screen = tui.wait_for_all(&["AUDIT LOG"]);
    // Tab moves to the next tab, wrapping round to the Board.
    for _ in audit + 1..bar.len() {
        tui.send(TAB);
        let before = screen.clone();
        screen = tui.wait_for("Tab to change the screen", |s| s != before);
        assert!(!screen.contains("NEEDS ATTENTION"), "Tab reached the Board too early:\n{}", framed(&screen));
    }
    tui.send(TAB);
    tui.wait_for("Tab to wrap round to the Board", |s| !s.contains("AUDIT LOG") && s.contains("NEEDS ATTENTION"));

    // Filter by part of one surname: another patient leaves the board.
    let screen = tui.screen();
    let wanted = planned
        .iter()
        .find(|p| p.surname.chars().all(|c| c.is_ascii_alphabetic()) && screen.contains(&p.identity))
        .expect("an arriving patient with a plain surname on screen");
    let typed = wanted.surname[..wanted.surname.len().min(5)].to_lowercase();
    let other = planned
        .iter()
        .find(|p| screen.contains(&p.identity) && !p.identity.to_lowercase().contains(&typed))
        .expect("another arriving patient on screen");

    tui.send("/");
    tui.wait_for("the filter line", |s| s.contains("filter:"));
    tui.send(&typed);
    let screen = tui.wait_for(&format!("the board filtered by {typed:?}"), |s| {
        s.contains(&format!("filter: {typed}")) && s.contains(&wanted.identity) && !s.contains(&other.identity)
    });
    let heading = screen.lines().find(|l| l.starts_with(" ARRIVING (")).expect("the ARRIVING heading");
    assert!(heading.contains(" of "), "a filtered section says how many of how many: {heading:?}");

    tui.send(ESC);
    tui.wait_for("Esc to clear the filter", |s| {
        !s.contains("filter:") && s.contains(&wanted.identity) && s.contains(&other.identity)
    });

    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn help_fits_at_80x24() {
    let ward = Ward::demo();
    let mut tui = ward.open("nurse", 80, 24);
    tui.wait_for_all(&["NEEDS ATTENTION", "ARRIVING"]);
    tui.send("?");
    tui.wait_for_all(&["Keys", "admit the selected arrival", "filter the list by typing", "quit"]);
    tui.send(ESC);
    tui.wait_for("Esc to close the help", |s| !s.contains("admit the selected arrival") && s.contains("ARRIVING"));
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn too_small_terminal_says_what_it_needs() {
    let ward = Ward::demo();
    let mut tui = ward.open("small", 60, 20);
    tui.wait_for_all(&["needs 80×24", "NEEDS ATTENTION"]);
    tui.send("q");
    assert!(tui.wait_exit().success());
    assert_terminal_restored(&tui, "after q on a small terminal");
}

#[test]
fn sigint_sigterm_and_sighup_restore_the_terminal() {
    let ward = Ward::demo();
    // QUIT: found in use (#12), it left the alternate screen behind.
    for name in ["INT", "TERM", "HUP", "QUIT"] {
        let mut tui = ward.open(&format!("SIG{name}"), 80, 24);
        tui.wait_for_all(&["NEEDS ATTENTION", "ARRIVING"]);
        assert!(tui.vt().screen().alternate_screen(), "the TUI should be on the alternate screen");
        let start = Instant::now();
        signal(tui.pid(), name);
        let status = tui.wait_exit();
        eprintln!("SIG{name}: ended with {status:?} after {:?}", start.elapsed());
        assert!(status.signal().is_none(), "SIG{name} killed periop instead of ending it cleanly: {status:?}");
        assert_terminal_restored(&tui, &format!("after SIG{name}"));
    }
}

#[test]
fn bad_database_gives_one_line_and_exit_code() {
    let ward = Ward::empty();
    let missing = ward.dir().join("missing.db");
    let text = ward.dir().join("notes.txt");
    let notes = "Bed 3: fasting since 22:00\nBed 4: free\n";
    std::fs::write(&text, notes).expect("write the text file");

    for path in [&missing, &text] {
        let out = ward.run(&["--db".as_ref(), path.as_os_str()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{}: periop should fail, got {:?}", path.display(), out.status);
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{}: stderr should be one line, got {stderr:?}", path.display());
        assert!(lines[0].starts_with("periop: "), "stderr {stderr:?}");
        assert!(lines[0].contains(&*path.to_string_lossy()), "stderr does not name {}: {stderr:?}", path.display());
        assert!(!lines[0].contains('\x1b'), "stderr carries escape codes: {stderr:?}");
        assert!(out.stdout.is_empty(), "stdout: {:?}", String::from_utf8_lossy(&out.stdout));
    }

    assert!(!missing.exists(), "the missing database was created");
    assert_eq!(std::fs::read_to_string(&text).expect("read the text file"), notes, "the text file was changed");
    let mut names: Vec<String> = std::fs::read_dir(ward.dir())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into())
        .collect();
    names.sort();
    names.retain(|n| n != "periop.log");
    assert_eq!(names, ["notes.txt"], "files appeared next to the bad databases");
}

/// Found in use (#12): a save held by another program's write lock froze the
/// screen for 10 s, and the refusal it then showed vanished at once (the
/// ticks queued during the wait aged it away). The screen now waits 2 s, says
/// who holds the file, keeps saying it long enough to read, and the same keys
/// save once the lock is gone.
#[test]
fn a_save_refused_by_another_programs_lock_is_said_and_can_be_retried() {
    if file_only("another program holding SQLite's write lock on the file") {
        return;
    }
    let ward = Ward::demo();
    let mut tui = ward.open("nurse", 80, 24);
    tui.wait_for_all(&["NEEDS ATTENTION", "ARRIVING"]);
    select_planned_arrival(&mut tui, 1);

    let holder = rusqlite::Connection::open(ward.db()).expect("open the file as another program");
    holder.execute_batch("BEGIN IMMEDIATE").expect("take the write lock");
    tui.send("a");
    tui.wait_for("the admit dialog", |s| admit_dialog(s).is_some());
    tui.send("y");
    // The refusal wraps over the notice lines: read them as one text.
    let held = |s: &str| {
        s.split_whitespace().collect::<Vec<_>>().join(" ").contains("another program holds the database's write lock")
    };
    tui.wait_for("the refusal naming the lock", held);
    std::thread::sleep(Duration::from_secs(3));
    let screen = tui.screen();
    assert!(held(&screen), "the refusal went before it could be read:\n{}", framed(&screen));

    holder.execute_batch("ROLLBACK").expect("release the write lock");
    tui.send("a");
    tui.wait_for("the admit dialog again", |s| admit_dialog(s).is_some());
    tui.send("y");
    tui.wait_for("the admission saved", |s| s.contains("now admitted"));
    tui.send("q");
    assert!(tui.wait_exit().success());
}

/// Found in use (#12): `periop --demo` on another day replaced
/// ./periop-demo.db without a word, with whatever had been typed into it.
/// The older demo is now kept as ./periop-demo.previous.db, whole.
#[test]
fn the_demo_of_another_day_is_kept_beside_the_new_one() {
    let ward = Ward::empty();
    let mut tui = ward.open_demo("yesterday", 80, 24, "2026-11-21T08:00Z");
    tui.wait_for_all(&["NEEDS ATTENTION", "Saturday 21/11/2026"]);
    tui.send("q");
    assert!(tui.wait_exit().success());

    let mut tui = ward.open_demo("today", 80, 24, NOW);
    tui.wait_for_all(&["NEEDS ATTENTION", "today"]);
    tui.send("q");
    assert!(tui.wait_exit().success());

    let kept = ward.dir().join("periop-demo.previous.db");
    assert!(kept.is_file(), "the older demo was not kept");
    let report = periop::store::check::check_file(&kept, chrono::Utc::now()).expect("check the kept demo");
    assert_eq!(report.integrity, ["ok"], "{report:#?}");
    assert!(ward.dir().join("periop-demo.db").is_file());
}
