//! Heterotopic ossification follow-ups at the store's door (R-HO-1): the
//! surgery, the prophylaxis given, the X-ray check and its Brooker grade,
//! through the one audited write path. The timing check and the due day are
//! `domain::ossification`'s.
//!
//! A radiotherapy outside 4 h before to 72 h after surgery is warned: it is
//! recorded only with a reason, kept on the row (and so in the audit).
//! R-ROLE-1: a doctor's record (`Change::Ossification`).

use super::Store;
use super::db::{Connection, OptionalExtension, params};
use super::decode::{known, opt_known};
use super::error::{Result, StoreError, instant_text};
use super::rows;
use super::table::Table;
use super::write::WriteTx;
use crate::domain::identity::Identity;
use crate::domain::ossification::{self, Brooker, FollowUp, Prophylaxis, ProphylaxisKind, Timing};
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, Utc};

/// A new follow-up (R-HO-1).
#[derive(Debug, Clone, PartialEq)]
pub struct NewFollowUp {
    pub patient_id: i64,
    pub case_id: Option<i64>,
    /// When the surgery was (UTC).
    pub surgery_at: DateTime<Utc>,
    pub prophylaxis: Prophylaxis,
    /// Needed for a radiotherapy outside its window (the warning's override).
    pub timing_reason: Option<String>,
}

/// A follow-up with whose it is.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpRow {
    pub follow_up: FollowUp,
    pub patient: Identity,
    pub hospital_number: String,
}

const COLUMNS: &str = "h.id, h.version, h.patient_id, h.case_id, h.surgery_at, h.prophylaxis, h.prophylaxis_at,
    h.drug, h.nsaid_days, h.dose_gy, h.timing_reason, h.xray_on, h.brooker, r.display_name,
    p.surname, p.first_name, p.birth_date, p.hospital_number,
    CASE WHEN h.voided_at IS NULL THEN NULL ELSE COALESCE(h.void_reason, '') END";

fn row(r: &super::db::Row<'_>) -> super::db::Result<FollowUpRow> {
    let id: i64 = r.get(0)?;
    let t = Table::HoFollowUps;
    let kind: String = r.get(5)?;
    let given: Option<String> = r.get(6)?;
    let given = match given {
        Some(_) => Some(rows::instant(r, 6)?),
        None => None,
    };
    let unreadable = || {
        let err = super::decode::Undecodable { table: t, id, column: "prophylaxis_at".into(), value: "NULL".into() };
        super::db::Error::FromSqlConversionFailure(6, super::db::types::Type::Null, Box::new(err))
    };
    let prophylaxis = match known::<ProphylaxisKind>(&kind, t, "prophylaxis", id)? {
        ProphylaxisKind::None => Prophylaxis::None,
        ProphylaxisKind::Nsaid => Prophylaxis::Nsaid {
            drug: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
            from: given.ok_or_else(unreadable)?,
            days: r.get::<_, Option<u32>>(8)?.unwrap_or(0),
        },
        ProphylaxisKind::Radiotherapy => Prophylaxis::Radiotherapy {
            at: given.ok_or_else(unreadable)?,
            dose_gy: r.get::<_, Option<f64>>(9)?.unwrap_or(0.0),
        },
    };
    let xray: Option<String> = r.get(11)?;
    let brooker: Option<String> = r.get(12)?;
    Ok(FollowUpRow {
        follow_up: FollowUp {
            follow_up_id: id,
            version: r.get(1)?,
            patient_id: r.get(2)?,
            case_id: r.get(3)?,
            surgery_at: rows::instant(r, 4)?,
            prophylaxis,
            timing_reason: r.get(10)?,
            xray_on: match xray {
                Some(_) => Some(rows::day(r, 11)?),
                None => None,
            },
            brooker: opt_known::<Brooker>(brooker.as_deref(), t, "brooker", Some(id))?,
            recorded_by: r.get(13)?,
            voided: r.get(18)?,
        },
        patient: Identity {
            patient_id: r.get(2)?,
            surname: r.get(14)?,
            first_name: r.get(15)?,
            birth_date: rows::day(r, 16)?,
        },
        hospital_number: r.get(17)?,
    })
}

