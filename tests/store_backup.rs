//! Issue 8, item 4: `periop backup` copies the live database with SQLite's
//! online backup while eight terminals keep saving, and the copy holds every
//! change committed before it started, with no gap; `periop restore` puts
//! it back only when no other process has the file open, and keeps the old
//! file beside it (R-AUDIT-1, R-AUDIT-3: the copy checks healthy).

mod store_common;

use periop::domain::roles::Role;
use periop::store::backup::{self, BACKUP_MODE};
use periop::store::patients::{self, NewPatient};
use periop::store::{Store, StoreError, check};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use store_common::*;

const WRITERS: usize = 8;
const CHILD_DB: &str = "PERIOP_TEST_HOLDER_DB";

fn numbered(writer: usize, n: i64) -> NewPatient {
    NewPatient { hospital_number: format!("W{writer}-{n:06}"), ..patient(0) }
}

/// The numbers of writer `w`'s patients in the file at `path`, sorted.
fn numbers_of(path: &Path, w: usize) -> Vec<i64> {
    let conn = raw_ro(path);
    let mut stmt = conn
        .prepare("SELECT CAST(substr(hospital_number, instr(hospital_number, '-') + 1) AS INTEGER) FROM patients WHERE hospital_number LIKE ?1 ORDER BY 1")
        .unwrap();
    stmt.query_map([format!("W{w}-%")], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

#[test]
fn a_backup_taken_while_eight_terminals_save_holds_every_change_committed_before_it_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    // Some bulk, so that the copy takes several steps.
    let mut store = Store::open_as(&path, &admin()).unwrap();
    store
        .write(at(), |tx| {
            for n in 0..3000 {
                patients::register(tx, &numbered(99, n))?;
            }
            Ok(())
        })
        .unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let committed: Arc<Vec<AtomicI64>> = Arc::new((0..WRITERS).map(|_| AtomicI64::new(-1)).collect());
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (path, stop, committed) = (path.clone(), Arc::clone(&stop), Arc::clone(&committed));
            std::thread::spawn(move || {
                let mut store = Store::open_as(&path, &admin()).unwrap();
                let mut n = 0;
                while !stop.load(Ordering::SeqCst) {
                    match store.write(at(), |tx| patients::register(tx, &numbered(w, n))) {
                        Ok(_) => {}
                        // Starved past the busy timeout by the seven others
                        // (SQLite's lock is not fair): nothing saved, try again.
                        Err(StoreError::Held(_) | StoreError::Busy) => continue,
                        Err(e) => panic!("writer {w}: {e}"),
                    }
                    committed[w].store(n, Ordering::SeqCst);
                    n += 1;
                }
            })
        })
        .collect();
    // Let every writer commit some, note what is committed, then back up.
    // A writer that died fails the test here rather than hanging it (found
    // in CI: one starved writer's unwrap left the wait spinning for good).
    let waiting = std::time::Instant::now();
    while committed.iter().any(|c| c.load(Ordering::SeqCst) < 5) {
        assert!(!writers.iter().any(|w| w.is_finished()), "a writer stopped before committing five rows");
        assert!(waiting.elapsed() < std::time::Duration::from_secs(300), "the writers did not commit five rows each");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let before: Vec<i64> = committed.iter().map(|c| c.load(Ordering::SeqCst)).collect();
    let target = dir.path().join("backup.db");
    let mut steps = Vec::new();
    let report = store.backup_to(&target, at(), &mut |done, all| steps.push((done, all))).unwrap();
    let during: Vec<i64> = committed.iter().map(|c| c.load(Ordering::SeqCst)).collect();
    stop.store(true, Ordering::SeqCst);
    for w in writers {
        w.join().unwrap();
    }
    drop(store);
    assert!(report.check.is_healthy());
    assert_eq!(steps.last().map(|(d, a)| d == a), Some(true), "progress ends at all pages: {steps:?}");
    assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, BACKUP_MODE);
    assert!(!dir.path().join("backup.db-wal").exists(), "the backup is one file");
    eprintln!("backup under load: {} pages in {:?}, {} progress reports", report.pages, report.took, steps.len());

    // Every change committed before the backup began is in it; each writer's
    // rows in it run without a gap (a consistent snapshot).
    for w in 0..WRITERS {
        let got = numbers_of(&target, w);
        assert!(got.len() as i64 > before[w], "writer {w}: {} rows, {} committed before", got.len(), before[w]);
        assert_eq!(got, (0..got.len() as i64).collect::<Vec<_>>(), "writer {w} has a gap");
        assert!(got.len() as i64 <= during[w] + 1);
    }
    assert_eq!(numbers_of(&target, 99).len(), 3000);
    assert!(check::check_file(&target, at()).unwrap().is_healthy());

    // Restore it: the live file now holds exactly the backup's rows, and the
    // file it replaced (with every later save) is kept beside it.
    let live_rows = count(&raw_ro(&path), "SELECT count(*) FROM patients", []);
    let done = backup::restore(&path, &target, &admin(), at()).unwrap();
    let backup_rows = count(&raw_ro(&target), "SELECT count(*) FROM patients", []);
    assert_eq!(count(&raw_ro(&path), "SELECT count(*) FROM patients", []), backup_rows);
    assert_eq!(count(&raw_ro(&done.kept), "SELECT count(*) FROM patients", []), live_rows);
    assert!(live_rows >= backup_rows);
    assert!(check::check_file(&path, at()).unwrap().is_healthy());
    for w in 0..WRITERS {
        assert_eq!(numbers_of(&path, w), numbers_of(&target, w));
    }
    // And the ward goes on saving on the restored file.
    add_patient(&mut Store::open_as(&path, &admin()).unwrap(), 7);
}

