//! Everything the screen shows, and nothing it does not.

use crate::domain::attention::Subject;
use crate::domain::board::Board;
use crate::domain::journey::{AdmissionDetail, AdmissionSummary, BedRow, ConsultationDue};
use crate::domain::language::Language;
use crate::domain::names;
use crate::domain::pathway::AdmissionState;
use crate::domain::roles::Role;
use crate::domain::ward_time;
use crate::store::Actor;
use crate::store::audit_log::Entry;
use crate::store::reference::Lists;
pub use crate::store::setup::AdminData;
use crate::store::setup::{BedSetupRow, ProcedureKindRow, RoomRow};
use crate::store::staff::StaffRow;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Board,
    Admissions,
    Beds,
    Anaesthesia,
    Audit,
    Rounds,
    /// The block schedule: the day grid (R-BLOCK-1..4).
    Block,
    /// Devices and implants: references, lots, movements (R-STOCK-*, R-TRACE-*).
    Stock,
    /// Staff and roles, rooms, beds, procedure kinds: shown to admins only.
    Admin,
}

impl Tab {
    /// The tabs built so far, in the order their numbers follow.
    pub const ALL: [Tab; 9] = [
        Tab::Board,
        Tab::Admissions,
        Tab::Beds,
        Tab::Anaesthesia,
        Tab::Audit,
        Tab::Rounds,
        Tab::Block,
        Tab::Stock,
        Tab::Admin,
    ];

    /// The catalogue message naming the tab; its `.short` attribute is
    /// the name when the tab bar is short of room (80 columns).
    pub fn title_id(self) -> &'static str {
        match self {
            Tab::Board => "tab-board",
            Tab::Admissions => "tab-admissions",
            Tab::Beds => "tab-beds",
            Tab::Anaesthesia => "tab-anaesthesia",
            Tab::Audit => "tab-audit",
            Tab::Rounds => "tab-rounds",
            Tab::Block => "tab-block",
            Tab::Stock => "tab-stock",
            Tab::Admin => "tab-admin",
        }
    }

    /// The tab's name in `language`.
    pub fn title_in(self, language: Language) -> std::borrow::Cow<'static, str> {
        crate::i18n::t(language, self.title_id())
    }

    /// The tab's short name in `language` (80 columns).
    pub fn short_title_in(self, language: Language) -> std::borrow::Cow<'static, str> {
        crate::i18n::attr(language, self.title_id(), "short")
    }

    /// The tab's name in the language in force.
    pub fn title(self) -> std::borrow::Cow<'static, str> {
        self.title_in(crate::i18n::language())
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// A row of the board that can be selected, by record, not by position, so a
/// refresh keeps the selection on the same patient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKey {
    /// An alert: its rule and subject, and its place among the alerts of
    /// that rule and subject (found in use, issue 10: a low-stock alert and
    /// two expiring lots of one reference were three rows with one key, so
    /// all three showed the first one's text and were selected together).
    Alert {
        rule: &'static str,
        subject: Subject,
        nth: u16,
    },
    Arrival(i64),
    Procedure(i64),
    Departure(i64),
}

#[derive(Debug, Clone, Default)]
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
///
/// `filter` narrows the rows on screen without a reload (see
/// [`Listing::visible`]); lists the store filters itself leave it empty.
#[derive(Debug, Clone)]
pub struct Listing<T> {
    pub rows: Vec<T>,
    pub loaded: bool,
    pub error: Option<String>,
    pub selected: Option<i64>,
    pub filter: String,
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Listing { rows: Vec::new(), loaded: false, error: None, selected: None, filter: String::new() }
    }
}

/// The id a row is selected by, and the words a filter looks in.
pub trait Keyed {
    fn key(&self) -> i64;
    fn search_text(&self) -> String;
}

impl Keyed for AdmissionSummary {
    fn key(&self) -> i64 {
        self.admission_id
    }
    fn search_text(&self) -> String {
        format!("{} {}", self.patient, self.bed.as_deref().unwrap_or(""))
    }
}

impl Keyed for BedRow {
    fn key(&self) -> i64 {
        self.bed_id
    }
    fn search_text(&self) -> String {
        let occupant = self.occupant.as_ref().map(|o| o.patient.to_string()).unwrap_or_default();
        let expected = self.expected.as_ref().map(|e| e.patient.to_string()).unwrap_or_default();
        format!("{} {} {occupant} {expected}", self.label, self.status.label())
    }
}

