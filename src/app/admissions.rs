//! The Admissions tab (list and detail), the Beds tab and the anaesthesia
//! worklist: what their keys do. Every change goes out as a typed request,
//! through a form or a confirmation first.

use super::forms::{self, Request};
use super::keymap::Action;
use super::state::{DetailView, Dialog, Mode, NoticeKind, State, Tab};
use super::update::{Effect, Outcome, notify};
use crate::domain::journey::AdmissionDetail;
use crate::domain::pathway::{AdmissionState, Step};
use crate::store::admission_list::ListQuery;
use chrono::Duration;

/// The list query the Admissions tab shows now.
pub fn query(state: &State) -> ListQuery {
    let v = &state.admissions;
    ListQuery { day: v.day, state: v.state, text: Some(v.filter.clone()).filter(|t| !t.trim().is_empty()) }
}

/// Everything on screen that reads the database, to reload after a save.
pub fn reloads(state: &State) -> Vec<Effect> {
    let mut out = vec![Effect::LoadBoard(state.board_day())];
    if state.admissions.list.loaded || state.tab == Tab::Admissions {
        out.push(Effect::LoadAdmissions(query(state)));
    }
    if let Some(detail) = &state.admissions.detail {
        out.push(Effect::LoadDetail(detail.admission_id));
    }
    if state.beds.loaded || state.tab == Tab::Beds {
        out.push(Effect::LoadBeds(state.today()));
    }
    if state.anaesthesia.loaded || state.tab == Tab::Anaesthesia {
        out.push(Effect::LoadAnaesthesia(state.today()));
    }
    if state.audit.loaded {
        out.push(Effect::LoadAudit { filter: state.audit.filter.clone(), before_id: None });
    }
    out
}

/// The detail on screen, once loaded.
fn detail(state: &State) -> Option<&AdmissionDetail> {
    state.admissions.detail.as_ref()?.data.as_deref()
}

fn open_form(state: &mut State, form: forms::OpenForm) -> Outcome {
    state.mode = Mode::Form(Box::new(form));
    Outcome::redraw()
}

/// Asks before a one-key change.
fn ask(state: &mut State, title: &str, lines: Vec<String>, request: Request) -> Outcome {
    state.mode = Mode::Dialog(Box::new(Dialog { title: title.into(), lines, on_confirm: Effect::Save(request) }));
    Outcome::redraw()
}

fn problem(state: &mut State, text: impl Into<String>) -> Outcome {
    notify(state, NoticeKind::Problem, text.into());
    Outcome::redraw()
}

/// Keys of the Admissions list.
pub fn list_action(state: &mut State, action: Action) -> Outcome {
    let today = state.today();
    let v = &mut state.admissions;
    match action {
        Action::Open => match v.list.selected {
            Some(id) => {
                v.detail = Some(DetailView { admission_id: id, data: None, error: None, cursor: 0, scroll: 0 });
                Outcome::with(Effect::LoadDetail(id))
            }
            None => problem(state, "no admission selected: j/k to move, w for every day"),
        },
        Action::PrevDay | Action::NextDay | Action::Today | Action::AnyDay => {
            v.day = match (action, v.day) {
                (Action::AnyDay, Some(_)) => None,
                (Action::AnyDay, None) | (Action::Today, _) => Some(today),
                (Action::PrevDay, day) => Some(day.unwrap_or(today) - Duration::days(1)),
                (_, day) => Some(day.unwrap_or(today) + Duration::days(1)),
            };
            Outcome::with(Effect::LoadAdmissions(query(state)))
        }
        Action::CycleState => {
            let all = AdmissionState::ALL;
            v.state = match v.state {
                None => Some(all[0]),
                Some(s) => all.iter().position(|x| *x == s).and_then(|i| all.get(i + 1)).copied(),
            };
            Outcome::with(Effect::LoadAdmissions(query(state)))
        }
        _ => Outcome::default(),
    }
}

