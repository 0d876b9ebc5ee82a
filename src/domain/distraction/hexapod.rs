//! R-DO-8: a hexapod frame's prescription (Taylor Spatial Frame and its
//! kin): six struts, each with its colour and catalogue size, and a day ×
//! strut table of lengths that the planning software prints. The first
//! day of the table is the frame as it stands; each later day, every strut
//! whose length changes is adjusted to that length, in the order 1 to 6.
//!
//! Plain types and checks: a table that cannot be (its days do not agree
//! with the correction at its rate, a strut outside its catalogue range,
//! a gap in its days) is refused here, before anything is stored.

use crate::domain::worded::worded;
use chrono::NaiveDate;
use serde::Serialize;

/// Struts on a hexapod frame.
pub const STRUTS: u8 = 6;

/// Lengths closer than this are the same length (lengths are printed to 0.1 mm).
pub const SAME_MM: f64 = 0.05;

worded! {
    /// R-DO-8: the colour that identifies a strut on the frame.
    StrutColour {
        Red = "red", "rounds-strut-colour-red";
        Orange = "orange", "rounds-strut-colour-orange";
        Yellow = "yellow", "rounds-strut-colour-yellow";
        Green = "green", "rounds-strut-colour-green";
        Blue = "blue", "rounds-strut-colour-blue";
        Purple = "purple", "rounds-strut-colour-purple";
    }
}

impl StrutColour {
    /// The colour a strut number has on a Taylor Spatial Frame (1 red … 6 purple).
    pub fn usual(strut: u8) -> Option<StrutColour> {
        StrutColour::ALL.get(usize::from(strut).checked_sub(1)?).copied()
    }

    /// Its initial on the strut sheet's header (`r`; two letters in
    /// French, where green and purple both begin with a v).
    pub fn initial(self) -> std::borrow::Cow<'static, str> {
        crate::i18n::attr(crate::i18n::language(), self.label_id(), "initial")
    }

    /// Reads a colour as printed, ignoring case; `violet` is purple.
    pub fn read(text: &str) -> Option<StrutColour> {
        let text = text.trim().to_lowercase();
        if text == "violet" {
            return Some(StrutColour::Purple);
        }
        StrutColour::from_code(&text)
    }
}

/// One strut as fitted from a day: the first day of the table, or the day
/// of a strut change (a strut of another size put in its place).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrutFit {
    /// 1 to 6.
    pub strut: u8,
    pub from_day: NaiveDate,
    pub colour: StrutColour,
    /// The catalogue size as printed (`short`, `medium`, `XL`…).
    pub size: String,
    /// The catalogue range, in mm.
    pub min_mm: f64,
    pub max_mm: f64,
}

impl StrutFit {
    pub fn contains(&self, mm: f64) -> bool {
        mm >= self.min_mm - SAME_MM / 2.0 && mm <= self.max_mm + SAME_MM / 2.0
    }

    /// `3 (yellow, short 116–176 mm)`.
    pub fn label(&self) -> String {
        tr!(
            "rounds-strut-fit",
            strut = self.strut,
            colour = self.colour.label(),
            size = self.size.as_str(),
            min = super::alerts::fmt_mm(self.min_mm),
            max = super::alerts::fmt_mm(self.max_mm)
        )
        .into_owned()
    }
}

/// One day of the table: each strut's length in mm, strut 1 first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayLengths {
    pub day: NaiveDate,
    pub lengths: [f64; STRUTS as usize],
}

/// A hexapod prescription as the planning software gives it (R-DO-8).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HexapodPlan {
    /// The correction at the structure at risk, in mm.
    pub correction_mm: f64,
    /// Its rate, in mm/day.
    pub rate_mm_day: f64,
    /// Each strut's first fit, then strut changes, any order.
    pub fits: Vec<StrutFit>,
    /// The table, day by day, first day first.
    pub days: Vec<DayLengths>,
}

/// The days a correction takes at a rate: whole days, the last one partial.
pub fn days_needed(correction_mm: f64, rate_mm_day: f64) -> usize {
    ((correction_mm / rate_mm_day) - 1e-9).ceil().max(1.0) as usize
}

