//! `--help` and the command line's refusals in the language in force
//! (issue 14).
//!
//! The arguments are defined once, by clap's derive in [`super::args`]; what
//! each command and argument does is in `locales/{en,fr}/usage.ftl`, one
//! message per command named by its path from `periop` (`usage-periop-board`,
//! its value the command's about) with an attribute per argument (`.date`;
//! the argument's id, `_` written `-`). [`parse_from`] walks the derived
//! `clap::Command` and puts in each text, the headings (a help template that
//! lays the help out as clap's default does), clap's own `--help`,
//! `--version` and `help` texts, and in French the notes clap writes after a
//! help line (`[default: text]`); a refusal is written by [`Localized`] from
//! clap's error kind and context, with clap's exit code (2; 0 for `--help`).
//!
//! The language is chosen before clap reads the command line:
//! [`language_of`] finds `--lang` (and `--db`) by a light scan of the
//! arguments, then follows `PERIOP_LANG`, the account's own (read from the
//! database file, [`super::account_language`]), the locale.

use super::args::Cli;
use super::language::Preset;
use crate::domain::language::{self, Language};
use crate::i18n::{self, Value};
use clap::builder::StyledStr;
use clap::builder::styling::{Style, Styles};
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::borrow::Cow;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The catalogue message of the command at `path` from `periop`:
/// `usage-periop`, `usage-periop-block-event`.
pub fn message_id<S: AsRef<str>>(path: &[S]) -> String {
    let mut id = String::from("usage-periop");
    for name in path {
        id.push('-');
        id.push_str(name.as_ref());
    }
    id
}

/// The attribute, in its command's message, of the argument whose id is `id`
/// (`case_id` → `case-id`).
pub fn attribute(id: &str) -> String {
    id.replace('_', "-")
}

/// The command line in the language in force, built and ready to parse or
/// to show (`render_help`). `bin_name` is the program's name as typed (the
/// usage lines show it), `periop` when `None`.
pub fn command(bin_name: Option<&str>) -> Command {
    let language = i18n::language();
    let mut cmd = with_texts(Cli::command(), &mut Vec::new(), language, true);
    if let Some(name) = bin_name {
        cmd = cmd.bin_name(name);
    }
    cmd.build();
    frame(&mut cmd, language);
    cmd
}

/// The command line `args` (the program's name first) read by clap in the
/// language in force. `--help`, `--version` and a refusal end the process
/// as clap ends it: the help on stdout with status 0, a refusal on stderr
/// with status 2.
pub fn parse_from(args: Vec<OsString>) -> Cli {
    let bin_name = args.first().and_then(|a| Path::new(a).file_name()).and_then(|n| n.to_str()).map(str::to_owned);
    let mut cmd = command(bin_name.as_deref());
    match cmd.try_get_matches_from_mut(args) {
        Ok(matches) => {
            Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut cmd).apply::<Localized>().exit())
        }
        Err(e) => e.apply::<Localized>().exit(),
    }
}

/// The language `--help` and a refusal of the command line speak, decided
/// before clap reads `args` (the program's name first): `--lang` as found
/// by [`option_value`] (a value periop does not speak is clap's to refuse),
/// then `PERIOP_LANG` (a bad one is refused once the line is read), the
/// account's own in the database of `--db` or `PERIOP_DB` when the file can
/// be read, the locale, the site.
pub fn language_of(args: &[OsString]) -> Language {
    let flag = option_value(args, "--lang").and_then(|v| Language::from_code(&v));
    let periop_lang = std::env::var("PERIOP_LANG").ok().and_then(|v| Language::from_code(&v));
    let locale = language::LOCALE_VARIABLES.map(|name| std::env::var(name).ok());
    let preset = Preset { flag, periop_lang, locale };
    let database = option_value(args, "--db")
        .or_else(|| std::env::var("PERIOP_DB").ok())
        .filter(|path| !path.is_empty())
        .map(PathBuf::from);
    database.and_then(|path| super::account_language::choose(&preset, &path)).unwrap_or_else(|| preset.before_store()).0
}

