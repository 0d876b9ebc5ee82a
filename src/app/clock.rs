//! The one clock. `--now` / `PERIOP_NOW` fixes it, for tests and demonstrations.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => at,
        }
    }
}

/// A `--now` value before the ward's zone is known: `2026-11-23T08:00` is
/// ward time; `2026-11-23T07:00Z` or with an offset is absolute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NowArg {
    Ward(NaiveDateTime),
    Absolute(DateTime<Utc>),
}

impl NowArg {
    pub fn parse(text: &str) -> Result<NowArg, String> {
        let text = text.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(text) {
            return Ok(NowArg::Absolute(t.with_timezone(&Utc)));
        }
        // `2026-11-23T07:00Z`, the form the help shows: UTC without seconds.
        if let Some(utc) = text.strip_suffix(['Z', 'z'])
            && let Ok(t) = NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M")
        {
            return Ok(NowArg::Absolute(t.and_utc()));
        }
        for format in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
            if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
                return Ok(NowArg::Ward(t));
            }
        }
        Err(format!("{text:?} is not a date and time; write it like 2026-11-23T08:00 (ward time) or 2026-11-23T07:00Z"))
    }

    pub fn resolve(self, zone: Tz) -> DateTime<Utc> {
        match self {
            NowArg::Absolute(t) => t,
            NowArg::Ward(t) => crate::domain::ward_time::from_local(t, zone),
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_utc_form_the_help_shows_is_read() {
        let at = NowArg::parse("2026-11-23T07:00Z").unwrap().resolve(chrono_tz::Europe::Paris);
        assert_eq!(at, Utc.with_ymd_and_hms(2026, 11, 23, 7, 0, 0).unwrap());
    }
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn ward_time_and_absolute_time_are_both_understood() {
        let paris = chrono_tz::Europe::Paris;
        let ward = NowArg::parse("2026-11-23T08:00").unwrap().resolve(paris);
        assert_eq!(ward, Utc.with_ymd_and_hms(2026, 11, 23, 7, 0, 0).unwrap());
        let abs = NowArg::parse("2026-11-23T08:00:00Z").unwrap().resolve(paris);
        assert_eq!(abs, Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap());
        assert!(NowArg::parse("tomorrow").unwrap_err().contains("2026-11-23T08:00"));
    }
}
