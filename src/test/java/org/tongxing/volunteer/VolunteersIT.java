package org.tongxing.volunteer;

import java.time.LocalDate;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.domain.PersonalField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Registration, deduplication by keyed hash, personal data at rest, the status workflow
 * with its emails, and the unit scope of reads and changes.
 */
@IntegrationTest
class VolunteersIT {

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	@Autowired
	TransactionTemplate transactions;

	VolunteerFixture fixture;

	UnitId a;

	UnitId b;

	SignedInAccount adminOfA;

	@BeforeEach
	void units() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.a = this.fixture.unit(this.fixture.root(), "A");
		this.b = this.fixture.unit(this.fixture.root(), "B");
		this.adminOfA = this.fixture.adminOf(this.a);
	}

	@Test
	void theIdNumberAndPhoneAreStoredOnlyEncryptedHashedAndMasked() {
		VolunteerDetails details = VolunteerFixture.adult(this.a, "王芳");
		VolunteerId id = register(details);
		String row = this.jdbc.sql("select v::text from volunteer v where id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
		assertThat(row).doesNotContain(details.idNumber()).doesNotContain(details.phone());
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, id);
		assertThat(view.idNumberMasked())
			.isEqualTo(details.idNumber().substring(0, 3) + "*".repeat(11) + details.idNumber().substring(14));
		assertThat(view.phoneMasked())
			.isEqualTo(details.phone().substring(0, 3) + "****" + details.phone().substring(7));
		assertThat(view.status()).isEqualTo(VolunteerStatus.APPLICANT);
		assertThat(view.number()).isNull();
	}

	@Test
	void theSameIdNumberCannotRegisterTwiceEvenWrittenDifferently() {
		VolunteerDetails first = VolunteerFixture.adult(this.a, "李雷");
		register(first);
		VolunteerDetails again = VolunteerFixture.adult(this.b, "李雷");
		VolunteerDetails sameNumber = new VolunteerDetails(again.name(), again.sex(), first.birthDate(), first.idType(),
				" " + first.idNumber().toLowerCase(Locale.ROOT) + " ", again.phone(), again.email(), this.b, null, null,
				null, null, null, null, null, null, null);
		assertThatExceptionOfType(DuplicateVolunteerException.class).isThrownBy(() -> register(sameNumber))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("idNumber"))
			.withMessageNotContaining(first.idNumber());
		assertThat(this.volunteers.isRegistered(IdType.RESIDENT_ID, first.idNumber())).isTrue();
	}

	@Test
	void aRejectedRegistrationStoresNothing() {
		VolunteerDetails valid = VolunteerFixture.adult(this.a, "韩梅梅");
		VolunteerDetails wrongCheckDigit = new VolunteerDetails(valid.name(), valid.sex(), valid.birthDate(),
				valid.idType(), valid.idNumber().substring(0, 17) + (valid.idNumber().endsWith("1") ? "2" : "1"),
				valid.phone(), valid.email(), this.a, null, null, null, null, null, null, null, null, null);
		assertThatExceptionOfType(InvalidVolunteerException.class).isThrownBy(() -> register(wrongCheckDigit))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(FieldProblem::messageKey)
				.containsExactly("volunteer.validation.idNumber.checkDigit"));
		assertThat(this.accounts.findByUsername(valid.email())).isEmpty();
	}

	@Test
	void approvalGivesANumberAndSendsAnEmailRejectionSendsTheReason() throws Exception {
		VolunteerId approved = this.fixture.applicant(this.a, "赵敏");
		VolunteerId rejected = this.fixture.applicant(this.a, "周芷若");
		this.volunteers.approve(scope(this.adminOfA), approved);
		this.volunteers.reject(scope(this.adminOfA), rejected, "单位名额已满");
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, approved);
		assertThat(view.status()).isEqualTo(VolunteerStatus.ACTIVE);
		assertThat(view.number()).matches("TX\\d{9}");
		assertThat(awaitMailTo(this.volunteers.get(VolunteerFixture.SYSTEM, approved).email())).contains(view.number());
		assertThat(awaitMailTo(this.volunteers.get(VolunteerFixture.SYSTEM, rejected).email())).contains("单位名额已满");
	}

	@Test
	void statusesGoBackToActiveWithTheSameNumber() {
		VolunteerId id = this.fixture.active(this.a, "张无忌");
		String number = this.volunteers.get(VolunteerFixture.SYSTEM, id).number();
		this.volunteers.suspend(scope(this.adminOfA), id, "多次无故缺席");
		this.volunteers.reactivate(scope(this.adminOfA), id);
		this.volunteers.markLeft(scope(this.adminOfA), id, "调离");
		this.volunteers.reactivate(scope(this.adminOfA), id);
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, id);
		assertThat(view.status()).isEqualTo(VolunteerStatus.ACTIVE);
		assertThat(view.number()).isEqualTo(number);
		assertThatExceptionOfType(VolunteerStatusException.class)
			.isThrownBy(() -> this.volunteers.approve(scope(this.adminOfA), id));
	}

	@Test
	void anAdminSeesAndChangesOnlyVolunteersOfTheirSubtree() {
		VolunteerId inB = this.fixture.applicant(this.b, "杨过");
		assertThat(this.volunteers.find(scope(this.adminOfA), inB)).isEmpty();
		assertThatExceptionOfType(VolunteerNotFoundException.class)
			.isThrownBy(() -> this.volunteers.approve(scope(this.adminOfA), inB));
		assertThatExceptionOfType(VolunteerNotFoundException.class)
			.isThrownBy(() -> this.volunteers.reveal(scope(this.adminOfA), inB, PersonalField.PHONE));
	}

	@Test
	void revealingAFieldIsAuditedWithoutTheValue() {
		VolunteerDetails details = VolunteerFixture.adult(this.a, "小龙女");
		VolunteerId id = register(details);
		String revealed = this.transactions
			.execute((status) -> this.volunteers.reveal(scope(this.adminOfA), id, PersonalField.ID_NUMBER));
		assertThat(revealed).isEqualTo(details.idNumber());
		String entry = this.jdbc.sql(
				"select action || ' ' || coalesce(after_state::text, '') from audit_entry where entity_type = 'volunteer' and entity_id = :id and action like 'revealed%'")
			.param("id", id.toString())
			.query(String.class)
			.single();
		assertThat(entry).startsWith("revealed-id-number").doesNotContain(details.idNumber());
	}

	@Test
	void leadershipReadsButMayNotReveal() {
		VolunteerId id = this.fixture.active(this.a, "郭靖");
		SignedInAccount leader = this.fixture.account("leader", org.tongxing.account.Role.LEADERSHIP);
		assertThat(this.volunteers.find(scope(leader), id)).isPresent();
		assertThatExceptionOfType(org.springframework.security.access.AccessDeniedException.class)
			.isThrownBy(() -> this.volunteers.reveal(scope(leader), id, PersonalField.PHONE));
	}

	@Test
	void underFourteenIsRefused() {
		LocalDate birthDate = this.volunteers.today().minusYears(14).plusDays(1);
		VolunteerDetails adult = VolunteerFixture.adult(this.a, "小明");
		VolunteerDetails child = new VolunteerDetails(adult.name(), adult.sex(), birthDate, IdType.RESIDENT_ID,
				VolunteerFixture.residentId(birthDate), adult.phone(), adult.email(), this.a, null, null, null, null,
				null, null, null, null, null);
		assertThatExceptionOfType(InvalidVolunteerException.class).isThrownBy(() -> register(child))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(FieldProblem::messageKey)
				.containsExactly("volunteer.validation.birthDate.tooYoung"));
	}

	private org.tongxing.organisation.UnitScope scope(SignedInAccount account) {
		return this.units.scopeOf(account);
	}

	private VolunteerId register(VolunteerDetails details) {
		return this.volunteers.register(new NewVolunteer(details, Consents.current(true, true),
				NewVolunteer.REGISTRATION, null, "Correct-horse-42", Locale.SIMPLIFIED_CHINESE));
	}

	/** The mail to the address; it is sent after the commit, on another thread. */
	private String awaitMailTo(String address) throws Exception {
		long deadline = System.currentTimeMillis() + 15_000;
		String mail = mailTo(address);
		while (mail.isEmpty() && System.currentTimeMillis() < deadline) {
			this.mail.waitForIncomingEmail(500, this.mail.getReceivedMessages().length + 1);
			mail = mailTo(address);
		}
		return mail;
	}

	private String mailTo(String address) throws Exception {
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				return message.getSubject() + "\n" + message.getContent();
			}
		}
		return "";
	}

}
