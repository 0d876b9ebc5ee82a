//! R-COMP-1: complications, recorded per patient (and case, when known)
//! with a kind, the day it began, a severity and who recorded it. An open
//! complication is on the board's attention list until a doctor closes it
//! with an outcome. Entered by mistake, it is voided (who, when, why), never
//! deleted.
//!
//! Plain types and pure checks; the store reads and writes them.

use super::attention::{self, Alert, Subject};
use crate::domain::language::Language;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::borrow::Cow;

use super::worded::worded;

worded! {
    /// R-COMP-1: what went wrong (DOMAIN.md section 9).
    Kind {
        Infection = "infection", "clinical-kind-infection";
        PersistentPain = "persistent_pain", "clinical-kind-persistent-pain";
        NonUnion = "non_union", "clinical-kind-non-union";
        Malunion = "malunion", "clinical-kind-malunion";
        ImplantReaction = "implant_reaction", "clinical-kind-implant-reaction";
        NerveDamage = "nerve_damage", "clinical-kind-nerve-damage";
        JointStiffness = "joint_stiffness", "clinical-kind-joint-stiffness";
        DeviceProblem = "device_problem", "clinical-kind-device-problem";
        OcclusionProblem = "occlusion_problem", "clinical-kind-occlusion-problem";
        HeterotopicOssification = "heterotopic_ossification", "clinical-kind-heterotopic-ossification";
        Other = "other", "clinical-kind-other";
    }
}

worded! {
    /// R-COMP-1: how serious, as the doctor or nurse judges it.
    Severity {
        Mild = "mild", "clinical-severity-mild";
        Moderate = "moderate", "clinical-severity-moderate";
        Severe = "severe", "clinical-severity-severe";
    }
}

impl Kind {
    /// Reads a typed kind: the code, or the label in either language
    /// (`non-union`, `nerve damage`, `pseudarthrose`).
    pub fn parse(text: &str) -> Option<Kind> {
        let t = text.trim().to_lowercase().replace(['-', ' '], "_");
        Kind::from_code(&t).or_else(|| {
            Kind::ALL
                .iter()
                .copied()
                .find(|k| Language::ALL.iter().any(|l| k.label_in(*l).to_lowercase().replace(['-', ' '], "_") == t))
        })
    }
}

impl Severity {
    /// How urgent the board makes an open complication of this severity.
    pub fn attention(self) -> attention::Severity {
        match self {
            Severity::Mild => attention::Severity::Info,
            Severity::Moderate => attention::Severity::Warning,
            Severity::Severe => attention::Severity::Urgent,
        }
    }
}

/// How a complication was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Closure {
    pub at: DateTime<Utc>,
    /// The display name of who closed it.
    pub by: String,
    /// What came of it, in words (`healed after 6 weeks of antibiotics`).
    pub outcome: String,
}

/// One complication as recorded (voided ones are never read back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Complication {
    pub complication_id: i64,
    pub version: i64,
    pub patient_id: i64,
    /// The case it follows, when known.
    pub case_id: Option<i64>,
    pub kind: Kind,
    /// The ward day it began.
    pub onset_on: NaiveDate,
    pub severity: Severity,
    pub description: String,
    /// The display name of who recorded it, and when (UTC).
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
    /// `None` while open.
    pub closed: Option<Closure>,
    /// Why it was voided as entered by mistake: it then counts nowhere
    /// (only a patient's history lists it, marked).
    pub voided: Option<String>,
}

impl Complication {
    /// Open: neither closed nor voided.
    pub fn is_open(&self) -> bool {
        self.closed.is_none() && self.voided.is_none()
    }

    /// `! open`, `✓ closed` or `✗ voided`: a word with a glyph, never colour alone.
    pub fn status_label(&self) -> Cow<'static, str> {
        match (&self.voided, self.is_open()) {
            (Some(_), _) => tr!("clinical-complication-voided"),
            (None, true) => tr!("clinical-complication-open"),
            (None, false) => tr!("clinical-complication-closed"),
        }
    }

    /// `infection (severe) since 12/11/2026`.
    pub fn summary(&self) -> String {
        tr!(
            "clinical-complication-summary",
            kind = self.kind.label(),
            severity = self.severity.label(),
            since = self.onset_on.format("%d/%m/%Y").to_string()
        )
        .into_owned()
    }
}

/// What a new complication holds (R-COMP-1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewComplication {
    pub patient_id: i64,
    pub case_id: Option<i64>,
    pub kind: Kind,
    pub onset_on: NaiveDate,
    pub severity: Severity,
    pub description: String,
}

/// Longest free text kept for a description or an outcome, in characters.
pub const MAX_TEXT: usize = 500;

/// R-COMP-1: a complication cannot begin after `today` (the ward day of the
/// save), and its description has at most [`MAX_TEXT`] characters. Errors
/// say what to type instead.
pub fn check_new(new: &NewComplication, today: NaiveDate) -> Result<(), String> {
    if new.onset_on > today {
        return Err(tr!(
            "clinical-complication-after-today",
            onset = new.onset_on.format("%d/%m/%Y").to_string(),
            today = today.format("%d/%m/%Y").to_string()
        )
        .into_owned());
    }
    if new.description.chars().count() > MAX_TEXT {
        return Err(tr!("clinical-complication-note-long", max = MAX_TEXT).into_owned());
    }
    Ok(())
}

