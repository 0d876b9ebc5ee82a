//! The Block tab: one day's grid of the procedure rooms (R-BLOCK-1..4). The
//! cursor is on a case (kept by case id across refreshes) in a room column:
//! `j`/`k` go through the room's cases by time, `h`/`l` to the next room's
//! case nearest in time; `[` `]` change day, `t` today; `m` moves the case
//! (day, time, room, staff), `Enter` opens its admission; `e` records the
//! next event of its J0 timeline now, `E` corrects one (R-BLOCK-6).

use super::super::forms::{self, PlacementChoice};
use super::super::keymap::{Action, Scope};
use super::super::state::{Mode, State};
use super::super::update::{Effect, Outcome};
use super::{Screen, detail, key_for, problem};
use crate::domain::block_list::{BlockCase, BlockDay};
use crate::domain::names;
use crate::store::cases::Placement;
use chrono::NaiveDate;

pub struct BlockScreen;

impl State {
    /// The day the Block tab shows.
    pub fn block_day(&self) -> NaiveDate {
        self.block.day.unwrap_or_else(|| self.today())
    }
}

/// Whether the filter lets `case` through (patient, procedure, staff).
pub fn shown(filter: &str, case: &BlockCase) -> bool {
    let text = format!(
        "{} {} {} {} {}",
        case.patient,
        case.procedure,
        case.operator.as_deref().unwrap_or(""),
        case.anaesthetist.as_deref().unwrap_or(""),
        case.nurse.as_deref().unwrap_or("")
    );
    filter.trim().is_empty() || names::matches(&text, filter)
}

/// The room column the cursor is in: the selected case's room, else the
/// room last moved to, else the first.
pub fn cursor_room(state: &State) -> Option<i64> {
    let data = state.block.data.as_ref()?;
    selected(state)
        .and_then(|c| c.room_id)
        .or(state.block.room.filter(|id| data.rooms.iter().any(|r| r.room_id == *id)))
        .or_else(|| data.rooms.first().map(|r| r.room_id))
}

/// The case under the cursor, if it is on the day shown and lets the filter through.
pub fn selected(state: &State) -> Option<&BlockCase> {
    let data = state.block.data.as_ref()?;
    let id = state.block.selected?;
    data.cases.iter().find(|c| c.case_id == id && shown(&state.block.filter, c))
}

/// The visible cases of `room`, by start.
fn in_room<'a>(data: &'a BlockDay, filter: &'a str, room: Option<i64>) -> Vec<&'a BlockCase> {
    data.cases.iter().filter(|c| c.room_id == room && shown(filter, c)).collect()
}

/// After a load or a filter: stay on the same case if still shown, else the
/// first case of the cursor's room, else the first case of the day.
fn keep_selection(state: &mut State) {
    if selected(state).is_some() {
        return;
    }
    let room = cursor_room(state);
    let Some(data) = state.block.data.as_ref() else { return };
    let filter = &state.block.filter;
    let first = in_room(data, filter, room).first().copied().or_else(|| data.cases.iter().find(|c| shown(filter, c)));
    state.block.selected = first.map(|c| c.case_id);
}

/// A load of `day` came back.
pub fn receive(state: &mut State, day: NaiveDate, result: Result<BlockDay, String>) -> Outcome {
    if day != state.block_day() {
        return Outcome::default();
    }
    match result {
        Ok(data) => {
            state.block.data = Some(data);
            state.block.loaded = true;
            state.block.error = None;
            keep_selection(state);
        }
        Err(e) => state.block.error = Some(e),
    }
    Outcome::redraw()
}

fn go_to_day(state: &mut State, day: NaiveDate) -> Outcome {
    state.block.day = Some(day);
    state.block.data = None;
    state.block.loaded = false;
    let mut out = Outcome::with(Effect::LoadBlock(day));
    if state.block.week_view {
        out.effects.push(Effect::LoadBlockWeek(monday_of(day)));
    }
    out
}

/// The Monday of `day`'s week.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// A load of the week from `monday` came back.
pub fn receive_week(state: &mut State, monday: NaiveDate, result: Result<Vec<BlockDay>, String>) -> Outcome {
    if monday != monday_of(state.block_day()) {
        return Outcome::default();
    }
    match result {
        Ok(days) => state.block.week = Some(days),
        Err(e) => state.block.error = Some(e),
    }
    Outcome::redraw()
}

/// `h`/`l`: the next room (by `delta`), on its case nearest in time to the
/// selected one.
fn change_room(state: &mut State, delta: isize) -> Outcome {
    let Some(data) = state.block.data.as_ref() else { return problem(state, tr!("block-still-reading")) };
    if data.rooms.is_empty() {
        return problem(state, tr!("block-no-rooms"));
    }
    let here = cursor_room(state).and_then(|id| data.rooms.iter().position(|r| r.room_id == id)).unwrap_or(0);
    let to = (here as isize + delta).clamp(0, data.rooms.len() as isize - 1) as usize;
    if to == here {
        let text = if delta < 0 { tr!("block-already-first-room") } else { tr!("block-already-last-room") };
        return problem(state, text);
    }
    let room = data.rooms[to].room_id;
    let at = selected(state).map(|c| c.start);
    let nearest = in_room(data, &state.block.filter, Some(room))
        .into_iter()
        .min_by_key(|c| at.map_or(0, |t| (c.start - t).num_minutes().abs()))
        .map(|c| c.case_id);
    state.block.room = Some(room);
    state.block.selected = nearest;
    Outcome::redraw()
}

