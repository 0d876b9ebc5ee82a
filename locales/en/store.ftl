## The words the store builds for users: refusals, notices, findings (src/store, domain refusals)

## One record with its id, for `periop check`: "admission #12"
store-numbered = { $noun } #{ $id }

## Records, as a sentence names them (store::table::Table::noun, row, numbered)
## .the: how a refusal names the record; .this: a conflict's; .new: a record not yet saved
store-table-staff = staff member
    .the = the staff member
    .this = this staff member
    .new = new staff member
store-table-settings = setting
    .the = the setting
    .this = this setting
    .new = new setting
store-table-patients = patient
    .the = the patient
    .this = this patient
    .new = new patient
store-table-rooms = room
    .the = the room
    .this = this room
    .new = new room
store-table-beds = bed
    .the = the bed
    .this = this bed
    .new = new bed
store-table-procedure-kinds = procedure kind
    .the = the procedure kind
    .this = this procedure kind
    .new = new procedure kind
store-table-admissions = admission
    .the = the admission
    .this = this admission
    .new = new admission
store-table-admission-steps = admission step
    .the = the admission step
    .this = this admission step
    .new = new admission step
store-table-cases = case
    .the = the case
    .this = this case
    .new = new case
store-table-case-checks = readiness check
    .the = the readiness check
    .this = this readiness check
    .new = new readiness check
store-table-anaesthesia-consultations = anaesthesia consultation
    .the = the anaesthesia consultation
    .this = this anaesthesia consultation
    .new = new anaesthesia consultation
store-table-intakes = intake
    .the = the intake
    .this = this intake
    .new = new intake
store-table-treatments = treatment
    .the = the treatment
    .this = this treatment
    .new = new treatment
store-table-lab-results = lab result
    .the = the lab result
    .this = this lab result
    .new = new lab result
store-table-discharge-checks = discharge check
    .the = the discharge check
    .this = this discharge check
    .new = new discharge check
store-table-follow-up-calls = follow-up call
    .the = the follow-up call
    .this = this follow-up call
    .new = new follow-up call
store-table-distraction-cases = distraction case
    .the = the distraction case
    .this = this distraction case
    .new = new distraction case
store-table-distraction-phases = distraction step
    .the = the distraction step
    .this = this distraction step
    .new = new distraction step
store-table-distraction-sessions = distraction session
    .the = the distraction session
    .this = this distraction session
    .new = new distraction session
store-table-distraction-rounds = distraction round
    .the = the distraction round
    .this = this distraction round
    .new = new distraction round
store-table-pin-grades = pin grade
    .the = the pin grade
    .this = this pin grade
    .new = new pin grade
store-table-block-overrides = schedule override
    .the = the schedule override
    .this = this schedule override
    .new = new schedule override
store-table-case-call-offs = cancellation or postponement
    .the = the cancellation or postponement
    .this = this cancellation or postponement
    .new = new cancellation or postponement
store-table-device-refs = device reference
    .the = the device reference
    .this = this device reference
    .new = new device reference
store-table-device-lots = lot
    .the = the lot
    .this = this lot
    .new = new lot
store-table-stock-movements = stock movement
    .the = the stock movement
    .this = this stock movement
    .new = new stock movement
store-table-case-devices = device held for a case
    .the = the device held for a case
    .this = this device held for a case
    .new = new device held for a case
store-table-implants = implant record
    .the = the implant record
    .this = this implant record
    .new = new implant record
store-table-case-events = timeline event
    .the = the timeline event
    .this = this timeline event
    .new = new timeline event
store-table-complications = complication
    .the = the complication
    .this = this complication
    .new = new complication
store-table-ho-follow-ups = ossification follow-up
    .the = the ossification follow-up
    .this = this ossification follow-up
    .new = new ossification follow-up
store-table-hexapod-prescriptions = hexapod prescription
    .the = the hexapod prescription
    .this = this hexapod prescription
    .new = new hexapod prescription
