package org.tongxing.demo;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether demo mode is on: {@code tongxing.demo.enabled=true} turns it on, {@code false}
 * off; left empty, it is on exactly when the embedded database is in use
 * ({@code spring.datasource.url} empty), so a production database never gets demo data
 * unless asked.
 */
@Component
class DemoMode {

	private final boolean enabled;

	DemoMode(Environment environment) {
		this.enabled = decide(environment.getProperty("tongxing.demo.enabled", ""),
				environment.getProperty("spring.datasource.url", ""));
	}

	static boolean decide(String demoEnabled, String datasourceUrl) {
		String value = (demoEnabled != null) ? demoEnabled.trim() : "";
		if (value.isEmpty()) {
			return datasourceUrl == null || datasourceUrl.isBlank();
		}
		return Boolean.parseBoolean(value);
	}

	boolean enabled() {
		return this.enabled;
	}

}
