//! Beds (R-PATH-4): the bed board, the staff's actions on a bed, and which
//! admission holds which bed. What a state change means is decided in
//! `domain::beds`; here the facts are read and the changes written.

use super::Store;
use super::board::identity;
use super::db::{Connection, OptionalExtension, params};
use super::decode::known;
use super::error::{Result, StoreError};
use super::table::Table;
use super::write::WriteTx;
use crate::domain::beds::{self, BedAction, BedState};
use crate::domain::identity::Identity;
use crate::domain::journey::{BedChoice, BedOccupant, BedRow};
use crate::domain::pathway::AdmissionState;
use chrono::NaiveDate;
use chrono_tz::Tz;

use super::decode::{HOLDING_STATES, ON_WARD_STATES};

/// One bed as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bed {
    pub id: i64,
    pub label: String,
    pub state: BedState,
    pub version: i64,
    /// False once retired: kept for the history, given to no stay.
    pub active: bool,
}

pub fn get(conn: &Connection, bed_id: i64) -> Result<Bed> {
    conn.query_row("SELECT id, label, state, version, active FROM beds WHERE id = ?1", [bed_id], |r| {
        let state: String = r.get(2)?;
        Ok(Bed {
            id: r.get(0)?,
            label: r.get(1)?,
            state: known(&state, Table::Beds, "state", r.get(0)?)?,
            version: r.get(3)?,
            active: r.get(4)?,
        })
    })
    .optional()?
    .ok_or_else(|| StoreError::invalid(tr!("store-bed-numbered", id = bed_id), tr!("store-no-such-bed")))
}

/// An admission that holds a bed, with its plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub admission_id: i64,
    pub bed_id: i64,
    pub state: AdmissionState,
    pub planned_admit_on: NaiveDate,
    pub planned_discharge_on: NaiveDate,
    /// For a patient who has left: the ward days of arrival and departure.
    pub stayed: Option<(NaiveDate, NaiveDate)>,
}

impl Holder {
    pub fn nights(&self, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        beds::occupied_nights(self.state, self.planned_admit_on, self.planned_discharge_on, self.stayed, today)
    }
}

/// How far back a discharged stay's planned day may lie and its actual stay
/// still reach the nights asked about (a prolonged stay), in days.
const PROLONGED_REACH_DAYS: u64 = 60;

/// The holders that matter for `nights`: every admission planned or on the
/// ward and, when the nights are already past (a retrospective entry), the
/// patients who have left since, with the nights they actually stayed, so a
/// past night is never given to two patients (R-PATH-4).
pub fn holders_for(conn: &Connection, nights: (NaiveDate, NaiveDate), today: NaiveDate) -> Result<Vec<Holder>> {
    let mut all = holders(conn)?;
    if nights.0 < today {
        let zone = super::settings::load(conn)?.0.zone();
        let since = nights.0.checked_sub_days(chrono::Days::new(PROLONGED_REACH_DAYS)).unwrap_or(nights.0);
        all.extend(departed(conn, since, zone)?);
    }
    Ok(all)
}

/// Discharged admissions with a bed planned to leave on `since` or later, with
/// the ward days they actually stayed.
fn departed(conn: &Connection, since: NaiveDate, zone: Tz) -> Result<Vec<Holder>> {
    // `state || ''`: not by the state's index (most of history is discharged).
    let mut stmt = conn.prepare_cached(
        "SELECT id, bed_id, planned_admit_on, planned_discharge_on, admitted_at, discharged_at FROM admissions
         WHERE planned_discharge_on >= ?1 AND state || '' = 'discharged' AND bed_id IS NOT NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([since.to_string()], |r| departed_row(r, zone))?;
    Ok(rows.collect::<super::db::Result<Vec<_>>>()?)
}

fn departed_row(r: &super::db::Row<'_>, zone: Tz) -> super::db::Result<Holder> {
    let day = |t: Option<chrono::DateTime<chrono::Utc>>| t.map(|t| crate::domain::ward_time::local_day(t, zone));
    let (arrived, left) = (day(super::journey::opt_instant(r, 4)?), day(super::journey::opt_instant(r, 5)?));
    Ok(Holder {
        admission_id: r.get(0)?,
        bed_id: r.get(1)?,
        state: AdmissionState::Discharged,
        planned_admit_on: super::rows::day(r, 2)?,
        planned_discharge_on: super::rows::day(r, 3)?,
        stayed: arrived.zip(left),
    })
}

/// R-PATH-4 for `periop check`: every pair of admissions in one bed on the
/// same night, as of the ward day `today`, named by admission and bed.
pub fn overlaps(conn: &Connection, today: NaiveDate, zone: Tz) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT a.id, a.bed_id, a.planned_admit_on, a.planned_discharge_on, a.admitted_at, a.discharged_at, a.state,
                b.label
         FROM admissions a JOIN beds b ON b.id = a.bed_id ORDER BY a.id",
    )?;
    let mut labels = std::collections::BTreeMap::new();
    let rows = stmt.query_map([], |r| {
        let state: String = r.get(6)?;
        let mut holder = departed_row(r, zone)?;
        holder.state = known(&state, Table::Admissions, "state", holder.admission_id)?;
        Ok((holder, r.get::<_, String>(7)?))
    })?;
    let mut stays = Vec::new();
    for row in rows {
        let (holder, label) = row?;
        labels.insert(holder.bed_id, label);
        if let Some(nights) = holder.nights(today) {
            stays.push(beds::BedNights { bed_id: holder.bed_id, admission_id: holder.admission_id, nights });
        }
    }
    Ok(beds::bed_overlaps(&stays)
        .into_iter()
        .map(|(a, b, night)| {
            tr!(
                "store-check-bed-overlap",
                bed = labels.get(&a.bed_id).map_or("?", String::as_str),
                first = a.admission_id,
                second = b.admission_id,
                night = night.format("%d/%m/%Y").to_string()
            )
            .into_owned()
        })
        .collect())
}

