//! Forms: a list of fields, each checked as the user types, so the message
//! under a field says exactly what is wrong before anything is saved.
//!
//! A form knows nothing of what it saves: [`Form::values`] hands the typed
//! text to the form's owner, which turns it into a store request.

use chrono::{NaiveDate, NaiveTime};
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub code: String,
    pub label: String,
}

impl Choice {
    pub fn new(code: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice { code: code.into(), label: label.into() }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Free text, at most this many characters.
    Text(usize),
    /// `dd/mm/yyyy`.
    Date,
    /// `HH:MM`, ward time.
    Time,
    /// A decimal number within bounds.
    Number { min: f64, max: f64 },
    /// One of a list; ←/→ or Space move through it, a letter jumps to it.
    Pick(Vec<Choice>),
    /// Yes or no; Space toggles.
    Flag,
}

/// Set once at start when the terminal's characters have no ‹ › ← →
/// (`LC_ALL=C`, `--ascii`): their one-cell twins made an empty choice read
/// `< choose with < = >` (found in use, #8); the form then says it in words.
pub static ARROWS_IN_WORDS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// An empty choice and its hint, in glyphs or in words ([`ARROWS_IN_WORDS`]),
/// in the language in force.
pub fn arrows_text() -> (Cow<'static, str>, Cow<'static, str>) {
    arrows_for(ARROWS_IN_WORDS.load(std::sync::atomic::Ordering::Relaxed))
}

fn arrows_for(words: bool) -> (Cow<'static, str>, Cow<'static, str>) {
    if words {
        let language = crate::i18n::language();
        let left = crate::i18n::t(language, "keycap-left");
        let right = crate::i18n::t(language, "keycap-right");
        (
            tr!("admin-pick-empty-words", left = left.as_ref(), right = right.as_ref()),
            tr!("admin-pick-hint-words", left = left.as_ref(), right = right.as_ref()),
        )
    } else {
        (tr!("admin-pick-empty"), tr!("admin-pick-hint"))
    }
}

/// A field's label: a catalogue text (a `Cow` from the catalogues) or a `&'static str`.
pub trait IntoLabel {
    fn into_label(self) -> Cow<'static, str>;
}

impl IntoLabel for &'static str {
    fn into_label(self) -> Cow<'static, str> {
        Cow::Borrowed(self)
    }
}

impl IntoLabel for &&'static str {
    fn into_label(self) -> Cow<'static, str> {
        Cow::Borrowed(*self)
    }
}

impl IntoLabel for Cow<'static, str> {
    fn into_label(self) -> Cow<'static, str> {
        self
    }
}

impl IntoLabel for String {
    fn into_label(self) -> Cow<'static, str> {
        Cow::Owned(self)
    }
}

/// The value of a yes/no field when ticked and when not (stored as such).
const YES: &str = concat!("ye", "s");
const NO: &str = "no";

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: &'static str,
    /// In the language in force (a catalogue text, borrowed when it can be).
    pub label: Cow<'static, str>,
    pub kind: Kind,
    pub required: bool,
    /// What is typed (for Pick, the chosen code; for Flag, "yes" or "no").
    pub value: String,
    /// Where typing goes in a text field, in characters from the start.
    pub cursor: usize,
    /// A check beyond the kind's, made as the user types and again on save.
    pub check: Check,
}

/// A field's own check: the same one the hint shows while typing and the
/// save applies, so the two never disagree.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    None,
    /// A day that has happened: not after this one (R-PATH-6: a birth date,
    /// an intake, a lab, a consultation are not in the future).
    NotAfter(NaiveDate),
    /// R-ANES-4: an ASA class, I to VI, E for an emergency.
    AsaClass,
    /// R-BLOCK-2: a procedure kind's code (`domain::ward_setup::code`),
    /// checked as it is typed like every other field (found in use, #8:
    /// the Admin form said so only on Ctrl-S).
    ProcedureCode,
    /// A whole number (minutes, units, a score): `30.5` is refused as it is
    /// typed, never rounded or dropped on save (issue 9), and `1u` is told
    /// at once it needs a whole number (issue 10).
    Whole,
}

impl Field {
    pub fn text(key: &'static str, label: impl IntoLabel, max: usize) -> Field {
        let label = label.into_label();
        Field { key, label, kind: Kind::Text(max), required: true, value: String::new(), cursor: 0, check: Check::None }
    }

    pub fn date(key: &'static str, label: impl IntoLabel) -> Field {
        let label = label.into_label();
        Field { key, label, kind: Kind::Date, required: true, value: String::new(), cursor: 0, check: Check::None }
    }

