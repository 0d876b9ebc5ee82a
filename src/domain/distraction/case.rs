//! R-DO-1: what a distraction case records, and the checks on it.

use crate::domain::settings::Settings;
use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::worded::worded;

worded! {
    /// R-DO-1: where the bone is lengthened.
    Site {
        Femur = "femur", "rounds-site-femur";
        Tibia = "tibia", "rounds-site-tibia";
        Humerus = "humerus", "rounds-site-humerus";
        Mandible = "mandible", "rounds-site-mandible";
        Midface = "midface", "rounds-site-midface";
        Palate = "palate", "rounds-site-palate";
        Other = "other", "rounds-site-other";
    }
}

worded! {
    /// R-DO-1: the device that is turned.
    Device {
        CircularFrame = "circular_frame", "rounds-device-circular-frame";
        Hexapod = "hexapod", "rounds-device-hexapod";
        MonolateralRail = "monolateral_rail", "rounds-device-monolateral-rail";
        MotorisedNail = "motorised_nail", "rounds-device-motorised-nail";
        InternalCraniofacial = "internal_craniofacial", "rounds-device-internal-craniofacial";
        ExternalCraniofacial = "external_craniofacial", "rounds-device-external-craniofacial";
    }
}

impl Site {
    /// The jaw and face: a different latency, rhythm and rate limit, and the
    /// round measures mouth opening and occlusion instead of a joint.
    pub fn is_craniofacial(self) -> bool {
        matches!(self, Site::Mandible | Site::Midface | Site::Palate)
    }
}

/// The site defaults a new case starts from (R-DO-1), from the settings.
pub fn default_latency_days(site: Site, settings: &Settings) -> i64 {
    settings.integer(if site.is_craniofacial() { LATENCY_CRANIOFACIAL } else { LATENCY_LIMB })
}

/// R-DO-1: sessions a day, 4 for limbs and 2 craniofacial.
pub fn default_rhythm(site: Site, settings: &Settings) -> i64 {
    settings.integer(if site.is_craniofacial() { RHYTHM_CRANIOFACIAL } else { RHYTHM_LIMB })
}

pub const LATENCY_LIMB: &str = "do.latency_limb_days";
pub const LATENCY_CRANIOFACIAL: &str = "do.latency_craniofacial_days";
pub const RHYTHM_LIMB: &str = "do.rhythm_limb";
pub const RHYTHM_CRANIOFACIAL: &str = "do.rhythm_craniofacial";
pub const DEFAULT_RATE: &str = "do.rate_mm_day";
pub const MAX_RATE: &str = "do.max_rate_mm_day";

/// R-DO-1: a distraction case's prescription.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prescription {
    pub site: Site,
    pub device: Device,
    /// What one turn of the device lengthens, in mm (0.25 on a circular frame).
    pub mm_per_turn: f64,
    /// The ward day of the osteotomy.
    pub osteotomy_on: NaiveDate,
    /// Days between the osteotomy and the first turn.
    pub latency_days: u32,
    /// Lengthening a day, in mm/day; a whole number of turns.
    pub rate_mm_day: f64,
    /// Sessions a day (the rhythm).
    pub sessions_per_day: u32,
    /// The length to gain, in mm.
    pub target_mm: f64,
    /// How many pin sites are graded at each round (0 for a buried device).
    pub pins: u32,
    /// Where the pins are, in the surgeon's words (free text).
    pub pin_sites: String,
}

/// The widest values a prescription may hold; outside them it is a slip.
pub const MM_PER_TURN_RANGE: (f64, f64) = (0.05, 2.0);
pub const RATE_RANGE: (f64, f64) = (0.1, 3.0);
pub const TARGET_RANGE: (f64, f64) = (1.0, 300.0);
pub const MAX_SESSIONS: u32 = 12;
pub const MAX_LATENCY_DAYS: u32 = 30;
pub const MAX_PINS: u32 = 24;

/// How close a rate must come to a whole number of turns, in turns.
const WHOLE_TURN_SLACK: f64 = 1e-6;

/// Whole turns in `mm` for a device of `mm_per_turn`, if it is whole.
pub fn whole_turns(mm: f64, mm_per_turn: f64) -> Option<u32> {
    let turns = mm / mm_per_turn;
    let rounded = turns.round();
    ((turns - rounded).abs() < WHOLE_TURN_SLACK && rounded >= 0.0 && rounded <= f64::from(u32::MAX))
        .then_some(rounded as u32)
}

impl Prescription {
    /// The first day of turning (R-DO-2): osteotomy + latency.
    pub fn computed_start(&self) -> NaiveDate {
        self.osteotomy_on + chrono::Days::new(u64::from(self.latency_days))
    }

    /// Turns a day at `rate` (mm/day), if the rate is a whole number of turns.
    pub fn turns_per_day(&self, rate: f64) -> Option<u32> {
        whole_turns(rate, self.mm_per_turn)
    }

