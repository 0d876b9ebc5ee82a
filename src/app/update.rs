//! `update`: one message in, the state changed, effects out.

use super::board_rows;
use super::keymap::{self, Action};
use super::state::{Dialog, Live, Mode, Notice, NoticeKind, RowKey, State, Tab};
use crate::domain::attention::Subject;
use crate::domain::board::{Board, Stay};
use crate::domain::pathway::{AdmissionState, Step};
use crate::store::audit_log::Entry;
use crate::store::watch::Changed;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// The clock moved on (once a second).
    Tick(DateTime<Utc>),
    /// The terminal changed size: draw again.
    Resized,
    BoardLoaded {
        day: NaiveDate,
        result: Result<Board, String>,
    },
    AuditLoaded {
        filter: String,
        appended: bool,
        result: Result<Vec<Entry>, String>,
    },
    StepSaved {
        who: String,
        result: Result<AdmissionState, String>,
    },
    /// Another terminal (or this one) committed these rows.
    Changed(Vec<Changed>),
    LiveStopped(String),
}

/// Work for the shell: short store calls whose answers come back as messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadBoard(NaiveDate),
    LoadAudit {
        filter: String,
        before_id: Option<i64>,
    },
    TakeStep {
        admission_id: i64,
        version: i64,
        step: Step,
        reason: Option<String>,
        who: String,
    },
}

#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// Something on screen changed: draw a frame.
    pub redraw: bool,
    pub effects: Vec<Effect>,
}

impl Outcome {
    fn redraw() -> Outcome {
        Outcome {
            redraw: true,
            effects: Vec::new(),
        }
    }

    fn with(effect: Effect) -> Outcome {
        Outcome {
            redraw: true,
            effects: vec![effect],
        }
    }
}

/// How long a notice stays in the status line.
const NOTICE_SECONDS: i64 = 8;

pub fn update(state: &mut State, msg: Msg) -> Outcome {
    match msg {
        Msg::Key(key) => on_key(state, key),
        Msg::Tick(now) => on_tick(state, now),
        Msg::Resized => Outcome::redraw(),
        Msg::BoardLoaded { day, result } => {
            if Some(day) != state.board.day {
                return Outcome::default();
            }
            match result {
                Ok(board) => {
                    state.board.board = Some(board);
                    state.board.error = None;
                    keep_board_selection(state);
                }
                Err(e) => state.board.error = Some(e),
            }
            Outcome::redraw()
        }
        Msg::AuditLoaded {
            filter,
            appended,
            result,
        } => {
            if filter != state.audit.filter {
                return Outcome::default();
            }
            match result {
                Ok(entries) => {
                    state.audit.more = entries.len() >= crate::store::audit_log::PAGE;
                    if appended {
                        state.audit.entries.extend(entries);
                    } else {
                        state.audit.entries = entries;
                    }
                    state.audit.loaded = true;
                    state.audit.error = None;
                    keep_audit_selection(state);
                }
                Err(e) => state.audit.error = Some(e),
            }
            Outcome::redraw()
        }
        Msg::StepSaved { who, result } => {
            match result {
                Ok(to) => notify(
                    state,
                    NoticeKind::Done,
                    format!("{who}: now {}", to.code().replace('_', " ")),
                ),
                Err(e) => notify(state, NoticeKind::Problem, format!("not saved: {e}")),
            }
            Outcome::with(Effect::LoadBoard(state.board_day()))
        }
        Msg::Changed(rows) => {
            state.live = Live::Watching;
            if rows.is_empty() {
                return Outcome::redraw();
            }
            let mut out = Outcome::with(Effect::LoadBoard(state.board_day()));
            if state.audit.loaded {
                out.effects.push(Effect::LoadAudit {
                    filter: state.audit.filter.clone(),
                    before_id: None,
                });
            }
            out
        }
        Msg::LiveStopped(why) => {
            state.live = Live::Stopped(why);
            Outcome::redraw()
        }
    }
}

fn notify(state: &mut State, kind: NoticeKind, text: String) {
    state.notice = Some(Notice {
        kind,
        text,
        until: state.now + Duration::seconds(NOTICE_SECONDS),
    });
}

