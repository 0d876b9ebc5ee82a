//! The board's selectable rows in screen order, after the filter. Both the
//! screen (to draw) and `update` (to move and act) use this one list.

use super::state::{BoardView, RowKey};
use crate::domain::attention::Alert;
use crate::domain::board::Board;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Attention,
    Arriving,
    Procedures,
    Leaving,
}

impl Section {
    pub const ALL: [Section; 4] = [Section::Attention, Section::Arriving, Section::Procedures, Section::Leaving];

    pub fn title(self) -> std::borrow::Cow<'static, str> {
        match self {
            Section::Attention => tr!("board-section-attention"),
            Section::Arriving => tr!("board-section-arriving"),
            Section::Procedures => tr!("board-section-procedures"),
            Section::Leaving => tr!("board-section-leaving"),
        }
    }
}

/// The keys of one section, in order, that match the filter.
pub fn section_rows(board: &Board, section: Section, filter: &str) -> Vec<RowKey> {
    let keep = |text: String| crate::domain::names::matches(&text, filter);
    let f = &board.facts;
    match section {
        Section::Attention => alert_rows(board)
            .filter(|(_, a)| {
                let who = board.patient_for(a.subject).map(ToString::to_string).unwrap_or_default();
                keep(format!("{} {} {who}", a.rule, a.message))
            })
            .map(|(key, _)| key)
            .collect(),
        Section::Arriving => f
            .arrivals
            .iter()
            .filter(|s| {
                keep(format!(
                    "{} {} {}",
                    s.patient,
                    s.bed.as_deref().unwrap_or(""),
                    s.procedure.as_deref().unwrap_or("")
                ))
            })
            .map(|s| RowKey::Arrival(s.admission_id))
            .collect(),
        Section::Procedures => f
            .procedures
            .iter()
            .filter(|p| keep(format!("{} {} {} {}", p.patient, p.procedure, p.room, p.operator)))
            .map(|p| RowKey::Procedure(p.case_id))
            .collect(),
        Section::Leaving => f
            .departures
            .iter()
            .filter(|s| keep(format!("{} {}", s.patient, s.bed.as_deref().unwrap_or(""))))
            .map(|s| RowKey::Departure(s.admission_id))
            .collect(),
    }
}

/// Each alert with its own key: alerts of one rule about one subject (a
/// reference low and with lots expiring, two lots expired) are told apart
/// by their place among those, so each row keeps its own text, severity
/// and selection.
pub fn alert_rows(board: &Board) -> impl Iterator<Item = (RowKey, &Alert)> {
    board.attention.iter().enumerate().map(|(i, a)| {
        let before = board.attention[..i].iter().filter(|b| b.rule == a.rule && b.subject == a.subject).count();
        let nth = u16::try_from(before).unwrap_or(u16::MAX);
        (RowKey::Alert { rule: a.rule, subject: a.subject, nth }, a)
    })
}

/// The alert a row key names, if the board still has it.
pub fn alert(board: &Board, key: RowKey) -> Option<&Alert> {
    alert_rows(board).find(|(k, _)| *k == key).map(|(_, a)| a)
}

/// Every selectable row, sections in screen order.
pub fn all_rows(view: &BoardView) -> Vec<RowKey> {
    match &view.board {
        Some(board) => Section::ALL.iter().flat_map(|s| section_rows(board, *s, &view.filter)).collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::attention::{Severity, Subject};
    use crate::domain::board::Facts;
    use crate::domain::settings::Settings;

    /// Found in use (issue 10, #1): alerts of one rule about one subject
    /// shared a row key, so each showed the first one's text and all were
    /// selected together. Stock, distraction and medication alerts can
    /// share a subject: each row is its own.
    #[test]
    fn each_alert_of_one_rule_and_subject_is_its_own_row() {
        let made = |rule, severity, subject, message: &str| Alert { rule, severity, subject, message: message.into() };
        let facts = Facts {
            stock: vec![
                made("R-STOCK-4", Severity::Warning, Subject::Stock(7), "LOW STOCK screw"),
                made("R-STOCK-4", Severity::Info, Subject::Stock(7), "EXPIRING screw lot SOON"),
                made("R-STOCK-4", Severity::Info, Subject::Stock(7), "EXPIRING screw lot SOON00"),
                made("R-DO-6", Severity::Urgent, Subject::Distraction(3), "PIN SITE"),
                made("R-DO-6", Severity::Urgent, Subject::Distraction(3), "TURNS MISSED"),
            ],
            ..Facts::default()
        };
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let now = chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap();
        let board = Board::build(day, facts, now, &Settings::default());
        let keys = section_rows(&board, Section::Attention, "");
        assert_eq!(keys.len(), 5);
        let mut distinct = keys.clone();
        distinct.dedup();
        assert_eq!(distinct.len(), 5, "{keys:?}");
        let mut messages: Vec<&str> = keys.iter().map(|k| alert(&board, *k).unwrap().message.as_str()).collect();
        messages.sort_unstable();
        assert_eq!(
            messages,
            ["EXPIRING screw lot SOON", "EXPIRING screw lot SOON00", "LOW STOCK screw", "PIN SITE", "TURNS MISSED"]
        );
    }
}
