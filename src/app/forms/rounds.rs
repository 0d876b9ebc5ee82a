//! The distraction round form (R-DO-5) and the phase step form (R-DO-7):
//! what a nurse types at the bedside, turned into typed requests.

use super::turns::{session_fields, sessions_typed};
use super::{OpenForm, Purpose, Request};
use crate::app::form::{Choice, Field, Form, parse_date};
use crate::app::keymap::{Action, Scope};
use crate::domain::distraction::alerts::fmt_mm;
use crate::domain::distraction::round::{
    MAX_MOUTH_OPENING_MM, MAX_PAIN, MAX_PIN_GRADE, MAX_ROM_DEG, TEMPERATURE_RANGE,
};
use crate::domain::distraction::{Colour, Motor, PhaseEvent, PhaseKind, Round, Sensation};
use crate::store::distraction::{RoundEntry, RoundsRow, SessionCorrection, SessionEntry};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

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
const PIN_LABELS: [&str; 24] = [
    "Pin 1 grade (0-6)",
    "Pin 2 grade (0-6)",
    "Pin 3 grade (0-6)",
    "Pin 4 grade (0-6)",
    "Pin 5 grade (0-6)",
    "Pin 6 grade (0-6)",
    "Pin 7 grade (0-6)",
    "Pin 8 grade (0-6)",
    "Pin 9 grade (0-6)",
    "Pin 10 grade (0-6)",
    "Pin 11 grade (0-6)",
    "Pin 12 grade (0-6)",
    "Pin 13 grade (0-6)",
    "Pin 14 grade (0-6)",
    "Pin 15 grade (0-6)",
    "Pin 16 grade (0-6)",
    "Pin 17 grade (0-6)",
    "Pin 18 grade (0-6)",
    "Pin 19 grade (0-6)",
    "Pin 20 grade (0-6)",
    "Pin 21 grade (0-6)",
    "Pin 22 grade (0-6)",
    "Pin 23 grade (0-6)",
    "Pin 24 grade (0-6)",
];

