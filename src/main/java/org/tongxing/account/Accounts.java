package org.tongxing.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.domain.Account;
import org.tongxing.account.domain.AccountRepository;
import org.tongxing.account.domain.Passwords;
import org.tongxing.account.domain.PasswordPolicy;

/**
 * The accounts of the platform, for other modules.
 */
@Service
public class Accounts {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * The shortest and longest password the policy accepts, for forms of other modules.
	 */
	public static final int PASSWORD_MIN_LENGTH = PasswordPolicy.MIN_LENGTH;

	public static final int PASSWORD_MAX_LENGTH = PasswordPolicy.MAX_LENGTH;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final Passwords passwords;

	private volatile String unusableHash;

	Accounts(AccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog auditLog, Passwords passwords) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.passwords = passwords;
	}

	/**
	 * Emails an account (without a password of its own yet) a link to set one, valid for
	 * {@code tongxing.account.invitation-validity}. Call it after the transaction that
	 * created the account has committed.
	 */
	public void invite(AccountId id, Locale locale) {
		this.passwords.invite(id, locale);
	}

	/**
	 * Creates an account and records it in the audit log.
	 * @throws DuplicateAccountException when the username or email is taken
	 * @throws WeakPasswordException when a given password breaks the policy
	 */
	@Transactional
	public AccountId create(NewAccount request) {
		if (this.accounts.findByUsername(request.username().trim()).isPresent()) {
			throw new DuplicateAccountException("username");
		}
		if (request.email() != null && !request.email().isBlank()
				&& this.accounts.findByEmail(request.email().trim()).isPresent()) {
			throw new DuplicateAccountException("email");
		}
		String password = request.password();
		boolean mustChange = request.mustChangePassword();
		String passwordHash;
		if (password == null) {
			passwordHash = unusablePasswordHash();
			mustChange = true;
		}
		else {
			List<String> violations = PasswordPolicy.violations(password, request.username());
			if (!violations.isEmpty()) {
				throw new WeakPasswordException(violations);
			}
			passwordHash = this.passwordEncoder.encode(password);
		}
		Account account;
		try {
			account = this.accounts.save(new Account(request.username(), request.displayName(), request.email(),
					passwordHash, request.roles(), mustChange));
		}
		catch (DataIntegrityViolationException ex) {
			// the unique indexes decide when two requests race past the checks above
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			throw new DuplicateAccountException(message.contains("account_email_uk") ? "email" : "username");
		}
		this.auditLog.record("account", account.id(), "created", null, account.auditState());
		return account.id();
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> find(AccountId id) {
		return this.accounts.findById(id.value()).map(Account::view);
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> findByUsername(String username) {
		return this.accounts.findByUsername(username).map(Account::view);
	}

	/** Accounts whose username, name or email contains the text, for pickers. */
	@Transactional(readOnly = true)
	public List<AccountView> search(String text, int limit) {
		return this.accounts.search(text.trim(), PageRequest.of(0, limit)).stream().map(Account::view).toList();
	}

	@Transactional(readOnly = true)
	public boolean anyEnabledWithRole(Role role) {
		return this.accounts.existsEnabledWithRole(role);
	}

	/** The account signed in on the current thread, if any. */
	public static Optional<SignedInAccount> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account) {
			return Optional.of(account);
		}
		return Optional.empty();
	}

	/**
	 * The hash of a random secret nobody knows, shared by accounts created without a
	 * password (they set one through an emailed link). Hashing once keeps imports of many
	 * accounts fast; no password matches it.
	 */
	private String unusablePasswordHash() {
		String hash = this.unusableHash;
		if (hash == null) {
			hash = this.passwordEncoder.encode(randomSecret());
			this.unusableHash = hash;
		}
		return hash;
	}

	/** A random secret of 16 bytes, URL-safe; for one-time passwords and tokens. */
	public static String randomSecret() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Anonymises an account for a volunteer's deletion: disabled, its email removed, its
	 * username and display name replaced by placeholders ({@code deleted-<id>-<random>}
	 * and {@code placeholderName}), its password by one nobody knows. Audited without
	 * personal data. The caller ends the account's sessions after the commit (they are
	 * keyed by the old username, which this returns).
	 * @return the username the account had
	 * @throws IllegalArgumentException when there is no such account
	 */
	@Transactional
	public String anonymise(AccountId id, String placeholderName) {
		Account account = this.accounts.findForUpdate(id.value())
			.orElseThrow(() -> new IllegalArgumentException("No account " + id));
		String previous = account.username();
		String placeholder = "deleted-" + id.value() + "-" + randomSecret().substring(0, 8).toLowerCase(Locale.ROOT);
		account.anonymise(placeholder, placeholderName, unusablePasswordHash());
		this.accounts.saveAndFlush(account);
		this.auditLog.record("account", id, "anonymised", null,
				java.util.Map.of("enabled", false, "username", placeholder));
		return previous;
	}

}
