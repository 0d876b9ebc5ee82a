//! The one clock. `--now` / `PERIOP_NOW` fixes it, for tests and demonstrations.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
    /// For tests of clock-driven behaviour (the idle lock, R-PRIV-2): a fixed
    /// time read from the file `PERIOP_NOW_FILE` names, again at each reading,
    /// so a test moves the clock by rewriting the file. Starts at the time
    /// given (the file unreadable keeps the last time read).
    FromFile(DateTime<Utc>),
}

/// The file and zone of [`Clock::FromFile`], and the last time read.
static NOW_FILE: std::sync::Mutex<Option<(std::path::PathBuf, Tz, DateTime<Utc>)>> = std::sync::Mutex::new(None);

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => at,
            Clock::FromFile(start) => {
                let mut file = NOW_FILE.lock().unwrap_or_else(|e| e.into_inner());
                let Some((path, zone, last)) = file.as_mut() else { return start };
                if let Some(at) = std::fs::read_to_string(&*path)
                    .ok()
                    .and_then(|t| NowArg::parse(&t).ok())
                    .map(|arg| arg.resolve(*zone))
                {
                    *last = at;
                }
                *last
            }
        }
    }

    /// The clock `PERIOP_NOW_FILE` asks for, if it is set: starting at `start`.
    pub fn from_file_env(start: DateTime<Utc>, zone: Tz) -> Option<Clock> {
        let path = std::env::var_os("PERIOP_NOW_FILE")?;
        let mut file = NOW_FILE.lock().unwrap_or_else(|e| e.into_inner());
        *file = Some((path.into(), zone, start));
        Some(Clock::FromFile(start))
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
    /// Reads a `--now` (or `--at`, `--surgery`) value. The refusal names the
    /// text and the forms it may take, in the language in force when it is
    /// parsed: `--now` follows `--lang` only if `main` parses it after
    /// `i18n::set_language`. Callers may put the option's name in front
    /// (`--at "x" is not a date and time; …`).
    pub fn parse(text: &str) -> Result<NowArg, String> {
        let text = text.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(text) {
            return Ok(NowArg::Absolute(t.with_timezone(&Utc)));
        }
        // `2026-10-25T02:05+01:00`: an offset says which reading of a time
        // the autumn clock change repeats (issue 9).
        if let Ok(t) = DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M%:z") {
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
        Err(tr!("terminal-now-not-a-time", text = format!("{text:?}")).into_owned())
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
        assert_eq!(
            NowArg::parse("tomorrow").unwrap_err(),
            "\"tomorrow\" is not a date and time; write it like 2026-11-23T08:00 (ward time) or 2026-11-23T07:00Z"
        );
        // Issue 9: an offset without seconds picks the second 02:05.
        let second = NowArg::parse("2026-10-25T02:05+01:00").unwrap().resolve(paris);
        assert_eq!(second, Utc.with_ymd_and_hms(2026, 10, 25, 1, 5, 0).unwrap());
    }

    /// Issue 14: the refusal in French, the text quoted as typed.
    #[test]
    fn a_time_that_is_not_one_is_refused_in_the_language_in_force() {
        let _fr = crate::i18n::scope(crate::domain::language::Language::Fr);
        let refused = NowArg::parse("demain").unwrap_err();
        assert_eq!(
            refused,
            "\"demain\" n'est pas une date et une heure\u{a0}; \
             écrivez par exemple 2026-11-23T08:00 (heure du service) ou 2026-11-23T07:00Z"
        );
        assert!(!refused.contains("is not"), "{refused}");
    }
}
