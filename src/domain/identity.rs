//! Who a patient is, as every screen that acts on one must show it.
//!
//! R-PATH-5: surname, first name and birth date appear together wherever a
//! patient is acted upon (identity vigilance, first item of the HAS checklist).

use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub patient_id: i64,
    pub surname: String,
    pub first_name: String,
    pub birth_date: NaiveDate,
}

impl Identity {
    /// Birth date the way the ward writes it (dd/mm/yyyy).
    pub fn birth_date_text(&self) -> String {
        self.birth_date.format("%d/%m/%Y").to_string()
    }
}

/// R-PATH-5: `SURNAME First name (dd/mm/yyyy)`; the surname in capitals so it
/// cannot be mistaken for the first name.
impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let surname = super::names::surname_shown(&self.surname);
        let first_name = super::names::first_name_shown(&self.first_name);
        write!(f, "{surname} {first_name} ({})", self.birth_date_text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_path_5_identity_shows_surname_first_name_and_birth_date() {
        let who = Identity {
            patient_id: 1,
            surname: "Martin".into(),
            first_name: "Claire".into(),
            birth_date: NaiveDate::from_ymd_opt(1956, 3, 12).unwrap(),
        };
        assert_eq!(who.to_string(), "MARTIN Claire (12/03/1956)");
    }
}
