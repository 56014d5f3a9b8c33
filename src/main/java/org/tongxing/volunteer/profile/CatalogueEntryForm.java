package org.tongxing.volunteer.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new catalogue entry, or (without the code) new names for one.
 */
class CatalogueEntryForm {

	/** Lower-case ASCII letters and digits in words joined by single hyphens. */
	static final String CODE_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

	@NotBlank(groups = New.class, message = "{profile.catalogue.code.required}")
	@Pattern(regexp = CODE_PATTERN, groups = New.class, message = "{profile.catalogue.code.format}")
	@Size(max = 40, groups = New.class, message = "{profile.validation.tooLong}")
	private String code;

	@NotBlank(message = "{profile.catalogue.name.required}")
	@Size(max = 100, message = "{profile.validation.tooLong}")
	private String name;

	@Size(max = 100, message = "{profile.validation.tooLong}")
	private String nameEn;

	static CatalogueEntryForm of(CatalogueEntry entry) {
		CatalogueEntryForm form = new CatalogueEntryForm();
		form.code = entry.code();
		form.name = entry.name();
		form.nameEn = entry.nameEn();
		return form;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
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

	/** Validation group of the fields only a new entry has. */
	interface New {

	}

}
