//! `periop complications [--patient HOSPNUM] [--open] [--format …]`, `add`
//! and `close` (R-COMP-1). JSON and CSV are stable: keys and columns are
//! only ever added.

use super::admissions::quote;
use super::args::{ComplicationAction, ListFormat};
use crate::domain::complications::{Kind, NewComplication, Severity};
use crate::domain::identity::Identity;
use crate::domain::ward_time;
use crate::store::Store;
use crate::store::complications::{self, ComplicationQuery, ComplicationRow};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use color_eyre::Result;
use color_eyre::eyre::eyre;
use serde::Serialize;
use std::fmt::Write;

pub const JSON_SCHEMA: u32 = 1;

/// What the list was asked for.
#[derive(Debug, Clone, Copy)]
pub struct Asked<'a> {
    pub patient: Option<&'a str>,
    pub open_only: bool,
    pub format: ListFormat,
}

/// A registered patient by hospital number, or a message saying what to do.
pub(super) fn patient(store: &Store, number: &str) -> Result<Identity> {
    store
        .patient_by_hospital_number(number)
        .map_err(|e| store.explain(e))?
        .ok_or_else(|| eyre!("{}", tr!("cli-stock-no-patient", number = format!("{number:?}"))))
}

/// A day typed for an option: `23/11/2026` or `2026-11-23`.
pub(super) use super::distraction_commands::day;

/// `periop complications [add|close]`.
pub fn run(
    store: &mut Store,
    asked: Asked<'_>,
    action: Option<ComplicationAction>,
    now: DateTime<Utc>,
) -> Result<String> {
    let zone = store.zone();
    match action {
        None => {
            let patient_id = match asked.patient {
                Some(number) => Some(patient(store, number)?.patient_id),
                None => None,
            };
            let query = ComplicationQuery { patient_id, open_only: asked.open_only };
            let rows = store.complications(query).map_err(|e| store.explain(e))?;
            Ok(match asked.format {
                ListFormat::Text => text(&rows, asked.open_only, zone),
                ListFormat::Json => json(&rows, now, zone),
                ListFormat::Csv => csv(&rows, zone),
            })
        }
        Some(ComplicationAction::Add { patient: number, case_id, kind, on, severity, note }) => {
            let kind = Kind::parse(&kind).ok_or_else(|| {
                eyre!("{}", tr!("cli-comp-not-a-kind", kind = format!("{kind:?}"), codes = Kind::codes_text()))
            })?;
            let severity = Severity::from_code(severity.trim()).ok_or_else(|| {
                let severity = format!("{severity:?}");
                eyre!("{}", tr!("cli-comp-not-a-severity", severity = severity, codes = Severity::codes_text()))
            })?;
            let onset_on = match on {
                Some(text) => day(&text, "--on")?,
                None => ward_time::local_day(now, zone),
            };
            let who = patient(store, &number)?;
            let new =
                NewComplication { patient_id: who.patient_id, case_id, kind, onset_on, severity, description: note };
            let id = store.write(now, |tx| complications::record(tx, &new)).map_err(|e| store.explain(e))?;
            Ok(tr!(
                "cli-comp-recorded",
                id = id,
                patient = who.to_string(),
                kind = kind.label(),
                severity = severity.label(),
                day = onset_on.format("%d/%m/%Y").to_string()
            )
            .into_owned())
        }
        Some(ComplicationAction::Close { id, outcome }) => {
            store.write(now, |tx| complications::close(tx, id, None, &outcome)).map_err(|e| store.explain(e))?;
            Ok(tr!("cli-comp-closed", id = id, outcome = outcome.trim()).into_owned())
        }
    }
}

fn when(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string()
}

pub fn text(rows: &[ComplicationRow], open_only: bool, zone: Tz) -> String {
    let mut out = String::new();
    let title = if open_only {
        tr!("cli-comp-title-open", count = rows.len())
    } else {
        tr!("cli-comp-title", count = rows.len())
    };
    let _ = writeln!(out, "{title}");
    for r in rows {
        let c = &r.complication;
        let _ = writeln!(
            out,
            "  #{:<4} {:<9} {}  {} [{}]",
            c.complication_id,
            c.status_label(),
            c.summary(),
            r.patient,
            r.hospital_number
        );
        let case = c.case_id.map(|id| tr!("cli-comp-case", id = id).into_owned()).unwrap_or_default();
        let by = tr!("cli-comp-recorded-by", by = c.recorded_by.as_str(), at = when(c.recorded_at, zone), case = case);
        let _ = writeln!(out, "        {by}");
        if !c.description.is_empty() {
            let _ = writeln!(out, "        {}", c.description);
        }
        if let Some(closed) = &c.closed {
            let said = tr!(
                "cli-comp-closed-by",
                by = closed.by.as_str(),
                at = when(closed.at, zone),
                outcome = closed.outcome.as_str()
            );
            let _ = writeln!(out, "        {said}");
        }
    }
    out
}

#[derive(Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    complication: &'a crate::domain::complications::Complication,
    open: bool,
    patient: &'a Identity,
    hospital_number: &'a str,
}

#[derive(Serialize)]
struct JsonList<'a> {
    schema: u32,
    generated_at: DateTime<Utc>,
    zone: String,
    complications: Vec<JsonRow<'a>>,
}

pub fn json(rows: &[ComplicationRow], now: DateTime<Utc>, zone: Tz) -> String {
    let complications = rows
        .iter()
        .map(|r| JsonRow {
            complication: &r.complication,
            open: r.complication.is_open(),
            patient: &r.patient,
            hospital_number: &r.hospital_number,
        })
        .collect();
    let doc = JsonList { schema: JSON_SCHEMA, generated_at: now, zone: zone.name().to_string(), complications };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One line per complication; columns as the README lists them.
pub fn csv(rows: &[ComplicationRow], zone: Tz) -> String {
    let mut out = String::from(
        "complication_id,surname,first_name,birth_date,hospital_number,case_id,kind,onset_on,severity,status,description,recorded_by,recorded_at,closed_by,closed_at,outcome\n",
    );
    for r in rows {
        let c = &r.complication;
        let closed = c.closed.as_ref();
        let fields = [
            c.complication_id.to_string(),
            crate::domain::names::surname_shown(&r.patient.surname),
            crate::domain::names::first_name_shown(&r.patient.first_name),
            r.patient.birth_date.to_string(),
            r.hospital_number.clone(),
            c.case_id.map(|i| i.to_string()).unwrap_or_default(),
            c.kind.code().to_string(),
            c.onset_on.to_string(),
            c.severity.code().to_string(),
            if c.is_open() { "open" } else { "closed" }.to_string(),
            c.description.clone(),
            c.recorded_by.clone(),
            when(c.recorded_at, zone),
            closed.map(|x| x.by.clone()).unwrap_or_default(),
            closed.map(|x| when(x.at, zone)).unwrap_or_default(),
            closed.map(|x| x.outcome.clone()).unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}
