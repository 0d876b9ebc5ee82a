//! Everything SQLite. The store's public functions are the only door to the
//! data: screens and commands never see SQL.

pub mod actor;
pub mod admission_list;
pub mod admissions;
pub mod audit_log;
pub mod backup;
pub mod beds;
pub mod block;
pub mod block_day;
pub mod board;
pub mod call_off;
pub mod case_events;
pub mod cases;
pub mod chain;
pub mod check;
pub mod checks;
pub mod complications;
pub mod consultations;
pub mod db;
pub mod decode;
pub mod dialect;
pub mod discharge;
pub mod distraction;
pub mod distraction_sessions;
pub mod error;
pub mod file_check;
pub mod follow_up;
pub mod hexapod;
pub mod in_use;
pub mod intakes;
pub mod journey;
pub mod labs;
pub mod location;
pub mod migrate;
pub mod new_file;
pub mod ossification;
pub mod patients;
pub mod peek;
pub mod permission;
pub mod reference;
pub mod registration;
pub mod reindex;
pub mod room_occupation;
pub(crate) mod rows;
pub mod schema;
pub mod search;
pub mod search_check;
#[cfg(feature = "postgres")]
mod server;
#[cfg(feature = "postgres")]
mod server_triggers;
pub mod settings;
pub mod setup;
pub mod sidecars;
pub mod staff;
pub mod stay_order;
pub mod stock;
pub mod stock_moves;
pub mod table;
pub mod treatments;
pub mod void;
pub mod watch;
pub mod write;

pub use actor::{Account, Accounts, Actor};
pub use error::{Result, StoreError};
pub use location::Location;

use crate::domain::settings::Settings;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use db::Connection;
use rusqlite::OpenFlags;
use std::fs::{OpenOptions, Permissions};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use write::WriteTx;

/// A database file, opened and checked, with the actor who writes to it.
/// Stops the query a [`Store`] is running, from another thread (a newer
/// search supersedes it); the store's call then fails with an error for
/// which [`StoreError::is_interrupted`] is true. Does nothing when idle.
pub struct Interrupter(db::Interrupter);

impl Interrupter {
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

pub struct Store {
    conn: Connection,
    /// Where the database is; `path` is how messages name it.
    location: Location,
    path: PathBuf,
    /// The operating-system account; registered as staff at its first save.
    account: Account,
    actor: Actor,
    settings: Settings,
    /// Stored settings refused when read (their default is used instead).
    refused_settings: Vec<String>,
    /// SQLite's quick check passed in this process (or the file is new):
    /// the first write waits for it, so a damaged file takes no write.
    checked_whole: bool,
    /// Which operating-system accounts exist (R-ROLE-1).
    accounts: Accounts,
    /// Declared after `conn`, so it is dropped after the connection closes.
    /// A file's only: a server keeps its own.
    _guard: Option<file_check::OpenGuard>,
}

/// The mode of a new database: the ward's group shares it (README, "Deploying").
pub const FILE_MODE: u32 = 0o660;

impl Store {
    /// Creates a new database at `path` (mode 0660) and registers the account
    /// running this as its first administrator. The file is built beside
    /// `path` and put in place only once complete ([`new_file`]): a crash or a
    /// full disk leaves nothing at `path`.
    pub fn init(path: &Path, account: &Account, now: DateTime<Utc>) -> Result<Store> {
        new_file::build_beside(path, account, |partial| Self::create(partial, account, now))
    }