/// The value given to the option `name` in `args` (the program's name
/// first): `--lang fr` or `--lang=fr`, the last one given; none after `--`,
/// where the arguments are no longer options.
pub fn option_value(args: &[OsString], name: &str) -> Option<String> {
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        match arg {
            Some("--") => break,
            Some(arg) if arg == name => found = args.next().flatten().map(str::to_owned),
            Some(arg) => {
                if let Some(value) = arg.strip_prefix(name).and_then(|rest| rest.strip_prefix('=')) {
                    found = Some(value.to_owned());
                }
            }
            None => {}
        }
    }
    found
}

/// The derived command at `path` with its texts from the catalogue in
/// `language`, and its subcommands'. With `template`, the help's headings
/// are the catalogue's (else clap's own, for the test that they lay out
/// alike).
fn with_texts(cmd: Command, path: &mut Vec<String>, language: Language, template: bool) -> Command {
    let id = message_id(path);
    let mut cmd = cmd.about(i18n::t(language, &id).into_owned()).mut_args(|arg| {
        let help = i18n::attr(language, &id, &attribute(arg.get_id().as_str())).into_owned();
        arg.help(help)
    });
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        path.push(name.clone());
        cmd = cmd.mut_subcommand(&name, |sub| with_texts(sub, path, language, template));
        path.pop();
    }
    if template {
        let layout = help_template(&cmd, language);
        cmd = cmd.help_template(layout);
    }
    cmd
}

/// clap writes the notes after a help line in English (`[default: text]`,
/// `[possible values: text, json]`, `[env: PERIOP_DB=]`): outside English
/// they are hidden and written from the catalogue instead, in clap's order.
/// On a built command (the defaults and the values an argument takes are
/// known once built).
fn with_notes_in_words(arg: Arg, language: Language) -> Arg {
    let mut notes = Vec::new();
    if let Some(name) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let value = std::env::var_os(name).unwrap_or_default();
        notes.push(i18n::fmt(
            language,
            "usage-spec-env",
            &[
                ("name", Value::from(name.to_string_lossy().into_owned())),
                ("value", Value::from(value.to_string_lossy().into_owned())),
            ],
        ));
    }
    if arg.get_action().takes_values() && !arg.is_hide_default_value_set() && !arg.get_default_values().is_empty() {
        let values: Vec<String> = arg.get_default_values().iter().map(|v| escaped(&v.to_string_lossy())).collect();
        notes.push(i18n::fmt(language, "usage-spec-default", &[("value", Value::from(values.join(" ")))]));
    }
    let possible: Vec<String> =
        arg.get_possible_values().iter().filter(|v| !v.is_hide_set()).map(|v| escaped(v.get_name())).collect();
    if !arg.is_hide_possible_values_set() && !possible.is_empty() {
        notes.push(i18n::fmt(language, "usage-spec-possible", &[("values", Value::from(possible.join(", ")))]));
    }
    if notes.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let help = if help.is_empty() { notes.join(" ") } else { format!("{help} {}", notes.join(" ")) };
    arg.help(help).hide_env(true).hide_default_value(true).hide_possible_values(true)
}

/// A value as clap shows it in a note: quoted when empty or holding a blank.
fn escaped(value: &str) -> String {
    if value.is_empty() || value.contains(char::is_whitespace) { format!("{value:?}") } else { value.to_owned() }
}

/// The help laid out as clap's default template and its `{all-args}` do
/// (about, usage, commands, arguments, options), with the headings from
/// the catalogue.
fn help_template(cmd: &Command, language: Language) -> String {
    let styles = cmd.get_styles();
    let heading = |id: &str, style: &Style| format!("{style}{}{style:#}", i18n::t(language, id));
    let header = styles.get_header();
    let mut sections = Vec::new();
    if cmd.has_subcommands() {
        sections.push(format!("{}\n{{subcommands}}", heading("usage-heading-commands", header)));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(format!("{}\n{{positionals}}", heading("usage-heading-arguments", header)));
    }
    // Every command has options: `-h` at least.
    sections.push(format!("{}\n{{options}}", heading("usage-heading-options", header)));
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{}{{after-help}}",
        heading("usage-heading-usage", styles.get_usage()),
        sections.join("\n\n")
    )
}

