package org.tongxing.volunteer.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitStatus;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.domain.IdNumbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading the header row and turning cells into volunteer details: formats, labels in
 * both languages, and one clear problem per unreadable cell.
 */
class ImportRowsTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	static final UnitView TARGET = unit(10, "/1/10/", "外事处", "Foreign Affairs", "WSC", UnitStatus.OPEN);

	static final UnitView BELOW = unit(11, "/1/10/11/", "青年志愿者小组", null, "QZ", UnitStatus.OPEN);

	static final UnitView CLOSED = unit(12, "/1/10/12/", "已撤销小组", null, null, UnitStatus.CLOSED);

	final ImportVocabulary vocabulary = new ImportVocabulary(messages(),
			Map.of("first-aid", List.of("急救", "First aid"), "law", List.of("法律", "Law")), TARGET,
			List.of(TARGET, BELOW, CLOSED));

	static final List<String> HEADERS = List.of("姓名*", "性别", "出生日期（yyyy-MM-dd）", "证件类型", "证件号码", "手机号码", "电子邮箱", "所属单位",
			"技能", "语言", "服务类别", "监护人姓名", "监护人电话", "监护人同意");

	@Test
	void headersMayCarryMarksHintsABomAndBeInEnglish() {
		assertThat(ImportColumn.ofHeader("\uFEFF姓名")).contains(ImportColumn.NAME);
		assertThat(ImportColumn.ofHeader(" 出生日期（yyyy-MM-dd）* ")).contains(ImportColumn.BIRTH_DATE);
		assertThat(ImportColumn.ofHeader("Date of birth")).contains(ImportColumn.BIRTH_DATE);
		assertThat(ImportColumn.ofHeader("E-mail")).contains(ImportColumn.EMAIL);
		assertThat(ImportColumn.ofHeader("备注")).isEmpty();
	}

	@Test
	void aHeaderRowWithoutRequiredColumnsNamesThemInTheFilesLanguage() {
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> ImportRows.ofHeader(List.of("Name", "Sex", "Email"), this.vocabulary, TODAY))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("volunteerImport.file.missingColumns"))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly("Date of birth, ID number, Mobile phone"));
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> ImportRows.ofHeader(List.of("a", "b"), this.vocabulary, TODAY))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("volunteerImport.file.noHeader"));
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> ImportRows.ofHeader(List.of("姓名", "Name"), this.vocabulary, TODAY))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("volunteerImport.file.duplicateColumn"));
	}

	@Test
	void aValidRowBecomesDetailsWithCatalogueCodes() {
		ImportRows.ParsedRow row = rows().parse(2, row("王芳", "女", "1995/6/15", "", "", "急救:2；法律", "英语：3", "应急救援、法律援助"));

		assertThat(row.problems()).isEmpty();
		assertThat(row.details().sex()).isEqualTo(Sex.FEMALE);
		assertThat(row.details().birthDate()).isEqualTo(LocalDate.of(1995, 6, 15));
		assertThat(row.details().idType()).isEqualTo(IdType.RESIDENT_ID);
		assertThat(row.details().unit()).isEqualTo(TARGET.id());
		assertThat(row.details().skills()).isEqualTo(Map.of("first-aid", 2, "law", 1));
		assertThat(row.details().languages()).isEqualTo(Map.of("en", 3));
		assertThat(row.details().serviceCategories()).isEqualTo(Set.of("emergency", "legal-aid"));
	}

	@Test
	void englishLabelsAndUnitsBelowTheTargetByNameOrShortCodeAreUnderstood() {
		ImportRows.ParsedRow row = rows().parse(2, row("Anna", "Female", "1995-06-15", "Resident ID card", "QZ",
				"First aid:1", "French:2", "Emergency response"));
		assertThat(row.problems()).isEmpty();
		assertThat(row.details().unit()).isEqualTo(BELOW.id());
		assertThat(row.details().languages()).isEqualTo(Map.of("fr", 2));
	}

	@Test
	void datesAreReadInTheUsualChineseWays() {
		assertThat(ImportRows.date("1995-06-15")).contains(LocalDate.of(1995, 6, 15));
		assertThat(ImportRows.date("1995/6/5")).contains(LocalDate.of(1995, 6, 5));
		assertThat(ImportRows.date("1995.6.5")).contains(LocalDate.of(1995, 6, 5));
		assertThat(ImportRows.date("1995年6月5日")).contains(LocalDate.of(1995, 6, 5));
		assertThat(ImportRows.date("19950605")).contains(LocalDate.of(1995, 6, 5));
		assertThat(ImportRows.date("1995-06-05 00:00:00")).contains(LocalDate.of(1995, 6, 5));
		assertThat(ImportRows.date("1995-02-30")).isEmpty();
		assertThat(ImportRows.date("6/5/95")).isEmpty();
	}

	@Test
	void anUnreadableCellIsOneProblemOfItsColumnNotAlsoAMissingValue() {
		ImportRows rows = rows();
		ImportRows.ParsedRow row = rows.parse(7, row("王芳", "未知", "15.06.1995", "驾照", "不存在的单位", "潜水:2", "克林贡语", "散步"));

		assertThat(row.problems()).extracting(ImportRows.CellProblem::column, ImportRows.CellProblem::messageKey)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ImportColumn.SEX, "volunteerImport.row.sex"),
					org.assertj.core.groups.Tuple.tuple(ImportColumn.BIRTH_DATE, "volunteerImport.row.date"),
					org.assertj.core.groups.Tuple.tuple(ImportColumn.ID_TYPE, "volunteerImport.row.idType"),
					org.assertj.core.groups.Tuple.tuple(ImportColumn.UNIT, "volunteerImport.row.unitUnknown"),
					org.assertj.core.groups.Tuple.tuple(ImportColumn.SKILLS, "volunteerImport.row.unknownItem"),
					org.assertj.core.groups.Tuple.tuple(ImportColumn.LANGUAGES, "volunteerImport.row.unknownItem"),
					org.assertj.core.groups.Tuple.tuple(ImportColumn.SERVICE_CATEGORIES,
							"volunteerImport.row.unknownItem"));
		assertThat(rows.header(ImportColumn.BIRTH_DATE)).isEqualTo("出生日期（yyyy-MM-dd）");
	}

	@Test
	void theRegistrationRulesApplyWithTheirFieldsMappedToColumns() {
		List<String> cells = row("王芳", "女", "1995-06-15", "", "", "", "", "");
		String valid = cells.get(4);
		cells.set(4, valid.substring(0, 17) + (valid.endsWith("0") ? "1" : "0"));
		cells.set(5, "12345");
		ImportRows.ParsedRow row = rows().parse(3, cells);
		assertThat(row.problems()).extracting(ImportRows.CellProblem::column, ImportRows.CellProblem::messageKey)
			.contains(org.assertj.core.groups.Tuple.tuple(ImportColumn.PHONE, "volunteer.validation.phone.format"));
		assertThat(row.problems()).extracting(ImportRows.CellProblem::column).contains(ImportColumn.ID_NUMBER);
	}

	@Test
	void aMinorNeedsTheGuardianColumnsAndTooLongCellsAreRefused() {
		List<String> minor = row("小明", "男", "2010-03-01", "", "", "", "", "");
		minor.set(4, residentId(LocalDate.of(2010, 3, 1)));
		assertThat(rows().parse(2, minor).problems()).extracting(ImportRows.CellProblem::column)
			.contains(ImportColumn.GUARDIAN_NAME, ImportColumn.GUARDIAN_CONSENT);
		minor.set(11, "小明妈妈");
		minor.set(12, "13912345678");
		minor.set(13, "是");
		assertThat(rows().parse(2, minor).problems()).isEmpty();
		minor.set(11, "长".repeat(51));
		assertThat(rows().parse(2, minor).problems()).extracting(ImportRows.CellProblem::messageKey)
			.containsExactly("volunteer.validation.tooLong");
		minor.set(11, "长".repeat(ImportRows.CELL_MAX + 1));
		assertThat(rows().parse(2, minor).problems()).extracting(ImportRows.CellProblem::messageKey)
			.containsExactly("volunteerImport.row.cellTooLong");
	}

	@Test
	void aClosedUnitIsRefused() {
		ImportRows.ParsedRow row = rows().parse(2, row("王芳", "女", "1995-06-15", "", "已撤销小组", "", "", ""));
		assertThat(row.problems()).extracting(ImportRows.CellProblem::messageKey)
			.containsExactly("volunteer.validation.unit.closed");
	}

	private ImportRows rows() {
		return ImportRows.ofHeader(HEADERS, this.vocabulary, TODAY);
	}

	/** A row for {@link #HEADERS}: valid ID for 1995-06-15, phone and email. */
	private static List<String> row(String name, String sex, String birthDate, String idType, String unit,
			String skills, String languages, String categories) {
		return new ArrayList<>(List.of(name, sex, birthDate, idType, residentId(LocalDate.of(1995, 6, 15)),
				"13912345678", "wang@example.org", unit, skills, languages, categories, "", "", ""));
	}

	private static String residentId(LocalDate birthDate) {
		String first17 = "110101" + birthDate.toString().replace("-", "") + "123";
		return first17 + IdNumbers.checkDigit(first17);
	}

	private static UnitView unit(long id, String path, String name, String nameEn, String code, UnitStatus status) {
		return new UnitView(new UnitId(id), new UnitId(1), path, path.split("/").length - 2, name, nameEn, code,
				UnitType.DEPARTMENT, null, null, null, null, null, status, null, null);
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/volunteer", "i18n/volunteer-import");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
