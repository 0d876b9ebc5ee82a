//! The one mechanism by which every rule asks for a human's attention.
//!
//! A rule that finds something wrong returns [`Alert`]s; the board gathers
//! them from every rule into one list, most urgent first. Messages never carry
//! a patient's name (R-PRIV-1): the screen shows the identity beside them.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Urgent,
}

impl Severity {
    /// The glyph that goes with the colour, so status never rests on colour alone.
    pub fn glyph(self) -> &'static str {
        match self {
            Severity::Info => "i",
            Severity::Warning => "!",
            Severity::Urgent => "!!",
        }
    }
}

/// What an alert is about, so the screen can show the identity and jump to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Subject {
    Admission(i64),
    Case(i64),
    Bed(i64),
    /// A distraction case (R-DO-3..7).
    Distraction(i64),
    /// A device reference and its lots (R-STOCK-3, R-STOCK-4).
    Stock(i64),
    /// A patient, for what follows them beyond one stay: an open
    /// complication (R-COMP-1), an ossification follow-up (R-HO-1).
    Patient(i64),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alert {
    /// The DOMAIN.md rule that raised it, e.g. `R-PATH-3`.
    pub rule: &'static str,
    pub severity: Severity,
    pub subject: Subject,
    /// Short words in capitals first (`OVERDUE DISCHARGE`), then the detail.
    pub message: String,
}

/// Most urgent first; within a severity, by rule then subject, so the list is stable.
pub fn sort(alerts: &mut [Alert]) {
    alerts.sort_by(|a, b| {
        b.severity.cmp(&a.severity).then(a.rule.cmp(b.rule)).then(subject_key(a.subject).cmp(&subject_key(b.subject)))
    });
}

fn subject_key(subject: Subject) -> (u8, i64) {
    match subject {
        Subject::Admission(id) => (0, id),
        Subject::Case(id) => (1, id),
        Subject::Bed(id) => (2, id),
        Subject::Distraction(id) => (3, id),
        Subject::Stock(id) => (4, id),
        Subject::Patient(id) => (5, id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(rule: &'static str, severity: Severity, id: i64) -> Alert {
        Alert { rule, severity, subject: Subject::Admission(id), message: String::new() }
    }

    #[test]
    fn urgent_alerts_come_first_and_order_is_stable() {
        let mut alerts = vec![
            alert("R-PATH-3", Severity::Warning, 2),
            alert("R-PATH-2", Severity::Urgent, 9),
            alert("R-PATH-3", Severity::Warning, 1),
        ];
        sort(&mut alerts);
        let order: Vec<_> = alerts.iter().map(|a| (a.rule, a.subject)).collect();
        assert_eq!(
            order,
            vec![
                ("R-PATH-2", Subject::Admission(9)),
                ("R-PATH-3", Subject::Admission(1)),
                ("R-PATH-3", Subject::Admission(2)),
            ]
        );
    }
}
