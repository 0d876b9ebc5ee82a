## The Rounds tab (R-DO-4…R-DO-8): patients wearing a bone distractor, their
## daily round, sessions of turns and a hexapod frame's strut sheet.

## Where the bone is lengthened (R-DO-1)
rounds-site-femur = femur
rounds-site-tibia = tibia
rounds-site-humerus = humerus
rounds-site-mandible = mandible
rounds-site-midface = midface
rounds-site-palate = palate
rounds-site-other = other

## The device that is turned
rounds-device-circular-frame = circular frame
rounds-device-hexapod = hexapod
rounds-device-monolateral-rail = monolateral rail
rounds-device-motorised-nail = motorised nail
rounds-device-internal-craniofacial = internal craniofacial distractor
rounds-device-external-craniofacial = external craniofacial distractor

## The round's neurovascular check
rounds-sensation-normal = normal
rounds-sensation-reduced = reduced
rounds-sensation-absent = absent
rounds-motor-normal = normal
rounds-motor-weak = weak
rounds-motor-absent = absent
rounds-colour-normal = normal
rounds-colour-pale = pale or slow refill
rounds-colour-dusky = dusky or cyanosed

## Phase steps (R-DO-7) and phases
rounds-step-start = distraction started
rounds-step-pause = distraction paused
rounds-step-resume = distraction resumed
rounds-step-end-distraction = distraction ended
rounds-step-removal = device removed
rounds-phase-latency = latency
rounds-phase-distraction = distraction
rounds-phase-paused = paused
rounds-phase-consolidation = consolidation
rounds-phase-removed = removed
# `distraction day 5`
rounds-phase-day = { $phase } day { $day }

## A hexapod strut's colour (R-DO-8); the sheet's header shows its .initial
rounds-strut-colour-red = red
    .initial = r
rounds-strut-colour-orange = orange
    .initial = o
rounds-strut-colour-yellow = yellow
    .initial = y
rounds-strut-colour-green = green
    .initial = g
rounds-strut-colour-blue = blue
    .initial = b
rounds-strut-colour-purple = purple
    .initial = p

## The list of the day
rounds-title = { " " }DISTRACTION ROUNDS { $day } ({ $count }) · { $when }
rounds-title-today = today
rounds-title-gone = as the day ended ({ $key }: today)
rounds-title-to-come = the plan of a day to come ({ $key }: today)
rounds-list-error = { " " }! could not read the rounds: { $error }
rounds-list-reading = { " " }reading…
rounds-list-empty-today = {"   "}no patient is in distraction today
rounds-list-empty-day = {"   "}no patient is in distraction on this day
rounds-list-none-match = {"   "}nothing here matches the filter (Esc clears it)
rounds-row-missed = ! { $count } MISSED
rounds-row-overdue = ! { $count } OVERDUE
rounds-row-planned = { $count ->
    [one] 1 session planned
   *[other] { $count } sessions planned
}
rounds-row-length = { $done }/{ $planned } mm (target { $target })
rounds-row-pin = pin { $pin } grade { $grade }
rounds-row-no-round = no round
rounds-today-sessions = sessions { $done }/{ $due }
rounds-today-struts = struts { $done }/{ $due } (rev { $revision })
# The patient, and the case's number when they have two on the list.
rounds-patient-case = { $patient } case #{ $case }

