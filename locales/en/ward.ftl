# The ward's words (issue 14): the states of a stay, a case and a bed,
# readiness, fasting, medication, discharge. The value is the word for
# sentences; .label the screen's, with a glyph so a state never rests on colour.

## A stay's state
ward-stay-planned = planned
    .label = · planned
ward-stay-admitted = admitted
    .label = ✓ admitted
ward-stay-procedure-done = procedure done
    .label = ✓ procedure done
ward-stay-ready-for-discharge = ready for discharge
    .label = → ready to go
ward-stay-discharged = discharged
    .label = ✓ discharged
ward-stay-cancelled = cancelled
    .label = ✗ cancelled
ward-stay-postponed = postponed
    .label = ↷ postponed
ward-stay-prolonged = prolonged
    .label = ! prolonged

## Readiness for the procedure
ward-ready = ✓ ready
ward-at-risk = ! at risk
ward-not-ready = ✗ not ready

## A case's state
ward-case-planned = · planned
ward-case-confirmed = ✓ confirmed
ward-case-in-room = ◉ in room
ward-case-done = ✓ done
ward-case-cancelled = ✗ cancelled
ward-case-postponed = ↷ postponed

## A bed tonight
ward-bed-free = · free
    .words = free
ward-bed-reserved = ◆ reserved
    .words = reserved
ward-bed-occupied = ● occupied
    .words = occupied
ward-bed-to-clean = ~ to clean
    .words = to clean
ward-bed-closed = ✗ closed
    .words = closed

## What the anaesthesia worklist finds
ward-issue-no-cpa = anaesthesia consultation (CPA)
ward-issue-cpa-pending = CPA outcome pending
ward-issue-cpa-refused = CPA refused
ward-issue-cpa-late = CPA too close to the procedure
ward-issue-cpa-expired = CPA too old
ward-issue-no-pre-visit = pre-anaesthesia visit

## What a case still lacks (readiness), and the board's alert for it
ward-item-rcp-decision = RCP decision
ward-item-radiology-consultation = radiology consultation
ward-item-signed-consent = signed consent
ward-item-imaging-file = imaging file
ward-item-carte-vitale = carte Vitale
ward-item-mutuelle-card = mutuelle card
ward-item-escort = escort
ward-item-medication-plan = medication plan
ward-item-missed-stop = medication stop passed
ward-item-emergency = emergency
ward-item-not-recorded = not recorded
ward-item-not-recorded-at-admission = not recorded at admission
ward-item-not-reviewed = not reviewed: { $drugs }
# Added after an item's detail
ward-item-relaxed = ; relaxed for an emergency
ward-item-confirmed-without = confirmed without: { $items }
ward-head-emergency = EMERGENCY
ward-head-not-ready = NOT READY
ward-head-at-risk = AT RISK
ward-alert-item = { $head }: { $label }: { $detail }

## Drugs stopped around a procedure (R-MED-1..3)
ward-drug-doac = anti-Xa DOAC (apixaban, rivaroxaban, edoxaban)
ward-drug-dabigatran-renal-normal = dabigatran (CrCl ≥ 50 mL/min)
ward-drug-dabigatran-renal-impaired = dabigatran (CrCl < 50 mL/min)
ward-drug-vka = vitamin-K antagonist
ward-drug-aspirin = aspirin
ward-drug-clopidogrel = clopidogrel
ward-drug-ticagrelor = ticagrelor
ward-drug-prasugrel = prasugrel
ward-drug-metformin = metformin
ward-drug-glp1-agonist = GLP-1 agonist
ward-med-last-dose-on = { $drug }: last dose on { $day }
ward-med-no-date = { $drug }: no date to compute for this procedure
ward-med-inr-check = INR check on { $day }: at most { $limit }
ward-med-restart = { $drug }: restart day { $day }, 48 h after iodinated contrast
ward-med-review = { $drug }: for the anaesthetist's review, no date computed
ward-med-missed-stop = { $drug }: last dose was { $day } ({ $j }), still recorded as taken; mark it stopped or tell the anaesthetist

