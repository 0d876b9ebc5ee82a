//! `periop`: parse the command line, install the error hooks, open the store,
//! then run the TUI or a command. Errors end here as one line on stderr.

use color_eyre::Result;
use periop::app::clock::{Clock, NowArg};
use periop::cli::args::{
    BedAction, Cli, Command, DEMO_DB, DEMO_PREVIOUS_DB, Format, ListFormat, ProcedureAction, RoomAction,
    SettingsAction, StaffAction,
};
use periop::cli::setup as ward;
use periop::cli::{self};
use periop::domain::pathway::AdmissionState;
use periop::domain::ward_time;
use periop::store::admission_list::ListQuery;
use periop::store::setup::{BedInput, Mode, ProcedureInput, RoomInput};
use periop::store::{Location, Store};
use periop::ui::theme::Theme;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let _ = color_eyre::install();
    // The language until a store is open, found before clap reads the line
    // so that `--help` and its refusals speak it too (issue 14): `--lang`,
    // `PERIOP_LANG`, the account's own and the site's read from the database
    // file (`periop roles`, `rules` and `check` open no store and speak it),
    // the locale.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    periop::i18n::set_language(cli::help::language_of(&args));
    let cli = cli::help::parse_from(args);
    periop::logging::init();
    let _ = periop::store::UPGRADE_NOTICE.set(upgrade_notice);
    match run(cli) {
        Ok(code) => code,
        Err(report) => {
            // One plain line, in the log and on stderr (no colour codes, no backtrace).
            let causes: Vec<String> = report.chain().map(ToString::to_string).collect();
            log::error!("{}", causes.join(": "));
            // Not eprintln!: it panics when stderr is a terminal that hung up.
            use std::io::Write;
            let text =
                causes.into_iter().reduce(|said, cause| periop::i18n::labelled(&said, &cause)).unwrap_or_default();
            let _ = writeln!(std::io::stderr(), "{}", periop::tr!("cli-error", text = text));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let now_arg = cli.now.as_deref().map(NowArg::parse).transpose().map_err(color_eyre::eyre::Report::msg)?;
    // Refuses a PERIOP_LANG periop does not speak; the language until a
    // store is open is already set (main).
    let language = cli::language::Preset::read(cli.lang.map(|l| l.language()))?;
    let clock_for = |store: &Store| match now_arg {
        Some(arg) => Clock::Fixed(arg.resolve(store.zone())),
        None => Clock::System,
    };
    match cli.command {
        None => {
            let store =
                if cli.demo { demo_for_today(now_arg, &language)? } else { open(&database(cli.db)?, &language)? };
            let clock = clock_for(&store);
            // Tests of the idle lock move a fixed clock through a file.
            let clock = match clock {
                Clock::Fixed(at) => Clock::from_file_env(at, store.zone()).unwrap_or(clock),
                other => other,
            };
            let charset = periop::ui::charset::Charset::from_env(cli.ascii);
            let (language, _) = language.choose(&store);
            periop::shell::run(store, clock, Theme::from_env(cli.no_color), charset, language)?;
        }
        Some(Command::Init) => {
            let zone = periop::domain::settings::Settings::default().zone();
            cli::init(&database(cli.db)?, now_arg.map_or_else(chrono::Utc::now, |arg| arg.resolve(zone)))?;
        }
        Some(Command::Demo { seed, years }) => {
            // A demo is a file; a connection string is never made a file name.
            let path = match cli.db.map(|db| Location::parse(db.as_os_str())) {
                None => PathBuf::from(DEMO_DB),
                Some(Location::File(path)) => path,
                Some(Location::Postgres(_)) => {
                    return Err(color_eyre::eyre::eyre!("{}", periop::tr!("cli-file-only", command = "demo")));
                }
            };
            build_demo(&path, now_arg, seed, years)?;
        }
        Some(Command::Board { date, format }) => {
            let store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            let day = match date {
                Some(text) => periop::domain::day_label::parse_day(&text).map_err(|_| not_a_day(&text))?,
                None => ward_time::local_day(now, store.zone()),
            };
            let board = store.board(day, now).map_err(|e| store.explain(e))?;
            match format {
                Format::Text => out(&cli::board::text(&board, now, store.zone())),
                Format::Json => out(&cli::board::json(&board, now, store.zone())),
            }
        }
        Some(Command::Block {
            action: Some(cli::args::BlockAction::Event { case_id, kind, at, correct, void, reason }),
            ..
        }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            use cli::block::EventCommand;
            let command = match (correct, void, case_id) {
                (Some(event_id), _, _) => EventCommand::Correct { event_id, at: at.unwrap_or_default() },
                (_, Some(event_id), _) => EventCommand::Void { event_id, reason: reason.unwrap_or_default() },
                (_, _, Some(case_id)) => EventCommand::Record { case_id, kind, at },
                _ => return Err(color_eyre::eyre::eyre!("{}", periop::tr!("cli-event-which"))),
            };
            out(&cli::block::event(&mut store, command, now)?);
        }
        Some(Command::Block { action: Some(cli::args::BlockAction::Stats { from, to, format }), .. }) => {
            let store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            let (from, to) = (day_or_today(Some(from), now, &store)?, day_or_today(Some(to), now, &store)?);
            if to < from || (to - from).num_days() > 366 {
                return Err(color_eyre::eyre::eyre!(
                    "{}",
                    periop::tr!("cli-stats-range", from = from.to_string(), to = to.to_string())
                ));
            }
            let mut days = Vec::new();
            let mut day = from;
            while day <= to {
                days.push(store.block_day(day, now).map_err(|e| store.explain(e))?);
                day = day.succ_opt().unwrap_or(to + chrono::Duration::days(1));
            }
            let rows = cli::block::weekly(&days, store.zone());
            match format {
                ListFormat::Text => out(&cli::block::stats_text(&rows, from, to)),
                ListFormat::Json => out(&cli::block::stats_json(&rows, from, to, now)),
                ListFormat::Csv => out(&cli::block::stats_csv(&rows)),
            }
        }
        Some(Command::Block { date, format, action: None }) => {
            let store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            let day = day_or_today(date, now, &store)?;
            let list = store.block_day(day, now).map_err(|e| store.explain(e))?;
            let zone = store.zone();
            match format {
                ListFormat::Text => out(&cli::block::text(&list, now, zone)),
                ListFormat::Json => out(&cli::block::json(&list, now, zone)),
                ListFormat::Csv => out(&cli::block::csv(&list, zone)),
            }
        }
        Some(Command::Admissions { date, all_days, state, format }) => {
            let store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            let day = if all_days { None } else { Some(day_or_today(date, now, &store)?) };
            let state = match state {
                Some(code) => Some(AdmissionState::from_code(&code).ok_or_else(|| {
                    color_eyre::eyre::eyre!(
                        "{}",
                        periop::tr!("cli-not-a-state", code = format!("{code:?}"), states = states())
                    )
                })?),
                None => None,
            };
            let rows = store.admissions(&ListQuery { day, state, text: None }, now).map_err(|e| store.explain(e))?;
            let zone = store.zone();
            match format {
                ListFormat::Text => out(&cli::admissions::text(&rows, day, zone)),
                ListFormat::Json => out(&cli::admissions::json(&rows, day, now, zone)),
                ListFormat::Csv => out(&cli::admissions::csv(&rows, zone)),
            }
        }
        Some(Command::Settings { action }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            match action {
                None => out(&cli::settings::list(&store)?),
                Some(SettingsAction::Set { key, value }) => {
                    let now = clock_for(&store).now();
                    out(&cli::settings::set(&mut store, &key, &value, now)?);
                }
            }
        }
        Some(Command::Check) => {
            let now = now_arg
                .map_or_else(chrono::Utc::now, |arg| arg.resolve(periop::domain::settings::Settings::default().zone()));
            if !cli::check::run(&database(cli.db)?, now)? {
                return Ok(ExitCode::FAILURE);
            }
        }
        Some(Command::Reindex) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            out(&cli::reindex::run(&mut store, now)?);
        }
        Some(Command::Rules { id }) => match id {
            None => out(cli::rules::document(periop::i18n::language())),
            Some(id) => out(cli::rules::lookup(&id)?),
        },
        Some(Command::Rounds { date, format }) => {
            let store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            out(&cli::distraction_commands::rounds(&store, date.as_deref(), format, now)?);
        }
        Some(Command::Distraction { patient, case_id, action }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            out(&cli::distraction_commands::run(&mut store, patient.as_deref(), case_id, action, now)?);
        }
        Some(Command::Hexapod { patient, case_id, revision, format, action }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            let asked = cli::hexapod::Asked { patient: patient.as_deref(), case_id, revision, format };
            out_as(&cli::hexapod::run(&mut store, asked, action, now)?, cli.ascii && format == ListFormat::Text);
        }
        Some(Command::Complications { patient, open: open_only, format, action }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            let asked = cli::complications::Asked { patient: patient.as_deref(), open_only, format };
            out_as(&cli::complications::run(&mut store, asked, action, now)?, cli.ascii && format == ListFormat::Text);
        }
        Some(Command::Ossification { patient, format, action }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            out_as(
                &cli::ossification::run(&mut store, patient.as_deref(), format, action, now)?,
                cli.ascii && format == Format::Text,
            );
        }
        Some(Command::Stock { format, action }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            out_as(&cli::stock::run(&mut store, action, format, now)?, cli.ascii && format == ListFormat::Text);
        }
        Some(Command::Recall { reference, lot, reason, preview, format }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            let asked = cli::stock::RecallAsked { code: &reference, number: &lot, reason: reason.as_deref(), preview };
            out_as(&cli::stock::recall(&mut store, asked, format, now)?, cli.ascii && format == ListFormat::Text);
        }
        Some(Command::Implants { patient, format }) => {
            let store = open(&database(cli.db)?, &language)?;
            out_as(&cli::stock::implants(&store, &patient, format)?, cli.ascii && format == ListFormat::Text);
        }
        Some(Command::Roles { format }) => match format {
            ListFormat::Text => out(&cli::staff::roles_text()),
            ListFormat::Json => out(&cli::staff::roles_json()),
            ListFormat::Csv => out(&cli::staff::roles_csv()),
        },
        Some(Command::Staff { action }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            match action.unwrap_or(StaffAction::List { format: ListFormat::Text }) {
                StaffAction::List { format } => {
                    let rows = store.staff().map_err(|e| store.explain(e))?;
                    match format {
                        ListFormat::Text => out(&cli::staff::list_text(&rows)),
                        ListFormat::Json => out(&cli::staff::list_json(&rows)),
                        ListFormat::Csv => out(&cli::staff::list_csv(&rows)),
                    }
                }
                StaffAction::Add { account, name, role } => {
                    let role = cli::staff::role(&role)?;
                    out(&cli::staff::add(&mut store, account.as_deref(), &name, role, now)?);
                }
                StaffAction::Set { who, name, role, active } => {
                    let role = role.as_deref().map(cli::staff::role).transpose()?;
                    let change = periop::store::staff::StaffChange { display_name: name, role, active };
                    out(&cli::staff::set(&mut store, &who, &change, now)?);
                }
                StaffAction::Language { language: asked } => {
                    out(&cli::language::staff_language(&mut store, asked.as_deref(), &language, now)?);
                }
                StaffAction::Retire { who } => {
                    let change = periop::store::staff::StaffChange { active: Some(false), ..Default::default() };
                    out(&cli::staff::set(&mut store, &who, &change, now)?);
                }
            }
        }
        Some(Command::Rooms { action }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            let (input, mode) = match action.unwrap_or(RoomAction::List { format: ListFormat::Text }) {
                RoomAction::List { format } => {
                    let rows = store.rooms().map_err(|e| store.explain(e))?;
                    out(&match format {
                        ListFormat::Text => ward::rooms_text(&rows),
                        ListFormat::Json => ward::json("rooms", &rows),
                        ListFormat::Csv => ward::csv(&rows, ward::ROOM_COLUMNS),
                    });
                    return Ok(ExitCode::SUCCESS);
                }
                RoomAction::Add { name, kind, opens, closes } => (
                    RoomInput {
                        name,
                        kind: Some(kind),
                        opens: Some(opens),
                        closes: Some(closes),
                        ..Default::default()
                    },
                    Mode::Add,
                ),
                RoomAction::Set { name, rename, kind, opens, closes, active } => {
                    (RoomInput { name, rename, kind, opens, closes, active, seen_version: None }, Mode::Set)
                }
                RoomAction::Retire { name } => {
                    (RoomInput { name, active: Some(false), ..Default::default() }, Mode::Set)
                }
            };
            let what = periop::tr!("cli-put-room", name = input.name.as_str());
            out(&ward::put(&mut store, now, &what, |tx| periop::store::setup::put_room(tx, &input, mode))?);
        }
        Some(Command::Beds { action }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            let (input, mode) = match action.unwrap_or(BedAction::List { format: ListFormat::Text }) {
                BedAction::List { format } => {
                    let rows = store.bed_setup().map_err(|e| store.explain(e))?;
                    out(&match format {
                        ListFormat::Text => ward::beds_text(&rows),
                        ListFormat::Json => ward::json("beds", &rows),
                        ListFormat::Csv => ward::csv(&rows, ward::BED_COLUMNS),
                    });
                    return Ok(ExitCode::SUCCESS);
                }
                BedAction::Add { label, unit } => (BedInput { label, unit, ..Default::default() }, Mode::Add),
                BedAction::Set { label, rename, unit, closed, active } => {
                    (BedInput { label, rename, unit, closed, active, seen_version: None }, Mode::Set)
                }
                BedAction::Retire { label } => {
                    (BedInput { label, active: Some(false), ..Default::default() }, Mode::Set)
                }
            };
            let what = periop::tr!("cli-put-bed", name = input.label.as_str());
            out(&ward::put(&mut store, now, &what, |tx| periop::store::setup::put_bed(tx, &input, mode))?);
        }
        Some(Command::Procedures { action }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            let (input, mode) = match action.unwrap_or(ProcedureAction::List { format: ListFormat::Text }) {
                ProcedureAction::List { format } => {
                    let rows = store.procedure_kinds().map_err(|e| store.explain(e))?;
                    out(&match format {
                        ListFormat::Text => ward::procedures_text(&rows),
                        ListFormat::Json => ward::json("procedure_kinds", &rows),
                        ListFormat::Csv => ward::csv(&rows, ward::PROCEDURE_COLUMNS),
                    });
                    return Ok(ExitCode::SUCCESS);
                }
                ProcedureAction::Add { code, label, minutes, anaesthesia, implants } => (
                    ProcedureInput {
                        code,
                        label: Some(label),
                        minutes: Some(minutes),
                        anaesthesia_expected: Some(anaesthesia),
                        implants_expected: Some(implants),
                        active: None,
                        seen_version: None,
                    },
                    Mode::Add,
                ),
                ProcedureAction::Set { code, label, minutes, anaesthesia, implants, active } => (
                    ProcedureInput {
                        code,
                        label,
                        minutes,
                        anaesthesia_expected: anaesthesia,
                        implants_expected: implants,
                        active,
                        seen_version: None,
                    },
                    Mode::Set,
                ),
                ProcedureAction::Retire { code } => {
                    (ProcedureInput { code, active: Some(false), ..Default::default() }, Mode::Set)
                }
            };
            let what = periop::tr!("cli-put-procedure", name = input.code.as_str());
            out(&ward::put(&mut store, now, &what, |tx| periop::store::setup::put_procedure(tx, &input, mode))?);
        }
        Some(Command::Setup { from }) => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            out(&ward::from_file(&mut store, &from, now)?);
        }
        Some(Command::Backup { path }) => {
            let store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            out(&cli::backup::backup(&store, &path, now)?);
        }
        Some(Command::Restore { path }) => {
            let zone = periop::domain::settings::Settings::default().zone();
            let now = now_arg.map_or_else(chrono::Utc::now, |arg| arg.resolve(zone));
            out(&cli::backup::restore(&database_file(cli.db, "restore")?, &path, now)?);
        }
        Some(Command::Migrate { from, to }) => {
            let to = Location::parse(std::ffi::OsStr::new(&to));
            #[cfg(feature = "postgres")]
            out(&cli::migrate::run(&from, &to)?);
            #[cfg(not(feature = "postgres"))]
            {
                let _ = (from, to);
                return Err(periop::store::StoreError::NoPostgres.into());
            }
        }
        Some(Command::Void { kind, id, reason, to }) if kind.trim() == IMPLANT => {
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            out_as(&cli::stock::void_implant(&mut store, id, &reason, to.as_deref(), now)?, cli.ascii);
        }
        Some(Command::Void { kind, id, reason, .. }) => {
            use periop::store::void::{self, Voidable};
            let what = Voidable::from_code(&kind).ok_or_else(|| {
                let kinds: Vec<&str> = Voidable::ALL.iter().map(|v| v.code()).chain([IMPLANT]).collect();
                color_eyre::eyre::eyre!(
                    "{}",
                    periop::tr!("cli-cannot-void", kind = format!("{kind:?}"), kinds = kinds.join(", "))
                )
            })?;
            let mut store = open(&database(cli.db)?, &language)?;
            let now = clock_for(&store).now();
            let voided = store.write(now, |tx| void::void(tx, what, id, &reason))?;
            out(&cli::void::said(&voided, &reason, store.settings().zone()));
        }
        Some(Command::Bench { keys }) => {
            let location = database(cli.db)?;
            let store = open(&location, &language)?;
            let clock = clock_for(&store);
            drop(store);
            cli::bench::run(&location, clock, keys)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Before a schema upgrade, which can take a minute on years of history:
/// said on stderr so that nobody takes the wait for a hang.
fn upgrade_notice(path: &Path, from: i64, to: i64) {
    use std::io::Write;
    let path = periop::store::error::shown(path);
    let _ = writeln!(std::io::stderr(), "{}", periop::tr!("cli-upgrading", path = path, from = from, to = to));
}

/// Prints a command's output. A reader that stops early (`| head`) is not an
/// error: the rest is simply not wanted.
/// [`out`], with every character outside ASCII shown by its ASCII twin
/// when `ascii` (`--ascii` on a text output: `✓` → `+`, `é` → `e`).
fn out_as(text: &str, ascii: bool) {
    if ascii {
        out(&periop::ui::charset::ascii_text(text));
    } else {
        out(text);
    }
}

fn out(text: &str) {
    use std::io::Write;
    // A value stored behind periop's back (an escape sequence in a name or a
    // reason) is shown, not obeyed by the terminal.
    let text = &*periop::domain::names::made_safe(text, &['\n', '\t']);
    let mut stdout = std::io::stdout().lock();
    let newline = if text.ends_with('\n') { "" } else { "\n" };
    let written = stdout.write_all(text.as_bytes()).and_then(|()| stdout.write_all(newline.as_bytes()));
    if let Err(e) = written.and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(std::io::stderr(), "{}", periop::tr!("cli-cannot-write", error = e.to_string()));
    }
}

/// `--date` as a ward day, or today.
fn day_or_today(date: Option<String>, now: chrono::DateTime<chrono::Utc>, store: &Store) -> Result<chrono::NaiveDate> {
    match date {
        Some(text) => periop::domain::day_label::parse_day(&text).map_err(|_| not_a_day(&text)),
        None => Ok(ward_time::local_day(now, store.zone())),
    }
}

/// The refusal of a `--date` that is not a day.
fn not_a_day(text: &str) -> color_eyre::eyre::Report {
    color_eyre::eyre::eyre!("{}", periop::tr!("cli-not-a-day", option = "--date", text = format!("{text:?}")))
}

/// `periop void implant`: an implant record is voided by the stock commands.
const IMPLANT: &str = "implant";

fn states() -> String {
    AdmissionState::ALL.iter().map(|s| s.code()).collect::<Vec<_>>().join(", ")
}

/// Opens a database as the current account. Opening only reads: a first
/// visit registers the account with its first save, at that save's time (the
/// one clock, `--now` included).
/// Opens the database and sets the language in force for its account
/// (issue 14: `--lang`, `PERIOP_LANG`, the account's own, the locale, the site).
fn open(location: &Location, language: &cli::language::Preset) -> Result<Store> {
    let store = Store::connect(location, &periop::store::Account::current())?;
    periop::i18n::set_language(language.choose(&store).0);
    // Found in use (#12): a setting stored out of range silently gave way to
    // its default (fasting times two hours shorter than the site's): every
    // command says so on stderr, the screen in its notice line.
    for refused in store.refused_settings() {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "{}", periop::tr!("cli-warning", text = refused.to_string()));
    }
    Ok(store)
}

