package org.tongxing.servicerecord;

import java.util.List;

/**
 * A change the state of a record does not allow, or a scan that cannot count (expired
 * code, not signed up, outside the geofence, ...): a message key of the servicerecord
 * bundle and its arguments, to show to the user.
 */
public class ServiceRecordException extends RuntimeException {

	private final String messageKey;

	private final List<Object> arguments;

	public ServiceRecordException(String messageKey, Object... arguments) {
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
