//! R-DO-3, R-DO-4, R-DO-6 and R-DO-7: what a distraction case's plan, its
//! recorded sessions and rounds call for, as alerts for the round, the
//! Rounds tab and the Board's attention list; and each case's line on the
//! rounds list.

use super::case::Prescription;
use super::hexapod_log::{self, Sheet};
use super::plan::{self, Phase, PhaseEvent, PhaseKind, Plan};
use super::round::{Round, SessionDone};
use crate::domain::attention::{Alert, Severity, Subject};
use crate::domain::settings::Settings;
use crate::domain::ward_time;
use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

pub const DAILY_TOLERANCE: &str = "do.daily_tolerance_mm";
pub const LENGTH_TOLERANCE: &str = "do.length_tolerance_mm";
pub const SESSION_LATE: &str = "do.session_late_h";
pub const FIRST_SESSION: &str = "do.first_session";
pub const LAST_SESSION: &str = "do.last_session";
pub const FEVER: &str = "do.fever_c";
pub const ROM_LOSS: &str = "do.rom_loss_deg";
pub const HI_ALERT: &str = "do.hi_alert";

/// Pain up this many points (0–10) from the previous round is flagged (R-DO-6).
pub const PAIN_JUMP: u8 = 3;

/// Everything recorded for one distraction case.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    pub case_id: i64,
    pub prescription: &'a Prescription,
    pub events: &'a [PhaseEvent],
    /// Every session recorded, any order.
    pub sessions: &'a [SessionDone],
    /// Every round that counts (none voided), oldest first.
    pub rounds: &'a [Round],
    /// R-DO-8: a hexapod frame's prescription in force and its log; its
    /// strut adjustments take the place of turns.
    pub hexapod: Option<&'a Sheet>,
}

/// One case on the rounds list (R-DO-4), as of `now`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    pub phase: Phase,
    /// The day within the phase (day 1 is its first).
    pub day_number: i64,
    /// Today's sessions recorded.
    pub sessions_done: u32,
    /// Today's sessions with turns to make.
    pub sessions_due: u32,
    /// Today's sessions past due by more than `do.session_late_h` and not recorded.
    pub overdue: u32,
    /// Their numbers (1-based): on a day gone by, the sessions missed.
    pub overdue_sessions: Vec<u32>,
    /// Recorded length, in mm.
    pub achieved_mm: f64,
    /// Planned length by now, in mm.
    pub planned_mm: f64,
    pub target_mm: f64,
    /// The worst pin grade at the latest round, and its pin (1-based).
    pub worst_pin: Option<(u32, u8)>,
    /// R-DO-7, in d/cm, in consolidation and after removal.
    pub healing_index: Option<f64>,
    /// Today's sessions with turns to make: number (1-based), turns, when due.
    pub due_today: Vec<(u32, u32, DateTime<Utc>)>,
    /// R-DO-8, a hexapod frame: today's struts adjusted and due, and its
    /// prescription's revision.
    pub struts_today: Option<StrutsToday>,
    pub alerts: Vec<Alert>,
}

impl Status {
    /// Today's work in a few words: `sessions 2/4`, or on a hexapod frame
    /// `struts 3/5 (rev 2)` (R-DO-8).
    pub fn today_text(&self) -> String {
        match &self.struts_today {
            Some(s) => tr!("rounds-today-struts", done = s.done.len(), due = s.due.len(), revision = s.revision),
            None => tr!("rounds-today-sessions", done = self.sessions_done, due = self.sessions_due),
        }
        .into_owned()
    }
}

/// R-DO-8: a hexapod frame's day on the rounds list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrutsToday {
    pub revision: u32,
    /// Struts (1-based) adjusted today, and those due today.
    pub done: Vec<u8>,
    pub due: Vec<u8>,
    /// What the log calls for (also among the alerts), for the sheet's marks.
    #[serde(skip)]
    pub flags: Vec<hexapod_log::Flag>,
}

impl StrutsToday {
    /// `sheet`'s struts of `day`, with the `flags` its log calls for.
    pub fn of(sheet: &Sheet, day: NaiveDate, flags: Vec<hexapod_log::Flag>) -> StrutsToday {
        let (done, due) = hexapod_log::progress(&sheet.plan, &sheet.log, day);
        StrutsToday { revision: sheet.revision, done, due, flags }
    }
}

