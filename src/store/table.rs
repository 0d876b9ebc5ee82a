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
}

impl Table {
    pub const ALL: [Table; 9] = [
        Table::Staff,
        Table::Settings,
        Table::Patients,
        Table::Rooms,
        Table::Beds,
        Table::ProcedureKinds,
        Table::Admissions,
        Table::AdmissionSteps,
        Table::Cases,
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
        }
    }

    /// How a message names one row: `admission #12`.
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
        }
    }

    pub fn from_name(name: &str) -> Option<Table> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    pub fn row(self, id: i64) -> String {
        format!("{} #{id}", self.noun())
    }
}
