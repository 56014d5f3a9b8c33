package org.tongxing.volunteer;

/**
 * The identity documents a volunteer may register with.
 */
public enum IdType {

	/** 居民身份证: 18 characters with a GB 11643 check digit. */
	RESIDENT_ID,
	/** 护照. */
	PASSPORT,
	/** 港澳居民来往内地通行证. */
	HK_MACAO_PERMIT,
	/** 台湾居民来往大陆通行证. */
	TAIWAN_PERMIT,
	/** 外国人永久居留身份证. */
	FOREIGNER_PERMANENT_RESIDENCE;

	/**
	 * The GB 11643 check digit (ISO 7064 MOD 11-2, 10 written as X) of the first 17
	 * digits of a resident ID number.
	 */
	public static char residentIdCheckDigit(String first17) {
		return org.tongxing.volunteer.domain.IdNumbers.checkDigit(first17);
	}

}
