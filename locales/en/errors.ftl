# The store's errors as a user reads them (store::error::StoreError), and
# what a refusal names: the kinds of change, the roles (R-ROLE-1). Each
# names the thing, the cause and the next step, never a patient (R-PRIV-1).

## StoreError, one message per variant
errors-missing = { $path }: no such file; create a database with `periop init --db { $path }`
errors-no-folder = { $path }: the folder { $folder } does not exist; check the path (or create the folder first)
errors-not-a-file = { $path }: is a directory, not a database; pass the database file inside it
errors-empty = { $path }: the file is empty, not a periop database; remove it or pass another path, then `periop init`
errors-not-sqlite = { $path }: not an SQLite database ({ $what }); check the path
errors-foreign = { $path }: an SQLite database of another application (application_id { $found }); check the path
errors-damaged = { $path }: the database is damaged ({ $detail }); restore the latest backup and run `periop check`
errors-too-new = { $path }: written by a newer periop (schema { $found }, this program knows up to { $known }); upgrade periop
errors-read-only = { $path }: { $cause }; ask whoever runs the ward's database to give your account write access (see README, "Deploying on a ward")
errors-already-exists = { $path }: already exists; pick another path or open it without `init`
errors-exists = { $path }: already exists; { $next }
errors-disk-full = { $path }: the disk is full (or a file-size limit was reached); nothing was left at that path: free some space there, then run the command again
errors-conflict = { $what } was saved by { $by } at { $at } after you opened it; your change was not saved: look at the new values and try again
errors-busy = the database stayed busy (another terminal is saving a long change); try again in a moment
errors-held = { $path }: another program holds the database's write lock (a long save, a backup, an sqlite3 shell); try again in a moment, or close that program
errors-not-found = { $what } no longer exists; it may have been removed by someone else, refresh the list
errors-invalid = { $what }: { $why }
errors-out-of-stock = { $what }: { $asked } asked, { $free } free (the rest is reserved for cases or gone); nothing was taken: { $next }
errors-retrospective = { $what } is planned for { $when }, which has already passed; confirm it as a retrospective entry (recorded as such in the audit) or correct the date
errors-block-conflict = { $what } conflicts with the schedule: { $conflicts }; give a reason to override (recorded in the audit), or change the time, room or staff
errors-block-conflict-fixed = { $what } conflicts with the schedule: { $conflicts }; pick another time, room or staff
errors-undecodable = { $what }: a value this program does not know (written by another program, or damaged); run `periop check` to list such rows, then restore the latest backup or ask for help
errors-disk = { $path }: { $cause }; nothing was saved: check the disk (`df -h` for space) and the file's folder, then try again
errors-search-damaged = { $path }: the search index { $index } is damaged ({ $detail }), so a filter could miss records; an admin rebuilds it from the records with `periop reindex --db { $path }`, then runs `periop check`
errors-sqlite = database error: { $detail }
errors-needs-sqlite-file = { $step } needs a SQLite database file; this database is on another engine, whose own tools do it

## R-ROLE-1's refusal
errors-not-allowed = { $change }: your role is { $role }, and this change needs { $needs }; { $next }
errors-not-allowed-retired = { $change }: your account is retired from the staff list, so it may only read (this change needs { $needs }); if you are back on the ward, an admin brings it back (`periop staff set ACCOUNT --active true`)
errors-next-ask-role = ask an admin to give your account a role (`periop staff set ACCOUNT --role ROLE`)
errors-next-change-role = if your work needs it, an admin can change your role (`periop staff set ACCOUNT --role ROLE`)
# A role as a refusal or the Admin tab names it: the code in English (as typed
# on the command line), a word in French.
errors-role = { $code }
errors-needs-none = no role
errors-needs-one = the role { $role }
errors-needs-many = the role { $roles } or { $last }

## The kinds of change (domain::roles::Change), as a refusal and `periop roles` name them
errors-change-staff = staff and roles
errors-change-settings = site settings
errors-change-rooms = rooms
errors-change-procedure-kinds = procedure kinds
errors-change-bed-setup = beds (add, rename, retire)
errors-change-bed-state = bed state and bed of a stay
errors-change-patient = patients
errors-change-stay-plan = planning a stay
errors-change-stay-step = admission steps
errors-change-case-schedule = the block schedule
errors-change-checklist = readiness checklist
errors-change-anaesthesia = anaesthesia
errors-change-intake = last intake
errors-change-medication = treatments and labs
errors-change-discharge = discharge
errors-change-distraction = distraction prescription and phases
errors-change-round = distraction rounds
errors-change-device-catalogue = device references
errors-change-stock = device stock
errors-change-implant = implant records
errors-change-timeline = the J0 timeline
errors-change-complication = recording complications
errors-change-complication-close = closing complications
errors-change-ossification = ossification follow-up
errors-change-search-indexes = rebuilding the search indexes
errors-no-postgres = --db names a PostgreSQL database, but this periop was built without PostgreSQL; build it with `cargo build --release --features postgres`, or give --db a file path
errors-unreachable = { $location }: cannot connect to PostgreSQL ({ $cause }); check that the server runs, that --db names an existing database and role, and that pg_hba.conf lets this account in
errors-disconnected = the connection to the database server was lost ({ $cause }); periop connects again: try again in a moment
errors-save-unknown = the connection to the database server was lost just as the save was being committed ({ $cause }), and the server could not be asked whether it was: it may be saved; look before entering it again
errors-save-cut-off = the connection to the database server was lost during the save ({ $cause }): nothing was saved; periop connects again, try again in a moment
errors-no-schema = { $location }: this database has no periop schema; create it once with `periop --db … init` as the database's owner
errors-not-empty = { $location }: this database already holds other tables ({ $tables }); periop needs an empty database of its own (ask the DBA for one)
