-- periop: the one schema, on PostgreSQL (issue 15). The same tables and
-- columns as `schema.sql` at schema::VERSION (15), in the same order, so the
-- store's SQL and the audit chain's hashes are the same on both engines
-- (docs/postgresql-plan.md, sections 2 and 3). `periop init` runs this in
-- one transaction as the database's owner, then writes the schema version
-- into `periop_meta` itself. Kept by hand beside `schema.sql`;
-- tests/pg_schema.rs compares the two.
--
-- The translation: INTEGER is BIGINT (0/1 flags too, with their CHECK:
-- a boolean would read back as `true` and change every audit image); REAL
-- is DOUBLE PRECISION (the same f64 bits); TEXT is TEXT COLLATE "C" (SQLite's
-- binary order, whatever the database's default collation). Instants stay
-- UTC text `YYYY-MM-DDTHH:MM:SSZ` and ward days `YYYY-MM-DD`, as in SQLite.
--
-- Conventions (as `schema.sql`): every table has `id BIGINT PRIMARY KEY`
-- and `version`, bumped by each save (optimistic concurrency, R-AUDIT-2).
-- The program writes through one path that appends to `audit` (R-AUDIT-1).

-- An insert without an id gets max(id) + 1, as SQLite's INTEGER PRIMARY KEY
-- gives. Not a sequence: a sequence leaves a gap after a rollback, and ids
-- must be the ones SQLite gives (tests, snapshots, an audit log copied
-- across). Safe because writers are serialised by the write path's
-- advisory lock. Attached to every table with an id at the end of this
-- file; `audit` has its own (below), the search tables none.
CREATE FUNCTION periop_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id IS NULL THEN
        EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO NEW.id;
    END IF;
    RETURN NEW;
END;
$$;

-- People who work here. `account` is the operating-system account; staff who
-- never log in (a visiting operator) have none.
CREATE TABLE staff (
    id           BIGINT PRIMARY KEY,
    account      TEXT COLLATE "C" UNIQUE,
    display_name TEXT COLLATE "C" NOT NULL CHECK (length(display_name) > 0),
    -- R-ROLE-1 (domain/roles.rs): what the account may change. `unassigned`
    -- (a new account) and `read_only` only read. `radiologist` and `surgeon`
    -- are schema 3's words for a doctor, kept so old rows match their audit.
    role         TEXT COLLATE "C" NOT NULL CHECK (role IN
                   ('nurse', 'scheduler', 'anaesthetist', 'doctor', 'pharmacist', 'admin', 'read_only',
                    'unassigned', 'radiologist', 'surgeon')),
    active       BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version      BIGINT NOT NULL DEFAULT 1,
    -- Issue 14: the language this account reads periop in (domain/language.rs);
    -- NULL follows the terminal's locale, then the site setting site.language.
    language     TEXT COLLATE "C" CHECK (language IN ('en', 'fr'))
);

-- Site values for the `cfg` numbers of DOMAIN.md; absent keys take the default.
CREATE TABLE settings (
    id      BIGINT PRIMARY KEY,
    key     TEXT COLLATE "C" NOT NULL UNIQUE,
    value   TEXT COLLATE "C" NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE patients (
    id              BIGINT PRIMARY KEY,
    surname         TEXT COLLATE "C" NOT NULL CHECK (length(surname) > 0),
    first_name      TEXT COLLATE "C" NOT NULL CHECK (length(first_name) > 0),
    birth_date      TEXT COLLATE "C" NOT NULL,
    sex             TEXT COLLATE "C" NOT NULL CHECK (sex IN ('F', 'M', 'X')),
    hospital_number TEXT COLLATE "C" NOT NULL UNIQUE,
    -- R-FAST-5: insulin-treated diabetics have a shorter fasting limit.
    insulin_treated_diabetic BIGINT NOT NULL DEFAULT 0 CHECK (insulin_treated_diabetic IN (0, 1)),
    version         BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE rooms (
    id      BIGINT PRIMARY KEY,
    name    TEXT COLLATE "C" NOT NULL UNIQUE,
    kind    TEXT COLLATE "C" NOT NULL CHECK (kind IN ('ct', 'ct_fluoro', 'angio_fluoro')),
    opens   TEXT COLLATE "C" NOT NULL,
    closes  TEXT COLLATE "C" NOT NULL,
    active  BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE beds (
    id      BIGINT PRIMARY KEY,
    label   TEXT COLLATE "C" NOT NULL UNIQUE,
    -- R-PATH-4: the bed's physical state. "Reserved" is not stored: a free bed
    -- is reserved while a planned admission holds it (derived, cannot drift).
    state   TEXT COLLATE "C" NOT NULL DEFAULT 'free'
              CHECK (state IN ('free', 'occupied', 'to_clean', 'closed')),
    version BIGINT NOT NULL DEFAULT 1,
    -- Schema 4: the ward or unit the bed belongs to, and retired beds
    -- (history points at them, so they are never deleted).
    unit    TEXT COLLATE "C",
    active  BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE procedure_kinds (
    id              BIGINT PRIMARY KEY,
    code            TEXT COLLATE "C" NOT NULL UNIQUE,
    label           TEXT COLLATE "C" NOT NULL,
    default_minutes BIGINT NOT NULL CHECK (default_minutes > 0),
    version         BIGINT NOT NULL DEFAULT 1,
    -- Schema 4 (R-BLOCK-2): what a booking of this kind expects by default.
    anaesthesia_expected BIGINT NOT NULL DEFAULT 0 CHECK (anaesthesia_expected IN (0, 1)),
    implants_expected    BIGINT NOT NULL DEFAULT 0 CHECK (implants_expected IN (0, 1)),
    active               BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE admissions (
    id                   BIGINT PRIMARY KEY,
    patient_id           BIGINT NOT NULL REFERENCES patients(id),
    state                TEXT COLLATE "C" NOT NULL DEFAULT 'planned' CHECK (state IN
                           ('planned', 'admitted', 'procedure_done', 'ready_for_discharge',
                            'discharged', 'cancelled', 'postponed', 'prolonged')),
    planned_admit_on     TEXT COLLATE "C" NOT NULL,
    planned_discharge_on TEXT COLLATE "C" NOT NULL,
    admitted_at          TEXT COLLATE "C",
    discharged_at        TEXT COLLATE "C",
    bed_id               BIGINT REFERENCES beds(id),
    incident             TEXT COLLATE "C",
    version              BIGINT NOT NULL DEFAULT 1,
    CHECK (planned_discharge_on >= planned_admit_on)
);
CREATE INDEX admissions_by_admit_day ON admissions (planned_admit_on);
CREATE INDEX admissions_by_discharge_day ON admissions (planned_discharge_on);
CREATE INDEX admissions_by_state ON admissions (state);
CREATE INDEX admissions_by_patient ON admissions (patient_id);

-- R-PATH-2: every state change of an admission, who, when and why. Never
-- edited: a mistaken step is undone by a new step.
CREATE TABLE admission_steps (
    id           BIGINT PRIMARY KEY,
    admission_id BIGINT NOT NULL REFERENCES admissions(id),
    from_state   TEXT COLLATE "C" NOT NULL,
    to_state     TEXT COLLATE "C" NOT NULL,
    at           TEXT COLLATE "C" NOT NULL,
    actor_id     BIGINT NOT NULL REFERENCES staff(id),
    reason       TEXT COLLATE "C",
    version      BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX admission_steps_by_admission ON admission_steps (admission_id);

CREATE TABLE cases (
    id                BIGINT PRIMARY KEY,
    admission_id      BIGINT NOT NULL REFERENCES admissions(id),
    procedure_kind_id BIGINT NOT NULL REFERENCES procedure_kinds(id),
    room_id           BIGINT REFERENCES rooms(id),
    operator_id       BIGINT REFERENCES staff(id),
    anaesthetist_id   BIGINT REFERENCES staff(id),
    scheduled_start   TEXT COLLATE "C" NOT NULL,
    duration_min      BIGINT NOT NULL CHECK (duration_min > 0),
    anaesthesia_mode  TEXT COLLATE "C" NOT NULL CHECK (anaesthesia_mode IN ('local', 'sedation_local', 'general', 'regional')),
    side_level        TEXT COLLATE "C",
    -- R-MED-2: vertebroplasty and cementoplasty are high bleeding risk.
    bleeding_risk     TEXT COLLATE "C" NOT NULL DEFAULT 'standard' CHECK (bleeding_risk IN ('standard', 'high')),
    -- R-MED-1: metformin stops around iodinated contrast.
    iodinated_contrast BIGINT NOT NULL DEFAULT 0 CHECK (iodinated_contrast IN (0, 1)),
    -- R-READY-1: an emergency relaxes the confirmation gate, and is reported.
    emergency         BIGINT NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),
    -- R-ANES-3: the pre-anaesthesia visit, within 24 h before the procedure.
    pre_visit_at      TEXT COLLATE "C",
    state             TEXT COLLATE "C" NOT NULL DEFAULT 'planned' CHECK (state IN
                        ('planned', 'confirmed', 'in_progress', 'done', 'cancelled', 'postponed')),
    version           BIGINT NOT NULL DEFAULT 1,
    -- R-PATH-6: the start was already past when booked or moved, and the user
    -- confirmed a retrospective entry (the audit row carries it).
    retrospective     BIGINT NOT NULL DEFAULT 0 CHECK (retrospective IN (0, 1)),
    -- R-BLOCK-3: the block nurse, checked like operators (schema 11).
    nurse_id          BIGINT REFERENCES staff(id)
);
CREATE INDEX cases_by_start ON cases (scheduled_start);
CREATE INDEX cases_by_admission ON cases (admission_id);

-- R-READY-1..3: the readiness checklist, one row per item once it was first
-- ticked; `done` can be unticked. Readiness itself is computed, never stored.
CREATE TABLE case_checks (
    id         BIGINT PRIMARY KEY,
    case_id    BIGINT NOT NULL REFERENCES cases(id),
    item       TEXT COLLATE "C" NOT NULL CHECK (item IN
                 ('rcp_decision', 'radiology_consultation', 'signed_consent', 'imaging_file',
                  'carte_vitale', 'mutuelle_card', 'escort', 'medication_plan_reviewed')),
    done       BIGINT NOT NULL CHECK (done IN (0, 1)),
    checked_at TEXT COLLATE "C" NOT NULL,
    checked_by BIGINT NOT NULL REFERENCES staff(id),
    version    BIGINT NOT NULL DEFAULT 1,
    UNIQUE (case_id, item)
);

-- R-ANES-1..5: the anaesthesia consultation (CPA); the latest one counts.
CREATE TABLE anaesthesia_consultations (
    id              BIGINT PRIMARY KEY,
    case_id         BIGINT NOT NULL REFERENCES cases(id),
    held_at         TEXT COLLATE "C" NOT NULL,
    anaesthetist_id BIGINT REFERENCES staff(id),
    asa             TEXT COLLATE "C",
    planned_mode    TEXT COLLATE "C" NOT NULL CHECK (planned_mode IN ('local', 'sedation_local', 'general', 'regional')),
    outcome         TEXT COLLATE "C" NOT NULL CHECK (outcome IN ('pending', 'cleared', 'refused')),
    notes           TEXT COLLATE "C",
    version         BIGINT NOT NULL DEFAULT 1,
    -- Schema 4: entered by mistake, voided with a reason (a recorded fact;
    -- the row stays, shown struck through, and no rule counts it).
    voided_at       TEXT COLLATE "C",
    voided_by       BIGINT REFERENCES staff(id),
    void_reason     TEXT COLLATE "C"
);
CREATE INDEX anaesthesia_consultations_by_case ON anaesthesia_consultations (case_id);

-- R-FAST-3: what the patient last ate or drank, and when.
CREATE TABLE intakes (
    id           BIGINT PRIMARY KEY,
    admission_id BIGINT NOT NULL REFERENCES admissions(id),
    kind         TEXT COLLATE "C" NOT NULL CHECK (kind IN
                   ('solids', 'fatty_meal', 'clear_fluids', 'breast_milk', 'formula', 'chewing_gum_or_smoking')),
    taken_at     TEXT COLLATE "C" NOT NULL,
    version      BIGINT NOT NULL DEFAULT 1,
    -- Schema 4: entered by mistake, voided with a reason (a recorded fact;
    -- the row stays, shown struck through, and no rule counts it).
    voided_at       TEXT COLLATE "C",
    voided_by       BIGINT REFERENCES staff(id),
    void_reason     TEXT COLLATE "C"
);
CREATE INDEX intakes_by_admission ON intakes (admission_id);

-- R-MED-1: treatments that need a stop date before a procedure.
CREATE TABLE treatments (
    id         BIGINT PRIMARY KEY,
    patient_id BIGINT NOT NULL REFERENCES patients(id),
    drug_class TEXT COLLATE "C" NOT NULL CHECK (drug_class IN
                 ('doac', 'dabigatran_renal_normal', 'dabigatran_renal_impaired', 'vka', 'aspirin',
                  'clopidogrel', 'ticagrelor', 'prasugrel', 'metformin', 'glp1_agonist')),
    active     BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version    BIGINT NOT NULL DEFAULT 1,
    -- Schema 4: entered by mistake, voided with a reason (a recorded fact;
    -- the row stays, shown struck through, and no rule counts it).
    voided_at       TEXT COLLATE "C",
    voided_by       BIGINT REFERENCES staff(id),
    void_reason     TEXT COLLATE "C"
);
CREATE INDEX treatments_by_patient ON treatments (patient_id);

-- R-MED-2: INR and platelets before high-bleeding-risk procedures.
CREATE TABLE lab_results (
    id         BIGINT PRIMARY KEY,
    patient_id BIGINT NOT NULL REFERENCES patients(id),
    test       TEXT COLLATE "C" NOT NULL CHECK (test IN ('inr', 'platelets')),
    value      DOUBLE PRECISION NOT NULL,
    taken_at   TEXT COLLATE "C" NOT NULL,
    version    BIGINT NOT NULL DEFAULT 1,
    -- Schema 4: entered by mistake, voided with a reason (a recorded fact;
    -- the row stays, shown struck through, and no rule counts it).
    voided_at       TEXT COLLATE "C",
    voided_by       BIGINT REFERENCES staff(id),
    void_reason     TEXT COLLATE "C"
);
CREATE INDEX lab_results_by_patient ON lab_results (patient_id);

-- R-DISCH-1: the discharge check, one per admission.
CREATE TABLE discharge_checks (
    id                    BIGINT PRIMARY KEY,
    admission_id          BIGINT NOT NULL UNIQUE REFERENCES admissions(id),
    padss_vitals          BIGINT CHECK (padss_vitals BETWEEN 0 AND 2),
    padss_activity        BIGINT CHECK (padss_activity BETWEEN 0 AND 2),
    padss_pain_nausea     BIGINT CHECK (padss_pain_nausea BETWEEN 0 AND 2),
    padss_bleeding        BIGINT CHECK (padss_bleeding BETWEEN 0 AND 2),
    padss_intake_output   BIGINT CHECK (padss_intake_output BETWEEN 0 AND 2),
    escort                BIGINT NOT NULL DEFAULT 0 CHECK (escort IN (0, 1)),
    letter_given_on       TEXT COLLATE "C",
    work_stop_certificate BIGINT NOT NULL DEFAULT 0 CHECK (work_stop_certificate IN (0, 1)),
    follow_up_appointment BIGINT NOT NULL DEFAULT 0 CHECK (follow_up_appointment IN (0, 1)),
    override_reason       TEXT COLLATE "C",
    version               BIGINT NOT NULL DEFAULT 1
);

-- R-DISCH-2: the phone call the day after discharge.
CREATE TABLE follow_up_calls (
    id           BIGINT PRIMARY KEY,
    admission_id BIGINT NOT NULL UNIQUE REFERENCES admissions(id),
    due_on       TEXT COLLATE "C" NOT NULL,
    done_at      TEXT COLLATE "C",
    notes        TEXT COLLATE "C",
    version      BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX follow_up_calls_by_due ON follow_up_calls (due_on);
-- The board lists calls not yet made, however old: keep that scan small.
CREATE INDEX follow_up_calls_open ON follow_up_calls (due_on) WHERE done_at IS NULL;

-- R-DO-1: a distraction case (section 8 of DOMAIN.md; schema 4, IF NOT EXISTS so
-- the upgrade step is this text). Lengths in mm, rate in
-- mm/day, rhythm in sessions/day; `outpatient` turns at home and reports by phone.
CREATE TABLE distraction_cases (
    id               BIGINT PRIMARY KEY,
    patient_id       BIGINT NOT NULL REFERENCES patients(id),
    site             TEXT COLLATE "C" NOT NULL CHECK (site IN
                       ('femur', 'tibia', 'humerus', 'mandible', 'midface', 'palate', 'other')),
    device           TEXT COLLATE "C" NOT NULL CHECK (device IN
                       ('circular_frame', 'hexapod', 'monolateral_rail', 'motorised_nail',
                        'internal_craniofacial', 'external_craniofacial')),
    mm_per_turn      DOUBLE PRECISION NOT NULL CHECK (mm_per_turn > 0),
    osteotomy_on     TEXT COLLATE "C" NOT NULL,
    latency_days     BIGINT NOT NULL CHECK (latency_days >= 0),
    rate_mm_day      DOUBLE PRECISION NOT NULL CHECK (rate_mm_day > 0),
    sessions_per_day BIGINT NOT NULL CHECK (sessions_per_day >= 1),
    target_mm        DOUBLE PRECISION NOT NULL CHECK (target_mm > 0),
    pins             BIGINT NOT NULL DEFAULT 0 CHECK (pins >= 0),
    pin_sites        TEXT COLLATE "C" NOT NULL DEFAULT '',
    outpatient       BIGINT NOT NULL DEFAULT 0 CHECK (outpatient IN (0, 1)),
    version          BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX distraction_cases_by_patient ON distraction_cases (patient_id);

-- R-DO-7: the recorded phase steps (start, pause, resume, end, removal).
CREATE TABLE distraction_phases (
    id          BIGINT PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES distraction_cases(id),
    kind        TEXT COLLATE "C" NOT NULL CHECK (kind IN ('start', 'pause', 'resume', 'end_distraction', 'removal')),
    on_day      TEXT COLLATE "C" NOT NULL,
    reason      TEXT COLLATE "C",
    rate_mm_day DOUBLE PRECISION CHECK (rate_mm_day IS NULL OR rate_mm_day > 0),
    recorded_by BIGINT NOT NULL REFERENCES staff(id),
    version     BIGINT NOT NULL DEFAULT 1,
    -- A step recorded by mistake is voided (who, when, why; schema 14): it
    -- counts in no plan, the audit keeps it.
    voided_at   TEXT COLLATE "C",
    voided_by   BIGINT REFERENCES staff(id),
    void_reason TEXT COLLATE "C"
);
CREATE INDEX distraction_phases_by_case ON distraction_phases (case_id);

-- R-DO-5: each session of turns, once (on the ward, or reported by phone).
CREATE TABLE distraction_sessions (
    id       BIGINT PRIMARY KEY,
    case_id  BIGINT NOT NULL REFERENCES distraction_cases(id),
    day      TEXT COLLATE "C" NOT NULL,
    session  BIGINT NOT NULL CHECK (session >= 1),
    turns    BIGINT NOT NULL CHECK (turns >= 0),
    done_at  TEXT COLLATE "C" NOT NULL,
    by_phone BIGINT NOT NULL DEFAULT 0 CHECK (by_phone IN (0, 1)),
    version  BIGINT NOT NULL DEFAULT 1,
    UNIQUE (case_id, day, session)
);

-- R-DO-5: the daily round; its pin grades are in `pin_grades`.
CREATE TABLE distraction_rounds (
    id               BIGINT PRIMARY KEY,
    case_id          BIGINT NOT NULL REFERENCES distraction_cases(id),
    at               TEXT COLLATE "C" NOT NULL,
    pain             BIGINT NOT NULL CHECK (pain BETWEEN 0 AND 10),
    sensation        TEXT COLLATE "C" NOT NULL CHECK (sensation IN ('normal', 'reduced', 'absent')),
    motor            TEXT COLLATE "C" NOT NULL CHECK (motor IN ('normal', 'weak', 'absent')),
    colour           TEXT COLLATE "C" NOT NULL CHECK (colour IN ('normal', 'pale', 'dusky')),
    rom_deg          BIGINT CHECK (rom_deg IS NULL OR rom_deg BETWEEN 0 AND 180),
    mouth_opening_mm BIGINT CHECK (mouth_opening_mm IS NULL OR mouth_opening_mm BETWEEN 0 AND 80),
    occlusion_ok     BIGINT CHECK (occlusion_ok IS NULL OR occlusion_ok IN (0, 1)),
    temperature_c    DOUBLE PRECISION,
    pin_care_done    BIGINT NOT NULL CHECK (pin_care_done IN (0, 1)),
    note             TEXT COLLATE "C" NOT NULL DEFAULT '',
    recorded_by      BIGINT NOT NULL REFERENCES staff(id),
    version          BIGINT NOT NULL DEFAULT 1,
    voided_at        TEXT COLLATE "C",
    voided_by        BIGINT REFERENCES staff(id),
    void_reason      TEXT COLLATE "C"
);
CREATE INDEX distraction_rounds_by_case ON distraction_rounds (case_id, at);

-- R-DO-5: each pin site's Checketts–Otterburn grade at a round (0–6).
CREATE TABLE pin_grades (
    id       BIGINT PRIMARY KEY,
    round_id BIGINT NOT NULL REFERENCES distraction_rounds(id),
    pin      BIGINT NOT NULL CHECK (pin >= 1),
    grade    BIGINT NOT NULL CHECK (grade BETWEEN 0 AND 6),
    version  BIGINT NOT NULL DEFAULT 1,
    UNIQUE (round_id, pin)
);

-- R-BLOCK-3, R-BLOCK-4: a change to the schedule made over a conflict that
-- allows it (or inside the freeze window), with the reason given. Never
-- edited; the audit row carries who and when as well.
CREATE TABLE block_overrides (
    id       BIGINT PRIMARY KEY,
    case_id  BIGINT NOT NULL REFERENCES cases(id),
    conflict TEXT COLLATE "C" NOT NULL,
    detail   TEXT COLLATE "C" NOT NULL,
    reason   TEXT COLLATE "C" NOT NULL CHECK (length(trim(reason)) > 0),
    at       TEXT COLLATE "C" NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES staff(id),
    version  BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX block_overrides_by_case ON block_overrides (case_id);

-- R-BLOCK-5: a case cancelled or postponed, with the reason from the list
-- (counted by reason); the stay's own step says the same in its history.
CREATE TABLE case_call_offs (
    id       BIGINT PRIMARY KEY,
    case_id  BIGINT NOT NULL REFERENCES cases(id),
    kind     TEXT COLLATE "C" NOT NULL CHECK (kind IN ('cancelled', 'postponed')),
    reason   TEXT COLLATE "C" NOT NULL CHECK (reason IN
               ('not_fasted', 'not_ready', 'no_bed', 'device_missing', 'patient_declined', 'medical', 'other')),
    note     TEXT COLLATE "C",
    at       TEXT COLLATE "C" NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES staff(id),
    version  BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX case_call_offs_by_at ON case_call_offs (at);

-- R-STOCK-1: device references (section 7 of DOMAIN.md; schema 9, IF NOT
-- EXISTS so the upgrade step is this text). `code` is the catalogue
-- reference on the label (REF); `gtin` the GTIN-14 of GS1 AI (01);
-- `min_stock` in units (R-STOCK-4); `mm_per_turn` for distractors (R-DO-1).
CREATE TABLE device_refs (
    id           BIGINT PRIMARY KEY,
    code         TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(code) > 0),
    manufacturer TEXT COLLATE "C" NOT NULL CHECK (length(manufacturer) > 0),
    name         TEXT COLLATE "C" NOT NULL CHECK (length(name) > 0),
    kind         TEXT COLLATE "C" NOT NULL CHECK (kind IN ('screw', 'cement_kit', 'trocar', 'cannula', 'distractor', 'other')),
    implantable  BIGINT NOT NULL CHECK (implantable IN (0, 1)),
    -- SQLite's `gtin NOT GLOB '*[^0-9]*'`: no character but the digits 0-9.
    gtin         TEXT COLLATE "C" UNIQUE CHECK (gtin IS NULL OR (length(gtin) = 14 AND gtin !~ '[^0-9]')),
    min_stock    BIGINT NOT NULL DEFAULT 0 CHECK (min_stock >= 0),
    mm_per_turn  DOUBLE PRECISION CHECK (mm_per_turn IS NULL OR mm_per_turn > 0),
    version      BIGINT NOT NULL DEFAULT 1
);

-- R-STOCK-1, R-STOCK-2: a lot (or a serialised unit) of a reference. The
-- counts are kept by the movement's transaction; the CHECKs refuse a
-- negative count and more reserved than on the shelf whatever writes them.
-- Status is computed (domain/stock/lots.rs), never stored. `scanned` is the
-- whole GS1 string the lot was received from (R-TRACE-3).
CREATE TABLE device_lots (
    id                BIGINT PRIMARY KEY,
    ref_id            BIGINT NOT NULL REFERENCES device_refs(id),
    lot               TEXT COLLATE "C",
    serial            TEXT COLLATE "C",
    expiry_on         TEXT COLLATE "C",
    quantity          BIGINT NOT NULL CHECK (quantity >= 0),
    reserved          BIGINT NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= quantity),
    location          TEXT COLLATE "C" NOT NULL DEFAULT '',
    quarantine_reason TEXT COLLATE "C",
    scanned           TEXT COLLATE "C",
    received_at       TEXT COLLATE "C" NOT NULL,
    version           BIGINT NOT NULL DEFAULT 1,
    CHECK (lot IS NOT NULL OR serial IS NOT NULL)
);
CREATE INDEX device_lots_by_ref ON device_lots (ref_id);

-- R-STOCK-2: every movement is a row. `units` moved (0 for a quarantine);
-- `case_id` for a reservation, a release and a use; `reason` for waste and
-- quarantine.
CREATE TABLE stock_movements (
    id       BIGINT PRIMARY KEY,
    lot_id   BIGINT NOT NULL REFERENCES device_lots(id),
    kind     TEXT COLLATE "C" NOT NULL CHECK (kind IN
               ('receive', 'reserve', 'release', 'implant', 'consume', 'return', 'waste', 'quarantine')),
    units    BIGINT NOT NULL CHECK (units >= 0),
    case_id  BIGINT REFERENCES cases(id),
    reason   TEXT COLLATE "C",
    at       TEXT COLLATE "C" NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES staff(id),
    version  BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX stock_movements_by_lot ON stock_movements (lot_id);

-- R-STOCK-2: units of a lot held for a case, kept by the reservation's,
-- release's and use's transaction.
CREATE TABLE case_devices (
    id       BIGINT PRIMARY KEY,
    case_id  BIGINT NOT NULL REFERENCES cases(id),
    lot_id   BIGINT NOT NULL REFERENCES device_lots(id),
    units    BIGINT NOT NULL CHECK (units >= 0),
    version  BIGINT NOT NULL DEFAULT 1,
    UNIQUE (case_id, lot_id)
);

-- R-TRACE-1: a device left in (or used on) a patient: lot/serial (through
-- the lot), patient, case, time, operator. Never deleted (the trigger);
-- kept 10 years, 40 for devices with blood derivatives.
CREATE TABLE implants (
    id          BIGINT PRIMARY KEY,
    movement_id BIGINT NOT NULL REFERENCES stock_movements(id),
    lot_id      BIGINT NOT NULL REFERENCES device_lots(id),
    case_id     BIGINT NOT NULL REFERENCES cases(id),
    patient_id  BIGINT NOT NULL REFERENCES patients(id),
    units       BIGINT NOT NULL CHECK (units > 0),
    at          TEXT COLLATE "C" NOT NULL,
    operator_id BIGINT REFERENCES staff(id),
    recorded_by BIGINT NOT NULL REFERENCES staff(id),
    version     BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX implants_by_lot ON implants (lot_id);
CREATE INDEX implants_by_patient ON implants (patient_id);
CREATE INDEX implants_by_case ON implants (case_id);

-- R-TRACE-1, R-STOCK-2: implant records and stock movements are never
-- deleted (SQLite's triggers of the same names, same messages). TRUNCATE
-- fires no row trigger, so each table has a TRUNCATE trigger too.
CREATE FUNCTION implants_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'implant records are kept (R-TRACE-1)';
END;
$$;
CREATE TRIGGER implants_are_kept BEFORE DELETE ON implants
    FOR EACH ROW EXECUTE FUNCTION implants_are_kept();
CREATE TRIGGER implants_are_kept_truncate BEFORE TRUNCATE ON implants
    FOR EACH STATEMENT EXECUTE FUNCTION implants_are_kept();

CREATE FUNCTION stock_movements_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock movements are kept (R-STOCK-2)';
END;
$$;
CREATE TRIGGER stock_movements_are_kept BEFORE DELETE ON stock_movements
    FOR EACH ROW EXECUTE FUNCTION stock_movements_are_kept();
CREATE TRIGGER stock_movements_are_kept_truncate BEFORE TRUNCATE ON stock_movements
    FOR EACH STATEMENT EXECUTE FUNCTION stock_movements_are_kept();

-- R-AUDIT-1: who changed what, when, before and after, written in the same
-- transaction as the change. The triggers keep it append-only.
-- R-AUDIT-3: `hash` chains each row to the one before (SHA-256 over the
-- previous hash and this row's fields; store/chain.rs), so an edit, a
-- deletion or a forged row behind the program's back shows in `periop check`.
-- `at`, `before`, `after` and `hash` stay text: the hash is over their exact
-- characters (timestamptz or jsonb would give them back changed).
CREATE TABLE audit (
    id         BIGINT PRIMARY KEY,
    at         TEXT COLLATE "C" NOT NULL,
    actor_id   BIGINT NOT NULL REFERENCES staff(id),
    table_name TEXT COLLATE "C" NOT NULL,
    row_id     BIGINT NOT NULL,
    action     TEXT COLLATE "C" NOT NULL CHECK (action IN ('insert', 'update')),
    before     TEXT COLLATE "C",
    after      TEXT COLLATE "C" NOT NULL,
    hash       TEXT COLLATE "C"
);
CREATE INDEX audit_by_row ON audit (table_name, row_id);

-- SQLite's AUTOINCREMENT on audit: the highest audit id there ever was
-- (sqlite_sequence's row 'audit'), so rows deleted from the end leave a gap
-- `periop check` reports (store/chain.rs). One row, kept by the triggers
-- below in the inserting transaction (a sequence would not roll back).
CREATE TABLE audit_seq (
    seq BIGINT NOT NULL
);
INSERT INTO audit_seq (seq) VALUES (0);

-- An audit insert without an id gets one past both the highest id ever
-- used and the highest present, as AUTOINCREMENT gives.
CREATE FUNCTION audit_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id IS NULL THEN
        NEW.id := greatest(
            (SELECT coalesce(max(seq), 0) FROM audit_seq),
            (SELECT coalesce(max(id), 0) FROM audit)) + 1;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_next_id BEFORE INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_next_id();

-- Each inserted id raises the counter (never lowers it); a missing row is
-- put back, as SQLite does with sqlite_sequence.
CREATE FUNCTION audit_seq_follows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE audit_seq SET seq = greatest(seq, NEW.id);
    IF NOT FOUND THEN
        INSERT INTO audit_seq (seq) VALUES (NEW.id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER audit_seq_follows AFTER INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_seq_follows();

CREATE FUNCTION audit_is_append_only_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log cannot be changed';
END;
$$;
CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only_update();

-- SQLite's guard against REPLACE (a delete and insert that fires no DELETE
-- trigger). PostgreSQL has no REPLACE and the primary key refuses a second
-- row with an id; kept so an insert over an existing id gets SQLite's
-- message, and so `INSERT … ON CONFLICT DO UPDATE` is refused by the same
-- words whichever trigger sees it first.
CREATE FUNCTION audit_is_append_only_replace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit WHERE id = NEW.id) THEN
        RAISE EXCEPTION 'the audit log cannot be changed';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_is_append_only_replace BEFORE INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only_replace();

-- TRUNCATE (of audit, or of staff … CASCADE) fires no DELETE trigger.
CREATE FUNCTION audit_is_append_only_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log cannot be deleted';
END;
$$;
CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only_delete();
CREATE TRIGGER audit_is_append_only_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only_delete();

-- Search (schema 4): SQLite's FTS5 indexes as tables the write path keeps
-- in step in the same transaction (store/search.rs). The words are split
-- and folded in Rust (`search::terms`: PostgreSQL's own parser splits
-- differently) and stored as a tsvector; the GIN indexes answer whole-word
-- and prefix (`'merc':*`) queries.
-- audit_search: id = audit id; no text (FTS5's table is contentless).
-- patient_search: id = patient id, with the document (surname, first name,
-- hospital number) as FTS5 keeps it.
-- audit_terms: every word audit_search holds, folded, so a typed prefix
-- becomes the few whole words it starts (a range scan in binary order).
-- Their ids are always given (the row they describe): no id trigger.
CREATE TABLE audit_search (
    id  BIGINT PRIMARY KEY,
    tsv tsvector NOT NULL
);
CREATE INDEX audit_search_by_word ON audit_search USING gin (tsv);
CREATE TABLE patient_search (
    id  BIGINT PRIMARY KEY,
    doc TEXT COLLATE "C" NOT NULL,
    tsv tsvector NOT NULL
);
CREATE INDEX patient_search_by_word ON patient_search USING gin (tsv);
CREATE TABLE audit_terms (term TEXT COLLATE "C" PRIMARY KEY);

-- R-BLOCK-6: the J0 timeline of a case: each event (arrived, in room,
-- anaesthesia start, procedure start, procedure end, out of room, recovery,
-- back on ward) with the time it happened and who recorded it (schema 10;
-- IF NOT EXISTS so the upgrade step is this text). A time entered wrongly
-- is corrected as an intake is: the row is voided (who, when, why) and the
-- right time recorded as a new row; the audit keeps both.
CREATE TABLE case_events (
    id          BIGINT PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES cases(id),
    kind        TEXT COLLATE "C" NOT NULL CHECK (kind IN ('arrived', 'in_room', 'anaesthesia_start', 'procedure_start',
                  'procedure_end', 'out_of_room', 'recovery', 'back_on_ward')),
    at          TEXT COLLATE "C" NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES staff(id),
    voided_at   TEXT COLLATE "C",
    voided_by   BIGINT REFERENCES staff(id),
    void_reason TEXT COLLATE "C",
    version     BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX case_events_by_case ON case_events (case_id);

-- R-COMP-1: complications, per patient and (when known) case: kind, the
-- ward day it began, severity, who recorded it and when; open until a
-- doctor closes it with an outcome (schema 12; IF NOT EXISTS so the upgrade
-- step is this text). One entered by mistake is voided (who, when, why).
CREATE TABLE complications (
    id          BIGINT PRIMARY KEY,
    patient_id  BIGINT NOT NULL REFERENCES patients(id),
    case_id     BIGINT REFERENCES cases(id),
    kind        TEXT COLLATE "C" NOT NULL CHECK (kind IN ('infection', 'persistent_pain', 'non_union', 'malunion',
                  'implant_reaction', 'nerve_damage', 'joint_stiffness', 'device_problem', 'occlusion_problem',
                  'heterotopic_ossification', 'other')),
    onset_on    TEXT COLLATE "C" NOT NULL,
    severity    TEXT COLLATE "C" NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
    description TEXT COLLATE "C" NOT NULL DEFAULT '',
    recorded_by BIGINT NOT NULL REFERENCES staff(id),
    recorded_at TEXT COLLATE "C" NOT NULL,
    closed_at   TEXT COLLATE "C",
    closed_by   BIGINT REFERENCES staff(id),
    outcome     TEXT COLLATE "C",
    voided_at   TEXT COLLATE "C",
    voided_by   BIGINT REFERENCES staff(id),
    void_reason TEXT COLLATE "C",
    version     BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX complications_by_patient ON complications (patient_id);

-- R-HO-1: heterotopic ossification follow-up after a surgery: the
-- prophylaxis (none; an NSAID course from `prophylaxis_at` for `nsaid_days`
-- days; or one radiotherapy dose of `dose_gy` Gy at `prophylaxis_at`), why a
-- radiotherapy outside 4 h before to 72 h after surgery was recorded anyway,
-- the X-ray check's ward day and its Brooker grade (0, I-IV).
CREATE TABLE ho_follow_ups (
    id             BIGINT PRIMARY KEY,
    patient_id     BIGINT NOT NULL REFERENCES patients(id),
    case_id        BIGINT REFERENCES cases(id),
    surgery_at     TEXT COLLATE "C" NOT NULL,
    prophylaxis    TEXT COLLATE "C" NOT NULL CHECK (prophylaxis IN ('none', 'nsaid', 'radiotherapy')),
    prophylaxis_at TEXT COLLATE "C",
    drug           TEXT COLLATE "C",
    nsaid_days     BIGINT CHECK (nsaid_days IS NULL OR nsaid_days >= 1),
    dose_gy        DOUBLE PRECISION CHECK (dose_gy IS NULL OR dose_gy > 0),
    timing_reason  TEXT COLLATE "C",
    xray_on        TEXT COLLATE "C",
    brooker        TEXT COLLATE "C" CHECK (brooker IS NULL OR brooker IN ('0', 'I', 'II', 'III', 'IV')),
    recorded_by    BIGINT NOT NULL REFERENCES staff(id),
    recorded_at    TEXT COLLATE "C" NOT NULL,
    voided_at      TEXT COLLATE "C",
    voided_by      BIGINT REFERENCES staff(id),
    void_reason    TEXT COLLATE "C",
    version        BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX ho_follow_ups_by_patient ON ho_follow_ups (patient_id);

-- R-DO-8: a hexapod frame's prescription (schema 13; IF NOT EXISTS so the
-- upgrade step is this text). Versioned: each re-plan (after an X-ray) is
-- the case's next revision and makes the revisions before it void on every
-- sheet. `correction_mm` at `rate_mm_day` is what the planning software
-- states (at the structure at risk); the table's days must agree with it.
CREATE TABLE hexapod_prescriptions (
    id            BIGINT PRIMARY KEY,
    case_id       BIGINT NOT NULL REFERENCES distraction_cases(id),
    revision      BIGINT NOT NULL CHECK (revision >= 1),
    correction_mm DOUBLE PRECISION NOT NULL CHECK (correction_mm > 0),
    rate_mm_day   DOUBLE PRECISION NOT NULL CHECK (rate_mm_day > 0),
    source        TEXT COLLATE "C" NOT NULL DEFAULT '',
    note          TEXT COLLATE "C" NOT NULL DEFAULT '',
    recorded_by   BIGINT NOT NULL REFERENCES staff(id),
    recorded_at   TEXT COLLATE "C" NOT NULL,
    version       BIGINT NOT NULL DEFAULT 1,
    UNIQUE (case_id, revision)
);

-- R-DO-8: the struts of a revision: number, colour, catalogue size and its
-- range in mm, from a day; a strut change is a later row of the same strut.
CREATE TABLE hexapod_struts (
    id              BIGINT PRIMARY KEY,
    prescription_id BIGINT NOT NULL REFERENCES hexapod_prescriptions(id),
    strut           BIGINT NOT NULL CHECK (strut BETWEEN 1 AND 6),
    from_day        TEXT COLLATE "C" NOT NULL,
    colour          TEXT COLLATE "C" NOT NULL,
    size            TEXT COLLATE "C" NOT NULL,
    min_mm          DOUBLE PRECISION NOT NULL CHECK (min_mm > 0),
    max_mm          DOUBLE PRECISION NOT NULL CHECK (max_mm > min_mm),
    version         BIGINT NOT NULL DEFAULT 1,
    UNIQUE (prescription_id, strut, from_day)
);

-- R-DO-8: the day × strut table: each strut's length in mm each day (the
-- first day is the frame as it stands; each later day is adjusted to).
CREATE TABLE hexapod_lengths (
    id              BIGINT PRIMARY KEY,
    prescription_id BIGINT NOT NULL REFERENCES hexapod_prescriptions(id),
    day             TEXT COLLATE "C" NOT NULL,
    strut           BIGINT NOT NULL CHECK (strut BETWEEN 1 AND 6),
    length_mm       DOUBLE PRECISION NOT NULL CHECK (length_mm > 0),
    version         BIGINT NOT NULL DEFAULT 1,
    UNIQUE (prescription_id, day, strut)
);

-- R-DO-8: each strut adjustment as it was made: the day of the table it
-- was for, the length the strut was set to, when, by whom (on the ward or
-- reported by phone). One entered by mistake is voided (who, when, why).
CREATE TABLE hexapod_adjustments (
    id              BIGINT PRIMARY KEY,
    prescription_id BIGINT NOT NULL REFERENCES hexapod_prescriptions(id),
    day             TEXT COLLATE "C" NOT NULL,
    strut           BIGINT NOT NULL CHECK (strut BETWEEN 1 AND 6),
    length_mm       DOUBLE PRECISION NOT NULL CHECK (length_mm > 0),
    done_at         TEXT COLLATE "C" NOT NULL,
    by_phone        BIGINT NOT NULL DEFAULT 0 CHECK (by_phone IN (0, 1)),
    recorded_by     BIGINT NOT NULL REFERENCES staff(id),
    voided_at       TEXT COLLATE "C",
    voided_by       BIGINT REFERENCES staff(id),
    void_reason     TEXT COLLATE "C",
    version         BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX hexapod_adjustments_by_prescription ON hexapod_adjustments (prescription_id, day);

-- Every table with an id but `audit` (its own, above) and the search tables
-- (given ids): max(id) + 1 when an insert gives none (periop_next_id, top).
CREATE TRIGGER staff_next_id BEFORE INSERT ON staff FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER settings_next_id BEFORE INSERT ON settings FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER patients_next_id BEFORE INSERT ON patients FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER rooms_next_id BEFORE INSERT ON rooms FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER beds_next_id BEFORE INSERT ON beds FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER procedure_kinds_next_id BEFORE INSERT ON procedure_kinds FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER admissions_next_id BEFORE INSERT ON admissions FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER admission_steps_next_id BEFORE INSERT ON admission_steps FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER cases_next_id BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER case_checks_next_id BEFORE INSERT ON case_checks FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER anaesthesia_consultations_next_id BEFORE INSERT ON anaesthesia_consultations FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER intakes_next_id BEFORE INSERT ON intakes FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER treatments_next_id BEFORE INSERT ON treatments FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER lab_results_next_id BEFORE INSERT ON lab_results FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER discharge_checks_next_id BEFORE INSERT ON discharge_checks FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER follow_up_calls_next_id BEFORE INSERT ON follow_up_calls FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER distraction_cases_next_id BEFORE INSERT ON distraction_cases FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER distraction_phases_next_id BEFORE INSERT ON distraction_phases FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER distraction_sessions_next_id BEFORE INSERT ON distraction_sessions FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER distraction_rounds_next_id BEFORE INSERT ON distraction_rounds FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER pin_grades_next_id BEFORE INSERT ON pin_grades FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER block_overrides_next_id BEFORE INSERT ON block_overrides FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER case_call_offs_next_id BEFORE INSERT ON case_call_offs FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER device_refs_next_id BEFORE INSERT ON device_refs FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER device_lots_next_id BEFORE INSERT ON device_lots FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER stock_movements_next_id BEFORE INSERT ON stock_movements FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER case_devices_next_id BEFORE INSERT ON case_devices FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER implants_next_id BEFORE INSERT ON implants FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER case_events_next_id BEFORE INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER complications_next_id BEFORE INSERT ON complications FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER ho_follow_ups_next_id BEFORE INSERT ON ho_follow_ups FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER hexapod_prescriptions_next_id BEFORE INSERT ON hexapod_prescriptions FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER hexapod_struts_next_id BEFORE INSERT ON hexapod_struts FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER hexapod_lengths_next_id BEFORE INSERT ON hexapod_lengths FOR EACH ROW EXECUTE FUNCTION periop_next_id();
CREATE TRIGGER hexapod_adjustments_next_id BEFORE INSERT ON hexapod_adjustments FOR EACH ROW EXECUTE FUNCTION periop_next_id();

-- Whose database this is (SQLite: application_id "PeRi" in the file
-- header). The program writes the schema version (`key` 'schema_version',
-- SQLite's user_version) in the same transaction.
CREATE TABLE periop_meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);
INSERT INTO periop_meta (key, value) VALUES ('application', 'periop');