/// The length a case aims at, in mm: on a hexapod frame with its
/// prescription, what its revision corrects (a revision re-plans what is
/// left, R-DO-8); otherwise the prescription's target.
pub fn target_mm(record: &Record<'_>) -> f64 {
    record.hexapod.map_or(record.prescription.target_mm, |h| h.plan.correction_mm)
}

/// The plan in force for a record.
pub fn plan_of(record: &Record<'_>) -> Plan {
    Plan::build(record.prescription, record.events)
}

/// R-DO-7: the phase of the case on `day`, and the day within it.
///
/// The plan says consolidation once its turning days are over. But
/// consolidation starts when the length is gained, or when the surgeon ends
/// distraction (a recorded step): a case whose planned days are over with
/// turns still owed is shown in distraction (its day counted from the
/// start), not as if the bone were consolidating, so that LENGTH OFF PLAN
/// is raised (R-DO-3) and "end of distraction" remains the step that closes
/// it. A hexapod frame (R-DO-8) is judged by its own log.
pub fn phase_on(record: &Record<'_>, plan: &Plan, day: NaiveDate) -> (Phase, i64) {
    let phase = plan.phase_on(day);
    let ended = record.events.iter().any(|e| e.kind == PhaseKind::EndDistraction && e.on <= day);
    let achieved: u32 = record.sessions.iter().filter(|s| s.day <= day).map(|s| s.turns).sum();
    if phase == Phase::Consolidation && !ended && record.hexapod.is_none() && achieved < plan.target_turns {
        // A pause recorded past the planned days holds until its resume.
        let last = record
            .events
            .iter()
            .filter(|e| e.on <= day && matches!(e.kind, PhaseKind::Pause | PhaseKind::Resume))
            .max_by_key(|e| e.on);
        let owed = if last.is_some_and(|e| e.kind == PhaseKind::Pause) { Phase::Paused } else { Phase::Distraction };
        return (owed, (day - plan.start).num_days() + 1);
    }
    (phase, plan.day_number(day, record.prescription.osteotomy_on))
}

fn turns_on(sessions: &[SessionDone], day: NaiveDate) -> u32 {
    sessions.iter().filter(|s| s.day == day).map(|s| s.turns).sum()
}

/// R-DO-4: the due instants of `day`'s sessions that have turns to make,
/// with their 1-based numbers.
pub fn due_sessions(plan: &Plan, day: NaiveDate, zone: Tz, settings: &Settings) -> Vec<(u32, u32, DateTime<Utc>)> {
    let sessions = plan.sessions_on(day);
    let times = plan::due_times(day, sessions.len(), settings.time(FIRST_SESSION), settings.time(LAST_SESSION), zone);
    sessions
        .iter()
        .zip(times)
        .enumerate()
        .filter(|(_, (turns, _))| **turns > 0)
        .map(|(i, (turns, due))| (i as u32 + 1, *turns, due))
        .collect()
}

