//! Saving the Stock tab's requests (R-STOCK-*, R-TRACE-*), and what the
//! hint bar says afterwards: the lot FEFO picked, the counts left, the
//! patients a recall found.

use crate::app::forms::stock::StockRequest;
use crate::domain::stock::movement::MovementKind;
use crate::store::stock_moves;
use crate::store::{Result, Store};
use chrono::{DateTime, Utc};

pub fn apply(store: &mut Store, now: DateTime<Utc>, request: StockRequest) -> Result<String> {
    match request {
        StockRequest::AddReference(new) => {
            store.write(now, |tx| stock_moves::add_reference(tx, &new))?;
            Ok(format!("reference {} added: {} ({})", new.code.trim(), new.name.trim(), new.kind.label()))
        }
        StockRequest::Receive { receipt, .. } => {
            let got = store.write(now, |tx| stock_moves::receive(tx, &receipt))?;
            let joined = if got.added_to_existing { ", added to the lot on the shelf" } else { "" };
            let lot = receipt.lot.as_deref().map(|l| format!(" lot {l}")).unwrap_or_default();
            let serial = receipt.serial.as_deref().map(|s| format!(" serial {s}")).unwrap_or_default();
            Ok(format!("received {} unit(s){lot}{serial}{joined}", receipt.units))
        }
        StockRequest::Reserve { ref_id, case_id, units, who } => {
            let picked = store.write(now, |tx| stock_moves::reserve_fefo(tx, ref_id, case_id, units))?;
            let expiry = |p: &stock_moves::Picked| {
                p.lot.expiry.map(|e| format!(", use by {}", e.format("%d/%m/%Y"))).unwrap_or_default()
            };
            Ok(match picked.as_slice() {
                [one] => format!(
                    "{who}: {units} reserved from {} (FEFO{}); {} reserved of {}",
                    one.lot.label(),
                    expiry(one),
                    one.moved.reserved,
                    one.moved.quantity
                ),
                several => {
                    let parts: Vec<String> = several
                        .iter()
                        .map(|p| format!("{} from {} (FEFO{})", p.units, p.lot.label(), expiry(p)))
                        .collect();
                    format!("{who}: {units} reserved across {} lots: {}", several.len(), parts.join("; "))
                }
            })
        }
        StockRequest::Move { movement, who } => {
            let moved = store.write(now, |tx| stock_moves::move_stock(tx, &movement))?;
            let traced = if moved.implant_id.is_some() { "; traced to the patient (R-TRACE-1)" } else { "" };
            let units =
                if moved.kind == MovementKind::Quarantine { String::new() } else { format!("{} ", movement.units) };
            Ok(format!("{who}: {units}{}; {} left{traced}", moved.kind.done(), moved.quantity))
        }
        StockRequest::Operator { implant_id, version, operator_id, who } => {
            store.write(now, |tx| stock_moves::set_operator(tx, implant_id, version, operator_id))?;
            Ok(format!("{who}: operator recorded (R-TRACE-1)"))
        }
        StockRequest::VoidImplant { implant_id, reason, to, who } => {
            let v = store.write(now, |tx| stock_moves::void_implant(tx, implant_id, &reason, to))?;
            Ok(format!("{who} voided; {} unit(s) {}; {} on the shelf", v.units, to.done(), v.quantity))
        }
        StockRequest::Lift { lot_id, reason, recall, who } => {
            let lifted = store.write(now, |tx| stock_moves::lift(tx, lot_id, &reason, recall))?;
            let word = if recall { "recall" } else { "quarantine" };
            Ok(format!("{who}: {word} lifted; {} unit(s) usable again", lifted.quantity))
        }
        StockRequest::Recall { code, number, reason } => {
            let recall = store.write(now, |tx| stock_moves::recall(tx, &code, &number, &reason))?;
            let left: u32 = recall.quarantined.iter().map(|(_, n)| n).sum();
            let names: Vec<String> = recall
                .patients
                .iter()
                .map(|r| r.patient.as_ref().map_or_else(|| "patient missing".to_string(), ToString::to_string))
                .collect();
            let who = if names.is_empty() { "nobody received it".to_string() } else { names.join(", ") };
            // As stored (the user may have typed another case, issue 10).
            let (code, number) = (&recall.reference.code, &recall.number);
            Ok(format!(
                "recall {code} {number}: {left} unit(s) quarantined; {} patient(s): {who} (`periop recall` lists cases and operators)",
                recall.patients.len()
            ))
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
