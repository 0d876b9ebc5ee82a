//! Complications at the store's door (R-COMP-1): recorded, closed with an
//! outcome, or voided, each through the one audited write path; read back
//! per patient or for the whole ward, with the patient's identity. What they
//! mean (checks, alerts) is decided in `domain::complications`.
//!
//! R-ROLE-1: nurses and doctors record (and void) complications; doctors
//! close them (`store::permission`, `CLOSE_COLUMNS`).

use super::Store;
use super::db::{Connection, OptionalExtension, params};
use super::decode::known;
use super::error::{Result, StoreError, instant_text};
use super::rows;
use super::table::Table;
use super::write::WriteTx;
use crate::domain::complications::{self, Closure, Complication, NewComplication};
use crate::domain::identity::Identity;
use crate::domain::ward_time;

/// One line of a complications list: the complication and whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplicationRow {
    pub complication: Complication,
    pub patient: Identity,
    pub hospital_number: String,
}

/// Which complications to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ComplicationQuery {
    /// One patient only.
    pub patient_id: Option<i64>,
    /// Open ones only (not closed).
    pub open_only: bool,
}

const COLUMNS: &str = "c.id, c.version, c.patient_id, c.case_id, c.kind, c.onset_on, c.severity, c.description,
    r.display_name, c.recorded_at, c.closed_at, COALESCE(k.display_name, '-'), c.outcome,
    p.surname, p.first_name, p.birth_date, p.hospital_number,
    CASE WHEN c.voided_at IS NULL THEN NULL ELSE COALESCE(c.void_reason, '') END";

