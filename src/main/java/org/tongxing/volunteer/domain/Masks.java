package org.tongxing.volunteer.domain;

/**
 * The masked forms of personal data shown on screens and in exports: an ID number keeps
 * its first 3 and last 4 characters ({@code 110***********1234}), a phone its first 3 and
 * last 4 digits ({@code 138****5678}).
 */
public final class Masks {

	private Masks() {
	}

	public static String idNumber(String number) {
		return keep(number, 3, 4);
	}

	public static String phone(String phone) {
		return keep(phone, 3, 4);
	}

	/** A name with only its first character: 张** (for public pages). */
	public static String name(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}

	private static String keep(String value, int head, int tail) {
		if (value == null) {
			return null;
		}
		if (value.length() <= head + tail) {
			// too short to show both ends without giving most of it away
			return value.isEmpty() ? value : value.charAt(0) + "*".repeat(value.length() - 1);
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

}
