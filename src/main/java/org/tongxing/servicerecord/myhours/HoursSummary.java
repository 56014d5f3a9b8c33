package org.tongxing.servicerecord.myhours;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The head of the hours page: confirmed hours in all and this year against the annual
 * duty, the star level and the hours to the next, and the hours still pending.
 * {@code nextThreshold} is null at the top level.
 */
record HoursSummary(BigDecimal total, int year, BigDecimal yearTotal, BigDecimal duty, int level, int maxLevel,
		BigDecimal nextThreshold, BigDecimal pending) {

	/** This year's share of the duty, in whole percent, at most 100. */
	public int dutyPercent() {
		if (this.duty.signum() <= 0) {
			return 100;
		}
		BigDecimal percent = this.yearTotal.multiply(BigDecimal.valueOf(100)).divide(this.duty, 0, RoundingMode.DOWN);
		return Math.max(0, Math.min(100, percent.intValue()));
	}

	/** The progress bar's width class: the share in steps of five percent. */
	public String dutyWidthClass() {
		return "myhours-w-" + (dutyPercent() / 5 * 5);
	}

	public boolean dutyMet() {
		return this.yearTotal.compareTo(this.duty) >= 0;
	}

	/** Hours still short of the duty (zero once met). */
	public BigDecimal dutyShort() {
		return this.duty.subtract(this.yearTotal).max(BigDecimal.ZERO);
	}

	/** Hours to the next level, or null at the top. */
	public BigDecimal toNext() {
		return (this.nextThreshold != null) ? this.nextThreshold.subtract(this.total) : null;
	}

	/** The level as stars: filled ones, then empty ones up to the highest level. */
	public String stars() {
		return "★".repeat(this.level) + "☆".repeat(Math.max(0, this.maxLevel - this.level));
	}

	/**
	 * Hours as people write them: 3, 2.5, -1 (never 3.00); for templates,
	 * {@code ${hoursText.of(x)}}.
	 */
	static final class Hours {

		public String of(BigDecimal hours) {
			return HoursSummary.hours(hours);
		}

	}

	/** Hours as people write them: 3, 2.5, -1 (never 3.00). */
	static String hours(BigDecimal hours) {
		if (hours == null) {
			return "";
		}
		BigDecimal stripped = hours.stripTrailingZeros();
		return ((stripped.scale() < 0) ? stripped.setScale(0) : stripped).toPlainString();
	}

}
