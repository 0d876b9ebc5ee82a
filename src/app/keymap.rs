//! The keymap is data: the same table dispatches keys, draws the hint bar and
//! writes the help overlay, so help cannot drift from what the keys do.
//! Every binding works on a plain terminal over SSH (no kitty protocol).

use super::state::Tab;
use crate::domain::beds::BedAction;
use crate::domain::pathway::Step;
use crate::domain::roles::Change;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies. Lookup goes from the innermost scope outwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Checked before any layer: the hard exit.
    Anywhere,
    /// The window is below 80×24: only what that screen shows may act.
    TooSmall,
    Dialog,
    Form,
    Filter,
    Help,
    Board,
    Admissions,
    Detail,
    Beds,
    Anaesthesia,
    Audit,
    Rounds,
    Block,
    Stock,
    Admin,
    List,
    Global,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Anywhere => "Anywhere, in any box",
            Scope::TooSmall => "In a window below 80×24",
            Scope::Dialog => "In a confirmation",
            Scope::Form => "In a form",
            Scope::Filter => "While filtering (type letters to filter)",
            Scope::Help => "In this help",
            Scope::Board => "Board",
            Scope::Admissions => "Admissions list",
            Scope::Detail => "An admission (Enter on the list)",
            Scope::Beds => "Beds",
            Scope::Anaesthesia => "Anaesthesia worklist",
            Scope::Audit => "Audit",
            Scope::Rounds => "Distraction rounds",
            Scope::Block => "Block schedule (the day grid)",
            Scope::Stock => "Stock: devices and implants",
            Scope::Admin => "Admin: staff and roles",
            Scope::List => "Any list",
            Scope::Global => "On every screen",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    NextTab,
    PrevTab,
    GoTab,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Filter,
    Back,
    Admit,
    NewAdmission,
    Open,
    CycleState,
    AnyDay,
    ToggleCheck,
    TakeStep(Step),
    Undo,
    Discharge,
    DischargeCheck,
    ConfirmCase,
    Emergency,
    PreVisit,
    Consultation,
    Intake,
    Treatment,
    Lab,
    BedForm,
    MoveCase,
    Insulin,
    CallDone,
    RecordRound,
    PhaseStep,
    ReportTurns,
    /// R-DO-8: a hexapod frame's struts adjusted.
    LogStruts,
    /// R-DO-8: a hexapod prescription read from a file.
    ImportHexapod,
    Receive,
    Reserve,
    UseDevice,
    Release,
    ReturnStock,
    Waste,
    Quarantine,
    Recall,
    NewReference,
    ImplantOperator,
    VoidImplant,
    LiftQuarantine,
    ShowUsedUp,
    GiveRole,
    /// The Admin tab: retire / bring back the selected entry.
    RetireEntry,
    /// The Admin tab: add to the shown list, change the selected entry.
    AddEntry,
    EditEntry,
    /// The Admin tab: the next / previous of its lists.
    NextSection,
    PrevSection,
    Void,
    StopTreatment,
    BedAction(BedAction),
    PrevDay,
    NextDay,
    PrevRoom,
    NextRoom,
    Rebook,
    RecordEvent,
    CorrectEvent,
    /// R-DO-5: void a distraction round entered by mistake.
    VoidRound,
    /// R-HO-1: record an ossification follow-up / its X-ray check.
    RecordOssification,
    OssificationXray,
    /// R-COMP-1: record a complication of the patient / close an open one.
    RecordComplication,
    CloseComplication,
    WeekView,
    Today,
    Confirm,
    Cancel,
    AcceptFilter,
    EraseChar,
    EraseForward,
    ClearText,
    NextField,
    PreviousField,
    ChoiceBack,
    ChoiceForward,
    Save,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// A digit naming one of the tabs (GoTab uses its value): 1 up to the
    /// number of tabs, so a digit with no tab is not bound at all.
    Digit,
}

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        // Alt-x (or Esc typed fast before x) is not x.
        if event.modifiers.contains(KeyModifiers::ALT) {
            return false;
        }
        match (self, event.code) {
            (Key::Char(c), KeyCode::Char(got)) => !ctrl && got == c,
            (Key::Ctrl(c), KeyCode::Char(got)) => ctrl && got.eq_ignore_ascii_case(&c),
            (Key::Digit, KeyCode::Char(got)) => {
                !ctrl && got.to_digit(10).is_some_and(|n| (1..=Tab::ALL.len() as u32).contains(&n))
            }
            (Key::Code(code), got) => !ctrl && code == got,
            _ => false,
        }
    }

    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Digit => format!("1-{}", Tab::ALL.len()),
            Key::Code(KeyCode::Enter) => "Enter".into(),
            Key::Code(KeyCode::Esc) => "Esc".into(),
            Key::Code(KeyCode::Tab) => "Tab".into(),
            Key::Code(KeyCode::BackTab) => "Shift-Tab".into(),
            Key::Code(KeyCode::Up) => "Up".into(),
            Key::Code(KeyCode::Down) => "Down".into(),
            Key::Code(KeyCode::Left) => "Left".into(),
            Key::Code(KeyCode::Right) => "Right".into(),
            Key::Code(KeyCode::Backspace) => "Backspace".into(),
            Key::Code(KeyCode::PageUp) => "PgUp".into(),
            Key::Code(KeyCode::PageDown) => "PgDn".into(),
            Key::Code(KeyCode::Home) => "Home".into(),
            Key::Code(KeyCode::End) => "End".into(),
            Key::Code(KeyCode::F(n)) => format!("F{n}"),
            Key::Code(other) => format!("{other:?}"),
        }
    }
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// The few words shown in the hint bar at the bottom of the screen, if any.
    pub hint: Option<&'static str>,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding { scope, keys, action, help, hint }
}

