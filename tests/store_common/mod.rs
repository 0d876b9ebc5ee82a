//! Helpers shared by the store's integration tests (`tests/store_*.rs`):
//! accounts to play members of staff, a fixed clock, fresh databases, raw
//! connections for checking the file behind the store's back, and a snapshot
//! of a folder to prove that a refused open created and changed nothing.
//!
//! A test made with [`new_ward`] runs on either engine: a file, or with
//! `PERIOP_TEST_ENGINE=postgres` a throwaway PostgreSQL database
//! (`engine_support`); `new_db` always makes a file, for what only a file has.
#![allow(dead_code)] // each test binary uses its own subset

#[path = "../engine_support/mod.rs"]
mod engine_support;
#[cfg(feature = "postgres")]
#[path = "../pg_support/mod.rs"]
pub mod pg_support;

#[allow(unused_imports)] // each test binary uses its own subset
pub use engine_support::{file_only, on_postgres};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use periop::domain::roles::Role;
use periop::store::patients::{self, NewPatient};
use periop::store::staff;
use periop::store::{Account, Accounts, Location, Store, StoreError, check};
use rusqlite::{Connection, OpenFlags};
use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A fixed instant: 22 November 2026, 07:30 UTC (08:30 on the ward, Europe/Paris).
pub fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 7, 30, 0).unwrap()
}

/// `at()` plus `minutes`.
pub fn at_plus(minutes: i64) -> DateTime<Utc> {
    at() + chrono::Duration::minutes(minutes)
}

pub fn account(name: &str, full_name: Option<&str>) -> Account {
    Account { name: name.into(), full_name: full_name.map(String::from) }
}

pub fn admin() -> Account {
    account("admin1", Some("Ada Admin"))
}

pub fn nurse() -> Account {
    account("nurse1", Some("Nurse One"))
}

pub fn alice() -> Account {
    account("alice", Some("Alice Martin"))
}

pub fn bob() -> Account {
    account("bob", Some("Bob Durand"))
}

/// The operating-system accounts the tests play (R-ROLE-1: a role that
/// changes things goes only to an account the machine has): these, and
/// `as_ROLE` for every role. Any other name is an account no machine has.
pub fn players() -> Accounts {
    Accounts::only(PLAYERS)
}

const PLAYERS: &[&str] = &[
    "admin1",
    "nurse1",
    "nurse2",
    "alice",
    "bob",
    "bruno",
    "as_nurse",
    "as_scheduler",
    "as_anaesthetist",
    "as_doctor",
    "as_pharmacist",
    "as_admin",
    "as_read_only",
    "as_unassigned",
];

/// Where a test's database is: a path, a [`Location`] or a [`Ward`].
pub trait Db {
    fn location(&self) -> Location;
}

impl Db for Path {
    fn location(&self) -> Location {
        Location::from(self)
    }
}

impl Db for PathBuf {
    fn location(&self) -> Location {
        Location::from(self.as_path())
    }
}

impl Db for Location {
    fn location(&self) -> Location {
        self.clone()
    }
}

impl Db for Ward {
    fn location(&self) -> Location {
        self.location.clone()
    }
}

/// A test's ward on this run's engine (`engine_support`): a file in the
/// test's folder, or a throwaway PostgreSQL database dropped with this.
pub struct Ward {
    pub location: Location,
    #[cfg(feature = "postgres")]
    _server: Option<pg_support::TempDb>,
}

impl Ward {
    /// The file. Panics on a PostgreSQL run: a test that steps behind the
    /// store's back with SQLite's own means asks [`file_only`] first.
    pub fn path(&self) -> &Path {
        self.location.file().unwrap_or_else(|| panic!("a file's only step on a PostgreSQL run: ask file_only()"))
    }

    /// A read connection behind the store's back ([`door`]).
    pub fn door(&self) -> periop::store::db::Connection {
        door(self)
    }

