package org.tongxing.activity.scheduling;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such position template, or it belongs to a unit out of the reader's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PositionTemplateNotFoundException extends RuntimeException {

	PositionTemplateNotFoundException(long id) {
		super("position template " + id + " not found");
	}

}