/// The follow-ups not voided, of one patient or (`None`) of every patient
/// whose X-ray check is not done yet; by surgery, oldest first.
pub fn list(conn: &Connection, patient_id: Option<i64>) -> Result<Vec<FollowUpRow>> {
    select(conn, patient_id, false)
}

/// A patient's history: their follow-ups, the voided ones too (marked).
pub fn history(conn: &Connection, patient_id: i64) -> Result<Vec<FollowUp>> {
    Ok(select(conn, Some(patient_id), true)?.into_iter().map(|r| r.follow_up).collect())
}

fn select(conn: &Connection, patient_id: Option<i64>, with_voided: bool) -> Result<Vec<FollowUpRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM ho_follow_ups h
         JOIN patients p ON p.id = h.patient_id JOIN staff r ON r.id = h.recorded_by
         WHERE (CAST(?2 AS BIGINT) = 1 OR h.voided_at IS NULL)
           AND (CASE WHEN CAST(?1 AS BIGINT) IS NULL THEN h.xray_on IS NULL ELSE h.patient_id = ?1 END)
         ORDER BY h.surgery_at, h.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![patient_id, with_voided], row)?;
    Ok(rows.collect::<super::db::Result<_>>()?)
}

impl Store {
    /// R-HO-1: a patient's ossification follow-ups (voided ones never).
    pub fn ossification_of(&self, patient_id: i64) -> Result<Vec<FollowUpRow>> {
        list(self.conn(), Some(patient_id))
    }

    /// R-HO-1: every follow-up whose X-ray check is not done yet.
    pub fn ossification_pending(&self) -> Result<Vec<FollowUpRow>> {
        list(self.conn(), None)
    }
}

/// R-HO-1: records a follow-up; returns its id and the warnings it raised
/// (a dose outside 7–8 Gy; a radiotherapy outside its window, recorded
/// with its reason). Refused: an unknown patient, another patient's case,
/// a surgery in the future, impossible prophylaxis, and a radiotherapy
/// outside its window without a reason.
pub fn record(tx: &mut WriteTx<'_>, new: &NewFollowUp) -> Result<(i64, Vec<String>)> {
    let what: &str = &tr!("store-the-ho-follow-up");
    new.prophylaxis.check().map_err(|why| StoreError::invalid(what, tr!("store-rule-ho-1", why = why.to_string())))?;
    if new.surgery_at > tx.at() {
        return Err(StoreError::invalid(what, tr!("store-surgery-in-future")));
    }
    let given = match &new.prophylaxis {
        Prophylaxis::None => None,
        Prophylaxis::Nsaid { from, .. } => Some(*from),
        Prophylaxis::Radiotherapy { at, .. } => Some(*at),
    };
    if given.is_some_and(|g| g > tx.at()) {
        return Err(StoreError::invalid(what, tr!("store-prophylaxis-in-future")));
    }
    super::patients::ensure_exists(tx, new.patient_id)?;
    let surgery_day = ward_time::local_day(new.surgery_at, tx.zone());
    super::stay_order::on_or_after_birth(
        tx,
        what,
        crate::domain::stay_order::Event::Surgery,
        surgery_day,
        new.patient_id,
    )?;
    if let Some(case_id) = new.case_id {
        super::complications::check_case(tx.conn(), new.patient_id, case_id)?;
    }
    let reason = new.timing_reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
    let outside = match &new.prophylaxis {
        Prophylaxis::Radiotherapy { at, .. } => {
            ossification::radiotherapy_timing(new.surgery_at, *at) != Timing::InWindow
        }
        _ => false,
    };
    if outside && reason.is_none() {
        let warning = ossification::warnings(new.surgery_at, &new.prophylaxis).remove(0);
        return Err(StoreError::invalid(what, tr!("store-ho-outside-window", warning = warning.to_string())));
    }
    let (given, drug, days, dose) = match &new.prophylaxis {
        Prophylaxis::None => (None, None, None, None),
        Prophylaxis::Nsaid { drug, from, days } => (Some(instant_text(*from)), Some(drug.trim()), Some(*days), None),
        Prophylaxis::Radiotherapy { at, dose_gy } => (Some(instant_text(*at)), None, None, Some(*dose_gy)),
    };
    let (at, by) = (instant_text(tx.at()), tx.actor_id());
    let id = tx.insert(
        Table::HoFollowUps,
        &[
            ("patient_id", &new.patient_id),
            ("case_id", &new.case_id),
            ("surgery_at", &instant_text(new.surgery_at)),
            ("prophylaxis", &new.prophylaxis.kind().code()),
            ("prophylaxis_at", &given),
            ("drug", &drug),
            ("nsaid_days", &days),
            ("dose_gy", &dose),
            ("timing_reason", &reason.filter(|_| outside)),
            ("recorded_by", &by),
            ("recorded_at", &at),
        ],
    )?;
    Ok((id, ossification::warnings(new.surgery_at, &new.prophylaxis)))
}

