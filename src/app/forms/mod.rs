//! The forms the ward fills in, and how each one's text becomes a typed
//! request for the store. Field checks happen as the user types (see
//! `form.rs`); the rules behind a request (R-PATH-1 …) live in `domain`.

mod clinical;
mod complications;
mod discharge;
mod hexapod;
mod ossification;
mod rounds;
mod stay;
pub mod stock;
mod timeline;
mod turns;
pub mod ward_setup;

pub use clinical::{consultation, intake, lab, treatment};
pub use complications::{ComplicationRequest, close as close_complication, record as record_complication};
pub use discharge::{discharge, discharge_check};
pub use hexapod::{import as import_hexapod, struts};
pub use ossification::{OssificationRequest, record as record_ossification, xray as ossification_xray};
pub use rounds::{RoundsRequest, phase, round, void_round};
pub use stay::{
    NewAdmission, PlacementChoice, bed, call_off, cancel_confirmation, mode_label, move_case, new_admission, rebook,
    step_reason, undo,
};
pub use timeline::{TimelineRequest, correct_event};
pub use turns::{Seen, refresh as refresh_turns, turns};

use super::form::{Choice, Field, Form};
use crate::domain::anaesthesia::{AsaClass, CpaOutcome};
use crate::domain::case::AnaesthesiaMode;
use crate::domain::fasting::IntakeKind;
use crate::domain::journey::AdmissionDetail;
use crate::domain::medication::{DrugClass, LabItem};
use crate::domain::pathway::Step;
use crate::domain::roles::Role;
use crate::store::staff::StaffRow;
use crate::store::void::Voidable;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// What saving the form does, and on which record (with the version the user saw).
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    NewAdmission,
    Step {
        admission_id: i64,
        version: i64,
        step: Step,
    },
    Undo {
        admission_id: i64,
        version: i64,
    },
    MoveCase {
        case_id: i64,
        version: i64,
    },
    CallOff {
        case_id: i64,
        version: i64,
        kind: crate::domain::block_changes::CallOff,
    },
    /// R-BLOCK-5: the postponed cases offered: id, version seen, label.
    Rebook {
        waiting: Vec<(i64, i64, String)>,
    },
    Bed {
        admission_id: i64,
        version: i64,
    },
    Consultation {
        case_id: i64,
    },
    Intake {
        admission_id: i64,
    },
    AdmitAt {
        admission_id: i64,
        version: i64,
    },
    Treatment {
        patient_id: i64,
    },
    Lab {
        patient_id: i64,
    },
    DischargeCheck {
        admission_id: i64,
        version: Option<i64>,
    },
    Discharge {
        admission_id: i64,
        version: i64,
    },
    Round {
        case_id: i64,
        pins: u32,
        craniofacial: bool,
    },
    Phase {
        case_id: i64,
    },
    /// R-DO-5: the sessions of `day`, and those recorded as seen.
    Turns {
        case_id: i64,
        day: NaiveDate,
        seen: Vec<turns::Seen>,
    },
    /// R-DO-8: a hexapod frame's struts of a day.
    Struts {
        prescription_id: i64,
        day: NaiveDate,
    },
    /// R-DO-8: a hexapod prescription read from a file.
    HexapodImport {
        case_id: i64,
    },
    /// R-ROLE-1: the Admin tab gives a member of staff a role.
    StaffRole {
        staff_id: i64,
        version: i64,
    },
    /// Issue 8: void an entry of this admission made by mistake.
    Void,
    StopTreatment,
    /// R-TRACE-3: a receipt's scanned string; saving it opens [`Purpose::Receive`].
    Scan {
        refs: Vec<crate::domain::stock::Reference>,
        gs_key: Option<char>,
        today: NaiveDate,
    },
    /// R-STOCK-2: a receipt's fields, checked, with the whole scanned string.
    Receive {
        scanned: Option<String>,
    },
    Reserve {
        ref_id: i64,
    },
    Movement {
        lot_id: i64,
        kind: crate::domain::stock::movement::MovementKind,
    },
    Recall {
        code: String,
    },
    NewReference,
    /// R-TRACE-1: who implanted a recorded device.
    ImplantOperator,
    /// Issue 8: the Admin tab adds or changes staff, rooms, beds, kinds.
    Setup(ward_setup::SetupForm),
    /// R-TRACE-1: void an implant record of a lot made by mistake.
    VoidImplant,
    /// R-STOCK-3, R-TRACE-2: lift a lot's quarantine, or its recall.
    Lift {
        lot_id: i64,
        recall: bool,
    },
    /// R-BLOCK-6: an event of the J0 timeline corrected or voided.
    CorrectEvent,
    /// R-COMP-1: a complication of the patient, on this stay's case if any.
    RecordComplication {
        patient_id: i64,
        case_id: Option<i64>,
    },
    /// R-COMP-1: an open complication closed with its outcome.
    CloseComplication,
    /// R-HO-1: an ossification follow-up of the patient; its times are
    /// typed in the ward's zone.
    RecordOssification {
        patient_id: i64,
        case_id: Option<i64>,
        zone: chrono_tz::Tz,
    },
    /// R-HO-1: a follow-up's X-ray check and its Brooker grade.
    OssificationXray,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpenForm {
    pub form: Form,
    pub purpose: Purpose,
    /// The patient the form acts on, as every such screen shows it (R-PATH-5).
    pub who: String,
    /// A save is under way: further saves wait for its answer.
    pub saving: bool,
    /// Someone else saved the record first: the next read of it refreshes
    /// the version and shows what is stored (see [`refresh`]).
    pub stale: bool,
    /// The user confirmed a planned date already past (R-PATH-6).
    pub retrospective: bool,
    /// R-TRACE-3: Alt-digits typed so far (Alt+029 is a scanner's GS).
    pub alt_digits: String,
    /// The last save's outcome is unknown (`Form::maybe_saved`) and the
    /// user was asked once: the next save goes.
    pub resave_asked: bool,
}

