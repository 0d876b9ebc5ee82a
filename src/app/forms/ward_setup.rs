//! The Admin tab's forms (issue 8): a member of staff, a room (R-BLOCK-1),
//! a bed, a procedure kind (R-BLOCK-2), to add or to change. What makes an
//! entry sensible is checked once, in `domain::ward_setup` and the store,
//! for these forms, the commands and `periop setup` alike.

use super::{OpenForm, Purpose, Request};
use crate::app::form::{Choice, Field, Form, field_problem};
use crate::domain::roles::Role;
use crate::domain::ward_setup::{MINUTES_RANGE, RoomKind};
use crate::store::setup::{BedInput, BedSetupRow, ProcedureInput, ProcedureKindRow, RoomInput, RoomRow};
use crate::store::staff::{StaffChange, StaffRow};

/// What an Admin form saves: a new entry, or a change to one (with the
/// version the admin saw, so a change saved meanwhile is a conflict).
#[derive(Debug, Clone, PartialEq)]
pub enum SetupRequest {
    AddStaff { account: Option<String>, display_name: String, role: Role },
    EditStaff { staff_id: i64, version: i64, change: StaffChange, who: String },
    Room { input: RoomInput, add: bool },
    Bed { input: BedInput, add: bool },
    Procedure { input: ProcedureInput, add: bool },
}

/// Which Admin form is open, and on which row.
#[derive(Debug, Clone, PartialEq)]
pub enum SetupForm {
    AddStaff,
    EditStaff {
        staff_id: i64,
        version: i64,
    },
    /// `None`: a new room; else the room's name and version as seen.
    Room(Option<(String, i64)>),
    Bed(Option<(String, i64)>),
    Procedure(Option<(String, i64)>),
}

fn roles(row: Option<&StaffRow>) -> Field {
    let choices = Role::ALL.into_iter().filter(|r| *r != Role::Unassigned).map(|r| Choice::new(r.code(), r.name()));
    let field = Field::pick("role", tr!("admin-field-role"), choices.collect());
    match row.map(|r| r.role).filter(|r| *r != Role::Unassigned) {
        Some(role) => field.with(role.code()),
        None => field,
    }
}

/// R-ROLE-1: a new member of staff. An account is optional (a visiting
/// operator has none); one that changes things must exist on this machine.
pub fn add_staff() -> OpenForm {
    let fields = vec![
        Field::text("account", tr!("admin-field-account"), 32).optional(),
        Field::text("name", tr!("admin-field-name-shown"), 60),
        roles(None),
    ];
    let form = Form::new(tr!("admin-form-add-staff"), fields);
    OpenForm::new(form, Purpose::Setup(SetupForm::AddStaff), &tr!("admin-section-staff"))
}

/// A member of staff's shown name and role.
pub fn edit_staff(row: &StaffRow) -> OpenForm {
    let who = who(row);
    let name = Field::text("name", tr!("admin-field-name-shown"), 60).with(row.display_name.clone());
    let form = Form::new(tr!("admin-form-edit-staff"), vec![name, roles(Some(row))]).with_subtitle(&who);
    OpenForm::new(form, Purpose::Setup(SetupForm::EditStaff { staff_id: row.staff_id, version: row.version }), &who)
}

/// R-BLOCK-1: a room, its kind and opening hours (ward time).
pub fn room(row: Option<&RoomRow>) -> OpenForm {
    let kinds = RoomKind::ALL.iter().map(|k| Choice::new(k.code(), k.label())).collect();
    let mut fields = vec![
        Field::text("name", tr!("admin-field-name"), 60),
        Field::pick("kind", tr!("admin-field-kind"), kinds),
        Field::time("opens", tr!("admin-field-opens")),
    ];
    fields.push(Field::time("closes", tr!("admin-field-closes")));
    let (title, seen) = match row {
        Some(r) => {
            for (key, value) in [("name", &r.name), ("kind", &r.kind), ("opens", &r.opens), ("closes", &r.closes)] {
                if let Some(f) = fields.iter_mut().find(|f| f.key == key) {
                    *f = f.clone().with(value.clone());
                }
            }
            (tr!("admin-form-edit-room"), Some((r.name.clone(), r.version)))
        }
        None => (tr!("admin-form-add-room"), None),
    };
    let who = row.map_or_else(|| tr!("admin-who-rooms"), |r| tr!("admin-who-room", name = r.name.as_str()));
    OpenForm::new(Form::new(title, fields), Purpose::Setup(SetupForm::Room(seen)), &who)
}

