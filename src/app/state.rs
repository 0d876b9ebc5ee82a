//! Everything the screen shows, and nothing it does not.

use super::keymap::Scope;
use crate::domain::attention::Subject;
use crate::domain::board::Board;
use crate::domain::ward_time;
use crate::store::Actor;
use crate::store::audit_log::Entry;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Board,
    Audit,
}

impl Tab {
    /// The tabs built so far, in the order their numbers follow.
    pub const ALL: [Tab; 2] = [Tab::Board, Tab::Audit];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Board => "Board",
            Tab::Audit => "Audit",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// A row of the board that can be selected, by record, not by position, so a
/// refresh keeps the selection on the same patient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKey {
    Alert { rule: &'static str, subject: Subject },
    Arrival(i64),
    Procedure(i64),
    Departure(i64),
}

#[derive(Debug, Default)]
pub struct BoardView {
    pub day: Option<NaiveDate>,
    /// Follow the calendar: at midnight the board moves to the new day.
    pub follow_today: bool,
    pub board: Option<Board>,
    pub selected: Option<RowKey>,
    pub filter: String,
    pub error: Option<String>,
}

#[derive(Debug, Default)]
pub struct AuditView {
    pub entries: Vec<Entry>,
    pub selected: Option<i64>,
    pub filter: String,
    pub loaded: bool,
    /// The last page was full: there may be older entries to read.
    pub more: bool,
    pub error: Option<String>,
}

/// Asks before anything is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Dialog {
    pub title: String,
    pub lines: Vec<String>,
    pub on_confirm: super::Effect,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Filter,
    Help,
    Dialog(Dialog),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Done,
    Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    pub until: DateTime<Utc>,
}

/// Whether other terminals' saves reach this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Live {
    Starting,
    Watching,
    Stopped(String),
}

pub struct State {
    pub tab: Tab,
    pub mode: Mode,
    pub now: DateTime<Utc>,
    pub zone: Tz,
    pub actor: Actor,
    pub database: String,
    pub board: BoardView,
    pub audit: AuditView,
    pub notice: Option<Notice>,
    pub live: Live,
    /// Rows a page-up/down moves; the screen sets it from its height.
    pub page_rows: usize,
    pub quit: bool,
}

impl State {
    pub fn new(now: DateTime<Utc>, zone: Tz, actor: Actor, database: String) -> State {
        State {
            tab: Tab::Board,
            mode: Mode::Normal,
            now,
            zone,
            actor,
            database,
            board: BoardView {
                follow_today: true,
                day: Some(ward_time::local_day(now, zone)),
                ..BoardView::default()
            },
            audit: AuditView::default(),
            notice: None,
            live: Live::Starting,
            page_rows: 10,
            quit: false,
        }
    }

    pub fn today(&self) -> NaiveDate {
        ward_time::local_day(self.now, self.zone)
    }

    pub fn board_day(&self) -> NaiveDate {
        self.board.day.unwrap_or_else(|| self.today())
    }

    /// The scopes a key is looked up in, innermost first.
    pub fn scopes(&self) -> Vec<Scope> {
        let screen = match self.tab {
            Tab::Board => Scope::Board,
            Tab::Audit => Scope::Audit,
        };
        match self.mode {
            Mode::Dialog(_) => vec![Scope::Dialog],
            Mode::Filter => vec![Scope::Filter],
            Mode::Help => vec![Scope::Help],
            Mode::Normal => vec![screen, Scope::List, Scope::Global],
        }
    }

    pub fn filter(&self) -> &str {
        match self.tab {
            Tab::Board => &self.board.filter,
            Tab::Audit => &self.audit.filter,
        }
    }
}
