//! PostgreSQL for the store's tests (issue 15): a throwaway database per
//! test on the server `PERIOP_TEST_PG` names (`.ci/test` starts one), dropped
//! when the test ends. Without `PERIOP_TEST_PG` a PostgreSQL test says it
//! was skipped and passes, unless `PERIOP_REQUIRE_PG=1` (CI), where it fails:
//! CI can never skip these silently.
//!
//! Included by `store_common` (as `store_common::pg_support`, with
//! `pg_ward` and the engine-neutral `new_ward`) and by `e2e_support`.
#![cfg(feature = "postgres")]
#![allow(dead_code)] // each test binary uses its own subset

use periop::store::Location;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The server's connection string (libpq `key=value` or a URL), naming a
/// database the tests may connect to in order to create their own.
pub const SERVER: &str = "PERIOP_TEST_PG";
/// `1`: a PostgreSQL test without a server fails instead of skipping.
pub const REQUIRE: &str = "PERIOP_REQUIRE_PG";

/// The test server's connection string; `None` (after saying so on the
/// test's output) when none is given. Panics when none is given and
/// `PERIOP_REQUIRE_PG=1`.
pub fn server() -> Option<String> {
    match std::env::var(SERVER) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var(REQUIRE).is_ok_and(|v| v == "1") => {
            panic!("{SERVER} unset but {REQUIRE}=1: the PostgreSQL tests must run (.ci/test starts a server)")
        }
        _ => {
            eprintln!("{SERVER} unset: skipped");
            None
        }
    }
}

/// A fresh, empty database on the test server, dropped (with its
/// connections) when this is dropped.
pub struct TempDb {
    /// The database, as `--db` would name it.
    pub location: Location,
    /// Its name on the server (`periop_t_<pid>_<counter>_<nanos>`).
    pub name: String,
    server: String,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TempDb {
    /// Creates the database; `None` when there is no test server ([`server`]).
    pub fn new() -> Option<TempDb> {
        Some(TempDb::on(server()?))
    }

    /// Creates the database on `server` (a connection string naming a
    /// database the tests may connect to), not the test server.
    pub fn on(server: String) -> TempDb {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().subsec_nanos();
        let name = format!("periop_t_{}_{}_{nanos}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
        client(&server).batch_execute(&format!("CREATE DATABASE {name}")).unwrap_or_else(|e| panic!("{name}: {e}"));
        let location = Location::Postgres(server.clone()).with_database(&name).expect("a server's location");
        TempDb { location, name, server }
    }

    /// The connection string of this database.
    pub fn url(&self) -> &str {
        match &self.location {
            Location::Postgres(url) => url,
            Location::File(_) => unreachable!("a TempDb is on PostgreSQL"),
        }
    }

    /// A raw connection to this database, behind the store's back.
    pub fn client(&self) -> postgres::Client {
        client(self.url())
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        // FORCE: a store or a child process may still hold a connection.
        let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        if let Err(e) =
            postgres::Client::connect(&self.server, postgres::NoTls).and_then(|mut c| c.batch_execute(&drop))
        {
            eprintln!("could not drop the test database {}: {e}", self.name);
        }
    }
}

/// A raw connection to `url`.
pub fn client(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).unwrap_or_else(|e| panic!("connect to the test server: {e}"))
}
