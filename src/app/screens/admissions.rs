//! The Admissions tab's list: by day, state or typed words; new admissions
//! and admitting from the list. One admission's page is `detail.rs`.

use super::super::forms::{self, Request};
use super::super::keymap::{Action, Scope};
use super::super::state::{Dialog, Mode, State};
use super::super::update::{Effect, Outcome};
use super::{Screen, detail, key_for, problem};
use crate::domain::board::Stay;
use crate::domain::journey::AdmissionSummary;
use crate::domain::pathway::{AdmissionState, Step};
use crate::store::admission_list::ListQuery;
use chrono::{Duration, NaiveDate};

pub struct AdmissionsScreen;

impl Screen for AdmissionsScreen {
    fn scope(&self) -> Scope {
        Scope::Admissions
    }

    fn on_action(&self, state: &mut State, action: Action) -> Outcome {
        let today = state.today();
        if matches!(action, Action::Open | Action::Admit) && state.admissions.shown_for.as_ref() != Some(&query(state))
        {
            return problem(state, tr!("board-admissions-still-reading", filter = state.admissions.filter.trim()));
        }
        let v = &mut state.admissions;
        match action {
            Action::Open => match v.list.selected {
                Some(id) => detail::open(state, id),
                None => {
                    let keys = [Action::PrevDay, Action::AnyDay, Action::CycleState, Action::Filter]
                        .map(|a| key_for(if a == Action::Filter { Scope::List } else { Scope::Admissions }, a));
                    let [day, any, state_key, filter] = keys;
                    problem(
                        state,
                        tr!("board-admissions-none-listed", day = day, any = any, state = state_key, filter = filter),
                    )
                }
            },
            Action::NewAdmission => new_admission(state),
            Action::Admit => match v.list.selected_row() {
                Some(row) => {
                    let admittable = Admittable::from_summary(row, state.zone);
                    ask_to_admit(state, &admittable)
                }
                None => problem(state, tr!("board-admissions-select-first")),
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

    fn move_by(&self, state: &mut State, delta: isize) -> Outcome {
        state.admissions.list.move_by(delta);
        Outcome::redraw()
    }

    fn filter<'a>(&self, state: &'a State) -> &'a str {
        &state.admissions.filter
    }

    fn set_filter(&self, state: &mut State, text: String) -> Outcome {
        state.admissions.filter = text;
        Outcome::with(Effect::LoadAdmissions(query(state)))
    }

    fn loads(&self, state: &State, first_time: bool) -> Vec<Effect> {
        let read = if first_time { !state.admissions.list.loaded } else { state.admissions.list.loaded };
        if read { vec![Effect::LoadAdmissions(query(state))] } else { Vec::new() }
    }

    fn applies(&self, state: &State, action: Action) -> bool {
        match action {
            Action::Open => state.admissions.list.selected.is_some(),
            Action::Admit => state.admissions.list.selected_row().is_some_and(|r| r.state == AdmissionState::Planned),
            _ => true,
        }
    }
}

/// The list query the Admissions tab shows now.
pub fn query(state: &State) -> ListQuery {
    let v = &state.admissions;
    ListQuery { day: v.day, state: v.state, text: Some(v.filter.clone()).filter(|t| !t.trim().is_empty()) }
}

/// Opens the new-admission form, for a procedure the day after the board's day.
pub fn new_admission(state: &mut State) -> Outcome {
    let day = state.board_day().succ_opt().unwrap_or(state.board_day());
    new_admission_on(state, day)
}

/// The new-admission form with its procedure day set to `day`.
pub fn new_admission_on(state: &mut State, day: chrono::NaiveDate) -> Outcome {
    let books = crate::domain::roles::may(state.role(), crate::domain::roles::Change::CaseSchedule);
    state.mode = Mode::Form(Box::new(forms::new_admission(&state.lists, day, state.today(), books)));
    Outcome::redraw()
}

/// What the admit confirmation shows and saves, from whichever list it was asked.
pub struct Admittable {
    pub admission_id: i64,
    pub version: i64,
    pub state: AdmissionState,
    pub who: String,
    pub bed: Option<String>,
    pub procedure: Option<(String, Option<NaiveDate>)>,
    pub planned_admit_on: NaiveDate,
}

impl Admittable {
    pub fn from_stay(stay: &Stay) -> Admittable {
        Admittable {
            admission_id: stay.admission_id,
            version: stay.version,
            state: stay.state,
            who: stay.patient.to_string(),
            bed: stay.bed.clone(),
            procedure: stay.procedure.clone().map(|p| (p, stay.procedure_day)),
            planned_admit_on: stay.planned_admit_on,
        }
    }

    pub fn from_summary(row: &AdmissionSummary, zone: chrono_tz::Tz) -> Admittable {
        Admittable {
            admission_id: row.admission_id,
            version: row.version,
            state: row.state,
            who: row.patient.to_string(),
            bed: row.bed.clone(),
            procedure: row
                .procedure
                .clone()
                .map(|p| (p, row.procedure_start.map(|s| s.with_timezone(&zone).date_naive()))),
            planned_admit_on: row.planned_admit_on,
        }
    }
}

/// R-PATH-2, first step: asks before admitting; says why not when the
/// admission is not a planned arrival.
pub fn ask_to_admit(state: &mut State, a: &Admittable) -> Outcome {
    if !matches!(a.state, AdmissionState::Planned | AdmissionState::Postponed) {
        return problem(state, tr!("board-admissions-not-planned", who = a.who.as_str(), state = a.state.words()));
    }
    // Found in use (#7): a stay entered after its procedure had passed could
    // never be admitted (arriving now comes after the procedure): ask when.
    if let Some((_, Some(day))) = &a.procedure
        && *day < state.today()
    {
        let form = crate::app::forms::admit_at(a.admission_id, a.version, a.planned_admit_on, state.today(), &a.who);
        state.mode = Mode::Form(Box::new(form));
        return Outcome::redraw();
    }
    let bed = a.bed.as_ref().map_or_else(|| tr!("board-admissions-no-bed"), |b| tr!("board-bed", bed = b.as_str()));
    let procedure = match &a.procedure {
        Some((p, Some(day))) => {
            tr!("board-admissions-procedure-on", procedure = p.as_str(), day = day.format("%d/%m").to_string())
        }
        Some((p, None)) => p.clone().into(),
        None => tr!("board-admissions-no-procedure"),
    };
    let effect = Effect::Save(Request::Step {
        admission_id: a.admission_id,
        version: a.version,
        step: Step::Admit,
        reason: None,
        who: a.who.clone(),
    });
    state.mode = Mode::Dialog(Box::new(Dialog {
        title: tr!("board-admissions-admit-title").into_owned(),
        lines: vec![
            a.who.clone(),
            format!("{bed} · {procedure}"),
            tr!("board-admissions-planned-arrival", day = a.planned_admit_on.format("%d/%m").to_string()).into_owned(),
        ],
        on_confirm: effect,
        form: None,
    }));
    Outcome::redraw()
}
