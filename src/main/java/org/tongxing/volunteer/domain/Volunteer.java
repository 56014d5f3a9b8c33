package org.tongxing.volunteer.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.tongxing.account.AccountId;
import org.tongxing.organisation.UnitId;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.VolunteerStatusException;
import org.tongxing.volunteer.VolunteerView;

/**
 * A registered volunteer. Personal data is held only encrypted, hashed and masked (see
 * {@link PersonalDataProtection}); skills are keyed by the catalogue's skill id.
 */
@Entity
@Table(name = "volunteer")
public class Volunteer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id", nullable = false)
	private Long accountId;

	private String number;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private VolunteerStatus status = VolunteerStatus.APPLICANT;

	@Column(name = "status_reason")
	private String statusReason;

	@Column(name = "status_changed_at", nullable = false)
	private Instant statusChangedAt = Instant.now();

	@Column(name = "unit_id", nullable = false)
	private Long unitId;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	private Sex sex;

	@Column(name = "birth_date")
	private java.time.LocalDate birthDate;

	@Enumerated(EnumType.STRING)
	@Column(name = "id_type")
	private IdType idType;

	@Column(name = "id_number_cipher")
	private String idNumberCipher;

	@Column(name = "id_number_hash")
	private String idNumberHash;

	@Column(name = "id_number_masked")
	private String idNumberMasked;

	@Column(name = "phone_cipher")
	private String phoneCipher;

	@Column(name = "phone_hash")
	private String phoneHash;

	@Column(name = "phone_masked")
	private String phoneMasked;

	private String email;

	@Column(name = "email_verified_at")
	private Instant emailVerifiedAt;

	@Column(name = "residential_area")
	private String residentialArea;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "service_categories", nullable = false)
	private String[] serviceCategories = new String[0];

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false)
	private String[] availability = new String[0];

	private String country;

	private String city;

	@Column(name = "time_zone")
	private String timeZone;

	@Column(name = "guardian_name")
	private String guardianName;

	@Column(name = "guardian_phone_cipher")
	private String guardianPhoneCipher;

	@Column(name = "guardian_phone_masked")
	private String guardianPhoneMasked;

	@Column(name = "guardian_consent_at")
	private Instant guardianConsentAt;

	@Column(name = "notice_version")
	private String noticeVersion;

	@Column(name = "notice_accepted_at")
	private Instant noticeAcceptedAt;

	@Column(name = "sensitive_consent_at")
	private Instant sensitiveConsentAt;

	@Column(nullable = false)
	private String locale = "zh-CN";

	@Column(nullable = false)
	private String source = "REGISTRATION";

	@Column(name = "drive_id")
	private Long driveId;

	@Column(name = "registered_at", nullable = false)
	private Instant registeredAt = Instant.now();

	@Column(name = "approved_at")
	private Instant approvedAt;

	@Column(name = "left_at")
	private Instant leftAt;

	@Column(name = "deletion_requested_at")
	private Instant deletionRequestedAt;

	@Column(name = "anonymised_at")
	private Instant anonymisedAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "volunteer_skill", joinColumns = @JoinColumn(name = "volunteer_id"))
	@MapKeyColumn(name = "skill_id")
	@Column(name = "level")
	private Map<Long, Integer> skills = new HashMap<>();

	@ElementCollection
	@CollectionTable(name = "volunteer_language", joinColumns = @JoinColumn(name = "volunteer_id"))
	@MapKeyColumn(name = "language")
	@Column(name = "level")
	private Map<String, Integer> languages = new HashMap<>();

	protected Volunteer() {
	}

	public Volunteer(AccountId account, UnitId unit, String name, String source, String locale) {
		this.accountId = account.value();
		this.unitId = unit.value();
		this.name = name.strip();
		this.source = source;
		this.locale = locale;
	}

	public VolunteerId id() {
		return new VolunteerId(this.id);
	}

	public AccountId accountId() {
		return new AccountId(this.accountId);
	}

	public UnitId unitId() {
		return new UnitId(this.unitId);
	}

	public VolunteerStatus status() {
		return this.status;
	}

	public String name() {
		return this.name;
	}

	public String email() {
		return this.email;
	}

	public String locale() {
		return this.locale;
	}

	public String number() {
		return this.number;
	}

	public String idNumberCipher() {
		return this.idNumberCipher;
	}

	public String phoneCipher() {
		return this.phoneCipher;
	}

	public String guardianPhoneCipher() {
		return this.guardianPhoneCipher;
	}

	public Map<Long, Integer> skillLevels() {
		return this.skills;
	}

	public Map<String, Integer> languageLevels() {
		return this.languages;
	}

	public void personal(String name, Sex sex, java.time.LocalDate birthDate, String residentialArea) {
		this.name = name.strip();
		this.sex = sex;
		this.birthDate = birthDate;
		this.residentialArea = blankToNull(residentialArea);
		touch();
	}

	public void identity(IdType type, String cipher, String hash, String masked) {
		this.idType = type;
		this.idNumberCipher = cipher;
		this.idNumberHash = hash;
		this.idNumberMasked = masked;
		touch();
	}

	public void phone(String cipher, String hash, String masked) {
		this.phoneCipher = cipher;
		this.phoneHash = hash;
		this.phoneMasked = masked;
		touch();
	}

	public void email(String email) {
		this.email = blankToNull(email);
		touch();
	}

	public void emailVerified(Instant at) {
		this.emailVerifiedAt = at;
	}

	public void guardian(String name, String phoneCipher, String phoneMasked, Instant consentAt) {
		this.guardianName = blankToNull(name);
		this.guardianPhoneCipher = phoneCipher;
		this.guardianPhoneMasked = phoneMasked;
		this.guardianConsentAt = consentAt;
		touch();
	}

	public void consents(String noticeVersion, Instant noticeAcceptedAt, Instant sensitiveConsentAt) {
		this.noticeVersion = noticeVersion;
		this.noticeAcceptedAt = noticeAcceptedAt;
		this.sensitiveConsentAt = sensitiveConsentAt;
	}

	public void preferences(Set<String> serviceCategories, Set<String> availability) {
		this.serviceCategories = serviceCategories.stream().sorted().toArray(String[]::new);
		this.availability = availability.stream().sorted().toArray(String[]::new);
		touch();
	}

	public void location(String country, String city, String timeZone) {
		this.country = blankToNull(country);
		this.city = blankToNull(city);
		this.timeZone = blankToNull(timeZone);
		touch();
	}

	public void unit(UnitId unit) {
		this.unitId = unit.value();
		touch();
	}

	public void drive(Long driveId) {
		this.driveId = driveId;
	}

	public void skills(Map<Long, Integer> levels) {
		this.skills.clear();
		this.skills.putAll(levels);
		touch();
	}

	public void languages(Map<String, Integer> levels) {
		this.languages.clear();
		this.languages.putAll(levels);
		touch();
	}

	/** Approves an applicant (with a new number) or brings a volunteer back to active. */
	public void activate(String newNumber) {
		change(VolunteerStatus.ACTIVE, null);
		if (this.number == null) {
			this.number = newNumber;
			this.approvedAt = Instant.now();
		}
		this.leftAt = null;
	}

	public void reject(String reason) {
		change(VolunteerStatus.REJECTED, reason);
	}

	public void suspend(String reason) {
		change(VolunteerStatus.SUSPENDED, reason);
	}

	public void leave(String reason) {
		change(VolunteerStatus.LEFT, reason);
		this.leftAt = Instant.now();
	}

	public void requestDeletion() {
		if (this.deletionRequestedAt == null) {
			this.deletionRequestedAt = Instant.now();
		}
	}

	/**
	 * Replaces every personal field by nothing (the name by a placeholder); the record,
	 * its number and what refers to it (hours) stay, so statistics still count them.
	 */
	public void anonymise(String placeholderName) {
		this.name = placeholderName;
		this.sex = null;
		this.birthDate = null;
		identity(null, null, null, null);
		phone(null, null, null);
		this.email = null;
		this.emailVerifiedAt = null;
		this.residentialArea = null;
		guardian(null, null, null, null);
		this.country = null;
		this.city = null;
		this.timeZone = null;
		this.skills.clear();
		this.languages.clear();
		this.anonymisedAt = Instant.now();
		// free text an admin typed; it may name the person or their posting
		this.statusReason = null;
		if (this.status == VolunteerStatus.APPLICANT) {
			// an application never approved ends as not approved: it has no number
			this.status = VolunteerStatus.REJECTED;
			this.statusChangedAt = Instant.now();
		}
		else if (this.status != VolunteerStatus.LEFT && this.status != VolunteerStatus.REJECTED) {
			this.status = VolunteerStatus.LEFT;
			this.statusChangedAt = Instant.now();
			this.leftAt = Instant.now();
		}
	}

	private void change(VolunteerStatus target, String reason) {
		if (!this.status.mayBecome(target)) {
			throw new VolunteerStatusException(this.status, target);
		}
		this.status = target;
		this.statusReason = blankToNull(reason);
		this.statusChangedAt = Instant.now();
		touch();
	}

	private void touch() {
		this.updatedAt = Instant.now();
	}

	/** The view, with skills keyed by catalogue code. */
	public VolunteerView view(Map<Long, String> skillCodes) {
		Map<String, Integer> skillsByCode = new LinkedHashMap<>();
		this.skills
			.forEach((skillId, level) -> skillsByCode.put(skillCodes.getOrDefault(skillId, "#" + skillId), level));
		return new VolunteerView(id(), accountId(), this.number, this.status, this.statusReason, this.name, this.sex,
				this.birthDate, this.idType, this.idNumberMasked, this.phoneMasked, this.email,
				this.emailVerifiedAt != null, unitId(), this.residentialArea, skillsByCode, Map.copyOf(this.languages),
				new LinkedHashSet<>(Arrays.asList(this.serviceCategories)),
				new LinkedHashSet<>(Arrays.asList(this.availability)), this.country, this.city, this.timeZone,
				this.guardianName, this.guardianPhoneMasked, this.locale, this.source, this.driveId, this.registeredAt,
				this.approvedAt, this.leftAt, this.deletionRequestedAt, this.anonymisedAt);
	}

	/**
	 * What the audit log keeps: masked personal data only, and no email (the log is
	 * append-only, so it must not hold what anonymisation erases beyond the name).
	 */
	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("number", this.number);
		state.put("status", this.status.name());
		state.put("statusReason", this.statusReason);
		state.put("unit", this.unitId);
		state.put("name", this.name);
		state.put("idNumber", this.idNumberMasked);
		state.put("phone", this.phoneMasked);
		return state;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
