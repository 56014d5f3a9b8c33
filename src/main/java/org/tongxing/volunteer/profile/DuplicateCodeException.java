package org.tongxing.volunteer.profile;

/**
 * A catalogue already has an entry with this code.
 */
class DuplicateCodeException extends RuntimeException {

	DuplicateCodeException() {
		super("The catalogue code is taken");
	}

}
