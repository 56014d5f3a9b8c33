package org.tongxing.volunteer.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.Guardian;
import org.tongxing.volunteer.InvalidVolunteerException;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerNotFoundException;
import org.tongxing.volunteer.Volunteers;
import org.tongxing.volunteer.domain.Membership;
import org.tongxing.volunteer.domain.MembershipRepository;
import org.tongxing.volunteer.domain.Volunteer;
import org.tongxing.volunteer.domain.VolunteerRepository;
import org.tongxing.volunteer.domain.VolunteerRules;

/**
 * Transfers of volunteers between units (a posting abroad, say). A transfer closes the
 * open membership on the day before the effective date and opens one in the new unit, and
 * moves the volunteer (unit and place abroad), in one transaction with the volunteer's
 * row locked: two transfers of one volunteer run one after the other, and the second,
 * asked for while the volunteer was still in the old unit, is refused. The database's
 * unique index on open memberships holds even so. Who may: coordinators, and admins who
 * manage both the volunteer's unit and the new one; a volunteer outside the scope is
 * absent (404).
 */
@Service
class Transfers {

	private final VolunteerRepository volunteers;

	private final MembershipRepository memberships;

	private final Units units;

	private final Volunteers registry;

	private final AuditLog auditLog;

	Transfers(VolunteerRepository volunteers, MembershipRepository memberships, Units units, Volunteers registry,
			AuditLog auditLog) {
		this.volunteers = volunteers;
		this.memberships = memberships;
		this.units = units;
		this.registry = registry;
		this.auditLog = auditLog;
	}

	/**
	 * The volunteer's current unit, when the scope may transfer them out of it.
	 * @throws VolunteerNotFoundException when the scope does not see the volunteer
	 * @throws org.springframework.security.access.AccessDeniedException when it does not
	 * manage the volunteer's unit
	 */
	@Transactional(readOnly = true)
	UnitView currentUnit(UnitScope scope, VolunteerId id) {
		Volunteer volunteer = this.volunteers.findById(id.value())
			.orElseThrow(() -> new VolunteerNotFoundException(id));
		return managedUnit(scope, id, volunteer);
	}

	/** The first day a transfer may take effect: the day the open membership began. */
	@Transactional(readOnly = true)
	Optional<LocalDate> earliest(VolunteerId id) {
		return this.memberships.open(id.value()).map(Membership::validFrom);
	}

	/** The open units the scope may transfer a volunteer into, in tree order. */
	@Transactional(readOnly = true)
	List<UnitView> targets(UnitScope scope) {
		return this.units.list(scope).stream().filter(UnitView::isOpen).filter(scope::mayManage).toList();
	}

