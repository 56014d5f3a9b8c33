package org.tongxing.volunteer.drive;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such recruitment drive, or none the caller's scope sees (404 either way, so ids
 * outside one's scope cannot be probed).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DriveNotFoundException extends RuntimeException {

	public DriveNotFoundException(Object id) {
		super("No visible recruitment drive " + id);
	}

}