    pub fn time(key: &'static str, label: impl IntoLabel) -> Field {
        let label = label.into_label();
        Field { key, label, kind: Kind::Time, required: true, value: String::new(), cursor: 0, check: Check::None }
    }

    pub fn number(key: &'static str, label: impl IntoLabel, min: f64, max: f64) -> Field {
        let label = label.into_label();
        Field {
            key,
            label,
            kind: Kind::Number { min, max },
            required: true,
            value: String::new(),
            cursor: 0,
            check: Check::None,
        }
    }

    /// A whole number within bounds (see [`Check::Whole`]); read it with
    /// [`Form::whole`], which applies the same check.
    pub fn whole(key: &'static str, label: impl IntoLabel, min: u32, max: u32) -> Field {
        let mut field = Field::number(key, label, f64::from(min), f64::from(max));
        field.check = Check::Whole;
        field
    }

    /// A required choice starts empty: the user must choose (a default
    /// could be saved without a look). An optional one starts on its first
    /// choice, the "none" of the list.
    pub fn pick(key: &'static str, label: impl IntoLabel, choices: Vec<Choice>) -> Field {
        let label = label.into_label();
        Field {
            key,
            label,
            kind: Kind::Pick(choices),
            required: true,
            value: String::new(),
            cursor: 0,
            check: Check::None,
        }
    }

    pub fn flag(key: &'static str, label: impl IntoLabel) -> Field {
        let label = label.into_label();
        Field { key, label, kind: Kind::Flag, required: false, value: NO.into(), cursor: 0, check: Check::None }
    }

    pub fn optional(mut self) -> Field {
        self.required = false;
        if let Kind::Pick(choices) = &self.kind
            && self.value.is_empty()
        {
            self.value = choices.first().map(|c| c.code.clone()).unwrap_or_default();
        }
        self
    }

    /// A yes/no field ticked (`on`) or not.
    pub fn ticked(self, on: bool) -> Field {
        self.with(if on { YES } else { NO })
    }

    pub fn with(mut self, value: impl Into<String>) -> Field {
        self.value = value.into();
        self.cursor = self.value.chars().count();
        self
    }

    /// A day not after `day` (see [`Check::NotAfter`]).
    pub fn not_after(mut self, day: NaiveDate) -> Field {
        self.check = Check::NotAfter(day);
        self
    }

    /// A procedure kind's code (see [`Check::ProcedureCode`]).
    pub fn procedure_code(mut self) -> Field {
        self.check = Check::ProcedureCode;
        self
    }

    /// An ASA class (see [`Check::AsaClass`]).
    pub fn asa_class(mut self) -> Field {
        self.check = Check::AsaClass;
        self
    }

    /// Typed into: text, a date, a time or a number (not a list or a flag).
    pub fn is_typed(&self) -> bool {
        !matches!(self.kind, Kind::Pick(_) | Kind::Flag)
    }

    /// What the screen shows for the value.
    pub fn shown(&self) -> String {
        match &self.kind {
            Kind::Pick(choices) => choices
                .iter()
                .find(|c| c.code == self.value)
                .map_or_else(|| arrows_text().0.into_owned(), |c| format!("‹ {} ›", c.label)),
            Kind::Flag => if self.value == YES { tr!("admin-flag-yes") } else { tr!("admin-flag-no") }.into_owned(),
            _ => self.value.clone(),
        }
    }

    /// Why the value cannot be saved, if it cannot.
    pub fn problem(&self) -> Option<String> {
        let v = self.value.trim();
        if v.is_empty() && matches!(self.kind, Kind::Pick(_)) {
            return self.required.then(|| arrows_text().1.into_owned());
        }
        if v.is_empty() {
            return self.required.then(|| tr!("admin-required").into_owned());
        }
        match &self.kind {
            // Counted as stored (NFC), so combining accents do not count twice.
            Kind::Text(max) if crate::domain::names::stored(v).chars().count() > *max => {
                Some(tr!("admin-at-most", max = *max).into_owned())
            }
            Kind::Text(_) if v.chars().any(crate::domain::names::is_unsafe) => {
                Some(tr!("admin-no-control").into_owned())
            }
            Kind::Text(_) | Kind::Flag => self.own_problem(v),
            Kind::Date => parse_date(v).err().or_else(|| self.own_problem(v)),
            Kind::Time => parse_time(v).err(),
            Kind::Number { min, .. } if self.check == Check::Whole && !v.bytes().all(|b| b.is_ascii_digit()) => {
                Some(tr!("admin-whole-number", example = min.max(1.0)).into_owned())
            }
            Kind::Number { min, max } => match crate::domain::decimal::parse(v) {
                Some(n) if (*min..=*max).contains(&n) => None,
                Some(_) => Some(tr!("admin-between", min = *min, max = *max).into_owned()),
                None => Some(tr!("admin-a-number", example = 1.2).into_owned()),
            },
            Kind::Pick(choices) => (!choices.iter().any(|c| c.code == v)).then(|| arrows_text().1.into_owned()),
        }
    }
}

