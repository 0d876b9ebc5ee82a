# The command line's help and refusals (`periop --help`, `periop board
# --help`, a mistyped option), shown by clap from these texts (cli::help).
#
# Each command is a message named by its path from `periop`: its value is
# what the command does (`usage-periop-board`), an attribute per argument
# says what that argument does (`.date`; the argument's id with _ written -).
# A test fails when an argument or a command has no text here.

## The help's frame: headings, clap's own flags and its `help` subcommand
usage-heading-usage = Usage:
usage-heading-commands = Commands:
usage-heading-arguments = Arguments:
usage-heading-options = Options:
usage-flag-help = Print help
    .more = Print help (see more with '--help')
    .summary = Print help (see a summary with '-h')
usage-flag-version = Print version
usage-command-help = Print this message or the help of the given subcommand(s)
## After an argument's help: its default, the values it takes, its variable
usage-spec-default = [default: { $value }]
usage-spec-possible = [possible values: { $values }]
usage-spec-env = [env: { $name }={ $value }]

## A command line clap refuses (exit code 2): the first line, a tip, the usage
usage-error = error:
usage-quoted = '{ $text }'
usage-error-unknown-argument = unexpected argument { $arg } found
usage-error-unknown-subcommand = unrecognized subcommand { $name }
usage-error-invalid-value = invalid value { $value } for { $arg }
usage-error-no-value = a value is required for { $arg } but none was supplied
usage-error-possible-values = [possible values: { $values }]
usage-error-missing = the following required arguments were not provided:
usage-error-missing-subcommand = { $name } requires a subcommand but one was not provided
usage-error-subcommands = [subcommands: { $names }]
usage-error-conflict = the argument { $arg } cannot be used with { $other }
usage-error-conflict-list = the argument { $arg } cannot be used with:
usage-error-conflict-others = the argument { $arg } cannot be used with one or more of the other specified arguments
usage-error-conflict-repeated = the argument { $arg } cannot be used multiple times
usage-error-subcommand-conflict = the subcommand { $name } cannot be used with { $other }
usage-error-subcommand-conflict-list = the subcommand { $name } cannot be used with:
usage-error-subcommand-conflict-others = the subcommand { $name } cannot be used with one or more of the other specified arguments
usage-error-no-equals = equal sign is needed when assigning values to { $arg }
usage-error-too-many-values = unexpected value { $value } for { $arg } found; no more were expected
usage-error-too-few-values = { $min } values required by { $arg }; only { $count } { $given ->
        [0] was provided
        [1] was provided
       *[other] were provided
    }
usage-error-wrong-number-of-values = { $expected } values required for { $arg } but { $count } { $given ->
        [0] was provided
        [1] was provided
       *[other] were provided
    }
usage-error-validation = invalid value { $value } for { $arg }: { $reason }
usage-error-validation-bare = invalid value { $value } for { $arg }
# When clap gives no detail: what kind of mistake it is.
usage-error-kind = { $kind ->
        [invalid-value] one of the values isn't valid for an argument
        [unknown-argument] unexpected argument found
        [invalid-subcommand] unrecognized subcommand
        [no-equals] equal is needed when assigning values to one of the arguments
        [value-validation] invalid value for one of the arguments
        [too-many-values] unexpected value for an argument found
        [too-few-values] more values required for an argument
        [wrong-number-of-values] too many or too few values for an argument
        [argument-conflict] an argument cannot be used with one or more of the other specified arguments
        [missing-required-argument] one or more required arguments were not provided
        [missing-subcommand] a subcommand is required but one was not provided
        [invalid-utf8] invalid UTF-8 was detected in one or more arguments
       *[other] unknown cause
    }
usage-error-more = For more information, try { $flag }.
## Why a value was refused (a number that is not one, out of its range)
usage-reason-not-a-number = invalid digit found in string
usage-reason-empty = cannot parse { $what ->
        [integer] integer
       *[decimal] float
    } from empty string
usage-reason-too-large = number too large to fit in target type
usage-reason-too-small = number too small to fit in target type
usage-reason-not-a-decimal = invalid float literal
usage-reason-out-of-range = { $value } is not in { $low }..{ $bound ->
        [inclusive] ={ $high }
       *[other] { $high }
    }
## Tips: what may have been meant
usage-tip = tip:
usage-tip-similar-subcommand = { $count ->
        [1] a similar subcommand exists: { $names }
       *[other] some similar subcommands exist: { $names }
    }
