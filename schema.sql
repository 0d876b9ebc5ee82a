-- periop: the one schema. Embedded in the binary; `periop init` runs it in one
-- transaction, and sets PRAGMA application_id and user_version itself.
--
-- Conventions: every table has `id INTEGER PRIMARY KEY` and `version`, bumped
-- by each save (optimistic concurrency, R-AUDIT-2). Instants are UTC text
-- `YYYY-MM-DDTHH:MM:SSZ`; ward days are `YYYY-MM-DD` in the ward's zone.
-- The program writes through one path that appends to `audit` (R-AUDIT-1).

-- People who work here. `account` is the operating-system account; staff who
-- never log in (a visiting operator) have none.
CREATE TABLE staff (
    id           INTEGER PRIMARY KEY,
    account      TEXT UNIQUE,
    display_name TEXT NOT NULL CHECK (length(display_name) > 0),
    -- R-ROLE-1 (domain/roles.rs): what the account may change. `unassigned`
    -- (a new account) and `read_only` only read. `radiologist` and `surgeon`
    -- are schema 3's words for a doctor, kept so old rows match their audit.
    role         TEXT NOT NULL CHECK (role IN
                   ('nurse', 'scheduler', 'anaesthetist', 'doctor', 'pharmacist', 'admin', 'read_only',
                    'unassigned', 'radiologist', 'surgeon')),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version      INTEGER NOT NULL DEFAULT 1,
    -- Issue 14: the language this account reads periop in (domain/language.rs);
    -- NULL follows the terminal's locale, then the site setting site.language.
    language     TEXT CHECK (language IN ('en', 'fr'))
);

