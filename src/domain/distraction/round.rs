//! R-DO-5: the daily round of a patient in distraction, and the sessions of
//! turns recorded with it (on the ward, or reported by phone from home).

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

crate::domain::worded::worded! {
    /// R-DO-5: sensation below the device.
    Sensation {
        Normal = "normal", "rounds-sensation-normal";
        Reduced = "reduced", "rounds-sensation-reduced";
        Absent = "absent", "rounds-sensation-absent";
    }
}

crate::domain::worded::worded! {
    /// R-DO-5: motor function below the device.
    Motor {
        Normal = "normal", "rounds-motor-normal";
        Weak = "weak", "rounds-motor-weak";
        Absent = "absent", "rounds-motor-absent";
    }
}

crate::domain::worded::worded! {
    /// R-DO-5: colour and capillary refill.
    Colour {
        Normal = "normal", "rounds-colour-normal";
        Pale = "pale", "rounds-colour-pale";
        Dusky = "dusky", "rounds-colour-dusky";
    }
}

impl Sensation {
    /// 0 normal, higher is worse: a rise is a new deficit (R-DO-6).
    pub fn severity(self) -> u8 {
        self as u8
    }
}

impl Motor {
    pub fn severity(self) -> u8 {
        self as u8
    }
}

/// R-DO-5: one session of turns as recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionDone {
    /// The ward day the session belongs to.
    pub day: NaiveDate,
    /// 1-based, as the plan numbers them.
    pub session: u32,
    /// Turns made (mm = turns × the device's mm per turn).
    pub turns: u32,
    pub done_at: DateTime<Utc>,
    /// Reported by phone by an outpatient turning at home.
    pub by_phone: bool,
    /// The record's version: above 1 once its turns were corrected.
    pub version: i64,
}

impl SessionDone {
    /// R-DO-5: its turns were corrected after it was recorded (a session is
    /// only ever changed that way).
    pub fn corrected(&self) -> bool {
        self.version > 1
    }
}

/// R-DO-5: one round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Round {
    pub at: DateTime<Utc>,
    /// 0 (none) to 10 (worst imaginable).
    pub pain: u8,
    pub sensation: Sensation,
    pub motor: Motor,
    pub colour: Colour,
    /// The joint's range of motion, in degrees (limbs).
    pub rom_deg: Option<u16>,
    /// Mouth opening, in mm (jaw).
    pub mouth_opening_mm: Option<u16>,
    /// Occlusion as it should be (jaw).
    pub occlusion_ok: Option<bool>,
    /// Temperature, in °C.
    pub temperature_c: Option<f64>,
    /// Checketts–Otterburn grade of each pin site, pin 1 first: 0 none, 1–3
    /// minor, 4–6 major.
    pub pin_grades: Vec<u8>,
    pub pin_care_done: bool,
    pub note: String,
}

pub const MAX_PAIN: u8 = 10;
pub const MAX_PIN_GRADE: u8 = 6;
pub const MAX_ROM_DEG: u16 = 180;
pub const MAX_MOUTH_OPENING_MM: u16 = 80;
/// Temperatures a thermometer on a living patient reads, in °C.
pub const TEMPERATURE_RANGE: (f64, f64) = (30.0, 44.0);
/// More turns than this in one session is a slip.
pub const MAX_TURNS_A_SESSION: u32 = 40;

impl Round {
    /// R-DO-5: refuses a value out of range, naming the field and the range.
    pub fn validate(&self, pins: u32) -> Result<(), String> {
        if self.pain > MAX_PAIN {
            return Err(tr!("rounds-check-pain", max = MAX_PAIN, value = self.pain).into_owned());
        }
        if let Some(rom) = self.rom_deg.filter(|r| *r > MAX_ROM_DEG) {
            return Err(tr!("rounds-check-rom", max = MAX_ROM_DEG, value = rom).into_owned());
        }
        if let Some(mm) = self.mouth_opening_mm.filter(|m| *m > MAX_MOUTH_OPENING_MM) {
            return Err(tr!("rounds-check-mouth", max = MAX_MOUTH_OPENING_MM, value = mm).into_owned());
        }
        if let Some(t) =
            self.temperature_c.filter(|t| !(t.is_finite() && (TEMPERATURE_RANGE.0..=TEMPERATURE_RANGE.1).contains(t)))
        {
            return Err(tr!(
                "rounds-check-temperature",
                min = TEMPERATURE_RANGE.0,
                max = TEMPERATURE_RANGE.1,
                value = t
            )
            .into_owned());
        }
        if let Some((i, g)) = self.pin_grades.iter().enumerate().find(|(_, g)| **g > MAX_PIN_GRADE) {
            return Err(tr!("rounds-check-pin", pin = i + 1, max = MAX_PIN_GRADE, value = *g).into_owned());
        }
        if self.pin_grades.len() != pins as usize {
            return Err(tr!("rounds-check-pins", pins = pins, given = self.pin_grades.len()).into_owned());
        }
        Ok(())
    }

