//! One decoder per coded column type (STYLE.md item 5). A stored code this
//! program does not know is an error naming the table, the row and the
//! column ([`super::StoreError::Undecodable`]), never a default: a state
//! read as `planned` because it was misspelt would put a patient on the
//! wrong list. `periop check` lists every such row ([`undecodable_rows`]).

use super::db::Connection;
use super::db::types::Type;
use super::table::Table;
use crate::domain::anaesthesia::CpaOutcome;
use crate::domain::beds::BedState;
use crate::domain::block_timeline::EventKind;
use crate::domain::case::{AnaesthesiaMode, CaseState};
use crate::domain::checklist::CheckItem;
use crate::domain::complications::{Kind as ComplicationKind, Severity as ComplicationSeverity};
use crate::domain::distraction::hexapod::StrutColour;
use crate::domain::distraction::{Colour, Device, Motor, PhaseKind, Sensation, Site};
use crate::domain::fasting::IntakeKind;
use crate::domain::journey::BleedingRisk;
use crate::domain::medication::{DrugClass, LabItem};
use crate::domain::ossification::{Brooker, ProphylaxisKind};
use crate::domain::pathway::AdmissionState;
use crate::domain::roles::Role;
use crate::domain::stock::DeviceKind;
use crate::domain::stock::movement::MovementKind;

/// A closed set of codes stored as text.
pub trait Code: Sized + Copy + 'static {
    /// Every code the program knows, in the file's spelling.
    fn codes() -> Vec<&'static str>;
    fn from_code(code: &str) -> Option<Self>;
}

macro_rules! codes {
    ($($t:ty => $all:expr, $code:expr, $from:expr;)*) => {$(
        impl Code for $t {
            fn codes() -> Vec<&'static str> {
                $all.into_iter().map($code).collect()
            }
            fn from_code(code: &str) -> Option<Self> {
                $from(code)
            }
        }
    )*};
}

const BLEEDING_RISKS: [BleedingRisk; 2] = [BleedingRisk::Standard, BleedingRisk::High];
const LAB_ITEMS: [LabItem; 2] = [LabItem::Inr, LabItem::Platelets];

codes! {
    AdmissionState => AdmissionState::ALL, AdmissionState::code, AdmissionState::from_code;
    CaseState => CaseState::ALL, CaseState::code, CaseState::from_code;
    AnaesthesiaMode => AnaesthesiaMode::ALL, AnaesthesiaMode::code, AnaesthesiaMode::from_code;
    BleedingRisk => BLEEDING_RISKS, BleedingRisk::code, BleedingRisk::from_code;
    BedState => BedState::ALL, BedState::code, BedState::from_code;
    CpaOutcome => CpaOutcome::ALL, CpaOutcome::code, CpaOutcome::from_code;
    IntakeKind => IntakeKind::ALL, IntakeKind::code, IntakeKind::from_code;
    DrugClass => DrugClass::ALL, DrugClass::code, DrugClass::from_code;
    CheckItem => CheckItem::ALL, CheckItem::code, CheckItem::from_code;
    LabItem => LAB_ITEMS, super::labs::code, super::labs::from_code;
    Site => Site::ALL.to_vec(), Site::code, Site::from_code;
    Device => Device::ALL.to_vec(), Device::code, Device::from_code;
    PhaseKind => PhaseKind::ALL.to_vec(), PhaseKind::code, PhaseKind::from_code;
    Sensation => Sensation::ALL.to_vec(), Sensation::code, Sensation::from_code;
    Motor => Motor::ALL.to_vec(), Motor::code, Motor::from_code;
    Colour => Colour::ALL.to_vec(), Colour::code, Colour::from_code;
    DeviceKind => DeviceKind::ALL.to_vec(), DeviceKind::code, stored_kind;
    MovementKind => MovementKind::ALL.to_vec(), MovementKind::code, MovementKind::from_code;
    EventKind => EventKind::ALL.to_vec(), EventKind::code, stored_event;
    ComplicationKind => ComplicationKind::ALL.to_vec(), ComplicationKind::code, ComplicationKind::from_code;
    ComplicationSeverity => ComplicationSeverity::ALL.to_vec(), ComplicationSeverity::code, ComplicationSeverity::from_code;
    ProphylaxisKind => ProphylaxisKind::ALL.to_vec(), ProphylaxisKind::code, ProphylaxisKind::from_code;
    Brooker => Brooker::ALL.to_vec(), Brooker::code, Brooker::from_code;
    StrutColour => StrutColour::ALL.to_vec(), StrutColour::code, StrutColour::from_code;
}

