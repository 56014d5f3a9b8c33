package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The hours policy, table by table: the cap at the session's length, the rounding
 * buckets, the minimum share, fixed hours per position, and the rule each result names.
 */
class HoursPolicyTest {

	static final HoursPolicy BUCKETS = HoursPolicy.of(0, "15:0,45:0.5,60:1");

	@ParameterizedTest(name = "{0} min of a {1} min session → {2} h by {3}")
	@CsvSource({
			// attended, session, hours, rule
			"0, 180, 0, servicerecord.rule.none", "14, 180, 0, servicerecord.rule.rounded",
			"15, 180, 0.5, servicerecord.rule.rounded", "44, 180, 0.5, servicerecord.rule.rounded",
			"45, 180, 1, servicerecord.rule.rounded", "59, 180, 1, servicerecord.rule.rounded",
			"60, 180, 1, servicerecord.rule.rounded", "61, 180, 1, servicerecord.rule.rounded",
			"100, 180, 1.5, servicerecord.rule.rounded", "170, 180, 3, servicerecord.rule.rounded",
			// capped: a volunteer who stayed 5 hours at a 3-hour session counts 3
			"300, 180, 3, servicerecord.rule.rounded-capped", "181, 180, 3, servicerecord.rule.rounded-capped", })
	void bucketsRoundTheStartedHourAndTheSessionCapsTheTime(long attended, long session, String hours, String rule) {
		HoursResult result = BUCKETS.hoursFor(Duration.ofMinutes(attended), Duration.ofMinutes(session), null);
		assertThat(result.hours()).isEqualByComparingTo(hours);
		assertThat(result.rule()).isEqualTo(rule);
	}

	@ParameterizedTest(name = "{0} min of a {1} min session at 60 % → {2} h by {3}")
	@CsvSource({ "107, 180, 0, servicerecord.rule.below-share", "108, 180, 2, servicerecord.rule.rounded",
			"120, 180, 2, servicerecord.rule.rounded", "35, 60, 0, servicerecord.rule.below-share",
			"36, 60, 0.5, servicerecord.rule.rounded", "30, 60, 0, servicerecord.rule.below-share", })
	void belowTheMinimumShareCountsNothing(long attended, long session, String hours, String rule) {
		HoursPolicy policy = HoursPolicy.of(60, "15:0,45:0.5,60:1");
		HoursResult result = policy.hoursFor(Duration.ofMinutes(attended), Duration.ofMinutes(session), null);
		assertThat(result.hours()).isEqualByComparingTo(hours);
		assertThat(result.rule()).isEqualTo(rule);
	}

	@ParameterizedTest(name = "fixed {2} h, {0} min of a {1} min session → {3} h")
	@CsvSource({ "30, 240, 4, 4", "240, 240, 4, 4", "300, 240, 4, 4",
			// never more than the session's length
			"90, 90, 4, 1.5", "10, 240, 2.5, 2.5", })
	void aPositionsFixedHoursCountWhateverTheTime(long attended, long session, String fixed, String hours) {
		HoursResult result = BUCKETS.hoursFor(Duration.ofMinutes(attended), Duration.ofMinutes(session),
				new BigDecimal(fixed));
		assertThat(result.hours()).isEqualByComparingTo(hours);
		assertThat(result.rule()).isEqualTo("servicerecord.rule.fixed");
	}

	@Test
	void theMinimumShareAppliesBeforeFixedHours() {
		HoursPolicy policy = HoursPolicy.of(50, "");
		HoursResult result = policy.hoursFor(Duration.ofMinutes(30), Duration.ofMinutes(240), BigDecimal.valueOf(4));
		assertThat(result.hours()).isEqualByComparingTo("0");
		assertThat(result.rule()).isEqualTo("servicerecord.rule.below-share");
		assertThat(result.arguments()).containsExactly("0:30", "4:00", "50");
	}

	@ParameterizedTest(name = "exact: {0} min of {1} → {2} h")
	@CsvSource({ "100, 180, 1.66", "59, 180, 0.98", "240, 180, 3", "1, 180, 0.01" })
	void withoutBucketsTheTimeCountsToAHundredthRoundedDown(long attended, long session, String hours) {
		HoursResult result = HoursPolicy.of(0, "")
			.hoursFor(Duration.ofMinutes(attended), Duration.ofMinutes(session), null);
		assertThat(result.hours()).isEqualByComparingTo(hours);
		assertThat(result.rule()).startsWith("servicerecord.rule.exact");
	}

	@Test
	void theRuleNamesWhatWasMeasuredAndHowItWasCounted() {
		HoursResult result = BUCKETS.hoursFor(Duration.ofMinutes(170), Duration.ofMinutes(180), null);
		assertThat(result.arguments()).containsExactly("2:50", "3", "15:0,45:0.5,60:1", "3:00");
	}

	@Test
	void bucketsMustRiseToAWholeHour() {
		assertThatIllegalArgumentException().isThrownBy(() -> HoursPolicy.of(0, "15:0,45:0.5"));
		assertThatIllegalArgumentException().isThrownBy(() -> HoursPolicy.of(0, "45:0.5,15:0,60:1"));
		assertThatIllegalArgumentException().isThrownBy(() -> HoursPolicy.of(0, "30:1,60:0.5"));
		assertThatIllegalArgumentException().isThrownBy(() -> HoursPolicy.of(0, "30:0.5,60:2"));
		assertThatIllegalArgumentException().isThrownBy(() -> HoursPolicy.of(0, "thirty:half"));
		assertThatIllegalArgumentException().isThrownBy(() -> HoursPolicy.of(101, ""));
		assertThat(HoursPolicy.of(0, " 30:0.5 , 60:1 ").bucketsText()).isEqualTo("30:0.5,60:1");
	}

}
