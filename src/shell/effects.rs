//! Runs one effect against the store and turns the answer into a message.

use crate::app::clock::Clock;
use crate::app::{Effect, Msg};
use crate::store::Store;
use crate::store::admissions;
use crate::store::audit_log::PAGE;

pub fn run(store: &mut Store, clock: Clock, effect: Effect) -> Msg {
    match effect {
        Effect::LoadBoard(day) => Msg::BoardLoaded {
            day,
            result: store.board(day, clock.now()).map_err(|e| e.to_string()),
        },
        Effect::LoadAudit { filter, before_id } => {
            let result = store.audit_entries(&filter, before_id, PAGE).map_err(|e| e.to_string());
            Msg::AuditLoaded {
                filter,
                appended: before_id.is_some(),
                result,
            }
        }
        Effect::TakeStep {
            admission_id,
            version,
            step,
            reason,
            who,
        } => {
            let result = store.write(clock.now(), |tx| {
                admissions::take_step(tx, admission_id, version, step, reason.as_deref())
            });
            // R-PRIV-1: the log names the record, never the patient.
            match &result {
                Ok(taken) => log::info!("admission #{admission_id}: {} -> {}", taken.from, taken.to),
                Err(e) => log::warn!("admission #{admission_id}: {step:?} refused: {e}"),
            }
            Msg::StepSaved {
                who,
                result: result.map(|t| t.to).map_err(|e| e.to_string()),
            }
        }
    }
}
