-- The erasure of an anonymised volunteer's certificates. A certificate stays (its number, period,
-- hours, issuer, issue date and revocation), so that whoever holds a copy can still verify that it
-- was issued and whether it is revoked; what names the person goes: the stored PDF (it prints the
-- full name, the volunteer number and the masked ID number) and the masked name shown by the public
-- verify page, which becomes a neutral placeholder.
ALTER TABLE certificate
	ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE,
	ADD CONSTRAINT certificate_erased CHECK (erased_at IS NULL OR (octet_length(pdf) = 0 AND name_masked = '已注销'));

-- Volunteers anonymised before this migration: erase now what anonymisation erases from here on
-- (CertificateErasure).
UPDATE certificate SET pdf = ''::bytea, name_masked = '已注销', erased_at = now()
WHERE erased_at IS NULL AND volunteer_id IN (SELECT id FROM volunteer WHERE anonymised_at IS NOT NULL);
