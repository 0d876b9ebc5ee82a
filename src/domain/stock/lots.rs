//! R-STOCK-1, R-STOCK-3: a lot's quantities and status, computed from its
//! stored facts (never stored as a flag that could drift), what may be used
//! on a procedure day, and which lot to pick first (FEFO: first expiring,
//! first out).

use chrono::NaiveDate;
use serde::Serialize;
use std::borrow::Cow;

/// What is known of one lot (or one serialised unit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lot {
    pub id: i64,
    pub version: i64,
    pub reference_id: i64,
    /// The lot number (GS1 AI 10), or `None` for a serialised unit.
    pub lot: Option<String>,
    /// The serial number (GS1 AI 21).
    pub serial: Option<String>,
    /// Use by: the device may be used on this day, not after.
    pub expiry: Option<NaiveDate>,
    /// Units on the shelf, reserved ones included. Never negative (R-STOCK-2).
    pub quantity: u32,
    /// Units held for cases; never more than `quantity`.
    pub reserved: u32,
    pub location: String,
    /// Withdrawn from use (a recall, a damaged box), with the reason.
    pub quarantine: Option<String>,
    /// The whole scanned string the lot was received from (R-TRACE-3).
    pub scanned: Option<String>,
}

impl Lot {
    /// Units neither reserved nor withdrawn: what a new case may take.
    pub fn free(&self) -> u32 {
        self.quantity.saturating_sub(self.reserved)
    }

    /// How a lot is named on screen: `lot AB12`, `serial S9`, or both.
    pub fn label(&self) -> String {
        lot_words(self.lot.as_deref(), self.serial.as_deref())
    }

    /// R-STOCK-3: expired for a procedure on `day` (the expiry is before it).
    pub fn expired_on(&self, day: NaiveDate) -> bool {
        self.expiry.is_some_and(|e| e < day)
    }

    /// The status the list shows, on `today`.
    pub fn status(&self, today: NaiveDate) -> LotStatus {
        if self.recalled() {
            LotStatus::Recalled
        } else if self.quantity == 0 {
            LotStatus::UsedUp
        } else if self.quarantine.is_some() {
            LotStatus::Quarantined
        } else if self.expired_on(today) {
            LotStatus::Expired
        } else if self.free() == 0 {
            LotStatus::Reserved
        } else {
            LotStatus::Available
        }
    }

    /// The marks beside the status on `today`: `✗ EXPIRED` on a lot whose
    /// status says quarantined or recalled but which has also passed its
    /// use-by day with units left (found in use, issue 10: a quarantined
    /// expired lot showed only `⊘ quarantined`).
    pub fn also(&self, today: NaiveDate) -> Option<Cow<'static, str>> {
        let withdrawn = matches!(self.status(today), LotStatus::Quarantined | LotStatus::Recalled);
        (withdrawn && self.quantity > 0 && self.expired_on(today)).then(|| LotStatus::Expired.label())
    }

    /// R-TRACE-2: the lot is withdrawn by a recall (its quarantine says so,
    /// see [`RECALL_PREFIX`]), not only quarantined.
    pub fn recalled(&self) -> bool {
        self.quarantine.as_deref().is_some_and(is_recall)
    }

    /// R-STOCK-3: whether units of this lot may be used (reserved, implanted,
    /// consumed) for a procedure on `day`; the reason when not.
    pub fn usable_on(&self, day: NaiveDate) -> Result<(), Unusable> {
        if let Some(reason) = &self.quarantine {
            if is_recall(reason) {
                return Err(Unusable::Recalled { reason: reason.clone() });
            }
            return Err(Unusable::Quarantined { reason: reason.clone() });
        }
        if let Some(expiry) = self.expiry.filter(|_| self.expired_on(day)) {
            return Err(Unusable::Expired { expiry, day });
        }
        Ok(())
    }
}

/// How a lot or a unit is named in the language in force: `lot AB12`,
/// `serial S9`, both, or `no lot`.
pub fn lot_words(lot: Option<&str>, serial: Option<&str>) -> String {
    match (lot, serial) {
        (Some(l), Some(s)) => tr!("stock-lot-and-serial", lot = l, serial = s),
        (Some(l), None) => tr!("stock-lot", lot = l),
        (None, Some(s)) => tr!("stock-serial", serial = s),
        (None, None) => tr!("stock-no-lot"),
    }
    .into_owned()
}

