//! The readiness checklist (R-READY-1..3): items ticked with who and when,
//! and the confirmation of a case on the schedule.

use super::db::{Connection, OptionalExtension, params};
use super::error::{Result, StoreError, instant_text};
use super::journey;
use super::table::Table;
use super::write::WriteTx;
use crate::domain::case::CaseState;
use crate::domain::checklist::CheckItem;
use crate::domain::journey::CheckRow;
use crate::domain::readiness;
use crate::domain::settings::Settings;
use chrono::{DateTime, Utc};

/// The case's state and version, or NotFound.
pub fn case_state(conn: &Connection, case_id: i64) -> Result<(CaseState, i64)> {
    let (state, version): (String, i64) = conn
        .query_row("SELECT state, version FROM cases WHERE id = ?1", [case_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(Table::Cases.row(case_id)))?;
    let state: CaseState = super::decode::known(&state, Table::Cases, "state", case_id)?;
    Ok((state, version))
}

/// Ticks (`done`) or unticks one checklist item of a case, recording who and
/// when. `expected_version` is the item's version as the user saw it (`None`
/// if it was never ticked). Returns the item's new version.
pub fn set(
    tx: &mut WriteTx<'_>,
    case_id: i64,
    item: CheckItem,
    done: bool,
    expected_version: Option<i64>,
) -> Result<i64> {
    case_state(tx.conn(), case_id)?;
    let existing: Option<i64> = tx
        .conn()
        .query_row("SELECT id FROM case_checks WHERE case_id = ?1 AND item = ?2", params![case_id, item.code()], |r| {
            r.get(0)
        })
        .optional()?;
    let at = instant_text(tx.at());
    let by = tx.actor_id();
    match (existing, expected_version) {
        (Some(id), Some(expected)) => {
            tx.update(Table::CaseChecks, id, expected, &[("done", &done), ("checked_at", &at), ("checked_by", &by)])
        }
        (None, None) => tx
            .insert(
                Table::CaseChecks,
                &[
                    ("case_id", &case_id),
                    ("item", &item.code()),
                    ("done", &done),
                    ("checked_at", &at),
                    ("checked_by", &by),
                ],
            )
            .map(|_| 1),
        (Some(id), None) => Err(tx.conflict(Table::CaseChecks, id)),
        (None, Some(_)) => {
            Err(StoreError::NotFound(tr!("store-check-item-of", item = item.label(), case = case_id).into_owned()))
        }
    }
}

/// R-READY-1: confirms a planned case on the schedule, only if nothing that
/// blocks confirmation is missing (an emergency relaxes it); otherwise every
/// missing item is named. Returns the case's new version.
pub fn confirm_case(
    tx: &mut WriteTx<'_>,
    case_id: i64,
    expected_version: i64,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Result<i64> {
    let what = Table::Cases.row(case_id);
    let (state, version) = case_state(tx.conn(), case_id)?;
    if version != expected_version {
        return Err(tx.conflict(Table::Cases, case_id));
    }
    match state {
        CaseState::Planned => {}
        CaseState::Confirmed => return Err(StoreError::invalid(&what, tr!("store-already-confirmed"))),
        other => {
            return Err(StoreError::invalid(&what, tr!("store-case-not-confirmable", state = other.code())));
        }
    }
    let facts = journey::case_facts(tx.conn(), case_id)?;
    if let Err(missing) = readiness::can_confirm(&facts, now, settings) {
        let names: Vec<&str> = missing.iter().map(|i| &*i.label).collect();
        return Err(StoreError::invalid(&what, tr!("store-confirm-missing", missing = names.join(", "))));
    }
    tx.update(Table::Cases, case_id, expected_version, &[("state", &CaseState::Confirmed.code())])
}

/// Every checklist item of a case, ticked or not, with who and when.
pub fn rows(conn: &Connection, case_id: i64) -> Result<Vec<CheckRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT cc.item, cc.done, cc.checked_at, s.display_name, cc.version
         FROM case_checks cc JOIN staff s ON s.id = cc.checked_by WHERE cc.case_id = ?1",
    )?;
    let stored = stmt
        .query_map([case_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, bool>(1)?,
                journey::opt_instant(r, 2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?
        .collect::<super::db::Result<Vec<_>>>()?;
    Ok(CheckItem::ALL
        .into_iter()
        .map(|item| {
            let row = stored.iter().find(|s| s.0 == item.code());
            CheckRow {
                item,
                label: item.label(),
                rule: item.rule(),
                done: row.is_some_and(|r| r.1),
                checked_at: row.and_then(|r| r.2),
                checked_by: row.map(|r| r.3.clone()),
                version: row.map(|r| r.4),
            }
        })
        .collect())
}
