package org.tongxing.volunteer.profile;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such catalogue entry (404).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CatalogueEntryNotFoundException extends RuntimeException {

	CatalogueEntryNotFoundException() {
		super("No such catalogue entry");
	}

}
