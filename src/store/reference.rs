//! Reference data: staff who do not log in, rooms, beds, procedure kinds.

use super::error::Result;
use super::table::Table;
use super::write::WriteTx;

/// R-BLOCK-2 default durations; a site edits them (they are rows, not code).
pub const PROCEDURE_KINDS: &[(&str, &str, i64)] = &[
    ("vertebroplasty", "Vertebroplasty", 90),
    ("cementoplasty", "Cementoplasty", 90),
    ("cemented_screw_fixation", "Percutaneous cemented screw fixation", 120),
    ("distractor_fitting", "Distractor fitting", 120),
    ("distractor_removal", "Distractor removal", 60),
];

pub fn seed_procedure_kinds(tx: &mut WriteTx<'_>) -> Result<()> {
    for (code, label, minutes) in PROCEDURE_KINDS {
        tx.insert(Table::ProcedureKinds, &[("code", code), ("label", label), ("default_minutes", minutes)])?;
    }
    Ok(())
}

pub fn procedure_kind_id(tx: &WriteTx<'_>, code: &str) -> Result<Option<i64>> {
    use super::db::OptionalExtension;
    let id = tx.conn().query_row("SELECT id FROM procedure_kinds WHERE code = ?1", [code], |r| r.get(0)).optional()?;
    Ok(id)
}

/// A member of staff; `account` is `None` for those who never log in.
pub fn add_staff(tx: &mut WriteTx<'_>, account: Option<&str>, display_name: &str, role: &str) -> Result<i64> {
    tx.insert(Table::Staff, &[("account", &account), ("display_name", &display_name), ("role", &role)])
}

pub fn add_room(tx: &mut WriteTx<'_>, name: &str, kind: &str, opens: &str, closes: &str) -> Result<i64> {
    tx.insert(Table::Rooms, &[("name", &name), ("kind", &kind), ("opens", &opens), ("closes", &closes)])
}

pub fn add_bed(tx: &mut WriteTx<'_>, label: &str) -> Result<i64> {
    tx.insert(Table::Beds, &[("label", &label)])
}

/// The pick lists a form offers: what can be booked, by whom, where.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    /// id, label, default minutes.
    pub procedure_kinds: Vec<(i64, String, u32)>,
    pub operators: Vec<(i64, String)>,
    pub anaesthetists: Vec<(i64, String)>,
    /// R-BLOCK-3: the nurses a case's block nurse is picked from.
    pub nurses: Vec<(i64, String)>,
    pub rooms: Vec<(i64, String)>,
    pub beds: Vec<(i64, String)>,
}

impl super::Store {
    pub fn lists(&self) -> Result<Lists> {
        let conn = self.conn();
        let pairs = |sql: &str| -> Result<Vec<(i64, String)>> {
            let mut stmt = conn.prepare_cached(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<super::db::Result<_>>()?)
        };
        let mut stmt = conn
            .prepare_cached("SELECT id, label, default_minutes FROM procedure_kinds WHERE active = 1 ORDER BY label")?;
        let procedure_kinds =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<super::db::Result<_>>()?;
        Ok(Lists {
            procedure_kinds,
            operators: pairs(
                "SELECT id, display_name FROM staff WHERE active = 1 AND role IN ('doctor', 'radiologist', 'surgeon')
                 ORDER BY display_name",
            )?,
            anaesthetists: pairs(
                "SELECT id, display_name FROM staff WHERE active = 1 AND role = 'anaesthetist' ORDER BY display_name",
            )?,
            nurses: pairs(
                "SELECT id, display_name FROM staff WHERE active = 1 AND role = 'nurse' ORDER BY display_name",
            )?,
            rooms: pairs("SELECT id, name FROM rooms WHERE active = 1 ORDER BY name")?,
            beds: pairs("SELECT id, label FROM beds WHERE active = 1 ORDER BY label")?,
        })
    }
}
