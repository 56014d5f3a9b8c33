package org.tongxing.planning;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such plan, theme or campaign.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PlanNotFoundException extends RuntimeException {

	public PlanNotFoundException(String what) {
		super(what + " not found");
	}

}
