package org.tongxing.account.domain;

/** A password-reset link that is unknown, expired or used already. */
public class InvalidResetLinkException extends RuntimeException {

	public InvalidResetLinkException() {
		super("The reset link is unknown, expired or used");
	}

}
