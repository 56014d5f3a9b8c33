package org.tongxing.account.security;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import org.tongxing.account.AccountProperties;
import org.tongxing.account.SignedInAccount;
import org.tongxing.account.domain.ApiTokens;

/**
 * Sign-in by form (throttled per account and address), CSRF on every form, session
 * fixation protection (a new session id at sign-in), a Content-Security-Policy that
 * allows only the application's own scripts and styles, and personal bearer tokens for
 * {@code /api/**}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(AccountProperties.class)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccountUserDetailsService userDetails,
			PasswordEncoder passwordEncoder, SignInThrottle throttle, SecurityContextRepository contexts,
			ApiTokens tokens) throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/css/**", "/js/**", "/images/**", "/webjars/**", "/vendor/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/login", "/password/forgot", "/password/reset", "/error", "/error/**", "/register",
					"/register/**", "/r/*", "/calendar/*", "/verify", "/verify/*", "/c/*")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("COORDINATOR")
			.requestMatchers("/accounts/new")
			.hasRole("COORDINATOR")
			.requestMatchers(HttpMethod.GET, "/accounts", "/accounts/*", "/audit")
			.hasAnyRole("COORDINATOR", "LEADERSHIP")
			.requestMatchers("/accounts/**")
			.hasRole("COORDINATOR")
			.anyRequest()
			.authenticated());

		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails);
		passwords.setPasswordEncoder(passwordEncoder);
		http.authenticationManager(new ProviderManager(new ThrottlingAuthenticationProvider(passwords, throttle)));
		http.securityContext((context) -> context.securityContextRepository(contexts));
		http.formLogin((form) -> form.loginPage("/login")
			.successHandler(successHandler())
			.failureHandler(SecurityConfiguration::signInFailed)
			.permitAll());
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll());
		http.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()));

		// A browser cannot send an Authorization header cross-site without CORS, which
		// this
		// app does not allow, so bearer requests cannot be forged and need no CSRF token.
		http.csrf((csrf) -> csrf
			.ignoringRequestMatchers((request) -> api.matches(request) && BearerTokenFilter.hasBearerToken(request)));
		http.addFilterBefore(new BearerTokenFilter(tokens, userDetails), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new MustChangePasswordFilter(), AuthorizationFilter.class);
		AuthenticationEntryPoint apiUnauthorized = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Bearer");
			ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized");
		};
		AccessDeniedHandler apiForbidden = (request, response, ex) -> ApiErrors.write(response,
				HttpServletResponse.SC_FORBIDDEN, "forbidden");
		LinkedHashMap<RequestMatcher, AccessDeniedHandler> deniedHandlers = new LinkedHashMap<>();
		deniedHandlers.put(api, apiForbidden);
		http.exceptionHandling((exceptions) -> exceptions
			.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
				.addEntryPointFor(apiUnauthorized, api)
				.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
				.build())
			.accessDeniedHandler(
					new RequestMatcherDelegatingAccessDeniedHandler(deniedHandlers, new AccessDeniedHandlerImpl())));

		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	private static SavedRequestAwareAuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws jakarta.servlet.ServletException, IOException {
				if (request.getSession(false) != null) {
					request.getSession(false).removeAttribute(SignedInSession.LAST_USERNAME);
				}
				if (authentication.getPrincipal() instanceof SignedInAccount account && account.mustChangePassword()) {
					clearAuthenticationAttributes(request);
					getRedirectStrategy().sendRedirect(request, response, MustChangePasswordFilter.CHANGE_PASSWORD);
					return;
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		saved.setDefaultTargetUrl("/");
		return saved;
	}

	/**
	 * Every failure shows the same message (no hint whether the account exists); a
	 * throttled attempt says how many seconds to wait, in the {@code throttled}
	 * parameter.
	 */
	private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		String username = request.getParameter("username");
		if (username != null && username.length() <= 64) {
			request.getSession().setAttribute(SignedInSession.LAST_USERNAME, username);
		}
		String target = (ex instanceof SignInThrottledException throttled)
				? "/login?throttled=" + throttled.retryAfterSeconds() : "/login?error";
		response.sendRedirect(request.getContextPath() + target);
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	@Bean
	SignInThrottle signInThrottle(AccountProperties properties) {
		return new SignInThrottle(properties.throttle());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