/// R-STOCK-1: the status of a lot, derived. Shown with a word and a glyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LotStatus {
    Available,
    /// Every unit on the shelf is held for a case.
    Reserved,
    Quarantined,
    Expired,
    /// Nothing left (implanted, consumed, wasted or returned).
    UsedUp,
    /// R-TRACE-2: withdrawn by a recall (shown even once used up: its
    /// patients are to be called).
    Recalled,
}

impl LotStatus {
    /// A glyph and a word, in the language in force: `✓ available`.
    pub fn label(self) -> Cow<'static, str> {
        match self {
            LotStatus::Available => tr!("stock-status-available"),
            LotStatus::Reserved => tr!("stock-status-reserved"),
            LotStatus::Quarantined => tr!("stock-status-quarantined"),
            LotStatus::Expired => tr!("stock-status-expired"),
            LotStatus::UsedUp => tr!("stock-status-used-up"),
            LotStatus::Recalled => tr!("stock-status-recalled"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            LotStatus::Available => "available",
            LotStatus::Reserved => "reserved",
            LotStatus::Quarantined => "quarantined",
            LotStatus::Expired => "expired",
            LotStatus::UsedUp => "used_up",
            LotStatus::Recalled => "recalled",
        }
    }
}

/// R-TRACE-2: a recall's quarantine reason starts with this, so a recalled
/// lot is told from a quarantined one (the stored text is the one flag; a
/// recall of the first release stored the bare word `recall`).
pub const RECALL_PREFIX: &str = "recall: "; // i18n: stored: the code that marks a recall

/// R-TRACE-2: the quarantine reason of a recall with no notice (a stored
/// code, never translated).
pub const BARE_RECALL: &str = "recall";

/// R-TRACE-2: the quarantine reason a recall stores for `notice`.
pub fn recall_reason(notice: &str) -> String {
    let notice = notice.trim();
    if notice.is_empty() || notice == BARE_RECALL {
        BARE_RECALL.to_string()
    } else {
        format!("{RECALL_PREFIX}{notice}")
    }
}

/// R-TRACE-2: whether a stored quarantine reason is a recall's.
pub fn recall_text(reason: &str) -> bool {
    is_recall(reason)
}

fn is_recall(reason: &str) -> bool {
    reason == BARE_RECALL || reason.starts_with(RECALL_PREFIX)
}

/// R-STOCK-3, R-TRACE-2: why a lot's withdrawal cannot be lifted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotLifted {
    NotWithdrawn,
    Recalled { reason: String },
    NotRecalled { reason: String },
}

impl std::fmt::Display for NotLifted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            NotLifted::NotWithdrawn => tr!("stock-not-lifted-not-withdrawn"),
            NotLifted::Recalled { reason } => tr!("stock-not-lifted-recalled", reason = reason.as_str()),
            NotLifted::NotRecalled { reason } => tr!("stock-not-lifted-not-recalled", reason = reason.as_str()),
        })
    }
}

/// R-STOCK-3, R-TRACE-2: whether `lot`'s withdrawal may be lifted. A
/// quarantine is lifted as such; a recall only by lifting the recall
/// (`recall` true), so a recalled lot is never made usable by the key
/// that lifts a damaged box's quarantine.
pub fn may_lift(lot: &Lot, recall: bool) -> Result<(), NotLifted> {
    match (&lot.quarantine, recall) {
        (None, _) => Err(NotLifted::NotWithdrawn),
        (Some(r), false) if is_recall(r) => Err(NotLifted::Recalled { reason: r.clone() }),
        (Some(r), true) if !is_recall(r) => Err(NotLifted::NotRecalled { reason: r.clone() }),
        _ => Ok(()),
    }
}

/// R-STOCK-3: why a lot may not be used on a day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unusable {
    Recalled { reason: String },
    Quarantined { reason: String },
    Expired { expiry: NaiveDate, day: NaiveDate },
}