impl OpenForm {
    fn new(form: Form, purpose: Purpose, who: &str) -> OpenForm {
        OpenForm {
            form,
            purpose,
            who: who.to_string(),
            saving: false,
            stale: false,
            retrospective: false,
            alt_digits: String::new(),
            resave_asked: false,
        }
    }
}

/// R-ROLE-1: the role to give a member of staff (every role but
/// `unassigned`, which only a new account has).
pub fn staff_role(row: &StaffRow) -> OpenForm {
    let choices: Vec<Choice> =
        Role::ALL.into_iter().filter(|r| *r != Role::Unassigned).map(|r| Choice::new(r.code(), r.name())).collect();
    let field = Field::pick("role", tr!("admin-field-role"), choices);
    let field = if row.role == Role::Unassigned { field } else { field.with(row.role.code()) };
    let who = ward_setup::who(row);
    let form = Form::new(tr!("admin-form-give-role"), vec![field]).with_subtitle(&who);
    OpenForm::new(form, Purpose::StaffRole { staff_id: row.staff_id, version: row.version }, &who)
}

/// Issue 8: which entry of this admission or its patient to void, and why:
/// an intake, a treatment, a lab result, a consultation, a complication
/// (R-COMP-1) or an ossification follow-up (R-HO-1), each named with the
/// number the page shows. `None` when nothing can be voided (every entry is
/// voided already, or none was made).
pub fn void(d: &AdmissionDetail, zone: chrono_tz::Tz, who: &str) -> Option<OpenForm> {
    let when = |t: DateTime<Utc>| t.with_timezone(&zone).format("%d/%m %H:%M").to_string();
    let code = |what: Voidable, id: i64| format!("{}:{id}", what.code());
    let mut choices = Vec::new();
    for i in d.intakes.iter().filter(|i| i.voided.is_none()) {
        choices.push(Choice::new(
            code(Voidable::Intake, i.intake_id),
            tr!(
                "admin-void-intake",
                id = i.intake_id.to_string(),
                kind = i.kind.label().to_string(),
                at = when(i.taken_at)
            ),
        ));
    }
    for t in d.treatments.iter().filter(|t| t.voided.is_none()) {
        choices.push(Choice::new(
            code(Voidable::Treatment, t.treatment_id),
            tr!("admin-void-treatment", id = t.treatment_id.to_string(), label = t.label.to_string()),
        ));
    }
    for l in d.labs.iter().filter(|l| l.voided.is_none()) {
        choices.push(Choice::new(
            code(Voidable::Lab, l.lab_id),
            tr!(
                "admin-void-lab",
                id = l.lab_id.to_string(),
                item = l.item.label().to_string(),
                value = l.value,
                at = when(l.taken_at)
            ),
        ));
    }
    for c in d.consultations.iter().filter(|c| c.voided.is_none()) {
        choices.push(Choice::new(
            code(Voidable::Consultation, c.consultation_id),
            tr!(
                "admin-void-consultation",
                id = c.consultation_id.to_string(),
                outcome = c.outcome.code(),
                at = when(c.held_at)
            ),
        ));
    }
    for c in d.complications.iter().filter(|c| c.voided.is_none()) {
        choices.push(Choice::new(
            code(Voidable::Complication, c.complication_id),
            tr!("admin-void-complication", id = c.complication_id.to_string(), summary = c.summary().to_string()),
        ));
    }
    for f in d.ossification.iter().map(|v| &v.follow_up).filter(|f| f.voided.is_none()) {
        choices.push(Choice::new(
            code(Voidable::Ossification, f.follow_up_id),
            tr!("admin-void-ossification", id = f.follow_up_id.to_string(), at = when(f.surgery_at)),
        ));
    }
    if choices.is_empty() {
        return None;
    }
    let form = Form::new(
        tr!("admin-form-void"),
        vec![
            Field::pick("entry", tr!("admin-field-entry"), choices),
            Field::text("reason", tr!("admin-field-what-was-wrong"), 200),
        ],
    )
    .with_subtitle(who);
    Some(OpenForm::new(form, Purpose::Void, who))
}

