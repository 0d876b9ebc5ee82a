//! Instants are stored in UTC; the ward lives in its own zone. These helpers
//! turn one into the other without assuming a day has 24 hours (DST).

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The ward's calendar day that contains `instant`.
pub fn local_day(instant: DateTime<Utc>, zone: Tz) -> NaiveDate {
    instant.with_timezone(&zone).date_naive()
}

/// The UTC instant of a wall-clock time on a ward day. A time skipped by a
/// spring-forward gap moves to the first instant after the gap; a time that
/// occurs twice in autumn takes the earlier one.
pub fn at_local(day: NaiveDate, time: NaiveTime, zone: Tz) -> DateTime<Utc> {
    from_local(day.and_time(time), zone)
}

pub fn from_local(local: NaiveDateTime, zone: Tz) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        LocalResult::None => {
            // Inside a DST gap: walk forward a minute at a time (gaps are at most 2 h).
            let mut probe = local;
            for _ in 0..180 {
                probe += Duration::minutes(1);
                if let Some(t) = zone.from_local_datetime(&probe).earliest() {
                    return t.with_timezone(&Utc);
                }
            }
            Utc.from_utc_datetime(&local)
        }
    }
}

/// `[start, end)` of a ward day in UTC: 23, 24 or 25 hours long.
pub fn day_bounds(day: NaiveDate, zone: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = at_local(day, NaiveTime::MIN, zone);
    let end = at_local(day.succ_opt().unwrap_or(day), NaiveTime::MIN, zone);
    (start, end)
}

/// Wall-clock `HH:MM` in the ward's zone. In the hour the autumn clock
/// change repeats, each reading carries its mark (`02:15 (1st)`,
/// `02:00 (2nd)`), so a span never reads `02:15–02:00`; the same marks are
/// typed to choose a reading ([`parse_clock`]).
pub fn clock_text(instant: DateTime<Utc>, zone: Tz) -> String {
    let local = instant.with_timezone(&zone);
    let clock = local.format("%H:%M").to_string();
    match reading_of(instant, zone) {
        Some(r) => format!("{clock} {}", r.mark()),
        None => clock,
    }
}

/// A day in a message: `27/11`, with the year when it is not the year of
/// `today` (`04/01/2027`), so a date read next year is not mistaken.
pub fn day_text(day: NaiveDate, today: NaiveDate) -> String {
    use chrono::Datelike;
    if day.year() == today.year() { day.format("%d/%m").to_string() } else { day.format("%d/%m/%Y").to_string() }
}

/// Which reading of a wall-clock time that occurs twice (the hour repeated
/// when the clocks go back in autumn).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// The first time round (summer time, e.g. +02:00 in Paris).
    First,
    /// The second time round (winter time, e.g. +01:00).
    Second,
}

impl Reading {
    /// As shown after the time, and as typed to choose it: `(1st)`,
    /// `(1re)` in French ([`parse_clock`] reads both languages' marks).
    pub fn mark(self) -> std::borrow::Cow<'static, str> {
        match self {
            Reading::First => tr!("store-reading-first"),
            Reading::Second => tr!("store-reading-second"),
        }
    }

    /// The marks typed to choose a reading, in every language, without
    /// brackets: `1st`, `1re`.
    fn typed(self) -> impl Iterator<Item = String> {
        let id = match self {
            Reading::First => "store-reading-first",
            Reading::Second => "store-reading-second",
        };
        crate::domain::language::Language::ALL
            .into_iter()
            .map(move |l| crate::i18n::t(l, id).trim_start_matches('(').trim_end_matches(')').to_string())
    }
}

/// The reading `instant` is, when its wall-clock time occurs twice.
pub fn reading_of(instant: DateTime<Utc>, zone: Tz) -> Option<Reading> {
    let local = instant.with_timezone(&zone).naive_local();
    match zone.from_local_datetime(&local) {
        LocalResult::Ambiguous(first, _) if first.with_timezone(&Utc) == instant => Some(Reading::First),
        LocalResult::Ambiguous(..) => Some(Reading::Second),
        _ => None,
    }
}

/// Every instant a wall-clock time on a ward day may be, earliest first:
/// one, or two in the hour the autumn change repeats (a time skipped in
/// spring moves past the gap, as [`at_local`]).
pub fn readings(local: NaiveDateTime, zone: Tz) -> Vec<DateTime<Utc>> {
    match zone.from_local_datetime(&local) {
        LocalResult::Ambiguous(first, second) => vec![first.with_timezone(&Utc), second.with_timezone(&Utc)],
        _ => vec![from_local(local, zone)],
    }
}

/// The instant of a wall-clock time on a ward day, in the `reading` asked
/// for when the time occurs twice (none asked: the first, as [`at_local`]).
pub fn at_local_reading(day: NaiveDate, time: NaiveTime, reading: Option<Reading>, zone: Tz) -> DateTime<Utc> {
    let all = readings(day.and_time(time), zone);
    match (reading, all.as_slice()) {
        (Some(Reading::Second), [_, second]) => *second,
        (_, [first, ..]) => *first,
        _ => at_local(day, time, zone),
    }
}