-- Site values for the `cfg` numbers of DOMAIN.md; absent keys take the default.
CREATE TABLE settings (
    id      INTEGER PRIMARY KEY,
    key     TEXT NOT NULL UNIQUE,
    value   TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE patients (
    id              INTEGER PRIMARY KEY,
    surname         TEXT NOT NULL CHECK (length(surname) > 0),
    first_name      TEXT NOT NULL CHECK (length(first_name) > 0),
    birth_date      TEXT NOT NULL,
    sex             TEXT NOT NULL CHECK (sex IN ('F', 'M', 'X')),
    hospital_number TEXT NOT NULL UNIQUE,
    -- R-FAST-5: insulin-treated diabetics have a shorter fasting limit.
    insulin_treated_diabetic INTEGER NOT NULL DEFAULT 0 CHECK (insulin_treated_diabetic IN (0, 1)),
    version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE rooms (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    kind    TEXT NOT NULL CHECK (kind IN ('ct', 'ct_fluoro', 'angio_fluoro')),
    opens   TEXT NOT NULL,
    closes  TEXT NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE beds (
    id      INTEGER PRIMARY KEY,
    label   TEXT NOT NULL UNIQUE,
    -- R-PATH-4: the bed's physical state. "Reserved" is not stored: a free bed
    -- is reserved while a planned admission holds it (derived, cannot drift).
    state   TEXT NOT NULL DEFAULT 'free'
              CHECK (state IN ('free', 'occupied', 'to_clean', 'closed')),
    version INTEGER NOT NULL DEFAULT 1,
    -- Schema 4: the ward or unit the bed belongs to, and retired beds
    -- (history points at them, so they are never deleted).
    unit    TEXT,
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE procedure_kinds (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    label           TEXT NOT NULL,
    default_minutes INTEGER NOT NULL CHECK (default_minutes > 0),
    version         INTEGER NOT NULL DEFAULT 1,
    -- Schema 4 (R-BLOCK-2): what a booking of this kind expects by default.
    anaesthesia_expected INTEGER NOT NULL DEFAULT 0 CHECK (anaesthesia_expected IN (0, 1)),
    implants_expected    INTEGER NOT NULL DEFAULT 0 CHECK (implants_expected IN (0, 1)),
    active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE admissions (
    id                   INTEGER PRIMARY KEY,
    patient_id           INTEGER NOT NULL REFERENCES patients(id),
    state                TEXT NOT NULL DEFAULT 'planned' CHECK (state IN
                           ('planned', 'admitted', 'procedure_done', 'ready_for_discharge',
                            'discharged', 'cancelled', 'postponed', 'prolonged')),
    planned_admit_on     TEXT NOT NULL,
    planned_discharge_on TEXT NOT NULL,
    admitted_at          TEXT,
    discharged_at        TEXT,
    bed_id               INTEGER REFERENCES beds(id),
    incident             TEXT,
    version              INTEGER NOT NULL DEFAULT 1,
    CHECK (planned_discharge_on >= planned_admit_on)
);
CREATE INDEX admissions_by_admit_day ON admissions (planned_admit_on);
CREATE INDEX admissions_by_discharge_day ON admissions (planned_discharge_on);
CREATE INDEX admissions_by_state ON admissions (state);
CREATE INDEX admissions_by_patient ON admissions (patient_id);

-- R-PATH-2: every state change of an admission, who, when and why. Never
-- edited: a mistaken step is undone by a new step.
CREATE TABLE admission_steps (
    id           INTEGER PRIMARY KEY,
    admission_id INTEGER NOT NULL REFERENCES admissions(id),
    from_state   TEXT NOT NULL,
    to_state     TEXT NOT NULL,
    at           TEXT NOT NULL,
    actor_id     INTEGER NOT NULL REFERENCES staff(id),
    reason       TEXT,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX admission_steps_by_admission ON admission_steps (admission_id);

CREATE TABLE cases (
    id                INTEGER PRIMARY KEY,
    admission_id      INTEGER NOT NULL REFERENCES admissions(id),
    procedure_kind_id INTEGER NOT NULL REFERENCES procedure_kinds(id),
    room_id           INTEGER REFERENCES rooms(id),
    operator_id       INTEGER REFERENCES staff(id),
    anaesthetist_id   INTEGER REFERENCES staff(id),
    scheduled_start   TEXT NOT NULL,
    duration_min      INTEGER NOT NULL CHECK (duration_min > 0),
    anaesthesia_mode  TEXT NOT NULL CHECK (anaesthesia_mode IN ('local', 'sedation_local', 'general', 'regional')),
    side_level        TEXT,
    -- R-MED-2: vertebroplasty and cementoplasty are high bleeding risk.
    bleeding_risk     TEXT NOT NULL DEFAULT 'standard' CHECK (bleeding_risk IN ('standard', 'high')),
    -- R-MED-1: metformin stops around iodinated contrast.
    iodinated_contrast INTEGER NOT NULL DEFAULT 0 CHECK (iodinated_contrast IN (0, 1)),
    -- R-READY-1: an emergency relaxes the confirmation gate, and is reported.
    emergency         INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),
    -- R-ANES-3: the pre-anaesthesia visit, within 24 h before the procedure.
    pre_visit_at      TEXT,
    state             TEXT NOT NULL DEFAULT 'planned' CHECK (state IN
                        ('planned', 'confirmed', 'in_progress', 'done', 'cancelled', 'postponed')),
    version           INTEGER NOT NULL DEFAULT 1,
    -- R-PATH-6: the start was already past when booked or moved, and the user
    -- confirmed a retrospective entry (the audit row carries it).
    retrospective     INTEGER NOT NULL DEFAULT 0 CHECK (retrospective IN (0, 1)),
    -- R-BLOCK-3: the block nurse, checked like operators (schema 11).
    nurse_id          INTEGER REFERENCES staff(id)
);
CREATE INDEX cases_by_start ON cases (scheduled_start);
CREATE INDEX cases_by_admission ON cases (admission_id);

-- R-READY-1..3: the readiness checklist, one row per item once it was first
-- ticked; `done` can be unticked. Readiness itself is computed, never stored.
CREATE TABLE case_checks (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    item       TEXT NOT NULL CHECK (item IN
                 ('rcp_decision', 'radiology_consultation', 'signed_consent', 'imaging_file',
                  'carte_vitale', 'mutuelle_card', 'escort', 'medication_plan_reviewed')),
    done       INTEGER NOT NULL CHECK (done IN (0, 1)),
    checked_at TEXT NOT NULL,
    checked_by INTEGER NOT NULL REFERENCES staff(id),
    version    INTEGER NOT NULL DEFAULT 1,
    UNIQUE (case_id, item)
);

-- R-ANES-1..5: the anaesthesia consultation (CPA); the latest one counts.
CREATE TABLE anaesthesia_consultations (
    id              INTEGER PRIMARY KEY,
    case_id         INTEGER NOT NULL REFERENCES cases(id),
    held_at         TEXT NOT NULL,
    anaesthetist_id INTEGER REFERENCES staff(id),
    asa             TEXT,
    planned_mode    TEXT NOT NULL CHECK (planned_mode IN ('local', 'sedation_local', 'general', 'regional')),
    outcome         TEXT NOT NULL CHECK (outcome IN ('pending', 'cleared', 'refused')),
    notes           TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    -- Schema 4: entered by mistake, voided with a reason (a recorded fact;
    -- the row stays, shown struck through, and no rule counts it).
    voided_at       TEXT,
    voided_by       INTEGER REFERENCES staff(id),
    void_reason     TEXT
);
CREATE INDEX anaesthesia_consultations_by_case ON anaesthesia_consultations (case_id);

-- R-FAST-3: what the patient last ate or drank, and when.
CREATE TABLE intakes (
    id           INTEGER PRIMARY KEY,
    admission_id INTEGER NOT NULL REFERENCES admissions(id),
    kind         TEXT NOT NULL CHECK (kind IN
                   ('solids', 'fatty_meal', 'clear_fluids', 'breast_milk', 'formula', 'chewing_gum_or_smoking')),
    taken_at     TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    -- Schema 4: entered by mistake, voided with a reason (a recorded fact;
    -- the row stays, shown struck through, and no rule counts it).
    voided_at       TEXT,
    voided_by       INTEGER REFERENCES staff(id),
    void_reason     TEXT
);
CREATE INDEX intakes_by_admission ON intakes (admission_id);

-- R-MED-1: treatments that need a stop date before a procedure.
CREATE TABLE treatments (
    id         INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients(id),
    drug_class TEXT NOT NULL CHECK (drug_class IN
                 ('doac', 'dabigatran_renal_normal', 'dabigatran_renal_impaired', 'vka', 'aspirin',
                  'clopidogrel', 'ticagrelor', 'prasugrel', 'metformin', 'glp1_agonist')),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version    INTEGER NOT NULL DEFAULT 1,
    -- Schema 4: entered by mistake, voided with a reason (a recorded fact;
    -- the row stays, shown struck through, and no rule counts it).
    voided_at       TEXT,
    voided_by       INTEGER REFERENCES staff(id),
    void_reason     TEXT
);
CREATE INDEX treatments_by_patient ON treatments (patient_id);

-- R-MED-2: INR and platelets before high-bleeding-risk procedures.
CREATE TABLE lab_results (
    id         INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients(id),
    test       TEXT NOT NULL CHECK (test IN ('inr', 'platelets')),
    value      REAL NOT NULL,
    taken_at   TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    -- Schema 4: entered by mistake, voided with a reason (a recorded fact;
    -- the row stays, shown struck through, and no rule counts it).
    voided_at       TEXT,
    voided_by       INTEGER REFERENCES staff(id),
    void_reason     TEXT
);
CREATE INDEX lab_results_by_patient ON lab_results (patient_id);

-- R-DISCH-1: the discharge check, one per admission.
CREATE TABLE discharge_checks (
    id                    INTEGER PRIMARY KEY,
    admission_id          INTEGER NOT NULL UNIQUE REFERENCES admissions(id),
    padss_vitals          INTEGER CHECK (padss_vitals BETWEEN 0 AND 2),
    padss_activity        INTEGER CHECK (padss_activity BETWEEN 0 AND 2),
    padss_pain_nausea     INTEGER CHECK (padss_pain_nausea BETWEEN 0 AND 2),
    padss_bleeding        INTEGER CHECK (padss_bleeding BETWEEN 0 AND 2),
    padss_intake_output   INTEGER CHECK (padss_intake_output BETWEEN 0 AND 2),
    escort                INTEGER NOT NULL DEFAULT 0 CHECK (escort IN (0, 1)),
    letter_given_on       TEXT,
    work_stop_certificate INTEGER NOT NULL DEFAULT 0 CHECK (work_stop_certificate IN (0, 1)),
    follow_up_appointment INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_appointment IN (0, 1)),
    override_reason       TEXT,
    version               INTEGER NOT NULL DEFAULT 1
);

-- R-DISCH-2: the phone call the day after discharge.
CREATE TABLE follow_up_calls (
    id           INTEGER PRIMARY KEY,
    admission_id INTEGER NOT NULL UNIQUE REFERENCES admissions(id),
    due_on       TEXT NOT NULL,
    done_at      TEXT,
    notes        TEXT,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX follow_up_calls_by_due ON follow_up_calls (due_on);
-- The board lists calls not yet made, however old: keep that scan small.
CREATE INDEX follow_up_calls_open ON follow_up_calls (due_on) WHERE done_at IS NULL;

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
    version     INTEGER NOT NULL DEFAULT 1,
    -- A step recorded by mistake is voided (who, when, why; schema 14): it
    -- counts in no plan, the audit keeps it.
    voided_at   TEXT,
    voided_by   INTEGER REFERENCES staff(id),
    void_reason TEXT
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
    version          INTEGER NOT NULL DEFAULT 1,
    voided_at        TEXT,
    voided_by        INTEGER REFERENCES staff(id),
    void_reason      TEXT
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

-- R-TRACE-1, R-STOCK-2: implant records and stock movements are never
-- deleted (made with the stock tables by schema 9; the write path recreates
-- any that is missing, like the audit log's).
CREATE TRIGGER implants_are_kept BEFORE DELETE ON implants
BEGIN
    SELECT RAISE(ABORT, 'implant records are kept (R-TRACE-1)');
END;
CREATE TRIGGER stock_movements_are_kept BEFORE DELETE ON stock_movements
BEGIN
    SELECT RAISE(ABORT, 'stock movements are kept (R-STOCK-2)');
END;

-- R-AUDIT-1: who changed what, when, before and after, written in the same
-- transaction as the change. The triggers keep it append-only.
-- R-AUDIT-3: `hash` chains each row to the one before (SHA-256 over the
-- previous hash and this row's fields; store/chain.rs), so an edit, a
-- deletion or a forged row behind the program's back shows in `periop check`.
-- (Added by schema 2; rows of an upgraded file were sealed by the upgrade.)
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor_id   INTEGER NOT NULL REFERENCES staff(id),
    table_name TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update')),
    before     TEXT,
    after      TEXT NOT NULL,
    hash       TEXT
);
CREATE INDEX audit_by_row ON audit (table_name, row_id);

CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;

-- REPLACE on an existing id would delete and re-insert without a DELETE
-- trigger firing (recursive_triggers is off): refuse it at the insert.
CREATE TRIGGER audit_is_append_only_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;

CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be deleted');
END;

-- Search (schema 4): FTS5 indexes of what users filter by, kept in step by
-- the write path in the same transaction (store/search.rs). Case and accents
-- are folded by the tokenizer; the prefix indexes make as-you-type quick.
-- audit_search: rowid = audit id (contentless: the log is append-only).
-- patient_search: rowid = patient id (surname, first name, hospital number).
-- audit_terms: every word audit_search holds, folded, so a typed prefix
-- longer than the prefix indexes becomes the few whole words it starts
-- (FTS5 merges those lazily, newest first; a bare prefix it merges whole).
CREATE VIRTUAL TABLE audit_search USING fts5(
    doc, content = '', tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
CREATE VIRTUAL TABLE patient_search USING fts5(
    doc, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');
CREATE TABLE audit_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;

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
