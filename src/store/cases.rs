//! Cases: one procedure for one admission, on the block schedule.

use super::db::{Connection, OptionalExtension};
use super::decode::known;
use super::error::{Result, StoreError, instant_text};
use super::table::Table;
use super::write::WriteTx;
use super::{admissions, beds, block, rows};
use crate::domain::case::{AnaesthesiaMode, CaseState};
use crate::domain::journey::{self, FastingTimes};
use crate::domain::pathway::AdmissionState;
use crate::domain::settings::Settings;
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    pub admission_id: i64,
    pub procedure_kind_id: i64,
    pub room_id: Option<i64>,
    pub operator_id: Option<i64>,
    pub anaesthetist_id: Option<i64>,
    pub scheduled_start: DateTime<Utc>,
    pub duration_min: u32,
    pub anaesthesia_mode: AnaesthesiaMode,
    pub side_level: Option<String>,
    pub state: CaseState,
}

pub fn create(tx: &mut WriteTx<'_>, case: &NewCase) -> Result<i64> {
    tx.insert(
        Table::Cases,
        &[
            ("admission_id", &case.admission_id),
            ("procedure_kind_id", &case.procedure_kind_id),
            ("room_id", &case.room_id),
            ("operator_id", &case.operator_id),
            ("anaesthetist_id", &case.anaesthetist_id),
            ("scheduled_start", &instant_text(case.scheduled_start)),
            ("duration_min", &case.duration_min),
            ("anaesthesia_mode", &case.anaesthesia_mode.code()),
            ("side_level", &case.side_level),
            ("state", &case.state.code()),
        ],
    )
}

/// What moving a procedure did, and the message to show (R-PATH-1, R-FAST-2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub case_version: i64,
    /// The admission's plans moved: both with the procedure day before the
    /// arrival; after it, only a discharge planned before the new day (R-PATH-6).
    pub plans_moved: bool,
    pub planned_admit_on: NaiveDate,
    pub planned_discharge_on: NaiveDate,
    /// The bed given up because another admission holds it on the new nights.
    pub bed_released: Option<String>,
    /// R-FAST-2: the new fasting times, for a case under anaesthesia.
    pub fasting: Option<FastingTimes>,
    /// For the user, naming no patient: "procedure moved to …; admission moved to …".
    pub message: String,
}

struct CaseAndStay {
    state: CaseState,
    version: i64,
    admission_id: i64,
    start: DateTime<Utc>,
    mode: AnaesthesiaMode,
    birth_date: NaiveDate,
    patient_id: i64,
    stay_state: AdmissionState,
    stay_version: i64,
    admit_on: NaiveDate,
    discharge_on: NaiveDate,
    bed: Option<(i64, String)>,
}

fn case_and_stay(conn: &Connection, case_id: i64) -> Result<CaseAndStay> {
    conn.query_row(
        "SELECT c.state, c.version, c.admission_id, c.scheduled_start, c.anaesthesia_mode, p.birth_date,
                a.patient_id, a.state, a.version, a.planned_admit_on, a.planned_discharge_on, b.id, b.label
         FROM cases c JOIN admissions a ON a.id = c.admission_id JOIN patients p ON p.id = a.patient_id
         LEFT JOIN beds b ON b.id = a.bed_id WHERE c.id = ?1",
        [case_id],
        |r| {
            let (state, mode, stay_state): (String, String, String) = (r.get(0)?, r.get(4)?, r.get(7)?);
            let bed: Option<i64> = r.get(11)?;
            Ok(CaseAndStay {
                state: known(&state, Table::Cases, "state", case_id)?,
                version: r.get(1)?,
                admission_id: r.get(2)?,
                start: rows::instant(r, 3)?,
                mode: known(&mode, Table::Cases, "anaesthesia_mode", case_id)?,
                birth_date: rows::day(r, 5)?,
                patient_id: r.get(6)?,
                stay_state: known(&stay_state, Table::Admissions, "state", r.get(2)?)?,
                stay_version: r.get(8)?,
                admit_on: rows::day(r, 9)?,
                discharge_on: rows::day(r, 10)?,
                bed: match bed {
                    Some(id) => Some((id, r.get(12)?)),
                    None => None,
                },
            })
        },
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(Table::Cases.row(case_id)))
}

