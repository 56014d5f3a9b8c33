package org.tongxing.volunteer.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;
import org.tongxing.volunteer.domain.Membership;
import org.tongxing.volunteer.domain.MembershipRepository;
import org.tongxing.volunteer.registry.VolunteerDetailsPage.Consent;
import org.tongxing.volunteer.registry.VolunteerDetailsPage.MembershipLine;
import org.tongxing.volunteer.registry.VolunteerDetailsPage.Qualification;
import org.tongxing.volunteer.registry.VolunteerDetailsPage.Skill;

/**
 * Assembles the admin page of one volunteer: the core's masked {@link VolunteerView}
 * (which also decides visibility: out of scope is 404) and what the view does not carry.
 */
@Component
class VolunteerRecords {

	private final Volunteers volunteers;

	private final Units units;

	private final MembershipRepository memberships;

	private final JdbcClient jdbc;

	VolunteerRecords(Volunteers volunteers, Units units, MembershipRepository memberships, JdbcClient jdbc) {
		this.volunteers = volunteers;
		this.units = units;
		this.memberships = memberships;
		this.jdbc = jdbc;
	}

	/**
	 * @throws org.tongxing.volunteer.VolunteerNotFoundException when absent or out of the
	 * scope
	 */
	@Transactional(readOnly = true)
	VolunteerDetailsPage page(UnitScope scope, VolunteerId id) {
		VolunteerView volunteer = this.volunteers.get(scope, id);
		UnitView unit = this.units.get(scope, volunteer.unitId());
		long key = id.value();
		List<Skill> skills = this.jdbc.sql("""
				select s.code, s.name, s.name_en, vs.level from volunteer_skill vs join skill s on s.id = vs.skill_id
				where vs.volunteer_id = :id order by s.id""")
			.param("id", key)
			.query((rs, n) -> new Skill(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
					rs.getInt("level")))
			.list();
		List<Qualification> qualifications = this.jdbc.sql("""
				select qt.name, qt.name_en, vq.certificate_number, vq.expires_on, vq.status, vq.decided_at,
				       vq.decision_reason
				from volunteer_qualification vq join qualification_type qt on qt.id = vq.type_id
				where vq.volunteer_id = :id order by qt.id""")
			.param("id", key)
			.query((rs, n) -> new Qualification(rs.getString("name"), rs.getString("name_en"),
					rs.getString("certificate_number"),
					(rs.getDate("expires_on") != null) ? rs.getDate("expires_on").toLocalDate() : null,
					rs.getString("status"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason")))
			.list();
		Map<String, Object> row = this.jdbc.sql("""
				select v.notice_version, v.notice_accepted_at, v.sensitive_consent_at, v.guardian_consent_at,
				       v.status_changed_at, d.name as drive_name
				from volunteer v left join recruitment_drive d on d.id = v.drive_id where v.id = :id""")
			.param("id", key)
			.query()
			.singleRow();
		Consent consent = new Consent((String) row.get("notice_version"), instant(row.get("notice_accepted_at")),
				instant(row.get("sensitive_consent_at")), instant(row.get("guardian_consent_at")),
				instant(row.get("status_changed_at")));
		List<MembershipLine> history = this.memberships.history(key).stream().map((m) -> line(scope, m)).toList();
		return new VolunteerDetailsPage(volunteer, unit, scope.mayManage(unit), skills, qualifications, history,
				consent, (String) row.get("drive_name"));
	}

	private MembershipLine line(UnitScope scope, Membership membership) {
		UnitView unit = this.units.find(scope, membership.unitId()).orElse(null);
		return new MembershipLine(unit, membership.validFrom(), membership.validTo(), membership.note(),
				membership.country(), membership.city(), membership.timeZone());
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		return (value instanceof Instant instant) ? instant : null;
	}

}
