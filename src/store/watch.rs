//! Seeing other terminals' saves. A second, read-only connection asks
//! `PRAGMA data_version`, which moves only when another connection commits;
//! then the audit log past the last seen id says what changed.
//!
//! When to ask: [`Watcher::wait`] sleeps until the database's files change
//! (inotify, through the `notify` crate), then asks at once and every few
//! ms until [`SETTLE`] after the latest event (a commit writes the WAL before
//! SQLite publishes it in the shared index, which no file event reports). Where no
//! notification arrives (a network file system, inotify watches used up) it
//! asks every `fallback` anyway, as before; idle, it wakes no more often than
//! that.

use super::db::{Connection, params};
use super::error::Result;
use super::{Location, open_checked};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// After the latest file event, how long the watcher keeps asking for the
/// commit to show (the WAL's fsync comes between), and how often meanwhile.
pub const SETTLE: Duration = Duration::from_millis(250);
const SETTLE_EVERY: Duration = Duration::from_millis(3);

/// One changed row, as the audit log names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub audit_id: i64,
    pub table: String,
    pub row_id: i64,
}

/// Rows read per poll; a larger commit is read over the next polls.
const POLL_PAGE: i64 = 10_000;

pub struct Watcher {
    conn: Connection,
    _guard: Option<super::file_check::OpenGuard>,
    /// SQLite's commit counter as last seen; `None` on a server, where the
    /// audit log itself is asked (a notification says when).
    data_version: Option<i64>,
    last_audit_id: i64,
    /// The file events, while inotify watches the database's folder.
    events: Option<(notify::RecommendedWatcher, Receiver<()>)>,
}

/// Watches the folder holding `path` (the WAL and the shared index are made
/// and removed beside it) for changes to the database's own files.
fn file_events(path: &Path) -> notify::Result<(notify::RecommendedWatcher, Receiver<()>)> {
    use notify::{Event, EventKind, RecursiveMode, Watcher as _};
    let path = std::fs::canonicalize(path)?;
    let folder = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
        let Ok(event) = event else { return };
        let ours = event.paths.iter().any(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy()
                    .strip_prefix(name.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest == "-wal" || rest == "-shm" || rest == "-journal")
            })
        });
        if ours && !matches!(event.kind, EventKind::Access(_)) {
            let _ = tx.send(());
        }
    })?;
    watcher.watch(&folder, RecursiveMode::NonRecursive)?;
    Ok((watcher, rx))
}

impl Watcher {
    /// Starts watching from the current end of the audit log.
    pub fn open(path: &Path) -> Result<Watcher> {
        let (conn, guard) = open_checked(path)?;
        let data_version = Some(data_version(&conn)?);
        let last_audit_id = conn.query_row("SELECT COALESCE(MAX(id), 0) FROM audit", [], |r| r.get(0))?;
        let events = match file_events(path) {
            Ok(events) => Some(events),
            Err(e) => {
                log::warn!("no file notifications for {} ({e}); asking on a timer only", path.display());
                None
            }
        };
        Ok(Watcher { conn, _guard: Some(guard), data_version, last_audit_id, events })
    }

    /// [`Watcher::open`] for a database anywhere: a file, or a PostgreSQL
    /// server (a connection of its own, woken by the write path's
    /// notification).
    pub fn connect(location: &Location) -> Result<Watcher> {
        match location {
            Location::File(path) => Watcher::open(path),
            #[cfg(feature = "postgres")]
            Location::Postgres(url) => {
                let conn = super::server::connect(location, url)?;
                conn.listen(super::db::AUDIT_CHANNEL)?;
                let last_audit_id = conn.query_row("SELECT COALESCE(MAX(id), 0) FROM audit", [], |r| r.get(0))?;
                Ok(Watcher { conn, _guard: None, data_version: None, last_audit_id, events: None })
            }
            #[cfg(not(feature = "postgres"))]
            Location::Postgres(_) => Err(super::StoreError::NoPostgres),
        }
    }

