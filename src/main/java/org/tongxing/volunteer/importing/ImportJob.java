package org.tongxing.volunteer.importing;

import java.time.Instant;
import java.util.List;

/**
 * An import job as stored: the state of the job, whichever node runs it.
 *
 * @param totalRows the data rows of the file, known once the rows have been checked
 * @param skippedRows rows of people who are registered already (same ID number)
 * @param failureKey why the whole file failed, or {@code null}
 */
public record ImportJob(long id, long unitId, long createdBy, String fileName, String format, ImportMode mode,
		String locale, Status status, Integer totalRows, int processedRows, int importedRows, int skippedRows,
		int blankRows, int errorRows, int invitationsSent, String failureKey, List<String> failureArgs,
		Instant createdAt, Instant startedAt, Instant finishedAt) {

	public enum Status {

		QUEUED, CHECKING, IMPORTING, SUCCEEDED, REJECTED, FAILED;

		public boolean isFinished() {
			return this == SUCCEEDED || this == REJECTED || this == FAILED;
		}

	}

	public boolean isFinished() {
		return this.status.isFinished();
	}

	/** Percent of the rows imported (or checked, before the total is known: 0). */
	public int percent() {
		if (this.status.isFinished()) {
			return 100;
		}
		if (this.totalRows == null || this.totalRows == 0 || this.status != Status.IMPORTING) {
			return 0;
		}
		return (int) Math.min(100, (100L * this.processedRows) / this.totalRows);
	}

}