    /// The throwaway database on a PostgreSQL run (a raw client behind the
    /// store's back: `ward.server().unwrap().client()`); `None` for a file.
    #[cfg(feature = "postgres")]
    pub fn server(&self) -> Option<&pg_support::TempDb> {
        self._server.as_ref()
    }

    /// How a child process is told where it is ([`location_text`]).
    pub fn text(&self) -> std::ffi::OsString {
        location_text(&self.location)
    }
}

/// A new ward made by `Store::init_at` as `admin()` at `at()`, on this
/// run's engine: `dir/ward.db` (as [`new_db`]) or a throwaway database on
/// the PostgreSQL test server.
pub fn new_ward(dir: &Path) -> Ward {
    if !on_postgres() {
        return Ward {
            location: Location::from(new_db(dir).as_path()),
            #[cfg(feature = "postgres")]
            _server: None,
        };
    }
    #[cfg(feature = "postgres")]
    {
        let db = pg_ward().unwrap_or_else(|| panic!("PERIOP_TEST_ENGINE=postgres needs PERIOP_TEST_PG"));
        Ward { location: db.location.clone(), _server: Some(db) }
    }
    #[cfg(not(feature = "postgres"))]
    unreachable!("on_postgres() refuses a build without the feature")
}

/// The ward in `file` (a demo `periop demo` built, closed) on this run's
/// engine: the file itself, or on a PostgreSQL run a throwaway database
/// `store::migrate` copied it into, the file removed so nothing reads it
/// by mistake (as e2e_support's `Ward::demo`).
pub fn on_this_engine(file: &Path) -> Ward {
    if !on_postgres() {
        return Ward {
            location: Location::from(file),
            #[cfg(feature = "postgres")]
            _server: None,
        };
    }
    #[cfg(feature = "postgres")]
    {
        let db = pg_support::TempDb::new().expect("PERIOP_TEST_ENGINE=postgres needs PERIOP_TEST_PG");
        periop::store::migrate::migrate(file, &db.location, &mut |_, _| {}).expect("copy the ward to the server");
        std::fs::remove_file(file).expect("remove the copied file");
        Ward { location: db.location.clone(), _server: Some(db) }
    }
    #[cfg(not(feature = "postgres"))]
    unreachable!("on_postgres() refuses a build without the feature")
}

/// A read-write connection behind the store's back, on either engine, for
/// rows the program would never store (for `periop check` to find): the
/// file read-write, or the server through the store's door.
pub fn door_rw(ward: &Ward) -> periop::store::db::Connection {
    match ward.location.file() {
        Some(path) => periop::store::db::Connection::from_sqlite(raw_rw(path)),
        None => ward.door(),
    }
}

/// A new ward on the PostgreSQL test server: a [`pg_support::TempDb`] with
/// the periop schema, made by `Store::init_at` as `admin()` at `at()`.
/// `None` (the test returns) when there is no test server; fails instead
/// under `PERIOP_REQUIRE_PG=1`.
#[cfg(feature = "postgres")]
pub fn pg_ward() -> Option<pg_support::TempDb> {
    let db = pg_support::TempDb::new()?;
    let store = Store::init_at(&db.location, &admin(), at()).unwrap_or_else(|e| panic!("init {}: {e}", db.name));
    drop(store);
    Some(db)
}

/// `Store::connect` as `account`, knowing the accounts the tests play ([`players`]).
pub fn open_playing<D: Db + ?Sized>(db: &D, account: &Account) -> Store {
    connect_playing(&db.location(), account)
}

/// `Store::connect` (a file or a PostgreSQL database), knowing the
/// accounts the tests play ([`players`]).
pub fn connect_playing(location: &Location, account: &Account) -> Store {
    let mut store = Store::connect(location, account).unwrap_or_else(|e| panic!("open {location:?}: {e}"));
    store.set_accounts(players());
    store
}

/// How a parent tells a child process where the database is: the path, or
/// the PostgreSQL connection string ([`Location::parse`] reads it back).
pub fn location_text(location: &Location) -> std::ffi::OsString {
    match location {
        Location::File(path) => path.clone().into_os_string(),
        Location::Postgres(url) => url.into(),
    }
}