impl Field {
    fn own_problem(&self, v: &str) -> Option<String> {
        match &self.check {
            Check::None | Check::Whole => None,
            Check::NotAfter(latest) => parse_date(v)
                .ok()
                .filter(|day| day > latest)
                .map(|_| tr!("admin-in-future", today = latest.format("%d/%m/%Y").to_string()).into_owned()),
            Check::AsaClass => {
                v.parse::<crate::domain::anaesthesia::AsaClass>().err().map(|_| tr!("admin-asa-class").into_owned())
            }
            Check::ProcedureCode => crate::domain::ward_setup::code(v).err(),
        }
    }
}

/// `Label: why`, a field's problem as a form's error line says it.
pub fn field_problem(label: &str, problem: &str) -> String {
    tr!("admin-field-problem", field = label, problem = problem).into_owned()
}

/// A typed day: `dd/mm/yyyy` (or ISO), read by the one parser of days.
pub use crate::domain::day_label::parse_day as parse_date;

/// `HH:MM`, two digits each (`7:5` is refused). A reading mark for the hour
/// the autumn clock change repeats (`02:05 (2nd)`) is read by
/// [`parse_time_reading`]; here it is accepted and the time alone returned.
pub fn parse_time(text: &str) -> Result<NaiveTime, String> {
    parse_time_reading(text).map(|(time, _)| time)
}