usage-tip-similar-argument = { $count ->
        [1] a similar argument exists: { $names }
       *[other] some similar arguments exist: { $names }
    }
usage-tip-similar-value = { $count ->
        [1] a similar value exists: { $names }
       *[other] some similar values exist: { $names }
    }
usage-tip-as-value = to pass { $arg } as a value, use { $use }
usage-tip-exists = { $usage } exists
usage-tip-remove-dashes = subcommand { $name } exists; to use it, remove the { $dashes } before it

## What each command and each of its arguments does
usage-periop = A procedure block and its short-stay ward, from the keyboard.
    .db = The database: its file (shared by the ward's terminals), or a PostgreSQL connection string (postgres://periop@db1/ward)
    .now = Fix the clock: 2026-11-23T08:00 (ward time) or 2026-11-23T07:00Z
    .no-color = A monochrome screen (also when NO_COLOR is set)
    .ascii = Draw with ASCII only (also when the locale is not UTF-8: Latin-1 keeps accents)
    .lang = The screen's language: en or fr (also PERIOP_LANG; then your account's own, the locale, the site setting site.language)
    .demo = Open the TUI on a demo ward around today, in ./periop-demo.db (made if needed)
usage-periop-init = Create a new, empty database (mode 0660) and register you as its administrator
usage-periop-demo = Create a demo database: a realistic ward around today
    .seed = The same seed gives the same patients and cases
    .years = Also fill this many years of history (8 cases a weekday), for benchmarks
usage-periop-board = Print a day's board: arrivals, procedures, departures, what needs attention
    .date = The ward day, YYYY-MM-DD (default: today)
    .format = text for people; json for scripts
usage-periop-block = Print a day's block list: each room's cases with patient, procedure, operator, anaesthesia, readiness and conflicts (R-BLOCK-3)
    .date = The ward day, YYYY-MM-DD (default: today)
    .format = text for people; json or csv for scripts
usage-periop-block-event = Records an event of a case's J0 timeline (R-BLOCK-6; nurse or scheduler): `--case ID` alone records the next event now; `--kind` names it, `--at` gives its time; `--correct EVENT --at TIME` corrects one, `--void EVENT --reason R` voids one recorded by mistake. An event is recorded only around its case's day (from its 00:00 to noon the next day)
    .case-id = The case (the `case_id` of `periop block --format json`)
    .kind = arrived, in-room, anaesthesia-start, procedure-start, procedure-end, out-of-room, recovery, back-on-ward (default: the next one)
    .at = When it happened: HH:MM today (two digits each), 2026-11-23T08:12 (ward time), or with an offset for the hour the autumn clock change repeats (2026-10-25T02:05+01:00, or 02:05 (2nd)); default now
    .correct = Correct the time of this event (its `event_id`) to `--at`
    .void = Void this event (its `event_id`), recorded by mistake
    .reason = Why it is voided
usage-periop-block-stats = Each room's planned utilisation per week (R-BLOCK-6), with the cases cancelled or postponed (R-BLOCK-5)
    .from = The first ward day, YYYY-MM-DD
    .to = The last ward day, YYYY-MM-DD (included; at most 366 days after `--from`)
    .format = text for people; json or csv for scripts
usage-periop-admissions = List the admissions whose stay (planned or actual) covers a day
    .date = The ward day, YYYY-MM-DD (default: today)
    .all-days = Every day, newest first (at most 500)
    .state = Only this state: planned, admitted, procedure_done, ready_for_discharge, discharged, cancelled, postponed, prolonged
    .format = text for people; json or csv for scripts
usage-periop-rounds = Print a day's distraction round sheet (R-DO-4): each patient's phase, sessions, length against plan, worst pin grade and alerts
    .date = The ward day, YYYY-MM-DD (default: today)
    .format = text for people; json or csv for scripts
usage-periop-distraction = Print a patient's distraction plan and log day by day; `add` records a case, `step` a phase step (start, pause, resume, end, removal)
    .patient = The patient's hospital number
    .case-id = Which of the patient's cases (by number; default: the latest)