impl Keyed for ConsultationDue {
    fn key(&self) -> i64 {
        self.case_id
    }
    fn search_text(&self) -> String {
        format!("{} {}", self.patient, self.procedure)
    }
}

impl<T: Keyed> Listing<T> {
    /// Takes a load's answer: the same record stays selected if still listed,
    /// else the first one; an error is kept to show, alone (no rows it may not answer).
    pub fn receive(&mut self, result: Result<Vec<T>, String>) {
        match result {
            Ok(rows) => {
                self.rows = rows;
                self.loaded = true;
                self.error = None;
                self.keep_selection();
            }
            // Found in use (#12): a filter that met a damaged index kept the
            // rows of the last read under the new filter, as if they matched,
            // and the error line scrolled away above them. Rows that may not
            // answer what is asked are not shown: the error stands alone.
            Err(e) => {
                self.rows.clear();
                self.selected = None;
                self.error = Some(e);
            }
        }
    }

    /// The rows the filter lets through, in order (every row without a filter;
    /// case and accents ignored, every word must match).
    pub fn visible(&self) -> impl Iterator<Item = &T> {
        self.rows.iter().filter(|r| self.filter.trim().is_empty() || names::matches(&r.search_text(), &self.filter))
    }

    /// Keeps the selection on a visible record, or the first visible one.
    pub fn keep_selection(&mut self) {
        let selected = self.selected;
        if !self.visible().any(|r| Some(r.key()) == selected) {
            let first = self.visible().next().map(Keyed::key);
            self.selected = first;
        }
    }

    /// Moves the selection `delta` visible rows, clamped to the list. False
    /// when it could not move (an empty list, or already at that end).
    pub fn move_by(&mut self, delta: isize) -> bool {
        let keys: Vec<i64> = self.visible().map(Keyed::key).collect();
        let Some(last) = keys.len().checked_sub(1) else {
            self.selected = None;
            return false;
        };
        let here = self.selected.and_then(|id| keys.iter().position(|k| *k == id));
        let target = match here {
            None => 0,
            Some(i) => (i as isize).saturating_add(delta).clamp(0, last as isize) as usize,
        };
        let before = self.selected;
        self.selected = Some(keys[target]);
        before != self.selected
    }

    pub fn selected_row(&self) -> Option<&T> {
        self.visible().find(|r| Some(r.key()) == self.selected)
    }
}

/// The Admissions tab: a list, and one admission's detail when opened.
#[derive(Debug, Clone, Default)]
pub struct AdmissionsView {
    /// `None`: every day (newest first).
    pub day: Option<NaiveDate>,
    pub state: Option<AdmissionState>,
    pub filter: String,
    pub list: Listing<AdmissionSummary>,
    /// The query the list's rows answer. While a filter typed is still
    /// being read (the search worker), the rows are another query's: a key
    /// that acts on the selected row waits for them, else it would open or
    /// admit a patient the filter did not ask for.
    pub shown_for: Option<crate::store::admission_list::ListQuery>,
    pub detail: Option<DetailView>,
}

#[derive(Debug, Clone)]
pub struct DetailView {
    pub admission_id: i64,
    /// The tab it was opened from: `Esc` goes back there.
    pub from: Tab,
    pub data: Option<Box<AdmissionDetail>>,
    pub error: Option<String>,
    /// The checklist row under the cursor.
    pub cursor: usize,
    /// Lines scrolled, for a detail taller than the screen.
    pub scroll: usize,
}

impl Keyed for StaffRow {
    fn key(&self) -> i64 {
        self.staff_id
    }
    fn search_text(&self) -> String {
        format!("{} {} {}", self.account.as_deref().unwrap_or(""), self.display_name, self.role.code())
    }
}

impl Keyed for RoomRow {
    fn key(&self) -> i64 {
        self.room_id
    }
    fn search_text(&self) -> String {
        format!("{} {}", self.name, self.kind)
    }
}

impl Keyed for BedSetupRow {
    fn key(&self) -> i64 {
        self.bed_id
    }
    fn search_text(&self) -> String {
        format!("{} {}", self.label, self.unit.as_deref().unwrap_or(""))
    }
}

