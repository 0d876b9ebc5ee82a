//! R-DO-8: a hexapod prescription read from text, as the planning software
//! prints it and as a nurse types it, one line each:
//!
//! ```text
//! plan,5,1                              correction mm, rate mm/day
//! strut,1,red,medium,151,251            strut, colour, size, catalogue min and max mm
//! day,2026-12-01,160,170,180,190,200,170  the day, then struts 1 to 6 in mm
//! change,2026-12-04,6,long,191,291      a strut changed for another size from that day
//! ```
//!
//! Lines starting with `#` and blank lines are skipped, words are read
//! without regard to case, days are `2026-12-01` or `01/12/2026`. A line
//! with `;` is split on `;` and reads `,` as the decimal mark (a French
//! spreadsheet's export). Every fault names its line.

use super::alerts::fmt_mm_data as fmt_mm;
use super::hexapod::{DayLengths, HexapodPlan, STRUTS, StrutColour, StrutFit};
use chrono::NaiveDate;

/// The lines a table holds, in the file's own words (the same in every language).
const FORMAT: &str = "plan,MM,MM_PER_DAY / strut,N,COLOUR,SIZE,MIN,MAX / day,DATE,L1..L6 / change,DATE,N,SIZE,MIN,MAX"; // i18n: the file format

fn day(text: &str) -> Option<NaiveDate> {
    crate::domain::day_label::parse_day(text).ok()
}

/// A number of the table; a comma is a decimal comma only in a table
/// whose fields are separated by `;` (a comma splits fields otherwise).
fn number(text: &str, decimal_comma: bool) -> Option<f64> {
    if !decimal_comma && text.contains(',') {
        return None;
    }
    crate::domain::decimal::parse(text)
}

/// `line N: why`, in the language in force.
fn at_line(line: usize, why: std::borrow::Cow<'_, str>) -> String {
    tr!("prescription-table-line", line = line, why = why).into_owned()
}

