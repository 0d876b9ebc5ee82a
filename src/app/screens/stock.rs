//! The Stock tab (R-STOCK-1..4, R-TRACE-1..3): every device reference with
//! its lots, usable / reserved / total, expiring, expired and low lines
//! marked with a word and a glyph; `r` receives by scanning or typing, `v`
//! reserves for a case (FEFO), `u` uses or implants the selected lot in a
//! case, `l` releases, `b` returns, `w` wastes, `x` quarantines, `R`
//! recalls; `n` adds a reference.

use super::super::forms::stock;
use super::super::keymap::{Action, Scope};
use super::super::state::{Keyed, Mode, State, StockRow};
use super::super::update::{Effect, Outcome};
use super::{Screen, problem};
use crate::domain::stock::movement::MovementKind;
use crate::store::stock::StockData;

pub struct StockScreen;

/// Takes the store's answer: one row per lot (a reference with no lot on
/// the shelf gets one row too), the selection kept on the same lot.
pub fn receive(state: &mut State, result: Result<Box<StockData>, String>) {
    let today = state.today();
    match result {
        Ok(data) => {
            let mut rows = Vec::new();
            for line in &data.lines {
                let (usable, reserved, total, low) =
                    (line.usable(today), line.reserved(), line.total(), line.low(today));
                let row = |lot| StockRow { reference: line.reference.clone(), lot, usable, reserved, total, low };
                if line.lots.is_empty() {
                    rows.push(row(None));
                }
                for lot in &line.lots {
                    rows.push(row(Some(lot.clone())));
                }
            }
            state.stock.list.receive(Ok(rows));
            state.stock.cases = data.cases;
            state.stock.recipients = data.recipients;
            state.stock.holds = data.holds;
            state.stock.gs_key = data.gs_key;
            state.stock.expiry_days = data.expiry_days;
            focus(state);
        }
        Err(e) => state.stock.list.receive(Err(e)),
    }
}

/// Selects the first row of the reference a Board alert named, once listed.
pub fn focus(state: &mut State) {
    let Some(ref_id) = state.stock.focus_reference else { return };
    let found = state.stock.list.rows.iter().find(|r| r.reference.id == ref_id).map(Keyed::key);
    if let Some(key) = found {
        state.stock.list.filter.clear();
        state.stock.list.selected = Some(key);
        state.stock.focus_reference = None;
    }
}

fn references(state: &State) -> Vec<crate::domain::stock::Reference> {
    let mut refs: Vec<_> = state.stock.list.rows.iter().map(|r| r.reference.clone()).collect();
    refs.dedup_by_key(|r| r.id);
    refs
}

fn no_case(state: &mut State) -> Outcome {
    problem(state, tr!("stock-no-case"))
}

impl Screen for StockScreen {
    fn scope(&self) -> Scope {
        Scope::Stock
    }

