//! The Rounds tab (R-DO-4): the rounds sheet of a ward day, overdue sessions
//! first. `[` `]` show the day before / after and a key goes back to today:
//! yesterday's sheet says what was done and which sessions were missed,
//! tomorrow's is the plan. `Enter` records the selected patient's round
//! (R-DO-5, today only: a round is made at the bedside), `t` the turns of
//! the day's sessions (a phone report; on a day gone by, turns reported
//! late) and corrects a recorded session's turns; `x` a hexapod frame's
//! struts (R-DO-8, today); `s` records a phase step (R-DO-7) on the day
//! shown; `V` voids a round entered by mistake. Built for a round: `Enter`,
//! type, save, `j`, `Enter` for the next patient.

use super::super::forms;
use super::super::keymap::{Action, Scope};
use super::super::state::{Mode, State};
use super::super::update::{Effect, Outcome};
use super::{Screen, key_for, problem};
use crate::domain::day_label::day_text;
use crate::store::distraction::RoundsRow;
use chrono::NaiveDate;

pub struct RoundsScreen;

/// Shows the sheet of `day` (the selection stays on the same patient when
/// they are on it); today's sheet follows the clock past midnight.
pub fn go_to_day(state: &mut State, day: NaiveDate) -> Outcome {
    // A notice speaks of the day it was made on.
    state.notice = None;
    state.rounds.day = (day != state.today()).then_some(day);
    let list = &mut state.rounds.list;
    list.rows.clear();
    list.loaded = false;
    list.error = None;
    Outcome::with(Effect::LoadRounds(day))
}

/// A read of `day`'s sheet came back: taken if that day is still shown.
pub fn receive(state: &mut State, day: NaiveDate, result: Result<Vec<RoundsRow>, String>) -> Outcome {
    if day != state.rounds_day() {
        return Outcome::default();
    }
    state.rounds.list.receive(result);
    // R-AUDIT-2: a turns form refused by another terminal's save takes the
    // sessions as stored now.
    if let Mode::Form(open) = &mut state.mode
        && open.stale
    {
        forms::refresh_turns(open, &state.rounds.list.rows);
    }
    Outcome::redraw()
}

/// The turns form of the selected patient on the day shown, if any is left
/// to report (today and days gone by only).
fn turns_form(state: &State, row: &RoundsRow, who: &str) -> Option<forms::OpenForm> {
    let day = state.rounds_day();
    (day <= state.today()).then(|| forms::turns(row, day, state.now, state.zone, who)).flatten()
}

/// Why `Enter` (a round), `t` (turns) or `x` (struts) cannot record on
/// the day shown.
fn not_on_this_day(state: &State, action: Action) -> Option<String> {
    let (day, today) = (state.rounds_day(), state.today());
    let back = key_for(Scope::Rounds, Action::Today);
    let shown = day_text(day);
    let what = match action {
        Action::RecordRound => tr!("rounds-refused-what-round"),
        Action::LogStruts => tr!("rounds-refused-what-struts"),
        _ => tr!("rounds-refused-what-turns"),
    };
    if day > today {
        return Some(tr!("rounds-refused-to-come", day = shown, what = what, key = back).into_owned());
    }
    if day == today {
        return None;
    }
    let turns = key_for(Scope::Rounds, Action::ReportTurns);
    match action {
        Action::RecordRound => {
            Some(tr!("rounds-refused-gone-round", day = shown, key = back, turns = turns).into_owned())
        }
        Action::LogStruts => Some(tr!("rounds-refused-gone-struts", day = shown, key = back).into_owned()),
        _ => None,
    }
}

/// R-DO-8: a strut due today not logged yet.
fn struts_left(state: &State, row: &RoundsRow) -> bool {
    let today = state.today();
    row.case.hexapod.as_ref().is_some_and(|h| {
        h.plan.struts_due(today).iter().any(|s| !h.log.iter().any(|a| a.day == today && a.strut == *s))
    })
}

impl Screen for RoundsScreen {
    fn scope(&self) -> Scope {
        Scope::Rounds
    }