usage-periop-distraction-add = Record a distraction case (R-DO-1); defaults for the site come from the settings
    .patient = The patient's hospital number (the patient must be registered)
    .site = femur, tibia, humerus, mandible, midface, palate or other
    .device = circular_frame, hexapod, monolateral_rail, motorised_nail, internal_craniofacial or external_craniofacial
    .osteotomy = The ward day of the osteotomy, YYYY-MM-DD
    .target = The length to gain, in mm
    .mm-per-turn = What one turn of the device lengthens, in mm
    .latency = Days from the osteotomy to the first turn (default: the site's setting)
    .rate = mm/day (default: do.rate_mm_day)
    .rhythm = Sessions a day (default: the site's setting)
    .pins = Pin sites graded at each round
    .pin-sites = Where the pins are, in words
    .outpatient = Turns at home; sessions are reported by phone
usage-periop-distraction-step = Record a phase step (R-DO-7) on the patient's latest case
    .patient = The patient's hospital number
    .kind = start, pause, resume, end_distraction or removal
    .on = The ward day, YYYY-MM-DD (default: today)
    .reason = Why (a pause needs one)
    .rate = A resume at a new rate, in mm/day
usage-periop-hexapod = Print a patient's hexapod strut sheet (R-DO-8): the prescription in force, day × strut, with each adjustment logged and what it calls for; `import` records a (re-)planned prescription, `adjust` logs struts
    .patient = The patient's hospital number
    .case-id = Which of the patient's distraction cases (default: the latest)
    .revision = An earlier revision (it prints as void)
    .format = text prints the sheet; csv prints the prescription as `import` reads it
usage-periop-hexapod-import = Record a prescription from the planning software's table (doctor or admin); it becomes the case's next revision, and the one before is void
    .patient = The patient's hospital number
    .case-id = Which of the patient's distraction cases (default: the latest)
    .file = The table as text (`-` reads standard input): lines `plan,MM,MM_PER_DAY`, `strut,N,COLOUR,SIZE,MIN,MAX`, `day,DATE,L1,…,L6`, `change,DATE,N,SIZE,MIN,MAX`
    .note = Why it was (re-)planned, e.g. "after the X-ray of 12/12"
usage-periop-hexapod-adjust = Log strut adjustments made (nurse, doctor or admin)
    .patient = The patient's hospital number
    .case-id = Which of the patient's distraction cases (default: the latest)
    .set = A strut and the length it was set to, in mm: `--set 3=162.5`; once per strut, in the order they were turned
    .day = The day of the sheet they were for, YYYY-MM-DD (default: today)
    .phone = Reported by phone (the patient adjusts at home)
usage-periop-complications = List complications (R-COMP-1), a patient's or the whole ward's, open ones first; `add` records one, `close` closes one with its outcome
    .patient = Only this patient (hospital number)
    .open = Only complications still open
    .format = text for people; json or csv for scripts
usage-periop-complications-add = Record a complication (R-COMP-1; nurse, doctor or admin)
    .patient = The patient's hospital number
    .case-id = The case it follows (its number in `periop block --format json`)
    .kind = infection, persistent_pain, non_union, malunion, implant_reaction, nerve_damage, joint_stiffness, device_problem, occlusion_problem, heterotopic_ossification or other
    .on = The ward day it began, YYYY-MM-DD (default: today)
    .severity = mild, moderate or severe
    .note = What was seen, in words
usage-periop-complications-close = Close a complication with its outcome (R-COMP-1; doctor or admin)
    .id = Its number, as `periop complications` prints it
    .outcome = What came of it, in words
usage-periop-ossification = A patient's heterotopic ossification follow-ups (R-HO-1): prophylaxis, its timing, the X-ray check due and its Brooker grade; `add` records one, `xray` the X-ray check done
    .patient = The patient's hospital number
    .format = text for people; json for scripts
usage-periop-ossification-add = Record a follow-up after surgery (R-HO-1; doctor or admin)
    .patient = The patient's hospital number
    .case-id = The case operated on
    .surgery = When the surgery was: 2026-11-23T08:12 (ward time; …Z for UTC)
    .prophylaxis = none, nsaid or radiotherapy
    .given = When the radiotherapy was given, or the NSAID course began (DATETIME as --surgery; default: the surgery's time)
    .dose = The radiotherapy dose, in Gy (one dose of 7-8 Gy)
    .drug = The NSAID (default: indomethacin)
    .days = The NSAID course, in days
    .reason = Why a radiotherapy outside 4 h before to 72 h after surgery is recorded anyway
usage-periop-ossification-xray = Record the X-ray check done and its Brooker grade (R-HO-1)
    .id = The follow-up's number, as `periop ossification --patient` prints it
    .on = The ward day of the X-ray, YYYY-MM-DD (default: today)
    .brooker = The Brooker grade: 0, I, II, III or IV
usage-periop-stock = Print the device stock with its alerts (R-STOCK-4); `add` puts a reference in the catalogue, `receive` takes in a lot (typed or scanned)
    .format = text for people; json or csv for scripts
usage-periop-stock-add = Add a device reference to the catalogue (R-STOCK-1; pharmacist or admin)
    .code = The catalogue code (REF on the label), unique
    .manufacturer = The manufacturer, as on the label
    .name = The device's name, as screens show it
    .kind = screw, cement_kit, trocar, cannula, distractor or other
    .implantable = Left in the patient (traced, R-TRACE-1)
    .gtin = The GTIN printed under (01), 8 to 14 digits (check digit verified)
    .min = Usable units under which the Board warns (R-STOCK-4)
    .mm-per-turn = Distractors: mm of lengthening per turn
usage-periop-stock-receive = Receive units: scan or paste the label's GS1 string, or type the parts
    .scan = The GS1 element string, e.g. "(01)03453120000011(17)270630(10)A100"
    .reference = The reference's code (default: the one whose GTIN was scanned)
    .lot = The lot number (default: the scanned label's)
    .serial = The serial number (default: the scanned label's)
    .expiry = Use-by day, YYYY-MM-DD (default: the scanned (17))
    .units = Units (default: the scanned (30), else 1)
    .location = Where the units are put
    .expired-ok = Receive a lot whose use-by day has passed (to quarantine or return it); without it such a lot is refused (R-STOCK-3)
usage-periop-stock-lift = Lift a lot's quarantine (R-STOCK-3), or with --recall its recall (R-TRACE-2), with the reason; stock roles
    .reference = The reference's catalogue code
    .lot = The lot (or serial) number
    .reason = Why it may be used again (recorded)
    .recall = Lift a recall (a recalled lot stays refused otherwise)
usage-periop-recall = A recall (R-TRACE-2): quarantine what is left of a lot and list every patient who received it, with case, date and operator (stock roles); `--preview` only lists, for any account
    .reference = The reference's catalogue code (REF on the notice)
    .lot = The lot (or serial) number
    .reason = Why (recorded on the quarantine), e.g. the notice's number
    .preview = List who received it and what would be quarantined; write nothing
    .format = text for people; json or csv for scripts
usage-periop-implants = Print a patient's implant record (R-TRACE-1): the card the patient is given
    .patient = The patient's hospital number
    .format = text for people; json or csv for scripts
usage-periop-settings = List the site's settings (thresholds with their sources), or change one
usage-periop-settings-set = Change a setting, e.g. `periop settings set fast.clear_h 2`
    .key = The setting, as `periop settings` lists it (e.g. fast.clear_h)
    .value = The new value; a negative number needs no `--` (`path.admit_offset_days -2`)
usage-periop-check = Check the database: integrity, foreign keys, schema version, the audit chain, the search indexes against the records, and the stored rows against the rules (stays in order, beds, operators)
usage-periop-reindex = Rebuild the search indexes from the patients and the audit log (admin; after `periop check` found them damaged), with progress on stderr
usage-periop-rules = Print the rules the program applies (docs/rules.md), or one by its ID
    .id = A rule ID as alerts cite it, e.g. R-FAST-4
usage-periop-roles = Print which role may make which change (R-ROLE-1); no database needed
    .format = text for people; json or csv for scripts
usage-periop-staff = The staff list: who works here, with which role (adding and changing: admin)
usage-periop-staff-list = Every member of staff, with account, role and whether retired
    .format = text for people; json or csv for scripts
usage-periop-staff-add = Add a member of staff: `periop staff add --account alice --name "Alice Martin" --role nurse`
    .account = The operating-system account they log in with (none for a visiting operator)
    .name = The name screens show
    .role = nurse, scheduler, anaesthetist, doctor, pharmacist, admin or read_only
usage-periop-staff-set = Change a member of staff, named by account, #id or name: `periop staff set alice --role nurse`
    .who = The member of staff: account, #id or name
    .name = The new name screens show
    .role = nurse, scheduler, anaesthetist, doctor, pharmacist, admin or read_only
    .active = `true` brings a retired member of staff back
usage-periop-staff-retire = Retire a member of staff (kept for the history; may then only read)
    .who = The member of staff: account, #id or name
usage-periop-staff-language = The language you read periop in: with no word, which one and why; `en` or `fr` keeps yours on your account (any role may); `none` follows the locale, then the site again
    .language = en, fr or none
usage-periop-rooms = The block's rooms, their kind and opening hours (R-BLOCK-1; changing: admin)
usage-periop-rooms-list = Every room, retired ones too
    .format = text for people; json or csv for scripts
usage-periop-rooms-add = Add a room: `periop rooms add "Room 3" --kind ct --opens 08:00 --closes 18:00`
    .name = The room's name, unique
    .kind = ct, ct_fluoro or angio_fluoro
    .opens = Opening time, HH:MM ward time
    .closes = Closing time, HH:MM ward time, after the opening (23:59 for a room open until midnight: a room is not booked across midnight)
usage-periop-rooms-set = Change a room
    .name = The room, by its name
    .rename = Its new name
    .kind = ct, ct_fluoro or angio_fluoro
    .opens = Opening time, HH:MM ward time
    .closes = Closing time, HH:MM ward time, after the opening
    .active = `true` brings a retired room back
usage-periop-rooms-retire = Retire a room (refused while cases are booked there)
    .name = The room, by its name
usage-periop-beds = The ward's beds, their unit, closed or retired (adding and retiring: admin)
usage-periop-beds-list = Every bed, retired ones too
    .format = text for people; json or csv for scripts
usage-periop-beds-add = Add a bed: `periop beds add B13 --unit "Short stay"`
    .label = The bed's label, unique (e.g. B13)
    .unit = The unit it belongs to
usage-periop-beds-set = Change a bed: rename it, move it to a unit, close or reopen it
    .label = The bed, by its label
    .rename = Its new label
    .unit = The unit; an empty value clears it
    .closed = `true` closes the bed, `false` reopens it
    .active = `true` brings a retired bed back
usage-periop-beds-retire = Retire a bed (refused while a stay holds it)
    .label = The bed, by its label
usage-periop-procedures = Procedure kinds and their default durations (R-BLOCK-2; changing: admin)
usage-periop-procedures-list = Every procedure kind, retired ones too
    .format = text for people; json or csv for scripts
usage-periop-procedures-add = Add a procedure kind: `periop procedures add biopsy --label "Bone biopsy" --minutes 45`
    .code = The kind's code: lower-case letters, digits and _ (e.g. biopsy)
    .label = The name screens show
    .minutes = Default duration in minutes (R-BLOCK-2), 5 to 720
    .anaesthesia = Usually under anaesthesia
    .implants = Usually with implants
usage-periop-procedures-set = Change a procedure kind
    .code = The kind, by its code
    .label = Its new name
    .minutes = Default duration in minutes (R-BLOCK-2), 5 to 720
    .anaesthesia = `true` if usually under anaesthesia
    .implants = `true` if usually with implants
    .active = `true` brings a retired kind back
usage-periop-procedures-retire = Retire a procedure kind (no longer offered; history keeps it)
    .code = The kind, by its code
usage-periop-setup = Load a whole ward (staff, rooms, beds, procedure kinds, settings) from a TOML file in one audited transaction; a bad file is refused whole
    .from = The ward file (README, "Setting up a ward", has an example)
usage-periop-backup = Copy the live database to PATH with SQLite's online backup (others keep working), mode 0640, then check the copy
    .path = The new file (must not exist), e.g. /backup/ward-2026-11-22.db
usage-periop-migrate = Copy a ward's SQLite file into an empty PostgreSQL database, in one transaction, verified (every table's rows, the audit chain and its head) before it commits; an interrupted copy leaves the target empty, and the same command starts again
    .from = The ward's file (at this periop's schema, its audit chain whole: `periop check`)
    .to = The PostgreSQL database, empty and owned by the role connecting (postgres://periop@db1/ward)
usage-periop-restore = Put a backup in place of the database (admin; only while no other program has it open). The replaced file is kept beside it
    .path = The backup to restore
usage-periop-void = Void an intake, treatment, lab result, anaesthesia consultation, complication, ossification follow-up, distraction round, strut adjustment or implant record entered by mistake: kept in the history, struck through, no longer counted by any rule (its alerts go away)
    .kind = intake, treatment, lab, consultation, complication, ossification, round, strut, step or implant
    .id = Its number, as the admission's page, the Rounds tab, `periop implants`, `periop hexapod` and the audit show it (#12)
    .reason = What was wrong with it (recorded)
    .to = An implant's units: back on the `shelf` (never opened) or to `waste`
usage-periop-bench = Measure launch, board query and key-press-to-frame times on a database
    .keys = Key presses to time on each screen (rounded up to whole passes of its script; at least 1, which is one pass)