/// A stored timeline event: the code only (`-` is for typing).
fn stored_event(code: &str) -> Option<EventKind> {
    EventKind::ALL.into_iter().find(|k| k.code() == code)
}

/// A stored device kind: the code only (the label is for typing).
fn stored_kind(code: &str) -> Option<DeviceKind> {
    DeviceKind::ALL.into_iter().find(|k| k.code() == code)
}

/// R-ROLE-1: the roles, and schema 3's words for a doctor (still readable).
impl Code for Role {
    fn codes() -> Vec<&'static str> {
        Role::ALL.into_iter().map(Role::code).chain(["radiologist", "surgeon"]).collect()
    }
    fn from_code(code: &str) -> Option<Self> {
        Role::from_code(code)
    }
}

/// A staff row's role, or an error naming the row.
pub fn known_role(text: &str, staff_id: i64) -> super::db::Result<Role> {
    known(text, Table::Staff, "role", staff_id)
}

/// Where an unknown code was found, and what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undecodable {
    pub table: Table,
    pub id: i64,
    pub column: std::borrow::Cow<'static, str>,
    pub value: String,
}

impl std::fmt::Display for Undecodable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A patient's own values (a birth date) stay out of reports (R-PRIV-1).
        let value = if self.table == Table::Patients {
            tr!("store-patient-value").into_owned()
        } else {
            shown_value(&self.value)
        };
        let record = self.table.numbered(self.id);
        f.write_str(&tr!("store-undecodable-at", record = record, column = self.column.clone(), value = value))
    }
}

impl std::error::Error for Undecodable {}

/// A stored value as a message shows it: quoted, control characters escaped,
/// cut at 40 characters (codes are short; anything longer is not a code).
fn shown_value(value: &str) -> String {
    let cut: String = value.chars().take(40).collect();
    let more = if value.chars().count() > 40 { "…" } else { "" };
    format!("{:?}{more}", cut)
}

/// The code `text` read from `column` of row `id` of `table`, or an error
/// naming all three (inside a row closure, so a `super::db::Error`; it
/// becomes [`super::StoreError::Undecodable`] at the store's edge).
pub fn known<T: Code>(text: &str, table: Table, column: &'static str, id: i64) -> super::db::Result<T> {
    T::from_code(text).ok_or_else(|| {
        let err = Undecodable { table, id, column: column.into(), value: text.to_string() };
        super::db::Error::FromSqlConversionFailure(0, Type::Text, Box::new(err))
    })
}

/// [`known`] for a column that may be NULL (an optional join).
pub fn opt_known<T: Code>(
    text: Option<&str>,
    table: Table,
    column: &'static str,
    id: Option<i64>,
) -> super::db::Result<Option<T>> {
    text.map(|t| known(t, table, column, id.unwrap_or(0))).transpose()
}

/// The admission states that hold a bed (planned, or on the ward), as an SQL
/// list. Mirrors `domain::beds::held_nights` (it is `Some` for exactly these);
/// the test below ties them together.
pub const HOLDING_STATES: &str = "('planned', 'admitted', 'procedure_done', 'ready_for_discharge', 'prolonged')";

/// The admission states of a patient in a bed on the ward, as an SQL list.
/// Mirrors `AdmissionState::is_on_ward`; the test below ties them together.
pub const ON_WARD_STATES: &str = "('admitted', 'procedure_done', 'ready_for_discharge', 'prolonged')";

/// The codes a column's decoder knows.
pub type Codes = fn() -> Vec<&'static str>;

