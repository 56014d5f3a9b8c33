package org.tongxing.planning;

/**
 * A change to a plan or a proposal breaks a rule: a target that is negative or not a
 * whole number, a theme or campaign still in use, a proposal decided already, a rejection
 * without a comment. Carries the message key ({@code planning.*}) and, when one field is
 * to blame, that field's name as in the forms.
 */
public class PlanRuleViolationException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	public PlanRuleViolationException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	/** The form field to blame, or null when the whole change is refused. */
	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
