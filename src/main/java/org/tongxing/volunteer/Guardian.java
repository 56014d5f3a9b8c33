package org.tongxing.volunteer;

/**
 * The guardian of a volunteer aged 14 to 18, who must consent.
 */
public record Guardian(String name, String phone, boolean consent) {

	public static Guardian none() {
		return new Guardian(null, null, false);
	}

}
