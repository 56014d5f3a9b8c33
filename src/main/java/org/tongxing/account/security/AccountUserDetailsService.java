package org.tongxing.account.security;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.SignedInAccount;
import org.tongxing.account.domain.Account;
import org.tongxing.account.domain.AccountRepository;

@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public SignedInAccount loadUserByUsername(String username) {
		String name = username.trim();
		// volunteers sign in with the email they registered with
		return this.accounts.findByUsername(name)
			.or(() -> name.contains("@") ? this.accounts.findByEmail(name) : Optional.empty())
			.map(AccountUserDetailsService::principal)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	/** The principal of an account, without its password hash. */
	@Transactional(readOnly = true)
	public Optional<SignedInAccount> loadById(long id) {
		return this.accounts.findById(id).map(AccountUserDetailsService::principal).map((principal) -> {
			principal.eraseCredentials();
			return principal;
		});
	}

	private static SignedInAccount principal(Account account) {
		return new SignedInAccount(account.id().value(), account.username(), account.displayName(),
				account.passwordHash(), account.roles(), account.enabled(), account.mustChangePassword());
	}

}
