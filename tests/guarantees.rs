//! What periop guarantees about its file (README, "What periop guarantees"):
//! a check that changes nothing, settings kept within what a site could
//! mean, messages that point at the real cause. The file is handled behind
//! the program's back with raw connections, and the real binary is run.

mod store_common;

use periop::store::{Account, Store};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use store_common::*;

/// The program under test.
const BIN: &str = env!("CARGO_BIN_EXE_periop");

/// Runs `periop ARGS` without a terminal, with a fixed clock and the log in `dir`.
fn periop(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("PERIOP_DB")
        .env("PERIOP_NOW", "2026-11-22T09:30")
        .env("PERIOP_LOG", dir.join("periop.log"))
        .stdin(Stdio::null())
        .output()
        .expect("run periop")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The files of `dir` named `names`, with their bytes and modification times.
fn files(dir: &Path, names: &[&str]) -> BTreeMap<String, Entry> {
    let all = snapshot(dir);
    names
        .iter()
        .map(|n| (n.to_string(), all.get(*n).unwrap_or_else(|| panic!("no {n} in the folder")).clone()))
        .collect()
}

/// A database as a crash leaves it: a main file and a `-wal` holding
/// committed saves not yet copied into it, no process attached. Made by a
/// store (as `admin()`, not the account running the test) and copied while
/// the store still has it open.
fn crashed_db(dir: &Path) -> std::path::PathBuf {
    let live = dir.join("live");
    std::fs::create_dir(&live).unwrap();
    let path = new_db(&live);
    let mut store = Store::open_as(&path, &admin()).unwrap();
    add_patient(&mut store, 1);
    let crashed = dir.join("crashed");
    std::fs::create_dir(&crashed).unwrap();
    for suffix in ["", "-wal"] {
        std::fs::copy(format!("{}{suffix}", path.display()), format!("{}/ward.db{suffix}", crashed.display())).unwrap();
    }
    drop(store);
    let wal = std::fs::metadata(crashed.join("ward.db-wal")).unwrap().len();
    assert!(wal > 0, "the copied -wal is empty: the test would prove nothing");
    crashed.join("ward.db")
}

/// A new ward with one patient planned in for 22/11 (home 23/11):
/// (the file, the patient, the admission).
fn one_stay(dir: &std::path::Path) -> (std::path::PathBuf, i64, i64) {
    let path = new_db(dir);
    let mut store = Store::open_as(&path, &admin()).unwrap();
    let patient_id = add_patient(&mut store, 1);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let admission = periop::store::admissions::NewAdmission {
        patient_id,
        planned_admit_on: day,
        planned_discharge_on: day.succ_opt().unwrap(),
        bed_id: None,
    };
    let id = store.write(at(), |tx| periop::store::admissions::create(tx, &admission)).unwrap();
    (path, patient_id, id)
}

/// Issue 12, item 3: `periop check` opens the file read-only and changes
/// nothing: the database and its `-wal` keep their bytes and modification
/// times (no checkpoint, no account registered, no upgrade).
#[test]
fn check_changes_nothing_in_the_file_or_its_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = crashed_db(dir.path());
    let folder = path.parent().unwrap();
    let before = files(folder, &["ward.db", "ward.db-wal"]);

    let out = periop(dir.path(), &["check", "--db", path.to_str().unwrap()]);
    assert!(out.status.success(), "check failed: {}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).contains("healthy"), "{}", text(&out.stdout));

    let after = files(folder, &["ward.db", "ward.db-wal"]);
    for (name, old) in &before {
        assert!(old.bytes == after[name].bytes, "periop check changed the bytes of {name}");
        assert_eq!(old.modified, after[name].modified, "periop check changed the modification time of {name}");
    }
    // The saves in the -wal were seen: one patient, read through the WAL.
    let conn = raw_ro(&path);
    assert_eq!(count(&conn, "SELECT count(*) FROM patients", []), 1);
}

/// A check needs only read access: an account that may read the file but
/// not write it can still check it.
#[test]
fn check_reads_a_file_it_cannot_write() {
    if nix::unistd::geteuid().is_root() {
        eprintln!("skipped: root can write any file");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o440)).unwrap();
    let out = periop(dir.path(), &["check", "--db", path.to_str().unwrap()]);
    assert!(out.status.success(), "check failed: {}{}", text(&out.stdout), text(&out.stderr));
}