impl Keyed for ProcedureKindRow {
    fn key(&self) -> i64 {
        self.procedure_kind_id
    }
    fn search_text(&self) -> String {
        format!("{} {}", self.code, self.label)
    }
}

/// The Admin tab's four lists, one shown at a time (issue 8: staff, rooms
/// R-BLOCK-1, beds, procedure kinds R-BLOCK-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AdminSection {
    #[default]
    Staff,
    Rooms,
    Beds,
    Kinds,
}

impl AdminSection {
    pub const ALL: [AdminSection; 4] =
        [AdminSection::Staff, AdminSection::Rooms, AdminSection::Beds, AdminSection::Kinds];

    /// The list's name in the language in force.
    pub fn title(self) -> std::borrow::Cow<'static, str> {
        match self {
            AdminSection::Staff => tr!("admin-section-staff"),
            AdminSection::Rooms => tr!("admin-section-rooms"),
            AdminSection::Beds => tr!("admin-section-beds"),
            AdminSection::Kinds => tr!("admin-section-kinds"),
        }
    }

    /// The next (`forward`) or previous section, round the four.
    pub fn step(self, forward: bool) -> AdminSection {
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        let n = Self::ALL.len();
        Self::ALL[if forward { (i + 1) % n } else { (i + n - 1) % n }]
    }
}

/// The Admin tab: the section shown, and each list with its own selection
/// and filter (a refresh keeps what is selected).
#[derive(Debug, Clone, Default)]
pub struct AdminView {
    pub section: AdminSection,
    pub staff: Listing<StaffRow>,
    pub rooms: Listing<RoomRow>,
    pub beds: Listing<BedSetupRow>,
    pub kinds: Listing<ProcedureKindRow>,
}

impl AdminView {
    /// The shown section's filter text.
    pub fn filter(&self) -> &str {
        match self.section {
            AdminSection::Staff => &self.staff.filter,
            AdminSection::Rooms => &self.rooms.filter,
            AdminSection::Beds => &self.beds.filter,
            AdminSection::Kinds => &self.kinds.filter,
        }
    }

    /// Sets the shown section's filter, keeping a visible row selected.
    pub fn set_filter(&mut self, text: String) {
        match self.section {
            AdminSection::Staff => (self.staff.filter = text, self.staff.keep_selection()),
            AdminSection::Rooms => (self.rooms.filter = text, self.rooms.keep_selection()),
            AdminSection::Beds => (self.beds.filter = text, self.beds.keep_selection()),
            AdminSection::Kinds => (self.kinds.filter = text, self.kinds.keep_selection()),
        };
    }

    /// Moves the shown section's selection by `delta` rows.
    pub fn move_by(&mut self, delta: isize) {
        match self.section {
            AdminSection::Staff => self.staff.move_by(delta),
            AdminSection::Rooms => self.rooms.move_by(delta),
            AdminSection::Beds => self.beds.move_by(delta),
            AdminSection::Kinds => self.kinds.move_by(delta),
        };
    }

    /// Whether a row of the shown section is selected.
    pub fn has_selection(&self) -> bool {
        match self.section {
            AdminSection::Staff => self.staff.selected_row().is_some(),
            AdminSection::Rooms => self.rooms.selected_row().is_some(),
            AdminSection::Beds => self.beds.selected_row().is_some(),
            AdminSection::Kinds => self.kinds.selected_row().is_some(),
        }
    }

    /// Takes a load's answer into the four lists.
    pub fn receive(&mut self, result: Result<AdminData, String>) {
        match result {
            Ok(data) => {
                self.staff.receive(Ok(data.staff));
                self.rooms.receive(Ok(data.rooms));
                self.beds.receive(Ok(data.beds));
                self.kinds.receive(Ok(data.kinds));
            }
            Err(e) => self.staff.receive(Err(e)),
        }
    }
}

