//! Setting up a ward (issue 8, item 1): rooms (R-BLOCK-1), beds, procedure
//! kinds (R-BLOCK-2) and staff from a ward file in one audited transaction
//! (R-AUDIT-1); a bad file is refused whole, naming its line; retiring keeps
//! the history and is refused while something still needs the row.

mod store_common;

use periop::cli::setup;
use periop::domain::roles::Role;
use periop::store::setup::{BedInput, Mode, RoomInput, put_bed, put_room};
use periop::store::{Store, StoreError, check};
use store_common::*;

const EXAMPLE: &str = include_str!("../docs/ward.example.toml");

#[test]
fn r_block_1_r_block_2_the_example_ward_file_loads_once_and_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let before = audits(&ward);
    let applied = setup::apply(&mut store, EXAMPLE, "ward.toml", at()).unwrap();
    assert_eq!((applied.added, applied.changed), (12, 1), "{applied:?}");
    let conn = ward.door();
    assert_eq!(count(&conn, "SELECT count(*) FROM beds WHERE unit = 'Short stay'", []), 3);
    assert_eq!(count(&conn, "SELECT count(*) FROM beds WHERE state = 'closed'", []), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM rooms WHERE kind = 'angio_fluoro' AND closes = '17:00'", []), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM staff WHERE account = 'bruno' AND role = 'scheduler'", []), 1);
    assert_eq!(
        count(
            &conn,
            "SELECT anaesthesia_expected + implants_expected FROM procedure_kinds WHERE code = 'vertebroplasty'",
            []
        ),
        2
    );
    // One transaction: every row has its audit row, all at one instant.
    let written = count(&conn, "SELECT count(*) FROM audit", []) - before;
    assert!(written >= 13, "{written}");
    assert_eq!(count(&conn, "SELECT count(DISTINCT at) FROM audit WHERE id > ?1", [before]), 1);

    let again = setup::apply(&mut store, EXAMPLE, "ward.toml", at()).unwrap();
    assert_eq!((again.added, again.changed, again.unchanged), (0, 0, 13));
    assert_eq!(count(&conn, "SELECT count(*) FROM audit", []) - before, written, "running it again writes nothing");
    assert!(check::full(&ward.door()).unwrap().is_healthy());
}

#[test]
fn a_bad_ward_file_is_refused_whole_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let before = audits(&ward);
    // The last room opens after it closes: the staff, rooms and beds before it are not written either.
    let bad = EXAMPLE.replace("closes = \"17:00\"", "closes = \"07:00\"");
    let err = setup::apply(&mut store, &bad, "ward.toml", at()).unwrap_err();
    // Found in use (#8): the line of the field at fault, not the entry's header.
    let line = bad.lines().position(|l| l.contains("closes = \"07:00\"")).unwrap() + 1;
    assert!(err.to_string().starts_with(&format!("ward.toml line {line}: room \"Room 2 Angio\"")), "{err}");
    assert!(err.to_string().contains("must open before it closes"), "{err}");
    let err = setup::apply(&mut store, "[[bed]]\nlabel = \"B1\"\ncolour = \"blue\"\n", "w.toml", at()).unwrap_err();
    assert!(err.to_string().starts_with("w.toml line"), "{err}");
    assert!(err.to_string().contains("colour"), "{err}");
    let err = setup::apply(&mut store, "[[procedure]]\ncode = \"x\"\nlabel = \"X\"\nminutes = 0\n", "w.toml", at());
    assert!(err.unwrap_err().to_string().contains("outside 5 to 720 minutes"));
    assert_eq!(audits(&ward), before, "nothing was written");
}

