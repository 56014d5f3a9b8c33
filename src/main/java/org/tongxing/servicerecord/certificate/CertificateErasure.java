package org.tongxing.servicerecord.certificate;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.volunteer.OwnDataEraser;
import org.tongxing.volunteer.VolunteerId;

/**
 * What the certificates erase when a volunteer is anonymised, inside the anonymisation's
 * transaction: the stored PDF of every certificate issued to them (it prints the full
 * name, the volunteer number and the masked ID number) and the masked name the public
 * verify page shows, which becomes the placeholder {@value #PLACEHOLDER};
 * {@code erased_at} is set (check constraint {@code certificate_erased}, V20).
 *
 * <p>
 * What stays: the certificate's number, verification code, period, hours, issuer, person
 * in charge, issue date and its revocation (date and reason), so that whoever holds a
 * copy can still learn that such a certificate was issued and whether it is revoked. An
 * erased certificate is no longer downloaded (404, never an empty PDF).
 */
@Component
class CertificateErasure implements OwnDataEraser {

	/** The name of an erased certificate's holder, as stored. */
	static final String PLACEHOLDER = "已注销";

	private final JdbcClient jdbc;

	CertificateErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, Integer> erase(VolunteerId volunteer) {
		int erased = this.jdbc.sql("""
				update certificate set pdf = ''::bytea, name_masked = ?, erased_at = now()
				where volunteer_id = ? and erased_at is null""").params(PLACEHOLDER, volunteer.value()).update();
		return Map.of("certificates", erased);
	}

}
