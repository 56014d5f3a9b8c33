package org.tongxing.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.tongxing.shared.StartupBanner;

/**
 * Loads the demo data at start-up when demo mode is on, and then tells on the console
 * where the application is and how to sign in as each demo role.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

	private final DemoMode mode;

	private final DemoData data;

	private final DemoVolunteers volunteers;

	private final DemoActivities activities;

	private final DemoServiceRecords records;

	private final Environment environment;

	DemoDataLoader(DemoMode mode, DemoData data, DemoVolunteers volunteers, DemoActivities activities,
			DemoServiceRecords records, Environment environment) {
		this.mode = mode;
		this.data = data;
		this.volunteers = volunteers;
		this.activities = activities;
		this.records = records;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.mode.enabled()) {
			this.data.loadOnce();
			this.volunteers.loadOnce();
			this.activities.loadOnce();
			this.records.loadOnce();
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		if (this.mode.enabled()) {
			// The console, not the log: this is for the person who just ran the demo.
			StartupBanner.console()
				.println(banner(this.environment.getProperty("tongxing.base-url", "http://localhost:8080")));
		}
	}

	static String banner(String baseUrl) {
		StringBuilder text = new StringBuilder();
		text.append(System.lineSeparator())
			.append("==== Tongxing 同行 demo ====")
			.append(System.lineSeparator())
			.append("Open ")
			.append(baseUrl)
			.append(" and sign in as:")
			.append(System.lineSeparator());
		for (String[] account : DemoData.ACCOUNTS) {
			text.append(String.format("  %-13s password %s   (%s)%n", account[0], DemoData.PASSWORD, account[1]));
		}
		return text.append("===========================").toString();
	}

}
