package org.tongxing.volunteer.registration;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.organisation.UnitId;

/**
 * Reads recruitment drives (table {@code recruitment_drive}) by the public code of their
 * registration link.
 */
@Component
class RecruitmentDrives {

	/** A drive and whether it takes registrations on the given day. */
	record Drive(long id, String code, String name, UnitId unit, LocalDate startsOn, LocalDate endsOn) {

		boolean isOpenOn(LocalDate day) {
			return !day.isBefore(this.startsOn) && !day.isAfter(this.endsOn);
		}

	}

	private final JdbcClient jdbc;

	RecruitmentDrives(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	Optional<Drive> findByCode(String code) {
		if (code == null || code.isBlank() || code.length() > 32) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select id, code, name, unit_id, starts_on, ends_on from recruitment_drive where code = :code")
			.param("code", code.strip())
			.query((rs, n) -> new Drive(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					new UnitId(rs.getLong("unit_id")), rs.getObject("starts_on", LocalDate.class),
					rs.getObject("ends_on", LocalDate.class)))
			.optional();
	}

}
