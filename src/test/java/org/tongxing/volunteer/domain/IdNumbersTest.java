package org.tongxing.volunteer.domain;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tongxing.volunteer.IdType;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTest {

	@ParameterizedTest
	@CsvSource({ "11010519491231002X, 1949-12-31", "11010120000229123X, 2000-02-29", "440304200806150017, 2008-06-15" })
	void aResidentIdWithItsCheckDigitAndBirthDateIsValid(String number, LocalDate birthDate) {
		assertThat(IdNumbers.problem(IdType.RESIDENT_ID, number, birthDate)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "110105194912310021, volunteer.validation.idNumber.checkDigit",
			"110105194912310029, volunteer.validation.idNumber.checkDigit",
			"11010519491231002, volunteer.validation.idNumber.residentFormat",
			"A1010519491231002X, volunteer.validation.idNumber.residentFormat",
			"011010519491231002X, volunteer.validation.idNumber.residentFormat",
			"110101200102291234, volunteer.validation.idNumber.residentDate",
			"110101199913311234, volunteer.validation.idNumber.residentDate" })
	void aMalformedResidentIdIsRefusedWithItsReason(String number, String expectedKey) {
		assertThat(IdNumbers.problem(IdType.RESIDENT_ID, number, null)).contains(expectedKey);
	}

	@ParameterizedTest
	@CsvSource({ "11010519491231002X, 1949-12-30", "440304200806150017, 2008-06-16" })
	void theBirthDateMustAgreeWithTheNumber(String number, LocalDate birthDate) {
		assertThat(IdNumbers.problem(IdType.RESIDENT_ID, number, birthDate))
			.contains("volunteer.validation.idNumber.birthDateMismatch");
	}

	@ParameterizedTest
	@CsvSource({ "11010519491231002x, 11010519491231002X", "' 110105 1949-1231 002X ', 11010519491231002X",
			"e1234 5678, E12345678" })
	void numbersAreNormalisedBeforeTheyAreChecked(String raw, String normalised) {
		assertThat(IdNumbers.normalise(raw)).isEqualTo(normalised);
	}

	@ParameterizedTest
	@CsvSource({ "PASSPORT, E12345678", "HK_MACAO_PERMIT, H12345678", "HK_MACAO_PERMIT, M1234567890",
			"TAIWAN_PERMIT, 12345678", "FOREIGNER_PERMANENT_RESIDENCE, USA110012345678",
			"FOREIGNER_PERMANENT_RESIDENCE, 911234199001011234" })
	void otherDocumentsFollowTheirFormat(IdType type, String number) {
		assertThat(IdNumbers.problem(type, number, null)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "PASSPORT, E12", "HK_MACAO_PERMIT, X12345678", "TAIWAN_PERMIT, 1234",
			"FOREIGNER_PERMANENT_RESIDENCE, 12345" })
	void otherDocumentsOutOfFormatAreRefused(IdType type, String number) {
		assertThat(IdNumbers.problem(type, number, null)).contains("volunteer.validation.idNumber.format");
	}

	@ParameterizedTest
	@CsvSource({ "11010519491231002, X", "44030420080615001, 7", "31011520120301004, 3" })
	void theCheckDigitFollowsIso7064Mod112(String first17, char expected) {
		assertThat(IdNumbers.checkDigit(first17)).isEqualTo(expected);
	}

}
