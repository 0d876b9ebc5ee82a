//! The keymap is data: the same table dispatches keys, draws the hint bar and
//! writes the help overlay, so help cannot drift from what the keys do.
//! Every binding works on a plain terminal over SSH (no kitty protocol).

use super::state::Tab;
use crate::domain::beds::BedAction;
use crate::domain::language::Language;
use crate::domain::pathway::Step;
use crate::domain::roles::Change;
use crate::i18n;
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
    /// The catalogue message naming this scope in the help.
    pub fn title_id(self) -> &'static str {
        match self {
            Scope::Anywhere => "scope-anywhere",
            Scope::TooSmall => "scope-too-small",
            Scope::Dialog => "scope-dialog",
            Scope::Form => "scope-form",
            Scope::Filter => "scope-filter",
            Scope::Help => "scope-help",
            Scope::Board => "scope-board",
            Scope::Admissions => "scope-admissions",
            Scope::Detail => "scope-detail",
            Scope::Beds => "scope-beds",
            Scope::Anaesthesia => "scope-anaesthesia",
            Scope::Audit => "scope-audit",
            Scope::Rounds => "scope-rounds",
            Scope::Block => "scope-block",
            Scope::Stock => "scope-stock",
            Scope::Admin => "scope-admin",
            Scope::List => "scope-list",
            Scope::Global => "scope-global",
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

    /// The key as its cap reads in `language` (`Enter` / `Entrée`).
    pub fn label(self, language: Language) -> String {
        let named = |id: &str| i18n::t(language, id).into_owned();
        match self {
            Key::Char(' ') => named("keycap-space"),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()), // i18n: a key cap, the same in both languages
            Key::Digit => format!("1-{}", Tab::ALL.len()),
            Key::Code(KeyCode::Enter) => named("keycap-enter"),
            Key::Code(KeyCode::Esc) => named("keycap-esc"),
            Key::Code(KeyCode::Tab) => "Tab".into(), // i18n: a key cap, the same in both languages
            Key::Code(KeyCode::BackTab) => named("keycap-shift-tab"),
            Key::Code(KeyCode::Up) => named("keycap-up"),
            Key::Code(KeyCode::Down) => named("keycap-down"),
            Key::Code(KeyCode::Left) => named("keycap-left"),
            Key::Code(KeyCode::Right) => named("keycap-right"),
            Key::Code(KeyCode::Backspace) => named("keycap-backspace"),
            Key::Code(KeyCode::Delete) => named("keycap-delete"),
            Key::Code(KeyCode::PageUp) => named("keycap-page-up"),
            Key::Code(KeyCode::PageDown) => named("keycap-page-down"),
            Key::Code(KeyCode::Home) => named("keycap-home"),
            Key::Code(KeyCode::End) => named("keycap-end"),
            Key::Code(KeyCode::F(n)) => format!("F{n}"),
            Key::Code(other) => format!("{other:?}"),
        }
    }
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    /// The catalogue message (`locales/*.ftl`) that says what it does, in
    /// the help; its `.hint` attribute is the few words of the hint bar.
    pub text: &'static str,
    /// Shown in the hint bar at the bottom of the screen (the message then
    /// has a `.hint`: a test checks both catalogues).
    pub hinted: bool,
}

impl Binding {
    /// What the key does, for the help.
    pub fn help(&self, language: Language) -> std::borrow::Cow<'static, str> {
        i18n::t(language, self.text)
    }

    /// The hint bar's few words (the help's text for a binding not hinted).
    pub fn hint(&self, language: Language) -> std::borrow::Cow<'static, str> {
        if self.hinted { i18n::attr(language, self.text, "hint") } else { self.help(language) }
    }
}

/// A binding the help lists.
const fn bind(scope: Scope, keys: &'static [Key], action: Action, text: &'static str) -> Binding {
    Binding { scope, keys, action, text, hinted: false }
}

/// A binding the help lists and the hint bar shows.
const fn hint(scope: Scope, keys: &'static [Key], action: Action, text: &'static str) -> Binding {
    Binding { scope, keys, action, text, hinted: true }
}

