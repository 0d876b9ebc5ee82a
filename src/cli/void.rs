//! `periop void KIND ID --reason TEXT`: what it voided, said in full.

use crate::store::void::Voided;
use chrono_tz::Tz;

/// `voided intake #12: solids, taken 22/11/2026 06:30, of MARTIN Claire
/// (12/03/1956); reason: …`. The patient is named on stdout, for the one
/// who typed the number to see it is the record meant (R-PATH-5); the log
/// never names them (R-PRIV-1).
pub fn said(v: &Voided, reason: &str, zone: Tz) -> String {
    let at =
        v.at.map(|at| format!(", {} {}", v.what.time_word(), at.with_timezone(&zone).format("%d/%m/%Y %H:%M")))
            .unwrap_or_default();
    let note = v.note.as_ref().map(|n| format!("\n{n}")).unwrap_or_default();
    format!(
        "voided {} #{}: {}{at}, of {}; reason: {}\n\
         kept in the history, no longer counted; if it was not the record meant, record that one again \
         (a void is not undone){note}",
        v.what.noun(),
        v.id,
        v.value,
        v.patient,
        reason.trim()
    )
}
