
-- R-COMP-1: complications, per patient and (when known) case: kind, the
-- ward day it began, severity, who recorded it and when; open until a
-- doctor closes it with an outcome (schema 12; IF NOT EXISTS so the upgrade
-- step is this text). One entered by mistake is voided (who, when, why).
CREATE TABLE IF NOT EXISTS complications (
    id          INTEGER PRIMARY KEY,
    patient_id  INTEGER NOT NULL REFERENCES patients(id),
    case_id     INTEGER REFERENCES cases(id),
    kind        TEXT NOT NULL CHECK (kind IN ('infection', 'persistent_pain', 'non_union', 'malunion',
                  'implant_reaction', 'nerve_damage', 'joint_stiffness', 'device_problem', 'occlusion_problem',
                  'heterotopic_ossification', 'other')),
    onset_on    TEXT NOT NULL,
    severity    TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
    description TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER NOT NULL REFERENCES staff(id),
    recorded_at TEXT NOT NULL,
    closed_at   TEXT,
    closed_by   INTEGER REFERENCES staff(id),
    outcome     TEXT,
    voided_at   TEXT,
    voided_by   INTEGER REFERENCES staff(id),
    void_reason TEXT,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS complications_by_patient ON complications (patient_id);

-- R-HO-1: heterotopic ossification follow-up after a surgery: the
-- prophylaxis (none; an NSAID course from `prophylaxis_at` for `nsaid_days`
-- days; or one radiotherapy dose of `dose_gy` Gy at `prophylaxis_at`), why a
-- radiotherapy outside 4 h before to 72 h after surgery was recorded anyway,
-- the X-ray check's ward day and its Brooker grade (0, I-IV).
CREATE TABLE IF NOT EXISTS ho_follow_ups (
    id             INTEGER PRIMARY KEY,
    patient_id     INTEGER NOT NULL REFERENCES patients(id),
    case_id        INTEGER REFERENCES cases(id),
    surgery_at     TEXT NOT NULL,
    prophylaxis    TEXT NOT NULL CHECK (prophylaxis IN ('none', 'nsaid', 'radiotherapy')),
    prophylaxis_at TEXT,
    drug           TEXT,
    nsaid_days     INTEGER CHECK (nsaid_days IS NULL OR nsaid_days >= 1),
    dose_gy        REAL CHECK (dose_gy IS NULL OR dose_gy > 0),
    timing_reason  TEXT,
    xray_on        TEXT,
    brooker        TEXT CHECK (brooker IS NULL OR brooker IN ('0', 'I', 'II', 'III', 'IV')),
    recorded_by    INTEGER NOT NULL REFERENCES staff(id),
    recorded_at    TEXT NOT NULL,
    voided_at      TEXT,
    voided_by      INTEGER REFERENCES staff(id),
    void_reason    TEXT,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS ho_follow_ups_by_patient ON ho_follow_ups (patient_id);