#[test]
fn a_backup_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let store = Store::open_as(&path, &admin()).unwrap();
    let target = dir.path().join("exists.db");
    std::fs::write(&target, b"keep me").unwrap();
    let err = store.backup_to(&target, at(), &mut |_, _| {}).unwrap_err();
    assert!(matches!(err, StoreError::Exists { .. }), "{err:?}");
    assert_eq!(std::fs::read(&target).unwrap(), b"keep me");
    // Found in use (#8): it said "…or open it without `init`".
    assert!(
        err.to_string().ends_with(
            "already exists; a backup never overwrites a file: give a new path (e.g. with the date in its name)"
        ),
        "{err}"
    );
    assert!(!err.to_string().contains("init"), "{err}");
}

/// Found in use (#8): a backup to a folder the account cannot write told
/// the user to get write access to the ward's database; it names the
/// destination's folder.
#[test]
fn a_backup_to_a_folder_you_cannot_write_names_that_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    // A folder nobody can create a file in, even root: a plain file.
    let folder = dir.path().join("not-a-folder");
    std::fs::write(&folder, b"").unwrap();
    let store = Store::open_as(&path, &admin()).unwrap();
    let err = store.backup_to(&folder.join("bk.db"), at(), &mut |_, _| {}).unwrap_err().to_string();
    assert!(err.contains(&format!("ask the owner of {} to let your account write there", folder.display())), "{err}");
    assert!(err.contains("no backup was made"), "{err}");
    assert!(!err.contains("the ward's database"), "{err}");
}

/// A child process that opens the database and holds it until its stdin closes.
#[test]
#[ignore = "helper: a child process of the restore test"]
fn child_holder() {
    let Ok(db) = std::env::var(CHILD_DB) else { return };
    let store = Store::open_as(Path::new(&db), &admin()).unwrap();
    let _ = store.board(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), at()).unwrap();
    println!("READY");
    std::io::stdout().flush().unwrap();
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    drop(store);
}

#[test]
fn restore_is_refused_while_another_process_has_the_file_open_and_needs_an_admin() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let target = dir.path().join("backup.db");
    Store::open_as(&path, &admin()).unwrap().backup_to(&target, at(), &mut |_, _| {}).unwrap();
    add_patient(&mut Store::open_as(&path, &admin()).unwrap(), 1);

    // R-ROLE-1: a nurse may not restore.
    give_role(&path, &nurse(), Role::Nurse);
    let err = backup::restore(&path, &target, &nurse(), at()).unwrap_err();
    assert!(err.to_string().contains("needs the role admin"), "{err}");

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["child_holder", "--exact", "--ignored", "--nocapture"])
        .env(CHILD_DB, &path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("READY") {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "the child ended early");
    }
    assert!(backup::held_by_another_process(&path).unwrap());
    let before = snapshot(dir.path());
    let err = backup::restore(&path, &target, &admin(), at()).unwrap_err();
    assert!(err.to_string().contains("another program has it open"), "{err}");
    // Found in use (#8): the README promises the holder "named with its pid".
    assert!(err.to_string().contains(&format!("(pid {})", child.id())), "{err}");
    assert_message(&err, &path, "close them all, then restore again");
    assert_eq!(snapshot(dir.path()).keys().collect::<Vec<_>>(), before.keys().collect::<Vec<_>>(), "no file moved");
    assert_eq!(count(&raw_ro(&path), "SELECT count(*) FROM patients", []), 1);

    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    assert!(!backup::held_by_another_process(&path).unwrap());
    let done = backup::restore(&path, &target, &admin(), at()).unwrap();
    assert_eq!(count(&raw_ro(&path), "SELECT count(*) FROM patients", []), 0, "the backup had no patient");
    assert_eq!(count(&raw_ro(&done.kept), "SELECT count(*) FROM patients", []), 1, "the old file is kept");
}