/// A bed: its label and, optionally, its unit.
pub fn bed(row: Option<&BedSetupRow>) -> OpenForm {
    let mut label = Field::text("label", tr!("admin-field-label"), 60);
    let mut unit = Field::text("unit", tr!("admin-field-unit"), 60).optional();
    if let Some(r) = row {
        label = label.with(r.label.clone());
        unit = unit.with(r.unit.clone().unwrap_or_default());
    }
    let title = if row.is_some() { tr!("admin-form-edit-bed") } else { tr!("admin-form-add-bed") };
    let seen = row.map(|r| (r.label.clone(), r.version));
    let who = row.map_or_else(|| tr!("admin-who-beds"), |r| tr!("admin-who-bed", name = r.label.as_str()));
    OpenForm::new(Form::new(title, vec![label, unit]), Purpose::Setup(SetupForm::Bed(seen)), &who)
}

/// R-BLOCK-2: a procedure kind, its default duration and what it expects.
/// The code is the kind's key: given when added, kept after.
pub fn procedure(row: Option<&ProcedureKindRow>) -> OpenForm {
    let (min, max) = MINUTES_RANGE;
    let mut fields = vec![
        Field::text("label", tr!("admin-field-label"), 60),
        Field::whole("minutes", tr!("admin-field-minutes"), min as u32, max as u32),
        Field::flag("anaesthesia", tr!("admin-field-anaesthesia")),
        Field::flag("implants", tr!("admin-field-implants")),
    ];
    let form = match row {
        Some(r) => {
            fields[0] = fields[0].clone().with(r.label.clone());
            fields[1] = fields[1].clone().with(r.minutes.to_string());
            fields[2] = fields[2].clone().ticked(r.anaesthesia_expected);
            fields[3] = fields[3].clone().ticked(r.implants_expected);
            Form::new(tr!("admin-form-edit-kind"), fields).with_subtitle(tr!("admin-kind-code", code = r.code.as_str()))
        }
        None => {
            fields.insert(0, Field::text("code", tr!("admin-field-code"), 40).procedure_code());
            Form::new(tr!("admin-form-add-kind"), fields)
        }
    };
    let seen = row.map(|r| (r.code.clone(), r.version));
    let who = row.map_or_else(|| tr!("admin-who-kinds"), |r| tr!("admin-who-kind", code = r.code.as_str()));
    OpenForm::new(form, Purpose::Setup(SetupForm::Procedure(seen)), &who)
}

/// `Name (account)`: whose record a staff form changes.
pub fn who(row: &StaffRow) -> String {
    let no_account = tr!("admin-who-no-account");
    let account = row.account.as_deref().unwrap_or(&no_account);
    tr!("admin-who-account", name = row.display_name.as_str(), account = account).into_owned()
}

fn role_of(form: &Form) -> Result<Role, String> {
    Role::from_code(form.value("role"))
        .ok_or_else(|| field_problem(&tr!("admin-field-role"), &crate::app::form::arrows_text().1))
}

