//! Opening and creating database files (DESIGN.md, "The store").
//!
//! Every file that is not a healthy periop database of a version we know is
//! refused with a one-line message naming the path, the cause and the next
//! step, and nothing is created or changed: no `-wal` or `-shm` appears, the
//! bytes, mode and modification time stay as they were.

mod store_common;

use nix::sys::stat::{Mode, umask};
use nix::unistd::geteuid;
use periop::store::file_check::{APPLICATION_ID, Holds};
use periop::store::watch::Watcher;
use periop::store::{Account, Store, StoreError, check, patients, schema};
use std::io::{Seek, SeekFrom, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;
use store_common::*;

/// Opens `path` as a nurse, expecting a refusal; checks the message and that
/// the folder is as it was. The change watcher must refuse the file alike.
fn refused(dir: &Path, path: &Path, hint: &str) -> StoreError {
    let before = snapshot(dir);
    let err = open_error(path, &nurse());
    assert_message(&err, path, hint);
    assert_untouched(dir, &before);
    match Watcher::open(path) {
        Ok(_) => panic!("the watcher opened {}", path.display()),
        Err(watch_err) => assert_eq!(watch_err.to_string(), err.to_string()),
    }
    assert_untouched(dir, &before);
    err
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Overwrites `len` bytes of `path` from `offset` with a fixed garbage pattern.
fn scribble(path: &Path, offset: u64, len: usize) {
    let mut file = std::fs::OpenOptions::new().write(true).open(path).expect("open for damage");
    file.seek(SeekFrom::Start(offset)).unwrap();
    let garbage: Vec<u8> = (0..len as u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    file.write_all(&garbage).unwrap();
    file.sync_all().unwrap();
}

fn page_size(path: &Path) -> u64 {
    let bytes = std::fs::read(path).unwrap();
    u64::from(u16::from_be_bytes([bytes[16], bytes[17]]))
}

#[test]
fn a_missing_path_is_refused_with_a_hint_to_init_and_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    let err = refused(dir.path(), &path, "periop init");
    assert!(matches!(&err, StoreError::Missing(p) if p == &path), "{err:?}");
    assert!(!path.exists());
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward");
    std::fs::create_dir(&path).unwrap();
    let err = refused(dir.path(), &path, "pass the database file");
    assert!(matches!(&err, StoreError::NotAFile(p) if p == &path), "{err:?}");
    assert!(std::fs::read_dir(&path).unwrap().next().is_none(), "something was created inside the directory");
}

#[test]
fn a_text_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "Bed 3: Mrs Example, fasting since 22:00\nBed 4: free\n").unwrap();
    let err = refused(dir.path(), &path, "check the path");
    assert!(matches!(&err, StoreError::NotSqlite { what: Holds::Text, .. }), "{err:?}");
}

#[test]
fn random_bytes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("noise.db");
    // xorshift64: the same "random" bytes on every run.
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let bytes: Vec<u8> = (0..8192)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    std::fs::write(&path, bytes).unwrap();
    let err = refused(dir.path(), &path, "check the path");
    assert!(matches!(&err, StoreError::NotSqlite { what: Holds::UnknownBytes, .. }), "{err:?}");
}

#[test]
fn an_empty_file_is_refused_not_made_into_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.db");
    std::fs::File::create(&path).unwrap();
    let err = refused(dir.path(), &path, "periop init");
    assert!(matches!(&err, StoreError::Empty(p) if p == &path), "{err:?}");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
}

#[test]
fn an_sqlite_database_of_another_application_is_refused() {
    // application_id 0 is what any SQLite database has unless its program sets one.
    for id in [0_u32, 0x4C55_4D41] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.sqlite");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch(
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');",
            )
            .unwrap();
            conn.pragma_update(None, "application_id", i64::from(id)).unwrap();
        }
        let err = refused(dir.path(), &path, "check the path");
        assert!(matches!(err, StoreError::ForeignApplication { found, .. } if found == id), "{err:?}");
    }
}