    fn on_action(&self, state: &mut State, action: Action) -> Outcome {
        let day = state.rounds_day();
        match action {
            Action::PrevDay => return go_to_day(state, day.pred_opt().unwrap_or(day)),
            Action::NextDay => return go_to_day(state, day.succ_opt().unwrap_or(day)),
            Action::Today => {
                let today = state.today();
                return go_to_day(state, today);
            }
            _ => {}
        }
        let Some(row) = state.rounds.list.selected_row().cloned() else {
            return problem(state, tr!("rounds-refused-no-patient"));
        };
        if let Some(why) = not_on_this_day(state, action) {
            return problem(state, why);
        }
        let who = patient_and_case(&state.rounds.list.rows, &row);
        let form = match action {
            Action::RecordRound => forms::round(&row, state.now, state.zone, &who),
            Action::VoidRound => match forms::void_round(&row, state.zone, &who) {
                Some(form) => form,
                None => {
                    return problem(state, tr!("rounds-refused-nothing-to-void"));
                }
            },
            Action::PhaseStep => forms::phase(row.case.id, day, &who),
            Action::ReportTurns => match turns_form(state, &row, &who) {
                Some(form) => form,
                None => {
                    let why = if day == state.today() {
                        tr!("rounds-refused-no-session-today")
                    } else {
                        tr!("rounds-refused-no-session-day", day = day_text(day))
                    };
                    return problem(state, why);
                }
            },
            Action::ImportHexapod if row.case.prescription.device != crate::domain::distraction::Device::Hexapod => {
                return problem(
                    state,
                    tr!("rounds-refused-not-hexapod", device = row.case.prescription.device.label()),
                );
            }
            Action::ImportHexapod => forms::import_hexapod(&row, &who),
            Action::LogStruts => match forms::struts(&row, day, &who) {
                Some(form) => form,
                None if row.case.hexapod.is_none() => {
                    return problem(state, tr!("rounds-refused-no-hexapod"));
                }
                None => return problem(state, tr!("rounds-refused-struts-done")),
            },
            _ => return Outcome::default(),
        };
        state.mode = Mode::Form(Box::new(form));
        Outcome::redraw()
    }

    fn move_by(&self, state: &mut State, delta: isize) -> Outcome {
        state.rounds.list.move_by(delta);
        Outcome::redraw()
    }

    fn filter<'a>(&self, state: &'a State) -> &'a str {
        &state.rounds.list.filter
    }

    fn set_filter(&self, state: &mut State, text: String) -> Outcome {
        state.rounds.list.filter = text;
        state.rounds.list.keep_selection();
        Outcome::redraw()
    }

    fn loads(&self, state: &State, first_time: bool) -> Vec<Effect> {
        let loaded = state.rounds.list.loaded;
        let read = if first_time { !loaded } else { loaded };
        if read { vec![Effect::LoadRounds(state.rounds_day())] } else { Vec::new() }
    }

    fn applies(&self, state: &State, action: Action) -> bool {
        let Some(row) = state.rounds.list.selected_row() else {
            return matches!(action, Action::PrevDay | Action::NextDay | Action::Today);
        };
        match action {
            Action::RecordRound => not_on_this_day(state, action).is_none(),
            Action::LogStruts => not_on_this_day(state, action).is_none() && struts_left(state, row),
            Action::ReportTurns => turns_form(state, row, "").is_some(),
            Action::VoidRound => {
                row.case.round_log.iter().any(|r| r.void_reason.is_none())
                    || row.case.step_log.iter().any(|s| s.void_reason.is_none())
            }
            _ => true,
        }
    }
}

/// The patient of `row` as the list and the forms name them: with the
/// case's number when the patient has another case on the list (found in
/// use: two cases of one patient read as identical rows).
pub fn patient_and_case(rows: &[RoundsRow], row: &RoundsRow) -> String {
    let patient = row.case.patient.patient_id;
    let others = rows.iter().filter(|r| r.case.patient.patient_id == patient && r.case.id != row.case.id).count();
    if others == 0 {
        row.case.patient.to_string()
    } else {
        tr!("rounds-patient-case", patient = row.case.patient.to_string(), case = row.case.id).into_owned()
    }
}
