package org.tongxing.servicerecord.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.tongxing.activity.SessionId;

/**
 * The signed, short-lived codes of a session's check-in screen and the volunteers' cards.
 * Time is cut into windows of {@code tongxing.servicerecord.check-in.rotation} (30 s by
 * default); the screen shows the current window's QR token and 6-digit code, and a scan
 * counts in that window and the next one, so a code is good for 30 to 60 seconds. Nothing
 * is stored: a token is its session, its window and an HMAC of both.
 */
@Component
public class CheckInTokens {

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final Secrets secrets;

	private final long periodSeconds;

	public CheckInTokens(Secrets secrets,
			@Value("${tongxing.servicerecord.check-in.rotation:PT30S}") Duration rotation) {
		this.secrets = secrets;
		this.periodSeconds = Math.max(5, rotation.toSeconds());
	}

	/** A session's code for one window. */
	public record Rotating(SessionId session, String token, String code, Instant validFrom, Instant changesAt) {
	}

	public Rotating current(SessionId session, Instant now) {
		long window = window(now);
		return new Rotating(session, token(session, window), code(session, window),
				Instant.ofEpochSecond(window * this.periodSeconds),
				Instant.ofEpochSecond((window + 1) * this.periodSeconds));
	}

	public Duration rotation() {
		return Duration.ofSeconds(this.periodSeconds);
	}

	/**
	 * The session of a QR token that is genuine and was shown at most one window before
	 * {@code at}.
	 */
	public Optional<SessionId> verify(String token, Instant at) {
		String[] parts = (token != null) ? token.split("\\.") : new String[0];
		if (parts.length != 3) {
			return Optional.empty();
		}
		long session;
		long window;
		try {
			session = Long.parseLong(parts[0]);
			window = Long.parseLong(parts[1]);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		String expected = token(new SessionId(session), window);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				token.getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		long now = window(at);
		return (window == now || window == now - 1) ? Optional.of(new SessionId(session)) : Optional.empty();
	}

	/**
	 * Whether a typed code is the session's code of the window of {@code at} or the one
	 * before.
	 */
	public boolean codeMatches(SessionId session, String code, Instant at) {
		if (code == null || !code.matches("\\d{6}")) {
			return false;
		}
		long now = window(at);
		return MessageDigest.isEqual(code.getBytes(StandardCharsets.US_ASCII),
				code(session, now).getBytes(StandardCharsets.US_ASCII))
				|| MessageDigest.isEqual(code.getBytes(StandardCharsets.US_ASCII),
						code(session, now - 1).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The text of a volunteer's card QR code: their volunteer number, signed so that a
	 * made-up number does not scan.
	 */
	public String card(String volunteerNumber) {
		return "TXV1." + volunteerNumber + "."
				+ BASE64.encodeToString(Arrays.copyOf(mac("card:" + volunteerNumber), 12));
	}

	/** The volunteer number of a genuine card text. */
	public Optional<String> cardNumber(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String trimmed = text.trim();
		String[] parts = trimmed.split("\\.");
		if (parts.length != 3 || !parts[0].equals("TXV1") || parts[1].isEmpty()) {
			return Optional.empty();
		}
		boolean genuine = MessageDigest.isEqual(card(parts[1]).getBytes(StandardCharsets.US_ASCII),
				trimmed.getBytes(StandardCharsets.US_ASCII));
		return genuine ? Optional.of(parts[1]) : Optional.empty();
	}

	private long window(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), this.periodSeconds);
	}

	private String token(SessionId session, long window) {
		String payload = session.value() + "." + window;
		return payload + "." + BASE64.encodeToString(Arrays.copyOf(mac("qr:" + payload), 16));
	}

	private String code(SessionId session, long window) {
		byte[] mac = mac("code:" + session.value() + "." + window);
		// dynamic truncation as in HOTP (RFC 4226)
		int offset = mac[mac.length - 1] & 0x0f;
		int binary = ((mac[offset] & 0x7f) << 24) | ((mac[offset + 1] & 0xff) << 16) | ((mac[offset + 2] & 0xff) << 8)
				| (mac[offset + 3] & 0xff);
		return String.format("%06d", binary % 1_000_000);
	}

	private byte[] mac(String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secrets.get("check-in"), "HmacSHA256"));
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
