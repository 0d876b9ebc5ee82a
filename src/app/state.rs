//! Everything the screen shows, and nothing it does not.

use super::keymap::Scope;
use crate::domain::attention::Subject;
use crate::domain::board::Board;
use crate::domain::journey::{AdmissionDetail, AdmissionSummary, BedRow, ConsultationDue};
use crate::domain::pathway::AdmissionState;
use crate::domain::ward_time;
use crate::store::Actor;
use crate::store::audit_log::Entry;
use crate::store::reference::Lists;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Board,
    Admissions,
    Beds,
    Anaesthesia,
    Audit,
}

impl Tab {
    /// The tabs built so far, in the order their numbers follow.
    pub const ALL: [Tab; 5] = [Tab::Board, Tab::Admissions, Tab::Beds, Tab::Anaesthesia, Tab::Audit];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Board => "Board",
            Tab::Admissions => "Admissions",
            Tab::Beds => "Beds",
            Tab::Anaesthesia => "Anaesthesia",
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

/// A list read from the store, with the selection held by record id so a
/// refresh keeps it on the same record.
#[derive(Debug)]
pub struct Listing<T> {
    pub rows: Vec<T>,
    pub loaded: bool,
    pub error: Option<String>,
    pub selected: Option<i64>,
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Listing { rows: Vec::new(), loaded: false, error: None, selected: None }
    }
}

/// The id a row is selected by.
pub trait Keyed {
    fn key(&self) -> i64;
}

impl Keyed for AdmissionSummary {
    fn key(&self) -> i64 {
        self.admission_id
    }
}

impl Keyed for BedRow {
    fn key(&self) -> i64 {
        self.bed_id
    }
}

impl Keyed for ConsultationDue {
    fn key(&self) -> i64 {
        self.case_id
    }
}

