package org.tongxing.activity.scheduling;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotNull;

import org.tongxing.activity.Approval;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionView;

/**
 * A position of a session, or a unit's position template ({@code unitId} only there):
 * name, places, approval, minimum age and required skills, languages and qualifications
 * from the catalogues.
 */
class PositionForm {

	private Long unitId;

	private String name;

	private String description;

	@NotNull(message = "{scheduling.invalid.required}")
	private Integer capacity;

	private Approval approval = Approval.AUTOMATIC;

	private Integer minAge;

	private Set<String> skills = new LinkedHashSet<>();

	private Set<String> languages = new LinkedHashSet<>();

	private Set<String> qualifications = new LinkedHashSet<>();

	static PositionForm of(PositionView position) {
		return of(position.name(), position.description(), position.capacity(), position.approval(), position.minAge(),
				position.skills(), position.languages(), position.qualifications());
	}

	static PositionForm of(PositionTemplateView template) {
		PositionForm form = of(template.name(), template.description(), template.capacity(), template.approval(),
				template.minAge(), template.skills(), template.languages(), template.qualifications());
		form.unitId = template.unit().value();
		return form;
	}

	private static PositionForm of(String name, String description, int capacity, Approval approval, Integer minAge,
			Set<String> skills, Set<String> languages, Set<String> qualifications) {
		PositionForm form = new PositionForm();
		form.name = name;
		form.description = description;
		form.capacity = capacity;
		form.approval = approval;
		form.minAge = minAge;
		form.skills = new LinkedHashSet<>(skills);
		form.languages = new LinkedHashSet<>(languages);
		form.qualifications = new LinkedHashSet<>(qualifications);
		return form;
	}

	PositionDetails details() {
		return new PositionDetails(this.name, this.description, (this.capacity != null) ? this.capacity : 0,
				this.approval, this.minAge, this.skills, this.languages, this.qualifications);
	}

	public Long getUnitId() {
		return this.unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Integer getCapacity() {
		return this.capacity;
	}

	public void setCapacity(Integer capacity) {
		this.capacity = capacity;
	}

	public Approval getApproval() {
		return this.approval;
	}

	public void setApproval(Approval approval) {
		this.approval = approval;
	}

	public Integer getMinAge() {
		return this.minAge;
	}

	public void setMinAge(Integer minAge) {
		this.minAge = minAge;
	}

	public Set<String> getSkills() {
		return this.skills;
	}

	public void setSkills(Set<String> skills) {
		this.skills = (skills != null) ? skills : new LinkedHashSet<>();
	}

	public Set<String> getLanguages() {
		return this.languages;
	}

	public void setLanguages(Set<String> languages) {
		this.languages = (languages != null) ? languages : new LinkedHashSet<>();
	}

	public Set<String> getQualifications() {
		return this.qualifications;
	}

	public void setQualifications(Set<String> qualifications) {
		this.qualifications = (qualifications != null) ? qualifications : new LinkedHashSet<>();
	}

}
