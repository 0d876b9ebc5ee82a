//! A case: one procedure for one patient, on the block schedule.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    Planned,
    Confirmed,
    InProgress,
    Done,
    Cancelled,
    Postponed,
}

impl CaseState {
    pub const ALL: [CaseState; 6] = [
        CaseState::Planned,
        CaseState::Confirmed,
        CaseState::InProgress,
        CaseState::Done,
        CaseState::Cancelled,
        CaseState::Postponed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CaseState::Planned => "planned",
            CaseState::Confirmed => "confirmed",
            CaseState::InProgress => "in_progress",
            CaseState::Done => "done",
            CaseState::Cancelled => "cancelled",
            CaseState::Postponed => "postponed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Words with a glyph, so state never rests on colour alone.
    pub fn label(self) -> std::borrow::Cow<'static, str> {
        match self {
            CaseState::Planned => tr!("ward-case-planned"),
            CaseState::Confirmed => tr!("ward-case-confirmed"),
            CaseState::InProgress => tr!("ward-case-in-room"),
            CaseState::Done => tr!("ward-case-done"),
            CaseState::Cancelled => tr!("ward-case-cancelled"),
            CaseState::Postponed => tr!("ward-case-postponed"),
        }
    }
}

/// R-PATH-2: a case follows its stay. When the stay's state changes (a step
/// or its undo), the case's new state, if it changes: a cancelled or
/// postponed stay takes its case off the schedule; a procedure marked done
/// marks the case done; a stay brought back before the procedure puts a
/// done case back to confirmed, and a case taken off the schedule back to
/// planned (to be confirmed again, R-READY-1).
///
/// `before_done` is the state the case had when the procedure was marked
/// done (from its audit row): undoing that step gives it back, so a case
/// never confirmed is not confirmed by an undo (found in use, #7).
pub fn after_stay(
    case: CaseState,
    stay: crate::domain::pathway::AdmissionState,
    before_done: Option<CaseState>,
) -> Option<CaseState> {
    use crate::domain::pathway::AdmissionState as S;
    use CaseState as C;
    let to = match (stay, case) {
        (S::Cancelled, C::Planned | C::Confirmed | C::InProgress | C::Postponed) => C::Cancelled,
        (S::Postponed, C::Planned | C::Confirmed | C::InProgress) => C::Postponed,
        (S::ProcedureDone | S::ReadyForDischarge | S::Discharged, C::Planned | C::Confirmed | C::InProgress) => C::Done,
        (S::Planned | S::Admitted, C::Done) => match before_done {
            Some(C::Planned) => C::Planned,
            // The J0 timeline had it under way (R-BLOCK-6): it still is.
            Some(C::InProgress) => C::InProgress,
            _ => C::Confirmed,
        },
        (S::Planned | S::Admitted, C::Cancelled | C::Postponed) => C::Planned,
        _ => return None,
    };
    Some(to)
}

/// R-ANES-4: how the patient is put to sleep, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnaesthesiaMode {
    LocalOnly,
    SedationLocal,
    General,
    Regional,
}

impl AnaesthesiaMode {
    pub const ALL: [AnaesthesiaMode; 4] = [
        AnaesthesiaMode::LocalOnly,
        AnaesthesiaMode::SedationLocal,
        AnaesthesiaMode::General,
        AnaesthesiaMode::Regional,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AnaesthesiaMode::LocalOnly => "local",
            AnaesthesiaMode::SedationLocal => "sedation_local",
            AnaesthesiaMode::General => "general",
            AnaesthesiaMode::Regional => "regional",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Anything beyond local anaesthesia needs the anaesthesia pathway (R-ANES-1).
    pub fn needs_anaesthetist(self) -> bool {
        self != AnaesthesiaMode::LocalOnly
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::pathway::AdmissionState as S;

    #[test]
    fn r_path_2_a_case_follows_its_stay() {
        use CaseState as C;
        assert_eq!(after_stay(C::Confirmed, S::Cancelled, None), Some(C::Cancelled));
        assert_eq!(after_stay(C::Confirmed, S::Postponed, None), Some(C::Postponed));
        assert_eq!(after_stay(C::Confirmed, S::ProcedureDone, None), Some(C::Done));
        assert_eq!(after_stay(C::Done, S::ReadyForDischarge, None), None, "already done");
        assert_eq!(after_stay(C::Done, S::Discharged, None), None);
        assert_eq!(after_stay(C::Done, S::Admitted, Some(C::Confirmed)), Some(C::Confirmed), "procedure done undone");
        // Found in use (#7): a case never confirmed came back confirmed.
        assert_eq!(after_stay(C::Done, S::Admitted, Some(C::Planned)), Some(C::Planned), "back to what it was");
        assert_eq!(
            after_stay(C::Done, S::Admitted, Some(C::InProgress)),
            Some(C::InProgress),
            "the timeline had it in the room"
        );
        assert_eq!(after_stay(C::Postponed, S::Admitted, None), Some(C::Planned), "readmitted: confirm again");
        assert_eq!(after_stay(C::Cancelled, S::Planned, None), Some(C::Planned), "cancel undone");
        assert_eq!(after_stay(C::Done, S::Cancelled, None), None, "a procedure that happened stays done");
        assert_eq!(after_stay(C::Confirmed, S::Admitted, None), None);
        assert_eq!(
            after_stay(C::Confirmed, S::Prolonged, None),
            None,
            "an incident before the procedure keeps it booked"
        );
    }

    use super::*;

    #[test]
    fn codes_round_trip() {
        for s in CaseState::ALL {
            assert_eq!(CaseState::from_code(s.code()), Some(s));
        }
        for m in AnaesthesiaMode::ALL {
            assert_eq!(AnaesthesiaMode::from_code(m.code()), Some(m));
        }
    }

    #[test]
    fn r_anes_4_only_local_anaesthesia_goes_without_an_anaesthetist() {
        assert!(!AnaesthesiaMode::LocalOnly.needs_anaesthetist());
        assert!(AnaesthesiaMode::SedationLocal.needs_anaesthetist());
        assert!(AnaesthesiaMode::General.needs_anaesthetist());
        assert!(AnaesthesiaMode::Regional.needs_anaesthetist());
    }
}

/// Issue 14: a case's states in French, none left in English.
#[cfg(test)]
mod french_labels {
    use super::*;

    use crate::i18n::in_both as both;

    #[test]
    fn every_label_is_said_in_french() {
        for (en, fr) in [CaseState::ALL.map(|s| both(|| s.label().into_owned())).to_vec()].into_iter().flatten() {
            assert!(!fr.is_empty() && !fr.contains("ward-"), "{en}: {fr:?}");
            assert_ne!(en, fr, "{en} is the same in French");
        }
    }
}
