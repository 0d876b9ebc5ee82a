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

    /// What one row is called in a sentence: `admission`.
    pub fn noun(self) -> &'static str {
        match self {
            Table::Staff => "staff member",
            Table::Settings => "setting",
            Table::Patients => "patient",
            Table::Rooms => "room",
            Table::Beds => "bed",
            Table::ProcedureKinds => "procedure kind",
            Table::Admissions => "admission",
            Table::AdmissionSteps => "admission step",
            Table::Cases => "case",
            Table::CaseChecks => "readiness check",
            Table::AnaesthesiaConsultations => "anaesthesia consultation",
            Table::Intakes => "intake",
            Table::Treatments => "treatment",
            Table::LabResults => "lab result",
            Table::DischargeChecks => "discharge check",
            Table::FollowUpCalls => "follow-up call",
            Table::DistractionCases => "distraction case",
            Table::DistractionPhases => "distraction step",
            Table::DistractionSessions => "distraction session",
            Table::DistractionRounds => "distraction round",
            Table::PinGrades => "pin grade",
            Table::BlockOverrides => "schedule override",
            Table::CaseCallOffs => "cancellation or postponement",
            Table::DeviceRefs => "device reference",
            Table::DeviceLots => "lot",
            Table::StockMovements => "stock movement",
            Table::CaseDevices => "device held for a case",
            Table::Implants => "implant record",
            Table::CaseEvents => "timeline event",
            Table::Complications => "complication",
            Table::HoFollowUps => "ossification follow-up",
            Table::HexapodPrescriptions => "hexapod prescription",
            Table::HexapodStruts => "hexapod strut",
            Table::HexapodLengths => "hexapod strut length",
            Table::HexapodAdjustments => "strut adjustment",
        }
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
        format!("the {}", self.noun())
    }

    /// One row with its id, for `periop check` and the log, which must
    /// point at the record: `admission #12`.
    pub fn numbered(self, id: i64) -> String {
        format!("{} #{id}", self.noun())
    }
}
