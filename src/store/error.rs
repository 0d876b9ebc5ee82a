//! Errors a caller must tell apart. Each message names the thing, the cause
//! and the next step, and never a patient (R-PRIV-1).

use chrono::{DateTime, Utc};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum StoreError {
    Missing(PathBuf),
    NoFolder {
        path: PathBuf,
        folder: PathBuf,
    },
    NotAFile(PathBuf),
    Empty(PathBuf),
    NotSqlite {
        path: PathBuf,
        what: super::file_check::Holds,
    },
    ForeignApplication {
        path: PathBuf,
        found: u32,
    },
    Damaged {
        path: PathBuf,
        detail: String,
    },
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    ReadOnly {
        path: PathBuf,
        cause: String,
    },
    AlreadyExists(PathBuf),
    /// A file a command would write is there already (a backup's target):
    /// it is never overwritten; `next` says what to do instead.
    Exists {
        path: PathBuf,
        next: Cow<'static, str>,
    },
    DiskFull(PathBuf),
    Conflict {
        what: String,
        by: String,
        at: String,
    },
    Busy,
    Held(PathBuf),
    NotFound(String),
    /// R-ROLE-1: the actor's role may not make this change.
    NotAllowed {
        change: Cow<'static, str>,
        role: &'static str,
        needs: String,
    },
    /// `field`: the input field at fault, named as the commands' flags and
    /// the ward file's keys name it (`closes`, `minutes`), when the refusal
    /// is about one field ([`StoreError::on_field`]); `periop setup` points
    /// at that field's line, in any language.
    Invalid {
        what: String,
        why: String,
        field: Option<&'static str>,
    },
    /// R-STOCK-2: not enough free units (another terminal may have taken
    /// the last one a moment ago); nothing was taken.
    /// `next` says what the user can do where they asked (issue 10: a
    /// reservation, which already takes from every lot, said "pick another
    /// lot" though its form has no lot to pick).
    OutOfStock {
        what: String,
        asked: u32,
        free: u32,
        next: Cow<'static, str>,
    },
    /// R-PATH-6: a planned date already past. The screen asks "record it as a
    /// retrospective entry?" and, if so, repeats the call with the confirmation.
    Retrospective {
        what: String,
        when: String,
    },
    /// R-BLOCK-3, R-BLOCK-4: the change meets the schedule's conflicts.
    /// With `can_override`, the same change with a reason is recorded as an
    /// override; without, it cannot be made as it is.
    BlockConflict {
        what: String,
        conflicts: Vec<String>,
        can_override: bool,
    },
    Undecodable(super::decode::Undecodable),
    /// A stored day or instant that does not read back.
    Unreadable(super::rows::Unreadable),
    /// The disk under an existing file failed or filled (found in use,
    /// #12: a bare "disk I/O error" named neither the file nor what to do).
    Disk {
        path: PathBuf,
        cause: String,
    },
    /// A search index (`audit_search`, `patient_search`) cannot be read,
    /// while the records it points to are whole: searches would miss them.
    /// Rebuilding the indexes from the records mends it (R-AUDIT-3).
    SearchDamaged {
        path: PathBuf,
        index: &'static str,
        detail: String,
    },
    Database(super::db::Error),
    /// `--db` names a PostgreSQL database, and this program was built
    /// without PostgreSQL (cargo feature `postgres`).
    NoPostgres,
    /// The PostgreSQL server did not answer or refused the connection.
    Unreachable {
        location: String,
        cause: String,
    },
    /// The PostgreSQL database has no periop schema (`periop init` makes it).
    NoSchema(String),
    /// The connection to the database server was lost (a failover, a
    /// restart): what was being saved was not saved (a save whose commit
    /// reached the server is reported saved). The connection is made again
    /// by the next call.
    Disconnected(String),
    /// [`StoreError::Disconnected`] in the middle of a save: nothing of it
    /// was saved (the form is kept for the next try).
    SaveCutOff(String),
    /// The connection was lost as the save committed and the server could
    /// not be asked: it may or may not be saved; look before entering it again.
    SaveUnknown(String),
    /// `periop init` on a PostgreSQL database that already holds other tables.
    NotEmpty {
        location: String,
        tables: Vec<String>,
    },
}

