package org.tongxing.volunteer.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * Age rules of 《中国注册志愿者管理办法》 and PIPL: under 14 a person cannot register here; from 14 to
 * 18 a guardian consents.
 */
public final class Ages {

	public static final int MINIMUM = 14;

	public static final int ADULT = 18;

	public static final int OLDEST_PLAUSIBLE = 120;

	private Ages() {
	}

	public static int on(LocalDate birthDate, LocalDate day) {
		return Period.between(birthDate, day).getYears();
	}

	public static boolean needsGuardian(LocalDate birthDate, LocalDate today) {
		int age = on(birthDate, today);
		return age >= MINIMUM && age < ADULT;
	}

}
