//! What the patient last ate or drank (R-FAST-3).

use super::db::{Connection, OptionalExtension};
use super::decode::known;
use super::error::{Result, StoreError, instant_text};
use super::table::Table;
use super::write::WriteTx;
use crate::domain::fasting::IntakeKind;
use crate::domain::journey::IntakeView;
use crate::domain::stay_order::Event;
use chrono::{DateTime, Utc};

/// R-PATH-6: refuses a time in the future (what is recorded here has
/// happened), before the patient's birth, or, for an intake or a lab, long
/// before the stay (`stay_order::recorded_about`).
pub(super) fn not_in_future(
    tx: &WriteTx<'_>,
    at: DateTime<Utc>,
    what: &str,
    event: Event,
    about: super::stay_order::Subject,
) -> Result<()> {
    super::stay_order::recorded_about(tx, what, event, at, about)
}

/// R-FAST-3: records an intake during the stay. Returns the intake's id.
pub fn record(tx: &mut WriteTx<'_>, admission_id: i64, kind: IntakeKind, taken_at: DateTime<Utc>) -> Result<i64> {
    let state: String = tx
        .conn()
        .query_row("SELECT state FROM admissions WHERE id = ?1", [admission_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(Table::Admissions.row(admission_id)))?;
    if matches!(state.as_str(), "discharged" | "cancelled") {
        return Err(StoreError::invalid(
            Table::Admissions.row(admission_id),
            tr!("store-intake-stay-over", state = state.as_str()),
        ));
    }
    let about = super::stay_order::Subject::Admission(admission_id);
    not_in_future(tx, taken_at, &tr!("store-intake-of", kind = kind.label()), Event::Intake, about)?;
    tx.insert(
        Table::Intakes,
        &[("admission_id", &admission_id), ("kind", &kind.code()), ("taken_at", &instant_text(taken_at))],
    )
}

/// The admission's intakes, oldest first.
pub fn list(conn: &Connection, admission_id: i64) -> Result<Vec<IntakeView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, taken_at, void_reason FROM intakes WHERE admission_id = ?1 ORDER BY taken_at, id",
    )?;
    let rows = stmt.query_map([admission_id], |r| {
        let kind: String = r.get(1)?;
        Ok(IntakeView {
            intake_id: r.get(0)?,
            kind: known(&kind, Table::Intakes, "kind", r.get(0)?)?,
            taken_at: super::rows::instant(r, 2)?,
            voided: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<super::db::Result<Vec<_>>>()?)
}
