package org.tongxing.servicerecord.profile;

import java.util.List;

/**
 * An entry breaks a rule: the problems, each with the field it concerns, a message key of
 * the servicerecord-profile bundle and its arguments. Nothing was stored.
 */
public class InvalidProfileEntryException extends RuntimeException {

	private final List<Problem> problems;

	public InvalidProfileEntryException(List<Problem> problems) {
		super("Invalid entry: " + problems.stream().map(Problem::messageKey).toList());
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/** One broken rule. */
	public record Problem(String field, String messageKey, List<Object> arguments) {

		public Problem {
			arguments = List.copyOf(arguments);
		}

		public static Problem of(String field, String messageKey, Object... arguments) {
			return new Problem(field, messageKey, List.of(arguments));
		}

		public Object[] argumentArray() {
			return this.arguments.toArray();
		}

	}

}
