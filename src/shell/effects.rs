//! Runs one effect against the store and turns the answer into a message.

use crate::app::clock::Clock;
use crate::app::{Effect, Msg};
use crate::store::Store;
use crate::store::audit_log::PAGE;

pub fn run(store: &mut Store, clock: Clock, effect: Effect) -> Msg {
    match effect {
        Effect::LoadBoard(day) => {
            Msg::BoardLoaded { day, result: store.board(day, clock.now()).map_err(|e| e.to_string()) }
        }
        Effect::LoadAudit { filter, before_id } => {
            let result = store.audit_entries(&filter, before_id, PAGE).map_err(|e| e.to_string());
            Msg::AuditLoaded { filter, appended: before_id.is_some(), result }
        }
        Effect::LoadAdmissions(query) => {
            let result = store.admissions(&query, clock.now()).map_err(|e| e.to_string());
            Msg::AdmissionsLoaded { query, result }
        }
        Effect::LoadDetail(admission_id) => {
            let result = store.admission(admission_id, clock.now()).map(Box::new).map_err(|e| e.to_string());
            Msg::DetailLoaded { admission_id, result }
        }
        Effect::LoadBeds(day) => Msg::BedsLoaded(store.beds(day).map_err(|e| e.to_string())),
        Effect::LoadAnaesthesia(day) => {
            Msg::AnaesthesiaLoaded(store.consultation_worklist(day, clock.now()).map_err(|e| e.to_string()))
        }
        Effect::LoadRounds(day) => Msg::RoundsLoaded(store.rounds(day, clock.now()).map_err(|e| e.to_string())),
        Effect::LoadStock(day) => {
            Msg::StockLoaded(store.stock_view(day).map(Box::new).map_err(|e| store.explain(e).to_string()))
        }
        Effect::LoadAdmin => Msg::AdminLoaded(store.admin_data().map_err(|e| e.to_string())),
        Effect::LoadLists => Msg::ListsLoaded(store.lists().map_err(|e| e.to_string())),
        Effect::Save(request) => Msg::Saved(super::save::run(store, clock, request)),
    }
}
