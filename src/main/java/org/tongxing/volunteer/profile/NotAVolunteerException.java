package org.tongxing.volunteer.profile;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The signed-in account has no volunteer record (a coordinator, say), so it has no
 * profile to change (404).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotAVolunteerException extends RuntimeException {

	NotAVolunteerException() {
		super("The account has no volunteer record");
	}

}
