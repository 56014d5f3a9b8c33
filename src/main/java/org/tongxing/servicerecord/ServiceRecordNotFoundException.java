package org.tongxing.servicerecord;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such record, attendance or certificate, or not one the user may see (404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ServiceRecordNotFoundException extends RuntimeException {

	public ServiceRecordNotFoundException(String what, Object id) {
		super("No " + what + " " + id);
	}

}