/// Each error in the language in force (`tr!`): the English word for word
/// as it always was (tests and scripts compare it), the French from the
/// same catalogue (`locales/*/errors.ftl`).
impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use StoreError::*;
        let text = match self {
            Missing(path) => tr!("errors-missing", path = shown(path)),
            NoFolder { path, folder } => tr!("errors-no-folder", path = shown(path), folder = shown(folder)),
            NotAFile(path) => tr!("errors-not-a-file", path = shown(path)),
            Empty(path) => tr!("errors-empty", path = shown(path)),
            NotSqlite { path, what } => tr!("errors-not-sqlite", path = shown(path), what = what.words()),
            ForeignApplication { path, found } => {
                tr!("errors-foreign", path = shown(path), found = format!("{found:#x}"))
            }
            Damaged { path, detail } => tr!("errors-damaged", path = shown(path), detail = detail.as_str()),
            TooNew { path, found, known } => {
                tr!("errors-too-new", path = shown(path), found = found.to_string(), known = known.to_string())
            }
            ReadOnly { path, cause } => tr!("errors-read-only", path = shown(path), cause = cause.as_str()),
            AlreadyExists(path) => tr!("errors-already-exists", path = shown(path)),
            Exists { path, next } => tr!("errors-exists", path = shown(path), next = next.as_ref()),
            DiskFull(path) => tr!("errors-disk-full", path = shown(path)),
            Conflict { what, by, at } => {
                tr!("errors-conflict", what = what.as_str(), by = by.as_str(), at = at.as_str())
            }
            Busy => tr!("errors-busy"),
            Held(path) => tr!("errors-held", path = shown(path)),
            NotFound(what) => tr!("errors-not-found", what = what.as_str()),
            NotAllowed { change, role, needs } => Cow::Owned(not_allowed(change, role, needs)),
            Invalid { what, why, .. } => tr!("errors-invalid", what = what.as_str(), why = why.as_str()),
            OutOfStock { what, asked, free, next } => {
                tr!("errors-out-of-stock", what = what.as_str(), asked = *asked, free = *free, next = next.as_ref())
            }
            Retrospective { what, when } => tr!("errors-retrospective", what = what.as_str(), when = when.as_str()),
            BlockConflict { what, conflicts, can_override } => {
                let conflicts = crate::i18n::joined(conflicts);
                if *can_override {
                    tr!("errors-block-conflict", what = what.as_str(), conflicts = conflicts)
                } else {
                    tr!("errors-block-conflict-fixed", what = what.as_str(), conflicts = conflicts)
                }
            }
            Undecodable(found) => tr!("errors-undecodable", what = found.to_string()),
            Unreadable(found) => Cow::Owned(found.to_string()),
            Disk { path, cause } => tr!("errors-disk", path = shown(path), cause = cause.as_str()),
            SearchDamaged { path, index, detail } => {
                tr!("errors-search-damaged", path = shown(path), index = *index, detail = detail.as_str())
            }
            Database(e) => tr!("errors-sqlite", detail = e.to_string()),
            NoPostgres => tr!("errors-no-postgres"),
            Unreachable { location, cause } => {
                tr!("errors-unreachable", location = location.as_str(), cause = cause.as_str())
            }
            NoSchema(location) => tr!("errors-no-schema", location = location.as_str()),
            Disconnected(cause) => tr!("errors-disconnected", cause = cause.as_str()),
            SaveCutOff(cause) => tr!("errors-save-cut-off", cause = cause.as_str()),
            SaveUnknown(cause) => tr!("errors-save-unknown", cause = cause.as_str()),
            NotEmpty { location, tables } => {
                tr!("errors-not-empty", location = location.as_str(), tables = tables.join(", "))
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {}

/// R-ROLE-1's refusal: the change, the role, the roles that may, and what
/// to do; a retired account ([`super::permission::RETIRED`]) is told so.
fn not_allowed(change: &str, role: &str, needs: &str) -> String {
    if role == super::permission::RETIRED {
        return tr!("errors-not-allowed-retired", change = change, needs = needs).into_owned();
    }
    let next = role_next_step(role);
    tr!("errors-not-allowed", change = change, role = crate::domain::roles::role_word(role), needs = needs, next = next)
        .into_owned()
}

/// What someone refused a change can do: an account with no role yet asks
/// for one; one with a role asks for the role the change needs.
fn role_next_step(role: &str) -> Cow<'static, str> {
    if role == crate::domain::roles::Role::Unassigned.code() {
        tr!("errors-next-ask-role")
    } else {
        tr!("errors-next-change-role")
    }
}

impl From<super::db::Error> for StoreError {
    fn from(e: super::db::Error) -> Self {
        if let super::db::Error::FromSqlConversionFailure(_, _, inner) = &e
            && let Some(found) = inner.downcast_ref::<super::decode::Undecodable>()
        {
            return StoreError::Undecodable(found.clone());
        }
        if let super::db::Error::FromSqlConversionFailure(_, _, inner) = &e
            && let Some(found) = inner.downcast_ref::<super::rows::Unreadable>()
        {
            return StoreError::Unreadable(found.clone());
        }
        // Text that is not UTF-8 (written by another program, or damaged).
        if e.is_not_utf8() {
            return StoreError::Unreadable(super::rows::Unreadable { what: "text", text: String::new() });
        }
        match e.code() {
            Some(super::db::ErrorCode::DatabaseBusy | super::db::ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(super::db::ErrorCode::Disconnected) => StoreError::Disconnected(e.to_string()),
            Some(super::db::ErrorCode::CommitUnknown) => StoreError::SaveUnknown(e.to_string()),
            _ => StoreError::Database(e),
        }
    }
}

/// For the modules about the SQLite file itself (the header, the backup).
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        super::db::Error::from(e).into()
    }
}

