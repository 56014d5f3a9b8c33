package org.tongxing.account.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The minimum a password must meet. Answers with message keys so that every rule can be
 * told to the user in their language.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = Set.of("password123", "1234567890", "12345678910", "qwertyuiop",
			"1q2w3e4r5t", "password1234", "abc1234567", "a123456789", "iloveyou123", "woaini1314");

	private PasswordPolicy() {
	}

	/**
	 * @return the message keys of the rules the password breaks, empty when it is
	 * acceptable
	 */
	public static List<String> violations(String password, String username) {
		List<String> violations = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			violations.add("password.policy.tooShort");
			return violations;
		}
		if (password.length() > MAX_LENGTH) {
			violations.add("password.policy.tooLong");
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digitOrSymbol = password.chars().anyMatch((c) -> !Character.isLetter(c));
		if (!letter || !digitOrSymbol) {
			violations.add("password.policy.mix");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
			violations.add("password.policy.containsUsername");
		}
		if (COMMON.contains(lower)) {
			violations.add("password.policy.common");
		}
		return violations;
	}

}