use Key::{Char, Code, Ctrl, Digit};
use Scope::Rounds as RoundsScope;
use Scope::Stock as StockScope;
use Scope::{
    Admissions, Anaesthesia, Anywhere, Beds, Board, Detail, Dialog, Filter, Form, Global, Help, List, TooSmall,
};

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(Anywhere, &[Ctrl('c')], Action::Quit, "quit (asks if a form holds typing)", None),
    bind(TooSmall, &[Char('j'), Code(KeyCode::Down)], Action::Down, "scroll the urgent list down", Some("scroll")),
    bind(TooSmall, &[Char('k'), Code(KeyCode::Up)], Action::Up, "scroll the urgent list up", None),
    bind(TooSmall, &[Char('?'), Code(KeyCode::F(1))], Action::Help, "the keys", Some("help")),
    bind(TooSmall, &[Char('q')], Action::Quit, "quit", Some("quit")),
    bind(Dialog, &[Char('y'), Code(KeyCode::Enter)], Action::Confirm, "confirm", Some("confirm")),
    bind(Dialog, &[Char('n'), Code(KeyCode::Esc)], Action::Cancel, "cancel, change nothing", Some("cancel")),
    bind(Dialog, &[Char('?'), Code(KeyCode::F(1))], Action::Help, "the keys", None),
    bind(Form, &[Code(KeyCode::Tab), Code(KeyCode::Down), Code(KeyCode::Enter)], Action::NextField, "next field (Enter on the last saves)", Some("next")),
    bind(Form, &[Code(KeyCode::BackTab), Code(KeyCode::Up)], Action::PreviousField, "previous field", None),
    bind(Form, &[Code(KeyCode::Left)], Action::ChoiceBack, "previous choice; in text, cursor left", None),
    bind(Form, &[Char(' '), Code(KeyCode::Right)], Action::ChoiceForward, "next choice (a list, yes/no); in text, cursor right", Some("choose")),
    bind(Form, &[Code(KeyCode::Backspace), Ctrl('h')], Action::EraseChar, "delete the character before the cursor", None),
    bind(Form, &[Code(KeyCode::Delete), Ctrl('d')], Action::EraseForward, "delete the character under the cursor", None),
    bind(Form, &[Code(KeyCode::Home), Ctrl('a')], Action::Top, "cursor to the start of the field", None),
    bind(Form, &[Code(KeyCode::End), Ctrl('e')], Action::Bottom, "cursor to the end of the field", None),
    bind(Form, &[Ctrl('u')], Action::ClearText, "clear the field", None),
    bind(Form, &[Ctrl('s'), Code(KeyCode::F(2))], Action::Save, "save", Some("save")),
    bind(Form, &[Code(KeyCode::F(1))], Action::Help, "the keys (? too, in a list or yes/no field)", None),
    bind(Form, &[Code(KeyCode::Esc)], Action::Back, "close (asks if you typed)", Some("close")),
    bind(Filter, &[Code(KeyCode::Enter)], Action::AcceptFilter, "keep the filter, back to the list", Some("keep")),
    bind(Filter, &[Code(KeyCode::Esc)], Action::Back, "clear the filter", Some("clear")),
    bind(Filter, &[Code(KeyCode::Backspace), Ctrl('h')], Action::EraseChar, "delete the last character (closes an empty filter)", None),
    bind(Filter, &[Ctrl('u')], Action::ClearText, "clear what is typed", None),
    bind(Filter, &[Code(KeyCode::F(1))], Action::Help, "the keys", None),
    bind(Help, &[Char('?'), Code(KeyCode::Esc), Char('q'), Code(KeyCode::F(1))], Action::Back, "close this help", Some("close")),
    bind(Help, &[Char('j'), Code(KeyCode::Down)], Action::Down, "scroll down", None),
    bind(Help, &[Char('k'), Code(KeyCode::Up)], Action::Up, "scroll up", None),
    bind(Help, &[Code(KeyCode::PageDown), Char(' ')], Action::PageDown, "page down", None),
    bind(Help, &[Code(KeyCode::PageUp)], Action::PageUp, "page up", None),
    bind(Help, &[Char('g'), Code(KeyCode::Home)], Action::Top, "back to the top", None),
    bind(Board, &[Code(KeyCode::Enter)], Action::Open, "open the admission", Some("open")),
    bind(Board, &[Char('a')], Action::Admit, "admit the selected arrival", Some("admit")),
    bind(Board, &[Char('['), Code(KeyCode::Left)], Action::PrevDay, "the day before", Some("day before")),
    bind(Board, &[Char(']'), Code(KeyCode::Right)], Action::NextDay, "the day after", Some("day after")),
    bind(Board, &[Char('t')], Action::Today, "back to today", None),
    bind(Board, &[Char('n')], Action::NewAdmission, "new admission", Some("new")),
    bind(Admissions, &[Code(KeyCode::Enter)], Action::Open, "open the admission", Some("open")),
    bind(Admissions, &[Char('n')], Action::NewAdmission, "new admission", Some("new")),
    bind(Admissions, &[Char('a')], Action::Admit, "admit the selected patient", None),
    bind(Admissions, &[Char('['), Code(KeyCode::Left)], Action::PrevDay, "the day before", Some("day")),
    bind(Admissions, &[Char(']'), Code(KeyCode::Right)], Action::NextDay, "the day after", None),
    bind(Admissions, &[Char('t')], Action::Today, "back to today", None),
    bind(Admissions, &[Char('w')], Action::AnyDay, "every day / one day", Some("all days")),
    bind(Admissions, &[Char('s')], Action::CycleState, "filter by state (cycles)", Some("state")),
    bind(Detail, &[Code(KeyCode::Esc)], Action::Back, "back to where you opened it", Some("back")),
    bind(Detail, &[Char('a')], Action::Admit, "admit", Some("admit")),
    bind(Detail, &[Char('p')], Action::TakeStep(Step::MarkProcedureDone), "procedure done", Some("done")),
    bind(Detail, &[Char('r')], Action::TakeStep(Step::ReadyForDischarge), "ready for discharge", Some("ready")),
    bind(Detail, &[Char('D')], Action::DischargeCheck, "discharge check (PADSS…)", Some("check")),
    bind(Detail, &[Char('d')], Action::Discharge, "discharge", Some("discharge")),
    bind(Detail, &[Char('F')], Action::CallDone, "follow-up call done", Some("call done")),
    bind(Detail, &[Char('f')], Action::ConfirmCase, "confirm the case", Some("confirm")),
    bind(Detail, &[Char(' ')], Action::ToggleCheck, "tick / untick the item", Some("tick")),
    bind(Detail, &[Char('j'), Code(KeyCode::Down)], Action::Down, "next checklist item", None),
    bind(Detail, &[Char('k'), Code(KeyCode::Up)], Action::Up, "previous checklist item", None),
    bind(Detail, &[Code(KeyCode::PageDown), Ctrl('d')], Action::PageDown, "scroll down", None),
    bind(Detail, &[Code(KeyCode::PageUp), Ctrl('u')], Action::PageUp, "scroll up", None),
    bind(Detail, &[Char('x')], Action::TakeStep(Step::Cancel), "cancel the stay", None),
    bind(Detail, &[Char('o')], Action::TakeStep(Step::Postpone), "postpone the stay", None),
    bind(Detail, &[Char('l')], Action::TakeStep(Step::Prolong), "prolong (incident)", None),
    bind(Detail, &[Char('u')], Action::Undo, "undo the last step", None),
    bind(Detail, &[Char('e')], Action::Emergency, "emergency flag on / off", None),
    bind(Detail, &[Char('v')], Action::PreVisit, "pre-anaesthesia visit now", None),
    bind(Detail, &[Char('c')], Action::Consultation, "anaesthesia consultation", Some("consult")),
    bind(Detail, &[Char('i')], Action::Intake, "last intake (fasting)", Some("intake")),
    bind(Detail, &[Char('T')], Action::Treatment, "treatment to stop/review", None),
    bind(Detail, &[Char('L')], Action::Lab, "INR or platelet result", None),
    bind(Detail, &[Char('I')], Action::Insulin, "insulin-treated diabetic", None),
    bind(Detail, &[Char('b')], Action::BedForm, "choose the bed", None),
    bind(Detail, &[Char('m')], Action::MoveCase, "move the procedure", None),
    bind(Detail, &[Char('S')], Action::StopTreatment, "mark a treatment stopped (R-MED-3)", None),
    bind(Detail, &[Char('J')], Action::RecordEvent, "J0 timeline: record the next event now (arrived, in room, … back on ward)", None),
    bind(Detail, &[Char('C')], Action::RecordComplication, "record a complication (R-COMP-1)", None),
    bind(Detail, &[Char('K')], Action::CloseComplication, "close an open complication with its outcome (R-COMP-1)", None),
    bind(Detail, &[Char('H')], Action::RecordOssification, "heterotopic ossification follow-up: surgery, prophylaxis (R-HO-1)", None),
    bind(Detail, &[Char('X')], Action::OssificationXray, "ossification X-ray check done: its Brooker grade (R-HO-1)", None),
    bind(Detail, &[Char('V')], Action::Void, "void an entry made by mistake (intake, treatment, lab, consultation, complication, ossification follow-up)", None),
    bind(Beds, &[Char('c')], Action::BedAction(BedAction::Cleaned), "bed cleaned: free again", Some("cleaned")),
    bind(Beds, &[Char('x')], Action::BedAction(BedAction::Close), "close the bed", Some("close")),
    bind(Beds, &[Char('o')], Action::BedAction(BedAction::Reopen), "reopen the bed", Some("reopen")),
    bind(Scope::Admin, &[Char(']'), Code(KeyCode::Right)], Action::NextSection, "the next list: staff, rooms, beds, procedure kinds", Some("list")),
    bind(Scope::Admin, &[Char('['), Code(KeyCode::Left)], Action::PrevSection, "the list before", None),
    bind(Scope::Admin, &[Char('a')], Action::AddEntry, "add to the list shown (staff, a room, a bed, a procedure kind)", Some("add")),
    bind(Scope::Admin, &[Char('e'), Code(KeyCode::Enter)], Action::EditEntry, "change the selected entry", Some("change")),
    bind(Scope::Admin, &[Char('r')], Action::GiveRole, "give the selected member of staff a role", Some("role")),
    bind(Scope::Admin, &[Char('x')], Action::RetireEntry, "retire / bring back the selected entry (kept in the history)", Some("retire")),
    bind(Anaesthesia, &[Code(KeyCode::Enter)], Action::Open, "open the admission", Some("open")),
    bind(Anaesthesia, &[Char('c')], Action::Consultation, "record the consultation", Some("consult")),
    bind(RoundsScope, &[Code(KeyCode::Enter), Char('r')], Action::RecordRound, "record the patient's round (turns, pain, pins…), on today's sheet", Some("round")),
    bind(RoundsScope, &[Char('t')], Action::ReportTurns, "turns of the day's sessions only (by phone; on a day gone by, reported late)", Some("turns")),
    bind(RoundsScope, &[Char('H')], Action::ImportHexapod, "a hexapod prescription from the planning software's file (R-DO-8)", None),
    bind(RoundsScope, &[Char('x')], Action::LogStruts, "a hexapod frame's struts adjusted today: the length read on each (R-DO-8)", Some("struts")),
    bind(RoundsScope, &[Char('s')], Action::PhaseStep, "a distraction step: start, pause, resume, end, removal (on the day shown)", Some("step")),
    bind(RoundsScope, &[Char('V')], Action::VoidRound, "void a round or a phase step entered by mistake (wrong patient, a grade, a day): which, and why", None),
    bind(RoundsScope, &[Char('['), Code(KeyCode::Left)], Action::PrevDay, "the day before: what was done, the sessions missed", Some("day")),
    bind(RoundsScope, &[Char(']'), Code(KeyCode::Right)], Action::NextDay, "the day after: the plan of a day to come", None),
    bind(RoundsScope, &[Char('T')], Action::Today, "back to today (t records turns here)", None),
    bind(Scope::Block, &[Char('['), Char('<')], Action::PrevDay, "the day before (the week before in the week view)", Some("day before")),
    bind(Scope::Block, &[Char(']'), Char('>')], Action::NextDay, "the day after (the week after in the week view)", None),
    bind(Scope::Block, &[Char('t')], Action::Today, "back to today", None),
    bind(Scope::Block, &[Char('j'), Code(KeyCode::Down)], Action::Down, "next case in the room", None),
    bind(Scope::Block, &[Char('k'), Code(KeyCode::Up)], Action::Up, "previous case in the room", None),
    bind(Scope::Block, &[Char('h'), Code(KeyCode::Left)], Action::PrevRoom, "the room to the left (the case nearest in time)", Some("rooms")),
    bind(Scope::Block, &[Char('l'), Code(KeyCode::Right)], Action::NextRoom, "the room to the right", None),
    bind(Scope::Block, &[Char('m')], Action::MoveCase, "move the case: day, time, room, operator (with an override reason if needed)", Some("move")),
    bind(Scope::Block, &[Code(KeyCode::Enter)], Action::Open, "open the admission", Some("open")),
    bind(Scope::Block, &[Char('n')], Action::NewAdmission, "book a case: a new admission and its procedure", Some("book")),
    bind(Scope::Block, &[Char('w')], Action::WeekView, "week view: each room's load per day / back to the day", Some("week")),
    bind(Scope::Block, &[Char('r')], Action::Rebook, "book a postponed case again (the waiting list)", None),
    bind(Scope::Block, &[Char('x')], Action::TakeStep(Step::Cancel), "cancel the case (a reason from the list)", None),
    bind(Scope::Block, &[Char('o')], Action::TakeStep(Step::Postpone), "postpone the case (a reason from the list)", None),
    bind(Scope::Block, &[Char('e')], Action::RecordEvent, "J0 timeline: record the next event now (arrived, in room, … back on ward)", Some("event")),
    bind(Scope::Block, &[Char('E')], Action::CorrectEvent, "J0 timeline: correct an event's time, or void one recorded by mistake", None),
    bind(StockScope, &[Char('r')], Action::Receive, "receive: scan or type the label (GS1), check, save", Some("receive")),
    bind(StockScope, &[Char('v')], Action::Reserve, "reserve for a case (earliest-expiring usable lots first, FEFO)", Some("reserve")),
    bind(StockScope, &[Char('u')], Action::UseDevice, "use / implant this lot in a case (traced)", Some("use")),
    bind(StockScope, &[Char('l')], Action::Release, "release units held for a case", None),
    bind(StockScope, &[Char('b')], Action::ReturnStock, "return units of this lot to the supplier", None),
    bind(StockScope, &[Char('w')], Action::Waste, "waste units of this lot (with a reason)", None),
    bind(StockScope, &[Char('x')], Action::Quarantine, "quarantine this lot (with a reason)", None),
    bind(StockScope, &[Char('R')], Action::Recall, "recall: quarantine the lot and list who received it", Some("recall")),
    bind(StockScope, &[Char('n')], Action::NewReference, "new device reference (catalogue)", None),
    bind(StockScope, &[Char('o')], Action::ImplantOperator, "record who implanted it (a record lacking the operator)", None),
    bind(StockScope, &[Char('V')], Action::VoidImplant, "void an implant record of this lot made by mistake (units back or wasted)", None),
    bind(StockScope, &[Char('L')], Action::LiftQuarantine, "lift this lot's quarantine, or its recall (with a reason)", None),
    bind(StockScope, &[Char('a')], Action::ShowUsedUp, "show / hide used-up lots (traceability)", Some("used up")),
    bind(List, &[Char('j'), Code(KeyCode::Down)], Action::Down, "next row", None),
    bind(List, &[Char('k'), Code(KeyCode::Up)], Action::Up, "previous row", None),
    bind(List, &[Code(KeyCode::PageDown), Ctrl('d')], Action::PageDown, "page down", None),
    bind(List, &[Code(KeyCode::PageUp), Ctrl('u')], Action::PageUp, "page up", None),
    bind(List, &[Char('g'), Code(KeyCode::Home)], Action::Top, "first row", None),
    bind(List, &[Char('G'), Code(KeyCode::End)], Action::Bottom, "last row", None),
    bind(List, &[Char('/')], Action::Filter, "filter the list by typing", Some("filter")),
    bind(List, &[Code(KeyCode::Esc)], Action::Back, "clear the filter", None),
    bind(Global, &[Code(KeyCode::Tab)], Action::NextTab, "next tab", None),
    bind(Global, &[Code(KeyCode::BackTab)], Action::PrevTab, "previous tab", None),
    bind(Global, &[Digit], Action::GoTab, "go to tab by number", None),
    bind(Global, &[Char('?'), Code(KeyCode::F(1))], Action::Help, "the keys for this screen", Some("help")),
    bind(Global, &[Char('q')], Action::Quit, "quit", Some("quit")),
];