/// R-PATH-1, R-FAST-2: moves a procedure to `new_start`. If the patient is
/// not yet admitted, the admission and discharge plans move with the
/// procedure day (and a bed held by someone else on the new nights is given
/// up, with a message); once admitted, the plans stay and the message says
/// so. The fasting times follow the start (they are computed from it).
///
/// R-PATH-6: refused if the stay's instants would be out of order (a day
/// before the patient arrived, after they left or outside the plans), and,
/// unless `retrospective` confirms it, if `new_start` is already past
/// ([`StoreError::Retrospective`]); a confirmed past start is stored as such.
pub fn move_case(
    tx: &mut WriteTx<'_>,
    case_id: i64,
    expected_version: i64,
    new_start: DateTime<Utc>,
    retrospective: bool,
    settings: &Settings,
) -> Result<Moved> {
    move_answering(tx, case_id, expected_version, new_start, retrospective, &block::Answer::default(), settings)
}

/// Where and with whom a case runs (R-BLOCK-3 checks each): `None` leaves
/// a case without a room or staff member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Placement {
    pub room_id: Option<i64>,
    pub operator_id: Option<i64>,
    pub anaesthetist_id: Option<i64>,
    /// R-BLOCK-3: the block nurse, checked like operators.
    pub nurse_id: Option<i64>,
    /// R-BLOCK-2: the case's minutes (a resize); `None` keeps them.
    pub minutes: Option<u32>,
}

