package org.tongxing.volunteer.privacy;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitScope;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerNotFoundException;
import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.domain.Volunteer;
import org.tongxing.volunteer.domain.VolunteerRepository;

/**
 * Deletion requests and retention. A volunteer asks for deletion of their own record; a
 * coordinator confirms and the record is anonymised ({@link Anonymisation}). Volunteers
 * who left more than {@code tongxing.volunteer.retention-years} (default 3) years ago and
 * are not anonymised are listed for anonymisation. The coordinator's side needs a
 * coordinator's scope (403 otherwise).
 */
@Service
class PersonalDataRights {

	/** Most rows a list shows, and most volunteers one "anonymise all" handles. */
	static final int LIST_LIMIT = 500;

	private final VolunteerRepository volunteers;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final Anonymisation anonymisation;

	private final int retentionYears;

	PersonalDataRights(VolunteerRepository volunteers, AuditLog auditLog, JdbcClient jdbc, Anonymisation anonymisation,
			@Value("${tongxing.volunteer.retention-years:3}") int retentionYears) {
		this.volunteers = volunteers;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.anonymisation = anonymisation;
		this.retentionYears = retentionYears;
	}

	int retentionYears() {
		return this.retentionYears;
	}

	/**
	 * Records the account's volunteer's request to be deleted (once; asking again changes
	 * nothing).
	 * @throws VolunteerNotFoundException when the account has no volunteer record
	 */
	@Transactional
	public void requestDeletion(AccountId account) {
		Volunteer volunteer = this.volunteers.findByAccountId(account.value())
			.flatMap((found) -> this.volunteers.findForUpdate(found.id().value()))
			.orElseThrow(() -> new VolunteerNotFoundException(null));
		if (volunteer.view(Map.of()).deletionRequestedAt() != null) {
			return;
		}
		volunteer.requestDeletion();
		this.volunteers.saveAndFlush(volunteer);
		this.auditLog.record("volunteer", volunteer.id(), "deletion-requested", null,
				Map.of("number", String.valueOf(volunteer.number())));
	}

	/** Deletion requests waiting for a coordinator, oldest first. */
	@Transactional(readOnly = true)
	public List<PendingVolunteer> pendingDeletions(UnitScope scope) {
		scope.requireCoordinator();
		return this.jdbc.sql("""
				select v.id, v.number, v.name, u.name as unit_name, v.status, v.deletion_requested_at as since
				from volunteer v join unit u on u.id = v.unit_id
				where v.deletion_requested_at is not null and v.anonymised_at is null
				order by v.deletion_requested_at, v.id limit :limit
				""").param("limit", LIST_LIMIT).query(PersonalDataRights::pending).list();
	}

	/**
	 * Confirms a pending deletion request: the volunteer is anonymised.
	 * @throws VolunteerNotFoundException when there is no such pending request
	 */
	public void confirmDeletion(UnitScope scope, VolunteerId id) {
		scope.requireCoordinator();
		if (!isPending(id)) {
			throw new VolunteerNotFoundException(id);
		}
		this.anonymisation.anonymise(id, "deletion-request");
	}

	private boolean isPending(VolunteerId id) {
		return this.jdbc.sql("""
				select count(*) from volunteer
				where id = :id and deletion_requested_at is not null and anonymised_at is null
				""").param("id", id.value()).query(Long.class).single() > 0;
	}

	private boolean isDue(VolunteerId id) {
		return this.jdbc.sql("""
				select count(*) from volunteer
				where id = :id and status = 'LEFT' and anonymised_at is null
				  and left_at < now() - make_interval(years => :years)
				""").param("id", id.value()).param("years", this.retentionYears).query(Long.class).single() > 0;
	}

	/**
	 * Volunteers who left more than the retention period ago, not anonymised, oldest
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<PendingVolunteer> retentionDue(UnitScope scope) {
		scope.requireCoordinator();
		return this.jdbc.sql("""
				select v.id, v.number, v.name, u.name as unit_name, v.status, v.left_at as since
				from volunteer v join unit u on u.id = v.unit_id
				where v.status = 'LEFT' and v.anonymised_at is null
				  and v.left_at < now() - make_interval(years => :years)
				order by v.left_at, v.id limit :limit
				""")
			.param("years", this.retentionYears)
			.param("limit", LIST_LIMIT)
			.query(PersonalDataRights::pending)
			.list();
	}

	/**
	 * Anonymises one volunteer past retention.
	 * @throws VolunteerNotFoundException when the volunteer is not (or no longer) due
	 */
	public void anonymiseRetained(UnitScope scope, VolunteerId id) {
		scope.requireCoordinator();
		if (!isDue(id)) {
			throw new VolunteerNotFoundException(id);
		}
		this.anonymisation.anonymise(id, "retention");
	}

	/**
	 * Anonymises every volunteer the retention list holds (at most {@link #LIST_LIMIT}),
	 * each in its own transaction.
	 * @return how many were anonymised
	 */
	public int anonymiseAllRetained(UnitScope scope) {
		int count = 0;
		for (PendingVolunteer due : retentionDue(scope)) {
			if (this.anonymisation.anonymise(new VolunteerId(due.id()), "retention")) {
				count++;
			}
		}
		return count;
	}

	private static PendingVolunteer pending(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new PendingVolunteer(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
				rs.getString("unit_name"), VolunteerStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("since").toInstant());
	}

}
