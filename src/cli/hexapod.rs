//! `periop hexapod` (R-DO-8): a patient's strut sheet, day × strut, with the
//! adjustments logged and what they call for; `import` records a
//! (re-)planned prescription, `adjust` logs struts. A void revision prints
//! as void at its top and its foot.

use super::args::{HexapodAction, ListFormat};
use crate::domain::distraction::alerts::fmt_mm as mm;
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
    let bad = || eyre!("{}", tr!("cli-hexapod-not-a-setting", text = format!("{text:?}")));
    let (strut, mm) = text.split_once(['=', ':']).ok_or_else(bad)?;
    let strut: u8 = strut.trim().parse().ok().filter(|n| (1..=STRUTS).contains(n)).ok_or_else(|| {
        let (text, strut) = (format!("{text:?}"), format!("{:?}", strut.trim()));
        eyre!("{}", tr!("cli-hexapod-not-a-strut", text = text, strut = strut, struts = STRUTS))
    })?;
    let mm = crate::domain::decimal::parse(mm).ok_or_else(bad)?;
    Ok((strut, mm))
}

/// `periop hexapod …`.
pub fn run(store: &mut Store, asked: Asked<'_>, action: Option<HexapodAction>, now: DateTime<Utc>) -> Result<String> {
    let zone = store.zone();
    let today = ward_time::local_day(now, zone);
    match action {
        None => {
            let patient = asked.patient.ok_or_else(|| eyre!("{}", tr!("cli-hexapod-whose")))?;
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
                std::io::read_to_string(std::io::stdin())
                    .map_err(|e| eyre!("{}", tr!("cli-hexapod-stdin", error = e.to_string())))?
            } else {
                std::fs::read_to_string(&file)
                    .map_err(|e| eyre!("{}", tr!("cli-hexapod-file", file = file.as_str(), error = e.to_string())))?
            };
            let plan = hexapod_csv::read(&text).map_err(|why| eyre!("{file}: {why} (R-DO-8)"))?;
            let case = super::distraction_commands::case_of(store, &patient, case_id)?;
            let source = if file == "-" { tr!("cli-hexapod-typed").into_owned() } else { file_name(&file) };
            let (_, revision) =
                store.record_hexapod(now, case.id, &plan, &source, &note).map_err(|e| store.explain(e))?;
            let mut out = tr!(
                "cli-hexapod-recorded",
                revision = revision,
                patient = case.patient.to_string(),
                plan = plan_line(&plan)
            )
            .into_owned();
            if revision > 1 {
                let _ = write!(out, "\n{}", tr!("cli-hexapod-void-from-now", revision = revision - 1));
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
            let struts: Vec<String> = entries
                .iter()
                .map(|e| tr!("cli-hexapod-strut-to", strut = e.strut, mm = mm(e.length_mm)).into_owned())
                .collect();
            let phone = if phone { tr!("cli-hexapod-by-phone-reported").into_owned() } else { String::new() };
            let mut out = tr!(
                "cli-hexapod-logged",
                day = on.format("%d/%m/%Y").to_string(),
                revision = current.sheet.revision,
                struts = struts.join(&format!("{} ", tr!("cli-hexapod-strut-joiner"))),
                phone = phone
            )
            .into_owned();
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
    eyre!("{}", tr!("cli-hexapod-no-prescription", id = case.id))
}

fn pick<'a>(revisions: &'a [Revision], asked: Option<u32>, case: &DistractionCase) -> Result<&'a Revision> {
    match asked {
        None => revisions.last().ok_or_else(|| no_prescription(case)),
        Some(n) => revisions.iter().find(|r| r.sheet.revision == n).ok_or_else(|| {
            let has = if revisions.is_empty() {
                tr!("cli-hexapod-none")
            } else {
                tr!("cli-hexapod-one-to", count = revisions.len())
            };
            eyre!("{}", tr!("cli-hexapod-no-revision", id = case.id, revision = n, has = has))
        }),
    }
}

