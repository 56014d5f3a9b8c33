package org.tongxing.account;

import java.util.List;

/**
 * The password breaks the password policy; {@link #violations()} holds message keys.
 */
public class WeakPasswordException extends RuntimeException {

	private final List<String> violations;

	public WeakPasswordException(List<String> violations) {
		super("The password does not meet the policy: " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<String> violations() {
		return this.violations;
	}

}
