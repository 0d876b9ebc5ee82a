//! Forms about the stay itself: a new admission, steps that need a reason,
//! moving the procedure, the bed.

use super::{OpenForm, Purpose, Request};
use crate::app::form::{Choice, Field, Form, parse_date, parse_time, parse_time_reading};
use crate::domain::block_changes::{CallOff, CancelReason};
use crate::domain::case::AnaesthesiaMode;
use crate::domain::journey::BleedingRisk;
use crate::domain::pathway::Step;
use crate::store::cases::Placement;
use crate::store::patients::NewPatient;
use crate::store::reference::Lists;
use chrono::{NaiveDate, NaiveTime};
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq)]
pub struct NewAdmission {
    pub patient: NewPatient,
    pub procedure_kind_id: i64,
    pub procedure_day: NaiveDate,
    pub start_time: NaiveTime,
    pub side_level: Option<String>,
    pub anaesthesia_mode: AnaesthesiaMode,
    /// `None`: from the procedure kind (R-MED-2).
    pub bleeding_risk: Option<BleedingRisk>,
    pub operator_id: Option<i64>,
    pub room_id: Option<i64>,
    pub bed_id: Option<i64>,
    pub emergency: bool,
    pub iodinated_contrast: bool,
    /// The user confirmed a start already past (R-PATH-6).
    pub retrospective: bool,
}

pub(super) fn choices(items: &[(i64, String)], none: Option<&str>) -> Vec<Choice> {
    let mut out: Vec<Choice> = none.map(|label| Choice::new("", label)).into_iter().collect();
    out.extend(items.iter().map(|(id, label)| Choice::new(id.to_string(), label.clone())));
    out
}

pub fn mode_label(mode: AnaesthesiaMode) -> Cow<'static, str> {
    match mode {
        AnaesthesiaMode::LocalOnly => tr!("admission-mode-local"),
        AnaesthesiaMode::SedationLocal => tr!("admission-mode-sedation"),
        AnaesthesiaMode::General => tr!("admission-mode-general"),
        AnaesthesiaMode::Regional => tr!("admission-mode-regional"),
    }
}

pub(super) fn mode_choices() -> Vec<Choice> {
    AnaesthesiaMode::ALL.iter().map(|m| Choice::new(m.code(), mode_label(*m))).collect()
}

/// Register a patient and plan the stay around a procedure day (R-PATH-1).
/// `today` bounds the birth date (R-PATH-6: not in the future).
/// `books`: the user's role may book the block (R-ROLE-1); otherwise the
/// operator and room are left to the scheduler and not offered.
pub fn new_admission(lists: &Lists, procedure_day: NaiveDate, today: NaiveDate, books: bool) -> OpenForm {
    let kinds: Vec<(i64, String)> = lists.procedure_kinds.iter().map(|(id, label, _)| (*id, label.clone())).collect();
    let sexes = vec![
        Choice::new("F", tr!("admission-form-sex-f")),
        Choice::new("M", tr!("admission-form-sex-m")),
        Choice::new("X", tr!("admission-form-sex-x")),
    ];
    let risk = vec![
        Choice::new("auto", tr!("admission-form-risk-auto")),
        Choice::new("standard", tr!("admission-form-risk-standard")),
        Choice::new("high", tr!("admission-form-risk-high")),
    ];
    let not_known = tr!("admission-form-not-yet-known");
    let mut fields = vec![
        Field::text("hospital_number", tr!("admission-form-hospital-number"), 20),
        Field::text("surname", tr!("admission-form-surname"), 60),
        Field::text("first_name", tr!("admission-form-first-name"), 60),
        Field::date("birth_date", tr!("admission-form-birth-date")).not_after(today),
        Field::pick("sex", tr!("admission-form-sex"), sexes),
        Field::pick("kind", tr!("admission-form-procedure"), choices(&kinds, None)),
        Field::date("day", tr!("admission-form-procedure-day")).with(procedure_day.format("%d/%m/%Y").to_string()),
        Field::time("start", tr!("admission-form-start")).with("08:00"),
        Field::text("side_level", tr!("admission-form-side-level"), 40).optional(),
        Field::pick("mode", tr!("admission-form-anaesthesia"), mode_choices()),
        Field::pick("risk", tr!("admission-form-bleeding-risk"), risk).with("auto"),
        Field::pick("operator", tr!("admission-form-operator"), choices(&lists.operators, Some(&*not_known)))
            .optional(),
        Field::pick("room", tr!("admission-form-room"), choices(&lists.rooms, Some(&*not_known))).optional(),
        Field::pick(
            "bed",
            tr!("admission-form-bed-j1"),
            choices(&lists.beds, Some(&*tr!("admission-form-no-bed-yet"))),
        )
        .optional(),
        Field::flag("contrast", tr!("admission-form-contrast")),
        Field::flag("emergency", tr!("admission-form-emergency")),
    ];
    let mut subtitle = tr!("admission-form-planned").into_owned();
    if !books {
        fields.retain(|f| f.key != "operator" && f.key != "room");
        subtitle = tr!("admission-form-planned-scheduler").into_owned();
    }
    let form = Form::new(tr!("admission-form-new"), fields).with_subtitle(&subtitle);
    OpenForm::new(form, Purpose::NewAdmission, "")
}

