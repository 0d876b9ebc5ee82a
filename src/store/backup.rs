//! `periop backup` and `periop restore`: a copy of the live database made
//! with SQLite's online backup (other terminals keep reading and saving),
//! checked; and putting a copy back, only when no other process has the file
//! open, keeping the old file beside it.

use super::error::{Result, StoreError, shown};
use super::{Store, check, new_file};
use chrono::{DateTime, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::fs::{OpenOptions, Permissions};
use std::os::fd::AsFd;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The mode of a backup: the ward's group may read it, nobody may change it.
pub const BACKUP_MODE: u32 = 0o640;

/// Pages copied per step between progress reports (4 KiB pages: 4 MiB).
const PAGES_PER_STEP: i32 = 1024;

/// A writer committing between two steps makes SQLite start the copy over.
/// After this many restarts the rest is copied in one step: one read
/// transaction, which in WAL mode holds no writer up.
const RESTARTS_BEFORE_ONE_STEP: u32 = 3;

/// What a backup did.
#[derive(Debug, Clone)]
pub struct BackupReport {
    pub path: PathBuf,
    pub pages: i64,
    pub bytes: u64,
    pub took: Duration,
    pub check: check::Report,
}

impl Store {
    /// Copies this database to `target` (which must not exist) with SQLite's
    /// online backup, telling `progress` (pages done, pages in all) as it
    /// goes; the copy is a single file (no `-wal`), mode 0640, and is put in
    /// place only once `periop check` found the copy sound
    /// ([`check::Report::copy_sound`]). Stored records that break a rule,
    /// rows changed behind periop's back, values it cannot read, or a setup
    /// problem, are copied as they are and left in the report's
    /// [`check::Report::warnings`]: a ward whose data needs correcting needs
    /// its backup all the more.
    pub fn backup_to(
        &self,
        target: &Path,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(i64, i64),
    ) -> Result<BackupReport> {
        let started = Instant::now();
        if std::fs::symlink_metadata(target).is_ok() {
            return Err(StoreError::Exists { path: target.into(), next: tr!("files-backup-never-overwrites") });
        }
        if let Some(folder) = super::error::missing_folder(target) {
            return Err(StoreError::NoFolder { path: target.into(), folder });
        }
        let partial = new_file::partial_path(target);
        let result = self
            .conn()
            .file("backup")
            .map_err(StoreError::from)
            .and_then(|conn| copy(conn, &partial, progress))
            .and_then(|pages| {
                let report = check::check_file(&partial, now)?;
                if !report.copy_sound() {
                    let detail = tr!("files-backup-copy-unsound").into_owned();
                    return Err(StoreError::Damaged { path: self.path().into(), detail });
                }
                new_file::place(&partial, target)?;
                let bytes = std::fs::metadata(target).map(|m| m.len()).unwrap_or(0);
                Ok(BackupReport { path: target.into(), pages, bytes, took: started.elapsed(), check: report })
            });
        if result.is_err() {
            new_file::remove_partial(&partial);
        }
        result.map_err(|e| match new_file::for_target(target, &partial, e) {
            StoreError::AlreadyExists(path) => StoreError::Exists { path, next: tr!("files-backup-never-overwrites") },
            // The destination's folder, not the ward's database, needs the access.
            StoreError::ReadOnly { path, cause } if path == target => {
                let folder = match target.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                StoreError::invalid(
                    shown(target),
                    tr!("files-backup-folder-read-only", cause = cause, folder = shown(&folder)),
                )
            }
            other => other,
        })
    }
}

fn copy(source: &Connection, partial: &Path, progress: &mut dyn FnMut(i64, i64)) -> Result<i64> {
    OpenOptions::new().write(true).create_new(true).mode(BACKUP_MODE).open(partial).map_err(|e| {
        StoreError::ReadOnly {
            path: partial.into(),
            cause: tr!("store-cannot-create", error = e.to_string()).into_owned(),
        }
    })?;
    // The umask may have narrowed it; it must not be wider either.
    std::fs::set_permissions(partial, Permissions::from_mode(BACKUP_MODE)).map_err(|e| StoreError::ReadOnly {
        path: partial.into(),
        cause: tr!("store-cannot-set-mode", error = e.to_string()).into_owned(),
    })?;
    let mut dest = Connection::open_with_flags(partial, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    let pages = {
        let backup = Backup::new(source, &mut dest)?;
        let (mut restarts, mut last_remaining, mut step) = (0, i32::MAX, PAGES_PER_STEP);
        loop {
            match backup.step(step)? {
                StepResult::Done => break,
                StepResult::More => {}
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
            let p = backup.progress();
            // No progress since the last step: another connection's commit
            // made SQLite start over (a restart that lands on the same count
            // as before must count too, or a busy ward livelocks the copy).
            if p.remaining >= last_remaining {
                restarts += 1;
                if restarts >= RESTARTS_BEFORE_ONE_STEP {
                    step = -1;
                }
            }
            last_remaining = p.remaining;
            progress(i64::from(p.pagecount - p.remaining), i64::from(p.pagecount));
        }
        let p = backup.progress();
        progress(i64::from(p.pagecount), i64::from(p.pagecount));
        i64::from(p.pagecount)
    };
    // One file to carry off-site: no -wal beside it.
    dest.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
    dest.close().map_err(|(_, e)| StoreError::from(e))?;
    Ok(pages)
}

/// Whether another process has `path` open through SQLite: in WAL mode every
/// connection holds a read lock on the dead-man-switch byte of the `-shm`
/// file for as long as it is open (SQLite's os_unix.c, `UNIX_SHM_DMS`, byte
/// 128), and any transaction locks a byte of the main file's lock range.
/// Locks of this process are not seen (POSIX locks are per process).
pub fn held_by_another_process(path: &Path) -> Result<bool> {
    let mut shm = path.as_os_str().to_owned();
    shm.push("-shm");
    let probes = [(PathBuf::from(shm), 128, 1), (path.to_path_buf(), 0x4000_0000, 512)];
    for (file, start, len) in probes {
        let Ok(f) = OpenOptions::new().read(true).write(true).open(&file) else { continue };
        let mut lock = nix::libc::flock {
            l_type: nix::libc::F_WRLCK as i16,
            l_whence: nix::libc::SEEK_SET as i16,
            l_start: start,
            l_len: len,
            l_pid: 0,
        };
        nix::fcntl::fcntl(f.as_fd(), nix::fcntl::FcntlArg::F_GETLK(&mut lock)).map_err(|e| StoreError::ReadOnly {
            path: file.clone(),
            cause: tr!("files-cannot-test-locks", error = e.to_string()).into_owned(),
        })?;
        if lock.l_type != nix::libc::F_UNLCK as i16 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Other processes that have `path`, its `-wal` or its `-shm` open, as
/// `program (pid N)` (`files-opener`), read from `/proc/*/fd` (Linux; the
/// processes whose folder this account may not read are not seen, and
/// elsewhere the list is empty). It sees what SQLite's locks do not: an
/// idle `sqlite3` shell holds no lock, yet its next write would land in
/// whatever file then has that name's inode open. Names only the program,
/// never its files.
pub fn other_openers(path: &Path) -> Vec<String> {
    use std::os::unix::fs::MetadataExt;
    let mut files = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        if let Ok(meta) = std::fs::metadata(&name) {
            files.push((meta.dev(), meta.ino()));
        }
    }
    let me = std::process::id();
    let Ok(processes) = std::fs::read_dir("/proc") else { return Vec::new() };
    let mut found = Vec::new();
    for process in processes.flatten() {
        let Some(pid) = process.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        if pid == me {
            continue;
        }
        let Ok(fds) = std::fs::read_dir(process.path().join("fd")) else { continue };
        let holds =
            fds.flatten().any(|fd| std::fs::metadata(fd.path()).is_ok_and(|m| files.contains(&(m.dev(), m.ino()))));
        if holds {
            let program = std::fs::read_to_string(process.path().join("comm")).unwrap_or_default();
            let program = crate::domain::names::made_safe(program.trim(), &[]).into_owned();
            let program = if program.is_empty() { tr!("files-a-program").into_owned() } else { program };
            found.push(tr!("files-opener", program = program, pid = pid.to_string()).into_owned());
        }
    }
    found
}

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    /// Where the file that was live now lies.
    pub kept: PathBuf,
    /// The backup's schema version (an older one is upgraded in place).
    pub from_schema: i64,
    /// `periop check` of the restored file, once in place (and upgraded):
    /// whole, with any [`check::Report::warnings`] the ward has to act on.
    pub check: check::Report,
}

/// Puts the backup `from` in place of the live database `live` (R-ROLE-1:
/// admin). Refused, changing nothing, when the backup is not a periop file
/// whose file is whole ([`check::Report::file_whole`]; what else `check`
/// finds is returned in [`Restored::check`] for the ward to correct), when the caller is not an admin of the live file, or while
/// another process has the live file open. The live file (with any `-wal`)
/// is kept beside it as `NAME.before-restore-YYYYMMDDTHHMMSSZ`.
pub fn restore(live: &Path, from: &Path, account: &super::Account, now: DateTime<Utc>) -> Result<Restored> {
    // Found in use (#8): a mistyped backup path was answered with the
    // advice to `periop init` (meant for a missing live file).
    if std::fs::symlink_metadata(from).is_err() {
        return Err(StoreError::invalid(shown(from), tr!("files-restore-no-backup")));
    }
    let report = check::check_file(from, now)?;
    if !report.file_whole() {
        return Err(StoreError::invalid(shown(from), tr!("files-restore-not-whole", path = shown(from))));
    }
    let mut store = Store::open_as(live, account)?;
    let actor = store.actor().clone();
    if actor.role != crate::domain::roles::Role::Admin.code() || !actor.active {
        // The README's promise: an account's first attempt to save puts it
        // on the staff list, even when refused, so the advice works.
        store.register(now)?;
        let role = crate::domain::roles::Role::from_code(&actor.role).unwrap_or(crate::domain::roles::Role::Unassigned);
        return Err(StoreError::NotAllowed {
            change: tr!("store-change-restore"),
            role: if actor.active { role.code() } else { super::permission::RETIRED },
            needs: tr!("errors-needs-one", role = crate::domain::roles::Role::Admin.name()).into_owned(),
        });
    }
    store.close()?;
    let openers = other_openers(live);
    if held_by_another_process(live)? {
        // Found in use (#8): the README promises the holder "named with its
        // pid"; the generic words stay for holders this account cannot see.
        let who =
            if openers.is_empty() { tr!("files-restore-holders-unknown").into_owned() } else { openers.join(", ") };
        return Err(StoreError::invalid(shown(live), tr!("files-restore-held", who = who)));
    }
    if !openers.is_empty() {
        return Err(StoreError::invalid(shown(live), tr!("files-restore-open", openers = openers.join(", "))));
    }
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let name = live.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "periop.db".into());
    let kept = live.with_file_name(format!("{name}.before-restore-{stamp}")); // i18n: a file name
    if std::fs::symlink_metadata(&kept).is_ok() {
        return Err(StoreError::Exists { path: kept, next: tr!("files-restore-kept-exists") });
    }
    let mode = std::fs::metadata(live).map(|m| m.permissions().mode() & 0o7777).unwrap_or(super::FILE_MODE);
    // The copy goes beside the live file first, so the swap is two renames.
    let partial = new_file::partial_path(live);
    let io = |p: &Path, e: std::io::Error| StoreError::ReadOnly { path: p.into(), cause: format!("{e}") };
    std::fs::copy(from, &partial).map_err(|e| io(&partial, e))?;
    std::fs::set_permissions(&partial, Permissions::from_mode(mode)).map_err(|e| io(&partial, e))?;
    std::fs::File::open(&partial).and_then(|f| f.sync_all()).map_err(|e| io(&partial, e))?;
    std::fs::rename(live, &kept).map_err(|e| io(live, e))?;
    for suffix in ["-wal", "-shm"] {
        let (mut old, mut moved) = (live.as_os_str().to_owned(), kept.as_os_str().to_owned());
        old.push(suffix);
        moved.push(suffix);
        if std::path::Path::new(&old).exists() {
            std::fs::rename(&old, &moved).map_err(|e| io(Path::new(&old), e))?;
        }
    }
    std::fs::rename(&partial, live).map_err(|e| io(live, e))?;
    // Back to WAL, as every terminal will open it, and opened as it will be.
    Store::open_as(live, account)?.close()?;
    let from_schema = report.schema_version;
    let report = check::check_file(live, now).unwrap_or(report);
    log::info!("restored {} from {}; the previous file is {}", shown(live), shown(from), shown(&kept));
    Ok(Restored { kept, from_schema, check: report })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Account;
    use std::process::{Command, Stdio};

    fn at() -> DateTime<Utc> {
        "2026-11-22T08:30:00Z".parse().unwrap()
    }

    #[test]
    fn a_backup_and_a_restore_refuse_in_the_language_in_force() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join("w.db");
        let store = Store::init(&live, &Account::current(), at()).unwrap();
        let taken = dir.path().join("taken.db");
        std::fs::write(&taken, b"keep me").unwrap();
        let (en, fr) = crate::i18n::in_both(|| store.backup_to(&taken, at(), &mut |_, _| {}).unwrap_err().to_string());
        assert!(
            en.ends_with("a backup never overwrites a file: give a new path (e.g. with the date in its name)"),
            "{en}"
        );
        assert!(fr.contains("une sauvegarde n'écrase jamais un fichier\u{a0}: donnez un nouveau chemin"), "{fr}");
        assert!(!fr.contains("overwrites"), "{fr}");
        let backup = dir.path().join("bk.db");
        store.backup_to(&backup, at(), &mut |_, _| {}).unwrap();
        drop(store);

        let missing = dir.path().join("x.db");
        let (en, fr) =
            crate::i18n::in_both(|| restore(&live, &missing, &Account::current(), at()).unwrap_err().to_string());
        assert!(en.contains("x.db: no such backup file; nothing was changed"), "{en}");
        assert!(
            fr.contains("x.db\u{a0}: pas de fichier de sauvegarde à ce chemin\u{a0}; rien n'a été modifié"),
            "{fr}"
        );

        // Another program holding the live file open (no SQLite lock): named with its pid.
        let mut holder = Command::new("sleep")
            .arg("30")
            .stdin(std::fs::File::open(&live).unwrap())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        for _ in 0..50 {
            if !other_openers(&live).is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let (en, fr) =
            crate::i18n::in_both(|| restore(&live, &backup, &Account::current(), at()).unwrap_err().to_string());
        let pid = holder.id();
        let _ = holder.kill();
        let _ = holder.wait();
        assert!(en.contains(&format!("another program has it open: sleep (pid {pid}); its next write")), "{en}");
        assert!(
            fr.contains(&format!("un autre programme l'a ouvert\u{a0}: sleep (pid {pid})\u{a0}; sa prochaine")),
            "{fr}"
        );
        assert!(fr.ends_with("fermez-les tous, puis restaurez de nouveau"), "{fr}");
    }
}
