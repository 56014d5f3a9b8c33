package org.tongxing.account;

import java.time.Instant;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxing.account.AccountTestSupport.as;

@IntegrationTest
class AccountAdminIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	GreenMail greenMail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void volunteersMayNotSeeAccountsAndLeadershipMayOnlyRead() throws Exception {
		SignedInAccount volunteer = AccountTestSupport.create(this.accounts, "vol", Role.VOLUNTEER);
		SignedInAccount leader = AccountTestSupport.create(this.accounts, "lead", Role.LEADERSHIP);
		this.mvc.perform(get("/accounts").with(as(volunteer))).andExpect(status().isForbidden());
		this.mvc.perform(get("/accounts/" + leader.id()).with(as(volunteer))).andExpect(status().isForbidden());
		this.mvc.perform(get("/audit").with(as(volunteer))).andExpect(status().isForbidden());

		this.mvc.perform(get("/accounts").with(as(leader))).andExpect(status().isOk());
		this.mvc.perform(get("/accounts/" + volunteer.id()).with(as(leader))).andExpect(status().isOk());
		this.mvc.perform(get("/accounts/new").with(as(leader))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/accounts/" + volunteer.id() + "/roles").param("role", "COORDINATOR")
				.param("granted", "true")
				.with(csrf())
				.with(as(leader)))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.find(volunteer.id()).orElseThrow().roles()).containsExactly(Role.VOLUNTEER);
	}

	@Test
	void theSearchBoxUpdatesOnlyTheRowsWithHtmx() throws Exception {
		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "coord", Role.COORDINATOR);
		String marker = AccountTestSupport.unique("findme");
		SignedInAccount found = AccountTestSupport.create(this.accounts, marker, Role.VOLUNTEER);
		SignedInAccount other = AccountTestSupport.create(this.accounts, "other", Role.VOLUNTEER);

		String page = this.mvc.perform(get("/accounts").param("q", marker).with(as(coordinator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<html").contains("id=\"q\"").contains(found.getUsername());

		String rows = this.mvc.perform(
				get("/accounts").param("q", marker.toUpperCase()).header("HX-Request", "true").with(as(coordinator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rows).doesNotContain("<html")
			.contains("id=\"account-rows\"")
			.contains(found.getUsername())
			.doesNotContain(other.getUsername());
	}

	@Test
	void aDuplicateUsernameOrEmailIsAFieldErrorWithTheValuesKept() throws Exception {
		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "coord", Role.COORDINATOR);
		SignedInAccount existing = AccountTestSupport.create(this.accounts, "taken", Role.VOLUNTEER);
		String page = this.mvc
			.perform(post("/accounts/new").with(csrf())
				.with(as(coordinator))
				.param("username", existing.getUsername().toUpperCase())
				.param("displayName", "王小明")
				.param("email", "wang-" + existing.getUsername() + "@example.org")
				.param("roles", "VOLUNTEER")
				.param("invite", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("这个用户名已被使用。")
			.contains("value=\"王小明\"")
			.contains("value=\"" + existing.getUsername().toUpperCase() + "\"");

		String emailTaken = this.mvc
			.perform(post("/accounts/new").with(csrf())
				.with(as(coordinator))
				.param("username", AccountTestSupport.unique("fresh"))
				.param("displayName", "李华")
				.param("email", existing.getUsername() + "@example.org")
				.param("invite", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(emailTaken).contains("这个电子邮箱已被其他账号使用。").contains("value=\"李华\"");
	}

	@Test
	void aWeakInitialPasswordIsRefusedAndNotSentBack() throws Exception {
		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "coord", Role.COORDINATOR);
		String username = AccountTestSupport.unique("newbie");
		String page = this.mvc
			.perform(post("/accounts/new").with(csrf())
				.with(as(coordinator))
				.param("username", username)
				.param("displayName", "New Person")
				.param("invite", "false")
				.param("password", "weakpw"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("密码至少需要 10 个字符。").doesNotContain("weakpw").contains("value=\"" + username + "\"");
		assertThat(this.accounts.findByUsername(username)).isEmpty();
	}

	@Test
	void anInvitationCreatesTheAccountAndEmailsALink() throws Exception {
		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "coord", Role.COORDINATOR);
		String username = AccountTestSupport.unique("invitee");
		String email = username + "@example.org";
		Instant asked = Instant.now();
		this.mvc
			.perform(post("/accounts/new").with(csrf())
				.with(as(coordinator))
				.param("username", username)
				.param("displayName", "Invited Person")
				.param("email", email)
				.param("roles", "VOLUNTEER", "LEADERSHIP")
				.param("invite", "true"))
			.andExpect(redirectedUrlPattern("/accounts/*"))
			.andExpect(flash().attribute("notice", "account.admin.invited"));
		AccountView created = this.accounts.findByUsername(username).orElseThrow();
		assertThat(created.roles()).containsExactlyInAnyOrder(Role.VOLUNTEER, Role.LEADERSHIP);
		assertThat((String) AccountTestSupport.mailTo(this.greenMail, email, asked).getContent()).contains(username)
			.contains("/password/reset?token=");
		assertThat(this.jdbc
			.sql("select actor_name from audit_entry where entity_type = 'account' and entity_id = :id "
					+ "and action = 'created'")
			.param("id", String.valueOf(created.id().value()))
			.query(String.class)
			.single()).isEqualTo(coordinator.getUsername());
	}

	@Test
	void rolesAndStatusChangesAreAuditedWithBeforeAndAfter() throws Exception {
		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "coord", Role.COORDINATOR);
		SignedInAccount volunteer = AccountTestSupport.create(this.accounts, "vol", Role.VOLUNTEER);
		this.mvc
			.perform(post("/accounts/" + volunteer.id() + "/roles").param("role", "LEADERSHIP")
				.param("granted", "true")
				.with(csrf())
				.with(as(coordinator)))
			.andExpect(flash().attribute("notice", "account.admin.saved"));
		this.mvc
			.perform(post("/accounts/" + volunteer.id() + "/roles").param("role", "VOLUNTEER")
				.param("granted", "false")
				.with(csrf())
				.with(as(coordinator)))
			.andExpect(flash().attribute("notice", "account.admin.saved"));
		this.mvc
			.perform(post("/accounts/" + volunteer.id() + "/enabled").param("enabled", "false")
				.with(csrf())
				.with(as(coordinator)))
			.andExpect(flash().attribute("notice", "account.admin.saved"));
		AccountView after = this.accounts.find(volunteer.id()).orElseThrow();
		assertThat(after.roles()).containsExactly(Role.LEADERSHIP);
		assertThat(after.enabled()).isFalse();

		String granted = auditOf(volunteer, "role-granted");
		assertThat(granted).contains("[\"VOLUNTEER\"] -> [\"LEADERSHIP\", \"VOLUNTEER\"]");
		assertThat(auditOf(volunteer, "disabled")).contains("true -> false");
	}

	@Test
	void aCoordinatorCannotLockThemselvesOut() throws Exception {
		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "coord", Role.COORDINATOR);
		this.mvc
			.perform(post("/accounts/" + coordinator.id() + "/roles").param("role", "COORDINATOR")
				.param("granted", "false")
				.with(csrf())
				.with(as(coordinator)))
			.andExpect(flash().attribute("problem", "account.admin.selfRole"));
		this.mvc
			.perform(post("/accounts/" + coordinator.id() + "/enabled").param("enabled", "false")
				.with(csrf())
				.with(as(coordinator)))
			.andExpect(flash().attribute("problem", "account.admin.selfDisable"));
		AccountView after = this.accounts.find(coordinator.id()).orElseThrow();
		assertThat(after.roles()).contains(Role.COORDINATOR);
		assertThat(after.enabled()).isTrue();

		// Through a real session, the refusal is shown on the account's page after the
		// redirect.
		jakarta.servlet.http.Cookie session = AccountTestSupport.session(AccountTestSupport.signIn(this.mvc,
				coordinator.getUsername(), AccountTestSupport.PASSWORD, AccountTestSupport.uniqueAddress()));
		this.mvc
			.perform(post("/accounts/" + coordinator.id() + "/roles").param("role", "COORDINATOR")
				.param("granted", "false")
				.cookie(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		String page = this.mvc.perform(get("/accounts/" + coordinator.id()).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("您不能撤销自己的协调员角色");
	}

	@Test
	void unknownAccountsAndRolesAreNotServerErrors() throws Exception {
		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "coord", Role.COORDINATOR);
		this.mvc.perform(get("/accounts/999999999").with(as(coordinator))).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/accounts/" + coordinator.id() + "/roles").param("role", "EMPEROR")
				.param("granted", "true")
				.with(csrf())
				.with(as(coordinator)))
			.andExpect(status().isBadRequest());
	}

	private String auditOf(SignedInAccount account, String action) {
		return this.jdbc.sql("""
				select (before_state -> 'roles')::text || ' -> ' || (after_state -> 'roles')::text || ' | '
				       || (before_state -> 'enabled')::text || ' -> ' || (after_state -> 'enabled')::text
				from audit_entry where entity_type = 'account' and entity_id = :id and action = :action""")
			.param("id", String.valueOf(account.id().value()))
			.param("action", action)
			.query(String.class)
			.single();
	}

}
