package org.tongxing.activity.authoring;

import java.util.List;

/**
 * An upload was refused (empty, too large, not of an allowed kind): a message key of the
 * authoring bundle and its arguments, to show beside the upload field. Nothing was
 * stored.
 */
public class UploadRejectedException extends RuntimeException {

	private final String messageKey;

	private final List<Object> arguments;

	public UploadRejectedException(String messageKey, Object... arguments) {
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
