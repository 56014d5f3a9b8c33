-- Service records (issue 5): check-in and check-out, the hours policy, the append-only ledger
-- of service entries, training, awards, evaluations, complaints, star levels, the working-day
-- calendar and certificates.

-- Secrets for signing check-in QR codes and volunteer cards, made once and shared by every node.
CREATE TABLE servicerecord_secret (
	name VARCHAR(32) PRIMARY KEY,
	secret BYTEA NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- An activity's hours policy; activities without a row follow the association's default
-- (configuration). Buckets: "15:0,45:0.5,60:1" = up to 15 minutes of a started hour count 0 h,
-- up to 45 half an hour, up to 60 a whole hour.
CREATE TABLE hours_policy (
	activity_id BIGINT PRIMARY KEY REFERENCES activity (id),
	min_share_percent INTEGER CHECK (min_share_percent BETWEEN 0 AND 100),
	buckets VARCHAR(200),
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	updated_by BIGINT REFERENCES account (id)
);

-- Fixed hours for everyone attending a position (e.g. 4 h for a guide), instead of the time measured.
CREATE TABLE position_fixed_hours (
	position_id BIGINT PRIMARY KEY REFERENCES session_position (id) ON DELETE CASCADE,
	hours NUMERIC(6, 2) NOT NULL CHECK (hours > 0 AND hours <= 24)
);

-- An optional geofence: check-in by code or QR must come from within the radius, with consent.
CREATE TABLE session_geofence (
	session_id BIGINT PRIMARY KEY REFERENCES activity_session (id),
	latitude DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
	longitude DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
	radius_m INTEGER NOT NULL CHECK (radius_m BETWEEN 20 AND 5000)
);

-- One attendance per volunteer and session: the unique key makes repeated and concurrent scans
-- idempotent. Only the check-in point is kept (with consent), never a track.
CREATE TABLE attendance (
	id BIGSERIAL PRIMARY KEY,
	session_id BIGINT NOT NULL REFERENCES activity_session (id),
	volunteer_id BIGINT NOT NULL REFERENCES volunteer (id),
	position_id BIGINT REFERENCES session_position (id) ON DELETE SET NULL,
	checked_in_at TIMESTAMP WITH TIME ZONE NOT NULL,
	check_in_method VARCHAR(16) NOT NULL CHECK (check_in_method IN ('QR', 'CODE', 'CARD', 'ROSTER')),
	checked_in_by BIGINT REFERENCES account (id),
	checked_out_at TIMESTAMP WITH TIME ZONE,
	check_out_method VARCHAR(16) CHECK (check_out_method IN ('QR', 'CODE', 'CARD', 'ROSTER', 'AUTO')),
	checked_out_by BIGINT REFERENCES account (id),
	latitude DOUBLE PRECISION,
	longitude DOUBLE PRECISION,
	-- the check-out was missing and the session's end was taken: the organiser confirms it
	auto_closed BOOLEAN NOT NULL DEFAULT FALSE,
	reviewed_at TIMESTAMP WITH TIME ZONE,
	reviewed_by BIGINT REFERENCES account (id),
	UNIQUE (session_id, volunteer_id),
	CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at),
	CHECK ((checked_out_at IS NULL) = (check_out_method IS NULL))
);

CREATE INDEX attendance_open ON attendance (session_id) WHERE checked_out_at IS NULL;

-- Evidence and proof files (self-declared hours, government awards).
CREATE TABLE service_file (
	id BIGSERIAL PRIMARY KEY,
	volunteer_id BIGINT NOT NULL REFERENCES volunteer (id),
	file_name VARCHAR(200) NOT NULL,
	content_type VARCHAR(100) NOT NULL,
	size_bytes INTEGER NOT NULL,
	content BYTEA NOT NULL,
	uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	uploaded_by BIGINT REFERENCES account (id)
);

