//! Runs one effect against the store and turns the answer into a message.

use crate::app::clock::Clock;
use crate::app::{Effect, Msg};
use crate::store::Store;
use crate::store::audit_log::PAGE;

pub fn run(store: &mut Store, clock: Clock, effect: Effect) -> Msg {
    match effect {
        Effect::LoadBoard(day) => Msg::BoardLoaded {
            day,
            result: store.board(day, clock.now()).map(Box::new).map_err(|e| store.explain(e).to_string()),
        },
        Effect::LoadAudit { filter, before_id } => {
            let result = store.audit_entries(&filter, before_id, PAGE).map_err(|e| store.explain(e).to_string());
            Msg::AuditLoaded { filter, appended: before_id.is_some(), result }
        }
        Effect::LoadAdmissions(query) => {
            let result = store.admissions(&query, clock.now()).map_err(|e| store.explain(e).to_string());
            Msg::AdmissionsLoaded { query, result }
        }
        Effect::LoadDetail(admission_id) => {
            let result =
                store.admission(admission_id, clock.now()).map(Box::new).map_err(|e| store.explain(e).to_string());
            Msg::DetailLoaded { admission_id, result }
        }
        Effect::LoadBeds(day) => Msg::BedsLoaded(store.beds(day).map_err(|e| store.explain(e).to_string())),
        Effect::LoadAnaesthesia(day) => Msg::AnaesthesiaLoaded(
            store.consultation_worklist(day, clock.now()).map_err(|e| store.explain(e).to_string()),
        ),
        Effect::LoadRounds(day) => {
            Msg::RoundsLoaded { day, result: store.rounds(day, clock.now()).map_err(|e| store.explain(e).to_string()) }
        }
        Effect::LoadBlock(day) => Msg::BlockLoaded {
            day,
            result: store.block_day(day, clock.now()).map_err(|e| store.explain(e).to_string()),
        },
        Effect::LoadBlockWeek(monday) => Msg::BlockWeekLoaded {
            monday,
            result: store.block_week(monday, clock.now()).map_err(|e| store.explain(e).to_string()),
        },
        Effect::LoadStock(day, used_up) => {
            Msg::StockLoaded(store.stock_view(day, used_up).map(Box::new).map_err(|e| store.explain(e).to_string()))
        }
        Effect::LoadAdmin => Msg::AdminLoaded(store.admin_data().map_err(|e| store.explain(e).to_string())),
        Effect::LoadWho => Msg::WhoLoaded(who(store).map_err(|e| store.explain(e).to_string())),
        Effect::Register => {
            let registered = store.register(clock.now()).and_then(|()| who(store));
            Msg::WhoLoaded(registered.map_err(|e| store.explain(e).to_string()))
        }
        Effect::LoadLists => Msg::ListsLoaded(store.lists().map_err(|e| store.explain(e).to_string())),
        Effect::Save(request) => Msg::Saved(super::save::run(store, clock, request)),
    }
}

/// The account's staff row and the settings the screen keeps, read again.
fn who(store: &mut Store) -> crate::store::Result<crate::app::update::Who> {
    store.reload_settings()?;
    store.refresh_actor()?;
    let idle = store.settings().number(crate::domain::settings::IDLE_LOCK_MIN);
    Ok(crate::app::update::Who {
        actor: store.actor().clone(),
        idle_lock: crate::domain::privacy::idle_limit(idle),
        zone: store.zone(),
    })
}
