package org.tongxing.volunteer.profile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Qualifications: a volunteer adds one with a proof, a coordinator approves or rejects
 * it, a change sends it back to pending; proofs are checked by their content and shown
 * only to the owner, coordinators and admins of the volunteer's unit.
 */
@IntegrationTest
class QualificationsIT {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = png();

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Qualifications qualifications;

	@Autowired
	JdbcClient jdbc;

	VolunteerFixture fixture;

	UnitId unit;

	VolunteerId id;

	SignedInAccount volunteer;

	SignedInAccount coordinator;

	long firstAid;

	@BeforeEach
	void volunteer() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.unit = this.fixture.unit(this.fixture.root(), "Q");
		this.id = this.fixture.active(this.unit, "张伟");
		this.volunteer = principalOf(this.id);
		this.coordinator = this.fixture.account("coord", Role.COORDINATOR);
		this.firstAid = this.jdbc.sql("select id from qualification_type where code = 'first-aid-certificate'")
			.query(Long.class)
			.single();
	}

	@Test
	void anAddedQualificationIsPendingUntilACoordinatorApprovesAndAChangeMakesItPendingAgain() throws Exception {
		this.mvc
			.perform(submit(this.volunteer, "急救证.pdf", PDF).param("certificateNumber", "FA-2026-001")
				.param("expiresOn", LocalDate.now().plusYears(2).toString()))
			.andExpect(redirectedUrl("/me"));
		QualificationEntry added = own().orElseThrow();
		assertThat(added.status()).isEqualTo(QualificationStatus.PENDING);
		assertThat(added.proofFileName()).isEqualTo("急救证.pdf");
		assertThat(this.jdbc.sql("select content_type || ' ' || sha256 from stored_file where id = :id")
			.param("id", added.proofFileId())
			.query(String.class)
			.single()).isEqualTo("application/pdf " + Qualifications.sha256(PDF));
		this.mvc.perform(get("/me").with(user(this.volunteer)))
			.andExpect(content().string(containsString("FA-2026-001")))
			.andExpect(content().string(containsString("待审核")));

		this.mvc.perform(get("/qualifications").with(user(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("FA-2026-001")));
		this.mvc.perform(get("/qualifications").with(user(this.volunteer))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/qualifications/" + added.id() + "/approve").param("seen", added.seen())
				.with(user(this.volunteer))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/qualifications/" + added.id() + "/approve").param("seen", added.seen())
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/qualifications"));
		assertThat(own().orElseThrow().status()).isEqualTo(QualificationStatus.APPROVED);
		assertThat(own().orElseThrow().heldOn(LocalDate.now())).isTrue();

		// a change, even without a new proof, goes back to pending and keeps the proof
		this.mvc.perform(submit(this.volunteer, null, null).param("certificateNumber", "FA-2026-002"))
			.andExpect(redirectedUrl("/me"));
		QualificationEntry changed = own().orElseThrow();
		assertThat(changed.id()).isEqualTo(added.id());
		assertThat(changed.status()).isEqualTo(QualificationStatus.PENDING);
		assertThat(changed.certificateNumber()).isEqualTo("FA-2026-002");
		assertThat(changed.proofFileId()).isEqualTo(added.proofFileId());
		assertThat(this.jdbc
			.sql("select string_agg(action, ',' order by id) from audit_entry"
					+ " where entity_type = 'volunteer-qualification' and entity_id = :id")
			.param("id", String.valueOf(added.id()))
			.query(String.class)
			.single()).isEqualTo("added,approved,changed");
	}

	@Test
	void aDecisionOnAVersionTheCoordinatorDidNotSeeIsRefused() throws Exception {
		this.mvc.perform(submit(this.volunteer, "proof.png", PNG)).andExpect(redirectedUrl("/me"));
		QualificationEntry seen = own().orElseThrow();
		this.mvc.perform(submit(this.volunteer, null, null).param("certificateNumber", "NEW"))
			.andExpect(redirectedUrl("/me"));
		this.mvc
			.perform(post("/qualifications/" + seen.id() + "/approve").param("seen", seen.seen())
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/qualifications/" + seen.id()))
			.andExpect(flash().attribute("problem", "profile.qualification.changed"));
		assertThat(own().orElseThrow().status()).isEqualTo(QualificationStatus.PENDING);
	}

	@Test
	void aRejectionNeedsAReasonWhichTheVolunteerSees() throws Exception {
		this.mvc.perform(submit(this.volunteer, "proof.png", PNG)).andExpect(redirectedUrl("/me"));
		QualificationEntry pending = own().orElseThrow();
		this.mvc.perform(get("/qualifications/" + pending.id()).with(user(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(pending.seen())));
		this.mvc
			.perform(post("/qualifications/" + pending.id() + "/reject").param("seen", pending.seen())
				.param("reason", " ")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写不通过的原因")));
		this.mvc
			.perform(post("/qualifications/" + pending.id() + "/reject").param("seen", pending.seen())
				.param("reason", "证书照片看不清")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/qualifications"));
		assertThat(own().orElseThrow().status()).isEqualTo(QualificationStatus.REJECTED);
		this.mvc.perform(get("/me").with(user(this.volunteer))).andExpect(content().string(containsString("证书照片看不清")));
	}

	@Test
	void aFileThatIsNotPdfJpegOrPngIsRefusedWhateverItsName() throws Exception {
		byte[] exe = "MZ\u0090\u0000This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
		this.mvc.perform(submit(this.volunteer, "licence.pdf", exe))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只接受 PDF、JPEG 或 PNG 文件")))
			.andExpect(content().string(containsString("id=\"proof-errors\"")));
		assertThat(own()).isEmpty();
	}

	@Test
	void aNewQualificationNeedsAProofAndAFutureExpiry() throws Exception {
		this.mvc.perform(submit(this.volunteer, null, null).param("expiresOn", "2001-01-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请上传证明文件")))
			.andExpect(content().string(containsString("有效期已过")));
		assertThat(own()).isEmpty();
	}

	@Test
	void theProofIsADownloadForTheOwnerCoordinatorsAndAdminsOfTheUnitOnly() throws Exception {
		this.mvc.perform(submit(this.volunteer, "../../etc/scan.exe", PDF)).andExpect(redirectedUrl("/me"));
		long qualification = own().orElseThrow().id();
		String proof = "/qualifications/" + qualification + "/proof";
		this.mvc.perform(get(proof).with(user(this.volunteer)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("scan.pdf")))
			.andExpect(content().bytes(PDF));
		this.mvc.perform(get(proof).with(user(this.coordinator))).andExpect(status().isOk());
		this.mvc.perform(get(proof).with(user(this.fixture.adminOf(this.unit)))).andExpect(status().isOk());

		SignedInAccount otherVolunteer = principalOf(this.fixture.active(this.unit, "王五"));
		this.mvc.perform(get(proof).with(user(otherVolunteer))).andExpect(status().isNotFound());
		UnitId elsewhere = this.fixture.unit(this.fixture.root(), "elsewhere");
		this.mvc.perform(get(proof).with(user(this.fixture.adminOf(elsewhere)))).andExpect(status().isNotFound());
		this.mvc.perform(get(proof).with(user(this.fixture.account("leader", Role.LEADERSHIP))))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where entity_type = 'volunteer-qualification'"
					+ " and entity_id = :id and action = 'proof-viewed'")
			.param("id", String.valueOf(qualification))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anExpiredApprovedQualificationCountsAsNotHeldAndIsShownSo() throws Exception {
		this.mvc.perform(submit(this.volunteer, "proof.png", PNG)).andExpect(redirectedUrl("/me"));
		QualificationEntry pending = own().orElseThrow();
		this.qualifications.approve(VolunteerFixture.SYSTEM, this.coordinator.id(), pending.id(), pending.seen());
		this.jdbc.sql("update volunteer_qualification set expires_on = :day where id = :id")
			.param("day", LocalDate.now().minusDays(3))
			.param("id", pending.id())
			.update();
		QualificationEntry expired = own().orElseThrow();
		assertThat(expired.status()).isEqualTo(QualificationStatus.APPROVED);
		assertThat(expired.heldOn(LocalDate.now())).isFalse();
		this.mvc.perform(get("/me").with(user(this.volunteer)))
			.andExpect(content().string(containsString("已过期")))
			.andExpect(content().string(containsString("不再计为有效资质")));
	}

	private MockMultipartHttpServletRequestBuilder submit(SignedInAccount account, String fileName, byte[] content) {
		MockMultipartHttpServletRequestBuilder request = multipart("/me/qualification");
		if (content != null) {
			request.file(new MockMultipartFile("proof", fileName, "application/pdf", content));
		}
		request.param("typeId", String.valueOf(this.firstAid));
		request.with(user(account)).with(csrf());
		return request;
	}

	private java.util.Optional<QualificationEntry> own() {
		return this.qualifications.of(this.id.value()).stream().filter((q) -> q.typeId() == this.firstAid).findFirst();
	}

	private SignedInAccount principalOf(VolunteerId volunteer) {
		return this.fixture.principal(this.volunteers.get(VolunteerFixture.SYSTEM, volunteer).accountId());
	}

	/**
	 * A real (tiny) PNG: proofs are checked by their header, not only their first bytes.
	 */
	private static byte[] png() {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO
				.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
