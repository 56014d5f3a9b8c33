package org.tongxing.account.domain;

import java.io.PrintStream;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.tongxing.shared.StartupBanner;
import org.tongxing.account.AccountProperties;
import org.tongxing.account.Accounts;
import org.tongxing.account.NewAccount;
import org.tongxing.account.Role;

/**
 * Makes sure someone can run the association after the first start. A coordinator named
 * in {@code tongxing.account.initial-coordinator.*} is created when absent. Otherwise,
 * when no enabled coordinator exists, an {@code admin} account is created with a one-time
 * password that is printed once to standard output (never to the log, which may be
 * shipped elsewhere) and must be changed at the first sign-in.
 * <p>
 * Runs after the demo data ({@code @Order(10)}), which brings its own coordinator.
 */
@Component
@Order(20)
class InitialCoordinator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialCoordinator.class);

	private final Accounts accounts;

	private final AccountProperties.InitialCoordinator configured;

	private final PrintStream console;

	@Autowired
	InitialCoordinator(Accounts accounts, AccountProperties properties) {
		this(accounts, properties.initialCoordinator(), StartupBanner.console());
	}

	InitialCoordinator(Accounts accounts, AccountProperties.InitialCoordinator configured, PrintStream console) {
		this.accounts = accounts;
		this.configured = configured;
		this.console = console;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.configured.configured()) {
			createConfigured();
		}
		else if (!this.accounts.anyEnabledWithRole(Role.COORDINATOR)) {
			createWithOneTimePassword();
		}
	}

	private void createConfigured() {
		String username = this.configured.username().trim();
		if (this.accounts.findByUsername(username).isPresent()) {
			return;
		}
		if (this.configured.password().isBlank()) {
			throw new IllegalStateException(
					"tongxing.account.initial-coordinator.password must be set with the username");
		}
		this.accounts.create(new NewAccount(username, username, this.configured.email(), this.configured.password(),
				Set.of(Role.COORDINATOR), false));
		log.info("Created the configured coordinator account '{}'", username);
	}

	private void createWithOneTimePassword() {
		String username = freeUsername();
		String password = Secrets.newPassword(username);
		this.accounts.create(new NewAccount(username, username, null, password, Set.of(Role.COORDINATOR), true));
		log.info("No coordinator existed: created '{}' with a one-time password (printed to standard output)",
				username);
		this.console.println();
		this.console.println("=== Tongxing: first coordinator ===");
		this.console.println("Username: " + username);
		this.console.println("One-time password: " + password);
		this.console.println("Sign in and choose a new password; this one is shown only now.");
		this.console.println("===================================");
		this.console.println();
	}

	private String freeUsername() {
		String username = "admin";
		for (int n = 2; this.accounts.findByUsername(username).isPresent(); n++) {
			username = "admin" + n;
		}
		return username;
	}

}
