## The commands' output meant for people (src/main.rs, src/cli/*.rs).
## JSON and CSV keys, codes and column names are not here: scripts read them.

## Errors and notices of the program (src/main.rs)
cli-error = periop: { $text }
cli-warning = periop: warning: { $text }
cli-cannot-write = periop: cannot write the output: { $error }
cli-upgrading = periop: upgrading { $path } from schema { $from } to { $to }; on years of history this takes a minute or two (the search indexes are built again; stopped, it changes nothing and starts again next time)
cli-not-a-day = { $option } { $text } is not a day; write it like 2026-11-23
cli-event-which = give --case ID, --correct EVENT or --void EVENT
cli-stats-range = --from { $from } --to { $to }: give a last day on or after the first, at most 366 days later
cli-not-a-state = --state { $code } is not a state; use one of: { $states }
cli-cannot-void = { $kind } cannot be voided; use one of: { $kinds }
cli-no-database = no database given: pass --db PATH or set PERIOP_DB (or try `periop --demo`)
cli-file-only = `periop { $command }` works on a SQLite file, not on PostgreSQL (README, "PostgreSQL": the server's own tools back it up and restore it; `periop migrate` copies a ward's file into it)
cli-demo-building = building { $years } years of history: { $percent }%
cli-demo-written = demo ward written to { $path }
cli-demo-keep-failed = cannot keep the older demo as { $kept } ({ $error }); move { $path } away and try again
cli-init-created = created { $path } (schema { $schema }); { $account } registered as admin
cli-put-room = room { $name }
cli-put-bed = bed { $name }
cli-put-procedure = procedure kind { $name }

## periop board
cli-board-title = Board for { $day } ({ $zone }), as of { $now }
cli-board-attention = NEEDS ATTENTION ({ $count })
cli-board-arriving = ARRIVING ({ $count })
cli-board-procedures = PROCEDURES ({ $count })
cli-board-leaving = LEAVING ({ $count })
cli-board-calls = FOLLOW-UP CALLS ({ $count })
cli-board-call-overdue = ! overdue, was due { $day }  { $patient }  admission #{ $id }
cli-board-call-due = · due { $day }  { $patient }  admission #{ $id }
cli-board-fasting = fasting: { $times }
cli-board-discharge-complete = discharge check ✓ complete{ $padss }
cli-board-discharge-missing = discharge check ✗ missing: { $missing }
cli-board-no-bed = no bed
cli-board-bed = bed { $bed }
cli-board-bed-status = bed { $bed } ({ $status })
cli-board-planned = planned { $day }
cli-board-incident = incident: { $text }

## periop admissions
cli-admissions-title = Admissions covering { $day } ({ $count })
cli-admissions-every-day = every day
cli-admissions-missing = missing: { $missing }
cli-admissions-bed = bed { $bed }

