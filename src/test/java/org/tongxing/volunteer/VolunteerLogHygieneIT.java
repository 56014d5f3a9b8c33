package org.tongxing.volunteer;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.account.Accounts;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.domain.PersonalField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Registering, a refused duplicate, a race on the unique index and a reveal leave no ID
 * number or phone in the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class VolunteerLogHygieneIT {

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void personalDataNeverReachesTheLog(CapturedOutput output) {
		VolunteerFixture fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		UnitId unit = fixture.unit(fixture.root(), "log");
		VolunteerDetails details = VolunteerFixture.adult(unit, "日志检查");
		VolunteerId id = this.volunteers.register(new NewVolunteer(details, Consents.current(true, true),
				NewVolunteer.ADMIN, null, null, Locale.SIMPLIFIED_CHINESE));
		VolunteerDetails again = VolunteerFixture.adult(unit, "日志检查");
		VolunteerDetails duplicate = new VolunteerDetails(again.name(), again.sex(), details.birthDate(),
				details.idType(), details.idNumber(), details.phone(), again.email(), unit, null, null, null, null,
				null, null, null, null, null);
		assertThatExceptionOfType(DuplicateVolunteerException.class)
			.isThrownBy(() -> this.volunteers.register(new NewVolunteer(duplicate, Consents.current(true, true),
					NewVolunteer.ADMIN, null, null, Locale.ROOT)));
		this.transactions
			.executeWithoutResult((status) -> this.volunteers.reveal(VolunteerFixture.SYSTEM, id, PersonalField.PHONE));

		assertThat(output.getAll()).doesNotContain(details.idNumber())
			.doesNotContain(details.idNumber().substring(3, 14))
			.doesNotContain(details.phone());
	}

}
