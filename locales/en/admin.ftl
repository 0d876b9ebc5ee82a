# The Admin and Audit tabs, the Admin tab's forms and notices, and the words
# every screen shares: notices, refusals, form and filter words.

## The Admin tab's lists (R-ROLE-1, R-BLOCK-1, R-BLOCK-2)
admin-section-staff = staff
admin-section-rooms = rooms
admin-section-beds = beds
admin-section-kinds = procedure kinds
admin-staff-summary = { $active } active · { $retired } retired
admin-active = ✓ active
admin-retired = ✗ retired
admin-no-account = (no account)
admin-rooms-summary = { $count } rooms
admin-beds-summary = { $active } beds in use · { $retired } retired
admin-bed-reserved = reserved from { $day }
# A bed's stored state, as the list says it.
admin-bed-state = { $code ->
        [to_clean] to clean
       *[other] { $code }
    }
admin-no-unit = (no unit)
admin-kinds-summary = { $count } procedure kinds
admin-kind-minutes = { $minutes } min
admin-expects-anaesthesia = anaesthesia
admin-expects-implants = implants
admin-list-error = ! could not read the ward's set-up: { $error }
admin-reading = reading…
admin-list-empty = none yet: { $key } adds one
admin-list-no-match = nothing here matches the filter ({ $key } clears it)
admin-give-role-elsewhere = { $key } gives a member of staff a role: go to the staff list first (← →)
admin-nothing-selected = nothing selected in the { $list } list (the filter may hide it all)

## Retiring and bringing back (kept in the history)
admin-retire-staff = Retire { $name }?
admin-retire-staff-then = kept in the history; they may then only read
admin-restore-staff = Bring back { $name }?
admin-restore-staff-then = they may again act as { $role }
admin-retire-room = Retire room { $name }?
admin-retire-room-then = kept in the history; no case can be booked in it
admin-restore-room = Bring back room { $name }?
admin-retire-bed = Retire bed { $name }?
admin-retire-bed-then = kept in the history; no stay can be given it
admin-restore-bed = Bring back bed { $name }?
admin-retire-kind = Retire procedure kind { $name }?
admin-retire-kind-then = kept in the history; no new case can be booked as it
admin-restore-kind = Bring back procedure kind { $name }?
admin-restore-then = it can be used again

## The Admin tab's forms
admin-form-add-staff = Add a member of staff
admin-form-edit-staff = Change a member of staff
admin-form-give-role = Give a role
admin-form-add-room = Add a room
admin-form-edit-room = Change a room
admin-form-add-bed = Add a bed
admin-form-edit-bed = Change a bed
admin-form-add-kind = Add a procedure kind
admin-form-edit-kind = Change a procedure kind
admin-field-account = Account (login; empty: none)
admin-field-name-shown = Name shown
admin-field-role = Role
admin-field-name = Name
admin-field-kind = Kind
admin-field-opens = Opens
admin-field-closes = Closes
admin-field-label = Label
admin-field-unit = Unit (empty: none)
admin-field-code = Code (like vertebroplasty)
admin-field-minutes = Default minutes
admin-field-anaesthesia = Anaesthesia expected
admin-field-implants = Implants expected
admin-minutes-needed = a whole number of minutes, such as 45
admin-kind-code = code { $code }
admin-who-account = { $name } ({ $account })
admin-who-no-account = no account
admin-who-room = room { $name }
admin-who-rooms = rooms
admin-who-bed = bed { $name }
admin-who-beds = beds
admin-who-kind = procedure kind { $code }
admin-who-kinds = procedure kinds
# R-BLOCK-1: the kinds of room.
admin-room-kind-ct = CT
admin-room-kind-ct-fluoro = CT + fluoroscopy
admin-room-kind-angio-fluoro = angiography / fluoroscopy