    /// The worst pin grade and the pin (1-based) that has it.
    pub fn worst_pin(&self) -> Option<(u32, u8)> {
        self.pin_grades
            .iter()
            .enumerate()
            .max_by_key(|(i, g)| (**g, std::cmp::Reverse(*i)))
            .map(|(i, g)| (i as u32 + 1, *g))
    }
}

/// Each pin site's grades over the last `rounds` rounds, oldest first, for
/// the pins graded above 0 at any of them: a trend reads faster than a table.
pub fn pin_trends(history: &[Round], rounds: usize) -> Vec<(u32, Vec<u8>)> {
    let recent = &history[history.len().saturating_sub(rounds)..];
    let pins = recent.iter().map(|r| r.pin_grades.len()).max().unwrap_or(0);
    (0..pins)
        .map(|i| (i as u32 + 1, recent.iter().filter_map(|r| r.pin_grades.get(i).copied()).collect::<Vec<_>>()))
        .filter(|(_, grades)| grades.iter().any(|g| *g > 0))
        .collect()
}

/// R-DO-5: the turns of one session must be a plausible count.
pub fn check_turns(session: u32, sessions_per_day: u32, turns: u32) -> Result<(), String> {
    if session == 0 || session > sessions_per_day {
        return Err(tr!("rounds-check-session", session = session, rhythm = sessions_per_day).into_owned());
    }
    if turns > MAX_TURNS_A_SESSION {
        return Err(tr!("rounds-check-turns", turns = turns, max = MAX_TURNS_A_SESSION).into_owned());
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn round(pain: u8, grades: &[u8]) -> Round {
        Round {
            at: DateTime::parse_from_rfc3339("2026-11-12T09:00:00Z").unwrap().with_timezone(&Utc),
            pain,
            sensation: Sensation::Normal,
            motor: Motor::Normal,
            colour: Colour::Normal,
            rom_deg: Some(110),
            mouth_opening_mm: None,
            occlusion_ok: None,
            temperature_c: Some(37.0),
            pin_grades: grades.to_vec(),
            pin_care_done: true,
            note: String::new(),
        }
    }

    #[test]
    fn r_do_5_out_of_range_values_are_refused_with_a_message() {
        assert_eq!(round(2, &[0, 1]).validate(2), Ok(()));
        assert_eq!(round(11, &[0, 1]).validate(2).unwrap_err(), "pain is scored 0 to 10, not 11");
        assert_eq!(round(2, &[0, 7]).validate(2).unwrap_err(), "pin 2 grade is 0 to 6 (Checketts–Otterburn), not 7");
        assert!(round(2, &[0]).validate(2).is_err());
        let hot = Round { temperature_c: Some(45.0), ..round(2, &[]) };
        assert_eq!(hot.validate(0).unwrap_err(), "temperature is 30 to 44 °C, not 45");
        assert!(Round { rom_deg: Some(200), ..round(2, &[]) }.validate(0).is_err());
        assert!(check_turns(5, 4, 1).is_err());
        assert!(check_turns(1, 4, 1).is_ok());
        assert!(check_turns(1, 4, 100).is_err());
    }

    #[test]
    fn r_do_5_pin_trends_show_the_pins_that_were_ever_graded_above_0() {
        let history = [round(0, &[0, 0, 1]), round(0, &[0, 1, 2]), round(0, &[0, 0, 3])];
        assert_eq!(pin_trends(&history, 5), vec![(2, vec![0, 1, 0]), (3, vec![1, 2, 3])]);
        assert_eq!(pin_trends(&history, 1), vec![(3, vec![3])]);
        assert!(pin_trends(&[], 5).is_empty());
    }

    #[test]
    fn r_do_5_the_worst_pin_is_the_first_with_the_highest_grade() {
        assert_eq!(round(0, &[1, 3, 3, 0]).worst_pin(), Some((2, 3)));
        assert_eq!(round(0, &[]).worst_pin(), None);
    }
}