#[test]
fn r_role_1_only_an_admin_sets_up_the_ward_and_retiring_keeps_what_history_needs() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    setup::apply(&mut store, EXAMPLE, "ward.toml", at()).unwrap();

    // A nurse may close a bed but not add one, nor load a ward file.
    give_role(&ward, &nurse(), Role::Nurse);
    let mut nurse_store = Store::connect(&ward.location, &nurse()).unwrap();
    let add = BedInput { label: "B99".into(), ..Default::default() };
    let err = nurse_store.write(at(), |tx| put_bed(tx, &add, Mode::Add)).unwrap_err();
    assert!(matches!(err, StoreError::NotAllowed { .. }), "{err:?}");
    let err = setup::apply(&mut nurse_store, EXAMPLE, "ward.toml", at()).unwrap_err();
    assert!(err.to_string().contains("needs the role admin"), "{err}");
    let close = BedInput { label: "B02".into(), closed: Some(true), ..Default::default() };
    nurse_store.write(at(), |tx| put_bed(tx, &close, Mode::Set)).unwrap();

    // Retired, not deleted: the row stays, and is no longer offered.
    let retire = BedInput { label: "B01".into(), active: Some(false), ..Default::default() };
    store.write(at(), |tx| put_bed(tx, &retire, Mode::Set)).unwrap();
    assert!(!store.lists().unwrap().beds.iter().any(|(_, l)| l == "B01"));
    assert_eq!(count(&ward.door(), "SELECT count(*) FROM beds WHERE label = 'B01' AND active = 0", []), 1);
    let retire_room = RoomInput { name: "Room 2 Angio".into(), active: Some(false), ..Default::default() };
    store.write(at(), |tx| put_room(tx, &retire_room, Mode::Set)).unwrap();
    assert!(!store.lists().unwrap().rooms.iter().any(|(_, n)| n == "Room 2 Angio"));
    // Set refuses what is not there; add refuses what is.
    let missing = RoomInput { name: "Room 9".into(), active: Some(false), ..Default::default() };
    assert!(
        store.write(at(), |tx| put_room(tx, &missing, Mode::Set)).unwrap_err().to_string().contains("no such entry")
    );
    let twice = BedInput { label: "B03".into(), ..Default::default() };
    assert!(store.write(at(), |tx| put_bed(tx, &twice, Mode::Add)).unwrap_err().to_string().contains("already exists"));
}

/// Found in use (#8): a ward file making a misspelt account ("alcie") the
/// only admin and demoting the real one was accepted: the ward was left
/// with no admin who can log in. The account is refused, naming its line.
#[test]
fn r_role_1_a_ward_file_cannot_give_a_changing_role_to_an_account_the_machine_does_not_have() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let before = audits(&ward);
    let file = "[[staff]]\naccount = \"alcie\"\nname = \"Alice Martin\"\nrole = \"admin\"\n\n\
                [[staff]]\naccount = \"admin1\"\nname = \"Ada Admin\"\nrole = \"nurse\"\n";
    let err = setup::apply(&mut store, file, "ward.toml", at()).unwrap_err().to_string();
    // The account's own line (found in use, #8: it named the [[staff]] header).
    assert!(err.starts_with("ward.toml line 2: account \"alcie\": this machine has no such account"), "{err}");
    assert!(err.contains("fix the spelling, or create the account first"), "{err}");
    assert_eq!(audits(&ward), before, "nothing was written");
    // A role that changes nothing may wait for its account.
    let later = "[[staff]]\naccount = \"newcomer\"\nname = \"New Comer\"\nrole = \"read_only\"\n";
    setup::apply(&mut store, later, "ward.toml", at()).unwrap();
    let err = store
        .write(at(), |tx| {
            let row = periop::store::staff::find(tx.conn(), "newcomer")?.unwrap();
            let change = periop::store::staff::StaffChange { role: Some(Role::Nurse), ..Default::default() };
            periop::store::staff::set(tx, row.staff_id, row.version, &change)
        })
        .unwrap_err();
    assert!(err.to_string().contains("no such account"), "{err}");
}

/// Found in use (#8): "the last admin cannot go" counted an admin on an
/// account no machine has; only admins who can log in count.
#[test]
fn r_role_1_the_last_admin_who_can_log_in_cannot_go() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    // An admin row left on a ghost account (written before this check).
    store.write(at(), |tx| periop::store::reference::add_staff(tx, Some("ghost"), "Ghost Admin", "admin")).unwrap();
    let err = store
        .write(at(), |tx| {
            let me = periop::store::staff::find(tx.conn(), "admin1")?.unwrap();
            let change = periop::store::staff::StaffChange { role: Some(Role::Nurse), ..Default::default() };
            periop::store::staff::set(tx, me.staff_id, me.version, &change)
        })
        .unwrap_err()
        .to_string();
    assert!(err.contains("no active admin who can log in (admin on no account of this machine: ghost)"), "{err}");
}