## periop check (labels: at most 13 characters, the colon included)
cli-check-database = database:
cli-check-schema = schema:
cli-check-schema-value = { $version } (this program: { $known })
cli-check-integrity = integrity:
cli-check-foreign-keys = foreign keys:
cli-check-broken-references = { $count } broken references
cli-check-values = values:
cli-check-values-unreadable = { $count } rows hold a value this program cannot read
cli-check-audit-rows = audit rows:
cli-check-audit-chain = audit chain:
cli-check-chain-breaks = { $count } breaks (rows edited, forged or deleted behind periop's back)
cli-check-chain-head = chain head:
cli-check-chain-head-flagged = audit #{ $id } is flagged above: no head to keep; compare with the one kept with your backups
cli-check-chain-head-value = audit #{ $id } { $hash }
cli-check-data-rows = data rows:
cli-check-data-rows-ok = ok (each matches its last audit row)
cli-check-data-rows-differ = { $count } differ from the audit log (changed behind periop's back)
cli-check-search = search:
cli-check-search-ok = ok (each index matches the records)
cli-check-search-rebuilt = built again by the upgrade
cli-check-search-problems = { $count } problems (filters may miss records)
cli-check-triggers = triggers:
cli-check-triggers-damaged = missing or altered: { $names } (the next save recreates them)
cli-check-history = history:
cli-check-foreign = foreign:
cli-check-foreign-objects = not periop's (added by another program; remove them, they can change rows behind its back): { $names }
cli-check-side-files = side files:
cli-check-side-files-problems = { $count } not shared with the database's group
cli-check-settings = settings:
cli-check-settings-refused = { $count } stored values refused
cli-check-rules = rules:
cli-check-rules-not-judged = not judged until the values above are corrected
cli-check-found = { $count } found
cli-check-verdict = verdict:
cli-check-healthy = healthy
cli-check-older-schema = OLDER SCHEMA: open it once with this periop (e.g. `periop board`) to upgrade it, then check again
cli-check-audit-unprotected = SETUP PROBLEMS: the audit log was unprotected, so its last rows may have been deleted without a trace: compare the chain head above with the one kept with your backups
cli-check-kept-unprotected = SETUP PROBLEMS: records meant to be kept (named above) were unprotected and may have been changed: the next save puts the triggers back; compare those records with your latest backup
cli-check-setup-problems = SETUP PROBLEMS: the stored data checks out; fix what is named above
cli-check-rules-broken = RULES BROKEN: the file is whole, but the records above break the rules; correct each one
cli-check-search-indexes = SEARCH INDEXES: the records are whole, but a filter may miss them; an admin runs `periop reindex`, then check again
cli-check-damaged = PROBLEMS FOUND: restore the latest backup or ask for help

## periop roles, periop staff
cli-roles-change = change
cli-roles-yes = yes
cli-roles-explained = R-ROLE-1: the write path refuses a change the role may not make, naming the roles that may.
    `unassigned` is a new account; `read_only` is for staff on call who only look; a retired
    member of staff only reads. `periop staff set ACCOUNT --role ROLE` gives a role (admin).
cli-staff-id = id
cli-staff-account = account
cli-staff-name = name
cli-staff-role = role
cli-staff-active = active
cli-yes = yes
cli-retired = retired
cli-not-a-role = --role { $code } is not a role; use one of: { $roles }
cli-staff-no-account = no account
cli-staff-added = added staff #{ $id }: { $name } ({ $account }), role { $role }
cli-staff-changed = staff #{ $id }: { $name } ({ $account }), role { $role }{ $retired }
cli-staff-retired = , retired
cli-staff-who = staff { $who }
cli-staff-not-listed = not on the staff list (an account appears after its first run of periop); add it with `periop staff add --account ACCOUNT --name NAME --role ROLE`

## periop staff language (issue 14)
cli-language-bad-env = PERIOP_LANG={ $value } is not a language periop speaks; set it to one of: { $codes } (or unset it)
cli-language-bad-word = { $word } is not a language periop speaks; give one of: { $codes }, or none
cli-language-kept = { $account } keeps { $code } as their language
cli-language-kept-none = { $account } keeps no language of their own
cli-language-none = none
cli-language-in-force = language: { $code } (from { $source }); your account's own: { $own }
cli-language-order = order: --lang, PERIOP_LANG, your account's own (periop staff language en|fr|none), LC_ALL/LC_MESSAGES/LANG, the site setting site.language ({ $site })
cli-language-source-account = your account's own choice
cli-language-source-site = the site setting site.language

## periop block
cli-block-no-room = no room
cli-block-title = Block list for { $day }, as of { $now }{ $frozen }
cli-block-frozen = · list frozen (R-BLOCK-4)
cli-block-no-room-yet = No room yet
cli-block-room = { $room } — { $count ->
    [one] { $count } case
   *[other] { $count } cases
}
cli-block-nothing-booked = nothing booked
cli-block-no-operator = no operator
cli-block-nurse = block nurse { $nurse }
cli-block-conflicts = CONFLICTS ({ $count })  turnover { $minutes } min (block.turnover_min)
cli-block-none = none
cli-block-utilisation = UTILISATION (R-BLOCK-6; real: in room → out of room where recorded)
cli-block-utilisation-head = room                     planned      real  start   turnover
cli-block-called-off = CANCELLED OR POSTPONED ({ $count })
cli-block-stats-title = Block use from { $from } to { $to } (R-BLOCK-6)
cli-block-week-of = week of
cli-block-room-head = room
cli-block-cases = cases
cli-block-planned = planned
cli-block-real = real
cli-block-start = start
cli-block-turnover = turnover
cli-block-called = called
cli-block-no-rooms = no rooms
cli-block-stats-explained = planned: booked minutes within the hours ÷ open minutes (every day of the range counted); real: in room → out of room where recorded (J0 timeline), planned otherwise; start: mean minutes from the first scheduled start to the first patient in the room; turnover: mean minutes from out of room to the next in room (how many recorded); called: cases cancelled or postponed (R-BLOCK-5).
cli-block-not-a-time = --at { $text } is not a time: write HH:MM (08:05, two digits each) or a date and time
cli-block-at-or-today = --at { $error }, or HH:MM for today
cli-block-no-time = no time given
cli-block-timeline = the timeline
cli-block-not-an-event = --kind { $text } is not an event; use one of: { $kinds }
cli-block-no-case = there is no case { $id }: `periop block --date D --format json` lists each day's cases with their case_id
cli-block-at-needs-kind = --at needs --kind (which event happened then)
cli-block-recorded = case #{ $id }: { $what } recorded (event { $event })
cli-block-corrected = event { $id } corrected: { $what } (now event { $event })
cli-block-voided = event { $id } voided; kept in the history, no longer counted{ $what }

## periop stock, periop recall, periop implants
cli-stock-not-a-kind = --kind { $kind } is not a device kind; use one of: { $kinds }
cli-stock-added = reference { $code } added: { $name } ({ $kind })
cli-stock-never-received = { $name } lot { $lot } was never received here; check the lot number
cli-stock-lifted-recall = { $what }: recall lifted (was: { $was }); { $count } unit(s) usable again
cli-stock-lifted-quarantine = { $what }: quarantine lifted (was: { $was }); { $count } unit(s) usable again
cli-stock-scanned = the scanned string: { $error }
cli-stock-or-add = { $error } (or add it with `periop stock add`)
cli-stock-no-gtin = which device? the label has no (01) GTIN; pass --ref CODE
cli-stock-add-it = { $missing }; add it with { $command }
cli-stock-which-device = which device? pass --scan with a (01) GTIN or an HIBC label, or --ref CODE
cli-stock-other-gtin = the scanned GTIN { $gtin } is not reference { $code }'s ({ $known }); check the label
cli-stock-not-an-expiry = --expiry { $text } is not a day; write it like 2027-06-30
cli-stock-use-by = , use by { $day }
cli-stock-joined = (added to the lot on the shelf)
cli-stock-received = received { $units } × { $name } { $lots }{ $expiry }{ $joined }{ $warnings }
cli-stock-lot-serial = lot { $lot } serial { $serial }
cli-stock-lot = lot { $lot }
cli-stock-serial = serial { $serial }
cli-stock-no-lot = no lot
cli-stock-expiring = ! expiring
cli-stock-title = Stock on { $day }
cli-stock-empty = no device references yet; add one with `periop stock add`
cli-stock-low = ! LOW
cli-stock-implant = , implant
cli-stock-line = { $code } { $name } ({ $manufacturer }, { $kind }{ $implant }) usable { $usable } reserved { $reserved } total { $total } min { $min }{ $low }
cli-stock-lot-line = { $lot } use by { $expiry } qty { $quantity } reserved { $reserved } { $location } { $status }{ $mark }
cli-stock-alerts = Alerts ({ $count })
cli-stock-case-of = — { $patient }, case #{ $id }
cli-stock-case = — case #{ $id }
cli-stock-recall-refused = { $error }; `periop recall --preview` lists who received it without quarantining
cli-stock-recall-preview = Recall preview (nothing written)
cli-stock-recall = Recall
cli-stock-recall-title = { $title } of { $code } { $name } ({ $manufacturer }), lot or serial { $number }
cli-stock-nothing-to-quarantine = nothing more to quarantine (already recalled)
cli-stock-quarantined = quarantined: { $lot }, { $units } unit(s) left on the shelf
cli-stock-would-quarantine = would be quarantined: { $lot }, { $units } unit(s) left on the shelf
cli-stock-received-by = Patients who received it ({ $count })
cli-stock-no-patient = no patient has hospital number { $number }; check the number
cli-stock-card = Implant card: { $patient }, hospital number { $number }
cli-stock-no-implant = no implant recorded
cli-stock-time-missing = time missing
cli-stock-patient-missing = patient missing
cli-stock-missing = ! missing: { $items }
cli-stock-recalled = ! RECALLED { $lot } on { $day } ({ $reason })
cli-stock-record = #{ $id }  { $patient }  { $number }  case #{ $case }  { $when }  { $code } { $device } ({ $manufacturer }) { $lot }  operator { $operator }{ $gap }{ $recalled }
cli-stock-void-where = --to { $word }: say where the units go, `shelf` (never opened) or `waste`
cli-stock-void-to = an implant's units go back on the shelf or to waste: add --to shelf (never opened) or --to waste
cli-stock-voided = voided implant record #{ $id }: { $device } ({ $lot }), { $units } unit(s), case #{ $case }, of { $patient }; reason: { $reason }
cli-stock-voided-after = { $to }: { $quantity } on the shelf now; the record is kept in the history, no longer counted (a void is not undone)

## periop rooms, beds, procedures, setup
cli-setup-room = room
cli-setup-kind = kind
cli-setup-hours = hours
cli-setup-active = active
cli-setup-bed = bed
cli-setup-unit = unit
cli-setup-state = state
cli-setup-code = code
cli-setup-label = label
cli-setup-minutes = minutes
cli-setup-anaesthesia = anaesthesia
cli-setup-implants = implants
cli-setup-reserved-from = reserved from { $day }
cli-setup-bed-free = free
cli-setup-bed-occupied = occupied
cli-setup-bed-to-clean = to_clean
cli-setup-bed-closed = closed
cli-setup-added = added
cli-setup-changed = changed
cli-setup-unchanged = unchanged
cli-setup-put = { $what }: { $done }
cli-setup-rooms = { $count } rooms
cli-setup-beds = { $count } beds
cli-setup-procedure-kinds = { $count } procedure kinds
cli-setup-settings = { $count } settings
cli-setup-staff = { $count } staff
cli-setup-nothing = nothing
cli-setup-summary = { $entries } ({ $added } added, { $changed } changed, { $unchanged } unchanged), in one audited transaction
cli-setup-cannot-read = { $file }: cannot read it ({ $error }); check the path
cli-setup-line = { $file } line { $line }
cli-setup-line-of = { $file } line { $line }: { $what }
cli-setup-named-twice = already named at line { $first }; a ward file names each entry once: keep one of the two

## periop rounds, periop distraction
cli-rounds-title = Distraction rounds, { $day } ({ $count })
cli-rounds-worst-pin = worst pin grade { $grade } (pin { $pin })
cli-rounds-no-pins = no pin sites
cli-rounds-no-round = no round yet
cli-rounds-outpatient = (outpatient)
cli-rounds-progress = { $done } of { $target } mm (plan { $planned })
cli-rx-line = { $site } on { $device }: osteotomy { $osteotomy }, latency { $latency }, { $rate } mm/day in { $sessions } of { $turn } mm turns, target { $target } mm, { $pins }{ $sites }
cli-rx-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
cli-rx-sessions = { $count ->
    [one] 1 session
   *[other] { $count } sessions
}
cli-rx-pins = { $count ->
    [one] 1 pin site
   *[other] { $count } pin sites
}
cli-plan-case = { $patient }  { $number }  distraction case #{ $id }
cli-plan-open = open (paused)
cli-plan-from-to = distraction from { $from } to { $to } (R-DO-2)
cli-plan-at-rate = at { $rate } mm/day
cli-plan-voided = ✗ voided: { $why }
cli-plan-step = step #{ $id } { $day } { $kind }{ $rate }{ $reason }{ $voided }
cli-plan-hexapod = hexapod frame: revision { $revision } in force, { $plan }; its strut sheet and log: `periop hexapod --patient { $number }`
cli-plan-head = day         phase              plan: turns per session  planned mm  done mm
cli-plan-round-voided = round #{ $id } { $at }  ✗ voided: { $why }
cli-plan-round = round #{ $id } { $at }  pain { $pain }/10, sensation { $sensation }, motor { $motor }, colour { $colour }, pins [{ $grades }]{ $temperature }
cli-distraction-no-case-id = hospital number { $number } has no distraction case #{ $id }; leave out --case for the latest
cli-distraction-no-case = hospital number { $number } has no distraction case; record one with `periop distraction add`
cli-distraction-whose = say whose plan: --patient HOSPITAL_NUMBER
cli-distraction-not-a-site = --site { $site } is not a site; use one of: { $codes }
cli-distraction-not-a-device = --device { $device } is not a device; use one of: { $codes }
cli-distraction-register-first = no patient has hospital number { $number }; register the patient first
cli-distraction-recorded = recorded distraction case #{ $id } for { $patient }: { $prescription }
cli-distraction-not-a-step = --kind { $kind } is not a step; use one of: { $codes }
cli-distraction-step-recorded = recorded step #{ $id }: { $kind } on { $day } for { $patient } (R-DO-7); if it was a mistake: periop void step { $id } --reason …

## periop hexapod
cli-hexapod-not-a-setting = --set { $text } is not STRUT=MM; write it like --set 3=162.5
cli-hexapod-not-a-strut = --set { $text }: strut { $strut } is not a strut; struts are 1 to { $struts }
cli-hexapod-whose = say whose sheet: --patient HOSPITAL_NUMBER
cli-hexapod-stdin = reading standard input: { $error }
cli-hexapod-file = { $file }: { $error }; give the path of the table the planning software saved
cli-hexapod-typed = typed
cli-hexapod-recorded = recorded hexapod prescription revision { $revision } for { $patient }: { $plan }
cli-hexapod-void-from-now = revision { $revision } is void from now on (R-DO-8)
cli-hexapod-strut-to = { $strut } to { $mm } mm
cli-hexapod-by-phone-reported = , reported by phone
cli-hexapod-logged = logged for { $day } (revision { $revision }): strut { $struts }{ $phone }
cli-hexapod-strut-joiner = , strut
cli-hexapod-no-prescription = distraction case #{ $id } has no hexapod prescription; a doctor records one with `periop hexapod import`
cli-hexapod-none = none
cli-hexapod-one-to = 1 to { $count }
cli-hexapod-no-revision = distraction case #{ $id } has no revision { $revision }; it has { $has }
cli-hexapod-plan = { $correction } mm at { $rate } mm/day, { $days } days of adjustment from { $from } to { $to }
cli-hexapod-void = VOID: revision { $revision } was replaced at { $at }; do not adjust from this sheet
cli-hexapod-case = { $patient }  { $number }  distraction case #{ $id }, { $site } on a { $device }
cli-hexapod-from = , from { $source }
cli-hexapod-revision = Hexapod prescription revision { $revision } of { $of }, recorded { $at } by { $by }{ $source }{ $note }
cli-hexapod-in-order = { $plan }; adjust the struts in order, 1 to 6 (R-DO-8)
cli-hexapod-fitted = fitted
cli-hexapod-change-on = CHANGE on { $day }
cli-hexapod-strut-fit = strut { $strut }  { $from }
cli-hexapod-day = day
cli-hexapod-as-fitted = as fitted
cli-hexapod-today = < today
cli-hexapod-key = + logged as the sheet says   ! logged off the sheet or twice   x missed   _ to do today
cli-hexapod-log = Log:
cli-hexapod-by-phone = , by phone
cli-hexapod-log-line = { $at }  for { $day }  strut { $strut } set to { $mm } mm{ $phone }  (strut #{ $id })

## periop complications, periop ossification
cli-comp-not-a-kind = --kind { $kind } is not a complication kind; use one of: { $codes }
cli-comp-not-a-severity = --severity { $severity } is not a severity; use one of: { $codes }
cli-comp-recorded = recorded complication #{ $id } for { $patient }: { $kind } ({ $severity }) since { $day }; open until a doctor closes it (R-COMP-1)
cli-comp-closed = closed complication #{ $id }: { $outcome } (R-COMP-1)
cli-comp-title-open = Open complications ({ $count })
cli-comp-title = Complications ({ $count })
cli-comp-case = , case #{ $id }
cli-comp-recorded-by = recorded by { $by } on { $at }{ $case }
cli-comp-closed-by = closed by { $by } on { $at }: { $outcome }
cli-ho-whose = say whose follow-up: --patient HOSPITAL_NUMBER
cli-ho-not-a-prophylaxis = --prophylaxis { $text } is not one; use one of: { $codes }
cli-ho-dose-radiotherapy = --dose is a radiotherapy's; a prophylaxis { $kind } has no dose: leave --dose out, or say --prophylaxis radiotherapy
cli-ho-given-none = --given is when a prophylaxis was given; with --prophylaxis none, leave it out
cli-ho-dose-needed = a radiotherapy needs its dose: --dose GY (one dose of 7-8 Gy)
cli-ho-recorded = recorded ossification follow-up #{ $id } for { $patient }: { $words }; X-ray check due { $day } ({ $setting }={ $months } months, R-HO-1)
cli-ho-not-brooker = --brooker { $text } is not a Brooker grade; use 0, I, II, III or IV
cli-ho-xray-recorded = recorded the X-ray check of follow-up #{ $id } on { $day }: Brooker { $grade } (R-HO-1)
cli-ho-title = Heterotopic ossification follow-up of { $patient } ({ $count })
cli-ho-surgery = #{ $id } surgery { $at }: { $words }
cli-ho-outside-window = recorded outside the window because: { $reason }
cli-ho-xray = X-ray { $day }: Brooker { $grade }
cli-ho-xray-due = X-ray check due { $day }

## periop settings, backup, restore, reindex, void
cli-settings-key = key
cli-settings-value = value
cli-settings-unit = unit
cli-settings-range = range
cli-settings-rule = rule
cli-settings-source = source
cli-settings-footnote = * set for this site (the default differs); `periop settings set KEY VALUE` changes one
cli-settings-refused = REFUSED stored value: { $text }
cli-backup-copying = copying: { $percent }% ({ $done } of { $all } pages)
cli-backup-empty = empty
cli-backup-healthy = healthy
cli-backup-whole = whole
cli-backup-done = backed up { $live } to { $path } (mode 0640): { $pages } pages, { $megabytes } MB in { $seconds } s
cli-backup-checked = `periop check` on the copy: { $verdict } (audit rows { $rows }, chain head { $head }; keep it with the backup)
cli-backup-warning = warning: { $text }
cli-restore-done = restored { $live } from { $from }; the file it replaced is kept as { $kept } (delete it once the ward has checked the restore)
cli-restore-upgraded = the backup was of schema { $from }: upgraded to { $to } as it was put in place
cli-reindex-done = rebuilt the search indexes of { $path } from { $patients } patients and { $rows } audit rows in { $seconds } s (recorded in the audit log); `periop check` compares them with the records
cli-reindex-progress = indexing: { $percent }% ({ $done } of { $all } rows)
cli-void-said = voided { $what } #{ $id }: { $value }{ $at }, of { $patient }; reason: { $reason }
cli-void-kept = kept in the history, no longer counted; if it was not the record meant, record that one again (a void is not undone)

## periop board: the PADSS total after a complete discharge check
cli-board-padss = (PADSS { $total }/10)

## periop rules: an ID that is not a rule
cli-rules-unknown = there is no rule { $given }; rule IDs look like R-FAST-4 ({ $known }); `periop rules` prints them all
cli-migrate-copying = copying: { $percent }% ({ $done } of { $all } rows)
cli-migrate-done = copied { $file } into { $location }: { $rows } rows in { $tables } tables, verified; audit chain head #{ $id } { $hash }
cli-migrate-next = next: `periop --db '{ $location }' check`, then point the ward's PERIOP_DB at it

## periop bench on PostgreSQL: the live refresh saves into a scratch database made on the same server
cli-bench-live-needs-createdb = live refresh: not measured; the figure needs a role allowed to CREATE DATABASE (its saves go into a scratch database on this server, dropped after): run the bench as such a role, or `ALTER ROLE <role> CREATEDB`
cli-bench-scratch-left = could not drop the bench's scratch database { $name } ({ $cause }): drop it by hand with `DROP DATABASE { $name } WITH (FORCE)`
