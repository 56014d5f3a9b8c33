package org.tongxing.volunteer.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitView;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.Guardian;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.domain.IdNumbers;
import org.tongxing.volunteer.domain.VolunteerRules;

/**
 * Turns the cells of one row into {@link VolunteerDetails} and checks them by the
 * registry's rules ({@link VolunteerRules}, as {@code Volunteers.check} does, with the
 * catalogue and units looked up once per file instead of once per row). Problems name the
 * column of the file they concern. Knows the file's header row.
 */
final class ImportRows {

	/** Longer cells are refused before any other rule: no field is longer. */
	static final int CELL_MAX = 500;

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]0{1,2}:0{1,2}(?::0{1,2})?)?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern ITEM_SEPARATORS = Pattern.compile("[;；,，、\\n]");

	private static final Pattern LEVEL = Pattern.compile("^(.*?)\\s*[:：]\\s*(\\S+)$");

	/** Column index of each known column in the file. */
	private final Map<ImportColumn, Integer> columns;

	/** The headers as written in the file, by column. */
	private final Map<ImportColumn, String> headers;

	private final ImportVocabulary vocabulary;

	private final LocalDate today;

	private ImportRows(Map<ImportColumn, Integer> columns, Map<ImportColumn, String> headers,
			ImportVocabulary vocabulary, LocalDate today) {
		this.columns = columns;
		this.headers = headers;
		this.vocabulary = vocabulary;
		this.today = today;
	}

	/**
	 * Reads the header row.
	 * @throws ImportFileException when no column is known, a required one is missing or
	 * one is there twice
	 */
	static ImportRows ofHeader(List<String> cells, ImportVocabulary vocabulary, LocalDate today) {
		Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
		Map<ImportColumn, String> headers = new EnumMap<>(ImportColumn.class);
		int english = 0;
		int chinese = 0;
		for (int i = 0; i < cells.size(); i++) {
			String header = cells.get(i);
			Optional<ImportColumn> column = ImportColumn.ofHeader(header);
			if (column.isEmpty()) {
				continue;
			}
			if (columns.containsKey(column.get())) {
				throw new ImportFileException("volunteerImport.file.duplicateColumn", header.strip());
			}
			columns.put(column.get(), i);
			headers.put(column.get(), header.strip());
			if (ImportColumn.isEnglish(header)) {
				english++;
			}
			else {
				chinese++;
			}
		}
		if (columns.isEmpty()) {
			throw new ImportFileException("volunteerImport.file.noHeader");
		}
		boolean inEnglish = english > chinese;
		List<String> missing = new ArrayList<>();
		for (ImportColumn column : ImportColumn.values()) {
			if (column.required && !columns.containsKey(column)) {
				missing.add(column.header(inEnglish));
			}
		}
		if (!missing.isEmpty()) {
			throw new ImportFileException("volunteerImport.file.missingColumns",
					String.join(inEnglish ? ", " : "、", missing));
		}
		return new ImportRows(columns, headers, vocabulary, today);
	}

	/** Whether every cell is empty or white space. */
	static boolean isBlank(List<String> cells) {
		return cells.stream().allMatch((cell) -> cell == null || cell.isBlank());
	}

	/** The header of the file for the column (or its Chinese name when absent). */
	String header(ImportColumn column) {
		return this.headers.getOrDefault(column, column.chinese);
	}

	/** The details of the row and every problem they have. */
	ParsedRow parse(int rowNumber, List<String> cells) {
		List<CellProblem> problems = new ArrayList<>();
		Set<ImportColumn> unreadable = new HashSet<>();
		Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
		this.columns.forEach((column, index) -> {
			String value = (index < cells.size() && cells.get(index) != null) ? cells.get(index).strip() : "";
			if (value.length() > CELL_MAX) {
				problems.add(problem(column, "volunteerImport.row.cellTooLong", CELL_MAX));
				unreadable.add(column);
				value = "";
			}
			values.put(column, value);
		});
		Sex sex = parse(values, ImportColumn.SEX, this.vocabulary::sex, "volunteerImport.row.sex", problems,
				unreadable);
		LocalDate birthDate = parse(values, ImportColumn.BIRTH_DATE, ImportRows::date, "volunteerImport.row.date",
				problems, unreadable);
		IdType idType = values.getOrDefault(ImportColumn.ID_TYPE, "").isEmpty() ? IdType.RESIDENT_ID : parse(values,
				ImportColumn.ID_TYPE, this.vocabulary::idType, "volunteerImport.row.idType", problems, unreadable);
		UnitId unit = unit(values.getOrDefault(ImportColumn.UNIT, ""), problems, unreadable);
		Map<String, Integer> skills = levels(values, ImportColumn.SKILLS, this.vocabulary::skill, problems, unreadable);
		Map<String, Integer> languages = levels(values, ImportColumn.LANGUAGES, this.vocabulary::language, problems,
				unreadable);
		Set<String> categories = choices(values, ImportColumn.SERVICE_CATEGORIES, this.vocabulary::category, problems,
				unreadable);
		Set<String> availability = choices(values, ImportColumn.AVAILABILITY, this.vocabulary::availability, problems,
				unreadable);
		String consentText = values.getOrDefault(ImportColumn.GUARDIAN_CONSENT, "");
		Boolean consent = consentText.isEmpty() ? Boolean.FALSE : parse(values, ImportColumn.GUARDIAN_CONSENT,
				ImportVocabulary::yesNo, "volunteerImport.row.yesNo", problems, unreadable);
		Guardian guardian = new Guardian(values.get(ImportColumn.GUARDIAN_NAME),
				values.get(ImportColumn.GUARDIAN_PHONE), Boolean.TRUE.equals(consent));
		VolunteerDetails details = new VolunteerDetails(values.getOrDefault(ImportColumn.NAME, ""), sex, birthDate,
				idType, values.getOrDefault(ImportColumn.ID_NUMBER, ""), values.getOrDefault(ImportColumn.PHONE, ""),
				values.getOrDefault(ImportColumn.EMAIL, ""), unit, values.get(ImportColumn.RESIDENTIAL_AREA), skills,
				languages, categories, availability, values.get(ImportColumn.COUNTRY), values.get(ImportColumn.CITY),
				values.get(ImportColumn.TIME_ZONE), guardian);
		for (FieldProblem problem : VolunteerRules.check(details, this.today, this.vocabulary.skillCodes())) {
			ImportColumn column = ImportColumn.ofField(problem.field()).orElse(null);
			if (column != null && unreadable.contains(column)) {
				// the cell could not be read at all: that problem was said already
				continue;
			}
			problems.add(new CellProblem(column, problem.messageKey(),
					problem.arguments().stream().map(String::valueOf).toList()));
		}
		if (unit != null && !this.vocabulary.isOpen(unit)) {
			problems.add(problem(ImportColumn.UNIT, "volunteer.validation.unit.closed"));
		}
		return new ParsedRow(rowNumber, details, problems);
	}

	private <T> T parse(Map<ImportColumn, String> values, ImportColumn column,
			java.util.function.Function<String, Optional<T>> parser, String key, List<CellProblem> problems,
			Set<ImportColumn> unreadable) {
		String value = values.getOrDefault(column, "");
		if (value.isEmpty()) {
			return null;
		}
		Optional<T> parsed = parser.apply(value);
		if (parsed.isEmpty()) {
			problems.add(problem(column, key, value));
			unreadable.add(column);
			return null;
		}
		return parsed.get();
	}

	private UnitId unit(String name, List<CellProblem> problems, Set<ImportColumn> unreadable) {
		if (name.isEmpty()) {
			return this.vocabulary.target();
		}
		List<UnitView> matches = this.vocabulary.units(name);
		if (matches.size() == 1) {
			return matches.get(0).id();
		}
		problems.add(problem(ImportColumn.UNIT,
				matches.isEmpty() ? "volunteerImport.row.unitUnknown" : "volunteerImport.row.unitAmbiguous", name));
		unreadable.add(ImportColumn.UNIT);
		return null;
	}

	private Map<String, Integer> levels(Map<ImportColumn, String> values, ImportColumn column,
			java.util.function.Function<String, Optional<String>> codes, List<CellProblem> problems,
			Set<ImportColumn> unreadable) {
		Map<String, Integer> levels = new LinkedHashMap<>();
		for (String item : items(values.getOrDefault(column, ""))) {
			Matcher matcher = LEVEL.matcher(item);
			String name = matcher.matches() ? matcher.group(1) : item;
			Integer level = 1;
			if (matcher.matches()) {
				try {
					level = Integer.valueOf(matcher.group(2));
				}
				catch (NumberFormatException ex) {
					level = null;
				}
			}
			Optional<String> code = codes.apply(name);
			if (code.isEmpty() || level == null) {
				problems.add(problem(column,
						(code.isEmpty()) ? "volunteerImport.row.unknownItem" : "volunteerImport.row.levelFormat",
						item));
				unreadable.add(column);
				return Map.of();
			}
			levels.put(code.get(), level);
		}
		return levels;
	}

	private Set<String> choices(Map<ImportColumn, String> values, ImportColumn column,
			java.util.function.Function<String, Optional<String>> codes, List<CellProblem> problems,
			Set<ImportColumn> unreadable) {
		Set<String> result = new LinkedHashSet<>();
		for (String item : items(values.getOrDefault(column, ""))) {
			Optional<String> code = codes.apply(item);
			if (code.isEmpty()) {
				problems.add(problem(column, "volunteerImport.row.unknownItem", item));
				unreadable.add(column);
				return Set.of();
			}
			result.add(code.get());
		}
		return result;
	}

	private static List<String> items(String text) {
		List<String> items = new ArrayList<>();
		for (String item : ITEM_SEPARATORS.split(text)) {
			if (!item.isBlank()) {
				items.add(item.strip());
			}
		}
		return items;
	}

	private CellProblem problem(ImportColumn column, String key, Object... arguments) {
		List<String> args = new ArrayList<>();
		for (Object argument : arguments) {
			args.add(String.valueOf(argument));
		}
		return new CellProblem(column, key, args);
	}

	/**
	 * Dates as {@code yyyy-MM-dd}, also {@code yyyy/M/d}, {@code yyyy.M.d},
	 * {@code yyyyMMdd}, {@code yyyy年M月d日}.
	 */
	static Optional<LocalDate> date(String text) {
		Matcher matcher = DATE.matcher(text);
		if (!matcher.matches()) {
			matcher = COMPACT_DATE.matcher(text);
			if (!matcher.matches()) {
				return Optional.empty();
			}
		}
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3))));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The keyed-hash input of a row's ID: its type and normalised number. */
	static String normalisedIdNumber(VolunteerDetails details) {
		return IdNumbers.normalise(details.idNumber());
	}

	/** A problem of a row; {@code column} is {@code null} for the row as a whole. */
	record CellProblem(ImportColumn column, String messageKey, List<String> arguments) {
	}

	/** One data row: its number in the file, its details and their problems. */
	record ParsedRow(int rowNumber, VolunteerDetails details, List<CellProblem> problems) {

		boolean isValid() {
			return this.problems.isEmpty();
		}

		String email() {
			return this.details.email().strip().toLowerCase(Locale.ROOT);
		}

	}

	/** For tests: the columns as read. */
	Map<ImportColumn, Integer> columns() {
		return new HashMap<>(this.columns);
	}

}
