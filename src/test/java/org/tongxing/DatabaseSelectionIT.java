package org.tongxing;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path: with {@code TONGXING_DB_URL} set, the application uses that
 * PostgreSQL and never starts the embedded one; without it, the embedded one serves.
 * {@code .ci/run} runs the integration tests both ways.
 */
@IntegrationTest
class DatabaseSelectionIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Test
	void usesTheConfiguredDatabaseOrTheEmbeddedOne() throws SQLException {
		String external = System.getenv("TONGXING_DB_URL");
		String[] embedded = this.context.getBeanNamesForType(EmbeddedPostgres.class);
		String url;
		try (Connection connection = this.dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		if (external != null && !external.isBlank()) {
			assertThat(embedded).as("EmbeddedPostgres beans with TONGXING_DB_URL set").isEmpty();
			assertThat(((HikariDataSource) this.dataSource).getJdbcUrl()).isEqualTo(external);
			assertThat(url).isEqualTo(external);
		}
		else {
			assertThat(embedded).as("EmbeddedPostgres beans without TONGXING_DB_URL").hasSize(1);
			assertThat(url).contains("localhost:" + this.context.getBean(EmbeddedPostgres.class).getPort());
		}
	}

}
