//! `periop reindex`: the search indexes built again from the records, when
//! `periop check` found them damaged or changed behind periop's back
//! (R-AUDIT-3). The indexes only repeat what the patients and the audit log
//! hold, so nothing of the ward's is lost.

use super::Store;
use super::error::Result;
use crate::domain::roles::Change;
use chrono::{DateTime, Utc};
use serde_json::json;

/// What a rebuild indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reindexed {
    pub patients: u64,
    /// Audit rows indexed, the rebuild's own row not counted.
    pub audit_rows: u64,
}

impl Store {
    /// Drops `patient_search`, `audit_search` and `audit_terms` and builds
    /// them again from the patients and the audit rows, in one write
    /// transaction: other terminals keep reading (WAL) and see the old
    /// indexes until it commits; their saves wait for it (in the full screen
    /// at most 2 s, then they say the lock is held and the same keys retry).
    /// `progress` is told (rows done, rows in all) every thousand rows.
    /// Audited as one row (`search_indexes`, row 0, action `update`, with `rebuilt` and
    /// the counts), chained and indexed like any other.
    ///
    /// Errors: [`super::StoreError::NotAllowed`] unless the actor is an admin
    /// (R-ROLE-1, [`Change::SearchIndexes`]), checked before anything is
    /// read; [`super::StoreError::Damaged`] when the file's pages are damaged
    /// (the quick check before a process's first write: restore the backup;
    /// damage found only in the search indexes does not stop the rebuild);
    /// [`super::StoreError::Held`] when another program keeps the write lock.
    pub fn reindex(&mut self, at: DateTime<Utc>, progress: &mut dyn FnMut(u64, u64)) -> Result<Reindexed> {
        self.write_checked(at, true, |tx| {
            tx.permit_change(Change::SearchIndexes)?;
            let (patients, audit_rows) = super::search::remake_indexes(tx.conn(), progress)?;
            let done = json!({ "rebuilt": true, "patients": patients, "audit_rows": audit_rows });
            tx.audit_file_change("search_indexes", "update", &done)?;
            Ok(Reindexed { patients, audit_rows })
        })
    }
}
