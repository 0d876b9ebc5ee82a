//! The J0 timeline (R-BLOCK-6): the form that corrects an event's time, or
//! voids one recorded by mistake. Recording the next event now is one key,
//! with no form.

use super::{OpenForm, Purpose, Request};
use crate::app::form::{Choice, Field, Form, parse_date, parse_time_reading};
use crate::domain::block_timeline::{EventKind, TimelineEvent};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

/// What the timeline keys and form ask the store to do.
#[derive(Debug, Clone, PartialEq)]
pub enum TimelineRequest {
    /// The next event, now: `expected` is the one the screen showed as
    /// next, so a timeline changed meanwhile is a conflict (R-AUDIT-2).
    Next { case_id: i64, expected: EventKind, who: String },
    /// An event's time corrected (the row is voided, a new one recorded).
    /// `reading`: the one asked for when the time occurs twice (the autumn
    /// clock change); `None` tries the first, then the second if the order
    /// check refuses the first.
    Correct {
        event_id: i64,
        version: i64,
        day: NaiveDate,
        time: NaiveTime,
        reading: Option<crate::domain::ward_time::Reading>,
        who: String,
    },
    /// An event recorded by mistake, voided with a reason.
    Void { event_id: i64, version: i64, reason: String, who: String },
}

/// The form's fields (codes, not shown).
const EVENT: &str = "timeline-event";
const DAY: &str = "timeline-day";
const TIME: &str = "timeline-time";
const REASON: &str = "timeline-void-reason";

/// R-BLOCK-6: which event, its right day and time, or a reason to void it
/// instead. `None` when nothing is recorded yet.
pub fn correct_event(events: &[TimelineEvent], now: DateTime<Utc>, zone: Tz, who: &str) -> Option<OpenForm> {
    let last = events.iter().max_by_key(|e| (e.kind, e.at))?;
    let local = |t: DateTime<Utc>| t.with_timezone(&zone);
    let today = crate::domain::ward_time::local_day(now, zone);
    let clock = |t: DateTime<Utc>| crate::domain::ward_time::clock_text(t, zone);
    // Issue 9: the time first, so a narrow form never cuts it off; the
    // day only when it is not today.
    let choices: Vec<Choice> = events
        .iter()
        .map(|e| {
            let day = crate::domain::ward_time::local_day(e.at, zone);
            let on = if day == today { String::new() } else { format!(" ({})", day.format("%d/%m")) };
            Choice::new(format!("{}:{}", e.event_id, e.version), format!("{} {}{on}", clock(e.at), e.kind.words()))
        })
        .collect();
    let form = Form::new(
        tr!("block-correct-title"),
        vec![
            Field::pick(EVENT, tr!("block-correct-event"), choices).with(format!("{}:{}", last.event_id, last.version)),
            Field::date(DAY, tr!("block-correct-day"))
                .with(local(last.at).format("%d/%m/%Y").to_string())
                .not_after(today),
            Field::time(TIME, tr!("block-correct-time")).with(clock(last.at)),
            Field::text(REASON, tr!("block-correct-reason"), 200).optional(),
        ],
    )
    .with_subtitle(who);
    Some(OpenForm::new(form, Purpose::CorrectEvent, who))
}

pub(super) fn correct_request(form: &Form, who: String) -> Result<Request, String> {
    let bad = || tr!("block-correct-choose").into_owned();
    let (id, version) = form.value(EVENT).split_once(':').ok_or_else(bad)?;
    let event_id = id.parse().map_err(|_| bad())?;
    let version = version.parse().map_err(|_| bad())?;
    let reason = form.value(REASON).trim();
    Ok(Request::Timeline(if reason.is_empty() {
        let (time, reading) = parse_time_reading(form.value(TIME))?;
        TimelineRequest::Correct { event_id, version, day: parse_date(form.value(DAY))?, time, reading, who }
    } else {
        TimelineRequest::Void { event_id, version, reason: reason.to_string(), who }
    }))
}
