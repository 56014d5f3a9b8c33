package org.tongxing.activity;

import java.util.List;

/**
 * A change the state of an activity, a session or a sign-up does not allow (cancelling
 * after the deadline, confirming an expired offer, adding to a full position, ...): a
 * message key of the activity bundle and its arguments, to show to the user.
 */
public class ActivityStateException extends RuntimeException {

	private final String messageKey;

	private final List<Object> arguments;

	public ActivityStateException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] argumentArray() {
		return this.arguments.toArray();
	}

}
