package org.tongxing.volunteer.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.tongxing.account.Accounts;
import org.tongxing.account.AuditLog;
import org.tongxing.volunteer.OwnDataEraser;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerNotFoundException;
import org.tongxing.volunteer.Volunteers;
import org.tongxing.volunteer.domain.Volunteer;
import org.tongxing.volunteer.domain.VolunteerRepository;

/**
 * Anonymises a volunteer, for a confirmed deletion request or at the end of retention.
 * What identifies the person goes: name (replaced by {@code 已注销志愿者 <number>}), sex, birth
 * date, ID number, phones, email, address, location, guardian, skills, languages,
 * qualifications with their certificate numbers and uploaded proofs, the status reason;
 * the locations and notes of their memberships; their account's username, display name,
 * email and password (the account is disabled and its sessions end). What stays: the
 * record's id, volunteer number, unit, status history dates and memberships' units and
 * dates, so hours and participation still count in statistics. The V5 check constraint
 * {@code volunteer_anonymised} holds the database to it. Other modules erase what they
 * hold about the volunteer through {@link OwnDataEraser}, in the same transaction.
 * Audited without personal data (what other modules erased, as counts).
 */
@Service
class Anonymisation {

	private static final Logger log = LoggerFactory.getLogger(Anonymisation.class);

	static final String PLACEHOLDER = "已注销志愿者 ";

	private final VolunteerRepository volunteers;

	private final Accounts accounts;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final Volunteers registry;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final List<OwnDataEraser> erasers;

	Anonymisation(VolunteerRepository volunteers, Accounts accounts, AuditLog auditLog, JdbcClient jdbc,
			Volunteers registry, FindByIndexNameSessionRepository<? extends Session> sessions,
			List<OwnDataEraser> erasers) {
		this.volunteers = volunteers;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.registry = registry;
		this.sessions = sessions;
		this.erasers = List.copyOf(erasers);
	}

	/**
	 * Anonymises the volunteer; nothing happens when they are already.
	 * @param reason why, recorded in the audit log: {@code deletion-request} or
	 * {@code retention}
	 * @return whether the volunteer was anonymised now
	 */
	@Transactional
	public boolean anonymise(VolunteerId id, String reason) {
		Volunteer volunteer = this.volunteers.findForUpdate(id.value())
			.orElseThrow(() -> new VolunteerNotFoundException(id));
		if (volunteer.view(Map.of()).isAnonymised()) {
			return false;
		}
		String placeholder = placeholder(volunteer);
		// proofs first: their rows are referenced by the qualifications
		this.jdbc.sql("""
				with removed as (
				  delete from volunteer_qualification where volunteer_id = :id returning proof_file_id)
				delete from stored_file where id in (select proof_file_id from removed where proof_file_id is not null)
				""").param("id", id.value()).update();
		this.jdbc.sql("""
				update volunteer_membership set note = null, country = null, city = null, time_zone = null,
				       valid_to = case when valid_to is null then greatest(valid_from, :today) else valid_to end
				where volunteer_id = :id
				""").param("id", id.value()).param("today", this.registry.today()).update();
		volunteer.anonymise(placeholder);
		this.volunteers.saveAndFlush(volunteer);
		String username = this.accounts.anonymise(volunteer.accountId(), placeholder);
		// sorted, so that the audit entry reads the same whatever order the beans come in
		Map<String, Integer> erased = new TreeMap<>();
		for (OwnDataEraser eraser : this.erasers) {
			eraser.erase(id).forEach((kind, count) -> erased.merge(kind, count, Integer::sum));
		}
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("number", volunteer.number());
		state.put("reason", reason);
		state.put("erased", erased);
		this.auditLog.record("volunteer", id, "anonymised", null, state);
		endSessionsAfterCommit(username);
		return true;
	}

	private static String placeholder(Volunteer volunteer) {
		return PLACEHOLDER + ((volunteer.number() != null) ? volunteer.number() : "#" + volunteer.id().value());
	}

	/**
	 * The account's sessions live in the database, keyed by its old username; ending them
	 * signs the person out on every node at once.
	 */
	private void endSessionsAfterCommit(String username) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					Anonymisation.this.sessions.findByPrincipalName(username)
						.keySet()
						.forEach(Anonymisation.this.sessions::deleteById);
				}
				catch (RuntimeException ex) {
					log.warn("Could not end the sessions of an anonymised account: {}", ex.getMessage());
				}
			}
		});
	}

}
