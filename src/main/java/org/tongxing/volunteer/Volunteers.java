package org.tongxing.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.AuditLog;
import org.tongxing.account.DuplicateAccountException;
import org.tongxing.account.NewAccount;
import org.tongxing.account.Role;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.domain.Ages;
import org.tongxing.volunteer.domain.IdNumbers;
import org.tongxing.volunteer.domain.Masks;
import org.tongxing.volunteer.domain.Membership;
import org.tongxing.volunteer.domain.MembershipRepository;
import org.tongxing.volunteer.domain.PersonalDataProtection;
import org.tongxing.volunteer.domain.PersonalField;
import org.tongxing.volunteer.domain.Phones;
import org.tongxing.volunteer.domain.Skills;
import org.tongxing.volunteer.domain.Volunteer;
import org.tongxing.volunteer.domain.VolunteerNumbers;
import org.tongxing.volunteer.domain.VolunteerRepository;
import org.tongxing.volunteer.domain.VolunteerRules;

/**
 * The registry of volunteers, for pages and other modules. Reads and changes take the
 * caller's {@link UnitScope}: a volunteer whose unit the scope does not see is absent
 * ({@link VolunteerNotFoundException}, answered 404); a change needs a scope that manages
 * the volunteer's unit. Changes are audited and publish events in their transaction.
 */
@Service
public class Volunteers {

	private final VolunteerRepository volunteers;

	private final MembershipRepository memberships;

	private final Units units;

	private final Accounts accounts;

	private final AuditLog auditLog;

	private final PersonalDataProtection protection;

	private final VolunteerNumbers numbers;

	private final Skills skills;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	Volunteers(VolunteerRepository volunteers, MembershipRepository memberships, Units units, Accounts accounts,
			AuditLog auditLog, PersonalDataProtection protection, VolunteerNumbers numbers, Skills skills,
			ApplicationEventPublisher events, JdbcClient jdbc,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.volunteers = volunteers;
		this.memberships = memberships;
		this.units = units;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.protection = protection;
		this.numbers = numbers;
		this.skills = skills;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = Clock.system(zone);
	}

	/** Today in the association's time zone: the day ages are counted on. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * The problems of the details by every rule that needs no lookup of other volunteers:
	 * formats, check digit, ages, guardian, catalogue codes, an open unit.
	 */
	@Transactional(readOnly = true)
	public List<FieldProblem> check(VolunteerDetails details) {
		return check(details, this.skills.activeIdsByCode().keySet());
	}

	List<FieldProblem> check(VolunteerDetails details, Set<String> skillCodes) {
		List<FieldProblem> problems = new ArrayList<>(VolunteerRules.check(details, today(), skillCodes));
		if (details.unit() != null && !this.units.isOpen(details.unit())) {
			problems.add(FieldProblem.of("unit", "volunteer.validation.unit.closed"));
		}
		return problems;
	}

	/** Whether someone registered with this ID number (matched by its keyed hash). */
	@Transactional(readOnly = true)
	public boolean isRegistered(IdType type, String idNumber) {
		return this.volunteers.findIdByIdNumberHash(idNumberHash(type, idNumber)).isPresent();
	}

	/**
	 * Registers a volunteer and creates their account (volunteer role; the email is the
	 * sign-in name).
	 * @throws InvalidVolunteerException when the details break a rule
	 * @throws DuplicateVolunteerException when the ID number or email is registered
	 */
	@Transactional
	public VolunteerId register(NewVolunteer request) {
		return register(request, null);
	}

	/**
	 * Registers an existing account (e.g. a staff member's) as a volunteer; the account
	 * keeps its sign-in name and password and gains nothing else.
	 * @throws InvalidVolunteerException when the details break a rule
	 * @throws DuplicateVolunteerException when the ID number or email is registered
	 */
	@Transactional
	public VolunteerId registerExisting(AccountId account, NewVolunteer request) {
		return register(request, account);
	}

