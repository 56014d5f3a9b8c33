package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.util.List;

/**
 * Hours for one attendance and the rule that made them: a message key of the
 * servicerecord bundle ({@code servicerecord.rule.*}) with its arguments, so that the
 * volunteer reads why.
 */
public record HoursResult(BigDecimal hours, String rule, List<String> arguments) {

	/** The arguments for the rule's message, as {@link HoursPolicy#ruleArguments}. */
	public Object[] argumentArray() {
		return HoursPolicy.ruleArguments(this.rule, this.arguments);
	}

}
