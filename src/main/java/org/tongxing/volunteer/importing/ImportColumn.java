package org.tongxing.volunteer.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns an import file may have, with their Chinese and English headers (both are
 * accepted, in any order; unknown columns are ignored) and the field of
 * {@link org.tongxing.volunteer.VolunteerDetails} whose problems they carry. A header may
 * carry a trailing {@code *} or a hint in brackets, e.g. {@code 出生日期（yyyy-MM-dd）*}.
 */
enum ImportColumn {

	NAME("姓名", "Name", "name", true, "姓名*"), SEX("性别", "Sex", "sex", true),
	BIRTH_DATE("出生日期", "Date of birth", "birthDate", true, "生日", "Birth date"),
	ID_TYPE("证件类型", "ID type", "idType", false),
	ID_NUMBER("证件号码", "ID number", "idNumber", true, "身份证号码", "身份证号", "证件号"),
	PHONE("手机号码", "Mobile phone", "phone", true, "手机号", "手机", "Phone", "Mobile"),
	EMAIL("电子邮箱", "Email", "email", true, "邮箱", "E-mail", "电子邮件"), UNIT("所属单位", "Unit", "unit", false, "单位"),
	RESIDENTIAL_AREA("居住地区", "Residential area", "residentialArea", false, "居住地"),
	SKILLS("技能", "Skills", "skills", false), LANGUAGES("语言", "Languages", "languages", false, "外语"),
	SERVICE_CATEGORIES("服务类别", "Service categories", "serviceCategories", false, "服务意向"),
	AVAILABILITY("可服务时间", "Availability", "availability", false, "服务时间"),
	COUNTRY("国家", "Country", "country", false, "所在国家"), CITY("城市", "City", "city", false, "所在城市"),
	TIME_ZONE("时区", "Time zone", "timeZone", false), GUARDIAN_NAME("监护人姓名", "Guardian name", "guardianName", false),
	GUARDIAN_PHONE("监护人电话", "Guardian phone", "guardianPhone", false, "监护人手机"),
	GUARDIAN_CONSENT("监护人同意", "Guardian consent", "guardianConsent", false);

	private static final Map<String, ImportColumn> BY_HEADER = new HashMap<>();

	static {
		for (ImportColumn column : values()) {
			BY_HEADER.put(normalise(column.chinese), column);
			BY_HEADER.put(normalise(column.english), column);
			for (String alias : column.aliases) {
				BY_HEADER.put(normalise(alias), column);
			}
		}
	}

	final String chinese;

	final String english;

	/** The field of VolunteerDetails (or of the guardian) this column fills. */
	final String field;

	final boolean required;

	private final List<String> aliases;

	ImportColumn(String chinese, String english, String field, boolean required, String... aliases) {
		this.chinese = chinese;
		this.english = english;
		this.field = field;
		this.required = required;
		this.aliases = List.of(aliases);
	}

	String header(boolean english) {
		return english ? this.english : this.chinese;
	}

	static Optional<ImportColumn> ofHeader(String header) {
		return Optional.ofNullable(BY_HEADER.get(normalise(header)));
	}

	static boolean isEnglish(String header) {
		return header != null && header.chars().anyMatch((c) -> c >= 'A' && c <= 'z')
				&& header.chars().noneMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	static Optional<ImportColumn> ofField(String field) {
		for (ImportColumn column : values()) {
			if (column.field.equals(field)) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

	/**
	 * Without a BOM, a required-mark, a hint in brackets, spaces and case: {@code "出生日期
	 * (yyyy-MM-dd) *"} is {@code "出生日期"}.
	 */
	static String normalise(String header) {
		if (header == null) {
			return "";
		}
		String text = header.replace("\uFEFF", "").strip();
		text = text.replaceAll("[（(\\[【].*$", "");
		text = text.replaceAll("[*＊:：]", "");
		return text.replaceAll("[\\s_\\-]+", "").toLowerCase(Locale.ROOT);
	}

}
