package org.tongxing.account.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Role;

/**
 * A person who can sign in. Holds global roles; unit-admin appointments live in the
 * organisation module.
 */
@Entity
@Table(name = "account")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String username;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	private String email;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "must_change_password", nullable = false)
	private boolean mustChangePassword;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected Account() {
	}

	public Account(String username, String displayName, String email, String passwordHash, Set<Role> roles,
			boolean mustChangePassword) {
		this.username = username.trim();
		this.displayName = displayName.trim();
		this.email = (email == null || email.isBlank()) ? null : email.trim();
		this.passwordHash = passwordHash;
		this.roles.addAll(roles);
		this.mustChangePassword = mustChangePassword;
	}

	public AccountId id() {
		return new AccountId(this.id);
	}

	public String username() {
		return this.username;
	}

	public String displayName() {
		return this.displayName;
	}

	public String email() {
		return this.email;
	}

	public String passwordHash() {
		return this.passwordHash;
	}

	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	public boolean enabled() {
		return this.enabled;
	}

	public Set<Role> roles() {
		return this.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(this.roles);
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public void changePassword(String newHash) {
		this.passwordHash = newHash;
		this.mustChangePassword = false;
		touch();
	}

	public void rename(String displayName, String email) {
		this.displayName = displayName.trim();
		this.email = (email == null || email.isBlank()) ? null : email.trim();
		touch();
	}

	public void grant(Role role) {
		this.roles.add(role);
		touch();
	}

	public void revoke(Role role) {
		this.roles.remove(role);
		touch();
	}

	public void enable(boolean enabled) {
		this.enabled = enabled;
		touch();
	}

	private void touch() {
		this.updatedAt = Instant.now();
	}

	public AccountView view() {
		return new AccountView(id(), this.username, this.displayName, this.email, roles(), this.enabled);
	}

	/** The state recorded in the audit log: never the password hash. */
	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("username", this.username);
		state.put("displayName", this.displayName);
		state.put("email", this.email);
		state.put("roles", new TreeSet<>(this.roles.stream().map(Role::name).toList()));
		state.put("enabled", this.enabled);
		return state;
	}

	/**
	 * Removes what identifies the person: the username and display name become the
	 * placeholders, the email goes, the password is replaced by one nobody knows, and the
	 * account is disabled. Roles stay, so records that name the account keep their
	 * meaning.
	 */
	public void anonymise(String placeholderUsername, String placeholderName, String unusablePasswordHash) {
		this.username = placeholderUsername;
		this.displayName = placeholderName;
		this.email = null;
		this.passwordHash = unusablePasswordHash;
		this.mustChangePassword = false;
		this.enabled = false;
		touch();
	}

}
