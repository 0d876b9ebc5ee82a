## A distraction prescription refused (domain::distraction::case, R-DO-1)
prescription-mm-per-turn = mm per turn must be from { $min } to { $max } mm (0.25 on a circular frame), not { $value }
prescription-rate = the rate must be from { $min } to { $max } mm/day, not { $value }
prescription-target = the target length must be from { $min } to { $max } mm, not { $value }
prescription-target-turns = a target of { $target } mm is not a whole number of { $turn } mm turns (the device lengthens by whole turns); use { $choice } mm
prescription-use-one = { $value }
prescription-use-either = { $lower } or { $upper }
prescription-rhythm = the rhythm must be 1 to { $max } sessions a day, not { $value }
prescription-latency = the latency must be 0 to { $max } days, not { $value }
prescription-pins = a frame has 0 to { $max } pin sites to grade, not { $value }
prescription-rate-turns = a rate of { $rate } mm/day is not a whole number of { $turn } mm turns; use { $lower } or { $upper } mm/day

## A hexapod strut table refused, line by line (domain::distraction::hexapod_csv,
## R-DO-8). The lines' words (plan, strut, day, change, the colours) are the
## file's and stay as they are in every language.
prescription-table-line = line { $line }: { $why }
prescription-table-count = { $count } values where { $shape } has { $want }; write `{ $shape }`
prescription-table-not-mm = { $what } { $value } is not a number of mm
prescription-table-what-correction = the correction
prescription-table-what-rate = the rate
prescription-table-what-minimum = the minimum
prescription-table-what-maximum = the maximum
prescription-table-what-length = strut { $strut }'s length
prescription-table-not-a-strut = strut { $value } is not a strut; struts are 1 to { $max }
prescription-table-not-a-day = { $value } is not a day; write it like 2026-12-01
prescription-table-second-plan = a second plan line; one prescription per file
prescription-table-not-a-colour = { $value } is not a strut colour; use one of: { $colours }
prescription-table-no-size = strut { $strut } has no size; write the catalogue size
prescription-table-changed-first = strut { $strut } is changed before its strut line; put the strut lines first
prescription-table-unknown-line = { $value } is not a line this reads; lines are { $format }
prescription-table-no-plan = no plan line; begin with `plan,CORRECTION_MM,RATE_MM_PER_DAY` from the printout
prescription-table-no-day = no day line; give `day,DATE,L1..L6` for each day
prescription-table-twice = strut { $strut } is given twice; a strut change is a `change` line
