package org.tongxing.account;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxing.account.AccountTestSupport.as;

@IntegrationTest
class AuditIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void coordinatorsAndLeadershipFilterTheLogByEntityActorActionAndDate() throws Exception {
		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "auditor", Role.COORDINATOR);
		SignedInAccount leader = AccountTestSupport.create(this.accounts, "reader", Role.LEADERSHIP);
		SignedInAccount subject = AccountTestSupport.create(this.accounts, "subject", Role.VOLUNTEER);
		SignedInAccount bystander = AccountTestSupport.create(this.accounts, "bystander", Role.VOLUNTEER);
		for (SignedInAccount target : new SignedInAccount[] { subject, bystander }) {
			this.mvc
				.perform(post("/accounts/" + target.id() + "/roles").param("role", "LEADERSHIP")
					.param("granted", "true")
					.with(csrf())
					.with(as(coordinator)))
				.andExpect(status().is3xxRedirection());
		}
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

		String page = this.mvc
			.perform(get("/audit").param("entityType", "account")
				.param("entityId", String.valueOf(subject.id().value()))
				.param("actor", coordinator.getUsername())
				.param("action", "role-granted")
				.param("from", today)
				.param("to", today)
				.with(as(leader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<html")
			.contains("account #" + subject.id().value())
			.doesNotContain("account #" + bystander.id().value())
			.contains(coordinator.getUsername())
			.contains("role-granted")
			.contains("table-warning")
			.contains("LEADERSHIP, VOLUNTEER");

		String rows = this.mvc
			.perform(get("/audit").param("actor", coordinator.getUsername().toUpperCase())
				.header("HX-Request", "true")
				.with(as(coordinator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rows).doesNotContain("<html")
			.contains("account #" + subject.id().value())
			.contains("account #" + bystander.id().value());
		// Newest first.
		assertThat(rows.indexOf("account #" + bystander.id().value()))
			.isLessThan(rows.indexOf("account #" + subject.id().value()));

		String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
		String none = this.mvc
			.perform(get("/audit").param("actor", coordinator.getUsername()).param("from", tomorrow).with(as(leader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(none).contains("没有符合条件的记录。");

		String badDate = this.mvc.perform(
				get("/audit").param("actor", coordinator.getUsername()).param("from", "not-a-date").with(as(leader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(badDate).contains("日期格式不正确").contains("account #" + subject.id().value());
	}

	@Test
	void theAppOffersNoWayToChangeAnEntry() throws Exception {
		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "auditor", Role.COORDINATOR);
		this.mvc.perform(post("/audit").with(csrf()).with(as(coordinator))).andExpect(status().isMethodNotAllowed());
	}

	@Test
	void theDatabaseRefusesToUpdateOrDeleteEntries() {
		AccountTestSupport.create(this.accounts, "immutable", Role.VOLUNTEER);
		long id = this.jdbc.sql("select max(id) from audit_entry").query(Long.class).single();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("update audit_entry set action = 'forged' where id = :id")
				.param("id", id)
				.update());
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("delete from audit_entry where id = :id").param("id", id).update());
		assertThat(this.jdbc.sql("select action from audit_entry where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isNotEqualTo("forged");
	}

}