-- The ledger. A SESSION entry is made at check-out (one per volunteer and session); a
-- SELF_DECLARED entry by the volunteer for service outside the platform; a CORRECTION entry
-- refers to the entry it corrects, holds the hours it adds (negative to take away) and the
-- corrected fields. PENDING until confirmed (or rejected); after that never changed or deleted
-- (the trigger below). A volunteer's total is the sum of their CONFIRMED entries.
CREATE TABLE service_entry (
	id BIGSERIAL PRIMARY KEY,
	volunteer_id BIGINT NOT NULL REFERENCES volunteer (id),
	kind VARCHAR(16) NOT NULL CHECK (kind IN ('SESSION', 'SELF_DECLARED', 'CORRECTION')),
	corrects_id BIGINT REFERENCES service_entry (id),
	session_id BIGINT REFERENCES activity_session (id),
	activity_id BIGINT REFERENCES activity (id),
	campaign_id BIGINT REFERENCES campaign (id),
	attendance_id BIGINT REFERENCES attendance (id),
	activity_name VARCHAR(200) NOT NULL,
	service_date DATE NOT NULL,
	place VARCHAR(500),
	content VARCHAR(2000) NOT NULL,
	hours NUMERIC(8, 2) NOT NULL,
	-- the rule that made the hours: a message key of the servicerecord bundle and its arguments
	hours_rule VARCHAR(64),
	hours_rule_args VARCHAR(300),
	organising_unit_id BIGINT REFERENCES unit (id),
	organising_unit_name VARCHAR(200),
	lead_name VARCHAR(100),
	recording_unit_id BIGINT NOT NULL REFERENCES unit (id),
	recording_unit_name VARCHAR(200) NOT NULL,
	-- a correction's reason, a self-declaration's description
	reason VARCHAR(2000),
	evidence_file_id BIGINT REFERENCES service_file (id),
	status VARCHAR(16) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED')),
	-- confirm by: 10 working days after the service
	due_on DATE NOT NULL,
	recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	recorded_by BIGINT REFERENCES account (id),
	decided_at TIMESTAMP WITH TIME ZONE,
	decided_by BIGINT REFERENCES account (id),
	decision_note VARCHAR(1000),
	CHECK ((kind = 'CORRECTION') = (corrects_id IS NOT NULL)),
	CHECK (kind = 'CORRECTION' OR hours >= 0),
	CHECK (kind <> 'SESSION' OR session_id IS NOT NULL),
	CHECK ((status = 'PENDING') = (decided_at IS NULL))
);

CREATE UNIQUE INDEX service_entry_one_per_session ON service_entry (volunteer_id, session_id) WHERE kind = 'SESSION';
-- one open correction per entry at a time
CREATE UNIQUE INDEX service_entry_one_open_correction ON service_entry (corrects_id)
	WHERE kind = 'CORRECTION' AND status = 'PENDING';
-- a volunteer's total and history: an index-only sum
CREATE INDEX service_entry_volunteer ON service_entry (volunteer_id, status, service_date) INCLUDE (hours);
CREATE INDEX service_entry_pending ON service_entry (recording_unit_id, due_on) WHERE status = 'PENDING';
CREATE INDEX service_entry_session ON service_entry (session_id);
CREATE INDEX service_entry_unit_date ON service_entry (recording_unit_id, service_date);

CREATE FUNCTION service_entry_append_only() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'service entries are never deleted (entry %)', OLD.id;
	END IF;
	IF OLD.status <> 'PENDING' THEN
		RAISE EXCEPTION 'service entry % is % and never changes; correct it with a new entry', OLD.id, OLD.status;
	END IF;
	IF NEW.id <> OLD.id OR NEW.volunteer_id <> OLD.volunteer_id OR NEW.kind <> OLD.kind
			OR NEW.corrects_id IS DISTINCT FROM OLD.corrects_id THEN
		RAISE EXCEPTION 'service entry % keeps its volunteer, kind and original', OLD.id;
	END IF;
	RETURN NEW;
END $$;

CREATE TRIGGER service_entry_append_only BEFORE UPDATE OR DELETE ON service_entry
	FOR EACH ROW EXECUTE FUNCTION service_entry_append_only();