/// Found in use (#8): loose input checks. Staff display names of 300
/// characters or holding a Tab were accepted (bed labels stop at 60); two
/// staff named "Dr Same" were allowed, and a ward file could then name
/// neither; beds "B 1" and "b 1" could both exist; an entry named twice in
/// one ward.toml was silently merged; ESC in any stored text was kept.
#[test]
fn names_and_labels_are_checked_alike_and_never_twice() {
    use periop::store::staff;
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let before = audits(&ward);
    for name in ["x".repeat(300), "Dr\tSame".to_string()] {
        let err = store.write(at(), |tx| staff::add(tx, None, &name, Role::Doctor)).unwrap_err().to_string();
        assert!(err.contains("at most 60 characters, on one line, no control characters"), "{err}");
    }
    store.write(at(), |tx| staff::add(tx, None, "Dr Same", Role::Doctor)).unwrap();
    let err = store.write(at(), |tx| staff::add(tx, None, "dr  SÂME", Role::Doctor)).unwrap_err().to_string();
    assert!(err.contains("\"dr SÂME\" is already the name of staff #"), "{err}");
    assert!(err.contains("give a name that tells them apart"), "{err}");

    let add = |label: &str| BedInput { label: label.into(), ..Default::default() };
    store.write(at(), |tx| put_bed(tx, &add("B 1"), Mode::Add)).unwrap();
    let err = store.write(at(), |tx| put_bed(tx, &add("b 1"), Mode::Add)).unwrap_err().to_string();
    assert!(err.contains("bed \"B 1\" already exists (names are matched without case or accents)"), "{err}");
    store.write(at(), |tx| put_bed(tx, &add("B 2"), Mode::Add)).unwrap();
    let rename = BedInput { label: "B 2".into(), rename: Some("b 1".into()), ..Default::default() };
    assert!(store.write(at(), |tx| put_bed(tx, &rename, Mode::Set)).is_err());
    let unit = BedInput { label: "B 2".into(), unit: Some("North\u{1b}[2J".into()), ..Default::default() };
    assert!(store.write(at(), |tx| put_bed(tx, &unit, Mode::Set)).unwrap_err().to_string().contains("control"));

    let twice = "[[bed]]\nlabel = \"C1\"\n\n[[bed]]\nlabel = \"c1\"\nunit = \"South\"\n";
    let err = setup::apply(&mut store, twice, "ward.toml", at()).unwrap_err().to_string();
    assert!(err.starts_with("ward.toml line 4: bed \"c1\": already named at line 1"), "{err}");
    assert!(err.contains("keep one of the two"), "{err}");
    assert_eq!(count(&ward.door(), "SELECT count(*) FROM beds WHERE label IN ('C1', 'c1')", []), 0);
    let written = audits(&ward) - before;
    assert_eq!(written, 3, "Dr Same, B 1 and B 2 only");
}

/// Beside the fix for entries named twice (found in use, #8, in
/// `names_and_labels_are_checked_alike_and_never_twice`): a key repeated
/// within one table, or a table given twice, is refused by the TOML reader
/// itself, with its line; this pins that it stays so.
#[test]
fn a_key_repeated_in_a_ward_file_is_refused_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let before = audits(&ward);
    for (file, line) in [
        ("[[bed]]\nlabel = \"B1\"\nunit = \"North\"\nunit = \"South\"\n", 4),
        ("[settings]\n\"block.turnover_min\" = 20\n\"block.turnover_min\" = 30\n", 3),
        ("[settings]\n\"block.turnover_min\" = 20\n\n[settings]\n\"fast.clear_h\" = 2\n", 4),
    ] {
        let err = setup::apply(&mut store, file, "ward.toml", at()).unwrap_err().to_string();
        assert!(err.starts_with(&format!("ward.toml line {line}:")), "{file}: {err}");
        assert!(err.contains("duplicate") || err.contains("already"), "{err}");
    }
    assert_eq!(audits(&ward), before);
}

