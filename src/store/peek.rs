//! A look into a periop database that leaves no trace: nothing written, no
//! upgrade, no account registered, no side file made. For the commands that
//! open no store and still speak the account's own language (issue 14:
//! `periop roles`, `rules`, `--help`, a refusal of the command line).
//!
//! A plain read-only SQLite connection to a WAL database makes its `-wal`
//! and `-shm` beside it when nobody has the file open, and cannot remove
//! them when it closes. So when there is no `-wal` (no program has the
//! file open, everything is in the file itself) the file is read as
//! immutable: no lock, no side file. When there is one, another program
//! has the file open and its side files exist: a read-only connection
//! shares them, as `periop check` does.

use super::db::Connection;
use super::error::{Result, StoreError};
use super::file_check::{self, Access};
use super::{actor, schema, settings, sidecars};
use crate::domain::language::Language;
use rusqlite::OpenFlags;
use std::path::Path;

/// The language `account` keeps on the staff list of the database at
/// `path` (`None` when it keeps none, or is not on the list) and the
/// site's (`site.language`). Errors: the refusals of an open (missing, not
/// ours, damaged, too new), and a schema too old to keep a language.
pub fn languages(path: &Path, account: &str) -> Result<(Option<Language>, Language)> {
    let (header, _guard) = file_check::check_existing_for(path, Access::Read)?;
    if let Some(header) = header
        && header.user_version > schema::VERSION
    {
        return Err(StoreError::TooNew { path: path.into(), found: header.user_version, known: schema::VERSION });
    }
    let [wal, _] = sidecars::paths(path);
    let conn = if wal.exists() {
        Connection::open_sqlite(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?
    } else {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        Connection::open_sqlite(Path::new(&immutable_uri(path)?), flags)?
    };
    conn.busy_timeout(schema::BUSY_TIMEOUT)?;
    file_check::confirm_ours(&conn, path)?;
    let own = actor::find(&conn, account)?.and_then(|actor| actor.language);
    let (settings, _) = settings::load(&conn)?;
    Ok((own, settings.language()))
}

/// `file:PATH?immutable=1`, the characters a URI gives a meaning escaped.
/// A path that is not UTF-8 cannot be written so: it is refused as if
/// missing (the language then comes from elsewhere).
fn immutable_uri(path: &Path) -> Result<String> {
    let text = path.to_str().ok_or_else(|| StoreError::Missing(path.into()))?;
    let mut uri = String::from("file:"); // i18n: SQLite's URI syntax
    for c in text.chars() {
        match c {
            '%' | '?' | '#' => uri.push_str(&format!("%{:02X}", c as u32)),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1"); // i18n: SQLite's URI syntax
    Ok(uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_written_as_an_immutable_uri() {
        assert_eq!(immutable_uri(Path::new("/ward/w.db")).unwrap(), "file:/ward/w.db?immutable=1");
        assert_eq!(immutable_uri(Path::new("a?b#c%d.db")).unwrap(), "file:a%3Fb%23c%25d.db?immutable=1");
    }
}
