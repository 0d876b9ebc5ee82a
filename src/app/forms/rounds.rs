//! The distraction round form (R-DO-5) and the phase step form (R-DO-7):
//! what a nurse types at the bedside, turned into typed requests.

use super::turns::{session_fields, sessions_typed};
use super::{OpenForm, Purpose, Request};
use crate::app::form::{Choice, Field, Form, parse_date};
use crate::app::keymap::{Action, Scope};
use crate::domain::day_label::date_text;
use crate::domain::distraction::alerts::fmt_mm;
use crate::domain::distraction::round::{
    MAX_MOUTH_OPENING_MM, MAX_PAIN, MAX_PIN_GRADE, MAX_ROM_DEG, TEMPERATURE_RANGE,
};
use crate::domain::distraction::{Colour, Motor, PhaseEvent, PhaseKind, Round, Sensation};
use crate::i18n::{decimal, language};
use crate::store::distraction::{RoundEntry, RoundsRow, SessionCorrection, SessionEntry};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::borrow::Cow;

/// `21/11`, `21/11 14:05`: a day, a round's time.
const DAY: &str = "%d/%m";
const DAY_AND_TIME: &str = "%d/%m %H:%M";

/// A request of the Rounds tab.
#[derive(Debug, Clone, PartialEq)]
pub enum RoundsRequest {
    Round {
        case_id: i64,
        entry: Box<RoundEntry>,
        who: String,
    },
    Phase {
        case_id: i64,
        event: PhaseEvent,
        who: String,
    },
    /// The turns of `day`'s sessions (today, or a day gone by reported
    /// late), and recorded ones corrected.
    Sessions {
        case_id: i64,
        day: NaiveDate,
        sessions: Vec<SessionEntry>,
        corrections: Vec<SessionCorrection>,
        who: String,
    },
    /// R-DO-8: a hexapod frame's struts adjusted on `day`.
    Struts {
        prescription_id: i64,
        day: chrono::NaiveDate,
        entries: Vec<crate::store::hexapod::NewAdjustment>,
        who: String,
    },
    /// R-DO-8: a prescription read from the file at `path`.
    ImportHexapod {
        case_id: i64,
        path: String,
        note: String,
        who: String,
    },
}

const PIN_KEYS: [&str; 24] = [
    "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11", "p12", "p13", "p14", "p15", "p16", "p17",
    "p18", "p19", "p20", "p21", "p22", "p23", "p24",
];
/// `Pin 3 grade (0-6)`: the field of pin site `n` (1-based).
fn pin_label(n: usize) -> Cow<'static, str> {
    tr!("rounds-field-pin", pin = n, max = MAX_PIN_GRADE)
}

fn choices<T: Copy>(all: &[T], code: fn(T) -> &'static str, label: fn(T) -> Cow<'static, str>) -> Vec<Choice> {
    all.iter().map(|v| Choice::new(code(*v), label(*v))).collect()
}

/// R-DO-5: the round of `case` at `now` (today's sheet): today's sessions
/// not yet recorded, those already due filled with the turns the plan asks
/// for (an empty session field is not recorded); one grade a pin site.
pub fn round(row: &RoundsRow, now: DateTime<Utc>, zone: Tz, who: &str) -> OpenForm {
    let case = &row.case;
    let p = &case.prescription;
    let today = crate::domain::ward_time::local_day(now, zone);
    let plan = case.plan();
    let mut fields = session_fields(row, today, now, zone);
    fields.push(Field::whole("pain", tr!("rounds-field-pain", max = MAX_PAIN), 0, u32::from(MAX_PAIN)));
    let sensation = choices(Sensation::ALL, Sensation::code, Sensation::label);
    let motor = choices(Motor::ALL, Motor::code, Motor::label);
    let colour = choices(Colour::ALL, Colour::code, Colour::label);
    // R-DO-5, R-DO-6: the neurovascular check starts empty, every round:
    // the nurse chooses what they find (a value carried over from the last
    // round would let a new deficit be saved unseen).
    fields.push(Field::pick("sensation", tr!("rounds-field-sensation"), sensation));
    fields.push(Field::pick("motor", tr!("rounds-field-motor"), motor));
    fields.push(Field::pick("colour", tr!("rounds-field-colour"), colour));
    if p.site.is_craniofacial() {
        let mouth = tr!("rounds-field-mouth");
        fields.push(Field::whole("mouth", mouth, 0, u32::from(MAX_MOUTH_OPENING_MM)).optional());
        fields.push(Field::flag("occlusion", tr!("rounds-field-occlusion")).with("yes"));
    } else {
        fields.push(Field::whole("rom", tr!("rounds-field-rom"), 0, u32::from(MAX_ROM_DEG)).optional());
    }
    let temperature = tr!("rounds-field-temperature");
    fields.push(Field::number("temp", temperature, TEMPERATURE_RANGE.0, TEMPERATURE_RANGE.1).optional());
    for (i, key) in PIN_KEYS.iter().enumerate().take(p.pins as usize) {
        fields.push(Field::whole(key, pin_label(i + 1), 0, u32::from(MAX_PIN_GRADE)));
    }
    if p.pins > 0 {
        fields.push(Field::flag("care", tr!("rounds-field-pin-care")).with("yes"));
    }
    fields.push(Field::text("note", tr!("rounds-field-note"), 300).optional());
    let title = tr!(
        "rounds-round-title",
        site = p.site.label(),
        phase = crate::domain::distraction::alerts::phase_on(&case.record(), &plan, today).0.label(),
        done = fmt_mm(p.mm(case.sessions.iter().map(|s| s.turns).sum())),
        target = fmt_mm(p.target_mm),
    );
    // R-DO-5: what is recorded already is said, with the key that corrects it.
    let recorded: Vec<String> = case
        .sessions
        .iter()
        .filter(|s| s.day == today)
        .map(|s| tr!("rounds-round-recorded-session", session = s.session, turns = s.turns).into_owned())
        .collect();
    let subtitle = if recorded.is_empty() {
        who.to_string()
    } else {
        let key = crate::app::screens::key_for(Scope::Rounds, Action::ReportTurns);
        format!("{who} · {}", tr!("rounds-round-recorded", sessions = recorded.join(", "), key = key))
    };
    let form = Form::new(title, fields).with_subtitle(subtitle);
    OpenForm::new(form, Purpose::Round { case_id: case.id, pins: p.pins, craniofacial: p.site.is_craniofacial() }, who)
}

