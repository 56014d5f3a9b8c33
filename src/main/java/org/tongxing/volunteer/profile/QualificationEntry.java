package org.tongxing.volunteer.profile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A volunteer's qualification as pages show it, with its type from the catalogue.
 *
 * @param updatedAt when it was last added, changed or decided; a decision names it so
 * that a qualification changed meanwhile is not decided unseen
 */
record QualificationEntry(long id, long volunteerId, long typeId, String typeCode, String typeName, String typeNameEn,
		String certificateNumber, LocalDate expiresOn, QualificationStatus status, String decisionReason,
		OffsetDateTime decidedAt, Long proofFileId, String proofFileName, OffsetDateTime updatedAt) {

	/**
	 * Whether the expiry date has passed: an expired qualification counts as not held.
	 */
	public boolean expiredOn(LocalDate today) {
		return this.expiresOn != null && this.expiresOn.isBefore(today);
	}

	/** Approved and not expired: the only state in which it counts. */
	public boolean heldOn(LocalDate today) {
		return this.status == QualificationStatus.APPROVED && !expiredOn(today);
	}

	public String typeDisplayName(Locale locale) {
		return new CatalogueEntry(this.typeId, this.typeCode, this.typeName, this.typeNameEn, true).displayName(locale);
	}

	/** The {@link #updatedAt} as a form carries it. */
	public String seen() {
		return this.updatedAt.toString();
	}

}
