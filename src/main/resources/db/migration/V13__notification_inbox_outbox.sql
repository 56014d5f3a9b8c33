-- Notifications: what a volunteer sees in the app, the mails waiting to go out, reminders sent,
-- and each account's preferences (email on/off, quiet hours).

CREATE TABLE notification (
	id BIGSERIAL PRIMARY KEY,
	account_id BIGINT NOT NULL REFERENCES account (id),
	kind VARCHAR(40) NOT NULL,
	title VARCHAR(300) NOT NULL,
	body TEXT NOT NULL,
	link VARCHAR(500),
	created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
	read_at TIMESTAMPTZ
);

CREATE INDEX notification_account_idx ON notification (account_id, created_at DESC, id DESC);
CREATE INDEX notification_unread_idx ON notification (account_id) WHERE read_at IS NULL;

-- Mails to send. A row is claimed (PENDING -> SENDING) by one node at a time with
-- FOR UPDATE SKIP LOCKED; a claim left by a node that died is taken again after claimed_until.
-- not_before holds a mail until the recipient's quiet hours end, or until the next retry.
CREATE TABLE notification_outbox (
	id BIGSERIAL PRIMARY KEY,
	account_id BIGINT REFERENCES account (id),
	recipient VARCHAR(320) NOT NULL,
	subject VARCHAR(300) NOT NULL,
	body TEXT NOT NULL,
	not_before TIMESTAMPTZ NOT NULL,
	status VARCHAR(10) NOT NULL DEFAULT 'PENDING',
	attempts INTEGER NOT NULL DEFAULT 0,
	claimed_until TIMESTAMPTZ,
	last_error VARCHAR(200),
	created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
	sent_at TIMESTAMPTZ,
	CONSTRAINT notification_outbox_status_ck CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED'))
);

CREATE INDEX notification_outbox_due_idx ON notification_outbox (not_before) WHERE status = 'PENDING';
CREATE INDEX notification_outbox_claimed_idx ON notification_outbox (claimed_until) WHERE status = 'SENDING';

-- One reminder per sign-up: inserting the row is the guard (two runs or two nodes send one).
CREATE TABLE notification_reminder (
	signup_id BIGINT PRIMARY KEY,
	sent_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE notification_preference (
	account_id BIGINT PRIMARY KEY REFERENCES account (id),
	email_enabled BOOLEAN NOT NULL DEFAULT TRUE,
	quiet_enabled BOOLEAN NOT NULL DEFAULT TRUE,
	quiet_from TIME NOT NULL DEFAULT '22:00',
	quiet_to TIME NOT NULL DEFAULT '08:00',
	updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
