package org.tongxing.activity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such activity, session, position or sign-up, or not one the caller may see.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ActivityNotFoundException extends RuntimeException {

	public ActivityNotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}

}