/// Moves a case and, with `placement`, changes its room, operator,
/// anaesthetist and block nurse, in one transaction: the conflict check (R-BLOCK-3) and the
/// freeze window (R-BLOCK-4) judge the case as it ends up. A room or member
/// of staff no longer in use is refused. See [`move_answering`].
#[allow(clippy::too_many_arguments)]
pub fn reschedule(
    tx: &mut WriteTx<'_>,
    case_id: i64,
    expected_version: i64,
    new_start: DateTime<Utc>,
    placement: Option<&Placement>,
    retrospective: bool,
    answer: &block::Answer,
    settings: &Settings,
) -> Result<Moved> {
    let mut version = expected_version;
    if let Some(p) = placement {
        let current: (Option<i64>, Option<i64>, Option<i64>, i64, u32, Option<i64>) = tx.conn().query_row(
            "SELECT room_id, operator_id, anaesthetist_id, version, duration_min, nurse_id FROM cases WHERE id = ?1",
            [case_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )?;
        if current.3 != expected_version {
            return Err(tx.conflict(Table::Cases, case_id));
        }
        let minutes = p.minutes.unwrap_or(current.4);
        if minutes == 0 || minutes > admissions::MAX_MINUTES {
            return Err(StoreError::invalid(
                tr!("store-duration"),
                tr!("store-duration-out-of-range", minutes = minutes, max = admissions::MAX_MINUTES),
            ));
        }
        let now = (current.0, current.1, current.2, current.4, current.5);
        if now != (p.room_id, p.operator_id, p.anaesthetist_id, minutes, p.nurse_id) {
            // Issue 8: a retired room or member of staff is given to no case.
            super::in_use::placement(tx.conn(), p.room_id, p.operator_id, p.anaesthetist_id)?;
            super::in_use::staff(tx.conn(), p.nurse_id, &tr!("store-the-block-nurse"))?;
            version = tx.update(
                Table::Cases,
                case_id,
                expected_version,
                &[
                    ("room_id", &p.room_id),
                    ("operator_id", &p.operator_id),
                    ("anaesthetist_id", &p.anaesthetist_id),
                    ("nurse_id", &p.nurse_id),
                    ("duration_min", &minutes),
                ],
            )?;
        }
    }
    move_answering(tx, case_id, version, new_start, retrospective, answer, settings)
}

/// [`move_case`], answering the schedule's check (R-BLOCK-3, R-BLOCK-4)
/// with `answer`: the move is refused with [`StoreError::BlockConflict`]
/// when it meets a conflict that cannot be overridden, or one that can
/// without a reason; with a reason the override is recorded. The conflicts
/// that stay shown (bed, fasting, anaesthesia gate) end the message.
pub fn move_answering(
    tx: &mut WriteTx<'_>,
    case_id: i64,
    expected_version: i64,
    new_start: DateTime<Utc>,
    retrospective: bool,
    answer: &block::Answer,
    settings: &Settings,
) -> Result<Moved> {
    let what = Table::Cases.row(case_id);
    let c = case_and_stay(tx.conn(), case_id)?;
    if c.version != expected_version {
        return Err(tx.conflict(Table::Cases, case_id));
    }
    // R-BLOCK-5: a postponed case (its stay postponed too) is rebooked by a move.
    let rebooking = c.state == CaseState::Postponed && c.stay_state == AdmissionState::Postponed;
    if !matches!(c.state, CaseState::Planned | CaseState::Confirmed) && !rebooking {
        return Err(StoreError::invalid(&what, tr!("store-case-not-movable", state = c.state.code())));
    }
    if matches!(c.stay_state, AdmissionState::Discharged | AdmissionState::Cancelled) {
        return Err(StoreError::invalid(&what, tr!("store-case-stay-over", state = c.stay_state.words())));
    }
    let zone = settings.zone();
    let (old_day, new_day) = (ward_time::local_day(c.start, zone), ward_time::local_day(new_start, zone));
    // R-PATH-6: the stay as it will be (its plans follow the day if not yet admitted).
    let mut instants = super::stay_order::instants(tx.conn(), c.admission_id)?;
    instants.procedure_start = Some(new_start);
    let not_yet_admitted = matches!(c.stay_state, AdmissionState::Planned | AdmissionState::Postponed);
    if not_yet_admitted && new_day != old_day {
        (instants.planned_admit_on, instants.planned_discharge_on) = admissions::planned_days(new_day, settings)?;
    }
    // R-PATH-6: once admitted the plans stay, except a discharge planned before
    // the new procedure day, which follows it (procedure ≤ discharge).
    let later_discharge = if !not_yet_admitted && new_day > c.discharge_on {
        Some(admissions::planned_days(new_day, settings)?.1)
    } else {
        None
    };
    if let Some(day) = later_discharge {
        instants.planned_discharge_on = day;
    }
    super::stay_order::ensure(tx, &what, &instants, zone)?;
    let plans_follow = not_yet_admitted && new_day != old_day;
    let admit_on = plans_follow.then_some(instants.planned_admit_on);
    // R-PATH-6: only a date that changes asks; a room, staff or length
    // changed on a case whose start has passed does not (found in use).
    let same_time = new_start == c.start && !rebooking && !plans_follow;
    let past = !same_time && super::stay_order::confirm_past_plans(tx, &what, new_start, admit_on, retrospective)?;
    let planned = CaseState::Planned.code();
    let start_text = instant_text(new_start);
    let mut fields: Vec<super::write::Field<'_>> = vec![("scheduled_start", &start_text)];
    if !same_time {
        fields.push(("retrospective", &past));
    }
    if rebooking {
        fields.push(("state", &planned));
    }
    let case_version = tx.update(Table::Cases, case_id, expected_version, &fields)?;
    let today = ward_time::local_day(tx.at(), zone);
    let (moved_day, moved_time) = (ward_time::day_text(new_day, today), ward_time::clock_text(new_start, zone));
    let mut message = if rebooking {
        tr!("store-moved-booked-again", day = moved_day, time = moved_time)
    } else {
        tr!("store-moved", day = moved_day, time = moved_time)
    }
    .into_owned();
    // R-BLOCK-5, R-PATH-2: booked again, the stay is planned again, by a
    // recorded step in this transaction; its plans follow below (R-PATH-1).
    let mut stay_version = c.stay_version;
    if rebooking {
        let reason = format!(
            "booked again: procedure {} {}", // i18n: stored: the step's reason
            ward_time::day_text(new_day, today),
            ward_time::clock_text(new_start, zone)
        );
        stay_version = admissions::planned_again(tx, c.admission_id, stay_version, &reason)?;
        message.push_str(&tr!("store-moved-planned-again"));
    }
    let (mut admit_on, mut discharge_on) = (c.admit_on, c.discharge_on);
    let mut plans_moved = false;
    let mut bed_released = None;
    if let Some(day) = later_discharge {
        // R-PATH-4: the extra nights must not be someone else's.
        if let Some((bed_id, label)) = &c.bed
            && let Some(holder) = beds::conflict(tx.conn(), *bed_id, (c.discharge_on, day), c.admission_id, today)?
        {
            return Err(StoreError::invalid(
                &what,
                tr!(
                    "store-moved-bed-held",
                    day = ward_time::day_text(day, today),
                    bed = label.as_str(),
                    from = ward_time::day_text(holder.planned_admit_on, today)
                ),
            ));
        }
        let day_text = day.to_string();
        tx.update(Table::Admissions, c.admission_id, stay_version, &[("planned_discharge_on", &day_text)])?;
        discharge_on = day;
        plans_moved = true;
        message.push_str(&tr!("store-moved-discharge-follows", day = ward_time::day_text(day, today)));
    } else if !not_yet_admitted {
        message.push_str(&tr!("store-moved-plans-stay", day = ward_time::day_text(c.discharge_on, today)));
    } else if new_day == old_day {
        message.push_str(&tr!("store-moved-same-day"));
    } else {
        (admit_on, discharge_on) = admissions::planned_days(new_day, settings)?;
        let today = ward_time::local_day(tx.at(), zone);
        let nights = (admit_on, discharge_on);
        if let Some((_, first, end)) =
            admissions::patient_stay_overlapping(tx.conn(), c.patient_id, nights, c.admission_id, today)?
        {
            return Err(StoreError::invalid(
                &what,
                tr!(
                    "store-moved-patient-has-a-stay",
                    first = ward_time::day_text(first, today),
                    end = ward_time::day_text(end, today)
                ),
            ));
        }
        message.push_str(&tr!(
            "store-moved-plans",
            admit = ward_time::day_text(admit_on, today),
            discharge = ward_time::day_text(discharge_on, today)
        ));
        if let Some((bed_id, label)) = &c.bed
            && let Some(holder) = beds::conflict(tx.conn(), *bed_id, nights, c.admission_id, today)?
        {
            message.push_str(&tr!(
                "store-moved-bed-given-up",
                bed = label.as_str(),
                from = ward_time::day_text(holder.planned_admit_on, today)
            ));
            bed_released = Some(label.clone());
        }
        let (admit_text, discharge_text, no_bed) = (admit_on.to_string(), discharge_on.to_string(), None::<i64>);
        let mut fields: Vec<super::write::Field<'_>> =
            vec![("planned_admit_on", &admit_text), ("planned_discharge_on", &discharge_text)];
        if bed_released.is_some() {
            fields.push(("bed_id", &no_bed));
        }
        tx.update(Table::Admissions, c.admission_id, stay_version, &fields)?;
        plans_moved = true;
    }
    // R-MED-1: the last-dose days follow the procedure day; say which changed.
    if new_day != old_day {
        let changed = last_doses_changed(tx.conn(), case_id, c.patient_id, old_day, new_day, today)?;
        if !changed.is_empty() {
            message.push_str(&tr!("store-moved-last-doses", doses = changed.join(", ")));
        }
    }
    let fasting = journey::fasting_times(new_start, c.mode, journey::patient_kind(c.birth_date, new_day), settings);
    if let Some(f) = &fasting {
        message.push_str(&tr!("store-moved-fasting", fasting = f.summary(zone)));
    }
    // R-BLOCK-3, R-BLOCK-4: the schedule as it now is, in this transaction.
    let shown = block::guard(tx, &what, case_id, &[old_day, new_day], answer, settings)?;
    if !shown.is_empty() {
        message.push_str(&tr!("store-moved-to-resolve", conflicts = shown.join(&tr!("store-list-separator"))));
    }
    Ok(Moved {
        case_version,
        plans_moved,
        planned_admit_on: admit_on,
        planned_discharge_on: discharge_on,
        bed_released,
        fasting,
        message,
    })
}

/// R-MED-1: each treatment taken (active, not voided) whose last-dose day
/// moves with the procedure from `old_day` to `new_day`, in words:
/// `DOAC 24/11 (was 20/11)`.
fn last_doses_changed(
    conn: &Connection,
    case_id: i64,
    patient_id: i64,
    old_day: NaiveDate,
    new_day: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<String>> {
    use crate::domain::medication::stop_plan;
    let contrast: bool =
        conn.query_row("SELECT iodinated_contrast FROM cases WHERE id = ?1", [case_id], |r| r.get(0))?;
    let mut out = Vec::new();
    for t in super::treatments::list(conn, patient_id)?.into_iter().filter(|t| t.active && t.voided.is_none()) {
        let (was, now) =
            (stop_plan(t.drug, old_day, contrast).last_dose, stop_plan(t.drug, new_day, contrast).last_dose);
        if let (Some(was), Some(now)) = (was, now)
            && was != now
        {
            out.push(
                tr!(
                    "store-last-dose-moved",
                    drug = t.drug.label(),
                    now = ward_time::day_text(now, today),
                    was = ward_time::day_text(was, today)
                )
                .into_owned(),
            );
        }
    }
    Ok(out)
}

/// R-READY-1: sets or clears the emergency flag (it relaxes the confirmation
/// gate, and is reported). Returns the case's new version.
pub fn set_emergency(tx: &mut WriteTx<'_>, case_id: i64, expected_version: i64, emergency: bool) -> Result<i64> {
    super::checks::case_state(tx.conn(), case_id)?;
    tx.update(Table::Cases, case_id, expected_version, &[("emergency", &emergency)])
}

/// R-ANES-3: records (or clears) the pre-anaesthesia visit. Returns the case's new version.
pub fn set_pre_visit(
    tx: &mut WriteTx<'_>,
    case_id: i64,
    expected_version: i64,
    at: Option<DateTime<Utc>>,
) -> Result<i64> {
    super::checks::case_state(tx.conn(), case_id)?;
    if let Some(at) = at {
        let about = super::stay_order::Subject::Case(case_id);
        let event = crate::domain::stay_order::Event::PreVisit;
        super::intakes::not_in_future(tx, at, &tr!("store-the-pre-visit"), event, about)?;
    }
    let at = at.map(instant_text);
    tx.update(Table::Cases, case_id, expected_version, &[("pre_visit_at", &at)])
}

/// R-PATH-2: the admission's cases follow its new state (see
/// [`crate::domain::case::after_stay`]), in the step's transaction.
pub(super) fn follow_stay(tx: &mut WriteTx<'_>, admission_id: i64, stay: AdmissionState) -> Result<()> {
    let cases: Vec<(i64, i64, CaseState)> = {
        let mut stmt = tx.conn().prepare_cached("SELECT id, version, state FROM cases WHERE admission_id = ?1")?;
        stmt.query_map([admission_id], |r| {
            let id = r.get(0)?;
            Ok((id, r.get(1)?, super::decode::known(&r.get::<_, String>(2)?, Table::Cases, "state", id)?))
        })?
        .collect::<super::db::Result<_>>()?
    };
    for (id, version, state) in cases {
        let before_done = if state == CaseState::Done { state_before_done(tx.conn(), id)? } else { None };
        if let Some(to) = crate::domain::case::after_stay(state, stay, before_done) {
            // R-TRACE-1: a case with implants closes only with complete records.
            if to == CaseState::Done {
                super::stock_moves::close_gate(tx, id)?;
            }
            // R-TRACE-1: a case with a standing implant record happened; it
            // is called off only once those recorded by mistake are voided.
            if matches!(to, CaseState::Cancelled | CaseState::Postponed) {
                super::stock_moves::call_off_gate(tx, id)?;
            }
            tx.update_following(Table::Cases, id, version, &[("state", &to.code())])?;
            // R-STOCK-2: a cancelled or postponed case gives its held devices
            // back; so does a closed one, for the units it did not use.
            if matches!(to, CaseState::Cancelled | CaseState::Postponed | CaseState::Done) {
                super::stock_moves::release_case(tx, id)?;
            }
        }
    }
    Ok(())
}

/// The state a case had when it was last marked done, read from its audit
/// row (`None` when no audit row says so).
fn state_before_done(conn: &Connection, case_id: i64) -> Result<Option<CaseState>> {
    state_before(conn, case_id, CaseState::Done)
}

/// The state a case had when it was last put in state `to`, read from its
/// audit row (`None` when no audit row says so).
pub(super) fn state_before(conn: &Connection, case_id: i64, to: CaseState) -> Result<Option<CaseState>> {
    let d = conn.dialect();
    let (before, after) =
        (super::dialect::json_text(d, "before", "state"), super::dialect::json_text(d, "after", "state"));
    let before: Option<Option<String>> = conn
        .query_row(
            &format!(
                "SELECT {before} FROM audit
                 WHERE table_name = 'cases' AND row_id = ?1 AND {after} = ?2 AND {before} IS DISTINCT FROM ?2
                 ORDER BY id DESC LIMIT 1"
            ),
            super::db::params![case_id, to.code()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(before.flatten().as_deref().and_then(CaseState::from_code))
}

/// Sets a case's state as recorded elsewhere: the demo's history. On the
/// ward the J0 timeline drives `in_progress` (R-BLOCK-6, `case_events`) and
/// the stay's steps the rest (R-PATH-2).
pub(crate) fn set_state(tx: &mut WriteTx<'_>, case_id: i64, expected_version: i64, state: CaseState) -> Result<i64> {
    tx.update(Table::Cases, case_id, expected_version, &[("state", &state.code())])
}
