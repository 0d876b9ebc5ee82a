//! The command line. Every option has a `--help` line that says what it does.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The default demo database, in the current folder.
pub const DEMO_DB: &str = "periop-demo.db";
/// Where `periop --demo` keeps the demo it replaces (made on another day).
pub const DEMO_PREVIOUS_DB: &str = "periop-demo.previous.db";

#[derive(Debug, Parser)]
#[command(name = "periop", version, about = "A procedure block and its short-stay ward, from the keyboard.")]
pub struct Cli {
    /// The database file (shared by the ward's terminals).
    #[arg(long, global = true, env = "PERIOP_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Fix the clock: 2026-11-23T08:00 (ward time) or 2026-11-23T07:00Z.
    #[arg(long, global = true, env = "PERIOP_NOW", value_name = "DATETIME")]
    pub now: Option<String>,

    /// A monochrome screen (also when NO_COLOR is set).
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Draw with ASCII only (also when the locale is not UTF-8: Latin-1 keeps accents).
    #[arg(long, global = true)]
    pub ascii: bool,

    /// The screen's language: en or fr (also PERIOP_LANG; then your
    /// account's own, the locale, the site setting site.language).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    /// Open the TUI on a demo ward around today, in ./periop-demo.db (made if needed).
    #[arg(long, conflicts_with = "db")]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new, empty database (mode 0660) and register you as its administrator.
    Init,
    /// Create a demo database: a realistic ward around today.
    Demo {
        /// The same seed gives the same patients and cases.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also fill this many years of history (8 cases a weekday), for benchmarks.
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=20))]
        years: u32,
    },
    /// Print a day's board: arrivals, procedures, departures, what needs attention.
    Board {
        /// The ward day, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print a day's block list: each room's cases with patient, procedure,
    /// operator, anaesthesia, readiness and conflicts (R-BLOCK-3).
    Block {
        /// The ward day, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(subcommand)]
        action: Option<BlockAction>,
    },
    /// List the admissions whose stay (planned or actual) covers a day.
    Admissions {
        /// The ward day, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "all_days")]
        date: Option<String>,
        /// Every day, newest first (at most 500).
        #[arg(long)]
        all_days: bool,
        /// Only this state: planned, admitted, procedure_done, ready_for_discharge,
        /// discharged, cancelled, postponed, prolonged.
        #[arg(long)]
        state: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a day's distraction round sheet (R-DO-4): each patient's phase,
    /// sessions, length against plan, worst pin grade and alerts.
    Rounds {
        /// The ward day, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a patient's distraction plan and log day by day; `add` records a
    /// case, `step` a phase step (start, pause, resume, end, removal).
    #[command(args_conflicts_with_subcommands = true)]
    Distraction {
        /// The patient's hospital number.
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: Option<String>,
        /// Which of the patient's cases (by number; default: the latest).
        #[arg(long = "case", value_name = "N")]
        case_id: Option<i64>,
        #[command(subcommand)]
        action: Option<DistractionAction>,
    },
    /// Print a patient's hexapod strut sheet (R-DO-8): the prescription in
    /// force, day × strut, with each adjustment logged and what it calls
    /// for; `import` records a (re-)planned prescription, `adjust` logs struts.
    #[command(args_conflicts_with_subcommands = true)]
    Hexapod {
        /// The patient's hospital number.
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: Option<String>,
        /// Which of the patient's distraction cases (default: the latest).
        #[arg(long = "case", value_name = "N")]
        case_id: Option<i64>,
        /// An earlier revision (it prints as void).
        #[arg(long, value_name = "N")]
        revision: Option<u32>,
        /// text prints the sheet; csv prints the prescription as `import` reads it.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(subcommand)]
        action: Option<HexapodAction>,
    },
    /// List complications (R-COMP-1), a patient's or the whole ward's, open
    /// ones first; `add` records one, `close` closes one with its outcome.
    #[command(args_conflicts_with_subcommands = true)]
    Complications {
        /// Only this patient (hospital number).
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: Option<String>,
        /// Only complications still open.
        #[arg(long)]
        open: bool,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(subcommand)]
        action: Option<ComplicationAction>,
    },
    /// A patient's heterotopic ossification follow-ups (R-HO-1): prophylaxis,
    /// its timing, the X-ray check due and its Brooker grade; `add` records
    /// one, `xray` the X-ray check done.
    #[command(args_conflicts_with_subcommands = true)]
    Ossification {
        /// The patient's hospital number.
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(subcommand)]
        action: Option<OssificationAction>,
    },
    /// Print the device stock with its alerts (R-STOCK-4); `add` puts a
    /// reference in the catalogue, `receive` takes in a lot (typed or scanned).
    #[command(args_conflicts_with_subcommands = true)]
    Stock {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(subcommand)]
        action: Option<StockAction>,
    },
    /// A recall (R-TRACE-2): quarantine what is left of a lot and list every
    /// patient who received it, with case, date and operator (stock roles);
    /// `--preview` only lists, for any account.
    Recall {
        /// The reference's catalogue code (REF on the notice).
        #[arg(long = "ref", value_name = "CODE")]
        reference: String,
        /// The lot (or serial) number.
        #[arg(long, value_name = "LOT")]
        lot: String,
        /// Why (recorded on the quarantine), e.g. the notice's number.
        #[arg(long)]
        reason: Option<String>,
        /// List who received it and what would be quarantined; write nothing.
        #[arg(long)]
        preview: bool,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a patient's implant record (R-TRACE-1): the card the patient is given.
    Implants {
        /// The patient's hospital number.
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// List the site's settings (thresholds with their sources), or change one.
    Settings {
        #[command(subcommand)]
        action: Option<SettingsAction>,
    },
    /// Check the database: integrity, foreign keys, schema version, the audit
    /// chain, the search indexes against the records, and the stored rows
    /// against the rules (stays in order, beds, operators).
    Check,
    /// Rebuild the search indexes from the patients and the audit log (admin;
    /// after `periop check` found them damaged), with progress on stderr.
    Reindex,
    /// Print the rules the program applies (docs/rules.md), or one by its ID.
    Rules {
        /// A rule ID as alerts cite it, e.g. R-FAST-4.
        id: Option<String>,
    },
    /// Print which role may make which change (R-ROLE-1); no database needed.
    Roles {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// The staff list: who works here, with which role (adding and changing: admin).
    Staff {
        #[command(subcommand)]
        action: Option<StaffAction>,
    },
    /// The block's rooms, their kind and opening hours (R-BLOCK-1; changing: admin).
    Rooms {
        #[command(subcommand)]
        action: Option<RoomAction>,
    },
    /// The ward's beds, their unit, closed or retired (adding and retiring: admin).
    Beds {
        #[command(subcommand)]
        action: Option<BedAction>,
    },
    /// Procedure kinds and their default durations (R-BLOCK-2; changing: admin).
    Procedures {
        #[command(subcommand)]
        action: Option<ProcedureAction>,
    },
    /// Load a whole ward (staff, rooms, beds, procedure kinds, settings) from a
    /// TOML file in one audited transaction; a bad file is refused whole.
    Setup {
        /// The ward file (README, "Setting up a ward", has an example).
        #[arg(long, value_name = "PATH")]
        from: PathBuf,
    },
    /// Copy the live database to PATH with SQLite's online backup (others keep
    /// working), mode 0640, then check the copy.
    Backup {
        /// The new file (must not exist), e.g. /backup/ward-2026-11-22.db.
        path: PathBuf,
    },
    /// Put a backup in place of the database (admin; only while no other
    /// program has it open). The replaced file is kept beside it.
    Restore {
        /// The backup to restore.
        path: PathBuf,
    },
    /// Void an intake, treatment, lab result, anaesthesia consultation,
    /// complication, ossification follow-up, distraction round, strut
    /// adjustment or implant record entered by mistake: kept in the history,
    /// struck through, no longer counted by any rule (its alerts go away).
    Void {
        /// intake, treatment, lab, consultation, complication, ossification, round, strut or implant.
        kind: String,
        /// Its number, as the admission's page, the Rounds tab, `periop implants`, `periop hexapod` and the audit show it (#12).
        id: i64,
        /// What was wrong with it (recorded).
        #[arg(long)]
        reason: String,
        /// An implant's units: back on the `shelf` (never opened) or to `waste`.
        #[arg(long, value_name = "shelf|waste")]
        to: Option<String>,
    },
    /// Measure launch, board query and key-press-to-frame times on a database.
    Bench {
        /// Key presses to time on each screen (rounded up to whole passes
        /// of its script; at least 1, which is one pass).
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

#[derive(Debug, Subcommand)]
pub enum BlockAction {
    /// Records an event of a case's J0 timeline (R-BLOCK-6; nurse or
    /// scheduler): `--case ID` alone records the next event now; `--kind`
    /// names it, `--at` gives its time; `--correct EVENT --at TIME` corrects
    /// one, `--void EVENT --reason R` voids one recorded by mistake. An
    /// event is recorded only around its case's day (from its 00:00 to noon
    /// the next day).
    #[command(override_usage = "periop block event --case <ID> [--kind <KIND>] [--at <TIME>]\n       \
                                periop block event --correct <EVENT> --at <TIME>\n       \
                                periop block event --void <EVENT> --reason <REASON>")]
    Event {
        /// The case (the `case_id` of `periop block --format json`).
        #[arg(long = "case", value_name = "ID", required_unless_present_any = ["correct", "void"])]
        case_id: Option<i64>,
        /// arrived, in-room, anaesthesia-start, procedure-start, procedure-end,
        /// out-of-room, recovery, back-on-ward (default: the next one).
        #[arg(long)]
        kind: Option<String>,
        /// When it happened: HH:MM today (two digits each), 2026-11-23T08:12
        /// (ward time), or with an offset for the hour the autumn clock change
        /// repeats (2026-10-25T02:05+01:00, or 02:05 (2nd)); default now.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Correct the time of this event (its `event_id`) to `--at`.
        #[arg(long, value_name = "EVENT", conflicts_with_all = ["case_id", "kind", "void"], requires = "at")]
        correct: Option<i64>,
        /// Void this event (its `event_id`), recorded by mistake.
        #[arg(long, value_name = "EVENT", conflicts_with_all = ["case_id", "kind", "at"], requires = "reason")]
        void: Option<i64>,
        /// Why it is voided.
        #[arg(long, requires = "void")]
        reason: Option<String>,
    },
    /// Each room's planned utilisation per week (R-BLOCK-6), with the cases
    /// cancelled or postponed (R-BLOCK-5).
    Stats {
        /// The first ward day, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        /// The last ward day, YYYY-MM-DD (included; at most 366 days after `--from`).
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum SettingsAction {
    /// Change a setting, e.g. `periop settings set fast.clear_h 2`.
    Set {
        key: String,
        /// The new value; a negative number needs no `--` (`path.admit_offset_days -2`).
        #[arg(allow_negative_numbers = true)]
        value: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum StockAction {
    /// Add a device reference to the catalogue (R-STOCK-1; pharmacist or admin).
    Add {
        /// The catalogue code (REF on the label), unique.
        #[arg(long = "ref", value_name = "CODE")]
        code: String,
        #[arg(long)]
        manufacturer: String,
        #[arg(long)]
        name: String,
        /// screw, cement_kit, trocar, cannula, distractor or other.
        #[arg(long)]
        kind: String,
        /// Left in the patient (traced, R-TRACE-1).
        #[arg(long)]
        implantable: bool,
        /// The GTIN printed under (01), 8 to 14 digits (check digit verified).
        #[arg(long)]
        gtin: Option<String>,
        /// Usable units under which the Board warns (R-STOCK-4).
        #[arg(long, default_value_t = 0)]
        min: u32,
        /// Distractors: mm of lengthening per turn.
        #[arg(long)]
        mm_per_turn: Option<f64>,
    },
    /// Receive units: scan or paste the label's GS1 string, or type the parts.
    Receive {
        /// The GS1 element string, e.g. "(01)03453120000011(17)270630(10)A100".
        #[arg(long)]
        scan: Option<String>,
        /// The reference's code (default: the one whose GTIN was scanned).
        #[arg(long = "ref", value_name = "CODE")]
        reference: Option<String>,
        #[arg(long)]
        lot: Option<String>,
        #[arg(long)]
        serial: Option<String>,
        /// Use-by day, YYYY-MM-DD (default: the scanned (17)).
        #[arg(long, value_name = "YYYY-MM-DD")]
        expiry: Option<String>,
        /// Units (default: the scanned (30), else 1).
        #[arg(long)]
        units: Option<u32>,
        /// Where the units are put.
        #[arg(long, default_value = "")]
        location: String,
        /// Receive a lot whose use-by day has passed (to quarantine or
        /// return it); without it such a lot is refused (R-STOCK-3).
        #[arg(long)]
        expired_ok: bool,
    },
    /// Lift a lot's quarantine (R-STOCK-3), or with --recall its recall
    /// (R-TRACE-2), with the reason; stock roles.
    Lift {
        /// The reference's catalogue code.
        #[arg(long = "ref", value_name = "CODE")]
        reference: String,
        /// The lot (or serial) number.
        #[arg(long)]
        lot: String,
        /// Why it may be used again (recorded).
        #[arg(long)]
        reason: String,
        /// Lift a recall (a recalled lot stays refused otherwise).
        #[arg(long)]
        recall: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DistractionAction {
    /// Record a distraction case (R-DO-1); defaults for the site come from the settings.
    Add {
        /// The patient's hospital number (the patient must be registered).
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        /// femur, tibia, humerus, mandible, midface, palate or other.
        #[arg(long)]
        site: String,
        /// circular_frame, hexapod, monolateral_rail, motorised_nail,
        /// internal_craniofacial or external_craniofacial.
        #[arg(long)]
        device: String,
        /// The ward day of the osteotomy, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        osteotomy: String,
        /// The length to gain, in mm.
        #[arg(long, value_name = "MM")]
        target: f64,
        /// What one turn of the device lengthens, in mm.
        #[arg(long, value_name = "MM", default_value_t = 0.25)]
        mm_per_turn: f64,
        /// Days from the osteotomy to the first turn (default: the site's setting).
        #[arg(long, value_name = "DAYS")]
        latency: Option<u32>,
        /// mm/day (default: do.rate_mm_day).
        #[arg(long, value_name = "MM_PER_DAY")]
        rate: Option<f64>,
        /// Sessions a day (default: the site's setting).
        #[arg(long, value_name = "N")]
        rhythm: Option<u32>,
        /// Pin sites graded at each round.
        #[arg(long, default_value_t = 0)]
        pins: u32,
        /// Where the pins are, in words.
        #[arg(long, default_value = "")]
        pin_sites: String,
        /// Turns at home; sessions are reported by phone.
        #[arg(long)]
        outpatient: bool,
    },
    /// Record a phase step (R-DO-7) on the patient's latest case.
    Step {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        /// start, pause, resume, end_distraction or removal.
        #[arg(long)]
        kind: String,
        /// The ward day, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        /// Why (a pause needs one).
        #[arg(long)]
        reason: Option<String>,
        /// A resume at a new rate, in mm/day.
        #[arg(long, value_name = "MM_PER_DAY")]
        rate: Option<f64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HexapodAction {
    /// Record a prescription from the planning software's table (doctor or
    /// admin); it becomes the case's next revision, and the one before is void.
    Import {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        /// Which of the patient's distraction cases (default: the latest).
        #[arg(long = "case", value_name = "N")]
        case_id: Option<i64>,
        /// The table as text (`-` reads standard input): lines
        /// `plan,MM,MM_PER_DAY`, `strut,N,COLOUR,SIZE,MIN,MAX`,
        /// `day,DATE,L1,…,L6`, `change,DATE,N,SIZE,MIN,MAX`.
        #[arg(long, value_name = "FILE")]
        file: String,
        /// Why it was (re-)planned, e.g. "after the X-ray of 12/12".
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Log strut adjustments made (nurse, doctor or admin).
    Adjust {
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        /// Which of the patient's distraction cases (default: the latest).
        #[arg(long = "case", value_name = "N")]
        case_id: Option<i64>,
        /// A strut and the length it was set to, in mm: `--set 3=162.5`;
        /// once per strut, in the order they were turned.
        #[arg(long = "set", value_name = "STRUT=MM", required = true)]
        set: Vec<String>,
        /// The day of the sheet they were for, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        day: Option<String>,
        /// Reported by phone (the patient adjusts at home).
        #[arg(long)]
        phone: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ComplicationAction {
    /// Record a complication (R-COMP-1; nurse, doctor or admin).
    Add {
        /// The patient's hospital number.
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        /// The case it follows (its number in `periop block --format json`).
        #[arg(long = "case", value_name = "ID")]
        case_id: Option<i64>,
        /// infection, persistent_pain, non_union, malunion, implant_reaction,
        /// nerve_damage, joint_stiffness, device_problem, occlusion_problem,
        /// heterotopic_ossification or other.
        #[arg(long)]
        kind: String,
        /// The ward day it began, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        /// mild, moderate or severe.
        #[arg(long)]
        severity: String,
        /// What was seen, in words.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Close a complication with its outcome (R-COMP-1; doctor or admin).
    Close {
        /// Its number, as `periop complications` prints it.
        id: i64,
        /// What came of it, in words.
        #[arg(long)]
        outcome: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum OssificationAction {
    /// Record a follow-up after surgery (R-HO-1; doctor or admin).
    Add {
        /// The patient's hospital number.
        #[arg(long, value_name = "HOSPITAL_NUMBER")]
        patient: String,
        /// The case operated on.
        #[arg(long = "case", value_name = "ID")]
        case_id: Option<i64>,
        /// When the surgery was: 2026-11-23T08:12 (ward time; …Z for UTC).
        #[arg(long, value_name = "DATETIME")]
        surgery: String,
        /// none, nsaid or radiotherapy.
        #[arg(long)]
        prophylaxis: String,
        /// When the radiotherapy was given, or the NSAID course began
        /// (DATETIME as --surgery; default: the surgery's time).
        #[arg(long, value_name = "DATETIME")]
        given: Option<String>,
        /// The radiotherapy dose, in Gy (one dose of 7-8 Gy).
        #[arg(long, value_name = "GY")]
        dose: Option<f64>,
        /// The NSAID (default: indomethacin).
        #[arg(long, default_value = "indomethacin")]
        drug: String,
        /// The NSAID course, in days.
        #[arg(long, value_name = "DAYS", default_value_t = 10)]
        days: u32,
        /// Why a radiotherapy outside 4 h before to 72 h after surgery is recorded anyway.
        #[arg(long)]
        reason: Option<String>,
    },
    /// Record the X-ray check done and its Brooker grade (R-HO-1).
    Xray {
        /// The follow-up's number, as `periop ossification --patient` prints it.
        id: i64,
        /// The ward day of the X-ray, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        /// The Brooker grade: 0, I, II, III or IV.
        #[arg(long)]
        brooker: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffAction {
    /// Every member of staff, with account, role and whether retired.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Add a member of staff: `periop staff add --account alice --name "Alice Martin" --role nurse`.
    Add {
        /// The operating-system account they log in with (none for a visiting operator).
        #[arg(long)]
        account: Option<String>,
        /// The name screens show.
        #[arg(long)]
        name: String,
        /// nurse, scheduler, anaesthetist, doctor, pharmacist, admin or read_only.
        #[arg(long)]
        role: String,
    },
    /// Change a member of staff, named by account, #id or name: `periop staff set alice --role nurse`.
    Set {
        who: String,
        #[arg(long)]
        name: Option<String>,
        /// nurse, scheduler, anaesthetist, doctor, pharmacist, admin or read_only.
        #[arg(long)]
        role: Option<String>,
        /// `true` brings a retired member of staff back.
        #[arg(long)]
        active: Option<bool>,
    },
    /// Retire a member of staff (kept for the history; may then only read).
    Retire { who: String },
    /// The language you read periop in: with no word, which one and why;
    /// `en` or `fr` keeps yours on your account (any role may);
    /// `none` follows the locale, then the site again.
    Language {
        /// en, fr or none.
        language: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoomAction {
    /// Every room, retired ones too.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Add a room: `periop rooms add "Room 3" --kind ct --opens 08:00 --closes 18:00`.
    Add {
        name: String,
        /// ct, ct_fluoro or angio_fluoro.
        #[arg(long)]
        kind: String,
        /// Opening time, HH:MM ward time.
        #[arg(long)]
        opens: String,
        /// Closing time, HH:MM ward time, after the opening (23:59 for a
        /// room open until midnight: a room is not booked across midnight).
        #[arg(long)]
        closes: String,
    },
    /// Change a room.
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
        /// `true` brings a retired room back.
        #[arg(long)]
        active: Option<bool>,
    },
    /// Retire a room (refused while cases are booked there).
    Retire { name: String },
}

#[derive(Debug, Subcommand)]
pub enum BedAction {
    /// Every bed, retired ones too.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Add a bed: `periop beds add B13 --unit "Short stay"`.
    Add {
        label: String,
        #[arg(long)]
        unit: Option<String>,
    },
    /// Change a bed: rename it, move it to a unit, close or reopen it.
    Set {
        label: String,
        #[arg(long)]
        rename: Option<String>,
        /// The unit; an empty value clears it.
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        closed: Option<bool>,
        /// `true` brings a retired bed back.
        #[arg(long)]
        active: Option<bool>,
    },
    /// Retire a bed (refused while a stay holds it).
    Retire { label: String },
}

#[derive(Debug, Subcommand)]
pub enum ProcedureAction {
    /// Every procedure kind, retired ones too.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Add a procedure kind: `periop procedures add biopsy --label "Bone biopsy" --minutes 45`.
    Add {
        code: String,
        #[arg(long)]
        label: String,
        /// Default duration in minutes (R-BLOCK-2), 5 to 720.
        #[arg(long)]
        minutes: i64,
        /// Usually under anaesthesia.
        #[arg(long)]
        anaesthesia: bool,
        /// Usually with implants.
        #[arg(long)]
        implants: bool,
    },
    /// Change a procedure kind.
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
        /// `true` brings a retired kind back.
        #[arg(long)]
        active: Option<bool>,
    },
    /// Retire a procedure kind (no longer offered; history keeps it).
    Retire { code: String },
}