/// A read connection through the store's own door, on either engine, for
/// checks behind the store's back (the door rewrites `?N` for PostgreSQL).
pub fn door<D: Db + ?Sized>(db: &D) -> periop::store::db::Connection {
    let location = db.location();
    match &location {
        Location::File(path) => door_ro(path),
        #[cfg(feature = "postgres")]
        Location::Postgres(url) => periop::store::db::Connection::open_postgres(url)
            .unwrap_or_else(|e| panic!("connect to {}: {e}", location.shown())),
        #[cfg(not(feature = "postgres"))]
        Location::Postgres(_) => panic!("a PostgreSQL test in a build without the postgres feature"),
    }
}

/// `periop check`'s full check finds the database healthy (on
/// PostgreSQL: the audit chain, the rows against their audit images, the
/// triggers and the stored codes; the pages are the server's).
pub fn assert_healthy<D: Db + ?Sized>(db: &D) {
    let report = check::full(&door(db)).unwrap();
    assert!(report.is_healthy(), "{report:?}");
}

/// One column of an audit image (`after`, `before`) as a number: a number
/// stored as such, or as text (a setting's value), as SQLite's
/// `CAST(json_extract(after, '$.key') AS INTEGER)` read it.
pub fn image_number(image: &str, key: &str) -> i64 {
    let json: serde_json::Value = serde_json::from_str(image).unwrap_or_else(|e| panic!("{image}: {e}"));
    match &json[key] {
        serde_json::Value::Number(n) => n.as_i64().unwrap_or_else(|| panic!("{key} in {image}")),
        serde_json::Value::String(s) => s.parse().unwrap_or_else(|e| panic!("{key} in {image}: {e}")),
        other => panic!("{key} in {image}: {other}"),
    }
}

/// A new periop database `ward.db` in `dir`, made by `Store::init` as `admin()`
/// and closed again (so that only the main file is left on disk).
pub fn new_db(dir: &Path) -> PathBuf {
    let path = dir.join("ward.db");
    drop(Store::init(&path, &admin(), at()).expect("init a fresh database"));
    path
}

/// A read-only connection to check the file behind the store's back.
pub fn raw_ro(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .expect("open the file read-only")
}

/// A read-write connection that bypasses the store (to damage or age a file,
/// or to try what the store would never do).
pub fn raw_rw(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .expect("open the file read-write")
}

/// A read-only connection through the store's own door, for tests that call
/// the store's read functions directly.
pub fn door_ro(path: &Path) -> periop::store::db::Connection {
    periop::store::db::Connection::from_sqlite(raw_ro(path))
}

/// One number from `sql`, through a raw connection or the store's door.
pub fn count<C: Counts<P>, P>(conn: &C, sql: &str, params: P) -> i64 {
    conn.count(sql, params)
}

pub trait Counts<P> {
    fn count(&self, sql: &str, params: P) -> i64;
}

