package org.tongxing.volunteer.registry;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.Guardian;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

/**
 * A small registry for one test: units A (with sub-unit A1) and B under the root, their
 * people, and volunteers that differ in every filtered property.
 *
 * <ul>
 * <li>{@code a1}: A, active, law 3, French 4, born 1980, registered 2020-03-15, an
 * approved valid lawyer's licence</li>
 * <li>{@code a2}: A1, applicant, first aid 1, English 2, 25 years old, registered
 * 2021-06-01, an approved but expired licence</li>
 * <li>{@code a3}: A, active, abroad in 法国, law 1, French 2, born 1960, a pending
 * licence</li>
 * <li>{@code a4}: A1, active, 16 years old with a guardian, no skills, Japanese 1</li>
 * <li>{@code b1}: B, active, law 3, French 4 (a1's twin in another subtree)</li>
 * </ul>
 */
final class RegistryData {

	final VolunteerFixture fixture;

	final Volunteers volunteers;

	final JdbcClient jdbc;

	final UnitId a;

	final UnitId a1Unit;

	final UnitId b;

	final SignedInAccount adminOfA;

	final SignedInAccount coordinator;

	final SignedInAccount leader;

	final SignedInAccount plainVolunteer;

	final VolunteerId a1;

	final VolunteerId a2;

	final VolunteerId a3;

	final VolunteerId a4;

	final VolunteerId b1;

	final Map<VolunteerId, VolunteerDetails> details = new java.util.HashMap<>();

	RegistryData(Units units, Accounts accounts, Volunteers volunteers, JdbcClient jdbc) {
		this.fixture = new VolunteerFixture(units, accounts, volunteers);
		this.volunteers = volunteers;
		this.jdbc = jdbc;
		this.a = this.fixture.unit(this.fixture.root(), "A");
		this.a1Unit = this.fixture.unit(this.a, "A1");
		this.b = this.fixture.unit(this.fixture.root(), "B");
		this.adminOfA = this.fixture.adminOf(this.a);
		this.coordinator = this.fixture.account("coordinator", Role.COORDINATOR);
		this.leader = this.fixture.account("leader", Role.LEADERSHIP);
		this.plainVolunteer = this.fixture.account("volunteer", Role.VOLUNTEER);
		LocalDate today = volunteers.today();
		this.a1 = register(this.a, name("a1"), LocalDate.of(1980, 5, 1), Map.of("law", 3), Map.of("fr", 4), null,
				NewVolunteer.ADMIN, Guardian.none());
		this.a2 = register(this.a1Unit, name("a2"), today.minusYears(25).minusDays(3), Map.of("first-aid", 1),
				Map.of("en", 2), null, NewVolunteer.REGISTRATION, Guardian.none());
		this.a3 = register(this.a, name("a3"), LocalDate.of(1960, 2, 2), Map.of("law", 1), Map.of("fr", 2), "法国",
				NewVolunteer.ADMIN, Guardian.none());
		this.a4 = register(this.a1Unit, name("a4"), today.minusYears(16).minusDays(10), Map.of(), Map.of("ja", 1), null,
				NewVolunteer.ADMIN, new Guardian("监护人", "13700001111", true));
		this.b1 = register(this.b, name("b1"), LocalDate.of(1980, 5, 2), Map.of("law", 3), Map.of("fr", 4), null,
				NewVolunteer.ADMIN, Guardian.none());
		registeredOn(this.a1, "2020-03-15");
		registeredOn(this.a2, "2021-06-01");
		qualification(this.a1, "APPROVED", today.plusYears(1));
		qualification(this.a2, "APPROVED", today.minusDays(1));
		qualification(this.a3, "PENDING", today.plusYears(1));
		qualification(this.b1, "APPROVED", today.plusYears(1));
	}

	String name(String who) {
		return who + "-" + this.fixture.tag;
	}

	VolunteerId register(UnitId unit, String name, LocalDate birthDate, Map<String, Integer> skills,
			Map<String, Integer> languages, String country, String source, Guardian guardian) {
		VolunteerDetails details = new VolunteerDetails(name, Sex.MALE, birthDate, IdType.RESIDENT_ID,
				VolunteerFixture.residentId(birthDate),
				"138" + String.format("%08d", Math.abs(name.hashCode()) % 100_000_000), VolunteerFixture.email("r"),
				unit, "北京市西城区", skills, languages, Set.of(), Set.of(), country, (country != null) ? "巴黎" : null,
				(country != null) ? "Europe/Paris" : null, guardian);
		VolunteerId id = this.volunteers.register(
				new NewVolunteer(details, Consents.current(true, true), source, null, null, Locale.SIMPLIFIED_CHINESE));
		this.details.put(id, details);
		return id;
	}

	private void registeredOn(VolunteerId id, String day) {
		this.jdbc.sql("update volunteer set registered_at = cast(:day as date) + time '10:00' where id = :id")
			.param("day", day)
			.param("id", id.value())
			.update();
	}

	private void qualification(VolunteerId id, String status, LocalDate expiresOn) {
		this.jdbc
			.sql("""
					insert into volunteer_qualification (volunteer_id, type_id, certificate_number, expires_on, status)
					values (:id, (select id from qualification_type where code = 'lawyer-licence'), 'L-1', :expires, :status)""")
			.param("id", id.value())
			.param("expires", expiresOn)
			.param("status", status)
			.update();
	}

	/** The ids of the volunteers a registry page lists, in its order. */
	static Set<Long> listed(String html) {
		Set<Long> ids = new LinkedHashSet<>();
		for (Element row : Jsoup.parse(html).select("tr[data-volunteer]")) {
			ids.add(Long.valueOf(row.attr("data-volunteer")));
		}
		return ids;
	}

	static Set<Long> ids(VolunteerId... volunteers) {
		Set<Long> ids = new LinkedHashSet<>();
		for (VolunteerId volunteer : volunteers) {
			ids.add(volunteer.value());
		}
		return ids;
	}

}