    fn on_action(&self, state: &mut State, action: Action) -> Outcome {
        let zone = state.zone;
        let open = match action {
            Action::Receive => stock::scan(&references(state), state.stock.gs_key, state.today()),
            Action::ShowUsedUp => {
                state.stock.show_used_up = !state.stock.show_used_up;
                return Outcome {
                    redraw: true,
                    effects: vec![Effect::LoadStock(state.today(), state.stock.show_used_up)],
                };
            }
            Action::NewReference => stock::new_reference(),
            _ => {
                let Some(row) = state.stock.list.selected_row().cloned() else {
                    return problem(state, tr!("stock-none-selected"));
                };
                let lot_needed = || tr!("stock-lot-needed");
                let kind = match action {
                    Action::Reserve => match stock::reserve(&row, &state.stock.cases, zone) {
                        Some(form) => {
                            state.mode = Mode::Form(Box::new(form));
                            return Outcome::redraw();
                        }
                        None => return no_case(state),
                    },
                    Action::Recall => {
                        state.mode = Mode::Form(Box::new(stock::recall(&row)));
                        return Outcome::redraw();
                    }
                    Action::VoidImplant => {
                        let recipients = recipients_of(state, &row);
                        return match stock::void_implant(recipients, zone) {
                            Some(form) => {
                                state.mode = Mode::Form(Box::new(form));
                                Outcome::redraw()
                            }
                            None => problem(state, tr!("stock-nothing-to-void")),
                        };
                    }
                    Action::LiftQuarantine => {
                        return match stock::lift(&row) {
                            Some(form) => {
                                state.mode = Mode::Form(Box::new(form));
                                Outcome::redraw()
                            }
                            None => problem(state, tr!("stock-nothing-to-lift")),
                        };
                    }
                    Action::ImplantOperator => {
                        let recipients = recipients_of(state, &row);
                        return match stock::operator(recipients, &state.lists.operators, zone) {
                            Some(form) => {
                                state.mode = Mode::Form(Box::new(form));
                                Outcome::redraw()
                            }
                            None => problem(state, tr!("stock-operators-known")),
                        };
                    }
                    Action::Release => {
                        let Some(lot) = row.lot.as_ref() else { return problem(state, lot_needed()) };
                        let holds = state.stock.holds.get(&lot.id).map(Vec::as_slice).unwrap_or_default();
                        return match stock::release(&row, holds, zone) {
                            Some(form) => {
                                state.mode = Mode::Form(Box::new(form));
                                Outcome::redraw()
                            }
                            None => problem(state, tr!("stock-nothing-to-release")),
                        };
                    }
                    Action::UseDevice => MovementKind::Implant,
                    Action::ReturnStock => MovementKind::Return,
                    Action::Waste => MovementKind::Waste,
                    Action::Quarantine => MovementKind::Quarantine,
                    _ => return Outcome::default(),
                };
                if row.lot.is_none() {
                    return problem(state, lot_needed());
                }
                match stock::movement(&row, kind, &state.stock.cases, zone) {
                    Some(form) => form,
                    None => return no_case(state),
                }
            }
        };
        state.mode = Mode::Form(Box::new(open));
        Outcome::redraw()
    }

    fn move_by(&self, state: &mut State, delta: isize) -> Outcome {
        state.stock.list.move_by(delta);
        Outcome::redraw()
    }

    fn filter<'a>(&self, state: &'a State) -> &'a str {
        &state.stock.list.filter
    }

    fn set_filter(&self, state: &mut State, text: String) -> Outcome {
        state.stock.list.filter = text;
        state.stock.list.keep_selection();
        Outcome::redraw()
    }

    fn loads(&self, state: &State, first_time: bool) -> Vec<Effect> {
        let loaded = state.stock.list.loaded;
        let read = if first_time { !loaded } else { loaded };
        if read { vec![Effect::LoadStock(state.today(), state.stock.show_used_up)] } else { Vec::new() }
    }

    fn applies(&self, state: &State, action: Action) -> bool {
        let row = state.stock.list.selected_row();
        let lot = row.and_then(|r| r.lot.as_ref());
        let cases = !state.stock.cases.is_empty();
        match action {
            Action::Receive | Action::NewReference | Action::ShowUsedUp => true,
            Action::VoidImplant => lot.is_some_and(|l| {
                state.stock.recipients.get(&l.id).is_some_and(|r| r.iter().any(|i| i.voided.is_none()))
            }),
            Action::LiftQuarantine => lot.is_some_and(|l| l.quarantine.is_some()),
            Action::Reserve => row.is_some() && cases,
            Action::UseDevice => lot.is_some() && cases,
            Action::Release => lot.is_some_and(|l| l.reserved > 0),
            Action::ReturnStock | Action::Waste => lot.is_some_and(|l| l.free() > 0),
            Action::Quarantine => lot.is_some_and(|l| l.quarantine.is_none() && l.quantity > 0),
            Action::Recall => lot.is_some(),
            Action::ImplantOperator => lot.is_some_and(|l| {
                state.stock.recipients.get(&l.id).is_some_and(|r| r.iter().any(|i| i.operator.is_none()))
            }),
            _ => true,
        }
    }
}

/// The selected row's key, for tests and the UI.
pub fn selected(state: &State) -> Option<i64> {
    state.stock.list.selected_row().map(Keyed::key)
}

/// The implant records of the row's lot (who received it), as last read.
fn recipients_of<'a>(state: &'a State, row: &StockRow) -> &'a [crate::domain::stock::trace::ImplantRecord] {
    row.lot.as_ref().and_then(|l| state.stock.recipients.get(&l.id)).map(Vec::as_slice).unwrap_or_default()
}
