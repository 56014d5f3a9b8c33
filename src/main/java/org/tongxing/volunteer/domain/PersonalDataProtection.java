package org.tongxing.volunteer.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data with AES-256-GCM and computes keyed hashes (HMAC-SHA-256) for
 * matching. A ciphertext reads {@code v<version>:<base64url of 12-byte nonce + ciphertext
 * and tag>}; the version names the key, so keys can be rotated: add a key, make it
 * current, and the rotation job re-encrypts older values in the background. Plain values
 * never reach a log or an exception message.
 */
@Component
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataProtection {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataProtection.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final Map<Integer, SecretKeySpec> keys;

	private final int currentVersion;

	private final SecretKeySpec hashKey;

	PersonalDataProtection(PersonalDataProperties properties, @Value("${spring.datasource.url:}") String databaseUrl) {
		PersonalDataProperties effective = properties;
		if (isBlank(properties.keys()) && isBlank(properties.hashKey())) {
			if (!databaseUrl.isBlank()) {
				throw new IllegalStateException("Personal data keys are missing: set TONGXING_PII_KEYS and "
						+ "TONGXING_PII_HASH_KEY (see docs/data-protection.md)");
			}
			effective = generatedKeys(properties.keyFile());
		}
		this.keys = parseKeys(effective.keys());
		if (this.keys.isEmpty() || isBlank(effective.hashKey())) {
			throw new IllegalStateException("Both TONGXING_PII_KEYS and TONGXING_PII_HASH_KEY must be set");
		}
		this.currentVersion = (effective.currentKey() != null) ? effective.currentKey()
				: ((TreeMap<Integer, SecretKeySpec>) this.keys).lastKey();
		if (!this.keys.containsKey(this.currentVersion)) {
			throw new IllegalStateException("The current personal-data key version " + this.currentVersion
					+ " is not among the configured keys");
		}
		byte[] hashKeyBytes = Base64.getDecoder().decode(effective.hashKey().trim());
		if (hashKeyBytes.length < 32) {
			throw new IllegalStateException("The personal-data hash key must have at least 32 bytes");
		}
		this.hashKey = new SecretKeySpec(hashKeyBytes, "HmacSHA256");
	}

	/** Encrypts a value with the current key; {@code null} stays {@code null}. */
	public String encrypt(PersonalField field, String plain) {
		if (plain == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentVersion), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(field.name().getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return "v" + this.currentVersion + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	/**
	 * Decrypts a value encrypted for the field.
	 * @throws IllegalStateException when the key version is unknown or the value was
	 * tampered with or belongs to another field
	 */
	public String decrypt(PersonalField field, String sealed) {
		if (sealed == null) {
			return null;
		}
		int colon = sealed.indexOf(':');
		int version = version(sealed);
		SecretKeySpec key = this.keys.get(version);
		if (key == null) {
			throw new IllegalStateException("No personal-data key of version " + version + " is configured");
		}
		byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(colon + 1));
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(field.name().getBytes(StandardCharsets.US_ASCII));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption of a " + field + " failed", ex);
		}
	}

	/** The keyed hash of a normalised value, as 64 hex digits. */
	public String hash(PersonalField field, String normalised) {
		if (normalised == null) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.hashKey);
			mac.update(field.name().getBytes(StandardCharsets.US_ASCII));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Hashing failed", ex);
		}
	}

	/** Whether the value was encrypted with an older key than the current one. */
	public boolean needsRotation(String sealed) {
		return sealed != null && version(sealed) != this.currentVersion;
	}

	public int currentVersion() {
		return this.currentVersion;
	}

	private static int version(String sealed) {
		int colon = sealed.indexOf(':');
		if (!sealed.startsWith("v") || colon < 2) {
			throw new IllegalStateException("Not an encrypted personal-data value");
		}
		return Integer.parseInt(sealed.substring(1, colon));
	}

	static Map<Integer, SecretKeySpec> parseKeys(String text) {
		Map<Integer, SecretKeySpec> result = new TreeMap<>();
		if (isBlank(text)) {
			return result;
		}
		for (String entry : text.split(",")) {
			String[] parts = entry.trim().split(":", 2);
			if (parts.length != 2) {
				throw new IllegalStateException("A personal-data key reads <version>:<base64 key>");
			}
			byte[] key = Base64.getDecoder().decode(parts[1].trim());
			if (key.length != 32) {
				throw new IllegalStateException("Personal-data key " + parts[0].trim() + " must have 32 bytes");
			}
			result.put(Integer.parseInt(parts[0].trim()), new SecretKeySpec(key, "AES"));
		}
		return result;
	}

	/**
	 * Keys for the embedded database: generated once and kept beside its data, readable
	 * by the owner only. Losing the file makes the stored ID numbers and phones
	 * unreadable.
	 */
	private static PersonalDataProperties generatedKeys(Path file) {
		try {
			Properties stored = new Properties();
			if (Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					stored.load(in);
				}
			}
			else {
				Files.createDirectories(file.toAbsolutePath().getParent());
				stored.setProperty("keys", "1:" + randomKey());
				stored.setProperty("hash-key", randomKey());
				try (OutputStream out = Files.newOutputStream(file)) {
					stored.store(out, "Tongxing personal-data keys of the embedded database; keep them with the data");
				}
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system; the directory's permissions apply
				}
				log.info("Generated personal-data keys in {}", file.toAbsolutePath());
			}
			return new PersonalDataProperties(stored.getProperty("keys"), null, stored.getProperty("hash-key"), file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read or write the personal-data key file " + file, ex);
		}
	}

	/** A new random 32-byte key in base64, as configuration expects it. */
	public static String randomKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
