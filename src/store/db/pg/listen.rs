//! Live refresh on PostgreSQL: the write path's notification
//! (`pg_notify('periop_audit', '')` inside the saving transaction,
//! delivered when it commits) wakes the watchers that `LISTEN`.

use super::super::Result;
use super::Client;
use postgres::fallible_iterator::FallibleIterator;
use std::time::Duration;

impl Client {
    /// Starts listening on `channel` (a plain identifier).
    pub(in crate::store::db) fn listen(&self, channel: &str) -> Result<()> {
        self.batch(&format!("LISTEN {channel}")) // i18n: SQL
    }

    /// Waits up to `timeout` for a notification on a channel listened to;
    /// true if one (or more) came. Several queued are taken at once: one
    /// read of the audit log answers them all.
    pub(in crate::store::db) fn wait_for_notification(&self, timeout: Duration) -> Result<bool> {
        let mut client = self.client.borrow_mut();
        let mut notifications = client.notifications();
        let first = notifications.timeout_iter(timeout).next()?.is_some();
        if first {
            while notifications.iter().next()?.is_some() {}
        }
        Ok(first)
    }
}
