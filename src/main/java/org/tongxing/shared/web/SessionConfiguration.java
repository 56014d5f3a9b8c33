package org.tongxing.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL (Spring Session JDBC), shared by every node.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/**
	 * Writes session attributes with an upsert: two requests of one browser that both add
	 * an attribute (the first CSRF token after sign-in, say) would otherwise collide on
	 * the attribute's primary key and one of them would fail.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
