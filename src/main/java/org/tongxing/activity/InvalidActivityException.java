package org.tongxing.activity;

import java.util.List;

import org.tongxing.volunteer.FieldProblem;

/**
 * Details of an activity, session or position break rules; each problem names its field
 * and a message key of the activity bundle.
 */
public class InvalidActivityException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidActivityException(List<FieldProblem> problems) {
		super("Invalid activity details: " + problems.stream().map(FieldProblem::messageKey).toList());
		this.problems = List.copyOf(problems);
	}

	public InvalidActivityException(String field, String messageKey, Object... arguments) {
		this(List.of(FieldProblem.of(field, messageKey, arguments)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
