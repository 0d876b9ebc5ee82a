//! Forms for going home: the discharge check and the discharge itself.

use super::{DischargeCheckRequest, OpenForm, Purpose, Request};
use crate::app::form::{Choice, Field, Form};
use crate::domain::discharge::Padss;
use crate::domain::journey::DischargeCheckView;

/// The form's key for each PADSS item, in [`Padss::ITEMS`]' order (the
/// words are the item's own).
const PADSS: [&str; 5] = ["padss_vitals", "padss_activity", "padss_pain", "padss_bleeding", "padss_intake"];

fn score_choices() -> Vec<Choice> {
    let mut out = vec![Choice::new("", tr!("admission-not-scored"))];
    out.extend((0..=2).map(|n| Choice::new(n.to_string(), n.to_string())));
    out
}

fn yes(on: bool) -> &'static str {
    if on { "yes" } else { "no" }
}

/// R-DISCH-1: PADSS (each 0-2, 9 of 10 needed), escort, letter, work stop, follow-up.
pub fn discharge_check(admission_id: i64, current: Option<&DischargeCheckView>, who: &str) -> OpenForm {
    let mut fields: Vec<Field> = PADSS
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let score = current.and_then(|c| c.padss[i]).map(|n| n.to_string()).unwrap_or_default();
            let label = tr!("admission-padss-item", item = Padss::ITEMS[i].label());
            Field::pick(key, label, score_choices()).with(score).optional()
        })
        .collect();
    let c = current;
    fields.push(Field::flag("escort", tr!("admission-form-escort")).with(yes(c.is_some_and(|c| c.escort))));
    fields.push(
        Field::flag("letter", tr!("admission-form-letter")).with(yes(c.is_some_and(|c| c.letter_given_on.is_some()))),
    );
    fields.push(
        Field::flag("work_stop", tr!("admission-form-work-stop")).with(yes(c.is_some_and(|c| c.work_stop_certificate))),
    );
    fields.push(
        Field::flag("follow_up", tr!("admission-form-follow-up")).with(yes(c.is_some_and(|c| c.follow_up_appointment))),
    );
    let form = Form::new(tr!("admission-form-discharge-check"), fields).with_subtitle(who);
    let version = current.map(|c| c.version);
    OpenForm::new(form, Purpose::DischargeCheck { admission_id, version }, who)
}

pub(super) fn check_request(
    form: &Form,
    admission_id: i64,
    version: Option<i64>,
    who: String,
) -> Result<Request, String> {
    let mut padss = [None; 5];
    for (i, key) in PADSS.iter().enumerate() {
        padss[i] = form.value(key).parse::<u8>().ok();
    }
    Ok(Request::DischargeCheck(Box::new(DischargeCheckRequest {
        admission_id,
        version,
        padss,
        escort: form.flag("escort"),
        letter_given_today: form.flag("letter"),
        work_stop_certificate: form.flag("work_stop"),
        follow_up_appointment: form.flag("follow_up"),
        who,
    })))
}

/// R-DISCH-1: discharging with a missing item needs a reason.
pub fn discharge(admission_id: i64, version: i64, missing: &[String], who: &str) -> OpenForm {
    let (field, subtitle) = if missing.is_empty() {
        (
            Field::text("reason", tr!("admission-form-note-optional"), 200).optional(),
            tr!("admission-form-check-complete", who = who),
        )
    } else {
        (
            Field::text("reason", tr!("admission-form-go-anyway"), 200),
            tr!("admission-form-check-missing", who = who, items = missing.join(", ")),
        )
    };
    let form = Form::new(tr!("admission-form-discharge"), vec![field]).with_subtitle(subtitle);
    OpenForm::new(form, Purpose::Discharge { admission_id, version }, who)
}

#[cfg(test)]
mod tests {
    use super::super::request;
    use super::*;

    #[test]
    fn r_disch_1_missing_items_make_the_reason_required() {
        let open = discharge(4, 3, &["escort".into()], "X");
        assert_eq!(request(&open), Err("Reason to go anyway: required".into()));
        let open = discharge(4, 3, &[], "X");
        assert!(matches!(request(&open), Ok(Request::Discharge { reason: None, .. })));
    }

    #[test]
    fn r_disch_1_padss_scores_are_read_per_item() {
        let mut open = discharge_check(4, None, "X");
        open.form.set("padss_vitals", "2");
        open.form.set("padss_pain", "1");
        open.form.set("escort", "yes");
        let Ok(Request::DischargeCheck(c)) = request(&open) else { panic!() };
        assert_eq!(c.padss, [Some(2), None, Some(1), None, None]);
        assert!(c.escort && !c.letter_given_today);
    }
}
