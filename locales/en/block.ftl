## The Block tab (R-BLOCK-1..6): the day's grid of the rooms, the week,
## the conflicts panel, the J0 timeline, and the words of the block's domain.

## A conflict's kind (domain::block_conflicts::ConflictKind::words)
block-conflict-room-overlap = room overlap (turnover included)
block-conflict-outside-room-hours = outside the room's hours
block-conflict-operator-overlap = operator in two cases at once
block-conflict-anaesthetist-overlap = anaesthetist in two cases at once
block-conflict-nurse-overlap = block nurse in two cases at once
block-conflict-same-patient-twice = the same patient twice at once
block-conflict-no-bed-for-night = no bed for the J-1 night
block-conflict-fasting-cannot-be-met = fasting window cannot be met
block-conflict-anaesthesia-not-cleared = anaesthesia not cleared
block-conflict-device-not-available = a reserved device not available

## Why a reserved device cannot be used on the day (R-STOCK-3)
block-device-quarantined = quarantined
block-device-expired = expired before the procedure day
block-device-short = fewer units on the shelf than reserved

## Why a case is called off (R-BLOCK-5), and how
block-reason-not-fasted = patient not fasted
block-reason-not-ready = not ready
block-reason-no-bed = no bed
block-reason-device-missing = device missing
block-reason-patient-declined = patient declined
block-reason-medical = medical
block-reason-other = other
block-call-off-cancelled = cancelled
block-call-off-postponed = postponed

## The J0 timeline's events (R-BLOCK-6), in a sentence
block-event-arrived = arrived in the block
block-event-in-room = in room
block-event-anaesthesia-start = anaesthesia start
block-event-procedure-start = procedure start
block-event-procedure-end = procedure end
block-event-out-of-room = out of room
block-event-recovery = in recovery
block-event-back-on-ward = back on ward

## Where the patient is now: a glyph and at most 14 cells
block-where-arrived = → in the block
block-where-in-room = ◉ in room
block-where-anaesthesia-start = ◉ anaesthesia
block-where-procedure-start = ◉ procedure
block-where-procedure-end = ◉ proc. ended
block-where-out-of-room = ○ out of room
block-where-recovery = ○ recovery
block-where-back-on-ward = ✓ back on ward

## Why an event cannot be recorded then (R-BLOCK-6)
block-order-in-future = { $event } cannot be in the future: record it once it has happened (R-BLOCK-6)
block-order-already-recorded = { $event } is already recorded; correct its time instead (R-BLOCK-6)
block-order-before-previous = { $event } cannot be before { $previous } (R-BLOCK-6): give a later time or correct that one first
block-order-after-next = { $event } cannot be after { $next } (R-BLOCK-6): give an earlier time or correct that one first
block-order-complete = every event of the timeline is recorded (back on ward)
block-order-outside-day = { $event } cannot be recorded then: the case is booked on { $day } and its timeline runs from that day's 00:00 to 12:00 the next day (R-BLOCK-6); give a time in it, or move the case to the day it happens

## The day's head line: " BLOCK  Sun 22/11/2026  today · 7 cases · ! 2 conflicts"
block-head = BLOCK  { $day }  { $when }
block-head-offset = { $offset } days
block-head-cases = { $count ->
    [one] 1 case
   *[other] { $count } cases
}
block-head-conflicts = { $count ->
    [one] ! 1 conflict
   *[other] ! { $count } conflicts
}
block-head-unroomed = { $count } without a room
block-head-frozen = ❄ frozen (R-BLOCK-4)
block-reading = reading…
block-error-read = could not read the block: { $error }
block-error-reread = could not read the block again: { $error }
block-no-rooms = no rooms yet: an administrator adds them (`periop rooms add`)

## The grid
block-no-operator = no operator
block-room-more = ▶ more
block-turnover = turnover

## The week view
block-week-head = BLOCK  week of { $day }  (w: back to the day)
block-week-foot = each day: cases · use of its hours (R-BLOCK-6) · ! a case in a conflict

## The day's figures (R-BLOCK-6): " DAY (R-BLOCK-6) Room 1 CT use 45 %, start +0 min"
block-stats = DAY (R-BLOCK-6) { $rooms }
block-stats-use = { $room } use { $percent } %
block-stats-start = start { $delay } min
block-stats-turnover = turnover { $minutes } min ({ $count })

## The conflicts panel
block-conflicts-none = CONFLICTS none · turnover { $minutes } min
block-conflicts = CONFLICTS ({ $count }) · turnover { $minutes } min
block-called-off = called off: { $list }
block-called-off-cancelled = { $count } cancelled ({ $reason })
block-called-off-postponed = { $count } postponed ({ $reason })
block-postponed = ↷ { $count } postponed, waiting (r books again): { $names }
block-postponed-was = { $name } (was { $day })

## What the Block tab's keys say back
block-still-reading = the block is still being read
block-already-first-room = already in the first room
block-already-last-room = already in the last room
block-no-case = no case under the cursor
block-no-case-to-move = no case under the cursor ({ $keys } change room, [ ] change day)
block-no-case-to-open = no case under the cursor to open
block-cannot-move = the case is { $state }; only a planned or confirmed case can be moved
block-cannot-call-off = the case is { $state }; only a planned or confirmed case can be { $action }
block-week-only = the week view shows each room's load only: { $key } goes back to the day
block-week-no-cursor = the week view has no cursor: { $key } goes back to the day
block-room-empty = no case in this room on this day
block-none-postponed = no postponed case is waiting to be booked again
block-rebook-choice = { $patient } · { $procedure } · was { $day }
block-timeline-closed = the case is booked on { $day }: its timeline is recorded from that day's 00:00 to noon the next day (R-BLOCK-6)
block-timeline-complete = { $error }; { $key } corrects a time
block-timeline-empty = nothing recorded on this case's timeline yet ({ $key } records the next event)
block-recording = { $who }: recording { $event } now…

## The form correcting a timeline event (R-BLOCK-6)
block-correct-title = Correct a timeline event
block-correct-event = Event
block-correct-day = On (dd/mm/yyyy)
block-correct-time = At (HH:MM)
block-correct-reason = Or void it: why (empty corrects the time)
block-correct-choose = Event: choose one with ← →
