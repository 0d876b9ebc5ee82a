//! R-DO-8: each strut adjustment as it was made, the refusal of one that
//! cannot be (a length outside the strut's catalogue range, a day off the
//! table), and what the log calls for: a missed, doubled or out-of-order
//! adjustment, a length off the sheet, a strut near the end of its travel
//! and a strut change coming.

use super::alerts::{DAILY_TOLERANCE, LAST_SESSION, SESSION_LATE, fmt_mm};
use super::hexapod::{HexapodPlan, SAME_MM, STRUTS};
use crate::domain::attention::Severity;
use crate::domain::settings::Settings;
use crate::domain::ward_time;
use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// Warn this close (mm) to either end of a strut's travel (site policy).
pub const TRAVEL_MARGIN: &str = "do.strut_travel_margin_mm";

/// One strut adjustment as logged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adjustment {
    pub id: i64,
    /// The day of the table it was for.
    pub day: NaiveDate,
    /// 1 to 6.
    pub strut: u8,
    /// The length the strut was set to, in mm.
    pub length_mm: f64,
    pub done_at: DateTime<Utc>,
    /// Reported by phone (an outpatient turning at home).
    pub by_phone: bool,
}

/// One revision of a prescription with its log, as the rounds read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sheet {
    pub prescription_id: i64,
    pub version: i64,
    /// 1, 2, …: each re-plan is the next.
    pub revision: u32,
    pub plan: HexapodPlan,
    /// Not voided, in the order made.
    pub log: Vec<Adjustment>,
    /// Replaced by a later revision: shown struck, nothing logged against it.
    pub void: bool,
}

/// What a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    Missed,
    Doubled,
    OutOfOrder,
    OffSheet,
    TravelEnd,
    StrutChange,
    /// A revision's first day does not start a strut where it was last set.
    FrameDiffers,
}

/// One thing the log calls for (R-DO-8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub severity: Severity,
    pub day: NaiveDate,
    pub strut: Option<u8>,
    /// Short words in capitals first, then the detail and what to do.
    pub message: String,
}

/// A day of the sheet: `21/11`.
const DAY: &str = "%d/%m";

fn short(day: NaiveDate) -> String {
    day.format(DAY).to_string()
}

/// R-DO-8: why an adjustment of `strut` to `length_mm` for `day` cannot be
/// logged against `plan`, or nothing.
pub fn refusal(plan: &HexapodPlan, day: NaiveDate, strut: u8, length_mm: f64) -> Option<String> {
    if !(1..=STRUTS).contains(&strut) {
        return Some(tr!("rounds-refusal-no-strut", strut = strut, struts = STRUTS).into_owned());
    }
    let (first, last) = (plan.first_day()?, plan.last_day()?);
    if day == first {
        return Some(
            tr!("rounds-refusal-first-day", day = short(day), next = short(first.succ_opt().unwrap_or(first)))
                .into_owned(),
        );
    }
    if plan.row(day).is_none() {
        return Some(
            tr!("rounds-refusal-not-a-day", day = short(day), first = short(first), last = short(last)).into_owned(),
        );
    }
    let fit = plan.fit_on(strut, day)?;
    if !(length_mm.is_finite() && fit.contains(length_mm)) {
        return Some(tr!("rounds-refusal-out-of-range", strut = fit.label(), mm = fmt_mm(length_mm)).into_owned());
    }
    None
}

/// The struts (1-based) of `day` adjusted so far, with those due.
pub fn progress(plan: &HexapodPlan, log: &[Adjustment], day: NaiveDate) -> (Vec<u8>, Vec<u8>) {
    let due = plan.struts_due(day);
    let done = due.iter().copied().filter(|s| log.iter().any(|a| a.day == day && a.strut == *s)).collect();
    (done, due)
}

/// Adjustment days whose every due strut is logged, by the end of `day`.
pub fn days_done(plan: &HexapodPlan, log: &[Adjustment], day: NaiveDate) -> usize {
    plan.days
        .iter()
        .skip(1)
        .filter(|d| d.day <= day)
        .filter(|d| {
            let (done, due) = progress(plan, log, d.day);
            done.len() == due.len()
        })
        .count()
}

/// The correction gained and planned by the end of `day`, in mm: the
/// share of adjustment days whose every strut is logged, and of those due.
pub fn correction_by(plan: &HexapodPlan, log: &[Adjustment], day: NaiveDate) -> (f64, f64) {
    let total = plan.adjustment_days().max(1) as f64;
    let due = plan.days.iter().skip(1).filter(|d| d.day <= day).count() as f64;
    let share = |n: f64| plan.correction_mm * n / total;
    (share(days_done(plan, log, day) as f64), share(due))
}

