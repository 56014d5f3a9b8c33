package org.tongxing.volunteer.privacy;

import java.lang.reflect.Constructor;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.account.Accounts;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;
import org.tongxing.volunteer.domain.PersonalDataProperties;
import org.tongxing.volunteer.domain.PersonalDataProtection;
import org.tongxing.volunteer.domain.PersonalField;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a rotation (the test profile has keys 1 and 2, current 2), values written under
 * key 1 are re-encrypted under key 2 by the job and still read the same.
 */
@IntegrationTest
class KeyRotationIT {

	/** Key 1 of application-test.properties. */
	static final String KEY_1 = "1:y9vsWS5iX918JjhgM8LpZp3+lVGQI/vIJLtw0SpkEew=";

	static final String HASH_KEY = "kgMSO932Hcv2sapmhwwOdV09j7XDkekXt7vFNkBt9ZY=";

	@Autowired
	KeyRotation rotation;

	@Autowired
	PersonalDataProtection protection;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void valuesUnderKeyOneAreRewrittenUnderKeyTwoAndStillDecrypt() throws Exception {
		VolunteerFixture fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		UnitId unit = fixture.unit(fixture.root(), "K");
		VolunteerDetails details = VolunteerFixture.adult(unit, "钱学森");
		VolunteerId id = this.volunteers.register(new NewVolunteer(details, Consents.current(true, true),
				NewVolunteer.ADMIN, null, null, Locale.SIMPLIFIED_CHINESE));
		PersonalDataProtection keyOneOnly = keyOneOnly();
		String oldIdNumber = keyOneOnly.encrypt(PersonalField.ID_NUMBER, details.idNumber());
		String oldPhone = keyOneOnly.encrypt(PersonalField.PHONE, details.phone());
		assertThat(oldIdNumber).startsWith("v1:");
		this.jdbc.sql("update volunteer set id_number_cipher = :idNumber, phone_cipher = :phone where id = :id")
			.param("idNumber", oldIdNumber)
			.param("phone", oldPhone)
			.param("id", id.value())
			.update();
		String hashBefore = hash(id);

		KeyRotation.Result result = this.rotation.rotateAll();

		assertThat(result.rotated()).isPositive();
		String idNumber = cipher(id, "id_number_cipher");
		String phone = cipher(id, "phone_cipher");
		assertThat(idNumber).startsWith("v2:").isNotEqualTo(oldIdNumber);
		assertThat(phone).startsWith("v2:");
		assertThat(this.protection.decrypt(PersonalField.ID_NUMBER, idNumber)).isEqualTo(details.idNumber());
		assertThat(this.protection.decrypt(PersonalField.PHONE, phone)).isEqualTo(details.phone());
		String revealed = this.transactions
			.execute((status) -> this.volunteers.reveal(VolunteerFixture.SYSTEM, id, PersonalField.ID_NUMBER));
		assertThat(revealed).isEqualTo(details.idNumber());
		assertThat(hash(id)).isEqualTo(hashBefore);
		assertThat(this.jdbc
			.sql("select count(*) from volunteer where id_number_cipher like 'v1:%' or phone_cipher like 'v1:%'")
			.query(Long.class)
			.single()).isZero();
	}

	private String cipher(VolunteerId id, String column) {
		return this.jdbc.sql("select " + column + " from volunteer where id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
	}

	private String hash(VolunteerId id) {
		return cipher(id, "id_number_hash");
	}

	/** Encrypts as a node that knows key 1 only did before the rotation. */
	private static PersonalDataProtection keyOneOnly() throws Exception {
		Constructor<PersonalDataProtection> constructor = PersonalDataProtection.class
			.getDeclaredConstructor(PersonalDataProperties.class, String.class);
		constructor.setAccessible(true);
		return constructor.newInstance(new PersonalDataProperties(KEY_1, 1, HASH_KEY, null),
				"jdbc:postgresql://db/tongxing");
	}

}
