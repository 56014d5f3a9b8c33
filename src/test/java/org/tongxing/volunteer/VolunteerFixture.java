package org.tongxing.volunteer;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.account.NewAccount;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitDetails;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.domain.IdNumbers;

/**
 * Uniquely named units, admins and volunteers with valid, unique ID numbers, for the
 * volunteer module's integration tests; made through the modules' APIs.
 */
public final class VolunteerFixture {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final int REGION_BASE = ThreadLocalRandom.current().nextInt(900_000);

	public static final UnitScope SYSTEM = UnitScope.everything(true);

	private final Units units;

	private final Accounts accounts;

	private final Volunteers volunteers;

	public final String tag;

	public VolunteerFixture(Units units, Accounts accounts, Volunteers volunteers) {
		this.units = units;
		this.accounts = accounts;
		this.volunteers = volunteers;
		this.tag = "v" + System.nanoTime() % 1_000_000 + "x" + COUNTER.incrementAndGet();
	}

	public UnitId root() {
		return this.units.list(SYSTEM).stream().filter(UnitView::isRoot).findFirst().orElseThrow().id();
	}

	public UnitId unit(UnitId parent, String name) {
		return this.units.create(SYSTEM, parent,
				UnitDetails.of(name + "-" + this.tag, "Unit " + name + " " + this.tag, UnitType.DEPARTMENT));
	}

	/** An account (volunteer role) appointed admin of the unit. */
	public SignedInAccount adminOf(UnitId unit) {
		SignedInAccount admin = account("admin" + COUNTER.incrementAndGet(), Role.VOLUNTEER);
		this.units.appointAdmin(SYSTEM, unit, admin.id());
		return admin;
	}

	public SignedInAccount account(String name, Role... roles) {
		String username = name + "." + this.tag;
		AccountId id = this.accounts.create(new NewAccount(username, "Test " + username, username + "@test.invalid",
				"Correct-horse-42", Set.of(roles), false));
		return principal(id);
	}

	public SignedInAccount principal(AccountId id) {
		AccountView view = this.accounts.find(id).orElseThrow();
		return new SignedInAccount(id.value(), view.username(), view.displayName(), "{noop}unused", view.roles(), true,
				false);
	}

	/** A valid resident ID number for the birth date, unique in this test run. */
	public static String residentId(LocalDate birthDate) {
		int n = COUNTER.incrementAndGet();
		String region = String.valueOf(100_000 + (REGION_BASE + n / 1000) % 900_000);
		String first17 = region + birthDate.toString().replace("-", "") + String.format("%03d", n % 1000);
		return first17 + IdNumbers.checkDigit(first17);
	}

	public static String email(String name) {
		return name + "." + COUNTER.incrementAndGet() + "." + System.nanoTime() % 1_000_000 + "@example.org";
	}

	/** Details of an adult volunteer of the unit that pass every rule. */
	public static VolunteerDetails adult(UnitId unit, String name) {
		LocalDate birthDate = LocalDate.of(1990, 1, 1).plusDays(COUNTER.incrementAndGet() % 3000);
		return new VolunteerDetails(name, Sex.FEMALE, birthDate, IdType.RESIDENT_ID, residentId(birthDate),
				"139" + String.format("%08d", COUNTER.incrementAndGet()), email("v"), unit, "北京市东城区",
				Map.of("first-aid", 2), Map.of("en", 3), Set.of("emergency"), Set.of("weekend"), null, null, null,
				Guardian.none());
	}

	/** Registers an applicant of the unit through the public path. */
	public VolunteerId applicant(UnitId unit, String name) {
		return this.volunteers.register(new NewVolunteer(adult(unit, name), Consents.current(true, true),
				NewVolunteer.REGISTRATION, null, "Correct-horse-42", Locale.SIMPLIFIED_CHINESE));
	}

	/** Registers an active volunteer of the unit (as an admin would). */
	public VolunteerId active(UnitId unit, String name) {
		return this.volunteers.register(new NewVolunteer(adult(unit, name), Consents.current(true, true),
				NewVolunteer.ADMIN, null, null, Locale.SIMPLIFIED_CHINESE));
	}

}