/// `--db` or `PERIOP_DB`: a file path or a PostgreSQL connection string.
fn database(db: Option<PathBuf>) -> Result<Location> {
    let db = db.ok_or_else(|| color_eyre::eyre::eyre!("{}", periop::tr!("cli-no-database")))?;
    Ok(Location::parse(db.as_os_str()))
}

/// `--db` for a command about the file itself (`restore`): refused on
/// PostgreSQL, naming the server's own tool.
fn database_file(db: Option<PathBuf>, command: &'static str) -> Result<PathBuf> {
    match database(db)? {
        Location::File(path) => Ok(path),
        Location::Postgres(_) => Err(color_eyre::eyre::eyre!("{}", periop::tr!("cli-file-only", command = command))),
    }
}

fn build_demo(path: &Path, now_arg: Option<NowArg>, seed: u64, years: u32) -> Result<Store> {
    let zone = periop::domain::settings::Settings::default().zone();
    let now = now_arg.map_or_else(chrono::Utc::now, |arg| arg.resolve(zone));
    let interactive = std::io::stderr().is_terminal();
    let mut shown = -1i64;
    let mut progress = |done: f64| {
        let percent = (done * 100.0).floor() as i64;
        if years > 0 && percent != shown && (interactive || percent % 10 == 0) {
            shown = percent;
            let said = periop::tr!("cli-demo-building", years = years, percent = format!("{percent:>3}"));
            if interactive {
                eprint!("\r{said}");
            } else {
                eprintln!("{said}");
            }
        }
    };
    // Built beside `path` and put in place only when complete (a crash or a
    // full disk leaves no half-built ward there).
    let account = periop::store::Account::current();
    let options = cli::demo::Options { seed, years };
    let store = periop::store::new_file::build_beside(path, &account, |partial| {
        cli::demo::build(partial, &account, now, &options, &mut progress)
    })?;
    if interactive && years > 0 {
        eprintln!();
    }
    eprintln!("{}", periop::tr!("cli-demo-written", path = periop::store::error::shown(path)));
    Ok(store)
}