## Laboratory results (R-MED-2)
ward-lab-inr = INR
ward-lab-platelets = platelets
ward-lab-implausible = { $value } is not a plausible value; give { $low } to { $high }{ $unit }
ward-lab-missing = { $item } missing
ward-lab-out-of-range = { $item } { $value } out of range ({ $limit })
ward-lab-too-old = { $item } too old ({ $limit })
ward-lab-after-start = { $item } dated after the procedure start

## The board's alerts (domain::board)
# The procedure day against the day viewed: "23/11, tomorrow"
ward-when = { $day }, { $relative }
ward-late-admission-planned = LATE ADMISSION: planned for { $day }, not admitted
ward-late-admission-expected = LATE ADMISSION: expected by { $by }, not yet admitted
ward-overdue-discharge = OVERDUE DISCHARGE: planned { $day } ({ $relative }), no incident recorded
ward-no-bed = NO BED: arriving { $arriving }; assign a bed
ward-no-bed-for = NO BED: arriving { $arriving } for the procedure on { $procedure }; assign a bed
ward-bed-closed-alert = BED CLOSED: bed { $bed } is closed; reopen it or assign another bed
ward-bed-taken = BED TAKEN: bed { $bed } is still occupied by a patient due to leave on { $day }; discharge them or assign another bed
ward-emergency-flag = emergency flag
ward-not-ready-alert = { $head }: { $items } (procedure { $when })
ward-missed-stop-alert = MISSED STOP: { $stop }
ward-anaesthesia-alert = ANAESTHESIA: { $issue }: { $detail }