/// The typed request of an Admin form, or the first reason it cannot be.
pub(super) fn request(form: &Form, which: SetupForm, who: String) -> Result<Request, String> {
    let text = |key: &str| form.value(key).trim().to_string();
    let request = match which {
        SetupForm::AddStaff => SetupRequest::AddStaff {
            account: Some(text("account")).filter(|a| !a.is_empty()),
            display_name: text("name"),
            role: role_of(form)?,
        },
        SetupForm::EditStaff { staff_id, version } => SetupRequest::EditStaff {
            staff_id,
            version,
            change: StaffChange { display_name: Some(text("name")), role: Some(role_of(form)?), active: None },
            who,
        },
        SetupForm::Room(seen) => {
            let (name, rename, seen_version) = keyed(seen, text("name"));
            let input = RoomInput {
                name,
                rename,
                kind: Some(text("kind")),
                opens: Some(text("opens")),
                closes: Some(text("closes")),
                active: None,
                seen_version,
            };
            SetupRequest::Room { add: seen_version.is_none(), input }
        }
        SetupForm::Bed(seen) => {
            let (label, rename, seen_version) = keyed(seen, text("label"));
            let input = BedInput { label, rename, unit: Some(text("unit")), closed: None, active: None, seen_version };
            SetupRequest::Bed { add: seen_version.is_none(), input }
        }
        SetupForm::Procedure(seen) => {
            let minutes = form
                .whole::<i64>("minutes")?
                .ok_or_else(|| field_problem(&tr!("admin-field-minutes"), &tr!("admin-minutes-needed")))?;
            let (code, seen_version) = match seen {
                Some((code, version)) => (code, Some(version)),
                None => (text("code"), None),
            };
            let input = ProcedureInput {
                code,
                label: Some(text("label")),
                minutes: Some(minutes),
                anaesthesia_expected: Some(form.flag("anaesthesia")),
                implants_expected: Some(form.flag("implants")),
                active: None,
                seen_version,
            };
            SetupRequest::Procedure { add: seen_version.is_none(), input }
        }
    };
    Ok(Request::Setup(request))
}

/// A new entry is found by the name typed; a changed one by the name it had
/// when the form opened, renamed to what is typed now.
fn keyed(seen: Option<(String, i64)>, typed: String) -> (String, Option<String>, Option<i64>) {
    match seen {
        Some((old, version)) => {
            let rename = (typed != old).then_some(typed);
            (old, rename, Some(version))
        }
        None => (typed, None, None),
    }
}

/// The retire / bring back question for a room, a bed or a procedure kind:
/// its title, what it means, and the request that does it.
pub fn retire_room(row: &RoomRow) -> (String, String, Request) {
    let input = RoomInput {
        name: row.name.clone(),
        active: Some(!row.active),
        seen_version: Some(row.version),
        ..Default::default()
    };
    let (title, line) = if row.active {
        (tr!("admin-retire-room", name = row.name.as_str()), tr!("admin-retire-room-then"))
    } else {
        (tr!("admin-restore-room", name = row.name.as_str()), tr!("admin-restore-then"))
    };
    let (title, line) = (title.into_owned(), line.into_owned());
    (title, line, Request::Setup(SetupRequest::Room { input, add: false }))
}

pub fn retire_bed(row: &BedSetupRow) -> (String, String, Request) {
    let input = BedInput {
        label: row.label.clone(),
        active: Some(!row.active),
        seen_version: Some(row.version),
        ..Default::default()
    };
    let (title, line) = if row.active {
        (tr!("admin-retire-bed", name = row.label.as_str()), tr!("admin-retire-bed-then"))
    } else {
        (tr!("admin-restore-bed", name = row.label.as_str()), tr!("admin-restore-then"))
    };
    let (title, line) = (title.into_owned(), line.into_owned());
    (title, line, Request::Setup(SetupRequest::Bed { input, add: false }))
}

pub fn retire_procedure(row: &ProcedureKindRow) -> (String, String, Request) {
    let input = ProcedureInput {
        code: row.code.clone(),
        active: Some(!row.active),
        seen_version: Some(row.version),
        ..Default::default()
    };
    let (title, line) = if row.active {
        (tr!("admin-retire-kind", name = row.label.as_str()), tr!("admin-retire-kind-then"))
    } else {
        (tr!("admin-restore-kind", name = row.label.as_str()), tr!("admin-restore-then"))
    };
    let (title, line) = (title.into_owned(), line.into_owned());
    (title, line, Request::Setup(SetupRequest::Procedure { input, add: false }))
}
