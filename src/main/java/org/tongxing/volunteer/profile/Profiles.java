package org.tongxing.volunteer.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.Guardian;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.InvalidVolunteerException;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;
import org.tongxing.volunteer.domain.Masks;
import org.tongxing.volunteer.domain.PersonalDataProtection;
import org.tongxing.volunteer.domain.PersonalField;
import org.tongxing.volunteer.domain.Phones;
import org.tongxing.volunteer.domain.Skills;
import org.tongxing.volunteer.domain.Volunteer;
import org.tongxing.volunteer.domain.VolunteerRepository;
import org.tongxing.volunteer.domain.VolunteerRules;

/**
 * A volunteer's own profile: what {@code /me} shows, and the changes a volunteer may make
 * to their own record (phone, residential area, skills, languages, service categories,
 * availability, where they live abroad). Name, ID and birth date are corrected by an
 * admin only. A change is checked by the registry's rules ({@link VolunteerRules}), made
 * with the volunteer's row locked, and audited with masked data.
 */
@Service
class Profiles {

	/**
	 * The fields a volunteer edits; problems of any other field are not theirs to fix.
	 */
	static final Set<String> EDITABLE = Set.of("phone", "residentialArea", "skills", "languages", "serviceCategories",
			"availability", "country", "city", "timeZone");

	/**
	 * Unit names of one's own memberships are no secret to the member; the volunteer has
	 * no unit scope of their own, so they are read with a read-only scope.
	 */
	private static final UnitScope READ_ONLY = UnitScope.everything(false);

	private final VolunteerRepository volunteers;

	private final MembershipHistory history;

	private final Volunteers registry;

	private final Units units;

	private final Skills skills;

	private final Catalogues catalogues;

	private final Qualifications qualifications;

	private final PersonalDataProtection protection;

	private final AuditLog auditLog;

	Profiles(VolunteerRepository volunteers, MembershipHistory history, Volunteers registry, Units units, Skills skills,
			Catalogues catalogues, Qualifications qualifications, PersonalDataProtection protection,
			AuditLog auditLog) {
		this.volunteers = volunteers;
		this.history = history;
		this.registry = registry;
		this.units = units;
		this.skills = skills;
		this.catalogues = catalogues;
		this.qualifications = qualifications;
		this.protection = protection;
		this.auditLog = auditLog;
	}

	/** The account's profile, or empty when it has no volunteer record. */
	@Transactional(readOnly = true)
	Optional<Profile> profile(AccountId account) {
		return this.volunteers.findByAccountId(account.value()).map(this::profile);
	}

	private Profile profile(Volunteer volunteer) {
		VolunteerView view = volunteer.view(this.skills.codesById());
		Map<Long, CatalogueEntry> skillEntries = this.catalogues.byId(CatalogueKind.SKILLS);
		List<Profile.SkillHeld> held = new ArrayList<>();
		volunteer.skillLevels().forEach((skillId, level) -> {
			CatalogueEntry entry = skillEntries.get(skillId);
			if (entry != null) {
				held.add(new Profile.SkillHeld(entry, level));
			}
		});
		held.sort(Comparator.comparing((Profile.SkillHeld skill) -> -skill.level())
			.thenComparing((skill) -> skill.skill().code()));
		return new Profile(view, unit(volunteer.unitId()), held, this.qualifications.of(volunteer.id().value()),
				this.history.of(volunteer.id()), this.registry.today());
	}

	private UnitView unit(UnitId id) {
		return this.units.get(READ_ONLY, id);
	}

	/** The skills a volunteer may choose: the active ones and those they hold already. */
	@Transactional(readOnly = true)
	List<CatalogueEntry> skillChoices(AccountId account) {
		Set<Long> held = this.volunteers.findByAccountId(account.value())
			.map((volunteer) -> Set.copyOf(volunteer.skillLevels().keySet()))
			.orElse(Set.of());
		return this.catalogues.list(CatalogueKind.SKILLS)
			.stream()
			.filter((entry) -> entry.active() || held.contains(entry.id()))
			.toList();
	}