CREATE TABLE training_record (
	id BIGSERIAL PRIMARY KEY,
	volunteer_id BIGINT NOT NULL REFERENCES volunteer (id),
	name VARCHAR(200) NOT NULL,
	content VARCHAR(2000),
	hours NUMERIC(6, 2) NOT NULL CHECK (hours >= 0 AND hours <= 1000),
	organiser VARCHAR(200) NOT NULL,
	held_on DATE NOT NULL,
	recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	recorded_by BIGINT REFERENCES account (id)
);

CREATE INDEX training_record_volunteer ON training_record (volunteer_id, held_on);

CREATE TABLE award (
	id BIGSERIAL PRIMARY KEY,
	volunteer_id BIGINT NOT NULL REFERENCES volunteer (id),
	name VARCHAR(200) NOT NULL,
	awarded_on DATE NOT NULL,
	awarding_body VARCHAR(200) NOT NULL,
	government BOOLEAN NOT NULL DEFAULT FALSE,
	proof_file_id BIGINT REFERENCES service_file (id),
	recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	recorded_by BIGINT REFERENCES account (id),
	-- a government award is recorded only with its proof
	CHECK (NOT government OR proof_file_id IS NOT NULL)
);

CREATE INDEX award_volunteer ON award (volunteer_id, awarded_on);