impl<T: Keyed> Listing<T> {
    /// Takes a load's answer: the same record stays selected if still listed,
    /// else the first one; an error is kept to show, the old rows with it.
    pub fn receive(&mut self, result: Result<Vec<T>, String>) {
        match result {
            Ok(rows) => {
                self.rows = rows;
                self.loaded = true;
                self.error = None;
                if !self.selected.is_some_and(|id| self.rows.iter().any(|r| r.key() == id)) {
                    self.selected = self.rows.first().map(Keyed::key);
                }
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Moves the selection `delta` rows, clamped to the list.
    pub fn move_by(&mut self, delta: isize) {
        let Some(last) = self.rows.len().checked_sub(1) else {
            self.selected = None;
            return;
        };
        let here = self.selected.and_then(|id| self.rows.iter().position(|r| r.key() == id));
        let target = match here {
            None => 0,
            Some(i) => (i as isize).saturating_add(delta).clamp(0, last as isize) as usize,
        };
        self.selected = Some(self.rows[target].key());
    }

    pub fn selected_row(&self) -> Option<&T> {
        self.rows.iter().find(|r| Some(r.key()) == self.selected)
    }
}

/// The Admissions tab: a list, and one admission's detail when opened.
#[derive(Debug, Default)]
pub struct AdmissionsView {
    /// `None`: every day (newest first).
    pub day: Option<NaiveDate>,
    pub state: Option<AdmissionState>,
    pub filter: String,
    pub list: Listing<AdmissionSummary>,
    pub detail: Option<DetailView>,
}

#[derive(Debug)]
pub struct DetailView {
    pub admission_id: i64,
    pub data: Option<Box<AdmissionDetail>>,
    pub error: Option<String>,
    /// The checklist row under the cursor.
    pub cursor: usize,
    /// Lines scrolled, for a detail taller than the screen.
    pub scroll: usize,
}

/// The Beds tab (R-PATH-4).
pub type BedsView = Listing<BedRow>;

/// The anaesthesia worklist (R-ANES-1, -2, -5), selected by case.
pub type AnaesthesiaView = Listing<ConsultationDue>;

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
    Dialog(Box<Dialog>),
    Form(Box<super::forms::OpenForm>),
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
    pub admissions: AdmissionsView,
    pub beds: BedsView,
    pub anaesthesia: AnaesthesiaView,
    pub audit: AuditView,
    pub notice: Option<Notice>,
    /// Pick lists for forms: procedure kinds, operators, rooms, beds.
    pub lists: Lists,
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
            board: BoardView { follow_today: true, day: Some(ward_time::local_day(now, zone)), ..BoardView::default() },
            admissions: AdmissionsView { day: Some(ward_time::local_day(now, zone)), ..AdmissionsView::default() },
            beds: BedsView::default(),
            anaesthesia: AnaesthesiaView::default(),
            audit: AuditView::default(),
            notice: None,
            lists: Lists::default(),
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

    /// The scopes of the screen itself, as if no overlay were open: what the
    /// help describes.
    pub fn screen_scopes(&self) -> Vec<Scope> {
        let mut scopes = match self.tab {
            Tab::Board => vec![Scope::Board, Scope::List],
            Tab::Admissions if self.admissions.detail.is_some() => vec![Scope::Detail],
            Tab::Admissions => vec![Scope::Admissions, Scope::List],
            Tab::Beds => vec![Scope::Beds, Scope::List],
            Tab::Anaesthesia => vec![Scope::Anaesthesia, Scope::List],
            Tab::Audit => vec![Scope::List],
        };
        if scopes.contains(&Scope::List) && matches!(self.tab, Tab::Board | Tab::Admissions | Tab::Audit) {
            scopes.push(Scope::Filter);
        }
        scopes.push(Scope::Global);
        scopes
    }

    /// The scopes a key is looked up in, innermost first.
    pub fn scopes(&self) -> Vec<Scope> {
        let screen = match self.tab {
            Tab::Board => Scope::Board,
            Tab::Admissions if self.admissions.detail.is_some() => Scope::Detail,
            Tab::Admissions => Scope::Admissions,
            Tab::Beds => Scope::Beds,
            Tab::Anaesthesia => Scope::Anaesthesia,
            Tab::Audit => Scope::Audit,
        };
        match self.mode {
            Mode::Dialog(_) => vec![Scope::Dialog],
            Mode::Form(_) => vec![Scope::Form],
            Mode::Filter => vec![Scope::Filter],
            Mode::Help => vec![Scope::Help],
            // The detail is not a list: its own keys move and scroll it.
            Mode::Normal if screen == Scope::Detail => vec![screen, Scope::Global],
            Mode::Normal => vec![screen, Scope::List, Scope::Global],
        }
    }

    /// The text filter of the current list ("" where the screen has none).
    pub fn filter(&self) -> &str {
        match self.tab {
            Tab::Board => &self.board.filter,
            Tab::Admissions => &self.admissions.filter,
            Tab::Audit => &self.audit.filter,
            Tab::Beds | Tab::Anaesthesia => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Row(i64);

    impl Keyed for Row {
        fn key(&self) -> i64 {
            self.0
        }
    }

    #[test]
    fn a_reload_keeps_the_selection_on_the_same_record_not_the_same_position() {
        let mut list = Listing::default();
        list.receive(Ok(vec![Row(1), Row(2), Row(3)]));
        assert_eq!(list.selected, Some(1));
        list.move_by(2);
        assert_eq!(list.selected, Some(3));
        // Another terminal's save adds a row above and moves ours.
        list.receive(Ok(vec![Row(9), Row(1), Row(3), Row(2)]));
        assert_eq!(list.selected_row().map(|r| r.0), Some(3));
        // Our record is gone: the first row.
        list.receive(Ok(vec![Row(4), Row(5)]));
        assert_eq!(list.selected, Some(4));
        // A failed reload keeps the rows and says why.
        list.receive(Err("busy".into()));
        assert_eq!((list.rows.len(), list.error.as_deref()), (2, Some("busy")));
        list.move_by(-10);
        assert_eq!(list.selected, Some(4));
    }
}
