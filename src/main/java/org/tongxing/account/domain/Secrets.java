package org.tongxing.account.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random one-time secrets and the hashes under which they are stored.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** 32 random bytes, URL-safe: for reset links and API tokens. */
	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A random password that meets the {@link PasswordPolicy}. */
	public static String newPassword(String username) {
		while (true) {
			byte[] bytes = new byte[12];
			RANDOM.nextBytes(bytes);
			String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			if (PasswordPolicy.violations(candidate, username).isEmpty()) {
				return candidate;
			}
		}
	}

	/** The lower-case hex SHA-256 of the token, as stored. */
	public static String sha256(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

}