/// The Block tab: one day's grid, the cursor on a case (by case id, so a
/// refresh keeps it) and the room column it is in.
#[derive(Debug, Clone, Default)]
pub struct BlockView {
    /// `None`: today.
    pub day: Option<NaiveDate>,
    pub data: Option<crate::domain::block_list::BlockDay>,
    pub loaded: bool,
    pub error: Option<String>,
    /// The case under the cursor.
    pub selected: Option<i64>,
    /// The room (id) the cursor is in, when no case is selected in it.
    pub room: Option<i64>,
    pub filter: String,
    /// The week view is shown instead of the day grid.
    pub week_view: bool,
    /// The week view's days (Monday first), once read.
    pub week: Option<Vec<crate::domain::block_list::BlockDay>>,
}

/// The Beds tab (R-PATH-4).
pub type BedsView = Listing<BedRow>;

/// The distraction rounds sheet of a day (R-DO-4), selected by distraction case.
#[derive(Debug, Clone, Default)]
pub struct RoundsView {
    /// `None`: today, following the clock past midnight.
    pub day: Option<NaiveDate>,
    pub list: Listing<crate::store::distraction::RoundsRow>,
}

impl Keyed for crate::store::distraction::RoundsRow {
    fn key(&self) -> i64 {
        self.case.id
    }
    fn search_text(&self) -> String {
        let p = &self.case.prescription;
        format!("{} {} {} {}", self.case.patient, self.case.hospital_number, p.site.label(), p.device.label())
    }
}

/// One row of the Stock tab: a lot with its reference, or a reference with
/// nothing on the shelf (selected by lot id; such a reference by minus its id).
#[derive(Debug, Clone, PartialEq)]
pub struct StockRow {
    pub reference: crate::domain::stock::Reference,
    pub lot: Option<crate::domain::stock::lots::Lot>,
    /// The reference's usable, reserved and total units (R-STOCK-4).
    pub usable: u32,
    pub reserved: u32,
    pub total: u32,
    pub low: bool,
}

impl Keyed for StockRow {
    fn key(&self) -> i64 {
        self.lot.as_ref().map_or(-self.reference.id, |l| l.id)
    }
    fn search_text(&self) -> String {
        let r = &self.reference;
        let lot = self.lot.as_ref().map(|l| format!("{} {}", l.label(), l.location)).unwrap_or_default();
        format!("{} {} {} {} {lot}", r.code, r.name, r.manufacturer, r.kind.label())
    }
}

/// The Stock tab: its rows, the cases a movement can be for, and who
/// received each listed lot (R-TRACE-2).
#[derive(Debug, Clone, Default)]
pub struct StockView {
    pub list: Listing<StockRow>,
    pub cases: Vec<crate::store::stock::StockCase>,
    pub recipients: std::collections::BTreeMap<i64, Vec<crate::domain::stock::trace::ImplantRecord>>,
    /// R-STOCK-2: the cases holding units of each lot, by lot id.
    pub holds: std::collections::BTreeMap<i64, Vec<crate::store::stock::LotHold>>,
    /// R-TRACE-3: the key the site's scanners send for GS.
    pub gs_key: Option<char>,
    /// A reference to select once the list is read (a Board alert opened it).
    pub focus_reference: Option<i64>,
    /// R-STOCK-4: lots expiring within this many days are marked.
    pub expiry_days: i64,
    /// Used-up lots listed too (traceability), marked `used up`.
    pub show_used_up: bool,
}

/// The anaesthesia worklist (R-ANES-1, -2, -5), selected by case.
pub type AnaesthesiaView = Listing<ConsultationDue>;

#[derive(Debug, Clone, Default)]
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
    /// A form the question came from: it comes back on `n`, and waits for
    /// the save's answer on `y`, with the user's typing.
    pub form: Option<Box<super::forms::OpenForm>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Filter,
    Dialog(Box<Dialog>),
    Form(Box<super::forms::OpenForm>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Done,
    Problem,
}

/// A line in the hint bar saying what happened. It goes after a few clock
/// ticks (counted, not read from the ward clock, which `--now` fixes) or when
/// the user moves to another tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    /// Ticks (seconds) left on screen.
    pub ticks_left: u32,
}

/// Whether other terminals' saves reach this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Live {
    Starting,
    Watching,
    Stopped(String),
    /// The database server is out of reach (a failover, a restart); the
    /// watcher tries again, and nothing it missed is lost (it reads the
    /// audit log from where it stopped).
    Reconnecting(String),
}