store-table-hexapod-struts = hexapod strut
    .the = the hexapod strut
    .this = this hexapod strut
    .new = new hexapod strut
store-table-hexapod-lengths = hexapod strut length
    .the = the hexapod strut length
    .this = this hexapod strut length
    .new = new hexapod strut length
store-table-hexapod-adjustments = strut adjustment
    .the = the strut adjustment
    .this = this strut adjustment
    .new = new strut adjustment

## The write path (store::write)
store-field-of = { $record }, { $field }
store-control-character = holds a control character (a tab, an escape) or a direction mark; type it as plain text
store-conflict-at = { $time } on { $day }
store-conflict-someone = someone
store-conflict-unknown-time = an unknown time

## Admissions and stays (store::admissions)
store-admission-for-patient = admission for patient #{ $id }
store-patient-numbered = patient #{ $id }
store-no-such-patient = no such patient; register the patient first
store-duration = duration
store-duration-out-of-range = { $minutes } minutes is not a duration; give 1 to { $max } minutes
store-the-patient = the patient
store-patient-has-a-stay = already has a stay from { $first } to { $end }; move or cancel that stay first
store-the-procedure = the procedure
store-pathway-settings = the site's pathway settings
store-discharge-before-admission = { $admit } and { $discharge } put the discharge before the admission; correct them with `periop settings`
store-arrival-in-future = the arrival time is in the future; give the time the patient arrived
store-step-needs-reason = to { $verb } it, give a reason
store-stay-now = the stay is now { $state }
store-stay-done-waits = the stay's procedure done waits: { $why }
store-stay-back-to = the stay is back to { $state }
store-stay-stays = the stay stays { $state }: { $why }
store-stay-still-planned = the stay is still planned: admit the patient (a on the admission page), then p marks it
store-ward-marks-it = the ward marks it (p on the admission)
store-ward-undoes-it = the ward undoes it (u on the admission)
store-cannot-undo-here = it cannot be undone from here; see the admission's history
store-undo-needs-reason = to undo a step, give a reason

## The order of a stay's instants (store::stay_order, R-PATH-6)
store-list-separator = {"; "}
store-out-of-order = { $faults } (R-PATH-6)
store-the-admission-j-1 = the admission (J-1, R-PATH-1)
store-check-stay = admission #{ $id } (planned { $planned }): { $fault }
store-check-stay-in-bed = admission #{ $id } (planned { $planned }, bed { $bed }): { $fault }
store-check-record = { $name } #{ $id }: { $fault }
store-record-intake = intake
store-record-lab-result = lab result
store-record-consultation = consultation
store-record-case = case
store-record-step = step
store-record-timeline-event = timeline event
store-record-distraction-round = distraction round
store-record-ossification-follow-up = ossification follow-up
store-record-distraction-case = distraction case
store-record-distraction-step = distraction step
store-record-session = session
store-record-complication = complication

## Cases: moving one (store::cases)
store-the-block-nurse = the block nurse
store-case-not-movable = it is { $state }; only a planned or confirmed case can be moved
store-case-stay-over = its stay is { $state }; book a new stay instead
store-moved = procedure moved to { $day } { $time }
store-moved-booked-again = postponed case booked again to { $day } { $time }
store-moved-planned-again = {"; "}the stay is planned again (was postponed)
store-moved-bed-held = the discharge would move to { $day } but bed { $bed } is held by another stay on those nights (from { $from }); assign another bed first (R-PATH-4)
store-moved-discharge-follows = {"; "}the patient is already admitted: the discharge plan follows the procedure to { $day } (R-PATH-6)
store-moved-plans-stay = {"; "}the patient is already admitted: the plans stay (discharge planned { $day })
store-moved-same-day = {"; "}same day: admission and discharge plans unchanged
store-moved-patient-has-a-stay = the patient already has a stay from { $first } to { $end }; move or cancel that stay first
store-moved-plans = {"; "}admission moved to { $admit }, discharge to { $discharge }
store-moved-bed-given-up = {"; "}bed { $bed } is held by another stay on those nights (from { $from }) and was given up: assign another bed
store-moved-last-doses = {"; "}last doses now (R-MED-1): { $doses }
store-moved-fasting = {"; "}fasting: { $fasting }
store-moved-to-resolve = {"; "}still to resolve: { $conflicts }
store-last-dose-moved = { $drug } { $now } (was { $was })
store-the-pre-visit = the pre-anaesthesia visit