/// R-PATH-6: the arrival of a patient whose procedure has passed (a
/// retrospective entry): when they came, from the planned day at 18:00.
pub fn admit_at(admission_id: i64, version: i64, planned: NaiveDate, today: NaiveDate, who: &str) -> OpenForm {
    let form = Form::new(
        tr!("admin-form-admit-at"),
        vec![
            Field::date("day", tr!("admin-field-arrived-on"))
                .with(planned.format("%d/%m/%Y").to_string())
                .not_after(today),
            Field::time("time", tr!("admin-field-at")).with("18:00"),
        ],
    )
    .with_subtitle(tr!("admin-admit-at-subtitle", who = who).into_owned());
    OpenForm::new(form, Purpose::AdmitAt { admission_id, version }, who)
}

/// R-MED-3: marks a treatment stopped, from those recorded as taken (found
/// in use, #7: a missed stop said "mark it stopped" and no key did).
pub fn stop_treatment(d: &AdmissionDetail, who: &str) -> Option<OpenForm> {
    let choices: Vec<Choice> = d
        .treatments
        .iter()
        .filter(|t| t.active && t.voided.is_none())
        .map(|t| {
            Choice::new(
                format!("{}:{}", t.treatment_id, t.version),
                tr!("admin-void-treatment", id = t.treatment_id.to_string(), label = t.label.to_string()),
            )
        })
        .collect();
    if choices.is_empty() {
        return None;
    }
    let field = Field::pick("treatment", tr!("admin-field-treatment"), choices);
    let form = Form::new(tr!("admin-form-stop-treatment"), vec![field]).with_subtitle(who);
    Some(OpenForm::new(form, Purpose::StopTreatment, who))
}

