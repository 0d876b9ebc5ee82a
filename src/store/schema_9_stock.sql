-- R-STOCK-1: device references (section 7 of DOMAIN.md; schema 9, IF NOT
-- EXISTS so the upgrade step is this text). `code` is the catalogue
-- reference on the label (REF); `gtin` the GTIN-14 of GS1 AI (01);
-- `min_stock` in units (R-STOCK-4); `mm_per_turn` for distractors (R-DO-1).
CREATE TABLE IF NOT EXISTS device_refs (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
    manufacturer TEXT NOT NULL CHECK (length(manufacturer) > 0),
    name         TEXT NOT NULL CHECK (length(name) > 0),
    kind         TEXT NOT NULL CHECK (kind IN ('screw', 'cement_kit', 'trocar', 'cannula', 'distractor', 'other')),
    implantable  INTEGER NOT NULL CHECK (implantable IN (0, 1)),
    gtin         TEXT UNIQUE CHECK (gtin IS NULL OR (length(gtin) = 14 AND gtin NOT GLOB '*[^0-9]*')),
    min_stock    INTEGER NOT NULL DEFAULT 0 CHECK (min_stock >= 0),
    mm_per_turn  REAL CHECK (mm_per_turn IS NULL OR mm_per_turn > 0),
    version      INTEGER NOT NULL DEFAULT 1
);

-- R-STOCK-1, R-STOCK-2: a lot (or a serialised unit) of a reference. The
-- counts are kept by the movement's transaction; the CHECKs refuse a
-- negative count and more reserved than on the shelf whatever writes them.
-- Status is computed (domain/stock/lots.rs), never stored. `scanned` is the
-- whole GS1 string the lot was received from (R-TRACE-3).
CREATE TABLE IF NOT EXISTS device_lots (
    id                INTEGER PRIMARY KEY,
    ref_id            INTEGER NOT NULL REFERENCES device_refs(id),
    lot               TEXT,
    serial            TEXT,
    expiry_on         TEXT,
    quantity          INTEGER NOT NULL CHECK (quantity >= 0),
    reserved          INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= quantity),
    location          TEXT NOT NULL DEFAULT '',
    quarantine_reason TEXT,
    scanned           TEXT,
    received_at       TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    CHECK (lot IS NOT NULL OR serial IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS device_lots_by_ref ON device_lots (ref_id);

-- R-STOCK-2: every movement is a row. `units` moved (0 for a quarantine);
-- `case_id` for a reservation, a release and a use; `reason` for waste and
-- quarantine.
CREATE TABLE IF NOT EXISTS stock_movements (
    id       INTEGER PRIMARY KEY,
    lot_id   INTEGER NOT NULL REFERENCES device_lots(id),
    kind     TEXT NOT NULL CHECK (kind IN
               ('receive', 'reserve', 'release', 'implant', 'consume', 'return', 'waste', 'quarantine')),
    units    INTEGER NOT NULL CHECK (units >= 0),
    case_id  INTEGER REFERENCES cases(id),
    reason   TEXT,
    at       TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES staff(id),
    version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS stock_movements_by_lot ON stock_movements (lot_id);

-- R-STOCK-2: units of a lot held for a case, kept by the reservation's,
-- release's and use's transaction.
CREATE TABLE IF NOT EXISTS case_devices (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    lot_id   INTEGER NOT NULL REFERENCES device_lots(id),
    units    INTEGER NOT NULL CHECK (units >= 0),
    version  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (case_id, lot_id)
);

-- R-TRACE-1: a device left in (or used on) a patient: lot/serial (through
-- the lot), patient, case, time, operator. Never deleted (the trigger);
-- kept 10 years, 40 for devices with blood derivatives.
CREATE TABLE IF NOT EXISTS implants (
    id          INTEGER PRIMARY KEY,
    movement_id INTEGER NOT NULL REFERENCES stock_movements(id),
    lot_id      INTEGER NOT NULL REFERENCES device_lots(id),
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    patient_id  INTEGER NOT NULL REFERENCES patients(id),
    units       INTEGER NOT NULL CHECK (units > 0),
    at          TEXT NOT NULL,
    operator_id INTEGER REFERENCES staff(id),
    recorded_by INTEGER NOT NULL REFERENCES staff(id),
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS implants_by_lot ON implants (lot_id);
CREATE INDEX IF NOT EXISTS implants_by_patient ON implants (patient_id);
CREATE INDEX IF NOT EXISTS implants_by_case ON implants (case_id);
