//! `periop setup --from ward.toml` refused in French (issue 14): a refusal
//! names the line of the field at fault, as it does in English (found in
//! use, #8). The field was found by matching English words of the refusal
//! ("before it closes" → `closes`), so in French the entry's header was
//! blamed; the refusal now says which field it is about.

mod cli_support;

use cli_support::{ok, periop_at, refused};
use std::path::Path;

const NOW: &str = "2026-11-22T09:30";

fn one(conn: &rusqlite::Connection, sql: &str) -> String {
    conn.query_row(sql, [], |r| r.get(0)).unwrap_or_else(|e| panic!("{e}: {sql}"))
}

/// Each fault the English words used to find, in a ward file whose blamed
/// field is written on its own line below the entry's header: the file, and
/// the field's key.
fn faults(dir: &Path) -> Vec<(String, &'static str)> {
    let conn = rusqlite::Connection::open(dir.join("w.db")).unwrap();
    // From tomorrow: after the clock of every run (NOW), whatever the zone.
    let upcoming = "c.state IN ('planned', 'confirmed') AND c.scheduled_start >= '2026-11-23'";
    let held_bed = one(
        &conn,
        "SELECT b.label FROM beds b JOIN admissions a ON a.bed_id = b.id
         WHERE a.state IN ('planned', 'admitted') ORDER BY b.label LIMIT 1",
    );
    let occupied_bed = one(&conn, "SELECT label FROM beds WHERE state = 'occupied' ORDER BY label LIMIT 1");
    let booked_room = one(
        &conn,
        &format!(
            "SELECT r.name FROM rooms r JOIN cases c ON c.room_id = r.id WHERE {upcoming} ORDER BY r.name LIMIT 1"
        ),
    );
    let booked_kind = one(
        &conn,
        &format!(
            "SELECT k.code FROM procedure_kinds k JOIN cases c ON c.procedure_kind_id = k.id
             WHERE {upcoming} ORDER BY k.code LIMIT 1"
        ),
    );
    let booked_operator = one(
        &conn,
        &format!(
            "SELECT s.display_name FROM staff s JOIN cases c ON c.operator_id = s.id
             WHERE {upcoming} AND s.account IS NULL ORDER BY s.display_name LIMIT 1"
        ),
    );
    let admin = one(&conn, "SELECT account FROM staff WHERE role = 'admin' AND account IS NOT NULL");
    let room = |name: &str, opens: &str, closes: &str, active: bool| {
        format!(
            "# a room\n[[room]]\nkind = \"ct_fluoro\"\nopens = \"{opens}\"\ncloses = \"{closes}\"\n\
             active = {active}\nname = \"{name}\"\n"
        )
    };
    vec![
        // "before it closes"
        (room("Room 9", "18:00", "08:00", true), "closes"),
        // "minutes is outside"
        ("[[procedure]]\ncode = \"biopsy_x\"\nlabel = \"Biopsy X\"\n\nminutes = 0\n".into(), "minutes"),
        // "no such account"
        ("[[staff]]\nname = \"Alice Martin\"\nrole = \"admin\"\naccount = \"alcie\"\n".into(), "account"),
        // "account name has"
        ("[[staff]]\nname = \"Alice Martin\"\nrole = \"nurse\"\naccount = \"al\\u001Bice\"\n".into(), "account"),
        // "is already the name": Dr Lemaire's, written otherwise (as stored,
        // "dr LEMAIRE" is not the value as written, so no quoted value finds it).
        ("[[staff]]\naccount = \"newcomer\"\nrole = \"read_only\"\nname = \"dr  LEMAIRE\"\n".into(), "name"),
        // "is not a role"
        ("[[staff]]\nname = \"Dr X\"\n\nrole = \"chef\"\n".into(), "role"),
        // "the unit"
        ("[[bed]]\nlabel = \"B99\"\n\nunit = \"Nord\\u001B\"\n".into(), "unit"),
        // "hold this bed"
        (format!("[[bed]]\nlabel = \"{held_bed}\"\n\nactive = false\n"), "active"),
        // "still booked"
        (room(&booked_room, "08:00", "18:00", false), "active"),
        // "upcoming case": a procedure kind, and a member of staff
        (
            format!("[[procedure]]\ncode = \"{booked_kind}\"\nlabel = \"Kind\"\nminutes = 60\nactive = false\n"),
            "active",
        ),
        (format!("[[staff]]\nname = \"{booked_operator}\"\nrole = \"doctor\"\nactive = false\n"), "active"),
        // "no active admin"
        (format!("[[staff]]\naccount = \"{admin}\"\nname = \"Ada Admin\"\n\nrole = \"nurse\"\n"), "role"),
        // "is empty"
        (room("", "08:00", "18:00", true), "name"),
        ("[[staff]]\nrole = \"nurse\"\n\nname = \"  \"\n".into(), "name"),
        // Faults no word or quoted value found (the header was blamed in
        // English too): an empty label, kind or code, closing an occupied bed.
        ("[[bed]]\nunit = \"North\"\nlabel = \" \"\n".into(), "label"),
        ("[[procedure]]\ncode = \"biopsy_x\"\nminutes = 30\nlabel = \"\"\n".into(), "label"),
        ("[[procedure]]\nlabel = \"X\"\nminutes = 30\ncode = \"\"\n".into(), "code"),
        (room("Room 9", "08:00", "18:00", true).replace("\"ct_fluoro\"", "\"\""), "kind"),
        (format!("[[bed]]\nlabel = \"{occupied_bed}\"\n\nclosed = true\n"), "closed"),
    ]
}

