package org.tongxing.servicerecord.myhours;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The head of the hours page: the annual duty's bar, stars and hours as written. */
class HoursSummaryTest {

	@Test
	void theDutyBarFillsInStepsOfFiveAndStopsAtFull() {
		assertThat(summary("0").dutyWidthClass()).isEqualTo("myhours-w-0");
		assertThat(summary("12.5").dutyPercent()).isEqualTo(62);
		assertThat(summary("12.5").dutyWidthClass()).isEqualTo("myhours-w-60");
		assertThat(summary("12.5").dutyMet()).isFalse();
		assertThat(summary("12.5").dutyShort()).isEqualByComparingTo("7.5");
		assertThat(summary("20").dutyMet()).isTrue();
		assertThat(summary("35").dutyWidthClass()).isEqualTo("myhours-w-100");
		assertThat(summary("35").dutyShort()).isEqualByComparingTo("0");
	}

	@Test
	void starsAndTheHoursToTheNextLevel() {
		HoursSummary summary = new HoursSummary(new BigDecimal("420"), 2026, BigDecimal.ZERO, new BigDecimal("20"), 2,
				5, new BigDecimal("600"), BigDecimal.ZERO);
		assertThat(summary.stars()).isEqualTo("★★☆☆☆");
		assertThat(summary.toNext()).isEqualByComparingTo("180");
		HoursSummary top = new HoursSummary(new BigDecimal("1600"), 2026, BigDecimal.ZERO, new BigDecimal("20"), 5, 5,
				null, BigDecimal.ZERO);
		assertThat(top.stars()).isEqualTo("★★★★★");
		assertThat(top.toNext()).isNull();
	}

	@Test
	void hoursAreWrittenWithoutTrailingZeros() {
		assertThat(HoursSummary.hours(new BigDecimal("3.00"))).isEqualTo("3");
		assertThat(HoursSummary.hours(new BigDecimal("2.50"))).isEqualTo("2.5");
		assertThat(HoursSummary.hours(new BigDecimal("-1.00"))).isEqualTo("-1");
		assertThat(HoursSummary.hours(new BigDecimal("100"))).isEqualTo("100");
		assertThat(HoursSummary.hours(BigDecimal.ZERO)).isEqualTo("0");
	}

	static HoursSummary summary(String yearTotal) {
		return new HoursSummary(new BigDecimal(yearTotal), 2026, new BigDecimal(yearTotal), new BigDecimal("20"), 0, 5,
				new BigDecimal("100"), BigDecimal.ZERO);
	}

}
