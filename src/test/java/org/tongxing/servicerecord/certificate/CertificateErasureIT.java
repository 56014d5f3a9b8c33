package org.tongxing.servicerecord.certificate;

import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.certificate.CertificateFixture.Person;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Anonymising a volunteer erases their certificates' PDFs and names: the public verify
 * page still tells that the certificate was issued (number, hours, period, issuer) and
 * whether it is revoked, shows a placeholder instead of the name and says that the
 * holder's personal data were erased; the download answers 404, never an empty PDF; an
 * admin still revokes one. Another volunteer's certificate is untouched.
 */
@IntegrationTest
class CertificateErasureIT {

	static final String ERASED_LINE = "持证人已注销，其个人信息已按规定删除";

	@Autowired
	MockMvc mvc;

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

	@Autowired
	JdbcClient jdbc;

	@Test
	void anonymisingErasesThePdfAndTheNameAndKeepsWhatAVerifierNeeds() throws Exception {
		CertificateFixture fixture = new CertificateFixture(this.units, this.accounts, this.volunteers, this.records);
		UnitId unit = fixture.people.unit(fixture.people.root(), "证明注销");
		SignedInAccount admin = fixture.people.adminOf(unit);
		LocalDate today = this.certificates.today();
		Person leaving = fixture.volunteer(unit, "周明远");
		Person staying = fixture.volunteer(unit, "吴海燕");
		fixture.confirmed(leaving, "社区服务", today, "6.5", admin.id());
		fixture.confirmed(staying, "社区服务", today, "3", admin.id());
		CertificateView revoked = this.certificates.issue(leaving.accountId(), today, today);
		CertificateView valid = this.certificates.issue(leaving.accountId(), today, today);
		CertificateView others = this.certificates.issue(staying.accountId(), today, today);
		this.certificates.revoke(this.units.scopeOf(admin), revoked.id(), "时长有误，已重新出具", admin.id());

		anonymise(fixture, leaving);

		// the verify page: figures and status kept, a placeholder for the name, and a
		// line saying why
		Document validPage = verify(valid.verifyCode());
		assertThat(validPage.select("#verify-status").text()).contains("有效");
		assertThat(validPage.select("#verify-name").text()).isEqualTo("已注销志愿者");
		assertThat(validPage.select("#verify-erased").text()).contains(ERASED_LINE);
		assertThat(validPage.select("#verify-number").text()).isEqualTo(valid.number());
		assertThat(validPage.select("#verify-hours").text()).contains("6.5");
		assertThat(validPage.select("#verify-issuer").text()).isEqualTo(valid.issuerName());
		assertThat(validPage.text()).doesNotContain("周*远", "周明远");
		Document revokedPage = verify(revoked.verifyCode());
		assertThat(revokedPage.select("#verify-status").text()).contains("已撤销");
		assertThat(revokedPage.select("#verify-revocation").text()).contains("时长有误，已重新出具");
		assertThat(revokedPage.select("#verify-erased").text()).contains(ERASED_LINE);

		// no PDF any more: not served, and gone from the database
		for (CertificateView certificate : new CertificateView[] { valid, revoked }) {
			this.mvc.perform(get("/me/certificates/" + certificate.id() + ".pdf").with(user(leaving.account())))
				.andExpect(status().isNotFound());
			assertThat(this.certificates.get(certificate.id()).isErased()).isTrue();
		}
		assertThat(this.jdbc.sql("""
				select count(*) from certificate
				where volunteer_id = ? and octet_length(pdf) = 0 and name_masked = '已注销' and erased_at is not null""")
			.param(leaving.view().id().value())
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("""
				select after_state::text from audit_entry
				where entity_type = 'volunteer' and entity_id = ? and action = 'anonymised'""")
			.param(String.valueOf(leaving.view().id().value()))
			.query(String.class)
			.single()).contains("\"certificates\": 2");

		// the admin's list says so, and an admin still revokes an erased certificate
		Document list = Jsoup.parse(this.mvc.perform(get("/certificates").param("q", valid.number()).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(list.select("#certificate-" + valid.id() + " .certificate-erased").text()).contains("持证人已注销");
		this.certificates.revoke(this.units.scopeOf(admin), valid.id(), "持证人注销后核查发现有误", admin.id());
		assertThat(verify(valid.verifyCode()).select("#verify-status").text()).contains("已撤销");

		// another volunteer's certificate is as it was
		Document othersPage = verify(others.verifyCode());
		assertThat(othersPage.select("#verify-name").text()).isEqualTo("吴*燕");
		assertThat(othersPage.select("#verify-erased")).isEmpty();
		this.mvc.perform(get("/me/certificates/" + others.id() + ".pdf").with(user(staying.account())))
			.andExpect(status().isOk());
	}

	private Document verify(String code) throws Exception {
		// an address of its own, so that other tests' look-ups do not count against these
		RequestPostProcessor from = (request) -> {
			request.setRemoteAddr("198.51.100." + (System.nanoTime() % 200 + 1));
			return request;
		};
		return Jsoup.parse(this.mvc.perform(get("/verify/" + code).with(from))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private void anonymise(CertificateFixture fixture, Person person) throws Exception {
		SignedInAccount coordinator = fixture.people.account("证明协调员", Role.COORDINATOR);
		this.mvc.perform(post("/me/deletion").param("understood", "true").with(user(person.account())).with(csrf()))
			.andExpect(redirectedUrl("/me/data"));
		this.mvc
			.perform(post("/privacy/deletions/" + person.view().id().value() + "/confirm").with(user(coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/privacy/deletions"));
	}

}