fn on_tick(state: &mut State, now: DateTime<Utc>) -> Outcome {
    let shown = |t: DateTime<Utc>| t.with_timezone(&state.zone).format("%d %H:%M").to_string();
    let mut out = Outcome {
        redraw: shown(now) != shown(state.now),
        effects: Vec::new(),
    };
    let day_before = state.today();
    state.now = now;
    if state.notice.as_ref().is_some_and(|n| n.until <= now) {
        state.notice = None;
        out.redraw = true;
    }
    if state.board.follow_today && state.today() != day_before {
        state.board.day = Some(state.today());
        state.board.selected = None;
        out.effects.push(Effect::LoadBoard(state.today()));
    }
    out
}

fn on_key(state: &mut State, key: KeyEvent) -> Outcome {
    let scopes = state.scopes();
    let action = keymap::resolve(&scopes, &key);
    if state.mode == Mode::Filter && action.is_none() {
        return edit_filter(state, key);
    }
    let Some(action) = action else {
        return Outcome::default();
    };
    match action {
        Action::Quit => {
            state.quit = true;
            Outcome::default()
        }
        Action::Help => {
            state.mode = Mode::Help;
            Outcome::redraw()
        }
        Action::NextTab | Action::PrevTab | Action::GoTab => switch_tab(state, action, key),
        Action::Down => move_by(state, 1),
        Action::Up => move_by(state, -1),
        Action::PageDown => move_by(state, state.page_rows as isize),
        Action::PageUp => move_by(state, -(state.page_rows as isize)),
        Action::Top => move_by(state, isize::MIN / 2),
        Action::Bottom => move_by(state, isize::MAX / 2),
        Action::Filter => {
            state.mode = Mode::Filter;
            Outcome::redraw()
        }
        Action::AcceptFilter => {
            state.mode = Mode::Normal;
            Outcome::redraw()
        }
        Action::Back => back(state),
        Action::Admit => ask_to_admit(state),
        Action::PrevDay | Action::NextDay | Action::Today => change_day(state, action),
        Action::Confirm => {
            let Mode::Dialog(dialog) = std::mem::replace(&mut state.mode, Mode::Normal) else {
                return Outcome::default();
            };
            Outcome::with(dialog.on_confirm)
        }
        Action::Cancel => {
            state.mode = Mode::Normal;
            notify(state, NoticeKind::Done, "cancelled: nothing was changed".into());
            Outcome::redraw()
        }
    }
}

fn back(state: &mut State) -> Outcome {
    let was_filtering = state.mode == Mode::Filter;
    if state.mode != Mode::Normal {
        state.mode = Mode::Normal;
        if !was_filtering {
            return Outcome::redraw();
        }
    }
    if state.filter().is_empty() {
        return Outcome::redraw();
    }
    set_filter(state, String::new())
}

fn edit_filter(state: &mut State, key: KeyEvent) -> Outcome {
    let mut text = state.filter().to_string();
    match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => text.push(c),
        KeyCode::Backspace => {
            text.pop();
        }
        _ => return Outcome::default(),
    }
    set_filter(state, text)
}

fn set_filter(state: &mut State, text: String) -> Outcome {
    match state.tab {
        Tab::Board => {
            state.board.filter = text;
            keep_board_selection(state);
            Outcome::redraw()
        }
        Tab::Audit => {
            state.audit.filter = text.clone();
            Outcome::with(Effect::LoadAudit {
                filter: text,
                before_id: None,
            })
        }
    }
}

fn switch_tab(state: &mut State, action: Action, key: KeyEvent) -> Outcome {
    let count = Tab::ALL.len();
    let index = state.tab.index();
    let next = match (action, key.code) {
        (Action::NextTab, _) => (index + 1) % count,
        (Action::PrevTab, _) => (index + count - 1) % count,
        (_, KeyCode::Char(c)) => match c.to_digit(10) {
            Some(n) if (1..=count as u32).contains(&n) => n as usize - 1,
            _ => return Outcome::default(),
        },
        _ => return Outcome::default(),
    };
    state.tab = Tab::ALL[next];
    if state.tab == Tab::Audit && !state.audit.loaded {
        return Outcome::with(Effect::LoadAudit {
            filter: state.audit.filter.clone(),
            before_id: None,
        });
    }
    Outcome::redraw()
}

