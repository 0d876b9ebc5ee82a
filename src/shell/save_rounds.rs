//! Saving the Rounds tab's requests (R-DO-5, R-DO-7), and what the hint bar
//! says afterwards: the round's alerts first, so the nurse sees at once what
//! the round calls for.

use crate::app::forms::RoundsRequest;
use crate::domain::attention::Severity;
use crate::domain::distraction::alerts;
use crate::domain::distraction::hexapod::HexapodPlan;
use crate::domain::distraction::hexapod_csv;
use crate::domain::{day_label, ward_time};
use crate::store::{Result, Store, StoreError, distraction_sessions};
use chrono::{DateTime, Utc};

/// A day in a notice: `21/11`.
const DAY: &str = "%d/%m";

pub fn apply(store: &mut Store, now: DateTime<Utc>, request: RoundsRequest) -> Result<String> {
    match request {
        RoundsRequest::Round { case_id, entry, who } => {
            store.record_round(now, case_id, &entry)?;
            let case = store.distraction(case_id)?;
            let status = alerts::status(&case.record(), now, store.zone(), store.settings());
            let said = status
                .alerts
                .iter()
                .filter(|a| a.rule == "R-DO-6")
                .map(|a| format!("{} {}", a.severity.glyph(), a.message))
                .collect::<Vec<_>>();
            let sessions = entry.sessions.len();
            let recorded = tr!("rounds-saved-round", sessions = sessions);
            let parts: Vec<String> = std::iter::once(recorded.into_owned()).chain(said).collect();
            Ok(crate::i18n::labelled(&who, &crate::i18n::joined(&parts)))
        }
        RoundsRequest::Sessions { case_id, day, sessions, corrections, who } => {
            let corrected = store.write(now, |tx| {
                let corrected = distraction_sessions::correct(tx, case_id, day, &corrections)?;
                if !sessions.is_empty() {
                    distraction_sessions::record(tx, case_id, day, &sessions)?;
                }
                Ok(corrected)
            })?;
            let late = if day < ward_time::local_day(now, store.zone()) {
                tr!("rounds-saved-late", day = day_label::day_text(day)).into_owned()
            } else {
                String::new()
            };
            let mut said = Vec::new();
            if !sessions.is_empty() {
                let turns: u32 = sessions.iter().map(|s| s.turns).sum();
                let phone = if sessions.iter().any(|s| s.by_phone) { tr!("rounds-saved-by-phone") } else { "".into() };
                let recorded = tr!("rounds-saved-sessions", sessions = sessions.len(), turns = turns);
                said.push(format!("{recorded}{late}{phone}"));
            }
            for c in corrected {
                // In words, not an arrow (an ASCII terminal showed `1 = 0`).
                said.push(tr!("rounds-saved-corrected", session = c.session, from = c.from, turns = c.to).into_owned());
            }
            if said.is_empty() {
                said.push(tr!("rounds-saved-nothing").into_owned());
            }
            Ok(crate::i18n::labelled(&who, &crate::i18n::joined(&said)))
        }
        RoundsRequest::Struts { prescription_id, day, entries, who } => {
            store.log_struts(now, prescription_id, &entries)?;
            let struts: Vec<String> = entries.iter().map(|e| e.strut.to_string()).collect();
            let phone = if entries.iter().any(|e| e.by_phone) { tr!("rounds-saved-by-phone") } else { "".into() };
            let logged = tr!(
                "rounds-saved-struts",
                count = entries.len(),
                struts = struts.join(", "),
                day = day.format(DAY).to_string()
            );
            let mut said = vec![format!("{logged}{phone}")];
            // What the day now calls for (a length off the sheet, a double…).
            let case_id: Option<i64> = store.hexapod_case_of(prescription_id)?;
            if let Some(case_id) = case_id {
                let case = store.distraction(case_id)?;
                let status = alerts::status(&case.record(), now, store.zone(), store.settings());
                let flags = status.struts_today.map(|s| s.flags).unwrap_or_default();
                for f in flags.iter().filter(|f| f.day == day && f.severity != Severity::Info) {
                    said.push(format!("{} {}", f.severity.glyph(), f.message));
                }
            }
            Ok(crate::i18n::labelled(&who, &crate::i18n::joined(&said)))
        }
        RoundsRequest::ImportHexapod { case_id, path, note, who } => {
            let shown = crate::store::error::shown_text(&path);
            let text = std::fs::read_to_string(&path).map_err(|e| {
                StoreError::invalid(
                    tr!("rounds-saved-file", file = shown.as_str()),
                    tr!("rounds-saved-file-unread", error = e.to_string()),
                )
            })?;
            let plan = hexapod_csv::read(&text).map_err(|why| {
                StoreError::invalid(tr!("rounds-saved-file", file = shown.as_str()), format!("{why} (R-DO-8)"))
            })?;
            let source = std::path::Path::new(&path).file_name().map_or(shown, |n| n.to_string_lossy().into_owned());
            let (_, revision) = store.record_hexapod(now, case_id, &plan, &source, &note)?;
            let void = if revision > 1 {
                tr!("rounds-saved-void", revision = revision - 1).into_owned()
            } else {
                String::new()
            };
            let recorded = tr!("rounds-saved-hexapod", revision = revision, plan = plan_summary(&plan));
            Ok(crate::i18n::labelled(&who, &format!("{recorded}{void}")))
        }
        RoundsRequest::Phase { case_id, event, who } => {
            store.record_phase(now, case_id, &event)?;
            let step = tr!("rounds-saved-step", step = event.kind.label(), day = event.on.format(DAY).to_string());
            Ok(crate::i18n::labelled(&who, &step))
        }
    }
}

/// What the log says: the kind and the record, no names (R-PRIV-1).
pub fn label(request: &RoundsRequest) -> String {
    match request {
        RoundsRequest::Round { case_id, .. } => format!("distraction case #{case_id} round"),
        RoundsRequest::Phase { case_id, event, .. } => format!("distraction case #{case_id} {}", event.kind.code()),
        RoundsRequest::Sessions { case_id, .. } => format!("distraction case #{case_id} sessions"),
        RoundsRequest::Struts { prescription_id, .. } => format!("hexapod prescription #{prescription_id} struts"),
        RoundsRequest::ImportHexapod { case_id, .. } => format!("distraction case #{case_id} hexapod prescription"),
    }
}

/// `8 mm at 1 mm/day over 8 days`.
fn plan_summary(plan: &HexapodPlan) -> String {
    tr!(
        "rounds-saved-plan",
        mm = alerts::fmt_mm(plan.correction_mm),
        rate = alerts::fmt_mm(plan.rate_mm_day),
        days = plan.adjustment_days()
    )
    .into_owned()
}