use Key::{Char, Code, Ctrl, Digit};
use Scope::Rounds as RoundsScope;
use Scope::Stock as StockScope;
use Scope::{
    Admissions, Anaesthesia, Anywhere, Beds, Board, Detail, Dialog, Filter, Form, Global, Help, List, TooSmall,
};

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(Anywhere, &[Ctrl('c')], Action::Quit, "key-anywhere-quit"),
    hint(TooSmall, &[Char('j'), Code(KeyCode::Down)], Action::Down, "key-too-small-down"),
    bind(TooSmall, &[Char('k'), Code(KeyCode::Up)], Action::Up, "key-too-small-up"),
    hint(TooSmall, &[Char('?'), Code(KeyCode::F(1))], Action::Help, "key-too-small-help"),
    hint(TooSmall, &[Char('q')], Action::Quit, "key-too-small-quit"),
    hint(Dialog, &[Char('y'), Code(KeyCode::Enter)], Action::Confirm, "key-dialog-confirm"),
    hint(Dialog, &[Char('n'), Code(KeyCode::Esc)], Action::Cancel, "key-dialog-cancel"),
    bind(Dialog, &[Char('?'), Code(KeyCode::F(1))], Action::Help, "key-dialog-help"),
    hint(Form, &[Code(KeyCode::Tab), Code(KeyCode::Down), Code(KeyCode::Enter)], Action::NextField, "key-form-next-field"),
    bind(Form, &[Code(KeyCode::BackTab), Code(KeyCode::Up)], Action::PreviousField, "key-form-previous-field"),
    bind(Form, &[Code(KeyCode::Left)], Action::ChoiceBack, "key-form-choice-back"),
    hint(Form, &[Char(' '), Code(KeyCode::Right)], Action::ChoiceForward, "key-form-choice-forward"),
    bind(Form, &[Code(KeyCode::Backspace), Ctrl('h')], Action::EraseChar, "key-form-erase-char"),
    bind(Form, &[Code(KeyCode::Delete), Ctrl('d')], Action::EraseForward, "key-form-erase-forward"),
    bind(Form, &[Code(KeyCode::Home), Ctrl('a')], Action::Top, "key-form-top"),
    bind(Form, &[Code(KeyCode::End), Ctrl('e')], Action::Bottom, "key-form-bottom"),
    bind(Form, &[Ctrl('u')], Action::ClearText, "key-form-clear-text"),
    hint(Form, &[Ctrl('s'), Code(KeyCode::F(2))], Action::Save, "key-form-save"),
    bind(Form, &[Code(KeyCode::F(1))], Action::Help, "key-form-help"),
    hint(Form, &[Code(KeyCode::Esc)], Action::Back, "key-form-back"),
    hint(Filter, &[Code(KeyCode::Enter)], Action::AcceptFilter, "key-filter-accept-filter"),
    hint(Filter, &[Code(KeyCode::Esc)], Action::Back, "key-filter-back"),
    bind(Filter, &[Code(KeyCode::Backspace), Ctrl('h')], Action::EraseChar, "key-filter-erase-char"),
    bind(Filter, &[Ctrl('u')], Action::ClearText, "key-filter-clear-text"),
    bind(Filter, &[Code(KeyCode::F(1))], Action::Help, "key-filter-help"),
    hint(Help, &[Char('?'), Code(KeyCode::Esc), Char('q'), Code(KeyCode::F(1))], Action::Back, "key-help-back"),
    bind(Help, &[Char('j'), Code(KeyCode::Down)], Action::Down, "key-help-down"),
    bind(Help, &[Char('k'), Code(KeyCode::Up)], Action::Up, "key-help-up"),
    bind(Help, &[Code(KeyCode::PageDown), Char(' ')], Action::PageDown, "key-help-page-down"),
    bind(Help, &[Code(KeyCode::PageUp)], Action::PageUp, "key-help-page-up"),
    bind(Help, &[Char('g'), Code(KeyCode::Home)], Action::Top, "key-help-top"),
    hint(Board, &[Code(KeyCode::Enter)], Action::Open, "key-board-open"),
    hint(Board, &[Char('a')], Action::Admit, "key-board-admit"),
    hint(Board, &[Char('['), Code(KeyCode::Left)], Action::PrevDay, "key-board-prev-day"),
    hint(Board, &[Char(']'), Code(KeyCode::Right)], Action::NextDay, "key-board-next-day"),
    bind(Board, &[Char('t')], Action::Today, "key-board-today"),
    hint(Board, &[Char('n')], Action::NewAdmission, "key-board-new-admission"),
    hint(Admissions, &[Code(KeyCode::Enter)], Action::Open, "key-admissions-open"),
    hint(Admissions, &[Char('n')], Action::NewAdmission, "key-admissions-new-admission"),
    bind(Admissions, &[Char('a')], Action::Admit, "key-admissions-admit"),
    hint(Admissions, &[Char('['), Code(KeyCode::Left)], Action::PrevDay, "key-admissions-prev-day"),
    bind(Admissions, &[Char(']'), Code(KeyCode::Right)], Action::NextDay, "key-admissions-next-day"),
    bind(Admissions, &[Char('t')], Action::Today, "key-admissions-today"),
    hint(Admissions, &[Char('w')], Action::AnyDay, "key-admissions-any-day"),
    hint(Admissions, &[Char('s')], Action::CycleState, "key-admissions-cycle-state"),
    hint(Detail, &[Code(KeyCode::Esc)], Action::Back, "key-detail-back"),
    hint(Detail, &[Char('a')], Action::Admit, "key-detail-admit"),
    hint(Detail, &[Char('p')], Action::TakeStep(Step::MarkProcedureDone), "key-detail-mark-procedure-done"),
    hint(Detail, &[Char('r')], Action::TakeStep(Step::ReadyForDischarge), "key-detail-ready-for-discharge"),
    hint(Detail, &[Char('D')], Action::DischargeCheck, "key-detail-discharge-check"),
    hint(Detail, &[Char('d')], Action::Discharge, "key-detail-discharge"),
    hint(Detail, &[Char('F')], Action::CallDone, "key-detail-call-done"),
    hint(Detail, &[Char('f')], Action::ConfirmCase, "key-detail-confirm-case"),
    hint(Detail, &[Char(' ')], Action::ToggleCheck, "key-detail-toggle-check"),
    bind(Detail, &[Char('j'), Code(KeyCode::Down)], Action::Down, "key-detail-down"),
    bind(Detail, &[Char('k'), Code(KeyCode::Up)], Action::Up, "key-detail-up"),
    bind(Detail, &[Code(KeyCode::PageDown), Ctrl('d')], Action::PageDown, "key-detail-page-down"),
    bind(Detail, &[Code(KeyCode::PageUp), Ctrl('u')], Action::PageUp, "key-detail-page-up"),
    bind(Detail, &[Char('x')], Action::TakeStep(Step::Cancel), "key-detail-cancel"),
    bind(Detail, &[Char('o')], Action::TakeStep(Step::Postpone), "key-detail-postpone"),
    bind(Detail, &[Char('l')], Action::TakeStep(Step::Prolong), "key-detail-prolong"),
    bind(Detail, &[Char('u')], Action::Undo, "key-detail-undo"),
    bind(Detail, &[Char('e')], Action::Emergency, "key-detail-emergency"),
    bind(Detail, &[Char('v')], Action::PreVisit, "key-detail-pre-visit"),
    hint(Detail, &[Char('c')], Action::Consultation, "key-detail-consultation"),
    hint(Detail, &[Char('i')], Action::Intake, "key-detail-intake"),
    bind(Detail, &[Char('T')], Action::Treatment, "key-detail-treatment"),
    bind(Detail, &[Char('L')], Action::Lab, "key-detail-lab"),
    bind(Detail, &[Char('I')], Action::Insulin, "key-detail-insulin"),
    bind(Detail, &[Char('b')], Action::BedForm, "key-detail-bed-form"),
    bind(Detail, &[Char('m')], Action::MoveCase, "key-detail-move-case"),
    bind(Detail, &[Char('S')], Action::StopTreatment, "key-detail-stop-treatment"),
    bind(Detail, &[Char('J')], Action::RecordEvent, "key-detail-record-event"),
    bind(Detail, &[Char('C')], Action::RecordComplication, "key-detail-record-complication"),
    bind(Detail, &[Char('K')], Action::CloseComplication, "key-detail-close-complication"),
    bind(Detail, &[Char('H')], Action::RecordOssification, "key-detail-record-ossification"),
    bind(Detail, &[Char('X')], Action::OssificationXray, "key-detail-ossification-xray"),
    bind(Detail, &[Char('V')], Action::Void, "key-detail-void"),
    hint(Beds, &[Char('c')], Action::BedAction(BedAction::Cleaned), "key-beds-bed-cleaned"),
    hint(Beds, &[Char('x')], Action::BedAction(BedAction::Close), "key-beds-bed-close"),
    hint(Beds, &[Char('o')], Action::BedAction(BedAction::Reopen), "key-beds-bed-reopen"),
    hint(Scope::Admin, &[Char(']'), Code(KeyCode::Right)], Action::NextSection, "key-admin-next-section"),
    bind(Scope::Admin, &[Char('['), Code(KeyCode::Left)], Action::PrevSection, "key-admin-prev-section"),
    hint(Scope::Admin, &[Char('a')], Action::AddEntry, "key-admin-add-entry"),
    hint(Scope::Admin, &[Char('e'), Code(KeyCode::Enter)], Action::EditEntry, "key-admin-edit-entry"),
    hint(Scope::Admin, &[Char('r')], Action::GiveRole, "key-admin-give-role"),
    hint(Scope::Admin, &[Char('x')], Action::RetireEntry, "key-admin-retire-entry"),
    hint(Anaesthesia, &[Code(KeyCode::Enter)], Action::Open, "key-anaesthesia-open"),
    hint(Anaesthesia, &[Char('c')], Action::Consultation, "key-anaesthesia-consultation"),
    hint(RoundsScope, &[Code(KeyCode::Enter), Char('r')], Action::RecordRound, "key-rounds-record-round"),
    hint(RoundsScope, &[Char('t')], Action::ReportTurns, "key-rounds-report-turns"),
    bind(RoundsScope, &[Char('H')], Action::ImportHexapod, "key-rounds-import-hexapod"),
    hint(RoundsScope, &[Char('x')], Action::LogStruts, "key-rounds-log-struts"),
    hint(RoundsScope, &[Char('s')], Action::PhaseStep, "key-rounds-phase-step"),
    bind(RoundsScope, &[Char('V')], Action::VoidRound, "key-rounds-void-round"),
    hint(RoundsScope, &[Char('['), Code(KeyCode::Left)], Action::PrevDay, "key-rounds-prev-day"),
    bind(RoundsScope, &[Char(']'), Code(KeyCode::Right)], Action::NextDay, "key-rounds-next-day"),
    bind(RoundsScope, &[Char('T')], Action::Today, "key-rounds-today"),
    hint(Scope::Block, &[Char('['), Char('<')], Action::PrevDay, "key-block-prev-day"),
    bind(Scope::Block, &[Char(']'), Char('>')], Action::NextDay, "key-block-next-day"),
    bind(Scope::Block, &[Char('t')], Action::Today, "key-block-today"),
    bind(Scope::Block, &[Char('j'), Code(KeyCode::Down)], Action::Down, "key-block-down"),
    bind(Scope::Block, &[Char('k'), Code(KeyCode::Up)], Action::Up, "key-block-up"),
    hint(Scope::Block, &[Char('h'), Code(KeyCode::Left)], Action::PrevRoom, "key-block-prev-room"),
    bind(Scope::Block, &[Char('l'), Code(KeyCode::Right)], Action::NextRoom, "key-block-next-room"),
    hint(Scope::Block, &[Char('m')], Action::MoveCase, "key-block-move-case"),
    hint(Scope::Block, &[Code(KeyCode::Enter)], Action::Open, "key-block-open"),
    hint(Scope::Block, &[Char('n')], Action::NewAdmission, "key-block-new-admission"),
    hint(Scope::Block, &[Char('w')], Action::WeekView, "key-block-week-view"),
    bind(Scope::Block, &[Char('r')], Action::Rebook, "key-block-rebook"),
    bind(Scope::Block, &[Char('x')], Action::TakeStep(Step::Cancel), "key-block-cancel"),
    bind(Scope::Block, &[Char('o')], Action::TakeStep(Step::Postpone), "key-block-postpone"),
    hint(Scope::Block, &[Char('e')], Action::RecordEvent, "key-block-record-event"),
    bind(Scope::Block, &[Char('E')], Action::CorrectEvent, "key-block-correct-event"),
    hint(StockScope, &[Char('r')], Action::Receive, "key-stock-receive"),
    hint(StockScope, &[Char('v')], Action::Reserve, "key-stock-reserve"),
    hint(StockScope, &[Char('u')], Action::UseDevice, "key-stock-use-device"),
    bind(StockScope, &[Char('l')], Action::Release, "key-stock-release"),
    bind(StockScope, &[Char('b')], Action::ReturnStock, "key-stock-return-stock"),
    bind(StockScope, &[Char('w')], Action::Waste, "key-stock-waste"),
    bind(StockScope, &[Char('x')], Action::Quarantine, "key-stock-quarantine"),
    hint(StockScope, &[Char('R')], Action::Recall, "key-stock-recall"),
    bind(StockScope, &[Char('n')], Action::NewReference, "key-stock-new-reference"),
    bind(StockScope, &[Char('o')], Action::ImplantOperator, "key-stock-implant-operator"),
    bind(StockScope, &[Char('V')], Action::VoidImplant, "key-stock-void-implant"),
    bind(StockScope, &[Char('L')], Action::LiftQuarantine, "key-stock-lift-quarantine"),
    hint(StockScope, &[Char('a')], Action::ShowUsedUp, "key-stock-show-used-up"),
    bind(List, &[Char('j'), Code(KeyCode::Down)], Action::Down, "key-list-down"),
    bind(List, &[Char('k'), Code(KeyCode::Up)], Action::Up, "key-list-up"),
    bind(List, &[Code(KeyCode::PageDown), Ctrl('d')], Action::PageDown, "key-list-page-down"),
    bind(List, &[Code(KeyCode::PageUp), Ctrl('u')], Action::PageUp, "key-list-page-up"),
    bind(List, &[Char('g'), Code(KeyCode::Home)], Action::Top, "key-list-top"),
    bind(List, &[Char('G'), Code(KeyCode::End)], Action::Bottom, "key-list-bottom"),
    hint(List, &[Char('/')], Action::Filter, "key-list-filter"),
    bind(List, &[Code(KeyCode::Esc)], Action::Back, "key-list-back"),
    bind(Global, &[Code(KeyCode::Tab)], Action::NextTab, "key-global-next-tab"),
    bind(Global, &[Code(KeyCode::BackTab)], Action::PrevTab, "key-global-prev-tab"),
    bind(Global, &[Digit], Action::GoTab, "key-global-go-tab"),
    hint(Global, &[Char('?'), Code(KeyCode::F(1))], Action::Help, "key-global-help"),
    hint(Global, &[Char('q')], Action::Quit, "key-global-quit"),
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
            if b.hinted && !seen.contains(&b.action) {
                seen.push(b.action);
                out.push(b);
            }
        }
    }
    out
}

/// Every key of a binding, as the help lists them.
pub fn keys_label(binding: &Binding, language: Language) -> String {
    binding.keys.iter().map(|k| k.label(language)).collect::<Vec<_>>().join(" ")
}

/// The first key of a binding: the hint bar, forms and dialogs show it.
pub fn first_key(binding: &Binding, language: Language) -> String {
    binding.keys.first().map(|k| k.label(language)).unwrap_or_default()
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
