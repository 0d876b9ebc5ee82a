//! `periop admissions`: the stays covering a day, for scripts and phones.
//!
//! JSON and CSV are stable (README, "periop admissions"): columns and keys are
//! only ever added.

use crate::domain::journey::AdmissionSummary;
use crate::domain::names;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::fmt::Write;

pub const JSON_SCHEMA: u32 = 1;

#[derive(Serialize)]
struct JsonList<'a> {
    schema: u32,
    generated_at: DateTime<Utc>,
    zone: String,
    day: Option<NaiveDate>,
    admissions: &'a [AdmissionSummary],
}

pub fn json(rows: &[AdmissionSummary], day: Option<NaiveDate>, now: DateTime<Utc>, zone: Tz) -> String {
    let doc = JsonList { schema: JSON_SCHEMA, generated_at: now, zone: zone.name().to_string(), day, admissions: rows };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "admission_id",
    "state",
    "surname",
    "first_name",
    "birth_date",
    "planned_admit_on",
    "planned_discharge_on",
    "bed",
    "procedure",
    "procedure_start",
    "readiness",
    "missing",
    "solids_until",
    "clear_fluids_until",
];

pub fn csv(rows: &[AdmissionSummary], zone: Tz) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    for r in rows {
        let local = |t: DateTime<Utc>| t.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string();
        let fields = [
            r.admission_id.to_string(),
            r.state.code().to_string(),
            names::surname_shown(&r.patient.surname),
            names::first_name_shown(&r.patient.first_name),
            r.patient.birth_date.to_string(),
            r.planned_admit_on.to_string(),
            r.planned_discharge_on.to_string(),
            r.bed.clone().unwrap_or_default(),
            r.procedure.clone().unwrap_or_default(),
            r.procedure_start.map(local).unwrap_or_default(),
            r.readiness.as_ref().map(|x| x.status.code().to_string()).unwrap_or_default(),
            r.readiness
                .as_ref()
                .map(|x| x.missing.iter().map(|m| m.code).collect::<Vec<_>>().join(";"))
                .unwrap_or_default(),
            r.fasting.as_ref().map(|f| local(f.solids_until)).unwrap_or_default(),
            r.fasting.as_ref().map(|f| local(f.clear_fluids_until)).unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// RFC 4180: quote a field holding a comma, a quote or a line break. A
/// field a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is
/// prefixed with `'` (OWASP's CSV injection advice): names are typed by people.
pub(crate) fn quote(field: &str) -> String {
    // A spreadsheet runs a text field starting with = + - @ as a formula, so
    // such text is neutralised; a number (`-660`, `-0.5`) is not a formula
    // and is written as it is (issue 9: negative delays came out as text).
    let formula = field.starts_with(['=', '+', '-', '@']) && !is_number(field);
    let field = if formula { format!("'{field}") } else { field.to_string() };
    let field = field.as_str();
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// `-660`, `12`, `-0.125`: an optional minus, digits, an optional
/// fraction. Nothing else (`-1e3`, `inf`, `-Marie`) counts as a number.
fn is_number(field: &str) -> bool {
    let digits = field.strip_prefix('-').unwrap_or(field);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

pub fn text(rows: &[AdmissionSummary], day: Option<NaiveDate>, zone: Tz) -> String {
    let mut out = String::new();
    let title = day.map_or_else(|| tr!("cli-admissions-every-day").into_owned(), super::day_long);
    let _ = writeln!(out, "{}", tr!("cli-admissions-title", day = title, count = rows.len()));
    for r in rows {
        let readiness = r.readiness.as_ref().map_or("-".into(), |x| x.status.label());
        let missing = r
            .readiness
            .as_ref()
            .filter(|x| !x.missing.is_empty())
            .map(|x| format!("  {}", tr!("cli-admissions-missing", missing = x.missing_text())))
            .unwrap_or_default();
        let fasting = r.fasting.as_ref().map(|f| format!("  {}", f.summary(zone))).unwrap_or_default();
        let start =
            r.procedure_start.map(|t| t.with_timezone(&zone).format("%d/%m %H:%M").to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "  #{:<5} {:<18} {}  {}  {} {}  {readiness}{missing}{fasting}",
            r.admission_id,
            r.state.label(),
            r.patient,
            tr!("cli-admissions-bed", bed = r.bed.as_deref().unwrap_or("-")),
            r.procedure.as_deref().unwrap_or("-"),
            start
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("L1, L2"), "\"L1, L2\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("=1+2"), "'=1+2", "no formula runs from a name");
        assert_eq!(quote("-Marie"), "'-Marie");
        // Issue 9: a number is not a formula; only text is neutralised.
        assert_eq!(quote("-660"), "-660");
        assert_eq!(quote("-0.125"), "-0.125");
        assert_eq!(quote("-1e3"), "'-1e3");
        assert_eq!(quote("-"), "'-");
        assert_eq!(quote("+33612345678"), "'+33612345678");
    }
}
