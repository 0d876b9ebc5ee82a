## Forms about the patient's condition (app::forms::clinical)
clinical-consultation = Anaesthesia consultation
clinical-cpa-outcome = { $outcome ->
        [cleared] cleared
        [refused] refused
        [pending] pending
       *[other] { $outcome }
    }
clinical-held-on = Held on (dd/mm/yyyy)
clinical-at = At (HH:MM)
clinical-anaesthetist = Anaesthetist
clinical-not-named = not named
clinical-asa = ASA class (I-VI, E)
clinical-planned-mode = Planned anaesthesia
clinical-outcome = Outcome
clinical-notes = Notes (needed if refused)
clinical-asa-bad = ASA class: { $why }
clinical-outcome-choose = Outcome: choose one
clinical-notes-refused = Notes: say why the anaesthetist refused (R-ANES-5)
clinical-planned-mode-choose = Planned anaesthesia: choose one
clinical-intake = Last intake
clinical-what = What
clinical-day = Day (dd/mm/yyyy)
clinical-time = Time (HH:MM)
clinical-what-choose = What: choose one
clinical-treatment = Treatment to stop or review
clinical-drug-class = Drug class
clinical-drug-choose = Drug class: choose one
clinical-inr = INR
clinical-platelets = platelets (G/L)
clinical-lab = Lab result
clinical-test = Test
clinical-value = Value
clinical-taken-on = Taken on (dd/mm/yyyy)
clinical-value-number = Value: a number
clinical-value-implausible = Value: { $item } { $why }

## Complications from an admission's page (app::forms::complications)
clinical-close-ask = Close this complication?
clinical-close-outcome = Outcome: { $outcome }
clinical-record-complication = Record a complication (R-COMP-1)
clinical-kind = Kind
clinical-severity = Severity
clinical-began-on = Began on (dd/mm/yyyy)
clinical-what-seen = What was seen
clinical-kind-choose = Kind: choose one with ← →
clinical-severity-choose = Severity: choose one with ← →
clinical-began-on-bad = Began on: { $why }
clinical-close-complication = Close a complication (R-COMP-1)
clinical-complication = Complication
clinical-close-outcome-field = Outcome
clinical-complication-choose = Complication: choose one with ← →
clinical-outcome-bad = Outcome: { $why }

