//! New database files appear whole or not at all.
//!
//! `init` and `demo` build the file beside its target under a hidden name
//! (`.ward.db.partial-PID-N`), close it (its WAL copied in and removed),
//! flush it to disk, and only then link it into place. A crash or a full
//! disk leaves no file at the target: never a 4096-byte stub that looks like
//! another application's database, never a half-built ward that opens as a
//! healthy empty one. The link refuses to replace anything that appeared at
//! the target meanwhile.

use super::error::{Result, StoreError, missing_folder};
use super::{Account, Store};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Builds a new database for `path` with `build` (given the partial file's
/// path; it must create that file), then puts it in place and opens it as
/// `account`.
///
/// Errors: [`StoreError::AlreadyExists`] if `path` exists (before or after
/// the build), [`StoreError::NoFolder`], [`StoreError::DiskFull`] naming
/// `path`, or whatever `build` returns; the partial file is removed on every
/// error.
pub fn build_beside(path: &Path, account: &Account, build: impl FnOnce(&Path) -> Result<Store>) -> Result<Store> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(StoreError::AlreadyExists(path.into()));
    }
    if let Some(folder) = missing_folder(path) {
        return Err(StoreError::NoFolder { path: path.into(), folder });
    }
    remove_abandoned_partials(path);
    let partial = partial_path(path);
    let placed = build(&partial).and_then(Store::close).and_then(|()| place(&partial, path));
    if let Err(e) = placed {
        remove_partial(&partial);
        return Err(for_target(path, &partial, e));
    }
    Store::open_as(path, account)
}

/// `.NAME.partial-PID-N` in the target's folder (the same file system, so the
/// link is atomic).
pub(super) fn partial_path(path: &Path) -> PathBuf {
    static N: AtomicU32 = AtomicU32::new(0);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "periop.db".into());
    let hidden = format!(".{name}.partial-{}-{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst)); // i18n: a file name
    path.with_file_name(hidden)
}

/// Removes the half-built files of `path` that a process no longer running
/// left behind (found in use, #12: Ctrl-C or a kill during `demo` left
/// `.NAME.partial-PID-N` files, up to 14 MB each, piling up). A partial of a
/// process still running is its work in progress and is left alone.
fn remove_abandoned_partials(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else { return };
    let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
    let prefix = format!(".{}.partial-", name.to_string_lossy()); // i18n: a file name
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&prefix) else { continue };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<i32>().ok()) else { continue };
        // Where /proc lists the processes (Linux); elsewhere nothing is removed.
        let gone = Path::new("/proc/self").exists() && !Path::new(&format!("/proc/{pid}")).exists();
        if gone {
            log::info!("removing {file}, left by a build that did not finish (process {pid})");
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Flushes the finished partial file, links it at `path` (failing if
/// anything is there) and removes the partial name; then flushes the folder.
pub(super) fn place(partial: &Path, path: &Path) -> Result<()> {
    let io = |e: std::io::Error| io_error(path, e);
    std::fs::File::open(partial).and_then(|f| f.sync_all()).map_err(io)?;
    match std::fs::hard_link(partial, path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(StoreError::AlreadyExists(path.into())),
        Err(e) => return Err(io(e)),
    }
    remove_partial(partial);
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Err(e) = std::fs::File::open(folder).and_then(|f| f.sync_all()) {
        log::warn!("could not flush the folder of a new database: {e}");
    }
    Ok(())
}

pub(super) fn remove_partial(partial: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = partial.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
}

fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    if e.kind() == std::io::ErrorKind::StorageFull || e.raw_os_error() == Some(nix::libc::EFBIG) {
        StoreError::DiskFull(path.into())
    } else {
        StoreError::ReadOnly {
            path: path.into(),
            cause: tr!("store-cannot-create", error = e.to_string()).into_owned(),
        }
    }
}

/// Errors about the partial file are told about the target, and a full disk
/// (SQLite's "database or disk is full", or a file-size limit) says so.
pub(super) fn for_target(path: &Path, partial: &Path, e: StoreError) -> StoreError {
    match e {
        StoreError::Database(inner)
            if matches!(inner.code(), Some(super::db::ErrorCode::DiskFull))
                || matches!(&inner, super::db::Error::Sqlite(rusqlite::Error::SqliteFailure(f, _)) if f.extended_code == 778 /* IOERR_WRITE */) =>
        {
            StoreError::DiskFull(path.into())
        }
        StoreError::ReadOnly { path: p, cause } if p == partial => StoreError::ReadOnly { path: path.into(), cause },
        StoreError::Damaged { path: p, detail } if p == partial => StoreError::Damaged { path: path.into(), detail },
        StoreError::AlreadyExists(p) if p == partial => StoreError::AlreadyExists(path.into()),
        StoreError::DiskFull(p) if p == partial => StoreError::DiskFull(path.into()),
        other => other,
    }
}
