package org.tongxing.volunteer.importing;

import java.util.Arrays;
import java.util.List;

/**
 * The uploaded file as a whole cannot be imported (not a spreadsheet, a zip bomb, no
 * header row, ...); the message is a key of the volunteer-import bundle with arguments,
 * shown to the user in their language. Never carries personal data.
 */
class ImportFileException extends RuntimeException {

	private final String messageKey;

	private final List<String> arguments;

	ImportFileException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = Arrays.stream(arguments).map(String::valueOf).toList();
	}

	ImportFileException(String messageKey, Throwable cause) {
		super(messageKey, cause);
		this.messageKey = messageKey;
		this.arguments = List.of();
	}

	String messageKey() {
		return this.messageKey;
	}

	List<String> arguments() {
		return this.arguments;
	}

}
