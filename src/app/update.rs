//! `update`: one message in, the state changed, effects out.

use super::admissions;
use super::board_rows;
use super::form_keys;
use super::forms::{self, Request};
use super::keymap::{self, Action};
use super::state::{Dialog, Live, Mode, Notice, NoticeKind, RowKey, State, Tab};
use crate::domain::attention::Subject;
use crate::domain::board::{Board, Stay};
use crate::domain::journey::{AdmissionDetail, AdmissionSummary, BedRow, ConsultationDue};
use crate::domain::pathway::{AdmissionState, Step};
use crate::store::admission_list::ListQuery;
use crate::store::audit_log::Entry;
use crate::store::reference::Lists;
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
    ListsLoaded(Result<Lists, String>),
    AdmissionsLoaded {
        query: ListQuery,
        result: Result<Vec<AdmissionSummary>, String>,
    },
    DetailLoaded {
        admission_id: i64,
        result: Result<Box<AdmissionDetail>, String>,
    },
    BedsLoaded(Result<Vec<BedRow>, String>),
    AnaesthesiaLoaded(Result<Vec<ConsultationDue>, String>),
    /// A request was saved (the text says what changed) or refused (why).
    Saved(Result<String, String>),
    /// Another terminal (or this one) committed these rows.
    Changed(Vec<Changed>),
    LiveStopped(String),
    /// The terminal went away (SIGHUP, SIGTERM, a read error): leave cleanly.
    TerminalGone(String),
}

/// Work for the shell: short store calls whose answers come back as messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadBoard(NaiveDate),
    LoadAudit { filter: String, before_id: Option<i64> },
    LoadLists,
    LoadAdmissions(ListQuery),
    LoadDetail(i64),
    LoadBeds(NaiveDate),
    LoadAnaesthesia(NaiveDate),
    Save(Request),
}

#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// Something on screen changed: draw a frame.
    pub redraw: bool,
    pub effects: Vec<Effect>,
}

impl Outcome {
    pub(super) fn redraw() -> Outcome {
        Outcome { redraw: true, effects: Vec::new() }
    }

