package org.tongxing.servicerecord.profile;

import java.time.Instant;
import java.time.LocalDate;

import org.tongxing.volunteer.VolunteerId;

/**
 * An award the volunteer received; a government award always has a proof file.
 *
 * @param proofFileName the proof's file name, {@code null} when there is none
 */
public record Award(long id, VolunteerId volunteer, String name, LocalDate awardedOn, String awardingBody,
		boolean government, Long proofFileId, String proofFileName, Instant recordedAt) {

	public boolean hasProof() {
		return this.proofFileId != null;
	}

}
