//! Fasting before the procedure (R-FAST-1..5).
//!
//! All arithmetic is on UTC instants: six hours of fasting are six hours of
//! physiology, even on the night the clocks change. The ward's zone is only
//! used to show wall-clock times in messages.

use super::attention::{Alert, Severity, Subject};
use super::block_timeline::{self, RoomTurn};
use super::settings::{Settings, TURNOVER_MIN};
use super::ward_time;
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatientKind {
    Adult,
    Child,
}

/// What the patient last took. Chewing gum or smoking is recorded, never a
/// reason to cancel (ASA/ESAIC), so it has no fasting time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntakeKind {
    Solids,
    FattyMeal,
    ClearFluids,
    BreastMilk,
    Formula,
    ChewingGumOrSmoking,
}

impl IntakeKind {
    pub const ALL: [IntakeKind; 6] = [
        IntakeKind::Solids,
        IntakeKind::FattyMeal,
        IntakeKind::ClearFluids,
        IntakeKind::BreastMilk,
        IntakeKind::Formula,
        IntakeKind::ChewingGumOrSmoking,
    ];

    pub fn code(self) -> &'static str {
        match self {
            IntakeKind::Solids => "solids",
            IntakeKind::FattyMeal => "fatty_meal",
            IntakeKind::ClearFluids => "clear_fluids",
            IntakeKind::BreastMilk => "breast_milk",
            IntakeKind::Formula => "formula",
            IntakeKind::ChewingGumOrSmoking => "chewing_gum_or_smoking",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Words for messages (`clear fluids`), in the language in force.
    pub fn label(self) -> String {
        match self {
            IntakeKind::Solids => tr!("ward-intake-solids"),
            IntakeKind::FattyMeal => tr!("ward-intake-fatty-meal"),
            IntakeKind::ClearFluids => tr!("ward-intake-clear-fluids"),
            IntakeKind::BreastMilk => tr!("ward-intake-breast-milk"),
            IntakeKind::Formula => tr!("ward-intake-formula"),
            IntakeKind::ChewingGumOrSmoking => tr!("ward-intake-chewing-gum-or-smoking"),
        }
        .into_owned()
    }

    /// Food, as opposed to drink: clear fluids may be sugar-free, so only food
    /// resets a diabetic's fasting clock (R-FAST-5).
    fn is_food(self) -> bool {
        matches!(self, IntakeKind::Solids | IntakeKind::FattyMeal | IntakeKind::BreastMilk | IntakeKind::Formula)
    }
}

/// One recorded intake (the last of its kind, as the nurse asks it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastIntake {
    pub kind: IntakeKind,
    pub at: DateTime<Utc>,
}

/// The settings key giving how long before the procedure `kind` must stop.
/// Adults have no separate milk values: milk is a non-clear liquid, timed as solids.
pub fn required_key(kind: IntakeKind, patient: PatientKind) -> Option<&'static str> {
    use IntakeKind as K;
    use PatientKind as P;
    Some(match (kind, patient) {
        (K::Solids, _) | (K::BreastMilk | K::Formula, P::Adult) => "fast.solids_h",
        (K::FattyMeal, _) => "fast.fatty_meal_h",
        (K::ClearFluids, P::Adult) => "fast.clear_h",
        (K::ClearFluids, P::Child) => "fast.child_clear_h",
        (K::BreastMilk, P::Child) => "fast.child_breast_milk_h",
        (K::Formula, P::Child) => "fast.child_formula_h",
        (K::ChewingGumOrSmoking, _) => return None,
    })
}

/// A settings value in hours as a duration. Settings are validated as finite
/// and non-negative, but this never panics whatever it is given.
pub fn duration_of_hours(hours: f64) -> TimeDelta {
    let ms = (hours.max(0.0) * 3_600_000.0).round();
    // `as` saturates (and maps NaN to 0), so the value is always in range.
    TimeDelta::try_milliseconds(ms as i64).unwrap_or(TimeDelta::MAX)
}