/// What clap adds as it builds the command, said in `language`: its `-h`,
/// `-V` and `help` subcommand, and outside English the notes after each
/// help line; on the command and all below it.
fn frame(cmd: &mut Command, language: Language) {
    *cmd = std::mem::take(cmd).mut_args(|arg| match (arg.get_id().as_str(), arg.get_action()) {
        ("help", ArgAction::Help) if arg.get_long_help().is_some() => arg
            .help(i18n::attr(language, "usage-flag-help", "more").into_owned())
            .long_help(i18n::attr(language, "usage-flag-help", "summary").into_owned()),
        ("help", ArgAction::Help) => arg.help(i18n::t(language, "usage-flag-help").into_owned()),
        ("version", ArgAction::Version) => arg.help(i18n::t(language, "usage-flag-version").into_owned()),
        _ if language == Language::En => arg,
        _ => with_notes_in_words(arg, language),
    });
    for sub in cmd.get_subcommands_mut() {
        if sub.get_name() == "help" {
            *sub = std::mem::take(sub).about(i18n::t(language, "usage-command-help").into_owned());
        }
        frame(sub, language);
    }
}

/// Two spaces: clap's indent in a refusal.
const TAB: &str = "  ";

// clap's own English in a refusal, read back here to be said again in the
// language in force: the usage's heading, the tips, the range check.
const CLAP_USAGE: &str = "Usage:"; // i18n: clap's words, read
const CLAP_TO_PASS: &str = "to pass '"; // i18n: clap's words, read
const CLAP_AS_VALUE: &str = "' as a value, use '"; // i18n: clap's words, read
const CLAP_SUBCOMMAND: &str = "subcommand '"; // i18n: clap's words, read
const CLAP_REMOVE_DASHES: &str = "' exists; to use it, remove the '--' before it"; // i18n: clap's words, read
const CLAP_EXISTS: &str = "' exists"; // i18n: clap's words, read
const CLAP_NOT_IN: &str = " is not in "; // i18n: clap's words, read

/// clap's refusals written from the catalogue in the language in force:
/// `clap::Error::apply::<Localized>()`. The layout (first line, tips,
/// usage, where to read more) and the styles are clap's; a test compares
/// the English with clap's own.
pub struct Localized;

impl ErrorFormatter for Localized {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        Refusal { language: i18n::language(), styles: Styles::default() }.write(error)
    }
}

struct Refusal {
    language: Language,
    styles: Styles,
}