## Domain words the store's callers show (domain::journey, language, ward_time)
store-fasting-summary = solids until { $solids }, clear fluids until { $fluids }
store-language-from-flag = --lang
store-language-from-env = PERIOP_LANG
store-language-from-account = your account's own choice
store-language-from-site = the site setting site.language
## The two readings of a time the autumn clock change repeats: "02:05 (1st)"
store-reading-first = (1st)
store-reading-second = (2nd)

## Beds (store::beds, R-PATH-4)
store-bed = bed { $bed }
store-bed-numbered = bed #{ $id }
store-no-such-bed = no such bed; pick one from the bed list
store-check-bed-overlap = bed { $bed }: admissions #{ $first } and #{ $second } both hold the night of { $night } (R-PATH-4)
store-bed-closed = the bed is closed; reopen it or choose another bed (R-PATH-4)
store-bed-held = already held by another stay for the nights { $first } to { $end }; choose another bed (R-PATH-4)
store-bed-still-occupied = another patient is still in it; discharge that patient or choose another bed for this one (R-PATH-4)
store-bed-occupied-now = another patient is in it now; choose another bed for this one first (R-PATH-4)
store-stay-holds-no-bed = it is { $state }, so it holds no bed
store-patient-in-bed = the patient is in the bed; assign another bed to move them

## Discharge (store::discharge, R-DISCH-1, R-DISCH-2)
store-the-discharge-check = the discharge check
store-padss-score = each PADSS item is scored 0, 1 or 2; { $item } was given { $value } (R-DISCH-1)
store-discharge-check-of = the discharge check of admission #{ $id }
store-discharge-refused = { $refused } (R-DISCH-1)
store-call-already-done = already recorded as done; refresh the list

