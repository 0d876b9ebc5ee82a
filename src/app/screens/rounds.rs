//! The Rounds tab (R-DO-4): today's patients in distraction, overdue
//! sessions first. `Enter` records the selected patient's round (R-DO-5),
//! `t` only the turns of today's sessions (a phone report); `x` a hexapod
//! frame's struts (R-DO-8); `s` records a phase step (R-DO-7). Built for a round: `Enter`, type,
//! save, `j`, `Enter` for the next patient.

use super::super::forms;
use super::super::keymap::{Action, Scope};
use super::super::state::{Mode, State};
use super::super::update::{Effect, Outcome};
use super::{Screen, problem};

pub struct RoundsScreen;

impl Screen for RoundsScreen {
    fn scope(&self) -> Scope {
        Scope::Rounds
    }

    fn on_action(&self, state: &mut State, action: Action) -> Outcome {
        let Some(row) = state.rounds.selected_row().cloned() else {
            return problem(state, "no patient selected (no one is in distraction, or the filter hides them all)");
        };
        let who = row.case.patient.to_string();
        let form = match action {
            Action::RecordRound => forms::round(&row, state.now, state.zone, &who),
            Action::PhaseStep => forms::phase(row.case.id, state.now, state.zone, &who),
            Action::ReportTurns => match forms::turns(&row, state.now, state.zone, &who) {
                Some(form) => form,
                None => return problem(state, "every session due today is recorded (none is left to report)"),
            },
            Action::ImportHexapod if row.case.prescription.device != crate::domain::distraction::Device::Hexapod => {
                return problem(
                    state,
                    format!(
                        "this patient's frame is a {}, not a hexapod; a strut table is for hexapod frames (R-DO-8)",
                        row.case.prescription.device.label()
                    ),
                );
            }
            Action::ImportHexapod => forms::import_hexapod(&row, &who),
            Action::LogStruts => match forms::struts(&row, state.today(), &who) {
                Some(form) => form,
                None if row.case.hexapod.is_none() => {
                    return problem(
                        state,
                        "no hexapod prescription for this patient; a doctor records one with `periop hexapod import` (R-DO-8)",
                    );
                }
                None => return problem(state, "every strut due today is logged (none is left to adjust)"),
            },
            _ => return Outcome::default(),
        };
        state.mode = Mode::Form(Box::new(form));
        Outcome::redraw()
    }

    fn move_by(&self, state: &mut State, delta: isize) -> Outcome {
        state.rounds.move_by(delta);
        Outcome::redraw()
    }

    fn filter<'a>(&self, state: &'a State) -> &'a str {
        &state.rounds.filter
    }

    fn set_filter(&self, state: &mut State, text: String) -> Outcome {
        state.rounds.filter = text;
        state.rounds.keep_selection();
        Outcome::redraw()
    }

    fn loads(&self, state: &State, first_time: bool) -> Vec<Effect> {
        let read = if first_time { !state.rounds.loaded } else { state.rounds.loaded };
        if read { vec![Effect::LoadRounds(state.today())] } else { Vec::new() }
    }

    fn applies(&self, state: &State, action: Action) -> bool {
        match action {
            Action::RecordRound | Action::PhaseStep => state.rounds.selected_row().is_some(),
            Action::ReportTurns => state.rounds.selected_row().is_some_and(|r| {
                let today = state.today();
                r.status
                    .due_today
                    .iter()
                    .any(|(n, _, _)| !r.case.sessions.iter().any(|s| s.day == today && s.session == *n))
            }),
            Action::LogStruts => state.rounds.selected_row().is_some_and(|r| {
                let today = state.today();
                r.case.hexapod.as_ref().is_some_and(|h| {
                    h.plan.struts_due(today).iter().any(|s| !h.log.iter().any(|a| a.day == today && a.strut == *s))
                })
            }),
            _ => true,
        }
    }
}
