package org.tongxing.volunteer.profile;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Size;

import org.tongxing.volunteer.VolunteerView;

/**
 * The fields of {@code /me/edit}. Levels are keyed by skill code and language code; an
 * empty level means "not held". An empty phone keeps the stored one.
 */
class ProfileForm {

	@Size(max = 30, message = "{profile.validation.tooLong}")
	private String phone;

	private String residentialArea;

	private Map<String, Integer> skills = new LinkedHashMap<>();

	private Map<String, Integer> languages = new LinkedHashMap<>();

	private Set<String> serviceCategories = new LinkedHashSet<>();

	private Set<String> availability = new LinkedHashSet<>();

	private String country;

	private String city;

	private String timeZone;

	static ProfileForm of(VolunteerView volunteer) {
		ProfileForm form = new ProfileForm();
		form.residentialArea = volunteer.residentialArea();
		form.skills = new LinkedHashMap<>(volunteer.skills());
		form.languages = new LinkedHashMap<>(volunteer.languages());
		form.serviceCategories = new LinkedHashSet<>(volunteer.serviceCategories());
		form.availability = new LinkedHashSet<>(volunteer.availability());
		form.country = volunteer.country();
		form.city = volunteer.city();
		form.timeZone = volunteer.timeZone();
		return form;
	}

	ProfileChanges toChanges() {
		return new ProfileChanges(this.phone, this.residentialArea, levels(this.skills), levels(this.languages),
				this.serviceCategories, this.availability, this.country, this.city, this.timeZone);
	}

	private static Map<String, Integer> levels(Map<String, Integer> levels) {
		Map<String, Integer> held = new LinkedHashMap<>();
		levels.forEach((code, level) -> {
			if (level != null) {
				held.put(code, level);
			}
		});
		return held;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getResidentialArea() {
		return this.residentialArea;
	}

	public void setResidentialArea(String residentialArea) {
		this.residentialArea = residentialArea;
	}

	public Map<String, Integer> getSkills() {
		return this.skills;
	}

	public void setSkills(Map<String, Integer> skills) {
		this.skills = skills;
	}

	public Map<String, Integer> getLanguages() {
		return this.languages;
	}

	public void setLanguages(Map<String, Integer> languages) {
		this.languages = languages;
	}

	public Set<String> getServiceCategories() {
		return this.serviceCategories;
	}

	public void setServiceCategories(Set<String> serviceCategories) {
		this.serviceCategories = serviceCategories;
	}

	public Set<String> getAvailability() {
		return this.availability;
	}

	public void setAvailability(Set<String> availability) {
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

}
