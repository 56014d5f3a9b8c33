package org.tongxing.account.domain;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.DefaultApplicationArguments;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountProperties;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.account.NewAccount;
import org.tongxing.account.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class InitialCoordinatorTest {

	private final Accounts accounts = mock(Accounts.class);

	private final ByteArrayOutputStream console = new ByteArrayOutputStream();

	private static final AccountProperties.InitialCoordinator NONE = new AccountProperties.InitialCoordinator("", "",
			"");

	@Test
	void withoutAnyCoordinatorCreatesAdminWithAPrintedOneTimePassword() {
		given(this.accounts.anyEnabledWithRole(Role.COORDINATOR)).willReturn(false);
		given(this.accounts.findByUsername("admin")).willReturn(Optional.empty());
		run(NONE);
		ArgumentCaptor<NewAccount> created = ArgumentCaptor.forClass(NewAccount.class);
		verify(this.accounts).create(created.capture());
		NewAccount admin = created.getValue();
		assertThat(admin.username()).isEqualTo("admin");
		assertThat(admin.roles()).containsExactly(Role.COORDINATOR);
		assertThat(admin.mustChangePassword()).isTrue();
		assertThat(PasswordPolicy.violations(admin.password(), "admin")).isEmpty();
		assertThat(printed()).contains("admin").contains(admin.password());
	}

	@Test
	void choosesAnotherNameWhenAdminIsTaken() {
		given(this.accounts.anyEnabledWithRole(Role.COORDINATOR)).willReturn(false);
		given(this.accounts.findByUsername("admin")).willReturn(Optional.of(view("admin")));
		given(this.accounts.findByUsername("admin2")).willReturn(Optional.empty());
		run(NONE);
		ArgumentCaptor<NewAccount> created = ArgumentCaptor.forClass(NewAccount.class);
		verify(this.accounts).create(created.capture());
		assertThat(created.getValue().username()).isEqualTo("admin2");
	}

	@Test
	void withACoordinatorDoesNothingAndPrintsNothing() {
		given(this.accounts.anyEnabledWithRole(Role.COORDINATOR)).willReturn(true);
		run(NONE);
		verify(this.accounts, never()).create(any());
		assertThat(printed()).isEmpty();
	}

	@Test
	void createsTheConfiguredCoordinatorOnceWithoutPrinting() {
		AccountProperties.InitialCoordinator configured = new AccountProperties.InitialCoordinator("chief",
				"chief-secret-2026", "chief@example.org");
		given(this.accounts.findByUsername("chief")).willReturn(Optional.empty());
		run(configured);
		ArgumentCaptor<NewAccount> created = ArgumentCaptor.forClass(NewAccount.class);
		verify(this.accounts).create(created.capture());
		assertThat(created.getValue().password()).isEqualTo("chief-secret-2026");
		assertThat(created.getValue().email()).isEqualTo("chief@example.org");
		assertThat(created.getValue().roles()).containsExactly(Role.COORDINATOR);
		assertThat(printed()).isEmpty();

		given(this.accounts.findByUsername("chief")).willReturn(Optional.of(view("chief")));
		run(configured);
		verify(this.accounts).create(any());
	}

	private void run(AccountProperties.InitialCoordinator configured) {
		new InitialCoordinator(this.accounts, configured, new PrintStream(this.console, true, StandardCharsets.UTF_8))
			.run(new DefaultApplicationArguments());
	}

	private String printed() {
		return this.console.toString(StandardCharsets.UTF_8);
	}

	private static AccountView view(String username) {
		return new AccountView(new AccountId(1), username, username, null, Set.of(Role.COORDINATOR), true);
	}

}
