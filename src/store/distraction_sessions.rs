//! R-DO-5: the sessions of turns of a distraction case, at the store's
//! door: recorded once each (UNIQUE case, day, session), on the ward, by
//! phone, or late for a day gone by; and a recorded session's turns
//! corrected when they were mistyped or misheard. A session is never
//! voided: the day, its number and that it happened stand; only its count
//! is corrected, through the one audited write path, against the version
//! the nurse saw (R-AUDIT-2), so the audit keeps both counts.

use super::Store;
use super::db::OptionalExtension;
use super::distraction::{DistractionCase, invalid_case, loaded};
use super::error::{Result, instant_text};
use super::table::Table;
use super::write::WriteTx;
use crate::domain::distraction::round;
use crate::domain::ward_time;
use chrono::{DateTime, NaiveDate, Utc};

/// A session of turns to record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionEntry {
    /// 1-based.
    pub session: u32,
    pub turns: u32,
    pub by_phone: bool,
}

/// The turns of a session already recorded, corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionCorrection {
    /// 1-based.
    pub session: u32,
    /// The turns made, as they should have been recorded.
    pub turns: u32,
    /// The record's version as seen when the correction was typed.
    pub version: i64,
}

/// A correction made: the session and its turns before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corrected {
    pub session: u32,
    pub from: u32,
    pub to: u32,
}

impl Store {
    /// R-DO-5: records sessions of `day` without a round (turns reported by
    /// phone, or a session between rounds; a day gone by's reported late).
    pub fn record_sessions(
        &mut self,
        now: DateTime<Utc>,
        case_id: i64,
        day: NaiveDate,
        sessions: &[SessionEntry],
    ) -> Result<()> {
        self.write(now, |tx| record(tx, case_id, day, sessions))
    }

    /// R-DO-5: corrects the turns of sessions of `day` already recorded.
    pub fn correct_sessions(
        &mut self,
        now: DateTime<Utc>,
        case_id: i64,
        day: NaiveDate,
        corrections: &[SessionCorrection],
    ) -> Result<Vec<Corrected>> {
        self.write(now, |tx| correct(tx, case_id, day, corrections))
    }
}

/// `today` or `21/11/2026`, as a refusal names a session's day.
fn day_words(tx: &WriteTx<'_>, day: NaiveDate) -> String {
    if day == ward_time::local_day(tx.at(), tx.zone()) {
        tr!("day-today").into_owned()
    } else {
        day.format("%d/%m/%Y").to_string()
    }
}

/// R-DO-5: sessions of `day` without a round: an outpatient's turns
/// reported by phone, a session between rounds, or a day gone by's turns
/// reported late. Refused for a day to come (turns are recorded once made)
/// and for a day before the osteotomy.
pub fn record(tx: &mut WriteTx<'_>, case_id: i64, day: NaiveDate, sessions: &[SessionEntry]) -> Result<()> {
    let case = loaded(tx, case_id)?;
    let today = ward_time::local_day(tx.at(), tx.zone());
    if day > today {
        return Err(invalid_case(
            case_id,
            tr!("store-sessions-to-come", day = day.format("%d/%m/%Y").to_string()).into_owned(),
        ));
    }
    let osteotomy_on = case.prescription.osteotomy_on;
    if day < osteotomy_on {
        return Err(invalid_case(
            case_id,
            tr!(
                "store-sessions-before-osteotomy",
                day = day.format("%d/%m/%Y").to_string(),
                osteotomy = osteotomy_on.format("%d/%m/%Y").to_string()
            )
            .into_owned(),
        ));
    }
    crate::domain::stay_order::on_or_after_birth(
        crate::domain::stay_order::Event::Session,
        day,
        case.patient.birth_date,
    )
    .map_err(|f| super::stay_order::refused(&tr!("store-the-sessions"), &[f], tx.zone()))?;
    record_of(tx, &case, day, sessions)
}

/// Records `sessions` of `day`, each once (a second record of a session is
/// refused, naming when the first was made and how to correct it).
pub(super) fn record_of(
    tx: &mut WriteTx<'_>,
    case: &DistractionCase,
    day: NaiveDate,
    sessions: &[SessionEntry],
) -> Result<()> {
    let (case_id, p) = (case.id, &case.prescription);
    let refuse = |why: String| invalid_case(case_id, tr!("store-rule", why = why, rule = "R-DO-5").into_owned());
    let at = instant_text(tx.at());
    let of_day = day_words(tx, day);
    for s in sessions {
        round::check_turns(s.session, p.sessions_per_day, s.turns).map_err(refuse)?;
        if let Some(done) = case.sessions.iter().find(|d| d.day == day && d.session == s.session) {
            let done_at = ward_time::clock_text(done.done_at, tx.zone());
            let said = tr!("store-session-already-recorded", session = s.session, day = of_day.as_str(), at = done_at);
            return Err(refuse(said.into_owned()));
        }
        if sessions.iter().filter(|o| o.session == s.session).count() > 1 {
            return Err(refuse(tr!("store-session-twice", session = s.session).into_owned()));
        }
        tx.insert(
            Table::DistractionSessions,
            &[
                ("case_id", &case_id),
                ("day", &day.to_string()),
                ("session", &s.session),
                ("turns", &s.turns),
                ("done_at", &at),
                ("by_phone", &s.by_phone),
            ],
        )?;
    }
    Ok(())
}

/// R-DO-5: the turns of recorded sessions of `day` corrected, each against
/// the version seen (someone else's change in between is a conflict naming
/// them, R-AUDIT-2). A correction to the same count changes nothing and is
/// left out. Refused: a session not recorded (record it instead), a count
/// the session cannot have.
pub fn correct(
    tx: &mut WriteTx<'_>,
    case_id: i64,
    day: NaiveDate,
    corrections: &[SessionCorrection],
) -> Result<Vec<Corrected>> {
    let case = loaded(tx, case_id)?;
    let refuse = |why: String| invalid_case(case_id, tr!("store-rule", why = why, rule = "R-DO-5").into_owned());
    let mut done = Vec::new();
    for c in corrections {
        round::check_turns(c.session, case.prescription.sessions_per_day, c.turns).map_err(refuse)?;
        let found: Option<(i64, u32)> = tx
            .conn()
            .query_row(
                "SELECT id, turns FROM distraction_sessions WHERE case_id = ?1 AND day = ?2 AND session = ?3",
                super::db::params![case_id, day.to_string(), c.session],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((id, from)) = found else {
            let said = tr!("store-session-not-recorded", session = c.session, day = day_words(tx, day));
            return Err(refuse(said.into_owned()));
        };
        if from == c.turns {
            continue;
        }
        tx.update(Table::DistractionSessions, id, c.version, &[("turns", &c.turns)])?;
        done.push(Corrected { session: c.session, from, to: c.turns });
    }
    Ok(done)
}
