//! The demo ward's devices and implants (issue 10), built through the same
//! store calls as the Stock tab, so the demo passes `periop check`: five
//! references; a screw lot received by scan and an older one; cement kits;
//! a trocar lot expired and quarantined for its return; a cannula lot
//! recalled; two screws held for tomorrow's first case; a screw and cement
//! implanted in the last case done (its patient is on the recall list).
//! Nothing here calls for the Board's attention (R-STOCK-4), so the demo's
//! Board keeps its first screen; the tests that need alerts make them.

use crate::domain::case::CaseState;
use crate::domain::stock::DeviceKind;
use crate::domain::stock::gs1::{self, Gs1, Gtin};
use crate::domain::stock::movement::MovementKind;
use crate::domain::ward_time;
use crate::store::db::OptionalExtension;
use crate::store::stock_moves::{self, Move, NewReference, Receipt};
use crate::store::{Result, Store, rows};
use chrono::{DateTime, Days, NaiveDate, Utc};

fn reference(code: &str, manufacturer: &str, name: &str, kind: DeviceKind, implantable: bool) -> NewReference {
    NewReference {
        code: code.into(),
        manufacturer: manufacturer.into(),
        name: name.into(),
        kind,
        implantable,
        gtin: None,
        min_stock: 0,
        mm_per_turn: None,
    }
}

/// A GTIN-14 made from 13 digits and its check digit.
fn gtin(first13: &str) -> String {
    format!("{first13}{}", gs1::check_digit(first13))
}

fn receipt(ref_id: i64, lot: &str, expiry: NaiveDate, units: u32, location: &str) -> Receipt {
    Receipt {
        ref_id,
        lot: Some(lot.into()),
        serial: None,
        expiry: Some(expiry),
        units,
        location: location.into(),
        scanned: None,
        // The demo keeps an expired lot on the shelf, knowingly.
        expired_ok: true,
    }
}

/// The last case done before `now`, and when it started.
fn last_done_case(store: &Store) -> Result<Option<(i64, DateTime<Utc>)>> {
    Ok(store
        .conn()
        .query_row(
            "SELECT id, scheduled_start FROM cases WHERE state = ?1 ORDER BY scheduled_start DESC, id DESC LIMIT 1",
            [CaseState::Done.code()],
            |r| Ok((r.get(0)?, rows::instant(r, 1)?)),
        )
        .optional()?)
}

pub fn build(store: &mut Store, now: DateTime<Utc>) -> Result<()> {
    let zone = store.zone();
    let today = ward_time::local_day(now, zone);
    let in_days = |n: u64| today.checked_add_days(Days::new(n)).unwrap_or(today);
    let days_ago = |n: u64| today.checked_sub_days(Days::new(n)).unwrap_or(today);
    let screw_gtin = gtin("0345312000007");
    // Received at the start of the week (before the case done below).
    let received = now - chrono::Duration::days(7);
    let (screw, cement) = store.write(received, |tx| {
        let screw = stock_moves::add_reference(
            tx,
            &NewReference {
                gtin: Some(screw_gtin.clone()),
                min_stock: 6,
                ..reference("SCR-70", "Acme Spine", "cannulated screw 7.0", DeviceKind::Screw, true)
            },
        )?;
        let cement = stock_moves::add_reference(
            tx,
            &NewReference {
                min_stock: 2,
                ..reference("CEM-10", "OsteoFix", "bone cement kit 10 ml", DeviceKind::CementKit, true)
            },
        )?;
        let trocar = stock_moves::add_reference(
            tx,
            &NewReference {
                min_stock: 5,
                ..reference("TRO-11", "Acme Spine", "trocar 11G", DeviceKind::Trocar, false)
            },
        )?;
        let cannula = stock_moves::add_reference(
            tx,
            &reference("CAN-13", "OsteoFix", "vertebroplasty cannula 13G", DeviceKind::Cannula, false),
        )?;
        stock_moves::add_reference(
            tx,
            &NewReference {
                mm_per_turn: Some(1.0),
                ..reference("DIS-M1", "Orthofix", "monolateral rail distractor", DeviceKind::Distractor, true)
            },
        )?;
        // The screw lot, as a scanner typed its label (R-TRACE-3).
        let label = Gs1 {
            gtin: Gtin::parse(&screw_gtin).ok(),
            expiry: Some(in_days(540)),
            lot: Some("A2611".into()),
            count: Some(12),
            ..Gs1::default()
        };
        stock_moves::receive(
            tx,
            &Receipt {
                scanned: Some(format!("]d2{}", gs1::raw(&label))),
                ..receipt(screw, "A2611", in_days(540), 12, "block cupboard A")
            },
        )?;
        stock_moves::receive(tx, &receipt(screw, "A2608", in_days(120), 3, "block cupboard A"))?;
        stock_moves::receive(tx, &receipt(cement, "C0452", in_days(300), 3, "block cupboard B"))?;
        let expired = stock_moves::receive(tx, &receipt(trocar, "T7781", days_ago(10), 2, "block cupboard B"))?;
        stock_moves::move_stock(
            tx,
            &Move {
                lot_id: expired.lot_id,
                kind: MovementKind::Quarantine,
                units: 0,
                case_id: None,
                reason: Some("expired: to return to the supplier".into()),
            },
        )?;
        stock_moves::receive(tx, &receipt(trocar, "T7790", in_days(400), 20, "block cupboard B"))?;
        stock_moves::receive(tx, &receipt(cannula, "K3321", in_days(200), 6, "block cupboard B"))?;
        Ok((screw, cement))
    })?;
    // A screw and the cement implanted in the last case done (R-TRACE-1).
    if let Some((case_id, start)) = last_done_case(store)? {
        store.write(start + chrono::Duration::minutes(45), |tx| {
            for ref_id in [screw, cement] {
                let lot = stock_moves::pick(tx, ref_id, ward_time::local_day(start, zone), 1)?;
                if let Some(lot) = lot {
                    stock_moves::move_stock(
                        tx,
                        &Move {
                            lot_id: lot.id,
                            kind: MovementKind::Implant,
                            units: 1,
                            case_id: Some(case_id),
                            reason: None,
                        },
                    )?;
                }
            }
            Ok(())
        })?;
    }
    // Tomorrow's first case: two screws held (FEFO). The cannula lot is
    // recalled (R-TRACE-2).
    let tomorrow = crate::store::stock::cases_from(store.conn(), in_days(1), 1, zone)?;
    store.write(now, |tx| {
        if let Some(first) = tomorrow.iter().find(|c| ward_time::local_day(c.start, zone) == in_days(1)) {
            stock_moves::reserve_fefo(tx, screw, first.case_id, 2)?;
        }
        stock_moves::recall(tx, "CAN-13", "K3321", "manufacturer notice FSN-2026-117")?;
        Ok(())
    })
}