#[test]
fn a_header_cut_short_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..60]).unwrap();
    let err = refused(dir.path(), &path, "restore the latest backup");
    assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}");
}

#[test]
fn a_damaged_schema_page_is_reported_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    // Page 1 holds the 100-byte file header (left intact, so the file still
    // looks like ours) and then the schema table's b-tree page: garbage there
    // breaks the schema that every open reads.
    scribble(&path, 100, (page_size(&path) - 100) as usize);
    let err = refused(dir.path(), &path, "restore the latest backup and run `periop check`");
    assert!(matches!(&err, StoreError::Damaged { path: p, .. } if p == &path), "{err:?}");
}

/// Bug: a damaged page found while `Store::open_as` reads the settings or the
/// staff table (after `open_checked`) comes back as `StoreError::Sqlite`
/// ("database error: database disk image is malformed"): no path, no next step.
#[test]
fn a_damaged_settings_or_staff_table_is_reported_as_damaged() {
    for table in ["settings", "staff"] {
        let dir = tempfile::tempdir().unwrap();
        let path = new_db(dir.path());
        let root: u32 = raw_rw(&path)
            .query_row("SELECT rootpage FROM sqlite_master WHERE name = ?1", [table], |r| r.get(0))
            .unwrap();
        let root = u64::from(root);
        let size = page_size(&path);
        scribble(&path, (root - 1) * size, size as usize);
        let before = snapshot(dir.path());
        assert_eq!(before.keys().collect::<Vec<_>>(), ["ward.db"]);
        let err = open_error(&path, &nurse());
        assert!(matches!(err, StoreError::Damaged { .. }), "{table}'s page damaged, got {err:?}");
        assert_message(&err, &path, "restore the latest backup");
        assert_untouched(dir.path(), &before);
    }
}

/// Found in use (#12): an older file, damaged where the open does not look
/// (a patients page), was upgraded on open: the upgrade wrote into it. The
/// whole file is now checked before an upgrade writes, and left untouched.
#[test]
fn an_older_damaged_file_is_refused_before_its_upgrade_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut store = Store::open_as(&path, &admin()).unwrap();
    for n in 1..=40 {
        add_patient(&mut store, n);
    }
    drop(store);
    let raw = raw_rw(&path);
    raw.pragma_update(None, "user_version", schema::VERSION - 1).unwrap();
    let root: u32 =
        raw.query_row("SELECT rootpage FROM sqlite_master WHERE name = 'patients'", [], |r| r.get(0)).unwrap();
    drop(raw);
    let size = page_size(&path);
    scribble(&path, (u64::from(root) - 1) * size + 8, 64);
    let before = snapshot(dir.path());
    let err = open_error(&path, &nurse());
    assert!(matches!(err, StoreError::Damaged { .. }), "got {err:?}");
    assert_message(&err, &path, "restore the latest backup");
    assert_untouched(dir.path(), &before);
}

#[test]
fn a_periop_file_missing_a_table_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    raw_rw(&path).execute_batch("DROP TABLE cases;").unwrap();
    let err = refused(dir.path(), &path, "restore the latest backup");
    assert!(matches!(&err, StoreError::Damaged { detail, .. } if detail.contains("cases")), "{err:?}");
}

#[test]
fn a_database_from_a_newer_periop_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    raw_rw(&path).pragma_update(None, "user_version", 99).unwrap();
    let err = refused(dir.path(), &path, "upgrade periop");
    assert!(matches!(err, StoreError::TooNew { found: 99, known: schema::VERSION, .. }), "{err:?}");
}

// ---- Files and folders the user cannot write -------------------------------

const OPEN_CHILD_ENV: &str = "PERIOP_TEST_OPEN_ATTEMPT_DB";

