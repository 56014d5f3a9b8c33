package org.tongxing.servicerecord.certificate;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.certificate.CertificateFixture.Person;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.Volunteers;

/**
 * Measures issuing certificates of 5 and of 60 services (a benchmark, not a test: run
 * with {@code -Dtongxing.benchmark=true}); the times are logged, nothing is asserted.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "tongxing.benchmark", matches = "true")
class CertificateTimingIT {

	private static final Logger log = LoggerFactory.getLogger(CertificateTimingIT.class);

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	ServiceRecords records;

	@Autowired
	Certificates certificates;

	@Test
	void issuingACertificate() {
		CertificateFixture fixture = new CertificateFixture(this.units, this.accounts, this.volunteers, this.records);
		UnitId unit = fixture.people.unit(fixture.people.root(), "计时");
		SignedInAccount admin = fixture.people.adminOf(unit);
		LocalDate today = this.certificates.today();
		for (int services : new int[] { 5, 60 }) {
			Person volunteer = fixture.volunteer(unit, "计时志愿者");
			for (int i = 0; i < services; i++) {
				fixture.confirmed(volunteer, "服务 " + i, today.minusDays(i), "2", admin.id());
			}
			CertificateTiming.Result result = CertificateTiming.measure(this.certificates, volunteer.accountId(),
					today.minusDays(services), today, 3, 20);
			log.warn("{} services: {}", services, result);
		}
	}

}