fn row(r: &super::db::Row<'_>) -> super::db::Result<ComplicationRow> {
    let id: i64 = r.get(0)?;
    let t = Table::Complications;
    let (kind, severity): (String, String) = (r.get(4)?, r.get(6)?);
    let closed_at: Option<String> = r.get(10)?;
    let closed = match closed_at {
        Some(_) => Some(Closure {
            at: rows::instant(r, 10)?,
            by: r.get(11)?,
            outcome: r.get::<_, Option<String>>(12)?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(ComplicationRow {
        complication: Complication {
            complication_id: id,
            version: r.get(1)?,
            patient_id: r.get(2)?,
            case_id: r.get(3)?,
            kind: known(&kind, t, "kind", id)?,
            onset_on: rows::day(r, 5)?,
            severity: known(&severity, t, "severity", id)?,
            description: r.get(7)?,
            recorded_by: r.get(8)?,
            recorded_at: rows::instant(r, 9)?,
            closed,
            voided: r.get(17)?,
        },
        patient: Identity {
            patient_id: r.get(2)?,
            surname: r.get(13)?,
            first_name: r.get(14)?,
            birth_date: rows::day(r, 15)?,
        },
        hospital_number: r.get(16)?,
    })
}

/// The complications not voided that `query` asks for: open ones first,
/// then by onset, newest first.
pub fn list(conn: &Connection, query: ComplicationQuery) -> Result<Vec<ComplicationRow>> {
    select(conn, query, false)
}

/// A patient's history: their complications, the voided ones too (marked,
/// after the others).
pub fn history(conn: &Connection, patient_id: i64) -> Result<Vec<Complication>> {
    let query = ComplicationQuery { patient_id: Some(patient_id), open_only: false };
    Ok(select(conn, query, true)?.into_iter().map(|r| r.complication).collect())
}

fn select(conn: &Connection, query: ComplicationQuery, with_voided: bool) -> Result<Vec<ComplicationRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM complications c
         JOIN patients p ON p.id = c.patient_id
         JOIN staff r ON r.id = c.recorded_by
         LEFT JOIN staff k ON k.id = c.closed_by
         WHERE (CAST(?3 AS BIGINT) = 1 OR c.voided_at IS NULL) AND (CAST(?1 AS BIGINT) IS NULL OR c.patient_id = ?1)
           AND (CAST(?2 AS BIGINT) = 0 OR c.closed_at IS NULL)
         ORDER BY c.voided_at IS NOT NULL, c.closed_at IS NOT NULL, c.onset_on DESC, c.id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![query.patient_id, query.open_only, with_voided], row)?;
    Ok(rows.collect::<super::db::Result<_>>()?)
}

impl Store {
    /// R-COMP-1: the complications `query` asks for (voided ones never).
    pub fn complications(&self, query: ComplicationQuery) -> Result<Vec<ComplicationRow>> {
        list(self.conn(), query)
    }
}

/// R-COMP-1: records a complication; refused for an unknown patient, a
/// case of another patient, an onset after today (ward day of the save) or
/// a note too long. Returns its id.
pub fn record(tx: &mut WriteTx<'_>, new: &NewComplication) -> Result<i64> {
    let today = ward_time::local_day(tx.at(), tx.zone());
    complications::check_new(new, today).map_err(|why| {
        StoreError::invalid(tr!("store-the-complication"), tr!("store-rule-comp-1", why = why.to_string()))
    })?;
    super::patients::ensure_exists(tx, new.patient_id)?;
    super::stay_order::on_or_after_birth(
        tx,
        &tr!("store-the-complication"),
        crate::domain::stay_order::Event::Complication,
        new.onset_on,
        new.patient_id,
    )?;
    if let Some(case_id) = new.case_id {
        check_case(tx.conn(), new.patient_id, case_id)?;
    }
    let (at, by) = (instant_text(tx.at()), tx.actor_id());
    let description = new.description.trim();
    tx.insert(
        Table::Complications,
        &[
            ("patient_id", &new.patient_id),
            ("case_id", &new.case_id),
            ("kind", &new.kind.code()),
            ("onset_on", &new.onset_on.to_string()),
            ("severity", &new.severity.code()),
            ("description", &description),
            ("recorded_by", &by),
            ("recorded_at", &at),
        ],
    )
}

/// The case must be one of the patient's (a typo would file the
/// complication under another patient's case).
pub(super) fn check_case(conn: &Connection, patient_id: i64, case_id: i64) -> Result<()> {
    let owner: Option<i64> = conn
        .query_row(
            "SELECT a.patient_id FROM cases c JOIN admissions a ON a.id = c.admission_id WHERE c.id = ?1",
            [case_id],
            |r| r.get(0),
        )
        .optional()?;
    match owner {
        Some(p) if p == patient_id => Ok(()),
        Some(_) => Err(StoreError::invalid(Table::Cases.row(case_id), tr!("store-case-of-another-patient"))),
        None => Err(StoreError::invalid(Table::Cases.row(case_id), tr!("store-no-such-case"))),
    }
}

/// A complication as stored: version, closed, voided.
fn state(tx: &WriteTx<'_>, id: i64) -> Result<(i64, bool, bool)> {
    tx.conn()
        .query_row(
            "SELECT version, CASE WHEN closed_at IS NOT NULL THEN 1 ELSE 0 END,
                    CASE WHEN voided_at IS NOT NULL THEN 1 ELSE 0 END
             FROM complications WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or_else(|| StoreError::invalid(Table::Complications.row(id), tr!("store-no-such-complication")))
}

/// R-COMP-1: closes complication `id` (seen at `expected_version`; `None`:
/// as it is now) with `outcome`. Refused when already closed or voided, or
/// without an outcome; a doctor's change (R-ROLE-1).
pub fn close(tx: &mut WriteTx<'_>, id: i64, expected_version: Option<i64>, outcome: &str) -> Result<i64> {
    let what = Table::Complications.row(id);
    complications::check_outcome(outcome).map_err(|why| StoreError::invalid(&what, why))?;
    let (version, closed, voided) = state(tx, id)?;
    if voided {
        return Err(StoreError::invalid(what, tr!("store-complication-voided")));
    }
    if closed {
        return Err(StoreError::invalid(what, tr!("store-complication-closed")));
    }
    if expected_version.is_some_and(|v| v != version) {
        return Err(tx.conflict(Table::Complications, id));
    }
    let (at, by, outcome) = (instant_text(tx.at()), tx.actor_id(), outcome.trim());
    tx.update(Table::Complications, id, version, &[("closed_at", &at), ("closed_by", &by), ("outcome", &outcome)])
}