/// Helper run by the read-only tests in a child process as another account
/// (root may write everywhere, so those tests drop to `nobody` when run as root).
#[test]
#[ignore = "helper: run by the read-only tests in a child process"]
fn child_open_attempt() {
    let Ok(path) = std::env::var(OPEN_CHILD_ENV) else {
        return;
    };
    match Store::open_as(Path::new(&path), &nurse()) {
        Ok(_) => println!("OUTCOME opened"),
        Err(e) => println!("OUTCOME {e:?}\nMESSAGE {e}"),
    }
}

/// Tries to open `path` as a user without root's powers: this process if it
/// is not root, else a child process running as `nobody`. Returns the
/// refusal's `Debug` and `Display` texts, or `None` if that cannot be arranged.
fn open_without_root(path: &Path) -> Option<(String, String)> {
    if !geteuid().is_root() {
        return Some(match Store::open_as(path, &nurse()) {
            Ok(_) => ("opened".into(), String::new()),
            Err(e) => (format!("{e:?}"), e.to_string()),
        });
    }
    let nobody = nix::unistd::User::from_name("nobody").ok().flatten();
    let (uid, gid) = nobody.map_or((65534, 65534), |u| (u.uid.as_raw(), u.gid.as_raw()));
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["child_open_attempt", "--exact", "--ignored", "--nocapture"])
        .env(OPEN_CHILD_ENV, path)
        .current_dir("/")
        .uid(uid)
        .gid(gid)
        .output();
    let output = match output {
        Ok(output) => output,
        Err(e) => {
            eprintln!("SKIPPED the permission assertion: running as root, and cannot run a child as nobody ({e})");
            return None;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "the child failed: {stdout}\n{}", String::from_utf8_lossy(&output.stderr));
    // libtest may print "test child_open_attempt ... " on the same line first.
    let line = |tag: &str| stdout.lines().find_map(|l| l.split_once(tag)).map(|(_, rest)| rest.to_string());
    let line = |tag: &str| line(tag).unwrap_or_else(|| panic!("no {tag:?} in the child's output: {stdout}"));
    Some((line("OUTCOME "), line("MESSAGE ")))
}

#[test]
fn a_file_you_cannot_write_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    set_mode(dir.path(), 0o755);
    let path = new_db(dir.path());
    // 0444 rather than the 0440: the same for the file's owner, and it
    // lets `nobody` read the header, so the refusal is about writing.
    set_mode(&path, 0o444);
    let before = snapshot(dir.path());
    if let Some((outcome, message)) = open_without_root(&path) {
        assert!(outcome.starts_with("ReadOnly"), "{outcome}");
        assert!(message.contains("you cannot write to it"), "{message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains("give your account write access"), "{message}");
        assert!(!message.contains('\n'));
    }
    assert_untouched(dir.path(), &before);
}

#[test]
fn a_file_in_a_folder_you_cannot_write_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    // The file is writable, but WAL needs its -wal and -shm files beside it.
    set_mode(&path, 0o666);
    set_mode(dir.path(), 0o555);
    let before = snapshot(dir.path());
    let outcome = open_without_root(&path);
    set_mode(dir.path(), 0o755);
    if let Some((outcome, message)) = outcome {
        assert!(outcome.starts_with("ReadOnly"), "{outcome}");
        assert!(message.contains("cannot create its journal files"), "{message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
    }
    assert_untouched(dir.path(), &before);
}

// ---- Creating a database ---------------------------------------------------

#[test]
fn init_creates_a_0660_file_whatever_the_umask_and_registers_the_account_as_admin() {
    for mask in [0o022, 0o077] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ward.db");
        let old = umask(Mode::from_bits_truncate(mask));
        let made = Store::init(&path, &admin(), at());
        umask(old);
        let store = made.unwrap_or_else(|e| panic!("init: {e}"));
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o660, "mode {mode:o} with umask {mask:o}");

        let actor = store.actor().clone();
        assert_eq!(actor.account, "admin1");
        assert_eq!(actor.display_name, "Ada Admin");
        assert_eq!(actor.role, "admin");
        drop(store);

        let conn = raw_ro(&path);
        let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        let journal: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        assert_eq!(app_id, i64::from(APPLICATION_ID));
        assert_eq!(version, schema::VERSION);
        assert_eq!(journal, "wal");
        let (id, role): (i64, String) = conn
            .query_row("SELECT id, role FROM staff WHERE account = 'admin1'", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!((id, role.as_str()), (actor.staff_id, "admin"));
        // The registration is audited, with the new staff member as its actor.
        let by: i64 = conn
            .query_row("SELECT actor_id FROM audit WHERE table_name = 'staff' AND row_id = ?1", [id], |r| r.get(0))
            .unwrap();
        assert_eq!(by, id);
    }
}