/// The case's line on the rounds list and every alert it raises, at `now`.
/// Only the rounds made by `now` count: a day gone by is judged without
/// the rounds that came after it.
pub fn status(record: &Record<'_>, now: DateTime<Utc>, zone: Tz, settings: &Settings) -> Status {
    let rounds = &record.rounds[..record.rounds.partition_point(|r| r.at <= now)];
    let p = record.prescription;
    let plan = plan_of(record);
    let today = ward_time::local_day(now, zone);
    let yesterday = today.checked_sub_days(Days::new(1)).unwrap_or(today);
    let (phase, day_number) = phase_on(record, &plan, today);
    // R-DO-8: on a hexapod frame with its prescription, the struts are
    // adjusted instead of turns made; its log is judged instead.
    let due = if record.hexapod.is_some() { Vec::new() } else { due_sessions(&plan, today, zone, settings) };
    let recorded_today: Vec<u32> = record.sessions.iter().filter(|s| s.day == today).map(|s| s.session).collect();
    let late = chrono::Duration::minutes((settings.number(SESSION_LATE) * 60.0).round() as i64);
    let overdue: Vec<(u32, DateTime<Utc>)> = due
        .iter()
        .filter(|(n, _, at)| *at + late < now && !recorded_today.contains(n))
        .map(|(n, _, at)| (*n, *at))
        .collect();
    let achieved_turns: u32 = record.sessions.iter().filter(|s| s.day <= today).map(|s| s.turns).sum();
    let due_so_far: u32 = due.iter().filter(|(_, _, at)| *at <= now).map(|(_, turns, _)| turns).sum();
    let expected_turns = plan.planned_turns_by(yesterday) + due_so_far;
    let latest = rounds.last();
    let until = plan.removed_on.unwrap_or(today);
    // Meaningful once the length is gained: in consolidation and after removal.
    let healing_index = plan::healing_index(p.osteotomy_on, until, p.mm(achieved_turns))
        .filter(|_| matches!(phase, Phase::Consolidation | Phase::Removed));

    let hexapod_flags = record
        .hexapod
        .map(|sheet| hexapod_log::flags(&sheet.plan, &sheet.log, now, zone, settings))
        .unwrap_or_default();
    let mut alerts = Vec::new();
    let alert = |rule: &'static str, severity, message: String| Alert {
        rule,
        severity,
        subject: Subject::Distraction(record.case_id),
        message,
    };
    // R-DO-4.
    if let Some((n, at)) = overdue.first() {
        let more = if overdue.len() > 1 {
            tr!("rounds-alert-overdue-more", count = overdue.len() - 1).into_owned()
        } else {
            String::new()
        };
        alerts.push(alert(
            "R-DO-4",
            Severity::Warning,
            tr!("rounds-alert-overdue", session = *n, time = ward_time::clock_text(*at, zone), more = more)
                .into_owned(),
        ));
    }
    if phase != Phase::Removed {
        alerts.extend(round_alerts(rounds, settings).into_iter().map(|(rule, sev, m)| alert(rule, sev, m)));
        if record.hexapod.is_some() {
            alerts.extend(hexapod_flags.iter().map(|f| alert("R-DO-8", f.severity, f.message.clone())));
        } else {
            alerts.extend(
                turn_alerts(record, &plan, today, zone, settings).into_iter().map(|(sev, m)| alert("R-DO-3", sev, m)),
            );
        }
        let drift = p.mm(achieved_turns) - p.mm(expected_turns);
        if record.hexapod.is_none()
            && matches!(phase, Phase::Distraction | Phase::Paused)
            && drift.abs() > settings.number(LENGTH_TOLERANCE)
        {
            alerts.push(alert(
                "R-DO-3",
                Severity::Warning,
                tr!(
                    "rounds-alert-length",
                    done = fmt_mm(p.mm(achieved_turns)),
                    planned = fmt_mm(p.mm(expected_turns)),
                    setting = settings.cite(LENGTH_TOLERANCE),
                    todo = match plan.end.filter(|end| *end <= today) {
                        Some(end) => tr!("rounds-alert-length-ended", day = crate::domain::day_label::date_text(end)),
                        None => tr!("rounds-alert-length-review"),
                    }
                )
                .into_owned(),
            ));
        }
        let rate = record.hexapod.map_or_else(|| current_rate(record, today), |h| h.plan.rate_mm_day);
        if let Some(message) = p.rate_warning(rate, settings).filter(|_| phase == Phase::Distraction) {
            alerts.push(alert("R-DO-3", Severity::Warning, message));
        }
    }
    if let Some(hi) = healing_index
        .filter(|hi| matches!(phase, Phase::Consolidation | Phase::Removed) && *hi > settings.number(HI_ALERT))
    {
        alerts.push(alert(
            "R-DO-7",
            Severity::Warning,
            tr!("rounds-alert-healing", index = format!("{hi:.0}"), setting = settings.cite(HI_ALERT)).into_owned(),
        ));
    }
    crate::domain::attention::sort(&mut alerts);
    let struts_today = record.hexapod.map(|sheet| StrutsToday::of(sheet, today, hexapod_flags.clone()));
    let (achieved_mm, planned_mm) = match record.hexapod {
        Some(sheet) => hexapod_log::correction_by(&sheet.plan, &sheet.log, today),
        None => (p.mm(achieved_turns), p.mm(expected_turns.min(plan.planned_turns_by(today)))),
    };
    Status {
        phase,
        day_number,
        sessions_done: recorded_today.len() as u32,
        sessions_due: due.len() as u32,
        overdue: overdue.len() as u32,
        overdue_sessions: overdue.iter().map(|(n, _)| *n).collect(),
        achieved_mm,
        planned_mm,
        target_mm: target_mm(record),
        worst_pin: latest.and_then(Round::worst_pin),
        healing_index,
        due_today: due,
        struts_today,
        alerts,
    }
}

