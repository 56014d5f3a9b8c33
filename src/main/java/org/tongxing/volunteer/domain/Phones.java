package org.tongxing.volunteer.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mobile phone numbers: mainland China (11 digits from 13x to 19x, an optional +86 or
 * 0086 is dropped) or, for volunteers abroad, international ({@code +} and 7 to 15
 * digits).
 */
public final class Phones {

	private static final Pattern MAINLAND = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{6,14}");

	private Phones() {
	}

	/** Without spaces, hyphens, brackets and a mainland prefix; {@code null} stays. */
	public static String normalise(String raw) {
		if (raw == null) {
			return null;
		}
		String phone = raw.replaceAll("[\\s\\-()]", "");
		if (phone.startsWith("0086")) {
			phone = "+86" + phone.substring(4);
		}
		if (phone.startsWith("+86") && MAINLAND.matcher(phone.substring(3)).matches()) {
			phone = phone.substring(3);
		}
		return phone;
	}

	/** The problem with a normalised number, as a message key, or empty. */
	public static Optional<String> problem(String phone) {
		if (phone == null || phone.isEmpty()) {
			return Optional.of("volunteer.validation.phone.required");
		}
		if (MAINLAND.matcher(phone).matches() || INTERNATIONAL.matcher(phone).matches()) {
			return Optional.empty();
		}
		return Optional.of("volunteer.validation.phone.format");
	}

}
