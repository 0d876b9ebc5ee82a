//! `periop hexapod` (R-DO-8): a patient's strut sheet, day × strut, with the
//! adjustments logged and what they call for; `import` records a
//! (re-)planned prescription, `adjust` logs struts. A void revision prints
//! as void at its top and its foot.

use super::args::{HexapodAction, ListFormat};
use crate::domain::distraction::alerts::fmt_mm;
use crate::domain::distraction::hexapod::{HexapodPlan, STRUTS};
use crate::domain::distraction::hexapod_csv;
use crate::domain::distraction::hexapod_log;
use crate::domain::settings::Settings;
use crate::domain::ward_time;
use crate::store::Store;
use crate::store::distraction::DistractionCase;
use crate::store::hexapod::{NewAdjustment, Revision};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use color_eyre::Result;
use color_eyre::eyre::eyre;
use std::fmt::Write;

/// What `periop hexapod` was asked.
pub struct Asked<'a> {
    pub patient: Option<&'a str>,
    pub case_id: Option<i64>,
    pub revision: Option<u32>,
    pub format: ListFormat,
}

/// Reads `--set 3=162.5` (or `3:162.5`, a decimal comma allowed).
pub fn strut_setting(text: &str) -> Result<(u8, f64)> {
    let bad = || eyre!("--set {text:?} is not STRUT=MM; write it like --set 3=162.5");
    let (strut, mm) = text.split_once(['=', ':']).ok_or_else(bad)?;
    let strut: u8 =
        strut.trim().parse().ok().filter(|n| (1..=STRUTS).contains(n)).ok_or_else(|| {
            eyre!("--set {text:?}: strut {:?} is not a strut; struts are 1 to {STRUTS}", strut.trim())
        })?;
    let mm: f64 = mm.trim().replace(',', ".").parse().ok().filter(|n: &f64| n.is_finite()).ok_or_else(bad)?;
    Ok((strut, mm))
}

