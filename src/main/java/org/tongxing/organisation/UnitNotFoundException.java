package org.tongxing.organisation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such unit, or none the current account may see: both answer 404 so that ids outside
 * one's scope cannot be probed.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnitNotFoundException extends RuntimeException {

	public UnitNotFoundException(Object unitId) {
		super("No visible unit " + unitId);
	}

}
