//! The board's selectable rows in screen order, after the filter. Both the
//! screen (to draw) and `update` (to move and act) use this one list.

use super::state::{BoardView, RowKey};
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

    pub fn title(self) -> &'static str {
        match self {
            Section::Attention => "NEEDS ATTENTION",
            Section::Arriving => "ARRIVING",
            Section::Procedures => "PROCEDURES",
            Section::Leaving => "LEAVING",
        }
    }
}

/// The keys of one section, in order, that match the filter.
pub fn section_rows(board: &Board, section: Section, filter: &str) -> Vec<RowKey> {
    let keep = |text: String| crate::domain::names::matches(&text, filter);
    let f = &board.facts;
    match section {
        Section::Attention => board
            .attention
            .iter()
            .filter(|a| {
                let who = board.patient_for(a.subject).map(ToString::to_string).unwrap_or_default();
                keep(format!("{} {} {who}", a.rule, a.message))
            })
            .map(|a| RowKey::Alert { rule: a.rule, subject: a.subject })
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

/// Every selectable row, sections in screen order.
pub fn all_rows(view: &BoardView) -> Vec<RowKey> {
    match &view.board {
        Some(board) => Section::ALL.iter().flat_map(|s| section_rows(board, *s, &view.filter)).collect(),
        None => Vec::new(),
    }
}
