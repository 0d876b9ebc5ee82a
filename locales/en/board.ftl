# The Board, Admissions, Beds and Anaesthesia tabs (issue 14).

## The Board
board-today = today
board-not-today = not today: t goes back
board-filter = filter:
board-error = ! could not read the board: { $error }
board-reading = reading…
board-count-of = { $shown } of { $total }
board-section-attention = NEEDS ATTENTION
board-section-arriving = ARRIVING
board-section-procedures = PROCEDURES
board-section-leaving = LEAVING
board-no-match = nothing here matches the filter
board-no-match-esc = nothing here matches the filter (Esc clears it)
board-empty-attention = ✓ nothing needs attention
board-empty-arriving = no arrivals
board-empty-procedures = no procedures
board-empty-leaving = no departures
# board-no-bed-short: in the row's 8-cell bed column
board-no-bed = no bed
board-no-bed-short = no bed
board-bed = bed { $bed }
board-check-complete = discharge check complete
board-missing = missing: { $items }
board-planned-span = planned { $from } to { $to }
board-no-check = · no check yet
board-check = ✓ check { $total }/10
board-planned = planned { $day }
board-no-admission-to-open = this patient has no admission to open: `periop complications --patient HOSPITAL_NUMBER` lists their complications (`periop complications close ID` closes one), `periop ossification --patient HOSPITAL_NUMBER` their follow-ups
board-not-one-admission = this row is not about one admission
board-select-arriving = select an arriving patient first ({ $keys } to move)

## The Admissions tab
board-admissions-title = ADMISSIONS ({ $count })
board-admissions-filter = filter: { $text }
board-admissions-every-day = every day (newest first)
board-admissions-covering = stays covering { $day }
board-admissions-any-state = any state
board-admissions-head-state = state
board-admissions-head-patient = patient
board-admissions-head-bed = bed
board-admissions-head-readiness = readiness
board-admissions-head-procedure = procedure · fasting
board-admissions-error = ! could not read the admissions: { $error }
board-admissions-empty = no admission matches: [ ] change the day, w every day, s the state, n new
board-admissions-none-listed = no admission listed: { $day } changes the day, { $any } every day, { $state } the state, { $filter } the filter
board-admissions-select-first = select an admission first
board-admissions-still-reading = the list is still being read for "{ $filter }": wait for it, then press the key again
board-admissions-not-planned = { $who } is { $state }: only a planned arrival can be admitted
board-admissions-admit-title = Admit this patient?
board-admissions-no-bed = no bed assigned
board-admissions-procedure-on = { $procedure } on { $day }
board-admissions-no-procedure = no procedure booked
board-admissions-planned-arrival = planned arrival { $day }

## The Beds tab
board-beds-title = BEDS  free { $free } · reserved { $reserved } · occupied { $occupied } · to clean { $to_clean } · closed { $closed }
board-beds-error = ! could not read the beds: { $error }
board-beds-empty = no beds yet: an administrator adds them
board-beds-expected = expected tonight: { $patient }
board-beds-none-selected = no bed selected (the filter may hide them all)
board-beds-refused = bed { $bed }: { $why }
board-beds-ask-cleaned = Bed { $bed } cleaned?
board-beds-ask-close = Close bed { $bed }?
board-beds-ask-reopen = Reopen bed { $bed }?
board-beds-now = now: { $status }

## The Anaesthesia tab
board-anaesthesia-title = CONSULTATIONS TO SEE TO ({ $count })
board-anaesthesia-error = ! could not read the worklist: { $error }
board-anaesthesia-empty = ✓ every upcoming case under anaesthesia has a valid consultation
board-anaesthesia-none-selected = no case selected (the filter may hide them all)