/// Issue 12, item 8: a setting outside what a site could mean is refused,
/// naming the range, and nothing is stored; a negative value needs no `--`.
#[test]
fn settings_outside_their_range_are_refused_and_negatives_need_no_dashes() {
    let dir = tempfile::tempdir().unwrap();
    // The binary runs as this account: it made the file, so it is admin (R-ROLE-1).
    let path = dir.path().join("ward.db");
    drop(Store::init(&path, &Account::current(), at()).unwrap());
    let db = path.to_str().unwrap();
    for (key, value, range) in [
        ("fast.solids_h", "99999", "from 1 to 24 h"),
        ("fast.solids_h", "1e308", "must be a number"),
        ("fast.solids_h", "0", "from 1 to 24 h"),
        ("path.admit_offset_days", "5", "from -7 to 0 days"),
    ] {
        let out = periop(dir.path(), &["settings", "set", key, value, "--db", db]);
        let stderr = text(&out.stderr);
        assert!(!out.status.success(), "{key} {value} was accepted: {}", text(&out.stdout));
        assert!(
            stderr.contains(key) && stderr.contains(range),
            "{key} {value}: the refusal does not name {range:?}: {stderr}"
        );
    }
    assert_eq!(count(&raw_ro(&path), "SELECT count(*) FROM settings", []), 0, "a refused value was stored");

    let out = periop(dir.path(), &["settings", "set", "path.admit_offset_days", "-2", "--db", db]);
    assert!(out.status.success(), "a negative offset was refused: {}", text(&out.stderr));
    let stored: String = raw_ro(&path)
        .query_row("SELECT value FROM settings WHERE key = 'path.admit_offset_days'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, "-2");
}

/// Issue 12, item 7: a path in a folder that does not exist names the
/// missing folder, for opening and for `init` alike (before: open suggested
/// `init`, and `init` then blamed permissions).
#[test]
fn a_missing_folder_is_named_as_the_cause() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("no-such-folder");
    let path = folder.join("x.db");
    for command in ["board", "init", "check"] {
        let out = periop(dir.path(), &[command, "--db", path.to_str().unwrap()]);
        let stderr = text(&out.stderr);
        assert!(!out.status.success(), "{command}: {}", text(&out.stdout));
        let wanted = format!("the folder {} does not exist", folder.display());
        assert!(stderr.contains(&wanted), "{command}: the message does not name the missing folder: {stderr}");
        assert!(!stderr.contains("periop init"), "{command}: the message suggests init: {stderr}");
        assert!(!stderr.contains("write access"), "{command}: the message blames permissions: {stderr}");
    }
    assert!(!folder.exists(), "the folder was created");
}

/// Issue 12, item 7: a path echoed in a message has its control characters
/// escaped: the message stays one line and cannot drive the terminal.
#[test]
fn paths_in_messages_escape_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward\u{1b}[2J\n.db");
    let out = periop(dir.path(), &["board", "--db", path.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(stderr.lines().count(), 1, "the message is not one line: {stderr:?}");
    assert!(!stderr.contains('\u{1b}'), "the message carries a raw escape: {stderr:?}");
    assert!(stderr.contains(r"ward\u{1b}[2J\n.db"), "the path is not shown escaped: {stderr:?}");
}

/// Issue 12, item 6: reading needs no write. While another program holds
/// the write lock, a first-time account's `periop board` reads the board
/// (before: opening registered the account, waited 10 s and failed); a save
/// waits, then names the file and says another program holds it.
#[test]
fn a_first_look_needs_no_write_and_a_held_lock_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let db = path.to_str().unwrap();
    let holder = raw_rw(&path);
    holder.execute_batch("BEGIN IMMEDIATE; UPDATE beds SET version = version WHERE 0;").unwrap();

    let out = periop(dir.path(), &["board", "--db", db]);
    assert!(out.status.success(), "board failed while another program held the lock: {}", text(&out.stderr));

    let out = periop(dir.path(), &["settings", "set", "fast.clear_h", "3", "--db", db]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "a save went through a held lock: {}", text(&out.stdout));
    assert!(stderr.contains(db) && stderr.contains("another program holds"), "{stderr}");
    holder.execute_batch("ROLLBACK").unwrap();

    // Nothing was registered by the look, or by the refused save.
    assert_eq!(count(&raw_ro(&path), "SELECT count(*) FROM staff", []), 1);
}

/// Issue 12, item 9: a stored code the program does not know is an error
/// naming the table, the row and the column, never a default (before: the
/// board showed a misspelt admission state as `planned`); `periop check`
/// lists every such row.
#[test]
fn an_unknown_code_is_an_error_naming_table_row_and_column_and_check_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _, id) = one_stay(dir.path());
    // Behind the program's back: a state the schema's CHECK would refuse.
    let raw = raw_rw(&path);
    raw.execute_batch("PRAGMA ignore_check_constraints = ON").unwrap();
    raw.execute("UPDATE admissions SET state = 'plannd' WHERE id = ?1", [id]).unwrap();
    drop(raw);

    let db = path.to_str().unwrap();
    let out = periop(dir.path(), &["board", "--db", db, "--date", "2026-11-22"]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "the board read an unknown state: {}", text(&out.stdout));
    let place = format!("admission #{id}, column state: \"plannd\"");
    assert!(stderr.contains(&place), "the error does not name {place:?}: {stderr}");
    assert!(!stderr.contains("Testpatient"), "the error names the patient (R-PRIV-1): {stderr}");

    let out = periop(dir.path(), &["check", "--db", db]);
    let stdout = text(&out.stdout);
    assert!(!out.status.success(), "check called the file healthy:\n{stdout}");
    assert!(stdout.contains(&place), "check does not list {place:?}:\n{stdout}");
}

