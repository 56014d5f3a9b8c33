package org.tongxing.servicerecord.certificate;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such certificate, or not one the caller may see (404 either way, so that ids of
 * others' certificates cannot be probed).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CertificateNotFoundException extends RuntimeException {

	public CertificateNotFoundException(Object id) {
		super("No visible certificate " + id);
	}

}
