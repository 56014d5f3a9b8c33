package org.tongxing.servicerecord.profile;

/** The rating of an evaluation, best first. */
public enum Rating {

	EXCELLENT, GOOD, PASS, FAIL

}
