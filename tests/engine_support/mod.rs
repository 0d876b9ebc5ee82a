//! Which engine a test run's wards are on (issue 15): `.ci/test` runs the
//! store and end-to-end tests twice, on SQLite files and then with
//! `PERIOP_TEST_ENGINE=postgres` on the PostgreSQL server `PERIOP_TEST_PG`
//! names. Included by `store_common` and `e2e_support`.
#![allow(dead_code)] // each test binary uses its own subset

/// `sqlite` (or unset): wards are files. `postgres`: wards are throwaway
/// databases on the test server.
pub const ENGINE: &str = "PERIOP_TEST_ENGINE";

/// Whether this run's wards are on PostgreSQL. Panics on an engine it does
/// not know, or `postgres` in a build without the feature: a run asked
/// for PostgreSQL must never pass on files instead.
pub fn on_postgres() -> bool {
    match std::env::var(ENGINE).as_deref().map(str::trim) {
        Err(_) | Ok("") | Ok("sqlite") => false,
        Ok("postgres") if cfg!(feature = "postgres") => true,
        Ok("postgres") => panic!("{ENGINE}=postgres in a build without it: cargo test --features postgres"),
        Ok(other) => panic!("{ENGINE}={other}: say sqlite or postgres"),
    }
}

/// For a test whose subject only a file has (its permissions, its pages,
/// SQLite's own locks): on a PostgreSQL run it says so on the test's output
/// and returns true, and the test returns (it ran on the SQLite pass).
pub fn file_only(why: &str) -> bool {
    let skip = on_postgres();
    if skip {
        eprintln!("a file's only ({why}): ran on the SQLite pass");
    }
    skip
}
