//! R-STOCK-4: what the stock asks of the ward, on the Board's attention
//! list and under `periop stock`: a reference whose usable units (not
//! reserved, not expired, not quarantined) are under its minimum; a lot
//! expiring within `stock.expiry_alert_days`; a lot expired but still on the
//! shelf (not yet quarantined for its return); a case tomorrow whose held devices could not be used on its day.

use super::Reference;
use super::lots::{self, Lot};
use crate::domain::attention::{Alert, Severity, Subject};
use crate::domain::day_label::date_text;
use chrono::NaiveDate;
use serde::Serialize;

/// A reference with its lots.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StockLine {
    pub reference: Reference,
    pub lots: Vec<Lot>,
}

impl StockLine {
    /// R-STOCK-4: units free to take today (not reserved, not expired, not
    /// quarantined).
    pub fn usable(&self, today: NaiveDate) -> u32 {
        self.lots.iter().filter(|l| l.usable_on(today).is_ok()).map(Lot::free).sum()
    }

    pub fn reserved(&self) -> u32 {
        self.lots.iter().map(|l| l.reserved).sum()
    }

    pub fn total(&self) -> u32 {
        self.lots.iter().map(|l| l.quantity).sum()
    }

    /// R-STOCK-4: under its minimum.
    pub fn low(&self, today: NaiveDate) -> bool {
        self.reference.min_stock > 0 && self.usable(today) < self.reference.min_stock
    }
}

/// Units of a lot held for a case, with the case's procedure day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hold {
    pub case_id: i64,
    pub procedure_day: NaiveDate,
    pub device: String,
    pub lot: Lot,
    pub units: u32,
}

