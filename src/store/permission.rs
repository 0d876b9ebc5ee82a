//! R-ROLE-1 in the write path: every row written is a kind of change
//! ([`change_of`]), and the actor's role, read inside the transaction, must
//! be allowed it by `domain::roles::PERMISSIONS`. Screens and commands only
//! hide what a role cannot do; this is where it is refused.

use super::db::{Connection, OptionalExtension};
use super::error::{Result, StoreError};
use super::table::Table;
use crate::domain::roles::{self, Change, Role};

/// Columns whose change records that a fact was entered by mistake.
pub const VOID_COLUMNS: [&str; 3] = ["voided_at", "voided_by", "void_reason"];

/// Columns whose change closes a complication (R-COMP-1).
pub const CLOSE_COLUMNS: [&str; 3] = ["closed_at", "closed_by", "outcome"];

/// The kind of change a write of `columns` to `table` is. `insert` is true for
/// a new row.
pub fn change_of(table: Table, insert: bool, columns: &[&str]) -> Change {
    let only = |allowed: &[&str]| !columns.is_empty() && columns.iter().all(|c| allowed.contains(c));
    let any = |names: &[&str]| columns.iter().any(|c| names.contains(c));
    // R-ROLE-1: voiding a record needs the role that may record it.
    if !insert && only(&VOID_COLUMNS) {
        return change_of(table, true, &[]);
    }
    match table {
        Table::Staff => Change::Staff,
        Table::Settings => Change::Settings,
        Table::Rooms => Change::Rooms,
        Table::ProcedureKinds => Change::ProcedureKinds,
        Table::Beds if !insert && only(&["state"]) => Change::BedState,
        Table::Beds => Change::BedSetup,
        Table::Patients => Change::Patient,
        Table::Admissions if insert || any(&["planned_admit_on", "planned_discharge_on"]) => Change::StayPlan,
        Table::Admissions if only(&["bed_id"]) => Change::BedState,
        Table::Admissions | Table::AdmissionSteps => Change::StayStep,
        // Found in use (#8): a nurse booked the block (room, operator) through
        // the new-admission form. A new case with any of them is a booking.
        Table::Cases if insert && any(&["room_id", "operator_id", "anaesthetist_id", "nurse_id"]) => {
            Change::CaseSchedule
        }
        Table::Cases if insert => Change::StayPlan,
        Table::Cases if only(&["pre_visit_at"]) => Change::Anaesthesia,
        Table::Cases | Table::BlockOverrides => Change::CaseSchedule,
        // R-BLOCK-5: written with the stay's cancel or postpone step.
        Table::CaseCallOffs => Change::StayStep,
        Table::CaseChecks => Change::Checklist,
        Table::AnaesthesiaConsultations => Change::Anaesthesia,
        Table::Intakes => Change::Intake,
        Table::Treatments | Table::LabResults => Change::Medication,
        Table::DischargeChecks | Table::FollowUpCalls => Change::Discharge,
        // R-DO-8: the hexapod prescription is the surgeon's plan; each strut
        // adjustment is part of the round.
        Table::DistractionCases
        | Table::DistractionPhases
        | Table::HexapodPrescriptions
        | Table::HexapodStruts
        | Table::HexapodLengths => Change::Distraction,
        Table::DistractionSessions | Table::DistractionRounds | Table::PinGrades | Table::HexapodAdjustments => {
            Change::Round
        }
        Table::DeviceRefs => Change::DeviceCatalogue,
        Table::DeviceLots | Table::StockMovements | Table::CaseDevices => Change::Stock,
        Table::Implants => Change::Implant,
        // R-BLOCK-6: the J0 timeline (a case following it is covered, R-ROLE-1).
        Table::CaseEvents => Change::Timeline,
        // R-COMP-1: recorded by nurses and doctors, closed by doctors.
        Table::Complications if !insert && only(&CLOSE_COLUMNS) => Change::ComplicationClose,
        Table::Complications => Change::Complication,
        Table::HoFollowUps => Change::Ossification,
    }
}

