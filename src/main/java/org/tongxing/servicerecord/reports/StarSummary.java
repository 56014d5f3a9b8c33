package org.tongxing.servicerecord.reports;

import java.math.BigDecimal;

/**
 * The stars of a total: the level out of {@code levels}, and the hours the next level
 * needs ({@code next} and {@code toNext} are null at the top).
 */
public record StarSummary(int level, int levels, BigDecimal total, BigDecimal next, BigDecimal toNext) {

	public String filled() {
		return "★".repeat(this.level);
	}

	public String empty() {
		return "☆".repeat(Math.max(0, this.levels - this.level));
	}

	public String totalText() {
		return this.total.stripTrailingZeros().toPlainString();
	}

	public String toNextText() {
		return (this.toNext != null) ? this.toNext.stripTrailingZeros().toPlainString() : null;
	}

	public String nextText() {
		return (this.next != null) ? this.next.stripTrailingZeros().toPlainString() : null;
	}

}
