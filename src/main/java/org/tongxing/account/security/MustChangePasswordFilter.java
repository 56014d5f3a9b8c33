package org.tongxing.account.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import org.tongxing.account.SignedInAccount;

/**
 * Keeps an account that must change its password (a one-time or reset password) on the
 * change-password page until it has done so.
 */
class MustChangePasswordFilter extends OncePerRequestFilter {

	static final String CHANGE_PASSWORD = "/account/password";

	private static final List<String> ALLOWED = List.of(CHANGE_PASSWORD, "/logout", "/error", "/css/", "/js/",
			"/images/", "/webjars/", "/favicon.ico");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account
				&& account.mustChangePassword() && !allowed(request)) {
			if (path(request).startsWith("/api/")) {
				ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "password_change_required");
			}
			else {
				response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(HttpServletRequest request) {
		String path = path(request);
		return ALLOWED.stream()
			.anyMatch((allowed) -> allowed.endsWith("/") ? path.startsWith(allowed)
					: path.equals(allowed) || path.startsWith(allowed + "/"));
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
