package org.tongxing.account.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;

/**
 * Personal API tokens. The token is returned once at creation; only its SHA-256 is
 * stored, so a lost token cannot be shown again, only revoked.
 */
@Service
public class ApiTokens {

	/** Marks the tokens of this application, so that leaked ones are easy to spot. */
	static final String TOKEN_PREFIX = "txp_";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	ApiTokens(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	public record ApiToken(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt) {

		public boolean active(Instant now) {
			return this.revokedAt == null && this.expiresAt.isAfter(now);
		}

	}

	/** A new token: {@code secret} is shown to the owner once and never again. */
	public record NewToken(long id, String secret) {
	}

	@Transactional(readOnly = true)
	public List<ApiToken> of(AccountId account) {
		return this.jdbc.sql("""
				select id, name, created_at, expires_at, last_used_at, revoked_at from api_token
				where account_id = :account order by created_at desc, id desc""")
			.param("account", account.value())
			.query((rs, row) -> new ApiToken(rs.getLong("id"), rs.getString("name"), instant(rs, "created_at"),
					instant(rs, "expires_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at")))
			.list();
	}

	@Transactional
	public NewToken create(AccountId account, String name, Instant expiresAt) {
		String secret = TOKEN_PREFIX + Secrets.newToken();
		long id = this.jdbc.sql("""
				insert into api_token (account_id, name, token_hash, expires_at)
				values (:account, :name, :hash, :expires) returning id""")
			.param("account", account.value())
			.param("name", name.trim())
			.param("hash", Secrets.sha256(secret))
			.param("expires", java.sql.Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("account", account.value());
		state.put("name", name.trim());
		state.put("expiresAt", expiresAt.truncatedTo(ChronoUnit.SECONDS).toString());
		this.auditLog.record("api-token", id, "created", null, state);
		return new NewToken(id, secret);
	}

	/**
	 * Revokes one of the account's own tokens; false when it has no such active token.
	 */
	@Transactional
	public boolean revoke(AccountId account, long tokenId) {
		int changed = this.jdbc.sql(
				"update api_token set revoked_at = now() where id = :id and account_id = :account and revoked_at is null")
			.param("id", tokenId)
			.param("account", account.value())
			.update();
		if (changed == 1) {
			this.auditLog.record("api-token", tokenId, "revoked", Map.of("revoked", false), Map.of("revoked", true));
		}
		return changed == 1;
	}

	/** The account of an active token, noting its use. */
	@Transactional
	public Optional<AccountId> accountFor(String secret) {
		if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				update api_token set last_used_at = now()
				where token_hash = :hash and revoked_at is null and expires_at > now()
				returning account_id""")
			.param("hash", Secrets.sha256(secret))
			.query(Long.class)
			.optional()
			.map(AccountId::new);
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.sql.Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