pub(super) fn new_admission_request(form: &Form) -> Result<NewAdmission, String> {
    let patient = NewPatient {
        surname: form.value("surname").to_string(),
        first_name: form.value("first_name").to_string(),
        birth_date: parse_date(form.value("birth_date"))?,
        sex: form.value("sex").chars().next().unwrap_or('X'),
        hospital_number: form.value("hospital_number").to_string(),
    };
    let procedure_day = parse_date(form.value("day"))?;
    if patient.birth_date > procedure_day {
        return Err(tr!("admission-form-birth-after").into_owned());
    }
    Ok(NewAdmission {
        patient,
        procedure_kind_id: form
            .value("kind")
            .parse()
            .map_err(|_| tr!("admission-form-procedure-choose").into_owned())?,
        procedure_day,
        start_time: parse_time(form.value("start"))?,
        side_level: Some(form.value("side_level").to_string()).filter(|s| !s.is_empty()),
        anaesthesia_mode: AnaesthesiaMode::from_code(form.value("mode"))
            .ok_or_else(|| tr!("admission-form-anaesthesia-choose").into_owned())?,
        bleeding_risk: BleedingRisk::from_code(form.value("risk")),
        operator_id: form.value("operator").parse().ok(),
        room_id: form.value("room").parse().ok(),
        bed_id: form.value("bed").parse().ok(),
        emergency: form.flag("emergency"),
        iodinated_contrast: form.flag("contrast"),
        retrospective: false,
    })
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A step that must say why (cancel, postpone, prolong: R-PATH-2).
pub fn step_reason(admission_id: i64, version: i64, step: Step, who: &str) -> OpenForm {
    let label =
        if step == Step::Prolong { tr!("admission-form-incident-reason") } else { tr!("admission-form-reason") };
    let title = tr!("admission-form-step-title", code = step.code(), step = capitalised(&step.name()));
    let form = Form::new(title, vec![Field::text("reason", label, 200)]).with_subtitle(who);
    OpenForm::new(form, Purpose::Step { admission_id, version, step }, who)
}

/// R-PATH-2: a mistaken step is undone by a new, recorded step.
pub fn undo(admission_id: i64, version: i64, last_step: &str, who: &str) -> OpenForm {
    let form = Form::new(tr!("admission-form-undo"), vec![Field::text("reason", tr!("admission-form-why-undo"), 200)])
        .with_subtitle(tr!("admission-form-undo-subtitle", who = who, step = last_step));
    OpenForm::new(form, Purpose::Undo { admission_id, version }, who)
}

/// The room and staff a case has now, and the lists to choose others from
/// (the Block tab's move form offers them; an admission's moves the time only).
pub struct PlacementChoice<'a> {
    pub current: Placement,
    pub lists: &'a Lists,
}

fn with_current(field: Field, id: Option<i64>) -> Field {
    match id {
        Some(id) => field.with(id.to_string()),
        None => field,
    }
}

