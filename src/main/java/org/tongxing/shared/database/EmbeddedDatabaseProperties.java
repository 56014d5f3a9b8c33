package org.tongxing.shared.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when no external database is configured.
 *
 * @param dataDir where its data lives between runs
 * @param cleanOnStart wipe the data directory at start (tests)
 * @param port the port to listen on, 0 for any free one
 * @param poolSize connections in the application's pool
 */
@ConfigurationProperties("tongxing.database")
record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") Path dataDir,
		@DefaultValue("false") boolean cleanOnStart, @DefaultValue("0") int port, @DefaultValue("10") int poolSize) {
}
