package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hours rule beside each record, as a volunteer reads it in Chinese and in English:
 * the rounding buckets in words (several, a single one, one counting nothing), capped
 * time, the minimum share and fixed hours; and the arguments an entry stored before read
 * the same way.
 */
class HoursRuleTextTest {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	static final Locale EN = Locale.ENGLISH;

	static final ResourceBundleMessageSource MESSAGES = messages();

	static final Duration SESSION = Duration.ofHours(3);

	@Test
	void theDefaultBucketsReadAsWords() {
		HoursResult result = HoursPolicy.of(0, "15:0,45:0.5,60:1").hoursFor(Duration.ofMinutes(110), SESSION, null);

		assertThat(text(result, ZH)).isEqualTo("按取整规则计：服务 1:50，计 2 小时（开始的一小时：不足15分钟不计，不足45分钟计0.5小时，其余计1小时）");
		assertThat(text(result, EN)).isEqualTo(
				"Rounded: served 1:50, counted 2 h (a started hour counts 0 h under 15 min, 0.5 h under 45 min, otherwise 1 h)");
	}

	@Test
	void aSingleBucketCountsEveryStartedHourTheSame() {
		HoursResult full = HoursPolicy.of(0, "60:1").hoursFor(Duration.ofMinutes(61), SESSION, null);
		assertThat(full.hours()).isEqualByComparingTo("2");
		assertThat(text(full, ZH)).isEqualTo("按取整规则计：服务 1:01，计 2 小时（开始的一小时：计1小时）");
		assertThat(text(full, EN)).isEqualTo("Rounded: served 1:01, counted 2 h (a started hour counts 1 h)");

		HoursResult none = HoursPolicy.of(0, "60:0").hoursFor(Duration.ofMinutes(119), SESSION, null);
		assertThat(none.hours()).isEqualByComparingTo("1");
		assertThat(text(none, ZH)).isEqualTo("按取整规则计：服务 1:59，计 1 小时（开始的一小时：不计）");
		assertThat(text(none, EN)).isEqualTo("Rounded: served 1:59, counted 1 h (a started hour counts 0 h)");
	}

	@Test
	void aFirstBucketWithHoursAndALastCountingNothingMore() {
		HoursResult result = HoursPolicy.of(0, "30:0.5,60:0.5").hoursFor(Duration.ofMinutes(40), SESSION, null);

		assertThat(text(result, ZH)).endsWith("（开始的一小时：不足30分钟计0.5小时，其余计0.5小时）");
		assertThat(text(result, EN)).endsWith("(a started hour counts 0.5 h under 30 min, otherwise 0.5 h)");
	}

	@Test
	void cappedTimeSaysSoAndKeepsTheWords() {
		HoursResult result = HoursPolicy.of(0, "15:0,45:0.5,60:1").hoursFor(Duration.ofMinutes(300), SESSION, null);

		assertThat(result.rule()).isEqualTo("servicerecord.rule.rounded-capped");
		assertThat(text(result, ZH))
			.isEqualTo("按取整规则计：服务时间超过本场时长 3:00，按 3:00 计 3 小时（开始的一小时：不足15分钟不计，不足45分钟计0.5小时，其余计1小时）");
		assertThat(text(result, EN)).isEqualTo(
				"Rounded: time served beyond the session’s 3:00, counted 3:00, 3 h (a started hour counts 0 h under 15 min, 0.5 h under 45 min, otherwise 1 h)");
	}

	@Test
	void belowTheMinimumShareAndFixedHoursNameNoBuckets() {
		HoursPolicy policy = HoursPolicy.of(60, "15:0,45:0.5,60:1");
		HoursResult below = policy.hoursFor(Duration.ofMinutes(107), SESSION, null);
		assertThat(text(below, ZH)).isEqualTo("计 0 小时：服务 1:47，不足本场时长 3:00 的 60%");
		assertThat(text(below, EN)).isEqualTo("0 hours: served 1:47, less than 60% of the session’s 3:00");

		HoursResult fixed = policy.hoursFor(Duration.ofMinutes(150), SESSION, new BigDecimal("4.0"));
		assertThat(text(fixed, ZH)).isEqualTo("按岗位固定时长计 4 小时（实际服务 2:30）");
		assertThat(text(fixed, EN)).isEqualTo("Fixed hours of the position: 4 h (served 2:30)");
	}

	@Test
	void storedArgumentsOfAnOlderEntryReadTheNewWayAndUnreadableOnesAsStored() {
		List<String> stored = List.of("1:50", "2", "15:0,45:0.5,60:1", "3:00");
		assertThat(MESSAGES.getMessage("servicerecord.rule.rounded",
				HoursPolicy.ruleArguments("servicerecord.rule.rounded", stored), ZH))
			.isEqualTo("按取整规则计：服务 1:50，计 2 小时（开始的一小时：不足15分钟不计，不足45分钟计0.5小时，其余计1小时）");
		assertThat(stored).as("the stored arguments are not changed").contains("15:0,45:0.5,60:1");

		Object[] odd = HoursPolicy.ruleArguments("servicerecord.rule.rounded", List.of("1:50", "2", "半小时", "3:00"));
		assertThat(MESSAGES.getMessage("servicerecord.rule.rounded", odd, ZH)).isEqualTo("按取整规则计：服务 1:50，计 2 小时（半小时）");
		assertThat(HoursPolicy.ruleArguments("servicerecord.rule.correction", List.of("2"))).containsExactly("2");
	}

	private static String text(HoursResult result, Locale locale) {
		return MESSAGES.getMessage(result.rule(), result.argumentArray(), locale);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/servicerecord");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