/// A time as typed, wherever one is: `08:30`, `8:30`, or the French habit
/// `8h30` (`8h` is 08:00); the minutes always two digits (`7:5` is refused:
/// it could be 07:05 or 07:50). An optional reading mark chooses between
/// the two readings of the hour the autumn change repeats: `02:05 (2nd)`
/// (or `02:05 2nd`, `1st` likewise, `(2e)` / `(1re)` in French). The one
/// reader of a typed time.
pub fn parse_clock(text: &str) -> Option<(NaiveTime, Option<Reading>)> {
    let text = text.trim();
    let end = text.find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | 'h' | 'H'))).unwrap_or(text.len());
    let (clock, rest) = text.split_at(end);
    let (hours, minutes) = clock.split_once([':', 'h', 'H'])?;
    // `8h` alone is on the hour; `8:` is not a time.
    let minutes = if minutes.is_empty() && !clock.contains(':') { "00" } else { minutes };
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !(matches!(hours.len(), 1 | 2) && minutes.len() == 2 && digits(hours) && digits(minutes)) {
        return None;
    }
    let time = NaiveTime::from_hms_opt(hours.parse().ok()?, minutes.parse().ok()?, 0)?;
    let mark = rest.trim().trim_start_matches('(').trim_end_matches(')').trim();
    let reading = match mark {
        "" => None,
        m if Reading::First.typed().any(|t| t == m) => Some(Reading::First),
        m if Reading::Second.typed().any(|t| t == m) => Some(Reading::Second),
        _ => return None,
    };
    Some((time, reading))
}

/// A time of day with no reading mark (a room's hours, a setting): as
/// [`parse_clock`] reads it.
pub fn parse_time_of_day(text: &str) -> Option<NaiveTime> {
    parse_clock(text).and_then(|(time, reading)| reading.is_none().then_some(time))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Paris;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn days_around_dst_changes_are_23_and_25_hours_long() {
        let (s, e) = day_bounds(date(2026, 3, 29), Paris);
        assert_eq!(e - s, Duration::hours(23));
        let (s, e) = day_bounds(date(2026, 10, 25), Paris);
        assert_eq!(e - s, Duration::hours(25));
        let (s, e) = day_bounds(date(2026, 11, 22), Paris);
        assert_eq!(e - s, Duration::hours(24));
    }

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_paris() {
        let t = Utc.with_ymd_and_hms(2026, 6, 30, 22, 30, 0).unwrap();
        assert_eq!(local_day(t, Paris), date(2026, 7, 1));
    }

    /// Issue 9: in the hour repeated on 25/10/2026 both readings are
    /// reachable and shown apart; `7:5` is not a time.
    #[test]
    fn the_repeated_autumn_hour_has_two_readings_each_marked() {
        let day = date(2026, 10, 25);
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let all = readings(day.and_time(t(2, 5)), Paris);
        assert_eq!(all.len(), 2);
        assert_eq!(all[1] - all[0], Duration::hours(1));
        assert_eq!(at_local_reading(day, t(2, 5), Some(Reading::Second), Paris), all[1]);
        assert_eq!(at_local_reading(day, t(2, 5), None, Paris), all[0]);
        assert_eq!(clock_text(all[0], Paris), "02:05 (1st)");
        assert_eq!(clock_text(all[1], Paris), "02:05 (2nd)");
        assert_eq!(clock_text(at_local(day, t(8, 0), Paris), Paris), "08:00");
        assert_eq!(parse_clock("02:05 (2nd)"), Some((t(2, 5), Some(Reading::Second))));
        assert_eq!(parse_clock("02:05 2nd"), Some((t(2, 5), Some(Reading::Second))));
        assert_eq!(parse_clock(" 08:30 "), Some((t(8, 30), None)));
        assert_eq!(parse_clock("7:5"), None);
        assert_eq!(parse_clock("07:05 (3rd)"), None);
        assert_eq!(parse_clock("24:00"), None);
    }

    /// Found by the French tester (issue 14): a French nurse types `8h30`;
    /// `8:30` and `08:30` are read too, wherever a time is typed.
    #[test]
    fn a_time_is_read_as_a_french_or_english_nurse_types_it() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        for typed in ["08:30", "8:30", "8h30", "08h30", "8H30", " 8h30 "] {
            assert_eq!(parse_clock(typed), Some((t(8, 30), None)), "{typed}");
        }
        assert_eq!(parse_clock("8h"), Some((t(8, 0), None)));
        assert_eq!(parse_clock("23h59"), Some((t(23, 59), None)));
        assert_eq!(parse_clock("2h05 (2e)"), Some((t(2, 5), Some(Reading::Second))));
        for refused in ["8", "8:", "8h3", "830", "8.30", "24h00", "8h60", "008:30", "8h30h", "08:30:00", "h30", ""] {
            assert_eq!(parse_clock(refused), None, "{refused}");
        }
        assert_eq!(parse_time_of_day("14h00"), Some(t(14, 0)));
        assert_eq!(parse_time_of_day("02:05 (2nd)"), None);
    }

    #[test]
    fn a_time_in_the_spring_gap_moves_past_the_gap() {
        let t = at_local(date(2026, 3, 29), NaiveTime::from_hms_opt(2, 30, 0).unwrap(), Paris);
        assert_eq!(clock_text(t, Paris), "03:00");
    }
}
