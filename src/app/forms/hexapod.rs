//! R-DO-8: the struts of a hexapod frame adjusted at a round: one field per
//! strut due that day and not yet logged, left empty by default so the
//! length typed is the one read on the strut, not the sheet's copied; and
//! a doctor's import of the table the planning software saved.

use super::rounds::RoundsRequest;
use super::{OpenForm, Purpose, Request};
use crate::app::form::{Field, Form};
use crate::domain::distraction::alerts::fmt_mm;
use crate::domain::distraction::hexapod::STRUTS;
use crate::store::distraction::RoundsRow;
use crate::store::hexapod::NewAdjustment;
use chrono::NaiveDate;

const KEYS: [&str; STRUTS as usize] = ["st1", "st2", "st3", "st4", "st5", "st6"];

/// `Strut 3 set to (mm)`: the field of strut `n` (1-based).
fn strut_label(n: usize) -> std::borrow::Cow<'static, str> {
    tr!("rounds-field-strut", strut = n)
}

/// A day of the sheet: `21/11`.
const DAY: &str = "%d/%m";

/// Bounds of a typed length, in mm: the store refuses one outside the
/// strut's own catalogue range, naming it.
const ANY_LENGTH: (f64, f64) = (1.0, 999.0);

/// The struts of `day` not yet logged on the selected patient's frame;
/// `None` without a prescription or with nothing left to log that day.
pub fn struts(row: &RoundsRow, day: NaiveDate, who: &str) -> Option<OpenForm> {
    let sheet = row.case.hexapod.as_ref()?;
    let plan = &sheet.plan;
    let left: Vec<u8> =
        plan.struts_due(day).into_iter().filter(|s| !sheet.log.iter().any(|a| a.day == day && a.strut == *s)).collect();
    if left.is_empty() {
        return None;
    }
    let mut fields: Vec<Field> = left
        .iter()
        .map(|&s| {
            Field::number(KEYS[usize::from(s - 1)], strut_label(usize::from(s)), ANY_LENGTH.0, ANY_LENGTH.1).optional()
        })
        .collect();
    let by_phone = tr!("rounds-field-by-phone");
    fields.push(Field::flag("phone", by_phone).with(if row.case.outpatient { "yes" } else { "no" }));
    let sheet_says: Vec<String> = left
        .iter()
        .filter_map(|&s| {
            let colour = plan.fit_on(s, day).map(|f| f.colour.label()).unwrap_or_default();
            plan.length(s, day).map(|mm| format!("{s} {colour} {}", fmt_mm(mm)))
        })
        .collect();
    let title = tr!("rounds-struts-form-title", day = day.format(DAY).to_string(), revision = sheet.revision);
    let mut form = Form::new(title, fields).with_subtitle(who);
    form.warning = Some(tr!("rounds-struts-form-sheet-says", lengths = sheet_says.join(", ")).into_owned());
    Some(OpenForm::new(form, Purpose::Struts { prescription_id: sheet.prescription_id, day }, who))
}

pub(super) fn struts_request(
    form: &Form,
    prescription_id: i64,
    day: NaiveDate,
    who: String,
) -> Result<Request, String> {
    let by_phone = form.value("phone") == "yes";
    let mut entries = Vec::new();
    for (i, key) in KEYS.iter().enumerate() {
        let text = form.value(key).trim();
        if text.is_empty() {
            continue;
        }
        let length_mm = crate::domain::decimal::parse(text)
            .ok_or_else(|| tr!("rounds-struts-form-not-a-length", field = strut_label(i + 1)).into_owned())?;
        entries.push(NewAdjustment { day, strut: i as u8 + 1, length_mm, by_phone });
    }
    if entries.is_empty() {
        return Err(tr!("rounds-struts-form-none").into_owned());
    }
    Ok(Request::Rounds(RoundsRequest::Struts { prescription_id, day, entries, who }))
}

/// R-DO-8: a (re-)planned prescription for the selected patient, read from
/// the file the planning software saved (the format `periop hexapod
/// import` reads); the one in force, if any, becomes void.
pub fn import(row: &RoundsRow, who: &str) -> OpenForm {
    let fields = vec![
        Field::text("file", tr!("rounds-import-file"), 500),
        Field::text("note", tr!("rounds-import-note"), 200).optional(),
    ];
    let mut form = Form::new(tr!("rounds-import-title"), fields).with_subtitle(who);
    form.warning = Some(
        match &row.case.hexapod {
            Some(sheet) => tr!("rounds-import-revision", next = sheet.revision + 1, revision = sheet.revision),
            None => tr!("rounds-import-lines"),
        }
        .into_owned(),
    );
    OpenForm::new(form, Purpose::HexapodImport { case_id: row.case.id }, who)
}

pub(super) fn import_request(form: &Form, case_id: i64, who: String) -> Result<Request, String> {
    let path = form.value("file").trim().to_string();
    if path.is_empty() {
        return Err(tr!("rounds-import-no-file").into_owned());
    }
    let note = form.value("note").trim().to_string();
    Ok(Request::Rounds(RoundsRequest::ImportHexapod { case_id, path, note, who }))
}
