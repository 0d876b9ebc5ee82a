use super::*;
use crate::domain::fasting::IntakeKind;
use chrono::TimeZone;
use proptest::prelude::*;

fn paris(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap().with_timezone(&Utc)
}

fn at(h: u32, m: u32) -> DateTime<Utc> {
    paris(23, h, m)
}

/// A ready case: cleared, a bed, nothing eaten; patient = case id.
fn case(case_id: i64, room: i64, operator: i64, start: DateTime<Utc>, minutes: u32) -> BookedCase {
    BookedCase {
        case_id,
        patient_id: case_id,
        room_id: Some(room),
        operator_id: Some(operator),
        anaesthetist_id: None,
        nurse_id: None,
        start,
        minutes,
        anaesthesia: AnaesthesiaGate::NotNeeded,
        bed_for_night: true,
        intakes: Vec::new(),
        patient: PatientKind::Adult,
        devices: Vec::new(),
        under_way: false,
    }
}

fn rooms() -> Vec<RoomHours> {
    let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    vec![RoomHours { room_id: 1, opens: t(8), closes: t(18) }, RoomHours { room_id: 2, opens: t(8), closes: t(18) }]
}

fn found(cases: &[BookedCase], kind: ConflictKind) -> Vec<(i64, Option<i64>)> {
    let settings = Settings::default();
    let rooms = rooms();
    check(&Schedule { cases, rooms: &rooms, settings: &settings })
        .into_iter()
        .filter(|c| c.kind == kind)
        .map(|c| (c.case_id, c.other_case_id))
        .collect()
}

/// R-BLOCK-3: the case: a move to 10:15 in Room 1 over a case at
/// 10:00–11:30 is a room overlap; after 11:30 plus 20 min turnover is not,
/// one minute earlier is.
#[test]
fn r_block_3_room_overlap_includes_turnover() {
    let cases = [case(1, 1, 7, at(10, 0), 90), case(2, 1, 8, at(10, 15), 60)];
    assert_eq!(found(&cases, ConflictKind::RoomOverlap), [(1, Some(2))]);
    let cases = [case(1, 1, 7, at(10, 0), 90), case(2, 1, 8, at(11, 50), 60)];
    assert!(found(&cases, ConflictKind::RoomOverlap).is_empty(), "11:30 + 20 min turnover = 11:50");
    let cases = [case(1, 1, 7, at(10, 0), 90), case(2, 1, 8, at(11, 49), 60)];
    assert_eq!(found(&cases, ConflictKind::RoomOverlap), [(1, Some(2))]);
    let cases = [case(1, 1, 7, at(10, 0), 90), case(2, 2, 8, at(10, 15), 60)];
    assert!(found(&cases, ConflictKind::RoomOverlap).is_empty(), "another room");
}

/// R-BLOCK-3: Dr Lemaire in two rooms at 10:00 is a conflict; back to back is not.
#[test]
fn r_block_3_one_operator_in_two_cases_at_once() {
    let cases = [
        case(1, 1, 7, at(10, 0), 90),
        case(2, 2, 7, at(10, 0), 120),
        case(3, 1, 8, at(12, 0), 90),
        case(4, 1, 7, at(14, 0), 60),
        case(5, 2, 8, at(13, 30), 60),
    ];
    assert_eq!(found(&cases, ConflictKind::OperatorOverlap), [(1, Some(2))]);
    assert_eq!(found(&cases, ConflictKind::OperatorOverlap).len(), 1, "case 4 starts when case 2 ended");
}

/// R-BLOCK-3: anaesthetists are checked like operators; a case without one is not.
#[test]
fn r_block_3_one_anaesthetist_in_two_cases_at_once() {
    let mut a = case(1, 1, 7, at(10, 0), 90);
    let mut b = case(2, 2, 8, at(11, 0), 60);
    let c = case(3, 2, 9, at(10, 0), 30);
    a.anaesthetist_id = Some(20);
    b.anaesthetist_id = Some(20);
    assert_eq!(found(&[a, b, c], ConflictKind::AnaesthetistOverlap), [(1, Some(2))]);
    assert_eq!(ConflictKind::AnaesthetistOverlap.policy(), Policy::Override);
}