    /// The target in whole turns (a target between two turns rounds up: the
    /// last turn reaches it).
    pub fn target_turns(&self) -> u32 {
        (self.target_mm / self.mm_per_turn - WHOLE_TURN_SLACK).ceil().max(1.0) as u32
    }

    pub fn mm(&self, turns: u32) -> f64 {
        f64::from(turns) * self.mm_per_turn
    }

    /// R-DO-1: refuses a prescription that cannot be followed, naming the
    /// field, the cause and what to enter instead (in the language in
    /// force, numbers as it writes them).
    pub fn validate(&self) -> Result<(), String> {
        let in_range = |value: f64, (low, high): (f64, f64)| value.is_finite() && value >= low && value <= high;
        if !in_range(self.mm_per_turn, MM_PER_TURN_RANGE) {
            return Err(tr!(
                "prescription-mm-per-turn",
                min = MM_PER_TURN_RANGE.0,
                max = MM_PER_TURN_RANGE.1,
                value = self.mm_per_turn
            )
            .into_owned());
        }
        self.check_rate(self.rate_mm_day)?;
        if !in_range(self.target_mm, TARGET_RANGE) {
            return Err(tr!("prescription-target", min = TARGET_RANGE.0, max = TARGET_RANGE.1, value = self.target_mm)
                .into_owned());
        }
        // Found in use: 30.3 mm with 0.25 mm turns was planned to 30.5 mm;
        // the device reaches whole turns only, so the target is one.
        if whole_turns(self.target_mm, self.mm_per_turn).is_none() {
            let lower = (self.target_mm / self.mm_per_turn).floor() * self.mm_per_turn;
            let nearest = |mm: f64| (mm * 1000.0).round() / 1000.0;
            let (lower, upper) = (nearest(lower), nearest(lower + self.mm_per_turn));
            let choice = if lower < TARGET_RANGE.0 {
                tr!("prescription-use-one", value = upper)
            } else {
                tr!("prescription-use-either", lower = lower, upper = upper)
            };
            return Err(tr!(
                "prescription-target-turns",
                target = self.target_mm,
                turn = self.mm_per_turn,
                choice = choice
            )
            .into_owned());
        }
        if !(1..=MAX_SESSIONS).contains(&self.sessions_per_day) {
            return Err(tr!("prescription-rhythm", max = MAX_SESSIONS, value = self.sessions_per_day).into_owned());
        }
        if self.latency_days > MAX_LATENCY_DAYS {
            return Err(tr!("prescription-latency", max = MAX_LATENCY_DAYS, value = self.latency_days).into_owned());
        }
        if self.pins > MAX_PINS {
            return Err(tr!("prescription-pins", max = MAX_PINS, value = self.pins).into_owned());
        }
        Ok(())
    }

    /// A rate (mm/day) must be in range and a whole number of the device's turns.
    pub fn check_rate(&self, rate: f64) -> Result<(), String> {
        if !(rate.is_finite() && rate >= RATE_RANGE.0 && rate <= RATE_RANGE.1) {
            return Err(tr!("prescription-rate", min = RATE_RANGE.0, max = RATE_RANGE.1, value = rate).into_owned());
        }
        if self.turns_per_day(rate).is_none_or(|t| t == 0) {
            let lower = (rate / self.mm_per_turn).floor().max(1.0) * self.mm_per_turn;
            return Err(tr!(
                "prescription-rate-turns",
                rate = rate,
                turn = self.mm_per_turn,
                lower = lower,
                upper = lower + self.mm_per_turn
            )
            .into_owned());
        }
        Ok(())
    }