    pub(super) fn with(effect: Effect) -> Outcome {
        Outcome { redraw: true, effects: vec![effect] }
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
        Msg::AuditLoaded { filter, appended, result } => {
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
        Msg::ListsLoaded(result) => {
            match result {
                Ok(lists) => state.lists = lists,
                Err(e) => notify(state, NoticeKind::Problem, format!("could not read the pick lists: {e}")),
            }
            Outcome::default()
        }
        Msg::Saved(result) => form_keys::on_saved(state, result),
        Msg::AdmissionsLoaded { query, result } => {
            if query != admissions::query(state) {
                return Outcome::default();
            }
            state.admissions.list.receive(result);
            Outcome::redraw()
        }
        Msg::DetailLoaded { admission_id, result } => {
            if let Some(view) = state.admissions.detail.as_mut()
                && view.admission_id == admission_id
            {
                match result {
                    Ok(detail) => {
                        view.cursor = view.cursor.min(detail.checklist.len().saturating_sub(1));
                        view.data = Some(detail);
                        view.error = None;
                    }
                    Err(e) => view.error = Some(e),
                }
            }
            Outcome::redraw()
        }
        Msg::BedsLoaded(result) => {
            state.beds.receive(result);
            Outcome::redraw()
        }
        Msg::AnaesthesiaLoaded(result) => {
            state.anaesthesia.receive(result);
            Outcome::redraw()
        }
        Msg::Changed(rows) => {
            state.live = Live::Watching;
            if rows.is_empty() {
                return Outcome::redraw();
            }
            Outcome { redraw: true, effects: admissions::reloads(state) }
        }
        Msg::TerminalGone(why) => {
            log::info!("leaving: {why}");
            state.quit = true;
            Outcome::default()
        }
        Msg::LiveStopped(why) => {
            state.live = Live::Stopped(why);
            Outcome::redraw()
        }
    }
}

pub(super) fn notify(state: &mut State, kind: NoticeKind, text: String) {
    state.notice = Some(Notice { kind, text, until: state.now + Duration::seconds(NOTICE_SECONDS) });
}

fn on_tick(state: &mut State, now: DateTime<Utc>) -> Outcome {
    let shown = |t: DateTime<Utc>| t.with_timezone(&state.zone).format("%d %H:%M").to_string();
    let mut out = Outcome { redraw: shown(now) != shown(state.now), effects: Vec::new() };
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
    if let Mode::Form(open) = &mut state.mode {
        return form_keys::on_key(open, key).apply(state);
    }
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
        Action::Down | Action::Up | Action::PageDown | Action::PageUp | Action::Top | Action::Bottom
            if state.tab == Tab::Admissions && state.admissions.detail.is_some() =>
        {
            admissions::detail_action(state, action)
        }
        Action::Down => move_by(state, 1),
        Action::Up => move_by(state, -1),
        Action::PageDown => move_by(state, state.page_rows as isize),
        Action::PageUp => move_by(state, -(state.page_rows as isize)),
        Action::Top => move_by(state, isize::MIN / 2),
        Action::Bottom => move_by(state, isize::MAX / 2),
        Action::Filter if state.tab == Tab::Admissions && state.admissions.detail.is_some() => Outcome::default(),
        Action::Filter if matches!(state.tab, Tab::Beds | Tab::Anaesthesia) => Outcome::default(),
        Action::Filter => {
            state.mode = Mode::Filter;
            Outcome::redraw()
        }
        Action::AcceptFilter => {
            state.mode = Mode::Normal;
            Outcome::redraw()
        }
        Action::Back if state.tab == Tab::Admissions && state.admissions.detail.is_some() => {
            state.admissions.detail = None;
            Outcome::redraw()
        }
        Action::Back => back(state),
        Action::Admit if state.tab == Tab::Board => ask_to_admit(state),
        Action::Open if state.tab == Tab::Board => match selected_stay(state).map(|s| s.admission_id) {
            Some(id) => admissions::open_detail(state, id),
            None => {
                notify(state, NoticeKind::Problem, "this row is not about one admission".into());
                Outcome::redraw()
            }
        },
        _ if state.tab == Tab::Admissions && state.admissions.detail.is_some() => {
            admissions::detail_action(state, action)
        }
        Action::Admit => admit_from_list(state),
        Action::Open | Action::CycleState | Action::AnyDay if state.tab == Tab::Admissions => {
            admissions::list_action(state, action)
        }
        Action::PrevDay | Action::NextDay | Action::Today if state.tab == Tab::Admissions => {
            admissions::list_action(state, action)
        }
        Action::BedAction(_) => admissions::beds_action(state, action),
        Action::Open | Action::Consultation if state.tab == Tab::Anaesthesia => {
            admissions::anaesthesia_action(state, action)
        }
        Action::NewAdmission => {
            let day = state.board_day().succ_opt().unwrap_or(state.board_day());
            state.mode = Mode::Form(Box::new(forms::new_admission(&state.lists, day)));
            Outcome::redraw()
        }
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
        _ => Outcome::default(),
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
        Tab::Admissions => {
            state.admissions.filter = text;
            Outcome::with(Effect::LoadAdmissions(admissions::query(state)))
        }
        Tab::Audit => {
            state.audit.filter = text.clone();
            Outcome::with(Effect::LoadAudit { filter: text, before_id: None })
        }
        Tab::Beds | Tab::Anaesthesia => Outcome::default(),
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
    let load = match state.tab {
        Tab::Audit if !state.audit.loaded => {
            Some(Effect::LoadAudit { filter: state.audit.filter.clone(), before_id: None })
        }
        Tab::Admissions if !state.admissions.list.loaded => Some(Effect::LoadAdmissions(admissions::query(state))),
        Tab::Beds if !state.beds.loaded => Some(Effect::LoadBeds(state.today())),
        Tab::Anaesthesia if !state.anaesthesia.loaded => Some(Effect::LoadAnaesthesia(state.today())),
        _ => None,
    };
    Outcome { redraw: true, effects: load.into_iter().collect() }
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
        Tab::Admissions => {
            state.admissions.list.move_by(delta);
            Outcome::redraw()
        }
        Tab::Beds => {
            state.beds.move_by(delta);
            Outcome::redraw()
        }
        Tab::Anaesthesia => {
            state.anaesthesia.move_by(delta);
            Outcome::redraw()
        }
        Tab::Audit => {
            let ids: Vec<i64> = state.audit.entries.iter().map(|e| e.id).collect();
            state.audit.selected = step(&ids, state.audit.selected.as_ref(), delta).copied();
            let at_end = state.audit.selected == ids.last().copied();
            if at_end && state.audit.more && delta > 0 {
                let before_id = ids.last().copied();
                return Outcome::with(Effect::LoadAudit { filter: state.audit.filter.clone(), before_id });
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
        RowKey::Alert { subject, .. } => board.admission_for(subject)?,
        RowKey::Procedure(case) => board.admission_for(Subject::Case(case))?,
    };
    board.stay(id)
}

/// R-PATH-2, first step: asks before admitting the selected patient.
fn ask_to_admit(state: &mut State) -> Outcome {
    let Some(stay) = selected_stay(state) else {
        notify(state, NoticeKind::Problem, "select an arriving patient first (j/k to move)".into());
        return Outcome::redraw();
    };
    if stay.state != AdmissionState::Planned {
        let text = format!("{} is {}: only a planned arrival can be admitted", stay.patient, stay.state.code());
        notify(state, NoticeKind::Problem, text);
        return Outcome::redraw();
    }
    let who = stay.patient.to_string();
    let bed = stay.bed.clone().map_or_else(|| "no bed assigned".to_string(), |b| format!("bed {b}"));
    let procedure = match (&stay.procedure, stay.procedure_day) {
        (Some(p), Some(d)) => format!("{p} on {}", d.format("%d/%m")),
        _ => "no procedure booked".to_string(),
    };
    let effect = Effect::Save(Request::Step {
        admission_id: stay.admission_id,
        version: stay.version,
        step: Step::Admit,
        reason: None,
        who: who.clone(),
    });
    state.mode = Mode::Dialog(Box::new(Dialog {
        title: "Admit this patient?".into(),
        lines: vec![
            who,
            format!("{bed} · {procedure}"),
            format!("planned arrival {}", stay.planned_admit_on.format("%d/%m")),
        ],
        on_confirm: effect,
    }));
    Outcome::redraw()
}

/// R-PATH-2: admit from the Admissions list, after a confirmation.
fn admit_from_list(state: &mut State) -> Outcome {
    let Some(row) = state.admissions.list.selected_row() else {
        notify(state, NoticeKind::Problem, "select an admission first (j/k to move)".into());
        return Outcome::redraw();
    };
    if row.state != AdmissionState::Planned {
        let text = format!("{} is {}: only a planned arrival can be admitted", row.patient, row.state.code());
        notify(state, NoticeKind::Problem, text);
        return Outcome::redraw();
    }
    let who = row.patient.to_string();
    let bed = row.bed.clone().map_or_else(|| "no bed assigned".to_string(), |b| format!("bed {b}"));
    let effect = Effect::Save(Request::Step {
        admission_id: row.admission_id,
        version: row.version,
        step: Step::Admit,
        reason: None,
        who: who.clone(),
    });
    state.mode = Mode::Dialog(Box::new(Dialog {
        title: "Admit this patient?".into(),
        lines: vec![who, bed],
        on_confirm: effect,
    }));
    Outcome::redraw()
}
