//! Saving the Admin tab's requests (issue 8): staff, rooms (R-BLOCK-1),
//! beds, procedure kinds (R-BLOCK-2), through the one write path that
//! checks the role (R-ROLE-1) and records the audit (R-AUDIT-1).

use crate::app::forms::ward_setup::SetupRequest;
use crate::store::setup::{self, Mode, Put};
use crate::store::{Result, Store, staff};
use chrono::{DateTime, Utc};

pub fn apply(store: &mut Store, now: DateTime<Utc>, request: SetupRequest) -> Result<String> {
    let mode = |add: bool| if add { Mode::Add } else { Mode::Set };
    match request {
        SetupRequest::AddStaff { account, display_name, role } => {
            store.write(now, |tx| staff::add(tx, account.as_deref(), &display_name, role))?;
            Ok(tr!("admin-saved-staff-added", name = display_name.trim(), role = role.name()).into_owned())
        }
        SetupRequest::EditStaff { staff_id, version, change, who } => {
            store.write(now, |tx| staff::set(tx, staff_id, version, &change))?;
            Ok(tr!("admin-saved", who = who).into_owned())
        }
        SetupRequest::Room { input, add } => {
            let put = store.write(now, |tx| setup::put_room(tx, &input, mode(add)))?;
            let what = tr!("admin-who-room", name = input.rename.as_deref().unwrap_or(&input.name).trim());
            Ok(said(&what, input.active, put))
        }
        SetupRequest::Bed { input, add } => {
            let put = store.write(now, |tx| setup::put_bed(tx, &input, mode(add)))?;
            let what = tr!("admin-who-bed", name = input.rename.as_deref().unwrap_or(&input.label).trim());
            Ok(said(&what, input.active, put))
        }
        SetupRequest::Procedure { input, add } => {
            let put = store.write(now, |tx| setup::put_procedure(tx, &input, mode(add)))?;
            Ok(said(&tr!("admin-who-kind", code = input.code.trim()), input.active, put))
        }
    }
}

/// "room Room 3: added", "bed B4: retired", "… unchanged (nothing differed)".
fn said(what: &str, active: Option<bool>, put: Put) -> String {
    let done = match (put, active) {
        (Put::Unchanged(_), _) => tr!("admin-done-unchanged"),
        (_, Some(false)) => tr!("admin-done-retired"),
        (_, Some(true)) => tr!("admin-done-back"),
        (Put::Added(_), None) => tr!("admin-done-added"),
        (Put::Changed(_), None) => tr!("admin-done-changed"),
    };
    tr!("admin-saved-entry", what = what, done = done.as_ref()).into_owned()
}

/// What the log says: the kind of entry and its key (staff by record only).
pub fn label(request: &SetupRequest) -> String {
    match request {
        SetupRequest::AddStaff { .. } => "staff added".into(),
        SetupRequest::EditStaff { staff_id, .. } => format!("staff #{staff_id} changed"),
        SetupRequest::Room { input, .. } => format!("room {:?}", input.name),
        SetupRequest::Bed { input, .. } => format!("bed {:?}", input.label),
        SetupRequest::Procedure { input, .. } => format!("procedure kind {:?}", input.code),
    }
}