fn move_form(state: &mut State) -> Outcome {
    let Some(c) = selected(state) else {
        let keys = format!("{}/{}", key_for(Scope::Block, Action::PrevRoom), key_for(Scope::Block, Action::NextRoom));
        return problem(state, tr!("block-no-case-to-move", keys = keys));
    };
    if !matches!(c.state, crate::domain::case::CaseState::Planned | crate::domain::case::CaseState::Confirmed) {
        return problem(state, tr!("block-cannot-move", state = c.state.label()));
    }
    let local = c.start.with_timezone(&state.zone);
    let current = Placement {
        room_id: c.room_id,
        operator_id: lookup(&state.lists.operators, c.operator.as_deref()),
        anaesthetist_id: lookup(&state.lists.anaesthetists, c.anaesthetist.as_deref()),
        nurse_id: lookup(&state.lists.nurses, c.nurse.as_deref()),
        minutes: Some(c.minutes),
    };
    let who = c.patient.to_string();
    let placement = PlacementChoice { current, lists: &state.lists };
    let form = forms::move_case(c.case_id, c.version, local.date_naive(), local.time(), Some(placement), &who);
    state.mode = Mode::Form(Box::new(form));
    Outcome::redraw()
}

/// R-BLOCK-5: `x` cancels, `o` postpones the case under the cursor, with a
/// reason from the list.
fn call_off_form(state: &mut State, step: crate::domain::pathway::Step) -> Outcome {
    use crate::domain::block_changes::CallOff;
    let kind = match step {
        crate::domain::pathway::Step::Cancel => CallOff::Cancelled,
        crate::domain::pathway::Step::Postpone => CallOff::Postponed,
        _ => return Outcome::default(),
    };
    let Some(c) = selected(state) else { return problem(state, tr!("block-no-case")) };
    if !matches!(c.state, crate::domain::case::CaseState::Planned | crate::domain::case::CaseState::Confirmed) {
        return problem(state, tr!("block-cannot-call-off", state = c.state.label(), action = kind.label()));
    }
    let form = forms::call_off(c.case_id, c.version, kind, &c.patient.to_string());
    state.mode = Mode::Form(Box::new(form));
    Outcome::redraw()
}

/// The keys that act in the week view: days, today, and back.
fn week_key(action: Action) -> bool {
    matches!(action, Action::PrevDay | Action::NextDay | Action::Today | Action::WeekView)
}

/// The id of the pick-list entry named `name` (staff are listed by name).
fn lookup(items: &[(i64, String)], name: Option<&str>) -> Option<i64> {
    let name = name?;
    items.iter().find(|(_, n)| n == name).map(|(id, _)| *id)
}

impl Screen for BlockScreen {
    fn scope(&self) -> Scope {
        Scope::Block
    }

