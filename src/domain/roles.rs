//! R-ROLE-1: who may change what. One table ([`PERMISSIONS`]) says which role
//! may make which kind of change; the store's one write path asks it before
//! every row it writes, so no screen or command can go around it. Screens
//! and help only read the same table to grey out what a role cannot do.

use serde::Serialize;

/// A member of staff's role. `Unassigned` is how an account first seen by
/// the program starts: it may read, and nothing else until an admin gives it
/// a role. `ReadOnly` is for staff on call who only look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Nurse,
    /// Books and moves cases on the block schedule.
    Scheduler,
    Anaesthetist,
    /// Operators (interventional radiologists, surgeons).
    Doctor,
    /// Keeps the stock of devices and implants; reviews treatments.
    Pharmacist,
    Admin,
    ReadOnly,
    Unassigned,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Nurse,
        Role::Scheduler,
        Role::Anaesthetist,
        Role::Doctor,
        Role::Pharmacist,
        Role::Admin,
        Role::ReadOnly,
        Role::Unassigned,
    ];

    /// The word stored in `staff.role` and typed on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Role::Nurse => "nurse",
            Role::Scheduler => "scheduler",
            Role::Anaesthetist => "anaesthetist",
            Role::Doctor => "doctor",
            Role::Pharmacist => "pharmacist",
            Role::Admin => "admin",
            Role::ReadOnly => "read_only",
            Role::Unassigned => "unassigned",
        }
    }

    /// Reads a stored role. `radiologist` and `surgeon` are the words schema 3
    /// and earlier stored for operators: both are doctors (the rows keep
    /// their word, so the audit trail still matches them).
    pub fn from_code(code: &str) -> Option<Role> {
        match code {
            "radiologist" | "surgeon" => Some(Role::Doctor),
            _ => Role::ALL.into_iter().find(|r| r.code() == code),
        }
    }

    /// Whether this role may make any change at all (R-ROLE-1): such a role
    /// goes only to an account that can log in.
    pub fn changes_anything(self) -> bool {
        Change::ALL.into_iter().any(|change| may(self, change))
    }

    /// Whether staff with this role may operate (the operator pick list).
    pub fn operates(self) -> bool {
        self == Role::Doctor
    }
}

/// A kind of change, as the permission table knows it. The store maps each
/// row it writes to one of these (`store::permission`); voiding a record
/// entered by mistake is the change that records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Staff: add, rename, give a role, retire.
    Staff,
    /// The site's `cfg` values.
    Settings,
    /// Rooms, their kind and opening hours (R-BLOCK-1).
    Rooms,
    /// Procedure kinds and their durations (R-BLOCK-2).
    ProcedureKinds,
    /// Beds: add, rename, move to a unit, retire.
    BedSetup,
    /// A bed's state (cleaned, closed, reopened; occupied and freed by an
    /// admission's steps) and which bed a stay has.
    BedState,
    /// Registering a patient, their identity and flags.
    Patient,
    /// Planning a stay and booking its case; the stay's planned days.
    StayPlan,
    /// An admission's steps: admit, procedure done, ready, cancel, undo…
    StayStep,
    /// The case on the block schedule: move, confirm, emergency, state.
    CaseSchedule,
    /// Ticking the readiness checklist (R-READY-1..3).
    Checklist,
    /// Anaesthesia consultation and pre-anaesthesia visit (R-ANES-1..5).
    Anaesthesia,
    /// Last intake (R-FAST-3).
    Intake,
    /// Treatments and lab results (R-MED-1..3).
    Medication,
    /// Discharge check, override and follow-up call (R-DISCH-1..2).
    Discharge,
    /// A distraction prescription and its phase steps (R-DO-1, R-DO-7).
    Distraction,
    /// A distraction round: turns done, pain, pins (R-DO-5).
    Round,
    /// Device references: the catalogue of what the ward stocks (R-STOCK-1).
    DeviceCatalogue,
    /// Lots and their movements: receive, reserve, release, return, waste,
    /// quarantine (R-STOCK-2, R-TRACE-2).
    Stock,
    /// Recording a device implanted in or used on a patient (R-TRACE-1).
    Implant,
    /// The J0 timeline of a case: arrived, in room, … back on ward, and
    /// their corrections (R-BLOCK-6).
    Timeline,
    /// Recording a complication, and voiding one entered by mistake (R-COMP-1).
    Complication,
    /// Closing a complication with its outcome (R-COMP-1).
    ComplicationClose,
    /// Heterotopic ossification follow-up: prophylaxis, X-ray check,
    /// Brooker grade (R-HO-1).
    Ossification,
    /// Rebuilding the search indexes from the records (`periop reindex`,
    /// after `periop check` found them damaged or tampered with, R-AUDIT-3).
    SearchIndexes,
}

