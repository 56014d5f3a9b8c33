package org.tongxing.account;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in account, kept in the (database-backed) session.
 * Controllers take it with {@code @AuthenticationPrincipal}.
 */
public final class SignedInAccount implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String displayName;

	private final Set<Role> roles;

	private final boolean enabled;

	private final boolean mustChangePassword;

	private String passwordHash;

	public SignedInAccount(long id, String username, String displayName, String passwordHash, Set<Role> roles,
			boolean enabled, boolean mustChangePassword) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.enabled = enabled;
		this.mustChangePassword = mustChangePassword;
	}

	public AccountId id() {
		return new AccountId(this.id);
	}

	public String displayName() {
		return this.displayName;
	}

	public Set<Role> roles() {
		return Set.copyOf(this.roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** Coordinators and leadership see the whole association. */
	public boolean seesEverything() {
		return has(Role.COORDINATOR) || has(Role.LEADERSHIP);
	}

	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInAccount that && this.id == that.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "SignedInAccount[" + this.username + "]";
	}

}
