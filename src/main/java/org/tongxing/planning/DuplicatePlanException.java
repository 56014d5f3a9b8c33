package org.tongxing.planning;

/**
 * A plan for the year, a theme of that name on the level or a campaign of that name in
 * the theme exists already.
 */
public class DuplicatePlanException extends RuntimeException {

	public DuplicatePlanException(String message) {
		super(message);
	}

}