impl<P: rusqlite::Params> Counts<P> for Connection {
    fn count(&self, sql: &str, params: P) -> i64 {
        self.query_row(sql, params, |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

impl<P: periop::store::db::Params> Counts<P> for periop::store::db::Connection {
    fn count(&self, sql: &str, params: P) -> i64 {
        self.query_row(sql, params, |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

/// Audit rows of one table row.
pub fn audit_rows_of<C: for<'a> Counts<(&'a str, i64)>>(conn: &C, table: &str, row_id: i64) -> i64 {
    count(conn, "SELECT count(*) FROM audit WHERE table_name = ?1 AND row_id = ?2", (table, row_id))
}

pub fn audit_total(conn: &Connection) -> i64 {
    count(conn, "SELECT count(*) FROM audit", [])
}

pub fn patient(n: u32) -> NewPatient {
    NewPatient {
        surname: format!("Testpatient{n}"),
        first_name: "Camille".into(),
        birth_date: NaiveDate::from_ymd_opt(1960, 3, 14).unwrap(),
        sex: 'F',
        hospital_number: format!("H{n:06}"),
    }
}

/// Registers a patient through the write path; returns its id.
pub fn add_patient(store: &mut Store, n: u32) -> i64 {
    store.write(at(), |tx| patients::register(tx, &patient(n))).expect("register a patient")
}

/// R-ROLE-1: `admin()` (who made the file with `new_db`) gives `account`
/// `role`, adding it to the staff list if it is not there yet.
pub fn give_role<D: Db + ?Sized>(db: &D, account: &Account, role: Role) {
    let mut store = open_playing(db, &admin());
    // The test made the account it plays: the machine has it.
    store.set_accounts(Accounts::only(&[PLAYERS, &[account.name.as_str()]].concat()));
    store
        .write(at(), |tx| match staff::find(tx.conn(), &account.name)? {
            Some(row) => {
                let change = staff::StaffChange { role: Some(role), ..Default::default() };
                staff::set(tx, row.staff_id, row.version, &change).map(|_| ())
            }
            None => {
                let name = account.full_name.as_deref().unwrap_or(&account.name);
                staff::add(tx, Some(&account.name), name, role).map(|_| ())
            }
        })
        .expect("give a role");
}

/// Opens `path` as `account`, a nurse on the staff list (the admin gave the
/// role, R-ROLE-1); `admin()` stays admin.
pub fn open_as_staff<D: Db + ?Sized>(db: &D, account: &Account) -> Store {
    if account.name != admin().name {
        give_role(db, account, Role::Nurse);
    }
    let mut store = Store::connect(&db.location(), account).expect("open the database");
    store.write(at(), |_| Ok(())).expect("register the account");
    store
}

/// `Store` is not `Debug`, so `unwrap_err` cannot be used on its results.
pub fn open_error<D: Db + ?Sized>(db: &D, account: &Account) -> StoreError {
    let location = db.location();
    match Store::connect(&location, account) {
        Ok(_) => panic!("{} opened, but it should have been refused", location.shown()),
        Err(e) => e,
    }
}

/// One entry of a folder: its mode, its modification time and, for a file, its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub mode: u32,
    pub modified: SystemTime,
    pub bytes: Option<Vec<u8>>,
}

/// Every entry of `dir` (not recursive), by name.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Entry> {
    std::fs::read_dir(dir)
        .expect("list the folder")
        .map(|entry| {
            let entry = entry.expect("read a folder entry");
            let meta = std::fs::symlink_metadata(entry.path()).expect("stat a folder entry");
            let bytes = meta.is_file().then(|| std::fs::read(entry.path()).expect("read a file"));
            let entry_data = Entry { mode: meta.permissions().mode(), modified: meta.modified().unwrap(), bytes };
            (entry.file_name().to_string_lossy().into_owned(), entry_data)
        })
        .collect()
}

/// Asserts that `dir` holds exactly what it held in `before`, byte for byte.
pub fn assert_untouched(dir: &Path, before: &BTreeMap<String, Entry>) {
    let after = snapshot(dir);
    let names = |s: &BTreeMap<String, Entry>| s.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&after), names(before), "files were created or removed in {}", dir.display());
    for (name, old) in before {
        let new = &after[name];
        assert!(old.bytes == new.bytes, "{name} changed its contents");
        assert_eq!(old.mode, new.mode, "{name} changed its mode");
        assert_eq!(old.modified, new.modified, "{name} changed its modification time");
    }
}

/// The checks every refused file gets: the message is one line that names the
/// path and says what to do next (`hint`).
pub fn assert_message(err: &StoreError, path: &Path, hint: &str) {
    let text = err.to_string();
    assert!(!text.contains('\n'), "the message is not one line: {text:?}");
    assert!(text.contains(&path.display().to_string()), "the message does not name {}: {text}", path.display());
    assert!(text.contains(hint), "the message does not say {hint:?}: {text}");
}