	/**
	 * Transfers the volunteer.
	 * @throws InvalidVolunteerException with problems of {@code unitId},
	 * {@code effectiveDate}, {@code note}, {@code country}, {@code city} and
	 * {@code timeZone}; {@code unitId} with {@code profile.transfer.moved} when the
	 * volunteer left {@code from} meanwhile
	 */
	@Transactional
	void transfer(UnitScope scope, VolunteerId id, Transfer transfer) {
		Volunteer volunteer = this.volunteers.findForUpdate(id.value())
			.orElseThrow(() -> new VolunteerNotFoundException(id));
		UnitView current = managedUnit(scope, id, volunteer);
		if (transfer.from() != null && !transfer.from().equals(current.id())) {
			throw problem("unitId", "profile.transfer.moved");
		}
		List<FieldProblem> problems = new ArrayList<>();
		UnitView target = (transfer.to() != null) ? this.units.find(scope, transfer.to()).orElse(null) : null;
		if (target == null || !target.isOpen() || !scope.mayManage(target)) {
			problems.add(FieldProblem.of("unitId", "profile.transfer.unit.invalid"));
		}
		else if (target.id().equals(current.id())) {
			problems.add(FieldProblem.of("unitId", "profile.transfer.unit.same"));
		}
		Optional<Membership> open = this.memberships.open(id.value());
		LocalDate today = this.registry.today();
		LocalDate effective = transfer.effective();
		if (effective == null) {
			problems.add(FieldProblem.of("effectiveDate", "profile.transfer.date.required"));
		}
		else if (effective.isAfter(today)) {
			problems.add(FieldProblem.of("effectiveDate", "profile.transfer.date.future"));
		}
		else if (open.isPresent() && effective.isBefore(open.get().validFrom())) {
			problems.add(FieldProblem.of("effectiveDate", "profile.transfer.date.beforeStart", open.get().validFrom()));
		}
		if (transfer.note() != null && transfer.note().strip().length() > 500) {
			problems.add(FieldProblem.of("note", "profile.validation.tooLong"));
		}
		String country = transfer.country();
		String city = transfer.city();
		String zone = transfer.timeZone();
		if (target != null && target.type() == UnitType.MISSION_ABROAD && isBlank(country) && isBlank(city)
				&& isBlank(zone)) {
			country = target.country();
			city = target.city();
			zone = target.timeZone();
		}
		problems.addAll(checkPlace(country, city, zone));
		if (!problems.isEmpty()) {
			throw new InvalidVolunteerException(problems);
		}
		Map<String, Object> before = state(volunteer, open.orElse(null));
		Membership next = new Membership(id.value(), target.id(), effective, blankToNull(transfer.note()));
		next.location(blankToNull(country), blankToNull(city), blankToNull(zone));
		try {
			if (open.isPresent()) {
				open.get().close(effective.minusDays(1));
				// closed before the new one is written, so that the index on open
				// memberships sees one at a time
				this.memberships.saveAndFlush(open.get());
			}
			this.memberships.saveAndFlush(next);
		}
		catch (DataIntegrityViolationException ex) {
			// another transfer's open membership won; the row lock makes this a last line
			throw problem("unitId", "profile.transfer.moved");
		}
		volunteer.unit(target.id());
		volunteer.location(country, city, zone);
		this.volunteers.saveAndFlush(volunteer);
		this.auditLog.record("volunteer", id, "transferred", before, state(volunteer, next));
	}

	private UnitView managedUnit(UnitScope scope, VolunteerId id, Volunteer volunteer) {
		UnitView unit = this.units.find(scope, volunteer.unitId())
			.orElseThrow(() -> new VolunteerNotFoundException(id));
		scope.requireMayManage(unit);
		return unit;
	}

	/**
	 * The registry's rule for a place abroad: all of country, city and time zone, or
	 * none.
	 */
	private List<FieldProblem> checkPlace(String country, String city, String zone) {
		VolunteerDetails place = new VolunteerDetails(null, null, null, null, null, null, null, null, null, null, null,
				null, null, country, city, zone, Guardian.none());
		List<FieldProblem> problems = new ArrayList<>(VolunteerRules.check(place, this.registry.today(), Set.of())
			.stream()
			.filter((problem) -> List.of("country", "city", "timeZone").contains(problem.field()))
			.toList());
		if (!isBlank(country) && country.strip().length() > 100) {
			problems.add(FieldProblem.of("country", "profile.validation.tooLong"));
		}
		if (!isBlank(city) && city.strip().length() > 100) {
			problems.add(FieldProblem.of("city", "profile.validation.tooLong"));
		}
		return problems;
	}

	private static Map<String, Object> state(Volunteer volunteer, Membership membership) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("unit", volunteer.unitId().value());
		if (membership != null) {
			state.put("membership", membership.id());
			state.put("membershipUnit", membership.unitId().value());
			state.put("validFrom", String.valueOf(membership.validFrom()));
			state.put("validTo", (membership.validTo() != null) ? membership.validTo().toString() : null);
			state.put("note", membership.note());
			state.put("country", membership.country());
			state.put("city", membership.city());
			state.put("timeZone", membership.timeZone());
		}
		return state;
	}

	private static InvalidVolunteerException problem(String field, String key) {
		return new InvalidVolunteerException(List.of(FieldProblem.of(field, key)));
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static String blankToNull(String text) {
		return isBlank(text) ? null : text.strip();
	}

}