	/**
	 * Changes the account's own volunteer record.
	 * @throws InvalidVolunteerException when a change breaks a rule of the registry
	 * @throws NotAVolunteerException when the account has no volunteer record
	 */
	@Transactional
	void edit(AccountId account, ProfileChanges changes) {
		Volunteer volunteer = this.volunteers.findByAccountId(account.value())
			.flatMap((found) -> this.volunteers.findForUpdate(found.id().value()))
			.filter((found) -> found.view(Map.of()).anonymisedAt() == null)
			.orElseThrow(NotAVolunteerException::new);
		Map<Long, String> codes = this.skills.codesById();
		VolunteerView before = volunteer.view(codes);
		Set<String> allowedSkills = new HashSet<>(this.skills.activeIdsByCode().keySet());
		allowedSkills.addAll(before.skills().keySet());
		List<FieldProblem> problems = check(before, changes, allowedSkills);
		if (!problems.isEmpty()) {
			throw new InvalidVolunteerException(problems);
		}
		if (!changes.keepsPhone()) {
			String phone = Phones.normalise(changes.phone());
			volunteer.phone(this.protection.encrypt(PersonalField.PHONE, phone),
					this.protection.hash(PersonalField.PHONE, phone), Masks.phone(phone));
		}
		// name, sex and birth date stay as they are: only the residential area changes
		volunteer.personal(before.name(), before.sex(), before.birthDate(), changes.residentialArea());
		Map<String, Long> ids = new LinkedHashMap<>();
		codes.forEach((id, code) -> ids.put(code, id));
		Map<Long, Integer> levels = new LinkedHashMap<>();
		changes.skills().forEach((code, level) -> levels.put(ids.get(code), level));
		volunteer.skills(levels);
		volunteer.languages(changes.languages());
		volunteer.preferences(changes.serviceCategories(), changes.availability());
		volunteer.location(changes.country(), changes.city(), changes.timeZone());
		this.volunteers.saveAndFlush(volunteer);
		this.auditLog.record("volunteer", volunteer.id(), "profile-edited", auditState(before),
				auditState(volunteer.view(codes)));
	}

	/**
	 * The registry's rules on the changed fields. The record's own name, sex, birth date,
	 * email and unit are passed as they are, and a placeholder for the ID number (never
	 * decrypted here); only problems of the editable fields count.
	 */
	private List<FieldProblem> check(VolunteerView current, ProfileChanges changes, Set<String> skillCodes) {
		// a phone left empty keeps the stored one, which was checked when it was stored
		String phone = changes.keepsPhone() ? "13800000000" : changes.phone();
		VolunteerDetails details = new VolunteerDetails(current.name(), current.sex(), current.birthDate(),
				IdType.PASSPORT, "placeholder", phone, current.email(), current.unitId(), changes.residentialArea(),
				changes.skills(), changes.languages(), changes.serviceCategories(), changes.availability(),
				changes.country(), changes.city(), changes.timeZone(), Guardian.none());
		return VolunteerRules.check(details, this.registry.today(), skillCodes)
			.stream()
			.filter((problem) -> EDITABLE.contains(problem.field()))
			.toList();
	}

	/**
	 * Masked data only: the phone masked, the residential area only as present or not.
	 */
	private Map<String, Object> auditState(VolunteerView view) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("phone", view.phoneMasked());
		state.put("residentialArea", (view.residentialArea() != null) ? "***" : null);
		state.put("skills", new TreeMap<>(view.skills()));
		state.put("languages", new TreeMap<>(view.languages()));
		state.put("serviceCategories", new TreeSet<>(view.serviceCategories()));
		state.put("availability", new TreeSet<>(view.availability()));
		state.put("country", view.country());
		state.put("city", view.city());
		state.put("timeZone", view.timeZone());
		return state;
	}

}
