package org.tongxing.account.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import org.tongxing.account.AccountId;
import org.tongxing.account.SignedInAccount;

/**
 * Replaces the principal kept in the session after the account changed (e.g. the password
 * was changed, so it no longer must be).
 */
@Component
public class SignedInSession {

	/**
	 * Session attribute with the username of the last failed sign-in, to refill the form.
	 */
	public static final String LAST_USERNAME = "tongxing.signIn.username";

	private final AccountUserDetailsService accounts;

	private final SecurityContextRepository contexts;

	SignedInSession(AccountUserDetailsService accounts, SecurityContextRepository contexts) {
		this.accounts = accounts;
		this.contexts = contexts;
	}

	public void refresh(AccountId id, HttpServletRequest request, HttpServletResponse response) {
		this.accounts.loadById(id.value()).ifPresent((SignedInAccount principal) -> {
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
			SecurityContextHolder.setContext(context);
			this.contexts.saveContext(context, request, response);
		});
	}

}
