package org.tongxing.activity.scheduling;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.tongxing.activity.scheduling.Recurrence.Occurrence;
import org.tongxing.activity.scheduling.ShiftPlan.Shift;
import org.tongxing.volunteer.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A mega-event's shifts: how they are written, how many a plan makes, its limit and the
 * order of the sessions.
 */
class ShiftPlanTest {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Test
	void shiftsAreReadWithCommasDashesAndChineseSeparators() {
		assertThat(ShiftPlan.parseShifts("08:00-12:00, 12:00–16:00；16:00至20:00\n8:30~9:30")).containsExactly(
				new Shift(LocalTime.of(8, 0), LocalTime.of(12, 0)), new Shift(LocalTime.of(12, 0), LocalTime.of(16, 0)),
				new Shift(LocalTime.of(16, 0), LocalTime.of(20, 0)),
				new Shift(LocalTime.of(8, 30), LocalTime.of(9, 30)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "早上", "08:00", "25:00-26:00", "08:00-12:00, 午饭" })
	void anythingElseIsNotAShift(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> ShiftPlan.parseShifts(text));
	}

	@Test
	void aPlanMakesEveryShiftOfEveryDayInTimeOrderANightShiftEndingNextDay() {
		ShiftPlan plan = new ShiftPlan(LocalDate.parse("2027-07-01"), LocalDate.parse("2027-07-02"),
				ShiftPlan.parseShifts("20:00-08:00, 08:00-20:00"), BEIJING);
		assertThat(plan.count()).isEqualTo(4);
		List<Occurrence> occurrences = plan.occurrences();
		assertThat(occurrences).extracting(Occurrence::start)
			.containsExactly(LocalDateTime.parse("2027-07-01T08:00"), LocalDateTime.parse("2027-07-01T20:00"),
					LocalDateTime.parse("2027-07-02T08:00"), LocalDateTime.parse("2027-07-02T20:00"));
		assertThat(occurrences.get(1).end()).isEqualTo(LocalDateTime.parse("2027-07-02T08:00"));
	}

	@Test
	void morePlannedShiftsThanTheLimitAreRefused() {
		ShiftPlan plan = new ShiftPlan(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
				ShiftPlan.parseShifts("08:00-12:00, 12:00-16:00, 16:00-20:00"), BEIJING);
		assertThat(plan.count()).isEqualTo(1095);
		assertThat(plan.problems(1000)).extracting(FieldProblem::field, FieldProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("to", "scheduling.invalid.too-many"));
		assertThat(plan.problems(1100)).isEmpty();
	}

	@Test
	void reversedDatesAndNoShiftsAreRefused() {
		ShiftPlan plan = new ShiftPlan(LocalDate.parse("2027-02-01"), LocalDate.parse("2027-01-01"), List.of(), null);
		assertThat(plan.problems(1000)).extracting(FieldProblem::field).containsExactly("to", "shifts", "timeZone");
		assertThat(plan.occurrences()).isEmpty();
	}

}
