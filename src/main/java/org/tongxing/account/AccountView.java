package org.tongxing.account;

import java.util.Set;

/**
 * What other modules may know of an account.
 */
public record AccountView(AccountId id, String username, String displayName, String email, Set<Role> roles,
		boolean enabled) {

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