    /// Creates and fills a new file at `path` (which must not exist).
    fn create(path: &Path, account: &Account, now: DateTime<Utc>) -> Result<Store> {
        let file = OpenOptions::new().write(true).create_new(true).mode(FILE_MODE).open(path);
        match file {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StoreError::AlreadyExists(path.into()));
            }
            Err(e) if e.kind() == std::io::ErrorKind::StorageFull => return Err(StoreError::DiskFull(path.into())),
            Err(e) => {
                return Err(StoreError::ReadOnly {
                    path: path.into(),
                    cause: tr!("store-cannot-create", error = e.to_string()).into_owned(),
                });
            }
        }
        Self::init_file(path, account, now)
    }

    /// Closes the connection, copying the WAL into the file first (a new file
    /// is then whole on its own). Errors: the checkpoint or the close failed.
    pub fn close(self) -> Result<()> {
        if let Some(file) = self.conn.sqlite() {
            file.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        let Store { conn, _guard, .. } = self;
        conn.close()?;
        drop(_guard);
        Ok(())
    }

    fn init_file(path: &Path, account: &Account, now: DateTime<Utc>) -> Result<Store> {
        // The umask may have narrowed the mode; the ward's group must be able to write.
        std::fs::set_permissions(path, Permissions::from_mode(FILE_MODE)).map_err(|e| StoreError::ReadOnly {
            path: path.into(),
            cause: tr!("store-cannot-set-mode", error = e.to_string()).into_owned(),
        })?;
        let (_, guard) = file_check::check_new(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_sqlite(path, flags)?;
        schema::configure(&conn)?;
        schema::create(&mut conn)?;
        let mut store = Store::first_admin(conn, Location::File(path.into()), account, now)?;
        schema::checkpoint(&store.conn);
        store._guard = Some(guard);
        Ok(store)
    }

    /// A new database's store, once its schema is made: the account running
    /// this registered as its first administrator, the seed lists written.
    fn first_admin(mut conn: Connection, location: Location, account: &Account, now: DateTime<Utc>) -> Result<Store> {
        let settings = Settings::default();
        let accounts = Accounts::default().running_as(&account.name);
        let actor = write::write(&mut conn, 0, now, settings.zone(), accounts, |tx| {
            let actor = actor::register(tx, account, "admin")?;
            reference::seed_procedure_kinds(tx)?;
            Ok(actor)
        })?;
        Ok(Store::opened(conn, location, account, actor, settings, Vec::new(), true))
    }

    /// A store on `conn`, opened as `account`; `checked_whole`: no quick
    /// check is owed before the first write (a new file, or a server).
    fn opened(
        conn: Connection,
        location: Location,
        account: &Account,
        actor: Actor,
        settings: Settings,
        refused_settings: Vec<String>,
        checked_whole: bool,
    ) -> Store {
        Store {
            conn,
            path: location.label(),
            location,
            account: account.clone(),
            actor,
            settings,
            refused_settings,
            checked_whole,
            accounts: Accounts::default(),
            _guard: None,
        }
    }

    /// Creates the schema in a new database at `location` (a file, as
    /// [`Store::init`]; or an empty PostgreSQL database, as its owner) and
    /// registers the account running this as its first administrator.
    /// Errors: as [`Store::init`]; on PostgreSQL also
    /// [`StoreError::Unreachable`], [`StoreError::AlreadyExists`] (a periop
    /// schema is there) and [`StoreError::NotEmpty`] (other tables are).
    pub fn init_at(location: &Location, account: &Account, now: DateTime<Utc>) -> Result<Store> {
        match location {
            Location::File(path) => Self::init(path, account, now),
            #[cfg(feature = "postgres")]
            Location::Postgres(url) => server::init(location, url, account, now),
            #[cfg(not(feature = "postgres"))]
            Location::Postgres(_) => Err(StoreError::NoPostgres),
        }
    }

    /// Opens the database at `location` as `account`: [`Store::open_as`]
    /// for a file; for PostgreSQL, connects and checks the schema.
    /// Errors: as [`Store::open_as`]; on PostgreSQL also
    /// [`StoreError::Unreachable`] and [`StoreError::NoSchema`].
    pub fn connect(location: &Location, account: &Account) -> Result<Store> {
        match location {
            Location::File(path) => Self::open_as(path, account),
            #[cfg(feature = "postgres")]
            Location::Postgres(url) => server::open(location, url, account),
            #[cfg(not(feature = "postgres"))]
            Location::Postgres(_) => Err(StoreError::NoPostgres),
        }
    }

    /// Where the database is.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// Opens an existing database as the current operating-system account.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_as(path, &Account::current())
    }

    /// Opens an existing database as `account`. The program always passes the
    /// current account; tests pass others to play two members of staff.
    ///
    /// Opening only reads: an account seen for the first time is shown as
    /// `unassigned` staff and registered by its first save (inside that
    /// save's transaction), so a first look at the board never waits on
    /// another program's write lock.
    pub fn open_as(path: &Path, account: &Account) -> Result<Store> {
        let (conn, guard) = open_checked(path)?;
        let (settings, bad) = settings::load(&conn).map_err(|e| damaged(path, e))?;
        let refused_settings = refused(bad);
        let actor = match actor::find(&conn, &account.name).map_err(|e| damaged(path, e))? {
            Some(actor) => actor,
            None => actor::unregistered(account),
        };
        let mut store =
            Store::opened(conn, Location::File(path.into()), account, actor, settings, refused_settings, false);
        store._guard = Some(guard);
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How long a write waits for another program's write lock before
    /// [`StoreError::Held`] (default [`schema::BUSY_TIMEOUT`]). The screen
    /// waits less than the commands: it answers no key meanwhile.
    pub fn set_patience(&mut self, wait: std::time::Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(wait)?)
    }

    /// A handle another thread uses to stop the query this store is running.
    pub fn interrupter(&self) -> Interrupter {
        Interrupter(self.conn.get_interrupt_handle())
    }

    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn zone(&self) -> Tz {
        self.settings.zone()
    }

    /// Re-reads the settings (another terminal may have changed them).
    pub fn reload_settings(&mut self) -> Result<()> {
        let (settings, bad) = settings::load(&self.conn)?;
        self.settings = settings;
        self.refused_settings = refused(bad);
        Ok(())
    }

    /// Re-reads this account's staff row: an admin in another terminal may
    /// have changed its role or retired it (R-ROLE-1). An account not yet
    /// on the staff list stays as it is.
    pub fn refresh_actor(&mut self) -> Result<()> {
        if let Some(actor) = actor::find(&self.conn, &self.account.name)? {
            self.actor = actor;
        }
        Ok(())
    }

    /// The stored settings this program refused when it read them (the
    /// default is used instead), each saying why and what to do.
    pub fn refused_settings(&self) -> &[String] {
        &self.refused_settings
    }

    /// An error from reading this store, said like the refusals at open: a
    /// damaged page becomes [`StoreError::Damaged`] naming the file and the
    /// next step (restore the latest backup); a lock held past the timeout
    /// becomes [`StoreError::Held`]. Other errors pass unchanged.
    pub fn explain(&self, e: StoreError) -> StoreError {
        damaged(&self.path, held(&self.path, e))
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The write path: one transaction, audited, as this store's actor. An
    /// account not yet on the staff list is first registered (as
    /// `unassigned`, in a transaction of its own). Every row `change` writes
    /// is allowed or refused by the actor's role (R-ROLE-1,
    /// [`StoreError::NotAllowed`] naming the role needed).
    ///
    /// The first write of a process first runs SQLite's quick check over the
    /// whole file (see [`check::whole_before_writing`] for its cost), so a
    /// damaged file is refused before anything is written into it.
    ///
    /// Errors: whatever `change` returns; [`StoreError::Damaged`] naming the
    /// file and the first problem found; [`StoreError::Held`] naming the file
    /// when another program kept the write lock past [`schema::BUSY_TIMEOUT`].
    /// Which operating-system accounts exist: the machine's, unless a test
    /// names the accounts its members of staff play ([`Accounts::only`]).
    pub fn set_accounts(&mut self, accounts: Accounts) {
        self.accounts = accounts;
    }

    /// Puts an account not yet on the staff list on it, as `unassigned`, in
    /// a transaction of its own (audited, R-AUDIT-1); nothing for one already
    /// there. Every save does this first, so a change the new account may not
    /// make (R-ROLE-1: `unassigned` only reads) is refused but the account
    /// stays listed for an admin to give it a role. A refusal made before
    /// any save (the screen's keys, `periop restore`) calls it too (found in
    /// use, #8: the advice `periop staff set ACCOUNT --role ROLE` then
    /// failed with "not on the staff list").
    pub fn register(&mut self, at: DateTime<Utc>) -> Result<()> {
        if self.actor.staff_id != actor::UNREGISTERED {
            return Ok(());
        }
        if !self.checked_whole {
            check::whole_before_writing(&self.conn, &self.path).map_err(|e| damaged(&self.path, e))?;
            self.checked_whole = true;
        }
        self.register_checked(at)
    }

    /// [`Store::register`] once the file was found whole.
    fn register_checked(&mut self, at: DateTime<Utc>) -> Result<()> {
        let zone = self.settings.zone();
        let accounts = self.accounts.running_as(&self.account.name);
        let account = self.account.clone();
        let actor = write::write(&mut self.conn, actor::UNREGISTERED, at, zone, accounts, |tx| {
            actor::find_or_register(tx, &account)
        })
        .map_err(|e| held(&self.path, e))?;
        self.actor = actor;
        Ok(())
    }

    pub fn write<T>(&mut self, at: DateTime<Utc>, change: impl FnOnce(&mut WriteTx<'_>) -> Result<T>) -> Result<T> {
        self.write_checked(at, false, change)
    }

    /// [`Store::write`]; with `mending_indexes` (only `periop reindex`,
    /// which drops the search indexes before it reads them) damage found
    /// only in a search index does not stop it.
    fn write_checked<T>(
        &mut self,
        at: DateTime<Utc>,
        mending_indexes: bool,
        change: impl FnOnce(&mut WriteTx<'_>) -> Result<T>,
    ) -> Result<T> {
        if !self.checked_whole {
            match check::whole_before_writing(&self.conn, &self.path) {
                Ok(()) => {}
                Err(StoreError::SearchDamaged { .. }) if mending_indexes => {}
                Err(e) => return Err(damaged(&self.path, e)),
            }
            self.checked_whole = !mending_indexes;
        }
        if self.actor.staff_id == actor::UNREGISTERED {
            self.register_checked(at)?;
        }
        let zone = self.settings.zone();
        let accounts = self.accounts.running_as(&self.account.name);
        let value = write::write(&mut self.conn, self.actor.staff_id, at, zone, accounts, change);
        // The role may have been changed by an admin since this store opened.
        if let Ok(Some(actor)) = actor::find(&self.conn, &self.account.name) {
            self.actor = actor;
        }
        value.map_err(|e| match e {
            StoreError::Disconnected(cause) => StoreError::SaveCutOff(cause),
            other => damaged(&self.path, held(&self.path, other)),
        })
    }
}

/// Called before an upgrade starts (it can take a minute on years of
/// history: the search indexes are built again): the program says so on
/// its terminal. Arguments: the path, the file's schema and this program's.
pub static UPGRADE_NOTICE: std::sync::OnceLock<fn(&Path, i64, i64)> = std::sync::OnceLock::new();

/// Checks the file, opens it read-write (never creating it), applies the
/// pragmas and brings its schema up to date.
pub(crate) fn open_checked(path: &Path) -> Result<(Connection, file_check::OpenGuard)> {
    let (header, guard) = file_check::check_existing(path)?;
    if let Some(header) = header
        && header.user_version > schema::VERSION
    {
        return Err(StoreError::TooNew { path: path.into(), found: header.user_version, known: schema::VERSION });
    }
    let damaged = |e| damaged(path, e);
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_sqlite(path, flags).map_err(|e| damaged(e.into()))?;
    schema::configure(&conn).map_err(damaged)?;
    file_check::confirm_ours(&conn, path).map_err(damaged)?;
    check::tables_present(&conn, path).map_err(damaged)?;
    check::open_tables_whole(&conn, path).map_err(damaged)?;
    let version: i64 = conn.schema_version().map_err(|e| damaged(e.into()))?;
    if version != schema::VERSION {
        log::info!("upgrading {} from schema {version} to {}", error::shown(path), schema::VERSION);
        if let Some(notice) = UPGRADE_NOTICE.get() {
            notice(path, version, schema::VERSION);
        }
        // An upgrade writes: a damaged file is refused before it (found in
        // use, #12: an older damaged file was upgraded on open).
        check::whole_before_writing(&conn, path).map_err(damaged)?;
        schema::upgrade(&mut conn, path, schema::UPGRADES, schema::VERSION).map_err(damaged)?;
        schema::checkpoint(&conn);
    }
    sidecars::share_like_database(path);
    Ok((conn, guard))
}

/// Stored settings that do not pass their definition, said so that an admin
/// can act: the default is used until the value is set again.
pub(crate) fn refused(bad: Vec<crate::domain::settings::SettingError>) -> Vec<String> {
    bad.into_iter()
        .map(|e| {
            log::warn!("ignoring a stored setting: {e}");
            // Found in use (#12): an unknown key has no default to use.
            if !matches!(e, crate::domain::settings::SettingError::Unknown { .. }) {
                tr!("store-setting-default-used", error = e.to_string()).into_owned()
            } else {
                tr!("store-setting-unknown", error = e.to_string()).into_owned()
            }
        })
        .collect()
}

/// SQLite's "busy" past the timeout becomes `Held`, naming the file.
fn held(path: &Path, e: StoreError) -> StoreError {
    match e {
        StoreError::Busy => StoreError::Held(path.into()),
        other => other,
    }
}

/// SQLite's "malformed" and "not a database" become our one-line `Damaged`,
/// naming the path and what to do; a full disk or an I/O error becomes
/// `Disk`, naming the path.
fn damaged(path: &Path, e: StoreError) -> StoreError {
    match e {
        StoreError::Database(inner)
            if matches!(inner.code(), Some(db::ErrorCode::DiskFull | db::ErrorCode::SystemIoFailure)) =>
        {
            let cause = if inner.code() == Some(db::ErrorCode::DiskFull) {
                tr!("store-disk-full").into_owned()
            } else {
                tr!("store-disk-failed", error = inner.to_string()).into_owned()
            };
            StoreError::Disk { path: path.into(), cause }
        }
        StoreError::Database(inner)
            if matches!(inner.code(), Some(db::ErrorCode::DatabaseCorrupt | db::ErrorCode::NotADatabase)) =>
        {
            StoreError::Damaged { path: path.into(), detail: inner.to_string() }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found in use (#12): a full disk under an existing ward file gave a bare
    /// "database or disk is full" / "disk I/O error", naming nothing.
    #[test]
    fn a_full_disk_or_an_io_error_names_the_file_and_what_to_do() {
        let path = Path::new("/srv/periop/ward.db");
        for (code, cause) in [
            (rusqlite::ffi::SQLITE_FULL, "the disk is full"),
            (rusqlite::ffi::SQLITE_IOERR, "could not be read or written"),
        ] {
            let raw =
                StoreError::Database(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None).into());
            let text = damaged(path, raw).to_string();
            assert!(text.starts_with("/srv/periop/ward.db: "), "{text}");
            assert!(text.contains(cause) && text.contains("df -h") && text.contains("nothing was saved"), "{text}");
        }
    }
}

#[cfg(test)]
mod refused_tests {
    use crate::domain::settings::SettingError;

    /// Found in use (#12): a stored key periop does not know was said to
    /// fall back on "its default", which it has not.
    #[test]
    fn an_unknown_stored_setting_is_not_said_to_have_a_default() {
        let said = super::refused(vec![
            SettingError::Unknown { key: "bogus.key".into() },
            SettingError::Invalid { key: "fast.solids_h".into(), value: "x".into(), expected: "a number" },
        ]);
        assert!(said[0].contains("periop does not read it") && !said[0].contains("default"), "{said:?}");
        assert!(said[1].contains("its default is used until it is set again"), "{said:?}");
    }
}
