package org.tongxing.account.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-in by form, CSRF on every form, session fixation protection (a new session id at
 * sign-in), and a Content-Security-Policy that allows only the application's own scripts
 * and styles.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico")
					.permitAll()
					.requestMatchers("/login", "/password/forgot", "/password/reset", "/error", "/error/**")
					.permitAll()
					.requestMatchers("/actuator/health", "/actuator/health/**")
					.permitAll()
					.requestMatchers("/actuator/**")
					.hasRole("COORDINATOR")
					.anyRequest()
					.authenticated());
		http.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll());
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll());
		http.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
