package org.tongxing.volunteer.importing;

/**
 * Thrown through a file reader to stop a job that may not go on (e.g. it was failed by a
 * stale check).
 */
class ImportStoppedException extends RuntimeException {

	ImportStoppedException(String message) {
		super(message);
	}

}