## The selected patient's panel
rounds-panel-hexapod = { $site }, { $device }: revision { $revision }, { $mm } mm at { $rate } mm/day
rounds-panel-prescription = { $site }, { $device }: { $rate } mm/day × { $count ->
    [one] 1 session
   *[other] { $count } sessions
}, { $mm } mm a turn
rounds-panel-healing = healing index { $index } d/cm (R-DO-7)
rounds-panel-to-come = alerts are judged on today's sheet ({ $key })
rounds-panel-nothing = ✓ nothing to act on
rounds-panel-pin-trend = pin { $pin }: { $grades }
rounds-panel-pin-trends = pin grades, last { $count } rounds: { $trends }
rounds-panel-title = { " " }ALERTS{ " " }
rounds-sessions-today = sessions today: { $sessions }
rounds-sessions-day = sessions { $day }: { $sessions }
rounds-sessions-none-today = sessions today: none due
rounds-sessions-none-day = sessions { $day }: none due
rounds-session-turns = { $turns ->
    [one] 1 turn
   *[other] { $turns } turns
}
rounds-session-done-at = at { $time }
rounds-session-reported = reported { $when }
rounds-session-corrected = { " " }(corrected)
rounds-session-to-come = { $session } at { $time } ({ $turns ->
    [one] 1 turn
   *[other] { $turns } turns
})
rounds-session-missed = { $session } ✗ missed
rounds-session-overdue = { $session } ! overdue
rounds-session-due = { $session } due { $time }
rounds-session-at = { $session } at { $time }
rounds-round-voided = round #{ $id } { $time } ✗ voided: { $why }
rounds-round-pins = , pins { $pins }
rounds-round = round #{ $id } { $time }: pain { $pain }/10{ $pins }
rounds-round-none-today = no round yet today
rounds-round-none-day = no round that day

## The length chart
rounds-chart-plan = plan ─
rounds-chart-done = done █
rounds-chart-title = { " " }LENGTH, mm by day{ " " }
rounds-chart-days = { $days } d

## A hexapod frame's strut sheet (R-DO-8)
rounds-struts-title = { " " }STRUTS, mm · revision { $revision }{ " " }
rounds-struts-day = day
rounds-struts-legend = + done ! off/twice x missed _ to do * change

## What the keys refuse, and why
rounds-refused-to-come = { $day } has not come: { $what } of that day can only be recorded on the day; { $key } goes back to today
rounds-refused-what-round = a round
rounds-refused-what-struts = struts
rounds-refused-what-turns = turns
rounds-refused-gone-round = { $day } is gone by: a round is recorded at the bedside, on today's sheet ({ $key } goes back to today); turns of that day reported late are recorded with { $turns }
rounds-refused-gone-struts = { $day } is gone by: struts are logged on today's sheet, as they are read ({ $key } goes back to today)
rounds-refused-no-patient = no patient selected (no one is in distraction, or the filter hides them all)
rounds-refused-nothing-to-void = no round or step of this patient is left to void (none recorded, or all voided)
rounds-refused-no-session-today = no session is due today and none is recorded: nothing to report or correct
rounds-refused-no-session-day = no session is due on { $day } and none is recorded: nothing to report or correct
rounds-refused-not-hexapod = this patient's frame is a { $device }, not a hexapod; a strut table is for hexapod frames (R-DO-8)
rounds-refused-no-hexapod = no hexapod prescription for this patient; a doctor records one with `periop hexapod import` (R-DO-8)
rounds-refused-struts-done = every strut due today is logged (none is left to adjust)

## The round form (R-DO-5)
rounds-round-title = Round: { $site } { $phase }, { $done } of { $target } mm
rounds-round-recorded-session = { $session }: { $turns ->
    [one] { $turns } turn
   *[other] { $turns } turns
}
rounds-round-recorded = recorded today: session { $sessions }; { $key } corrects a count
rounds-field-session = Session { $session } turns
rounds-field-session-recorded = Session { $session } turns (recorded)
rounds-field-by-phone = Reported by phone
rounds-field-pain = Pain (0-{ $max })
rounds-field-pain-name = Pain
rounds-field-pain-missing = Pain: a score from 0 to { $max }
rounds-field-sensation = Sensation
rounds-field-motor = Motor
rounds-field-colour = Colour / refill
rounds-field-choose = { $field }: choose one
rounds-field-mouth = Mouth opening (mm)
rounds-field-mouth-name = Mouth opening
rounds-field-occlusion = Occlusion as it should be
rounds-field-rom = Range of motion (degrees)
rounds-field-rom-name = Range of motion
rounds-field-temperature = Temperature (°C)
rounds-field-temperature-not-number = Temperature: a number such as { $example }
rounds-field-pin = Pin { $pin } grade (0-{ $max })
rounds-field-pin-missing = { $field }: grade each pin site
rounds-field-pin-care = Pin care done
rounds-field-note = Note
rounds-field-not-whole = { $field }: a whole number