fn before(instant: DateTime<Utc>, delta: TimeDelta) -> DateTime<Utc> {
    instant.checked_sub_signed(delta).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

fn after(instant: DateTime<Utc>, delta: TimeDelta) -> DateTime<Utc> {
    instant.checked_add_signed(delta).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// R-FAST-1: the latest instant each intake may be taken for a start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FastingWindow {
    pub start: DateTime<Utc>,
    pub patient: PatientKind,
    pub solids_until: DateTime<Utc>,
    pub fatty_meal_until: DateTime<Utc>,
    pub clear_fluids_until: DateTime<Utc>,
    /// Children only; an adult's milk is timed as solids.
    pub breast_milk_until: Option<DateTime<Utc>>,
    pub formula_until: Option<DateTime<Utc>>,
}

/// R-FAST-1 / R-FAST-2: computed from the start every time, so moving the
/// schedule and calling this again is the whole recompute.
pub fn window(start: DateTime<Utc>, patient: PatientKind, settings: &Settings) -> FastingWindow {
    let until = |kind| until(start, kind, patient, settings);
    let child_only = |kind| (patient == PatientKind::Child).then(|| until(kind)).flatten();
    FastingWindow {
        start,
        patient,
        solids_until: until(IntakeKind::Solids).unwrap_or(start),
        fatty_meal_until: until(IntakeKind::FattyMeal).unwrap_or(start),
        clear_fluids_until: until(IntakeKind::ClearFluids).unwrap_or(start),
        breast_milk_until: child_only(IntakeKind::BreastMilk),
        formula_until: child_only(IntakeKind::Formula),
    }
}

fn until(start: DateTime<Utc>, kind: IntakeKind, patient: PatientKind, s: &Settings) -> Option<DateTime<Utc>> {
    required_key(kind, patient).map(|key| before(start, duration_of_hours(s.number(key))))
}

/// R-FAST-3: an intake too close to the moment the patient goes to the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NotFasted {
    pub intake: LastIntake,
    pub key: &'static str,
    /// The earliest the patient is fasted for this intake.
    pub fasted_from: DateTime<Utc>,
}

/// R-FAST-3: every recorded intake inside its window at `going_at`. Chewing
/// gum and smoking never count; an intake at exactly the limit is allowed.
pub fn not_fasted(
    intakes: &[LastIntake],
    going_at: DateTime<Utc>,
    patient: PatientKind,
    settings: &Settings,
) -> Vec<NotFasted> {
    intakes
        .iter()
        .filter_map(|intake| {
            let key = required_key(intake.kind, patient)?;
            let fasted_from = after(intake.at, duration_of_hours(settings.number(key)));
            (fasted_from > going_at).then_some(NotFasted { intake: *intake, key, fasted_from })
        })
        .collect()
}

/// What the rules need to know about one case's fasting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FastingCase {
    pub case_id: i64,
    pub patient: PatientKind,
    /// The start the patient was given instructions for.
    pub scheduled_start: DateTime<Utc>,
    /// The cases ahead in the same room that day (R-BLOCK-6): a list that
    /// slipped moves the start the fast is counted to
    /// ([`block_timeline::expected_start`]).
    pub room_ahead: Vec<RoomTurn>,
    /// Set once the patient has gone to the room: the fast is over.
    pub in_room_at: Option<DateTime<Utc>>,
    pub insulin_treated_diabetic: bool,
    pub intakes: Vec<LastIntake>,
}

