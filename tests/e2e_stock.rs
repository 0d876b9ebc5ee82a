//! End to end, issue 10: a nurse receives a lot by typing its GS1 string on
//! the Stock tab (R-TRACE-3), reserves a unit for a case (FEFO, R-STOCK-3),
//! implants it (R-TRACE-1), and `periop recall` finds the patient
//! (R-TRACE-2): the real binary in a pseudo-terminal, then on the command line.

mod e2e_support;

use e2e_support::*;

/// Right arrow: the next choice of a list field.
const RIGHT: &str = "\x1b[C";

#[test]
fn r_trace_2_a_lot_received_by_scan_reserved_and_implanted_is_found_by_the_recall_command() {
    let ward = Ward::demo();
    let mut a = ward.open("A", 100, 30);
    a.wait_for_all(&["NEEDS ATTENTION", "● live"]);
    a.send("8");
    a.wait_for_all(&["DEVICES AND IMPLANTS", "cannulated screw 7.0"]);

    // r, then the label as a scanner types it: DataMatrix prefix, raw
    // form, GS (ASCII 29) after the variable-length lot.
    a.send("r");
    a.wait_for_all(&["Receive: scan the label"]);
    a.send("]d201034531200000731728033110E2E1\x1d305\r");
    let parsed = a.wait_for_all(&["Receive: check and save", "(10)E2E1"]);
    assert!(parsed.contains("SCR-70 cannulated screw 7.0"), "the GTIN found the reference:\n{parsed}");
    assert!(parsed.contains("31/03/2028"), "the expiry:\n{parsed}");
    a.send("e2e shelf\r");
    a.wait_for("the receipt to be saved", |s| s.contains("received 5 unit(s) lot E2E1"));

    // The new lot, reserved for the first case of the week (FEFO picks it:
    // the older lot's units are all held).
    a.send("/E2E1\r");
    a.wait_for("the filter to keep the new lot", |s| s.contains("filter: E2E1") && !s.contains("lot A2611"));
    a.send("v");
    a.wait_for_all(&["Reserve for a case (FEFO)"]);
    a.send(RIGHT);
    a.send("\r\r");
    let reserved = a.wait_for("the reservation", |s| s.contains("1 reserved from lot E2E1"));
    assert!(reserved.contains("FEFO"), "{reserved}");

    // Implanted in the same case: the held unit goes.
    a.send("u");
    a.wait_for_all(&["Implant in a case (traced)"]);
    a.send(RIGHT);
    a.send("\r\r");
    a.wait_for("the implant", |s| s.contains("1 implanted; 4 left; traced to the patient"));

    // In the file: one implant record, the hold used up, the scan kept.
    let conn = ward.conn();
    let (surname, hospital_number, held, scanned): (String, String, i64, String) = conn
        .query_row(
            "SELECT p.surname, p.hospital_number, d.units, l.scanned FROM implants i
             JOIN device_lots l ON l.id = i.lot_id JOIN patients p ON p.id = i.patient_id
             JOIN case_devices d ON d.case_id = i.case_id AND d.lot_id = i.lot_id WHERE l.lot = 'E2E1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(held, 0, "the reserved unit was the one implanted");
    assert!(scanned.contains('\u{1d}'), "the whole scanned string, GS included: {scanned:?}");
    a.send("q");
    a.wait_exit();

    // The recall: the lot goes to quarantine, the patient is listed.
    let db = ward.db_arg();
    let out = ward.run(&[
        "--db".as_ref(),
        db.as_os_str(),
        "recall".as_ref(),
        "--ref".as_ref(),
        "SCR-70".as_ref(),
        "--lot".as_ref(),
        "E2E1".as_ref(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("quarantined: lot E2E1, 4 unit(s)"), "{text}");
    assert!(text.to_uppercase().contains(&surname.to_uppercase()), "{surname} in:\n{text}");
    assert!(text.contains(&hospital_number), "{text}");
    // And the patient's implant card lists it.
    let card = ward.run(&[
        "--db".as_ref(),
        db.as_os_str(),
        "implants".as_ref(),
        "--patient".as_ref(),
        hospital_number.as_ref(),
    ]);
    assert!(String::from_utf8_lossy(&card.stdout).contains("lot E2E1"));
}