## The turns form (t)
rounds-turns-title = Turns: { $site }
rounds-turns-title-late = Turns of { $day } (reported late): { $site }
rounds-turns-to-correct = to correct a recorded session, change its turns
rounds-turns-none = Session turns: type the turns of a session
rounds-turns-none-or-correct = Session turns: type the turns of a session, or change a recorded one to correct it

## The phase step form (R-DO-7)
rounds-step-title = Distraction step
rounds-step-name = Step
rounds-step-field-kind = Step
rounds-step-field-day = On (dd/mm/yyyy)
rounds-step-field-reason = Why (needed for a pause)
rounds-step-field-rate = New rate, mm/day (a resume)
rounds-step-pause-needs-reason = Why: a pause needs a reason (R-DO-7)
rounds-step-rate-not-number = New rate: a number such as { $example }
rounds-step-rate-only-resume = New rate: only a resume sets a new rate (R-DO-7)

## The void form (V)
rounds-void-title = Void a round, a step or a strut entered by mistake (R-DO-5, R-DO-7, R-DO-8)
rounds-void-field-entry = Which
rounds-void-field-reason = What was wrong
rounds-void-kept = kept in the history; a round's alerts and grades stop counting (its turns stay), a step leaves the plan
rounds-void-step-rate = { " " }at { $rate } mm/day
rounds-void-step = step #{ $id } { $day } { $step }{ $rate } · { $who }
rounds-void-pins = { " " }· pins { $pins }
rounds-void-round = #{ $id } { $time } · pain { $pain }/10{ $pins } · { $who }
rounds-void-strut = strut #{ $id } · strut { $strut } set to { $mm } mm for { $day } · { $time }

## The struts form (x, R-DO-8)
rounds-field-strut = Strut { $strut } set to (mm)
rounds-struts-form-title = Struts for { $day }, revision { $revision } (R-DO-8)
rounds-struts-form-sheet-says = the sheet says (mm): { $lengths }; adjust in order, then type each length read (empty: not done)
rounds-struts-form-not-a-length = { $field }: a length such as 162.5
rounds-struts-form-none = Struts: type the length of at least one strut adjusted

## A doctor's import of a hexapod prescription (R-DO-8)
rounds-import-title = Hexapod prescription (R-DO-8)
rounds-import-file = Table file (path)
rounds-import-note = Why (e.g. after the X-ray)
rounds-import-revision = saving records revision { $next } and makes revision { $revision } void (it stays printable, takes no more struts)
rounds-import-lines = lines: plan,MM,MM_PER_DAY / strut,N,COLOUR,SIZE,MIN,MAX / day,DATE,L1..L6 / change,…
rounds-import-no-file = Table file: give the path of the table the planning software saved

## What the hint bar says once saved
rounds-saved-round = { $sessions ->
    [0] round recorded
    [one] round recorded, 1 session
   *[other] round recorded, { $sessions } sessions
}
rounds-saved-sessions = { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}, { $turns ->
    [one] 1 turn
   *[other] { $turns } turns
} recorded
rounds-saved-late = { " " }for { $day }, reported late
rounds-saved-by-phone = { " " }(by phone)
rounds-saved-corrected = session { $session } corrected from { $from } to { $turns ->
    [one] 1 turn
   *[other] { $turns } turns
} (kept in the audit)
rounds-saved-nothing = nothing changed: the turns typed are those recorded
rounds-saved-struts = { $count ->
   *[other] strut(s) { $struts } logged for { $day }
}
rounds-saved-file = the file { $file }
rounds-saved-file-unread = { $error }; give the path of the table the planning software saved, on this server
rounds-saved-hexapod = hexapod prescription revision { $revision } recorded ({ $plan })
rounds-saved-void = ; revision { $revision } is void
rounds-saved-plan = { $mm } mm at { $rate } mm/day over { $days } days
rounds-saved-step = { $step } on { $day }

