package org.tongxing.volunteer.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.tongxing.organisation.UnitId;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.Guardian;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.VolunteerDetails;

import static org.assertj.core.api.Assertions.assertThat;

class VolunteerRulesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	static VolunteerDetails adult() {
		return details(LocalDate.of(1949, 12, 31), "11010519491231002X", Guardian.none());
	}

	static VolunteerDetails details(LocalDate birthDate, String idNumber, Guardian guardian) {
		return new VolunteerDetails("张三", Sex.MALE, birthDate, IdType.RESIDENT_ID, idNumber, "13812345678",
				"zhang@example.org", new UnitId(1), "北京市朝阳区", Map.of("law", 2), Map.of("en", 3), Set.of("legal-aid"),
				Set.of("weekend"), null, null, null, guardian);
	}

	static List<String> fields(List<FieldProblem> problems) {
		return problems.stream().map(FieldProblem::field).toList();
	}

	@Test
	void anAdultWithValidDetailsPasses() {
		assertThat(VolunteerRules.check(adult(), TODAY, Set.of("law"))).isEmpty();
	}

	@Test
	void underFourteenIsRefusedWithAnExplanation() {
		// 14 tomorrow
		VolunteerDetails child = details(LocalDate.of(2012, 11, 30), "31011520121130" + "000", Guardian.none());
		List<FieldProblem> problems = VolunteerRules.check(child, TODAY, Set.of("law"));
		assertThat(problems).extracting(FieldProblem::messageKey).contains("volunteer.validation.birthDate.tooYoung");
	}

	@Test
	void fromFourteenToEighteenAGuardianNamePhoneAndConsentAreRequired() {
		LocalDate fourteenToday = LocalDate.of(2012, 11, 29);
		String id = "31011520121129001";
		id = id + IdNumbers.checkDigit(id);
		assertThat(fields(VolunteerRules.check(details(fourteenToday, id, Guardian.none()), TODAY, Set.of("law"))))
			.containsExactlyInAnyOrder("guardianName", "guardianPhone", "guardianConsent");
		Guardian guardian = new Guardian("张父", "13900001111", true);
		assertThat(VolunteerRules.check(details(fourteenToday, id, guardian), TODAY, Set.of("law"))).isEmpty();
	}

	@Test
	void eighteenTodayNeedsNoGuardian() {
		LocalDate eighteenToday = LocalDate.of(2008, 11, 29);
		String id = "44030420081129001";
		id = id + IdNumbers.checkDigit(id);
		assertThat(VolunteerRules.check(details(eighteenToday, id, Guardian.none()), TODAY, Set.of("law"))).isEmpty();
	}

	@Test
	void aFutureOrAncientBirthDateIsImpossible() {
		assertThat(VolunteerRules.check(details(LocalDate.of(2030, 1, 1), "x", Guardian.none()), TODAY, Set.of()))
			.extracting(FieldProblem::messageKey)
			.contains("volunteer.validation.birthDate.impossible");
		assertThat(VolunteerRules.check(details(LocalDate.of(1890, 1, 1), "x", Guardian.none()), TODAY, Set.of()))
			.extracting(FieldProblem::messageKey)
			.contains("volunteer.validation.birthDate.impossible");
	}

	@Test
	void unknownSkillsAndLevelsOutOfRangeAreRefused() {
		assertThat(fields(VolunteerRules.check(adult(), TODAY, Set.of("first-aid")))).containsExactly("skills");
		VolunteerDetails fluentTooMuch = new VolunteerDetails("张三", Sex.MALE, LocalDate.of(1949, 12, 31),
				IdType.RESIDENT_ID, "11010519491231002X", "13812345678", "zhang@example.org", new UnitId(1), null,
				Map.of(), Map.of("en", 5), Set.of(), Set.of(), null, null, null, null);
		assertThat(fields(VolunteerRules.check(fluentTooMuch, TODAY, Set.of()))).containsExactly("languages");
	}

	@Test
	void abroadNeedsCountryCityAndAValidTimeZone() {
		VolunteerDetails abroad = new VolunteerDetails("张三", Sex.MALE, LocalDate.of(1949, 12, 31), IdType.RESIDENT_ID,
				"11010519491231002X", "+33612345678", "zhang@example.org", new UnitId(1), null, Map.of(), Map.of(),
				Set.of(), Set.of(), "法国", "", "Europe/Pariss", null);
		assertThat(fields(VolunteerRules.check(abroad, TODAY, Set.of()))).containsExactlyInAnyOrder("city", "timeZone");
	}

	@Test
	void malformedEmailAndPhoneAreReportedOnTheirFields() {
		VolunteerDetails bad = new VolunteerDetails("张三", Sex.MALE, LocalDate.of(1949, 12, 31), IdType.RESIDENT_ID,
				"11010519491231002X", "1381234", "zhang@", new UnitId(1), null, Map.of(), Map.of(), Set.of(), Set.of(),
				null, null, null, null);
		assertThat(fields(VolunteerRules.check(bad, TODAY, Set.of()))).containsExactlyInAnyOrder("phone", "email");
	}

	@Test
	void everyTextFitsItsColumn() {
		VolunteerDetails longPlace = new VolunteerDetails("张三", Sex.MALE, LocalDate.of(1949, 12, 31),
				IdType.RESIDENT_ID, "11010519491231002X", "+33612345678", "zhang@example.org", new UnitId(1),
				"区".repeat(201), Map.of(), Map.of(), Set.of(), Set.of(), "国".repeat(101), "城".repeat(101),
				"Europe/" + "x".repeat(60), null);
		assertThat(fields(VolunteerRules.check(longPlace, TODAY, Set.of()))).contains("residentialArea", "country",
				"city", "timeZone");
		LocalDate sixteen = LocalDate.of(2010, 5, 5);
		String id = "11010120100505001";
		id = id + IdNumbers.checkDigit(id);
		assertThat(fields(VolunteerRules.check(details(sixteen, id, new Guardian("监".repeat(51), "13900001111", true)),
				TODAY, Set.of("law"))))
			.containsExactly("guardianName");
	}

}
