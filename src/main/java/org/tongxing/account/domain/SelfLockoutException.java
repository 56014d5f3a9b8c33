package org.tongxing.account.domain;

/**
 * A coordinator tried to take away their own coordinator role or disable their own
 * account, which could leave the association without anyone who runs it.
 */
public class SelfLockoutException extends RuntimeException {

	public SelfLockoutException() {
		super("A coordinator cannot lock themselves out");
	}

}
