//! One way to say when a day is: its J-label against the procedure day, and
//! its distance from the day being viewed. Every screen, `periop board` and
//! its JSON use these, so a label never counts from the wrong day.

use super::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// When an instant falls, in the ward's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayLabel {
    /// The ward day of the instant.
    pub day: NaiveDate,
    /// Against the procedure day, when there is one (`J-1`).
    pub j: Option<String>,
    /// Against the day viewed ([`relative`]).
    pub relative: String,
}

/// The one function for any instant: its ward day in `zone`, its J-label
/// against `procedure_day`, and how far it is from the day `viewed` as seen
/// at `now` (the one clock).
pub fn of(
    instant: DateTime<Utc>,
    procedure_day: Option<NaiveDate>,
    viewed: NaiveDate,
    now: DateTime<Utc>,
    zone: Tz,
) -> DayLabel {
    let day = ward_time::local_day(instant, zone);
    DayLabel {
        day,
        j: procedure_day.map(|p| j_label(day, p)),
        relative: relative(day, viewed, ward_time::local_day(now, zone)),
    }
}

/// `J-3`, `J0`, `J+2`: the ward's notation for `day` relative to the procedure day.
pub fn j_label(day: NaiveDate, procedure_day: NaiveDate) -> String {
    match (day - procedure_day).num_days() {
        0 => "J0".to_string(),
        n if n > 0 => format!("J+{n}"),
        n => format!("J{n}"),
    }
}

/// `Sat 28/11/2026` (`sam. 28/11/2026`): a day in full, for dates a nurse
/// acts on; the weekday in the language in force, the date dd/mm/yyyy in both.
pub fn day_text(day: NaiveDate) -> String {
    use chrono::Datelike;
    tr!("day-text", weekday = crate::i18n::weekday(crate::i18n::language(), day.weekday()), date = date_text(day))
        .into_owned()
}

