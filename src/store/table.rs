//! The tables the write path may touch. Names come from here, never from
//! user input, so they can be put into SQL text safely.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Staff,
    Settings,
    Patients,
    Rooms,
    Beds,
    ProcedureKinds,
    Admissions,
    AdmissionSteps,
    Cases,
    CaseChecks,
    AnaesthesiaConsultations,
    Intakes,
    Treatments,
    LabResults,
    DischargeChecks,
    FollowUpCalls,
    DistractionCases,
    DistractionPhases,
    DistractionSessions,
    DistractionRounds,
    PinGrades,
    BlockOverrides,
    CaseCallOffs,
    DeviceRefs,
    DeviceLots,
    StockMovements,
    CaseDevices,
    Implants,
    CaseEvents,
    Complications,
    HoFollowUps,
    HexapodPrescriptions,
    HexapodStruts,
    HexapodLengths,
    HexapodAdjustments,
}

/// A column in words, as the Audit tab and a refusal name it: `birth_date`
/// → `birth date` (`date de naissance`), from its `screens-field-…`
/// message. Every column of every table has one (a test reads the schema);
/// a column this build does not know (a newer schema's) shows as its code.
pub fn column_words(column: &str) -> std::borrow::Cow<'static, str> {
    let id = format!("screens-field-{}", column.replace('_', "-"));
    let language = crate::i18n::language();
    if crate::i18n::has(language, &id) {
        crate::i18n::t(language, &id)
    } else {
        std::borrow::Cow::Owned(column.to_string())
    }
}

