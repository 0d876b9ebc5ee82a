//! R-DO-4, R-DO-5: the rounds sheet of any ward day, as the Rounds tab and
//! `periop rounds --date` show it. A day gone by is judged as it stood when
//! it ended: what was done (turns reported late counted), which sessions
//! were missed, the rounds made by then. Today is judged now. A day to come
//! is its plan: its phase, its sessions and their turns, the length planned
//! by its end; alerts are judged on today's sheet, never projected onto a
//! day that has not come.

use super::alerts::{self, Record, Status, StrutsToday, due_sessions, plan_of};
use super::hexapod_log;
use super::round::Round;
use crate::domain::settings::Settings;
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// The case's line on the sheet of `day`, seen at `now` (the one clock).
pub fn status_on(record: &Record<'_>, day: NaiveDate, now: DateTime<Utc>, zone: Tz, settings: &Settings) -> Status {
    let today = ward_time::local_day(now, zone);
    if day > today {
        return planned(record, day, zone, settings);
    }
    let mut status = alerts::status(record, judged_at(day, now, zone), zone, settings);
    if day < today {
        // Once the day is over, every session of it not recorded was missed,
        // even one due in its last `do.session_late_h` hours.
        let recorded: Vec<u32> = record.sessions.iter().filter(|s| s.day == day).map(|s| s.session).collect();
        status.overdue_sessions =
            status.due_today.iter().map(|(n, _, _)| *n).filter(|n| !recorded.contains(n)).collect();
        status.overdue = status.overdue_sessions.len() as u32;
    }
    status
}

/// The instant a day's sheet is judged at: `now` on the day itself, the
/// last second of a day gone by, the first of a day to come.
pub fn judged_at(day: NaiveDate, now: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    let (start, end) = ward_time::day_bounds(day, zone);
    now.clamp(start, end - chrono::Duration::seconds(1))
}

/// The rounds made by the end of `day` (ward time), oldest first.
pub fn rounds_by(rounds: &[Round], day: NaiveDate, zone: Tz) -> &[Round] {
    &rounds[..rounds.partition_point(|r| ward_time::local_day(r.at, zone) <= day)]
}