#[test]
fn init_refuses_an_existing_path_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database\n").unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::File::create(&empty).unwrap();
    for path in [&db, &text, &empty, &dir.path().to_path_buf()] {
        let before = snapshot(dir.path());
        let err = match Store::init(path, &nurse(), at()) {
            Ok(_) => panic!("init overwrote {}", path.display()),
            Err(e) => e,
        };
        assert!(matches!(&err, StoreError::AlreadyExists(p) if p == path), "{err:?}");
        assert_message(&err, path, "pick another path");
        assert_untouched(dir.path(), &before);
    }
    // The database still opens, and its admin is still the first account.
    let store = Store::open_as(&db, &admin()).unwrap();
    assert_eq!(store.actor().role, "admin");
}

#[test]
fn a_new_account_is_registered_once_at_its_first_save_as_unassigned_staff() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    // Opening only reads: the account is shown as unassigned, not yet stored.
    let mut store = Store::open_as(&path, &nurse()).unwrap();
    let shown = store.actor().clone();
    assert_eq!((shown.account.as_str(), shown.display_name.as_str()), ("nurse1", "Nurse One"));
    assert_eq!(shown.role, "unassigned");
    assert_eq!(count(&raw_ro(&path), "SELECT count(*) FROM staff WHERE account = 'nurse1'", []), 0);
    // R-ROLE-1: its first save is refused (unassigned only reads), naming the
    // roles that may; the account is registered all the same, for an admin.
    let err = store.write(at(), |tx| patients::register(tx, &patient(1))).unwrap_err();
    assert!(matches!(err, StoreError::NotAllowed { .. }), "{err:?}");
    assert!(err.to_string().contains("your role is unassigned"), "{err}");
    assert!(err.to_string().contains("needs the role nurse, scheduler, anaesthetist, doctor or admin"), "{err}");
    let first = store.actor().clone();
    assert_eq!((first.display_name.as_str(), first.role.as_str()), ("Nurse One", "unassigned"));
    assert!(first.staff_id > 0);
    assert!(store.write(at(), |tx| patients::register(tx, &patient(2))).is_err());
    drop(store);
    let conn = raw_ro(&path);
    assert_eq!(count(&conn, "SELECT count(*) FROM patients", []), 0);
    assert_eq!(count(&conn, "SELECT count(*) FROM staff WHERE account = 'nurse1'", []), 1);
    drop(conn);

    // The admin makes it a nurse: its next saves go through, as its own row.
    give_role(&path, &nurse(), periop::domain::roles::Role::Nurse);
    let mut again = Store::open_as(&path, &nurse()).unwrap();
    assert_eq!((again.actor().staff_id, again.actor().role.as_str()), (first.staff_id, "nurse"));
    add_patient(&mut again, 3);
    // Without a full name, the account name is the display name.
    let bare = Store::open_as(&path, &Account { name: "agent7".into(), full_name: None }).unwrap().actor().clone();
    assert_eq!(bare.display_name, "agent7");

    let conn = raw_ro(&path);
    assert_eq!(count(&conn, "SELECT count(*) FROM staff WHERE account = 'nurse1'", []), 1);
    assert_eq!(audit_rows_of(&conn, "staff", first.staff_id), 2, "registered, then given a role");
    let by: i64 = conn
        .query_row(
            "SELECT actor_id FROM audit WHERE table_name = 'staff' AND row_id = ?1 ORDER BY id LIMIT 1",
            [first.staff_id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(by, first.staff_id);
    // Every patient was saved by the nurse's staff row.
    let others =
        count(&conn, "SELECT count(*) FROM audit WHERE table_name = 'patients' AND actor_id != ?1", [first.staff_id]);
    assert_eq!(others, 0);
}

#[test]
fn a_fresh_database_passes_the_full_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let report = check::full(&door_ro(&path)).unwrap();
    assert!(report.is_healthy(), "{report:?}");
    assert_eq!(report.integrity, ["ok"]);
    assert_eq!(report.foreign_key_problems, 0);
    assert_eq!(report.schema_version, schema::VERSION);
    // The admin's registration and the seeded procedure kinds.
    let conn = raw_ro(&path);
    assert_eq!(
        report.audit_rows,
        count(&conn, "SELECT count(*) FROM staff", []) + count(&conn, "SELECT count(*) FROM procedure_kinds", [])
    );
}

