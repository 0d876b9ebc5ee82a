//! Corrections: an intake, a treatment, a lab result, an anaesthesia
//! consultation, a complication (R-COMP-1), an ossification follow-up
//! (R-HO-1), a distraction round (R-DO-5), a strut adjustment (R-DO-8)
//! or a distraction phase step (R-DO-7) entered by mistake is voided with a reason. Nothing is
//! deleted: the row is marked (who, when, why) through the write path, the
//! audit keeps both images, history shows it struck through, and the rules
//! (fasting, medication stops, the anaesthesia gate, readiness) stop
//! counting it, so the alerts it raised go away (R-AUDIT-1): a voided
//! round raises no R-DO-6 alert and is nobody's worst pin grade. R-ROLE-1:
//! voiding a record needs the role that may record it (`store::permission`).

use super::db::OptionalExtension;
use super::error::{Result, StoreError, instant_text};
use super::table::Table;
use super::write::WriteTx;
use crate::domain::identity::Identity;
use chrono::{DateTime, Utc};

/// What can be voided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voidable {
    Intake,
    Treatment,
    Lab,
    Consultation,
    /// R-COMP-1.
    Complication,
    /// R-HO-1.
    Ossification,
    /// R-DO-5: a distraction round (wrong patient, a grade mistyped).
    Round,
    /// R-DO-8: a strut adjustment.
    StrutAdjustment,
    /// R-DO-7: a distraction phase step (a pause typed on the wrong case,
    /// the wrong day); the latest first, so the steps left still follow.
    Step,
}

impl Voidable {
    pub const ALL: [Voidable; 9] = [
        Voidable::Intake,
        Voidable::Treatment,
        Voidable::Lab,
        Voidable::Consultation,
        Voidable::Complication,
        Voidable::Ossification,
        Voidable::Round,
        Voidable::StrutAdjustment,
        Voidable::Step,
    ];

    pub fn table(self) -> Table {
        match self {
            Voidable::Intake => Table::Intakes,
            Voidable::Treatment => Table::Treatments,
            Voidable::Lab => Table::LabResults,
            Voidable::Consultation => Table::AnaesthesiaConsultations,
            Voidable::Complication => Table::Complications,
            Voidable::Ossification => Table::HoFollowUps,
            Voidable::Round => Table::DistractionRounds,
            Voidable::StrutAdjustment => Table::HexapodAdjustments,
            Voidable::Step => Table::DistractionPhases,
        }
    }

