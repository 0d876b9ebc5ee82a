//! Why a save was refused, typed so the screen can tell what to do: a
//! conflict reloads and keeps the typing, busy waits for a retry, not found
//! closes, invalid input points at the field.

use crate::store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalKind {
    /// Someone else saved the record first (R-AUDIT-2).
    Conflict,
    /// The database stayed busy: try again.
    Busy,
    /// The connection went as the save was committed and the server could
    /// not be asked: it may be saved. The form is kept; its next save asks first.
    MaybeSaved,
    /// The record is gone.
    NotFound,
    /// The values break a rule; the text says which.
    Invalid,
    /// A planned date already past: legitimate as a retrospective entry,
    /// once the user confirms it (R-PATH-6).
    Retrospective,
    /// The user's role may not make this change (R-ROLE-1); the text names
    /// the role it needs.
    NotAllowed,
    Other,
}

/// A refused save, with the store's sentence (the thing, the cause, the next step).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub kind: RefusalKind,
    pub text: String,
}

impl From<&StoreError> for Refusal {
    fn from(e: &StoreError) -> Refusal {
        let kind = match e {
            StoreError::Conflict { .. } => RefusalKind::Conflict,
            // The form is kept: the next try reconnects.
            StoreError::Busy | StoreError::Disconnected(_) | StoreError::SaveCutOff(_) => RefusalKind::Busy,
            StoreError::SaveUnknown(_) => RefusalKind::MaybeSaved,
            StoreError::NotFound(_) => RefusalKind::NotFound,
            StoreError::Invalid { .. } | StoreError::BlockConflict { .. } | StoreError::OutOfStock { .. } => {
                RefusalKind::Invalid
            }
            StoreError::Retrospective { .. } => RefusalKind::Retrospective,
            StoreError::NotAllowed { .. } => RefusalKind::NotAllowed,
            _ => RefusalKind::Other,
        };
        Refusal { kind, text: e.to_string() }
    }
}