## Fasting (R-FAST-1..5)
ward-intake-solids = solids
ward-intake-fatty-meal = fatty meal
ward-intake-clear-fluids = clear fluids
ward-intake-breast-milk = breast milk
ward-intake-formula = formula
ward-intake-chewing-gum-or-smoking = chewing gum or smoking
ward-not-fasted = NOT FASTED: { $intake } at { $at }, { $span } before going to the room at { $going }; fasted from { $from } ({ $rule }). Cancel or delay
ward-fast-since = nothing to drink since { $at }, { $span }
ward-fast-not-recorded = last clear fluid not recorded (ask and record it); if the patient stopped at { $at } as instructed, { $span }
ward-fast-list-behind = (the room's list runs { $span } behind)
ward-fast-drink-until = clear fluids may be offered until { $at }
ward-fast-ask-the-room = the case ahead is over its planned time: ask the room; if the start is { $span } or more away, clear fluids may be offered now, otherwise tell the anaesthetist
ward-fast-too-late = too late for a drink before that start (the last would have been at { $at }): tell the anaesthetist
ward-prolonged-fast = PROLONGED FAST: { $since } by the expected start at { $start }{ $slipped } against { $prescribed } prescribed; { $advice } ({ $rule })
ward-diabetic-fast = DIABETIC FAST: insulin-treated, no food since { $since }, { $span } by the expected start at { $start } ({ $rule }). Check glucose and tell the anaesthetist

## The anaesthesia gate's details (R-ANES-1..5)
ward-cpa-none = none recorded; required for { $mode } anaesthesia
ward-cpa-only-cleared = only a cleared CPA counts
ward-cpa-no-notes = no notes
ward-cpa-hours-before = { $hours } h before ({ $rule })
ward-cpa-days-before = { $days } days before ({ $rule })
ward-pre-visit-none = none in the { $hours } h before the start (decree 2018-934)

## Discharge (R-DISCH-1, R-DISCH-2)
ward-discharge-padss-not-scored = PADSS not scored
ward-discharge-padss-too-low = PADSS { $total }/10, at least { $min } needed
ward-discharge-escort = no escort
ward-discharge-letter = discharge letter not given today
ward-discharge-work-stop = no work-stop certificate ({ $hours } h)
ward-discharge-follow-up-appointment = no follow-up appointment
ward-discharge-refused = cannot discharge yet: { $missing }; complete them or give a reason to override
ward-call-overdue = CALL OVERDUE: follow-up phone call was due { $day } ({ $when })
ward-call-due = CALL DUE: follow-up phone call due { $when }

## Beds (R-PATH-4): the state in sentences, and why a change is refused
ward-bed-state-free = free
ward-bed-state-occupied = occupied
ward-bed-state-to-clean = to clean
ward-bed-state-closed = closed
ward-bed-verb-cleaned = mark cleaned
ward-bed-verb-close = close
ward-bed-verb-reopen = reopen
ward-bed-verb-admit = admit a patient into
ward-bed-verb-back = put a patient back into
ward-bed-refused = cannot { $what } a bed that is { $state }: { $hint } (R-PATH-4)
ward-bed-hint-reserved = it is reserved for another stay; give that stay another bed first
ward-bed-hint-occupied-close = a patient is in it; move or discharge the patient first
ward-bed-hint-clean-first = clean it first, then close it
ward-bed-hint-already-clean = it is already clean
ward-bed-hint-occupied-clean = a patient is still in it; it is cleaned once the patient has left
ward-bed-hint-reopen-first = reopen it first
ward-bed-hint-only-closed = only a closed bed can be reopened
ward-bed-hint-clean-or-another = mark it cleaned first, or give the admission another bed
ward-bed-hint-reopen-or-another = reopen it first, or give the admission another bed

## The steps of a stay (R-PATH-2): the name, and .verb for "cannot … an admission"
ward-step-admit = admit
    .verb = admit
ward-step-procedure-done = procedure done
    .verb = mark the procedure done for
ward-step-ready-for-discharge = ready for discharge
    .verb = mark ready for discharge
ward-step-discharge = discharge
    .verb = discharge
ward-step-cancel = cancel
    .verb = cancel
ward-step-postpone = postpone
    .verb = postpone
ward-step-prolong = prolong
    .verb = prolong the stay of
ward-step-refused = cannot { $verb } an admission that is { $state }: { $hint }
ward-step-hint-closed = the stay is closed; open a new admission instead
ward-step-hint-first = the step "{ $step }" comes first
ward-step-hint-already-admitted = the patient is already admitted
ward-step-hint-no-way = no step leads from { $state } to "{ $step }"; if the last step was a mistake, undo it
ward-undo-nothing = there is no step left to undo
ward-undo-out-of-step = its last step led to { $recorded } but it is { $current }; refresh and look at its timeline

## Facts out of order (R-PATH-6): what was recorded, and why it is refused
ward-event-arrival = arrival
ward-event-departure = departure
ward-event-intake = intake
ward-event-lab = lab result
ward-event-consultation = anaesthesia consultation
ward-event-pre-visit = pre-anaesthesia visit
ward-event-step = recorded step
ward-event-procedure = the procedure
ward-event-timeline = timeline event
ward-event-osteotomy = osteotomy
ward-event-distraction-step = distraction step
ward-event-session = session of turns
ward-event-round = distraction round
ward-event-complication = complication onset
ward-event-surgery = surgery
ward-fault-birth-in-future = birth date { $birth } is in the future; check it on the patient's label
ward-fault-birth-after-admission = birth date { $birth } is after the admission day { $admit }; check the birth date
ward-fault-procedure-before-admission = procedure day { $procedure } is before the planned admission day { $admit }; move the procedure, or plan the admission earlier
ward-fault-procedure-before-arrival = procedure day { $procedure } is before the patient arrived ({ $arrived }); pick a day from the arrival on
ward-fault-procedure-after-discharge = procedure day { $procedure } is after the planned discharge { $discharge }; move the discharge or the procedure
ward-fault-procedure-after-departure = procedure day { $procedure } is after the patient left ({ $left }); book a new stay instead
ward-fault-departure-before-arrival = left at { $left } before arriving at { $arrived }; undo the wrong step
ward-fault-in-future = { $event } at { $at } is in the future; record it once it has happened
ward-fault-before-birth = { $event } at { $at } is before the patient's birth date { $birth }; check the date (or the birth date on the label)
ward-fault-day-before-birth = { $event } on { $day } is before the patient's birth date { $birth }; check the date (or the birth date on the label)
ward-fault-long-before-stay = { $event } at { $at } is more than { $days } days before the planned admission { $admit }; check the date (one that old is not of this stay)

## The ASA class, as typed
ward-asa-invalid = ASA class must be I to VI (or 1 to 6), with E for an emergency, such as "III E" or "2E"; not { $text }
