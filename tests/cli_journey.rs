//! The commands on real files: `periop check`'s rule checks on demo wards
//! (R-PATH-6, R-PATH-4, R-BLOCK-3), the one clock for every write, and
//! `periop rules`.

use periop::store::{Account, Store};
use std::path::Path;
use std::process::{Command, Output};

fn periop(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_periop"))
        .args(args)
        .env("PERIOP_LOG", dir.join("log"))
        .env_remove("PERIOP_DB")
        .env_remove("PERIOP_NOW")
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// R-PATH-6, R-PATH-4, R-BLOCK-3: the demo ward is built through the same
/// checks as a user's entries, so `periop check` finds nothing in it: several
/// seeds, clocks early, late and on the night the clocks change, and a year
/// of history.
#[test]
fn r_path_6_demo_wards_pass_periop_check() {
    let dir = tempfile::tempdir().unwrap();
    let runs: &[(&str, &str, &[&str])] = &[
        ("1", "2026-11-22T09:30", &[]),
        ("2", "2026-11-23T07:00", &[]),
        ("3", "2026-11-25T23:30", &[]),
        ("4", "2026-03-29T02:30", &[]),
        ("5", "2026-11-22T09:30", &["--years", "1"]),
    ];
    for (seed, now, extra) in runs {
        let db = dir.path().join(format!("demo-{seed}.db"));
        let db = db.to_str().unwrap();
        let mut args = vec!["--db", db, "--now", now, "demo", "--seed", seed];
        args.extend_from_slice(extra);
        let made = periop(dir.path(), &args);
        assert!(made.status.success(), "{}", text(&made));
        let checked = periop(dir.path(), &["--db", db, "--now", now, "check"]);
        let report = text(&checked);
        assert!(checked.status.success(), "seed {seed} at {now}: {report}");
        assert!(report.contains("rules:        ok\n"), "seed {seed} at {now}: {report}");
    }
}

/// `periop check` reports a rule broken in the stored rows (here one operator
/// in two rooms at 10:00), names the record, not the patient, and exits 1.
#[test]
fn r_block_3_check_reports_an_operator_in_two_cases_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let now = "2026-11-22T09:30";
    assert!(periop(dir.path(), &["--db", db, "--now", now, "demo"]).status.success());
    let raw = rusqlite::Connection::open(db).unwrap();
    let (a, b): (i64, i64) = raw
        .query_row("SELECT min(id), max(id) FROM cases WHERE scheduled_start = '2026-11-23T09:30:00Z'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    raw.execute("UPDATE cases SET operator_id = (SELECT operator_id FROM cases WHERE id = ?1) WHERE id = ?2", [a, b])
        .unwrap();
    drop(raw);
    let checked = periop(dir.path(), &["--db", db, "--now", now, "check"]);
    let report = text(&checked);
    assert!(!checked.status.success(), "{report}");
    assert!(report.contains(&format!("case #{a}: operator Dr ")), "{report}");
    assert!(report.contains("is in the cases at 23/11 10:30–"), "{report}");
    // The edit was made behind periop's back, so the audit reconciliation
    // (R-AUDIT-3) names it too; the rule finding stands beside it.
    assert!(report.contains("(R-BLOCK-3)"), "{report}");
    assert!(report.contains("differ from the audit log"), "{report}");
}

/// Every write takes its time from the one clock: with `--now`, the audit
/// row that registers a new account carries that time, not the real one.
#[test]
fn registration_is_audited_at_the_clock_of_now() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    let someone = Account { name: "periop-test-admin".into(), full_name: None };
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T07:00:00Z").unwrap().to_utc();
    drop(Store::init(&path, &someone, at).unwrap());
    // The current account is new to this file: its first save registers it,
    // and is refused (R-ROLE-1: unassigned only reads) naming the role needed.
    let args = ["--db", path.to_str().unwrap(), "--now", "2026-11-22T09:00", "settings", "set", "fast.clear_h", "3"];
    let out = periop(dir.path(), &args);
    assert!(!out.status.success(), "an unassigned account changed a setting: {}", text(&out));
    assert!(text(&out).contains("needs the role admin"), "{}", text(&out));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let at: String = conn
        .query_row("SELECT at FROM audit WHERE table_name = 'staff' ORDER BY id DESC LIMIT 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(at, "2026-11-22T08:00:00Z");
}

/// `periop rules ID` prints the rule an alert cites, without a database; an
/// unknown ID is an error naming the pattern of the known ones.
#[test]
fn r_fast_4_periop_rules_prints_a_rule_and_refuses_an_unknown_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = periop(dir.path(), &["rules", "R-FAST-4"]);
    assert!(out.status.success(), "{}", text(&out));
    let rule = String::from_utf8_lossy(&out.stdout);
    assert!(rule.starts_with("### R-FAST-4 — a prolonged clear-fluid fast"), "{rule}");
    assert!(rule.contains("a meal is not a drink") && !rule.contains("R-FAST-5"), "{rule}");
    let all = periop(dir.path(), &["rules"]);
    assert!(String::from_utf8_lossy(&all.stdout).contains("### R-PATH-6"), "{}", text(&all));
    let bad = periop(dir.path(), &["rules", "R-NOPE-1"]);
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("there is no rule \"R-NOPE-1\"; rule IDs look like R-FAST-4 (R-PATH-1..6"), "{err}");
}