    /// The word the command line takes: `periop void intake 12 --reason …`.
    pub fn code(self) -> &'static str {
        match self {
            Voidable::Intake => "intake",
            Voidable::Treatment => "treatment",
            Voidable::Lab => "lab",
            Voidable::Consultation => "consultation",
            Voidable::Complication => "complication",
            Voidable::Ossification => "ossification",
            Voidable::Round => "round",
            Voidable::StrutAdjustment => "strut",
            Voidable::Step => "step",
        }
    }

    pub fn from_code(code: &str) -> Option<Voidable> {
        Voidable::ALL.into_iter().find(|v| v.code() == code)
    }

    /// How a message names one: `intake`, `lab result` (the table's noun,
    /// in the language in force).
    pub fn noun(self) -> std::borrow::Cow<'static, str> {
        self.table().noun()
    }

    /// What the record's time is: `taken 22/11/2026 06:30`, `made …`.
    pub fn time_word(self) -> std::borrow::Cow<'static, str> {
        match self {
            Voidable::Intake | Voidable::Treatment | Voidable::Lab => tr!("store-void-time-taken"),
            Voidable::Consultation => tr!("store-void-time-held"),
            Voidable::Complication | Voidable::Step => tr!("store-void-time-recorded"),
            Voidable::Ossification => tr!("store-void-time-surgery"),
            Voidable::Round => tr!("store-void-time-made"),
            Voidable::StrutAdjustment => tr!("store-void-time-done"),
        }
    }

    /// The record's value, its time (a treatment has none) and its patient.
    fn sql(self) -> &'static str {
        match self {
            Voidable::Intake => {
                "SELECT r.kind, NULL, r.taken_at, a.patient_id, r.version, r.voided_at
                 FROM intakes r JOIN admissions a ON a.id = r.admission_id WHERE r.id = ?1"
            }
            Voidable::Treatment => {
                "SELECT r.drug_class, NULL, NULL, r.patient_id, r.version, r.voided_at FROM treatments r WHERE r.id = ?1"
            }
            Voidable::Lab => {
                "SELECT r.test, r.value, r.taken_at, r.patient_id, r.version, r.voided_at FROM lab_results r WHERE r.id = ?1"
            }
            Voidable::Consultation => {
                "SELECT r.outcome, NULL, r.held_at, a.patient_id, r.version, r.voided_at
                 FROM anaesthesia_consultations r JOIN cases c ON c.id = r.case_id
                 JOIN admissions a ON a.id = c.admission_id WHERE r.id = ?1"
            }
            Voidable::Complication => {
                "SELECT r.kind, NULL, r.recorded_at, r.patient_id, r.version, r.voided_at FROM complications r WHERE r.id = ?1"
            }
            Voidable::Ossification => {
                "SELECT r.prophylaxis, r.dose_gy, r.surgery_at, r.patient_id, r.version, r.voided_at
                 FROM ho_follow_ups r WHERE r.id = ?1"
            }
            // The pin grades in pin order (`0 3 0 0`) and the pain score.
            Voidable::Round => {
                "SELECT COALESCE((SELECT string_agg(CAST(grade AS TEXT), ' ' ORDER BY pin)
                                  FROM pin_grades WHERE round_id = r.id), ''),
                        r.pain, r.at, d.patient_id, r.version, r.voided_at
                 FROM distraction_rounds r JOIN distraction_cases d ON d.id = r.case_id WHERE r.id = ?1"
            }
            Voidable::StrutAdjustment => {
                "SELECT 'strut ' || r.strut, r.length_mm, r.done_at, d.patient_id, r.version, r.voided_at
                 FROM hexapod_adjustments r JOIN hexapod_prescriptions h ON h.id = r.prescription_id
                 JOIN distraction_cases d ON d.id = h.case_id WHERE r.id = ?1"
            }
            // The kind and its day (`pause 2026-11-30`), and a resume's rate.
            Voidable::Step => {
                "SELECT r.kind || ' ' || r.on_day, r.rate_mm_day, NULL, d.patient_id, r.version, r.voided_at
                 FROM distraction_phases r JOIN distraction_cases d ON d.id = r.case_id WHERE r.id = ?1"
            }
        }
    }

    /// The stored value in words: `solids`, `INR 2.5`, `aspirin`, `cleared`.
    fn value(self, code: &str, number: Option<f64>) -> String {
        use crate::domain::fasting::IntakeKind;
        use crate::domain::medication::DrugClass;
        let word = match self {
            Voidable::Intake => IntakeKind::from_code(code).map(IntakeKind::label),
            Voidable::Treatment => DrugClass::from_code(code).map(|d| d.label().to_string()),
            Voidable::Lab => Some(match code {
                "inr" => "INR".to_string(),
                other => other.to_string(),
            }),
            Voidable::Consultation => Some(tr!("store-void-outcome", outcome = code).into_owned()),
            Voidable::Complication => {
                crate::domain::complications::Kind::from_code(code).map(|k| k.label().to_string())
            }
            Voidable::Ossification => {
                let kind = crate::domain::ossification::ProphylaxisKind::from_code(code);
                let word = kind.map_or_else(
                    || code.replace('_', " "),
                    |k| tr!("store-void-prophylaxis", kind = k.label()).into_owned(),
                );
                // A radiotherapy's dose, in Gy.
                return number.map_or_else(|| word.clone(), |gy| format!("{word} {gy} Gy"));
            }
            Voidable::Round => {
                let pain = number.map_or_else(|| "-".to_string(), |p| format!("{p}"));
                return if code.is_empty() {
                    tr!("store-void-round", pain = pain)
                } else {
                    tr!("store-void-round-pins", pain = pain, pins = code)
                }
                .into_owned();
            }
            Voidable::StrutAdjustment => {
                let mm = number.map(crate::domain::distraction::alerts::fmt_mm).unwrap_or_default();
                let strut = code.strip_prefix("strut ").unwrap_or(code); // i18n: a void code
                return tr!("store-void-strut", strut = strut, mm = mm).into_owned();
            }
            Voidable::Step => {
                use crate::domain::distraction::PhaseKind;
                let (kind, day) = code.split_once(' ').unwrap_or((code, ""));
                let kind = PhaseKind::from_code(kind).map_or_else(|| kind.replace('_', " "), |k| k.label().to_string());
                let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
                    .map_or_else(|_| day.to_string(), |d| d.format("%d/%m/%Y").to_string());
                return match number {
                    Some(r) => tr!(
                        "store-void-step-rate",
                        kind = kind,
                        day = day,
                        rate = crate::domain::distraction::alerts::fmt_mm(r)
                    ),
                    None => tr!("store-void-step", kind = kind, day = day),
                }
                .into_owned();
            }
        };
        let word = word.unwrap_or_else(|| code.replace('_', " "));
        match number {
            Some(n) => format!("{word} {n}"),
            None => word,
        }
    }
}

