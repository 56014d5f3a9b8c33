package org.tongxing.servicerecord.profile;

import java.time.Instant;
import java.time.LocalDate;

import org.tongxing.volunteer.VolunteerId;

/**
 * An award the volunteer received; a government award always has a proof file.
 *
 * @param proofFileName the proof's file name, {@code null} when there is none
 * @param proofErased whether the proof's content was erased (the volunteer was
 * anonymised)
 * @param version how often it was changed, for a correction to name the state it changes
 * @param correctedAt the last correction, {@code null} when there was none
 * @param withdrawal {@code null} unless it was withdrawn
 */
public record Award(long id, VolunteerId volunteer, String name, LocalDate awardedOn, String awardingBody,
		boolean government, Long proofFileId, String proofFileName, boolean proofErased, Instant recordedAt,
		int version, Instant correctedAt, Withdrawal withdrawal) {

	/** Whether it has a proof that can be downloaded. */
	public boolean hasProof() {
		return this.proofFileId != null && !this.proofErased;
	}

	public boolean isWithdrawn() {
		return this.withdrawal != null;
	}

}