#[test]
fn a_good_database_opens_and_closes_without_leaving_journal_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut store = open_as_staff(&path, &nurse());
    add_patient(&mut store, 1);
    drop(store);
    let names: Vec<String> = snapshot(dir.path()).into_keys().collect();
    assert_eq!(names, ["ward.db"]);
}

/// Found in use (#12): `periop check` run by another account left `-wal`
/// and `-shm` in that account's group, and the ward's other accounts then
/// failed to save with "readonly database". An open (a check's too) now
/// hands the side files it made to the database's group and mode, and
/// `check` names those another account made that still differ.
#[test]
fn side_files_are_shared_with_the_database_group_or_named_by_check() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let open = Store::open_as(&path, &nurse()).expect("open");
    let shm = dir.path().join("ward.db-shm");
    assert!(shm.exists(), "an open WAL database has its -shm");
    let database = std::fs::metadata(&path).unwrap();
    let other = nix::unistd::Gid::from_raw(54_321);

    set_mode(&shm, 0o600);
    if geteuid().is_root() {
        nix::unistd::chown(&shm, None, Some(other)).expect("chgrp as root");
    }
    let report = check::check_file(&path, at()).expect("check");
    assert!(report.side_files.is_empty(), "{:?}", report.side_files);
    assert!(report.is_healthy());
    let shared = std::fs::metadata(&shm).unwrap();
    assert_eq!(shared.mode() & 0o777, database.mode() & 0o777);
    assert_eq!(shared.gid(), database.gid());

    // Made by another account: not ours to change, so named.
    if geteuid().is_root() {
        nix::unistd::chown(&shm, Some(nix::unistd::Uid::from_raw(54_321)), Some(other)).expect("chown as root");
        let report = check::check_file(&path, at()).expect("check");
        assert!(!report.is_healthy());
        assert_eq!(report.side_files.len(), 1, "{:?}", report.side_files);
        assert!(report.side_files[0].contains("ward.db-shm: group 54321"), "{:?}", report.side_files);
    }
    drop(open);
}

/// Found in use (#12): Ctrl-C during `demo` left `.NAME.partial-PID-N`
/// files that piled up run after run. The next build beside the same path
/// removes those of processes no longer running, and leaves a running one's.
#[test]
fn half_built_files_of_a_process_gone_are_removed_by_the_next_build() {
    let dir = tempfile::tempdir().unwrap();
    let abandoned = dir.path().join(".ward.db.partial-999999999-0");
    let abandoned_wal = dir.path().join(".ward.db.partial-999999999-0-wal");
    let running = dir.path().join(format!(".ward.db.partial-{}-77", std::process::id()));
    for f in [&abandoned, &abandoned_wal, &running] {
        std::fs::write(f, b"half").unwrap();
    }
    new_db(dir.path());
    assert!(!abandoned.exists() && !abandoned_wal.exists(), "a gone process's partial files stay");
    assert!(running.exists(), "a running process's partial file was removed");
}
