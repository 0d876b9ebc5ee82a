## The admission page (ui::detail, ui::complications, ui::ossification)
admission-read-failed = ! could not read the admission: { $error }
admission-reading = reading…
admission-identity = { $state }   sex { $sex } · hospital no. { $number }
admission-insulin-diabetic = insulin-treated diabetic
admission-stay = stay: arrives { $arrives } · home { $home } · bed { $bed }
admission-no-bed = none
admission-incident = ! incident: { $incident }
admission-case-staff = { $room } · { $risk ->
        [high] high
       *[other] { $risk }
    } bleeding risk · operator { $operator } · anaesthesia { $mode }
admission-no-room = no room
admission-contrast = iodinated contrast
admission-emergency-flag = ! EMERGENCY
admission-no-procedure = no procedure booked
admission-readiness = READINESS  { $status }
admission-readiness-not-judged = - (judged only before the procedure)
admission-anaesthesia = ANAESTHESIA
admission-consultation = consultation { $at } · { $anaesthetist } · ASA { $asa } · { $outcome ->
        [cleared] cleared
        [refused] refused
        [pending] pending
       *[other] { $outcome }
    }
admission-no-consultation = no consultation recorded
admission-visit-not-done = not done
admission-pre-visit = pre-anaesthesia visit: { $at }
admission-fasting = FASTING
admission-solids-until = solids until { $until }
admission-fluids-until = clear fluids until { $until }
admission-no-fasting = no fasting to keep (procedure done or not booked, or local anaesthesia)
admission-intake = intake: { $kind } at { $at }
admission-last-intake = last intake: { $kind } at { $at }
admission-no-intake = last intake: not recorded
admission-medication = MEDICATION
admission-no-treatment = no treatment to stop recorded
admission-stopped = (stopped)
admission-lab = { $item } { $value } taken { $at }
admission-voided = ✗ voided: { $reason }
admission-implants = IMPLANTS (for the discharge letter)
admission-implant-no-time = time missing
admission-implant-no-operator = operator missing
admission-implant-recalled = ! RECALLED { $lot } on { $at } ({ $reason })
admission-implant-missing = ! missing: { $items } (o on the Stock tab); the case cannot close
admission-discharge = DISCHARGE
admission-discharge-check = PADSS { $padss } · escort { $escort } · letter { $letter } · work stop { $work } · follow-up { $follow }
admission-not-scored = not scored
admission-no-letter = no
admission-no-discharge-check = no discharge check yet (D)
admission-call = follow-up call due { $due }: { $status }
admission-call-done = done { $at }
admission-call-overdue = ! OVERDUE
admission-call-to-do = to do
admission-timeline = TIMELINE
admission-timeline-empty = planned; no step taken yet
admission-timeline-step = { $at } { $from } → { $to } by { $by }
admission-complications-keys = { $record } records, { $close } closes
admission-complications = COMPLICATIONS ({ $count } open; { $keys })
admission-complication-closed = closed { $at } by { $by }: { $outcome }
admission-ossification-keys = { $record } records, { $xray } the X-ray
admission-ossification = OSSIFICATION FOLLOW-UP (R-HO-1; { $keys })
admission-ossification-surgery = #{ $id } surgery { $at }
admission-ossification-xray-done = ✓ X-ray { $on }: Brooker { $grade }
admission-ossification-xray-due = X-ray due { $on }
admission-ossification-outside = recorded outside the window because: { $reason }

## The admission page's keys: refusals and questions (app::screens::detail)
admission-step-refused = "{ $step }" cannot be taken while the patient is { $state }: first "{ $first }" ({ $key })
admission-still-reading = the admission is still being read
admission-no-case = this admission has no procedure booked
admission-nothing-to-undo = nothing to undo: no step was taken on this admission
admission-no-check-here = no checklist item here
admission-ticked-by = ticked by { $by } on { $at }
admission-ticked = ticked
admission-untick-line = { $item }: { $by }; unticking is recorded in the audit
admission-untick = Untick this item?
admission-confirm-case = Confirm the case on the schedule?
admission-emergency-on = Flag as an emergency?
admission-emergency-off = Remove the emergency flag?
admission-emergency-why = Recorded and reported: it relaxes the confirmation gate (R-READY-1)
admission-pre-visit-now = Pre-anaesthesia visit done now?
admission-pre-visit-clear = Clear the pre-anaesthesia visit?
admission-insulin-on = Insulin-treated diabetic?
admission-insulin-off = Not an insulin-treated diabetic?
admission-insulin-why = Fasting limit R-FAST-5 applies to insulin-treated diabetics
admission-case-off-schedule = the case is { $state }; it has no timeline until booked again
admission-timeline-complete = every event of the J0 timeline is recorded (back on ward); on the Block tab { $key } corrects a time
admission-recording-event = { $who }: recording { $event } now…
admission-nothing-to-void = nothing to void here: no intake, treatment, lab, consultation, complication or ossification follow-up that is not voided
admission-no-open-complication = no open complication to close ({ $key } records one)
admission-no-xray-waiting = no ossification follow-up waits for its X-ray check ({ $key } records one)
admission-no-treatment-taken = no treatment is recorded as taken ({ $key } records one)
admission-call-done-ask = Follow-up call done?
admission-call-already-done = the follow-up call is already recorded as done
admission-no-call = no follow-up call: one is planned when the patient is discharged (R-DISCH-2)
admission-no-checklist = no checklist: this admission has no procedure booked

