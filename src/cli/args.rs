//! The command line: every command and argument, defined once here by clap's
//! derive. What each does, as `--help` says it, is in the catalogues
//! (`locales/{en,fr}/usage.ftl`, keyed by the command's path and the
//! argument's id: `usage-periop-board.date`); [`super::help`] puts the texts
//! of the language in force on the built command, and a test fails when an
//! argument or a command has none.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The default demo database, in the current folder.
pub const DEMO_DB: &str = "periop-demo.db";
/// Where `periop --demo` keeps the demo it replaces (made on another day).
pub const DEMO_PREVIOUS_DB: &str = "periop-demo.previous.db";

#[derive(Debug, Parser)]
#[command(name = "periop", version)]
pub struct Cli {
    // hide_env_values: a connection string may hold a password (issue 15).
    #[arg(long, global = true, env = "PERIOP_DB", hide_env_values = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[arg(long, global = true, env = "PERIOP_NOW", value_name = "DATETIME")]
    pub now: Option<String>,

    #[arg(long, global = true)]
    pub no_color: bool,

    #[arg(long, global = true)]
    pub ascii: bool,

    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    #[arg(long, conflicts_with = "db")]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init,
    Demo {
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=20))]
        years: u32,
    },
    Board {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    Block {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(subcommand)]
        action: Option<BlockAction>,
    },
    Admissions {
        #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "all_days")]
        date: Option<String>,
        #[arg(long)]
        all_days: bool,
        #[arg(long)]
        state: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    Rounds {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    #[command(args_conflicts_with_subcommands = true)]
    Distraction {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: Option<String>,
        #[arg(long = "case", value_name = "N")]
        case_id: Option<i64>,
        #[command(subcommand)]
        action: Option<DistractionAction>,
    },
    #[command(args_conflicts_with_subcommands = true)]
    Hexapod {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: Option<String>,
        #[arg(long = "case", value_name = "N")]
        case_id: Option<i64>,
        #[arg(long, value_name = "N")]
        revision: Option<u32>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(subcommand)]
        action: Option<HexapodAction>,
    },
    #[command(args_conflicts_with_subcommands = true)]
    Complications {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: Option<String>,
        #[arg(long)]
        open: bool,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(subcommand)]
        action: Option<ComplicationAction>,
    },
    #[command(args_conflicts_with_subcommands = true)]
    Ossification {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(subcommand)]
        action: Option<OssificationAction>,
    },
    #[command(args_conflicts_with_subcommands = true)]
    Stock {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(subcommand)]
        action: Option<StockAction>,
    },
    Recall {
        #[arg(long = "ref", value_name = "CODE")]
        reference: String,
        #[arg(long, value_name = "LOT")]
        lot: String,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        preview: bool,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    Implants {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    Settings {
        #[command(subcommand)]
        action: Option<SettingsAction>,
    },
    Check,
    Reindex,
    Rules {
        id: Option<String>,
    },
    Roles {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    Staff {
        #[command(subcommand)]
        action: Option<StaffAction>,
    },
    Rooms {
        #[command(subcommand)]
        action: Option<RoomAction>,
    },
    Beds {
        #[command(subcommand)]
        action: Option<BedAction>,
    },
    Procedures {
        #[command(subcommand)]
        action: Option<ProcedureAction>,
    },
    Setup {
        #[arg(long, value_name = "PATH")]
        from: PathBuf,
    },
    Backup {
        path: PathBuf,
    },
    Restore {
        path: PathBuf,
    },
    Migrate {
        #[arg(long, value_name = "PATH")]
        from: PathBuf,
        #[arg(long, value_name = "URL")]
        to: String,
    },
    Void {
        kind: String,
        id: i64,
        #[arg(long)]
        reason: String,
        #[arg(long, value_name = "shelf|waste")]
        to: Option<String>,
    },
    Bench {
        #[arg(long, default_value_t = 500, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        keys: usize,
    },
}

/// `--lang`: the languages periop speaks (clap lists them on a bad value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Fr,
}

impl LangArg {
    pub fn language(self) -> crate::domain::language::Language {
        match self {
            LangArg::En => crate::domain::language::Language::En,
            LangArg::Fr => crate::domain::language::Language::Fr,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
    Csv,
}

/// `periop block event`'s three forms: the command's syntax, the same in
/// every language.
const EVENT_USAGE: &str = concat!(
    "periop block event --case <ID> [--kind <KIND>] [--at <TIME>]\n       ", // i18n: command syntax
    "periop block event --correct <EVENT> --at <TIME>\n       ",             // i18n: command syntax
    "periop block event --void <EVENT> --reason <REASON>",                   // i18n: command syntax
);

#[derive(Debug, Subcommand)]
pub enum BlockAction {
    #[command(override_usage = EVENT_USAGE)]
    Event {
        #[arg(long = "case", value_name = "ID", required_unless_present_any = ["correct", "void"])]
        case_id: Option<i64>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        #[arg(long, value_name = "EVENT", conflicts_with_all = ["case_id", "kind", "void"], requires = "at")]
        correct: Option<i64>,
        #[arg(long, value_name = "EVENT", conflicts_with_all = ["case_id", "kind", "at"], requires = "reason")]
        void: Option<i64>,
        #[arg(long, requires = "void")]
        reason: Option<String>,
    },
    Stats {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum SettingsAction {
    Set {
        key: String,
        #[arg(allow_negative_numbers = true)]
        value: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum StockAction {
    Add {
        #[arg(long = "ref", value_name = "CODE")]
        code: String,
        #[arg(long)]
        manufacturer: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        implantable: bool,
        #[arg(long)]
        gtin: Option<String>,
        #[arg(long, default_value_t = 0)]
        min: u32,
        #[arg(long, value_parser = decimal)]
        mm_per_turn: Option<f64>,
    },
    Receive {
        #[arg(long)]
        scan: Option<String>,
        #[arg(long = "ref", value_name = "CODE")]
        reference: Option<String>,
        #[arg(long)]
        lot: Option<String>,
        #[arg(long)]
        serial: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        expiry: Option<String>,
        #[arg(long)]
        units: Option<u32>,
        #[arg(long, default_value = "")]
        location: String,
        #[arg(long)]
        expired_ok: bool,
    },
    Lift {
        #[arg(long = "ref", value_name = "CODE")]
        reference: String,
        #[arg(long)]
        lot: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        recall: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DistractionAction {
    Add {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        #[arg(long)]
        site: String,
        #[arg(long)]
        device: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        osteotomy: String,
        #[arg(long, value_parser = decimal, value_name = "MM")]
        target: f64,
        #[arg(long, value_parser = decimal, value_name = "MM", default_value_t = 0.25)]
        mm_per_turn: f64,
        #[arg(long, value_name = "DAYS")]
        latency: Option<u32>,
        #[arg(long, value_parser = decimal, value_name = "MM_PER_DAY")]
        rate: Option<f64>,
        #[arg(long, value_name = "N")]
        rhythm: Option<u32>,
        #[arg(long, default_value_t = 0)]
        pins: u32,
        #[arg(long, default_value = "")]
        pin_sites: String,
        #[arg(long)]
        outpatient: bool,
    },
    Step {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        #[arg(long)]
        kind: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long, value_parser = decimal, value_name = "MM_PER_DAY")]
        rate: Option<f64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HexapodAction {
    Import {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        #[arg(long = "case", value_name = "N")]
        case_id: Option<i64>,
        #[arg(long, value_name = "FILE")]
        file: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    Adjust {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        #[arg(long = "case", value_name = "N")]
        case_id: Option<i64>,
        #[arg(long = "set", value_name = "STRUT=MM", required = true)]
        set: Vec<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        day: Option<String>,
        #[arg(long)]
        phone: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ComplicationAction {
    Add {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        #[arg(long = "case", value_name = "ID")]
        case_id: Option<i64>,
        #[arg(long)]
        kind: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        #[arg(long)]
        severity: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    Close {
        id: i64,
        #[arg(long)]
        outcome: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum OssificationAction {
    Add {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        #[arg(long = "case", value_name = "ID")]
        case_id: Option<i64>,
        #[arg(long, value_name = "DATETIME")]
        surgery: String,
        #[arg(long)]
        prophylaxis: String,
        #[arg(long, value_name = "DATETIME")]
        given: Option<String>,
        #[arg(long, value_parser = decimal, value_name = "GY")]
        dose: Option<f64>,
        #[arg(long, default_value = "indomethacin")]
        drug: String,
        #[arg(long, value_name = "DAYS", default_value_t = 10)]
        days: u32,
        #[arg(long)]
        reason: Option<String>,
    },
    Xray {
        id: i64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        #[arg(long)]
        brooker: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffAction {
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    Add {
        #[arg(long)]
        account: Option<String>,
        #[arg(long)]
        name: String,
        #[arg(long)]
        role: String,
    },
    Set {
        who: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        active: Option<bool>,
    },
    Retire {
        who: String,
    },
    Language {
        language: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoomAction {
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    Add {
        name: String,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        opens: String,
        #[arg(long)]
        closes: String,
    },
    Set {
        name: String,
        #[arg(long)]
        rename: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        opens: Option<String>,
        #[arg(long)]
        closes: Option<String>,
        #[arg(long)]
        active: Option<bool>,
    },
    Retire {
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum BedAction {
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    Add {
        label: String,
        #[arg(long)]
        unit: Option<String>,
    },
    Set {
        label: String,
        #[arg(long)]
        rename: Option<String>,
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        closed: Option<bool>,
        #[arg(long)]
        active: Option<bool>,
    },
    Retire {
        label: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProcedureAction {
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    Add {
        code: String,
        #[arg(long)]
        label: String,
        #[arg(long)]
        minutes: i64,
        #[arg(long)]
        anaesthesia: bool,
        #[arg(long)]
        implants: bool,
    },
    Set {
        code: String,
        #[arg(long)]
        label: Option<String>,
        #[arg(long)]
        minutes: Option<i64>,
        #[arg(long)]
        anaesthesia: Option<bool>,
        #[arg(long)]
        implants: Option<bool>,
        #[arg(long)]
        active: Option<bool>,
    },
    Retire {
        code: String,
    },
}

/// A decimal typed on the command line, with a point or, as French writes
/// it, a comma (`1,5`): the screens take both (issue 14, found by the
/// French tester: `--target 1,5` was refused).
fn decimal(text: &str) -> Result<f64, std::num::ParseFloatError> {
    match crate::domain::decimal::parse(text) {
        Some(n) => Ok(n),
        // The float parser's own error, which `cli::help` words as "not a
        // decimal" (`12.`, `,5` and `1,2,3` are not, though Rust reads the first two).
        None => "not a number".parse::<f64>(), // i18n: never shown (its kind is)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// A decimal comma is read as French writes it, on every decimal argument.
    #[test]
    fn decimals_take_a_point_or_a_comma() {
        assert_eq!(decimal("1,5"), Ok(1.5));
        assert_eq!(decimal(" 12.5 "), Ok(12.5));
        assert!(decimal("douze").is_err());
        let line =
            "periop distraction add --patient P --site s --device d --osteotomy 2026-11-20 --target 1,5 --rate 0,5";
        let cli = Cli::try_parse_from(line.split(' ')).unwrap();
        let Some(Command::Distraction { action: Some(DistractionAction::Add { target, rate, .. }), .. }) = cli.command
        else {
            panic!("{:?}", cli.command)
        };
        assert_eq!((target, rate), (1.5, Some(0.5)));
    }
}
