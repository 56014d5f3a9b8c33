package org.tongxing.servicerecord.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When this browser first read each check-in QR code, kept in the HTTP session: a
 * volunteer who scans and then has to sign in first still checks in with the code they
 * scanned, for up to {@code tongxing.servicerecord.check-in.scan-valid-for} (10 minutes)
 * after the scan, though the code on the screen has long changed. Only codes that were
 * genuine and fresh when first seen are remembered, and only for that long.
 */
@Component
class FirstScans {

	/** The session attribute: a map of QR token to the instant it was first seen. */
	static final String ATTRIBUTE = FirstScans.class.getName();

	/** Enough for anyone; a session cannot be filled with tokens. */
	static final int MAX_KEPT = 20;

	private final Duration validFor;

	FirstScans(@Value("${tongxing.servicerecord.check-in.scan-valid-for:PT10M}") Duration validFor) {
		this.validFor = validFor;
	}

	Duration validFor() {
		return this.validFor;
	}

	/** When the token was first seen in this browser, if that is recent enough. */
	Optional<Instant> scannedAt(HttpServletRequest request, String token, Instant now) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		Instant first = seen(session).get(token);
		return (first != null && !now.isAfter(first.plus(this.validFor))) ? Optional.of(first) : Optional.empty();
	}

	/** Notes that a genuine, fresh token was seen now (once: the first sight counts). */
	Instant remember(HttpServletRequest request, String token, Instant now) {
		HttpSession session = request.getSession(true);
		Map<String, Instant> seen = new HashMap<>(seen(session));
		seen.values().removeIf((at) -> now.isAfter(at.plus(this.validFor)));
		Instant first = seen.get(token);
		if (first == null) {
			if (seen.size() >= MAX_KEPT) {
				seen.clear();
			}
			first = now;
			seen.put(token, first);
		}
		// set again, so that a session store that saves changed attributes only sees it
		session.setAttribute(ATTRIBUTE, seen);
		return first;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Instant> seen(HttpSession session) {
		Object value = session.getAttribute(ATTRIBUTE);
		return (value instanceof Map<?, ?> map) ? (Map<String, Instant>) map : Map.of();
	}

}