/// R-PATH-1: moving the procedure moves the stay too, unless already
/// admitted. R-BLOCK-3, R-BLOCK-4: a move that meets a conflict allowing an
/// override, or the frozen list, is saved once a reason is given.
pub fn move_case(
    case_id: i64,
    version: i64,
    day: NaiveDate,
    time: NaiveTime,
    placement: Option<PlacementChoice<'_>>,
    who: &str,
) -> OpenForm {
    let mut fields = vec![
        Field::date("day", tr!("admission-form-new-day")).with(day.format("%d/%m/%Y").to_string()),
        Field::time("time", tr!("admission-form-new-start")).with(time.format("%H:%M").to_string()),
    ];
    if let Some(p) = placement {
        let pick = |key, label: Cow<'static, str>, items: &[(i64, String)], none: Cow<'static, str>| {
            Field::pick(key, label, choices(items, Some(&*none))).optional()
        };
        fields.push(with_current(
            pick("room", tr!("admission-form-room"), &p.lists.rooms, tr!("admission-form-no-room-yet")),
            p.current.room_id,
        ));
        fields.push(with_current(
            pick("operator", tr!("admission-form-operator"), &p.lists.operators, tr!("admission-form-no-operator-yet")),
            p.current.operator_id,
        ));
        fields.push(with_current(
            pick(
                "anaesthetist",
                tr!("admission-form-anaesthetist"),
                &p.lists.anaesthetists,
                tr!("admission-form-no-anaesthetist"),
            ),
            p.current.anaesthetist_id,
        ));
        fields.push(with_current(
            pick("nurse", tr!("admission-form-block-nurse"), &p.lists.nurses, tr!("admission-form-no-nurse-yet")),
            p.current.nurse_id,
        ));
        // R-BLOCK-2: the kind's duration, changed here (a resize).
        let minutes = Field::whole("minutes", tr!("admission-form-minutes"), 1, crate::store::admissions::MAX_MINUTES);
        fields.push(match p.current.minutes {
            Some(m) => minutes.with(m.to_string()),
            None => minutes,
        });
    }
    fields.push(Field::text("override", tr!("admission-form-override"), 200).optional());
    let form = Form::new(tr!("admission-form-move"), fields).with_subtitle(who);
    OpenForm::new(form, Purpose::MoveCase { case_id, version }, who)
}

pub(super) fn move_request(form: &Form, case_id: i64, version: i64, who: String) -> Result<Request, String> {
    let id = |key| form.value(key).parse::<i64>().ok();
    // Issue 9: the minutes through the field's own whole-number check: a
    // fraction is refused, never dropped.
    let minutes = form.whole::<u32>("minutes")?;
    let placement = form.fields.iter().any(|f| f.key == "room").then(|| Placement {
        room_id: id("room"),
        operator_id: id("operator"),
        anaesthetist_id: id("anaesthetist"),
        nurse_id: id("nurse"),
        minutes,
    });
    let reason = form.value("override").trim();
    let (time, reading) = parse_time_reading(form.value("time"))?;
    Ok(Request::MoveCase {
        case_id,
        version,
        day: parse_date(form.value("day"))?,
        time,
        reading,
        retrospective: false,
        placement,
        override_reason: (!reason.is_empty()).then(|| reason.to_string()),
        who,
    })
}

/// R-PATH-4: the bed held for the stay; only beds free on those nights are offered.
pub fn bed(admission_id: i64, version: i64, beds: &[(i64, String)], current: Option<i64>, who: &str) -> OpenForm {
    let field =
        Field::pick("bed", tr!("admission-form-bed"), choices(beds, Some(&*tr!("admission-form-no-bed")))).optional();
    let field = match current {
        Some(id) => field.with(id.to_string()),
        None => field,
    };
    let form = Form::new(tr!("admission-form-bed-title"), vec![field]).with_subtitle(who);
    OpenForm::new(form, Purpose::Bed { admission_id, version }, who)
}

