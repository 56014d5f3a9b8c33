package org.tongxing.servicerecord.profile;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such award, complaint or proof, or not one the caller may see (404 either way). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ProfileEntryNotFoundException extends RuntimeException {

	public ProfileEntryNotFoundException(String what, long id) {
		super("No visible " + what + " " + id);
	}

}