/// R-FAST-3, R-FAST-4, R-FAST-5: the fasting alerts for one case at `now`.
pub fn alerts(case: &FastingCase, now: DateTime<Utc>, settings: &Settings) -> Vec<Alert> {
    let zone = settings.zone();
    let alert = |rule, severity, message| Alert { rule, severity, subject: Subject::Case(case.case_id), message };
    // Found in use (#7): "since 10:05" read as later today when it was the
    // day before. A time on another ward day than the procedure's carries it.
    let day = ward_time::local_day(case.scheduled_start, zone);
    let clock = |t: DateTime<Utc>| {
        let text = ward_time::clock_text(t, zone);
        if ward_time::local_day(t, zone) == day {
            text
        } else {
            format!("{} {text}", ward_time::local_day(t, zone).format("%d/%m"))
        }
    };
    let mut out = Vec::new();
    // Until the patient is in the room, the earliest they can go is when the
    // room's list comes to them, and never before now.
    let turnover = TimeDelta::minutes(settings.number(TURNOVER_MIN).round() as i64);
    let expected = block_timeline::expected_start(case.scheduled_start, &case.room_ahead, now, turnover);
    let going_at = case.in_room_at.unwrap_or(expected);

    // R-FAST-3: block-level; the team decides to cancel or delay.
    for nf in not_fasted(&case.intakes, going_at, case.patient, settings) {
        out.push(alert(
            "R-FAST-3",
            Severity::Urgent,
            tr!(
                "ward-not-fasted",
                intake = nf.intake.kind.label(),
                at = clock(nf.intake.at),
                span = hours_text(going_at - nf.intake.at),
                going = clock(going_at),
                from = clock(nf.fasted_from),
                rule = settings.cite(nf.key),
            )
            .into_owned(),
        ));
    }
    if case.in_room_at.is_some() {
        return out;
    }

    let sched = window(case.scheduled_start, case.patient, settings);
    let taken = case.intakes.iter().filter(|i| i.kind != IntakeKind::ChewingGumOrSmoking);
    // R-FAST-5: only food resets a diabetic's clock; without a record, assume the
    // patient followed the instructions to the minute (the best case).
    let last_food = taken.filter(|i| i.kind.is_food()).map(|i| i.at).max().unwrap_or(sched.solids_until);

    // R-FAST-4: the clear-fluid fast outruns the prescription; offer clear fluids.
    // Only a recorded clear fluid counts: a meal is not a drink. With none
    // recorded the time is unknown, and the alert says so instead of inventing one.
    let last_clear = last_clear_fluid(&case.intakes);
    let clear_key = required_key(IntakeKind::ClearFluids, case.patient).unwrap_or("fast.clear_h");
    let prescribed = duration_of_hours(settings.number(clear_key));
    let excess = duration_of_hours(settings.number("fast.excess_alert_h"));
    // Unknown: the earliest the fast can have begun is the instructed time.
    let clear_fast = expected - last_clear.unwrap_or(sched.clear_fluids_until);
    // Found in use (#7): a drink recorded the day before raised the alert
    // at once, a day before anyone could act on it. The prompt comes in the
    // hours before the last time a drink can still be given (as many as
    // `fast.excess_alert_h`), not before.
    let drink_by = before(expected, prescribed);
    let in_time_to_act = now >= before(drink_by, excess);
    if in_time_to_act && clear_fast > prescribed.checked_add(&excess).unwrap_or(TimeDelta::MAX) {
        let since = match last_clear {
            Some(at) => tr!("ward-fast-since", at = clock(at), span = hours_text(clear_fast)),
            None => tr!("ward-fast-not-recorded", at = clock(sched.clear_fluids_until), span = hours_text(clear_fast)),
        };
        // Found in use (#7): the advice named a time already past. Past it,
        // a drink now would delay the start: the anaesthetist decides.
        // Say why the start moved when it is the list ahead, not the clock.
        let slipped = if expected > case.scheduled_start.max(now) {
            format!(" {}", tr!("ward-fast-list-behind", span = hours_text(expected - case.scheduled_start)))
        } else {
            String::new()
        };
        // A case ahead still in the room past its time gives no end to
        // count on (found in use, #7: the advice was always "too late"):
        // the room knows how long; the prescription says what then.
        let overrun = case.room_ahead.iter().any(|t| t.overrunning(now));
        let advice = if drink_by > now {
            tr!("ward-fast-drink-until", at = clock(drink_by))
        } else if overrun {
            tr!("ward-fast-ask-the-room", span = hours_text(prescribed))
        } else {
            tr!("ward-fast-too-late", at = clock(drink_by))
        };
        out.push(alert(
            "R-FAST-4",
            Severity::Warning,
            tr!(
                "ward-prolonged-fast",
                since = since,
                start = clock(expected),
                slipped = slipped,
                prescribed = hours_text(prescribed),
                advice = advice,
                rule = settings.cite("fast.excess_alert_h"),
            )
            .into_owned(),
        ));
    }

    // R-FAST-5: insulin-treated diabetics tolerate a long fast badly (hypoglycaemia).
    let diabetic_max = duration_of_hours(settings.number("fast.diabetic_max_h"));
    let food_fast = expected - last_food;
    // As for drinks: in the hours before the instructed stop, not the day before.
    let in_time = now >= before(sched.solids_until, excess);
    if case.insulin_treated_diabetic && in_time && food_fast > diabetic_max {
        out.push(alert(
            "R-FAST-5",
            Severity::Urgent,
            tr!(
                "ward-diabetic-fast",
                since = clock(last_food),
                span = hours_text(food_fast),
                start = clock(expected),
                rule = settings.cite("fast.diabetic_max_h"),
            )
            .into_owned(),
        ));
    }
    out
}