/// R-COMP-1: closing needs an outcome in words, of at most [`MAX_TEXT`]
/// characters.
pub fn check_outcome(outcome: &str) -> Result<(), String> {
    let outcome = outcome.trim();
    if outcome.is_empty() {
        return Err(tr!("clinical-complication-no-outcome").into_owned());
    }
    if outcome.chars().count() > MAX_TEXT {
        return Err(tr!("clinical-complication-outcome-long", max = MAX_TEXT).into_owned());
    }
    Ok(())
}

/// R-COMP-1: an open complication asks for attention on the board, as
/// urgent as it is severe; closed ones ask for nothing. No name in the
/// message (R-PRIV-1): the board shows the patient beside it.
pub fn alert(c: &Complication) -> Option<Alert> {
    c.is_open().then(|| Alert {
        rule: "R-COMP-1",
        severity: c.severity.attention(),
        subject: Subject::Patient(c.patient_id),
        message: tr!("clinical-complication-alert", summary = c.summary()).into_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn complication(severity: Severity, closed: bool) -> Complication {
        Complication {
            complication_id: 1,
            version: 1,
            patient_id: 7,
            case_id: None,
            kind: Kind::Infection,
            onset_on: day(12),
            severity,
            description: String::new(),
            recorded_by: "Nurse".into(),
            recorded_at: DateTime::<Utc>::from_timestamp(0, 0).unwrap(),
            closed: closed.then(|| Closure {
                at: DateTime::<Utc>::from_timestamp(0, 0).unwrap(),
                by: "Dr".into(),
                outcome: "healed".into(),
            }),
            voided: None,
        }
    }

    #[test]
    fn r_comp_1_every_kind_of_domain_md_is_known_and_read_from_its_code_or_words() {
        assert_eq!(Kind::ALL.len(), 11);
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.code()), Some(*kind));
            assert_eq!(Kind::parse(&kind.label()), Some(*kind));
        }
        assert_eq!(Kind::parse("Non-union"), Some(Kind::NonUnion));
        assert_eq!(Kind::parse("gout"), None);
    }

    #[test]
    fn r_comp_1_an_open_complication_alerts_as_urgent_as_it_is_severe() {
        let a = alert(&complication(Severity::Severe, false)).unwrap();
        assert_eq!(a.rule, "R-COMP-1");
        assert_eq!(a.severity, attention::Severity::Urgent);
        assert_eq!(a.subject, Subject::Patient(7));
        assert_eq!(a.message, "COMPLICATION: infection (severe) since 12/11/2026, open");
        assert_eq!(alert(&complication(Severity::Mild, false)).unwrap().severity, attention::Severity::Info);
        assert!(alert(&complication(Severity::Severe, true)).is_none(), "closed: nothing asked");
        let voided = Complication { voided: Some("wrong patient".into()), ..complication(Severity::Severe, false) };
        assert!(alert(&voided).is_none(), "voided: nothing asked");
        assert_eq!(voided.status_label(), "✗ voided");
    }

    #[test]
    fn r_comp_1_onset_today_is_accepted_and_tomorrow_refused() {
        let mut new = NewComplication {
            patient_id: 1,
            case_id: None,
            kind: Kind::Other,
            onset_on: day(23),
            severity: Severity::Mild,
            description: String::new(),
        };
        assert!(check_new(&new, day(23)).is_ok());
        new.onset_on = day(24);
        assert!(check_new(&new, day(23)).unwrap_err().contains("after today"));
        new.onset_on = day(1);
        new.description = "x".repeat(MAX_TEXT + 1);
        assert!(check_new(&new, day(23)).is_err());
    }

    /// Issue 14: every kind and severity has its own French words, and a
    /// kind typed in French is read.
    #[test]
    fn every_kind_and_severity_has_french_words() {
        let words = |id| (crate::i18n::t(Language::En, id), crate::i18n::t(Language::Fr, id));
        let ids = Kind::ALL.iter().map(|k| k.label_id()).chain(Severity::ALL.iter().map(|s| s.label_id()));
        for id in ids {
            let (en, fr) = words(id);
            // "infection" is the French word too.
            let same_word = id == Kind::Infection.label_id();
            assert!(!fr.is_empty() && (fr != en || same_word) && fr != id && en != id, "{id}: {en} / {fr}");
        }
        assert_eq!(Kind::parse("pseudarthrose"), Some(Kind::NonUnion));
        let _fr = crate::i18n::scope(Language::Fr);
        let message = alert(&complication(Severity::Severe, false)).unwrap().message;
        assert_eq!(message, "COMPLICATION\u{a0}: infection (grave) depuis le 12/11/2026, ouverte");
    }

    #[test]
    fn r_comp_1_closing_needs_an_outcome() {
        assert!(check_outcome("  ").is_err());
        assert!(check_outcome("healed").is_ok());
    }
}
