//! Corrections: an intake, a treatment, a lab result or an anaesthesia
//! consultation entered by mistake is voided with a reason. Nothing is
//! deleted: the row is marked (who, when, why) through the write path, the
//! audit keeps both images, history shows it struck through, and the rules
//! (fasting, medication stops, the anaesthesia gate, readiness) stop
//! counting it, so the alerts it raised go away (R-AUDIT-1, R-ROLE-1:
//! `Change::Correction`).

use super::error::{Result, StoreError, instant_text};
use super::table::Table;
use super::write::WriteTx;
use rusqlite::OptionalExtension;

/// What can be voided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voidable {
    Intake,
    Treatment,
    Lab,
    Consultation,
}

impl Voidable {
    pub const ALL: [Voidable; 4] = [Voidable::Intake, Voidable::Treatment, Voidable::Lab, Voidable::Consultation];

    pub fn table(self) -> Table {
        match self {
            Voidable::Intake => Table::Intakes,
            Voidable::Treatment => Table::Treatments,
            Voidable::Lab => Table::LabResults,
            Voidable::Consultation => Table::AnaesthesiaConsultations,
        }
    }

    /// The word the command line takes: `periop void intake 12 --reason …`.
    pub fn code(self) -> &'static str {
        match self {
            Voidable::Intake => "intake",
            Voidable::Treatment => "treatment",
            Voidable::Lab => "lab",
            Voidable::Consultation => "consultation",
        }
    }

    pub fn from_code(code: &str) -> Option<Voidable> {
        Voidable::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// Voids row `id` of `what` with `reason`; returns the row's new version.
/// Refused without a reason, for a row already voided (naming when), and
/// for a role that may not correct entries.
pub fn void(tx: &mut WriteTx<'_>, what: Voidable, id: i64, reason: &str) -> Result<i64> {
    let table = what.table();
    let row = table.row(id);
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(StoreError::invalid(row, "to void it, give a reason (what was wrong with it)"));
    }
    let found: Option<(i64, Option<String>)> = tx
        .conn()
        .query_row(&format!("SELECT version, voided_at FROM {} WHERE id = ?1", table.name()), [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let Some((version, voided_at)) = found else { return Err(StoreError::NotFound(row)) };
    if let Some(at) = voided_at {
        return Err(StoreError::invalid(row, format!("already voided at {at}")));
    }
    let (at, by) = (instant_text(tx.at()), tx.actor_id());
    tx.update(table, id, version, &[("voided_at", &at), ("voided_by", &by), ("void_reason", &reason)])
}