/// The ids `sql` names (one column, one row).
fn id_of(ward: &Ward, sql: &str) -> i64 {
    ward.door().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A stay on the 25th at 10:00 (after `at()`), as a new-admission form sends it.
fn stay_on_25th(
    patient_id: i64,
    kind: i64,
    room: i64,
    operator: i64,
    bed: Option<i64>,
) -> periop::store::admissions::NewStay {
    periop::store::admissions::NewStay {
        patient_id,
        procedure_kind_id: kind,
        procedure_day: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        start_time: chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        duration_min: None,
        side_level: None,
        anaesthesia_mode: periop::domain::case::AnaesthesiaMode::LocalOnly,
        bleeding_risk: None,
        operator_id: Some(operator),
        anaesthetist_id: None,
        room_id: Some(room),
        bed_id: bed,
        emergency: false,
        iodinated_contrast: false,
        retrospective: false,
        override_reason: None,
    }
}

/// Found in use (#8): a stay was given a retired bed, and a case booked as a
/// retired procedure kind, from a form opened before the retire (a retired
/// room was refused: the check existed for rooms only). Every path that
/// assigns a bed, a kind, a room or an operator now refuses a retired one,
/// naming it and what to do; `periop check` lists what is stored so.
#[test]
fn r_path_4_r_block_2_a_retired_bed_kind_or_operator_is_assigned_on_no_path() {
    use periop::domain::settings::Settings;
    use periop::store::{admissions, beds, cases, staff};
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    setup::apply(&mut store, EXAMPLE, "ward.toml", at()).unwrap();
    let patient = add_patient(&mut store, 1);
    let b01 = id_of(&ward, "SELECT id FROM beds WHERE label = 'B01'");
    let b02 = id_of(&ward, "SELECT id FROM beds WHERE label = 'B02'");
    let room = id_of(&ward, "SELECT id FROM rooms WHERE name = 'Room 1 CT'");
    let biopsy = id_of(&ward, "SELECT id FROM procedure_kinds WHERE code = 'bone_biopsy'");
    let vertebro = id_of(&ward, "SELECT id FROM procedure_kinds WHERE code = 'vertebroplasty'");
    let doctor = id_of(&ward, "SELECT id FROM staff WHERE display_name = 'Dr Lemaire'");
    let settings = Settings::default();

    // Forms opened now; an admin retires the bed and the kind meanwhile.
    let retire_bed = BedInput { label: "B01".into(), active: Some(false), ..Default::default() };
    store.write(at(), |tx| put_bed(tx, &retire_bed, Mode::Set)).unwrap();
    let retire_kind =
        periop::store::setup::ProcedureInput { code: "bone_biopsy".into(), active: Some(false), ..Default::default() };
    store.write(at(), |tx| periop::store::setup::put_procedure(tx, &retire_kind, Mode::Set)).unwrap();

    let new = stay_on_25th(patient, vertebro, room, doctor, Some(b01));
    let err = store.write(at(), |tx| admissions::create_stay(tx, &new, &settings)).unwrap_err().to_string();
    assert!(err.starts_with("bed B01: retired"), "{err}");
    assert!(err.contains("choose another bed"), "{err}");
    let new = stay_on_25th(patient, biopsy, room, doctor, Some(b02));
    let err = store.write(at(), |tx| admissions::create_stay(tx, &new, &settings)).unwrap_err().to_string();
    assert!(err.starts_with("procedure kind \"Bone biopsy\": retired"), "{err}");
    assert!(err.contains("pick another kind") && err.contains("procedures set bone_biopsy --active true"), "{err}");

    // Booked on what is in use; then given the retired bed, or a retired operator.
    let new = stay_on_25th(patient, vertebro, room, doctor, Some(b02));
    let (admission, case) = store.write(at(), |tx| admissions::create_stay(tx, &new, &settings)).unwrap();
    let version = id_of(&ward, &format!("SELECT version FROM admissions WHERE id = {admission}"));
    let err = store.write(at(), |tx| beds::assign(tx, admission, version, b01)).unwrap_err().to_string();
    assert!(err.starts_with("bed B01: retired"), "{err}");
    let gone = store.write(at(), |tx| staff::add(tx, None, "Dr Gone", Role::Doctor)).unwrap();
    let retire = staff::StaffChange { active: Some(false), ..Default::default() };
    store.write(at(), |tx| staff::set(tx, gone, 1, &retire)).unwrap();
    let placement = cases::Placement {
        room_id: Some(room),
        operator_id: Some(gone),
        anaesthetist_id: None,
        nurse_id: None,
        minutes: None,
    };
    let case_version = id_of(&ward, &format!("SELECT version FROM cases WHERE id = {case}"));
    let moved = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 25, 10, 0, 0).unwrap();
    let answer = periop::store::block::Answer { override_reason: None };
    let err = store
        .write(at(), |tx| cases::reschedule(tx, case, case_version, moved, Some(&placement), false, &answer, &settings))
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("operator Dr Gone: retired from the staff list"), "{err}");
    assert!(err.contains(&format!("staff set #{gone} --active true")), "{err}");

    // Stored before these checks (written behind the write path here):
    // `periop check` names each future assignment to a retired entry.
    let raw = door_rw(&ward);
    raw.execute_batch(
        "UPDATE beds SET active = 0 WHERE label = 'B02'; UPDATE rooms SET active = 0 WHERE name = 'Room 1 CT'",
    )
    .unwrap();
    let found = check::findings(&ward.door(), at(), chrono_tz::Europe::Paris).unwrap();
    assert!(
        found.iter().any(|f| f
            == &format!("case #{case}: still to come in the retired room \"Room 1 CT\"; move it to a room in use")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.starts_with(&format!("admission #{admission}: holds the retired bed \"B02\""))),
        "{found:?}"
    );
}

