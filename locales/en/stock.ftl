## The Stock tab: devices and implants, lots, FEFO, recalls, traceability
## (ui/stock.rs, app/screens/stock.rs, app/forms/stock.rs, shell/save_stock.rs,
## domain/stock)

## How a lot is named (domain::stock::lots::lot_words)
stock-lot-and-serial = lot { $lot } serial { $serial }
stock-lot = lot { $lot }
stock-serial = serial { $serial }
stock-no-lot = no lot

## A lot's status: a glyph, then a word (R-STOCK-1)
stock-status-available = ✓ available
stock-status-reserved = ◆ reserved
stock-status-quarantined = ⊘ quarantined
stock-status-expired = ✗ EXPIRED
stock-status-used-up = – used up
stock-status-recalled = ⊘ RECALLED

## Kinds of device reference (R-STOCK-1)
stock-kind-screw = screw
stock-kind-cement-kit = cement kit
stock-kind-trocar = trocar
stock-kind-cannula = cannula
stock-kind-distractor = distractor
stock-kind-other = other

## A movement in the past tense: "3 reserved" (domain::stock::movement)
stock-done-receive = received
stock-done-reserve = reserved
stock-done-release = released
stock-done-implant = implanted
stock-done-consume = used
stock-done-return = returned to the supplier
stock-done-waste = wasted
stock-done-quarantine = quarantined

## Where a voided implant record's units go (R-TRACE-1)
stock-void-done-shelf = put back on the shelf
stock-void-done-waste = wasted
stock-void-words-shelf = units put back on the shelf
stock-void-words-waste = units wasted
stock-void-choice-shelf = back on the shelf (never opened)
stock-void-choice-waste = to waste (opened)

## What an implant record lacks (R-TRACE-1)
stock-missing-lot-or-serial = lot or serial number
stock-missing-patient = patient
stock-missing-time = time
stock-missing-operator = operator
stock-gate-missing = { $device } ({ $lot }): { $items } missing

## The list
stock-mark-expiring = ! expiring
stock-mark-low = ! LOW
stock-row-nothing = nothing on the shelf
stock-row-no-expiry = no expiry
stock-title = DEVICES AND IMPLANTS ({ $refs } references, { $lots } lots{ $used })
stock-title-used-up = , used-up lots shown
stock-col-device = device
stock-col-lot = lot
stock-col-use-by = use by
stock-col-qty = qty
stock-col-res = res
stock-col-status = status
stock-read-error = ! could not read the stock: { $error }
stock-reading = reading…
stock-empty = no device reference yet: n adds one, r receives a lot
stock-no-match = nothing here matches the filter (Esc clears it)

## The panel under the list, for the selected lot
stock-panel-title = SELECTED
stock-panel-implantable = implantable
stock-panel-gtin = GTIN { $gtin }
stock-panel-low = ! LOW: under the minimum (R-STOCK-4)
stock-panel-counts = usable { $usable }  reserved { $reserved }  total { $total }  minimum { $minimum }
stock-panel-quarantined = quarantined: { $reason }
stock-panel-held = ◆ held: { $hold }
stock-panel-scanned = scanned: { $text }
stock-panel-no-recipient = no patient has received this lot
stock-patient-missing = patient missing
stock-panel-missing = ! missing: { $items }
stock-panel-recipient = → #{ $id } { $who }  case #{ $case }  { $when }  operator { $operator }

## Refusals of the Stock tab's keys (app::screens::stock)
stock-no-case = no case from today for a week to take devices for (book the case first, on the Admissions tab)
stock-none-selected = no device selected (the list is empty, or the filter hides it all)
stock-lot-needed = this reference has nothing on the shelf; receive a lot first (r)
stock-nothing-to-void = no implant record of this lot to void
stock-nothing-to-lift = this lot is not quarantined; nothing to lift
stock-operators-known = every implant record of this lot names its operator
stock-nothing-to-release = no case holds units of this lot; nothing to release

