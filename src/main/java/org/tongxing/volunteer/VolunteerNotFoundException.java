package org.tongxing.volunteer;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such volunteer, or not in the caller's scope (answered as 404 either way).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class VolunteerNotFoundException extends RuntimeException {

	public VolunteerNotFoundException(VolunteerId id) {
		super("No visible volunteer " + id);
	}

}
