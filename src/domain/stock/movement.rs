//! R-STOCK-2: every movement of stock, and the quantities it leaves. One
//! function ([`apply`]) says what a movement does to a lot's quantity and
//! reservations, and refuses any that would leave a negative count; the
//! store calls it inside the movement's transaction, and the schema's CHECKs
//! refuse a negative quantity again should anything else try.

use serde::Serialize;

/// A movement of stock (R-STOCK-2), as stored in `stock_movements.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MovementKind {
    /// Units arrive (a delivery, a loan set).
    Receive,
    /// Units held for a case.
    Reserve,
    /// A case's held units go back to the shelf (cancelled, postponed, not needed).
    Release,
    /// An implantable device left in a patient (R-TRACE-1).
    Implant,
    /// A single-use device used on a patient in a case.
    Consume,
    /// Units sent back to the supplier (an expired or recalled lot may be).
    Return,
    /// Units thrown away, with the reason (opened, dropped, expired).
    Waste,
    /// The lot is withdrawn from use (a recall, a damaged box), with the reason.
    Quarantine,
}

impl MovementKind {
    pub const ALL: [MovementKind; 8] = [
        MovementKind::Receive,
        MovementKind::Reserve,
        MovementKind::Release,
        MovementKind::Implant,
        MovementKind::Consume,
        MovementKind::Return,
        MovementKind::Waste,
        MovementKind::Quarantine,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MovementKind::Receive => "receive",
            MovementKind::Reserve => "reserve",
            MovementKind::Release => "release",
            MovementKind::Implant => "implant",
            MovementKind::Consume => "consume",
            MovementKind::Return => "return",
            MovementKind::Waste => "waste",
            MovementKind::Quarantine => "quarantine",
        }
    }

    pub fn from_code(code: &str) -> Option<MovementKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The past tense a message uses: `3 reserved`.
    pub fn done(self) -> std::borrow::Cow<'static, str> {
        match self {
            MovementKind::Receive => tr!("stock-done-receive"),
            MovementKind::Reserve => tr!("stock-done-reserve"),
            MovementKind::Release => tr!("stock-done-release"),
            MovementKind::Implant => tr!("stock-done-implant"),
            MovementKind::Consume => tr!("stock-done-consume"),
            MovementKind::Return => tr!("stock-done-return"),
            MovementKind::Waste => tr!("stock-done-waste"),
            MovementKind::Quarantine => tr!("stock-done-quarantine"),
        }
    }

    /// Whether the movement uses a device on a patient, so it needs a usable
    /// lot (R-STOCK-3) and records traceability (R-TRACE-1).
    pub fn uses(self) -> bool {
        matches!(self, MovementKind::Implant | MovementKind::Consume)
    }

    /// Whether the movement needs a reason (R-STOCK-2: waste and quarantine).
    pub fn needs_reason(self) -> bool {
        matches!(self, MovementKind::Waste | MovementKind::Quarantine)
    }
}

/// A lot's counts before or after a movement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Units on the shelf, reserved ones included.
    pub quantity: u32,
    /// Units held for cases (all cases).
    pub reserved: u32,
    /// Units held for the case the movement is for (0 without a case).
    pub for_case: u32,
}

/// Why a movement cannot be made. [`Refused::OutOfStock`] is the one a
/// caller retrying at a busy moment must tell apart.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    OutOfStock { asked: u32, free: u32 },
    NotHeld { asked: u32, held: u32 },
    Zero,
    TooMany(u32),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            Refused::OutOfStock { asked, free } => tr!("stock-refused-out-of-stock", asked = *asked, free = *free),
            Refused::NotHeld { asked, held } => tr!("stock-refused-not-held", asked = *asked, held = *held),
            Refused::Zero => tr!("stock-refused-zero"),
            Refused::TooMany(n) => tr!("stock-refused-too-many", count = *n),
        })
    }
}

/// The most units one movement may move (a guard against a scanned number
/// typed in the quantity field).
pub const MAX_UNITS: u32 = 100_000;