/// `--demo`: reuse ./periop-demo.db if it was made today (so a second
/// terminal shares it), otherwise make it afresh around today. An older
/// demo is kept as ./periop-demo.previous.db (what was typed into it is not
/// lost), replacing the one kept before.
fn demo_for_today(now_arg: Option<NowArg>, language: &cli::language::Preset) -> Result<Store> {
    let path = PathBuf::from(DEMO_DB);
    if path.exists() {
        let store = open(&Location::File(path.clone()), language)?;
        let now = now_arg.map_or_else(chrono::Utc::now, |arg| arg.resolve(store.zone()));
        if store.created_on()? == Some(ward_time::local_day(now, store.zone())) {
            return Ok(store);
        }
        // Closing copies the WAL into the file, so the file alone is whole.
        store.close()?;
        let kept = PathBuf::from(DEMO_PREVIOUS_DB);
        for side in periop::store::sidecars::paths(&kept) {
            let _ = std::fs::remove_file(side);
        }
        std::fs::rename(&path, &kept).map_err(|e| {
            color_eyre::eyre::eyre!(
                "{}",
                periop::tr!("cli-demo-keep-failed", kept = DEMO_PREVIOUS_DB, error = e.to_string(), path = DEMO_DB)
            )
        })?;
        log::info!("older demo kept as {DEMO_PREVIOUS_DB}");
    }
    build_demo(&path, now_arg, 1, 0)
}
