-- Service profile corrections and withdrawals (training, awards, evaluations, complaints), and
-- the erasure of a volunteer's files and free texts in service records when they are anonymised.

-- An admin corrects an entry (version counts the changes, so that two admins correcting the same
-- entry at once do not overwrite each other unseen) or withdraws it: a withdrawn entry is kept
-- with who, when and why, hidden from the volunteer. The reason goes when the volunteer is
-- anonymised (it may speak of them), the who and when stay.
ALTER TABLE training_record
	ADD COLUMN version INTEGER NOT NULL DEFAULT 0,
	ADD COLUMN corrected_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN corrected_by BIGINT REFERENCES account (id),
	ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN withdrawn_by BIGINT REFERENCES account (id),
	ADD COLUMN withdraw_reason VARCHAR(1000),
	ADD CONSTRAINT training_record_withdrawal CHECK (withdrawn_at IS NOT NULL OR (withdrawn_by IS NULL AND withdraw_reason IS NULL));

ALTER TABLE award
	ADD COLUMN version INTEGER NOT NULL DEFAULT 0,
	ADD COLUMN corrected_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN corrected_by BIGINT REFERENCES account (id),
	ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN withdrawn_by BIGINT REFERENCES account (id),
	ADD COLUMN withdraw_reason VARCHAR(1000),
	ADD CONSTRAINT award_withdrawal CHECK (withdrawn_at IS NOT NULL OR (withdrawn_by IS NULL AND withdraw_reason IS NULL));

ALTER TABLE evaluation
	ADD COLUMN version INTEGER NOT NULL DEFAULT 0,
	ADD COLUMN corrected_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN corrected_by BIGINT REFERENCES account (id),
	ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN withdrawn_by BIGINT REFERENCES account (id),
	ADD COLUMN withdraw_reason VARCHAR(1000),
	ADD CONSTRAINT evaluation_withdrawal CHECK (withdrawn_at IS NOT NULL OR (withdrawn_by IS NULL AND withdraw_reason IS NULL));

ALTER TABLE complaint
	ADD COLUMN version INTEGER NOT NULL DEFAULT 0,
	ADD COLUMN corrected_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN corrected_by BIGINT REFERENCES account (id),
	ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN withdrawn_by BIGINT REFERENCES account (id),
	ADD COLUMN withdraw_reason VARCHAR(1000),
	ADD CONSTRAINT complaint_withdrawal CHECK (withdrawn_at IS NOT NULL OR (withdrawn_by IS NULL AND withdraw_reason IS NULL));

-- An erased file keeps its row, because confirmed ledger entries refer to their evidence and
-- never change (V15's trigger), and a government award refers to its proof; its name and bytes go.
ALTER TABLE service_file
	ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE,
	ADD CONSTRAINT service_file_erased CHECK (erased_at IS NULL OR (size_bytes = 0 AND octet_length(content) = 0));

-- Volunteers anonymised before this migration: erase now what anonymisation erases from here on
-- (ServiceRecordErasure).
UPDATE service_file SET file_name = 'erased', size_bytes = 0, content = ''::bytea, erased_at = now()
WHERE erased_at IS NULL AND volunteer_id IN (SELECT id FROM volunteer WHERE anonymised_at IS NOT NULL);
UPDATE complaint SET content = '', resolution = NULL, withdraw_reason = NULL
WHERE volunteer_id IN (SELECT id FROM volunteer WHERE anonymised_at IS NOT NULL);
UPDATE evaluation SET comment = NULL
WHERE volunteer_id IN (SELECT id FROM volunteer WHERE anonymised_at IS NOT NULL);
UPDATE attendance SET latitude = NULL, longitude = NULL
WHERE latitude IS NOT NULL AND volunteer_id IN (SELECT id FROM volunteer WHERE anonymised_at IS NOT NULL);