impl Refusal {
    fn t(&self, id: &str) -> Cow<'static, str> {
        i18n::t(self.language, id)
    }

    fn fmt(&self, id: &str, args: &[(&str, Value<'_>)]) -> String {
        i18n::fmt(self.language, id, args)
    }

    /// `text` quoted as the language quotes (`'x'`, `« x »`), in `style`.
    fn quoted(&self, style: &Style, text: &str) -> String {
        self.fmt("usage-quoted", &[("text", Value::from(paint(style, text)))])
    }

    fn write<F: ErrorFormatter>(&self, error: &clap::error::Error<F>) -> StyledStr {
        let valid = self.styles.get_valid();
        let mut out = StyledStr::new();
        let _ = write!(out, "{} ", paint(self.styles.get_error(), &self.t("usage-error")));
        match self.first_line(error) {
            Some(line) => out.push_str(&line),
            None => out.push_str(&self.kind_text(error.kind())),
        }
        let mut suggested = false;
        for (kind, id) in [
            (ContextKind::SuggestedSubcommand, "usage-tip-similar-subcommand"),
            (ContextKind::SuggestedArg, "usage-tip-similar-argument"),
            (ContextKind::SuggestedValue, "usage-tip-similar-value"),
        ] {
            let names: Vec<&String> = match error.get(kind) {
                Some(ContextValue::String(name)) => vec![name],
                Some(ContextValue::Strings(names)) => names.iter().collect(),
                _ => continue,
            };
            out.push_str("\n");
            if !suggested {
                out.push_str("\n");
                suggested = true;
            }
            let quoted: Vec<String> = names.iter().map(|n| self.quoted(valid, n)).collect();
            let tip = self.fmt(id, &[("count", Value::from(names.len())), ("names", Value::from(quoted.join(", ")))]);
            let _ = write!(out, "{TAB}{} {tip}", paint(valid, &self.t("usage-tip")));
        }
        if let Some(ContextValue::StyledStrs(suggestions)) = error.get(ContextKind::Suggested) {
            if !suggested {
                out.push_str("\n");
            }
            for suggestion in suggestions {
                let _ = write!(out, "\n{TAB}{} ", paint(valid, &self.t("usage-tip")));
                match self.suggestion(suggestion) {
                    Some(said) => out.push_str(&said),
                    None => out.push_str(&suggestion.ansi().to_string()),
                }
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            // clap's usage begins with its own heading, in English.
            let usage = usage.ansi().to_string().replacen(CLAP_USAGE, &self.t("usage-heading-usage"), 1);
            out.push_str("\n\n");
            out.push_str(&usage);
        }
        let more =
            self.fmt("usage-error-more", &[("flag", Value::from(self.quoted(self.styles.get_literal(), "--help")))]);
        let _ = write!(out, "\n\n{more}\n");
        out
    }

    /// The refusal's first line from clap's context, as clap words it;
    /// `None` when the context lacks what that takes.
    fn first_line<F: ErrorFormatter>(&self, error: &clap::error::Error<F>) -> Option<String> {
        let (valid, invalid, literal) = (self.styles.get_valid(), self.styles.get_invalid(), self.styles.get_literal());
        let text = |kind| match error.get(kind) {
            Some(ContextValue::String(text)) => Some(text.as_str()),
            _ => None,
        };
        let number = |kind| match error.get(kind) {
            Some(ContextValue::Number(n)) => Some(*n),
            _ => None,
        };
        let listed = |values: &[String], style: &Style| {
            values.iter().map(|v| format!("\n{TAB}{}", paint(style, v))).collect::<String>()
        };
        // `line`, then on the next line what clap offers instead (the possible
        // values, the subcommands), from the context `kind`, as message `id`'s `$key`.
        let offering = |line: String, kind: ContextKind, id: &str, key: &str| match error.get(kind) {
            Some(ContextValue::Strings(offered)) if !offered.is_empty() => {
                let offered: Vec<String> = offered.iter().map(|v| paint(valid, &escaped(v))).collect();
                let offered = self.fmt(id, &[(key, Value::from(offered.join(", ")))]);
                format!("{line}\n{TAB}{offered}")
            }
            _ => line,
        };
        let line = match error.kind() {
            ErrorKind::ArgumentConflict => {
                let (id, name, key) = match (text(ContextKind::InvalidArg), text(ContextKind::InvalidSubcommand)) {
                    (Some(arg), _) => ("usage-error-conflict", arg, "arg"),
                    (None, Some(sub)) => ("usage-error-subcommand-conflict", sub, "name"),
                    (None, None) => return None,
                };
                let quoted = self.quoted(invalid, name);
                match error.get(ContextKind::PriorArg) {
                    Some(ContextValue::String(prior)) if prior == name && key == "arg" => {
                        self.fmt("usage-error-conflict-repeated", &[("arg", Value::from(quoted))])
                    }
                    Some(ContextValue::String(prior)) => {
                        self.fmt(id, &[(key, Value::from(quoted)), ("other", Value::from(self.quoted(invalid, prior)))])
                    }
                    Some(ContextValue::Strings(priors)) => {
                        self.fmt(&format!("{id}-list"), &[(key, Value::from(quoted))]) + &listed(priors, invalid)
                    }
                    _ => self.fmt(&format!("{id}-others"), &[(key, Value::from(quoted))]),
                }
            }
            ErrorKind::NoEquals => self.fmt(
                "usage-error-no-equals",
                &[("arg", Value::from(self.quoted(invalid, text(ContextKind::InvalidArg)?)))],
            ),
            ErrorKind::InvalidValue => {
                let (arg, value) = (text(ContextKind::InvalidArg)?, text(ContextKind::InvalidValue)?);
                let line = if value.is_empty() {
                    self.fmt("usage-error-no-value", &[("arg", Value::from(self.quoted(invalid, arg)))])
                } else {
                    self.fmt(
                        "usage-error-invalid-value",
                        &[
                            ("value", Value::from(self.quoted(invalid, value))),
                            ("arg", Value::from(self.quoted(literal, arg))),
                        ],
                    )
                };
                offering(line, ContextKind::ValidValue, "usage-error-possible-values", "values")
            }
            ErrorKind::InvalidSubcommand => self.fmt(
                "usage-error-unknown-subcommand",
                &[("name", Value::from(self.quoted(invalid, text(ContextKind::InvalidSubcommand)?)))],
            ),
            ErrorKind::MissingRequiredArgument => match error.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(args)) => self.t("usage-error-missing").into_owned() + &listed(args, valid),
                _ => return None,
            },
            ErrorKind::MissingSubcommand => {
                let name = self.quoted(invalid, text(ContextKind::InvalidSubcommand)?);
                let line = self.fmt("usage-error-missing-subcommand", &[("name", Value::from(name))]);
                offering(line, ContextKind::ValidSubcommand, "usage-error-subcommands", "names")
            }
            ErrorKind::TooManyValues => self.fmt(
                "usage-error-too-many-values",
                &[
                    ("value", Value::from(self.quoted(invalid, text(ContextKind::InvalidValue)?))),
                    ("arg", Value::from(self.quoted(literal, text(ContextKind::InvalidArg)?))),
                ],
            ),
            ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
                let (id, expected, key) = if error.kind() == ErrorKind::TooFewValues {
                    ("usage-error-too-few-values", number(ContextKind::MinValues)?, "min")
                } else {
                    ("usage-error-wrong-number-of-values", number(ContextKind::ExpectedNumValues)?, "expected")
                };
                let given = number(ContextKind::ActualNumValues)?;
                self.fmt(
                    id,
                    &[
                        (key, Value::from(paint(valid, &expected.to_string()))),
                        ("arg", Value::from(self.quoted(literal, text(ContextKind::InvalidArg)?))),
                        ("count", Value::from(paint(invalid, &given.to_string()))),
                        ("given", Value::from(given)),
                    ],
                )
            }
            ErrorKind::ValueValidation => {
                let (arg, value) = (text(ContextKind::InvalidArg)?, text(ContextKind::InvalidValue)?);
                let args = [
                    ("value", Value::from(self.quoted(invalid, value))),
                    ("arg", Value::from(self.quoted(literal, arg))),
                ];
                match std::error::Error::source(error) {
                    Some(source) => {
                        let reason = self.reason(source, value);
                        let mut args = args.to_vec();
                        args.push(("reason", Value::from(reason)));
                        self.fmt("usage-error-validation", &args)
                    }
                    None => self.fmt("usage-error-validation-bare", &args),
                }
            }
            ErrorKind::UnknownArgument => self.fmt(
                "usage-error-unknown-argument",
                &[("arg", Value::from(self.quoted(invalid, text(ContextKind::InvalidArg)?)))],
            ),
            _ => return None,
        };
        Some(line)
    }

    /// What a kind of refusal is, when clap gives no detail.
    fn kind_text(&self, kind: ErrorKind) -> String {
        let code = match kind {
            ErrorKind::InvalidValue => "invalid-value",
            ErrorKind::UnknownArgument => "unknown-argument",
            ErrorKind::InvalidSubcommand => "invalid-subcommand",
            ErrorKind::NoEquals => "no-equals",
            ErrorKind::ValueValidation => "value-validation",
            ErrorKind::TooManyValues => "too-many-values",
            ErrorKind::TooFewValues => "too-few-values",
            ErrorKind::WrongNumberOfValues => "wrong-number-of-values",
            ErrorKind::ArgumentConflict => "argument-conflict",
            ErrorKind::MissingRequiredArgument => "missing-required-argument",
            ErrorKind::MissingSubcommand => "missing-subcommand",
            ErrorKind::InvalidUtf8 => "invalid-utf8",
            _ => "other",
        };
        self.fmt("usage-error-kind", &[("kind", Value::from(code))])
    }

    /// Why a value was refused: a number that is not one, or out of its
    /// range (clap's own words, read to be said again); else the
    /// refusal's own text.
    fn reason(&self, source: &(dyn std::error::Error + 'static), value: &str) -> String {
        use std::num::IntErrorKind;
        if let Some(e) = source.downcast_ref::<std::num::ParseIntError>() {
            return match e.kind() {
                IntErrorKind::Empty => self.fmt("usage-reason-empty", &[("what", Value::from("integer"))]),
                IntErrorKind::InvalidDigit => self.t("usage-reason-not-a-number").into_owned(),
                IntErrorKind::PosOverflow => self.t("usage-reason-too-large").into_owned(),
                IntErrorKind::NegOverflow => self.t("usage-reason-too-small").into_owned(),
                _ => e.to_string(),
            };
        }
        if source.downcast_ref::<std::num::ParseFloatError>().is_some() {
            return if value.is_empty() {
                self.fmt("usage-reason-empty", &[("what", Value::from("decimal"))])
            } else {
                self.t("usage-reason-not-a-decimal").into_owned()
            };
        }
        let text = source.to_string();
        // clap's range check: `21 is not in 0..=20`, `0 is not in 1..18446744073709551615`.
        let Some((number, bounds)) = text.split_once(CLAP_NOT_IN) else { return text };
        let Some((low, high)) = bounds.split_once("..") else { return text };
        let (inclusive, high) = match high.strip_prefix('=') {
            Some(high) => (true, high),
            None => (false, high),
        };
        let open = [u64::MAX.to_string(), i64::MAX.to_string()].contains(&high.to_string());
        let bound = match (inclusive, open) {
            (true, _) => "inclusive",
            (false, true) => "open",
            (false, false) => "exclusive",
        };
        self.fmt(
            "usage-reason-out-of-range",
            &[
                ("value", Value::from(number.to_owned())),
                ("low", Value::from(low.to_owned())),
                ("high", Value::from(high.to_owned())),
                ("bound", Value::from(bound)),
            ],
        )
    }

    /// One of clap's tips (written in English, read back here by its
    /// words), said in the language in force; `None` for one not known.
    fn suggestion(&self, suggestion: &StyledStr) -> Option<String> {
        let (valid, invalid) = (self.styles.get_valid(), self.styles.get_invalid());
        let plain = suggestion.to_string();
        if let Some(rest) = plain.strip_prefix(CLAP_TO_PASS) {
            let (arg, used) = rest.strip_suffix('\'')?.split_once(CLAP_AS_VALUE)?;
            return Some(self.fmt(
                "usage-tip-as-value",
                &[("arg", Value::from(self.quoted(invalid, arg))), ("use", Value::from(self.quoted(valid, used)))],
            ));
        }
        if let Some(rest) = plain.strip_prefix(CLAP_SUBCOMMAND) {
            let (name, _) = rest.split_once(CLAP_REMOVE_DASHES)?;
            return Some(self.fmt(
                "usage-tip-remove-dashes",
                &[("name", Value::from(self.quoted(valid, name))), ("dashes", Value::from(self.quoted(invalid, "--")))],
            ));
        }
        let usage = plain.strip_prefix('\'')?.strip_suffix(CLAP_EXISTS)?;
        Some(self.fmt("usage-tip-exists", &[("usage", Value::from(self.quoted(valid, usage)))]))
    }
}

/// `text` in `style`, as clap writes it (the codes are dropped where the
/// output is not a terminal, or with `NO_COLOR`).
fn paint(style: &Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

#[cfg(test)]
mod tests;