/// R-BLOCK-3: block nurses are checked like operators (found in use, #9:
/// only operators and anaesthetists were); a case without one is not.
#[test]
fn r_block_3_one_nurse_in_two_cases_at_once() {
    let mut a = case(1, 1, 7, at(10, 0), 90);
    let mut b = case(2, 2, 8, at(11, 0), 60);
    let mut c = case(3, 2, 9, at(11, 30), 30);
    a.nurse_id = Some(30);
    b.nurse_id = Some(30);
    c.nurse_id = Some(31);
    assert_eq!(found(&[a.clone(), b.clone(), c], ConflictKind::NurseOverlap), [(1, Some(2))]);
    assert_eq!(ConflictKind::NurseOverlap.policy(), Policy::Refused);
    // Back to back is not an overlap: case 2 starts as case 1 ends.
    b.start = at(11, 30);
    assert_eq!(found(&[a, b], ConflictKind::NurseOverlap), []);
}

/// R-BLOCK-3: one patient booked twice at once (two rooms).
#[test]
fn r_block_3_the_same_patient_twice() {
    let a = case(1, 1, 7, at(10, 0), 90);
    let mut b = case(2, 2, 8, at(11, 0), 60);
    b.patient_id = 1;
    assert_eq!(found(&[a, b], ConflictKind::SamePatientTwice), [(1, Some(2))]);
    assert_eq!(ConflictKind::SamePatientTwice.policy(), Policy::Refused);
}

/// R-BLOCK-1, R-BLOCK-3: before the room opens, or ending after it closes.
#[test]
fn r_block_3_outside_the_rooms_hours() {
    let cases = [
        case(1, 1, 7, at(7, 30), 60),
        case(2, 1, 7, at(8, 0), 60),
        case(3, 2, 8, at(17, 0), 60),
        case(4, 2, 9, at(17, 30), 60),
    ];
    assert_eq!(found(&cases, ConflictKind::OutsideRoomHours), [(1, None), (4, None)]);
}

/// R-BLOCK-3 with R-PATH-4: a stay with no bed for the J-1 night is named.
#[test]
fn r_block_3_no_bed_for_the_night_before() {
    let mut a = case(1, 1, 7, at(10, 0), 90);
    a.bed_for_night = false;
    assert_eq!(found(&[a, case(2, 2, 8, at(10, 0), 60)], ConflictKind::NoBedForNight), [(1, None)]);
}

/// R-BLOCK-3 with R-FAST-3: breakfast at 07:00 and a case moved to 09:00
/// cannot be fasted in time; at 13:00 it can (6 h of solids).
#[test]
fn r_block_3_a_fasting_window_that_cannot_be_met() {
    let mut a = case(1, 1, 7, at(9, 0), 60);
    a.intakes = vec![LastIntake { kind: IntakeKind::Solids, at: at(7, 0) }];
    assert_eq!(found(std::slice::from_ref(&a), ConflictKind::FastingCannotBeMet), [(1, None)]);
    a.start = at(13, 0);
    assert!(found(&[a], ConflictKind::FastingCannotBeMet).is_empty());
}

/// R-BLOCK-3 with R-ANES-5: only "cleared" passes the anaesthesia gate.
#[test]
fn r_block_3_anaesthesia_not_cleared() {
    let mut a = case(1, 1, 7, at(10, 0), 90);
    let mut b = case(2, 2, 8, at(10, 0), 60);
    a.anaesthesia = AnaesthesiaGate::NotCleared;
    b.anaesthesia = AnaesthesiaGate::Cleared;
    assert_eq!(found(&[a, b], ConflictKind::AnaesthesiaNotCleared), [(1, None)]);
}