#[derive(Debug, Clone)]
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
    pub rounds: RoundsView,
    pub block: BlockView,
    pub stock: StockView,
    pub admin: AdminView,
    pub notice: Option<Notice>,
    /// Pick lists for forms: procedure kinds, operators, rooms, beds.
    pub lists: Lists,
    pub live: Live,
    /// Rows a page-up/down moves; the screen sets it from its height.
    pub page_rows: usize,
    /// The help is open over whatever is on screen (a form, a confirmation,
    /// a filter stay open under it): the line it is scrolled to.
    pub help: Option<usize>,
    /// The window is below 80×24: only the urgent list shows, and only its keys act.
    pub too_small: bool,
    /// The first line of the urgent list shown in a window below 80×24.
    pub urgent_scroll: usize,
    /// R-PRIV-2: the last key (ward clock), how long without one locks the
    /// screen, and whether it is locked now.
    pub last_key_at: DateTime<Utc>,
    /// Ticks (about a second of real time each) seen, and at the last key:
    /// with a fixed clock (`--now`) the ward time stands still, but an
    /// unattended screen must still lock (found in use, #8).
    pub ticks: u64,
    pub last_key_tick: u64,
    pub idle_lock: chrono::TimeDelta,
    pub locked: bool,
    pub quit: bool,
    /// The language of the screen (issue 14: chosen at start, see
    /// `domain::language`); the parts in the catalogues follow it.
    pub language: Language,
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
            rounds: RoundsView::default(),
            block: BlockView::default(),
            stock: StockView::default(),
            admin: AdminView::default(),
            notice: None,
            lists: Lists::default(),
            live: Live::Starting,
            page_rows: 10,
            help: None,
            too_small: false,
            urgent_scroll: 0,
            last_key_at: now,
            ticks: 0,
            last_key_tick: 0,
            idle_lock: chrono::TimeDelta::minutes(5),
            locked: false,
            quit: false,
            language: Language::En,
        }
    }

    pub fn today(&self) -> NaiveDate {
        ward_time::local_day(self.now, self.zone)
    }

    /// The day the Rounds tab shows.
    pub fn rounds_day(&self) -> NaiveDate {
        self.rounds.day.unwrap_or_else(|| self.today())
    }

    pub fn board_day(&self) -> NaiveDate {
        self.board.day.unwrap_or_else(|| self.today())
    }

    /// R-ROLE-1: the user's role as the permission table knows it.
    pub fn role(&self) -> Role {
        // R-ROLE-1: a retired member of staff may only read, whatever role
        // their row still names (as the write path's `permission::role_of`).
        if !self.actor.active {
            return Role::ReadOnly;
        }
        Role::from_code(&self.actor.role).unwrap_or(Role::Unassigned)
    }

    /// The tabs this user sees: the Admin tab is for admins only.
    pub fn tabs(&self) -> Vec<Tab> {
        Tab::ALL.into_iter().filter(|t| *t != Tab::Admin || self.role() == Role::Admin).collect()
    }

    /// The open admission, if the Admissions tab shows one.
    pub fn detail(&self) -> Option<&DetailView> {
        self.admissions.detail.as_ref().filter(|_| self.tab == Tab::Admissions)
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
        fn search_text(&self) -> String {
            format!("row {}", self.0)
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
        assert!(!list.move_by(-10), "already on the first row");
        assert_eq!(list.selected, Some(4));
        // A failed reload (a filter that met a damaged index, #12) says why
        // and shows no rows it may not answer; the next good one is taken.
        list.receive(Err("search index damaged".into()));
        assert_eq!((list.rows.len(), list.selected, list.error.as_deref()), (0, None, Some("search index damaged")));
        list.receive(Ok(vec![Row(5)]));
        assert_eq!((list.selected, list.error.as_deref()), (Some(5), None));
    }

    #[test]
    fn a_filter_narrows_the_rows_and_the_selection_follows() {
        let mut list = Listing::default();
        list.receive(Ok(vec![Row(1), Row(2), Row(3)]));
        list.move_by(1);
        list.filter = "3".into();
        list.keep_selection();
        assert_eq!(list.selected, Some(3));
        assert_eq!(list.visible().count(), 1);
        assert!(!list.move_by(1));
        list.filter = "nothing".into();
        list.keep_selection();
        assert_eq!(list.selected, None);
    }
}
