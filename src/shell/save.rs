//! Turns a typed request into store calls, in one audited transaction, and
//! says in a sentence what changed. The sentence may name the patient (it is
//! shown on the screen that acts on them, R-PATH-5); the log never does
//! (R-PRIV-1): it names the record.

use crate::app::clock::Clock;
use crate::app::forms::{
    ComplicationRequest, ConsultationRequest, DischargeCheckRequest, NewAdmission, Request, TimelineRequest,
};
use crate::app::refusal::Refusal;
use crate::domain::beds::BedAction;
use crate::domain::ward_time;
use crate::store::admissions::{self, NewStay};
use crate::store::consultations::{self, NewConsultation};
use crate::store::discharge::{self, DischargeCheckInput};
use crate::store::{Result, Store, beds, cases, checks, intakes, labs, patients, registration, staff, treatments};
use chrono::{DateTime, Utc};

pub fn run(store: &mut Store, clock: Clock, request: Request) -> Result<String, Refusal> {
    let now = clock.now();
    let label = request_label(&request);
    let result = apply(store, now, request);
    match &result {
        Ok(_) => log::info!("saved: {label}"),
        Err(e) => log::warn!("refused: {label}: {e}"),
    }
    result.map_err(|e| Refusal::from(&e))
}

fn apply(store: &mut Store, now: DateTime<Utc>, request: Request) -> Result<String> {
    let settings = store.settings().clone();
    let zone = settings.zone();
    let at = |day, time| ward_time::at_local(day, time, zone);
    match request {
        Request::NewAdmission(new) => new_admission(store, now, &new),
        Request::Step { admission_id, version, step, reason, who } => store
            .write(now, |tx| admissions::take_step(tx, admission_id, version, step, reason.as_deref()))
            .map(|t| tr!("admin-saved-now", who = who, state = t.to.words()).into_owned()),
        Request::Undo { admission_id, version, reason, who } => store
            .write(now, |tx| admissions::undo_last_step(tx, admission_id, version, &reason))
            .map(|t| tr!("admin-saved-undone", who = who, state = t.to.words()).into_owned()),
        Request::MoveCase { case_id, version, day, time, reading, retrospective, placement, override_reason, who } => {
            let answer = crate::store::block::Answer { override_reason };
            store
                .write(now, |tx| {
                    let start = ward_time::at_local_reading(day, time, reading, zone);
                    cases::reschedule(
                        tx,
                        case_id,
                        version,
                        start,
                        placement.as_ref(),
                        retrospective,
                        &answer,
                        &settings,
                    )
                })
                .map(|m| crate::i18n::labelled(&who, &m.message))
        }
        Request::CallOff { case_id, version, kind, reason, note, who } => store
            .write(now, |tx| crate::store::call_off::call_off(tx, case_id, version, kind, reason, note.as_deref()))
            .map(|words| crate::i18n::labelled(&who, &words)),
        Request::Bed { admission_id, version, bed_id, who } => store
            .write(now, |tx| match bed_id {
                Some(bed) => beds::assign(tx, admission_id, version, bed),
                None => beds::unassign(tx, admission_id, version),
            })
            .map(|_| {
                if bed_id.is_some() {
                    tr!("admin-saved-bed-assigned", who = who)
                } else {
                    tr!("admin-saved-bed-released", who = who)
                }
                .into_owned()
            }),
        Request::Consultation(c) => consultation(store, now, zone, &c),
        Request::Intake { admission_id, kind, at_day, at_time, who } => store
            .write(now, |tx| intakes::record(tx, admission_id, kind, at(at_day, at_time)))
            .map(|_| tr!("admin-saved-intake", who = who, kind = kind.label().to_string()).into_owned()),
        Request::AdmitAt { admission_id, version, day, time, who } => {
            store.write(now, |tx| admissions::admit_at(tx, admission_id, version, at(day, time))).map(|t| {
                let (day, time) = (day.format("%d/%m").to_string(), time.format("%H:%M").to_string());
                tr!("admin-saved-admit-at", who = who, state = t.to.words(), day = day, time = time).into_owned()
            })
        }
        Request::Treatment { patient_id, drug, who } => store
            .write(now, |tx| treatments::add(tx, patient_id, drug))
            .map(|_| tr!("admin-saved-treatment", who = who, drug = drug.label().to_string()).into_owned()),
        Request::StopTreatment { treatment_id, version, who } => store
            .write(now, |tx| treatments::stop(tx, treatment_id, version))
            .map(|_| tr!("admin-saved-treatment-stopped", who = who).into_owned()),
        Request::Lab { patient_id, item, value, day, time, who } => store
            .write(now, |tx| labs::record(tx, patient_id, item, value, at(day, time)))
            .map(|_| tr!("admin-saved-lab", who = who).into_owned()),
        Request::DischargeCheck(c) => discharge_check(store, now, &c),
        Request::Discharge { admission_id, version, reason, who } => store
            .write(now, |tx| discharge::discharge(tx, admission_id, version, reason.as_deref(), &settings))
            .map(|d| {
                tr!("admin-saved-discharged", who = who, day = d.call_due_on.format("%d/%m").to_string()).into_owned()
            }),
        Request::Check { case_id, item, done, version, who } => {
            store.write(now, |tx| checks::set(tx, case_id, item, done, version)).map(|_| {
                let item = item.label().to_string();
                if done {
                    tr!("admin-saved-check-done", who = who, item = item)
                } else {
                    tr!("admin-saved-check-undone", who = who, item = item)
                }
                .into_owned()
            })
        }
        Request::Confirm { case_id, version, who } => store
            .write(now, |tx| checks::confirm_case(tx, case_id, version, now, &settings))
            .map(|_| tr!("admin-saved-confirmed", who = who).into_owned()),
        Request::Emergency { case_id, version, on, who } => {
            store.write(now, |tx| cases::set_emergency(tx, case_id, version, on)).map(|_| {
                if on {
                    tr!("admin-saved-emergency-on", who = who)
                } else {
                    tr!("admin-saved-emergency-off", who = who)
                }
                .into_owned()
            })
        }
        Request::PreVisit { case_id, version, at, who } => {
            store.write(now, |tx| cases::set_pre_visit(tx, case_id, version, at)).map(|_| {
                if at.is_some() {
                    tr!("admin-saved-pre-visit", who = who)
                } else {
                    tr!("admin-saved-pre-visit-cleared", who = who)
                }
                .into_owned()
            })
        }
        Request::Insulin { patient_id, version, on, who } => {
            store.write(now, |tx| patients::set_insulin_treated(tx, patient_id, version, on)).map(|_| {
                if on { tr!("admin-saved-insulin-on", who = who) } else { tr!("admin-saved-insulin-off", who = who) }
                    .into_owned()
            })
        }
        Request::BedState { bed_id, version, action, label } => {
            store.write(now, |tx| beds::set_state(tx, bed_id, version, action)).map(|_| {
                match action {
                    BedAction::Cleaned => tr!("admin-saved-bed-cleaned", bed = label),
                    BedAction::Close => tr!("admin-saved-bed-closed", bed = label),
                    BedAction::Reopen => tr!("admin-saved-bed-reopened", bed = label),
                }
                .into_owned()
            })
        }
        Request::StaffRole { staff_id, version, role, who } => {
            let change = staff::StaffChange { role: Some(role), ..Default::default() };
            store
                .write(now, |tx| staff::set(tx, staff_id, version, &change))
                .map(|_| tr!("admin-saved-role", who = who, role = role.name()).into_owned())
        }
        Request::StaffActive { staff_id, version, active, who } => {
            let change = staff::StaffChange { active: Some(active), ..Default::default() };
            store.write(now, |tx| staff::set(tx, staff_id, version, &change)).map(|_| {
                if active {
                    tr!("admin-saved-staff-back", who = who)
                } else {
                    tr!("admin-saved-staff-retired", who = who)
                }
                .into_owned()
            })
        }
        Request::Void { what, id, reason, who } => {
            store.write(now, |tx| crate::store::void::void(tx, what, id, &reason)).map(|v| {
                let note = v.note.map(|n| format!("; {n}")).unwrap_or_default();
                let what = what.noun().to_string();
                tr!("admin-saved-voided", who = who, what = what, id = id.to_string(), value = v.value, note = note)
                    .into_owned()
            })
        }
        Request::CallDone { call_id, version, who } => store
            .write(now, |tx| discharge::call_done(tx, call_id, version, None))
            .map(|_| tr!("admin-saved-call-done", who = who).into_owned()),
        Request::Rounds(r) => super::save_rounds::apply(store, now, r),
        Request::Stock(r) => super::save_stock::apply(store, now, r),
        Request::Setup(r) => super::save_setup::apply(store, now, r),
        Request::Timeline(r) => timeline(store, now, r),
        Request::Complication(r) => complication(store, now, r),
        Request::Ossification(r) => super::save_ossification::apply(store, now, r),
    }
}

