//! Cancelling or postponing a case from the block (R-BLOCK-5): a reason
//! from the list, recorded beside the stay's own step, and counted.

use super::db::{Connection, OptionalExtension, params};
use super::error::{Result, StoreError, instant_text};
use super::table::Table;
use super::write::WriteTx;
use crate::domain::block_changes::{CallOff, CallOffCount, CancelReason};
use crate::domain::case::CaseState;
use crate::domain::pathway::AdmissionState;
use chrono::{DateTime, Utc};

/// R-BLOCK-5: cancels or postpones `case_id` (seen at `expected_version`)
/// for `reason`, with a note (required for "other", optional otherwise): the stay takes its cancel or
/// postpone step (R-PATH-2; the case follows it off the schedule) with the
/// reason's words, and the call-off is recorded for the counts. Refused for
/// a case already done, cancelled or postponed. Returns the words said.
pub fn call_off(
    tx: &mut WriteTx<'_>,
    case_id: i64,
    expected_version: i64,
    kind: CallOff,
    reason: CancelReason,
    note: Option<&str>,
) -> Result<String> {
    let found: Option<(i64, String, i64, i64)> = tx
        .conn()
        .query_row(
            "SELECT c.version, c.state, c.admission_id, a.version FROM cases c
             JOIN admissions a ON a.id = c.admission_id WHERE c.id = ?1",
            [case_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((version, state, admission_id, stay_version)) = found else {
        return Err(StoreError::NotFound(Table::Cases.row(case_id)));
    };
    if version != expected_version {
        return Err(tx.conflict(Table::Cases, case_id));
    }
    let state = super::decode::known::<CaseState>(&state, Table::Cases, "state", case_id)?;
    if !matches!(state, CaseState::Planned | CaseState::Confirmed) {
        return Err(StoreError::invalid(
            Table::Cases.row(case_id),
            tr!("store-call-off-not-open", state = state.label(), kind = kind.code()),
        ));
    }
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    // R-BLOCK-5: "other" says nothing by itself; its note says what it was.
    if reason == CancelReason::Other && note.is_none() {
        return Err(StoreError::invalid(
            Table::Cases.row(case_id),
            tr!("store-call-off-other-needs-note", kind = kind.code()),
        ));
    }
    let words = match note {
        Some(n) => crate::i18n::labelled(&reason.words(), n),
        None => reason.words().to_string(),
    };
    let taken = super::admissions::take_step(tx, admission_id, stay_version, kind.step(), Some(&words))?;
    let at = instant_text(tx.at());
    let actor = tx.actor_id();
    tx.insert(
        Table::CaseCallOffs,
        &[
            ("case_id", &case_id),
            ("kind", &kind.code()),
            ("reason", &reason.code()),
            ("note", &note),
            ("at", &at),
            ("actor_id", &actor),
        ],
    )?;
    let said = tr!("store-call-off-done", kind = kind.code(), words = words.as_str()).into_owned();
    Ok(if taken.to == AdmissionState::Postponed { said + &tr!("store-call-off-waits") } else { said })
}

/// R-BLOCK-5: how many cases booked to start in `[from, to)` were
/// cancelled and postponed, by reason, most first.
pub fn counts(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<CallOffCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.kind, o.reason, count(*) FROM case_call_offs o JOIN cases c ON c.id = o.case_id
         WHERE c.scheduled_start >= ?1 AND c.scheduled_start < ?2
         GROUP BY o.kind, o.reason ORDER BY count(*) DESC, o.kind, o.reason",
    )?;
    let rows = stmt.query_map(params![instant_text(from), instant_text(to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, u32>(2)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, reason, n) = row?;
        let kind = if kind == "postponed" { CallOff::Postponed } else { CallOff::Cancelled };
        if let Some(reason) = CancelReason::from_code(&reason) {
            out.push(CallOffCount { kind, reason, count: n });
        }
    }
    Ok(out)
}
