//! Where the ward's database is: a SQLite file (the default: one ward on
//! one server, nothing to run) or a PostgreSQL database (a hospital that
//! keeps all its wards on one server, with replication and failover).
//! `--db` and `PERIOP_DB` take either; a path still means SQLite.

use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};

/// A database, as `--db` named it.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file.
    File(PathBuf),
    /// A PostgreSQL connection string: a URL (`postgres://user@host/ward`,
    /// `postgresql://…`) or libpq's `key=value` form (`host=/run/postgresql
    /// dbname=ward`).
    Postgres(String),
}

/// libpq's keywords that may open a `key=value` connection string.
const CONNINFO_KEYS: &[&str] = &["host", "hostaddr", "port", "dbname", "user", "application_name", "sslmode"];

impl Location {
    /// Reads `--db`: a PostgreSQL URL or `key=value` string, else a path.
    pub fn parse(text: &OsStr) -> Location {
        let Some(s) = text.to_str() else { return Location::File(text.into()) };
        let t = s.trim_start();
        let url = ["postgres://", "postgresql://"] // i18n: URL schemes
            .iter()
            .any(|p| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p));
        let conninfo = t.split_once('=').is_some_and(|(key, _)| CONNINFO_KEYS.contains(&key.trim()));
        if url || conninfo { Location::Postgres(s.trim().to_string()) } else { Location::File(text.into()) }
    }

    pub fn is_file(&self) -> bool {
        matches!(self, Location::File(_))
    }

    /// The file, when it is one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(path) => Some(path),
            Location::Postgres(_) => None,
        }
    }

    /// How messages name the database: the path, or the connection string
    /// with any password replaced by `***` (a message may be copied into a
    /// ticket).
    pub fn shown(&self) -> String {
        match self {
            Location::File(path) => super::error::shown(path),
            Location::Postgres(text) => without_password(text),
        }
    }

    /// The name the store keeps as its "path" for messages: the file, or the
    /// shown connection string.
    pub fn label(&self) -> PathBuf {
        match self {
            Location::File(path) => path.clone(),
            Location::Postgres(text) => PathBuf::from(without_password(text)),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File(path) => f.debug_tuple("File").field(path).finish(), // i18n: Debug
            Location::Postgres(_) => f.debug_tuple("Postgres").field(&self.shown()).finish(), // i18n: Debug
        }
    }
}

impl From<&Path> for Location {
    fn from(path: &Path) -> Self {
        Location::File(path.into())
    }
}

impl From<PathBuf> for Location {
    fn from(path: PathBuf) -> Self {
        Location::File(path)
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`;
/// `password=secret` → `password=***`.
fn without_password(text: &str) -> String {
    if let Some(scheme_end) = text.find("://") {
        let rest = &text[scheme_end + 3..];
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        if let Some(at) = rest[..authority_end].rfind('@')
            && let Some(colon) = rest[..at].find(':')
        {
            return format!("{}{}:***{}", &text[..scheme_end + 3], &rest[..colon], &rest[at..]);
        }
        return text.to_string();
    }
    text.split_whitespace()
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if key.trim() == "password" => format!("{key}=***"),
            _ => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Location {
        Location::parse(OsStr::new(text))
    }

    #[test]
    fn a_path_is_a_file_and_a_url_or_conninfo_is_postgres() {
        assert_eq!(parse("ward.db"), Location::File("ward.db".into()));
        assert_eq!(parse("/srv/periop/ward=1.db"), Location::File("/srv/periop/ward=1.db".into()));
        assert_eq!(parse("./postgres://x"), Location::File("./postgres://x".into()));
        assert!(matches!(parse("postgres://periop@db1/ward"), Location::Postgres(_)));
        assert!(matches!(parse("PostgreSQL://periop@db1/ward"), Location::Postgres(_)));
        assert!(matches!(parse("host=/run/postgresql dbname=ward"), Location::Postgres(_)));
        assert!(matches!(parse("dbname=ward"), Location::Postgres(_)));
    }

    #[test]
    fn a_password_is_never_shown() {
        assert_eq!(parse("postgres://periop:s3cret@db1:5432/ward").shown(), "postgres://periop:***@db1:5432/ward");
        assert_eq!(parse("postgres://periop@db1/ward").shown(), "postgres://periop@db1/ward");
        assert_eq!(parse("host=db1 password=s3cret dbname=ward").shown(), "host=db1 password=*** dbname=ward");
        assert!(!format!("{:?}", parse("postgres://a:s3cret@h/d")).contains("s3cret"));
    }
}
