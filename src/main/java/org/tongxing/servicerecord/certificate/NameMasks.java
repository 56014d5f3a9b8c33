package org.tongxing.servicerecord.certificate;

/**
 * The partly masked name a public verification page shows: a Chinese name keeps its first
 * and last characters ({@code 林小雨} → {@code 林*雨}, {@code 欧阳明月} → {@code 欧**月}), a
 * two-character name its first ({@code 林雨} → {@code 林*}); a name of several words keeps
 * each word's first letter ({@code Anna Smith} → {@code A*** S****}).
 */
final class NameMasks {

	private NameMasks() {
	}

	static String mask(String name) {
		if (name == null || name.isBlank()) {
			return "*";
		}
		String trimmed = name.strip();
		if (trimmed.contains(" ")) {
			StringBuilder masked = new StringBuilder();
			for (String word : trimmed.split("\\s+")) {
				if (!masked.isEmpty()) {
					masked.append(' ');
				}
				masked.append(firstOnly(word));
			}
			return masked.toString();
		}
		int length = trimmed.codePointCount(0, trimmed.length());
		if (length <= 2) {
			return firstOnly(trimmed);
		}
		int first = trimmed.offsetByCodePoints(0, 1);
		int last = trimmed.offsetByCodePoints(0, length - 1);
		return trimmed.substring(0, first) + "*".repeat(length - 2) + trimmed.substring(last);
	}

	private static String firstOnly(String word) {
		int length = word.codePointCount(0, word.length());
		int first = word.offsetByCodePoints(0, 1);
		return word.substring(0, first) + "*".repeat(Math.max(1, length - 1));
	}

}
