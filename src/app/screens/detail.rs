//! One admission's page (R-PATH-5: identity on top): the steps of the stay,
//! the readiness checklist, anaesthesia, fasting, medication and discharge.
//! Every change goes out as a typed request, through a form or a
//! confirmation first.

use super::super::forms::{self, Request};
use super::super::keymap::{Action, Scope};
use super::super::state::{DetailView, Dialog, Mode, State};
use super::super::update::{Effect, Outcome};
use super::{key_for, problem};
use crate::domain::case::CaseState;
use crate::domain::journey::AdmissionDetail;
use crate::domain::pathway::{self, Step};

/// Shows one admission's page, from any tab; `Esc` goes back to that tab.
pub fn open(state: &mut State, admission_id: i64) -> Outcome {
    let from = state.tab;
    state.notice = None;
    state.tab = crate::app::state::Tab::Admissions;
    state.admissions.list.selected = Some(admission_id);
    state.admissions.detail = Some(DetailView { admission_id, from, data: None, error: None, cursor: 0, scroll: 0 });
    let mut out = Outcome::with(Effect::LoadDetail(admission_id));
    if !state.admissions.list.loaded {
        out.effects.push(Effect::LoadAdmissions(super::admissions::query(state)));
    }
    out
}

/// The detail on screen, once loaded.
fn loaded(state: &State) -> Option<&AdmissionDetail> {
    state.admissions.detail.as_ref()?.data.as_deref()
}

/// The step a key takes, if it is one.
fn step_of(action: Action) -> Option<Step> {
    match action {
        Action::Admit => Some(Step::Admit),
        Action::TakeStep(step) => Some(step),
        Action::Discharge => Some(Step::Discharge),
        _ => None,
    }
}

/// The key that takes `step` on this page, as the help writes it.
fn key_of(step: Step) -> String {
    let action = match step {
        Step::Admit => Action::Admit,
        Step::Discharge => Action::Discharge,
        other => Action::TakeStep(other),
    };
    key_for(Scope::Detail, action)
}

/// Whether a key can act on this admission now: the hint bar shows the
/// steps the stay allows (R-PATH-2), not all of them.
pub fn applies(state: &State, action: Action) -> bool {
    let Some(d) = loaded(state) else { return matches!(action, Action::Back) };
    if let Some(step) = step_of(action) {
        return pathway::next_state(d.admission.state, step).is_ok();
    }
    match action {
        Action::CallDone => d.follow_up_call.as_ref().is_some_and(|c| c.done_at.is_none()),
        Action::ConfirmCase => d.case.as_ref().is_some_and(|c| c.state == CaseState::Planned),
        Action::ToggleCheck => {
            d.case.as_ref().is_some_and(|c| matches!(c.state, CaseState::Planned | CaseState::Confirmed))
        }
        Action::Consultation | Action::MoveCase | Action::Emergency | Action::PreVisit => d.case.is_some(),
        Action::DischargeCheck => d.admission.state.is_on_ward(),
        // R-COMP-1: only an open complication can be closed.
        Action::CloseComplication => d.complications.iter().any(|c| c.is_open()),
        // R-HO-1: a follow-up waiting for its X-ray check.
        Action::OssificationXray => {
            d.ossification.iter().any(|v| v.follow_up.xray_on.is_none() && v.follow_up.voided.is_none())
        }
        Action::Undo => !d.timeline.is_empty(),
        // R-BLOCK-6: a case on the schedule (the store says what comes next).
        Action::RecordEvent => {
            d.case.as_ref().is_some_and(|c| !matches!(c.state, CaseState::Cancelled | CaseState::Postponed))
        }
        _ => true,
    }
}

/// Why a step cannot be taken: the step that comes first and its key.
fn refused_step(state: &mut State, d: &AdmissionDetail, step: Step) -> Option<Outcome> {
    let refused = pathway::next_state(d.admission.state, step).err()?;
    let text = match pathway::step_first(d.admission.state, step) {
        Some(first) => tr!(
            "admission-step-refused",
            step = step.name(),
            state = d.admission.state.words(),
            first = first.name(),
            key = key_of(first)
        )
        .into_owned(),
        None => refused.to_string(),
    };
    Some(problem(state, text))
}

fn open_form(state: &mut State, form: forms::OpenForm) -> Outcome {
    state.mode = Mode::Form(Box::new(form));
    Outcome::redraw()
}

/// Asks before a one-key change.
fn ask(state: &mut State, title: &str, lines: Vec<String>, request: Request) -> Outcome {
    let dialog = Dialog { title: title.into(), lines, on_confirm: Effect::Save(request), form: None };
    state.mode = Mode::Dialog(Box::new(dialog));
    Outcome::redraw()
}

