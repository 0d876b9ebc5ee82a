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
        // Ids and modes as text: written as they are, in both languages.
        if meta.gid() != database.gid() {
            let (group, database) = (meta.gid().to_string(), database.gid().to_string());
            found.push(tr!("files-side-group", name = name, group = group, database = database).into_owned());
        } else if meta.mode() & 0o777 != database.mode() & 0o777 {
            let (mode, database) = (format!("{:o}", meta.mode() & 0o777), format!("{:o}", database.mode() & 0o777));
            found.push(tr!("files-side-mode", name = name, mode = mode, database = database).into_owned());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_side_file_with_another_mode_is_named_in_the_language_in_force() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("w.db");
        fs::write(&db, b"").unwrap();
        fs::set_permissions(&db, Permissions::from_mode(0o660)).unwrap();
        let [wal, _] = paths(&db);
        fs::write(&wal, b"").unwrap();
        fs::set_permissions(&wal, Permissions::from_mode(0o600)).unwrap();
        let wal = wal.display();
        let (en, fr) = crate::i18n::in_both(|| not_shared(&db).join("\n"));
        assert_eq!(en, format!("{wal}: mode 600 is not the database's (660); run `chmod 660 {wal}` as its owner"));
        assert_eq!(
            fr,
            format!(
                "{wal}\u{a0}: les droits 600 ne sont pas ceux de la base (660)\u{a0}; \
                 lancez `chmod 660 {wal}` en tant que son propriétaire"
            )
        );
    }
}