## Voiding a record entered by mistake (store::void, R-AUDIT-1)
store-void-time-taken = taken
store-void-time-held = held
store-void-time-recorded = recorded
store-void-time-surgery = surgery
store-void-time-made = made
store-void-time-done = done
store-void-outcome = outcome { $outcome }
store-void-prophylaxis = prophylaxis { $kind }
store-void-round = round: pain { $pain }/10
store-void-round-pins = round: pain { $pain }/10, pin grades { $pins }
store-void-strut = strut { $strut } set to { $mm } mm
store-void-step = { $kind } on { $day }
store-void-step-rate = { $kind } on { $day } at { $rate } mm/day
store-void-no-such = there is no { $noun } with that number; the Audit tab and the patient's history show each entry's number ({ $code } #12)
store-void-later-step = step #{ $id } ({ $step }) was recorded after it; void the later steps first, newest first (periop void step { $id } --reason …)
store-void-session-turns = session { $session }: { $count ->
        [one] { $count } turn
       *[other] { $count } turns
    }
store-void-sessions-stay = { $count ->
        [one] the session recorded with it stays counted ({ $sessions }); if those turns were not made on this patient, correct them to 0 (t on the Rounds tab)
       *[other] the { $count } sessions recorded with it stay counted ({ $sessions }); if those turns were not made on this patient, correct them to 0 (t on the Rounds tab)
    }
store-already-voided = already voided at { $when } (ward time); nothing to do
store-already-voided-by = already voided by { $by } at { $when } (ward time); nothing to do
store-void-needs-reason = to void it, give a reason (what was wrong with it)
store-reason-control-character = the reason holds a control character or a direction mark; type it on one line, as plain text

## The changes a role may make, as a refusal names them (store::permission, R-ROLE-1)
store-change-restore = restoring a backup

## Only what is in use is booked (store::in_use, issue 8)
store-kind-numbered = procedure kind #{ $id }
store-no-such-kind = no such procedure kind; pick one from the list
store-kind-named = procedure kind { $kind }
store-kind-retired = retired (kept for the history), so nothing new is booked as it; pick another kind from the list, or an admin brings it back (`periop procedures set { $code } --active true`)
store-room-numbered = room #{ $id }
    .alone = room
store-no-such-room = no such room in use; pick one from the list
store-staff-member-named = staff { $name }
store-room-named = room { $room }
store-room-retired = retired (kept for the history), so no case is booked there; pick another room from the list, or an admin brings it back (`periop rooms set { $room } --active true`)
store-staff-numbered = { $what } (staff #{ $id })
store-no-such-staff = no such active member of staff; pick one from the list
store-staff-named = { $what } { $name }
store-staff-retired = retired from the staff list, so no case is given to them; pick someone else from the list, or an admin brings them back (`periop staff set #{ $id } --active true`)
store-operator = operator
store-anaesthetist = anaesthetist
store-bed-retired = retired (kept for the history), so no stay is given it; choose another bed, or an admin brings it back (`periop beds set { $bed } --active true`)
store-check-retired-room = case #{ $case }: still to come in the retired room { $name }; move it to a room in use
store-check-retired-kind = case #{ $case }: still to come booked as the retired procedure kind { $name }; rebook or cancel it
store-check-retired-operator = case #{ $case }: still to come with the retired operator { $name }; give it another operator
store-check-retired-anaesthetist = case #{ $case }: still to come with the retired anaesthetist { $name }; give it another anaesthetist
store-check-retired-nurse = case #{ $case }: still to come with the retired block nurse { $name }; give it another nurse (m on the Block tab)
store-check-retired-bed = admission #{ $id }: holds the retired bed { $bed }; give it a bed in use (R-PATH-4)

## Staff (store::staff, R-ROLE-1)
store-staff-who = staff { $who }
store-staff-same-name = { $count } members of staff have that name; name the account or the number (#id) instead
store-the-display-name = the display name
store-staff-name-taken = { $name } is already the name of staff #{ $id }; give a name that tells them apart (e.g. with a first name or an initial)
store-staff-name-taken-account = { $name } is already the name of staff #{ $id }, account { $account }; give a name that tells them apart (e.g. with a first name or an initial)
store-account = account { $account }
store-account-word = account
store-no-such-account = this machine has no such account, so it could never log in as { $role }; fix the spelling, or create the account first (e.g. `adduser { $account }`), then try again
store-account-control-character = an account name has no control characters or direction marks; check the spelling
store-account-on-the-list = already on the staff list as { $name } ({ $role }); change it with `periop staff set { $account } --role ROLE`
store-staff-member = staff member
store-staff-nothing-to-change = nothing to change; give --name, --role or --active
store-staff-still-booked = { $count } upcoming case(s) have them as operator, anaesthetist or block nurse; give those cases someone else first, then retire them
store-no-admin-left = this would leave no active admin who can log in, and nobody could give roles again; make someone with an account on this machine admin first
store-no-admin-left-ghosts = this would leave no active admin who can log in (admin on no account of this machine: { $ghosts }), and nobody could give roles again; make someone with an account on this machine admin first

## Rooms, beds and procedure kinds (store::setup, R-BLOCK-1, R-BLOCK-2)
store-put-added = added
store-put-changed = changed
store-put-unchanged = unchanged
store-room-exists = room { $name } already exists (names are matched without case or accents); use it, or give another name
store-bed-exists = bed { $name } already exists (names are matched without case or accents); use it, or give another name
store-setup-already-exists = already exists; change it with `periop { $command } set`
store-setup-no-such-entry = no such entry; add it with `periop { $command } add` (or list them)
store-the-room-name = the room's name
store-room-kind-unknown = kind { $kind } is not one of { $codes }
store-new-room-needs = a new room needs a kind, an opening and a closing time
store-the-new-name = the new name
store-room-still-booked = { $count } case(s) still booked there; move them to another room first
store-the-bed-label = the bed's label
store-the-unit = the unit
store-the-new-label = the new label
store-bed-still-held = { $count } stay(s) hold this bed; give them another bed first (R-PATH-4)
store-the-label = the label
store-new-kind-needs = a new procedure kind needs a label and a duration in minutes
store-kind-still-booked = { $count } upcoming case(s) are booked as this procedure; rebook or cancel them first

## Device stock: references, receipts, moves, implants (store::stock_moves, R-STOCK, R-TRACE)
store-reference-code = reference code
store-manufacturer = manufacturer
store-name = name
store-empty-field = empty; type it as on the label
store-reference = reference { $code }
store-reference-exists = already in the catalogue; receive lots of it instead
store-gtin = GTIN { $gtin }
store-gtin-taken = already the GTIN of reference { $code }; check the label
store-mm-per-turn = mm per turn
store-not-a-turn = { $mm } is not a turn; give 0.1 to 10 mm
store-the-device-reference = the device reference
store-receipt = { $name } receipt
store-receipt-no-lot = no lot or serial number: type or scan the one on the label (R-TRACE-1)
store-lot = lot { $number }
store-serial = serial { $number }
store-gs1-rule = up to 20 letters, digits or !"%&'()*+,-./:;<=>?_ (the GS1 rule); check the label
store-receipt-expired = its use-by day { $expiry } has passed (today is { $today }); an expired lot cannot be used (R-STOCK-3). Check the label; to receive it anyway, to quarantine or return it, confirm (the Stock tab asks; `periop stock receive --expired-ok`)
store-location = location { $location }
store-location-is-a-label = this is a scanned label (a second box?), not a place; give where the lot is kept
store-serial-one-unit = a serial number is one unit, not { $units }
store-serial-on-shelf = already on the shelf; a serial number is one unit (scan the next box)
store-use-by = use-by { $day }
store-no-use-by = no use-by day
store-lot-other-use-by = is on the shelf with { $shelf }, and this label says { $label }: check the label with the supplier before receiving it
store-lot-kept-at = is kept at { $location }; receive these units there (leave Location empty or give the same)
store-the-reference = the reference
store-move-needs-reason = to record it { $done }, give a reason
store-receipt-through-receive = a receipt goes through `receive`
store-move-which-case = { $kind } for which case? pick the case
store-case-not-reservable = the case is { $state }; nothing can be reserved for it
store-use-not-in-room = the patient is not recorded in the room yet: record what was used once the procedure is under way (reserve it meanwhile; the in-room time is the Block tab's e)
store-use-not-started = the procedure starts { $starts }: record what was used once it is under way (reserve it meanwhile)
store-already-quarantined = already quarantined
store-out-of-stock-next-lot = receive more, or use another lot of this reference
store-the-reservation = the reservation
store-out-of-stock-every-lot = { $name } for { $day } (every usable lot counted)
store-out-of-stock-next-reserve = reserve fewer, or receive more
store-lift-recall-needs-reason = to lift the recall, give a reason (who said it may be used)
store-lift-quarantine-needs-reason = to lift the quarantine, give a reason (who said it may be used)
store-lift-recalled = { $why } (`periop stock lift --recall`, or L on the Stock tab)
store-no-such-implant = there is no implant record with that number; `periop implants --patient` and the Stock tab show each one's number
store-implant-already-voided = already voided at { $at } ({ $reason })
store-case-implant-records = the case's implant records
store-implants-standing = { $implants } recorded as used in the patient; if recorded by mistake, void each first (V on the lot in the Stock tab, or `periop void implant NUMBER --reason … --to shelf|waste`) (R-TRACE-1)
store-not-a-doctor = not a doctor on the staff list; pick an operator
store-implants-incomplete = { $problems }; record them on the Stock tab (o on the lot) before closing the case (R-TRACE-1)

## Finding a reference or a lot from a notice (store::stock, R-TRACE-2)
store-reference-lot = { $name } lot { $number }
store-and = {" and "}
store-differ-by-case = { $all } differ only by case; give the one on the notice exactly
store-reference-unknown = not in the catalogue; { $did_you_mean }check the REF on the notice
store-lot-unknown = never received here; { $did_you_mean }check the lot or serial number on the notice

## The J0 timeline of a case (store::case_events, R-BLOCK-6)
store-case-now = {"; "}the case is now { $state }
store-then = {"; "}{ $words }
store-event-at = { $event } at { $at }
store-timeline-case-off = it is { $state }; its timeline is recorded once it is booked again
store-timeline-recorded-at = {" "}(recorded at { $at })
store-timeline-that-was = {" "}(that was at { $at })
store-the-timeline = the timeline
store-timeline-nothing-now = nothing is recorded on it now
store-timeline-latest = its latest event is now { $event } at { $at }
store-timeline-all-recorded = nothing (every event is recorded)
store-timeline-conflict = the J0 timeline of case #{ $case } ({ $latest }; the next event is { $next }, not { $expected } as you saw it)
store-no-such-event = there is no such event; `periop block --format json` lists each case's timeline with its event_id
store-event-gone-read-again = it was already corrected or voided; read the timeline again
store-event-gone = it was already corrected or voided
store-check-event-outside-day = case #{ $case }: event { $event } ({ $kind }) at { $when } is outside the case's day { $day } (R-BLOCK-6); correct it (`periop block event --correct { $event } --at …`) or void it
store-check-event-in-future = case #{ $case }: event { $event } ({ $kind }) at { $when } is in the future (R-BLOCK-6); correct or void it

## Readiness checks, confirming and calling off a case (store::checks, store::call_off)
store-check-item-of = the { $item } item of case #{ $case }
store-already-confirmed = already confirmed
store-case-not-confirmable = it is { $state }; only a planned case can be confirmed
store-confirm-missing = cannot be confirmed without: { $missing } (R-READY-1); record them first, or mark the case an emergency
store-call-off-not-open = it is { $state }; only a planned or confirmed case can be { $kind }
store-call-off-other-needs-note = to record it { $kind } for "other", add a note saying what it was (R-BLOCK-5)
store-call-off-done = case { $kind } ({ $words })
store-call-off-waits = {"; "}it waits in the postponed list

## The block schedule's conflicts (store::block, store::room_occupation, R-BLOCK-3, R-BLOCK-4, R-BLOCK-6)
store-staff-no = staff #{ $id }
    .alone = staff
store-check-block-conflict = case #{ $case }: { $conflict } (R-BLOCK-3)
store-another-case = another case
store-conflict-room-overlap = { $room }: the cases at { $case } and { $other } overlap, turnover included
store-conflict-outside-hours = { $room }: the case at { $case } is outside the room's hours
store-conflict-staff-overlap = { $who ->
        [operator] operator
        [anaesthetist] anaesthetist
       *[nurse] block nurse
    } { $name } is in the cases at { $case } and { $other } at once
store-conflict-same-patient = the patient of the case at { $case } is also booked at { $other }
store-a-lot = a lot
store-conflict-device = the case at { $case }: { $words }: { $lots }; reserve another lot (Stock tab, v)
store-conflict-intake = { $intake } recorded at { $at } (fasted from { $fasted })
store-conflict-fasting-next = {"; "}start at { $at } or later, or postpone it (reason: patient not fasted)
store-conflict-fasting = the case at { $case }: { $words }: { $causes }
store-conflict-other = the case at { $case }: { $words }
store-list-frozen = the list of { $day } is frozen since { $since } { $time } (R-BLOCK-4)
store-no-out-of-room = no out of room recorded
store-out-of-room-at = out of room at { $at }
store-occupant = case #{ $case } (in room since { $since }, { $until })
store-room-held = { $event } at { $at } refused: the room holds { $occupant } then; one patient in a room at a time (R-BLOCK-6): record that case's out of room first, or correct its times or this one

## periop check: rooms held twice (store::room_occupation)
store-check-room-overlap = room { $room } on { $day }: { $first } and { $second } were in it at once (R-BLOCK-6): correct the wrong times (`periop block event --correct EVENT --at TIME`)

## Intakes, labs, treatments, consultations, patients, settings
store-intake-stay-over = the stay is { $state }; intakes are recorded during a stay
store-intake-of = { $kind } intake
store-lab-result-of = { $item } result
store-treatment-already-recorded = already recorded for this patient; stop or review the recorded one
store-treatment-already-stopped = already stopped; refresh the list
store-the-consultation = the anaesthesia consultation
store-no-such-staff-member = no such member of staff; pick one from the list
store-refusal-needs-notes = a refusal needs notes saying why (R-ANES-5)
store-hospital-number = hospital number { $number }
store-registered-differently = already registered with a different name or birth date; check the number on the patient's label
store-setting = setting { $key }

## Complications and ossification follow-ups (store::complications, store::ossification, R-COMP-1, R-HO-1)
store-the-complication = the complication
store-rule-comp-1 = { $why } (R-COMP-1)
store-case-of-another-patient = it is another patient's case; check the case number (`periop admissions --all-days` lists them)
store-no-such-case = there is no case with that number
store-no-such-complication = there is no complication with that number; `periop complications --patient HOSPITAL_NUMBER` lists them
store-complication-voided = it was voided; there is nothing to close
store-complication-closed = it is already closed; read the list again
store-the-ho-follow-up = the ossification follow-up
store-rule-ho-1 = { $why } (R-HO-1)
store-surgery-in-future = the surgery is in the future; record the follow-up once it is done
store-prophylaxis-in-future = the prophylaxis is in the future; record it once it is given
store-ho-outside-window = { $warning }; to record it anyway, give the reason (R-HO-1)
store-no-such-ho-follow-up = there is no follow-up with that number; `periop ossification --patient HOSPITAL_NUMBER` lists them
store-it-was-voided = it was voided
store-recorded-by-at = {" "}(recorded by { $name } at { $at })
store-xray-already-recorded = its X-ray check is already recorded: Brooker { $grade } on { $day }{ $by }; if it was read wrongly, void the follow-up (periop void ossification { $id } --reason …) and record it again with its check
store-xray-day-out-of-range = the X-ray day { $day } is not between the surgery and today

## Hexapod strut tables (store::hexapod, R-DO-8)
store-rule-do-8 = { $why } (R-DO-8)
store-not-a-hexapod = its device is a { $device }, not a hexapod; a strut table is for hexapod frames (record the case with --device hexapod)
store-table-before-osteotomy = the table starts on { $first }, before the osteotomy on { $osteotomy }; check the printout's days
store-note-control-characters = the note or file name holds control characters; type it again
store-revision-replaced = revision { $this } is void: revision { $current } replaced it at { $at }; log against revision { $current } (the sheet shown now)
store-frame-removed = the frame is removed; nothing is adjusted any more
store-no-strut = no strut was given; give at least one

## Distraction (store::distraction, store::distraction_sessions, R-DO)
## A refusal and the rule it applies: "… (R-DO-5)"
store-rule = { $why } ({ $rule })
store-the-distraction-prescription = the distraction prescription
store-the-distraction-step = the distraction step
store-pause-needs-reason = a pause needs a reason; say why distraction stops
store-only-resume-sets-rate = only a resume can set a new rate

## Distraction sessions (store::distraction_sessions, R-DO-5)
store-sessions-to-come = the sessions of { $day } cannot be recorded before the day; record the turns once they are made (R-DO-5)
store-sessions-before-osteotomy = { $day } is before the osteotomy ({ $osteotomy }): no session to record; check the day (R-DO-5)
store-the-sessions = the sessions
store-session-already-recorded = session { $session } of { $day } is already recorded (done at { $at }); record the next session, or correct its turns (t on the Rounds tab)
store-session-twice = session { $session } is entered twice
store-session-not-recorded = session { $session } of { $day } is not recorded, so there is nothing to correct; record its turns

## What a file that is not healthy still needs (store::check, backup and restore warn)
store-warn-undecodable = { $count } row(s) hold a value this program cannot read (e.g. { $example }): run `periop check` on the live database
store-warn-audit = the audit trail shows changes made behind periop's back ({ $breaks } chain break(s), { $rows } row(s) differing): run `periop check` on the live database and find out who changed what
store-warn-old-schema = schema { $schema } is older than this program's { $known }: the next periop to open it read-write upgrades it (e.g. `periop board`)
store-warn-findings = { $count } stored record(s) break a clinical rule (e.g. { $example }): run `periop check` on the live database and correct each one
store-warn-search = the search indexes differ from the records in { $count } way(s) (e.g. { $example }), so filters may miss records
store-warn-settings = { $count } stored setting(s) refused, their defaults are used: correct them with `periop settings`
store-warn-triggers = append-only triggers missing or altered ({ $triggers }): the next save recreates them
store-warn-foreign = not periop's, added by another program ({ $objects }): remove them, they can change rows behind its back
store-warn-side-files = { $count } side file(s) not shared with the database's group: run `periop check` and fix their group and mode
store-setting-default-used = { $error }; its default is used until it is set again (`periop settings set KEY VALUE`)
store-setting-unknown = { $error }; periop does not read it (another program's, or an older version's)

## Stored values that do not read back (store::rows, store::decode)
store-unreadable = a stored { $what } is not readable (written by another program, or damaged); run `periop check` to find its row, then correct it or restore the latest backup
store-patient-value = (a patient's value, not shown)
store-undecodable-at = { $record }, column { $column }: { $value }

## The audit trail's chain, for `periop check` (store::chain, R-AUDIT-3)
store-unreadable-time = an unreadable time
store-audit-triggers-put-back = audit #{ $id }: on { $when } a save found the append-only triggers missing or altered and put them back ({ $triggers }); the log could be edited unseen before that: compare with a backup from before
store-the-wards-database = the ward's database
store-foreign-trigger = holds a trigger periop did not make ({ $triggers }), which could change what is saved; nothing was saved: an admin removes it (`periop check` lists it)
store-audit-missing = audit #{ $id }: missing (deleted)
store-audit-missing-range = audit #{ $first } to #{ $last }: missing (deleted)
store-audit-no-hash = audit #{ $id }: no hash (written outside periop)
store-audit-forged = audit #{ $id }: edited or forged (its hash does not follow the chain)
store-audit-missing-end = audit #{ $id }: missing from the end (deleted)
store-audit-missing-end-range = audit #{ $first } to #{ $last }: missing from the end (deleted)
store-audit-differs = { $record }: differs from its last audit row ({ $columns })
store-audit-row-deleted = { $record }: deleted (it has audit rows, but no row)
store-audit-no-row = { $record }: no audit row (written outside periop)
store-audit-edited-between = { $record }: changed behind periop's back between audit #{ $first } and #{ $last } ({ $columns })
store-unreadable-audit-image = unreadable audit image
store-columns = columns { $columns }

## Opening and creating the file (store::mod, store::new_file)
store-cannot-create = cannot create it ({ $error })
store-cannot-set-mode = cannot set its mode ({ $error })
store-disk-full = the disk is full
store-disk-failed = the disk could not be read or written ({ $error })
store-migrate-target = the copy's target
store-migrate-needs-server = --to must name a PostgreSQL database (postgres://… or host=… dbname=…)
store-migrate-old-schema = at schema { $found }, this periop writes { $known }: open it once with this periop (`periop board --db …`) to upgrade it, then copy
store-migrate-chain-broken = its audit chain has { $count } break(s) (`periop check` lists them): copy a sound ward only, or restore a backup first
store-migrate-count-differs = { $table }: { $copied } rows copied, { $expected } in the file; nothing was committed, run the command again
store-migrate-chain-differs = the copied audit chain does not verify with the file's head; nothing was committed, run the command again