/// R-COMP-1: a complication recorded, or closed with its outcome.
fn complication(store: &mut Store, now: DateTime<Utc>, r: ComplicationRequest) -> Result<String> {
    use crate::store::complications;
    match r {
        ComplicationRequest::Record { new, who } => store.write(now, |tx| complications::record(tx, &new)).map(|id| {
            let kind = new.kind.label().to_string();
            tr!("admin-saved-complication", who = who, id = id.to_string(), kind = kind).into_owned()
        }),
        ComplicationRequest::Close { complication_id, version, outcome, who, .. } => store
            .write(now, |tx| complications::close(tx, complication_id, Some(version), &outcome))
            .map(|_| tr!("admin-saved-complication-closed", who = who, id = complication_id.to_string()).into_owned()),
    }
}

/// What the log says about a request: the kind and the record, no names.
fn request_label(request: &Request) -> String {
    match request {
        Request::NewAdmission(_) => "new admission".into(),
        Request::Step { admission_id, step, .. } => format!("admission #{admission_id} {step:?}"),
        Request::Undo { admission_id, .. } => format!("admission #{admission_id} undo"),
        Request::MoveCase { case_id, .. } => format!("case #{case_id} moved"),
        Request::CallOff { case_id, kind, reason, .. } => {
            format!("case #{case_id} {} ({})", kind.code(), reason.code())
        }
        Request::Bed { admission_id, .. } => format!("admission #{admission_id} bed"),
        Request::Consultation(c) => format!("case #{} consultation", c.case_id),
        Request::Intake { admission_id, .. } => format!("admission #{admission_id} intake"),
        Request::Treatment { patient_id, .. } => format!("patient #{patient_id} treatment"),
        Request::StopTreatment { treatment_id, .. } => format!("treatment #{treatment_id} stopped"),
        Request::Lab { patient_id, .. } => format!("patient #{patient_id} lab"),
        Request::DischargeCheck(c) => format!("admission #{} discharge check", c.admission_id),
        Request::Discharge { admission_id, .. } => format!("admission #{admission_id} discharge"),
        Request::Check { case_id, item, .. } => format!("case #{case_id} check {}", item.code()),
        Request::AdmitAt { admission_id, .. } => format!("admission #{admission_id} Admit (past arrival)"),
        Request::Confirm { case_id, .. } => format!("case #{case_id} confirm"),
        Request::Emergency { case_id, .. } => format!("case #{case_id} emergency"),
        Request::PreVisit { case_id, .. } => format!("case #{case_id} pre-visit"),
        Request::Insulin { patient_id, .. } => format!("patient #{patient_id} insulin"),
        Request::BedState { bed_id, .. } => format!("bed #{bed_id}"),
        Request::CallDone { call_id, .. } => format!("call #{call_id} done"),
        Request::Rounds(r) => super::save_rounds::label(r),
        Request::Stock(r) => super::save_stock::label(r),
        Request::Timeline(TimelineRequest::Next { case_id, expected, .. }) => {
            format!("case #{case_id} timeline event {}", expected.code())
        }
        Request::Complication(ComplicationRequest::Record { new, .. }) => {
            format!("patient #{} complication recorded", new.patient_id)
        }
        Request::Complication(ComplicationRequest::Close { complication_id, .. }) => {
            format!("complication #{complication_id} closed")
        }
        Request::Ossification(r) => super::save_ossification::label(r),
        Request::Timeline(TimelineRequest::Correct { event_id, .. }) => format!("timeline event #{event_id} corrected"),
        Request::Timeline(TimelineRequest::Void { event_id, .. }) => format!("timeline event #{event_id} voided"),
        Request::StaffRole { staff_id, .. } => format!("staff #{staff_id} role"),
        Request::Void { what, id, .. } => format!("{} voided", what.table().row(*id)),
        Request::StaffActive { staff_id, .. } => format!("staff #{staff_id} active"),
        Request::Setup(r) => super::save_setup::label(r),
    }
}