/// A demo ward checked as a terminal whose clock is two days behind sees
/// it: intakes, labs and steps of the last two days are "in the future",
/// stored records that break R-PATH-6 in a file that is whole.
fn ward_with_rules_broken(dir: &Path) -> (std::path::PathBuf, chrono::DateTime<chrono::Utc>) {
    let path = dir.join("ward.db");
    let options = periop::cli::demo::Options { seed: 1, years: 0 };
    drop(periop::cli::demo::build(&path, &admin(), at(), &options, &mut |_| {}).unwrap());
    let behind = at() - chrono::Duration::days(2);
    let live = Store::open_as(&path, &admin()).unwrap().check(behind).unwrap();
    assert!(!live.findings.is_empty(), "{live:#?}");
    assert_eq!(live.verdict(), check::Verdict::RulesBroken);
    (path, behind)
}

/// Found in use (#8): `periop backup` of a file `periop check` calls "RULES
/// BROKEN: the file is whole" (an intake recorded in the future by a
/// fixed-clock terminal) made no copy and said the database was damaged and
/// to restore a backup: the nightly backup silently stopped. The copy's
/// file is checked; the broken rules are a warning with the next step.
#[test]
fn a_backup_copies_a_whole_file_whose_records_break_a_rule_and_says_what_to_correct() {
    let dir = tempfile::tempdir().unwrap();
    let (path, behind) = ward_with_rules_broken(dir.path());
    let store = Store::open_as(&path, &admin()).unwrap();
    let target = dir.path().join("bk.db");
    let report = store.backup_to(&target, behind, &mut |_, _| {}).unwrap();
    assert!(report.check.file_whole() && !report.check.is_healthy());
    let warnings = report.check.warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("break a clinical rule"), "{warnings:?}");
    assert!(warnings[0].ends_with("run `periop check` on the live database and correct each one"), "{warnings:?}");
    assert!(target.exists());
    drop(store);

    // Restore takes it too, and so the file it kept in its place.
    let done = backup::restore(&path, &target, &admin(), behind).unwrap();
    assert!(done.check.file_whole() && !done.check.findings.is_empty());
    let again = backup::restore(&path, &done.kept, &admin(), behind + chrono::Duration::minutes(1)).unwrap();
    assert!(again.check.file_whole());
}

/// Found in use (#8): `periop restore` refused a backup of an older schema
/// (`periop check`: "OLDER SCHEMA"); it is whole, and is upgraded in place.
#[test]
fn an_older_schema_backup_is_restored_and_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    add_patient(&mut Store::open_as(&path, &admin()).unwrap(), 1);
    let target = dir.path().join("old.db");
    Store::open_as(&path, &admin()).unwrap().backup_to(&target, at(), &mut |_, _| {}).unwrap();
    raw_rw(&target)
        .execute_batch(
            "DROP TRIGGER audit_is_append_only_update; ALTER TABLE audit DROP COLUMN hash;
             DROP TABLE audit_search; DROP TABLE patient_search; DROP TABLE audit_terms;
             CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
             BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
             PRAGMA user_version = 2;",
        )
        .unwrap();
    let old = check::check_file(&target, at()).unwrap();
    assert_eq!(old.verdict(), check::Verdict::OlderSchema);
    assert!(old.warnings()[0].contains("upgrades it"), "{:?}", old.warnings());
    let done = backup::restore(&path, &target, &admin(), at()).unwrap();
    assert_eq!(done.from_schema, 2);
    assert!(done.check.is_healthy(), "{:#?}", done.check);
    assert_eq!(count(&raw_ro(&path), "SELECT count(*) FROM patients", []), 1);
}

