package org.tongxing.volunteer;

import java.util.List;

/**
 * The details break rules of the registry; each problem names its field.
 */
public class InvalidVolunteerException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidVolunteerException(List<FieldProblem> problems) {
		super("Invalid volunteer details: " + problems.stream().map(FieldProblem::messageKey).toList());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