impl Table {
    pub const ALL: [Table; 35] = [
        Table::Staff,
        Table::Settings,
        Table::Patients,
        Table::Rooms,
        Table::Beds,
        Table::ProcedureKinds,
        Table::Admissions,
        Table::AdmissionSteps,
        Table::Cases,
        Table::CaseChecks,
        Table::AnaesthesiaConsultations,
        Table::Intakes,
        Table::Treatments,
        Table::LabResults,
        Table::DischargeChecks,
        Table::FollowUpCalls,
        Table::DistractionCases,
        Table::DistractionPhases,
        Table::DistractionSessions,
        Table::DistractionRounds,
        Table::PinGrades,
        Table::BlockOverrides,
        Table::CaseCallOffs,
        Table::DeviceRefs,
        Table::DeviceLots,
        Table::StockMovements,
        Table::CaseDevices,
        Table::Implants,
        Table::CaseEvents,
        Table::Complications,
        Table::HoFollowUps,
        Table::HexapodPrescriptions,
        Table::HexapodStruts,
        Table::HexapodLengths,
        Table::HexapodAdjustments,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Table::Staff => "staff",
            Table::Settings => "settings",
            Table::Patients => "patients",
            Table::Rooms => "rooms",
            Table::Beds => "beds",
            Table::ProcedureKinds => "procedure_kinds",
            Table::Admissions => "admissions",
            Table::AdmissionSteps => "admission_steps",
            Table::Cases => "cases",
            Table::CaseChecks => "case_checks",
            Table::AnaesthesiaConsultations => "anaesthesia_consultations",
            Table::Intakes => "intakes",
            Table::Treatments => "treatments",
            Table::LabResults => "lab_results",
            Table::DischargeChecks => "discharge_checks",
            Table::FollowUpCalls => "follow_up_calls",
            Table::DistractionCases => "distraction_cases",
            Table::DistractionPhases => "distraction_phases",
            Table::DistractionSessions => "distraction_sessions",
            Table::DistractionRounds => "distraction_rounds",
            Table::PinGrades => "pin_grades",
            Table::BlockOverrides => "block_overrides",
            Table::CaseCallOffs => "case_call_offs",
            Table::DeviceRefs => "device_refs",
            Table::DeviceLots => "device_lots",
            Table::StockMovements => "stock_movements",
            Table::CaseDevices => "case_devices",
            Table::Implants => "implants",
            Table::CaseEvents => "case_events",
            Table::Complications => "complications",
            Table::HoFollowUps => "ho_follow_ups",
            Table::HexapodPrescriptions => "hexapod_prescriptions",
            Table::HexapodStruts => "hexapod_struts",
            Table::HexapodLengths => "hexapod_lengths",
            Table::HexapodAdjustments => "hexapod_adjustments",
        }
    }

    /// What one row is called in a sentence, in the language in force:
    /// `admission` (`store-table-admissions`).
    pub fn noun(self) -> std::borrow::Cow<'static, str> {
        crate::i18n::t(crate::i18n::language(), &self.message_id())
    }

    /// The catalogue id of the row's noun: `store-table-admissions`; its
    /// attributes `.the`, `.this` and `.new` name one row in a sentence.
    pub fn message_id(self) -> String {
        format!("store-table-{}", self.name().replace('_', "-"))
    }

    /// `this admission`: the record a conflict is about.
    pub fn this(self) -> String {
        crate::i18n::attr(crate::i18n::language(), &self.message_id(), "this").into_owned()
    }

    /// `new admission`: a record not saved yet.
    pub fn new_row(self) -> String {
        crate::i18n::attr(crate::i18n::language(), &self.message_id(), "new").into_owned()
    }

    /// The schema version that made the table (`schema.rs`, `UPGRADES`).
    pub fn since(self) -> i64 {
        match self {
            Table::DistractionCases
            | Table::DistractionPhases
            | Table::DistractionSessions
            | Table::DistractionRounds
            | Table::PinGrades => 4,
            Table::BlockOverrides | Table::CaseCallOffs => 7,
            Table::DeviceRefs | Table::DeviceLots | Table::StockMovements | Table::CaseDevices | Table::Implants => 9,
            Table::CaseEvents => 10,
            Table::Complications | Table::HoFollowUps => 12,
            Table::HexapodPrescriptions | Table::HexapodStruts | Table::HexapodLengths | Table::HexapodAdjustments => {
                13
            }
            _ => 1,
        }
    }

    pub fn from_name(name: &str) -> Option<Table> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// How a message to the user names the record it is about: `the
    /// case`. The screen that shows it names the patient (R-PATH-5); the
    /// message itself never does (R-PRIV-1), and row ids are for the log.
    pub fn row(self, _id: i64) -> String {
        crate::i18n::attr(crate::i18n::language(), &self.message_id(), "the").into_owned()
    }

    /// One row with its id, for `periop check` and the log, which must
    /// point at the record: `admission #12`.
    pub fn numbered(self, id: i64) -> String {
        tr!("store-numbered", noun = self.noun(), id = id).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::language::Language;

    /// Found by the French tester (issue 14): the Audit tab named columns by
    /// their codes (`void reason`, `birth date` in French). Every column of
    /// every table the write path touches has words in both catalogues.
    #[test]
    fn every_column_has_words_in_both_languages() {
        let conn = super::super::db::Connection::open_in_memory().unwrap();
        conn.execute_batch(super::super::schema::SCHEMA).unwrap();
        let mut missing = Vec::new();
        for table in Table::ALL {
            let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{}')", table.name())).unwrap();
            let columns: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
            assert!(!columns.is_empty(), "{} has no columns", table.name());
            for column in columns.iter().filter(|c| !matches!(c.as_str(), "id" | "version")) {
                for language in Language::ALL {
                    let _in = crate::i18n::scope(language);
                    if column_words(column) == column.as_str() && column.contains('_') {
                        missing.push(format!("{}.{column} ({})", table.name(), language.code()));
                    }
                    let id = format!("screens-field-{}", column.replace('_', "-"));
                    if !crate::i18n::has(language, &id) {
                        missing.push(format!("{id} ({})", language.code()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "columns without words: {missing:#?}");
        let (en, fr) = crate::i18n::in_both(|| column_words("void_reason").into_owned());
        assert_eq!((en.as_str(), fr.as_str()), ("void reason", "motif d'annulation"));
        let (en, fr) = crate::i18n::in_both(|| column_words("birth_date").into_owned());
        assert_eq!((en.as_str(), fr.as_str()), ("birth date", "date de naissance"));
        // A column no build knows yet shows as its code, never a panic.
        assert_eq!(column_words("added_in_schema_99"), "added_in_schema_99");
    }
}
