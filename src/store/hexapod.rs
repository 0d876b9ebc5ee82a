//! Hexapod prescriptions at the store's door (R-DO-8): each re-plan is the
//! case's next revision, and the revisions before it are void everywhere
//! (shown struck, nothing logged against them); each strut adjustment is
//! logged through the one audited write path. What the log calls for is
//! decided in `domain::distraction::hexapod_log`.
//!
//! R-ROLE-1: the prescription is a doctor's (`Change::Distraction`); the
//! adjustments are the round's, nurses included (`Change::Round`).

use super::Store;
use super::db::{Connection, OptionalExtension};
use super::decode::known;
use super::dialect;
use super::error::{Result, StoreError, instant_text};
use super::rows;
use super::table::Table;
use super::write::WriteTx;
use crate::domain::distraction::Device;
use crate::domain::distraction::hexapod::{DayLengths, HexapodPlan, STRUT_MAX_MM_DAY, STRUTS, StrutColour, StrutFit};
use crate::domain::distraction::hexapod_log::{self, Adjustment, Sheet};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

/// One revision of a case's prescription, with its log.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub sheet: Sheet,
    pub case_id: i64,
    /// Where it came from: the imported file's name, or `typed`.
    pub source: String,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
    /// When the next revision replaced it (it is void from then on).
    pub superseded_at: Option<DateTime<Utc>>,
}

/// One strut adjustment to log: the table's day it is for, the strut
/// (1–6) and the length it was set to, in mm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NewAdjustment {
    pub day: NaiveDate,
    pub strut: u8,
    pub length_mm: f64,
    pub by_phone: bool,
}

fn void_plan_row(id: i64, why: String) -> StoreError {
    StoreError::invalid(Table::HexapodPrescriptions.row(id), tr!("store-rule-do-8", why = why))
}

/// Every revision of the cases in `case_ids`, oldest first per case, each
/// with its struts, table and (not voided) log: four queries in all.
pub fn revisions(conn: &Connection, case_ids: &[i64]) -> Result<BTreeMap<i64, Vec<Revision>>> {
    let ids = serde_json::Value::from(case_ids.to_vec()).to_string();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT h.id, h.version, h.case_id, h.revision, h.correction_mm, h.rate_mm_day, h.source, h.note,
                s.display_name, h.recorded_at
         FROM hexapod_prescriptions h JOIN staff s ON s.id = h.recorded_by
         WHERE h.case_id IN ({}) ORDER BY h.case_id, h.revision",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let mut all: Vec<Revision> = stmt
        .query_map([&ids], |r| {
            Ok(Revision {
                sheet: Sheet {
                    prescription_id: r.get(0)?,
                    version: r.get(1)?,
                    revision: r.get(3)?,
                    plan: HexapodPlan {
                        correction_mm: r.get(4)?,
                        rate_mm_day: r.get(5)?,
                        fits: Vec::new(),
                        days: Vec::new(),
                    },
                    log: Vec::new(),
                    void: false,
                },
                case_id: r.get(2)?,
                source: r.get(6)?,
                note: r.get(7)?,
                recorded_by: r.get(8)?,
                recorded_at: rows::instant(r, 9)?,
                superseded_at: None,
            })
        })?
        .collect::<super::db::Result<_>>()?;
    if all.is_empty() {
        return Ok(BTreeMap::new());
    }
    let index: BTreeMap<i64, usize> = all.iter().enumerate().map(|(i, r)| (r.sheet.prescription_id, i)).collect();
    let within = format!(
        "prescription_id IN (SELECT h.id FROM hexapod_prescriptions h WHERE h.case_id IN ({}))",
        dialect::ids_in(conn.dialect(), "?1")
    );
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT prescription_id, strut, from_day, colour, size, min_mm, max_mm, id FROM hexapod_struts
         WHERE {within} ORDER BY from_day, strut"
    ))?;
    for row in stmt.query_map([&ids], |r| {
        let colour: String = r.get(3)?;
        let colour: StrutColour = known(&colour, Table::HexapodStruts, "colour", r.get(7)?)?;
        Ok((
            r.get::<_, i64>(0)?,
            StrutFit {
                strut: r.get(1)?,
                from_day: rows::day(r, 2)?,
                colour,
                size: r.get(4)?,
                min_mm: r.get(5)?,
                max_mm: r.get(6)?,
            },
        ))
    })? {
        let (id, fit) = row?;
        all[index[&id]].sheet.plan.fits.push(fit);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT prescription_id, day, strut, length_mm FROM hexapod_lengths WHERE {within} ORDER BY day, strut"
    ))?;
    for row in stmt.query_map([&ids], |r| Ok((r.get::<_, i64>(0)?, rows::day(r, 1)?, r.get::<_, u8>(2)?, r.get(3)?)))? {
        let (id, day, strut, mm): (i64, NaiveDate, u8, f64) = row?;
        let days = &mut all[index[&id]].sheet.plan.days;
        if days.last().is_none_or(|d| d.day != day) {
            days.push(DayLengths { day, lengths: [0.0; STRUTS as usize] });
        }
        let slot = usize::from(strut).checked_sub(1);
        if let Some(cell) = days.last_mut().zip(slot).and_then(|(last, i)| last.lengths.get_mut(i)) {
            *cell = mm;
        }
    }
    // The log is the frame's, not a revision's: a strut set is a fact about
    // the frame whichever sheet was followed, so every revision of a case
    // is judged against all of it (found in use: a re-plan made the struts
    // already turned that day look undone, inviting a second turn).
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT h.case_id, a.id, a.day, a.strut, a.length_mm, a.done_at, a.by_phone
         FROM hexapod_adjustments a JOIN hexapod_prescriptions h ON h.id = a.prescription_id
         WHERE a.voided_at IS NULL AND h.case_id IN ({}) ORDER BY a.done_at, a.id",
        dialect::ids_in(conn.dialect(), "?1")
    ))?;
    let mut logs: BTreeMap<i64, Vec<Adjustment>> = BTreeMap::new();
    for row in stmt.query_map([&ids], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            Adjustment {
                id: r.get(1)?,
                day: rows::day(r, 2)?,
                strut: r.get(3)?,
                length_mm: r.get(4)?,
                done_at: rows::instant(r, 5)?,
                by_phone: r.get(6)?,
            },
        ))
    })? {
        let (case_id, adjustment) = row?;
        logs.entry(case_id).or_default().push(adjustment);
    }
    for revision in &mut all {
        revision.sheet.log = logs.get(&revision.case_id).cloned().unwrap_or_default();
    }
    let mut out: BTreeMap<i64, Vec<Revision>> = BTreeMap::new();
    for revision in all {
        out.entry(revision.case_id).or_default().push(revision);
    }
    for list in out.values_mut() {
        let next_at: Vec<Option<DateTime<Utc>>> =
            (0..list.len()).map(|i| list.get(i + 1).map(|n| n.recorded_at)).collect();
        for (revision, next) in list.iter_mut().zip(next_at) {
            revision.superseded_at = next;
            revision.sheet.void = next.is_some();
        }
    }
    Ok(out)
}

