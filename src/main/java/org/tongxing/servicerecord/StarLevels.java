package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Star levels from cumulative confirmed hours: thresholds
 * {@code tongxing.servicerecord.star-thresholds} (default 100, 300, 600, 1000, 1500 h, as
 * 《中国注册志愿者管理办法》 sets them; provinces differ). The level shown always follows the hours;
 * the highest level reached is kept so that each new level is announced once
 * ({@link StarLevelReached}).
 */
@Service
public class StarLevels {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Volunteers volunteers;

	private final List<BigDecimal> thresholds;

	StarLevels(JdbcClient jdbc, ApplicationEventPublisher events, Volunteers volunteers,
			@Value("${tongxing.servicerecord.star-thresholds:100,300,600,1000,1500}") List<BigDecimal> thresholds) {
		this.jdbc = jdbc;
		this.events = events;
		this.volunteers = volunteers;
		List<BigDecimal> sorted = new ArrayList<>(thresholds);
		sorted.sort(null);
		this.thresholds = List.copyOf(sorted);
	}

	public List<BigDecimal> thresholds() {
		return this.thresholds;
	}

	/** The level of a total: how many thresholds it reaches. */
	public int levelFor(BigDecimal hours) {
		int level = 0;
		for (BigDecimal threshold : this.thresholds) {
			if (hours.compareTo(threshold) >= 0) {
				level++;
			}
		}
		return level;
	}

	/** The hours the next level needs, or empty at the top. */
	public Optional<BigDecimal> nextThreshold(BigDecimal hours) {
		return this.thresholds.stream().filter((threshold) -> hours.compareTo(threshold) < 0).findFirst();
	}

	/**
	 * After confirmed hours changed: records and announces a level higher than any
	 * reached before. Serialised per volunteer so that two confirmations at once both
	 * count.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void refresh(VolunteerId volunteer) {
		this.jdbc.sql("select pg_advisory_xact_lock(5, ?)").param((int) volunteer.value()).query(Object.class).list();
		BigDecimal total = this.jdbc
			.sql("select coalesce(sum(hours), 0) from service_entry where volunteer_id = ? and status = 'CONFIRMED'")
			.param(volunteer.value())
			.query(BigDecimal.class)
			.single();
		int level = levelFor(total);
		if (level == 0) {
			return;
		}
		boolean raised = !this.jdbc
			.sql("""
					insert into star_level (volunteer_id, level, hours) values (?, ?, ?)
					on conflict (volunteer_id) do update set level = excluded.level, hours = excluded.hours, reached_at = now()
					where star_level.level < excluded.level returning level""")
			.params(volunteer.value(), level, total)
			.query(Integer.class)
			.list()
			.isEmpty();
		if (raised) {
			VolunteerView view = this.volunteers.views(List.of(volunteer)).get(volunteer);
			this.events
				.publishEvent(new StarLevelReached(volunteer, (view != null) ? view.accountId() : null, level, total));
		}
	}

}