impl Change {
    pub const ALL: [Change; 25] = [
        Change::Staff,
        Change::Settings,
        Change::Rooms,
        Change::ProcedureKinds,
        Change::BedSetup,
        Change::BedState,
        Change::Patient,
        Change::StayPlan,
        Change::StayStep,
        Change::CaseSchedule,
        Change::Checklist,
        Change::Anaesthesia,
        Change::Intake,
        Change::Medication,
        Change::Discharge,
        Change::Distraction,
        Change::Round,
        Change::DeviceCatalogue,
        Change::Stock,
        Change::Implant,
        Change::Timeline,
        Change::Complication,
        Change::ComplicationClose,
        Change::Ossification,
        Change::SearchIndexes,
    ];

    /// How a refusal and `periop roles` name the change, in the language
    /// in force (`errors-change-…`); [`Change::code`] is the stored word.
    pub fn label(self) -> std::borrow::Cow<'static, str> {
        crate::i18n::t(crate::i18n::language(), self.label_id())
    }

    fn label_id(self) -> &'static str {
        match self {
            Change::Staff => "errors-change-staff",
            Change::Settings => "errors-change-settings",
            Change::Rooms => "errors-change-rooms",
            Change::ProcedureKinds => "errors-change-procedure-kinds",
            Change::BedSetup => "errors-change-bed-setup",
            Change::BedState => "errors-change-bed-state",
            Change::Patient => "errors-change-patient",
            Change::StayPlan => "errors-change-stay-plan",
            Change::StayStep => "errors-change-stay-step",
            Change::CaseSchedule => "errors-change-case-schedule",
            Change::Checklist => "errors-change-checklist",
            Change::Anaesthesia => "errors-change-anaesthesia",
            Change::Intake => "errors-change-intake",
            Change::Medication => "errors-change-medication",
            Change::Discharge => "errors-change-discharge",
            Change::Distraction => "errors-change-distraction",
            Change::Round => "errors-change-round",
            Change::DeviceCatalogue => "errors-change-device-catalogue",
            Change::Stock => "errors-change-stock",
            Change::Implant => "errors-change-implant",
            Change::Timeline => "errors-change-timeline",
            Change::Complication => "errors-change-complication",
            Change::ComplicationClose => "errors-change-complication-close",
            Change::Ossification => "errors-change-ossification",
            Change::SearchIndexes => "errors-change-search-indexes",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Change::Staff => "staff",
            Change::Settings => "settings",
            Change::Rooms => "rooms",
            Change::ProcedureKinds => "procedure_kinds",
            Change::BedSetup => "bed_setup",
            Change::BedState => "bed_state",
            Change::Patient => "patient",
            Change::StayPlan => "stay_plan",
            Change::StayStep => "stay_step",
            Change::CaseSchedule => "case_schedule",
            Change::Checklist => "checklist",
            Change::Anaesthesia => "anaesthesia",
            Change::Intake => "intake",
            Change::Medication => "medication",
            Change::Discharge => "discharge",
            Change::Distraction => "distraction",
            Change::Round => "round",
            Change::DeviceCatalogue => "device_catalogue",
            Change::Stock => "stock",
            Change::Implant => "implant",
            Change::Timeline => "timeline",
            Change::Complication => "complication",
            Change::ComplicationClose => "complication_close",
            Change::Ossification => "ossification",
            Change::SearchIndexes => "search_indexes",
        }
    }
}

use Role::{Admin, Anaesthetist, Doctor, Nurse, Pharmacist, Scheduler};

/// R-ROLE-1: the one table. Each change kind and the roles that may make it.
/// `read_only` and `unassigned` appear in no row: they may only read.
pub const PERMISSIONS: &[(Change, &[Role])] = &[
    (Change::Staff, &[Admin]),
    (Change::Settings, &[Admin]),
    (Change::Rooms, &[Admin]),
    (Change::ProcedureKinds, &[Admin]),
    (Change::BedSetup, &[Admin]),
    (Change::BedState, &[Nurse, Doctor, Admin]),
    (Change::Patient, &[Nurse, Scheduler, Anaesthetist, Doctor, Admin]),
    (Change::StayPlan, &[Nurse, Scheduler, Doctor, Admin]),
    (Change::StayStep, &[Nurse, Doctor, Admin]),
    (Change::CaseSchedule, &[Scheduler, Doctor, Admin]),
    (Change::Checklist, &[Nurse, Scheduler, Anaesthetist, Doctor, Admin]),
    (Change::Anaesthesia, &[Anaesthetist, Admin]),
    (Change::Intake, &[Nurse, Anaesthetist, Admin]),
    (Change::Medication, &[Nurse, Anaesthetist, Doctor, Pharmacist, Admin]),
    (Change::Discharge, &[Nurse, Doctor, Admin]),
    (Change::Distraction, &[Doctor, Admin]),
    (Change::Round, &[Nurse, Doctor, Admin]),
    (Change::DeviceCatalogue, &[Pharmacist, Admin]),
    (Change::Stock, &[Nurse, Doctor, Pharmacist, Admin]),
    (Change::Implant, &[Nurse, Doctor, Admin]),
    (Change::Timeline, &[Nurse, Scheduler, Admin]),
    (Change::Complication, &[Nurse, Doctor, Admin]),
    (Change::ComplicationClose, &[Doctor, Admin]),
    (Change::Ossification, &[Doctor, Admin]),
    (Change::SearchIndexes, &[Admin]),
];

