package org.tongxing.account.security;

import org.springframework.security.core.userdetails.UserDetails;
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
	public UserDetails loadUserByUsername(String username) {
		Account account = this.accounts.findByUsername(username.trim())
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return new SignedInAccount(account.id().value(), account.username(), account.displayName(),
				account.passwordHash(), account.roles(), account.enabled(), account.mustChangePassword());
	}

}
