package org.tongxing.servicerecord.card;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

/** A unit of its own with an admin (the organiser), and the fixtures, for one test. */
final class CardTestSupport {

	final ServiceRecordFixture fixture;

	final VolunteerFixture people;

	final UnitId unit;

	final SignedInAccount organiser;

	CardTestSupport(Units units, Accounts accounts, Volunteers volunteers, Activities activities, SignUps signUps,
			CheckIns checkIns, String unitName) {
		this.people = new VolunteerFixture(units, accounts, volunteers);
		ActivityFixture activityFixture = new ActivityFixture(this.people, activities, volunteers);
		this.fixture = new ServiceRecordFixture(activityFixture, activities, signUps, checkIns);
		this.unit = this.people.unit(this.people.root(), unitName);
		this.organiser = this.people.adminOf(this.unit);
	}

}
