package org.tongxing.account;

/**
 * A global role. Unit admins are appointed per unit by the organisation module and are
 * not a global role.
 */
public enum Role {

	/** 会长, 名誉会长: reads everything, changes nothing. */
	LEADERSHIP,

	/** 协调员办公室: runs the whole association. */
	COORDINATOR,

	/** 志愿者. */
	VOLUNTEER;

	public String authority() {
		return "ROLE_" + name();
	}

}