/// R-AUDIT-2, after a conflict: the record as stored now. The form takes
/// the new version (the user has now seen the other save), keeps every
/// character typed, and lists beside each field what is stored now where
/// it differs from the typing.
pub fn refresh(open: &mut OpenForm, d: &AdmissionDetail, zone: chrono_tz::Tz) {
    let who = open.who.clone();
    let a = &d.admission;
    let fresh = match &mut open.purpose {
        Purpose::Step { version, .. } | Purpose::Undo { version, .. } | Purpose::Discharge { version, .. } => {
            *version = a.version;
            None
        }
        Purpose::Bed { version, .. } => {
            *version = a.version;
            Some(bed(a.admission_id, a.version, &[], a.bed_id, &who))
        }
        Purpose::MoveCase { case_id, version } => match d.case.as_ref().filter(|c| c.case_id == *case_id) {
            Some(c) => {
                *version = c.version;
                let local = c.start.with_timezone(&zone);
                Some(move_case(c.case_id, c.version, local.date_naive(), local.time(), None, &who))
            }
            None => None,
        },
        Purpose::DischargeCheck { version, .. } => {
            *version = d.discharge_check.as_ref().map(|c| c.version);
            Some(discharge_check(a.admission_id, d.discharge_check.as_ref(), &who))
        }
        _ => None,
    };
    open.stale = false;
    open.form.theirs = fresh
        .map(|fresh| {
            fresh
                .form
                .fields
                .iter()
                .filter(|f| open.form.value(f.key) != f.value.trim())
                .map(|f| {
                    (f.key, if matches!(f.kind, super::form::Kind::Pick(_)) { f.value.clone() } else { f.shown() })
                })
                .collect()
        })
        .unwrap_or_default();
}

