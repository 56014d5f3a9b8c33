package org.tongxing.volunteer;

import java.util.List;

/**
 * A rule a field breaks: the field's name (as in {@link VolunteerDetails}, e.g.
 * {@code idNumber}), a message key of the volunteer bundle and its arguments.
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments) {

	public FieldProblem {
		arguments = List.copyOf(arguments);
	}

	public static FieldProblem of(String field, String messageKey, Object... arguments) {
		return new FieldProblem(field, messageKey, List.of(arguments));
	}

	public Object[] argumentArray() {
		return this.arguments.toArray();
	}

}
