package org.tongxing.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tongxing.organisation.UnitDetails;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;

/**
 * The fields of the new-unit and edit-unit forms.
 */
class UnitForm {

	@NotBlank(message = "{organisation.validation.required}")
	@Size(max = 200, message = "{organisation.validation.tooLong}")
	private String name;

	@Size(max = 200, message = "{organisation.validation.tooLong}")
	private String nameEn;

	@Size(max = 32, message = "{organisation.validation.tooLong}")
	private String shortCode;

	@NotNull(message = "{organisation.validation.required}")
	private UnitType type;

	@Size(max = 100, message = "{organisation.validation.tooLong}")
	private String country;

	@Size(max = 100, message = "{organisation.validation.tooLong}")
	private String city;

	@Size(max = 64, message = "{organisation.validation.tooLong}")
	private String timeZone;

	@Size(max = 2000, message = "{organisation.validation.tooLong}")
	private String description;

	@Size(max = 500, message = "{organisation.validation.tooLong}")
	private String contact;

	static UnitForm of(UnitView unit) {
		UnitForm form = new UnitForm();
		form.name = unit.name();
		form.nameEn = unit.nameEn();
		form.shortCode = unit.shortCode();
		form.type = unit.type();
		form.country = unit.country();
		form.city = unit.city();
		form.timeZone = unit.timeZone();
		form.description = unit.description();
		form.contact = unit.contact();
		return form;
	}

	UnitDetails toDetails() {
		return new UnitDetails(this.name, this.nameEn, this.shortCode, this.type, this.country, this.city,
				this.timeZone, this.description, this.contact);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getShortCode() {
		return this.shortCode;
	}

	public void setShortCode(String shortCode) {
		this.shortCode = shortCode;
	}

	public UnitType getType() {
		return this.type;
	}

	public void setType(UnitType type) {
		this.type = type;
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

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getContact() {
		return this.contact;
	}

	public void setContact(String contact) {
		this.contact = contact;
	}

}