/// `periop hexapod …`.
pub fn run(store: &mut Store, asked: Asked<'_>, action: Option<HexapodAction>, now: DateTime<Utc>) -> Result<String> {
    let zone = store.zone();
    let today = ward_time::local_day(now, zone);
    match action {
        None => {
            let patient = asked.patient.ok_or_else(|| eyre!("say whose sheet: --patient HOSPITAL_NUMBER"))?;
            let case = super::distraction_commands::case_of(store, patient, asked.case_id)?;
            let revisions = store.hexapod_revisions(case.id).map_err(|e| store.explain(e))?;
            let revision = pick(&revisions, asked.revision, &case)?;
            Ok(match asked.format {
                ListFormat::Text => sheet_text(&case, revision, revisions.len(), now, zone, store.settings()),
                ListFormat::Csv => hexapod_csv::write(&revision.sheet.plan),
                ListFormat::Json => serde_json::to_string_pretty(&serde_json::json!({
                    "schema": 1,
                    "case_id": case.id,
                    "hospital_number": case.hospital_number,
                    "revision": revision.sheet.revision,
                    "void": revision.sheet.void,
                    "plan": revision.sheet.plan,
                    "log": revision.sheet.log,
                    "flags": if revision.sheet.void { Vec::new() } else {
                        hexapod_log::flags(&revision.sheet.plan, &revision.sheet.log, now, zone, store.settings())
                    },
                }))?,
            })
        }
        Some(HexapodAction::Import { patient, case_id, file, note }) => {
            let text = if file == "-" {
                std::io::read_to_string(std::io::stdin()).map_err(|e| eyre!("reading standard input: {e}"))?
            } else {
                std::fs::read_to_string(&file)
                    .map_err(|e| eyre!("{file}: {e}; give the path of the table the planning software saved"))?
            };
            let plan = hexapod_csv::read(&text).map_err(|why| eyre!("{file}: {why} (R-DO-8)"))?;
            let case = super::distraction_commands::case_of(store, &patient, case_id)?;
            let source = if file == "-" { "typed".to_string() } else { file_name(&file) };
            let (_, revision) =
                store.record_hexapod(now, case.id, &plan, &source, &note).map_err(|e| store.explain(e))?;
            let mut out =
                format!("recorded hexapod prescription revision {revision} for {}: {}", case.patient, plan_line(&plan));
            if revision > 1 {
                let _ = write!(out, "\nrevision {} is void from now on (R-DO-8)", revision - 1);
            }
            let rx = &case.prescription;
            if let Some(w) = rx.rate_warning(plan.rate_mm_day, store.settings()) {
                let _ = write!(out, "\n! R-DO-3 {w}");
            }
            Ok(out)
        }
        Some(HexapodAction::Adjust { patient, case_id, set, day: on, phone }) => {
            let on = match on {
                Some(text) => super::distraction_commands::day(&text, "--day")?,
                None => today,
            };
            let entries = set
                .iter()
                .map(|s| {
                    strut_setting(s).map(|(strut, length_mm)| NewAdjustment {
                        day: on,
                        strut,
                        length_mm,
                        by_phone: phone,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let case = super::distraction_commands::case_of(store, &patient, case_id)?;
            let revisions = store.hexapod_revisions(case.id).map_err(|e| store.explain(e))?;
            let current = revisions.last().ok_or_else(|| no_prescription(&case))?;
            store.log_struts(now, current.sheet.prescription_id, &entries).map_err(|e| store.explain(e))?;
            let struts: Vec<String> =
                entries.iter().map(|e| format!("{} to {} mm", e.strut, fmt_mm(e.length_mm))).collect();
            let mut out = format!(
                "logged for {} (revision {}): strut {}{}",
                on.format("%d/%m/%Y"),
                current.sheet.revision,
                struts.join(", strut "),
                if phone { ", reported by phone" } else { "" }
            );
            let after = store.hexapod_revisions(case.id).map_err(|e| store.explain(e))?;
            if let Some(now_in_force) = after.last() {
                for f in
                    hexapod_log::flags(&now_in_force.sheet.plan, &now_in_force.sheet.log, now, zone, store.settings())
                        .iter()
                        .filter(|f| f.day == on)
                {
                    let _ = write!(out, "\n{} R-DO-8 {}", f.severity.glyph(), f.message);
                }
            }
            Ok(out)
        }
    }
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path).file_name().map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

fn no_prescription(case: &DistractionCase) -> color_eyre::Report {
    eyre!(
        "distraction case #{} has no hexapod prescription; a doctor records one with `periop hexapod import`",
        case.id
    )
}

fn pick<'a>(revisions: &'a [Revision], asked: Option<u32>, case: &DistractionCase) -> Result<&'a Revision> {
    match asked {
        None => revisions.last().ok_or_else(|| no_prescription(case)),
        Some(n) => revisions.iter().find(|r| r.sheet.revision == n).ok_or_else(|| {
            eyre!(
                "distraction case #{} has no revision {n}; it has {}",
                case.id,
                if revisions.is_empty() { "none".to_string() } else { format!("1 to {}", revisions.len()) }
            )
        }),
    }
}

/// `5 mm at 1 mm/day, 5 days of adjustment from 02/12/2026 to 06/12/2026`.
pub fn plan_line(plan: &HexapodPlan) -> String {
    let first_adjustment = plan.days.get(1).map(|d| d.day);
    format!(
        "{} mm at {} mm/day, {} days of adjustment from {} to {}",
        fmt_mm(plan.correction_mm),
        fmt_mm(plan.rate_mm_day),
        plan.adjustment_days(),
        first_adjustment.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default(),
        plan.last_day().map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default()
    )
}

/// The printed sheet of one revision.
pub fn sheet_text(
    case: &DistractionCase,
    revision: &Revision,
    of: usize,
    now: DateTime<Utc>,
    zone: Tz,
    settings: &Settings,
) -> String {
    let sheet = &revision.sheet;
    let plan = &sheet.plan;
    let today = ward_time::local_day(now, zone);
    let when = |at: DateTime<Utc>| {
        format!("{} {}", ward_time::local_day(at, zone).format("%d/%m/%Y"), ward_time::clock_text(at, zone))
    };
    let void_line = revision.superseded_at.map(|at| {
        format!("VOID: revision {} was replaced at {}; do not adjust from this sheet", sheet.revision, when(at))
    });
    let mut out = String::new();
    if let Some(line) = &void_line {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "{}  {}  distraction case #{}, {} on a {}",
        case.patient,
        case.hospital_number,
        case.id,
        case.prescription.site.label(),
        case.prescription.device.label()
    );
    let source = if revision.source.is_empty() { String::new() } else { format!(", from {}", revision.source) };
    let note = if revision.note.is_empty() { String::new() } else { format!(": {}", revision.note) };
    let _ = writeln!(
        out,
        "Hexapod prescription revision {} of {of}, recorded {} by {}{source}{note}",
        sheet.revision,
        when(revision.recorded_at),
        revision.recorded_by
    );
    let _ = writeln!(out, "{}; adjust the struts in order, 1 to 6 (R-DO-8)", plan_line(plan));
    let mut fits: Vec<_> = plan.fits.iter().collect();
    fits.sort_by_key(|f| (f.from_day, f.strut));
    for f in fits {
        let from = if Some(f.from_day) == plan.first_day() {
            "fitted".to_string()
        } else {
            format!("CHANGE on {}", f.from_day.format("%d/%m/%Y"))
        };
        let _ = writeln!(out, "  strut {}  {from}", f.label());
    }
    let flags = if sheet.void { Vec::new() } else { hexapod_log::flags(plan, &sheet.log, now, zone, settings) };
    let mut header = "  day       ".to_string();
    for strut in 1..=STRUTS {
        let colour =
            plan.fit_on(strut, plan.first_day().unwrap_or(today)).map(|f| f.colour.label()).unwrap_or_default();
        let _ = write!(header, " {:>10}", format!("{strut} {colour}"));
    }
    let _ = writeln!(out, "{header}");
    for (i, row) in plan.days.iter().enumerate() {
        let mut line = format!("  {}", row.day.format("%d/%m/%Y"));
        for strut in 1..=STRUTS {
            let mm = fmt_mm(row.lengths[usize::from(strut - 1)]);
            let mark =
                if sheet.void { "" } else { hexapod_log::cell_mark(plan, &sheet.log, &flags, row.day, strut, today) };
            let _ = write!(line, " {:>10}", format!("{mm}{}{mark}", if mark.is_empty() { "" } else { " " }));
        }
        if i == 0 {
            line.push_str("  as fitted");
        }
        if row.day == today {
            line.push_str("  < today");
        }
        let _ = writeln!(out, "{line}");
    }
    if !sheet.void {
        let _ =
            writeln!(out, "  + logged as the sheet says   ! logged off the sheet or twice   x missed   _ to do today");
    }
    if !sheet.log.is_empty() {
        let _ = writeln!(out, "Log:");
        for a in &sheet.log {
            let _ = writeln!(
                out,
                "  {}  for {}  strut {} set to {} mm{}  (strut #{})",
                when(a.done_at),
                a.day.format("%d/%m"),
                a.strut,
                fmt_mm(a.length_mm),
                if a.by_phone { ", by phone" } else { "" },
                a.id
            );
        }
    }
    for f in &flags {
        let _ = writeln!(out, "{} R-DO-8 {}", f.severity.glyph(), f.message);
    }
    if let Some(line) = &void_line {
        let _ = writeln!(out, "{line}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_do_8_a_strut_setting_is_read_as_typed() {
        assert_eq!(strut_setting("3=162.5").unwrap(), (3, 162.5));
        assert_eq!(strut_setting(" 6 : 170,25 ").unwrap(), (6, 170.25));
        assert_eq!(
            strut_setting("7=160").unwrap_err().to_string(),
            "--set \"7=160\": strut \"7\" is not a strut; struts are 1 to 6"
        );
        assert!(strut_setting("3").unwrap_err().to_string().contains("write it like --set 3=162.5"));
        assert!(strut_setting("3=abc").is_err());
    }
}
