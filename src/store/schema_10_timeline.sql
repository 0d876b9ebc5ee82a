-- R-BLOCK-6: the J0 timeline of a case: each event (arrived, in room,
-- anaesthesia start, procedure start, procedure end, out of room, recovery,
-- back on ward) with the time it happened and who recorded it (schema 10;
-- IF NOT EXISTS so the upgrade step is this text). A time entered wrongly
-- is corrected as an intake is: the row is voided (who, when, why) and the
-- right time recorded as a new row; the audit keeps both.
CREATE TABLE IF NOT EXISTS case_events (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    kind        TEXT NOT NULL CHECK (kind IN ('arrived', 'in_room', 'anaesthesia_start', 'procedure_start',
                  'procedure_end', 'out_of_room', 'recovery', 'back_on_ward')),
    at          TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES staff(id),
    voided_at   TEXT,
    voided_by   INTEGER REFERENCES staff(id),
    void_reason TEXT,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS case_events_by_case ON case_events (case_id);
