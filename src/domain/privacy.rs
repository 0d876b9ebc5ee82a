//! R-PRIV-2: a screen left unattended hides patients' identities.

use chrono::{DateTime, TimeDelta, Utc};

/// R-PRIV-2: whether the screen locks at `now`, the last key having come at
/// `last_key` and `limit` (`cfg ui.idle_lock_min`) being the idle time
/// allowed. A clock that went backwards (a fixed clock reset) never locks.
pub fn idle_locked(last_key: DateTime<Utc>, now: DateTime<Utc>, limit: TimeDelta) -> bool {
    now - last_key >= limit
}

/// The idle time allowed, from the setting in minutes.
pub fn idle_limit(minutes: f64) -> TimeDelta {
    TimeDelta::seconds((minutes * 60.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn r_priv_2_the_screen_locks_at_the_limit_not_before() {
        let t = Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap();
        let limit = idle_limit(5.0);
        assert!(!idled(t, t + TimeDelta::seconds(299), limit));
        assert!(idled(t, t + TimeDelta::minutes(5), limit));
        assert!(!idled(t, t - TimeDelta::minutes(10), limit), "a clock set back does not lock");
        assert_eq!(idle_limit(0.5), TimeDelta::seconds(30));
    }

    fn idled(last: DateTime<Utc>, now: DateTime<Utc>, limit: TimeDelta) -> bool {
        idle_locked(last, now, limit)
    }
}
