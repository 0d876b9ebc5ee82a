-- R-BLOCK-3, R-BLOCK-4: a change to the schedule made over a conflict that
-- allows it (or inside the freeze window), with the reason given. Never
-- edited; the audit row carries who and when as well.
CREATE TABLE IF NOT EXISTS block_overrides (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    conflict TEXT NOT NULL,
    detail   TEXT NOT NULL,
    reason   TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at       TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES staff(id),
    version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS block_overrides_by_case ON block_overrides (case_id);

-- R-BLOCK-5: a case cancelled or postponed, with the reason from the list
-- (counted by reason); the stay's own step says the same in its history.
CREATE TABLE IF NOT EXISTS case_call_offs (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    kind     TEXT NOT NULL CHECK (kind IN ('cancelled', 'postponed')),
    reason   TEXT NOT NULL CHECK (reason IN
               ('not_fasted', 'not_ready', 'no_bed', 'device_missing', 'patient_declined', 'medical', 'other')),
    note     TEXT,
    at       TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES staff(id),
    version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS case_call_offs_by_at ON case_call_offs (at);