/// Every coded column of the schema, with its decoder's codes.
pub const COLUMNS: &[(Table, &str, Codes)] = &[
    (Table::Staff, "role", Role::codes),
    (Table::Admissions, "state", AdmissionState::codes),
    (Table::AdmissionSteps, "from_state", AdmissionState::codes),
    (Table::AdmissionSteps, "to_state", AdmissionState::codes),
    (Table::Cases, "state", CaseState::codes),
    (Table::Cases, "anaesthesia_mode", AnaesthesiaMode::codes),
    (Table::Cases, "bleeding_risk", BleedingRisk::codes),
    (Table::AnaesthesiaConsultations, "planned_mode", AnaesthesiaMode::codes),
    (Table::AnaesthesiaConsultations, "outcome", CpaOutcome::codes),
    (Table::Beds, "state", BedState::codes),
    (Table::Intakes, "kind", IntakeKind::codes),
    (Table::Treatments, "drug_class", DrugClass::codes),
    (Table::CaseChecks, "item", CheckItem::codes),
    (Table::LabResults, "test", LabItem::codes),
    (Table::DistractionCases, "site", <Site as Code>::codes),
    (Table::DistractionCases, "device", <Device as Code>::codes),
    (Table::DistractionPhases, "kind", <PhaseKind as Code>::codes),
    (Table::DistractionRounds, "sensation", <Sensation as Code>::codes),
    (Table::DistractionRounds, "motor", <Motor as Code>::codes),
    (Table::DistractionRounds, "colour", <Colour as Code>::codes),
    (Table::DeviceRefs, "kind", <DeviceKind as Code>::codes),
    (Table::StockMovements, "kind", <MovementKind as Code>::codes),
    (Table::CaseEvents, "kind", <EventKind as Code>::codes),
    (Table::Complications, "kind", <ComplicationKind as Code>::codes),
    (Table::Complications, "severity", <ComplicationSeverity as Code>::codes),
    (Table::HoFollowUps, "prophylaxis", <ProphylaxisKind as Code>::codes),
    (Table::HoFollowUps, "brooker", <Brooker as Code>::codes),
    (Table::HexapodStruts, "colour", <StrutColour as Code>::codes),
];

/// How a time column is written: a ward day (`2026-11-23`) or an instant
/// in UTC (`2026-11-23T07:00:00Z`); `store::rows` reads them back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeForm {
    Day,
    Instant,
}

impl TimeForm {
    fn reads(self, text: &str) -> bool {
        match self {
            TimeForm::Day => super::rows::parse_day(text).is_some(),
            TimeForm::Instant => super::rows::parse_instant(text).is_some(),
        }
    }
}

/// Every day and instant column of the schema (the audit's own `at` is the
/// chain's to check).
pub const TIME_COLUMNS: &[(Table, &str, TimeForm)] = &[
    (Table::Patients, "birth_date", TimeForm::Day),
    (Table::Admissions, "planned_admit_on", TimeForm::Day),
    (Table::Admissions, "planned_discharge_on", TimeForm::Day),
    (Table::Admissions, "admitted_at", TimeForm::Instant),
    (Table::Admissions, "discharged_at", TimeForm::Instant),
    (Table::AdmissionSteps, "at", TimeForm::Instant),
    (Table::Cases, "scheduled_start", TimeForm::Instant),
    (Table::Cases, "pre_visit_at", TimeForm::Instant),
    (Table::CaseChecks, "checked_at", TimeForm::Instant),
    (Table::AnaesthesiaConsultations, "held_at", TimeForm::Instant),
    (Table::AnaesthesiaConsultations, "voided_at", TimeForm::Instant),
    (Table::Intakes, "taken_at", TimeForm::Instant),
    (Table::Intakes, "voided_at", TimeForm::Instant),
    (Table::Treatments, "voided_at", TimeForm::Instant),
    (Table::LabResults, "taken_at", TimeForm::Instant),
    (Table::LabResults, "voided_at", TimeForm::Instant),
    (Table::DischargeChecks, "letter_given_on", TimeForm::Day),
    (Table::FollowUpCalls, "due_on", TimeForm::Day),
    (Table::FollowUpCalls, "done_at", TimeForm::Instant),
    (Table::DistractionCases, "osteotomy_on", TimeForm::Day),
    (Table::DistractionPhases, "on_day", TimeForm::Day),
    (Table::DistractionSessions, "day", TimeForm::Day),
    (Table::DistractionSessions, "done_at", TimeForm::Instant),
    (Table::DistractionRounds, "at", TimeForm::Instant),
    (Table::CaseEvents, "at", TimeForm::Instant),
    (Table::CaseEvents, "voided_at", TimeForm::Instant),
    (Table::Complications, "onset_on", TimeForm::Day),
    (Table::Complications, "recorded_at", TimeForm::Instant),
    (Table::Complications, "closed_at", TimeForm::Instant),
    (Table::Complications, "voided_at", TimeForm::Instant),
    (Table::HoFollowUps, "surgery_at", TimeForm::Instant),
    (Table::HoFollowUps, "prophylaxis_at", TimeForm::Instant),
    (Table::HoFollowUps, "xray_on", TimeForm::Day),
    (Table::HoFollowUps, "recorded_at", TimeForm::Instant),
    (Table::HoFollowUps, "voided_at", TimeForm::Instant),
    (Table::HexapodPrescriptions, "recorded_at", TimeForm::Instant),
    (Table::HexapodStruts, "from_day", TimeForm::Day),
    (Table::HexapodLengths, "day", TimeForm::Day),
    (Table::HexapodAdjustments, "day", TimeForm::Day),
    (Table::HexapodAdjustments, "done_at", TimeForm::Instant),
    (Table::HexapodAdjustments, "voided_at", TimeForm::Instant),
];

