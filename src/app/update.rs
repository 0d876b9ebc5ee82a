//! `update`: one message in, the state changed, effects out.

use super::form_keys;
use super::forms::{self, Request};
use super::refusal::Refusal;
use super::router;
use super::screens::{self, admissions};
use super::state::{AdminData, Live, Mode, Notice, NoticeKind, State, Tab};
use crate::domain::board::Board;
use crate::domain::journey::{AdmissionDetail, AdmissionSummary, BedRow, ConsultationDue};
use crate::store::admission_list::ListQuery;
use crate::store::audit_log::Entry;
use crate::store::reference::Lists;
use crate::store::watch::Changed;
use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::KeyEvent;

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// The clock moved on (once a second).
    Tick(DateTime<Utc>),
    /// The terminal changed size (columns, rows): draw again.
    Resized(u16, u16),
    BoardLoaded {
        day: NaiveDate,
        /// Boxed: a board is far larger than the other messages.
        result: Result<Box<Board>, String>,
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
    RoundsLoaded {
        day: NaiveDate,
        result: Result<Vec<crate::store::distraction::RoundsRow>, String>,
    },
    StockLoaded(Result<Box<crate::store::stock::StockData>, String>),
    AdminLoaded(Result<AdminData, String>),
    /// Who this terminal's account is now (its role may have changed in
    /// another terminal) and the settings the screen keeps (idle lock, zone).
    WhoLoaded(Result<Who, String>),
    BlockLoaded {
        day: NaiveDate,
        result: Result<crate::domain::block_list::BlockDay, String>,
    },
    BlockWeekLoaded {
        monday: NaiveDate,
        result: Result<Vec<crate::domain::block_list::BlockDay>, String>,
    },
    /// A request was saved (the text says what changed) or refused (why).
    Saved(Result<String, Refusal>),
    /// Another terminal (or this one) committed these rows.
    Changed(Vec<Changed>),
    LiveStopped(String),
    /// The database server went out of reach; the watcher is reconnecting.
    LiveLost(String),
    /// The terminal went away (SIGHUP, SIGTERM, a read error): leave cleanly.
    TerminalGone(String),
}

/// Work for the shell: short store calls whose answers come back as messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadBoard(NaiveDate),
    LoadAudit {
        filter: String,
        before_id: Option<i64>,
    },
    LoadLists,
    LoadAdmissions(ListQuery),
    LoadDetail(i64),
    LoadBeds(NaiveDate),
    LoadAnaesthesia(NaiveDate),
    LoadRounds(NaiveDate),
    /// The Stock tab on a day; `true`: used-up lots too.
    LoadStock(NaiveDate, bool),
    LoadAdmin,
    /// Re-read the account's staff row and the settings (after another
    /// terminal changed the staff list or a setting).
    LoadWho,
    /// Put this account on the staff list as `unassigned` (a key its role
    /// refused, before any save did), then re-read it as [`Effect::LoadWho`].
    Register,
    LoadBlock(NaiveDate),
    /// The seven days from this Monday (the Block tab's week view).
    LoadBlockWeek(NaiveDate),
    Save(Request),
}

/// The account's staff row and the settings the screen keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Who {
    pub actor: crate::store::Actor,
    pub idle_lock: chrono::TimeDelta,
    pub zone: chrono_tz::Tz,
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

/// How long a notice stays in the hint bar, in clock ticks (seconds).
const NOTICE_TICKS: u32 = 8;