/// The rate in force on `day`: the last resume at a new rate, or the prescription's.
pub fn current_rate(record: &Record<'_>, day: NaiveDate) -> f64 {
    record
        .events
        .iter()
        .filter(|e| e.kind == PhaseKind::Resume && e.on <= day)
        .filter_map(|e| e.rate_mm_day)
        .next_back()
        .unwrap_or(record.prescription.rate_mm_day)
}

/// A count with its noun: `1 session`, `2 sessions`, `0 turns`.
pub fn counted(n: impl Into<u64>, noun: &str) -> String {
    let n = n.into();
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// `a circular frame`, `an internal craniofacial distractor`.
pub fn with_article(words: &str) -> String {
    let vowel = words.chars().next().is_some_and(|c| "aeiouAEIOU".contains(c)); // i18n: English grammar (a/an), used only in English
    format!("{} {words}", if vowel { "an" } else { "a" })
}

/// Millimetres as a nurse writes them: `12`, `12.5`, `12.25` (`12,5` in
/// French, the language in force).
pub fn fmt_mm(mm: f64) -> String {
    let text = crate::i18n::decimal(crate::i18n::language(), mm, 2);
    text.trim_end_matches('0').trim_end_matches(['.', ',']).to_string()
}

/// Millimetres for a file a program reads (CSV, the hexapod table): a
/// decimal point in every language (issue 14: CSV does not change with it).
pub fn fmt_mm_data(mm: f64) -> String {
    crate::i18n::decimal(crate::domain::language::Language::En, mm, 2)
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

/// R-DO-3: yesterday's total against its prescription (a day is judged once
/// it is over), today's when it already went past it, and turns on a day that
/// was not a distraction day (latency, pause, consolidation). A step is
/// day-granular: on the day of a pause, an end of distraction or a removal
/// saved that day, the turns made before it was saved were made before it,
/// and are not turns in the phase it began.
fn turn_alerts(
    record: &Record<'_>,
    plan: &Plan,
    today: NaiveDate,
    zone: Tz,
    settings: &Settings,
) -> Vec<(Severity, String)> {
    let p = record.prescription;
    let tolerance = settings.number(DAILY_TOLERANCE);
    let mut out = Vec::new();
    let yesterday = today.checked_sub_days(Days::new(1)).unwrap_or(today);
    for (day, word) in [(yesterday, tr!("rounds-alert-yesterday")), (today, tr!("rounds-alert-today"))] {
        let planned = plan.day(day).map_or(0, |d| d.turns());
        let done = turns_on(record.sessions, day);
        let off = p.mm(done) - p.mm(planned);
        let judged = if day == today { off > tolerance } else { off.abs() > tolerance };
        let (phase, _) = phase_on(record, plan, day);
        let stopped_at = record
            .events
            .iter()
            .filter(|e| {
                e.on == day && matches!(e.kind, PhaseKind::Pause | PhaseKind::EndDistraction | PhaseKind::Removal)
            })
            .filter_map(|e| e.recorded_at)
            .filter(|at| ward_time::local_day(*at, zone) == day)
            .max();
        let done_in_phase: u32 = record
            .sessions
            .iter()
            .filter(|s| s.day == day && stopped_at.is_none_or(|at| s.done_at > at))
            .map(|s| s.turns)
            .sum();
        if phase != Phase::Distraction {
            if done_in_phase > 0 {
                out.push((
                    Severity::Warning,
                    tr!(
                        "rounds-alert-turns-in",
                        phase = phase.label().to_uppercase(),
                        mm = fmt_mm(p.mm(done_in_phase)),
                        when = word.as_ref()
                    )
                    .into_owned(),
                ));
            }
        } else if judged && plan.day(day).is_some() {
            // Past the planned days (turns still owed), a day has no
            // prescription to hold its total to: LENGTH OFF PLAN says it.
            out.push((
                Severity::Warning,
                tr!(
                    "rounds-alert-daily",
                    done = fmt_mm(p.mm(done)),
                    when = word.as_ref(),
                    planned = fmt_mm(p.mm(planned)),
                    setting = settings.cite(DAILY_TOLERANCE)
                )
                .into_owned(),
            ));
        }
    }
    out
}

/// R-DO-6: what the latest round says, against the one before and the first.
pub fn round_alerts(rounds: &[Round], settings: &Settings) -> Vec<(&'static str, Severity, String)> {
    let Some(latest) = rounds.last() else { return Vec::new() };
    let previous = rounds.len().checked_sub(2).and_then(|i| rounds.get(i));
    let mut out = Vec::new();
    if let Some((pin, grade)) = latest.worst_pin().filter(|(_, g)| *g >= 2) {
        let (severity, action) = match grade {
            4.. => (Severity::Urgent, tr!("rounds-alert-pin-major")),
            3 => (Severity::Urgent, tr!("rounds-alert-pin-urgent")),
            _ => (Severity::Warning, tr!("rounds-alert-pin-notify")),
        };
        out.push(("R-DO-6", severity, tr!("rounds-alert-pin", grade = grade, pin = pin, action = action).into_owned()));
    }
    let fever = settings.number(FEVER);
    if let (Some(t), Some((pin, grade))) = (latest.temperature_c, latest.worst_pin())
        && t > fever
        && grade >= 1
    {
        out.push((
            "R-DO-6",
            Severity::Urgent,
            tr!(
                "rounds-alert-fever",
                temperature = crate::i18n::decimal(crate::i18n::language(), t, 1),
                grade = grade,
                pin = pin,
                setting = settings.cite(FEVER)
            )
            .into_owned(),
        ));
    }
    if let Some(prev) = previous {
        let mut new = Vec::new();
        if latest.sensation.severity() > prev.sensation.severity() {
            new.push(tr!("rounds-alert-sensation", now = latest.sensation.label(), was = prev.sensation.label()));
        }
        if latest.motor.severity() > prev.motor.severity() {
            new.push(tr!("rounds-alert-motor", now = latest.motor.label(), was = prev.motor.label()));
        }
        if !new.is_empty() {
            out.push(("R-DO-6", Severity::Urgent, tr!("rounds-alert-nerve", deficits = new.join(", ")).into_owned()));
        }
        if latest.pain >= prev.pain.saturating_add(PAIN_JUMP) {
            out.push((
                "R-DO-6",
                Severity::Warning,
                tr!("rounds-alert-pain", pain = latest.pain, was = prev.pain).into_owned(),
            ));
        }
    }
    let baseline = rounds.iter().find_map(|r| r.rom_deg);
    if let (Some(base), Some(now)) = (baseline, latest.rom_deg) {
        let loss = f64::from(base) - f64::from(now);
        if loss >= settings.number(ROM_LOSS) {
            out.push((
                "R-DO-6",
                Severity::Warning,
                tr!("rounds-alert-rom", now = now, base = base, setting = settings.cite(ROM_LOSS)).into_owned(),
            ));
        }
    }
    out
}

/// R-DO-4: the rounds list order: overdue sessions first, then the most
/// urgent alert, then the case's order as given.
pub fn list_order(a: &Status, b: &Status) -> std::cmp::Ordering {
    let worst = |s: &Status| s.alerts.iter().map(|a| a.severity).max();
    b.overdue.min(1).cmp(&a.overdue.min(1)).then(worst(b).cmp(&worst(a)))
}

#[cfg(test)]
mod tests {
    use super::super::case::tests::{d, tibia};
    use super::super::round::tests::round;
    use super::super::round::{Motor, Sensation};
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::UTC;

    fn at(m: u32, day: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, day, h, 0, 0).unwrap()
    }

    fn sessions(day: NaiveDate, turns: &[u32]) -> Vec<SessionDone> {
        turns
            .iter()
            .enumerate()
            .map(|(i, t)| SessionDone {
                day,
                session: i as u32 + 1,
                turns: *t,
                done_at: at(day.month0() + 1, chrono::Datelike::day(&day), 8 + 4 * i as u32),
                by_phone: false,
                version: 1,
            })
            .collect()
    }

    use chrono::Datelike;

    /// Every session on plan from the start to `until` (inclusive).
    fn on_plan(until: NaiveDate) -> Vec<SessionDone> {
        let mut out = Vec::new();
        let mut day = tibia().computed_start();
        while day <= until {
            out.extend(sessions(day, &[1, 1, 1, 1]));
            day = day.succ_opt().unwrap();
        }
        out
    }

    fn status_at(sessions: &[SessionDone], rounds: &[Round], events: &[PhaseEvent], now: DateTime<Utc>) -> Status {
        let p = tibia();
        let record = Record { case_id: 7, prescription: &p, events, sessions, rounds, hexapod: None };
        status(&record, now, UTC, &Settings::default())
    }

    fn messages(s: &Status) -> Vec<String> {
        s.alerts.iter().map(|a| format!("{} {}", a.rule, a.message)).collect()
    }

    #[test]
    fn counts_and_articles_read_as_english() {
        assert_eq!(counted(1u32, "session"), "1 session");
        assert_eq!(counted(0u32, "turn"), "0 turns");
        assert_eq!(counted(4u32, "session"), "4 sessions");
        assert_eq!(with_article("internal craniofacial distractor"), "an internal craniofacial distractor");
        assert_eq!(with_article("hexapod"), "a hexapod");
    }

    #[test]
    fn on_plan_nothing_is_raised() {
        // 12/11 at 13:00: two sessions due (08:00, 12:00) and done.
        let mut done = on_plan(d(11, 11));
        done.extend(sessions(d(11, 12), &[1, 1]));
        let s = status_at(&done, &[round(1, &[0, 1, 0, 0, 0, 0])], &[], at(11, 12, 13));
        assert!(s.alerts.is_empty(), "{:?}", messages(&s));
        assert_eq!((s.phase, s.day_number), (Phase::Distraction, 5));
        assert_eq!((s.sessions_done, s.sessions_due, s.overdue), (2, 4, 0));
        assert_eq!(s.achieved_mm, 4.5);
        assert_eq!(s.worst_pin, Some((2, 1)));
    }

    #[test]
    fn r_do_4_a_session_not_recorded_two_hours_after_it_was_due_is_overdue() {
        let done = on_plan(d(11, 11));
        // 12/11 09:59: the 08:00 session is not yet late; at 10:01 it is.
        assert_eq!(status_at(&done, &[], &[], at(11, 12, 9)).overdue, 0);
        let late = status_at(&done, &[], &[], at(11, 12, 10) + chrono::Duration::minutes(1));
        assert_eq!(late.overdue, 1);
        assert_eq!(
            messages(&late)[0],
            "R-DO-4 SESSION OVERDUE: session 1 was due at 08:00; record the turns or say why not"
        );
        let a = late.clone();
        let mut b = status_at(&done, &[], &[], at(11, 12, 9));
        b.alerts.clear();
        assert_eq!(list_order(&a, &b), std::cmp::Ordering::Less, "overdue first");
    }

    #[test]
    fn r_do_6_pin_grades_call_for_their_actions() {
        let done = on_plan(d(11, 11));
        // The round is made at 09:00.
        let now = at(11, 12, 9);
        let grade = |g: u8| {
            let s = status_at(&done, &[round(1, &[0, g, 0, 0, 0, 0])], &[], now);
            s.alerts.first().map(|a| (a.severity, a.message.clone()))
        };
        assert_eq!(grade(1), None);
        assert_eq!(
            grade(2),
            Some((Severity::Warning, "PIN SITE GRADE 2: pin 2; notify the doctor (oral antibiotics)".into()))
        );
        assert_eq!(grade(3), Some((Severity::Urgent, "PIN SITE GRADE 3: pin 2; urgent medical review".into())));
        assert_eq!(
            grade(5),
            Some((Severity::Urgent, "PIN SITE GRADE 5: pin 2; major infection: call the surgeon now".into()))
        );
    }

    #[test]
    fn r_do_6_fever_counts_with_pin_signs_only() {
        let settings = Settings::default();
        let hot = |grades: &[u8]| Round { temperature_c: Some(38.8), ..round(1, grades) };
        assert!(round_alerts(&[hot(&[0, 0])], &settings).is_empty());
        let a = round_alerts(&[hot(&[1, 0])], &settings);
        assert_eq!(a.len(), 1);
        assert!(a[0].2.starts_with("FEVER 38.8 °C WITH PIN SIGNS: grade 1 at pin 1 (do.fever_c=38.5 °C"), "{}", a[0].2);
        let just = Round { temperature_c: Some(38.5), ..round(1, &[1]) };
        assert!(round_alerts(&[just], &settings).is_empty(), "above the threshold, not at it");
    }

    #[test]
    fn r_do_6_a_new_deficit_proposes_a_pause() {
        let settings = Settings::default();
        let before = round(1, &[]);
        let after = Round { sensation: Sensation::Reduced, motor: Motor::Weak, ..round(1, &[]) };
        let a = round_alerts(&[before, after.clone()], &settings);
        assert_eq!(
            a[0].2,
            "NEW NERVE DEFICIT: sensation reduced (was normal), motor weak (was normal); propose pausing distraction and a surgeon review"
        );
        assert_eq!(a[0].1, Severity::Urgent);
        // The same deficit at the next round is no longer new.
        assert!(round_alerts(&[after.clone(), after], &settings).is_empty());
    }

    #[test]
    fn r_do_6_pain_jump_and_range_of_motion_loss() {
        let settings = Settings::default();
        let a = round_alerts(&[round(2, &[]), round(5, &[])], &settings);
        assert_eq!(a[0].2, "PAIN UP: 5/10 from 2/10 at the previous round");
        assert!(round_alerts(&[round(2, &[]), round(4, &[])], &settings).is_empty());
        let stiff = Round { rom_deg: Some(90), ..round(2, &[]) };
        let a = round_alerts(&[round(2, &[]), round(2, &[]), stiff], &settings);
        assert!(a[0].2.starts_with("RANGE OF MOTION DOWN: 90° from 110° at the first round (do.rom_loss_deg=20"));
        let less = Round { rom_deg: Some(91), ..round(2, &[]) };
        assert!(round_alerts(&[round(2, &[]), less], &settings).is_empty());
    }

    #[test]
    fn r_do_3_a_daily_total_off_prescription_and_drift_from_the_plan() {
        // Yesterday (11/11) only 2 turns of 4: 0.5 mm short, above 0.25 mm.
        let mut done = on_plan(d(11, 10));
        done.extend(sessions(d(11, 11), &[1, 1]));
        let s = status_at(&done, &[], &[], at(11, 12, 7));
        assert_eq!(
            messages(&s),
            [
                "R-DO-3 DAILY TOTAL OFF: 0.5 mm turned yesterday against 1 mm prescribed (do.daily_tolerance_mm=0.25 mm (site policy))"
            ]
        );
        // Three days without turns: 3 mm behind, above 2 mm.
        let behind = on_plan(d(11, 8));
        let s = status_at(&behind, &[], &[], at(11, 12, 7));
        assert!(
            messages(&s).iter().any(|m| m.starts_with("R-DO-3 LENGTH OFF PLAN: 1 mm done against 4 mm planned")),
            "{:?}",
            messages(&s)
        );
        // Today already past its prescription.
        let mut over = on_plan(d(11, 11));
        over.extend(sessions(d(11, 12), &[3, 3]));
        let s = status_at(&over, &[], &[], at(11, 12, 13));
        assert!(messages(&s).iter().any(|m| m.contains("DAILY TOTAL OFF: 1.5 mm turned today")), "{:?}", messages(&s));
    }

    #[test]
    fn r_do_3_turns_during_latency_or_a_pause_are_flagged() {
        let s = status_at(&sessions(d(11, 5), &[1]), &[], &[], at(11, 5, 20));
        assert_eq!(
            messages(&s),
            ["R-DO-3 TURNS IN LATENCY: 0.25 mm turned today, when no turn was due; tell the surgeon"]
        );
        let pause = [PhaseEvent {
            kind: PhaseKind::Pause,
            on: d(11, 10),
            reason: Some("pain".into()),
            rate_mm_day: None,
            recorded_at: None,
        }];
        let mut done = on_plan(d(11, 9));
        done.extend(sessions(d(11, 10), &[1]));
        let s = status_at(&done, &[], &pause, at(11, 10, 20));
        assert_eq!(s.phase, Phase::Paused);
        assert!(messages(&s)[0].starts_with("R-DO-3 TURNS IN PAUSED"), "{:?}", messages(&s));
    }

    #[test]
    fn r_do_3_turns_on_a_pause_day_before_the_pause_was_saved_are_not_in_the_pause() {
        // Two morning sessions (08:00, 12:00), the pause saved at 13:00.
        let pause = [PhaseEvent {
            kind: PhaseKind::Pause,
            on: d(11, 10),
            reason: Some("pain".into()),
            rate_mm_day: None,
            recorded_at: Some(at(11, 10, 13)),
        }];
        let mut done = on_plan(d(11, 9));
        done.extend(sessions(d(11, 10), &[1, 1]));
        let s = status_at(&done, &[], &pause, at(11, 10, 20));
        assert_eq!(s.phase, Phase::Paused);
        assert!(messages(&s).iter().all(|m| !m.contains("TURNS IN")), "{:?}", messages(&s));
        // A third session at 16:00, after the pause: flagged.
        done.extend(sessions(d(11, 10), &[1, 1, 1]).into_iter().skip(2));
        let s = status_at(&done, &[], &pause, at(11, 10, 20));
        assert!(messages(&s)[0].starts_with("R-DO-3 TURNS IN PAUSED: 0.25 mm turned today"), "{:?}", messages(&s));
    }

    #[test]
    fn r_do_3_r_do_7_a_plan_over_with_turns_owed_is_still_distraction_and_off_plan() {
        // 20 mm planned from 08/11 to 27/11; only 10 mm turned.
        let done = on_plan(d(11, 17));
        let s = status_at(&done, &[], &[], at(12, 1, 9));
        assert_eq!((s.phase, s.day_number), (Phase::Distraction, 24));
        assert!(messages(&s).iter().any(|m| m.starts_with("R-DO-3 LENGTH OFF PLAN: 10 mm done against 20 mm")));
        assert!(messages(&s).iter().all(|m| !m.contains("DAILY TOTAL OFF")), "{:?}", messages(&s));
        // Ended by the surgeon: consolidation, nothing owed.
        let end = [PhaseEvent {
            kind: PhaseKind::EndDistraction,
            on: d(11, 18),
            reason: None,
            rate_mm_day: None,
            recorded_at: None,
        }];
        let s = status_at(&done, &[], &end, at(12, 1, 9));
        assert_eq!(s.phase, Phase::Consolidation);
        assert!(s.alerts.is_empty(), "{:?}", messages(&s));
        // Paused past the planned days (turns owed): paused until resumed.
        let pause =
            |kind, on| PhaseEvent { kind, on, reason: Some("pain".into()), rate_mm_day: None, recorded_at: None };
        let paused = [pause(PhaseKind::Pause, d(11, 30))];
        assert_eq!(status_at(&done, &[], &paused, at(12, 1, 9)).phase, Phase::Paused);
        let resumed = [pause(PhaseKind::Pause, d(11, 30)), pause(PhaseKind::Resume, d(12, 1))];
        assert_eq!(status_at(&done, &[], &resumed, at(12, 1, 9)).phase, Phase::Distraction);
    }

    #[test]
    fn r_do_3_a_resume_above_the_limit_is_warned() {
        let events = [
            PhaseEvent {
                kind: PhaseKind::Pause,
                on: d(11, 10),
                reason: Some("pain".into()),
                rate_mm_day: None,
                recorded_at: None,
            },
            PhaseEvent {
                kind: PhaseKind::Resume,
                on: d(11, 11),
                reason: None,
                rate_mm_day: Some(2.0),
                recorded_at: None,
            },
        ];
        let s = status_at(&[], &[], &events, at(11, 11, 7));
        assert!(messages(&s).iter().any(|m| m.starts_with("R-DO-3 RATE HIGH: 2 mm/day")), "{:?}", messages(&s));
    }

    #[test]
    fn r_do_7_a_slow_healing_index_is_warned_in_consolidation() {
        // 20 mm done by 27/11; on 30/01 the device has been on 90 days: 45 d/cm.
        let done = on_plan(d(11, 27));
        let s = status_at(&done, &[], &[], at(1, 30, 9).with_year(2027).unwrap());
        assert_eq!(s.phase, Phase::Consolidation);
        assert_eq!(s.healing_index.map(|h| h.round()), Some(45.0));
        assert!(s.alerts.is_empty(), "{:?}", messages(&s));
        let s = status_at(&done, &[], &[], at(3, 10, 9).with_year(2027).unwrap());
        assert!(
            messages(&s)[0].starts_with("R-DO-7 HEALING INDEX 64 d/cm: above do.hi_alert=60 d/cm"),
            "{:?}",
            messages(&s)
        );
    }
}