## The Admin tab's notices after a save
admin-saved-staff-added = { $name } added to the staff as { $role }
admin-saved = { $who }: saved
admin-saved-entry = { $what }: { $done }
admin-done-unchanged = unchanged (nothing differed from what is stored)
admin-done-retired = retired; kept in the history
admin-done-back = back in use
admin-done-added = added
admin-done-changed = changed

## The Audit tab (R-AUDIT-1)
admin-audit-title = AUDIT LOG
admin-audit-shown = { $count ->
        [one] { $count } change
       *[other] { $count } changes
    }, newest first
admin-audit-shown-newest = newest { $count ->
        [one] { $count } change
       *[other] { $count } changes
    }, newest first
admin-audit-filter = filter:
admin-audit-error = ! could not read the audit log: { $error }
admin-audit-no-match = no change matches the filter
admin-audit-change = change
admin-audit-details = { $when } by { $actor } · { $action } { $record } (record { $row })
# What was changed: the store's noun for the table (`admission`).
admin-audit-record = { $table ->
       *[other] { $noun }
    }
# insert, update: the stored action, as the log says it.
admin-audit-action = { $action ->
       *[other] { $action }
    }
admin-audit-yes = yes
admin-audit-no = no
admin-audit-bed = bed { $name }

## Words every screen shares
admin-no-filter = no filter to clear ({ $key } filters this list)
admin-lists-error = could not read the pick lists: { $error }
admin-tab-gone = the { $tab } tab is no longer yours: your account is now { $role } (R-ROLE-1); back to the { $board }
admin-past-date-title = Record a past date?
admin-field-problem = { $field }: { $problem }
admin-countdown-passed = { $clock } (passed)
admin-countdown-minutes = { $clock } (in { $minutes } min)
admin-countdown-hours = { $clock } (in { $hours } h { $minutes })

## Form fields: what is shown and why a value cannot be saved
admin-pick-empty = ‹ choose with ← → ›
admin-pick-hint = choose one with ← →
admin-pick-empty-words = <choose with { $left }/{ $right }>
admin-pick-hint-words = choose one with { $left }/{ $right }
admin-flag-yes = [x] yes
admin-flag-no = [ ] no
admin-required = required
admin-at-most = at most { $max } characters
admin-no-control = no control characters or direction marks
admin-whole-number = a whole number, such as { $example } (no fraction)
admin-between = between { $min } and { $max }
admin-a-number = a number, such as { $example }
admin-in-future = in the future (today is { $today }); check the date
admin-asa-class = an ASA class from I to VI, E for an emergency (III E)
admin-a-date = a date dd/mm/yyyy, such as 23/11/2026
admin-a-time = a time HH:MM, such as 08:30 (on the night the clocks go back, 02:05 (2nd) for the second 02:05)
admin-whole-such-as = a whole number, such as 30

