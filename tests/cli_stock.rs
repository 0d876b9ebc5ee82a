//! `periop stock [add|receive]`, `periop recall` and `periop implants` on a
//! real file (R-STOCK-1, R-STOCK-4, R-TRACE-1, R-TRACE-2, R-TRACE-3), and
//! `periop check` finding every row audited afterwards.

use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-11-22T09:30";

fn periop(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_periop"))
        .args(["--db", dir.join("w.db").to_str().unwrap(), "--now", NOW])
        .args(args)
        .env("PERIOP_LOG", dir.join("log"))
        .env_remove("PERIOP_DB")
        .env_remove("PERIOP_NOW")
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{text}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn refused(out: Output) -> String {
    assert!(!out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn r_trace_3_a_lot_received_by_scan_is_listed_recalled_and_on_the_patients_card() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop(dir.path(), &["demo"]));
    // A reference with a GTIN, then a label scanned in raw form with GS.
    ok(periop(
        dir.path(),
        &["stock", "add", "--ref", "PED-5", "--manufacturer", "Acme", "--name", "pedicle screw 5.0", "--kind", "screw"],
    ));
    let err = refused(periop(
        dir.path(),
        &["stock", "add", "--ref", "PED-6", "--manufacturer", "Acme", "--name", "x", "--kind", "bolt"],
    ));
    assert!(err.contains("--kind \"bolt\" is not a device kind; use one of: screw, cement_kit"), "{err}");
    // GS1-128 prefix, GTIN, expiry day 00 (the month's last day), lot, GS, count.
    let scan = "]C101034531200000731727120010Z1\u{1d}302";
    let got = ok(periop(dir.path(), &["stock", "receive", "--scan", scan]));
    assert!(got.contains("received 2 × cannulated screw 7.0 lot Z1, use by 31/12/2027"), "{got}");
    let err = refused(periop(dir.path(), &["stock", "receive", "--scan", "(01)03453120000074(10)Z2"]));
    assert!(err.contains("the check digit is 4 but the digits before it give 3"), "{err}");

    // The CSV: one line per lot, stable columns.
    let csv = ok(periop(dir.path(), &["stock", "--format", "csv"]));
    assert!(
        csv.starts_with(
            "code,name,kind,implantable,lot,serial,expiry,quantity,reserved,location,status,expiring,low\n"
        )
    );
    assert!(csv.contains("SCR-70,cannulated screw 7.0,screw,yes,Z1,,2027-12-31,2,0,,available,no,no"), "{csv}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(periop(dir.path(), &["stock", "--format", "json"]))).unwrap();
    assert!(json["references"].as_array().unwrap().iter().any(|r| r["code"] == "PED-5"), "{json}");

    // The demo's screw lot implanted in the last case done: the recall
    // lists that patient and quarantines the rest.
    let recall = ok(periop(dir.path(), &["recall", "--ref", "SCR-70", "--lot", "A2608", "--format", "csv"]));
    let mut lines = recall.lines();
    assert_eq!(
        lines.next(),
        Some("surname,first_name,birth_date,hospital_number,case,at,reference,device,lot,serial,units,operator")
    );
    let row = lines.next().expect("one patient received lot A2608");
    assert!(row.contains(",SCR-70,cannulated screw 7.0,A2608,,1,Dr "), "{row}");
    let hospital_number = row.split(',').nth(3).unwrap().to_string();
    let card = ok(periop(dir.path(), &["implants", "--patient", &hospital_number]));
    assert!(card.starts_with("Implant card: "), "{card}");
    assert!(card.contains("lot A2608") && card.contains("bone cement kit 10 ml"), "{card}");
    let stock = ok(periop(dir.path(), &["stock"]));
    assert!(stock.contains("lot A2608") && stock.contains("⊘ quarantined"), "{stock}");

    let check = ok(periop(dir.path(), &["check"]));
    assert!(check.contains("verdict:      healthy"), "{check}");
}