/// What `void` voided, for the one who asked to see it before anyone
/// relies on it: a mistyped number voids another patient's record.
#[derive(Debug, Clone, PartialEq)]
pub struct Voided {
    pub what: Voidable,
    pub id: i64,
    /// The row's new version.
    pub version: i64,
    /// The stored value in words (`solids`, `INR 2.5`, `aspirin`).
    pub value: String,
    /// When it was taken or held; a treatment has no time.
    pub at: Option<DateTime<Utc>>,
    /// R-PATH-5: whose it was. For the screen and stdout, never a log.
    pub patient: Identity,
    /// What the void leaves as it was, and how to change it: a round's
    /// sessions stay recorded (R-DO-5).
    pub note: Option<String>,
}

/// Voids row `id` of `what` with `reason`; returns what was voided.
/// Refused without a reason, with control characters or direction marks in
/// it, for a row that does not exist or is already voided (naming when),
/// and for a role that may not record such a row (R-ROLE-1).
pub fn void(tx: &mut WriteTx<'_>, what: Voidable, id: i64, reason: &str) -> Result<Voided> {
    let table = what.table();
    let row = table.row(id);
    // R-ROLE-1 first: one who may not void it is told the role needed,
    // not what else is wrong with the request.
    tx.may(super::permission::change_of(table, false, &super::permission::VOID_COLUMNS))?;
    let reason = reason_given(&row, reason)?;
    type Found = (String, Option<f64>, Option<String>, i64, i64, Option<String>);
    let found: Option<Found> = tx
        .conn()
        .query_row(what.sql(), [id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .optional()?;
    let Some((code, number, at, patient_id, version, voided_at)) = found else {
        return Err(StoreError::invalid(row, tr!("store-void-no-such", noun = what.noun(), code = what.code())));
    };
    if let Some(at) = voided_at {
        return Err(StoreError::invalid(row, already_voided(tx, table, id, &at)));
    }
    if what == Voidable::Step {
        later_step(tx, id).map_err(|why| StoreError::invalid(table.row(id), why))?;
    }
    let patient = tx.conn().query_row(
        "SELECT id, surname, first_name, birth_date FROM patients WHERE id = ?1",
        [patient_id],
        |r| super::board::identity(r, 0),
    )?;
    let at = at.as_deref().and_then(super::rows::parse_instant);
    let value = what.value(&code, number);
    let (when, by) = (instant_text(tx.at()), tx.actor_id());
    let version =
        tx.update(table, id, version, &[("voided_at", &when), ("voided_by", &by), ("void_reason", &reason)])?;
    let note = if what == Voidable::Round { round_sessions(tx, id)? } else { None };
    Ok(Voided { what, id, version, value, at, patient, note })
}

/// R-DO-7: a step is voided newest first, so that the steps left still
/// follow one another (a resume never outlives its pause): refused while a
/// later step of the case counts, naming it.
fn later_step(tx: &WriteTx<'_>, id: i64) -> std::result::Result<(), String> {
    let later: Option<(i64, String, String)> = tx
        .conn()
        .query_row(
            "SELECT l.id, l.kind, l.on_day FROM distraction_phases l JOIN distraction_phases p ON p.case_id = l.case_id
             WHERE p.id = ?1 AND l.id > p.id AND l.voided_at IS NULL ORDER BY l.id DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(|e| e.to_string())?;
    match later {
        None => Ok(()),
        Some((later_id, kind, day)) => Err(tr!(
            "store-void-later-step",
            id = later_id,
            step = Voidable::Step.value(&format!("{kind} {day}"), None)
        )
        .into_owned()),
    }
}

/// R-DO-5: the sessions saved with round `id` (in its transaction) stay
/// recorded when the round is voided: turns made are facts whatever the
/// round (a pin grade mistyped), and a round on the wrong patient has its
/// sessions corrected on their own. Said, never silently half-undone.
fn round_sessions(tx: &WriteTx<'_>, id: i64) -> Result<Option<String>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT s.session, s.turns FROM distraction_sessions s JOIN distraction_rounds r
           ON r.case_id = s.case_id AND r.at = s.done_at
         WHERE r.id = ?1 ORDER BY s.session",
    )?;
    let sessions: Vec<(u32, u32)> =
        stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<super::db::Result<_>>()?;
    if sessions.is_empty() {
        return Ok(None);
    }
    let listed: Vec<String> =
        sessions.iter().map(|(n, t)| tr!("store-void-session-turns", session = *n, count = *t).into_owned()).collect();
    Ok(Some(tr!("store-void-sessions-stay", count = sessions.len(), sessions = listed.join(", ")).into_owned()))
}

/// "already voided by Nurse One at 10:03 on 01/12 (ward time)": found in use
/// (#8): two terminals voiding one lab were told a bare UTC instant.
fn already_voided(tx: &WriteTx<'_>, table: Table, id: i64, at: &str) -> String {
    let sql =
        format!("SELECT s.display_name FROM {} t JOIN staff s ON s.id = t.voided_by WHERE t.id = ?1", table.name());
    let by: Option<String> = tx.conn().query_row(&sql, [id], |r| r.get(0)).optional().ok().flatten();
    let when = super::rows::parse_instant(at)
        .map(|t| {
            let t = t.with_timezone(&tx.zone());
            tr!("store-conflict-at", time = t.format("%H:%M").to_string(), day = t.format("%d/%m").to_string())
                .into_owned()
        })
        .unwrap_or_else(|| at.to_string());
    match by {
        Some(by) => tr!("store-already-voided-by", by = by, when = when),
        None => tr!("store-already-voided", when = when),
    }
    .into_owned()
}

/// The reason a record is voided with (R-AUDIT-1), trimmed: refused when
/// empty, or holding control characters or direction marks, naming `row`.
pub(super) fn reason_given<'a>(row: &str, reason: &'a str) -> Result<&'a str> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(StoreError::invalid(row, tr!("store-void-needs-reason")));
    }
    if reason.chars().any(crate::domain::names::is_unsafe) {
        return Err(StoreError::invalid(row, tr!("store-reason-control-character")));
    }
    Ok(reason)
}
