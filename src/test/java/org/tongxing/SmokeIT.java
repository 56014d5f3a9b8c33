package org.tongxing;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SmokeIT {

	@Autowired
	TestRestTemplate http;

	@Test
	void healthIsPublicAndUp() {
		ResponseEntity<String> response = this.http.getForEntity("/actuator/health", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("\"UP\"");
	}

	@Test
	void signInPageIsChineseByDefault() {
		ResponseEntity<String> response = this.http.getForEntity("/login", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("登录").contains("lang=\"zh-CN\"");
	}

}
