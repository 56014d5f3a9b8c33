package org.tongxing.account.web;

import org.springframework.validation.BindingResult;

import org.tongxing.account.WeakPasswordException;
import org.tongxing.account.domain.PasswordPolicy;

/** Puts the policy's verdict beside the password field. */
final class PasswordErrors {

	private PasswordErrors() {
	}

	static void reject(BindingResult result, String field, WeakPasswordException ex) {
		Object[] limits = { PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH };
		ex.violations().forEach((key) -> result.rejectValue(field, key, limits, key));
	}

	static void checkRepeat(BindingResult result, String password, String repeat) {
		if (!result.hasFieldErrors("repeatPassword") && password != null && !password.equals(repeat)) {
			result.rejectValue("repeatPassword", "account.password.mismatch");
		}
	}

}
