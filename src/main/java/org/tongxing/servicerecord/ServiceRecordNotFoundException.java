package org.tongxing.servicerecord;

/** No such record, attendance or certificate, or not one the user may see (404). */
public class ServiceRecordNotFoundException extends RuntimeException {

	public ServiceRecordNotFoundException(String what, Object id) {
		super("No " + what + " " + id);
	}

}