## Alerts (R-DO-3, R-DO-4, R-DO-6, R-DO-7): short words in capitals, then
## the detail and what to do. { $setting } cites the site's setting.
rounds-alert-overdue = SESSION OVERDUE: session { $session } was due at { $time }{ $more }; record the turns or say why not
rounds-alert-overdue-more = { " " }(and { $count } more)
rounds-alert-length = LENGTH OFF PLAN: { $done } mm done against { $planned } mm planned by now ({ $setting }); { $todo }
rounds-alert-length-ended = the planned turns ended on { $day }: record the turns made, or the end of distraction
rounds-alert-length-review = review the turns
rounds-alert-healing = HEALING INDEX { $index } d/cm: above { $setting }; 30-50 d/cm is expected
rounds-alert-yesterday = yesterday
rounds-alert-today = today
rounds-alert-turns-in = TURNS IN { $phase }: { $mm } mm turned { $when }, when no turn was due; tell the surgeon
rounds-alert-daily = DAILY TOTAL OFF: { $done } mm turned { $when } against { $planned } mm prescribed ({ $setting })
rounds-alert-pin = PIN SITE GRADE { $grade }: pin { $pin }; { $action }
rounds-alert-pin-major = major infection: call the surgeon now
rounds-alert-pin-urgent = urgent medical review
rounds-alert-pin-notify = notify the doctor (oral antibiotics)
rounds-alert-fever = FEVER { $temperature } °C WITH PIN SIGNS: grade { $grade } at pin { $pin } ({ $setting }); urgent review
rounds-alert-sensation = sensation { $now } (was { $was })
rounds-alert-motor = motor { $now } (was { $was })
rounds-alert-nerve = NEW NERVE DEFICIT: { $deficits }; propose pausing distraction and a surgeon review
rounds-alert-pain = PAIN UP: { $pain }/10 from { $was }/10 at the previous round
rounds-alert-rom = RANGE OF MOTION DOWN: { $now }° from { $base }° at the first round ({ $setting }); physiotherapy review
rounds-alert-rate = RATE HIGH: { $rate } mm/day is above { $setting }; check the prescription

## A hexapod frame's log (R-DO-8)
# `3 (yellow, short 116–176 mm)`
rounds-strut-fit = { $strut } ({ $colour }, { $size } { $min }–{ $max } mm)
rounds-flag-missed = STRUT MISSED: { $count ->
    [one] strut
   *[other] struts
} { $struts } not adjusted for { $day }; adjust now to the sheet's length or ask the surgeon
rounds-flag-doubled = STRUT DOUBLED: strut { $strut } adjusted { $count } times for { $day }; check its length against the sheet
rounds-flag-early = STRUT EARLY: strut { $strut } adjusted on { $on } for { $day }, { $days ->
    [one] a day
   *[other] { $days } days
} early; check it against the sheet
rounds-flag-ahead = STRUT DOUBLED: strut { $strut } set to { $mm } mm for { $day }, the next day's length; leave it there and skip tomorrow's, or ask the surgeon
rounds-flag-off-sheet = STRUT OFF SHEET: strut { $strut } set to { $mm } mm for { $day }, the sheet says { $sheet } mm; correct it
rounds-flag-out-of-order = STRUTS OUT OF ORDER: for { $day } strut { $first } was adjusted before strut { $second }; the sheet's order is 1 to 6, check both lengths
rounds-flag-frame-differs = FRAME DIFFERS FROM THE SHEET: strut { $strut } was last set to { $mm } mm (for { $on }), the sheet starts it at { $starts } mm on { $day }; check the frame against the printout
rounds-flag-change = STRUT CHANGE { $today ->
    [yes] TODAY
   *[no] TOMORROW
}: strut { $strut } ({ $colour }) from { $from } to { $to } ({ $min }–{ $max } mm); have it ready
rounds-flag-travel-end = STRUT NEAR END OF TRAVEL: strut { $strut } reaches { $mm } mm on { $day }, { $left } mm from its end ({ $setting }); a strut change may be needed
rounds-refusal-no-strut = strut { $strut } does not exist; a hexapod has struts 1 to { $struts }
rounds-refusal-first-day = { $day } is the table's first day, the frame as it stands; adjustments start on { $next }
rounds-refusal-not-a-day = { $day } is not a day of this prescription (it runs from { $first } to { $last }); check the day
rounds-refusal-out-of-range = strut { $strut } cannot be set to { $mm } mm: outside its catalogue range; check the reading

