package org.tongxing.servicerecord.certificate;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Verification codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * drawn with {@link SecureRandom}: 31^12, about 2^59 codes, so that guessing one is
 * hopeless even before the per-address limit of the verify page. Typed codes are read in
 * any case, with spaces and dashes ignored.
 */
final class VerificationCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int LENGTH = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private VerificationCodes() {
	}

	static String next() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The code as stored, or empty when the text cannot be one. */
	static String normalise(String typed) {
		if (typed == null) {
			return "";
		}
		String code = typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
		if (code.length() != LENGTH) {
			return "";
		}
		for (int i = 0; i < code.length(); i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return "";
			}
		}
		return code;
	}

}