/// Keys of one admission's detail.
pub fn detail_action(state: &mut State, action: Action) -> Outcome {
    let Some(d) = detail(state).cloned() else {
        return problem(state, "the admission is still loading");
    };
    let who = d.patient.identity.to_string();
    let a = &d.admission;
    let case = d.case.as_ref();
    let zone = state.zone;
    let now = state.now;
    let need_case = |state: &mut State| problem(state, "this admission has no procedure booked");
    match action {
        Action::Admit | Action::TakeStep(_) => {
            let step = if let Action::TakeStep(step) = action { step } else { Step::Admit };
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
            ask(state, &format!("{}?", capitalised(step.verb())), vec![who], request)
        }
        Action::Undo => match d.timeline.last() {
            Some(last) => {
                let text = format!("{} → {}", last.from.code(), last.to.code());
                open_form(state, forms::undo(a.admission_id, a.version, &text, &who))
            }
            None => problem(state, "nothing to undo: no step was taken on this admission"),
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
            let Some(row) = d.checklist.get(cursor) else { return Outcome::default() };
            let request =
                Request::Check { case_id: c.case_id, item: row.item, done: !row.done, version: row.version, who };
            Outcome::with(Effect::Save(request))
        }
        Action::ConfirmCase => {
            let Some(c) = case else { return need_case(state) };
            let request = Request::Confirm { case_id: c.case_id, version: c.version, who: who.clone() };
            ask(state, "Confirm the case on the schedule?", vec![who, c.procedure.clone()], request)
        }
        Action::Emergency => {
            let Some(c) = case else { return need_case(state) };
            let on = !c.emergency;
            let title = if on { "Flag as an emergency?" } else { "Remove the emergency flag?" };
            let lines = vec![who.clone(), "Recorded and reported: it relaxes the confirmation gate (R-READY-1)".into()];
            ask(state, title, lines, Request::Emergency { case_id: c.case_id, version: c.version, on, who })
        }
        Action::PreVisit => {
            let Some(c) = case else { return need_case(state) };
            let at = if c.pre_visit_at.is_some() { None } else { Some(now) };
            let title =
                if at.is_some() { "Pre-anaesthesia visit done now?" } else { "Clear the pre-anaesthesia visit?" };
            ask(state, title, vec![who.clone()], Request::PreVisit { case_id: c.case_id, version: c.version, at, who })
        }
        Action::Insulin => {
            let on = !d.patient.insulin_treated_diabetic;
            let p = &d.patient;
            let title = if on { "Insulin-treated diabetic?" } else { "Not an insulin-treated diabetic?" };
            let request =
                Request::Insulin { patient_id: p.identity.patient_id, version: p.version, on, who: who.clone() };
            ask(state, title, vec![who, "Fasting limit R-FAST-5 applies to insulin-treated diabetics".into()], request)
        }
        Action::Consultation => {
            let Some(c) = case else { return need_case(state) };
            open_form(state, forms::consultation(c.case_id, c.anaesthesia_mode, &state.lists, now, zone, &who))
        }
        Action::Intake => open_form(state, forms::intake(a.admission_id, now, zone, &who)),
        Action::Treatment => open_form(state, forms::treatment(d.patient.identity.patient_id, &who)),
        Action::Lab => open_form(state, forms::lab(d.patient.identity.patient_id, now, zone, &who)),
        Action::BedForm => open_form(state, forms::bed(a.admission_id, a.version, &state.lists.beds, a.bed_id, &who)),
        Action::MoveCase => {
            let Some(c) = case else { return need_case(state) };
            let local = c.start.with_timezone(&zone);
            open_form(state, forms::move_case(c.case_id, c.version, local.date_naive(), local.time(), &who))
        }
        Action::CallDone => match &d.follow_up_call {
            Some(call) if call.done_at.is_none() => {
                let request = Request::CallDone { call_id: call.call_id, version: call.version, who: who.clone() };
                ask(state, "Follow-up call done?", vec![who], request)
            }
            Some(_) => problem(state, "the follow-up call is already recorded as done"),
            None => problem(state, "no follow-up call: one is planned when the patient is discharged (R-DISCH-2)"),
        },
        Action::Down | Action::Up => {
            let rows = d.checklist.len();
            if let Some(view) = state.admissions.detail.as_mut()
                && rows > 0
            {
                view.cursor = if action == Action::Down {
                    (view.cursor + 1).min(rows - 1)
                } else {
                    view.cursor.saturating_sub(1)
                };
            }
            Outcome::redraw()
        }
        Action::PageDown | Action::PageUp | Action::Top | Action::Bottom => {
            let page = state.page_rows;
            if let Some(view) = state.admissions.detail.as_mut() {
                view.scroll = match action {
                    Action::PageDown => view.scroll + page,
                    Action::PageUp => view.scroll.saturating_sub(page),
                    Action::Top => 0,
                    _ => usize::MAX / 2,
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

/// Keys of the Beds tab (R-PATH-4).
pub fn beds_action(state: &mut State, action: Action) -> Outcome {
    let Action::BedAction(bed_action) = action else { return Outcome::default() };
    let Some(bed) = state.beds.selected_row().cloned() else {
        return problem(state, "select a bed first (j/k)");
    };
    let request =
        Request::BedState { bed_id: bed.bed_id, version: bed.version, action: bed_action, label: bed.label.clone() };
    let title = format!("{} bed {}?", capitalised(bed_action.verb()), bed.label);
    ask(state, &title, vec![format!("now: {}", bed.status.code().replace('_', " "))], request)
}

/// Keys of the anaesthesia worklist (R-ANES-1, -2, -5).
pub fn anaesthesia_action(state: &mut State, action: Action) -> Outcome {
    let Some(row) = state.anaesthesia.selected_row().cloned() else {
        return problem(state, "select a case first (j/k)");
    };
    match action {
        Action::Open => {
            state.tab = Tab::Admissions;
            let id = row.admission_id;
            state.admissions.list.selected = Some(id);
            state.admissions.detail =
                Some(DetailView { admission_id: id, data: None, error: None, cursor: 0, scroll: 0 });
            let mut out = Outcome::with(Effect::LoadDetail(id));
            if !state.admissions.list.loaded {
                out.effects.push(Effect::LoadAdmissions(query(state)));
            }
            out
        }
        Action::Consultation => {
            let who = row.patient.to_string();
            open_form(
                state,
                forms::consultation(row.case_id, row.anaesthesia_mode, &state.lists, state.now, state.zone, &who),
            )
        }
        _ => Outcome::default(),
    }
}

/// Shows one admission's detail on the Admissions tab, from any screen.
pub fn open_detail(state: &mut State, admission_id: i64) -> Outcome {
    state.tab = Tab::Admissions;
    state.admissions.list.selected = Some(admission_id);
    state.admissions.detail = Some(DetailView { admission_id, data: None, error: None, cursor: 0, scroll: 0 });
    let mut out = Outcome::with(Effect::LoadDetail(admission_id));
    if !state.admissions.list.loaded {
        out.effects.push(Effect::LoadAdmissions(query(state)));
    }
    out
}