/// R-FAST-4: the latest recorded clear fluid; `None` when none was recorded
/// (solids, milk and gum never count as a drink).
pub fn last_clear_fluid(intakes: &[LastIntake]) -> Option<DateTime<Utc>> {
    intakes.iter().filter(|i| i.kind == IntakeKind::ClearFluids).map(|i| i.at).max()
}

/// `8 h 05`, rounded down to the minute; negative spans read as `0 h 00`.
fn hours_text(span: TimeDelta) -> String {
    let minutes = span.num_minutes().max(0);
    format!("{} h {:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};
    use chrono_tz::Europe::Paris;
    use proptest::prelude::*;

    /// 23 Nov 2026, Paris time.
    fn at(h: u32, min: u32) -> DateTime<Utc> {
        Paris.with_ymd_and_hms(2026, 11, 23, h, min, 0).single().unwrap().to_utc()
    }

    fn clock(t: Option<DateTime<Utc>>) -> String {
        t.map(|t| ward_time::clock_text(t, Paris)).unwrap_or_default()
    }

    fn intake(kind: IntakeKind, at: DateTime<Utc>) -> LastIntake {
        LastIntake { kind, at }
    }

    fn case(start: DateTime<Utc>, intakes: Vec<LastIntake>) -> FastingCase {
        let patient = PatientKind::Adult;
        FastingCase {
            case_id: 7,
            patient,
            scheduled_start: start,
            room_ahead: vec![],
            in_room_at: None,
            insulin_treated_diabetic: false,
            intakes,
        }
    }

    /// The case ahead in the room (in since 06:00) holds it so that, with the
    /// default 20 min turnover, this one is expected at `to`.
    fn slip(c: &mut FastingCase, to: DateTime<Utc>) {
        let went = at(6, 0);
        let minutes = (to - went).num_minutes() - 20;
        c.room_ahead = vec![RoomTurn {
            scheduled_start: went,
            minutes,
            in_room_at: Some(went),
            out_of_room_at: None,
            finished: false,
        }];
    }

    /// The rules raised, and that the first message has every expected part.
    fn check(alerts: &[Alert], rules: &[&str], parts: &[&str]) {
        assert_eq!(alerts.iter().map(|a| a.rule).collect::<Vec<_>>(), rules, "{alerts:?}");
        let message = alerts.first().map(|a| a.message.as_str()).unwrap_or_default();
        for part in parts {
            assert!(message.contains(part), "{part:?} not in {message:?}");
        }
    }

    /// R-FAST-1
    #[test]
    fn r_fast_1_adult_and_child_windows_from_defaults() {
        let s = Settings::default();
        let w = window(at(8, 0), PatientKind::Adult, &s);
        let adult = [w.solids_until, w.fatty_meal_until, w.clear_fluids_until].map(|t| clock(Some(t)));
        assert_eq!(adult, ["02:00", "00:00", "06:00"]);
        assert_eq!(w.breast_milk_until, None);
        let c = window(at(8, 0), PatientKind::Child, &s);
        let child = [Some(c.clear_fluids_until), c.breast_milk_until, c.formula_until].map(clock);
        assert_eq!(child, ["07:00", "05:00", "04:00"]);
        // A site setting changes the window.
        let (s, _) = Settings::from_pairs([("fast.clear_h".to_string(), "1.5".to_string())]);
        assert_eq!(clock(Some(window(at(8, 0), PatientKind::Adult, &s).clear_fluids_until)), "06:30");
    }

    /// R-FAST-1
    #[test]
    fn r_fast_1_spring_forward_night_counts_real_hours() {
        // 08:00 CEST on 29 March is 06:00 UTC; six real hours earlier the clock read 01:00 CET.
        let start = Paris.with_ymd_and_hms(2026, 3, 29, 8, 0, 0).single().unwrap().to_utc();
        assert_eq!(clock(Some(window(start, PatientKind::Adult, &Settings::default()).solids_until)), "01:00");
    }

    /// R-FAST-2
    #[test]
    fn r_fast_2_moving_the_schedule_moves_both_times() {
        let s = Settings::default();
        let (old, new) = (window(at(8, 0), PatientKind::Adult, &s), window(at(13, 30), PatientKind::Adult, &s));
        assert_eq!(new.solids_until - old.solids_until, TimeDelta::minutes(330));
        assert_eq!(new.clear_fluids_until - old.clear_fluids_until, TimeDelta::minutes(330));
        // The alerts follow the new start too: a 09:00 drink is too late for 10:00, fine for 13:30.
        let drink = vec![intake(IntakeKind::ClearFluids, at(9, 0))];
        check(&alerts(&case(at(10, 0), drink.clone()), at(9, 5), &s), &["R-FAST-3"], &[]);
        check(&alerts(&case(at(13, 30), drink), at(9, 5), &s), &[], &[]);
    }

    /// R-FAST-3
    #[test]
    fn r_fast_3_intake_inside_the_window_is_not_fasted() {
        let s = Settings::default();
        let breakfast = intake(IntakeKind::Solids, at(5, 30));
        let a = alerts(&case(at(8, 0), vec![breakfast]), at(6, 0), &s);
        check(&a, &["R-FAST-3"], &["NOT FASTED: solids at 05:30, 2 h 30", "fasted from 11:30 (fast.solids_h=6 h"]);
        assert_eq!(a[0].severity, Severity::Urgent);
        // Exactly at the limit is allowed; the check is at the actual time into the room.
        assert_eq!(not_fasted(&[intake(IntakeKind::ClearFluids, at(6, 0))], at(8, 0), PatientKind::Adult, &s), []);
        let late = FastingCase { in_room_at: Some(at(11, 45)), ..case(at(8, 0), vec![breakfast]) };
        check(&alerts(&late, at(11, 45), &s), &[], &[]);
    }

    /// R-FAST-3
    #[test]
    fn r_fast_3_gum_or_smoking_never_counts_and_child_milk_uses_child_values() {
        let s = Settings::default();
        let gum = intake(IntakeKind::ChewingGumOrSmoking, at(7, 55));
        let milk = intake(IntakeKind::BreastMilk, at(4, 30));
        assert_eq!(not_fasted(&[gum, milk], at(8, 0), PatientKind::Child, &s), []);
        // For an adult, milk is a non-clear liquid: six hours.
        let adult = not_fasted(&[gum, milk], at(8, 0), PatientKind::Adult, &s);
        assert_eq!(adult.iter().map(|n| n.key).collect::<Vec<_>>(), ["fast.solids_h"]);
    }

    /// R-FAST-4
    #[test]
    fn r_fast_4_a_slipped_case_prompts_clear_fluids() {
        let s = Settings::default();
        let mut c = case(at(8, 0), vec![]);
        // On time, following the instructions: no alert.
        check(&alerts(&c, at(7, 0), &s), &[], &[]);
        // Slipped to 14:00: nothing recorded, so the time is unknown; as instructed
        // (06:00) it is 8 h against 2 + 4.
        slip(&mut c, at(14, 0));
        let parts = [
            "PROLONGED FAST: last clear fluid not recorded (ask and record it); if the patient stopped at 06:00 as instructed, 8 h 00",
            "until 12:00 (fast.excess_alert_h=4 h",
        ];
        check(&alerts(&c, at(9, 0), &s), &["R-FAST-4"], &parts);
        // A drink recorded at 10:00 ends it.
        c.intakes.push(intake(IntakeKind::ClearFluids, at(10, 0)));
        check(&alerts(&c, at(10, 5), &s), &[], &[]);
    }

    /// R-FAST-4: exactly 2 h + 4 h is not more than the limit; a minute more is.
    #[test]
    fn r_fast_4_exactly_prescription_plus_excess_is_not_prolonged() {
        let s = Settings::default();
        let mut c = case(at(8, 0), vec![intake(IntakeKind::ClearFluids, at(8, 0))]);
        slip(&mut c, at(14, 0));
        check(&alerts(&c, at(9, 0), &s), &[], &[]);
        c.intakes = vec![intake(IntakeKind::ClearFluids, at(7, 59))];
        check(&alerts(&c, at(9, 0), &s), &["R-FAST-4"], &["nothing to drink since 07:59, 6 h 01"]);
    }

    /// R-FAST-4: a meal is not a drink. Solids alone at 18:00 leave the
    /// clear-fluid time unknown; the alert never says "nothing to drink since 18:00".
    #[test]
    fn r_fast_4_a_meal_is_not_taken_for_a_drink() {
        let s = Settings::default();
        let dinner = Paris.with_ymd_and_hms(2026, 11, 22, 18, 0, 0).single().unwrap().to_utc();
        let mut c = case(at(8, 0), vec![intake(IntakeKind::Solids, dinner)]);
        slip(&mut c, at(13, 0));
        let a = alerts(&c, at(9, 0), &s);
        check(&a, &["R-FAST-4"], &["last clear fluid not recorded", "stopped at 06:00 as instructed, 7 h 00"]);
        assert!(!a[0].message.contains("18:00"), "{a:?}");
        assert_eq!(last_clear_fluid(&c.intakes), None);
        // Milk, formula and gum are not clear fluids either.
        let others =
            [IntakeKind::BreastMilk, IntakeKind::Formula, IntakeKind::ChewingGumOrSmoking, IntakeKind::FattyMeal];
        assert_eq!(last_clear_fluid(&others.map(|k| intake(k, at(7, 0)))), None);
        // A recorded drink is used as it is.
        c.intakes.push(intake(IntakeKind::ClearFluids, at(6, 30)));
        check(&alerts(&c, at(9, 0), &s), &["R-FAST-4"], &["nothing to drink since 06:30, 6 h 30"]);
    }

    /// R-FAST-3: which intake kinds break which window, for adults and children.
    #[test]
    fn r_fast_3_each_intake_kind_breaks_its_own_window() {
        use IntakeKind as K;
        use PatientKind::{Adult, Child};
        let table = [
            (K::Solids, Adult, Some("fast.solids_h")),
            (K::FattyMeal, Adult, Some("fast.fatty_meal_h")),
            (K::ClearFluids, Adult, Some("fast.clear_h")),
            (K::BreastMilk, Adult, Some("fast.solids_h")),
            (K::Formula, Adult, Some("fast.solids_h")),
            (K::ChewingGumOrSmoking, Adult, None),
            (K::Solids, Child, Some("fast.solids_h")),
            (K::FattyMeal, Child, Some("fast.fatty_meal_h")),
            (K::ClearFluids, Child, Some("fast.child_clear_h")),
            (K::BreastMilk, Child, Some("fast.child_breast_milk_h")),
            (K::Formula, Child, Some("fast.child_formula_h")),
            (K::ChewingGumOrSmoking, Child, None),
        ];
        for (kind, patient, key) in table {
            assert_eq!(required_key(kind, patient), key, "{kind:?} {patient:?}");
        }
        // A drink 90 min before is fine for a child (1 h), not for an adult (2 h).
        let drink = [intake(K::ClearFluids, at(6, 30))];
        assert_eq!(not_fasted(&drink, at(8, 0), Child, &Settings::default()), []);
        assert_eq!(not_fasted(&drink, at(8, 0), Adult, &Settings::default()).len(), 1);
    }

    /// R-FAST-3: once in the room, the recorded in-room time is the moment
    /// judged, not the clock.
    #[test]
    fn r_fast_3_uses_the_recorded_in_room_time() {
        let s = Settings::default();
        let breakfast = intake(IntakeKind::Solids, at(5, 30));
        let c = FastingCase { in_room_at: Some(at(8, 30)), ..case(at(8, 0), vec![breakfast]) };
        // At noon the breakfast is 6 h 30 old, but the patient went in at 08:30.
        check(&alerts(&c, at(12, 0), &s), &["R-FAST-3"], &["3 h 00 before going to the room at 08:30"]);
    }

    #[test]
    fn a_negative_span_reads_as_zero() {
        assert_eq!(hours_text(TimeDelta::minutes(-5)), "0 h 00");
        assert_eq!(hours_text(TimeDelta::minutes(-125)), "0 h 00");
        assert_eq!(hours_text(TimeDelta::minutes(125)), "2 h 05");
    }

    /// R-FAST-4
    #[test]
    fn r_fast_4_a_case_still_waiting_after_its_start_counts_from_now() {
        let s = Settings::default();
        let c = case(at(8, 0), vec![]);
        // Found in use (#7): the advice named 10:01, already past at 12:01.
        check(&alerts(&c, at(12, 1), &s), &["R-FAST-4"], &["6 h 01", "too late for a drink", "tell the anaesthetist"]);
        assert!(!alerts(&c, at(12, 1), &s)[0].message.contains("may be offered until"));
        let in_room = FastingCase { in_room_at: Some(at(8, 0)), ..c };
        check(&alerts(&in_room, at(12, 1), &s), &[], &[]);
    }

    /// R-FAST-4, R-FAST-5: the prompt comes in the hours before the last
    /// drink (or meal) can be given, not the day before (found in use, #7: a
    /// drink recorded the day before raised it at once); a time on another
    /// day carries its day.
    #[test]
    fn r_fast_4_the_prompt_comes_in_time_to_act_not_the_day_before_and_times_carry_their_day() {
        let s = Settings::default();
        let day_before = Paris.with_ymd_and_hms(2026, 11, 22, 10, 5, 0).single().unwrap().to_utc();
        let c = case(at(10, 0), vec![intake(IntakeKind::ClearFluids, day_before)]);
        // The day before at 10:06, and on the day at 03:59: a drink may be
        // given until 08:00, the prompt comes from 04:00 (4 h before).
        check(&alerts(&c, day_before + TimeDelta::minutes(1), &s), &[], &[]);
        check(&alerts(&c, at(3, 59), &s), &[], &[]);
        check(&alerts(&c, at(4, 0), &s), &["R-FAST-4"], &["nothing to drink since 22/11 10:05", "until 08:00"]);
        // A diabetic's food fast likewise: solids until 04:00, the prompt from 00:00.
        let d = FastingCase {
            insulin_treated_diabetic: true,
            ..case(at(10, 0), vec![intake(IntakeKind::Solids, day_before)])
        };
        let eve = Paris.with_ymd_and_hms(2026, 11, 22, 23, 59, 0).single().unwrap().to_utc();
        assert!(!alerts(&d, eve, &s).iter().any(|a| a.rule == "R-FAST-5"));
        assert!(
            alerts(&d, at(0, 0), &s).iter().any(|a| a.rule == "R-FAST-5" && a.message.contains("since 22/11 10:05"))
        );
    }

    /// R-FAST-4 with R-BLOCK-6: behind a case over its planned time the end
    /// is unknown, so the advice asks the room instead of saying "too late"
    /// (found in use, #7).
    #[test]
    fn r_fast_4_behind_an_overrunning_case_the_advice_asks_the_room() {
        let s = Settings::default();
        let mut c = case(at(10, 0), vec![intake(IntakeKind::ClearFluids, at(6, 30))]);
        c.room_ahead = vec![RoomTurn {
            scheduled_start: at(8, 0),
            minutes: 90,
            in_room_at: Some(at(8, 5)),
            out_of_room_at: None,
            finished: false,
        }];
        let a = alerts(&c, at(12, 30), &s);
        check(
            &a,
            &["R-FAST-4"],
            &["ask the room; if the start is 2 h 00 or more away, clear fluids may be offered now"],
        );
        assert!(!a[0].message.contains("too late"), "{a:?}");
    }

    /// R-FAST-5
    #[test]
    fn r_fast_5_insulin_treated_diabetic_fast_limit() {
        let s = Settings::default();
        let mut c = FastingCase { insulin_treated_diabetic: true, ..case(at(8, 0), vec![]) };
        // Solids until 02:00 for 08:00 is exactly 6 h: not more than the limit.
        check(&alerts(&c, at(7, 0), &s), &[], &[]);
        slip(&mut c, at(9, 0));
        check(&alerts(&c, at(7, 0), &s), &["R-FAST-5"], &["DIABETIC FAST", "fast.diabetic_max_h=6 h"]);
        // Clear fluids do not reset the diabetic's clock; food does.
        c.intakes.push(intake(IntakeKind::ClearFluids, at(6, 30)));
        check(&alerts(&c, at(7, 0), &s), &["R-FAST-5"], &[]);
        c.intakes.push(intake(IntakeKind::Solids, at(3, 0)));
        check(&alerts(&c, at(7, 0), &s), &[], &[]);
    }

    #[test]
    fn hours_never_panic_and_codes_round_trip() {
        assert_eq!(duration_of_hours(f64::NAN), TimeDelta::zero());
        assert_eq!(duration_of_hours(f64::INFINITY), TimeDelta::MAX);
        for k in IntakeKind::ALL {
            assert_eq!(IntakeKind::from_code(k.code()), Some(k));
        }
    }

    /// Instants around the 2026 DST changes, the year end and a leap day.
    fn tricky_start() -> impl Strategy<Value = DateTime<Utc>> {
        let anchors = [(2026, 3, 28), (2026, 10, 24), (2026, 12, 30), (2028, 2, 28)];
        (0..anchors.len(), 0i64..3 * 24 * 60).prop_map(move |(i, minutes)| {
            let (y, m, d) = anchors[i];
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
            ward_time::at_local(day, chrono::NaiveTime::MIN, Paris) + TimeDelta::minutes(minutes)
        })
    }

    /// Roughly chrono's whole range, in seconds.
    const SECONDS: std::ops::RangeInclusive<i64> = -8_210_266_876_800..=8_210_298_412_799;

    proptest! {
        /// R-FAST-1
        #[test]
        fn r_fast_1_windows_are_exact_utc_durations(start in tricky_start(), child in any::<bool>()) {
            let patient = if child { PatientKind::Child } else { PatientKind::Adult };
            let w = window(start, patient, &Settings::default());
            prop_assert_eq!(start - w.clear_fluids_until, TimeDelta::hours(if child { 1 } else { 2 }));
            prop_assert_eq!(start - w.solids_until, TimeDelta::hours(6));
            prop_assert_eq!(start - w.fatty_meal_until, TimeDelta::hours(8));
        }

        /// R-FAST-3
        #[test]
        fn r_fast_3_fasted_exactly_when_the_required_hours_have_passed(
            start in tricky_start(), offset_min in -600i64..600, kind in 0usize..6,
        ) {
            let kind = IntakeKind::ALL[kind];
            let eaten = intake(kind, start - TimeDelta::minutes(offset_min));
            let flagged = !not_fasted(&[eaten], start, PatientKind::Adult, &Settings::default()).is_empty();
            let required = match kind {
                IntakeKind::ChewingGumOrSmoking => None,
                IntakeKind::ClearFluids => Some(120),
                IntakeKind::FattyMeal => Some(480),
                _ => Some(360),
            };
            prop_assert_eq!(flagged, required.is_some_and(|r| offset_min < r));
        }

        #[test]
        fn alerts_never_panic(start in SECONDS, now in SECONDS, eaten in SECONDS, clear in 0.0f64..1e12) {
            let t = |s: i64| DateTime::<Utc>::from_timestamp(s, 0).unwrap_or_default();
            let (s, _) = Settings::from_pairs([("fast.clear_h".to_string(), clear.to_string())]);
            let c = FastingCase {
                insulin_treated_diabetic: true,
                patient: PatientKind::Child,
                ..case(t(start), vec![intake(IntakeKind::Formula, t(eaten))])
            };
            let _ = alerts(&c, t(now), &s);
        }
    }
}

/// Issue 14: intakes in French, none left in English.
#[cfg(test)]
mod french_labels {
    use super::*;

    use crate::i18n::in_both as both;

    #[test]
    fn every_label_is_said_in_french() {
        for (en, fr) in [IntakeKind::ALL.map(|k| both(|| k.label())).to_vec()].into_iter().flatten() {
            assert!(!fr.is_empty() && !fr.contains("ward-"), "{en}: {fr:?}");
            assert_ne!(en, fr, "{en} is the same in French");
        }
    }
}