## The questions asked before saving (app::forms::stock, confirmation)
stock-confirm-expired = Receive an EXPIRED lot?
stock-confirm-expired-passed = { $lot }: use by { $expiry }, which has passed (today is { $today })
stock-confirm-expired-unusable = it cannot be used (R-STOCK-3); receive it only to quarantine or return it
stock-confirm-expired-keys = y receives it, n goes back to the form (check the use-by day on the label)
stock-reason = : { $reason }
stock-confirm-move-units = { $count } unit(s) to be { $done }{ $reason }
stock-confirm-move-lot = to be { $done }{ $reason }
stock-confirm-quarantine = Quarantine?
stock-confirm-quarantine-keys = y records it (L lifts the quarantine later, with a reason), n goes back to the form
stock-confirm-return = Return?
stock-confirm-return-keys = y records it (units returned come back only as a new receipt, r), n goes back to the form
stock-confirm-waste = Waste?
stock-confirm-waste-keys = y records it (nothing undoes a waste), n goes back to the form
stock-confirm-void = Void this implant record?
stock-confirm-void-kept = { $units }; the record is kept, marked voided
stock-confirm-void-keys = y voids it (a void is not undone), n goes back to the form
stock-confirm-lift-recall = Lift the RECALL?
stock-confirm-lift-recall-usable = the lot becomes usable again for implants
stock-confirm-lift-recall-keys = y lifts the recall (R recalls it again), n goes back to the form
stock-confirm-recall = Recall this lot?
stock-confirm-recall-what = reference { $code }, lot or serial { $number } ({ $reason })
stock-confirm-recall-effect = what is left goes to quarantine; the patients who received it are listed
stock-confirm-recall-keys = y recalls it (L on the lot lifts a recall, explicitly, with a reason), n goes back to the form

## Who a form acts on, in its header and the notices
stock-who-receipt = receipt
stock-who-implant-record = implant record
stock-who-implant-record-id = implant record #{ $id }
stock-who-catalogue = catalogue