/// R-PATH-1: the stay is planned around the procedure day.
fn new_admission(store: &mut Store, now: DateTime<Utc>, new: &NewAdmission) -> Result<String> {
    let settings = store.settings().clone();
    let (admit, discharge) = admissions::planned_days(new.procedure_day, &settings)?;
    let (admission_id, _) = store.write(now, |tx| {
        let patient_id = registration::register_or_match(tx, &new.patient)?;
        let stay = NewStay {
            patient_id,
            procedure_kind_id: new.procedure_kind_id,
            procedure_day: new.procedure_day,
            start_time: new.start_time,
            duration_min: None,
            side_level: new.side_level.clone(),
            anaesthesia_mode: new.anaesthesia_mode,
            bleeding_risk: new.bleeding_risk,
            operator_id: new.operator_id,
            anaesthetist_id: None,
            room_id: new.room_id,
            bed_id: new.bed_id,
            emergency: new.emergency,
            iodinated_contrast: new.iodinated_contrast,
            retrospective: new.retrospective,
            override_reason: None,
        };
        admissions::create_stay(tx, &stay, &settings)
    })?;
    log::info!("admission #{admission_id} planned");
    // R-PATH-5: the screen that planned it names whom.
    let p = &new.patient;
    let who = format!(
        "{} {} ({})",
        crate::domain::names::surname_shown(&crate::domain::names::stored(&p.surname)),
        crate::domain::names::first_name_shown(&crate::domain::names::stored(&p.first_name)),
        p.birth_date.format("%d/%m/%Y")
    );
    let text = tr!(
        "admin-saved-admission",
        who = who,
        arrives = admit.format("%d/%m").to_string(),
        day = new.procedure_day.format("%d/%m").to_string(),
        time = new.start_time.format("%H:%M").to_string(),
        home = discharge.format("%d/%m").to_string()
    );
    Ok(text.into_owned())
}

