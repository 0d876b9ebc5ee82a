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
    let said = tr!(
        "cli-void-said",
        what = v.what.noun(),
        id = v.id,
        value = v.value.to_string(),
        at = at,
        patient = v.patient.to_string(),
        reason = reason.trim()
    );
    format!("{said}\n{}{note}", tr!("cli-void-kept"))
}