/// What is not whole is still refused, changing nothing: a row edited
/// behind periop's back (it differs from its audit row).
#[test]
fn a_backup_whose_rows_differ_from_the_audit_is_not_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    add_patient(&mut Store::open_as(&path, &admin()).unwrap(), 1);
    let target = dir.path().join("bk.db");
    Store::open_as(&path, &admin()).unwrap().backup_to(&target, at(), &mut |_, _| {}).unwrap();
    raw_rw(&target).execute("UPDATE patients SET hospital_number = 'H999999'", []).unwrap();
    let before = snapshot(dir.path());
    let err = backup::restore(&path, &target, &admin(), at()).unwrap_err();
    assert!(err.to_string().contains("this backup is not whole"), "{err}");
    assert!(err.to_string().contains("pick another backup"), "{err}");
    assert_eq!(snapshot(dir.path()).keys().collect::<Vec<_>>(), before.keys().collect::<Vec<_>>());
}

/// Found in use (#8): `restore` ran while an idle `sqlite3` shell had the
/// file open (it holds no SQLite lock), and the shell's later writes landed
/// in the restored file. Any process holding the file open is named.
#[test]
fn restore_is_refused_while_any_program_holds_the_file_open_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let target = dir.path().join("backup.db");
    Store::open_as(&path, &admin()).unwrap().backup_to(&target, at(), &mut |_, _| {}).unwrap();
    // `sleep` with the database as its standard input: open, no lock.
    let mut holder = Command::new("sleep")
        .arg("30")
        .stdin(std::fs::File::open(&path).unwrap())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let pid = holder.id();
    let mut seen = Vec::new();
    for _ in 0..50 {
        seen = backup::other_openers(&path);
        if !seen.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(!backup::held_by_another_process(&path).unwrap(), "no SQLite lock is held");
    let err = backup::restore(&path, &target, &admin(), at()).unwrap_err().to_string();
    let _ = holder.kill();
    let _ = holder.wait();
    assert_eq!(seen, [format!("sleep (pid {pid})")]);
    assert!(err.contains(&format!("another program has it open: sleep (pid {pid})")), "{err}");
    assert!(err.ends_with("close them all, then restore again"), "{err}");
    backup::restore(&path, &target, &admin(), at()).unwrap();
}

/// Found in use (#12): one row edited behind periop's back stopped every
/// nightly backup ("no backup was made"), while the ward went on working on
/// the file. The copy is made — it is the same data — and the edit is said as
/// a warning to look into; restoring such a copy stays refused.
#[test]
fn a_ward_with_a_row_changed_behind_its_back_is_still_backed_up_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    add_patient(&mut Store::open_as(&path, &admin()).unwrap(), 1);
    raw_rw(&path).execute("UPDATE patients SET surname = 'Edited'", []).unwrap();
    let target = dir.path().join("bk.db");
    let report = Store::open_as(&path, &admin()).unwrap().backup_to(&target, at(), &mut |_, _| {}).unwrap();
    assert!(target.is_file(), "no backup was made");
    let warnings = report.check.warnings();
    assert!(warnings.iter().any(|w| w.contains("changes made behind periop's back")), "{warnings:?}");
    assert!(!warnings.join(" ").contains("Edited"), "a patient's value in a warning (R-PRIV-1)");
}

/// Found in use (#8): `periop restore /tmp/x.db` with no such backup said to
/// `periop init`; and an account not yet on the staff list, refused the
/// restore, was never listed, so the advice `periop staff set ACCOUNT
/// --role ROLE` then failed with "not on the staff list" (R-ROLE-1: the
/// README says the first attempt to save lists it even when refused).
#[test]
fn r_role_1_restore_names_a_missing_backup_and_lists_a_refused_new_account() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let missing = dir.path().join("x.db");
    let err = backup::restore(&path, &missing, &admin(), at()).unwrap_err().to_string();
    assert!(err.contains("x.db") && err.contains("no such backup file"), "{err}");
    assert!(!err.contains("periop init"), "{err}");

    let target = dir.path().join("backup.db");
    Store::open_as(&path, &admin()).unwrap().backup_to(&target, at(), &mut |_, _| {}).unwrap();
    let oncall = account("testeroncall", None);
    let err = backup::restore(&path, &target, &oncall, at()).unwrap_err().to_string();
    assert!(err.contains("your role is unassigned"), "{err}");
    let listed = Store::open_as(&path, &admin()).unwrap().find_staff("testeroncall").unwrap();
    assert_eq!(listed.map(|s| s.role), Some(Role::Unassigned), "listed for an admin to give a role");
}