/// `5 mm at 1 mm/day, 5 days of adjustment from 02/12/2026 to 06/12/2026`.
pub fn plan_line(plan: &HexapodPlan) -> String {
    let first_adjustment = plan.days.get(1).map(|d| d.day);
    tr!(
        "cli-hexapod-plan",
        correction = mm(plan.correction_mm),
        rate = mm(plan.rate_mm_day),
        days = plan.adjustment_days(),
        from = first_adjustment.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default(),
        to = plan.last_day().map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default()
    )
    .into_owned()
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
    let void_line =
        revision.superseded_at.map(|at| tr!("cli-hexapod-void", revision = sheet.revision, at = when(at)).into_owned());
    let mut out = String::new();
    if let Some(line) = &void_line {
        let _ = writeln!(out, "{line}");
    }
    let said = tr!(
        "cli-hexapod-case",
        patient = case.patient.to_string(),
        number = case.hospital_number.as_str(),
        id = case.id,
        site = case.prescription.site.label(),
        device = case.prescription.device.label()
    );
    let _ = writeln!(out, "{said}");
    let source = if revision.source.is_empty() {
        String::new()
    } else {
        tr!("cli-hexapod-from", source = revision.source.as_str()).into_owned()
    };
    let note = if revision.note.is_empty() { String::new() } else { format!(": {}", revision.note) };
    let said = tr!(
        "cli-hexapod-revision",
        revision = sheet.revision,
        of = of,
        at = when(revision.recorded_at),
        by = revision.recorded_by.to_string(),
        source = source,
        note = note
    );
    let _ = writeln!(out, "{said}");
    let _ = writeln!(out, "{}", tr!("cli-hexapod-in-order", plan = plan_line(plan)));
    let mut fits: Vec<_> = plan.fits.iter().collect();
    fits.sort_by_key(|f| (f.from_day, f.strut));
    for f in fits {
        let from = if Some(f.from_day) == plan.first_day() {
            tr!("cli-hexapod-fitted")
        } else {
            tr!("cli-hexapod-change-on", day = f.from_day.format("%d/%m/%Y").to_string())
        };
        let _ = writeln!(out, "  {}", tr!("cli-hexapod-strut-fit", strut = f.label(), from = from));
    }
    let flags = if sheet.void { Vec::new() } else { hexapod_log::flags(plan, &sheet.log, now, zone, settings) };
    let mut header = format!("  {:<10}", tr!("cli-hexapod-day"));
    for strut in 1..=STRUTS {
        let colour =
            plan.fit_on(strut, plan.first_day().unwrap_or(today)).map(|f| f.colour.label()).unwrap_or_default();
        let _ = write!(header, " {:>10}", format!("{strut} {colour}"));
    }
    let _ = writeln!(out, "{header}");
    for (i, row) in plan.days.iter().enumerate() {
        let mut line = format!("  {}", row.day.format("%d/%m/%Y"));
        for strut in 1..=STRUTS {
            let mm = mm(row.lengths[usize::from(strut - 1)]);
            let mark =
                if sheet.void { "" } else { hexapod_log::cell_mark(plan, &sheet.log, &flags, row.day, strut, today) };
            let _ = write!(line, " {:>10}", format!("{mm}{}{mark}", if mark.is_empty() { "" } else { " " }));
        }
        if i == 0 {
            line.push_str(&format!("  {}", tr!("cli-hexapod-as-fitted")));
        }
        if row.day == today {
            line.push_str(&format!("  {}", tr!("cli-hexapod-today")));
        }
        let _ = writeln!(out, "{line}");
    }
    if !sheet.void {
        let _ = writeln!(out, "  {}", tr!("cli-hexapod-key"));
    }
    if !sheet.log.is_empty() {
        let _ = writeln!(out, "{}", tr!("cli-hexapod-log"));
        for a in &sheet.log {
            let phone = if a.by_phone { tr!("cli-hexapod-by-phone").into_owned() } else { String::new() };
            let said = tr!(
                "cli-hexapod-log-line",
                at = when(a.done_at),
                day = a.day.format("%d/%m").to_string(),
                strut = a.strut,
                mm = mm(a.length_mm),
                phone = phone,
                id = a.id
            );
            let _ = writeln!(out, "  {said}");
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
