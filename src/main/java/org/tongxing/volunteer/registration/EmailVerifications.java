package org.tongxing.volunteer.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

import org.tongxing.account.AuditLog;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.domain.Volunteer;
import org.tongxing.volunteer.domain.VolunteerMail;
import org.tongxing.volunteer.domain.VolunteerRepository;

/**
 * Email verification links: a person who registered themselves gets one by email; opening
 * it marks their email verified. Only the SHA-256 of the link's random token is stored,
 * with an expiry; a link works once and only for the address it was sent to.
 */
@Service
class EmailVerifications {

	/** The outcome of opening a link. */
	enum Outcome {

		VERIFIED, USED, EXPIRED, UNKNOWN

	}

	/** The outcome of asking for a new link. */
	enum Resend {

		SENT, ALREADY_VERIFIED, TOO_SOON

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Fewer new links than this in a day, and one a minute at most, against mail bombing.
	 */
	static final int MAX_PER_DAY = 5;

	static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final VolunteerRepository volunteers;

	private final VolunteerMail mail;

	private final AuditLog auditLog;

	private final Duration validity;

	EmailVerifications(JdbcClient jdbc, VolunteerRepository volunteers, VolunteerMail mail, AuditLog auditLog,
			@Value("${tongxing.volunteer.registration.verification-validity:3d}") Duration validity) {
		this.jdbc = jdbc;
		this.volunteers = volunteers;
		this.mail = mail;
		this.auditLog = auditLog;
		this.validity = validity;
	}

	/**
	 * Mails a link to a volunteer who registered themselves, after the registration
	 * committed; the event publication registry retries when the mail fails.
	 */
	@ApplicationModuleListener
	void on(VerificationLinkRequested event) {
		send(event.volunteer());
	}

	/** Sends a new link unless the email is verified or links were sent just now. */
	@Transactional
	Resend resend(VolunteerId id) {
		Volunteer volunteer = this.volunteers.findForUpdate(id.value()).orElseThrow();
		if (isVerified(id)) {
			return Resend.ALREADY_VERIFIED;
		}
		Instant now = Instant.now();
		Map<String, Object> recent = this.jdbc.sql("""
				select count(*) as sent, max(created_at) as latest from volunteer_email_verification
				where volunteer_id = :id and created_at > :since""")
			.param("id", id.value())
			.param("since", Timestamp.from(now.minus(Duration.ofDays(1))))
			.query()
			.singleRow();
		Timestamp latest = (Timestamp) recent.get("latest");
		if (((Number) recent.get("sent")).intValue() >= MAX_PER_DAY
				|| (latest != null && latest.toInstant().isAfter(now.minus(MIN_INTERVAL)))) {
			return Resend.TOO_SOON;
		}
		sendTo(volunteer, now);
		return Resend.SENT;
	}

	@Transactional
	void send(VolunteerId id) {
		this.volunteers.findForUpdate(id.value())
			.filter((volunteer) -> volunteer.email() != null && !isVerified(id))
			.ifPresent((volunteer) -> sendTo(volunteer, Instant.now()));
	}

	private void sendTo(Volunteer volunteer, Instant now) {
		String token = newToken();
		this.jdbc.sql("""
				insert into volunteer_email_verification (volunteer_id, token_hash, binding, created_at, expires_at)
				values (:volunteer, :hash, :binding, :now, :expires)""")
			.param("volunteer", volunteer.id().value())
			.param("hash", sha256(token))
			.param("binding", binding(token, volunteer.email()))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(this.validity)))
			.update();
		String link = UriComponentsBuilder.fromUriString(this.mail.baseUrl())
			.path("/register/verify")
			.queryParam("token", token)
			.build()
			.toUriString();
		this.mail.send(volunteer, "volunteer.registration.mail.verify",
				new Object[] { volunteer.name(), link, this.validity.toDays() });
	}

	/** Opens a link: the first time within its validity it verifies the email. */
	@Transactional
	Outcome verify(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Outcome.UNKNOWN;
		}
		Optional<Map<String, Object>> found = this.jdbc.sql("""
				select id, volunteer_id, binding, expires_at, used_at from volunteer_email_verification
				where token_hash = :hash for update""")
			.param("hash", sha256(token))
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (found.isEmpty()) {
			return Outcome.UNKNOWN;
		}
		Map<String, Object> link = found.get();
		if (link.get("used_at") != null) {
			return Outcome.USED;
		}
		Instant now = Instant.now();
		if (((Timestamp) link.get("expires_at")).toInstant().isBefore(now)) {
			return Outcome.EXPIRED;
		}
		Volunteer volunteer = this.volunteers.findForUpdate(((Number) link.get("volunteer_id")).longValue())
			.orElseThrow();
		// the volunteer changed their email (or was anonymised) since: this link proves
		// nothing about the address they have now
		if (volunteer.email() == null || !binding(token, volunteer.email()).equals(link.get("binding"))) {
			return Outcome.EXPIRED;
		}
		this.jdbc.sql("update volunteer_email_verification set used_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", link.get("id"))
			.update();
		if (!isVerified(volunteer.id())) {
			volunteer.emailVerified(now);
			this.auditLog.record("volunteer", volunteer.id(), "email-verified", null,
					Map.of("emailVerifiedAt", now.toString()));
		}
		return Outcome.VERIFIED;
	}

	boolean isVerified(VolunteerId id) {
		return this.jdbc.sql("select email_verified_at is not null from volunteer where id = :id")
			.param("id", id.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String binding(String token, String email) {
		return sha256(token + "\n" + email.strip().toLowerCase(Locale.ROOT));
	}

	static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

}