## Forms about the stay (app::forms::stay)
admission-mode-local = local only
admission-mode-sedation = sedation + local
admission-mode-general = general
admission-mode-regional = regional
admission-form-new = New admission
admission-form-planned = Admission J-1 and discharge J+1 are planned from the procedure day
admission-form-planned-scheduler = Admission J-1 and discharge J+1 are planned from the procedure day; the scheduler books room and operator
admission-form-sex-f = female
admission-form-sex-m = male
admission-form-sex-x = other / unknown
admission-form-risk-auto = from the procedure
admission-form-risk-standard = standard
admission-form-risk-high = high
admission-form-not-yet-known = not yet known
admission-form-no-bed-yet = no bed yet
admission-form-hospital-number = Hospital number
admission-form-surname = Surname
admission-form-first-name = First name
admission-form-birth-date = Birth date (dd/mm/yyyy)
admission-form-sex = Sex
admission-form-procedure = Procedure
admission-form-procedure-day = Procedure day
admission-form-start = Start (HH:MM)
admission-form-side-level = Side / level
admission-form-anaesthesia = Anaesthesia
admission-form-bleeding-risk = Bleeding risk
admission-form-operator = Operator
admission-form-room = Room
admission-form-bed-j1 = Bed for J-1
admission-form-contrast = Iodinated contrast
admission-form-emergency = Emergency
admission-form-birth-after = Birth date: after the procedure day
admission-form-procedure-choose = Procedure: choose one
admission-form-anaesthesia-choose = Anaesthesia: choose one
admission-form-reason = Reason
admission-form-incident-reason = Incident / reason
admission-form-step-title = { $code ->
       *[other] { $step }
    } the stay
admission-form-undo = Undo the last step
admission-form-why-undo = Why undo it
admission-form-undo-subtitle = { $who } · last step: { $step }
admission-form-new-day = New procedure day
admission-form-new-start = New start (HH:MM)
admission-form-no-room-yet = no room yet
admission-form-no-operator-yet = no operator yet
admission-form-anaesthetist = Anaesthetist
admission-form-no-anaesthetist = no anaesthetist
admission-form-block-nurse = Block nurse
admission-form-no-nurse-yet = no nurse yet
admission-form-minutes = Minutes (without turnover)
admission-form-override = Override reason (only if the schedule asks)
admission-form-move = Move the procedure
admission-form-bed = Bed
admission-form-no-bed = no bed
admission-form-bed-title = Bed for the stay
admission-form-rebook = Book a postponed case again
admission-form-postponed-case = Postponed case
admission-form-postponed-choose = Postponed case: choose one with ← →
admission-cancel-case-ask = Cancel this case?
admission-cancel-stay-ask = Cancel this stay?
admission-cancel-reason = Reason: { $reason }
admission-cancel-undo = The case leaves the schedule and the stay closes (u on the admission page undoes the step).
admission-form-cancel-case = Cancel the case
admission-form-postpone-case = Postpone the case
admission-form-note-other = Note (needed for other)
admission-form-reason-choose = Reason: choose one with ← →
admission-form-note-needed = Note: say what it was (the reason is "other")

## Going home (app::forms::discharge)
admission-padss-item = PADSS { $item }
admission-form-escort = Escort home
admission-form-letter = Discharge letter given today
admission-form-work-stop = Work-stop certificate
admission-form-follow-up = Follow-up appointment
admission-form-discharge-check = Discharge check
admission-form-note-optional = Note (optional)
admission-form-go-anyway = Reason to go anyway
admission-form-check-complete = { $who } · discharge check complete
admission-form-check-missing = { $who } · missing: { $items }
admission-form-discharge = Discharge

## What the hint bar says after an ossification save (shell::save_ossification)
admission-ho-recorded = { $who }: ossification follow-up #{ $id } recorded: { $prophylaxis }; X-ray check due { $due } (R-HO-1)
admission-ho-xray-recorded = { $who }: X-ray check of follow-up #{ $id } on { $on }: Brooker { $grade } (R-HO-1)

## A readiness finding on the admission page: "CPA outcome pending: only a cleared CPA counts (R-ANES-5)"
admission-finding = { $label }: { $detail } ({ $rule })