/// `HH:MM`, with `(1st)` or `(2nd)` after it to choose a reading of a time
/// that occurs twice on the night the clocks go back.
pub fn parse_time_reading(text: &str) -> Result<(NaiveTime, Option<crate::domain::ward_time::Reading>), String> {
    crate::domain::ward_time::parse_clock(text).ok_or_else(|| tr!("admin-a-time").into_owned())
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub title: String,
    /// A line above the fields: whose record this is (R-PATH-5).
    pub subtitle: Option<String>,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub dirty: bool,
    /// Set after a refused save; the typing is kept.
    pub error: Option<String>,
    /// The last save's outcome is unknown (the connection went as it was
    /// committed, and the server could not be asked): `error` is led by
    /// "saved or not?", not "not saved", and the next save asks first, so a
    /// save that did land is not made twice by a reflex (found on
    /// PostgreSQL by a tester: two identical intakes).
    pub maybe_saved: bool,
    /// Esc on a dirty form asks first.
    pub confirm_discard: bool,
    /// The question was asked by a quit (`q`, `Ctrl-C`): `y` leaves the program.
    pub quit_after_discard: bool,
    /// After someone else saved the record first: what is stored now, by
    /// field key, shown beside the user's own typing.
    pub theirs: Vec<(&'static str, String)>,
    /// Something to check before saving, shown under the subtitle (R-TRACE-3:
    /// a lot that may have swallowed an expiry when GS was dropped).
    pub warning: Option<String>,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            subtitle: None,
            fields,
            focus: 0,
            dirty: false,
            error: None,
            maybe_saved: false,
            confirm_discard: false,
            quit_after_discard: false,
            theirs: Vec::new(),
            warning: None,
        }
    }

    pub fn with_subtitle(mut self, subtitle: impl Into<String>) -> Form {
        self.subtitle = Some(subtitle.into());
        self
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn next(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
        }
    }

    pub fn previous(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        }
    }

    /// Types a character into the focused field (a letter jumps in a pick list).
    pub fn type_char(&mut self, c: char) {
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        if c.is_control() {
            return;
        }
        match &field.kind {
            Kind::Pick(choices) => {
                let lower = c.to_lowercase().to_string();
                let start = choices.iter().position(|ch| ch.code == field.value).map_or(0, |i| i + 1);
                let found = (0..choices.len())
                    .map(|k| &choices[(start + k) % choices.len()])
                    .find(|ch| ch.label.to_lowercase().starts_with(&lower));
                match found {
                    Some(choice) => field.value = choice.code.clone(),
                    // Nothing starts with that letter: nothing changed.
                    None => return,
                }
            }
            Kind::Flag if c == ' ' || c == 'y' || c == 'n' => {
                let on = if c == ' ' { field.value != YES } else { c == 'y' };
                field.value = if on { YES } else { NO }.into();
            }
            Kind::Flag => return,
            _ => {
                let at = byte_at(&field.value, field.cursor);
                field.value.insert(at, c);
                field.cursor += 1;
            }
        }
        self.touched();
    }

    /// Deletes the character before the cursor of a typed field.
    pub fn backspace(&mut self) {
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        if !field.is_typed() || field.cursor == 0 {
            return;
        }
        field.cursor = field.cursor.min(field.value.chars().count()) - 1;
        let at = byte_at(&field.value, field.cursor);
        field.value.remove(at);
        self.touched();
    }

    /// Deletes the character under the cursor of a typed field.
    pub fn delete(&mut self) {
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        if !field.is_typed() || field.cursor >= field.value.chars().count() {
            return;
        }
        let at = byte_at(&field.value, field.cursor);
        field.value.remove(at);
        self.touched();
    }

    /// Moves the cursor of a typed field to its start or its end.
    pub fn cursor_to(&mut self, end: bool) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.cursor = if end { field.value.chars().count() } else { 0 };
        }
    }

    /// Empties a typed field.
    pub fn clear(&mut self) {
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        if !field.is_typed() || field.value.is_empty() {
            return;
        }
        field.value.clear();
        field.cursor = 0;
        self.touched();
    }

    /// ←/→: the next choice of a list or a flag; the cursor in a typed field.
    pub fn cycle(&mut self, forward: bool) {
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        match &field.kind {
            Kind::Pick(choices) if !choices.is_empty() => {
                let n = choices.len();
                let next = match choices.iter().position(|c| c.code == field.value) {
                    Some(here) if forward => (here + 1) % n,
                    Some(here) => (here + n - 1) % n,
                    None if forward => 0,
                    None => n - 1,
                };
                field.value = choices[next].code.clone();
            }
            Kind::Pick(_) => return,
            Kind::Flag => field.value = if field.value == YES { NO } else { YES }.into(),
            _ => {
                let len = field.value.chars().count();
                field.cursor =
                    if forward { (field.cursor + 1).min(len) } else { field.cursor.min(len).saturating_sub(1) };
                return;
            }
        }
        self.touched();
    }

    fn touched(&mut self) {
        self.dirty = true;
        self.error = None;
        self.confirm_discard = false;
    }

    /// Every field's problem, in order: empty when the form can be saved.
    pub fn problems(&self) -> Vec<(usize, String)> {
        self.fields.iter().enumerate().filter_map(|(i, f)| f.problem().map(|p| (i, p))).collect()
    }

    pub fn value(&self, key: &str) -> &str {
        self.fields.iter().find(|f| f.key == key).map_or("", |f| f.value.trim())
    }

    /// A whole-number field's value, with the field's own check (the one
    /// shown as the user types): `Ok(None)` when left empty.
    pub fn whole<T: std::str::FromStr>(&self, key: &str) -> Result<Option<T>, String> {
        let Some(field) = self.fields.iter().find(|f| f.key == key) else { return Ok(None) };
        if field.value.trim().is_empty() && !field.required {
            return Ok(None);
        }
        if let Some(problem) = field.problem() {
            return Err(field_problem(&field.label, &problem));
        }
        field.value.trim().parse::<T>().map(Some).map_err(|_| field_problem(&field.label, &tr!("admin-whole-such-as")))
    }

    pub fn flag(&self, key: &str) -> bool {
        self.value(key) == YES
    }

    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        if let Some(field) = self.fields.iter_mut().find(|f| f.key == key) {
            field.value = value.into();
            field.cursor = field.value.chars().count();
        }
    }
}