	private VolunteerId register(NewVolunteer request, AccountId existing) {
		VolunteerDetails details = request.details();
		List<FieldProblem> problems = new ArrayList<>(check(details));
		if (!request.consents().noticeAccepted()) {
			problems.add(FieldProblem.of("noticeAccepted", "volunteer.validation.notice"));
		}
		if (!request.consents().sensitiveDataAccepted()) {
			problems.add(FieldProblem.of("sensitiveDataAccepted", "volunteer.validation.sensitive"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidVolunteerException(problems);
		}
		String idNumber = IdNumbers.normalise(details.idNumber());
		String idHash = idNumberHash(details.idType(), idNumber);
		String email = details.email().strip().toLowerCase(Locale.ROOT);
		if (this.volunteers.findIdByIdNumberHash(idHash).isPresent()) {
			throw new DuplicateVolunteerException("idNumber");
		}
		if (this.volunteers.findIdByEmail(email).isPresent()) {
			throw new DuplicateVolunteerException("email");
		}
		return insert(request, existing);
	}

	/** Sets the personal and profile fields from checked details. */
	private void apply(Volunteer volunteer, VolunteerDetails details, String idNumber, String idHash) {
		volunteer.personal(details.name(), details.sex(), details.birthDate(), details.residentialArea());
		volunteer.identity(details.idType(), this.protection.encrypt(PersonalField.ID_NUMBER, idNumber), idHash,
				Masks.idNumber(idNumber));
		String phone = Phones.normalise(details.phone());
		volunteer.phone(this.protection.encrypt(PersonalField.PHONE, phone),
				this.protection.hash(PersonalField.PHONE, phone), Masks.phone(phone));
		volunteer.email(details.email().strip().toLowerCase(Locale.ROOT));
		volunteer.preferences(details.serviceCategories(), details.availability());
		volunteer.location(details.country(), details.city(), details.timeZone());
		if (Ages.needsGuardian(details.birthDate(), today())) {
			String guardianPhone = Phones.normalise(details.guardian().phone());
			volunteer.guardian(details.guardian().name(),
					this.protection.encrypt(PersonalField.GUARDIAN_PHONE, guardianPhone), Masks.phone(guardianPhone),
					Instant.now());
		}
		else {
			volunteer.guardian(null, null, null, null);
		}
		Map<String, Long> skillIds = this.skills.activeIdsByCode();
		Map<Long, Integer> levels = new LinkedHashMap<>();
		details.skills().forEach((code, level) -> levels.put(skillIds.get(code), level));
		volunteer.skills(levels);
		volunteer.languages(details.languages());
	}

	/** The keyed hash of an ID number, the key of deduplication. */
	public String idNumberHash(IdType type, String idNumber) {
		return this.protection.hash(PersonalField.ID_NUMBER, type.name() + ":" + IdNumbers.normalise(idNumber));
	}

	/** A visible volunteer. */
	@Transactional(readOnly = true)
	public Optional<VolunteerView> find(UnitScope scope, VolunteerId id) {
		return this.volunteers.findById(id.value())
			.filter((volunteer) -> this.units.canSee(scope, volunteer.unitId()))
			.map(this::view);
	}

	/**
	 * A visible volunteer.
	 * @throws VolunteerNotFoundException when absent or out of scope
	 */
	@Transactional(readOnly = true)
	public VolunteerView get(UnitScope scope, VolunteerId id) {
		return find(scope, id).orElseThrow(() -> new VolunteerNotFoundException(id));
	}

	/**
	 * The (masked) views of volunteers whose ids another module holds, e.g. the people on
	 * an activity's roster: the holder decides who may see them. Unknown ids are left
	 * out.
	 */
	@Transactional(readOnly = true)
	public Map<VolunteerId, VolunteerView> views(Collection<VolunteerId> ids) {
		Map<Long, String> skillCodes = this.skills.codesById();
		return this.volunteers.findAllById(ids.stream().map(VolunteerId::value).toList())
			.stream()
			.map((volunteer) -> volunteer.view(skillCodes))
			.collect(Collectors.toMap(VolunteerView::id, Function.identity()));
	}

	/**
	 * The codes of the qualifications the volunteer holds on the day: approved and not
	 * expired.
	 */
	@Transactional(readOnly = true)
	public Set<String> qualificationsHeld(VolunteerId id, LocalDate day) {
		return Set.copyOf(this.jdbc.sql("""
				select t.code from volunteer_qualification q join qualification_type t on t.id = q.type_id
				where q.volunteer_id = ? and q.status = 'APPROVED' and (q.expires_on is null or q.expires_on >= ?)""")
			.params(id.value(), day)
			.query(String.class)
			.list());
	}

	/**
	 * The volunteer's phone unmasked, for a scope that manages the volunteer's unit;
	 * recorded in the audit log like {@link #reveal}.
	 */
	@Transactional
	public String revealPhone(UnitScope scope, VolunteerId id) {
		return reveal(scope, id, PersonalField.PHONE);
	}

	/** The volunteer with this volunteer number (e.g. TX000001234), if any. */
	@Transactional(readOnly = true)
	public Optional<VolunteerView> findByNumber(String number) {
		if (number == null || number.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id from volunteer where number = ?")
			.param(number.strip().toUpperCase(Locale.ROOT))
			.query(Long.class)
			.optional()
			.flatMap((id) -> this.volunteers.findById(id))
			.map(this::view);
	}

	/** The volunteer record of an account: what a volunteer sees of themselves. */
	@Transactional(readOnly = true)
	public Optional<VolunteerView> findByAccount(AccountId account) {
		return this.volunteers.findByAccountId(account.value()).map(this::view);
	}

	/** Approves an applicant: active, with a new volunteer number. */
	@Transactional
	public void approve(UnitScope scope, VolunteerId id) {
		changeStatus(scope, id, VolunteerStatus.ACTIVE, null);
	}

	/** Rejects an applicant with a reason (told to them by email). */
	@Transactional
	public void reject(UnitScope scope, VolunteerId id, String reason) {
		changeStatus(scope, id, VolunteerStatus.REJECTED, reason);
	}

	@Transactional
	public void suspend(UnitScope scope, VolunteerId id, String reason) {
		changeStatus(scope, id, VolunteerStatus.SUSPENDED, reason);
	}

	@Transactional
	public void markLeft(UnitScope scope, VolunteerId id, String reason) {
		changeStatus(scope, id, VolunteerStatus.LEFT, reason);
	}

	/** Brings a suspended or departed volunteer back to active, with their number. */
	@Transactional
	public void reactivate(UnitScope scope, VolunteerId id) {
		changeStatus(scope, id, VolunteerStatus.ACTIVE, null);
	}

	private void changeStatus(UnitScope scope, VolunteerId id, VolunteerStatus target, String reason) {
		Volunteer volunteer = managed(scope, id);
		VolunteerStatus from = volunteer.status();
		Map<String, Object> before = volunteer.auditState();
		switch (target) {
			case ACTIVE -> volunteer.activate(this.numbers.next());
			case REJECTED -> volunteer.reject(reason);
			case SUSPENDED -> volunteer.suspend(reason);
			case LEFT -> volunteer.leave(reason);
			case APPLICANT -> throw new VolunteerStatusException(from, target);
		}
		this.auditLog.record("volunteer", id, "status-" + target.name().toLowerCase(Locale.ROOT), before,
				volunteer.auditState());
		this.events.publishEvent(new VolunteerStatusChanged(id, volunteer.unitId(), from, target, reason));
	}

	/**
	 * One unmasked personal field of a volunteer the scope manages, recorded in the audit
	 * log. Leadership (read-only) and volunteers may not reveal.
	 * @throws org.springframework.security.access.AccessDeniedException when the scope
	 * does not manage the volunteer's unit
	 */
	@Transactional
	public String reveal(UnitScope scope, VolunteerId id, PersonalField field) {
		Volunteer volunteer = managed(scope, id);
		String plain = switch (field) {
			case ID_NUMBER -> this.protection.decrypt(field, volunteer.idNumberCipher());
			case PHONE -> this.protection.decrypt(field, volunteer.phoneCipher());
			case GUARDIAN_PHONE -> this.protection.decrypt(field, volunteer.guardianPhoneCipher());
		};
		this.auditLog.record("volunteer", id, "revealed-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'),
				null, Map.of("field", field.name()));
		return plain;
	}

	/** The volunteer, locked, when the scope manages its unit; else 404 or 403. */
	Volunteer managed(UnitScope scope, VolunteerId id) {
		Volunteer volunteer = this.volunteers.findForUpdate(id.value())
			.filter((it) -> this.units.canSee(scope, it.unitId()))
			.orElseThrow(() -> new VolunteerNotFoundException(id));
		UnitView unit = this.units.get(scope, volunteer.unitId());
		scope.requireMayManage(unit);
		return volunteer;
	}

	VolunteerView view(Volunteer volunteer) {
		return volunteer.view(this.skills.codesById());
	}

	private static String username(String email) {
		// account names are at most 64 characters; longer emails still sign in by email
		return (email.length() <= 64) ? email : "volunteer-" + Accounts.randomSecret().toLowerCase(Locale.ROOT);
	}

	/**
	 * Registers the volunteers of an import batch in the caller's transaction, each as
	 * {@link #register} does (the same rules, account, volunteer, membership, audit entry
	 * and event), with what the batch shares looked up once: the skill catalogue, today
	 * and whether each unit is open. The ID number and email are not looked up first: the
	 * importer checks them for the whole batch beforehand, and the unique indexes refuse
	 * one that raced past that check.
	 * @return the ids, in the order of the requests
	 * @throws InvalidVolunteerException when a request breaks a rule (nothing of the
	 * batch should then be committed)
	 * @throws DuplicateVolunteerException when an ID number or email is taken
	 */
	@Transactional
	public List<VolunteerId> registerImported(List<NewVolunteer> requests) {
		Set<String> skillCodes = this.skills.activeIdsByCode().keySet();
		LocalDate today = today();
		Map<Long, Boolean> open = new java.util.HashMap<>();
		List<VolunteerId> ids = new ArrayList<>(requests.size());
		for (NewVolunteer request : requests) {
			VolunteerDetails details = request.details();
			List<FieldProblem> problems = new ArrayList<>(VolunteerRules.check(details, today, skillCodes));
			if (details.unit() != null
					&& !open.computeIfAbsent(details.unit().value(), (unit) -> this.units.isOpen(details.unit()))) {
				problems.add(FieldProblem.of("unit", "volunteer.validation.unit.closed"));
			}
			if (!request.consents().noticeAccepted() || !request.consents().sensitiveDataAccepted()) {
				problems.add(FieldProblem.of("noticeAccepted", "volunteer.validation.notice"));
			}
			if (!problems.isEmpty()) {
				throw new InvalidVolunteerException(problems);
			}
			ids.add(insert(request, null));
		}
		return ids;
	}

	/**
	 * The writes of a registration after its checks: the account (unless an existing one
	 * is given), the volunteer, the first membership, the audit entry and the event. The
	 * unique indexes refuse an ID number or email that raced past the checks.
	 */
	private VolunteerId insert(NewVolunteer request, AccountId existing) {
		VolunteerDetails details = request.details();
		String idNumber = IdNumbers.normalise(details.idNumber());
		String idHash = idNumberHash(details.idType(), idNumber);
		String email = details.email().strip().toLowerCase(Locale.ROOT);
		AccountId account = existing;
		if (account == null) {
			try {
				account = this.accounts.create(new NewAccount(username(email), details.name().strip(), email,
						request.password(), Set.of(Role.VOLUNTEER), false));
			}
			catch (DuplicateAccountException ex) {
				throw new DuplicateVolunteerException("email");
			}
		}
		Volunteer volunteer = new Volunteer(account, details.unit(), details.name(), request.source(),
				request.locale().toLanguageTag());
		apply(volunteer, details, idNumber, idHash);
		Instant now = Instant.now();
		volunteer.consents(request.consents().noticeVersion(), now, now);
		volunteer.drive(request.driveId());
		if (!NewVolunteer.REGISTRATION.equals(request.source())) {
			volunteer.activate(this.numbers.next());
		}
		try {
			volunteer = this.volunteers.saveAndFlush(volunteer);
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			throw new DuplicateVolunteerException(message.contains("volunteer_email_uk") ? "email" : "idNumber");
		}
		this.memberships.save(new Membership(volunteer.id().value(), details.unit(), today(), null));
		this.auditLog.record("volunteer", volunteer.id(), "registered", null, volunteer.auditState());
		this.events.publishEvent(
				new VolunteerRegistered(volunteer.id(), volunteer.unitId(), request.driveId(), volunteer.status()));
		return volunteer.id();
	}

}
