package org.tongxing.activity.domain;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import org.tongxing.activity.PositionDetails;

/**
 * The named parameters of a position's columns (name, description, capacity, approval,
 * min_age and the three requirement arrays), shared by positions and position templates.
 */
public final class PositionColumns {

	private PositionColumns() {
	}

	public static MapSqlParameterSource parameters(PositionDetails details) {
		return new MapSqlParameterSource().addValue("name", details.name().strip())
			.addValue("description", ActivityRules.blankToNull(details.description()))
			.addValue("capacity", details.capacity())
			.addValue("approval", details.approval().name())
			.addValue("minAge", details.minAge())
			.addValue("skills", details.skills().stream().sorted().toArray(String[]::new))
			.addValue("languages", details.languages().stream().sorted().toArray(String[]::new))
			.addValue("qualifications", details.qualifications().stream().sorted().toArray(String[]::new));
	}

}