/// Every admission planned or on the ward that has a bed: a few dozen rows
/// on a busy ward, read through the state index whatever the history.
pub fn holders(conn: &Connection) -> Result<Vec<Holder>> {
    let sql = format!(
        "SELECT id, bed_id, state, planned_admit_on, planned_discharge_on FROM admissions
         WHERE state IN {HOLDING_STATES} AND bed_id IS NOT NULL ORDER BY planned_admit_on, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| {
        let state: String = r.get(2)?;
        Ok(Holder {
            admission_id: r.get(0)?,
            bed_id: r.get(1)?,
            state: known(&state, Table::Admissions, "state", r.get(0)?)?,
            planned_admit_on: super::rows::day(r, 3)?,
            planned_discharge_on: super::rows::day(r, 4)?,
            stayed: None,
        })
    })?;
    Ok(rows.collect::<super::db::Result<Vec<_>>>()?)
}

/// R-PATH-4: another admission holding `bed_id` for any of `nights`, if any.
pub fn conflict(
    conn: &Connection,
    bed_id: i64,
    nights: (NaiveDate, NaiveDate),
    except_admission: i64,
    today: NaiveDate,
) -> Result<Option<Holder>> {
    Ok(holders_for(conn, nights, today)?.into_iter().find(|h| {
        h.bed_id == bed_id
            && h.admission_id != except_admission
            && h.nights(today).is_some_and(|held| beds::nights_overlap(held, nights))
    }))
}

/// Refuses a bed that is closed or held by another admission for those nights.
pub(super) fn check_bookable(
    conn: &Connection,
    bed: &Bed,
    nights: (NaiveDate, NaiveDate),
    admission_id: i64,
    today: NaiveDate,
) -> Result<()> {
    // Found in use (#8): a form opened before the retire gave a stay the bed.
    super::in_use::bed(&bed.label, bed.active)?;
    if bed.state == BedState::Closed {
        return Err(StoreError::invalid(tr!("store-bed", bed = bed.label.as_str()), tr!("store-bed-closed")));
    }
    if let Some(other) = conflict(conn, bed.id, nights, admission_id, today)? {
        let (first, end) = other.nights(today).unwrap_or((other.planned_admit_on, other.planned_discharge_on));
        return Err(StoreError::invalid(
            tr!("store-bed", bed = bed.label.as_str()),
            tr!("store-bed-held", first = first.format("%d/%m").to_string(), end = end.format("%d/%m").to_string()),
        ));
    }
    Ok(())
}

/// The admission on the ward in `bed_id`, other than `except`.
pub(super) fn occupant(conn: &Connection, bed_id: i64, except: i64) -> Result<Option<i64>> {
    let sql = format!("SELECT id FROM admissions WHERE state IN {ON_WARD_STATES} AND bed_id = ?1 AND id <> ?2 LIMIT 1");
    let id = conn.query_row(&sql, params![bed_id, except], |r| r.get(0)).optional()?;
    Ok(id)
}

/// Writes a bed's new physical state as a side effect of a step (the bed's
/// own version is read inside the same transaction, so nothing can slip in).
pub(super) fn set_physical(tx: &mut WriteTx<'_>, bed: &Bed, to: BedState) -> Result<()> {
    if bed.state != to {
        tx.update(Table::Beds, bed.id, bed.version, &[("state", &to.code())])?;
    }
    Ok(())
}