/// For `periop check`: every row holding a code its column's decoder does not
/// know, or a day or instant that does not read back, in schema order.
pub fn undecodable_rows(conn: &Connection) -> super::db::Result<Vec<Undecodable>> {
    let mut found = Vec::new();
    // An older file has only the tables of its version (it is upgraded by
    // its first read-write open), and `check` may read it before that.
    let version: i64 = conn.schema_version()?;
    for &(table, column, codes) in COLUMNS.iter().filter(|(t, _, _)| t.since() <= version) {
        let known = serde_json::Value::from(codes()).to_string();
        let sql = format!(
            "SELECT id, CAST({column} AS TEXT) FROM {} WHERE {column} IS NOT NULL
             AND {column} NOT IN ({}) ORDER BY id",
            table.name(),
            super::dialect::texts_in(conn.dialect(), "?1")
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([&known], |r| {
            Ok(Undecodable { table, id: r.get(0)?, column: column.into(), value: r.get::<_, String>(1)? })
        })?;
        for row in rows {
            found.push(row?);
        }
    }
    for &(table, column, form) in TIME_COLUMNS.iter().filter(|(t, _, _)| t.since() <= version) {
        // Every row: a day SQLite itself would read (`1970-02-30` becomes
        // March) is not one chrono reads, and chrono is what the screens use.
        let sql =
            format!("SELECT id, CAST({column} AS TEXT) FROM {} WHERE {column} IS NOT NULL ORDER BY id", table.name());
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, value) = row?;
            if !form.reads(&value) {
                found.push(Undecodable { table, id, column: column.into(), value });
            }
        }
    }
    found.extend(not_utf8_rows(conn, version)?);
    Ok(found)
}

/// Every text value of the data tables that is not valid UTF-8 (found in
/// use, #12: one such surname stopped the board and every list with a bare
/// "invalid utf-8 sequence", and `check` called the values ok). Read as
/// bytes, so the scan itself never fails on them.
fn not_utf8_rows(conn: &Connection, version: i64) -> super::db::Result<Vec<Undecodable>> {
    let mut found = Vec::new();
    for table in Table::ALL.into_iter().filter(|t| t.since() <= version) {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{}') WHERE type = 'TEXT'", table.name()))?
            .query_map([], |r| r.get(0))?
            .collect::<super::db::Result<_>>()?;
        for column in columns {
            let sql = format!(
                "SELECT id, CAST({column} AS BLOB) FROM {} WHERE typeof({column}) = 'text' ORDER BY id",
                table.name()
            );
            let mut stmt = conn.prepare(&sql)?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let bytes: Vec<u8> = row.get(1)?;
                if std::str::from_utf8(&bytes).is_err() {
                    let value = String::from_utf8_lossy(&bytes).into_owned();
                    found.push(Undecodable { table, id: row.get(0)?, column: column.clone().into(), value });
                }
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn sql_list(states: impl Iterator<Item = AdmissionState>) -> String {
        let codes: Vec<String> = states.map(|s| format!("'{}'", s.code())).collect();
        format!("({})", codes.join(", "))
    }

    #[test]
    fn the_sql_state_sets_are_the_domains() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let holding =
            AdmissionState::ALL.into_iter().filter(|&s| crate::domain::beds::held_nights(s, day, day, day).is_some());
        assert_eq!(HOLDING_STATES, sql_list(holding));
        assert_eq!(ON_WARD_STATES, sql_list(AdmissionState::ALL.into_iter().filter(|s| s.is_on_ward())));
    }

    #[test]
    fn every_decoder_round_trips_its_codes_and_refuses_others() {
        for &(table, column, codes) in COLUMNS {
            assert!(!codes().is_empty(), "{}.{column}", table.name());
        }
        for code in AdmissionState::codes() {
            assert_eq!(known::<AdmissionState>(code, Table::Admissions, "state", 1).unwrap().code(), code);
        }
        let err = crate::store::StoreError::from(
            known::<AdmissionState>("plannd", Table::Admissions, "state", 12).unwrap_err(),
        );
        assert!(
            err.to_string().starts_with("admission #12, column state: \"plannd\": a value this program does not know"),
            "{err}"
        );
    }
}