/// The 1-based line of `key = …` in `file`.
fn line_of(file: &str, key: &str) -> usize {
    file.lines().position(|l| l.starts_with(&format!("{key} ="))).unwrap_or_else(|| panic!("no {key} in {file}")) + 1
}

#[test]
fn a_refused_ward_file_names_the_line_of_the_field_at_fault_in_french_as_in_english() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop_at(dir.path(), NOW, &["demo"], None));
    let path = dir.path().join("ward.toml");
    let shown = path.to_str().unwrap();
    for (file, key) in faults(dir.path()) {
        std::fs::write(&path, &file).unwrap();
        let line = line_of(&file, key);
        assert_ne!(line, file.lines().position(|l| l.starts_with("[[")).unwrap() + 1);
        let setup = |lang| refused(periop_at(dir.path(), NOW, &["--lang", lang, "setup", "--from", shown], None));
        let fr = setup("fr");
        assert!(fr.contains(&format!("{shown} ligne {line}\u{a0}: ")), "{key} at line {line} of\n{file}\n{fr}");
        let en = setup("en");
        assert!(en.contains(&format!("{shown} line {line}: ")), "{key} at line {line} of\n{file}\n{en}");
        assert!(!fr.contains(" line ") && !en.contains(" ligne "), "{fr}\n{en}");
    }
}

/// The words of `periop setup` itself (the entry named, a role that is not
/// one) are French in French, and the English is word for word as before.
#[test]
fn a_ward_file_refused_by_periop_setup_itself_speaks_the_language_in_force() {
    let dir = tempfile::tempdir().unwrap();
    ok(periop_at(dir.path(), NOW, &["init"], None));
    let path = dir.path().join("ward.toml");
    let shown = path.to_str().unwrap();
    let setup = |lang, file: &str| {
        std::fs::write(&path, file).unwrap();
        refused(periop_at(dir.path(), NOW, &["--lang", lang, "setup", "--from", shown], None))
    };
    let chef = "[[staff]]\nname = \"Dr X\"\nrole = \"chef\"\n";
    let en = setup("en", chef);
    assert!(
        en.contains(&format!(
            "{shown} line 3: staff \"Dr X\": role \"chef\" is not a role; use one of: nurse, scheduler, \
             anaesthetist, doctor, pharmacist, admin, read_only"
        )),
        "{en}"
    );
    let fr = setup("fr", chef);
    assert!(
        fr.contains(&format!("{shown} ligne 3\u{a0}: personnel \"Dr X\"\u{a0}: le rôle \"chef\" n'existe pas")),
        "{fr}"
    );
    assert!(fr.contains("utilisez l'un de\u{a0}: nurse, scheduler,"), "{fr}");
    assert!(!fr.contains("is not a role"), "{fr}");

    let twice = [
        (
            "[[room]]\nname = \"R1\"\nkind = \"ct\"\nopens = \"08:00\"\ncloses = \"18:00\"\n",
            "room \"r1\"",
            "salle \"r1\"",
        ),
        ("[[bed]]\nlabel = \"B1\"\n", "bed \"b1\"", "lit \"b1\""),
        ("[[procedure]]\ncode = \"x\"\nlabel = \"X\"\nminutes = 30\n", "procedure \"x\"", "type de geste \"x\""),
        ("[[staff]]\nname = \"Dr Y\"\nrole = \"doctor\"\n", "staff \"dr y\"", "personnel \"dr y\""),
        ("[[staff]]\naccount = \"zed\"\nname = \"Z\"\nrole = \"read_only\"\n", "account \"zed\"", "compte \"zed\""),
    ];
    for (entry, english, french) in twice {
        let file = format!("{entry}\n{}", entry.to_lowercase());
        let again = file.lines().skip(1).position(|l| l.starts_with("[[")).unwrap() + 2;
        let en = setup("en", &file);
        assert!(
            en.contains(&format!("{shown} line {again}: {english}: already named at line 1; a ward file")),
            "{file}\n{en}"
        );
        let fr = setup("fr", &file);
        assert!(
            fr.contains(&format!("{shown} ligne {again}\u{a0}: {french}\u{a0}: déjà nommé à la ligne 1")),
            "{file}\n{fr}"
        );
    }
}
