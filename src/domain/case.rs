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
    pub fn label(self) -> &'static str {
        match self {
            CaseState::Planned => "· planned",
            CaseState::Confirmed => "✓ confirmed",
            CaseState::InProgress => "◉ in room",
            CaseState::Done => "✓ done",
            CaseState::Cancelled => "✗ cancelled",
            CaseState::Postponed => "↷ postponed",
        }
    }
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
