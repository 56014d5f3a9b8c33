package org.tongxing.volunteer.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tongxing.organisation.UnitId;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.VolunteerDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the page sends becomes details for the registry's rules; text that does not
 * convert becomes a message, never an exception; redirects stay on the registry's pages.
 */
class RegistrationFormTest {

	@Test
	void choicesAndLevelsConvert() {
		RegistrationForm form = new RegistrationForm();
		form.setSex("FEMALE");
		form.setIdType("PASSPORT");
		form.setBirthDate("2000-02-29");
		form.setSkills(List.of("law", "it"));
		form.setSkillLevels(Map.of("law", "3", "teaching", "2"));
		form.setLanguages(List.of("fr"));
		form.setLanguageLevels(Map.of("fr", "x"));
		List<FieldProblem> problems = new ArrayList<>();
		VolunteerDetails details = form.details(new UnitId(7), problems);
		assertThat(problems).isEmpty();
		assertThat(details.sex()).isEqualTo(Sex.FEMALE);
		assertThat(details.idType()).isEqualTo(IdType.PASSPORT);
		assertThat(details.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
		// unchosen skills are ignored; a chosen one without a level is basic
		assertThat(details.skills()).containsOnly(Map.entry("law", 3), Map.entry("it", 1));
		// an unreadable level is 0, which the rules refuse with a message
		assertThat(details.languages()).containsOnly(Map.entry("fr", 0));
	}

	@Test
	void anImpossibleDateOrATamperedChoiceIsAMessageNotAnError() {
		RegistrationForm form = new RegistrationForm();
		form.setSex("OTHER");
		form.setIdType("<script>");
		form.setBirthDate("2001-02-29");
		form.setUnit("abc");
		List<FieldProblem> problems = new ArrayList<>();
		VolunteerDetails details = form.details(null, problems);
		assertThat(problems).extracting(FieldProblem::field, FieldProblem::messageKey)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("birthDate", "volunteer.validation.birthDate.impossible"));
		assertThat(details.sex()).isNull();
		assertThat(details.idType()).isNull();
		assertThat(form.unitNumber()).isNull();
	}

	@Test
	void redirectsStayOnLocalRegistryPages() {
		assertThat(ApplicantsController.back("/volunteers/12")).isEqualTo("redirect:/volunteers/12");
		assertThat(ApplicantsController.back("/volunteers?status=APPLICANT&page=2"))
			.isEqualTo("redirect:/volunteers?status=APPLICANT&page=2");
		for (String outside : new String[] { null, "", "https://example.org/volunteers", "//example.org/volunteers",
				"/volunteers//example.org", "/volunteers\\..\\x", "/units/1", "/volunteers/1\r\nSet-Cookie: a=b" }) {
			assertThat(ApplicantsController.back(outside)).as(outside).isEqualTo("redirect:/volunteers/applicants");
		}
	}

	@Test
	void emailsAreMaskedInTheList() {
		assertThat(ApplicantsController.maskEmail("wang.fang@example.org")).isEqualTo("w***@example.org");
		assertThat(ApplicantsController.maskEmail(null)).isEmpty();
		assertThat(ApplicantsController.maskEmail("@odd")).isEqualTo("***");
	}

}