/// `28/11/2026`: a date, in both languages.
pub fn date_text(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// A day as typed, in a form or a command's `--date`: `23/11/2026` as every
/// screen writes it (`1/12/2026` too; a whole year: `23/11/26` is refused), or `2026-11-23`
/// (ISO, as scripts and the JSON write it). The one reader of a typed day.
///
/// Errors: the refusal in words, in the language in force: a day the
/// calendar lacks (`31/02/2026`) is named as such; anything else gets the
/// format to write.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    // A part of one or two digits (`1/12/2026`), a year of four.
    let digits = |p: &str, n: usize| (p.len() == n || n == 2 && p.len() == 1) && p.bytes().all(|b| b.is_ascii_digit());
    let french: Vec<&str> = text.split('/').collect();
    let iso: Vec<&str> = text.split('-').collect();
    let (shaped, day) = if french.len() == 3 && french.iter().zip([2, 2, 4]).all(|(p, n)| digits(p, n)) {
        (true, NaiveDate::parse_from_str(text, "%d/%m/%Y").ok())
    } else if iso.len() == 3 && iso.iter().zip([4, 2, 2]).all(|(p, n)| digits(p, n)) {
        (true, NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
    } else {
        (false, None)
    };
    day.ok_or_else(|| {
        // Found in use (issue 14): `31/02/2026` is written as asked, and was
        // answered with the format; it is a day the calendar does not have.
        if shaped { tr!("admin-no-such-day", day = text) } else { tr!("admin-a-date") }.into_owned()
    })
}

/// How far `day` is from `viewed`, the day on screen. When `viewed` is
/// `today` (the ward day of the clock): `today`, `yesterday`, `tomorrow`,
/// `3 days ago`, `in 3 days`. When another day is on screen the words name it,
/// so nothing counts from today by mistake: `the day viewed`,
/// `1 day before 01/12`, `2 days after 01/12`.
pub fn relative(day: NaiveDate, viewed: NaiveDate, today: NaiveDate) -> String {
    let n = (day - viewed).num_days();
    if viewed == today {
        return match n {
            0 => tr!("day-today"),
            -1 => tr!("day-yesterday"),
            1 => tr!("day-tomorrow"),
            n if n < 0 => tr!("day-ago", count = -n),
            n => tr!("day-in", count = n),
        }
        .into_owned();
    }
    let on = viewed.format("%d/%m").to_string();
    match n {
        0 => tr!("day-viewed"),
        n if n < 0 => tr!("day-before", count = -n, day = on),
        n => tr!("day-after", count = n, day = on),
    }
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn j_labels_count_from_the_procedure_day() {
        assert_eq!(j_label(d(11, 20), d(11, 23)), "J-3");
        assert_eq!(j_label(d(11, 23), d(11, 23)), "J0");
        assert_eq!(j_label(d(11, 24), d(11, 23)), "J+1");
        assert_eq!(day_text(d(11, 28)), "Sat 28/11/2026");
    }

    /// An instant between UTC and local midnight is on the ward's day.
    #[test]
    fn an_instant_is_labelled_by_its_ward_day() {
        use chrono::TimeZone;
        use chrono_tz::Europe::Paris;
        let at = Utc.with_ymd_and_hms(2026, 11, 22, 23, 30, 0).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let label = of(at, Some(d(11, 24)), d(11, 23), now, Paris);
        assert_eq!(label, DayLabel { day: d(11, 23), j: Some("J-1".into()), relative: "today".into() });
    }

    #[test]
    fn relative_days_count_from_the_day_viewed() {
        let today = d(11, 30);
        let words = |day| relative(day, today, today);
        assert_eq!(
            [d(11, 27), d(11, 29), d(11, 30), d(12, 1), d(12, 3)].map(words),
            ["3 days ago", "yesterday", "today", "tomorrow", "in 3 days"]
        );
        // On tomorrow's board, yesterday is two days before it, not "1 day ago".
        assert_eq!(relative(d(11, 29), d(12, 1), today), "2 days before 01/12");
        assert_eq!(relative(d(11, 30), d(12, 1), today), "1 day before 01/12");
        assert_eq!(relative(d(12, 2), d(12, 1), today), "1 day after 01/12");
        assert_eq!(relative(d(12, 1), d(12, 1), today), "the day viewed");
    }

    /// Found by the French tester (issue 14): `--date` took only
    /// `2026-12-01` while every screen writes `01/12/2026`. Both are read,
    /// by one parser, with a whole year.
    #[test]
    fn a_day_is_read_as_the_screens_write_it_or_as_iso() {
        assert_eq!(parse_day("01/12/2026"), Ok(d(12, 1)));
        assert_eq!(parse_day(" 2026-12-01 "), Ok(d(12, 1)));
        assert_eq!(parse_day("1/12/2026"), Ok(d(12, 1)));
        assert_eq!(parse_day("23/11/2026"), parse_day("2026-11-23"));
        for refused in ["01/12/26", "001/12/2026", "12/2026", "tomorrow", "", "01-12-2026", "2026/12/01"] {
            assert_eq!(parse_day(refused), Err("a date dd/mm/yyyy, such as 23/11/2026".to_string()), "{refused}");
        }
        assert_eq!(parse_day("31/02/2026"), Err("no day 31/02/2026 in the calendar".to_string()));
        assert_eq!(parse_day("2026-02-31"), Err("no day 2026-02-31 in the calendar".to_string()));
        let _fr = crate::i18n::scope(crate::domain::language::Language::Fr);
        assert!(parse_day("31/02/2026").unwrap_err().contains("31/02/2026"));
    }

    #[test]
    fn days_are_said_in_the_language_in_force() {
        let _french = crate::i18n::scope(crate::domain::language::Language::Fr);
        let today = d(11, 30);
        assert_eq!(day_text(d(11, 28)), "sam. 28/11/2026");
        assert_eq!(relative(d(11, 29), today, today), "hier");
        assert_eq!(relative(d(11, 27), today, today), "il y a 3 jours");
        assert_eq!(relative(d(11, 29), d(12, 1), today), "2 jours avant le 01/12");
        assert_eq!(relative(d(12, 2), d(12, 1), today), "1 jour après le 01/12");
    }
}