## What a save did, in a sentence (shell::save): who, then what
admin-saved-now = { $who }: now { $state }
admin-saved-undone = { $who }: step undone, back to { $state }
admin-saved-bed-assigned = { $who }: bed assigned
admin-saved-bed-released = { $who }: bed released
admin-saved-intake = { $who }: last intake recorded ({ $kind })
admin-saved-admit-at = { $who }: now { $state } (arrived { $day } { $time })
admin-saved-treatment = { $who }: treatment recorded ({ $drug })
admin-saved-treatment-stopped = { $who }: treatment marked stopped
admin-saved-lab = { $who }: lab result recorded
admin-saved-discharged = { $who }: discharged; follow-up call due { $day }
admin-saved-check-done = { $who }: { $item } ✓ done
admin-saved-check-undone = { $who }: { $item } unticked
admin-saved-confirmed = { $who }: case confirmed on the schedule
admin-saved-emergency-on = { $who }: emergency flagged (recorded, reported)
admin-saved-emergency-off = { $who }: emergency flag removed
admin-saved-pre-visit = { $who }: pre-anaesthesia visit recorded
admin-saved-pre-visit-cleared = { $who }: pre-anaesthesia visit cleared
admin-saved-insulin-on = { $who }: insulin-treated diabetic yes
admin-saved-insulin-off = { $who }: insulin-treated diabetic no
admin-saved-bed-cleaned = bed { $bed }: cleaned, now free
admin-saved-bed-closed = bed { $bed }: closed
admin-saved-bed-reopened = bed { $bed }: reopened
admin-saved-role = { $who }: now { $role }
admin-saved-staff-back = { $who }: back on the staff
admin-saved-staff-retired = { $who }: retired
admin-saved-voided = { $who }: { $what } #{ $id } voided ({ $value }); kept in the history, no longer counted{ $note }
admin-saved-call-done = { $who }: follow-up call done
admin-saved-complication = { $who }: complication #{ $id } recorded: { $kind }
admin-saved-complication-closed = { $who }: complication #{ $id } closed
admin-saved-admission = { $who }: admission planned: arrives { $arrives }, procedure { $day } { $time }, home { $home }
admin-saved-consultation = { $who }: consultation recorded ({ $outcome })
admin-saved-discharge-check = { $who }: discharge check saved
admin-saved-event = { $who }: { $event } recorded
admin-saved-event-corrected = { $who }: corrected, { $event }
admin-saved-event-voided = { $who }: timeline event voided; kept in the history{ $words }

## Forms every part opens from an admission (app::forms)
admin-form-void = Void an entry made by mistake
admin-field-entry = Entry
admin-field-what-was-wrong = What was wrong
admin-void-intake = intake #{ $id }: { $kind } at { $at }
admin-void-treatment = treatment #{ $id }: { $label }
admin-void-lab = lab #{ $id }: { $item } { $value } at { $at }
admin-void-consultation = consultation #{ $id }: { $outcome } on { $at }
admin-void-complication = complication #{ $id }: { $summary }
admin-void-ossification = ossification follow-up #{ $id }: surgery { $at }
admin-form-admit-at = Admit: when did the patient arrive?
admin-field-arrived-on = Arrived on (dd/mm/yyyy)
admin-field-at = At (HH:MM)
admin-admit-at-subtitle = { $who } · the procedure has passed: recorded as a retrospective entry
admin-form-stop-treatment = Mark a treatment stopped
admin-field-treatment = Treatment
admin-scan-press-enter = GS1 string: press { $key } to read it

## What makes a ward's set-up sensible (domain::ward_setup)
admin-opens-midnight = opens { $time }: a day ends at 23:59 here; for a room open until midnight write 23:59
admin-closes-midnight = closes { $time }: a day ends at 23:59 here; for a room open until midnight write 23:59
admin-opens-not-a-time = opens { $time } is not a time; write it like 08:00 (00:00 to 23:59)
admin-closes-not-a-time = closes { $time } is not a time; write it like 08:00 (00:00 to 23:59)
admin-opens-after-closing = opens at { $opens } but closes at { $closes }: a room must open before it closes
admin-minutes-outside = { $minutes } minutes is outside { $min } to { $max } minutes
admin-code-letters = code { $code }: use lower-case letters, digits and _ (like vertebroplasty)
admin-label-empty = { $what } is empty
admin-label-too-long = { $what } { $text }: at most 60 characters, on one line, no control characters or direction marks
admin-timeline = the timeline
admin-no-time-given = no time given

## The router's refusals (app/router.rs)
admin-router-retired = { $change }: your account { $account } is retired from the staff list, so it may only read; if you are back on the ward, an admin brings it back (`periop staff set { $account } --active true`)
admin-router-not-allowed = { $change }: your role is { $role }, and this needs { $needs }; ask an admin (`periop staff set { $account } --role ROLE`)
admin-cancelled-nothing-changed = cancelled: nothing was changed
admin-tab-for-admins = the { $tab } tab is for admins (R-ROLE-1); your role is { $role }

## A date written dd/mm/yyyy that the calendar does not have (31/02/2026)
admin-no-such-day = no day { $day } in the calendar
