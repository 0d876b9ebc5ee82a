//! What a ward is made of, and what makes an entry sensible: rooms with a
//! kind and opening hours (R-BLOCK-1), procedure kinds with a duration
//! (R-BLOCK-2), beds with a label. Checked here once, for the commands,
//! `periop setup --from ward.toml` and the Admin tab alike.

use chrono::NaiveTime;

/// R-BLOCK-1: what a room can image with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomKind {
    Ct,
    CtFluoro,
    AngioFluoro,
}

impl RoomKind {
    pub const ALL: [RoomKind; 3] = [RoomKind::Ct, RoomKind::CtFluoro, RoomKind::AngioFluoro];

    pub fn code(self) -> &'static str {
        match self {
            RoomKind::Ct => "ct",
            RoomKind::CtFluoro => "ct_fluoro",
            RoomKind::AngioFluoro => "angio_fluoro",
        }
    }

    /// The kind in the language in force (`CT + fluoroscopy`).
    pub fn label(self) -> std::borrow::Cow<'static, str> {
        match self {
            RoomKind::Ct => tr!("admin-room-kind-ct"),
            RoomKind::CtFluoro => tr!("admin-room-kind-ct-fluoro"),
            RoomKind::AngioFluoro => tr!("admin-room-kind-angio-fluoro"),
        }
    }

    pub fn from_code(code: &str) -> Option<RoomKind> {
        RoomKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Every code, for messages: `ct, ct_fluoro, angio_fluoro`.
    pub fn codes() -> String {
        RoomKind::ALL.map(RoomKind::code).join(", ")
    }
}

/// R-BLOCK-1: opening hours `HH:MM`–`HH:MM` in ward time, opening before
/// closing (a room is not booked across midnight: 23:59 at the latest, and
/// `24:00` is answered with that). Returns both times, or the field at fault
/// (`opens` or `closes`, as the ward file and the flags name it) and what is
/// wrong with it.
pub fn opening_hours(opens: &str, closes: &str) -> Result<(NaiveTime, NaiveTime), (&'static str, String)> {
    let parse = |text: &str, opening: bool| {
        let shown = format!("{text:?}");
        if matches!(text.trim(), "24:00" | "24h00" | "24h" | "24H00" | "24H") {
            let why = if opening {
                tr!("admin-opens-midnight", time = shown)
            } else {
                tr!("admin-closes-midnight", time = shown)
            };
            return Err(why.into_owned());
        }
        super::ward_time::parse_time_of_day(text).ok_or_else(|| {
            if opening {
                tr!("admin-opens-not-a-time", time = shown)
            } else {
                tr!("admin-closes-not-a-time", time = shown)
            }
            .into_owned()
        })
    };
    let open = parse(opens, true).map_err(|why| ("opens", why))?;
    let close = parse(closes, false).map_err(|why| ("closes", why))?;
    if open >= close {
        return Err(("closes", tr!("admin-opens-after-closing", opens = opens, closes = closes).into_owned()));
    }
    Ok((open, close))
}

/// R-BLOCK-2: the shortest and longest default duration a procedure kind may
/// have, in minutes (a site books longer sessions case by case).
pub const MINUTES_RANGE: (i64, i64) = (5, 720);

/// R-BLOCK-2: a procedure kind's default duration, in minutes.
pub fn duration(minutes: i64) -> Result<i64, String> {
    let (min, max) = MINUTES_RANGE;
    if (min..=max).contains(&minutes) {
        Ok(minutes)
    } else {
        Err(tr!("admin-minutes-outside", minutes = minutes.to_string(), min = min.to_string(), max = max.to_string())
            .into_owned())
    }
}

/// A code for a procedure kind: lower-case letters, digits and `_`.
pub fn code(text: &str) -> Result<String, String> {
    let text = text.trim();
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        Ok(text.to_string())
    } else {
        Err(tr!("admin-code-letters", code = format!("{text:?}")).into_owned())
    }
}

/// A label, a name: not empty, at most 60 characters, no control characters
/// or direction marks ([`crate::domain::names::is_unsafe`]).
pub fn label(text: &str, what: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(tr!("admin-label-empty", what = what).into_owned());
    }
    if text.chars().count() > 60 || text.chars().any(crate::domain::names::is_unsafe) {
        return Err(tr!("admin-label-too-long", what = what, text = format!("{text:?}")).into_owned());
    }
    Ok(crate::domain::names::stored(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_block_1_rooms_have_a_kind_and_open_before_they_close() {
        assert_eq!(RoomKind::from_code("ct_fluoro"), Some(RoomKind::CtFluoro));
        assert_eq!(RoomKind::from_code("mri"), None);
        assert!(opening_hours("08:00", "18:00").is_ok());
        assert!(opening_hours("18:00", "08:00").unwrap_err().1.contains("must open before it closes"));
        assert!(opening_hours("8.00", "18:00").unwrap_err().1.contains("not a time"));
        // Typed as a French nurse does (issue 14): the one reader of times.
        assert_eq!(opening_hours("8h", "18h30"), opening_hours("08:00", "18:30"));
        // The field at fault, whatever the language (a ward file points at its line).
        assert_eq!(opening_hours("18:00", "08:00").unwrap_err().0, "closes");
        assert_eq!(opening_hours("8.00", "8.00").unwrap_err().0, "opens");
        assert_eq!(opening_hours("08:00", "24:00").unwrap_err().0, "closes");
    }

    /// Found in use (#8): `--closes 24:00` was refused as "not a time",
    /// though the help said HH:MM; help and error now both say 23:59.
    #[test]
    fn r_block_1_a_room_open_until_midnight_closes_at_23_59() {
        assert!(opening_hours("08:00", "24:00").unwrap_err().1.contains("write 23:59"));
        assert!(opening_hours("08:00", "23:59").is_ok());
    }

    /// Found in use (#8): a staff name of 300 characters or holding a Tab
    /// was accepted; every name and label takes this one check.
    #[test]
    fn a_label_is_one_line_of_at_most_60_characters() {
        assert!(label(&"x".repeat(61), "the display name").unwrap_err().contains("at most 60 characters"));
        assert!(label("Dr\tSame", "the display name").is_err());
        assert_eq!(label("  Dr   Same ", "the display name").as_deref(), Ok("Dr Same"));
    }

    #[test]
    fn ward_setup_words_are_french_in_french() {
        let english = [RoomKind::Ct, RoomKind::CtFluoro, RoomKind::AngioFluoro].map(|k| k.label().into_owned());
        let _french = crate::i18n::scope(crate::domain::language::Language::Fr);
        for (kind, english) in RoomKind::ALL.into_iter().zip(english) {
            let french = kind.label();
            assert!(!french.is_empty() && french != english, "{kind:?}: {french}");
        }
        assert!(opening_hours("18:00", "08:00").unwrap_err().1.contains("doit ouvrir avant"));
        assert!(duration(721).unwrap_err().contains("hors de 5 à 720"));
    }

    #[test]
    fn r_block_2_durations_stay_within_a_session() {
        assert_eq!(duration(90), Ok(90));
        assert!(duration(0).is_err());
        assert!(duration(721).unwrap_err().contains("5 to 720"));
        assert!(code("Vertebro plasty").is_err());
        assert_eq!(code("biopsy_2").as_deref(), Ok("biopsy_2"));
        assert!(label("", "label").is_err());
    }
}