/// Found in use (#8): `[[bed]] label = "box 12b"` with Box 12B stored was
/// refused as a clash; the README says entries are found by their key
/// without case or accents: it is Box 12B, changed (rooms and staff alike).
#[test]
fn r_block_1_a_ward_file_finds_its_entries_by_key_without_case_or_accents() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let first = "[[bed]]\nlabel = \"Box 12B\"\n\n[[room]]\nname = \"Salle Écho\"\nkind = \"ct\"\nopens = \"08:00\"\ncloses = \"18:00\"\n\n\
                 [[staff]]\naccount = \"alice\"\nname = \"Alice Martin\"\nrole = \"nurse\"\n";
    setup::apply(&mut store, first, "ward.toml", at()).unwrap();
    let again = "[[bed]]\nlabel = \"box 12b\"\nunit = \"North\"\n\n[[room]]\nname = \"salle echo\"\nkind = \"ct\"\nopens = \"07:30\"\ncloses = \"18:00\"\n\n\
                 [[staff]]\naccount = \"ALICE\"\nname = \"Alice Martin\"\nrole = \"scheduler\"\n";
    let applied = setup::apply(&mut store, again, "ward.toml", at()).unwrap();
    assert_eq!((applied.added, applied.changed), (0, 3), "{applied:?}");
    let conn = ward.door();
    assert_eq!(count(&conn, "SELECT count(*) FROM beds WHERE label = 'Box 12B' AND unit = 'North'", []), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM beds", []), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM rooms WHERE name = 'Salle Écho' AND opens = '07:30'", []), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM staff WHERE account = 'alice' AND role = 'scheduler'", []), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM staff WHERE lower(account) = 'alice'", []), 1);
}

/// Found in use (#8): a refused entry named the line of its `[[room]]`
/// header, not the line of the field at fault.
#[test]
fn a_refused_ward_file_entry_names_the_line_of_the_field_at_fault() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    for (file, line) in [
        ("[[room]]\nname = \"R1\"\nkind = \"mri\"\nopens = \"08:00\"\ncloses = \"18:00\"\n", 3),
        ("[[room]]\nname = \"R1\"\nkind = \"ct\"\nopens = \"08:00\"\ncloses = \"07:00\"\n", 5),
        ("[[room]]\nname = \"R1\"\nkind = \"ct\"\nopens = \"8.00\"\ncloses = \"18:00\"\n", 4),
        ("[[bed]]\nlabel = \"B1\"\nunit = \"North\u{1b}\"\n", 3),
        ("[[procedure]]\ncode = \"x\"\nlabel = \"X\"\n\nminutes = 0\n", 5),
        ("[[procedure]]\ncode = \"Bad Code\"\nlabel = \"X\"\nminutes = 30\n", 2),
        ("[[staff]]\nname = \"Dr X\"\nrole = \"chef\"\n", 3),
    ] {
        let err = setup::apply(&mut store, file, "ward.toml", at()).unwrap_err().to_string();
        assert!(err.starts_with(&format!("ward.toml line {line}:")), "{file:?}: {err}");
    }
}

