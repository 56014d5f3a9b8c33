package org.tongxing.servicerecord.profile;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of entry of a service profile: the table each lives in, the path segment and
 * page section of its URLs ({@code /volunteers/{id}/service/<segment>/...}) and the
 * message-key part of its texts.
 */
public enum ProfileEntryKind {

	TRAINING("training_record", "training", "training"), AWARD("award", "awards", "award"),
	EVALUATION("evaluation", "evaluations", "evaluation"), COMPLAINT("complaint", "complaints", "complaint");

	private final String table;

	private final String segment;

	private final String key;

	ProfileEntryKind(String table, String segment, String key) {
		this.table = table;
		this.segment = segment;
		this.key = key;
	}

	/** The table, also the entity type of its audit entries. */
	public String table() {
		return this.table;
	}

	/** The URL path segment, also the id of its section on the page. */
	public String segment() {
		return this.segment;
	}

	/** The part of its message keys: {@code servicerecord.profile.<key>.*}. */
	public String key() {
		return this.key;
	}

	/** The kind of a URL path segment. */
	public static Optional<ProfileEntryKind> ofSegment(String segment) {
		return Arrays.stream(values()).filter((kind) -> kind.segment.equals(segment)).findFirst();
	}

}