impl Store {
    /// R-DO-8: every revision of a case's hexapod prescription, oldest first;
    /// all but the last are void.
    pub fn hexapod_revisions(&self, case_id: i64) -> Result<Vec<Revision>> {
        Ok(revisions(self.conn(), &[case_id])?.remove(&case_id).unwrap_or_default())
    }

    /// The distraction case a prescription belongs to, if it exists.
    pub fn hexapod_case_of(&self, prescription_id: i64) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .query_row("SELECT case_id FROM hexapod_prescriptions WHERE id = ?1", [prescription_id], |r| r.get(0))
            .optional()?)
    }

    /// R-DO-8: records `plan` as the case's next revision (the one before
    /// becomes void). Returns the prescription's id and revision number.
    pub fn record_hexapod(
        &mut self,
        now: DateTime<Utc>,
        case_id: i64,
        plan: &HexapodPlan,
        source: &str,
        note: &str,
    ) -> Result<(i64, u32)> {
        self.write(now, |tx| record(tx, case_id, plan, source, note))
    }

    /// R-DO-8: logs strut adjustments against revision `prescription_id`,
    /// which must still be in force. Returns their ids.
    pub fn log_struts(
        &mut self,
        now: DateTime<Utc>,
        prescription_id: i64,
        entries: &[NewAdjustment],
    ) -> Result<Vec<i64>> {
        self.write(now, |tx| log(tx, prescription_id, entries))
    }
}

