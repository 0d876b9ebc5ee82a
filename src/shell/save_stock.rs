//! Saving the Stock tab's requests (R-STOCK-*, R-TRACE-*), and what the
//! hint bar says afterwards: the lot FEFO picked, the counts left, the
//! patients a recall found.

use crate::app::forms::stock::StockRequest;
use crate::domain::day_label::date_text;
use crate::domain::stock::lots::lot_words;
use crate::domain::stock::movement::MovementKind;
use crate::store::stock_moves;
use crate::store::{Result, Store};
use chrono::{DateTime, Utc};

pub fn apply(store: &mut Store, now: DateTime<Utc>, request: StockRequest) -> Result<String> {
    match request {
        StockRequest::AddReference(new) => {
            store.write(now, |tx| stock_moves::add_reference(tx, &new))?;
            Ok(tr!("stock-saved-reference", code = new.code.trim(), name = new.name.trim(), kind = new.kind.label())
                .into_owned())
        }
        StockRequest::Receive { receipt, .. } => {
            let got = store.write(now, |tx| stock_moves::receive(tx, &receipt))?;
            let joined = if got.added_to_existing { tr!("stock-saved-joined").into_owned() } else { String::new() };
            let lot = match (&receipt.lot, &receipt.serial) {
                (None, None) => String::new(),
                (lot, serial) => format!(" {}", lot_words(lot.as_deref(), serial.as_deref())),
            };
            Ok(format!("{}{lot}{joined}", tr!("stock-saved-received", count = receipt.units)))
        }
        StockRequest::Reserve { ref_id, case_id, units, who } => {
            let picked = store.write(now, |tx| stock_moves::reserve_fefo(tx, ref_id, case_id, units))?;
            let expiry = |p: &stock_moves::Picked| {
                p.lot.expiry.map(|e| tr!("stock-saved-use-by", expiry = date_text(e)).into_owned()).unwrap_or_default()
            };
            Ok(match picked.as_slice() {
                [one] => tr!(
                    "stock-saved-reserved",
                    who = who,
                    units = units,
                    lot = one.lot.label(),
                    expiry = expiry(one),
                    reserved = one.moved.reserved,
                    quantity = one.moved.quantity
                )
                .into_owned(),
                several => {
                    let parts: Vec<String> = several
                        .iter()
                        .map(|p| {
                            tr!("stock-saved-reserved-part", units = p.units, lot = p.lot.label(), expiry = expiry(p))
                                .into_owned()
                        })
                        .collect();
                    tr!(
                        "stock-saved-reserved-across",
                        who = who,
                        units = units,
                        lots = several.len(),
                        parts = crate::i18n::joined(&parts)
                    )
                    .into_owned()
                }
            })
        }
        StockRequest::Move { movement, who } => {
            let moved = store.write(now, |tx| stock_moves::move_stock(tx, &movement))?;
            let traced =
                if moved.implant_id.is_some() { tr!("stock-saved-traced").into_owned() } else { String::new() };
            let units =
                if moved.kind == MovementKind::Quarantine { String::new() } else { format!("{} ", movement.units) };
            let left = tr!("stock-saved-left", count = moved.quantity);
            Ok(tr!(
                "stock-saved-moved",
                who = who,
                units = units,
                done = moved.kind.done(),
                left = left,
                traced = traced
            )
            .into_owned())
        }
        StockRequest::Operator { implant_id, version, operator_id, who } => {
            store.write(now, |tx| stock_moves::set_operator(tx, implant_id, version, operator_id))?;
            Ok(tr!("stock-saved-operator", who = who).into_owned())
        }
        StockRequest::VoidImplant { implant_id, reason, to, who } => {
            let v = store.write(now, |tx| stock_moves::void_implant(tx, implant_id, &reason, to))?;
            Ok(tr!("stock-saved-voided", who = who, units = v.units, done = to.done(), quantity = v.quantity)
                .into_owned())
        }
        StockRequest::Lift { lot_id, reason, recall, who } => {
            let lifted = store.write(now, |tx| stock_moves::lift(tx, lot_id, &reason, recall))?;
            let done = if recall { tr!("stock-saved-recall-lifted") } else { tr!("stock-saved-quarantine-lifted") };
            let usable = tr!("stock-saved-usable-again", count = lifted.quantity);
            Ok(tr!("stock-saved-lifted", who = who, done = done, usable = usable).into_owned())
        }
        StockRequest::Recall { code, number, reason } => {
            let recall = store.write(now, |tx| stock_moves::recall(tx, &code, &number, &reason))?;
            let left: u32 = recall.quarantined.iter().map(|(_, n)| n).sum();
            let names: Vec<String> = recall
                .patients
                .iter()
                .map(|r| {
                    r.patient.as_ref().map_or_else(|| tr!("stock-patient-missing").into_owned(), ToString::to_string)
                })
                .collect();
            let who = if names.is_empty() { tr!("stock-saved-nobody").into_owned() } else { names.join(", ") };
            // As stored (the user may have typed another case, issue 10).
            let (code, number) = (recall.reference.code.as_str(), recall.number.as_str());
            Ok(tr!(
                "stock-saved-recall",
                code = code,
                number = number,
                left = left,
                patients = recall.patients.len(),
                who = who
            )
            .into_owned())
        }
    }
}

/// What the log says: the kind and the record, no names (R-PRIV-1).
pub fn label(request: &StockRequest) -> String {
    match request {
        StockRequest::AddReference(new) => format!("device reference {}", new.code.trim()),
        StockRequest::Receive { receipt, .. } => format!("receipt of device reference #{}", receipt.ref_id),
        StockRequest::Reserve { ref_id, case_id, .. } => format!("reference #{ref_id} reserved for case #{case_id}"),
        StockRequest::Move { movement, .. } => format!("lot #{} {}", movement.lot_id, movement.kind.code()),
        StockRequest::Recall { code, .. } => format!("recall of reference {code}"),
        StockRequest::Operator { implant_id, .. } => format!("implant record #{implant_id} operator"),
        StockRequest::VoidImplant { implant_id, .. } => format!("implant record #{implant_id} void"),
        StockRequest::Lift { lot_id, recall, .. } => {
            format!("lot #{lot_id} {} lifted", if *recall { "recall" } else { "quarantine" })
        }
    }
}
