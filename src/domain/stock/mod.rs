//! Devices and implants (DOMAIN.md section 7): references and their lots
//! (R-STOCK-1), movements and the quantities they leave (R-STOCK-2), what
//! may be used on a procedure day and which lot first (R-STOCK-3, FEFO),
//! stock alerts (R-STOCK-4), implant traceability (R-TRACE-1, R-TRACE-2)
//! and the GS1 strings scanners type (R-TRACE-3).

pub mod alerts;
pub mod gs1;
pub mod hibc;
pub mod lookup;
pub mod lots;
pub mod movement;
pub mod scan;
pub mod trace;

use serde::Serialize;

/// R-STOCK-1: what a device reference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceKind {
    Screw,
    CementKit,
    Trocar,
    Cannula,
    Distractor,
    Other,
}

impl DeviceKind {
    pub const ALL: [DeviceKind; 6] = [
        DeviceKind::Screw,
        DeviceKind::CementKit,
        DeviceKind::Trocar,
        DeviceKind::Cannula,
        DeviceKind::Distractor,
        DeviceKind::Other,
    ];

    /// The word stored in the file and typed on the command line.
    pub fn code(self) -> &'static str {
        match self {
            DeviceKind::Screw => "screw",
            DeviceKind::CementKit => "cement_kit",
            DeviceKind::Trocar => "trocar",
            DeviceKind::Cannula => "cannula",
            DeviceKind::Distractor => "distractor",
            DeviceKind::Other => "other",
        }
    }

    /// The kind in the language in force: `cement kit`, `kit de ciment`.
    pub fn label(self) -> std::borrow::Cow<'static, str> {
        match self {
            DeviceKind::Screw => tr!("stock-kind-screw"),
            DeviceKind::CementKit => tr!("stock-kind-cement-kit"),
            DeviceKind::Trocar => tr!("stock-kind-trocar"),
            DeviceKind::Cannula => tr!("stock-kind-cannula"),
            DeviceKind::Distractor => tr!("stock-kind-distractor"),
            DeviceKind::Other => tr!("stock-kind-other"),
        }
    }

    /// The kind from its code, its code with a space for `_` (`cement kit`,
    /// as the English label reads and the command line took it), or its
    /// label in the language in force.
    pub fn from_code(code: &str) -> Option<DeviceKind> {
        Self::ALL.into_iter().find(|k| k.code() == code || k.code().replace('_', " ") == code || k.label() == code)
    }
}

/// R-STOCK-1: a device reference, as the catalogue knows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    pub id: i64,
    pub version: i64,
    /// The catalogue code the site uses (`REF` on the label), unique.
    pub code: String,
    pub manufacturer: String,
    pub name: String,
    pub kind: DeviceKind,
    pub implantable: bool,
    /// GTIN-14 from (01), when the label carries one.
    pub gtin: Option<String>,
    /// R-STOCK-4: usable units under this raise an alert. 0: no minimum.
    pub min_stock: u32,
    /// Distractors: mm of lengthening per turn (R-DO-1).
    pub mm_per_turn: Option<f64>,
}
