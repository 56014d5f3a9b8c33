package org.tongxing.volunteer.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.tongxing.organisation.UnitView;
import org.tongxing.volunteer.VolunteerView;

/**
 * Everything the admin page of one volunteer shows, personal data masked.
 *
 * @param unit the volunteer's unit
 * @param mayManage whether the viewer manages the unit: status actions, transfer and
 * "show" for masked fields
 */
public record VolunteerDetailsPage(VolunteerView volunteer, UnitView unit, boolean mayManage, List<Skill> skills,
		List<Qualification> qualifications, List<MembershipLine> memberships, Consent consent, String driveName) {

	/** A skill with its catalogue names and level. */
	public record Skill(String code, String name, String nameEn, int level) {

		public String label(Locale locale) {
			boolean english = locale != null && "en".equals(locale.getLanguage());
			return (english && this.nameEn != null && !this.nameEn.isBlank()) ? this.nameEn : this.name;
		}

	}

	/** A qualification with its type's names, decision and expiry. */
	public record Qualification(String typeName, String typeNameEn, String certificateNumber, LocalDate expiresOn,
			String status, Instant decidedAt, String decisionReason) {

		public String label(Locale locale) {
			boolean english = locale != null && "en".equals(locale.getLanguage());
			return (english && this.typeNameEn != null && !this.typeNameEn.isBlank()) ? this.typeNameEn : this.typeName;
		}

		public boolean expiredOn(LocalDate day) {
			return this.expiresOn != null && this.expiresOn.isBefore(day);
		}

	}

	/**
	 * One membership of the history; {@code unit} is null when the viewer does not see
	 * that unit.
	 */
	public record MembershipLine(UnitView unit, LocalDate validFrom, LocalDate validTo, String note, String country,
			String city, String timeZone) {

		public boolean isOpen() {
			return this.validTo == null;
		}

	}

	/** When the notice and consents were given. */
	public record Consent(String noticeVersion, Instant noticeAcceptedAt, Instant sensitiveConsentAt,
			Instant guardianConsentAt, Instant statusChangedAt) {
	}

	/**
	 * The status changes the viewer may make now, by the endpoint's last path segment.
	 */
	public List<String> actions() {
		if (!this.mayManage || this.volunteer.isAnonymised()) {
			return List.of();
		}
		// the transitions VolunteerStatus allows, named as the endpoints that make them
		return switch (this.volunteer.status()) {
			case APPLICANT -> List.of("approve", "reject");
			case ACTIVE -> List.of("suspend", "leave");
			case SUSPENDED -> List.of("reactivate", "leave");
			case LEFT -> List.of("reactivate");
			case REJECTED -> List.of();
		};
	}

	/** Whether the action's form asks for a reason. */
	public static boolean needsReason(String action) {
		return List.of("reject", "suspend", "leave").contains(action);
	}

	/** Whether the viewer may reveal the field: a manager, and there is a value. */
	public boolean mayReveal(String field) {
		if (!this.mayManage) {
			return false;
		}
		return switch (field) {
			case "ID_NUMBER" -> this.volunteer.idNumberMasked() != null;
			case "PHONE" -> this.volunteer.phoneMasked() != null;
			case "GUARDIAN_PHONE" -> this.volunteer.guardianPhoneMasked() != null;
			default -> false;
		};
	}

}