/// R-BLOCK-5: a postponed case booked again: which one (from the waiting
/// list, nothing chosen for you), the new day and start, and a reason if
/// the schedule asks for an override. `waiting` holds (case id, version, label).
pub fn rebook(waiting: &[(i64, i64, String)], day: NaiveDate) -> OpenForm {
    let choices = waiting.iter().map(|(id, _, label)| Choice::new(id.to_string(), label.clone())).collect();
    let form = Form::new(
        tr!("admission-form-rebook"),
        vec![
            Field::pick("case", tr!("admission-form-postponed-case"), choices),
            Field::date("day", tr!("admission-form-new-day")).with(day.format("%d/%m/%Y").to_string()),
            Field::time("time", tr!("admission-form-new-start")),
            Field::text("override", tr!("admission-form-override"), 200).optional(),
        ],
    );
    OpenForm::new(form, Purpose::Rebook { waiting: waiting.to_vec() }, "")
}

pub(super) fn rebook_request(form: &Form, waiting: &[(i64, i64, String)]) -> Result<Request, String> {
    let case_id: i64 = form.value("case").parse().map_err(|_| tr!("admission-form-postponed-choose").into_owned())?;
    let (version, who) = waiting
        .iter()
        .find(|(id, _, _)| *id == case_id)
        .map(|(_, v, label)| (*v, label.split(" · ").next().unwrap_or_default().to_string()))
        .ok_or_else(|| tr!("admission-form-postponed-choose").into_owned())?;
    let reason = form.value("override").trim();
    let (time, reading) = parse_time_reading(form.value("time"))?;
    Ok(Request::MoveCase {
        case_id,
        version,
        day: parse_date(form.value("day"))?,
        time,
        reading,
        retrospective: false,
        placement: None,
        override_reason: (!reason.is_empty()).then(|| reason.to_string()),
        who,
    })
}

/// R-BLOCK-5: cancelling or postponing a case from the block needs a reason
/// from the list (nothing chosen for you), and a note for "other" (may add
/// one otherwise).
pub fn call_off(case_id: i64, version: i64, kind: CallOff, who: &str) -> OpenForm {
    let reasons = CancelReason::ALL.iter().map(|r| Choice::new(r.code(), r.words())).collect();
    let title = match kind {
        CallOff::Cancelled => tr!("admission-form-cancel-case"),
        CallOff::Postponed => tr!("admission-form-postpone-case"),
    };
    let form = Form::new(
        title,
        vec![
            Field::pick("reason", tr!("admission-form-reason"), reasons),
            Field::text("note", tr!("admission-form-note-other"), 200).optional(),
        ],
    )
    .with_subtitle(who);
    OpenForm::new(form, Purpose::CallOff { case_id, version, kind }, who)
}

pub(super) fn call_off_request(
    form: &Form,
    case_id: i64,
    version: i64,
    kind: CallOff,
    who: String,
) -> Result<Request, String> {
    let reason = CancelReason::from_code(form.value("reason"))
        .ok_or_else(|| tr!("admission-form-reason-choose").into_owned())?;
    let note = Some(form.value("note").trim().to_string()).filter(|n| !n.is_empty());
    // R-BLOCK-5: the same rule as the store's: "other" says what it was.
    if reason == CancelReason::Other && note.is_none() {
        return Err(tr!("admission-form-note-needed").into_owned());
    }
    Ok(Request::CallOff { case_id, version, kind, reason, note, who })
}

/// The question asked before a cancellation is saved: the case leaves the
/// block schedule and the stay closes (R-BLOCK-5, R-PATH-2). The reason form
/// alone was a key or two from a cancellation; a postponement is not asked
/// again, as the case waits in the Block tab's postponed list.
pub fn cancel_confirmation(request: &Request) -> Option<(String, Vec<String>)> {
    let (title, who, reason) = match request {
        Request::CallOff { kind: CallOff::Cancelled, reason, note, who, .. } => {
            let reason = match note {
                Some(note) => format!("{} — {note}", reason.words()),
                None => reason.words().into_owned(),
            };
            (tr!("admission-cancel-case-ask"), who, reason)
        }
        Request::Step { step: Step::Cancel, reason, who, .. } => {
            (tr!("admission-cancel-stay-ask"), who, reason.clone().unwrap_or_default())
        }
        _ => return None,
    };
    let lines = vec![
        who.clone(),
        tr!("admission-cancel-reason", reason = reason).into_owned(),
        tr!("admission-cancel-undo").into_owned(),
    ];
    Some((title.into_owned(), lines))
}

