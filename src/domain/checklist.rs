//! The readiness checklist (R-READY-1, R-READY-2, R-MED-1): the items a
//! member of staff ticks, one row each in `case_checks`. Readiness itself is
//! computed from them by `readiness::readiness` (R-READY-3), never stored.

use super::readiness::CaseFacts;
use serde::Serialize;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckItem {
    RcpDecision,
    RadiologyConsultation,
    SignedConsent,
    ImagingFile,
    CarteVitale,
    MutuelleCard,
    Escort,
    MedicationPlanReviewed,
}

impl CheckItem {
    /// In the order the checklist shows them.
    pub const ALL: [CheckItem; 8] = [
        CheckItem::RcpDecision,
        CheckItem::RadiologyConsultation,
        CheckItem::SignedConsent,
        CheckItem::ImagingFile,
        CheckItem::CarteVitale,
        CheckItem::MutuelleCard,
        CheckItem::Escort,
        CheckItem::MedicationPlanReviewed,
    ];

    /// The word in `case_checks.item` and in `--format json`.
    pub fn code(self) -> &'static str {
        match self {
            CheckItem::RcpDecision => "rcp_decision",
            CheckItem::RadiologyConsultation => "radiology_consultation",
            CheckItem::SignedConsent => "signed_consent",
            CheckItem::ImagingFile => "imaging_file",
            CheckItem::CarteVitale => "carte_vitale",
            CheckItem::MutuelleCard => "mutuelle_card",
            CheckItem::Escort => "escort",
            CheckItem::MedicationPlanReviewed => "medication_plan_reviewed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.code() == code)
    }

    /// The same words `readiness` uses when the item is missing, in the
    /// language in force.
    pub fn label(self) -> Cow<'static, str> {
        match self {
            CheckItem::RcpDecision => tr!("clinical-check-rcp-decision"),
            CheckItem::RadiologyConsultation => tr!("clinical-check-radiology-consultation"),
            CheckItem::SignedConsent => tr!("clinical-check-signed-consent"),
            CheckItem::ImagingFile => tr!("clinical-check-imaging-file"),
            CheckItem::CarteVitale => tr!("clinical-check-carte-vitale"),
            CheckItem::MutuelleCard => tr!("clinical-check-mutuelle-card"),
            CheckItem::Escort => tr!("clinical-check-escort"),
            CheckItem::MedicationPlanReviewed => tr!("clinical-check-medication-plan-reviewed"),
        }
    }

    /// The rule that asks for it.
    pub fn rule(self) -> &'static str {
        match self {
            CheckItem::RcpDecision | CheckItem::RadiologyConsultation | CheckItem::SignedConsent => "R-READY-1",
            CheckItem::ImagingFile | CheckItem::CarteVitale | CheckItem::MutuelleCard | CheckItem::Escort => {
                "R-READY-2"
            }
            CheckItem::MedicationPlanReviewed => "R-MED-1",
        }
    }

    /// Sets the fact this item stands for.
    pub fn record(self, facts: &mut CaseFacts, done: bool) {
        let field = match self {
            CheckItem::RcpDecision => &mut facts.rcp_decision,
            CheckItem::RadiologyConsultation => &mut facts.radiology_consultation,
            CheckItem::SignedConsent => &mut facts.signed_consent,
            CheckItem::ImagingFile => &mut facts.imaging_file,
            CheckItem::CarteVitale => &mut facts.carte_vitale,
            CheckItem::MutuelleCard => &mut facts.mutuelle_card,
            CheckItem::Escort => &mut facts.escort,
            CheckItem::MedicationPlanReviewed => &mut facts.medication_plan_reviewed,
        };
        *field = done;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// R-READY-1, R-READY-2: every item the schema knows, with its rule.
    #[test]
    fn r_ready_1_and_2_items_round_trip_and_name_their_rule() {
        for item in CheckItem::ALL {
            assert_eq!(CheckItem::from_code(item.code()), Some(item));
        }
        assert_eq!(CheckItem::SignedConsent.rule(), "R-READY-1");
        assert_eq!(CheckItem::CarteVitale.rule(), "R-READY-2");
        assert_eq!(CheckItem::CarteVitale.label(), "carte Vitale");
        assert_eq!(CheckItem::from_code("nonsense"), None);
    }

    /// Issue 14: every item has its own French words.
    #[test]
    fn every_item_has_french_words() {
        for item in CheckItem::ALL {
            let en = item.label();
            let _fr = crate::i18n::scope(crate::domain::language::Language::Fr);
            let fr = item.label();
            // The carte Vitale is French in both languages.
            let same_word = item == CheckItem::CarteVitale;
            assert!(!fr.is_empty() && (fr != en || same_word) && !fr.contains("clinical-"), "{item:?}: {fr}");
        }
    }
}
