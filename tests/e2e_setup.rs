//! Issue 8: a new ward from nothing. `periop init`, then `periop setup --from
//! ward.toml` (rooms, beds, procedure kinds, staff: the account that ran
//! init hands the admin role to the ward's chief and becomes a nurse), then
//! that nurse, in the TUI, plans a stay in one of the file's beds and admits
//! the patient. R-ROLE-1, R-BLOCK-1, R-BLOCK-2, R-AUDIT-1.

mod e2e_support;

use e2e_support::{TAB, Ward, another_account, count, current_account, select_planned_arrival};
use std::ffi::OsStr;

const CTRL_S: &str = "\x13";
const RIGHT: &str = "\x1b[C";
const BACKSPACE: &str = "\x7f";

fn run(ward: &Ward, args: &[&str]) -> String {
    let db = ward.db_arg();
    let mut all: Vec<&OsStr> = vec![OsStr::new("--db"), db.as_os_str()];
    all.extend(args.iter().map(OsStr::new));
    let out = ward.run(&all);
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "periop {args:?} failed: {text}");
    text
}

#[test]
fn a_new_ward_set_up_from_a_file_then_a_nurse_admits_a_patient_into_one_of_its_beds() {
    let ward = Ward::uninitialised();
    let me = current_account();
    let chief = another_account();
    run(&ward, &["init"]);
    let file = format!(
        r#"
[[room]]
name = "Salle A"
kind = "ct"
opens = "07:30"
closes = "19:00"

[[bed]]
label = "N1"
unit = "Unit North"

[[bed]]
label = "N2"
unit = "Unit North"

[[procedure]]
code = "kyphoplasty"
label = "Kyphoplasty"
minutes = 75
anaesthesia = true
implants = true

[[staff]]
account = "{chief}"
name = "Claire Chef"
role = "admin"

[[staff]]
account = "{me}"
name = "Nina Nurse"
role = "nurse"
"#
    );
    let path = ward.dir().join("ward.toml");
    std::fs::write(&path, file).unwrap();
    let said = run(&ward, &["setup", "--from", path.to_str().unwrap()]);
    assert!(said.contains("2 beds, 1 procedure kinds, 1 rooms, 2 staff"), "{said}");
    assert!(run(&ward, &["staff"]).contains("Nina Nurse"));
    assert!(run(&ward, &["beds", "list", "--format", "csv"]).contains(",N1,Unit North,free,,1"));

    // The nurse plans a stay for tomorrow's procedure (arriving today, J-1) in bed N1.
    let mut nurse = ward.open("nurse", 160, 48);
    nurse.wait_for_all(&["ARRIVING", "(nurse)"]);
    nurse.send("n");
    nurse.wait_for_all(&["New admission", "Hospital number"]);
    let day = [BACKSPACE; 10].concat();
    let form = [
        "H4242",
        TAB,
        "Marchand",
        TAB,
        "Louis",
        TAB,
        "12/05/1958",
        TAB,
        "m",
        TAB,
        "k",
        TAB,
        &day,
        "23/11/2026",
        TAB,
        TAB,
        TAB,
        "g",
        TAB,
        // A nurse's form has no operator or room: the scheduler books them.
        TAB,
        RIGHT,
    ]
    .concat();
    nurse.send(&form);
    nurse.wait_for_all(&["‹ Kyphoplasty ›", "‹ N1 ›"]);
    nurse.send(CTRL_S);
    nurse.wait_for_all(&["admission planned: arrives 22/11"]);

    // On the board: the arrival, then `a` admits after a confirmation.
    nurse.send("1");
    nurse.wait_for_all(&["MARCHAND Louis (12/05/1958)"]);
    let row = select_planned_arrival(&mut nurse, 1);
    assert!(row.contains("MARCHAND Louis") && row.contains("N1"), "{row}");
    nurse.send("a");
    nurse.wait_for_all(&["Admit"]);
    nurse.send("y");
    nurse.wait_for("the admission", |s| s.lines().any(|l| l.contains("MARCHAND Louis") && l.contains("admitted")));

    let conn = ward.conn();
    let (state, bed, bed_state): (String, String, String) = conn
        .query_row(
            "SELECT a.state, b.label, b.state FROM admissions a JOIN beds b ON b.id = a.bed_id
             JOIN patients p ON p.id = a.patient_id WHERE p.hospital_number = 'H4242'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((state.as_str(), bed.as_str(), bed_state.as_str()), ("admitted", "N1", "occupied"));
    // R-AUDIT-1, R-ROLE-1: the admission was the nurse's, audited under her row.
    let by_nurse = count(
        &conn,
        "SELECT count(*) FROM audit a JOIN staff s ON s.id = a.actor_id
         WHERE a.table_name = 'admission_steps' AND s.account = ?1 AND s.role = 'nurse'",
        [&me],
    );
    assert_eq!(by_nurse, 1);
    drop(nurse);
    let check = run(&ward, &["check"]);
    assert!(check.contains("healthy"), "{check}");
}
