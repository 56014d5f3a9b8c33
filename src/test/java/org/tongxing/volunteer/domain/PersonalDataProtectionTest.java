package org.tongxing.volunteer.domain;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PersonalDataProtectionTest {

	static final String KEY_1 = PersonalDataProtection.randomKey();

	static final String KEY_2 = PersonalDataProtection.randomKey();

	static final String HASH_KEY = PersonalDataProtection.randomKey();

	static PersonalDataProtection with(String keys, Integer current) {
		return new PersonalDataProtection(new PersonalDataProperties(keys, current, HASH_KEY, null),
				"jdbc:postgresql://db/tongxing");
	}

	@Test
	void aValueComesBackFromItsCiphertextWhichDoesNotHoldIt() {
		PersonalDataProtection protection = with("1:" + KEY_1, null);
		String sealed = protection.encrypt(PersonalField.ID_NUMBER, "11010519491231002X");
		assertThat(sealed).startsWith("v1:").doesNotContain("11010519491231002X").doesNotContain("1231");
		assertThat(protection.decrypt(PersonalField.ID_NUMBER, sealed)).isEqualTo("11010519491231002X");
	}

	@Test
	void theSameValueEncryptsDifferentlyEachTimeButHashesAlike() {
		PersonalDataProtection protection = with("1:" + KEY_1, null);
		assertThat(protection.encrypt(PersonalField.PHONE, "13812345678"))
			.isNotEqualTo(protection.encrypt(PersonalField.PHONE, "13812345678"));
		assertThat(protection.hash(PersonalField.PHONE, "13812345678"))
			.isEqualTo(protection.hash(PersonalField.PHONE, "13812345678"))
			.hasSize(64)
			.isNotEqualTo(protection.hash(PersonalField.ID_NUMBER, "13812345678"));
	}

	@Test
	void aCiphertextCannotBeMovedToAnotherField() {
		PersonalDataProtection protection = with("1:" + KEY_1, null);
		String phone = protection.encrypt(PersonalField.PHONE, "13812345678");
		assertThatIllegalStateException().isThrownBy(() -> protection.decrypt(PersonalField.ID_NUMBER, phone))
			.withMessageNotContaining("13812345678");
	}

	@Test
	void aTamperedCiphertextIsRefused() {
		PersonalDataProtection protection = with("1:" + KEY_1, null);
		String sealed = protection.encrypt(PersonalField.PHONE, "13812345678");
		char last = sealed.charAt(sealed.length() - 1);
		String tampered = sealed.substring(0, sealed.length() - 1) + ((last == 'A') ? 'B' : 'A');
		assertThatIllegalStateException().isThrownBy(() -> protection.decrypt(PersonalField.PHONE, tampered));
	}

	@Test
	void afterRotationOldValuesStillDecryptAndNewOnesUseTheNewKey() {
		String old = with("1:" + KEY_1, null).encrypt(PersonalField.PHONE, "13812345678");
		PersonalDataProtection rotated = with("1:" + KEY_1 + ",2:" + KEY_2, 2);
		assertThat(rotated.decrypt(PersonalField.PHONE, old)).isEqualTo("13812345678");
		assertThat(rotated.needsRotation(old)).isTrue();
		String fresh = rotated.encrypt(PersonalField.PHONE, "13812345678");
		assertThat(fresh).startsWith("v2:");
		assertThat(rotated.needsRotation(fresh)).isFalse();
	}

	@Test
	void aRetiredKeyCannotDecryptAndSaysWhichVersionIsMissing() {
		String old = with("1:" + KEY_1, null).encrypt(PersonalField.PHONE, "13812345678");
		assertThatIllegalStateException().isThrownBy(() -> with("2:" + KEY_2, null).decrypt(PersonalField.PHONE, old))
			.withMessageContaining("version 1");
	}

	@Test
	void anExternalDatabaseWithoutKeysRefusesToStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new PersonalDataProtection(new PersonalDataProperties(null, null, null, null),
					"jdbc:postgresql://db/tongxing"))
			.withMessageContaining("TONGXING_PII_KEYS");
	}

	@Test
	void theEmbeddedDatabaseGeneratesKeysOnceAndKeepsThem(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("keys.properties");
		PersonalDataProperties none = new PersonalDataProperties(null, null, null, file);
		String sealed = new PersonalDataProtection(none, "").encrypt(PersonalField.PHONE, "13812345678");
		assertThat(Files.readString(file)).contains("keys=1\\:");
		assertThat(new PersonalDataProtection(none, "").decrypt(PersonalField.PHONE, sealed)).isEqualTo("13812345678");
	}

}