/// R-ROLE-1: the kind of change an action makes, if it makes one: the help
/// greys and the hint bar leaves out what the user's role cannot do, and the
/// key says which role it needs. (The write path refuses it regardless.)
pub fn change_of(action: Action) -> Option<Change> {
    Some(match action {
        Action::Admit | Action::TakeStep(_) | Action::Undo | Action::Discharge => Change::StayStep,
        Action::NewAdmission => Change::StayPlan,
        Action::ToggleCheck => Change::Checklist,
        Action::DischargeCheck | Action::CallDone => Change::Discharge,
        Action::ConfirmCase | Action::Emergency | Action::MoveCase | Action::Rebook => Change::CaseSchedule,
        Action::PreVisit | Action::Consultation => Change::Anaesthesia,
        Action::Intake => Change::Intake,
        Action::Treatment | Action::Lab => Change::Medication,
        Action::BedForm | Action::BedAction(_) => Change::BedState,
        Action::Insulin => Change::Patient,
        // The Admin tab is the admins' (its lists are all theirs to change).
        Action::GiveRole | Action::RetireEntry | Action::AddEntry | Action::EditEntry => Change::Staff,
        // The form picks the record; each needs the role that records it
        // (the write path checks). Medication's roles hold all the others'.
        Action::Void | Action::StopTreatment => Change::Medication,
        Action::Receive
        | Action::Reserve
        | Action::Release
        | Action::ReturnStock
        | Action::Waste
        | Action::Quarantine
        | Action::LiftQuarantine
        | Action::Recall => Change::Stock,
        Action::UseDevice | Action::ImplantOperator | Action::VoidImplant => Change::Implant,
        Action::NewReference => Change::DeviceCatalogue,
        Action::RecordEvent | Action::CorrectEvent => Change::Timeline,
        Action::RecordComplication => Change::Complication,
        Action::RecordRound | Action::ReportTurns | Action::LogStruts | Action::VoidRound => Change::Round,
        Action::PhaseStep | Action::ImportHexapod => Change::Distraction,
        Action::RecordOssification | Action::OssificationXray => Change::Ossification,
        Action::CloseComplication => Change::ComplicationClose,
        _ => return None,
    })
}

