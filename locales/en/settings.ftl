## The site's settings (`periop settings`, the Admin tab): what each
## value is, where it comes from, and why a value is refused. The keys
## (`fast.clear_h`) are codes and stay as they are.

## A warning citing its number: "fast.clear_h=2 h (ASA 2017 / SFAR / ESAIC adult guidelines)"
settings-cite = { $key }={ $value } ({ $source })
settings-cite-customised = { $key }={ $value } ({ $source }, set for this site)

## Refusals
settings-unknown = there is no setting called { $key }; `periop settings` lists them all
settings-invalid = { $key } must be { $expected }, not { $value }
settings-out-of-range = { $key } must be from { $low } to { $high } { $unit }, not { $value }
settings-order = { $first } ({ $early }) must come before { $last } ({ $late }) in the day
settings-expected-number = a number, such as 6 or 1.5
settings-expected-integer = a whole number, such as -1 or 60
settings-expected-time = a time HH:MM, such as 14:00
settings-expected-zone = a time-zone name, such as Europe/Paris
settings-expected-language = en or fr
settings-expected-scan-key = none, or one character no lot or serial can hold (such as ~ | # ^ or `)

## Units (symbols such as h, min, mm, °C, G/L are the same in both languages)
settings-unit-days = days
settings-unit-months = months
settings-unit-degrees = degrees
settings-unit-sessions-day = sessions/day
settings-unit-mm-day = mm/day
settings-unit-d-cm = d/cm
settings-unit-time = time
settings-unit-zone = zone
settings-unit-language = language
settings-unit-key = key

## Where each value comes from: settings-source- and the key, `-` for `.` and `_`
settings-source-ward-timezone = site: the ward's local time for display and for "today"
settings-source-site-language = site: the screen's language after --lang, PERIOP_LANG, the account's own and the locale
settings-source-path-admit-offset-days = source hospital pathway: admitted the evening before
settings-source-path-discharge-offset-days = source hospital pathway: home the day after, absent incident
settings-source-path-admit-expected-by = site: latest expected arrival on J-1
settings-source-anes-cpa-min-delay-h = CSP D.6124-92; decree of 5 Dec 1994 ("several days")
settings-source-anes-cpa-validity-days = site policy
settings-source-fast-solids-h = ASA 2017 / SFAR / ESAIC adult guidelines
settings-source-fast-fatty-meal-h = ASA 2017 / SFAR / ESAIC adult guidelines
settings-source-fast-clear-h = ASA 2017 / SFAR / ESAIC adult guidelines
settings-source-fast-child-breast-milk-h = ESAIC 2022 paediatric guidelines
settings-source-fast-child-formula-h = ESAIC 2022 paediatric guidelines
settings-source-fast-child-clear-h = ESAIC 2022 paediatric guidelines
settings-source-fast-excess-alert-h = site: offer clear fluids when the fast outruns the prescription
settings-source-fast-diabetic-max-h = SFAR/SFD perioperative diabetes guidance
settings-source-med-inr-max = GIHP / SFAR high bleeding risk procedures
settings-source-med-platelets-min = GIHP / SFAR high bleeding risk procedures
settings-source-med-lab-validity-h = site policy
settings-source-block-turnover-min = site: room cleaning and set-up
settings-source-block-freeze-time = site: next day's list frozen after this time on J-1
settings-source-stock-expiry-alert-days = site policy
settings-source-stock-scanner-gs-key = site: what the scanners send for GS (ASCII 29 is always read)
settings-source-do-max-rate-mm-day = Ilizarov; poor regenerate risk rises about ninefold above
settings-source-do-latency-limb-days = limb, adult: 5-7 days after the osteotomy
settings-source-do-latency-craniofacial-days = craniofacial, child: 2-5 days
settings-source-do-rate-mm-day = Ilizarov: 1 mm a day
settings-source-do-rhythm-limb = Ilizarov: 4 x 0.25 mm
settings-source-do-rhythm-craniofacial = craniofacial distraction protocols
settings-source-do-first-session = site: the first session of the day is due
settings-source-do-last-session = site: the last session of the day is due
settings-source-do-daily-tolerance-mm = site policy
settings-source-do-length-tolerance-mm = site policy
settings-source-do-session-late-h = site policy
settings-source-do-fever-c = site policy
settings-source-do-rom-loss-deg = site policy
settings-source-do-hi-alert = healing index literature: 30-50 d/cm expected
settings-source-do-strut-max-mm-day = site policy: a hexapod table moving a strut more than this in a day is refused
settings-source-do-strut-travel-margin-mm = site policy: a hexapod strut this close to either end of its travel is said
settings-source-ho-followup-months = site policy: X-ray check for heterotopic ossification
settings-source-ui-idle-lock-min = site policy: a screen left unattended hides patients' identities
