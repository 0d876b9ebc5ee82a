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

/// Wall-clock `HH:MM` in the ward's zone.
pub fn clock_text(instant: DateTime<Utc>, zone: Tz) -> String {
    instant.with_timezone(&zone).format("%H:%M").to_string()
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

    #[test]
    fn a_time_in_the_spring_gap_moves_past_the_gap() {
        let t = at_local(date(2026, 3, 29), NaiveTime::from_hms_opt(2, 30, 0).unwrap(), Paris);
        assert_eq!(clock_text(t, Paris), "03:00");
    }
}
