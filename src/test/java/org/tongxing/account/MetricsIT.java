package org.tongxing.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxing.account.AccountTestSupport.as;

@IntegrationTest
class MetricsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Test
	void prometheusMetricsAreForCoordinatorsOnly() throws Exception {
		int anonymous = this.mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus();
		assertThat(anonymous).isIn(302, 401);

		SignedInAccount volunteer = AccountTestSupport.create(this.accounts, "metricsvol", Role.VOLUNTEER);
		this.mvc.perform(get("/actuator/prometheus").with(as(volunteer))).andExpect(status().isForbidden());
		SignedInAccount leader = AccountTestSupport.create(this.accounts, "metricslead", Role.LEADERSHIP);
		this.mvc.perform(get("/actuator/prometheus").with(as(leader))).andExpect(status().isForbidden());

		SignedInAccount coordinator = AccountTestSupport.create(this.accounts, "metricscoord", Role.COORDINATOR);
		String body = this.mvc.perform(get("/actuator/prometheus").with(as(coordinator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("# HELP").contains("jvm_memory_used_bytes");
	}

	@Test
	void healthIsPublicAndHeadersAreStrict() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("X-Frame-Options", "DENY"));
	}

}