/// R-BLOCK-3: a case crossing midnight is judged on its instants, and on the
/// night the clocks go back (25 h day) a case at 02:30 after the change does
/// not meet one that ended at 02:30 before it.
#[test]
fn r_block_3_midnight_and_clock_change_are_judged_on_instants() {
    let late = case(1, 1, 7, at(23, 0), 120);
    let next = case(2, 1, 8, paris(24, 0, 30), 30);
    assert_eq!(found(&[late.clone(), next], ConflictKind::RoomOverlap), [(1, Some(2))]);
    assert_eq!(found(&[late], ConflictKind::OutsideRoomHours), [(1, None)]);
    // 25 Oct 2026: 03:00 CEST becomes 02:00 CET.
    let before = Utc.with_ymd_and_hms(2026, 10, 25, 0, 0, 0).unwrap(); // 02:00 CEST
    let after_change = Utc.with_ymd_and_hms(2026, 10, 25, 1, 30, 0).unwrap(); // 02:30 CET
    let a = case(1, 1, 7, before, 30);
    let b = case(2, 1, 7, after_change, 30);
    assert!(found(&[a.clone(), b.clone()], ConflictKind::RoomOverlap).is_empty(), "an hour and a half apart");
    assert!(found(&[a, b], ConflictKind::OperatorOverlap).is_empty());
}

/// R-BLOCK-3: every conflict is named (no kind without words or a code), and
/// the policy refuses what cannot physically happen.
#[test]
fn r_block_3_every_kind_is_named_with_a_policy() {
    for kind in ConflictKind::ALL {
        assert!(!kind.words().is_empty());
        assert_eq!(ConflictKind::from_code(kind.code()), Some(kind));
    }
    assert_eq!(ConflictKind::RoomOverlap.policy(), Policy::Refused);
    assert_eq!(ConflictKind::OperatorOverlap.policy(), Policy::Refused);
    assert_eq!(ConflictKind::OutsideRoomHours.policy(), Policy::Override);
    assert_eq!(CHECKS.len(), ConflictKind::ALL.len(), "one check per kind");
}

/// A brute force over every pair, for the property below.
fn brute(cases: &[BookedCase], key: fn(&BookedCase) -> Option<i64>, pad: TimeDelta) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    for a in cases {
        for b in cases {
            let ordered = (a.start, a.case_id) < (b.start, b.case_id);
            let shared = key(a).is_some() && key(a) == key(b);
            if ordered && shared && a.start < b.end() + pad && b.start < a.end() + pad {
                out.push((a.case_id.min(b.case_id), a.case_id.max(b.case_id)));
            }
        }
    }
    out.sort_unstable();
    out
}

fn pairs(conflicts: &[Conflict], kind: ConflictKind) -> Vec<(i64, i64)> {
    let mut out: Vec<_> = conflicts
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| {
            let other = c.other_case_id.unwrap_or(c.case_id);
            (c.case_id.min(other), c.case_id.max(other))
        })
        .collect();
    out.sort_unstable();
    out
}

