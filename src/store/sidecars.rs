//! SQLite's two files beside a database in WAL mode, `-wal` and `-shm`, are
//! made by whichever process opens the database first — a nurse's terminal,
//! or `periop check` run by the night admin. SQLite gives them the
//! database's permission bits, but their group is the creator's own unless
//! the folder is setgid (README, "Deploying on a ward"). Every other account
//! of the ward then fails to save with "readonly database" until the last
//! connection closes. So each open hands the files it made to the
//! database's group, with the database's mode.

use nix::unistd::{Gid, Uid, chown, geteuid};
use std::fs::{self, Permissions};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The `-wal` and `-shm` paths of the database at `db`.
pub fn paths(db: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

/// Gives the side files this process owns the database's group and mode.
/// Best effort, logged: a file another account made is theirs to fix (and
/// [`not_shared`] lists it for `periop check`); a failure never stops the
/// open, since the database itself is readable.
pub fn share_like_database(db: &Path) {
    let Ok(database) = fs::metadata(db) else { return };
    let mode = database.mode() & 0o777;
    for side in paths(db) {
        let Ok(meta) = fs::metadata(&side) else { continue };
        if Uid::from_raw(meta.uid()) != geteuid() {
            continue;
        }
        if meta.gid() != database.gid()
            && let Err(e) = chown(&side, None, Some(Gid::from_raw(database.gid())))
        {
            log::warn!("cannot give {} the database's group: {e}", side.display());
        }
        if meta.mode() & 0o777 != mode
            && let Err(e) = fs::set_permissions(&side, Permissions::from_mode(mode))
        {
            log::warn!("cannot give {} the database's mode: {e}", side.display());
        }
    }
}

/// The side files whose group or mode differ from the database's: the
/// accounts of the database's group may be unable to write them. Each
/// names the file and what differs, for `periop check`.
pub fn not_shared(db: &Path) -> Vec<String> {
    let Ok(database) = fs::metadata(db) else { return Vec::new() };
    let mut found = Vec::new();
    for side in paths(db) {
        let Ok(meta) = fs::metadata(&side) else { continue };
        let name = crate::store::error::shown(&side);
        if meta.gid() != database.gid() {
            found.push(format!(
                "{name}: group {} is not the database's ({}); the ward's other accounts cannot save: \
                 run `chgrp {} {name}` as its owner, and make the folder setgid (README, \"Deploying on a ward\")",
                meta.gid(),
                database.gid(),
                database.gid()
            ));
        } else if meta.mode() & 0o777 != database.mode() & 0o777 {
            found.push(format!(
                "{name}: mode {:o} is not the database's ({:o}); run `chmod {:o} {name}` as its owner",
                meta.mode() & 0o777,
                database.mode() & 0o777,
                database.mode() & 0o777
            ));
        }
    }
    found
}
