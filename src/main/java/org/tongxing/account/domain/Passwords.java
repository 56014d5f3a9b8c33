package org.tongxing.account.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountProperties;
import org.tongxing.account.AccountView;
import org.tongxing.account.AuditLog;
import org.tongxing.account.WeakPasswordException;

/**
 * Changing a password, and resetting a forgotten one by an emailed one-time link. A link
 * carries a random token of which only the SHA-256 is stored; it works once, for a
 * limited time, and a newer link replaces older ones.
 */
@Service
public class Passwords {

	static final int LINKS_PER_HOUR = 5;

	private static final Logger log = LoggerFactory.getLogger(Passwords.class);

	private final AccountRepository accounts;

	private final PasswordEncoder encoder;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final AccountMail mail;

	private final AccountProperties properties;

	private final TransactionTemplate transactions;

	Passwords(AccountRepository accounts, PasswordEncoder encoder, AuditLog auditLog, JdbcClient jdbc, AccountMail mail,
			AccountProperties properties, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.mail = mail;
		this.properties = properties;
		this.transactions = transactions;
	}

	/**
	 * Changes the password of a signed-in account.
	 * @throws WrongPasswordException when {@code current} is not the password
	 * @throws WeakPasswordException when the new password breaks the policy or equals the
	 * current one
	 */
	@Transactional
	public void change(AccountId id, String current, String newPassword) {
		Account account = this.accounts.findById(id.value()).orElseThrow(WrongPasswordException::new);
		if (current == null || !this.encoder.matches(current, account.passwordHash())) {
			throw new WrongPasswordException();
		}
		List<String> violations = new ArrayList<>(PasswordPolicy.violations(newPassword, account.username()));
		if (violations.isEmpty() && newPassword.equals(current)) {
			violations.add("password.policy.unchanged");
		}
		if (!violations.isEmpty()) {
			throw new WeakPasswordException(violations);
		}
		setPassword(account, newPassword, "password-changed");
	}

	/**
	 * Emails a reset link when {@code usernameOrEmail} names an enabled account with an
	 * email address; does nothing otherwise, and the caller must not tell the difference.
	 */
	public void requestReset(String usernameOrEmail, Locale locale) {
		String identifier = (usernameOrEmail != null) ? usernameOrEmail.trim() : "";
		if (identifier.isEmpty() || identifier.length() > 254) {
			return;
		}
		Duration validity = this.properties.resetLinkValidity();
		this.transactions
			.execute((status) -> this.accounts.findByUsername(identifier)
				.or(() -> this.accounts.findByEmail(identifier))
				.filter((account) -> account.enabled() && account.email() != null)
				.filter(this::mayIssueAnotherLink)
				.map((account) -> new Issued(account, issue(account, validity))))
			.ifPresent((issued) -> send(issued,
					() -> this.mail.sendResetLink(issued.account(), issued.token(), validity, locale)));
	}

	/** Emails a new account a link to set its first password. */
	public void invite(AccountId id, Locale locale) {
		Duration validity = this.properties.invitationValidity();
		Optional<Issued> issued = this.transactions.execute((status) -> this.accounts.findById(id.value())
			.filter((account) -> account.email() != null)
			.map((account) -> new Issued(account, issue(account, validity))));
		issued.ifPresent((it) -> send(it, () -> this.mail.sendInvitation(it.account(), it.token(), validity, locale)));
	}

	/** The account whose password the link may set, when it is valid. */
	@Transactional(readOnly = true)
	public Optional<AccountView> accountFor(String token) {
		return validAccount(token).map(Account::view);
	}

	/**
	 * Sets a new password with a reset link, which is used up by it.
	 * @throws InvalidResetLinkException when the link is unknown, expired or used
	 * @throws WeakPasswordException when the password breaks the policy (the link stays
	 * valid)
	 */
	@Transactional
	public void reset(String token, String newPassword) {
		Account account = validAccount(token).orElseThrow(InvalidResetLinkException::new);
		List<String> violations = PasswordPolicy.violations(newPassword, account.username());
		if (!violations.isEmpty()) {
			throw new WeakPasswordException(violations);
		}
		int used = this.jdbc.sql("""
				update password_reset_token set used_at = now()
				where token_hash = :hash and used_at is null and expires_at > now()""")
			.param("hash", Secrets.sha256(token))
			.update();
		if (used != 1) {
			throw new InvalidResetLinkException();
		}
		setPassword(account, newPassword, "password-reset");
	}

	private Optional<Account> validAccount(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select account_id from password_reset_token
				where token_hash = :hash and used_at is null and expires_at > now()""")
			.param("hash", Secrets.sha256(token))
			.query(Long.class)
			.optional()
			.flatMap(this.accounts::findById)
			.filter(Account::enabled);
	}

	/**
	 * Whether fewer than {@value #LINKS_PER_HOUR} links went to the account in the last
	 * hour: the form is public, and must not serve to flood someone's mailbox.
	 */
	private boolean mayIssueAnotherLink(Account account) {
		long recent = this.jdbc.sql("""
				select count(*) from password_reset_token
				where account_id = :account and created_at > now() - interval '1 hour'""")
			.param("account", account.id().value())
			.query(Long.class)
			.single();
		return recent < LINKS_PER_HOUR;
	}

	private String issue(Account account, Duration validity) {
		// A new link replaces the unused ones, so only the latest mail works; the rows
		// stay
		// to count the links sent.
		this.jdbc.sql("update password_reset_token set used_at = now() where account_id = :account and used_at is null")
			.param("account", account.id().value())
			.update();
		String token = Secrets.newToken();
		this.jdbc.sql("""
				insert into password_reset_token (token_hash, account_id, expires_at)
				values (:hash, :account, :expires)""")
			.param("hash", Secrets.sha256(token))
			.param("account", account.id().value())
			.param("expires", java.sql.Timestamp.from(Instant.now().plus(validity)))
			.update();
		return token;
	}

	private void setPassword(Account account, String newPassword, String action) {
		boolean mustChange = account.mustChangePassword();
		account.changePassword(this.encoder.encode(newPassword));
		this.auditLog.record("account", account.id(), action, Map.of("mustChangePassword", mustChange),
				Map.of("mustChangePassword", false));
	}

	private static void send(Issued issued, Runnable sending) {
		try {
			sending.run();
		}
		catch (MailException ex) {
			// The requester sees the same answer either way; the operator sees this.
			log.warn("Could not send a password link to account {}: {}", issued.account().id(), ex.getMessage());
		}
	}

	private record Issued(Account account, String token) {
	}

}