/// The role a staff row gives, inside the transaction: a retired member of
/// staff, and an actor not on the staff list, may only read.
pub fn role_of(conn: &Connection, staff_id: i64) -> Result<Role> {
    let row: Option<(String, bool)> = conn
        .prepare_cached("SELECT role, active FROM staff WHERE id = ?1")?
        .query_row([staff_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(match row {
        Some((code, true)) => Role::from_code(&code).unwrap_or(Role::Unassigned),
        Some((_, false)) => Role::ReadOnly,
        None => Role::Unassigned,
    })
}

/// What [`StoreError::NotAllowed`] gives as the role of a retired member of
/// staff: the refusal then says the account is retired and how to bring it
/// back, not a role it was never given (found in use, #8).
pub const RETIRED: &str = "retired";

/// R-ROLE-1: refuses `change` unless staff row `staff_id`, read inside the
/// transaction, may make it; a retired member of staff only reads.
pub fn permit_staff(conn: &Connection, staff_id: i64, change: Change) -> Result<()> {
    let role = role_of(conn, staff_id)?;
    if roles::may(role, change) {
        return Ok(());
    }
    let retired: bool = conn
        .prepare_cached("SELECT CASE WHEN active = 0 THEN 1 ELSE 0 END FROM staff WHERE id = ?1")?
        .query_row([staff_id], |r| r.get(0))
        .optional()?
        .unwrap_or(false);
    if retired {
        return Err(StoreError::NotAllowed { change: change.label(), role: RETIRED, needs: roles::needed(change) });
    }
    permit(role, change)
}

/// R-ROLE-1: refuses `change` unless `role` may make it, naming the roles
/// that may.
pub fn permit(role: Role, change: Change) -> Result<()> {
    if roles::may(role, change) {
        return Ok(());
    }
    Err(StoreError::NotAllowed { change: change.label(), role: role.code(), needs: roles::needed(change) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_role_1_the_same_table_splits_by_what_changes() {
        assert_eq!(change_of(Table::Beds, false, &["state"]), Change::BedState);
        assert_eq!(change_of(Table::Beds, true, &["label"]), Change::BedSetup);
        assert_eq!(change_of(Table::Beds, false, &["label", "unit"]), Change::BedSetup);
        assert_eq!(change_of(Table::Admissions, false, &["bed_id"]), Change::BedState);
        assert_eq!(change_of(Table::Cases, true, &["admission_id", "scheduled_start"]), Change::StayPlan);
        assert_eq!(change_of(Table::Cases, true, &["admission_id", "room_id"]), Change::CaseSchedule);
        assert_eq!(change_of(Table::Admissions, false, &["state", "admitted_at"]), Change::StayStep);
        assert_eq!(change_of(Table::Admissions, false, &["planned_admit_on", "bed_id"]), Change::StayPlan);
        assert_eq!(change_of(Table::Cases, false, &["pre_visit_at"]), Change::Anaesthesia);
        assert_eq!(change_of(Table::Cases, false, &["scheduled_start"]), Change::CaseSchedule);
        assert_eq!(change_of(Table::Intakes, false, &VOID_COLUMNS), Change::Intake);
        assert_eq!(change_of(Table::Complications, true, &["kind"]), Change::Complication);
        assert_eq!(change_of(Table::Complications, false, &CLOSE_COLUMNS), Change::ComplicationClose);
        assert_eq!(change_of(Table::Complications, false, &VOID_COLUMNS), Change::Complication);
        assert_eq!(change_of(Table::HoFollowUps, false, &["xray_on", "brooker"]), Change::Ossification);
    }

    /// Found in use (#8): a nurse voided an anaesthesia consultation (which
    /// only an anaesthetist or an admin may record), and a pharmacist could
    /// not void a treatment they may enter: voiding follows the record's role.
    #[test]
    fn r_role_1_voiding_a_record_needs_the_role_that_may_record_it() {
        assert_eq!(change_of(Table::AnaesthesiaConsultations, false, &VOID_COLUMNS), Change::Anaesthesia);
        assert_eq!(change_of(Table::Treatments, false, &VOID_COLUMNS), Change::Medication);
        assert_eq!(change_of(Table::LabResults, false, &VOID_COLUMNS), Change::Medication);
        assert!(!roles::may(Role::Nurse, change_of(Table::AnaesthesiaConsultations, false, &VOID_COLUMNS)));
        assert!(roles::may(Role::Pharmacist, change_of(Table::Treatments, false, &VOID_COLUMNS)));
        // The Void key is offered to the roles of Medication (`app::keymap`):
        // exactly those that may void one record or another.
        let voidable = [Table::Intakes, Table::Treatments, Table::LabResults, Table::AnaesthesiaConsultations];
        for role in Role::ALL {
            let any = voidable.iter().any(|t| roles::may(role, change_of(*t, false, &VOID_COLUMNS)));
            assert_eq!(roles::may(role, Change::Medication), any, "{role:?}");
        }
    }
}