/// A day to come: the plan of that day, nothing judged. On a hexapod frame
/// with its prescription (R-DO-8), its struts due that day, not sessions.
fn planned(record: &Record<'_>, day: NaiveDate, zone: Tz, settings: &Settings) -> Status {
    let p = record.prescription;
    let plan = plan_of(record);
    let (phase, day_number) = alerts::phase_on(record, &plan, day);
    let due = if record.hexapod.is_some() { Vec::new() } else { due_sessions(&plan, day, zone, settings) };
    let recorded = record.sessions.iter().filter(|s| s.day <= day);
    let struts_today = record.hexapod.map(|sheet| StrutsToday::of(sheet, day, Vec::new()));
    let (achieved_mm, planned_mm) = match record.hexapod {
        Some(sheet) => hexapod_log::correction_by(&sheet.plan, &sheet.log, day),
        None => (p.mm(recorded.map(|s| s.turns).sum()), plan.planned_mm_by(day)),
    };
    Status {
        phase,
        day_number,
        sessions_done: record.sessions.iter().filter(|s| s.day == day).count() as u32,
        sessions_due: due.len() as u32,
        overdue: 0,
        overdue_sessions: Vec::new(),
        achieved_mm,
        planned_mm,
        target_mm: alerts::target_mm(record),
        worst_pin: record.rounds.last().and_then(Round::worst_pin),
        healing_index: None,
        due_today: due,
        struts_today,
        alerts: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::case::tests::{d, tibia};
    use super::super::round::SessionDone;
    use super::super::round::tests::round;
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::UTC;

    fn at(day: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, h, 0, 0).unwrap()
    }

    fn session(day: NaiveDate, n: u32) -> SessionDone {
        SessionDone { day, session: n, turns: 1, done_at: at(day.day0() + 1, 7 + n), by_phone: false, version: 1 }
    }

    use chrono::Datelike;

    /// The tibia (distraction from 08/11, 4 sessions of one turn) with
    /// every session done from the start to `until`, then `then` on the next day.
    fn done_until(until: NaiveDate, then: &[u32]) -> Vec<SessionDone> {
        let mut out = Vec::new();
        let mut day = tibia().computed_start();
        while day <= until {
            out.extend((1..=4).map(|n| session(day, n)));
            day = day.succ_opt().unwrap();
        }
        out.extend(then.iter().map(|n| session(day, *n)));
        out
    }

    #[test]
    fn r_do_4_a_day_gone_by_names_the_sessions_missed_as_it_ended() {
        let p = tibia();
        // 11/11: sessions 1 and 3 done; 2 and 4 never recorded.
        let sessions = done_until(d(11, 10), &[1, 3]);
        let record =
            Record { case_id: 1, prescription: &p, events: &[], sessions: &sessions, rounds: &[], hexapod: None };
        let now = at(12, 9);
        let s = status_on(&record, d(11, 11), now, UTC, &Settings::default());
        assert_eq!((s.sessions_done, s.sessions_due, s.overdue), (2, 4, 2));
        assert_eq!(s.overdue_sessions, [2, 4]);
        // The last session due at 23:00 is not 2 h late at midnight, yet missed.
        let (late, _) = Settings::from_pairs([("do.last_session".to_string(), "23:00".to_string())]);
        let s = status_on(&record, d(11, 11), now, UTC, &late);
        assert_eq!(s.overdue_sessions, [2, 4]);
        // Today (12/11 09:00) nothing is late yet.
        let s = status_on(&record, d(11, 12), now, UTC, &Settings::default());
        assert_eq!((s.sessions_done, s.overdue), (0, 0));
    }

    #[test]
    fn r_do_6_a_day_gone_by_is_judged_without_the_rounds_after_it() {
        let p = tibia();
        let sessions = done_until(d(11, 12), &[]);
        let mut later = round(1, &[0, 3, 0, 0, 0, 0]);
        later.at = at(12, 10);
        let mut before = round(1, &[0, 1, 0, 0, 0, 0]);
        before.at = at(11, 10);
        let rounds = [before, later];
        let record =
            Record { case_id: 1, prescription: &p, events: &[], sessions: &sessions, rounds: &rounds, hexapod: None };
        let now = at(12, 11);
        let yesterday = status_on(&record, d(11, 11), now, UTC, &Settings::default());
        assert_eq!(yesterday.worst_pin, Some((2, 1)));
        assert!(yesterday.alerts.is_empty(), "{:?}", yesterday.alerts);
        let today = status_on(&record, d(11, 12), now, UTC, &Settings::default());
        assert_eq!(today.worst_pin, Some((2, 3)));
        assert!(today.alerts.iter().any(|a| a.message.starts_with("PIN SITE GRADE 3")));
        assert_eq!(rounds_by(&rounds, d(11, 11), UTC).len(), 1);
    }

    #[test]
    fn r_do_2_a_day_to_come_is_its_plan_and_projects_no_alert() {
        let p = tibia();
        // Today 12/11 at 13:00: two sessions of four done (today is not over).
        let sessions = done_until(d(11, 11), &[1, 2]);
        let record =
            Record { case_id: 1, prescription: &p, events: &[], sessions: &sessions, rounds: &[], hexapod: None };
        let s = status_on(&record, d(11, 13), at(12, 13), UTC, &Settings::default());
        assert_eq!(s.due_today.len(), 4);
        assert_eq!(s.due_today.iter().map(|(_, turns, _)| turns).sum::<u32>(), 4);
        assert_eq!((s.sessions_done, s.overdue), (0, 0));
        assert_eq!(s.planned_mm, 6.0, "planned by the end of 13/11");
        assert!(s.alerts.is_empty(), "today's half-done turns are not judged as a past day: {:?}", s.alerts);
    }
}