fn number<T: std::str::FromStr>(form: &Form, key: &str, label: &str) -> Result<Option<T>, String> {
    match form.value(key).trim() {
        "" => Ok(None),
        text => text.parse::<T>().map(Some).map_err(|_| tr!("rounds-field-not-whole", field = label).into_owned()),
    }
}

pub(super) fn round_request(
    form: &Form,
    case_id: i64,
    pins: u32,
    craniofacial: bool,
    who: String,
) -> Result<Request, String> {
    let sessions = sessions_typed(form)?;
    let mut pin_grades = Vec::new();
    for (i, key) in PIN_KEYS.iter().enumerate().take(pins as usize) {
        let grade = number::<u8>(form, key, &pin_label(i + 1))?;
        pin_grades.push(grade.ok_or_else(|| tr!("rounds-field-pin-missing", field = pin_label(i + 1)).into_owned())?);
    }
    let temperature_c = match form.value("temp").trim() {
        "" => None,
        text => Some(
            crate::domain::decimal::parse(text)
                .ok_or_else(|| tr!("rounds-field-temperature-not-number", example = decimal(language(), 37.2, 1)))?,
        ),
    };
    let round = Round {
        // Stamped by the store with the save's time (the one clock).
        at: DateTime::UNIX_EPOCH,
        pain: number::<u8>(form, "pain", &tr!("rounds-field-pain-name"))?
            .ok_or_else(|| tr!("rounds-field-pain-missing", max = MAX_PAIN).into_owned())?,
        sensation: Sensation::from_code(form.value("sensation"))
            .ok_or_else(|| tr!("rounds-field-choose", field = tr!("rounds-field-sensation")).into_owned())?,
        motor: Motor::from_code(form.value("motor"))
            .ok_or_else(|| tr!("rounds-field-choose", field = tr!("rounds-field-motor")).into_owned())?,
        colour: Colour::from_code(form.value("colour"))
            .ok_or_else(|| tr!("rounds-field-choose", field = tr!("rounds-field-colour")).into_owned())?,
        rom_deg: if craniofacial { None } else { number(form, "rom", &tr!("rounds-field-rom-name"))? },
        mouth_opening_mm: if craniofacial { number(form, "mouth", &tr!("rounds-field-mouth-name"))? } else { None },
        occlusion_ok: craniofacial.then(|| form.value("occlusion") == "yes"),
        temperature_c,
        pin_grades,
        pin_care_done: form.value("care") == "yes",
        note: form.value("note").trim().to_string(),
    };
    round.validate(pins)?;
    Ok(Request::Rounds(RoundsRequest::Round { case_id, entry: Box::new(RoundEntry { round, sessions }), who }))
}

