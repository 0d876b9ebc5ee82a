//! Looks at a file before SQLite touches it, so that a wrong path never gets
//! "repaired" into an empty database and every bad file gets a clear message.

use super::error::StoreError;
use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::Mutex;

/// Our own `PRAGMA application_id`: "PeRi".
pub const APPLICATION_ID: u32 = 0x5065_5269;

const MAGIC: &[u8; 16] = b"SQLite format 3\0"; // i18n: the SQLite file header

/// What a file that is not an SQLite database holds, as its refusal
/// ([`StoreError::NotSqlite`]) says it: a text file given by mistake (a
/// CSV export, a note) or anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    Text,
    UnknownBytes,
}

impl Holds {
    /// `it holds text`, `unknown bytes`: in the language in force.
    pub fn words(self) -> Cow<'static, str> {
        match self {
            Holds::Text => tr!("files-holds-text"),
            Holds::UnknownBytes => tr!("files-unknown-bytes"),
        }
    }
}

/// What the 100-byte SQLite header says, read without opening the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub application_id: u32,
    pub user_version: i64,
}

/// Files this process has connections to, by (device, inode), with a count.
///
/// POSIX record locks belong to the process, and closing *any* descriptor of
/// a file drops *all* of them. Reading the header of a file SQLite already has
/// open would silently release SQLite's locks; another process closing its
/// connection could then believe it is the last one and delete the WAL under
/// us. So the raw read happens only while no connection to the file is open.
static OPEN_FILES: Mutex<Vec<(u64, u64, usize)>> = Mutex::new(Vec::new());

/// Held beside each connection; the file counts as open until it is dropped.
#[derive(Debug)]
pub struct OpenGuard {
    id: (u64, u64),
}

impl OpenGuard {
    fn register(id: (u64, u64)) -> (OpenGuard, bool) {
        let mut open = OPEN_FILES.lock().unwrap_or_else(|e| e.into_inner());
        let already = match open.iter_mut().find(|(dev, ino, _)| (*dev, *ino) == id) {
            Some(entry) => {
                entry.2 += 1;
                true
            }
            None => {
                open.push((id.0, id.1, 1));
                false
            }
        };
        (OpenGuard { id }, already)
    }
}

impl Drop for OpenGuard {
    fn drop(&mut self) {
        let mut open = OPEN_FILES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = open.iter().position(|(dev, ino, _)| (*dev, *ino) == self.id) {
            open[i].2 -= 1;
            if open[i].2 == 0 {
                open.swap_remove(i);
            }
        }
    }
}

/// What the caller means to do with the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Open it read-write (the TUI, every command that may save).
    Write,
    /// Only read it (`periop check`): an account without write access may look.
    Read,
}

/// Checks that `path` is an existing, readable and writable periop database
/// file and returns its header (`None` when this process already has it open
/// and checked: see [`OPEN_FILES`]), with the guard to keep beside the
/// connection. Changes nothing on disk.
pub fn check_existing(path: &Path) -> Result<(Option<Header>, OpenGuard), StoreError> {
    check_existing_for(path, Access::Write)
}

/// [`check_existing`], for reading only when `access` is [`Access::Read`]
/// (the file need not be writable then).
pub fn check_existing_for(path: &Path, access: Access) -> Result<(Option<Header>, OpenGuard), StoreError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(match super::error::missing_folder(path) {
                Some(folder) => StoreError::NoFolder { path: path.into(), folder },
                None => StoreError::Missing(path.into()),
            });
        }
        Err(e) => return Err(cannot_read(path, &e)),
    };
    if meta.is_dir() {
        return Err(StoreError::NotAFile(path.into()));
    }
    let (guard, already_open) = OpenGuard::register((meta.dev(), meta.ino()));
    if already_open {
        return Ok((None, guard));
    }
    read_header(path, &meta, access).map(|header| (Some(header), guard))
}

