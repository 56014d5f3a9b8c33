package org.tongxing.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server (GreenMail) for the application under test; tests read the mail it
 * received.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail greenMail() {
		return new GreenMail(ServerSetupTest.SMTP.dynamicPort());
	}

	@Bean
	DynamicPropertyRegistrar mailProperties(GreenMail greenMail) {
		return (registry) -> {
			registry.add("spring.mail.host", () -> "127.0.0.1");
			registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
		};
	}

}
