package org.tongxing.volunteer.profile;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such qualification or proof, or none the account may see (404 either way, so that
 * ids cannot be probed).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class QualificationNotFoundException extends RuntimeException {

	QualificationNotFoundException() {
		super("No visible qualification");
	}

}
