package org.tongxing.volunteer.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;

import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitView;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.VolunteerCatalogue;

/**
 * What the words of an import file mean, read once per file: sexes, ID types, skills (by
 * Chinese or English name or code), languages, service categories and availability (by
 * their Chinese or English labels or codes), and the units of the target unit's subtree
 * (by exact Chinese or English name or short code).
 */
final class ImportVocabulary {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final Locale ENGLISH = Locale.ENGLISH;

	private final Map<String, Sex> sexes = new HashMap<>();

	private final Map<String, IdType> idTypes = new HashMap<>();

	private final Map<String, String> skills = new HashMap<>();

	private final Set<String> skillCodes;

	private final Map<String, String> languages = new HashMap<>();

	private final Map<String, String> categories = new HashMap<>();

	private final Map<String, String> availability = new HashMap<>();

	private final Map<String, List<UnitView>> units = new HashMap<>();

	private final Map<Long, Boolean> open = new HashMap<>();

	private final UnitId target;

	/**
	 * @param skillNames per active skill code: its Chinese and English names
	 * @param subtree the target unit and every unit below it
	 */
	ImportVocabulary(MessageSource messages, Map<String, List<String>> skillNames, UnitView target,
			List<UnitView> subtree) {
		this.target = target.id();
		for (Sex sex : Sex.values()) {
			put(this.sexes, sex, sex.name(), label(messages, "volunteer.sex." + sex.name(), CHINESE),
					label(messages, "volunteer.sex." + sex.name(), ENGLISH));
		}
		put(this.sexes, Sex.MALE, "M", "男性");
		put(this.sexes, Sex.FEMALE, "F", "女性");
		for (IdType type : IdType.values()) {
			put(this.idTypes, type, type.name(), label(messages, "volunteer.idType." + type.name(), CHINESE),
					label(messages, "volunteer.idType." + type.name(), ENGLISH));
		}
		put(this.idTypes, IdType.RESIDENT_ID, "身份证", "居民身份证号码", "ID card");
		put(this.idTypes, IdType.HK_MACAO_PERMIT, "港澳通行证", "回乡证");
		put(this.idTypes, IdType.TAIWAN_PERMIT, "台胞证");
		put(this.idTypes, IdType.FOREIGNER_PERMANENT_RESIDENCE, "外国人永久居留证", "永居证");
		skillNames.forEach((code, names) -> {
			put(this.skills, code, code);
			names.forEach((name) -> put(this.skills, code, name));
		});
		this.skillCodes = Set.copyOf(skillNames.keySet());
		labelled(messages, this.languages, VolunteerCatalogue.LANGUAGES, "volunteer.language.");
		labelled(messages, this.categories, VolunteerCatalogue.SERVICE_CATEGORIES, "volunteer.category.");
		labelled(messages, this.availability, VolunteerCatalogue.AVAILABILITY, "volunteer.availability.");
		for (UnitView unit : subtree) {
			this.open.put(unit.id().value(), unit.isOpen());
			List<String> names = new ArrayList<>(List.of(unit.name()));
			if (unit.nameEn() != null && !unit.nameEn().isBlank()) {
				names.add(unit.nameEn());
			}
			if (unit.shortCode() != null && !unit.shortCode().isBlank()) {
				names.add(unit.shortCode());
			}
			names.stream()
				.map(ImportVocabulary::key)
				.distinct()
				.forEach((name) -> this.units.computeIfAbsent(name, (k) -> new ArrayList<>()).add(unit));
		}
	}

	private static void labelled(MessageSource messages, Map<String, String> map, List<String> codes, String prefix) {
		for (String code : codes) {
			put(map, code, code, label(messages, prefix + code, CHINESE), label(messages, prefix + code, ENGLISH));
		}
	}

	private static String label(MessageSource messages, String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	@SafeVarargs
	private static <T> void put(Map<String, T> map, T value, String... names) {
		for (String name : names) {
			if (name != null && !name.isBlank()) {
				map.putIfAbsent(key(name), value);
			}
		}
	}

	private static String key(String text) {
		return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	Optional<Sex> sex(String text) {
		return Optional.ofNullable(this.sexes.get(key(text)));
	}

	Optional<IdType> idType(String text) {
		return Optional.ofNullable(this.idTypes.get(key(text)));
	}

	Optional<String> skill(String text) {
		return Optional.ofNullable(this.skills.get(key(text)));
	}

	Set<String> skillCodes() {
		return this.skillCodes;
	}

	Optional<String> language(String text) {
		return Optional.ofNullable(this.languages.get(key(text)));
	}

	Optional<String> category(String text) {
		return Optional.ofNullable(this.categories.get(key(text)));
	}

	Optional<String> availability(String text) {
		return Optional.ofNullable(this.availability.get(key(text)));
	}

	static Optional<Boolean> yesNo(String text) {
		return switch (key(text)) {
			case "是", "同意", "已同意", "yes", "y", "true", "1", "√", "✓" -> Optional.of(Boolean.TRUE);
			case "否", "不同意", "no", "n", "false", "0" -> Optional.of(Boolean.FALSE);
			default -> Optional.empty();
		};
	}

	UnitId target() {
		return this.target;
	}

	/** The units of the subtree with that exact name, English name or short code. */
	List<UnitView> units(String name) {
		return this.units.getOrDefault(key(name), List.of());
	}

	boolean isOpen(UnitId unit) {
		return this.open.getOrDefault(unit.value(), false);
	}

}
