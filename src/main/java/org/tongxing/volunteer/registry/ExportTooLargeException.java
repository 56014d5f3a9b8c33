package org.tongxing.volunteer.registry;

/**
 * More volunteers match the filter than one xlsx sheet holds; the admin narrows the
 * filter.
 */
public class ExportTooLargeException extends RuntimeException {

	private final long rows;

	public ExportTooLargeException(long rows) {
		super("The export would have " + rows + " rows");
		this.rows = rows;
	}

	public long rows() {
		return this.rows;
	}

}