    fn on_action(&self, state: &mut State, action: Action) -> Outcome {
        if state.block.week_view && !week_key(action) {
            let key = key_for(Scope::Block, Action::WeekView);
            return problem(state, tr!("block-week-only", key = key));
        }
        // In the week view, [ and ] go a week at a time.
        let step = if state.block.week_view { 7 } else { 1 };
        match action {
            Action::PrevDay => {
                let day = state.block_day();
                go_to_day(state, day - chrono::Duration::days(step))
            }
            Action::NextDay => {
                let day = state.block_day();
                go_to_day(state, day + chrono::Duration::days(step))
            }
            Action::Today => {
                let today = state.today();
                go_to_day(state, today)
            }
            Action::WeekView => {
                state.block.week_view = !state.block.week_view;
                if state.block.week_view {
                    state.block.week = None;
                    Outcome::with(Effect::LoadBlockWeek(monday_of(state.block_day())))
                } else {
                    Outcome::redraw()
                }
            }
            Action::PrevRoom => change_room(state, -1),
            Action::NextRoom => change_room(state, 1),
            Action::MoveCase => move_form(state),
            Action::TakeStep(step) => call_off_form(state, step),
            Action::Rebook => {
                let Some(data) = state.block.data.as_ref() else {
                    return problem(state, tr!("block-still-reading"));
                };
                if data.postponed.is_empty() {
                    return problem(state, tr!("block-none-postponed"));
                }
                let waiting: Vec<(i64, i64, String)> = data
                    .postponed
                    .iter()
                    .map(|p| {
                        let was = p.was_start.with_timezone(&state.zone).format("%d/%m").to_string();
                        let text = tr!(
                            "block-rebook-choice",
                            patient = p.patient.to_string(),
                            procedure = p.procedure.as_str(),
                            day = was
                        );
                        (p.case_id, p.version, text.into_owned())
                    })
                    .collect();
                let tomorrow = state.today().succ_opt().unwrap_or(state.today());
                let form = forms::rebook(&waiting, state.block_day().max(tomorrow));
                state.mode = Mode::Form(Box::new(form));
                Outcome::redraw()
            }
            Action::RecordEvent => {
                let Some(c) = selected(state) else { return problem(state, tr!("block-no-case")) };
                // R-BLOCK-6 (issue 9): only around the case's own day.
                let day = crate::domain::ward_time::local_day(c.start, state.zone);
                if !crate::domain::block_timeline::open_now(day, state.now, state.zone) {
                    let day = crate::domain::day_label::day_text(day);
                    return problem(state, tr!("block-timeline-closed", day = day));
                }
                let expected = match crate::domain::block_timeline::next_kind(&c.timeline) {
                    Ok(kind) => kind,
                    Err(e) => {
                        let key = key_for(Scope::Block, Action::CorrectEvent);
                        return problem(state, tr!("block-timeline-complete", error = e.to_string(), key = key));
                    }
                };
                // R-AUDIT-2: the request carries the event shown as next.
                let (case_id, who) = (c.case_id, c.patient.to_string());
                super::notify(
                    state,
                    crate::app::state::NoticeKind::Done,
                    tr!("block-recording", who = who.as_str(), event = expected.words()).into_owned(),
                );
                let request = forms::TimelineRequest::Next { case_id, expected, who };
                Outcome::with(Effect::Save(forms::Request::Timeline(request)))
            }
            Action::CorrectEvent => {
                let Some(c) = selected(state) else { return problem(state, tr!("block-no-case")) };
                match forms::correct_event(&c.timeline, state.now, state.zone, &c.patient.to_string()) {
                    Some(form) => {
                        state.mode = Mode::Form(Box::new(form));
                        Outcome::redraw()
                    }
                    None => {
                        let key = key_for(Scope::Block, Action::RecordEvent);
                        problem(state, tr!("block-timeline-empty", key = key))
                    }
                }
            }
            Action::NewAdmission => {
                // The day shown, or tomorrow when it is today or past.
                let tomorrow = state.today().succ_opt().unwrap_or(state.today());
                let day = state.block_day().max(tomorrow);
                super::admissions::new_admission_on(state, day)
            }
            Action::Open => match selected(state) {
                Some(c) => {
                    let admission = c.admission_id;
                    detail::open(state, admission)
                }
                None => problem(state, tr!("block-no-case-to-open")),
            },
            _ => Outcome::default(),
        }
    }

    fn move_by(&self, state: &mut State, delta: isize) -> Outcome {
        if state.block.week_view {
            let key = key_for(Scope::Block, Action::WeekView);
            return problem(state, tr!("block-week-no-cursor", key = key));
        }
        let room = cursor_room(state);
        let Some(data) = state.block.data.as_ref() else { return Outcome::default() };
        let cases = in_room(data, &state.block.filter, room);
        if cases.is_empty() {
            return problem(state, tr!("block-room-empty"));
        }
        let here = state.block.selected.and_then(|id| cases.iter().position(|c| c.case_id == id));
        let to = match here {
            None => 0,
            Some(i) => (i as isize).saturating_add(delta).clamp(0, cases.len() as isize - 1) as usize,
        };
        state.block.selected = Some(cases[to].case_id);
        Outcome::redraw()
    }

    fn filter<'a>(&self, state: &'a State) -> &'a str {
        &state.block.filter
    }

    fn set_filter(&self, state: &mut State, text: String) -> Outcome {
        state.block.filter = text;
        keep_selection(state);
        Outcome::redraw()
    }

    fn loads(&self, state: &State, first_time: bool) -> Vec<Effect> {
        let read = if first_time { !state.block.loaded } else { state.block.loaded };
        let mut out = if read { vec![Effect::LoadBlock(state.block_day())] } else { Vec::new() };
        if !first_time && state.block.week_view {
            out.push(Effect::LoadBlockWeek(monday_of(state.block_day())));
        }
        out
    }

    fn applies(&self, state: &State, action: Action) -> bool {
        if state.block.week_view && !week_key(action) {
            return false;
        }
        match action {
            Action::Open => selected(state).is_some(),
            Action::Rebook => state.block.data.as_ref().is_some_and(|d| !d.postponed.is_empty()),
            Action::MoveCase | Action::TakeStep(_) => selected(state).is_some_and(|c| {
                matches!(c.state, crate::domain::case::CaseState::Planned | crate::domain::case::CaseState::Confirmed)
            }),
            Action::PrevRoom | Action::NextRoom => state.block.data.as_ref().is_some_and(|d| d.rooms.len() > 1),
            // R-BLOCK-6: the next event while the timeline is not complete;
            // a correction once something is recorded.
            Action::RecordEvent => selected(state).is_some_and(|c| {
                let day = crate::domain::ward_time::local_day(c.start, state.zone);
                crate::domain::block_timeline::open_now(day, state.now, state.zone)
                    && crate::domain::block_timeline::next_kind(&c.timeline).is_ok()
            }),
            Action::CorrectEvent => selected(state).is_some_and(|c| !c.timeline.is_empty()),
            _ => true,
        }
    }
}