## Ossification follow-up from an admission's page (app::forms::ossification)
clinical-ho-given-because = Given then because: { $reason }
clinical-ho-record-anyway = Record it despite the R-HO-1 warning?
clinical-ho-title = Ossification follow-up (R-HO-1)
clinical-ho-surgery-on = Surgery on (dd/mm/yyyy)
clinical-ho-surgery-at = Surgery at (HH:MM)
clinical-ho-prophylaxis = Prophylaxis
clinical-ho-given-on = Given on (empty: surgery's)
clinical-ho-given-at = Given at (empty: surgery's)
clinical-ho-drug = NSAID (e.g. indomethacin)
clinical-ho-days = NSAID days (empty: 10)
clinical-ho-dose = Radiotherapy dose (Gy)
clinical-ho-reason = Why given out of window
clinical-ho-surgery-on-bad = Surgery on: { $why }
clinical-ho-surgery-at-bad = Surgery at: { $why }
clinical-ho-prophylaxis-choose = Prophylaxis: choose one with ← →
clinical-ho-given-on-bad = Given on: { $why }
clinical-ho-given-at-bad = Given at: { $why }
clinical-ho-none-given = Given on: no prophylaxis was given; clear the day and time, or choose what was given
clinical-ho-dose-needed = Radiotherapy dose: a radiotherapy needs its dose (one dose of 7-8 Gy)
clinical-ho-dose-number = Radiotherapy dose: a number such as 7.5
clinical-ho-only-nsaid-drug = NSAID: only an NSAID course has one; clear it or choose an NSAID course
clinical-ho-only-nsaid-days = NSAID course: only an NSAID course has one; clear it or choose an NSAID course
clinical-ho-only-radiotherapy = Radiotherapy dose: only a radiotherapy has one; clear it or choose a radiotherapy
clinical-ho-prophylaxis-bad = Prophylaxis: { $why } (R-HO-1)
clinical-ho-reason-needed = Why given out of window: { $warning }; to record it anyway, say why it was given then
clinical-ho-reason-not-needed = Why given out of window: the prophylaxis is within the R-HO-1 window; clear this field
clinical-ho-choice = #{ $id } surgery { $surgery } · due { $due }
clinical-ho-xray-title = Ossification X-ray check (R-HO-1)
clinical-ho-follow-up = Follow-up
clinical-ho-xray-on = X-ray on (dd/mm/yyyy)
clinical-ho-grade = Brooker grade
clinical-ho-follow-up-choose = Follow-up: choose one with ← →
clinical-ho-xray-on-bad = X-ray on: { $why }
clinical-ho-grade-choose = Brooker grade: choose one with ← →

## The readiness checklist (domain::checklist)
clinical-check-rcp-decision = RCP decision
clinical-check-radiology-consultation = radiology consultation
clinical-check-signed-consent = signed consent
clinical-check-imaging-file = imaging file
clinical-check-carte-vitale = carte Vitale
clinical-check-mutuelle-card = mutuelle card
clinical-check-escort = escort
clinical-check-medication-plan-reviewed = medication plan reviewed

## Complications (domain::complications)
clinical-kind-infection = infection
clinical-kind-persistent-pain = persistent pain
clinical-kind-non-union = non-union
clinical-kind-malunion = malunion
clinical-kind-implant-reaction = implant reaction
clinical-kind-nerve-damage = nerve damage
clinical-kind-joint-stiffness = joint stiffness
clinical-kind-device-problem = device problem
clinical-kind-occlusion-problem = occlusion problem
clinical-kind-heterotopic-ossification = heterotopic ossification
clinical-kind-other = other
clinical-severity-mild = mild
clinical-severity-moderate = moderate
clinical-severity-severe = severe
clinical-complication-voided = ✗ voided
clinical-complication-open = ! open
clinical-complication-closed = ✓ closed
clinical-complication-summary = { $kind } ({ $severity }) since { $since }
clinical-complication-after-today = it began on { $onset }, after today ({ $today }); give the day it began
clinical-complication-note-long = the note is longer than { $max } characters; shorten it
clinical-complication-no-outcome = to close it, say what came of it (the outcome)
clinical-complication-outcome-long = the outcome is longer than { $max } characters; shorten it
clinical-complication-alert = COMPLICATION: { $summary }, open

## Heterotopic ossification (domain::ossification)
clinical-brooker-0 = 0: none
clinical-brooker-1 = I: islands of bone
clinical-brooker-2 = II: spurs, gap over 1 cm
clinical-brooker-3 = III: spurs, gap under 1 cm
clinical-brooker-4 = IV: bony ankylosis
clinical-prophylaxis-none = none
clinical-prophylaxis-nsaid = NSAID course
clinical-prophylaxis-radiotherapy = radiotherapy
clinical-ho-no-prophylaxis = no prophylaxis
clinical-ho-nsaid-words = { $drug } for { $days } days from { $from }
clinical-ho-radiotherapy-words = radiotherapy { $dose } Gy on { $at }
clinical-ho-name-nsaid = name the NSAID (such as indomethacin)
clinical-ho-nsaid-days-bad = an NSAID course lasts 1 to { $max } days (usually { $usual }), not { $days }
clinical-ho-dose-bad = a radiotherapy dose is more than 0 and at most { $max } Gy (usually 7-8), not { $dose }
clinical-ho-hours = { $hours } h
clinical-ho-hours-minutes = { $hours } h { $minutes } min
clinical-ho-rt-too-early = HO RADIOTHERAPY TIMING: given { $time } before surgery; R-HO-1 wants it within 4 h before to 72 h after
clinical-ho-rt-too-late = HO RADIOTHERAPY TIMING: given { $time } after surgery; R-HO-1 wants it within 4 h before to 72 h after
clinical-ho-rt-dose = HO RADIOTHERAPY DOSE: { $dose } Gy; R-HO-1 gives one dose of 7-8 Gy
clinical-ho-xray-overdue = HO X-RAY OVERDUE: due { $on } ({ $count ->
        [one] 1 day ago
       *[other] { $count } days ago
    }, { $cite } after surgery)
clinical-ho-xray-due-today = HO X-RAY DUE: today ({ $cite } after surgery)
clinical-ho-xray-due-soon = HO X-RAY DUE: on { $on }, { $count ->
        [one] in 1 day
       *[other] in { $count } days
    } ({ $cite } after surgery)