impl std::fmt::Display for Unusable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::domain::day_label::date_text;
        f.write_str(&match self {
            Unusable::Recalled { reason } => tr!("stock-unusable-recalled", reason = reason.as_str()),
            Unusable::Quarantined { reason } => tr!("stock-unusable-quarantined", reason = reason.as_str()),
            Unusable::Expired { expiry, day } => {
                tr!("stock-unusable-expired", expiry = date_text(*expiry), day = date_text(*day))
            }
        })
    }
}

/// R-STOCK-3 (FEFO): the lot to pick for a procedure on `day` that needs
/// `units`: among lots usable on that day with that many free units, the
/// one that expires first (a lot without expiry last), then the oldest.
pub fn fefo(lots: &[Lot], day: NaiveDate, units: u32) -> Option<&Lot> {
    lots.iter()
        .filter(|l| l.usable_on(day).is_ok() && l.free() >= units.max(1))
        .min_by_key(|l| (l.expiry.is_none(), l.expiry, l.id))
}

/// R-STOCK-3 (FEFO across lots): how to take `units` for a procedure on
/// `day` from the lots usable then, the earliest-expiring first (a lot
/// without expiry last, then the oldest): each lot with the units taken
/// from it. `Err(free)`: the usable lots hold only `free` units not
/// reserved, fewer than asked (nothing is to be taken then).
pub fn fefo_split(lots: &[Lot], day: NaiveDate, units: u32) -> Result<Vec<(Lot, u32)>, u32> {
    let mut usable: Vec<&Lot> = lots.iter().filter(|l| l.usable_on(day).is_ok() && l.free() > 0).collect();
    usable.sort_by_key(|l| (l.expiry.is_none(), l.expiry, l.id));
    let free: u32 = usable.iter().map(|l| l.free()).sum();
    if free < units {
        return Err(free);
    }
    let mut left = units;
    let mut out = Vec::new();
    for lot in usable {
        if left == 0 {
            break;
        }
        let take = left.min(lot.free());
        out.push((lot.clone(), take));
        left -= take;
    }
    Ok(out)
}

