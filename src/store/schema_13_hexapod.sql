-- R-DO-8: a hexapod frame's prescription (schema 13; IF NOT EXISTS so the
-- upgrade step is this text). Versioned: each re-plan (after an X-ray) is
-- the case's next revision and makes the revisions before it void on every
-- sheet. `correction_mm` at `rate_mm_day` is what the planning software
-- states (at the structure at risk); the table's days must agree with it.
CREATE TABLE IF NOT EXISTS hexapod_prescriptions (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES distraction_cases(id),
    revision      INTEGER NOT NULL CHECK (revision >= 1),
    correction_mm REAL NOT NULL CHECK (correction_mm > 0),
    rate_mm_day   REAL NOT NULL CHECK (rate_mm_day > 0),
    source        TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    recorded_by   INTEGER NOT NULL REFERENCES staff(id),
    recorded_at   TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    UNIQUE (case_id, revision)
);

-- R-DO-8: the struts of a revision: number, colour, catalogue size and its
-- range in mm, from a day; a strut change is a later row of the same strut.
CREATE TABLE IF NOT EXISTS hexapod_struts (
    id              INTEGER PRIMARY KEY,
    prescription_id INTEGER NOT NULL REFERENCES hexapod_prescriptions(id),
    strut           INTEGER NOT NULL CHECK (strut BETWEEN 1 AND 6),
    from_day        TEXT NOT NULL,
    colour          TEXT NOT NULL,
    size            TEXT NOT NULL,
    min_mm          REAL NOT NULL CHECK (min_mm > 0),
    max_mm          REAL NOT NULL CHECK (max_mm > min_mm),
    version         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (prescription_id, strut, from_day)
);

-- R-DO-8: the day × strut table: each strut's length in mm each day (the
-- first day is the frame as it stands; each later day is adjusted to).
CREATE TABLE IF NOT EXISTS hexapod_lengths (
    id              INTEGER PRIMARY KEY,
    prescription_id INTEGER NOT NULL REFERENCES hexapod_prescriptions(id),
    day             TEXT NOT NULL,
    strut           INTEGER NOT NULL CHECK (strut BETWEEN 1 AND 6),
    length_mm       REAL NOT NULL CHECK (length_mm > 0),
    version         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (prescription_id, day, strut)
);

-- R-DO-8: each strut adjustment as it was made: the day of the table it
-- was for, the length the strut was set to, when, by whom (on the ward or
-- reported by phone). One entered by mistake is voided (who, when, why).
CREATE TABLE IF NOT EXISTS hexapod_adjustments (
    id              INTEGER PRIMARY KEY,
    prescription_id INTEGER NOT NULL REFERENCES hexapod_prescriptions(id),
    day             TEXT NOT NULL,
    strut           INTEGER NOT NULL CHECK (strut BETWEEN 1 AND 6),
    length_mm       REAL NOT NULL CHECK (length_mm > 0),
    done_at         TEXT NOT NULL,
    by_phone        INTEGER NOT NULL DEFAULT 0 CHECK (by_phone IN (0, 1)),
    recorded_by     INTEGER NOT NULL REFERENCES staff(id),
    voided_at       TEXT,
    voided_by       INTEGER REFERENCES staff(id),
    void_reason     TEXT,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS hexapod_adjustments_by_prescription ON hexapod_adjustments (prescription_id, day);
