package org.tongxing.volunteer.importing;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the volunteer import ({@code tongxing.volunteer.import.*}).
 *
 * @param maxUploadSize the largest file accepted (the servlet's multipart limit must be
 * at least as large: {@code spring.servlet.multipart.max-file-size} and
 * {@code max-request-size})
 * @param maxRows the most data rows a file may have
 * @param batchSize rows committed together when importing the valid rows
 * @param threads imports running at once on one node
 * @param workers batches of one import (mode valid rows) saved at once, each in its own
 * transaction and database connection
 * @param queue imports waiting on one node beyond those; more are refused as busy
 * @param staleAfter a running job whose node has not reported for this long is failed
 * @param workDir where uploaded files wait for their job (deleted when it ends)
 * @param minInflateRatio zip-bomb guard: the smallest compressed/uncompressed ratio of an
 * xlsx entry (POI's ZipSecureFile)
 * @param maxEntrySize zip-bomb guard: the largest uncompressed entry of an xlsx
 */
@ConfigurationProperties("tongxing.volunteer.import")
record ImportProperties(@DefaultValue("50MB") DataSize maxUploadSize, @DefaultValue("200000") int maxRows,
		@DefaultValue("200") int batchSize, @DefaultValue("2") int threads, @DefaultValue("3") int workers,
		@DefaultValue("10") int queue, @DefaultValue("5m") Duration staleAfter, @DefaultValue("") Path workDir,
		@DefaultValue("0.01") double minInflateRatio, @DefaultValue("1GB") DataSize maxEntrySize) {

	Path effectiveWorkDir() {
		return (this.workDir == null || this.workDir.toString().isBlank())
				? Path.of(System.getProperty("java.io.tmpdir"), "tongxing-import") : this.workDir;
	}

}