/// R-STOCK-2: the counts after moving `units` of `kind`. Using a device for
/// a case takes its held units first, then free ones; return and waste take
/// only free units (release a case's units first); quarantine moves no unit.
/// Never leaves a count below zero: the movement is refused instead.
pub fn apply(before: Counts, kind: MovementKind, units: u32) -> Result<Counts, Refused> {
    if units == 0 && kind != MovementKind::Quarantine {
        return Err(Refused::Zero);
    }
    if units > MAX_UNITS {
        return Err(Refused::TooMany(units));
    }
    let free = before.quantity.saturating_sub(before.reserved);
    let mut after = before;
    match kind {
        MovementKind::Receive => after.quantity = before.quantity + units,
        MovementKind::Reserve => {
            if units > free {
                return Err(Refused::OutOfStock { asked: units, free });
            }
            after.reserved += units;
            after.for_case += units;
        }
        MovementKind::Release => {
            if units > before.for_case {
                return Err(Refused::NotHeld { asked: units, held: before.for_case });
            }
            after.reserved -= units;
            after.for_case -= units;
        }
        MovementKind::Implant | MovementKind::Consume => {
            let held = units.min(before.for_case);
            let rest = units - held;
            if rest > free {
                return Err(Refused::OutOfStock { asked: units, free: free + held });
            }
            after.for_case -= held;
            after.reserved -= held;
            after.quantity -= units;
        }
        MovementKind::Return | MovementKind::Waste => {
            if units > free {
                return Err(Refused::OutOfStock { asked: units, free });
            }
            after.quantity -= units;
        }
        MovementKind::Quarantine => {}
    }
    Ok(after)
}

/// R-STOCK-2, R-STOCK-3: the movement row that lifts a quarantine or a
/// recall: a release with no case, no unit and the reason (the units were
/// never taken off the shelf, so no count changes). The schema's kinds are
/// kept; a release for a case gives held units back.
pub const LIFT: MovementKind = MovementKind::Release;

/// R-STOCK-2, R-TRACE-1: the counts after voiding an implant record of
/// `units`: back on the shelf they count again (free, not held); to waste
/// they were off the shelf already and nothing changes.
pub fn apply_void(before: Counts, to: super::trace::VoidTo, units: u32) -> Result<Counts, Refused> {
    if units == 0 {
        return Err(Refused::Zero);
    }
    if units > MAX_UNITS {
        return Err(Refused::TooMany(units));
    }
    Ok(match to {
        super::trace::VoidTo::Shelf => Counts { quantity: before.quantity + units, ..before },
        super::trace::VoidTo::Waste => before,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn counts(quantity: u32, reserved: u32, for_case: u32) -> Counts {
        Counts { quantity, reserved, for_case }
    }

    #[test]
    fn r_stock_2_each_movement_moves_what_it_says() {
        let c = counts(10, 3, 2);
        assert_eq!(apply(c, MovementKind::Receive, 5), Ok(counts(15, 3, 2)));
        assert_eq!(apply(c, MovementKind::Reserve, 7), Ok(counts(10, 10, 9)));
        assert_eq!(apply(c, MovementKind::Reserve, 8), Err(Refused::OutOfStock { asked: 8, free: 7 }));
        assert_eq!(apply(c, MovementKind::Release, 2), Ok(counts(10, 1, 0)));
        assert_eq!(apply(c, MovementKind::Release, 3), Err(Refused::NotHeld { asked: 3, held: 2 }));
        // The case's held units go first, then free ones.
        assert_eq!(apply(c, MovementKind::Implant, 3), Ok(counts(7, 1, 0)));
        assert_eq!(apply(c, MovementKind::Consume, 1), Ok(counts(9, 2, 1)));
        assert_eq!(apply(c, MovementKind::Waste, 7), Ok(counts(3, 3, 2)));
        assert_eq!(apply(c, MovementKind::Return, 8), Err(Refused::OutOfStock { asked: 8, free: 7 }));
        assert_eq!(apply(c, MovementKind::Quarantine, 0), Ok(c));
        assert_eq!(apply(c, MovementKind::Waste, 0), Err(Refused::Zero));
    }

    #[test]
    fn r_stock_2_the_last_unit_goes_once() {
        let last = counts(1, 0, 0);
        let after = apply(last, MovementKind::Implant, 1).unwrap();
        assert_eq!(after.quantity, 0);
        assert_eq!(apply(after, MovementKind::Implant, 1), Err(Refused::OutOfStock { asked: 1, free: 0 }));
    }

    proptest! {
        /// R-STOCK-2: whatever the movements, no count goes below zero and a
        /// lot never holds more reserved than it has.
        #[test]
        fn r_stock_2_no_sequence_of_movements_goes_negative(
            moves in proptest::collection::vec((0usize..8, 0u32..6), 0..60)
        ) {
            let mut c = counts(5, 0, 0);
            for (k, n) in moves {
                if let Ok(next) = apply(c, MovementKind::ALL[k], n) {
                    c = next;
                }
                prop_assert!(c.reserved <= c.quantity && c.for_case <= c.reserved, "{c:?}");
            }
        }
    }

    #[test]
    fn r_stock_2_a_voided_implant_puts_its_units_back_or_wastes_them() {
        use super::super::trace::VoidTo;
        let c = counts(2, 1, 0);
        assert_eq!(apply_void(c, VoidTo::Shelf, 1), Ok(counts(3, 1, 0)));
        assert_eq!(apply_void(c, VoidTo::Waste, 1), Ok(c));
        assert_eq!(apply_void(c, VoidTo::Shelf, 0), Err(Refused::Zero));
    }
}