impl StoreError {
    /// True when the query was stopped by an [`super::Interrupter`]: a newer
    /// request took its place, and nobody waits for this answer.
    pub fn is_interrupted(&self) -> bool {
        matches!(self, StoreError::Database(e) if e.code() == Some(super::db::ErrorCode::OperationInterrupted))
    }

    pub fn invalid(what: impl Into<String>, why: impl Into<String>) -> Self {
        StoreError::Invalid { what: what.into(), why: why.into(), field: None }
    }

    /// The same refusal, blaming input field `field` (`closes`); any other
    /// error is left as it is.
    pub fn on_field(self, field: &'static str) -> Self {
        match self {
            StoreError::Invalid { what, why, .. } => StoreError::Invalid { what, why, field: Some(field) },
            other => other,
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A path as messages show it: control characters (a newline, an escape
/// sequence that would recolour or clear the terminal) are written as
/// escapes (`\n`, `\u{1b}`), so a message stays one honest line.
pub fn shown(path: &Path) -> String {
    shown_text(&path.to_string_lossy())
}

/// [`shown`] for a name that is not a path (a trigger's, a table's).
pub fn shown_text(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// The nearest folder above `path` that does not exist, when its folder is
/// missing (the real cause behind "no such file" for `/nonexistent/x.db`).
pub fn missing_folder(path: &Path) -> Option<PathBuf> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty())?;
    if folder.exists() {
        return None;
    }
    let mut missing = folder;
    while let Some(up) = missing.parent().filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        missing = up;
    }
    Some(missing.to_path_buf())
}

/// `2026-11-22T07:30:00Z`: the one text form of an instant in the file.
pub fn instant_text(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::language::Language;

    fn samples() -> Vec<StoreError> {
        let path = || PathBuf::from("/srv/ward.db");
        vec![
            StoreError::Missing(path()),
            StoreError::NoFolder { path: path(), folder: PathBuf::from("/srv") },
            StoreError::NotAFile(path()),
            StoreError::Empty(path()),
            StoreError::ForeignApplication { path: path(), found: 0x1234 },
            StoreError::Damaged { path: path(), detail: "x".into() },
            StoreError::TooNew { path: path(), found: 20, known: 15 },
            StoreError::ReadOnly { path: path(), cause: "x".into() },
            StoreError::AlreadyExists(path()),
            StoreError::DiskFull(path()),
            StoreError::Conflict { what: "x".into(), by: "y".into(), at: "09:30".into() },
            StoreError::Busy,
            StoreError::Held(path()),
            StoreError::NotFound("x".into()),
            StoreError::NotAllowed { change: "x".into(), role: "nurse", needs: "y".into() },
            StoreError::NotAllowed { change: "x".into(), role: super::super::permission::RETIRED, needs: "y".into() },
            StoreError::OutOfStock { what: "x".into(), asked: 2, free: 1, next: "z".into() },
            StoreError::Retrospective { what: "x".into(), when: "01/11".into() },
            StoreError::BlockConflict { what: "x".into(), conflicts: vec!["a".into()], can_override: true },
            StoreError::BlockConflict { what: "x".into(), conflicts: vec!["a".into()], can_override: false },
            StoreError::Disk { path: path(), cause: "x".into() },
            StoreError::SearchDamaged { path: path(), index: "audit_search", detail: "x".into() },
        ]
    }

    /// The English is what it always was, word for word.
    #[test]
    fn errors_read_as_before_in_english() {
        let path = PathBuf::from("/srv/ward.db");
        assert_eq!(
            StoreError::Missing(path.clone()).to_string(),
            "/srv/ward.db: no such file; create a database with `periop init --db /srv/ward.db`"
        );
        assert_eq!(
            StoreError::ForeignApplication { path: path.clone(), found: 0x1234 }.to_string(),
            "/srv/ward.db: an SQLite database of another application (application_id 0x1234); check the path"
        );
        assert_eq!(
            StoreError::OutOfStock { what: "lot A1".into(), asked: 3, free: 1, next: "reserve fewer".into() }
                .to_string(),
            "lot A1: 3 asked, 1 free (the rest is reserved for cases or gone); nothing was taken: reserve fewer"
        );
        assert_eq!(
            StoreError::NotAllowed { change: "rooms".into(), role: "nurse", needs: "the role admin".into() }
                .to_string(),
            "rooms: your role is nurse, and this change needs the role admin; if your work needs it, an admin can \
             change your role (`periop staff set ACCOUNT --role ROLE`)"
        );
        assert_eq!(
            StoreError::BlockConflict {
                what: "the case".into(),
                conflicts: vec!["a".into(), "b".into()],
                can_override: false
            }
            .to_string(),
            "the case conflicts with the schedule: a; b; pick another time, room or staff"
        );
        assert_eq!(StoreError::invalid("the bed", "closed").to_string(), "the bed: closed");
        // The field a refusal blames changes nothing of its text.
        let blamed = StoreError::invalid("the bed", "closed").on_field("closed");
        assert!(matches!(blamed, StoreError::Invalid { field: Some("closed"), .. }));
        assert_eq!(blamed.to_string(), "the bed: closed");
        assert!(matches!(StoreError::Busy.on_field("closed"), StoreError::Busy));
    }

    /// Each error in French is French: not the English, and no id shown.
    #[test]
    fn errors_are_said_in_french() {
        let english: Vec<String> = samples().iter().map(ToString::to_string).collect();
        let _french = crate::i18n::scope(Language::Fr);
        for (error, english) in samples().iter().zip(&english) {
            let french = error.to_string();
            assert_ne!(&french, english, "{error:?}");
            assert!(!french.contains("errors-"), "{french}");
        }
        assert_eq!(
            StoreError::Busy.to_string(),
            "la base est restée occupée (un autre terminal enregistre une longue modification)\u{a0}; réessayez dans un instant"
        );
        let refusal =
            StoreError::NotAllowed { change: "salles".into(), role: "read_only", needs: "le rôle admin".into() };
        assert!(refusal.to_string().starts_with(
            "salles\u{a0}: votre rôle est lecture seule, et cette modification demande le rôle admin\u{a0};"
        ));
        let stock = StoreError::OutOfStock { what: "lot".into(), asked: 2, free: 1, next: "z".into() };
        assert!(stock.to_string().starts_with("lot\u{a0}: 2 demandés, 1 libre"), "{stock}");
    }
}