    /// Like [`Watcher::open`], without file notifications: asks on the
    /// timer only (the fallback, and the benchmark's comparison).
    pub fn open_polling(path: &Path) -> Result<Watcher> {
        let mut watcher = Watcher::open(path)?;
        watcher.events = None;
        Ok(watcher)
    }

    /// Connects again after [`StoreError::Disconnected`](super::StoreError),
    /// keeping the place in the audit log: the next poll reads what was
    /// saved meanwhile. A file's watcher is never disconnected.
    pub fn reconnect(&mut self, location: &Location) -> Result<()> {
        let last = self.last_audit_id;
        *self = Watcher::connect(location)?;
        self.last_audit_id = last;
        // Said as a change, so the screens read again what they show.
        Ok(())
    }

    /// True when file notifications, or a server's, wake this watcher.
    pub fn notified(&self) -> bool {
        self.events.is_some() || self.data_version.is_none()
    }

    /// Blocks until another connection's commit shows (what it changed) or
    /// `fallback` passes without one (empty).
    pub fn wait(&mut self, fallback: Duration) -> Result<Vec<Changed>> {
        #[cfg(feature = "postgres")]
        if self.data_version.is_none() {
            // A server: its notification, sent by the write path inside the
            // saving transaction, arrives when that commits.
            self.conn.wait_for_notification(fallback)?;
            return self.poll();
        }
        let Some(events) = self.events.take() else {
            std::thread::sleep(fallback);
            return self.poll();
        };
        let (changed, alive) = self.wait_for(&events.1, fallback);
        if alive {
            self.events = Some(events);
        } else {
            log::warn!("file notifications stopped; asking on a timer only");
        }
        changed
    }

    /// [`Watcher::wait`] on `events`; false when they stopped coming.
    fn wait_for(&mut self, events: &Receiver<()>, fallback: Duration) -> (Result<Vec<Changed>>, bool) {
        match events.recv_timeout(fallback) {
            Ok(()) => {}
            Err(RecvTimeoutError::Timeout) => return (self.poll(), true),
            Err(RecvTimeoutError::Disconnected) => return (self.poll(), false),
        }
        // A file changed: ask now, and again until the commit is published,
        // for up to SETTLE after the latest event (a save can touch the files
        // long before it commits: a first save checks the whole file first).
        let mut until = Instant::now() + SETTLE;
        loop {
            while events.try_recv().is_ok() {
                until = Instant::now() + SETTLE;
            }
            let changed = self.poll();
            if !matches!(&changed, Ok(c) if c.is_empty()) || Instant::now() >= until {
                return (changed, true);
            }
            // A new event ends the pause early (and extends the settling).
            match events.recv_timeout(SETTLE_EVERY) {
                Ok(()) => until = Instant::now() + SETTLE,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return (self.poll(), false),
            }
        }
    }

    /// What changed since the last call; empty when nothing was committed.
    pub fn poll(&mut self) -> Result<Vec<Changed>> {
        let now = match self.data_version {
            Some(seen) => {
                let now = data_version(&self.conn)?;
                if now == seen {
                    return Ok(Vec::new());
                }
                Some(now)
            }
            None => None,
        };
        let mut stmt =
            self.conn.prepare_cached("SELECT id, table_name, row_id FROM audit WHERE id > ?1 ORDER BY id LIMIT ?2")?;
        let changed = stmt
            .query_map(params![self.last_audit_id, POLL_PAGE], |row| {
                Ok(Changed { audit_id: row.get(0)?, table: row.get(1)?, row_id: row.get(2)? })
            })?
            .collect::<super::db::Result<Vec<_>>>()?;
        if let Some(last) = changed.last() {
            self.last_audit_id = last.audit_id;
        }
        // A commit larger than a page is read over several polls.
        if (changed.len() as i64) < POLL_PAGE {
            self.data_version = now;
        }
        Ok(changed)
    }
}

fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.file("data_version")?.pragma_query_value(None, "data_version", |row| row.get(0))?)
}