/// The byte offset of the `chars`-th character (the end if past it).
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form::new(
            "t",
            vec![
                Field::text("surname", "Surname", 10),
                Field::date("birth", "Birth date"),
                Field::pick("sex", "Sex", vec![Choice::new("F", "female"), Choice::new("M", "male")]),
                Field::flag("diabetic", "Insulin"),
                Field::number("inr", "INR", 0.5, 10.0).optional(),
            ],
        )
    }

    /// Found in use (issue 14): `31/02/2026` was answered with the format
    /// it was written in; the day does not exist.
    #[test]
    fn a_day_the_calendar_lacks_is_named_as_such() {
        assert!(parse_date("31/02/2026").unwrap_err().contains("no day 31/02/2026"));
        assert!(parse_date("28.02.2026").unwrap_err().contains("dd/mm/yyyy"));
        // ISO too (issue 14): one parser of typed days for forms and commands.
        assert_eq!(parse_date("2026-02-28"), parse_date("28/02/2026"));
        let _french = crate::i18n::scope(crate::domain::language::Language::Fr);
        assert_eq!(parse_date("29/02/2026").unwrap_err(), "le 29/02/2026 n'existe pas");
        assert_eq!(parse_date("28/02/2026"), Ok(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()));
    }

    #[test]
    fn problems_are_named_per_field_as_the_user_types() {
        let mut f = form();
        let choose = "choose one with ← →".to_string();
        assert_eq!(f.problems(), vec![(0, "required".into()), (1, "required".into()), (2, choose.clone())]);
        for c in "Martin".chars() {
            f.type_char(c);
        }
        f.next();
        for c in "31/02/1950".chars() {
            f.type_char(c);
        }
        assert_eq!(f.problems(), vec![(1, "no day 31/02/1950 in the calendar".into()), (2, choose)]);
        f.backspace();
        f.type_char('1');
        assert_eq!(f.fields[1].value, "31/02/1951");
        assert!(f.dirty);
    }

    #[test]
    fn typing_goes_where_the_cursor_is_and_accents_are_single_characters() {
        let mut f = form();
        for c in "Hélne".chars() {
            f.type_char(c);
        }
        f.cycle(false);
        f.cycle(false);
        f.type_char('è');
        assert_eq!(f.fields[0].value, "Hélène");
        f.backspace();
        f.backspace();
        assert_eq!(f.fields[0].value, "Héne");
        f.cursor_to(false);
        f.delete();
        assert_eq!(f.fields[0].value, "éne");
        f.cursor_to(true);
        f.type_char('!');
        assert_eq!(f.fields[0].value, "éne!");
        f.clear();
        assert_eq!(f.fields[0].value, "");
        f.backspace();
        assert_eq!(f.fields[0].value, "");
    }

    #[test]
    fn a_required_choice_has_no_default_to_save_without_looking() {
        let mut f = form();
        assert_eq!(f.value("sex"), "");
        assert!(f.problems().contains(&(2, "choose one with ← →".into())));
        f.focus = 2;
        f.cycle(false);
        assert_eq!(f.value("sex"), "M", "back from nothing goes to the last choice");
        let optional = Field::pick("bed", "Bed", vec![Choice::new("", "no bed"), Choice::new("1", "B1")]).optional();
        assert_eq!(optional.value, "");
        assert_eq!(optional.problem(), None);
    }

    #[test]
    fn an_empty_choice_reads_clearly_without_arrow_glyphs() {
        let (empty, hint) = arrows_for(true);
        assert!(empty.is_ascii() && hint.is_ascii());
        assert_eq!(empty, "<choose with Left/Right>");
        assert_eq!(arrows_for(false).0, "‹ choose with ← → ›");
    }

    #[test]
    fn pick_lists_cycle_and_jump_by_letter_and_flags_toggle() {
        let mut f = form();
        f.focus = 2;
        f.cycle(true);
        assert_eq!(f.value("sex"), "F");
        f.cycle(true);
        assert_eq!(f.value("sex"), "M");
        f.type_char('f');
        assert_eq!(f.value("sex"), "F");
        f.focus = 3;
        f.type_char(' ');
        assert!(f.flag("diabetic"));
        f.cycle(false);
        assert!(!f.flag("diabetic"));
    }

    /// Issue 9 (R-BLOCK-2): a whole-number field refuses a fraction as it is
    /// typed, and reading it applies the same check (it never drops it).
    #[test]
    fn r_block_2_whole_number_fields_refuse_a_fraction_at_once() {
        let mut form = Form::new("f", vec![Field::whole("minutes", "Minutes", 1, 720).with("90")]);
        assert_eq!(form.whole::<u32>("minutes"), Ok(Some(90)));
        for typed in ["1.2", "30.5", "30,5", "1e2", "-5", "abc"] {
            form.set("minutes", typed);
            let problem = form.fields[0].problem();
            assert!(problem.is_some(), "{typed} accepted");
            assert_eq!(form.whole::<u32>("minutes"), Err(format!("Minutes: {}", problem.unwrap())), "{typed}");
        }
        form.set("minutes", "721");
        assert!(form.whole::<u32>("minutes").is_err(), "bounds still apply");
    }

    #[test]
    fn numbers_accept_a_comma_and_respect_bounds() {
        let mut f = form();
        f.focus = 4;
        for c in "1,3".chars() {
            f.type_char(c);
        }
        assert_eq!(f.fields[4].problem(), None);
        f.set("inr", "42");
        assert_eq!(f.fields[4].problem(), Some("between 0.5 and 10".into()));
    }
}
