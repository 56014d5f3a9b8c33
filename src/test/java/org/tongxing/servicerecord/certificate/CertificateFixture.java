package org.tongxing.servicerecord.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.Declaration;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Volunteers with known personal data (to look for on public pages) and a password (to
 * sign in), and confirmed hours made through the ledger's own paths.
 */
final class CertificateFixture {

	/** The password of the volunteers made here. */
	static final String PASSWORD = "Correct-horse-42";

	final VolunteerFixture people;

	private final Volunteers volunteers;

	private final ServiceRecords records;

	CertificateFixture(Units units, Accounts accounts, Volunteers volunteers, ServiceRecords records) {
		this.people = new VolunteerFixture(units, accounts, volunteers);
		this.volunteers = volunteers;
		this.records = records;
	}

	/** An active volunteer, their details as registered, and their account. */
	record Person(VolunteerDetails details, VolunteerView view, SignedInAccount account) {

		AccountId accountId() {
			return this.account.id();
		}

	}

	Person volunteer(UnitId unit, String name) {
		VolunteerDetails details = VolunteerFixture.adult(unit, name);
		VolunteerId id = this.volunteers.register(new NewVolunteer(details, Consents.current(true, true),
				NewVolunteer.REGISTRATION, null, PASSWORD, Locale.SIMPLIFIED_CHINESE));
		this.volunteers.approve(VolunteerFixture.SYSTEM, id);
		VolunteerView view = this.volunteers.views(Set.of(id)).get(id);
		return new Person(details, view, this.people.principal(view.accountId()));
	}

	/**
	 * Hours the volunteer declared on the day, confirmed by {@code by}; the entry's id.
	 */
	long confirmed(Person person, String activity, LocalDate day, String hours, AccountId by) {
		long id = declared(person, activity, day, hours);
		this.records.confirm(VolunteerFixture.SYSTEM, id, by);
		return id;
	}

	/** Hours the volunteer declared on the day, still pending. */
	long declared(Person person, String activity, LocalDate day, String hours) {
		return this.records.declare(person.accountId(),
				new Declaration(activity, day, "北京市东城区", "社区居委会", new BigDecimal(hours), activity + "：现场服务"), null);
	}

}