CREATE TABLE evaluation (
	id BIGSERIAL PRIMARY KEY,
	volunteer_id BIGINT NOT NULL REFERENCES volunteer (id),
	rating VARCHAR(16) NOT NULL CHECK (rating IN ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
	evaluated_on DATE NOT NULL,
	evaluator VARCHAR(200) NOT NULL,
	comment VARCHAR(2000),
	recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	recorded_by BIGINT REFERENCES account (id)
);

CREATE INDEX evaluation_volunteer ON evaluation (volunteer_id, evaluated_on);

-- Complaints about a volunteer's service, and what came of them.
CREATE TABLE complaint (
	id BIGSERIAL PRIMARY KEY,
	volunteer_id BIGINT NOT NULL REFERENCES volunteer (id),
	received_on DATE NOT NULL,
	content VARCHAR(2000) NOT NULL,
	status VARCHAR(16) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
	resolution VARCHAR(2000),
	recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	recorded_by BIGINT REFERENCES account (id),
	resolved_at TIMESTAMP WITH TIME ZONE,
	resolved_by BIGINT REFERENCES account (id)
);

CREATE INDEX complaint_volunteer ON complaint (volunteer_id, received_on);

-- The highest star level a volunteer has reached, so that each new level is announced once.
CREATE TABLE star_level (
	volunteer_id BIGINT PRIMARY KEY REFERENCES volunteer (id),
	level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 10),
	hours NUMERIC(10, 2) NOT NULL,
	reached_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- Exceptions to the Monday-to-Friday week: public holidays (working = false) and make-up
-- working days on a weekend (working = true), as the State Council announces them each year.
CREATE TABLE working_day_exception (
	day DATE PRIMARY KEY,
	working BOOLEAN NOT NULL,
	name VARCHAR(100) NOT NULL
);

INSERT INTO working_day_exception (day, working, name) VALUES
	-- 2025 (国办发明电〔2024〕12号)
	('2025-01-01', FALSE, '元旦'),
	('2025-01-26', TRUE, '春节调休上班'),
	('2025-01-28', FALSE, '春节'), ('2025-01-29', FALSE, '春节'), ('2025-01-30', FALSE, '春节'),
	('2025-01-31', FALSE, '春节'), ('2025-02-01', FALSE, '春节'), ('2025-02-02', FALSE, '春节'),
	('2025-02-03', FALSE, '春节'), ('2025-02-04', FALSE, '春节'),
	('2025-02-08', TRUE, '春节调休上班'),
	('2025-04-04', FALSE, '清明节'), ('2025-04-05', FALSE, '清明节'), ('2025-04-06', FALSE, '清明节'),
	('2025-04-27', TRUE, '劳动节调休上班'),
	('2025-05-01', FALSE, '劳动节'), ('2025-05-02', FALSE, '劳动节'), ('2025-05-03', FALSE, '劳动节'),
	('2025-05-04', FALSE, '劳动节'), ('2025-05-05', FALSE, '劳动节'),
	('2025-05-31', FALSE, '端午节'), ('2025-06-01', FALSE, '端午节'), ('2025-06-02', FALSE, '端午节'),
	('2025-09-28', TRUE, '国庆节调休上班'),
	('2025-10-01', FALSE, '国庆节、中秋节'), ('2025-10-02', FALSE, '国庆节、中秋节'),
	('2025-10-03', FALSE, '国庆节、中秋节'), ('2025-10-04', FALSE, '国庆节、中秋节'),
	('2025-10-05', FALSE, '国庆节、中秋节'), ('2025-10-06', FALSE, '国庆节、中秋节'),
	('2025-10-07', FALSE, '国庆节、中秋节'), ('2025-10-08', FALSE, '国庆节、中秋节'),
	('2025-10-11', TRUE, '国庆节调休上班'),
	-- 2026 (国务院办公厅 2025-11-04)
	('2026-01-01', FALSE, '元旦'), ('2026-01-02', FALSE, '元旦'), ('2026-01-03', FALSE, '元旦'),
	('2026-01-04', TRUE, '元旦调休上班'),
	('2026-02-14', TRUE, '春节调休上班'),
	('2026-02-15', FALSE, '春节'), ('2026-02-16', FALSE, '春节'), ('2026-02-17', FALSE, '春节'),
	('2026-02-18', FALSE, '春节'), ('2026-02-19', FALSE, '春节'), ('2026-02-20', FALSE, '春节'),
	('2026-02-21', FALSE, '春节'), ('2026-02-22', FALSE, '春节'), ('2026-02-23', FALSE, '春节'),
	('2026-02-28', TRUE, '春节调休上班'),
	('2026-04-04', FALSE, '清明节'), ('2026-04-05', FALSE, '清明节'), ('2026-04-06', FALSE, '清明节'),
	('2026-05-01', FALSE, '劳动节'), ('2026-05-02', FALSE, '劳动节'), ('2026-05-03', FALSE, '劳动节'),
	('2026-05-04', FALSE, '劳动节'), ('2026-05-05', FALSE, '劳动节'),
	('2026-05-09', TRUE, '劳动节调休上班'),
	('2026-06-19', FALSE, '端午节'), ('2026-06-20', FALSE, '端午节'), ('2026-06-21', FALSE, '端午节'),
	('2026-09-20', TRUE, '国庆节调休上班'),
	('2026-09-25', FALSE, '中秋节'), ('2026-09-26', FALSE, '中秋节'), ('2026-09-27', FALSE, '中秋节'),
	('2026-10-01', FALSE, '国庆节'), ('2026-10-02', FALSE, '国庆节'), ('2026-10-03', FALSE, '国庆节'),
	('2026-10-04', FALSE, '国庆节'), ('2026-10-05', FALSE, '国庆节'), ('2026-10-06', FALSE, '国庆节'),
	('2026-10-07', FALSE, '国庆节'),
	('2026-10-10', TRUE, '国庆节调休上班');

CREATE SEQUENCE certificate_number_seq;

-- A certificate as issued: the figures it states and the PDF itself, so that it reads the same
-- whenever it is downloaded again or verified. Revoked, never deleted.
CREATE TABLE certificate (
	id BIGSERIAL PRIMARY KEY,
	number VARCHAR(32) NOT NULL UNIQUE,
	verify_code VARCHAR(32) NOT NULL UNIQUE,
	volunteer_id BIGINT NOT NULL REFERENCES volunteer (id),
	period_from DATE NOT NULL,
	period_to DATE NOT NULL,
	hours NUMERIC(10, 2) NOT NULL,
	name_masked VARCHAR(100) NOT NULL,
	issuer_unit_id BIGINT NOT NULL REFERENCES unit (id),
	issuer_name VARCHAR(200) NOT NULL,
	person_in_charge VARCHAR(100),
	pdf BYTEA NOT NULL,
	issued_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	issued_by BIGINT REFERENCES account (id),
	revoked_at TIMESTAMP WITH TIME ZONE,
	revoked_by BIGINT REFERENCES account (id),
	revoke_reason VARCHAR(1000),
	CHECK (period_from <= period_to),
	CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);

CREATE INDEX certificate_volunteer ON certificate (volunteer_id, issued_at);
