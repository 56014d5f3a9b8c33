-- activity module, calendar part: each account's personal iCal feed at a secret URL.
--
-- The token itself is stored (32 random bytes, base64url: 256 bits, never guessed), not
-- only its hash, so that the volunteer's page can show the URL again whenever they
-- subscribe another device; storing only a hash would force a regeneration (and break
-- every existing subscription) each time. The feed reveals nothing a reader of this
-- database could not read in the signup table already, so the hash would protect nothing
-- there. Regenerating replaces the token in place: the old URL stops working at once.
CREATE TABLE calendar_feed (
	account_id BIGINT PRIMARY KEY REFERENCES account (id),
	token VARCHAR(64) NOT NULL UNIQUE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