/// Keys of one admission's page.
pub fn on_action(state: &mut State, action: Action) -> Outcome {
    if action == Action::Back {
        let from = state.admissions.detail.take().map_or(state.tab, |v| v.from);
        state.tab = from;
        return Outcome::redraw();
    }
    let Some(d) = loaded(state).cloned() else {
        let why = state.admissions.detail.as_ref().and_then(|v| v.error.clone());
        return problem(state, why.unwrap_or_else(|| tr!("admission-still-reading").into_owned()));
    };
    let who = d.patient.identity.to_string();
    let a = &d.admission;
    let case = d.case.as_ref();
    let zone = state.zone;
    let now = state.now;
    let need_case = |state: &mut State| problem(state, tr!("admission-no-case"));
    if let Some(step) = step_of(action)
        && let Some(refused) = refused_step(state, &d, step)
    {
        return refused;
    }
    match action {
        Action::Admit | Action::TakeStep(_) => {
            let step = step_of(action).unwrap_or(Step::Admit);
            // R-PATH-6: a procedure already passed: ask when the patient arrived.
            if step == Step::Admit
                && let Some(c) = case
                && crate::domain::ward_time::local_day(c.start, zone) < state.today()
            {
                let form = forms::admit_at(a.admission_id, a.version, a.planned_admit_on, state.today(), &who);
                return open_form(state, form);
            }
            if step.needs_reason() {
                return open_form(state, forms::step_reason(a.admission_id, a.version, step, &who));
            }
            let request = Request::Step {
                admission_id: a.admission_id,
                version: a.version,
                step,
                reason: None,
                who: who.clone(),
            };
            ask(state, &tr!("screens-question", text = capitalised(&step.name())), vec![who], request)
        }
        Action::Undo => match d.timeline.last() {
            Some(last) => {
                let text = format!("{} → {}", last.from.words(), last.to.words());
                open_form(state, forms::undo(a.admission_id, a.version, &text, &who))
            }
            None => problem(state, tr!("admission-nothing-to-undo")),
        },
        Action::DischargeCheck => {
            open_form(state, forms::discharge_check(a.admission_id, d.discharge_check.as_ref(), &who))
        }
        Action::Discharge => {
            let missing: Vec<String> = d.discharge_missing.iter().map(|m| m.label.clone()).collect();
            open_form(state, forms::discharge(a.admission_id, a.version, &missing, &who))
        }
        Action::ToggleCheck => {
            let Some(c) = case else { return need_case(state) };
            let cursor = state.admissions.detail.as_ref().map_or(0, |v| v.cursor);
            let Some(row) = d.checklist.get(cursor) else {
                return problem(state, tr!("admission-no-check-here"));
            };
            let request = Request::Check {
                case_id: c.case_id,
                item: row.item,
                done: !row.done,
                version: row.version,
                who: who.clone(),
            };
            if !row.done {
                return Outcome::with(Effect::Save(request));
            }
            // Found in use (#8): Space unticked a consent at once, unasked.
            // Ticking is the usual way; taking a tick back asks first.
            let by = match (&row.checked_by, row.checked_at) {
                (Some(by), Some(at)) => tr!(
                    "admission-ticked-by",
                    by = by.as_str(),
                    at = at.with_timezone(&state.zone).format("%d/%m %H:%M").to_string()
                ),
                _ => tr!("admission-ticked"),
            };
            let lines = vec![who, tr!("admission-untick-line", item = row.label.to_string(), by = by).into_owned()];
            ask(state, &tr!("admission-untick"), lines, request)
        }
        Action::ConfirmCase => {
            let Some(c) = case else { return need_case(state) };
            let request = Request::Confirm { case_id: c.case_id, version: c.version, who: who.clone() };
            let mut lines = vec![who, c.procedure.clone()];
            // What still makes it not ready, in sight before saying yes (the
            // blocking items are refused on save, R-READY-1; the others are
            // the nurse's call, and the confirmation is recorded).
            if let Some(r) = d.readiness.as_ref().filter(|r| !r.items.is_empty()) {
                let missing: Vec<&str> = r.items.iter().map(|i| &*i.label).collect();
                lines.push(crate::i18n::labelled(&r.status.label(), &missing.join(", ")));
            }
            ask(state, &tr!("admission-confirm-case"), lines, request)
        }
        Action::Emergency => {
            let Some(c) = case else { return need_case(state) };
            let on = !c.emergency;
            let title = if on { tr!("admission-emergency-on") } else { tr!("admission-emergency-off") };
            let lines = vec![who.clone(), tr!("admission-emergency-why").into_owned()];
            ask(state, &title, lines, Request::Emergency { case_id: c.case_id, version: c.version, on, who })
        }
        Action::PreVisit => {
            let Some(c) = case else { return need_case(state) };
            let at = if c.pre_visit_at.is_some() { None } else { Some(now) };
            let title = if at.is_some() { tr!("admission-pre-visit-now") } else { tr!("admission-pre-visit-clear") };
            ask(state, &title, vec![who.clone()], Request::PreVisit { case_id: c.case_id, version: c.version, at, who })
        }
        Action::Insulin => {
            let on = !d.patient.insulin_treated_diabetic;
            let p = &d.patient;
            let title = if on { tr!("admission-insulin-on") } else { tr!("admission-insulin-off") };
            let request =
                Request::Insulin { patient_id: p.identity.patient_id, version: p.version, on, who: who.clone() };
            ask(state, &title, vec![who, tr!("admission-insulin-why").into_owned()], request)
        }
        Action::Consultation => {
            let Some(c) = case else { return need_case(state) };
            open_form(state, forms::consultation(c.case_id, c.anaesthesia_mode, &state.lists, now, zone, &who))
        }
        Action::Intake => open_form(state, forms::intake(a.admission_id, now, zone, &who)),
        Action::RecordEvent => {
            let Some(c) = case else { return need_case(state) };
            if matches!(c.state, CaseState::Cancelled | CaseState::Postponed) {
                return problem(state, tr!("admission-case-off-schedule", state = c.state.label()));
            }
            let Some(expected) = c.next_event else {
                let key = super::key_for(Scope::Block, Action::CorrectEvent);
                return problem(state, tr!("admission-timeline-complete", key = key));
            };
            // R-AUDIT-2: the request carries the event shown as next.
            super::notify(
                state,
                crate::app::state::NoticeKind::Done,
                tr!("admission-recording-event", who = who.as_str(), event = expected.words()).into_owned(),
            );
            let request = forms::TimelineRequest::Next { case_id: c.case_id, expected, who };
            Outcome::with(Effect::Save(Request::Timeline(request)))
        }
        Action::Void => match forms::void(&d, zone, &who) {
            Some(form) => open_form(state, form),
            None => problem(state, tr!("admission-nothing-to-void")),
        },
        Action::RecordComplication => {
            let form =
                forms::record_complication(d.patient.identity.patient_id, case.map(|c| c.case_id), state.today(), &who);
            open_form(state, form)
        }
        Action::CloseComplication => match forms::close_complication(&d.complications, &who) {
            Some(form) => open_form(state, form),
            None => problem(
                state,
                tr!("admission-no-open-complication", key = key_for(Scope::Detail, Action::RecordComplication)),
            ),
        },
        Action::RecordOssification => {
            let form = forms::record_ossification(
                d.patient.identity.patient_id,
                case.map(|c| (c.case_id, c.start)),
                now,
                zone,
                &who,
            );
            open_form(state, form)
        }
        Action::OssificationXray => match forms::ossification_xray(&d.ossification, state.today(), zone, &who) {
            Some(form) => open_form(state, form),
            None => {
                let key = key_for(Scope::Detail, Action::RecordOssification);
                problem(state, tr!("admission-no-xray-waiting", key = key))
            }
        },
        Action::Treatment => open_form(state, forms::treatment(d.patient.identity.patient_id, &who)),
        Action::StopTreatment => match forms::stop_treatment(&d, &who) {
            Some(form) => open_form(state, form),
            None => {
                problem(state, tr!("admission-no-treatment-taken", key = key_for(Scope::Detail, Action::Treatment)))
            }
        },
        Action::Lab => open_form(state, forms::lab(d.patient.identity.patient_id, now, zone, &who)),
        Action::BedForm => open_form(state, forms::bed(a.admission_id, a.version, &state.lists.beds, a.bed_id, &who)),
        Action::MoveCase => {
            let Some(c) = case else { return need_case(state) };
            let local = c.start.with_timezone(&zone);
            open_form(state, forms::move_case(c.case_id, c.version, local.date_naive(), local.time(), None, &who))
        }
        Action::CallDone => match &d.follow_up_call {
            Some(call) if call.done_at.is_none() => {
                let request = Request::CallDone { call_id: call.call_id, version: call.version, who: who.clone() };
                ask(state, &tr!("admission-call-done-ask"), vec![who], request)
            }
            Some(_) => problem(state, tr!("admission-call-already-done")),
            None => problem(state, tr!("admission-no-call")),
        },
        Action::Down | Action::Up => {
            let rows = d.checklist.len();
            if rows == 0 {
                return problem(state, tr!("admission-no-checklist"));
            }
            if let Some(view) = state.admissions.detail.as_mut() {
                view.cursor = if action == Action::Down {
                    (view.cursor + 1).min(rows - 1)
                } else {
                    view.cursor.saturating_sub(1)
                };
            }
            Outcome::redraw()
        }
        Action::PageDown | Action::PageUp => {
            let page = state.page_rows;
            // The page is never taller than its lists and some fixed lines;
            // the screen cuts the rest, so scrolling back never waits.
            let tallest = d.checklist.len() + d.timeline.len() + d.treatments.len() + d.labs.len() + 60;
            if let Some(view) = state.admissions.detail.as_mut() {
                view.scroll = match action {
                    Action::PageDown => (view.scroll + page).min(tallest),
                    _ => view.scroll.saturating_sub(page),
                };
            }
            Outcome::redraw()
        }
        _ => Outcome::default(),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
