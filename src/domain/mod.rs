//! The clinic's rules as plain types and pure functions.
//!
//! Nothing here does I/O, SQL or drawing, and nothing reads the clock: time
//! comes in as an argument. Each rule carries its ID from `DOMAIN.md` so that
//! `grep -rn R-PATH-2 src tests` finds where it lives and where it is tested.

pub mod anaesthesia;
pub mod attention;
pub mod beds;
pub mod block_changes;
pub mod block_conflicts;
pub mod block_list;
pub mod block_timeline;
pub mod board;
pub mod case;
pub mod checklist;
pub mod complications;
pub mod day_label;
pub mod decimal;
pub mod discharge;
pub mod distraction;
pub mod fasting;
pub mod identity;
pub mod journey;
pub mod language;
pub mod medication;
pub mod names;
pub mod ossification;
pub mod pathway;
pub mod privacy;
pub mod readiness;
pub mod roles;
pub mod settings;
pub mod stay_order;
pub mod stock;
pub mod ward_setup;
pub mod ward_time;
pub mod worded;