/// A cell of the strut sheet: `+` logged as the sheet says, `!` logged
/// off the sheet or twice, `x` missed, `_` to do today, empty on a day to
/// come or when the strut does not move that day (a `.` would read as a
/// decimal point). `flags` are those of [`flags`] for the same log.
pub fn cell_mark(
    plan: &HexapodPlan,
    log: &[Adjustment],
    flags: &[Flag],
    day: NaiveDate,
    strut: u8,
    today: NaiveDate,
) -> &'static str {
    let logged = log.iter().any(|a| a.day == day && a.strut == strut);
    // The first day is the frame as it stands (what was logged then was
    // another revision's; a difference is a FrameDiffers flag).
    if (!logged && !plan.struts_due(day).contains(&strut)) || plan.first_day() == Some(day) {
        return "";
    }
    let about = |kind: FlagKind| flags.iter().any(|f| f.kind == kind && f.day == day && f.strut == Some(strut));
    let flagged = about(FlagKind::Doubled) || about(FlagKind::OffSheet) || about(FlagKind::OutOfOrder);
    let missed = flags.iter().any(|f| f.kind == FlagKind::Missed && f.day == day);
    match (logged, flagged) {
        (true, true) => "!",
        (true, false) => "+",
        (false, _) if day < today || missed => "x",
        (false, _) if day == today => "_",
        (false, _) => "",
    }
}

/// Everything the log of `plan` calls for at `now` (R-DO-8): past days are
/// judged; today's struts are missed once the day's last session is late.
pub fn flags(plan: &HexapodPlan, log: &[Adjustment], now: DateTime<Utc>, zone: Tz, settings: &Settings) -> Vec<Flag> {
    let today = ward_time::local_day(now, zone);
    let late = chrono::Duration::minutes((settings.number(SESSION_LATE) * 60.0).round() as i64);
    let today_over = ward_time::at_local(today, settings.time(LAST_SESSION), zone) + late < now;
    let tolerance = settings.number(DAILY_TOLERANCE);
    let mut out = Vec::new();
    let mut flag = |kind, severity, day, strut, message: String| out.push(Flag { kind, severity, day, strut, message });
    for row in plan.days.iter().skip(1) {
        let day = row.day;
        let entries: Vec<&Adjustment> = log.iter().filter(|a| a.day == day).collect();
        // A day to come is judged only when something was logged for it (early).
        if day > today && entries.is_empty() {
            continue;
        }
        let missed: Vec<u8> =
            plan.struts_due(day).into_iter().filter(|s| !entries.iter().any(|a| a.strut == *s)).collect();
        if !missed.is_empty() && (day < today || (day == today && today_over)) {
            let list = missed.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
            flag(
                FlagKind::Missed,
                Severity::Warning,
                day,
                missed.first().copied(),
                tr!("rounds-flag-missed", count = missed.len(), struts = list, day = short(day)).into_owned(),
            );
        }
        for strut in 1..=STRUTS {
            let mine: Vec<&&Adjustment> = entries.iter().filter(|a| a.strut == strut).collect();
            if mine.len() > 1 {
                flag(
                    FlagKind::Doubled,
                    Severity::Warning,
                    day,
                    Some(strut),
                    tr!("rounds-flag-doubled", strut = strut, count = mine.len(), day = short(day)).into_owned(),
                );
            }
            let Some(last) = mine.iter().max_by_key(|a| a.done_at) else { continue };
            let prescribed = plan.length(strut, day).unwrap_or(last.length_mm);
            let next = day.checked_add_days(Days::new(1)).and_then(|n| plan.length(strut, n));
            let ahead = next.is_some_and(|n| (n - prescribed).abs() >= SAME_MM && (n - last.length_mm).abs() < SAME_MM);
            let early = ward_time::local_day(last.done_at, zone) < day;
            if ahead || early {
                flag(
                    FlagKind::Doubled,
                    Severity::Warning,
                    day,
                    Some(strut),
                    if early {
                        let on = ward_time::local_day(last.done_at, zone);
                        let days = (day - on).num_days();
                        tr!("rounds-flag-early", strut = strut, on = short(on), day = short(day), days = days)
                    } else {
                        tr!("rounds-flag-ahead", strut = strut, mm = fmt_mm(last.length_mm), day = short(day))
                    }
                    .into_owned(),
                );
            } else if (last.length_mm - prescribed).abs() > tolerance + SAME_MM / 2.0 {
                flag(
                    FlagKind::OffSheet,
                    Severity::Warning,
                    day,
                    Some(strut),
                    tr!(
                        "rounds-flag-off-sheet",
                        strut = strut,
                        mm = fmt_mm(last.length_mm),
                        day = short(day),
                        sheet = fmt_mm(prescribed)
                    )
                    .into_owned(),
                );
            }
        }
        // The order is the round's: a strut caught up on a later day (its
        // miss was flagged until then) is not out of order.
        let mut in_order: Vec<&&Adjustment> =
            entries.iter().filter(|a| ward_time::local_day(a.done_at, zone) == day).collect();
        in_order.sort_by_key(|a| (a.done_at, a.id));
        if let Some(pair) = in_order.windows(2).find(|w| w[1].strut < w[0].strut) {
            flag(
                FlagKind::OutOfOrder,
                Severity::Warning,
                day,
                Some(pair[1].strut),
                tr!("rounds-flag-out-of-order", day = short(day), first = pair[0].strut, second = pair[1].strut)
                    .into_owned(),
            );
        }
    }
    frame_flags(plan, log, tolerance, &mut out);
    travel_flags(plan, today, settings, &mut out);
    out
}