/// Found in use (#8): `beds list --format csv` showed a reserved bed as
/// plainly `free`, with no reserved column; an emoji in a staff name or a
/// long bed label pushed the columns of `staff list` and `beds list` out of
/// line. The CSV now says what the text and JSON say; columns are measured
/// in terminal cells.
#[test]
fn bed_and_staff_lists_say_the_same_facts_in_every_format_and_stay_in_line() {
    use periop::cli::{setup as ward, staff as staff_cli};
    use periop::store::staff;
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    setup::apply(&mut store, EXAMPLE, "ward.toml", at()).unwrap();
    store.write(at(), |tx| staff::add(tx, None, "Dr 🩺 Émile", Role::Doctor)).unwrap();
    let long = BedInput { label: "Box 12A (window side)".into(), ..Default::default() };
    store.write(at(), |tx| put_bed(tx, &long, Mode::Add)).unwrap();
    let patient = add_patient(&mut store, 1);
    let b01 = id_of(&ward, "SELECT id FROM beds WHERE label = 'B01'");
    let room = id_of(&ward, "SELECT id FROM rooms WHERE name = 'Room 1 CT'");
    let kind = id_of(&ward, "SELECT id FROM procedure_kinds WHERE code = 'vertebroplasty'");
    let doctor = id_of(&ward, "SELECT id FROM staff WHERE display_name = 'Dr Lemaire'");
    let new = stay_on_25th(patient, kind, room, doctor, Some(b01));
    let settings = periop::domain::settings::Settings::default();
    store.write(at(), |tx| periop::store::admissions::create_stay(tx, &new, &settings)).unwrap();

    let beds = store.bed_setup().unwrap();
    let csv = ward::csv(&beds, ward::BED_COLUMNS);
    assert!(csv.starts_with("bed_id,label,unit,state,reserved_from,active\n"), "{csv}");
    assert!(csv.lines().any(|l| l.contains(",B01,") && l.contains(",2026-11-24,")), "{csv}");
    let text = ward::beds_text(&beds);
    assert!(text.contains("reserved from 24/11"), "{text}");

    // Every row's last column (active) starts at the same cell.
    let aligned = |text: &str| {
        let at: Vec<usize> =
            text.lines().map(|l| l.width() - l.split_whitespace().last().map_or(0, |w| w.width())).collect();
        assert!(at.len() > 2 && at.windows(2).all(|w| w[0] == w[1]), "{text}");
    };
    aligned(&staff_cli::list_text(&store.staff().unwrap()));
    aligned(&text);
}

/// R-BLOCK-1: hours typed the French way (`7h`, `18h30`, `8:30`) are stored
/// as `HH:MM`, the one form the schedule reads back (found in use: `7h` was
/// stored as typed and the Block tab showed the room open from 00:00).
#[test]
fn r_block_1_room_hours_are_stored_as_hh_mm_however_typed() {
    let dir = tempfile::tempdir().unwrap();
    let ward = new_ward(dir.path());
    let mut store = open_playing(&ward, &admin());
    let room = |opens: &str, closes: &str| RoomInput {
        name: "Salle 9".into(),
        kind: Some("ct".into()),
        opens: Some(opens.into()),
        closes: Some(closes.into()),
        ..Default::default()
    };
    store.write(at(), |tx| put_room(tx, &room("7h", "18h30"), Mode::Add)).unwrap();
    let hours = |ward: &Ward| -> (String, String) {
        ward.door()
            .query_row("SELECT opens, closes FROM rooms WHERE name = 'Salle 9'", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
    };
    assert_eq!(hours(&ward), ("07:00".to_string(), "18:30".to_string()));
    store.write(at(), |tx| put_room(tx, &room("8:30", "19h"), Mode::Set)).unwrap();
    assert_eq!(hours(&ward), ("08:30".to_string(), "19:00".to_string()));
}

/// Audit rows in all, read behind the store's back ([`door`]).
fn audits(ward: &Ward) -> i64 {
    count(&ward.door(), "SELECT count(*) FROM audit", [])
}