/// R-ROLE-1: `periop roles` prints the one table (text, json, csv, no
/// database needed); the account that ran `init` is admin and gives roles
/// with `periop staff`; the list comes back as text, json and csv.
#[test]
fn r_role_1_roles_and_staff_commands() {
    let dir = tempfile::tempdir().unwrap();
    let out = periop(dir.path(), &["roles", "--format", "csv"]);
    assert!(out.status.success(), "{}", text(&out));
    let csv = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        csv.starts_with("change,nurse,scheduler,anaesthetist,doctor,pharmacist,admin,read_only,unassigned\n"),
        "{csv}"
    );
    assert!(csv.contains("\nsettings,0,0,0,0,0,1,0,0\n"), "{csv}");
    let out = periop(dir.path(), &["roles", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["changes"].as_array().unwrap().len(), periop::domain::roles::Change::ALL.len());

    let db = dir.path().join("ward.db");
    let db = db.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["--db", db, "--now", "2026-11-22T09:00"];
        all.extend_from_slice(args);
        periop(dir.path(), &all)
    };
    assert!(run(&["init"]).status.success());
    // Found in use (#8): `staff add --account ghost` was accepted: an
    // account the machine does not have can never log in.
    let out = run(&["staff", "add", "--account", "ghost-8x", "--name", "Ghost", "--role", "admin"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("account \"ghost-8x\": this machine has no such account"), "{}", text(&out));
    assert!(text(&out).contains("fix the spelling, or create the account first"), "{}", text(&out));
    let alice = another_account();
    let alice = alice.as_str();
    let out = run(&["staff", "add", "--account", alice, "--name", "Alice Martin", "--role", "nurse"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = run(&["staff", "add", "--name", "Dr Caron", "--role", "doctor"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = run(&["staff", "set", alice, "--role", "scheduler"]);
    assert!(text(&out).contains("role scheduler"), "{}", text(&out));
    let out = run(&["staff", "add", "--account", alice, "--name", "Again", "--role", "nurse"]);
    assert!(!out.status.success() && text(&out).contains("already on the staff list"), "{}", text(&out));
    let out = run(&["staff", "set", alice, "--role", "janitor"]);
    assert!(!out.status.success() && text(&out).contains("not a role"), "{}", text(&out));
    let out = run(&["staff", "retire", "Dr Caron"]);
    assert!(text(&out).contains("retired"), "{}", text(&out));

    let out = run(&["staff", "list", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let staff = json["staff"].as_array().unwrap();
    assert_eq!(staff.len(), 3);
    assert!(staff.iter().any(|s| s["account"] == alice && s["role"] == "scheduler" && s["active"] == true));
    assert!(staff.iter().any(|s| s["display_name"] == "Dr Caron" && s["active"] == false));
    let out = run(&["staff", "list", "--format", "csv"]);
    let row = format!("\n2,{alice},Alice Martin,scheduler,1\n");
    assert!(String::from_utf8_lossy(&out.stdout).contains(&row), "{}", text(&out));
    assert!(run(&["check"]).status.success());
}

/// An account this machine has, other than the one running the tests.
fn another_account() -> String {
    let me = Account::current().name;
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    passwd
        .lines()
        .filter_map(|line| line.split(':').next())
        .find(|name| *name != me && matches!(nix::unistd::User::from_name(name), Ok(Some(_))))
        .expect("a second account on this machine")
        .to_string()
}

/// Issue 8, item 4: `periop backup PATH` says what it copied and that the
/// copy checks healthy; it is mode 0640; a second run to the same path is
/// refused; `periop restore` puts it back and keeps the replaced file.
#[test]
fn backup_and_restore_commands() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let copy = dir.path().join("copy.db");
    let (db, copy_s) = (db.to_str().unwrap(), copy.to_str().unwrap());
    assert!(periop(dir.path(), &["--db", db, "init"]).status.success());
    let out = periop(dir.path(), &["--db", db, "backup", copy_s]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("`periop check` on the copy: healthy"), "{}", text(&out));
    assert!(text(&out).contains("copying: 100%"), "{}", text(&out));
    assert_eq!(std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777, 0o640);
    let again = periop(dir.path(), &["--db", db, "backup", copy_s]);
    assert!(!again.status.success() && text(&again).contains("already exists"), "{}", text(&again));
    let out = periop(dir.path(), &["--db", db, "--now", "2026-11-22T09:00", "restore", copy_s]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(dir.path().join("ward.db.before-restore-20261122T080000Z").exists(), "{}", text(&out));
    assert!(periop(dir.path(), &["--db", db, "check"]).status.success());
}

/// Found in use (#8): the nightly `periop backup` of a file `periop check`
/// called "RULES BROKEN: the file is whole" exited 1, made no copy and said
/// to restore the latest backup. It copies, warns with the next step and
/// exits 0; `check` and `restore` read the same notion of a whole file.
/// And `periop void` said only "the lab result: voided": it names the
/// record and the patient; a number with no record says so.
#[test]
fn a_nightly_backup_of_a_ward_whose_records_break_a_rule_copies_it_and_warns() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 22, 7, 30, 0).unwrap();
    let options = periop::cli::demo::Options { seed: 1, years: 0 };
    drop(periop::cli::demo::build(&db, &Account::current(), at, &options, &mut |_| {}).unwrap());
    let copy = dir.path().join("bk.db");
    let (db, copy_s) = (db.to_str().unwrap(), copy.to_str().unwrap());
    // A terminal whose clock is two days behind: the last two days' records are "in the future".
    let behind = ["--db", db, "--now", "2026-11-20T09:00"];
    let out = periop(dir.path(), &[&behind[..], &["check"]].concat());
    assert!(text(&out).contains("RULES BROKEN: the file is whole"), "{}", text(&out));
    let out = periop(dir.path(), &[&behind[..], &["backup", copy_s]].concat());
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("`periop check` on the copy: whole"), "{}", text(&out));
    assert!(text(&out).contains("\nwarning: "), "{}", text(&out));
    assert!(text(&out).contains("correct each one"), "{}", text(&out));
    assert!(!text(&out).contains("restore the latest backup"), "{}", text(&out));
    assert!(copy.exists());
    let out = periop(dir.path(), &[&behind[..], &["restore", copy_s]].concat());
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("\nwarning: "), "{}", text(&out));

    let conn = rusqlite::Connection::open(db).unwrap();
    let (lab, surname): (i64, String) = conn
        .query_row(
            "SELECT l.id, p.surname FROM lab_results l JOIN patients p ON p.id = l.patient_id
             WHERE l.voided_at IS NULL ORDER BY l.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let out = periop(dir.path(), &["--db", db, "void", "lab", &lab.to_string(), "--reason", "wrong tube"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(said.starts_with(&format!("voided lab result #{lab}: ")), "{said}");
    assert!(said.contains(&format!(", of {} ", surname.to_uppercase())), "{said}");
    assert!(said.contains("; reason: wrong tube"), "{said}");
    let log = std::fs::read_to_string(dir.path().join("log")).unwrap_or_default();
    assert!(!log.to_uppercase().contains(&surname.to_uppercase()), "the log names no patient: {log}");
    let out = periop(dir.path(), &["--db", db, "void", "intake", "99999", "--reason", "x"]);
    assert!(!out.status.success());
    assert!(text(&out).contains("there is no intake with that number"), "{}", text(&out));
}
