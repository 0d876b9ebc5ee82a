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

    /// The same server and credentials naming database `name` instead:
    /// a URL's path is replaced (its query string kept), a `key=value`
    /// string's `dbname` replaced where it stands or added at the end.
    /// `None` for a file. `name` is written as the form needs it
    /// (percent-encoded in a URL, quoted in `key=value` when it must be).
    pub fn with_database(&self, name: &str) -> Option<Location> {
        let Location::Postgres(text) = self else { return None };
        Some(Location::Postgres(match text.find("://") {
            Some(scheme_end) => url_with_database(text, scheme_end, name),
            None => conninfo_with_database(text, name),
        }))
    }

    /// How the status line names the database: the path; for a server, the
    /// database's name first, then the connection string without its
    /// password (found in use: with one database per ward on a server, the
    /// name came last and a narrow status line cut it).
    pub fn ward_name(&self) -> String {
        match self {
            Location::File(path) => path.display().to_string(),
            Location::Postgres(text) => match database_of(text) {
                Some(name) if !name.is_empty() => format!("{name} · {}", without_password(text)), // i18n: a name, then where
                _ => without_password(text),
            },
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

/// The database a connection string names, as written (a URL's path,
/// percent-encoding left as it is; `dbname`'s value, its quotes taken off).
fn database_of(text: &str) -> Option<String> {
    if let Some(scheme_end) = text.find("://") {
        let rest = &text[scheme_end + 3..];
        let path = &rest[rest.find('/')? + 1..];
        return Some(path[..path.find('?').unwrap_or(path.len())].to_string());
    }
    let (_, raw) = conninfo_pairs(text).into_iter().rfind(|(key, _)| *key == "dbname")?;
    let unquoted = raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')).unwrap_or(raw);
    Some(unquoted.replace("\\'", "'").replace("\\\\", "\\"))
}

/// `scheme://authority[/db][?query]` with `/name` as its path.
fn url_with_database(url: &str, scheme_end: usize, name: &str) -> String {
    let (head, rest) = url.split_at(scheme_end + 3);
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let query = rest.find('?').map_or("", |q| &rest[q..]);
    let mut encoded = String::with_capacity(name.len());
    for byte in name.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => encoded.push(char::from(byte)),
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    format!("{head}{}/{encoded}{query}", &rest[..authority_end])
}

/// libpq's `key = value` pairs with `dbname` set to `name`. The other
/// pairs are kept as written (a quoted password with spaces stays whole).
fn conninfo_with_database(text: &str, name: &str) -> String {
    let plain = !name.is_empty() && !name.contains(|c: char| c.is_whitespace() || c == '\\' || c == '\'');
    let value = if plain { name.to_string() } else { format!("'{}'", name.replace('\\', "\\\\").replace('\'', "\\'")) };
    let mut pairs: Vec<String> = Vec::new();
    let mut placed = false;
    for (key, raw) in conninfo_pairs(text) {
        if key != "dbname" {
            pairs.push(format!("{key}={raw}"));
        } else if !placed {
            pairs.push(format!("dbname={value}")); // i18n: libpq keyword
            placed = true;
        }
    }
    if !placed {
        pairs.push(format!("dbname={value}")); // i18n: libpq keyword
    }
    pairs.join(" ")
}

/// The `(key, value as written)` pairs of a `key=value` string, read as
/// libpq reads them: spaces around `=`, a value in single quotes with `\'`
/// and `\\` escapes, else up to the next space (a backslash escapes one
/// character).
fn conninfo_pairs(text: &str) -> Vec<(&str, &str)> {
    let bytes = text.as_bytes();
    let mut pairs = Vec::new();
    let mut i = 0;
    let skip_spaces = |mut i: usize| {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    loop {
        i = skip_spaces(i);
        if i >= bytes.len() {
            return pairs;
        }
        let key_start = i;
        while i < bytes.len() && bytes[i] != b'=' && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let key = &text[key_start..i];
        i = skip_spaces(i);
        if bytes.get(i) == Some(&b'=') {
            i = skip_spaces(i + 1);
        }
        let value_start = i;
        let quoted = bytes.get(i) == Some(&b'\'');
        if quoted {
            i += 1;
        }
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 2,
                b'\'' if quoted => {
                    i += 1;
                    break;
                }
                c if !quoted && c.is_ascii_whitespace() => break,
                _ => i += 1,
            }
        }
        i = i.min(bytes.len());
        pairs.push((key, &text[value_start..i]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Location {
        Location::parse(OsStr::new(text))
    }

    #[test]
    fn the_status_line_names_the_database_first() {
        let name = |text: &str| parse(text).ward_name();
        assert_eq!(name("/srv/periop/ward.db"), "/srv/periop/ward.db");
        assert_eq!(
            name("host=/run/postgresql user=periop password=s3cret dbname=ward2"),
            "ward2 · host=/run/postgresql user=periop password=*** dbname=ward2"
        );
        assert_eq!(name("dbname='north ward' host=db1"), "north ward · dbname='north ward' host=db1");
        assert_eq!(
            name("postgres://nurse:pw@db1/ward3?sslmode=require"),
            "ward3 · postgres://nurse:***@db1/ward3?sslmode=require"
        );
        assert_eq!(name("postgres://db1"), "postgres://db1");
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

    #[test]
    fn another_database_on_the_same_server_keeps_the_credentials_and_options() {
        let other = |text: &str| match parse(text).with_database("periop_bench_42") {
            Some(Location::Postgres(s)) => s,
            other => panic!("{other:?}"),
        };
        assert_eq!(parse("ward.db").with_database("x"), None);
        assert_eq!(
            other("postgres://periop:s3cret@db1:5432/ward"),
            "postgres://periop:s3cret@db1:5432/periop_bench_42"
        );
        assert_eq!(
            other("postgres://periop@db1:5432/ward?sslmode=disable&application_name=x"),
            "postgres://periop@db1:5432/periop_bench_42?sslmode=disable&application_name=x"
        );
        assert_eq!(other("postgresql://periop@db1"), "postgresql://periop@db1/periop_bench_42");
        assert_eq!(
            other("postgresql://periop@db1?sslmode=require"),
            "postgresql://periop@db1/periop_bench_42?sslmode=require"
        );
        assert_eq!(other("host=/tmp/s user=periop dbname=postgres"), "host=/tmp/s user=periop dbname=periop_bench_42");
        assert_eq!(other("host=/tmp/s user=periop"), "host=/tmp/s user=periop dbname=periop_bench_42");
        assert_eq!(
            other("host=db1 password='a b\\'c' dbname = ward sslmode=disable"),
            "host=db1 password='a b\\'c' dbname=periop_bench_42 sslmode=disable"
        );
        assert_eq!(other("dbname=a host=h dbname=b"), "dbname=periop_bench_42 host=h");
        // A name that needs it is encoded or quoted.
        let named = |text: &str, name: &str| match parse(text).with_database(name) {
            Some(Location::Postgres(s)) => s,
            other => panic!("{other:?}"),
        };
        assert_eq!(named("postgres://h/ward", "a b/c"), "postgres://h/a%20b%2Fc");
        assert_eq!(named("host=h dbname=ward", "it's a"), "host=h dbname='it\\'s a'");
    }
}