/// Reads a prescription from `text` and checks it (R-DO-8). The error
/// names the line (1-based) and what to write there, or why the table
/// cannot be ([`HexapodPlan::check`]), in the language in force; the
/// lines' words (`plan`, `strut`, `red`…) are the file's, in every language.
pub fn read(text: &str) -> Result<HexapodPlan, String> {
    let mut header: Option<(f64, f64)> = None;
    let mut fits = Vec::new();
    let mut days = Vec::new();
    let mut first_fits: Vec<(usize, u8, StrutColour, String, f64, f64)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.trim().trim_start_matches('\u{feff}');
        if raw.is_empty() || raw.starts_with('#') {
            continue;
        }
        let decimal_comma = raw.contains(';');
        let fields: Vec<&str> = raw.split(if decimal_comma { ';' } else { ',' }).map(str::trim).collect();
        let fault = |why| at_line(line, why);
        let want = |n: usize, shape: &str| {
            if fields.len() == n {
                Ok(())
            } else {
                Err(fault(tr!("prescription-table-count", count = fields.len(), shape = shape, want = n)))
            }
        };
        let num = |k: usize, what: std::borrow::Cow<'static, str>| {
            number(fields[k], decimal_comma)
                .ok_or_else(|| fault(tr!("prescription-table-not-mm", what = what, value = format!("{:?}", fields[k]))))
        };
        let strut_no = |k: usize| {
            fields[k].parse::<u8>().ok().filter(|n| (1..=STRUTS).contains(n)).ok_or_else(|| {
                fault(tr!("prescription-table-not-a-strut", value = format!("{:?}", fields[k]), max = STRUTS))
            })
        };
        let date = |k: usize| {
            day(fields[k]).ok_or_else(|| fault(tr!("prescription-table-not-a-day", value = format!("{:?}", fields[k]))))
        };
        match fields[0].to_lowercase().as_str() {
            "plan" => {
                want(3, "plan,CORRECTION_MM,RATE_MM_PER_DAY")?; // i18n: the line's format
                if header.is_some() {
                    return Err(fault(tr!("prescription-table-second-plan")));
                }
                header = Some((
                    num(1, tr!("prescription-table-what-correction"))?,
                    num(2, tr!("prescription-table-what-rate"))?,
                ));
            }
            "strut" => {
                want(6, "strut,N,COLOUR,SIZE,MIN_MM,MAX_MM")?; // i18n: the line's format
                let strut = strut_no(1)?;
                let colour = StrutColour::read(fields[2]).ok_or_else(|| {
                    fault(tr!(
                        "prescription-table-not-a-colour",
                        value = format!("{:?}", fields[2]),
                        colours = StrutColour::codes_text()
                    ))
                })?;
                if fields[3].is_empty() {
                    return Err(fault(tr!("prescription-table-no-size", strut = strut)));
                }
                first_fits.push((
                    line,
                    strut,
                    colour,
                    fields[3].to_string(),
                    num(4, tr!("prescription-table-what-minimum"))?,
                    num(5, tr!("prescription-table-what-maximum"))?,
                ));
            }
            "change" => {
                want(6, "change,DATE,N,SIZE,MIN_MM,MAX_MM")?; // i18n: the line's format
                let (from_day, strut) = (date(1)?, strut_no(2)?);
                let colour = first_fits
                    .iter()
                    .find(|f| f.1 == strut)
                    .map(|f| f.2)
                    .ok_or_else(|| fault(tr!("prescription-table-changed-first", strut = strut)))?;
                fits.push(StrutFit {
                    strut,
                    from_day,
                    colour,
                    size: fields[3].to_string(),
                    min_mm: num(4, tr!("prescription-table-what-minimum"))?,
                    max_mm: num(5, tr!("prescription-table-what-maximum"))?,
                });
            }
            "day" => {
                want(2 + usize::from(STRUTS), "day,DATE,L1,L2,L3,L4,L5,L6")?; // i18n: the line's format
                let mut lengths = [0.0; STRUTS as usize];
                for (k, slot) in lengths.iter_mut().enumerate() {
                    *slot = num(2 + k, tr!("prescription-table-what-length", strut = k + 1))?;
                }
                days.push(DayLengths { day: date(1)?, lengths });
            }
            // The planning software's column titles.
            "date" | "kind" => {}
            other => {
                let value = format!("{other:?}");
                return Err(fault(tr!("prescription-table-unknown-line", value = value, format = FORMAT)));
            }
        }
    }
    let (correction_mm, rate_mm_day) = header.ok_or_else(|| tr!("prescription-table-no-plan").into_owned())?;
    let first = days.first().map(|d| d.day).ok_or_else(|| tr!("prescription-table-no-day").into_owned())?;
    for (line, strut, ..) in &first_fits {
        if first_fits.iter().filter(|f| f.1 == *strut).count() > 1 {
            return Err(at_line(*line, tr!("prescription-table-twice", strut = *strut)));
        }
    }
    fits.extend(first_fits.into_iter().map(|(_, strut, colour, size, min_mm, max_mm)| StrutFit {
        strut,
        from_day: first,
        colour,
        size,
        min_mm,
        max_mm,
    }));
    let plan = HexapodPlan { correction_mm, rate_mm_day, fits, days };
    plan.check()?;
    Ok(plan)
}