proptest! {
    /// R-BLOCK-3: over random bookings (rooms, operators, anaesthetists,
    /// nurses and patients shared at random, starts across midnight), the check finds
    /// every overlap a brute force over all pairs finds, turnover included
    /// for rooms, and no other.
    #[test]
    fn r_block_3_finds_every_overlap_and_no_false_one(
        raw in proptest::collection::vec(
            (0i64..3, 0i64..3, proptest::option::of(0i64..2), 0i64..4, 0i64..1200, 1u32..240, proptest::option::of(0i64..2)),
            0..25,
        ),
        turnover in 0i64..60,
    ) {
        let cases: Vec<BookedCase> = raw
            .iter()
            .enumerate()
            .map(|(i, (room, op, anaes, patient, start, minutes, nurse))| {
                let mut c = case(i as i64, *room, *op, at(6, 0) + TimeDelta::minutes(*start), *minutes);
                c.anaesthetist_id = *anaes;
                c.nurse_id = *nurse;
                c.patient_id = *patient;
                c
            })
            .collect();
        let (settings, errors) = Settings::from_pairs([("block.turnover_min".to_string(), turnover.to_string())]);
        prop_assert!(errors.is_empty());
        let rooms = rooms();
        let conflicts = check(&Schedule { cases: &cases, rooms: &rooms, settings: &settings });
        let pad = TimeDelta::minutes(turnover);
        prop_assert_eq!(pairs(&conflicts, ConflictKind::RoomOverlap), brute(&cases, |c| c.room_id, pad));
        prop_assert_eq!(pairs(&conflicts, ConflictKind::OperatorOverlap), brute(&cases, |c| c.operator_id, TimeDelta::zero()));
        prop_assert_eq!(
            pairs(&conflicts, ConflictKind::AnaesthetistOverlap),
            brute(&cases, |c| c.anaesthetist_id, TimeDelta::zero())
        );
        prop_assert_eq!(pairs(&conflicts, ConflictKind::NurseOverlap), brute(&cases, |c| c.nurse_id, TimeDelta::zero()));
        prop_assert_eq!(
            pairs(&conflicts, ConflictKind::SamePatientTwice),
            brute(&cases, |c| Some(c.patient_id), TimeDelta::zero())
        );
        // A case involved in no pair is not reported by any overlap.
        for c in &conflicts {
            prop_assert!(cases.iter().any(|k| k.case_id == c.case_id));
        }
    }

    /// R-BLOCK-3: adding a case never takes a conflict away (the check is
    /// monotone), so re-checking inside the write transaction is enough.
    #[test]
    fn r_block_3_adding_a_case_keeps_every_conflict(
        raw in proptest::collection::vec((0i64..2, 0i64..2, 0i64..600, 1u32..180), 1..15),
    ) {
        let cases: Vec<BookedCase> = raw
            .iter()
            .enumerate()
            .map(|(i, (room, op, start, minutes))| case(i as i64, *room, *op, at(8, 0) + TimeDelta::minutes(*start), *minutes))
            .collect();
        let settings = Settings::default();
        let rooms = rooms();
        let fewer = check(&Schedule { cases: &cases[..cases.len() - 1], rooms: &rooms, settings: &settings });
        let all = check(&Schedule { cases: &cases, rooms: &rooms, settings: &settings });
        for c in fewer {
            prop_assert!(all.contains(&c), "{:?} lost", c);
        }
    }
}

/// R-BLOCK-3 with R-STOCK-3: a reserved lot quarantined, expired before the
/// procedure day or short of the units held is a conflict shown until put
/// right; a lot expiring on the day itself is usable.
#[test]
fn r_block_3_a_reserved_device_not_available() {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let held = |expiry: chrono::NaiveDate, quantity, quarantined| HeldDevice {
        lot_id: 1,
        units: 2,
        quantity,
        expiry: Some(expiry),
        quarantined,
    };
    let mut c = case(1, 1, 7, at(10, 0), 90);
    c.devices = vec![held(day, 5, false)];
    assert!(found(std::slice::from_ref(&c), ConflictKind::DeviceNotAvailable).is_empty(), "expires on the day: usable");
    for bad in [held(day.pred_opt().unwrap(), 5, false), held(day, 5, true), held(day, 1, false)] {
        c.devices = vec![bad];
        assert_eq!(found(std::slice::from_ref(&c), ConflictKind::DeviceNotAvailable), [(1, None)]);
    }
    assert_eq!(ConflictKind::DeviceNotAvailable.policy(), Policy::Shown);
}

/// Issue 14: each kind of conflict and each reason a device cannot be
/// used are said in French, not in English.
#[test]
fn conflict_words_are_french_in_french() {
    use crate::domain::language::Language;
    let english: Vec<String> = ConflictKind::ALL.iter().map(|k| k.words().into_owned()).collect();
    let _french = crate::i18n::scope(Language::Fr);
    for (kind, en) in ConflictKind::ALL.iter().zip(&english) {
        let fr = kind.words();
        assert!(!fr.is_empty() && fr != *en, "{kind:?}: {fr}");
    }
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let held = |quarantined, expiry, quantity| HeldDevice { lot_id: 1, units: 2, quantity, expiry, quarantined };
    assert_eq!(held(true, None, 5).unavailable_on(day).as_deref(), Some("en quarantaine"));
    assert_eq!(
        held(false, day.pred_opt(), 5).unavailable_on(day).as_deref(),
        Some("périmé avant le jour de l'intervention")
    );
    assert_eq!(held(false, None, 1).unavailable_on(day).as_deref(), Some("moins d'unités en rayon que réservées"));
}