## The forms: titles, help lines, fields
stock-form-scan = Receive: scan the label
stock-form-scan-help = scan, or type (01)…(17)…(10)…; GS is Ctrl-] or Alt+029{ $key }; empty: type the parts
stock-scan-or-key = , or { $key }
stock-field-scan = GS1 string
stock-form-check = Receive: check and save
stock-form-check-read = read: { $read } — check each field, then save
stock-form-check-typed = typed from the label — every field as printed
stock-form-unknown-label = { $missing }: add the reference (the label's number is filled in), then r to receive
stock-field-reference = Reference
stock-field-lot = Lot
    .ai = Lot (10)
stock-field-serial = Serial
    .ai = Serial (21)
stock-field-use-by = Use by
    .ai = Use by (17)
stock-field-units = Units
    .ai = Units (30)
stock-field-location = Location
stock-field-case = Case
stock-field-reason = Reason
stock-row-words = { $lot }, { $quantity } on the shelf, { $reserved } reserved
stock-form-reserve = Reserve for a case (FEFO)
stock-form-implant = Implant in a case (traced)
stock-form-use = Use in a case (traced)
stock-form-release = Release units held for a case
stock-form-return = Return to the supplier
stock-form-waste = Waste
stock-form-quarantine = Quarantine the lot
stock-hold-words = { $patient } { $when } { $procedure } (case #{ $case }), { $units } held
stock-implant-choice = { $who } case #{ $case } { $when }
stock-field-implant = Implant
stock-field-operator = Operator
stock-form-operator = Who implanted it (R-TRACE-1)
stock-field-record = Record
stock-field-void-reason = Reason (what was wrong)
stock-field-units-go = Units go
stock-form-void = Void an implant record (R-TRACE-1)
stock-form-void-help = the record is kept, marked voided; a void is not undone
stock-form-lift-recall = Lift the RECALL of this lot
stock-form-lift = Lift the quarantine
stock-field-lift-reason = Reason (who said it may be used)
stock-field-lot-or-serial = Lot or serial
stock-field-recall-reason = Reason (the notice)
stock-form-recall = Recall
stock-field-code = Reference (REF)
stock-field-manufacturer = Manufacturer
stock-field-name = Name
stock-field-kind = Kind
stock-field-implantable = Implantable
stock-field-gtin = GTIN (01)
stock-field-minimum = Minimum stock
stock-field-mm-per-turn = mm per turn (distractor)
stock-form-new-reference = New device reference

## What a form refuses on saving
stock-not-a-scan = not a scan
stock-no-reference-yet = no device reference yet; add one first (n on the Stock tab)
stock-units-whole = Units: a whole number, such as 1
stock-choose-reference = Reference: choose one with ← →
stock-lot-or-serial-needed = Lot or serial: type one as on the label (R-TRACE-1)
stock-label-in-field = { $field }: this is a scanned label (a second box?): clear it (Ctrl-U) and save this box, then r to scan the next
stock-choose-case = Case: choose one with ← →
stock-choose-implant = Implant: choose one with ← →
stock-choose-operator = Operator: choose one with ← →
stock-choose-record = Record: choose one with ← →
stock-choose-units-go = Units go: choose one with ← →
stock-void-reason-needed = Reason: say what was wrong with the record
stock-lift-reason-needed = Reason: say who said it may be used again
stock-choose-kind = Kind: choose one with ← →
stock-minimum-whole = Minimum stock: a whole number, such as 5
stock-mm-per-turn-number = mm per turn: a number, such as 0.25
stock-gtin-bad = GTIN: { $error }

## What the hint bar says after a save (shell::save_stock)
stock-saved-reference = reference { $code } added: { $name } ({ $kind })
stock-saved-received = received { $count } unit(s)
stock-saved-joined = , added to the lot on the shelf
stock-saved-use-by = , use by { $expiry }
stock-saved-reserved = { $who }: { $units } reserved from { $lot } (FEFO{ $expiry }); { $reserved } reserved of { $quantity }
stock-saved-reserved-part = { $units } from { $lot } (FEFO{ $expiry })
stock-saved-reserved-across = { $who }: { $units } reserved across { $lots } lots: { $parts }
stock-saved-traced = ; traced to the patient (R-TRACE-1)
stock-saved-left = { $count } left
stock-saved-operator = { $who }: operator recorded (R-TRACE-1)
stock-saved-voided = { $who } voided; { $units } unit(s) { $done }; { $quantity } on the shelf
stock-saved-recall-lifted = recall lifted
stock-saved-quarantine-lifted = quarantine lifted
stock-saved-usable-again = { $count } unit(s) usable again
stock-saved-nobody = nobody received it
stock-saved-recall = recall { $code } { $number }: { $left } unit(s) quarantined; { $patients } patient(s): { $who } (`periop recall` lists cases and operators)
stock-saved-moved = { $who }: { $units }{ $done }; { $left }{ $traced }
stock-saved-lifted = { $who }: { $done }; { $usable }

## The Board's stock alerts (domain::stock::alerts, R-STOCK-3, R-STOCK-4)
stock-alert-low = LOW STOCK { $name }: { $usable } usable, minimum { $minimum }
stock-alert-expired = EXPIRED ON SHELF { $name } { $lot }: { $left } left, expired { $expiry }; return, quarantine or waste it
stock-alert-expiring = EXPIRING { $name } { $lot }: { $left } left, use by { $expiry } (in { $days } days)
stock-alert-day-today = today ({ $day })
stock-alert-day-tomorrow = tomorrow ({ $day })
stock-alert-day-on = on { $day }
stock-alert-not-available = DEVICE NOT AVAILABLE { $day }: { $device } { $lot } held for the case is { $why }; reserve another lot

## Why a lot may not be used, lifted, moved (domain::stock)
stock-not-lifted-not-withdrawn = not quarantined; nothing to lift
stock-not-lifted-recalled = recalled ({ $reason }); it stays refused unless the recall itself is lifted, explicitly, with a reason
stock-not-lifted-not-recalled = not recalled (quarantined: { $reason }); lift the quarantine instead
stock-unusable-recalled = recalled ({ $reason }); it may be returned or wasted, not used
stock-unusable-quarantined = quarantined ({ $reason }); it may be returned or wasted, not used
stock-unusable-expired = expired on { $expiry } (before the procedure on { $day }); it may be returned, quarantined or wasted, not used
stock-refused-out-of-stock = { $asked } asked, { $free } free (the rest is reserved for cases or gone); nothing was taken
stock-refused-not-held = { $asked } to release, { $held } held for this case
stock-refused-zero = a quantity of 0 moves nothing; give 1 or more
stock-refused-too-many = { $count } units at once is more than this program counts; check the number
stock-use-refused-called-off = the case is { $state }; nothing can be recorded for it
stock-use-refused-closed = the stay is closed (discharged); the record is closed too
stock-use-refused-not-started = the procedure has not started yet: record what was used once it is under way (reserve it meanwhile)
stock-no-reference-gtin = GTIN { $gtin } is in no reference of the catalogue
stock-no-reference-product = HIBC product { $pcn } (labeler { $lic }) is no reference code of the catalogue

## Reading a label, finding a code (domain::stock::scan, lookup)
stock-scan-hibc-error = HIBC label { $error }
stock-scan-hibc-shown = HIBC labeler { $lic }, product { $pcn }
stock-did-you-mean = did you mean { $code }?
stock-did-you-mean-several = did you mean { $first } or { $last }?