#[cfg(test)]
mod tests {
    use super::super::request;
    use super::*;

    fn lists() -> Lists {
        Lists {
            procedure_kinds: vec![(1, "Vertebroplasty".into(), 90)],
            operators: vec![(4, "Dr Caron".into())],
            anaesthetists: vec![],
            nurses: vec![],
            rooms: vec![(1, "Room 1".into())],
            beds: vec![(2, "B02".into())],
        }
    }

    #[test]
    fn a_filled_admission_form_becomes_a_typed_request() {
        let mut open = new_admission(
            &lists(),
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            true,
        );
        open.form.set("hospital_number", "H42");
        open.form.set("surname", "Durand");
        open.form.set("first_name", "Anne");
        open.form.set("birth_date", "02/01/1950");
        open.form.set("bed", "2");
        assert_eq!(request(&open), Err("Sex: choose one with ← →".into()), "no default for a required choice");
        open.form.set("sex", "F");
        open.form.set("kind", "1");
        open.form.set("mode", "local");
        let Ok(Request::NewAdmission(req)) = request(&open) else { panic!("{:?}", request(&open)) };
        assert_eq!(req.procedure_kind_id, 1);
        assert_eq!(req.bed_id, Some(2));
        assert_eq!(req.operator_id, None);
        assert_eq!(req.start_time, NaiveTime::from_hms_opt(8, 0, 0).unwrap());
        assert_eq!(req.bleeding_risk, None);
    }

    #[test]
    fn the_first_problem_is_named_with_its_field() {
        let open = new_admission(
            &lists(),
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            true,
        );
        assert_eq!(request(&open), Err("Hospital number: required".into()));
    }

    /// Found in use (#8): a nurse booked the block (room, operator) through
    /// this form; the write path now refuses it, and her form does not offer it.
    #[test]
    fn r_role_1_the_form_offers_room_and_operator_only_to_who_books_the_block() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let keys =
            |books| new_admission(&lists(), day, day, books).form.fields.iter().map(|f| f.key).collect::<Vec<_>>();
        assert!(keys(true).contains(&"operator") && keys(true).contains(&"room"));
        assert!(!keys(false).contains(&"operator") && !keys(false).contains(&"room"));
        assert!(keys(false).contains(&"bed"));
    }

    /// R-BLOCK-2 (issue 9): the Block tab's move form refuses 1.2 or 30.5
    /// minutes with a field error; it never saves the move without them.
    #[test]
    fn r_block_2_the_move_form_refuses_a_fraction_of_a_minute() {
        let lists = lists();
        let placement =
            PlacementChoice { current: Placement { minutes: Some(90), ..Placement::default() }, lists: &lists };
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut open = move_case(3, 1, day, NaiveTime::from_hms_opt(8, 0, 0).unwrap(), Some(placement), "X");
        for typed in ["1.2", "30.5"] {
            open.form.set("minutes", typed);
            let err = request(&open).unwrap_err();
            assert!(err.starts_with("Minutes (without turnover): a whole number"), "{typed}: {err}");
        }
        open.form.set("minutes", "45");
        let Ok(Request::MoveCase { placement: Some(p), .. }) = request(&open) else { panic!() };
        assert_eq!(p.minutes, Some(45));
    }

    /// R-BLOCK-5 (issue 9): "other" needs a note, as the store says.
    #[test]
    fn r_block_5_other_needs_a_note() {
        let mut open = call_off(3, 1, CallOff::Cancelled, "X");
        open.form.set("reason", "other");
        assert_eq!(request(&open), Err("Note: say what it was (the reason is \"other\")".into()));
        open.form.set("note", "transport strike");
        assert!(request(&open).is_ok());
    }

    #[test]
    fn r_path_2_a_reason_form_needs_a_reason() {
        let open = step_reason(3, 2, Step::Prolong, "DURAND Anne (02/01/1950)");
        assert_eq!(request(&open), Err("Incident / reason: required".into()));
    }
}