/// The action `event` means in the given scopes, innermost first.
pub fn resolve(scopes: &[Scope], event: &KeyEvent) -> Option<Action> {
    scopes.iter().find_map(|scope| {
        BINDINGS
            .iter()
            .filter(|b| b.scope == *scope)
            .find(|b| b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.action)
    })
}

/// The bindings to hint at in these scopes, innermost first, without repeats.
pub fn hints(scopes: &[Scope]) -> Vec<&'static Binding> {
    let mut seen = Vec::new();
    let mut out: Vec<&'static Binding> = Vec::new();
    for scope in scopes {
        for b in BINDINGS.iter().filter(|b| b.scope == *scope) {
            if b.hint.is_some() && !seen.contains(&b.action) {
                seen.push(b.action);
                out.push(b);
            }
        }
    }
    out
}

pub fn keys_label(binding: &Binding) -> String {
    binding.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn inner_scopes_win_over_outer_ones() {
        let q = press(KeyCode::Char('q'));
        assert_eq!(resolve(&[Scope::Board, Scope::List, Scope::Global], &q), Some(Action::Quit));
        assert_eq!(resolve(&[Scope::Help, Scope::Global], &q), Some(Action::Back));
        let esc = press(KeyCode::Esc);
        assert_eq!(resolve(&[Scope::Dialog, Scope::Global], &esc), Some(Action::Cancel));
    }

    #[test]
    fn ctrl_c_is_not_c_and_shifted_letters_match_capitals() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(resolve(&[Scope::Anywhere], &ctrl_c), Some(Action::Quit));
        assert_eq!(resolve(&[Scope::Global], &ctrl_c), None);
        let big_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(resolve(&[Scope::List], &big_g), Some(Action::Bottom));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.scope == b.scope {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.scope);
                    }
                }
            }
        }
    }
}