fn read_header(path: &Path, meta: &std::fs::Metadata, access: Access) -> Result<Header, StoreError> {
    if meta.len() == 0 {
        return Err(StoreError::Empty(path.into()));
    }
    let mut head = [0u8; 100];
    let mut file = File::open(path).map_err(|e| cannot_read(path, &e))?;
    let read = read_up_to(&mut file, &mut head).map_err(|e| cannot_read(path, &e))?;
    if read < MAGIC.len() || &head[..16] != MAGIC {
        let what = if head[..read].iter().all(|b| b.is_ascii() && (!b.is_ascii_control() || b.is_ascii_whitespace())) {
            Holds::Text
        } else {
            Holds::UnknownBytes
        };
        return Err(StoreError::NotSqlite { path: path.into(), what });
    }
    if read < 100 {
        return Err(StoreError::Damaged { path: path.into(), detail: tr!("files-header-cut-short").into_owned() });
    }
    let header = Header {
        user_version: i64::from(u32::from_be_bytes([head[60], head[61], head[62], head[63]])),
        application_id: u32::from_be_bytes([head[68], head[69], head[70], head[71]]),
    };
    // A blank id with a pending WAL may be ours, just made by a process that
    // still has it open (the header is in the WAL until a checkpoint): SQLite
    // itself is asked once the file is open (see `confirm_ours`).
    let maybe_ours_in_wal = header.application_id == 0 && journal_has_frames(path);
    if header.application_id != APPLICATION_ID && !maybe_ours_in_wal {
        return Err(StoreError::ForeignApplication { path: path.into(), found: header.application_id });
    }
    if access == Access::Write {
        check_writable(path)?;
    }
    Ok(header)
}

/// For a file `init` has just created (empty, ours): registers it as open.
pub fn check_new(path: &Path) -> Result<((), OpenGuard), StoreError> {
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(path, &e))?;
    Ok(((), OpenGuard::register((meta.dev(), meta.ino())).0))
}

/// A file this account cannot read (`cannot read it (Permission denied)`).
fn cannot_read(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::ReadOnly { path: path.into(), cause: tr!("files-cannot-read", error = e.to_string()).into_owned() }
}

fn journal_has_frames(path: &Path) -> bool {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    std::fs::metadata(Path::new(&name)).is_ok_and(|m| m.len() > 0)
}

/// After opening: the id as SQLite sees it, WAL included.
pub fn confirm_ours(conn: &super::db::Connection, path: &Path) -> Result<(), StoreError> {
    let found: i64 = conn
        .file("application_id")?
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(StoreError::from)?;
    let found = u32::try_from(found).unwrap_or(0);
    if found == APPLICATION_ID { Ok(()) } else { Err(StoreError::ForeignApplication { path: path.into(), found }) }
}

/// WAL needs the file and its folder writable (for the -wal and -shm files).
fn check_writable(path: &Path) -> Result<(), StoreError> {
    use nix::unistd::{AccessFlags, access};
    if let Err(e) = access(path, AccessFlags::R_OK | AccessFlags::W_OK) {
        return Err(StoreError::ReadOnly {
            path: path.into(),
            cause: tr!("files-cannot-write", error = e.desc()).into_owned(),
        });
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let journal_exists = ["-wal", "-shm"].iter().all(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        Path::new(&name).exists()
    });
    if !journal_exists && access(folder, AccessFlags::W_OK | AccessFlags::X_OK).is_err() {
        return Err(StoreError::ReadOnly {
            path: path.into(),
            cause: tr!("files-cannot-create-journal", folder = super::error::shown(folder)).into_owned(),
        });
    }
    Ok(())
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_a_whole_database_is_refused_in_the_language_in_force() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "Bed 3: free\n").unwrap();
        let cut = dir.path().join("cut.db");
        std::fs::write(&cut, [&MAGIC[..], &[0; 20]].concat()).unwrap();
        let refusal = |path: &Path| check_existing(path).unwrap_err().to_string();

        let (en, fr) = crate::i18n::in_both(|| refusal(&notes));
        assert!(en.contains(": not an SQLite database (it holds text); check the path"), "{en}");
        assert!(fr.contains("\u{a0}: pas une base SQLite (il contient du texte)"), "{fr}");
        assert!(!fr.contains("holds text"), "{fr}");
        let (en, fr) = crate::i18n::in_both(|| refusal(&cut));
        assert!(en.contains("the database is damaged (the header is cut short)"), "{en}");
        assert!(fr.contains("(l'en-tête est tronqué)"), "{fr}");
        assert_eq!(crate::i18n::in_both(|| Holds::UnknownBytes.words().into_owned()).1, "des octets inconnus");
    }
}