fn consultation(store: &mut Store, now: DateTime<Utc>, zone: chrono_tz::Tz, c: &ConsultationRequest) -> Result<String> {
    let new = NewConsultation {
        case_id: c.case_id,
        held_at: ward_time::at_local(c.day, c.time, zone),
        anaesthetist_id: c.anaesthetist_id,
        asa: c.asa,
        planned_mode: c.planned_mode,
        outcome: c.outcome,
        notes: c.notes.clone(),
    };
    store.write(now, |tx| consultations::record(tx, &new))?;
    Ok(tr!("admin-saved-consultation", who = c.who.as_str(), outcome = c.outcome.code()).into_owned())
}

fn discharge_check(store: &mut Store, now: DateTime<Utc>, c: &DischargeCheckRequest) -> Result<String> {
    let today = ward_time::local_day(now, store.zone());
    let input = DischargeCheckInput {
        padss: c.padss,
        escort: c.escort,
        letter_given_on: c.letter_given_today.then_some(today),
        work_stop_certificate: c.work_stop_certificate,
        follow_up_appointment: c.follow_up_appointment,
    };
    store.write(now, |tx| discharge::save_check(tx, c.admission_id, c.version, &input))?;
    Ok(tr!("admin-saved-discharge-check", who = c.who.as_str()).into_owned())
}

/// R-BLOCK-6: the next event now, a correction or a void.
fn timeline(store: &mut Store, now: DateTime<Utc>, r: TimelineRequest) -> Result<String> {
    use crate::store::case_events;
    let zone = store.zone();
    match r {
        TimelineRequest::Next { case_id, expected, who } => store
            .write(now, |tx| case_events::record_next(tx, case_id, Some(expected)))
            .map(|done| tr!("admin-saved-event", who = who, event = done.words(zone, now)).into_owned()),
        TimelineRequest::Correct { event_id, version, day, time, reading, who } => {
            // Issue 9: a time the autumn change repeats, with no reading
            // asked for: the first, else the second if the first is refused.
            let tries = match reading {
                Some(r) => vec![ward_time::at_local_reading(day, time, Some(r), zone)],
                None => ward_time::readings(day.and_time(time), zone),
            };
            let mut first_refusal = None;
            for at in tries {
                match store.write(now, |tx| case_events::correct(tx, event_id, Some(version), at)) {
                    Ok(done) => {
                        return Ok(
                            tr!("admin-saved-event-corrected", who = who, event = done.words(zone, now)).into_owned()
                        );
                    }
                    Err(e) => {
                        first_refusal.get_or_insert(e);
                    }
                }
            }
            Err(first_refusal.unwrap_or_else(|| {
                crate::store::StoreError::invalid(tr!("admin-timeline"), tr!("admin-no-time-given"))
            }))
        }
        TimelineRequest::Void { event_id, version, reason, who } => store
            .write(now, |tx| case_events::void(tx, event_id, Some(version), &reason))
            .map(|voided| tr!("admin-saved-event-voided", who = who, words = voided.words()).into_owned()),
    }
}
