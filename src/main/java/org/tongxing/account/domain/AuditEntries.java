package org.tongxing.account.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountProperties;

/**
 * Reads the audit log: filtered, newest first, each entry with its before and after
 * states laid side by side.
 */
@Service
public class AuditEntries {

	private static final TypeReference<LinkedHashMap<String, Object>> STATE = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ZoneId zone;

	AuditEntries(JdbcClient jdbc, JsonMapper json, AccountProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.zone = properties.timeZone();
	}

	/**
	 * What to look for; blank texts and {@code null} dates match everything. Dates are
	 * inclusive days in the configured time zone.
	 */
	public record Filter(String entityType, String entityId, String actor, String action, LocalDate from,
			LocalDate to) {
	}

	/** One key of an entity's state, before and after the change. */
	public record Change(String key, String before, String after, boolean changed) {
	}

	public record Entry(long id, LocalDateTime occurredAt, String actor, String remoteAddress, String entityType,
			String entityId, String action, List<Change> changes) {
	}

	@Transactional(readOnly = true)
	public Page<Entry> find(Filter filter, Pageable page) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new LinkedHashMap<>();
		equal(where, params, "entity_type", "type", filter.entityType());
		equal(where, params, "entity_id", "entityId", filter.entityId());
		equal(where, params, "lower(actor_name)", "actor",
				(filter.actor() != null) ? filter.actor().trim().toLowerCase(java.util.Locale.ROOT) : null);
		equal(where, params, "action", "action", filter.action());
		if (filter.from() != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(this.zone).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < :to");
			params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(this.zone).toInstant()));
		}
		long total = this.jdbc.sql("select count(*) from audit_entry" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Entry> entries = this.jdbc.sql("""
				select id, occurred_at, actor_name, remote_address, entity_type, entity_id, action,
				       before_state::text as before_state, after_state::text as after_state
				from audit_entry""" + where + " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset())
			.query(this::entry)
			.list();
		return new PageImpl<>(entries, page, total);
	}

	/** The entity types and actions that occur, for the filter's choices. */
	@Transactional(readOnly = true)
	public List<String> entityTypes() {
		return this.jdbc.sql("select distinct entity_type from audit_entry order by 1").query(String.class).list();
	}

	@Transactional(readOnly = true)
	public List<String> actions() {
		return this.jdbc.sql("select distinct action from audit_entry order by 1").query(String.class).list();
	}

	private static void equal(StringBuilder where, Map<String, Object> params, String column, String name,
			String value) {
		if (value != null && !value.isBlank()) {
			where.append(" and ").append(column).append(" = :").append(name);
			params.put(name, value.trim());
		}
	}

	private Entry entry(ResultSet rs, int row) throws SQLException {
		Map<String, Object> before = state(rs.getString("before_state"));
		Map<String, Object> after = state(rs.getString("after_state"));
		Set<String> keys = new LinkedHashSet<>(before.keySet());
		keys.addAll(after.keySet());
		List<Change> changes = new ArrayList<>();
		for (String key : keys) {
			String was = text(before.get(key));
			String is = text(after.get(key));
			changes.add(new Change(key, was, is, !Objects.equals(was, is)));
		}
		return new Entry(rs.getLong("id"),
				LocalDateTime.ofInstant(rs.getTimestamp("occurred_at").toInstant(), this.zone),
				rs.getString("actor_name"), rs.getString("remote_address"), rs.getString("entity_type"),
				rs.getString("entity_id"), rs.getString("action"), changes);
	}

	private Map<String, Object> state(String text) {
		return (text != null) ? this.json.readValue(text, STATE) : Map.of();
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
		}
		return String.valueOf(value);
	}

}