/// R-HO-1: the X-ray check of follow-up `id` was done on `on` (a ward day
/// from the surgery's to today) and read as `grade`. `expected_version`:
/// the version seen (`None`: as it is now).
pub fn record_xray(
    tx: &mut WriteTx<'_>,
    id: i64,
    expected_version: Option<i64>,
    on: NaiveDate,
    grade: Brooker,
) -> Result<i64> {
    let what = Table::HoFollowUps.row(id);
    type Found = (i64, String, Option<String>, Option<String>, Option<String>);
    let found: Option<Found> = tx
        .conn()
        .query_row(
            "SELECT version, surgery_at, voided_at, xray_on, brooker FROM ho_follow_ups WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((version, surgery, voided, xray_on, brooker)) = found else {
        return Err(StoreError::invalid(what, tr!("store-no-such-ho-follow-up")));
    };
    if voided.is_some() {
        return Err(StoreError::invalid(what, tr!("store-it-was-voided")));
    }
    // Found in use: a second X-ray check overwrote the Brooker grade
    // silently. A follow-up has one; refused as closing a complication twice
    // is, saying what was recorded and how to correct it.
    if let (Some(on), Some(grade)) = (xray_on, brooker) {
        let by: Option<(String, String)> = tx
            .conn()
            .query_row(
                "SELECT a.at, s.display_name FROM audit a JOIN staff s ON s.id = a.actor_id
                 WHERE a.table_name = 'ho_follow_ups' AND a.row_id = ?1 AND a.action = 'update'
                 ORDER BY a.id DESC LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let day = NaiveDate::parse_from_str(&on, "%Y-%m-%d").map_or(on.clone(), |d| d.format("%d/%m/%Y").to_string());
        let by = by
            .map(|(at, name)| {
                let at = rows::parse_instant(&at)
                    .map_or(at, |t| t.with_timezone(&tx.zone()).format("%d/%m/%Y %H:%M").to_string());
                tr!("store-recorded-by-at", name = name, at = at).into_owned()
            })
            .unwrap_or_default();
        return Err(StoreError::invalid(
            what,
            tr!("store-xray-already-recorded", grade = grade, day = day, by = by, id = id),
        ));
    }
    if expected_version.is_some_and(|v| v != version) {
        return Err(tx.conflict(Table::HoFollowUps, id));
    }
    let today = ward_time::local_day(tx.at(), tx.zone());
    let surgery_day = rows::parse_instant(&surgery).map(|s| ward_time::local_day(s, tx.zone()));
    if on > today || surgery_day.is_some_and(|s| on < s) {
        return Err(StoreError::invalid(
            what,
            tr!("store-xray-day-out-of-range", day = on.format("%d/%m/%Y").to_string()),
        ));
    }
    tx.update(Table::HoFollowUps, id, version, &[("xray_on", &on.to_string()), ("brooker", &grade.code())])
}
