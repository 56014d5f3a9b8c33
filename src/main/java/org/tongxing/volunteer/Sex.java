package org.tongxing.volunteer;

/** Sex as recorded on the ID document. */
public enum Sex {

	MALE, FEMALE

}