fn day_text(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

impl HexapodPlan {
    /// The fit of `strut` (1-based) in force on `day`: the latest change on
    /// or before it.
    pub fn fit_on(&self, strut: u8, day: NaiveDate) -> Option<&StrutFit> {
        self.fits.iter().filter(|f| f.strut == strut && f.from_day <= day).max_by_key(|f| f.from_day)
    }

    /// The strut changes (fits after the first day), by day then strut.
    pub fn changes(&self) -> Vec<&StrutFit> {
        let first = self.first_day();
        let mut out: Vec<&StrutFit> = self.fits.iter().filter(|f| Some(f.from_day) != first).collect();
        out.sort_by_key(|f| (f.from_day, f.strut));
        out
    }

    pub fn first_day(&self) -> Option<NaiveDate> {
        self.days.first().map(|d| d.day)
    }

    pub fn last_day(&self) -> Option<NaiveDate> {
        self.days.last().map(|d| d.day)
    }

    /// The row of `day`, with the one before it (none for the first day).
    pub fn row(&self, day: NaiveDate) -> Option<(Option<&DayLengths>, &DayLengths)> {
        let i = self.days.iter().position(|d| d.day == day)?;
        Some((i.checked_sub(1).map(|j| &self.days[j]), &self.days[i]))
    }

    /// The struts (1-based) to adjust on `day`, in the order 1 to 6: those
    /// whose length changes from the day before, or that are changed for
    /// another size that day. None on the first day or a day off the table.
    pub fn struts_due(&self, day: NaiveDate) -> Vec<u8> {
        let Some((Some(before), row)) = self.row(day) else { return Vec::new() };
        (1..=STRUTS)
            .filter(|&s| {
                let i = usize::from(s - 1);
                (row.lengths[i] - before.lengths[i]).abs() >= SAME_MM
                    || self.fits.iter().any(|f| f.strut == s && f.from_day == day)
            })
            .collect()
    }

    /// The prescribed length of `strut` (1-based) on `day`, in mm.
    pub fn length(&self, strut: u8, day: NaiveDate) -> Option<f64> {
        let (_, row) = self.row(day)?;
        row.lengths.get(usize::from(strut).checked_sub(1)?).copied()
    }

    /// Adjustment days: every day of the table after the first.
    pub fn adjustment_days(&self) -> usize {
        self.days.len().saturating_sub(1)
    }

    /// R-DO-8: why this table cannot be, or nothing. Each message names the
    /// strut or day, the cause, and what to check.
    pub fn check(&self) -> Result<(), String> {
        if !(self.correction_mm > 0.0 && self.correction_mm.is_finite()) {
            return Err(tr!("rounds-table-no-correction").into_owned());
        }
        if !(self.rate_mm_day > 0.0 && self.rate_mm_day.is_finite()) {
            return Err(tr!("rounds-table-no-rate").into_owned());
        }
        let Some(first) = self.first_day() else {
            return Err(tr!("rounds-table-no-day").into_owned());
        };
        if self.days.len() < 2 {
            return Err(tr!("rounds-table-first-day-only").into_owned());
        }
        for pair in self.days.windows(2) {
            let next = pair[0].day.succ_opt();
            if next != Some(pair[1].day) {
                return Err(if pair[1].day <= pair[0].day {
                    tr!("rounds-table-out-of-order", day = day_text(pair[1].day), before = day_text(pair[0].day))
                } else {
                    tr!("rounds-table-gap", from = day_text(pair[0].day), to = day_text(pair[1].day))
                }
                .into_owned());
            }
        }
        let needed = days_needed(self.correction_mm, self.rate_mm_day);
        if self.adjustment_days() != needed {
            return Err(tr!(
                "rounds-table-days",
                days = self.adjustment_days(),
                mm = super::alerts::fmt_mm(self.correction_mm),
                rate = super::alerts::fmt_mm(self.rate_mm_day),
                needed = needed
            )
            .into_owned());
        }
        let mut colours = Vec::new();
        for strut in 1..=STRUTS {
            let Some(fit) = self.fits.iter().find(|f| f.strut == strut && f.from_day == first) else {
                return Err(tr!("rounds-table-no-size", strut = strut, day = day_text(first)).into_owned());
            };
            if colours.contains(&fit.colour) {
                return Err(tr!("rounds-table-same-colour", colour = fit.colour.label()).into_owned());
            }
            colours.push(fit.colour);
        }
        for fit in &self.fits {
            if !(1..=STRUTS).contains(&fit.strut) {
                return Err(tr!("rounds-refusal-no-strut", strut = fit.strut, struts = STRUTS).into_owned());
            }
            if !(fit.min_mm > 0.0 && fit.max_mm > fit.min_mm) {
                return Err(tr!(
                    "rounds-table-range",
                    strut = fit.strut,
                    min = super::alerts::fmt_mm(fit.min_mm),
                    max = super::alerts::fmt_mm(fit.max_mm)
                )
                .into_owned());
            }
            if fit.from_day != first && self.row(fit.from_day).is_none() {
                return Err(tr!(
                    "rounds-table-change-off-table",
                    strut = fit.strut,
                    day = day_text(fit.from_day),
                    first = day_text(first),
                    last = self.last_day().map(day_text).unwrap_or_default()
                )
                .into_owned());
            }
            if self.fits.iter().filter(|f| f.strut == fit.strut && f.from_day == fit.from_day).count() > 1 {
                return Err(tr!("rounds-table-twice", strut = fit.strut, day = day_text(fit.from_day)).into_owned());
            }
        }
        if (1..self.days.len()).all(|i| self.struts_due(self.days[i].day).is_empty()) {
            return Err(tr!("rounds-table-no-change").into_owned());
        }
        for row in &self.days {
            for strut in 1..=STRUTS {
                let mm = row.lengths[usize::from(strut - 1)];
                let fit = self.fit_on(strut, row.day).expect("every strut has its first fit");
                if !(mm > 0.0 && mm.is_finite()) {
                    return Err(tr!("rounds-table-no-length", strut = strut, day = day_text(row.day)).into_owned());
                }
                if !fit.contains(mm) {
                    return Err(tr!(
                        "rounds-table-out-of-range",
                        strut = fit.label(),
                        mm = super::alerts::fmt_mm(mm),
                        day = day_text(row.day)
                    )
                    .into_owned());
                }
            }
        }
        Ok(())
    }
}

/// The site's limit on one strut's change in a day, in mm (R-DO-8).
pub const STRUT_MAX_MM_DAY: &str = "do.strut_max_mm_day";

impl HexapodPlan {
    /// R-DO-8: a strut moved more than `max_mm_day` in one day (a length
    /// mistyped, a day left out of the printout), named with its day, or
    /// nothing.
    pub fn check_pace(&self, max_mm_day: f64) -> Result<(), String> {
        for pair in self.days.windows(2) {
            for strut in 1..=STRUTS {
                let i = usize::from(strut - 1);
                let step = (pair[1].lengths[i] - pair[0].lengths[i]).abs();
                let changed = self.fits.iter().any(|f| f.strut == strut && f.from_day == pair[1].day);
                if step > max_mm_day + SAME_MM / 2.0 && !changed {
                    return Err(tr!(
                        "rounds-table-pace",
                        strut = strut,
                        mm = super::alerts::fmt_mm(step),
                        from = day_text(pair[0].day),
                        to = day_text(pair[1].day),
                        max = super::alerts::fmt_mm(max_mm_day)
                    )
                    .into_owned());
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    /// A 5 mm correction at 1 mm/day from 01/12: struts 1–6 lengthen by a
    /// millimetre a day (strut 3 shortens), strut 6 is changed on 04/12.
    pub fn plan() -> HexapodPlan {
        let fit = |strut: u8, from_day, size: &str, min_mm, max_mm| StrutFit {
            strut,
            from_day,
            colour: StrutColour::usual(strut).unwrap(),
            size: size.into(),
            min_mm,
            max_mm,
        };
        let mut fits: Vec<StrutFit> = (1..=6).map(|s| fit(s, d(12, 1), "medium", 151.0, 251.0)).collect();
        fits[5] = fit(6, d(12, 1), "short", 116.0, 176.0);
        fits.push(fit(6, d(12, 4), "medium", 151.0, 251.0));
        let days = (0..6)
            .map(|i| {
                let k = f64::from(i);
                DayLengths {
                    day: d(12, 1 + i),
                    lengths: [160.0 + k, 170.0 + k, 180.0 - k, 190.0, 200.0 + k, 170.0 + k],
                }
            })
            .collect();
        HexapodPlan { correction_mm: 5.0, rate_mm_day: 1.0, fits, days }
    }

    #[test]
    fn r_do_8_a_table_that_agrees_is_accepted() {
        let plan = plan();
        assert_eq!(plan.check(), Ok(()));
        assert_eq!(plan.adjustment_days(), 5);
        // Strut 4 does not move; strut 6 moves and is changed on 04/12.
        assert_eq!(plan.struts_due(d(12, 2)), vec![1, 2, 3, 5, 6]);
        assert!(plan.struts_due(d(12, 1)).is_empty(), "the first day is the frame as it stands");
        assert_eq!(plan.fit_on(6, d(12, 3)).unwrap().size, "short");
        assert_eq!(plan.fit_on(6, d(12, 4)).unwrap().size, "medium");
        assert_eq!(plan.length(3, d(12, 6)), Some(175.0));
    }

    #[test]
    fn r_do_8_seventeen_days_for_five_mm_is_refused() {
        let mut plan = plan();
        let last = plan.days.last().unwrap().clone();
        for i in 1..=12 {
            plan.days.push(DayLengths { day: last.day + chrono::Days::new(i), lengths: last.lengths });
        }
        let err = plan.check().unwrap_err();
        assert_eq!(
            err,
            "the table has 17 days of adjustment for a 5 mm correction at 1 mm/day, which takes 5; \
             check the printout's correction, rate and days"
        );
        assert_eq!(days_needed(5.0, 0.75), 7);
        assert_eq!(days_needed(4.5, 1.5), 3);
    }

    #[test]
    fn r_do_8_a_strut_outside_its_catalogue_range_is_refused() {
        let mut plan = plan();
        plan.fits.retain(|f| !(f.strut == 6 && f.from_day == d(12, 4)));
        plan.days[5].lengths[5] = 180.0; // 170 + 5 would still fit
        let err = plan.check().unwrap_err();
        assert!(
            err.starts_with("strut 6 (purple, short 116–176 mm) is 180 mm on 06/12/2026: outside its catalogue range"),
            "{err}"
        );
    }

    #[test]
    fn r_do_8_gaps_order_colours_and_missing_struts_are_refused() {
        let mut gap = plan();
        gap.days[3].day = d(12, 9);
        assert!(gap.check().unwrap_err().contains("jumps from 03/12/2026 to 09/12/2026"));
        let mut back = plan();
        back.days[3].day = d(12, 3);
        assert!(back.check().unwrap_err().contains("days go in order"));
        let mut colour = plan();
        colour.fits[1].colour = StrutColour::Red;
        assert_eq!(colour.check().unwrap_err(), "two struts are red; each strut has its own colour, as on the frame");
        let mut missing = plan();
        missing.fits.remove(2);
        assert!(missing.check().unwrap_err().starts_with("strut 3 has no size on 01/12/2026"));
        let mut off = plan();
        off.fits[6].from_day = d(12, 20);
        assert!(off.check().unwrap_err().contains("a day not in the table"));
        let mut range = plan();
        range.fits[0].max_mm = 100.0;
        assert!(range.check().unwrap_err().contains("cannot be"));
    }

    #[test]
    fn r_do_8_a_strut_that_jumps_or_a_table_that_never_moves_is_refused() {
        let mut jump = plan();
        jump.days[2].lengths[0] = 200.0;
        assert_eq!(
            jump.check_pace(3.0).unwrap_err(),
            "strut 1 moves 39 mm from 02/12/2026 to 03/12/2026, more than 3 mm in a day; check the printout's lengths"
        );
        assert_eq!(plan().check_pace(3.0), Ok(()));
        let mut still = plan();
        let first = still.days[0].lengths;
        for row in &mut still.days {
            row.lengths = first;
        }
        still.fits.retain(|f| f.from_day == d(12, 1));
        assert_eq!(still.check().unwrap_err(), "no strut changes length in the table; check the printout's lengths");
    }

    #[test]
    fn colours_read_as_printed() {
        assert_eq!(StrutColour::read(" Violet "), Some(StrutColour::Purple));
        assert_eq!(StrutColour::read("GREEN"), Some(StrutColour::Green));
        assert_eq!(StrutColour::usual(1), Some(StrutColour::Red));
        assert_eq!(StrutColour::usual(7), None);
    }
}
