package org.tongxing.servicerecord.profile;

/**
 * A change the state does not allow (a complaint already resolved, a volunteer whose data
 * were anonymised): a message key of the servicerecord-profile bundle, shown on the page.
 */
public class ProfileStateException extends RuntimeException {

	private final String messageKey;

	public ProfileStateException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