/// R-PATH-4: a patient arrives in the admission's bed.
pub(super) fn arrive(tx: &mut WriteTx<'_>, bed_id: i64, admission_id: i64) -> Result<()> {
    let bed = get(tx.conn(), bed_id)?;
    if occupant(tx.conn(), bed_id, admission_id)?.is_some() {
        return Err(StoreError::invalid(tr!("store-bed", bed = bed.label.as_str()), tr!("store-bed-still-occupied")));
    }
    let to = beds::arrive(bed.state)
        .map_err(|e| StoreError::invalid(tr!("store-bed", bed = bed.label.as_str()), e.to_string()))?;
    set_physical(tx, &bed, to)
}

/// A departure undone: the patient is back in their own bed, if no one else is in it.
pub(super) fn departure_undone(tx: &mut WriteTx<'_>, bed_id: i64, admission_id: i64) -> Result<()> {
    let bed = get(tx.conn(), bed_id)?;
    if occupant(tx.conn(), bed_id, admission_id)?.is_some() {
        return Err(StoreError::invalid(tr!("store-bed", bed = bed.label.as_str()), tr!("store-bed-occupied-now")));
    }
    let to = beds::departure_undone(bed.state)
        .map_err(|e| StoreError::invalid(tr!("store-bed", bed = bed.label.as_str()), e.to_string()))?;
    set_physical(tx, &bed, to)
}

/// R-PATH-4: the patient has left; the bed waits to be cleaned.
pub(super) fn leave(tx: &mut WriteTx<'_>, bed_id: i64) -> Result<()> {
    let bed = get(tx.conn(), bed_id)?;
    set_physical(tx, &bed, beds::leave(bed.state))
}

/// An admission recorded by mistake: the bed goes back to free.
pub(super) fn arrival_undone(tx: &mut WriteTx<'_>, bed_id: i64) -> Result<()> {
    let bed = get(tx.conn(), bed_id)?;
    set_physical(tx, &bed, beds::arrival_undone(bed.state))
}

/// R-PATH-4: a staff action on a bed (cleaned, close, reopen), if the bed is
/// still at the version the user saw. Returns the new version.
pub fn set_state(tx: &mut WriteTx<'_>, bed_id: i64, expected_version: i64, action: BedAction) -> Result<i64> {
    let bed = get(tx.conn(), bed_id)?;
    if bed.version != expected_version {
        return Err(tx.conflict(Table::Beds, bed_id));
    }
    // A bed a planned admission holds for tonight or later cannot be closed under it.
    let reserved_for = if action == BedAction::Close {
        let today = today(tx);
        holders(tx.conn())?
            .into_iter()
            .find(|h| {
                h.bed_id == bed_id
                    && h.state == AdmissionState::Planned
                    && h.nights(today).is_some_and(|(_, end)| end > today)
            })
            .map(|h| h.admission_id)
    } else {
        None
    };
    let to = beds::apply(bed.state, action, reserved_for)
        .map_err(|e| StoreError::invalid(tr!("store-bed", bed = bed.label.as_str()), e.to_string()))?;
    tx.update(Table::Beds, bed_id, expected_version, &[("state", &to.code())])
}

/// The ward day of the transaction's time.
pub(super) fn today(tx: &WriteTx<'_>) -> NaiveDate {
    let zone = super::settings::load(tx.conn()).map(|(s, _)| s.zone()).unwrap_or(chrono_tz::Europe::Paris);
    crate::domain::ward_time::local_day(tx.at(), zone)
}

/// The admission's plan and where it stands, for bed decisions.
fn admission_plan(conn: &Connection, admission_id: i64) -> Result<(Holder, Option<i64>, i64)> {
    conn.query_row(
        "SELECT id, COALESCE(bed_id, 0), state, planned_admit_on, planned_discharge_on, bed_id, version
         FROM admissions WHERE id = ?1",
        [admission_id],
        |r| {
            let state: String = r.get(2)?;
            Ok((
                Holder {
                    admission_id: r.get(0)?,
                    bed_id: r.get(1)?,
                    state: known(&state, Table::Admissions, "state", r.get(0)?)?,
                    planned_admit_on: super::rows::day(r, 3)?,
                    planned_discharge_on: super::rows::day(r, 4)?,
                    stayed: None,
                },
                r.get(5)?,
                r.get(6)?,
            ))
        },
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(Table::Admissions.row(admission_id)))
}

/// R-PATH-4: gives an admission a bed for its nights, refusing a bed that is
/// closed or held by another admission on any of them. For a patient already
/// on the ward this is a move: the old bed is to clean, the new one occupied.
/// Returns the admission's new version.
pub fn assign(tx: &mut WriteTx<'_>, admission_id: i64, expected_version: i64, bed_id: i64) -> Result<i64> {
    let (plan, old_bed, version) = admission_plan(tx.conn(), admission_id)?;
    if version != expected_version {
        return Err(tx.conflict(Table::Admissions, admission_id));
    }
    let what = Table::Admissions.row(admission_id);
    let today = today(tx);
    let Some(nights) = plan.nights(today) else {
        return Err(StoreError::invalid(what, tr!("store-stay-holds-no-bed", state = plan.state.code())));
    };
    if old_bed == Some(bed_id) {
        return Ok(version);
    }
    let bed = get(tx.conn(), bed_id)?;
    check_bookable(tx.conn(), &bed, nights, admission_id, today)?;
    if plan.state.is_on_ward() {
        arrive(tx, bed_id, admission_id)?;
        if let Some(old) = old_bed {
            leave(tx, old)?;
        }
    }
    tx.update(Table::Admissions, admission_id, expected_version, &[("bed_id", &bed_id)])
}

