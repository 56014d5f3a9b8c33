package org.tongxing.activity.browse;

import java.io.Serializable;
import java.util.List;

/**
 * One line of the result of a sign-up, shown once after the redirect (kept in the session
 * between the two requests, so it holds only resolved text).
 *
 * @param kind {@code success}, {@code info}, {@code warning} or {@code danger}
 * @param what the position and session
 * @param text what became of it
 * @param reasons why it was refused
 */
record SignUpResult(String kind, String what, String text, List<String> reasons) implements Serializable {

	SignUpResult {
		reasons = List.copyOf(reasons);
	}

}