/// A store request, typed and checked, built from a form or a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    NewAdmission(Box<NewAdmission>),
    Step {
        admission_id: i64,
        version: i64,
        step: Step,
        reason: Option<String>,
        who: String,
    },
    Undo {
        admission_id: i64,
        version: i64,
        reason: String,
        who: String,
    },
    MoveCase {
        case_id: i64,
        version: i64,
        day: NaiveDate,
        time: NaiveTime,
        /// The reading asked for when `time` occurs twice (the autumn clock
        /// change): `02:05 (2nd)`; `None` takes the first.
        reading: Option<crate::domain::ward_time::Reading>,
        retrospective: bool,
        /// The Block tab's move also sets the room and staff.
        placement: Option<crate::store::cases::Placement>,
        /// R-BLOCK-3, R-BLOCK-4: recorded with an override the schedule allows.
        override_reason: Option<String>,
        who: String,
    },
    Bed {
        admission_id: i64,
        version: i64,
        bed_id: Option<i64>,
        who: String,
    },
    /// R-BLOCK-5: cancel or postpone a case, with a reason from the list.
    CallOff {
        case_id: i64,
        version: i64,
        kind: crate::domain::block_changes::CallOff,
        reason: crate::domain::block_changes::CancelReason,
        note: Option<String>,
        who: String,
    },
    Consultation(Box<ConsultationRequest>),
    Intake {
        admission_id: i64,
        kind: IntakeKind,
        at_day: NaiveDate,
        at_time: NaiveTime,
        who: String,
    },
    /// R-PATH-6: admitted at a past time (a stay whose procedure has passed).
    AdmitAt {
        admission_id: i64,
        version: i64,
        day: NaiveDate,
        time: NaiveTime,
        who: String,
    },
    Treatment {
        patient_id: i64,
        drug: DrugClass,
        who: String,
    },
    StopTreatment {
        treatment_id: i64,
        version: i64,
        who: String,
    },
    Lab {
        patient_id: i64,
        item: LabItem,
        value: f64,
        day: NaiveDate,
        time: NaiveTime,
        who: String,
    },
    DischargeCheck(Box<DischargeCheckRequest>),
    Discharge {
        admission_id: i64,
        version: i64,
        reason: Option<String>,
        who: String,
    },
    Check {
        case_id: i64,
        item: crate::domain::checklist::CheckItem,
        done: bool,
        version: Option<i64>,
        who: String,
    },
    Confirm {
        case_id: i64,
        version: i64,
        who: String,
    },
    Emergency {
        case_id: i64,
        version: i64,
        on: bool,
        who: String,
    },
    PreVisit {
        case_id: i64,
        version: i64,
        at: Option<DateTime<Utc>>,
        who: String,
    },
    Insulin {
        patient_id: i64,
        version: i64,
        on: bool,
        who: String,
    },
    BedState {
        bed_id: i64,
        version: i64,
        action: crate::domain::beds::BedAction,
        label: String,
    },
    CallDone {
        call_id: i64,
        version: i64,
        who: String,
    },
    /// The Rounds tab (R-DO-5, R-DO-7).
    Rounds(RoundsRequest),
    /// The Stock tab (R-STOCK-*, R-TRACE-*).
    Stock(stock::StockRequest),
    StaffRole {
        staff_id: i64,
        version: i64,
        role: Role,
        who: String,
    },
    StaffActive {
        staff_id: i64,
        version: i64,
        active: bool,
        who: String,
    },
    Void {
        what: Voidable,
        id: i64,
        reason: String,
        who: String,
    },
    /// The Admin tab (issue 8, R-ROLE-1, R-BLOCK-1, R-BLOCK-2).
    Setup(ward_setup::SetupRequest),
    /// R-BLOCK-6: the J0 timeline.
    Timeline(TimelineRequest),
    /// R-COMP-1: complications recorded and closed.
    Complication(ComplicationRequest),
    /// R-HO-1: ossification follow-ups and their X-ray checks.
    Ossification(OssificationRequest),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConsultationRequest {
    pub case_id: i64,
    pub day: NaiveDate,
    pub time: NaiveTime,
    pub anaesthetist_id: Option<i64>,
    pub asa: Option<AsaClass>,
    pub planned_mode: AnaesthesiaMode,
    pub outcome: CpaOutcome,
    pub notes: Option<String>,
    pub who: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DischargeCheckRequest {
    pub admission_id: i64,
    pub version: Option<i64>,
    pub padss: [Option<u8>; 5],
    pub escort: bool,
    pub letter_given_today: bool,
    pub work_stop_certificate: bool,
    pub follow_up_appointment: bool,
    pub who: String,
}

impl Request {
    /// Whether the store may refuse it as a past plan (R-PATH-6), so that a
    /// confirmation can send it again as a retrospective entry.
    pub fn can_be_retrospective(&self) -> bool {
        matches!(self, Request::NewAdmission(_) | Request::MoveCase { .. })
    }

    fn confirm_retrospective(&mut self) {
        match self {
            Request::NewAdmission(new) => new.retrospective = true,
            Request::MoveCase { retrospective, .. } => *retrospective = true,
            _ => {}
        }
    }
}

/// The typed request, or the first reason it cannot be made; marked
/// retrospective when the user confirmed a past date.
pub fn request(open: &OpenForm) -> Result<Request, String> {
    let mut request = unconfirmed_request(open)?;
    if open.retrospective {
        request.confirm_retrospective();
    }
    Ok(request)
}

fn unconfirmed_request(open: &OpenForm) -> Result<Request, String> {
    let form = &open.form;
    if let Some((i, problem)) = form.problems().into_iter().next() {
        return Err(crate::app::form::field_problem(&form.fields[i].label, &problem));
    }
    let who = open.who.clone();
    match open.purpose.clone() {
        Purpose::NewAdmission => stay::new_admission_request(form).map(|r| Request::NewAdmission(Box::new(r))),
        Purpose::Step { admission_id, version, step } => {
            Ok(Request::Step { admission_id, version, step, reason: Some(form.value("reason").to_string()), who })
        }
        Purpose::Undo { admission_id, version } => {
            Ok(Request::Undo { admission_id, version, reason: form.value("reason").to_string(), who })
        }
        Purpose::MoveCase { case_id, version } => stay::move_request(form, case_id, version, who),
        Purpose::CallOff { case_id, version, kind } => stay::call_off_request(form, case_id, version, kind, who),
        Purpose::Rebook { waiting } => stay::rebook_request(form, &waiting),
        Purpose::Bed { admission_id, version } => {
            Ok(Request::Bed { admission_id, version, bed_id: form.value("bed").parse().ok(), who })
        }
        Purpose::Consultation { case_id } => clinical::consultation_request(form, case_id, who),
        Purpose::Intake { admission_id } => clinical::intake_request(form, admission_id, who),
        Purpose::AdmitAt { admission_id, version } => Ok(Request::AdmitAt {
            admission_id,
            version,
            day: crate::app::form::parse_date(form.value("day"))?,
            time: crate::app::form::parse_time(form.value("time"))?,
            who,
        }),
        Purpose::Treatment { patient_id } => clinical::treatment_request(form, patient_id, who),
        Purpose::Lab { patient_id } => clinical::lab_request(form, patient_id, who),
        Purpose::DischargeCheck { admission_id, version } => discharge::check_request(form, admission_id, version, who),
        Purpose::StopTreatment => {
            let bad =
                || crate::app::form::field_problem(&tr!("admin-field-treatment"), &crate::app::form::arrows_text().1);
            let (id, version) = form.value("treatment").split_once(':').ok_or_else(bad)?;
            let treatment_id = id.parse().map_err(|_| bad())?;
            let version = version.parse().map_err(|_| bad())?;
            Ok(Request::StopTreatment { treatment_id, version, who })
        }
        Purpose::Void => {
            let bad = || crate::app::form::field_problem(&tr!("admin-field-entry"), &crate::app::form::arrows_text().1);
            let (code, id) = form.value("entry").split_once(':').ok_or_else(bad)?;
            let what = Voidable::from_code(code).ok_or_else(bad)?;
            let id = id.parse().map_err(|_| bad())?;
            Ok(Request::Void { what, id, reason: form.value("reason").to_string(), who })
        }
        Purpose::StaffRole { staff_id, version } => {
            let role = Role::from_code(form.value("role")).ok_or_else(|| {
                crate::app::form::field_problem(&tr!("admin-field-role"), &crate::app::form::arrows_text().1)
            })?;
            Ok(Request::StaffRole { staff_id, version, role, who })
        }
        Purpose::Discharge { admission_id, version } => {
            let reason = Some(form.value("reason").to_string()).filter(|r| !r.is_empty());
            Ok(Request::Discharge { admission_id, version, reason, who })
        }
        Purpose::Round { case_id, pins, craniofacial } => rounds::round_request(form, case_id, pins, craniofacial, who),
        Purpose::Phase { case_id } => rounds::phase_request(form, case_id, who),
        Purpose::Turns { case_id, day, seen } => turns::turns_request(form, case_id, day, &seen, who),
        Purpose::Struts { prescription_id, day } => hexapod::struts_request(form, prescription_id, day, who),
        Purpose::HexapodImport { case_id } => hexapod::import_request(form, case_id, who),
        Purpose::Scan { .. } => {
            let key = crate::i18n::t(crate::i18n::language(), "keycap-enter");
            Err(tr!("admin-scan-press-enter", key = key.as_ref()).into_owned())
        }
        Purpose::Receive { scanned } => stock::receive_request(form, scanned),
        Purpose::Reserve { ref_id } => stock::reserve_request(form, ref_id, who),
        Purpose::Movement { lot_id, kind } => stock::movement_request(form, lot_id, kind, who),
        Purpose::Recall { code } => stock::recall_request(form, code),
        Purpose::VoidImplant => stock::void_request(form),
        Purpose::Lift { lot_id, recall } => stock::lift_request(form, lot_id, recall, who),
        Purpose::NewReference => stock::new_reference_request(form),
        Purpose::ImplantOperator => stock::operator_request(form),
        Purpose::Setup(which) => ward_setup::request(form, which, who),
        Purpose::CorrectEvent => timeline::correct_request(form, who),
        Purpose::RecordComplication { patient_id, case_id } => {
            complications::record_request(form, patient_id, case_id, who)
        }
        Purpose::CloseComplication => complications::close_request(form, who),
        Purpose::RecordOssification { patient_id, case_id, zone } => {
            ossification::record_request(form, patient_id, case_id, zone, who)
        }
        Purpose::OssificationXray => ossification::xray_request(form, who),
    }
}