/// R-STOCK-4: the lot expires within `days` days of `today` (and has not
/// yet): the list marks it, the Board lists it.
pub fn expiring(lot: &Lot, today: NaiveDate, days: i64) -> bool {
    lot.quantity > 0 && lot.expiry.is_some_and(|e| e >= today && (e - today).num_days() <= days)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    pub fn lot(id: i64, expiry: Option<NaiveDate>, quantity: u32) -> Lot {
        Lot {
            id,
            version: 1,
            reference_id: 1,
            lot: Some(format!("L{id}")),
            serial: None,
            expiry,
            quantity,
            reserved: 0,
            location: "cupboard A".into(),
            quarantine: None,
            scanned: None,
        }
    }

    #[test]
    fn r_stock_3_fefo_picks_the_earliest_expiring_usable_lot() {
        let today = day(11, 22);
        let mut lots = vec![
            lot(1, Some(day(12, 31)), 5),
            lot(2, Some(day(12, 1)), 5),
            lot(3, None, 5),
            lot(4, Some(day(11, 21)), 5), // expired before the procedure
            lot(5, Some(day(11, 25)), 5),
        ];
        lots[4].quarantine = Some("recall".into());
        assert_eq!(fefo(&lots, today, 1).map(|l| l.id), Some(2));
        // Two units: lot 2 has only one free.
        lots[1].reserved = 4;
        assert_eq!(fefo(&lots, today, 2).map(|l| l.id), Some(1));
        // Without dated lots, the undated one.
        assert_eq!(fefo(&lots[2..4], today, 1).map(|l| l.id), Some(3));
        assert_eq!(fefo(&lots[3..4], today, 1), None);
    }

    #[test]
    fn r_stock_3_expiry_is_judged_against_the_procedure_day() {
        let l = lot(1, Some(day(11, 30)), 1);
        assert!(l.usable_on(day(11, 30)).is_ok(), "usable on its expiry day");
        let err = l.usable_on(day(12, 1)).unwrap_err();
        assert_eq!(err, Unusable::Expired { expiry: day(11, 30), day: day(12, 1) });
        assert!(err.to_string().contains("may be returned, quarantined or wasted"), "{err}");
        let mut q = lot(2, None, 1);
        q.quarantine = Some("recall R-42".into());
        assert!(matches!(q.usable_on(day(11, 22)), Err(Unusable::Quarantined { .. })));
    }

    #[test]
    fn r_stock_1_status_is_computed_from_the_facts() {
        let today = day(11, 22);
        let mut l = lot(1, Some(day(12, 31)), 2);
        assert_eq!(l.status(today), LotStatus::Available);
        l.reserved = 2;
        assert_eq!(l.status(today), LotStatus::Reserved);
        assert_eq!(l.status(day(12, 31).succ_opt().unwrap()), LotStatus::Expired);
        l.quarantine = Some("damaged box".into());
        assert_eq!(l.status(today), LotStatus::Quarantined);
        l.quantity = 0;
        assert_eq!(l.status(today), LotStatus::UsedUp);
        for s in [LotStatus::Available, LotStatus::Expired, LotStatus::Quarantined] {
            assert!(s.label().chars().next().is_some_and(|c| !c.is_alphanumeric()), "a glyph: {}", s.label());
        }
    }

    #[test]
    fn r_stock_4_expiring_within_the_setting_days() {
        let today = day(11, 22);
        assert!(expiring(&lot(1, Some(day(12, 1)), 1), today, 60));
        assert!(!expiring(&lot(1, Some(day(12, 1)), 1), today, 5));
        assert!(!expiring(&lot(1, Some(day(11, 1)), 1), today, 60), "already expired: not 'expiring'");
        assert!(!expiring(&lot(1, Some(day(12, 1)), 0), today, 60), "nothing left");
        assert!(!expiring(&lot(1, None, 1), today, 60));
    }

    #[test]
    fn r_trace_2_a_recall_is_lifted_only_as_a_recall() {
        let mut l = lot(1, None, 2);
        assert_eq!(may_lift(&l, false), Err(NotLifted::NotWithdrawn));
        l.quarantine = Some("damaged box".into());
        assert_eq!(may_lift(&l, false), Ok(()));
        assert!(matches!(may_lift(&l, true), Err(NotLifted::NotRecalled { .. })));
        l.quarantine = Some(recall_reason("FSN 2026-11"));
        assert_eq!(l.quarantine.as_deref(), Some("recall: FSN 2026-11"));
        assert!(l.recalled());
        assert_eq!(l.status(day(11, 22)), LotStatus::Recalled);
        assert!(matches!(l.usable_on(day(11, 22)), Err(Unusable::Recalled { .. })));
        assert!(matches!(may_lift(&l, false), Err(NotLifted::Recalled { .. })), "R-STOCK-3: stays refused");
        assert_eq!(may_lift(&l, true), Ok(()));
        l.quantity = 0;
        assert_eq!(l.status(day(11, 22)), LotStatus::Recalled, "a used-up recalled lot says recalled");
    }

    /// Found in use (issue 10, #6): a reservation could not span lots. It
    /// takes from the earliest-expiring usable lot first, then the next.
    #[test]
    fn r_stock_3_a_reservation_spans_lots_earliest_expiry_first() {
        let today = day(11, 22);
        let mut later = lot(1, Some(day(12, 31)), 5);
        later.reserved = 1;
        let sooner = lot(2, Some(day(12, 1)), 2);
        let expired = lot(3, Some(day(11, 1)), 9);
        let mut quarantined = lot(4, Some(day(11, 30)), 9);
        quarantined.quarantine = Some("damaged".into());
        let none = lot(5, None, 3);
        let lots = [later, sooner, expired, quarantined, none];
        let plan = fefo_split(&lots, today, 7).unwrap();
        let taken: Vec<(i64, u32)> = plan.iter().map(|(l, n)| (l.id, *n)).collect();
        assert_eq!(taken, [(2, 2), (1, 4), (5, 1)]);
        assert_eq!(fefo_split(&lots, today, 10), Err(9), "2 + 4 + 3 free usable units");
    }
}
