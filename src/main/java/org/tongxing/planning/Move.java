package org.tongxing.planning;

/**
 * Which way a theme moves among the themes of its level, or a campaign among the
 * campaigns of its theme: one place towards the start ({@link #UP}) or the end.
 */
public enum Move {

	UP(-1), DOWN(1);

	private final int step;

	Move(int step) {
		this.step = step;
	}

	/** The change of position: -1 or +1. */
	public int step() {
		return this.step;
	}

}
