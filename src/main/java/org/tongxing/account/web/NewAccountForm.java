package org.tongxing.account.web;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.tongxing.account.Role;

class NewAccountForm {

	@NotBlank(message = "{account.validation.required}")
	@Size(max = 64, message = "{account.validation.tooLong}")
	@Pattern(regexp = "[A-Za-z0-9._-]*", message = "{account.validation.username}")
	private String username;

	@NotBlank(message = "{account.validation.required}")
	@Size(max = 100, message = "{account.validation.tooLong}")
	private String displayName;

	@Email(message = "{account.validation.email}")
	@Size(max = 254, message = "{account.validation.tooLong}")
	private String email;

	private Set<Role> roles = EnumSet.of(Role.VOLUNTEER);

	/** Email a link to set the password instead of setting one here. */
	private boolean invite = true;

	private String password;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = (roles != null) ? roles : EnumSet.noneOf(Role.class);
	}

	public boolean isInvite() {
		return this.invite;
	}

	public void setInvite(boolean invite) {
		this.invite = invite;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