/// Takes the bed away from a planned admission (a patient on the ward keeps
/// theirs until moved). Returns the admission's new version.
pub fn unassign(tx: &mut WriteTx<'_>, admission_id: i64, expected_version: i64) -> Result<i64> {
    let (plan, _, version) = admission_plan(tx.conn(), admission_id)?;
    if version != expected_version {
        return Err(tx.conflict(Table::Admissions, admission_id));
    }
    if plan.state.is_on_ward() {
        return Err(StoreError::invalid(Table::Admissions.row(admission_id), tr!("store-patient-in-bed")));
    }
    tx.update(Table::Admissions, admission_id, expected_version, &[("bed_id", &None::<i64>)])
}

/// Beds a stay could take for `nights` as seen on `today`: not closed, not
/// held by another admission; free ones first, then those waiting to be cleaned.
pub fn available(conn: &Connection, nights: (NaiveDate, NaiveDate), today: NaiveDate) -> Result<Vec<BedChoice>> {
    let held: Vec<Holder> = holders_for(conn, nights, today)?;
    let mut stmt =
        conn.prepare_cached("SELECT id, label, state FROM beds WHERE state <> 'closed' AND active = 1 ORDER BY label")?;
    let mut out = stmt
        .query_map([], |r| {
            let state: String = r.get(2)?;
            Ok(BedChoice {
                bed_id: r.get(0)?,
                label: r.get(1)?,
                physical: known(&state, Table::Beds, "state", r.get(0)?)?,
            })
        })?
        .collect::<super::db::Result<Vec<_>>>()?;
    out.retain(|b| {
        !held.iter().any(|h| h.bed_id == b.bed_id && h.nights(today).is_some_and(|n| beds::nights_overlap(n, nights)))
    });
    out.sort_by_key(|b| (b.physical != BedState::Free, b.physical != BedState::ToClean));
    Ok(out)
}

/// R-PATH-4: every bed for the night of `day`: what it is, who is in it and
/// who is expected. `reserved` is derived from the planned admissions.
pub fn board(conn: &Connection, day: NaiveDate, _zone: Tz) -> Result<Vec<BedRow>> {
    let mut stmt = conn.prepare_cached("SELECT id, version, label, state FROM beds WHERE active = 1 ORDER BY label")?;
    let beds = stmt
        .query_map([], |r| {
            let state: String = r.get(3)?;
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                known::<BedState>(&state, Table::Beds, "state", r.get(0)?)?,
            ))
        })?
        .collect::<super::db::Result<Vec<_>>>()?;
    let sql = format!(
        "SELECT a.id, a.bed_id, a.state, a.planned_admit_on, a.planned_discharge_on,
                p.id, p.surname, p.first_name, p.birth_date
         FROM admissions a JOIN patients p ON p.id = a.patient_id
         WHERE a.state IN {HOLDING_STATES} AND a.bed_id IS NOT NULL ORDER BY a.planned_admit_on, a.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let people = stmt
        .query_map([], |r| {
            let state: String = r.get(2)?;
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                known::<AdmissionState>(&state, Table::Admissions, "state", r.get(0)?)?,
                super::rows::day(r, 3)?,
                super::rows::day(r, 4)?,
                identity(r, 5)?,
            ))
        })?
        .collect::<super::db::Result<Vec<_>>>()?;
    let who = |admission_id: i64, patient: &Identity| BedOccupant { admission_id, patient: patient.clone() };
    Ok(beds
        .into_iter()
        .map(|(bed_id, version, label, physical)| {
            let mine = || people.iter().filter(|p| p.1 == bed_id);
            let occupant = mine().find(|p| p.2.is_on_ward()).map(|p| who(p.0, &p.5));
            let expected =
                mine().find(|p| p.2 == AdmissionState::Planned && p.3 <= day && day < p.4).map(|p| who(p.0, &p.5));
            BedRow {
                bed_id,
                version,
                label,
                physical,
                status: beds::status(physical, expected.is_some()),
                occupant,
                expected,
            }
        })
        .collect())
}

impl Store {
    /// [`board`] for this store's ward.
    pub fn beds(&self, day: NaiveDate) -> Result<Vec<BedRow>> {
        board(self.conn(), day, self.zone())
    }
}