/// The roles that may make `change` (R-ROLE-1).
pub fn allowed(change: Change) -> &'static [Role] {
    PERMISSIONS.iter().find(|(c, _)| *c == change).map_or(&[], |(_, roles)| roles)
}

/// Whether `role` may make `change` (R-ROLE-1).
pub fn may(role: Role, change: Change) -> bool {
    allowed(change).contains(&role)
}

/// The roles a refusal names: "needs the role nurse or admin" ("le rôle
/// IDE ou admin"), in the language in force.
pub fn needed(change: Change) -> String {
    let roles: Vec<String> = allowed(change).iter().map(|r| r.name()).collect();
    match roles.as_slice() {
        [] => tr!("errors-needs-none"),
        [one] => tr!("errors-needs-one", role = one.as_str()),
        [rest @ .., last] => tr!("errors-needs-many", roles = rest.join(", "), last = last.as_str()),
    }
    .into_owned()
}

/// A role's stored word (`read_only`, or `retired` for a retired account)
/// as a refusal says it: the code in English, a word in French.
pub fn role_word(code: &str) -> String {
    tr!("errors-role", code = code).into_owned()
}

impl Role {
    /// The role as a refusal, a notice and the Admin tab name it ([`role_word`]).
    pub fn name(self) -> String {
        role_word(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_role_1_every_change_kind_has_exactly_one_row() {
        for change in Change::ALL {
            let rows = PERMISSIONS.iter().filter(|(c, _)| *c == change).count();
            assert_eq!(rows, 1, "{change:?}");
            assert!(may(Role::Admin, change), "admin may do {change:?}");
        }
        assert_eq!(PERMISSIONS.len(), Change::ALL.len());
    }

    #[test]
    fn r_role_1_read_only_and_unassigned_change_nothing() {
        for change in Change::ALL {
            assert!(!may(Role::ReadOnly, change));
            assert!(!may(Role::Unassigned, change));
        }
    }

    #[test]
    fn r_role_1_codes_round_trip_and_old_operator_words_are_doctors() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("radiologist"), Some(Role::Doctor));
        assert_eq!(Role::from_code("surgeon"), Some(Role::Doctor));
        assert_eq!(Role::from_code("janitor"), None);
    }

    #[test]
    fn r_role_1_only_read_only_and_unassigned_change_nothing_at_all() {
        let idle: Vec<Role> = Role::ALL.into_iter().filter(|r| !r.changes_anything()).collect();
        assert_eq!(idle, [Role::ReadOnly, Role::Unassigned]);
    }

    #[test]
    fn r_role_1_a_refusal_names_the_roles_needed() {
        assert_eq!(needed(Change::Settings), "the role admin");
        assert_eq!(needed(Change::Settings), "the role admin");
        assert_eq!(needed(Change::Intake), "the role nurse, anaesthetist or admin");
        assert_eq!(needed(Change::Discharge), "the role nurse, doctor or admin");
    }

    #[test]
    fn r_comp_1_nurses_and_doctors_record_complications_and_doctors_close_them() {
        assert!(may(Role::Nurse, Change::Complication) && may(Role::Doctor, Change::Complication));
        assert!(!may(Role::Nurse, Change::ComplicationClose) && may(Role::Doctor, Change::ComplicationClose));
        assert_eq!(needed(Change::ComplicationClose), "the role doctor or admin");
        assert!(!may(Role::Nurse, Change::Ossification), "R-HO-1: a doctor's record");
    }

    #[test]
    fn changes_and_roles_are_named_in_french() {
        let english: Vec<String> = Change::ALL.iter().map(|c| c.label().into_owned()).collect();
        assert_eq!(english[0], "staff and roles");
        let roles_en: Vec<String> = Role::ALL.iter().map(|r| r.name()).collect();
        let _french = crate::i18n::scope(crate::domain::language::Language::Fr);
        for (change, english) in Change::ALL.into_iter().zip(&english) {
            let french = change.label();
            // `patients` is the same word in both.
            assert!(
                !french.is_empty() && (french.as_ref() != english.as_str() || change == Change::Patient),
                "{change:?}: {french}"
            );
        }
        for (role, english) in Role::ALL.into_iter().zip(&roles_en) {
            let french = role.name();
            // `admin` is the same word in both.
            assert!(!french.is_empty() && (french != *english || role == Role::Admin), "{role:?}: {french}");
        }
        assert_eq!(needed(Change::Intake), "le rôle IDE, anesthésiste ou admin");
        assert_eq!(needed(Change::Settings), "le rôle admin");
    }
}