pub fn update(state: &mut State, msg: Msg) -> Outcome {
    // Notices and refusals in the screen's language (`tr!` reads it).
    let _language = crate::i18n::scope(state.language);
    match msg {
        Msg::Key(key) => {
            state.last_key_at = state.now;
            state.last_key_tick = state.ticks;
            let hard_exit = super::keymap::resolve(&[super::keymap::Scope::Anywhere], &key).is_some();
            if state.locked && !hard_exit {
                // R-PRIV-2: any key brings the screen back; it does nothing else.
                state.locked = false;
                log::info!("idle lock: unlocked by a key");
                return Outcome::redraw();
            }
            router::on_key(state, key)
        }
        Msg::Tick(now) => on_tick(state, now),
        Msg::Resized(width, height) => {
            resized(state, width, height);
            Outcome::redraw()
        }
        Msg::BoardLoaded { day, result } => {
            if Some(day) != state.board.day {
                return Outcome::default();
            }
            match result {
                Ok(board) => {
                    state.board.board = Some(*board);
                    state.board.error = None;
                    screens::board::keep_selection(state);
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
                    screens::audit::keep_selection(state);
                }
                Err(e) => state.audit.error = Some(e),
            }
            Outcome::redraw()
        }
        Msg::ListsLoaded(result) => {
            match result {
                Ok(lists) => state.lists = lists,
                // Not over a problem already said: after a save refused for
                // a lost connection, the reload fails too, and the notice
                // must still say what was not saved.
                Err(e) if !state.notice.as_ref().is_some_and(|n| n.kind == NoticeKind::Problem) => {
                    notify(state, NoticeKind::Problem, tr!("admin-lists-error", error = e.to_string()).into_owned())
                }
                Err(e) => log::warn!("pick lists not read: {e}"),
            }
            Outcome::default()
        }
        Msg::Saved(result) => form_keys::on_saved(state, result),
        Msg::AdmissionsLoaded { query, result } => {
            if query != admissions::query(state) {
                return Outcome::default();
            }
            state.admissions.list.receive(result);
            state.admissions.shown_for = Some(query);
            Outcome::redraw()
        }
        Msg::DetailLoaded { admission_id, result } => {
            if let Some(view) = state.admissions.detail.as_mut()
                && view.admission_id == admission_id
            {
                match result {
                    Ok(detail) => {
                        view.cursor = view.cursor.min(detail.checklist.len().saturating_sub(1));
                        if let Mode::Form(open) = &mut state.mode
                            && open.stale
                        {
                            forms::refresh(open, &detail, state.zone);
                        }
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
        Msg::RoundsLoaded { day, result } => screens::rounds::receive(state, day, result),
        Msg::BlockLoaded { day, result } => screens::block::receive(state, day, result),
        Msg::BlockWeekLoaded { monday, result } => screens::block::receive_week(state, monday, result),
        Msg::StockLoaded(result) => {
            screens::stock::receive(state, result);
            Outcome::redraw()
        }
        Msg::AdminLoaded(result) => {
            state.admin.receive(result);
            Outcome::redraw()
        }
        Msg::Changed(rows) => {
            // Back from a lost connection: what the screen shows was read
            // before it, or failed with it; read it again.
            let back = matches!(state.live, Live::Reconnecting(_));
            state.live = Live::Watching;
            if rows.is_empty() && !back {
                return Outcome::redraw();
            }
            let mut effects = Vec::new();
            // Found in use (#8): a role given or taken in another terminal,
            // or a new idle-lock time, reached running terminals only on
            // their next save.
            if rows.iter().any(|r| r.table == "staff" || r.table == "settings") {
                effects.push(Effect::LoadWho);
            }
            effects.extend(screens::reloads(state));
            Outcome { redraw: true, effects }
        }
        Msg::WhoLoaded(Ok(who)) => {
            state.actor = who.actor;
            state.idle_lock = who.idle_lock;
            state.zone = who.zone;
            // Found in use (#8): an admin made a nurse while on the Admin tab
            // kept its list on screen with no tab lit. A tab the new role
            // does not see gives way to the Board, saying why (R-ROLE-1).
            if !state.tabs().contains(&state.tab) {
                let gone = state.tab.title();
                let mut out = screens::show(state, Tab::Board);
                state.mode = Mode::Normal;
                let role =
                    if state.actor.active { state.actor.role.as_str() } else { crate::store::permission::RETIRED };
                let text = tr!(
                    "admin-tab-gone",
                    tab = gone,
                    role = crate::domain::roles::role_word(role),
                    board = Tab::Board.title()
                );
                notify(state, NoticeKind::Problem, text.into_owned());
                out.redraw = true;
                return out;
            }
            Outcome::redraw()
        }
        Msg::WhoLoaded(Err(e)) => {
            log::warn!("could not re-read the account and settings: {e}");
            Outcome::default()
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
        Msg::LiveLost(why) => {
            state.live = Live::Reconnecting(why);
            Outcome::redraw()
        }
    }
}

/// A problem said when the screen opens (a stored setting refused), kept
/// in sight four times longer than a notice.
pub fn warn_at_start(state: &mut State, text: &str) {
    state.notice = Some(Notice { kind: NoticeKind::Problem, text: text.to_string(), ticks_left: NOTICE_TICKS * 4 });
}

pub(super) fn notify(state: &mut State, kind: NoticeKind, text: String) {
    state.notice = Some(Notice { kind, text, ticks_left: NOTICE_TICKS });
}

/// Below 80×24 only the urgent list shows (DESIGN.md, the screen).
fn resized(state: &mut State, width: u16, height: u16) {
    state.too_small = width < crate::app::MIN_WIDTH || height < crate::app::MIN_HEIGHT;
}

fn on_tick(state: &mut State, now: DateTime<Utc>) -> Outcome {
    let shown = |t: DateTime<Utc>| t.with_timezone(&state.zone).format("%d %H:%M").to_string();
    let minute_changed = shown(now) != shown(state.now);
    let mut out = Outcome { redraw: minute_changed, effects: Vec::new() };
    let day_before = state.today();
    state.now = now;
    // Counted in ticks, not ward time: with a fixed clock (`--now`) the
    // ward time stands still and a notice would never go.
    if let Some(notice) = &mut state.notice {
        notice.ticks_left = notice.ticks_left.saturating_sub(1);
        if notice.ticks_left == 0 {
            state.notice = None;
            out.redraw = true;
        }
    }
    // R-DO-4: a session becomes overdue with the clock alone; the rounds
    // sheet is judged again each minute once it was read (today's sheet
    // moves to the new day at midnight).
    if minute_changed && state.rounds.list.loaded {
        out.effects.push(Effect::LoadRounds(state.rounds_day()));
    }
    // R-PRIV-2: identities are hidden after a while without a key.
    state.ticks += 1;
    let real_idle = chrono::TimeDelta::seconds(i64::try_from(state.ticks - state.last_key_tick).unwrap_or(i64::MAX));
    let idle =
        crate::domain::privacy::idle_locked(state.last_key_at, now, state.idle_lock) || real_idle >= state.idle_lock;
    if !state.locked && idle {
        state.locked = true;
        out.redraw = true;
        log::info!("idle lock: no key for {} min, patient identities hidden", state.idle_lock.num_minutes());
    }
    if state.board.follow_today && state.today() != day_before {
        state.board.day = Some(state.today());
        state.board.selected = None;
        out.effects.push(Effect::LoadBoard(state.today()));
    }
    out
}
