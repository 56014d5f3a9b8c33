package org.tongxing.volunteer.registry;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.util.UriComponentsBuilder;

import org.tongxing.volunteer.VolunteerCatalogue;
import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.registry.VolunteerQuery.AgeBand;
import org.tongxing.volunteer.registry.VolunteerQuery.Sort;

/**
 * The registry's filter, bound from the query string so that every filtered, sorted page
 * has a URL; links (sorting, paging, export) are built from it and keep it.
 */
public class RegistryFilterForm {

	static final int PAGE_SIZE = 25;

	@Size(max = 100)
	private String q;

	private Long unit;

	private VolunteerStatus status;

	@Size(max = 40)
	private String skill;

	private Integer skillLevel;

	@Size(max = 8)
	private String language;

	private Integer languageLevel;

	@Size(max = 40)
	private String qualification;

	@Size(max = 100)
	private String country;

	private AgeBand age;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	private Sort sort;

	private Boolean desc;

	private int page;

	/**
	 * Drops the values that did not parse or are too long (a typed URL), so that the rest
	 * of the filter still works and nothing a user types is a 500.
	 */
	void dropInvalid(BindingResult errors) {
		for (FieldError error : errors.getFieldErrors()) {
			switch (error.getField()) {
				case "q" -> this.q = null;
				case "unit" -> this.unit = null;
				case "status" -> this.status = null;
				case "skill" -> this.skill = null;
				case "skillLevel" -> this.skillLevel = null;
				case "language" -> this.language = null;
				case "languageLevel" -> this.languageLevel = null;
				case "qualification" -> this.qualification = null;
				case "country" -> this.country = null;
				case "age" -> this.age = null;
				case "from" -> this.from = null;
				case "to" -> this.to = null;
				case "sort" -> this.sort = null;
				case "desc" -> this.desc = null;
				default -> this.page = 0;
			}
		}
	}

	/** The filter's parameters that are set, in a stable order, without the page. */
	public Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		put(parameters, "q", this.q);
		put(parameters, "unit", this.unit);
		put(parameters, "status", this.status);
		put(parameters, "skill", this.skill);
		if (hasText(this.skill)) {
			put(parameters, "skillLevel", this.skillLevel);
		}
		put(parameters, "language", this.language);
		if (hasText(this.language)) {
			put(parameters, "languageLevel", this.languageLevel);
		}
		put(parameters, "qualification", this.qualification);
		put(parameters, "country", this.country);
		put(parameters, "age", this.age);
		put(parameters, "from", this.from);
		put(parameters, "to", this.to);
		put(parameters, "sort", this.sort);
		if (isDescending()) {
			parameters.put("desc", "true");
		}
		return parameters;
	}

	/** This filter on another path (e.g. the export). */
	public String link(String path) {
		return uri(path, parameters()).toUriString();
	}

	/**
	 * This filter sorted by the column: ascending, or reversed when already sorted by it.
	 */
	public String sortLink(String sortName) {
		Map<String, String> parameters = parameters();
		boolean reverse = sortName.equals(effectiveSort().name()) && !isDescending();
		parameters.put("sort", sortName);
		parameters.remove("desc");
		if (reverse) {
			parameters.put("desc", "true");
		}
		return uri("/volunteers", parameters).toUriString();
	}

	/** This filter on another page of the results. */
	public String pageLink(int number) {
		Map<String, String> parameters = parameters();
		if (number > 0) {
			parameters.put("page", String.valueOf(number));
		}
		return uri("/volunteers", parameters).toUriString();
	}

	/** Whether the results are sorted by the column, for the headers' aria-sort. */
	public String ariaSort(String sortName) {
		if (!sortName.equals(effectiveSort().name())) {
			return "none";
		}
		return isDescending() ? "descending" : "ascending";
	}

	public Sort effectiveSort() {
		return (this.sort != null) ? this.sort : Sort.NAME;
	}

	int skillLevelOrMinimum() {
		return clamp(this.skillLevel, VolunteerCatalogue.MAX_SKILL_LEVEL);
	}

	int languageLevelOrMinimum() {
		return clamp(this.languageLevel, VolunteerCatalogue.MAX_LANGUAGE_LEVEL);
	}

	private static int clamp(Integer level, int max) {
		return (level == null) ? 1 : Math.max(1, Math.min(max, level));
	}

	private static UriComponentsBuilder uri(String path, Map<String, String> parameters) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		parameters.forEach(uri::queryParam);
		return uri.encode();
	}

	private static void put(Map<String, String> parameters, String name, Object value) {
		if (value instanceof Enum<?> constant) {
			parameters.put(name, constant.name());
		}
		else if (value != null && !value.toString().isBlank()) {
			parameters.put(name, value.toString().strip());
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	public String getQ() {
		return this.q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public Long getUnit() {
		return this.unit;
	}

	public void setUnit(Long unit) {
		this.unit = unit;
	}

	public VolunteerStatus getStatus() {
		return this.status;
	}

	public void setStatus(VolunteerStatus status) {
		this.status = status;
	}

	public String getSkill() {
		return this.skill;
	}

	public void setSkill(String skill) {
		this.skill = skill;
	}

	public Integer getSkillLevel() {
		return this.skillLevel;
	}

	public void setSkillLevel(Integer skillLevel) {
		this.skillLevel = skillLevel;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public Integer getLanguageLevel() {
		return this.languageLevel;
	}

	public void setLanguageLevel(Integer languageLevel) {
		this.languageLevel = languageLevel;
	}

	public String getQualification() {
		return this.qualification;
	}

	public void setQualification(String qualification) {
		this.qualification = qualification;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public AgeBand getAge() {
		return this.age;
	}

	public void setAge(AgeBand age) {
		this.age = age;
	}

	public LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return this.to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public Sort getSort() {
		return this.sort;
	}

	public void setSort(Sort sort) {
		this.sort = sort;
	}

	public Boolean getDesc() {
		return this.desc;
	}

	/** Whether the sort is descending. */
	public boolean isDescending() {
		return Boolean.TRUE.equals(this.desc);
	}

	public void setDesc(Boolean desc) {
		this.desc = desc;
	}

	public int getPage() {
		return this.page;
	}

	public void setPage(int page) {
		this.page = Math.max(0, page);
	}

}
