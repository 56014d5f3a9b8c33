package org.tongxing.volunteer.domain;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data.
 *
 * @param keys the encryption keys by version, {@code "1:<base64 of 32 bytes>,2:<...>"}
 * @param currentKey the version new values are encrypted with; empty = the highest
 * @param hashKey the key of the keyed hashes (base64, at least 32 bytes)
 * @param keyFile where keys are generated and kept when none are configured and the
 * database is the embedded one (development and demo)
 */
@ConfigurationProperties("tongxing.personal-data")
public record PersonalDataProperties(String keys, Integer currentKey, String hashKey, Path keyFile) {

}