fn change_day(state: &mut State, action: Action) -> Outcome {
    let day = state.board_day();
    let next = match action {
        Action::PrevDay => day.pred_opt().unwrap_or(day),
        Action::NextDay => day.succ_opt().unwrap_or(day),
        _ => state.today(),
    };
    state.board.follow_today = next == state.today();
    state.board.day = Some(next);
    state.board.board = None;
    state.board.selected = None;
    Outcome::with(Effect::LoadBoard(next))
}

fn move_by(state: &mut State, delta: isize) -> Outcome {
    match state.tab {
        Tab::Board => {
            let rows = board_rows::all_rows(&state.board);
            state.board.selected = step(&rows, state.board.selected.as_ref(), delta).copied();
            Outcome::redraw()
        }
        Tab::Audit => {
            let ids: Vec<i64> = state.audit.entries.iter().map(|e| e.id).collect();
            state.audit.selected = step(&ids, state.audit.selected.as_ref(), delta).copied();
            let at_end = state.audit.selected == ids.last().copied();
            if at_end && state.audit.more && delta > 0 {
                let before_id = ids.last().copied();
                return Outcome::with(Effect::LoadAudit {
                    filter: state.audit.filter.clone(),
                    before_id,
                });
            }
            Outcome::redraw()
        }
    }
}

/// The item `delta` rows from `current`, clamped to the list.
fn step<'a, T: PartialEq>(items: &'a [T], current: Option<&T>, delta: isize) -> Option<&'a T> {
    if items.is_empty() {
        return None;
    }
    let here = current.and_then(|c| items.iter().position(|i| i == c));
    let target = match here {
        None => 0,
        Some(i) => (i as isize).saturating_add(delta).clamp(0, items.len() as isize - 1) as usize,
    };
    items.get(target)
}

/// After a reload, stay on the same record; if it is gone, on the first row.
fn keep_board_selection(state: &mut State) {
    let rows = board_rows::all_rows(&state.board);
    if !state.board.selected.is_some_and(|s| rows.contains(&s)) {
        state.board.selected = rows.first().copied();
    }
}

fn keep_audit_selection(state: &mut State) {
    let ids: Vec<i64> = state.audit.entries.iter().map(|e| e.id).collect();
    if !state.audit.selected.is_some_and(|s| ids.contains(&s)) {
        state.audit.selected = ids.first().copied();
    }
}

/// The stay behind the selected row, if the row is about one.
pub fn selected_stay(state: &State) -> Option<&Stay> {
    let board = state.board.board.as_ref()?;
    let id = match state.board.selected? {
        RowKey::Arrival(id) | RowKey::Departure(id) => id,
        RowKey::Alert {
            subject: Subject::Admission(id),
            ..
        } => id,
        RowKey::Procedure(case) => board.facts.procedures.iter().find(|p| p.case_id == case)?.admission_id,
        RowKey::Alert { .. } => return None,
    };
    board.stay(id)
}

/// R-PATH-2, first step: asks before admitting the selected patient.
fn ask_to_admit(state: &mut State) -> Outcome {
    let Some(stay) = selected_stay(state) else {
        notify(
            state,
            NoticeKind::Problem,
            "select an arriving patient first (j/k to move)".into(),
        );
        return Outcome::redraw();
    };
    if stay.state != AdmissionState::Planned {
        let text = format!(
            "{} is {}: only a planned arrival can be admitted",
            stay.patient,
            stay.state.code()
        );
        notify(state, NoticeKind::Problem, text);
        return Outcome::redraw();
    }
    let who = stay.patient.to_string();
    let bed = stay
        .bed
        .clone()
        .map_or_else(|| "no bed assigned".to_string(), |b| format!("bed {b}"));
    let procedure = match (&stay.procedure, stay.procedure_day) {
        (Some(p), Some(d)) => format!("{p} on {}", d.format("%d/%m")),
        _ => "no procedure booked".to_string(),
    };
    let effect = Effect::TakeStep {
        admission_id: stay.admission_id,
        version: stay.version,
        step: Step::Admit,
        reason: None,
        who: who.clone(),
    };
    state.mode = Mode::Dialog(Dialog {
        title: "Admit this patient?".into(),
        lines: vec![
            who,
            format!("{bed} · {procedure}"),
            format!("planned arrival {}", stay.planned_admit_on.format("%d/%m")),
        ],
        on_confirm: effect,
    });
    Outcome::redraw()
}