/// The prescription as [`read`] reads it back, for printing and keeping.
pub fn write(plan: &HexapodPlan) -> String {
    let mut out = format!("plan,{},{}\n", fmt_mm(plan.correction_mm), fmt_mm(plan.rate_mm_day));
    let first = plan.first_day();
    let mut firsts: Vec<&StrutFit> = plan.fits.iter().filter(|f| Some(f.from_day) == first).collect();
    firsts.sort_by_key(|f| f.strut);
    for f in firsts {
        out.push_str(&format!(
            "strut,{},{},{},{},{}\n",
            f.strut,
            f.colour.code(),
            f.size,
            fmt_mm(f.min_mm),
            fmt_mm(f.max_mm)
        ));
    }
    for row in &plan.days {
        let lengths: Vec<String> = row.lengths.iter().map(|l| fmt_mm(*l)).collect();
        out.push_str(&format!("day,{},{}\n", row.day, lengths.join(",")));
    }
    for f in plan.changes() {
        out.push_str(&format!(
            "change,{},{},{},{},{}\n",
            f.from_day,
            f.strut,
            f.size,
            fmt_mm(f.min_mm),
            fmt_mm(f.max_mm)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::hexapod::tests::plan;
    use super::*;

    #[test]
    fn r_do_8_a_printed_prescription_reads_back_the_same() {
        let plan = plan();
        let text = write(&plan);
        let mut back = read(&text).unwrap();
        back.fits.sort_by_key(|f| (f.from_day, f.strut));
        let mut want = plan.clone();
        want.fits.sort_by_key(|f| (f.from_day, f.strut));
        assert_eq!(back, want);
    }

    /// Found in use (issue 14): printed under French, the table took decimal
    /// commas inside its comma-separated lines and could not be read back.
    #[test]
    fn r_do_8_a_table_printed_in_french_reads_back_the_same() {
        let _french = crate::i18n::scope(crate::domain::language::Language::Fr);
        let mut plan = plan();
        plan.days[1].lengths[0] = 161.5;
        let text = write(&plan);
        assert!(text.contains(",161.5,"), "{text}");
        assert_eq!(text, {
            let _english = crate::i18n::scope(crate::domain::language::Language::En);
            write(&plan)
        });
        assert_eq!(read(&text).unwrap().fits.len(), plan.fits.len());
    }

    #[test]
    fn r_do_8_a_french_spreadsheet_export_is_read() {
        let text = write(&plan()).replace(',', ";").replace("plan;5;1", "# exporté\nplan;5,0;1,0");
        assert_eq!(read(&text).unwrap().correction_mm, 5.0);
    }

    /// The refusal of the example table with line `k` (0-based) replaced.
    fn with(k: usize, replacement: &str) -> String {
        let good = write(&plan());
        let mut lines: Vec<&str> = good.lines().collect();
        lines[k] = replacement;
        read(&lines.join("\n")).unwrap_err()
    }

    #[test]
    fn r_do_8_each_fault_names_its_line() {
        assert_eq!(
            with(1, "strut,1,pink,medium,151,251"),
            "line 2: \"pink\" is not a strut colour; use one of: red, orange, yellow, green, blue, purple"
        );
        assert_eq!(with(1, "strut,9,red,medium,151,251"), "line 2: strut \"9\" is not a strut; struts are 1 to 6");
        assert!(
            with(7, "day,2026-12-01,160,170,180,190,200")
                .starts_with("line 8: 7 values where day,DATE,L1,L2,L3,L4,L5,L6 has 8")
        );
        assert!(with(7, "day,31/02/2026,160,170,180,190,200,170").starts_with("line 8: \"31/02/2026\" is not a day"));
        assert!(with(7, "day,2026-12-01,160,x,180,190,200,170").starts_with("line 8: strut 2's length \"x\""));
        assert!(with(0, "hello").starts_with("line 1: \"hello\" is not a line this reads"));
        assert_eq!(
            read("").unwrap_err(),
            "no plan line; begin with `plan,CORRECTION_MM,RATE_MM_PER_DAY` from the printout"
        );
        // The table's own faults come after (R-DO-8).
        assert!(with(0, "plan,17,1").contains("which takes 17"));
    }

    /// Issue 14: each fault in French; the file's own words (`plan`,
    /// `strut`, the colour codes, the line formats) stay as the file has them.
    #[test]
    fn r_do_8_each_fault_is_said_in_french() {
        let _fr = crate::i18n::scope(crate::domain::language::Language::Fr);
        assert_eq!(
            with(1, "strut,1,pink,medium,151,251"),
            "ligne 2\u{a0}: \"pink\" n'est pas une couleur de vérin\u{a0}; écrivez l'un de ces codes\u{a0}: \
             red, orange, yellow, green, blue, purple"
        );
        assert_eq!(
            with(1, "strut,9,red,medium,151,251"),
            "ligne 2\u{a0}: le vérin \"9\" n'existe pas\u{a0}; les vérins vont de 1 à 6"
        );
        assert_eq!(
            with(7, "day,2026-12-01,160,170,180,190,200"),
            "ligne 8\u{a0}: 7 valeurs là où day,DATE,L1,L2,L3,L4,L5,L6 en a 8\u{a0}; \
             écrivez `day,DATE,L1,L2,L3,L4,L5,L6`"
        );
        assert!(
            with(7, "day,31/02/2026,160,170,180,190,200,170")
                .starts_with("ligne 8\u{a0}: \"31/02/2026\" n'est pas un jour")
        );
        assert_eq!(
            with(7, "day,2026-12-01,160,x,180,190,200,170"),
            "ligne 8\u{a0}: la longueur du vérin 2, \"x\", n'est pas un nombre de mm"
        );
        assert!(with(0, "hello").starts_with("ligne 1\u{a0}: \"hello\" n'est pas une ligne que ce programme lit"));
        assert!(with(0, "plan").contains("1 valeur là où"), "{}", with(0, "plan"));
        assert_eq!(
            read("").unwrap_err(),
            "pas de ligne plan\u{a0}; commencez par `plan,CORRECTION_MM,RATE_MM_PER_DAY` de l'impression"
        );
        let twice = write(&plan()).replacen("strut,2,", "strut,1,", 1);
        assert!(
            read(&twice)
                .unwrap_err()
                .ends_with("le vérin 1 est donné deux fois\u{a0}; un changement de vérin est une ligne `change`")
        );
    }
}
