//! R-DO-5: the session fields of the round form, and the turns form (`t`):
//! the sessions of a day without a round (a phone report, a session between
//! rounds; on a day gone by, turns reported late), and the turns of a
//! session already recorded, corrected when they were mistyped or misheard.

use super::rounds::RoundsRequest;
use super::{OpenForm, Purpose, Request};
use crate::app::form::{Field, Form};
use crate::domain::day_label::day_text;
use crate::domain::distraction::round::MAX_TURNS_A_SESSION;
use crate::domain::ward_time;
use crate::store::distraction::{RoundsRow, SessionCorrection, SessionEntry};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::borrow::Cow;

const SESSION_KEYS: [&str; 12] = ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12"];

/// `Session 3 turns`: the field of session `n` (1-based).
fn session_label(n: usize) -> Cow<'static, str> {
    tr!("rounds-field-session", session = n)
}

/// `Session 3 turns (recorded)`: a session already recorded, its turns as stored, to correct.
fn recorded_label(n: usize) -> Cow<'static, str> {
    tr!("rounds-field-session-recorded", session = n)
}

/// A recorded session the form offers to correct: its number, its turns
/// and the version of its record as seen (R-AUDIT-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub session: u32,
    pub turns: u32,
    pub version: i64,
}

/// R-DO-5: the sessions of `day` (today or a day gone by) not yet recorded,
/// then the phone flag (set for an outpatient); empty when every session of
/// the day is recorded. Today's sessions already due are filled with the
/// plan's turns; a day gone by's are left empty, for the turns reported
/// late to be typed, never assumed.
pub(super) fn session_fields(row: &RoundsRow, day: NaiveDate, now: DateTime<Utc>, zone: Tz) -> Vec<Field> {
    let case = &row.case;
    let today = ward_time::local_day(now, zone);
    let mut fields = Vec::new();
    for &(n, turns, due) in &row.status.due_today {
        let i = (n as usize).saturating_sub(1);
        if i >= SESSION_KEYS.len() || case.sessions.iter().any(|s| s.day == day && s.session == n) {
            continue;
        }
        let field = Field::whole(SESSION_KEYS[i], session_label(i + 1), 0, MAX_TURNS_A_SESSION).optional();
        fields.push(if day == today && due <= now { field.with(turns.to_string()) } else { field });
    }
    if !fields.is_empty() {
        fields.push(Field::flag("phone", tr!("rounds-field-by-phone")).with(if case.outpatient {
            "yes"
        } else {
            "no"
        }));
    }
    fields
}

/// The sessions of `day` already recorded, each with its turns as stored
/// to correct (in session order), and what the form saw of them.
fn recorded_fields(row: &RoundsRow, day: NaiveDate) -> (Vec<Field>, Vec<Seen>) {
    let mut fields = Vec::new();
    let mut seen = Vec::new();
    for s in row.case.sessions.iter().filter(|s| s.day == day) {
        let i = (s.session as usize).saturating_sub(1);
        if i >= SESSION_KEYS.len() {
            continue;
        }
        fields.push(
            Field::whole(SESSION_KEYS[i], recorded_label(i + 1), 0, MAX_TURNS_A_SESSION).with(s.turns.to_string()),
        );
        seen.push(Seen { session: s.session, turns: s.turns, version: s.version });
    }
    (fields, seen)
}

/// R-DO-5: the turns form of `day` (`row` is the sheet of that day): the
/// sessions not yet recorded, then those recorded, to correct; `None` when
/// the day has no session to record or correct.
pub fn turns(row: &RoundsRow, day: NaiveDate, now: DateTime<Utc>, zone: Tz, who: &str) -> Option<OpenForm> {
    let mut fields = session_fields(row, day, now, zone);
    let (recorded, seen) = recorded_fields(row, day);
    if fields.is_empty() && recorded.is_empty() {
        return None;
    }
    fields.extend(recorded);
    let site = row.case.prescription.site.label();
    let title = if day == ward_time::local_day(now, zone) {
        tr!("rounds-turns-title", site = site)
    } else {
        tr!("rounds-turns-title-late", day = day_text(day), site = site)
    };
    let subtitle =
        if seen.is_empty() { who.to_string() } else { format!("{who} · {}", tr!("rounds-turns-to-correct")) };
    let form = Form::new(title, fields).with_subtitle(subtitle);
    Some(OpenForm::new(form, Purpose::Turns { case_id: row.case.id, day, seen }, who))
}

pub(super) fn turns_request(
    form: &Form,
    case_id: i64,
    day: NaiveDate,
    seen: &[Seen],
    who: String,
) -> Result<Request, String> {
    let mut sessions = Vec::new();
    let mut corrections = Vec::new();
    for entry in sessions_typed(form)? {
        match seen.iter().find(|s| s.session == entry.session) {
            // A recorded session's field is required: it stays recorded.
            Some(s) if s.turns == entry.turns => {}
            Some(s) => {
                corrections.push(SessionCorrection { session: s.session, turns: entry.turns, version: s.version })
            }
            None => sessions.push(entry),
        }
    }
    if sessions.is_empty() && corrections.is_empty() {
        return Err(
            if seen.is_empty() { tr!("rounds-turns-none") } else { tr!("rounds-turns-none-or-correct") }.into_owned()
        );
    }
    Ok(Request::Rounds(RoundsRequest::Sessions { case_id, day, sessions, corrections, who }))
}

/// R-AUDIT-2, after a conflict: the sessions as stored now (`rows`, the
/// sheet read again). The form takes their versions (the user has now seen
/// the other save), keeps the typing, and shows beside a field what is
/// stored now where it differs.
pub fn refresh(open: &mut OpenForm, rows: &[RoundsRow]) {
    let Purpose::Turns { case_id, day, seen } = &mut open.purpose else { return };
    let Some(row) = rows.iter().find(|r| r.case.id == *case_id) else { return };
    for s in seen.iter_mut() {
        if let Some(d) = row.case.sessions.iter().find(|d| d.day == *day && d.session == s.session) {
            (s.turns, s.version) = (d.turns, d.version);
        }
    }
    open.stale = false;
    open.form.theirs = seen
        .iter()
        .filter_map(|s| {
            let key = SESSION_KEYS.get((s.session as usize).checked_sub(1)?)?;
            (open.form.value(key) != s.turns.to_string()).then(|| (*key, s.turns.to_string()))
        })
        .collect();
}

/// The sessions typed (an empty field is not recorded), with the phone flag.
pub(super) fn sessions_typed(form: &Form) -> Result<Vec<SessionEntry>, String> {
    let mut sessions = Vec::new();
    let by_phone = form.value("phone") == "yes";
    for (i, key) in SESSION_KEYS.iter().enumerate() {
        if let Some(turns) = form.whole::<u32>(key).map_err(|e| crate::i18n::labelled(&session_label(i + 1), &e))? {
            sessions.push(SessionEntry { session: i as u32 + 1, turns, by_phone });
        }
    }
    Ok(sessions)
}