/// R-DO-8: records a revision; refused for a case that is not a hexapod
/// frame, a table that cannot be ([`HexapodPlan::check`]) or that starts
/// before the osteotomy, and a note with control characters.
pub fn record(tx: &mut WriteTx<'_>, case_id: i64, plan: &HexapodPlan, source: &str, note: &str) -> Result<(i64, u32)> {
    let found: Option<(String, String)> = tx
        .conn()
        .query_row("SELECT device, osteotomy_on FROM distraction_cases WHERE id = ?1", [case_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let Some((device, osteotomy)) = found else {
        return Err(StoreError::NotFound(Table::DistractionCases.row(case_id)));
    };
    let refuse =
        |why: String| StoreError::invalid(Table::DistractionCases.row(case_id), tr!("store-rule-do-8", why = why));
    if device != Device::Hexapod.code() {
        let label = Device::from_code(&device).map_or_else(|| device.clone(), |d| d.label().to_string());
        return Err(refuse(tr!("store-not-a-hexapod", device = label).into_owned()));
    }
    plan.check().map_err(refuse)?;
    let (settings, _) = super::settings::load(tx.conn())?;
    plan.check_pace(settings.number(STRUT_MAX_MM_DAY)).map_err(refuse)?;
    if let (Some(first), Some(osteotomy)) = (plan.first_day(), rows::parse_day(&osteotomy))
        && first < osteotomy
    {
        let (first, osteotomy) = (first.format("%d/%m/%Y").to_string(), osteotomy.format("%d/%m/%Y").to_string());
        return Err(refuse(tr!("store-table-before-osteotomy", first = first, osteotomy = osteotomy).into_owned()));
    }
    for text in [source, note] {
        if text.chars().any(char::is_control) {
            return Err(refuse(tr!("store-note-control-characters").into_owned()));
        }
    }
    let revision: u32 = tx.conn().query_row(
        "SELECT COALESCE(MAX(revision), 0) + 1 FROM hexapod_prescriptions WHERE case_id = ?1",
        [case_id],
        |r| r.get(0),
    )?;
    let id = tx.insert(
        Table::HexapodPrescriptions,
        &[
            ("case_id", &case_id),
            ("revision", &revision),
            ("correction_mm", &plan.correction_mm),
            ("rate_mm_day", &plan.rate_mm_day),
            ("source", &source.trim()),
            ("note", &note.trim()),
            ("recorded_by", &tx.actor_id()),
            ("recorded_at", &instant_text(tx.at())),
        ],
    )?;
    for fit in &plan.fits {
        tx.insert(
            Table::HexapodStruts,
            &[
                ("prescription_id", &id),
                ("strut", &fit.strut),
                ("from_day", &fit.from_day.to_string()),
                ("colour", &fit.colour.code()),
                ("size", &fit.size.trim()),
                ("min_mm", &fit.min_mm),
                ("max_mm", &fit.max_mm),
            ],
        )?;
    }
    for row in &plan.days {
        for (i, mm) in row.lengths.iter().enumerate() {
            let strut = i as i64 + 1;
            tx.insert(
                Table::HexapodLengths,
                &[("prescription_id", &id), ("day", &row.day.to_string()), ("strut", &strut), ("length_mm", mm)],
            )?;
        }
    }
    Ok((id, revision))
}

/// R-DO-8: logs adjustments; refused against a void revision (naming the
/// one in force), on a removed frame, and for an adjustment that cannot be
/// ([`hexapod_log::refusal`]: a day off the table, a length outside the
/// strut's catalogue range).
pub fn log(tx: &mut WriteTx<'_>, prescription_id: i64, entries: &[NewAdjustment]) -> Result<Vec<i64>> {
    let case_id: Option<i64> = tx
        .conn()
        .query_row("SELECT case_id FROM hexapod_prescriptions WHERE id = ?1", [prescription_id], |r| r.get(0))
        .optional()?;
    let Some(case_id) = case_id else {
        return Err(StoreError::NotFound(Table::HexapodPrescriptions.row(prescription_id)));
    };
    let list = revisions(tx.conn(), &[case_id])?.remove(&case_id).unwrap_or_default();
    let Some(this) = list.iter().find(|r| r.sheet.prescription_id == prescription_id) else {
        return Err(StoreError::NotFound(Table::HexapodPrescriptions.row(prescription_id)));
    };
    if let Some(current) = list.last().filter(|c| c.sheet.prescription_id != prescription_id) {
        return Err(void_plan_row(
            prescription_id,
            tr!(
                "store-revision-replaced",
                this = this.sheet.revision,
                current = current.sheet.revision,
                at = crate::domain::ward_time::clock_text(current.recorded_at, tx.zone())
            )
            .into_owned(),
        ));
    }
    let removed: bool = tx.conn().query_row(
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM distraction_phases
                                  WHERE case_id = ?1 AND kind = 'removal' AND voided_at IS NULL) THEN 1 ELSE 0 END",
        [case_id],
        |r| r.get(0),
    )?;
    if removed {
        return Err(void_plan_row(prescription_id, tr!("store-frame-removed").into_owned()));
    }
    if entries.is_empty() {
        return Err(void_plan_row(prescription_id, tr!("store-no-strut").into_owned()));
    }
    let mut ids = Vec::new();
    for e in entries {
        if let Some(why) = hexapod_log::refusal(&this.sheet.plan, e.day, e.strut, e.length_mm) {
            return Err(void_plan_row(prescription_id, why));
        }
        let id = tx.insert(
            Table::HexapodAdjustments,
            &[
                ("prescription_id", &prescription_id),
                ("day", &e.day.to_string()),
                ("strut", &e.strut),
                ("length_mm", &e.length_mm),
                ("done_at", &instant_text(tx.at())),
                ("by_phone", &e.by_phone),
                ("recorded_by", &tx.actor_id()),
            ],
        )?;
        ids.push(id);
    }
    Ok(ids)
}

/// The revisions in force (the last of each case) of `case_ids`, as sheets.
pub fn current_sheets(conn: &Connection, case_ids: &[i64]) -> Result<BTreeMap<i64, Sheet>> {
    Ok(revisions(conn, case_ids)?
        .into_iter()
        .filter_map(|(case, mut list)| list.pop().map(|r| (case, r.sheet)))
        .collect())
}

/// The revision of each case in force at `at` (the last recorded by
/// then), as sheets: a day gone by is judged by the sheet of that day.
pub fn sheets_as_of(conn: &Connection, case_ids: &[i64], at: DateTime<Utc>) -> Result<BTreeMap<i64, Sheet>> {
    Ok(revisions(conn, case_ids)?
        .into_iter()
        .filter_map(|(case, list)| list.into_iter().rfind(|r| r.recorded_at <= at).map(|r| (case, r.sheet)))
        .collect())
}