## Refusals of a phase step (R-DO-7)
rounds-phase-in-latency = in latency
rounds-phase-in-distraction = in distraction
rounds-phase-in-pause = paused
rounds-phase-in-consolidation = in consolidation
rounds-phase-in-removed = removed (the device is out)
rounds-steps-from-latency = record the start of distraction (start) first
rounds-steps-from-distraction = from distraction, record a pause (pause) or its end (end_distraction)
rounds-steps-from-paused = from a pause, record the resume (resume) or the end of distraction (end_distraction)
rounds-steps-from-consolidation = from consolidation, only the removal of the device (removal) is left
rounds-steps-from-removed = nothing follows a removal; if a step was recorded by mistake, void it (periop void step ID)
rounds-step-in-future = "{ $step }" cannot be dated { $day }, after today ({ $today }): a step is recorded once it has happened; record it on its day
rounds-step-before-osteotomy = { $step } cannot be before the osteotomy ({ $day })
rounds-step-before-last = { $step } cannot be before the last recorded step ({ $day })
rounds-step-already-started = distraction is already started (on { $day }); if that start was recorded by mistake, void it (periop void step ID)
rounds-step-not-now = cannot record "{ $step }" on { $day }: the case is { $phase } then; { $next }

## Refusals of a round's values (R-DO-5)
rounds-check-pain = pain is scored 0 to { $max }, not { $value }
rounds-check-rom = range of motion is 0 to { $max } degrees, not { $value }
rounds-check-mouth = mouth opening is 0 to { $max } mm, not { $value }
rounds-check-temperature = temperature is { $min } to { $max } °C, not { $value }
rounds-check-pin = pin { $pin } grade is 0 to { $max } (Checketts–Otterburn), not { $value }
rounds-check-pins = this frame has { $pins } pin sites; grade each ({ $given } given)
rounds-check-session = session { $session } does not exist: the rhythm is { $rhythm } a day
rounds-check-turns = { $turns } turns in one session is more than { $max }; check the count

## Refusals of a hexapod table (R-DO-8, the import)
rounds-table-no-correction = the correction must be more than 0 mm; copy it from the printout
rounds-table-no-rate = the rate must be more than 0 mm/day; copy it from the printout
rounds-table-no-day = the table has no day; give the frame's lengths on its first day, then each day after
rounds-table-first-day-only = the table has only its first day; give each day of adjustment after it
rounds-table-out-of-order = { $day } comes after { $before } in the table; days go in order, once each
rounds-table-gap = the table jumps from { $from } to { $to }; give every day (a day without change repeats the lengths)
rounds-table-days = the table has { $days } days of adjustment for a { $mm } mm correction at { $rate } mm/day, which takes { $needed }; check the printout's correction, rate and days
rounds-table-no-size = strut { $strut } has no size on { $day }, the first day; give its colour, size and catalogue range
rounds-table-same-colour = two struts are { $colour }; each strut has its own colour, as on the frame
rounds-table-range = strut { $strut }'s catalogue range { $min }–{ $max } mm cannot be; give the shortest then the longest length
rounds-table-change-off-table = strut { $strut } is changed on { $day }, a day not in the table ({ $first } to { $last })
rounds-table-twice = strut { $strut } is given twice from { $day }; once a day
rounds-table-no-change = no strut changes length in the table; check the printout's lengths
rounds-table-no-length = strut { $strut } has no length on { $day }
rounds-table-out-of-range = strut { $strut } is { $mm } mm on { $day }: outside its catalogue range; plan a strut change or check the length
rounds-table-pace = strut { $strut } moves { $mm } mm from { $from } to { $to }, more than { $max } mm in a day; check the printout's lengths

## The panel when no alert stands but struts are still to turn today
rounds-panel-struts-left = · { $left } of { $due } { $due ->
        [one] strut
       *[other] struts
    } to turn ({ $key })
