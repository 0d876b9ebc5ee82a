//! Conflicts on the block schedule (R-BLOCK-3). For now one check: the same
//! operator in two cases at once. The full conflict check of R-BLOCK-3 (room,
//! anaesthetist, patient, bed, stock, fasting, anaesthesia gate) adds its
//! checks here, one function each, over the same [`BookedCase`] rows.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

/// A case as the schedule holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BookedCase {
    pub case_id: i64,
    pub operator_id: i64,
    pub start: DateTime<Utc>,
    /// Minutes the case lasts.
    pub minutes: u32,
}

impl BookedCase {
    /// `[start, end)`: a case ending at 10:00 does not overlap one starting at 10:00.
    pub fn end(&self) -> DateTime<Utc> {
        self.start.checked_add_signed(TimeDelta::minutes(i64::from(self.minutes))).unwrap_or(self.start)
    }
}

/// Two cases of one operator that overlap in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OperatorOverlap {
    pub operator_id: i64,
    /// The earlier case (by start, then id), and the one that overlaps it.
    pub first: BookedCase,
    pub second: BookedCase,
}

/// R-BLOCK-3 (operator overlap): every pair of `cases` with the same operator
/// whose `[start, start + minutes)` intersect. Turnover (R-BLOCK-2) is a
/// room's, not an operator's, so it is not added. Sorted by operator then
/// start; never panics.
pub fn operator_overlaps(cases: &[BookedCase]) -> Vec<OperatorOverlap> {
    let mut sorted: Vec<BookedCase> = cases.to_vec();
    sorted.sort_by_key(|c| (c.operator_id, c.start, c.case_id));
    let mut out = Vec::new();
    for (i, first) in sorted.iter().enumerate() {
        for second in sorted[i + 1..].iter().take_while(|c| c.operator_id == first.operator_id) {
            if second.start >= first.end() {
                break;
            }
            out.push(OperatorOverlap { operator_id: first.operator_id, first: *first, second: *second });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap()
    }

    fn case(case_id: i64, operator_id: i64, start: DateTime<Utc>, minutes: u32) -> BookedCase {
        BookedCase { case_id, operator_id, start, minutes }
    }

    /// R-BLOCK-3: Dr Lemaire in two rooms at 10:00 is a conflict; back to back is not.
    #[test]
    fn r_block_3_one_operator_in_two_cases_at_once() {
        let cases = [
            case(1, 7, at(10, 0), 90),
            case(2, 7, at(10, 0), 120),
            case(3, 8, at(10, 0), 90),
            case(4, 7, at(12, 0), 60),
            case(5, 8, at(11, 30), 60),
        ];
        let found: Vec<_> = operator_overlaps(&cases).iter().map(|o| (o.first.case_id, o.second.case_id)).collect();
        assert_eq!(found, [(1, 2)]);
        // Case 2 ends at 12:00 exactly: case 4 starting then is not an overlap.
        assert_eq!(case(2, 7, at(10, 0), 120).end(), at(12, 0));
    }

    proptest! {
        /// R-BLOCK-3: the sweep finds exactly the pairs a brute-force search finds.
        #[test]
        fn r_block_3_operator_overlaps_match_brute_force(
            raw in proptest::collection::vec((0i64..3, 0i64..600, 1u32..200), 0..25),
        ) {
            let cases: Vec<_> = raw
                .iter()
                .enumerate()
                .map(|(i, (op, start, minutes))| case(i as i64, *op, at(6, 0) + TimeDelta::minutes(*start), *minutes))
                .collect();
            let mut brute = Vec::new();
            for a in &cases {
                for b in &cases {
                    let ordered = (a.start, a.case_id) < (b.start, b.case_id);
                    if ordered && a.operator_id == b.operator_id && a.start < b.end() && b.start < a.end() {
                        brute.push((a.case_id.min(b.case_id), a.case_id.max(b.case_id)));
                    }
                }
            }
            let mut found: Vec<_> = operator_overlaps(&cases)
                .iter()
                .map(|o| (o.first.case_id.min(o.second.case_id), o.first.case_id.max(o.second.case_id)))
                .collect();
            brute.sort_unstable();
            found.sort_unstable();
            prop_assert_eq!(found, brute);
        }
    }
}
