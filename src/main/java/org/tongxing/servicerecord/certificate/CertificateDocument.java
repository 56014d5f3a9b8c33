package org.tongxing.servicerecord.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a certificate's PDF states, already decided and masked: the association, the
 * volunteer (name, ID type in Chinese and English, masked ID number, volunteer number),
 * the period and its confirmed hours, one row per service, the issuing unit and its
 * person in charge, the number, the verification code and link, the issue date.
 */
record CertificateDocument(String association, String number, String verifyCode, String verifyUrl, String name,
		String idType, String idTypeEn, String idNumberMasked, String volunteerNumber, LocalDate from, LocalDate to,
		BigDecimal hours, List<Row> rows, String issuer, String personInCharge, LocalDate issuedOn) {

	/**
	 * One service: its activity and content, day, hours (corrections folded in),
	 * recording unit.
	 */
	record Row(String activity, String content, LocalDate date, BigDecimal hours, String recordingUnit) {
	}

	static String hours(BigDecimal hours) {
		return (hours.signum() == 0) ? "0" : hours.stripTrailingZeros().toPlainString();
	}

}