/// R-STOCK-4 (and R-STOCK-3 for the held devices): every stock alert on
/// `today`, with `expiry_days` from the setting `stock.expiry_alert_days`.
pub fn alerts(lines: &[StockLine], holds: &[Hold], today: NaiveDate, expiry_days: i64) -> Vec<Alert> {
    let mut out = Vec::new();
    for line in lines {
        let r = &line.reference;
        let subject = Subject::Stock(r.id);
        if line.low(today) {
            out.push(Alert {
                rule: "R-STOCK-4",
                severity: Severity::Warning,
                subject,
                message: tr!(
                    "stock-alert-low",
                    name = r.name.as_str(),
                    usable = line.usable(today),
                    minimum = r.min_stock
                )
                .into_owned(),
            });
        }
        for lot in &line.lots {
            // An expired lot already in quarantine waits for its return: dealt with.
            if lot.quantity > 0 && lot.expired_on(today) && lot.quarantine.is_none() {
                out.push(Alert {
                    rule: "R-STOCK-3",
                    severity: Severity::Warning,
                    subject,
                    message: tr!(
                        "stock-alert-expired",
                        name = r.name.as_str(),
                        lot = lot.label(),
                        left = lot.quantity,
                        expiry = lot.expiry.map(date_text).unwrap_or_default()
                    )
                    .into_owned(),
                });
            } else if lot.quarantine.is_none() && lots::expiring(lot, today, expiry_days) {
                let expiry = lot.expiry.unwrap_or(today);
                out.push(Alert {
                    rule: "R-STOCK-4",
                    severity: Severity::Info,
                    subject,
                    message: tr!(
                        "stock-alert-expiring",
                        name = r.name.as_str(),
                        lot = lot.label(),
                        left = lot.quantity,
                        expiry = date_text(expiry),
                        days = (expiry - today).num_days()
                    )
                    .into_owned(),
                });
            }
        }
    }
    // R-STOCK-3, R-STOCK-4: a case whose held devices cannot be used on its
    // day, said as soon as it is true, for any case within the alert
    // horizon (found in use, fix 10: a case moved past its lot's expiry was
    // flagged only the day before). Urgent from tomorrow, a warning before.
    let tomorrow = today.succ_opt().unwrap_or(today);
    let within = |d: NaiveDate| d >= today && (d - today).num_days() <= expiry_days.max(1);
    for hold in holds.iter().filter(|h| within(h.procedure_day) && h.units > 0) {
        if let Err(why) = hold.lot.usable_on(hold.procedure_day) {
            // The case's day, always (issue 10: an alert of a case not on
            // the board's day named neither the patient nor the day).
            let short = hold.procedure_day.format("%d/%m").to_string();
            let day = match hold.procedure_day {
                d if d == today => tr!("stock-alert-day-today", day = short),
                d if d == tomorrow => tr!("stock-alert-day-tomorrow", day = short),
                d => tr!("stock-alert-day-on", day = date_text(d)),
            };
            out.push(Alert {
                rule: "R-STOCK-4",
                severity: if hold.procedure_day <= tomorrow { Severity::Urgent } else { Severity::Warning },
                subject: Subject::Case(hold.case_id),
                message: tr!(
                    "stock-alert-not-available",
                    day = day,
                    device = hold.device.as_str(),
                    lot = hold.lot.label(),
                    why = why.to_string()
                )
                .into_owned(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::DeviceKind;
    use super::super::lots::tests::{day, lot};
    use super::*;

    fn line(min_stock: u32, lots: Vec<Lot>) -> StockLine {
        StockLine {
            reference: Reference {
                id: 1,
                version: 1,
                code: "SCR-70".into(),
                manufacturer: "Acme".into(),
                name: "screw 7.0".into(),
                kind: DeviceKind::Screw,
                implantable: true,
                gtin: None,
                min_stock,
                mm_per_turn: None,
            },
            lots,
        }
    }

    #[test]
    fn r_stock_4_usable_under_the_minimum_is_low() {
        let today = day(11, 22);
        let mut held = lot(1, Some(day(12, 31)), 4);
        held.reserved = 3;
        let expired = lot(2, Some(day(11, 1)), 10);
        let l = line(3, vec![held, expired]);
        assert_eq!((l.usable(today), l.reserved(), l.total()), (1, 3, 14));
        let a = alerts(&[l], &[], today, 60);
        let messages: Vec<&str> = a.iter().map(|a| a.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.starts_with("LOW STOCK screw 7.0: 1 usable, minimum 3")), "{messages:?}");
        assert!(messages.iter().any(|m| m.starts_with("EXPIRED ON SHELF screw 7.0 lot L2")), "{messages:?}");
        assert!(messages.iter().any(|m| m.starts_with("EXPIRING screw 7.0 lot L1")), "{messages:?}");
    }

    #[test]
    fn r_stock_4_no_minimum_no_low_alert_and_far_expiry_is_quiet() {
        let today = day(11, 22);
        let l = line(0, vec![lot(1, Some(day(12, 31)), 0), lot(2, None, 1)]);
        assert_eq!(alerts(&[l], &[], today, 30), vec![]);
    }

    #[test]
    fn r_stock_4_a_case_tomorrow_whose_held_lot_cannot_be_used() {
        let today = day(11, 22);
        let mut quarantined = lot(1, Some(day(12, 31)), 2);
        quarantined.quarantine = Some("recall".into());
        let expiring_today = lot(2, Some(day(11, 22)), 2);
        let ok = lot(3, Some(day(12, 31)), 2);
        let hold = |case_id, lot: &Lot, d| Hold {
            case_id,
            procedure_day: d,
            device: "screw 7.0".into(),
            lot: lot.clone(),
            units: 1,
        };
        let holds =
            [hold(1, &quarantined, day(11, 23)), hold(2, &expiring_today, day(11, 23)), hold(3, &ok, day(11, 23))];
        let a = alerts(&[], &holds, today, 60);
        let cases: Vec<Subject> = a.iter().map(|a| a.subject).collect();
        assert_eq!(cases, vec![Subject::Case(1), Subject::Case(2)]);
        assert!(a.iter().all(|a| a.severity == Severity::Urgent && a.message.starts_with("DEVICE NOT AVAILABLE")));
    }

    /// Found in use (fix 10, #8): a case moved to a day after its held
    /// lot's expiry was flagged only the day before. It is flagged as soon
    /// as it is true, within the alert horizon, on the case.
    #[test]
    fn r_stock_4_a_held_lot_unusable_on_a_later_case_day_is_flagged_at_once() {
        let today = day(11, 22);
        let expires = lot(1, Some(day(12, 5)), 2);
        let hold =
            |case_id, d| Hold { case_id, procedure_day: d, device: "screw 7.0".into(), lot: expires.clone(), units: 1 };
        let holds = [hold(1, day(12, 10)), hold(2, day(12, 1)), hold(3, day(11, 22) + chrono::Days::new(90))];
        let a = alerts(&[], &holds, today, 60);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].subject, Subject::Case(1));
        assert_eq!(a[0].severity, Severity::Warning);
        assert!(a[0].message.starts_with("DEVICE NOT AVAILABLE on 10/12/2026: screw 7.0 lot L1"), "{}", a[0].message);
    }
}
