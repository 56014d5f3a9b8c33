package org.tongxing.volunteer.registration;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;

import org.tongxing.organisation.UnitId;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.Guardian;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.VolunteerDetails;

/**
 * What the registration page sends. Choices arrive as text and are converted by the
 * controller, so that a tampered or impossible value becomes a message beside its field
 * rather than a conversion error; the registry's rules ({@code Volunteers.check}) judge
 * the rest. The password is never sent back to the page.
 */
class RegistrationForm {

	private String name;

	private String sex;

	/** ISO date (what {@code <input type="date">} sends). */
	private String birthDate;

	private String idType;

	private String idNumber;

	private String phone;

	private String email;

	@NotBlank(message = "{volunteer.registration.validation.password.required}")
	private String password;

	@NotBlank(message = "{volunteer.registration.validation.confirmPassword.required}")
	private String confirmPassword;

	private String unit;

	/** The code of the recruitment drive the page was opened for, if any. */
	private String drive;

	private String residentialArea;

	private List<String> skills = new ArrayList<>();

	private Map<String, String> skillLevels = new LinkedHashMap<>();

	private List<String> languages = new ArrayList<>();

	private Map<String, String> languageLevels = new LinkedHashMap<>();

	private List<String> serviceCategories = new ArrayList<>();

	private List<String> availability = new ArrayList<>();

	private String country;

	private String city;

	private String timeZone;

	private String guardianName;

	private String guardianPhone;

	private boolean guardianConsent;

	private boolean noticeAccepted;

	private boolean sensitiveDataAccepted;

	/**
	 * The details for the registry's rules. Text that does not convert (an impossible
	 * date, a tampered choice) is added to {@code problems} and passed on as empty.
	 */
	VolunteerDetails details(UnitId unitId, List<FieldProblem> problems) {
		LocalDate birth = null;
		if (this.birthDate != null && !this.birthDate.isBlank()) {
			try {
				birth = LocalDate.parse(this.birthDate.strip());
			}
			catch (DateTimeException ex) {
				problems.add(FieldProblem.of("birthDate", "volunteer.validation.birthDate.impossible"));
			}
		}
		return new VolunteerDetails(this.name, choice(Sex.class, this.sex), birth, choice(IdType.class, this.idType),
				this.idNumber, this.phone, this.email, unitId, this.residentialArea,
				levels(this.skills, this.skillLevels), levels(this.languages, this.languageLevels),
				new LinkedHashSet<>(this.serviceCategories), new LinkedHashSet<>(this.availability), this.country,
				this.city, this.timeZone, new Guardian(this.guardianName, this.guardianPhone, this.guardianConsent));
	}

	/** The unit chosen, or {@code null} when none (or not a number). */
	Long unitNumber() {
		try {
			return (this.unit != null && !this.unit.isBlank()) ? Long.valueOf(this.unit.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String value) {
		return Arrays.stream(type.getEnumConstants()).filter((it) -> it.name().equals(value)).findFirst().orElse(null);
	}

	/**
	 * The checked codes with their levels; an unreadable level is 0, which the rules
	 * refuse.
	 */
	private static Map<String, Integer> levels(List<String> codes, Map<String, String> levels) {
		Map<String, Integer> result = new LinkedHashMap<>();
		for (String code : codes) {
			String level = (levels != null) ? levels.get(code) : null;
			try {
				result.put(code, (level == null || level.isBlank()) ? 1 : Integer.parseInt(level.strip()));
			}
			catch (NumberFormatException ex) {
				result.put(code, 0);
			}
		}
		return result;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getSex() {
		return this.sex;
	}

	public void setSex(String sex) {
		this.sex = sex;
	}

	public String getBirthDate() {
		return this.birthDate;
	}

	public void setBirthDate(String birthDate) {
		this.birthDate = birthDate;
	}

	public String getIdType() {
		return this.idType;
	}

	public void setIdType(String idType) {
		this.idType = idType;
	}

	public String getIdNumber() {
		return this.idNumber;
	}

	public void setIdNumber(String idNumber) {
		this.idNumber = idNumber;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getConfirmPassword() {
		return this.confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

	public String getUnit() {
		return this.unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getDrive() {
		return this.drive;
	}

	public void setDrive(String drive) {
		this.drive = drive;
	}

	public String getResidentialArea() {
		return this.residentialArea;
	}

	public void setResidentialArea(String residentialArea) {
		this.residentialArea = residentialArea;
	}

	public List<String> getSkills() {
		return this.skills;
	}

	public void setSkills(List<String> skills) {
		this.skills = skills;
	}

	public Map<String, String> getSkillLevels() {
		return this.skillLevels;
	}

	public void setSkillLevels(Map<String, String> skillLevels) {
		this.skillLevels = skillLevels;
	}

	public List<String> getLanguages() {
		return this.languages;
	}

	public void setLanguages(List<String> languages) {
		this.languages = languages;
	}

	public Map<String, String> getLanguageLevels() {
		return this.languageLevels;
	}

	public void setLanguageLevels(Map<String, String> languageLevels) {
		this.languageLevels = languageLevels;
	}

	public List<String> getServiceCategories() {
		return this.serviceCategories;
	}

	public void setServiceCategories(List<String> serviceCategories) {
		this.serviceCategories = serviceCategories;
	}

	public List<String> getAvailability() {
		return this.availability;
	}

	public void setAvailability(List<String> availability) {
		this.availability = availability;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public String getGuardianName() {
		return this.guardianName;
	}

	public void setGuardianName(String guardianName) {
		this.guardianName = guardianName;
	}

	public String getGuardianPhone() {
		return this.guardianPhone;
	}

	public void setGuardianPhone(String guardianPhone) {
		this.guardianPhone = guardianPhone;
	}

	public boolean isGuardianConsent() {
		return this.guardianConsent;
	}

	public void setGuardianConsent(boolean guardianConsent) {
		this.guardianConsent = guardianConsent;
	}

	public boolean isNoticeAccepted() {
		return this.noticeAccepted;
	}

	public void setNoticeAccepted(boolean noticeAccepted) {
		this.noticeAccepted = noticeAccepted;
	}

	public boolean isSensitiveDataAccepted() {
		return this.sensitiveDataAccepted;
	}

	public void setSensitiveDataAccepted(boolean sensitiveDataAccepted) {
		this.sensitiveDataAccepted = sensitiveDataAccepted;
	}

}
