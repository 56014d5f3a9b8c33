package org.tongxing.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no external database is configured
 * ({@code TONGXING_DB_URL} empty). Its data lives in {@code tongxing.database.data-dir}
 * ({@code ./data/postgres} by default) and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		Path dataDir = properties.dataDir().toAbsolutePath();
		Files.createDirectories(dataDir.getParent());
		log.info("Starting embedded PostgreSQL with data in {}", dataDir);
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(properties.cleanOnStart())
			.setPort(properties.port())
			.setServerConfig("max_connections", "100")
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			// Spring stops it (destroyMethod) after the beans that still need the
			// database;
			// zonky's own JVM shutdown hook would stop it in parallel, leaving the event
			// publication registry waiting for a connection at shutdown
			.setRegisterShutdownHook(false)
			.start();
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(properties.poolSize());
		dataSource.setPoolName("tongxing-embedded");
		return dataSource;
	}

}