/// A revision starts from the frame as it stands: each strut's first-day
/// length against the length it was last set to (found in use: a re-plan
/// whose first day did not match the frame went unnoticed).
fn frame_flags(plan: &HexapodPlan, log: &[Adjustment], tolerance: f64, out: &mut Vec<Flag>) {
    let Some((first, row)) = plan.days.first().map(|r| (r.day, r)) else { return };
    for strut in 1..=STRUTS {
        let last = log.iter().filter(|a| a.strut == strut && a.day <= first).max_by_key(|a| (a.done_at, a.id));
        let Some(last) = last else { continue };
        let starts = row.lengths[usize::from(strut - 1)];
        if (last.length_mm - starts).abs() > tolerance + SAME_MM / 2.0 {
            out.push(Flag {
                kind: FlagKind::FrameDiffers,
                severity: Severity::Warning,
                day: first,
                strut: Some(strut),
                message: tr!(
                    "rounds-flag-frame-differs",
                    strut = strut,
                    mm = fmt_mm(last.length_mm),
                    on = short(last.day),
                    starts = fmt_mm(starts),
                    day = short(first)
                )
                .into_owned(),
            });
        }
    }
}

/// A strut change today or tomorrow, and the first day a strut comes within
/// the margin of its travel's end with no change planned by then.
fn travel_flags(plan: &HexapodPlan, today: NaiveDate, settings: &Settings, out: &mut Vec<Flag>) {
    let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
    for fit in plan.changes().into_iter().filter(|f| f.from_day == today || f.from_day == tomorrow) {
        let before = fit.from_day.pred_opt().and_then(|d| plan.fit_on(fit.strut, d));
        out.push(Flag {
            kind: FlagKind::StrutChange,
            severity: Severity::Info,
            day: fit.from_day,
            strut: Some(fit.strut),
            message: tr!(
                "rounds-flag-change",
                today = if fit.from_day == today { "yes" } else { "no" },
                strut = fit.strut,
                colour = fit.colour.label(),
                from = before.map_or_else(|| "-".into(), |b| b.size.clone()),
                to = fit.size.as_str(),
                min = fmt_mm(fit.min_mm),
                max = fmt_mm(fit.max_mm)
            )
            .into_owned(),
        });
    }
    let margin = settings.number(TRAVEL_MARGIN);
    for strut in 1..=STRUTS {
        let near = plan.days.iter().filter(|d| d.day >= today).find_map(|row| {
            let mm = row.lengths[usize::from(strut - 1)];
            let fit = plan.fit_on(strut, row.day)?;
            let left = (fit.max_mm - mm).min(mm - fit.min_mm);
            (left <= margin).then_some((row.day, mm, left, fit))
        });
        // A strut change planned after that day is the plan's answer, said
        // as the change comes.
        let near = near.filter(|(day, ..)| !plan.changes().iter().any(|c| c.strut == strut && c.from_day > *day));
        if let Some((day, mm, left, fit)) = near {
            out.push(Flag {
                kind: FlagKind::TravelEnd,
                severity: Severity::Info,
                day,
                strut: Some(strut),
                message: tr!(
                    "rounds-flag-travel-end",
                    strut = fit.label(),
                    mm = fmt_mm(mm),
                    day = short(day),
                    left = fmt_mm(left.max(0.0)),
                    setting = settings.cite(TRAVEL_MARGIN)
                )
                .into_owned(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::hexapod::tests::{d, plan};
    use super::*;
    use chrono::TimeZone;

    fn at(m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Paris.with_ymd_and_hms(2026, m, day, h, min, 0).unwrap().with_timezone(&Utc)
    }

    fn adj(id: i64, day: NaiveDate, strut: u8, length_mm: f64, done_at: DateTime<Utc>) -> Adjustment {
        Adjustment { id, day, strut, length_mm, done_at, by_phone: false }
    }

    /// Every due strut of `day` set as the sheet says, 1 to 6, a minute apart.
    fn all_of(plan: &HexapodPlan, day: NaiveDate, from_id: i64) -> Vec<Adjustment> {
        plan.struts_due(day)
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let when = at(day.month0() + 1, day.day0() + 1, 9, i as u32);
                adj(from_id + i as i64, day, s, plan.length(s, day).unwrap(), when)
            })
            .collect()
    }

    use chrono::Datelike;

    fn kinds(flags: &[Flag]) -> Vec<FlagKind> {
        flags.iter().map(|f| f.kind).collect()
    }

    fn settings() -> Settings {
        Settings::default()
    }

    #[test]
    fn r_do_8_a_log_kept_to_the_sheet_raises_nothing() {
        let plan = plan();
        let mut log = all_of(&plan, d(12, 2), 1);
        log.extend(all_of(&plan, d(12, 3), 10));
        let flags = flags(&plan, &log, at(12, 3, 12, 0), chrono_tz::Europe::Paris, &settings());
        // Strut 6 is changed tomorrow: said, for the nurse to have it ready.
        assert_eq!(kinds(&flags), vec![FlagKind::StrutChange]);
        assert_eq!(
            flags[0].message,
            "STRUT CHANGE TOMORROW: strut 6 (purple) from short to medium (151–251 mm); have it ready"
        );
        assert_eq!(days_done(&plan, &log, d(12, 3)), 2);
        assert_eq!(progress(&plan, &log, d(12, 3)).0.len(), 5);
    }

    #[test]
    fn r_do_8_a_missed_strut_is_flagged_once_its_day_is_over() {
        let plan = plan();
        let mut log = all_of(&plan, d(12, 2), 1);
        log.retain(|a| a.strut != 3);
        let zone = chrono_tz::Europe::Paris;
        // On the day, before the last session is late: not yet missed.
        assert!(!kinds(&flags(&plan, &log, at(12, 2, 12, 0), zone, &settings())).contains(&FlagKind::Missed));
        // After 20:00 + 2 h, and the next day.
        for now in [at(12, 2, 22, 30), at(12, 3, 8, 0)] {
            let found = flags(&plan, &log, now, zone, &settings());
            let missed = found.iter().find(|f| f.kind == FlagKind::Missed).expect("missed");
            assert_eq!(
                missed.message,
                "STRUT MISSED: strut 3 not adjusted for 02/12; adjust now to the sheet's length or ask the surgeon"
            );
        }
    }

    #[test]
    fn r_do_8_doubled_early_and_out_of_order_adjustments_are_flagged() {
        let plan = plan();
        let zone = chrono_tz::Europe::Paris;
        let mut log = all_of(&plan, d(12, 2), 1);
        // Strut 1 logged twice.
        log.push(adj(20, d(12, 2), 1, 161.0, at(12, 2, 10, 0)));
        let found = flags(&plan, &log, at(12, 2, 12, 0), zone, &settings());
        assert!(
            found.iter().any(|f| f.message
                == "STRUT DOUBLED: strut 1 adjusted 2 times for 02/12; check its length against the sheet")
        );
        // Strut 2 set to the next day's length.
        let mut ahead = all_of(&plan, d(12, 2), 1);
        ahead[1].length_mm = 172.0;
        let found = flags(&plan, &ahead, at(12, 2, 12, 0), zone, &settings());
        assert!(
            found.iter().any(|f| f.kind == FlagKind::Doubled && f.message.contains("the next day's length")),
            "{found:?}"
        );
        // Strut 5 done before strut 3.
        let mut order = all_of(&plan, d(12, 2), 1);
        order[2].done_at = at(12, 2, 9, 30);
        let found = flags(&plan, &order, at(12, 2, 12, 0), zone, &settings());
        let out = found.iter().find(|f| f.kind == FlagKind::OutOfOrder).expect("out of order");
        assert!(
            out.message.starts_with("STRUTS OUT OF ORDER: for 02/12 strut 6 was adjusted before strut 3"),
            "{}",
            out.message
        );
        // A strut caught up the next day (its miss said until then) is not out of order.
        let mut late = all_of(&plan, d(12, 2), 1);
        late[2].done_at = at(12, 3, 9, 0);
        let found = flags(&plan, &late, at(12, 3, 12, 0), zone, &settings());
        assert!(
            !kinds(&found).contains(&FlagKind::OutOfOrder) && !kinds(&found).contains(&FlagKind::Missed),
            "{found:?}"
        );
        // A day early.
        let early = vec![adj(1, d(12, 3), 1, 162.0, at(12, 2, 9, 0))];
        let found = flags(&plan, &early, at(12, 2, 12, 0), zone, &settings());
        assert!(
            found.iter().any(|f| f.message.starts_with("STRUT EARLY: strut 1 adjusted on 02/12 for 03/12")),
            "{found:?}"
        );
    }

    #[test]
    fn r_do_8_a_revision_that_does_not_start_from_the_frame_is_flagged() {
        let plan = plan();
        // The frame's strut 2 was last set to 169 mm, the sheet starts it at 170.
        let log = vec![adj(1, d(11, 30), 2, 169.0, at(11, 30, 9, 0)), adj(2, d(11, 30), 1, 160.0, at(11, 30, 9, 1))];
        let found = flags(&plan, &log, at(12, 1, 9, 0), chrono_tz::Europe::Paris, &settings());
        let differs: Vec<&Flag> = found.iter().filter(|f| f.kind == FlagKind::FrameDiffers).collect();
        assert_eq!(differs.len(), 1, "{found:?}");
        assert_eq!(
            differs[0].message,
            "FRAME DIFFERS FROM THE SHEET: strut 2 was last set to 169 mm (for 30/11), the sheet starts it at 170 mm \
             on 01/12; check the frame against the printout"
        );
    }

    #[test]
    fn r_do_8_a_length_off_the_sheet_is_flagged() {
        let plan = plan();
        let mut log = all_of(&plan, d(12, 2), 1);
        log[0].length_mm = 163.5;
        let found = flags(&plan, &log, at(12, 2, 12, 0), chrono_tz::Europe::Paris, &settings());
        assert!(
            found.iter().any(|f| f.message
                == "STRUT OFF SHEET: strut 1 set to 163.5 mm for 02/12, the sheet says 161 mm; correct it")
        );
        // Within the daily tolerance (0.25 mm) it is the same.
        log[0].length_mm = 161.25;
        let found = flags(&plan, &log, at(12, 2, 12, 0), chrono_tz::Europe::Paris, &settings());
        assert!(!kinds(&found).contains(&FlagKind::OffSheet));
    }

    #[test]
    fn r_do_8_a_strut_near_the_end_of_its_travel_is_said() {
        let mut plan = plan();
        // With its change planned, strut 6 is not said to be near its end.
        let found = flags(&plan, &[], at(12, 1, 9, 0), chrono_tz::Europe::Paris, &settings());
        assert!(!kinds(&found).contains(&FlagKind::TravelEnd), "{found:?}");
        // Without it, strut 6 (short, up to 176 mm) reaches 171 mm on 02/12, 5 mm from its end.
        plan.fits.pop();
        let found = flags(&plan, &[], at(12, 1, 9, 0), chrono_tz::Europe::Paris, &settings());
        let near = found.iter().find(|f| f.kind == FlagKind::TravelEnd).expect("travel end");
        assert_eq!(near.strut, Some(6));
        assert!(near.message.contains("reaches 171 mm on 02/12, 5 mm from its end"), "{}", near.message);
    }

    #[test]
    fn r_do_8_an_adjustment_that_cannot_be_is_refused() {
        let plan = plan();
        assert_eq!(refusal(&plan, d(12, 2), 1, 161.0), None);
        let far = refusal(&plan, d(12, 2), 6, 180.0).unwrap();
        assert_eq!(
            far,
            "strut 6 (purple, short 116–176 mm) cannot be set to 180 mm: outside its catalogue range; check the reading"
        );
        // After the change on 04/12 the same length is in range.
        assert_eq!(refusal(&plan, d(12, 4), 6, 180.0), None);
        assert!(refusal(&plan, d(12, 1), 1, 160.0).unwrap().contains("the table's first day"));
        assert!(refusal(&plan, d(12, 9), 1, 160.0).unwrap().contains("runs from 01/12 to 06/12"));
        assert!(refusal(&plan, d(12, 2), 7, 160.0).unwrap().contains("struts 1 to 6"));
    }
}
