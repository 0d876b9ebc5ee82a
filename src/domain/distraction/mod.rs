//! Distraction osteogenesis (DOMAIN.md section 8): the prescription of a
//! distraction case (R-DO-1), its plan day by day (R-DO-2), the phases it goes
//! through (R-DO-7), the daily round (R-DO-5) and the alerts those raise
//! (R-DO-3, R-DO-4, R-DO-6, R-DO-7); a hexapod frame's prescription and
//! its strut log (R-DO-8).
//!
//! Plain types and pure functions: lengths are carried in whole turns of the
//! device and shown in millimetres, so a plan never drifts by rounding.

pub mod alerts;
pub mod case;
pub mod hexapod;
pub mod hexapod_csv;
pub mod hexapod_log;
pub mod plan;
pub mod round;
pub mod sheet;

pub use case::{Device, Prescription, Site};
pub use plan::{Phase, PhaseEvent, PhaseKind, Plan};
pub use round::{Colour, Motor, Round, Sensation, SessionDone};
