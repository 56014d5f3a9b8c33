package org.tongxing.volunteer.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the skill catalogue (kept by coordinators in table {@code skill}).
 */
@Component
public class Skills {

	private final JdbcClient jdbc;

	Skills(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Active and inactive skills by id, with their codes. */
	public Map<Long, String> codesById() {
		Map<Long, String> codes = new LinkedHashMap<>();
		this.jdbc.sql("select id, code from skill order by id")
			.query((rs, n) -> codes.put(rs.getLong("id"), rs.getString("code")))
			.list();
		return codes;
	}

	/** Active skills by code, with their ids: what a volunteer may choose. */
	public Map<String, Long> activeIdsByCode() {
		Map<String, Long> ids = new LinkedHashMap<>();
		this.jdbc.sql("select id, code from skill where active order by name")
			.query((rs, n) -> ids.put(rs.getString("code"), rs.getLong("id")))
			.list();
		return ids;
	}

}