/// Issue 12, item 1 (R-AUDIT-3): a patient updated behind the program's
/// back is named by `periop check`, which then fails (before: "healthy").
#[test]
fn check_names_a_row_changed_behind_the_programs_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut store = Store::open_as(&path, &admin()).unwrap();
    add_patient(&mut store, 1);
    drop(store);
    raw_rw(&path).execute("UPDATE patients SET birth_date = '1961-03-14' WHERE id = 1", []).unwrap();
    let out = periop(dir.path(), &["check", "--db", path.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert!(!out.status.success(), "check called the file healthy:\n{stdout}");
    assert!(stdout.contains("patient #1: differs from its last audit row (columns birth_date)"), "{stdout}");
    assert!(!stdout.contains("1961"), "check shows a patient's value (R-PRIV-1):\n{stdout}");
}

/// Issue 12, item 2: a file damaged mid-file (a page of the patients table
/// overwritten) takes no write: the first save of a process runs SQLite's
/// quick check, and the refusal names the file, the cause and the next step
/// (before: `settings set` exited 0 and wrote into it).
#[test]
fn a_damaged_file_takes_no_write() {
    use std::io::{Seek, SeekFrom, Write};
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut store = Store::open_as(&path, &admin()).unwrap();
    for n in 1..=40 {
        add_patient(&mut store, n);
    }
    drop(store);
    let root = count(&raw_ro(&path), "SELECT rootpage FROM sqlite_master WHERE name = 'patients'", []) as u64;
    let bytes = std::fs::read(&path).unwrap();
    let page = u64::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.seek(SeekFrom::Start((root - 1) * page + 8)).unwrap();
    let garbage: Vec<u8> = (0..page as u32 - 8).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    file.write_all(&garbage).unwrap();
    file.sync_all().unwrap();
    drop(file);
    let before = snapshot(dir.path());

    let out = periop(dir.path(), &["settings", "set", "fast.clear_h", "3", "--db", path.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "a damaged file took a save: {}", text(&out.stdout));
    assert!(stderr.contains(path.to_str().unwrap()), "{stderr}");
    assert!(stderr.contains("damaged") && stderr.contains("restore the latest backup"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "the message is not one line: {stderr:?}");
    let after = snapshot(dir.path());
    assert!(before["ward.db"].bytes == after["ward.db"].bytes, "ward.db was written");
    assert!(
        after.get("ward.db-wal").is_none_or(|e| e.bytes.as_ref().is_none_or(|b| b.is_empty())),
        "a save reached the WAL"
    );
}

/// Runs `periop ARGS` through `sh -c SCRIPT` (to set a limit first) and
/// returns its output.
fn periop_under(dir: &Path, script: &str, args: &[&str]) -> Output {
    let line = format!("{script}; exec \"$0\" \"$@\"");
    Command::new("sh")
        .arg("-c")
        .arg(line)
        .arg(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("PERIOP_DB")
        .env("PERIOP_NOW", "2026-11-22T09:30")
        .env("PERIOP_LOG", dir.join("periop.log"))
        .stdin(Stdio::null())
        .output()
        .expect("run periop under sh")
}

/// Issue 12, item 4: `demo` killed part-way (SIGKILL, as a crash) leaves
/// nothing at the target, so `init` can then make the file (before: a
/// half-built file stayed, opened as another application's database or a
/// healthy empty ward, and `init` refused it as existing).
#[test]
fn a_demo_killed_part_way_leaves_nothing_at_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    let db = path.to_str().unwrap();
    let mut child = Command::new(BIN)
        .args(["demo", "--years", "20", "--db", db])
        .current_dir(dir.path())
        .env("PERIOP_NOW", "2026-11-22T09:30")
        .env("PERIOP_LOG", dir.path().join("periop.log"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait (bounded) for the history to be under way: a progress line.
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stderr, &mut line).unwrap();
    assert!(line.contains("building"), "no progress line: {line:?}");
    child.kill().unwrap();
    child.wait().unwrap();

    assert!(std::fs::symlink_metadata(&path).is_err(), "a half-built demo was left at {db}");
    let out = periop(dir.path(), &["init", "--db", db]);
    assert!(out.status.success(), "init after a crash: {}", text(&out.stderr));
    assert!(raw_ro(&path).query_row("SELECT count(*) FROM staff", [], |r| r.get::<_, i64>(0)).unwrap() == 1);
}

/// Issue 12, item 4: a full disk (here a file-size limit, which SQLite meets
/// the same way) while making a demo leaves nothing at the target and says
/// what happened and what to do, naming the path.
#[test]
fn a_full_disk_during_demo_names_the_path_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    let db = path.to_str().unwrap();
    // 400 blocks of 512 bytes: enough to start, not for a year of history.
    let out = periop_under(dir.path(), "trap '' XFSZ; ulimit -f 400", &["demo", "--years", "1", "--db", db]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "the demo fitted in 200 KB: {stderr}");
    let last = stderr.lines().last().unwrap_or_default();
    assert!(last.contains(db) && last.contains("disk is full"), "{stderr}");
    assert!(std::fs::symlink_metadata(&path).is_err(), "a half-built demo was left at {db}");
    let left: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(left.iter().all(|n| n == "periop.log"), "files left behind: {left:?}");
}

/// Issue 12, item 2: a damaged page the board has to read is said like the
/// other bad files (path, cause, restore the backup), not as a bare
/// "database disk image is malformed".
#[test]
fn a_damaged_page_the_board_reads_is_named_like_other_bad_files() {
    use std::io::{Seek, SeekFrom, Write};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    let out = periop(dir.path(), &["demo", "--db", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let root = count(&raw_ro(&path), "SELECT rootpage FROM sqlite_master WHERE name = 'admissions'", []) as u64;
    let bytes = std::fs::read(&path).unwrap();
    let page = u64::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.seek(SeekFrom::Start((root - 1) * page)).unwrap();
    file.write_all(&vec![0xA5; page as usize]).unwrap();
    file.sync_all().unwrap();
    drop(file);

    let out = periop(dir.path(), &["board", "--db", path.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "the board read a damaged page: {}", text(&out.stdout));
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(stderr.contains(path.to_str().unwrap()) && stderr.contains("restore the latest backup"), "{stderr}");
}

/// Found in use (#12): a day or an instant edited into something unreadable
/// stopped `periop check` and the board with a bare conversion error. The
/// board now says what is wrong and what to do; check lists each row (a
/// patient's own value not shown) and judges the rules once they read.
#[test]
fn unreadable_days_and_instants_are_listed_by_check_and_said_by_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let (path, patient_id, id) = one_stay(dir.path());
    let raw = raw_rw(&path);
    raw.execute_batch("PRAGMA ignore_check_constraints = ON").unwrap();
    raw.execute(
        "UPDATE admissions SET planned_discharge_on = '2026-11-2x', admitted_at = 'yesterday' WHERE id = ?1",
        [id],
    )
    .unwrap();
    raw.execute("UPDATE patients SET birth_date = '1970-02-30' WHERE id = ?1", [patient_id]).unwrap();
    drop(raw);

    let db = path.to_str().unwrap();
    let out = periop(dir.path(), &["board", "--db", db, "--date", "2026-11-22"]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("is not readable") && stderr.contains("run `periop check`"), "{stderr}");
    assert!(!stderr.contains("Conversion error") && !stderr.contains("1970"), "{stderr}");

    let out = periop(dir.path(), &["check", "--db", db]);
    let stdout = text(&out.stdout);
    assert!(!out.status.success(), "check called the file healthy:\n{stdout}");
    for place in [
        format!("admission #{id}, column planned_discharge_on: \"2026-11-2x\""),
        format!("admission #{id}, column admitted_at: \"yesterday\""),
        format!("patient #{patient_id}, column birth_date: (a patient's value, not shown)"),
    ] {
        assert!(stdout.contains(&place), "check does not list {place:?}:\n{stdout}");
    }
    assert!(stdout.contains("rules:        not judged"), "{stdout}");
    assert!(!stdout.contains("1970"), "check shows a patient's value (R-PRIV-1):\n{stdout}");
}

/// Found in use (#12): a setting stored behind periop's back out of its range
/// (`fast.solids_h 1e308`) was silently replaced by its default: `periop
/// settings` showed 6 h and `check` called the file healthy. Both now say
/// the stored value is refused and how to set it again.
#[test]
fn a_stored_setting_out_of_range_is_named_by_settings_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    raw_rw(&path).execute("INSERT INTO settings (key, value) VALUES ('fast.solids_h', '99999')", []).unwrap();
    let db = path.to_str().unwrap();

    let out = periop(dir.path(), &["settings", "--db", db]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.contains("REFUSED stored value: fast.solids_h must be from") && stdout.contains("\"99999\""),
        "{stdout}"
    );

    // Found in use (#12): the board then used the default unannounced.
    let out = periop(dir.path(), &["board", "--db", db]);
    assert!(text(&out.stderr).contains("warning: fast.solids_h must be from"), "{}", text(&out.stderr));

    let out = periop(dir.path(), &["check", "--db", db]);
    let stdout = text(&out.stdout);
    assert!(!out.status.success(), "check called the file healthy:\n{stdout}");
    assert!(stdout.contains("settings:     1 stored values refused"), "{stdout}");
    assert!(stdout.contains("fast.solids_h must be from"), "{stdout}");
}

/// Found in use (#12): a surname written as bytes that are not UTF-8 stopped
/// the board with a bare "invalid utf-8 sequence" and `check` said the values
/// were ok. The board says what to do; `check` names the row and column.
#[test]
fn text_that_is_not_utf8_is_said_by_the_board_and_listed_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let (path, patient_id, _) = one_stay(dir.path());
    raw_rw(&path).execute("UPDATE patients SET surname = CAST(x'4dff52' AS TEXT) WHERE id = ?1", [patient_id]).unwrap();

    let db = path.to_str().unwrap();
    let out = periop(dir.path(), &["board", "--db", db, "--date", "2026-11-22"]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("a stored text is not readable") && stderr.contains("run `periop check`"), "{stderr}");

    let out = periop(dir.path(), &["check", "--db", db]);
    let stdout = text(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    let place = format!("patient #{patient_id}, column surname: (a patient's value, not shown)");
    assert!(stdout.contains(&place), "check does not list {place:?}:\n{stdout}");
}

/// Issue 12, the search indexes: an untouched demo's indexes match its
/// records (no finding); a patient deleted from `patient_search` behind
/// periop's back is named by `check` (exit 1) with the command that mends
/// it; `periop reindex` (admin, progress on stderr) mends it.
#[test]
fn check_compares_the_search_indexes_with_the_records_and_reindex_mends_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db_arg = db.to_str().unwrap();
    let out = periop(dir.path(), &["demo", "--db", db_arg]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = periop(dir.path(), &["check", "--db", db_arg]);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("search:       ok (each index matches the records)"), "{said}");

    raw_rw(&db).execute("DELETE FROM patient_search WHERE rowid = 2", []).unwrap();
    let out = periop(dir.path(), &["check", "--db", db_arg]);
    let said = text(&out.stdout);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("  patient_search: patient #2 not in it"), "{said}");
    assert!(said.contains("verdict:      SEARCH INDEXES") && said.contains("`periop reindex`"), "{said}");

    let out = periop(dir.path(), &["reindex", "--db", db_arg]);
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stderr).contains("indexing: 100%"), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("rebuilt the search indexes of"), "{}", text(&out.stdout));
    let out = periop(dir.path(), &["check", "--db", db_arg]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("verdict:      healthy"), "{}", text(&out.stdout));
}
