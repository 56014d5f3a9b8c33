package org.tongxing.servicerecord.certificate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.tongxing.organisation.UnitId;
import org.tongxing.volunteer.VolunteerId;

/**
 * A certificate as issued, without its PDF: the figures it states (masked name, period,
 * confirmed hours, issuer, person in charge), its number and verification code, and, once
 * revoked, when, by whom and why. Once the volunteer is anonymised the certificate is
 * erased ({@code erasedAt}): its PDF is gone and {@code nameMasked} is a placeholder, the
 * figures and the revocation stay.
 */
public record CertificateView(long id, String number, String verifyCode, VolunteerId volunteer, LocalDate from,
		LocalDate to, BigDecimal hours, String nameMasked, UnitId issuerUnit, String issuerName, String personInCharge,
		Instant issuedAt, Long issuedBy, Instant revokedAt, Long revokedBy, String revokeReason, Instant erasedAt) {

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

	/** The holder was anonymised: no PDF any more, no name. */
	public boolean isErased() {
		return this.erasedAt != null;
	}

	/** The hours as printed: {@code 12.5}, {@code 3}. */
	public String hoursText() {
		return CertificateDocument.hours(this.hours);
	}

}
