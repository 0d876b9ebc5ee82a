-- R-DO-1: a distraction case (section 8 of DOMAIN.md; schema 4, IF NOT EXISTS so
-- the upgrade step is this text). Lengths in mm, rate in
-- mm/day, rhythm in sessions/day; `outpatient` turns at home and reports by phone.
CREATE TABLE IF NOT EXISTS distraction_cases (
    id               INTEGER PRIMARY KEY,
    patient_id       INTEGER NOT NULL REFERENCES patients(id),
    site             TEXT NOT NULL CHECK (site IN
                       ('femur', 'tibia', 'humerus', 'mandible', 'midface', 'palate', 'other')),
    device           TEXT NOT NULL CHECK (device IN
                       ('circular_frame', 'hexapod', 'monolateral_rail', 'motorised_nail',
                        'internal_craniofacial', 'external_craniofacial')),
    mm_per_turn      REAL NOT NULL CHECK (mm_per_turn > 0),
    osteotomy_on     TEXT NOT NULL,
    latency_days     INTEGER NOT NULL CHECK (latency_days >= 0),
    rate_mm_day      REAL NOT NULL CHECK (rate_mm_day > 0),
    sessions_per_day INTEGER NOT NULL CHECK (sessions_per_day >= 1),
    target_mm        REAL NOT NULL CHECK (target_mm > 0),
    pins             INTEGER NOT NULL DEFAULT 0 CHECK (pins >= 0),
    pin_sites        TEXT NOT NULL DEFAULT '',
    outpatient       INTEGER NOT NULL DEFAULT 0 CHECK (outpatient IN (0, 1)),
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS distraction_cases_by_patient ON distraction_cases (patient_id);

-- R-DO-7: the recorded phase steps (start, pause, resume, end, removal).
CREATE TABLE IF NOT EXISTS distraction_phases (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES distraction_cases(id),
    kind        TEXT NOT NULL CHECK (kind IN ('start', 'pause', 'resume', 'end_distraction', 'removal')),
    on_day      TEXT NOT NULL,
    reason      TEXT,
    rate_mm_day REAL CHECK (rate_mm_day IS NULL OR rate_mm_day > 0),
    recorded_by INTEGER NOT NULL REFERENCES staff(id),
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS distraction_phases_by_case ON distraction_phases (case_id);

-- R-DO-5: each session of turns, once (on the ward, or reported by phone).
CREATE TABLE IF NOT EXISTS distraction_sessions (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES distraction_cases(id),
    day      TEXT NOT NULL,
    session  INTEGER NOT NULL CHECK (session >= 1),
    turns    INTEGER NOT NULL CHECK (turns >= 0),
    done_at  TEXT NOT NULL,
    by_phone INTEGER NOT NULL DEFAULT 0 CHECK (by_phone IN (0, 1)),
    version  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (case_id, day, session)
);

-- R-DO-5: the daily round; its pin grades are in `pin_grades`.
CREATE TABLE IF NOT EXISTS distraction_rounds (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES distraction_cases(id),
    at               TEXT NOT NULL,
    pain             INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    sensation        TEXT NOT NULL CHECK (sensation IN ('normal', 'reduced', 'absent')),
    motor            TEXT NOT NULL CHECK (motor IN ('normal', 'weak', 'absent')),
    colour           TEXT NOT NULL CHECK (colour IN ('normal', 'pale', 'dusky')),
    rom_deg          INTEGER CHECK (rom_deg IS NULL OR rom_deg BETWEEN 0 AND 180),
    mouth_opening_mm INTEGER CHECK (mouth_opening_mm IS NULL OR mouth_opening_mm BETWEEN 0 AND 80),
    occlusion_ok     INTEGER CHECK (occlusion_ok IS NULL OR occlusion_ok IN (0, 1)),
    temperature_c    REAL,
    pin_care_done    INTEGER NOT NULL CHECK (pin_care_done IN (0, 1)),
    note             TEXT NOT NULL DEFAULT '',
    recorded_by      INTEGER NOT NULL REFERENCES staff(id),
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS distraction_rounds_by_case ON distraction_rounds (case_id, at);

-- R-DO-5: each pin site's Checketts–Otterburn grade at a round (0–6).
CREATE TABLE IF NOT EXISTS pin_grades (
    id       INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES distraction_rounds(id),
    pin      INTEGER NOT NULL CHECK (pin >= 1),
    grade    INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 6),
    version  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (round_id, pin)
);

