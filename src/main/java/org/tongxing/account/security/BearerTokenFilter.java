package org.tongxing.account.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import org.tongxing.account.SignedInAccount;
import org.tongxing.account.domain.ApiTokens;

/**
 * Authenticates {@code /api/**} requests that carry {@code Authorization: Bearer <token>}
 * as the token's account, for this request only (nothing is kept in a session). A bad
 * token is answered with 401 at once. The token itself is never logged.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String PREFIX = "Bearer ";

	private final ApiTokens tokens;

	private final AccountUserDetailsService accounts;

	BearerTokenFilter(ApiTokens tokens, AccountUserDetailsService accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
	}

	static boolean hasBearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/")
				|| !hasBearerToken(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(PREFIX.length()).trim();
		Optional<SignedInAccount> account = this.tokens.accountFor(token)
			.flatMap((id) -> this.accounts.loadById(id.value()))
			.filter(SignedInAccount::isEnabled);
		if (account.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_token");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(account.get(), null, account.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
