package org.tongxing.account;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log. Every module records its changes here, inside the
 * transaction that makes them, so a change and its entry commit or roll back together.
 * Who and from which address are taken from the current request; the database refuses
 * updates and deletes of entries.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records a change. {@code before} is {@code null} for a creation, {@code after} for
	 * a removal. The states must not hold secrets (password hashes, tokens) or unmasked
	 * personal data.
	 * @param entityType e.g. {@code "unit"}, {@code "account"}
	 * @param entityId the entity's id
	 * @param action what happened, e.g. {@code "created"}, {@code "moved"}
	 * @param before the state before the change
	 * @param after the state after the change
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String entityType, Object entityId, String action, Map<String, ?> before, Map<String, ?> after) {
		Actor actor = currentActor();
		this.jdbc
			.sql("""
					insert into audit_entry (actor_id, actor_name, remote_address, entity_type, entity_id, action,
					                         before_state, after_state)
					values (:actorId, :actorName, :address, :type, :id, :action, cast(:before as jsonb), cast(:after as jsonb))
					""")
			.param("actorId", actor.id())
			.param("actorName", actor.name())
			.param("address", currentAddress())
			.param("type", entityType)
			.param("id", String.valueOf(entityId))
			.param("action", action)
			.param("before", toJson(before))
			.param("after", toJson(after))
			.update();
	}

	private String toJson(Map<String, ?> state) {
		return (state != null) ? this.json.writeValueAsString(state) : null;
	}

	private static Actor currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account) {
			return new Actor(account.id().value(), account.getUsername());
		}
		return new Actor(null, (authentication != null) ? authentication.getName() : "system");
	}

	private static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}

	private record Actor(Long id, String name) {
	}

}
