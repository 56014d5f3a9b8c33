package org.tongxing.servicerecord.profile;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A proof sent as a download of the type its bytes showed when it was stored. */
final class ProofDownloads {

	private ProofDownloads() {
	}

	static ResponseEntity<byte[]> of(ServiceProfile.ProofFile proof) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(proof.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(proof.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			// personal documents stay out of shared caches and the browser's disk cache
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(proof.content());
	}

}
