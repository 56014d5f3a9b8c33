package org.tongxing.volunteer.importing;

/** What to do with the valid rows of a file that also has invalid ones. */
public enum ImportMode {

	/** Import the valid rows, report the others. */
	VALID_ROWS,
	/** Import nothing unless every row is valid (or registered already). */
	ALL_OR_NOTHING

}