/// R-DO-7: a phase step of `case` on `day` (the sheet shown; the day can be
/// changed): start, pause (why), resume (a new rate, if any), end of
/// distraction, removal.
pub fn phase(case_id: i64, day: NaiveDate, who: &str) -> OpenForm {
    let kinds = choices(PhaseKind::ALL, PhaseKind::code, PhaseKind::label);
    let form = Form::new(
        tr!("rounds-step-title"),
        vec![
            Field::pick("kind", tr!("rounds-step-field-kind"), kinds),
            Field::date("day", tr!("rounds-step-field-day")).with(date_text(day)),
            Field::text("reason", tr!("rounds-step-field-reason"), 200).optional(),
            Field::number("rate", tr!("rounds-step-field-rate"), 0.1, 3.0).optional(),
        ],
    )
    .with_subtitle(who);
    OpenForm::new(form, Purpose::Phase { case_id }, who)
}

pub(super) fn phase_request(form: &Form, case_id: i64, who: String) -> Result<Request, String> {
    let kind = PhaseKind::from_code(form.value("kind"))
        .ok_or_else(|| tr!("rounds-field-choose", field = tr!("rounds-step-name")).into_owned())?;
    let reason = Some(form.value("reason").trim().to_string()).filter(|r| !r.is_empty());
    if kind == PhaseKind::Pause && reason.is_none() {
        return Err(tr!("rounds-step-pause-needs-reason").into_owned());
    }
    let rate = match form.value("rate").trim() {
        "" => None,
        text => Some(
            crate::domain::decimal::parse(text)
                .ok_or_else(|| tr!("rounds-step-rate-not-number", example = decimal(language(), 0.5, 1)))?,
        ),
    };
    if rate.is_some() && kind != PhaseKind::Resume {
        return Err(tr!("rounds-step-rate-only-resume").into_owned());
    }
    let event = PhaseEvent { kind, on: parse_date(form.value("day"))?, reason, rate_mm_day: rate, recorded_at: None };
    Ok(Request::Rounds(RoundsRequest::Phase { case_id, event, who }))
}

/// How many of a patient's rounds the void form offers, newest first.
const VOID_CHOICES: usize = 10;

/// R-DO-5, R-DO-7: which of the patient's recent rounds (not voided, newest
/// first), or their latest phase step (steps are voided newest first), was
/// entered by mistake, and why. `None` when nothing is left to void.
pub fn void_round(row: &RoundsRow, zone: Tz, who: &str) -> Option<OpenForm> {
    use crate::store::void::Voidable;
    let step = row.case.step_log.iter().rev().find(|s| s.void_reason.is_none()).map(|s| {
        let e = &s.event;
        let rate = e.rate_mm_day.map(|r| tr!("rounds-void-step-rate", rate = fmt_mm(r))).unwrap_or_default();
        Choice::new(
            format!("{}:{}", Voidable::Step.code(), s.id),
            tr!(
                "rounds-void-step",
                id = s.id,
                day = date_text(e.on),
                step = e.kind.label(),
                rate = rate,
                who = s.recorded_by.as_str()
            ),
        )
    });
    let rounds = row.case.round_log.iter().rev().filter(|r| r.void_reason.is_none()).take(VOID_CHOICES).map(|r| {
        let pins: Vec<String> = r.round.pin_grades.iter().map(u8::to_string).collect();
        let pins =
            if pins.is_empty() { String::new() } else { tr!("rounds-void-pins", pins = pins.join(" ")).into_owned() };
        Choice::new(
            format!("{}:{}", Voidable::Round.code(), r.id),
            tr!(
                "rounds-void-round",
                id = r.id,
                time = r.round.at.with_timezone(&zone).format(DAY_AND_TIME).to_string(),
                pain = r.round.pain,
                pins = pins,
                who = r.recorded_by.as_str()
            ),
        )
    });
    // R-DO-8: a hexapod frame's strut adjustments, newest first (found in
    // use: they could be voided from the command line only).
    let struts = row.case.hexapod.iter().flat_map(|sheet| sheet.log.iter().rev().take(VOID_CHOICES)).map(|a| {
        Choice::new(
            format!("{}:{}", Voidable::StrutAdjustment.code(), a.id),
            tr!(
                "rounds-void-strut",
                id = a.id,
                strut = a.strut,
                mm = fmt_mm(a.length_mm),
                day = a.day.format(DAY).to_string(),
                time = a.done_at.with_timezone(&zone).format(DAY_AND_TIME).to_string()
            ),
        )
    });
    let choices: Vec<Choice> = rounds.chain(step).chain(struts).collect();
    if choices.is_empty() {
        return None;
    }
    let form = Form::new(
        tr!("rounds-void-title"),
        vec![
            Field::pick("entry", tr!("rounds-void-field-entry"), choices),
            Field::text("reason", tr!("rounds-void-field-reason"), 200),
        ],
    )
    .with_subtitle(format!("{who} · {}", tr!("rounds-void-kept")));
    Some(OpenForm::new(form, Purpose::Void, who))
}