fn choices<T: Copy>(all: &[T], code: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Vec<Choice> {
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
    fields.push(Field::whole("pain", "Pain (0-10)", 0, u32::from(MAX_PAIN)));
    let sensation = choices(Sensation::ALL, Sensation::code, Sensation::label);
    let motor = choices(Motor::ALL, Motor::code, Motor::label);
    let colour = choices(Colour::ALL, Colour::code, Colour::label);
    // R-DO-5, R-DO-6: the neurovascular check starts empty, every round:
    // the nurse chooses what they find (a value carried over from the last
    // round would let a new deficit be saved unseen).
    fields.push(Field::pick("sensation", "Sensation", sensation));
    fields.push(Field::pick("motor", "Motor", motor));
    fields.push(Field::pick("colour", "Colour / refill", colour));
    if p.site.is_craniofacial() {
        fields.push(Field::whole("mouth", "Mouth opening (mm)", 0, u32::from(MAX_MOUTH_OPENING_MM)).optional());
        fields.push(Field::flag("occlusion", "Occlusion as it should be").with("yes"));
    } else {
        fields.push(Field::whole("rom", "Range of motion (degrees)", 0, u32::from(MAX_ROM_DEG)).optional());
    }
    fields.push(Field::number("temp", "Temperature (°C)", TEMPERATURE_RANGE.0, TEMPERATURE_RANGE.1).optional());
    for i in 0..(p.pins as usize).min(PIN_KEYS.len()) {
        fields.push(Field::whole(PIN_KEYS[i], PIN_LABELS[i], 0, u32::from(MAX_PIN_GRADE)));
    }
    if p.pins > 0 {
        fields.push(Field::flag("care", "Pin care done").with("yes"));
    }
    fields.push(Field::text("note", "Note", 300).optional());
    let title = format!(
        "Round: {} {}, {} of {} mm",
        p.site.label(),
        crate::domain::distraction::alerts::phase_on(&case.record(), &plan, today).0.label(),
        fmt_mm(p.mm(case.sessions.iter().map(|s| s.turns).sum())),
        fmt_mm(p.target_mm)
    );
    // R-DO-5: what is recorded already is said, with the key that corrects it.
    let recorded: Vec<String> = case
        .sessions
        .iter()
        .filter(|s| s.day == today)
        .map(|s| format!("{}: {} turn{}", s.session, s.turns, if s.turns == 1 { "" } else { "s" }))
        .collect();
    let subtitle = if recorded.is_empty() {
        who.to_string()
    } else {
        let key = crate::app::screens::key_for(Scope::Rounds, Action::ReportTurns);
        format!("{who} · recorded today: session {}; {key} corrects a count", recorded.join(", "))
    };
    let form = Form::new(title, fields).with_subtitle(subtitle);
    OpenForm::new(form, Purpose::Round { case_id: case.id, pins: p.pins, craniofacial: p.site.is_craniofacial() }, who)
}

fn number<T: std::str::FromStr>(form: &Form, key: &str, label: &str) -> Result<Option<T>, String> {
    match form.value(key).trim() {
        "" => Ok(None),
        text => text.parse::<T>().map(Some).map_err(|_| format!("{label}: a whole number")),
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
        pin_grades
            .push(number::<u8>(form, key, PIN_LABELS[i])?.ok_or(format!("{}: grade each pin site", PIN_LABELS[i]))?);
    }
    let temperature_c = match form.value("temp").trim() {
        "" => None,
        text => Some(text.replace(',', ".").parse::<f64>().map_err(|_| "Temperature: a number such as 37.2")?),
    };
    let round = Round {
        // Stamped by the store with the save's time (the one clock).
        at: DateTime::UNIX_EPOCH,
        pain: number::<u8>(form, "pain", "Pain")?.ok_or("Pain: a score from 0 to 10")?,
        sensation: Sensation::from_code(form.value("sensation")).ok_or("Sensation: choose one")?,
        motor: Motor::from_code(form.value("motor")).ok_or("Motor: choose one")?,
        colour: Colour::from_code(form.value("colour")).ok_or("Colour / refill: choose one")?,
        rom_deg: if craniofacial { None } else { number(form, "rom", "Range of motion")? },
        mouth_opening_mm: if craniofacial { number(form, "mouth", "Mouth opening")? } else { None },
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
        "Distraction step",
        vec![
            Field::pick("kind", "Step", kinds),
            Field::date("day", "On (dd/mm/yyyy)").with(day.format("%d/%m/%Y").to_string()),
            Field::text("reason", "Why (needed for a pause)", 200).optional(),
            Field::number("rate", "New rate, mm/day (a resume)", 0.1, 3.0).optional(),
        ],
    )
    .with_subtitle(who);
    OpenForm::new(form, Purpose::Phase { case_id }, who)
}

pub(super) fn phase_request(form: &Form, case_id: i64, who: String) -> Result<Request, String> {
    let kind = PhaseKind::from_code(form.value("kind")).ok_or("Step: choose one")?;
    let reason = Some(form.value("reason").trim().to_string()).filter(|r| !r.is_empty());
    if kind == PhaseKind::Pause && reason.is_none() {
        return Err("Why: a pause needs a reason (R-DO-7)".into());
    }
    let rate = match form.value("rate").trim() {
        "" => None,
        text => Some(text.replace(',', ".").parse::<f64>().map_err(|_| "New rate: a number such as 0.5")?),
    };
    if rate.is_some() && kind != PhaseKind::Resume {
        return Err("New rate: only a resume sets a new rate (R-DO-7)".into());
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
        let rate = e.rate_mm_day.map(|r| format!(" at {} mm/day", fmt_mm(r))).unwrap_or_default();
        Choice::new(
            format!("{}:{}", Voidable::Step.code(), s.id),
            format!("step #{} {} {}{rate} · {}", s.id, e.on.format("%d/%m/%Y"), e.kind.label(), s.recorded_by),
        )
    });
    let rounds = row.case.round_log.iter().rev().filter(|r| r.void_reason.is_none()).take(VOID_CHOICES).map(|r| {
        let pins: Vec<String> = r.round.pin_grades.iter().map(u8::to_string).collect();
        let pins = if pins.is_empty() { String::new() } else { format!(" · pins {}", pins.join(" ")) };
        Choice::new(
            format!("{}:{}", Voidable::Round.code(), r.id),
            format!(
                "#{} {} · pain {}/10{pins} · {}",
                r.id,
                r.round.at.with_timezone(&zone).format("%d/%m %H:%M"),
                r.round.pain,
                r.recorded_by
            ),
        )
    });
    // R-DO-8: a hexapod frame's strut adjustments, newest first (found in
    // use: they could be voided from the command line only).
    let struts = row.case.hexapod.iter().flat_map(|sheet| sheet.log.iter().rev().take(VOID_CHOICES)).map(|a| {
        Choice::new(
            format!("{}:{}", Voidable::StrutAdjustment.code(), a.id),
            format!(
                "strut #{} · strut {} set to {} mm for {} · {}",
                a.id,
                a.strut,
                fmt_mm(a.length_mm),
                a.day.format("%d/%m"),
                a.done_at.with_timezone(&zone).format("%d/%m %H:%M")
            ),
        )
    });
    let choices: Vec<Choice> = rounds.chain(step).chain(struts).collect();
    if choices.is_empty() {
        return None;
    }
    let form = Form::new(
        "Void a round, a step or a strut entered by mistake (R-DO-5, R-DO-7, R-DO-8)",
        vec![Field::pick("entry", "Which", choices), Field::text("reason", "What was wrong", 200)],
    )
    .with_subtitle(format!(
        "{who} · kept in the history; a round's alerts and grades stop counting (its turns stay), a step leaves the plan"
    ));
    Some(OpenForm::new(form, Purpose::Void, who))
}
