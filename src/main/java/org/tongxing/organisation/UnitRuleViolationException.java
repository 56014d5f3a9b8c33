package org.tongxing.organisation;

/**
 * A change to the unit tree that its rules refuse. Carries a message key for the user
 * and, when the fault lies in one form field, that field's name.
 */
public abstract class UnitRuleViolationException extends RuntimeException {

	private final String messageKey;

	private final String field;

	private final transient Object[] arguments;

	protected UnitRuleViolationException(String message, String messageKey, String field, Object... arguments) {
		super(message);
		this.messageKey = messageKey;
		this.field = field;
		this.arguments = arguments;
	}

	public String messageKey() {
		return this.messageKey;
	}

	/** The form field at fault, or {@code null} when the fault is the whole request. */
	public String field() {
		return this.field;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