    /// R-DO-3: a rate above `do.max_rate_mm_day` on a limb is warned (poor
    /// regenerate risk rises about ninefold). Craniofacial rates are not held
    /// to the limb limit.
    pub fn rate_warning(&self, rate: f64, settings: &Settings) -> Option<String> {
        (!self.site.is_craniofacial() && rate > settings.number(MAX_RATE)).then(|| {
            tr!("rounds-alert-rate", rate = super::alerts::fmt_mm(rate), setting = settings.cite(MAX_RATE)).into_owned()
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    /// A tibia on a circular frame: 0.25 mm a turn, 1 mm/day in 4 sessions, 20 mm.
    pub fn tibia() -> Prescription {
        Prescription {
            site: Site::Tibia,
            device: Device::CircularFrame,
            mm_per_turn: 0.25,
            osteotomy_on: d(11, 1),
            latency_days: 7,
            rate_mm_day: 1.0,
            sessions_per_day: 4,
            target_mm: 20.0,
            pins: 6,
            pin_sites: "proximal 1-3, distal 4-6".into(),
        }
    }

    #[test]
    fn r_do_1_codes_round_trip_and_defaults_follow_the_site() {
        for s in Site::ALL {
            assert_eq!(Site::from_code(s.code()), Some(*s));
        }
        for dv in Device::ALL {
            assert_eq!(Device::from_code(dv.code()), Some(*dv));
        }
        let settings = Settings::default();
        assert_eq!(default_latency_days(Site::Tibia, &settings), 7);
        assert_eq!(default_rhythm(Site::Tibia, &settings), 4);
        assert_eq!(default_rhythm(Site::Mandible, &settings), 2);
        assert!(default_latency_days(Site::Mandible, &settings) <= 5);
    }

    #[test]
    fn r_do_1_a_prescription_that_cannot_be_followed_is_refused() {
        assert_eq!(tibia().validate(), Ok(()));
        let odd = Prescription { rate_mm_day: 0.3, ..tibia() };
        assert_eq!(
            odd.validate().unwrap_err(),
            "a rate of 0.3 mm/day is not a whole number of 0.25 mm turns; use 0.25 or 0.5 mm/day"
        );
        assert!(Prescription { sessions_per_day: 0, ..tibia() }.validate().is_err());
        assert!(Prescription { target_mm: f64::NAN, ..tibia() }.validate().is_err());
        assert!(Prescription { mm_per_turn: 0.0, ..tibia() }.validate().is_err());
        assert!(Prescription { latency_days: 90, ..tibia() }.validate().is_err());
    }

    #[test]
    fn r_do_1_a_target_between_two_turns_is_refused_naming_the_nearest() {
        assert_eq!(
            Prescription { target_mm: 30.3, ..tibia() }.validate().unwrap_err(),
            "a target of 30.3 mm is not a whole number of 0.25 mm turns (the device lengthens by whole turns); \
             use 30.25 or 30.5 mm"
        );
        let jaw = Prescription { mm_per_turn: 0.5, rate_mm_day: 1.0, target_mm: 12.2, ..tibia() };
        assert!(jaw.validate().unwrap_err().ends_with("use 12 or 12.5 mm"));
        assert_eq!(Prescription { target_mm: 30.25, ..tibia() }.validate(), Ok(()));
        let tenth = Prescription { mm_per_turn: 0.1, rate_mm_day: 1.0, target_mm: 30.3, ..tibia() };
        assert_eq!(tenth.validate(), Ok(()), "30.3 is 303 turns of 0.1 mm");
    }

    /// Issue 14: a refusal in French, its numbers with a decimal comma.
    #[test]
    fn r_do_1_a_refused_prescription_is_said_in_french() {
        let _fr = crate::i18n::scope(crate::domain::language::Language::Fr);
        let refused = |p: Prescription| p.validate().unwrap_err();
        assert_eq!(
            refused(Prescription { rate_mm_day: 0.3, ..tibia() }),
            "une vitesse de 0,3 mm/j n'est pas un nombre entier de tours de 0,25 mm\u{a0}; prenez 0,25 ou 0,5 mm/j"
        );
        assert_eq!(
            refused(Prescription { target_mm: 30.3, ..tibia() }),
            "une cible de 30,3 mm n'est pas un nombre entier de tours de 0,25 mm (le dispositif allonge par \
             tours entiers)\u{a0}; prenez 30,25 ou 30,5 mm"
        );
        let small = Prescription { mm_per_turn: 2.0, rate_mm_day: 2.0, target_mm: 1.5, ..tibia() };
        assert!(refused(small).ends_with("prenez 2 mm"));
        assert_eq!(
            refused(Prescription { mm_per_turn: 0.0, ..tibia() }),
            "les mm par tour vont de 0,05 à 2 mm (0,25 sur un cadre circulaire), pas 0"
        );
        assert_eq!(refused(Prescription { rate_mm_day: 5.0, ..tibia() }), "la vitesse va de 0,1 à 3 mm/j, pas 5");
        assert_eq!(
            refused(Prescription { target_mm: 400.0, ..tibia() }),
            "la longueur cible va de 1 à 300 mm, pas 400"
        );
        assert_eq!(
            refused(Prescription { sessions_per_day: 0, ..tibia() }),
            "le nombre de séances va de 1 à 12 par jour, pas 0"
        );
        assert_eq!(refused(Prescription { latency_days: 90, ..tibia() }), "la latence va de 0 à 30 jours, pas 90");
        assert_eq!(refused(Prescription { pins: 30, ..tibia() }), "un cadre a de 0 à 24 fiches à coter, pas 30");
    }

    #[test]
    fn r_do_3_a_limb_rate_above_the_limit_is_warned_and_a_jaw_is_not() {
        let settings = Settings::default();
        assert_eq!(tibia().rate_warning(1.5, &settings), None);
        let w = tibia().rate_warning(1.75, &settings).unwrap();
        assert!(w.starts_with("RATE HIGH: 1.75 mm/day is above do.max_rate_mm_day=1.5 mm/day"), "{w}");
        let jaw = Prescription { site: Site::Mandible, mm_per_turn: 0.5, ..tibia() };
        assert_eq!(jaw.rate_warning(2.0, &settings), None);
    }

    #[test]
    fn r_do_2_start_and_turns() {
        let p = tibia();
        assert_eq!(p.computed_start(), d(11, 8));
        assert_eq!(p.turns_per_day(1.0), Some(4));
        assert_eq!(p.target_turns(), 80);
        assert_eq!(Prescription { target_mm: 20.1, ..tibia() }.target_turns(), 81);
    }
}
