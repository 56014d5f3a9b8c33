package org.tongxing.account;

/**
 * The username or email is already taken.
 */
public class DuplicateAccountException extends RuntimeException {

	private final String field;

	public DuplicateAccountException(String field) {
		super("An account with this " + field + " exists already");
		this.field = field;
	}

	/** {@code "username"} or {@code "email"}. */
	public String field() {
		return this.field;
	}

}
